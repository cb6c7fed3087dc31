"""The text-layer position phrase parser: real phrases, rules, robustness, linear time."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet.errors import AdminnetError, InvalidComponent, InvalidFormat
from adminnet.model.position import Capacity, Role
from adminnet.text import _position_words as words
from adminnet.text.positions import PositionPhrase, parse_position_phrase
from fuzz.growth import assert_linear

VECTORS = Path(__file__).resolve().parents[1] / "vectors" / "positions.json"
_ROWS: list[dict[str, Any]] = json.loads(VECTORS.read_text("utf-8"))
_TEXT_ERRORS = {
    "position.no_role",
    "position.unknown_role",
    "position.several_roles",
    "position.rank",
    "position.generic",
}


@pytest.mark.parametrize("row", _ROWS, ids=[r["text"][:50] for r in _ROWS])
def test_real_phrases(row: dict[str, Any]) -> None:
    """Each printed phrase gives the hand-written capacity and role (or its refusal)."""
    if "error" in row:
        with pytest.raises(AdminnetError) as info:
            parse_position_phrase(row["text"])
        assert info.value.code == row["error"]
        assert row["error"] in _TEXT_ERRORS
        return
    phrase = parse_position_phrase(row["text"])
    assert (phrase.capacity, phrase.role) == (row["capacity"], row["role"])


def test_table_values_are_model_members() -> None:
    """Every role and capacity the tables name is a member of the model's enums."""
    generic = {entry[0] for entry in words.GENERIC_WORDS.values()}
    roles = {entry[0] for entry in words.ROLE_WORDS.values()} | set(words.ACTING_TITLES)
    assert all(entry[3] for entry in words.ROLE_WORDS.values())  # every wording has a title
    assert roles - generic <= {r.value for r in Role}
    assert not generic & {r.value for r in Role}
    specific = {role for table in words.GENERIC_BY_LEVEL.values() for role, _ in table.values()}
    assert specific <= {r.value for r in Role}
    assert set(words.CAPACITY_WORDS.values()) <= {c.value for c in Capacity}
    levels = {e[2] for e in words.ROLE_WORDS.values() if e[2]} | set(words.LEVEL_WORDS.values())
    assert levels == {"provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa"}


def test_spans_point_at_the_printed_parts() -> None:
    text = "  Plt. Kepala Dinas Kominfo Kota Medan,"
    p = parse_position_phrase(text)
    assert p.capacity_span is not None
    assert p.unit_span is not None
    assert p.place_span is not None
    assert text[slice(*p.capacity_span)] == "Plt."
    assert text[slice(*p.role_span)] == "Kepala Dinas"
    assert text[slice(*p.unit_span)] == "Kominfo"
    assert text[slice(*p.place_span)] == "Kota Medan"
    assert text[slice(*p.span)] == "Plt. Kepala Dinas Kominfo Kota Medan"


@pytest.mark.parametrize(
    ("text", "capacity"),
    [
        ("Pejabat Bupati Pringsewu", "penjabat"),
        ("Pejabat Gubernur Jawa Barat", "penjabat"),
        ("Pejabat Wali Kota Ambon", "penjabat"),
        ("Pejabat Sekda Kota Malang", "penjabat"),
        ("PJ BUPATI PRINGSEWU", "penjabat"),
        ("Pjs. Bupati Pringsewu", "penjabat_sementara"),
        ("Penjabat Sementara Gubernur Jambi", "penjabat_sementara"),
        ("PLT Sekjen Kemendagri", "pelaksana_tugas"),
        ("Plh. Sekda Pemalang", "pelaksana_harian"),
        ("Bupati Pringsewu", "definitif"),
    ],
)
def test_capacity_markers(text: str, capacity: str) -> None:
    assert parse_position_phrase(text).capacity == capacity


@pytest.mark.parametrize(
    "text", ["Pejabat Tinggi Pratama", "Pejabat Pengelola Informasi", "Pejabat Kepala Dinas"]
)
def test_pejabat_is_no_capacity_before_other_titles(text: str) -> None:
    """The press's Pejabat for Penjabat only before a title a penjabat can hold."""
    with pytest.raises(InvalidFormat) as info:
        parse_position_phrase(text)
    assert info.value.code == "position.no_role"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Irjen Pol. Firman Shantyabudi", "position.rank"),
        ("Irjen TNI Budi", "position.rank"),
        ("Bupati dan Wakil Bupati Pringsewu", "position.several_roles"),
        ("Pj Bupati/Wali Kota", "position.several_roles"),
        ("Plt.", "position.no_role"),
        ("Pak Budi", "position.no_role"),
        ("  ,; ", "position.empty"),
        ("", "position.empty"),
    ],
)
def test_refusals(text: str, code: str) -> None:
    with pytest.raises(InvalidFormat) as info:
        parse_position_phrase(text)
    assert info.value.code == code
    assert repr(text.strip(" ,;")) in str(info.value) or code == "position.empty"


def test_kepala_daerah_is_the_head_of_the_region_named() -> None:
    p = parse_position_phrase("Pj Kepala Daerah Kabupaten Pringsewu")
    assert (p.capacity, p.role, p.place) == ("penjabat", "bupati", "Kabupaten Pringsewu")
    assert parse_position_phrase("Wakil Kepala Daerah Kota Ambon").role == "wakil_wali_kota"
    with pytest.raises(InvalidFormat) as info:
        parse_position_phrase("para kepala daerah")
    assert info.value.code == "position.no_role"
    with pytest.raises(InvalidFormat) as info:
        parse_position_phrase("Kepala Daerah Pringsewu")
    assert info.value.code == "position.generic"


def test_level_word_against_role() -> None:
    with pytest.raises(InvalidComponent) as info:
        parse_position_phrase("Bupati Kota Bogor")
    assert info.value.code == "position.level_mismatch"
    assert parse_position_phrase("Wali Kota Bogor").place_level == "kota"


def test_irjen_before_an_agency_is_the_inspektur_jenderal() -> None:
    p = parse_position_phrase("Irjen Kemendagri")
    assert (p.role, p.unit, p.place) == ("inspektur_jenderal", "Inspektorat Jenderal", "Kemendagri")


def test_parent_region_after_the_place() -> None:
    p = parse_position_phrase("Penjabat Wali Kota Pekanbaru, Provinsi Riau")
    assert (p.place, p.within, p.place_level) == ("Pekanbaru", "Provinsi Riau", "kota")
    p = parse_position_phrase("Camat Senen Kota Administrasi Jakarta Pusat")
    assert (p.place, p.within) == ("Senen", "Kota Administrasi Jakarta Pusat")


def test_minister_short_forms() -> None:
    p = parse_position_phrase("Mendagri")
    assert (p.role, p.place) == ("menteri", "Kemendagri")
    p = parse_position_phrase("Wamenkeu")
    assert (p.role, p.place) == ("wakil_menteri", "Kemenkeu")


def test_units_take_the_kind_of_their_role() -> None:
    assert parse_position_phrase("Kadis Pendidikan Kota Medan").unit == "Dinas Pendidikan"
    p = parse_position_phrase("Kepala Diskominfo Kota Medan")
    assert (p.role, p.title, p.unit) == ("kepala", "Kepala", "Diskominfo")
    p = parse_position_phrase("Staf Ahli Bidang Pemerintahan Kemendagri")
    assert (p.role, p.title, p.unit) == ("other", "Staf Ahli", "Staf Ahli Bidang Pemerintahan")
    assert parse_position_phrase("Karo Organisasi Setda Prov. Jabar").unit == "Biro Organisasi"
    p = parse_position_phrase("Kepala Badan Pendapatan Daerah (Bapenda) Provinsi Lampung")
    assert (p.unit, p.place) == ("Badan Pendapatan Daerah", "Provinsi Lampung")
    p = parse_position_phrase("Kepala Distrik Abepura")  # the camat of Papua (UU 21/2001)
    assert (p.role, p.place, p.place_level) == ("camat", "Abepura", "kecamatan")


def test_non_string() -> None:
    with pytest.raises(InvalidFormat) as info:
        parse_position_phrase(42)  # type: ignore[arg-type]
    assert info.value.code == "position.invalid_type"


# Printed forms of each part, to build phrases the way the press writes them.
_CAPACITY_FORMS = {
    "definitif": [""],
    "penjabat": ["Pj.", "Pj", "PJ", "Penjabat", "Penjabat (Pj)"],
    "penjabat_sementara": ["Pjs.", "Penjabat Sementara"],
    "pelaksana_tugas": ["Plt.", "Plt", "PLT", "Pelaksana Tugas", "Pelaksana Tugas (Plt)"],
    "pelaksana_harian": ["Plh.", "Plh", "Pelaksana Harian (Plh)"],
}
_ROLE_FORMS = [
    (" ".join(w.capitalize() for w in key), entry[0])
    for key, entry in words.ROLE_WORDS.items()
    if key != ("ka",)
]


@given(
    capacity=st.sampled_from(sorted(_CAPACITY_FORMS)),
    data=st.data(),
    role=st.sampled_from(_ROLE_FORMS),
    place=st.sampled_from(["", "Ambon", "Kabupaten Pringsewu", "Provinsi Jawa Barat"]),
)
def test_built_phrases_read_back(
    capacity: str, data: st.DataObject, role: tuple[str, str], place: str
) -> None:
    """Capacity form + role form + place: the capacity and role come back."""
    form = data.draw(st.sampled_from(_CAPACITY_FORMS[capacity]))
    text = " ".join(part for part in (form, role[0], place) if part)
    try:
        phrase = parse_position_phrase(text)
    except InvalidComponent:  # e.g. "Bupati Provinsi Jawa Barat": refused, fine
        assert place.startswith(("Kabupaten", "Provinsi"))
        return
    assert (phrase.capacity, phrase.role) == (capacity, role[1])


@given(st.text(max_size=300))
def test_arbitrary_text_raises_only_adminnet_errors(text: str) -> None:
    try:
        result = parse_position_phrase(text)
    except (InvalidFormat, InvalidComponent):
        return
    assert isinstance(result, PositionPhrase)
    assert result.role in {r.value for r in Role}


@given(st.lists(st.sampled_from(["Pj.", "Kepala", "Dinas", "Kota", "(Plt)", ",", "Setda", "x"])))
def test_word_salad_raises_only_adminnet_errors(parts: list[str]) -> None:
    with contextlib.suppress(InvalidFormat, InvalidComponent):
        parse_position_phrase(" ".join(parts))


def test_linear_time() -> None:
    """The cost per character stays flat from 1k to 10k to 100k characters.

    The cost per character at 10k stays under 5 times the 1k one (a time ratio of 50)
    and at 100k under 8 times (800); quadratic work would make the 100k cost per
    character about 100 times the 1k one.
    """

    def phrase(size: int) -> str:
        filler = "Kominfo dan Statistik (Diskominfo) Kota Medan, "
        body = filler * (size // len(filler))
        return f"Plt. Kepala Dinas {body}Kota Medan"

    times = assert_linear(parse_position_phrase, phrase, limit=8 * 100, repeat=5)
    assert times[10_000] / times[1_000] < 5 * 10, times  # per character: < 5 times


@pytest.mark.parametrize(
    ("text", "unit", "place"),
    [
        # jabar.tribunnews.com/2025/07/08/ingatkan-kcd-untuk-sering-keliling-sekolah-kadisdik-
        # jabar-jangan-sampai-tak-tahu-ada-pagar-roboh: "Kadisdik Jabar"
        ("Kadisdik Jabar", "Disdik Jabar", None),
        ("Plt Kadinkes Kabupaten Sleman", "Dinkes", "Kabupaten Sleman"),
        ("Kadisdikbud Kuningan", "Disdikbud Kuningan", None),
    ],
)
def test_ka_glued_to_a_dinas_short_form(text: str, unit: str, place: str | None) -> None:
    """ "Kadisdik" is "Ka" (Kepala) and "Disdik"; the spans still point into the text."""
    p = parse_position_phrase(text)
    assert (p.role, p.title, p.unit, p.place) == ("kepala", "Kepala", unit, place)
    assert p.role_span is not None
    assert p.unit_span is not None
    assert text[p.role_span[0] : p.role_span[1]] == "Ka"
    assert text[p.unit_span[0] : p.unit_span[1]].lower() == unit.lower()


@pytest.mark.parametrize("text", ["Kadin Kota Medan", "Kadinas Kota Medan", "kadisdik Jabar"])
def test_kadin_and_lower_case_words_are_no_glued_head(text: str) -> None:
    """ "Kadin" (the chamber of commerce) is too short; a glued head is capitalised."""
    with pytest.raises(InvalidFormat):
        parse_position_phrase(text)
