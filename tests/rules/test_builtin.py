"""Built-in rules: one failing and one passing dataset per rule, as data.

Each case's dataset is a JSON document in ``tests/vectors/rules/<case>.json`` (read with
:mod:`adminnet.serialization`), generated from the commented builders in ``cases.py``;
its expected violations are in ``tests/vectors/rules/expected.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adminnet import rules
from adminnet.examples import lan_mou_2017

from .cases import BUILDERS_ONLY, CASES, document_path, load

EXPECTED = json.loads(
    (Path(__file__).parent.parent / "vectors" / "rules" / "expected.json").read_text("utf-8")
)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_case(name: str) -> None:
    """Each case dataset gives exactly the expected codes, severities, entities and paths."""
    case = EXPECTED[name]
    report = rules.check(load(name), at=case["at"], select=case["select"])
    got = [[v.code, v.severity.value, v.entity_id, v.path] for v in report]
    assert case["violations"] == got


@pytest.mark.parametrize("name", sorted(set(CASES) - BUILDERS_ONLY))
def test_documents_match_builders(name: str) -> None:
    """The JSON document of a case holds the dataset its builder makes (regenerate if not)."""
    assert document_path(name).is_file(), f"run `python -m rules.cases` in tests/ for {name}"
    assert load(name) == CASES[name](), f"{name}.json is stale: run `python -m rules.cases`"


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    """Every built-in code has a `<code>_fail` case that reports it and a clean `<code>_pass`."""
    for r in rules.registry():
        fail, ok = EXPECTED[f"{r.code.lower()}_fail"], EXPECTED[f"{r.code.lower()}_pass"]
        assert fail["violations"], r.code
        assert {v[0] for v in fail["violations"]} == {r.code}
        assert ok["violations"] == []
        assert ok["select"] == "ALL"
    assert set(EXPECTED) == set(CASES)


def test_every_rule_reports_its_own_severity_when_surely_broken() -> None:
    """A rule whose severity is error yields an error in its failing case."""
    for r in rules.registry():
        severities = {v[1] for v in EXPECTED[f"{r.code.lower()}_fail"]["violations"]}
        assert r.severity.value in severities, r.code
        if r.severity is rules.Severity.WARNING:
            assert {"warning"} == severities, r.code


@pytest.mark.parametrize("at", ["2016-01-01", "2017-03-16", "2024-01-01", None])
def test_bundled_example_is_clean(at: str | None) -> None:
    """The LAN MoU 2017 example passes every rule, with no error and no warning."""
    report = rules.check(lan_mou_2017(), at=at)
    assert report.ok
    assert [str(v) for v in report] == []


def test_brief_example_message() -> None:
    """TEN002 renders like the ruff-like example of the issue."""
    report = rules.check(CASES["ten002_fail"](), at="2024-01-01", select="TEN002")
    assert str(report.violations[0]) == (
        "TEN002 error tenure:adi-pj-kepala-lan  Pj. capacity on a position that is not a"
        " regional head (Kepala LAN, Kepala)"
    )
    assert report.violations[0].path == "$.tenures[0].capacity"


def test_ten001_handover_tolerance_is_configurable() -> None:
    """With handover_days=0 the shared inauguration day is an overlap (an error)."""
    ds = CASES["ten001_pass"]()
    assert list(rules.check(ds, at="2024-01-01", select="TEN001")) == []
    report = rules.check(
        ds, at="2024-01-01", select="TEN001", config={"TEN001": {"handover_days": 0}}
    )
    assert [(v.severity.value, v.entity_id) for v in report] == [
        ("error", "tenure:papilaya-pj-wk-ambon"),
        ("error", "tenure:richard-wk-ambon-2017"),
    ]


def test_ten003_max_days_is_configurable() -> None:
    """Papilaya's 291-day Pj. term breaks a 200-day limit and keeps a two-year one."""
    ds = CASES["ten003_pass"]()
    report = rules.check(ds, at="2024-01-01", select="TEN003", config={"TEN003": {"max_days": 200}})
    assert [v.entity_id for v in report] == [
        "tenure:ade-pj-2022",
        "tenure:ade-pj-2023",
        "tenure:papilaya-pj-wk-ambon",
    ]
    report = rules.check(
        CASES["ten003_fail"](),
        at="2024-01-01",
        select="TEN003",
        config={"TEN003": {"max_days": 730}},
    )
    assert list(report) == []


def test_agr005_max_years_is_configurable() -> None:
    """A ten-year MoU passes with max_years=10; a five-year one fails with max_years=4."""
    fail, ok = CASES["agr005_fail"](), CASES["agr005_pass"]()
    assert (
        list(
            rules.check(
                fail, at="2024-01-01", select="AGR005", config={"AGR005": {"max_years": 10}}
            )
        )
        == []
    )
    report = rules.check(ok, at="2024-01-01", select="AGR005", config={"AGR005": {"max_years": 4}})
    assert [v.entity_id for v in report] == [
        "agreement:mou-5y",
        "agreement:mou-leap",
        "agreement:mou-vague",
    ]


def test_ten003_open_term_depends_on_the_day_of_the_check() -> None:
    """An open Pj. term is reported only once it is more than a year old on `at`."""
    ds = CASES["ten003_fail"]()
    early = rules.check(ds, at="2023-05-22", select="TEN003")
    late = rules.check(ds, at="2023-05-23", select="TEN003")
    assert [v.entity_id for v in early] == ["tenure:papilaya-pj-long"]
    assert [v.entity_id for v in late] == ["tenure:ade-pj-open", "tenure:papilaya-pj-long"]


def test_dig003_depends_on_the_day_of_the_check() -> None:
    """Before the off-track measurement exists (as of `at`) the target is on track."""
    ds = CASES["dig003_fail"]()
    assert list(rules.check(ds, at="2021-01-01", select="DIG003")) == []
    assert len(rules.check(ds, at="2023-01-01", select="DIG003")) == 1


def test_registry_describes_every_rule_for_the_docs() -> None:
    """registry().describe() gives code, severity, statement, basis and params of each rule."""
    table = rules.registry().describe()
    codes = [row["code"] for row in table]
    assert sorted(codes) == codes
    assert {"REF", "POS", "TEN", "AGR", "EVT", "DIG", "PER"} == {c[:3] for c in codes}
    for row in table:
        assert row["statement"].startswith(row["summary"])
        assert row["basis"]
        assert row["severity"] in ("error", "warning")
    by_code = {row["code"]: row for row in table}
    assert by_code["TEN003"]["params"] == {"max_days": 365}
    assert by_code["AGR005"]["params"] == {"max_years": 5}
    assert by_code["TEN001"]["params"] == {"handover_days": 1}
    assert "not confirmed" in by_code["AGR005"]["basis"].lower()
    assert "201" in by_code["TEN003"]["basis"]
