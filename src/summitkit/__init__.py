"""summitkit: model, schedule, check and exchange the programme of a summit.

>>> import summitkit as sk
>>> summit = sk.examples.gsms2015()
>>> summit.timezone
zoneinfo.ZoneInfo(key='Asia/Dubai')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summitkit import exceptions
from summitkit._days import ConferenceDay
from summitkit._ids import make_id
from summitkit._people import Organization, Participant, Role, Speaker
from summitkit._references import Link, SourceId
from summitkit._sessions import (
    Break,
    Ceremony,
    Keynote,
    Markup,
    Panel,
    Session,
    Status,
    Talk,
    Track,
    WorkshopSession,
    WorkshopTrack,
)
from summitkit._summit import Summit, SummitDraft
from summitkit._text import LocalizedText
from summitkit._time import DUBAI, TimeSlot, get_zone
from summitkit._venue import Room, Venue
from summitkit._walltime import datetime_ambiguous, datetime_exists, localize, resolve_imaginary
from summitkit.exceptions import SummitkitError

if TYPE_CHECKING:  # served on first use by __getattr__ below
    from summitkit import changes, examples, formats, frames, plot, schedule
    from summitkit._attendee import AttendeeSlot, attendee_view
    from summitkit._parsing import parse_duration, parse_time
    from summitkit.schedule._recurrence import recurring_slots

__all__ = [
    "DUBAI",
    "AttendeeSlot",
    "Break",
    "Ceremony",
    "ConferenceDay",
    "Keynote",
    "Link",
    "LocalizedText",
    "Markup",
    "Organization",
    "Panel",
    "Participant",
    "Role",
    "Room",
    "Session",
    "SourceId",
    "Speaker",
    "Status",
    "Summit",
    "SummitDraft",
    "SummitkitError",
    "Talk",
    "TimeSlot",
    "Track",
    "Venue",
    "WorkshopSession",
    "WorkshopTrack",
    "attendee_view",
    "changes",
    "datetime_ambiguous",
    "datetime_exists",
    "examples",
    "exceptions",
    "formats",
    "frames",
    "get_zone",
    "localize",
    "make_id",
    "parse_duration",
    "parse_time",
    "plot",
    "recurring_slots",
    "resolve_imaginary",
    "schedule",
]


# The model is imported with the package; what works on the model (the
# queries, changes, formats, examples, parsers, and the presentation for
# notebooks) is imported on first use, so that `import summitkit` costs little
# more than the libraries it stands on (benchmarks/import_time.py measures it).
_LAZY_MODULES = frozenset({"changes", "examples", "formats", "frames", "plot", "schedule"})
_LAZY_NAMES = {
    "AttendeeSlot": "summitkit._attendee",
    "attendee_view": "summitkit._attendee",
    "parse_duration": "summitkit._parsing",
    "parse_time": "summitkit._parsing",
    "recurring_slots": "summitkit.schedule._recurrence",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401  # module __getattr__ serves any name
    from importlib import import_module  # noqa: PLC0415  # only when a lazy name is asked for

    if name in _LAZY_MODULES:
        return import_module(f"summitkit.{name}")
    if name in _LAZY_NAMES:
        value = getattr(import_module(_LAZY_NAMES[name]), name)
        globals()[name] = value  # asked once: later lookups find it directly
        return value
    # Served lazily so that importing summitkit never reads package metadata.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415  # only when asked

        return version("summitkit")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    # The names served on first use are listed too, for tab completion.
    return sorted({*globals(), *_LAZY_MODULES, *_LAZY_NAMES})
