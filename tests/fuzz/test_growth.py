"""Time growth of every text parser and regex entry point: near linear in the input.

Each text row of :data:`~tests.fuzz.cases.CASES` runs on adversarial inputs of 1k, 10k
and 100k characters (runs of spaces, NBSP, digits, dotted digits, letters, titles,
commas, slashes: the shapes that make a backtracking regex or a repeated slice go
quadratic). The time of a size is the minimum over three runs of the mean of enough
calls to last a few milliseconds; the test compares ratios, never absolute times.
Times are CPU times of this process (``time.process_time``, nanosecond resolution),
not wall-clock ``time.perf_counter``: on a shared machine a wall-clock batch of a
few milliseconds is often preempted by other processes, which distorts a ratio by
several times, while the CPU time of the parser is what grows with the input.

Linear is a ratio of 100 from 1k to 100k; the limit is 1,000 (quadratic is 10,000).
A ratio above 60 from 1k to 10k (quadratic gives 100), measured twice, fails without
running the 100k input that
would take minutes; and each size runs under a CPU-time alarm (``ITIMER_PROF``) set
to what the limit allows, so a quadratic path is stopped, not waited for.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from .cases import CASES, Case
from .contract import call
from .growth import SIZES, best_time

LIMIT_100 = 1_000.0  # linear gives 100, quadratic 10,000; the bound of the other linear tests
LIMIT_10 = 60.0

PATTERNS: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: "I" + " " * (n - 2) + "!",
    "nbsp": lambda n: "I" + "\u00a0" * (n - 2) + "a",
    "digits": lambda n: "1" * n,
    "dotted": lambda n: ("1." * n)[:n],
    "letters": lambda n: "a" * n,
    "titles": lambda n: ("Dr. " * n)[:n],
    "commas": lambda n: ("a, " * n)[:n],
    "slashes": lambda n: ("1/" * n)[:n],
}


class _TooSlow(BaseException):
    """The CPU-time alarm rang: the size took longer than the limit allows.

    A BaseException, so that the contract helper does not take it for an answer.
    """


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Raise :class:`_TooSlow` after ``seconds`` of CPU time (the regex engine checks)."""

    def ring(signum: int, frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGPROF, ring)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _seconds(
    function: Callable[..., Any], make: Callable[[int], str], n: int, bound: float = 0.0
) -> float:
    """:func:`~fuzz.growth.best_time` of ``function`` under the contract (:func:`call`)."""
    return best_time(lambda text: call(function, text), make, n, bound=bound)


def _limited(
    function: Callable[..., Any], make: Callable[[int], str], n: int, small: float, limit: float
) -> float:
    """:func:`_seconds` under an alarm: the time of a size, or infinity when too slow."""
    allowed = 3 * (limit * 1.5 * small + 0.002) + 0.5  # three runs, the spread of sizes
    try:
        with _alarm(allowed):
            return _seconds(function, make, n, limit * small)
    except _TooSlow:
        return float("inf")


def _param(case: Case) -> Any:
    return pytest.param(case, id=case.name)


def _ratios(function: Callable[..., Any], make: Callable[[int], str]) -> tuple[float, float]:
    """t(10k)/t(1k) and t(100k)/t(1k) (the second infinite when the first is too high)."""
    small = _seconds(function, make, SIZES[0])
    middle = _limited(function, make, SIZES[1], small, LIMIT_10)
    if middle / small >= LIMIT_10:
        return middle / small, float("inf")
    large = _limited(function, make, SIZES[2], small, LIMIT_100)
    return middle / small, large / small


@pytest.mark.parametrize("case", [_param(c) for c in CASES if c.text])
def test_time_grows_near_linearly(case: Case) -> None:
    """t(100k) / t(1k) < 1,000 and t(10k) / t(1k) < 60 on every adversarial shape.

    Linear gives 100 and 10, quadratic 10,000 and 100. A shape over either limit is
    measured once more (the other test worker shares the caches and cores) and the
    better of the two measurements counts.
    """
    call(case.function, "warm up: load data, fill caches")
    report = []
    for name, make in PATTERNS.items():
        ratio_10, ratio_100 = _ratios(case.function, make)
        if ratio_10 >= LIMIT_10 or ratio_100 >= LIMIT_100:  # measured once more
            again = _ratios(case.function, make)
            ratio_10, ratio_100 = min(ratio_10, again[0]), min(ratio_100, again[1])
        assert ratio_10 < LIMIT_10, f"{name}: t(10k)/t(1k) = {ratio_10:.0f} (quadratic: 100)"
        report.append(f"{name} {ratio_100:.0f}")
        assert ratio_100 < LIMIT_100, f"{name}: t(100k)/t(1k) = {ratio_100:.0f}; {report}"
