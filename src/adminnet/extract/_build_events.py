"""The builder's event rules: kind, day, zone, roles, and the measurements.

Part of the builder (see :mod:`adminnet.extract._build`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Final

import pendulum

from adminnet.errors import AdminnetError
from adminnet.extract import _adapters as ad
from adminnet.extract._build_state import (
    _ATTEND,
    _CHAIR,
    _INAUGURATE,
    _IPP,
    _ONLINE,
    _PRIORITY,
    _SPBE,
    _WITNESS,
    BuilderState,
    _Cluster,
    _full_day,
    _partial,
    _slug,
    _unique_ids,
)
from adminnet.extract._mention import Mention, MentionKind
from adminnet.extract._scan_facts import Figure
from adminnet.model.agency import Agency
from adminnet.model.digital import (
    IPP_INDEX,
    ONLINE_SERVICE_SHARE,
    SPBE_INDEX,
    Indicator,
    Measurement,
)
from adminnet.model.event import Event, EventKind
from adminnet.model.person import Person
from adminnet.time import PartialDate

# between the date and the time of a byline: spaces, a comma, a bar or a dash
_BYLINE_GAP: Final = re.compile(r"[\s,|\u2013\u2014-]*")
_MAX_BYLINE_GAP: Final = 4

K = MentionKind


class EventBuilder(BuilderState):
    """Events (with their roles, day and zone) and the measurements they report."""

    def _installed(self) -> dict[int, PartialDate]:
        """Sentence -> day of the inauguration event it belongs to."""
        out: dict[int, PartialDate] = {}
        for eid, (day, sents) in self.event_days.items():
            if eid in self.inaugurations:
                for sent in sents:
                    out.setdefault(sent, _partial(day))
        return out

    def _events(self, agencies: dict[str, Agency], persons: dict[str, Person]) -> list[Event]:
        s = self.s
        words = [m for m in s.mentions if m.kind is K.EVENT]
        if not words:
            return []
        by_key: dict[tuple[EventKind, str], dict[str, Any]] = {}
        pending: list[Mention] = []
        for w in words:
            sent = s.sentence_of(w.start)
            dates = [
                m
                for m in self._in_sentence(K.DATE, sent)
                if m.rule.startswith("date.") and not m.rule.startswith("date.year")
            ]
            if not dates:
                pending.append(w)
                continue
            d = dates[0]
            if d.value is None:
                self.notes.append(
                    f"no {w.value.label.lower()} event built from {d.text!r}: {d.error}"
                    if d.error
                    else f"no event built from {d.text!r}"
                )
                continue
            key = (w.value, str(d.value))
            ev = by_key.setdefault(
                key, {"kind": w.value, "date": d.value, "sents": set(), "mentions": []}
            )
            ev["sents"].add(sent)
            ev["mentions"].extend([w, d])
        # one event a day: a signing or an inauguration held during a meeting is the
        # signing or the inauguration
        by_day: dict[str, dict[str, Any]] = {}
        for ev in by_key.values():
            day_key = str(ev["date"])
            kept = by_day.get(day_key)
            if kept is None:
                by_day[day_key] = ev
                continue
            if _PRIORITY[ev["kind"]] > _PRIORITY[kept["kind"]]:
                ev, kept = kept, ev
                by_day[day_key] = kept
            kept["sents"] |= ev["sents"]
            kept["mentions"].extend(ev["mentions"])
        by_key = {(ev["kind"], day): ev for day, ev in by_day.items()}
        days = {str(m.value) for m in s.mentions if m.kind is K.DATE and _full_day(m)}
        for w in pending:
            same = [e for e in by_key.values() if e["kind"] is w.value]
            if not same and len(by_key) == 1:
                same = list(by_key.values())
                if _PRIORITY[w.value] > _PRIORITY[same[0]["kind"]]:
                    same[0]["kind"] = w.value
            if not same and not by_key and len(days) == 1:
                # the article's only date: the event word's sentence has none
                d = next(m for m in s.mentions if m.kind is K.DATE and _full_day(m))
                ev = {"kind": w.value, "date": d.value, "sents": {s.sentence_of(d.start)}}
                ev["mentions"] = [d]
                by_key[(w.value, str(d.value))] = ev
                same = [ev]
                self.notes.append(
                    f"the {w.value.label.lower()} is dated by the article's only date, {d.text!r}"
                )
            if len(same) == 1:
                same[0]["sents"].add(s.sentence_of(w.start))
                same[0]["mentions"].append(w)
        events: list[Event] = []
        only = len(by_key) == 1
        for ev in by_key.values():
            built = self._event(ev, agencies, persons, only)
            if built is not None:
                events.append(built)
        return events

    def _person_agency(self, c: _Cluster) -> str | None:
        for reading, _, _ in c.positions:
            if reading.agency_id is not None:
                return reading.agency_id
        return None

    def _event(
        self,
        ev: dict[str, Any],
        agencies: dict[str, Agency],
        persons: dict[str, Person],
        only: bool,
    ) -> Event | None:
        s = self.s
        kind: EventKind = ev["kind"]
        day: pendulum.Date = ev["date"]
        chair: _Cluster | None = None
        witnesses: list[_Cluster] = []
        attendees: list[_Cluster] = []
        venue: Mention | None = None
        city: Mention | None = None
        clock: Mention | None = None
        agreement_word: Mention | None = None
        for sent in sorted(ev["sents"]):
            lo, hi = s.sentence_spans[sent]
            for cue in _CHAIR.finditer(s.text, lo, hi):
                refs = self._refs_between(sent, cue.end(), hi)
                if refs and chair is None:
                    chair = refs[0][1]
            for cue in _INAUGURATE.finditer(s.text, lo, hi):
                before = self._refs_between(sent, lo, cue.start())
                if before and chair is None:
                    chair = before[-1][1]
            for cue in _WITNESS.finditer(s.text, lo, hi):
                stop = self._generic_at(sent, cue.end(), hi)
                witnesses.extend(c for _, c in self._refs_between(sent, cue.end(), stop))
                attendees.extend(c for _, c in self._refs_between(sent, stop, hi))
            for m in self._in_sentence(K.VENUE, sent):
                venue = venue or m
            for m in self._in_sentence(K.REGION, sent):
                if m.rule == "region.venue-city":
                    city = city or m
            for m in self._in_sentence(K.TIME, sent):
                clock = clock or m
            for m in self._in_sentence(K.AGREEMENT, sent):
                if m.value is not None:
                    agreement_word = agreement_word or m
        if only:  # "Hadirnya ... dalam kegiatan ini": attendance cues anywhere
            for sent, (lo, hi) in enumerate(s.sentence_spans):
                for cue in _ATTEND.finditer(s.text, lo, hi):
                    clause_end = s.text.find(",", cue.end(), hi)
                    clause_end = hi if clause_end < 0 else clause_end
                    from_ = cue.start() if cue.group(0).lower() == "hadirnya" else cue.end()
                    attendees.extend(c for _, c in self._refs_between(sent, from_, clause_end))
        chosen = {id(chair)} if chair is not None else set()
        witness_ids = _unique_ids([c for c in witnesses if id(c) not in chosen], persons)
        chosen |= {id(c) for c in witnesses}
        attendee_ids = _unique_ids([c for c in attendees if id(c) not in chosen], persons)
        organizer = self._person_agency(chair) if chair is not None else None
        tz, how = self._zone(clock, city, organizer, agencies)
        hour, minute = (0, 0)
        time_known = False
        if clock is not None:
            hour, minute = clock.value[0], clock.value[1]
            time_known = True
        start = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=tz)
        byline = self._byline(ev["mentions"], clock, day, tz)
        if byline is not None:
            start = byline
        org_tag = organizer or "acara"
        eid = f"{org_tag}-{_slug(kind.value)}-{day.isoformat()}"
        name = kind.label
        if agreement_word is not None:
            name += f" {agreement_word.text}"
        if organizer is not None and organizer in agencies:
            a = agencies[organizer]
            name += f" {a.acronym_at(day) or a.name_at(day)}"
        region_code = city.value.code if city is not None else None
        try:
            event = Event(
                id=eid,
                kind=kind,
                name=name,
                start=start,
                time_known=time_known,
                venue=None if venue is None else venue.text,
                region_code=region_code,
                organizer_id=organizer,
                chair_id=None if chair is None or chair.id not in persons else chair.id,
                witness_ids=witness_ids,
                attendee_ids=attendee_ids,
            )
        except AdminnetError as exc:
            self.notes.append(f"event {eid} left out: {exc}")
            return None
        if how:
            self.notes.append(f"event {eid}: {how}")
        self.sources[eid].extend(ev["mentions"])
        for found in (venue, city, clock):
            if found is not None:
                self.sources[eid].append(found)
        self.event_days[eid] = (day, ev["sents"])
        if kind is EventKind.PELANTIKAN:
            self.inaugurations.add(eid)
        return event

    def _byline(
        self, mentions: list[Mention], clock: Mention | None, day: pendulum.Date, tz: str
    ) -> pendulum.DateTime | None:
        """A date printed with its time (``Kamis (16/3/2017) 10.30 WIB``), read as one.

        The byline is read by ``adminnet.text.parse_datetime`` (the owner of date and
        time text): its zone wins, else the event's zone; a byline it refuses (a
        weekday that contradicts the date, ``pagi 19.00``) leaves the date and the
        clock read apart, with a note.
        """
        if clock is None:
            return None
        s = self.s
        for d in mentions:
            if d.kind is not K.DATE or not 0 <= clock.start - d.end <= _MAX_BYLINE_GAP:
                continue
            if _BYLINE_GAP.fullmatch(s.text, d.end, clock.start) is None:
                continue
            found = ad.datetime(s.text[d.start : clock.end], day.year, tz)
            if isinstance(found, AdminnetError):
                self.notes.append(f"byline {s.text[d.start : clock.end]!r} not read: {found}")
                return None
            return found
        return None

    def _zone(
        self,
        clock: Mention | None,
        city: Mention | None,
        organizer: str | None,
        agencies: dict[str, Agency],
    ) -> tuple[str, str]:
        if clock is not None and clock.value[2] is not None:
            return clock.value[2], ""
        if city is not None:
            return city.value.timezone, ""
        dateline = [m for m in self.s.mentions if m.rule == "region.dateline"]
        if dateline:
            return dateline[0].value.timezone, "the zone is the dateline's city's"
        if organizer is not None and organizer in agencies:
            code = agencies[organizer].region_code
            region = ad.region_by_code(code, self.s.day) if code else None
            if region is not None:
                return region.timezone, "the zone is the organizer's region's (none printed)"
        return "Asia/Jakarta", "no zone or place printed: WIB (Asia/Jakarta) assumed, check it"

    # --- measurements -----------------------------------------------------------------

    def _measurements(self, events: list[Event]) -> list[Measurement]:
        s = self.s
        out: list[Measurement] = []
        on: PartialDate | None = None
        if self.published is not None:
            on = _partial(self.published)
        elif events:
            on = _partial(events[0].date)
        for m in s.mentions:
            if m.kind is not K.FIGURE or not isinstance(m.value, Figure):
                continue
            sent = s.sentence_of(m.start)
            lo, hi = s.sentence_spans[sent]
            before = s.text[max(lo, m.start - 80) : m.start]
            indicator: Indicator | None = None
            if m.value.unit is None and _SPBE.search(before):
                indicator = SPBE_INDEX
            elif m.value.unit is None and _IPP.search(before):
                indicator = IPP_INDEX
            elif m.value.unit == "%" and _ONLINE.search(s.text, lo, hi):
                indicator = ONLINE_SERVICE_SHARE
            if indicator is None:
                continue
            if on is None:
                self.notes.append(f"measurement {m.text!r} left out: no date (give published)")
                continue
            agencies_here = {a.value.id for a in self._in_sentence(K.AGENCY, sent)}
            try:
                out.append(
                    Measurement(
                        indicator=indicator,
                        value=Decimal(m.value.value),
                        on=on,
                        agency_id=next(iter(agencies_here)) if len(agencies_here) == 1 else None,
                        source=self.source,
                    )
                )
            except AdminnetError as exc:
                self.notes.append(f"measurement {m.text!r} left out: {exc}")
        return out
