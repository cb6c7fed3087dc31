"""JSON Lines input of ``adminnet check``: streaming, counting, and parallel chunks.

``--jobs N`` splits a file into at most N byte ranges at line ends and loads them in
worker processes. N is capped at :func:`max_jobs` (the CPUs this process may use):
more processes than CPUs cannot load faster, and a huge N used to fork that many
processes. The workers ignore SIGINT; Ctrl-C reaches the parent, which stops them.

On a terminal, :class:`Progress` redraws one line on stderr; for a file of known size
it shows the share read and an estimate of the time left (:func:`progress_text`):

>>> progress_text(records=120_000, errors=3, elapsed=10.0, done=25, total=100)
' 25%  120,000 records  12,000/s  3 errors  0:30 left'
>>> progress_text(records=120_000, errors=0, elapsed=10.0)
'120,000 records  12,000/s  0 errors'
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any

from adminnet.cli._common import entity_type

__all__ = [
    "Progress",
    "Tally",
    "chunks",
    "max_jobs",
    "parallel_jsonl",
    "progress_text",
    "serial_jsonl",
]


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


def _duration(seconds: float) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour on."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_text(
    records: int, errors: int, elapsed: float, done: int | None = None, total: int | None = None
) -> str:
    """The progress line: share read and time left when the size is known, then counts.

    ``done`` and ``total`` are bytes; the estimate assumes the rest is read at the
    rate so far.
    """
    rate = records / elapsed if elapsed > 0 else 0.0
    counts = f"{records:,} records  {rate:,.0f}/s  {errors:,} errors"
    if not total or done is None:
        return counts
    share = min(max(done / total, 0.0), 1.0)
    left = f"  {_duration(elapsed * (1 - share) / share)} left" if share > 0 else ""
    return f"{share:4.0%}  {counts}{left}"


class Progress:
    """A progress line on stderr for terminals: share and time left for known sizes."""

    def __init__(self, *, enabled: bool, total: int | None = None) -> None:
        self.enabled = enabled
        self.total = total
        self.start = time.perf_counter()
        self.last = 0.0
        self.shown = False

    def update(self, records: int, errors: int, done: int | None = None) -> None:
        """Redraw the line, at most twice a second."""
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.last < 0.5:
            return
        self.last = now
        line = progress_text(records, errors, now - self.start, done, self.total)
        width = shutil.get_terminal_size().columns - 1
        sys.stderr.write("\r" + line[:width].ljust(width))
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        """End the line (if one was drawn)."""
        if self.enabled and self.shown:
            sys.stderr.write("\n")


def file_size(name: str) -> int | None:
    """The size in bytes of a regular file (``None`` for stdin, a pipe or a device)."""
    if name == "-":
        return None
    try:
        return os.path.getsize(name) if os.path.isfile(name) else None
    except OSError:
        return None


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
    progress.total = file_size(name)
    for records, _ in enumerate(iter_jsonl(cls, lines, on_error=on_error), 1):
        if not records % 4096:
            progress.update(records, tally.problems, lines.bytes)
    tally.records = lines.count
    return tally


class _Counting:
    """Iterate lines while counting the non-blank ones."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self.lines = lines
        self.count = 0
        self.bytes = 0

    def __iter__(self) -> _Counting:
        return self

    def __next__(self) -> bytes:
        line = next(self.lines)
        self.bytes += len(line)
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


def parallel_jsonl(
    name: str, cls: type, jobs: int, keep: int, progress: Progress | None = None
) -> Tally:
    """Load one JSONL file in up to ``jobs`` worker processes (capped, see :func:`chunks`).

    ``progress`` advances as the byte ranges finish, in file order.
    """
    import multiprocessing

    tasks = [(name, cls.__name__, s, e, line, keep) for s, e, line in chunks(name, jobs)]
    context = multiprocessing.get_context("fork")
    tally = Tally(keep)
    if progress is not None:
        progress.total = file_size(name)
    with context.Pool(len(tasks), initializer=_ignore_interrupts) as pool:
        for (_, _, _, end, _, _), part in zip(tasks, pool.imap(_work, tasks), strict=True):
            tally.merge(part)
            tally.kept.extend(part.kept[: keep - len(tally.kept)])
            if progress is not None:
                progress.update(tally.records, tally.problems, end)
    return tally
