"""Nilai hampir benar (near-miss values, each wrong in one known way, with its error code).

Robustness tests of code that reads adminnet data need bad input that looks like the
real thing: a NIP with a typo, a region code with a misplaced dot, a document with one
unknown key. Each strategy here draws a pair ``(value, code)``: a value derived from a
valid one by a single change, and the stable error code the matching adminnet check
raises for it.

==========================  =================================================
strategy                    the check that must fail with ``code``
==========================  =================================================
:func:`nips`                :func:`adminnet.ids.nip.validate`
:func:`niks`                :func:`adminnet.ids.nik.validate`
:func:`region_codes`        :func:`adminnet.ids.region_code.validate`
:func:`person_names`        :func:`adminnet.text.names.parse_name`
:func:`documents`           :func:`adminnet.serialization.from_dict` (one detail)
==========================  =================================================

>>> from hypothesis import given
>>> from adminnet.errors import ValidationError
>>> from adminnet.ids import nip
>>> from adminnet.strategies import invalid
>>> @given(invalid.nips())
... def test_nip_errors(case):
...     value, code = case
...     try:
...         nip.validate(value)
...     except ValidationError as exc:
...         assert exc.code == code
...     else:
...         raise AssertionError(f"{value!r} was accepted")
>>> test_nip_errors()
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
import typing
from typing import Any, Final

import attrs
import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from adminnet.ids._gender import Gender
from adminnet.ids.nip import NipKind
from adminnet.model.region import Region
from adminnet.strategies import _ids, _names
from adminnet.strategies._common import add_years, day, today_ordinal
from adminnet.text.names import PersonName

__all__ = [
    "DOCUMENT_CODES",
    "NAME_CODES",
    "NIK_CODES",
    "NIP_CODES",
    "REGION_CODE_CODES",
    "documents",
    "niks",
    "nips",
    "person_names",
    "region_codes",
]

NIP_CODES: Final = (
    "nip.invalid_type",
    "nip.invalid_format",
    "nip.invalid_length",
    "nip.invalid_birth_date",
    "nip.invalid_appointment",
    "nip.invalid_gender",
    "nip.invalid_serial",
    "nip.too_young",
    "nip.appointed_in_future",
)
"""Error codes :func:`nips` draws, in shrinking order."""

NIK_CODES: Final = (
    "nik.invalid_type",
    "nik.invalid_format",
    "nik.invalid_length",
    "nik.invalid_region",
    "nik.invalid_birth_date",
    "nik.invalid_serial",
)
"""Error codes :func:`niks` draws."""

REGION_CODE_CODES: Final = (
    "region_code.invalid_type",
    "region_code.invalid_format",
    "region_code.invalid_length",
    "region_code.invalid_province",
    "region_code.invalid_regency",
    "region_code.invalid_district",
    "region_code.invalid_village",
)
"""Error codes :func:`region_codes` draws."""

NAME_CODES: Final = (
    "name.invalid_type",
    "name.empty",
    "name.no_letters",
    "name.invalid_character",
)
"""Error codes :func:`person_names` draws."""

DOCUMENT_CODES: Final = (
    "document.unknown_key",
    "document.missing_key",
    "type.invalid",
    "enum.invalid",
)
"""Error codes :func:`documents` draws (those of :mod:`adminnet.serialization`)."""

# Letters typed for look-alike digits (O for 0, l or I for 1, S for 5, B for 8).
_LOOKALIKES: Final = "OolISB"
_CONTROL: Final = "\x00\x01\x07\x08\x1b\x7f\x90"
_NOT_PROVINCES: Final = ("00", "04", "10", "40", "41", "47", "90")


# The misses of a digit string's shape, the same for a NIP and a NIK.
_SHAPE_MISSES: Final = frozenset(
    f"{kind}.invalid_{miss}" for kind in ("nip", "nik") for miss in ("type", "format", "length")
)


def _shape_miss(draw: st.DrawFn, code: str, digits: str) -> object:
    """A miss of the shape: bytes or an int, a look-alike letter, a digit dropped or doubled.

    For the codes ending ``.invalid_type``, ``.invalid_format`` and ``.invalid_length``.
    """
    if code.endswith(".invalid_type"):
        return digits.encode() if draw(st.booleans()) else int(digits)
    if code.endswith(".invalid_format"):
        return _typo(draw, digits)
    return _length(draw, digits)


def _replace(text: str, i: int, new: str) -> str:
    return text[:i] + new + text[i + 1 :]


def _typo(draw: st.DrawFn, digits: str) -> str:
    """One digit replaced by a look-alike letter."""
    i = draw(st.integers(0, len(digits) - 1))
    return _replace(digits, i, draw(st.sampled_from(_LOOKALIKES)))


def _length(draw: st.DrawFn, digits: str) -> str:
    """One digit dropped or doubled."""
    i = draw(st.integers(0, len(digits) - 1))
    if draw(st.booleans()):
        return digits[:i] + digits[i] + digits[i:]
    return digits[:i] + digits[i + 1 :]


def _month(n: int) -> tuple[int, int]:
    year, month0 = divmod(n, 12)
    return year, month0 + 1


# --- NIP ---------------------------------------------------------------------------------


@st.composite
def _nips(draw: st.DrawFn) -> tuple[object, str]:
    code = draw(st.sampled_from(NIP_CODES))
    gender = draw(st.sampled_from(list(Gender)))
    lo = _dt.date(1950, 1, 1).toordinal()
    birth = day(lo + draw(st.integers(0, today_ordinal() - 20 * 366 - lo)))
    number = _ids.nip_for(draw, NipKind.PNS, birth, gender)
    assert number is not None  # anyone born 20 years ago can have a NIP
    value: object
    if code in _SHAPE_MISSES:
        value = _shape_miss(draw, code, number)
    elif code == "nip.invalid_birth_date":
        month, dom = draw(
            st.sampled_from(((13, 1), (0, 15), (2, 30), (4, 31), (6, 0), (11, 31), (12, 32)))
        )
        value = f"{number[:4]}{month:02d}{dom:02d}{number[8:]}"
    elif code == "nip.invalid_appointment":
        if draw(st.booleans()):
            value = f"{number[:12]}00{number[14:]}"
        else:  # a NI PPPK code (> 12) with a year before PPPK existed (2014)
            year = draw(st.integers(1990, 2013))
            value = f"{number[:8]}{year:04d}21{number[14:]}"
    elif code == "nip.invalid_gender":
        value = _replace(number, 14, draw(st.sampled_from("03456789")))
    elif code == "nip.invalid_serial":
        value = number[:15] + "000"
    elif code == "nip.too_young":
        adult = add_years(birth, 18)
        last = adult.year * 12 + adult.month - 1 - (1 if adult.day == 1 else 0)
        year, month = _month(last - draw(st.integers(0, 36)))
        value = f"{number[:8]}{year:04d}{month:02d}{number[14:]}"
    else:  # nip.appointed_in_future
        now = _dt.date.fromordinal(today_ordinal())
        year, month = _month(now.year * 12 + now.month + draw(st.integers(0, 24)))
        value = f"{number[:8]}{year:04d}{month:02d}{number[14:]}"
    return value, code


def nips() -> st.SearchStrategy[tuple[object, str]]:
    """NIP hampir benar (near-miss NIPs with the code :func:`~adminnet.ids.nip.validate` raises).

    From a valid PNS NIP, one change: bytes or an int instead of text; a digit typed
    as a look-alike letter; a digit dropped or doubled; an impossible birth date; a
    TMT month 00 (or a NI PPPK year before 2014); a gender digit other than 1 or 2;
    serial 000; an appointment less than 18 years after birth; an appointment after
    today. The codes are :data:`NIP_CODES`.
    """
    return _nips()


# --- NIK ---------------------------------------------------------------------------------


@st.composite
def _niks(draw: st.DrawFn, valid: st.SearchStrategy[str]) -> tuple[object, str]:
    code = draw(st.sampled_from(NIK_CODES))
    number = draw(valid)
    value: object
    if code in _SHAPE_MISSES:
        value = _shape_miss(draw, code, number)
    elif code == "nik.invalid_region":
        part = draw(st.sampled_from(("province", "regency", "district")))
        if part == "province":
            value = draw(st.sampled_from(_NOT_PROVINCES)) + number[2:]
        elif part == "regency":
            value = number[:2] + draw(st.sampled_from(("00", "70"))) + number[4:]
        else:
            value = number[:4] + "00" + number[6:]
    elif code == "nik.invalid_birth_date":
        if draw(st.booleans()):
            dd = draw(st.sampled_from((0, 32, 35, 40, 72, 80, 99)))
            value = f"{number[:6]}{dd:02d}{number[8:]}"
        else:
            mm = draw(st.sampled_from((0, 13, 20, 99)))
            value = f"{number[:8]}{mm:02d}{number[10:]}"
    else:  # nik.invalid_serial
        value = number[:12] + "0000"
    return value, code


def niks() -> st.SearchStrategy[tuple[object, str]]:
    """NIK hampir benar (near-miss NIKs with the code :func:`~adminnet.ids.nik.validate` raises).

    From a valid NIK (:func:`adminnet.strategies.niks`), one change: bytes or an int;
    a look-alike letter; a digit dropped or doubled; a region part that is no
    kecamatan code (province 40, kabupaten/kota 70, kecamatan 00); a birth day or
    month out of range (day 32-40 is neither a man's nor a woman's); serial 0000. The
    codes are :data:`NIK_CODES`.
    """
    return _niks(_ids.niks())


# --- region codes --------------------------------------------------------------------------


@st.composite
def _region_codes(draw: st.DrawFn, valid: st.SearchStrategy[Region]) -> tuple[object, str]:
    region = draw(valid)
    dotted = region.code
    digits = dotted.replace(".", "")
    level = region.level
    choices = list(REGION_CODE_CODES[:4])
    if level >= 2:
        choices.append("region_code.invalid_regency")
    if level >= 3:
        choices.append("region_code.invalid_district")
    if level == 4:
        choices.append("region_code.invalid_village")
    code = draw(st.sampled_from(choices))
    value: object
    if code == "region_code.invalid_type":
        value = int(digits) if draw(st.booleans()) else dotted.encode()
    elif code == "region_code.invalid_format":
        if level >= 2 and draw(st.booleans()):
            value = dotted.replace(".", draw(st.sampled_from(("-", "/", ". "))))
        else:
            value = _typo(draw, digits)
    elif code == "region_code.invalid_length":
        i = draw(st.integers(0, len(digits) - 1))
        value = digits[:i] + digits[i + 1 :]
    elif code == "region_code.invalid_province":
        value = draw(st.sampled_from(_NOT_PROVINCES)) + dotted[2:]
    elif code == "region_code.invalid_regency":
        value = dotted[:3] + draw(st.sampled_from(("00", "70"))) + dotted[5:]
    elif code == "region_code.invalid_district":
        value = dotted[:6] + "00" + dotted[8:]
    else:  # region_code.invalid_village
        if draw(st.booleans()):
            value = dotted[:9] + draw(st.sampled_from("0456789")) + dotted[10:]
        else:
            value = dotted[:10] + "000"
    return value, code


def region_codes(*, level: int | None = None) -> st.SearchStrategy[tuple[object, str]]:
    """Kode wilayah hampir benar (near-miss codes; :func:`~adminnet.ids.region_code.validate`).

    From a real code of ``level`` (any level if ``None``), one change: an int or
    bytes; a look-alike letter or another separator (``"81-71"``); a digit dropped;
    a province part that is none (``40``); kabupaten/kota ``00`` or ``70``; kecamatan
    ``00``; a desa/kelurahan part not 1xxx-3xxx or serial 000. The codes are
    :data:`REGION_CODE_CODES`.

    Raises:
        InvalidArgument: ``level`` is not 1-4 or ``None``.
    """
    return _region_codes(_ids.regions(level=level))


# --- person names --------------------------------------------------------------------------


@st.composite
def _person_names(draw: st.DrawFn) -> tuple[object, str]:
    code = draw(st.sampled_from(NAME_CODES))
    name = _names.draw_name(draw, draw(st.sampled_from(list(Gender))))
    value: object
    if code == "name.invalid_type":
        value = str(name).encode() if draw(st.booleans()) else None
    elif code == "name.empty":
        # titles only; a dotless one alone ("MARS") would read as a name
        mixes = [m for m in _names.TITLE_MIXES if (m[0] or m[1]) and all("." in t for t in m[1])]
        front, back = draw(st.sampled_from(mixes))
        titles = PersonName(given="x", prefixes=front, suffixes=back)
        kind = draw(st.integers(0, 2))
        if kind == 0:
            value = " ".join(titles.prefixes) + "".join(f", {s}" for s in titles.suffixes)
            value = value.lstrip(", ")
        else:
            value = "" if kind == 1 else " \t "
    elif code == "name.no_letters":
        n = draw(st.integers(0, 99_999_999))
        value = draw(st.sampled_from((f"0812-{n:08d}", f"{n}", f"({n})")))
    else:  # name.invalid_character
        text = str(name)
        i = draw(st.integers(1, len(text) - 1))
        value = text[:i] + draw(st.sampled_from(_CONTROL)) + text[i:]
    return value, code


def person_names() -> st.SearchStrategy[tuple[object, str]]:
    """Nama hampir benar (near-miss name texts; :func:`~adminnet.text.names.parse_name`).

    From a drawn name with gelar: its bytes, or ``None``; nothing, white space, or
    titles without a name (``"Dr., M.Si."``); a number in the name field (a phone
    number); a control character inside the name. The codes are :data:`NAME_CODES`.
    """
    return _person_names()


# --- documents ---------------------------------------------------------------------------

_VALUES: Final = {
    "Region": "regions",
    "Agency": "agencies",
    "AgencyName": "agency_names",
    "Person": "persons",
    "PersonName": "person_names",
    "Position": "positions",
    "Tenure": "tenures",
    "Decree": "decrees",
    "Agreement": "agreements",
    "Party": "parties",
    "Event": "events",
    "PublicService": "public_services",
    "Indicator": "indicators",
    "Measurement": "measurements",
    "DigitalizationTarget": "digitalization_targets",
    "Dataset": "datasets",
    "Period": "periods",
}


def _strategy_of(cls: object) -> st.SearchStrategy[Any]:
    from adminnet import strategies

    name = _VALUES.get(getattr(cls, "__name__", ""))
    if (
        name is None
        or not isinstance(cls, type)
        or not attrs.has(cls)
        or not cls.__module__.startswith("adminnet.")
    ):
        known = ", ".join(sorted(_VALUES))
        msg = f"documents() needs an adminnet entity class ({known}), not {cls!r:.60}"
        raise InvalidArgument(msg)
    strategy: st.SearchStrategy[Any] = getattr(strategies, name)()
    return strategy


def _near_miss_key(field: str, fields: set[str]) -> str:
    head, *rest = field.split("_")
    candidates = [
        head + "".join(p.capitalize() for p in rest),  # camelCase: regionCode
        field.capitalize(),
        field.upper(),
        field + "s",
    ]
    for key in candidates:
        if key not in fields:
            return key
    return field + "_extra"


def _kinds_of(cls: type) -> dict[str, str]:
    """For each field, how its type can be broken: "str", "bool", "tuple", "enum" or ""."""
    hints = typing.get_type_hints(cls)
    out: dict[str, str] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        tp = hints.get(field.name)
        args = typing.get_args(tp) if isinstance(tp, types.UnionType) else (tp,)
        args = tuple(a for a in args if a is not type(None))
        kind = ""
        if len(args) == 1:
            (arg,) = args
            if arg is str:
                kind = "str"
            elif arg is bool:
                kind = "bool"
            elif typing.get_origin(arg) is tuple:
                kind = "tuple"
            elif isinstance(arg, type) and issubclass(arg, enum.Enum):
                kind = "enum"
        out[field.name] = kind
    return out


@st.composite
def _documents(
    draw: st.DrawFn, cls: type, values: st.SearchStrategy[Any]
) -> tuple[dict[str, Any], str]:
    from adminnet.serialization import to_dict

    document: dict[str, Any] = dict(to_dict(draw(values)))
    kinds = _kinds_of(cls)
    required = [f.name for f in attrs.fields(cls) if f.init and f.default is attrs.NOTHING]
    if "format_version" in document:
        required.append("format_version")
    broken = {
        "type.invalid": [k for k, v in kinds.items() if v in ("str", "bool", "tuple")],
        "enum.invalid": [k for k, v in kinds.items() if v == "enum"],
        "document.missing_key": required,
    }
    codes = ["document.unknown_key"] + [c for c in DOCUMENT_CODES[1:] if broken[c]]
    code = draw(st.sampled_from(codes))
    if code == "document.unknown_key":
        fields = set(document)
        field = draw(st.sampled_from(sorted(fields)))
        document[_near_miss_key(field, fields)] = document[field]
        return document, code
    key = draw(st.sampled_from(broken[code]))
    if code == "document.missing_key":
        del document[key]
    elif code == "enum.invalid":
        enum_type = typing.get_type_hints(cls)[key]
        members = [
            m
            for a in (typing.get_args(enum_type) or (enum_type,))
            if isinstance(a, type) and issubclass(a, enum.Enum)
            for m in a
        ]
        member = next((m for m in members if m.value == document[key]), members[0])
        document[key] = getattr(member, "label", str(member.value).upper())
    elif kinds[key] == "str":
        document[key] = draw(st.sampled_from((5, 1.5, True, ["x"])))
    elif kinds[key] == "bool":
        document[key] = draw(st.sampled_from(("true", "false", 1, 0)))
    else:
        document[key] = draw(st.sampled_from((5, "x", {"x": 1})))
    return document, code


def documents(cls: type) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """Dokumen hampir benar (near-miss documents; :func:`~adminnet.serialization.from_dict`).

    ``to_dict`` of a valid ``cls`` (drawn by the strategy of :mod:`adminnet.strategies`
    for it) with one change at the top level: an unknown key that looks like a field
    (``regionCode`` next to ``region_code``: ``document.unknown_key``); a required key
    left out (``document.missing_key``); a text, boolean or list field given a value of
    another JSON type (``type.invalid``); an enum field given its Indonesian label
    instead of its value (``"Pj."`` for ``"penjabat"``: ``enum.invalid``).
    ``from_dict(cls, doc)`` then fails with exactly one error detail, of that code,
    at ``$.<key>``.

    Raises:
        InvalidArgument: ``cls`` is not an adminnet entity class.
    """
    return _documents(cls, _strategy_of(cls))
