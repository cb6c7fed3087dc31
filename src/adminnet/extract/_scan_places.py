"""Agency, region and venue rules, and the short forms a text defines.

Part of the scanner (see :mod:`adminnet.extract._scan`, which runs the rules in order).
"""

from __future__ import annotations

import re
from typing import Final

from adminnet.extract import _adapters as ad
from adminnet.extract._mention import Mention, MentionKind
from adminnet.extract._scan_core import Scan, _is_acronym, _is_cap
from adminnet.extract._scan_resolve import (
    _org_words,
    _outside_body,
    _resolve_central_or_local,
    _resolve_region_place,
    _trim,
)
from adminnet.extract._scan_words import (
    _GOV_CUES,
    _LEVEL_WORDS,
    _NAME_STOP,
    _OUTSIDE_CUES,
    _VENUE_CUES,
    _calendar_words,
    fold,
)

K = MentionKind


# --- agencies and regions --------------------------------------------------------------


def scan_agencies(s: Scan) -> None:
    """Agency names (catalog and local governments), acronyms, and outside bodies."""
    toks = s.tokens
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        word = t.low
        if not s.free(t.start, t.end):
            i += 1
            continue
        if word in _GOV_CUES and i + 1 < n:
            hit = _resolve_central_or_local(s, i)
            if hit is not None:
                agency, e, how = hit
                end = _trim(toks[e - 1])
                if s.free(t.start, end):
                    s.mention(K.AGENCY, t.start, end, agency, f"agency.{how}", 0.95)
                    i = e
                    continue
        if word in _OUTSIDE_CUES and _is_cap(t.text):
            other = _outside_body(s, i)
            if other is not None:
                agency, e = other
                end = _trim(toks[e - 1])
                if s.free(t.start, end):
                    s.mention(K.AGENCY, t.start, end, agency, "agency.outside-catalog", 0.7)
                    i = e
                    continue
        if _is_acronym(t.text) and t.low not in _NAME_STOP:
            found = s.agency(t.text.rstrip("."))
            if found is not None:
                if found.is_local_government:
                    region = ad.region_by_code(found.region_code or "", s.day)
                    if region is not None:
                        s.mention(K.REGION, t.start, _trim(t), region, "region.acronym", 0.8)
                else:
                    s.mention(K.AGENCY, t.start, _trim(t), found, "agency.acronym", 0.9)
        i += 1


def scan_regions(s: Scan) -> None:
    """Regions named with a level word: ``Kabupaten Pringsewu``, ``Kota Ambon``."""
    toks = s.tokens
    for i, t in enumerate(toks):
        if t.low not in _LEVEL_WORDS or not _is_cap(t.text) or not s.free(t.start, t.end):
            continue
        hit = _resolve_region_place(s, i, "any")
        if hit is None:
            continue
        agency, e, _ = hit
        end = _trim(toks[e - 1])
        region = ad.region_by_code(agency.region_code or "", s.day)
        if region is not None and s.free(t.start, end):
            s.mention(K.REGION, t.start, end, region, "region.level-word", 0.9)


# --- venues ----------------------------------------------------------------------------


def scan_venues(s: Scan) -> None:
    """``di Gedung LAN Veteran, Jakarta``: the venue, and the region of its city."""
    toks = s.tokens
    n = len(toks)
    for i in range(n - 1):
        if toks[i].low != "di":
            continue
        k = i + 1
        cue = toks[k]
        if cue.low not in _VENUE_CUES or not _is_cap(cue.text) or not s.free(cue.start, cue.end):
            continue
        sent = cue.sent
        e = k + 1
        while e < n and e < k + 8 and toks[e].sent == sent:
            t = toks[e].text
            if (_is_cap(t) or _is_acronym(t) or t.isdigit()) and fold(t) not in _calendar_words():
                e += 1
                if t.endswith(".") and len(fold(t)) >= 4:
                    break
                continue
            break
        if e == k + 1:
            continue
        end = _trim(toks[e - 1])
        city: tuple[int, int, object] | None = None
        if e + 1 < n and toks[e].text == "," and toks[e + 1].sent == sent:
            m = e + 1
            stop = m
            while (
                stop < n and stop < m + 3 and toks[stop].sent == sent and _is_cap(toks[stop].text)
            ):
                stop += 1
            for c in range(stop, m, -1):
                place = s.text[toks[m].start : _trim(toks[c - 1])]
                region = ad.region(place, s.day)
                if region is not None:
                    city = (toks[m].start, _trim(toks[c - 1]), region)
                    break
        venue_end = city[1] if city is not None else end
        if not s.free(cue.start, venue_end):
            continue
        s.mention(K.VENUE, cue.start, venue_end, s.text[cue.start : venue_end], "venue.di", 0.85)
        if city is not None:
            # the city inside the venue: a region mention of its own (overlapping span)
            s.mentions.append(
                Mention(
                    kind=K.REGION,
                    start=city[0],
                    end=city[1],
                    text=s.text[city[0] : city[1]],
                    value=city[2],
                    confidence=0.8,
                    rule="region.venue-city",
                )
            )


_SHORT_FORM: Final = re.compile(r"\(\s*([A-Z][\w-]{1,11})\s*\)")
_WORDS_BEFORE: Final = re.compile(r"((?:[A-Z][\w'-]*\.?\s+){1,6})\Z")


def _learn_short_forms(s: Scan) -> None:
    """Short forms the text defines: ``Kotawaringin Barat (Kobar)`` -> that government.

    The longest tail of the capitalised words before the parenthesis that names an
    agency or an autonomous region gives the short form its meaning in this text.
    """
    for m in _SHORT_FORM.finditer(s.text):
        short = m.group(1)
        if short in s.aliases:
            continue
        before = _WORDS_BEFORE.search(s.text, max(0, m.start() - 120), m.start())
        if before is None or ad.agency(short, s.day) is not None:
            continue
        words = before.group(1).split()
        for k in range(len(words)):
            found = ad.agency(" ".join(words[k:]).rstrip("."), s.day)
            if found is not None:
                s.aliases[short] = found
                break


def _learn_org_names(s: Scan) -> None:
    """Names of outside bodies printed where their end is plain.

    Before punctuation or a lower-case word: ``Universitas Pamulang.`` then cuts
    ``Rektor Universitas Pamulang Dayat Hidayat`` after ``Pamulang``.
    """
    toks = s.tokens
    for i, t in enumerate(toks):
        if t.low not in _OUTSIDE_CUES or not _is_cap(t.text):
            continue
        e = _org_words(toks, i + 1, t.sent)
        if e == i + 1:
            continue
        after = toks[e] if e < len(toks) else None
        plain_end = (
            after is None
            or after.sent != t.sent
            or not after.text[:1].isalpha()
            or after.text[:1].islower()
            or toks[e - 1].text.endswith(".")
        )
        if plain_end and e - i <= 5:
            s.org_names.add(tuple(x.low for x in toks[i:e]))
    # "Universitas Fajar (Unifa)": the short form this text gives an outside body
    for i, t in enumerate(toks):
        if t.low in _OUTSIDE_CUES and _is_cap(t.text):
            body = _outside_body(s, i)
            if body is not None:
                s.org_bodies.setdefault(body[0].id, body[0])
                if body[0].acronym:
                    s.org_acronyms.setdefault(body[0].acronym, body[0])
