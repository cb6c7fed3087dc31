"""Private data of :mod:`adminnet.text.positions`: capacity markers, role words, unit words.

Every entry is a sequence of folded words (lower case, no dots) with what it means.
The role values are the values of :class:`adminnet.model.position.Role` (the text layer
cannot import the model; a test checks that every value here is a member).

Sources: the full forms from the laws that create the posts; each abbreviation as
confirmed in print, on the page named below it.

- Capacities: Pj. (penjabat) UU 10/2016 Pasal 201 and UU 23/2014 Pasal 86; Pjs.
  (penjabat sementara) Permendagri 1/2018 (cuti di luar tanggungan negara); Plt. and
  Plh. UU 30/2014 Pasal 14 and UU 23/2014 Pasal 65(5)-(6). The four side by side:
  https://pontianak.tribunnews.com/amp/2024/05/21/pengertian-plt-pjs-pj-dan-plh-kepala-daerah-lengkap-tugas-dan-dasar-hukumnya?page=2
  "Pejabat" printed for "Penjabat" ("Tiga pejabat bupati yang dilantik"):
  https://madukara.com/lantik-3-pejabat-bupati-ini-pesan-gubernur-lampung/
- Kementerian posts (menteri, wakil menteri, sekretaris jenderal / sekretaris
  kementerian, direktur jenderal, inspektur jenderal, deputi, staf ahli, staf khusus
  menteri): UU 39/2008 and Perpres 68/2019 (organisasi kementerian negara). "Sekjen", "Plt Dirjen":
  https://www.beritasatu.com/nasional/845615/suhajar-diantoro-ditunjuk-jadi-plt-sekjen-kemendagri
  "Irjen Kemendagri" (the Inspektur Jenderal, not the police rank):
  https://pantaubali.com/2025/02/11/jelang-akhiri-masa-jabatan-pj-gubernur-bali-mahendra-jaya-dilantik-jadi-irjen-kemendagri
  "Direktur Jenderal (Dirjen) ...":
  http://binapemdes.kemendagri.go.id/blog/detil/11_pejabat_eselon_satu_kemendagri_resmi_bertugas
  "Sesmen", "Sekjen Kemendes", "Menteri PANRB": the seed article (seed/lan-mou-2017.txt).
- Kepala daerah and wakil (gubernur, bupati, wali kota), sekretaris daerah: UU
  23/2014 Pasal 59, 63 and 213. "Wabup":
  https://radarbengkulu.disway.id/amp/314077/sebelum-dilantik-tujuh-bupati-dan-wakil-jalani-rapid-test-antigen
  "Pj Wako":
  https://radarsumbar.com/sumbar/86156/sekda-sumbar-mendagri-lantik-pj-wako-pariaman-padangpanjang-12-oktober-2023/amp
  "Sekda", "Plh Sekda":
  https://www.radarbumiraflesia.com/2025/05/pemkab-mukomuko-tunjuk-marjohan-sebagai.html
  "Sekdakab", "Kadis Kominfo":
  https://beritaminang.com/berita/9136/sekdakab-zefnihan-ditunjuk-jadi-plh-bupati-sijunjung.html
  "Sekdaprov":
  https://hariankepri.com/berat-tugas-sendirian-jenderal-purn-tito-tunjuk-suhajar-jadi-plt-sekjen-kemendagri/amp
- Perangkat daerah (dinas, badan, biro, bagian, bidang, asisten, staf ahli, inspektur,
  kecamatan): PP 18/2016. "Kadis", "Karo":
  https://warta9.com/minggu-gubernur-lampung-arinal-djunaidi-lantik-3-penjabat-bupati/
  "Kabag":
  https://radarkotabumi.co.id/read/2020/11/02/gubernur-lampung-lantik-bupati-lampura
- Camat: PP 17/2018 (the kepala distrik heads a distrik, the kecamatan of Papua: UU
  21/2001 and PP 17/2018 Pasal 1); lurah: PP 73/2005; kepala desa: UU 6/2014. "Kades":
  https://jateng.garudacitizen.com/menjelang-pilkades-warga-desa-suwidak-nanggap-kuda-kepang/

Forms not confirmed in print above (Wamen, Sestama, Wagub, Wawali, Wawako, Kaban,
Kabid, Dirut, Walkot, Sekdako) are the abbreviations of the same words by the same
pattern; each is a role word only at the start of a phrase.
"""

from __future__ import annotations

from typing import Final

# ----------------------------------------------------------------------------------
# Capacity markers (folded words -> capacity value). "pejabat" is a marker only
# before a title that can be held by a penjabat (see ACTING_TITLES).
# ----------------------------------------------------------------------------------

CAPACITY_WORDS: Final[dict[tuple[str, ...], str]] = {
    ("penjabat", "sementara"): "penjabat_sementara",
    ("pjs",): "penjabat_sementara",
    ("penjabat",): "penjabat",
    ("pj",): "penjabat",
    ("pelaksana", "tugas"): "pelaksana_tugas",
    ("plt",): "pelaksana_tugas",
    ("pelaksana", "harian"): "pelaksana_harian",
    ("plh",): "pelaksana_harian",
}

PRESS_PENJABAT: Final = "pejabat"
"""The press's "Pejabat Bupati" for "Penjabat Bupati"."""

ACTING_TITLES: Final = frozenset(
    {"gubernur", "bupati", "wali_kota", "sekretaris_daerah", "kepala_desa", "kepala_daerah"}
)
"""Roles a Pj. may hold: the kepala daerah, the sekretaris daerah, the kepala desa."""

# ----------------------------------------------------------------------------------
# Role words. Value: (role, unit kind, place level implied, title). The unit kind is the
# word the role's unit is named with ("Dinas" after "Kadis": the words after it name a
# dinas); the title is how the role is written out in a formal title ("Kepala" for
# Kadis: "Kepala Dinas Kominfo"). The head of a unit is the role "kepala", the unit
# naming its kind; posts the model has no role for are "other", their title kept.
# ----------------------------------------------------------------------------------

RoleEntry = tuple[str, str, str, str]

ROLE_WORDS: Final[dict[tuple[str, ...], RoleEntry]] = {
    # Kementerian
    ("menteri",): ("menteri", "", "", "Menteri"),
    ("wakil", "menteri"): ("wakil_menteri", "", "", "Wakil Menteri"),
    ("wamen",): ("wakil_menteri", "", "", "Wakil Menteri"),
    ("sekretaris", "kementerian"): ("sekretaris_kementerian", "", "", "Sekretaris Kementerian"),
    ("sesmen",): ("sekretaris_kementerian", "", "", "Sekretaris Kementerian"),
    ("sekretaris", "jenderal"): ("sekretaris_jenderal", "", "", "Sekretaris Jenderal"),
    ("sekjen",): ("sekretaris_jenderal", "", "", "Sekretaris Jenderal"),
    ("sekretaris", "utama"): ("sekretaris_utama", "", "", "Sekretaris Utama"),
    ("sestama",): ("sekretaris_utama", "", "", "Sekretaris Utama"),
    ("direktur", "jenderal"): (
        "direktur_jenderal",
        "Direktorat Jenderal",
        "",
        "Direktur Jenderal",
    ),
    ("dirjen",): ("direktur_jenderal", "Direktorat Jenderal", "", "Direktur Jenderal"),
    ("inspektur", "jenderal"): (
        "inspektur_jenderal",
        "Inspektorat Jenderal",
        "",
        "Inspektur Jenderal",
    ),
    ("irjen",): ("inspektur_jenderal", "Inspektorat Jenderal", "", "Inspektur Jenderal"),
    ("deputi",): ("deputi", "Deputi", "", "Deputi"),
    ("direktur", "utama"): ("other", "", "", "Direktur Utama"),
    ("dirut",): ("other", "", "", "Direktur Utama"),
    ("direktur",): ("direktur", "Direktorat", "", "Direktur"),
    ("staf", "ahli"): ("other", "Staf Ahli", "", "Staf Ahli"),
    ("staf", "khusus"): ("other", "Staf Khusus", "", "Staf Khusus"),
    ("inspektur",): ("kepala", "Inspektorat", "", "Inspektur"),
    # Heads of agencies and units
    ("kepala",): ("kepala", "", "", "Kepala"),
    ("ka",): ("kepala", "", "", "Kepala"),
    ("wakil", "kepala"): ("other", "", "", "Wakil Kepala"),
    ("kepala", "dinas"): ("kepala", "Dinas", "", "Kepala"),
    ("kadis",): ("kepala", "Dinas", "", "Kepala"),
    ("kepala", "badan"): ("kepala", "Badan", "", "Kepala"),
    ("kaban",): ("kepala", "Badan", "", "Kepala"),
    ("kepala", "biro"): ("kepala", "Biro", "", "Kepala"),
    ("karo",): ("kepala", "Biro", "", "Kepala"),
    ("kepala", "bagian"): ("kepala", "Bagian", "", "Kepala"),
    ("kabag",): ("kepala", "Bagian", "", "Kepala"),
    ("kepala", "bidang"): ("kepala", "Bidang", "", "Kepala"),
    ("kabid",): ("kepala", "Bidang", "", "Kepala"),
    ("asisten",): ("asisten", "Asisten", "", "Asisten"),
    ("sekretaris",): ("other", "", "", "Sekretaris"),
    ("ketua",): ("ketua", "", "", "Ketua"),
    ("wakil", "ketua"): ("other", "", "", "Wakil Ketua"),
    ("rektor",): ("rektor", "", "", "Rektor"),
    # Regional heads and their deputies, sekretaris daerah
    ("gubernur",): ("gubernur", "", "provinsi", "Gubernur"),
    ("wakil", "gubernur"): ("wakil_gubernur", "", "provinsi", "Wakil Gubernur"),
    ("wagub",): ("wakil_gubernur", "", "provinsi", "Wakil Gubernur"),
    ("bupati",): ("bupati", "", "kabupaten", "Bupati"),
    ("wakil", "bupati"): ("wakil_bupati", "", "kabupaten", "Wakil Bupati"),
    ("wabup",): ("wakil_bupati", "", "kabupaten", "Wakil Bupati"),
    ("wali", "kota"): ("wali_kota", "", "kota", "Wali Kota"),
    ("walikota",): ("wali_kota", "", "kota", "Wali Kota"),
    ("wako",): ("wali_kota", "", "kota", "Wali Kota"),
    ("walkot",): ("wali_kota", "", "kota", "Wali Kota"),
    ("wakil", "wali", "kota"): ("wakil_wali_kota", "", "kota", "Wakil Wali Kota"),
    ("wakil", "walikota"): ("wakil_wali_kota", "", "kota", "Wakil Wali Kota"),
    ("wawali",): ("wakil_wali_kota", "", "kota", "Wakil Wali Kota"),
    ("wawako",): ("wakil_wali_kota", "", "kota", "Wakil Wali Kota"),
    ("sekretaris", "daerah"): ("sekretaris_daerah", "", "", "Sekretaris Daerah"),
    ("sekda",): ("sekretaris_daerah", "", "", "Sekretaris Daerah"),
    ("sekdaprov",): ("sekretaris_daerah", "", "provinsi", "Sekretaris Daerah"),
    ("sekdakab",): ("sekretaris_daerah", "", "kabupaten", "Sekretaris Daerah"),
    ("sekdakot",): ("sekretaris_daerah", "", "kota", "Sekretaris Daerah"),
    ("sekdako",): ("sekretaris_daerah", "", "kota", "Sekretaris Daerah"),
    ("camat",): ("camat", "", "kecamatan", "Camat"),
    # a distrik is the kecamatan of Papua
    ("kepala", "distrik"): ("camat", "", "kecamatan", "Kepala Distrik"),
    ("lurah",): ("lurah", "", "kelurahan", "Lurah"),
    ("kepala", "desa"): ("kepala_desa", "", "desa", "Kepala Desa"),
    ("kades",): ("kepala_desa", "", "desa", "Kepala Desa"),
}

TITLE_UNITS: Final[dict[str, str]] = {
    "Direktur Jenderal": "Direktorat Jenderal",
    "Inspektur Jenderal": "Inspektorat Jenderal",
    "Direktur": "Direktorat",
    "Inspektur": "Inspektorat",
    "Deputi": "Deputi",
    "Asisten": "Asisten",
    "Staf Ahli": "Staf Ahli",
    "Staf Khusus": "Staf Khusus",
}
"""Titles that already say their unit's kind (a Direktur Jenderal heads a Direktorat
Jenderal): a formal title names the unit without it ("Direktur Jenderal Dukcapil")."""

GENERIC_WORDS: Final[dict[tuple[str, ...], RoleEntry]] = {
    ("kepala", "daerah"): ("kepala_daerah", "", "", ""),
    ("wakil", "kepala", "daerah"): ("wakil_kepala_daerah", "", "", ""),
}
"""Kinds of post (UU 23/2014 Pasal 59): a kepala daerah is the gubernur, bupati or wali
kota of the region the phrase names; without a region the phrase names no one post."""

GENERIC_BY_LEVEL: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "kepala_daerah": {
        "provinsi": ("gubernur", "Gubernur"),
        "kabupaten": ("bupati", "Bupati"),
        "kota": ("wali_kota", "Wali Kota"),
    },
    "wakil_kepala_daerah": {
        "provinsi": ("wakil_gubernur", "Wakil Gubernur"),
        "kabupaten": ("wakil_bupati", "Wakil Bupati"),
        "kota": ("wakil_wali_kota", "Wakil Wali Kota"),
    },
}

LONGEST_ROLE: Final = max(len(k) for k in (*ROLE_WORDS, *GENERIC_WORDS))
LONGEST_CAPACITY: Final = max(len(k) for k in CAPACITY_WORDS)

RANK_CORPS: Final = frozenset({"pol", "polisi", "tni"})
"""Words after "Irjen" that make it the police/military rank, not a post."""

# ----------------------------------------------------------------------------------
# Place cues: words that open the place of a phrase, with the level they name.
# ----------------------------------------------------------------------------------

LEVEL_WORDS: Final[dict[tuple[str, ...], str]] = {
    ("provinsi",): "provinsi",
    ("propinsi",): "provinsi",
    ("prov",): "provinsi",
    ("kabupaten",): "kabupaten",
    ("kab",): "kabupaten",
    ("kota",): "kota",
    ("kecamatan",): "kecamatan",
    ("kec",): "kecamatan",
    ("distrik",): "kecamatan",
    ("kelurahan",): "kelurahan",
    ("kel",): "kelurahan",
    ("desa",): "desa",
    ("pemprov",): "provinsi",
    ("pemkab",): "kabupaten",
    ("pemkot",): "kota",
    ("pemko",): "kota",
    ("pemerintah", "provinsi"): "provinsi",
    ("pemerintah", "kabupaten"): "kabupaten",
    ("pemerintah", "kota"): "kota",
    ("pemerintah", "daerah", "provinsi"): "provinsi",
    ("pemerintah", "daerah", "kabupaten"): "kabupaten",
    ("pemerintah", "daerah", "kota"): "kota",
}

# Secretariat words that may sit between a unit and its place ("Biro Organisasi Setda
# Prov. Kalteng"); they open the unit's parent, not the place.
SECRETARIAT_WORDS: Final[dict[tuple[str, ...], str]] = {
    ("setda",): "Sekretariat Daerah",
    ("sekretariat", "daerah"): "Sekretariat Daerah",
    ("setdaprov",): "Sekretariat Daerah",
    ("setdakab",): "Sekretariat Daerah",
    ("setdako",): "Sekretariat Daerah",
    ("setjen",): "Sekretariat Jenderal",
    ("sekretariat", "jenderal"): "Sekretariat Jenderal",
}

AGENCY_LEAD_WORDS: Final = frozenset({"kementerian", "kementrian", "departemen"})
"""Words that open the name of a ministry: the place of the phrase starts there."""

AGENCY_PREFIXES: Final = ("kemen", "kemn", "kementr")
"""Word beginnings of ministry short forms (Kemendagri, KemenPANRB, Kemnaker)."""

DINAS_PREFIXES: Final = ("dis", "din")
"""Word beginnings of the short forms of a dinas (Diskominfo, Disdik, Dinkes)."""

HEAD_GLUE: Final = "ka"
""""Ka" (Kepala) printed glued to a dinas short form: "Kadisbun" (Kepala Disbun), "Kadinkes"
(Kepala Dinkes), "Kadisdik" (Kepala Disdik): koranmadura.com/2017/05/ini-pertimbangan-bupati-
syafii-tetapkan-kadisdik-baru ("kepala dinas pendidikan (kadisdik)"). "Kadin" alone (the
chamber of commerce) is too short to be read so."""

NOT_DINAS: Final = frozenset({"distrik", "dinas", "direktorat", "dinamika"})
