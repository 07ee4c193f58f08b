"""A slot as an attendee in another zone sees it, beside the summit's own time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs
from babel.dates import format_date

from summitkit import _arguments as arguments
from summitkit._time import TimeSlot, zone_label
from summitkit._validators import describe
from summitkit._walltime import wall_clock
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
        """The attendee's local dates the slot touches (one, or two across midnight)."""
        return self.attendee.local_dates()

    @property
    def date_differs(self) -> bool:
        """Whether the attendee's local date differs from the summit's."""
        return self.attendee.local_dates() != self.summit.local_dates()

    def __str__(self) -> str:
        text = f"{_hours(self.summit)} {zone_label(self.summit.start.tzinfo)} | "
        text += f"{_hours(self.attendee)} {zone_label(self.attendee.start.tzinfo)}"
        if self.date_differs:
            text += " (" + f" {_EN_DASH} ".join(map(_short_date, self.attendee_dates)) + ")"
        return text


def _hours(slot: TimeSlot) -> str:
    # wall_clock names the reading of a repeated hour: 01:30 BST-01:30 GMT.
    return f"{wall_clock(slot.start)}{_EN_DASH}{wall_clock(slot.end)}"


def _short_date(day: dt.date) -> str:
    # English names from CLDR ("Tue 01 Sep"): strftime would follow whatever
    # locale the program has set.  summitkit.text writes other languages.
    return format_date(day, "EEE dd MMM", locale="en")


def attendee_view(
    slot: TimeSlot,
    tz: ZoneInfo | dt.timezone | str,
    *,
    home: ZoneInfo | dt.timezone | str | None = None,
) -> AttendeeSlot:
    """Show *slot* in the summit's zone *home* and in an attendee's zone *tz*.

    Args:
        slot: The slot to show.
        tz: The attendee's zone: a ``ZoneInfo``, an IANA name or a fixed
            ``datetime.timezone``.
        home: The summit's zone, likewise; ``None`` (the default) is the zone
            *slot* starts in.

    Returns:
        The slot in both zones; ``str()`` of it reads as one line.

    Raises:
        InvalidTypeError: If *slot* is not a TimeSlot, or a zone is not a zone.
        UnknownTimeZoneError: If a zone name is not an IANA zone.

    >>> import datetime as dt
    >>> from summitkit import DUBAI
    >>> panel = TimeSlot(dt.datetime(2015, 9, 16, 9, 15, tzinfo=DUBAI),
    ...                  dt.datetime(2015, 9, 16, 10, 15, tzinfo=DUBAI))
    >>> print(attendee_view(panel, "America/Los_Angeles"))
    09:15–10:15 Asia/Dubai | 22:15–23:15 America/Los_Angeles (Tue 15 Sep)
    """
    if not isinstance(slot, TimeSlot):
        raise InvalidTypeError("attendee_view(slot)", f"expected a TimeSlot, got {describe(slot)}")
    home_zone = arguments.zone(
        slot.start.tzinfo if home is None else home, name="attendee_view(home)"
    )
    attendee_zone = arguments.zone(tz, name="attendee_view(tz)")
    return AttendeeSlot(summit=slot.in_zone(home_zone), attendee=slot.in_zone(attendee_zone))
