"""Private: the one digits-cleaning helper of the identifier modules.

NIP and NIK (and any number written in groups) share one table of separators: spaces,
dots, hyphens and the no-break spaces (U+00A0, U+2009, U+202F) that word processors put
between groups. Removing them, and the surrounding white space, is all
``compact`` does; what is left is checked by each module.

>>> clean(" 19650302.199003-1\u00a0002 ")
'196503021990031002'
>>> is_digits("0123"), is_digits("０１"), is_digits("")
(True, False, False)
"""

from __future__ import annotations

from typing import Final

__all__ = ["SEPARATORS", "clean", "is_digits"]

SEPARATORS: Final = " .-\u00a0\u2009\u202f"
"""The characters ``compact`` removes wherever they stand."""

_DELETE: Final = str.maketrans("", "", SEPARATORS)


def clean(number: str) -> str:
    """``number`` without separators and surrounding white space (no other check)."""
    return number.translate(_DELETE).strip()


def is_digits(text: str) -> bool:
    """True for a non-empty string of ASCII digits (``str.isdigit`` alone takes ``"１"``)."""
    return text.isascii() and text.isdigit()
