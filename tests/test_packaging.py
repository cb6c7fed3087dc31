"""Packaging and public surface: README commands, __all__, docstrings, py.typed."""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import adminnet

ROOT = Path(__file__).resolve().parent.parent

PUBLIC_MODULES = [
    "adminnet",
    "adminnet.agencies",
    "adminnet.errors",
    "adminnet.examples",
    "adminnet.export",
    "adminnet.ids",
    "adminnet.ids.golongan",
    "adminnet.ids.nik",
    "adminnet.ids.nip",
    "adminnet.ids.region_code",
    "adminnet.model",
    "adminnet.regions",
    "adminnet.rules",
    "adminnet.serialization",
    "adminnet.strategies",
    "adminnet.text.dates",
    "adminnet.text.names",
    "adminnet.text.numbers",
    "adminnet.time",
]


def test_readme_has_exactly_two_setup_commands() -> None:
    """README keeps two sh commands; .ci/run runs the second's install and pytest."""
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)
    assert 2 == len(commands)
    assert commands[0].endswith("adminnet check")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert 'pip install --quiet -e ".[test,dev]"' in ci
    assert '-m pip install -e ".[test,dev]"' in commands[1]
    assert commands[1].endswith("-m pytest -q")
    assert "python -m pytest -q" in ci


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_all_is_sorted_and_importable(name: str) -> None:
    """Each public module's __all__ is sorted and every name in it exists."""
    module = importlib.import_module(name)
    names = list(module.__all__)
    assert sorted(names) == names
    for attr in names:
        assert hasattr(module, attr), f"{name}.{attr}"


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_public_names_have_docstrings(name: str) -> None:
    """Every public class and function has a docstring."""
    module = importlib.import_module(name)
    assert module.__doc__
    for attr in module.__all__:
        obj = getattr(module, attr)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert obj.__doc__, f"{name}.{attr} has no docstring"


def test_version_from_metadata() -> None:
    """__version__ comes from the installed distribution."""
    assert importlib.metadata.version("adminnet") == adminnet.__version__


def test_py_typed_and_data_shipped() -> None:
    """py.typed and the data files are in the package."""
    package = Path(adminnet.__file__).parent
    assert (package / "py.typed").exists()
    for name in ("regions.txt", "regions.json", "agencies.json", "SOURCES.md"):
        assert (package / "data" / name).exists()


def test_hypothesis_entry_point_declared() -> None:
    """The hypothesis plugin entry point points at the hook."""
    eps = importlib.metadata.entry_points(group="hypothesis")
    assert "adminnet._hypothesis:_hypothesis_setup_hook" in {ep.value for ep in eps}


def test_import_is_light() -> None:
    """import adminnet opens no data file and imports no hypothesis."""
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == 'open' else None)\n"
        "import adminnet\n"
        "assert not [p for p in opened if '/adminnet/data/' in p], opened\n"
        "assert 'hypothesis' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
