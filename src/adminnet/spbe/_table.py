"""Tabel hasil SPBE (reading the cells of an SPBE results table); private.

The row reader behind :func:`adminnet.spbe.read_results`: a row's cells as text
(whitespace collapsed), its scores read exactly, the printed agency name resolved, the
printed predikat checked, every problem recorded against the row and column instead of
raised; and the checks of the reader's arguments. Paths name the row from 0 and the
column as an attribute when it is an identifier:

>>> errors = []
>>> row = _Row(3, {"index": "3,40", "nilai akhir": "-"}, errors)
>>> row.score("index", "index", required=True), row.score("nilai akhir", "index", required=True)
(Decimal('3.40'), None)
>>> [e.path for e in errors], _path(3, "index")
(["$[3]['nilai akhir']"], '$[3].index')
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

from adminnet import agencies
from adminnet._validators import short
from adminnet.errors import (
    AdminnetError,
    AmbiguousName,
    ErrorDetail,
    InvalidComponent,
    InvalidFormat,
)
from adminnet.model._common import ID_PATTERN
from adminnet.model.digital import SpbePredicate

__all__: list[str] = []

_PRINTED_PREDICATES: Final = {p.label.casefold(): p for p in SpbePredicate}
_SCORE: Final = re.compile(r"[0-9]+(?:[.,][0-9]+)?\Z", re.ASCII)
_DASHES: Final = frozenset({"-", "\u2013", "\u2014"})
_IDENTIFIER: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_SPACES: Final = re.compile(r"\s+")


def _number(value: object, what: str) -> Decimal:
    """A score argument as an exact Decimal on the scale 0-5."""
    result: Decimal | None = None
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = Decimal(value)
    elif isinstance(value, float) and math.isfinite(value):
        result = Decimal(repr(value))
    elif isinstance(value, str) and _SCORE.match(value.strip()):
        result = Decimal(value.strip().replace(",", "."))
    if result is None or not result.is_finite():
        raise InvalidFormat(
            code="spbe.invalid_score", params={"what": what, "value": short(value, 40)}
        )
    if not 0 <= result <= 5:
        raise InvalidComponent(
            code="indicator.out_of_range",
            variant="spbe",
            params={"what": what, "value": str(result)},
        )
    return result


def _path(row: int, column: str | None) -> str:
    if column is None:
        return f"$[{row}]"
    if _IDENTIFIER.match(column):
        return f"$[{row}].{column}"
    return f"$[{row}][{column!r}]"


class _Row:
    """One row being read: its cells, and the problems found in it."""

    __slots__ = ("cells", "errors", "index")

    def __init__(self, index: int, cells: Mapping[Any, Any], errors: list[ErrorDetail]) -> None:
        self.index = index
        self.cells = cells
        self.errors = errors

    def fail(
        self,
        column: str | None,
        code: str,
        params: Mapping[str, object] | None = None,
        *,
        variant: str | None = None,
    ) -> None:
        path = _path(self.index, column)
        self.errors.append(ErrorDetail.from_code(path, code, params, variant=variant))

    def fail_with(self, column: str | None, code: str, exc: AdminnetError) -> None:
        """A problem worded by an error from below (its message is the ``reason``)."""
        params = {**exc.params, "reason": exc.message}
        self.fail(column, code, params)

    def text(self, column: str) -> str | None:
        """The stripped text of a cell ('' if empty); ``None`` (reported) if unusable."""
        if column not in self.cells:
            self.fail(column, "spbe.missing_column", {"value": repr(column)})
            return None
        value = self.cells[column]
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(
                column,
                "spbe.invalid_cell",
                {"value": short(value, 40), "type": type(value).__name__},
            )
            return None
        return _SPACES.sub(" ", value).strip()

    def score(self, column: str, what: str, *, required: bool) -> Decimal | None:
        text = self.text(column)
        if text is None:
            return None
        if not text or text in _DASHES:
            if required:
                self.fail(column, "spbe.missing_value", {"what": what})
            return None
        try:
            return _number(text, what)
        except AdminnetError as exc:
            self.errors.append(ErrorDetail.from_error(_path(self.index, column), exc))
            return None


def _check_source(source: object) -> str | Mapping[int, str]:
    if isinstance(source, str) and source.strip():
        return source.strip()
    if isinstance(source, Mapping) and all(
        isinstance(k, int) and isinstance(v, str) and v.strip() for k, v in source.items()
    ):
        return source
    raise InvalidFormat(
        code="spbe.invalid_argument", variant="source", params={"value": short(source, 60)}
    )


def _check_aliases(aliases: object) -> dict[str, str]:
    if aliases is None:
        return {}
    if isinstance(aliases, Mapping):
        out: dict[str, str] = {}
        for name, agency_id in aliases.items():
            if not (isinstance(name, str) and isinstance(agency_id, str)):
                break
            if ID_PATTERN.match(agency_id) is None:
                raise InvalidFormat(
                    code="spbe.invalid_argument",
                    variant="alias",
                    params={"value": repr(name), "id": repr(agency_id)},
                )
            out[_SPACES.sub(" ", name).strip()] = agency_id
        else:
            return out
    raise InvalidFormat(
        code="spbe.invalid_argument", variant="aliases", params={"value": short(aliases, 60)}
    )


def _read_agency(row: _Row, column: str, year: int, aliases: Mapping[str, str]) -> str | None:
    name = row.text(column)
    if name is None:
        return None
    if not name:
        row.fail(column, "spbe.missing_value", {"what": "agency name"}, variant="agency")
        return None
    alias = aliases.get(name)
    if alias is not None:
        return alias
    try:
        return agencies.resolve(name, as_of=f"{year}-12-31").id
    except AmbiguousName as exc:
        row.fail_with(column, "spbe.ambiguous_agency", exc)
    except AdminnetError as exc:
        row.fail_with(column, "spbe.unknown_agency", exc)
    return None


def _read_predicate(row: _Row, column: str) -> SpbePredicate | None:
    text = row.text(column)
    if not text:
        return None
    predicate = _PRINTED_PREDICATES.get(text.casefold())
    if predicate is None:
        known = ", ".join(p.label for p in SpbePredicate)
        row.fail(column, "spbe.invalid_predicate", {"value": repr(text), "known": known})
    return predicate
