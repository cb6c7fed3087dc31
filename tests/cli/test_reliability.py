"""The CLI under interrupts, failing writes and absurd --jobs (issue 16, defects 11-13)."""

from __future__ import annotations

import itertools
import json
import os
import platform
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from adminnet.cli import EXIT_INTERRUPTED, main
from adminnet.cli import _export as export_module
from adminnet.cli._jsonl import chunks, max_jobs

PERSON = json.dumps({"id": "p", "name": "Dr. Budi Santoso, M.Si.", "nip": "196503021990031002"})


def _lines(n: int) -> str:
    return "".join(PERSON.replace('"p"', f'"p{i}"') + "\n" for i in range(n))


def _start(*args: str) -> subprocess.Popen[str]:
    code = "import sys\nfrom adminnet.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


# The number of read(2) in /proc/<pid>/syscall, by machine (None: tests that need it skip).
_READ_SYSCALL = {"x86_64": "0", "aarch64": "63"}.get(platform.machine())


def _wait_for(ready: Callable[[], bool], what: str, seconds: float = 60) -> None:
    """Poll ``ready`` until it holds (a loaded machine may take long to start Python)."""
    deadline = time.monotonic() + seconds
    while not ready():
        assert time.monotonic() < deadline, f"timed out waiting: {what}"
        time.sleep(0.05)


def _reading_stdin(pid: int) -> bool:
    """The process is blocked in read(0, ...): its imports are done, main is running."""
    try:
        fields = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return False
    return fields[:2] == [_READ_SYSCALL, "0x0"]


def _ignores_sigint(pid: int) -> bool:
    """SIGINT is in the process's ignored set (a worker that set it up)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    ignored = next(line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:"))
    return bool(int(ignored, 16) & (1 << (signal.SIGINT - 1)))


def _interrupt(proc: subprocess.Popen[str]) -> tuple[str, str]:
    """Ctrl-C as a terminal sends it: SIGINT to the whole process group."""
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    return out, err


@pytest.mark.skipif(_READ_SYSCALL is None, reason="needs /proc/<pid>/syscall of x86-64 or arm64")
@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_interrupt_while_reading_stdin(extra: list[str]) -> None:
    """Ctrl-C during `check - --type Person`: exit 130, one line, no traceback."""
    proc = _start("check", "-", "--type", "Person", *extra)
    assert proc.stdin is not None
    proc.stdin.write(_lines(10))
    proc.stdin.flush()
    _wait_for(lambda: _reading_stdin(proc.pid), "the command blocked on standard input")
    out, err = _interrupt(proc)
    assert proc.returncode == EXIT_INTERRUPTED, err
    assert err.splitlines() == ["adminnet check: interrupted"]
    assert "Traceback" not in out + err


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.skipif(max_jobs() < 2, reason="--jobs 2 is capped to 1 on one CPU")
def test_interrupt_with_workers(tmp_path: Path) -> None:
    """Ctrl-C during `--jobs 2`: the workers stay quiet, the parent says one line."""
    big = tmp_path / "big.jsonl"
    big.write_text(_lines(300_000), encoding="utf-8")
    proc = _start("check", str(big), "--type", "Person", "--jobs", "2", "--json")
    _wait_for(lambda: len(_children(proc.pid)) >= 2, "two workers started")
    _wait_for(
        lambda: all(_ignores_sigint(child) for child in _children(proc.pid)),
        "the workers set SIGINT aside",
    )
    out, err = _interrupt(proc)
    assert proc.returncode == EXIT_INTERRUPTED, err
    lines = [x for x in err.splitlines() if "jobs_capped" not in x]
    assert lines == ["adminnet check: interrupted"]
    assert "Traceback" not in out + err


def test_absurd_jobs_is_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--jobs 1000000000 on a 5-line file: a warning with its code, then the same result."""
    path = tmp_path / "five.jsonl"
    path.write_text(_lines(5), encoding="utf-8")
    start = time.perf_counter()
    status = main(["check", str(path), "--type", "Person", "--json", "--jobs", "1000000000"])
    elapsed = time.perf_counter() - start
    captured = capsys.readouterr()
    assert status == 0
    assert json.loads(captured.out)["records"] == 5
    assert "warning cli.jobs_capped: --jobs 1000000000" in captured.err
    assert elapsed < 30


def test_chunks_are_bounded_by_cpus_and_file(tmp_path: Path) -> None:
    """chunks() never makes more ranges than CPUs or bytes, and covers the file once."""
    path = tmp_path / "five.jsonl"
    path.write_text(_lines(5), encoding="utf-8")
    parts = chunks(str(path), 10**9)
    assert 1 <= len(parts) <= max_jobs()
    assert parts[0][0] == 0
    assert parts[-1][1] == path.stat().st_size
    assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert chunks(str(empty), 8) == [(0, 0, 1)]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_export_is_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    """A table failing halfway leaves the previous export as it was, and no debris."""
    target = tmp_path / "csv"
    assert main(["export", "--csv", str(target)]) == 0
    before = _snapshot(target)
    assert len(before) > 3
    real = export_module.write_table
    calls = []

    def failing(path: str, rows: object) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise failure
        real(path, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(export_module, "write_table", failing)
    status = main(["export", "--csv", str(target)])
    assert status == (EXIT_INTERRUPTED if isinstance(failure, KeyboardInterrupt) else 2)
    assert _snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv"]  # no staging left


def test_export_fresh_folder_appears_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new folder appears only when every table is written."""
    target = tmp_path / "out" / "csv"

    def failing(path: str, rows: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(export_module, "write_table", failing)
    assert main(["export", "--csv", str(target)]) == 2
    assert not target.exists()
    monkeypatch.undo()
    assert main(["export", "--csv", str(target)]) == 0
    assert (target / "tenures.csv").read_text("utf-8").count("\n") == 6


def test_export_refuses_a_folder_with_other_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder holding other files is not replaced (they would be lost)."""
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["export", "--csv", str(tmp_path)]) == 2
    assert "export.foreign_files" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text("utf-8") == "keep me"
