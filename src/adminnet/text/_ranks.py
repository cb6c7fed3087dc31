"""Pangkat dan sapaan (TNI/Polri ranks and forms of address; private data module).

The tables behind :attr:`adminnet.text.names.PersonName.rank` and
:attr:`~adminnet.text.names.PersonName.honorific`, and the matcher that reads a rank
from the lookup keys of the words printed before a name.

A rank is a base rank (``Irjen``), then in canonical order the ``TNI`` marker, a
corps or branch (``Pol.``, ``Inf.``, ``Laut (P)``, ``Pnb.``), the honorary marker
``(Hor.)`` and the retired marker ``(Purn.)``; the markers may be printed in any
order and spelling (``Komjen Pol (Purn)``, ``Kapt Inf (Purn)``, ``Jenderal TNI
(Purn.)``). Each base rank and marker belongs to services (``D`` TNI AD, ``L`` TNI
AL with the Marinir, ``U`` TNI AU, ``P`` Polri), and a marker is read only when it
fits the services still open (``Letkol Inf`` is army, ``Irjen TNI`` is not a rank with
a TNI marker). A Polri rank whose abbreviation already says *Polisi* (``AKBP``,
``Kompol``, ``Brigpol`` ...) absorbs a printed ``Pol``.

>>> match_rank(["irjen", "pol", "drs", "firman"], 0)
('Irjen Pol.', 2)
>>> match_rank(["komjen", "pol", "(purn)", "nana"], 0)
('Komjen Pol. (Purn.)', 3)
>>> match_rank(["kolonel", "laut", "(p)", "arya"], 0)
('Kolonel Laut (P)', 3)
>>> canonical_rank("Letnan Kolonel Inf")
'Letkol Inf.'
>>> canonical_rank("Irjen TNI") is None
True

Sources (where each entry was confirmed; ``SOURCES`` keys):

- ``pp39``: the ranks of TNI AD, AL and AU with their abbreviations as listed in PP
  39/2010 Pasal 24 (quoted at
  https://tipscarapeternak.blogspot.com/2022/08/jenjang-kepangkatan-tni-ad-al-au-lengkap.html
  and https://www.fajarsumbar.com/2024/08/urutan-pangkat-tni-ad-al-dan-au-dari.html).
- ``perkap3``: Polri ranks of Perkap 3/2016 (https://www.kompas.tv/article/317659/yuk-intip-urutan-pangkat-polisi-dari-bharada-hingga-jenderal,
  https://www.suara.com/news/2022/08/05/100124/daftar-urutan-pangkat-polri-mulai-dari-yang-tertinggi-hingga-rendah?page=4,
  https://salira.tv/2025/08/09/mengenal-urutan-pangkat-kepolisian-republik-indonesia-dari-tamtama-hingga-jenderal).
- ``kelasi``: TNI AL enlisted ranks (https://tempo.co/politik/urutan-pangkat-militer-tni-al-dari-kelasi-hingga-laksamana-467496).
- ``korps_ad``: TNI AD corps (https://intisari.grid.id/amp/033092683/urutan-tanda-pangkat-tni-ad-dari-terendah-sampai-tertinggi-ini-dia,
  https://fbeta.republika.co.id/berita/qdfvfa484/akmil-fokus-enam-kesenjataan-tempur-untuk-lahirkan-panglima).
- ``korps_al``: TNI AL corps Laut (P)/(T)/(E)/(S)/(K)/(KH) and Marinir
  (https://militer.id/korps-navigasi-tni-al-penentu-arah-di-medan-pertempuran-laut).
- ``korps_au``: TNI AU corps as printed: Pnb (http://tribratanews.polri.go.id/?p=249243),
  Nav (https://indonesiamandiri.web.id/2022/04/tni-au-lantik-37-penerbang-dan-6.html),
  Tek (https://tiktik-lwq.pages.dev/korps-di-tni-au).
- ``hor``: the honorary marker ``Jenderal TNI (HOR)``
  (https://www.detik.com/edu/edutainment/d-7218262/prabowo-dapat-pangkat-jenderal-kehormatan-bintang-4-begini-urutan-pangkat-di-tni).
- ``brief``: listed in issue 17 as printed in news; ``unconfirmed``: an abbreviation
  in common use that no cited page confirmed yet (kept, marked for checking).
- ``print``: a printed form seen in news (the names test vectors carry the pages:
  ``Kapt Inf (Purn)``, ``Komjen (Purn)``, ``Letkol Laut (P)``, ``Kolonel Inf.``).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Final

from adminnet.text.folding import edits1

SOURCES: Final[dict[str, str]] = {
    "pp39": "PP 39/2010 Pasal 24 (TNI ranks), as quoted by the pages in the module docs",
    "perkap3": "Perkap 3/2016 (Polri ranks), as quoted by the pages in the module docs",
    "kelasi": "TNI AL enlisted ranks (tempo.co)",
    "korps_ad": "TNI AD corps (intisari.grid.id, republika.co.id)",
    "korps_al": "TNI AL corps (militer.id)",
    "korps_au": "TNI AU corps as printed (tribratanews, indonesiamandiri, tiktik)",
    "hor": "Jenderal TNI (HOR) (detik.com)",
    "print": "printed forms in the names test vectors",
    "brief": "listed in issue 17 as printed in news",
    "unconfirmed": "an abbreviation in common use that no cited page confirmed (to verify)",
}
"""Where the entries of :data:`RANKS` and :data:`MARKERS` were confirmed."""

RANKS: Final[tuple[tuple[str, str, tuple[str, ...], str], ...]] = (
    # canonical, services, other written forms (case, dots ignored), source
    ("Jenderal", "DP", ("Jend.", "Jendral"), "pp39 perkap3"),
    ("Letjen", "DL", ("Letnan Jenderal",), "pp39"),
    ("Mayjen", "DL", ("Mayor Jenderal",), "pp39"),
    ("Brigjen", "DLP", ("Brigadir Jenderal",), "pp39 perkap3"),
    ("Laksamana", "L", (), "pp39"),
    ("Laksdya", "L", ("Laksamana Madya",), "pp39"),
    ("Laksda", "L", ("Laksamana Muda",), "pp39"),
    ("Laksma", "L", ("Laksamana Pertama",), "pp39"),
    ("Marsekal", "U", (), "pp39"),
    ("Marsdya", "U", ("Marsekal Madya",), "pp39"),
    ("Marsda", "U", ("Marsekal Muda",), "pp39"),
    ("Marsma", "U", ("Marsekal Pertama",), "pp39"),
    ("Kolonel", "DLU", ("Kol.",), "pp39"),
    ("Letkol", "DLU", ("Letnan Kolonel",), "pp39"),
    ("Mayor", "DLU", (), "pp39"),
    ("Kapten", "DLU", ("Kapt.",), "pp39 print"),
    ("Lettu", "DLU", ("Letnan Satu",), "pp39"),
    ("Letda", "DLU", ("Letnan Dua",), "pp39"),
    ("Peltu", "DLU", ("Pembantu Letnan Satu",), "pp39"),
    ("Pelda", "DLU", ("Pembantu Letnan Dua",), "pp39"),
    ("Serma", "DLU", ("Sersan Mayor",), "pp39"),
    ("Serka", "DLU", ("Sersan Kepala",), "pp39"),
    ("Sertu", "DLU", ("Sersan Satu",), "pp39"),
    ("Serda", "DLU", ("Sersan Dua",), "pp39"),
    ("Kopka", "DLU", ("Kopral Kepala",), "pp39 kelasi"),
    ("Koptu", "DLU", ("Kopral Satu",), "pp39 kelasi"),
    ("Kopda", "DLU", ("Kopral Dua",), "pp39 kelasi"),
    ("Praka", "DLU", ("Prajurit Kepala",), "pp39"),
    ("Pratu", "DLU", ("Prajurit Satu",), "pp39"),
    ("Prada", "DLU", ("Prajurit Dua",), "pp39"),
    ("Kelasi Kepala", "L", (), "kelasi"),
    ("Kelasi Satu", "L", (), "kelasi"),
    ("Kelasi Dua", "L", (), "kelasi"),
    ("Komjen", "P", ("Komisaris Jenderal",), "perkap3"),
    ("Irjen", "P", ("Inspektur Jenderal",), "perkap3"),
    ("Kombes", "P", ("Komisaris Besar",), "perkap3"),
    # Polri ranks whose abbreviation says "Polisi": a printed "Pol" is absorbed.
    ("AKBP", "P*", ("Ajun Komisaris Besar", "Ajun Komisaris Besar Polisi"), "perkap3"),
    ("Kompol", "P*", ("Komisaris Polisi",), "perkap3"),
    ("AKP", "P*", ("Ajun Komisaris Polisi",), "perkap3"),
    ("Iptu", "P*", ("Inspektur Polisi Satu", "Inspektur Satu"), "perkap3"),
    ("Ipda", "P*", ("Inspektur Polisi Dua", "Inspektur Dua"), "perkap3"),
    ("Aiptu", "P*", ("Ajun Inspektur Polisi Satu", "Ajun Inspektur Satu"), "perkap3"),
    ("Aipda", "P*", ("Ajun Inspektur Polisi Dua", "Ajun Inspektur Dua"), "perkap3"),
    ("Bripka", "P*", ("Brigadir Polisi Kepala", "Brigadir Kepala"), "perkap3"),
    ("Brigpol", "P*", ("Brigadir Polisi", "Brigadir"), "perkap3"),
    ("Briptu", "P*", ("Brigadir Polisi Satu", "Brigadir Satu"), "perkap3"),
    ("Bripda", "P*", ("Brigadir Polisi Dua", "Brigadir Dua"), "perkap3"),
    ("Abrippol", "P*", ("Abripol", "Ajun Brigadir Polisi", "Ajun Brigadir"), "perkap3"),
    ("Abriptu", "P*", ("Ajun Brigadir Satu", "Ajun Brigadir Polisi Satu"), "perkap3"),
    ("Abripda", "P*", ("Ajun Brigadir Dua", "Ajun Brigadir Polisi Dua"), "perkap3"),
    ("Bharaka", "P*", ("Bhayangkara Kepala",), "perkap3"),
    ("Bharatu", "P*", ("Bhayangkara Satu",), "perkap3"),
    ("Bharada", "P*", ("Bhayangkara Dua",), "perkap3"),
)
"""Pangkat (base ranks): canonical abbreviation, services (``D`` AD, ``L`` AL, ``U`` AU,
``P`` Polri; ``*`` absorbs a printed ``Pol``), other written forms, sources."""

# kinds of marker, in canonical order
_TNI, _BRANCH, _HOR, _PURN = 0, 1, 2, 3

MARKERS: Final[tuple[tuple[str, int, str, tuple[str, ...], str], ...]] = (
    # canonical, kind, services, other written forms, source
    ("TNI", _TNI, "DLU", (), "pp39"),
    ("Pol.", _BRANCH, "P", ("Polisi",), "perkap3"),
    ("Inf.", _BRANCH, "D", ("Infanteri",), "korps_ad"),
    ("Kav.", _BRANCH, "D", ("Kavaleri",), "korps_ad"),
    ("Arm.", _BRANCH, "D", ("Armed", "Artileri Medan"), "korps_ad"),
    ("Arh.", _BRANCH, "D", ("Arhanud", "Artileri Pertahanan Udara"), "korps_ad brief"),
    ("Czi.", _BRANCH, "D", ("Zeni",), "korps_ad brief"),
    ("Cpn.", _BRANCH, "D", (), "korps_ad unconfirmed"),
    ("Chb.", _BRANCH, "D", (), "korps_ad brief"),
    ("Cpl.", _BRANCH, "D", (), "korps_ad unconfirmed"),
    ("Cba.", _BRANCH, "D", (), "korps_ad unconfirmed"),
    ("Ckm.", _BRANCH, "D", (), "korps_ad unconfirmed"),
    ("Cpm.", _BRANCH, "D", (), "korps_ad brief"),
    ("Caj.", _BRANCH, "D", (), "korps_ad unconfirmed"),
    ("Ctp.", _BRANCH, "D", (), "korps_ad unconfirmed"),
    ("Chk.", _BRANCH, "D", (), "korps_ad unconfirmed"),
    ("Cku.", _BRANCH, "D", (), "korps_ad brief"),
    ("Laut (P)", _BRANCH, "L", ("Laut(P)",), "korps_al print"),
    ("Laut (T)", _BRANCH, "L", ("Laut(T)",), "korps_al"),
    ("Laut (E)", _BRANCH, "L", ("Laut(E)",), "korps_al"),
    ("Laut (S)", _BRANCH, "L", ("Laut(S)",), "korps_al"),
    ("Laut (K)", _BRANCH, "L", ("Laut(K)",), "korps_al"),
    ("Laut (KH)", _BRANCH, "L", ("Laut(KH)",), "korps_al"),
    ("Mar.", _BRANCH, "L", ("(Mar)", "(Mar.)", "Marinir"), "korps_al"),
    ("Pnb.", _BRANCH, "U", (), "korps_au"),
    ("Nav.", _BRANCH, "U", (), "korps_au"),
    ("Tek.", _BRANCH, "U", (), "korps_au"),
    ("Lek.", _BRANCH, "U", (), "unconfirmed"),
    ("Kal.", _BRANCH, "U", (), "brief unconfirmed"),
    ("Adm.", _BRANCH, "U", (), "brief unconfirmed"),
    ("Kes.", _BRANCH, "U", (), "brief unconfirmed"),
    ("Pas.", _BRANCH, "U", (), "unconfirmed"),
    ("(Hor.)", _HOR, "DLUP", ("(Hor)", "(Kehormatan)"), "hor"),
    ("(Purn.)", _PURN, "DLUP", ("(Purn)", "Purn.", "Purnawirawan", "(Purnawirawan)"), "print"),
)
"""Penanda (markers after a base rank): TNI, corps or branch, honorary, retired."""

HONORIFICS: Final[dict[str, tuple[str, ...]]] = {
    "Bapak": ("Bpk.", "Bp.", "Pak"),
    "Ibu": ("Bu",),
    "Nyonya": ("Ny.",),
    "Saudara": ("Sdr.",),
    "Saudari": ("Sdri.",),
    "Tuan": ("Tn.",),
}
"""Sapaan (forms of address): canonical form -> other written forms (KBBI spellings)."""

SHORT_HONORIFICS: Final = frozenset({"pak", "bu"})
"""Spoken short forms, read as a sapaan only directly before a name word."""

MAX_RANK_WORDS: Final = 4  # "Ajun Inspektur Polisi Satu"
MAX_MARKER_WORDS: Final = 3  # "Artileri Pertahanan Udara"


def _key(text: str) -> str:
    return text.replace(".", "").lower()


def _keys(form: str) -> tuple[str, ...]:
    return tuple(_key(word) for word in form.split())


@cache
def _rank_index() -> dict[tuple[str, ...], tuple[str, frozenset[str], bool]]:
    index: dict[tuple[str, ...], tuple[str, frozenset[str], bool]] = {}
    for canonical, services, forms, _ in RANKS:
        entry = (canonical, frozenset(services.rstrip("*")), services.endswith("*"))
        for form in (canonical, *forms):
            index[_keys(form)] = entry
    return index


@cache
def _marker_index() -> dict[tuple[str, ...], tuple[str, int, frozenset[str]]]:
    index: dict[tuple[str, ...], tuple[str, int, frozenset[str]]] = {}
    for canonical, kind, services, forms, _ in MARKERS:
        for form in (canonical, *forms):
            index[_keys(form)] = (canonical, kind, frozenset(services))
    return index


@cache
def rank_starts() -> frozenset[str]:
    """Keys of the first word of every base rank form (a cheap test before matching)."""
    return frozenset(keys[0] for keys in _rank_index())


@cache
def honorific_index() -> dict[str, str]:
    """Lookup key (lower case, no dots) -> canonical sapaan."""
    index = {}
    for canonical, forms in HONORIFICS.items():
        for form in (canonical, *forms):
            index[_key(form)] = canonical
    return index


def match_rank(keys: list[str], start: int) -> tuple[str, int] | None:
    """The canonical rank printed from ``keys[start]`` on, and the index after it.

    ``keys`` are the lookup keys of the words (lower case, no dots). The longest base
    rank is taken, then markers while they fit the services still open; each kind of
    marker at most once.
    """
    if keys[start] not in rank_starts():
        return None
    ranks = _rank_index()
    n = len(keys)
    for size in range(min(MAX_RANK_WORDS, n - start), 0, -1):
        hit = ranks.get(tuple(keys[start : start + size]))
        if hit is not None:
            break
    else:
        return None
    base, services, absorbs = hit
    i = start + size
    found: dict[int, str] = {}
    markers = _marker_index()
    while i < n:
        for size in range(min(MAX_MARKER_WORDS, n - i), 0, -1):
            marker = markers.get(tuple(keys[i : i + size]))
            if marker is not None:
                break
        else:
            break
        canonical, kind, fits = marker
        if kind in found:
            break
        if canonical == "Pol." and absorbs:
            found[kind] = ""
        elif services & fits:
            services = services & fits
            found[kind] = canonical
        else:
            break
        i += size
    parts = [base, *(found[k] for k in sorted(found) if found[k])]
    return " ".join(parts), i


@cache
def _spaced_ranks() -> dict[str, str]:
    return {" ".join(keys): entry[0] for keys, entry in _rank_index().items()}


def near_ranks(text: str) -> list[str]:
    """Pangkat terdekat (canonical ranks one typing slip from ``text``, for "did you mean").

    The slip is in the base rank; what follows it must be a marker that fits it.

    >>> near_ranks("Kombess Pol"), near_ranks("Brigjenn")
    (['Kombes Pol.'], ['Brigjen'])
    """
    words = text.split()
    if len(text) > _MAX_TYPO or not words:
        return []
    spaced = _spaced_ranks()
    found: dict[str, None] = {}
    for n in range(1, min(MAX_RANK_WORDS, len(words)) + 1):
        head = " ".join(_key(w) for w in words[:n])
        if len(head) < 3:
            continue
        rest = " ".join(words[n:])
        for variant in sorted(edits1(head)):
            base = spaced.get(variant)
            if base is not None:
                full = canonical_rank(f"{base} {rest}") if rest else base
                if full is not None:
                    found.setdefault(full, None)
    return list(found)[:5]


_MAX_TYPO: Final = 40  # longer than every rank printed


@lru_cache(maxsize=2048)
def canonical_rank(text: str) -> str | None:
    """Canonical form of a whole rank text (``"Irjen Pol"`` -> ``"Irjen Pol."``), or None."""
    keys = [_key(word) for word in text.replace("(", " (").split()]
    if not keys:
        return None
    hit = match_rank(keys, 0)
    if hit is None or hit[1] != len(keys):
        return None
    return hit[0]
