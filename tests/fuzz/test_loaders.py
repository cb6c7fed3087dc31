"""Loading every public entity class from arbitrary text, data and lines.

The classes are read from ``adminnet.__all__`` (every attrs class there), never
written out. ``from_json``, ``from_dict`` and ``iter_jsonl`` (with and without
``on_error``) either build an instance or raise an adminnet error.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import adminnet
from adminnet import serialization
from adminnet.errors import AdminnetError

from .cases import texts
from .contract import call, fuzz

ENTITY_CLASSES = sorted(
    (
        getattr(adminnet, name)
        for name in adminnet.__all__
        if inspect.isclass(getattr(adminnet, name)) and attrs.has(getattr(adminnet, name))
    ),
    key=lambda c: c.__name__,
)
IDS = [c.__name__ for c in ENTITY_CLASSES]

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
)
json_values: st.SearchStrategy[Any] = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(["id", "name", "start", "end", "kind", "code"]), texts),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=12,
)
"""JSON-like data: what ``json.loads`` can give (str keys), with the entities' keys."""

json_texts = st.one_of(texts, json_values.map(json.dumps), st.binary(max_size=60))


def _json_text(line: str | bytes) -> bool:
    """Whether a line holds more than JSON whitespace (what iter_jsonl skips)."""
    return bool(line.strip(" \t\r\n") if isinstance(line, str) else line.strip(b" \t\r\n"))


def test_every_entity_class_is_enumerated() -> None:
    """The enumeration finds the entity classes (a guard against an empty parametrize)."""
    assert {"Agency", "Dataset", "Person", "Period", "Tenure"} <= set(IDS)


classes = st.sampled_from(ENTITY_CLASSES)


@pytest.mark.parametrize("cls", ENTITY_CLASSES, ids=IDS)
def test_each_class_refuses_junk(cls: type) -> None:
    """Every class, once each: junk text, data and lines give adminnet errors only."""
    for text in ("", "{", "null", "[]", '{"id": 1}', "1e5", b"\xff"):
        call(serialization.from_json, cls, text)
    for data in (None, [], {"": None}, {"id": []}, 3.5):
        call(serialization.from_dict, cls, data)
    reported: list[AdminnetError] = []
    call(lambda: list(serialization.iter_jsonl(cls, ["{", "", "[]"], on_error=reported.append)))
    assert len(reported) == 2


@fuzz
@given(classes, json_texts, json_values)
def test_from_json_and_from_dict(cls: type, text: str | bytes, data: object) -> None:
    """from_json on any text and from_dict on any JSON-like data: only adminnet errors.

    The class is drawn too, so the budget is shared by every class (a long run,
    ``ADMINNET_FUZZ_EXAMPLES``, gives each more).
    """
    call(serialization.from_json, cls, text)
    call(serialization.from_dict, cls, data)


@fuzz
@given(classes, st.lists(st.one_of(json_texts, st.just("")), max_size=6))
def test_iter_jsonl(cls: type, lines: list[str | bytes]) -> None:
    """iter_jsonl over any lines: with on_error every bad line is reported, none raised."""
    reported: list[AdminnetError] = []
    kept = call(lambda: list(serialization.iter_jsonl(cls, lines, on_error=reported.append)))
    assert not isinstance(kept, Exception), kept
    nonblank = [ln for ln in lines if _json_text(ln)]
    assert len(kept) + len(reported) <= len(nonblank)
    call(lambda: list(serialization.iter_jsonl(cls, lines)))
