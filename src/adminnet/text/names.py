"""Nama orang dengan gelar, pangkat dan sapaan (Indonesian personal names as printed).

Indonesian officials are written with their *gelar* around the name: front titles
(``Prof.``, ``Dr.``, ``dr.``, ``Ir.``, ``Drs.``, ``H.``, ``Hj.``, ``K.H.`` ...) before it,
academic degrees (``S.H.``, ``M.Si.``, ``Ph.D.``, ``Sp.PD.`` ...) after it; officers of
the TNI and Polri with their *pangkat* first (``Irjen Pol.``, ``Letkol Inf.``), and
anyone may be addressed with a *sapaan* (``Bapak``, ``Ibu``, ``Nyonya`` ...). By PUEBI
every abbreviation ends with a period, a comma separates the name from the first back
title and each later one, and no comma follows the front titles.

:func:`parse_name` splits such a string into a :class:`PersonName`; ``str()`` of the
result is the formal form, in the order sapaan, pangkat, front titles, name, back
titles:

>>> n = parse_name("Ir.Frans J.Papilaya,M.Si.")
>>> n
PersonName(given='Frans J. Papilaya', prefixes=('Ir.',), suffixes=('M.Si.',))
>>> str(n)
'Ir. Frans J. Papilaya, M.Si.'
>>> str(parse_name("DR. dr. Hendra Gunawan, SpJP (K), FINASIM"))
'Dr. dr. Hendra Gunawan, Sp.JP(K), FINASIM'
>>> n = parse_name("Irjen Pol Drs Firman Shantyabudi MSi")
>>> n.rank, n.prefixes, n.given, n.suffixes
('Irjen Pol.', ('Drs.',), 'Firman Shantyabudi', ('M.Si.',))
>>> str(parse_name("Bp. Mat Toha, SE."))
'Bapak Mat Toha, S.E.'

Rules (decisions where usage varies):

- **Known titles are canonicalised.** Dots, spaces, hyphens and case are ignored when
  a title is recognised (``M.Si``, ``MSi``, ``M. Si.``, ``m.si`` are all ``M.Si.``;
  ``PhD`` is ``Ph.D.``; ``SH`` is ``S.H.``); the canonical spellings are
  :data:`FRONT_TITLES` and :data:`BACK_TITLES` (tables in ``_titles``). A front title
  is never read from a text with more dots or hyphens than it has: glued titles split
  at their dots (``Dr.H.`` is ``Dr. H.``, not ``drh.``; ``Dr.A. Budi`` is ``Dr.``
  before ``A. Budi``) and ``Dr-`` or ``Hj-`` is no title. Back titles glued at a dot
  split when each piece is known (``S.Sos.MT`` is ``S.Sos.``, ``M.T.``).
- **Case tells dr. from Dr.**: ``dr.`` (all lower case) is a physician, any other
  casing (``Dr.``, ``DR.``) is the doctorate ``Dr.`` (so in an all-capitals record a
  physician's ``DR.`` reads as a doctorate: the case that would tell is gone).
  ``drg.``, ``drh.`` and ``apt.`` are always written in lower case, ``Drs.``/``Dra.``
  always capitalised. An honorary doctorate is ``Dr. (H.C.)`` (from ``Dr. (HC)``,
  ``Dr.H.C.`` etc.; spaced ``Dr. H. C.`` is ``Dr.``, *Haji* and an initial) and a
  doctoral candidate ``Dr. (Cand.)`` (from ``Dr. (Can)``, ``Dr (Cand)``); neither is a
  doctorate for :attr:`PersonName.has_doctorate`.
- **Sapaan and pangkat** (:data:`HONORIFICS`; ranks in ``_ranks`` with their sources)
  are read only at the very start, sapaan first, and each only with a word after it.
  ``Bapak``/``Bpk.``/``Bp.``/``Pak``, ``Ibu``/``Bu``, ``Nyonya``/``Ny.``,
  ``Saudara``/``Sdr.``, ``Saudari``/``Sdri.``, ``Tuan``/``Tn.``; the spoken ``Pak`` and
  ``Bu`` only directly before a name word (``Pak Dr. Budi`` stays as written). A
  pangkat is a base rank (``Irjen``, ``Letnan Kolonel``, ``Kapt.``) with markers in
  any printed order and spelling (``TNI``, a corps or branch such as ``Pol``, ``Inf``,
  ``Laut (P)``, ``Pnb``, ``(HOR)``, ``(Purn)``), each read only if it fits the
  services of the rank (``Irjen TNI`` is ``Irjen`` before ``TNI``); canonical form:
  the abbreviation, ``TNI``, the corps with its dot, ``(Hor.)``, ``(Purn.)``
  (``Komjen Pol (Purn)`` -> ``Komjen Pol. (Purn.)``).
- **Front titles** count only at the start (after a sapaan and a pangkat), in a row,
  and only if known: an initial such as ``J.`` inside the name is never a title, and
  ``H.`` is *Haji* only at the front. Dotless ``Prof``, ``Dr``, ``dr``, ``drg``,
  ``drh``, ``Ir``, ``Drs``, ``Dra``, ``Hj`` and ``KH`` are accepted, and so are titles
  in parentheses (``(Prof)``) and written out (``Profesor``, ``Doktor``, ``Insinyur``,
  ``Haji``, ``Hajjah``, ``Tubagus``). A bare ``H`` is *Haji* next to another front
  title, after a pangkat or a sapaan (``Drs H Nasrudin``), or first before a name of two
  words or more that has back titles (``H Herman Deru, SH, MH``); otherwise it is an
  initial (``H Muhammad Yusuf``). ``Ns`` and ``apt`` need their dot; ``Hi.`` (*Haji*
  in Maluku usage) and ``Tb.`` are front titles. ``R.`` stays in the name (it cannot
  be told from an initial), as do ``Raden`` and ``Kyai``. Commas among front titles
  are dropped. Spaced titles are joined when the pieces spell a title with as many
  dots as pieces (``K. H.`` -> ``K.H.``, ``M. Si.`` -> ``M.Si.``, but ``Dr. A. Budi``
  is not ``Dra. Budi``). ``Ing`` is also a name word, so ``Dr.-Ing.`` needs the dot of
  ``Ing.`` or the hyphen (``Dr. Ing.``, ``Dr.Ing.``, ``Dr.-Ing``; ``Dr. Ing Budi`` is
  ``Dr.`` before ``Ing Budi``), and after the physician's ``dr.`` it is the name
  (``dr. Ing. Budi``).
- **Back titles** start at a comma, or without a comma at a known title written with a
  dot (``Adi Suryanto M.Si``), or at known titles written without dots where they
  cannot be name words: written as the title is (``MSi``, ``SSOS``; ``Mars`` is a
  name, ``MARS`` a title), after a name word that is not a title, and either in a run
  of two titles or more (``MSc DEA``) or alone if three letters or more, with a
  lower-case letter, or one of the two-letter degrees of ``BARE_TWO_LETTER``
  (``Budi Santoso SH``; ``Budi MA`` keeps ``MA``, which may be two initials; ``MD`` in
  ``Mahfud MD`` and ``AS`` in ``Muchlis AS`` are no titles at all). After that point
  every token must look like a title: a known one, an unknown dotted abbreviation
  starting with a capital (``S.Agr``, kept as written with its final dot added), a
  mark joined to the title before (``(K)``: ``Sp.A(K)``, also glued ``Sp.Perio(K)``;
  ``(Eng)``: ``M.Sc. (Eng.)``; a consultant's subspecialty after a specialist title:
  ``Sp.PD K-EMD`` -> ``Sp.PD-KEMD``) or, after a first title, an acronym of capitals
  (``FINASIM``, ``CFrA``, kept verbatim). ``Sp.``, and ``Sp`` before ``(K)``, begin a
  specialist title: they are never ``S.P.``; ``Sp Rad`` is ``Sp.Rad.``, ``ASEAN Eng``
  is ``ASEAN Eng.``. Otherwise the comma belongs to the name (``"Papilaya, Frans"``
  stays whole); two initials that spell a dotted title at the end (``Budi S. H.``) are
  read as that title. Titles only, with no name (``"Dr., M.Si."``, ``"S.H."``), is an
  error; a dotless title-like word alone stays a name (``"Dr. Ma"``, ``"SH MH"``).
- **Messy spacing** is repaired: a dot glued to a following word of four letters or
  more gets a space (``J.Papilaya`` -> ``J. Papilaya``; ``M.A.S.`` and ``M.Nuh`` stay),
  spaces before dots and commas are dropped, runs of spaces collapse, and edge
  punctuation (``,;:`` dashes, bullets) is trimmed. A final period after a name word of
  four letters or more is sentence punctuation and dropped (``Asman Abnur.``), one after
  a shorter word is kept (``Agus S.``, ``Moh.``).
- **Unicode**: input is NFC-normalised, every kind of white space (tab, newline, NBSP
  U+00A0 ...) is a space, and invisible format characters (zero-width space U+200B,
  ZWNJ/ZWJ U+200C/U+200D, word joiner U+2060, BOM U+FEFF, soft hyphen ...) are
  *removed*, so the text reads as it looks. Other control characters are an error,
  and so are letters of two of the look-alike scripts Latin, Cyrillic and Greek in
  one name (a Cyrillic ``а`` in ``Bаyu``).
- **Case is kept**: an all-capitals name (``ADI SURYANTO``) is not re-cased.
- **Nothing is lost**: the letters and digits of the input, compared case-insensitively,
  appear in ``str()`` of the result in the same order; only spaces and punctuation
  change, and the letters of a written-out or short form that has a canonical one
  (``Profesor`` -> ``Prof.``, ``Pak`` -> ``Bapak``, ``Letnan Kolonel`` -> ``Letkol``,
  ``Purnawirawan`` -> ``(Purn.)``). Unknown tokens stay in the name.
- **Errors** (:class:`~adminnet.errors.InvalidFormat`): a non-string is
  ``name.invalid_type``; nothing left, or titles only (``"Dr., M.Si."``), is
  ``name.empty``; a name without a letter is ``name.no_letters``; a control character
  is ``name.invalid_character``; mixed scripts are ``name.mixed_script`` (naming the
  letter and its position); more than 1,000 letters and digits (no real name comes
  near) is :class:`~adminnet.errors.InvalidLength` ``name.too_long``. The constructor
  adds ``name.invalid_rank`` and ``name.invalid_honorific``; it does not check
  scripts (a program that builds a name decides what it holds).

Parsing is idempotent (``parse_name(str(n)) == n``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, NoReturn

import attrs

from adminnet._validators import field_name, raise_for_field, short
from adminnet.errors import InvalidFormat, InvalidLength
from adminnet.text import _ranks
from adminnet.text._namespell import (
    _DOCTORATES_BACK,
    _DOCTORATES_FRONT,
    _DOTLESS_FRONT,
    _MAX_ALNUM,
    _MAX_CACHED,
    _clean,
    _first_bad_char,
    _front_lookup,
    _mixed_script,
    near_titles,
)
from adminnet.text._namespell import _MAX_MEMO as _MAX_MEMO
from adminnet.text._namespell import _canonical_back as _canonical_back
from adminnet.text._namespell import _key as _key
from adminnet.text._nametext import (
    _HEAD_WORDS,
    _LAST_STOP,
    _invalid,
)
from adminnet.text._nametext import _formal_tails as _formal_tails
from adminnet.text._nametext import _parse_clean as _parse_clean_parts
from adminnet.text._nametext import _parse_formal as _parse_formal_parts
from adminnet.text._nametext import _word_infos as _word_infos
from adminnet.text._titles import BACK_TITLES, FRONT_TITLES

__all__ = ["BACK_TITLES", "FRONT_TITLES", "HONORIFICS", "PersonName", "parse_name"]

HONORIFICS: Final[tuple[str, ...]] = tuple(_ranks.HONORIFICS)
"""Sapaan (forms of address) in canonical form: ``Bapak``, ``Ibu``, ``Nyonya`` ..."""

# --- the value type ------------------------------------------------------------------

# Bounded memos for the constructor. The canonical spelling of a title and whether a
# title is valid depend on its text alone, so both are remembered per title text: only
# for an exact ``str`` (a subclass may change the result, e.g. keep its own type) of at
# most _MAX_CACHED characters, and a memo is emptied when it reaches _MAX_MEMO entries
# (half a megabyte for the three when full; _formal_tails below, 1.5 MB at most).
_prefix_memo: dict[str, str] = {}
_suffix_memo: dict[str, str] = {}
_valid_titles: set[str] = set()


def _remember(memo: dict[str, str], text: str, result: str) -> str:
    """Store ``result`` for ``text`` in ``memo`` (bounded) and return it."""
    if len(text) <= _MAX_CACHED:
        if len(memo) >= _MAX_MEMO:
            memo.clear()
        memo[text] = result
    return result


def _convert_given(value: str) -> str:
    if type(value) is str and value.isascii() and value.isprintable():
        # What _clean does to such a text, without the call.
        if "  " not in value and value and value[0] != " " and value[-1] != " ":
            return value
        return " ".join(value.split())
    raw: object = value  # at run time any value; the validator reports a non-string
    return _clean(raw) if isinstance(raw, str) else value


def _convert_titles(value: object, memo: dict[str, str], canonical: Callable[[str], str]) -> object:
    """A list or tuple of titles as a tuple of ``canonical`` spellings (memoised per text)."""
    if not isinstance(value, (list, tuple)):
        return value
    out: list[object] = []
    for v in value:
        if type(v) is str:
            spelled = memo.get(v)
            if spelled is None:
                spelled = _remember(memo, v, canonical(v))
            out.append(spelled)
        else:
            out.append(canonical(v) if isinstance(v, str) else v)  # str subclasses: no memo
    return tuple(out)


def _canonical_prefix(value: str) -> str:
    text = _clean(value)
    return _front_lookup(text, strict=False) or text


def _canonical_suffix(value: str) -> str:
    return _canonical_back(_clean(value))


def _convert_prefixes(value: Sequence[str]) -> tuple[str, ...]:
    return _convert_titles(value, _prefix_memo, _canonical_prefix)  # type: ignore[return-value]


def _convert_suffixes(value: Sequence[str]) -> tuple[str, ...]:
    return _convert_titles(value, _suffix_memo, _canonical_suffix)  # type: ignore[return-value]


def _fail(
    instance: object,
    attribute: attrs.Attribute[Any],
    code: str,
    params: Mapping[str, object],
    variant: str | None = None,
) -> NoReturn:
    raise_for_field(InvalidFormat(code=code, variant=variant, params=params), instance, attribute)


def _typed(field: str, value: object) -> dict[str, str | int]:
    """The params of ``name.invalid_type``: the field, and the type and value given."""
    return {"field": field, "type": type(value).__name__, "value": short(value, 60)}


def _near(params: dict[str, str | int], near: list[str]) -> str | None:
    """The variant ``near`` (and its candidates) when there is a "did you mean"."""
    if not near:
        return None
    params["candidates"] = ", ".join(near)
    return "near"


def _check_printed(
    instance: object, attribute: attrs.Attribute[Any], field: str, value: object
) -> str:
    """The first checks of a name part at ``field``: a string, not empty, printable."""
    if not isinstance(value, str):
        _fail(instance, attribute, "name.invalid_type", _typed(field, value))
    if not value:
        _fail(instance, attribute, "name.empty", {"field": field})
    bad = _first_bad_char(value)
    if bad is not None:
        char = {"field": field, "value": short(value, 60), "char": f"U+{ord(bad):04X}"}
        _fail(instance, attribute, "name.invalid_character", char)
    return value


def _check_given(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # The usual case first: printable (so no control character; a space is printable),
    # short enough not to need counting, and with a letter.
    if (
        type(value) is str
        and 0 < len(value) <= _MAX_ALNUM
        and value.isprintable()
        and (value[0].isalpha() or any(map(str.isalpha, value)))
    ):
        return
    field = field_name(instance, attribute)
    value = _check_printed(instance, attribute, field, value)
    if not any(map(str.isalpha, value)):
        _fail(instance, attribute, "name.no_letters", {"field": field, "value": short(value, 60)})
    if len(value) > _MAX_ALNUM and (count := sum(map(str.isalnum, value))) > _MAX_ALNUM:
        params: dict[str, str | int] = {"field": field, "value": short(value, 60)}
        params.update(count=count, max=_MAX_ALNUM)
        raise_for_field(InvalidLength(code="name.too_long", params=params), instance, attribute)


def _check_titles(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    valid = _valid_titles
    if type(value) is tuple:
        for item in value:
            if type(item) is not str or item not in valid:
                break
        else:
            return  # every title already found valid
    field = field_name(instance, attribute)
    if not isinstance(value, tuple):
        _fail(instance, attribute, "name.invalid_type", _typed(field, value), "tuple")
    for i, item in enumerate(value):
        where = f"{field}[{i}]"
        item = _check_printed(instance, attribute, where, item)
        if "," in item or not any(map(str.isalpha, item)):
            params: dict[str, str | int] = {"field": where, "value": short(item, 60)}
            variant = _near(params, near_titles(item))
            _fail(instance, attribute, "name.invalid_title", params, variant)
        if type(item) is str and len(item) <= _MAX_CACHED:
            if len(valid) >= _MAX_MEMO:
                valid.clear()
            valid.add(item)


def _convert_honorific(value: str | None) -> str | None:
    if isinstance(value, str):
        return _ranks.honorific_index().get(_clean(value).replace(".", "").lower(), value)
    return value


def _convert_rank(value: str | None) -> str | None:
    if isinstance(value, str):
        return _ranks.canonical_rank(_clean(value)) or value
    return value


def _check_part(instance: object, attribute: attrs.Attribute[Any], value: object, ok: bool) -> None:
    field = field_name(instance, attribute)
    if not isinstance(value, str):
        _fail(instance, attribute, "name.invalid_type", _typed(field, value), "optional")
    if not ok:
        params: dict[str, str | int] = {"field": field, "value": short(value, 60)}
        if attribute.name == "honorific":
            params["allowed"] = ", ".join(_ranks.HONORIFICS)
        near = _ranks.near_ranks(value) if attribute.name == "rank" else []
        _fail(instance, attribute, f"name.invalid_{attribute.name}", params, _near(params, near))


def _check_honorific(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in _ranks.HONORIFICS:
        _check_part(instance, attribute, value, False)


def _check_rank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    ok = isinstance(value, str) and _ranks.canonical_rank(value) == value
    if not ok:
        _check_part(instance, attribute, value, ok)


@attrs.frozen(kw_only=True, repr=False)
class PersonName:
    """Nama orang dengan gelar, pangkat dan sapaan (a person's name with titles).

    ``str()`` is the formal form in the Indonesian order: the sapaan, the pangkat, the
    front titles, the name, then a comma before each back title.

    >>> n = PersonName(given="Budi Santoso", prefixes=["Prof", "DR", "Ir"],
    ...                suffixes=["MSc", "PhD"])
    >>> str(n)
    'Prof. Dr. Ir. Budi Santoso, M.Sc., Ph.D.'
    >>> n.plain, n.has_doctorate, n.is_medical_doctor
    ('Budi Santoso', True, False)
    >>> str(PersonName(given="Firman Shantyabudi", prefixes=["Drs"], suffixes=["MSi"],
    ...                rank="Irjen Pol", honorific="Bpk."))
    'Bapak Irjen Pol. Drs. Firman Shantyabudi, M.Si.'

    The converters NFC-normalise and trim the texts, turn lists into tuples and give
    known titles, ranks and sapaan their canonical spelling (see :data:`FRONT_TITLES`,
    :data:`BACK_TITLES`, :data:`HONORIFICS`); unknown titles are kept, an unknown rank
    or sapaan is an error. ``parse_name(str(n)) == n`` holds whenever the titles are
    known ones and ``given`` is itself a parsed name.

    Attributes:
        given: The name without titles, e.g. ``"Frans J. Papilaya"``; at least one
            letter. The constructor takes it as given: only :func:`parse_name`, which
            reads printed text, refuses mixed scripts.
        prefixes: Gelar depan in order, e.g. ``("Prof.", "Dr.", "Ir.")``.
        suffixes: Gelar belakang in order, e.g. ``("M.Sc.", "Ph.D.")``.
        rank: Pangkat (TNI/Polri rank) with its corps and markers, e.g.
            ``"Irjen Pol."``, ``"Letkol Inf."``, ``"Jenderal TNI (Purn.)"``; or None.
        honorific: Sapaan, one of :data:`HONORIFICS`; or None.
    """

    given: str = attrs.field(converter=_convert_given, validator=_check_given)
    prefixes: tuple[str, ...] = attrs.field(
        default=(), converter=_convert_prefixes, validator=_check_titles
    )
    suffixes: tuple[str, ...] = attrs.field(
        default=(), converter=_convert_suffixes, validator=_check_titles
    )
    rank: str | None = attrs.field(default=None, converter=_convert_rank, validator=_check_rank)
    honorific: str | None = attrs.field(
        default=None, converter=_convert_honorific, validator=_check_honorific
    )

    def __repr__(self) -> str:
        text = f"PersonName(given={self.given!r}, prefixes={self.prefixes!r}, "
        text += f"suffixes={self.suffixes!r}"
        if self.rank is not None:
            text += f", rank={self.rank!r}"
        if self.honorific is not None:
            text += f", honorific={self.honorific!r}"
        return text + ")"

    def __str__(self) -> str:
        text = " ".join((*self.prefixes, self.given)) if self.prefixes else self.given
        if self.rank is not None:
            text = f"{self.rank} {text}"
        if self.honorific is not None:
            text = f"{self.honorific} {text}"
        if self.suffixes:
            return f"{text}, {', '.join(self.suffixes)}"
        return text

    @property
    def formal(self) -> str:
        """Nama lengkap dengan gelar (the formal form, same as ``str()``)."""
        return str(self)

    @property
    def plain(self) -> str:
        """Nama tanpa gelar (the name without titles)."""
        return self.given

    @property
    def titles(self) -> tuple[str, ...]:
        """Semua gelar (front titles, then back titles)."""
        return self.prefixes + self.suffixes

    @property
    def has_doctorate(self) -> bool:
        """Bergelar doktor: ``Dr.`` (or a German ``Dr.-Ing.`` ...) or ``Ph.D.`` etc.

        An honorary ``Dr. (H.C.)`` and the physician's ``dr.`` do not count.
        """
        return any(p in _DOCTORATES_FRONT for p in self.prefixes) or any(
            s in _DOCTORATES_BACK for s in self.suffixes
        )

    @property
    def is_medical_doctor(self) -> bool:
        """Dokter (a physician: the lower-case ``dr.`` front title)."""
        return "dr." in self.prefixes

    @property
    def is_retired(self) -> bool:
        """Purnawirawan (a retired officer: the rank carries ``(Purn.)``)."""
        return self.rank is not None and self.rank.endswith("(Purn.)")

    @property
    def is_professor(self) -> bool:
        """Profesor (the ``Prof.`` front title)."""
        return "Prof." in self.prefixes


# The slots' own setters (the class is frozen: its __setattr__ refuses).
_set_given = PersonName.__dict__["given"].__set__
_set_prefixes = PersonName.__dict__["prefixes"].__set__
_set_suffixes = PersonName.__dict__["suffixes"].__set__
_set_rank = PersonName.__dict__["rank"].__set__
_set_honorific = PersonName.__dict__["honorific"].__set__
_new = object.__new__


def _build(
    given: str,
    prefixes: tuple[str, ...],
    suffixes: tuple[str, ...],
    rank: str | None = None,
    honorific: str | None = None,
) -> PersonName:
    """A PersonName from parts already canonical and checked (skips the converters)."""
    name: PersonName = _new(PersonName)
    _set_given(name, given)
    _set_prefixes(name, prefixes)
    _set_suffixes(name, suffixes)
    _set_rank(name, rank)
    _set_honorific(name, honorific)
    return name


def _checked(text: object) -> str:
    """The cleaned text, or the error of :func:`parse_name` for it."""
    if not isinstance(text, str):
        raise InvalidFormat(code="name.invalid_type", params=_typed("name", text))
    s = _clean(text)
    if not s.isprintable():
        bad = _first_bad_char(s) or "?"
        raise _invalid(text, "name.invalid_character", char=f"U+{ord(bad):04X}")
    if not s:
        raise _invalid(text, "name.empty", "text")
    if not s.isascii():
        mixed = _mixed_script(text)
        if mixed is not None:
            raise _invalid(text, "name.mixed_script", None, **mixed)
    if len(s) > _MAX_ALNUM and (count := sum(map(str.isalnum, s))) > _MAX_ALNUM:
        params: dict[str, str | int] = {"field": "name", "value": short(text, 60)}
        params.update(count=count, max=_MAX_ALNUM)
        raise InvalidLength(code="name.too_long", params=params)
    return s


def parse_name(text: str) -> PersonName:
    """Urai nama bergelar (parse a person's name with gelar into a PersonName).

    See the module documentation for the rules.

    >>> parse_name("Dr. Adi Suryanto, M.Si")
    PersonName(given='Adi Suryanto', prefixes=('Dr.',), suffixes=('M.Si.',))
    >>> str(parse_name("hj. siti nur-aini,SE,MM"))
    'Hj. siti nur-aini, S.E., M.M.'
    >>> parse_name("Dr., M.Si.")
    Traceback (most recent call last):
    adminnet.errors.InvalidFormat: name 'Dr., M.Si.' has titles but no name

    Args:
        text: The name as written, with or without titles.

    Returns:
        The name, its front titles and its back titles, titles in canonical spelling.

    Raises:
        InvalidFormat: ``name.invalid_type`` (not a str), ``name.empty`` (no name,
            titles only), ``name.no_letters``, ``name.invalid_character`` (a control
            character); InvalidLength ``name.too_long`` (over 1,000 letters and digits).
    """
    s = text
    # The usual text needs none of the checks below: clean already (ASCII, printable,
    # single spaces, trimmed), not empty and short.
    if not (
        type(s) is str
        and s.isascii()
        and s.isprintable()
        and "  " not in s
        and s
        and s[0] != " "
        and s[-1] != " "
        and len(s) <= _MAX_ALNUM
    ):
        s = _checked(text)
    # Fast path: no dot, comma or parenthesis, starts and ends with a letter, and the
    # first word is not a dotless front title: the whole text is the name.
    if "." not in s and "," not in s and "(" not in s and s[0].isalpha() and s[-1].isalpha():
        space = s.find(" ")
        if space < 0:
            if s.lower() not in _DOTLESS_FRONT:
                return _build(s, (), ())
        elif s[:space].lower() not in _HEAD_WORDS:
            # ... and the last word is no title written without dots ("Budi Santoso SH")
            word = s[s.rfind(" ") + 1 :]
            if word[1:].islower() and word.lower() not in _LAST_STOP:
                return _build(s, (), ())
    # Fast path for names in (near) formal form; a str subclass, whose methods might
    # answer differently, always takes the slow path.
    parts = _parse_formal_parts(s) if type(s) is str else None
    if parts is None:
        parts = _parse_clean_parts(s, text)
    return _build(*parts)


def _parse_clean(s: str, text: str) -> PersonName:
    """The slow path of :func:`parse_name` on the cleaned text ``s`` (every rule)."""
    return _build(*_parse_clean_parts(s, text))


def _parse_formal(s: str) -> PersonName | None:
    """The fast path of :func:`parse_name` for names in (near) formal form, or None."""
    parts = _parse_formal_parts(s)
    return None if parts is None else _build(*parts)
