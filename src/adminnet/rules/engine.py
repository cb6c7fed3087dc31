"""Mesin aturan (the rule engine): rules, registries, violations and reports.

A :class:`Rule` has a stable code (``TEN002``), a severity, a statement (its
docstring), a legal basis, parameters with defaults, and a function that receives a
:class:`RuleContext` and yields :class:`Violation` objects. :func:`rule` makes one
from a function; a :class:`Registry` holds rules by code (a duplicate code is
refused); :func:`check` runs the selected rules of a registry over a
:class:`~adminnet.model.dataset.Dataset` and returns a :class:`Report`.

>>> from adminnet.model.dataset import Dataset
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
"""

from __future__ import annotations

import html
import inspect
import json
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar, Final, TypeAlias

import attrs
import pendulum

from adminnet._enum import LabeledEnum, labels
from adminnet._validators import raise_for_field, short
from adminnet.errors import (
    AdminnetError,
    ErrorDetail,
    InconsistentData,
    InvalidDataError,
    InvalidFormat,
    UnknownEntity,
)
from adminnet.model._common import check_text, enum_converter, instance_of
from adminnet.model.dataset import Dataset
from adminnet.rules._index import DatasetIndex
from adminnet.time import DateLike, as_date

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

_CODE: Final = re.compile(r"[A-Z]{1,8}[0-9]{3}\Z")
_SELECTOR: Final = re.compile(r"(?:ALL|[A-Z]{1,8}[0-9]{0,3})\Z")
_PARAM_NAME: Final = re.compile(r"[a-z][a-z0-9_]*\Z")


@labels({"error": "Galat", "warning": "Peringatan"})
class Severity(LabeledEnum):
    """Tingkat pelanggaran (severity of a violation: error or warning).

    An *error* is what is surely wrong; a *warning* what is doubtful or only possibly
    wrong (imprecise dates), or wrong only by a configurable convention.
    """

    ERROR = "error"
    WARNING = "warning"


def _to_severity(value: object) -> object:
    """Converter: ``"error"`` / ``"warning"`` become the member."""
    return enum_converter(Severity)(value)


def _check_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _CODE.match(value) is None:
        msg = f"rule code {short(value, 40)} is not 1-8 capital letters and 3 digits (like TEN002)"
        raise_for_field(InvalidFormat(msg, code="rules.invalid_code"), instance, attribute)


@attrs.frozen(order=False)
class Violation:
    """Pelanggaran (one violation of a rule by one entity of a dataset).

    >>> v = Violation("TEN002", "error", "Pj. capacity on a position that is not a"
    ...               " regional head", "tenure:papilaya-pj-ambon", "$.tenures[4].capacity")
    >>> print(v)
    TEN002 error tenure:papilaya-pj-ambon  Pj. capacity on a position that is not a regional head

    Attributes:
        code: The rule's code, e.g. ``"TEN002"``.
        severity: Error or warning.
        message: Short English message naming the entities and quoting the values.
        entity_id: The entity at fault as ``kind:id`` (``"tenure:papilaya-pj-ambon"``;
            ``"measurement:3"`` for the fourth measurement, ``"dataset"`` for the whole).
        path: JSONPath-like location in the dataset document (``"$.tenures[4].capacity"``).
    """

    code: str = attrs.field(validator=_check_code)
    severity: Severity = attrs.field(converter=_to_severity, validator=instance_of(Severity))
    message: str = attrs.field(validator=check_text)
    entity_id: str = attrs.field(validator=check_text)
    path: str = attrs.field(validator=check_text)

    def sort_key(self) -> tuple[str, str, str, str]:
        """Order of a report: entity, code, path, message."""
        return (self.entity_id, self.code, self.path, self.message)

    def to_dict(self) -> dict[str, str]:
        """Plain dict (JSON-ready): code, severity, message, entity_id, path."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "entity_id": self.entity_id,
            "path": self.path,
        }

    def __str__(self) -> str:
        return f"{self.code} {self.severity.value} {self.entity_id}  {self.message}"


class RuleContext:
    """Konteks aturan (what a rule function receives for one run).

    Attributes:
        rule: The rule being run.
        dataset: The dataset checked.
        at: The day of the check (``check(at=...)``, default today in WIB).
        params: The rule's parameters: defaults updated by ``config``.
        index: Shared lookups and groupings over the dataset, built on first use
            (private API: its names may change).
    """

    __slots__ = ("at", "dataset", "index", "params", "rule")

    def __init__(
        self,
        *,
        rule: Rule,
        dataset: Dataset,
        at: pendulum.Date,
        params: Mapping[str, Any],
        index: DatasetIndex,
    ) -> None:
        self.rule = rule
        self.dataset = dataset
        self.at = at
        self.params = params
        self.index = index

    def violation(
        self,
        entity: object | None,
        message: str,
        *,
        field: str | None = None,
        severity: Severity | str | None = None,
    ) -> Violation:
        """A violation of this rule by ``entity`` (``None``: the whole dataset).

        Args:
            entity: An entity of the dataset; its kind, id and index give the
                violation's ``entity_id`` and ``path``.
            message: Short English message.
            field: The field (and sub-path) at fault: ``"capacity"``,
                ``"parties[1].signatory_id"``.
            severity: Overrides the rule's severity (a rule that is an error when
                surely wrong reports a warning when only possibly wrong).
        """
        if entity is None:
            entity_id, path = "dataset", "$"
        else:
            entity_id, path = self.index.locate(entity)
        if field:
            path = f"{path}{field}" if field.startswith("[") else f"{path}.{field}"
        return Violation(
            self.rule.code,
            self.rule.severity if severity is None else severity,
            message,
            entity_id,
            path,
        )

    def error(self, entity: object | None, message: str, *, field: str | None = None) -> Violation:
        """A violation with severity error."""
        return self.violation(entity, message, field=field, severity=Severity.ERROR)

    def warning(
        self, entity: object | None, message: str, *, field: str | None = None
    ) -> Violation:
        """A violation with severity warning."""
        return self.violation(entity, message, field=field, severity=Severity.WARNING)


RuleFunction: TypeAlias = Callable[[RuleContext], Iterable[Violation]]
"""Fungsi aturan (what a rule runs: a function of a :class:`RuleContext` yielding violations)."""

_PARAM_TYPES: Final = (bool, int, float, Decimal, str)


def _to_params(value: object) -> object:
    """Converter: a mapping becomes a read-only copy; other values pass through."""
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value


def _check_params(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Mapping):
        msg = f"rule parameters must be a mapping (got {type(value).__name__})"
        raise_for_field(InvalidFormat(msg, code="rules.invalid_params"), instance, attribute)
    for name, default in value.items():
        if not isinstance(name, str) or _PARAM_NAME.match(name) is None:
            msg = f"rule parameter name {short(name, 40)} is not a snake_case identifier"
            raise_for_field(InvalidFormat(msg, code="rules.invalid_params"), instance, attribute)
        if not isinstance(default, _PARAM_TYPES):
            msg = (
                f"rule parameter {name} default {short(default, 40)} is not a bool, int, float,"
                " Decimal or str"
            )
            raise_for_field(InvalidFormat(msg, code="rules.invalid_params"), instance, attribute)


def _check_callable(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not callable(value):
        msg = f"rule function must be callable (got {type(value).__name__})"
        raise_for_field(InvalidFormat(msg, code="rules.invalid_function"), instance, attribute)


@attrs.frozen(kw_only=True, eq=False)
class Rule:
    """Aturan (a rule over a dataset: code, severity, statement, basis, parameters).

    Usually made with the :func:`rule` decorator. Rules compare by identity.

    Attributes:
        code: Stable code, 1-8 capital letters and 3 digits (``"TEN002"``).
        name: Kebab-case name (``"acting-capacity-misused"``).
        severity: The severity when the rule is surely broken; a rule may also yield
            warnings (where a fact is only possibly wrong).
        summary: One line: the first line of the statement.
        statement: The full statement (the function's docstring): what is checked and
            how imprecise dates are treated.
        basis: The legal basis (or the convention) the rule rests on.
        params: Parameter names and their defaults (read-only).
        function: The function run by :func:`check`.
    """

    code: str = attrs.field(validator=_check_code)
    name: str = attrs.field(validator=check_text)
    severity: Severity = attrs.field(converter=_to_severity, validator=instance_of(Severity))
    summary: str = attrs.field(validator=check_text)
    statement: str = attrs.field(validator=check_text)
    basis: str = attrs.field(validator=check_text)
    params: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_to_params, validator=_check_params
    )
    function: RuleFunction = attrs.field(repr=False, validator=_check_callable)

    def __call__(self, context: RuleContext) -> Iterable[Violation]:
        """Run the rule's function."""
        return self.function(context)

    def to_dict(self) -> dict[str, Any]:
        """Docs data: code, name, severity, summary, statement, basis, params."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "summary": self.summary,
            "statement": self.statement,
            "basis": self.basis,
            "params": {k: _jsonable(v) for k, v in self.params.items()},
        }


def _jsonable(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value


def rule(
    *,
    code: str,
    severity: Severity | str,
    basis: str,
    params: Mapping[str, Any] | None = None,
    name: str | None = None,
) -> Callable[[RuleFunction], Rule]:
    """Aturan baru (decorator: make a :class:`Rule` of a function).

    The function's docstring is the rule's statement (required); its first line is
    the summary. The decorator returns the :class:`Rule`; pass it to
    :func:`register` (or stack ``@register`` on top) to run it in :func:`check`.

    >>> @rule(code="X002", severity="error", basis="house style",
    ...       params={"max_persons": 100})
    ... def few_persons(ctx):
    ...     '''A dataset names at most ``max_persons`` persons.'''
    ...     if len(ctx.dataset.persons) > ctx.params["max_persons"]:
    ...         yield ctx.violation(None, "too many persons")
    >>> few_persons.code, few_persons.name, few_persons.severity.value
    ('X002', 'few-persons', 'error')

    Args:
        code: Stable code, 1-8 capital letters and 3 digits.
        severity: ``Severity.ERROR`` / ``"error"`` or ``Severity.WARNING`` / ``"warning"``.
        basis: The legal basis or convention.
        params: Parameter names and defaults (bool, int, float, Decimal or str).
        name: Kebab-case name; default: the function's name with ``-`` for ``_``.

    Raises:
        InvalidFormat: a malformed code, severity, parameter or a missing docstring.
    """

    def decorate(function: RuleFunction) -> Rule:
        doc = inspect.getdoc(function)
        if not doc:
            msg = f"rule {code} has no docstring (its statement)"
            raise InvalidFormat(msg, code="rules.missing_statement")
        summary = doc.strip().splitlines()[0].strip()
        fname = getattr(function, "__name__", "rule")
        return Rule(
            code=code,
            name=name if name is not None else fname.strip("_").replace("_", "-"),
            severity=severity,
            summary=summary,
            statement=doc.strip(),
            basis=basis,
            params={} if params is None else params,
            function=function,
        )

    return decorate


# --- errors --------------------------------------------------------------------------


class RuleError(InvalidDataError):
    """Pelanggaran aturan (a dataset breaks rules with severity error).

    Raised by :meth:`Report.raise_for_errors`. A :class:`~adminnet.errors.InvalidDataError`
    whose ``errors`` are ``ErrorDetail(path, rule code, "entity: message")``, one per
    error; ``violations`` keeps the violations themselves.

    Args:
        violations: The violations with severity error.
    """

    default_code = "rules.errors"
    default_message = "the dataset breaks rules"

    violations: tuple[Violation, ...]

    def __init__(self, violations: Iterable[Violation], *, code: str | None = None) -> None:
        self.violations = tuple(violations)
        super().__init__(
            [ErrorDetail(v.path, v.code, f"{v.entity_id}: {v.message}") for v in self.violations],
            code=code,
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_rule_error, (self.violations, self.code))


def _rebuild_rule_error(violations: tuple[Violation, ...], code: str) -> RuleError:
    return RuleError(violations, code=code)


class RuleFailure(AdminnetError):
    """Aturan gagal (a rule raised instead of reporting); the cause is chained."""

    default_code = "rules.rule_failed"
    default_message = "a rule failed"


# --- reports -------------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@attrs.frozen(kw_only=True)
class Report:
    """Laporan pemeriksaan (the result of :func:`check`: violations, sorted).

    Iterating yields the violations sorted by entity, then code. ``len()`` counts them,
    so ``bool(report)`` is true when there is any violation: test ``report.ok`` for
    "no errors".

    Attributes:
        violations: Every violation, sorted by entity id, code, path and message.
        at: The day of the check.
        rules: Codes of the rules that were run, sorted.
    """

    violations: tuple[Violation, ...]
    at: pendulum.Date
    rules: tuple[str, ...]

    def __iter__(self) -> Iterator[Violation]:
        return iter(self.violations)

    def __len__(self) -> int:
        return len(self.violations)

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The violations with severity error."""
        return tuple(v for v in self.violations if v.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Violation, ...]:
        """The violations with severity warning."""
        return tuple(v for v in self.violations if v.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """True when no violation is an error (warnings allowed)."""
        return all(v.severity is not Severity.ERROR for v in self.violations)

    def counts(self) -> dict[str, int]:
        """How many violations of each rule code, by code."""
        tally = Counter(v.code for v in self.violations)
        return {code: tally[code] for code in sorted(tally)}

    def summary(self) -> str:
        """The last line of :meth:`to_text`."""
        n_err = len(self.errors)
        n_warn = len(self.violations) - n_err
        checked = f"{_plural(len(self.rules), 'rule')} checked at {self.at.isoformat()}"
        if not self.violations:
            return f"All checks passed ({checked})"
        return f"Found {_plural(n_err, 'error')} and {_plural(n_warn, 'warning')} ({checked})"

    def to_text(self, *, paths: bool = False) -> str:
        """Compact ruff-like text: one line per violation, then a summary line.

        ``TEN002 error tenure:papilaya-pj-ambon  Pj. capacity on ...``; with
        ``paths=True`` each line ends with the path in brackets. No final newline.
        """
        if paths:
            lines = [f"{v}  [{v.path}]" for v in self.violations]
        else:
            lines = [str(v) for v in self.violations]
        lines.append(self.summary())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-ready): at, ok, counts by severity and code, rules, violations."""
        n_err = len(self.errors)
        return {
            "at": self.at.isoformat(),
            "ok": self.ok,
            "errors": n_err,
            "warnings": len(self.violations) - n_err,
            "counts": self.counts(),
            "rules": list(self.rules),
            "violations": [v.to_dict() for v in self.violations],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """JSON text of :meth:`to_dict` (keys in a fixed order, UTF-8 kept as is)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def raise_for_errors(self) -> Report:
        """Raise :class:`RuleError` listing every error; return the report if none.

        Raises:
            RuleError: at least one violation has severity error.
        """
        errors = self.errors
        if errors:
            raise RuleError(errors)
        return self

    def _repr_html_(self) -> str:
        """A small HTML table for notebooks."""
        esc = html.escape
        rows = "".join(
            "<tr>"
            f"<td><code>{esc(v.code)}</code></td><td>{esc(v.severity.value)}</td>"
            f"<td><code>{esc(v.entity_id)}</code></td><td>{esc(v.message)}</td>"
            f"<td><code>{esc(v.path)}</code></td>"
            "</tr>"
            for v in self.violations
        )
        head = (
            "<thead><tr><th>code</th><th>severity</th><th>entity</th><th>message</th>"
            "<th>path</th></tr></thead>"
        )
        caption = f"<caption>{esc(self.summary())}</caption>"
        return f"<table>{caption}{head}<tbody>{rows}</tbody></table>"


# --- registries and selection --------------------------------------------------------

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
        msg = f"{what} must be a code, a prefix or a list of them (got {type(value).__name__})"
        raise InvalidFormat(msg, code="rules.invalid_selector")
    for item in items:
        if not isinstance(item, str) or _SELECTOR.match(item) is None:
            msg = (
                f"{what} selector {short(item, 40)} is not ALL, a rule code or a code prefix"
                " (capital letters, then up to 3 digits)"
            )
            raise InvalidFormat(msg, code="rules.invalid_selector")
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
            msg = f"only a Rule can be registered (got {type(obj).__name__}); use @rule(...)"
            raise InvalidFormat(msg, code="rules.invalid_rule")
        with self._lock:
            if rule.code in self._rules:
                other = self._rules[rule.code]
                msg = f"rule code {rule.code} is taken by {other.name!r}"
                raise InconsistentData(msg, code="rules.duplicate_code")
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
                msg = f"selector {s!r} matches no rule"
                raise UnknownEntity(msg, code="rules.unknown_selector")
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
            msg = f"config must map rule codes to parameters (got {type(config).__name__})"
            raise InvalidFormat(msg, code="rules.invalid_config")
        out: dict[str, dict[str, Any]] = {}
        for code, overrides in config.items():
            r = self.get(code)
            if not isinstance(overrides, Mapping):
                msg = f"config of {code} must map parameter names to values"
                raise InvalidFormat(msg, code="rules.invalid_config")
            for name, value in overrides.items():
                if name not in r.params:
                    known = ", ".join(sorted(r.params)) or "none"
                    msg = f"rule {code} has no parameter {short(name, 40)} (parameters: {known})"
                    raise UnknownEntity(msg, code="rules.unknown_param")
                default = r.params[name]
                if not _param_ok(default, value):
                    msg = (
                        f"parameter {name} of {code} must be {_param_kind(default)}"
                        f" (got {type(value).__name__} {short(value, 40)})"
                    )
                    raise InvalidFormat(msg, code="rules.invalid_param")
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
            msg = f"check needs a Dataset (got {type(obj).__name__})"
            raise InvalidFormat(msg, code="rules.invalid_dataset")
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
    msg = f"no rule with code {short(code, 40)}"
    return UnknownEntity(msg, code="rules.unknown_rule")


def _run(r: Rule, context: RuleContext) -> list[Violation]:
    out: list[Violation] = []
    try:
        for item in r.function(context):
            v: object = item
            if not isinstance(v, Violation):
                msg = f"rule {r.code} yielded {type(v).__name__}, not a Violation"
                raise InvalidFormat(msg, code="rules.invalid_violation")
            if v.code != r.code:
                msg = f"rule {r.code} yielded a violation of another code, {v.code}"
                raise InvalidFormat(msg, code="rules.foreign_code")
            out.append(v)
    except Exception as exc:
        msg = f"rule {r.code} ({r.name}) failed: {type(exc).__name__}: {exc}"
        raise RuleFailure(msg) from exc
    return out


# --- the default registry ------------------------------------------------------------


class _Default:
    registry: ClassVar[Registry | None] = None
    lock: ClassVar[threading.Lock] = threading.Lock()


def _builtin_rules() -> list[Rule]:
    from adminnet.rules import (  # lazy: the built-in rules import this module
        agreements,
        digital,
        events,
        persons,
        positions,
        references,
        tenures,
    )

    modules = (references, positions, tenures, agreements, events, digital, persons)
    return [r for m in modules for r in m.RULES]


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
        msg = f"registry must be a Registry (got {type(chosen).__name__})"
        raise InvalidFormat(msg, code="rules.invalid_registry")
    return chosen.check(dataset, at=at, select=select, ignore=ignore, config=config)


_default_registry = registry
