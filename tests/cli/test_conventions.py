"""The conventions of the adminnet command: exit codes, quiet, width, help, completion.

Exit status 0 clean, 1 invalid data or rule errors, 2 usage and I/O errors; ``-q`` only
the problems, ``-qq`` nothing; problems grouped by code with a limit per code; no line
longer than ``--width``; help for every option; completion scripts; the progress line.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.cli.test_cli import run

from adminnet import cli
from adminnet.cli import _jsonl
from adminnet.cli._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, fit, grouped
from adminnet.examples import lan_mou_2017
from adminnet.serialization import to_json


@pytest.fixture(scope="module")
def big_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plus 300 agreements with a party that is nowhere (300 x REF001)."""
    doc = json.loads(to_json(lan_mou_2017()))
    template = doc["agreements"][0]
    for i in range(300):
        agreement = json.loads(json.dumps(template))
        agreement["id"] = f"ghost-agreement-{i}"
        agreement["parties"][1]["agency_id"] = f"ghost-agency-{i}"
        agreement["title"] = "Kerja sama " + "sangat panjang " * 40
        doc["agreements"].append(agreement)
    path = tmp_path_factory.mktemp("conventions") / "big.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_exit_codes() -> None:
    """0 clean, 1 invalid data, 2 usage or I/O, distinguished for each kind of input."""
    assert EXIT_OK == run("check", "--at", "2017-03-16").returncode
    assert EXIT_INVALID == run("nip", "196513021990031002").returncode
    assert EXIT_USAGE == run("check", "--no-such-option").returncode
    assert EXIT_USAGE == run("check", "/nonexistent/file.json").returncode
    assert EXIT_USAGE == run().returncode  # no command
    assert EXIT_USAGE == run("--lang", "fr", "check").returncode
    assert EXIT_USAGE == run("check", "--width", "3").returncode
    assert EXIT_USAGE == run("check", "--at", "2017-13-45").returncode


def test_jsonl_bad_records_exit_1_missing_file_exits_2(tmp_path: Path) -> None:
    """Bad records are invalid data (1); an unreadable file among them makes it 2."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "name": "Budi", "gender": "pria"}\n', encoding="utf-8")
    assert EXIT_INVALID == run("check", str(bad), "--type", "Person").returncode
    both = run("check", str(bad), str(tmp_path / "missing.jsonl"), "--type", "Person")
    assert EXIT_USAGE == both.returncode
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "x", "name": "Budi"}\n', encoding="utf-8")
    assert EXIT_OK == run("check", str(good), "--type", "Person").returncode


def test_rule_errors_grouped_by_code_with_a_limit(big_doc: Path) -> None:
    """300 violations of one code: 10 lines, a count of the rest, a count by code."""
    result = run("check", str(big_doc), "--at", "2017-03-16")
    assert EXIT_INVALID == result.returncode
    lines = result.stdout.splitlines()
    assert 10 == sum(line.startswith("REF001 error") for line in lines)
    assert "  ... and 290 more REF001" in lines
    assert "By code:" in lines
    assert len(lines) < 60, result.stdout
    everything = run("check", str(big_doc), "--at", "2017-03-16", "--max-per-code", "0")
    assert 300 == sum(line.startswith("REF001 error") for line in everything.stdout.splitlines())


def test_no_line_longer_than_the_width(big_doc: Path) -> None:
    """--width N cuts every line at N characters; --full (or a pipe) keeps them whole."""
    cut = run("check", str(big_doc), "--at", "2017-03-16", "--width", "80")
    assert max(len(line) for line in cut.stdout.splitlines()) <= 80
    assert "…" in cut.stdout
    assert cut.stdout.count("\n") == run("check", str(big_doc), "--at", "2017-03-16").stdout.count(
        "\n"
    )  # cut, not dropped
    assert "  person: Asman Abnur" in cut.stdout.splitlines()
    whole = run("check", str(big_doc), "--at", "2017-03-16", "--full")
    assert max(len(line) for line in whole.stdout.splitlines()) > 80
    assert "…" not in whole.stdout
    assert whole.stdout == run("check", str(big_doc), "--at", "2017-03-16").stdout


def test_quiet(big_doc: Path, tmp_path: Path) -> None:
    """-q prints only the problems, -qq nothing; before or after the command name."""
    full = run("check", str(big_doc), "--at", "2017-03-16").stdout.splitlines()
    for args in (("-q", "check"), ("check", "-q"), ("check", "--quiet")):
        quiet = run(*args, str(big_doc), "--at", "2017-03-16")
        assert EXIT_INVALID == quiet.returncode
        lines = quiet.stdout.splitlines()
        assert lines
        assert all(line.startswith(("REF001 ", "  ... and")) for line in lines), lines
        assert set(lines) < set(full)
    for args in (("-qq", "check"), ("check", "-qq")):
        silent = run(*args, str(big_doc), "--at", "2017-03-16")
        assert (EXIT_INVALID, "") == (silent.returncode, silent.stdout)
    assert ("", EXIT_OK) == (run("-qq", "check", "--at", "2017-03-16").stdout, 0)
    nip = run("-qq", "nip", "196513021990031002")
    assert (EXIT_INVALID, "", "") == (nip.returncode, nip.stdout, nip.stderr)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert (EXIT_INVALID, "") == (run("check", "-qq", str(bad)).returncode, "")
    assert "" == run("check", "-qq", str(bad)).stdout
    assert "" == run("-q", "export", "--csv", str(tmp_path / "csv")).stderr


def _actions(parser: argparse.ArgumentParser, name: str) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                found.extend(_actions(sub, f"{name} {sub_name}"))
        else:
            found.append((name, action))
    return found


def test_every_option_and_argument_has_help() -> None:
    """--help explains every option and argument of every command."""
    parser = cli._parser()
    actions = _actions(parser, "adminnet")
    assert len(actions) > 60
    missing = [
        f"{name} {'/'.join(a.option_strings) or a.dest}"
        for name, a in actions
        if not a.help or a.help == argparse.SUPPRESS
    ]
    assert not missing
    commands = {name for name, _ in actions}
    assert {f"adminnet {c.name}" for c in cli.COMMANDS} <= commands


def test_lang_sets_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """--lang id calls adminnet._i18n.set_language("id"), before or after the command."""
    from adminnet import _i18n

    chosen: list[str | None] = []
    monkeypatch.setattr(_i18n, "set_language", chosen.append)
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    assert EXIT_OK == cli.main(["--lang", "id", "nip", "196503021990031002"])
    assert EXIT_OK == cli.main(["nip", "--lang", "en", "196503021990031002"])
    assert EXIT_OK == cli.main(["nip", "196503021990031002"])
    assert ["id", "en"] == chosen


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_completion_script(shell: str, tmp_path: Path) -> None:
    """adminnet completion SHELL prints a script that knows the commands and options."""
    pytest.importorskip("shtab")
    result = run("completion", shell)
    assert EXIT_OK == result.returncode, result.stderr
    script = result.stdout
    words = ["check", "region", "nip", "export", "completion"]
    if shell != "tcsh":  # shtab's tcsh script completes the command names only
        words += ["--max-per-code", "--quiet", "--lang"]
    for word in words:
        assert word in script, word
    if shell == "bash" and shutil.which("bash"):
        path = tmp_path / "adminnet.bash"
        path.write_text(script, encoding="utf-8")
        syntax = subprocess.run(["bash", "-n", str(path)], capture_output=True, check=False)
        assert 0 == syntax.returncode, syntax.stderr
    assert EXIT_USAGE == run("completion", "fish").returncode


def test_grouped_and_fit() -> None:
    rows = [("B", f"b{i}") for i in range(5)] + [("A", "a0")]
    assert ["b0", "b1", "  ... and 3 more B", "a0"] == grouped(rows, per_code=2)
    assert [r for _, r in rows] == grouped(rows, per_code=0)
    assert "abc" == fit("abc", 3)
    assert "ab…" == fit("abcd", 3)
    assert "x" * 500 == fit("x" * 500, None)


def test_progress_text() -> None:
    """Share read, counts, rate and time left; counts only when the size is unknown."""
    text = _jsonl.progress_text(records=50_000, errors=7, elapsed=20.0, done=40, total=100)
    assert " 40%  50,000 records  2,500/s  7 errors  0:30 left" == text
    assert "100%" in _jsonl.progress_text(10, 0, 1.0, done=100, total=100)
    assert "1:00:00 left" in _jsonl.progress_text(1, 0, 3600.0, done=50, total=100)
    assert "%" not in _jsonl.progress_text(10, 0, 1.0)
    assert "left" not in _jsonl.progress_text(0, 0, 0.0, done=0, total=100)


def test_progress_line_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """serial_jsonl draws the share of a file of known size on stderr, then ends it."""
    from adminnet.model import Person

    path = tmp_path / "persons.jsonl"
    path.write_text('{"id": "p", "name": "Budi"}\n' * 5000, encoding="utf-8")
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    progress = _jsonl.Progress(enabled=True)
    tally = _jsonl.serial_jsonl(str(path), Person, 10, progress)
    progress.done()
    assert 5000 == tally.records
    assert progress.total == path.stat().st_size
    shown = err.getvalue()
    assert shown.startswith("\r")
    assert "%" in shown
    assert "records" in shown
    assert shown.endswith("\n")
