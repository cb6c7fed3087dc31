"""Private: the one bounded memo and the one lazy-once helper of the library.

:class:`Memo` remembers the answers of a pure function of hashable values (a parsed
date, a checked title tuple). It is bounded: when full it is emptied whole, which keeps
memory flat on endless input and costs one recomputation per value afterwards. Reads
and writes are single dict operations, safe under the GIL from several threads (the
worst a race does is compute a value twice).

:func:`once` runs a function on first use and returns that value ever after (data
loaded lazily, an optional module imported on first need); the first call runs under a
lock, so the function runs once even when threads race to it.

>>> squares = Memo[int, int](2)
>>> squares.get(3) is None
True
>>> squares.put(3, 9)
9
>>> squares.get(3), len(squares)
(9, 1)
>>> squares.put(4, 16), squares.put(5, 25), len(squares)  # full: emptied, then 5 kept
(16, 25, 1)
>>> calls = []
>>> @once
... def table() -> dict[str, int]:
...     calls.append(1)
...     return {"a": 1}
>>> table() is table(), len(calls)
(True, 1)
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Final, Generic, Protocol, TypeVar, overload

__all__ = ["MISSING", "Memo", "once"]

K = TypeVar("K", contravariant=True)
V = TypeVar("V")
V_co = TypeVar("V_co", covariant=True)
D = TypeVar("D")


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()
"""A default for :meth:`Memo.get` when ``None`` is itself a remembered answer."""


class _Get(Protocol[K, V_co]):
    @overload
    def __call__(self, key: K, /) -> V_co | None: ...

    @overload
    def __call__(self, key: K, default: D, /) -> V_co | D: ...


class Memo(Generic[K, V]):
    """A bounded memo: at most ``limit`` entries, emptied whole when full."""

    __slots__ = ("_data", "get", "limit")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._data: dict[K, V] = {}
        self.get: _Get[K, V] = self._data.get  # type: ignore[assignment]
        """The remembered value of a key, else the default (``None``): a dict's ``get``."""

    def put(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` (emptying the memo first if it is full)."""
        data = self._data
        if len(data) >= self.limit:
            data.clear()
        data[key] = value
        return value

    def clear(self) -> None:
        """Forget everything."""
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


def once(fn: Callable[[], V]) -> Callable[[], V]:
    """``fn`` run on first call (under a lock), its value returned ever after.

    The wrapper has ``done()`` (whether the value exists yet) and ``reset()`` (forget
    it; for tests).
    """
    lock = threading.Lock()
    slot: list[V] = []

    @functools.wraps(fn)
    def wrapper() -> V:
        if slot:
            return slot[0]
        with lock:
            if not slot:
                slot.append(fn())
        return slot[0]

    def reset() -> None:
        with lock:
            slot.clear()

    def done() -> bool:
        return bool(slot)

    wrapper.reset = reset  # type: ignore[attr-defined]
    wrapper.done = done  # type: ignore[attr-defined]
    return wrapper
