"""The layering of docs/architecture.md, kept true: no upward import, no import cycle.

The import graph of ``src/adminnet`` is read with :mod:`ast`: every ``import`` and
``from ... import`` anywhere in a module, inside functions and under
``TYPE_CHECKING`` included (a lazy import is still a dependency). Each module has a
layer; a module may import its own layer and the layers below, never above, and the
modules of one layer import each other without a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "adminnet"

# The first matching prefix gives the layer (see docs/architecture.md).
LAYERS: tuple[tuple[str, int], ...] = (
    # 5: entry points: the command, the hypothesis plugin hook, the lazy root namespace
    ("adminnet.cli", 5),
    ("adminnet.__main__", 5),
    ("adminnet._hypothesis", 5),
    # 0: foundations
    ("adminnet.errors", 0),
    ("adminnet.time", 0),
    ("adminnet._", 0),  # private top-level helpers: _enum, _lazy, _memo, _validators
    # 1: identifiers and Indonesian text
    ("adminnet.ids", 1),
    ("adminnet.text", 1),
    # 2: the entity classes
    ("adminnet.model", 2),
    # 3: the registries
    ("adminnet.regions", 3),
    ("adminnet.agencies", 3),
    ("adminnet.positions", 3),
    # 4: what works on entities and registries
    ("adminnet.serialization", 4),
    ("adminnet.rules", 4),
    ("adminnet.export", 4),
    ("adminnet.extract", 4),
    ("adminnet.strategies", 4),
    ("adminnet.examples", 4),
    ("adminnet.spbe", 4),
)
ROOT_PACKAGE = "adminnet"  # the lazy re-exporting namespace: exempt, it only re-exports

# Known exceptions, each owned by an open issue; the test fails when one no longer
# occurs, so this list can only shrink.
KNOWN_UPWARD: frozenset[tuple[str, str]] = frozenset()
KNOWN_CYCLES: frozenset[frozenset[str]] = frozenset()


def layer(module: str) -> int:
    """The layer of a module of adminnet (a KeyError names an unplaced module)."""
    if module == ROOT_PACKAGE:
        return 5
    for prefix, number in LAYERS:
        if (
            module == prefix
            or module.startswith(prefix + ".")
            or (prefix.endswith("_") and module.startswith(prefix))
        ):
            return number
    raise KeyError(module)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The adminnet module ``name`` denotes (a name inside a module: that module)."""
    while name:
        if name in modules:
            return name
        if "." not in name:
            return None
        name = name.rsplit(".", 1)[0]
    return None


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> Iterator[tuple[str, int]]:
    """Every adminnet module ``module`` imports, with the line, anywhere in the file."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found = _resolve(alias.name, modules)
                if found is not None:
                    yield found, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            for alias in node.names:
                # "from adminnet import regions": the submodule if there is one.
                found = _resolve(f"{base}.{alias.name}", modules) or _resolve(base, modules)
                if found is not None:
                    yield found, node.lineno


def graph() -> dict[str, dict[str, int]]:
    """Module -> {imported module: first line}, self-imports left out."""
    modules = all_modules()
    edges: dict[str, dict[str, int]] = {}
    for module, path in modules.items():
        out: dict[str, int] = {}
        for target, line in imports_of(module, path, modules):
            if target != module:
                out.setdefault(target, line)
        edges[module] = out
    return edges


def _is_own_reexport(source: str, target: str, modules: dict[str, Path]) -> bool:
    """A package's ``__init__`` importing one of its own submodules."""
    return modules[source].name == "__init__.py" and target.startswith(source + ".")


def upward_imports() -> set[tuple[str, str]]:
    found = set()
    for source, targets in graph().items():
        if source == ROOT_PACKAGE:
            continue
        for target in targets:
            if layer(target) > layer(source):
                found.add((source, target))
    return found


def cycles() -> set[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    modules = all_modules()
    edges = {
        s: [t for t in ts if not _is_own_reexport(s, t, modules) and t != ROOT_PACKAGE]
        for s, ts in graph().items()
        if s != ROOT_PACKAGE
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_every_module_has_a_layer() -> None:
    """A new module must be placed in LAYERS (and in docs/architecture.md)."""
    for module in all_modules():
        if module != ROOT_PACKAGE:
            layer(module)


def test_no_module_imports_a_layer_above_it() -> None:
    edges = graph()
    found = upward_imports()
    new = sorted(found - KNOWN_UPWARD)
    lines = [
        f"{s} (layer {layer(s)}) imports {t} (layer {layer(t)}) at line {edges[s][t]}"
        for s, t in new
    ]
    assert not new, "upward imports:\n" + "\n".join(lines)
    stale = KNOWN_UPWARD - found
    assert not stale, f"fixed, remove from KNOWN_UPWARD: {sorted(stale)}"


def test_no_import_cycle() -> None:
    found = cycles()
    new = [sorted(c) for c in found - KNOWN_CYCLES]
    assert not new, f"import cycles: {new}"
    stale = KNOWN_CYCLES - found
    assert not stale, f"fixed, remove from KNOWN_CYCLES: {[sorted(c) for c in stale]}"


# --- the checker itself bites -------------------------------------------------------------


def _fake(tmp_path: Path, files: dict[str, str]) -> dict[str, Path]:
    for name, text in files.items():
        path = tmp_path / "adminnet" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return {module_name_in(tmp_path, p): p for p in sorted((tmp_path / "adminnet").rglob("*.py"))}


def module_name_in(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_lazy_and_type_checking_imports_are_seen(tmp_path: Path) -> None:
    """Imports inside functions, under TYPE_CHECKING and relative ones all count."""
    modules = _fake(
        tmp_path,
        {
            "__init__.py": "",
            "ids/__init__.py": "",
            "ids/nik.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from adminnet.model.region import Region\n"
                "def f():\n    from adminnet import regions\n"
                "from . import nip\n"
            ),
            "ids/nip.py": "",
            "model/__init__.py": "",
            "model/region.py": "",
            "regions.py": "",
        },
    )
    found = {t for t, _ in imports_of("adminnet.ids.nik", modules["adminnet.ids.nik"], modules)}
    assert found == {"adminnet.model.region", "adminnet.regions", "adminnet.ids.nip"}
    assert layer("adminnet.regions") > layer("adminnet.ids.nik")


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("adminnet.errors", 0),
        ("adminnet._memo", 0),
        ("adminnet.text.folding", 1),
        ("adminnet.ids.nip", 1),
        ("adminnet.model.person", 2),
        ("adminnet.regions.search", 3),
        ("adminnet.serialization._person", 4),
        ("adminnet.cli", 5),
    ],
)
def test_layer_map(module: str, expected: int) -> None:
    assert layer(module) == expected
