"""Unknown names come with "did you mean"; ambiguous and unknown have different codes.

Vectors in ``tests/vectors/did_you_mean.csv``: one typing slip in a real name of the
registries (regions, agencies), of a role word, a title or a pangkat, and the name it
must suggest, never take.
"""

from __future__ import annotations

import csv
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from adminnet import agencies, regions
from adminnet.errors import AdminnetError, AmbiguousName, UnknownEntity
from adminnet.positions import parse_position
from adminnet.text.names import PersonName
from adminnet.text.positions import parse_position_phrase

VECTORS = Path(__file__).parent / "vectors" / "did_you_mean.csv"


def _rows() -> list[list[str]]:
    with VECTORS.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(line for line in fh if not line.startswith("#")))


CALLS: dict[str, Callable[[str], object]] = {
    "region": regions.lookup,
    "agency": agencies.resolve,
    "agency_lookup": agencies.lookup,
    "position": parse_position,
    "role": parse_position_phrase,
    "title": lambda text: PersonName(given="Budi", suffixes=(text,)),
    "rank": lambda text: PersonName(given="Budi", rank=text),
}


@pytest.mark.parametrize(("kind", "text", "code", "first"), _rows())
def test_typo_suggests_the_real_name(kind: str, text: str, code: str, first: str) -> None:
    with pytest.raises(AdminnetError) as info:
        CALLS[kind](text)
    err = info.value
    assert err.code == code
    assert not isinstance(err, AmbiguousName)
    shown = str(err.params["candidates"])
    assert first in shown.split(", ")[0]
    assert "did you mean" in str(err)
    assert repr(text) in str(err)
    if isinstance(err, UnknownEntity):
        assert err.candidates[0] == first


def test_nothing_near_means_no_candidates() -> None:
    with pytest.raises(UnknownEntity) as info:
        regions.lookup("Qzxwvut")
    assert info.value.candidates == ()
    assert "candidates" not in info.value.params
    assert "did you mean" not in str(info.value)


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: regions.lookup("Bogor", level=2), "regions.ambiguous_name"),
        (lambda: agencies.resolve("Kementerian"), "agency.ambiguous"),
        (lambda: agencies.resolve("Kementerian Dalam Negeri (KPK)"), "agency.disagree"),
    ],
)
def test_ambiguous_is_another_code_with_every_fit(call: Callable[[], object], code: str) -> None:
    with pytest.raises(AmbiguousName) as info:
        call()
    assert info.value.code == code
    assert len(info.value.candidates) >= 2
    assert "unknown" not in info.value.code
    assert info.value.params["candidates"]


def test_candidates_are_searched_only_when_asked() -> None:
    calls: list[int] = []

    def near() -> tuple[list[str], str]:
        calls.append(1)
        return ["81.71"], "Kota Ambon (81.71)"

    err = UnknownEntity("no region named 'x'", code="regions.unknown_name", near=near)
    assert calls == []
    assert err.candidates == ("81.71",)
    assert str(err).endswith("(did you mean: Kota Ambon (81.71)?)")
    assert err.params["candidates"] == "Kota Ambon (81.71)"
    assert calls == [1]


def test_unknown_pickles_with_its_candidates() -> None:
    with pytest.raises(UnknownEntity) as info:
        regions.lookup("Kota Ambonn")
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is UnknownEntity
    assert back.candidates == ("81.71",)
    assert str(back) == str(info.value)
    assert back.code == "regions.unknown_name"


def test_dated_lookup_says_the_date() -> None:
    with pytest.raises(UnknownEntity) as info:
        regions.lookup("Kota Ambonn", as_of="2010-01-01")
    assert info.value.params["as_of"] == "2010-01-01"
    assert "as of 2010-01-01" in str(info.value)
