"""Pencarian wilayah (search, match and name look-up over the one index; private).

The public functions are re-exported by :mod:`adminnet.regions`.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import Final

import attrs
import pendulum

from adminnet._validators import OneOf, UnitInterval, short
from adminnet.errors import AmbiguousName, InvalidComponent, InvalidFormat, UnknownEntity
from adminnet.model.region import Region, RegionKind
from adminnet.regions import _registry as _reg
from adminnet.regions._index import (
    _FORMER,
    _RETIRED,
    _ROW,
    HOW,
    Entry,
    Extra,
    _entry_kind,
    _entry_ok,
    _entry_region,
    _glued,
    _Index,
    _index,
    _miss_floor,
    _upper,
    initialism,
    interpretations,
)
from adminnet.text.folding import edits1, fold
from adminnet.time import DateLike, Period

__all__ = ["RegionMatch", "holders", "lookup", "match", "search"]

# Rank of a hit (lower is better) and its score. A kind cue that the region misses
# ("Kota X" for a kecamatan X) adds _MISS to the rank and multiplies the score by
# _MISS_FACTOR: below every hit of the cued kind, even a typo.
_RANK: Final = {"code": 0, "exact": 0, "alias": 1, "abbreviation": 2, "former": 3}
_TIER_RANK: Final = (0, 10, 20, 30)
_MISS: Final = 35
_MISS_FACTOR: Final = 0.3
_SCORE: Final = {
    0: 1.0,
    1: 0.95,
    2: 0.9,
    3: 0.85,
    4: 0.8,
    10: 0.6,
    20: 0.5,
    30: 0.4,
}
_HOWS: Final = frozenset({"code", "exact", "alias", "abbreviation", "former", "prefix", "typo"})


@attrs.frozen
class RegionMatch:
    """Kecocokan wilayah (a region a text may name, how it matched, and how well).

    ``how`` is one of ``"code"`` (the text is its code), ``"exact"`` (its name),
    ``"alias"`` (a registry alias or an informal name, ``"Siantar"``),
    ``"abbreviation"`` (a printed abbreviation, ``"Jabar"``), ``"former"`` (a name
    it bore on ``as_of``), ``"prefix"`` (its name, or a word of it, starts with the
    text) or ``"typo"`` (one typing slip away). ``score`` (0..1): code and exact
    1.0, alias 0.95, abbreviation 0.9, former 0.85, prefix 0.6 (a later word: 0.5),
    typo 0.4; a name written glued or split ("Bandarlampung") is exact at 0.95, the
    initials of a name of three words or more ("PPU") an abbreviation at 0.8; times
    0.3 when the text names a kind (``Kota``, ``Kab.``, ``Desa``...) the region does
    not have. Matches are ranked by score, then the larger region
    (lower level), then the code.

    >>> from adminnet import regions
    >>> m = RegionMatch(region=regions.get("32"), how="abbreviation", score=0.9)
    >>> m.region.name, m.how
    ('Jawa Barat', 'abbreviation')
    """

    region: Region
    how: str = attrs.field(validator=OneOf(_HOWS, "regions.invalid_how"))
    score: float = attrs.field(validator=UnitInterval("regions.invalid_score"))


def _check_search_args(text: object, level: object, within: object, limit: object) -> None:
    if not isinstance(text, str):
        params = {"type": type(text).__name__}
        raise InvalidFormat(code="regions.invalid_type", variant="text", params=params)
    if level is not None:
        _reg._length_of_level(level)
    if within is not None and not isinstance(within, str):
        params = {"type": type(within).__name__}
        raise InvalidFormat(code="regions.invalid_type", variant="within", params=params)
    if type(limit) is not int or limit < 0:
        raise InvalidComponent(code="regions.invalid_limit", params={"value": short(limit, 40)})


Key = tuple[int, int, str, str]  # (rank, code length, compact code, how)


def _ranked(
    text: str, level: int | None, within: str | None, limit: int, day: pendulum.Date | None
) -> list[Key]:
    """The best ``limit`` keys for ``text`` (arguments checked)."""
    prefix = ""
    if within is not None:
        prefix_or_none = _reg._compact_or_none(within)
        if prefix_or_none is None:
            return []
        prefix = prefix_or_none
    length = None if level is None else _reg._LENGTH_OF_LEVEL[level]
    if limit == 0:
        return []
    code = _reg._compact_or_none(text)
    if code is not None:
        region = _reg._data().resolve(code, day)
        if (
            region is not None
            and (length is None or len(code) == length)
            and (not prefix or (code != prefix and code.startswith(prefix)))
        ):
            return [(0, len(code), code, "code")]
        return []
    pair = bracketed(text)
    if pair is not None:  # "Kalimantan Tengah (Kalteng)": the name decides the ranking
        text = pair[0]
    queries, kinds = interpretations(text)
    if not queries:
        return []
    data, index = _index()
    # Rank first, build regions last: only the top ``limit`` become Region objects.
    # Scans go best bound first; a scan is skipped once ``limit`` hits beat its bound.
    lengths = (2, 4, 6, 10) if length is None else (length,)
    scans = sorted(
        (_TIER_RANK[tier] + _MISS * _miss_floor(kinds, size), size, tier, query)
        for tier in range(4)
        for query in queries
        for size in lengths
        # No typos of the kind word itself: "kab bogor" is read as the cue and a name.
        if not (tier == 3 and kinds is not None and query == queries[0])
        # A query longer than every name fits none (one longer: a typo may fit).
        and len(query) <= index.longest + (tier == 3)
    )
    best: dict[str, Key] = {}
    variants: dict[str, set[str]] = {}
    for bound, size, tier, query in scans:
        floor = (bound, size, "", "")
        if sum(1 for key in best.values() if key < floor) >= limit:
            break  # the later scans have higher bounds: none can place a hit
        if tier == 3 and query not in variants:
            # Only a query of a name's length, give or take one, can be one typo
            # away; longer ones skip building the ~50n variants (memory ~ n**2).
            near = edits1(query) if 4 <= len(query) <= index.longest + 1 else set()
            variants[query] = {v for v in near if v in index.exact}
        base = _TIER_RANK[tier]
        for entry in index.tier(tier, query, size, variants.get(query)):
            compact = index.compact_of(entry)
            if prefix and (compact == prefix or not compact.startswith(prefix)):
                continue
            previous = best.get(compact)
            if previous is not None and previous[0] <= base:
                continue
            if not _entry_ok(data, index, entry, day):
                continue
            if tier == 0:
                how = "exact" if isinstance(entry, str) else HOW[entry[1]]
            else:
                how = "typo" if tier == 3 else "prefix"
            rank = _RANK[how] if tier == 0 else base
            if kinds is not None and _entry_kind(data, index, entry) not in kinds:
                rank += _MISS
            key = (rank, len(compact), compact, how)
            if previous is None or key < previous:
                best[compact] = key
    if not any(key[0] < _TIER_RANK[1] for key in best.values()):
        _add_glued(best, data, index, queries, kinds, lengths, prefix, day)
    if kinds is None and initialism(text) is not None:
        sizes = tuple(size for size in lengths if size <= 4)
        for region in _initialism_regions(text, sizes, day):
            compact = region.code.replace(".", "")
            if not prefix or (compact != prefix and compact.startswith(prefix)):
                _keep_key(best, (_INITIALS_RANK, len(compact), compact, "abbreviation"))
    return heapq.nsmallest(limit, best.values())


_GLUED_RANK: Final = 1  # a name written without (or with extra) spaces: "exact", 0.95
_INITIALS_RANK: Final = 4  # initials of a name of three words: "abbreviation", 0.8


def _keep_key(best: dict[str, Key], key: Key) -> None:
    previous = best.get(key[2])
    if previous is None or key < previous:
        best[key[2]] = key


def _add_glued(
    best: dict[str, Key],
    data: _reg._Data,
    index: _Index,
    queries: tuple[str, ...],
    kinds: tuple[RegionKind, ...] | None,
    lengths: tuple[int, ...],
    prefix: str,
    day: pendulum.Date | None,
) -> None:
    """Names equal to a query once spaces are dropped ("Bandarlampung")."""
    glued = _glued()
    for query in queries:
        for entry in glued.glued_ids(query):
            compact = index.compact_of(entry)
            if len(compact) not in lengths:
                continue
            if prefix and (compact == prefix or not compact.startswith(prefix)):
                continue
            if not _entry_ok(data, index, entry, day):
                continue
            rank = _GLUED_RANK
            if kinds is not None and _entry_kind(data, index, entry) not in kinds:
                rank += _MISS
            _keep_key(best, (rank, len(compact), compact, "exact"))


def _score(key: Key) -> float:
    rank = key[0]
    if rank >= _MISS:
        return round(_SCORE[rank - _MISS] * _MISS_FACTOR, 4)
    return _SCORE[rank]


def match(
    text: str,
    *,
    as_of: DateLike | None = None,
    level: int | None = None,
    within: str | None = None,
    limit: int = 10,
) -> list[RegionMatch]:
    """Cocokkan wilayah (the regions a printed mention may name, best first, with how).

    Reads a code (``"81.71"``), a name as printed with or without its kind
    (``"Kota Ambon"``, ``"Kab. Bogor"``), a registry alias, a printed abbreviation
    or informal name (``"Jabar"``, ``"Lamsel"``, ``"Siantar"``: cited data), a former
    name (with ``as_of``), the start of a name, or a name one typing slip away. A
    kind in front is a cue: regions of that kind rank above any other, even above
    an exact name of another kind. Scores are those of :class:`RegionMatch`.

    >>> [(m.region.official_name, m.how, m.score) for m in match("Kalteng", limit=1)]
    [('Provinsi Kalimantan Tengah', 'abbreviation', 0.9)]
    >>> [(m.region.official_name, m.how) for m in match("Kota makasar", limit=2)]
    [('Kota Makassar', 'typo'), ('Kecamatan Makasar', 'exact')]

    Args:
        text: The mention, as printed.
        as_of: Names and regions valid on this date; ``None``: the current ones.
        level: Only regions of this level (1-4).
        within: Only regions under this code (dotted or compact), its descendants.
        limit: At most this many matches.

    Raises:
        InvalidFormat: ``text`` or ``within`` is not a string, ``as_of`` not a date.
        InvalidComponent: ``level`` is not 1-4, or ``limit`` is negative.
    """
    _check_search_args(text, level, within, limit)
    day = _reg._as_of(as_of)
    data = _reg._data()
    out: list[RegionMatch] = []
    for key in _ranked(text, level, within, limit, day):
        region = data.resolve(key[2], day)
        assert region is not None  # checked by _entry_ok
        out.append(RegionMatch(region=region, how=key[3], score=_score(key)))
    return out


def search(
    text: str,
    *,
    level: int | None = None,
    within: str | None = None,
    limit: int = 10,
    as_of: DateLike | None = None,
) -> list[Region]:
    """Cari wilayah (regions whose name fits ``text``, best first).

    The regions of :func:`match`, in its order: exact name, alias or abbreviation,
    then name starting with the text, then a word of the name starting with it,
    then names one typo away; ties go to the larger region (lower level), then the
    lower code. Case, accents, punctuation and a kind in front are ignored
    (``"Prov."``, ``"Kabupaten"``, ``"Kab."``, ``"Kota"``, ``"Kota Adm."``,
    ``"Kec."``, ``"Desa"``...; ``"Kep."`` reads ``Kepulauan``), but a kind in front
    ranks the regions of that kind first. Every region with the name is returned:
    ``"bogor"`` gives both Kabupaten and Kota Bogor.

    >>> [r.official_name for r in search("kab. bogor", limit=2)]
    ['Kabupaten Bogor', 'Kota Bogor']
    >>> search("ambonn")[0].official_name
    'Kota Ambon'
    >>> [r.code for r in search("seribu", within="31", level=2)]
    ['31.01']

    Args:
        text: What to look for.
        level: Only regions of this level (1-4).
        within: Only regions under this code (dotted or compact), its descendants.
        limit: At most this many results.
        as_of: Names and regions valid on this date; ``None``: the current ones.

    Raises:
        InvalidFormat: ``text`` or ``within`` is not a string, ``as_of`` not a date.
        InvalidComponent: ``level`` is not 1-4, or ``limit`` is negative.
    """
    return [m.region for m in match(text, as_of=as_of, level=level, within=within, limit=limit)]


def lookup(code_or_name: str, *, as_of: DateLike | None = None, level: int | None = None) -> Region:
    """Cari satu wilayah (the region with this code, name, alias or abbreviation).

    A code may be dotted or compact. A name matches exactly after folding case,
    accents and punctuation, bare (``"Ambon"``) or official (``"Kota Ambon"``,
    ``"Kab. Bogor"``), or as a registry alias or a printed abbreviation
    (``"Jabar"``), glued or split (``"Bandarlampung"``), or in capitals as the
    initials of a provinsi/kabupaten/kota name of three words or more (``"PPU"``).
    ``"Name (SHORT)"`` is read by the name; a short form naming another region is
    ambiguous, an unknown one ignored. A kind in front is a cue: when regions of
    that kind match, the others are dropped (``"Kota Siantar"`` is the kota, not the
    kelurahan). Without cue or level, a name that one provinsi/kabupaten/kota bears
    as its own and otherwise only lower regions is that region (``"Surabaya"``).
    Never a guess: a name that only starts a name or is one typo away is unknown (the
    message names the nearest regions), and a name several regions bear is
    ambiguous.

    >>> lookup("Kota Ambon").code, lookup("8171").name
    ('81.71', 'Ambon')
    >>> lookup("Bogor", level=2)
    Traceback (most recent call last):
    adminnet.errors.AmbiguousName: region name 'Bogor' fits 2 regions: 32.01, 32.71
    >>> lookup("Toba Samosir", as_of="2019-01-01").code
    '12.12'
    >>> lookup("Sultra").official_name
    'Provinsi Sulawesi Tenggara'

    Raises:
        UnknownEntity: no region has this code or name (valid ``as_of``).
        AmbiguousName: several regions have this name; ``candidates`` lists their codes.
        InvalidFormat: ``code_or_name`` is not a string, ``as_of`` is not a date.
        InvalidComponent: ``level`` is not 1-4.
    """
    obj: object = code_or_name
    if not isinstance(obj, str):
        params = {"type": type(obj).__name__}
        raise InvalidFormat(code="regions.invalid_type", variant="code_or_name", params=params)
    length = None if level is None else _reg._length_of_level(level)
    day = _reg._as_of(as_of)
    compact = _reg._compact_or_none(code_or_name)
    if compact is not None:
        data = _reg._data()
        region = data.resolve(compact, day) if day is not None else data.current(compact)
        if region is None or (length is not None and len(compact) != length):
            raise _reg._unknown_code(code_or_name, day)
        return region
    pair = bracketed(code_or_name)
    if pair is not None:
        return _lookup_bracketed(code_or_name, pair, as_of=as_of, level=level)
    data, index = _index()
    sizes = (2, 4, 6, 10) if length is None else (length,)
    queries, kinds = interpretations(code_or_name)
    matches, cued, own = _named(data, index, queries, kinds, sizes, day, glued=False)
    if not matches:  # "Bandarlampung", "Tulangbawang Barat": the name without spaces
        matches, cued, own = _named(data, index, queries, kinds, sizes, day, glued=True)
    if kinds is None and not any(len(code) <= _UPPER_DOTTED for code in matches):
        # "PPU", "PALI": in capitals, the initials of a name of three words or more;
        # before a desa or kecamatan that bears the letters as a name ("Pali'").
        initials = _initialism_regions(code_or_name, sizes, day)
        if len(initials) == 1 or (initials and not matches):
            matches = {r.code: r for r in initials}
    if cued:
        matches = cued
    elif kinds is not None and matches:
        # "Kota makasar": no kota has the name, but one is a typo away; the
        # kecamatan that has it exactly is not what the cue asked for.
        close = [
            m.region
            for m in match(code_or_name, as_of=as_of, level=level, limit=3)
            if m.region.kind in kinds
        ]
        if close:
            codes = [r.code for r in close] + sorted(matches, key=lambda c: (len(c), c))
            kind = close[0].kind.label.lower()
            params = {"value": _value(code_or_name), "kind": kind, "candidates": ", ".join(codes)}
            raise AmbiguousName(
                candidates=codes, code="regions.ambiguous_name", variant="near", params=params
            )
    elif len(matches) > 1:
        # "Surabaya", "Palu": one kota (or province, or kabupaten) bears the name, and
        # otherwise only kecamatan, desa or kelurahan; a bare name in print is the
        # larger region. Its own name only: an informal name ("Siantar") does not
        # outrank a kecamatan's own name.
        upper = [code for code in matches if len(code) <= _UPPER_DOTTED]
        if len(upper) == 1 and upper[0] in own:
            return matches[upper[0]]
    if len(matches) == 1:
        return next(iter(matches.values()))
    dated = {} if day is None else {"as_of": day.isoformat()}
    if not matches:

        def near() -> tuple[list[str], str]:
            found = match(code_or_name, as_of=as_of, level=level, limit=3)
            close = [m.region for m in found if m.how in ("prefix", "typo")]
            return [r.code for r in close], nearest(close)

        params = {"value": _value(code_or_name), **dated}
        raise UnknownEntity(code="regions.unknown_name", params=params, near=near)
    codes = sorted(matches, key=lambda c: (len(c), c))
    fits: dict[str, str | int] = {"value": _value(code_or_name), "count": len(codes), **dated}
    fits["candidates"] = ", ".join(codes)
    raise AmbiguousName(candidates=codes, code="regions.ambiguous_name", params=fits)


def _value(text: str) -> str:
    """The looked-up text as a message param: bounded, like every quoted value."""
    return text if len(text) <= 60 else text[:57] + "..."


def nearest(regions: Iterable[Region]) -> str:
    """Wilayah terdekat (the "did you mean" of regions as printed: ``Kota Ambon (81.71)``)."""
    return ", ".join(f"{r.official_name} ({r.code})" for r in regions)


_UPPER_DOTTED: Final = 5  # the longest dotted code of levels 1-2 ("35.78")


def _named(
    data: _reg._Data,
    index: _Index,
    queries: tuple[str, ...],
    kinds: tuple[RegionKind, ...] | None,
    sizes: tuple[int, ...],
    day: pendulum.Date | None,
    *,
    glued: bool,
) -> tuple[dict[str, Region], dict[str, Region], set[str]]:
    """Regions bearing one of the folded ``queries`` exactly (or without spaces).

    Returns them by code, those of the cued kinds, and the codes matched by a name
    the region bears or bore (not an alias or abbreviation).
    """
    matches: dict[str, Region] = {}
    cued: dict[str, Region] = {}
    own: set[str] = set()
    view = _glued() if glued else None
    for query in queries:
        if view is not None:
            entries: Iterable[Entry] = (
                e for e in view.glued_ids(query) if len(index.compact_of(e)) in sizes
            )
        else:
            entries = (e for size in sizes for e in index.tier(0, query, size))
        for entry in entries:
            region = _entry_region(data, index, entry, day)
            if region is None:
                continue
            matches[region.code] = region
            if isinstance(entry, str) or entry[1] in (_FORMER, _RETIRED):
                own.add(region.code)
            if kinds is not None and region.kind in kinds:
                cued[region.code] = region
    return matches, cued, own


def _initialism_regions(
    text: str, sizes: tuple[int, ...], day: pendulum.Date | None
) -> list[Region]:
    """The provinsi/kabupaten/kota whose current name has ``text`` as initials."""
    key = initialism(text)
    if key is None:
        return []
    data = _reg._data()
    out: list[Region] = []
    for compact in _glued().initials.get(key, ()):
        if len(compact) in sizes:
            region = data.resolve(compact, day)
            if region is not None:
                out.append(region)
    return out


def bracketed(text: str) -> tuple[str, str] | None:
    """``("Kalimantan Tengah", "Kalteng")`` for ``"Kalimantan Tengah (Kalteng)"``, else ``None``.

    A name followed by one bracketed short form at the end, neither empty, no other
    bracket (a plain scan: linear in the text).
    """
    stripped = text.rstrip()
    if not stripped.endswith(")"):
        return None
    open_at = stripped.rfind("(")
    if open_at <= 0:
        return None
    name, inner = stripped[:open_at].strip(), stripped[open_at + 1 : -1].strip()
    if not name or not inner or "(" in name or ")" in name or ")" in inner:
        return None
    return name, inner


def _lookup_bracketed(
    text: str, pair: tuple[str, str], *, as_of: DateLike | None, level: int | None
) -> Region:
    """Read "Name (SHORT)": the region of the name; the short form must not name another.

    A short form that names no provinsi/kabupaten/kota is ignored (a form the data
    does not know yet); one that names other regions only is a contradiction.
    """
    name, short_form = pair
    day = _reg._as_of(as_of)
    named = {code for code, _ in holders(short_form)}
    sizes = (2, 4)
    named.update(r.code for r in _initialism_regions(short_form, sizes, day))
    try:
        region = lookup(name, as_of=as_of, level=level)
    except AmbiguousName as exc:
        # "Bima (Kota Bima)": the short form picks one of the candidates.
        both = [c for c in exc.candidates if c in named]
        if len(both) == 1:
            return lookup(both[0], as_of=as_of)
        raise
    if not named or any(region.code == c or region.code.startswith(c + ".") for c in named):
        return region
    codes = [region.code, *sorted(named - {region.code}, key=lambda c: (len(c), c))]
    params = {
        "value": _value(text),
        "code": region.code,
        "short_form": short(short_form, 20),
        "candidates": ", ".join(codes[1:]),
    }
    raise AmbiguousName(
        candidates=codes, code="regions.ambiguous_name", variant="short_form", params=params
    )


def holders(name: str, *, level: int | None = None) -> tuple[tuple[str, Period], ...]:
    """Pemegang nama (every provinsi/kabupaten/kota code that ever bore a name, and when).

    For the local governments of :mod:`adminnet.agencies`: the name is compared with
    every level-1/2 name of the index (current, former, retired, aliases and printed
    abbreviations) without case, punctuation or spaces (``"Fakfak"`` is ``"Fak
    Fak"``). Each code comes with the period its name was in force (for an alias or
    abbreviation, the period of the region).

    >>> holders("Mamuju Utara")
    (('76.01', Period(start=None, end=PartialDate(year=2017, month=12, day=27))),)
    >>> [code for code, _ in holders("Lamsel")]
    ['18.01']

    Raises:
        InvalidFormat: ``name`` is not a string.
        InvalidComponent: ``level`` is not 1 or 2.
    """
    obj: object = name
    if not isinstance(obj, str):
        params = {"type": type(obj).__name__}
        raise InvalidFormat(code="regions.invalid_type", variant="name", params=params)
    sizes: tuple[int, ...] = (2, 4)
    if level is not None:
        size = _reg._length_of_level(level)
        if size > 4:
            params = {"value": short(level, 10)}
            raise InvalidComponent(code="regions.invalid_level", variant="holders", params=params)
        sizes = (size,)
    key = _fold_squashed(name)
    if not key:
        return ()
    data, upper = _upper()
    out: dict[tuple[str, Period], None] = {}
    for entry in upper.by_key.get(key, ()):
        if len(entry[0]) in sizes:
            out[(_reg._dotted(entry[0]), _name_period(data, entry))] = None
    return tuple(out)


def _fold_squashed(name: str) -> str:
    return fold(name).replace(" ", "")


def _name_period(data: _reg._Data, entry: Extra) -> Period:
    """When the name of a level-1/2 entry was in force."""
    compact, what, name = entry
    if what == _ROW:
        region = data.current(compact)
        assert region is not None  # rows are current codes
        former = data.former.get(compact)
        if former:
            end = former[-1].valid.end
            assert end is not None  # former names end
            return Period(start=_reg._partial(end.latest.add(days=1)))
        return region.valid
    if what == _FORMER:
        assert name is not None
        return name.valid
    if what == _RETIRED:
        return data.history[compact].valid
    region = data.resolve(compact, None)
    return _OPEN if region is None else region.valid


_OPEN: Final = Period()
