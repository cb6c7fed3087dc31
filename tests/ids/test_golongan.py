"""Tests of adminnet.ids.golongan: vectors, pangkat, ordering, robustness."""

from __future__ import annotations

import contextlib
import csv
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import InvalidComponent, InvalidFormat, UnknownEntity, ValidationError
from adminnet.ids import golongan
from adminnet.ids.golongan import Golongan, GolonganScheme
from fuzz.growth import assert_linear

VECTORS = Path(__file__).resolve().parent.parent / "vectors"

EXPECTED_CLASS: dict[str, type[ValidationError]] = {
    "golongan.invalid_format": InvalidFormat,
    "golongan.invalid_rank": InvalidComponent,
    "golongan.invalid_ruang": InvalidComponent,
}

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
         "XIV", "XV", "XVI", "XVII"]  # fmt: skip

# Domain facts section 6 (PP 99/2000 jo. PP 12/2002).
PANGKAT = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tk. I",
    "I/c": "Juru",
    "I/d": "Juru Tk. I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tk. I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tk. I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tk. I",
    "III/c": "Penata",
    "III/d": "Penata Tk. I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tk. I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
PNS = list(PANGKAT)
PPPK = ROMAN


def _valid_vectors() -> list[str]:
    lines = (VECTORS / "golongan.valid.txt").read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line and not line.startswith("#")]


def _invalid_vectors() -> list[tuple[str, str]]:
    with (VECTORS / "golongan.invalid.csv").open(encoding="utf-8", newline="") as f:
        return [(row["value"], row["expected_code"]) for row in csv.DictReader(f)]


VALID = _valid_vectors()
INVALID = _invalid_vectors()


# --- local hypothesis strategies -------------------------------------------------------


def _mixed_case(draw: st.DrawFn, text: str) -> str:
    flags = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.lower() if f else c.upper() for c, f in zip(text, flags, strict=True))


@st.composite
def golongan_cases(draw: st.DrawFn) -> tuple[str, str]:
    """A valid golongan written in any accepted notation, and its canonical form."""
    canonical = draw(st.sampled_from(PNS + PPPK))
    roman, _, ruang = canonical.partition("/")
    rank = ROMAN.index(roman) + 1
    numeral = draw(st.sampled_from([_mixed_case(draw, roman), str(rank)]))
    text = numeral
    if ruang:
        sep = draw(st.sampled_from(["/", "-", " ", "", " / ", "- "]))
        text += sep + draw(st.sampled_from([ruang, ruang.upper()]))
    pad = st.sampled_from(["", " ", "\t", "\u00a0"])
    return draw(pad) + text + draw(pad), canonical


written_golongan = golongan_cases().map(lambda case: case[0])
junk = st.none() | st.binary() | st.text() | st.integers() | st.floats()
near_text = st.text(alphabet="IVXivx0123456789abcdefz/- ", max_size=8)


# --- vectors -------------------------------------------------------------------------


def test_vector_counts() -> None:
    """The vector files hold at least 30 valid and 30 invalid golongan."""
    assert len(VALID) >= 30
    assert len(INVALID) >= 30


@pytest.mark.parametrize("value", VALID)
def test_valid_vector(value: str) -> None:
    """Every valid vector validates to its canonical compact form."""
    expected = golongan.compact(value)
    assert golongan.validate(value) == expected
    assert golongan.is_valid(value) is True
    assert golongan.format(value) == expected
    assert str(golongan.parse(value)) == expected


@pytest.mark.parametrize(("value", "code"), INVALID)
def test_invalid_vector(value: str, code: str) -> None:
    """Every invalid vector raises its expected error class and code everywhere."""
    for func in (golongan.validate, golongan.parse, golongan.format, golongan.pangkat):
        with pytest.raises(ValidationError) as info:
            func(value)
        assert info.value.code == code
        assert type(info.value) is EXPECTED_CLASS[code]
    assert golongan.is_valid(value) is False


# --- parts and pangkat ---------------------------------------------------------------


@pytest.mark.parametrize(("value", "name"), PANGKAT.items())
def test_pangkat(value: str, name: str) -> None:
    """Every PNS golongan/ruang has its pangkat from PP 99/2000 jo. PP 12/2002."""
    assert golongan.pangkat(value) == name
    rank = ROMAN.index(value.split("/")[0]) + 1
    assert golongan.parse(value) == Golongan(
        scheme=GolonganScheme.PNS, rank=rank, ruang=value[-1], pangkat=name
    )


@pytest.mark.parametrize("value", PPPK)
def test_pppk_parse(value: str) -> None:
    """PPPK golongan I..XVII parse with no ruang and no pangkat."""
    assert golongan.parse(value) == Golongan(
        scheme=GolonganScheme.PPPK, rank=ROMAN.index(value) + 1, ruang=None, pangkat=None
    )
    with pytest.raises(UnknownEntity) as info:
        golongan.pangkat(value)
    assert info.value.code == "golongan.no_pangkat"
    assert str(info.value) == f"PPPK golongan {value} has no pangkat"


def test_done_when_examples() -> None:
    """III/a is Penata Muda, IV/e Pembina Utama, and notations normalise to III/a."""
    assert golongan.pangkat("III/a") == "Penata Muda"
    assert golongan.pangkat("IV/e") == "Pembina Utama"
    for value in ("III/a", "III-a", "IIIa", "iii/a", "3/a", "III a", "3A"):
        assert golongan.validate(value) == "III/a"


def test_scheme_labels() -> None:
    """GolonganScheme has stable values and labels."""
    assert [(s.value, s.label) for s in GolonganScheme] == [("pns", "PNS"), ("pppk", "PPPK")]


def test_record_is_frozen() -> None:
    """The Golongan record cannot be changed."""
    g = golongan.parse("III/a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        g.rank = 4  # type: ignore[misc]


# --- ordering ------------------------------------------------------------------------


def test_order_of_all_grades() -> None:
    """Sorting puts PNS I/a..IV/e first, then PPPK I..XVII, in both APIs."""
    everything = PNS + PPPK
    shuffled = everything[::-1]
    assert sorted(shuffled, key=golongan.sort_key) == everything
    assert [str(g) for g in sorted(golongan.parse(v) for v in shuffled)] == everything


def test_comparisons() -> None:
    """III/d < IV/a, and the four comparison operators agree."""
    d, a = golongan.parse("III/d"), golongan.parse("IV/a")
    assert d < a
    assert d <= a
    assert a > d
    assert a >= d
    assert not a < d
    assert d <= golongan.parse("3d")
    assert d >= golongan.parse("3d")
    assert golongan.parse("IV/e") < golongan.parse("I")
    assert golongan.sort_key("III/d") == (0, 3, 4)
    assert golongan.sort_key("XVII") == (1, 17, 0)


def test_comparison_with_other_types_is_not_implemented() -> None:
    """Comparing with a non-Golongan defers to Python (NotImplemented)."""
    g = golongan.parse("III/a")
    assert g.__lt__("III/b") is NotImplemented
    assert g.__ge__(3) is NotImplemented
    text: object = "III/a"
    assert g != text


# --- compact, format, types ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" iii a ", "III/a"),
        ("3/A", "III/a"),
        ("ix", "IX"),
        ("v-a", "V/a"),  # the shape is normalised even if the grade does not exist
        ("99/a", "99/a"),
        ("Gol. III/a", "Gol. III/a"),  # other text is only stripped
        ("  ", ""),
    ],
)
def test_compact(value: str, expected: str) -> None:
    """compact gives the canonical form of the accepted shape and checks nothing."""
    assert golongan.compact(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("II/e", "ruang e in 'II/e' exists only in golongan IV"),
        ("III/f", "ruang f in 'III/f' is not between a and e"),
        ("V/a", "PNS golongan 'V/a' is not between I and IV"),
        ("XVIII", "PPPK golongan 'XVIII' is not between I and XVII"),
        ("III//a", "golongan 'III//a' is not a golongan/ruang like III/a or a PPPK golongan"),
    ],
)
def test_messages(value: str, message: str) -> None:
    """Messages name the part and quote the value."""
    with pytest.raises(ValidationError) as info:
        golongan.validate(value)
    assert str(info.value) == message


@pytest.mark.parametrize(
    "func",
    [
        golongan.compact,
        golongan.validate,
        golongan.format,
        golongan.parse,
        golongan.pangkat,
        golongan.sort_key,
    ],
)
@pytest.mark.parametrize("value", [None, b"III/a", 3, 3.0, ("III", "a")])
def test_non_string_is_invalid_type(func: Any, value: object) -> None:
    """Non-str input raises InvalidFormat with code golongan.invalid_type."""
    with pytest.raises(InvalidFormat) as info:
        func(value)
    assert info.value.code == "golongan.invalid_type"


# --- properties ----------------------------------------------------------------------


@given(golongan_cases())
def test_any_notation_validates(case: tuple[str, str]) -> None:
    """Every accepted notation validates to the canonical form; format round-trips."""
    value, canonical = case
    assert golongan.validate(value) == canonical
    assert golongan.compact(value) == canonical
    assert golongan.validate(golongan.format(value)) == golongan.compact(value)


@given(written_golongan)
def test_parse_agrees_with_canonical(value: str) -> None:
    """parse() fields rebuild the canonical form and the pangkat."""
    g = golongan.parse(value)
    assert str(g) == golongan.validate(value)
    roman, _, ruang = str(g).partition("/")
    assert g.rank == ROMAN.index(roman) + 1
    assert g.ruang == (ruang or None)
    assert g.pangkat == PANGKAT.get(str(g))
    assert g.scheme is (GolonganScheme.PNS if ruang else GolonganScheme.PPPK)


@given(junk)
def test_is_valid_never_raises(value: object) -> None:
    """is_valid returns a bool for None, bytes, text, ints and floats."""
    assert golongan.is_valid(value) in (True, False)


@given(st.text() | near_text)
def test_only_adminnet_errors_on_text(value: str) -> None:
    """Every function raises only adminnet errors on arbitrary text."""
    golongan.compact(value)
    for func in (golongan.validate, golongan.parse, golongan.format, golongan.sort_key):
        with contextlib.suppress(ValidationError):
            func(value)
    with contextlib.suppress(ValidationError, UnknownEntity):
        golongan.pangkat(value)


# --- linear time (issue 16, defect 2) --------------------------------------------


@pytest.mark.parametrize("pad", [" ", "\u00a0", "\t"])
@pytest.mark.parametrize(
    "function", [golongan.is_valid, golongan.compact, lambda s: golongan.is_valid(s[::-1])]
)
@pytest.mark.parametrize(
    "shape", ["I{pad}!", "{pad}III{pad}/{pad}!", "IV{pad}a{pad}!", "I{pad}-{pad}"]
)
def test_linear_time_on_padding(pad: str, function: Any, shape: str) -> None:
    """Every function is linear in the padding: 100x the input, well under 1000x the time.

    The old pattern had ``\\s*`` next to ``\\s*``; 20,000 spaces took 4.7 s (quadratic).
    """
    assert_linear(
        function, lambda n: shape.replace("{pad}", pad * n), limit=1_000, floor=1e-5, repeat=5
    )


def test_every_function_handles_long_padding() -> None:
    """validate/format/parse/pangkat/sort_key refuse long padded junk with adminnet errors."""
    junk = "I" + " " * 100_000 + "!"
    for function in (golongan.validate, golongan.format, golongan.parse, golongan.pangkat,
                     golongan.sort_key):  # fmt: skip
        with pytest.raises(ValidationError):
            function(junk)
    assert golongan.validate("\u00a0" * 50_000 + "iii a" + " " * 50_000) == "III/a"
