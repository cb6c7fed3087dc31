"""Private: lazy re-exports for package namespaces (PEP 562).

A package lists where each public name is defined; the name's module is imported on
first access and the value is then stored in the package, so later lookups are plain
attribute reads. ``import adminnet`` thus imports nothing of the model.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["exports"]


def exports(
    package: str,
    where: Mapping[str, str],
    names: Iterable[str],
    *,
    submodules: Iterable[str] = (),
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package`` re-exporting ``where``.

    ``where`` maps each name to the module defining it; ``names`` is what ``dir()``
    lists (the package's ``__all__``); ``submodules`` are the package's own submodules
    that attribute access imports (``adminnet.regions`` after ``import adminnet``).
    Call it from the package itself, while it runs.
    """
    namespace = sys.modules[package].__dict__
    listed = list(names)
    subs = frozenset(submodules)

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook's own name
        module = where.get(name)
        if module is None and name in subs:
            # import_module binds the submodule in the package's namespace itself.
            return importlib.import_module(f"{package}.{name}")
        if module is None:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - the module hook's own name
        return list(listed)

    return __getattr__, __dir__
