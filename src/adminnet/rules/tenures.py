"""Aturan masa jabatan (built-in rules on tenures).

- ``TEN001`` a single-holder position is filled by one holder at a time;
- ``TEN002`` Pj. and Pjs. only for regional heads, never with a wakil title;
- ``TEN003`` a Pj. term of more than a year needs a renewing decree;
- ``TEN004`` a tenure lies within the life of its agency.

A tenure's open end (``None``) means *ongoing or unknown*; these rules read it as
unknown, so it never makes a tenure surely wrong (see :mod:`adminnet.rules._spans`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from adminnet.model.position import Capacity, Role, Tenure
from adminnet.rules._rule import Rule, RuleContext, Violation, rule
from adminnet.rules._spans import Overlaps, bounds, capped, day, earlier_overlaps, iso, sure

__all__ = [
    "RULES",
    "acting_capacity_misused",
    "overlapping_holders",
    "penjabat_term_too_long",
    "tenure_outside_agency",
]

_FILLING: Final = frozenset({Capacity.DEFINITIF, Capacity.PENJABAT})


@rule(
    code="TEN001",
    severity="error",
    basis=(
        "One holder per post: UU 23/2014 Pasal 59-65 (one kepala daerah and one wakil);"
        " UU 10/2016 Pasal 201(9)-(11) (a Pj. fills a vacant post only); UU 39/2008 (one"
        " menteri per kementerian)"
    ),
    params={"handover_days": 1},
)
def overlapping_holders(ctx: RuleContext) -> Iterator[Violation]:
    """A single-holder position has one holder at a time.

    Every position whose role is not ``other`` is single-holder. Two tenures that
    *fill* it (capacity definitif or Pj.) must not overlap; Plt., Plh. and Pjs. stand
    in for a holder and may overlap one. An overlap of at most ``handover_days`` days
    (default 1: the inauguration day, recorded as the end of one term and the start of
    the next) is not reported.

    Dates: an unrecorded end is read as unknown, not as ongoing: it gives no evidence
    of an overlap (a list of holders is read as a succession). Surely overlapping by
    more than ``handover_days`` days: error; possibly (imprecise dates): warning.

    One violation per tenure, not per pair: a tenure is reported once, on the later of
    each overlapping pair (in order of start), naming up to three earlier tenures it
    overlaps with the days they share, and how many more there are. An error when it
    surely overlaps one; otherwise a warning when it possibly does.

    Scale: tenures are grouped by position and swept in order of start, O(n log n);
    the output is at most one violation per tenure, however many pairs overlap.
    """
    tolerance = int(ctx.params["handover_days"])
    index = ctx.index
    positions = index.positions
    for position_id, group in index.tenures_by_position.items():
        if len(group) < 2:
            continue
        position = positions.get(position_id)
        if position is None or position.role is Role.OTHER:
            continue
        possibly: list[tuple[int, int, str, Tenure]] = []
        surely: list[tuple[int, int, str, Tenure]] = []
        for t in group:
            if t.capacity not in _FILLING:
                continue
            span = capped(t.period)
            if span is not None:
                possibly.append((span[0], span[1], t.id, t))
                sure_span = sure(t.period)
                if sure_span is not None:
                    surely.append((sure_span[0], sure_span[1], t.id, t))
        if len(possibly) < 2:
            continue
        reported: set[str] = set()
        for found in earlier_overlaps(surely, tolerance=tolerance):
            reported.add(found.item.id)
            yield _overlap(ctx, found, surely=True)
        for found in earlier_overlaps(possibly, tolerance=tolerance):
            if found.item.id not in reported:
                yield _overlap(ctx, found, surely=False)


def _overlap(ctx: RuleContext, found: Overlaps[Tenure], *, surely: bool) -> Violation:
    t = found.item
    who = f"{t.person_id} ({t.capacity.label})"
    parts = []
    for o_lo, o_hi, _, other in found.named:
        lo, hi = max(found.span[0], o_lo), min(found.span[1], o_hi)
        them = ctx.phrase(
            "holder", person=other.person_id, capacity=other.capacity.label, tenure=other.id
        )
        parts.append((them, iso(lo), iso(hi)))
    more = found.count - len(parts)
    tail = ctx.phrase("more", count=more) if more else ""
    params: dict[str, object] = {"who": who, "position": t.position_id, "count": found.count}
    if found.count == 1:
        them, first, last = parts[0]
        params.update(them=them, lo=first, hi=last)
        variant = None if surely else "possibly"
    else:
        part = "part" if surely else "part_possibly"
        listed = "; ".join(ctx.phrase(part, them=w, lo=a, hi=b) for w, a, b in parts)
        params.update(listed=listed, tail=tail)
        variant = "several" if surely else "several_possibly"
    if surely:
        return ctx.error(t, field="period", params=params, variant=variant)
    return ctx.warning(t, field="period", params=params, variant=variant)


_PJ_ROLES: Final = frozenset({Role.GUBERNUR, Role.BUPATI, Role.WALI_KOTA, Role.SEKRETARIS_DAERAH})
_PJS_ROLES: Final = frozenset({Role.GUBERNUR, Role.BUPATI, Role.WALI_KOTA})


@rule(
    code="TEN002",
    severity="error",
    basis=(
        "UU 10/2016 Pasal 201(9)-(11) and Permendagri 4/2023 (Pj. gubernur, bupati, wali"
        " kota); Permendagri 74/2016 jo. 1/2018 (Pjs. during campaign leave); Perpres"
        " 3/2018 (Pj. sekretaris daerah); a Pj. has no elected deputy (domain facts §4)"
    ),
)
def acting_capacity_misused(ctx: RuleContext) -> Iterator[Violation]:
    """Pj. and Pjs. capacities only for regional heads, never with a wakil title.

    A Penjabat (Pj.) fills a vacant gubernur, bupati or wali kota post (UU 10/2016
    Pasal 201); a Penjabat Sementara (Pjs.) stands in while the head and deputy are on
    campaign leave. Neither exists for a wakil (deputy) post. The one other Pj. in law,
    the Pj. sekretaris daerah (Perpres 3/2018), is accepted; Plt. and Plh. fit any
    post. Positions with the role ``other`` (a Pj. kepala desa, say) are not judged,
    and tenures of a position that resolves to nothing are left to REF001. Always an
    error.
    """
    positions = ctx.index.positions
    for t in ctx.dataset.tenures:
        capacity = t.capacity
        if capacity is Capacity.PENJABAT:
            allowed = _PJ_ROLES
        elif capacity is Capacity.PENJABAT_SEMENTARA:
            allowed = _PJS_ROLES
        else:
            continue
        position = positions.get(t.position_id)
        if position is None or position.role is Role.OTHER or position.role in allowed:
            continue
        yield ctx.violation(
            t,
            field="capacity",
            params={
                "capacity": capacity.label,
                "title": position.title,
                "role": position.role.label,
            },
            variant="wakil" if position.role.is_deputy else None,
        )


@rule(
    code="TEN003",
    severity="warning",
    basis=(
        "UU 10/2016 Pasal 201(9)-(11): a Pj. serves one year, extendable by one year (the"
        " same or another person) by a new decree; Permendagri 4/2023"
    ),
    params={"max_days": 365},
)
def penjabat_term_too_long(ctx: RuleContext) -> Iterator[Violation]:
    """A Pj. term lasts at most one year on one decree.

    A Pj. is appointed for one year; each extension is a new decree, which the data
    should record as a new tenure with its own ``basis``. A single Pj. tenure whose
    length (days from start to end) is surely more than ``max_days`` (default 365)
    is reported; so is an open Pj. tenure (no end recorded) that started surely more
    than ``max_days`` days before ``at``. A term only possibly too long (imprecise
    dates) is not reported. Always a warning: the extension may exist but be missing
    from the data.
    """
    limit = int(ctx.params["max_days"])
    at = day(ctx.at)
    for t in ctx.dataset.tenures:
        if t.capacity is not Capacity.PENJABAT:
            continue
        start, end = t.period.start, t.period.end
        if start is None:
            continue
        s_hi = bounds(start)[1]
        if end is not None:
            shortest = bounds(end)[0] - s_hi
            if shortest > limit:
                yield ctx.violation(
                    t,
                    field="period",
                    params={"value": str(t.period), "days": shortest, "limit": limit},
                )
        elif at - s_hi > limit:
            yield ctx.violation(
                t,
                field="period",
                params={"start": str(start), "limit": limit, "at": ctx.at.isoformat()},
                variant="open",
            )


@rule(
    code="TEN004",
    severity="error",
    basis=(
        "An office ends with its agency (e.g. KASN, dissolved by UU 20/2023; Kemendes PDTT,"
        " split by Perpres 139/2024)"
    ),
)
def tenure_outside_agency(ctx: RuleContext) -> Iterator[Violation]:
    """A tenure lies within the life of its position's agency.

    A tenure of an agency that was dissolved (its ``valid`` period has an end) must
    not continue after that end; nor may a tenure begin before the agency was founded
    (a known ``valid`` start). The agency is the dataset's or the catalog's.

    Dates: a day surely in office surely after the agency's end (or a start surely
    after it): error; possibly after (imprecise dates): warning; and the same before
    the agency's start. An unrecorded tenure end is read as unknown, never as after.
    """
    for t, agency in ctx.index.tenure_agencies():
        valid = agency.valid
        if valid.start is None and valid.end is None:
            continue
        span = capped(t.period)
        if span is None:
            continue
        sure_span = sure(t.period)
        start, end = t.period.start, t.period.end
        if valid.end is not None:
            a_lo, a_hi = bounds(valid.end)
            if (sure_span is not None and sure_span[1] > a_hi) or (
                start is not None and bounds(start)[0] > a_hi
            ):
                params = {"value": str(t.period), "agency": agency.id, "date": str(valid.end)}
                yield ctx.error(t, field="period", params=params)
            elif span[1] > a_lo:
                params = {"value": str(t.period), "agency": agency.id, "date": str(valid.end)}
                yield ctx.warning(t, field="period", params=params, variant="possibly")
        if valid.start is not None:
            a_lo, a_hi = bounds(valid.start)
            if (sure_span is not None and sure_span[0] < a_lo) or (
                end is not None and bounds(end)[1] < a_lo
            ):
                params = {"value": str(t.period), "agency": agency.id, "date": str(valid.start)}
                yield ctx.error(t, field="period", params=params, variant="before")
            elif span[0] < a_hi:
                params = {"value": str(t.period), "agency": agency.id, "date": str(valid.start)}
                yield ctx.warning(t, field="period", params=params, variant="before_possibly")


RULES: Final[tuple[Rule, ...]] = (
    overlapping_holders,
    acting_capacity_misused,
    penjabat_term_too_long,
    tenure_outside_agency,
)
"""Aturan bawaan (the built-in rules of this module)."""
