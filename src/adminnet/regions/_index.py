"""Indeks nama wilayah (the one index of region names, and how a query is read; private).

Every name a region bears or bore goes in one index: the current names (rows of the
data), the aliases of the registry data, the printed abbreviations and informal
names of ``adminnet/data/region_aliases.json`` (cited in
``scripts/sources/region_aliases.toml``), former names and the names of retired
codes. Names and queries are folded by :mod:`adminnet.text.folding`. The index is
built once, under the registry's lock, on the first search or name look-up.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from importlib import resources
from itertools import chain, islice
from typing import Final, TypeVar

import pendulum

from adminnet._memo import once
from adminnet.model.region import Region, RegionKind, RegionName
from adminnet.regions import _registry as _reg
from adminnet.regions._registry import _Data
from adminnet.text.folding import ABBREVIATIONS, fold, fold_block

_KINDS: Final[dict[str, tuple[RegionKind, ...]]] = {
    "provinsi": (RegionKind.PROVINSI,),
    "kabupaten administrasi": (RegionKind.KABUPATEN_ADMINISTRASI,),
    "kota administrasi": (RegionKind.KOTA_ADMINISTRASI,),
    "kabupaten": (RegionKind.KABUPATEN, RegionKind.KABUPATEN_ADMINISTRASI),
    "kota": (RegionKind.KOTA, RegionKind.KOTA_ADMINISTRASI),
    "kecamatan": (RegionKind.KECAMATAN, RegionKind.DISTRIK),
    "distrik": (RegionKind.DISTRIK, RegionKind.KECAMATAN),
    "kelurahan": (RegionKind.KELURAHAN,),
    "desa adat": (RegionKind.DESA_ADAT,),
    "desa": (RegionKind.DESA, RegionKind.DESA_ADAT),
}
# Words that may be abbreviated in a kind cue ("Kab.", "Prov.", "Kota Adm."): the
# kind words of :data:`ABBREVIATIONS`, never its other entries ("Sel." stays a name).
_CUE_WORDS: Final = frozenset(
    {
        k
        for k, v in ABBREVIATIONS.items()
        if v in {"provinsi", "kabupaten", "kecamatan", "kelurahan", "administrasi"}
    }
)

Query = tuple[tuple[str, ...], tuple[RegionKind, ...] | None]


def interpretations(text: str) -> Query:
    """The folded query as written and without a kind cue, and the kinds the cue names.

    ``"Kab. Bogor"`` reads ``("kab bogor", "bogor")`` with the kabupaten kinds;
    ``"Bogor"`` reads ``("bogor",)`` and no cue.
    """
    literal = fold(text)
    if not literal:
        return (), None
    words = literal.split(" ", 2)  # the first two words, and the rest unsplit
    expanded = [ABBREVIATIONS[w] if w in _CUE_WORDS else w for w in words[:2]]
    for size in (2, 1):
        if len(words) > size:
            cue = " ".join(expanded[:size])
            kinds = _KINDS.get(cue)
            if kinds is not None:
                return (literal, " ".join(words[size:])), kinds
    return (literal,), None


_CHUNK: Final = 4096  # names folded at once when the index is built

# Extra index entries (tuples, beside the rows' code strings): what kind of name they are.
_ALIAS: Final = 0
_FORMER: Final = 1
_RETIRED: Final = 2
_ABBREVIATION: Final = 3
_INFORMAL: Final = 4
HOW: Final = {
    _ALIAS: "alias",
    _FORMER: "former",
    _RETIRED: "former",
    _ABBREVIATION: "abbreviation",
    _INFORMAL: "alias",
}


def _read_printed() -> list[dict[str, str]]:
    """The printed abbreviations and informal names (``region_aliases.json``)."""
    folder = resources.files("adminnet") / "data"
    doc = json.loads((folder / "region_aliases.json").read_text(encoding="utf-8"))
    if doc.get("format") != 1:  # pragma: no cover - a packaging error
        from adminnet.errors import InvalidFormat

        raise InvalidFormat(code="regions.data_format", variant="aliases", params={"value": ""})
    entries: list[dict[str, str]] = doc["aliases"]
    return entries


Extra = tuple[str, int, RegionName | None]  # (compact code, what, former name)
# An entry of the index: the compact code of a current row (the string of the data,
# no object of its own), or an extra entry (its tuple).
Entry = str | Extra
_T = TypeVar("_T", str, Entry)  # the items of ``tokens`` or of ``exact``
_ROW: Final = -1  # a current name (a row of the data), in the level-1/2 view


def _extra_entries(data: _Data) -> tuple[list[Extra], list[str]]:
    """The names beyond the rows: aliases, former names, retired codes, printed forms."""
    extra: list[Extra] = []
    names: list[str] = []
    for compact, aliases in sorted(data.aliases.items()):
        for alias in aliases:
            extra.append((compact, _ALIAS, None))
            names.append(alias)
    for compact, former in sorted(data.former.items()):
        for name in former:
            extra.append((compact, _FORMER, name))
            names.append(name.name)
    for compact, h in sorted(data.history.items()):
        if h.end is not None and h.name is not None:
            extra.append((compact, _RETIRED, None))
            names.append(h.name)
    for printed in _read_printed():
        what = _ABBREVIATION if printed["how"] == "abbreviation" else _INFORMAL
        extra.append((printed["code"].replace(".", ""), what, None))
        names.append(printed["text"])
    return extra, names


class _Upper:
    """The level-1/2 part of the index, by name without spaces, for ``holders``.

    The same entries as :class:`_Index` (rows of levels 1-2 and the extra entries of
    level-1/2 codes), folded the same way; built alone, so that a local government
    look-up does not fold the 91,599 names of every level.
    """

    def __init__(self, data: _Data) -> None:
        lines, n = data.lines, data.n
        upper = data.bounds[6][0] - 1  # rows of levels 1-2 come first
        entries: list[Extra] = [(lines[i + 1], _ROW, None) for i in range(upper)]
        names = lines[n + 1 : n + 1 + upper]
        extra, extra_names = _extra_entries(data)
        for entry, name in zip(extra, extra_names, strict=True):
            if len(entry[0]) <= 4:
                entries.append(entry)
                names.append(name)
        self.by_key: dict[str, list[Extra]] = {}
        for entry, norm in zip(entries, fold_block("\n".join(names)).split("\n"), strict=True):
            self.by_key.setdefault(norm.replace(" ", ""), []).append(entry)


@once
def _upper_view() -> _Upper:
    """The level-1/2 view, built on first use."""
    return _Upper(_reg._data())


def _upper() -> tuple[_Data, _Upper]:
    """The registry data and its level-1/2 view."""
    return _reg._data(), _upper_view()


class _Index:
    """Search index over every name: current, former, retired, aliases and printed forms.

    ``exact`` maps a folded name to its entry, or a list of entries when several
    share it; ``tokens`` maps each second or later word to the distinct names
    bearing it (their entries are in ``exact``). An entry (:data:`Entry`) is the
    compact code of a row of the data, or one of the ``extra`` tuples.
    """

    def __init__(self, data: _Data) -> None:
        lines, n = data.lines, data.n
        extra, extra_names = _extra_entries(data)
        names = chain(islice(lines, n + 1, 2 * n + 1), extra_names)
        norm_of: list[str] = []
        longest = 0  # measured while each chunk's new strings are still in the CPU cache
        # A name met again shares the string of its first entry (in C: setdefault gives
        # the first string of each name; the dict is gone before ``exact`` is built,
        # which reuses its memory). In chunks: no big temporary strings or lists.
        first: dict[str, str] = {}
        while chunk := list(islice(names, _CHUNK)):
            block = fold_block("\n".join(chunk)).split("\n")
            longest = max(longest, *map(len, block))
            norm_of.extend(map(first.setdefault, block, block))
        del first
        # One pass; a call only for a name met again (a quarter of the entries). An
        # entry is the code string of its row or its extra tuple: no int objects.
        exact: dict[str, Entry | list[Entry]] = {}
        entries: Iterator[Entry] = chain(islice(lines, 1, n + 1), extra)
        for entry, norm in zip(entries, norm_of, strict=True):
            if norm in exact:
                _add(exact, norm, entry)
            else:
                exact[norm] = entry
        # Later words, by distinct name (not by entry): the names are a fraction of
        # the entries, and their entries are one look-up of ``exact`` away. A word of one
        # name maps to that name itself (6,500 of the 9,600 words): no list for it.
        tokens: dict[str, str | list[str]] = {}
        for norm in exact:
            if " " in norm:
                for token in norm.split(" ")[1:]:
                    _add(tokens, token, norm)
        # Sorted names and later words per level, for the prefix and word tiers. The
        # small levels 1-3 get their own lists (with the extra entries, all of levels
        # 1-2); level 4 uses the lists of every name, its entries filtered by level.
        small: dict[int, list[str]] = {2: [], 4: [], 6: []}
        for length in small:
            lo, hi = data.bounds[length]
            small[length].extend(norm_of[lo - 1 : hi - 1])
        for j, (compact, _, _) in enumerate(extra):
            small[len(compact)].append(norm_of[n + j])
        every_norm = sorted(exact)
        every_token = sorted(tokens)
        # A query longer than this plus one is no typo away from any name (tier 3).
        self.longest = longest
        self.level_norms = {length: sorted(set(v)) for length, v in small.items()}
        self.level_norms[10] = every_norm
        self.level_tokens = {
            length: sorted({t for norm in v for t in norm.split(" ")[1:]})
            for length, v in small.items()
        }
        self.level_tokens[10] = every_token
        self.n = n
        self.lines = lines
        self.norm_of = norm_of
        self.extra = extra
        self.exact = exact
        self.tokens = tokens

    @staticmethod
    def compact_of(entry: Entry) -> str:
        """The compact code an entry names."""
        return entry if isinstance(entry, str) else entry[0]

    def tier(
        self, tier: int, query: str, length: int, variants: set[str] | None = None
    ) -> Iterator[Entry]:
        """Entries of one level matching ``query`` at one tier.

        Tiers: 0 exact name, 1 name starting with the query, 2 a later word starting
        with it (or containing the query from a word on), 3 one edit away (``variants``).
        """
        compact_of = self.compact_of
        if tier == 0:
            for entry in _ids(self.exact.get(query)):
                if len(compact_of(entry)) == length:
                    yield entry
        elif tier == 1:
            norms = self.level_norms[length]
            i = bisect_left(norms, query)
            end = bisect_left(norms, query + "\uffff", i)
            exact = self.exact
            for norm in norms[i:end]:
                for entry in _ids(exact[norm]):
                    if len(compact_of(entry)) == length:
                        yield entry
        elif tier == 2:
            for entry in self._words(query, length):
                if len(compact_of(entry)) == length:
                    yield entry
        elif variants:
            exact = self.exact
            for variant in variants:
                for entry in _ids(exact.get(variant)):
                    if len(compact_of(entry)) == length:
                        yield entry

    def _words(self, query: str, length: int) -> Iterator[Entry]:
        parts = query.split(" ", 1)
        tokens, exact = self.tokens, self.exact
        if len(parts) == 1:
            toks = self.level_tokens[length]
            i = bisect_left(toks, query)
            end = bisect_left(toks, query + "\uffff", i)
            for token in toks[i:end]:
                for norm in _ids(tokens[token]):
                    yield from _ids(exact[norm])
            return
        needle = " " + query
        for norm in _ids(tokens.get(parts[0])):
            if needle in " " + norm:
                yield from _ids(exact[norm])


def _add(table: dict[str, _T | list[_T]], key: str, item: _T) -> None:
    """Add ``item`` under ``key``: bare for the first, a list from the second."""
    old = table.get(key)
    if old is None:
        table[key] = item
    elif isinstance(old, list):
        old.append(item)
    else:
        table[key] = [old, item]


def _ids(value: _T | list[_T] | None) -> Sequence[_T]:
    """The items stored under one key by :func:`_add`."""
    if value is None:
        return ()
    if isinstance(value, list):
        return value
    return (value,)


class _Glued:
    """Names without their spaces (``"bandarlampung"``), and initialisms of levels 1-2.

    ``squashed`` holds the names that have a space; a query glued or split from a
    name without one is found in the index itself (:meth:`glued_ids`).

    Built on the first query that no name matches exactly, so that a glued or split
    spelling (``"Bandarlampung"``, ``"Tulangbawang Barat"``) and an initialism
    (``"PPU"``) cost nothing to the queries that do.

    ``initials`` maps the initials of every current provinsi/kabupaten/kota name of
    three or more words (``"ppu"`` for Penajam Paser Utara) to the compact codes
    bearing them, minus :data:`NOT_INITIALISMS`.
    """

    def __init__(self, data: _Data, index: _Index) -> None:
        squashed: dict[str, Entry | list[Entry]] = {}
        entries: Iterator[Entry] = chain(islice(data.lines, 1, data.n + 1), index.extra)
        for entry, norm in zip(entries, index.norm_of, strict=True):
            if " " in norm:  # names without a space are keys of the index itself
                _add(squashed, norm.replace(" ", ""), entry)
        self.squashed = squashed
        lines = data.lines
        upper = data.bounds[6][0] - 1  # rows of levels 1-2 come first
        initials: dict[str, list[str]] = {}
        for i in range(upper):
            words = index.norm_of[i].split(" ")
            if len(words) >= 3:
                key = "".join(w[0] for w in words)
                if key not in NOT_INITIALISMS:
                    initials.setdefault(key, []).append(lines[i + 1])
        self.initials = initials
        self.exact = index.exact

    def glued_ids(self, query: str) -> list[Entry]:
        """Entries whose name, spaces dropped, is ``query`` with its spaces dropped.

        A word with a spelling variant of :data:`SPELLINGS` is read both ways
        (``"sumatra utara"`` finds Sumatera Utara).
        """
        out: list[Entry] = []
        for variant in {query, respelled(query)}:
            key = variant.replace(" ", "")
            out.extend(_ids(self.squashed.get(key)))
            if key != query:
                out.extend(_ids(self.exact.get(key)))
        return out


SPELLINGS: Final = {"sumatra": "sumatera"}
"""Ejaan lain (a word of region names printed in another common spelling, folded)."""


def respelled(query: str) -> str:
    """``query`` (folded) with the words of :data:`SPELLINGS` in the registry's spelling."""
    if not any(word in query for word in SPELLINGS):
        return query
    return " ".join(SPELLINGS.get(w, w) for w in query.split(" "))


# Initials of region names that print as something else: acronyms of agencies and
# bodies ("DPR", "KPK"...). No current name of three words has one of these today (a
# test compares every derived initialism with the agency catalog); the list guards
# the names of the future.
NOT_INITIALISMS: Final = frozenset(
    {"bpk", "bps", "dpd", "dpr", "kpk", "kpu", "mpr", "pln", "pns", "rsud", "tni"}
)


@once
def _glued() -> _Glued:
    """The view of names without spaces, built on the first query that needs it."""
    data, index = _index()
    return _Glued(data, index)


def initialism(text: str) -> str | None:
    """The folded key of ``text`` if it is written as an initialism, else ``None``.

    Three to five capital letters, nothing else (``"PPU"``, ``"OKUT"``): a name in
    lower or mixed case is a word, never initials.
    """
    stripped = text.strip()
    if 3 <= len(stripped) <= 5 and stripped.isascii() and stripped.isalpha() and stripped.isupper():
        return stripped.lower()
    return None


@once
def _index_view() -> _Index:
    """The index of every region name, built on first use."""
    return _Index(_reg._data())


def _index() -> tuple[_Data, _Index]:
    """The registry data and its name index."""
    return _reg._data(), _index_view()


def _reset() -> None:
    """Forget the index and its views (for tests)."""
    _index_view.reset()  # type: ignore[attr-defined]
    _upper_view.reset()  # type: ignore[attr-defined]
    _glued.reset()  # type: ignore[attr-defined]


def _entry_ok(data: _Data, index: _Index, entry: Entry, day: pendulum.Date | None) -> bool:
    """Whether an index entry's name belongs to a region valid on ``day`` (``None``: now)."""
    if isinstance(entry, str):  # a current row
        if day is None:
            return True
        compact = entry
        if not data.valid_at(compact, day):
            return False
        # The current name must itself be in force then (not a later rename).
        if compact not in data.former:
            return True
        current = data.name_of(compact)
        assert current is not None  # a row's code is current
        return data.name_at(compact, day, current) == current
    compact, what, former = entry
    if what in (_ALIAS, _ABBREVIATION, _INFORMAL):
        return day is None or data.at(compact, day) is not None
    if day is None:
        return False
    if what == _FORMER:
        assert former is not None  # former entries carry their name
        region = data.at(compact, day)
        return region is not None and region.name == former.name
    return data.history[compact].contains(day)


def _entry_kind(data: _Data, index: _Index, entry: Entry) -> RegionKind:
    if isinstance(entry, str):  # a current row
        return data.kind_of(entry)
    compact, what, _ = entry
    if what == _RETIRED:
        kind = data.history[compact].kind
        assert kind is not None  # retired codes have a kind
        return kind
    return data.kind_of(compact)


def _entry_region(
    data: _Data, index: _Index, entry: Entry, day: pendulum.Date | None
) -> Region | None:
    """The region an index entry names on ``day`` (``None``: current), if valid then."""
    if not _entry_ok(data, index, entry, day):
        return None
    return data.resolve(index.compact_of(entry), day)


_KIND_LENGTH: Final = {
    RegionKind.PROVINSI: 2,
    RegionKind.KABUPATEN: 4,
    RegionKind.KOTA: 4,
    RegionKind.KABUPATEN_ADMINISTRASI: 4,
    RegionKind.KOTA_ADMINISTRASI: 4,
    RegionKind.KECAMATAN: 6,
    RegionKind.DISTRIK: 6,
    RegionKind.KELURAHAN: 10,
    RegionKind.DESA: 10,
    RegionKind.DESA_ADAT: 10,
}


def _miss_floor(kinds: tuple[RegionKind, ...] | None, length: int) -> int:
    """0 if a region of this level can have one of ``kinds`` (or any kind is fine)."""
    if kinds is None or any(_KIND_LENGTH[k] == length for k in kinds):
        return 0
    return 1
