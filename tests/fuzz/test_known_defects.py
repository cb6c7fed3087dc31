"""Reproducers of the issue 16 defects, kept as regression tests, and JSON round trips.

Each reproducer failed before its fix. The round trip enumerates ``adminnet.__all__``
(never a hand list).
"""

from __future__ import annotations

import inspect
import io
import subprocess
import sys

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import adminnet
from adminnet import serialization
from adminnet._hypothesis import _hypothesis_setup_hook
from adminnet.errors import AdminnetError, ErrorDetail
from adminnet.model.digital import GRADING_SCHEMES, Progress
from adminnet.model.person import Person

from .contract import call

ATTRS_CLASSES = sorted(
    name
    for name in adminnet.__all__
    if inspect.isclass(getattr(adminnet, name)) and attrs.has(getattr(adminnet, name))
)


@pytest.mark.parametrize("name", ATTRS_CLASSES)
def test_every_public_type_round_trips_through_json(name: str) -> None:
    """from_json(T, to_json(x)) == x for x drawn by st.from_type(T)."""
    _hypothesis_setup_hook()
    cls = getattr(adminnet, name)

    @settings(
        max_examples=10, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(st.from_type(cls))
    def run(value: object) -> None:
        assert serialization.from_json(cls, serialization.to_json(value)) == value

    run()


def test_defect_1_json_exponent() -> None:
    """A huge JSON exponent is an adminnet error, in from_json and iter_jsonl."""
    call(serialization.from_json, Person, "1e99999999999999999999")
    lines = ['{"id": "a", "name": "Budi"}', "1e99999999999999999999", '{"id": "b", "name": "Ani"}']
    reported: list[AdminnetError] = []
    kept = call(lambda: list(serialization.iter_jsonl(Person, lines, on_error=reported.append)))
    assert [p.id for p in kept] == ["a", "b"]
    assert len(reported) == 1


@pytest.mark.parametrize("cls", [Progress, ErrorDetail])
def test_defect_4_non_str_keys(cls: type) -> None:
    """from_dict with a non-str key is an adminnet error."""
    assert isinstance(call(serialization.from_dict, cls, {1: "a"}), AdminnetError)


def test_defect_5_grading_scheme_reads_back() -> None:
    """The shipped grading schemes read back from their JSON."""
    scheme = GRADING_SCHEMES["spbe-permenpanrb-59-2020"]
    assert serialization.from_json(type(scheme), serialization.to_json(scheme)) == scheme


def test_defect_10_format_number_huge_exponent() -> None:
    """format_number(1E+999999999) is an adminnet error, fast, in bounded memory."""
    code = (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from decimal import Decimal\n"
        "from adminnet.errors import AdminnetError\n"
        "from adminnet.text.numbers import format_number\n"
        "try:\n    format_number(Decimal('1E+999999999'))\n"
        "except AdminnetError as e:\n    print('adminnet', e.code)\n"
        "except BaseException as e:\n    print('other', type(e).__name__)\n"
        "else:\n    print('returned')\n"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail("format_number(1E+999999999) ran for more than 30 s")
    assert out.stdout.startswith("adminnet "), out.stdout + out.stderr


def test_defect_14_text_stream_keeps_good_lines() -> None:
    """An undecodable line of a text stream is reported with its number; the rest load."""
    raw = (
        b'{"id": "a", "name": "Budi"}\n{"id": "b", "name": "Ani"}\n'
        b'\xff\xfe\n{"id": "c", "name": "Eko"}\n'
    )
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    reported: list[AdminnetError] = []
    kept = call(lambda: list(serialization.iter_jsonl(Person, stream, on_error=reported.append)))
    assert [p.id for p in kept] == ["a", "b", "c"]
    assert [d.line for e in reported for d in e.errors] == [3]  # type: ignore[attr-defined]
