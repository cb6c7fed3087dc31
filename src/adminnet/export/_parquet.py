"""Berkas Parquet (entities as Parquet files: one file per collection, read back validated).

:func:`write_parquet` writes the tables of :func:`~adminnet.export.to_arrow`, batch by
batch (a generator of a million persons never sits in memory whole); a Dataset becomes
a folder with one ``<collection>.parquet`` per collection, every collection present.
:func:`read_parquet` reads a file back into entities, or a folder into a Dataset,
through :func:`~adminnet.export.from_arrow`, which validates every row.

>>> import tempfile, pathlib
>>> from adminnet.examples import lan_mou_2017
>>> ds = lan_mou_2017()
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "lan"
>>> written = write_parquet(ds, folder)
>>> sorted(p.name for p in folder.iterdir())[:3]
['agencies.parquet', 'agreements.parquet', 'events.parquet']
>>> written[str(folder / "persons.parquet")]
5
>>> read_parquet(folder) == ds
True
>>> _ = write_parquet(ds.tenures, folder / "tenures.parquet")
>>> read_parquet(folder / "tenures.parquet") == list(ds.tenures)
True

Each file is written under a temporary name beside it and renamed into place, so a
reader never sees half a file. The schema (with the ``adminnet.kind`` metadata) is
stored in the file, so polars (``polars.read_parquet``) and DuckDB
(``select * from 'persons.parquet'``) read the same types.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from adminnet.errors import ErrorDetail, InvalidDataError
from adminnet.export._arrow_read import from_arrow, unknown_collection
from adminnet.export._arrow_schema import _pyarrow
from adminnet.export._arrow_write import BATCH_SIZE, record_batches
from adminnet.model.dataset import COLLECTIONS, Dataset

__all__ = ["read_parquet", "write_parquet"]

SUFFIX: Final = ".parquet"

_KIND_NAMES: Final = frozenset(c.name for c in COLLECTIONS)


def write_parquet(
    objs: Dataset | Iterable[Any],
    path: str | os.PathLike[str],
    *,
    kind: str | None = None,
    compression: str = "zstd",
) -> dict[str, int]:
    """Tulis Parquet (entities to a Parquet file; a Dataset to a folder of them).

    Args:
        objs: Entities of one collection (any iterable, read once, in batches), or a
            Dataset.
        path: The file to write; for a Dataset, the folder (made if missing), which
            gets ``<collection>.parquet`` for every collection.
        kind: The collection of ``objs``, for an iterable that may be empty.
        compression: A Parquet codec (``"zstd"``, ``"snappy"``, ``"none"``...).

    Returns:
        The rows written, by file path.

    Raises:
        InvalidFormat, InvalidComponent: as :func:`~adminnet.export.to_arrow`; nothing
            is left at ``path`` then.
        OSError: the file or folder cannot be written.
    """
    if isinstance(objs, Dataset):
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        written: dict[str, int] = {}
        for c in COLLECTIONS:
            target = folder / f"{c.name}{SUFFIX}"
            written.update(_write(getattr(objs, c.name), target, c.name, compression))
        return written
    return _write(objs, Path(path), kind, compression)


def _write(objs: Iterable[Any], target: Path, kind: str | None, compression: str) -> dict[str, int]:
    pa = _pyarrow()
    import pyarrow.parquet as pq

    reader = record_batches(objs, kind=kind, batch_size=BATCH_SIZE)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    rows = 0
    try:
        with pq.ParquetWriter(tmp, reader.schema, compression=compression) as writer:
            for batch in reader:
                writer.write_batch(batch)
                rows += batch.num_rows
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private (0o600)
        os.replace(tmp, target)
    except pa.ArrowException as exc:  # the codec name, or the disk
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OSError(str(exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return {str(target): rows}


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def read_parquet(path: str | os.PathLike[str], *, kind: str | None = None) -> list[Any] | Dataset:
    """Baca Parquet (a Parquet file back to entities; a folder of them to a Dataset).

    Args:
        path: A file written by :func:`write_parquet` (or any Parquet file of that
            layout), or a folder of ``<collection>.parquet`` files (a missing file is
            an empty collection).
        kind: The collection of a file's rows, when its schema does not say.

    Returns:
        The entities in file order; a Dataset for a folder.

    Raises:
        InvalidDataError: every problem, with paths as :func:`~adminnet.export.from_arrow`
            (``$.persons[3].nip`` in a folder); a file that is not Parquet is
            ``parquet.invalid``, another ``.parquet`` file in a folder is
            ``arrow.unknown_collection``.
        OSError: the path cannot be read.
    """
    where = Path(path)
    if where.is_dir():
        details: list[ErrorDetail] = []
        tables: dict[str, Any] = {}
        for entry in sorted(where.iterdir()):
            if entry.suffix != SUFFIX:
                continue
            name = entry.name[: -len(SUFFIX)]
            if name not in _KIND_NAMES:
                details.append(unknown_collection(f"$.{name}", entry.name))
                continue
            tables[name] = _open(entry, f"$.{name}", details)
        if details:
            raise InvalidDataError(details)
        return from_arrow({k: v for k, v in tables.items() if v is not None})
    details = []
    reader = _open(where, "$", details)
    if reader is None:
        raise InvalidDataError(details)
    return from_arrow(reader, kind=kind)


def _open(path: Path, at: str, details: list[ErrorDetail]) -> Any:
    """A RecordBatchReader over a Parquet file; None (and a detail) if it is no Parquet."""
    pa = _pyarrow()
    import pyarrow.parquet as pq

    try:
        f = pq.ParquetFile(path)
    except pa.ArrowInvalid as exc:
        params = {"value": repr(path.name), "reason": str(exc)}
        details.append(ErrorDetail.from_code(at, "parquet.invalid", params))
        return None
    return pa.RecordBatchReader.from_batches(f.schema_arrow, f.iter_batches(BATCH_SIZE))
