"""Perintah adminnet (the ``adminnet`` command line).

Commands (``adminnet COMMAND --help`` for each):

- ``check [FILE ...]``: load JSON Dataset documents (or JSON Lines of one entity type
  with ``--type``), report every load error with its path, then the rule violations;
  with no FILE, the bundled example (the LAN MoU of 16 March 2017).
- ``region QUERY``: search the Kemendagri region registry.
- ``nip NUMBER``: the parts of a NIP, or why it is invalid.
- ``schema TYPE``: the JSON Schema of an entity type.
- ``example``: print the bundled example.
- ``export (--popolo | --csv DIR) [FILE]``: Popolo JSON or CSV tables (written
  atomically: DIR appears whole or not at all).
- ``extract FILE [--published DATE] [--json | --html]``: read an article: the mentions
  found with their spans, a draft dataset, and the draft's rule report.

Exit status: 0 clean; 1 rule errors (``check``) or an invalid value (``nip``); 2 an
unreadable or invalid input or a usage error; 130 interrupted (Ctrl-C, one line on
stderr, worker processes included); 141 the reader of stdout went away.

Structure: this module holds :func:`main` and the command table :data:`COMMANDS`;
each command is a :class:`~adminnet.cli._common.Command` (name, help line, a function
adding its arguments, its runner) in a private module (``_check``, ``_lookup``,
``_export``). A new subcommand is one such module and one line in the table. Built on
argparse (standard library); every heavy import happens inside the command that
needs it, so ``adminnet --help`` answers at once.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Final

from adminnet.cli._check import CHECK
from adminnet.cli._common import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_INVALID_INPUT,
    EXIT_OK,
    EXIT_RULE_ERRORS,
    Command,
    os_error,
)
from adminnet.cli._export import EXPORT
from adminnet.cli._extract import EXTRACT
from adminnet.cli._lookup import EXAMPLE, NIP, REGION, SCHEMA

__all__ = [
    "COMMANDS",
    "EXIT_BROKEN_PIPE",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID_INPUT",
    "EXIT_OK",
    "EXIT_RULE_ERRORS",
    "main",
]

COMMANDS: Final[tuple[Command, ...]] = (CHECK, REGION, NIP, SCHEMA, EXAMPLE, EXPORT, EXTRACT)
"""Daftar perintah (the subcommands, in the order of ``adminnet --help``)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="adminnet",
        description="Indonesian public administration data: check, look up, export.",
        epilog="Exit status: 0 ok, 1 rule errors or invalid value, 2 unreadable input.",
    )
    parser.add_argument("--version", action="store_true", help="print the version")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.configure(sub.add_parser(command.name, help=command.help))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Jalankan perintah (run the ``adminnet`` command; returns the exit status).

    Ctrl-C anywhere gives one line on stderr and the status 130, never a traceback.
    """
    command = ""
    try:
        parser = _parser()
        args = parser.parse_args(argv)
        command = f" {args.command}" if args.command else ""
        return _dispatch(parser, args)
    except KeyboardInterrupt:
        with contextlib.suppress(OSError, ValueError):
            print(f"adminnet{command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.version:
        import adminnet

        print(adminnet.__version__)
        return EXIT_OK
    runners = {c.name: c.run for c in COMMANDS}
    if args.command is None:
        parser.print_help()
        return EXIT_INVALID_INPUT
    from adminnet.errors import AdminnetError

    try:
        return runners[args.command](args)
    except argparse.ArgumentTypeError as exc:
        print(f"adminnet {args.command}: {exc}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    except AdminnetError as exc:
        print(f"adminnet {args.command}: {exc.code}: {exc}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    except BrokenPipeError:
        # The reader went away (``adminnet check ... | head``): the outcome is unknown,
        # so say what a program killed by SIGPIPE says, never "ok"; and send the rest
        # of stdout nowhere so that the interpreter's final flush cannot fail again.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # e.g. standard output full: files are reported where read
        detail = os_error(exc, "io.error")
        print(f"adminnet {args.command}: {detail.code}: {detail.message}", file=sys.stderr)
        return EXIT_INVALID_INPUT
