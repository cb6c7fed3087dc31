"""Tests for the fast paths of adminnet.text.names: they must give the slow path's results.

``parse_name`` answers names in (near) formal form from ``_parse_formal`` and skips the
input checks for clean ASCII text; the ``PersonName`` constructor remembers canonical
titles and valid titles. Each is compared here with the slow path (``_parse_clean``
after the full input checks) or with a plain reference of the constructor's rules,
error class, code and message included.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import string
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from cattrs import AttributeValidationNote
from hypothesis import given
from hypothesis import strategies as st

from adminnet._validators import short
from adminnet.errors import InvalidFormat, InvalidLength, ValidationError
from adminnet.text import names
from adminnet.text.names import BACK_TITLES, FRONT_TITLES, PersonName, parse_name

HERE = Path(__file__).resolve().parent
VECTORS = json.loads((HERE.parent / "vectors" / "names.json").read_text("utf-8"))
VECTOR_INPUTS: list[str] = [row["input"] for row in VECTORS["valid"] + VECTORS["invalid"]]
MAKE_RECORDS = HERE.parent.parent / "bench" / "make_records.py"

BRIEF_NAMES = (
    "drg. Ida Nasution, S.Sos., M.Si.",
    "Hj. Nur S. Kurniawan, S.Pd, M.Pd.",
    "Moh. Adi Anwar, S.Sos., M.Si.",
    "Wati M. Manurung",
    "Dr. H. Ismail Haryanto",
    "Ns.Sutrisno Eka Suhendar,S.Psi.,M.Psi.",
    "Budi Santoso,SH,MM",
    "Prof. Dr. Ir. H. Budi Santoso, M.Sc., Ph.D.",
)


def _shape(value: object) -> object:
    """A value with the type of each part, so that a str subclass is not a str."""
    if isinstance(value, tuple):
        return (tuple, tuple(_shape(v) for v in value))
    return (type(value), value)


def _name_outcome(name: PersonName) -> object:
    return (
        type(name),
        _shape(name.given),
        _shape(name.prefixes),
        _shape(name.suffixes),
        str(name),
    )


def _error_outcome(exc: ValidationError) -> object:
    fields = [
        n.name for n in getattr(exc, "__notes__", ()) if isinstance(n, AttributeValidationNote)
    ]
    return (type(exc), exc.code, str(exc), fields)


def _parse(text: object) -> object:
    """What parse_name gives for ``text``: the name's parts, or the error."""
    try:
        return _name_outcome(parse_name(text))  # type: ignore[arg-type]
    except ValidationError as exc:
        return _error_outcome(exc)


def _slow(text: object) -> object:
    """What the slow path gives: the full input checks, then _parse_clean."""
    try:
        return _name_outcome(names._parse_clean(names._checked(text), text))  # type: ignore[arg-type]
    except ValidationError as exc:
        return _error_outcome(exc)


def _formal_agrees(text: str) -> bool:
    """_parse_formal on the cleaned text is None or what _parse_clean gives; True if used."""
    try:
        s = names._checked(text)
    except ValidationError:
        return False
    fast = names._parse_formal(s)
    if fast is None:
        return False
    assert _name_outcome(fast) == _name_outcome(names._parse_clean(s, text)), text
    return True


# --- parse_name: fixed inputs -----------------------------------------------------------


@pytest.mark.parametrize("text", VECTOR_INPUTS, ids=[repr(t) for t in VECTOR_INPUTS])
def test_vectors_agree_with_slow_path(text: str) -> None:
    """Every vector (valid or not) gives what the slow path gives."""
    assert _parse(text) == _slow(text)
    _formal_agrees(text)


@pytest.mark.parametrize("text", BRIEF_NAMES)
def test_formal_names_take_the_fast_path(text: str) -> None:
    """Names in formal form (also glued or with dotless back titles) take the fast path."""
    assert _formal_agrees(text)
    assert _parse(text) == _slow(text)


@pytest.mark.parametrize(
    "text",
    [
        "K. H. Ahmad Dahlan",  # front title written in pieces
        "Dr. H. C. Budi",
        "Dr. Ing Budi",  # Dr. before the name word Ing (Dr. Ing. would be Dr.-Ing.)
        "Dr. Ing. Budi",
        "Dr.H. Budi",  # glued Dr. and H., not drh.
        "Dr. Rer. Nat. Budi",
        "Budi M. Sc, S.H.",  # an initial joining a back title
        "Budi Santoso S. H.",
        "Adi Suryanto M.Si., S.H.",  # a dotted back title without a comma
        "Hj Siti Aminah",
        "Ir Budi, MT",
        "Asman Abnur.",  # sentence period
        "Agus S.",
        "Moh.",
        "Dr. dr. Hendra Gunawan, Sp.JP (K), FINASIM",
        "Dr. (H.C.) Budi",
        "Ir.Frans J.Papilaya,M.Si.",
        "Dr.Ir.H.Budi, M.Si.",
        "K.H.Ma'ruf Amin",
        "Dr., M.Si.",
        "S.H., M.H.",
        "Dr. H.",
        "Dr. 123, S.H.",
        "Budi, Santoso",
        "Papilaya, Frans",
        "Budi, S.H. , M.H.",
        "Budi , S.H.",
        "Budi,, S.H.",
        "Budi, S.H., CFrA",
        "Budi CFrA, S.H.",
        "Budi S.H., M.H.",
        "Budi  Santoso, S.H.",
        " Budi Santoso, S.H.",
        "- Budi Santoso, S.H.;",
        "Budi Santoso, S.H.\u200b",
        "Budi\u00a0Santoso, S.H.",
        "Andr\u00e9 Wijaya, S.H.",
        "Budi Santoso, M. Si.",
        "Budi Santoso ., S.H.",
        "Budi Santoso.., S.H.",
        "Budi Santoso, s.h.",
        "BUDI SANTOSO, S.H.",
        "dr Ani, Sp.A(K)",
        "apt Ani, S.Farm.",
        "Ns Ani, S.Kep.",
        "H Budi, S.E.",
        "Budi, MS i",  # a known key only when the pieces are run together
        "Budi, S H",
        "Budi, S. H.",
        "Budi  Santoso",
        "Budi (K), S.H.",
        "Budi Sp (K), S.H.",
    ],
)
def test_traps_agree_with_slow_path(text: str) -> None:
    """Inputs near the formal shape that need the slow path's rules give its result."""
    assert _parse(text) == _slow(text)
    _formal_agrees(text)


class _Title(StrEnum):
    DR = "Dr."
    NAME = "Budi Santoso"
    FORMAL = "Dr. Budi Santoso, M.Si."


class _Text(str):
    __slots__ = ()


def _untyped(outcome: object) -> object:
    """An outcome without the part types (see test_str_subclass_agrees_with_slow_path)."""
    if isinstance(outcome, tuple) and outcome and outcome[0] is PersonName:
        return (outcome[0], *(_values(part) for part in outcome[1:4]), outcome[4])
    return outcome


def _values(shape: Any) -> object:
    kind, value = shape
    return tuple(_values(v) for v in value) if kind is tuple else value


@pytest.mark.parametrize(
    "text",
    [_Title.DR, _Title.NAME, _Title.FORMAL, _Text("Budi"), _Text("Dr. Budi, S.H."), _Text("")],
)
def test_str_subclass_agrees_with_slow_path(text: str) -> None:
    """A str subclass gives the slow path's values; an undotted one is kept as given.

    The shortcut for undotted names (older than the formal fast path) returns the
    cleaned text itself as ``given``, so there a subclass stays one; the slow path and
    the formal fast path build plain strings.
    """
    outcome = _parse(text)
    assert _untyped(outcome) == _untyped(_slow(text))
    if outcome[0] is PersonName:  # type: ignore[index]
        kept = "." not in text and "," not in text
        assert type(parse_name(text).given) is (type(text) if kept else str)


@pytest.mark.parametrize("value", [None, 42, b"Budi", ["Budi"], 4.2])
def test_non_str_agrees_with_slow_path(value: object) -> None:
    """A non-string raises the same error with or without the fast checks."""
    assert _parse(value) == _slow(value)
    assert _parse(value)[:2] == (InvalidFormat, "name.invalid_type")  # type: ignore[index]


def test_long_text_agrees_with_slow_path() -> None:
    """Texts around the 1,000 letter limit give the slow path's result and error."""
    word = ("Suryanto" * 125)[:995]
    for text in (f"Dr. {word}, M.Si.", f"Dr. {word}, M.Si., S.H.", word + "abcdef"):
        assert _parse(text) == _slow(text)
    assert _parse(f"Dr. {word}, M.Si., S.H.")[:2] == (InvalidLength, "name.too_long")  # type: ignore[index]


@pytest.fixture(scope="module")
def bench_names() -> list[str]:
    """The string names of the records benchmark (100,000 records, 10 % invalid).

    bench/ is part of the repository the tests run from, so a missing generator fails.
    """
    spec = importlib.util.spec_from_file_location("_adminnet_make_records", MAKE_RECORDS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out: list[str] = []
    for block, _ in module.generate(100_000, invalid=0.1):
        for line in block:
            try:
                name = json.loads(line).get("name")
            except ValueError:
                continue
            if isinstance(name, str):
                out.append(name)
    return out


def test_benchmark_names_agree_with_slow_path(bench_names: list[str]) -> None:
    """Every string name of the records benchmark gives what the slow path gives."""
    assert len(bench_names) > 40_000
    differ = [t for t in dict.fromkeys(bench_names) if _parse(t) != _slow(t)]
    assert differ == []


def test_benchmark_names_mostly_take_the_fast_path(bench_names: list[str]) -> None:
    """Nearly all dotted benchmark names are answered by the fast path, and exactly."""
    dotted = [t for t in dict.fromkeys(bench_names) if "." in t or "," in t]
    used = sum(map(_formal_agrees, dotted))
    assert used >= 0.9 * len(dotted)


# --- parse_name: generated inputs ---------------------------------------------------------


def _messy_front(title: str) -> list[str]:
    return [title, title.upper(), title.lower(), title.replace(".", ""), title.replace(".", ". ")]


def _messy_back(title: str) -> list[str]:
    return [
        title,
        title.rstrip("."),
        title.replace(".", ""),
        title.lower(),
        title.upper(),
        title.replace(".", ". ").strip(),
    ]


_PIECES: list[str] = sorted(
    {
        *(s for t in FRONT_TITLES for s in _messy_front(t)),
        *(s for t in BACK_TITLES for s in _messy_back(t)),
        *("Hj", "Ir", "KH", "Prof", "Drs", "Dra", "Dr", "dr", "H", "Ns", "apt", "drg", "drh"),
        *(f"{c}." for c in string.ascii_uppercase),
        *("Moh.", "(K)", "(k)", "(H.C.)", "(HC)", "K.", "C.", "Ing", "rer.", "nat.", "Sc"),
        *("FINASIM", "CFrA", "FISQua", "MARS", "DEA", "SpJP", "Sp.PD-KGEH", "S.Agr"),
        *("J.Papilaya", "Ir.Frans", "Dr.Ir.H.", "M.Nuh", "M.A.S.", "Ma'ruf", "Nur-Aini"),
        *("Asman", "Abnur.", "Andr\u00e9", "123", "-", ";", "Lie", "Ni"),
    }
)
_WORDS = st.text(string.ascii_letters, min_size=1, max_size=6)
_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ",", " , ", "", ".", "  ", "\u00a0", ",,"])


@st.composite
def _tricky_names(draw: st.DrawFn) -> str:
    """A text made of title pieces, initials, marks and short words, messily joined."""
    parts = draw(st.lists(st.sampled_from(_PIECES) | _WORDS, min_size=1, max_size=7))
    text = parts[0]
    for part in parts[1:]:
        text += draw(_SEPARATORS) + part
    return text + draw(st.sampled_from(["", "", "", ".", ",", " "]))


@st.composite
def _formal_names(draw: st.DrawFn) -> str:
    """A name in formal form: canonical front titles, words and initials, back titles."""
    front = draw(st.lists(st.sampled_from(FRONT_TITLES), max_size=3))
    words = draw(
        st.lists(
            _WORDS | st.sampled_from([f"{c}." for c in "AJMSH"] + ["Moh."]), min_size=1, max_size=4
        )
    )
    back = draw(st.lists(st.sampled_from(BACK_TITLES), max_size=3))
    comma = draw(st.sampled_from([", ", ","]))
    return comma.join([" ".join([*front, *words]), *back])


@given(_tricky_names())
def test_tricky_names_agree_with_slow_path(text: str) -> None:
    """Names composed of tricky pieces give exactly the slow path's result or error."""
    assert _parse(text) == _slow(text)
    _formal_agrees(text)


@given(_formal_names())
def test_formal_names_agree_with_slow_path(text: str) -> None:
    """Names in formal form (the fast path's shape) give exactly the slow path's result."""
    assert _parse(text) == _slow(text)
    _formal_agrees(text)


@given(st.text(st.sampled_from([*"AaDdHhIiJKkMmPrSs", ".", ",", " ", "(", ")", "-"]), max_size=25))
def test_dotted_text_agrees_with_slow_path(text: str) -> None:
    """Short texts of title letters, dots and commas give the slow path's result."""
    assert _parse(text) == _slow(text)
    _formal_agrees(text)


# --- the constructor -------------------------------------------------------------------------


def _ref_convert(value: object, item: Any) -> object:
    if isinstance(value, list):
        value = tuple(value)
    if isinstance(value, tuple):
        return tuple(item(v) if isinstance(v, str) else v for v in value)
    return value


def _ref_prefix(value: str) -> str:
    text = names._clean(value)
    return names._front_lookup(text, strict=False) or text


def _ref_suffix(value: str) -> str:
    return names._canonical_back(names._clean(value))


def _ref_given_error(value: object) -> tuple[type[ValidationError], str, str] | None:
    field = "PersonName.given"
    if not isinstance(value, str):
        return (
            InvalidFormat,
            "name.invalid_type",
            (f"{field} must be str (got {type(value).__name__} {short(value, 60)})"),
        )
    if not value:
        return InvalidFormat, "name.empty", f"{field} must not be empty"
    bad = next((c for c in value if not c.isprintable() and c != " "), None)
    if bad is not None:
        msg = f"{field} {short(value, 60)} contains control character U+{ord(bad):04X}"
        return InvalidFormat, "name.invalid_character", msg
    if not any(c.isalpha() for c in value):
        return InvalidFormat, "name.no_letters", f"{field} {short(value, 60)} has no letters"
    count = sum(c.isalnum() for c in value)
    if count > 1000:
        msg = f"{field} {short(value, 60)} has {count} letters and digits, more than 1000"
        return InvalidLength, "name.too_long", msg
    return None


def _ref_titles_error(name: str, value: object) -> tuple[type[ValidationError], str, str] | None:
    field = f"PersonName.{name}"
    if not isinstance(value, tuple):
        msg = f"{field} must be a tuple of str (got {type(value).__name__} {short(value, 60)})"
        return InvalidFormat, "name.invalid_type", msg
    for i, item in enumerate(value):
        where = f"{field}[{i}]"
        if not isinstance(item, str):
            msg = f"{where} must be str (got {type(item).__name__} {short(item, 60)})"
            return InvalidFormat, "name.invalid_type", msg
        if not item:
            return InvalidFormat, "name.empty", f"{where} must not be empty"
        bad = next((c for c in item if not c.isprintable() and c != " "), None)
        if bad is not None:
            msg = f"{where} {short(item, 60)} contains control character U+{ord(bad):04X}"
            return InvalidFormat, "name.invalid_character", msg
        if "," in item or not any(c.isalpha() for c in item):
            msg = f"{where} {short(item, 60)} is not a title (needs a letter, no comma)"
            return InvalidFormat, "name.invalid_title", msg
    return None


def _ref_person(kwargs: dict[str, Any]) -> object:
    """The constructor's rules written plainly (no memo, no shortcut)."""
    given_ = kwargs["given"]
    given_ = names._clean(given_) if isinstance(given_, str) else given_
    prefixes = _ref_convert(kwargs.get("prefixes", ()), _ref_prefix)
    suffixes = _ref_convert(kwargs.get("suffixes", ()), _ref_suffix)
    for field, error in (
        ("given", _ref_given_error(given_)),
        ("prefixes", _ref_titles_error("prefixes", prefixes)),
        ("suffixes", _ref_titles_error("suffixes", suffixes)),
    ):
        if error is not None:
            return (*error, [field])
    assert isinstance(given_, str)
    assert isinstance(prefixes, tuple)
    assert isinstance(suffixes, tuple)
    text = " ".join((*prefixes, given_)) if prefixes else given_
    formal = f"{text}, {', '.join(suffixes)}" if suffixes else text
    return (PersonName, _shape(given_), _shape(prefixes), _shape(suffixes), formal)


def _construct(kwargs: dict[str, Any]) -> object:
    try:
        return _name_outcome(PersonName(**kwargs))
    except ValidationError as exc:
        return _error_outcome(exc)


def _clear_memos() -> None:
    names._prefix_memo.clear()
    names._suffix_memo.clear()
    names._valid_titles.clear()


def _check_constructor(kwargs: dict[str, Any]) -> None:
    expected = _ref_person(kwargs)
    _clear_memos()
    assert _construct(kwargs) == expected  # memos empty
    assert _construct(kwargs) == expected  # memos filled by the call before


class _Rank(StrEnum):
    KOL = "Kol."
    DR = "Dr."
    MSI = "M.Si"
    BAD = "S.H., M.H."
    UNKNOWN = "Sp.PD-KGEH"


class _Odd(str):
    """A str whose characters, when iterated, are a bell (a control character)."""

    __slots__ = ()

    def __iter__(self) -> Iterator[str]:
        return iter("\x07")


_TITLE_ITEMS = st.one_of(
    st.sampled_from([*FRONT_TITLES, *BACK_TITLES]),
    st.sampled_from(_PIECES),
    st.sampled_from(["", " ", "...", "M.Si\x07", "S.H.\u200b", " Kol. ", "x" * 41, "Dr.\u00a0"]),
    st.sampled_from([*_Rank, "Kol.", "Sp.PD-KGEH", _Text("Kol."), _Odd("Kol.")]),
    st.sampled_from([None, 1, b"Dr.", ["Dr."], 2.5]),
    st.text(max_size=6),
)
_TITLE_VALUES = st.one_of(
    st.lists(_TITLE_ITEMS, max_size=4),
    st.lists(_TITLE_ITEMS, max_size=4).map(tuple),
    st.sampled_from([None, "Dr.", 5, {"Dr."}, (), []]),
)
_GIVEN_VALUES = st.one_of(
    st.sampled_from(["Budi Santoso", " Budi  Santoso ", "Andre\u0301", "123", "", " \u200b "]),
    st.sampled_from(["Budi\x00", "Budi\ud800", "Budi\u00a0Santoso", "a" * 1001, "Budi\tS"]),
    st.sampled_from([_Title.NAME, _Text("Budi"), _Text(" Budi "), _Odd("Budi"), None, 42, b"Budi"]),
    st.text(max_size=8),
)


@given(_GIVEN_VALUES, _TITLE_VALUES, _TITLE_VALUES)
def test_constructor_agrees_with_reference(
    given_: object, prefixes: object, suffixes: object
) -> None:
    """The constructor gives the reference's parts (types too) or error, memos full or empty."""
    _check_constructor({"given": given_, "prefixes": prefixes, "suffixes": suffixes})


@pytest.mark.parametrize(
    "kwargs",
    [
        {"given": "Budi Santoso", "prefixes": ["Dr."], "suffixes": ["S.E.", "M.M."]},
        {"given": "Budi Santoso", "prefixes": ("Dr.",), "suffixes": ("S.E.", "M.M.")},
        {"given": "Budi", "prefixes": [_Rank.KOL, _Rank.DR], "suffixes": [_Rank.MSI]},
        {"given": "Budi", "prefixes": ["Kol."], "suffixes": [_Rank.BAD]},
        {
            "given": "Budi",
            "prefixes": ["Kol.", _Rank.KOL],
            "suffixes": ["Sp.PD-KGEH", _Rank.UNKNOWN],
        },
        {
            "given": "Budi",
            "prefixes": [_Rank.KOL, "Kol."],
            "suffixes": [_Rank.UNKNOWN, "Sp.PD-KGEH"],
        },
        {"given": "Budi", "prefixes": ["Kol.", _Odd("Kol.")]},
        {"given": "Budi", "prefixes": ["Kol.", _Text("Kol.")], "suffixes": [_Text("S.Agr")]},
        {"given": "Budi", "prefixes": [" prof ", "DR", "dr", "Dr (HC)"], "suffixes": ["SpA (K)"]},
        {"given": "Budi", "suffixes": ["S.H.", "", "M.H."]},
        {"given": "Budi", "suffixes": ["S.H.", 3]},
        {"given": "Budi", "suffixes": ["S.H.", "M.H\x07"]},
        {"given": "Budi", "suffixes": ["S.H.", "M.H., S.E."]},
        {"given": "Budi", "suffixes": "S.H."},
        {"given": "Budi", "prefixes": None},
        {"given": "a" * 1000},
        {"given": "a" * 1001},
        {"given": "1" * 1000 + "a"},
        {"given": " Budi "},
        {"given": "Budi "},
        {"given": " Budi"},
        {"given": "Budi  Santoso"},
        {"given": ""},
        {"given": _Text("Budi")},
        {"given": "Budi\x1f"},
    ],
)
def test_constructor_cases_agree_with_reference(kwargs: dict[str, Any]) -> None:
    """Fixed constructor inputs (lists, tuples, enums, errors) match the reference."""
    _check_constructor(kwargs)


def test_memos_are_bounded() -> None:
    """The memos never hold more than _MAX_MEMO entries nor a title over _MAX_CACHED chars."""
    _clear_memos()
    titles = [f"T{i}." for i in range(names._MAX_MEMO + 10)]
    for title in titles:
        PersonName(given="Budi", prefixes=[title], suffixes=[title])
    pairs = itertools.islice(itertools.product(BACK_TITLES, repeat=2), names._MAX_MEMO + 10)
    for first, second in pairs:
        assert parse_name(f"Budi, {first}, {second}").suffixes == (first, second)
    for i in range(names._MAX_MEMO + 10):
        assert parse_name(f"Ir. Budi W{i}x, S.H.").given == f"Budi W{i}x"
    long_title = "Sp." + "x" * names._MAX_CACHED
    PersonName(given="Budi", prefixes=[long_title], suffixes=[long_title])
    for memo in (names._prefix_memo, names._suffix_memo, names._valid_titles):
        assert 0 < len(memo) <= names._MAX_MEMO
        assert long_title not in memo
        assert all(len(t) <= names._MAX_CACHED for t in memo)
    for table in (names._formal_tails, names._word_infos):
        assert 0 < len(table) <= names._MAX_MEMO
    # after all that, the results are still right
    assert PersonName(given="Budi", prefixes=["ir"], suffixes=["msi"]).titles == ("Ir.", "M.Si.")
