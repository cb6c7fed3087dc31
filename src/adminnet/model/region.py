"""Wilayah administrasi pemerintahan (Indonesian administrative regions).

A :class:`Region` is one unit of the Kemendagri hierarchy: a provinsi (level 1), a
kabupaten or kota (level 2), a kecamatan or distrik (level 3) or a desa or kelurahan
(level 4), identified by its Kemendagri code (``PP.KK.CC.DDDD``, stored dotted).

The name is *bare*, without the kind in front: ``"Ambon"``, not ``"Kota Ambon"``;
:attr:`Region.official_name` puts the kind back. Provinces keep the name the
Kemendagri decree gives them (``"Daerah Khusus Ibukota Jakarta"``, ``"Maluku"``).

>>> from adminnet.model.region import Region, RegionKind
>>> ambon = Region(code="8171", name="Ambon", kind="kota")
>>> ambon.code, ambon.official_name, ambon.parent_code, ambon.level
('81.71', 'Kota Ambon', '81', 2)
>>> ambon.timezone, ambon.is_autonomous
('Asia/Jayapura', True)
>>> Region(code="31.71", name="Jakarta Pusat", kind="kota_administrasi").official_name
'Kota Administrasi Jakarta Pusat'
>>> Region(code="81.71", name="Ambon", kind="kabupaten")
Traceback (most recent call last):
adminnet.errors.InconsistentData: region 81.71 is a kota code (71-99), not a kabupaten

The registry of real regions, with their history, is :mod:`adminnet.regions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from adminnet._enum import LabeledEnum, labels
from adminnet._validators import disagrees, raise_for_field, wrong_type
from adminnet.errors import InconsistentData, InvalidComponent, InvalidFormat, ValidationError
from adminnet.ids import region_code as _region_code
from adminnet.model._common import check_text, clean_text, enum_converter, instance_of
from adminnet.model._display import entity_html
from adminnet.time import Period

__all__ = ["Region", "RegionKind", "RegionName"]


@labels(
    {
        "provinsi": "Provinsi",
        "kabupaten": "Kabupaten",
        "kota": "Kota",
        "kabupaten_administrasi": "Kabupaten Administrasi",
        "kota_administrasi": "Kota Administrasi",
        "kecamatan": "Kecamatan",
        "distrik": "Distrik",
        "kelurahan": "Kelurahan",
        "desa": "Desa",
        "desa_adat": "Desa Adat",
    }
)
class RegionKind(LabeledEnum):
    """Jenis wilayah (kind of region; the label is the Indonesian term).

    ``distrik`` is the kecamatan of the Papua provinces (UU 21/2001); the
    ``*_administrasi`` kinds are DKI Jakarta's non-autonomous kabupaten and kota.
    """

    PROVINSI = "provinsi"
    KABUPATEN = "kabupaten"
    KOTA = "kota"
    KABUPATEN_ADMINISTRASI = "kabupaten_administrasi"
    KOTA_ADMINISTRASI = "kota_administrasi"
    KECAMATAN = "kecamatan"
    DISTRIK = "distrik"
    KELURAHAN = "kelurahan"
    DESA = "desa"
    DESA_ADAT = "desa_adat"


_AUTONOMOUS: Final = frozenset({RegionKind.PROVINSI, RegionKind.KABUPATEN, RegionKind.KOTA})
_LEVEL_OF_LENGTH: Final = {2: 1, 4: 2, 6: 3, 10: 4}

# Kinds a code may have, by level and (levels 2 and 4) by the first digit of its last part.
_KABUPATEN_KINDS: Final = (RegionKind.KABUPATEN, RegionKind.KABUPATEN_ADMINISTRASI)
_KOTA_KINDS: Final = (RegionKind.KOTA, RegionKind.KOTA_ADMINISTRASI)
_DISTRICT_KINDS: Final = (RegionKind.KECAMATAN, RegionKind.DISTRIK)
_VILLAGE_KIND: Final = {
    "1": RegionKind.KELURAHAN,
    "2": RegionKind.DESA,
    "3": RegionKind.DESA_ADAT,
}

# IANA time zone by province (Keppres 41/1987): WIB, WITA, WIT; Kalimantan Barat and
# Kalimantan Tengah are WIB under the name Asia/Pontianak.
_PONTIANAK: Final = frozenset({"61", "62"})
_ZONE_BY_ISLAND_GROUP: Final = {
    "1": "Asia/Jakarta",
    "2": "Asia/Jakarta",
    "3": "Asia/Jakarta",
    "5": "Asia/Makassar",
    "6": "Asia/Makassar",
    "7": "Asia/Makassar",
    "8": "Asia/Jayapura",
    "9": "Asia/Jayapura",
}

# ISO 3166-2:ID subdivision codes of the 38 provinces (the four 2022 Papua provinces
# were added by ISO as ID-PS, ID-PT, ID-PE and ID-PD).
_ISO_3166_2: Final = {
    "11": "ID-AC",
    "12": "ID-SU",
    "13": "ID-SB",
    "14": "ID-RI",
    "15": "ID-JA",
    "16": "ID-SS",
    "17": "ID-BE",
    "18": "ID-LA",
    "19": "ID-BB",
    "21": "ID-KR",
    "31": "ID-JK",
    "32": "ID-JB",
    "33": "ID-JT",
    "34": "ID-YO",
    "35": "ID-JI",
    "36": "ID-BT",
    "51": "ID-BA",
    "52": "ID-NB",
    "53": "ID-NT",
    "61": "ID-KB",
    "62": "ID-KT",
    "63": "ID-KS",
    "64": "ID-KI",
    "65": "ID-KU",
    "71": "ID-SA",
    "72": "ID-ST",
    "73": "ID-SN",
    "74": "ID-SG",
    "75": "ID-GO",
    "76": "ID-SR",
    "81": "ID-MA",
    "82": "ID-MU",
    "91": "ID-PA",
    "92": "ID-PB",
    "93": "ID-PS",
    "94": "ID-PT",
    "95": "ID-PE",
    "96": "ID-PD",
}

# A level-1/2 name must be bare: these words in front mean the kind was left in.
_KIND_WORDS: Final = ("provinsi ", "kabupaten ", "kota ", "kab. ", "prov. ")


def _to_dotted(value: str) -> str:
    """Converter: a well-formed code, dotted or compact, becomes the dotted form.

    Anything else passes through unchanged for the validator to report.
    """
    raw: object = value
    if not isinstance(raw, str):
        return value
    try:
        return _region_code.dotted(_region_code.validate(raw))
    except ValidationError:
        return value


_KIND_CONVERTER: Final = enum_converter(RegionKind)


def _to_kind(value: str | RegionKind) -> RegionKind:
    """Converter: ``"kota"`` becomes :attr:`RegionKind.KOTA`; other values pass through."""
    return _KIND_CONVERTER(value)


def _to_dotted_tuple(value: Sequence[str]) -> tuple[str, ...]:
    """Converter: a list or tuple of codes becomes a tuple of dotted codes."""
    raw: object = value
    if isinstance(raw, list | tuple):
        return tuple(_to_dotted(v) for v in raw)
    return value  # type: ignore[return-value]  # the validator reports it


def _check_code(instance: Region, attribute: attrs.Attribute[Any], value: object) -> None:
    try:
        _region_code.validate(value)  # type: ignore[arg-type]  # non-str is reported
    except ValidationError as exc:
        raise_for_field(exc, instance, attribute)


def _check_name(instance: Region, attribute: attrs.Attribute[Any], value: object) -> None:
    check_text(instance, attribute, value)
    assert isinstance(value, str)  # for mypy; checked above
    code = instance.code
    if isinstance(code, str) and len(code) <= 5 and value.lower().startswith(_KIND_WORDS):
        raise_for_field(
            InvalidFormat(code="region.name_has_kind", params={"code": code, "value": value}),
            instance,
            attribute,
        )


def _allowed_kinds(digits: str) -> tuple[RegionKind, ...]:
    n = len(digits)
    if n == 2:
        return (RegionKind.PROVINSI,)
    if n == 4:
        return _KOTA_KINDS if digits[2] >= "7" else _KABUPATEN_KINDS
    if n == 6:
        return _DISTRICT_KINDS
    return (_VILLAGE_KIND[digits[6]],)


_KIND_EXPLANATION: Final = {
    RegionKind.PROVINSI: "a provinsi code (PP)",
    RegionKind.KABUPATEN: "a kabupaten code (01-69)",
    RegionKind.KOTA: "a kota code (71-99)",
    RegionKind.KECAMATAN: "a kecamatan/distrik code (PP.KK.CC)",
    RegionKind.KELURAHAN: "a kelurahan code (1xxx)",
    RegionKind.DESA: "a desa code (2xxx)",
    RegionKind.DESA_ADAT: "a desa adat code (3xxx)",
}


def _check_kind(instance: Region, attribute: attrs.Attribute[Any], value: object) -> None:
    instance_of(RegionKind)(instance, attribute, value)
    code: object = instance.code
    if not isinstance(code, str):
        return  # the code's own validator has already failed
    digits = code.replace(".", "")
    if len(digits) not in _LEVEL_OF_LENGTH or not digits.isdigit():
        return  # the code's own validator has already failed
    allowed = _allowed_kinds(digits)
    if value not in allowed:
        assert isinstance(value, RegionKind)  # for mypy; checked above
        raise_for_field(
            InconsistentData(
                code="region.kind_mismatch",
                variant=allowed[0].value,
                params={"value": code, "kind": value.label.lower()},
            ),
            instance,
            attribute,
        )


def _check_successors(instance: Region, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise_for_field(wrong_type(value, "type.invalid", "successors"), instance, attribute)
    code = instance.code
    seen: set[str] = set()
    for item in value:
        try:
            digits = _region_code.validate(item)
        except ValidationError as exc:
            raise_for_field(exc, instance, attribute)
        if item == code:
            raise_for_field(
                InconsistentData(code="region.self_successor", params={"value": code}),
                instance,
                attribute,
            )
        if isinstance(code, str) and len(digits) != len(code.replace(".", "")):
            level = disagrees("region.successor_level", code, successor=item)
            raise_for_field(level, instance, attribute)
        if item in seen:
            raise_for_field(
                InvalidComponent(
                    code="region.duplicate_successor", params={"value": code, "successor": item}
                ),
                instance,
                attribute,
            )
        seen.add(item)
    if value and isinstance(instance.valid, Period) and instance.valid.end is None:
        raise_for_field(
            InconsistentData(
                code="region.successors_without_end",
                params={"value": code, "successors": ", ".join(value)},
            ),
            instance,
            attribute,
        )


@attrs.frozen(kw_only=True)
class RegionName:
    """Nama wilayah berlaku (a name a region code had during a period).

    Attributes:
        name: The bare name (``"Mamuju Utara"``).
        valid: When the code had this name; open ends when unknown or ongoing.
        basis: The legal basis of the change that ended or started it, if any
            (``"PP 61/2017"``).
    """

    name: str = attrs.field(converter=clean_text, validator=check_text)
    valid: Period = attrs.field(factory=Period, validator=instance_of(Period))
    basis: str | None = attrs.field(default=None, validator=instance_of(str, optional=True))

    def __str__(self) -> str:
        """The name."""
        return self.name

    _repr_html_ = entity_html


@attrs.frozen(kw_only=True)
class Region:
    """Wilayah (a provinsi, kabupaten/kota, kecamatan/distrik or desa/kelurahan).

    Attributes:
        code: Kemendagri code, stored dotted (``"81.71"``); a compact code
            (``"8171"``) is accepted and dotted.
        name: Bare name (``"Ambon"``); for levels 1-2 a name starting with its kind
            (``"Kota Ambon"``) is refused.
        kind: :class:`RegionKind`; must fit the code (kabupaten 01-69, kota 71-99,
            kelurahan 1xxx, desa 2xxx, desa adat 3xxx).
        valid: Period in which the unit held this code; both ends ``None`` when no
            change is known since Permendagri 56/2015 (start unknown, still current).
        successors: For a retired code, the codes that replaced it (``("96.01",)``);
            requires an end of validity.
    """

    code: str = attrs.field(converter=_to_dotted, validator=_check_code)
    name: str = attrs.field(converter=clean_text, validator=_check_name)
    kind: RegionKind = attrs.field(converter=_to_kind, validator=_check_kind)
    valid: Period = attrs.field(factory=Period, validator=instance_of(Period))
    successors: tuple[str, ...] = attrs.field(
        default=(), converter=_to_dotted_tuple, validator=_check_successors
    )

    def __str__(self) -> str:
        """The code and the official name: ``"81.71 Kota Ambon"``."""
        return f"{self.code} {self.official_name}"

    _repr_html_ = entity_html

    @property
    def level(self) -> int:
        """Tingkat (1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan)."""
        return _LEVEL_OF_LENGTH[len(self.code.replace(".", ""))]

    @property
    def parent_code(self) -> str | None:
        """Kode induk (the dotted code of the level above; ``None`` for a province)."""
        code = self.code
        return None if len(code) == 2 else code.rsplit(".", 1)[0]

    @property
    def province_code(self) -> str:
        """Kode provinsi (the two-digit province code)."""
        return self.code[:2]

    @property
    def official_name(self) -> str:
        """Nama resmi (kind and name: ``"Kota Ambon"``, ``"Provinsi Maluku"``)."""
        return f"{self.kind.label} {self.name}"

    @property
    def is_autonomous(self) -> bool:
        """Daerah otonom (provinsi, kabupaten and kota; not the administrasi units).

        DKI Jakarta's kabupaten and kota administrasi, kecamatan and desa/kelurahan
        have no regional government of their own.
        """
        return self.kind in _AUTONOMOUS

    @property
    def is_current(self) -> bool:
        """Masih berlaku (the code has no end of validity)."""
        return self.valid.end is None

    @property
    def timezone(self) -> str:
        """Zona waktu (IANA name by province: WIB, WITA or WIT, Keppres 41/1987).

        ``Asia/Jakarta`` (WIB) for Sumatra, Kepulauan Riau and Java;
        ``Asia/Pontianak`` (WIB) for Kalimantan Barat (61) and Kalimantan Tengah (62);
        ``Asia/Makassar`` (WITA) for Bali, Nusa Tenggara, the rest of Kalimantan and
        Sulawesi; ``Asia/Jayapura`` (WIT) for Maluku and Papua.
        """
        province = self.code[:2]
        if province in _PONTIANAK:
            return "Asia/Pontianak"
        return _ZONE_BY_ISLAND_GROUP[province[0]]

    @property
    def iso_3166_2(self) -> str | None:
        """Kode ISO 3166-2 (``"ID-MA"`` for Maluku); ``None`` below the province level."""
        if len(self.code) != 2:
            return None
        return _ISO_3166_2.get(self.code)


def _slot_setter(name: str) -> Any:
    return Region.__dict__[name].__set__  # the slot itself: no frozen __setattr__


_SET_CODE: Final = _slot_setter("code")
_SET_NAME: Final = _slot_setter("name")
_SET_KIND: Final = _slot_setter("kind")
_SET_VALID: Final = _slot_setter("valid")
_SET_SUCCESSORS: Final = _slot_setter("successors")


def _trusted_region(
    code: str,
    name: str,
    kind: RegionKind,
    valid: Period,
    successors: tuple[str, ...] = (),
) -> Region:
    """Build a :class:`Region` from already checked values, skipping the validators.

    For the registry only: its data was checked when it was built
    (``scripts/build_regions.py``), and ``tests/test_regions.py`` rebuilds every
    shipped region through ``Region(...)`` and compares, field types included. Values
    must already be canonical (dotted code, clean bare name, a kind that fits the
    code, a tuple of dotted codes). About 0.26 us, against 4.5 us for ``Region(...)``.
    """
    region: Region = object.__new__(Region)
    _SET_CODE(region, code)
    _SET_NAME(region, name)
    _SET_KIND(region, kind)
    _SET_VALID(region, valid)
    _SET_SUCCESSORS(region, successors)
    return region
