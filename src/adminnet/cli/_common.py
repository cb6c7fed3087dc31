"""Helpers shared by the commands: exit codes, entity types, files, errors, tables.

The conventions of every command (those of ruff and pip):

- exit status :data:`EXIT_OK` (0) clean, :data:`EXIT_INVALID` (1) invalid data or rule
  errors, :data:`EXIT_USAGE` (2) a usage or I/O error;
- ``-q`` prints only the problems, ``-qq`` nothing (the exit status tells);
- problems are grouped by code, at most ``--max-per-code`` of each, with a count of
  the rest (:func:`grouped`); a line never runs past the terminal unless ``--full`` or
  ``--width N`` says otherwise (:func:`fit`, :func:`output_width`).

>>> fit("TEN002 error tenure:a  " + "x" * 50, 30)
'TEN002 error tenure:a  xxxxxx…'
>>> grouped([("A1", "a"), ("B2", "b"), ("A1", "c"), ("A1", "d")], per_code=2)
['a', 'c', '  ... and 1 more A1', 'b']

Nothing heavy is imported at module level: ``adminnet --help`` must answer at once.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, Final, NamedTuple

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_INVALID_INPUT",
    "EXIT_OK",
    "EXIT_RULE_ERRORS",
    "EXIT_USAGE",
    "Command",
    "collections",
    "entity_type",
    "error_line",
    "error_rows",
    "fit",
    "grouped",
    "load_status",
    "os_error",
    "output_width",
    "print_load_errors",
    "read",
    "shown",
    "table",
    "type_names",
]

EXIT_OK: Final = 0
"""Clean: everything loaded and no rule error (warnings allowed)."""
EXIT_INVALID: Final = 1
"""Invalid data: load errors, rule errors, an invalid value (``nip``), no match."""
EXIT_USAGE: Final = 2
"""A usage or I/O error: bad options, a missing or unreadable file, an unwritable folder."""
EXIT_RULE_ERRORS: Final = EXIT_INVALID  # the name before the conventions, kept for callers
EXIT_INVALID_INPUT: Final = EXIT_USAGE  # the name before the conventions, kept for callers
IO_CODES: Final = frozenset({"file.unreadable", "file.unwritable", "io.error"})
"""Error codes that are I/O errors (exit 2), not invalid data (exit 1)."""
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
EXIT_BROKEN_PIPE: Final = 141  # 128 + SIGPIPE, as a shell reports a command killed by it


class Command(NamedTuple):
    """Perintah (one subcommand: its name, help line, arguments and runner).

    The command table of :mod:`adminnet.cli` is a tuple of these; a new subcommand is
    a module defining one ``Command`` and one line in that table.
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def collections() -> dict[str, str]:
    """Collection of a Dataset by entity class name (``{"Person": "persons", ...}``).

    Derived from :data:`adminnet.model.dataset.KINDS` (through the rules' index of
    entity kinds), never written out here.
    """
    from adminnet.rules._index import KIND_OF_TYPE

    return {cls.__name__: plural for cls, (_, plural) in KIND_OF_TYPE.items()}


def type_names() -> tuple[str, ...]:
    """Entity types that ``--type`` and ``schema`` accept, sorted.

    The classes of the Dataset collections, Dataset itself and Region.
    """
    return tuple(sorted({*collections(), "Dataset", "Region"}))


def entity_type(name: str) -> type:
    """The public adminnet class named ``name`` (case-insensitive) among :func:`type_names`.

    Raises:
        argparse.ArgumentTypeError: no such type.
    """
    import adminnet

    names = type_names()
    for candidate in names:
        if isinstance(name, str) and candidate.lower() == name.lower():
            cls: type = getattr(adminnet, candidate)
            return cls
    msg = f"unknown type {name!r}; types: {', '.join(names)}"
    raise argparse.ArgumentTypeError(msg)


def read(name: str) -> bytes:
    """The bytes of a file (``-``: standard input)."""
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as f:
        return f.read()


def os_error(exc: OSError, code: str = "file.unreadable") -> Any:
    """An :class:`~adminnet.errors.ErrorDetail` for an OSError, naming its file."""
    from adminnet.errors import ErrorDetail

    reason = str(exc.strerror or exc)
    if exc.filename is None:
        return ErrorDetail.from_code("$", code, {"reason": reason}, variant="nofile")
    name = shown(os.fsdecode(exc.filename))
    return ErrorDetail.from_code("$", code, {"reason": reason, "file": name})


def shown(name: str) -> str:
    r"""A file name as printable text (undecodable bytes of a name as ``\xNN``)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def error_rows(errors: Sequence[tuple[str, Any]]) -> list[dict[str, Any]]:
    """JSON rows of load errors: file, line, path, code, message, params."""
    return [
        {
            "file": f,
            "line": d.line,
            "path": d.path,
            "code": d.code,
            "message": d.message,
            "params": dict(d.params),
        }
        for f, d in errors
    ]


def error_line(name: str, d: Any) -> str:
    """One text line of a load error: ``file:line: path  code  message``."""
    where = f"{name}:{d.line}" if d.line is not None else name
    return f"{where}: {d.path}  {d.code}  {d.message}"


def load_status(errors: Iterable[tuple[str, Any]]) -> int:
    """:data:`EXIT_USAGE` if a file could not be read, else :data:`EXIT_INVALID`."""
    return EXIT_USAGE if any(d.code in IO_CODES for _, d in errors) else EXIT_INVALID


def print_load_errors(
    errors: Sequence[tuple[str, Any]], args: argparse.Namespace, out: IO[str]
) -> None:
    """The load errors of every file: one JSON object (``--json``) or a line each.

    Text lines are grouped by code, at most ``--max-per-code`` of each, and cut to
    the output width; ``-qq`` prints nothing.
    """
    if args.json:
        print(json.dumps({"load_errors": error_rows(errors)}, ensure_ascii=False), file=out)
        return
    if getattr(args, "quiet", 0) >= 2:
        return
    width = output_width(args, out)
    rows = [(d.code, error_line(name, d)) for name, d in errors[: args.max_errors]]
    for line in grouped(rows, per_code=getattr(args, "max_per_code", 0)):
        print(fit(line, width), file=out)
    if len(errors) > args.max_errors:
        print(f"... and {len(errors) - args.max_errors} more", file=out)


def grouped(items: Sequence[tuple[str, str]], *, per_code: int) -> list[str]:
    """Lines grouped by code (codes in order of first appearance), ``per_code`` of each.

    ``items`` are ``(code, line)``; a code with more lines than ``per_code`` shows the
    first ``per_code`` and ``  ... and N more CODE``. ``per_code`` 0 shows them all.
    """
    groups: dict[str, list[str]] = {}
    for code, line in items:
        groups.setdefault(code, []).append(line)
    out: list[str] = []
    for code, lines in groups.items():
        if per_code and len(lines) > per_code:
            out.extend(lines[:per_code])
            out.append(f"  ... and {len(lines) - per_code:,} more {code}")
        else:
            out.extend(lines)
    return out


def output_width(args: argparse.Namespace, out: IO[str] | None = None) -> int | None:
    """The width to cut lines at: ``--width``, else the terminal's, else none.

    ``--full`` (or output that is not a terminal, e.g. a pipe or a file) keeps lines
    whole.
    """
    if getattr(args, "full", False):
        return None
    width: int | None = getattr(args, "width", None)
    if width is not None:
        return width
    stream = sys.stdout if out is None else out
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return shutil.get_terminal_size().columns if tty else None


def fit(line: str, width: int | None) -> str:
    """``line`` cut to ``width`` characters, ending in ``…`` when cut (``None``: whole)."""
    if width is None or len(line) <= width:
        return line
    return line[: max(width - 1, 0)] + "…"


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: IO[str]) -> None:
    """A plain text table with upper-case headers."""
    widths = {c: max([len(c), *(len(str(r[c] or "")) for r in rows)]) for c in columns}
    out.write("  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(str(r[c] or "").ljust(widths[c]) for c in columns).rstrip() + "\n")
