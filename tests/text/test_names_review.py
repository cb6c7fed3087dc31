"""Review fixes in adminnet.text.names: glued front titles, ``(K)`` marks, ``Ing``, hyphens.

Each reproduced defect is a vector below; the properties check that every known title
survives ``parse_name(str(name))`` and that the fast paths agree with the slow path on
names built from the pieces that caused the defects.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from adminnet.errors import ValidationError
from adminnet.text import names
from adminnet.text.names import BACK_TITLES, FRONT_TITLES, PersonName, parse_name

# Each defect the review reproduced, as a vector: input, prefixes, given, suffixes.
_ROWS = json.loads((Path(__file__).parents[1] / "vectors" / "names_review.json").read_text("utf-8"))
VECTORS: list[tuple[str, tuple[str, ...], str, tuple[str, ...]]] = [
    (r["input"], tuple(r["prefixes"]), r["given"], tuple(r["suffixes"])) for r in _ROWS
]


def _outcome(name: PersonName) -> tuple[object, ...]:
    return (type(name.given), name.given, name.prefixes, name.suffixes, str(name))


def _slow(text: str) -> object:
    try:
        return _outcome(names._parse_clean(names._checked(text), text))
    except ValidationError as exc:
        return (type(exc), exc.code, str(exc))


def _fast(text: str) -> object:
    try:
        return _outcome(parse_name(text))
    except ValidationError as exc:
        return (type(exc), exc.code, str(exc))


def _check_paths_agree(text: str) -> None:
    """parse_name, _parse_formal (when it answers) and _parse_clean give the same."""
    slow = _slow(text)
    assert _fast(text) == slow, text
    try:
        s = names._checked(text)
    except ValidationError:
        return
    formal = names._parse_formal(s)
    if formal is not None:
        assert _outcome(formal) == slow, text


@pytest.mark.parametrize(
    ("text", "prefixes", "given_name", "suffixes"), VECTORS, ids=[v[0] for v in VECTORS]
)
def test_review_vector(
    text: str, prefixes: tuple[str, ...], given_name: str, suffixes: tuple[str, ...]
) -> None:
    """Each case parses as expected, on every path, and its formal form parses back."""
    name = parse_name(text)
    assert (name.prefixes, name.given, name.suffixes) == (prefixes, given_name, suffixes)
    assert parse_name(str(name)) == name
    assert PersonName(given=name.given, prefixes=name.prefixes, suffixes=name.suffixes) == name
    _check_paths_agree(text)
    _check_paths_agree(str(name))


@pytest.mark.parametrize(
    ("kwargs", "medical"),
    [
        ({"given": "Ing Wijaya", "prefixes": ["dr."]}, True),
        ({"given": "Ing. Wijaya", "prefixes": ["dr."]}, True),
        ({"given": "Ing Budi", "prefixes": ["Dr."]}, False),
        ({"given": "Ing", "prefixes": ["Dr."]}, False),
        ({"given": "A. Budi", "prefixes": ["Dr."]}, False),
        ({"given": "S. Budi", "prefixes": ["dr."]}, True),
        ({"given": "Budi", "prefixes": ["Dr.", "H."]}, False),
        ({"given": "Ani Wijaya", "prefixes": ["drg."], "suffixes": ["Sp.Perio(K)"]}, False),
        ({"given": "Ani Wijaya", "prefixes": ["dr."], "suffixes": ["Sp.BTKV(K)"]}, True),
        ({"given": "Dr- Budi", "suffixes": ["S.H."]}, False),
    ],
)
def test_review_round_trip(kwargs: dict[str, Any], medical: bool) -> None:
    """These names print to a text that parses back to them (the physician kept)."""
    name = PersonName(**kwargs)
    again = parse_name(str(name))
    assert again == name
    assert again.is_medical_doctor is medical


def test_constructor_spellings() -> None:
    """The constructor reads one title as one title, never as a glued pair."""
    name = PersonName(given="Budi", prefixes=["Dr (HC)", "Dr. Ing"], suffixes=["SpPerio (K)"])
    assert name.prefixes == ("Dr. (H.C.)", "Dr.-Ing.")
    assert name.suffixes == ("Sp.Perio(K)",)
    assert PersonName(given="Budi", suffixes=["Sp.BTKV(K)"]).suffixes == ("Sp.BTKV(K)",)


# --- every known title survives the round trip -----------------------------------------

_MARKED = [t.rstrip(".") + "(K)" for t in BACK_TITLES if " " not in t]  # one word: a mark
_GIVEN_WORDS = (
    "Budi",
    "Santoso",
    "Ani",
    "Wijaya",
    "Ing",
    "Lie",
    "Siti",
    "Nur-Aini",
    "Ma'ruf",
    "HC",
    "Perio",
    "Sp",
    "A.",
    "S.",
    "J.",
    "C.",
    "Moh.",
)
_givens = st.lists(st.sampled_from(_GIVEN_WORDS), min_size=1, max_size=3).map(" ".join)


def _is_parsed_name(text: str) -> bool:
    """``text`` parses to itself, with no title (so it is a valid ``given``)."""
    try:
        return parse_name(text) == PersonName(given=text)
    except ValidationError:
        return False


@pytest.mark.parametrize("title", [*BACK_TITLES, *_MARKED])
def test_every_back_title_round_trips(title: str) -> None:
    """Each back title, also with a consultant mark, survives str() and parse_name."""
    for given_name in ("Ani Wijaya", "Ing Budi", "A. Budi"):
        name = PersonName(given=given_name, prefixes=["drg."], suffixes=[title])
        assert name.suffixes == (title,)
        assert parse_name(str(name)) == name, str(name)


@pytest.mark.parametrize("title", FRONT_TITLES)
def test_every_front_title_round_trips(title: str) -> None:
    """Each front title survives str() and parse_name, before names that look like titles."""
    for given_name in ("Ani Wijaya", "Ing Budi", "Ing", "A. Budi", "S. Budi", "HC Budi"):
        name = PersonName(given=given_name, prefixes=[title], suffixes=["S.H."])
        assert name.prefixes == (title,)
        assert parse_name(str(name)) == name, str(name)


@given(
    st.lists(st.sampled_from(FRONT_TITLES), max_size=3),
    _givens,
    st.lists(st.sampled_from([*BACK_TITLES, *_MARKED]), max_size=3),
)
@example(["dr."], "Ing Wijaya", [])
@example(["drg."], "Ani Wijaya", ["Sp.Perio(K)"])
@example(["Dr."], "A. Budi", ["Sp.BTKV(K)"])
def test_titled_names_round_trip(prefixes: list[str], given_name: str, suffixes: list[str]) -> None:
    """Known titles around a parsed name: parse_name(str(name)) == name, on every path."""
    assume(_is_parsed_name(given_name))
    name = PersonName(given=given_name, prefixes=prefixes, suffixes=suffixes)
    assert parse_name(str(name)) == name
    _check_paths_agree(str(name))


# --- the fast paths agree with the slow path --------------------------------------------

_PIECES = (
    *FRONT_TITLES,
    *(t.replace(".", "") for t in FRONT_TITLES),
    *("Dr-", "Hj-", "Prof-", "Ir-", "KH-", "Dr.-", "dr-", "Dr-Ing", "Dr.-Ing", "-Ing."),
    *("Dr.H.", "dr.H.", "Dr.A.", "Dr.S.", "Dr.H.C.", "H.C.", "Dr.Ing", "dr.Ing.", "K.H"),
    *("Ing", "Ing.", "ING", "H.", "A.", "S.", "H", "A", "rer.", "nat", "(HC)", "(K)"),
    *("Sp.", "Sp", "Sp.Perio(K)", "Sp.BTKV(K)", "Sp.Pros(K)", "SpPerio(K)", "S.P."),
    *("Budi", "Santoso", "Ani", "Wijaya", "Siti"),
)
_SEPARATORS = ("", " ", " ", " ", ".", "-", ", ", ",")


@st.composite
def _mixed_names(draw: st.DrawFn) -> str:
    """Title pieces, initials, 'Ing' and name words, joined by spaces, dots or hyphens."""
    parts = draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5))
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(_SEPARATORS)) + part
    return text + draw(st.sampled_from(["", " Budi", " Budi Santoso", ", S.H."]))


_UNDOTTED = ("Dr", "dr", "Hj", "KH", "Prof", "Ir", "Ing", "H", "Budi", "Siti", "Santoso")


@st.composite
def _undotted_names(draw: st.DrawFn) -> str:
    """Texts without a dot or comma (the shortcut's shape): words glued by hyphens."""
    parts = draw(st.lists(st.sampled_from(_UNDOTTED), min_size=1, max_size=4))
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(["- ", "-", " ", " -", " "])) + part
    return text + " " + draw(st.sampled_from(["Budi", "Ani Wijaya"]))


@given(_mixed_names())
@example("Dr.H. Budi Santoso")
@example("Dr.A. Budi")
@example("Dr. Ing Budi")
@example("Dr- Budi Santoso")
def test_mixed_names_agree_with_slow_path(text: str) -> None:
    """Generated names mixing the review's pieces give the slow path's result everywhere."""
    _check_paths_agree(text)
    try:
        name = parse_name(text)
    except ValidationError:
        return
    assert parse_name(str(name)) == name


@given(_undotted_names())
@example("Dr- Budi Santoso")
@example("Hj- Siti Aminah")
def test_undotted_names_agree_with_slow_path(text: str) -> None:
    """The shortcut for names without a dot or comma agrees with the slow path."""
    _check_paths_agree(text)
