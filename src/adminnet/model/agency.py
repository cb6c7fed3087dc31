"""Instansi (government agencies: ministries, agencies, state bodies, local governments).

An :class:`Agency` is a body that acts in administration: it signs agreements, employs
officials, provides services and is evaluated (SPBE). Central agencies come from the
catalog in :mod:`adminnet.agencies`; local governments (Pemerintah Provinsi/Kabupaten/
Kota) are tied to an *autonomous* region of the Kemendagri registry.

>>> lan = Agency(id="lan", name="Lembaga Administrasi Negara", acronym="LAN",
...              kind="lembaga_pemerintah_nonkementerian")
>>> lan.kind.label
'Lembaga Pemerintah Nonkementerian'
>>> kominfo = AgencyName(name="Kementerian Komunikasi dan Informatika", acronym="Kominfo",
...                      valid=Period.parse(None, "2024-10-20"))
>>> komdigi = Agency(id="komdigi", name="Kementerian Komunikasi dan Digital",
...                  acronym="Komdigi", kind="kementerian", other_names=[kominfo])
>>> komdigi.name_at("2017-03-16"), komdigi.acronym_at("2025-01-01")
('Kementerian Komunikasi dan Informatika', 'Komdigi')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet._validators import raise_for_field, short
from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat
from adminnet.ids import _region_table
from adminnet.ids import region_code as _region_code
from adminnet.model._common import (
    as_tuple,
    check_id,
    check_ids,
    check_optional_id,
    check_text,
    clean_text,
    enum_converter,
    ids_tuple,
    instance_of,
    optional_region_code_field,
    optional_text_field,
    tuple_of,
)
from adminnet.model._display import entity_html
from adminnet.time import DateLike, Period

__all__ = ["Agency", "AgencyKind", "AgencyName"]


@labels(
    {
        "kementerian": "Kementerian",
        "lembaga_pemerintah_nonkementerian": "Lembaga Pemerintah Nonkementerian",
        "lembaga_pemerintah_lainnya": "Lembaga Pemerintah Lainnya",
        "alat_negara": "Alat Negara",
        "lembaga_negara": "Lembaga Negara",
        "sekretariat_lembaga": "Sekretariat Lembaga",
        "lembaga_nonstruktural": "Lembaga Nonstruktural",
        "lembaga_penyiaran_publik": "Lembaga Penyiaran Publik",
        "pemerintah_provinsi": "Pemerintah Provinsi",
        "pemerintah_kabupaten": "Pemerintah Kabupaten",
        "pemerintah_kota": "Pemerintah Kota",
        "unit_kerja": "Unit Kerja",
        "other": "Lainnya",
    }
)
class AgencyKind(LabeledEnum):
    """Jenis instansi (the kind of an agency).

    Central kinds follow the groups in which KemenPANRB lists the *instansi pusat* it
    evaluates (Laporan Evaluasi SPBE 2023 and 2024), which follow the legal forms:

    - ``kementerian``: a ministry under UU 39/2008, coordinating ministries (Kemenko)
      included; joint names such as "Kementerian PPN/Bappenas" are one ministry.
    - ``lembaga_pemerintah_nonkementerian``: LPNK (BKN, LAN, BPS, BSSN, ANRI, ...).
    - ``lembaga_pemerintah_lainnya``: other government bodies directly under the
      President that are not LPNK (Sekretariat Kabinet, BRIN, BPIP).
    - ``alat_negara``: instruments of the state (Polri, BIN, Kejaksaan Agung).
    - ``lembaga_negara``: state institutions of the Constitution (MPR, DPR, DPD, MA,
      MK, KY, BPK). They are not government agencies; their secretariats are.
    - ``sekretariat_lembaga``: the secretariat (general) that serves a state institution
      or a non-structural body and acts as its *instansi* (Sekretariat Jenderal MPR,
      Sekretariat Komnas HAM); its ``parent_id`` is the body it serves.
    - ``lembaga_nonstruktural``: LNS (KPU, Komnas HAM, KPK, Ombudsman, KASN, ...).
    - ``lembaga_penyiaran_publik``: public broadcasters (TVRI, RRI).

    Local kinds are the governments of the autonomous regions; ``unit_kerja`` is a unit
    inside an agency (a directorate, a regional office, a dinas) and ``other`` anything
    else.
    """

    KEMENTERIAN = "kementerian"
    LEMBAGA_PEMERINTAH_NONKEMENTERIAN = "lembaga_pemerintah_nonkementerian"
    LEMBAGA_PEMERINTAH_LAINNYA = "lembaga_pemerintah_lainnya"
    ALAT_NEGARA = "alat_negara"
    LEMBAGA_NEGARA = "lembaga_negara"
    SEKRETARIAT_LEMBAGA = "sekretariat_lembaga"
    LEMBAGA_NONSTRUKTURAL = "lembaga_nonstruktural"
    LEMBAGA_PENYIARAN_PUBLIK = "lembaga_penyiaran_publik"
    PEMERINTAH_PROVINSI = "pemerintah_provinsi"
    PEMERINTAH_KABUPATEN = "pemerintah_kabupaten"
    PEMERINTAH_KOTA = "pemerintah_kota"
    UNIT_KERJA = "unit_kerja"
    OTHER = "other"

    @property
    def is_local_government(self) -> bool:
        """Pemerintah daerah: True for Pemerintah Provinsi, Kabupaten and Kota."""
        return self in _LOCAL_KINDS

    @property
    def is_central(self) -> bool:
        """Instansi pusat: True for the central kinds (not unit_kerja, not other)."""
        return self in _CENTRAL_KINDS


_LOCAL_KINDS: Final = frozenset(
    {
        AgencyKind.PEMERINTAH_PROVINSI,
        AgencyKind.PEMERINTAH_KABUPATEN,
        AgencyKind.PEMERINTAH_KOTA,
    }
)
_CENTRAL_KINDS: Final = (
    frozenset(AgencyKind)
    - _LOCAL_KINDS
    - {
        AgencyKind.UNIT_KERJA,
        AgencyKind.OTHER,
    }
)
# Region kind (adminnet.model.region.RegionKind value) each local government needs.
_REGION_KIND_OF: Final = {
    AgencyKind.PEMERINTAH_PROVINSI: "provinsi",
    AgencyKind.PEMERINTAH_KABUPATEN: "kabupaten",
    AgencyKind.PEMERINTAH_KOTA: "kota",
}


def _to_kind(value: str | AgencyKind) -> AgencyKind:
    """Converter: the value string of an AgencyKind becomes the member."""
    return enum_converter(AgencyKind)(value)


def _to_period(value: Period | None) -> Period:
    """Converter: ``None`` is the open period (dates unknown); other values pass."""
    return Period() if value is None else value


def _check_valid(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(Period)(instance, attribute, value)


@attrs.frozen(kw_only=True)
class AgencyName:
    """Nama instansi (a name an agency bore, with its acronym and when it was in force).

    An open ``valid`` on both ends means "a true name of the agency, dates unknown":
    such a name identifies the agency but is never the one :meth:`Agency.name_at`
    reports.

    Attributes:
        name: The full name, e.g. ``"Kementerian Komunikasi dan Informatika"``.
        acronym: Its acronym or short form, e.g. ``"Kominfo"``, if any.
        valid: When the name was in force, as precise as known.
        basis: The legal basis of the name, as text, if known.
    """

    name: str = attrs.field(converter=clean_text, validator=check_text)
    acronym: str | None = optional_text_field()
    valid: Period = attrs.field(factory=Period, converter=_to_period, validator=_check_valid)
    basis: str | None = optional_text_field()

    def __str__(self) -> str:
        """The name, with its acronym if any."""
        return self.name if self.acronym is None else f"{self.name} ({self.acronym})"

    _repr_html_ = entity_html

    @property
    def is_dated(self) -> bool:
        """Bertanggal (True if at least one end of the name's period is known)."""
        return self.valid.start is not None or self.valid.end is not None


def _names_tuple(value: Sequence[AgencyName]) -> tuple[AgencyName, ...]:
    return as_tuple(value)


def _check_region_code(instance: Agency, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: region code present iff a local government; the region fits the kind.

    Runs after ``kind`` and ``valid`` (field order), so both are known here.
    """
    kind = instance.kind
    if value is None:
        if kind in _LOCAL_KINDS:
            raise_for_field(
                InvalidFormat(
                    code="agency.region_required", params={"kind": kind.label, "id": instance.id}
                ),
                instance,
                attribute,
            )
        return
    if not isinstance(value, str) or not _region_code.is_valid(value):
        raise_for_field(
            InvalidFormat(code="agency.invalid_region_code", params={"value": short(value, 40)}),
            instance,
            attribute,
        )
    assert isinstance(value, str)
    if kind in _CENTRAL_KINDS:
        raise_for_field(
            InconsistentData(
                code="agency.region_not_allowed",
                params={"kind": kind.label, "id": instance.id, "value": value},
            ),
            instance,
            attribute,
        )
    region = _find_region(value, instance.valid)
    if region is None:
        raise_for_field(
            InvalidComponent(
                code="agency.region_unknown", params={"value": value, "id": instance.id}
            ),
            instance,
            attribute,
        )
    if kind not in _LOCAL_KINDS:
        return
    if not region.is_autonomous:
        raise_for_field(
            InconsistentData(
                code="agency.region_not_autonomous",
                params={
                    "value": value,
                    "name": region.official_name,
                    "kind": kind.label,
                    "id": instance.id,
                },
            ),
            instance,
            attribute,
        )
    wanted = _REGION_KIND_OF[kind]
    if region.kind != wanted:
        raise_for_field(
            InconsistentData(
                code="agency.region_kind_mismatch",
                params={
                    "kind": kind.label,
                    "id": instance.id,
                    "wanted": str(wanted),
                    "value": value,
                    "name": region.official_name,
                    "region_kind": str(region.kind),
                },
            ),
            instance,
            attribute,
        )


def _find_region(code: str, valid: Period) -> _region_table.CodeRecord | None:
    """The region for ``code``: at the agency's start if known, else now, else ever.

    The registry's history starts in 2015, so an agency that began earlier is checked
    against its region as it is now (or was last), never rejected for the date alone.
    Read from the ids layer's code table (generated from the registry, which the model
    does not import); a desa/kelurahan code is checked by its kecamatan there, exactly
    by rule REF002.
    """
    if len(code) > 5:
        if not _region_table.exists(code):
            return None
        what = "kecamatan" if len(code) == 8 else "desa/kelurahan"
        return _region_table.CodeRecord(
            code=code, kind=what, start=None, end=None, successors=(), official_name=f"a {what}"
        )
    for day in (
        None if valid.start is None else valid.start.latest,
        None if valid.end is None else valid.end.earliest,
    ):
        if day is not None:
            region = _region_table.at(code, day)
            if region is not None:
                return region
    return _region_table.latest(code)


def _check_parent(instance: Agency, attribute: attrs.Attribute[Any], value: object) -> None:
    check_optional_id(instance, attribute, value)
    if value is not None and value == instance.id:
        raise_for_field(
            InconsistentData(code="agency.parent_self", params={"id": instance.id}),
            instance,
            attribute,
        )


def _check_successors(instance: Agency, attribute: attrs.Attribute[Any], value: object) -> None:
    check_ids(instance, attribute, value)
    assert isinstance(value, tuple)
    if instance.id in value:
        raise_for_field(
            InconsistentData(code="agency.successor_self", params={"id": instance.id}),
            instance,
            attribute,
        )


@attrs.frozen(kw_only=True)
class Agency:
    """Instansi (a government agency, a state body or a local government).

    Attributes:
        id: Slug id: ``"lan"``, ``"kemenpanrb"``, ``"pemkot-8171"``.
        name: The current name (the latest one, for a dissolved agency).
        acronym: The current acronym or short form (``"LAN"``), if any.
        kind: What kind of body it is (:class:`AgencyKind`).
        region_code: Dotted Kemendagri code of the region a local government governs
            (required for, and only for, local governments; a ``unit_kerja`` or
            ``other`` body may name the region it sits in). A local government's region
            must be in the registry, autonomous and of the matching kind.
        parent_id: The agency it belongs to or serves, if any (a secretariat's body,
            a unit's agency).
        valid: When the agency existed, as precise as known (open: unknown/ongoing).
        other_names: Former names and other true names, each with its dates.
        basis: Its legal basis as text, if known.
        successor_ids: Agencies that took over its functions when it was dissolved or
            split (Kemendes PDTT -> Kemendes PDT and Kementerian Transmigrasi).
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(converter=clean_text, validator=check_text)
    kind: AgencyKind = attrs.field(converter=_to_kind, validator=instance_of(AgencyKind))
    acronym: str | None = optional_text_field()
    valid: Period = attrs.field(factory=Period, converter=_to_period, validator=_check_valid)
    region_code: str | None = optional_region_code_field(_check_region_code)
    parent_id: str | None = attrs.field(default=None, validator=_check_parent)
    other_names: tuple[AgencyName, ...] = attrs.field(
        default=(), converter=_names_tuple, validator=tuple_of(AgencyName)
    )
    basis: str | None = optional_text_field()
    successor_ids: tuple[str, ...] = attrs.field(
        default=(), converter=ids_tuple, validator=_check_successors
    )

    def __str__(self) -> str:
        """The name, with its acronym if any: ``"Lembaga Administrasi Negara (LAN)"``."""
        return self.name if self.acronym is None else f"{self.name} ({self.acronym})"

    _repr_html_ = entity_html

    @property
    def is_local_government(self) -> bool:
        """Pemerintah daerah: True for a provincial, kabupaten or kota government."""
        return self.kind.is_local_government

    def dated_name_at(self, at: DateLike | None = None) -> AgencyName | None:
        """Nama lama yang berlaku (the dated other name in force on ``at``, if any).

        ``None`` when the current name is in force (no dated other name surely
        contains the day).

        Raises:
            InvalidFormat: ``at`` is not a date or an ISO date string.
        """
        for other in self.other_names:
            if other.is_dated and other.valid.surely_contains(at):
                return other
        return None

    def name_at(self, at: DateLike | None = None) -> str:
        """Nama pada tanggal (the name in force on ``at``; ``None`` = today).

        A dated other name whose period surely contains the day wins; otherwise the
        current ``name``. Undated other names are never chosen.

        >>> a = Agency(id="x", name="Badan Baru", kind="other",
        ...            other_names=[AgencyName(name="Badan Lama",
        ...                                    valid=Period.parse("2000", "2019-12-31"))])
        >>> a.name_at("2010-01-01"), a.name_at("2020-01-01")
        ('Badan Lama', 'Badan Baru')

        Raises:
            InvalidFormat: ``at`` is not a date or an ISO date string.
        """
        other = self.dated_name_at(at)
        return self.name if other is None else other.name

    def acronym_at(self, at: DateLike | None = None) -> str | None:
        """Singkatan pada tanggal (the acronym in force on ``at``; ``None`` = today).

        Raises:
            InvalidFormat: ``at`` is not a date or an ISO date string.
        """
        other = self.dated_name_at(at)
        return self.acronym if other is None else other.acronym

    def exists_at(self, at: DateLike | None = None) -> bool:
        """Ada pada tanggal (True if the agency possibly existed on ``at``).

        *Possibly*: an agency known only to have been founded "in 2016" exists on
        2016-06-01 for this question. Use ``valid.surely_contains`` for certainty.

        Raises:
            InvalidFormat: ``at`` is not a date or an ISO date string.
        """
        return self.valid.possibly_contains(at)

    @property
    def names(self) -> tuple[str, ...]:
        """Semua nama (every name: the current one first, then the other names)."""
        return (self.name, *(o.name for o in self.other_names))

    @property
    def acronyms(self) -> tuple[str, ...]:
        """Semua singkatan (every acronym, the current one first, without repeats)."""
        seen: dict[str, None] = {}
        for acr in (self.acronym, *(o.acronym for o in self.other_names)):
            if acr is not None:
                seen.setdefault(acr, None)
        return tuple(seen)
