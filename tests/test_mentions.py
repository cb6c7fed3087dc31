"""Region and agency mentions as printed: vectors, folding, robustness, linear time."""

from __future__ import annotations

import contextlib
import csv
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adminnet import agencies, regions
from adminnet.errors import AdminnetError, AmbiguousName, UnknownEntity
from adminnet.text import folding
from fuzz.growth import assert_linear

VECTORS = Path(__file__).resolve().parent / "vectors"


def _rows(name: str) -> list[dict[str, str]]:
    with (VECTORS / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


REGION_ROWS = _rows("region_mentions.csv")
AGENCY_ROWS = _rows("agency_mentions.csv")


def test_vectors_cite_their_sources() -> None:
    """Every row says where it comes from; real printed forms give an address."""
    for row in REGION_ROWS + AGENCY_ROWS:
        source = row["source"]
        assert source.startswith(("http://", "https://", "constructed")), row
    real = [r for r in REGION_ROWS + AGENCY_ROWS if r["source"].startswith("http")]
    assert len(real) >= 40


@pytest.mark.parametrize("row", REGION_ROWS, ids=lambda r: f"{r['api']}:{r['text']}")
def test_region_mentions(row: dict[str, str]) -> None:
    """Each printed region mention gives its region, or a refusal with candidates."""
    text, api, expected = row["text"], row["api"], row["expected"]
    if api == "match":
        found = regions.match(text, limit=3)
        assert found, text
        assert found[0].region.code == expected
        assert found[0].score == max(m.score for m in found)
        return
    if expected == "refuse":
        with pytest.raises(UnknownEntity) as info:
            regions.lookup(text)
        if isinstance(info.value, AmbiguousName):
            assert len(info.value.candidates) >= 2
        return
    assert regions.lookup(text).code == expected


@pytest.mark.parametrize("row", AGENCY_ROWS, ids=lambda r: f"{r['api']}:{r['text']}")
def test_agency_mentions(row: dict[str, str]) -> None:
    """Each printed agency mention gives its agency (and unit), or a refusal."""
    text, api, expected = row["text"], row["api"], row["expected"]
    call: Callable[[str], object] = agencies.resolve if api == "resolve" else agencies.resolve_unit
    if expected == "refuse":
        with pytest.raises(UnknownEntity) as info:
            call(text)
        if isinstance(info.value, AmbiguousName):
            assert len(info.value.candidates) >= 2
        return
    if api == "resolve":
        assert agencies.resolve(text).id == expected
        return
    agency_id, unit = expected.split("|")
    found = agencies.resolve_unit(text)
    assert (found.agency.id, found.unit, found.how) == (agency_id, unit, "unit")
    assert 0 < found.score < 1


def test_a_kind_cue_outranks_other_kinds_even_exact_ones() -> None:
    """ "Kota X" ranks every kota (even a typo) above a kecamatan named exactly X."""
    found = regions.match("Kota makasar", limit=5)
    assert (found[0].region.code, found[0].how) == ("73.71", "typo")
    assert all(m.score < found[0].score for m in found[1:])
    assert [r.code for r in regions.search("Kota makasar", limit=5)] == [
        m.region.code for m in found
    ]


def test_abbreviations_are_never_beaten_by_lookalike_villages() -> None:
    """Kalteng/Jabar/Butur: the abbreviated region first, the lookalikes far below."""
    for text, code in (("Kalteng", "62"), ("Jabar", "32"), ("Butur", "74.10")):
        top, *rest = regions.match(text, limit=5)
        assert (top.region.code, top.how) == (code, "abbreviation")
        assert all(m.score <= 0.6 for m in rest)


def test_scores_follow_the_documented_table() -> None:
    """Scores: exact 1.0, alias 0.95, abbreviation 0.9, prefix 0.6/0.5, typo 0.4."""
    assert regions.match("Kota Ambon", limit=1)[0].score == 1.0
    assert regions.match("DKI Jakarta", limit=1)[0].how == "alias"
    assert regions.match("DKI Jakarta", limit=1)[0].score == 0.95
    assert regions.match("ambonn", limit=1)[0].score == 0.4
    former = regions.match("Mamuju Utara", level=2, as_of="2017-01-01", limit=1)[0]
    assert (former.how, former.score) == ("former", 0.85)


def test_every_shipped_abbreviation_names_its_region() -> None:
    """Each printed form of region_aliases.json matches its region at 0.9 or more.

    It is the top match, unless a region bears the form as its exact name
    ("Siantar" is also a kecamatan): then lookup refuses with both.
    """
    raw = (resources.files("adminnet") / "data" / "region_aliases.json").read_text("utf-8")
    for entry in json.loads(raw)["aliases"]:
        found = regions.match(entry["text"], limit=5)
        mine = [m for m in found if m.region.code == entry["code"]]
        assert mine, entry
        assert mine[0].how in ("abbreviation", "alias")
        if found[0] is not mine[0]:
            assert found[0].how == "exact"
            with pytest.raises(AmbiguousName):
                regions.lookup(entry["text"])


def test_province_aliases_agree_with_the_region_data() -> None:
    """agencies.PROVINCE_ALIASES (kept for compatibility) says what regions says."""
    for short_form, names in agencies.PROVINCE_ALIASES.items():
        top = regions.match(short_form, level=1, limit=1)
        assert top, short_form
        assert top[0].region.name in names or top[0].region.official_name.endswith(names)


def test_holders_is_the_agencies_view_of_the_one_index() -> None:
    """Local governments find region names through regions.holders only."""
    assert [c for c, _ in regions.holders("Fakfak")] == ["92.03"]
    assert regions.holders("") == ()
    assert regions.holders("Kecamatan Nusaniwe") == ()
    with pytest.raises(AdminnetError):
        regions.holders("Ambon", level=3)


def test_kind_word_alone_is_ambiguous_with_candidates() -> None:
    """ "Kementerian" names no agency but starts many: AmbiguousName lists them."""
    with pytest.raises(AmbiguousName) as info:
        agencies.resolve("Kementerian")
    assert "kemendagri" in info.value.candidates
    assert len(info.value.candidates) > 10


def test_folding_is_idempotent_and_shared() -> None:
    """One folding: folding twice changes nothing, both registries fold alike."""
    for text in ("Kab. Ma'u-Bara", "Kep. Seribu", "KOTA  AMBON", "Pemko Medan"):
        once = folding.fold(text)
        assert folding.fold(once) == once
    assert folding.words("Kementrian PANRB") == [["kementerian", "panrb"]]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_never_raises_outside_the_error_tree(text: str) -> None:
    """match, search, lookup, resolve and resolve_unit: results or adminnet errors."""
    regions.match(text, limit=3)
    regions.search(text, limit=3)
    for call in (regions.lookup, agencies.resolve, agencies.resolve_unit, regions.holders):
        with contextlib.suppress(AdminnetError):
            call(text)


@pytest.mark.parametrize(
    "call",
    [
        lambda t: regions.match(t, limit=3),
        regions.lookup,
        agencies.resolve,
        agencies.resolve_unit,
    ],
    ids=["match", "lookup", "resolve", "resolve_unit"],
)
def test_long_input_takes_linear_time(call: Callable[[str], object]) -> None:
    """1k, 10k and 100k characters: time grows about linearly, never quadratically.

    A linear step costs 10x; a quadratic one 100x. The bound (50x) leaves room for
    the noise of a shared machine (large strings allocate, caches miss).
    """
    regions.match("warm up", limit=1)
    agencies.resolve_unit("Setjen Kemendagri")
    unit = "Kab. Bogor (Jabar) Dinas Kominfo "
    # below the floor of 0.2 ms, timer noise dominates
    assert_linear(
        call,
        lambda n: unit * (n // len(unit)),
        step=50,
        floor=2e-4,
        repeat=5,
        errors=(AdminnetError,),
    )


def test_bracketed_short_form_must_agree_with_the_name() -> None:
    """ "Name (SHORT)": the name decides; a known short form of another region refuses."""
    assert regions.lookup("Kalimantan Tengah (Kalteng)").code == "62"
    assert regions.lookup("Kalimantan Tengah (Xyz)").code == "62"  # unknown: ignored
    with pytest.raises(AmbiguousName) as info:
        regions.lookup("Kalimantan Tengah (Kaltim)")
    assert list(info.value.candidates) == ["62", "64"]
    assert regions.match("Kalimantan Tengah (Kalteng)", limit=1)[0].how == "exact"


def test_glued_names_match_at_a_small_penalty() -> None:
    """A name written without its spaces (or with extra ones) is exact at 0.95."""
    top = regions.match("Bandarlampung", limit=1)[0]
    assert (top.region.code, top.how, top.score) == ("18.71", "exact", 0.95)
    assert regions.lookup("Kabupaten Tulangbawang Barat").code == "18.12"
    assert regions.lookup("Pangkal Pinang").code == regions.lookup("Pangkalpinang").code


def test_bare_name_prefers_the_one_level_1_2_region_bearing_it() -> None:
    """One kota and only lower regions: the kota; two kabupaten/kota: ambiguous."""
    assert regions.lookup("Surabaya").code == "35.78"
    assert regions.lookup("Jawa Tengah").code == "33"
    with pytest.raises(AmbiguousName):
        regions.lookup("Bima")  # Kabupaten and Kota Bima
    with pytest.raises(AmbiguousName):
        regions.lookup("Siantar")  # an informal name does not outrank a kecamatan's own
    with pytest.raises(AmbiguousName):
        regions.lookup("Surabaya", level=4)  # a level asked for: no preference


def test_initialisms_are_derived_in_capitals_only() -> None:
    """Initials of names of three words or more, capitals only, at 0.8."""
    top = regions.match("MBD", limit=1)[0]
    assert (top.region.code, top.how, top.score) == ("81.08", "abbreviation", 0.8)
    assert regions.match("mbd", limit=1) == [] or regions.match("mbd", limit=1)[0].how != (
        "abbreviation"
    )
    with pytest.raises(UnknownEntity):
        regions.lookup("Mbd")


def test_no_derived_initialism_is_an_agency_acronym() -> None:
    """The initials regions derives never spell an acronym of the agency catalog."""
    from adminnet.regions import _index

    derived = _index._glued().initials
    acronyms = {
        folding.fold(a.acronym).replace(" ", "")
        for a in agencies.all(kind=None)
        if a.acronym
        and a.kind.value not in ("pemerintah_provinsi", "pemerintah_kabupaten")
        and a.kind.value != "pemerintah_kota"
    }
    assert not set(derived) & acronyms
    assert not set(derived) & _index.NOT_INITIALISMS


def test_agency_brackets_anywhere() -> None:
    """Bracketed short forms inside a name: the name decides, a known one must agree."""
    assert agencies.resolve("Kementerian Dalam Negeri (Kemendagri) RI").id == "kemendagri"
    found = agencies.resolve_unit("Dinas Komunikasi dan Informatika (Diskominfo) Kota Ambon")
    assert (found.agency.id, found.unit) == ("pemkot-8171", "Dinas Komunikasi dan Informatika")
    with pytest.raises(AmbiguousName):
        agencies.resolve("Pemerintah Kota (Pemkot) Ambon (Kemendagri)")


def test_agency_office_and_vertical_units() -> None:
    """Kantor X is X; Kantor Wilayah is not stripped; a central agency in a region."""
    assert agencies.resolve("Kantor Pusat Kemendagri").id == "kemendagri"
    with pytest.raises(UnknownEntity):
        agencies.resolve("Kantor Wilayah Kemendagri")
    found = agencies.resolve_unit("KPU Provinsi Maluku")
    assert (found.agency.id, found.unit, found.score) == (
        "kpu",
        "Komisi Pemilihan Umum Provinsi Maluku",
        0.8,
    )
    with pytest.raises(UnknownEntity):
        agencies.resolve_unit("BPS Kecamatan Nusaniwe")  # not a provinsi/kabupaten/kota


@pytest.mark.parametrize(
    "call",
    [regions.lookup, agencies.resolve, agencies.resolve_unit],
    ids=["lookup", "resolve", "resolve_unit"],
)
def test_brackets_take_linear_time(call: Callable[[str], object]) -> None:
    """Many brackets, unbalanced brackets and long spaces: linear scans only."""
    for unit in ("(Kalteng) ", "Jabar (", "  ) ( ", "Kota (X)" + " " * 50):
        assert_linear(
            call,
            lambda n, unit=unit: unit * (n // len(unit)),
            step=50,
            floor=2e-4,
            repeat=5,
            errors=(AdminnetError,),
        )


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="()abc KR", max_size=40))
def test_bracket_splitting_is_total(text: str) -> None:
    """Any mix of brackets: a result or an adminnet error, never a crash."""
    from adminnet.agencies._resolve import split_brackets
    from adminnet.regions._search import bracketed

    split = split_brackets(text)
    if split is not None:
        assert "(" not in split[0]
        assert ")" not in split[0]
    pair = bracketed(text)
    if pair is not None:
        assert pair[0]
        assert pair[1]
    for call in (regions.lookup, agencies.resolve, agencies.resolve_unit):
        with contextlib.suppress(AdminnetError):
            call(text)
