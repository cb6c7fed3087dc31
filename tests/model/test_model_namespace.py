"""Tests of the adminnet.model namespace: lazy re-exports (PEP 562)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import adminnet
import adminnet.model as model

NAMES = sorted(model.__all__)


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted, has no duplicates and lists exactly the re-exported names."""
    assert model.__all__ == sorted(set(model.__all__))
    assert set(model.__all__) == set(model._EXPORTS)


@pytest.mark.parametrize("name", NAMES)
def test_name_resolves_to_its_definition(name: str) -> None:
    """Each name of __all__ is the very object of the module that defines it."""
    value = getattr(model, name)
    assert model._EXPORTS[name] == value.__module__  # the object says where it is defined
    assert getattr(importlib.import_module(value.__module__), name) is value


@pytest.mark.parametrize("name", NAMES)
def test_name_is_also_in_adminnet(name: str) -> None:
    """adminnet re-exports the same object as adminnet.model."""
    assert getattr(adminnet, name) is getattr(model, name)


def test_dir_lists_every_name() -> None:
    """dir(adminnet.model) lists every name of __all__, resolved or not."""
    assert set(model.__all__) <= set(dir(model))


def test_star_import_gives_every_name() -> None:
    """from adminnet.model import * binds every name of __all__."""
    namespace: dict[str, object] = {}
    exec("from adminnet.model import *", namespace)
    assert {n for n in namespace if not n.startswith("__")} == set(NAMES)


@pytest.mark.parametrize("name", ["Nope", "person_name", "__version__", "_EXPORT"])
def test_unknown_attribute_raises_attribute_error(name: str) -> None:
    """An unknown name raises AttributeError with the usual message."""
    with pytest.raises(AttributeError) as info:
        getattr(model, name)
    assert str(info.value) == f"module 'adminnet.model' has no attribute {name!r}"


def test_unknown_name_in_from_import_is_import_error() -> None:
    """from adminnet.model import <unknown> is an ImportError, not something else."""
    with pytest.raises(ImportError, match="cannot import name 'Nope'"):
        exec("from adminnet.model import Nope", {})


def test_submodules_stay_importable_by_from_import() -> None:
    """from adminnet.model import person still gives the submodule (not a name)."""
    namespace: dict[str, object] = {}
    exec("from adminnet.model import person, region", namespace)
    assert namespace["person"] is sys.modules["adminnet.model.person"]
    assert namespace["region"] is sys.modules["adminnet.model.region"]


_LAZY_SCRIPT = """
import sys
{statement}
loaded = sorted(m for m in sys.modules if m.startswith("adminnet.model."))
print(" ".join(loaded))
"""


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "from adminnet import Person",
            ["adminnet.model._common", "adminnet.model._display", "adminnet.model.person"],
        ),
        (
            "from adminnet.model.person import Person",
            ["adminnet.model._common", "adminnet.model._display", "adminnet.model.person"],
        ),
        ("import adminnet.model", []),
        (
            "from adminnet.model import Region",
            ["adminnet.model._common", "adminnet.model._display", "adminnet.model.region"],
        ),
    ],
)
def test_one_entity_does_not_import_the_others(statement: str, expected: list[str]) -> None:
    """Importing one entity class loads only its own module (and the shared helpers)."""
    out = subprocess.run(
        [sys.executable, "-c", _LAZY_SCRIPT.format(statement=statement)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert out == expected
    for other in ("adminnet.model.agreement", "adminnet.model.digital", "adminnet.model.dataset"):
        assert other not in out


def test_entity_import_does_not_import_cattrs() -> None:
    """cattrs loads with serialization (or a first validation error), not with a model class."""
    script = (
        "import sys\n"
        "from adminnet import Person\n"
        "print('cattrs' in sys.modules)\n"
        "try:\n"
        "    Person(id='X', name='Budi')\n"
        "except Exception as exc:\n"
        "    print(type(exc.__notes__[0]).__name__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout.split()
    assert out == ["False", "AttributeValidationNote"]
