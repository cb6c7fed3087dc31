"""Place resolution: the agency or region that a run of tokens names.

Part of the scanner (see :mod:`adminnet.extract._scan`, which runs the rules in order).
"""

from __future__ import annotations

import functools
import re
from typing import Final

import pendulum

from adminnet.errors import AdminnetError
from adminnet.extract import _adapters as ad
from adminnet.extract._scan_core import Scan, _is_acronym, _is_cap, _is_short_form, _title_only
from adminnet.extract._scan_words import (
    _GOV_CUES,
    _LEVEL_PRINTED,
    _LEVEL_WORDS,
    _MAX_PLACE_TOKENS,
    _MAX_REGION_TOKENS,
    _MAX_UNIT_TOKENS,
    _ROLE_FIRST,
    _VENUE_CUES,
    Token,
    _calendar_words,
    fold,
)
from adminnet.model.agency import Agency, AgencyKind
from adminnet.model.position import Role


def _place_candidates(toks: list[Token], k: int, limit: int) -> list[int]:
    """Token indexes after which a place part may end (longest first)."""
    sent = toks[k].sent if k < len(toks) else -1
    ends: list[int] = []
    j = k
    depth = 0
    while j < len(toks) and j < k + limit and toks[j].sent == sent:
        t = toks[j].text
        if t == "(":
            if j + 2 < len(toks) and toks[j + 2].text == ")" and _is_short_form(toks[j + 1].text):
                j += 3
                ends.append(j)
                continue
            break
        if depth:
            break
        if _is_cap(t) or _is_acronym(t):
            if fold(t) in _ROLE_FIRST and j > k:
                break
            if _title_only(t):
                break
            j += 1
            ends.append(j)
            if t.endswith(".") and len(fold(t)) >= 4:
                break
            continue
        if fold(t) in ("dan", "&") and j > k:
            j += 1
            continue
        if t == "," and j > k and j + 1 < len(toks) and _is_cap(toks[j + 1].text):
            # a comma inside an official name ("Desa, Pembangunan Daerah Tertinggal, dan")
            j += 1
            continue
        break
    return ends[::-1]


def _resolve_central(
    s: Scan, k: int, role: Role, *, cue_included: bool
) -> tuple[Agency, int, float, str] | None:
    toks = s.tokens
    if k >= len(toks):
        return None
    ends = _place_candidates(toks, k, _MAX_PLACE_TOKENS)
    ministry = role in (Role.MENTERI, Role.SEKRETARIS_KEMENTERIAN)
    for e in ends:
        text = s.text[toks[k].start : toks[e - 1].end].rstrip(".")
        queries = [text]
        acr = None
        if toks[e - 1].text == ")" and e - 3 >= k:
            acr = toks[e - 2].text
            base = s.text[toks[k].start : toks[e - 4].end] if e - 4 >= k else ""
            queries = [q for q in (base, text) if q]
        if ministry and not cue_included and not toks[k].low.startswith("kemen"):
            queries = [f"Kementerian {q}" for q in queries] + queries
            if acr:
                queries.append(f"Kementerian {acr}")
        elif acr:
            queries.append(acr)
        for q in queries:
            found = ad.agency(q, s.day)
            if found is not None and not found.is_local_government:
                return found, e, 0.95, "exact"
    # fallback: the only catalog agency alive on the day among the search hits,
    # for a short name that opens with a government word ("Kementerian Desa")
    if k < len(toks) and toks[k].low in _GOV_CUES:
        for e in sorted(ends):
            if e - k < 2 or any(t.text == "," for t in toks[k:e]):
                continue
            text = s.text[toks[k].start : toks[e - 1].end].rstrip(".")
            found = ad.agency_by_search(text, s.day)
            if found is not None and not found.is_local_government:
                return found, e, 0.7, "search"
            break
    return None


def _resolve_region_place(s: Scan, k: int, level: str) -> tuple[Agency, int, str] | None:
    """The local government of a place after a regional role (``Ambon``, ``Kab. X``)."""
    toks = s.tokens
    if k >= len(toks):
        return None
    sent = toks[k].sent
    printed_level = None
    j = k
    if toks[j].low in _LEVEL_WORDS and _is_cap(toks[j].text):
        printed_level = toks[j].text
        j += 1
    names: list[int] = []
    m = j
    while (
        m < len(toks)
        and m < j + _MAX_REGION_TOKENS
        and toks[m].sent == sent
        and (_is_cap(toks[m].text) or _is_acronym(toks[m].text))
        and toks[m].low not in _ROLE_FIRST
        and not _title_only(toks[m].text)
    ):
        m += 1
        names.append(m)
        if toks[m - 1].text.endswith(".") and len(toks[m - 1].low) >= 4:
            break
    for e in names[::-1]:
        place = s.text[toks[j].start : toks[e - 1].end].rstrip(".")
        if printed_level is not None:
            query = f"{printed_level} {place}"
        elif level in _LEVEL_PRINTED:
            query = f"{_LEVEL_PRINTED[level]} {place}"
        else:
            query = place
        found = s.aliases.get(place) or ad.agency(query, s.day)
        if found is not None and found.is_local_government:
            if level in _LEVEL_PRINTED and found.kind.value != f"pemerintah_{level}":
                continue
            return found, e, place
    return None


def _parent_name(agency: Agency | None, day: pendulum.Date) -> str:
    if agency is None:
        return ""
    if agency.is_local_government:
        return agency.name_at(day).removeprefix("Pemerintah ")
    return agency.acronym_at(day) or agency.name_at(day)


def _skip_short_form(toks: list[Token], k: int) -> int:
    """After a word, skip its short form in parentheses: ``(Pj)``, ``(Sekda)``."""
    if (
        k + 2 < len(toks)
        and toks[k].text == "("
        and toks[k + 2].text == ")"
        and len(toks[k + 1].text) <= 8
        and toks[k + 1].text[:1].isupper()
    ):
        return k + 3
    return k


def _resolve_unit(s: Scan, k: int) -> tuple[Agency, int, str] | None:
    """A unit name ending with the agency or government it belongs to.

    ``Dinas Kesehatan Sulteng`` -> (pemprov-72, end, "Dinas Kesehatan"). The parent is
    the longest tail of the name that resolves to a catalog agency or a local
    government; at least one word stays for the unit.
    """
    toks = s.tokens
    ends = _place_candidates(toks, k, _MAX_UNIT_TOKENS)
    for e in ends:  # longest first: the registry's reading of units
        whole = s.text[toks[k].start : toks[e - 1].end].rstrip(".")
        hit = ad.unit(whole, s.day)
        if hit is not None and hit[1] is not None and hit[0].kind is not AgencyKind.OTHER:
            return hit[0], e, hit[1]
    for e in ends:  # longest first
        for p in range(k + 1, e):
            if toks[p].text in ("(", ")") or toks[p].low in ("dan", "&"):
                continue
            if toks[p - 1].text == "(":
                continue
            place = s.text[toks[p].start : toks[e - 1].end].rstrip(".")
            found = ad.agency(place, s.day)
            if found is not None and found.kind is not AgencyKind.OTHER:
                unit = s.text[toks[k].start : toks[p - 1].end].strip(" ,")
                return found, e, unit
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _trim(tok: Token) -> int:
    """The end of a token without a full stop that ends the sentence, not a title's dot.

    ``Abnur.`` and ``BKN.`` lose it; ``M.Si.``, ``Dr.`` and an initial ``J.`` keep it.
    """
    word = tok.text.rstrip(".")
    if word != tok.text and "." not in word and (len(word) >= 4 or word.isupper()):
        return tok.start + len(word)
    return tok.end


def _resolve_central_or_local(s: Scan, i: int) -> tuple[Agency, int, str] | None:
    toks = s.tokens
    # the cue word itself plus what follows ("Pemerintah Kota (Pemkot) Ambon")
    j = i + 1
    ends: list[int] = []
    sent = toks[i].sent
    while j < len(toks) and j < i + _MAX_PLACE_TOKENS and toks[j].sent == sent:
        t = toks[j].text
        if (
            t == "("
            and j + 2 < len(toks)
            and toks[j + 2].text == ")"
            and _is_short_form(toks[j + 1].text)
        ):
            j += 3
            ends.append(j)
            continue
        if (_is_cap(t) or _is_acronym(t)) and not _title_only(t) and fold(t) not in _ROLE_FIRST:
            j += 1
            ends.append(j)
            if t.endswith(".") and len(fold(t)) >= 4:
                break
            continue
        if fold(t) in ("dan", "&") or (
            t == "," and j + 1 < len(toks) and _is_cap(toks[j + 1].text)
        ):
            j += 1
            continue
        break
    for e in ends[::-1]:
        text = s.text[toks[i].start : toks[e - 1].end].rstrip(".")
        found = ad.agency(text, s.day)
        if found is not None:
            return found, e, "name"
        if toks[e - 1].text == ")":
            base = s.text[toks[i].start : toks[e - 4].end]
            found = ad.agency(base, s.day) or ad.agency(toks[e - 2].text, s.day)
            if found is not None:
                return found, e, "name-acronym"
    # "Kejaksaan Negeri Magelang": the shortest head of the name that resolves is the
    # agency the unit belongs to (vertical offices of central bodies)
    for e in [i + 1, *sorted(ends)[:1]]:
        found = ad.agency(s.text[toks[i].start : toks[e - 1].end].rstrip("."), s.day)
        if found is not None and not found.is_local_government and ends:
            return found, ends[0], "parent-of-unit"
    if toks[i].low in ("kementerian", "kementrian", "badan", "lembaga", "komisi"):
        for e in ends:
            if e - i < 1 or any(t.text == "," for t in toks[i:e]):
                continue
            text = s.text[toks[i].start : toks[e - 1].end].rstrip(".")
            found = ad.agency_by_search(text, s.day)
            if found is not None:
                return found, e, "search"
            break
    return None


def _outside_body(s: Scan, i: int) -> tuple[Agency, int] | None:
    """``Universitas Pattimura``, ``PT Telkom Indonesia (Persero)``: an agency of kind other."""
    toks = s.tokens
    sent = toks[i].sent
    j = i + 1
    if toks[i].low in ("sekolah", "rumah") and j < len(toks):
        j += 1  # Sekolah Tinggi, Rumah Sakit
    e = _org_words(toks, j, sent)
    if e == j:
        return None
    for cut in range(j + 1, e):  # a name this text prints alone elsewhere ends here
        if tuple(t.low for t in toks[i:cut]) in s.org_names:
            e = cut
            break
    acronym = None
    words = [toks[x] for x in range(i, e)]
    e_full = e
    if (
        e + 2 < len(toks)
        and toks[e].text == "("
        and toks[e + 2].text == ")"
        and (
            _is_acronym(toks[e + 1].text)
            or _abbreviates(toks[e + 1].low, [t.low for t in toks[i:e]])
        )
    ):
        acronym = toks[e + 1].text
        e_full = e + 3
        # "Universitas Muhammadiyah (UM) Purwokerto": the place after the short form
        after = _org_words(toks, e_full, sent, limit=2)
        words += [toks[x] for x in range(e_full, after)]
        e_full = after
    name_text = (
        " ".join(t.text for t in words[:-1]) + " " + s.text[words[-1].start : _trim(words[-1])]
    )
    name_text = name_text.strip()
    slug = _slug(name_text)
    if not slug:
        return None
    try:
        agency = Agency(id=slug, name=name_text, kind=AgencyKind.OTHER, acronym=acronym)
    except AdminnetError:
        return None
    return agency, e_full


def _abbreviates(short: str, words: list[str]) -> bool:
    """``unifa`` of ``universitas fajar``: the short form is made of the words' beginnings.

    An Indonesian akronim joins the first letters or syllables of the words of a name,
    in order (Unifa, Unitri, Unpam); a word in brackets that is not so made
    (``Persero``) is no short form of the name.
    """

    @functools.cache
    def fits(at: int, w: int) -> bool:
        if at == len(short):
            return True
        if w == len(words):
            return False
        word = words[w]
        n = 0
        while n < len(word) and at + n < len(short) and word[n] == short[at + n]:
            n += 1
            if fits(at + n, w + 1):
                return True
        return fits(at, w + 1)

    if not (2 <= len(short) <= 12 and short.isalpha() and words and words[0]):
        return False
    return short[0] == words[0][0] and fits(0, 0)


_MONTH_IN_NAMES: Final = frozenset({"maret"})  # Universitas Sebelas Maret (UNS)
_ORG_STOP: Final = frozenset({"lantai", "jl", "jalan", "nomor", "no"})


def _org_words(toks: list[Token], j: int, sent: int, limit: int = 6) -> int:
    """The end of the capitalised words of an organisation's name from token ``j``."""
    e = j
    while e < len(toks) and e < j + limit and toks[e].sent == sent:
        t = toks[e]
        if (
            (_is_cap(t.text) or _is_acronym(t.text))
            and t.low not in _ROLE_FIRST
            and t.low not in _VENUE_CUES
            and t.low not in _ORG_STOP
            and not (
                t.low in _calendar_words()
                and (
                    e + 1 >= len(toks) or toks[e + 1].text[:1].isdigit() or toks[e + 1].text == "("
                )
                and t.low not in _MONTH_IN_NAMES
            )
        ):
            e += 1
            if t.text.endswith(".") and len(t.low) >= 2:
                break
            continue
        break
    return e
