"""Katalog instansi pusat (the central catalog: loading, name keys and indexes; private).

Names are folded by :mod:`adminnet.text.folding` (``words``) and squashed into keys
(``"Kementerian PAN & RB"`` -> ``"kementerianpandanrb"``). The catalog loads on
first use, under a lock, and its indexes are built once.
"""

from __future__ import annotations

import builtins
import json
import threading
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any, Final

import attrs

from adminnet.errors import InvalidFormat
from adminnet.model.agency import Agency, AgencyKind, AgencyName
from adminnet.text.folding import words as fold_words
from adminnet.time import PartialDate, Period

_DATA_FILE: Final = "agencies.json"
_FORMAT: Final = 1

# First words of an institution's name: a "/" joins two names only if every part
# starts with one ("Kementerian PPN/Badan ..."; not "Pengadaan Barang/Jasa").
_INSTITUTION_WORDS: Final = frozenset(
    {
        "arsip",
        "badan",
        "dewan",
        "kantor",
        "kejaksaan",
        "kementerian",
        "kepolisian",
        "komisi",
        "konsil",
        "lembaga",
        "mahkamah",
        "majelis",
        "markas",
        "ombudsman",
        "perpustakaan",
        "pusat",
        "sekretariat",
    }
)

_SECRETARIAT_PREFIXES: Final = (
    ("sekretariat", "jenderal"),
    ("sekretariat",),
    ("setjen",),
)


def _check_text(text: object, what: str) -> str:
    if not isinstance(text, str):
        params = {"type": type(text).__name__}
        raise InvalidFormat(code="agency.invalid_type", variant=what, params=params)
    return text


def _strip_ri(words: list[str]) -> list[str]:
    """Drop a trailing "RI" / "Republik Indonesia" (kept if nothing else is left)."""
    if len(words) > 1 and words[-1] == "ri":
        return words[:-1]
    if len(words) > 2 and words[-2:] == ["republik", "indonesia"]:
        return words[:-2]
    return words


def _squash(words: Iterable[str]) -> str:
    return "".join(words)


def _keys(text: str) -> list[str]:
    """Index keys of a name: the whole name, and each part of a "/"-joined name."""
    segments = fold_words(text)
    if not segments:
        return []
    whole = [w for seg in segments for w in seg]
    keys = [_squash(_strip_ri(whole))]
    if len(segments) > 1 and builtins.all(
        len(seg) > 1 and seg[0] in _INSTITUTION_WORDS for seg in segments
    ):
        keys.extend(_squash(_strip_ri(seg)) for seg in segments)
    return keys


def _key(text: str) -> str:
    """The main (whole-name) key of ``text``, ``""`` if it has no words."""
    keys = _keys(text)
    return keys[0] if keys else ""


# --------------------------------------------------------------------------------------
# The central catalog.
# --------------------------------------------------------------------------------------


@attrs.frozen
class _Entry:
    """One way of naming an agency: which agency, and when that name was in force.

    ``valid`` is ``None`` for a name in force whenever the agency exists (undated
    names, aliases); ``current`` marks the agency's current name/acronym, in force
    when no dated other name is.
    """

    agency_id: str
    valid: Period | None
    current: bool


@attrs.frozen
class _Catalog:
    """The loaded catalog and its indexes (keys: squashed normalised words).

    ``acronyms`` holds acronyms and short forms (for :func:`lookup`); ``every`` holds
    those and every name (for :func:`resolve`); ``search_rows`` are (squashed name,
    its words each preceded by a space, agency id) for :func:`search`.
    """

    agencies: dict[str, Agency]
    acronyms: dict[str, tuple[_Entry, ...]]
    every: dict[str, tuple[_Entry, ...]]
    search_rows: tuple[tuple[str, str, str], ...]


_LOCK: Final = threading.RLock()


class _State:
    """What has been loaded so far (nothing until first use)."""

    def __init__(self) -> None:
        self.catalog: _Catalog | None = None
        self.search_rows: tuple[tuple[str, str, str], ...] | None = None
        self.governments: dict[str, Agency] = {}


_state = _State()


def _current_state() -> _State:
    """The state (looked up at call time: tests swap it)."""
    return _state


def _partial(value: object) -> PartialDate | None:
    return None if value is None else PartialDate.parse(str(value))


def _period(data: dict[str, Any]) -> Period:
    return Period(start=_partial(data.get("start")), end=_partial(data.get("end")))


def _agency_from_json(data: dict[str, Any]) -> Agency:
    return Agency(
        id=data["id"],
        name=data["name"],
        acronym=data.get("acronym"),
        kind=data["kind"],
        valid=_period(data),
        parent_id=data.get("parent"),
        other_names=tuple(
            AgencyName(
                name=o["name"],
                acronym=o.get("acronym"),
                valid=_period(o),
                basis=o.get("basis"),
            )
            for o in data.get("names", ())
        ),
        basis=data.get("basis"),
        successor_ids=tuple(data.get("successors", ())),
    )


def _load_catalog() -> _Catalog:
    raw = resources.files("adminnet.data").joinpath(_DATA_FILE).read_text(encoding="utf-8")
    document = json.loads(raw)
    if document.get("format") != _FORMAT:  # pragma: no cover - a packaging error
        params = {"value": _DATA_FILE, "format": repr(document.get("format")), "expected": _FORMAT}
        raise InvalidFormat(code="agency.data_format", params=params)
    agencies: dict[str, Agency] = {}
    aliases: dict[str, tuple[str, ...]] = {}
    for data in document["agencies"]:
        agency = _agency_from_json(data)
        agencies[agency.id] = agency
        aliases[agency.id] = tuple(data.get("aliases", ()))
    return _index(agencies, aliases)


def _index(agencies: dict[str, Agency], aliases: dict[str, tuple[str, ...]]) -> _Catalog:
    names: dict[str, list[_Entry]] = {}
    acronyms: dict[str, list[_Entry]] = {}
    rows: list[tuple[str, str, str]] = []

    def add(table: dict[str, list[_Entry]], text: str, entry: _Entry) -> None:
        for key in _keys(text):
            if key:
                bucket = table.setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)
        words = tuple(w for seg in fold_words(text) for w in seg)
        if words:
            rows.append(_search_row(words, entry.agency_id))

    for agency in agencies.values():
        aid = agency.id
        add(names, agency.name, _Entry(aid, None, current=True))
        if agency.acronym:
            add(acronyms, agency.acronym, _Entry(aid, None, current=True))
        for other in agency.other_names:
            valid = other.valid if other.is_dated else None
            add(names, other.name, _Entry(aid, valid, current=False))
            if other.acronym:
                add(acronyms, other.acronym, _Entry(aid, valid, current=False))
        for alias in aliases.get(aid, ()):
            entry = _Entry(aid, None, current=False)
            add(names, alias, entry)
            add(acronyms, alias, entry)
    # A secretariat answers to "Sekretariat (Jenderal) <its body>" and "Setjen <body>".
    for agency in agencies.values():
        if agency.kind is not AgencyKind.SEKRETARIAT_LEMBAGA or agency.parent_id is None:
            continue
        entry = _Entry(agency.id, None, current=False)
        body_keys = [
            k
            for table in (names, acronyms)
            for k, entries in table.items()
            if any(e.agency_id == agency.parent_id for e in entries)
        ]
        for key in body_keys:
            for prefix in _SECRETARIAT_PREFIXES:
                bucket = names.setdefault(_squash(prefix) + key, [])
                if entry not in bucket:
                    bucket.append(entry)
    every: dict[str, list[_Entry]] = {k: list(v) for k, v in names.items()}
    for key, entries in acronyms.items():
        bucket = every.setdefault(key, [])
        bucket.extend(e for e in entries if e not in bucket)
    return _Catalog(
        agencies=agencies,
        acronyms={k: tuple(v) for k, v in acronyms.items()},
        every={k: tuple(v) for k, v in every.items()},
        search_rows=tuple(rows),
    )


def _catalog() -> _Catalog:
    catalog = _state.catalog
    if catalog is None:
        with _LOCK:
            catalog = _state.catalog
            if catalog is None:
                catalog = _state.catalog = _load_catalog()
    return catalog


def _search_row(words: Sequence[str], agency_id: str) -> tuple[str, str, str]:
    """A search row: the squashed name, " w1 w2 ..." (for word-prefix tests), the id."""
    return (_squash(words), "".join(f" {w}" for w in words), agency_id)
