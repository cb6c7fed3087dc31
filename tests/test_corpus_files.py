"""The printed-text corpus (tests/vectors/printed/) is well-formed data.

Each ``*.jsonl`` file holds one JSON object per line: a fragment ``text`` exactly as a
real page prints it, the page address in ``source`` and a hand-written ``expected``
value whose shape depends on the file (see SOURCES.md). These tests check the files
themselves, not adminnet's readers (that is tests/text/test_printed_corpus.py): every
line parses and has its schema, every value names something that exists (region
codes, agency ids, roles, capacities, titles), and the corpus keeps its size and
spread (>= 400 fragments from >= 60 distinct pages, each page listed in SOURCES.md).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pendulum
import pytest

from adminnet import agencies, regions
from adminnet.model.position import Capacity, Role
from adminnet.text.names import BACK_TITLES, FRONT_TITLES

PRINTED = Path(__file__).resolve().parent / "vectors" / "printed"
KINDS = ("names", "positions", "regions", "agencies", "dates", "amounts")
_LOCAL_ID = re.compile(r"(pemprov-[0-9]{2}|pemkab-[0-9]{4}|pemkot-[0-9]{4})\Z")
_CODE = re.compile(r"[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?\Z")
_URL = re.compile(r"https?://[^\s/]+\.[^\s/]+/?\S*\Z")
_RANK = re.compile(r"[A-Z][A-Za-z]+( (Pol\.|TNI|Laut|[A-Z][a-z]+\.))?( \(Purn\.\))?\Z")
_HONORIFICS = frozenset({"Bapak", "Ibu", "Nyonya", "Saudara", "Saudari", "Tuan"})


def _load(kind: str) -> list[dict[str, Any]]:
    lines = (PRINTED / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines()
    records = []
    for number, line in enumerate(lines, 1):
        assert line.strip(), f"{kind}.jsonl:{number} is blank"
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as e:  # pragma: no cover - shown on failure
            pytest.fail(f"{kind}.jsonl:{number} is not JSON: {e}")
    return records


ALL = {kind: _load(kind) for kind in KINDS}


def _region_exists(code: str) -> bool:
    return regions.latest(code) is not None


def _agency_exists(agency_id: str) -> bool:
    if _LOCAL_ID.match(agency_id):
        return True
    return agencies.get(agency_id) is not None


@pytest.mark.parametrize("kind", KINDS)
def test_common_fields(kind: str) -> None:
    for rec in ALL[kind]:
        assert isinstance(rec.get("text"), str), rec
        assert rec["text"].strip(), rec
        assert rec["text"] == rec["text"].strip(), rec
        assert isinstance(rec.get("source"), str), rec
        assert _URL.match(rec["source"]), rec
        assert isinstance(rec.get("expected"), dict), rec


def test_no_fragment_twice_from_one_page() -> None:
    seen: set[tuple[str, str, str]] = set()
    for kind, records in ALL.items():
        for rec in records:
            key = (kind, rec["text"], rec["source"])
            assert key not in seen, key
            seen.add(key)


def test_size_and_spread() -> None:
    total = sum(len(records) for records in ALL.values())
    pages = {rec["source"] for records in ALL.values() for rec in records}
    assert total >= 400, total
    assert len(pages) >= 60, len(pages)
    for kind, records in ALL.items():
        assert len(records) >= 40, (kind, len(records))


def test_every_page_is_listed_in_sources_md() -> None:
    listed = (PRINTED / "SOURCES.md").read_text(encoding="utf-8")
    pages = {rec["source"] for records in ALL.values() for rec in records}
    missing = sorted(p for p in pages if f"| {p} |" not in listed)
    assert not missing, missing


def test_names_schema() -> None:
    front, back = set(FRONT_TITLES), set(BACK_TITLES)
    for rec in ALL["names"]:
        exp = rec["expected"]
        assert set(exp) == {"given", "prefixes", "suffixes", "rank", "honorific"}, rec
        assert isinstance(exp["given"], str), rec
        assert exp["given"].strip(), rec
        assert exp["given"] in rec["text"] or exp["given"].replace(" ", "") in rec["text"].replace(
            " ", ""
        ), rec
        assert all(t in front for t in exp["prefixes"]), rec
        # a back title outside the catalogue is kept as printed: it must be printed
        assert all(t in back or t in rec["text"] for t in exp["suffixes"]), rec
        assert exp["rank"] is None or _RANK.match(exp["rank"]), rec
        assert exp["honorific"] is None or exp["honorific"] in _HONORIFICS, rec


def test_positions_schema() -> None:
    roles = {r.value for r in Role}
    capacities = {c.value for c in Capacity}
    for rec in ALL["positions"]:
        exp = rec["expected"]
        assert set(exp) == {"role", "capacity", "region", "agency", "unit"}, rec
        assert exp["role"] in roles, rec
        if exp["role"] == "other":
            assert isinstance(rec.get("roles_note"), str), rec
        assert exp["capacity"] in capacities, rec
        assert exp["region"] is None or _region_exists(exp["region"]), rec
        assert exp["agency"] is None or _agency_exists(exp["agency"]), rec
        assert exp["unit"] is None or exp["unit"].strip() == exp["unit"] != "", rec
        if rec["published"] is not None:
            pendulum.Date.fromisoformat(rec["published"])
        if exp["region"] is not None and exp["agency"] and _LOCAL_ID.match(exp["agency"]):
            assert exp["agency"].split("-")[1] == exp["region"].replace(".", ""), rec


def test_regions_schema() -> None:
    for rec in ALL["regions"]:
        exp = rec["expected"]
        if exp["code"] is None:
            assert len(exp["candidates"]) >= 2, rec
            assert all(_region_exists(c) for c in exp["candidates"]), rec
        else:
            assert set(exp) == {"code"}, rec
            assert _CODE.match(exp["code"]), rec
            assert _region_exists(exp["code"]), rec


def test_agencies_schema() -> None:
    for rec in ALL["agencies"]:
        exp = rec["expected"]
        if exp.get("kind") == "other":
            assert exp == {"id": None, "kind": "other"}, rec
        else:
            assert set(exp) == {"id", "unit"}, rec
            assert _agency_exists(exp["id"]), rec


def test_dates_schema() -> None:
    for rec in ALL["dates"]:
        exp = rec["expected"]
        assert rec["year"] is None or isinstance(rec["year"], int), rec
        if "date" in exp:
            assert set(exp) == {"date"}, rec
            pendulum.Date.fromisoformat(exp["date"])
        elif "datetime" in exp:
            assert set(exp) == {"datetime"}, rec
            moment = pendulum.parse(exp["datetime"])
            assert isinstance(moment, pendulum.DateTime), rec
            assert exp["datetime"][-6] in "+-", rec  # an explicit offset
        else:
            assert set(exp) == {"start", "end"}, rec
            start = pendulum.Date.fromisoformat(exp["start"])
            assert start <= pendulum.Date.fromisoformat(exp["end"]), rec


def test_amounts_schema() -> None:
    for rec in ALL["amounts"]:
        exp = rec["expected"]
        assert set(exp) == {"value", "unit", "currency"}, rec
        Decimal(exp["value"])  # a decimal string
        assert exp["currency"] in (None, "IDR", "USD"), rec
        assert exp["unit"] is None or exp["unit"].strip() == exp["unit"] != "", rec


# --- the extraction evaluation set (tests/vectors/articles/) ----------------------

ARTICLES = Path(__file__).resolve().parent / "vectors" / "articles"
PASSAGES = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.json"))]


def _kinds(enum_path: str) -> set[str]:
    module, name = enum_path.rsplit(".", 1)
    enum = getattr(__import__(module, fromlist=[name]), name)
    return {member.value for member in enum}


def test_articles_size_and_mix() -> None:
    assert 12 <= len(PASSAGES) <= 30, len(PASSAGES)
    kinds = [{e["kind"] for e in p["expected"]["events"]} for p in PASSAGES]
    assert sum("penandatanganan" in k for k in kinds) >= 12
    assert sum("pelantikan" in k for k in kinds) >= 10
    assert len({p["id"] for p in PASSAGES}) == len(PASSAGES)
    listed = (ARTICLES / "SOURCES.md").read_text(encoding="utf-8")
    for p in PASSAGES:
        assert f"| {p['id']} | {p['source']} |" in listed, p["id"]


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_article_schema(passage: dict[str, Any]) -> None:
    roles = {r.value for r in Role}
    capacities = {c.value for c in Capacity}
    events = _kinds("adminnet.model.event.EventKind")
    agreements = _kinds("adminnet.model.agreement.AgreementKind")
    assert set(passage) == {"id", "source", "published", "text", "expected"}
    assert (ARTICLES / f"{passage['id']}.json").is_file()
    assert _URL.match(passage["source"])
    if passage["published"] is not None:
        pendulum.Date.fromisoformat(passage["published"])
    text = passage["text"]
    assert 600 <= len(text) <= 2500, len(text)
    exp = passage["expected"]
    assert set(exp) == {"persons", "agencies", "events", "agreements"}
    for person in exp["persons"]:
        assert person["name"] in text, person
        assert person["role"] is None or person["role"] in roles, person
        assert person["capacity"] is None or person["capacity"] in capacities, person
        assert (person["role"] is None) == (person["capacity"] is None), person
        if person["role"] == "other":
            assert isinstance(person.get("roles_note"), str), person
        assert person["region"] is None or _region_exists(person["region"]), person
    others = set()
    for agency in exp["agencies"]:
        if isinstance(agency, str):
            assert _agency_exists(agency), agency
        else:
            assert set(agency) == {"name", "kind"}, agency
            assert agency["kind"] == "other", agency
            others.add(agency["name"])
    known = {a for a in exp["agencies"] if isinstance(a, str)} | others
    for event in exp["events"]:
        assert event["kind"] in events, event
        if event["date"] is not None:
            pendulum.Date.fromisoformat(event["date"])
    for agreement in exp["agreements"]:
        assert agreement["kind"] in agreements, agreement
        assert agreement["parties"], agreement
        assert all(party in known for party in agreement["parties"]), agreement
    for person in exp["persons"]:
        assert person["agency"] is None or person["agency"] in known, person


def _scorer() -> Any:
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "bench" / "score_extract.py"
    spec = importlib.util.spec_from_file_location("score_extract", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _oracle_dataset(passage: dict[str, Any], *, drop_person: bool = False) -> Any:
    """A stand-in draft holding exactly the answer key (duck-typed, no validation)."""
    from types import SimpleNamespace

    ns = SimpleNamespace
    roles = {r.value for r in Role}

    exp = passage["expected"]
    regions_of = {p["agency"]: p["region"] for p in exp["persons"] if p["agency"]}
    agencies = []
    for i, agency in enumerate(exp["agencies"]):
        if isinstance(agency, str):
            kind = ns(value="pemerintah_daerah" if _LOCAL_ID.match(agency) else "kementerian")
            agencies.append(
                ns(id=agency, name=agency, kind=kind, region_code=regions_of.get(agency))
            )
        else:
            agencies.append(
                ns(id=f"other-{i}", name=agency["name"], kind=ns(value="other"), region_code=None)
            )
    by_name = {a.name: a.id for a in agencies}
    persons, positions, tenures = [], [], []
    for i, person in enumerate(exp["persons"][1:] if drop_person else exp["persons"]):
        persons.append(ns(id=f"p{i}", name=ns(given=person["name"])))
        if person["role"] is not None:
            note = person.get("roles_note")
            role = note if note in roles else person["role"]
            agency_id = by_name.get(person["agency"], person["agency"])
            positions.append(ns(id=f"pos{i}", agency_id=agency_id, role=ns(value=role)))
            tenures.append(
                ns(person_id=f"p{i}", position_id=f"pos{i}", capacity=ns(value=person["capacity"]))
            )
    events = [
        ns(kind=ns(value=e["kind"]), start=pendulum.parse(e["date"]) if e["date"] else None)
        for e in exp["events"]
    ]
    agreements = [
        ns(
            kind=ns(value=a["kind"]),
            parties=[ns(agency_id=by_name.get(p, p)) for p in a["parties"]],
        )
        for a in exp["agreements"]
    ]
    return ns(
        persons=persons,
        positions=positions,
        tenures=tenures,
        agencies=agencies,
        events=events,
        agreements=agreements,
    )


def _run_scorer(monkeypatch: pytest.MonkeyPatch, *, drop_person: bool) -> dict[str, Any]:
    import sys
    from types import ModuleType, SimpleNamespace

    by_text = {p["text"]: p for p in PASSAGES}
    fake = ModuleType("adminnet.extract")

    def extract(text: str, *, published: str | None = None) -> Any:
        dataset = _oracle_dataset(by_text[text], drop_person=drop_person)
        return SimpleNamespace(to_dataset=lambda: dataset)

    fake.extract = extract  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "adminnet.extract", fake)
    result: dict[str, Any] = _scorer().score()
    return result


def test_score_extract_gives_1_to_the_answer_key(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run_scorer(monkeypatch, drop_person=False)
    assert not result["missing"]
    assert not result["errors"]
    for kind, row in result["entities"].items():
        assert row["precision"] in (1.0, None), (kind, row)
        assert row["recall"] in (1.0, None), (kind, row)
    for name, row in result["attributes"].items():
        assert row["precision"] in (1.0, None), (name, row)
        assert row["recall"] in (1.0, None), (name, row)


def test_score_extract_counts_a_missed_person(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run_scorer(monkeypatch, drop_person=True)
    persons = result["entities"]["persons"]
    assert persons["matched"] == persons["expected"] - len(PASSAGES)
    assert persons["recall"] < 1.0


def test_score_extract_says_missing_without_the_module(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "adminnet.extract", None)  # import raises ImportError
    assert _scorer().score() == {"missing": True}
