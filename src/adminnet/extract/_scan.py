"""The scanner: tokens, sentences, and the rules that find mentions with their spans.

Every rule looks at a bounded window of tokens, so scanning is linear in the length
of the text. Rules run in a fixed order (positions with their holders, venues,
agencies, regions, dates and times, agreement kinds, areas, figures, event words) and
a later rule never claims characters an earlier one took.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs
import pendulum

from adminnet.errors import AdminnetError, InvalidComponent
from adminnet.extract import _adapters as ad
from adminnet.extract._mention import Mention, MentionKind, PositionReading
from adminnet.model.agency import Agency, AgencyKind
from adminnet.model.agreement import AgreementKind, CooperationArea
from adminnet.model.event import EventKind
from adminnet.model.position import Capacity, Role

if TYPE_CHECKING:
    from adminnet.positions import ParsedPosition

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

# Role words (folded tokens) -> role and what kind of place follows them.
_ROLES: Final[tuple[tuple[tuple[str, ...], Role, str], ...]] = (
    (("wakil", "wali", "kota"), Role.WAKIL_WALI_KOTA, _KOTA),
    (("wakil", "walikota"), Role.WAKIL_WALI_KOTA, _KOTA),
    (("wawali",), Role.WAKIL_WALI_KOTA, _KOTA),
    (("wakil", "gubernur"), Role.WAKIL_GUBERNUR, _PROV),
    (("wagub",), Role.WAKIL_GUBERNUR, _PROV),
    (("wakil", "bupati"), Role.WAKIL_BUPATI, _KAB),
    (("wabup",), Role.WAKIL_BUPATI, _KAB),
    (("wali", "kota"), Role.WALI_KOTA, _KOTA),
    (("walikota",), Role.WALI_KOTA, _KOTA),
    (("wako",), Role.WALI_KOTA, _KOTA),
    (("gubernur",), Role.GUBERNUR, _PROV),
    (("bupati",), Role.BUPATI, _KAB),
    (("sekretaris", "daerah"), Role.SEKRETARIS_DAERAH, _DAERAH),
    (("sekda",), Role.SEKRETARIS_DAERAH, _DAERAH),
    (("sekretaris", "kementerian"), Role.SEKRETARIS_KEMENTERIAN, _CENTRAL),
    (("sesmen",), Role.SEKRETARIS_KEMENTERIAN, _CENTRAL),
    (("sekretaris", "jenderal"), Role.SEKRETARIS_JENDERAL, _CENTRAL),
    (("sekjen",), Role.SEKRETARIS_JENDERAL, _CENTRAL),
    (("sekretaris", "utama"), Role.SEKRETARIS_UTAMA, _CENTRAL),
    (("sestama",), Role.SEKRETARIS_UTAMA, _CENTRAL),
    (("menteri",), Role.MENTERI, _CENTRAL),
    (("kepala",), Role.KEPALA, _CENTRAL),
    (("direktur", "jenderal"), Role.DIREKTUR_JENDERAL, _CENTRAL),
    (("dirjen",), Role.DIREKTUR_JENDERAL, _CENTRAL),
    (("direktur", "utama"), Role.OTHER, _ORG),
    (("dirut",), Role.OTHER, _ORG),
    (("rektor",), Role.REKTOR, _ORG),
    (("ketua",), Role.KETUA, _CENTRAL),
    (("asisten",), Role.ASISTEN, _UNIT),
    (("kepala", "bagian"), Role.OTHER, _UNIT),
    (("kabag",), Role.OTHER, _UNIT),
    (("kepala", "dinas"), Role.OTHER, _UNIT),
    (("kadis",), Role.OTHER, _UNIT),
    (("kepala", "biro"), Role.OTHER, _UNIT),
    (("karo",), Role.OTHER, _UNIT),
    (("direktur",), Role.DIREKTUR, _UNIT),
    (("deputi",), Role.DEPUTI, _UNIT),
    (("inspektur",), Role.OTHER, _UNIT),
    (("camat",), Role.CAMAT, _UNIT),
)
_ROLE_FIRST: Final = frozenset(words[0] for words, _, _ in _ROLES)
# roles this scanner reads whole with their place (no need of the resolver)
_WHOLE_ROLES: Final = frozenset(
    {
        Role.MENTERI,
        Role.KEPALA,
        Role.SEKRETARIS_KEMENTERIAN,
        Role.SEKRETARIS_JENDERAL,
        Role.SEKRETARIS_UTAMA,
        Role.GUBERNUR,
        Role.WAKIL_GUBERNUR,
        Role.BUPATI,
        Role.WAKIL_BUPATI,
        Role.WALI_KOTA,
        Role.WAKIL_WALI_KOTA,
        Role.SEKRETARIS_DAERAH,
    }
)
# roles read without a place (back references: "Menteri PANRB", then "Menteri")
_MODEL_ROLES: Final = frozenset(
    {Role.SEKRETARIS_KEMENTERIAN, Role.SEKRETARIS_JENDERAL, Role.SEKRETARIS_UTAMA}
)
_ROLE_LABELS: Final[dict[tuple[str, ...], str]] = {
    ("direktur", "jenderal"): "Direktur Jenderal",
    ("dirjen",): "Direktur Jenderal",
    ("direktur", "utama"): "Direktur Utama",
    ("dirut",): "Direktur Utama",
    ("rektor",): "Rektor",
    ("ketua",): "Ketua",
    ("asisten",): "Asisten",
    ("kepala", "bagian"): "Kepala Bagian",
    ("kabag",): "Kepala Bagian",
    ("kepala", "dinas"): "Kepala Dinas",
    ("kadis",): "Kepala Dinas",
    ("kepala", "biro"): "Kepala Biro",
    ("karo",): "Kepala Biro",
    ("direktur",): "Direktur",
    ("deputi",): "Deputi",
    ("inspektur",): "Inspektur",
    ("camat",): "Camat",
}

# Capacity words (folded) -> capacity; "Pejabat" reads as Penjabat only before the
# title of a regional head (press usage).
_CAPACITIES: Final[tuple[tuple[tuple[str, ...], Capacity, bool], ...]] = (
    (("penjabat", "sementara"), Capacity.PENJABAT_SEMENTARA, False),
    (("pelaksana", "tugas"), Capacity.PELAKSANA_TUGAS, False),
    (("pelaksana", "harian"), Capacity.PELAKSANA_HARIAN, False),
    (("pjs",), Capacity.PENJABAT_SEMENTARA, False),
    (("pj",), Capacity.PENJABAT, False),
    (("penjabat",), Capacity.PENJABAT, False),
    (("pejabat",), Capacity.PENJABAT, True),
    (("plt",), Capacity.PELAKSANA_TUGAS, False),
    (("plh",), Capacity.PELAKSANA_HARIAN, False),
)
_CAPACITY_FIRST: Final = frozenset(words[0] for words, _, _ in _CAPACITIES)
_GENERIC_BEFORE: Final = frozenset(
    {"para", "sejumlah", "seluruh", "semua", "setiap", "tiap", "beberapa", "jajaran"}
)
_LEVEL_WORDS: Final[dict[str, str]] = {
    "kabupaten": _KAB,
    "kab": _KAB,
    "kota": _KOTA,
    "provinsi": _PROV,
    "prov": _PROV,
    "propinsi": _PROV,
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


# --- the scanner ---------------------------------------------------------------------


@attrs.define
class PersonLink:
    """A person mention and the position mention it was printed with (if any)."""

    person: Mention
    position: Mention | None
    rule: str


@attrs.define
class Scan:
    """Everything found in one text: the mentions and the pairings between them."""

    text: str
    tokens: list[Token]
    day: pendulum.Date
    year: int | None
    mentions: list[Mention] = attrs.field(factory=list)
    links: list[PersonLink] = attrs.field(factory=list)
    covered: bytearray = attrs.field(factory=bytearray)
    sentence_spans: list[tuple[int, int]] = attrs.field(factory=list)
    aliases: dict[str, Agency] = attrs.field(factory=dict)
    org_names: set[tuple[str, ...]] = attrs.field(factory=set)

    def agency(self, text: str) -> Agency | None:
        """The agency a name names: a short form this text defined, or the catalog's."""
        return self.aliases.get(text) or ad.agency(text, self.day)

    def free(self, start: int, end: int) -> bool:
        """True if no earlier mention took any character of [start, end)."""
        return not any(self.covered[start:end])

    def add(self, mention: Mention) -> Mention:
        """Record a mention and claim its characters."""
        self.mentions.append(mention)
        self.covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        return mention

    def mention(
        self,
        kind: MentionKind,
        start: int,
        end: int,
        value: object,
        rule: str,
        confidence: float = 1.0,
        error: AdminnetError | None = None,
    ) -> Mention:
        """Make and record a mention of ``text[start:end]``."""
        return self.add(
            Mention(
                kind=kind,
                start=start,
                end=end,
                text=self.text[start:end],
                value=value,
                confidence=confidence,
                rule=rule,
                error=error,
            )
        )

    def sentence_of(self, offset: int) -> int:
        """The number of the sentence holding a character offset."""
        lo, hi = 0, len(self.sentence_spans) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentence_spans[mid][0] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def tokenize(text: str) -> tuple[list[Token], list[tuple[int, int]]]:
    """Tokens with sentence numbers, and each sentence's character span."""
    spans: list[tuple[int, int]] = []
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]  # paragraph ends
    nb = 0
    sent = 0
    sent_start = 0
    front = ad.front_title_keys()
    prev_text = ""
    prev_end = -1
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sents: list[int] = []
    for m in _TOKEN.finditer(text):
        word, start = m.group(), m.start()
        if prev_end >= 0:
            while nb < len(breaks) and breaks[nb] < prev_end:
                nb += 1
            blank = nb < len(breaks) and breaks[nb] < start
            if blank or (prev_text[-1] in ".!?" and _ends_sentence(prev_text, word, front)):
                spans.append((sent_start, prev_end))
                sent += 1
                sent_start = start
        words.append(word)
        starts.append(start)
        prev_text, prev_end = word, m.end()
        ends.append(prev_end)
        sents.append(sent)
    lows = [w.rstrip(".").lower() for w in words]
    tokens = list(map(Token._make, zip(words, starts, ends, sents, lows, strict=True)))
    spans.append((sent_start, len(text)))
    return tokens, spans


def _ends_sentence(tok: str, nxt: str, front: frozenset[str]) -> bool:
    if tok in ("!", "?"):
        return True
    if not tok.endswith("."):
        return False
    word = tok.rstrip(".")
    first = nxt[:1]
    if not word:  # a lone full stop, after a parenthesis or a quote
        return first.isupper() or first.isdigit() or first in '"\u201c('
    if word.isupper() and len(word) >= 2 and word.isalpha():
        return first.isupper()  # an acronym at the end of a sentence: "Bupati KKT. Pada"
    if "." in word or word.lower() in front:
        return False
    if not (len(word) >= 4 or word.islower() or word.isdigit()):
        return False
    return first.isupper() or first.isdigit() or first in '"\u201c('


def _is_cap(tok: str) -> bool:
    return tok[:1].isalpha() and tok[:1].isupper()


@functools.lru_cache(maxsize=_MEMO)
def _is_acronym(tok: str) -> bool:
    letters = tok.rstrip(".")
    return (
        2 <= len(letters) <= 12
        and letters[:1].isupper()
        and sum(c.isupper() for c in letters) >= 2
        and letters.replace("-", "").isalnum()
    )


@functools.lru_cache(maxsize=_MEMO)
def _is_short_form(tok: str) -> bool:
    """An acronym or a short form in parentheses: ``(LAN)``, ``(Pemkot)``, ``(PANRB)``."""
    return _is_acronym(tok) or (_is_cap(tok) and tok.isalpha() and len(tok) <= 12)


@functools.lru_cache(maxsize=_MEMO)
def _is_name_word(tok: str) -> bool:
    """A capitalised word, an initial or a glued front title (``Ir.Frans``)."""
    if not _is_cap(tok) and fold(tok) not in ad.front_title_keys():
        return False
    word = fold(tok)
    if word in _calendar_words() or word in _NAME_STOP or word in _ROLE_FIRST:
        return False
    if word in _UNIT_WORDS or word in _CAPACITY_FIRST:
        return False
    letters = tok.replace(".", "")
    if len(letters) >= 2 and any(c.isupper() for c in letters[1:]) and "." not in tok.rstrip("."):
        return False  # an acronym or a CamelCase short form (BKD, KemenPANRB), no name
    if word in _GOV_CUES or word in _OUTSIDE_CUES or word in _VENUE_CUES or word in _LEVEL_WORDS:
        return False
    if any(c.isdigit() for c in tok):
        return False
    core = tok.replace(".", "").replace("-", "").replace("'", "").replace("\u2019", "")
    return core.isalpha()


@functools.lru_cache(maxsize=_MEMO)
def _is_back_title(tok: str) -> bool:
    if tok in ("(K)", "(k)"):
        return True
    key = ad._key(tok)
    if key in ad.back_title_keys():
        return True
    # an unknown dotted abbreviation: S.Agr, M.Kes.
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{0,3}\.(?:[A-Za-z]{1,5}\.?){1,3}", tok))


@functools.lru_cache(maxsize=_MEMO)
def _title_only(tok: str) -> bool:
    return (ad._key(tok) in ad.front_title_keys() and "." in tok) or fold(tok) in ("prof", "dr")


def scan_name(s: Scan, i: int, *, stop: int | None = None) -> tuple[int, int, int] | None:
    """A person's name starting at token ``i``: (start char, end char, next token).

    Front titles, then one to six name words, then back titles after commas (or a
    dotted one without comma). At least one name word of two letters or more.
    """
    toks = s.tokens
    n = len(toks) if stop is None else min(stop, len(toks))
    if i >= n:
        return None
    sent = toks[i].sent
    j = i
    words = 0
    long_words = 0
    ended = False
    while j < n and toks[j].sent == sent and words < _MAX_NAME_WORDS:
        t = toks[j].text
        if words == 0 and _title_only(t):
            j += 1
            continue
        if words > 0 and _title_only(t) and "." in t:
            # "Kobar Hj. Nurhidayah": a front title inside starts the name
            i, words, long_words = j, 0, 0
            j += 1
            continue
        if not _is_name_word(t):
            break
        if ad._key(t) in ad.back_title_keys() and words > 0 and "." in t:
            break
        words += 1
        core = fold(t)
        if (len(core) >= 2 and "." not in core) or "." in core:
            long_words += 1
        j += 1
        if t.endswith(".") and len(core) >= 4 and "." not in core:
            ended = True  # sentence punctuation after a name word
            break
    if words == 0 or long_words == 0:
        return None
    end_tok = j
    if not ended:
        # back titles: ", M.Si" or glued "M.Si" without a comma
        while end_tok < n and toks[end_tok].sent == sent:
            k = end_tok
            if toks[k].text == ",":
                k += 1
            titles = 0
            while k < n and toks[k].sent == sent and _is_back_title(toks[k].text):
                k += 1
                titles += 1
            if titles == 0 or (toks[end_tok].text != "," and "." not in toks[end_tok].text):
                break
            end_tok = k
    start = toks[i].start
    last = toks[end_tok - 1]
    end = last.end
    if last.text.endswith(".") and len(fold(last.text)) >= 4 and "." not in fold(last.text):
        end -= len(last.text) - len(last.text.rstrip("."))
    return start, end, end_tok


def _name_value(s: Scan, start: int, end: int) -> object | None:
    name = ad.name(s.text[start:end])
    if name is None or not any(len(w) >= 2 for w in re.findall(r"[^\W\d_]+", name.given)):
        return None
    return name


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
    if toks[i].low not in _ROLE_FIRST:
        return None
    for words, role, place in _ROLES:
        if _match_words(toks, i, words, sent):
            return role, place, words, i + len(words)
    return None


def _place_candidates(toks: list[Token], k: int, limit: int) -> list[int]:
    """Token indexes after which a place part may end (longest first)."""
    sent = toks[k].sent if k < len(toks) else -1
    ends: list[int] = []
    j = k
    depth = 0
    while j < len(toks) and j < k + limit and toks[j].sent == sent:
        t = toks[j].text
        if t == "(":
            if j + 2 < len(toks) and toks[j + 2].text == ")" and _is_short_form(toks[j + 1].text):
                j += 3
                ends.append(j)
                continue
            break
        if depth:
            break
        if _is_cap(t) or _is_acronym(t):
            if fold(t) in _ROLE_FIRST and j > k:
                break
            if _title_only(t):
                break
            j += 1
            ends.append(j)
            if t.endswith(".") and len(fold(t)) >= 4:
                break
            continue
        if fold(t) in ("dan", "&") and j > k:
            j += 1
            continue
        if t == "," and j > k and j + 1 < len(toks) and _is_cap(toks[j + 1].text):
            # a comma inside an official name ("Desa, Pembangunan Daerah Tertinggal, dan")
            j += 1
            continue
        break
    return ends[::-1]


def _resolve_central(
    s: Scan, k: int, role: Role, *, cue_included: bool
) -> tuple[Agency, int, float, str] | None:
    toks = s.tokens
    if k >= len(toks):
        return None
    ends = _place_candidates(toks, k, _MAX_PLACE_TOKENS)
    ministry = role in (Role.MENTERI, Role.SEKRETARIS_KEMENTERIAN)
    for e in ends:
        text = s.text[toks[k].start : toks[e - 1].end].rstrip(".")
        queries = [text]
        acr = None
        if toks[e - 1].text == ")" and e - 3 >= k:
            acr = toks[e - 2].text
            base = s.text[toks[k].start : toks[e - 4].end] if e - 4 >= k else ""
            queries = [q for q in (base, text) if q]
        if ministry and not cue_included and not toks[k].low.startswith("kemen"):
            queries = [f"Kementerian {q}" for q in queries] + queries
            if acr:
                queries.append(f"Kementerian {acr}")
        elif acr:
            queries.append(acr)
        for q in queries:
            found = ad.agency(q, s.day)
            if found is not None and not found.is_local_government:
                return found, e, 0.95, "exact"
    # fallback: the only catalog agency alive on the day among the search hits,
    # for a short name that opens with a government word ("Kementerian Desa")
    if k < len(toks) and toks[k].low in _GOV_CUES:
        for e in sorted(ends):
            if e - k < 2 or any(t.text == "," for t in toks[k:e]):
                continue
            text = s.text[toks[k].start : toks[e - 1].end].rstrip(".")
            found = ad.agency_by_search(text, s.day)
            if found is not None and not found.is_local_government:
                return found, e, 0.7, "search"
            break
    return None


def _resolve_region_place(s: Scan, k: int, level: str) -> tuple[Agency, int, str] | None:
    """The local government of a place after a regional role (``Ambon``, ``Kab. X``)."""
    toks = s.tokens
    if k >= len(toks):
        return None
    sent = toks[k].sent
    printed_level = None
    j = k
    if toks[j].low in _LEVEL_WORDS and _is_cap(toks[j].text):
        printed_level = toks[j].text
        j += 1
    names: list[int] = []
    m = j
    while (
        m < len(toks)
        and m < j + _MAX_REGION_TOKENS
        and toks[m].sent == sent
        and (_is_cap(toks[m].text) or _is_acronym(toks[m].text))
        and toks[m].low not in _ROLE_FIRST
        and not _title_only(toks[m].text)
    ):
        m += 1
        names.append(m)
        if toks[m - 1].text.endswith(".") and len(toks[m - 1].low) >= 4:
            break
    for e in names[::-1]:
        place = s.text[toks[j].start : toks[e - 1].end].rstrip(".")
        if printed_level is not None:
            query = f"{printed_level} {place}"
        elif level in _LEVEL_PRINTED:
            query = f"{_LEVEL_PRINTED[level]} {place}"
        else:
            query = place
        found = s.aliases.get(place) or ad.agency(query, s.day)
        if found is not None and found.is_local_government:
            if level in _LEVEL_PRINTED and found.kind.value != f"pemerintah_{level}":
                continue
            return found, e, place
    return None


def _parent_name(agency: Agency | None, day: pendulum.Date) -> str:
    if agency is None:
        return ""
    if agency.is_local_government:
        return agency.name_at(day).removeprefix("Pemerintah ")
    return agency.acronym_at(day) or agency.name_at(day)


def _skip_short_form(toks: list[Token], k: int) -> int:
    """After a word, skip its short form in parentheses: ``(Pj)``, ``(Sekda)``."""
    if (
        k + 2 < len(toks)
        and toks[k].text == "("
        and toks[k + 2].text == ")"
        and len(toks[k + 1].text) <= 8
        and toks[k + 1].text[:1].isupper()
    ):
        return k + 3
    return k


def _resolve_unit(s: Scan, k: int) -> tuple[Agency, int, str] | None:
    """A unit name ending with the agency or government it belongs to.

    ``Dinas Kesehatan Sulteng`` -> (pemprov-72, end, "Dinas Kesehatan"). The parent is
    the longest tail of the name that resolves to a catalog agency or a local
    government; at least one word stays for the unit.
    """
    toks = s.tokens
    ends = _place_candidates(toks, k, _MAX_UNIT_TOKENS)
    for e in ends:  # longest first: the registry's reading of units
        whole = s.text[toks[k].start : toks[e - 1].end].rstrip(".")
        hit = ad.unit(whole, s.day)
        if hit is not None and hit[1] is not None and hit[0].kind is not AgencyKind.OTHER:
            return hit[0], e, hit[1]
    for e in ends:  # longest first
        for p in range(k + 1, e):
            if toks[p].text in ("(", ")") or toks[p].low in ("dan", "&"):
                continue
            if toks[p - 1].text == "(":
                continue
            place = s.text[toks[p].start : toks[e - 1].end].rstrip(".")
            found = ad.agency(place, s.day)
            if found is not None and found.kind is not AgencyKind.OTHER:
                unit = s.text[toks[k].start : toks[p - 1].end].strip(" ,")
                return found, e, unit
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
        if role_hit is None or (cap is not None and cap[2] and not role_hit[0].is_regional_head):
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
                rule = "position.outside-catalog"
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
    if j < n and toks[j].text == "," and toks[j].sent == toks[start_i].sent:
        j += 1
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
            if how in ("sebagai", "appointed"):
                # "Kepala Dinas X Sulpakar sebagai Pj. Bupati": the name already read
                # with the first position holds the second one too
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
_LIST_CUES: Final = frozenset({"dan", "serta", ","})


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


# --- agencies and regions --------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def scan_agencies(s: Scan) -> None:
    """Agency names (catalog and local governments), acronyms, and outside bodies."""
    toks = s.tokens
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        word = t.low
        if not s.free(t.start, t.end):
            i += 1
            continue
        if word in _GOV_CUES and i + 1 < n:
            hit = _resolve_central_or_local(s, i)
            if hit is not None:
                agency, e, how = hit
                end = _trim(toks[e - 1])
                if s.free(t.start, end):
                    s.mention(K.AGENCY, t.start, end, agency, f"agency.{how}", 0.95)
                    i = e
                    continue
        if word in _OUTSIDE_CUES and _is_cap(t.text):
            other = _outside_body(s, i)
            if other is not None:
                agency, e = other
                end = _trim(toks[e - 1])
                if s.free(t.start, end):
                    s.mention(K.AGENCY, t.start, end, agency, "agency.outside-catalog", 0.7)
                    i = e
                    continue
        if _is_acronym(t.text) and t.low not in _NAME_STOP:
            found = s.agency(t.text.rstrip("."))
            if found is not None:
                if found.is_local_government:
                    region = ad.region_by_code(found.region_code or "", s.day)
                    if region is not None:
                        s.mention(K.REGION, t.start, _trim(t), region, "region.acronym", 0.8)
                else:
                    s.mention(K.AGENCY, t.start, _trim(t), found, "agency.acronym", 0.9)
        i += 1


def _trim(tok: Token) -> int:
    """The end of a token without a full stop that ends the sentence, not a title's dot.

    ``Abnur.`` and ``BKN.`` lose it; ``M.Si.``, ``Dr.`` and an initial ``J.`` keep it.
    """
    word = tok.text.rstrip(".")
    if word != tok.text and "." not in word and (len(word) >= 4 or word.isupper()):
        return tok.start + len(word)
    return tok.end


def _resolve_central_or_local(s: Scan, i: int) -> tuple[Agency, int, str] | None:
    toks = s.tokens
    # the cue word itself plus what follows ("Pemerintah Kota (Pemkot) Ambon")
    j = i + 1
    ends: list[int] = []
    sent = toks[i].sent
    while j < len(toks) and j < i + _MAX_PLACE_TOKENS and toks[j].sent == sent:
        t = toks[j].text
        if (
            t == "("
            and j + 2 < len(toks)
            and toks[j + 2].text == ")"
            and _is_short_form(toks[j + 1].text)
        ):
            j += 3
            ends.append(j)
            continue
        if (_is_cap(t) or _is_acronym(t)) and not _title_only(t) and fold(t) not in _ROLE_FIRST:
            j += 1
            ends.append(j)
            if t.endswith(".") and len(fold(t)) >= 4:
                break
            continue
        if fold(t) in ("dan", "&") or (
            t == "," and j + 1 < len(toks) and _is_cap(toks[j + 1].text)
        ):
            j += 1
            continue
        break
    for e in ends[::-1]:
        text = s.text[toks[i].start : toks[e - 1].end].rstrip(".")
        found = ad.agency(text, s.day)
        if found is not None:
            return found, e, "name"
        if toks[e - 1].text == ")":
            base = s.text[toks[i].start : toks[e - 4].end]
            found = ad.agency(base, s.day) or ad.agency(toks[e - 2].text, s.day)
            if found is not None:
                return found, e, "name-acronym"
    # "Kejaksaan Negeri Magelang": the shortest head of the name that resolves is the
    # agency the unit belongs to (vertical offices of central bodies)
    for e in [i + 1, *sorted(ends)[:1]]:
        found = ad.agency(s.text[toks[i].start : toks[e - 1].end].rstrip("."), s.day)
        if found is not None and not found.is_local_government and ends:
            return found, ends[0], "parent-of-unit"
    if toks[i].low in ("kementerian", "kementrian", "badan", "lembaga", "komisi"):
        for e in ends:
            if e - i < 1 or any(t.text == "," for t in toks[i:e]):
                continue
            text = s.text[toks[i].start : toks[e - 1].end].rstrip(".")
            found = ad.agency_by_search(text, s.day)
            if found is not None:
                return found, e, "search"
            break
    return None


def _outside_body(s: Scan, i: int) -> tuple[Agency, int] | None:
    """``Universitas Pattimura``, ``PT Telkom Indonesia (Persero)``: an agency of kind other."""
    toks = s.tokens
    sent = toks[i].sent
    j = i + 1
    if toks[i].low in ("sekolah", "rumah") and j < len(toks):
        j += 1  # Sekolah Tinggi, Rumah Sakit
    e = _org_words(toks, j, sent)
    if e == j:
        return None
    for cut in range(j + 1, e):  # a name this text prints alone elsewhere ends here
        if tuple(t.low for t in toks[i:cut]) in s.org_names:
            e = cut
            break
    acronym = None
    words = [toks[x] for x in range(i, e)]
    e_full = e
    if (
        e + 2 < len(toks)
        and toks[e].text == "("
        and toks[e + 2].text == ")"
        and _is_acronym(toks[e + 1].text)
    ):
        acronym = toks[e + 1].text
        e_full = e + 3
        # "Universitas Muhammadiyah (UM) Purwokerto": the place after the short form
        after = _org_words(toks, e_full, sent, limit=2)
        words += [toks[x] for x in range(e_full, after)]
        e_full = after
    name_text = (
        " ".join(t.text for t in words[:-1]) + " " + s.text[words[-1].start : _trim(words[-1])]
    )
    name_text = name_text.strip()
    slug = _slug(name_text)
    if not slug:
        return None
    try:
        agency = Agency(id=slug, name=name_text, kind=AgencyKind.OTHER, acronym=acronym)
    except AdminnetError:
        return None
    return agency, e_full


_MONTH_IN_NAMES: Final = frozenset({"maret"})  # Universitas Sebelas Maret (UNS)
_ORG_STOP: Final = frozenset({"lantai", "jl", "jalan", "nomor", "no"})


def _org_words(toks: list[Token], j: int, sent: int, limit: int = 6) -> int:
    """The end of the capitalised words of an organisation's name from token ``j``."""
    e = j
    while e < len(toks) and e < j + limit and toks[e].sent == sent:
        t = toks[e]
        if (
            (_is_cap(t.text) or _is_acronym(t.text))
            and t.low not in _ROLE_FIRST
            and t.low not in _VENUE_CUES
            and t.low not in _ORG_STOP
            and not (
                t.low in _calendar_words()
                and (
                    e + 1 >= len(toks) or toks[e + 1].text[:1].isdigit() or toks[e + 1].text == "("
                )
                and t.low not in _MONTH_IN_NAMES
            )
        ):
            e += 1
            if t.text.endswith(".") and len(t.low) >= 2:
                break
            continue
        break
    return e


def scan_regions(s: Scan) -> None:
    """Regions named with a level word: ``Kabupaten Pringsewu``, ``Kota Ambon``."""
    toks = s.tokens
    for i, t in enumerate(toks):
        if t.low not in _LEVEL_WORDS or not _is_cap(t.text) or not s.free(t.start, t.end):
            continue
        hit = _resolve_region_place(s, i, "any")
        if hit is None:
            continue
        agency, e, _ = hit
        end = _trim(toks[e - 1])
        region = ad.region_by_code(agency.region_code or "", s.day)
        if region is not None and s.free(t.start, end):
            s.mention(K.REGION, t.start, end, region, "region.level-word", 0.9)


# --- venues ----------------------------------------------------------------------------


def scan_venues(s: Scan) -> None:
    """``di Gedung LAN Veteran, Jakarta``: the venue, and the region of its city."""
    toks = s.tokens
    n = len(toks)
    for i in range(n - 1):
        if toks[i].low != "di":
            continue
        k = i + 1
        cue = toks[k]
        if cue.low not in _VENUE_CUES or not _is_cap(cue.text) or not s.free(cue.start, cue.end):
            continue
        sent = cue.sent
        e = k + 1
        while e < n and e < k + 8 and toks[e].sent == sent:
            t = toks[e].text
            if (_is_cap(t) or _is_acronym(t) or t.isdigit()) and fold(t) not in _calendar_words():
                e += 1
                if t.endswith(".") and len(fold(t)) >= 4:
                    break
                continue
            break
        if e == k + 1:
            continue
        end = _trim(toks[e - 1])
        city: tuple[int, int, object] | None = None
        if e + 1 < n and toks[e].text == "," and toks[e + 1].sent == sent:
            m = e + 1
            stop = m
            while (
                stop < n and stop < m + 3 and toks[stop].sent == sent and _is_cap(toks[stop].text)
            ):
                stop += 1
            for c in range(stop, m, -1):
                place = s.text[toks[m].start : _trim(toks[c - 1])]
                region = ad.region(place, s.day)
                if region is not None:
                    city = (toks[m].start, _trim(toks[c - 1]), region)
                    break
        venue_end = city[1] if city is not None else end
        if not s.free(cue.start, venue_end):
            continue
        s.mention(K.VENUE, cue.start, venue_end, s.text[cue.start : venue_end], "venue.di", 0.85)
        if city is not None:
            # the city inside the venue: a region mention of its own (overlapping span)
            s.mentions.append(
                Mention(
                    kind=K.REGION,
                    start=city[0],
                    end=city[1],
                    text=s.text[city[0] : city[1]],
                    value=city[2],
                    confidence=0.8,
                    rule="region.venue-city",
                )
            )


# --- dates, times ----------------------------------------------------------------------


def _year_unknown(text: str) -> InvalidComponent:
    msg = f"the year of {text!r} is not printed and no publication date was given"
    return InvalidComponent(msg, code="extract.year_unknown")


def _weekday_before(text: str, at: int) -> tuple[str | None, int]:
    """The weekday printed just before offset ``at`` and where it starts, if any."""
    m = _WEEKDAY_BEFORE.search(text, max(0, at - 24), at)
    if m is None or m.group(1).lower() not in _calendar_words():
        return None, at
    return m.group(1), m.start()


def scan_dates(s: Scan) -> None:
    """Dates with their weekday cross-check; a day without a year takes ``published``'s."""
    text = s.text
    for m in _DATE_PAREN.finditer(text):
        d, mo, y = m.group(1), m.group(2), m.group(3)
        weekday, start = _weekday_before(text, m.start())
        if not s.free(start, m.end()):
            continue
        year = int(y) if y and len(y) == 4 else s.year
        if year is None:
            error = _year_unknown(text[start : m.end()])
            s.mention(K.DATE, start, m.end(), None, "date.paren", 0.9, error)
            continue
        printed = f"{weekday} ({d}/{mo})" if weekday else f"{d}/{mo}/{year}"
        value = ad.date(printed, year)
        if isinstance(value, AdminnetError):
            s.mention(K.DATE, start, m.end(), None, "date.paren", 0.6, value)
        else:
            s.mention(K.DATE, start, m.end(), value, "date.paren", 0.95)
    for m in _DATE_NAMED.finditer(text):
        d, month, y = m.groups()
        if month.lower() not in _calendar_words() and len(month) > 4:
            continue
        probe = ad.date(f"{d} {month}", 2000)
        if isinstance(probe, AdminnetError):
            continue  # not a month
        weekday, start = _weekday_before(text, m.start())
        if not s.free(start, m.end()):
            continue
        year = int(y) if y else s.year
        if year is None:
            error = _year_unknown(text[start : m.end()])
            s.mention(K.DATE, start, m.end(), None, "date.named", 0.9, error)
            continue
        full = (f"{weekday}, " if weekday else "") + f"{d} {month} {year}"
        value = ad.date(full, year)
        rule = "date.named" if y else "date.named-no-year"
        if isinstance(value, AdminnetError):
            s.mention(K.DATE, start, m.end(), None, rule, 0.6, value)
        else:
            s.mention(K.DATE, start, m.end(), value, rule, 0.95 if y else 0.85)
    for m in _DATE_NUMERIC.finditer(text):
        if not s.free(m.start(), m.end()):
            continue
        value = ad.date(m.group(0), None)
        if isinstance(value, AdminnetError):
            continue
        s.mention(K.DATE, m.start(), m.end(), value, "date.numeric", 0.9)
    for m in _DATE_ISO.finditer(text):
        if not s.free(m.start(), m.end()):
            continue
        value = ad.date(m.group(0), None)
        if not isinstance(value, AdminnetError):
            s.mention(K.DATE, m.start(), m.end(), value, "date.iso", 0.95)
    from adminnet.time import PartialDate

    for m in _YEAR.finditer(text):
        if not s.free(m.start(2), m.end(2)):
            continue
        cue = m.group(1).lower()
        s.mention(
            K.DATE, m.start(), m.end(), PartialDate(year=int(m.group(2))), f"date.year-{cue}", 0.8
        )
    for m in _TIME.finditer(text):
        if not s.free(m.start(), m.end()):
            continue
        clock: tuple[int, int, str | None]
        if m.group(1) is not None:
            clock = (int(m.group(1)), int(m.group(2)), _ZONES[m.group(3)])
        else:
            clock = (int(m.group(4)), int(m.group(5)), None)
        s.mention(K.TIME, m.start(), m.end(), clock, "time.clock", 0.9)


# --- agreements, areas, figures, event words -------------------------------------------


def scan_agreements(s: Scan) -> None:
    """Agreement kinds (MoU, nota kesepahaman, PKS, ...) and plain "kerja sama"."""
    for m in _AGREEMENT_RE.finditer(s.text):
        if not s.free(m.start(), m.end()):
            continue
        _, kind, rule = _AGREEMENT_PATTERNS[(m.lastindex or 1) - 1]
        confidence = 0.9 if kind else 0.6
        s.mention(K.AGREEMENT, m.start(), m.end(), kind, f"agreement.{rule}", confidence)


def scan_areas(s: Scan, sentences: set[int]) -> None:
    """Fields of cooperation, in the sentences that speak of cooperation."""
    for m in _AREA_RE.finditer(s.text):
        if s.sentence_of(m.start()) not in sentences or not s.free(m.start(), m.end()):
            continue
        area = _AREA_PATTERNS[(m.lastindex or 1) - 1][1]
        s.mention(K.AREA, m.start(), m.end(), area, "area.gazetteer", 0.85)


def scan_figures(s: Scan) -> None:
    """Numbers with their unit; a malformed one keeps its error, never a guess."""
    for m in _FIGURE.finditer(s.text):
        start, end = m.start(), m.end()
        digits = m.group(2)
        # trailing sentence punctuation is not part of the number
        while digits and digits[-1] in ".,":
            digits = digits[:-1]
        if not s.free(start, end):
            continue
        unit = m.group(3)
        if unit is None and re.fullmatch(r"(?:19|20)\d{2}", digits):
            continue  # a year
        if unit is None and m.group(1) is None and len(digits) <= 2 and digits.isdigit():
            continue  # a bare small number: an ordinal, a count in words' place
        if unit is None:
            end = m.start(2) + len(digits)
        printed = s.text[start:end]
        value: object
        if unit is not None and unit.lower() in _UNIT_OF:
            value = ad.percent(f"{digits} persen")
        elif unit is not None and unit.lower() in _MULTIPLIER_WORDS:
            value = ad.number(f"{digits} {unit}")
        else:
            value = ad.number(digits)
        if isinstance(value, AdminnetError):
            s.mention(K.FIGURE, start, end, None, "figure.malformed", 0.9, value)
            continue
        unit_name = _UNIT_OF.get((unit or "").lower(), unit.lower() if unit else None)
        if m.group(1) is not None:
            unit_name = "IDR"
        s.mention(K.FIGURE, start, end, _Figure(Decimal(value), unit_name), "figure.number", 0.9)
        del printed


@attrs.frozen
class _Figure:
    value: Decimal
    unit: str | None

    def __str__(self) -> str:
        return f"{self.value} {self.unit}" if self.unit else str(self.value)


Figure = _Figure


def scan_event_words(s: Scan) -> None:
    """Words that name an event: penandatanganan, pelantikan, rapat, peluncuran."""
    for m in _EVENT_RE.finditer(s.text):
        if s.free(m.start(), m.end()):
            kind = _EVENT_WORDS[m.group(0).lower()]
            s.mention(K.EVENT, m.start(), m.end(), kind, "event.word", 0.8)


def cooperation_sentences(s: Scan) -> set[int]:
    """Sentences with an agreement or cooperation mention."""
    return {s.sentence_of(m.start) for m in s.mentions if m.kind is K.AGREEMENT}


_SHORT_FORM: Final = re.compile(r"\(\s*([A-Z][\w-]{1,11})\s*\)")
_WORDS_BEFORE: Final = re.compile(r"((?:[A-Z][\w'-]*\.?\s+){1,6})\Z")


def _learn_short_forms(s: Scan) -> None:
    """Short forms the text defines: ``Kotawaringin Barat (Kobar)`` -> that government.

    The longest tail of the capitalised words before the parenthesis that names an
    agency or an autonomous region gives the short form its meaning in this text.
    """
    for m in _SHORT_FORM.finditer(s.text):
        short = m.group(1)
        if short in s.aliases:
            continue
        before = _WORDS_BEFORE.search(s.text, max(0, m.start() - 120), m.start())
        if before is None or ad.agency(short, s.day) is not None:
            continue
        words = before.group(1).split()
        for k in range(len(words)):
            found = ad.agency(" ".join(words[k:]).rstrip("."), s.day)
            if found is not None:
                s.aliases[short] = found
                break


def _learn_org_names(s: Scan) -> None:
    """Names of outside bodies printed where their end is plain.

    Before punctuation or a lower-case word: ``Universitas Pamulang.`` then cuts
    ``Rektor Universitas Pamulang Dayat Hidayat`` after ``Pamulang``.
    """
    toks = s.tokens
    for i, t in enumerate(toks):
        if t.low not in _OUTSIDE_CUES or not _is_cap(t.text):
            continue
        e = _org_words(toks, i + 1, t.sent)
        if e == i + 1:
            continue
        after = toks[e] if e < len(toks) else None
        plain_end = (
            after is None
            or after.sent != t.sent
            or not after.text[:1].isalpha()
            or after.text[:1].islower()
            or toks[e - 1].text.endswith(".")
        )
        if plain_end and e - i <= 5:
            s.org_names.add(tuple(x.low for x in toks[i:e]))


_DATELINE: Final = re.compile(
    r"\s*([A-Za-z][A-Za-z.'-]*(?:\s+[A-Za-z][A-Za-z.'-]*){0,2})\s*(?:,|\(|-|\u2013|\u2014|:)"
)


def scan_dateline(s: Scan) -> None:
    """The dateline's city (``PADANG, RADARSUMBAR.COM -``, ``Jakarta -``): a region."""
    m = _DATELINE.match(s.text)
    if m is None:
        return
    candidates = [m]
    if s.text[m.end() - 1 : m.end()] == ",":  # "Jatengpress.com, Magelang -"
        second = _DATELINE.match(s.text, m.end())
        if second is not None:
            candidates.append(second)
    for c in candidates:
        place = c.group(1).strip()
        region = ad.region(place.title() if place.isupper() else place, s.day)
        if region is not None and s.free(c.start(1), c.end(1)):
            s.mention(K.REGION, c.start(1), c.end(1), region, "region.dateline", 0.7)
            return


def scan(text: str, day: pendulum.Date, year: int | None) -> Scan:
    """Run every rule over ``text``; ``day`` dates the registries, ``year`` the bare dates."""
    tokens, spans = tokenize(text)
    s = Scan(text=text, tokens=tokens, day=day, year=year)
    s.covered = bytearray(len(text))
    s.sentence_spans = spans
    _learn_short_forms(s)
    _learn_org_names(s)
    scan_dateline(s)
    scan_venues(s)
    scan_positions(s)
    scan_agencies(s)
    scan_regions(s)
    scan_dates(s)
    scan_agreements(s)
    scan_areas(s, cooperation_sentences(s))
    scan_figures(s)
    scan_event_words(s)
    scan_cued_names(s)
    return s


def iter_sorted(mentions: list[Mention]) -> Iterator[Mention]:
    """Mentions in text order (start, then longer first, then kind)."""
    yield from sorted(mentions, key=lambda m: (m.start, -m.end, m.kind.value))
