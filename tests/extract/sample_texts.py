"""Small texts written for these tests (no copy of any article), one per pattern."""

from __future__ import annotations

SIGNING = (
    "Pemerintah Kabupaten Pringsewu dan Universitas Muhammadiyah Pringsewu menandatangani"
    " nota kesepahaman tentang pengembangan kompetensi aparatur, Senin (12/6) pukul 10.00"
    " WIB di Aula Kantor Bupati Pringsewu. Nota kesepahaman itu ditandatangani oleh Bupati"
    " Pringsewu Sujadi dan Rektor Universitas Muhammadiyah Pringsewu, Dr. Andi Wijaya, M.Pd."
    " Andy Wijaya mengatakan kerja sama ini mencakup bidang pendidikan tinggi."
)

INAUGURATION = (
    "Gubernur Lampung Arinal Djunaidi melantik Drs. Marindo Kurniawan, M.M. sebagai"
    " Penjabat Bupati Tulang Bawang Barat di Gedung Balai Keratun, Bandar Lampung, Rabu"
    " (22/5/2024). Indrata Nur Bayu Aji dilantik menjadi Pj. Wali Kota Metro pada"
    " kesempatan yang sama. Bayuaji berjanji menuntaskan program yang berjalan."
)
