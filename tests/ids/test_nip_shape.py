"""nip.is_shape_error: what it promises about check_person, held on arbitrary numbers.

The loader's error pass skips check_person for a number whose validate error is a
shape error (the very error check_person would raise, dropped as already said), so
the promise must hold for every input, not only the examples.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from adminnet.errors import InconsistentData, InvalidFormat, ValidationError
from adminnet.ids import nip
from adminnet.ids.nip import Gender

# Digits, separators and a few other characters, so that every shape occurs: empty,
# one digit, 9 and 18 digits, too long, a letter among digits, separators only.
_CHARS = st.sampled_from([*"0123456789", " ", ".", "-", "\u00a0", "O", "l", "x", "\u0661"])
_TEXTS = st.one_of(
    st.text(_CHARS, max_size=24),
    st.text(max_size=24),
    # an 18-digit number with one character changed, dropped or added
    st.tuples(
        st.text("0123456789", min_size=18, max_size=18),
        st.integers(0, 18),
        st.sampled_from(["", "O", "0", " ", "--"]),
        st.booleans(),
    ).map(lambda t: t[0][: t[1]] + t[2] + t[0][t[1] + int(t[3]) :]),
)
_NUMBERS = st.one_of(_TEXTS, st.none(), st.integers(), st.floats(allow_nan=False))
_BIRTHS = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1)))
_GENDERS = st.one_of(st.none(), st.sampled_from(list(Gender)))


def _outcome(call: object) -> ValidationError | None:
    try:
        call()  # type: ignore[operator]
    except ValidationError as exc:
        return exc
    return None


@given(_NUMBERS, _BIRTHS, _GENDERS)
@example("", None, None)
@example("1", dt.date(1965, 3, 2), Gender.MALE)
@example("000000000", dt.date(1965, 3, 2), Gender.FEMALE)
@example("196503021990031002", dt.date(1965, 3, 3), Gender.FEMALE)
@example("19650302199003100O", None, Gender.FEMALE)
@example("1965 0302 1990 0310", None, None)
@example("12345678901234567890123456789012345678901234567890", None, None)
@example(196503021990031002, None, None)
def test_check_person_raises_exactly_the_shape_error(
    number: object, birth: dt.date | None, gender: Gender | None
) -> None:
    """A shape error of validate is check_person's; any other number gets no shape error."""
    error = _outcome(lambda: nip.validate(number, at="2025-06-30"))  # type: ignore[arg-type]
    found = _outcome(
        lambda: nip.check_person(number, birth_date=birth, gender=gender)  # type: ignore[arg-type]
    )
    if error is not None and nip.is_shape_error(error):
        assert found is not None
        assert (type(found), found.code, found.variant, dict(found.params), found.message) == (
            type(error),
            error.code,
            error.variant,
            dict(error.params),
            error.message,
        )
    else:
        assert found is None or type(found) is InconsistentData
        assert not isinstance(found, InvalidFormat)


@pytest.mark.parametrize(
    ("number", "shape"),
    [
        ("1965030219900310", True),  # 16 digits
        ("", True),
        ("7", True),
        ("19650302199003100O", True),
        ("000000000", False),  # the all-zero legacy number: a shape, but not a NIP
        ("196513021990031002", False),  # an impossible birth date
        ("196503021990001002", False),  # TMT month 00
        ("196503021990031000", False),  # serial 000
    ],
)
def test_is_shape_error_vectors(number: str, shape: bool) -> None:
    error = _outcome(lambda: nip.validate(number))
    assert error is not None
    assert nip.is_shape_error(error) is shape


def test_only_nip_shape_errors() -> None:
    """Another module's error of the same class is no NIP shape error."""
    assert not nip.is_shape_error(InvalidFormat(code="nik.invalid_length"))
    assert not nip.is_shape_error(ValueError("nip.invalid_length"))
    assert nip.is_shape_error(InvalidFormat(code="nip.invalid_type", params={"type": "int"}))
