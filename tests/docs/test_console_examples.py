"""The ``console`` examples of README.md and docs/ run: every command, its output, its status.

A block is a shell session: ``$ command`` lines, each followed by what it prints
(standard output and error, merged, as a terminal shows them). A line ``...`` stands
for any number of lines. ``$ echo $?`` shows the status of the command before it.
``$ cat FILE`` of a file that does not exist yet creates it with the lines shown (the
page shows the input it then uses); files a page only names come from ``FIXTURES``.
Commands run in bash, in a fresh folder, with this environment's ``adminnet`` first on
the PATH.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from adminnet.examples import lan_mou_2017
from adminnet.model.position import Tenure
from adminnet.serialization import to_json
from adminnet.time import Period

ROOT = Path(__file__).resolve().parents[2]
_CONSOLE = re.compile(r"^```console\n(.*?)^```\s*$", re.M | re.S)
_CAT = re.compile(r"cat (\S+)")


def _with_second_pj() -> str:
    """The bundled example with a second Pj. Wali Kota Ambon (docs/cli.md, tutorial)."""
    ds = lan_mou_2017()
    extra = Tenure(
        id="abnur-pj-ambon",
        person_id="asman-abnur",
        position_id="wali-kota-ambon",
        capacity="penjabat",
        period=Period.parse("2017-04-01", "2017-06-30"),
    )
    return to_json(attrs.evolve(ds, tenures=[*ds.tenures, extra]))


FIXTURES: dict[str, Callable[[], str]] = {"with-second-pj.json": _with_second_pj}


def _blocks() -> list[tuple[str, int, str]]:
    out = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text("utf-8")
        out.extend(
            (page.name, text.count("\n", 0, m.start()) + 1, m.group(1))
            for m in _CONSOLE.finditer(text)
        )
    return out


def _steps(block: str) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"output before the first command: {line!r}"
            steps[-1][1].append(line)
    return steps


def _fits(expected: list[str], actual: list[str]) -> bool:
    """``actual`` matches ``expected``, where a line ``...`` matches any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(_fits(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and _fits(expected[1:], actual[1:])


def test_the_pages_have_console_examples() -> None:
    """The collector finds the examples (a test over nothing would pass)."""
    blocks = _BLOCKS
    assert len(blocks) >= 7
    assert sum(len(_steps(b)) for _, _, b in blocks) >= 15


_BLOCKS = _blocks()


@pytest.mark.parametrize(
    "block", [b for _, _, b in _BLOCKS], ids=[f"{p}:{n}" for p, n, _ in _BLOCKS]
)
def test_console_example(block: str, tmp_path: Path) -> None:
    """Each command of the example prints what the page shows."""
    for name, make in FIXTURES.items():
        if name in block:
            (tmp_path / name).write_text(make(), encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    status = 0
    for command, expected in _steps(block):
        cat = _CAT.fullmatch(command)
        if command == "echo $?":
            actual = [str(status)]
        elif cat is not None and not (tmp_path / cat.group(1)).exists():
            (tmp_path / cat.group(1)).write_text("\n".join(expected) + "\n", encoding="utf-8")
            continue
        else:
            result = subprocess.run(
                ["bash", "-c", command],
                cwd=tmp_path,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=300,
                check=False,
            )
            status = result.returncode
            actual = result.stdout.splitlines()
        assert _fits(expected, actual), f"$ {command}\n" + "\n".join(actual)
