"""Serialisasi (reading and writing adminnet entities as JSON, JSON Lines and dicts).

Strict and lossless: a document either loads into exactly the objects it describes, or
fails with **one** :class:`~adminnet.errors.InvalidDataError` whose ``.errors`` lists
every problem found, each an :class:`~adminnet.errors.ErrorDetail` with a JSONPath-like
path, a stable code and a short message::

    $.persons[3].nip  nip.invalid_birth_date  NIP birth date 19651332 is not a calendar date

>>> from adminnet.errors import InvalidDataError
>>> from adminnet.model.person import Person
>>> from adminnet.serialization import from_dict, to_dict
>>> p = from_dict(Person, {"id": "papilaya", "name": "Ir.Frans J.Papilaya,M.Si."})
>>> str(p.name)
'Ir. Frans J. Papilaya, M.Si.'
>>> to_dict(p)["name"]
{'given': 'Frans J. Papilaya', 'prefixes': ['Ir.'], 'suffixes': ['M.Si.']}
>>> try:
...     from_dict(Person, {"id": "X", "name": "Budi", "gender": "pria", "age": 40})
... except InvalidDataError as exc:
...     for detail in exc.errors:
...         print(detail.path, detail.code)
$.id id.invalid
$.gender enum.invalid
$.age document.unknown_key

Wire formats
------------

- **Entities** (attrs classes) are JSON objects with one key per field, in field
  order. Every field is written, optional ones as ``null`` or ``[]``, so documents are
  explicit; on input a key may be left out when its field has a default.
- **PartialDate**: its ISO 8601 string, ``"2016"``, ``"2016-08"``, ``"2016-08-04"``.
- **Period**: ``{"start": "2016" | null, "end": "2017-05-22" | null}``.
- **pendulum.Date**: ``"YYYY-MM-DD"`` and nothing else (not ``"20170316"``, not a
  date-time).
- **pendulum.DateTime**: RFC 3339 with a UTC offset, ``"2017-03-16T09:00:00+07:00"``
  (``Z`` accepted; up to 6 fraction digits). A string without offset is refused
  (``datetime.naive``), never taken as UTC. The offset is kept, the zone *name* is
  not: an ``Asia/Jakarta`` time reads back as the same instant at ``+07:00``.
- **Decimal**: a JSON string written exactly (``"2.79"``, ``"1E+2"``). On input also
  a JSON integer, or any JSON number read by :func:`from_json` (parsed exactly, never
  through a binary float). A Python ``float`` given to :func:`from_dict` is refused
  (``number.float``: precision may already be lost); NaN and infinities are refused
  (``number.not_finite``).
- **Enums**: their value strings (``"pemerintah_kota"``).
- **Tuples**: JSON arrays.
- **PersonName**: ``{"given": str, "prefixes": [str], "suffixes": [str]}`` on output;
  on input that object or a string, parsed with
  :func:`~adminnet.text.names.parse_name` (``"Ir.Frans J.Papilaya,M.Si."``).
- **Dataset** document: ``{"format_version": "1.0", "agencies": [...], "persons":
  [...], ...}``. ``format_version`` (``MAJOR.MINOR``) is required on input; another
  major version is refused (``document.unsupported_version``, saying which version
  this library reads); a higher minor version of major 1 is read, but keys this
  version does not know are still errors, so nothing is silently dropped.

Strictness
----------

Unknown keys (``document.unknown_key``), missing required keys
(``document.missing_key``), a wrong JSON type anywhere (``type.invalid``: ``"false"``
for a boolean, ``1.9``, ``1.0``, ``"5"`` or ``true`` for an integer, ``5`` for a
string), naive date-times, non-finite numbers, strings with lone surrogates
(``text.invalid_unicode``), duplicate object keys (``json.duplicate_key``), invalid
JSON (``json.invalid``, with line and column), non-UTF-8 bytes
(``json.invalid_encoding``) and nesting too deep to parse (``json.too_deep``) are all
errors. A leading UTF-8 byte order mark is ignored (RFC 8259 section 8.1). Validator
errors of the entity classes keep their own codes (``nip.invalid_birth_date``,
``period.end_before_start``, ...) and the path of their field. When one object has
several failing fields, every one is reported, not only the first attrs meets.

Order of the details: for each object, its fields in field order (the order in which
they are written), then its unknown keys in input order; array items by index.

Other codes of this module: ``enum.invalid``, ``number.invalid``, ``number.float``,
``date.invalid_format``, ``date.invalid_date``, ``datetime.invalid_format``,
``datetime.invalid_datetime``, ``document.invalid_version``,
``document.too_many_errors`` (at most 1,000 details are kept; this last one counts the
rest), ``dataset.duplicate_id`` (reported at each repeated id), ``type.unsupported`` (a
class the converter cannot read or write), ``json.unencodable`` (writing text that is
not Unicode), ``document.too_deep`` (Python data nested beyond the recursion limit),
``value.invalid`` (an unexpected error of a non-adminnet validator).

Converters
----------

The facades use a private converter built on first use by :func:`make_converter`.
:func:`configure_converter` registers the same hooks on a converter you own (cattrs'
global converter is never touched); note that it makes ``str``, ``int``, ``bool`` and
``float`` strict for *every* class that converter reads. A converter made with
``detailed_validation=False`` raises the first problem it meets as an adminnet error
(without path), like cattrs' non-detailed mode; the facades always report every
problem with its path.

Performance: :class:`~adminnet.model.person.Person` records take a fast path (the
fields' own converters and validators, without cattrs' generated code and without
parsing the NIP twice) that falls back to the full path whenever anything is off, so
results and error lists are the same; orjson, when installed, parses and writes JSON
(again with identical results without it).
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Final, TypeVar, overload

import attrs
import cattrs
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as _make_json_converter

from adminnet import _memo
from adminnet.errors import ErrorDetail, InvalidDataError, InvalidFormat
from adminnet.serialization._errors import MAX_DETAILS, cap, details_of, got, too_many
from adminnet.serialization._hooks import FORMAT_VERSION, configure, line_errors
from adminnet.serialization._json import dumps, dumps_bytes, loads
from adminnet.time import PartialDate

__all__ = [
    "FORMAT_VERSION",
    "configure_converter",
    "from_dict",
    "from_json",
    "iter_jsonl",
    "make_converter",
    "to_dict",
    "to_json",
    "write_jsonl",
]

T = TypeVar("T")

_JSON_SPACE: Final = " \t\r\n"
_JSON_SPACE_BYTES: Final = b" \t\r\n"


def configure_converter(converter: cattrs.Converter) -> None:
    """Pasang hook adminnet (register every adminnet hook on a converter you own).

    Registers strict primitives (``str``, ``int``, ``bool``, ``float``), Decimal,
    enums, PartialDate, pendulum Date and DateTime, tuples, optionals, and every entity
    class (with its Dataset document and PersonName rules). See the module docstring
    for the wire formats.

    >>> import cattrs
    >>> from adminnet.time import PartialDate
    >>> c = cattrs.Converter()
    >>> configure_converter(c)
    >>> c.structure("2016-08", PartialDate)
    PartialDate(year=2016, month=8, day=None)
    """
    configure(converter)


def make_converter(**kwargs: Any) -> JsonConverter:
    """Buat konverter (a new cattrs JSON converter with every adminnet hook).

    Starts from :func:`cattrs.preconf.json.make_converter` with
    ``forbid_extra_keys=True`` (unless given) and the given keyword arguments
    (``detailed_validation=False`` for instance), then :func:`configure_converter`.

    >>> from adminnet.time import Period
    >>> c = make_converter()
    >>> c.unstructure(Period.parse("2016", None))
    {'start': '2016', 'end': None}
    """
    kwargs.setdefault("forbid_extra_keys", True)
    converter = _make_json_converter(**kwargs)
    configure_converter(converter)
    return converter


@_memo.once
def _converter() -> JsonConverter:
    return make_converter()


def _unstructure(obj: object) -> Any:
    if not attrs.has(type(obj)):
        raise InvalidFormat(
            code="type.unsupported", variant="write", params={"type": type(obj).__name__}
        )
    return _converter().unstructure(obj)


def _structure(cls: type[T], data: object) -> T:
    try:
        result: T = _converter().structure(data, cls)
    except MemoryError:
        raise
    except Exception as exc:
        raise InvalidDataError(cap(details_of(exc))) from exc
    return result


@overload
def to_dict(obj: PartialDate) -> str: ...  # type: ignore[overload-overlap]


@overload
def to_dict(obj: object) -> dict[str, Any]: ...


def to_dict(obj: object) -> Any:
    """Ke kamus (an entity as a JSON-ready dict; a PartialDate as its string).

    >>> from adminnet.time import Period
    >>> to_dict(Period.parse("2016-08-04", "2017-05-22"))
    {'start': '2016-08-04', 'end': '2017-05-22'}

    Raises:
        InvalidFormat: ``obj`` is not an attrs instance (code ``type.unsupported``).
    """
    return _unstructure(obj)


def from_dict(cls: type[T], data: object) -> T:
    """Dari kamus (build a ``cls`` from JSON-like data: dicts, lists, str, int, ...).

    >>> from adminnet.time import Period
    >>> from_dict(Period, {"start": "2016", "end": None})
    Period(start=PartialDate(year=2016, month=None, day=None), end=None)

    Raises:
        InvalidDataError: listing every problem with its path.
    """
    return _structure(cls, data)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Ke JSON (an entity as JSON text: compact, or indented by ``indent`` spaces).

    >>> from adminnet.time import Period
    >>> to_json(Period.parse("2016", None))
    '{"start":"2016","end":null}'

    Raises:
        InvalidFormat: ``obj`` is not an attrs instance (``type.unsupported``) or holds
            text that cannot be written (``json.unencodable``).
    """
    return dumps(_unstructure(obj), indent=indent)


def _check_text(text: object) -> str | bytes:
    if isinstance(text, bytearray | memoryview):
        return bytes(text)
    if isinstance(text, str | bytes):
        return text
    raise InvalidDataError(
        [ErrorDetail.from_code("$", "type.invalid", {"got": got(text)}, variant="json_text")]
    )


def _loader(cls: type[T]) -> Callable[[str | bytes], T]:
    """How to read one JSON text as a ``cls``: its hook's ``load_text`` if it has one.

    The Person hook has one (the one seam of the accelerator); every other class is
    parsed, then structured.
    """
    hook = _converter().get_structure_hook(cls)
    load_text: Callable[[str | bytes], T] | None = getattr(hook, "load_text", None)
    if load_text is None:
        return lambda text: _structure(cls, loads(text))
    return load_text


def _line_loader(cls: type[T]) -> Callable[[str | bytes, int], T | InvalidDataError]:
    """How to read one JSON line (its text and number) as a ``cls``: problems returned.

    The Person hook's ``load_line``; for every other class, :func:`_loader`'s error
    caught. The InvalidDataError returned lists the line's problems, each detail with
    the line's number.
    """
    hook = _converter().get_structure_hook(cls)
    load_line: Callable[[str | bytes, int], T | InvalidDataError] | None = getattr(
        hook, "load_line", None
    )
    if load_line is not None:
        return load_line
    load = _loader(cls)

    def load_or_errors(text: str | bytes, line: int) -> T | InvalidDataError:
        try:
            return load(text)
        except InvalidDataError as exc:
            return line_errors(exc.errors, line)

    return load_or_errors


def from_json(cls: type[T], text: str | bytes) -> T:
    """Dari JSON (build a ``cls`` from JSON text, str or UTF-8 bytes).

    >>> from adminnet.time import PartialDate
    >>> from_json(PartialDate, '"2016-08"')
    PartialDate(year=2016, month=8, day=None)
    >>> from_json(PartialDate, '"2016-13"')
    Traceback (most recent call last):
    adminnet.errors.InvalidDataError: $  partial_date.invalid_month  month 13 is not ...

    Raises:
        InvalidDataError: listing every problem with its path.
    """
    return _loader(cls)(_check_text(text))


def _is_blank(line: str | bytes) -> bool:
    if isinstance(line, str):
        return not line.strip(_JSON_SPACE)
    return not line.strip(_JSON_SPACE_BYTES)


def iter_jsonl(
    cls: type[T],
    lines: Iterable[str | bytes],
    *,
    on_error: Callable[[InvalidDataError], object] | None = None,
) -> Iterator[T]:
    r"""Baca JSON Lines (yield one ``cls`` per line; stream, constant memory).

    Blank lines are skipped; line numbers count every line from 1. Each problem's
    :class:`~adminnet.errors.ErrorDetail` carries its ``line``.

    Without ``on_error``, the good objects are yielded and, once the input is
    exhausted, one InvalidDataError lists the problems of every bad line (the first
    1,000 details, then one ``document.too_many_errors`` counting the rest). With
    ``on_error``, it is called with each bad line's InvalidDataError and reading goes
    on; nothing is raised.

    A ``str`` or ``bytes`` given as ``lines`` is split at each ``\n`` (a ``\r`` before
    it is white space), never at the other Unicode line breaks (U+2028, U+0085...),
    which JSON allows inside a string and ``write_jsonl`` writes as they are. A UTF-8
    text file (``open(path, encoding="utf-8")``) is read through its binary buffer,
    split the same way, so that an undecodable line is reported at its own number and
    the lines around it are still read.

    >>> from adminnet.time import PartialDate
    >>> list(iter_jsonl(PartialDate, ['"2016"', '', '"2017-03"']))
    [PartialDate(year=2016, month=None, day=None), PartialDate(year=2017, month=3, day=None)]
    >>> list(iter_jsonl(PartialDate, ['"2016"', '"2016-02-30"']))
    Traceback (most recent call last):
    adminnet.errors.InvalidDataError: line 2: $  partial_date.invalid_day  2016-02-30 is not ...

    Raises:
        InvalidDataError: after the last line, if any line was bad and there is no
            ``on_error``; at once if ``lines`` is not iterable or its iteration fails
            to decode text.
    """
    whole: object = lines
    if isinstance(whole, io.TextIOWrapper):
        lines = _utf8_lines(whole)
    elif isinstance(whole, str):
        lines = whole.split("\n")  # not splitlines(): U+2028 may stand raw in a string
    elif isinstance(whole, bytes):
        lines = whole.split(b"\n")
    try:
        iterator = iter(lines)
    except TypeError:
        detail = ErrorDetail.from_code("$", "type.invalid", {"got": got(lines)}, variant="lines")
        raise InvalidDataError([detail]) from None
    load = _line_loader(cls)
    kept: list[ErrorDetail] = []
    dropped = 0
    number = 0

    def report(exc: InvalidDataError) -> None:
        nonlocal dropped
        if on_error is not None:
            on_error(exc)
            return
        for detail in exc.errors:
            if len(kept) < MAX_DETAILS:
                kept.append(detail)
            else:
                dropped += 1

    while True:
        try:
            line = next(iterator)
        except StopIteration:
            break
        except UnicodeDecodeError as exc:
            detail = ErrorDetail.from_code(
                "$",
                "json.invalid_encoding",
                {"reason": exc.reason, "offset": exc.start},
                variant="line",
                line=number + 1,
            )
            report(InvalidDataError([detail]))
            break
        number += 1
        kind = type(line)
        if kind is not bytes and kind is not str:
            raw: object = line
            if isinstance(raw, bytearray | memoryview):
                line = bytes(raw)
            elif not isinstance(raw, str | bytes):
                detail = ErrorDetail.from_code(
                    "$", "type.invalid", {"got": got(raw)}, variant="line", line=number
                )
                report(InvalidDataError([detail]))
                continue
        first = line[:1]
        if first != b"{" and first != "{" and _is_blank(line):
            continue
        result = load(line, number)
        if type(result) is InvalidDataError:
            report(result)
            continue
        yield result  # type: ignore[misc]
    if dropped:
        kept.append(too_many(dropped))
    if kept:
        raise InvalidDataError(kept)


def _utf8_lines(stream: io.TextIOWrapper) -> Iterable[str | bytes]:
    r"""The lines of a UTF-8 text stream read from its binary buffer, else the stream.

    A text stream decodes a whole chunk at a time, so one undecodable byte would lose
    the good lines of its chunk and hide the line it is on; its bytes, split at
    ``\n`` and decoded one line at a time, give every good line and the right line
    number. Its position is carried over when the stream can tell it.
    """
    try:
        name = codecs.lookup(stream.encoding).name
    except LookupError:  # pragma: no cover - a stream with an unknown codec cannot exist
        return stream
    buffer = getattr(stream, "buffer", None)
    if name not in ("utf-8", "utf-8-sig") or stream.errors != "strict" or buffer is None:
        return stream
    try:
        if stream.seekable():
            buffer.seek(stream.tell())
    except (OSError, ValueError):
        return stream  # a position that is not a byte offset: read as text
    return buffer  # type: ignore[no-any-return]


def _is_binary(stream: object) -> bool:
    # A codecs writer (codecs.open) takes text but reports its file's mode ("wb").
    if isinstance(stream, io.TextIOBase | codecs.StreamWriter | codecs.StreamReaderWriter):
        return False
    if isinstance(stream, io.RawIOBase | io.BufferedIOBase):
        return True
    mode = getattr(stream, "mode", "")
    return isinstance(mode, str) and "b" in mode


def write_jsonl(objs: Iterable[object], stream: IO[str] | IO[bytes]) -> int:
    """Tulis JSON Lines (write each entity as one compact JSON object per line).

    ``stream`` may be a text stream (str is written) or a binary one (UTF-8 bytes).
    Returns the number of lines written.

    >>> import io
    >>> from adminnet.time import Period
    >>> out = io.StringIO()
    >>> write_jsonl([Period.parse("2016", None), Period()], out)
    2
    >>> print(out.getvalue(), end="")
    {"start":"2016","end":null}
    {"start":null,"end":null}

    Raises:
        InvalidFormat: an object is not an attrs instance (``type.unsupported``).
    """
    count = 0
    if _is_binary(stream):
        write_bytes: Callable[[bytes], object] = stream.write  # type: ignore[assignment]
        for obj in objs:
            write_bytes(dumps_bytes(_unstructure(obj)) + b"\n")
            count += 1
    else:
        write_text: Callable[[str], object] = stream.write  # type: ignore[assignment]
        for obj in objs:
            write_text(dumps(_unstructure(obj)) + "\n")
            count += 1
    return count
