"""Shared test configuration: hypothesis profiles and the outside reference data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Messages are compared in English: an Indonesian locale or ADMINNET_LANG of the
# developer must not change them (tests of Indonesian set the language themselves;
# subprocesses inherit this).
os.environ["ADMINNET_LANG"] = "en"

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
VECTORS = Path(__file__).resolve().parent / "vectors"
REFERENCE = Path(os.environ.get("ADMINNET_REFERENCE", ROOT.parent / "shared" / "reference"))


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """The outside oracles (`../shared/reference/`); skip, or fail under CI, if absent."""
    if not REFERENCE.is_dir():
        reason = f"outside reference data not found at {REFERENCE} (set ADMINNET_REFERENCE)"
        if os.environ.get("ADMINNET_REQUIRE_REFERENCE") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return REFERENCE
