"""JSON Lines input of ``adminnet check``: streaming, counting, and parallel chunks.

``--jobs N`` splits a file into at most N byte ranges at line ends and loads them in
worker processes. N is capped at :func:`max_jobs` (the CPUs this process may use):
more processes than CPUs cannot load faster, and a huge N used to fork that many
processes. The workers ignore SIGINT; Ctrl-C reaches the parent, which stops them.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any

from adminnet.cli._common import entity_type

__all__ = ["Progress", "Tally", "chunks", "max_jobs", "parallel_jsonl", "serial_jsonl"]


def max_jobs() -> int:
    """The limit of ``--jobs``: the CPUs this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


class Tally:
    """Records, bad records and problems of JSONL input, keeping the first ``keep`` errors.

    A bad record is a line with at least one problem: iter_jsonl reports each bad
    line once, with all its problems, so counting the reports counts the bad lines.
    """

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.kept: list[Any] = []
        self.records = 0
        self.bad_records = 0
        self.problems = 0
        self.unreadable = 0

    def add(self, detail: Any) -> None:
        """Count one problem, keeping it if there is room."""
        self.problems += 1
        if len(self.kept) < self.keep:
            self.kept.append(detail)

    def bad_line(self, details: Sequence[Any]) -> None:
        """Count one bad line and its problems."""
        self.bad_records += 1
        for d in details:
            self.add(d)

    def merge(self, other: Tally) -> None:
        """Add the counts of ``other`` (its kept errors stay with it)."""
        self.records += other.records
        self.bad_records += other.bad_records
        self.problems += other.problems
        self.unreadable += other.unreadable


class Progress:
    """A progress line on stderr (records, records/s, errors so far) for terminals."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.perf_counter()
        self.last = 0.0

    def update(self, records: int, errors: int) -> None:
        """Redraw the line, at most twice a second."""
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.last < 0.5:
            return
        self.last = now
        rate = records / max(now - self.start, 1e-9)
        sys.stderr.write(f"\r{records:,} records  {rate:,.0f}/s  {errors:,} errors ")
        sys.stderr.flush()

    def done(self) -> None:
        """End the line."""
        if self.enabled:
            sys.stderr.write("\n")


def _lines(name: str) -> Iterator[bytes]:
    if name == "-":
        yield from sys.stdin.buffer
        return
    with open(name, "rb") as f:
        yield from f


def serial_jsonl(name: str, cls: type, keep: int, progress: Progress) -> Tally:
    """Load one JSONL file in this process."""
    from adminnet.serialization import iter_jsonl

    tally = Tally(keep)

    def on_error(exc: Any) -> None:
        tally.bad_line(exc.errors)

    lines = _Counting(_lines(name))
    for records, _ in enumerate(iter_jsonl(cls, lines, on_error=on_error), 1):
        if not records % 65536:
            progress.update(records, tally.problems)
    tally.records = lines.count
    return tally


class _Counting:
    """Iterate lines while counting the non-blank ones."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self.lines = lines
        self.count = 0

    def __iter__(self) -> _Counting:
        return self

    def __next__(self) -> bytes:
        line = next(self.lines)
        if line.strip():
            self.count += 1
        return line


def chunks(name: str, jobs: int) -> list[tuple[int, int, int]]:
    """Split a file into at most ``jobs`` byte ranges at line ends: (start, end, first line).

    ``jobs`` is capped at :func:`max_jobs` and at the file's size, and empty ranges are
    dropped, so the work is bounded by the file and the CPUs, never by ``jobs``.
    """
    size = os.path.getsize(name)
    jobs = max(1, min(jobs, max_jobs(), size))
    bounds = [0]
    with open(name, "rb") as f:
        for i in range(1, jobs):
            f.seek(max(bounds[-1], size * i // jobs))
            f.readline()
            end = min(f.tell(), size)
            if end > bounds[-1]:
                bounds.append(end)
    if bounds[-1] < size or size == 0:
        bounds.append(size)
    result = []
    line = 1
    with open(name, "rb") as f:
        for start, end in itertools.pairwise(bounds):
            result.append((start, end, line))
            f.seek(start)
            remaining = end - start
            while remaining > 0:
                block = f.read(min(remaining, 1 << 22))
                if not block:
                    break
                remaining -= len(block)
                line += block.count(b"\n")
    return result


def _work(task: tuple[str, str, int, int, int, int]) -> Tally:
    name, type_name, start, end, first_line, keep = task
    import attrs

    from adminnet.serialization import iter_jsonl

    cls = entity_type(type_name)
    tally = Tally(keep)

    def on_error(exc: Any) -> None:
        details = exc.errors
        if len(tally.kept) < keep:  # line numbers of the whole file, for the kept ones
            details = [attrs.evolve(d, line=(d.line or 1) + first_line - 1) for d in details]
        tally.bad_line(details)

    def lines() -> Iterator[bytes]:
        with open(name, "rb") as f:
            f.seek(start)
            pos = start
            while pos < end:
                line = f.readline()
                if not line:
                    break
                pos += len(line)
                yield line

    counted = _Counting(lines())
    for _ in iter_jsonl(cls, counted, on_error=on_error):
        pass
    tally.records = counted.count
    return tally


def _ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (it stops the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def parallel_jsonl(name: str, cls: type, jobs: int, keep: int) -> Tally:
    """Load one JSONL file in up to ``jobs`` worker processes (capped, see :func:`chunks`)."""
    import multiprocessing

    tasks = [(name, cls.__name__, s, e, line, keep) for s, e, line in chunks(name, jobs)]
    context = multiprocessing.get_context("fork")
    with context.Pool(len(tasks), initializer=_ignore_interrupts) as pool:
        results = pool.map(_work, tasks)
    tally = Tally(keep)
    for part in results:
        tally.merge(part)
        tally.kept.extend(part.kept[: keep - len(tally.kept)])
    return tally
