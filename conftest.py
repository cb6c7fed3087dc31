"""Collection rules for the documentation pages run as doctests (``docs/*.md``).

docs/notebooks.md reads the real SPBE results from the outside reference data
(``../shared/reference``, or ``ADMINNET_REFERENCE``) and needs the ``notebook`` extra
(pyarrow, polars, DuckDB, matplotlib): without them it is skipped with the reason, or
fails under ``ADMINNET_REQUIRE_REFERENCE=1`` when the reference data is missing, like
the tests of tests/conftest.py.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
REFERENCE = Path(os.environ.get("ADMINNET_REFERENCE", ROOT.parent / "shared" / "reference"))
_NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # page: (reference files, modules)
    "notebooks.md": (
        ("spbe/spbe_2023_2024.csv",),
        ("pyarrow", "polars", "duckdb", "matplotlib"),
    ),
}


def _missing(page: str) -> str | None:
    files, modules = _NEEDS[page]
    absent = [f for f in files if not (REFERENCE / f).is_file()]
    if absent:
        reason = (
            f"outside reference data not found: {REFERENCE / absent[0]} (set ADMINNET_REFERENCE)"
        )
        if os.environ.get("ADMINNET_REQUIRE_REFERENCE") == "1":
            pytest.fail(reason)
        return reason
    lacking = [m for m in modules if importlib.util.find_spec(m) is None]
    if lacking:
        return f"needs the 'notebook' extra: {', '.join(lacking)} not installed"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip a page whose reference data or optional modules are missing (say which)."""
    for item in items:
        path = Path(str(item.path))
        if path.parent == ROOT / "docs" and path.name in _NEEDS:
            reason = _missing(path.name)
            if reason is not None:
                item.add_marker(pytest.mark.skip(reason=reason))
