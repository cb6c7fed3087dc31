"""The documentation site: generated pages current, nav complete, strict build, help texts.

The examples on the pages themselves run as doctests (``--doctest-glob=*.md`` over the
``docs`` test path); these tests keep the rest of the site honest.
"""

from __future__ import annotations

import enum
import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import adminnet
from adminnet.ids import golongan, nip, region_code
from adminnet.rules import Severity

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"

# A nav entry: "  - Title: page.md" (the title possibly quoted).
_NAV_ENTRY = re.compile(r'^\s*-\s*(?:"[^"]*"|[^:\n]+):\s*(\S+\.md)\s*$', re.M)
_FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```\s*$", re.M | re.S)
_HELP_BLOCK = re.compile(r"^<!-- help: (adminnet[^>]*?) -->\n```text\n(.*?)^```\s*$", re.M | re.S)


def _load_script(name: str) -> ModuleType:
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_docs_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _nav_pages() -> list[str]:
    text = MKDOCS_YML.read_text("utf-8")
    nav = text[text.index("\nnav:") :]
    return _NAV_ENTRY.findall(nav)


def _pages() -> list[Path]:
    return sorted(DOCS.glob("*.md"))


def test_rules_page_is_generated_from_the_registry() -> None:
    """docs/rules.md equals what scripts/gen_rules_doc.py renders from the registry."""
    generator = _load_script("gen_rules_doc")
    committed = (DOCS / "rules.md").read_text("utf-8")
    assert committed == generator.render(), "run: python scripts/gen_rules_doc.py"


def test_rules_page_has_a_section_for_every_builtin_rule() -> None:
    """Every built-in rule code has its own section and table row on the rules page."""
    from adminnet import rules

    page = (DOCS / "rules.md").read_text("utf-8")
    codes = sorted(r.code for r in rules.registry() if r.function.__module__.startswith("adminnet"))
    assert len(codes) == 20
    sections = re.findall(r"^### ([A-Z]+\d{3}) ", page, flags=re.M)
    assert codes == sorted(sections)
    for code in codes:
        assert f"| [{code}](#{code.lower()}) |" in page


def test_every_nav_page_exists() -> None:
    """Each page named in the mkdocs.yml nav is a file in docs/."""
    pages = _nav_pages()
    assert "index.md" in pages
    missing = [p for p in pages if not (DOCS / p).is_file()]
    assert missing == []


def test_every_page_is_in_the_nav_once() -> None:
    """Every docs/*.md is in the nav exactly once, and nothing else is."""
    pages = _nav_pages()
    assert sorted(pages) == [p.name for p in _pages()]
    assert len(pages) == len(set(pages))


def test_nav_has_the_pages_the_site_promises() -> None:
    """The nav holds the tutorial, the model pages, rules, testing, CLI and reference."""
    expected = {
        "index.md",
        "tutorial.md",
        "regions.md",
        "agencies.md",
        "officials.md",
        "agreements.md",
        "digital.md",
        "spbe.md",
        "identifiers.md",
        "text.md",
        "positions.md",
        "extract.md",
        "serialization.md",
        "rules.md",
        "testing.md",
        "cli.md",
        "notebooks.md",
        "errors.md",
        "scale.md",
        "glossary.md",
        "architecture.md",
        "decisions.md",
        "changelog.md",
        "api.md",
    }
    assert expected == set(_nav_pages())


def test_markdown_pages_run_as_doctests() -> None:
    """pytest collects docs/ and README.md with the Markdown doctest glob."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    options = config["tool"]["pytest"]["ini_options"]
    assert "docs" in options["testpaths"]
    assert "README.md" in options["testpaths"]
    assert "--doctest-glob=*.md" in options["addopts"]


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_python_blocks_are_doctests(page: Path) -> None:
    """Every Python code block on a page is a doctest, so every example runs."""
    for language, body in _FENCE.findall(page.read_text("utf-8")):
        if language in ("python", "py", "pycon"):
            assert ">>>" in body, f"{page.name}: a {language} block without >>> never runs"
            # doctest ends an example's output at a blank line: without one, the
            # closing fence would be read as expected output.
            assert body.endswith("\n\n"), (
                f"{page.name}: a {language} block ends without a blank line"
            )


def test_glossary_names_every_public_enum() -> None:
    """Each public enum (model, identifiers, rules) appears in the glossary."""
    enums = [
        obj
        for obj in (getattr(adminnet, name) for name in adminnet.__all__)
        if isinstance(obj, type) and issubclass(obj, enum.Enum)
    ]
    enums += [
        nip.NipKind,
        golongan.GolonganScheme,
        region_code.RegencyType,
        region_code.VillageType,
        Severity,
    ]
    glossary = (DOCS / "glossary.md").read_text("utf-8")
    missing = [e.__name__ for e in enums if f"`{e.__name__}" not in glossary]
    assert missing == []


def _cli_help(args: list[str]) -> str:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("FORCE_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-m", "adminnet", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _help_blocks() -> list[tuple[str, str]]:
    return _HELP_BLOCK.findall((DOCS / "cli.md").read_text("utf-8"))


def test_cli_page_shows_help_of_every_command() -> None:
    """The CLI page has the --help text of the command and of each subcommand."""
    commands = [command for command, _ in _help_blocks()]
    assert commands == [
        "adminnet --help",
        "adminnet check --help",
        "adminnet region --help",
        "adminnet nip --help",
        "adminnet schema --help",
        "adminnet example --help",
        "adminnet export --help",
        "adminnet extract --help",
        "adminnet completion --help",
    ]


@pytest.mark.parametrize(("command", "shown"), _help_blocks(), ids=lambda v: str(v)[:40])
def test_cli_help_on_the_page_is_current(command: str, shown: str) -> None:
    """The help text on the CLI page is the command's real --help (spacing aside)."""
    actual = _cli_help(command.split()[1:])
    assert " ".join(shown.split()) == " ".join(actual.split())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built by ``mkdocs build --strict`` into a temporary folder."""
    if importlib.util.find_spec("mkdocs") is None:
        pytest.fail('mkdocs is not installed: pip install -e ".[docs]"')
    site_dir = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def test_site_builds_strictly(site: Path) -> None:
    """mkdocs build --strict succeeds and writes a page for every nav entry."""
    for page in _nav_pages():
        name = page.removesuffix(".md")
        built = site / "index.html" if name == "index" else site / name / "index.html"
        assert built.is_file(), page


def test_site_includes_the_changelog(site: Path) -> None:
    """The changelog page carries CHANGELOG.md's text, not the include directive."""
    html = (site / "changelog" / "index.html").read_text("utf-8")
    first_entry = re.search(r"^## (.+)$", (ROOT / "CHANGELOG.md").read_text("utf-8"), re.M)
    assert first_entry is not None
    assert first_entry.group(1) in html
    assert "--8&lt;--" not in html
    assert "--8<--" not in html


def test_api_reference_documents_the_public_modules(site: Path) -> None:
    """The API page has an entry for each public module and renders examples as code."""
    html = (site / "api" / "index.html").read_text("utf-8")
    for module in (
        "adminnet.errors",
        "adminnet.time",
        "adminnet.ids.nip",
        "adminnet.text.names",
        "adminnet.model.dataset",
        "adminnet.regions",
        "adminnet.agencies",
        "adminnet.serialization",
        "adminnet.export.popolo",
        "adminnet.rules",
        "adminnet.examples",
        "adminnet.strategies",
    ):
        assert f'id="{module}"' in html, module
    # reST roles are rewritten and doctests fenced by scripts/griffe_markdown.py.
    assert ":func:`" not in html
    assert ":class:`" not in html
    assert '<span class="gp">&gt;&gt;&gt; </span>' in html  # a highlighted pycon prompt
