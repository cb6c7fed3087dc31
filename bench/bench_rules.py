"""Benchmark adminnet.rules.check on a synthetic dataset of 100,000 tenures.

Usage (from the repository root)::

    .venv/bin/python bench/bench_rules.py            # run, print, update RESULTS.md
    .venv/bin/python bench/bench_rules.py --no-write # run and print only

The dataset is deterministic (a seeded generator) and every entity is a valid
construction: 708 agencies (100 kementerian, 100 LPNK and the 508 governments of the
autonomous kabupaten/kota of the region registry), about 5,000 positions, 100,000
tenures (successive terms with shared handover days, Pj. terms of regional heads,
Plt. stand-ins inside terms, some dates known only to the month), 40,000 persons
(some with a NIP), 10,000 agreements (MoUs between a central agency and a local
government, signed by the heads in office, and PKS under them), 500 signing events,
1,000 SPBE targets and 5,000 measurements.

Budget (issue 6): ``check()`` with every built-in rule in under 5 s. Reported: the
first check (cold: registry and region lookups) and the median of three warm checks
(the dataset's own indexes are rebuilt on each check; only the region registry and
the rules' date cache stay warm). The rows (``rules:``, no peer) go to
``bench/RESULTS.md`` through ``run_all.write_rows``.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import gc
import random
import statistics
import time
from decimal import Decimal
from pathlib import Path

import pendulum
from run_all import row, write_rows

from adminnet import regions, rules
from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement, CooperationArea, Party
from adminnet.model.dataset import Dataset
from adminnet.model.digital import SPBE_INDEX, DigitalizationTarget, Measurement
from adminnet.model.event import Event
from adminnet.model.person import Person
from adminnet.model.position import Capacity, Position, Role, Tenure
from adminnet.time import PartialDate, Period

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
COMMAND = ".venv/bin/python bench/bench_rules.py"
PREFIX = "rules:"
BUDGET_S = 5.0

N_TENURES = 100_000
N_AGREEMENTS = 10_000
N_PERSONS = 40_000
TENURES_PER_POSITION = 20
FIRST_DAY = dt.date(1990, 1, 1).toordinal()
AREAS = [a for a in CooperationArea if a is not CooperationArea.OTHER]


def _pd(ordinal: int, *, month_only: bool = False) -> PartialDate:
    d = dt.date.fromordinal(ordinal)
    if month_only:
        return PartialDate(year=d.year, month=d.month)
    return PartialDate(year=d.year, month=d.month, day=d.day)


class _Schedule:
    """Who held a position when: sorted (start, end, person, capacity) of filling terms."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.terms: list[tuple[int, int, str]] = []

    def add(self, start: int, end: int, person: str) -> None:
        self.starts.append(start)
        self.terms.append((start, end, person))

    def holder(self, day: int) -> str | None:
        i = bisect.bisect_right(self.starts, day) - 1
        # The later term wins on a shared handover day.
        if i >= 0 and self.terms[i][0] <= day <= self.terms[i][1]:
            return self.terms[i][2]
        return None


def build(seed: int = 2017) -> Dataset:
    """The synthetic dataset (deterministic for a seed)."""
    rng = random.Random(seed)
    agencies: list[Agency] = []
    central: list[Agency] = []
    local: list[Agency] = []
    first_day: dict[str, int] = {}
    for i in range(100):
        a = Agency(id=f"kementerian-{i:03d}", name=f"Kementerian {i}", kind="kementerian")
        agencies.append(a)
        central.append(a)
    for i in range(100):
        a = Agency(id=f"lpnk-{i:03d}", name=f"Badan {i}", kind="lembaga_pemerintah_nonkementerian")
        agencies.append(a)
        central.append(a)
    for r in regions.all(level=2):
        if not r.is_autonomous:
            continue
        kind = "pemerintah_kota" if r.kind.value == "kota" else "pemerintah_kabupaten"
        prefix = "pemkot" if kind == "pemerintah_kota" else "pemkab"
        a = Agency(
            id=f"{prefix}-{r.code.replace('.', '')}",
            name=f"Pemerintah {r.official_name}",
            kind=kind,
            region_code=r.code,
        )
        agencies.append(a)
        local.append(a)
        start = r.valid.start or regions.get(r.code[:2]).valid.start  # type: ignore[union-attr]
        if start is not None:  # a code of the 2022 Papua split: valid from its UU
            first_day[a.id] = start.latest.toordinal()

    positions: list[Position] = []
    heads: dict[str, Position] = {}
    for a in agencies:
        if a.kind.value == "kementerian":
            roles = [Role.MENTERI, Role.SEKRETARIS_KEMENTERIAN]
        elif a.kind.value == "lembaga_pemerintah_nonkementerian":
            roles = [Role.KEPALA, Role.SEKRETARIS_UTAMA]
        elif a.kind.value == "pemerintah_kota":
            roles = [Role.WALI_KOTA, Role.WAKIL_WALI_KOTA, Role.SEKRETARIS_DAERAH]
        else:
            roles = [Role.BUPATI, Role.WAKIL_BUPATI, Role.SEKRETARIS_DAERAH]
        roles += [Role.OTHER] * (7 - len(roles))
        for j, role in enumerate(roles):
            p = Position(
                id=f"{a.id}-{j}", agency_id=a.id, role=role, title=f"{role.label} {a.name}"
            )
            positions.append(p)
            if j == 0:
                heads[a.id] = p

    persons = []
    for i in range(N_PERSONS):
        nip = None
        if i % 10 == 0:
            birth = dt.date(1950, 1, 1) + dt.timedelta(days=i % 3650)
            nip = f"{birth:%Y%m%d}{1980 + i % 9}{1 + i % 12:02d}{1 + i % 2}{1 + i % 999:03d}"
        persons.append(Person(id=f"p{i:05d}", name=f"Pegawai {i}", nip=nip))

    tenures: list[Tenure] = []
    schedules: dict[str, _Schedule] = {}
    cursor: dict[str, int] = {}
    n = 0
    while n < N_TENURES:
        for p in positions:
            if n >= N_TENURES:
                break
            sched = schedules.setdefault(p.id, _Schedule())
            if p.id in cursor:
                day = cursor[p.id]
            else:
                day = max(FIRST_DAY, first_day.get(p.agency_id, 0)) + rng.randrange(365)
            k = len(sched.terms)
            person = f"p{(n * 7919) % N_PERSONS:05d}"
            capacity = Capacity.DEFINITIF
            length = rng.randrange(700, 1800)
            if p.role.is_regional_head and k % 5 == 4:
                capacity, length = Capacity.PENJABAT, rng.randrange(120, 365)
            month_only = k % 13 == 12
            start, end = day, day + length
            if month_only:  # imprecise dates, with a gap that keeps the terms apart
                start = day + 40
                end = start + length
            tenures.append(
                Tenure(
                    id=f"t{n:06d}",
                    person_id=person,
                    position_id=p.id,
                    period=Period(
                        start=_pd(start, month_only=month_only),
                        end=_pd(end, month_only=month_only),
                    ),
                    capacity=capacity,
                )
            )
            if month_only:  # only the days surely in office count as held
                sched.add(start + 31, end - 31, person)
                cursor[p.id] = end + 40
            else:
                sched.add(start, end, person)
                cursor[p.id] = end
            n += 1
            if n < N_TENURES and k % 7 == 3:  # a Plt. standing in during the term
                tenures.append(
                    Tenure(
                        id=f"t{n:06d}",
                        person_id=f"p{(n * 7919) % N_PERSONS:05d}",
                        position_id=p.id,
                        period=Period(start=_pd(start + 100), end=_pd(start + 130)),
                        capacity=Capacity.PELAKSANA_TUGAS,
                    )
                )
                n += 1

    agreements: list[Agreement] = []
    mous: dict[tuple[str, str], list[Agreement]] = {}
    events: list[Event] = []
    last_day = dt.date(2024, 12, 31).toordinal()
    while len(agreements) < N_AGREEMENTS:
        c = rng.choice(central)
        lg = rng.choice(local)
        day = rng.randrange(FIRST_DAY + 800, last_day)
        sc = schedules[heads[c.id].id].holder(day)
        sl = schedules[heads[lg.id].id].holder(day)
        if sc is None or sl is None:
            continue
        i = len(agreements)
        parent = None
        earlier = mous.get((c.id, lg.id))
        kind = "nota_kesepahaman"
        start, end = day, day + rng.randrange(365, 5 * 365)
        if earlier and i % 5 == 0:
            parent = earlier[-1]
            p_start = parent.effective.start
            p_end = parent.effective.end
            assert p_start is not None
            assert p_end is not None
            lo, hi = p_start.earliest.toordinal(), p_end.earliest.toordinal()
            if hi - lo > 60:
                kind = "perjanjian_kerja_sama"
                start = lo + rng.randrange(0, (hi - lo) // 2)
                end = min(hi, start + 365)
                sc = schedules[heads[c.id].id].holder(start)
                sl = schedules[heads[lg.id].id].holder(start)
                if sc is None or sl is None:
                    continue
            else:
                parent = None
        areas = rng.sample(AREAS, rng.randrange(1, 3))
        event_id = f"e{i:05d}" if i < 500 else None
        g = Agreement(
            id=f"g{i:05d}",
            kind=kind,
            title=f"Kerja sama {c.name} dan {lg.name}",
            parties=(
                Party(agency_id=c.id, signatory_id=sc),
                Party(agency_id=lg.id, signatory_id=sl),
            ),
            signed_on=_pd(start),
            effective=Period(start=_pd(start), end=_pd(end)),
            areas=areas,
            parent_id=None if parent is None else parent.id,
            event_id=event_id,
        )
        agreements.append(g)
        if kind == "nota_kesepahaman":
            mous.setdefault((c.id, lg.id), []).append(g)
        if event_id is not None:
            d = dt.date.fromordinal(start)
            events.append(
                Event(
                    id=event_id,
                    kind="penandatanganan",
                    name=f"Penandatanganan {g.id}",
                    start=pendulum.datetime(d.year, d.month, d.day, 10, tz="Asia/Jakarta"),
                    organizer_id=c.id,
                    chair_id=sc,
                    witness_ids=(sl,) if sl != sc else (),
                    agreement_ids=(g.id,),
                )
            )

    targets = []
    measurements = []
    for i in range(1000):
        a = agencies[(i * 37) % len(agencies)]
        base = Decimal(rng.randrange(100, 250)) / 100
        targets.append(
            DigitalizationTarget(
                id=f"spbe-{i:04d}",
                agency_id=a.id,
                indicator=SPBE_INDEX,
                target_value=base + 1,
                baseline=Measurement(indicator=SPBE_INDEX, value=base, on="2018", agency_id=a.id),
                due="2024",
            )
        )
        for year in range(2019, 2024):
            value = min(Decimal(5), base + Decimal(rng.randrange(0, 150)) / 100)
            measurements.append(
                Measurement(indicator=SPBE_INDEX, value=value, on=str(year), agency_id=a.id)
            )
    return Dataset(
        agencies=tuple(agencies),
        persons=tuple(persons),
        positions=tuple(positions),
        tenures=tuple(tenures),
        agreements=tuple(agreements),
        events=tuple(events),
        targets=tuple(targets),
        measurements=tuple(measurements),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark adminnet.rules.check")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    ds = build()
    built = time.perf_counter() - t0
    print(f"built {ds.summary()} in {built:.1f} s")

    gc.collect()
    t0 = time.perf_counter()
    report = rules.check(ds, at="2025-01-01")
    cold = time.perf_counter() - t0
    warm = []
    for _ in range(args.runs):
        gc.collect()
        t0 = time.perf_counter()
        rules.check(ds, at="2025-01-01")
        warm.append(time.perf_counter() - t0)
    median = statistics.median(warm)
    print(f"check: first {cold:.2f} s, median of {args.runs} warm runs {median:.2f} s")
    print(f"violations: {len(report.errors)} errors, {len(report.warnings)} warnings")
    for code, count in report.counts().items():
        print(f"  {code}: {count}")
    print("budget ok" if max(cold, median) < BUDGET_S else f"OVER BUDGET ({BUDGET_S} s)")

    what = f"{N_TENURES:,} tenures, {N_AGREEMENTS:,} agreements, {len(report.rules)} rules"
    rows = [
        row(
            f"{PREFIX} check {what}, {label}",
            f"< {BUDGET_S:.1f} s: {'ok' if seconds < BUDGET_S else 'OVER'}",
            f"{seconds:.2f} s",
            COMMAND,
        )
        for label, seconds in (("first run", cold), ("warm (median)", median))
    ]
    if not args.no_write:
        write_rows(rows, path=RESULTS, prefixes=[PREFIX])
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
