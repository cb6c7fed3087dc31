"""Jabatan (positions in agencies) and masa jabatan (tenures, with acting capacities)."""

from __future__ import annotations

from typing import Final

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet.model._common import (
    check_id,
    check_text,
    clean_text,
    enum_converter,
    instance_of,
    optional_partial_date,
    optional_text_field,
)
from adminnet.model._display import entity_html
from adminnet.time import PartialDate, Period

__all__ = ["Capacity", "Decree", "Position", "Role", "Tenure"]


@labels(
    {
        "menteri": "Menteri",
        "kepala": "Kepala",
        "sekretaris_kementerian": "Sekretaris Kementerian",
        "sekretaris_jenderal": "Sekretaris Jenderal",
        "sekretaris_utama": "Sekretaris Utama",
        "gubernur": "Gubernur",
        "wakil_gubernur": "Wakil Gubernur",
        "bupati": "Bupati",
        "wakil_bupati": "Wakil Bupati",
        "wali_kota": "Wali Kota",
        "wakil_wali_kota": "Wakil Wali Kota",
        "sekretaris_daerah": "Sekretaris Daerah",
        "wakil_menteri": "Wakil Menteri",
        "direktur_jenderal": "Direktur Jenderal",
        "inspektur_jenderal": "Inspektur Jenderal",
        "deputi": "Deputi",
        "direktur": "Direktur",
        "asisten": "Asisten",
        "camat": "Camat",
        "lurah": "Lurah",
        "kepala_desa": "Kepala Desa",
        "rektor": "Rektor",
        "ketua": "Ketua",
        "other": "Lainnya",
    }
)
class Role(LabeledEnum):
    """Peran jabatan (the role of a position: menteri, kepala, bupati, wali kota, ...).

    The roles from menteri to sekretaris daerah, and other, are those the rules judge
    (POS001, TEN002). The others name the common posts printed in government news so
    that a position phrase keeps its role: the wakil menteri, the echelon-I posts of a
    ministry (direktur jenderal, inspektur jenderal, deputi) and its directors, the
    asisten of a sekretaris daerah, the heads below the kabupaten/kota (camat, lurah,
    kepala desa) and the heads of bodies led by a rector or a chair (rektor, ketua).
    The head of a unit (a dinas, badan, biro, bagian or bidang) is a ``kepala``: the
    position's title names the unit.

    >>> Role.WALI_KOTA.label, Role.KEPALA_DESA.label
    ('Wali Kota', 'Kepala Desa')
    >>> Role.CAMAT.is_head, Role.BUPATI.is_regional_head, Role.WAKIL_MENTERI.is_deputy
    (False, True, True)
    """

    MENTERI = "menteri"
    KEPALA = "kepala"
    SEKRETARIS_KEMENTERIAN = "sekretaris_kementerian"
    SEKRETARIS_JENDERAL = "sekretaris_jenderal"
    SEKRETARIS_UTAMA = "sekretaris_utama"
    GUBERNUR = "gubernur"
    WAKIL_GUBERNUR = "wakil_gubernur"
    BUPATI = "bupati"
    WAKIL_BUPATI = "wakil_bupati"
    WALI_KOTA = "wali_kota"
    WAKIL_WALI_KOTA = "wakil_wali_kota"
    SEKRETARIS_DAERAH = "sekretaris_daerah"
    WAKIL_MENTERI = "wakil_menteri"
    DIREKTUR_JENDERAL = "direktur_jenderal"
    INSPEKTUR_JENDERAL = "inspektur_jenderal"
    DEPUTI = "deputi"
    DIREKTUR = "direktur"
    ASISTEN = "asisten"
    CAMAT = "camat"
    LURAH = "lurah"
    KEPALA_DESA = "kepala_desa"
    REKTOR = "rektor"
    KETUA = "ketua"
    OTHER = "other"

    @property
    def is_head(self) -> bool:
        """True for the head of an agency: menteri, kepala, gubernur, bupati, wali kota.

        The heads of units (direktur jenderal, deputi, ...), of the areas below a
        kabupaten/kota (camat, lurah, kepala desa) and of bodies led by a rector or a
        chair (rektor, ketua) are not: False.
        """
        return self in _HEADS

    @property
    def is_regional_head(self) -> bool:
        """True for a kepala daerah: gubernur, bupati, wali kota."""
        return self in _REGIONAL_HEADS

    @property
    def is_deputy(self) -> bool:
        """True for a wakil: wakil kepala daerah and wakil menteri."""
        return self in _DEPUTIES

    @property
    def is_regional_deputy(self) -> bool:
        """Wakil kepala daerah (True for wakil gubernur, wakil bupati, wakil wali kota)."""
        return self in _REGIONAL_DEPUTIES


_REGIONAL_HEADS: Final = frozenset({Role.GUBERNUR, Role.BUPATI, Role.WALI_KOTA})
_HEADS: Final = _REGIONAL_HEADS | {Role.MENTERI, Role.KEPALA}
_REGIONAL_DEPUTIES: Final = frozenset(
    {Role.WAKIL_GUBERNUR, Role.WAKIL_BUPATI, Role.WAKIL_WALI_KOTA}
)
_DEPUTIES: Final = _REGIONAL_DEPUTIES | {Role.WAKIL_MENTERI}


@labels(
    {
        "definitif": "Definitif",
        "penjabat": "Pj.",
        "penjabat_sementara": "Pjs.",
        "pelaksana_tugas": "Plt.",
        "pelaksana_harian": "Plh.",
    }
)
class Capacity(LabeledEnum):
    """Kedudukan dalam jabatan (capacity: definitif, Pj., Pjs., Plt., Plh.).

    >>> Capacity.PENJABAT.label
    'Pj.'
    """

    DEFINITIF = "definitif"
    PENJABAT = "penjabat"
    PENJABAT_SEMENTARA = "penjabat_sementara"
    PELAKSANA_TUGAS = "pelaksana_tugas"
    PELAKSANA_HARIAN = "pelaksana_harian"

    @property
    def is_acting(self) -> bool:
        """True for every capacity but definitif."""
        return self is not Capacity.DEFINITIF


def _to_role(value: str | Role) -> Role:
    """Converter: the value string of a Role becomes the member."""
    return enum_converter(Role)(value)


def _to_capacity(value: str | Capacity) -> Capacity:
    """Converter: the value string of a Capacity becomes the member."""
    return enum_converter(Capacity)(value)


@attrs.frozen(kw_only=True)
class Position:
    """Jabatan (a position in an agency, e.g. Wali Kota Ambon, Kepala LAN).

    Attributes:
        id: Slug id.
        agency_id: The agency the position belongs to.
        role: What kind of position it is.
        title: Its title as written, e.g. ``"Wali Kota Ambon"``.
    """

    id: str = attrs.field(validator=check_id)
    agency_id: str = attrs.field(validator=check_id)
    role: Role = attrs.field(converter=_to_role, validator=instance_of(Role))
    title: str = attrs.field(converter=clean_text, validator=check_text)

    def __str__(self) -> str:
        """The title as written: ``"Wali Kota Ambon"``."""
        return self.title

    _repr_html_ = entity_html

    @property
    def is_head(self) -> bool:
        """True if the position heads its agency (menteri, kepala, kepala daerah)."""
        return self.role.is_head

    @property
    def is_regional_head(self) -> bool:
        """True for gubernur, bupati and wali kota."""
        return self.role.is_regional_head


@attrs.frozen(kw_only=True)
class Decree:
    """Surat keputusan (SK: the decree an appointment rests on).

    Attributes:
        number: Its number as written, e.g. ``"131.81-5877 Tahun 2016"``.
        issued_on: Date of the decree, as precise as known.
        issuer: Who issued it, e.g. ``"Menteri Dalam Negeri"``.
    """

    number: str = attrs.field(converter=clean_text, validator=check_text)
    issued_on: PartialDate | None = attrs.field(
        default=None,
        converter=optional_partial_date,
        validator=instance_of(PartialDate, optional=True),
    )
    issuer: str | None = optional_text_field()

    def __str__(self) -> str:
        """The number as written: ``"131.81-5877 Tahun 2016"``."""
        return self.number

    _repr_html_ = entity_html


@attrs.frozen(kw_only=True)
class Tenure:
    """Masa jabatan (a person's term in a position, in a capacity, on a decree).

    Attributes:
        id: Slug id.
        person_id: Who held the position.
        position_id: Which position.
        period: From when to when (inclusive), as precise as known. ``None`` ends
            mean ongoing or unknown; rules give only warnings where an unknown end
            matters.
        capacity: Definitif, Pj., Pjs., Plt. or Plh.
        basis: The decree (SK) of the appointment, if known.
    """

    id: str = attrs.field(validator=check_id)
    person_id: str = attrs.field(validator=check_id)
    position_id: str = attrs.field(validator=check_id)
    period: Period = attrs.field(validator=instance_of(Period))
    capacity: Capacity = attrs.field(
        default=Capacity.DEFINITIF,
        converter=_to_capacity,
        validator=instance_of(Capacity),
    )
    basis: Decree | None = attrs.field(default=None, validator=instance_of(Decree, optional=True))

    def __str__(self) -> str:
        """The capacity, the position and person ids and the period.

        ``"Pj. wk-ambon: papilaya (2016-08-04/2017-05-22)"``: a tenure holds ids, not
        names; :meth:`label` gives the printed title with the position at hand.
        """
        capacity = "" if self.capacity is Capacity.DEFINITIF else f"{self.capacity.label} "
        return f"{capacity}{self.position_id}: {self.person_id} ({self.period})"

    _repr_html_ = entity_html

    def label(self, position: Position) -> str:
        """The title as printed: ``"Pj. Wali Kota Ambon"`` (definitif: the bare title).

        >>> pos = Position(id="wk-ambon", agency_id="pemkot-8171", role="wali_kota",
        ...                title="Wali Kota Ambon")
        >>> t = Tenure(id="t", person_id="p", position_id="wk-ambon",
        ...            period=Period.parse("2016-08-04", "2017-05-22"), capacity="penjabat")
        >>> t.label(pos)
        'Pj. Wali Kota Ambon'
        """
        if self.capacity is Capacity.DEFINITIF:
            return position.title
        return f"{self.capacity.label} {position.title}"
