"""The overlap rules TEN001 and AGR006 report per entity, in O(n log n) (issue 16)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from adminnet import rules
from adminnet.rules._spans import earlier_overlaps
from fuzz.growth import assert_linear

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _bench() -> object:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_overlaps", BENCH / "bench_overlaps.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)


@given(spans, st.integers(0, 5))
def test_counts_match_every_pair(items: list[tuple[int, int]], tolerance: int) -> None:
    """The sweep counts exactly the pairs sharing more than ``tolerance`` days."""
    keyed = [(lo, hi, f"k{i:02d}", i) for i, (lo, hi) in enumerate(items)]
    order = sorted(keyed, key=lambda s: (s[0], s[1], s[2]))
    expected = {}
    for j, (lo, hi, _, i) in enumerate(order):
        partners = [o for o in order[:j] if min(hi, o[1]) - max(lo, o[0]) + 1 > tolerance]
        if partners:
            expected[i] = (len(partners), {o[3] for o in partners})
    got = {o.item: o for o in earlier_overlaps(keyed, tolerance=tolerance)}
    assert set(got) == set(expected)
    for i, found in got.items():
        count, partners = expected[i]
        assert found.count == count
        assert len(found.named) == min(count, 3)
        assert {n[3] for n in found.named} <= partners


def test_ten001_one_violation_per_tenure() -> None:
    """2,000 mutually overlapping tenures: 1,999 errors (not 1,999,000), each with a count."""
    ds = _bench().tenures(2_000)  # type: ignore[attr-defined]
    report = rules.check(ds, at="2024-01-01", select="TEN001")
    assert len(report) == 1_999
    assert {v.severity.value for v in report} == {"error"}
    counts = sorted(
        int(v.message.split("together with ")[1].split()[0])
        for v in report
        if "others" in v.message
    )
    assert counts == list(range(2, 2_000))  # the sweep's later tenure names the earlier
    last = next(v for v in report if "together with 1999 others" in v.message)
    assert last.message.endswith("; and 1996 more")


def test_agr006_one_violation_per_agreement() -> None:
    """4,000 identical agreements: 3,999 warnings, each naming three and a count."""
    ds = _bench().agreements(4_000)  # type: ignore[attr-defined]
    report = rules.check(ds, at="2024-01-01", select="AGR006")
    assert len(report) == 3_999
    assert sum(v.message.endswith(" more)") for v in report) == 3_999 - 3
    assert any(v.message.endswith("and 3995 more)") for v in report)


def test_overlap_time_grows_near_linearly() -> None:
    """Time of TEN001 at 1,000 and 16,000 tenures: ratio far below the quadratic 256."""
    bench = _bench()

    assert_linear(
        lambda ds: rules.check(ds, at="2024-01-01", select="TEN001"),
        bench.tenures,  # type: ignore[attr-defined]
        sizes=(1_000, 16_000),
        limit=64,
    )
