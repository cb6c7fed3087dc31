"""scripts/mkdocs_figures.py: the docs build runs a page's code and adds the figures it draws."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _hook() -> ModuleType:
    path = ROOT / "scripts" / "mkdocs_figures.py"
    spec = importlib.util.spec_from_file_location("_docs_mkdocs_figures", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = _hook()

_PAGE = """# A page

```pycon
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> _ = ax.plot([1, 2, 3], [3, 1, 2])
>>> 1 + 1
2

```

![A line](figures/line.png) and ![not a figure](other/x.png)
"""


def test_figure_links_are_the_figures_targets_in_order() -> None:
    text = "![b](figures/b.png) ![x](img/x.png) ![a](figures/a_1-x.png) [c](figures/c.png)"
    assert hook.figure_links(text) == ["figures/b.png", "figures/a_1-x.png"]
    assert hook.figure_links(_PAGE) == ["figures/line.png"]


def test_notebooks_page_shows_the_figures_its_code_draws() -> None:
    text = (ROOT / "docs" / "notebooks.md").read_text("utf-8")
    assert hook.figure_links(text) == ["figures/spbe_predicates_by_province.png"]


def test_render_gives_one_png_per_open_figure() -> None:
    pytest.importorskip("matplotlib", reason="needs the 'notebook' extra (matplotlib)")
    (png,) = hook.render(_PAGE, "page.md")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert hook.render("no figures here", "empty.md") == []


def test_a_failing_example_fails_the_build() -> None:
    pytest.importorskip("matplotlib", reason="needs the 'notebook' extra (matplotlib)")
    page = _PAGE.replace("2\n\n```", "3\n\n```")
    with pytest.raises(hook.FigureError, match=r"page\.md: 1 of 4 examples failed"):
        hook.render(page, "page.md")


def test_the_notebooks_chart_is_drawn(reference_dir: Path) -> None:
    for module in ("pyarrow", "polars", "duckdb", "matplotlib"):
        pytest.importorskip(module, reason=f"needs the 'notebook' extra ({module})")
    text = (ROOT / "docs" / "notebooks.md").read_text("utf-8")
    (png,) = hook.render(text, "notebooks.md")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) > 10_000  # a real chart, not an empty canvas
