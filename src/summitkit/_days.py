"""Conference days: a summit's days, which may start at any hour.

Conference tools let a programme day start at 04:00, 09:00 or 11:00 local
time, so that a session at 01:00 still belongs to the evening before.  A
conference day runs from its day-change time on its date to the day-change
time on the next date, in the summit's zone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from summitkit._time import TimeSlot
from summitkit._validators import describe, is_wall_time, where
from summitkit._walltime import localize
from summitkit.exceptions import InvalidTypeError

__all__ = ["ConferenceDay", "conference_day_of", "day_start"]

_UTC = dt.timezone.utc


def day_start(day: dt.date, zone: ZoneInfo, day_change: dt.time) -> dt.datetime:
    """The instant conference day *day* begins, in *zone*.

    A day-change time that falls in a daylight-saving gap moves forward by
    the gap; one that happens twice takes the earlier.
    """
    return localize(
        dt.datetime.combine(day, day_change), zone, nonexistent="shift_forward", ambiguous="earlier"
    )


def conference_day_of(instant: dt.datetime, zone: ZoneInfo, day_change: dt.time) -> dt.date:
    """The conference day *instant* belongs to."""
    day = instant.astimezone(zone).date()
    if instant.astimezone(_UTC) < day_start(day, zone, day_change).astimezone(_UTC):
        return day - dt.timedelta(days=1)
    return day


def day_change_time(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a naive wall-clock ``time`` such as ``time(4, 0)``."""
    if not is_wall_time(value):
        raise InvalidTypeError(
            where(instance, attribute),
            f"expected a wall-clock time without a zone, such as time(4, 0), got {describe(value)}",
        )


@attrs.frozen
class ConferenceDay:
    """One day of a summit's programme, from one day change to the next.

    Attributes:
        date: The date the day is named after.
        start: When it begins, in the summit's zone.
        end: When the next day begins; 23 or 25 hours later on days when
            the clocks change.
    """

    date: dt.date
    start: dt.datetime
    end: dt.datetime

    @property
    def slot(self) -> TimeSlot:
        """The day as a time slot."""
        return TimeSlot(self.start, self.end)

    @property
    def length(self) -> dt.timedelta:
        """How much time the day has (elapsed)."""
        return self.end.astimezone(_UTC) - self.start.astimezone(_UTC)
