"""Private: spelling of titles and cleaning of name text (ejaan gelar dan nama).

The canonical spelling of a front or back title as printed (``"S.Kom"`` ->
``"S.Kom."``, ``"Dr.H.C."`` -> ``"Dr. (H.C.)"``), the cleaning of a name's text
(spaces, dots, control characters) and the mixed-script check, used by the parser in
:mod:`adminnet.text._nametext` and by :class:`adminnet.text.names.PersonName`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Final

from adminnet.text._titles import BACK_TITLES, FRONT_TITLES, FRONT_WORDS
from adminnet.text.folding import edits1

# Bounded memos: a memo is emptied when it reaches _MAX_MEMO entries.
_MAX_MEMO: Final = 2048

# Front titles that may be written without their dot ("Ir Soekarno", "Hj Siti").
# Written-out titles ("Profesor") count as dotless.
_DOTLESS_FRONT: Final = frozenset(
    {"prof", "dr", "dr(hc)", "dr(cand)", "dr(can)", "drg", "drh", "ir", "drs", "dra", "hj", "kh"}
) | frozenset(FRONT_WORDS)
# Other spellings of front titles, looked up like FRONT_TITLES: "Dr.H.C." (the H.C.
# written as one word) is the honorary doctorate.
_FRONT_ALIASES: Final = {"Dr.H.C.": "Dr. (H.C.)", "Dr. (Can.)": "Dr. (Cand.)"}
_HC_GLUED: Final = re.compile(r"[Hh]\.[Cc]")
# Doctorates written "Dr." and what may also begin a name ("Ing.", "H.C."): after a
# lower-case "dr" (the physician) they are the name unless a hyphen or a parenthesis
# says otherwise ("dr.-Ing.", "dr (HC)").
_DR_WORDS: Final = frozenset({"Dr. (H.C.)", "Dr.-Ing."})
_DOCTORATES_FRONT: Final = frozenset(
    {"Dr.", "Dr.-Ing.", "Dr.rer.nat.", "Dr.rer.pol.", "Dr.rer.med."}
)
_DOCTORATES_BACK: Final = frozenset({"Ph.D.", "Ed.D.", "D.B.A.", "D.Sc."})

_SPACE_BEFORE_DOT: Final = re.compile(r" +\.")
_DOT_RUN: Final = re.compile(r"\.{2,}")
# A dot glued to a following word of four letters or more: "J.Papilaya", "Ir.Frans".
_GLUED: Final = re.compile(r"\.(?=[^\W\d_]{4})")
# A dot inside a word: the word may split into pieces (see _word_pieces).
_INNER_DOT: Final = re.compile(r"\.\S")
# An abbreviation-shaped token: capital first, short segments joined by dots or hyphens.
_ABBREV: Final = re.compile(r"[A-Z][A-Za-z]{0,3}(?:[.\-][A-Za-z]{1,5})*\.?\Z")
_LETTERS_DOTS: Final = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]+)*\.?\Z")
# An acronym of capitals (FINASIM, CFrA, FISQua), accepted after a first back title.
_ACRONYM: Final = re.compile(r"[A-Z](?=(?:[a-z0-9]*[A-Z]))[A-Za-z0-9]{1,9}\Z")
_EDGE: Final = " ,;:-\u2010\u2011\u2012\u2013\u2014\u2015\u2022\u00b7*/|"
_EDGE_LEAD: Final = _EDGE + "."
_K_MARK: Final = ("(K)", "(k)")
_ENG_MARK: Final = frozenset({"(Eng)", "(Eng.)", "(eng)", "(ENG)"})
# A consultant's subspecialty written apart from its Sp. title: "Sp.PD K-EMD".
_SUBSPECIALTY: Final = re.compile(r"K-[A-Z]{2,6}\Z")
_MAX_ALNUM: Final = 1000  # letters and digits in a name, titles included
_SCRIPTS: Final = frozenset({"LATIN", "CYRILLIC", "GREEK"})  # scripts that look alike
_MAX_CACHED: Final = 40  # longer tokens are not cached (they are not titles or names)
_MAX_GLUED_FRONT: Final = 24  # longest text of a front title glued to what follows
_MAX_HEAD: Final = 12  # words that may make up a sapaan and a pangkat


def _key(text: str) -> str:
    """Lookup key of a title: no dots, spaces or hyphens, lower case."""
    return text.replace(".", "").replace(" ", "").replace("-", "").lower()


@cache
def _front_table() -> dict[str, str]:
    table = {_key(t): t for t in FRONT_TITLES if t != "dr."}
    table.update((_key(t), canonical) for t, canonical in _FRONT_ALIASES.items())
    table.update(FRONT_WORDS)
    return table


@cache
def _back_table() -> dict[str, str]:
    return {_key(t): t for t in BACK_TITLES}


_MAX_TYPO: Final = 24  # longer than every title


def near_titles(text: str) -> list[str]:
    """Gelar terdekat (known titles ``text`` may have meant: a comma for a dot, one slip).

    >>> near_titles("S,Kom"), near_titles("M.Sii.")
    (['S.Kom.'], ['M.Si.'])
    """
    key = _key(text.replace(",", "."))
    if not 2 <= len(key) <= _MAX_TYPO:
        return []
    tables = (_front_table(), _back_table())
    found = {t[key]: None for t in tables if key in t}
    if not found:
        for variant in sorted(edits1(key)):
            found.update((t[variant], None) for t in tables if variant in t)
    return list(found)[:5]


def _front_lookup(text: str, *, strict: bool = True) -> str | None:
    """Canonical front title for ``text``, or None.

    The text may not have more dots or hyphens than the title (``Dr.H.`` is ``Dr.`` and
    ``H.`` glued, not ``drh.``; ``Dr-`` is no title). With ``strict`` (parsing), titles
    outside ``_DOTLESS_FRONT`` need a dot; a title in two pieces needs the dot of the
    second unless it is a single letter or begins with a hyphen (``Dr.Ing`` and
    ``Dr. Ing`` are ``Dr.`` before the name word ``Ing``; ``K.H``, ``Dr.-Ing`` and
    ``Dr. rer. nat`` are titles); and after the physician's lower-case ``dr``, ``Ing.``
    and ``H.C.`` belong to the name unless a hyphen or a parenthesis says otherwise.
    """
    key = _key(text)
    if not key.isascii():
        return None
    if key == "dr":
        canonical: str | None = "dr." if text.replace(".", "").replace(" ", "") == "dr" else "Dr."
    else:
        canonical = _front_table().get(key)
    if canonical is None:
        return None
    if text.count(".") > canonical.count(".") or text.count("-") > canonical.count("-"):
        return None
    if key == "drhc" and not _HC_GLUED.search(text) and (strict or "." in text):
        return None  # "Dr. H. C." is Dr. and H. before an initial
    if strict and key != "dr":
        if "." not in text:
            return None if key not in _DOTLESS_FRONT else canonical
        last = text.rpartition(".")[2].strip()
        if (
            len(last) > 1
            and last[0] not in "-("
            and last[-1] != ")"
            and len(text.replace(".", " ").split()) == 2
        ):
            return None  # a dotless word after one title: "Dr.Ing", "Dr. Ing"
        if canonical in _DR_WORDS and text[:2] == "dr" and "(" not in text and "-" not in text:
            return None  # the physician: "dr. Ing." is dr. before the name
    return canonical


def _back_lookup(text: str, *, marked: bool = False) -> str | None:
    """Canonical back title for ``text`` (``marked``: a ``(K)`` followed it), or None."""
    key = _key(text)
    if not key.isascii():
        return None
    canonical = _back_table().get(key)
    if canonical == "S.P." and (marked or (text[-1] == "." and text.count(".") == 1)):
        return None  # "Sp." and "Sp(K)" begin a specialist title: they are not S.P.
    return canonical


def _canonical_back(text: str) -> str:
    """Canonical spelling of a back title; unknown ones verbatim, final dot ensured."""
    base, marked = text, False
    if len(text) > 3 and text.endswith(_K_MARK):
        base, marked = text[:-3], True
    canonical = _back_lookup(base, marked=marked)
    if canonical is None:
        canonical = base
        if "." in base and not base.endswith(".") and _LETTERS_DOTS.match(base):
            canonical = base + "."
    return canonical.rstrip(".") + "(K)" if marked else canonical


def _clean_char(ch: str) -> str:
    if ch.isspace():
        return " "
    if unicodedata.category(ch) == "Cf":
        return ""
    return ch


def _clean(text: str) -> str:
    """NFC, white space to single spaces, invisible format characters removed, trimmed."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if not text.isprintable():
        text = "".join(map(_clean_char, text))
        text = unicodedata.normalize("NFC", text)
    if "  " in text or text.startswith(" ") or text.endswith(" "):
        text = " ".join(text.split())
    return text


def _mixed_script(text: str) -> dict[str, str | int] | None:
    """The params of ``name.mixed_script`` when ``text`` mixes Latin, Cyrillic, Greek.

    Names the first letter of a script other than the one most letters have, with its
    position in ``text``: a Cyrillic ``а`` in ``Bаyu`` looks Latin but is not.
    """
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for pos, ch in enumerate(text):
        if not ch.isalpha():
            continue
        script = "LATIN" if ch.isascii() else unicodedata.name(ch, "").partition(" ")[0]
        if script in _SCRIPTS:
            counts[script] = counts.get(script, 0) + 1
            first.setdefault(script, pos)
    if len(counts) < 2:
        return None
    main = max(counts, key=lambda s: (counts[s], s == "LATIN"))
    pos = min(first[s] for s in counts if s != main)
    ch = text[pos]
    return {
        "char_name": unicodedata.name(ch),
        "char": f"U+{ord(ch):04X}",
        "position": pos,
        "script": main.title(),
    }


def _first_bad_char(text: str) -> str | None:
    for ch in text:
        if not ch.isprintable() and ch != " ":
            return ch
    return None
