"""The actionable errors in Bahasa Indonesia: allowed values and "did you mean" too."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from adminnet import agencies, regions
from adminnet._i18n import set_language
from adminnet.errors import AdminnetError
from adminnet.model.position import Capacity
from adminnet.positions import parse_position
from adminnet.text.names import PersonName
from adminnet.text.positions import parse_position_phrase


@pytest.fixture(autouse=True)
def _indonesian() -> Iterator[None]:
    set_language("id")
    yield
    set_language(None)


CASES: list[tuple[Callable[[], object], str]] = [
    (
        lambda: Capacity("acting"),
        "'acting' bukan Capacity (salah satu dari: definitif, penjabat (Pj.), "
        "penjabat_sementara (Pjs.), pelaksana_tugas (Plt.), pelaksana_harian (Plh.))",
    ),
    (
        lambda: regions.lookup("Kota Ambonn"),
        "tidak ada wilayah bernama 'Kota Ambonn' (mungkin maksud Anda: Kota Ambon (81.71)?)",
    ),
    (
        lambda: regions.lookup("Kota Ambonn", as_of="2010-01-01"),
        "tidak ada wilayah bernama 'Kota Ambonn' per 2010-01-01"
        " (mungkin maksud Anda: Kota Ambon (81.71)?)",
    ),
    (
        lambda: regions.lookup("Bogor", level=2),
        "nama wilayah 'Bogor' cocok dengan 2 wilayah: 32.01, 32.71",
    ),
    (
        lambda: agencies.resolve("Lembaga Administrasi Negra"),
        "tidak ada instansi bernama 'Lembaga Administrasi Negra'"
        " (mungkin maksud Anda: Lembaga Administrasi Negara (lan)?)",
    ),
    (
        lambda: parse_position("Bupati Bogorr"),
        "'Bupati Bogorr': tidak ada kabupaten bernama 'Bogorr'"
        " (mungkin maksud Anda: Kabupaten Bogor (32.01), Kota Bogor (32.71)?)",
    ),
    (
        lambda: parse_position_phrase("Gubenur Banten"),
        "'Gubenur Banten' tidak menyebut jabatan: tidak ada kata jabatan"
        " (mungkin maksud Anda: Gubernur?)",
    ),
    (
        lambda: PersonName(given="Budi", rank="Kombess Pol"),
        "PersonName.rank 'Kombess Pol' bukan pangkat TNI/Polri (mungkin maksud Anda: Kombes Pol.?)",
    ),
    (
        lambda: agencies.local_government("81.71.01"),
        "wilayah 81.71.01 (Kecamatan Nusaniwe) bukan daerah otonom dan tidak mempunyai"
        " pemerintahan sendiri; wilayah ini termasuk Pemerintah Kota Ambon (pemkot-8171)",
    ),
]


@pytest.mark.parametrize(("call", "expected"), CASES)
def test_message_in_indonesian(call: Callable[[], object], expected: str) -> None:
    with pytest.raises(AdminnetError) as info:
        call()
    assert str(info.value) == expected


@pytest.mark.parametrize(("call", "expected"), CASES)
def test_same_error_in_english_names_the_same_values(
    call: Callable[[], object], expected: str
) -> None:
    with pytest.raises(AdminnetError) as info:
        call()
    set_language("en")
    english = str(info.value)
    assert english != expected
    for value in info.value.params.values():
        assert str(value) in english
        assert str(value) in expected
