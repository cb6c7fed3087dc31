"""adminnet reads the printed-text corpus (tests/vectors/printed/) as issue 17 requires.

Per function, at least 95 % of the fragments are read exactly, nothing raises outside
the adminnet error tree, and no region or agency answer is confidently wrong (a wrong
answer from ``lookup``/``resolve``, or a refusal whose strong top hit is wrong). The
counting is ``bench/score_printed.py``'s :func:`score`.

"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

KINDS = ("names", "positions", "regions", "agencies", "dates", "amounts")
_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "score_printed.py"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_printed", _SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _show(result: dict[str, Any]) -> str:
    return "\n".join(
        f"{f['verdict']}: {f['text']!r} -> {f['got']} (expected {f['expected']})"
        for f in result["failures"][:40]
    )


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    scorer = _scorer()
    return {kind: scorer.score(kind) for kind in KINDS}


@pytest.mark.parametrize("kind", KINDS)
def test_function_exists(results: dict[str, dict[str, Any]], kind: str) -> None:
    assert not results[kind]["missing"], results[kind]["missing"]


@pytest.mark.parametrize("kind", KINDS)
def test_reads_95_percent_exactly(results: dict[str, dict[str, Any]], kind: str) -> None:
    result = results[kind]
    assert result["exact_rate"] >= 0.95, _show(result)


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_raises_outside_the_error_tree(
    results: dict[str, dict[str, Any]], kind: str
) -> None:
    result = results[kind]
    assert result["crash"] == 0, _show(result)


@pytest.mark.parametrize("kind", ["regions", "agencies"])
def test_no_confident_wrong_answer(results: dict[str, dict[str, Any]], kind: str) -> None:
    result = results[kind]
    assert result["confident_wrong"] == 0, _show(result)
