"""summitkit: model, schedule, check and exchange the programme of a summit.

>>> import summitkit as sk
>>> summit = sk.examples.gsms2015()
>>> summit.timezone
zoneinfo.ZoneInfo(key='Asia/Dubai')
"""

from __future__ import annotations

from typing import Any

from summitkit import examples, exceptions
from summitkit._people import Organization, Participant, Role, Speaker
from summitkit._sessions import (
    Break,
    Ceremony,
    Keynote,
    Panel,
    Session,
    Status,
    Talk,
    WorkshopSession,
    WorkshopTrack,
)
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import DUBAI, TimeSlot, get_zone
from summitkit._venue import Room, Venue
from summitkit.exceptions import SummitkitError

__all__ = [
    "DUBAI",
    "Break",
    "Ceremony",
    "Keynote",
    "LocalizedText",
    "Organization",
    "Panel",
    "Participant",
    "Role",
    "Room",
    "Session",
    "Speaker",
    "Status",
    "Summit",
    "SummitkitError",
    "Talk",
    "TimeSlot",
    "Venue",
    "WorkshopSession",
    "WorkshopTrack",
    "examples",
    "exceptions",
    "get_zone",
]


def __getattr__(name: str) -> Any:  # noqa: ANN401  # module __getattr__ serves any name
    # Served lazily so that importing summitkit never reads package metadata.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415  # only when asked

        return version("summitkit")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
