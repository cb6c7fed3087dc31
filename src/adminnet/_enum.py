"""Private base of adminnet's enums: stable snake_case values, Indonesian labels."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import TypeVar

__all__ = ["LabeledEnum", "labels"]

_LABELS: dict[type[enum.Enum], dict[str, str]] = {}

E = TypeVar("E", bound="LabeledEnum")


class LabeledEnum(enum.StrEnum):
    """A ``StrEnum`` whose members carry their official Indonesian ``label``."""

    @property
    def label(self) -> str:
        """The official Indonesian term (``Capacity.PENJABAT.label == "Pj."``)."""
        return _LABELS[type(self)][self.value]


def labels(mapping: Mapping[str, str]) -> Callable[[type[E]], type[E]]:
    """Class decorator giving every member of a :class:`LabeledEnum` its label.

    Every member must have exactly one label (checked when the class is defined).
    """

    def decorate(cls: type[E]) -> type[E]:
        values = {m.value for m in cls}
        if values != set(mapping):
            msg = f"labels of {cls.__name__} do not match its members: {values ^ set(mapping)}"
            raise TypeError(msg)
        _LABELS[cls] = dict(mapping)
        return cls

    return decorate
