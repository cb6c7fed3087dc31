"""Aturan transformasi digital (built-in rules on digitalization targets).

- ``DIG001`` a target is due after its baseline;
- ``DIG002`` a target is held by an agency that still exists;
- ``DIG003`` a target is on track as of the day of the check.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from adminnet.errors import AdminnetError
from adminnet.model.digital import DigitalizationTarget, Measurement
from adminnet.rules._rule import Rule, RuleContext, Violation, rule
from adminnet.rules._spans import bounds, day

__all__ = ["RULES", "target_agency_gone", "target_due_before_baseline", "target_off_track"]


@rule(
    code="DIG001",
    severity="error",
    basis="A target is set from a baseline towards a later due date (Perpres 95/2018 SPBE plans)",
)
def target_due_before_baseline(ctx: RuleContext) -> Iterator[Violation]:
    """A target's due date is not before its baseline.

    The target constructor already refuses a due date surely before the baseline's
    date; this rule also reports (as a warning) a due date only possibly before it
    (``due="2018"`` with a baseline of ``2018-06``: the target may fall due before the
    baseline was measured). Surely before: error; possibly: warning. Targets with no
    due date or no baseline are not judged.
    """
    for t in ctx.dataset.targets:
        if t.due is None or t.baseline is None:
            continue
        d_lo, d_hi = bounds(t.due)
        b_lo, b_hi = bounds(t.baseline.on)
        if d_hi < b_lo:
            params = {"value": str(t.due), "baseline": str(t.baseline.on)}
            yield ctx.error(t, field="due", params=params)
        elif d_lo < b_hi:
            params = {"value": str(t.due), "baseline": str(t.baseline.on)}
            yield ctx.warning(t, field="due", params=params, variant="possibly")


@rule(
    code="DIG002",
    severity="error",
    basis=(
        "A dissolved agency's tasks pass to its successors (e.g. Kemendes PDTT split by"
        " Perpres 139/2024; KASN dissolved by UU 20/2023)"
    ),
)
def target_agency_gone(ctx: RuleContext) -> Iterator[Violation]:
    """A target is held by an agency that still exists while it is pending.

    The agency (the dataset's or the catalog's) must exist on the target's reference
    day: ``at`` for a target with no due date, else the earlier of ``at`` and the
    last day the due date may denote. An agency whose ``valid`` period surely ended
    before that day: error (name a successor instead); possibly ended (imprecise
    dates): warning. A target long past due is not judged on an agency dissolved after
    it fell due.
    """
    index = ctx.index
    at = day(ctx.at)
    for t in ctx.dataset.targets:
        agency = index.agency(t.agency_id)
        if agency is None or agency.valid.end is None:
            continue
        ref = at if t.due is None else min(at, bounds(t.due)[1])
        e_lo, e_hi = bounds(agency.valid.end)
        after = ", ".join(agency.successor_ids)
        hint = ctx.phrase("successors", successors=after) if after else ""
        params = {"value": agency.id, "end": str(agency.valid.end), "hint": hint}
        if e_hi < ref:
            yield ctx.error(t, field="agency_id", params=params)
        elif e_lo < ref:
            yield ctx.warning(t, field="agency_id", params=params, variant="possibly")


def _latest(ctx: RuleContext, t: DigitalizationTarget, at: int) -> Measurement | None:
    candidates = ctx.index.measurements_by_key.get((t.agency_id, t.indicator.key), ())
    base_hi = None if t.baseline is None else bounds(t.baseline.on)[1]
    best: Measurement | None = None
    best_key: tuple[int, int] | None = None
    for m in candidates:
        if m.indicator != t.indicator:
            continue
        lo, hi = bounds(m.on)
        if hi > at or (base_hi is not None and lo <= base_hi):
            continue
        key = (hi, lo)
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best


def _percent(value: Decimal) -> str:
    return f"{value * 100:.0f}%"


@rule(
    code="DIG003",
    severity="warning",
    basis=(
        "SPBE monitoring and evaluation (Perpres 95/2018; PermenPANRB 59/2020): progress"
        " towards a target on a linear schedule from baseline to due date"
    ),
)
def target_off_track(ctx: RuleContext) -> Iterator[Violation]:
    """A target is on track as of ``at``.

    Uses the latest measurement of the target's agency and indicator in the dataset
    that is surely on or before ``at`` and surely after the baseline, and
    :meth:`~adminnet.model.digital.DigitalizationTarget.progress` (a linear schedule
    from baseline to due date): reported when the share of the way achieved is below
    the share of the time elapsed. Targets with no baseline or due date (no schedule)
    or no such measurement are not judged. Always a warning.
    """
    at = day(ctx.at)
    for t in ctx.dataset.targets:
        if t.baseline is None or t.due is None:
            continue
        m = _latest(ctx, t, at)
        if m is None:
            continue
        try:
            progress = t.progress(m)
        except (AdminnetError, ArithmeticError):
            continue
        if progress.on_track is not False or progress.expected is None:
            continue
        yield ctx.violation(
            t,
            params={
                "at": ctx.at.isoformat(),
                "value": str(m.value),
                "on": str(m.on),
                "achieved": _percent(progress.achieved),
                "baseline": str(t.baseline.value),
                "target": str(t.target_value),
                "expected": _percent(progress.expected),
            },
        )


RULES: Final[tuple[Rule, ...]] = (
    target_due_before_baseline,
    target_agency_gone,
    target_off_track,
)
"""Aturan bawaan (the built-in rules of this module)."""
