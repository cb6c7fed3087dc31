"""Griffe extension for the docs site: adminnet's reST-flavoured docstrings as Markdown.

adminnet's docstrings are Google style with a few reStructuredText habits that Python
readers know: doctest examples (``>>>``) in the running text, roles such as
``:func:`parse_name``` and ``:class:`~adminnet.model.region.Region```, literal
blocks introduced by ``::``, and simple tables drawn with ``=``. mkdocstrings renders
docstrings as Markdown, where ``[...]`` in an example's output would read as a broken
link and the roles would show as they are typed. This extension rewrites each
docstring once, when the package is loaded (the source files are never touched):

- every doctest block becomes a ``pycon`` code fence;
- ``::`` at the end of a paragraph becomes ``:`` and the indented block after it a
  ``text`` code fence;
- a role becomes a code span, linked to the object's API entry when mkdocstrings
  renders it (an *optional* cross-reference: no warning when it is not rendered);
- a simple reST table becomes a Markdown table.

Used by ``mkdocs.yml`` (``plugins.mkdocstrings.handlers.python.options.extensions``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(class|func|mod|data|attr|meth|exc|obj|const):`(~?)([^`]+)`")
_TABLE_RULE = re.compile(r"^(\s*)(=+(?: +=+)+)\s*$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _fence_doctests(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip(" ")
        if stripped.startswith("```"):
            in_fence = not in_fence
            out.append(line)
            i += 1
            continue
        if in_fence or not stripped.startswith(">>>"):
            out.append(line)
            i += 1
            continue
        pad = " " * _indent(line)
        block: list[str] = []
        while i < len(lines) and lines[i].strip() and _indent(lines[i]) >= len(pad):
            block.append(lines[i])
            i += 1
        out.extend([f"{pad}```pycon", *block, f"{pad}```"])
    return out


def _fence_literals(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.rstrip().endswith("::") or line.strip() == "::":
            out.append(line)
            i += 1
            continue
        out.append(line.rstrip()[:-1])
        i += 1
        base = _indent(line)
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or _indent(lines[j]) <= base:
            continue
        block: list[str] = []
        while j < len(lines) and (not lines[j].strip() or _indent(lines[j]) > base):
            block.append(lines[j])
            j += 1
        while block and not block[-1].strip():
            block.pop()
        inner = min(_indent(b) for b in block if b.strip())
        pad = " " * base
        out.extend(["", f"{pad}```text", *(pad + b[inner:] for b in block), f"{pad}```", ""])
        i = j
    return out


def _cells(line: str, spans: list[tuple[int, int]]) -> list[str]:
    cells = []
    for k, (start, _end) in enumerate(spans):
        stop = len(line) if k == len(spans) - 1 else spans[k + 1][0]
        cells.append(line[start:stop].strip().replace("|", "\\|"))
    return cells


def _tables(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _TABLE_RULE.match(lines[i])
        # A simple table: rule, header, rule, rows, rule.
        if m is None or i + 2 >= len(lines) or lines[i + 2].strip() != lines[i].strip():
            out.append(lines[i])
            i += 1
            continue
        rule = lines[i]
        spans = [(x.start(), x.end()) for x in re.finditer(r"=+", rule)]
        pad = m.group(1)
        header = _cells(lines[i + 1], spans)
        rows: list[list[str]] = []
        j = i + 3
        while j < len(lines) and lines[j].strip() != rule.strip():
            if lines[j].strip():
                rows.append(_cells(lines[j], spans))
            j += 1
        out.append(pad + "| " + " | ".join(header) + " |")
        out.append(pad + "|" + "---|" * len(header))
        out.extend(pad + "| " + " | ".join(r) + " |" for r in rows)
        i = j + 1
    return out


def _resolve(obj: griffe.Object, target: str) -> str | None:
    """The full path of ``target`` as seen from ``obj``, if it names an object."""
    candidates = [target]
    scope: griffe.Object | None = obj
    while scope is not None:
        candidates.append(f"{scope.path}.{target}")
        scope = scope.parent
    for path in candidates:
        try:
            found = obj.modules_collection[path]
        except (KeyError, ValueError, griffe.AliasResolutionError):
            continue
        return str(found.path)
    return None


def _roles(obj: griffe.Object, text: str) -> str:
    def replace(m: re.Match[str]) -> str:
        tilde, target = m.group(2), m.group(3)
        shown = target.rsplit(".", 1)[-1] if tilde else target
        path = _resolve(obj, target)
        if path is None or not path.startswith("adminnet"):
            return f"`{shown}`"
        return f'<autoref identifier="{path}" optional><code>{shown}</code></autoref>'

    return _ROLE.sub(replace, text)


def _convert(obj: griffe.Object, text: str) -> str:
    parts = re.split(r"(```.*?```)", text, flags=re.S)  # leave authored fences alone
    for k in range(0, len(parts), 2):
        lines = parts[k].split("\n")
        lines = _fence_literals(_tables(_fence_doctests(lines)))
        parts[k] = _roles(obj, "\n".join(lines))
    return "".join(parts)


def _walk(obj: griffe.Object, seen: set[str]) -> None:
    if obj.path in seen:
        return
    seen.add(obj.path)
    if obj.docstring is not None:
        obj.docstring.value = _convert(obj, obj.docstring.value)
    for member in obj.members.values():
        if member.is_alias:
            continue
        _walk(member, seen)  # type: ignore[arg-type]


class MarkdownDocstrings(griffe.Extension):
    """Rewrite every docstring of a loaded package from reST habits to Markdown."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Convert the docstrings of the package and all its members."""
        del kwargs
        _walk(pkg, set())
