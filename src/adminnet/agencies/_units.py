"""Unit kerja (units of agencies as printed, resolved to their parent agency; private).

The table of units (``adminnet/data/agency_units.json``, cited in
``scripts/sources/agency_units.toml``) gives fixed units (``Setda``, ``Bappeda``,
``Diskominfo``, ``Setjen``...), heads of units named after a field (``Dinas``,
``Ditjen``) and printed short fields (``Kominfo``, ``Dukcapil``). The public
function is re-exported by :mod:`adminnet.agencies`.
"""

from __future__ import annotations

import json
import threading
from importlib import resources
from typing import Final

import attrs

from adminnet._validators import OneOf, UnitInterval, short
from adminnet.agencies._names import _check_text
from adminnet.agencies._resolve import get, resolve, split_brackets
from adminnet.errors import AmbiguousName, UnknownEntity
from adminnet.model.agency import Agency, AgencyKind
from adminnet.text.folding import MAX_TEXT, fold
from adminnet.time import DateLike

_HOWS: Final = frozenset({"name", "unit"})
_LOCAL_KINDS: Final = frozenset(
    {
        AgencyKind.PEMERINTAH_PROVINSI,
        AgencyKind.PEMERINTAH_KABUPATEN,
        AgencyKind.PEMERINTAH_KOTA,
    }
)


@attrs.frozen
class AgencyMatch:
    """Kecocokan instansi (the agency a printed mention names, and the unit named in it).

    ``agency`` is the parent agency; ``unit`` the canonical name of the unit named
    (``"Sekretariat Jenderal"``, ``"Dinas Komunikasi dan Informatika"``), or
    ``None`` when the text names the agency itself. ``how`` is ``"name"`` (the text
    names the agency: :func:`adminnet.agencies.resolve`) or ``"unit"`` (a unit and
    its agency). ``score``: 1.0 for a name, 0.9 for a unit of the table, 0.8 for a
    unit whose field is printed as is (``"Dinas Perikanan"``).

    >>> from adminnet import agencies
    >>> m = agencies.resolve_unit("Dinas Kominfo Kota Medan")
    >>> m.agency.id, m.unit, m.how, m.score
    ('pemkot-1271', 'Dinas Komunikasi dan Informatika', 'unit', 0.9)
    """

    agency: Agency
    unit: str | None
    how: str = attrs.field(validator=OneOf(_HOWS, "agency.invalid_how"))
    score: float = attrs.field(validator=UnitInterval("agency.invalid_score"))


class _Units:
    """The unit table, folded: fixed units, heads and fields by their folded forms."""

    def __init__(self, raw: str) -> None:
        doc = json.loads(raw)
        self.units: dict[str, tuple[str, str]] = {}  # folded form -> (name, scope)
        self.heads: dict[str, tuple[str, str]] = {}
        self.fields: dict[str, str] = {}
        for entry in doc["units"]:
            for form in entry["forms"]:
                self.units[fold(form)] = (entry["name"], entry["scope"])
        for entry in doc["heads"]:
            for form in entry["forms"]:
                self.heads[fold(form)] = (entry["name"], entry["scope"])
        for entry in doc["fields"]:
            for form in entry["forms"]:
                self.fields[fold(form)] = entry["name"]
            self.fields[fold(entry["name"])] = entry["name"]
        self.offices: dict[str, tuple[str, str, int]] = {}  # form -> (name, agency, level)
        for entry in doc.get("offices", ()):
            for form in entry["forms"]:
                self.offices[fold(form)] = (entry["name"], entry["agency"], entry["level"])
        keys = (*self.units, *self.heads, *self.offices)
        self.longest = max(len(k.split(" ")) for k in keys)


_LOCK: Final = threading.Lock()
_UNITS: list[_Units] = []


def _units() -> _Units:
    if not _UNITS:
        with _LOCK:
            if not _UNITS:
                folder = resources.files("adminnet") / "data"
                _UNITS.append(_Units((folder / "agency_units.json").read_text(encoding="utf-8")))
    return _UNITS[0]


def resolve_unit(text: str, *, as_of: DateLike | None = None) -> AgencyMatch:
    """Kenali unit kerja (the agency a printed mention names, with the unit it names).

    A text that names an agency gives it (``unit`` ``None``); otherwise a unit in
    front is peeled off and the rest must name its agency: ``"Setjen Kemendagri"``,
    ``"Ditjen Dukcapil Kemendagri"``, ``"Setda Kabupaten Aceh Besar"``, ``"Bappeda
    Provinsi Maluku"``, ``"Diskominfo Jabar"``. A unit of a regional government
    (``Dinas``, ``Setda``, ``BKD``...) needs a Pemerintah Provinsi/Kabupaten/Kota;
    a unit of a ministry (``Setjen``, ``Ditjen``) a central agency; a ``Biro`` either.
    A perangkat daerah may be followed by a bare region name (``"BPKAD
    Pamekasan"``); bracketed short forms are checked against the unit; an office of
    a central agency in a region (``"BPS Provinsi Malut"``) gives the agency with
    the unit "<agency name> <region official name>" (score 0.8).

    >>> m = resolve_unit("Ditjen Dukcapil Kemendagri")
    >>> m.agency.id, m.unit
    ('kemendagri', 'Direktorat Jenderal Kependudukan dan Pencatatan Sipil')
    >>> resolve_unit("Komisi Pemberantasan Korupsi (KPK)").unit is None
    True
    >>> resolve_unit("BKD")
    Traceback (most recent call last):
    adminnet.errors.UnknownEntity: 'BKD' names a unit (Badan Kepegawaian Daerah) but not its agency

    Raises:
        InvalidFormat: not a string, or ``as_of`` not a date.
        UnknownEntity: neither an agency nor a unit of one (``agency.unknown``), or
            a unit without its agency (``agency.unit_without_agency``).
        AmbiguousName: as :func:`adminnet.agencies.resolve` (the agency part is
            ambiguous), with the candidates.
    """
    _check_text(text, "unit_name")
    try:
        return AgencyMatch(agency=resolve(text, as_of=as_of), unit=None, how="name", score=1.0)
    except AmbiguousName:
        raise
    except UnknownEntity as exc:
        first = exc
    body: str = text
    groups: list[str] = []
    split = split_brackets(text.strip()) if len(text) <= MAX_TEXT else None
    if split is not None:  # "Dinas Komunikasi dan Informatika (Diskominfo) Kabupaten X"
        body, groups = split
    words = fold(body).split(" ") if len(body) <= MAX_TEXT else []
    found = _peel(text, words, as_of, first)
    if found is None:
        found = _office(words, as_of)
    if found is None:
        found = _vertical(words, as_of)
    if found is None:
        raise first
    _check_groups(text, found, groups)
    return found


def _peel(
    text: str, words: list[str], as_of: DateLike | None, first: UnknownEntity
) -> AgencyMatch | None:
    """A unit of the table in front, and the agency named after it."""
    units = _units()
    for size in range(min(units.longest, len(words)), 0, -1):
        head = " ".join(words[:size])
        fixed = units.units.get(head)
        if fixed is not None:
            return _with_parent(text, fixed[0], fixed[1], words[size:], 0.9, as_of, first)
        headed = units.heads.get(head)
        if headed is not None:
            return _headed(text, headed, words[size:], as_of, first)
    return None


def _check_groups(text: str, found: AgencyMatch, groups: list[str]) -> None:
    """A bracketed short form naming another unit of the table contradicts the text."""
    units = _units()
    for group in groups:
        fixed = units.units.get(fold(group))
        if fixed is not None and found.unit is not None and fixed[0] != found.unit:
            params = {"value": short(text, 80), "unit": found.unit, "short_form": short(group, 30)}
            params["other"] = fixed[0]
            raise UnknownEntity(code="agency.unit_disagree", params=params)


_REGION_KIND_WORDS: Final = frozenset({"provinsi", "kabupaten", "kota"})


def _office(words: list[str], as_of: DateLike | None) -> AgencyMatch | None:
    """An office of the table in a region: "Polres Labusel", "Kanwil Kemenkumham Jateng".

    The form (``Polda``, ``Polres``, ``Kejati``, ``Kejari``, ``Kanwil``) says the
    central agency (or the words after it name one) and the level of its region;
    the unit is the office's name, the agency's name for a ``Kantor Wilayah``, and
    the region's name (its official name when the text prints the kind). Score 0.8.
    """
    units = _units()
    for size in range(min(units.longest, len(words) - 1), 0, -1):
        office = units.offices.get(" ".join(words[:size]))
        if office is None:
            continue
        name, agency_id, level = office
        rest = words[size:]
        if agency_id != "*":
            agency = get(agency_id)
            place = _office_region(rest, level, as_of)
            if agency is None or place is None:
                return None
            return AgencyMatch(agency=agency, unit=f"{name} {place}", how="unit", score=0.8)
        for cut in range(1, len(rest)):
            try:
                agency = resolve(" ".join(rest[:cut]), as_of=as_of)
            except UnknownEntity:
                continue
            place = _office_region(rest[cut:], level, as_of)
            if agency.kind in _LOCAL_KINDS or place is None:
                return None
            unit = f"{name} {agency.name} {place}"
            return AgencyMatch(agency=agency, unit=unit, how="unit", score=0.8)
        return None
    return None


def _office_region(rest: list[str], level: int, as_of: DateLike | None) -> str | None:
    """The name of the one region of ``level`` the words name, as an office prints it."""
    from adminnet import regions

    if not rest:
        return None
    try:
        region = regions.lookup(" ".join(rest), as_of=as_of, level=level)
    except AmbiguousName as exc:  # "Bogor": two kabupaten/kota, one name for the office
        names = {r.name for r in map(regions.latest, exc.candidates) if r is not None}
        return names.pop() if len(names) == 1 and rest[0] not in _REGION_KIND_WORDS else None
    except UnknownEntity:
        return None
    return region.official_name if rest[0] in _REGION_KIND_WORDS else region.name


def _vertical(words: list[str], as_of: DateLike | None) -> AgencyMatch | None:
    """An office of a central agency in a region: "BPS Provinsi Maluku Utara".

    The words before a kind word (Provinsi, Kabupaten, Kota) name a central agency,
    the rest with the kind word one provinsi/kabupaten/kota (its name or a printed
    abbreviation: "BPS Provinsi Malut"). The unit is the agency's name followed by
    the region's official name; ``how`` ``"unit"``, score 0.8.
    """
    from adminnet import regions

    for at in range(1, len(words) - 1):
        if words[at] not in _REGION_KIND_WORDS:
            continue
        try:
            agency = resolve(" ".join(words[:at]), as_of=as_of)
            region = regions.lookup(" ".join(words[at:]), as_of=as_of)
        except UnknownEntity:
            return None
        if agency.kind in _LOCAL_KINDS or region.level > 2:
            return None
        if region.official_name.split(" ")[0].lower() != words[at]:
            return None
        unit = f"{agency.name} {region.official_name}"
        return AgencyMatch(agency=agency, unit=unit, how="unit", score=0.8)
    return None


def _headed(
    text: str,
    head: tuple[str, str],
    rest: list[str],
    as_of: DateLike | None,
    first: UnknownEntity,
) -> AgencyMatch:
    """A unit "<head> <field> <agency>": the shortest field whose rest names an agency."""
    units = _units()
    for cut in range(1, len(rest)):
        field_words = " ".join(rest[:cut])
        field = units.fields.get(field_words)
        name = f"{head[0]} {field or _title(rest[:cut])}"
        try:
            return _with_parent(
                text, name, head[1], rest[cut:], 0.9 if field else 0.8, as_of, first
            )
        except UnknownEntity as exc:
            if isinstance(exc, AmbiguousName) or exc.code == "agency.unit_scope":
                raise
            continue
    raise first


def _skip_parent_unit(rest: list[str]) -> list[str]:
    """Drop a unit of the table between a unit and its agency ("Biro Adpim Setda Sulsel").

    The unit named first is the one reported (the innermost); the one after it
    (``Setda``) contains it.
    """
    units = _units()
    for size in range(min(units.longest, len(rest) - 1), 0, -1):
        if " ".join(rest[:size]) in units.units:
            return rest[size:]
    return rest


_LOWER: Final = frozenset({"dan", "serta", "atau", "dari", "untuk", "di", "ke"})


def _title(words: list[str]) -> str:
    """Folded field words in title case, conjunctions and prepositions in lower case."""
    return " ".join(w if w in _LOWER else w.capitalize() for w in words)


def _with_parent(
    text: str,
    unit: str,
    scope: str,
    rest: list[str],
    score: float,
    as_of: DateLike | None,
    first: UnknownEntity,
) -> AgencyMatch:
    rest = _skip_parent_unit(rest)
    if not rest:
        params = {"value": short(text, 80), "unit": unit}
        raise UnknownEntity(code="agency.unit_without_agency", params=params)
    try:
        agency = resolve(" ".join(rest), as_of=as_of)
    except UnknownEntity as exc:
        if scope == "pusat" or exc.code != "agency.unknown" or isinstance(exc, AmbiguousName):
            raise
        # "BPKAD Pamekasan", "Diskominfo Labusel": a unit of a regional government
        # followed by the bare name (or printed abbreviation) of its region.
        agency = resolve("Pemerintah Daerah " + " ".join(rest), as_of=as_of)
    local = agency.kind in _LOCAL_KINDS
    if scope != "any" and local != (scope == "daerah"):
        params = {"value": short(text, 80), "unit": unit, "agency": agency.id}
        variant = "daerah" if scope == "daerah" else "pusat"
        raise UnknownEntity(code="agency.unit_scope", variant=variant, params=params)
    return AgencyMatch(agency=agency, unit=unit, how="unit", score=score)
