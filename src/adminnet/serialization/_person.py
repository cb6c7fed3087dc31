"""Private: the accelerator of :class:`~adminnet.model.person.Person` records.

Loading millions of Person records is the library's bulk workload. The general path
(cattrs' generated function, then ``Person.__init__``) costs several microseconds a
record more than this module (``bench/PROFILE.md``). It is an *accelerator only*: it
returns exactly the Person the general path would return, or ``None``, and then the
general path runs and produces the result or the exact error list. A rule's refusal
(an :class:`~adminnet.errors.AdminnetError`, the only error a rule raises for bad input)
makes it decline; it catches nothing else, so a bug in a rule is not hidden here.

One seam. It is entered from one place, the Person hook of
:mod:`adminnet.serialization._hooks`: :func:`from_text` for the text of one document
or JSON line, :func:`from_value` for an already parsed value. Nothing else calls it.
A refusal (:class:`Refused`) carries the record it read and what it learnt (the name,
each rule's answer), which the Person hook hands to the error pass,
:mod:`adminnet.serialization._person_faults`, so that an invalid line is neither
parsed nor checked twice. A record whose id or name is refused is read to the end all
the same (the other fields checked as for a valid one), so that the refusal says
whether they pass.

The same rules as the model, called, never re-encoded:

- the id: :data:`adminnet.model._common.ID_PATTERN`, the pattern of ``check_id``;
- the name: :func:`adminnet.text.names.parse_name` for a string; for an object, the
  fields of :class:`~adminnet.text.names.PersonName` as ``attrs.fields`` lists them
  (their own converters and validators; a title tuple is checked once by the real
  constructor and remembered), so optional text fields added to PersonName (``rank``,
  ``honorific``) are served without a change here;
- the NIP: :func:`adminnet.ids.nip.validate`; the birth date: the serialization's own
  date hook; the gender: :class:`~adminnet.ids._gender.Gender`; and the NIP's
  agreement with them: :func:`adminnet.ids.nip.check_person`, the function Person's
  validator calls. Every rule is looked up on its module at each call, so a rule that
  changes (or is monkeypatched in a test) changes both paths.

It turns itself off (every record goes the general way) when it cannot vouch for the
model, checked when the plan (:mod:`adminnet.serialization._person_plan`) is made, on
first use:

- Person's fields are not the five it reads, or PersonName has a field that is not an
  optional text; a converter takes ``self`` or the field; a class has a
  ``__attrs_post_init__``; attrs validators are disabled;
- *behaviour*: a set of probe records (valid ones and one for each rule, each with
  the outcome the model gives) is run through both ``Person(...)`` and this module,
  and any disagreement disables it;
- after the plan is made, ``attrs.fields(Person)`` or ``attrs.fields(PersonName)``
  changes (a validator swapped at run time): the plan no longer describes the class.
"""

from __future__ import annotations

import re
from typing import Any, Final

import pendulum

from adminnet import _memo
from adminnet.errors import AdminnetError
from adminnet.ids import nip as _nip
from adminnet.ids._gender import Gender
from adminnet.model import _common
from adminnet.model.person import Person
from adminnet.serialization import _json
from adminnet.serialization import _person_plan as _plan
from adminnet.serialization._person_plan import Plan
from adminnet.serialization._primitives import structure_date
from adminnet.text import names as _names
from adminnet.text.names import PersonName

__all__ = [
    "REFUSED",
    "UNPARSED",
    "Plan",
    "Refused",
    "from_text",
    "from_value",
    "plan",
    "read_text",
    "read_value",
    "reset",
]

_PERSON_FIELDS: Final = _plan.PERSON_FIELDS
_PERSON_KEYS: Final = frozenset(_PERSON_FIELDS)
_GENDERS: Final = {g.value: g for g in Gender}

_new = object.__new__


class Refused:
    """The accelerator declined because one of the model's rules refused a value.

    A hint for the general path (the record is most likely invalid, so it looks for
    every error before it calls the constructor), never an answer. It may carry what
    was read, for the error pass (:mod:`adminnet.serialization._person_faults`):

    - ``record``: the record exactly as :func:`adminnet.serialization._json.loads`
      parses the text (``None`` when not known so), ``plan``, the plan it was read
      with, and ``written``: the text is a line in the layout adminnet writes (its id
      met the model's pattern, which ``_LINE`` includes);
    - ``name``: the outcome of ``parse_name`` on its string name when that was called
      (a PersonName or the rule's error), or the PersonName of its object name;
    - ``nip``: the NIP rule's error when it was asked (about the text as written), and
      ``number``: the compact NIP when the rule accepted it;
    - ``birth``: the date hook's error for the birth date when it refused it, and
      ``birth_date``: the date when it read it;
    - ``asked``: :func:`~adminnet.ids.nip.check_person` was asked about the NIP (one
      that is no shape error, see :func:`~adminnet.ids.nip.is_shape_error`) with the
      birth date and the gender as read (each may be absent), and ``agree`` is its
      error, if it raised (the birth date is compared first);
    - ``checked``: the NIP, the birth date and the gender each passed its rules and
      they agree (what made the record refused is its id or its name).

    ``suspect`` is false when it declined only a shape it does not read (an unknown
    key, a value of another JSON type).
    """

    # What was not learnt: class attributes, so that a refusal (one a bad line) stores
    # only what it learnt, without the keyword call of a constructor taking them all.
    record: dict[str, Any] | None = None
    plan: Plan | None = None  # the plan the record was read with
    name: object = None
    nip: AdminnetError | None = None  # the NIP rule's error, when it was asked
    number: str | None = None  # the compact NIP, when the rule accepted it
    birth: AdminnetError | None = None  # the date hook's error, when it refused the birth date
    birth_date: pendulum.Date | None = None  # the birth date, when it was read
    asked = False  # check_person was asked (NIP, birth date and gender as read)
    agree: AdminnetError | None = None  # and its error, if it raised
    checked = False  # the NIP, birth date and gender pass and agree
    suspect = True  # a rule refused a value (not only a shape it does not read)
    written = False  # a line in the written layout (its id is good)

    def __init__(self, record: dict[str, Any] | None = None, name: object = None) -> None:
        if record is not None:
            self.record = record
        if name is not None:
            self.name = name

    def __repr__(self) -> str:
        return "REFUSED"


REFUSED: Final = Refused()
UNPARSED: Final = Refused()
UNPARSED.suspect = False
"""Declined: the quickest parser refused the text (the exact parser alone decides)."""

_plans: list[Plan] = []
_titles_ok = _memo.Memo[tuple[str, tuple[str, ...]], bool](50_000)
_dates = _memo.Memo[str, "pendulum.Date | None"](50_000)
_title_lists = _memo.Memo[tuple[str, str], "tuple[str, ...] | None"](50_000)
_dates_get: Final = _dates.get
_title_lists_get: Final = _title_lists.get


def reset() -> None:
    """Forget the plan and the memos (tests that change the classes call it)."""
    _plans.clear()
    _titles_ok.clear()
    _dates.clear()
    _title_lists.clear()


def plan() -> Plan:
    """The current plan (made on first use; see the module docstring)."""
    if _plans:
        current = _plans[0]
        if current.enabled and (
            Person.__attrs_attrs__ is not current.person_attrs
            or PersonName.__attrs_attrs__ is not current.name_attrs
        ):
            current = Plan(enabled=False, reason="the classes' fields changed after the plan")
            _plans[0] = current
        return current
    made = _plan.make()
    if made.enabled:
        _plans.append(made)  # probes run with the plan in place
        problem = _probe()
        if problem:
            made = Plan(enabled=False, reason=problem)
            _plans[0] = made
    else:
        _plans.append(made)
    return made


def _probe() -> str:
    """The first probe on which this module and the model disagree ('' if none)."""
    for record in _plan.PROBES:
        expected = _plan.by_model(record)
        got = from_value(record)
        if got is None and expected is None:
            continue
        if got is None:
            continue  # declining is always allowed: the general path answers
        if expected is None or got != expected:
            return f"probe {record!r}: the model gives {expected!r}, the accelerator {got!r}"
    return ""


# --- building ---------------------------------------------------------------------------


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
        except AdminnetError:  # the title rule refuses it: the general path reports it
            ok = False
        else:
            ok = getattr(built, field) == value
        _titles_ok.put(key, ok)
    return value if ok else None


def _name(values: dict[str, Any], current: Plan) -> PersonName | None:
    """The PersonName of an object's values, built as its constructor would."""
    given = values.get("given")
    if type(given) is not str or not given.isascii():
        return None
    prefixes = _titles(values.get("prefixes", ()), "prefixes")
    suffixes = _titles(values.get("suffixes", ()), "suffixes")
    if prefixes is None or suffixes is None:
        return None
    return _name_of(current, given, prefixes, suffixes, values)


_NO_VALUES: Final[dict[str, Any]] = {}


def _name_of(
    current: Plan,
    given: str,
    prefixes: tuple[str, ...],
    suffixes: tuple[str, ...],
    values: dict[str, Any],
) -> PersonName | None:
    """The PersonName of checked titles and the other fields' raw ``values``.

    The fields other than the titles get their own converters and validators, in field
    order (the titles were checked by the constructor itself, see :func:`_titles`); an
    optional text that is absent is ``None``, which the plan found they leave as it is.
    """
    obj = _new(PersonName)
    set_prefixes, set_suffixes = current.set_titles  # read as a slot: no method look-up
    set_prefixes(obj, prefixes)
    set_suffixes(obj, suffixes)
    none_setters = current.none_setters
    if none_setters is not None and (
        values is _NO_VALUES
        or not any(values.get(name) is not None for name in current.optional_names)
    ):
        setter, convert, validator, attribute = current.given_step
        value: Any = given if convert is None else convert(given)
        setter(obj, value)
        for set_none in none_setters:
            set_none(obj, None)
        if validator is not None:
            validator(obj, attribute, value)
        return obj
    stored = []
    steps = current.name_steps
    for name, setter, convert, _, _ in steps:
        if name == "given":
            value = given
        else:
            value = values.get(name)
            if value is not None and (type(value) is not str or not value.isascii()):
                return None  # the general path checks the text (lone surrogates) first
        if convert is not None:
            value = convert(value)
        setter(obj, value)
        stored.append(value)
    for (_, _, _, validator, attribute), value in zip(steps, stored, strict=True):
        if validator is not None:
            validator(obj, attribute, value)
    return obj


def _date_or_error(text: str) -> pendulum.Date | AdminnetError:
    """The pendulum.Date of a date text (remembered), or the date hook's error for it."""
    known = _dates_get(text)
    if known is not None:
        return known
    try:
        day = structure_date(text)
    except AdminnetError as exc:  # not a date: the error pass reports it
        return exc.with_traceback(None)
    _dates.put(text, day)
    return day


def _date(text: object) -> pendulum.Date | None:
    """The pendulum.Date of a date string (remembered), or ``None``."""
    if type(text) is not str:
        return None
    day = _date_or_error(text)
    return None if isinstance(day, AdminnetError) else day


def _build(
    current: Plan,
    ident: str,
    name: PersonName | None,
    number: str | None,
    raw_birth: str | None,
    raw_gender: str | None,
) -> Person | Refused:
    """Apply the rules the values of a Person have not met yet, then build it.

    The id has met the model's pattern already (the caller's ``_LINE`` includes it),
    unless ``name`` is ``None``: the id or the name was refused, and the other fields
    are checked all the same (a :class:`Refused` with ``checked`` when they pass). A
    refusal is a new :class:`Refused` with what the rules answered, which the error
    pass reuses; the caller adds the record, the name and the plan.
    """
    birth = None
    if raw_birth is not None:
        birth = _dates_get(raw_birth)
        if birth is None:
            read = _date_or_error(raw_birth)
            if isinstance(read, AdminnetError):  # the error pass reports it, at the field
                refused = Refused()
                refused.birth = read
                return refused
            birth = read
    gender = None
    if raw_gender is not None:
        gender = _GENDERS.get(raw_gender)
        if gender is None:
            refused = Refused()
            refused.birth_date = birth
            return refused
    if number is not None:
        nip = _nip
        try:
            number = nip.validate(number)  # its compact form, as Person's converter's
        except AdminnetError as exc:  # the error pass reports it, at the NIP
            return _refused_nip_rule(number, exc.with_traceback(None), birth, gender)
        if birth is not None or gender is not None:
            try:
                nip.check_person(number, birth_date=birth, gender=gender)
            except AdminnetError as exc:  # the error pass reports it, at its field
                error = exc.with_traceback(None)
                refused = Refused()
                refused.number, refused.birth_date = number, birth
                refused.asked, refused.agree = True, error
                return refused
    if name is None:
        refused = Refused()
        refused.number, refused.birth_date, refused.checked = number, birth, True
        return refused
    obj = _new(Person)
    s_id, s_name, s_nip, s_birth, s_gender = current.person_set
    s_id(obj, ident)
    s_name(obj, name)
    s_nip(obj, number)
    s_birth(obj, birth)
    s_gender(obj, gender)
    return obj


def _shape(value: dict[str, Any]) -> Refused:
    """The refusal of a record of a shape the accelerator does not read (not suspect)."""
    refused = Refused(value)
    refused.suspect = False
    return refused


def _refused_nip_rule(
    number: str, error: AdminnetError, birth: pendulum.Date | None, gender: Gender | None
) -> Refused:
    """The refusal of a NIP by its rule, with check_person's answer when it compares.

    The error pass compares a NIP that is no shape error with the birth date and the
    gender (as Person's validators do): asked here once for both.
    """
    refused = Refused()
    refused.nip, refused.birth_date = error, birth
    if (birth is not None or gender is not None) and not _nip.is_shape_error(error):
        refused.asked = True
        try:
            _nip.check_person(number, birth_date=birth, gender=gender)
        except AdminnetError as exc:
            refused.agree = exc.with_traceback(None)
    return refused


def _others(
    current: Plan,
    value: dict[str, Any],
    name: object,
    number: str | None,
    raw_birth: str | None,
    raw_gender: str | None,
    *,
    suspect: bool = True,
) -> Refused:
    """The refusal of a record whose id or name is refused (or missing).

    It says what the other fields hold: :func:`_build` without a name.
    """
    refused = _build(current, "", None, number, raw_birth, raw_gender)
    if not isinstance(refused, Refused):  # pragma: no cover - no Person without a name
        return Refused(value, name)
    refused.record = value
    refused.name = name
    refused.plan = current
    refused.suspect = suspect or not refused.checked
    return refused


def _is_nip(number: object) -> bool:
    """A NIP the accelerator takes as it is: ``None`` or 18 (or 9) ASCII digits, compact."""
    return number is None or (
        type(number) is str
        and (len(number) == 18 or len(number) == 9)
        and number.isascii()
        and number.isdigit()
    )


def _from_dict(value: object) -> Person | Refused | None:
    if type(value) is not dict:
        return None
    current = plan()
    if not current.enabled:
        return None
    if not _PERSON_KEYS.issuperset(value):
        return _shape(value)  # unknown keys: the error pass reports them
    get = value.get
    ident = get("id")
    number = get("nip")
    if number is not None:
        if type(number) is not str:
            return _shape(value)
        if not _is_nip(number):
            number = _nip.compact(number)  # Person's converter: separators removed
            if not _is_nip(number):
                return _refused_nip(number, value)
    raw_birth = get("birth_date")
    raw_gender = get("gender")
    if (
        type(ident) is not str
        or (raw_birth is not None and type(raw_birth) is not str)
        or (raw_gender is not None and type(raw_gender) is not str)
    ):
        return _shape(value)
    raw_name = get("name")
    try:
        if type(raw_name) is dict:
            if not current.name_keys.issuperset(raw_name):
                return None
            name = _name(raw_name, current)
        elif type(raw_name) is str and raw_name.isascii():
            name = _names.parse_name(raw_name)
        else:  # missing, or another JSON type: the error pass asks the name's hook
            return _others(current, value, None, number, raw_birth, raw_gender, suspect=False)
    except AdminnetError as exc:  # a rule refused a value: the error pass reports it
        if type(raw_name) is not str:
            return REFUSED
        return _others(current, value, exc.with_traceback(None), number, raw_birth, raw_gender)
    if name is None:
        return None
    if _common.ID_PATTERN.match(ident) is None:
        return _others(current, value, name, number, raw_birth, raw_gender)
    person = _build(current, ident, name, number, raw_birth, raw_gender)
    if type(person) is Refused:
        person.record = value
        person.name = name
        person.plan = current
    return person


def _refused_nip(number: str, value: dict[str, Any]) -> Refused | None:
    """A refusal if the NIP rule refuses ``number`` (a hint), else ``None``."""
    try:
        _nip.validate(number)
    except AdminnetError as exc:
        refused = Refused(value)
        refused.nip = exc.with_traceback(None)
        return refused
    return None  # pragma: no cover - a valid NIP the accelerator does not take as it is


def from_value(value: object) -> Person | None:
    """The Person the general path would build from a parsed ``value``, or ``None``."""
    person = _from_dict(value)
    return person if type(person) is Person else None


def read_value(value: object) -> Person | Refused | None:
    """:func:`from_value`, or :data:`REFUSED` when it declined at a rule's refusal."""
    return _from_dict(value)


def _strings(value: dict[Any, Any]) -> int:
    """Keys and string values (at any depth) of a parsed record."""
    count = len(value)
    stack: list[Any] | None = None
    for node in value.values():  # a record is mostly flat: its values first
        kind = type(node)
        if kind is str:
            count += 1
        elif kind is dict or kind is list:
            if stack is None:
                stack = []
            stack.append(node)
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is str:
            count += 1
        elif kind is dict:
            count += len(node)
            stack.extend(node.values())
        elif kind is list:
            stack.extend(node)
    return count


# The line layout adminnet writes (``to_json``, ``write_jsonl``): keys in field order,
# no spaces, strings without escapes. In such a line every string's text *is* its
# value and no key can repeat, so the groups are exactly what a JSON parser returns.
_TEXT: Final = r"[ !#-\[\]-~]*"  # printable ASCII except '"' and '\'
_TITLE_LIST: Final = rf'((?:"{_TEXT}"(?:,"{_TEXT}")*)?)'
_LINE: Final = re.compile(
    rf'\{{"id":"({_common.ID_PATTERN.pattern[:-2]})",'
    rf'"name":(?:"({_TEXT})"|\{{"given":"({_TEXT})",'
    rf'"prefixes":\[{_TITLE_LIST}\],"suffixes":\[{_TITLE_LIST}\]\}}),'
    rf'"nip":(?:"({_TEXT})"|null),'
    rf'"birth_date":(?:"({_TEXT})"|null),'
    rf'"gender":(?:"({_TEXT})"|null)\}}[ \t\r\n]*\Z'
)
_match_line: Final = _LINE.match


def _written_titles(raw: str, field: str) -> tuple[str, ...] | None:
    """A title list as written in a line (``'"S.E.","M.M."'``), checked, or ``None``."""
    if not raw:
        return ()
    key = (field, raw)
    titles = _title_lists_get(key, _memo.MISSING)
    if titles is _memo.MISSING:
        titles = _titles(tuple(raw[1:-1].split('","')), field)
        _title_lists.put(key, titles)
    return titles  # type: ignore[return-value]


def from_text(line: str | bytes) -> Person | None:
    """The Person of one JSON text, or ``None`` to defer to the exact path.

    See :func:`read_text`.
    """
    person = read_text(line)
    return person if type(person) is Person else None


def read_text(line: str | bytes) -> Person | Refused | None:
    r"""The Person of one JSON text, or ``None`` / :data:`REFUSED` to defer to the exact path.

    A line in the layout adminnet writes is read by one regular expression
    (``_LINE``); any other is parsed by the quickest parser (orjson when installed)
    and then needs exactly twice as many ``"`` as keys and strings parsed, which proves
    that the parser dropped no duplicate key: in valid JSON a ``"`` is a string
    delimiter or an escaped ``\"`` inside a string, so the text holds two for every
    string it contains, dropped ones included, plus one per escaped quote. Escapes
    decode the same in every parser, and every value accepted here is ASCII text
    checked after decoding.
    """
    if type(line) is bytes:
        match = _match_line(line.decode("latin-1"))  # non-ASCII never matches
    elif type(line) is str:
        match = _match_line(line)
    else:
        return None
    current = _plans[0] if _plans else plan()
    if (  # a plan that is off has no classes' fields (None): it fails here too
        Person.__attrs_attrs__ is not current.person_attrs
        or PersonName.__attrs_attrs__ is not current.name_attrs
    ):
        return None if plan().enabled is False else read_text(line)
    if match is None:
        return _from_other(line)
    ident, text, given, prefixes, suffixes, number, raw_birth, raw_gender = match.groups()
    try:
        if text is not None:
            name: PersonName | None = _names.parse_name(text)
        else:
            pre = _written_titles(prefixes, "prefixes") if prefixes else ()
            suf = _written_titles(suffixes, "suffixes") if suffixes else ()
            if pre is None or suf is None:
                return None
            name = _name_of(current, given, pre, suf, _NO_VALUES)
    except AdminnetError as exc:  # a rule refused a value: the error pass reports it
        if text is None:
            return REFUSED
        record = _written_record(match)
        refused = _others(current, record, exc.with_traceback(None), number, raw_birth, raw_gender)
        refused.written = True
        return refused
    if name is None:
        return None
    person = _build(current, ident, name, number, raw_birth, raw_gender)
    if type(person) is Refused:
        person.record = _written_record(match)
        person.name = name
        person.plan = current
        person.written = True
    return person


def _written_record(match: re.Match[str]) -> dict[str, Any]:
    """The record of a line in the written layout, as a JSON parser returns it."""
    ident, text, given, prefixes, suffixes, number, raw_birth, raw_gender = match.groups()
    name: object = text
    if text is None:
        name = {
            "given": given,
            "prefixes": prefixes[1:-1].split('","') if prefixes else [],
            "suffixes": suffixes[1:-1].split('","') if suffixes else [],
        }
    return {
        "id": ident,
        "name": name,
        "nip": number,
        "birth_date": raw_birth,
        "gender": raw_gender,
    }


def _from_other(line: str | bytes) -> Person | Refused | None:
    """A text in another layout (see :func:`from_text`)."""
    quotes = line.count(b'"') if type(line) is bytes else line.count('"')  # type: ignore[arg-type]
    try:
        value = _json.fast_loads()(line)
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError; nesting
        return UNPARSED
    if type(value) is not dict:
        return None
    person = _from_dict(value)
    if type(person) is Person:
        return person if quotes == 2 * _strings(value) else None
    if type(person) is Refused and person.record is not None:
        # The record is what the exact parser gives only without escapes (every '"' a
        # delimiter: the count proves no key was dropped); floats are the error pass's.
        backslash = b"\\" in line if type(line) is bytes else "\\" in line
        if backslash or quotes != 2 * _strings(value):
            return REFUSED if person.suspect else None
    return person


# What the error pass (:mod:`adminnet.serialization._person_faults`) reads of this module.
PERSON_FIELDS: Final = _PERSON_FIELDS
PERSON_KEYS: Final = _PERSON_KEYS
GENDERS: Final = _GENDERS
date_of: Final = _date
is_nip: Final = _is_nip
name_of_value: Final = _name
