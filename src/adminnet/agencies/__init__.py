"""Katalog instansi (the agency catalog, and the governments of the autonomous regions).

Central agencies (kementerian, LPNK, state bodies and their secretariats, LNS, ...)
come from a small cited catalog shipped with adminnet, with their names over time;
local governments (Pemerintah Provinsi/Kabupaten/Kota) are made on demand from the
region registry, :mod:`adminnet.regions`. Nothing is read at import time: the catalog
loads on first use, under a lock, and its indexes are built once.

>>> from adminnet import agencies
>>> agencies.get("lan").name
'Lembaga Administrasi Negara'
>>> agencies.lookup("Kominfo").id
'komdigi'
>>> agencies.lookup("komdigi").name_at("2017-03-16")
'Kementerian Komunikasi dan Informatika'
>>> agencies.local_government("81.71").name
'Pemerintah Kota Ambon'
>>> agencies.resolve("Pemkot Ambon").id
'pemkot-8171'
>>> agencies.resolve("Kementerian PPN/Bappenas").id
'bappenas'
>>> agencies.resolve("Kemendes", as_of="2020-01-01").id, agencies.resolve("Kemendes").id
('kemendes-pdtt', 'kemendes-pdt')
>>> agencies.resolve("Bogor")
Traceback (most recent call last):
adminnet.errors.AmbiguousName: 'Bogor' names several agencies: pemkab-3201, pemkot-3271
>>> agencies.resolve("Lembaga Administrasi Negara Republik Indonesia (LAN RI)").id
'lan'
>>> m = agencies.resolve_unit("Setjen Kemendagri")
>>> m.agency.id, m.unit
('kemendagri', 'Sekretariat Jenderal')

Local government ids are ``pemprov-PP``, ``pemkab-PPKK`` and ``pemkot-PPKK`` with the
compact region code (``pemkot-8171``). Acronyms and former names stay attached to the
agency that bore them: ``"Kominfo"`` resolves to ``komdigi`` on any date, and
``as_of`` only chooses between agencies that bore the same name at different times.

Structure: ``_names`` (the central catalog, its name keys and indexes), ``_local``
(local governments, from :mod:`adminnet.regions`: region names and printed
abbreviations come from its one index through :func:`adminnet.regions.holders`),
``_resolve`` (get, lookup, resolve, search, all), ``_units`` (units of agencies:
:func:`resolve_unit`). Names are folded by :mod:`adminnet.text.folding`.
"""

from __future__ import annotations

from typing import Final

from adminnet.agencies import _local, _names, _resolve, _units  # noqa: F401  (tests patch them)
from adminnet.agencies._local import local_government
from adminnet.agencies._resolve import all, get, lookup, resolve, search
from adminnet.agencies._units import AgencyMatch, resolve_unit

__all__ = [  # noqa: RUF022 (plainly sorted, as tests/test_packaging.py wants)
    "AgencyMatch",
    "PROVINCE_ALIASES",
    "all",
    "get",
    "local_government",
    "lookup",
    "resolve",
    "resolve_unit",
    "search",
]

PROVINCE_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "dki": ("Daerah Khusus Ibukota Jakarta", "DKI Jakarta"),
    "dki jakarta": ("Daerah Khusus Ibukota Jakarta", "DKI Jakarta"),
    "jakarta": ("Daerah Khusus Ibukota Jakarta", "DKI Jakarta"),
    "daerah khusus jakarta": ("Daerah Khusus Ibukota Jakarta", "DKI Jakarta"),
    "diy": ("Daerah Istimewa Yogyakarta", "DI Yogyakarta"),
    "di yogyakarta": ("Daerah Istimewa Yogyakarta", "DI Yogyakarta"),
    "ntb": ("Nusa Tenggara Barat",),
    "ntt": ("Nusa Tenggara Timur",),
    "babel": ("Kepulauan Bangka Belitung",),
    "bangka belitung": ("Kepulauan Bangka Belitung",),
    "kepri": ("Kepulauan Riau",),
    "sumut": ("Sumatera Utara",),
    "sumbar": ("Sumatera Barat",),
    "sumsel": ("Sumatera Selatan",),
    "jabar": ("Jawa Barat",),
    "jateng": ("Jawa Tengah",),
    "jatim": ("Jawa Timur",),
    "kalbar": ("Kalimantan Barat",),
    "kalteng": ("Kalimantan Tengah",),
    "kalsel": ("Kalimantan Selatan",),
    "kaltim": ("Kalimantan Timur",),
    "kaltara": ("Kalimantan Utara",),
    "sulut": ("Sulawesi Utara",),
    "sulteng": ("Sulawesi Tengah",),
    "sulsel": ("Sulawesi Selatan",),
    "sultra": ("Sulawesi Tenggara",),
    "sulbar": ("Sulawesi Barat",),
    "malut": ("Maluku Utara",),
}
"""Singkatan nama provinsi (abbreviated province names as printed in official tables).

Keys are normalised (lower case, single spaces); values are the names they stand for,
looked up in the region registry (several when the registry's wording changed). Kept
for compatibility: resolution reads the region registry's cited abbreviations
(``scripts/sources/region_aliases.toml``), and a test checks that this table agrees.
"""
