"""Daftar aturan (registries of rules, selection by code and prefix, running them).

A :class:`Registry` holds rules by code (a duplicate code is refused);
:meth:`Registry.check` runs the selected rules over a
:class:`~adminnet.model.dataset.Dataset` and returns a :class:`Report`.

>>> from adminnet.model.dataset import Dataset
>>> from adminnet.rules._rule import rule
>>> @rule(code="X001", severity="warning", basis="house style")
... def no_persons(ctx):
...     '''A dataset names at least one person.'''
...     if not ctx.dataset.persons:
...         yield ctx.violation(None, "the dataset names no person")
>>> report = Registry([no_persons]).check(Dataset(), at="2017-03-16")
>>> print(report.to_text())
X001 warning dataset  the dataset names no person
Found 0 errors and 1 warning (1 rule checked at 2017-03-16)
>>> report.ok
True

Selection works like ruff's: ``select`` and ``ignore`` take exact codes or prefixes
(``"TEN"``, ``"TEN00"``, ``"TEN002"``) or ``"ALL"``; when both match a rule, the more
specific (longer) selector wins, and on a tie ``ignore`` wins.

The default registry of the built-in rules lives in :mod:`adminnet.rules._default`,
the one module that imports the built-in rule modules.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final, TypeAlias

from adminnet._validators import short
from adminnet.errors import InconsistentData, InvalidFormat, UnknownEntity
from adminnet.model.dataset import Dataset
from adminnet.rules._index import DatasetIndex
from adminnet.rules._report import Report
from adminnet.rules._rule import Rule, RuleContext, RuleFailure, Violation
from adminnet.time import DateLike, as_date

__all__ = ["Config", "Registry", "Selection"]

_SELECTOR: Final = re.compile(r"(?:ALL|[A-Z]{1,8}[0-9]{0,3})\Z")

Selection: TypeAlias = "str | Iterable[str] | None"
"""Pemilih aturan (a code, prefix or ``"ALL"``; a comma-separated list; or several)."""
Config: TypeAlias = "Mapping[str, Mapping[str, Any]] | None"
"""Konfigurasi aturan (parameter overrides by code: ``{"TEN003": {"max_days": 730}}``)."""


def _selectors(value: object, what: str) -> tuple[str, ...]:
    items: list[object]
    if value is None:
        return ()
    if isinstance(value, str):
        items = [part.strip() for part in value.split(",")]
    elif isinstance(value, Iterable) and not isinstance(value, bytes | bytearray | Mapping):
        items = list(value)
    else:
        raise InvalidFormat(
            code="rules.invalid_selector",
            variant="type",
            params={"what": what, "type": type(value).__name__},
        )
    for item in items:
        if not isinstance(item, str) or _SELECTOR.match(item) is None:
            raise InvalidFormat(
                code="rules.invalid_selector", params={"what": what, "value": short(item, 40)}
            )
    return tuple(str(i) for i in items)


def _specificity(selectors: tuple[str, ...], code: str) -> int:
    best = -1
    for s in selectors:
        if s == "ALL":
            best = max(best, 0)
        elif code.startswith(s):
            best = max(best, len(s))
    return best


def _param_ok(default: object, value: object) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return type(default) is type(value)
    if isinstance(default, str):
        return isinstance(value, str)
    if isinstance(default, int):
        ok = type(value) is int
    elif isinstance(default, float):
        ok = type(value) in (int, float) and math.isfinite(value)  # type: ignore[arg-type]
    else:  # Decimal
        ok = type(value) in (int, Decimal) and Decimal(value).is_finite()  # type: ignore[arg-type]
    return ok and value >= 0  # type: ignore[operator]


def _param_kind(default: object) -> str:
    if isinstance(default, bool):
        return "a bool"
    if isinstance(default, str):
        return "a str"
    if isinstance(default, int):
        return "an int >= 0"
    if isinstance(default, float):
        return "a finite number >= 0"
    return "a finite Decimal or int >= 0"


class Registry:
    """Daftar aturan (a set of rules by code; a duplicate code is refused).

    Iterating yields the rules sorted by code.

    >>> from adminnet.rules import registry
    >>> len(registry()) >= 20, registry().get("TEN002").severity.value
    (True, 'error')

    Args:
        rules: Rules to start with.

    Raises:
        InconsistentData: two rules share a code (``rules.duplicate_code``).
    """

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        self._lock = threading.Lock()
        for r in rules:
            self.register(r)

    def register(self, rule: Rule) -> Rule:
        """Add a rule and return it (usable as a decorator above ``@rule``).

        Raises:
            InvalidFormat: not a :class:`Rule` (``rules.invalid_rule``).
            InconsistentData: the code is taken (``rules.duplicate_code``).
        """
        obj: object = rule
        if not isinstance(obj, Rule):
            raise InvalidFormat(code="rules.invalid_rule", params={"type": type(obj).__name__})
        with self._lock:
            if rule.code in self._rules:
                other = self._rules[rule.code]
                raise InconsistentData(
                    code="rules.duplicate_code", params={"value": rule.code, "name": other.name}
                )
            self._rules[rule.code] = rule
        return rule

    def unregister(self, code: str) -> Rule:
        """Remove the rule with this code and return it.

        Raises:
            UnknownEntity: no rule has this code.
        """
        with self._lock:
            found = self._rules.pop(code, None) if isinstance(code, str) else None
        if found is None:
            raise _unknown_rule(code)
        return found

    def get(self, code: str) -> Rule:
        """The rule with this code.

        Raises:
            UnknownEntity: no rule has this code (``rules.unknown_rule``).
        """
        found = self._rules.get(code) if isinstance(code, str) else None
        if found is None:
            raise _unknown_rule(code)
        return found

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter([self._rules[c] for c in sorted(self._rules)])

    def __len__(self) -> int:
        return len(self._rules)

    def __repr__(self) -> str:
        return f"Registry({len(self)} rules)"

    def copy(self) -> Registry:
        """A new registry with the same rules."""
        return Registry(self)

    def describe(self) -> list[dict[str, Any]]:
        """Docs data: :meth:`Rule.to_dict` of every rule, sorted by code."""
        return [r.to_dict() for r in self]

    def select(self, select: Selection = None, ignore: Selection = None) -> tuple[Rule, ...]:
        """The rules enabled by ``select`` (default ``"ALL"``) minus ``ignore``.

        The more specific (longer) matching selector wins; on a tie, ``ignore`` wins.

        Raises:
            InvalidFormat: a selector is malformed (``rules.invalid_selector``).
            UnknownEntity: a selector matches no rule (``rules.unknown_selector``).
        """
        chosen = ("ALL",) if select is None else _selectors(select, "select")
        dropped = _selectors(ignore, "ignore")
        codes = sorted(self._rules)
        for s in (*chosen, *dropped):
            if s != "ALL" and not any(c.startswith(s) for c in codes):
                raise UnknownEntity(code="rules.unknown_selector", params={"value": s})
        out = []
        for c in codes:
            want = _specificity(chosen, c)
            if want >= 0 and want > _specificity(dropped, c):
                out.append(self._rules[c])
        return tuple(out)

    def _resolve_config(self, config: object) -> dict[str, dict[str, Any]]:
        if config is None:
            return {}
        if not isinstance(config, Mapping):
            raise InvalidFormat(
                code="rules.invalid_config", variant="type", params={"type": type(config).__name__}
            )
        out: dict[str, dict[str, Any]] = {}
        for code, overrides in config.items():
            r = self.get(code)
            if not isinstance(overrides, Mapping):
                raise InvalidFormat(code="rules.invalid_config", params={"value": code})
            for name, value in overrides.items():
                if name not in r.params:
                    known = ", ".join(sorted(r.params)) or "none"
                    raise UnknownEntity(
                        code="rules.unknown_param",
                        params={"rule": code, "value": short(name, 40), "known": known},
                    )
                default = r.params[name]
                if not _param_ok(default, value):
                    raise InvalidFormat(
                        code="rules.invalid_param",
                        params={
                            "name": name,
                            "rule": code,
                            "expected": _param_kind(default),
                            "type": type(value).__name__,
                            "value": short(value, 40),
                        },
                    )
            out[code] = dict(overrides)
        return out

    def check(
        self,
        dataset: Dataset,
        *,
        at: DateLike | None = None,
        select: Selection = None,
        ignore: Selection = None,
        config: Config = None,
    ) -> Report:
        """Run the selected rules of this registry; see :func:`check`."""
        obj: object = dataset
        if not isinstance(obj, Dataset):
            raise InvalidFormat(code="rules.invalid_dataset", params={"type": type(obj).__name__})
        day = as_date(at, what="at")
        overrides = self._resolve_config(config)
        rules = self.select(select, ignore)
        index = DatasetIndex(dataset)
        found: list[Violation] = []
        for r in rules:
            params = MappingProxyType({**r.params, **overrides.get(r.code, {})})
            context = RuleContext(rule=r, dataset=dataset, at=day, params=params, index=index)
            found.extend(_run(r, context))
        found.sort(key=Violation.sort_key)
        return Report(violations=tuple(found), at=day, rules=tuple(r.code for r in rules))


def _unknown_rule(code: object) -> UnknownEntity:
    return UnknownEntity(code="rules.unknown_rule", params={"value": short(code, 40)})


def _run(r: Rule, context: RuleContext) -> list[Violation]:
    out: list[Violation] = []
    try:
        for item in r.function(context):
            v: object = item
            if not isinstance(v, Violation):
                raise InvalidFormat(
                    code="rules.invalid_violation",
                    params={"rule": r.code, "type": type(v).__name__},
                )
            if v.code != r.code:
                raise InvalidFormat(
                    code="rules.foreign_code", params={"rule": r.code, "value": v.code}
                )
            out.append(v)
    except Exception as exc:
        raise RuleFailure(
            code="rules.rule_failed",
            params={"rule": r.code, "name": r.name, "type": type(exc).__name__, "reason": str(exc)},
        ) from exc
    return out
