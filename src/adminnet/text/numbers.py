"""Angka dalam bahasa Indonesia (Indonesian numbers and percentages).

Indonesian writes ``.`` between groups of thousands and ``,`` before decimals, the
reverse of English: ``4.000.050`` is four million and fifty, ``2,79`` is two point
seven nine.

>>> from adminnet.text.numbers import format_number, parse_amount, parse_number, parse_percent
>>> parse_number("4.000.050")
4000050
>>> parse_number("2,79")
Decimal('2.79')
>>> parse_number("2,5 miliar")
2500000000
>>> parse_percent("64 persen")
Decimal('64')
>>> format_number(4000050)
'4.000.050'

Amounts with a currency or a unit (:func:`parse_amount`) are typed values:

>>> a = parse_amount("Rp1,625 triliun")
>>> a.value, a.currency, str(a)
(Decimal('1625000000000'), 'IDR', 'Rp1.625.000.000.000')
>>> parse_amount("44,06 km2")
Amount(value=Decimal('44.06'), unit='km2', currency=None)

Malformed grouping, such as the seed article's "Jumlah ASN ... 4.000.0500 orang", is
refused with the bad group named, never guessed at:

>>> parse_number("4.000.0500")
Traceback (most recent call last):
adminnet.errors.InvalidFormat: number '4.000.0500' has a bad digit group '0500' (groups ...
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

import attrs

from adminnet._validators import short
from adminnet.errors import InvalidComponent, InvalidFormat, InvalidLength

# The tables CURRENCIES and UNITS and the limit MAX_DIGITS are public and documented,
# but kept out of __all__: ruff's isort-style order and a plain sort disagree on a
# list mixing CONSTANTS and a class named Amount.
__all__ = [
    "Amount",
    "format_number",
    "parse_amount",
    "parse_number",
    "parse_percent",
]

#: Batas digit (the most digits a number may have, written or read): Python's own
#: limit on converting between int and str (``sys.get_int_max_str_digits()``,
#: 4300). Converting longer digit strings is quadratic; no figure in administrative
#: text comes near it. Longer input raises InvalidLength ``number.too_long``.
MAX_DIGITS: Final = 4300
_LIMIT: Final = 10**MAX_DIGITS

# Number words (lower case) -> power of ten. "milyar" and "trilyun" are common
# non-standard spellings of "miliar" and "triliun".
_MULTIPLIERS: Final[dict[str, int]] = {
    "ribu": 3,
    "juta": 6,
    "miliar": 9,
    "milyar": 9,
    "triliun": 12,
    "trilyun": 12,
}

# sign, integer part with optional '.' groups, optional ',' decimals, optional word.
_NUMBER: Final = re.compile(
    r"([-+\u2212]?)([0-9]+(?:\.[0-9]*)*)(?:,([0-9]+))?(?:\s*([A-Za-z]+))?\Z", re.ASCII
)
# English style: ',' groups of three, optional '.' decimals.
_ENGLISH: Final = re.compile(
    r"[-+\u2212]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\Z|[-+\u2212]?[0-9]{1,3}(?:,[0-9]{3})*\.[0-9]+\Z",
    re.ASCII,
)
_PERCENT: Final = re.compile(r"(.*?)\s*(?:%|persen)\Z", re.ASCII | re.IGNORECASE | re.DOTALL)


def _to_int(digits: str) -> int:
    """``int(digits)`` of at most :data:`MAX_DIGITS` digits (checked by the caller)."""
    return int(digits)


def _quote(text: str) -> str:
    """``repr(text)``, cut short for long texts (an error message stays one line)."""
    return repr(text) if len(text) <= 60 else repr(text[:40]) + f"... ({len(text)} characters)"


Shown = tuple[str, str]
"""What is read (``number``, ``percentage`` or ``amount``) and the text as quoted."""


def _variant(what: str, sub: str | None = None) -> str | None:
    """The wording of a code for ``what`` (the number's own wording has no suffix)."""
    return "_".join(p for p in (sub, None if what == "number" else what) if p) or None


def _too_long(shown: Shown, count: int) -> InvalidLength:
    params = {"value": shown[1], "count": count, "max": MAX_DIGITS}
    return InvalidLength(code="number.too_long", variant=_variant(shown[0]), params=params)


def _check_groups(shown: Shown, integer: str, has_decimals: bool) -> str:
    """The integer part without its '.' separators, after checking the grouping."""
    if "." not in integer:
        return integer
    groups = integer.split(".")
    first = groups[0]
    if not 1 <= len(first) <= 3 or first.startswith("0"):
        params = {"value": shown[1], "group": repr(first)}
        variant = _variant(shown[0], "first")
        raise InvalidFormat(code="number.invalid_grouping", variant=variant, params=params)
    for group in groups[1:]:
        if len(group) != 3:
            params = {"value": shown[1], "group": repr(group)}
            sub = None
            if len(groups) == 2 and group and not has_decimals:
                params["write"] = repr(first + "," + group)
                sub = "english"
            variant = _variant(shown[0], sub)
            raise InvalidFormat(code="number.invalid_grouping", variant=variant, params=params)
    return "".join(groups)


def _english_decimal(shown: Shown, integer: str) -> tuple[str, str] | None:
    """The integer and decimals of a '.' that can only be a decimal point, else None.

    A thousands group has exactly 3 digits and never starts a number with 0, so a
    number with one '.' and no ',' is read as an English decimal when that is its
    only well-formed reading: after a lone ``0`` (``"0.75"``, ``"0.500"``), or before
    one or two digits (``"4.50"``, ``"3.93"``, ``"12.5"``). ``"4.500"`` stays the
    integer 4500; a head starting with 0 (``"00.5"``) is a malformed group.
    """
    head, _, tail = integer.partition(".")
    if "." in tail or not tail or not head:
        return None
    if head == "0":
        return head, tail
    if len(tail) in {1, 2} and not head.startswith("0"):
        return head, tail
    return None


def _parse(s: str, *, text: str, what: str, words: bool) -> int | Decimal:
    """The value of the normalised number ``s``; messages quote ``what`` ``text``."""
    m = _NUMBER.match(s)
    if m is None:
        if _ENGLISH.match(s):
            params = {"value": repr(text)}
            sub = None
            if "." in s and "," in s:
                params["reading"] = _english(s)
                sub = "reading"
            variant = _variant(what, sub)
            raise InvalidFormat(code="number.english_format", variant=variant, params=params)
        params = {"value": repr(text)}
        raise InvalidFormat(code="number.invalid_format", variant=_variant(what), params=params)
    sign, integer, decimals, word = m.groups()
    power = 0
    if word is not None:
        found = _MULTIPLIERS.get(word.lower())
        if found is None or not words:
            params = {"value": repr(text), "word": repr(word)}
            sub = "word" if words else "other_word"
            variant = _variant(what, sub)
            raise InvalidFormat(code="number.invalid_format", variant=variant, params=params)
        power = found
    return _value(sign, integer, decimals, power, shown=(what, _quote(text)))


def _english(s: str) -> str:
    """The English reading of an English-formatted number, for messages."""
    return s.replace(",", "").lstrip("+").replace("\u2212", "-")


def _value(
    sign: str, integer: str, decimals: str | None, power: int, *, shown: Shown
) -> int | Decimal:
    """The exact value of a checked number scaled by ``10**power``."""
    count = len(integer) - integer.count(".") + len(decimals or "")
    if count > MAX_DIGITS:
        raise _too_long(shown, count)
    if decimals is None and (english := _english_decimal(shown, integer)) is not None:
        integer, decimals = english
    digits = _check_groups(shown, integer, decimals is not None)
    negative = sign in {"-", "\u2212"}
    if decimals is None:
        value: int = _to_int(digits) * 10**power
        return -value if negative else value
    if power == 0:
        return Decimal(f"{'-' if negative else ''}{digits}.{decimals}")
    # Exact scaling: shift the decimal comma by ``power`` places.
    all_digits = digits + decimals
    exponent = power - len(decimals)
    if exponent >= 0:
        value = _to_int(all_digits) * 10**exponent
        return -value if negative else value
    kept = all_digits[:exponent]
    if set(all_digits[exponent:]) == {"0"}:  # whole number, e.g. "2,5000 ribu"
        value = _to_int(kept or "0")
        return -value if negative else value
    return Decimal(f"{'-' if negative else ''}{kept or '0'}.{all_digits[exponent:]}")


def parse_number(text: str) -> int | Decimal:
    """Angka (parse a number written the Indonesian way: ``"4.000.050"``, ``"2,79"``).

    ``.`` separates groups of thousands and ``,`` starts the decimals. Grouping is
    checked: the first group has 1 to 3 digits and does not start with 0, every later
    group exactly 3; ungrouped digits (``"4000050"``) are fine. So ``"1.234"`` is the
    integer 1234 (as Indonesian readers take it), and ``"1,234"`` is ``Decimal("1.234")``.
    English-formatted numbers such as ``"1,234.5"`` are refused with their own code,
    and the message gives the English reading.

    A '.' that can only be a decimal point is read as one (an English decimal, as
    SPBE reports print index values): one '.' and no ',' with one or two digits after
    it (``"4.50"`` -> ``Decimal("4.50")``, ``"3.93"``), since a thousands group has
    exactly 3 digits, or after a lone ``0`` (``"0.75"``, ``"0.500"``), since a group
    never starts with 0. ``"4.500"`` stays the integer 4500, and a malformed group
    (``"4.000.0500"``, ``"1.5000"``) is refused (``number.invalid_grouping``)
    naming the group.
    At most :data:`MAX_DIGITS` digits are read (``number.too_long``): longer digit
    strings take quadratic time to convert and are no administrative figure.

    A number without decimal comma is an :class:`int`; with one it is a
    :class:`~decimal.Decimal` that keeps the written digits (``"2,50"`` ->
    ``Decimal("2.50")``), never a float. A leading ``-``, ``−`` (U+2212) or ``+`` is a
    sign; a decimal comma needs a digit before it (``"0,5"``, not ``",5"``).
    Surrounding whitespace (NBSP included) is ignored.

    The number words ribu (10³), juta (10⁶), miliar/milyar (10⁹) and triliun/trilyun
    (10¹²) may follow the number; the result is exact, an int when it is a whole
    number (``"2,5 miliar"`` -> 2500000000), else a Decimal.

    >>> parse_number("1.234,5")
    Decimal('1234.5')
    >>> parse_number("4 juta")
    4000000
    >>> parse_number("1,234.5")
    Traceback (most recent call last):
    adminnet.errors.InvalidFormat: number '1,234.5' looks English-formatted; ...
    >>> parse_number("0.75")
    Decimal('0.75')
    >>> parse_number("4.50"), parse_number("4.500")
    (Decimal('4.50'), 4500)

    Args:
        text: The number as written.

    Returns:
        An int, or a Decimal when there are decimals.

    Raises:
        InvalidFormat: ``text`` is not a str (``number.invalid_type``), not a number
            (``number.invalid_format``), has malformed grouping
            (``number.invalid_grouping``) or is English-formatted
            (``number.english_format``).
        InvalidLength: more than :data:`MAX_DIGITS` digits (``number.too_long``).
    """
    obj: object = text
    if not isinstance(obj, str):
        raise InvalidFormat(code="number.invalid_type", params={"type": type(obj).__name__})
    return _parse(" ".join(text.split()), text=text, what="number", words=True)


def parse_percent(text: str) -> Decimal:
    """Persentase (parse a percentage: ``"64 persen"``, ``"64%"``, ``"2,5 %"``).

    Returns the percentage itself, not a fraction: ``"64 persen"`` is
    ``Decimal("64")``, not 0.64. The number follows :func:`parse_number` (without number
    words) and must be followed by ``%`` or ``persen`` (any case). Values below 0 or
    above 100 are accepted: growth can exceed 100 percent and a change can be negative.

    >>> parse_percent("2,5 %")
    Decimal('2.5')
    >>> parse_percent("150%")
    Decimal('150')

    Args:
        text: The percentage as written.

    Returns:
        The percentage as a Decimal.

    Raises:
        InvalidFormat: ``text`` is not a str (``percent.invalid_type``), lacks ``%``
            or ``persen`` (``percent.missing_sign``), or its number is malformed (the
            ``number.*`` codes of :func:`parse_number`).
    """
    obj: object = text
    if not isinstance(obj, str):
        raise InvalidFormat(code="percent.invalid_type", params={"type": type(obj).__name__})
    m = _PERCENT.match(" ".join(text.split()))
    if m is None:
        raise InvalidFormat(code="percent.missing_sign", params={"value": repr(text)})
    value = _parse(m[1], text=text, what="percentage", words=False)
    return value if isinstance(value, Decimal) else Decimal(value)


def _group(digits: str) -> str:
    head = len(digits) % 3 or 3
    return ".".join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


def format_number(value: int | Decimal) -> str:
    """Angka (write a number the Indonesian way: ``4000050`` -> ``"4.000.050"``).

    Thousands are grouped with ``.`` and decimals follow ``,``; a Decimal keeps its
    digits (``Decimal("2.50")`` -> ``"2,50"``), including a negative zero's sign.
    :func:`parse_number` reads every output back to an equal value.
    Floats are refused: they are binary approximations (``0.1`` is not one tenth),
    so convert them deliberately, e.g. ``Decimal(str(x))``.

    >>> format_number(Decimal("1234.5"))
    '1.234,5'
    >>> format_number(-1000)
    '-1.000'

    Args:
        value: An int (not a bool) or a finite Decimal.

    Returns:
        The number as Indonesian text.

    Numbers that would be written with more than :data:`MAX_DIGITS` digits
    (``Decimal("1E+999999999")``, ``10**5000``) are refused rather than spelled out.

    Raises:
        InvalidFormat: ``value`` is a float, bool or other type (``number.invalid_type``).
        InvalidLength: more than :data:`MAX_DIGITS` digits to write (``number.too_long``).
        InvalidComponent: ``value`` is a NaN or infinite Decimal (``number.not_finite``).
    """
    obj: object = value
    if isinstance(obj, int) and not isinstance(obj, bool):
        if abs(obj) >= _LIMIT:
            params = {"bits": obj.bit_length(), "max": MAX_DIGITS}
            raise InvalidLength(code="number.too_long", variant="bits", params=params)
        return ("-" if obj < 0 else "") + _group(str(abs(obj)))
    if not isinstance(obj, Decimal):
        variant = "float" if isinstance(obj, float) else "format"
        typed = {"type": type(obj).__name__}
        raise InvalidFormat(code="number.invalid_type", variant=variant, params=typed)
    sign, digit_tuple, exponent = obj.as_tuple()
    if isinstance(exponent, str):  # 'n', 'N' (NaN) or 'F' (infinity)
        raise InvalidComponent(code="number.not_finite", params={"value": str(obj)})
    written = len(digit_tuple) + exponent if exponent >= 0 else max(len(digit_tuple), -exponent + 1)
    if written > MAX_DIGITS:
        params = {"digits": len(digit_tuple), "exponent": exponent, "written": written}
        params["max"] = MAX_DIGITS
        raise InvalidLength(code="number.too_long", variant="exponent", params=params)
    digits = "".join(map(str, digit_tuple))
    prefix = "-" if sign else ""
    if exponent >= 0:
        return prefix + _group((digits + "0" * exponent).lstrip("0") or "0")
    places = -exponent
    digits = digits.rjust(places + 1, "0")
    return f"{prefix}{_group(digits[:-places])},{digits[-places:]}"


# --- amounts ------------------------------------------------------------------------

#: Satuan (the units :func:`parse_amount` reads): canonical unit -> spellings. A
#: spelling in lower case matches in any case ("Km²", "MBPS"); a spelling with a
#: capital letter matches only as written, where case carries meaning ("MW" is a
#: megawatt, "mW" a milliwatt; "GB" a gigabyte, "Gb" a gigabit). An exponent may be
#: written apart ("km 2", as text extracted from PDFs prints "km²"). Groups: area,
#: length, mass, volume, percent and points; data rates and sizes, electric power
#: and energy (SPBE and infrastructure reports); the counting nouns of
#: administrative reports and SPBE news (people, households, regions at each level,
#: agencies, applications and services).
UNITS: Final[dict[str, tuple[str, ...]]] = {
    "km2": ("km2", "km²", "km 2", "kilometer persegi", "km persegi"),
    "m2": ("m2", "m²", "m 2", "meter persegi"),
    "ha": ("ha", "hektare", "hektar"),
    "km": ("km", "kilometer"),
    "m": ("m", "meter"),
    "ton": ("ton",),
    "kg": ("kg", "kilogram"),
    "liter": ("liter",),
    "%": ("%", "persen"),
    "poin": ("poin",),
    "kbps": ("kbps",),
    "Mbps": ("mbps",),
    "Gbps": ("gbps",),
    "MB": ("MB",),
    "GB": ("GB",),
    "TB": ("TB",),
    "kW": ("kW", "KW"),
    "MW": ("MW",),
    "kWh": ("kwh",),
    "MWh": ("MWh",),
    "orang": ("orang",),
    "jiwa": ("jiwa",),
    "kk": ("kk", "kepala keluarga"),
    "unit": ("unit",),
    "personel": ("personel",),
    "pegawai": ("pegawai",),
    "kendaraan": ("kendaraan",),
    "desa": ("desa",),
    "kelurahan": ("kelurahan",),
    "kecamatan": ("kecamatan",),
    "kabupaten/kota": ("kabupaten/kota",),
    "kabupaten": ("kabupaten",),
    "kota": ("kota",),
    "provinsi": ("provinsi",),
    "instansi": ("instansi",),
    "perangkat daerah": ("perangkat daerah", "opd"),
    "aplikasi": ("aplikasi",),
    "layanan": ("layanan",),
}
_UNIT_OF: Final[dict[str, str]] = {
    spelling: unit
    for unit, spellings in UNITS.items()
    for spelling in spellings
    if spelling == spelling.lower()
}
_UNIT_EXACT: Final[dict[str, str]] = {
    spelling: unit
    for unit, spellings in UNITS.items()
    for spelling in spellings
    if spelling != spelling.lower()
}

#: Mata uang (currencies :func:`parse_amount` reads): ISO 4217 code -> prefixes written
#: before the number (compared case-insensitively, as printed: ``Rp``, ``Rp.``).
CURRENCIES: Final[dict[str, tuple[str, ...]]] = {
    "IDR": ("rp", "rp.", "idr"),
    "USD": ("usd", "us$", "$"),
    "EUR": ("eur",),
    "SGD": ("sgd",),
    "JPY": ("jpy",),
    "CNY": ("cny",),
    "AUD": ("aud",),
    "MYR": ("myr",),
}
_CURRENCY_OF: Final[dict[str, str]] = {
    prefix: code for code, prefixes in CURRENCIES.items() for prefix in prefixes
}
# Short scale words, after a currency only ("Rp 5 M" is five miliar; "5 M" alone is
# five metres). Case matters for M and T.
_SHORT_SCALES: Final[dict[str, int]] = {
    "rb": 3,
    "rb.": 3,
    "jt": 6,
    "jt.": 6,
    "M": 9,
    "T": 12,
}
# The number of an amount: '.' groups and ',' decimals (checked by _value).
_DIGITS: Final = re.compile(r"([0-9]+(?:\.[0-9]*)*)(?:,([0-9]+))?\Z", re.ASCII)
# currency prefix, then the number (digits, '.', ','), then the words after it.
_AMOUNT: Final = re.compile(
    r"(?:(?P<cur>[A-Za-z]{2,3}(?: ?\$)?\.?|\$)\s*)?(?P<sign>[-+\u2212]?)(?P<num>[0-9][0-9.,]*)"
    r"(?P<dash>,-{1,2}|,\u2014)?(?:\s*(?P<rest>[^-0-9.,\s].*))?\Z",
    re.ASCII | re.DOTALL,
)


def _to_value(value: object) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= _LIMIT:
            params = {"bits": value.bit_length(), "max": MAX_DIGITS}
            raise InvalidLength(code="number.too_long", variant="bits_amount", params=params)
        return Decimal(value)
    if not isinstance(value, Decimal):
        typed = {"type": type(value).__name__}
        raise InvalidFormat(code="amount.invalid_type", variant="value", params=typed)
    if not value.is_finite():
        raise InvalidComponent(
            code="number.not_finite", variant="amount", params={"value": str(value)}
        )
    format_number(value)  # checks the digit limit
    return value


def _amount_value(value: int | Decimal) -> Decimal:
    """Converter typed with what it takes (``int | Decimal``); checks as :func:`_to_value`."""
    return _to_value(value)


def _check_unit(
    instance: Amount, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and (not isinstance(value, str) or value not in UNITS):
        params = {"value": short(value), "known": ", ".join(UNITS)}
        raise InvalidComponent(code="amount.unknown_unit", params=params)


def _check_currency(
    instance: Amount, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is None:
        return
    if not isinstance(value, str) or value not in CURRENCIES:
        params = {"value": short(value), "known": ", ".join(CURRENCIES)}
        raise InvalidComponent(code="amount.unknown_currency", params=params)
    if instance.unit is not None:
        params = {"unit": repr(instance.unit), "value": repr(value)}
        raise InvalidComponent(code="amount.unit_and_currency", params=params)


@attrs.frozen(kw_only=True)
class Amount:
    """Jumlah (an amount as printed: a number with a currency or a unit).

    ``value`` is exact (a Decimal, never a float) and already scaled by any number
    word: ``"Rp1,625 triliun"`` has the value 1625000000000. ``str()`` writes the
    Indonesian form that :func:`parse_amount` reads back to an equal Amount:
    ``Rp`` glued to the number for Rupiah (EYD style), another currency's ISO code
    and a space before it, the unit after it (``%`` glued).

    >>> str(Amount(value=Decimal("2500000000"), currency="IDR"))
    'Rp2.500.000.000'
    >>> str(Amount(value=Decimal("44.06"), unit="km2")), str(Amount(value=Decimal(64), unit="%"))
    ('44,06 km2', '64%')

    Attributes:
        value: The number, scaled (Decimal; an int is converted).
        unit: A canonical unit of :data:`UNITS` (``"km2"``, ``"%"``, ``"orang"``), or None.
        currency: An ISO 4217 code of :data:`CURRENCIES` (``"IDR"``), or None.
    """

    value: Decimal = attrs.field(converter=_amount_value)
    unit: str | None = attrs.field(default=None, validator=_check_unit)
    currency: str | None = attrs.field(default=None, validator=_check_currency)

    def __str__(self) -> str:
        number = format_number(self.value)
        if self.currency == "IDR":
            return f"Rp{number}"
        if self.currency is not None:
            return f"{self.currency} {number}"
        if self.unit == "%":
            return f"{number}%"
        if self.unit is not None:
            return f"{number} {self.unit}"
        return number


def _words(rest: str, currency: str | None, text: str) -> tuple[int, str | None]:
    """The power of ten and the unit of the words after an amount's number."""
    power = 0
    head, _, tail = rest.partition(" ")
    scale = _MULTIPLIERS.get(head.lower())
    if scale is None and currency is not None:
        scale = _SHORT_SCALES.get(head if head in {"M", "T"} else head.lower())
    if scale is not None:
        power, rest = scale, tail
    if not rest:
        return power, None
    if currency is None and rest.lower() == "rupiah":
        return power, "IDR!"
    unit = None if rest in _SHORT_SCALES else _UNIT_EXACT.get(rest) or _UNIT_OF.get(rest.lower())
    if unit is None or currency is not None:
        params = {"value": _quote(text), "word": repr(rest), "known": ", ".join(UNITS)}
        variant = "word" if currency is not None else "text"
        raise InvalidComponent(code="amount.unknown_unit", variant=variant, params=params)
    return power, unit


def parse_amount(text: str) -> Amount:
    """Jumlah (parse an amount as printed: ``"Rp1,625 triliun"``, ``"44,06 km2"``).

    The shape is an optional currency, the number (Indonesian separators, as
    :func:`parse_number`), an optional number word, and an optional unit:

    - money: ``Rp``/``Rp.``/``IDR`` (Rupiah), ``US$``/``US $``/``$`` (US dollar) or
      another ISO code of :data:`CURRENCIES` before the number, with or without a
      space (``"Rp 2,5 miliar"``, ``"Rp1,625 triliun"``, ``"USD 1,2 juta"``), or ``rupiah``
      after it (``"5 juta rupiah"``); a trailing ``,-`` (``"Rp. 150.000,-"``) means
      "no cents";
    - number words ribu, juta, miliar/milyar, triliun/trilyun; after a currency
      only, the short forms rb, jt, M (miliar) and T (triliun): ``"Rp329 T"``;
    - units of :data:`UNITS` after the number: ``"44,06 km2"``, ``"44,06 km²"``,
      ``"664,01 km 2"``, ``"3,93 poin"``, ``"30 Mbps"``, ``"294 MW"``, ``"12 orang"``,
      ``"27.400 aplikasi"``, ``"1.500 ha"``; ``"64 persen"`` and ``"64%"`` are the unit
      ``"%"`` (the percentage itself, not a fraction). A lower-case spelling matches
      in any case, one with a capital letter only as written (``"MW"``, not ``"mW"``).

    A bare number is an Amount with neither unit nor currency. Unknown words are
    refused, never dropped.

    >>> parse_amount("Rp. 150.000,-")
    Amount(value=Decimal('150000'), unit=None, currency='IDR')
    >>> parse_amount("Rp 2,5 miliar").value
    Decimal('2500000000')
    >>> parse_amount("64 persen") == parse_amount("64%")
    True

    Raises:
        InvalidFormat: not a str (``amount.invalid_type``), no number
            (``amount.invalid_format``), or a malformed number (the ``number.*``
            codes of :func:`parse_number`).
        InvalidComponent: an unknown currency (``amount.unknown_currency``) or unit
            or word (``amount.unknown_unit``).
        InvalidLength: more than :data:`MAX_DIGITS` digits (``number.too_long``).
    """
    obj: object = text
    if not isinstance(obj, str):
        raise InvalidFormat(code="amount.invalid_type", params={"type": type(obj).__name__})
    s = " ".join(text.split())
    m = _AMOUNT.match(s)
    if m is None:
        raise InvalidFormat(code="amount.invalid_format", params={"value": _quote(text)})
    currency: str | None = None
    if m["cur"] is not None:
        currency = _CURRENCY_OF.get(m["cur"].lower().replace(" ", ""))
        if currency is None:
            params = {"value": _quote(text), "currency": repr(m["cur"])}
            params["known"] = ", ".join(CURRENCIES)
            raise InvalidComponent(code="amount.unknown_currency", variant="text", params=params)
    nm = _DIGITS.match(m["num"])
    if nm is None:
        raise _parse_error(m["sign"] + m["num"], text)
    power, unit = _words(m["rest"] or "", currency, text)
    if unit == "IDR!":
        currency, unit = "IDR", None
    if m["dash"] is not None and currency is None:
        params = {"value": _quote(text)}
        raise InvalidFormat(code="amount.invalid_format", variant="dash", params=params)
    value = _value(m["sign"], nm[1], nm[2], power, shown=("amount", _quote(text)))
    return Amount(value=Decimal(value), unit=unit, currency=currency)


def _parse_error(num: str, text: str) -> InvalidFormat:
    """The error of a malformed number inside an amount (English style, stray signs)."""
    try:
        _parse(num, text=text, what="amount", words=False)
    except InvalidFormat as exc:
        return exc
    params = {"value": _quote(text)}  # pragma: no cover
    return InvalidFormat(code="amount.invalid_format", params=params)  # pragma: no cover
