"""Private: what the Person accelerator knows of the classes (its plan), checked once.

:mod:`adminnet.serialization._person` reads Person records by the fields of
:class:`~adminnet.model.person.Person` and :class:`~adminnet.text.names.PersonName`
directly (slot setters, each field's own converter and validator). This module makes
that plan from ``attrs.fields`` and says when it cannot vouch for the classes
(``Plan.enabled`` false, with the reason):

- Person's fields are not the five the accelerator reads, or PersonName has a field
  that is not an optional text; a converter takes ``self`` or the field; a class has a
  ``__attrs_post_init__``; attrs validators are disabled;
- *behaviour*: :data:`PROBES` are records (valid ones and one for each rule), each of
  which the accelerator must answer as :func:`by_model`, Person's constructor, does
  (the accelerator runs them when it first makes its plan).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs

from adminnet.errors import AdminnetError
from adminnet.model.person import Person
from adminnet.serialization._primitives import optional_text_fields, structure_date
from adminnet.text.names import PersonName

__all__ = ["PROBES", "Plan", "Setter", "by_model", "make"]

PERSON_FIELDS: Final = ("id", "name", "nip", "birth_date", "gender")
TITLE_FIELDS: Final = ("prefixes", "suffixes")

_new = object.__new__

Setter = Callable[[Any, Any], None]


def _unset(obj: object, value: object) -> None:  # pragma: no cover - plans off only
    raise TypeError(value)


@attrs.frozen
class Plan:
    """What the accelerator knows of the classes, checked once (``enabled`` False: off)."""

    enabled: bool
    reason: str = ""
    person_attrs: object = None
    name_attrs: object = None
    person_set: tuple[Setter, ...] = ()
    name_fields: tuple[Any, ...] = ()  # attrs.Attribute of PersonName but the titles
    name_set: dict[str, Setter] = attrs.Factory(dict)
    # For each of name_fields: (name, setter, converter or None, validator or None, field)
    name_steps: tuple[tuple[str, Setter, Any, Any, Any], ...] = ()
    name_keys: frozenset[str] = frozenset()
    optional_names: tuple[str, ...] = ()  # the optional text fields of PersonName
    set_titles: tuple[Setter, Setter] = (_unset, _unset)  # prefixes', suffixes' setters
    # given's (setter, converter or None, validator or None, field)
    given_step: tuple[Setter, Any, Any, Any] = (_unset, None, None, None)
    # The optional texts' setters, if each field's converter and validator leave a
    # ``None`` as it is (checked on the real functions when the plan is made), else None.
    none_setters: tuple[Setter, ...] | None = None


def _setter(cls: type, name: str) -> Setter:
    """The slot descriptor's ``__set__`` (attrs frozen classes here have slots)."""
    for klass in cls.__mro__:
        slot = klass.__dict__.get(name)
        if slot is not None:
            if type(slot).__name__ != "member_descriptor":
                break
            return slot.__set__  # type: ignore[no-any-return]
    raise TypeError(name)


def _plain(a: Any) -> bool:
    return a.converter is None or (
        callable(a.converter) and not isinstance(a.converter, attrs.Converter)
    )


def make() -> Plan:
    """The plan of the classes as they are now (``enabled`` False, with the reason: off)."""
    try:
        f: Any = attrs.fields(Person)
        n: Any = attrs.fields(PersonName)
        optional_names = optional_text_fields(PersonName)
    except (NameError, TypeError, AttributeError):  # pragma: no cover - resolve_types
        return Plan(enabled=False, reason="the field types cannot be resolved")
    if tuple(a.name for a in f) != PERSON_FIELDS:
        return Plan(enabled=False, reason="Person's fields are not the ones read here")
    names = tuple(a.name for a in n)
    optional = tuple(name for name in optional_names if name not in names[:3])
    if names[:3] != ("given", *TITLE_FIELDS) or len(optional) != len(names) - 3:
        return Plan(enabled=False, reason="PersonName has a field that is not an optional text")
    for cls in (Person, PersonName):
        if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
            return Plan(enabled=False, reason=f"{cls.__name__} has a post-init hook")
    if attrs.validators.get_disabled():
        return Plan(enabled=False, reason="attrs validators are disabled")
    if not all(_plain(a) for a in (*f, *n)):
        return Plan(enabled=False, reason="a converter takes self or the field")
    try:
        person_set = tuple(_setter(Person, name) for name in PERSON_FIELDS)
        name_set = {name: _setter(PersonName, name) for name in names}
    except TypeError:  # pragma: no cover - the classes have slots
        return Plan(enabled=False, reason="a class has no slots")
    given = next(a for a in n if a.name == "given")
    return Plan(
        enabled=True,
        person_attrs=Person.__attrs_attrs__,
        name_attrs=PersonName.__attrs_attrs__,
        person_set=person_set,
        name_fields=tuple(a for a in n if a.name not in TITLE_FIELDS),
        name_set=name_set,
        name_steps=tuple(
            (a.name, name_set[a.name], a.converter, a.validator, a)
            for a in n
            if a.name not in TITLE_FIELDS
        ),
        name_keys=frozenset(names),
        optional_names=optional,
        set_titles=(name_set["prefixes"], name_set["suffixes"]),
        given_step=(name_set["given"], given.converter, given.validator, given),
        none_setters=_none_setters(n, optional, name_set),
    )


def _none_setters(
    fields: Any, optional: tuple[str, ...], name_set: dict[str, Setter]
) -> tuple[Setter, ...] | None:
    """The setters of the optional texts if ``None`` passes each one's own steps as it is.

    Asked of the field's converter and validator themselves, once: a name without a
    pangkat or sapaan (nearly every record) then costs one slot store a field.
    """
    probe = _new(PersonName)
    for a in fields:
        if a.name not in optional:
            continue
        try:
            value = None if a.converter is None else a.converter(None)
            if value is None and a.validator is not None:
                a.validator(probe, a, None)
        except AdminnetError:
            return None  # None is refused or changed: every value goes its own way
        if value is not None:
            return None
    return tuple(name_set[name] for name in optional)


# Probe records: each is run through Person(...) and through the accelerator, which must
# agree (both build the same Person, or this module declines where the model refuses).
PROBES: Final = (
    {"id": "budi", "name": "Budi Santoso"},
    {"id": "budi", "name": "Dr. Ir. Budi Santoso, M.Si.", "nip": "196503021990031002"},
    {
        "id": "budi-2",
        "name": {"given": "Budi Santoso", "prefixes": ["Ir."], "suffixes": ["M.Si."]},
        "nip": "196503021990031002",
        "birth_date": "1965-03-02",
        "gender": "male",
    },
    {"id": "sri", "name": "Sri", "nip": "199001012021212001", "gender": "female"},
    {"id": "budi", "name": "Budi", "nip": "196503021990031002", "birth_date": "1965-03-03"},
    {"id": "budi", "name": "Budi", "nip": "196503021990031002", "gender": "female"},
    {"id": "Budi", "name": "Budi"},
    {"id": "budi", "name": "Budi", "nip": "196513021990031002"},
    {"id": "budi", "name": "Budi", "nip": "196503021990031000"},
    {"id": "budi", "name": {"given": "Budi", "prefixes": ["XYZ"]}},
    {"id": "budi", "name": ""},
    {"id": "budi", "name": "Budi", "birth_date": "1965-02-30"},
    {"id": "budi", "name": "Budi", "gender": "pria"},
)


def by_model(record: dict[str, Any]) -> Person | None:
    """The model's answer to a probe: its Person, or ``None`` where it refuses.

    The probes are fixed records of known keys and types, so the constructors can only
    refuse them with their rules' errors.
    """
    kwargs = dict(record)
    try:
        if isinstance(kwargs.get("name"), dict):
            kwargs["name"] = PersonName(**kwargs["name"])
        if kwargs.get("birth_date") is not None:
            kwargs["birth_date"] = structure_date(kwargs["birth_date"])
        return Person(**kwargs)
    except AdminnetError:
        return None
