"""Private: how entities show themselves in a notebook (``str``, ``_repr_html_``).

Every entity has a readable ``str()`` of its own (the formal name, the label, the
code: ``"81.71 Kota Ambon"``) and the same HTML view, built here from its attrs
fields: a caption with the class and the ``str()``, then one row per field that is
set, every value escaped. Enums show their printed label (``Pj.``), nested entities
their ``str()``, tuples their items joined.

>>> import attrs
>>> @attrs.frozen
... class Thing:
...     name: str
...     tags: tuple[str, ...] = ()
...     note: str | None = None
...     def __str__(self) -> str:
...         return self.name
>>> html = entity_html(Thing("<b>", ("x", "y")))
>>> html[:49]
'<table><caption>Thing: &lt;b&gt;</caption><tbody>'
>>> "<b>" in html, html.count("<tr>"), "<td>x, y</td>" in html
(False, 2, True)
"""

from __future__ import annotations

from enum import Enum
from html import escape
from typing import Any

import attrs

__all__ = ["entity_html", "text_of"]


def text_of(value: object) -> str:
    """A field value as a person reads it: enum labels, items joined, ``str()``."""
    if isinstance(value, Enum):
        label = getattr(value, "label", None)
        return label if isinstance(label, str) else str(value.value)
    if isinstance(value, tuple | list):
        return ", ".join(text_of(v) for v in value)
    return str(value)


def entity_html(self: Any) -> str:
    """The notebook view of an attrs entity: a table of the fields that are set."""
    rows = []
    for field in attrs.fields(type(self)):
        if not field.init:
            continue
        value = getattr(self, field.name)
        if value is None or value == ():
            continue
        rows.append(
            f"<tr><th style='text-align:left'>{escape(field.name)}</th>"
            f"<td>{escape(text_of(value))}</td></tr>"
        )
    caption = f"{escape(type(self).__name__)}: {escape(str(self))}"
    return f"<table><caption>{caption}</caption><tbody>{''.join(rows)}</tbody></table>"
