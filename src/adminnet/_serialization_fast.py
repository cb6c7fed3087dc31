"""Private: the fast structuring path for :class:`~adminnet.model.person.Person`.

Loading millions of Person records is the library's bulk workload. The general path
(cattrs' generated function, then ``Person.__init__`` with its converters and
validators, which parse the NIP twice) costs about 15 us a record; a line in the
layout adminnet writes costs about 4 us here (``bench/PROFILE.md``).

It is an *accelerator only*: it either returns exactly the Person the general path
would return, or ``None``, and then the general path runs and produces the result or
the exact error list. It never raises. How it stays equivalent:

- JSON types are checked as the serialization hooks check them (exact ``str``, a
  ``YYYY-MM-DD`` date, a Gender value, an object with known keys only). A line in the
  written layout is read by one regular expression that accepts only escape-free
  strings in a fixed key order, so its groups are the values any JSON parser returns;
  other lines are parsed and must hold twice as many ``"`` as keys and strings (no
  duplicate key dropped).
- Values go through the same rule functions as the model (``parse_name``,
  ``nip.validate``, the id pattern, the date and gender hooks). :func:`person_from_dict`
  builds the instance with ``object.__new__`` from values passed through the fields'
  *own* converters and runs the fields' *own* validators, as ``__init__`` does; the
  one-pass line path (:func:`person_from_line`) inlines them, and is used only while
  ``attrs.fields(Person)`` still has exactly the converters and validators it was
  written for (:func:`_specialised_ok`, checked once with the plan).
- Person's NIP cross-checks (``_check_birth_agreement`` and ``_check_agreement``,
  which parse the NIP again) are replaced by comparing the NIP's digits with the birth
  date and gender given; the plan is disabled if they are no longer the last
  validators of ``birth_date`` and ``gender``.
- Titles of a PersonName are checked once per distinct tuple, by the real
  constructor, and remembered (the title converter and validator depend on the title
  alone).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import attrs
import pendulum

from adminnet._serialization_hooks import structure_date
from adminnet._serialization_json import fast_loads
from adminnet.ids import nip as _nip
from adminnet.ids._gender import Gender
from adminnet.model import person
from adminnet.model._common import ID_PATTERN, check_id, instance_of
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
    specialised: bool = False
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


def _checks(a: Any, *, skip: tuple[object, ...] = ()) -> tuple[tuple[Check, Any], ...]:
    """The validators of a field, flattened (``and_`` lists), in order, but ``skip``."""
    validator = a.validator
    if validator is None:
        return ()
    parts = getattr(validator, "_validators", None) or (validator,)
    return tuple((v, a) for v in parts if v not in skip)


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
    birth_parts: Any = getattr(f.birth_date.validator, "_validators", ())
    if (
        not gender_parts
        or gender_parts[-1] is not person._check_agreement
        or not birth_parts
        or birth_parts[-1] is not person._check_birth_agreement
    ):
        return _Plan(enabled=False)  # the cross-checks this module replaces have changed
    try:
        person_convert = tuple(_converter(a) for a in f)
        given_convert = _converter(n.given)
    except TypeError:
        return _Plan(enabled=False)
    cross = (person._check_agreement, person._check_birth_agreement)
    checks = tuple(_checks(a, skip=cross) for a in f)
    return _Plan(
        enabled=True,
        specialised=_specialised_ok(f, gender_parts, birth_parts),
        person_set=tuple(_setter(Person, name) for name in _PERSON_FIELDS),
        person_convert=person_convert,
        person_checks=checks,
        given_set=tuple(_setter(PersonName, name) for name in _NAME_FIELDS),
        given_convert=given_convert,
        given_checks=_checks(n.given),
    )


def _specialised_ok(f: Any, gender_parts: Any, birth_parts: Any) -> bool:
    """Person's fields have exactly the converters and validators :func:`_person` inlines."""
    return (
        f.id.converter is None
        and f.id.validator is check_id
        and f.name.converter is person._name_converter
        and f.name.validator is person._check_name
        and f.nip.converter is person._nip_converter
        and f.nip.validator is person._check_nip
        and f.birth_date.converter is person._date_converter
        and tuple(birth_parts) == (person._check_birth_date, person._check_birth_agreement)
        and f.gender.converter is person._to_gender
        and len(gender_parts) == 2
        and type(gender_parts[0]) is type(instance_of(Gender, optional=True))
        and gender_parts[0] == instance_of(Gender, optional=True)
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
    return _name_parts(
        given,
        _titles(value.get("prefixes", ()), "prefixes"),
        _titles(value.get("suffixes", ()), "suffixes"),
        plan,
    )


def _name_parts(
    given: str,
    prefixes: tuple[str, ...] | None,
    suffixes: tuple[str, ...] | None,
    plan: _Plan,
) -> PersonName | None:
    """The PersonName of an ASCII ``given`` and checked titles (``None``: not checked)."""
    if prefixes is None or suffixes is None:
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


_match_id: Final = ID_PATTERN.match
_validate_nip: Final = _nip.validate
_PERSON_KEYS_SUPERSET: Final = _PERSON_KEYS.issuperset

# The line layout adminnet writes (``to_json``, ``write_jsonl``): keys in field order,
# no spaces, strings without escapes. In such a line every string's text *is* its
# value and no key can repeat, so the groups are exactly what a JSON parser returns.
_TEXT: Final = r"[ !#-\[\]-~]*"  # printable ASCII except '"' and '\'
_TITLE_LIST: Final = rf'((?:"{_TEXT}"(?:,"{_TEXT}")*)?)'
_LINE: Final = re.compile(
    rf'\{{"id":"({ID_PATTERN.pattern[:-2]})",'
    rf'"name":(?:"({_TEXT})"|\{{"given":"({_TEXT})",'
    rf'"prefixes":\[{_TITLE_LIST}\],"suffixes":\[{_TITLE_LIST}\]\}}),'
    r'"nip":(?:"([0-9]{18})"|null),'
    r'"birth_date":(?:"([0-9]{4}-[0-9]{2}-[0-9]{2})"|null),'
    rf'"gender":(?:"({"|".join(re.escape(g.value) for g in Gender)})"|null)\}}[ \t\r\n]*\Z'
)
_match_line: Final = _LINE.match
# Title lists as written in a line ('"S.E.","M.M."') -> checked tuple, or None.
_title_lists: dict[tuple[str, str], tuple[str, ...] | None] = {}
_UNSEEN: Final = object()


def _written_titles(raw: str, field: str) -> tuple[str, ...] | None:
    key = (field, raw)
    titles = _title_lists.get(key, _UNSEEN)
    if titles is _UNSEEN:
        titles = _titles(tuple(raw[1:-1].split('","')), field)
        if len(_title_lists) >= _CACHE_LIMIT:
            _title_lists.clear()
        _title_lists[key] = titles
    return titles  # type: ignore[return-value]


def person_from_line(line: str | bytes, loads: Callable[[Any], Any] | None = None) -> Person | None:
    r"""The Person on one JSON line, or ``None`` to defer to the exact path.

    A line in the layout adminnet writes is read by one regular expression (``_LINE``);
    any other is parsed by ``loads`` (orjson when installed). Then the number of ``"``
    in the line must be twice the number of keys and strings parsed, which proves that
    the parser dropped no duplicate key: in valid JSON a ``"`` is a string delimiter or
    an escaped ``\"`` inside a string, so the line holds two for every string it
    contains, dropped ones included, plus one per escaped quote (``\u0022`` writes
    none). Escapes decode the same in every parser, and every value accepted here is
    ASCII text checked after decoding.

    The common record (only Person keys, a NIP of 18 ASCII digits or none) is checked
    in one pass, with the same rule functions as the model; what is skipped is only
    what cannot fail on values built here (the ``isinstance`` validators and the
    pass-through converters: ``nip.compact`` leaves 18 ASCII digits as they are), and
    Person's NIP cross-check compares the NIP's digits with the birth date and gender
    instead of parsing the NIP again. Other records go through
    :func:`person_from_dict`.
    """
    if type(line) is bytes:
        match = _match_line(line.decode("latin-1"))  # non-ASCII never matches
    elif type(line) is str:
        match = _match_line(line)
    else:
        return None
    plan = _plan[0] if _plan else _get_plan()
    if match is not None and plan.specialised:
        ident, text, given, prefixes, suffixes, number, raw_birth, raw_gender = match.groups()
        name: PersonName | None
        if text is not None:
            try:
                name = parse_name(text)
            except Exception:
                return None
        else:
            try:
                name = _name_parts(
                    given,
                    _written_titles(prefixes, "prefixes") if prefixes else (),
                    _written_titles(suffixes, "suffixes") if suffixes else (),
                    plan,
                )
            except Exception:
                return None
            if name is None:
                return None
    else:
        fields = _from_parsed(line, loads, plan)
        if not isinstance(fields, tuple):
            return fields
        ident, name, number, raw_birth, raw_gender = fields
    # NIP, birth date, gender and Person's cross-check of the three.
    if number is not None:
        try:
            _validate_nip(number)
        except Exception:
            return None
    birth = None
    if raw_birth is not None:
        birth = _dates.get(raw_birth) or _date(raw_birth)
        if birth is None:
            return None
        if number is not None and raw_birth.replace("-", "") != number[:8]:
            return None  # the exact path reports person.nip_birth_date_mismatch
    gender = None
    if raw_gender is not None:
        gender = _GENDERS.get(raw_gender)
        if gender is None:
            return None
        if number is not None and (number[14] == "1") is not (gender is _MALE):
            return None  # the exact path reports person.nip_gender_mismatch
    obj = _new(Person)
    s_id, s_name, s_nip, s_birth, s_gender = plan.person_set
    s_id(obj, ident)
    s_name(obj, name)
    s_nip(obj, number)
    s_birth(obj, birth)
    s_gender(obj, gender)
    return obj


_Fields = tuple[str, PersonName, "str | None", "str | None", "str | None"]


def _from_parsed(
    line: str | bytes, loads: Callable[[Any], Any] | None, plan: _Plan
) -> Person | _Fields | None:
    """A line in another layout, parsed (see :func:`person_from_line`).

    Returns the checked id and name and the raw NIP, birth date and gender for the
    caller to finish, or the answer itself (a Person or None).
    """
    quotes = line.count(b'"') if type(line) is bytes else line.count('"')  # type: ignore[arg-type]
    try:
        value = (loads or fast_loads())(line)
    except Exception:
        return None
    if type(value) is not dict:
        return None
    if not plan.specialised or not _PERSON_KEYS_SUPERSET(value):
        return _generic(value, quotes)
    get = value.get
    number = get("nip")
    if number is not None and (
        type(number) is not str or len(number) != 18 or not number.isascii() or not number.isdigit()
    ):
        return _generic(value, quotes)  # spaced, legacy or wrong: the field converters decide
    ident = get("id")
    if type(ident) is not str or _match_id(ident) is None:
        return None
    strings = len(value) + 1  # the keys and the id
    raw_name = get("name")
    name: PersonName | None
    if type(raw_name) is str:
        if not raw_name.isascii():
            return None  # the exact path checks the text (lone surrogates) first
        try:
            name = parse_name(raw_name)
        except Exception:
            return None
        strings += 1
    elif type(raw_name) is dict:
        try:
            name = _name_from_dict(raw_name, plan)
        except Exception:
            return None
        if name is None:
            return None
        strings += (
            len(raw_name)
            + 1
            + len(raw_name.get("prefixes", ()))
            + len(raw_name.get("suffixes", ()))
        )
    else:
        return None
    raw_birth = get("birth_date")
    if raw_birth is not None:
        if type(raw_birth) is not str:
            return None
        strings += 1
    raw_gender = get("gender")
    if raw_gender is not None:
        if type(raw_gender) is not str:
            return None
        strings += 1
    if number is not None:
        strings += 1
    if quotes != strings + strings:
        return None
    return ident, name, number, raw_birth, raw_gender


def _generic(value: dict[Any, Any], quotes: int) -> Person | None:
    obj = person_from_dict(value)
    if obj is None or quotes != 2 * _strings(value):
        return None
    return obj
