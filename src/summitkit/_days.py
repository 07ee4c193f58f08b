"""Conference days: a summit's days, which may start at any hour.

Conference tools let a programme day start at 04:00, 09:00 or 11:00 local
time, so that a session at 01:00 still belongs to the evening before.  A
conference day runs from its day-change time on its date to the day-change
time on the next date, in the summit's zone.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from summitkit._time import TimeSlot
from summitkit._validators import describe, is_wall_time, where
from summitkit._walltime import datetime_exists, wall_time_in
from summitkit.exceptions import InvalidTimeError, InvalidTypeError

__all__ = ["ConferenceDay", "conference_day_of", "day_start", "outside_days"]

_UTC = dt.timezone.utc
_ONE_DAY = dt.timedelta(days=1)


# Every timed session asks for the start of its day and the next, so a large
# programme asks for the same few days thousands of times.
@functools.lru_cache(maxsize=4096)
def day_start(day: dt.date, zone: ZoneInfo, day_change: dt.time) -> dt.datetime:
    """The instant conference day *day* begins, in *zone*.

    A day-change time that the clocks skip starts the day when they jump
    (a 01:30 day change starts at 02:00 when clocks go from 01:00 to 02:00);
    one that happens twice takes the earlier reading.

    Raises:
        InvalidTimeError: If the day is too close to the limits of datetime.
    """
    wall = dt.datetime.combine(day, day_change)
    path = "conference day"
    if datetime_exists(wall, tz=zone):
        return wall_time_in(wall, zone, ambiguous="earlier", path=path)
    # In a gap: the instants just before and after it read as wall times
    # before and after the day change; find the jump between them.
    try:
        before = wall.replace(tzinfo=zone, fold=1).astimezone(_UTC)
        after = wall.replace(tzinfo=zone, fold=0).astimezone(_UTC)
    except OverflowError:
        raise InvalidTimeError(path, f"{day} is too close to the limits of datetime") from None
    while after - before > dt.timedelta(seconds=1):
        middle = before + (after - before) / 2
        if middle.astimezone(zone).replace(tzinfo=None) >= wall:
            after = middle
        else:
            before = middle
    return after.replace(microsecond=0).astimezone(zone)


@functools.lru_cache(maxsize=4096)
def _utc_day_start(day: dt.date, zone: ZoneInfo, day_change: dt.time) -> dt.datetime:
    return day_start(day, zone, day_change).astimezone(_UTC)


def conference_day_of(instant: dt.datetime, zone: ZoneInfo, day_change: dt.time) -> dt.date:
    """The conference day *instant* belongs to: the day whose [start, end) holds it.

    Raises:
        InvalidTimeError: If the instant is too close to the limits of datetime.
    """
    try:
        moment = instant.astimezone(_UTC)
        day = instant.astimezone(zone).date()

        # The local date is the conference day, or the day after it when the
        # time is before the day change, or the day before it when the clocks
        # went back over midnight (Alaska went back a whole day in 1867):
        # move until the instant lies inside [start(day), start(next day)).
        while moment < _utc_day_start(day, zone, day_change):
            day -= _ONE_DAY
        while moment >= _utc_day_start(day + _ONE_DAY, zone, day_change):
            day += _ONE_DAY
    except OverflowError:
        raise InvalidTimeError(
            "conference day", f"{instant.isoformat()} is too close to the limits of datetime"
        ) from None
    return day


def outside_days(
    slot: TimeSlot,
    zone: ZoneInfo,
    first_day: dt.date,
    last_day: dt.date,
    day_change: dt.time = dt.time(0),
) -> tuple[str, dt.date] | None:
    """Which end of *slot* falls outside the conference days, and on which day.

    Days are conference days in *zone*, starting at *day_change*.  The slot
    is half-open, so one that ends exactly when a day ends stays on it.

    Returns:
        ``("start", day)`` or ``("end", day)`` for the first end outside
        ``first_day``..``last_day``; ``None`` if both are in.
    """
    for name, moment in (("start", slot.start), ("end", slot.last_instant)):
        day = conference_day_of(moment, zone, day_change)
        if not first_day <= day <= last_day:
            return name, day
    return None


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
        end: When the next day begins: usually 24 hours later, but 23 or 25
            on most days when the clocks change, and 0 for a date a zone
            skipped altogether (Pacific/Apia, 30 December 2011).
        window: The day's announced hours, if the summit gives them
            (:attr:`summitkit.Summit.day_windows`); they may run past the
            next day change.
    """

    date: dt.date
    start: dt.datetime
    end: dt.datetime
    window: TimeSlot | None = attrs.field(default=None, kw_only=True)

    @property
    def slot(self) -> TimeSlot | None:
        """The day as a time slot; ``None`` for a date the zone skipped, which has no time.

        A time slot ends after it starts, and a skipped date's day ends when
        it starts.
        """
        if self.end.astimezone(_UTC) == self.start.astimezone(_UTC):
            return None
        return TimeSlot(self.start, self.end)

    @property
    def length(self) -> dt.timedelta:
        """How much time the day has (elapsed)."""
        return self.end.astimezone(_UTC) - self.start.astimezone(_UTC)
