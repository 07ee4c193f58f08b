"""Now and next: what is on in each room at an instant, and what follows."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs

from summitkit import _arguments as arguments
from summitkit._summit import Summit, summit_argument
from summitkit._time import check_aware
from summitkit.schedule._bookings import Booking, bookings
from summitkit.schedule._timetable import Entry, shown_in

__all__ = ["RoomNow", "now_next"]

_UTC = dt.timezone.utc


@attrs.frozen
class RoomNow:
    """What is on in one room at an instant, and what comes next there.

    Attributes:
        room: The room's id; ``None`` for sessions that have no room.
        now: The sessions on at the instant (more than one only when the
            room is double-booked, or for sessions without a room).
        next: The sessions that start next after the instant, all at the
            same time; empty when nothing more is scheduled.
    """

    room: str | None
    now: tuple[Entry, ...]
    next: tuple[Entry, ...]


def now_next(
    summit: Summit, at: dt.datetime, *, tz: ZoneInfo | dt.timezone | str | None = None
) -> tuple[RoomNow, ...]:
    """What is on in each room at instant *at*, and what comes next.

    A pure function of the instant: pass ``datetime.now(summit.timezone)``
    for a sign by the door.  A session is on from its start up to, not
    including, its end.  Cancelled sessions are never on.  Every room of the
    summit is listed, in order, then sessions without a room (if any).

    Args:
        summit: The summit.
        at: An aware instant.
        tz: The zone to show times in (default: the summit's).

    Raises:
        InvalidTimeError: If *at* is naive.

    >>> import datetime as dt, summitkit as sk
    >>> summit = sk.examples.gsms2015()
    >>> (nothing_in_a_room,) = now_next(summit, dt.datetime(2015, 9, 16, 10, 40, tzinfo=sk.DUBAI))
    >>> [e.session.id for e in nothing_in_a_room.now], len(nothing_in_a_room.next)
    (['keynote-modern-workplace'], 1)
    """
    summit_argument(summit, name="now_next(summit)")
    check_aware("now_next(at)", at)
    zone = arguments.zone(tz, name="now_next(tz)", default=summit.timezone)
    instant = at.astimezone(_UTC)
    by_room: dict[str | None, list[Booking]] = {room.id: [] for room in summit.rooms}
    for booking in bookings(summit):
        by_room.setdefault(booking.session.room, []).append(booking)
    return tuple(_room_now(room, group, instant, zone) for room, group in by_room.items())


def _room_now(
    room: str | None, group: list[Booking], instant: dt.datetime, zone: ZoneInfo | dt.timezone
) -> RoomNow:
    def entry(booking: Booking) -> Entry:
        return Entry(booking.session, shown_in(zone, booking.session.slot))

    now = [b for b in group if b.span[0] <= instant < b.span[1]]
    later = [b for b in group if b.span[0] > instant]
    first = min((b.span[0] for b in later), default=None)
    upcoming = [b for b in later if b.span[0] == first]
    return RoomNow(room, tuple(map(entry, now)), tuple(map(entry, upcoming)))
