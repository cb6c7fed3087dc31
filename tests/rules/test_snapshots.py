"""Report text and JSON forms are stable: compared exactly with snapshot files.

Regenerate after an intended change with ``ADMINNET_UPDATE_SNAPSHOTS=1 pytest
tests/rules/test_snapshots.py`` and review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from adminnet import rules
from adminnet.examples import lan_mou_2017
from adminnet.model.dataset import Dataset

from .cases import CASES

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("ADMINNET_UPDATE_SNAPSHOTS") == "1"

DATASETS: dict[str, tuple[Callable[[], Dataset], str]] = {
    "lan_mou_2017": (lan_mou_2017, "2017-03-16"),
    "agr001_fail": (CASES["agr001_fail"], "2024-01-01"),
    "ref002_fail": (CASES["ref002_fail"], "2024-01-01"),
    "agr004_fail": (CASES["agr004_fail"], "2024-01-01"),
}

FORMS: dict[str, Callable[[rules.Report], str]] = {
    "txt": lambda r: r.to_text() + "\n",
    "paths.txt": lambda r: r.to_text(paths=True) + "\n",
    "json": lambda r: r.to_json() + "\n",
}


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("name", sorted(DATASETS))
def test_snapshot(name: str, form: str) -> None:
    """The report of a dataset renders exactly as its snapshot file."""
    build, at = DATASETS[name]
    text = FORMS[form](rules.check(build(), at=at))
    path = SNAPSHOTS / f"{name}.{form}"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing snapshot {path.name}; run with ADMINNET_UPDATE_SNAPSHOTS=1"
    assert path.read_text(encoding="utf-8") == text
