"""Angka dalam bahasa Indonesia (Indonesian numbers and percentages).

Indonesian writes ``.`` between groups of thousands and ``,`` before decimals, the
reverse of English: ``4.000.050`` is four million and fifty, ``2,79`` is two point
seven nine.

>>> from adminnet.text.numbers import format_number, parse_number, parse_percent
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

from adminnet.errors import InvalidComponent, InvalidFormat

__all__ = ["format_number", "parse_number", "parse_percent"]

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

# Below this many digits ``int(str)`` is safe from Python's 4300-digit conversion limit.
_FAST_DIGITS: Final = 4000

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
    """``int(digits)`` without hitting Python's limit on long digit strings."""
    if len(digits) <= _FAST_DIGITS:
        return int(digits)
    return int(Decimal(digits))


def _check_groups(shown: str, integer: str, has_decimals: bool) -> str:
    """The integer part without its '.' separators, after checking the grouping."""
    if "." not in integer:
        return integer
    groups = integer.split(".")
    first = groups[0]
    if not 1 <= len(first) <= 3 or first.startswith("0"):
        msg = (
            f"{shown} has a bad digit group {first!r} "
            "(the first group has 1 to 3 digits and does not start with 0)"
        )
        raise InvalidFormat(msg, code="number.invalid_grouping")
    for group in groups[1:]:
        if len(group) != 3:
            msg = f"{shown} has a bad digit group {group!r} (groups after the first have 3 digits"
            if len(groups) == 2 and group and not has_decimals:
                msg += f"; if '.' is an English decimal point, write {first + ',' + group!r}"
            raise InvalidFormat(msg + ")", code="number.invalid_grouping")
    return "".join(groups)


def _parse(s: str, *, text: str, what: str, words: bool) -> int | Decimal:
    """The value of the normalised number ``s``; messages quote ``what`` ``text``."""
    m = _NUMBER.match(s)
    if m is None:
        if _ENGLISH.match(s):
            msg = (
                f"{what} {text!r} looks English-formatted; "
                "Indonesian uses '.' for thousands and ',' for decimals"
            )
            raise InvalidFormat(msg, code="number.english_format")
        msg = (
            f"{what} {text!r} is not a number written the Indonesian way (e.g. '4.000.050', '2,79')"
        )
        raise InvalidFormat(msg, code="number.invalid_format")
    sign, integer, decimals, word = m.groups()
    power = 0
    if word is not None:
        found = _MULTIPLIERS.get(word.lower())
        if found is None or not words:
            known = " (known: ribu, juta, miliar, triliun)" if words else ""
            msg = f"{what} {text!r} has an unexpected word {word!r}{known}"
            raise InvalidFormat(msg, code="number.invalid_format")
        power = found
    digits = _check_groups(f"{what} {text!r}", integer, decimals is not None)
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
    ``"1.5"`` is malformed grouping (if the ``.`` is an English decimal point, write
    ``"1,5"``); English-formatted numbers such as ``"1,234.5"`` are refused with their
    own code.

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

    Args:
        text: The number as written.

    Returns:
        An int, or a Decimal when there are decimals.

    Raises:
        InvalidFormat: ``text`` is not a str (``number.invalid_type``), not a number
            (``number.invalid_format``), has malformed grouping
            (``number.invalid_grouping``) or is English-formatted
            (``number.english_format``).
    """
    obj: object = text
    if not isinstance(obj, str):
        msg = f"number must be a str, not {type(obj).__name__}"
        raise InvalidFormat(msg, code="number.invalid_type")
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
        msg = f"percentage must be a str, not {type(obj).__name__}"
        raise InvalidFormat(msg, code="percent.invalid_type")
    m = _PERCENT.match(" ".join(text.split()))
    if m is None:
        msg = f"percentage {text!r} has no '%' or 'persen'"
        raise InvalidFormat(msg, code="percent.missing_sign")
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

    Raises:
        InvalidFormat: ``value`` is a float, bool or other type (``number.invalid_type``).
        InvalidComponent: ``value`` is a NaN or infinite Decimal (``number.not_finite``).
    """
    obj: object = value
    if isinstance(obj, int) and not isinstance(obj, bool):
        # str() refuses ints of more than 4300 digits; Decimal converts them exactly.
        digits = str(abs(obj)) if obj.bit_length() < 13000 else format(Decimal(abs(obj)), "f")
        return ("-" if obj < 0 else "") + _group(digits)
    if not isinstance(obj, Decimal):
        msg = f"format_number takes an int or a Decimal, not {type(obj).__name__}"
        if isinstance(obj, float):
            msg += " (floats are inexact: pass Decimal(str(x)))"
        raise InvalidFormat(msg, code="number.invalid_type")
    sign, digit_tuple, exponent = obj.as_tuple()
    if isinstance(exponent, str):  # 'n', 'N' (NaN) or 'F' (infinity)
        msg = f"number {obj} is not finite"
        raise InvalidComponent(msg, code="number.not_finite")
    digits = "".join(map(str, digit_tuple))
    prefix = "-" if sign else ""
    if exponent >= 0:
        return prefix + _group((digits + "0" * exponent).lstrip("0") or "0")
    places = -exponent
    digits = digits.rjust(places + 1, "0")
    return f"{prefix}{_group(digits[:-places])},{digits[-places:]}"
