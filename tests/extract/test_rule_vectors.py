"""The rules of the extractor, one pattern a case, as data (tests/vectors/extract_rules.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from adminnet import rules
from adminnet.extract import extract
from adminnet.extract._scan_core import tokenize
from adminnet.extract._scan_words import _ROLES
from adminnet.text._position_words import ROLE_WORDS

VECTORS = Path(__file__).resolve().parent.parent / "vectors" / "extract_rules.json"
CASES: list[dict[str, Any]] = json.loads(VECTORS.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:60] for c in CASES])
def test_rule(case: dict[str, Any]) -> None:
    ds = extract(case["text"], published=case["published"]).to_dataset()
    positions = {p.id: p for p in ds.positions}
    tenures = sorted(
        [
            t.person_id,
            positions[t.position_id].role.value,
            t.capacity.value,
            positions[t.position_id].agency_id,
        ]
        for t in ds.tenures
    )
    assert tenures == case["tenures"]
    held = {t.person_id for t in ds.tenures}
    assert sorted(p.id for p in ds.persons if p.id not in held) == case["persons_without_post"]
    assert [[e.kind.value, e.start.isoformat()] for e in ds.events] == case["events"]
    assert not rules.check(ds).errors


def test_role_words_have_one_owner() -> None:
    """The scanner reads every role wording of text/_position_words, and no other."""
    assert {words for words, _, _ in _ROLES} == set(ROLE_WORDS)
    for words, role, _ in _ROLES:
        assert role.value == ROLE_WORDS[words][0]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Genius Umar-Mardison Mahyudin", ["Genius", "Umar", "-", "Mardison", "Mahyudin"]),
        ("Perundang-undangan", ["Perundang-undangan"]),
        ("E-Office", ["E-Office"]),
        ("Kemendes-PDTT", ["Kemendes-PDTT"]),
    ],
)
def test_hyphen_between_two_names_is_a_token(text: str, tokens: list[str]) -> None:
    found, _ = tokenize(text)
    assert [t.text for t in found] == tokens
    assert all(text[t.start : t.end] == t.text for t in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "text must be a str (got int)"),
        ("id", "text harus berupa str (diberikan int)"),
    ],
)
def test_errors_speak_the_language(lang: str, text: str) -> None:
    from adminnet._i18n import set_language
    from adminnet.errors import InvalidFormat

    set_language(lang)
    try:
        with pytest.raises(InvalidFormat) as info:
            extract(12)  # type: ignore[arg-type]
        assert info.value.code == "extract.invalid_type"
        assert info.value.params == {"what": "text", "type": "int"}
        assert str(info.value) == text
    finally:
        set_language(None)


def test_year_unknown_names_the_text() -> None:
    x = extract("Rapat digelar Kamis (16/3) di Jakarta.")
    errors = [m.error for m in x.mentions if m.error is not None]
    assert [(e.code, e.params) for e in errors] == [
        ("extract.year_unknown", {"value": "Kamis (16/3)"})
    ]
