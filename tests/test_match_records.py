"""RegionMatch and AgencyMatch are valid by construction: how and score are checked."""

from __future__ import annotations

from typing import Any

import pytest

from adminnet import agencies, regions
from adminnet.errors import InvalidComponent


def _region_match(**changes: Any) -> object:
    good = regions.match("Kalteng", limit=1)[0]
    fields = {"region": good.region, "how": good.how, "score": good.score} | changes
    return type(good)(**fields)


def _agency_match(**changes: Any) -> object:
    good = agencies.resolve_unit("Diskominfo Jabar")
    fields = {"agency": good.agency, "unit": good.unit, "how": good.how, "score": good.score}
    return type(good)(**(fields | changes))


@pytest.mark.parametrize(
    ("build", "prefix"), [(_region_match, "regions"), (_agency_match, "agency")]
)
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"how": "guess"}, "how"),
        ({"how": ["exact"]}, "how"),  # unhashable: still an adminnet error
        ({"score": 1.5}, "score"),
        ({"score": -0.1}, "score"),
        ({"score": "0.9"}, "score"),
        ({"score": True}, "score"),
    ],
)
def test_bad_how_or_score_is_refused_with_its_code(
    build: Any, prefix: str, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidComponent) as info:
        build(**changes)
    assert info.value.code == f"{prefix}.invalid_{field}"


@pytest.mark.parametrize("build", [_region_match, _agency_match])
def test_scores_at_the_ends_are_accepted(build: Any) -> None:
    build(score=0)
    build(score=1.0)
