"""The scanner's state (:class:`Scan`), the tokenizer and the person-name rules.

Part of the scanner (see :mod:`adminnet.extract._scan`, which runs the rules in order).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Final

import attrs
import pendulum

from adminnet.errors import AdminnetError
from adminnet.extract import _adapters as ad
from adminnet.extract._mention import Mention, MentionKind
from adminnet.extract._scan_words import (
    _BLANK_LINE,
    _CAPACITY_FIRST,
    _GOV_CUES,
    _LEVEL_WORDS,
    _MAX_NAME_WORDS,
    _MEMO,
    _NAME_STOP,
    _OUTSIDE_CUES,
    _ROLE_FIRST,
    _TOKEN,
    _UNIT_WORDS,
    _VENUE_CUES,
    Token,
    _calendar_words,
    fold,
)
from adminnet.model.agency import Agency

# --- the scanner ---------------------------------------------------------------------


@attrs.define
class PersonLink:
    """A person mention and the position mention it was printed with (if any)."""

    person: Mention
    position: Mention | None
    rule: str


@attrs.define
class Scan:
    """Everything found in one text: the mentions and the pairings between them."""

    text: str
    tokens: list[Token]
    day: pendulum.Date
    year: int | None
    mentions: list[Mention] = attrs.field(factory=list)
    links: list[PersonLink] = attrs.field(factory=list)
    covered: bytearray = attrs.field(factory=bytearray)
    sentence_spans: list[tuple[int, int]] = attrs.field(factory=list)
    aliases: dict[str, Agency] = attrs.field(factory=dict)
    org_names: set[tuple[str, ...]] = attrs.field(factory=set)
    org_acronyms: dict[str, Agency] = attrs.field(factory=dict)
    bodies: dict[str, Agency] = attrs.field(factory=dict)  # outside bodies read in posts
    org_bodies: dict[str, Agency] = attrs.field(factory=dict)  # outside bodies printed

    def agency(self, text: str) -> Agency | None:
        """The agency a name names: a short form this text defined, or the catalog's."""
        return self.aliases.get(text) or ad.agency(text, self.day)

    def free(self, start: int, end: int) -> bool:
        """True if no earlier mention took any character of [start, end)."""
        return not any(self.covered[start:end])

    def add(self, mention: Mention) -> Mention:
        """Record a mention and claim its characters."""
        self.mentions.append(mention)
        self.covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        return mention

    def mention(
        self,
        kind: MentionKind,
        start: int,
        end: int,
        value: object,
        rule: str,
        confidence: float = 1.0,
        error: AdminnetError | None = None,
    ) -> Mention:
        """Make and record a mention of ``text[start:end]``."""
        return self.add(
            Mention(
                kind=kind,
                start=start,
                end=end,
                text=self.text[start:end],
                value=value,
                confidence=confidence,
                rule=rule,
                error=error,
            )
        )

    def sentence_of(self, offset: int) -> int:
        """The number of the sentence holding a character offset."""
        lo, hi = 0, len(self.sentence_spans) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentence_spans[mid][0] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def tokenize(text: str) -> tuple[list[Token], list[tuple[int, int]]]:
    """Tokens with sentence numbers, and each sentence's character span."""
    spans: list[tuple[int, int]] = []
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]  # paragraph ends
    nb = 0
    sent = 0
    sent_start = 0
    front = ad.front_title_keys()
    prev_text = ""
    prev_end = -1
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sents: list[int] = []
    for word, start in _pieces(text):
        if prev_end >= 0:
            while nb < len(breaks) and breaks[nb] < prev_end:
                nb += 1
            blank = nb < len(breaks) and breaks[nb] < start
            if blank or (prev_text[-1] in ".!?" and _ends_sentence(prev_text, word, front)):
                spans.append((sent_start, prev_end))
                sent += 1
                sent_start = start
        words.append(word)
        starts.append(start)
        prev_text, prev_end = word, start + len(word)
        ends.append(prev_end)
        sents.append(sent)
    lows = [w.rstrip(".").lower() for w in words]
    tokens = list(map(Token._make, zip(words, starts, ends, sents, lows, strict=True)))
    spans.append((sent_start, len(text)))
    return tokens, spans


# two capitalised name words joined by a hyphen: the press's pair of names
# ("Genius Umar-Mardison Mahyudin", a kepala daerah and the wakil), read as two names
_NAME_PAIR: Final = re.compile(
    r"([A-Z][a-z\u00e0-\u00f6\u00f8-\u00ff']+)-([A-Z][a-z\u00e0-\u00f6\u00f8-\u00ff']+\.?)"
)


def _pieces(text: str) -> Iterator[tuple[str, int]]:
    """The tokens' texts and offsets; a hyphen between two names is a token of its own."""
    for m in _TOKEN.finditer(text):
        word, start = m.group(), m.start()
        pair = _NAME_PAIR.fullmatch(word) if "-" in word else None
        if pair is None:
            yield word, start
            continue
        yield pair.group(1), start
        yield "-", start + pair.end(1)
        yield pair.group(2), pair.start(2) + start


def _ends_sentence(tok: str, nxt: str, front: frozenset[str]) -> bool:
    if tok in ("!", "?"):
        return True
    if not tok.endswith("."):
        return False
    word = tok.rstrip(".")
    first = nxt[:1]
    if not word:  # a lone full stop, after a parenthesis or a quote
        return first.isupper() or first.isdigit() or first in '"\u201c('
    if word.isupper() and len(word) >= 2 and word.isalpha():
        return first.isupper()  # an acronym at the end of a sentence: "Bupati KKT. Pada"
    if "." in word or word.lower() in front:
        return False
    if not (len(word) >= 4 or word.islower() or word.isdigit()):
        return False
    return first.isupper() or first.isdigit() or first in '"\u201c('


def _is_cap(tok: str) -> bool:
    return tok[:1].isalpha() and tok[:1].isupper()


@functools.lru_cache(maxsize=_MEMO)
def _is_acronym(tok: str) -> bool:
    letters = tok.rstrip(".")
    return (
        2 <= len(letters) <= 12
        and letters[:1].isupper()
        and sum(c.isupper() for c in letters) >= 2
        and letters.replace("-", "").isalnum()
    )


@functools.lru_cache(maxsize=_MEMO)
def _is_short_form(tok: str) -> bool:
    """An acronym or a short form in parentheses: ``(LAN)``, ``(Pemkot)``, ``(PANRB)``."""
    return _is_acronym(tok) or (_is_cap(tok) and tok.isalpha() and len(tok) <= 12)


@functools.lru_cache(maxsize=_MEMO)
def _is_name_word(tok: str) -> bool:
    """A capitalised word, an initial or a glued front title (``Ir.Frans``)."""
    if not _is_cap(tok) and fold(tok) not in ad.front_title_keys():
        return False
    word = fold(tok)
    if word in _calendar_words() or word in _NAME_STOP or word in _ROLE_FIRST:
        return False
    if word in _UNIT_WORDS or word in _CAPACITY_FIRST:
        return False
    letters = tok.replace(".", "")
    if len(letters) >= 2 and any(c.isupper() for c in letters[1:]) and "." not in tok.rstrip("."):
        return False  # an acronym or a CamelCase short form (BKD, KemenPANRB), no name
    if word in _GOV_CUES or word in _OUTSIDE_CUES or word in _VENUE_CUES or word in _LEVEL_WORDS:
        return False
    if any(c.isdigit() for c in tok):
        return False
    core = tok.replace(".", "").replace("-", "").replace("'", "").replace("\u2019", "")
    return core.isalpha()


@functools.lru_cache(maxsize=_MEMO)
def _is_back_title(tok: str) -> bool:
    if tok in ("(K)", "(k)"):
        return True
    key = ad._key(tok)
    if key in ad.back_title_keys():
        return True
    # an unknown dotted abbreviation: S.Agr, M.Kes.
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{0,3}\.(?:[A-Za-z]{1,5}\.?){1,3}", tok))


@functools.lru_cache(maxsize=_MEMO)
def _title_only(tok: str) -> bool:
    return (ad._key(tok) in ad.front_title_keys() and "." in tok) or fold(tok) in ("prof", "dr")


def scan_name(s: Scan, i: int, *, stop: int | None = None) -> tuple[int, int, int] | None:
    """A person's name starting at token ``i``: (start char, end char, next token).

    Front titles, then one to six name words, then back titles after commas (or a
    dotted one without comma). At least one name word of two letters or more.
    """
    toks = s.tokens
    n = len(toks) if stop is None else min(stop, len(toks))
    if i >= n:
        return None
    sent = toks[i].sent
    j = i
    words = 0
    long_words = 0
    ended = False
    while j < n and toks[j].sent == sent and words < _MAX_NAME_WORDS:
        t = toks[j].text
        if words == 0 and _title_only(t):
            j += 1
            continue
        if words > 0 and _title_only(t) and "." in t:
            # "Kobar Hj. Nurhidayah": a front title inside starts the name
            i, words, long_words = j, 0, 0
            j += 1
            continue
        if not _is_name_word(t):
            break
        if ad._key(t) in ad.back_title_keys() and words > 0 and "." in t:
            break
        words += 1
        core = fold(t)
        if (len(core) >= 2 and "." not in core) or "." in core:
            long_words += 1
        j += 1
        if t.endswith(".") and len(core) >= 4 and "." not in core:
            ended = True  # sentence punctuation after a name word
            break
    if words == 0 or long_words == 0:
        return None
    end_tok = j
    if not ended:
        # back titles: ", M.Si" or glued "M.Si" without a comma
        while end_tok < n and toks[end_tok].sent == sent:
            k = end_tok
            if toks[k].text == ",":
                k += 1
            titles = 0
            while k < n and toks[k].sent == sent and _is_back_title(toks[k].text):
                k += 1
                titles += 1
            if titles == 0 or (toks[end_tok].text != "," and "." not in toks[end_tok].text):
                break
            end_tok = k
    start = toks[i].start
    last = toks[end_tok - 1]
    end = last.end
    if last.text.endswith(".") and len(fold(last.text)) >= 4 and "." not in fold(last.text):
        end -= len(last.text) - len(last.text.rstrip("."))
    return start, end, end_tok


def _name_value(s: Scan, start: int, end: int) -> object | None:
    name = ad.name(s.text[start:end])
    if name is None or not any(len(w) >= 2 for w in re.findall(r"[^\W\d_]+", name.given)):
        return None
    return name
