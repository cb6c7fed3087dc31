"""Linear-time checks shared by the tests: CPU time of fresh inputs at growing sizes.

The one owner of the timing method of the suite (every test that asserts "time grows
about linearly" imports it as ``from fuzz.growth import ...``: ``tests`` is on the
import path under pytest's default import mode, whichever file is run).

The time of a size is the minimum over ``repeat`` runs of the mean time of one call,
calls batched until a run lasts at least 2 ms. Times are CPU times of this process
(``time.process_time``), not wall-clock ``time.perf_counter``: on a shared machine a
wall-clock batch is often preempted by other processes, which distorts a ratio several
times, while the CPU time of the function is what grows with the input. Only the call
is timed, not the making of its input.

Every call gets a fresh input (call ``i`` at size ``n`` has size ``n + i % (n // 2)``,
the same spread at every size, so ratios are kept): a bounded memo of recent inputs
cannot answer instead of the function.

>>> times = assert_linear(len, lambda n: "a" * n, limit=1_000, floor=1e-5)
>>> sorted(times)
[1000, 10000, 100000]
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from typing import Any

SIZES = (1_000, 10_000, 100_000)
BATCH = 0.002  # seconds of CPU time in one run: a few timer ticks of the slowest clock


class Variants:
    """Inputs of about ``n``, each call a new one (memos must not answer).

    Call ``i`` gets ``make(n + i % (n // 2))``: the same spread at every size.
    """

    counter = 0

    def __init__(self, make: Callable[[int], Any], n: int) -> None:
        self.make = make
        self.n = n

    def next(self) -> Any:
        """The next fresh input."""
        Variants.counter += 1
        return self.make(self.n + Variants.counter % max(self.n // 2, 1))


def best_time(
    function: Callable[[Any], object],
    make_input: Callable[[int], Any],
    size: int,
    repeat: int = 3,
    *,
    errors: tuple[type[BaseException], ...] = (),
    bound: float = 0.0,
) -> float:
    """Minimum over ``repeat`` runs of the mean CPU time of one call, in seconds.

    Each call gets a fresh input of about ``size`` (:class:`Variants`); only the call
    is timed. ``errors`` are the exceptions a call may raise (an answer, not a
    failure). With a ``bound``, stops after a run whose time already exceeds it (a
    quadratic path must fail fast, not run for minutes).
    """
    inputs = Variants(make_input, size)
    best = float("inf")
    for _ in range(repeat):
        calls = 0
        elapsed = 0.0
        while elapsed < BATCH:
            argument = inputs.next()
            start = time.process_time()
            with contextlib.suppress(*errors):
                function(argument)
            elapsed += time.process_time() - start
            calls += 1
        best = min(best, elapsed / calls)
        if bound and best > bound:
            break
    return best


def assert_linear(
    function: Callable[[Any], object],
    make_input: Callable[[int], Any],
    *,
    sizes: Sequence[int] = SIZES,
    limit: float | None = None,
    step: float | None = None,
    floor: float = 0.0,
    repeat: int = 3,
    errors: tuple[type[BaseException], ...] = (),
) -> dict[int, float]:
    """Assert that time grows about linearly with the size; return the times by size.

    ``limit`` bounds t(last size) / t(first size); ``step`` bounds every ratio of
    consecutive sizes, checked as soon as measured (a quadratic step fails before the
    next, larger size runs). Times below ``floor`` count as ``floor`` (timer noise).
    """
    times: dict[int, float] = {}
    for size in sizes:
        times[size] = best_time(function, make_input, size, repeat, errors=errors)
        if step is not None and len(times) > 1:
            previous = times[sizes[len(times) - 2]]
            ratio = max(times[size], floor) / max(previous, floor)
            assert ratio < step, f"t({size}) / t(previous) = {ratio:.1f} >= {step}; {times}"
    if limit is not None:
        ratio = max(times[sizes[-1]], floor) / max(times[sizes[0]], floor)
        assert ratio < limit, f"t({sizes[-1]}) / t({sizes[0]}) = {ratio:.1f} >= {limit}; {times}"
    return times
