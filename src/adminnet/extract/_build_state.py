"""The builder's state and helpers shared by its parts: name comparison, the indexes.

Part of the builder (see :mod:`adminnet.extract._build`).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Final

import attrs
import pendulum

from adminnet.errors import AdminnetError
from adminnet.extract._mention import Mention, MentionKind, PositionReading
from adminnet.extract._scan_core import Scan
from adminnet.extract._scan_words import _GENERIC_BEFORE, fold
from adminnet.model.agency import Agency
from adminnet.model.agreement import AgreementKind
from adminnet.model.event import EventKind
from adminnet.model.person import Person
from adminnet.model.position import Role
from adminnet.text.names import PersonName
from adminnet.time import PartialDate

K = MentionKind

_CHAIR: Final = re.compile(r"\b(?:dipimpin|diketuai|dibuka)\s+(?:langsung\s+)?oleh\b", re.I)
_WITNESS: Final = re.compile(r"\b(?:disaksikan|menyaksikan)\s+(?:langsung\s+)?(?:oleh\s+)?", re.I)
_ATTEND: Final = re.compile(r"\b(?:hadir\w*|dihadiri(?:\s+oleh)?|menghadiri)\b", re.I)
_SIGNED_BY: Final = re.compile(r"\b(?:ditandatangani|menandatangani)\b", re.I)
_INAUGURATE: Final = re.compile(r"\bmelantik\b", re.I)
_INSTALL_LINKS: Final = frozenset({"name-sebagai-position", "name-appointed-position"})
_AS: Final = re.compile(r"\b(?:sebagai|menjadi)\b", re.I)
_ON_BEHALF: Final = re.compile(r"\batas\s+nama\b", re.I)
_WITH: Final = re.compile(r"\bdengan\b", re.I)
_SINCE: Final = re.compile(r"\b(?:sejak|semenjak|mulai)\b", re.I)
_SPBE: Final = re.compile(r"\bindeks\s+SPBE\b|\bSPBE\b", re.I)
_IPP: Final = re.compile(r"\bIPP\b|\bindeks\s+pelayanan\s+publik\b", re.I)
_ONLINE: Final = re.compile(r"\blayanan\b.*\b(?:online|daring|elektronik|digital)\b", re.I)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


_WORD: Final = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=4096)
def _words(name: PersonName) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(name.given))


def _near(a: str, b: str) -> bool:
    """Two name words written alike: equal, y/i or one edit apart (4 letters or more)."""
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4 or a[0] != b[0]:
        return False
    if a.replace("y", "i") == b.replace("y", "i"):
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _part_of(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Every word of ``short`` is, in order, a word (or run of words) of ``long_``."""
    j = 0
    matched_long = False
    for w in short:
        found = False
        while j < len(long_):
            if len(w) == 1:  # an initial
                if long_[j][0] == w:
                    j += 1
                    found = True
                    break
                j += 1
                continue
            joined = ""
            for k in range(j, min(len(long_), j + 3)):
                joined += long_[k]
                if _near(w, joined):
                    j = k + 1
                    found = True
                    matched_long = matched_long or len(w) >= 4
                    break
            if found:
                break
            j += 1
        if not found:
            return False
    return matched_long


def same_person(a: PersonName, b: PersonName) -> bool:
    """True if two printed names can be one person (``Bayuaji`` of ``Indrata Nur Bayu Aji``)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return _part_of(short, long_)


@attrs.define
class _Cluster:
    id: str
    name: PersonName
    mentions: list[Mention] = attrs.field(factory=list)
    positions: list[tuple[PositionReading, Mention, str]] = attrs.field(factory=list)
    first: int = 0


def _richer(a: PersonName, b: PersonName) -> PersonName:
    ka = (len(a.prefixes) + len(a.suffixes), len(a.given))
    kb = (len(b.prefixes) + len(b.suffixes), len(b.given))
    return b if kb > ka else a


@attrs.define
class BuilderState:
    """The builder's state: the scan, the person clusters, the indexes by sentence."""

    s: Scan
    published: pendulum.Date | None
    source: str | None
    notes: list[str] = attrs.field(factory=list)
    clusters: list[_Cluster] = attrs.field(factory=list)
    refs: list[tuple[int, int, _Cluster]] = attrs.field(factory=list)  # (start, sent, who)
    sources: dict[str, list[Mention]] = attrs.field(factory=lambda: defaultdict(list))
    event_days: dict[str, tuple[pendulum.Date, set[int]]] = attrs.field(factory=dict)
    inaugurations: set[str] = attrs.field(factory=set)
    by_prefix: dict[str, list[_Cluster]] = attrs.field(factory=lambda: defaultdict(list))
    by_role: dict[tuple[Role, str | None], list[_Cluster]] = attrs.field(
        factory=lambda: defaultdict(list)
    )
    by_sent: dict[tuple[int, MentionKind], list[Mention]] = attrs.field(
        factory=lambda: defaultdict(list)
    )
    refs_by_sent: dict[int, list[tuple[int, _Cluster]]] = attrs.field(
        factory=lambda: defaultdict(list)
    )
    first_token: dict[int, int] = attrs.field(factory=dict)
    signing: set[int] = attrs.field(factory=set)
    signers: dict[str, set[str]] = attrs.field(factory=lambda: defaultdict(set))

    # --- helpers ----------------------------------------------------------------------

    def _index(self) -> None:
        """Mentions, references and tokens by sentence (built once, after linking)."""
        s = self.s
        for m in s.mentions:
            self.by_sent[(s.sentence_of(m.start), m.kind)].append(m)
        for start, sent, c in self.refs:
            self.refs_by_sent[sent].append((start, c))
        for i, t in enumerate(s.tokens):
            self.first_token.setdefault(t.sent, i)
        self.signing = {
            n for n, (lo, hi) in enumerate(s.sentence_spans) if _SIGNED_BY.search(s.text, lo, hi)
        }
        for sent in self.signing:
            for _, c in self.refs_by_sent.get(sent, ()):
                for r, _, _ in c.positions:
                    if r.agency_id is not None:
                        self.signers[r.agency_id].add(c.id)

    def _in_sentence(self, kind: MentionKind, sent: int) -> list[Mention]:
        return self.by_sent.get((sent, kind), [])

    def _refs_between(self, sent: int, lo: int, hi: int) -> list[tuple[int, _Cluster]]:
        out = []
        seen: set[int] = set()
        for start, c in self.refs_by_sent.get(sent, ()):
            if lo <= start < hi and id(c) not in seen:
                seen.add(id(c))
                out.append((start, c))
        return out

    def _generic_at(self, sent: int, lo: int, hi: int) -> int:
        """Offset of the first group word (``sejumlah``, ``para``) in [lo, hi), else hi."""
        toks = self.s.tokens
        i = self.first_token.get(sent, len(toks))
        while i < len(toks) and toks[i].sent == sent and toks[i].start < hi:
            t = toks[i]
            if t.start >= lo and fold(t.text) in _GENERIC_BEFORE:
                return t.start
            i += 1
        return hi


_MAX_KNOWN_CHECK: Final = 64
_MAX_BACK: Final = 5
_MAX_CANDIDATES: Final = 64


def _prefixes(name: PersonName) -> set[str]:
    return {w[:3] for w in _words(name) if len(w) >= 3}


def _known(word: str, by_letter: dict[str, set[str]]) -> bool:
    """A word of a known person's name, written alike or glued (``Bayuaji``)."""
    if len(word) < 4:
        return False
    keys = by_letter.get(word[0], set())
    if word in keys:
        return True
    if len(keys) > _MAX_KNOWN_CHECK:
        return False
    return any(_near(word, k) or word.startswith(k) or k.startswith(word) for k in keys)


_KIND_RANK: Final = {
    AgreementKind.NOTA_KESEPAHAMAN: 3,
    AgreementKind.KESEPAKATAN_BERSAMA: 2,
    AgreementKind.PERJANJIAN_KERJA_SAMA: 1,
    AgreementKind.ADENDUM: 0,
}
_PRIORITY: Final = {
    EventKind.PENANDATANGANAN: 4,
    EventKind.PELANTIKAN: 3,
    EventKind.PELUNCURAN: 2,
    EventKind.RAPAT: 1,
    EventKind.OTHER: 0,
}


def _full_day(m: Mention) -> bool:
    """A date mention that names a calendar day (not a year, not an error)."""
    return isinstance(m.value, pendulum.Date) and not m.rule.startswith("date.year")


def _partial(d: pendulum.Date) -> PartialDate:
    return PartialDate(year=d.year, month=d.month, day=d.day)


def _unique_ids(clusters: list[_Cluster], persons: dict[str, Person]) -> tuple[str, ...]:
    out: list[str] = []
    for c in clusters:
        if c.id in persons and c.id not in out:
            out.append(c.id)
    return tuple(out)


def ad_get(agency_id: str, agencies: dict[str, Agency]) -> Agency | None:
    """An agency met in the text, or from the catalog / local governments."""
    if agency_id in agencies:
        return agencies[agency_id]
    from adminnet import agencies as catalog

    try:
        return catalog.get(agency_id)
    except AdminnetError:
        return None
