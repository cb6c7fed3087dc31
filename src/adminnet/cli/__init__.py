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
- ``completion bash|zsh|tcsh``: a shell completion script (needs ``shtab``, the
  ``completion`` extra).

Options of every command, before or after its name: ``-q``/``--quiet`` (once: only
the problems; twice: nothing, the exit status tells), ``--lang en|id`` (the language
of messages, see :func:`adminnet._i18n.set_language`), ``--width N`` / ``--full``
(cut lines at N characters, or never; the default cuts at the terminal's width when
the output is a terminal).

Exit status (:mod:`adminnet.cli._common`): 0 clean; 1 invalid data (load errors, an
invalid NIP, no region found) or rule errors; 2 a usage or I/O error (bad options, a
missing or unreadable file); 130 interrupted (Ctrl-C, one line on stderr, worker
processes included); 141 the reader of stdout went away.

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
from typing import Any, Final

from adminnet.cli._check import CHECK
from adminnet.cli._common import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_INVALID_INPUT,
    EXIT_OK,
    EXIT_RULE_ERRORS,
    EXIT_USAGE,
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
    "EXIT_INVALID",
    "EXIT_INVALID_INPUT",
    "EXIT_OK",
    "EXIT_RULE_ERRORS",
    "EXIT_USAGE",
    "main",
]

SHELLS: Final = ("bash", "zsh", "tcsh")
"""Shells that ``adminnet completion`` writes a script for (those of shtab)."""

_QUIET_COMMANDS: Final = frozenset({"check", "nip", "region"})
"""Commands whose standard output is a report, silenced by ``-qq`` (not an export)."""


def _completion_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("shell", choices=SHELLS, help="the shell to complete in")


def _completion(args: argparse.Namespace) -> int:
    try:
        import shtab
    except ImportError:
        print(
            "adminnet completion: needs shtab: pip install 'adminnet[completion]'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(shtab.complete(_parser(), shell=args.shell))
    return EXIT_OK


COMPLETION = Command(
    "completion", "print a shell completion script (bash, zsh, tcsh)", _completion_args, _completion
)

COMMANDS: Final[tuple[Command, ...]] = (
    CHECK,
    REGION,
    NIP,
    SCHEMA,
    EXAMPLE,
    EXPORT,
    EXTRACT,
    COMPLETION,
)
"""Daftar perintah (the subcommands, in the order of ``adminnet --help``)."""

_EPILOG = (
    "Exit status: 0 clean; 1 invalid data or rule errors; 2 usage or I/O error."
    ' Shell completion: eval "$(adminnet completion bash)".'
)


def _global_options(p: argparse.ArgumentParser, *, sub: bool) -> None:
    """Options of every command; on a subcommand they default to the main parser's."""

    def default(value: Any) -> Any:
        return argparse.SUPPRESS if sub else value

    group = p.add_argument_group("output options (any command)")
    group.add_argument(
        "-q",
        "--quiet",
        action="count",
        default=default(0),
        help="only the problems (-qq: nothing; the exit status tells)",
    )
    group.add_argument(
        "--lang",
        choices=("en", "id"),
        default=default(None),
        help="language of messages (default: ADMINNET_LANG, then the locale)",
    )
    group.add_argument(
        "--width",
        type=_width,
        metavar="N",
        default=default(None),
        help="cut lines at N characters (default: the terminal's width on a terminal)",
    )
    group.add_argument(
        "--full",
        action="store_true",
        default=default(False),
        help="never cut lines (the default when the output is not a terminal)",
    )


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 20:
        msg = f"must be a number of characters, at least 20 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="adminnet",
        description="Indonesian public administration data: check, look up, export.",
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="store_true", help="print the version")
    _global_options(parser, sub=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.help, description=command.help)
        command.configure(p)
        _global_options(p, sub=True)
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
        if args.lang is not None:
            from adminnet._i18n import set_language

            set_language(args.lang)
        if args.quiet >= 2 and args.command in _QUIET_COMMANDS:
            with (
                open(os.devnull, "w", encoding="utf-8") as devnull,
                contextlib.redirect_stdout(devnull),
            ):
                return _dispatch(parser, args)
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
        return EXIT_USAGE
    from adminnet.errors import AdminnetError, InvalidDataError

    try:
        return runners[args.command](args)
    except argparse.ArgumentTypeError as exc:
        print(f"adminnet {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except InvalidDataError as exc:  # a document that does not load: invalid data
        print(f"adminnet {args.command}: {exc.code}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except AdminnetError as exc:  # a bad option value (--at 2017-13-01): usage
        print(f"adminnet {args.command}: {exc.code}: {exc}", file=sys.stderr)
        return EXIT_USAGE
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
        return EXIT_USAGE
