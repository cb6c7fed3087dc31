"""Frasa jabatan (printed position phrases: capacity, role, unit and place).

Government news prints a position as one phrase: a capacity marker, the role, the
unit and the place or agency it belongs to, in that order, each part optional but
the role: ``Penjabat Bupati Kabupaten Pringsewu``, ``Pj. Wali Kota Ambon``, ``Plt
Kepala Dinas Kominfo Kota Medan``, ``Sekjen Kemendes``, ``Menteri PANRB``.
:func:`parse_position_phrase` splits such a phrase into a :class:`PositionPhrase`
without consulting any registry (this is the text layer): the role and capacity are
values of :class:`adminnet.model.position.Role` and
:class:`~adminnet.model.position.Capacity`, the unit and place stay text.
:func:`adminnet.positions.parse_position` resolves the place and the agency.

>>> p = parse_position_phrase("Plt Kepala Dinas Kominfo Kota Medan")
>>> p.capacity, p.role, p.unit, p.place, p.place_level
('pelaksana_tugas', 'kepala', 'Dinas Kominfo', 'Kota Medan', 'kota')
>>> p = parse_position_phrase("Pejabat Bupati Pringsewu")
>>> p.capacity, p.role, p.place, p.place_level
('penjabat', 'bupati', 'Pringsewu', 'kabupaten')
>>> parse_position_phrase("Sekjen Kemendes").place
'Kemendes'
>>> p = parse_position_phrase(
...     "Pelaksana Tugas (Plt) Sekretaris Jenderal (Sekjen) Kementerian Dalam Negeri (Kemendagri)"
... )
>>> p.capacity, p.role, p.place, p.place_short
('pelaksana_tugas', 'sekretaris_jenderal', 'Kementerian Dalam Negeri', 'Kemendagri')

Rules:

- **Capacity** comes first: ``Pj.``/``Pj``/``Penjabat`` (penjabat), ``Pjs.``/``Penjabat
  Sementara``, ``Plt.``/``Plt``/``Pelaksana Tugas``, ``Plh.``/``Plh``/``Pelaksana
  Harian``, in any case, with or without the dot, an echo in brackets after it
  (``Penjabat (Pj)``) skipped. ``Pejabat`` is the press's spelling of *Penjabat* only
  directly before a title a penjabat can hold (gubernur, bupati, wali kota,
  sekretaris daerah, kepala desa): ``Pejabat Bupati`` is a penjabat, ``Pejabat Tinggi
  Pratama`` names no position. No marker: definitif.
- **Role**: the longest known role wording at that point (``Kepala Dinas`` before
  ``Kepala``, ``Wakil Wali Kota`` before ``Wakil``), full or abbreviated (``Sekda``,
  ``Kadis``, ``Dirjen``, ``Wabup``, ``Wako``...). The head of a unit is a ``kepala``
  whose unit names the kind (``Kadis Kominfo``: kepala of the ``Dinas Kominfo``); a
  post the model has no role for is ``other`` with its title kept (``Staf Ahli``,
  ``Sekretaris``, ``Wakil Ketua``, ``Direktur Utama``). ``Men``/``Wamen`` glued to a
  ministry's short name (``Mendagri``, ``Wamenkeu``) is the (vice) minister of that ministry
  (``Kemendagri``). ``Irjen`` is the Inspektur Jenderal; followed by ``Pol.`` or
  ``TNI`` it is a rank, and the phrase is refused.
- **Place** starts at the first level word that has a name after it (``Provinsi``,
  ``Prov.``, ``Kabupaten``, ``Kab.``, ``Kota``, ``Pemprov``, ``Pemkab``, ``Pemkot``,
  ``Pemerintah Provinsi``...; ``Kecamatan``, ``Kelurahan``, ``Desa`` only for a post at
  that level or below, since a unit may be named after villages), else after a
  secretariat word (``Biro Organisasi Setda Prov. Kalteng``, ``Asisten I Sekda Papua
  Barat``), else at a ministry's name (``Kementerian ...``, ``Kemendagri``). A later
  level word of a higher level starts the place's parent, kept in
  :attr:`PositionPhrase.within` (``Wali Kota Pekanbaru, Provinsi Riau``, ``Camat Senen
  Kota Administrasi Jakarta Pusat``); a level word before another of the same or a
  lower level is part of a name (``Dinas Tata Kota Kabupaten Bogor``). Without any of
  these, the words after a role that names a unit (kadis, direktur jenderal, asisten,
  sekretaris, kepala before a dinas short form...) are the unit, and after any other
  role the place. :attr:`PositionPhrase.place_level` is the level the cue names, else
  the one the role implies (a bupati's place is a kabupaten).
- **Unit**: the words between role and place, named with the unit's kind when the
  role implies one (``Kadis Pendidikan`` -> ``Dinas Pendidikan``, ``Dirjen Dukcapil``
  -> ``Direktorat Jenderal Dukcapil``, ``Irjen`` alone -> ``Inspektorat Jenderal``); a
  trailing secretariat word is dropped (a biro sits in the Setda).
- A bracketed short form after the place is kept apart in
  :attr:`PositionPhrase.place_short`.
- **Errors** (:class:`~adminnet.errors.InvalidFormat` unless said): not a string,
  ``position.invalid_type``; nothing to read, ``position.empty``; no role,
  ``position.no_role``; a police or military rank, ``position.rank``; ``Kepala
  Daerah`` without a provinsi, kabupaten or kota, ``position.generic`` (with one, it
  is that region's gubernur, bupati or wali kota); two roles joined (``Bupati dan
  Wakil Bupati``), ``position.several_roles``; a level word that contradicts the role
  (``Bupati Kota Bogor``), :class:`~adminnet.errors.InvalidComponent`
  ``position.level_mismatch``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Final, TypeVar

import attrs

from adminnet.errors import InvalidComponent, InvalidFormat
from adminnet.text import _position_words as _w
from adminnet.text.folding import edits1

__all__ = ["PositionPhrase", "parse_position_phrase"]

Span = tuple[int, int]

_TOKEN: Final = re.compile(
    r"\([^()]{0,80}\)"  # a bracketed group (an echo or a short form)
    r"|[^\W_](?:[\w'’.&-]*[^\W_])?\.?"  # a word, possibly with inner dots and a final dot
    r"|[,;/]"  # punctuation that matters
)
_FOLD_DROP: Final = str.maketrans("", "", ".'’-")
_CONJUNCTIONS: Final = frozenset({"dan", "/", "&", "serta"})
_REGIONAL_LEVELS: Final = frozenset({"provinsi", "kabupaten", "kota"})
_LOCAL_LEVELS: Final = frozenset({"kecamatan", "kelurahan", "desa"})
_MINISTER_SHORT: Final = re.compile(r"(wa)?men([a-z]{2,})")


@attrs.frozen
class _Token:
    start: int
    end: int
    raw: str
    fold: str
    kind: str  # "word", "paren", "punct"


def _strip_punct(tokens: list[_Token]) -> list[_Token]:
    while tokens and tokens[-1].kind == "punct":
        tokens = tokens[:-1]
    return tokens


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        if raw.startswith("("):
            out.append(_Token(m.start(), m.end(), raw, raw[1:-1].strip().lower(), "paren"))
        elif raw in ",;/":
            out.append(_Token(m.start(), m.end(), raw, raw, "punct"))
        else:
            out.append(_Token(m.start(), m.end(), raw, raw.lower().translate(_FOLD_DROP), "word"))
    return out


@attrs.frozen(kw_only=True)
class PositionPhrase:
    """Frasa jabatan (a printed position phrase split into its parts, unresolved).

    Attributes:
        text: The text given.
        capacity: Value of :class:`~adminnet.model.position.Capacity`
            (``"definitif"``, ``"penjabat"``, ...).
        role: Value of :class:`~adminnet.model.position.Role` (``"bupati"``,
            ``"kepala"``, ...); ``"other"`` for a post the model has no role for (a
            staf ahli, a sekretaris dinas, a wakil ketua).
        title: The role as a formal title writes it (``"Wali Kota"`` for ``Wako``,
            ``"Kepala"`` for ``Kadis``: the unit says the rest).
        unit: The unit named, with its kind word where the role implies it
            (``"Dinas Kominfo"``, ``"Direktorat Jenderal Dukcapil"``), or ``None``.
        place: The place or agency text as printed (``"Kabupaten Pringsewu"``,
            ``"Ambon"``, ``"PANRB"``, ``"Kemendes"``), or ``None``.
        place_level: ``"provinsi"``, ``"kabupaten"``, ``"kota"``, ``"kecamatan"``,
            ``"kelurahan"`` or ``"desa"``: the level the phrase's level word names,
            else the level its role implies; ``None`` when neither says.
        place_short: A bracketed short form printed after the place
            (``"Kemendagri"``), or ``None``.
        capacity_span: Where the capacity marker is in ``text`` (``None``: definitif).
        role_span: Where the role words are.
        unit_span: Where the unit's printed words are, or ``None``.
        place_span: Where the place is, or ``None``.
        within: The larger region printed after the place (``"Provinsi Riau"`` in
            ``"Penjabat Wali Kota Pekanbaru, Provinsi Riau"``), or ``None``.
        within_span: Where that region is, or ``None``.
    """

    text: str
    capacity: str
    role: str
    title: str
    unit: str | None = None
    place: str | None = None
    place_level: str | None = None
    place_short: str | None = None
    capacity_span: Span | None = None
    role_span: Span = (0, 0)
    unit_span: Span | None = None
    place_span: Span | None = None
    within: str | None = None
    within_span: Span | None = None

    @property
    def span(self) -> Span:
        """Rentang frasa (where the whole phrase is in ``text``: first to last part read)."""
        starts = [s[0] for s in (self.capacity_span, self.role_span) if s is not None]
        ends = [s[1] for s in (self.role_span, self.unit_span, self.place_span) if s is not None]
        return (min(starts), max(ends))


V = TypeVar("V")

_FIRST_WORDS: Final = frozenset(
    key[0]
    for table in (_w.CAPACITY_WORDS, _w.LEVEL_WORDS, _w.SECRETARIAT_WORDS, {("sekda",): ""})
    for key in table
)


def _match(
    tokens: Sequence[_Token], i: int, table: dict[tuple[str, ...], str], longest: int
) -> tuple[str, int] | None:
    """The longest entry of ``table`` spelled by the words at ``i``: (value, length)."""
    if tokens[i].fold not in _FIRST_WORDS:
        return None
    return _longest(tokens, i, table, longest)


def _longest(
    tokens: Sequence[_Token], i: int, table: Mapping[tuple[str, ...], V], longest: int
) -> tuple[V, int] | None:
    """The longest key of ``table`` spelled by words only from ``i``: (value, length)."""
    for n in range(min(longest, len(tokens) - i), 0, -1):
        words = tokens[i : i + n]
        if any(t.kind != "word" for t in words):
            continue
        value = table.get(tuple(t.fold for t in words))
        if value is not None:
            return value, n
    return None


_ROLE_WORDS: Final = {**_w.ROLE_WORDS, **_w.GENERIC_WORDS}


def _role_at(tokens: Sequence[_Token], i: int) -> tuple[_w.RoleEntry, int] | None:
    return _longest(tokens, i, _ROLE_WORDS, _w.LONGEST_ROLE)


def _is_dinas_short(token: _Token) -> bool:
    fold = token.fold
    return (
        token.kind == "word"
        and len(fold) >= 5
        and fold.startswith(_w.DINAS_PREFIXES)
        and fold not in _w.NOT_DINAS
        and token.raw[:1].isupper()
    )


def _is_glued_head(token: _Token) -> bool:
    """True for "Kadisbun", "Kadinkes": "Ka" (Kepala) glued to a dinas short form."""
    fold = token.fold
    rest = fold[len(_w.HEAD_GLUE) :]
    return (
        token.kind == "word"
        and fold.startswith(_w.HEAD_GLUE)
        and len(rest) >= 5
        and rest.isalpha()
        and rest.startswith(_w.DINAS_PREFIXES)
        and rest not in _w.NOT_DINAS
        and token.raw[:1].isupper()
    )


def _unglue_head(tokens: list[_Token], i: int) -> list[_Token]:
    """Split the glued head at ``i`` into the role word "Ka" and the dinas short form."""
    t = tokens[i]
    cut = t.start + len(_w.HEAD_GLUE)
    rest_raw = t.raw[len(_w.HEAD_GLUE) :]
    head = _Token(t.start, cut, t.raw[: len(_w.HEAD_GLUE)], _w.HEAD_GLUE, "word")
    rest = _Token(
        cut, t.end, rest_raw[:1].upper() + rest_raw[1:], t.fold[len(_w.HEAD_GLUE) :], "word"
    )
    return [*tokens[:i], head, rest, *tokens[i + 1 :]]


def _is_agency_start(token: _Token) -> bool:
    fold = token.fold
    if token.kind != "word":
        return False
    return fold in _w.AGENCY_LEAD_WORDS or (
        len(fold) > 5 and fold.startswith(_w.AGENCY_PREFIXES) and fold != "kemenangan"
    )


_LEVELS_LONGEST: Final = max(len(k) for k in _w.LEVEL_WORDS)
_SECRETARIAT: Final = {**_w.SECRETARIAT_WORDS, ("sekda",): "Sekretariat Daerah"}
_SECRETARIAT_LONGEST: Final = max(len(k) for k in _SECRETARIAT)


def _shown(text: str) -> str:
    """The phrase as quoted in a message: its repr, the first 77 characters of a long one."""
    return repr(text if len(text) <= 80 else text[:77] + "...")


def _no_role(text: str, tokens: Sequence[_Token], i: int) -> InvalidFormat:
    """No role word at ``i``: ``position.no_role``, with the roles one slip away (``near``)."""
    near = _near_roles(tokens, i)
    if not near:
        return InvalidFormat(code="position.no_role", params={"value": _shown(text)})
    params = {"value": _shown(text), "candidates": ", ".join(near)}
    return InvalidFormat(code="position.no_role", variant="near", params=params)


_ROLE_SPELLINGS: Final[dict[str, tuple[str, ...]]] = {}
_MAX_TYPO: Final = 40  # the longest phrase read for a typo (longer than every role)


def _role_spellings() -> dict[str, tuple[str, ...]]:
    """Every role word group, spaced and glued, with the titles it is written out as."""
    if not _ROLE_SPELLINGS:
        table: dict[str, dict[str, None]] = {}
        for key, entry in _ROLE_WORDS.items():
            for form in (" ".join(key), "".join(key)):
                table.setdefault(form, {})[entry[3] or " ".join(key).title()] = None
        _ROLE_SPELLINGS.update({k: tuple(v) for k, v in table.items()})
    return _ROLE_SPELLINGS


def _near_roles(tokens: Sequence[_Token], i: int) -> list[str]:
    """The titles of the role word groups one typing slip from the words at ``i``.

    ``"Bupatti"`` -> ``Bupati``, ``"Walikotta"`` -> ``Wali Kota`` (the typo matcher
    of :func:`adminnet.text.folding.edits1`); never for a word of fewer than 4 letters.
    """
    spellings = _role_spellings()
    found: dict[str, None] = {}
    for n in range(1, min(_w.LONGEST_ROLE, len(tokens) - i) + 1):
        words = tokens[i : i + n]
        if any(t.kind != "word" for t in words):
            break
        phrase = " ".join(t.fold for t in words)
        if not 4 <= len(phrase) <= _MAX_TYPO:
            continue
        for variant in sorted(edits1(phrase)):
            for title in spellings.get(variant, ()):
                found.setdefault(title, None)
    return list(found)[:5]


def _slice(text: str, tokens: Sequence[_Token]) -> tuple[str, Span] | None:
    """The printed words of ``tokens`` (brackets left out) and their span."""
    words = [k for k, t in enumerate(tokens) if t.kind == "word"]
    if not words:
        return None
    first, last = words[0], words[-1]
    pieces: list[str] = []
    run_start: int | None = None
    run_end = 0
    for t in tokens[first : last + 1]:
        if t.kind == "paren":
            if run_start is not None:
                pieces.append(text[run_start:run_end])
            run_start = None
            continue
        if run_start is None:
            run_start = t.start
        run_end = t.end
    if run_start is not None:
        pieces.append(text[run_start:run_end])
    return " ".join(" ".join(pieces).split()), (tokens[first].start, tokens[last].end)


def parse_position_phrase(text: str) -> PositionPhrase:
    """Baca frasa jabatan (split a printed position phrase into its parts).

    See the module documentation for the rules.

    >>> p = parse_position_phrase("Pj. Wali Kota Ambon")
    >>> p.capacity, p.role, p.place, p.place_level, p.role_span
    ('penjabat', 'wali_kota', 'Ambon', 'kota', (4, 13))
    >>> parse_position_phrase("Kadis Pendidikan dan Kebudayaan Provinsi Lampung").unit
    'Dinas Pendidikan dan Kebudayaan'
    >>> parse_position_phrase("Irjen Pol. Firman Shantyabudi")
    Traceback (most recent call last):
    adminnet.errors.InvalidFormat: 'Irjen Pol. Firman Shantyabudi' starts with a rank ...

    Raises:
        InvalidFormat: not a string, no role, a rank, several roles (see above).
        InvalidComponent: a level word that contradicts the role.
    """
    obj: object = text
    if not isinstance(obj, str):
        raise InvalidFormat(code="position.invalid_type", params={"type": type(obj).__name__})
    tokens = _tokens(text)
    while tokens and tokens[-1].kind == "punct":
        tokens.pop()
    i = 0
    while i < len(tokens) and tokens[i].kind == "punct":
        i += 1
    if i >= len(tokens):
        raise InvalidFormat(code="position.empty", params={"value": _shown(text)})
    capacity = "definitif"
    capacity_span: Span | None = None
    found = _match(tokens, i, _w.CAPACITY_WORDS, _w.LONGEST_CAPACITY)
    if found is not None:
        capacity, n = found
        capacity_span = (tokens[i].start, tokens[i + n - 1].end)
        i += n
    elif tokens[i].kind == "word" and tokens[i].fold == _w.PRESS_PENJABAT:
        after = _role_at(tokens, i + 1)
        if after is not None and after[0][0] in _w.ACTING_TITLES:
            capacity = "penjabat"
            capacity_span = (tokens[i].start, tokens[i].end)
            i += 1
    if capacity_span is not None and i < len(tokens) and tokens[i].kind == "paren":
        i += 1  # "Penjabat (Pj) Bupati"
    if i >= len(tokens):
        params = {"value": _shown(text)}
        raise InvalidFormat(code="position.no_role", variant="capacity", params=params)
    role_entry = _role_at(tokens, i)
    glued_at: int | None = None
    if role_entry is None and _is_glued_head(tokens[i]):
        tokens = _unglue_head(tokens, i)  # "Kadisbun": "Ka" (Kepala) + "Disbun"
        role_entry = _role_at(tokens, i)
        glued_at = tokens[i + 1].start
    short_place: str | None = None
    if role_entry is None:
        m = _MINISTER_SHORT.fullmatch(tokens[i].fold) if tokens[i].kind == "word" else None
        if m is None or tokens[i].fold in ("menteri", "mentri"):
            raise _no_role(text, tokens, i)
        minister = ("wakil_menteri", "", "", "Wakil Menteri") if m.group(1) else None
        role_entry = (minister or ("menteri", "", "", "Menteri"), 1)
        raw = tokens[i].raw.rstrip(".")
        short_place = "Ke" + raw[2:] if m.group(1) else "Ke" + raw[0].lower() + raw[1:]
    (role, unit_kind, role_level, title), n = role_entry
    role_tokens = tokens[i : i + n]
    i += n
    # "Kepala Diskominfo", "Sekretaris Dinas Kominfo": the words after name a unit
    unit_first = bool(unit_kind) or title == "Sekretaris"
    unit_first = unit_first or (i < len(tokens) and _is_dinas_short(tokens[i]))
    if role == "inspektur_jenderal" and n == 1 and _rank_follows(tokens, i):
        raise InvalidFormat(code="position.rank", params={"value": _shown(text)})
    role_span = (role_tokens[0].start, role_tokens[-1].end)
    if i < len(tokens) and tokens[i].kind == "paren":
        i += 1  # "Sekretaris Jenderal (Sekjen) Kementerian ..."
    tail = list(tokens[i:])
    _check_single_role(text, tail)
    place_short = None
    if tail and tail[-1].kind == "paren" and len(tail) > 1:
        place_short = tail[-1].raw[1:-1].strip() or None
        tail.pop()
    unit_tokens, place_tokens, cue_level, within_tokens = _split(tail, role_level, unit_first)
    if role in _w.GENERIC_BY_LEVEL:  # "Kepala Daerah Kabupaten Pringsewu" is its bupati
        specific = _w.GENERIC_BY_LEVEL[role].get(cue_level or "")
        if specific is None or unit_tokens:
            raise InvalidFormat(code="position.generic", params={"value": _shown(text)})
        (role, title), role_level = specific, cue_level or ""
    if cue_level is not None and role_level and cue_level != role_level:
        params = {"value": _shown(text), "role": role.replace("_", " "), "level": role_level}
        params["named"] = cue_level
        raise InvalidComponent(code="position.level_mismatch", params=params)
    unit = _unit(text, unit_tokens, unit_kind)
    if unit is not None and unit[1] is not None and unit[1][0] == glued_at:
        unit = (unit[0][:1].upper() + unit[0][1:], unit[1])  # "Kadisdikbud": "Disdikbud"
    place = _slice(text, place_tokens)
    within = _slice(text, within_tokens)
    if short_place is not None and place is None:
        place = (short_place, role_span)
    return PositionPhrase(
        text=text,
        capacity=capacity,
        role=role,
        title=title,
        unit=unit[0] if unit is not None else None,
        place=place[0] if place is not None else None,
        place_level=cue_level or role_level or None,
        place_short=place_short,
        capacity_span=capacity_span,
        role_span=role_span,
        unit_span=unit[1] if unit is not None else None,
        place_span=place[1] if place is not None else None,
        within=within[0] if within is not None else None,
        within_span=within[1] if within is not None else None,
    )


def _rank_follows(tokens: Sequence[_Token], i: int) -> bool:
    """True if the word at ``i`` makes the "Irjen" before it a rank (Pol., TNI)."""
    return i < len(tokens) and tokens[i].kind == "word" and tokens[i].fold in _w.RANK_CORPS


def _check_single_role(text: str, tail: Sequence[_Token]) -> None:
    """Refuse "Bupati dan Wakil Bupati X" and "Pj Bupati/Wali Kota": two roles."""
    if len(tail) >= 2 and tail[0].fold in _CONJUNCTIONS and _role_at(tail, 1) is not None:
        raise InvalidFormat(code="position.several_roles", params={"value": _shown(text)})


_RANK: Final = {"provinsi": 1, "kabupaten": 2, "kota": 2, "kecamatan": 3, "kelurahan": 4, "desa": 4}


def _level_cue(tail: Sequence[_Token], j: int, role_level: str) -> tuple[str, int] | None:
    """The level word at ``j`` if it may count for this role: (level, length).

    A kecamatan, kelurahan or desa word counts only for a post at or below that level
    (a unit may be named after villages: "Dinas Pemberdayaan Masyarakat Desa").
    """
    found = _match(tail, j, _w.LEVEL_WORDS, _LEVELS_LONGEST)
    if found is None:
        return None
    level = found[0]
    if level in _REGIONAL_LEVELS or (role_level in _RANK and _RANK[level] <= _RANK[role_level]):
        return found
    return None


def _cues(tail: Sequence[_Token], role_level: str) -> list[tuple[int, str]]:
    """Level words with a name after them that may count for this role: (index, level).

    A level word directly before another one of the same or a lower level is part of a
    name ("Dinas Tata Kota Kabupaten X", "Kecamatan Bangkinang Kota Kabupaten
    Kampar"); before one of a higher level, the second is the name's first word
    ("Kecamatan Kota Baru Kota Jambi").
    """
    out: list[tuple[int, str]] = []
    n = len(tail)
    j = 0
    while j < n:
        found = _level_cue(tail, j, role_level)
        if found is None:
            j += 1
            continue
        level, length = found
        after = j + length
        if after >= n or tail[after].kind != "word":
            j = after
            continue
        following = _level_cue(tail, after, role_level)
        if following is None:
            out.append((j, level))
            j = after
        elif _RANK[following[0]] < _RANK[level]:
            out.append((j, level))  # "Kecamatan Kota Baru": Kota starts the name
            j = after + following[1]
        else:
            j = after  # "Tata Kota Kabupaten X": this one is part of a name
    return out


def _chain_parts(text: str) -> list[str]:
    """A printed chain of regions split at its level words (used by the resolver).

    >>> _chain_parts("Kecamatan Kota Baru Kota Jambi")
    ['Kecamatan Kota Baru', 'Kota Jambi']
    """
    tokens = [t for t in _tokens(text) if t.kind == "word"]
    starts = [j for j, _level in _cues(tokens, "desa")]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    parts: list[str] = []
    for a, b in itertools.pairwise([*starts, len(tokens)]):
        if a < b:
            parts.append(" ".join(text[tokens[a].start : tokens[b - 1].end].split()))
    return parts


def _split(
    tail: list[_Token], role_level: str, unit_first: bool
) -> tuple[list[_Token], list[_Token], str | None, list[_Token]]:
    """Split the words after the role: unit, place, the level the cue names, parent.

    The place starts at the first level word (a post with a level of its own: right
    after the role); a later level word of a higher level starts its parent region
    ("Wali Kota Pekanbaru, Provinsi Riau", "Camat Senen Kota Jakarta Pusat").
    """
    cues = _cues(tail, role_level)
    within: list[_Token] = []
    first, start_level = (0, role_level) if role_level else cues[0] if cues else (0, "")
    for index, level in cues:
        if index > first and start_level and _RANK[level] < _RANK[start_level]:
            within = tail[index:]
            tail = _strip_punct(tail[:index])
            cues = [c for c in cues if c[0] < index]
            break
    if role_level in _LOCAL_LEVELS:
        return [], tail, None, within
    if cues:
        index, level = cues[0] if not role_level else cues[-1]
        return _drop_secretariat(tail[:index]), tail[index:], level, within
    n = len(tail)
    for j in range(n):
        found = _match(tail, j, _SECRETARIAT, _SECRETARIAT_LONGEST)
        if found is not None and j > 0 and j + found[1] < n:
            return tail[:j], tail[j + found[1] :], None, within
    for j in range(n):
        if _is_agency_start(tail[j]):
            return _drop_secretariat(tail[:j]), tail[j:], None, within
    if unit_first:
        return tail, [], None, within
    return [], tail, None, within


def _drop_secretariat(tokens: list[_Token]) -> list[_Token]:
    while tokens and (
        (tokens[-1].fold,) in _SECRETARIAT or tokens[-1].fold in ("sekretariat", "pada", "di")
    ):
        tokens = tokens[:-1]
    return tokens


def _unit(text: str, tokens: list[_Token], kind: str) -> tuple[str, Span | None] | None:
    printed = _slice(text, tokens)
    if printed is None:
        return (kind, None) if kind == "Inspektorat Jenderal" else None
    words, span = printed
    if kind and not words.lower().startswith(kind.lower()):
        words = f"{kind} {words}"
    return words, span
