"""Aturan dan pelanggaran (rules, violations and what a rule function receives).

A :class:`Rule` has a stable code (``TEN002``), a severity, a statement (its
docstring), a legal basis, parameters with defaults, and a function that receives a
:class:`RuleContext` and yields :class:`Violation` objects. :func:`rule` makes one
from a function:

>>> @rule(code="X001", severity="warning", basis="house style")
... def no_persons(ctx):
...     '''A dataset names at least one person.'''
...     if not ctx.dataset.persons:
...         yield ctx.violation(None, "the dataset names no person")
>>> no_persons.code, no_persons.summary
('X001', 'A dataset names at least one person.')

This module is the bottom of :mod:`adminnet.rules`: the built-in rule modules import
it (and nothing above it); :mod:`adminnet.rules._report` and
:mod:`adminnet.rules._registry` build on it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final, TypeAlias

import attrs
import pendulum

from adminnet._enum import LabeledEnum, labels
from adminnet._i18n import render, template_key
from adminnet._validators import raise_for_field, short, wrong_type
from adminnet.errors import (
    AdminnetError,
    ErrorDetail,
    InvalidDataError,
    InvalidFormat,
    plain_params,
)
from adminnet.model._common import check_text, enum_converter, instance_of
from adminnet.model.dataset import Dataset
from adminnet.rules._index import DatasetIndex

__all__ = [
    "Rule",
    "RuleContext",
    "RuleError",
    "RuleFailure",
    "RuleFunction",
    "Severity",
    "Violation",
    "rule",
]

_CODE: Final = re.compile(r"[A-Z]{1,8}[0-9]{3}\Z")
_PARAM_NAME: Final = re.compile(r"[a-z][a-z0-9_]*\Z")


@labels({"error": "Galat", "warning": "Peringatan"})
class Severity(LabeledEnum):
    """Tingkat pelanggaran (severity of a violation: error or warning).

    An *error* is what is surely wrong; a *warning* what is doubtful or only possibly
    wrong (imprecise dates), or wrong only by a configurable convention.
    """

    ERROR = "error"
    WARNING = "warning"


def _to_severity(value: str | Severity) -> Severity:
    """Converter: ``"error"`` / ``"warning"`` become the member."""
    return enum_converter(Severity)(value)


def _check_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _CODE.match(value) is None:
        raise_for_field(
            InvalidFormat(code="rules.invalid_code", params={"value": short(value, 40)}),
            instance,
            attribute,
        )


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
        message: Short message naming the entities and quoting the values, in the
            language current when the rule ran (the catalogue's template of the code).
        entity_id: The entity at fault as ``kind:id`` (``"tenure:papilaya-pj-ambon"``;
            ``"measurement:3"`` for the fourth measurement, ``"dataset"`` for the whole).
        path: JSONPath-like location in the dataset document (``"$.tenures[4].capacity"``).
        params: The named values the message was built from (``str`` or ``int``), for
            applications that word their own messages; not part of equality.
    """

    code: str = attrs.field(validator=_check_code)
    severity: Severity = attrs.field(converter=_to_severity, validator=instance_of(Severity))
    message: str = attrs.field(validator=check_text)
    entity_id: str = attrs.field(validator=check_text)
    path: str = attrs.field(validator=check_text)
    params: Mapping[str, str | int] = attrs.field(
        factory=dict, converter=plain_params, eq=False, kw_only=True
    )

    def sort_key(self) -> tuple[str, str, str, str]:
        """Order of a report: entity, code, path, message."""
        return (self.entity_id, self.code, self.path, self.message)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-ready): code, severity, message, entity_id, path, params."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "entity_id": self.entity_id,
            "path": self.path,
            "params": dict(self.params),
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

    rule: Rule
    dataset: Dataset
    at: pendulum.Date
    params: Mapping[str, Any]
    index: DatasetIndex

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
        message: str | None = None,
        *,
        field: str | None = None,
        severity: Severity | str | None = None,
        params: Mapping[str, object] | None = None,
        variant: str | None = None,
    ) -> Violation:
        """A violation of this rule by ``entity`` (``None``: the whole dataset).

        The message is the catalogue's template of the rule's code (``TEN002``, or
        ``TEN002.variant``) filled with ``params``, in the current language; ``message``
        is the fallback for rules without catalogue entries (your own rules).

        Args:
            entity: An entity of the dataset; its kind, id and index give the
                violation's ``entity_id`` and ``path``.
            message: Short message, used when the catalogue has no template.
            field: The field (and sub-path) at fault: ``"capacity"``,
                ``"parties[1].signatory_id"``.
            severity: Overrides the rule's severity (a rule that is an error when
                surely wrong reports a warning when only possibly wrong).
            params: The named values of the message (``str`` or ``int``).
            variant: Which wording of the rule's code, when it has several.
        """
        if entity is None:
            entity_id, path = "dataset", "$"
        else:
            entity_id, path = self.index.locate(entity)
        if field:
            path = f"{path}{field}" if field.startswith("[") else f"{path}.{field}"
        code = self.rule.code
        plain = plain_params(params or {})
        key = template_key(code, variant)
        return Violation(
            code,
            self.rule.severity if severity is None else severity,
            render(key, plain, message if message is not None else key),
            entity_id,
            path,
            params=plain,
        )

    def error(
        self,
        entity: object | None,
        message: str | None = None,
        *,
        field: str | None = None,
        params: Mapping[str, object] | None = None,
        variant: str | None = None,
    ) -> Violation:
        """A violation with severity error."""
        return self.violation(
            entity, message, field=field, severity=Severity.ERROR, params=params, variant=variant
        )

    def warning(
        self,
        entity: object | None,
        message: str | None = None,
        *,
        field: str | None = None,
        params: Mapping[str, object] | None = None,
        variant: str | None = None,
    ) -> Violation:
        """A violation with severity warning."""
        return self.violation(
            entity, message, field=field, severity=Severity.WARNING, params=params, variant=variant
        )

    def phrase(self, name: str, **params: object) -> str:
        """A piece of a message: the template ``CODE.name`` of this rule, filled in.

        For messages that list several things (``"x from 2016 to 2017; y from ..."``),
        each listed item is a phrase, worded in the current language.
        """
        key = template_key(self.rule.code, name)
        return render(key, params, key)


RuleFunction: TypeAlias = Callable[[RuleContext], Iterable[Violation]]
"""Fungsi aturan (what a rule runs: a function of a :class:`RuleContext` yielding violations)."""

_PARAM_TYPES: Final = (bool, int, float, Decimal, str)


def _to_params(value: Mapping[str, Any]) -> Mapping[str, Any]:
    """Converter: a mapping becomes a read-only copy; other values pass through."""
    raw: object = value
    if isinstance(raw, Mapping):
        return MappingProxyType(dict(raw))
    return value


def _check_params(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Mapping):
        raise_for_field(wrong_type(value, "rules.invalid_params", "type"), instance, attribute)
    for name, default in value.items():
        if not isinstance(name, str) or _PARAM_NAME.match(name) is None:
            raise_for_field(
                InvalidFormat(
                    code="rules.invalid_params", variant="name", params={"value": short(name, 40)}
                ),
                instance,
                attribute,
            )
        if not isinstance(default, _PARAM_TYPES):
            raise_for_field(
                InvalidFormat(
                    code="rules.invalid_params",
                    params={"name": name, "value": short(default, 40)},
                ),
                instance,
                attribute,
            )


def _check_callable(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not callable(value):
        raise_for_field(wrong_type(value, "rules.invalid_function"), instance, attribute)


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
            raise InvalidFormat(code="rules.missing_statement", params={"value": code})
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
            [
                ErrorDetail(v.path, v.code, f"{v.entity_id}: {v.message}", params=v.params)
                for v in self.violations
            ],
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
