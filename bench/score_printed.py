"""Score adminnet's readers on the printed-text corpus (tests/vectors/printed/).

Each file in ``tests/vectors/printed/`` holds fragments cut from real pages (news
sites, government portals, SPBE reports), exactly as printed, with a hand-written
expected value. This script runs the matching adminnet function on every fragment and
counts, per function:

- **exact**: the answer equals the expected value;
- **miss**: the function refused (an adminnet error) or raised something else (also
  counted under **crash**, which must stay 0: nothing may raise outside the adminnet
  error tree);
- **wrong**: the function returned a different answer;
- **confident wrong** (regions and agencies only): a wrong answer returned by
  ``lookup``/``resolve``, or a refusal whose top search hit is wrong although it
  claims a strong match (``how`` in code/exact/alias/abbreviation);
- **missing**: the function does not exist yet.

Run ``python bench/score_printed.py [--failures]``; it prints the table and writes it
to ``bench/RESULTS_printed.md``. :func:`score` returns the counts of one kind for
tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors" / "printed"
RESULTS = ROOT / "bench" / "RESULTS_printed.md"
KINDS = ("names", "positions", "regions", "agencies", "dates", "amounts")
_STRONG = frozenset({"code", "exact", "alias", "abbreviation"})


class _Missing(Exception):
    """The function under test does not exist on this branch."""


def load(kind: str) -> list[dict[str, Any]]:
    """Return the records of one corpus file (``names``, ``positions``, ...)."""
    path = VECTORS / f"{kind}.jsonl"
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _errors() -> tuple[type[BaseException], type[BaseException], type[BaseException]]:
    from adminnet.errors import AdminnetError, AmbiguousName, UnknownEntity

    return AdminnetError, AmbiguousName, UnknownEntity


def _value(x: object) -> object:
    """The plain value of an enum member (its ``.value``), else the object itself."""
    return getattr(x, "value", x)


# --- one checker per kind: returns (verdict, answer-shown, confident_wrong) ---------
# verdict is "exact", "wrong"; refusals propagate as exceptions.


def _check_names(rec: dict[str, Any]) -> tuple[str, str, bool]:
    from adminnet.text.names import parse_name

    n = parse_name(rec["text"])
    got = {
        "given": n.given,
        "prefixes": list(n.prefixes),
        "suffixes": list(n.suffixes),
        "rank": getattr(n, "rank", None),
        "honorific": getattr(n, "honorific", None),
    }
    return ("exact" if got == rec["expected"] else "wrong"), json.dumps(got), False


def _check_positions(rec: dict[str, Any]) -> tuple[str, str, bool]:
    try:
        from adminnet.model.position import Role
        from adminnet.positions import parse_position  # type: ignore[import-not-found]
    except ImportError as e:
        raise _Missing(str(e)) from None
    p = parse_position(rec["text"], as_of=rec.get("published"))
    exp = rec["expected"]
    roles = {exp["role"]}
    note = rec.get("roles_note")
    if note and note in {r.value for r in Role}:
        roles = {note}  # the specific role exists: it is the one expected
    elif note and note.startswith("kepala_"):
        # The head of a unit is Role.KEPALA, the unit naming its kind (docs/decisions.md,
        # "Position phrases"): a note kepala_dinas/kepala_biro/... expects "kepala".
        roles = {"kepala"}
    got = {
        "role": _value(p.role),
        "capacity": _value(p.capacity),
        "region": p.region_code,
        "agency": p.agency_id,
        "unit": p.unit,
    }
    ok = (
        got["role"] in roles
        and got["capacity"] == exp["capacity"]
        and got["region"] == exp["region"]
        and got["agency"] == exp["agency"]
        and got["unit"] == exp["unit"]
    )
    return ("exact" if ok else "wrong"), json.dumps(got), False


def _region_top(text: str, expected: str | None) -> tuple[bool, bool]:
    """(top hit wrong, strong top hit wrong) for ``regions.match`` (else ``search``)."""
    from adminnet import regions

    match = getattr(regions, "match", None)
    try:
        if match is not None:
            hits = match(text, limit=1)
            if not hits:
                return False, False
            wrong = hits[0].region.code != expected
            return wrong, wrong and hits[0].how in _STRONG
        found = regions.search(text, limit=1)
    except Exception:
        return False, False
    return bool(found) and found[0].code != expected, False


def _check_regions(rec: dict[str, Any]) -> tuple[str, str, bool]:
    from adminnet import regions

    _, ambiguous, unknown = _errors()
    exp = rec["expected"]
    try:
        r = regions.lookup(rec["text"])
    except ambiguous as err:
        if exp["code"] is None:
            return "exact", "ambiguous", False
        top, strong = _region_top(rec["text"], exp["code"])
        raise _Refused(err, confident_wrong=strong, top_wrong=top) from None
    except unknown as err:
        top, strong = _region_top(rec["text"], exp["code"])
        raise _Refused(err, confident_wrong=strong, top_wrong=top) from None
    if r.code == exp["code"]:
        return "exact", r.code, False
    return "wrong", r.code, True


def _agency_top(text: str, expected: str | None) -> tuple[bool, bool]:
    """(top hit wrong, strong top hit wrong) for ``agencies.match``, if it exists."""
    from adminnet import agencies

    match = getattr(agencies, "match", None)
    if match is None:
        return False, False
    try:
        hits = match(text, limit=1)
    except Exception:
        return False, False
    if not hits:
        return False, False
    top = hits[0]
    agency = getattr(top, "agency", None)
    wrong = getattr(agency, "id", None) != expected
    return wrong, wrong and getattr(top, "how", None) in _STRONG


def _check_agencies(rec: dict[str, Any]) -> tuple[str, str, bool]:
    from adminnet import agencies

    _, _, unknown = _errors()
    exp = rec["expected"]
    resolve_unit = getattr(agencies, "resolve_unit", None)
    try:
        if resolve_unit is not None:
            m = resolve_unit(rec["text"])
            got_id, got_unit = m.agency.id, m.unit
        else:
            got_id, got_unit = agencies.resolve(rec["text"]).id, None
    except unknown as e:
        if exp.get("kind") == "other" and type(e).__name__ == "UnknownEntity":
            return "exact", "unknown (outside the catalog)", False
        top, strong = _agency_top(rec["text"], exp["id"])
        raise _Refused(e, confident_wrong=strong, top_wrong=top) from None
    shown = f"{got_id} / {got_unit}"
    if exp.get("kind") == "other":
        return "wrong", shown, True
    if got_id != exp["id"]:
        return "wrong", shown, True
    if got_unit == exp["unit"]:
        return "exact", shown, False
    if resolve_unit is None:
        msg = "resolve_unit is missing: the unit is not reported"
        raise _Refused(msg, confident_wrong=False)
    return "wrong", shown, False


def _check_dates(rec: dict[str, Any]) -> tuple[str, str, bool]:
    import pendulum

    from adminnet.text import dates

    exp = rec["expected"]
    year = rec.get("year")
    if "date" in exp:
        got = dates.parse_date(rec["text"], year=year)
        shown = got.isoformat()
        return ("exact" if shown == exp["date"] else "wrong"), shown, False
    if "datetime" in exp:
        fn = getattr(dates, "parse_datetime", None)
        if fn is None:
            msg = "adminnet.text.dates.parse_datetime"
            raise _Missing(msg)
        got = fn(rec["text"], year=year)
        want = pendulum.parse(exp["datetime"])
        same = got == want and got.utcoffset() == want.utcoffset()
        return ("exact" if same else "wrong"), got.isoformat(), False
    fn = getattr(dates, "parse_date_range", None)
    if fn is None:
        msg = "adminnet.text.dates.parse_date_range"
        raise _Missing(msg)
    period = fn(rec["text"], year=year)
    got_range = (str(period.start), str(period.end))
    ok = got_range == (exp["start"], exp["end"])
    return ("exact" if ok else "wrong"), f"{got_range[0]}..{got_range[1]}", False


def _check_amounts(rec: dict[str, Any]) -> tuple[str, str, bool]:
    from adminnet.text import numbers

    fn = getattr(numbers, "parse_amount", None)
    if fn is None:
        msg = "adminnet.text.numbers.parse_amount"
        raise _Missing(msg)
    a = fn(rec["text"])
    exp = rec["expected"]
    try:
        same_value = Decimal(str(a.value)) == Decimal(exp["value"])
    except InvalidOperation:
        same_value = False
    ok = same_value and a.unit == exp["unit"] and a.currency == exp["currency"]
    return ("exact" if ok else "wrong"), f"{a.value} {a.unit} {a.currency}", False


class _Refused(Exception):
    """A refusal carrying whether a strong search hit was wrong."""

    def __init__(self, detail: object, *, confident_wrong: bool, top_wrong: bool = False) -> None:
        name = type(detail).__name__ if isinstance(detail, BaseException) else ""
        super().__init__(f"{name}: {detail}" if name else str(detail))
        self.confident_wrong = confident_wrong
        self.top_wrong = top_wrong


_CHECKS: dict[str, Callable[[dict[str, Any]], tuple[str, str, bool]]] = {
    "names": _check_names,
    "positions": _check_positions,
    "regions": _check_regions,
    "agencies": _check_agencies,
    "dates": _check_dates,
    "amounts": _check_amounts,
}


def score(kind: str) -> dict[str, Any]:
    """Run the adminnet function of ``kind`` on its corpus file and count the verdicts.

    Returns a dict with ``kind``, ``total``, ``exact``, ``miss``, ``wrong``,
    ``crash``, ``confident_wrong``, ``missing`` (names of absent functions, counted
    in ``miss``), ``exact_rate`` and ``failures`` (one dict per non-exact record).
    """
    admin_error, _, _ = _errors()
    records = load(kind)
    check = _CHECKS[kind]
    out: dict[str, Any] = {
        "kind": kind,
        "total": len(records),
        "exact": 0,
        "miss": 0,
        "wrong": 0,
        "crash": 0,
        "confident_wrong": 0,
        "top_wrong": 0,
        "missing": [],
        "failures": [],
    }
    for rec in records:
        try:
            verdict, shown, confident = check(rec)
        except _Missing as e:
            out["miss"] += 1
            if str(e) not in out["missing"]:
                out["missing"].append(str(e))
            continue
        except _Refused as e:
            verdict, shown, confident = "miss", str(e), e.confident_wrong
            out["top_wrong"] += int(e.top_wrong)
        except admin_error as e:
            verdict, shown, confident = "miss", f"{type(e).__name__}: {e}", False
        except Exception as e:
            out["crash"] += 1
            verdict, shown, confident = "miss", f"CRASH {type(e).__name__}: {e}", False
        out[verdict] += 1
        out["confident_wrong"] += int(confident)
        out["top_wrong"] += int(verdict == "wrong" and kind in ("regions", "agencies"))
        if verdict != "exact":
            out["failures"].append(
                {
                    "text": rec["text"],
                    "expected": rec["expected"],
                    "got": shown,
                    "verdict": verdict,
                    "source": rec["source"],
                }
            )
    out["exact_rate"] = out["exact"] / out["total"] if out["total"] else 0.0
    return out


def _table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| function | total | exact | miss | wrong | confident wrong | top hit wrong | crash "
        "| exact % |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        name = r["kind"] + (" (missing: " + ", ".join(r["missing"]) + ")" if r["missing"] else "")
        lines.append(
            f"| {name} | {r['total']} | {r['exact']} | {r['miss']} | {r['wrong']} | "
            f"{r['confident_wrong']} | {r['top_wrong']} | {r['crash']} | "
            f"{100 * r['exact_rate']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the score table (and failures with ``--failures``); write RESULTS_printed.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every non-exact record")
    parser.add_argument("kinds", nargs="*", help=f"some of {', '.join(KINDS)} (default: all)")
    args = parser.parse_args(argv)
    kinds = args.kinds or list(KINDS)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        parser.error(f"unknown kind(s): {', '.join(unknown)}")
    results = [score(k) for k in kinds]
    table = _table(results)
    print(table)
    if args.failures:
        for r in results:
            for f in r["failures"]:
                print(f"{r['kind']}\t{f['verdict']}\t{f['text']!r}\t{f['got']}\t{f['expected']}")
    if set(kinds) == set(KINDS):
        RESULTS.write_text(
            "# Printed-text corpus: exact / miss / wrong per function\n\n"
            "Written by `python bench/score_printed.py` on the fragments of\n"
            "`tests/vectors/printed/` (see its SOURCES.md). *miss* is a refusal (or a\n"
            "crash, also counted under *crash*); *confident wrong* is a wrong answer\n"
            "returned by lookup/resolve or a refusal whose strong top hit is wrong.\n\n"
            + table
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
