"""Helpers shared by the commands: exit codes, entity types, files, errors, tables.

Nothing heavy is imported at module level: ``adminnet --help`` must answer at once.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any, Final, NamedTuple

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID_INPUT",
    "EXIT_OK",
    "EXIT_RULE_ERRORS",
    "Command",
    "collections",
    "entity_type",
    "error_line",
    "error_rows",
    "os_error",
    "print_load_errors",
    "read",
    "shown",
    "table",
    "type_names",
]

EXIT_OK: Final = 0
EXIT_RULE_ERRORS: Final = 1
EXIT_INVALID_INPUT: Final = 2
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


def print_load_errors(
    errors: Sequence[tuple[str, Any]], args: argparse.Namespace, out: IO[str]
) -> None:
    """The load errors of every file: one JSON object (``--json``) or a line each."""
    if args.json:
        print(json.dumps({"load_errors": error_rows(errors)}, ensure_ascii=False), file=out)
        return
    for name, d in errors[: args.max_errors]:
        print(error_line(name, d), file=out)
    if len(errors) > args.max_errors:
        print(f"... and {len(errors) - args.max_errors} more", file=out)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: IO[str]) -> None:
    """A plain text table with upper-case headers."""
    widths = {c: max([len(c), *(len(str(r[c] or "")) for r in rows)]) for c in columns}
    out.write("  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(str(r[c] or "").ljust(widths[c]) for c in columns).rstrip() + "\n")
