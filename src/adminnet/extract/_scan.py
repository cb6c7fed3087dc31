"""The scanner: tokens, sentences, and the rules that find mentions with their spans.

Every rule looks at a bounded window of tokens, so scanning is linear in the length
of the text. Rules run in a fixed order (positions with their holders, venues,
agencies, regions, dates and times, agreement kinds, areas, figures, event words) and
a later rule never claims characters an earlier one took.

The rules live in private modules by noun, each importing only those above it:
``_scan_words`` (tables, :class:`Token`), ``_scan_core`` (:class:`Scan`, the tokenizer,
person names), ``_scan_resolve`` (the agency or region a run of tokens names),
``_scan_positions``, ``_scan_places`` (agencies, regions, venues) and ``_scan_facts``
(dates, agreements, areas, figures, event words, the dateline); this module runs them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pendulum

from adminnet.extract._mention import Mention
from adminnet.extract._scan_core import Scan, tokenize
from adminnet.extract._scan_facts import (
    cooperation_sentences,
    scan_agreements,
    scan_areas,
    scan_dateline,
    scan_dates,
    scan_event_words,
    scan_figures,
)
from adminnet.extract._scan_places import (
    _learn_org_names,
    _learn_short_forms,
    scan_agencies,
    scan_regions,
    scan_venues,
)
from adminnet.extract._scan_positions import (
    link_held_by,
    pair_posts,
    place_unplaced,
    scan_cued_names,
    scan_positions,
)


def scan(text: str, day: pendulum.Date, year: int | None) -> Scan:
    """Run every rule over ``text``; ``day`` dates the registries, ``year`` the bare dates."""
    tokens, spans = tokenize(text)
    s = Scan(text=text, tokens=tokens, day=day, year=year)
    s.covered = bytearray(len(text))
    s.sentence_spans = spans
    _learn_short_forms(s)
    _learn_org_names(s)
    scan_dateline(s)
    scan_venues(s)
    scan_positions(s)
    link_held_by(s)
    scan_agencies(s)
    scan_regions(s)
    scan_dates(s)
    scan_agreements(s)
    scan_areas(s, cooperation_sentences(s))
    scan_figures(s)
    scan_event_words(s)
    scan_cued_names(s)
    pair_posts(s)
    place_unplaced(s)
    return s


def iter_sorted(mentions: list[Mention]) -> Iterator[Mention]:
    """Mentions in text order (start, then longer first, then kind)."""
    yield from sorted(mentions, key=lambda m: (m.start, -m.end, m.kind.value))
