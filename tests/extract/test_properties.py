"""Properties of extract on arbitrary text: no foreign error, exact spans, determinism,
a valid draft, linear time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from adminnet import rules
from adminnet.errors import AdminnetError
from adminnet.extract import extract
from fuzz.growth import assert_linear

from .sample_texts import INAUGURATION, SIGNING

# Words the rules react to, so that random text exercises them, not only the tokenizer.
VOCABULARY = (
    "Kepala",
    "LAN",
    "Menteri",
    "PANRB",
    "Pj.",
    "Penjabat",
    "Plt",
    "Bupati",
    "Walikota",
    "Wali",
    "Kota",
    "Kabupaten",
    "Ambon",
    "Bogor",
    "Pemerintah",
    "Universitas",
    "Rektor",
    "Dr.",
    "Ir.",
    "M.Si",
    "Adi",
    "Suryanto",
    "Budi",
    "Santoso",
    "Andi",
    "Andy",
    "Bayuaji",
    "Kamis",
    "(16/3)",
    "(31/2)",
    "16",
    "Maret",
    "2017",
    "sejak",
    "pada",
    "pukul",
    "10.00",
    "WIB",
    "di",
    "Gedung",
    "Hotel",
    ",",
    ".",
    "(",
    ")",
    "/",
    "dan",
    "serta",
    "oleh",
    "disaksikan",
    "dipimpin",
    "melantik",
    "dilantik",
    "sebagai",
    "menjadi",
    "selaku",
    "atas",
    "nama",
    "MoU",
    "PKS",
    "kerja",
    "sama",
    "penandatanganan",
    "pelantikan",
    "4.000.0500",
    "64",
    "persen",
    "Indeks",
    "SPBE",
    "3,21",
    "Rp",
    "\n\n",
    "para",
    "sejumlah",
    "hadir",
    "Hadirnya",
    "Dinas",
    "Kesehatan",
    "Sulteng",
    "Kejaksaan",
    "Negeri",
    "Kotawaringin",
    "Barat",
    "(Kobar)",
    "Kobar",
    "dengan",
    "Hj.",
    "Sekda",
    "(Pj)",
    "Nota",
    "Kesepakatan",
    "bekerja",
    "KKT.",
)

TEXT_CLAIMS = frozenset({"TEN002"})

word_soup = st.lists(st.sampled_from(VOCABULARY), max_size=80).map(" ".join)
any_text = st.one_of(st.text(max_size=400), word_soup)
published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def check(text: str, pub: str | None) -> None:
    try:
        x = extract(text, published=pub)
    except AdminnetError:
        return  # e.g. a published day the registries refuse
    for m in x.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert 0 < m.confidence <= 1
    ds = x.to_dataset()
    report = rules.check(ds, at=pub)
    # The draft keeps what the text claims; only TEN002 (a Pj./Pjs. printed before a
    # title that is no regional head's) judges the text itself. Any other error is
    # the extractor's own mistake in assembling the draft.
    wrong = [v for v in report.errors if v.code not in TEXT_CLAIMS]
    assert not wrong, report.to_text()


@given(any_text, published)
def test_arbitrary_text(text: str, pub: str | None) -> None:
    check(text, pub)


@given(word_soup)
def test_deterministic(text: str) -> None:
    a = extract(text, published="2020-02-02")
    b = extract(text, published="2020-02-02")
    assert a.mentions == b.mentions
    assert [m.error and m.error.code for m in a.mentions] == [
        m.error and m.error.code for m in b.mentions
    ]
    assert a.to_dataset() == b.to_dataset()
    assert a.notes == b.notes


def test_one_megabyte() -> None:
    """About 1 MB of text mixing the rule words and the sample articles: exact spans."""
    import random

    rng = random.Random(2017)
    parts = [rng.choice(VOCABULARY) for _ in range(4_000)] + [SIGNING, INAUGURATION]
    text = " ".join(parts)
    text = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    x = extract(text, published="2017-03-16")
    assert len(x.mentions) > 10_000
    assert all(text[m.start : m.end] == m.text for m in x.mentions)
    assert not rules.check(x.to_dataset(), at="2017-03-16").errors


def test_linear_time() -> None:
    """Time grows like the length: 10x the text takes well under 100x the time.

    The bound is 50x (linear is 10x, quadratic 100x), as in the registries' tests: the
    machine is shared and small inputs are noisy.
    """
    base = (SIGNING + "\n\n" + INAUGURATION + "\n\n") * 3
    extract(base[:1_000], published="2017-03-16")  # load the registries
    assert_linear(
        lambda text: extract(text, published="2017-03-16"),
        lambda n: (base * (n // len(base) + 1))[:n],
        step=50,
    )
