"""The error-tree contract, enforced in one place for the whole fuzz suite.

Every public entry point, given anything at all, either returns or raises an
:class:`~adminnet.errors.AdminnetError`; never a bare ``TypeError``, ``KeyError``,
``decimal.InvalidOperation``, ``RecursionError`` or ``MemoryError``. ``is_valid``-style
predicates never raise and return a bool. Some adminnet errors are bugs, not answers:
:class:`~adminnet.rules.RuleFailure` (a rule crashed) is refused too.

The budget: ``ADMINNET_FUZZ_EXAMPLES`` (an int) sets the examples of every fuzz test;
unset, the active Hypothesis profile decides (``ci``: 400; ``default``: 60), and the
slow entry points (whole datasets, the CLI) get a tenth of it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Final

from hypothesis import HealthCheck, settings

from adminnet.errors import AdminnetError
from adminnet.rules import RuleFailure

__all__ = ["BUG_ERRORS", "EXAMPLES", "SLOW_EXAMPLES", "call", "fuzz", "predicate", "slow_fuzz"]

BUG_ERRORS: Final = (RuleFailure,)
"""Adminnet errors that report a bug of adminnet itself, never an answer to input."""


def _examples() -> int:
    raw = os.environ.get("ADMINNET_FUZZ_EXAMPLES")
    if raw is None:
        return int(settings.default.max_examples)
    return max(1, int(raw))


EXAMPLES: Final = _examples()
SLOW_EXAMPLES: Final = max(5, EXAMPLES // 10)

_COMMON: Final[dict[str, Any]] = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
}
fuzz: Final = settings(max_examples=EXAMPLES, **_COMMON)
"""Settings of a fuzz test of a fast entry point."""
slow_fuzz: Final = settings(max_examples=SLOW_EXAMPLES, **_COMMON)
"""Settings of a fuzz test of a slow entry point (datasets, the CLI)."""


def call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``function``; return its result or the AdminnetError it raised.

    Raises:
        AssertionError: anything but an AdminnetError escaped, or a bug error
            (:data:`BUG_ERRORS`) did; the message names the call and the cause.
    """
    try:
        return function(*args, **kwargs)
    except BUG_ERRORS as exc:
        msg = f"{_name(function)}{_shown(args, kwargs)} reported a bug: {exc!r}"
        raise AssertionError(msg) from exc
    except AdminnetError as exc:
        assert isinstance(exc.code, str), f"{exc!r} has no code"  # noqa: PT017
        assert exc.code, f"{exc!r} has an empty code"  # noqa: PT017
        str(exc)  # the message itself must render
        return exc
    except Exception as exc:  # the contract is broken: say where and how
        msg = f"{_name(function)}{_shown(args, kwargs)} raised {type(exc).__name__}: {exc}"
        raise AssertionError(msg) from exc


def predicate(function: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
    """Call an ``is_valid``-style function: it must return a bool and never raise."""
    try:
        result = function(*args, **kwargs)
    except BaseException as exc:
        msg = f"{_name(function)}{_shown(args, kwargs)} raised {type(exc).__name__}: {exc}"
        raise AssertionError(msg) from exc
    assert isinstance(result, bool), f"{_name(function)} returned {result!r}, not a bool"
    return result


def _name(function: Callable[..., Any]) -> str:
    module = getattr(function, "__module__", "") or ""
    return f"{module}.{getattr(function, '__qualname__', repr(function))}"


def _shown(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    parts = [repr(a)[:120] for a in args] + [f"{k}={v!r:.60}" for k, v in kwargs.items()]
    return f"({', '.join(parts)})"
