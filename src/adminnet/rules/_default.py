"""Daftar aturan bawaan (the default registry: the built-in rules, in one place).

This is the one module that imports the built-in rule modules
(:mod:`~adminnet.rules.references`, :mod:`~adminnet.rules.tenures`, ...); they import
only :mod:`adminnet.rules._rule` and the private helpers below it, so nothing imports
back up here.

>>> len(registry()) >= 20, registry().get("TEN002").severity.value
(True, 'error')
"""

from __future__ import annotations

import threading
from typing import ClassVar, Final

from adminnet.errors import InvalidFormat
from adminnet.model.dataset import Dataset
from adminnet.rules import agreements, digital, events, persons, positions, references, tenures
from adminnet.rules._registry import Config, Registry, Selection
from adminnet.rules._report import Report
from adminnet.rules._rule import Rule
from adminnet.time import DateLike

__all__ = ["check", "register", "registry"]

_MODULES: Final = (references, positions, tenures, agreements, events, digital, persons)
"""The built-in rule modules, each with its ``RULES`` tuple, in report-doc order."""


class _Default:
    registry: ClassVar[Registry | None] = None
    lock: ClassVar[threading.Lock] = threading.Lock()


def _builtin_rules() -> list[Rule]:
    return [r for m in _MODULES for r in m.RULES]


def registry() -> Registry:
    """Daftar aturan bawaan (the default registry: the built-in rules and yours).

    The same object on every call; :func:`register` adds to it. Use
    ``registry().describe()`` for every rule's code, severity, statement and basis.
    """
    found = _Default.registry
    if found is not None:
        return found
    with _Default.lock:
        if _Default.registry is None:
            _Default.registry = Registry(_builtin_rules())
        return _Default.registry


def register(rule: Rule) -> Rule:
    """Daftarkan aturan (add a rule to the default registry; usable as a decorator).

    Raises:
        InvalidFormat: not a :class:`Rule`.
        InconsistentData: the code is taken (``rules.duplicate_code``).
    """
    return registry().register(rule)


def check(
    dataset: Dataset,
    *,
    at: DateLike | None = None,
    select: Selection = None,
    ignore: Selection = None,
    config: Config = None,
    registry: Registry | None = None,
) -> Report:
    """Periksa himpunan data (run the rules over a dataset and report every violation).

    Args:
        dataset: The dataset to check.
        at: The day of the check, for rules that look at "now" (an open Pj. term,
            whether a target is on track); default today in Asia/Jakarta.
        select: Codes or prefixes to run (``"TEN"``, ``["REF", "AGR005"]``,
            ``"TEN,AGR"``); default ``"ALL"``.
        ignore: Codes or prefixes not to run; the more specific selector wins.
        config: Parameter overrides by rule code: ``{"AGR005": {"max_years": 10}}``.
        registry: The rules to choose from; default :func:`registry`.

    Raises:
        InvalidFormat: not a Dataset, a malformed date, selector, config or value.
        UnknownEntity: a selector, rule code or parameter that does not exist.
        RuleFailure: a rule raised instead of reporting (a bug in that rule).
    """
    chosen: object = _default_registry() if registry is None else registry
    if not isinstance(chosen, Registry):
        raise InvalidFormat(code="rules.invalid_registry", params={"type": type(chosen).__name__})
    return chosen.check(dataset, at=at, select=select, ignore=ignore, config=config)


_default_registry = registry
