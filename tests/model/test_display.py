"""How entities show themselves: str(), repr(dataset) and _repr_html_ (issue #20 item 5)."""

from __future__ import annotations

import html
import subprocess
import sys
from html.parser import HTMLParser

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import adminnet
from adminnet import regions, strategies
from adminnet.examples import lan_mou_2017
from adminnet.model.agency import Agency
from adminnet.model.dataset import COLLECTIONS, Dataset
from adminnet.model.digital import SPBE_INDEX, Measurement
from adminnet.model.person import Person
from adminnet.model.position import Tenure
from adminnet.time import Period

DS = lan_mou_2017()


def test_str_is_the_formal_name_the_label_or_the_code() -> None:
    ambon = regions.get("81.71")
    assert ambon is not None
    assert str(ambon) == "81.71 Kota Ambon"
    assert str(regions.get("81.71.01.1006")) == "81.71.01.1006 Kelurahan Nusaniwe"
    assert str(DS.person("frans-papilaya")) == "Ir. Frans J. Papilaya, M.Si."
    assert str(DS.agency("lan")) == "Lembaga Administrasi Negara (LAN)"
    assert str(DS.position("wali-kota-ambon")) == "Wali Kota Ambon"
    (tenure,) = DS.holders("wali-kota-ambon", "2017-03-16")
    assert str(tenure) == f"Pj. wali-kota-ambon: frans-papilaya ({tenure.period})"
    assert str(DS.events[0]).endswith("(2017-03-16)")
    assert str(DS.agreements[0]).startswith("Nota Kesepahaman ")
    assert str(SPBE_INDEX) == "Indeks SPBE"
    m = Measurement(indicator=SPBE_INDEX, value="2.79", on="2023")
    assert str(m) == "Indeks SPBE 2.79 (2023)"
    assert str(attrs.evolve(m, agency_id="lan")) == "Indeks SPBE 2.79 (2023, lan)"


def test_definitif_tenure_has_no_capacity_prefix() -> None:
    t = Tenure(id="t", person_id="p", position_id="kepala-lan", period=Period.parse("2015", None))
    assert str(t) == "kepala-lan: p (2015/..)"


def test_dataset_repr_counts_instead_of_printing() -> None:
    text = repr(DS)
    assert text == (
        "<Dataset: 24 entities (agencies 4, persons 5, positions 5, tenures 5,"
        " agreements 1, events 1, targets 1, measurements 2)>"
    )
    assert repr(Dataset()) == "<Dataset: empty>"


@given(strategies.datasets())
@settings(max_examples=10)
def test_repr_of_a_dataset_stays_short(ds: Dataset) -> None:
    # one "kind n" per collection at most: the size does not grow with the entities
    assert len(repr(ds)) <= 40 + sum(len(c.name) + 8 for c in COLLECTIONS)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Text:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return parser


def test_html_escapes_every_value() -> None:
    agency = Agency(id="x", name="Badan <script>alert(1)</script> & Co", kind="other")
    markup = agency._repr_html_()
    assert "<script>" not in markup
    parsed = _parse(markup)
    assert "script" not in parsed.tags
    assert set(parsed.tags) <= {"table", "caption", "tbody", "tr", "th", "td"}
    assert "Agency: Badan <script>alert(1)</script> & Co" in parsed.text


def test_html_shows_the_fields_that_are_set_with_labels() -> None:
    (tenure,) = DS.holders("wali-kota-ambon", "2017-03-16")
    text = _parse(tenure._repr_html_()).text
    assert "capacity" in text
    assert "Pj." in text  # the printed label, not the enum value
    person = Person(id="p", name="Budi")
    assert "nip" not in _parse(person._repr_html_()).text  # None fields are left out


@given(
    st.one_of(
        strategies.persons(),
        strategies.agencies(),
        strategies.positions(),
        strategies.tenures(),
        strategies.agreements(),
        strategies.measurements(),
        strategies.regions(),
    )
)
@settings(max_examples=60)
def test_every_entity_reads_in_one_line_and_in_html(entity: object) -> None:
    text = str(entity)
    assert text
    assert "\n" not in text
    assert not text.startswith(type(entity).__name__ + "(")  # not the repr
    markup = entity._repr_html_()  # type: ignore[attr-defined]
    assert html.escape(text) in markup
    assert _parse(markup).text[0] == f"{type(entity).__name__}: {text}"


def test_entity_classes_all_have_str_and_html() -> None:
    for name in adminnet.__all__:
        obj = getattr(adminnet, name)
        if not (isinstance(obj, type) and attrs.has(obj)) or name in {"Progress", "GradingScheme"}:
            continue
        if not obj.__module__.startswith("adminnet.model."):
            continue  # errors and time values have their own str()
        if name == "Dataset":
            assert "__repr__" in obj.__dict__
            assert "_repr_html_" in obj.__dict__
            continue
        assert "__str__" in obj.__dict__, name
        assert "_repr_html_" in obj.__dict__, name


def test_submodules_are_attributes_without_being_imported_first() -> None:
    code = (
        "import sys, adminnet\n"
        "assert 'adminnet.regions' not in sys.modules\n"
        "assert 'adminnet.model' not in sys.modules\n"
        "print(adminnet.regions.get('81.71').official_name, adminnet.extract.__name__,"
        " 'extract' in dir(adminnet))\n"
        "try:\n    adminnet.nonexistent\nexcept AttributeError as e:\n    print(e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines() == [
        "Kota Ambon adminnet.extract True",
        "module 'adminnet' has no attribute 'nonexistent'",
    ]
