"""rules.check on drawn datasets, consistent or not: violations, never a crashed rule."""

from __future__ import annotations

import datetime as _dt

from hypothesis import given
from hypothesis import strategies as st

from adminnet import rules, strategies
from adminnet.model.dataset import Dataset

from .contract import call, slow_fuzz

_days = st.dates(min_value=_dt.date(1990, 1, 1), max_value=_dt.date(2035, 12, 31))


@st.composite
def _jumbled(draw: st.DrawFn) -> object:
    """Entities drawn apart, thrown together: dangling ids, overlaps, duplicates."""
    small = {"max_size": 4}
    return call(
        Dataset,
        agencies=draw(st.lists(strategies.agencies(), **small)),
        persons=draw(st.lists(strategies.persons(), **small)),
        positions=draw(st.lists(strategies.positions(), **small)),
        tenures=draw(st.lists(strategies.tenures(), **small)),
        agreements=draw(st.lists(strategies.agreements(), **small)),
        events=draw(st.lists(strategies.events(), max_size=2)),
        services=draw(st.lists(strategies.public_services(), max_size=2)),
        targets=draw(st.lists(strategies.digitalization_targets(), max_size=2)),
        measurements=draw(st.lists(strategies.measurements(), max_size=2)),
    )


@slow_fuzz
@given(st.one_of(strategies.datasets(), _jumbled()), _days)
def test_check_reports_and_never_crashes(dataset: object, at: _dt.date) -> None:
    """Every built-in rule runs on any dataset the model can build; RuleFailure is a bug."""
    if not isinstance(dataset, Dataset):
        return  # the model refused it (duplicate ids) with an adminnet error
    report = call(rules.check, dataset, at=at)
    assert isinstance(report, rules.Report), report
    for form in (report.to_text(), report.to_json(), report._repr_html_()):
        assert isinstance(form, str)
    counts: dict[tuple[str, str], int] = {}
    for v in report:
        counts[(v.code, v.entity_id)] = counts.get((v.code, v.entity_id), 0) + 1
    # The overlap rules report once per entity (issue 16): at most an error or a warning.
    assert all(n <= 2 for (code, _), n in counts.items() if code in ("TEN001", "AGR006"))
