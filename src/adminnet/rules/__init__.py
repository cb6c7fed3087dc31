"""Aturan validasi (rules over a whole dataset: the engine and the built-in rules).

Constructors refuse what is impossible in one entity; rules judge a whole
:class:`~adminnet.model.dataset.Dataset` for what is wrong or doubtful across entities
and over time. Every rule has a stable code; :func:`check` runs them and returns a
:class:`Report` of every violation, nothing stopping at the first.

>>> from adminnet import rules
>>> from adminnet.examples import lan_mou_2017
>>> report = rules.check(lan_mou_2017(), at="2017-03-16")
>>> report.ok, len(report.errors)
(True, 0)
>>> print(report.to_text())
All checks passed (20 rules checked at 2017-03-16)
>>> rules.registry().get("TEN002").summary
'Pj. and Pjs. capacities only for regional heads, never with a wakil title.'

Codes by area: ``REF`` references, ``POS`` positions, ``TEN`` tenures, ``AGR``
agreements, ``EVT`` events, ``DIG`` digitalization targets, ``PER`` persons. Select
and ignore by code or prefix, like ruff: ``check(ds, select="TEN", ignore="TEN003")``.
Configure parameters by code: ``check(ds, config={"AGR005": {"max_years": 10}})``.

Imprecise dates: what is surely wrong is reported with the rule's severity (an
error for most rules); what is only possibly wrong (a date known to the year or
month) is a warning. Each rule's statement says how it reads open periods.

Structure (split by noun): ``_rule`` (rules, violations, the context a rule
receives), ``_report`` (the report and its renderings), ``_registry`` (registries
and selection), ``_default`` (the default registry: the one place that imports the
built-in rule modules, which import only ``_rule`` and the helpers below it).

Your own rules: decorate a function of a :class:`RuleContext` with :func:`rule` and
:func:`register` it (or keep it in your own :class:`Registry`)::

    @rules.register
    @rules.rule(code="ORG001", severity="warning", basis="house style")
    def agreements_have_titles(ctx):
        '''Every agreement names a place of signing.'''
        for g in ctx.dataset.agreements:
            if g.place is None:
                yield ctx.violation(g, "no place of signing", field="place")
"""

from __future__ import annotations

from adminnet.rules._default import check, register, registry
from adminnet.rules._registry import Config, Registry, Selection
from adminnet.rules._report import Report
from adminnet.rules._rule import (
    Rule,
    RuleContext,
    RuleError,
    RuleFailure,
    RuleFunction,
    Severity,
    Violation,
    rule,
)

__all__ = [
    "Config",
    "Registry",
    "Report",
    "Rule",
    "RuleContext",
    "RuleError",
    "RuleFailure",
    "RuleFunction",
    "Selection",
    "Severity",
    "Violation",
    "check",
    "register",
    "registry",
    "rule",
]
