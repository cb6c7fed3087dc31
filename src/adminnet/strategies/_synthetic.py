"""A deterministic generator of large valid datasets (notebooks, demos, benchmarks).

Hypothesis draws are for finding bugs; a notebook or a benchmark wants one big dataset,
the same every time, made fast. :func:`synthetic_dataset` makes it from a seeded
:class:`random.Random` with the same facts as the strategies (the roles of each kind
of agency, the capacities a post allows and their term lengths, the ASN age limits in
the NIPs, the names and gelar), so that :func:`adminnet.rules.check` finds no error.

>>> from adminnet import rules
>>> from adminnet.strategies import synthetic_dataset
>>> ds = synthetic_dataset(300, seed=1, as_of="2025-06-30")
>>> len(ds.tenures)
300
>>> ds == synthetic_dataset(300, seed=1, as_of="2025-06-30")
True
>>> rules.check(ds, at="2025-06-30").errors
()
"""

from __future__ import annotations

import datetime as _dt
import functools
import random
from collections.abc import Iterator
from typing import Final

from adminnet.errors import InvalidFormat
from adminnet.ids._gender import Gender
from adminnet.ids.nip import NipKind
from adminnet.model.agency import Agency, AgencyKind
from adminnet.model.dataset import Dataset
from adminnet.model.person import Person
from adminnet.model.position import Capacity, Position, Role, Tenure
from adminnet.strategies._agencies import UNITS, agency_window, unit_of
from adminnet.strategies._common import add_years, agency_pool, slug
from adminnet.strategies._ids import make_nip
from adminnet.strategies._names import (
    _FEMALE,
    _FEMALE_LAST,
    _INITIALS,
    _MALE,
    _MALE_LAST,
    TITLE_MIXES,
)
from adminnet.strategies._tenures import TERM_DAYS, capacities_for, position_for, roles_for
from adminnet.text.names import PersonName
from adminnet.time import DateLike, PartialDate, Period, as_date

__all__ = ["MAX_SYNTHETIC_TENURES", "generate", "synthetic_dataset"]

MAX_SYNTHETIC_TENURES: Final = 1_000_000
"""The largest ``n`` :func:`synthetic_dataset` accepts."""

_CAREER_ROLES: Final = frozenset(
    {Role.SEKRETARIS_KEMENTERIAN, Role.SEKRETARIS_JENDERAL}
    | {Role.SEKRETARIS_UTAMA, Role.SEKRETARIS_DAERAH}
)
_CAREER_CAPACITIES: Final = frozenset({Capacity.PENJABAT, Capacity.PENJABAT_SEMENTARA})
_OPEN_CAPACITIES: Final = frozenset({Capacity.DEFINITIF, Capacity.PELAKSANA_TUGAS})
_AGAIN: Final = 0.35  # share of terms held by the previous holder again
_CAREER_MAX_AGE: Final = 55  # a career term starts by 55 (JPT retire at 60)
_MAX_AGE: Final = 64
EARLIEST_TERM: Final = _dt.date(2000, 1, 1).toordinal()
"""First day of the generated terms: regional autonomy (UU 22/1999) in force."""


class _Maker:
    """The state of one generated dataset: the random source, the ids taken."""

    def __init__(self, seed: int, tag: str) -> None:
        self.rng = random.Random(seed)
        self.suffix = f"-{tag}" if tag else ""
        self.ids: dict[str, int] = {}
        self.persons: list[Person] = []

    def pick(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def person(self, start: int, *, career: bool) -> Person:
        """A new person of an age to start a term on the ordinal ``start``."""
        rng = self.rng
        gender = Gender.FEMALE if rng.random() < 0.3 else Gender.MALE
        female = gender is Gender.FEMALE
        firsts = _FEMALE if female else _MALE
        parts = [rng.choice(firsts)]
        shape = rng.randrange(4)  # as _names.draw_name: Budi / Budi Santoso / ...
        if shape == 2:
            parts.append(rng.choice(_INITIALS) + ".")
        elif shape == 3:
            parts.append(rng.choice(firsts))
        if shape:
            parts.append(rng.choice(_FEMALE_LAST if female else _MALE_LAST))
        given = " ".join(parts)
        mix = rng.randrange(len(TITLE_MIXES))
        hajj = rng.random() < 0.3
        name = _name(given, female, mix, hajj)
        # age at the start: a career official (JPT, retiring at 60) 35-55, else 30-64
        age = rng.randint(35, _CAREER_MAX_AGE) if career else rng.randint(30, _MAX_AGE)
        born = add_years(_dt.date.fromordinal(start), -age).toordinal() - rng.randrange(365)
        birth = _dt.date.fromordinal(born)
        nip = None
        if career or rng.random() < 0.5:
            kind = NipKind.PNS if career or rng.random() < 0.8 else NipKind.PPPK
            nip = make_nip(self.pick, kind, birth, gender, latest=start)
        base = _slug(given) + self.suffix
        count = self.ids.get(base, 0) + 1
        self.ids[base] = count
        person = Person(
            id=base if count == 1 else f"{base}-{count}",
            name=name,
            nip=nip,
            birth_date=birth,
            gender=gender,
        )
        self.persons.append(person)
        return person

    def terms(
        self, agency: Agency, position: Position, window: tuple[int, int]
    ) -> Iterator[Tenure]:
        """The succession of terms of ``position`` from its agency's start to today."""
        rng = self.rng
        lo, hi = window
        may_stay_open = agency.valid.end is None
        allowed = capacities_for(position.role)
        weighted = (allowed[0],) * 2 + allowed  # most terms are definitif
        cursor = lo + rng.randrange(120)
        k = 0
        holder: Person | None = None
        while cursor <= hi:
            capacity = rng.choice(weighted)
            shortest, longest = TERM_DAYS[capacity]
            end: int | None = cursor + rng.randint(shortest, longest) - 1
            assert end is not None  # for mypy
            if end >= hi:
                end = None if may_stay_open and capacity in _OPEN_CAPACITIES else hi
            career = position.role in _CAREER_ROLES or capacity in _CAREER_CAPACITIES
            if holder is not None and rng.random() < _AGAIN and _fits(holder, cursor, career):
                pass  # a second term, or the Plt. made definitif
            else:
                holder = self.person(cursor, career=career)
            k += 1
            yield Tenure(
                id=f"{position.id}.t{k}{self.suffix}",
                person_id=holder.id,
                position_id=position.id,
                period=Period(start=_partial(cursor), end=None if end is None else _partial(end)),
                capacity=capacity,
            )
            if end is None:
                return
            cursor = end + 1 + rng.randrange(30)


def _fits(person: Person, start: int, career: bool) -> bool:
    """Whether ``person`` may start another term on ``start`` (age, PNS for a career)."""
    birth = person.birth_date
    assert birth is not None  # the generator records every birth date
    if career:
        record = person.nip_record
        if record is None or record.kind is not NipKind.PNS:
            return False
        return start <= add_years(birth, _CAREER_MAX_AGE).toordinal()
    return start <= add_years(birth, _MAX_AGE).toordinal()


@functools.lru_cache(maxsize=65536)
def _name(given: str, female: bool, mix: int, hajj: bool) -> PersonName:
    """The name with the gelar of ``TITLE_MIXES[mix]`` (shared: names are values)."""
    front, back = TITLE_MIXES[mix]
    prefixes = [("Dra." if female else "Drs.") if t == "Drs." else t for t in front]
    if hajj:
        prefixes.append("Hj." if female else "H.")
    return PersonName(given=given, prefixes=tuple(prefixes), suffixes=back)


_slug = functools.lru_cache(maxsize=65536)(slug)


@functools.lru_cache(maxsize=1 << 15)
def _partial(ordinal: int) -> PartialDate:
    d = _dt.date.fromordinal(ordinal)
    return PartialDate(year=d.year, month=d.month, day=d.day)


def _agencies(rng: random.Random) -> Iterator[Agency]:
    """The real agencies and, for each local government, its units, in seeded order."""
    real = list(agency_pool(None, None))
    pool: list[Agency | tuple[Agency, AgencyKind, str, str]] = [*real]
    pool += [
        (parent, kind, acronym, name)
        for parent in real
        if parent.is_local_government
        for kind, table in UNITS.items()
        for acronym, name in table
    ]
    rng.shuffle(pool)
    for item in pool:  # a unit is made when it is reached (most never are)
        yield item if isinstance(item, Agency) else unit_of(*item)


def synthetic_dataset(n: int, *, seed: int = 0, as_of: DateLike | None = None) -> Dataset:
    """Himpunan data sintetis (a large, valid dataset of ``n`` tenures, made fast).

    Real agencies (the catalog and every local government, with six dinas/badan and
    three BUMD/RSUD units each) in an order fixed by ``seed``; for each, its positions
    (the roles its kind has) and for each position the succession of its terms from
    2000 (or the agency's founding) to ``as_of`` (default today), each in a capacity
    the post allows and as long as it allows, until there are ``n`` tenures. Every
    term has its own holder, of an age to hold it (a career post: a PNS, 35 to 55,
    whose NIP's TMT CPNS precedes the term), with a realistic name and gelar. No
    agreements, events or services: use :func:`datasets` for those.

    The same ``n``, ``seed`` and ``as_of`` give the same dataset; it passes
    :func:`adminnet.rules.check` (``at=as_of``) with no error. About 100,000
    tenures in a few seconds (bench/bench_strategies.py).

    Raises:
        InvalidFormat: ``n`` is not an int from 0 to :data:`MAX_SYNTHETIC_TENURES`, or
            more tenures than the agencies can hold (``synthetic.invalid_size``);
            ``seed`` is not an int (``synthetic.invalid_seed``); ``as_of`` is not a date.
    """
    if type(n) is not int or not 0 <= n <= MAX_SYNTHETIC_TENURES:
        params = {"value": f"{n!r:.40}", "max": MAX_SYNTHETIC_TENURES}
        raise InvalidFormat(code="synthetic.invalid_size", params=params)
    if type(seed) is not int:
        raise InvalidFormat(code="synthetic.invalid_seed", params={"value": f"{seed!r:.40}"})
    today = as_date(as_of, what="as_of").toordinal()
    ds = generate(seed, today, tenures=n)
    if len(ds.tenures) < n:
        params = {"value": n, "positions": len(ds.positions)}
        raise InvalidFormat(code="synthetic.invalid_size", variant="positions", params=params)
    return ds


def generate(
    seed: int, today: int, *, tenures: int | None = None, agencies: int | None = None, tag: str = ""
) -> Dataset:
    """The dataset of ``seed`` up to the ordinal ``today``: ``tenures`` or ``agencies`` many.

    Stops at that many tenures, or after that many agencies (with all their terms),
    or when the agencies run out. A ``tag`` is appended to the ids of the persons and
    tenures (``budi-d3``, ``pemkot-8171.wali_kota.t1-d3``).
    """
    maker = _Maker(seed, tag)
    taken: list[Agency] = []
    positions: list[Position] = []
    terms: list[Tenure] = []
    full = tenures == 0 or agencies == 0
    for agency in () if full else _agencies(maker.rng):
        window = agency_window(agency, earliest=EARLIEST_TERM, today=today)
        if window is None:
            continue
        taken.append(agency)
        for role in roles_for(agency):
            position = position_for(agency, role)
            positions.append(position)
            for tenure in maker.terms(agency, position, window):
                terms.append(tenure)
                if len(terms) == tenures:
                    break
            if len(terms) == tenures:
                break
        if len(terms) == tenures or len(taken) == agencies:
            break
    return Dataset(
        agencies=tuple(taken),
        persons=tuple(maker.persons),
        positions=tuple(positions),
        tenures=tuple(terms),
    )
