"""Fixtures of the extraction tests: the seed article, found like the reference data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = Path(os.environ.get("ADMINNET_SEED", ROOT.parent / "shared" / "seed"))


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The seed articles (`../shared/seed/`); skip, or fail under CI, if absent."""
    if not (SEED / "lan-mou-2017.txt").is_file():
        reason = f"seed article not found at {SEED / 'lan-mou-2017.txt'} (set ADMINNET_SEED)"
        if os.environ.get("ADMINNET_REQUIRE_REFERENCE") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return SEED
