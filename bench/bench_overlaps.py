"""Benchmark the overlap rules TEN001 and AGR006 on adversarial inputs (issue 16).

Usage (from the repository root)::

    .venv/bin/python bench/bench_overlaps.py            # run, print, update RESULTS.md
    .venv/bin/python bench/bench_overlaps.py --no-write # run and print only

Two worst cases for a per-pair report, both of which every earlier sweep reported as
n(n-1)/2 violations (2,000 tenures gave 1,999,000 violations in 17.8 s and 0.98 GB):

- ``100,000`` definitive tenures of one bupati position, every one with the
  year-only period ``2015``/``2020`` (so all overlap every other, possibly and surely);
- ``4,000`` identical nota kesepahaman between the same two agencies on the same
  area, in force from 2017-03-16 with no end.

Budget: each check in seconds (under 10 s) with at most one violation per entity.
Reported: the time of one ``rules.check`` of the rule alone and the number of
violations. Rows (``rules: overlaps``) go to ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from run_all import row, write_rows

from adminnet import rules
from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement, CooperationArea, Party
from adminnet.model.dataset import Dataset
from adminnet.model.position import Capacity, Position, Role, Tenure
from adminnet.time import PartialDate, Period

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_overlaps.py"
PREFIX = "rules: overlaps"
BUDGET_S = 10.0
N_TENURES = 100_000
N_AGREEMENTS = 4_000


def tenures(n: int = N_TENURES) -> Dataset:
    """``n`` definitive tenures of one position, all over 2015-2020 (year-only dates)."""
    agency = Agency(
        id="pemkab-3201",
        name="Pemerintah Kabupaten Bogor",
        kind="pemerintah_kabupaten",
        region_code="32.01",
    )
    position = Position(
        id="bupati-bogor", agency_id=agency.id, role=Role.BUPATI, title="Bupati Bogor"
    )
    period = Period(start=PartialDate.parse("2015"), end=PartialDate.parse("2020"))
    held = tuple(
        Tenure(
            id=f"t{i}",
            person_id=f"p{i}",
            position_id=position.id,
            period=period,
            capacity=Capacity.DEFINITIF,
        )
        for i in range(n)
    )
    return Dataset(agencies=(agency,), positions=(position,), tenures=held)


def agreements(n: int = N_AGREEMENTS) -> Dataset:
    """``n`` identical MoUs between LAN and Pemkot Ambon on policy studies, no end."""
    parties = (Party(agency_id="lan"), Party(agency_id="pemkot-8171"))
    effective = Period(start=PartialDate.parse("2017-03-16"))
    same = tuple(
        Agreement(
            id=f"g{i}",
            kind="nota_kesepahaman",
            title="Nota Kesepahaman",
            parties=parties,
            effective=effective,
            areas=(CooperationArea.KAJIAN_KEBIJAKAN,),
        )
        for i in range(n)
    )
    return Dataset(agreements=same)


def timed(ds: Dataset, code: str) -> tuple[float, int]:
    """Seconds of one check of ``code`` alone, and the number of violations."""
    start = time.perf_counter()
    report = rules.check(ds, at="2024-01-01", select=code)
    return time.perf_counter() - start, len(report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args(argv)
    rows = []
    for label, ds, code, n in (
        (
            f"TEN001, {N_TENURES:,} overlapping tenures of one position",
            tenures(),
            "TEN001",
            N_TENURES,
        ),
        (f"AGR006, {N_AGREEMENTS:,} identical agreements", agreements(), "AGR006", N_AGREEMENTS),
    ):
        seconds, found = timed(ds, code)
        print(f"{label}: {seconds:.2f} s, {found:,} violations (<= {n:,})")
        assert found <= n, "more than one violation per entity"
        rows.append(
            row(
                f"{PREFIX}: {label}",
                f"< {BUDGET_S:.0f} s, <= 1 violation per entity",
                f"{seconds:.2f} s, {found:,} violations",
                COMMAND,
            )
        )
    if not args.no_write:
        write_rows(rows, path=RESULTS, prefixes=[PREFIX])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
