"""Serializers: one module per format.

- :mod:`summitkit.formats.json`: the canonical, lossless JSON document.
- :mod:`summitkit.formats.ical`: iCalendar (RFC 5545) for calendars: the
  whole summit, a speaker, a track, a room or an attendee's picks (the
  ``ical`` extra).
- :mod:`summitkit.formats.frab`: the frab/c3voc schedule XML and JSON that
  pretalx, frab and FOSDEM publish and conference apps read, written to the
  published schemas and read leniently (reading XML needs the ``frab`` extra).
- :mod:`summitkit.formats.indico`: Indico's event export, read.
- :mod:`summitkit.formats.csv`: spreadsheets, written and read.
- :mod:`summitkit.formats.jsonld`: schema.org ``Event`` JSON-LD for search engines.

Every format but the canonical JSON carries part of a summit: a writer's
``export`` and every reader return a :class:`Report` of what was dropped,
approximated or assumed, beside the document or the summit, so that nothing
is lost silently. The other modules are imported when first used, so that
``import summitkit`` stays quick and an extra matters only where it is needed.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

from summitkit.formats import json
from summitkit.formats._report import Exported, Imported, Note, NoteKind, Report
from summitkit.formats._source import MAX_DOCUMENT_BYTES

if TYPE_CHECKING:  # imported on first use, by __getattr__ below
    from summitkit.formats import csv, frab, ical, indico, jsonld

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "Exported",
    "Imported",
    "Note",
    "NoteKind",
    "Report",
    "csv",
    "frab",
    "ical",
    "indico",
    "json",
    "jsonld",
]

# Imported on first use, as ``summitkit.formats.frab`` or ``from summitkit.formats import frab``.
_LATER = frozenset({"csv", "frab", "ical", "indico", "jsonld"})


def __getattr__(name: str) -> ModuleType:
    if name in _LATER:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LATER})
