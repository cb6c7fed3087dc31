"""Private: the hooks of containers (tuples, optionals, fixed tuples, unions of enums).

Each factory makes the structure or unstructure hook of one container type from
the hooks of its items, so a bad item is reported at its index.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs
import cattrs
from cattrs import IterableValidationError
from cattrs.errors import IterableValidationNote

from adminnet.errors import (
    InvalidFormat,
)
from adminnet.serialization._primitives import (
    Hook,
    fail_type,
    not_a_member,
)


def _is_var_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _optional_arg(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is not typing.Union and origin is not types.UnionType:
        return None
    args = typing.get_args(tp)
    if len(args) != 2 or type(None) not in args:
        return None
    return args[0] if args[1] is type(None) else args[1]


def _is_optional(tp: Any) -> bool:
    return _optional_arg(tp) is not None


_PLURALS: Final[dict[Any, str]] = {str: "strings", int: "integers", bool: "booleans"}


def _tuple_structure_factory(tp: Any, converter: cattrs.Converter) -> Hook:
    elem = typing.get_args(tp)[0]
    elem_hook = converter.get_structure_hook(elem)
    detailed = converter.detailed_validation
    elem_name = _PLURALS.get(elem) or (
        f"{elem.__name__} objects" if attrs.has(elem) else f"{getattr(elem, '__name__', '')} values"
    )

    def structure_tuple(value: object, _cls: Any) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            fail_type("array_of", value, items=elem_name)
        items: list[Any] | tuple[Any, ...] = value
        if not detailed:
            return tuple([elem_hook(item, elem) for item in items])
        return _structure_items(tp, [(elem_hook, elem, item) for item in items])

    return structure_tuple


def _structure_items(tp: Any, jobs: list[tuple[Hook, Any, object]]) -> tuple[Any, ...]:
    """Each ``(hook, type, item)`` structured; every failure noted with its index."""
    out = []
    errors: list[Exception] = []
    for i, (hook, t, item) in enumerate(jobs):
        try:
            out.append(hook(item, t))
        except Exception as exc:
            if isinstance(exc, MemoryError):
                raise
            exc.add_note(IterableValidationNote(f"Structuring {tp} @ index {i}", i, t))
            errors.append(exc)
    if errors:
        msg = f"While structuring {tp!r}"
        raise IterableValidationError(msg, errors, tp)
    return tuple(out)


def _tuple_unstructure_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    elem = typing.get_args(tp)[0]
    if elem is str:
        return list
    elem_hook = converter.get_unstructure_hook(elem)
    return lambda value: [elem_hook(item) for item in value]


def _optional_structure_factory(tp: Any, converter: cattrs.Converter) -> Hook:
    inner_type = _optional_arg(tp)
    inner = converter.get_structure_hook(inner_type)
    return lambda value, _cls: None if value is None else inner(value, inner_type)


def _optional_unstructure_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    inner = converter.get_unstructure_hook(_optional_arg(tp))
    return lambda value: None if value is None else inner(value)


def _is_fixed_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and bool(args) and Ellipsis not in args


def _fixed_tuple_structure_factory(tp: Any, converter: cattrs.Converter) -> Hook:
    """``tuple[A, B, C]``: a JSON array of exactly that many items, each read as its type."""
    types_ = typing.get_args(tp)
    hooks = [converter.get_structure_hook(t) for t in types_]
    size = len(types_)

    def structure_fixed(value: object, _cls: Any) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            fail_type("array_size", value, size=size)
        items: list[Any] | tuple[Any, ...] = value
        if len(items) != size:
            raise InvalidFormat(
                code="type.invalid",
                variant="array_length",
                params={"size": size, "count": len(items)},
            )
        jobs = list(zip(hooks, types_, items, strict=True))
        if not converter.detailed_validation:
            return tuple([hook(item, t) for hook, t, item in jobs])
        return _structure_items(tp, jobs)

    return structure_fixed


def _fixed_tuple_unstructure_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    hooks = [converter.get_unstructure_hook(t) for t in typing.get_args(tp)]
    return lambda value: [hook(item) for hook, item in zip(hooks, value, strict=True)]


def _enum_members(tp: Any) -> tuple[type[enum.Enum], ...]:
    origin = typing.get_origin(tp)
    if origin is not typing.Union and origin is not types.UnionType:
        return ()
    args = typing.get_args(tp)
    if all(isinstance(a, type) and issubclass(a, enum.Enum) for a in args):
        return args
    return ()


def _is_enum_union(tp: Any) -> bool:
    return bool(_enum_members(tp))


def _enum_union_structure_factory(tp: Any) -> Hook:
    """``EnumA | EnumB``: the member whose value it is (the values must not overlap)."""
    classes = _enum_members(tp)
    table: dict[object, enum.Enum] = {}
    for cls in classes:
        for member in cls:
            if member.value in table:
                msg = f"cannot read {tp!r}: value {member.value!r} is in two enums"
                raise TypeError(msg)
            table[member.value] = member
    known = ", ".join(str(v) for v in table)
    names = " or ".join(c.__name__ for c in classes)

    def structure_union(value: object, _cls: Any) -> enum.Enum:
        if type(value) is not str:
            fail_type("enum", value, enum=names, known=known)
        member = table.get(value)
        if member is None:
            raise not_a_member(value, names, known)
        return member

    return structure_union


# --- attrs classes --------------------------------------------------------------------
