"""Turn the Python blocks of the Markdown docs into modules a type checker can read.

Each page becomes one module: its ``python`` blocks as they are, its ``pycon`` blocks
as the statements after ``>>>`` and ``...`` (the printed output is dropped), in page
order, so that a later block sees the names of an earlier one, as in the doctest run.
"""

from __future__ import annotations

import re
from pathlib import Path

_FENCE = re.compile(r"^```(\w+)?[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def page_source(text: str) -> str:
    """The Python of one Markdown page, blocks in order, one module."""
    out: list[str] = []
    for match in _FENCE.finditer(text):
        lang, body = match.group(1), match.group(2)
        is_session = lang == "pycon" or body.lstrip().startswith(">>>")
        if lang == "python" and not is_session:
            out.append(body)
        elif is_session and lang in {"python", "pycon"}:
            out.append(_session_source(body))
    return "".join(out)


def _session_source(body: str) -> str:
    """The statements of a ``>>>`` session; one shown to raise gets ``# type: ignore``.

    A documented refusal (its output a ``Traceback``) may be a static error as well,
    e.g. ``format_number(0.1)``; the rest of the session is checked as usual.
    """
    lines: list[str] = []
    statement: list[int] = []  # indexes in lines of the current statement
    for line in body.splitlines():
        if line.startswith(">>> ") or line == ">>>":
            statement = [len(lines)]
            lines.append(line[4:])
        elif line.startswith("... ") or line == "...":
            statement.append(len(lines))
            lines.append(line[4:])
        elif line.startswith("Traceback (most recent call last):"):
            for i in statement:
                lines[i] += "  # type: ignore  # documented refusal"
            statement = []
    return "\n".join(lines) + "\n"


def write_pages(pages: list[Path], into: Path) -> list[Path]:
    """Write one module per page with Python blocks into ``into``; return them."""
    written = []
    for page in pages:
        source = page_source(page.read_text(encoding="utf-8"))
        if not source.strip():
            continue
        name = re.sub(r"\W", "_", page.stem).lower()
        target = into / f"doc_{name}.py"
        target.write_text(source, encoding="utf-8")
        written.append(target)
    return written
