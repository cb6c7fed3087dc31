"""The ``adminnet extract`` command: text, JSON and HTML output, exit statuses."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from adminnet.cli import main
from adminnet.model.dataset import Dataset
from adminnet.serialization import from_dict

from .sample_texts import SIGNING


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "berita.txt"
    path.write_text(SIGNING, encoding="utf-8")
    return path


def test_text_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "--published", "2023-06-12"]) == 0
    out = capsys.readouterr().out
    assert "'Bupati Pringsewu'" in out
    assert "person    'Sujadi'" in out
    assert "event acara-penandatanganan-2023-06-12: Penandatanganan" in out
    assert "Found 0 errors" in out


def test_json_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "--published", "2023-06-12", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"input", "published", "mentions", "dataset", "notes", "report"}
    ds = from_dict(Dataset, doc["dataset"])
    assert [p.id for p in ds.persons] == ["sujadi", "andi-wijaya"]
    first = doc["mentions"][0]
    assert SIGNING[first["start"] : first["end"]] == first["text"]
    assert (doc["report"]["ok"], doc["report"]["errors"]) == (True, 0)


def test_html_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "--html"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    assert '<mark class="adminnet-position"' in out


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Kepala BKN Bima Haria Wibisana hadir."))
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["extract", "-"]) == 0
    assert "Bima Haria Wibisana" in capsys.readouterr().out


def test_rule_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pj.txt"
    path.write_text("Pj. Kepala LAN Budi Santoso hadir.", encoding="utf-8")
    assert main(["extract", str(path), "--published", "2020-01-01"]) == 1
    assert "TEN002" in capsys.readouterr().out


def test_unreadable_input_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "absent.txt")]) == 2
    assert "file.unreadable" in capsys.readouterr().err
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Walikota Bogor \xe9".encode("latin-1"))
    assert main(["extract", str(bad)]) == 2
    assert "file.not_utf8" in capsys.readouterr().err


def test_bad_published_exit_2(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "--published", "16/3/2017"]) == 2
    assert "date" in capsys.readouterr().err


def test_json_and_html_exclusive(article: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(article), "--json", "--html"])
    assert exc.value.code == 2
