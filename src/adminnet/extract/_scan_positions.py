"""Position rules: capacity, role and place, the holder's name, cued names.

Part of the scanner (see :mod:`adminnet.extract._scan`, which runs the rules in order).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from adminnet.extract import _adapters as ad
from adminnet.extract._mention import Mention, MentionKind, PositionReading
from adminnet.model.agency import Agency, AgencyKind
from adminnet.model.position import Capacity, Role

if TYPE_CHECKING:
    from adminnet.positions import ParsedPosition

from adminnet.extract._scan_core import (
    PersonLink,
    Scan,
    _is_acronym,
    _is_back_title,
    _is_cap,
    _is_name_word,
    _name_value,
    _title_only,
    scan_name,
)
from adminnet.extract._scan_resolve import (
    _abbreviates,
    _outside_body,
    _parent_name,
    _resolve_central,
    _resolve_region_place,
    _resolve_unit,
    _skip_short_form,
    _trim,
)
from adminnet.extract._scan_words import (
    _CAPACITIES,
    _CAPACITY_FIRST,
    _CENTRAL,
    _DAERAH,
    _GENERIC_BEFORE,
    _KAB,
    _KOTA,
    _MODEL_ROLES,
    _ORG,
    _OUTSIDE_CUES,
    _PROV,
    _ROLE_FIRST,
    _ROLE_LABELS,
    _ROLES_BY_FIRST,
    _UNIT,
    _WHOLE_ROLES,
    Token,
)
from adminnet.text._position_words import ACTING_TITLES, ROLE_WORDS

K = MentionKind


# --- positions -----------------------------------------------------------------------


def _match_words(toks: list[Token], i: int, words: tuple[str, ...], sent: int) -> bool:
    if i + len(words) > len(toks):
        return False
    for k, w in enumerate(words):
        t = toks[i + k]
        if t.sent != sent or t.low != w:
            return False
    return True


def _capacity_at(toks: list[Token], i: int) -> tuple[Capacity, int, bool] | None:
    sent = toks[i].sent
    if toks[i].low not in _CAPACITY_FIRST or not _is_cap(toks[i].text):
        return None
    for words, cap, needs_head in _CAPACITIES:
        if _match_words(toks, i, words, sent):
            return cap, i + len(words), needs_head
    return None


def _role_at(toks: list[Token], i: int) -> tuple[Role, str, tuple[str, ...], int] | None:
    if i >= len(toks) or not _is_cap(toks[i].text):
        return None
    sent = toks[i].sent
    for words, role, place in _ROLES_BY_FIRST.get(toks[i].low, ()):
        if _match_words(toks, i, words, sent):
            return role, place, words, i + len(words)
    return None


def _generic_before(toks: list[Token], i: int) -> bool:
    if i == 0:
        return False
    prev = toks[i - 1]
    return prev.sent == toks[i].sent and prev.low in _GENERIC_BEFORE


def _title_of(
    role: Role, words: tuple[str, ...], agency: Agency | None, place: str | None, day: pendulum.Date
) -> str:
    label = _ROLE_LABELS.get(words, role.label)
    if agency is None:
        return label
    if agency.is_local_government:
        return f"{label} {place}" if place else f"{label} {agency.name_at(day)}"
    name = agency.name_at(day)
    if role in (Role.MENTERI, Role.SEKRETARIS_KEMENTERIAN) and name.startswith("Kementerian "):
        name = name[len("Kementerian ") :]  # Menteri Dalam Negeri, not Menteri Kementerian ...
    return f"{label} {name}"


def scan_positions(s: Scan) -> None:
    """Position phrases (capacity, role, agency or place) and the names printed with them."""
    toks = s.tokens
    i = 0
    n = len(toks)
    while i < n:
        start_i = i
        low = toks[i].low
        if low not in _ROLE_FIRST and low not in _CAPACITY_FIRST:
            i += 1
            continue
        cap = _capacity_at(toks, i)
        capacity = Capacity.DEFINITIF
        k = i
        if cap is not None:
            capacity, k, _ = cap
            k = _skip_short_form(toks, k)  # "Penjabat (Pj) Wali Kota"
        role_hit = _role_at(toks, k)
        if role_hit is None or (
            cap is not None and cap[2] and role_hit[0].value not in ACTING_TITLES
        ):
            i += 1
            continue
        role, place_kind, words, k = role_hit
        k = _skip_short_form(toks, k)  # "Sekretaris Daerah (Sekda) Provinsi Sumbar"
        if _generic_before(toks, start_i) or (k < n and toks[k].text == "/"):
            i = k
            continue
        if start_i > 0 and toks[start_i - 1].text == "/":
            i = k
            continue
        agency: Agency | None = None
        place: str | None = None
        conf = 0.9
        rule = "position.role"
        end_tok = k
        if place_kind in (_PROV, _KAB, _KOTA, _DAERAH):
            hit = _resolve_region_place(s, k, place_kind)
            if hit is not None:
                agency, end_tok, place = hit
                rule = "position.regional"
        elif place_kind == _ORG and k < n and toks[k].low in _OUTSIDE_CUES:
            body = _outside_body(s, k)
            if body is not None:
                agency, end_tok = body
                s.bodies.setdefault(agency.id, agency)
                rule = "position.outside-catalog"
                conf = 0.7
        elif place_kind == _ORG and k < n and (short := _short_form_of(s, k)) is not None:
            # "Rektor UM Purwokerto" after "Universitas Muhammadiyah (UM) Purwokerto",
            # "Rektor Unitri Malang" after "Universitas Tribhuwana Tunggadewi Malang"
            agency = short
            s.bodies.setdefault(agency.id, agency)
            end_tok = _acronym_end(s, k, agency)
            rule = "position.outside-short-form"
            conf = 0.7
        else:
            central = (
                None if place_kind == _UNIT else _resolve_central(s, k, role, cue_included=False)
            )
            if central is not None:
                agency, end_tok, c, how = central
                conf = c
                rule = f"position.{how}"
        unit: str | None = None
        label = ""
        if agency is None and place_kind in (_CENTRAL, _UNIT, _ORG):
            # "Kepala Badan Kepegawaian Daerah (BKD) Provinsi Sulawesi Tengah": a unit
            # of the agency or government named at its end
            found_unit = _resolve_unit(s, k)
            if found_unit is not None:
                agency, end_tok, unit = found_unit
                label = _ROLE_LABELS.get(words, role.label)
                role = Role.OTHER
                rule, conf = "position.unit", 0.75
        start = toks[start_i].start
        end = _trim(toks[end_tok - 1])
        if not s.free(start, end):
            i = end_tok
            continue
        if (
            agency is None
            and place_kind not in (_ORG, _PROV, _KAB, _KOTA, _DAERAH)
            and not (role.is_head or role in _MODEL_ROLES)
        ):
            i = end_tok
            continue
        region_code = agency.region_code if agency is not None else None
        # the resolver reads a phrase whose place this scanner resolved (an unknown
        # place makes it search for near names, which costs milliseconds); a regional
        # head's or a central post's reading here is already whole, a unit's is not
        known = agency is not None and agency.kind is not AgencyKind.OTHER
        partial = rule == "position.unit" or role not in _WHOLE_ROLES
        parsed = ad.position(s.text[start:end], s.day) if known and partial else None
        if parsed is not None:
            # the resolver of adminnet.positions reads the phrase the rules above cut
            reading = _reading(parsed, agency)
            pos = s.mention(K.POSITION, start, end, reading, "position.parsed", 0.95)
            i = _holder(s, pos, start_i, end_tok, n)
            continue
        reading = PositionReading(
            role=role,
            capacity=capacity,
            agency_id=None if agency is None else agency.id,
            region_code=region_code,
            unit=unit,
            title=(
                _title_of(role, words, agency, place, s.day)
                if unit is None
                else f"{label} {unit} {_parent_name(agency, s.day)}"
            ),
        )
        pos = s.mention(K.POSITION, start, end, reading, rule, conf)
        i = _holder(s, pos, start_i, end_tok, n)


_MAX_BODIES: Final = 16  # an akronim is read against at most this many bodies (linear time)


def _short_form_of(s: Scan, k: int) -> Agency | None:
    """The body outside the catalog token ``k`` is the short form of, in this text.

    The short form the text gave in brackets, else the one body printed in the text
    whose words' beginnings make the token (an akronim: Unitri of Universitas
    Tribhuwana Tunggadewi).
    """
    word = s.tokens[k].text
    if word in s.org_acronyms:
        return s.org_acronyms[word]
    if not _is_cap(word) or len(s.org_bodies) > _MAX_BODIES:
        return None
    fits = [
        body
        for body in s.org_bodies.values()
        if _abbreviates(word.lower(), [w.lower() for w in body.name.split()])
    ]
    return fits[0] if len(fits) == 1 else None


def _acronym_end(s: Scan, k: int, body: Agency) -> int:
    """After a body's short form, the words of its name printed with it (a place)."""
    toks = s.tokens
    words = {w.lower().rstrip(".") for w in body.name.split()}
    e = k + 1
    while e < len(toks) and e < k + 3 and toks[e].sent == toks[k].sent and toks[e].low in words:
        e += 1
    return e


def _reading(parsed: ParsedPosition, mine: Agency | None) -> PositionReading:
    """The resolver's reading; a body outside the catalog found here is kept."""
    agency_id, region_code = parsed.agency_id, parsed.region_code
    if mine is not None and (agency_id is None or mine.kind is AgencyKind.OTHER):
        agency_id, region_code = mine.id, mine.region_code
    title = parsed.title
    label = parsed.capacity.label
    if parsed.capacity is not Capacity.DEFINITIF and title.startswith(f"{label} "):
        title = title[len(label) + 1 :]
    if mine is not None and mine.kind is AgencyKind.OTHER:
        title = f"{parsed.role.label} {mine.name}"
    return PositionReading(
        role=parsed.role,
        capacity=parsed.capacity,
        agency_id=agency_id,
        region_code=region_code,
        unit=parsed.unit,
        title=title,
    )


def _holder(s: Scan, pos: Mention, start_i: int, end_tok: int, n: int) -> int:
    """Link the person printed with a position; returns the token to go on from."""
    toks = s.tokens
    # the holder: "<position>, <name>" or "<position> <name>"
    j = end_tok
    if j < n and toks[j].text in (",", ":") and toks[j].sent == toks[start_i].sent:
        j += 1
    if j < n and toks[j].low == Capacity.DEFINITIF.value and toks[j].sent == toks[start_i].sent:
        j += 1  # "Bupati definitif Petrus Fatlolon"
    if j + 2 < n and toks[j].text == "(" and toks[j + 2].text == ")":
        j += 3  # "Direktur Utama PT Telkom Indonesia (Persero) Ririek Adriansyah"
    found = scan_name(s, j) if j < n and toks[j].sent == toks[start_i].sent else None
    if found is None:
        # "Rektor UM Purwokerto Dr. H Syamsuhadi Irsyad": words of a body the phrase did
        # not take, then the name from its front title
        k = j
        while (
            k < n
            and k < j + 4
            and toks[k].sent == toks[start_i].sent
            and (_is_cap(toks[k].text) or _is_acronym(toks[k].text))
            and not _title_only(toks[k].text)
        ):
            k += 1
        if k > j and k < n and toks[k].sent == toks[start_i].sent and _title_only(toks[k].text):
            found = scan_name(s, k)
    if found is not None:
        ns, ne, nxt = found
        value = _name_value(s, ns, ne)
        if value is not None and s.free(ns, ne):
            person = s.mention(K.PERSON, ns, ne, value, "person.after-position", 0.9)
            s.links.append(PersonLink(person, pos, "position-name"))
            return nxt
    # "<name> (<position>)", "<name> selaku <position>", "<name>, <position>"
    before = _name_before(s, start_i)
    if before is not None:
        ns, ne, value, how = before
        if isinstance(value, Mention):
            person = value
        else:
            rule = f"person.before-position-{how}"
            person = s.mention(K.PERSON, ns, ne, value, rule, 0.85)
        s.links.append(PersonLink(person, pos, f"name-{how}-position"))
    else:
        s.links.append(PersonLink(pos, pos, "position-only"))
    return end_tok


def _name_before(s: Scan, i: int) -> tuple[int, int, object, str] | None:
    """The name printed just before the position at token ``i``, with the cue read."""
    toks = s.tokens
    if i < 2:
        return None
    cue = toks[i - 1]
    if cue.sent != toks[i].sent:
        return None
    how = {
        "(": "paren",
        "selaku": "selaku",
        "sebagai": "sebagai",
        "menjadi": "sebagai",
        ",": "comma",
    }.get(cue.low)
    if how is None:
        return None
    end_tok = i - 1
    if how == "sebagai" and i >= 3 and toks[i - 2].low in _APPOINTED:
        how = "appointed"  # "<name> dilantik menjadi <position>"
        end_tok = i - 2
    elif how == "sebagai" and i >= 2 and toks[i - 2].low in _APPOINTED:
        return None
    # walk back over name words, titles and commas
    b = end_tok - 1
    steps = 0
    while b >= 0 and toks[b].sent == cue.sent and steps < 12:
        t = toks[b].text
        if t == "," or _is_name_word(t) or _is_back_title(t) or _title_only(t):
            b -= 1
            steps += 1
            continue
        break
    for start_tok in range(b + 1, end_tok):
        if toks[start_tok].text == ",":
            continue
        found = scan_name(s, start_tok, stop=end_tok)
        if found is None:
            continue
        ns, ne, nxt = found
        if nxt != end_tok:
            continue
        if not s.free(ns, ne):
            if how in ("sebagai", "appointed", "paren"):
                # "Kepala Dinas X Sulpakar sebagai Pj. Bupati", "Pj Wali Kota Malang:
                # Wahyu Hidayat (Sekda Kabupaten Malang)": the name already read with
                # the first position holds the second one too
                for m in reversed(s.mentions):
                    if m.kind is K.PERSON and (m.start, m.end) == (ns, ne):
                        return ns, ne, m, how
            continue
        value = _name_value(s, ns, ne)
        if value is None:
            return None
        return ns, ne, value, how
    return None


_APPOINTED: Final = frozenset({"dilantik", "diangkat", "ditunjuk", "ditetapkan", "dikukuhkan"})


# --- names after verbs ----------------------------------------------------------------

_NAME_CUES: Final = frozenset({"oleh", "melantik", "mengukuhkan", "kepada"})
# after a person's name only: "Fadly Amran dan Asrul"
_LIST_CUES: Final = frozenset({"dan", "serta", ",", "-"})


def scan_cued_names(s: Scan) -> None:
    """Names after cue words (``oleh``, ``melantik``, ``dan``) when they are plainly names."""
    toks = s.tokens
    person_ends = {m.end for m in s.mentions if m.kind is K.PERSON}
    for i, t in enumerate(toks[:-1]):
        if t.low not in _NAME_CUES:
            if t.low not in _LIST_CUES or i == 0:
                continue
            prev = toks[i - 1]
            if prev.sent != t.sent or not (prev.end in person_ends or prev.end - 1 in person_ends):
                continue
        j = i + 1
        found = scan_name(s, j)
        if found is None:
            continue
        ns, ne, _ = found
        if not s.free(ns, ne):
            continue
        value = _name_value(s, ns, ne)
        if value is None:
            continue
        given_words = value.given.split()  # type: ignore[attr-defined]
        titled = bool(value.prefixes or value.suffixes)  # type: ignore[attr-defined]
        if len(given_words) < 2 and not titled:
            continue
        if ad.agency(s.text[ns:ne], s.day) is not None:
            continue
        cue = "list" if t.low in _LIST_CUES else t.low
        person = s.mention(K.PERSON, ns, ne, value, f"person.after-{cue}", 0.75)
        person_ends.add(ne)
        # "<name> sebagai <position>": the inauguration or role that follows
        s.links.append(PersonLink(person, None, "cued-name"))


# --- the place of a post printed without one --------------------------------------------

# the level of government a regional post belongs to, read off ROLE_WORDS (the owner);
# a sekretaris daerah serves a government of any level
_ROLE_LEVELS: Final[dict[Role, frozenset[AgencyKind]]] = {
    Role(entry[0]): frozenset({AgencyKind(f"pemerintah_{entry[2]}")})
    for entry in ROLE_WORDS.values()
    if entry[2] in ("provinsi", "kabupaten", "kota")
} | {
    Role.SEKRETARIS_DAERAH: frozenset(
        {
            AgencyKind.PEMERINTAH_PROVINSI,
            AgencyKind.PEMERINTAH_KABUPATEN,
            AgencyKind.PEMERINTAH_KOTA,
        }
    )
}


def _government(s: Scan, m: Mention) -> Agency | None:
    """The local government a mention names (an agency, a region, a placed post)."""
    value = m.value
    if m.kind is K.AGENCY and isinstance(value, Agency) and value.is_local_government:
        return value
    if m.kind is K.REGION:
        code = getattr(value, "code", None)
        return ad.government(code, s.day) if isinstance(code, str) else None
    if m.kind is K.POSITION and isinstance(value, PositionReading) and value.region_code:
        found = ad.government(value.region_code, s.day)
        # the post's agency is its region's government (not a unit placed there)
        return found if found is not None and found.id == value.agency_id else None
    return None


def place_unplaced(s: Scan) -> None:
    """A regional post printed without its place takes the government the text means.

    News names the region once and then writes ``Bupati Ikfina Fahmawati``, ``Pj.
    Sekda Larsita``: such a post (a kepala daerah, its wakil, a sekretaris daerah)
    belongs to the government of its level named last before it in the same sentence,
    else to the only government of its level the whole text names. With two candidates
    and no nearer cue the post stays without a place: no guess.
    """
    unplaced = [
        m
        for m in s.mentions
        if m.kind is K.POSITION
        and isinstance(m.value, PositionReading)
        and m.value.agency_id is None
        and (m.value.role in _ROLE_LEVELS or m.value.role is Role.REKTOR)
    ]
    if not unplaced:
        return
    replaced: dict[int, Mention] = {}
    # the governments and the outside bodies, by sentence, in text order
    governments: dict[int, list[tuple[int, Agency]]] = {}
    in_text: dict[frozenset[AgencyKind], set[str]] = {}
    first_of: dict[str, Agency] = {}
    bodies: dict[int, list[tuple[int, Agency]]] = {}
    for m in sorted(s.mentions, key=lambda m: m.start):
        if m.kind is K.AGENCY and isinstance(m.value, Agency) and m.value.kind is AgencyKind.OTHER:
            bodies.setdefault(s.sentence_of(m.start), []).append((m.start, m.value))
        if m.kind in (K.AGENCY, K.REGION, K.POSITION):
            found = _government(s, m)
            if found is not None:
                governments.setdefault(s.sentence_of(m.start), []).append((m.start, found))
                first_of.setdefault(found.id, found)
                for kinds in set(_ROLE_LEVELS.values()):
                    if found.kind in kinds:
                        in_text.setdefault(kinds, set()).add(found.id)
    for m in unplaced:
        sent = s.sentence_of(m.start)
        if m.value.role is Role.REKTOR:
            # "Dari Politeknik Tanjung Karang hadir Rektor Warjidin Aliyanto": the body
            # outside the catalog named last before it in the same sentence
            near_bodies = [b for start, b in bodies.get(sent, ()) if start < m.start]
            if near_bodies:
                body = near_bodies[-1]
                reading = attrs.evolve(
                    m.value, agency_id=body.id, title=f"{m.value.title} {body.name}"
                )
                replaced[id(m)] = attrs.evolve(m, value=reading, rule=f"{m.rule}+place.context")
            continue
        kinds = _ROLE_LEVELS[m.value.role]
        near = [g for start, g in governments.get(sent, ()) if start < m.start and g.kind in kinds]
        if near:
            agency = near[-1]
        else:
            ids = in_text.get(kinds, set())
            if len(ids) != 1:
                continue
            agency = first_of[next(iter(ids))]
        reading = attrs.evolve(
            m.value,
            agency_id=agency.id,
            region_code=agency.region_code,
            title=f"{m.value.title} {agency.name_at(s.day)}",
        )
        replaced[id(m)] = attrs.evolve(m, value=reading, rule=f"{m.rule}+place.context")
    _replace(s, replaced)


# "<post> dijabat <post> <name>", "<post> adalah <post>, <name>": the holder of the
# second post holds the first
_HELD_BY: Final = re.compile(
    r"\s*(?:dijabat|dipegang|diisi|dirangkap)(?:\s+oleh)?\s+|\s+(?:adalah|yakni|yaitu)\s+",
    re.IGNORECASE,
)


def link_held_by(s: Scan) -> None:
    """A post printed alone, then ``dijabat``/``adalah`` and another post with its holder.

    ``Pj Wali Kota Padangpanjang dijabat Sekda Padangpanjang Sonny Budaya Putra``: the
    person named with the second post holds the first one too.
    """
    holders: dict[int, Mention] = {}
    for link in s.links:
        if link.position is not None and link.person.kind is K.PERSON:
            holders.setdefault(link.position.start, link.person)
    if not holders:
        return
    for link in s.links:
        pos = link.position
        if link.rule != "position-only" or pos is None:
            continue
        cue = _HELD_BY.match(s.text, pos.end)
        if cue is None:
            continue
        person = holders.get(cue.end())
        if person is not None and s.sentence_of(person.start) == s.sentence_of(pos.start):
            link.person = person
            link.rule = "position-held-by"


_AND: Final = re.compile(r"\s+(?:dan|serta|&)\s+", re.IGNORECASE)


def pair_posts(s: Scan) -> None:
    """``Wali Kota dan Wakil Wali Kota Pariaman Genius Umar-Mardison Mahyudin``.

    Two posts joined by ``dan`` and then two names joined by a hyphen (the press's
    pair of a kepala daerah and the wakil): the first name holds the first post, the
    second name the second, and a first post printed without its place shares the
    second's place when that place is a government of the first post's level.
    """
    positions = {m.start: m for m in s.mentions if m.kind is K.POSITION}
    persons = {m.start: m for m in s.mentions if m.kind is K.PERSON}
    by_position = {id(lk.position): lk for lk in s.links if lk.position is not None}
    replaced: dict[int, Mention] = {}
    for first in s.links:
        p1 = first.position
        if first.rule != "position-only" or p1 is None:
            continue
        joined = _AND.match(s.text, p1.end)
        p2 = positions.get(joined.end()) if joined is not None else None
        second = by_position.get(id(p2)) if p2 is not None else None
        if p2 is None or second is None or second.person.kind is not K.PERSON:
            continue
        n1 = second.person
        if s.text[n1.end : n1.end + 1] != "-" or n1.end + 1 not in persons:
            continue
        first.person, first.rule = n1, "position-pair"
        second.person, second.rule = persons[n1.end + 1], "position-pair"
        r1, r2 = p1.value, p2.value
        if r1.agency_id is None and r2.agency_id is not None and r1.role in _ROLE_LEVELS:
            agency = ad.government(r2.region_code or "", s.day)
            if (
                agency is not None
                and agency.id == r2.agency_id
                and agency.kind in _ROLE_LEVELS[r1.role]
            ):
                reading = attrs.evolve(
                    r1,
                    agency_id=agency.id,
                    region_code=agency.region_code,
                    title=f"{r1.title} {agency.name_at(s.day)}",
                )
                replaced[id(p1)] = attrs.evolve(p1, value=reading, rule=f"{p1.rule}+pair")
    _replace(s, replaced)


def _replace(s: Scan, replaced: dict[int, Mention]) -> None:
    """Put re-read mentions in place of the old ones, in the list and in the links."""
    if not replaced:
        return
    s.mentions[:] = [replaced.get(id(m), m) for m in s.mentions]
    for link in s.links:
        if link.position is not None and id(link.position) in replaced:
            link.position = replaced[id(link.position)]
        if id(link.person) in replaced:
            link.person = replaced[id(link.person)]
