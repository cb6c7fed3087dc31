"""Private base of adminnet's enums: stable snake_case values, Indonesian labels.

A :class:`LabeledEnum` member is serialized as its value (``"pelaksana_tugas"``) and
printed with its label (``"Plt."``). As input it takes the value, the label as printed
and the abbreviations given to :func:`labels` (``MoU`` for a nota kesepahaman), each
also without regard to case, dots and the underscores of a value, whenever that
reading names one member only. Anything else is refused with the allowed values:

>>> @labels({"penjabat": "Pj.", "pelaksana_tugas": "Plt."}, aliases={"Plt": "pelaksana_tugas"})
... class Kind(LabeledEnum):
...     PENJABAT = "penjabat"
...     PELAKSANA_TUGAS = "pelaksana_tugas"
>>> Kind("Plt.") is Kind("PLT") is Kind("pelaksana tugas") is Kind.PELAKSANA_TUGAS
True
>>> str(Kind("Pj."))
'penjabat'
>>> Kind("acting")
Traceback (most recent call last):
adminnet.errors.InvalidComponent: 'acting' is not a Kind (one of: penjabat (Pj.), ...)

A folded spelling that two members share is refused as ambiguous (code
``enum.ambiguous``), never guessed; an unknown one has the code ``enum.invalid``.
Documents read by :mod:`adminnet.serialization` stay strict: the wire format (and
its JSON Schema) takes the value only.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

from adminnet._validators import short
from adminnet.errors import InvalidComponent

__all__ = ["LabeledEnum", "allowed", "find", "labels", "refusal"]

_LABELS: dict[type[enum.Enum], dict[str, str]] = {}
# Per class: every accepted spelling (exact and folded) -> the values it may mean.
_READINGS: dict[type[enum.Enum], dict[str, frozenset[str]]] = {}

E = TypeVar("E", bound="LabeledEnum")

_FOLD_DROP: Final = str.maketrans({".": None, "_": " "})
_MAX_INPUT: Final = 80  # longer than any label: never folded


def _fold(text: str) -> str:
    """Case, dots, underscores and runs of spaces do not tell members apart."""
    return " ".join(text.translate(_FOLD_DROP).casefold().split())


class LabeledEnum(enum.StrEnum):
    """A ``StrEnum`` whose members carry their official Indonesian ``label``.

    ``Cls(text)`` takes a value, a label or an abbreviation (see the module); it raises
    :class:`~adminnet.errors.InvalidComponent` naming the allowed values otherwise.
    """

    @property
    def label(self) -> str:
        """The official Indonesian term (``Capacity.PENJABAT.label == "Pj."``)."""
        return _LABELS[type(self)][self.value]

    @classmethod
    def _missing_(cls, value: object) -> Any:
        found = find(cls, value)
        if found is None:
            raise refusal(cls, value)
        return found


def labels(
    mapping: Mapping[str, str], *, aliases: Mapping[str, str] | None = None
) -> Callable[[type[E]], type[E]]:
    """Class decorator giving every member of a :class:`LabeledEnum` its label.

    Every member must have exactly one label (checked when the class is defined).
    ``aliases`` maps other printed forms (``"MoU"``) to the value they stand for.
    """

    def decorate(cls: type[E]) -> type[E]:
        values = {m.value for m in cls}
        if values != set(mapping):
            msg = f"labels of {cls.__name__} do not match its members: {values ^ set(mapping)}"
            raise TypeError(msg)
        extra = dict(aliases or {})
        if not set(extra.values()) <= values:
            msg = f"aliases of {cls.__name__} name no member: {set(extra.values()) - values}"
            raise TypeError(msg)
        _LABELS[cls] = dict(mapping)
        readings: dict[str, set[str]] = {}
        spellings = [(v, v) for v in values] + [(lb, v) for v, lb in mapping.items()]
        for text, value in [*spellings, *extra.items()]:
            readings.setdefault(text, set()).add(value)
            readings.setdefault(_fold(text), set()).add(value)
        _READINGS[cls] = {k: frozenset(v) for k, v in readings.items()}
        return cls

    return decorate


def find(cls: type[E], value: object) -> E | None:
    """Anggota enum (the member ``value`` names: value, label or alias, folded), or ``None``.

    A spelling that fits several members names none.
    """
    if isinstance(value, cls):
        return value
    if not isinstance(value, str) or len(value) > _MAX_INPUT:
        return None
    readings = _READINGS.get(cls, {})
    hits = readings.get(value) or readings.get(_fold(value))
    if hits is None or len(hits) != 1:
        return None
    return cls(next(iter(hits)))


def allowed(cls: type[enum.Enum]) -> str:
    """Nilai yang diizinkan (the allowed values of ``cls``: ``"penjabat (Pj.), ..."``)."""
    shown = _LABELS.get(cls, {})
    parts = []
    for m in cls:
        label = shown.get(m.value)
        same = label is None or _fold(label) == _fold(m.value)
        parts.append(str(m.value) if same else f"{m.value} ({label})")
    return ", ".join(parts)


def _shown(value: object) -> str:
    """The offending input as a bounded ``str`` param (a repr for a non-string)."""
    if not isinstance(value, str):
        return short(value, 60)
    return value if len(value) <= 60 else value[:57] + "..."


def refusal(cls: type[enum.Enum], value: object) -> InvalidComponent:
    """Penolakan (the error for a ``value`` that names no member of ``cls``, or several)."""
    shown = _shown(value)
    quoted = repr(shown) if isinstance(value, str) else shown
    if isinstance(value, str) and len(value) <= _MAX_INPUT:
        hits = _READINGS.get(cls, {}).get(_fold(value), frozenset())
        if len(hits) > 1:
            fits = ", ".join(sorted(hits))
            return InvalidComponent(
                code="enum.ambiguous",
                params={"value": quoted, "enum": cls.__name__, "candidates": fits},
            )
    params = {"value": quoted, "enum": cls.__name__, "known": allowed(cls)}
    return InvalidComponent(code="enum.invalid", params=params)
