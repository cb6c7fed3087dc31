"""The table of entry points the fuzz suite drives: (name, callable, input strategy).

One row per public parser, predicate and lookup. ``text=True`` rows take a text as
their first argument and also get the time-growth test (1k, 10k, 100k characters).
Adding an entry point is one line; the expected additions of the integration are
written below as commented placeholders.
"""

from __future__ import annotations

import datetime as _dt
import functools
import inspect
from collections.abc import Callable
from typing import Any, NamedTuple

import hypothesis.strategies as st
from hypothesis.strategies import SearchStrategy

from adminnet import AgreementKind, Capacity, agencies, positions, regions
from adminnet.export import validate_batch
from adminnet.extract import extract
from adminnet.ids import golongan, nik, nip, region_code
from adminnet.text.dates import format_date, parse_date, parse_date_range, parse_datetime
from adminnet.text.names import parse_name
from adminnet.text.numbers import format_number, parse_amount, parse_number, parse_percent
from adminnet.text.positions import parse_position_phrase
from adminnet.time import PartialDate, Period

__all__ = ["CASES", "Case", "anything", "groups", "takes", "texts"]

Args = tuple[tuple[Any, ...], dict[str, Any]]

# Characters that the parsers treat specially, to reach past their first check.
_ALPHABET = [
    *"0123456789 .,/-:()'\"IVXLivxabcdeDrSMHPjtTnN\u00a0\t\n",
    "Maret", "Kamis", "Dr.", "M.Si.", "Ir.", "Kab.", "Kota ", "Pj.", "persen", "%",
    "Rp", "ribu", "juta", "III/a", "IV/e", "Januari", "2017", "16", "1990",
]  # fmt: skip
texts: SearchStrategy[str] = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join),
    st.text(alphabet=st.sampled_from("0123456789 ./-"), max_size=40),
)
"""Arbitrary text, text made of the parsers' own pieces, and digit soups."""

anything: SearchStrategy[Any] = st.one_of(
    texts,
    st.binary(max_size=40),
    st.integers(),
    st.floats(),
    st.none(),
    st.booleans(),
    st.decimals(),
    st.dates(),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.tuples(st.integers()),
)
"""Anything at all: texts, bytes, numbers, None, containers."""

_when: SearchStrategy[Any] = st.one_of(
    st.none(),
    st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2100, 12, 31)),
    st.dates().map(_dt.date.isoformat),
    anything,
)
_good_when: SearchStrategy[Any] = st.one_of(
    st.none(), st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2100, 12, 31))
)
_years: SearchStrategy[Any] = st.one_of(st.none(), st.integers(-10, 10_000), anything)
_levels: SearchStrategy[Any] = st.one_of(st.none(), st.integers(-1, 6), anything)
_limits: SearchStrategy[Any] = st.one_of(st.integers(-2, 50), anything)
# Decimals with moderate exponents: format_number of 1E+999999999 is defect 10
# (h/datesnum), tested on its own in test_known_defects.py.
_numbers: SearchStrategy[Any] = st.one_of(
    st.integers(),
    st.decimals(allow_nan=True, allow_infinity=True).filter(
        lambda d: not d.is_finite() or abs(d.adjusted()) < 10_000
    ),
    anything,
)


def one(values: SearchStrategy[Any]) -> SearchStrategy[Args]:
    """One positional argument."""
    return values.map(lambda v: ((v,), {}))


def keywords(values: SearchStrategy[Any], **named: SearchStrategy[Any]) -> SearchStrategy[Args]:
    """One positional argument and keyword arguments, each sometimes left out."""
    optional = {k: st.one_of(st.just(_ABSENT), s) for k, s in named.items()}
    return st.tuples(values, st.fixed_dictionaries(optional)).map(
        lambda p: ((p[0],), {k: v for k, v in p[1].items() if v is not _ABSENT})
    )


_ABSENT = object()


class Case(NamedTuple):
    """One entry point: its name, the callable, what to feed it, how to judge it.

    Attributes:
        name: Test id.
        function: The public callable.
        inputs: Strategy of ``(args, kwargs)``.
        predicate: True for ``is_valid``-style functions (must never raise).
        text: True when the first argument is a text: the time-growth test applies.
        group: Rows of one group are fuzzed together, on the same drawn input (the
            functions of one identifier module); ``None``: on its own.
    """

    name: str
    function: Callable[..., Any]
    inputs: SearchStrategy[Args]
    predicate: bool = False
    text: bool = True
    group: str | None = None


def _id_cases(module: Any, label: str, **named: SearchStrategy[Any]) -> list[Case]:
    """The five functions of an identifier module, fuzzed together on the same input.

    ``is_valid`` never raises for the number, but its keywords must be well formed (a
    malformed reference date is a usage error): the group draws well-formed keywords.
    """
    inputs = keywords(anything, **named)  # each function gets the keywords it takes
    return [
        Case(f"{label}.{f}", getattr(module, f), inputs, f == "is_valid", group=label)
        for f in ("compact", "validate", "is_valid", "format", "parse")
    ]


@functools.cache
def takes(function: Callable[..., Any], name: str) -> bool:
    """Whether ``function`` has a parameter ``name``."""
    return name in inspect.signature(function).parameters


def _validate_persons(text: object) -> object:
    """``validate_batch`` of a text as JSON Lines of persons (rows and errors)."""
    return validate_batch(text, "persons")


CASES: list[Case] = [
    *_id_cases(nip, "ids.nip", at=_good_when),
    *_id_cases(nik, "ids.nik", at=_good_when),
    *_id_cases(region_code, "ids.region_code"),
    *_id_cases(golongan, "ids.golongan"),
    Case("text.names.parse_name", parse_name, one(anything)),
    Case("text.dates.parse_date", parse_date, keywords(anything, year=_years)),
    Case("text.dates.format_date", format_date, keywords(anything, weekday=anything), text=False),
    Case("text.numbers.parse_number", parse_number, one(anything)),
    Case("text.numbers.parse_percent", parse_percent, one(anything)),
    Case("text.numbers.format_number", format_number, one(_numbers), text=False),
    Case("time.PartialDate.parse", PartialDate.parse, one(anything)),
    Case("time.Period.parse", Period.parse, keywords(anything)),
    Case("regions.get", regions.get, keywords(anything, as_of=_when)),
    Case("regions.lookup", regions.lookup, keywords(anything, as_of=_when, level=_levels)),
    Case(
        "regions.search",
        regions.search,
        keywords(anything, as_of=_when, level=_levels, limit=_limits),
    ),
    Case("agencies.get", agencies.get, keywords(anything)),
    Case("agencies.lookup", agencies.lookup, keywords(anything, as_of=_when)),
    Case("agencies.resolve", agencies.resolve, keywords(anything, as_of=_when)),
    Case("agencies.search", agencies.search, keywords(anything, as_of=_when, limit=_limits)),
    Case("regions.match", regions.match, keywords(anything, as_of=_when, limit=_limits)),
    Case("agencies.resolve_unit", agencies.resolve_unit, keywords(anything, as_of=_when)),
    Case("positions.parse_position", positions.parse_position, keywords(anything, as_of=_when)),
    Case("text.positions.parse_position_phrase", parse_position_phrase, keywords(anything)),
    Case("text.dates.parse_datetime", parse_datetime, keywords(anything, year=_years)),
    Case("text.dates.parse_date_range", parse_date_range, keywords(anything, year=_years)),
    Case("text.numbers.parse_amount", parse_amount, keywords(anything)),
    Case("extract.extract", extract, keywords(anything, published=_when)),
    Case("model.Capacity (printed labels)", Capacity, one(anything)),
    Case("model.AgreementKind (printed labels)", AgreementKind, one(anything)),
    Case("export.validate_batch (JSON Lines of persons)", _validate_persons, one(anything)),
]
"""Every public parser, predicate and lookup on arbitrary input."""


def groups() -> dict[str, list[Case]]:
    """The rows by fuzz group (a row with no group is a group of its own)."""
    out: dict[str, list[Case]] = {}
    for c in CASES:
        out.setdefault(c.group or c.name, []).append(c)
    return out
