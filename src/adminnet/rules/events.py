"""Aturan acara (built-in rules on events).

- ``EVT001`` the chair and the witnesses held an office on the event's day;
- ``EVT002`` an agreement of an event is signed on the event's day;
- ``EVT003`` an agreement and its event name each other consistently.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from adminnet.errors import AdminnetError
from adminnet.model.agreement import Agreement
from adminnet.model.event import Event
from adminnet.rules._rule import Rule, RuleContext, Violation, rule
from adminnet.rules._spans import bounds, day, iso, possible

__all__ = [
    "RULES",
    "event_agreement_mismatch",
    "officials_not_in_office",
    "signed_off_event_day",
]


@rule(
    code="EVT001",
    severity="warning",
    basis=(
        "Protocol of signings: an official chairs or witnesses in an office (e.g. the MoU"
        " signing of 16 March 2017, witnessed by the Menteri PANRB)"
    ),
)
def officials_not_in_office(ctx: RuleContext) -> Iterator[Violation]:
    """The chair and the witnesses of an event held an office on its day.

    Each person named as ``chair_id`` or in ``witness_ids`` must have a tenure (any
    position, any capacity) that may cover the event's day (its date in the event's
    own timezone); an open end of a tenure may. Reported when no tenure of the person
    can cover the day (surely not in office, or no tenure recorded). Attendees are not
    checked; persons that resolve to nothing are left to REF001. Always a warning.
    """
    index = ctx.index
    persons = index.persons
    by_person = index.tenures_by_person
    for e in ctx.dataset.events:
        d = day(e.date)
        named = []
        if e.chair_id is not None:
            named.append(("chair", "chair_id", e.chair_id))
        named.extend(("witness", f"witness_ids[{i}]", w) for i, w in enumerate(e.witness_ids))
        for role, field, pid in named:
            if pid not in persons:
                continue
            tenures = by_person.get(pid, [])
            if any(lo <= d <= hi for lo, hi in (possible(t.period) for t in tenures)):
                continue
            yield ctx.violation(
                e,
                field=field,
                params={"value": pid, "on": iso(d)},
                variant=f"{role}_{'none' if not tenures else 'other'}",
            )


def _event_days(e: Event) -> tuple[int, int]:
    first = day(e.date)
    if e.end is None:
        return first, first
    try:
        last = day(e.end.astimezone(e.start.tzinfo).date())
    except (AdminnetError, ValueError, OverflowError, TypeError):
        return first, first
    return first, max(first, last)


def _agreements_of(ctx: RuleContext, e: Event) -> list[Agreement]:
    index = ctx.index
    found: dict[str, Agreement] = {}
    for aid in e.agreement_ids:
        g = index.agreements.get(aid)
        if g is not None:
            found[g.id] = g
    for g in index.agreements_by_event.get(e.id, ()):
        found[g.id] = g
    return [found[k] for k in sorted(found)]


@rule(
    code="EVT002",
    severity="error",
    basis="An agreement signed at an event is signed on that event's day (the signing date)",
)
def signed_off_event_day(ctx: RuleContext) -> Iterator[Violation]:
    """An agreement of an event is signed on the event's day.

    An agreement listed in an event's ``agreement_ids`` or naming the event in its
    ``event_id`` must have a signing date that may fall on the event's day (its date in
    the event's own timezone; any day from start to end for a multi-day event). A
    signing date that surely falls on another day: error, on the agreement. A less
    precise signing date that contains the day (``2017-03`` for 16 March 2017) is not
    reported: the event supplies the day. Agreements with no signing date are not
    judged.
    """
    for e in ctx.dataset.events:
        first, last = _event_days(e)
        for g in _agreements_of(ctx, e):
            if g.signed_on is None:
                continue
            lo, hi = bounds(g.signed_on)
            if hi < first or lo > last:
                params = {
                    "value": str(g.signed_on),
                    "event": e.id,
                    "first": iso(first),
                    "last": iso(last),
                }
                yield ctx.violation(
                    g,
                    field="signed_on",
                    params=params,
                    variant=None if first == last else "days",
                )


@rule(
    code="EVT003",
    severity="warning",
    basis="Data integrity: an agreement's event_id and its event's agreement_ids agree",
)
def event_agreement_mismatch(ctx: RuleContext) -> Iterator[Violation]:
    """An agreement and its event name each other consistently.

    An event that lists an agreement whose ``event_id`` names another event is
    reported on the event; an agreement that names an event whose non-empty
    ``agreement_ids`` leaves it out is reported on the agreement. An agreement with
    no ``event_id``, or an event with no ``agreement_ids``, is incomplete, not
    inconsistent, and not reported. Always a warning.
    """
    index = ctx.index
    for e in ctx.dataset.events:
        for i, aid in enumerate(e.agreement_ids):
            g = index.agreements.get(aid)
            if g is not None and g.event_id is not None and g.event_id != e.id:
                yield ctx.violation(
                    e,
                    field=f"agreement_ids[{i}]",
                    params={"value": aid, "event": g.event_id},
                    variant="event",
                )
    events = index.events
    for g in ctx.dataset.agreements:
        if g.event_id is None:
            continue
        event = events.get(g.event_id)
        if event is not None and event.agreement_ids and g.id not in event.agreement_ids:
            yield ctx.violation(g, field="event_id", params={"value": event.id})


RULES: Final[tuple[Rule, ...]] = (
    officials_not_in_office,
    signed_off_event_day,
    event_agreement_mismatch,
)
"""Aturan bawaan (the built-in rules of this module)."""
