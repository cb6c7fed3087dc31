"""The ids layer's region code table agrees with the region registry it is built from."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from adminnet import regions
from adminnet.ids import _region_table

ROOT = Path(__file__).resolve().parents[2]


def _script() -> object:
    spec = importlib.util.spec_from_file_location(
        "build_region_codes", ROOT / "scripts" / "build_region_codes.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_table_is_not_stale() -> None:
    """The shipped table is exactly what the script builds from the shipped registry."""
    shipped = (ROOT / "src" / "adminnet" / "data" / "region_codes.txt").read_text("utf-8")
    assert _script().build() == shipped  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("code", "day"),
    [
        ("81.71", None),
        ("92.01", "2020-01-01"),
        ("92.01", "2023-01-01"),
        ("96.01", "2020-01-01"),
        ("96.01", None),
        ("81.71.01", None),
        ("81.71.01", "2016-01-01"),
        ("92.01.01", "2020-01-01"),
        ("81.98", None),
        ("99", None),
        ("31.71", "2017-03-16"),
    ],
)
def test_exists_agrees_with_the_registry(code: str, day: str | None) -> None:
    """For levels 1-3 the table says what regions.get says, on any day."""
    assert _region_table.exists(code, day) == (regions.get(code, as_of=day) is not None)


def test_every_current_kabupaten_kota_is_in_the_table() -> None:
    for region in regions.all(level=2):
        record = _region_table.latest(region.code)
        assert record is not None
        assert (record.kind, record.official_name) == (region.kind.value, region.official_name)
        assert record.is_autonomous == region.is_autonomous


def test_reading_the_table_is_lazy() -> None:
    """Importing the ids layer reads no data file and imports no registry."""
    code = (
        "import sys, adminnet.ids.nik, adminnet.model.agency, adminnet.model.event;"
        "from adminnet.ids import _region_table as t;"
        "print(t._table.done(), 'adminnet.regions' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
