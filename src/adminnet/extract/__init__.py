"""Ekstraksi berita (from an article to mentions with spans, and a draft Dataset).

:func:`extract` reads Indonesian government news with fixed, explainable rules (no
network, no model): it finds persons, position phrases, agencies, regions, dates and
times, venues, agreement kinds, fields of cooperation, figures and event words, each
a :class:`Mention` with its exact span and the rule that found it, then links them
into a draft :class:`~adminnet.model.dataset.Dataset`.

>>> from adminnet.extract import extract
>>> text = ("Kepala LAN, Dr. Adi Suryanto, M.Si memimpin penandatanganan MoU"
...         " Kamis (16/3) di Gedung LAN Veteran, Jakarta.")
>>> x = extract(text, published="2017-03-16")
>>> [(m.kind.value, m.text) for m in x.mentions][:3]
[('position', 'Kepala LAN'), ('person', 'Dr. Adi Suryanto, M.Si'), ('event', 'penandatanganan')]
>>> ds = x.to_dataset()
>>> [t.id for t in ds.tenures]
['adi-suryanto-kepala-lan']
>>> e = ds.events[0]
>>> e.kind.value, str(e.start), e.venue, e.region_code
('penandatanganan', '2017-03-16 00:00:00+07:00', 'Gedung LAN Veteran, Jakarta', '31')
>>> [m.text for m in x.sources_of("adi-suryanto")]
['Kepala LAN', 'Dr. Adi Suryanto, M.Si']

Without ``published`` a day printed without its year is a mention that carries the
error, and no event is dated by a guess:

>>> x = extract("Kepala LAN memimpin penandatanganan MoU Kamis (16/3).")
>>> [m.error.code for m in x.mentions if m.kind.value == "date"]
['extract.year_unknown']
>>> x.to_dataset().events
()
"""

from __future__ import annotations

import datetime as _dt
import html
from typing import Final

import attrs
import pendulum

from adminnet.errors import InvalidFormat
from adminnet.extract._mention import Mention, MentionKind, PositionReading
from adminnet.model.dataset import Dataset

__all__ = ["Extraction", "Mention", "MentionKind", "PositionReading", "extract"]

_MAX_TEXT: Final = 50_000_000


@attrs.frozen(kw_only=True)
class Extraction:
    """Hasil ekstraksi (what :func:`extract` found: mentions and a draft dataset).

    Attributes:
        text: The text read.
        mentions: Every mention, in text order.
        published: The publication date used for years not printed, if given.
        source: The citation given (kept on measurements).
        notes: What the draft assumed or left out, one sentence each.
    """

    text: str
    mentions: tuple[Mention, ...]
    published: pendulum.Date | None = None
    source: str | None = None
    notes: tuple[str, ...] = ()
    _dataset: Dataset = attrs.field(alias="dataset", repr=False)
    _sources: dict[str, tuple[Mention, ...]] = attrs.field(
        alias="sources", repr=False, eq=False, hash=False
    )

    def to_dataset(self) -> Dataset:
        """Rancangan data (the draft Dataset linked from the mentions)."""
        return self._dataset

    def sources_of(self, entity_id: str) -> tuple[Mention, ...]:
        """Asal (the mentions an entity of the draft was built from, in text order)."""
        return self._sources.get(entity_id, ())

    def of_kind(self, kind: MentionKind | str) -> tuple[Mention, ...]:
        """Sebutan satu jenis (the mentions of one kind)."""
        k = MentionKind(kind)
        return tuple(m for m in self.mentions if m.kind is k)

    def to_html(self) -> str:
        """Teks bertanda (the text as HTML, each mention highlighted with its kind)."""
        return render_html(self.text, self.mentions)

    def _repr_html_(self) -> str:
        return self.to_html()


_COLOURS: Final = {
    MentionKind.PERSON: "#ffe08a",
    MentionKind.POSITION: "#b5e3ff",
    MentionKind.AGENCY: "#c7f0c2",
    MentionKind.REGION: "#e6d3ff",
    MentionKind.DATE: "#ffd0d0",
    MentionKind.TIME: "#ffd0d0",
    MentionKind.VENUE: "#ffe4c4",
    MentionKind.AGREEMENT: "#d6f5f5",
    MentionKind.AREA: "#eeeeee",
    MentionKind.FIGURE: "#f5d6eb",
    MentionKind.EVENT: "#dfe8c8",
}


def render_html(text: str, mentions: tuple[Mention, ...]) -> str:
    """The text with its mentions as ``<mark>`` elements (nested spans are skipped)."""
    out: list[str] = []
    pos = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos:
            continue  # inside an earlier mention (a city in a venue)
        out.append(html.escape(text[pos : m.start]))
        title = f"{m.kind.value} ({m.rule}, {m.confidence:.2f})"
        if m.error is not None:
            title += f": {m.error.code}"
        style = f"background:{_COLOURS[m.kind]}"
        if m.error is not None:
            style += ";outline:2px solid #c00"
        out.append(
            f'<mark class="adminnet-{m.kind.value}" style="{style}"'
            f' title="{html.escape(title)}">{html.escape(m.text)}</mark>'
        )
        pos = m.end
    out.append(html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>\n")
    return f'<div class="adminnet-extraction" style="line-height:1.6">{body}</div>'


def _published(value: object) -> pendulum.Date | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return pendulum.date(value.year, value.month, value.day)
    from adminnet.time import as_date

    if isinstance(value, str) and len(value) > 10 and value[10:11] in ("T", " "):
        value = value[:10]  # an ISO timestamp: its day
    return as_date(value, what="published")  # type: ignore[arg-type]


def extract(text: str, *, published: object = None, source: str | None = None) -> Extraction:
    """Ekstrak (find the mentions in an article and link them into a draft Dataset).

    Args:
        text: The article (plain text; any length, linear time).
        published: The publication day (a date, a datetime or an ISO string), which
            gives the year of dates printed without one (``Kamis (16/3)``) and dates
            the registries; without it such dates are mentions with an error.
        source: A citation, kept on the measurements of the draft.

    Raises:
        InvalidFormat: ``text`` is not a string, or ``published`` is not a date.
    """
    obj: object = text
    if not isinstance(obj, str):
        params = {"what": "text", "type": type(obj).__name__}
        raise InvalidFormat(code="extract.invalid_type", params=params)
    if len(text) > _MAX_TEXT:
        too_long: dict[str, str | int] = {"value": len(text), "max": _MAX_TEXT}
        raise InvalidFormat(code="extract.too_long", params=too_long)
    src: object = source
    if src is not None and not isinstance(src, str):
        params = {"what": "source", "type": type(src).__name__}
        raise InvalidFormat(code="extract.invalid_type", params=params)
    day = _published(published)
    from adminnet.extract._build import Builder
    from adminnet.extract._scan import scan
    from adminnet.time import today

    s = scan(text, day or today(), None if day is None else day.year)
    builder = Builder(s=s, published=day, source=source)
    dataset, sources = builder.build()
    mentions = tuple(sorted(s.mentions, key=lambda m: (m.start, -m.end, m.kind.value)))
    return Extraction(
        text=text,
        mentions=mentions,
        published=day,
        source=source,
        notes=tuple(builder.notes),
        dataset=dataset,
        sources=sources,
    )
