"""Every agency of the SPBE 2023 and 2024 evaluations resolves (real KemenPANRB table).

The table is outside reference data (``reference/spbe/spbe_2023_2024.csv``): names as
printed in the reports. Each row must resolve, as of the end of its evaluation year, to
exactly one agency of the right kind; local governments to the region whose name is
the printed one.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from adminnet import agencies, regions
from adminnet.errors import UnknownEntity
from adminnet.model.agency import Agency, AgencyKind

# Which agency kinds each group of the report may hold.
GROUP_KINDS = {
    "Kementerian": {AgencyKind.KEMENTERIAN},
    "Lembaga Pemerintah Non Kementerian (LPNK)": {AgencyKind.LEMBAGA_PEMERINTAH_NONKEMENTERIAN},
    "Alat Negara": {AgencyKind.ALAT_NEGARA},
    "Sekretariat Kabinet": {AgencyKind.LEMBAGA_PEMERINTAH_LAINNYA},
    "Sekretariat Jenderal Lembaga Negara": {
        AgencyKind.LEMBAGA_NEGARA,
        AgencyKind.SEKRETARIAT_LEMBAGA,
        AgencyKind.ALAT_NEGARA,  # Kejaksaan Agung, listed here in 2024
    },
    "Lembaga Pemerintah Lainnya": {AgencyKind.LEMBAGA_PEMERINTAH_LAINNYA},
    "Instansi lainnya": {AgencyKind.LEMBAGA_PEMERINTAH_LAINNYA},
    "Lembaga Penyiaran Publik": {AgencyKind.LEMBAGA_PENYIARAN_PUBLIK},
    "Lembaga Non Struktural (LNS)": {
        AgencyKind.LEMBAGA_NONSTRUKTURAL,
        AgencyKind.SEKRETARIAT_LEMBAGA,
    },
}
LOCAL_KINDS = {
    "provinsi": AgencyKind.PEMERINTAH_PROVINSI,
    "kabupaten": AgencyKind.PEMERINTAH_KABUPATEN,
    "kota": AgencyKind.PEMERINTAH_KOTA,
}
# The test's own reading of printed province abbreviations (independent of the code).
PRINTED_PROVINCES = {
    "ntb": "nusatenggarabarat",
    "ntt": "nusatenggaratimur",
    "dkijakarta": "daerahkhususibukotajakarta",
    "diyogyakarta": "daerahistimewayogyakarta",
    "aceh": "aceh",
}


def _rows(reference_dir: Path) -> list[dict[str, str]]:
    path = reference_dir / "spbe" / "spbe_2023_2024.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    text = re.sub(r"\bkep\.\s*", "kepulauan ", text)
    text = re.sub(r"\bsel\.", "selatan", text)
    return re.sub(r"[^a-z]", "", text)


def _printed_region_name(instansi: str) -> str:
    """The region part of a printed local government name, squashed."""
    name = re.sub(r"^Pemerintah\s+(Provinsi\s+|Kab\.\s+|Kota\s+)?", "", instansi)
    plain = _plain(name)
    return PRINTED_PROVINCES.get(plain, plain)


@pytest.fixture(scope="module")
def resolved(reference_dir: Path) -> list[tuple[dict[str, str], Agency]]:
    out = []
    for row in _rows(reference_dir):
        agency = agencies.resolve(row["instansi"], as_of=f"{row['year']}-12-31")
        out.append((row, agency))
    return out


def test_row_counts(reference_dir: Path) -> None:
    """The table has the documented 621 + 615 rows and 92 central rows a year."""
    counts = Counter((r["year"], r["kind"]) for r in _rows(reference_dir))
    assert counts[("2023", "pusat")] == 92
    assert counts[("2024", "pusat")] == 92
    assert sum(v for (y, _), v in counts.items() if y == "2023") == 621
    assert sum(v for (y, _), v in counts.items() if y == "2024") == 615


def test_every_row_resolves(reference_dir: Path) -> None:
    """100 % of the rows resolve: none ambiguous, none unknown."""
    failures = []
    for row in _rows(reference_dir):
        try:
            agencies.resolve(row["instansi"], as_of=f"{row['year']}-12-31")
        except UnknownEntity as exc:  # AmbiguousName included
            failures.append(f"{row['year']} {row['instansi']}: {exc}")
    assert failures == []


def test_central_rows_have_central_kinds(
    resolved: list[tuple[dict[str, str], Agency]],
) -> None:
    """Each instansi pusat resolves to a catalog agency of a kind its group allows."""
    for row, agency in resolved:
        if row["kind"] != "pusat":
            continue
        assert agency.kind.is_central, row["instansi"]
        assert agency.kind in GROUP_KINDS[row["group"]], (row["instansi"], agency.kind)
        assert agencies.get(agency.id) == agency


def test_local_rows_resolve_to_their_regions(
    resolved: list[tuple[dict[str, str], Agency]],
) -> None:
    """Each local row gives the government of the right kind, on the printed region."""
    for row, agency in resolved:
        if row["kind"] == "pusat":
            continue
        assert agency.kind is LOCAL_KINDS[row["kind"]], row["instansi"]
        assert agency.region_code is not None
        region = regions.get(agency.region_code, as_of=f"{row['year']}-12-31")
        assert region is not None, row["instansi"]
        assert region.is_autonomous
        printed = _printed_region_name(row["instansi"])
        registry = _plain(region.name)
        assert printed in {registry, registry.removeprefix("kepulauan")}, (
            row["instansi"],
            region.name,
        )


def test_one_row_per_agency_per_year(
    resolved: list[tuple[dict[str, str], Agency]],
) -> None:
    """No two rows of one year resolve to the same agency."""
    per_year = Counter((row["year"], agency.id) for row, agency in resolved)
    assert [key for key, n in per_year.items() if n > 1] == []


def test_names_change_but_agencies_stay(
    resolved: list[tuple[dict[str, str], Agency]],
) -> None:
    """Rows printed differently in 2023 and 2024 join on the agency id."""
    ids = {(row["year"], row["instansi"]): agency.id for row, agency in resolved}
    assert (
        ids[("2023", "Pemerintah Provinsi NTB")]
        == ids[("2024", "Pemerintah Provinsi Nusa Tenggara Barat")]
    )
    assert (
        ids[("2023", "Kementerian Koordinator Bidang Kemaritiman")]
        == ids[("2024", "Kementerian Koordinator Bidang Kemaritiman dan Investasi")]
    )
    assert ids[("2024", "Kementerian Komunikasi dan Informatika")] == "komdigi"
    assert ids[("2024", "Kementerian Desa, Pembangunan Daerah Tertinggal dan Transmigrasi")] == (
        "kemendes-pdtt"
    )
    assert ids[("2023", "Komisi Yudisial")] == "ky"
    assert ids[("2024", "Sekretariat Jenderal Komisi Yudisial")] == "sekretariat-ky"
    central = {aid for (_, _), aid in ids.items() if not aid.startswith("pem")}
    assert len(central) == 111
