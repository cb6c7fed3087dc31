"""Messages in English and Bahasa Indonesia: the catalogues, the language, the params.

The catalogues (``src/adminnet/locale``) are compiled by scripts/build_catalogues.py;
these tests keep them complete (every code raised in src/ has a template in both
languages, with the same fields), compiled (the .mo equal what the script writes) and
used (Indonesian where asked for).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import pickle
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import adminnet
from adminnet import _i18n, rules
from adminnet.errors import (
    AmbiguousName,
    ErrorDetail,
    InvalidComponent,
    InvalidDataError,
    InvalidLength,
    set_language,
)

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "adminnet"

NOT_YET_CONVERTED: frozenset[str] = frozenset()  # every raise site is converted
"""Files (or folders, ending in /) of src/adminnet whose raise sites are not yet converted."""

_ERROR_CLASSES = frozenset(
    {
        "AdminnetError",
        "ValidationError",
        "InvalidFormat",
        "InvalidLength",
        "InvalidComponent",
        "InconsistentData",
        "UnknownEntity",
        "AmbiguousName",
        "RuleFailure",
    }
)
_DYNAMIC = "*"


def _load_script(name: str) -> ModuleType:
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_i18n_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def lang() -> object:
    """Restore the environment's choice of language after the test."""
    yield set_language
    set_language(None)


def test_compiled_catalogues_are_current() -> None:
    """Every .mo equals what scripts/build_catalogues.py compiles from its .po."""
    pytest.importorskip("babel")
    script = _load_script("build_catalogues")
    assert list(script.problems()) == []
    assert script.stale() == [], "run: python scripts/build_catalogues.py"


def test_catalogues_ship_in_the_package() -> None:
    """Both languages' .mo sit inside the package, where the wheel takes them from."""
    package = Path(adminnet.__file__).parent
    for lang in _i18n.LANGUAGES:
        assert (package / "locale" / lang / "LC_MESSAGES" / "adminnet.mo").is_file()


def test_language_choice(lang: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """set_language wins over ADMINNET_LANG, which wins over the locale."""
    err = InvalidComponent(code="nip.invalid_birth_date", params={"value": "19651332"})
    for var in ("ADMINNET_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    set_language(None)  # the environment is read again
    assert str(err) == "NIP birth date 19651332 is not a calendar date"
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert str(err).startswith("NIP birth date")  # read once, not per message
    set_language(None)
    assert str(err) == "tanggal lahir NIP 19651332 bukan tanggal yang ada di kalender"
    monkeypatch.setenv("ADMINNET_LANG", "en")
    set_language(None)
    assert str(err).startswith("NIP birth date")
    set_language("id")
    assert str(err).startswith("tanggal lahir NIP")
    with pytest.raises(ValueError, match="'fr'"):
        set_language("fr")
    assert adminnet.set_language is set_language


def test_variant_picks_the_wording(lang: object) -> None:
    """A variant selects ``code.variant`` in the catalogue; the code stays the same."""
    err = InvalidLength(code="nip.invalid_length", params={"value": "", "digits": 0}, variant="x")
    assert err.code == "nip.invalid_length"
    assert err.template_key == "nip.invalid_length.x"


def test_import_reads_no_catalogue() -> None:
    """import adminnet opens no .mo; the catalogue is read on the first message."""
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == 'open' else None)\n"
        "import adminnet, adminnet.errors\n"
        "assert not [p for p in opened if p.endswith('.mo')], opened\n"
        "str(adminnet.errors.InvalidFormat(code='nip.invalid_length'))\n"
        "assert [p for p in opened if p.endswith('.mo')], opened\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- every code raised in src/ has a template in both languages ----------------------


def _fields(template: str) -> set[str]:
    return {
        name.split("!")[0].split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }


def _constants(node: ast.expr | None) -> list[str | None] | None:
    """The values a ``variant=`` expression can take, or None when computed."""
    if node is None:
        return [None]
    if isinstance(node, ast.Constant) and (node.value is None or isinstance(node.value, str)):
        return [node.value]
    if isinstance(node, ast.IfExp):
        a, b = _constants(node.body), _constants(node.orelse)
        return None if a is None or b is None else a + b
    return None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _converted(path: Path) -> bool:
    rel = path.relative_to(SRC).as_posix()
    return not any(rel == x or (x.endswith("/") and rel.startswith(x)) for x in NOT_YET_CONVERTED)


def _uses() -> list[tuple[str, str, list[str | None] | None, set[str] | None, bool]]:
    """(where, code, variants, param names, hand-written message?) of every raise site."""
    out = []
    for path in sorted(SRC.rglob("*.py")):
        if not _converted(path):
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            kw = {k.arg: k.value for k in node.keywords if k.arg}
            code_node: ast.expr | None = None
            variants = _constants(kw.get("variant"))
            params_node = kw.get("params")
            if name in _ERROR_CLASSES:
                code_node = kw.get("code")
                message = bool(node.args)
            elif name in {"from_code", "fail"} and len(node.args) >= 2:
                code_node = node.args[1]
                message = False
                params_node = node.args[2] if len(node.args) > 2 else params_node
            elif name == "ErrorDetail" and len(node.args) >= 3:
                code_node, message = node.args[1], True
            elif name == "fail_type" and node.args and isinstance(node.args[0], ast.Constant):
                code_node = ast.Constant("type.invalid")
                variants = [f"expected_{node.args[0].value}"]
                message = False
                params_node = None
            else:
                continue
            if not (isinstance(code_node, ast.Constant) and isinstance(code_node.value, str)):
                continue
            names = None
            if isinstance(params_node, ast.Dict) and all(
                isinstance(k, ast.Constant) for k in params_node.keys
            ):
                names = {k.value for k in params_node.keys if isinstance(k, ast.Constant)}
            where = f"{path.relative_to(SRC).as_posix()}:{node.lineno}"
            out.append((where, code_node.value, variants, names, message))
    return out


def test_every_raised_code_has_both_templates() -> None:
    """Each code= of a converted file has an English and an Indonesian template.

    The key is the code or ``code.variant``; a computed variant needs at least one
    wording of the code; a literal params dict names every field of the template;
    and no converted raise site passes a hand-written message any more.
    """
    en, idn = _i18n.catalogue("en"), _i18n.catalogue("id")
    uses = _uses()
    assert len(uses) > 200
    problems = []
    for where, code, variants, names, message in uses:
        if message:
            problems.append(f"{where}: {code} still passes a hand-written message")
        if variants is None:
            if not any(k == code or k.startswith(code + ".") for k in en):
                problems.append(f"{where}: no template for {code} (computed variant)")
            continue
        for variant in variants:
            key = code if variant is None else f"{code}.{variant}"
            for lang, table in (("en", en), ("id", idn)):
                if key not in table:
                    problems.append(f"{where}: {lang} has no template {key}")
            if names is not None and key in en and not _fields(en[key]) <= names:
                problems.append(f"{where}: {key} needs {sorted(_fields(en[key]) - names)}")
    assert problems == []


def test_every_rule_and_its_wordings_have_both_templates() -> None:
    """Each built-in rule code, and each variant and phrase its module names, is worded."""
    en, idn = _i18n.catalogue("en"), _i18n.catalogue("id")
    by_module: dict[str, list[str]] = {}
    for r in rules.registry():
        if r.function.__module__.startswith("adminnet"):
            by_module.setdefault(r.function.__module__, []).append(r.code)
            assert r.code in en, r.code
            assert r.code in idn, r.code
    assert sum(len(v) for v in by_module.values()) == 20
    for module, codes in by_module.items():
        path = SRC / (module.removeprefix("adminnet.").replace(".", "/") + ".py")
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            names: list[str | None] = []
            if _name(node.func) == "phrase" and node.args:
                names = [c for c in _constants(node.args[0]) or [] if c]
            elif _name(node.func) in {"violation", "error", "warning"}:
                kw = {k.arg: k.value for k in node.keywords if k.arg}
                names = [c for c in _constants(kw.get("variant")) or [] if c]
            for name in names:
                assert any(f"{c}.{name}" in en and f"{c}.{name}" in idn for c in codes), (
                    module,
                    name,
                )


def test_both_languages_name_the_same_fields() -> None:
    """The English and the Indonesian template of every key have the same fields."""
    en, idn = _i18n.catalogue("en"), _i18n.catalogue("id")
    assert en.keys() == idn.keys()
    assert [k for k in en if _fields(en[k]) != _fields(idn[k])] == []


def test_variants_have_their_code() -> None:
    """Every ``code.variant`` key sits under a code that has a template of its own."""
    en = _i18n.catalogue("en")
    script = _load_script("gen_errors_doc")
    for code, variants in script.grouped(sorted(en)).items():
        if variants:
            assert code in en


# --- Indonesian where asked for ---------------------------------------------------------

_SAMPLE = """
import json
from adminnet import Person, errors, rules
from adminnet.ids import golongan, nik, nip, region_code
from adminnet.model.dataset import Dataset
from adminnet.serialization import from_json
from adminnet.time import PartialDate, Period
from adminnet import spbe
from adminnet.export.popolo import to_popolo
from adminnet.export.tables import to_records
from adminnet.examples import lan_mou_2017

def message(fn):
    try:
        fn()
    except errors.AdminnetError as exc:
        return str(exc)
    raise AssertionError(fn)

out = [
    message(lambda: nip.validate("196513320001011001")),
    message(lambda: nik.validate("12345")),
    message(lambda: golongan.validate("V/a")),
    message(lambda: region_code.validate("81.7")),
    message(lambda: PartialDate.parse("2017-13")),
    message(lambda: Period.parse("2017", "2016")),
    message(lambda: Person(id="x", name="Budi", nip=123)),
    message(lambda: Dataset().person("nobody")),
    message(lambda: from_json(Person, '{"id": "x"}')),
    message(lambda: from_json(Person, "[1,")),
    message(lambda: rules.check(Dataset(), select="ZZZ")),
    message(lambda: to_records(42)),
    message(lambda: to_popolo(42)),
    message(lambda: spbe.recompute_index(9, 9, 9, 9)),
]
ds = lan_mou_2017()
report = rules.check(ds.merge(Dataset()), at="2017-03-16", select="TEN")
print(json.dumps(out))
"""


def test_adminnet_lang_id_speaks_indonesian() -> None:
    """ADMINNET_LANG=id words a sample of errors from each area in Indonesian."""
    env = {"ADMINNET_LANG": "id", "PYTHONPATH": str(ROOT / "src"), "PATH": ""}
    found = {}
    for lang in ("id", "en"):
        env["ADMINNET_LANG"] = lang
        run = subprocess.run(
            [sys.executable, "-c", _SAMPLE], env=env, capture_output=True, text=True, check=True
        )
        found[lang] = json.loads(run.stdout)
    en_words = {"is", "not", "has", "must", "the", "missing", "before", "matches"}
    for english, indonesian in zip(found["en"], found["id"], strict=True):
        assert english != indonesian
        assert not en_words & set(indonesian.replace(",", " ").split()), indonesian
    assert found["id"][0] == "tanggal lahir NIP 19651332 bukan tanggal yang ada di kalender"


def test_rule_messages_in_both_languages(lang: object) -> None:
    """Violations are worded from the catalogue in the language current when checked."""
    from adminnet.examples import lan_mou_2017
    from adminnet.model.position import Tenure

    ds = lan_mou_2017()
    t = ds.tenures[0]
    bad = Tenure(
        id="overlap",
        person_id=ds.persons[1].id,
        position_id=t.position_id,
        capacity=t.capacity,
        period=t.period,
    )
    from adminnet.model.dataset import Dataset

    dataset = ds.merge(Dataset(tenures=(bad,)))
    set_language("en")
    en = [v for v in rules.check(dataset, at="2017-03-16") if v.code == "TEN001"]
    set_language("id")
    idn = [v for v in rules.check(dataset, at="2017-03-16") if v.code == "TEN001"]
    assert en
    assert [v.params.keys() for v in en] == [v.params.keys() for v in idn]
    assert [v.params["lo"] for v in en] == [v.params["lo"] for v in idn]
    assert all("both hold" in v.message for v in en)
    assert all("sama-sama memegang" in v.message for v in idn)
    assert all(v.to_dict()["params"] == dict(v.params) for v in en)


def _case_reports() -> Iterator[rules.Report]:
    """The report of every dataset of the rule tests (tests/rules/cases.py)."""
    path = ROOT / "tests" / "rules" / "cases.py"
    spec = importlib.util.spec_from_file_location("_i18n_rule_cases", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for build in module.CASES.values():
        yield rules.check(build(), at="2024-01-01")


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_violation_shows_a_raw_key(lang: object, language: str) -> None:
    """Every violation of the rule vectors is worded (no key, no unfilled field)."""
    set_language(language)
    seen = 0
    for report in _case_reports():
        for v in report:
            seen += 1
            assert not v.message.startswith(v.code), v
            assert "{" not in v.message, v
    assert seen > 10


# --- params travel with the error -------------------------------------------------------


def test_params_round_trip_through_json_and_pickle() -> None:
    """ErrorDetail params survive JSON; errors keep code, params and variant when pickled."""
    err = InvalidLength(code="nip.invalid_length", params={"value": "12", "digits": 2})
    detail = ErrorDetail.from_error("$.nip", err, line=3)
    back = ErrorDetail(**json.loads(json.dumps(detail.to_dict())))
    assert back == detail
    assert dict(back.params) == {"value": "12", "digits": 2}
    for exc in (
        err,
        InvalidLength(code="nip.invalid_length", params={"value": "1"}, variant="empty"),
        AmbiguousName(code="ambiguous", candidates=["a", "b"], params={"value": "x"}),
        InvalidDataError([detail]),
    ):
        copy = pickle.loads(pickle.dumps(exc))
        assert type(copy) is type(exc)
        assert (copy.code, dict(copy.params), copy.variant, str(copy)) == (
            exc.code,
            dict(exc.params),
            exc.variant,
            str(exc),
        )
    assert pickle.loads(pickle.dumps(detail)).params == detail.params


def test_rewrapped_errors_keep_params() -> None:
    """A field error re-raised by a constructor keeps the params of the original."""
    with pytest.raises(adminnet.ValidationError) as info:
        adminnet.Person(id="x", name="Budi", nip="196513320001011001")
    assert info.value.code == "nip.invalid_birth_date"
    assert dict(info.value.params) == {"value": "19651332"}


def test_errors_page_is_generated_from_the_catalogues() -> None:
    """docs/errors.md equals what scripts/gen_errors_doc.py renders."""
    script = _load_script("gen_errors_doc")
    committed = (ROOT / "docs" / "errors.md").read_text("utf-8")
    assert committed == script.render(), "run: python scripts/gen_errors_doc.py"


def test_every_template_renders_with_its_fields(lang: object) -> None:
    """Each template, filled with its own fields, renders in both languages (no fallback)."""
    for language in _i18n.LANGUAGES:
        set_language(language)
        table = _i18n.catalogue(language)
        for key, template in table.items():
            params = dict.fromkeys(_fields(template), 7)
            rendered = _i18n.render(key, params, "\0fallback")
            assert rendered != "\0fallback", (language, key)
            assert "{" not in rendered.replace("{{", "").replace("{given", ""), (language, key)


@given(st.text(max_size=50))
def test_values_are_never_reinterpreted(value: str) -> None:
    """A value with braces or format specs is quoted as is, never formatted again."""
    err = InvalidComponent(code="nip.invalid_birth_date", params={"value": value})
    assert str(err) == f"NIP birth date {value} is not a calendar date"
