"""Nomor identitas (identifier modules with one interface, like python-stdnum).

Each module (:mod:`~adminnet.ids.nip`, :mod:`~adminnet.ids.nik`,
:mod:`~adminnet.ids.region_code`, :mod:`~adminnet.ids.golongan`) offers the same
functions:

- ``compact(s) -> str``: strip separators and spaces;
- ``validate(s) -> str``: the canonical compact form, or a
  :class:`~adminnet.errors.ValidationError` subclass with a stable code;
- ``is_valid(s) -> bool``: never raises, whatever the input type;
- ``format(s) -> str``: the human form;
- ``parse(s)``: a frozen record of the parts.

>>> from adminnet import ids
>>> [m.__name__.rsplit(".", 1)[1] for m in ids.modules()]
['golongan', 'nik', 'nip', 'region_code']
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any, Protocol

__all__ = ["IdentifierModule", "modules"]

_NAMES = ("golongan", "nik", "nip", "region_code")


class IdentifierModule(Protocol):
    """Antarmuka modul nomor (the interface every identifier module has)."""

    def compact(self, number: str) -> str:
        """Strip separators and surrounding spaces."""
        ...

    def validate(self, number: str) -> str:
        """Return the canonical compact form or raise a ValidationError."""
        ...

    def is_valid(self, number: object) -> bool:
        """Return True if valid; never raises."""
        ...

    def format(self, number: str) -> str:
        """Return the human form."""
        ...

    def parse(self, number: str) -> Any:
        """Return a frozen record of the parts."""
        ...


def modules() -> tuple[ModuleType, ...]:
    """Every identifier module, sorted by name."""
    return tuple(importlib.import_module(f"adminnet.ids.{name}") for name in _NAMES)
