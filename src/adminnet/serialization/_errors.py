"""Private: turn cattrs' exception groups into :class:`~adminnet.errors.ErrorDetail` lists.

cattrs (with ``detailed_validation``) raises a tree of ``ClassValidationError`` /
``IterableValidationError`` groups whose leaves carry PEP 678 notes
(:class:`cattrs.AttributeValidationNote`, :class:`cattrs.IterableValidationNote`).
:func:`details_of` walks that tree through the public ``group_exceptions()`` API and
builds one detail per leaf, with a JSONPath-like path (``$.persons[3].nip``).

Also here: the short value descriptions used in messages (never a full ``repr``, which
could be huge or recurse forever) and the path renderer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

import attrs
from cattrs import AttributeValidationNote, ClassValidationError, IterableValidationError
from cattrs.errors import CattrsError, StructureHandlerNotFoundError

from adminnet._i18n import render
from adminnet.errors import AdminnetError, ErrorDetail, InvalidDataError, InvalidFormat

__all__ = [
    "MAX_DETAILS",
    "Segment",
    "attribute_note",
    "cap",
    "details_of",
    "got",
    "is_structuring_note",
    "note_name",
    "render_path",
    "unknown_key_error",
]

MAX_DETAILS: Final = 1000
"""At most this many details are kept; a final ``document.too_many_errors`` counts the rest."""

Segment = str | int | object
"""A path segment: an object key (usually a str) or an array index (int)."""

_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_STRUCTURING: Final = "Structuring "


def render_path(segments: Iterable[Segment]) -> str:
    """``$`` followed by ``.key`` / ``['odd key']`` / ``[index]`` for each segment.

    >>> render_path(["persons", 3, "nip"])
    '$.persons[3].nip'
    >>> render_path(["a b", 1.5])
    "$['a b'][1.5]"
    """
    parts = ["$"]
    for seg in segments:
        if type(seg) is int:
            parts.append(f"[{seg}]")
        elif isinstance(seg, str):
            if _NAME.match(seg):
                parts.append(f".{seg}")
            else:
                text = seg if len(seg) <= 60 else seg[:60] + "…"
                escaped = text.replace("\\", "\\\\").replace("'", "\\'")
                parts.append(f"['{escaped}']")
        else:
            parts.append(f"[{_short_repr(seg)}]")
    return "".join(parts)


def unknown_key_error(cls: type, key: object, known: str) -> InvalidFormat:
    """``document.unknown_key`` for ``key`` of a ``cls`` object, noted at the key."""
    shown = repr(key) if not isinstance(key, str) or len(key) <= 60 else repr(key[:60] + "…")
    exc = InvalidFormat(
        code="document.unknown_key", params={"value": shown, "type": cls.__name__, "known": known}
    )
    exc.add_note(AttributeValidationNote(f"Unknown key {shown}", key, None))  # type: ignore[arg-type]
    return exc


def _short_repr(value: object) -> str:
    if isinstance(value, Decimal):
        text = str(value)
        return text if len(text) <= 40 else text[:40] + "…"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:40]
        out = repr(text)
        return out if len(value) <= 40 else out[:-1] + "…" + out[-1]
    if isinstance(value, bool | int | float | Decimal) or value is None:
        text = repr(value) if not isinstance(value, int) or value.bit_length() < 200 else "…"
        return text if len(text) <= 40 else text[:40] + "…"
    return type(value).__name__


def got(value: object) -> str:
    """Describe a value for a message, JSON-style and short: ``string 'false'``, ``true``.

    Worded in the current language (the catalogue's ``got.*`` templates).

    >>> got("false"), got(True), got(1.9), got(None), got([1, [2]]), got({"a": 1})
    ("string 'false'", 'true', 'number 1.9', 'null', 'an array', 'an object')
    """
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _got("got.string", f"string {_short_repr(value)}", value=_short_repr(value))
    if isinstance(value, int | float | Decimal):
        if isinstance(value, int) and value.bit_length() > 200:
            return _got("got.big_integer", "a very large integer")
        return _got("got.number", f"number {_short_repr(value)}", value=_short_repr(value))
    if isinstance(value, list | tuple):
        return _got("got.array", "an array")
    if isinstance(value, dict):
        return _got("got.object", "an object")
    name = type(value).__name__
    return _got("got.python", f"a Python {name}", type=name)


def _got(key: str, fallback: str, **params: str) -> str:
    return render(key, params, fallback)


def is_structuring_note(note: object) -> bool:
    """True for the note cattrs itself attaches while structuring a field."""
    return isinstance(note, AttributeValidationNote) and note.startswith(_STRUCTURING)


def _missing_key(exc: BaseException, note: AttributeValidationNote) -> bool:
    return (
        type(exc) is KeyError
        and is_structuring_note(note)
        and len(exc.args) == 1
        and exc.args[0] == note.name
    )


def _leaf(exc: BaseException, path: Sequence[Segment]) -> ErrorDetail:
    where = render_path(path)
    if isinstance(exc, AdminnetError):
        return ErrorDetail.from_error(where, exc)
    if isinstance(exc, StructureHandlerNotFoundError):
        return ErrorDetail.from_code(where, "type.unsupported", {"type": repr(exc.type_)})
    if isinstance(exc, RecursionError):
        return ErrorDetail.from_code(where, "document.too_deep")
    text = str(exc)
    if len(text) > 200:
        text = text[:200] + "…"
    return ErrorDetail.from_code(
        where, "value.invalid", {"type": type(exc).__name__, "value": text}
    )


def _walk(exc: BaseException, path: list[Segment], out: list[ErrorDetail]) -> None:
    if isinstance(exc, ClassValidationError):
        with_notes, others = exc.group_exceptions()
        for sub, note in with_notes:
            path.append(note.name)
            if _missing_key(sub, note):
                out.append(
                    ErrorDetail.from_code(
                        render_path(path), "document.missing_key", {"value": repr(note.name)}
                    )
                )
            else:
                _walk(sub, path, out)
            path.pop()
        for sub in others:
            _walk(sub, path, out)
        return
    if isinstance(exc, IterableValidationError):
        with_index, others = exc.group_exceptions()
        for sub, inote in with_index:
            path.append(inote.index)
            _walk(sub, path, out)
            path.pop()
        for sub in others:
            _walk(sub, path, out)
        return
    if isinstance(exc, InvalidDataError):
        base = render_path(path)
        out.extend(attrs.evolve(d, path=base + d.path[1:]) for d in exc.errors)
        return
    out.append(_leaf(exc, path))


def details_of(exc: BaseException) -> list[ErrorDetail]:
    """Every problem in ``exc`` (a cattrs group, an adminnet error, ...) with its path."""
    out: list[ErrorDetail] = []
    _walk(exc, [], out)
    if not out:  # pragma: no cover - a group always has leaves
        out.append(_leaf(exc, []))
    return out


def cap(details: Sequence[ErrorDetail], *, limit: int = MAX_DETAILS) -> list[ErrorDetail]:
    """The first ``limit`` details, plus one ``document.too_many_errors`` counting the rest."""
    if len(details) <= limit:
        return list(details)
    rest = len(details) - limit
    return [*details[:limit], too_many(rest)]


def too_many(rest: int, *, line: int | None = None) -> ErrorDetail:
    """The detail that stands for ``rest`` further problems left out of a report."""
    return ErrorDetail.from_code(
        "$",
        "document.too_many_errors",
        {"count": rest},
        variant="one" if rest == 1 else None,
        line=line,
    )


def is_cattrs_error(exc: BaseException) -> bool:
    """True for cattrs' own errors (groups, extra keys, missing handler)."""
    return isinstance(exc, CattrsError)


def attribute_note(exc: BaseException) -> AttributeValidationNote | None:
    """The first :class:`AttributeValidationNote` of ``exc``, if any."""
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return note
    return None


def note_name(exc: BaseException) -> str | None:
    """The attribute named by the first :class:`AttributeValidationNote` of ``exc``."""
    note = attribute_note(exc)
    return None if note is None else str(note.name)
