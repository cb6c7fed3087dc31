"""The scanner's tables and tokens: the gazetteers, the patterns, :class:`Token`.

Part of the scanner (see :mod:`adminnet.extract._scan`, which runs the rules in order).
"""

from __future__ import annotations

import functools
import re
from typing import Final, NamedTuple

import pendulum

from adminnet.extract._mention import MentionKind
from adminnet.model.agreement import AgreementKind, CooperationArea
from adminnet.model.event import EventKind
from adminnet.model.position import Capacity, Role
from adminnet.text._position_words import (
    CAPACITY_WORDS,
    LEVEL_WORDS,
    PRESS_PENJABAT,
    ROLE_WORDS,
    TITLE_UNITS,
    RoleEntry,
)

K = MentionKind

_TOKEN: Final = re.compile(r"[^\s,()\[\]\"\u201c\u201d;:!?/]+|[,()\[\]\"\u201c\u201d;:!?/]")
_BLANK_LINE: Final = re.compile(r"\n[ \t\r\f\v]*\n")
_MAX_NAME_WORDS: Final = 6
_MAX_PLACE_TOKENS: Final = 12
_MAX_REGION_TOKENS: Final = 4
_MAX_UNIT_TOKENS: Final = 10
_MEMO: Final = 1 << 16


class Token(NamedTuple):
    """A token: its text, span and sentence number."""

    text: str
    start: int
    end: int
    sent: int
    low: str  # the folded text (see fold)


def fold(token: str) -> str:
    """A token for comparison: lower case, without trailing dots."""
    return token.rstrip(".").lower()


# --- gazetteers ----------------------------------------------------------------------

_CENTRAL = "central"
_ORG = "org"
_UNIT = "unit"
_PROV, _KAB, _KOTA, _DAERAH = "provinsi", "kabupaten", "kota", "daerah"

# Role words (folded tokens) -> role and the kind of place the scanner looks for after
# them, read off ROLE_WORDS (the one owner of position words): the level a role
# implies (a bupati's kabupaten), a sekretaris daerah's government of any level, the
# unit a role names (kepala dinas, direktur, asisten, camat), a body outside the
# catalog for a rektor or a post the model has no role for (direktur utama), else a
# central agency. Longest wording first, so "Kepala Dinas" wins over "Kepala".
_LEVEL_PLACES: Final = {"provinsi": _PROV, "kabupaten": _KAB, "kota": _KOTA}
# the posts of a ministry or of a central agency that name their unit
_CENTRAL_UNITS: Final = frozenset({"Direktorat Jenderal", "Inspektorat Jenderal", "Deputi"})


def _place_kind(entry: RoleEntry) -> str:
    """Where the scanner looks for the place of a role word (see the comment above)."""
    role, unit, level, _ = entry
    if level in _LEVEL_PLACES:
        return _LEVEL_PLACES[level]
    if role == Role.SEKRETARIS_DAERAH.value:
        return _DAERAH
    if unit in _CENTRAL_UNITS:
        return _CENTRAL
    if unit or level:
        return _UNIT
    if role in (Role.REKTOR.value, Role.OTHER.value):
        return _ORG
    return _CENTRAL


_ROLES: Final[tuple[tuple[tuple[str, ...], Role, str], ...]] = tuple(
    (words, Role(entry[0]), _place_kind(entry))
    for words, entry in sorted(ROLE_WORDS.items(), key=lambda item: -len(item[0]))
)
_ROLE_FIRST: Final = frozenset(words[0] for words, _, _ in _ROLES)
# the entries by their first word, longest first (one dict look-up a token)
_ROLES_BY_FIRST: Final[dict[str, tuple[tuple[tuple[str, ...], Role, str], ...]]] = {
    first: tuple(entry for entry in _ROLES if entry[0][0] == first) for first in _ROLE_FIRST
}
# roles this scanner reads whole with their place (no need of the resolver)
# (the kepala daerah and their wakil as the model tells them)
_WHOLE_ROLES: Final = frozenset(
    {
        Role.MENTERI,
        Role.KEPALA,
        Role.SEKRETARIS_KEMENTERIAN,
        Role.SEKRETARIS_JENDERAL,
        Role.SEKRETARIS_UTAMA,
        Role.SEKRETARIS_DAERAH,
    }
) | {r for r in Role if r.is_regional_head or r.is_regional_deputy}
# roles read without a place (back references: "Menteri PANRB", then "Menteri")
_MODEL_ROLES: Final = frozenset(
    {Role.SEKRETARIS_KEMENTERIAN, Role.SEKRETARIS_JENDERAL, Role.SEKRETARIS_UTAMA}
)


def _label(entry: RoleEntry) -> str:
    """The printed title of a role word, from its title and its unit's kind.

    ``Kepala`` + ``Dinas`` is ``Kepala Dinas``; a title that already says its unit
    (``Direktur Jenderal``, ``Asisten``, see ``TITLE_UNITS``) stays as it is.
    """
    _, unit, _, title = entry
    return title if not unit or title in TITLE_UNITS else f"{title} {unit}"


# the titles of the roles read with their place by the resolver (owner: ROLE_WORDS)
_ROLE_LABELS: Final[dict[tuple[str, ...], str]] = {
    words: _label(ROLE_WORDS[words]) for words, role, _ in _ROLES if role not in _WHOLE_ROLES
}

# Capacity words (folded) -> capacity, longest first (owner: CAPACITY_WORDS); the
# press's "Pejabat" reads as Penjabat only before a title a penjabat can hold
# (owner: ACTING_TITLES).
_CAPACITIES: Final[tuple[tuple[tuple[str, ...], Capacity, bool], ...]] = (
    *sorted(
        ((words, Capacity(value), False) for words, value in CAPACITY_WORDS.items()),
        key=lambda entry: -len(entry[0]),
    ),
    ((PRESS_PENJABAT,), Capacity.PENJABAT, True),
)
_CAPACITY_FIRST: Final = frozenset(words[0] for words, _, _ in _CAPACITIES)
_GENERIC_BEFORE: Final = frozenset(
    {"para", "sejumlah", "seluruh", "semua", "setiap", "tiap", "beberapa", "jajaran"}
)
# Level words before a place name (owner: LEVEL_WORDS): the one-word cues of a
# provinsi, kabupaten or kota; "Pemkab"/"Pemprov"/"Pemkot" name the government (an
# agency, read by scan_agencies), not the level.
_LEVEL_WORDS: Final[dict[str, str]] = {
    words[0]: level
    for words, level in LEVEL_WORDS.items()
    if len(words) == 1 and level in (_PROV, _KAB, _KOTA) and not words[0].startswith("pem")
}
_LEVEL_PRINTED: Final = {_KAB: "Kabupaten", _KOTA: "Kota", _PROV: "Provinsi"}

# Words that open the name of a government body (found in the catalog) ...
_GOV_CUES: Final = frozenset(
    {
        "kementerian",
        "kementrian",
        "kemenko",
        "lembaga",
        "badan",
        "pemerintah",
        "pemkot",
        "pemko",
        "pemkab",
        "pemprov",
        "komisi",
        "sekretariat",
        "kantor",
        "otorita",
        "arsip",
        "ombudsman",
        "kejaksaan",
        "kepolisian",
        "mahkamah",
        "dewan",
        "majelis",
    }
)
# ... and of bodies outside the catalog, kept as agencies of kind other.
_OUTSIDE_CUES: Final = frozenset(
    {
        "universitas",
        "institut",
        "politeknik",
        "akademi",
        "sekolah",
        "pt",
        "perum",
        "yayasan",
        "bank",
        "rumah",
        "rsud",
        "koperasi",
        "perusahaan",
        "asosiasi",
    }
)
_VENUE_CUES: Final = frozenset(
    {
        "gedung",
        "aula",
        "kantor",
        "hotel",
        "ruang",
        "balai",
        "pendopo",
        "pendapa",
        "wisma",
        "graha",
        "auditorium",
        "istana",
        "rumah",
        "gelanggang",
        "convention",
    }
)
_CONNECTORS: Final = frozenset({"dan", "&", "serta"})
_UNIT_WORDS: Final = frozenset(
    {
        "dinas",
        "biro",
        "bagian",
        "bidang",
        "seksi",
        "subbag",
        "setda",
        "setdakab",
        "setdako",
        "setdaprov",
        "setprov",
        "direktorat",
        "inspektorat",
        "satuan",
        "satpol",
        "upt",
        "uptd",
        "kecamatan",
        "kelurahan",
        "desa",
        "fakultas",
        "program",
        "perangkat",
        "daerah",
        "wakil",
        "anggota",
        "asisten",
        "kabag",
        "kadis",
        "direktur",
        "deputi",
        "camat",
    }
)
_NAME_STOP: Final = frozenset(
    {
        "indonesia",
        "ri",
        "republik",
        "nasional",
        "pusat",
        "daerah",
        "negara",
        "the",
        "of",
        "mou",
        "pks",
        "asn",
        "pns",
        "dprd",
        "dpr",
        "tni",
        "polri",
        "selaku",
        "negeri",
        "agung",
        "tinggi",
        "utama",
        "umum",
        "usaha",
        "tata",
        "sipil",
        "pelayanan",
        "terpadu",
        "pintu",
        "satu",
        "dua",
        "tiga",
        "empat",
        "lima",
        "tahun",
        "baru",
        "natal",
        "nomor",
        "staf",
        "ahli",
        "bukan",
        "pekerja",
        "data",
        "smart",
        "informatika",
        "pencatatan",
        "kependudukan",
        "reformasi",
        "birokrasi",
        "aparatur",
        "pendayagunaan",
        "pembangunan",
        "perencanaan",
        "kesehatan",
        "pendidikan",
        "pemerintahan",
        "jaksa",
        "pengacara",
        "hukum",
        "perdata",
        "kabinet",
        "provinsi",
        "wilayah",
        "aplikasi",
        "sistem",
        "layanan",
        "wib",
        "wita",
        "wit",
    }
)

_AGREEMENT_PATTERNS: Final[tuple[tuple[str, AgreementKind | None, str], ...]] = (
    (
        r"Memorandum\s+of\s+Understanding(?:\s*\(\s*MoU\s*\))?",
        AgreementKind.NOTA_KESEPAHAMAN,
        "mou",
    ),
    (r"[Nn]ota\s+[Kk]esepahaman(?:\s*\(\s*MoU\s*\))?", AgreementKind.NOTA_KESEPAHAMAN, "nota"),
    (r"\bMo[Uu]\b", AgreementKind.NOTA_KESEPAHAMAN, "mou"),
    (r"[Nn]ota\s+[Kk]esepakatan(?:\s*\(\s*MoU\s*\))?", AgreementKind.NOTA_KESEPAHAMAN, "nota"),
    (r"[Kk]esepakatan\s+[Bb]ersama", AgreementKind.KESEPAKATAN_BERSAMA, "kb"),
    (
        r"[Pp]erjanjian\s+[Kk]erja\s*-?\s*[Ss]ama(?:\s*\(\s*PKS\s*\))?",
        AgreementKind.PERJANJIAN_KERJA_SAMA,
        "pks",
    ),
    (r"\bPKS\b", AgreementKind.PERJANJIAN_KERJA_SAMA, "pks"),
    (r"\b[Aa]dd?endum\b", AgreementKind.ADENDUM, "adendum"),
    (r"\b(?:[Bb]e)?[Kk]erja\s*-?\s*[Ss]ama\b", None, "cooperation"),
    (r"\b[Kk]emitraan(?:nya)?\b|\b[Bb]ermitra\b|\b[Mm]enggandeng\b", None, "cooperation"),
    (r"\b[Kk]esepakatan\b", None, "cooperation"),
)
_AGREEMENT_RE: Final = re.compile(
    "(?=[MNKPABmnkpab])(?:" + "|".join(f"({p})" for p, _, _ in _AGREEMENT_PATTERNS) + ")"
)

_AREA_PATTERNS: Final[tuple[tuple[str, CooperationArea], ...]] = (
    (r"kajian\s+kebijakan", CooperationArea.KAJIAN_KEBIJAKAN),
    (r"pendidikan\s+dan\s+pelatihan|diklat", CooperationArea.PENDIDIKAN_DAN_PELATIHAN),
    (r"inovasi\s+administrasi\s+negara", CooperationArea.INOVASI_ADMINISTRASI_NEGARA),
    (r"pendidikan\s+tinggi", CooperationArea.PENDIDIKAN_TINGGI),
    (r"pelayanan\s+publik", CooperationArea.PELAYANAN_PUBLIK),
    (r"transformasi\s+digital|digitalisasi", CooperationArea.TRANSFORMASI_DIGITAL),
    (r"pengembangan\s+kompetensi", CooperationArea.PENGEMBANGAN_KOMPETENSI),
)
_AREA_RE: Final = re.compile("|".join(f"\\b({p})\\b" for p, _ in _AREA_PATTERNS), re.IGNORECASE)

_EVENT_WORDS: Final[dict[str, EventKind]] = {
    "penandatanganan": EventKind.PENANDATANGANAN,
    "menandatangani": EventKind.PENANDATANGANAN,
    "ditandatangani": EventKind.PENANDATANGANAN,
    "pelantikan": EventKind.PELANTIKAN,
    "melantik": EventKind.PELANTIKAN,
    "dilantik": EventKind.PELANTIKAN,
    "pengukuhan": EventKind.PELANTIKAN,
    "mengukuhkan": EventKind.PELANTIKAN,
    "dikukuhkan": EventKind.PELANTIKAN,
    "rapat": EventKind.RAPAT,
    "peluncuran": EventKind.PELUNCURAN,
    "meluncurkan": EventKind.PELUNCURAN,
    "diluncurkan": EventKind.PELUNCURAN,
    "launching": EventKind.PELUNCURAN,
    "rakor": EventKind.RAPAT,
    "musrenbang": EventKind.RAPAT,
    # events the model has no kind for (EventKind.OTHER): visits, briefings, ceremonies
    "kunjungan": EventKind.OTHER,
    "berkunjung": EventKind.OTHER,
    "mengunjungi": EventKind.OTHER,
    "kunker": EventKind.OTHER,
    "sosialisasi": EventKind.OTHER,
    "apel": EventKind.OTHER,
    "upacara": EventKind.OTHER,
    "seminar": EventKind.OTHER,
    "lokakarya": EventKind.OTHER,
    "workshop": EventKind.OTHER,
    "bimtek": EventKind.OTHER,
    "audiensi": EventKind.OTHER,
    "peresmian": EventKind.OTHER,
    "meresmikan": EventKind.OTHER,
    "diresmikan": EventKind.OTHER,
    # the article's own event named plainly: "Acara berlangsung Rabu, 13 Januari 2021"
    "acara": EventKind.OTHER,
}
_EVENT_RE: Final = re.compile(r"\b(?:" + "|".join(_EVENT_WORDS) + r")\b", re.IGNORECASE)

# Dates: a named month (the month itself is checked by parse_date), d/m in
# parentheses after an optional weekday and part of day, numeric d/m/yyyy, ISO.
_DATE_NAMED: Final = re.compile(
    r"(?<![\d.,])\b(\d{1,2})\s+([A-Za-z]{3,9})\.?(?:\s+((?:19|20)\d{2}))?(?![\w])"
)
_DATE_PAREN: Final = re.compile(r"\(\s*(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{2,4}))?\s*\)")
# the weekday before a date: "Kamis, 16 Maret", "Kamis (16/3)", "Rabu sore (17/7)"
_WEEKDAY_BEFORE: Final = re.compile(
    r"\b([A-Za-z][a-z]+(?:'[a-z]+)?)(?:\s+(?:pagi|siang|sore|malam))?\s*,?\s*\Z"
)
_DATE_NUMERIC: Final = re.compile(
    r"(?<![\d.,/])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?![\d])"
)
_DATE_ISO: Final = re.compile(r"(?<![\d.,/-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d])")
_YEAR: Final = re.compile(
    r"\b(sejak|semenjak|pada|tahun|mulai|hingga|sampai)\s+(?:tahun\s+)?((?:19|20)\d{2})\b"
    r"(?:\s+lalu)?",
    re.IGNORECASE,
)
_TIME: Final = re.compile(
    r"\b(?:(?:pukul|pkl\.?|jam)\s*)?([01]?\d|2[0-3])[.:]([0-5]\d)\s*(WIB|WITA|WIT)\b"
    r"|\b(?:pukul|pkl\.?)\s*([01]?\d|2[0-3])[.:]([0-5]\d)\b",
)
_ZONES: Final = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
_FIGURE: Final = re.compile(
    r"(?<![\w.,/])(Rp\.?\s?)?(\d[\d.,]*\d|\d)(?![\w/])"
    r"(?:\s*(%|persen|orang|ribu|juta|miliar|milyar|triliun|trilyun|poin|unit|layanan))?",
)
_UNIT_OF: Final = {"%": "%", "persen": "%"}
_MULTIPLIER_WORDS: Final = frozenset({"ribu", "juta", "miliar", "milyar", "triliun", "trilyun"})


@functools.cache
def _calendar_words() -> frozenset[str]:
    """Weekday and month names, lower case, read off ``format_date`` (their owner)."""
    from adminnet.text.dates import format_date

    words: set[str] = set()
    for day in range(7):
        words.add(format_date(pendulum.date(2017, 1, 2 + day)).split(",")[0].lower())
    for month in range(1, 13):
        words.add(format_date(pendulum.date(2017, month, 1), weekday=False).split()[1].lower())
    return frozenset(words)
