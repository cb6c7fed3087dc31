"""Evaluasi SPBE (SPBE evaluation results: the domain indicators, their weights, and tables).

KemenPANRB evaluates every instansi pusat and pemerintah daerah each year under
PermenPANRB 59/2020 (in force from 1 January 2021). The *Indeks SPBE* is the weighted
sum of four domain indices (Lampiran, Tabel 7), each on the scale 0-5:

- Kebijakan Internal SPBE, ``spbe_domain_kebijakan_internal``: 13 %;
- Tata Kelola SPBE, ``spbe_domain_tata_kelola``: 25 %;
- Manajemen SPBE, ``spbe_domain_manajemen``: 16.5 %;
- Layanan SPBE, ``spbe_domain_layanan``: 45.5 %.

>>> recompute_index("4.90", "3.80", "3.73", "4.52")   # LAN, 2023 (printed 4.26)
Decimal('4.25905')
>>> SpbeDomain.LAYANAN.indicator.key, SpbeDomain.LAYANAN.weight
('spbe_domain_layanan', Decimal('0.455'))

Indicators are graded from maturity level 1 to 5, so a domain index is normally 1-5,
but the published tables have lower values that the index confirms (Kabupaten
Banyuasin 2023: Layanan 0.30, index 1.05), so the domain scale is 0-5 like the index;
nothing above 5 is possible.

**Reading a results table.** :func:`read_results` turns the rows of a table (one
mapping of column name to cell text per row, as :class:`csv.DictReader` gives) into
:class:`SpbeResult` records: the printed agency name is resolved with
:func:`adminnet.agencies.resolve` as of 31 December of the evaluation year, the index
and the domain scores are read exactly (``"3,40"`` and ``"3.40"`` alike), the printed
predikat is kept. :func:`measurements_from_table` gives the same rows as
:class:`~adminnet.model.digital.Measurement` records: one of
:data:`~adminnet.model.digital.SPBE_INDEX` per row, plus one per domain score that
is printed (an empty cell, e.g. an OCR gap, gives no measurement: nothing is
invented), dated with the evaluation year.

>>> rows = [{"year": "2023", "instansi": "Lembaga Administrasi Negara",
...          "d1_kebijakan": "4.90", "d2_tata_kelola": "3.80", "d3_manajemen": "3.73",
...          "d4_layanan": "4.52", "index": "4.26", "predicate": "Memuaskan"}]
>>> [(m.indicator.key, str(m.value), str(m.on), m.agency_id)
...  for m in measurements_from_table(rows, source="KemenPANRB, Laporan SPBE 2023")][:2]
[('spbe_index', '4.26', '2023', 'lan'), ('spbe_domain_kebijakan_internal', '4.90', '2023', 'lan')]

Every problem of the table is reported at once, as one
:class:`~adminnet.errors.InvalidDataError` whose details name the row (counted from 0,
header not counted) and the column, e.g. ``$[3].d2_tata_kelola``.

**Caveats of the published tables** (checked on the 2023 and 2024 reports, 1,236
rows; see the documentation page *SPBE evaluations*):

- The printed predikat follows the *unrounded* index. Where the printed two-decimal
  index sits exactly on a cut-point (1.80, 2.60, 3.50, 4.20),
  :func:`~adminnet.model.digital.spbe_predicate` of the printed value may differ
  from the printed predikat: in 2024, Kabupaten Nias Barat 1.80 "Kurang", Kabupaten
  Pacitan 3.50 "Baik" and Kabupaten Luwu 2.60 "Cukup". Keep the printed predikat
  (:attr:`SpbeResult.predicate`) rather than regrade printed values.
- The index recomputes from the printed domain scores within :data:`INDEX_TOLERANCE`
  (each printed value is off by at most 0.005, and the weights sum to 1), except where
  a domain score was misread: :meth:`SpbeResult.index_recomputes` finds such rows
  (Provinsi Jawa Timur 2024: Kebijakan Internal printed 0.60, index 4.43).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet._validators import field_name, raise_for_field, short
from adminnet.errors import ErrorDetail, InvalidComponent, InvalidDataError, InvalidFormat
from adminnet.model._common import check_id, check_optional_text, instance_of
from adminnet.model.digital import SPBE_INDEX, Indicator, Measurement, SpbePredicate
from adminnet.spbe._table import (
    _SPACES,
    _check_aliases,
    _check_source,
    _number,
    _path,
    _read_agency,
    _read_predicate,
    _Row,
)
from adminnet.time import PartialDate, today

__all__ = [
    "DEFAULT_DOMAIN_COLUMNS",
    "FIRST_YEAR",
    "INDEX_TOLERANCE",
    "SPBE_DOMAIN_KEBIJAKAN_INTERNAL",
    "SPBE_DOMAIN_LAYANAN",
    "SPBE_DOMAIN_MANAJEMEN",
    "SPBE_DOMAIN_TATA_KELOLA",
    "SpbeDomain",
    "SpbeResult",
    "measurements_from_table",
    "read_results",
    "recompute_index",
]


def _domain_indicator(key: str, label: str) -> Indicator:
    return Indicator(
        key=f"spbe_domain_{key}",
        label=f"Indeks Domain {label}",
        unit="indeks",
        minimum=0,
        maximum=5,
    )


SPBE_DOMAIN_KEBIJAKAN_INTERNAL: Final = _domain_indicator(
    "kebijakan_internal", "Kebijakan Internal SPBE"
)
"""Indeks Domain Kebijakan Internal SPBE (domain 1, weight 13 %), 0 to 5."""

SPBE_DOMAIN_TATA_KELOLA: Final = _domain_indicator("tata_kelola", "Tata Kelola SPBE")
"""Indeks Domain Tata Kelola SPBE (domain 2, weight 25 %), 0 to 5."""

SPBE_DOMAIN_MANAJEMEN: Final = _domain_indicator("manajemen", "Manajemen SPBE")
"""Indeks Domain Manajemen SPBE (domain 3, weight 16.5 %), 0 to 5."""

SPBE_DOMAIN_LAYANAN: Final = _domain_indicator("layanan", "Layanan SPBE")
"""Indeks Domain Layanan SPBE (domain 4, weight 45.5 %), 0 to 5."""


@labels(
    {
        "kebijakan_internal": "Kebijakan Internal SPBE",
        "tata_kelola": "Tata Kelola SPBE",
        "manajemen": "Manajemen SPBE",
        "layanan": "Layanan SPBE",
    }
)
class SpbeDomain(LabeledEnum):
    """Domain SPBE (the four domains of the SPBE index, PermenPANRB 59/2020 Tabel 7)."""

    KEBIJAKAN_INTERNAL = "kebijakan_internal"
    TATA_KELOLA = "tata_kelola"
    MANAJEMEN = "manajemen"
    LAYANAN = "layanan"

    @property
    def number(self) -> int:
        """The domain's number in the regulation, 1 (kebijakan internal) to 4 (layanan)."""
        return list(SpbeDomain).index(self) + 1

    @property
    def weight(self) -> Decimal:
        """Bobot domain: its weight in the index (0.13, 0.25, 0.165, 0.455)."""
        return _WEIGHTS[self]

    @property
    def indicator(self) -> Indicator:
        """The indicator of the domain index (``spbe_domain_<value>``, scale 0-5)."""
        return _INDICATORS[self]


_WEIGHTS: Final = {
    SpbeDomain.KEBIJAKAN_INTERNAL: Decimal("0.13"),
    SpbeDomain.TATA_KELOLA: Decimal("0.25"),
    SpbeDomain.MANAJEMEN: Decimal("0.165"),
    SpbeDomain.LAYANAN: Decimal("0.455"),
}
_INDICATORS: Final = {
    SpbeDomain.KEBIJAKAN_INTERNAL: SPBE_DOMAIN_KEBIJAKAN_INTERNAL,
    SpbeDomain.TATA_KELOLA: SPBE_DOMAIN_TATA_KELOLA,
    SpbeDomain.MANAJEMEN: SPBE_DOMAIN_MANAJEMEN,
    SpbeDomain.LAYANAN: SPBE_DOMAIN_LAYANAN,
}

INDEX_TOLERANCE: Final = Decimal("0.01")
"""Largest gap between a printed index and its recomputation from printed domain scores.

Each printed value is rounded to two decimals (off by at most 0.005) and the weights
sum to 1, so an honest row recomputes within 0.005 + 0.005. The 2023 and 2024 tables
stay within 0.0077, except one misread domain score.
"""

FIRST_YEAR: Final = 2018
"""The first year of SPBE evaluations (PermenPANRB 5/2018); earlier years are refused."""

_FIRST_WEIGHTED_YEAR: Final = 2021  # PermenPANRB 59/2020 is in force from 1 January 2021

DEFAULT_DOMAIN_COLUMNS: Final = ("d1_kebijakan", "d2_tata_kelola", "d3_manajemen", "d4_layanan")
"""Column names of the four domain scores, in domain order, as in the reference table."""

_YEAR: Final = re.compile(r"[0-9]{4}\Z", re.ASCII)


# --- recomputing the index -------------------------------------------------------------


def recompute_index(
    kebijakan_internal: Decimal | int | float | str,
    tata_kelola: Decimal | int | float | str,
    manajemen: Decimal | int | float | str,
    layanan: Decimal | int | float | str,
) -> Decimal:
    """Indeks SPBE dari indeks domain (the index as the weighted sum of the four domains).

    The weights are those of PermenPANRB 59/2020 (13 %, 25 %, 16.5 %, 45.5 %), for
    evaluations from 2021 on; the sum is exact, not rounded. Scores are Decimals,
    ints, floats (by their shortest repr) or text with a decimal point or comma
    (``"3,40"``).

    >>> recompute_index("1.00", "1.10", "1.00", "2.70")   # Kab. Nias Barat 2024, "1.80"
    Decimal('1.79850')
    >>> recompute_index(5, 5, 5, 5)
    Decimal('5.000')

    Raises:
        InvalidFormat: a score is not a number (``spbe.invalid_score``).
        InvalidComponent: a score is off the scale 0-5 (``indicator.out_of_range``).
    """
    scores = (kebijakan_internal, tata_kelola, manajemen, layanan)
    return sum(
        (_number(s, d.value) * d.weight for s, d in zip(scores, SpbeDomain, strict=True)),
        Decimal(0),
    )


# --- the result of one row -------------------------------------------------------------


def _check_score(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(Decimal, optional=attribute.default is None)(instance, attribute, value)
    if isinstance(value, Decimal) and not (value.is_finite() and 0 <= value <= 5):
        params = {"field": field_name(instance, attribute), "value": str(value)}
        exc = InvalidComponent(code="indicator.out_of_range", variant="spbe_field", params=params)
        raise_for_field(exc, instance, attribute)


def _check_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(int)(instance, attribute, value)
    assert isinstance(value, int)
    if not FIRST_YEAR <= value <= today().year:
        raise_for_field(
            InvalidComponent(
                code="spbe.invalid_year", params={"value": value, "first": FIRST_YEAR}
            ),
            instance,
            attribute,
        )


def _check_row(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(int, optional=True)(instance, attribute, value)
    if isinstance(value, int) and value < 0:
        raise_for_field(
            InvalidComponent(
                code="spbe.invalid_row",
                variant="negative",
                params={"type": type(instance).__name__, "value": value},
            ),
            instance,
            attribute,
        )


@attrs.frozen(kw_only=True)
class SpbeResult:
    """Hasil evaluasi SPBE (one agency's result for one year, as a table printed it).

    Attributes:
        agency_id: The evaluated agency (``"lan"``, ``"pemkab-3510"``).
        year: The evaluation year.
        index: The Indeks SPBE as printed.
        kebijakan_internal: Domain 1 score, ``None`` when the table has none.
        tata_kelola: Domain 2 score, or ``None``.
        manajemen: Domain 3 score, or ``None``.
        layanan: Domain 4 score, or ``None``.
        predicate: The predikat as printed (graded from the unrounded index), if any.
        name: The agency's name as printed.
        row: The row of the table it was read from (from 0), if known.
        source: Where the table comes from, as a citation.
    """

    agency_id: str = attrs.field(validator=check_id)
    year: int = attrs.field(validator=_check_year)
    index: Decimal = attrs.field(validator=_check_score)
    kebijakan_internal: Decimal | None = attrs.field(default=None, validator=_check_score)
    tata_kelola: Decimal | None = attrs.field(default=None, validator=_check_score)
    manajemen: Decimal | None = attrs.field(default=None, validator=_check_score)
    layanan: Decimal | None = attrs.field(default=None, validator=_check_score)
    predicate: SpbePredicate | None = attrs.field(
        default=None, validator=instance_of(SpbePredicate, optional=True)
    )
    name: str | None = attrs.field(default=None, validator=check_optional_text)
    row: int | None = attrs.field(default=None, validator=_check_row)
    source: str | None = attrs.field(default=None, validator=check_optional_text)

    @property
    def domains(self) -> dict[SpbeDomain, Decimal]:
        """The printed domain scores by domain, in domain order (missing ones left out)."""
        scores = (self.kebijakan_internal, self.tata_kelola, self.manajemen, self.layanan)
        return {d: s for d, s in zip(SpbeDomain, scores, strict=True) if s is not None}

    @property
    def recomputed_index(self) -> Decimal | None:
        """The index recomputed from the four domain scores (:func:`recompute_index`).

        ``None`` if a domain score is missing, or for an evaluation before 2021 (under
        PermenPANRB 5/2018, with other domains and weights).
        """
        domains = self.domains
        if len(domains) < len(SpbeDomain) or self.year < _FIRST_WEIGHTED_YEAR:
            return None
        return recompute_index(*domains.values())

    def index_recomputes(self, tolerance: Decimal = INDEX_TOLERANCE) -> bool | None:
        """Whether the printed index is within ``tolerance`` of :attr:`recomputed_index`.

        ``None`` when a domain score is missing (nothing to compare).
        """
        recomputed = self.recomputed_index
        if recomputed is None:
            return None
        return abs(recomputed - self.index) <= tolerance

    def measurements(self) -> list[Measurement]:
        """The index and each printed domain score as Measurements dated with the year."""
        on = PartialDate(year=self.year)
        values = [(SPBE_INDEX, self.index)]
        values += [(d.indicator, s) for d, s in self.domains.items()]
        return [
            Measurement(
                indicator=indicator,
                value=value,
                on=on,
                agency_id=self.agency_id,
                source=self.source,
            )
            for indicator, value in values
        ]


# --- reading a table -------------------------------------------------------------------
# The cells of one row (text, scores, the agency, the predikat) are read by
# adminnet.spbe._table; what needs the domains or FIRST_YEAR stays here.


def _check_columns(domain_columns: object) -> tuple[str | None, ...]:
    if (
        isinstance(domain_columns, str)
        or not isinstance(domain_columns, Sequence)
        or len(domain_columns) != len(SpbeDomain)
        or not all(c is None or isinstance(c, str) for c in domain_columns)
    ):
        raise InvalidFormat(
            code="spbe.invalid_argument",
            variant="domain_columns",
            params={"value": short(domain_columns, 60)},
        )
    return tuple(domain_columns)


def _check_year_argument(year: object) -> int | None:
    if year is None:
        return None
    if not isinstance(year, int) or isinstance(year, bool):
        raise InvalidFormat(
            code="spbe.invalid_argument", variant="year", params={"value": short(year, 40)}
        )
    if not FIRST_YEAR <= year <= today().year:
        raise InvalidComponent(
            code="spbe.invalid_year", params={"value": year, "first": FIRST_YEAR}
        )
    return year


def _read_year(row: _Row, column: str) -> int | None:
    text = row.text(column)
    if text is None:
        return None
    if not _YEAR.match(text):
        row.fail(column, "spbe.invalid_year", {"value": repr(text)}, variant="digits")
        return None
    year = int(text)
    if not FIRST_YEAR <= year <= today().year:
        row.fail(column, "spbe.invalid_year", {"value": year, "first": FIRST_YEAR})
        return None
    return year


def read_results(
    rows: Iterable[Mapping[str, str]],
    *,
    source: str | Mapping[int, str],
    year: int | None = None,
    year_column: str = "year",
    name_column: str = "instansi",
    index_column: str = "index",
    domain_columns: Sequence[str | None] = DEFAULT_DOMAIN_COLUMNS,
    predicate_column: str | None = "predicate",
    aliases: Mapping[str, str] | None = None,
) -> list[SpbeResult]:
    """Baca tabel hasil evaluasi SPBE (read an SPBE results table into results).

    Each row gives one :class:`SpbeResult`, in table order. The printed agency name is
    resolved with :func:`adminnet.agencies.resolve` as of 31 December of the year
    (``aliases`` first, for names the catalog does not know); scores are read exactly
    from text with a decimal point or comma; an empty score cell (or a dash) is a
    missing domain score, never a zero; the printed predikat is kept as printed.

    Args:
        rows: The table: one mapping of column name to cell text per row (e.g. a
            :class:`csv.DictReader`; with pandas, ``df.to_dict("records")`` of a frame
            read with ``dtype=str, keep_default_na=False``). ``None`` cells are empty.
        source: The citation of the table, or citations by year (for a table that
            joins several reports).
        year: The evaluation year of every row, for a table without a year column.
        year_column: The column of the evaluation year (ignored when ``year`` is given).
        name_column: The column of the agency name as printed.
        index_column: The column of the Indeks SPBE (required in every row).
        domain_columns: The columns of the four domain scores, in domain order
            (:class:`SpbeDomain`); ``None`` for a domain the table does not have.
        predicate_column: The column of the printed predikat, ``None`` if there is none.
        aliases: Printed names (whitespace collapsed) mapped to agency ids, checked
            before the catalog; the ids need not be in the catalog.

    Returns:
        One result per row.

    Raises:
        InvalidDataError: some rows are bad (code ``spbe.invalid_table``); it lists every
            problem with its row and column (``$[3].index``) and its own code:
            ``spbe.missing_column``, ``spbe.invalid_cell`` (not text),
            ``spbe.missing_value``, ``spbe.invalid_year``, ``spbe.invalid_score``,
            ``indicator.out_of_range``, ``spbe.invalid_predicate``,
            ``spbe.unknown_agency``, ``spbe.ambiguous_agency``, ``spbe.missing_source``
            (no citation for the row's year), ``spbe.duplicate_agency`` (two rows of
            one agency in one year), ``spbe.invalid_row`` (a row that is no mapping).
        InvalidFormat: ``rows`` is not an iterable of rows, or another argument has the
            wrong type (``spbe.invalid_type``, ``spbe.invalid_argument``).
        InvalidComponent: ``year`` is before 2018 or in the future (``spbe.invalid_year``).
    """
    if isinstance(rows, str | bytes | bytearray | Mapping) or not isinstance(rows, Iterable):
        raise InvalidFormat(code="spbe.invalid_type", params={"type": type(rows).__name__})
    citation = _check_source(source)
    fixed_year = _check_year_argument(year)
    columns = _check_columns(domain_columns)
    names = _check_aliases(aliases)
    arguments: tuple[object, ...] = (year_column, name_column, index_column, predicate_column)
    for argument in arguments:
        if argument is not None and not isinstance(argument, str):
            raise InvalidFormat(
                code="spbe.invalid_argument",
                variant="column",
                params={"value": short(argument, 40)},
            )
    errors: list[ErrorDetail] = []
    results: list[SpbeResult] = []
    seen: dict[tuple[str, int], int] = {}
    items: Iterable[object] = rows
    for i, cells in enumerate(items):
        if not isinstance(cells, Mapping):
            errors.append(
                ErrorDetail.from_code(
                    _path(i, None), "spbe.invalid_row", {"type": type(cells).__name__}
                )
            )
            continue
        row = _Row(i, cells, errors)
        result = _read_row(
            row,
            citation,
            fixed_year,
            year_column,
            name_column,
            index_column,
            columns,
            predicate_column,
            names,
        )
        if result is None:
            continue
        key = (result.agency_id, result.year)
        if key in seen:
            row.fail(
                name_column,
                "spbe.duplicate_agency",
                {"value": result.agency_id, "year": result.year, "row": seen[key]},
            )
            continue
        seen[key] = i
        results.append(result)
    if errors:
        raise InvalidDataError(errors, code="spbe.invalid_table")
    return results


def _read_row(
    row: _Row,
    citation: str | Mapping[int, str],
    fixed_year: int | None,
    year_column: str,
    name_column: str,
    index_column: str,
    domain_columns: tuple[str | None, ...],
    predicate_column: str | None,
    aliases: Mapping[str, str],
) -> SpbeResult | None:
    before = len(row.errors)
    year = fixed_year if fixed_year is not None else _read_year(row, year_column)
    agency_id = None if year is None else _read_agency(row, name_column, year, aliases)
    index = row.score(index_column, "index", required=True)
    scores = [
        None if column is None else row.score(column, domain.value, required=False)
        for domain, column in zip(SpbeDomain, domain_columns, strict=True)
    ]
    predicate = None if predicate_column is None else _read_predicate(row, predicate_column)
    source: str | None = None
    if isinstance(citation, str):
        source = citation
    elif year is not None:
        source = citation.get(year)
        if source is None:
            column = None if fixed_year is not None else year_column
            row.fail(column, "spbe.missing_source", {"year": year})
    if len(row.errors) > before or agency_id is None or year is None or index is None:
        return None
    name = row.cells.get(name_column)
    return SpbeResult(
        agency_id=agency_id,
        year=year,
        index=index,
        kebijakan_internal=scores[0],
        tata_kelola=scores[1],
        manajemen=scores[2],
        layanan=scores[3],
        predicate=predicate,
        name=_SPACES.sub(" ", name).strip() if isinstance(name, str) else None,
        row=row.index,
        source=source,
    )


def measurements_from_table(
    rows: Iterable[Mapping[str, str]],
    *,
    source: str | Mapping[int, str],
    year: int | None = None,
    year_column: str = "year",
    name_column: str = "instansi",
    index_column: str = "index",
    domain_columns: Sequence[str | None] = DEFAULT_DOMAIN_COLUMNS,
    predicate_column: str | None = "predicate",
    aliases: Mapping[str, str] | None = None,
) -> list[Measurement]:
    """Pengukuran dari tabel SPBE (an SPBE results table as Measurements).

    :func:`read_results`, then :meth:`SpbeResult.measurements` of each row in order:
    the Indeks SPBE of the row, then each printed domain score, all dated with the
    evaluation year and attached to the resolved agency. Arguments and errors are
    those of :func:`read_results`.
    """
    results = read_results(
        rows,
        source=source,
        year=year,
        year_column=year_column,
        name_column=name_column,
        index_column=index_column,
        domain_columns=domain_columns,
        predicate_column=predicate_column,
        aliases=aliases,
    )
    return [m for result in results for m in result.measurements()]
