"""Pelipatan nama (folding of printed names: case, accents, punctuation, abbreviations, typos).

One owner for the way both registries compare a printed name with a catalogued one,
so that :mod:`adminnet.regions` and :mod:`adminnet.agencies` cannot drift apart:

- :func:`fold` (and :func:`fold_block` for many names at once) drops case, accents
  and apostrophes, turns other punctuation into one space and reads the word
  ``kep`` as ``kepulauan``: the key of the region index;
- :func:`words` splits a printed agency name into folded words, in segments at
  ``/``, with ``&`` read as ``dan``, runs of single letters joined (``R.I.`` ->
  ``ri``), the abbreviations of :data:`ABBREVIATIONS` expanded and a word group
  printed twice kept once;
- :data:`ABBREVIATIONS`: the one table of abbreviated words (``Kab.``, ``Kec.``,
  ``Kel.``, ``Prov.``, ``Kep.``, ``Adm.``, ``Pemkab`` ...) and common misspellings
  of words (``Kementrian``, ``Propinsi``);
- :func:`edits1`: every string one typing slip away (the one edit-distance routine
  of the package: both registries look the variants up in their indexes).

>>> fold("Kab. Ma'u-Bara  (Kep.)")
'kab mau bara kepulauan'
>>> words("Kementrian PAN & RB / Pemkab Lamsel")
[['kementerian', 'pan', 'dan', 'rb'], ['pemerintah', 'kabupaten', 'lamsel']]
>>> words("D.I. Yogyakarta")
[['di', 'yogyakarta']]
>>> "ambon" in edits1("ambonn"), len(edits1("ab"))
(True, 180)

This module is in the text layer: it knows words, never the registries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final

__all__ = ["ABBREVIATIONS", "MAX_TEXT", "edits1", "fold", "fold_block", "words"]

_APOSTROPHES: Final = ("\u2018", "\u2019", "\u02bc")  # dropped, like "'" and "`"
_BYTE_TABLE: Final = bytes(b if chr(b).isalnum() or b in (10, 32) else 32 for b in range(256))
_SPACE_RUN: Final = re.compile(" {2,}")
_COMBINING: Final = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]+")
_KEP: Final = (
    (" kep ", " kepulauan "),
    ("\nkep ", "\nkepulauan "),
    (" kep\n", " kepulauan\n"),
    ("\nkep\n", "\nkepulauan\n"),
)
_ALPHABET: Final = "abcdefghijklmnopqrstuvwxyz0123456789 "

MAX_TEXT: Final = 300
"""Panjang maksimum (the longest text :func:`words` reads; longer than any name)."""

ABBREVIATIONS: Final[Mapping[str, str]] = {
    "kab": "kabupaten",
    "kabupaten": "kabupaten",
    "kabupatan": "kabupaten",
    "prov": "provinsi",
    "propinsi": "provinsi",
    "kep": "kepulauan",
    "kepl": "kepulauan",
    "adm": "administrasi",
    "kec": "kecamatan",
    "kecematan": "kecamatan",
    "kel": "kelurahan",
    "sel": "selatan",
    "kementrian": "kementerian",
    "pemprov": "pemerintah provinsi",
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota",
    "pemko": "pemerintah kota",
    "pemda": "pemerintah daerah",
}
"""Singkatan kata (abbreviated and misspelt words, folded, and the words they stand for).

Printed with or without a dot (``Kab.``/``Kab``); ``Kementrian``, ``Propinsi``,
``Kabupatan`` and ``Kecematan`` are spellings the KBBI does not list but the press
and old decrees print. The region
index reads the kind words (``kab``, ``prov``, ``kec``, ``kel``, ``adm``) only in
front of a name, and ``kep`` everywhere; agency names read every entry anywhere.
"""


def _fold_char(c: str) -> str:
    if c == "\n" or c.isalnum():
        return c
    return " "


def fold_block(block: str) -> str:
    r"""Lipat nama (fold case, accents and punctuation of names, one per line, at once).

    Apostrophes vanish (``"Ma'u"`` -> ``"mau"``), other punctuation and spaces become
    one space, and the word ``kep`` reads ``kepulauan``. Folding a block gives the
    lines :func:`fold` gives one by one, much faster for a whole registry.

    >>> fold_block("Kota Ambon\nKep. Seribu")
    'kota ambon\nkepulauan seribu'
    """
    for mark in _APOSTROPHES:
        if mark in block:
            block = block.replace(mark, "")
    if not block.isascii():
        block = _COMBINING.sub("", unicodedata.normalize("NFKD", block))
    if block.isascii():
        raw = block.encode("ascii").lower().translate(_BYTE_TABLE, b"'`")
        block = raw.decode("ascii")
    else:
        block = block.replace("'", "").replace("`", "").lower()
        block = "".join(_fold_char(c) for c in block)
    if "  " in block:  # runs of two spaces only: one replace, much faster than the regex
        block = _SPACE_RUN.sub(" ", block) if "   " in block else block.replace("  ", " ")
    block = block.replace(" \n", "\n").replace("\n ", "\n").strip(" ")
    if "kep" in block:
        block = f"\n{block}\n"
        for old, new in _KEP:
            while old in block:
                block = block.replace(old, new)
        block = block[1:-1]
    return block


def fold(text: str) -> str:
    """Lipat satu nama (fold one name or query; see :func:`fold_block`).

    >>> fold("  Kota  MAKASSAR ")
    'kota makassar'
    """
    return fold_block(text.replace("\n", " ").replace("\r", " "))


def words(text: str) -> list[list[str]]:
    """Kata-kata nama (the folded words of a printed agency name, in ``/`` segments).

    Accents, case and apostrophes are dropped, ``&`` is ``dan``, punctuation separates
    words, runs of single letters join (``D.I.`` -> ``di``, ``R.I.`` -> ``ri``),
    :data:`ABBREVIATIONS` expand, and a word group printed twice in a row (an OCR
    slip: "Badan Pengusahaan Badan Pengusahaan ...") is kept once. A text longer
    than :data:`MAX_TEXT` characters has no words.

    >>> words("Pemprov. D.K.I. Jakarta")
    [['pemerintah', 'provinsi', 'dki', 'jakarta']]
    """
    if len(text) > MAX_TEXT:
        return []
    segments: list[list[str]] = []
    for raw in text.replace("&", " dan ").split("/"):
        out: list[str] = []
        letters: list[str] = []
        for word in fold(raw).split():
            if len(word) == 1 and word.isalpha():
                letters.append(word)
                continue
            if letters:
                out.append("".join(letters))
                letters = []
            out.extend(ABBREVIATIONS.get(word, word).split(" "))
        if letters:
            out.append("".join(letters))
        if out:
            segments.append(_dedupe(out))
    return segments


def _dedupe(words: list[str]) -> list[str]:
    """Drop an immediately repeated group of two or more words."""
    n = len(words)
    for size in range(n // 2, 1, -1):
        for i in range(n - 2 * size + 1):
            if words[i : i + size] == words[i + size : i + 2 * size]:
                return _dedupe(words[: i + size] + words[i + 2 * size :])
    return words


def edits1(word: str) -> set[str]:
    """Salah ketik (every string one edit away: delete, transpose, replace, insert).

    Over lower-case ASCII letters, digits and the space; spaces in a variant are
    normalised (single, none at the ends), and ``word`` itself is not included.

    >>> "ambon" in edits1("ambno"), "ambon" in edits1("ambon")
    (True, False)
    """
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _ALPHABET)
    out.update(a + c + b for a, b in splits for c in _ALPHABET)
    variants = {" ".join(v.split()) for v in out}
    variants.discard(word)
    return variants
