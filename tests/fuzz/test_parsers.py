"""Every public parser, predicate and lookup on arbitrary input: only adminnet errors."""

from __future__ import annotations

import pytest
from hypothesis import given

from .cases import CASES, groups, takes
from .contract import call, fuzz, predicate

GROUPS = groups()


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_only_adminnet_errors(name: str) -> None:
    """Each entry point returns or raises an adminnet error, whatever it is given.

    The functions of an identifier module share each drawn input, and there
    ``is_valid(x)`` must be true exactly when ``validate(x)`` returns.
    """
    rows = GROUPS[name]

    @fuzz
    @given(rows[0].inputs)
    def run(drawn: tuple[tuple[object, ...], dict[str, object]]) -> None:
        args, kwargs = drawn
        outcomes = {}
        for row in rows:
            kw = {k: v for k, v in kwargs.items() if takes(row.function, k)}
            check = predicate if row.predicate else call
            outcomes[row.function.__name__] = check(row.function, *args, **kw)
        if "is_valid" in outcomes and "validate" in outcomes:
            accepted = not isinstance(outcomes["validate"], Exception)
            assert outcomes["is_valid"] == accepted, (args, kwargs, outcomes["validate"])

    run()


def test_table_covers_the_listed_entry_points() -> None:
    """The table names every entry point of the brief (a guard against a lost row)."""
    names = {c.name for c in CASES}
    for label in ("ids.nip", "ids.nik", "ids.region_code", "ids.golongan"):
        for fname in ("compact", "validate", "is_valid", "format", "parse"):
            assert f"{label}.{fname}" in names
    assert {
        "text.names.parse_name",
        "text.dates.parse_date",
        "text.dates.format_date",
        "text.numbers.parse_number",
        "text.numbers.parse_percent",
        "text.numbers.format_number",
        "time.PartialDate.parse",
        "regions.get",
        "regions.lookup",
        "regions.search",
        "agencies.get",
        "agencies.lookup",
        "agencies.resolve",
        "agencies.search",
    } <= names
