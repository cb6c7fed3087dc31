"""The adminnet command, run through its installed entry point in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ADMINNET = shutil.which("adminnet", path=os.path.dirname(sys.executable)) or shutil.which(
    "adminnet"
)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    assert ADMINNET is not None, "the adminnet console script is not installed"
    return subprocess.run(
        [ADMINNET, *args], capture_output=True, text=True, cwd=cwd, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def example_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "example.json"
    result = run("example")
    assert 0 == result.returncode, result.stderr
    path.write_text(result.stdout, encoding="utf-8")
    return path


def test_help_lists_commands() -> None:
    """--help names every command and exits 0."""
    result = run("--help")
    assert 0 == result.returncode
    for command in ("check", "region", "nip", "schema", "example", "export"):
        assert command in result.stdout


def test_check_bundled_example() -> None:
    """With no FILE, check summarises the bundled example and passes."""
    result = run("check", "--at", "2017-03-16")
    assert 0 == result.returncode, result.stdout + result.stderr
    out = result.stdout
    assert "chaired by Dr. Adi Suryanto, M.Si." in out
    assert "witnessed by Asman Abnur; Dwi Wahyu Atmaji; Dr. Anwar Sanusi" in out
    assert "attended by Ir. Frans J. Papilaya, M.Si." in out
    assert "Kamis, 16 Maret 2017" in out
    assert "All checks passed" in out


def test_check_example_document_round_trips(example_doc: Path) -> None:
    """The printed example loads back and checks clean, as JSON output too."""
    result = run("check", str(example_doc), "--json", "--at", "2017-03-16")
    assert 0 == result.returncode, result.stderr
    data = json.loads(result.stdout)
    assert 5 == data["summary"]["persons"]
    assert [] == data["report"]["violations"]


def test_check_broken_document(tmp_path: Path, example_doc: Path) -> None:
    """A broken document exits 2 and prints every error with its path."""
    doc = json.loads(example_doc.read_text("utf-8"))
    doc["persons"][1]["nip"] = "196513321990031002"
    doc["tenures"][0]["capacity"] = "acting"
    doc["agencies"][0]["surprise"] = True
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = run("check", str(bad))
    assert 2 == result.returncode
    assert "$.persons[1].nip  nip.invalid_birth_date" in result.stdout
    assert "$.tenures[0].capacity" in result.stdout
    assert "$.agencies[0].surprise  document.unknown_key" in result.stdout


def test_check_rule_errors(tmp_path: Path, example_doc: Path) -> None:
    """A dataset that loads but breaks a rule exits 1 and names the rule."""
    doc = json.loads(example_doc.read_text("utf-8"))
    for tenure in doc["tenures"]:
        if tenure["id"] == "adi-suryanto-kepala-lan":
            tenure["capacity"] = "penjabat"
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = run("check", str(path), "--at", "2017-03-16")
    assert 1 == result.returncode, result.stdout + result.stderr
    assert "TEN002 error tenure:adi-suryanto-kepala-lan" in result.stdout
    ignored = run("check", str(path), "--at", "2017-03-16", "--ignore", "TEN")
    assert 0 == ignored.returncode


def test_check_unreadable(tmp_path: Path) -> None:
    """A missing file and invalid JSON exit 2."""
    assert 2 == run("check", str(tmp_path / "missing.json")).returncode
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", encoding="utf-8")
    result = run("check", str(junk))
    assert 2 == result.returncode
    assert "json.invalid" in result.stdout


def _person_lines(n: int, bad_every: int = 0) -> str:
    lines = []
    for i in range(n):
        nip = "196503021990031002"
        if bad_every and i % bad_every == 0:
            nip = "196513321990031002"
        lines.append(json.dumps({"id": f"p{i}", "name": "Dr. Budi Santoso, M.Si.", "nip": nip}))
    return "\n".join(lines) + "\n"


def test_check_jsonl_errors_with_line_numbers(tmp_path: Path) -> None:
    """JSONL errors carry their line numbers, the same with --jobs 2."""
    path = tmp_path / "persons.jsonl"
    path.write_text(_person_lines(1000, bad_every=250), encoding="utf-8")
    serial = run("check", str(path), "--type", "Person", "--json")
    parallel = run("check", str(path), "--type", "Person", "--json", "--jobs", "2")
    assert 2 == serial.returncode
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)
    data = json.loads(serial.stdout)
    assert (1000, 4) == (data["records"], data["invalid"])
    assert [1, 251, 501, 751] == [e["line"] for e in data["errors"]]
    assert {"$.nip"} == {e["path"] for e in data["errors"]}


def test_check_jsonl_memory_is_flat(tmp_path: Path) -> None:
    """100,000 JSONL records are streamed: peak memory grows by far less than the input."""
    small = tmp_path / "small.jsonl"
    big = tmp_path / "big.jsonl"
    small.write_text(_person_lines(1_000), encoding="utf-8")
    big.write_text(_person_lines(100_000), encoding="utf-8")

    def peak_kb(path: Path) -> int:
        code = (
            "import resource, sys\n"
            "from adminnet.cli import main\n"
            f"rc = main(['check', {str(path)!r}, '--type', 'Person'])\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        return int(out.stdout.strip().splitlines()[-1])

    growth_mb = (peak_kb(big) - peak_kb(small)) / 1024
    input_mb = big.stat().st_size / 2**20
    assert growth_mb < 10, (growth_mb, input_mb)


def test_region_and_nip_commands() -> None:
    """region prints a table; nip explains or refuses."""
    region = run("region", "ambon", "--limit", "3")
    assert 0 == region.returncode
    assert region.stdout.splitlines()[1].startswith("81.71  ")
    assert "Asia/Jayapura" in region.stdout
    assert 1 == run("region", "zzzzqqq").returncode
    nip = run("nip", "196503021990031002", "--json")
    assert {"birth_date": "1965-03-02", "appointed": "1990-03", "serial": 2}.items() <= json.loads(
        nip.stdout
    ).items()
    bad = run("nip", "196513321990031002")
    assert 1 == bad.returncode
    assert "nip.invalid_birth_date" in bad.stdout


def test_schema_example_export(tmp_path: Path) -> None:
    """schema prints JSON Schema; example jsonl; export Popolo and CSV."""
    schema = json.loads(run("schema", "Person").stdout)
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    assert 2 == run("schema", "Nope").returncode
    jsonl = run("example", "--format", "jsonl", "--type", "Tenure")
    assert 5 == len(jsonl.stdout.splitlines())
    popolo = json.loads(run("export", "--popolo").stdout)
    assert {"persons", "organizations", "posts", "memberships", "events"} <= set(popolo)
    result = run("export", "--csv", str(tmp_path / "csv"))
    assert 0 == result.returncode
    assert (tmp_path / "csv" / "tenures.csv").read_text("utf-8").count("\n") == 6
