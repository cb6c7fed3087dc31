"""Private: the fast structuring path for :class:`~adminnet.model.person.Person`.

Loading millions of Person records is the library's bulk workload. The general path
(cattrs' generated function, then ``Person.__init__`` with its converters and
validators, which parse the NIP twice) costs about 15 us a record; this one costs
about a third of that.

It is an *accelerator only*: it either returns exactly the Person the general path
would return, or ``None``, and then the general path runs and produces the result or
the exact error list. It never raises. How it stays equivalent:

- JSON types are checked as the serialization hooks check them (exact ``str``, a
  ``YYYY-MM-DD`` date, a Gender value, an object with known keys only).
- The instance is built with ``object.__new__`` from values passed through the
  fields' *own* converters, and then the fields' *own* validators run, exactly as in
  ``__init__``; so a change to a model validator is honoured here at once.
- The one exception is Person's NIP cross-check (``_check_agreement``, which parses
  the NIP again): it is replaced by comparing the NIP's digits with the birth date and
  gender given. :func:`_enabled` checks at first use that the fields, and that
  validator, are still the ones this module was written for, and otherwise switches
  the fast path off.
- Titles of a PersonName are checked once per distinct tuple, by the real
  constructor, and remembered (the title converter and validator depend on the title
  alone).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs
import pendulum

from adminnet._serialization_hooks import structure_date
from adminnet._serialization_json import fast_loads
from adminnet.ids._gender import Gender
from adminnet.model import person
from adminnet.model.person import Person
from adminnet.text.names import PersonName, parse_name

__all__ = ["person_from_dict", "person_from_line"]

_PERSON_FIELDS: Final = ("id", "name", "nip", "birth_date", "gender")
_NAME_FIELDS: Final = ("given", "prefixes", "suffixes")
_PERSON_KEYS: Final = frozenset(_PERSON_FIELDS)
_NAME_KEYS: Final = frozenset(_NAME_FIELDS)
_GENDERS: Final = {g.value: g for g in Gender}
_MALE: Final = Gender.MALE
_CACHE_LIMIT: Final = 50_000

_new = object.__new__
_set = object.__setattr__

Setter = Callable[[Any, Any], None]
Convert = Callable[[Any], Any]
Check = Callable[[Any, Any, Any], None]


@attrs.define
class _Plan:
    """What the fast path needs, computed once (``enabled`` False: always defer)."""

    enabled: bool
    person_set: tuple[Setter, ...] = ()
    person_convert: tuple[Convert, ...] = ()
    person_checks: tuple[tuple[tuple[Check, Any], ...], ...] = ()
    given_set: tuple[Setter, ...] = ()
    given_convert: Convert | None = None
    given_checks: tuple[tuple[Check, Any], ...] = ()


_plan: list[_Plan] = []
# Title tuples and birth dates repeat across records: remember the checked ones.
_titles_ok: dict[tuple[str, tuple[str, ...]], bool] = {}
_dates: dict[str, pendulum.Date] = {}


def _named_setter(name: str) -> Setter:  # pragma: no cover - attrs classes here have slots
    def setter(obj: Any, value: Any) -> None:
        _set(obj, name, value)

    return setter


def _setter(cls: type, name: str) -> Setter:
    """A fast setter: the slot descriptor's ``__set__`` (else ``object.__setattr__``)."""
    slot = cls.__dict__.get(name)
    if type(slot).__name__ == "member_descriptor":
        return slot.__set__  # type: ignore[no-any-return, union-attr]
    return _named_setter(name)  # pragma: no cover - attrs classes here have slots


def _converter(a: Any) -> Convert:
    conv = a.converter
    if conv is None:
        return _identity
    if not callable(conv) or isinstance(conv, attrs.Converter):
        raise TypeError  # a converter taking self or the field: not replicated here
    return conv  # type: ignore[no-any-return]


def _identity(value: Any) -> Any:
    return value


def _checks(a: Any, *, skip: object = None) -> tuple[tuple[Check, Any], ...]:
    """The validators of a field, flattened (``and_`` lists), in order."""
    validator = a.validator
    if validator is None:
        return ()
    parts = getattr(validator, "_validators", None) or (validator,)
    return tuple((v, a) for v in parts if v is not skip)


def _make_plan() -> _Plan:
    f: Any = attrs.fields(Person)
    n: Any = attrs.fields(PersonName)
    if (
        tuple(a.name for a in f) != _PERSON_FIELDS
        or tuple(a.name for a in n) != _NAME_FIELDS
        or hasattr(Person, "__attrs_post_init__")
        or hasattr(PersonName, "__attrs_post_init__")
        or attrs.validators.get_disabled()
    ):
        return _Plan(enabled=False)
    gender_parts: Any = getattr(f.gender.validator, "_validators", ())
    if not gender_parts or gender_parts[-1] is not person._check_agreement:
        return _Plan(enabled=False)  # the cross-check this module replaces has changed
    try:
        person_convert = tuple(_converter(a) for a in f)
        given_convert = _converter(n.given)
    except TypeError:
        return _Plan(enabled=False)
    checks = tuple(_checks(a, skip=person._check_agreement) for a in f)
    return _Plan(
        enabled=True,
        person_set=tuple(_setter(Person, name) for name in _PERSON_FIELDS),
        person_convert=person_convert,
        person_checks=checks,
        given_set=tuple(_setter(PersonName, name) for name in _NAME_FIELDS),
        given_convert=given_convert,
        given_checks=_checks(n.given),
    )


def _get_plan() -> _Plan:
    if not _plan:
        _plan.append(_make_plan())
    return _plan[0]


def _titles(value: Any, field: str) -> tuple[str, ...] | None:
    """``value`` as a tuple if the PersonName constructor keeps it as it is and accepts it."""
    kind = type(value)
    if kind is list:
        value = tuple(value)
    elif kind is not tuple:
        return None
    if not value:
        return value  # type: ignore[no-any-return]
    for item in value:
        if type(item) is not str or not item.isascii():
            return None  # the general path checks the text (lone surrogates) first
    key = (field, value)
    ok = _titles_ok.get(key)
    if ok is None:
        try:
            built = PersonName(given="x", **{field: value})
        except Exception:
            ok = False
        else:
            ok = getattr(built, field) == value
        if len(_titles_ok) >= _CACHE_LIMIT:
            _titles_ok.clear()
        _titles_ok[key] = ok
    return value if ok else None


def _name_from_dict(value: dict[Any, Any], plan: _Plan) -> PersonName | None:
    if not _NAME_KEYS.issuperset(value):
        return None
    given = value.get("given")
    if type(given) is not str or not given.isascii():
        return None
    prefixes = _titles(value.get("prefixes", ()), "prefixes")
    if prefixes is None:
        return None
    suffixes = _titles(value.get("suffixes", ()), "suffixes")
    if suffixes is None:
        return None
    given = plan.given_convert(given)  # type: ignore[misc]
    name = _new(PersonName)
    set_given, set_prefixes, set_suffixes = plan.given_set
    set_given(name, given)
    set_prefixes(name, prefixes)
    set_suffixes(name, suffixes)
    for check, attribute in plan.given_checks:
        check(name, attribute, given)
    return name


def _date(text: object) -> pendulum.Date | None:
    """The pendulum.Date of a ``YYYY-MM-DD`` string (remembered), or ``None``."""
    if type(text) is not str:
        return None
    day = _dates.get(text)
    if day is None:
        try:
            day = structure_date(text)
        except Exception:
            return None
        if len(_dates) >= _CACHE_LIMIT:
            _dates.clear()
        _dates[text] = day
    return day


def person_from_dict(value: object) -> Person | None:
    """The Person the general path would build from ``value``, or ``None`` to defer."""
    if type(value) is not dict:
        return None
    plan = _plan[0] if _plan else _get_plan()
    if not plan.enabled or not _PERSON_KEYS.issuperset(value):
        return None
    get = value.get
    ident = get("id")
    if type(ident) is not str:
        return None
    try:
        raw_name = get("name")
        if type(raw_name) is dict:
            name = _name_from_dict(raw_name, plan)
            if name is None:
                return None
        elif type(raw_name) is str and raw_name.isascii():
            name = parse_name(raw_name)
        else:
            return None
        number = get("nip")
        if number is not None and type(number) is not str:
            return None
        raw_birth = get("birth_date")
        birth = None if raw_birth is None else _date(raw_birth)
        if birth is None and raw_birth is not None:
            return None
        raw_gender = get("gender")
        gender = None if raw_gender is None else _GENDERS.get(raw_gender)
        if gender is None and raw_gender is not None:
            return None
        c_id, c_name, c_nip, c_birth, c_gender = plan.person_convert
        ident = c_id(ident)
        name = c_name(name)
        number = c_nip(number)
        birth = c_birth(birth)
        gender = c_gender(gender)
        obj = _new(Person)
        s_id, s_name, s_nip, s_birth, s_gender = plan.person_set
        s_id(obj, ident)
        s_name(obj, name)
        s_nip(obj, number)
        s_birth(obj, birth)
        s_gender(obj, gender)
        k_id, k_name, k_nip, k_birth, k_gender = plan.person_checks
        for check, attribute in k_id:
            check(obj, attribute, ident)
        for check, attribute in k_name:
            check(obj, attribute, name)
        for check, attribute in k_nip:
            check(obj, attribute, number)
        for check, attribute in k_birth:
            check(obj, attribute, birth)
        for check, attribute in k_gender:
            check(obj, attribute, gender)
    except Exception:
        return None
    # Person's NIP cross-check, without parsing the NIP a second time.
    if type(number) is str and len(number) == 18:
        if raw_birth is not None and raw_birth.replace("-", "") != number[:8]:
            return None
        if gender is not None and (number[14] == "1") != (gender is _MALE):
            return None
    return obj


def _strings(value: dict[Any, Any]) -> int:
    """Keys and string values of a record ``person_from_dict`` accepted."""
    count = len(value)
    for item in value.values():
        kind = type(item)
        if kind is str:
            count += 1
        elif kind is dict:
            count += len(item) + 1 + len(item.get("prefixes", ())) + len(item.get("suffixes", ()))
    return count


def person_from_line(line: str | bytes, loads: Callable[[Any], Any] | None = None) -> Person | None:
    """The Person on one JSON line, or ``None`` to defer to the exact path.

    Lines with a backslash defer (escapes could hide a duplicate key); otherwise the
    number of ``"`` must be twice the number of keys and strings parsed, which proves
    that no duplicate key was dropped.
    """
    if type(line) is str:
        if "\\" in line:
            return None
        quotes = line.count('"')
    elif type(line) is bytes:
        if b"\\" in line:
            return None
        quotes = line.count(b'"')
    else:
        return None
    try:
        value = (loads or fast_loads())(line)
    except Exception:
        return None
    obj = person_from_dict(value)
    if obj is None or quotes != 2 * _strings(value):
        return None
    return obj
