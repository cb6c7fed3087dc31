"""mkdocs hook: run the examples of a page that shows figures, and add the PNGs it draws.

A page shows a figure made by its own code with an image link into ``figures/``, e.g.
``![Predicates by province](figures/spbe_predicates_by_province.png)``. For each such
page (docs/notebooks.md), at ``on_files`` this hook runs the page's examples (the
``>>>`` lines, as pytest's doctests do, with the same option flags), fails the build
if any example fails, saves each matplotlib figure left open (in the order the code
opened them) as the PNG of the page's ``figures/`` links (in the order they appear),
and adds the PNGs to the site as generated files. The page's code and its chart thus
cannot disagree, and no PNG is committed.

Registered in mkdocs.yml: ``hooks: [scripts/mkdocs_figures.py]``. Needs what the
page's code needs (the ``notebook`` extra: pyarrow, polars, DuckDB, matplotlib).
"""

from __future__ import annotations

import doctest
import io
import os
import posixpath
import re
from pathlib import Path
from typing import Any

_FIGURE_LINK = re.compile(r"!\[[^\]]*\]\((figures/[A-Za-z0-9_.-]+\.png)\)")
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL


class FigureError(Exception):
    """A page's examples failed, or drew another number of figures than it shows."""


def figure_links(text: str) -> list[str]:
    """The ``figures/*.png`` image targets of a page, in order."""
    return _FIGURE_LINK.findall(text)


def render(text: str, name: str) -> list[bytes]:
    """Run the examples of ``text``; the PNG of each figure they leave open, in order."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.close("all")
    test = doctest.DocTestParser().get_doctest(text, {"__name__": "__notebook__"}, name, name, 0)
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    try:
        result = runner.run(test, out=out.write, clear_globs=True)
        if result.failed:
            msg = f"{name}: {result.failed} of {result.attempted} examples failed\n{out.getvalue()}"
            raise FigureError(msg)
        pngs = []
        for number in plt.get_fignums():
            buf = io.BytesIO()
            plt.figure(number).savefig(buf, format="png", dpi=96, metadata={"Software": None})
            pngs.append(buf.getvalue())
    finally:
        plt.close("all")
    return pngs


def on_files(files: Any, config: Any) -> Any:
    """Add the figures of every page that links into ``figures/`` (mkdocs event)."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    for page in list(files.documentation_pages()):
        text = Path(page.abs_src_path).read_text(encoding="utf-8")
        links = figure_links(text)
        if not links:
            continue
        try:
            pngs = render(text, page.src_uri)
        except FigureError as exc:
            raise PluginError(str(exc)) from None
        if len(pngs) != len(links):
            msg = f"{page.src_uri}: its code drew {len(pngs)} figures, it shows {len(links)}"
            raise PluginError(msg)
        base = posixpath.dirname(page.src_uri)
        for link, png in zip(links, pngs, strict=True):
            files.append(File.generated(config, posixpath.join(base, link), content=png))
    return files
