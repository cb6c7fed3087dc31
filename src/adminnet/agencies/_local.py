"""Pemerintah daerah (the governments of the autonomous regions, from the region registry).

Local governments are made on demand from :mod:`adminnet.regions` (private module;
the public functions are re-exported by :mod:`adminnet.agencies`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from adminnet.agencies._names import _LOCK, _check_text, _current_state
from adminnet.errors import InvalidComponent, UnknownEntity
from adminnet.ids import region_code as _region_code
from adminnet.model.agency import Agency, AgencyKind, AgencyName
from adminnet.time import DateLike, Period, as_date

if TYPE_CHECKING:
    import pendulum

    from adminnet.model.region import Region

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
    cache = _current_state().governments
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


def _not_autonomous(
    region: Region, cls: type[InvalidComponent] | type[UnknownEntity]
) -> InvalidComponent | UnknownEntity:
    """``agency.not_autonomous``: the region, and the government it belongs to (if any).

    Variants: ``administered`` (a kabupaten/kota administrasi: administered by its
    province), ``belongs`` (a kecamatan, desa or kelurahan) and none (no parent).
    """
    params = {"value": region.code, "name": region.official_name}
    parent = _autonomous_parent(region)
    if parent is None:
        return cls(code="agency.not_autonomous", params=params)
    gov = _government(parent)
    params["government"] = f"{gov.name} ({gov.id})"
    variant = "administered" if region.kind.value in _ADMINISTRASI else "belongs"
    return cls(code="agency.not_autonomous", variant=variant, params=params)


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
    code = _region_code.format(_check_text(region_code, "region_code"))
    region = _region_at(code, as_of)
    if region is None:
        day = None if as_of is None else as_date(as_of, what="as_of")
        params = {"value": code} if day is None else {"value": code, "as_of": day.isoformat()}
        raise UnknownEntity(code="agency.region_unknown", variant="lookup", params=params)
    if not region.is_autonomous:
        raise _not_autonomous(region, InvalidComponent)
    return _government(region)


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
    """Names a region may be printed as (``DI``/``DKI`` spelt out, optional Kepulauan)."""
    keys: list[str] = []
    if (kinds is None or "provinsi" in kinds) and rest[0] in ("di", "dki") and len(rest) > 1:
        head = "daerah istimewa" if rest[0] == "di" else "daerah khusus ibukota"
        keys.append(" ".join([head, *rest[1:]]))
    keys.append(" ".join(rest))
    return keys


def _local(
    words: list[str], day: pendulum.Date
) -> tuple[dict[str, int], dict[str, Agency], Region | None]:
    """Local governments the words may name, scored; and a non-autonomous match.

    Score 2: the region had that name on ``day``; 1: the code was valid on ``day``
    under another name; 0: the code was not valid on ``day``. Region names,
    aliases and printed abbreviations come from the region index
    (:func:`adminnet.regions.holders`).
    """
    from adminnet import regions

    parsed = _parse_local(words)
    if parsed is None:
        return {}, {}, None
    kinds, rest = parsed
    names: tuple[tuple[str, Period], ...] = ()
    for key in _local_keys(rest, kinds):
        names = regions.holders(key)
        if names:
            break
    if not names:  # "Siau Tagulandang Biaro" is "Kepulauan Siau Tagulandang Biaro"
        key = " ".join(rest[1:]) if rest[0] == "kepulauan" else "kepulauan " + " ".join(rest)
        names = regions.holders(key) if key.strip() else ()
    found: dict[str, int] = {}
    agencies: dict[str, Agency] = {}
    blocked: Region | None = None
    for code, valid in names:
        region = regions.get(code, as_of=day)
        if region is None:
            score = 0
            region = regions.latest(code)
            if region is None:  # pragma: no cover - the index comes from the registry
                continue
        else:
            score = 2 if valid.possibly_contains(day) else 1
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
