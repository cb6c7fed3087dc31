"""Mesin aturan (the rule engine's names in one module, kept for older imports).

The engine is split by noun into private modules: :mod:`adminnet.rules._rule`
(:class:`Rule`, :class:`Violation`, :class:`RuleContext`, the errors),
:mod:`adminnet.rules._report` (:class:`Report` and its renderings),
:mod:`adminnet.rules._registry` (:class:`Registry`, selection) and
:mod:`adminnet.rules._default` (the default registry of the built-in rules). Import
these names from :mod:`adminnet.rules`; this module re-exports them unchanged.

>>> from adminnet.rules import engine, Rule
>>> engine.Rule is Rule
True
"""

from __future__ import annotations

# Every public name of adminnet.rules, and its __all__: one list, kept there.
from adminnet.rules import *  # noqa: F403
from adminnet.rules import __all__ as __all__
