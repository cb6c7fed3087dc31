"""Private: strict JSON text <-> Python values, with orjson as an optional accelerator.

:func:`loads` gives the same result (or the same :class:`InvalidDataError`) whether or
not orjson is installed:

- The *exact* parser is the standard library's, with ``object_pairs_hook`` (duplicate
  keys are reported with their paths, ``json.duplicate_key``), ``parse_float=Decimal``
  (every JSON number is exact; no binary float ever appears; an exponent beyond
  ±999,999 is ``number.out_of_range``), ``parse_constant``
  (``NaN``/``Infinity`` become non-finite Decimals that the hooks refuse with
  ``number.not_finite``), UTF-8 only (``json.invalid_encoding``), a leading BOM ignored
  (RFC 8259 section 8.1), nesting too deep for the parser is ``json.too_deep``, and a
  syntax error is ``json.invalid`` with its line and column.
- orjson (when installed) parses first. Its result is used only when it is provably
  what the exact parser would give: the text has no backslash (so every ``"`` is a
  string delimiter), holds exactly twice as many ``"`` as the parsed value has keys and
  strings (so no duplicate key was dropped), and the value holds no float (a JSON
  number with a fraction or exponent). Anything else, the exact parser decides.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from adminnet._memo import once
from adminnet._validators import short
from adminnet.errors import AdminnetError, ErrorDetail, InvalidDataError, InvalidFormat
from adminnet.serialization._errors import render_path
from adminnet.serialization._primitives import decimal_of

__all__ = ["decode", "dumps", "dumps_bytes", "exact_loads", "fast_loads", "loads"]

_BOM: Final = "\ufeff"
_MAX_INT_DIGITS: Final = 4000


@once
def _orjson_module() -> Any:
    """orjson, or ``None`` when it is not installed (imported on first use)."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    return orjson


@once
def fast_loads() -> Callable[[str | bytes], Any]:
    """The quickest available ``loads`` (orjson's, else the stdlib's), unverified.

    Bytes must be UTF-8 either way: orjson reads only UTF-8, and the stdlib fallback
    decodes strictly first, since ``json.loads`` would guess UTF-16 or UTF-32 from the
    bytes and accept what the exact path refuses (``json.invalid_encoding``).
    """
    orjson = _orjson_module()
    loads: Callable[[str | bytes], Any] = orjson.loads if orjson is not None else _stdlib_loads
    return loads


def _stdlib_loads(text: str | bytes) -> Any:
    return json.loads(text if isinstance(text, str) else bytes(text).decode("utf-8"))


class _Pairs(dict[str, Any]):
    """An object in which some key appeared more than once (``duplicates``)."""

    __slots__ = ("duplicates",)

    duplicates: list[str]


def _parse_int(text: str) -> int | Decimal:
    # Beyond Python's int-string limit the value stays exact as a Decimal; the hooks
    # then report it as not an integer.
    return int(text) if len(text) <= _MAX_INT_DIGITS else Decimal(text)


def decode(data: bytes) -> str:
    """UTF-8 bytes to text, or ``json.invalid_encoding`` naming the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        detail = ErrorDetail.from_code(
            "$",
            "json.invalid_encoding",
            {"byte": f"0x{bad:02x}", "offset": exc.start, "reason": exc.reason},
        )
        raise InvalidDataError([detail]) from None


class _State(threading.local):
    duplicate = False  # the text being read by this thread has a duplicate key


_state: Final = _State()


def _pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object of the exact parser; one with a repeated key is marked (``_Pairs``)."""
    obj = dict(items)
    if len(obj) == len(items):
        return obj
    _state.duplicate = True
    marked = _Pairs(obj)
    counted: set[str] = set()
    marked.duplicates = []
    for key, _ in items:
        if key in counted and key not in marked.duplicates:
            marked.duplicates.append(key)
        counted.add(key)
    return marked


# The exact parser, made once (json.loads with options makes a decoder at every call).
_EXACT: Final = json.JSONDecoder(
    object_pairs_hook=_pairs, parse_float=decimal_of, parse_int=_parse_int, parse_constant=Decimal
)


def exact_loads(text: str | bytes) -> Any:
    """Parse JSON exactly (see the module docstring); raise InvalidDataError."""
    if isinstance(text, bytes | bytearray | memoryview):
        text = decode(bytes(text))
    if text.startswith(_BOM):
        text = text[1:]
    _state.duplicate = False
    try:
        value = _EXACT.decode(text)  # json.loads(text, **its options), without a new decoder
    except json.JSONDecodeError as exc:
        detail = ErrorDetail.from_code(
            "$",
            "json.invalid",
            {"line": exc.lineno, "column": exc.colno, "reason": exc.msg},
        )
        raise InvalidDataError([detail]) from None
    except RecursionError:
        raise InvalidDataError([ErrorDetail.from_code("$", "json.too_deep")]) from None
    except AdminnetError as exc:  # a number beyond the range read (decimal_of)
        raise InvalidDataError([ErrorDetail.from_error("$", exc)]) from None
    if _state.duplicate:
        raise InvalidDataError(_duplicates(value))
    return value


def _duplicates(value: Any) -> list[ErrorDetail]:
    """Every duplicated key, in document order (iterative: any depth)."""
    out: list[ErrorDetail] = []
    stack: list[tuple[Any, list[Any]]] = [(value, [])]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            if isinstance(node, _Pairs):
                out.extend(
                    ErrorDetail.from_code(
                        render_path([*path, key]), "json.duplicate_key", {"value": short(key, 60)}
                    )
                    for key in node.duplicates
                )
            children = list(node.items())
        elif isinstance(node, list):
            children = list(enumerate(node))
        else:
            continue
        stack.extend((child, [*path, key]) for key, child in reversed(children))
    return out


def _verified(value: Any, quotes: int) -> bool:
    """True if ``value`` has no float and ``quotes == 2 * (keys + strings)``."""
    strings = 0
    stack = [value]
    pop = stack.pop
    push = stack.append
    while stack:
        node = pop()
        kind = type(node)
        if kind is str:
            strings += 1
        elif kind is dict:
            strings += len(node)
            for child in node.values():
                push(child)
        elif kind is list:
            for child in node:
                push(child)
        elif kind is float:
            return False
    return quotes == 2 * strings


def loads(text: str | bytes) -> Any:
    """Parse JSON strictly: orjson when it provably agrees, else the exact parser."""
    orjson = _orjson_module()
    if orjson is not None:
        if isinstance(text, str):
            clean = "\\" not in text
            quotes = text.count('"') if clean else 0
        else:
            clean = b"\\" not in text
            quotes = text.count(b'"') if clean else 0
        if clean:
            try:
                value = orjson.loads(text)
            except orjson.JSONDecodeError:
                pass
            else:
                if _verified(value, quotes):
                    return value
    return exact_loads(text)


def _unencodable(exc: Exception) -> InvalidFormat:
    return InvalidFormat(code="json.unencodable", params={"reason": str(exc)[:200]})


def dumps_bytes(value: Any) -> bytes:
    """Compact UTF-8 JSON (orjson when installed), one line, no trailing newline."""
    orjson = _orjson_module()
    if orjson is not None:
        try:
            out: bytes = orjson.dumps(value)
        except TypeError:  # orjson.JSONEncodeError: surrogates, integers beyond 64 bits
            pass  # the standard library decides: it writes any integer, refuses the rest
        else:
            return out
    return _stdlib_dumps(value, None).encode("utf-8")


def dumps(value: Any, *, indent: int | None = None) -> str:
    """JSON text: compact on one line, or indented by ``indent`` spaces."""
    if indent is None and _orjson_module() is not None:
        return dumps_bytes(value).decode("utf-8")
    return _stdlib_dumps(value, indent)


def _stdlib_dumps(value: Any, indent: int | None) -> str:
    try:
        text = json.dumps(
            value,
            ensure_ascii=False,
            allow_nan=False,
            indent=indent,
            separators=(",", ":") if indent is None else (",", ": "),
        )
    except (TypeError, ValueError) as exc:
        raise _unencodable(exc) from None
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise _unencodable(exc) from None
    return text
