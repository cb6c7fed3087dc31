"""The serialization package: its one accelerator seam, and the reliability fixes of issue 16.

- The Person accelerator calls the model's public rules (a changed rule changes both
  paths) and turns itself off when it can no longer vouch for the classes.
- PersonName's optional text fields are handled generically (from ``attrs.fields``).
- #1 a JSON exponent beyond the range read, #4 odd keys in the extra-keys error, #5
  every public type round-trips through JSON (enumerated from ``adminnet.__all__``),
  #14 a text stream with an undecodable line.
"""

from __future__ import annotations

import enum
import io
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import adminnet
from adminnet.errors import ErrorDetail, InconsistentData, InvalidDataError
from adminnet.export import json_schema
from adminnet.ids import nip
from adminnet.model.dataset import Dataset
from adminnet.model.digital import GRADING_SCHEMES, GradingScheme, Progress
from adminnet.model.person import Person
from adminnet.model.region import RegionName
from adminnet.serialization import (
    _person,
    _person_plan,
    from_dict,
    from_json,
    iter_jsonl,
    to_dict,
    to_json,
)
from adminnet.text import names
from adminnet.text.names import PersonName
from adminnet.time import PartialDate, Period
from test_serialization import BUILDERS as SERIALIZATION_BUILDERS

BUDI = (
    '{"id":"budi","name":{"given":"Budi Santoso","prefixes":["Ir."],"suffixes":["M.Si."]},'
    '"nip":"196503021990031002","birth_date":"1965-03-02","gender":"male"}'
)
BUDI_TEXT = '{"id":"budi","name":"Budi","nip":"196503021990031002","gender":"male"}'


@pytest.fixture(autouse=True)
def _fresh_plan() -> Iterator[None]:
    _person.reset()
    yield
    _person.reset()


def _errors(exc: InvalidDataError) -> list[tuple[str, str]]:
    return [(d.path, d.code) for d in exc.errors]


# --- the accelerator ---------------------------------------------------------------------


def test_accelerator_is_on_for_the_model_as_it_is() -> None:
    current = _person.plan()
    assert current.enabled, current.reason
    assert _person.from_text(BUDI) == from_dict(Person, to_dict(from_json(Person, BUDI)))


def test_swapping_a_person_validator_turns_the_accelerator_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once the fields change after the plan was made, every record goes the general way."""
    assert _person.from_text(BUDI) is not None
    fields = attrs.fields(Person)

    def refuse(instance: object, attribute: Any, value: object) -> None:
        msg = "no"
        raise InconsistentData(msg, code="test.refused")

    swapped = tuple(
        a.evolve(validator=refuse) if a.name == "gender" else a  # type: ignore[attr-defined]
        for a in fields
    )
    monkeypatch.setattr(Person, "__attrs_attrs__", type(fields)(swapped))
    assert _person.from_text(BUDI) is None
    assert _person.from_value(to_dict(Person(id="x", name="X"))) is None
    assert not _person.plan().enabled
    assert "changed" in _person.plan().reason


def test_a_converter_it_cannot_replicate_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """A converter that takes self is not one the accelerator can call: off from the start."""
    fields = attrs.fields(Person)
    odd = attrs.Converter(lambda value, _self: value, takes_self=True)  # type: ignore[misc,call-overload]
    swapped = tuple(a.evolve(converter=odd) if a.name == "nip" else a for a in fields)  # type: ignore[attr-defined]
    monkeypatch.setattr(Person, "__attrs_attrs__", type(fields)(swapped))
    assert not _person.plan().enabled
    assert "converter" in _person.plan().reason
    assert from_json(Person, BUDI).nip == "196503021990031002"  # the general path answers


def test_probes_that_disagree_turn_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan is checked by behaviour: any probe the model answers otherwise disables it."""
    monkeypatch.setattr(_person_plan, "by_model", lambda record: None)  # "the model refuses all"
    current = _person.plan()
    assert not current.enabled
    assert current.reason.startswith("probe")
    assert _person.from_text(BUDI) is None
    assert from_json(Person, BUDI).id == "budi"


def test_a_changed_nip_rule_changes_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """nip.check_person is the one owner of the NIP layout: both paths call it."""
    real = nip.check_person
    assert _person.from_text(BUDI) is not None

    def stricter(number: str, **kwargs: Any) -> None:
        real(number, **kwargs)
        if kwargs.get("gender") is not None and number.endswith("002"):
            msg = "serial 002 is reserved"
            raise InconsistentData(msg, code="person.test_rule")

    monkeypatch.setattr(nip, "check_person", stricter)
    assert _person.from_text(BUDI) is None
    with pytest.raises(InvalidDataError) as info:
        from_json(Person, BUDI)
    assert _errors(info.value) == [("$.gender", "person.test_rule")]
    with pytest.raises(InconsistentData, match="reserved"):
        Person(id="b", name="B", nip="196503021990031002", gender="male")


def test_a_changed_name_rule_changes_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_name is looked up at each call by the model and the accelerator alike."""
    real = names.parse_name
    monkeypatch.setattr(names, "parse_name", lambda text: real(text.upper()))
    line = BUDI_TEXT
    fast = _person.from_text(line)
    assert fast is not None
    assert fast.name.given == "BUDI"
    assert Person(id="b", name="Budi").name.given == "BUDI"
    assert from_dict(Person, {"id": "b", "name": "Budi"}).name.given == "BUDI"


def test_check_person_is_the_layout() -> None:
    import pendulum

    nip.check_person("196503021990031002", birth_date=pendulum.date(1965, 3, 2))
    nip.check_person("130123456", birth_date=pendulum.date(1999, 1, 1))  # legacy: no parts
    with pytest.raises(InconsistentData) as info:
        nip.check_person("196503021990031002", birth_date=pendulum.date(1965, 3, 3))
    assert info.value.code == "person.nip_birth_date_mismatch"
    with pytest.raises(InconsistentData) as info:
        nip.check_person("19650302 199003 2 002", gender=nip.Gender.MALE)
    assert info.value.code == "person.nip_gender_mismatch"


# --- PersonName's optional texts, generically ---------------------------------------------


@attrs.frozen(kw_only=True)
class RankedName(PersonName):
    """A PersonName with the two optional texts h/names adds (pangkat and sapaan)."""

    rank: str | None = None
    honorific: str | None = None


def test_optional_texts_are_written_only_when_set() -> None:
    from adminnet.serialization import make_converter

    converter = make_converter()
    plain = RankedName(given="Firman Shantyabudi", prefixes=("Drs.",))
    assert converter.unstructure(plain) == {
        "given": "Firman Shantyabudi",
        "prefixes": ["Drs."],
        "suffixes": [],
    }
    ranked = RankedName(given="Firman Shantyabudi", rank="Irjen Pol.", honorific="Bapak")
    written = converter.unstructure(ranked)
    assert written["rank"] == "Irjen Pol."
    assert written["honorific"] == "Bapak"


def test_the_accelerator_reads_optional_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """With RankedName in PersonName's place, the plan serves its optional texts."""
    monkeypatch.setattr(_person, "PersonName", RankedName)
    monkeypatch.setattr(_person_plan, "PersonName", RankedName)
    current = _person.plan()
    assert current.enabled, current.reason
    assert current.optional_names == ("rank", "honorific")
    record = {"id": "firman", "name": {"given": "Firman Shantyabudi", "rank": "Irjen Pol."}}
    person = _person.from_value(record)
    assert person is not None
    assert person.name == RankedName(given="Firman Shantyabudi", rank="Irjen Pol.")
    assert _person.from_value({"id": "f", "name": {"given": "F", "rank": 5}}) is None


def _untitled(value: object) -> object:
    return "tanpa pangkat" if value is None else value


@attrs.frozen(kw_only=True)
class DefaultRankName(PersonName):
    """A PersonName whose pangkat converter turns ``None`` into a text."""

    rank: str | None = attrs.field(default=None, converter=_untitled)
    honorific: str | None = None


def test_none_goes_its_own_way_when_a_converter_changes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An absent optional text skips its steps only where they leave ``None`` as it is."""
    assert _person.plan().none_setters is not None  # PersonName as it is: None passes
    _person.reset()
    monkeypatch.setattr(_person, "PersonName", DefaultRankName)
    monkeypatch.setattr(_person_plan, "PersonName", DefaultRankName)
    current = _person.plan()
    assert current.enabled, current.reason
    assert current.none_setters is None
    person = _person.from_value({"id": "budi", "name": {"given": "Budi"}})
    assert person is not None
    assert person.name == DefaultRankName(given="Budi")
    assert person.name.rank == "tanpa pangkat"


def test_json_schema_describes_optional_texts() -> None:
    schema = json_schema(RankedName)["$defs"]["RankedName"]["anyOf"][1]
    assert "rank" not in schema["required"]
    assert schema["properties"]["rank"]["anyOf"][1] == {"type": "null"}


# --- issue 16 #1: a JSON exponent -------------------------------------------------------

HUGE = "1e99999999999999999999"


@pytest.mark.parametrize("cls", [Person, Dataset, PartialDate])
def test_a_huge_exponent_is_an_adminnet_error(cls: type) -> None:
    with pytest.raises(InvalidDataError) as info:
        from_json(cls, HUGE)
    assert _errors(info.value) == [("$", "number.out_of_range")]
    assert HUGE in str(info.value)


def test_a_huge_exponent_inside_a_document() -> None:
    doc = '{"format_version":"1.0","measurements":[{"indicator":{"key":"k","label":"L",'
    doc += f'"unit":"u","minimum":0,"maximum":{HUGE}}},"value":1,"on":"2016"}}]}}'
    with pytest.raises(InvalidDataError) as info:
        from_json(Dataset, doc)
    assert _errors(info.value) == [("$", "number.out_of_range")]


def test_decimal_strings_beyond_the_range() -> None:
    progress = {"achieved": "1e1000000", "expected": None, "on_track": None}
    with pytest.raises(InvalidDataError) as info:
        from_dict(Progress, progress)
    assert _errors(info.value) == [("$.achieved", "number.out_of_range")]
    progress["achieved"] = "1e999999"  # at the limit: read
    assert from_dict(Progress, progress).achieved == Decimal("1e999999")


@pytest.mark.parametrize("on_error", [False, True])
def test_a_huge_exponent_in_jsonl_spares_the_other_lines(on_error: bool) -> None:
    lines = [BUDI, HUGE, BUDI_TEXT, f'{{"id":"a","name":"A","nip":{HUGE}}}']
    seen: list[InvalidDataError] = []
    if on_error:
        got = list(iter_jsonl(Person, lines, on_error=seen.append))
        details = [d for e in seen for d in e.errors]
    else:
        got = []
        with pytest.raises(InvalidDataError) as info:
            got.extend(iter_jsonl(Person, lines))
        details = list(info.value.errors)
    assert [p.id for p in got] == ["budi", "budi"]
    assert [(d.line, d.code) for d in details] == [
        (2, "number.out_of_range"),
        (4, "number.out_of_range"),
    ]


# --- issue 16 #4: the extra-keys error with keys that are not strings ---------------------


@pytest.mark.parametrize("cls", [Progress, ErrorDetail, Period])
def test_odd_keys_are_reported_not_crashed_on(cls: type) -> None:
    with pytest.raises(InvalidDataError) as info:
        from_dict(cls, {1: "a", None: "b"})
    assert ("$[1]", "document.unknown_key") in _errors(info.value)
    assert ("$[None]", "document.unknown_key") in _errors(info.value)


# --- issue 16 #5: every public type round-trips -------------------------------------------

# The value classes outside a Dataset, drawn as test_serialization draws them.
BUILDERS: dict[type, st.SearchStrategy[Any]] = {
    cls: SERIALIZATION_BUILDERS[cls] for cls in (GradingScheme, Progress, ErrorDetail, RegionName)
}


def _public_classes() -> list[type]:
    """Every class in adminnet.__all__ but the exceptions and enums (values, not documents).

    A new public class lands here by itself, and fails below unless it is written and read
    back (and has a strategy or a builder).
    """
    found = []
    for name in adminnet.__all__:
        value = getattr(adminnet, name)
        if isinstance(value, type) and not issubclass(value, BaseException | enum.Enum):
            found.append(value)
    return found


def _strategy(cls: type) -> st.SearchStrategy[Any]:
    if cls in BUILDERS:
        return BUILDERS[cls]
    from adminnet import strategies  # noqa: F401 - registers the strategies

    return st.from_type(cls)


def test_every_public_class_is_enumerated() -> None:
    classes = _public_classes()
    assert {Person, Dataset, GradingScheme, Progress, ErrorDetail, PartialDate} <= set(classes)


@pytest.mark.parametrize("cls", _public_classes(), ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_public_type_round_trips_through_json(cls: type, data: st.DataObject) -> None:
    value = data.draw(_strategy(cls))
    text = to_json(value)
    assert from_json(cls, text) == value
    assert to_json(from_json(cls, text)) == text


def test_the_shipped_grading_schemes_round_trip() -> None:
    for scheme in GRADING_SCHEMES.values():
        assert from_json(GradingScheme, to_json(scheme)) == scheme


def test_enum_unions_refuse_unknown_values() -> None:
    doc = to_dict(GRADING_SCHEMES["spbe-permenpanrb-59-2020"])
    doc["bands"][0][1] = "gold"
    doc["bands"][1] = ["3.5", "baik"]
    with pytest.raises(InvalidDataError) as info:
        from_dict(GradingScheme, doc)
    assert _errors(info.value) == [
        ("$.bands[0][1]", "enum.invalid"),
        ("$.bands[1]", "type.invalid"),
    ]


# --- issue 16 #14: a text stream with an undecodable line --------------------------------

STREAM = (
    b'{"id":"a","name":"A"}\n{"id":"b","name":"B"}\n{"id":"c","name":"C"}\n'
    b'{"id":"d","name":"\xff"}\n{"id":"e","name":"E"}\n'
)


@pytest.mark.parametrize("text", [False, True])
def test_an_undecodable_line_loses_nothing_else(text: bool) -> None:
    stream: Any = io.BytesIO(STREAM)
    if text:
        stream = io.TextIOWrapper(stream, encoding="utf-8")
    seen: list[InvalidDataError] = []
    got = [p.id for p in iter_jsonl(Person, stream, on_error=seen.append)]
    assert got == ["a", "b", "c", "e"]
    assert [(d.line, d.code) for e in seen for d in e.errors] == [(4, "json.invalid_encoding")]


def test_a_text_stream_is_read_from_where_it_stands() -> None:
    stream = io.TextIOWrapper(io.BytesIO(STREAM.replace(b"\xff", b"D")), encoding="utf-8")
    stream.readline()
    assert [p.id for p in iter_jsonl(Person, stream)] == ["b", "c", "d", "e"]


def test_a_text_stream_in_another_encoding_is_read_as_text() -> None:
    stream = io.TextIOWrapper(io.BytesIO(STREAM.replace(b"\xff", b"Z")), encoding="latin-1")
    assert [p.id for p in iter_jsonl(Person, stream)] == ["a", "b", "c", "d", "e"]


_BREAKS: list[tuple[str, object]] = [
    ("nip", "196513321990031002"),  # no calendar date
    ("nip", "19651302199003100"),  # 17 digits
    ("birth_date", "1970-01-01"),  # disagrees with most NIPs
    ("gender", "female"),
    ("gender", "unknown"),
    ("name", ""),
    ("name", 12),
    ("id", "Not An Id"),
    ("birth_date", "2023-02-30"),
    ("extra", 1),
    # values the written layout's pattern takes as text and the rules then judge
    ("nip", "19650302 199003 1 002"),  # separators: Person's converter compacts them
    ("nip", "19650302-199003-1-002"),
    ("nip", "1965030219900310xy"),
    ("nip", "130123456"),  # a legacy 9-digit NIP
    ("birth_date", "1965-3-2"),
    ("birth_date", "02-03-1965"),
    ("gender", "MALE"),
    ("gender", "pria"),
]


@given(
    person=adminnet.strategies.persons(),
    breaks=st.lists(st.sampled_from(_BREAKS), min_size=1, max_size=3),
    written=st.booleans(),
)
def test_the_accelerators_refusal_hint_changes_no_error(
    person: Person, breaks: list[tuple[str, object]], written: bool
) -> None:
    """A record the accelerator refused gets exactly the errors of the general path,
    in the layout adminnet writes (read by its pattern) and in another (by a parser)."""
    import json

    record: dict[str, object] = dict(to_dict(person))
    record.update(breaks)  # a later break of a key wins
    line = json.dumps(record, separators=(",", ":") if written else None).encode()

    def details() -> list[tuple[object, ...]]:
        out: list[tuple[object, ...]] = []
        try:
            out = [("loaded", to_dict(p)) for p in iter_jsonl(Person, [line, line])]
        except InvalidDataError as exc:
            out = [(d.line, d.path, d.code, d.message, dict(d.params)) for d in exc.errors]
        return out

    _person.reset()
    with_accelerator = details()
    _person.reset()
    _person._plans.append(_person.Plan(enabled=False, reason="this test: the general path"))
    try:
        general = details()
    finally:
        _person.reset()
    assert with_accelerator == general
    maybe_valid = {  # fine without a NIP, or a NIP that agrees with the rest
        ("birth_date", "1970-01-01"),
        ("gender", "female"),
        ("nip", "19650302 199003 1 002"),
        ("nip", "19650302-199003-1-002"),
        ("nip", "130123456"),
    }
    assert general[0][0] != "loaded" or set(dict(breaks).items()) <= maybe_valid


def test_blank_lines_never_reach_a_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blank line is skipped before any loader sees it (a failed load costs a record's
    worth of work many times over)."""
    import adminnet.serialization as facade

    real = facade._line_loader
    seen: list[object] = []

    def spying(cls: type) -> object:
        load = real(cls)

        def spy(text: str | bytes, number: int) -> object:
            seen.append(text)
            return load(text, number)

        return spy

    monkeypatch.setattr(facade, "_line_loader", spying)
    lines = ["", "  ", "\r", "\t \r", BUDI, " ", b"", b" \r", BUDI.encode()]
    assert [p.id for p in iter_jsonl(Person, lines)] == ["budi", "budi"]
    assert seen == [BUDI, BUDI.encode()]


_HEAD = '{"id":"budi","name":'
_TAIL = ',"nip":"196503021990031002","birth_date":"1965-03-02","gender":"male"}'


@pytest.mark.parametrize(
    "make",
    [
        lambda n: _HEAD + '"' + "Budi " * (n // 5) + '"' + _TAIL,  # a long name
        lambda n: (
            _HEAD + '{"given":"Budi","prefixes":[' + '"Dr.",' * (n // 6) + '"Ir."],'
            '"suffixes":[]}' + _TAIL
        ),  # a long title list
        lambda n: _HEAD + '"Budi","nip":"' + "1" * n + '"}',  # a long NIP text
        lambda n: _HEAD + '"Budi","nip":"1965 03 02' + " 0" * (n // 2) + '"}',
        lambda n: _HEAD + '"Budi","birth_date":"' + "1965-" * (n // 5) + '"}',
        lambda n: _HEAD + '"Budi","gender":"' + "x" * n + '"}',
        lambda n: '{"id":"' + "a-" * (n // 2) + 'a","name":"Budi"}',  # a long id
        lambda n: '{"id":"' + "a-" * (n // 2) + '-","name":"Budi"}',  # a long near-miss id
        lambda n: _HEAD + '"' + "Budi " * (n // 5) + '"' + _TAIL[:-1],  # no closing brace
        lambda n: _HEAD + '"Budi"' + _TAIL[:-1] + ',"x":"' + "\\u0041" * (n // 6) + '"}',
    ],
)
def test_a_person_line_is_read_in_linear_time(make: Callable[[int], str]) -> None:
    """The written layout's pattern and every path after it (the other layout, the
    error pass, the general path) are linear in the line's length: 100x the text takes
    well under 1000x the time (quadratic would be 10,000x)."""
    from fuzz.growth import assert_linear

    def load(line: str) -> object:
        return list(iter_jsonl(Person, [line], on_error=lambda _e: None))

    assert_linear(load, make, limit=1_000, floor=2e-5)
