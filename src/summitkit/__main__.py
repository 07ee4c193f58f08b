"""``python -m summitkit`` runs the ``summitkit`` command line."""

from __future__ import annotations

import sys

from summitkit.cli import main

sys.exit(main())
