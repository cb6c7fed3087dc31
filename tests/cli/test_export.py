"""``adminnet export``: JSON Lines of any entity type or a Dataset, to CSV, JSONL, Parquet."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Any

import pytest

from adminnet.cli import main
from adminnet.examples import lan_mou_2017
from adminnet.model.dataset import COLLECTIONS, Dataset
from adminnet.serialization import iter_jsonl, to_json, write_jsonl


def jsonl(path: Path, entities: Any) -> Path:
    with path.open("w", encoding="utf-8") as f:
        write_jsonl(entities, f)
    return path


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("kind", [c.name for c in COLLECTIONS])
def test_jsonl_of_every_entity_type_to_csv(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The failing case of issue 19 (``--csv out persons.jsonl``), for every type."""
    entities = getattr(lan_mou_2017(), kind)
    source = jsonl(tmp_path / f"{kind}.jsonl", entities)
    out = tmp_path / "out"
    # the type is read off the first record; an empty file needs --type
    named = (
        [] if entities else ["--type", next(c.cls.__name__ for c in COLLECTIONS if c.name == kind)]
    )
    assert main(["export", "--csv", str(out), *named, str(source)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [f"{kind}.csv"]
    rows = csv_rows(out / f"{kind}.csv")
    assert len(rows) == len(entities)
    assert f"{len(entities)} rows" in capsys.readouterr().err


def test_jsonl_to_parquet_reads_back(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from adminnet.export import read_parquet

    ds = lan_mou_2017()
    source = jsonl(tmp_path / "tenures.jsonl", ds.tenures)
    out = tmp_path / "pq"
    assert main(["export", "--parquet", str(out), str(source)]) == 0
    assert read_parquet(out / "tenures.parquet") == list(ds.tenures)


def test_dataset_to_parquet_jsonl_and_csv(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from adminnet.export import read_parquet

    ds = lan_mou_2017()
    doc = tmp_path / "ds.json"
    doc.write_text(to_json(ds), encoding="utf-8")
    assert main(["export", "--parquet", str(tmp_path / "pq"), str(doc)]) == 0
    assert read_parquet(tmp_path / "pq") == ds
    assert main(["export", "--jsonl", str(tmp_path / "jl"), str(doc)]) == 0
    names = sorted(p.name for p in (tmp_path / "jl").iterdir())
    assert names == sorted(f"{c.name}.jsonl" for c in COLLECTIONS)
    with (tmp_path / "jl" / "agencies.jsonl").open("rb") as f:
        assert list(iter_jsonl(type(ds.agencies[0]), f)) == list(ds.agencies)
    assert main(["export", "--csv", str(tmp_path / "csv"), str(doc)]) == 0
    assert len(csv_rows(tmp_path / "csv" / "tenures.csv")) == len(ds.tenures)


def test_no_file_is_the_example(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from adminnet.export import read_parquet

    assert main(["export", "--parquet", str(tmp_path / "a")]) == 0
    assert read_parquet(tmp_path / "a") == lan_mou_2017()
    assert main(["export", "--parquet", str(tmp_path / "b"), "--type", "Person"]) == 0
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["persons.parquet"]


def test_jsonl_without_its_extension_and_a_single_record(tmp_path: Path) -> None:
    persons = lan_mou_2017().persons
    source = jsonl(tmp_path / "people.json", persons)  # JSON Lines under another name
    assert main(["export", "--csv", str(tmp_path / "a"), str(source)]) == 0
    assert len(csv_rows(tmp_path / "a" / "persons.csv")) == len(persons)
    one = tmp_path / "one.json"
    one.write_text(to_json(persons[0]), encoding="utf-8")  # one object, no format_version
    assert main(["export", "--csv", str(tmp_path / "b"), str(one)]) == 0
    assert len(csv_rows(tmp_path / "b" / "persons.csv")) == 1


def test_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    write_jsonl(lan_mou_2017().positions, buffer)
    fake = io.TextIOWrapper(io.BytesIO(buffer.getvalue()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["export", "--csv", str(tmp_path / "o"), "-"]) == 0
    assert len(csv_rows(tmp_path / "o" / "positions.csv")) == len(lan_mou_2017().positions)


def test_type_given(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "x.jsonl", lan_mou_2017().persons)
    assert main(["export", "--csv", str(tmp_path / "o"), "--type", "person", str(source)]) == 0
    assert main(["export", "--csv", str(tmp_path / "p"), "--type", "Tenure", str(source)]) == 1


def test_invalid_records_exit_1_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pyarrow")
    source = jsonl(tmp_path / "persons.jsonl", lan_mou_2017().persons)
    lines = source.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace('"nip":null', '"nip":"196513321990031002"')
    lines.insert(4, '{"id": "Bad Id", "name": "Budi"}')
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for fmt in ("--parquet", "--csv", "--jsonl"):
        out = tmp_path / fmt.strip("-")
        assert main(["export", fmt, str(out), str(source)]) == 1
        assert not out.exists()
        err = capsys.readouterr().err
        assert "persons.jsonl:3: $.nip  nip.invalid_birth_date" in err
        assert "persons.jsonl:5: $.id  id.invalid" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["persons.jsonl"]  # no staging


def test_an_invalid_dataset_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "ds.json"
    doc.write_text('{"format_version": "1.0", "persons": [{"id": "X"}]}', encoding="utf-8")
    assert main(["export", "--csv", str(tmp_path / "o"), str(doc)]) == 1
    assert "$.persons[0].id" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "status", "code"),
    [
        ('{"id": "a"}\n', 2, "export.unknown_type"),  # every type needs more than an id
        ('{"colour": "red"}\n', 2, "export.unknown_type"),
        ("[1, 2]\n[3]\n", 2, "export.unknown_type"),
        ("\n\n", 2, "export.unknown_type"),
        ('{"id": "a", \n{"id": "b"}\n', 1, "json.invalid"),
    ],
)
def test_the_type_is_never_guessed(
    tmp_path: Path, text: str, status: int, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "x.jsonl"
    source.write_text(text, encoding="utf-8")
    assert main(["export", "--csv", str(tmp_path / "o"), str(source)]) == status
    err = capsys.readouterr().err
    assert code in err
    assert "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_a_person_record_is_told_by_its_required_fields(tmp_path: Path) -> None:
    source = tmp_path / "x.jsonl"
    source.write_text('{"id": "a", "name": "Budi"}\n', encoding="utf-8")
    assert main(["export", "--csv", str(tmp_path / "o"), str(source)]) == 0
    assert [p.name for p in (tmp_path / "o").iterdir()] == ["persons.csv"]


def test_a_type_that_is_no_collection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = jsonl(tmp_path / "x.jsonl", lan_mou_2017().persons)
    assert main(["export", "--csv", str(tmp_path / "o"), "--type", "Region", str(source)]) == 2
    assert main(["export", "--csv", str(tmp_path / "o"), "--type", "Nope", str(source)]) == 2
    assert capsys.readouterr().err.count("export.unknown_type") == 2


def test_popolo_of_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    source = jsonl(tmp_path / "persons.jsonl", lan_mou_2017().persons)
    assert main(["export", "--popolo", str(source)]) == 0
    assert len(json.loads(capsys.readouterr().out)["persons"]) == len(lan_mou_2017().persons)


def test_dataset_type_is_a_document(tmp_path: Path) -> None:
    doc = tmp_path / "ds.txt"
    doc.write_text(to_json(lan_mou_2017()), encoding="utf-8")
    assert main(["export", "--csv", str(tmp_path / "o"), "--type", "Dataset", str(doc)]) == 0
    assert isinstance(lan_mou_2017(), Dataset)
