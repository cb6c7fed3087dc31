"""Tests for adminnet.text.names: PersonName and parse_name (gelar)."""

from __future__ import annotations

import itertools
import json
import pickle
import unicodedata
from pathlib import Path
from typing import Any

import attrs
import pytest
from cattrs import AttributeValidationNote
from hypothesis import assume, given
from hypothesis import strategies as st

from adminnet.errors import InvalidFormat, InvalidLength, ValidationError
from adminnet.text import names
from adminnet.text.names import BACK_TITLES, FRONT_TITLES, PersonName, parse_name

from .test_names_printed import letters_kept

VECTORS = json.loads(
    (Path(__file__).resolve().parent.parent / "vectors" / "names.json").read_text("utf-8")
)
VALID: list[dict[str, Any]] = VECTORS["valid"]
INVALID: list[dict[str, Any]] = VECTORS["invalid"]


def _alnum(text: str) -> str:
    """Letters and digits of ``text``, case-folded, in order.

    Measured as parse_name reads the text: invisible format characters removed, NFC.
    """
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return "".join(c for c in unicodedata.normalize("NFC", visible) if c.isalnum()).casefold()


# --- vectors ------------------------------------------------------------------------


def test_vector_file_is_large_enough() -> None:
    """The vector file holds at least 60 valid names and the required invalid ones."""
    assert len(VALID) >= 60
    inputs = {row["input"] for row in INVALID}
    assert {"", "   ", "Dr.", "Dr., M.Si."} <= inputs


@pytest.mark.parametrize("row", VALID, ids=[row["input"] for row in VALID])
def test_valid_vector(row: dict[str, Any]) -> None:
    """Each valid vector parses into the expected given name, titles and formal form."""
    name = parse_name(row["input"])
    assert name.given == row["given"]
    assert name.prefixes == tuple(row["prefixes"])
    assert name.suffixes == tuple(row["suffixes"])
    assert name.rank == row.get("rank")
    assert name.honorific == row.get("honorific")
    assert str(name) == row["formal"]
    assert name.formal == row["formal"]
    assert name.plain == row["given"]


@pytest.mark.parametrize("row", VALID, ids=[row["input"] for row in VALID])
def test_valid_vector_is_idempotent(row: dict[str, Any]) -> None:
    """Parsing the formal form gives the same value, and the constructor agrees."""
    name = parse_name(row["input"])
    assert parse_name(str(name)) == name
    assert PersonName(**attrs.asdict(name)) == name


@pytest.mark.parametrize("row", VALID, ids=[row["input"] for row in VALID])
def test_valid_vector_keeps_every_letter(row: dict[str, Any]) -> None:
    """No letter or digit of the input is lost or reordered (case aside)."""
    assert _alnum(str(parse_name(row["input"]))) == _alnum(row["input"])


@pytest.mark.parametrize("row", INVALID, ids=[repr(row["input"]) for row in INVALID])
def test_invalid_vector(row: dict[str, Any]) -> None:
    """Each invalid vector raises InvalidFormat with the expected code."""
    with pytest.raises(InvalidFormat) as info:
        parse_name(row["input"])
    assert info.value.code == row["code"]


@pytest.mark.parametrize("value", [42, None, b"Adi Suryanto", ["Adi"], 4.2, True, bytearray(b"x")])
def test_non_str_is_invalid_type(value: object) -> None:
    """A non-string is an InvalidFormat with code name.invalid_type, never a TypeError."""
    with pytest.raises(InvalidFormat) as info:
        parse_name(value)  # type: ignore[arg-type]
    assert info.value.code == "name.invalid_type"
    assert str(info.value) == f"name must be str (got {type(value).__name__} {value!r})"


def test_error_messages_quote_the_value() -> None:
    """Error messages name the problem and quote the input."""
    with pytest.raises(InvalidFormat, match=r"^name 'Dr\., M\.Si\.' has titles but no name$"):
        parse_name("Dr., M.Si.")
    with pytest.raises(InvalidFormat, match=r"^name '' is empty$"):
        parse_name("")
    with pytest.raises(InvalidFormat, match=r"^name 'Dr\. 123' has no letters$"):
        parse_name("Dr. 123")
    with pytest.raises(InvalidFormat, match=r"control character U\+0007$"):
        parse_name("Budi\x07")


def test_too_long() -> None:
    """Over 1,000 letters and digits is InvalidLength name.too_long; 1,000 is accepted."""
    word = ("Suryanto" * 125)[:995]  # one long word: parsed, not cached
    assert parse_name(f"Dr. {word}, M.Si.").given == word  # 2 + 995 + 3 letters
    with pytest.raises(InvalidLength) as info:
        parse_name(f"Dr. {word}, M.Si., S.H.")
    assert info.value.code == "name.too_long"
    assert str(info.value).endswith("has 1002 letters and digits, more than 1000")
    with pytest.raises(InvalidLength) as info:
        parse_name("Dr." * 20_000 + "Budi")
    assert info.value.code == "name.too_long"
    with pytest.raises(InvalidLength) as info:
        PersonName(given=f"{word} Budi Santoso")
    assert info.value.code == "name.too_long"


def test_long_punctuation_is_not_too_long() -> None:
    """Only letters and digits count toward the limit; runs of punctuation are trimmed."""
    assert parse_name(".,;" * 30_000 + "Budi" + ";" * 5_000).given == "Budi"


def test_lone_surrogate_is_invalid_character() -> None:
    """A lone surrogate (not a real character) is name.invalid_character."""
    with pytest.raises(InvalidFormat) as info:
        parse_name("Budi\ud800")
    assert info.value.code == "name.invalid_character"


# --- the seed article ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "formal"),
    [
        ("Dr. Adi Suryanto, M.Si", "Dr. Adi Suryanto, M.Si."),
        ("Asman Abnur", "Asman Abnur"),
        ("Dwi Wahyu Atmaji", "Dwi Wahyu Atmaji"),
        ("Dr. Anwar Sanusi", "Dr. Anwar Sanusi"),
        ("Ir.Frans J.Papilaya,M.Si.", "Ir. Frans J. Papilaya, M.Si."),
    ],
)
def test_seed_people(printed: str, formal: str) -> None:
    """The five officials of the 2017 LAN article parse into their formal names."""
    assert str(parse_name(printed)) == formal


# --- dr. versus Dr. and the properties ----------------------------------------------


def test_physician_and_doctorate_are_kept_apart() -> None:
    """dr. (physician) and Dr./DR. (doctorate) give different titles and flags."""
    physician = parse_name("dr. Ani Lestari")
    doctor = parse_name("DR. Ani Lestari")
    assert physician.prefixes == ("dr.",)
    assert doctor.prefixes == ("Dr.",)
    assert physician != doctor
    assert (physician.is_medical_doctor, physician.has_doctorate) == (True, False)
    assert (doctor.is_medical_doctor, doctor.has_doctorate) == (False, True)


@pytest.mark.parametrize(
    ("text", "doctorate", "physician", "professor"),
    [
        ("Prof. Dr. Ir. H. Budi Santoso, M.Sc., Ph.D.", True, False, True),
        ("Budi Santoso, M.Sc., Ph.D.", True, False, False),
        ("Dr.-Ing. Ilham Akbar", True, False, False),
        ("Dr. (H.C.) Hj. Sri Rahayu", False, False, False),
        ("Dr. dr. Hendra Gunawan, Sp.JP(K)", True, True, False),
        ("Prof. dr. Hendra Gunawan", False, True, True),
        ("Asman Abnur", False, False, False),
    ],
)
def test_flags(text: str, doctorate: bool, physician: bool, professor: bool) -> None:
    """has_doctorate, is_medical_doctor and is_professor read the titles."""
    name = parse_name(text)
    assert name.has_doctorate is doctorate
    assert name.is_medical_doctor is physician
    assert name.is_professor is professor


def test_titles_property() -> None:
    """titles lists the front titles, then the back titles."""
    name = parse_name("Prof. Dr. Budi Santoso, M.Sc., Ph.D.")
    assert name.titles == ("Prof.", "Dr.", "M.Sc.", "Ph.D.")


def test_value_semantics() -> None:
    """A PersonName is frozen, hashable, comparable and picklable."""
    name = parse_name("Ir.Frans J.Papilaya,M.Si.")
    assert {name, parse_name("Ir. Frans J. Papilaya, M.Si.")} == {name}
    assert pickle.loads(pickle.dumps(name)) == name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        name.given = "x"  # type: ignore[misc]


# --- the constructor ------------------------------------------------------------------


def test_constructor_canonicalises() -> None:
    """Lists become tuples, known titles get their canonical spelling, given is cleaned."""
    name = PersonName(
        given="  Andre\u0301\u00a0 Wijaya\u200b ",
        prefixes=["prof", "DR", "dr", "kh", "Dr (HC)"],
        suffixes=["msi", "PhD", "SpA (K)", "S.Agr", "FINASIM"],
    )
    assert name.given == "Andr\u00e9 Wijaya"
    assert name.prefixes == ("Prof.", "Dr.", "dr.", "K.H.", "Dr. (H.C.)")
    assert name.suffixes == ("M.Si.", "Ph.D.", "Sp.A(K)", "S.Agr.", "FINASIM")
    assert PersonName(given="Soekarno").titles == ()


def test_constructor_keeps_unknown_titles() -> None:
    """Unknown titles are kept as written (trimmed)."""
    name = PersonName(given="Budi", prefixes=[" Kol. "], suffixes=["MARS", "Sp.PD-KGEH"])
    assert name.prefixes == ("Kol.",)
    assert name.suffixes == ("MARS", "Sp.PD-KGEH")
    assert str(name) == "Kol. Budi, MARS, Sp.PD-KGEH"


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"given": 42}, "given", "name.invalid_type"),
        ({"given": None}, "given", "name.invalid_type"),
        ({"given": ""}, "given", "name.empty"),
        ({"given": " \u200b "}, "given", "name.empty"),
        ({"given": "123"}, "given", "name.no_letters"),
        ({"given": "Budi\x00"}, "given", "name.invalid_character"),
        ({"given": "Budi", "prefixes": "Dr."}, "prefixes", "name.invalid_type"),
        ({"given": "Budi", "prefixes": ("Dr.", 1)}, "prefixes", "name.invalid_type"),
        ({"given": "Budi", "prefixes": ("",)}, "prefixes", "name.empty"),
        ({"given": "Budi", "suffixes": ("M.Si., Ph.D.",)}, "suffixes", "name.invalid_title"),
        ({"given": "Budi", "suffixes": ("...",)}, "suffixes", "name.invalid_title"),
        ({"given": "Budi", "suffixes": ("M.Si\x07",)}, "suffixes", "name.invalid_character"),
        ({"given": "Budi", "suffixes": None}, "suffixes", "name.invalid_type"),
    ],
)
def test_constructor_rejects(kwargs: dict[str, Any], field: str, code: str) -> None:
    """Invalid fields raise InvalidFormat with a code and a cattrs note naming the field."""
    with pytest.raises(InvalidFormat) as info:
        PersonName(**kwargs)
    assert info.value.code == code
    notes = [
        n for n in getattr(info.value, "__notes__", ()) if isinstance(n, AttributeValidationNote)
    ]
    assert [n.name for n in notes] == [field]


def test_constructor_message() -> None:
    """Constructor messages name the class and field and quote the value."""
    with pytest.raises(InvalidFormat) as info:
        PersonName(given=42)
    assert str(info.value) == "PersonName.given must be str (got int 42)"
    with pytest.raises(InvalidFormat) as info:
        PersonName(given="Budi", suffixes=["S.H.", " "])
    assert str(info.value) == "PersonName.suffixes[1] must not be empty"


# --- the title tables -----------------------------------------------------------------


def test_title_tables_have_unique_keys() -> None:
    """No two canonical titles share a lookup key (or the lookup would be ambiguous)."""
    front = [names._key(t) for t in FRONT_TITLES if t != "dr."]
    back = [names._key(t) for t in BACK_TITLES]
    assert len(set(front)) == len(front)
    assert len(set(back)) == len(back)
    assert len(set(FRONT_TITLES)) == len(FRONT_TITLES)


@pytest.mark.parametrize("title", FRONT_TITLES)
def test_every_front_title_parses(title: str) -> None:
    """Each canonical front title is recognised before a name and maps to itself."""
    assert parse_name(f"{title} Budi Santoso").prefixes == (title,)
    assert PersonName(given="Budi", prefixes=[title]).prefixes == (title,)


@pytest.mark.parametrize("title", BACK_TITLES)
def test_every_back_title_parses(title: str) -> None:
    """Each canonical back title is recognised after a name, also without its dots."""
    assert parse_name(f"Budi Santoso, {title}").suffixes == (title,)
    assert parse_name(f"Budi Santoso,{title.replace('.', '')}").suffixes == (title,)
    assert parse_name(f"BUDI SANTOSO, {title.upper()}").suffixes == (title,)
    assert PersonName(given="Budi", suffixes=[title]).suffixes == (title,)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("M.Si", "M.Si."),
        ("MSi", "M.Si."),
        ("M. Si.", "M.Si."),
        ("m.si", "M.Si."),
        ("PhD", "Ph.D."),
        ("Ph.D", "Ph.D."),
        ("Ph. D.", "Ph.D."),
        ("SH", "S.H."),
        ("SE", "S.E."),
        ("S. H.", "S.H."),
        ("MAP", "M.A.P."),
        ("M.A.P", "M.A.P."),
        ("SpPD", "Sp.PD."),
        ("Sp.PD(K)", "Sp.PD(K)"),
        ("LLM", "LL.M."),
        ("D.E.A.", "DEA"),
    ],
)
def test_back_title_spellings(written: str, canonical: str) -> None:
    """Variant spellings of a back title all give the canonical one."""
    assert parse_name(f"Adi Suryanto, {written}").suffixes == (canonical,)


# --- properties -----------------------------------------------------------------------

_NAME_WORDS = (
    "Adi",
    "Suryanto",
    "Asman",
    "Abnur",
    "Dwi",
    "Wahyu",
    "Atmaji",
    "Anwar",
    "Sanusi",
    "Frans",
    "Papilaya",
    "Siti",
    "Nur-Aini",
    "Ma'ruf",
    "Amin",
    "Ni",
    "Luh",
    "Ketut",
    "Sri",
    "Made",
    "Louhenapessy",
    "Andr\u00e9",
    "Yohanes",
    "SURYANTO",
    "Ayu",
    "Lie",
)
_INITIALS = ("J.", "M.", "A.", "S.", "T.", "Moh.")


def _plausible(words: list[str]) -> bool:
    """Not initials only, and no two initials in a row ("M. M." reads as the title M.M.)."""
    if all(w in _INITIALS for w in words):
        return False
    return not any(a in _INITIALS and b in _INITIALS for a, b in itertools.pairwise(words))


_name_words = st.lists(
    st.sampled_from(_NAME_WORDS) | st.sampled_from(_INITIALS), min_size=1, max_size=4
).filter(_plausible)


def _front_spellings(title: str) -> st.SearchStrategy[str]:
    """Ways of writing a front title that must parse back to it."""
    options = [title, title.upper() if title[0].isupper() else title]
    if names._key(title) in {"prof", "drg", "drh", "ir", "drs", "dra", "hj", "kh"}:
        options.append(title.replace(".", ""))
    return st.sampled_from(options)


def _back_spellings(title: str) -> st.SearchStrategy[str]:
    """Ways of writing a back title that must parse back to it."""
    return st.sampled_from([title, title.rstrip("."), title.replace(".", ""), title.lower()])


_front_titles = st.sampled_from(FRONT_TITLES)
_back_titles = st.sampled_from(BACK_TITLES)


@st.composite
def _titled_names(draw: st.DrawFn) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
    """A messy written name built from known titles and name words, with its parts."""
    prefixes = tuple(draw(st.lists(_front_titles, max_size=3)))
    words = draw(_name_words)
    suffixes = tuple(draw(st.lists(_back_titles, max_size=3)))
    space = st.sampled_from([" ", "  ", "\u00a0", " \u200b", "\t"])
    text = ""
    for p in prefixes:
        text += draw(_front_spellings(p)) + draw(space)
    text += draw(space).join(words)
    for s in suffixes:
        text += draw(st.sampled_from([",", ", ", " , ", ",\u00a0"])) + draw(_back_spellings(s))
    return text, prefixes, " ".join(words), suffixes


@given(_titled_names())
def test_generated_names_parse_exactly(
    case: tuple[str, tuple[str, ...], str, tuple[str, ...]],
) -> None:
    """Names built from known titles and name words parse into exactly those parts."""
    text, prefixes, given_name, suffixes = case
    name = parse_name(text)
    assert name.prefixes == prefixes
    assert name.given == unicodedata.normalize("NFC", given_name)
    assert name.suffixes == suffixes
    assert parse_name(str(name)) == name


@given(
    st.builds(
        PersonName,
        given=_name_words.map(" ".join),
        prefixes=st.lists(_front_titles, max_size=4),
        suffixes=st.lists(_back_titles, max_size=4),
    )
)
def test_str_round_trip(name: PersonName) -> None:
    """str() of a PersonName with known titles parses back to an equal value."""
    assert parse_name(str(name)) == name


_name_alphabet = st.sampled_from(
    [*"AaBDdEHhIiJKkMmPrSsTu", ".", ",", " ", "(", ")", "-", "'", "\u00a0", "\u200b", "\u0301"]
)
_texts = st.text() | st.text(_name_alphabet, max_size=30) | _titled_names().map(lambda c: c[0])


@given(_texts)
def test_arbitrary_text_raises_only_validation_errors(text: str) -> None:
    """Any text either parses or raises an adminnet ValidationError (never another error)."""
    error: ValidationError | None = None
    try:
        parse_name(text)
    except ValidationError as exc:
        error = exc
    if error is not None:
        assert isinstance(error, InvalidFormat)
        assert error.code.startswith("name.")


@given(_texts)
def test_parse_is_idempotent_and_lossless(text: str) -> None:
    """For any text that parses: idempotent, letters kept, constructor agrees."""
    try:
        name = parse_name(text)
    except ValidationError:
        assume(False)
    assert parse_name(str(name)) == name
    assert letters_kept(text, name)  # spelled-out forms aside: _alnum(str(name)) == _alnum(text)
    assert PersonName(**attrs.asdict(name)) == name


@given(st.text(st.sampled_from([*"AaBbDdHhIiJjKkMmRrSs", " ", "-", "'", "\u00e9"]), min_size=1))
def test_fast_path_agrees_with_full_parser(text: str) -> None:
    """The shortcut for names without dots or commas gives what the full parser gives."""
    try:
        fast = parse_name(text)
    except ValidationError:
        assume(False)
    assert names._parse_clean(names._clean(text), text) == fast
