"""The Person error pass against the general path: the same details for every record.

The error pass (``serialization/_person_faults.py``) reports the problems of a Person
line the accelerator refused without cattrs' structuring and exception groups. The
general path (the accelerator off, cattrs' structuring, the constructor, the pass over
every validator) is the reference: for arbitrary records, valid or broken in one or
several ways, written in adminnet's own layout or in another, both must give the same
``(line, path, code, message, params)`` list, so the two can never drift.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import adminnet.strategies
from adminnet.errors import InvalidDataError
from adminnet.model.person import Person
from adminnet.serialization import _person, _person_faults, from_json, iter_jsonl, to_dict
from adminnet.strategies import invalid

Detail = tuple[object, ...]


@contextmanager
def _general() -> Iterator[None]:
    """The reference: the accelerator and its error pass off."""
    _person.reset()
    _person._plans.append(_person.Plan(enabled=False, reason="this test: the general path"))
    try:
        yield
    finally:
        _person.reset()


def _jsonl(lines: list[bytes]) -> list[Detail]:
    found: list[Detail] = []
    for _ in iter_jsonl(Person, lines, on_error=lambda e: found.extend(_plain(e))):
        pass
    return found


def _plain(exc: InvalidDataError) -> list[Detail]:
    return [(d.line, d.path, d.code, d.message, dict(d.params)) for d in exc.errors]


def _document(text: bytes) -> list[Detail] | Person:
    try:
        return from_json(Person, text)
    except InvalidDataError as exc:
        return _plain(exc)


def _both(lines: list[bytes]) -> None:
    """The error pass and the general path agree on ``lines`` (and each as a document)."""
    _person.reset()
    fast = _jsonl(lines)
    fast_docs = [_document(line) for line in lines]
    with _general():
        general = _jsonl(lines)
        general_docs = [_document(line) for line in lines]
    assert fast == general
    assert fast_docs == general_docs


# Values that break a field: other JSON types, near misses, odd text.
_ODD: list[object] = [
    None,
    True,
    0,
    12,
    -1,
    1.5,
    1e20,
    "",
    " ",
    "x",
    "Budi",
    "pria",
    "male",
    "female",
    "1965-03-02",
    "1965-02-30",
    "02-03-1965",
    "196503021990031002",
    "19650302 199003 1 002",
    "196503021990031O02",
    "196513021990031002",
    "196503021990001002",
    "130123456",
    "000000000",
    "Dr., M.Si.",
    "Ir. Budi Santoso, M.Si.",
    "Siti Nurhal\u00edza",
    "b\u00fcdi",
    "\ud800",
    "NOT AN ID",
    [],
    ["Dr."],
    {},
    {"given": "Budi"},
    {"given": "", "prefixes": [], "suffixes": []},
    {"given": "Budi", "prefixes": ["XYZ"], "suffixes": []},
    {"given": "Budi", "prefixes": [], "suffixes": [], "extra": 1},
    {"given": 5},
]
_FIELDS = ("id", "name", "nip", "birth_date", "gender")
_KEYS = (*_FIELDS, "golongan", "Nip", "birth-date", "a b")


@st.composite
def _records(draw: st.DrawFn) -> dict[str, Any]:
    person = draw(adminnet.strategies.persons())
    record: dict[str, Any] = dict(to_dict(person))
    for _ in range(draw(st.integers(0, 5))):
        key = draw(st.sampled_from(_KEYS))
        how = draw(st.integers(0, 9))
        if how == 0:
            record.pop(key, None)
        elif how == 1 and key == "nip":
            record[key] = _json_value(draw(invalid.nips())[0])
        elif how == 2 and key == "name":
            record[key] = _json_value(draw(invalid.person_names())[0])
        elif how == 3 and key == "birth_date":
            record[key] = draw(st.dates()).isoformat()
        else:
            record[key] = draw(st.sampled_from(_ODD))
    if draw(st.booleans()):  # keys in another order
        items = list(record.items())
        record = dict(draw(st.permutations(items)))
    return record


def _json_value(value: object) -> object:
    """A near miss as JSON can carry it (bytes, say, as their text)."""
    if value is None or isinstance(value, str | int | float | list | dict):
        return value
    return str(value)


def _line(record: dict[str, Any], compact: bool) -> bytes:
    if compact:  # adminnet's own layout when the keys are in field order
        return json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode(
            "utf-8", "surrogatepass"
        )
    return json.dumps(record).encode()


@given(records=st.lists(_records(), min_size=1, max_size=4), compact=st.booleans())
@example(records=[{"id": "budi", "name": "Budi", "nip": 196503021990031002}], compact=True)
@example(records=[{"id": "budi", "name": "Budi", "nip": 1.5}], compact=True)
@example(records=[{"id": "Budi", "name": "", "birth_date": "1965-02-30"}], compact=True)
@example(records=[{"name": "Budi", "extra": 1}], compact=False)
@example(
    records=[
        {
            "id": "budi",
            "name": "Budi",
            "nip": "196503021990031002",
            "birth_date": "1965-03-03",
            "gender": "female",
        },
        {"id": "B", "name": "", "nip": "x", "birth_date": "3", "gender": "pria", "a": 1, "b": 2},
        {"id": 1, "name": 2, "nip": 3, "birth_date": 4, "gender": 5},
        {"id": "b", "name": "B", "nip": "196513021990031002", "gender": "female"},
    ],
    compact=True,
)
@example(  # refused at the id or the name: the accelerator reads the other fields too
    records=[
        {
            "id": "Budi",
            "name": "Budi",
            "nip": "196503021990001002",
            "birth_date": "1970-01-01",
            "gender": "female",
        },
        {
            "id": "budi",
            "name": "Dr., M.Si.",
            "nip": "196503021990031002",
            "birth_date": "1965-03-03",
            "gender": "female",
        },
        {"id": "B", "name": "", "nip": "196503021990031002", "birth_date": "1965-03-02"},
        {"id": "budi", "name": 5, "nip": "19650302 199000 1 002", "gender": "female"},
        {"id": "budi", "nip": "196503021990031002", "birth_date": "1965-02-30"},
    ],
    compact=True,
)
@example(  # a NIP refused for other than its shape, compared once with both fields
    records=[
        {
            "id": "budi",
            "name": "Budi",
            "nip": number,
            "birth_date": birth,
            "gender": gender,
        }
        for number in ("196503021990001002", "19650302 199000 1 002", "196503022099011002")
        for birth in ("1965-03-02", "1970-01-01")
        for gender in ("male", "female")
    ],
    compact=False,
)
def test_the_error_pass_gives_the_general_paths_details(
    records: list[dict[str, Any]], compact: bool
) -> None:
    _both([_line(r, compact) for r in records])


# A NIP of each shape (written with separators or not) against a birth date and a
# gender it disagrees with: check_person is skipped for a shape error only, and an
# impossible part leaves the comparisons to be made.
_SHAPES = [
    "19650302 199003 1 002",  # valid
    "19650302 199000 1 002",  # TMT month 00: not a shape error
    "19650302-199003-1-00",  # 17 digits
    "19650302.199003.1.0O2",  # a letter
    "1965 0302 1990 0310 02 7",  # 19 digits
    " - ",  # separators only
    "1",
    "000000000",
    "130123456",
]


@pytest.mark.parametrize("number", _SHAPES)
def test_each_shape_of_nip_with_disagreeing_birth_and_gender(number: str) -> None:
    records = [
        {"id": "budi", "name": "Budi", "nip": number, "birth_date": birth, "gender": gender}
        for birth in ("1965-03-02", "1970-01-01", "1965-02-30")
        for gender in ("male", "female", "pria")
    ]
    _both([_line(r, compact) for r in records for compact in (True, False)])


@given(case=invalid.documents(Person))
def test_near_miss_documents(case: tuple[dict[str, Any], str]) -> None:
    document, _ = case
    _both([_line(document, True), _line(document, False)])


_BENCH_KINDS = [
    # one line for each kind of bench/make_records.py, in the written layout
    '{"id":"asn-1","name":"Budi","nip":"196503021990031002","birth_date":"1965-03-03",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":"196503021990031002","birth_date":"1965-03-02",'
    '"gender":"female"}',
    '{"id":"asn-1","name":"Budi","nip":"196513021990031002","birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":"196503021990001002","birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":"196503021990033002","birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":"196503021990031000","birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":"196503021982011002","birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":"196503022099011002","birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":"19650302199003100","birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":"1965030219900310O2","birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":196503021990031002,"birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":"196503021990031002","birth_date":"1965-03-02",'
    '"gender":"pria"}',
    '{"id":"asn-1","name":"Budi","nip":"196503021990031002","birth_date":"1965-02-30",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Budi","nip":"196503021990031002","birth_date":"02-03-1965",'
    '"gender":"male"}',
    '{"id":"ASN 1","name":"Budi","nip":"196503021990031002","birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","name":"Dr., M.Si.","nip":"196503021990031002","birth_date":"1965-03-02",'
    '"gender":"male"}',
    '{"id":"asn-1","nip":"196503021990031002","birth_date":"1965-03-02","gender":"male"}',
    '{"id":"asn-1","name":{"given":"Budi","prefixes":["Dr."],"suffixes":[]},'
    '"nip":"196503021990031002","birth_date":"1965-03-02","gender":"male","golongan":"III/a"}',
    '{"id":"asn-1","name":"Budi","nip":"196503021990031002","birth_date":"1965-03-02","gender":',
]


def test_every_kind_of_the_benchmark() -> None:
    _both([line.encode() for line in _BENCH_KINDS])


def test_the_error_pass_answers_the_benchmark_kinds() -> None:
    """Each kind but the unparsable line is answered by the error pass, not declined."""
    _person.reset()
    calls: list[bool] = []
    real = _person_faults.details

    def spy(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        calls.append(found is not None)
        return found

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_person_faults, "details", spy)
        _jsonl([line.encode() for line in _BENCH_KINDS])
    assert calls == [True] * (len(_BENCH_KINDS) - 1)


def test_a_model_that_disagrees_turns_the_error_pass_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The probes compare the pass with Person's constructor; a mismatch turns it off."""
    _person.reset()
    _person_faults._checked.clear()
    assert _person_faults._verified(_person.plan())
    monkeypatch.setattr(
        _person_faults,
        "_PROBES",
        ({"id": "budi", "name": "Budi", "nip": "196503021990031002", "gender": "male"},),
    )  # a record the model accepts: the pass cannot vouch for it
    _person_faults._checked.clear()
    assert not _person_faults._verified(_person.plan())
    line = _BENCH_KINDS[0].encode()
    with _general():
        general = _jsonl([line])
    _person.reset()
    assert _jsonl([line]) == general
    _person_faults._checked.clear()


def test_the_details_and_error_of_a_bad_line_are_what_the_constructors_make() -> None:
    """ErrorDetail set slot by slot and InvalidDataError's bare set-up change no value."""
    from adminnet.errors import ErrorDetail, InvalidComponent

    error = InvalidComponent(code="nip.invalid_serial", params={"value": "000"})
    fast = ErrorDetail.from_error("$.nip", error, 3)
    slow = ErrorDetail("$.nip", error.code, error.message, 3, params=dict(error.params))
    assert (fast, fast.params, type(fast.params)) == (slow, slow.params, dict)
    assert repr(fast) == repr(slow)
    moved = fast._at_line(7)
    made = ErrorDetail("$.nip", error.code, error.message, 7, params=dict(error.params))
    assert (moved, moved.params, repr(moved)) == (made, made.params, repr(made))
    for code in (None, "rule_errors"):
        made = InvalidDataError([fast], code=code)
        assert made.args == ((code or "invalid_data"),)
        assert (made.code, dict(made.params), made.variant, made.errors) == (
            code or "invalid_data",
            {},
            None,
            (fast,),
        )
        assert str(made) == str(fast)
    assert str(InvalidDataError([])) == "the document is not valid"


def test_a_record_refused_at_its_id_or_name_says_whether_the_rest_passes() -> None:
    """The accelerator reads the other fields of such a record, for the error pass."""
    _person.reset()
    good = '"nip":"196503021990031002","birth_date":"1965-03-02","gender":"male"}'
    bad = '"nip":"196503021990031002","birth_date":"1965-03-03","gender":"male"}'
    for head in ('{"id":"ASN 1","name":"Budi",', '{"id":"asn-1","name":"Dr., M.Si.",'):
        passes = _person.read_text(head + good)
        assert isinstance(passes, _person.Refused)
        assert passes.checked
        assert passes.record is not None
        fails = _person.read_text(head + bad)
        assert isinstance(fails, _person.Refused)
        assert not fails.checked
        assert fails.asked
        assert fails.agree is not None
        assert fails.agree.code == "person.nip_birth_date_mismatch"
        _both([(head + line).encode() for line in (good, bad)])
