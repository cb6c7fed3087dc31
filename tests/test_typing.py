"""Static types catch mistakes and accept the documented style, in mypy and pyright.

One run of each checker covers the Python of every Markdown page (README.md and
docs/*.md, one module per page, see tests/typecheck/_extract.py) and the deliberate
misuses of tests/typecheck/misuse.py:

- every documented example type-checks clean (mypy --strict, pyright standard);
- every line after the marker of misuse.py is an error in both checkers, and no
  line before it is (so an error is where the mistake is, not in its set-up).

Notebook-style pages read attributes of lookups that may return ``None``
(``regions.get("81.71").name``) and define test functions without annotations
(docs/testing.md); the header of each generated page module relaxes exactly those
checks, nothing else. pandas has no inline types: it is treated as untyped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from tests.typecheck._extract import write_pages

ROOT = Path(__file__).resolve().parent.parent
MISUSE = ROOT / "tests" / "typecheck" / "misuse.py"
MARKER = "# --- misuses: every line below is an error ---"
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

DOC_HEADER = (
    '# mypy: disable-error-code="union-attr,no-untyped-def,no-untyped-call,var-annotated"\n'
    "# mypy: no-warn-unused-ignores\n"
    "# pyright: reportOptionalMemberAccess=false, reportUnusedExpression=false\n"
)

Errors = dict[str, set[int]]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed (pip install -e '.[dev]')")
        pytest.skip(f"{name} is not installed (pip install -e '.[dev]')")
    return found


@cache
def _workdir() -> Path:
    import tempfile

    work = Path(tempfile.mkdtemp(prefix="adminnet-typing-"))
    for module in write_pages(PAGES, work):
        module.write_text(DOC_HEADER + module.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(MISUSE, work / "misuse.py")
    config = {
        "extraPaths": [str(ROOT / "src")],
        "pythonVersion": "3.11",
        "typeCheckingMode": "standard",
        "useLibraryCodeForTypes": False,
        "reportMissingModuleSource": False,
    }
    (work / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    return work


def _doc_line(module: str, line: int) -> int:
    return line - DOC_HEADER.count("\n") if module.startswith("doc_") else line


@cache
def mypy_errors() -> Errors:
    """File name -> lines with a mypy --strict error."""
    work = _workdir()
    env = {**os.environ, "MYPYPATH": str(ROOT / "src")}
    run = subprocess.run(
        [
            _tool("mypy"), "--strict", "--no-incremental", "--cache-dir", os.devnull,
            "--no-error-summary", "--show-error-codes", "--no-pretty",
            "--ignore-missing-imports", "--python-executable", sys.executable,
            *sorted(p.name for p in work.glob("*.py")),
        ],
        cwd=work, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    errors: Errors = {}
    for match in re.finditer(r"^(\w+)\.py:(\d+): error:", run.stdout, re.MULTILINE):
        errors.setdefault(match[1], set()).add(int(match[2]))
    assert run.returncode in {0, 1}, run.stdout + run.stderr
    mypy_errors.output = run.stdout  # type: ignore[attr-defined]
    return errors


@cache
def pyright_errors() -> Errors:
    """File name -> lines with a pyright error."""
    work = _workdir()
    run = subprocess.run(
        [_tool("pyright"), "--outputjson", "--pythonpath", sys.executable, "-p", str(work)],
        cwd=work, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode in {0, 1}, run.stdout[-2000:] + run.stderr[-2000:]
    report = json.loads(run.stdout)
    errors: Errors = {}
    for diag in report["generalDiagnostics"]:
        if diag["severity"] == "error":
            name = Path(diag["file"]).stem
            errors.setdefault(name, set()).add(diag["range"]["start"]["line"] + 1)
    pyright_errors.output = "\n".join(  # type: ignore[attr-defined]
        f"{Path(d['file']).name}:{d['range']['start']['line'] + 1}: {d['message']}"
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    )
    return errors


CHECKERS = {"mypy": mypy_errors, "pyright": pyright_errors}


def _misuse_lines() -> tuple[set[int], set[int]]:
    lines = MISUSE.read_text(encoding="utf-8").splitlines()
    start = lines.index(MARKER) + 1
    misuses = {i + 1 for i, text in enumerate(lines) if i >= start and text.strip()}
    return misuses, set(range(1, start + 1))


@pytest.mark.parametrize("checker", sorted(CHECKERS))
def test_every_misuse_is_an_error(checker: str) -> None:
    errors = CHECKERS[checker]().get("misuse", set())
    misuses, setup = _misuse_lines()
    text = MISUSE.read_text(encoding="utf-8").splitlines()
    missed = [f"{n}: {text[n - 1]}" for n in sorted(misuses - errors)]
    assert not missed, f"{checker} accepts these misuses:\n" + "\n".join(missed)
    assert not errors & setup, getattr(CHECKERS[checker], "output", "")


@pytest.mark.parametrize("checker", sorted(CHECKERS))
def test_documented_examples_are_clean(checker: str) -> None:
    errors = {
        name: sorted(_doc_line(name, n) for n in lines)
        for name, lines in CHECKERS[checker]().items()
        if name.startswith("doc_")
    }
    assert not errors, f"{checker} errors in docs:\n" + getattr(CHECKERS[checker], "output", "")


def test_every_page_with_python_is_checked() -> None:
    work = _workdir()
    modules = {p.stem for p in work.glob("doc_*.py")}
    assert {"doc_tutorial", "doc_readme", "doc_officials", "doc_agreements"} <= modules


def test_public_api_types_are_complete() -> None:
    """``pyright --verifytypes adminnet``: every exported symbol has a known type."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(
        [
            _tool("pyright"), "--verifytypes", "adminnet", "--ignoreexternal", "--outputjson",
            "--pythonpath", sys.executable,
        ],
        cwd=_workdir(), env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    report = json.loads(run.stdout)["typeCompleteness"]
    assert report["packageRootDirectory"] == str(ROOT / "src" / "adminnet")
    incomplete = [
        s["name"]
        for s in report["symbols"]
        if s["isExported"] and (not s["isTypeKnown"] or s.get("isTypeAmbiguous"))
    ]
    assert not incomplete
    assert report["completenessScore"] == 1
