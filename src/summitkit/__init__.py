"""summitkit: model, schedule, check and exchange the programme of a summit.

>>> import summitkit as sk
>>> summit = sk.examples.gsms2015()
>>> summit.timezone
zoneinfo.ZoneInfo(key='Asia/Dubai')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summitkit import changes, examples, exceptions, formats, schedule
from summitkit._attendee import AttendeeSlot, attendee_view
from summitkit._days import ConferenceDay
from summitkit._ids import make_id
from summitkit._parsing import parse_duration, parse_time
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
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import DUBAI, TimeSlot, get_zone
from summitkit._venue import Room, Venue
from summitkit._walltime import datetime_ambiguous, datetime_exists, localize, resolve_imaginary
from summitkit.exceptions import SummitkitError
from summitkit.schedule._recurrence import recurring_slots

if TYPE_CHECKING:  # served on first use by __getattr__ below
    from summitkit import frames, plot

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


# Presentation for notebooks, imported on first use: the DataFrames and the
# timetable picture sit above the text layer, which importing summitkit
# does not load.
_LAZY_MODULES = frozenset({"frames", "plot"})


def __getattr__(name: str) -> Any:  # noqa: ANN401  # module __getattr__ serves any name
    if name in _LAZY_MODULES:
        from importlib import import_module  # noqa: PLC0415  # only when asked

        return import_module(f"summitkit.{name}")
    # Served lazily so that importing summitkit never reads package metadata.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415  # only when asked

        return version("summitkit")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    # The modules served on first use are listed too, for tab completion.
    return sorted({*globals(), *_LAZY_MODULES})
