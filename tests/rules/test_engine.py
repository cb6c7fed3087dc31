"""The rule engine: rules, registries, selection, configuration, reports, errors."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator

import pytest

from adminnet import rules
from adminnet.errors import (
    AdminnetError,
    InconsistentData,
    InvalidComponent,
    InvalidDataError,
    InvalidFormat,
    UnknownEntity,
)
from adminnet.model.agency import Agency
from adminnet.model.dataset import Dataset
from adminnet.model.person import Person
from adminnet.rules import Registry, Report, Rule, RuleContext, Severity, Violation, rule

from .cases import LAN, PANRB, make

# --- helpers -------------------------------------------------------------------------


def _make_rule(code: str, severity: str = "error", **params: object) -> Rule:
    @rule(code=code, severity=severity, basis="test", params=params)
    def per_agency(ctx: RuleContext) -> Iterator[Violation]:
        """Every agency is reported once."""
        for a in ctx.dataset.agencies:
            yield ctx.violation(a, f"{ctx.rule.code} saw {a.id}", field="name")

    return per_agency


def _registry(*codes: str) -> Registry:
    return Registry(_make_rule(c) for c in codes)


DS = make(LAN, PANRB)


# --- violations ----------------------------------------------------------------------


def test_violation_positional_and_text() -> None:
    """Violation(code, severity, message, entity_id, path) renders ruff-like."""
    v = Violation("TEN002", "error", "message here", "tenure:x", "$.tenures[0].capacity")
    assert v.severity is Severity.ERROR
    assert str(v) == "TEN002 error tenure:x  message here"
    assert v.to_dict() == {
        "code": "TEN002",
        "severity": "error",
        "message": "message here",
        "entity_id": "tenure:x",
        "path": "$.tenures[0].capacity",
        "params": {},
    }


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("ten002", "error", "m", "e", "$"), "rules.invalid_code"),
        (("TEN2", "error", "m", "e", "$"), "rules.invalid_code"),
        ((None, "error", "m", "e", "$"), "rules.invalid_code"),
        (("TEN002", "fatal", "m", "e", "$"), "enum.invalid"),
        (("TEN002", "error", "", "e", "$"), "text.empty"),
        (("TEN002", "error", "m", 3, "$"), "type.invalid"),
    ],
)
def test_violation_refuses_bad_values(args: tuple[object, ...], code: str) -> None:
    """A malformed violation is an adminnet error with a stable code."""
    with pytest.raises((InvalidFormat, InvalidComponent)) as info:
        Violation(*args)  # type: ignore[arg-type]
    assert info.value.code == code


def test_severity_labels() -> None:
    """Severities carry Indonesian labels."""
    assert (Severity.ERROR.label, Severity.WARNING.label) == ("Galat", "Peringatan")


# --- rules ---------------------------------------------------------------------------


def test_rule_decorator_builds_a_rule() -> None:
    """@rule takes the statement from the docstring and the name from the function."""
    r = _make_rule("ORG001", "warning", limit=3)
    assert isinstance(r, Rule)
    assert (r.code, r.name, r.severity) == ("ORG001", "per-agency", Severity.WARNING)
    assert r.summary == "Every agency is reported once."
    assert dict(r.params) == {"limit": 3}
    with pytest.raises(TypeError):
        r.params["limit"] = 4  # type: ignore[index]
    assert r.to_dict()["params"] == {"limit": 3}


def test_rule_without_docstring_is_refused() -> None:
    """A rule must state itself."""
    with pytest.raises(InvalidFormat) as info:

        @rule(code="ORG001", severity="error", basis="test")
        def silent(ctx: RuleContext) -> Iterator[Violation]:
            yield from ()

    assert info.value.code == "rules.missing_statement"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"code": "org001", "severity": "error"}, "rules.invalid_code"),
        ({"code": "ORG1", "severity": "error"}, "rules.invalid_code"),
        ({"code": "ORG001", "severity": "fatal"}, "enum.invalid"),
        ({"code": "ORG001", "severity": "error", "params": {"x": [1]}}, "rules.invalid_params"),
        ({"code": "ORG001", "severity": "error", "params": {"Bad": 1}}, "rules.invalid_params"),
        ({"code": "ORG001", "severity": "error", "basis": ""}, "text.empty"),
    ],
)
def test_rule_decorator_refuses_bad_arguments(kwargs: dict[str, object], code: str) -> None:
    """Malformed codes, severities, parameters and bases are adminnet errors."""
    kwargs.setdefault("basis", "test")

    def fn(ctx: RuleContext) -> Iterator[Violation]:
        """Doc."""
        yield from ()

    with pytest.raises((InvalidFormat, InvalidComponent)) as info:
        rule(**kwargs)(fn)  # type: ignore[arg-type]
    assert info.value.code == code


# --- registries ----------------------------------------------------------------------


def test_registry_basics() -> None:
    """A registry holds rules by code, sorted; get/unregister/contains/copy work."""
    reg = _registry("BBB001", "AAA001")
    assert [r.code for r in reg] == ["AAA001", "BBB001"]
    assert len(reg) == 2
    assert "AAA001" in reg
    assert 42 not in reg
    assert reg.get("AAA001").code == "AAA001"
    copy = reg.copy()
    reg.unregister("AAA001")
    assert "AAA001" not in reg
    assert "AAA001" in copy
    assert repr(reg) == "Registry(1 rules)"
    with pytest.raises(UnknownEntity) as info:
        reg.get("AAA001")
    assert info.value.code == "rules.unknown_rule"
    with pytest.raises(UnknownEntity):
        reg.unregister("AAA001")
    with pytest.raises(UnknownEntity):
        reg.get(None)  # type: ignore[arg-type]


def test_duplicate_codes_are_refused() -> None:
    """A second rule with a taken code is an InconsistentData error."""
    reg = _registry("AAA001")
    with pytest.raises(InconsistentData) as info:
        reg.register(_make_rule("AAA001"))
    assert info.value.code == "rules.duplicate_code"
    with pytest.raises(InconsistentData):
        Registry([_make_rule("AAA001"), _make_rule("AAA001")])
    with pytest.raises(InconsistentData):
        rules.register(_make_rule("TEN002"))


def test_only_rules_register() -> None:
    """Registering a plain function is an InvalidFormat error."""
    with pytest.raises(InvalidFormat) as info:
        Registry().register(lambda ctx: ())  # type: ignore[arg-type]
    assert info.value.code == "rules.invalid_rule"


def test_user_rule_in_the_default_registry() -> None:
    """A registered user rule runs in check() next to the built-ins, and can be removed."""

    @rules.register
    @rule(code="ORG901", severity="warning", basis="house style")
    def place_recorded(ctx: RuleContext) -> Iterator[Violation]:
        """Every agreement names its place of signing."""
        for g in ctx.dataset.agreements:
            if g.place is None:
                yield ctx.violation(g, "no place of signing", field="place")

    try:
        from .cases import CASES

        report = rules.check(CASES["agr005_pass"](), at="2024-01-01")
        assert "ORG901" in report.rules
        assert [str(v) for v in report][:1] == [
            "ORG901 warning agreement:mou-5y  no place of signing"
        ]
        assert report.violations[0].path == "$.agreements[0].place"
        assert report.ok
        assert rules.registry().get("ORG901") is place_recorded
    finally:
        rules.registry().unregister("ORG901")
    assert "ORG901" not in rules.registry()


# --- selection -----------------------------------------------------------------------

_SEL = ("AAA001", "AAA002", "AAB001", "BBB010")


@pytest.mark.parametrize(
    ("select", "ignore", "codes"),
    [
        (None, None, list(_SEL)),
        ("ALL", None, list(_SEL)),
        ("AAA", None, ["AAA001", "AAA002"]),
        ("AA", None, ["AAA001", "AAA002", "AAB001"]),
        ("AAA002", None, ["AAA002"]),
        (["AAB", "BBB"], None, ["AAB001", "BBB010"]),
        ("AAB, BBB010", None, ["AAB001", "BBB010"]),
        (None, "AAA", ["AAB001", "BBB010"]),
        ("AA", "AAA002", ["AAA001", "AAB001"]),
        ("AAA002", "AAA", ["AAA002"]),  # the more specific select wins
        ("AAA", "AAA", []),  # a tie: ignore wins
        ("ALL", "ALL", []),
        ([], None, []),
        ("BBB01", None, ["BBB010"]),
    ],
)
def test_select_and_ignore(select: object, ignore: object, codes: list[str]) -> None:
    """Selectors are codes or prefixes; the most specific one decides, ignore on a tie."""
    reg = _registry(*_SEL)
    assert [r.code for r in reg.select(select, ignore)] == codes  # type: ignore[arg-type]
    report = reg.check(DS, at="2020-01-01", select=select, ignore=ignore)  # type: ignore[arg-type]
    assert list(report.rules) == codes
    assert sorted({v.code for v in report}) == codes


@pytest.mark.parametrize(
    ("select", "code"),
    [
        ("aaa", "rules.invalid_selector"),
        ("AAA0011", "rules.invalid_selector"),
        ("", "rules.invalid_selector"),
        (42, "rules.invalid_selector"),
        ([42], "rules.invalid_selector"),
        (b"AAA", "rules.invalid_selector"),
    ],
)
def test_malformed_selectors(select: object, code: str) -> None:
    """A malformed selector is an InvalidFormat error."""
    with pytest.raises(InvalidFormat) as info:
        _registry(*_SEL).select(select)  # type: ignore[arg-type]
    assert info.value.code == code
    with pytest.raises(InvalidFormat):
        _registry(*_SEL).select(None, select)  # type: ignore[arg-type]


def test_unknown_selectors() -> None:
    """A selector that matches no rule is an UnknownEntity error (a typo guard)."""
    with pytest.raises(UnknownEntity) as info:
        _registry(*_SEL).select("ZZZ")
    assert info.value.code == "rules.unknown_selector"
    with pytest.raises(UnknownEntity):
        rules.check(DS, ignore="TEN009")


def test_builtin_prefix_selection() -> None:
    """check(select="TEN", ignore="TEN003") runs the other tenure rules."""
    report = rules.check(DS, at="2020-01-01", select="TEN", ignore="TEN003")
    assert report.rules == ("TEN001", "TEN002", "TEN004")


# --- configuration -------------------------------------------------------------------


def test_config_overrides_parameters_of_one_rule() -> None:
    """config maps a code to overrides; the rule sees them in ctx.params, others don't."""
    seen: dict[str, object] = {}

    def make_rule(code: str) -> Rule:
        @rule(code=code, severity="error", basis="test", params={"limit": 3, "ratio": 0.5})
        def spy(ctx: RuleContext) -> Iterator[Violation]:
            """Records its parameters."""
            seen[ctx.rule.code] = dict(ctx.params)
            with pytest.raises(TypeError):
                ctx.params["limit"] = 0  # type: ignore[index]
            yield from ()

        return spy

    reg = Registry([make_rule("AAA001"), make_rule("AAA002")])
    reg.check(DS, at="2020-01-01", config={"AAA001": {"limit": 7, "ratio": 2}})
    assert seen == {
        "AAA001": {"limit": 7, "ratio": 2},
        "AAA002": {"limit": 3, "ratio": 0.5},
    }
    reg.check(DS, at="2020-01-01")
    assert seen["AAA001"] == {"limit": 3, "ratio": 0.5}


@pytest.mark.parametrize(
    ("config", "error", "code"),
    [
        ({"ZZZ001": {}}, UnknownEntity, "rules.unknown_rule"),
        ({"TEN003": {"max_day": 10}}, UnknownEntity, "rules.unknown_param"),
        ({"TEN003": {"max_days": "10"}}, InvalidFormat, "rules.invalid_param"),
        ({"TEN003": {"max_days": True}}, InvalidFormat, "rules.invalid_param"),
        ({"TEN003": {"max_days": 1.5}}, InvalidFormat, "rules.invalid_param"),
        ({"TEN003": {"max_days": -1}}, InvalidFormat, "rules.invalid_param"),
        ({"TEN003": 10}, InvalidFormat, "rules.invalid_config"),
        ([("TEN003", {})], InvalidFormat, "rules.invalid_config"),
    ],
)
def test_bad_config(config: object, error: type[AdminnetError], code: str) -> None:
    """Unknown codes and parameters, and values of the wrong type, are adminnet errors."""
    with pytest.raises(error) as info:
        rules.check(DS, at="2020-01-01", config=config)  # type: ignore[arg-type]
    assert info.value.code == code


def test_float_and_decimal_parameters() -> None:
    """Float parameters take ints; non-finite values are refused."""
    reg = Registry([_make_rule("AAA001", ratio=0.5)])
    reg.check(DS, at="2020-01-01", config={"AAA001": {"ratio": 1}})
    with pytest.raises(InvalidFormat):
        reg.check(DS, at="2020-01-01", config={"AAA001": {"ratio": float("nan")}})


# --- running -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "code"),
    [
        ({"dataset": None}, InvalidFormat, "rules.invalid_dataset"),
        ({"dataset": {"agencies": []}}, InvalidFormat, "rules.invalid_dataset"),
        ({"at": "16/03/2017"}, InvalidFormat, "date.invalid_format"),
        ({"at": 2017}, InvalidFormat, "date.invalid_type"),
        ({"registry": [1]}, InvalidFormat, "rules.invalid_registry"),
    ],
)
def test_bad_check_arguments(kwargs: dict[str, object], error: type[Exception], code: str) -> None:
    """Bad arguments to check() are adminnet errors with stable codes."""
    args: dict[str, object] = {"dataset": DS, **kwargs}
    with pytest.raises(error) as info:
        rules.check(**args)  # type: ignore[arg-type]
    assert info.value.code == code  # type: ignore[attr-defined]


def test_a_crashing_rule_is_a_rule_failure() -> None:
    """A rule that raises is reported as RuleFailure, its cause chained."""

    @rule(code="BAD001", severity="error", basis="test")
    def crash(ctx: RuleContext) -> Iterator[Violation]:
        """Crashes."""
        yield from ()
        key = "boom"
        raise KeyError(key)

    with pytest.raises(rules.RuleFailure) as info:
        Registry([crash]).check(DS, at="2020-01-01")
    assert info.value.code == "rules.rule_failed"
    assert isinstance(info.value.__cause__, KeyError)
    assert "BAD001" in str(info.value)


def test_a_rule_must_yield_its_own_violations() -> None:
    """Yielding junk, or a violation of another code, is a RuleFailure."""

    @rule(code="BAD002", severity="error", basis="test")
    def junk(ctx: RuleContext) -> Iterator[Violation]:
        """Yields a string."""
        yield "oops"  # type: ignore[misc]

    @rule(code="BAD003", severity="error", basis="test")
    def foreign(ctx: RuleContext) -> Iterator[Violation]:
        """Yields another code."""
        yield Violation("TEN001", "error", "m", "dataset", "$")

    for bad, code in ((junk, "rules.invalid_violation"), (foreign, "rules.foreign_code")):
        with pytest.raises(rules.RuleFailure) as info:
            Registry([bad]).check(DS, at="2020-01-01")
        assert isinstance(info.value.__cause__, InvalidFormat)
        assert info.value.__cause__.code == code


def test_context_locates_entities() -> None:
    """ctx.violation gives kind:id and the path with the field, or the whole dataset."""
    catalog_only = Agency(
        id="bkn", name="Badan Kepegawaian Negara", kind="lembaga_pemerintah_nonkementerian"
    )
    ds = make(LAN, PANRB, Person(id="p", name="Budi"))

    @rule(code="LOC001", severity="warning", basis="test")
    def locate(ctx: RuleContext) -> Iterator[Violation]:
        """Locates things."""
        yield ctx.violation(None, "whole")
        yield ctx.error(ctx.dataset.agencies[1], "second agency", field="other_names[0]")
        yield ctx.warning(ctx.dataset.persons[0], "person")
        yield ctx.violation(catalog_only, "not in the dataset")
        yield ctx.violation(ctx.dataset.persons[0], "indexed", field="[0]")

    got = [
        (v.severity.value, v.entity_id, v.path)
        for v in Registry([locate]).check(ds, at="2020-01-01")
    ]
    assert got == [
        ("warning", "agency:bkn", "$"),
        ("error", "agency:kemenpanrb", "$.agencies[1].other_names[0]"),
        ("warning", "dataset", "$"),
        ("warning", "person:p", "$.persons[0]"),
        ("warning", "person:p", "$.persons[0][0]"),
    ]


# --- reports -------------------------------------------------------------------------


def _report() -> Report:
    reg = Registry([_make_rule("AAA001"), _make_rule("AAB001", "warning")])
    return reg.check(DS, at="2017-03-16")


def test_report_is_sorted_by_entity_then_code() -> None:
    """Iteration yields violations by entity id, then code."""
    report = _report()
    assert [(v.entity_id, v.code) for v in report] == [
        ("agency:kemenpanrb", "AAA001"),
        ("agency:kemenpanrb", "AAB001"),
        ("agency:lan", "AAA001"),
        ("agency:lan", "AAB001"),
    ]
    assert len(report) == 4


def test_report_counts_and_status() -> None:
    """errors, warnings, ok and counts() agree."""
    report = _report()
    assert [v.code for v in report.errors] == ["AAA001", "AAA001"]
    assert [v.code for v in report.warnings] == ["AAB001", "AAB001"]
    assert not report.ok
    assert report.counts() == {"AAA001": 2, "AAB001": 2}
    warnings_only = Registry([_make_rule("AAB001", "warning")]).check(DS, at="2017-03-16")
    assert warnings_only.ok
    assert warnings_only.raise_for_errors() is warnings_only
    clean = Registry().check(Dataset(), at="2017-03-16")
    assert clean.ok
    assert len(clean) == 0
    assert clean.to_text() == "All checks passed (0 rules checked at 2017-03-16)"


def test_report_text() -> None:
    """to_text: one ruff-like line per violation, then the summary; paths on request."""
    report = _report()
    assert report.to_text().splitlines() == [
        "AAA001 error agency:kemenpanrb  AAA001 saw kemenpanrb",
        "AAB001 warning agency:kemenpanrb  AAB001 saw kemenpanrb",
        "AAA001 error agency:lan  AAA001 saw lan",
        "AAB001 warning agency:lan  AAB001 saw lan",
        "Found 2 errors and 2 warnings (2 rules checked at 2017-03-16)",
    ]
    assert report.to_text(paths=True).splitlines()[0] == (
        "AAA001 error agency:kemenpanrb  AAA001 saw kemenpanrb  [$.agencies[1].name]"
    )


def test_report_dict_and_json() -> None:
    """to_dict / to_json carry the day, status, counts, rules and violations."""
    report = _report()
    data = report.to_dict()
    assert list(data) == ["at", "ok", "errors", "warnings", "counts", "rules", "violations"]
    assert (data["at"], data["ok"], data["errors"], data["warnings"]) == (
        "2017-03-16",
        False,
        2,
        2,
    )
    assert data["rules"] == ["AAA001", "AAB001"]
    assert data["violations"][0] == {
        "code": "AAA001",
        "severity": "error",
        "message": "AAA001 saw kemenpanrb",
        "entity_id": "agency:kemenpanrb",
        "path": "$.agencies[1].name",
        "params": {},
    }
    assert json.loads(report.to_json()) == data
    assert "\n" not in report.to_json(indent=None)


def test_raise_for_errors() -> None:
    """raise_for_errors raises RuleError, an InvalidDataError listing every error."""
    report = _report()
    with pytest.raises(rules.RuleError) as info:
        report.raise_for_errors()
    err = info.value
    assert isinstance(err, InvalidDataError)
    assert isinstance(err, ValueError)
    assert err.code == "rules.errors"
    assert [(d.path, d.code, d.message) for d in err.errors] == [
        ("$.agencies[1].name", "AAA001", "agency:kemenpanrb: AAA001 saw kemenpanrb"),
        ("$.agencies[0].name", "AAA001", "agency:lan: AAA001 saw lan"),
    ]
    assert err.violations == report.errors
    assert str(err).splitlines()[0] == (
        "$.agencies[1].name  AAA001  agency:kemenpanrb: AAA001 saw kemenpanrb"
    )
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is rules.RuleError
    assert again.violations == err.violations


def test_report_html() -> None:
    """_repr_html_ is a small escaped table."""

    @rule(code="HTM001", severity="error", basis="test")
    def angle(ctx: RuleContext) -> Iterator[Violation]:
        """Angles."""
        yield ctx.violation(None, "a <b> & c")

    out = Registry([angle]).check(DS, at="2017-03-16")._repr_html_()
    assert out.startswith("<table><caption>Found 1 error and 0 warnings")
    assert "a &lt;b&gt; &amp; c" in out
    assert out.count("<tr>") == 2
