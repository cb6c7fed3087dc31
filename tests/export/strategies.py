"""One strategy of entities for each collection of a Dataset, for the Arrow tests."""

from __future__ import annotations

from typing import Any

from adminnet import strategies as ads

STRATEGY: dict[str, Any] = {
    "agencies": ads.agencies(),
    "persons": ads.persons(),
    "positions": ads.positions(),
    "tenures": ads.tenures(),
    "agreements": ads.agreements(),
    "events": ads.events(),
    "services": ads.public_services(),
    "targets": ads.digitalization_targets(),
    "measurements": ads.measurements(),
}
"""Collection name -> a strategy of its entities (test_arrow.py holds it to ``COLLECTIONS``)."""
