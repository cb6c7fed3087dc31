"""Strategy for whole datasets: referentially consistent, passing the rules."""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
from typing import Final

import attrs
import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from adminnet.ids._gender import Gender
from adminnet.ids.nip import NipKind
from adminnet.model.agency import Agency
from adminnet.model.agreement import Agreement, AgreementKind, CooperationArea, Party
from adminnet.model.dataset import Dataset
from adminnet.model.digital import DigitalizationTarget, Measurement, PublicService
from adminnet.model.event import Event, EventKind
from adminnet.model.person import Person
from adminnet.model.position import Position, Tenure
from adminnet.rules.persons import CAREER_CAPACITIES, CAREER_ROLES
from adminnet.strategies._agencies import agency_window
from adminnet.strategies._agreements import (
    KIND_IDS,
    agreement_title,
    draw_areas,
    draw_document_number,
)
from adminnet.strategies._common import (
    EARLIEST_OFFICE,
    add_years,
    agency_pool,
    check_size,
    check_strategy,
    day,
    draw_birth,
    pick,
    slug,
    today_ordinal,
)
from adminnet.strategies._digital import (
    SERVICES,
    draw_measurement_value,
    draw_target,
    indicators,
)
from adminnet.strategies._events import event_start
from adminnet.strategies._ids import nip_for
from adminnet.strategies._names import draw_name
from adminnet.strategies._synthetic import generate
from adminnet.strategies._tenures import (
    capacities_for,
    draw_decree,
    draw_term,
    head_role,
    position_for,
    roles_for,
)
from adminnet.strategies._time import coarsen
from adminnet.time import PartialDate, Period, Precision

__all__ = ["datasets"]

# Dates of terms are mostly known to the day.
_TERM_PRECISIONS: Final = st.sampled_from(
    (Precision.DAY, Precision.DAY, Precision.DAY, Precision.MONTH, Precision.YEAR)
)
_FAMILY: Final = {
    AgreementKind.NOTA_KESEPAHAMAN: "framework",
    AgreementKind.KESEPAKATAN_BERSAMA: "framework",
    AgreementKind.PERJANJIAN_KERJA_SAMA: "pks",
    AgreementKind.ADENDUM: "adendum",
}
_MAX_SIZE: Final = 1000  # agencies in one drawn dataset
_DRAWN_MAX: Final = 50  # above, Hypothesis' choices run out: the seeded generator
_MIN_AGE: Final = 30
_MAX_AGE: Final = 64
_CAREER_MIN_AGE: Final = 35
_CAREER_MAX_AGE: Final = 55


@attrs.define
class _Holder:
    """A person drawn for a term: the first day they may take office, with a NIP or not."""

    person: Person
    earliest: int
    is_pns: bool  # a career post needs a PNS
    first_career_start: int  # a career post's term starts at 35 or later
    last_career_start: int  # and by 55 (JPT retire at 60)


@attrs.define
class _Term:
    """A tenure with the days it surely and possibly covers (ordinals)."""

    tenure: Tenure
    agency_id: str
    is_head: bool
    sure: tuple[int, int] | None
    possible: tuple[int, int]


@attrs.define
class _Builder:
    """The state of one dataset being drawn."""

    draw: st.DrawFn
    now: int
    anchor: int  # a day most successions of office run through, so heads meet
    tag: str  # in the ids this draw makes, so that datasets drawn apart merge
    agencies: list[Agency] = attrs.Factory(list)
    persons: dict[str, _Holder] = attrs.Factory(dict)
    positions: list[Position] = attrs.Factory(list)
    terms: list[_Term] = attrs.Factory(list)
    agreements: list[Agreement] = attrs.Factory(list)
    events: list[Event] = attrs.Factory(list)
    services: list[PublicService] = attrs.Factory(list)
    targets: list[DigitalizationTarget] = attrs.Factory(list)
    measurements: list[Measurement] = attrs.Factory(list)

    # --- persons ---------------------------------------------------------------------

    def new_person(self, start: int | None, *, career: bool) -> _Holder:
        draw = self.draw
        gender = draw(st.sampled_from(list(Gender)))
        name = draw_name(draw, gender)
        if start is None:
            birth = draw_birth(draw)
        else:
            # age at the start of the term: a career official (a PNS in a JPT post,
            # retiring at 60) 35 to 55, an elected one 30 to 64; years drawn, not days
            oldest = _CAREER_MAX_AGE if career else _MAX_AGE
            age = draw(st.integers(_CAREER_MIN_AGE if career else _MIN_AGE, oldest))
            born = add_years(_dt.date.fromordinal(start), -age).toordinal()
            birth = day(born - draw(st.integers(0, 364)))
        nip = None
        if career or draw(st.booleans()):
            kind = NipKind.PNS if career else draw(st.sampled_from((NipKind.PNS, NipKind.PPPK)))
            nip = nip_for(draw, kind, birth, gender, latest=start)
            if nip is None and kind is NipKind.PPPK:  # too old for PPPK since 2014
                nip = nip_for(draw, NipKind.PNS, birth, gender, latest=start)
        base = f"{slug(name.given)}-{self.tag}"
        ident, n = base, 1
        while ident in self.persons:
            n += 1
            ident = f"{base}-{n}"
        person = Person(
            id=ident,
            name=name,
            nip=nip,
            birth_date=birth if draw(st.booleans()) else None,
            gender=gender if draw(st.booleans()) else None,
        )
        earliest = add_years(birth, 30).toordinal()
        record = person.nip_record
        if record is not None and record.appointed is not None:
            earliest = max(earliest, record.appointed.earliest.toordinal())
        holder = _Holder(
            person=person,
            earliest=earliest,
            is_pns=record is not None and record.kind is NipKind.PNS,
            first_career_start=add_years(birth, _CAREER_MIN_AGE).toordinal(),
            last_career_start=add_years(birth, _CAREER_MAX_AGE).toordinal(),
        )
        self.persons[ident] = holder
        return holder

    def holder_for(self, start: int, *, career: bool) -> _Holder:
        eligible = [
            h
            for h in self.persons.values()
            if h.earliest <= start
            and (not career or (h.is_pns and h.first_career_start <= start <= h.last_career_start))
        ]
        if len(eligible) > 0 and self.draw(st.booleans()):
            return eligible[self.draw(st.integers(0, len(eligible) - 1))]
        return self.new_person(start, career=career)

    # --- positions and tenures -----------------------------------------------------------

    def add_agency(self, agency: Agency, window: tuple[int, int]) -> None:
        draw = self.draw
        self.agencies.append(agency)
        roles = roles_for(agency)
        head = head_role(agency)
        others = [r for r in roles if r is not head]
        chosen = []
        if head is not None and draw(st.integers(0, 3)) > 0:  # most datasets know the head
            chosen.append(head)
        if others:
            chosen += draw(st.lists(st.sampled_from(others), max_size=len(others), unique=True))
        for role in chosen:
            position = position_for(agency, role)
            self.positions.append(position)
            self.add_terms(agency, position, window, is_head=role is head)

    def add_terms(
        self, agency: Agency, position: Position, window: tuple[int, int], *, is_head: bool
    ) -> None:
        draw = self.draw
        lo, hi = window
        through: int | None = None
        if lo <= self.anchor <= hi and draw(st.integers(0, 3)) > 0:
            # the first term runs through the anchor day when its capacity allows
            cursor = max(lo, self.anchor - draw(st.integers(0, 364)))
            through = self.anchor
        else:
            cursor = lo + draw(st.integers(0, hi - lo))
        floor = lo  # first day the next term may possibly cover
        count = draw(st.integers(0, 3))
        may_stay_open = agency.valid.end is None
        for k in range(count):
            if cursor > hi:
                break
            # Most terms are definitif; each acting capacity the post allows may occur.
            allowed = capacities_for(position.role)
            capacity = draw(st.sampled_from((allowed[0], allowed[0], *allowed)))
            end = draw_term(
                draw,
                capacity,
                cursor,
                hi,
                may_stay_open=may_stay_open and through is None,
                through=through,
            )
            through = None
            last = hi if end is None else end
            start_pd = coarsen(day(cursor), draw(_TERM_PRECISIONS), floor, last)
            end_pd = None
            if end is not None:
                end_pd = coarsen(day(end), draw(_TERM_PRECISIONS), start_pd.latest.toordinal(), hi)
            career = position.role in CAREER_ROLES or capacity in CAREER_CAPACITIES
            holder = self.holder_for(cursor, career=career)
            tenure = Tenure(
                id=f"{position.id}.t{k + 1}-{self.tag}",
                person_id=holder.person.id,
                position_id=position.id,
                period=Period(start=start_pd, end=end_pd),
                capacity=capacity,
                basis=draw_decree(draw, capacity, day(cursor), agency.region_code)
                if draw(st.booleans())
                else None,
            )
            s_lo, s_hi = start_pd.earliest.toordinal(), start_pd.latest.toordinal()
            if end_pd is None:
                sure = (s_lo, s_lo) if s_lo == s_hi else None
                possible = (s_lo, hi)
            else:
                e_lo, e_hi = end_pd.earliest.toordinal(), end_pd.latest.toordinal()
                sure = (s_hi, e_lo) if s_hi <= e_lo else None
                possible = (s_lo, e_hi)
            self.terms.append(_Term(tenure, agency.id, is_head, sure, possible))
            if end_pd is None:
                break
            floor = end_pd.latest.toordinal() + 1
            cursor = floor + draw(st.integers(0, 365))

    # --- agreements and events -----------------------------------------------------------

    def head_spans(self, agency_id: str) -> list[tuple[int, int, str]]:
        return [
            (t.sure[0], t.sure[1], t.tenure.person_id)
            for t in self.terms
            if t.is_head and t.agency_id == agency_id and t.sure is not None
        ]

    def common_head_days(self, members: list[Agency], lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans of days in lo..hi on which the most members had a head surely in office."""
        best: list[tuple[int, int]] = [(lo, hi)]
        found = False
        for agency in members:
            spans = [(s, e) for s, e, _ in self.head_spans(agency.id)]
            meet = [
                (max(a, s), min(b, e)) for a, b in best for s, e in spans if max(a, s) <= min(b, e)
            ]
            if meet:
                best, found = meet, True
        return best if found else []

    def signatory(self, agency_id: str, d: int) -> str | None:
        for lo, hi, person_id in self.head_spans(agency_id):
            if lo <= d <= hi:
                return person_id
        return None

    def add_agreement(self, number: int, used: dict[tuple[frozenset[str], str], set[str]]) -> None:
        draw = self.draw
        n = len(self.agencies)
        parent: Agreement | None = None
        frameworks = [g for g in self.agreements if _FAMILY[g.kind] == "framework"]
        if len(frameworks) > 0 and draw(st.booleans()):
            parent = frameworks[draw(st.integers(0, len(frameworks) - 1))]
            kind = draw(
                st.sampled_from((AgreementKind.PERJANJIAN_KERJA_SAMA, AgreementKind.ADENDUM))
            )
            ids = list(parent.agency_ids)
            members = [a for a in self.agencies if a.id in ids]
        else:
            kind = draw(
                st.sampled_from((AgreementKind.NOTA_KESEPAHAMAN, AgreementKind.KESEPAKATAN_BERSAMA))
            )
            picks = draw(
                st.lists(st.integers(0, n - 1), min_size=2, max_size=min(4, n), unique=True)
            )
            members = [self.agencies[i] for i in picks]
        lo, hi = 0, self.now
        for a in members:
            w = agency_window(a)
            assert w is not None  # agencies without a window were left out
            lo, hi = max(lo, w[0]), min(hi, w[1])
        effect_end: int | None = None
        if parent is not None:
            assert parent.signed_on is not None
            lo = max(lo, parent.signed_on.latest.toordinal())
            if kind is AgreementKind.PERJANJIAN_KERJA_SAMA and parent.effective.end is not None:
                effect_end = parent.effective.end.earliest.toordinal()
                hi = min(hi, effect_end)
        if lo > hi:
            return
        spans = self.common_head_days(members, lo, hi)
        if len(spans) > 0 and draw(st.integers(0, 3)) > 0:  # mostly signed by heads in office
            s, e = spans[draw(st.integers(0, len(spans) - 1))]
        else:
            s, e = lo, hi
        d = s + draw(st.integers(0, e - s))
        signed_by_heads = draw(st.integers(0, 3)) > 0
        signatories: list[str | None] = []
        for a in members:
            who = self.signatory(a.id, d) if signed_by_heads else None
            signatories.append(None if who in signatories else who)  # one person, one party
        signed = PartialDate.from_date(day(d))
        if not any(signatories) and draw(st.booleans()):
            signed = coarsen(day(d), draw(_TERM_PRECISIONS), lo, hi)
        family = _FAMILY[kind]
        key = (frozenset(a.id for a in members), family)
        taken = used.setdefault(key, set())
        areas = draw_areas(draw, frozenset(CooperationArea(v) for v in taken))
        taken.update(a.value for a in areas if a is not CooperationArea.OTHER)
        effective = Period(start=signed)
        if effect_end is not None or draw(st.booleans()):
            years = draw(st.integers(1, 5))
            end = add_years(signed.latest, years).toordinal() - 1
            if effect_end is not None:
                end = min(end, effect_end)
            effective = Period(start=signed, end=PartialDate.from_date(day(end)))
        ident = f"{KIND_IDS[kind]}-{self.tag}-{number}"
        event_id = None
        with_event = signed.is_exact and draw(st.booleans())
        if with_event:
            event_id = f"penandatanganan-{self.tag}-{number}"
        parties = []
        for a, who in zip(members, signatories, strict=True):
            document = draw_document_number(draw, a, day(d)) if draw(st.booleans()) else None
            parties.append(Party(agency_id=a.id, signatory_id=who, document_number=document))
        host = members[0]
        place = "Jakarta" if host.region_code is None else _region_name(host.region_code)
        agreement = Agreement(
            id=ident,
            kind=kind,
            title=agreement_title(kind, [a.name for a in members], areas),
            parties=tuple(parties),
            signed_on=signed,
            place=place,
            effective=effective,
            areas=areas,
            parent_id=None if parent is None else parent.id,
            event_id=event_id,
        )
        self.agreements.append(agreement)
        if event_id is not None:
            self.add_event(event_id, agreement, d, host, [s for s in signatories if s])

    def add_event(
        self, ident: str, agreement: Agreement, d: int, host: Agency, signatories: list[str]
    ) -> None:
        draw = self.draw
        timezone = "Asia/Jakarta"  # central agencies sit in Jakarta (WIB)
        if host.region_code is not None:
            from adminnet import regions  # lazy: the registry is loaded by now

            region = regions.get(host.region_code, as_of=day(d))
            assert region is not None  # the agency's window keeps its region valid
            timezone = region.timezone
        start, known = event_start(draw, day(d), timezone)
        chair = signatories[0] if signatories else None
        busy = set(signatories)
        in_office = sorted(
            {
                t.tenure.person_id
                for t in self.terms
                if t.possible[0] <= d <= t.possible[1] and t.tenure.person_id not in busy
            }
        )
        witnesses: list[str] = []
        if in_office:
            witnesses = draw(st.lists(st.sampled_from(in_office), max_size=2, unique=True))
        self.events.append(
            Event(
                id=ident,
                kind=EventKind.PENANDATANGANAN,
                name=f"Penandatanganan {agreement.kind.label} {host.acronym or host.name}",
                start=start,
                time_known=known,
                venue=f"Kantor {host.name}",
                region_code=host.region_code,
                organizer_id=host.id,
                chair_id=chair,
                witness_ids=tuple(witnesses),
                attendee_ids=tuple(p for p in signatories if p != chair),
                agreement_ids=(agreement.id,),
            )
        )

    # --- services, targets, measurements -------------------------------------------------

    def add_services_and_targets(self, agency: Agency) -> None:
        draw = self.draw
        for sector, name in draw(st.lists(st.sampled_from(SERVICES), max_size=2, unique=True)):
            self.services.append(
                PublicService(
                    id=f"{agency.id}.{slug(name)}",
                    name=name,
                    agency_id=agency.id,
                    sector=sector,
                )
            )
        if agency.valid.end is not None or not draw(st.booleans()):
            return
        indicator = draw(indicators())
        ident = f"{agency.id}.target-{indicator.key}-{self.tag}"
        target = draw_target(draw, ident, agency, indicator)
        self.targets.append(target)
        if draw(st.booleans()):
            first = 2016 if target.baseline is None else target.baseline.on.year + 1
            year = _dt.date.fromordinal(self.now).year
            if first <= year:
                on = PartialDate(year=first + draw(st.integers(0, year - first)))
                self.measurements.append(
                    Measurement(
                        indicator=indicator,
                        value=draw_measurement_value(draw, indicator),
                        on=on,
                        agency_id=agency.id,
                    )
                )

    def build(self) -> Dataset:
        return Dataset(
            agencies=tuple(self.agencies),
            persons=tuple(h.person for h in self.persons.values()),
            positions=tuple(self.positions),
            tenures=tuple(t.tenure for t in self.terms),
            agreements=tuple(self.agreements),
            events=tuple(self.events),
            services=tuple(self.services),
            targets=tuple(self.targets),
            measurements=tuple(self.measurements),
        )


def _region_name(code: str) -> str:
    from adminnet import regions  # lazy: the registry is loaded by now

    region = regions.latest(code)
    return "Jakarta" if region is None else region.name


_DRAWS: Final = itertools.count(1)
_DIGITS: Final = "0123456789abcdefghijklmnopqrstuvwxyz"


def _tag(n: int) -> str:
    """``"d"`` and ``n`` in base 36: the draw's mark in the ids it makes (``"d1"``, ``"d2s"``).

    A counter, not a Hypothesis draw: Hypothesis draws repeat values (it tries small
    ones first), and ids must not repeat between draws.
    """
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _DIGITS[r] + out
        if n == 0:
            return "d" + out


@st.composite
def _datasets(draw: st.DrawFn, agency_lists: st.SearchStrategy[list[Agency]]) -> Dataset:
    now = today_ordinal()
    anchor = EARLIEST_OFFICE + draw(st.integers(0, now - EARLIEST_OFFICE))
    builder = _Builder(draw=draw, now=now, anchor=anchor, tag=_tag(next(_DRAWS)))
    for agency in draw(agency_lists):
        window = agency_window(agency)
        if window is not None:
            builder.add_agency(agency, window)
    for _ in range(draw(st.integers(0, 2))):
        builder.new_person(None, career=False)
    if len(builder.agencies) >= 2:
        used: dict[tuple[frozenset[str], str], set[str]] = {}
        for number in range(1, draw(st.integers(0, 3)) + 1):
            builder.add_agreement(number, used)
    for agency in builder.agencies:
        builder.add_services_and_targets(agency)
    return builder.build()


@st.composite
def _large_datasets(draw: st.DrawFn, low: int, high: int) -> Dataset:
    count = draw(st.integers(low, high))
    seed = draw(st.integers(0, 2**32 - 1))
    return generate(seed, today_ordinal(), agencies=count, tag=_tag(next(_DRAWS)))


@functools.lru_cache(maxsize=2)
def _real_pool(local: bool) -> tuple[Agency, ...]:
    return tuple(
        a
        for a in agency_pool(None, None)
        if a.is_local_government is local and agency_window(a) is not None
    )


def _real_agencies() -> st.SearchStrategy[Agency]:
    return st.one_of(
        pick(functools.partial(_real_pool, False)), pick(functools.partial(_real_pool, True))
    )


def datasets(
    *,
    agencies: st.SearchStrategy[Agency] | None = None,
    min_size: int = 0,
    max_size: int | None = None,
    max_agencies: int = 4,
) -> st.SearchStrategy[Dataset]:
    """Himpunan data (Datasets that are consistent and pass ``adminnet.rules.check``).

    Built the way the facts hang together, so that :func:`adminnet.rules.check`
    reports no error on the day of the draw:

    - ``min_size`` to ``max_size`` (default ``max_agencies``, 4) distinct agencies
      from ``agencies`` (default: real central agencies and local governments); each
      brings its positions, terms, holders, services and targets, about a dozen
      entities;
    - positions of each with roles that fit its kind (a Wali Kota in a Pemerintah
      Kota, a Sekretaris Utama in an LPNK);
    - per position, a succession of terms that never overlap, within the life of the
      agency (and the validity of its region code) between 2005 and today, each in a
      capacity the post allows (Pj. only for regional heads and the sekda, a Pj. term
      under a year);
    - a holder for each term, of an age to hold it, with a NIP whose appointment
      precedes it for career posts (sekretaris, Pj., Pjs.; aged 35 to 55 at the
      start, under the retirement age of 60); some people hold several posts, and a
      few persons hold none;
    - agreements between two to four of the agencies, signed while they existed,
      each party signed for (if at all) by the head of its agency in office that day;
      PKS and adenda follow their parent MoU, within its term; events at which they
      were signed, chaired by a signatory and witnessed by officials in office;
    - public services, and digitalization targets and measurements on their scale.

    The ids a draw makes (persons, tenures, agreements, events, targets) carry a mark
    unique in the process (``budi-santoso-d1k``, ``pemkot-8171.wali_kota.t1-d1k``),
    so datasets drawn apart merge (:meth:`Dataset.merge`) without id clashes; the
    real agencies, their positions and services are the same in every draw. Most
    dates are exact days; some are known to the month or year (the rules then give
    warnings at most). Shrinks towards the empty dataset (towards ``min_size``
    agencies).

    Above ``max_size=50`` (about 500 entities: more would exceed the choices
    Hypothesis allows one example), the agencies, positions, terms and holders come
    from the seeded generator of :func:`synthetic_dataset` (a drawn seed, all the
    terms of each agency since 2000, 1,000 agencies give some 15,000 tenures; no
    agreements, events or services), shrinking towards ``min_size`` agencies.

    Raises:
        InvalidArgument: a non-strategy ``agencies``, or ``agencies`` with
            ``max_size`` over 50; sizes not ints with ``0 <= min_size <= max_size <= 1000``.
    """
    check_strategy(agencies, "agencies")
    high = check_size(max_agencies, "max_agencies", high=_MAX_SIZE)
    if max_size is not None:
        high = check_size(max_size, "max_size", high=_MAX_SIZE)
    low = check_size(min_size, "min_size", high=high)
    if high > _DRAWN_MAX:
        if agencies is not None:
            msg = f"agencies= works up to max_size={_DRAWN_MAX} (got {high})"
            raise InvalidArgument(msg)
        return _large_datasets(low, high)
    elements = agencies if agencies is not None else _real_agencies()
    lists = st.lists(elements, min_size=low, max_size=high, unique_by=lambda a: a.id)
    return _datasets(lists)
