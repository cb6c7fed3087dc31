"""Ekspor (exports: JSON Schema, Popolo, flat records and data frames).

- :func:`json_schema`: JSON Schema (draft 2020-12) of an entity class or of the
  Dataset document, agreeing with :mod:`adminnet.serialization`.
- :func:`to_popolo`: a Dataset as Popolo persons, organizations, posts, memberships
  and events.
- :func:`to_records`, :func:`to_dataframe`: flat rows with dotted column names, and a
  pandas DataFrame of them (the ``pandas`` extra).
- :func:`arrow_schema`, :func:`to_arrow`, :func:`record_batches`, :class:`ArrowStream`:
  typed Arrow tables of a Dataset's collections (the ``arrow`` extra);
  :func:`from_arrow` reads them back, validated; :func:`write_parquet` and
  :func:`read_parquet` store them as Parquet files.
- :func:`validate_batch`: one batch of JSON Lines or Arrow rows validated into a typed
  Arrow table of the valid rows and a table of the errors (for Spark, Dask and process
  pools; the ``arrow`` extra).

The functions are imported on first use, so ``import adminnet.export`` is cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from adminnet._lazy import exports

__all__ = [
    "ArrowStream",
    "Validated",
    "arrow_schema",
    "from_arrow",
    "json_schema",
    "read_parquet",
    "record_batches",
    "to_arrow",
    "to_dataframe",
    "to_popolo",
    "to_records",
    "validate_batch",
    "write_parquet",
]

_WHERE: Final = {
    "json_schema": "adminnet.export.jsonschema",
    "to_popolo": "adminnet.export.popolo",
    "to_records": "adminnet.export.tables",
    "to_dataframe": "adminnet.export.tables",
    "ArrowStream": "adminnet.export._arrow_write",
    "arrow_schema": "adminnet.export._arrow_schema",
    "from_arrow": "adminnet.export._arrow_read",
    "record_batches": "adminnet.export._arrow_write",
    "to_arrow": "adminnet.export._arrow_write",
    "read_parquet": "adminnet.export._parquet",
    "write_parquet": "adminnet.export._parquet",
    "validate_batch": "adminnet.export._bulk",
    "Validated": "adminnet.export._bulk",
}


__getattr__: Callable[[str], Any]
__dir__: Callable[[], list[str]]
__getattr__, __dir__ = exports(__name__, _WHERE, sorted(__all__))
