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


def test_export_unreadable_and_unwritable(tmp_path: Path) -> None:
    """export: an unreadable FILE or an unwritable DIR exit 2, errors on stderr only."""
    for missing in (tmp_path / "missing.json", tmp_path):
        result = run("export", "--popolo", str(missing))
        assert 2 == result.returncode
        assert "" == result.stdout  # stdout is for the Popolo document
        assert "file.unreadable" in result.stderr
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", encoding="utf-8")
    result = run("export", "--popolo", str(junk))
    assert (1, "") == (result.returncode, result.stdout)  # invalid data: 1
    assert "json.invalid" in result.stderr
    result = run("export", "--csv", str(junk))  # a file where a folder is wanted
    assert 2 == result.returncode
    assert "export.not_a_folder" in result.stderr
    assert junk.read_text("utf-8") == "{not json"  # left as it was
    assert "Traceback" not in result.stderr


def test_check_jsonl_counts_records_not_kept_errors(tmp_path: Path) -> None:
    """Valid and invalid records are counted over the whole input, not the printed errors."""
    path = tmp_path / "bad.jsonl"
    path.write_text(_person_lines(300, bad_every=1), encoding="utf-8")
    for jobs in ("1", "2"):
        result = run("check", str(path), "--type", "Person", "--max-errors", "5", "--jobs", jobs)
        assert 2 == result.returncode
        assert 5 == result.stdout.count("nip.invalid_birth_date")
        assert result.stdout.endswith("300 Person records read, 0 valid, 300 problems\n")
    two = tmp_path / "two.jsonl"
    two.write_text('{"id": "Bad", "name": "", "gender": "pria"}\n{"id": "ok", "name": "Budi"}\n')
    data = json.loads(run("check", str(two), "--type", "Person", "--json").stdout)
    assert (2, 1, 1, 3) == (data["records"], data["valid"], data["invalid"], data["problems"])
    assert 3 == len(data["errors"])
    assert 2 == run("check", str(two), "--type", "Person", "--max-errors", "-1").returncode


def test_check_jsonl_reads_every_file(tmp_path: Path) -> None:
    """An unreadable JSONL file is reported and the other files are still checked."""
    path = tmp_path / "persons.jsonl"
    path.write_text(_person_lines(10, bad_every=5), encoding="utf-8")
    missing = tmp_path / "missing.jsonl"
    result = run("check", str(missing), str(path), "--type", "Person", "--json")
    assert 2 == result.returncode
    data = json.loads(result.stdout)
    assert (10, 8, 1) == (data["records"], data["valid"], data["unreadable_files"])
    assert ["file.unreadable", "nip.invalid_birth_date", "nip.invalid_birth_date"] == [
        e["code"] for e in data["errors"]
    ]


def test_check_json_load_errors_of_several_files_are_one_document(tmp_path: Path) -> None:
    """--json prints one JSON object whatever the number of files that fail to load."""
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", encoding="utf-8")
    result = run("check", "--json", str(junk), str(tmp_path / "missing.json"))
    assert 2 == result.returncode
    data = json.loads(result.stdout)
    assert [(str(junk), "json.invalid"), (str(tmp_path / "missing.json"), "file.unreadable")] == [
        (e["file"], e["code"]) for e in data["load_errors"]
    ]


def test_region_by_code() -> None:
    """region QUERY takes a code (dotted or compact) as well as a name."""
    for code in ("81.71", "8171"):
        result = run("region", code)
        assert 0 == result.returncode
        assert result.stdout.splitlines()[1].startswith("81.71  Kota Ambon")
    data = json.loads(run("region", "93.01", "--json", "--as-of", "2023-01-01").stdout)
    assert ["93.01"] == [r["code"] for r in data]
    assert 1 == run("region", "93.01", "--as-of", "2020-01-01").returncode


def test_broken_pipe_is_not_success(tmp_path: Path) -> None:
    """A reader that goes away early (``| head -1``) never turns a failure into exit 0."""
    assert ADMINNET is not None
    path = tmp_path / "bad.jsonl"
    path.write_text(_person_lines(5000, bad_every=1), encoding="utf-8")
    proc = subprocess.Popen(
        [ADMINNET, "check", str(path), "--type", "Person", "--max-errors", "5000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=300)
    assert 141 == proc.returncode
    assert b"Traceback" not in err


def test_undecodable_file_name_is_printed(tmp_path: Path) -> None:
    """A file name that is not UTF-8 is shown with escapes, even on a strict UTF-8 stdout."""
    assert ADMINNET is not None
    name = os.fsencode(tmp_path) + b"/no\xff.json"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [ADMINNET, "check", name], capture_output=True, env=env, timeout=300, check=False
    )
    assert 2 == result.returncode
    assert b"no\\xff.json: $  file.unreadable" in result.stdout
