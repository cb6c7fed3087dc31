"""``adminnet export``: Popolo JSON on stdout, or CSV tables written atomically.

``--csv DIR`` writes every table into a fresh temporary folder next to DIR (in DIR's
parent, so on the same file system), then renames it into place: DIR appears whole
or not at all, and a failure or an interrupt halfway leaves the previous export as
it was. A DIR that exists must hold only the tables of an export (it is replaced as
a whole); a DIR with other files is refused (``export.foreign_files``) rather than
emptied.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from typing import Any

from adminnet.cli._common import (
    EXIT_INVALID_INPUT,
    EXIT_OK,
    Command,
    load_status,
    os_error,
    print_load_errors,
    read,
    shown,
)

__all__ = ["EXPORT", "write_tables"]


def _configure(p: argparse.ArgumentParser) -> None:
    """The arguments of ``export``."""
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--popolo", action="store_true", help="Popolo JSON on stdout")
    what.add_argument("--csv", metavar="DIR", help="one CSV file per table into DIR")
    p.add_argument("file", nargs="?", metavar="FILE", help="JSON dataset (default: example)")


def _run(args: argparse.Namespace) -> int:
    """Run ``export``."""
    from adminnet.errors import InvalidDataError
    from adminnet.model.dataset import Dataset

    if args.file is None:
        from adminnet.examples import lan_mou_2017

        ds = lan_mou_2017()
    else:
        from adminnet.serialization import from_json

        name = shown(args.file)
        try:
            ds = from_json(Dataset, read(args.file))
        except InvalidDataError as exc:
            failures = [(name, d) for d in exc.errors]
        except OSError as exc:
            failures = [(name, os_error(exc))]
        else:
            failures = []
        if failures:  # on stderr: stdout is for the export
            plain = argparse.Namespace(json=False, max_errors=200)
            print_load_errors(failures, plain, sys.stderr)
            return load_status(failures)  # 1 invalid data, 2 unreadable
    if args.popolo:
        from adminnet.export import to_popolo

        print(json.dumps(to_popolo(ds), ensure_ascii=False, indent=2))
        return EXIT_OK
    from adminnet.export import to_records

    try:
        written = write_tables(args.csv, to_records(ds))
    except _Refused as exc:
        print(f"adminnet export: {exc.code}: {exc}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    except OSError as exc:
        detail = os_error(exc, "file.unwritable")
        print(f"adminnet export: {detail.code}: {detail.message}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    for path, n in written if not getattr(args, "quiet", 0) else ():
        print(f"{shown(path)}: {n} rows", file=sys.stderr)
    return EXIT_OK


class _Refused(Exception):
    """The target folder cannot be replaced (its code says why)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def write_table(path: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Write one CSV table (header from the first row; an empty table is an empty file)."""
    import csv

    with open(path, "x", encoding="utf-8", newline="") as f:
        if rows:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_tables(
    target: str, tables: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[tuple[str, int]]:
    """Write ``tables`` as ``DIR/<table>.csv``, all or nothing; return (path, rows) each.

    Raises:
        OSError: a table could not be written (nothing changed at ``target``).
        _Refused: ``target`` is not a folder, or holds files that are not tables.
    """
    target = os.path.normpath(target)
    parent = os.path.dirname(os.path.abspath(target))
    files = {f"{name}.csv" for name in tables}
    exists = os.path.lexists(target)
    if exists:
        if os.path.islink(target) or not os.path.isdir(target):
            msg = f"{shown(target)} exists and is not a folder"
            raise _Refused(msg, "export.not_a_folder")
        foreign = sorted(set(os.listdir(target)) - files)
        if foreign:
            shown_names = ", ".join(shown(f) for f in foreign[:5])
            msg = (
                f"{shown(target)} holds files that are not tables of an export"
                f" ({shown_names}{', ...' if len(foreign) > 5 else ''}); choose a new folder"
            )
            raise _Refused(msg, "export.foreign_files")
    os.makedirs(parent, exist_ok=True)
    base = os.path.basename(os.path.abspath(target))
    staging = tempfile.mkdtemp(prefix=f".{base}.", suffix=".partial", dir=parent)
    try:
        counts = []
        for name, rows in tables.items():
            write_table(os.path.join(staging, f"{name}.csv"), rows)
            counts.append((os.path.join(target, f"{name}.csv"), len(rows)))
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


EXPORT = Command("export", "export a dataset as Popolo JSON or CSV tables", _configure, _run)
