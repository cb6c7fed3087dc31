"""misuse.py is read by the type checkers (tests/test_typing.py), never imported."""

from __future__ import annotations

collect_ignore = ["misuse.py"]
