"""Jabatan dari teks (printed position phrases resolved against the registries).

:func:`parse_position` reads a position phrase as news and government pages print it
and resolves its place or agency: the inverse of the labels the model prints
(:meth:`adminnet.model.position.Tenure.label`, ``"Pj. Wali Kota Ambon"``). The words
are split by :func:`adminnet.text.positions.parse_position_phrase` (no registry);
this module finds the region in :mod:`adminnet.regions` and the agency in
:mod:`adminnet.agencies`.

>>> from adminnet.positions import parse_position
>>> p = parse_position("Pj. Wali Kota Ambon")
>>> p.role, p.capacity, p.region_code, p.agency_id
(<Role.WALI_KOTA: 'wali_kota'>, <Capacity.PENJABAT: 'penjabat'>, '81.71', 'pemkot-8171')
>>> p.title
'Pj. Wali Kota Ambon'
>>> parse_position("Penjabat Bupati Kabupaten Pringsewu").agency_id
'pemkab-1810'
>>> parse_position("Bupati Bogor").region_code, parse_position("Wali Kota Bogor").region_code
('32.01', '32.71')
>>> p = parse_position("Plt Kepala Dinas Kominfo Kota Medan")
>>> p.role.label, p.capacity.label, p.unit, p.agency_id
('Kepala', 'Plt.', 'Dinas Komunikasi dan Informatika', 'pemkot-1271')
>>> p.title
'Plt. Kepala Dinas Komunikasi dan Informatika Kota Medan'
>>> parse_position("Menteri PANRB").agency_id
'kemenpanrb'
>>> parse_position("Sekjen Kemendes", as_of="2017-03-16").agency_id
'kemendes-pdtt'
>>> parse_position("Sekda Bogor")
Traceback (most recent call last):
adminnet.errors.AmbiguousName: 'Sekda Bogor' has 2 readings: Sekretaris Daerah Kabupaten ...

Rules:

- **The place fits the role.** A gubernur's place is a provinsi, a bupati's a
  kabupaten, a wali kota's a kota, a camat's a kecamatan, a lurah's a kelurahan, a
  kepala desa's a desa; a level word in the phrase (``Kabupaten``, ``Kota``,
  ``Provinsi``, ``Pemkab``...) narrows the same way for other roles (``Sekda Kota
  Malang``). Without either, a sekretaris daerah or a unit may belong to a provinsi,
  kabupaten or kota: two regions of the same name (``Sekda Bogor``) are two readings.
- **Names are matched exactly**, after folding case, spaces and punctuation
  (``Tulangbawang Barat`` is Tulang Bawang Barat), with an optional ``Kepulauan``
  (``Mentawai``), a province's abbreviation from :data:`adminnet.agencies.PROVINCE_ALIASES`
  (``Jabar``, ``Kalteng``), and what ``regions.match`` knows when the registry has it
  (abbreviations, former names); prefix and typo matches are never taken.
- **Agencies**: a ministry post (menteri, wakil menteri, sekretaris kementerian,
  sekretaris jenderal, direktur jenderal, inspektur jenderal) is resolved
  with ``Kementerian`` before the name when the name alone does not resolve (``Menteri
  PANRB``, ``Menteri Dalam Negeri``); a bracketed short form after the place is tried
  too. ``as_of`` chooses among agencies that bore the name at different times. A place
  in a kabupaten/kota or provinsi gives its government
  (:func:`adminnet.agencies.local_government`); a kota administrasi of Jakarta gives
  the Pemerintah Provinsi DKI Jakarta; a kecamatan or kelurahan gives the kabupaten or
  kota government it belongs to; a desa none (a pemerintah desa is not in the catalog).
- **Units** are read by :func:`adminnet.agencies.resolve_unit` when the registry has
  it (its canonical name is kept); otherwise as printed with the kind the role implies
  (``Dinas Kominfo``). A kepala of a unit that is itself a central agency (``Kepala
  Badan Pusat Statistik``) is the kepala of that agency.
- **No place** where the role needs one (``Pejabat Bupati``) is fine: ``region_code``
  and ``agency_id`` are ``None``. A place that does not resolve is
  :class:`~adminnet.errors.UnknownEntity` (``position.unknown_place``) with the
  nearest names as candidates; several fitting readings are
  :class:`~adminnet.errors.AmbiguousName` (``position.ambiguous``) whose candidates are
  region codes or agency ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from adminnet.errors import AdminnetError, AmbiguousName, UnknownEntity, ValidationError
from adminnet.model.position import Capacity, Role
from adminnet.positions._places import (
    _CUE_WORDS,
    _LOCAL,
    _MINISTER_WORD,
    _REGIONAL,
    _agency_for,
    _cue_level,
    _government_of,
    _near_regions,
    _region_candidates,
    _short,
    _squash,
    _unbracketed,
)
from adminnet.text import _position_words as _w
from adminnet.text.positions import PositionPhrase, _chain_parts, parse_position_phrase
from adminnet.time import DateLike, as_date

if TYPE_CHECKING:
    from adminnet.model.agency import Agency
    from adminnet.model.region import Region

__all__ = ["ParsedPosition", "parse_position"]


@attrs.frozen(kw_only=True)
class ParsedPosition:
    """Jabatan terbaca (a position phrase read and resolved).

    Attributes:
        role: What kind of position it is.
        capacity: Definitif, Pj., Pjs., Plt. or Plh.
        agency_id: The agency the position belongs to (``"kemenpanrb"``,
            ``"pemkab-1810"``), or ``None`` when the phrase names none.
        region_code: The region of a regional post (``"81.71"`` for the Wali Kota
            Ambon), or ``None``.
        unit: The unit named in the phrase (``"Dinas Kominfo"``), or ``None``.
        title: The formal label, capacity first: ``"Pj. Wali Kota Ambon"``, as
            :meth:`~adminnet.model.position.Tenure.label` prints it.
        phrase: The parts as printed, with their spans.
    """

    role: Role
    capacity: Capacity
    agency_id: str | None = None
    region_code: str | None = None
    unit: str | None = None
    title: str
    phrase: PositionPhrase


# --------------------------------------------------------------------------------------
# The resolver
# --------------------------------------------------------------------------------------


@attrs.frozen
class _Reading:
    region: Region | None
    agency: Agency | None
    unit: str | None
    role: Role


# The unit a post sits in when the phrase names none: a secretary heads their
# secretariat, and an asisten serves in the Sekretariat Daerah (PP 18/2016 Pasal 9-10 on
# perangkat daerah; Perpres 68/2019 on kementerian).
_SEAT: Final = {
    Role.SEKRETARIS_DAERAH: "Sekretariat Daerah",
    Role.SEKRETARIS_KEMENTERIAN: "Sekretariat Kementerian",
    Role.SEKRETARIS_JENDERAL: "Sekretariat Jenderal",
    Role.SEKRETARIS_UTAMA: "Sekretariat Utama",
    Role.ASISTEN: "Sekretariat Daerah",
}

_KNOWN_UNIT: Final = 0.9  # resolve_unit's score for a unit of its cited table


def _unit_canonical(
    unit: str | None, place: str | None, agency: Agency | None, as_of: DateLike | None
) -> str | None:
    """The registry's name of the unit, when ``agencies.resolve_unit`` knows it."""
    from adminnet import agencies

    resolve_unit = getattr(agencies, "resolve_unit", None)
    if unit is None or resolve_unit is None or agency is None:
        return unit
    printed = _unbracketed(unit) or None  # a bracketed short form is checked, not kept
    # The place as printed, then the agency already resolved by its name: a place only
    # the region reader knows ("PPU") still finds the unit of that agency.
    texts = [f"{unit} {place}" if place else unit, f"{unit} {agency.name}"]
    for text in dict.fromkeys(texts):
        try:
            found = resolve_unit(text, as_of=as_of)
        except AdminnetError:
            continue
        name = getattr(found, "unit", None)
        parent = getattr(found, "agency", None)
        known = getattr(found, "score", 0.0) >= _KNOWN_UNIT  # the table's name
        if known and isinstance(name, str) and name and getattr(parent, "id", None) == agency.id:
            return name
    return printed


# The registry bounds a printed chain of regions: no region's name holds more than one
# level word (Lima Puluh Kota, Kecamatan Kota Bahagia, Desa Kota Palak; a test checks
# every name), so a name spans at most two parts of a chain, and four levels give a
# place at most three regions around it. A longer chain nests nothing: it is refused
# without trying every way to join its parts (which grew with the cube of its length).
_NAME_PARTS: Final = 2
_CHAIN_PARTS: Final = 3 * _NAME_PARTS


def _parents(text: str, within: str | None, as_of: DateLike | None) -> tuple[str, ...]:
    """The codes of the larger region printed after the place (none: no constraint).

    A chain ("Kecamatan Kembangan Kota Administrasi Jakarta Barat") is resolved from
    the outermost region in. A level word may also be part of a name ("Kecamatan Poso
    Kota Selatan Kabupaten Poso"): a part that reads nothing takes in the part before
    it, and the first part that read nothing is the one reported.
    """
    if within is None:
        return ()
    parts = _chain_parts(within)
    if len(parts) > _CHAIN_PARTS:
        level = _cue_level(parts[-1])
        raise _unknown(text, parts[-1], level, level or "wilayah", as_of)
    codes: tuple[str, ...] = ()
    k = len(parts)
    while k:
        k -= 1
        part = parts[k]
        level = _cue_level(part)
        found = _region_candidates(part, level, as_of, codes)
        joined, span = part, 1
        while not found and k and span < _NAME_PARTS:
            k -= 1
            span += 1
            joined = f"{parts[k]} {joined}"
            found = _region_candidates(joined, _cue_level(joined), as_of, codes)
        if not found:
            raise _unknown(text, part, level, level or "wilayah", as_of)
        codes = tuple(r.code for r in found)
    return codes


def _read_place(
    text: str,
    role: Role,
    place: str,
    level: str | None,
    short: str | None,
    as_of: DateLike | None,
    within: tuple[str, ...] = (),
    *,
    bare: bool = False,
) -> list[_Reading]:
    """Every reading of the place: regions of the right level, or an agency.

    ``bare``: the words were split off a unit; an agency must be named by them alone.
    """
    if role in _REGIONAL or role in _LOCAL or level is not None:
        regions_found = _region_candidates(place, level, as_of, within)
        return [_Reading(r, None, None, role) for r in regions_found]
    agency, ambiguity = _agency_for(role, place, short, as_of, bare=bare)
    if agency is not None:
        return [_Reading(None, agency, None, role)]
    found = _region_candidates(place, None, as_of)
    if found:
        return [_Reading(r, None, None, role) for r in found]
    if ambiguity is not None:
        raise ambiguity
    return []


# Words that only say what kind of unit it is: a unit left with nothing else is no unit.
_KIND_WORDS: Final = frozenset(
    w.lower() for (_role, kind, _level, _title) in _w.ROLE_WORDS.values() for w in kind.split()
) | {"sekretariat", "kantor", "pusat", "dan"}


def _names_something(words: list[str]) -> bool:
    """True if the unit words hold a name, not only kind words ("Dinas")."""
    return any(_squash(w) not in _KIND_WORDS for w in words)


def _split_readings(
    text: str, role: Role, words: list[str], level: str | None, as_of: DateLike | None
) -> tuple[list[_Reading], str | None]:
    """Unit words then a place ("Kesbangpol Lampung"): the longest place that reads."""
    for k in range(min(4, len(words) - 1), 0, -1):
        place = " ".join(words[-k:])
        if _squash(place) in _CUE_WORDS or not _names_something(words[:-k]):
            continue
        readings = _read_place(text, role, place, level, None, as_of, bare=True)
        if readings:
            unit = " ".join(words[:-k])
            return [attrs.evolve(r, unit=unit) for r in readings], place
    return [], None


def parse_position(text: str, *, as_of: DateLike | None = None) -> ParsedPosition:
    """Baca dan kenali jabatan (read a printed position phrase and resolve its place).

    See the module documentation for the rules.

    >>> p = parse_position("Sekretaris Daerah Pemerintah Provinsi Sumatera Barat")
    >>> p.role.label, p.region_code, p.agency_id
    ('Sekretaris Daerah', '13', 'pemprov-13')
    >>> parse_position("Pejabat Bupati").title
    'Pj. Bupati'

    Raises:
        InvalidFormat: the text is no position phrase (see
            :func:`adminnet.text.positions.parse_position_phrase`), or ``as_of`` is
            not a date.
        InvalidComponent: a level word contradicts the role (``Bupati Kota Bogor``).
        UnknownEntity: the place or agency does not resolve (``position.unknown_place``).
        AmbiguousName: several readings fit (``position.ambiguous``).
    """
    if as_of is not None:
        as_of = as_date(as_of, what="as_of")  # checked once, and hashable for the cache
    phrase = parse_position_phrase(text)
    role = Role(phrase.role)
    capacity = Capacity(phrase.capacity)
    if role in _OUTSIDE_BODY:
        return _outside_body(phrase, role, capacity, as_of)
    readings: list[_Reading] = []
    unit = phrase.unit
    place = phrase.place
    if place is None and unit is not None and role not in _REGIONAL:
        readings = _unit_as_agency(role, unit, as_of)
        if not readings and phrase.unit_span is not None:
            words = text[phrase.unit_span[0] : phrase.unit_span[1]].split()
            readings, place = _split_readings(text, role, words, phrase.place_level, as_of)
            if readings:
                readings = [
                    attrs.evolve(r, unit=_with_kind(unit, phrase, r.unit)) for r in readings
                ]
    elif place is not None:
        printed = place
        try:
            readings, place = _with_parents(text, role, phrase, place, as_of)
        except UnknownEntity:
            joined = _joined_minister(role, phrase, as_of)
            if joined is None:
                raise
            readings, place = joined
        if not readings:
            readings, place = _joined_minister(role, phrase, as_of) or ([], place)
        if not readings and role not in _REGIONAL and role not in _LOCAL:
            words = place.split()
            readings, sub_place = _split_readings(text, role, words, phrase.place_level, as_of)
            if readings:
                place = sub_place
        if not readings:
            what = _what(role, phrase.place_level)
            raise _unknown(text, printed, phrase.place_level, what, as_of)
        readings = [r if r.unit is not None else attrs.evolve(r, unit=unit) for r in readings]
    else:
        return _parsed(phrase, role, capacity, _Reading(None, None, unit, role), as_of, None)
    if not readings:
        attached = _minister_attached(phrase, role, capacity, as_of)
        if attached is not None:
            return attached
        return _parsed(phrase, role, capacity, _Reading(None, None, unit, role), as_of, None)
    if len(readings) > 1:
        shown = [
            f"{_parsed(phrase, r.role, capacity, r, as_of, place).title} ({_key(r)})"
            for r in readings[:5]
        ]
        more = len(readings) - len(shown)
        params = {"value": _short(text), "count": len(readings), "candidates": ", ".join(shown)}
        params["more"] = more
        raise AmbiguousName(
            candidates=[_key(r) for r in readings],
            code="position.ambiguous",
            variant="more" if more else None,
            params=params,
        )
    return _parsed(phrase, readings[0].role, capacity, readings[0], as_of, place)


def _with_parents(
    text: str, role: Role, phrase: PositionPhrase, place: str, as_of: DateLike | None
) -> tuple[list[_Reading], str]:
    """Readings of the place inside the regions printed after it.

    A level word may also be part of a name (Kecamatan Poso Kota Selatan): when the
    split at it reads nothing, the place takes in the next part of the chain.
    """
    parts = _chain_parts(phrase.within) if phrase.within else []
    first_error: UnknownEntity | None = None
    for cut in range(min(len(parts), _NAME_PARTS - 1) + 1):
        tried = " ".join([place, *parts[:cut]])
        try:
            parents = _parents(text, " ".join(parts[cut:]) or None, as_of)
        except UnknownEntity as exc:
            first_error = first_error or exc
            continue
        readings = _read_place(
            text, role, tried, phrase.place_level, phrase.place_short, as_of, parents
        )
        if readings:
            return readings, tried
    if first_error is not None:
        raise first_error
    return [], place


# Posts attached to a minister (Perpres 68/2019: staf ahli and staf khusus menteri): the
# words name the minister ("Menteri Pemuda dan Olahraga", "Mendagri", "(Menpora)").
_MINISTER_POSTS: Final = frozenset({"Staf Ahli", "Staf Khusus"})
_FIELD_WORDS: Final = frozenset({"bidang", "urusan"})


def _minister_attached(
    phrase: PositionPhrase, role: Role, capacity: Capacity, as_of: DateLike | None
) -> ParsedPosition | None:
    """A staf ahli/khusus of a minister named in the words: the ministry is the agency.

    The printed post stays in the title; there is no unit. Only a ministry the catalog
    names exactly ("Kementerian Pemuda dan Olahraga", "Kemendagri") counts.
    """
    if phrase.title not in _MINISTER_POSTS or phrase.place is not None:
        return None
    printed = _unbracketed(phrase.text[phrase.role_span[1] :])
    words = printed.split()
    texts: list[str] = []
    for k, word in enumerate(words):
        low = word.lower()
        if low in ("menteri", "mentri"):
            name: list[str] = []
            for w in words[k + 1 :]:
                if w.lower() in _FIELD_WORDS:
                    break
                name.append(w)
            if name:
                texts.append("Kementerian " + " ".join(name))
        elif _MINISTER_WORD.fullmatch(low):
            texts.append(f"Ke{low}")
    if phrase.place_short and _MINISTER_WORD.fullmatch(phrase.place_short.lower()):
        texts.append(f"Ke{phrase.place_short.lower()}")
    agency = _one_ministry(texts, as_of)
    if agency is None:
        return None
    return _post(phrase, role, capacity, f"{phrase.title} {printed}".strip(), agency.id)


def _one_ministry(texts: list[str], as_of: DateLike | None) -> Agency | None:
    """The one kementerian the texts name (none, or several different: ``None``)."""
    from adminnet import agencies

    found: dict[str, Agency] = {}
    for text in texts:
        try:
            agency = agencies.resolve(text, as_of=as_of)
        except (UnknownEntity, ValidationError):
            continue
        if agency.kind.value == "kementerian":
            found[agency.id] = agency
    return next(iter(found.values())) if len(found) == 1 else None


_SECRETARIAT_GAPS: Final = frozenset({("setjen",), ("sekretariat", "jenderal")})


def _secretariat_of(
    phrase: PositionPhrase, agency: Agency, as_of: DateLike | None
) -> Agency | None:
    """The secretariat agency of a body, when "Setjen" stands before the body's name.

    "Inspektur Utama Setjen DPR RI": the Sekretariat Jenderal of a lembaga negara is an
    agency of its own in the catalog (kind ``sekretariat_lembaga``, ``parent_id`` the
    body); the post is there. A ministry's Setjen is a unit of the ministry: no change.
    """
    from adminnet import agencies

    if phrase.place_span is None:
        return None
    before = phrase.unit_span or phrase.role_span
    printed = _unbracketed(phrase.text[before[1] : phrase.place_span[0]])
    gap = tuple(_squash(w) for w in printed.split())
    if gap not in _SECRETARIAT_GAPS:
        return None
    found = [
        a for a in agencies.all(kind="sekretariat_lembaga", as_of=as_of) if a.parent_id == agency.id
    ]
    return found[0] if len(found) == 1 else None


# Heads of a body the catalog does not hold (a university): the words after the role
# name the body, and a place in them ("Rektor UNS Surakarta") is where it stands, not a
# government the post belongs to.
_OUTSIDE_BODY: Final = frozenset({Role.REKTOR})


def _outside_body(
    phrase: PositionPhrase, role: Role, capacity: Capacity, as_of: DateLike | None
) -> ParsedPosition:
    """A rektor's post: no region, and an agency only if the words name a central one."""
    from adminnet import agencies

    body = _unbracketed(phrase.text[phrase.role_span[1] :]).strip(" ,;")
    agency: Agency | None = None
    if body:
        try:
            agency = agencies.resolve(body, as_of=as_of)
        except (UnknownEntity, ValidationError):
            agency = None
    if agency is not None and agency.region_code is not None:
        agency = None  # a place is where the body stands, not its government
    agency_id = agency.id if agency is not None else None
    return _post(phrase, role, capacity, f"{phrase.title} {body}".strip(), agency_id)


def _joined_minister(
    role: Role, phrase: PositionPhrase, as_of: DateLike | None
) -> tuple[list[_Reading], str] | None:
    """A minister's short form printed in two pieces ("Menpan RB"): the joined ministry.

    The short form ("Menpan") and the words after it ("RB") are read as one ministry
    short form ("Kemenpan RB"); only an agency of the catalog named exactly so counts.
    """
    from adminnet import agencies

    ministers = (Role.MENTERI, Role.WAKIL_MENTERI)
    if role not in ministers or phrase.place_span is None or phrase.unit is not None:
        return None
    start, end = phrase.role_span
    said = phrase.text[start:end]
    if not _MINISTER_WORD.fullmatch(said.lower()) or said.lower() in ("menteri", "mentri"):
        return None
    tail = phrase.text[phrase.place_span[0] : phrase.place_span[1]]
    if phrase.place_span[0] < end or len(tail.split()) > 2:
        return None
    short = said[2:] if said[:2].lower() == "wa" else said
    joined = f"Ke{short[:1].lower()}{short[1:]} {tail}"
    try:
        agency = agencies.resolve(joined, as_of=as_of)
    except (UnknownEntity, ValidationError):
        return None
    if agency.kind.value != "kementerian":
        return None
    return [_Reading(None, agency, None, role)], joined


def _unknown(
    text: str, place: str, level: str | None, what: str, as_of: DateLike | None
) -> UnknownEntity:
    """No ``what`` (a level word, ``wilayah`` or ``instansi atau wilayah``) is named ``place``.

    The nearest regions of the level are the "did you mean", searched when asked for.
    """

    def near() -> tuple[list[str], str]:
        from adminnet.regions._search import nearest

        close = _near_regions(place, level, as_of)
        return [r.code for r in close], nearest(close)

    params = {"value": _short(text), "place": repr(place), "what": what}
    return UnknownEntity(code="position.unknown_place", params=params, near=near)


def _what(role: Role, level: str | None) -> str:
    if level is not None:
        return level
    if role in _REGIONAL:
        return "wilayah"
    return "instansi atau wilayah"


def _key(r: _Reading) -> str:
    if r.region is not None:
        return r.region.code
    return r.agency.id if r.agency is not None else ""


def _with_kind(unit: str, phrase: PositionPhrase, words: str | None) -> str | None:
    """The unit words left after the place was split off, with the kind word kept."""
    if not words or phrase.unit_span is None:
        return words or None
    # The phrase's unit leaves bracketed groups out ("Dinas Komunikasi dan Informatika
    # (Diskominfo) Kotamobagu"): compare without them, or the kind word is lost.
    printed = _unbracketed(phrase.text[phrase.unit_span[0] : phrase.unit_span[1]])
    if not unit.lower().endswith(printed.lower()):
        return words
    # The phrase's own spelling of the words ("Kadisdikbud": the unit is "Disdikbud").
    at = len(unit) - len(printed)
    kept = _unbracketed(words)
    return f"{unit[:at]}{unit[at : at + len(kept)]}".strip()


def _unit_as_agency(role: Role, unit: str, as_of: DateLike | None) -> list[_Reading]:
    """A kepala (or ketua) of a "unit" that is a central agency heads that agency."""
    if role not in (Role.KEPALA, Role.KETUA):
        return []
    from adminnet import agencies

    try:
        agency = agencies.resolve(unit, as_of=as_of)
    except (UnknownEntity, ValidationError):
        return []
    if agency.region_code is not None:
        return []
    return [_Reading(None, agency, None, role)]


def _parsed(
    phrase: PositionPhrase,
    role: Role,
    capacity: Capacity,
    reading: _Reading,
    as_of: DateLike | None,
    place: str | None,
) -> ParsedPosition:
    region = reading.region
    agency_id: str | None = None
    agency = reading.agency
    if agency is not None:
        agency = _secretariat_of(phrase, agency, as_of) or agency
    if agency is not None:
        agency_id = agency.id
        if agency.region_code is not None:
            from adminnet import regions

            region = regions.latest(agency.region_code)
    elif region is not None:
        agency_id = _government_of(region, as_of)
    unit = reading.unit
    if agency is None and agency_id is not None:
        from adminnet import agencies

        agency = agencies.get(agency_id)
    unit = _unit_canonical(unit, place, agency, as_of)
    title = _title(phrase, unit, region, agency, as_of)
    if role in _SEAT and (unit is None or role is Role.ASISTEN):
        unit = _SEAT[role]  # the post's own words stay in the title
    region_code = region.code if region is not None else None
    return _post(phrase, role, capacity, title, agency_id, region_code, unit)


def _post(
    phrase: PositionPhrase,
    role: Role,
    capacity: Capacity,
    title: str,
    agency_id: str | None,
    region_code: str | None = None,
    unit: str | None = None,
) -> ParsedPosition:
    """The reading of a post; a capacity other than definitif opens the title ("Pj. ...")."""
    if capacity is not Capacity.DEFINITIF:
        title = f"{capacity.label} {title}"
    return ParsedPosition(
        role=role,
        capacity=capacity,
        agency_id=agency_id,
        region_code=region_code,
        unit=unit,
        title=title,
        phrase=phrase,
    )


def _title(
    phrase: PositionPhrase,
    unit: str | None,
    region: Region | None,
    agency: Agency | None,
    as_of: DateLike | None,
) -> str:
    """The formal title, in the conventions of the model's positions (names of ``as_of``).

    The role as a title writes it, the unit (without the kind the title already says:
    "Direktur Jenderal Dukcapil"), then the place: a regional head's region by its
    name ("Wali Kota Ambon"), another region by its official name ("Kepala Dinas
    Kominfo Kota Medan"), an agency by its name on ``as_of``.
    """
    role = Role(phrase.role)
    head = phrase.title
    if region is not None and (role in _REGIONAL or role in _LOCAL):
        return f"{head} {region.name}"
    kind = _w.TITLE_UNITS.get(head)
    rest = unit or ""
    if kind and rest.lower().startswith(kind.lower()):
        rest = rest[len(kind) :].strip()
    head = f"{head} {rest}".strip()
    if region is not None and (agency is None or agency.region_code is not None):
        return f"{head} {region.official_name}"
    if agency is not None:
        name = agency.name if as_of is None else agency.name_at(as_of)
        if role in (Role.MENTERI, Role.WAKIL_MENTERI) and name.startswith("Kementerian "):
            return f"{head} {name[len('Kementerian ') :]}"
        if role is Role.SEKRETARIS_KEMENTERIAN and name.startswith("Kementerian "):
            return f"Sekretaris {name}"
        return f"{head} {name}"
    return head
