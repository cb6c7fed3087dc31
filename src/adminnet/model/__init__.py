"""Model entitas (the entity classes of adminnet, one module per area).

Everything here is re-exported from :mod:`adminnet`.
"""

from __future__ import annotations

__all__: list[str] = []
