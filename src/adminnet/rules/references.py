"""Aturan rujukan (built-in rules on references: ids and region codes).

- ``REF001`` every id an entity names resolves to an entity;
- ``REF002`` every region code is a region code on the day it is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from adminnet.model.agency import Agency
from adminnet.model.dataset import Dataset
from adminnet.rules._index import DatasetIndex
from adminnet.rules._rule import Rule, RuleContext, Violation, rule
from adminnet.rules._spans import bounds, day, iso

__all__ = ["RULES", "dangling_reference", "region_unknown_at_date"]

_SINGULAR: Final = {
    "agencies": "agency",
    "persons": "person",
    "positions": "position",
    "agreements": "agreement",
    "events": "event",
}


def _references(ds: Dataset) -> Iterator[tuple[object, str, str, str]]:
    """Every reference of the dataset: (entity, field path, kind referred to, id)."""
    for a in ds.agencies:
        if a.parent_id is not None:
            yield a, "parent_id", "agencies", a.parent_id
        for i, s in enumerate(a.successor_ids):
            yield a, f"successor_ids[{i}]", "agencies", s
    for p in ds.positions:
        yield p, "agency_id", "agencies", p.agency_id
    for t in ds.tenures:
        yield t, "person_id", "persons", t.person_id
        yield t, "position_id", "positions", t.position_id
    for g in ds.agreements:
        for i, party in enumerate(g.parties):
            yield g, f"parties[{i}].agency_id", "agencies", party.agency_id
            if party.signatory_id is not None:
                yield g, f"parties[{i}].signatory_id", "persons", party.signatory_id
        if g.parent_id is not None:
            yield g, "parent_id", "agreements", g.parent_id
        if g.event_id is not None:
            yield g, "event_id", "events", g.event_id
    for e in ds.events:
        if e.organizer_id is not None:
            yield e, "organizer_id", "agencies", e.organizer_id
        if e.chair_id is not None:
            yield e, "chair_id", "persons", e.chair_id
        for name in ("attendee_ids", "witness_ids"):
            for i, pid in enumerate(getattr(e, name)):
                yield e, f"{name}[{i}]", "persons", pid
        for i, aid in enumerate(e.agreement_ids):
            yield e, f"agreement_ids[{i}]", "agreements", aid
    for service in ds.services:
        yield service, "agency_id", "agencies", service.agency_id
    for target in ds.targets:
        yield target, "agency_id", "agencies", target.agency_id
    for m in ds.measurements:
        if m.agency_id is not None:
            yield m, "agency_id", "agencies", m.agency_id


def _resolves(index: DatasetIndex, kind: str, ident: str) -> bool:
    if kind == "agencies":
        return index.agency(ident) is not None
    table: dict[str, object] = getattr(index, kind)
    return ident in table


@rule(
    code="REF001",
    severity="error",
    basis="Data integrity: every reference names an entity (adminnet convention)",
)
def dangling_reference(ctx: RuleContext) -> Iterator[Violation]:
    """Every id an entity refers to resolves to an entity.

    Checked for every reference field: an agency's ``parent_id`` and
    ``successor_ids``; a position's ``agency_id``; a tenure's ``person_id`` and
    ``position_id``; an agreement's party ``agency_id`` and ``signatory_id``,
    ``parent_id`` and ``event_id``; an event's ``organizer_id``, ``chair_id``,
    ``attendee_ids``, ``witness_ids`` and ``agreement_ids``; the ``agency_id`` of a
    public service, a target and a measurement. An agency id resolves to the dataset's
    agency or, failing that, to the shipped catalog (:func:`adminnet.agencies.get`), so
    a dataset may name a catalog agency (a successor, a parent) without copying it.
    Every other id must name an entity of the dataset. One violation per dangling
    reference, on the entity that holds it. Always an error.
    """
    index = ctx.index
    for entity, field, kind, ident in _references(ctx.dataset):
        if not _resolves(index, kind, ident):
            yield ctx.violation(
                entity,
                field=field,
                params={"field": field, "value": repr(ident), "kind": _SINGULAR[kind]},
                variant=_REF001_VARIANT[kind],
            )


_REF001_VARIANT: Final = {
    "agencies": "agency",
    "persons": "person",
    "positions": "position",
    "tenures": "tenure",
    "agreements": "agreement",
    "events": "event",
    "services": "service",
    "targets": "target",
    "measurements": "measurement",
}
"""The wording of REF001 per collection (the noun differs between the languages)."""


def _check_code(
    ctx: RuleContext,
    entity: object,
    field: str,
    agency: Agency | None,
    code: str,
    lo: int,
    hi: int,
    when: str,
) -> Iterator[Violation]:
    index = ctx.index
    known_lo = index.region(code, lo) is not None
    known_hi = known_lo if hi == lo else index.region(code, hi) is not None
    if known_lo and known_hi:
        return
    if agency is None:
        whose = ctx.phrase("region", code=code)
    else:
        whose = ctx.phrase("region_of_agency", code=code, agency=agency.id)
    after = index.successors(code)
    hint = ctx.phrase("replaced", successors=", ".join(after)) if after else ""
    params = {"whose": whose, "value": code, "when": when, "hint": hint}
    if not known_lo and not known_hi:
        yield ctx.error(entity, field=field, params=params)
    else:
        yield ctx.warning(entity, field=field, params=params, variant="possibly")


@rule(
    code="REF002",
    severity="error",
    basis=(
        "Kemendagri region codes and their history: Permendagri 56/2015, 137/2017, 72/2019,"
        " 58/2021; Kepmendagri 100.1.1-6117/2022 and 300.2.2-2138/2025; the 2022 Papua"
        " split (UU 14/2022, 15/2022, 16/2022, 29/2022)"
    ),
)
def region_unknown_at_date(ctx: RuleContext) -> Iterator[Violation]:
    """A region code is a region code on the day it is used.

    Uses of a code, each checked against the registry's code history
    (:func:`adminnet.regions.get` with ``as_of``): the region of a party's agency on
    the agreement's signing date; the region of an event on its day; the region of a
    position's agency on the start of a tenure; the region a measurement is about
    (any level, a desa as well as a provinsi) on its date. A 2016 agreement may name a code that
    was retired later (Kabupaten Sorong 92.01 until 2022); a 2023 one may not.

    Imprecise dates: the code is looked up on the first and the last day the date may
    denote. Unknown on both: error (surely not a code then); unknown on one only:
    warning. Uses with no date (no signing date, no tenure start) are not checked.
    """
    index = ctx.index
    ds = ctx.dataset
    for g, i, _party, agency, lo, hi in index.signed_parties():
        if agency.region_code is None:
            continue
        field = f"parties[{i}].agency_id"
        when = str(g.signed_on)
        yield from _check_code(ctx, g, field, agency, agency.region_code, lo, hi, when)
    for e in ds.events:
        if e.region_code is None:
            continue
        d = day(e.date)
        yield from _check_code(ctx, e, "region_code", None, e.region_code, d, d, iso(d))
    for t, agency in index.tenure_agencies():
        start = t.period.start
        if start is None or agency.region_code is None:
            continue
        lo, hi = bounds(start)
        yield from _check_code(
            ctx, t, "period.start", agency, agency.region_code, lo, hi, str(start)
        )
    for m in ds.measurements:
        if m.region_code is None:
            continue
        lo, hi = bounds(m.on)
        yield from _check_code(ctx, m, "region_code", None, m.region_code, lo, hi, str(m.on))


RULES: Final[tuple[Rule, ...]] = (dangling_reference, region_unknown_at_date)
"""Aturan bawaan (the built-in rules of this module)."""
