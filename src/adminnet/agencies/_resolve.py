"""Pencarian instansi (look-ups, resolution of printed names and search; private).

The public functions are re-exported by :mod:`adminnet.agencies`.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from adminnet._enum import allowed
from adminnet._validators import short
from adminnet.agencies._local import (
    _ID_PREFIX,
    _LOCAL_ID,
    _government,
    _local,
    _not_autonomous,
    local_government,
)
from adminnet.agencies._names import (
    _LOCK,
    _catalog,
    _check_text,
    _current_state,
    _Entry,
    _key,
    _search_row,
    _squash,
    _strip_ri,
)
from adminnet.errors import AmbiguousName, InvalidFormat, UnknownEntity, ValidationError
from adminnet.model._common import ID_PATTERN
from adminnet.model.agency import Agency, AgencyKind
from adminnet.text.folding import edits1
from adminnet.text.folding import words as fold_words
from adminnet.time import DateLike, as_date

if TYPE_CHECKING:
    import pendulum

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
    _check_text(id, "id")
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
    params = {"value": short(text, 80), "candidates": ", ".join(ids)}
    raise AmbiguousName(candidates=ids, code="agency.ambiguous", params=params)


def _unknown(text: str, day: pendulum.Date) -> UnknownEntity:
    """No agency is named ``text``; did you mean: the best of :func:`search`, when asked."""

    def near() -> tuple[list[str], str]:
        found = search(text, as_of=day, limit=3)
        return [a.id for a in found], nearest(found)

    return UnknownEntity(code="agency.unknown", params={"value": short(text, 80)}, near=near)


def nearest(found: Iterable[Agency]) -> str:
    """Instansi terdekat (the "did you mean" as printed: ``Lembaga Administrasi Negara (lan)``)."""
    return ", ".join(f"{a.name} ({a.id})" for a in found)


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
    text = _check_text(id_or_acronym, "id_or_acronym")
    day = as_date(as_of, what="as_of")
    stripped = text.strip()
    if ID_PATTERN.match(stripped):
        agency = get(stripped)
        if agency is not None:
            return agency
    found = _central(_catalog().acronyms, _key(stripped), day)
    if not found:
        raise _unknown(text, day)
    return _pick(text, found, _catalog().agencies)


# Kind words of a local government name, after normalisation.


def resolve(text: str, *, as_of: DateLike | None = None) -> Agency:
    """Kenali instansi (the one agency a printed name names).

    Understands official names and former names, acronyms and short forms
    (``"KemenPANRB"``, ``"Pemkot Ambon"``), names joined with ``/``, ``&`` for
    ``dan``, a trailing ``RI`` / ``Republik Indonesia``, case, accents, punctuation
    and spacing, misspelt words of :data:`adminnet.text.folding.ABBREVIATIONS`
    (``Kementrian``), the kind words of local governments and their abbreviations
    (Pemerintah, Pemprov, Pemkab, Pemkot, Pemko, Pemda, Provinsi, Prov., Kabupaten,
    Kab., Kota, Kota Adm.) with a region name or its printed abbreviation
    (``"Pemprov Jabar"``, ``"Pemkab Lamsel"``: the region registry's cited data),
    and "Sekretariat (Jenderal) <body>" for the secretariat of a body.

    A name followed by an acronym in brackets (``"Komisi Pemberantasan Korupsi
    (KPK)"``) is read part by part: both parts must name the same agency; brackets
    may stand anywhere (``"Pemerintah Kabupaten (Pemkab) Kotawaringin Barat
    (Kobar)"``), a bracketed form the catalog does not know is ignored. ``Kantor X``
    and ``Kantor Pusat X`` are X, ``Pemerintahan Kabupaten X`` the Pemerintah. A ministry
    may be printed with its short form after ``Kementerian`` (``"Kementerian
    Kominfo"``) or with ``Kem``/``Kemen`` glued to it (``"Kemkumham"``).

    ``as_of`` (default today) ranks, it never excludes: when several agencies bore
    the name, the one that bore it on that day wins, then one that existed on that
    day; a name only one agency ever bore gives that agency on any date.

    >>> resolve("Pemerintah Kab. Aceh Besar").id
    'pemkab-1106'
    >>> resolve("Kementerian Komunikasi dan Informatika").id
    'komdigi'
    >>> resolve("Sekretariat Jenderal Komisi Yudisial").id
    'sekretariat-ky'
    >>> resolve("Kementerian Dalam Negeri (Kemendagri)").id
    'kemendagri'
    >>> resolve("Pemprov Jabar").id, resolve("Pemko Palembang").id
    ('pemprov-32', 'pemkot-1671')
    >>> resolve("Kementerian Dalam Negeri (KPK)")
    Traceback (most recent call last):
    adminnet.errors.AmbiguousName: 'Kementerian Dalam Negeri (KPK)' names two different ...

    Raises:
        InvalidFormat: not a string, or ``as_of`` not a date.
        UnknownEntity: nothing fits (``agency.unknown``), or the name is that of a
            region without a government of its own (``agency.not_autonomous``).
        AmbiguousName: several agencies fit equally (``agency.ambiguous``), the
            name and its bracketed acronym name different agencies
            (``agency.disagree``), or the text only starts several names
            (``"Kementerian"``); its ``candidates`` are their ids.
    """
    _check_text(text, "name")
    day = as_date(as_of, what="as_of")
    stripped = text.strip()
    split = split_brackets(stripped)
    if split is not None and split[1]:
        return _resolve_bracketed(text, split[0], split[1], day)
    return _resolve(text, stripped, day)


def split_brackets(text: str) -> tuple[str, list[str]] | None:
    """The text outside brackets and the bracketed groups, or ``None`` if unbalanced.

    ``"Pemerintah Kabupaten (Pemkab) Kotawaringin Barat (Kobar)"`` gives
    ``("Pemerintah Kabupaten Kotawaringin Barat", ["Pemkab", "Kobar"])``. One pass
    over the text, no nesting: linear time.
    """
    outside: list[str] = []
    groups: list[str] = []
    start = 0
    depth_at: int | None = None
    for i, c in enumerate(text):
        if c == "(":
            if depth_at is not None:
                return None
            outside.append(text[start:i])
            depth_at = i + 1
        elif c == ")":
            if depth_at is None:
                return None
            groups.append(text[depth_at:i].strip())
            depth_at = None
            start = i + 1
    if depth_at is not None:
        return None
    outside.append(text[start:])
    return " ".join(" ".join(outside).split()), groups


def _resolve_bracketed(text: str, name: str, groups: list[str], day: pendulum.Date) -> Agency:
    """A name with bracketed short forms: the name decides, no short form may disagree.

    ``"Komisi Pemberantasan Korupsi (KPK)"``, ``"Kementerian Dalam Negeri (Kemendagri)
    RI"``, ``"Pemerintah Kabupaten (Pemkab) Kotawaringin Barat (Kobar)"``. A short
    form that names another agency is a contradiction (``agency.disagree``); one
    that names none is ignored. When the name itself is unknown (a press variant:
    "Badan Nasional Pengelolaan Perbatasan (BNPP)"), a single acronym decides if its
    letters are the initials of the printed words.
    """
    try:
        first = _resolve(name, name, day) if name else None
    except UnknownEntity as exc:
        if exc.code != "agency.unknown" or len(groups) != 1:
            raise
        if _initials(name) != _squash([w for seg in fold_words(groups[0]) for w in seg]):
            raise
        first = None
    for group in groups:
        if not group:
            continue
        try:
            second = _resolve(group, group, day)
        except AmbiguousName as exc:  # the acronym alone is ambiguous: the name decides
            if first is not None and first.id in exc.candidates:
                continue
            raise
        except UnknownEntity:
            continue  # a short form the catalog does not know ("Pemkab", "PMDT")
        if first is None:
            first = second
        elif first.id != second.id:
            ids = sorted({first.id, second.id})
            params = {"value": short(text, 80), "candidates": ", ".join(ids)}
            raise AmbiguousName(candidates=ids, code="agency.disagree", params=params)
    if first is None:
        raise _unknown(text, day)
    return first


_SMALL_WORDS: Final = frozenset({"dan", "serta", "atau", "ri"})


def _initials(name: str) -> str:
    """The initials of the folded words of a name, small words left out."""
    return "".join(w[0] for seg in fold_words(name) for w in seg if w not in _SMALL_WORDS)


def _resolve(text: str, stripped: str, day: pendulum.Date) -> Agency:
    catalog = _catalog()
    if ID_PATTERN.match(stripped) and "-" in stripped:
        agency = get(stripped)
        if agency is not None:
            return agency
    segments = fold_words(stripped)
    if not segments:
        raise _unknown(text, day)
    words = [w for seg in segments for w in seg]
    if len(words) > 2 and words[0] == "pemerintahan" and words[1] in _LOCAL_KIND_WORDS:
        words[0] = "pemerintah"  # "Pemerintahan Kabupaten X": the press's slip
    key = _squash(_strip_ri(words))
    found = _central(catalog.every, key, day)
    if not found and len(segments) > 1:  # "A/B" where only the parts are known
        for segment in segments:
            part = _squash(_strip_ri(segment))
            for aid, score in _central(catalog.every, part, day).items():
                found[aid] = max(score, found.get(aid, -1))
    if not found:
        found = _ministry_short_forms(_strip_ri(words), day)
    if found:
        return _pick(text, found, catalog.agencies)
    local, governments, blocked = _local(words, day)
    if local:
        return _pick(text, local, governments)
    if blocked is not None:
        raise _not_autonomous(blocked, UnknownEntity)
    office = _office_of(words)
    if office:  # "Kantor LAN", "Kantor Pusat Kemendagri": the office of an agency
        return _resolve(text, " ".join(office), day)
    starting = _starting_with(key, day)
    if len(starting) > 1:
        listed = f"{', '.join(starting[:8])}{', ...' if len(starting) > 8 else ''}"
        fits: dict[str, str | int] = {"value": short(text, 80), "count": len(starting)}
        fits["candidates"] = listed
        raise AmbiguousName(
            candidates=starting, code="agency.ambiguous", variant="prefix", params=fits
        )
    raise _unknown(text, day)


_LOCAL_KIND_WORDS: Final = frozenset({"provinsi", "kabupaten", "kota", "daerah"})


def _office_of(words: list[str]) -> list[str]:
    """The agency words after "Kantor" / "Kantor Pusat" (not "Kantor Wilayah": a unit)."""
    if len(words) < 2 or words[0] != "kantor" or words[1] == "wilayah":
        return []
    return words[2:] if words[1] == "pusat" else words[1:]


def _ministry_short_forms(words: list[str], day: pendulum.Date) -> dict[str, int]:
    """Ministries printed as "Kementerian <short form>", "Kem<X>" for "Kemen<X>".

    ``"Kementerian Kominfo"`` is the ministry whose short form is ``Kominfo``;
    ``"Kementerian PANRB"`` and ``"Kemkumham"`` are ``Kemen``-forms. Only
    ministries are accepted (``"Kementerian BPK"`` names nothing).
    """
    catalog = _catalog()
    keys: list[str] = []
    if len(words) > 1 and words[0] == "kementerian":
        rest = _squash(words[1:])
        keys += ["kemen" + rest, rest]
    squashed = _squash(words)
    if squashed.startswith("kem") and not squashed.startswith("kemen") and len(squashed) > 4:
        keys.append("kemen" + squashed[3:])
    for key in keys:
        found = {
            aid: score
            for aid, score in _central(catalog.every, key, day).items()
            if catalog.agencies[aid].kind is AgencyKind.KEMENTERIAN
        }
        if found:
            return found
    return {}


def _starting_with(key: str, day: pendulum.Date) -> list[str]:
    """Ids of the catalog agencies existing on ``day`` whose name starts with ``key``."""
    if not key:
        return []
    catalog = _catalog()
    out = {
        aid
        for squashed, _spaced, aid in catalog.search_rows
        if squashed.startswith(key) and squashed != key and catalog.agencies[aid].exists_at(day)
    }
    return sorted(out)


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
            params = {"value": short(kind, 60), "allowed": allowed(AgencyKind)}
            raise InvalidFormat(code="agency.invalid_kind", params=params) from None
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


def _search_rows() -> Sequence[tuple[str, str, str]]:
    state = _current_state()
    rows = state.search_rows
    if rows is None:
        with _LOCK:
            rows = state.search_rows
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
                            words = tuple(w for seg in fold_words(text) for w in seg)
                            if words:
                                built.append(_search_row(words, agency.id))
                rows = state.search_rows = tuple(built)
    return rows


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
    _check_text(text, "search_text")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InvalidFormat(code="agency.invalid_limit", params={"value": short(limit, 40)})
    day = as_date(as_of, what="as_of")
    words = [w for seg in fold_words(text) for w in seg]
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
    if not best and len(query) <= _longest(rows) + 1:
        near = edits1(query)
        for squashed, _spaced, aid in rows:
            if squashed in near:
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


def _longest(rows: Sequence[tuple[str, str, str]]) -> int:
    """The longest squashed name (a query longer by two is no typo away from any)."""
    return max((len(row[0]) for row in rows), default=0)


def _keep(best: dict[str, tuple[int, int, int]], aid: str, rank: int, length: int) -> None:
    old = best.get(aid)
    if old is None or (rank, length) < old[:2]:
        best[aid] = (rank, length, 0)


def _exists(aid: str, day: pendulum.Date) -> bool:
    agency = get(aid)
    return agency is not None and agency.exists_at(day)
