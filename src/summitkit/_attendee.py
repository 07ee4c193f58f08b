"""A slot as an attendee in another zone sees it, beside the summit's own time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs

from summitkit._time import DUBAI, TimeSlot, get_zone, is_usable_zone, zone_label
from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError

__all__ = ["AttendeeSlot", "attendee_view"]

_EN_DASH = "\N{EN DASH}"


@attrs.frozen
class AttendeeSlot:
    """One slot in the summit's zone and in an attendee's.

    Attributes:
        summit: The slot in the summit's zone.
        attendee: The same slot in the attendee's zone.
    """

    summit: TimeSlot
    attendee: TimeSlot

    @property
    def attendee_dates(self) -> tuple[dt.date, ...]:
        """The attendee's local dates the slot touches: one, or two across midnight."""
        return self.attendee.local_dates()

    @property
    def date_differs(self) -> bool:
        """Whether the attendee's local date differs from the summit's."""
        return self.attendee.local_dates() != self.summit.local_dates(self.summit.start.tzinfo)

    def __str__(self) -> str:
        text = f"{_hours(self.summit)} {zone_label(self.summit.start.tzinfo)} | "
        text += f"{_hours(self.attendee)} {zone_label(self.attendee.start.tzinfo)}"
        if self.date_differs:
            text += " (" + f" {_EN_DASH} ".join(f"{d:%a %d %b}" for d in self.attendee_dates) + ")"
        return text


def _hours(slot: TimeSlot) -> str:
    return f"{slot.start:%H:%M}{_EN_DASH}{slot.end:%H:%M}"


def attendee_view(
    slot: TimeSlot, tz: ZoneInfo | str, *, home: ZoneInfo | str = DUBAI
) -> AttendeeSlot:
    """Show *slot* in the summit's zone *home* and in an attendee's zone *tz*.

    >>> import datetime as dt
    >>> panel = TimeSlot(dt.datetime(2015, 9, 16, 9, 15, tzinfo=DUBAI),
    ...                  dt.datetime(2015, 9, 16, 10, 15, tzinfo=DUBAI))
    >>> print(attendee_view(panel, "America/Los_Angeles"))
    09:15–10:15 Asia/Dubai | 22:15–23:15 America/Los_Angeles (Tue 15 Sep)
    """
    if not isinstance(slot, TimeSlot):
        raise InvalidTypeError("attendee_view(slot)", f"expected a TimeSlot, got {describe(slot)}")
    zones: list[ZoneInfo | dt.timezone] = []
    for name, value in (("tz", tz), ("home", home)):
        zone = get_zone(value, path=f"attendee_view({name})") if isinstance(value, str) else value
        if not is_usable_zone(zone):
            raise InvalidTypeError(
                f"attendee_view({name})",
                f"expected a ZoneInfo or a zone name, got {describe(value)}",
            )
        zones.append(zone)
    return AttendeeSlot(summit=slot.in_zone(zones[1]), attendee=slot.in_zone(zones[0]))
