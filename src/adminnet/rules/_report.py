"""Laporan pemeriksaan (the report of a check and its three renderings).

A :class:`Report` holds the violations of one :func:`adminnet.rules.check` run, sorted;
it renders as ruff-like text (:meth:`Report.to_text`), as a JSON-ready dict or JSON
text (:meth:`Report.to_dict`, :meth:`Report.to_json`) and as an HTML table in a
notebook (``_repr_html_``).

>>> import pendulum
>>> from adminnet.rules._rule import Violation
>>> v = Violation("X001", "warning", "the dataset names no person", "dataset", "$")
>>> report = Report(violations=(v,), at=pendulum.date(2017, 3, 16), rules=("X001",))
>>> print(report.to_text())
X001 warning dataset  the dataset names no person
Found 0 errors and 1 warning (1 rule checked at 2017-03-16)
>>> report.ok, report.counts()
(True, {'X001': 1})
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum

from adminnet.rules._rule import RuleError, Severity, Violation

__all__ = ["Report"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@attrs.frozen(kw_only=True)
class Report:
    """Laporan pemeriksaan (the result of :func:`check`: violations, sorted).

    Iterating yields the violations sorted by entity, then code. ``len()`` counts them,
    so ``bool(report)`` is true when there is any violation: test ``report.ok`` for
    "no errors".

    Attributes:
        violations: Every violation, sorted by entity id, code, path and message.
        at: The day of the check.
        rules: Codes of the rules that were run, sorted.
    """

    violations: tuple[Violation, ...]
    at: pendulum.Date
    rules: tuple[str, ...]

    def __iter__(self) -> Iterator[Violation]:
        return iter(self.violations)

    def __len__(self) -> int:
        return len(self.violations)

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The violations with severity error."""
        return tuple(v for v in self.violations if v.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Violation, ...]:
        """The violations with severity warning."""
        return tuple(v for v in self.violations if v.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """True when no violation is an error (warnings allowed)."""
        return all(v.severity is not Severity.ERROR for v in self.violations)

    def counts(self) -> dict[str, int]:
        """How many violations of each rule code, by code."""
        tally = Counter(v.code for v in self.violations)
        return {code: tally[code] for code in sorted(tally)}

    def summary(self) -> str:
        """The last line of :meth:`to_text`."""
        n_err = len(self.errors)
        n_warn = len(self.violations) - n_err
        checked = f"{_plural(len(self.rules), 'rule')} checked at {self.at.isoformat()}"
        if not self.violations:
            return f"All checks passed ({checked})"
        return f"Found {_plural(n_err, 'error')} and {_plural(n_warn, 'warning')} ({checked})"

    def to_text(self, *, paths: bool = False) -> str:
        """Compact ruff-like text: one line per violation, then a summary line.

        ``TEN002 error tenure:papilaya-pj-ambon  Pj. capacity on ...``; with
        ``paths=True`` each line ends with the path in brackets. No final newline.
        """
        if paths:
            lines = [f"{v}  [{v.path}]" for v in self.violations]
        else:
            lines = [str(v) for v in self.violations]
        lines.append(self.summary())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-ready): at, ok, counts by severity and code, rules, violations."""
        n_err = len(self.errors)
        return {
            "at": self.at.isoformat(),
            "ok": self.ok,
            "errors": n_err,
            "warnings": len(self.violations) - n_err,
            "counts": self.counts(),
            "rules": list(self.rules),
            "violations": [v.to_dict() for v in self.violations],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """JSON text of :meth:`to_dict` (keys in a fixed order, UTF-8 kept as is)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def raise_for_errors(self) -> Report:
        """Raise :class:`RuleError` listing every error; return the report if none.

        Raises:
            RuleError: at least one violation has severity error.
        """
        errors = self.errors
        if errors:
            raise RuleError(errors)
        return self

    def _repr_html_(self) -> str:
        """A small HTML table for notebooks."""
        esc = html.escape
        rows = "".join(
            "<tr>"
            f"<td><code>{esc(v.code)}</code></td><td>{esc(v.severity.value)}</td>"
            f"<td><code>{esc(v.entity_id)}</code></td><td>{esc(v.message)}</td>"
            f"<td><code>{esc(v.path)}</code></td>"
            "</tr>"
            for v in self.violations
        )
        head = (
            "<thead><tr><th>code</th><th>severity</th><th>entity</th><th>message</th>"
            "<th>path</th></tr></thead>"
        )
        caption = f"<caption>{esc(self.summary())}</caption>"
        return f"<table>{caption}{head}<tbody>{rows}</tbody></table>"
