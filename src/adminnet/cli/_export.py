"""``adminnet export``: Popolo JSON on stdout, or tables as CSV, JSON Lines or Parquet.

Input: a JSON Dataset document (the bundled example when no FILE is given), or JSON
Lines of *any* entity type, one entity per line. The type of JSON Lines is read off the
first record's keys (the one collection whose fields hold them all and whose required
fields are all there), or given with ``--type``; a first record that fits no type, or
several, is refused with the candidates rather than guessed. A ``.jsonl``/``.ndjson``
file is read line by line in constant memory; another file is JSON Lines when it holds
more than one JSON value or one object that is not a Dataset document (one without
``format_version``).

Output: ``--csv DIR`` (the flat rows of :func:`adminnet.export.to_records`),
``--jsonl DIR`` (the serialization's JSON Lines) and ``--parquet DIR`` (the typed
tables of :func:`adminnet.export.to_arrow`) write one ``<collection>.<ext>`` per
collection: every collection of a Dataset, the one collection of JSON Lines.

Each table goes into a fresh temporary folder next to DIR (in DIR's parent, so on the
same file system), which is then renamed into place: DIR appears whole or not at all,
and a failure, an invalid record or an interrupt halfway leaves the previous export as
it was. A DIR that exists must hold only the tables of an export (it is replaced as a
whole); a DIR with other files is refused (``export.foreign_files``) rather than
emptied.

Exit status: 0 written; 1 invalid input data (every problem listed on stderr, nothing
written); 2 usage errors and files that cannot be read or written.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

from adminnet.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Command,
    os_error,
    print_load_errors,
    shown,
)

__all__ = ["EXPORT", "detect_type", "write_table", "write_tables"]

_JSONL_SUFFIXES: Final = (".jsonl", ".ndjson")
_FORMATS: Final = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}


def _configure(p: argparse.ArgumentParser) -> None:
    """The arguments of ``export``."""
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--popolo", action="store_true", help="Popolo JSON on stdout")
    what.add_argument("--csv", metavar="DIR", help="one CSV file per table into DIR")
    what.add_argument("--jsonl", metavar="DIR", help="one JSON Lines file per table into DIR")
    what.add_argument(
        "--parquet", metavar="DIR", help="one Parquet file per table into DIR (typed)"
    )
    p.add_argument(
        "--type",
        dest="type_name",
        metavar="TYPE",
        help="entity type of JSON Lines input (default: read off the first record)",
    )
    p.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="JSON dataset or JSON Lines of entities, - for stdin (default: the example)",
    )


class _Usage(Exception):
    """A usage problem (code, params, wording from the catalogue), exit status 2."""

    def __init__(
        self, *, code: str, params: Mapping[str, object], variant: str | None = None
    ) -> None:
        from adminnet._i18n import render, template_key

        key = template_key(code, variant)
        super().__init__(render(key, params, key))
        self.code = code


class _Refused(_Usage):
    """The target folder cannot be replaced (its code says why)."""


@contextlib.contextmanager
def _lines(name: str) -> Iterator[Iterable[bytes]]:
    if name == "-":
        yield sys.stdin.buffer
        return
    with open(name, "rb") as f:
        yield f


def _collections() -> dict[type, str]:
    from adminnet.model.dataset import COLLECTION_OF

    return dict(COLLECTION_OF)


def detect_type(record: object) -> type:
    """The entity class whose fields fit a JSON Lines record's keys, exactly one.

    A class fits when every key is one of its fields and every required field is
    there.

    Raises:
        _Usage: no class fits, or several do (code ``export.unknown_type``), naming them.
    """
    import attrs

    names = sorted(cls.__name__ for cls in _collections())
    if not isinstance(record, dict):
        raise _Usage(
            code="export.unknown_type", params={"types": ", ".join(names)}, variant="not_an_object"
        )
    keys = set(record)
    fits = []
    for cls in _collections():
        fields = attrs.fields(cls)
        required = {f.name for f in fields if f.default is attrs.NOTHING}
        if keys <= {f.name for f in fields} and required <= keys:
            fits.append(cls.__name__)
    if len(fits) == 1:
        cls_: type = next(c for c in _collections() if c.__name__ == fits[0])
        return cls_
    params = {
        "keys": ", ".join(sorted(str(k) for k in keys)[:12]),
        "fits": ", ".join(sorted(fits)),
        "types": ", ".join(names),
    }
    raise _Usage(code="export.unknown_type", params=params, variant="several" if fits else "none")


def _first_record(lines: Iterable[bytes]) -> tuple[object, list[bytes]]:
    """The first non-blank line parsed (or None if it is no JSON), and the lines read."""
    seen: list[bytes] = []
    for line in lines:
        seen.append(line)
        if line.strip():
            try:
                return json.loads(line), seen
            except ValueError:
                return None, seen
    return None, seen


def _chain(head: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def _entity_class(name: str, type_name: str | None) -> type | None:
    """The class named by ``--type``; None when it is not given."""
    if type_name is None:
        return None
    from adminnet.cli._common import entity_type
    from adminnet.model.dataset import Dataset

    try:
        cls = entity_type(type_name)
    except argparse.ArgumentTypeError:
        from adminnet.cli._common import type_names

        params = {"value": repr(type_name), "types": ", ".join(type_names())}
        raise _Usage(code="export.unknown_type", params=params, variant="unknown") from None
    if cls is not Dataset and cls not in _collections():
        raise _Usage(
            code="export.unknown_type", params={"value": cls.__name__}, variant="not_a_table"
        )
    return cls


def _export(args: argparse.Namespace, source: str, lines: Iterable[bytes]) -> int:
    """Read ``lines`` (a document or JSON Lines) and write the export."""
    from adminnet.model.dataset import Dataset
    from adminnet.serialization import from_json, iter_jsonl

    cls = _entity_class(source, args.type_name)
    if cls is Dataset:
        return _write(args, from_json(Dataset, b"".join(lines)))
    if cls is None and not source.endswith(_JSONL_SUFFIXES):
        data = b"".join(lines)
        if not _is_jsonl(data):
            return _write(args, from_json(Dataset, data))
        lines = data.split(b"\n")
    if cls is None:
        lines = iter(lines)  # read on after the first record, not again from the start
        first, head = _first_record(lines)
        if first is None:
            if not any(line.strip() for line in head):
                raise _Usage(code="export.unknown_type", params={}, variant="empty")
            # The first record is no JSON: any class's loader reports it (json.invalid,
            # with its line number) as invalid data.
            list(iter_jsonl(next(iter(_collections())), head))
        cls = detect_type(first)
        lines = _chain(head, lines)
    kind = _collections()[cls]
    return _write(args, (kind, iter_jsonl(cls, lines)))


def _is_jsonl(data: bytes) -> bool:
    """More than one JSON value, or one object that is no Dataset document."""
    try:
        value = json.loads(data)
    except ValueError as exc:
        return getattr(exc, "msg", "") == "Extra data"
    return isinstance(value, dict) and "format_version" not in value


def _run(args: argparse.Namespace) -> int:
    """Run ``export``."""
    from adminnet.errors import InvalidDataError

    name = "example" if args.file is None else shown(args.file)
    try:
        if args.file is None:
            from adminnet.examples import lan_mou_2017

            example = lan_mou_2017()
            cls = _entity_class(name, args.type_name)
            if cls is None or cls is type(example):
                return _write(args, example)
            kind = _collections()[cls]
            return _write(args, (kind, getattr(example, kind)))
        with _lines(args.file) as lines:
            return _export(args, name, lines)
    except InvalidDataError as exc:
        plain = argparse.Namespace(json=False, max_errors=200)
        print_load_errors([(name, d) for d in exc.errors], plain, sys.stderr)
        return EXIT_INVALID
    except _Usage as exc:
        print(f"adminnet export: {exc.code}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        code = "file.unreadable" if _is_input(exc, args.file) else "file.unwritable"
        detail = os_error(exc, code)
        print(f"adminnet export: {detail.code}: {detail.message}", file=sys.stderr)
        return EXIT_USAGE


def _is_input(exc: OSError, file: str | None) -> bool:
    return file is not None and exc.filename is not None and os.fsdecode(exc.filename) == file


Source = Any  # a Dataset, or (kind, iterable of entities)


def _tables(source: Source) -> dict[str, Iterable[Any]]:
    from adminnet.model.dataset import COLLECTIONS, Dataset

    if isinstance(source, Dataset):
        return {c.name: getattr(source, c.name) for c in COLLECTIONS}
    kind, entities = source
    return {kind: entities}


def _write(args: argparse.Namespace, source: Source) -> int:
    """Write ``source`` in the chosen format."""
    if args.popolo:
        from adminnet.export import to_popolo
        from adminnet.model.dataset import Dataset

        ds = source if isinstance(source, Dataset) else Dataset(**{source[0]: tuple(source[1])})
        print(json.dumps(to_popolo(ds), ensure_ascii=False, indent=2))
        return EXIT_OK
    fmt = next(f for f in _FORMATS if getattr(args, f) is not None)
    target: str = getattr(args, fmt)
    writer = {"csv": _csv, "jsonl": _jsonl, "parquet": _parquet}[fmt]
    try:
        written = write_tables(target, _tables(source), suffix=_FORMATS[fmt], write=writer)
    except _Refused as exc:
        print(f"adminnet export: {exc.code}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path, n in written if not getattr(args, "quiet", 0) else ():
        print(f"{shown(path)}: {n} rows", file=sys.stderr)
    return EXIT_OK


def _csv(path: str, kind: str, entities: Iterable[Any]) -> int:
    from adminnet.export import to_records

    rows = to_records(entities)
    write_table(path, rows)
    return len(rows)


def _jsonl(path: str, kind: str, entities: Iterable[Any]) -> int:
    from adminnet.serialization import write_jsonl

    with open(path, "x", encoding="utf-8", newline="\n") as f:
        return write_jsonl(entities, f)


def _parquet(path: str, kind: str, entities: Iterable[Any]) -> int:
    from adminnet.export import write_parquet

    return sum(write_parquet(entities, path, kind=kind).values())


def write_table(path: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Write one CSV table (header from the first row; an empty table is an empty file)."""
    import csv

    with open(path, "x", encoding="utf-8", newline="") as f:
        if rows:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def _csv_rows(path: str, kind: str, rows: Any) -> int:
    write_table(path, rows)
    return len(rows)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_tables(
    target: str,
    tables: Mapping[str, Any],
    *,
    suffix: str = ".csv",
    write: Callable[[str, str, Any], int] | None = None,
) -> list[tuple[str, int]]:
    """Write ``tables`` as ``DIR/<table><suffix>``, all or nothing; return (path, rows) each.

    ``write(path, name, table)`` writes one table and returns its rows; the default
    writes CSV rows (dicts, as :func:`adminnet.export.to_records` makes them).

    Raises:
        OSError: a table could not be written (nothing changed at ``target``).
        _Refused: ``target`` is not a folder, or holds files that are not tables.
        Whatever ``write`` raises (an InvalidDataError of the input), likewise.
    """
    from adminnet.model.dataset import COLLECTIONS

    write = _csv_rows if write is None else write
    target = os.path.normpath(target)
    parent = os.path.dirname(os.path.abspath(target))
    known = {f"{name}{suffix}" for name in tables} | {f"{c.name}{suffix}" for c in COLLECTIONS}
    exists = os.path.lexists(target)
    if exists:
        if os.path.islink(target) or not os.path.isdir(target):
            raise _Refused(code="export.not_a_folder", params={"value": shown(target)})
        foreign = sorted(set(os.listdir(target)) - known)
        if foreign:
            names = ", ".join(shown(f) for f in foreign[:5]) + (", ..." if len(foreign) > 5 else "")
            raise _Refused(
                code="export.foreign_files", params={"value": shown(target), "names": names}
            )
    os.makedirs(parent, exist_ok=True)
    base = os.path.basename(os.path.abspath(target))
    staging = tempfile.mkdtemp(prefix=f".{base}.", suffix=".partial", dir=parent)
    try:
        counts = []
        for name, table in tables.items():
            n = write(os.path.join(staging, f"{name}{suffix}"), name, table)
            counts.append((os.path.join(target, f"{name}{suffix}"), n))
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private (0o700)
        if exists:
            old = staging + ".old"
            os.rename(target, old)
            try:
                os.rename(staging, target)
            except BaseException:
                os.rename(old, target)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(staging, target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise
    return counts


EXPORT = Command(
    "export",
    "export a dataset or JSON Lines as Popolo, CSV, JSON Lines or Parquet",
    _configure,
    _run,
)
