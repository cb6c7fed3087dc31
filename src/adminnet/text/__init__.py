"""Teks bahasa Indonesia (Indonesian text: names with gelar, dates, numbers).

- :mod:`adminnet.text.names`: ``parse_name`` and :class:`~adminnet.text.names.PersonName`;
- :mod:`adminnet.text.dates`: ``parse_date`` and ``format_date``;
- :mod:`adminnet.text.numbers`: ``parse_number`` and ``parse_percent``.
"""

from __future__ import annotations

__all__: list[str] = []
