"""Private: the error pass of the Person accelerator (every problem of a refused record).

When the accelerator (:mod:`adminnet.serialization._person`) refuses a JSON line, the
record is most likely invalid, and the report must list every problem, exactly as the
general path (cattrs' structuring, the constructor, then a pass over every validator)
words it. That path costs about 70 us a record; this one reads the record once more,
field by field, with the accelerator's own rule calls, and builds the
:class:`~adminnet.errors.ErrorDetail` list directly: no exception groups, no second
parse, no second pass.

What it knows is what the accelerator knows, no more. For each field, in field order:

- a value of a JSON type it does not read itself (a number for the NIP, a non-ASCII
  text...) or a missing required key: the field's own structure hook (passed in by
  the Person hook, the very function of the general path) is called, and its error
  is the field's; if the hook *accepts* the value, the pass declines;
- the id: the model's pattern; when it fails, Person's own ``id`` validator is called
  for its error;
- the name: :func:`~adminnet.text.names.parse_name` for an ASCII string (its error is
  the one the name's hook raises); an object is read by the accelerator or the pass
  declines (a nested error has a nested path);
- the birth date: the serialization's date hook; the gender: its value;
- then the rules between valid values, as Person's validators call them:
  :func:`~adminnet.ids.nip.validate` at ``nip``, and
  :func:`~adminnet.ids.nip.check_person` at ``birth_date`` and at ``gender`` (each
  on its own, as each field's validator does), an error equal to one already found
  (same code and values) dropped, as the general path drops it. When the NIP's error
  is a shape error (:func:`~adminnet.ids.nip.is_shape_error`), ``check_person`` is not
  called: its owner states that it raises that very error, which would be dropped.

Unknown keys follow, in input order. The pass declines (``None``: the general path
decides) for anything else: a float (the exact parser reads it as a Decimal, which
may be worded otherwise), a name object with a problem, a hook that accepts, an error
without the expected field. It is checked against the model on the probe records
of the accelerator when first used (any disagreement turns it off), and against the
general path on arbitrary records by ``tests/serialization/test_error_pass.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from cattrs import AttributeValidationNote

from adminnet.errors import AdminnetError, ErrorDetail, InvalidDataError
from adminnet.ids import nip as _nip
from adminnet.model import _common
from adminnet.model.person import Person
from adminnet.serialization import _person
from adminnet.serialization._collect import _same_message
from adminnet.serialization._errors import render_path, unknown_key_error
from adminnet.serialization._primitives import Hook, structure_date
from adminnet.text import names as _names

__all__ = ["details", "enabled"]

enabled = True
"""False: every refused record goes the general way (the differential tests' reference)."""

_MISSING: Final = object()
_FIELDS: Final = _person.PERSON_FIELDS
_PATHS: Final = {name: render_path([name]) for name in _FIELDS}
_GENDERS: Final = _person.GENDERS
_is_nip: Final = _person.is_nip
_is_shape_error: Final = _nip.is_shape_error
# nip.check_person's codes (its docstring): which of its two comparisons failed
_BIRTH_MISMATCH: Final = "person.nip_birth_date_mismatch"
_GENDER_MISMATCH: Final = "person.nip_gender_mismatch"

Entry = tuple[str, AdminnetError | None, object]
"""A field's problem: its name, the rule's error (``None``: ask its hook), the raw value."""


def _entries(
    refused: _person.Refused, current: _person.Plan
) -> tuple[list[Entry], list[str]] | None:
    """The problems of the refused record, in field order, and its unknown keys.

    Each field is structured, then its validators' rules run, in field order: the
    order in which the general path lists them, and in which it drops an error equal
    to an earlier one.
    """
    record = refused.record
    if record is None:
        return None
    get = record.get
    ident = get("id", _MISSING)
    raw_name = get("name", _MISSING)
    out: list[Entry] = []
    seen: list[AdminnetError] = []  # the validators' errors so far
    # id: structured by its hook unless an ASCII string; then the model's pattern
    if refused.written:
        pass  # a line in the written layout: its pattern includes the id's
    elif type(ident) is not str or not ident.isascii():
        out.append(("id", None, ident))
    elif _common.ID_PATTERN.match(ident) is None:
        error = _id_error(current, ident)
        if error is None:
            return None
        out.append(("id", error, ident))
        seen.append(error)
    # name: parse_name on an ASCII string; an object as the accelerator reads it
    name = refused.name
    if type(raw_name) is str and raw_name.isascii():
        if name is None:
            try:
                name = _names.parse_name(raw_name)
            except AdminnetError as exc:
                name = exc.with_traceback(None)
        if isinstance(name, AdminnetError):
            out.append(("name", name, raw_name))
    elif type(raw_name) is dict:
        if name is None:
            if not current.name_keys.issuperset(raw_name):
                return None
            try:
                name = _person.name_of_value(raw_name, current)
            except AdminnetError:
                return None  # the error of a name's field has its own path
            if name is None:
                return None
    else:
        out.append(("name", None, raw_name))  # missing or another JSON type
    # (checked: the accelerator found that they pass and agree)
    if not refused.checked and not _others(refused, get, out, seen):
        return None
    if _person.PERSON_KEYS.issuperset(record):
        return out, []
    return out, [key for key in record if key not in _person.PERSON_KEYS]


def _others(
    refused: _person.Refused, get: Any, out: list[Entry], seen: list[AdminnetError]
) -> bool:
    """The problems of the NIP, the birth date and the gender, added to ``out``.

    ``seen``: the validators' errors so far, to which the NIP's is added. What the
    accelerator learnt (``refused``) is taken as it is, the rest asked of the rules.
    False: the pass declines.
    """
    raw_nip = get("nip")
    raw_birth = get("birth_date")
    raw_gender = get("gender")
    # nip: structured (Person's converter compacts it), then the NIP rule
    number = refused.number  # the number to compare with the birth date and gender, if any
    if number is None and raw_nip is not None:
        if type(raw_nip) is str and raw_nip.isascii():
            number = raw_nip if _is_nip(raw_nip) else _nip.compact(raw_nip)
            # The accelerator's answer (it asked the rule already) is the rule's about the
            # compact number only if the text is written compact: an error quotes the text.
            error = refused.nip if number == raw_nip else None
            if error is None:
                try:
                    _nip.validate(number)
                except AdminnetError as exc:
                    error = exc.with_traceback(None)
            if error is not None:
                # (asked: check_person was, so it is no shape error)
                if not refused.asked and _is_shape_error(error):
                    # check_person would raise this very error at the birth date and at
                    # the gender (its owner says so), dropped there as said: nothing to
                    # compare.
                    number = None
                out.append(("nip", error, raw_nip))
                seen.append(error)
        else:
            out.append(("nip", None, raw_nip))
    # check_person's answer about the NIP with the birth date and gender as read, when
    # the accelerator asked it: it compares the birth date first and raises the code of
    # the comparison that failed (its documented codes).
    asked = refused.asked
    agree = refused.agree
    # birth date: structured, then its agreement with the NIP
    if type(raw_birth) is str:
        birth = refused.birth_date
        if birth is None:
            error = refused.birth  # the hook's error, when the accelerator asked it
            if error is None:
                birth = _person.date_of(raw_birth)
                if birth is None:
                    try:
                        structure_date(raw_birth)
                    except AdminnetError as exc:
                        error = exc.with_traceback(None)
                    else:  # pragma: no cover - the memo refuses only what the hook refuses
                        return False
            if error is not None:
                out.append(("birth_date", error, raw_birth))
        if birth is not None and number is not None:
            if asked:  # agreed, unless the birth date is what it refused
                error = agree if agree is not None and agree.code == _BIRTH_MISMATCH else None
            else:
                error = None
                try:
                    _nip.check_person(number, birth_date=birth)
                except AdminnetError as exc:
                    error = exc.with_traceback(None)  # no cycle through this frame
            if error is not None:
                if not _said(error, seen):
                    out.append(("birth_date", error, raw_birth))
                seen.append(error)
    elif raw_birth is not None:
        out.append(("birth_date", None, raw_birth))
    # gender: its value, then its agreement with the NIP
    if raw_gender is not None:
        gender = _GENDERS.get(raw_gender) if type(raw_gender) is str else None
        if gender is None:
            out.append(("gender", None, raw_gender))
        elif number is not None:
            if asked and (agree is None or agree.code == _GENDER_MISMATCH):
                error = agree  # (a mismatch of the birth date says nothing of the gender)
            else:
                error = None
                try:
                    _nip.check_person(number, gender=gender)
                except AdminnetError as exc:
                    error = exc.with_traceback(None)
            if error is not None and not _said(error, seen):
                out.append(("gender", error, raw_gender))
    return True


def _said(error: AdminnetError, before: list[AdminnetError]) -> bool:
    """Whether ``error`` says what one of ``before`` said (the general path's test).

    Errors of different codes never say the same (the code is part of what is compared).
    """
    code = error.code
    same = None
    for b in before:
        if b.code == code:
            if same is None:
                same = _same_message(error)
            if _same_message(b) == same:
                return True
    return False


def _id_error(current: _person.Plan, ident: str) -> AdminnetError | None:
    """The error of Person's own ``id`` validator for ``ident``, if it names the id."""
    attribute: Any = current.person_attrs[0]  # type: ignore[index]
    try:
        attribute.validator(object.__new__(Person), attribute, ident)
    except AdminnetError as exc:
        exc.with_traceback(None)
        for note in getattr(exc, "__notes__", ()):
            if note.__class__ is AttributeValidationNote:
                return exc if note.name == "id" else None
    return None


def details(
    refused: _person.Refused,
    hooks: Mapping[str, tuple[Hook, Any]],
    known: str,
    line: int | None = None,
) -> list[ErrorDetail] | None:
    """Every problem of a refused record, as the general path reports them, or ``None``.

    ``hooks``: each field's structure hook and type, as the general path calls them;
    ``known``: the field names as the unknown-key message lists them.
    """
    current = refused.plan or _person.plan()  # the plan the record was read with
    if not enabled or (current is not _agreeing[0] and not _verified(current)):
        return None
    found = _entries(refused, current)
    if found is None:
        return None
    entries, extra = found
    out: list[ErrorDetail] = []
    for field, error, raw in entries:
        path = _PATHS[field]
        if error is None:
            if raw is _MISSING:
                out.append(
                    ErrorDetail.from_code(
                        path, "document.missing_key", {"value": repr(field)}, line=line
                    )
                )
                continue
            if type(raw) is float:
                return None  # the exact parser reads a Decimal
            hook, tp = hooks[field]
            try:
                hook(raw, tp)
            except AdminnetError as exc:
                error = exc.with_traceback(None)
            except Exception:  # not a rule's error: the general path reports it
                return None
            else:
                return None  # the hook accepts what the accelerator does not read
            if isinstance(error, InvalidDataError):
                return None
        out.append(ErrorDetail.from_error(path, error, line))
    for key in extra:
        unknown = unknown_key_error(Person, key, known)
        out.append(ErrorDetail.from_error(render_path([key]), unknown, line))
    return out or None


# --- the check against the model ---------------------------------------------------------

# Each is refused by Person's constructor at a validator (a string name, an ISO birth
# date); its first error must be this pass's first, at the same field.
_PROBES: Final = (
    {"id": "Budi", "name": "Budi"},
    {"id": "budi", "name": ""},
    {"id": "budi", "name": "Dr., M.Si."},
    {"id": "budi", "name": "Budi", "nip": "196513021990031002"},
    {"id": "budi", "name": "Budi", "nip": "196503021990031000"},
    {"id": "budi", "name": "Budi", "nip": "19650302199003100"},
    {"id": "budi", "name": "Budi", "nip": "1965030219900310O2"},
    {"id": "budi", "name": "Budi", "nip": "196503021990001002"},
    {"id": "budi", "name": "Budi", "nip": "196503021990033002"},
    {"id": "budi", "name": "Budi", "nip": "196503021990031002", "birth_date": "1965-03-03"},
    {"id": "budi", "name": "Budi", "nip": "196503021990031002", "gender": "female"},
    {"id": "budi", "name": "Budi", "nip": "199003021990031002"},
)

_checked: list[tuple[object, bool]] = []  # (the plan, whether the probes agree)
_agreeing: list[object] = [None]  # that plan if they agree (one identity test a line)


def _verified(current: _person.Plan) -> bool:
    """Whether the probes agree with the model, for the ``current`` plan (asked once)."""
    if _checked and _checked[0][0] is current:
        return _checked[0][1]
    ok = current.enabled and all(_agrees(record, current) for record in _PROBES)
    _checked[:] = [(current, ok)]
    _agreeing[0] = current if ok else None
    return ok


def _agrees(record: dict[str, Any], current: _person.Plan) -> bool:
    kwargs: dict[str, Any] = dict(record)
    if "birth_date" in kwargs:
        kwargs["birth_date"] = structure_date(kwargs["birth_date"])
    try:
        Person(**kwargs)
    except AdminnetError as exc:
        expected = exc
    else:
        return False  # a probe the model accepts: the pass would not know it
    field = next(
        (n.name for n in getattr(expected, "__notes__", ()) if type(n) is AttributeValidationNote),
        None,
    )
    # The pass alone, and with what the accelerator learnt reading the record.
    learnt = _person.read_value(dict(record))
    for refused in (_person.Refused(dict(record)), learnt):
        if not isinstance(refused, _person.Refused):
            return False
        found = _entries(refused, current)
        if found is None or not found[0]:
            return False
        first_field, error, _ = found[0][0]
        if not (
            first_field == field
            and error is not None
            and (error.code, error.variant, dict(error.params), type(error))
            == (expected.code, expected.variant, dict(expected.params), type(expected))
        ):
            return False
    return True
