"""Tests for adminnet.agencies: the catalog, local governments, lookup, resolve, search."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminnet import agencies, regions
from adminnet.errors import (
    AdminnetError,
    AmbiguousName,
    InvalidComponent,
    InvalidFormat,
    UnknownEntity,
)
from adminnet.model._common import ID_PATTERN
from adminnet.model.agency import Agency, AgencyKind

ROOT = Path(__file__).resolve().parent.parent
VECTORS = Path(__file__).resolve().parent / "vectors"


def _vectors() -> list[tuple[str, str | None, str]]:
    with (VECTORS / "agency_names.csv").open(encoding="utf-8", newline="") as f:
        return [(r["text"], r["as_of"] or None, r["expected_id"]) for r in csv.DictReader(f)]


def catalog() -> list[Agency]:
    return [a for a in agencies.all() if not a.is_local_government]


# -- the catalog ------------------------------------------------------------------------------


def test_catalog_size_and_unique_ids() -> None:
    """The catalog holds 114 central agencies with unique slug ids."""
    ids = [a.id for a in catalog()]
    assert len(ids) == 114
    assert len(set(ids)) == len(ids)
    assert all(ID_PATTERN.match(i) for i in ids)


def test_catalog_has_the_required_agencies() -> None:
    """The agencies named by the brief are present with their kinds."""
    expected = {
        "lan": AgencyKind.LEMBAGA_PEMERINTAH_NONKEMENTERIAN,
        "kemenpanrb": AgencyKind.KEMENTERIAN,
        "kemendagri": AgencyKind.KEMENTERIAN,
        "kemendes-pdtt": AgencyKind.KEMENTERIAN,
        "kemendes-pdt": AgencyKind.KEMENTERIAN,
        "kementrans": AgencyKind.KEMENTERIAN,
        "bkn": AgencyKind.LEMBAGA_PEMERINTAH_NONKEMENTERIAN,
        "kasn": AgencyKind.LEMBAGA_NONSTRUKTURAL,
        "komdigi": AgencyKind.KEMENTERIAN,
        "bappenas": AgencyKind.KEMENTERIAN,
        "bps": AgencyKind.LEMBAGA_PEMERINTAH_NONKEMENTERIAN,
        "bssn": AgencyKind.LEMBAGA_PEMERINTAH_NONKEMENTERIAN,
        "brin": AgencyKind.LEMBAGA_PEMERINTAH_LAINNYA,
        "anri": AgencyKind.LEMBAGA_PEMERINTAH_NONKEMENTERIAN,
    }
    for aid, kind in expected.items():
        agency = agencies.get(aid)
        assert agency is not None, aid
        assert agency.kind is kind, aid


def test_catalog_references_and_kinds() -> None:
    """Parents and successors exist; secretariats serve a body; no central region code."""
    by_id = {a.id: a for a in catalog()}
    for a in by_id.values():
        assert a.kind.is_central, a.id
        assert a.region_code is None, a.id
        assert all(s in by_id for s in a.successor_ids), a.id
        if a.kind is AgencyKind.SEKRETARIAT_LEMBAGA:
            assert a.parent_id in by_id, a.id
            assert by_id[a.parent_id].kind in {
                AgencyKind.LEMBAGA_NEGARA,
                AgencyKind.LEMBAGA_NONSTRUKTURAL,
            }, a.id
        else:
            assert a.parent_id is None, a.id


def test_kemendes_pdtt_split() -> None:
    """Kemendes PDTT ends on 20 Oct 2024; its two successors start the next day."""
    old = agencies.get("kemendes-pdtt")
    assert old is not None
    assert str(old.valid) == "../2024-10-20"
    assert old.successor_ids == ("kemendes-pdt", "kementrans")
    for aid in old.successor_ids:
        new = agencies.get(aid)
        assert new is not None
        assert str(new.valid) == "2024-10-21/.."
        assert not new.exists_at("2024-10-20")
    assert old.exists_at("2024-10-20")
    assert not old.exists_at("2024-10-21")


def test_kasn_dissolved() -> None:
    """KASN stopped on 24 Aug 2024; KemenPANRB and BKN took over its functions."""
    kasn = agencies.get("kasn")
    assert kasn is not None
    assert str(kasn.valid) == "../2024-08-24"
    assert kasn.successor_ids == ("kemenpanrb", "bkn")
    assert kasn.basis is not None
    assert "UU 20/2023" in kasn.basis


def test_kominfo_komdigi_is_one_agency_with_dated_names() -> None:
    """Kominfo and Komdigi are one ministry: the names change on 21 Oct 2024."""
    k = agencies.get("komdigi")
    assert k is not None
    assert k.name_at("2024-10-20") == "Kementerian Komunikasi dan Informatika"
    assert k.acronym_at("2024-10-20") == "Kominfo"
    assert k.name_at("2024-10-21") == "Kementerian Komunikasi dan Digital"
    assert k.acronym_at("2024-10-21") == "Komdigi"
    assert k.exists_at("2000-01-01")


def test_lan_legal_basis() -> None:
    """LAN carries its cited legal basis and founding year."""
    lan = agencies.get("lan")
    assert lan is not None
    assert lan.basis is not None
    assert "Perpres 93/2024" in lan.basis
    assert str(lan.valid) == "1957/.."


def test_all_by_kind_and_date() -> None:
    """all() filters by kind and by existence on a date; local governments follow."""
    assert [a.id for a in agencies.all(kind="lembaga_negara")] == [
        "mpr",
        "dpr",
        "dpd",
        "ma",
        "bpk",
        "mk",
        "ky",
    ]
    ids_2020 = {a.id for a in agencies.all(as_of="2020-01-01", kind=AgencyKind.KEMENTERIAN)}
    assert "kemendes-pdtt" in ids_2020
    assert "kementrans" not in ids_2020
    assert "kasn" not in {a.id for a in agencies.all(as_of="2025-01-01")}
    kota = agencies.all(kind="pemerintah_kota")
    assert len(kota) == 93
    assert len(agencies.all(kind="pemerintah_provinsi", as_of="2020-01-01")) == 34
    assert len(agencies.all(kind="pemerintah_kabupaten")) == 415
    with pytest.raises(InvalidFormat) as info:
        agencies.all(kind="ministry")
    assert info.value.code == "agency.invalid_kind"


def test_json_is_up_to_date() -> None:
    """The shipped JSON is exactly what the build script makes from the TOML."""
    spec = importlib.util.spec_from_file_location(
        "build_agencies", ROOT / "scripts" / "build_agencies.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0


def test_build_script_reports_problems() -> None:
    """The build script's checker lists every problem of a broken catalog."""
    spec = importlib.util.spec_from_file_location(
        "build_agencies_check", ROOT / "scripts" / "build_agencies.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    document = {
        "format": 1,
        "agency": [
            {
                "id": "a",
                "name": "Badan A",
                "kind": "lembaga_nonstruktural",
                "sources": ["x"],
                "status": "C",
                "end": "2020-13",
            },
            {"id": "a", "name": "Badan B", "kind": "ministry", "sources": ["x"], "status": "C"},
            {
                "id": "c",
                "name": "Sekretariat C",
                "kind": "sekretariat_lembaga",
                "sources": ["x"],
                "status": "Q",
                "successors": ["zz"],
                "colour": "red",
            },
        ],
    }
    _, problems = module.check(document)
    text = "\n".join(problems)
    assert "duplicate id" in text
    assert "unknown kind 'ministry'" in text
    assert "month 13" in text
    assert "needs the parent" in text
    assert "successor 'zz'" in text
    assert "unknown field 'colour'" in text
    assert "status must be" in text


# -- get / lookup -----------------------------------------------------------------------------


def test_get() -> None:
    """get() finds catalog and local government ids; anything else gives the default."""
    lan = agencies.get("lan")
    assert lan is not None
    assert lan.name == "Lembaga Administrasi Negara"
    gov = agencies.get("pemkot-8171")
    assert gov is not None
    assert gov.name == "Pemerintah Kota Ambon"
    assert agencies.get("pemkab-8171") is None  # 81.71 is a kota
    assert agencies.get("pemkot-3171") is None  # kota administrasi
    assert agencies.get("pemkot-8198") is None
    assert agencies.get("LAN") is None
    assert agencies.get("", default=lan) is lan


def test_get_rejects_non_strings() -> None:
    """get() with a non-string id is an InvalidFormat."""
    with pytest.raises(InvalidFormat) as info:
        agencies.get(None)  # type: ignore[arg-type]
    assert info.value.code == "agency.invalid_type"


@pytest.mark.parametrize(
    ("query", "as_of", "expected"),
    [
        ("lan", None, "lan"),
        ("LAN", None, "lan"),
        ("KemenPAN-RB", None, "kemenpanrb"),
        ("kemen pan rb", None, "kemenpanrb"),
        ("Kominfo", "2017-03-16", "komdigi"),
        ("Kominfo", "2025-01-01", "komdigi"),
        ("Kemendes", "2017-03-16", "kemendes-pdtt"),
        ("Kemendes", "2025-01-01", "kemendes-pdt"),
        ("pemkot-8171", None, "pemkot-8171"),
        ("Setjen MPR", None, "sekretariat-mpr"),
    ],
)
def test_lookup(query: str, as_of: str | None, expected: str) -> None:
    """lookup() takes ids and acronyms, acronyms as of a date."""
    assert agencies.lookup(query, as_of=as_of).id == expected


def test_lookup_does_not_take_full_names() -> None:
    """lookup() is for ids and acronyms; full names belong to resolve()."""
    with pytest.raises(UnknownEntity) as info:
        agencies.lookup("Lembaga Administrasi Negara")
    assert info.value.code == "agency.unknown"


# -- local_government ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected_id", "name"),
    [
        ("81.71", "pemkot-8171", "Pemerintah Kota Ambon"),
        ("8171", "pemkot-8171", "Pemerintah Kota Ambon"),
        ("81", "pemprov-81", "Pemerintah Provinsi Maluku"),
        ("11.06", "pemkab-1106", "Pemerintah Kabupaten Aceh Besar"),
        ("11", "pemprov-11", "Pemerintah Aceh"),
        ("34", "pemprov-34", "Pemerintah Daerah Istimewa Yogyakarta"),
        ("31", "pemprov-31", "Pemerintah Provinsi Daerah Khusus Ibukota Jakarta"),
        ("76.01", "pemkab-7601", "Pemerintah Kabupaten Pasangkayu"),
    ],
)
def test_local_government(code: str, expected_id: str, name: str) -> None:
    """local_government() builds the government of an autonomous region."""
    gov = agencies.local_government(code)
    assert gov.id == expected_id
    assert gov.name == name
    assert gov.region_code == regions.get(code).code  # type: ignore[union-attr]
    assert agencies.get(expected_id) == gov


def test_local_government_kinds_and_short_forms() -> None:
    """Kinds, acronyms and other names of local governments."""
    assert agencies.local_government("81.71").kind is AgencyKind.PEMERINTAH_KOTA
    assert agencies.local_government("81.71").acronym == "Pemkot Ambon"
    assert agencies.local_government("81.01").kind is AgencyKind.PEMERINTAH_KABUPATEN
    assert agencies.local_government("81").kind is AgencyKind.PEMERINTAH_PROVINSI
    dki = agencies.local_government("31")
    assert "Pemerintah Provinsi DKI Jakarta" in dki.names


def test_local_government_former_region_name() -> None:
    """A renamed kabupaten's government has the former name, dated."""
    gov = agencies.local_government("76.01")
    assert gov.name_at("2016-01-01") == "Pemerintah Kabupaten Mamuju Utara"
    assert gov.name_at("2018-01-01") == "Pemerintah Kabupaten Pasangkayu"


def test_local_government_retired_code() -> None:
    """A retired code gives its government with an end and the successor's id."""
    old = agencies.local_government("92.01")
    assert old.id == "pemkab-9201"
    assert str(old.valid) == "../2022-12-07"
    assert old.successor_ids == ("pemkab-9601",)
    assert agencies.local_government("92.01", as_of="2020-01-01") == old
    with pytest.raises(UnknownEntity) as info:
        agencies.local_government("92.01", as_of="2024-01-01")
    assert info.value.code == "agency.region_unknown"


def test_local_government_administrasi_names_dki() -> None:
    """A kota administrasi has no government: the error names Pemprov DKI Jakarta."""
    with pytest.raises(InvalidComponent) as info:
        agencies.local_government("31.71")
    assert info.value.code == "agency.not_autonomous"
    assert "Pemerintah Provinsi Daerah Khusus Ibukota Jakarta" in str(info.value)
    assert "pemprov-31" in str(info.value)
    with pytest.raises(InvalidComponent) as info:
        agencies.local_government("31.01")
    assert info.value.code == "agency.not_autonomous"


def test_local_government_lower_levels() -> None:
    """A kecamatan is not autonomous; the error names its kota's government."""
    with pytest.raises(InvalidComponent) as info:
        agencies.local_government("81.71.01")
    assert info.value.code == "agency.not_autonomous"
    assert "Pemerintah Kota Ambon" in str(info.value)


@pytest.mark.parametrize(
    ("code", "error", "error_code"),
    [
        ("81.98", UnknownEntity, "agency.region_unknown"),
        ("99", UnknownEntity, "agency.region_unknown"),
        ("817.1", InvalidFormat, "region_code.invalid_format"),
        ("Ambon", InvalidFormat, "region_code.invalid_format"),
        ("41", InvalidComponent, "region_code.invalid_province"),
    ],
)
def test_local_government_errors(code: str, error: type[AdminnetError], error_code: str) -> None:
    """Unknown or malformed codes give adminnet errors with stable codes."""
    with pytest.raises(error) as info:
        agencies.local_government(code)
    assert info.value.code == error_code


def test_local_government_non_string() -> None:
    """A non-string region code is an InvalidFormat."""
    with pytest.raises(InvalidFormat) as info:
        agencies.local_government(8171)  # type: ignore[arg-type]
    assert info.value.code == "agency.invalid_type"


# -- resolve ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "as_of", "expected"), _vectors())
def test_resolve_vectors(text: str, as_of: str | None, expected: str) -> None:
    """Hand-written printed-name variants resolve to the expected agency."""
    assert agencies.resolve(text, as_of=as_of).id == expected


def test_vector_file_size() -> None:
    """The vector file holds at least 40 variants."""
    assert len(_vectors()) >= 40


def test_local_vectors_match_the_registry() -> None:
    """Each local government expected by the vectors is on a region of its kind."""
    for _text, as_of, expected in _vectors():
        if not expected.startswith(("pemprov-", "pemkab-", "pemkot-")):
            continue
        code = expected.split("-")[1]
        region = regions.get(code, as_of=as_of) or regions.latest(code)
        assert region is not None, expected
        prefix = {"provinsi": "pemprov", "kabupaten": "pemkab", "kota": "pemkot"}
        assert prefix[region.kind.value] == expected.split("-")[0]


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("Bogor", ("pemkab-3201", "pemkot-3271")),
        ("Pemerintah Bogor", ("pemkab-3201", "pemkot-3271")),
        ("Gorontalo", ("pemkab-7501", "pemkot-7571", "pemprov-75")),
    ],
)
def test_resolve_ambiguous(text: str, candidates: tuple[str, ...]) -> None:
    """A name several agencies fit equally raises AmbiguousName with the candidates."""
    with pytest.raises(AmbiguousName) as info:
        agencies.resolve(text)
    assert info.value.candidates == candidates
    assert info.value.code == "agency.ambiguous"


def test_resolve_unknown() -> None:
    """A name nothing fits raises UnknownEntity."""
    for text in ("Kementerian Urusan Sihir", "", "   ", "///", "Kabupaten Atlantis"):
        with pytest.raises(UnknownEntity) as info:
            agencies.resolve(text)
        assert not isinstance(info.value, AmbiguousName)
        assert info.value.code == "agency.unknown"


def test_resolve_not_autonomous() -> None:
    """A kota administrasi resolves to an error naming the provincial government."""
    with pytest.raises(UnknownEntity) as info:
        agencies.resolve("Kota Adm. Jakarta Pusat")
    assert info.value.code == "agency.not_autonomous"
    assert "pemprov-31" in str(info.value)


def test_resolve_secretariat_of_body() -> None:
    """ "Sekretariat (Jenderal) <body>" gives the secretariat; the body name the body."""
    assert agencies.resolve("Sekretariat Jenderal Komisi Yudisial").id == "sekretariat-ky"
    assert agencies.resolve("Setjen KY").id == "sekretariat-ky"
    assert agencies.resolve("Komisi Yudisial").id == "ky"
    assert agencies.resolve("Sekretariat KPU").id == "sekretariat-kpu"


def test_resolve_joined_names() -> None:
    """Names joined with "/" resolve through their parts when the whole is not known."""
    assert agencies.resolve("Badan Perencanaan Pembangunan Nasional / Kementerian PPN").id == (
        "bappenas"
    )
    assert agencies.resolve("Kementerian PPN/BAPPENAS RI").id == "bappenas"
    with pytest.raises(AmbiguousName) as info:
        agencies.resolve("LAN/BKN")
    assert info.value.candidates == ("bkn", "lan")
    with pytest.raises(UnknownEntity):
        agencies.resolve("Badan Antah/Berantah")


def test_resolve_rejects_overlong_text() -> None:
    """A text longer than any name names nothing."""
    with pytest.raises(UnknownEntity) as info:
        agencies.resolve("Lembaga Administrasi Negara " * 20)
    assert info.value.code == "agency.unknown"


def test_resolve_ocr_duplication() -> None:
    """A word group printed twice (OCR) is read once."""
    text = "Badan Pengusahaan Badan Pengusahaan Kawasan Perdagangan Bebas dan Pelabuhan Bebas Batam"
    assert agencies.resolve(text).id == "bp-batam"


def test_resolve_rejects_bad_arguments() -> None:
    """Non-string text and bad dates are InvalidFormat errors."""
    with pytest.raises(InvalidFormat) as info:
        agencies.resolve(b"LAN")  # type: ignore[arg-type]
    assert info.value.code == "agency.invalid_type"
    with pytest.raises(InvalidFormat) as info:
        agencies.resolve("LAN", as_of="17/3/2017")
    assert info.value.code == "date.invalid_format"


# -- search -----------------------------------------------------------------------------------


def test_search_ranks_exact_first() -> None:
    """An exact name or acronym comes first, then prefixes, then word matches."""
    assert agencies.search("kab. bogor")[0].id == "pemkab-3201"
    assert [a.id for a in agencies.search("kota bogor")][:1] == ["pemkot-3271"]
    assert agencies.search("ambon")[0].id == "pemkot-8171"
    assert agencies.search("BKN")[0].id == "bkn"
    assert agencies.search("lembaga administrasi")[0].id == "lan"
    ids = [a.id for a in agencies.search("bogor")]
    assert set(ids[:2]) == {"pemkab-3201", "pemkot-3271"}


def test_search_words_and_typos() -> None:
    """Word prefixes in any order match; a one-letter slip is found when nothing else."""
    assert "komnas-ham" in [a.id for a in agencies.search("hak asasi komisi")]
    assert agencies.search("Kemendagrii")[0].id == "kemendagri"


def test_search_as_of_prefers_existing() -> None:
    """Within a rank, agencies that existed on as_of come first."""
    old = [a.id for a in agencies.search("kementerian desa", as_of="2020-01-01")]
    new = [a.id for a in agencies.search("kementerian desa", as_of="2025-01-01")]
    assert old[0] == "kemendes-pdtt"
    assert new[0] == "kemendes-pdt"


def test_search_limit_and_empty() -> None:
    """limit caps the results; empty text finds nothing; bad limits are errors."""
    assert len(agencies.search("badan", limit=3)) == 3
    assert agencies.search("   ") == []
    for bad in (0, -1, True, 2.5, "3"):
        with pytest.raises(InvalidFormat) as info:
            agencies.search("badan", limit=bad)  # type: ignore[arg-type]
        assert info.value.code == "agency.invalid_limit"


# -- robustness -------------------------------------------------------------------------------

_JUNK = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="KabKotaPemkot .-/&RI0123456789", max_size=30),
    st.binary(max_size=8),
    st.integers(),
    st.none(),
    st.floats(allow_nan=True),
    st.lists(st.text(max_size=3), max_size=2),
)
_DATES = st.one_of(st.none(), st.sampled_from(["2017-03-16", "2025-01-01"]), _JUNK)


@given(text=_JUNK, as_of=_DATES)
def test_public_functions_raise_only_adminnet_errors(text: Any, as_of: Any) -> None:
    """Arbitrary input into get/lookup/search/resolve/local_government: adminnet errors."""
    calls = (
        lambda: agencies.get(text),
        lambda: agencies.lookup(text, as_of=as_of),
        lambda: agencies.search(text, as_of=as_of),
        lambda: agencies.resolve(text, as_of=as_of),
        lambda: agencies.local_government(text, as_of=as_of),
    )
    for call in calls:
        try:
            result = call()
        except AdminnetError:
            continue
        assert result is None or isinstance(result, Agency | list)


@given(text=st.text(min_size=1, max_size=30))
def test_resolve_result_is_found_by_search(text: str) -> None:
    """Whatever resolve returns is an Agency that get() gives back by id."""
    try:
        agency = agencies.resolve(text)
    except AdminnetError:
        return
    assert agencies.get(agency.id) == agency


# -- loading ----------------------------------------------------------------------------------


def test_import_reads_no_data() -> None:
    """Importing adminnet.agencies loads neither the catalog nor the region registry."""
    code = (
        "import sys, adminnet.agencies as a;"
        "assert a._names._state.catalog is None;"
        "assert 'adminnet.regions' not in sys.modules;"
        "print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_concurrent_first_access_loads_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight threads resolving at once load the catalog exactly once."""
    monkeypatch.setattr(agencies._names, "_state", agencies._names._State())
    calls: list[int] = []
    real = agencies._names._load_catalog

    def counting() -> Any:
        calls.append(1)
        return real()

    monkeypatch.setattr(agencies._names, "_load_catalog", counting)
    barrier = threading.Barrier(8)
    results: list[str] = []

    def work() -> None:
        barrier.wait()
        results.append(agencies.resolve("Lembaga Administrasi Negara").id)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1]
    assert results == ["lan"] * 8
