"""Date, time, agreement, area, figure, event-word and dateline rules.

Part of the scanner (see :mod:`adminnet.extract._scan`, which runs the rules in order).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

import attrs

from adminnet.errors import AdminnetError, InvalidComponent
from adminnet.extract import _adapters as ad
from adminnet.extract._mention import MentionKind
from adminnet.extract._scan_core import Scan
from adminnet.extract._scan_words import (
    _AGREEMENT_PATTERNS,
    _AGREEMENT_RE,
    _AREA_PATTERNS,
    _AREA_RE,
    _DATE_ISO,
    _DATE_NAMED,
    _DATE_NUMERIC,
    _DATE_PAREN,
    _EVENT_RE,
    _EVENT_WORDS,
    _FIGURE,
    _MULTIPLIER_WORDS,
    _TIME,
    _UNIT_OF,
    _WEEKDAY_BEFORE,
    _YEAR,
    _ZONES,
    _calendar_words,
)

K = MentionKind


# --- dates, times ----------------------------------------------------------------------


def _year_unknown(text: str) -> InvalidComponent:
    return InvalidComponent(code="extract.year_unknown", params={"value": text})


def _weekday_before(text: str, at: int) -> tuple[str | None, int]:
    """The weekday printed just before offset ``at`` and where it starts, if any."""
    m = _WEEKDAY_BEFORE.search(text, max(0, at - 24), at)
    if m is None or m.group(1).lower() not in _calendar_words():
        return None, at
    return m.group(1), m.start()


def scan_dates(s: Scan) -> None:
    """Dates with their weekday cross-check; a day without a year takes ``published``'s."""
    text = s.text
    for m in _DATE_PAREN.finditer(text):
        d, mo, y = m.group(1), m.group(2), m.group(3)
        weekday, start = _weekday_before(text, m.start())
        if not s.free(start, m.end()):
            continue
        year = int(y) if y and len(y) == 4 else s.year
        if year is None:
            error = _year_unknown(text[start : m.end()])
            s.mention(K.DATE, start, m.end(), None, "date.paren", 0.9, error)
            continue
        printed = f"{weekday} ({d}/{mo})" if weekday else f"{d}/{mo}/{year}"
        value = ad.date(printed, year)
        if isinstance(value, AdminnetError):
            s.mention(K.DATE, start, m.end(), None, "date.paren", 0.6, value)
        else:
            s.mention(K.DATE, start, m.end(), value, "date.paren", 0.95)
    for m in _DATE_NAMED.finditer(text):
        d, month, y = m.groups()
        if month.lower() not in _calendar_words() and len(month) > 4:
            continue
        probe = ad.date(f"{d} {month}", 2000)
        if isinstance(probe, AdminnetError):
            continue  # not a month
        weekday, start = _weekday_before(text, m.start())
        if not s.free(start, m.end()):
            continue
        year = int(y) if y else s.year
        if year is None:
            error = _year_unknown(text[start : m.end()])
            s.mention(K.DATE, start, m.end(), None, "date.named", 0.9, error)
            continue
        full = (f"{weekday}, " if weekday else "") + f"{d} {month} {year}"
        value = ad.date(full, year)
        rule = "date.named" if y else "date.named-no-year"
        if isinstance(value, AdminnetError):
            s.mention(K.DATE, start, m.end(), None, rule, 0.6, value)
        else:
            s.mention(K.DATE, start, m.end(), value, rule, 0.95 if y else 0.85)
    for m in _DATE_NUMERIC.finditer(text):
        if not s.free(m.start(), m.end()):
            continue
        value = ad.date(m.group(0), None)
        if isinstance(value, AdminnetError):
            continue
        s.mention(K.DATE, m.start(), m.end(), value, "date.numeric", 0.9)
    for m in _DATE_ISO.finditer(text):
        if not s.free(m.start(), m.end()):
            continue
        value = ad.date(m.group(0), None)
        if not isinstance(value, AdminnetError):
            s.mention(K.DATE, m.start(), m.end(), value, "date.iso", 0.95)
    from adminnet.time import PartialDate

    for m in _YEAR.finditer(text):
        if not s.free(m.start(2), m.end(2)):
            continue
        cue = m.group(1).lower()
        s.mention(
            K.DATE, m.start(), m.end(), PartialDate(year=int(m.group(2))), f"date.year-{cue}", 0.8
        )
    for m in _TIME.finditer(text):
        if not s.free(m.start(), m.end()):
            continue
        clock: tuple[int, int, str | None]
        if m.group(1) is not None:
            clock = (int(m.group(1)), int(m.group(2)), _ZONES[m.group(3)])
        else:
            clock = (int(m.group(4)), int(m.group(5)), None)
        s.mention(K.TIME, m.start(), m.end(), clock, "time.clock", 0.9)


# --- agreements, areas, figures, event words -------------------------------------------


def scan_agreements(s: Scan) -> None:
    """Agreement kinds (MoU, nota kesepahaman, PKS, ...) and plain "kerja sama"."""
    for m in _AGREEMENT_RE.finditer(s.text):
        if not s.free(m.start(), m.end()):
            continue
        _, kind, rule = _AGREEMENT_PATTERNS[(m.lastindex or 1) - 1]
        confidence = 0.9 if kind else 0.6
        s.mention(K.AGREEMENT, m.start(), m.end(), kind, f"agreement.{rule}", confidence)


def scan_areas(s: Scan, sentences: set[int]) -> None:
    """Fields of cooperation, in the sentences that speak of cooperation."""
    for m in _AREA_RE.finditer(s.text):
        if s.sentence_of(m.start()) not in sentences or not s.free(m.start(), m.end()):
            continue
        area = _AREA_PATTERNS[(m.lastindex or 1) - 1][1]
        s.mention(K.AREA, m.start(), m.end(), area, "area.gazetteer", 0.85)


def scan_figures(s: Scan) -> None:
    """Numbers with their unit; a malformed one keeps its error, never a guess."""
    for m in _FIGURE.finditer(s.text):
        start, end = m.start(), m.end()
        digits = m.group(2)
        # trailing sentence punctuation is not part of the number
        while digits and digits[-1] in ".,":
            digits = digits[:-1]
        if not s.free(start, end):
            continue
        unit = m.group(3)
        if unit is None and re.fullmatch(r"(?:19|20)\d{2}", digits):
            continue  # a year
        if unit is None and m.group(1) is None and len(digits) <= 2 and digits.isdigit():
            continue  # a bare small number: an ordinal, a count in words' place
        if unit is None:
            end = m.start(2) + len(digits)
        printed = s.text[start:end]
        value: object
        if unit is not None and unit.lower() in _UNIT_OF:
            value = ad.percent(f"{digits} persen")
        elif unit is not None and unit.lower() in _MULTIPLIER_WORDS:
            value = ad.number(f"{digits} {unit}")
        else:
            value = ad.number(digits)
        if isinstance(value, AdminnetError):
            s.mention(K.FIGURE, start, end, None, "figure.malformed", 0.9, value)
            continue
        unit_name = _UNIT_OF.get((unit or "").lower(), unit.lower() if unit else None)
        if m.group(1) is not None:
            unit_name = "IDR"
        s.mention(K.FIGURE, start, end, _Figure(Decimal(value), unit_name), "figure.number", 0.9)
        del printed


@attrs.frozen
class _Figure:
    value: Decimal
    unit: str | None

    def __str__(self) -> str:
        return f"{self.value} {self.unit}" if self.unit else str(self.value)


Figure = _Figure


def scan_event_words(s: Scan) -> None:
    """Words that name an event: penandatanganan, pelantikan, rapat, peluncuran."""
    for m in _EVENT_RE.finditer(s.text):
        if s.free(m.start(), m.end()):
            kind = _EVENT_WORDS[m.group(0).lower()]
            s.mention(K.EVENT, m.start(), m.end(), kind, "event.word", 0.8)


def cooperation_sentences(s: Scan) -> set[int]:
    """Sentences with an agreement or cooperation mention."""
    return {s.sentence_of(m.start) for m in s.mentions if m.kind is K.AGREEMENT}


_DATELINE: Final = re.compile(
    r"\s*([A-Za-z][A-Za-z.'-]*(?:\s+[A-Za-z][A-Za-z.'-]*){0,2})\s*(?:,|\(|-|\u2013|\u2014|:)"
)


def scan_dateline(s: Scan) -> None:
    """The dateline's city (``PADANG, RADARSUMBAR.COM -``, ``Jakarta -``): a region."""
    m = _DATELINE.match(s.text)
    if m is None:
        return
    candidates = [m]
    if s.text[m.end() - 1 : m.end()] == ",":  # "Jatengpress.com, Magelang -"
        second = _DATELINE.match(s.text, m.end())
        if second is not None:
            candidates.append(second)
    for c in candidates:
        place = c.group(1).strip()
        region = ad.region(place.title() if place.isupper() else place, s.day)
        if region is not None and s.free(c.start(1), c.end(1)):
            s.mention(K.REGION, c.start(1), c.end(1), region, "region.dateline", 0.7)
            return
