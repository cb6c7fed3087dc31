"""Lesen nama tercetak (the token-level parser behind :mod:`adminnet.text.names`; private).

The title lookups, text cleaning and the two parsers of :func:`adminnet.text.names.parse_name`:
``_parse_clean`` (every rule) and ``_parse_formal`` (the fast path for names in (near)
formal form, which gives ``_parse_clean``'s result or None). Both return the parts of
a name, ``(given, prefixes, suffixes, rank, honorific)``; :mod:`adminnet.text.names`
builds the :class:`~adminnet.text.names.PersonName`. The rules are documented there.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Final, NamedTuple

from adminnet._validators import short
from adminnet.errors import InvalidFormat
from adminnet.text import _ranks
from adminnet.text._namespell import (
    _ABBREV,
    _ACRONYM,
    _DOT_RUN,
    _DOTLESS_FRONT,
    _EDGE,
    _EDGE_LEAD,
    _ENG_MARK,
    _FRONT_ALIASES,
    _GLUED,
    _INNER_DOT,
    _K_MARK,
    _MAX_CACHED,
    _MAX_GLUED_FRONT,
    _MAX_HEAD,
    _MAX_MEMO,
    _SPACE_BEFORE_DOT,
    _SUBSPECIALTY,
    _back_lookup,
    _canonical_back,
    _front_lookup,
    _key,
)
from adminnet.text._titles import BACK_TITLES, BARE_TWO_LETTER, FRONT_TITLES

Parts = tuple[str, tuple[str, ...], tuple[str, ...], str | None, str | None]
"""given, prefixes, suffixes, rank, honorific"""

# --- tokens and titles --------------------------------------------------------------------------


class _Info(NamedTuple):
    """What one token can be; cached per token text (see :func:`_info`)."""

    key: str  # lookup key (see _key)
    front: str | None  # canonical front title of the token alone (parsing rules)
    front_join: bool  # the token may begin a front title written in several tokens
    back_join: bool  # the token may begin a back title written in several tokens
    canonical: str  # canonical back-title spelling (the token itself if unknown)
    lead: bool  # may open the back titles
    follow: bool  # may come after a first back title
    strong: bool  # known title written with a dot: opens the back titles without a comma
    known: bool  # a known back title
    attach: bool  # a mark joined to the title before: "(K)", "(Eng)", "K-EMD"
    bare: int = 0  # a known title without its dots: 1 in a run of titles, 2 even alone


def _key_prefixes(titles: tuple[str, ...]) -> frozenset[str]:
    """Every prefix of the key of each title with two dots or more."""
    return frozenset(
        key[:end]
        for key in (_key(t) for t in titles if t.count(".") >= 2)
        for end in range(1, len(key) + 1)
    )


@cache
def _join_starts() -> tuple[frozenset[str], frozenset[str]]:
    """Keys that may begin a front / back title written in several tokens.

    A title of ``k`` tokens needs ``k`` dots or more, and the key of a joined text is
    the keys of its parts run together, so a join can only start at such a key.
    """
    return _key_prefixes((*FRONT_TITLES, *_FRONT_ALIASES)), _key_prefixes(BACK_TITLES)


@cache
def _spaced_back() -> dict[tuple[str, str], str]:
    """Back titles of two words (``ASEAN Eng.``) by the keys of their words."""
    out: dict[tuple[str, str], str] = {}
    for title in BACK_TITLES:
        if " " in title:
            first, second = title.split(" ", 1)
            out[_key(first), _key(second)] = title
    return out


def _info(token: str) -> _Info:
    """What ``token`` can be (cached, unless the token is too long to be a title)."""
    return _cached_info(token) if len(token) <= _MAX_CACHED else _token_info(token)


def _bare(base: str, canonical: str) -> int:
    """How a known back title written without dots may open the back titles (see _Info).

    Only when written as the title is (``MSi``, ``SSOS``), never as a name word
    (``Mars`` is not ``MARS``); alone only if it cannot be two initials (three
    letters or more, a lower-case letter, or a two-letter degree of BARE_TWO_LETTER).
    """
    plain = canonical.replace(".", "")
    if "." in base or (base != plain and base != plain.upper()):
        return 0
    if len(plain) >= 3 or not plain.isupper() or plain.lower() in BARE_TWO_LETTER:
        return 2
    return 1


def _token_info(token: str) -> _Info:
    key = _key(token)
    front_starts, back_starts = _join_starts()
    front = _front_lookup(token)
    front_join = key in front_starts
    back_join = key in back_starts
    if token in _K_MARK:
        return _Info(key, front, front_join, back_join, "(K)", False, True, False, False, True)
    if token in _ENG_MARK:
        return _Info(key, front, front_join, back_join, " (Eng.)", False, True, False, False, True)
    if _SUBSPECIALTY.match(token):
        mark = "-K" + token[1:].lstrip("-")
        return _Info(key, front, front_join, back_join, mark, False, True, False, False, True)
    marked = len(token) > 3 and token.endswith(_K_MARK)
    base = token[:-3] if marked else token
    canonical_known = _back_lookup(base, marked=marked)
    known = canonical_known is not None
    canonical = _canonical_back(token)
    # The canonical "Sp.A(K)" drops the base's final dot, so a marked base need not
    # have one.
    if known or (("." in base or marked) and _ABBREV.match(base)):
        strong = known and "." in base
        bare = _bare(base, canonical_known) if canonical_known is not None else 0
        return _Info(
            key, front, front_join, back_join, canonical, True, True, strong, known, False, bare
        )
    follow = _ACRONYM.match(base) is not None
    return _Info(key, front, front_join, back_join, canonical, False, follow, False, False, False)


_cached_info = lru_cache(maxsize=8192)(_token_info)

_SPACED_FIRST: Final = frozenset(first for first, _ in _spaced_back())
# First words of a sapaan or a pangkat, and of anything that may begin a name's titles.
_HEAD_ONLY: Final = frozenset(_ranks.honorific_index()) | _ranks.rank_starts()
_HEAD_WORDS: Final = _HEAD_ONLY | _DOTLESS_FRONT | {"h"}  # what may begin titles
# Keys of the last word of a title in two words ("Sp Rad", "ASEAN Eng"), and of every
# back title: a name ending in one of them may have back titles without a comma.
_SECOND_KEYS: Final = frozenset(
    _key(t[3:]) for t in BACK_TITLES if t.startswith("Sp.") and "(" not in t
) | frozenset(second for _, second in _spaced_back())
_LAST_STOP: Final = _SECOND_KEYS | frozenset(_key(t) for t in BACK_TITLES)
_NO_ATTACH: Final = _Info("k", None, False, False, "(K)", False, False, False, False, False)


def _may_join(tokens: list[str], i: int, info: _Info, starts: frozenset[str]) -> bool:
    """Cheap test before :func:`_joinable`: the first two keys begin a known title."""
    return i + 1 < len(tokens) and info.key + _info(tokens[i + 1]).key in starts


def _pieces(word: str) -> tuple[str, ...]:
    """``J.Papilaya`` -> ``("J.", "Papilaya")`` unless the word is a known title."""
    return _cached_pieces(word) if len(word) <= _MAX_CACHED else _word_pieces(word)


def _glued_back(word: str) -> tuple[str, ...] | None:
    """``S.Sos.MT`` -> ``("S.Sos.", "MT")``: known back titles glued at a dot, or None."""
    for p in range(len(word) - 2, 0, -1):
        if word[p] == "." and _back_lookup(word[: p + 1]) is not None:
            rest = word[p + 1 :]
            if _back_lookup(rest) is not None:
                return word[: p + 1], rest
            more = _glued_back(rest) if "." in rest[1:-1] else None
            if more is not None:
                return (word[: p + 1], *more)
    return None


def _word_pieces(word: str) -> tuple[str, ...]:
    if "." not in word:
        return (word,)
    if "." in word[1:-1] and _back_lookup(word) is None and _front_lookup(word) is None:
        glued = _glued_back(word)
        if glued is not None:
            return glued
    if _GLUED.search(word) is None:
        return (word,)
    marked = len(word) > 3 and word.endswith(_K_MARK)  # "Sp.Perio(K)"
    if _back_lookup(word[:-3] if marked else word) is not None or _front_lookup(word) is not None:
        return (word,)
    return tuple(_GLUED.sub(". ", word).split(" "))


_cached_pieces = lru_cache(maxsize=8192)(_word_pieces)


def _tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Tokens of ``text`` and, for each, whether a comma comes before it."""
    tokens: list[str] = []
    commas: list[bool] = []
    pending = False
    for chunk in text.split(","):
        for word in chunk.split():
            for token in _pieces(word):
                tokens.append(token)
                commas.append(pending)
                pending = False
        pending = True
    return tokens, commas


def _joinable(tokens: list[str], commas: list[bool], i: int, k: int, *, front: bool) -> bool:
    """Tokens i..i+k-1 may form one title: each part ends in a dot, no comma inside.

    A part may also be followed by one in parentheses (``Dr. (H.C.)``), and at the
    front a dotless title counts as dotted (``Dr rer. nat.``), since its canonical
    spelling will be. The caller also requires the title found to have at least ``k``
    dots, so that ``K. H.`` joins into ``K.H.`` but ``Dr. A.`` never into ``Dra.``.
    Commas among the front titles are ignored (the formal form drops them).
    """
    if i + k > len(tokens):
        return False
    for t in range(i, i + k - 1):
        if commas[t + 1] and not front:
            return False
        token = tokens[t]
        if not (
            token.endswith(".")
            or tokens[t + 1].startswith("(")
            or (front and t == i and _info(token).front is not None)
        ):
            return False
    return True


def _take_front(
    tokens: list[str], commas: list[bool], i: int = 0, *, titled: bool = False
) -> tuple[list[str], int]:
    """Front titles from ``tokens[i]`` on; returns them and the index of the first other token.

    ``titled``: a rank or sapaan comes before, so a bare ``H`` is *Haji* there too (as
    it is before or after another front title).
    """
    prefixes: list[str] = []
    n = len(tokens)
    while i < n:
        token = tokens[i]
        info = _info(token)
        found = None
        if info.front_join and _may_join(tokens, i, info, _join_starts()[0]):
            for k in (3, 2):
                if _joinable(tokens, commas, i, k, front=True):
                    found = _front_lookup(" ".join(tokens[i : i + k]))
                    if found is not None and found.count(".") >= k:
                        i += k
                        break
                    found = None  # "Dr. A. Budi" is not "Dra."
        if found is None and info.front is not None:
            found = info.front
            i += 1
        if found is None and token[:1] == "(" and token[-1:] == ")" and len(token) > 2:
            found = _front_lookup(token[1:-1])  # "(Prof)"
            if found is not None:
                i += 1
        if (
            found is None
            and token == "H"
            and i + 1 < n
            and (
                prefixes or titled or (not commas[i + 1] and _info(tokens[i + 1]).front is not None)
            )
        ):
            found = "H."  # a bare H in a run of titles is Haji
            i += 1
        if found is None:
            # A glued run such as "Dr.Ir.H." or "K.H.Ma'ruf": the longest front title.
            for p in range(min(len(token) - 2, _MAX_GLUED_FRONT), 0, -1):
                if token[p] == ".":
                    found = _front_lookup(token[: p + 1])
                    if found is not None:
                        rest = _pieces(token[p + 1 :])  # as _tokenize would split it
                        tokens[i : i + 1] = rest
                        commas[i + 1 : i + 1] = [False] * (len(rest) - 1)
                        break
        if found is None:
            break
        prefixes.append(found)
    return prefixes, i


def _units(tokens: list[str], commas: list[bool]) -> list[tuple[int, int, _Info]]:
    """Group the tokens into units ``(start, end, info)``, joining titles like ``M. Si.``."""
    units: list[tuple[int, int, _Info]] = []
    j, n = 0, len(tokens)
    while j < n:
        info = _info(tokens[j])
        k = 1
        if info.back_join and _may_join(tokens, j, info, _join_starts()[1]):
            for size in (3, 2):
                if _joinable(tokens, commas, j, size, front=False):
                    canonical = _back_lookup("".join(tokens[j : j + size]))
                    if canonical is not None and canonical.count(".") >= size:
                        info = _Info(
                            "", None, False, False, canonical, True, True, True, True, False
                        )
                        k = size
                        break
        if k == 1 and j + 1 < n and info.key in _SPACED_FIRST:
            title = _spaced_back().get((info.key, _info(tokens[j + 1]).key))
            if title is not None and not commas[j + 1]:  # "ASEAN Eng."
                info = _Info("", None, False, False, title, True, True, True, True, False)
                k = 2
        elif k == 1 and info.key == "sp" and j + 1 < n and not commas[j + 1]:
            title = _back_lookup("Sp." + tokens[j + 1])  # "Sp Rad": a specialist
            if title is not None and title.startswith("Sp.") and "." not in tokens[j + 1]:
                info = _Info("", None, False, False, title, True, True, False, True, False, 2)
                k = 2
        if info.attach and (
            not units
            or units[-1][2].canonical.endswith(")")
            or (info.canonical[0] == "-" and not units[-1][2].canonical.startswith("Sp."))
        ):
            info = _NO_ATTACH  # nothing to mark
        units.append((j, j + k, info))
        j += k
    return units


def _is_sentence_period(token: str) -> bool:
    """A final period after a word of four letters or more that is not a title."""
    return (
        token.endswith(".")
        and token[-2:-1].isalpha()
        and "." not in token[:-1]
        and sum(c.isalpha() for c in token) >= 4
        and _back_lookup(token) is None
        and _front_lookup(token) is None
    )


def _invalid(text: str, code: str, variant: str | None = None, **extra: str | int) -> InvalidFormat:
    """``code`` (wording ``variant``) about the name ``text`` given to ``parse_name``."""
    params: dict[str, str | int] = {"field": "name", "value": short(text, 60), **extra}
    return InvalidFormat(code=code, variant=variant, params=params)


def _rank_key(token: str) -> str:
    return token.replace(".", "").lower()


def _take_head(tokens: list[str]) -> tuple[str | None, str | None, int]:
    """The sapaan and the pangkat at the start: ``(honorific, rank, index after them)``.

    Each needs a word after it. A short sapaan (``Pak``, ``Bu``) only comes directly
    before a name word, not before a rank or a title.
    """
    n = len(tokens)
    honorific = rank = None
    i = 0
    key = _rank_key(tokens[0])
    found = _ranks.honorific_index().get(key) if n > 1 else None
    if found is not None:
        after = tokens[1]
        if key not in _ranks.SHORT_HONORIFICS or not (
            _rank_key(after) in _ranks.rank_starts()
            or _info(after).front is not None
            or after[:1] == "("
        ):
            honorific, i = found, 1
            key = _rank_key(after)
    if i + 1 < n and key in _ranks.rank_starts():
        keys = [_rank_key(t) for t in tokens[i : i + _MAX_HEAD]]
        hit = _ranks.match_rank(keys, 0)
        if hit is not None and i + hit[1] < n:
            rank, i = hit[0], i + hit[1]
    return honorific, rank, i


def _parse_clean(s: str, text: str) -> Parts:
    """Parse the cleaned string ``s`` (``text`` is the input, for messages)."""
    if " ." in s:
        s = _SPACE_BEFORE_DOT.sub(".", s)
    if ".." in s:
        s = _DOT_RUN.sub(".", s)
    s = s.lstrip(_EDGE_LEAD).rstrip(_EDGE)
    tokens, commas = _tokenize(s)
    if not tokens:
        raise _invalid(text, "name.empty", "text")
    honorific, rank, i = _take_head(tokens)
    prefixes, i = _take_front(tokens, commas, i, titled=i > 0)
    if i:
        tokens, commas = tokens[i:], commas[i:]
    if not tokens:
        raise _invalid(text, "name.empty", "titles")
    if tokens[-1].endswith(".") and _is_sentence_period(tokens[-1]):
        tokens[-1] = tokens[-1][:-1]
    units = _units(tokens, commas)

    # The back titles start at the first unit (never the first) that may open them and
    # is followed only by title-like units: scan from the end while units are title-like.
    # Titles without dots or comma open them when they cannot be name words: alone if
    # bare == 2, else in a run of two titles or more, and only after a name word that
    # is not a title itself.
    m = split = len(units)
    named = -1  # the first unit that is not a known title (found when needed)
    for u in range(m - 1, 0, -1):
        start, _, info = units[u]
        if not info.follow:
            break
        if info.lead and (commas[start] or info.strong):
            split = u
        elif info.bare:
            if named < 0:
                named = next((x for x in range(m) if not units[x][2].known), m)
            if named < u and (info.bare == 2 or _run(units, u) >= 2):
                split = u

    end = units[split][0] if split < m else len(tokens)
    if (
        units[0][2].known  # cheap test first: usually a name word
        and all(units[u][2].known for u in range(split))
        and any("." in t for t in tokens[:end])
    ):
        raise _invalid(text, "name.empty", "titles")
    first = 0
    if not prefixes and not i and split < m and end >= 3 and tokens[0] == "H":
        # "H Herman Deru, SH, MH": Haji before a titled name, read as after a title
        heads, after = _take_front(tokens[:end], commas[:end], 0, titled=True)
        if end - after >= 2:
            prefixes, first = heads, after

    if end - first == 1:
        given = tokens[first]
    else:
        parts = [tokens[first]]
        for t in range(first + 1, end):
            parts.append(", " if commas[t] else " ")
            parts.append(tokens[t])
        given = "".join(parts)
    if not any(map(str.isalpha, given)):
        raise _invalid(text, "name.no_letters")

    suffixes: list[str] = []
    before = (0, 0)  # the tokens of the last title
    for start, stop, info in units[split:]:
        if not info.attach:
            suffixes.append(info.canonical)
            before = (start, stop)
        elif info.canonical != "(K)":
            suffixes[-1] = (
                suffixes[-1].rstrip(".") + info.canonical
                if info.canonical[0] == "-"
                else suffixes[-1] + info.canonical
            )
        elif before[1] - before[0] == 1:  # one token, so "Sp (K)" reads as "Sp(K)"
            suffixes[-1] = _canonical_back(tokens[before[0]] + "(K)")
        else:
            suffixes[-1] = suffixes[-1].rstrip(".") + "(K)"
    return given, tuple(prefixes), tuple(suffixes), rank, honorific


def _run(units: list[tuple[int, int, _Info]], u: int) -> int:
    """Titles from unit ``u`` to the end, marks not counted."""
    return sum(not info.attach for _, _, info in units[u:])


# The back titles of a name in (near) formal form, by the text from the first comma on
# (``", S.Sos., M.Si."``): their canonical spellings and the titles as written. Bounded
# like the constructor's memos; only texts of at most _MAX_TAIL characters are kept.
_formal_tails: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
_MAX_TAIL: Final = 80


def _formal_tail(tail: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Back titles of ``tail`` (``", S.H., MM"``) if each comma has one known title."""
    suffixes: list[str] = []
    written: list[str] = []
    for chunk in tail[1:].split(","):
        title = chunk[1:] if chunk[:1] == " " else chunk
        if " " in title:
            return None
        info = _info(title)
        if not info.known:
            return None
        suffixes.append(info.canonical)
        written.append(title)
    return tuple(suffixes), tuple(written)


# _info of the words of names in formal form, by word: a plain dict is quicker to ask
# than the LRU cache behind _info. Bounded like the memos above.
_word_infos: dict[str, _Info] = {}


def _word_info(token: str) -> _Info:
    """:func:`_info` of ``token``, remembered in ``_word_infos``."""
    info = _info(token)
    if len(token) <= _MAX_CACHED:
        if len(_word_infos) >= _MAX_MEMO:
            _word_infos.clear()
        _word_infos[token] = info
    return info


def _parse_formal(s: str) -> Parts | None:
    """Fast path of :func:`_parse_clean` for names in (near) formal form, or None.

    The shape is what ``str(PersonName)`` writes: front titles, the name, then a comma
    before each back title, every back title a known one written as one word (also
    ``"Budi,SH,MM"``). Whenever the text may need another rule of the slow path (a
    parenthesis, a title written in pieces, an initial that may be one, titles only,
    messy spacing ...) this returns None and the caller runs :func:`_parse_clean`, so
    the result is always the slow path's.
    """
    if "(" in s or " ." in s or ".." in s or s[0] in _EDGE_LEAD or s[-1] in _EDGE:
        return None
    # Back titles: one known title after each comma. Such a title never joins another
    # token (a comma comes between) and is never a sentence period.
    comma = s.find(",")
    if comma < 0:
        head = s
        suffixes: tuple[str, ...] = ()
    else:
        head, tail = s[:comma], s[comma:]
        hit = _formal_tails.get(tail)
        if hit is None:
            hit = _formal_tail(tail)
            if hit is None:
                return None
            if len(tail) <= _MAX_TAIL:
                if len(_formal_tails) >= _MAX_MEMO:
                    _formal_tails.clear()
                _formal_tails[tail] = hit
        suffixes, written = hit
    # The name part, split as _tokenize does (a glued dot can only be inside a word).
    if "." in head and _INNER_DOT.search(head) is not None:  # "J.Papilaya", "S.H.M.H."
        tokens = [piece for word in head.split() for piece in _pieces(word)]
    else:
        tokens = head.split()
    n = len(tokens)
    if suffixes:
        tokens += written
    # Front titles: what _take_front does while no title is written in pieces or glued
    # to the next word; when one may be, _take_front itself runs.
    infos = _word_infos
    front_starts, back_starts = _join_starts()
    prefixes: list[str] = []
    i = 0
    while i < n:
        token = tokens[i]
        info = infos.get(token) or _word_info(token)
        front = info.front
        if (info.front_join and _may_join(tokens, i, info, front_starts)) or (
            front is None and "." in token[1:-1]  # a glued run such as "Dr.Ir.H."
        ):
            total = len(tokens)
            prefixes, i = _take_front(tokens, [False] * n + [True] * len(suffixes))
            if len(tokens) != total:
                return None  # a glued title split the rest into pieces: the slow path
            break
        if front is None:
            if token == "H" or (i == 0 and info.key in _HEAD_ONLY):
                return None  # Haji or an initial; a sapaan or a pangkat: the slow path
            break
        prefixes.append(front)
        i += 1
    if i >= n:
        return None  # titles only, or titles running into the back titles
    rest = tokens[i:n]
    last = rest[-1]
    if not suffixes and last.endswith(".") and _is_sentence_period(last):
        rest[-1] = last = last[:-1]
    given = " ".join(rest)
    # Every word of the name stays a unit of its own: the last one cannot be a back
    # title, and none (only one ending in a dot may) starts a title written in pieces
    # ("M. Sc"), so the back titles start exactly at the first comma.
    info = infos.get(last) or _word_info(last)
    if info.follow or info.key in _SECOND_KEYS:
        return None  # a title, or the end of one in two words ("Sp Rad")
    if given.find(".", 0, len(given) - len(last)) >= 0:
        for j in range(len(rest) - 1):
            token = rest[j]
            if token.endswith("."):
                info = infos.get(token) or _word_info(token)
                if info.back_join and info.key + _info(rest[j + 1]).key in back_starts:
                    return None
    if not (given[0].isalpha() or any(map(str.isalpha, given))):
        return None  # the slow path raises name.no_letters
    return given, tuple(prefixes), suffixes, None, None
