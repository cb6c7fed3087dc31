"""Private: the words and shapes of Indonesian dates (kata dan pola tanggal).

The month and weekday names as printed (with the abbreviations and misspellings the
press uses), and the regular expressions that :mod:`adminnet.text.dates` reads dates
and date ranges with. Data and patterns only: the parsing stays in ``dates``.
"""

from __future__ import annotations

import re
from typing import Final

_MONTH_NAMES: Final = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
# Monday first, like ``date.weekday()``.
_WEEKDAY_NAMES: Final = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# Lower-case spelling -> month number: full names, old spellings (Pebruari, Nopember)
# and the abbreviations in common use.
_MONTHS: Final[dict[str, int]] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agst": 8,
    "agus": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
    # English names, common in Indonesian text copied from English sources.
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "aug": 8,
    "october": 10,
    "oct": 10,
    "december": 12,
    "dec": 12,
}

# Lower-case spelling -> ``date.weekday()`` number. "Ahad" is the Arabic-derived name of
# Sunday, still used in many communities; "Jum'at" the older spelling of Friday.
_WEEKDAYS: Final[dict[str, int]] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}

# English weekday names: recognised as weekdays so that "Thursday, 16 Maret 2017" is
# an unknown *Indonesian weekday*, not a place name in a dateline.
_ENGLISH_WEEKDAYS: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"mon", "tue", "wed", "thu", "fri", "sat"}
)

_APOSTROPHES: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})

# A leading weekday word, then a comma, spaces, or an opening parenthesis.
_WEEKDAY_PREFIX: Final = re.compile(r"([A-Za-z]+(?:'[A-Za-z]+)?)(?:\s*,\s*|\s+|(?=\())", re.ASCII)
# 16/3/2017, 16-03-2017, 16.03.2017, 16/3 (the same separator throughout).
_NUMERIC: Final = re.compile(
    r"([0-9]{1,2})\s*([/.-])\s*([0-9]{1,2})(?:\s*\2\s*([0-9]+))?\Z", re.ASCII
)
# 2017-03-16 (ISO 8601, year first).
_ISO: Final = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\Z", re.ASCII)
# 16 Maret 2017, 16 Agt. 2017, 16-Mar-2017, 16 Maret.
_NAMED: Final = re.compile(
    r"([0-9]{1,2})(?:\s*-\s*|\s+)([A-Za-z]+)\.?(?:(?:\s*-\s*|\s+)([0-9]+))?\Z", re.ASCII
)
# Maret 16, 2017 (English order), only to explain the refusal.
_MONTH_FIRST: Final = re.compile(r"[A-Za-z]+\.?\s+[0-9]{1,2}\s*,?\s+[0-9]+\Z", re.ASCII)

# "tanggal 16 Maret 2017", "tgl. 16/3/2017".
_TANGGAL: Final = re.compile(r"(?:tanggal|tgl\.?)(?:\s+|(?=[0-9(]))", re.ASCII | re.IGNORECASE)
# Words between a weekday and its date: a part of day, "tanggal", or the Javanese
# market day (pasaran: legi, pahing/paing, pon, wage, kliwon) of "Senin Paing".
_FILLER: Final = re.compile(
    r"(?:(?:dini hari|pagi|siang|sore|petang|malam|tanggal|tgl\.?|legi|pahing|paing|pon|wage"
    r"|kliwon)(?:\s*,\s*|\s+|(?=\()))+",
    re.ASCII | re.IGNORECASE,
)
_PART_OF_DAY: Final = re.compile(r"dini hari|pagi|siang|sore|petang|malam", re.I | re.ASCII)
# A part of day after the date: "Kamis (20/10/2022) siang".
_TRAILING_PART: Final = re.compile(
    r"(?<=[0-9)])\s+(dini hari|pagi|siang|sore|petang|malam)\Z", re.ASCII | re.IGNORECASE
)
# A dateline: a place (capitalised words) and a comma, perhaps an outlet and a dash:
# "Kudus, 7 Januari 2021", "AMBON, 16 Maret 2017", "JAKARTA, KOMPAS.com - ...".
_DATELINE: Final = re.compile(
    r"([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*) ?, ?"
    r"(?:[A-Za-z][A-Za-z.]*\.[A-Za-z]+ ?[-\u2013\u2014] ?)?"
)

_EXAMPLES: Final = "e.g. '16 Maret 2017', 'Kamis, 16 Maret 2017', '16/3/2017', '2017-03-16'"
