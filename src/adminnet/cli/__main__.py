"""python -m adminnet.cli: the adminnet command."""

from __future__ import annotations

import sys

from adminnet.cli import main

sys.exit(main())
