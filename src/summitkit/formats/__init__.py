"""Serializers: one module per format.

- :mod:`summitkit.formats.json`: the canonical, lossless JSON document.
"""

from __future__ import annotations

from summitkit.formats import json

__all__ = ["json"]
