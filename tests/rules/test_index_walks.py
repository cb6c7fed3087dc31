"""The shared walks of DatasetIndex that several built-in rules use.

``tenure_agencies`` and ``signed_parties`` stand for loops the rules once wrote out
by hand: they keep dataset order and leave out what does not resolve (REF001's job).
"""

from __future__ import annotations

from tests.rules.cases import ADI, KEPALA_LAN, LAN, PANRB, make, mou, tenure

from adminnet.model.position import Position
from adminnet.rules._index import DatasetIndex
from adminnet.rules._spans import bounds


def test_tenure_agencies_keeps_order_and_drops_the_unresolved() -> None:
    nowhere = Position(id="kepala-x", agency_id="badan-x", role="kepala", title="Kepala X")
    ds = make(
        LAN,
        ADI,
        KEPALA_LAN,
        nowhere,
        tenure("b", "adi-suryanto", "kepala-lan", "2015", None),
        tenure("a", "adi-suryanto", "no-such-position", "2015", None),
        tenure("c", "adi-suryanto", "kepala-x", "2015", None),
        tenure("d", "adi-suryanto", "kepala-lan", "2010", "2014"),
    )
    index = DatasetIndex(ds)
    walked = [(t.id, agency.id) for t, agency in index.tenure_agencies()]
    assert walked == [("b", "lan"), ("d", "lan")]
    assert index.agency_by_position == {"kepala-lan": LAN}


def test_agency_by_position_falls_back_to_the_catalog() -> None:
    # kemenpanrb is not in this dataset: the shipped catalog names it.
    sesmen = Position(
        id="sesmen", agency_id="kemenpanrb", role="sekretaris_kementerian", title="Sesmen"
    )
    index = DatasetIndex(make(sesmen))
    assert index.agency_by_position["sesmen"].id == "kemenpanrb"


def test_signed_parties_skips_unsigned_agreements_and_unknown_agencies() -> None:
    ds = make(
        LAN,
        PANRB,
        mou("signed", "lan", "no-such-agency", "2017-03"),
        mou("unsigned", "lan", "kemenpanrb", None),
        mou("later", "kemenpanrb", "lan", "2018-01-02"),
    )
    walked = [
        (g.id, i, party.agency_id, agency.id, lo, hi)
        for g, i, party, agency, lo, hi in DatasetIndex(ds).signed_parties()
    ]
    signed, later = ds.agreement("signed").signed_on, ds.agreement("later").signed_on
    assert signed is not None
    assert later is not None
    march, day = bounds(signed), bounds(later)
    assert march[0] < march[1]  # a month: the first and the last day differ
    assert walked == [
        ("signed", 0, "lan", "lan", *march),
        ("later", 0, "kemenpanrb", "kemenpanrb", *day),
        ("later", 1, "lan", "lan", *day),
    ]
