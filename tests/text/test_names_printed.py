"""Names as printed in Indonesian news: pangkat, sapaan and titles without dots (issue 17).

The vectors in tests/vectors/names_printed.json are names copied exactly as printed on
real pages, with their source address and the expected parts written by hand.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import attrs
import pytest
from cattrs import AttributeValidationNote
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from adminnet.errors import InvalidFormat, ValidationError
from adminnet.strategies._names import RANKS, person_names
from adminnet.text import _ranks
from adminnet.text._titles import FRONT_WORDS
from adminnet.text.names import HONORIFICS, PersonName, parse_name
from fuzz.growth import assert_linear

PRINTED: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent.parent / "vectors" / "names_printed.json").read_text("utf-8")
)["names"]
EXACT = [row for row in PRINTED if row.get("status") != "miss"]
MISSES = [row for row in PRINTED if row.get("status") == "miss"]


def _parts(name: PersonName) -> dict[str, object]:
    return {
        "honorific": name.honorific,
        "rank": name.rank,
        "prefixes": list(name.prefixes),
        "given": name.given,
        "suffixes": list(name.suffixes),
    }


def _expected(row: dict[str, Any]) -> dict[str, object]:
    return {
        "honorific": row.get("honorific"),
        "rank": row.get("rank"),
        "prefixes": row["prefixes"],
        "given": row["given"],
        "suffixes": row["suffixes"],
    }


# --- the printed vectors -------------------------------------------------------------------


def test_printed_vectors_are_many_and_sourced() -> None:
    """At least 120 printed names from at least 40 pages, each with its address."""
    assert len(PRINTED) >= 120
    assert all(row["source"].startswith(("http://", "https://")) for row in PRINTED)
    assert len({row["source"] for row in PRINTED}) >= 40
    assert len({row["input"] for row in PRINTED}) == len(PRINTED)


def test_printed_vectors_are_read_exactly_at_least_95_percent() -> None:
    """The share of printed names read exactly is at least 95 %."""
    exact = sum(_parts(parse_name(row["input"])) == _expected(row) for row in PRINTED)
    assert exact / len(PRINTED) >= 0.95, exact


@pytest.mark.parametrize("row", EXACT, ids=[row["input"] for row in EXACT])
def test_printed_name(row: dict[str, Any]) -> None:
    """Each printed name gives the expected parts; its formal form reads back the same."""
    name = parse_name(row["input"])
    assert _parts(name) == _expected(row)
    assert parse_name(str(name)) == name
    assert PersonName(**attrs.asdict(name)) == name


@pytest.mark.parametrize("row", MISSES, ids=[row["input"] for row in MISSES])
def test_printed_misses_stay_documented(row: dict[str, Any]) -> None:
    """A known miss still parses (no error) and still differs: update the vector when fixed."""
    name = parse_name(row["input"])
    assert _parts(name) != _expected(row), "now read right: drop the miss status"
    assert row["why"]


# --- pangkat --------------------------------------------------------------------------------


@pytest.mark.parametrize(("canonical", "services", "forms", "source"), _ranks.RANKS)
def test_every_rank_and_its_forms(
    canonical: str, services: str, forms: tuple[str, ...], source: str
) -> None:
    """Each base rank, in each written form, is read before a name as its canonical form."""
    assert set(source.split()) <= set(_ranks.SOURCES)
    assert set(services.rstrip("*")) <= set("DLUP")
    for form in (canonical, *forms, canonical.upper()):
        name = parse_name(f"{form} Budi Santoso")
        assert (name.rank, name.given) == (canonical, "Budi Santoso"), form
    assert PersonName(given="Budi", rank=canonical).rank == canonical


@pytest.mark.parametrize(("canonical", "kind", "services", "forms", "source"), _ranks.MARKERS)
def test_every_marker_fits_some_rank(
    canonical: str, kind: int, services: str, forms: tuple[str, ...], source: str
) -> None:
    """Each marker is read after a rank of its services, in every written form."""
    assert set(source.split()) <= set(_ranks.SOURCES)
    base = next(r for r, s, _, _ in _ranks.RANKS if set(services) & set(s) and "*" not in s)
    for form in (canonical, *forms):
        name = parse_name(f"{base} {form} Budi")
        assert name.rank == f"{base} {canonical}", form
        assert name.given == "Budi"


@pytest.mark.parametrize(
    ("printed", "rank", "given"),
    [
        ("Komjen Pol (Purn) Nana Sudjana", "Komjen Pol. (Purn.)", "Nana Sudjana"),
        ("Komjen (Purn) Pol Nana Sudjana", "Komjen Pol. (Purn.)", "Nana Sudjana"),
        ("Jenderal TNI (Purn.) Budi", "Jenderal TNI (Purn.)", "Budi"),
        ("Jenderal (Purn) TNI Budi", "Jenderal TNI (Purn.)", "Budi"),
        ("Jenderal Purnawirawan Budi", "Jenderal (Purn.)", "Budi"),
        ("Letnan Kolonel Infanteri Budi", "Letkol Inf.", "Budi"),
        ("Mayjen TNI (Mar) Budi", "Mayjen TNI Mar.", "Budi"),
        ("Kolonel Laut(P) Budi", "Kolonel Laut (P)", "Budi"),
        ("Ajun Komisaris Besar Polisi Budi", "AKBP", "Budi"),
        ("AKBP Pol Budi", "AKBP", "Budi"),
        ("Brigadir Polisi Budi", "Brigpol", "Budi"),
        ("Brigadir Jenderal Polisi Budi", "Brigjen Pol.", "Budi"),
        ("Jenderal TNI (HOR) Prabowo Subianto", "Jenderal TNI (Hor.)", "Prabowo Subianto"),
        ("Irjen TNI Budi", "Irjen", "TNI Budi"),  # TNI does not fit a Polri rank
        ("Letkol Pol Budi", "Letkol", "Pol Budi"),  # nor Pol. an army rank
        ("Laksamana Inf Budi", "Laksamana", "Inf Budi"),  # nor an army corps the navy
        ("Kolonel Inf Kav Budi", "Kolonel Inf.", "Kav Budi"),  # one corps only
    ],
)
def test_rank_markers_in_any_order(printed: str, rank: str, given: str) -> None:
    """Markers are read in any order and written in the canonical one, if they fit."""
    name = parse_name(printed)
    assert (name.rank, name.given) == (rank, given)


@pytest.mark.parametrize("text", ["Mayor", "Mayor Jenderal", "Kapten Inf.", "Kolonel (Purn)"])
def test_a_rank_alone_stays_a_name(text: str) -> None:
    """A rank with no name after it is not taken from the name (nothing would be left)."""
    name = parse_name(text)
    assert name.rank is None
    assert name.given.replace(".", "") == text.replace(".", "")


def test_titles_after_a_rank_are_read() -> None:
    """Front titles after the rank are gelar: the issue's Irjen Pol Drs ... MSi."""
    name = parse_name("Irjen Pol Drs Firman Shantyabudi MSi")
    assert _parts(name) == {
        "honorific": None,
        "rank": "Irjen Pol.",
        "prefixes": ["Drs."],
        "given": "Firman Shantyabudi",
        "suffixes": ["M.Si."],
    }
    assert str(name) == "Irjen Pol. Drs. Firman Shantyabudi, M.Si."


def test_retired_flag() -> None:
    """is_retired reads the (Purn.) marker."""
    assert parse_name("Komjen Pol (Purn) Nana Sudjana").is_retired
    assert not parse_name("Komjen Pol Nana Sudjana").is_retired
    assert not parse_name("Nana Sudjana").is_retired


# --- sapaan ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("canonical", "forms"), _ranks.HONORIFICS.items())
def test_every_honorific_form(canonical: str, forms: tuple[str, ...]) -> None:
    """Each sapaan in each written form is read before a name."""
    assert canonical in HONORIFICS
    for form in (canonical, *forms, canonical.lower()):
        name = parse_name(f"{form} Budi Santoso")
        assert (name.honorific, name.given) == (canonical, "Budi Santoso"), form


@pytest.mark.parametrize(
    ("printed", "honorific", "rank", "prefixes", "given"),
    [
        ("Pak Budi", "Bapak", None, (), "Budi"),
        ("Bu Risma", "Ibu", None, (), "Risma"),
        ("Pak Dr. Budi", None, None, (), "Pak Dr. Budi"),  # a short form only before a name
        ("Pak Kolonel Budi", None, None, (), "Pak Kolonel Budi"),
        ("Bapak Dr. Budi", "Bapak", None, ("Dr.",), "Budi"),
        ("Bapak Jenderal Budi", "Bapak", "Jenderal", (), "Budi"),
        ("Bapak", None, None, (), "Bapak"),  # a sapaan alone stays a name
        ("Budi Bapak", None, None, (), "Budi Bapak"),  # only at the very start
        ("Dr. Bapak Budi", None, None, ("Dr.",), "Bapak Budi"),
    ],
)
def test_honorific_position(
    printed: str, honorific: str | None, rank: str | None, prefixes: tuple[str, ...], given: str
) -> None:
    """A sapaan is read only first; Pak and Bu only directly before a name word."""
    name = parse_name(printed)
    assert (name.honorific, name.rank, name.prefixes, name.given) == (
        honorific,
        rank,
        prefixes,
        given,
    )


# --- titles as printed ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "prefixes", "given", "suffixes"),
    [
        ("Drs H Nasrudin Azis SH", ("Drs.", "H."), "Nasrudin Azis", ("S.H.",)),
        (
            "Prof Dr Ir Ellen Joan Kumaat MSc DEA",
            ("Prof.", "Dr.", "Ir."),
            "Ellen Joan Kumaat",
            ("M.Sc.", "DEA"),
        ),
        ("H Herman Deru, SH, MH", ("H.",), "Herman Deru", ("S.H.", "M.H.")),
        (
            "dr Terawan Agus Putranto Sp Rad (K)",
            ("dr.",),
            "Terawan Agus Putranto",
            ("Sp.Rad(K)",),
        ),
        ("Profesor Dr Arif Satria, SP, MSi", ("Prof.", "Dr."), "Arif Satria", ("S.P.", "M.Si.")),
        ("(Prof) Dr Mohammad Mahfud MD", ("Prof.", "Dr."), "Mohammad Mahfud MD", ()),
        ("Muchlis AS", (), "Muchlis AS", ()),
        ("Budi Santoso SH", (), "Budi Santoso", ("S.H.",)),
        ("Budi Santoso MA", (), "Budi Santoso MA", ()),  # MA may be two initials
        ("Budi Santoso SH MA", (), "Budi Santoso", ("S.H.", "M.A.")),  # a run of titles
        ("Budi Mars", (), "Budi Mars", ()),  # not written as the title MARS is
        ("BUDI SANTOSO MARS", (), "BUDI SANTOSO", ("MARS",)),
        ("SH MH", (), "SH MH", ()),  # no name word: titles alone stay a name
        ("Budi, S.Sos.MT", (), "Budi", ("S.Sos.", "M.T.")),
        ("Budi S.H.M.H.", (), "Budi", ("S.H.", "M.H.")),
        ("Dr. (HC) Budi", ("Dr. (H.C.)",), "Budi", ()),
        ("Doktor Budi", ("Dr.",), "Budi", ()),
        ("Insinyur Budi", ("Ir.",), "Budi", ()),
        ("Haji Budi", ("H.",), "Budi", ()),
        ("Hajjah Siti", ("Hj.",), "Siti", ()),
        ("Hi. Abdul Gani Kasuba", ("Hi.",), "Abdul Gani Kasuba", ()),
        ("Kasman Hi Ahmad", (), "Kasman Hi Ahmad", ()),
        ("Tb. Haerul Jaman", ("Tb.",), "Haerul Jaman", ()),
        ("Tubagus Haerul Jaman", ("Tb.",), "Haerul Jaman", ()),
        ("K.H. Ma'ruf Amin", ("K.H.",), "Ma'ruf Amin", ()),
        ("R. Soeprapto", (), "R. Soeprapto", ()),  # R. may be an initial: kept
        ("Dr. rer. med. Budi", ("Dr.rer.med.",), "Budi", ()),
        ("Budi, Dipl.-Ing.", (), "Budi", ("Dipl.-Ing.",)),
        ("Budi, M.Sc (Eng)", (), "Budi", ("M.Sc. (Eng.)",)),
        ("Budi, ST, ASEAN Eng.", (), "Budi", ("S.T.", "ASEAN Eng.")),
        ("Budi, ST, IPU, CHRP", (), "Budi", ("S.T.", "IPU", "CHRP")),
        ("dr. Budi, Sp.PD K-EMD", ("dr.",), "Budi", ("Sp.PD-KEMD",)),
        ("dr. Budi, Sp.PD-KEMD", ("dr.",), "Budi", ("Sp.PD-KEMD",)),
        ("dr. Budi, Sp.Rad (K)", ("dr.",), "Budi", ("Sp.Rad(K)",)),
        ("Budi K-EMD", (), "Budi K-EMD", ()),  # a subspecialty needs its Sp. title
    ],
)
def test_printed_titles(
    printed: str, prefixes: tuple[str, ...], given: str, suffixes: tuple[str, ...]
) -> None:
    """Titles written without dots, glued, parenthesised, spelled out or foreign."""
    name = parse_name(printed)
    assert (name.prefixes, name.given, name.suffixes) == (prefixes, given, suffixes)
    assert parse_name(str(name)) == name


@pytest.mark.parametrize("printed", ["Dr. (Can) Budi", "Dr (Cand) Budi", "Dr. (Cand.) Budi"])
def test_doctoral_candidate_is_not_a_doctorate(printed: str) -> None:
    """Dr. (Can)/(Cand) is a doctoral candidate: the front title Dr. (Cand.), no doctorate."""
    name = parse_name(printed)
    assert name.prefixes == ("Dr. (Cand.)",)
    assert name.has_doctorate is False
    assert parse_name("Dr. Budi").has_doctorate is True


# --- the constructor ------------------------------------------------------------------------


def test_constructor_canonicalises_rank_and_honorific() -> None:
    """Written forms become canonical; str() is sapaan, pangkat, titles, name, back titles."""
    name = PersonName(
        given="Firman Shantyabudi",
        prefixes=["Drs"],
        suffixes=["MSi"],
        rank="Irjen Pol",
        honorific="Bpk.",
    )
    assert (name.rank, name.honorific) == ("Irjen Pol.", "Bapak")
    assert str(name) == "Bapak Irjen Pol. Drs. Firman Shantyabudi, M.Si."
    assert repr(name).endswith("rank='Irjen Pol.', honorific='Bapak')")
    assert repr(PersonName(given="Budi")) == "PersonName(given='Budi', prefixes=(), suffixes=())"
    assert parse_name(str(name)) == name


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"rank": "Kol Budi"}, "rank", "name.invalid_rank"),
        ({"rank": "Irjen TNI"}, "rank", "name.invalid_rank"),
        ({"rank": ""}, "rank", "name.invalid_rank"),
        ({"rank": 3}, "rank", "name.invalid_type"),
        ({"honorific": "Mr."}, "honorific", "name.invalid_honorific"),
        ({"honorific": b"Bapak"}, "honorific", "name.invalid_type"),
    ],
)
def test_constructor_rejects_rank_and_honorific(
    kwargs: dict[str, Any], field: str, code: str
) -> None:
    """An unknown rank or sapaan is an error naming the field."""
    with pytest.raises(InvalidFormat) as info:
        PersonName(**{"given": "Budi", **kwargs})
    assert info.value.code == code
    notes = [
        n for n in getattr(info.value, "__notes__", ()) if isinstance(n, AttributeValidationNote)
    ]
    assert [n.name for n in notes] == [field]


# --- mixed scripts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "char", "position"),
    [
        ("B\u0430yu Santoso", "CYRILLIC SMALL LETTER A (U+0430)", 1),
        ("Budi S\u0430nt\u043eso", "CYRILLIC SMALL LETTER A (U+0430)", 6),
        ("\u0391gus Salim", "GREEK CAPITAL LETTER ALPHA (U+0391)", 0),
        ("Dr. Budi \u0405antoso, M.Si.", "CYRILLIC CAPITAL LETTER DZE (U+0405)", 9),
    ],
)
def test_mixed_scripts_are_reported(text: str, char: str, position: int) -> None:
    """A letter from another script in a Latin name is name.mixed_script, named and placed."""
    with pytest.raises(InvalidFormat) as info:
        parse_name(text)
    assert info.value.code == "name.mixed_script"
    assert f"{char} at position {position} among Latin letters" in str(info.value)


def test_constructor_takes_scripts_as_given() -> None:
    """The constructor does not check scripts; parse_name, reading printed text, does."""
    assert PersonName(given="B\u0430yu").given == "B\u0430yu"


@pytest.mark.parametrize(
    "text", ["\u0411\u043e\u0440\u0438\u0441", "Andr\u00e9 Wijaya", "Nguy\u1ec5n"]
)
def test_one_script_is_fine(text: str) -> None:
    """A name in one script (Cyrillic alone, Latin with accents) is not mixed."""
    assert parse_name(text).given == unicodedata.normalize("NFC", text)


# --- properties -----------------------------------------------------------------------------

_ALIASES = (
    set(FRONT_WORDS)
    | set(_ranks.honorific_index())
    | {
        word.lower().replace(".", "")
        for _, _, forms, _ in _ranks.RANKS
        for form in forms
        for word in form.split()
    }
    | {
        word.lower().replace(".", "")
        for _, _, _, forms, _ in _ranks.MARKERS
        for form in forms
        for word in form.split()
    }
    | {"(can)", "(cand)", "(purn)", "(hor)"}
)


def _alnum(text: str) -> str:
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return "".join(c for c in unicodedata.normalize("NFC", visible) if c.isalnum()).casefold()


def letters_kept(text: str, name: PersonName) -> bool:
    """Nothing lost: the letters and digits of ``text`` are those of str(name), in order.

    Only a written-out or short form that has a canonical spelling (``Profesor`` ->
    ``Prof.``, ``Pak`` -> ``Bapak``, ``Letnan Kolonel`` -> ``Letkol``) changes letters;
    then the name itself must still be there, whole.
    """
    if _alnum(str(name)) == _alnum(text):
        return True
    words = {w.lower().replace(".", "") for w in text.replace(",", " ").split()}
    return bool(words & _ALIASES) and _alnum(name.given) in _alnum(text)


_HEAD_WORDS = st.sampled_from(
    [
        *(f for _, _, forms, _ in _ranks.RANKS for f in forms),
        *(r for r, _, _, _ in _ranks.RANKS),
        *(f for _, _, _, forms, _ in _ranks.MARKERS for f in forms),
        *HONORIFICS,
        *("Pak", "Bu", "Ny.", "Bpk", "(Purn)", "TNI", "Pol", "Laut", "(P)"),
        *("Dr", "Drs", "H", "Hj", "Prof", "(Prof)", "Profesor", "Haji", "Dr.", "(Can)"),
    ]
)
_TAIL_WORDS = st.sampled_from(
    [
        *("SH", "MH", "MSi", "SSos", "MA", "MD", "AS", "Sp", "Rad", "(K)", "K-EMD", "ASEAN"),
        *("Eng", "S.Sos.MT", "MARS", "Mars", "SE.", "M.Si", ",", "(Eng)", "IPU"),
    ]
)
_NAME_WORDS = st.sampled_from(["Budi", "Santoso", "Siti", "Nur", "Ahmad", "J.", "Ma'ruf"])


@st.composite
def _printed(draw: st.DrawFn) -> str:
    """A text like a printed name: head words, name words, tail words, messy joins."""
    parts = draw(st.lists(_HEAD_WORDS, max_size=4))
    parts += draw(st.lists(_NAME_WORDS, min_size=1, max_size=3))
    parts += draw(st.lists(_TAIL_WORDS, max_size=4))
    return " ".join(parts).replace(" ,", ",")


@given(person_names())
def test_drawn_names_round_trip(name: PersonName) -> None:
    """str() of a drawn name (ranks and sapaan included) parses back to it."""
    assert parse_name(str(name)) == name
    assert letters_kept(str(name), parse_name(str(name)))


def test_person_names_draw_ranks_and_honorifics() -> None:
    """The strategy draws pangkat and sapaan sometimes, and only canonical ones."""
    seen: list[PersonName] = []

    @settings(max_examples=200, database=None)
    @given(person_names())
    def collect(name: PersonName) -> None:
        seen.append(name)

    collect()
    assert any(n.rank for n in seen)
    assert any(n.honorific for n in seen)
    assert any(n.rank is None and n.honorific is None for n in seen)
    assert {n.rank for n in seen if n.rank} <= set(RANKS)


@given(_printed())
@example("Pak Budi")
@example("Letnan Kolonel Infanteri (Purn) Budi Santoso SH MH")
@example("Bu Profesor Budi")
@example("H Dr Budi SH")
@example("H H Budi SH")
def test_printed_like_text_parses_idempotently_and_keeps_letters(text: str) -> None:
    """Texts of ranks, sapaan, titles and name words: no other error, idempotent, lossless."""
    try:
        name = parse_name(text)
    except ValidationError as exc:
        error: ValidationError | None = exc
    else:
        error = None
    if error is not None:
        assert isinstance(error, InvalidFormat)
        assert error.code.startswith("name.")
        assume(False)
        return
    assert parse_name(str(name)) == name
    assert letters_kept(text, name)
    assert PersonName(**attrs.asdict(name)) == name


@given(st.text(max_size=40))
def test_arbitrary_text_raises_only_name_errors(text: str) -> None:
    """Any text parses or raises InvalidFormat with a name.* code (mixed scripts too)."""
    try:
        name = parse_name(text)
    except ValidationError as exc:
        error: ValidationError | None = exc
    else:
        error = None
        assert parse_name(str(name)) == name
    if error is not None:
        assert isinstance(error, InvalidFormat)
        assert error.code.startswith("name.")


@pytest.mark.parametrize(
    "unit",
    ["Irjen Pol ", "Bapak ", "Drs H ", "Budi ", "SH ", "Sp Rad (K) ", "B\u0430yu ", ", MSi"],
)
def test_linear_time(unit: str) -> None:
    """Parsing time grows about linearly: 100x the text takes well under 1000x the time.

    (1k is parsed, 10k and 100k are over the length limit: the floor of 10 us keeps a
    fast path at 1k from making the ratio meaningless.)
    """
    times = assert_linear(
        parse_name,
        lambda n: (unit * (n // len(unit) + 1))[:n] + " Budi",
        limit=1000,
        floor=1e-5,
        errors=(ValidationError,),
    )
    assert times[100_000] / max(times[10_000], 1e-5) < 100, times
