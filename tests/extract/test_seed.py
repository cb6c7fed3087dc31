"""The seed article end to end: extraction gives the facts of ``examples.lan_mou_2017()``.

The two datasets are compared entity by entity, by content: ids are mapped (persons by
name, positions by agency and role, events by kind and day, agreements by parties), and
every difference is listed in the failure message. Facts the article does not print
are not compared: the tenures' dates and decree (researched facts of the example),
the minister's target and the two measurements (their indicators are the example's
own), and the titles and names of events and agreements (free text).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from adminnet import rules
from adminnet.examples import lan_mou_2017
from adminnet.extract import Extraction, MentionKind, extract
from adminnet.model.dataset import Dataset


@pytest.fixture(scope="module")
def seed(seed_dir: Path) -> Extraction:
    text = (seed_dir / "lan-mou-2017.txt").read_text(encoding="utf-8")
    return extract(text, published="2017-03-16", source="lan-mou-2017.txt")


def _person_key(ds: Dataset, pid: str | None) -> str | None:
    if pid is None or not ds.contains("persons", pid):
        return pid
    return str(ds.person(pid).name)


def _position_key(ds: Dataset, pos_id: str) -> tuple[str, str]:
    p = ds.position(pos_id)
    return (p.agency_id, p.role.value)


def differences(expected: Dataset, got: Dataset) -> list[str]:
    """Every difference between two datasets, compared by content with ids mapped."""
    out: list[str] = []

    def compare(what: str, want: dict[Any, Any], have: dict[Any, Any]) -> None:
        for key in sorted(set(want) | set(have), key=repr):
            if key not in have:
                out.append(f"{what} {key!r}: missing (expected {want[key]!r})")
            elif key not in want:
                out.append(f"{what} {key!r}: unexpected ({have[key]!r})")
            elif want[key] != have[key]:
                out.append(f"{what} {key!r}: expected {want[key]!r}, got {have[key]!r}")

    compare(
        "agency",
        {a.id: (a.name, a.kind.value, a.region_code) for a in expected.agencies},
        {a.id: (a.name, a.kind.value, a.region_code) for a in got.agencies},
    )
    compare(
        "person",
        {str(p.name): (p.nip, p.gender, p.birth_date) for p in expected.persons},
        {str(p.name): (p.nip, p.gender, p.birth_date) for p in got.persons},
    )
    compare(
        "position",
        {(p.agency_id, p.role.value): p.title for p in expected.positions},
        {(p.agency_id, p.role.value): p.title for p in got.positions},
    )

    def tenures(ds: Dataset) -> dict[Any, Any]:
        return {
            (_person_key(ds, t.person_id), _position_key(ds, t.position_id)): t.capacity.value
            for t in ds.tenures
        }

    compare("tenure", tenures(expected), tenures(got))

    def events(ds: Dataset) -> dict[Any, Any]:
        return {
            (e.kind.value, e.date.isoformat()): {
                "start": e.start.isoformat(),
                "time_known": e.time_known,
                "venue": e.venue,
                "region_code": e.region_code,
                "organizer_id": e.organizer_id,
                "chair": _person_key(ds, e.chair_id),
                "witnesses": sorted(str(_person_key(ds, i)) for i in e.witness_ids),
                "attendees": sorted(str(_person_key(ds, i)) for i in e.attendee_ids),
            }
            for e in ds.events
        }

    compare("event", events(expected), events(got))

    def agreements(ds: Dataset) -> dict[Any, Any]:
        return {
            tuple(sorted(g.agency_ids)): {
                "kind": g.kind.value,
                "signed_on": str(g.signed_on),
                "effective": str(g.effective),
                "areas": sorted(a.value for a in g.areas),
                "signatories": sorted(
                    str(_person_key(ds, p.signatory_id)) for p in g.parties if p.signatory_id
                ),
            }
            for g in ds.agreements
        }

    compare("agreement", agreements(expected), agreements(got))
    return out


def test_seed_gives_the_facts_of_the_example(seed: Extraction) -> None:
    diffs = differences(lan_mou_2017(), seed.to_dataset())
    assert not diffs, "the draft differs from examples.lan_mou_2017():\n" + "\n".join(diffs)


def test_seed_draft_passes_the_rules(seed: Extraction) -> None:
    report = rules.check(seed.to_dataset(), at="2017-03-16")
    assert report.ok, report.to_text()


def test_seed_malformed_figure_is_an_error_mention(seed: Extraction) -> None:
    figures = [m for m in seed.mentions if m.kind is MentionKind.FIGURE and m.error is not None]
    assert [m.text for m in figures] == ["4.000.0500 orang"]
    assert figures[0].value is None
    assert figures[0].error is not None
    assert "0500" in str(figures[0].error)


def test_seed_signing_event(seed: Extraction) -> None:
    (event,) = seed.to_dataset().events
    assert event.start.isoformat() == "2017-03-16T00:00:00+07:00"
    assert event.date.weekday() == 3  # Thursday
    assert [m.text for m in seed.sources_of(event.id) if m.kind is MentionKind.DATE] == [
        "Kamis (16/3)"
    ]


def test_seed_back_references_and_surname(seed: Extraction) -> None:
    ds = seed.to_dataset()
    minister = next(p for p in ds.persons if p.name.given == "Asman Abnur")
    texts = [m.text for m in seed.sources_of(minister.id)]
    # named with his position, then "Menteri PANRB" alone, then "Abnur" alone
    assert "Asman Abnur" in texts
    assert "Menteri PANRB" in texts
    assert "Abnur" in texts
    pj = next(p for p in ds.persons if "Papilaya" in p.name.given)
    assert [m.text for m in seed.sources_of(pj.id)].count("Penjabat Walikota Ambon") == 2


def test_seed_every_entity_traces_to_mentions(seed: Extraction) -> None:
    ds = seed.to_dataset()
    for kind in ("agencies", "persons", "positions", "tenures", "agreements", "events"):
        for entity in getattr(ds, kind):
            sources = seed.sources_of(entity.id)
            assert sources, f"{kind} {entity.id} has no source mention"
            for m in sources:
                assert seed.text[m.start : m.end] == m.text


def test_seed_without_published_leaves_the_year_unknown(seed_dir: Path) -> None:
    text = (seed_dir / "lan-mou-2017.txt").read_text(encoding="utf-8")
    x = extract(text)
    dates = [m for m in x.mentions if m.kind is MentionKind.DATE and m.text == "Kamis (16/3)"]
    assert len(dates) == 1
    assert dates[0].value is None
    assert dates[0].error is not None
    assert dates[0].error.code == "extract.year_unknown"
    assert x.to_dataset().events == ()
    assert any("Kamis (16/3)" in note for note in x.notes)
