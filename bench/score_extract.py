"""Score ``adminnet.extract`` on the evaluation set (tests/vectors/articles/).

Each ``*.json`` file there is a passage modelled on a real news or government page
(sentences rewritten, every mention kept exactly as printed) with a hand-written
answer key. For each passage this script runs ``extract(text, published=...)`` and
``to_dataset()``, then matches the draft against the key:

- **persons** by folded name (case- and accent-insensitive): a printed name matches an
  extracted person when the tokens of one are a subset of the tokens of the other;
- **agencies** by id, or, for bodies outside the catalog (``{"name", "kind":
  "other"}``), by folded name;
- **events** by kind and date (a key without a date accepts any date);
- **agreements** by kind and the set of parties (ids, or folded names of other bodies).

It prints precision and recall per entity kind and, over the matched persons and
events, per attribute (role, capacity, agency, region, event date), and writes the
tables to ``bench/RESULTS_extract.md``. :func:`score` returns the figures for tests.
If ``adminnet.extract`` does not exist yet it prints ``missing`` and exits 0.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "vectors" / "articles"
RESULTS = ROOT / "bench" / "RESULTS_extract.md"
ENTITY_KINDS = ("persons", "agencies", "events", "agreements")
ATTRIBUTES = ("role", "capacity", "agency", "region", "event date")
_WORD = re.compile(r"[a-z0-9]+")


def load() -> list[dict[str, Any]]:
    """Return the passages of the evaluation set, sorted by id."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.json"))]


def fold(text: str) -> tuple[str, ...]:
    """The tokens of ``text``, lower-cased and without accents or punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = re.sub(r"['’‘`]", "", plain)  # As'adudin = Asadudin
    return tuple(_WORD.findall(plain))


def _same_name(a: str, b: str) -> bool:
    ta, tb = set(fold(a)), set(fold(b))
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


def _value(x: object) -> object:
    return getattr(x, "value", x)


def _roles() -> set[str]:
    from adminnet.model.position import Role

    return {r.value for r in Role}


def _expected_role(person: dict[str, Any], roles: set[str]) -> str | None:
    note = person.get("roles_note")
    if note and note in roles:
        return str(note)
    return person["role"]


# --- reading a draft -------------------------------------------------------------


def _draft_persons(dataset: Any) -> list[dict[str, Any]]:
    """One dict per extracted person: name and the attribute sets of its tenures."""
    positions = {p.id: p for p in dataset.positions}
    agencies = {a.id: a for a in dataset.agencies}
    out = []
    for person in dataset.persons:
        readings = []
        for tenure in dataset.tenures:
            if tenure.person_id != person.id:
                continue
            position = positions.get(tenure.position_id)
            agency = agencies.get(position.agency_id) if position is not None else None
            readings.append(
                {
                    "role": _value(position.role) if position is not None else None,
                    "capacity": _value(tenure.capacity),
                    "agency": (
                        _agency_key(agency)
                        if agency is not None
                        else ("id", position.agency_id)
                        if position is not None and position.agency_id
                        else None
                    ),
                    "region": getattr(agency, "region_code", None),
                }
            )
        out.append({"name": person.name.given, "readings": readings})
    return out


def _agency_key(agency: Any) -> tuple[str, str]:
    if _value(agency.kind) == "other":
        return ("name", agency.name)
    return ("id", agency.id)


def _draft_agreements(dataset: Any) -> list[dict[str, Any]]:
    agencies = {a.id: a for a in dataset.agencies}
    out = []
    for agreement in dataset.agreements:
        parties = []
        for party in agreement.parties:
            agency = agencies.get(party.agency_id)
            parties.append(_agency_key(agency) if agency is not None else ("id", party.agency_id))
        out.append({"kind": _value(agreement.kind), "parties": parties})
    return out


def _party_matches(expected: str, got: tuple[str, str]) -> bool:
    how, value = got
    if how == "id" and value == expected:
        return True
    return how == "name" and _same_name(expected, value)


# --- matching ----------------------------------------------------------------------


def _greedy(expected: list[Any], got: list[Any], same: Any) -> list[tuple[int, int]]:
    """Pairs (i, j) matching each expected item to at most one extracted item."""
    used: set[int] = set()
    pairs = []
    for i, e in enumerate(expected):
        for j, g in enumerate(got):
            if j not in used and same(e, g):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def _count(
    tally: dict[str, list[int]], kind: str, n_expected: int, n_got: int, n_pairs: int
) -> None:
    row = tally.setdefault(kind, [0, 0, 0])
    row[0] += n_expected
    row[1] += n_got
    row[2] += n_pairs


def _same_agency(expected: object, got: object) -> bool:
    """An expected agency (an id, or the name of a body outside the catalog) vs a key."""
    if not isinstance(expected, str) or not isinstance(got, tuple):
        return False
    return _party_matches(expected, got)


def _attr(
    tally: dict[str, list[int]], name: str, expected: object, got: object, same: Any = None
) -> None:
    """Count one attribute: [expected given, extracted given, both and equal]."""
    row = tally.setdefault(name, [0, 0, 0])
    row[0] += expected is not None
    row[1] += got is not None
    equal = same(expected, got) if same is not None else expected == got
    row[2] += expected is not None and bool(equal)


def _best_reading(
    person: dict[str, Any], readings: list[dict[str, Any]], role: str | None
) -> dict[str, Any]:
    if not readings:
        return {"role": None, "capacity": None, "agency": None, "region": None}
    want = dict(person, role=role)

    def hits(r: dict[str, Any]) -> int:
        same = [r[k] == want[k] for k in ("role", "capacity", "region")]
        return sum(same) + _same_agency(want["agency"], r["agency"])

    return max(readings, key=hits)


def _score_article(
    article: dict[str, Any],
    dataset: Any,
    entities: dict[str, list[int]],
    attributes: dict[str, list[int]],
    roles: set[str],
) -> list[str]:
    exp = article["expected"]
    notes: list[str] = []

    persons = _draft_persons(dataset)
    pairs = _greedy(exp["persons"], persons, lambda e, g: _same_name(e["name"], g["name"]))
    _count(entities, "persons", len(exp["persons"]), len(persons), len(pairs))
    matched = {i for i, _ in pairs}
    notes += [
        f"person not found: {p['name']}" for i, p in enumerate(exp["persons"]) if i not in matched
    ]
    for i, j in pairs:
        person = exp["persons"][i]
        role = _expected_role(person, roles)
        best = _best_reading(person, persons[j]["readings"], role)
        _attr(attributes, "role", role, best["role"])
        _attr(attributes, "capacity", person["capacity"], best["capacity"])
        _attr(attributes, "agency", person["agency"], best["agency"], _same_agency)
        _attr(attributes, "region", person["region"], best["region"])

    agencies = [_agency_key(a) for a in dataset.agencies]

    def same_agency(e: Any, g: tuple[str, str]) -> bool:
        if isinstance(e, str):
            return g == ("id", e)
        return g[0] == "name" and _same_name(e["name"], g[1])

    pairs = _greedy(exp["agencies"], agencies, same_agency)
    _count(entities, "agencies", len(exp["agencies"]), len(agencies), len(pairs))

    events = [
        {"kind": _value(e.kind), "date": e.start.date().isoformat() if e.start else None}
        for e in dataset.events
    ]
    pairs = _greedy(
        exp["events"],
        events,
        lambda e, g: e["kind"] == g["kind"] and (e["date"] is None or e["date"] == g["date"]),
    )
    _count(entities, "events", len(exp["events"]), len(events), len(pairs))
    for i, j in _greedy(exp["events"], events, lambda e, g: e["kind"] == g["kind"]):
        _attr(attributes, "event date", exp["events"][i]["date"], events[j]["date"])

    agreements = _draft_agreements(dataset)

    def same_agreement(e: dict[str, Any], g: dict[str, Any]) -> bool:
        if e["kind"] != g["kind"] or len(e["parties"]) != len(g["parties"]):
            return False
        return len(_greedy(e["parties"], g["parties"], _party_matches)) == len(e["parties"])

    pairs = _greedy(exp["agreements"], agreements, same_agreement)
    _count(entities, "agreements", len(exp["agreements"]), len(agreements), len(pairs))
    return notes


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def score() -> dict[str, Any]:
    """Extract every passage and return precision/recall per entity kind and attribute.

    Returns ``{"missing": True}`` when ``adminnet.extract`` does not exist; otherwise
    ``{"missing": False, "articles", "errors", "entities", "attributes", "notes",
    "ms_per_article"}`` where ``entities[kind]`` and ``attributes[name]`` hold
    ``expected``, ``extracted``, ``matched``, ``precision`` and ``recall``.
    """
    try:
        extract_module = importlib.import_module("adminnet.extract")
    except ImportError:
        return {"missing": True}
    from adminnet.errors import AdminnetError

    roles = _roles()
    entities: dict[str, list[int]] = {}
    attributes: dict[str, list[int]] = {}
    errors: list[str] = []
    notes: dict[str, list[str]] = {}
    articles = load()
    elapsed = 0.0
    for article in articles:
        started = time.perf_counter()
        try:
            extraction = extract_module.extract(article["text"], published=article["published"])
            dataset = extraction.to_dataset()
        except AdminnetError as e:
            errors.append(f"{article['id']}: {type(e).__name__}: {e}")
            dataset = None
        except Exception as e:  # a crash is reported, not raised
            errors.append(f"{article['id']}: CRASH {type(e).__name__}: {e}")
            dataset = None
        elapsed += time.perf_counter() - started
        if dataset is None:
            exp = article["expected"]
            for kind in ENTITY_KINDS:
                _count(entities, kind, len(exp[kind]), 0, 0)
            continue
        notes[article["id"]] = _score_article(article, dataset, entities, attributes, roles)

    def table(rows: dict[str, list[int]], names: tuple[str, ...]) -> dict[str, dict[str, Any]]:
        out = {}
        for name in names:
            expected, got, matched = rows.get(name, [0, 0, 0])
            out[name] = {
                "expected": expected,
                "extracted": got,
                "matched": matched,
                "precision": _ratio(matched, got),
                "recall": _ratio(matched, expected),
            }
        return out

    return {
        "missing": False,
        "articles": len(articles),
        "errors": errors,
        "entities": table(entities, ENTITY_KINDS),
        "attributes": table(attributes, ATTRIBUTES),
        "notes": notes,
        "ms_per_article": 1000 * elapsed / len(articles) if articles else 0.0,
    }


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _markdown(result: dict[str, Any]) -> str:
    lines = [
        f"{result['articles']} passages, {len(result['errors'])} extraction errors, "
        f"{result['ms_per_article']:.1f} ms per passage (extract + to_dataset).",
        "",
        "| entity | expected | extracted | matched | precision | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in result["entities"].items():
        lines.append(
            f"| {name} | {row['expected']} | {row['extracted']} | {row['matched']} | "
            f"{_fmt(row['precision'])} | {_fmt(row['recall'])} |"
        )
    lines += [
        "",
        "Attributes, over matched persons (role, capacity, agency, region) and events "
        "matched by kind (event date):",
        "",
        "| attribute | in key | in draft | right | precision | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in result["attributes"].items():
        lines.append(
            f"| {name} | {row['expected']} | {row['extracted']} | {row['matched']} | "
            f"{_fmt(row['precision'])} | {_fmt(row['recall'])} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the tables (and the unmatched persons with ``--notes``); write the results."""
    args = sys.argv[1:] if argv is None else argv
    result = score()
    if result["missing"]:
        print("missing")
        return 0
    text = _markdown(result)
    print(text)
    for error in result["errors"]:
        print("error:", error)
    if "--notes" in args:
        for article, notes in result["notes"].items():
            for note in notes:
                print(f"{article}: {note}")
    RESULTS.write_text(
        "# Extraction evaluation set: precision and recall\n\n"
        "Written by `python bench/score_extract.py` on the passages of "
        "`tests/vectors/articles/` (see its SOURCES.md).\n\n" + text + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
