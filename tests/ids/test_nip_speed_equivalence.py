"""The fast path and memos of adminnet.ids.nip.validate agree with a plain reference.

``expected`` below is the checking logic of :mod:`adminnet.ids.nip` written out the
straightforward way (integers and dates, no memo, no fast path); every test compares
the library with it, over generated 18-digit numbers, with and without ``at``, and in
different call orders.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import time
import types
from typing import Any

import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import adminnet.time
from adminnet.errors import (
    InconsistentData,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from adminnet.ids import nip
from adminnet.ids.nip import Gender, NipKind

Outcome = tuple[Any, ...]

_SEPARATORS = str.maketrans("", "", " .-\u00a0\u2009\u202f")
_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _fail(cls: type[ValidationError], code: str, message: str) -> Outcome:
    return ("error", cls, code, message)


def expected(number: str, ref: dt.date) -> Outcome:
    """What validate(number) gives with reference date ``ref``: ("ok", compact, parts) or
    ("error", class, code, message)."""
    s = number.translate(_SEPARATORS).strip()
    if not s:
        shown = repr(number) if len(repr(number)) <= 42 else repr(number)[:40] + "…"
        return _fail(InvalidLength, "nip.invalid_length", f"NIP {shown} has no digits")
    for ch in s:
        if ch not in "0123456789":
            shown = repr(number) if len(repr(number)) <= 42 else repr(number)[:40] + "…"
            message = f"NIP {shown} has a character that is not a digit: {ch!r}"
            return _fail(InvalidFormat, "nip.invalid_format", message)
    if len(s) == 9:
        if s == "000000000":
            return _fail(InvalidFormat, "nip.invalid_format", f"NIP {s} is all zeros")
        return ("ok", s, None)
    if len(s) != 18:
        plural = "" if len(s) == 1 else "s"
        message = f"NIP {s} has {len(s)} digit{plural}, not 18 (or 9 for a pre-2009 NIP)"
        return _fail(InvalidLength, "nip.invalid_length", message)
    birth, tmt, year, month, gender, serial = s[:8], s[8:14], s[8:12], s[12:14], s[14], s[15:]
    by, bm, bd = int(s[0:4]), int(s[4:6]), int(s[6:8])
    ay, am = int(year), int(month)
    days = 29 if bm == 2 and calendar.isleap(by) else _DAYS[bm] if 1 <= bm <= 12 else 0
    if not 1 <= bd <= days:
        message = f"NIP birth date {birth} is not a calendar date"
        return _fail(InvalidComponent, "nip.invalid_birth_date", message)
    if by < 1900:
        message = f"NIP birth date {birth} is before 1900"
        return _fail(InvalidComponent, "nip.invalid_birth_date", message)
    if am == 0:
        return _fail(InvalidComponent, "nip.invalid_appointment", f"NIP TMT {tmt} has no month 00")
    pppk = am > 12
    if pppk and ay < 2014:
        message = (
            f"NIP TMT {tmt} has no month {month}, and a NI PPPK (code > 12)"
            " cannot have a year before 2014"
        )
        return _fail(InvalidComponent, "nip.invalid_appointment", message)
    if gender not in ("1", "2"):
        message = f"NIP gender digit {gender} is not 1 (male) or 2 (female)"
        return _fail(InvalidComponent, "nip.invalid_gender", message)
    if serial == "000":
        message = "NIP serial number 000 is not between 001 and 999"
        return _fail(InvalidComponent, "nip.invalid_serial", message)
    if pppk and ay - by < 18:
        message = f"NI PPPK appointment year {year} is less than 18 years after birth date {birth}"
        return _fail(InconsistentData, "nip.too_young", message)
    if not pppk and (ay, am, 1) < (by + 18, bm, bd):
        message = f"NIP TMT {tmt} is less than 18 years after birth date {birth}"
        return _fail(InconsistentData, "nip.too_young", message)
    if pppk and ay > ref.year:
        message = f"NI PPPK appointment year {year} is after the reference date {ref}"
        return _fail(InvalidComponent, "nip.appointed_in_future", message)
    if not pppk and (ay, am) > (ref.year, ref.month):
        message = f"NIP TMT {tmt} is after the reference date {ref}"
        return _fail(InvalidComponent, "nip.appointed_in_future", message)
    parts = (
        NipKind.PPPK if pppk else NipKind.PNS,
        dt.date(by, bm, bd),
        year if pppk else f"{year}-{month}",
        Gender.MALE if gender == "1" else Gender.FEMALE,
        int(serial),
        am if pppk else None,
    )
    return ("ok", s, parts)


def outcome(number: str, **kwargs: Any) -> Outcome:
    """What nip.validate does, in the form of :func:`expected`; parse and is_valid agree."""
    try:
        value = nip.validate(number, **kwargs)
    except ValidationError as exc:
        error: ValidationError | None = exc
    else:
        error = None
    if error is not None:
        with pytest.raises(type(error)) as info:
            nip.parse(number, **kwargs)
        assert (info.value.code, str(info.value)) == (error.code, str(error))
        assert nip.is_valid(number, **kwargs) is False
        return _fail(type(error), error.code, str(error))
    assert nip.is_valid(number, **kwargs) is True
    n = nip.parse(number, **kwargs)
    assert n.number == value
    if n.kind is NipKind.LEGACY:
        return ("ok", value, None)
    assert n.birth_date is not None
    assert n.appointed is not None
    birth = dt.date(n.birth_date.year, n.birth_date.month, n.birth_date.day)
    return ("ok", value, (n.kind, birth, str(n.appointed), n.gender, n.serial, n.code))


# --- strategies ----------------------------------------------------------------------

REF_DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def _two(value: int) -> str:
    return f"{value % 100:02d}"


@st.composite
def numbers(draw: st.DrawFn, ref: dt.date) -> str:
    """18 digits, every position varied, many near the age and reference-date limits."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.from_regex(r"\A[0-9]{18}\Z"))
    by = draw(st.integers(1880, 2110) | st.integers(0, 9999) | st.sampled_from([1900, 2000]))
    bm = draw(st.integers(0, 13) | st.integers(0, 99))
    bd = draw(st.integers(0, 32) | st.sampled_from([1, 2, 28, 29, 30, 31]) | st.integers(0, 99))
    ay = draw(
        st.integers(by + 16, by + 20)
        | st.integers(ref.year - 1, ref.year + 1)
        | st.integers(2012, 2016)
        | st.integers(0, 9999)
    )
    am = draw(
        st.integers(0, 13)
        | st.sampled_from([bm - 1, bm, bm + 1, ref.month, ref.month + 1, 21, 24, 99])
        | st.integers(0, 99)
    )
    gender = draw(st.integers(0, 9) | st.sampled_from([1, 2]))
    serial = draw(st.integers(0, 999) | st.sampled_from([0, 1, 999]))
    return f"{by % 10000:04d}{_two(bm)}{_two(bd)}{ay % 10000:04d}{_two(am)}{gender}{serial:03d}"


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, dt.date]:
    """A reference date and an 18-digit number near it."""
    ref = draw(REF_DATES)
    return draw(numbers(ref)), ref


def _at_forms(ref: dt.date) -> list[Any]:
    return [pendulum.Date(ref.year, ref.month, ref.day), ref, ref.isoformat()]


# --- equivalence with the reference --------------------------------------------------


@given(cases())
@example(("196503021990031002", dt.date(1990, 3, 1)))
@example(("196503021990031002", dt.date(1990, 2, 28)))
@example(("197203011990031001", dt.date(2025, 6, 30)))
@example(("197203021990031001", dt.date(2025, 6, 30)))
@example(("197212021990121001", dt.date(2025, 6, 30)))
@example(("197212021991011001", dt.date(2025, 6, 30)))
@example(("200312312021211001", dt.date(2021, 1, 1)))
@example(("200312312021211001", dt.date(2020, 12, 31)))
@example(("200401012021211001", dt.date(2025, 6, 30)))
@example(("199001012013211001", dt.date(2025, 6, 30)))
@example(("000001012013011001", dt.date(2025, 6, 30)))
@example(("999912319999121001", dt.date(2025, 6, 30)))
@example(("190002291930031001", dt.date(2025, 6, 30)))
@example(("200002292020031001", dt.date(2025, 6, 30)))
@example(("210002292120031001", dt.date(2125, 6, 30)))
@example(("201902292040031001", dt.date(2040, 6, 30)))
@example(("998112019999121001", dt.date(2025, 6, 30)))
def test_validate_with_at_matches_reference(case: tuple[str, dt.date]) -> None:
    """validate/parse/is_valid with `at` (Date, date, ISO text) give exactly the reference."""
    number, ref = case
    want = expected(number, ref)
    for at in _at_forms(ref):
        assert outcome(number, at=at) == want


@given(cases())
def test_validate_without_at_matches_reference(case: tuple[str, dt.date]) -> None:
    """Without `at`, a monkeypatched adminnet.time.today is the reference, exactly."""
    number, ref = case
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(adminnet.time, "today", lambda: pendulum.Date(ref.year, ref.month, ref.day))
        assert outcome(number) == expected(number, ref)


@given(st.data())
def test_validate_with_real_today_matches_reference(data: st.DataObject) -> None:
    """Without `at` and without a patch, the real today in Asia/Jakarta is the reference."""
    today = adminnet.time.today()
    number = data.draw(numbers(today))
    assert outcome(number) == expected(number, adminnet.time.today())


@given(st.text(alphabet="0123456789\u0661\u0663\u00b2_+ x-", min_size=14, max_size=20))
@example("1965\u0663302199003\u00b21002")
@example("1_65030219900310 2")
@example("19650302+990031002")
@example("196503021990031\u0661\u0660\u0662")
def test_odd_characters_match_reference(text: str) -> None:
    """Non-ASCII digits, underscores and signs (which int() accepts) are never digits."""
    assert outcome(text, at="2025-06-30") == expected(text, dt.date(2025, 6, 30))


# --- call order and memos ------------------------------------------------------------

SHARED_PREFIX = [
    # (invalid, valid) pairs sharing the birth date, the TMT or the gender and serial.
    ("196513021990031002", "196503021990031002"),
    ("196503021990001002", "196503021990031002"),
    ("196503021990033002", "196503021990031002"),
    ("196503021990031000", "196503021990031002"),
    ("197303021990031002", "196503021990031002"),
    ("197303021990031002", "197303021991041002"),
    ("200401012021211001", "200312312021211001"),
    ("199001012013211001", "199001012014211001"),
    ("196503022099011002", "196503021990031002"),
    ("189912311930031001", "190001011930031001"),
]


@pytest.mark.parametrize(("invalid", "valid"), SHARED_PREFIX)
def test_call_order_does_not_matter(invalid: str, valid: str) -> None:
    """An invalid and a valid number sharing a prefix keep their results in either order."""
    ref = dt.date(2025, 6, 30)
    for order in ((invalid, valid), (valid, invalid), (invalid, valid, invalid, valid)):
        for number in order:
            got = outcome(number, at=ref)
            assert got == expected(number, ref)
            assert (got[0] == "ok") is (number == valid)


@given(st.lists(cases(), min_size=2, max_size=12))
def test_results_do_not_depend_on_call_order(batch: list[tuple[str, dt.date]]) -> None:
    """A batch validated forwards, backwards and again gives the same results each time."""
    want = [expected(number, ref) for number, ref in batch]
    forwards = [outcome(number, at=ref) for number, ref in batch]
    backwards = [outcome(number, at=ref) for number, ref in reversed(batch)][::-1]
    again = [outcome(number, at=ref) for number, ref in batch]
    assert forwards == backwards == again == want


def test_same_number_alternating_reference_dates() -> None:
    """The last-`at` memo never leaks: one number, alternately before and after its TMT."""
    number = "200001012025071001"
    early, late = "2025-06-30", "2025-07-01"
    early_date = dt.date(2025, 6, 30)
    for _ in range(3):
        assert nip.validate(number, at=late) == number
        with pytest.raises(InvalidComponent) as info:
            nip.validate(number, at=early)
        assert str(info.value) == "NIP TMT 202507 is after the reference date 2025-06-30"
        assert nip.validate(number, at=pendulum.Date(2025, 7, 1)) == number
        assert not nip.is_valid(number, at=early_date)


def test_bad_reference_date_after_a_good_one() -> None:
    """A bad `at` still raises its date error after the same number passed with a good one."""
    number = "196503021990031002"
    assert nip.validate(number, at="2025-06-30") == number
    for bad, code in [("30/06/2025", "date.invalid_format"), ("2025-02-30", "date.invalid_date")]:
        with pytest.raises(ValidationError) as info:
            nip.validate(number, at=bad)
        assert info.value.code == code
    with pytest.raises(InvalidFormat) as info:
        nip.validate(number, at=dt.datetime(2025, 6, 30))
    assert info.value.code == "date.invalid_type"
    # The number's own error comes first, before the bad `at` is looked at.
    with pytest.raises(InvalidComponent) as info:
        nip.validate("196503021990001002", at="30/06/2025")
    assert info.value.code == "nip.invalid_appointment"


def test_replaced_today_function_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each call asks a replaced today function again, even the same one with a new date."""
    number = "197001012000021001"
    assert nip.validate(number) == number  # the real today fills the memo
    box = [pendulum.Date(2000, 2, 1)]
    monkeypatch.setattr(adminnet.time, "today", lambda: box[0])
    assert nip.validate(number) == number
    box[0] = pendulum.Date(2000, 1, 31)
    with pytest.raises(InvalidComponent) as info:
        nip.validate(number)
    assert str(info.value) == "NIP TMT 200002 is after the reference date 2000-01-31"
    box[0] = pendulum.Date(2000, 2, 29)
    assert nip.is_valid(number) is True
    monkeypatch.undo()
    assert nip.validate(number) == number


def test_today_memo_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    """A memo of today left from before midnight does not reject what today accepts."""
    today = adminnet.time.today()
    number = f"19700101{today.year:04d}{today.month:02d}1001"
    past = today.subtract(months=1)
    stale = (
        adminnet.time.today,
        time.time() - 1.0,  # expired a second ago
        past.year,
        past.month,
        past.isoformat(),
        f"{past.year:04d}{past.month:02d}",
        time.time() - 86_401.0,  # the day it was today began
    )
    monkeypatch.setattr(nip, "_today_cache", stale)
    assert nip.validate(number) == number
    later = today.add(months=1)
    assert not nip.is_valid(f"19700101{later.year:04d}{later.month:02d}1001")


def test_today_memo_follows_a_clock_set_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock set back (freezegun, time-machine, a correction) is today again at once."""
    number = "199001012020031001"  # TMT 2020-03
    assert nip.validate(number) == number  # the real today fills the memo
    then = dt.datetime(1995, 6, 1, 5, 0, tzinfo=dt.UTC)

    class Then(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Then:  # type: ignore[override]
            return cls.fromtimestamp(then.timestamp(), tz)

    fake = types.ModuleType("datetime")
    fake.__dict__.update(vars(dt))
    fake.datetime = Then  # type: ignore[attr-defined]
    monkeypatch.setattr(adminnet.time, "_dt", fake)
    monkeypatch.setattr(time, "time", then.timestamp)
    assert adminnet.time.today() == pendulum.Date(1995, 6, 1)
    with pytest.raises(InvalidComponent) as info:
        nip.validate(number)
    assert str(info.value) == "NIP TMT 202003 is after the reference date 1995-06-01"
    assert nip.is_valid("199001011995061001") is False  # TMT 1995-06 but born 1990
    assert nip.validate("197001011995061001") == "197001011995061001"


def test_memos_stay_bounded() -> None:
    """60,000 different birth dates and TMTs validate correctly and the memos stay bounded."""
    ref = dt.date(2100, 12, 31)
    start = dt.date(1900, 1, 1)
    for i in range(60_000):
        birth = start + dt.timedelta(days=i)
        tmt = (birth.year + 19) * 12 + birth.month - 1
        number = f"{birth:%Y%m%d}{tmt // 12:04d}{tmt % 12 + 1:02d}{i % 2 + 1}{i % 999 + 1:03d}"
        assert nip.validate(number, at=ref) == number
        if i % 997 == 0:
            assert outcome(number, at=ref) == expected(number, ref)
    assert 0 < len(nip._births) <= 50_000
    assert 0 < len(nip._appointments) <= 50_000


# --- check_person after validate (the accepted-number slot) -----------------------------


def _checked(number: object, birth: dt.date | None, gender: Gender | None) -> Outcome:
    try:
        nip.check_person(number, birth_date=birth, gender=gender)  # type: ignore[arg-type]
    except ValidationError as exc:
        return ("error", type(exc), exc.code, str(exc))
    return ("ok",)


@given(
    case=cases(),
    odd=st.text(alphabet="0123456789\u0661\u00b2 x-", max_size=20),
    birth=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2010, 12, 31)),
    gender=st.none() | st.sampled_from(Gender),
)
def test_check_person_answers_the_same_after_validate(
    case: tuple[str, dt.date], odd: str, birth: dt.date | None, gender: Gender | None
) -> None:
    """validate remembers the number it accepted last, so that check_person need not
    prove its shape again: its answer is the same whether validate ran before or not,
    for that number, for an equal copy of it and for any other text."""
    number, ref = case
    for candidate in (number, odd):
        nip._accepted[0] = None
        alone = _checked(candidate, birth, gender)
        with contextlib.suppress(ValidationError):
            nip.validate(candidate, at=ref)
        assert _checked(candidate, birth, gender) == alone
        assert _checked("".join(list(candidate)), birth, gender) == alone  # an equal copy


def test_the_accepted_slot_holds_only_what_validate_accepted() -> None:
    """A number validate refuses is never remembered, so check_person still refuses its shape."""
    good = "196503021990031002"
    assert nip.validate(good) == good
    assert nip._accepted[0] is good
    bad = "19650302199003100x"
    with pytest.raises(ValidationError):
        nip.validate(bad)
    assert nip._accepted[0] is good
    with pytest.raises(InvalidFormat):
        nip.check_person(bad, gender=Gender.MALE)
    nip.check_person(good, birth_date=pendulum.date(1965, 3, 2), gender=Gender.MALE)
    with pytest.raises(InconsistentData):
        nip.check_person(good, gender=Gender.FEMALE)
