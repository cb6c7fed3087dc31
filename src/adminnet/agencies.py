"""Katalog instansi (the agency catalog, and the governments of the autonomous regions).

Central agencies (kementerian, LPNK, state bodies and their secretariats, LNS, ...)
come from a small cited catalog shipped with adminnet, with their names over time;
local governments (Pemerintah Provinsi/Kabupaten/Kota) are made on demand from the
region registry, :mod:`adminnet.regions`. Nothing is read at import time: the catalog
loads on first use, under a lock, and its indexes are built once.

>>> from adminnet import agencies
>>> agencies.get("lan").name
'Lembaga Administrasi Negara'
>>> agencies.lookup("Kominfo").id
'komdigi'
>>> agencies.lookup("komdigi").name_at("2017-03-16")
'Kementerian Komunikasi dan Informatika'
>>> agencies.local_government("81.71").name
'Pemerintah Kota Ambon'
>>> agencies.resolve("Pemkot Ambon").id
'pemkot-8171'
>>> agencies.resolve("Kementerian PPN/Bappenas").id
'bappenas'
>>> agencies.resolve("Kemendes", as_of="2020-01-01").id, agencies.resolve("Kemendes").id
('kemendes-pdtt', 'kemendes-pdt')
>>> agencies.resolve("Bogor")
Traceback (most recent call last):
adminnet.errors.AmbiguousName: 'Bogor' names several agencies: pemkab-3201, pemkot-3271

Local government ids are ``pemprov-PP``, ``pemkab-PPKK`` and ``pemkot-PPKK`` with the
compact region code (``pemkot-8171``). Acronyms and former names stay attached to the
agency that bore them: ``"Kominfo"`` resolves to ``komdigi`` on any date, and
``as_of`` only chooses between agencies that bore the same name at different times.
"""

from __future__ import annotations

import builtins
import json
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

import attrs

from adminnet._validators import short
from adminnet.errors import (
    AmbiguousName,
    InvalidComponent,
    InvalidFormat,
    UnknownEntity,
    ValidationError,
)
from adminnet.ids import region_code as _region_code
from adminnet.model._common import ID_PATTERN
from adminnet.model.agency import Agency, AgencyKind, AgencyName
from adminnet.time import DateLike, PartialDate, Period, as_date

if TYPE_CHECKING:
    import pendulum

    from adminnet.model.region import Region

__all__ = [
    "PROVINCE_ALIASES",
    "all",
    "get",
    "local_government",
    "lookup",
    "resolve",
    "search",
]

_DATA_FILE: Final = "agencies.json"
_FORMAT: Final = 1

PROVINCE_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "dki": ("Daerah Khusus Ibukota Jakarta", "DKI Jakarta"),
    "dki jakarta": ("Daerah Khusus Ibukota Jakarta", "DKI Jakarta"),
    "jakarta": ("Daerah Khusus Ibukota Jakarta", "DKI Jakarta"),
    "daerah khusus jakarta": ("Daerah Khusus Ibukota Jakarta", "DKI Jakarta"),
    "diy": ("Daerah Istimewa Yogyakarta", "DI Yogyakarta"),
    "di yogyakarta": ("Daerah Istimewa Yogyakarta", "DI Yogyakarta"),
    "ntb": ("Nusa Tenggara Barat",),
    "ntt": ("Nusa Tenggara Timur",),
    "babel": ("Kepulauan Bangka Belitung",),
    "bangka belitung": ("Kepulauan Bangka Belitung",),
    "kepri": ("Kepulauan Riau",),
    "sumut": ("Sumatera Utara",),
    "sumbar": ("Sumatera Barat",),
    "sumsel": ("Sumatera Selatan",),
    "jabar": ("Jawa Barat",),
    "jateng": ("Jawa Tengah",),
    "jatim": ("Jawa Timur",),
    "kalbar": ("Kalimantan Barat",),
    "kalteng": ("Kalimantan Tengah",),
    "kalsel": ("Kalimantan Selatan",),
    "kaltim": ("Kalimantan Timur",),
    "kaltara": ("Kalimantan Utara",),
    "sulut": ("Sulawesi Utara",),
    "sulteng": ("Sulawesi Tengah",),
    "sulsel": ("Sulawesi Selatan",),
    "sultra": ("Sulawesi Tenggara",),
    "sulbar": ("Sulawesi Barat",),
    "malut": ("Maluku Utara",),
}
"""Singkatan nama provinsi (abbreviated province names as printed in official tables).

Keys are normalised (lower case, single spaces); values are the names they stand for,
looked up in the region registry (several when the registry's wording changed). Only
for provinces: "Provinsi NTB", "Pemprov Kalbar", "Pemerintah Provinsi DKI Jakarta".
"""

# --------------------------------------------------------------------------------------
# Text normalisation, shared by the catalog index, the region index and the queries.
# --------------------------------------------------------------------------------------

_NON_WORD: Final = re.compile(r"[^0-9a-z/]+")
_MAX_TEXT: Final = 300

# Words expanded wherever they occur (abbreviations printed with or without a dot).
_TOKEN_EXPANSIONS: Final[dict[str, tuple[str, ...]]] = {
    "kab": ("kabupaten",),
    "prov": ("provinsi",),
    "propinsi": ("provinsi",),
    "kep": ("kepulauan",),
    "kepl": ("kepulauan",),
    "adm": ("administrasi",),
    "sel": ("selatan",),
    "pemprov": ("pemerintah", "provinsi"),
    "pemkab": ("pemerintah", "kabupaten"),
    "pemkot": ("pemerintah", "kota"),
    "pemda": ("pemerintah", "daerah"),
}

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
        msg = f"{what} must be a string (got {type(text).__name__})"
        raise InvalidFormat(msg, code="agency.invalid_type")
    return text


def _tokens(text: str) -> list[list[str]]:
    """Normalised words of ``text``, in segments split at ``/``.

    Accents and case are dropped, ``&`` is ``dan``, punctuation separates words, runs
    of single letters join (``D.I.`` -> ``di``, ``R.I.`` -> ``ri``), abbreviations
    expand (``Kab.``, ``Prov.``, ``Kep.``, ``Pemkot`` ...), and a word group printed
    twice in a row (an OCR slip: "Badan Pengusahaan Badan Pengusahaan ...") is kept
    once. A text longer than any name (over 300 characters) has no words.
    """
    if len(text) > _MAX_TEXT:
        return []
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " dan ")
    segments: list[list[str]] = []
    for raw in text.split("/"):
        words: list[str] = []
        letters: list[str] = []
        for word in _NON_WORD.sub(" ", raw).split():
            if len(word) == 1 and word.isalpha():
                letters.append(word)
                continue
            if letters:
                words.append("".join(letters))
                letters = []
            words.extend(_TOKEN_EXPANSIONS.get(word, (word,)))
        if letters:
            words.append("".join(letters))
        if words:
            segments.append(_dedupe(words))
    return segments


def _dedupe(words: list[str]) -> list[str]:
    """Drop an immediately repeated group of two or more words."""
    n = len(words)
    for size in range(n // 2, 1, -1):
        for i in range(n - 2 * size + 1):
            if words[i : i + size] == words[i + size : i + 2 * size]:
                return _dedupe(words[: i + size] + words[i + 2 * size :])
    return words


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
    segments = _tokens(text)
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
        self.regions: dict[str, tuple[_RegionName, ...]] | None = None
        self.search_rows: tuple[tuple[str, str, str], ...] | None = None
        self.governments: dict[str, Agency] = {}


_state = _State()


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
        msg = f"{_DATA_FILE} has format {document.get('format')!r}, expected {_FORMAT}"
        raise InvalidFormat(msg, code="agency.data_format")
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
        words = tuple(w for seg in _tokens(text) for w in seg)
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


# --------------------------------------------------------------------------------------
# Local governments, from the region registry.
# --------------------------------------------------------------------------------------

_LOCAL_KIND: Final = {
    "provinsi": AgencyKind.PEMERINTAH_PROVINSI,
    "kabupaten": AgencyKind.PEMERINTAH_KABUPATEN,
    "kota": AgencyKind.PEMERINTAH_KOTA,
}
_ID_PREFIX: Final = {
    AgencyKind.PEMERINTAH_PROVINSI: "pemprov",
    AgencyKind.PEMERINTAH_KABUPATEN: "pemkab",
    AgencyKind.PEMERINTAH_KOTA: "pemkot",
}
_LOCAL_ID: Final = re.compile(r"(pemprov)-([0-9]{2})\Z|(pemkab|pemkot)-([0-9]{4})\Z")
_ADMINISTRASI: Final = frozenset({"kabupaten_administrasi", "kota_administrasi"})

# Names that are not "Pemerintah <Provinsi X>": UU 11/2006 (Pemerintahan Aceh) names
# the "Pemerintah Aceh"; UU 13/2012 the Pemerintah Daerah DIY.
_SPECIAL_NAMES: Final[dict[str, tuple[str, str, tuple[str, ...]]]] = {
    "11": ("Pemerintah Aceh", "Pemprov Aceh", ("Pemerintah Provinsi Aceh",)),
    "34": (
        "Pemerintah Daerah Istimewa Yogyakarta",
        "Pemda DIY",
        ("Pemerintah Provinsi Daerah Istimewa Yogyakarta", "Pemerintah D.I. Yogyakarta"),
    ),
    "31": (
        "",  # default name from the registry, plus the short form below
        "Pemprov DKI Jakarta",
        ("Pemerintah Provinsi DKI Jakarta",),
    ),
}


def _government(region: Region) -> Agency:
    """The Pemerintah Provinsi/Kabupaten/Kota of an autonomous region's code (cached).

    One agency per code, whatever version of the region is passed: its name is made
    from the region's current (or last) name, former names of the region give dated
    former names of the government (Kabupaten Mamuju Utara -> Pasangkayu, 2017).
    """
    cache = _state.governments
    agency = cache.get(region.code)
    if agency is not None:
        return agency
    from adminnet import regions

    last = regions.latest(region.code) or region
    kind = _LOCAL_KIND[last.kind.value]
    label = last.kind.label
    name = f"Pemerintah {label} {last.name}"
    acronym = f"{_SHORT[kind]} {last.name}"
    others = [
        AgencyName(
            name=f"Pemerintah {label} {former.name}",
            acronym=f"{_SHORT[kind]} {former.name}",
            valid=former.valid,
            basis=former.basis,
        )
        for former in regions.names(last.code)
        if former.name != last.name
    ]
    special = _SPECIAL_NAMES.get(last.code)
    if special is not None:
        name = special[0] or name
        acronym = special[1]
        others.extend(AgencyName(name=o) for o in special[2])
    agency = Agency(
        id=_government_id(last.code),
        name=name,
        acronym=acronym,
        kind=kind,
        region_code=last.code,
        valid=last.valid,
        other_names=tuple(others),
        successor_ids=tuple(_government_id(code) for code in last.successors),
    )
    with _LOCK:
        return cache.setdefault(last.code, agency)


def _government_id(code: str) -> str:
    """The id of the government of an autonomous region code (``pemkot-8171``)."""
    compact = code.replace(".", "")
    if len(compact) == 2:
        return f"pemprov-{compact}"
    return f"pemkot-{compact}" if compact[2] >= "7" else f"pemkab-{compact}"


_SHORT: Final = {
    AgencyKind.PEMERINTAH_PROVINSI: "Pemprov",
    AgencyKind.PEMERINTAH_KABUPATEN: "Pemkab",
    AgencyKind.PEMERINTAH_KOTA: "Pemkot",
}


def _region_at(code: str, as_of: DateLike | None) -> Region | None:
    """The region ``code`` on ``as_of``; with no date, now or else its last version."""
    from adminnet import regions

    if as_of is None:
        return regions.latest(code)
    return regions.get(code, as_of=as_of)


def _autonomous_parent(region: Region) -> Region | None:
    from adminnet import regions

    code = region.parent_code
    while code is not None:
        parent = regions.latest(code)
        if parent is None:
            return None
        if parent.is_autonomous:
            return parent
        code = parent.parent_code
    return None


def _not_autonomous_message(region: Region) -> str:
    parent = _autonomous_parent(region)
    tail = ""
    if parent is not None:
        gov = _government(parent)
        verb = "is administered by" if region.kind.value in _ADMINISTRASI else "belongs to"
        tail = f"; it {verb} {gov.name} ({gov.id})"
    return (
        f"region {region.code} ({region.official_name}) is not an autonomous region"
        f" and has no government of its own{tail}"
    )


def local_government(region_code: str, *, as_of: DateLike | None = None) -> Agency:
    """Pemerintah daerah (the government of an autonomous region, by region code).

    Gives the Pemerintah Provinsi, Kabupaten or Kota of the provinsi, kabupaten or
    kota with this Kemendagri code (dotted or compact). With ``as_of`` the code must
    be valid on that day; without it, a current code or a retired one (its last
    version) is accepted. The agency is built on the fly: id ``pemprov-81`` /
    ``pemkab-8101`` / ``pemkot-8171``, name ``"Pemerintah Kota Ambon"``, with the
    special names of Aceh ("Pemerintah Aceh", UU 11/2006) and DIY ("Pemerintah
    Daerah Istimewa Yogyakarta", UU 13/2012).

    >>> local_government("11").name, local_government("8101").id
    ('Pemerintah Aceh', 'pemkab-8101')
    >>> local_government("31.71")
    Traceback (most recent call last):
    adminnet.errors.InvalidComponent: region 31.71 (Kota Administrasi Jakarta Pusat) is ...

    Raises:
        InvalidFormat: ``region_code`` is not a string or not a region code, or
            ``as_of`` is not a date.
        InvalidComponent: the region is not autonomous (``agency.not_autonomous``): a
            kabupaten/kota administrasi of DKI Jakarta (the message names the
            Pemerintah Provinsi that governs it), a kecamatan or a desa/kelurahan.
        UnknownEntity: no region has this code (on ``as_of``): ``agency.region_unknown``.
    """
    code = _region_code.format(_check_text(region_code, "region code"))
    region = _region_at(code, as_of)
    if region is None:
        when = "" if as_of is None else f" on {as_date(as_of, what='as_of')}"
        msg = f"no region has code {code}{when}"
        raise UnknownEntity(msg, code="agency.region_unknown")
    if not region.is_autonomous:
        raise InvalidComponent(_not_autonomous_message(region), code="agency.not_autonomous")
    return _government(region)


@attrs.frozen
class _RegionName:
    """A name a level-1/2 code bore, and when."""

    code: str
    valid: Period


def _region_index() -> dict[str, tuple[_RegionName, ...]]:
    index = _state.regions
    if index is None:
        with _LOCK:
            index = _state.regions
            if index is None:
                index = _state.regions = _build_region_index()
    return index


def _level12_codes() -> list[str]:
    """Every level-1/2 code: the current ones, then the retired ones they replaced."""
    from adminnet import regions

    codes = [r.code for level in (1, 2) for r in regions.all(level=level)]
    seen = set(codes)
    i = 0
    while i < len(codes):
        for old in regions.predecessors(codes[i]):
            if old not in seen:
                seen.add(old)
                codes.append(old)
        i += 1
    return codes


def _build_region_index() -> dict[str, tuple[_RegionName, ...]]:
    """Normalised region name -> the codes that bore it (registry names, all dates)."""
    from adminnet import regions

    index: dict[str, list[_RegionName]] = {}
    for code in _level12_codes():
        for former in regions.names(code):
            key = _key(former.name)
            entry = _RegionName(code, former.valid)
            bucket = index.setdefault(key, [])
            if key and entry not in bucket:
                bucket.append(entry)
    return {k: tuple(v) for k, v in index.items()}


# --------------------------------------------------------------------------------------
# Public look-ups.
# --------------------------------------------------------------------------------------


def get(id: str, *, default: Agency | None = None) -> Agency | None:
    """Instansi menurut id (the agency with this id, or ``default``).

    Catalog ids (``"lan"``, ``"komdigi"``) and local government ids (``"pemkot-8171"``)
    both work; any other string gives ``default``.

    >>> get("kemenpanrb").acronym
    'KemenPANRB'
    >>> get("pemprov-81").name
    'Pemerintah Provinsi Maluku'
    >>> get("no-such-agency") is None
    True

    Raises:
        InvalidFormat: ``id`` is not a string (``agency.invalid_type``).
    """
    _check_text(id, "agency id")
    agency = _catalog().agencies.get(id)
    if agency is not None:
        return agency
    m = _LOCAL_ID.match(id)
    if m is None:
        return default
    prefix = m[1] or m[3]
    code = m[2] or m[4]
    try:
        found = local_government(code)
    except (UnknownEntity, ValidationError):
        return default
    return found if _ID_PREFIX[found.kind] == prefix else default


def _score(entry: _Entry, agency: Agency, day: pendulum.Date) -> int:
    """2: the name was in force on ``day``; 1: the agency existed; 0: neither."""
    if not agency.valid.possibly_contains(day):
        return 0
    if entry.valid is not None:
        return 2 if entry.valid.possibly_contains(day) else 1
    if entry.current:
        return 1 if agency.dated_name_at(day) is not None else 2
    return 2


def _pick(text: str, candidates: dict[str, int], agencies: dict[str, Agency]) -> Agency:
    """The best-scored candidate, or AmbiguousName if several share the best score."""
    best = max(candidates.values())
    ids = sorted(aid for aid, score in candidates.items() if score == best)
    if len(ids) == 1:
        return agencies[ids[0]]
    msg = f"{short(text, 80)} names several agencies: {', '.join(ids)}"
    raise AmbiguousName(msg, candidates=ids, code="agency.ambiguous")


def _central(table: dict[str, tuple[_Entry, ...]], key: str, day: pendulum.Date) -> dict[str, int]:
    catalog = _catalog()
    found: dict[str, int] = {}
    for entry in table.get(key, ()):
        score = _score(entry, catalog.agencies[entry.agency_id], day)
        found[entry.agency_id] = max(score, found.get(entry.agency_id, -1))
    return found


def lookup(id_or_acronym: str, *, as_of: DateLike | None = None) -> Agency:
    """Cari instansi (the agency with this id or acronym; acronyms as of a date).

    Ids are exact (``"kemenpanrb"``, ``"pemkot-8171"``); acronyms and short forms are
    compared without case, spaces or punctuation (``"KemenPAN-RB"``). An acronym
    keeps naming the agency that bore it (``"Kominfo"`` is ``komdigi`` in 2025 too);
    ``as_of`` decides between agencies that bore the same acronym at different
    times.

    >>> lookup("BKN").name
    'Badan Kepegawaian Negara'
    >>> lookup("kemenpan-rb").id
    'kemenpanrb'

    Raises:
        InvalidFormat: not a string, or ``as_of`` not a date.
        UnknownEntity: no agency has this id or acronym (``agency.unknown``).
        AmbiguousName: several agencies bore it on that day (``agency.ambiguous``).
    """
    text = _check_text(id_or_acronym, "agency id or acronym")
    day = as_date(as_of, what="as_of")
    stripped = text.strip()
    if ID_PATTERN.match(stripped):
        agency = get(stripped)
        if agency is not None:
            return agency
    found = _central(_catalog().acronyms, _key(stripped), day)
    if not found:
        msg = f"no agency has the id or acronym {short(text, 80)}"
        raise UnknownEntity(msg, code="agency.unknown")
    return _pick(text, found, _catalog().agencies)


# Kind words of a local government name, after normalisation.
_LEVEL_WORDS: Final[dict[str, frozenset[str]]] = {
    "provinsi": frozenset({"provinsi"}),
    "kabupaten": frozenset({"kabupaten", "kabupaten_administrasi"}),
    "kota": frozenset({"kota", "kota_administrasi"}),
}


def _parse_local(words: list[str]) -> tuple[frozenset[str] | None, list[str]] | None:
    """Split "Pemerintah Kabupaten X" into the allowed region kinds and the name words.

    Returns ``None`` if the words cannot name a local government.
    """
    i = 0
    n = len(words)
    kinds: frozenset[str] | None = None
    if i < n and words[i] == "pemerintah":
        i += 1
        if i + 1 < n and words[i] == "daerah" and words[i + 1] != "istimewa":
            i += 1
    if i < n and words[i] in _LEVEL_WORDS:
        kinds = _LEVEL_WORDS[words[i]]
        i += 1
        if i < n and words[i] == "administrasi":
            i += 1
            kinds = kinds & _ADMINISTRASI
    rest = words[i:]
    if not rest:
        return None
    return kinds, rest


def _local_keys(rest: list[str], kinds: frozenset[str] | None) -> list[str]:
    """Registry keys a region name may be printed as (aliases, optional Kepulauan)."""
    joined = " ".join(rest)
    keys: list[str] = []
    if kinds is None or "provinsi" in kinds:
        keys.extend(_key(name) for name in PROVINCE_ALIASES.get(joined, ()))
        if rest[0] in ("di", "dki") and len(rest) > 1:
            head = "daerah istimewa" if rest[0] == "di" else "daerah khusus ibukota"
            keys.append(_squash([head, *rest[1:]]))
    keys.append(_squash(rest))
    return keys


def _local(
    words: list[str], day: pendulum.Date
) -> tuple[dict[str, int], dict[str, Agency], Region | None]:
    """Local governments the words may name, scored; and a non-autonomous match.

    Score 2: the region had that name on ``day``; 1: the code was valid on ``day``
    under another name; 0: the code was not valid on ``day``.
    """
    from adminnet import regions

    parsed = _parse_local(words)
    if parsed is None:
        return {}, {}, None
    kinds, rest = parsed
    index = _region_index()
    names: tuple[_RegionName, ...] = ()
    for key in _local_keys(rest, kinds):
        names = index.get(key, ())
        if names:
            break
    if not names:  # "Siau Tagulandang Biaro" is "Kepulauan Siau Tagulandang Biaro"
        key = _squash(rest[1:]) if rest[0] == "kepulauan" else "kepulauan" + _squash(rest)
        names = index.get(key, ())
    found: dict[str, int] = {}
    agencies: dict[str, Agency] = {}
    blocked: Region | None = None
    for entry in names:
        region = regions.get(entry.code, as_of=day)
        if region is None:
            score = 0
            region = regions.latest(entry.code)
            if region is None:  # pragma: no cover - the index comes from the registry
                continue
        else:
            score = 2 if entry.valid.possibly_contains(day) else 1
        if kinds is not None and region.kind.value not in kinds:
            continue
        if not region.is_autonomous:
            blocked = region
            continue
        agency = _government(region)
        if score > found.get(agency.id, -1):
            found[agency.id] = score
            agencies[agency.id] = agency
    return found, agencies, blocked


def resolve(text: str, *, as_of: DateLike | None = None) -> Agency:
    """Kenali instansi (the one agency a printed name names).

    Understands official names and former names, acronyms and short forms
    (``"KemenPANRB"``, ``"Pemkot Ambon"``), names joined with ``/``, ``&`` for
    ``dan``, a trailing ``RI`` / ``Republik Indonesia``, case, accents, punctuation
    and spacing, the kind words of local governments and their abbreviations
    (Pemerintah, Pemprov, Pemkab, Pemkot, Provinsi, Prov., Kabupaten, Kab., Kota,
    Kota Adm.), abbreviated province names (:data:`PROVINCE_ALIASES`) and
    "Sekretariat (Jenderal) <body>" for the secretariat of a body. Local governments
    are found through the region registry.

    ``as_of`` (default today) ranks, it never excludes: when several agencies bore
    the name, the one that bore it on that day wins, then one that existed on that
    day; a name only one agency ever bore gives that agency on any date.

    >>> resolve("Pemerintah Kab. Aceh Besar").id
    'pemkab-1106'
    >>> resolve("Kementerian Komunikasi dan Informatika").id
    'komdigi'
    >>> resolve("Sekretariat Jenderal Komisi Yudisial").id
    'sekretariat-ky'

    Raises:
        InvalidFormat: not a string, or ``as_of`` not a date.
        UnknownEntity: nothing fits (``agency.unknown``), or the name is that of a
            region without a government of its own (``agency.not_autonomous``).
        AmbiguousName: several agencies fit equally (``agency.ambiguous``); its
            ``candidates`` are their ids.
    """
    _check_text(text, "agency name")
    day = as_date(as_of, what="as_of")
    stripped = text.strip()
    catalog = _catalog()
    if ID_PATTERN.match(stripped) and "-" in stripped:
        agency = get(stripped)
        if agency is not None:
            return agency
    segments = _tokens(stripped)
    if not segments:
        msg = f"{short(text, 80)} does not name an agency"
        raise UnknownEntity(msg, code="agency.unknown")
    words = [w for seg in segments for w in seg]
    key = _squash(_strip_ri(words))
    found = _central(catalog.every, key, day)
    if not found and len(segments) > 1:  # "A/B" where only the parts are known
        for segment in segments:
            part = _squash(_strip_ri(segment))
            for aid, score in _central(catalog.every, part, day).items():
                found[aid] = max(score, found.get(aid, -1))
    if found:
        return _pick(text, found, catalog.agencies)
    local, governments, blocked = _local(words, day)
    if local:
        return _pick(text, local, governments)
    if blocked is not None:
        raise UnknownEntity(_not_autonomous_message(blocked), code="agency.not_autonomous")
    msg = f"no agency is named {short(text, 80)}"
    raise UnknownEntity(msg, code="agency.unknown")


def all(*, kind: AgencyKind | str | None = None, as_of: DateLike | None = None) -> list[Agency]:
    """Semua instansi (every catalog agency, then every local government).

    Catalog agencies come in catalog order; local governments follow by region code,
    for the regions of ``as_of`` (today if ``None``). With ``as_of``, only agencies
    that possibly existed that day are listed; without it, dissolved catalog
    agencies are listed too. ``kind`` keeps one kind (an :class:`AgencyKind` or its
    value).

    >>> [a.id for a in all(kind="lembaga_negara")]
    ['mpr', 'dpr', 'dpd', 'ma', 'bpk', 'mk', 'ky']

    Raises:
        InvalidFormat: ``kind`` is not an agency kind, or ``as_of`` not a date.
    """
    wanted: AgencyKind | None = None
    if kind is not None:
        try:
            wanted = AgencyKind(kind)
        except ValueError:
            msg = f"{short(kind, 60)} is not an agency kind"
            raise InvalidFormat(msg, code="agency.invalid_kind") from None
    day = None if as_of is None else as_date(as_of, what="as_of")
    result = [
        a
        for a in _catalog().agencies.values()
        if (wanted is None or a.kind is wanted) and (day is None or a.exists_at(day))
    ]
    if wanted is None or wanted.is_local_government:
        from adminnet import regions

        for level in (1, 2):
            for region in regions.all(level=level, as_of=as_of):
                if not region.is_autonomous:
                    continue
                agency = _government(region)
                if wanted is None or agency.kind is wanted:
                    result.append(agency)
    return result


def _search_row(words: Sequence[str], agency_id: str) -> tuple[str, str, str]:
    """A search row: the squashed name, " w1 w2 ..." (for word-prefix tests), the id."""
    return (_squash(words), "".join(f" {w}" for w in words), agency_id)


def _search_rows() -> Sequence[tuple[str, str, str]]:
    rows = _state.search_rows
    if rows is None:
        with _LOCK:
            rows = _state.search_rows
            if rows is None:
                built = list(_catalog().search_rows)
                from adminnet import regions

                for level in (1, 2):
                    for region in regions.all(level=level):
                        if not region.is_autonomous:
                            continue
                        agency = _government(region)
                        texts = (*agency.names, agency.acronym or "", region.official_name)
                        for text in (*texts, region.name):
                            words = tuple(w for seg in _tokens(text) for w in seg)
                            if words:
                                built.append(_search_row(words, agency.id))
                rows = _state.search_rows = tuple(built)
    return rows


def _one_typo(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by one insertion, deletion or substitution."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or a == b:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def search(text: str, *, as_of: DateLike | None = None, limit: int = 10) -> list[Agency]:
    """Cari instansi (agencies whose names match ``text``, best first).

    Ranked like :func:`adminnet.regions.search`: a whole name (or acronym) equal to
    the text, then names that start with it, then names containing every word of it
    (as word prefixes), then names one typing slip away. Within a rank, agencies that
    existed on ``as_of`` (default today) come first, then shorter names. Case,
    accents, punctuation and the abbreviations of :func:`resolve` do not matter.

    >>> [a.id for a in search("kab. bogor")]
    ['pemkab-3201']
    >>> [a.id for a in search("komisi yud")]
    ['ky', 'sekretariat-ky']

    Raises:
        InvalidFormat: ``text`` is not a string, ``limit`` not a positive int, or
            ``as_of`` not a date.
    """
    _check_text(text, "search text")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        msg = f"limit must be a positive int (got {short(limit, 40)})"
        raise InvalidFormat(msg, code="agency.invalid_limit")
    day = as_date(as_of, what="as_of")
    words = [w for seg in _tokens(text) for w in seg]
    if not words:
        return []
    query = _squash(words)
    stripped = _squash(_strip_ri(words))
    best: dict[str, tuple[int, int, int]] = {}
    rows = _search_rows()
    prefixes = [f" {w}" for w in words]
    for squashed, spaced, aid in rows:
        if squashed in (query, stripped):
            rank = 0
        elif squashed.startswith(query):
            rank = 1
        elif builtins.all(p in spaced for p in prefixes):
            rank = 2
        else:
            continue
        _keep(best, aid, rank, len(squashed))
    if not best:
        for squashed, _spaced, aid in rows:
            if _one_typo(query, squashed):
                _keep(best, aid, 3, len(squashed))
    ranked = sorted(
        best.items(),
        key=lambda item: (item[1][0], 0 if _exists(item[0], day) else 1, item[1][1], item[0]),
    )
    result: list[Agency] = []
    for aid, _rank in ranked[:limit]:
        agency = get(aid)
        if agency is not None:
            result.append(agency)
    return result


def _keep(best: dict[str, tuple[int, int, int]], aid: str, rank: int, length: int) -> None:
    old = best.get(aid)
    if old is None or (rank, length) < old[:2]:
        best[aid] = (rank, length, 0)


def _exists(aid: str, day: pendulum.Date) -> bool:
    agency = get(aid)
    return agency is not None and agency.exists_at(day)
