"""Private: the places and agencies of a position phrase (wilayah dan instansi jabatan).

:func:`adminnet.positions.parse_position` reads the phrase with
:func:`adminnet.text.positions.parse_position_phrase`; this module turns its place into
regions (by name, by level cue, within a parent) and finds the agency a role with
that place belongs to (a kementerian, a pemerintah daerah, a unit's agency). The
registries are imported when first needed, never at import.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

from adminnet.errors import AdminnetError, AmbiguousName, UnknownEntity, ValidationError
from adminnet.model.position import Role
from adminnet.text import _position_words as _w
from adminnet.time import DateLike, as_date

if TYPE_CHECKING:
    from adminnet.model.agency import Agency
    from adminnet.model.region import Region

# Roles whose place is a region of the level they imply (the kepala daerah and wakil).
_REGIONAL: Final = frozenset(r for r in Role if r.is_regional_head or r.is_regional_deputy)
_LOCAL: Final = frozenset({Role.CAMAT, Role.LURAH, Role.KEPALA_DESA})
# Posts of a kementerian: "Kementerian " is tried before a bare name.
_MINISTRY: Final = frozenset(
    {
        Role.MENTERI,
        Role.WAKIL_MENTERI,
        Role.SEKRETARIS_KEMENTERIAN,
        Role.SEKRETARIS_JENDERAL,
        Role.DIREKTUR_JENDERAL,
        Role.INSPEKTUR_JENDERAL,
    }
)
_LEVEL_KINDS: Final[dict[str, frozenset[str]]] = {
    "provinsi": frozenset({"provinsi"}),
    "kabupaten": frozenset({"kabupaten", "kabupaten_administrasi"}),
    "kota": frozenset({"kota", "kota_administrasi"}),
    "kecamatan": frozenset({"kecamatan", "distrik"}),
    "kelurahan": frozenset({"kelurahan"}),
    "desa": frozenset({"desa", "desa_adat"}),
}
_LEVEL_NUMBER: Final = {
    "provinsi": 1,
    "kabupaten": 2,
    "kota": 2,
    "kecamatan": 3,
    "kelurahan": 4,
    "desa": 4,
}
_REGIONAL_LEVELS: Final = frozenset({"provinsi", "kabupaten", "kota"})
_STRONG_HOW: Final = frozenset({"code", "exact", "alias", "abbreviation", "former"})
_NON_ALNUM: Final = re.compile(r"[^0-9a-z]+")
_CUE_WORDS: Final = frozenset(w for key in _w.LEVEL_WORDS for w in key) | {"adm", "administrasi"}
_RI: Final = re.compile(r"\s+(?:RI|R\.I\.|Republik Indonesia)$", re.IGNORECASE)
_MINISTER_WORD: Final = re.compile(r"(?:wa)?men[a-z]{2,}")
_BRACKETED: Final = re.compile(r"\([^()]*\)")


def _unbracketed(text: str) -> str:
    """The words of ``text`` with its bracketed groups left out, as the phrase's unit."""
    return " ".join(_BRACKETED.sub(" ", text).split())


def _squash(text: str) -> str:
    return _NON_ALNUM.sub("", text.lower())


def _short(text: str) -> str:
    return repr(text if len(text) <= 80 else text[:77] + "...")


# --------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------


def _bare_name(place: str, level: str | None = None) -> str:
    """The place without its leading level words ("Pemerintah Provinsi X" -> "X").

    Only a whole level wording of the level looked for counts ("Pemerintah Provinsi",
    "Kota Adm."): the "Daerah" of "Daerah Istimewa Yogyakarta" is part of the name, and
    so is the "Kota" of Kecamatan Kota Atambua.
    """
    words = place.split()
    folded = [_squash(w) for w in words]
    for n in (3, 2, 1):
        cue = _w.LEVEL_WORDS.get(tuple(folded[:n])) if len(words) > n else None
        if cue is None or not (cue == level or (level is None and cue in _REGIONAL_LEVELS)):
            continue
        i = n
        if len(words) > i + 1 and folded[i] in ("administrasi", "adm"):
            i += 1
        return " ".join(words[i:])
    return place


def _kinds(level: str | None) -> tuple[frozenset[str], tuple[int, ...]]:
    if level is None:
        kinds = _LEVEL_KINDS["provinsi"] | _LEVEL_KINDS["kabupaten"] | _LEVEL_KINDS["kota"]
        return kinds, (1, 2)
    return _LEVEL_KINDS[level], (_LEVEL_NUMBER[level],)


def _cue_level(place: str) -> str | None:
    """The level the place's leading level word names ("Provinsi Riau" -> provinsi)."""
    words = tuple(_squash(w) for w in place.split()[:3])
    for n in (3, 2, 1):
        level = _w.LEVEL_WORDS.get(words[:n])
        if level is not None and len(words) > n:
            return level
    return None


@functools.lru_cache(maxsize=4096)  # the registry does not change; articles repeat places
def _region_candidates(
    place: str,
    level: str | None,
    as_of: DateLike | None,
    within: tuple[str, ...] = (),
) -> tuple[Region, ...]:
    """Every region of the level whose name is the place's (exactly, after folding).

    A name with ``Kepulauan`` in front counts only when no region has the name as
    printed ("Riau" is not Kepulauan Riau, "Mentawai" is Kepulauan Mentawai). With
    ``within``, only regions under one of those codes.
    """
    from adminnet import agencies

    kinds, levels = _kinds(level)
    name = _bare_name(place, level)
    squashed = _squash(name)
    if not squashed:
        return ()
    names = [name]
    wanted = {squashed}
    if 1 in levels:
        folded = " ".join(name.lower().replace(".", " ").split())
        aliases = agencies.PROVINCE_ALIASES.get(folded, ())
        names.extend(aliases)
        wanted.update(_squash(n) for n in aliases)
    found: dict[str, Region] = {}
    near: dict[str, Region] = {}
    for spelled in (False, True):  # exact names first; other spellings only if none
        for lvl in levels:
            for scope in within or (None,):
                for query in names:
                    for region, strong in _searched(query, lvl, scope, kinds, as_of, spelled):
                        folded_name = _squash(region.name)
                        if strong or folded_name in wanted:
                            found.setdefault(region.code, region)
                        elif folded_name == "kepulauan" + squashed:
                            near.setdefault(region.code, region)
        if found or near:
            break
    return tuple(sorted((found or near).values(), key=lambda r: r.code))


def _searched(
    query: str,
    level: int,
    within: str | None,
    kinds: frozenset[str],
    as_of: DateLike | None,
    spelled: bool,
) -> list[tuple[Region, bool]]:
    """Regions the registry finds, and whether the registry vouches for the match.

    First pass (``spelled`` False): exact names (``regions.lookup``). Second pass:
    ``regions.match`` with a strong ``how`` (vouched: an abbreviation or alias names
    the region whatever its spelling) and ``regions.search`` (checked by the caller).
    """
    from adminnet import regions

    if not spelled:
        found = _exact(query, level, as_of)
        if within is not None:
            found = [r for r in found if r.code.startswith(f"{within}.")]
        return [(region, False) for region in found if region.kind.value in kinds]
    out: list[tuple[Region, bool]] = []
    match = getattr(regions, "match", None)
    if match is not None:  # h/registries' ranked matcher, when present
        try:
            hits = match(query, as_of=as_of, level=level, within=within, limit=10)
        except AdminnetError:
            hits = []
        out.extend(
            (m.region, True) for m in hits if m.how in _STRONG_HOW and m.region.kind.value in kinds
        )
    limit = 25 if level <= 2 else 200
    found = regions.search(query, level=level, within=within, limit=limit, as_of=as_of)
    out.extend((region, False) for region in found if region.kind.value in kinds)
    return out


def _exact(query: str, level: int, as_of: DateLike | None) -> list[Region]:
    """The regions of this level that bear exactly this name (``regions.lookup``)."""
    from adminnet import regions

    try:
        return [regions.lookup(query, as_of=as_of, level=level)]
    except AmbiguousName as exc:
        found = (regions.get(code, as_of=as_of) for code in exc.candidates)
        return [r for r in found if r is not None]
    except (UnknownEntity, ValidationError):
        return []


def _near_regions(place: str, level: str | None, as_of: DateLike | None) -> list[Region]:
    from adminnet import regions

    _, levels = _kinds(level)
    out: dict[str, Region] = {}
    for lvl in levels:
        for r in regions.search(_bare_name(place, level), level=lvl, limit=5, as_of=as_of):
            out.setdefault(r.code, r)
    return list(out.values())[:10]


# --------------------------------------------------------------------------------------
# Agencies
# --------------------------------------------------------------------------------------


def _agency_texts(role: Role, place: str, short: str | None, *, bare: bool = False) -> list[str]:
    """The texts to resolve for a place: as printed, without "RI", as a ministry.

    ``bare``: only the text itself (and without "RI"), for words split off a unit,
    where "Staf Ahli Bidang Hukum" must not become the Kementerian Hukum.
    """
    texts = [place]
    stripped = _RI.sub("", place)
    if stripped != place:
        texts.append(stripped)
    if bare:
        return texts
    first, _, rest = stripped.partition(" ")
    if rest and _squash(first) in _w.AGENCY_LEAD_WORDS:  # "Kementerian Kominfo"
        texts.extend([rest, f"Kementerian {rest}"])
    elif role in _MINISTRY and not _squash(place).startswith(
        ("kementerian", "kementrian", "kemen")
    ):
        texts.extend(f"Kementerian {t}" for t in list(texts))
    if short:
        texts.append(short)
    return texts


def _agency_for(
    role: Role, place: str, short: str | None, as_of: DateLike | None, *, bare: bool = False
) -> tuple[Agency | None, AmbiguousName | None]:
    """The agency the place names: the first text that resolves (or its ambiguity)."""
    from adminnet import agencies

    ambiguity: AmbiguousName | None = None
    for text in _agency_texts(role, place, short, bare=bare):
        for look in (agencies.resolve, agencies.lookup):
            try:
                return look(text, as_of=as_of), None
            except AmbiguousName as exc:
                ambiguity = ambiguity or exc
            except (UnknownEntity, ValidationError):
                continue
    if ambiguity is None and not bare:
        for text in _agency_texts(role, place, short):
            agency, ambiguity = _cut_ministry_name(text, as_of)
            if agency is not None or ambiguity is not None:
                return agency, ambiguity
    return None, ambiguity


def _cut_ministry_name(
    place: str, as_of: DateLike | None
) -> tuple[Agency | None, AmbiguousName | None]:
    """A ministry's name cut after its first words ("Kementerian Desa"), if only one fits.

    The press shortens a long ministry name to its first words. The words must start
    the name the ministry bore on ``as_of`` (today if ``None``), and only one ministry
    existing that day may fit; several are an ambiguity.
    """
    from adminnet import agencies

    words = place.split()
    if len(words) < 2 or _squash(words[0]) not in ("kementerian", "kementrian"):
        return None, None
    day = as_date(as_of, what="as_of")
    prefix = " ".join(["kementerian", *(w.lower() for w in words[1:])])
    fits = [
        a
        for a in agencies.search(place, as_of=day, limit=10)
        if a.kind.value == "kementerian"
        and a.exists_at(day)
        and f"{a.name_at(day).lower()} ".replace(",", "").startswith(f"{prefix} ")
    ]
    if len(fits) == 1:
        return fits[0], None
    if len(fits) > 1:
        ids = sorted(a.id for a in fits)
        params = {"value": _short(place), "candidates": ", ".join(ids)}
        ambiguous = AmbiguousName(
            candidates=ids, code="position.ambiguous", variant="ministries", params=params
        )
        return None, ambiguous
    return None, None


def _government_of(region: Region, as_of: DateLike | None) -> str | None:
    """The government a post in this region belongs to (see the module rules)."""
    from adminnet import agencies, regions

    code: str | None = region.code
    if region.level == 4 and region.kind.value != "kelurahan":
        return None  # a desa: its pemerintah desa is not in the catalog
    while code is not None:
        current = regions.latest(code)
        if current is None:
            return None
        if current.level <= 2:
            try:
                return agencies.local_government(code).id
            except ValidationError:
                code = current.parent_code
                continue
            except UnknownEntity:
                return None
        code = current.parent_code
    return None
