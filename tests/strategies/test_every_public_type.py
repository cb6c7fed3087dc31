"""Every public class of ``adminnet.__all__`` has a working ``st.from_type`` strategy.

The list of classes is read from ``adminnet.__all__`` (never written out here), so a
new public class without a registered strategy fails this test (issue 16, defect 8).
"""

from __future__ import annotations

import enum
import inspect

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import adminnet
from adminnet._hypothesis import _hypothesis_setup_hook

PUBLIC_CLASSES = sorted(
    (name for name in adminnet.__all__ if inspect.isclass(getattr(adminnet, name))),
)


def test_the_list_is_not_empty() -> None:
    """The enumeration finds the entity classes (a guard against an empty parametrize)."""
    assert {"Agency", "Dataset", "Progress", "RegionName", "GradingScheme"} <= set(PUBLIC_CLASSES)


@pytest.mark.parametrize("name", PUBLIC_CLASSES)
def test_from_type_draws_instances(name: str) -> None:
    """``st.from_type(T)`` draws valid instances of T (no adminnet error inside)."""
    _hypothesis_setup_hook()  # as the entry point does; registering twice is harmless
    cls = getattr(adminnet, name)

    @settings(
        max_examples=5,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.from_type(cls))
    def draws(value: object) -> None:
        assert isinstance(value, cls)
        if not issubclass(cls, enum.Enum | BaseException):
            assert type(value).__module__.startswith("adminnet")

    draws()
