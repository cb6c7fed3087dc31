"""Private: every validator error of a record that failed to construct.

When a constructor stops at its first failure, this pass reuses the values already
structured and runs each field's validator once, so a report lists every problem.
"""

from __future__ import annotations

from typing import Any

import attrs
import cattrs

from adminnet.errors import (
    AdminnetError,
)
from adminnet.serialization._errors import (
    attribute_note,
)


def _validator_errors(
    cls: type,
    init_fields: list[attrs.Attribute[Any]],
    value: dict[Any, Any],
    converter: cattrs.Converter,
    failed: set[str],
    *,
    keep_first: bool,
    kwargs: dict[str, Any] | None = None,
) -> list[Exception]:
    """The validator failures; ``kwargs``: the fields already structured, by alias."""
    plan = _class_plan(cls)
    if plan is None:
        return []
    if kwargs is None:
        kwargs = {}
        for a in init_fields:
            if a.name in value and a.name not in failed:
                kwargs[a.alias or a.name] = converter.structure(value[a.name], a.type)  # type: ignore[arg-type]
    inst: Any = object.__new__(cls)
    setter = object.__setattr__
    for a, name, key, init, default, factory, conv in plan.steps:
        if name in failed:
            continue
        if init and key in kwargs:
            v = kwargs[key]
        elif default is attrs.NOTHING:
            return []
        elif factory is not None:
            v = factory.factory(inst) if factory.takes_self else factory.factory()
        else:
            v = default
        if conv is not None:
            if isinstance(conv, attrs.Converter):
                args: list[Any] = [v]
                if conv.takes_self:  # type: ignore[attr-defined]
                    args.append(inst)
                if conv.takes_field:  # type: ignore[attr-defined]
                    args.append(a)
                v = conv.converter(*args)  # type: ignore[attr-defined]
            else:
                v = conv(v)
        setter(inst, name, v)
    found: list[Exception] = []
    seen: set[tuple[object, ...]] = set()
    for a, name, validator in plan.validators:
        if name in failed:
            continue
        try:
            validator(inst, a, getattr(inst, name))
        except Exception as exc:
            # Kept: an error the validator reports at a field of this class, its own or
            # another (a cross-field check such as Person's NIP/birth date agreement).
            if isinstance(exc, AdminnetError):
                same = _same_message(exc)
                if (keep_first and not found) or (_noted_field(exc, plan.own) and same not in seen):
                    found.append(exc)
                seen.add(same)
            elif keep_first and not found:
                found.append(exc)
    return found


@attrs.frozen
class _ClassPlan:
    """What :func:`_validator_errors` reads of an attrs class, read once."""

    attributes: object  # the class's ``__attrs_attrs__`` the plan was made from
    # For each field: (attribute, name, init key, init, default, Factory or None, converter)
    steps: tuple[tuple[Any, str, str, bool, Any, Any, Any], ...]
    validators: tuple[tuple[Any, str, Any], ...]  # (attribute, name, validator)
    own: dict[str, attrs.Attribute[Any]]


_CLASS_PLANS: dict[type, tuple[object, _ClassPlan | None]] = {}


def _class_plan(cls: type) -> _ClassPlan | None:
    """The plan of ``cls`` (remade if its fields change), ``None`` for a class with hooks."""
    attributes = getattr(cls, "__attrs_attrs__", None)
    hit = _CLASS_PLANS.get(cls)
    if hit is not None and hit[0] is attributes:
        return hit[1]
    made = None
    if not (hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__")):
        fields = attrs.fields(cls)
        made = _ClassPlan(
            attributes=attributes,
            steps=tuple(
                (
                    a,
                    a.name,
                    a.alias or a.name,
                    a.init,
                    a.default,
                    a.default if isinstance(a.default, attrs.Factory) else None,  # type: ignore[arg-type]
                    a.converter,
                )
                for a in fields
            ),
            validators=tuple((a, a.name, a.validator) for a in fields if a.validator is not None),
            own=attrs.fields_dict(cls),
        )
    _CLASS_PLANS[cls] = (attributes, made)
    return made


def _same_message(exc: AdminnetError) -> tuple[object, ...]:
    """What makes two errors say the same thing: the template and its values.

    Comparing these instead of the worded messages spares a rendering per error.
    """
    return (exc.code, exc.template_key, *sorted(exc.params.items()))


def _noted_field(exc: BaseException, own: dict[str, attrs.Attribute[Any]]) -> bool:
    """Whether ``exc``'s note names a field of the class whose fields are ``own``."""
    note = attribute_note(exc)
    field = None if note is None else own.get(str(note.name))
    return field is not None and note is not None and note.type is field.type
