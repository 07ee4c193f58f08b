"""Free time: when a room, or a group of speakers, has nothing booked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from summitkit import _arguments as arguments
from summitkit._summit import Summit, summit_argument
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.schedule._bookings import bookings
from summitkit.schedule._intervals import Span, intersect, merge, spans_of, subtract

__all__ = ["free_slots"]

_UTC = dt.timezone.utc


def free_slots(  # noqa: PLR0913  # the keywords the question needs
    summit: Summit,
    *,
    room: str | None = None,
    speakers: Iterable[str] = (),
    within: TimeSlot | Iterable[TimeSlot] | None = None,
    min_duration: dt.timedelta = dt.timedelta(0),
    tz: ZoneInfo | dt.timezone | str | None = None,
) -> tuple[TimeSlot, ...]:
    """The gaps in which *room*, and all of *speakers* together, are free.

    A room is free outside its sessions and inside its opening hours (or
    the venue's); a speaker is free outside the sessions they take part in
    (chairing the session's track included; an author, not there, is free)
    and inside their availability.
    With neither a room nor speakers, the gaps are the times nothing at all
    is scheduled, inside the venue's opening hours.  Cancelled sessions
    leave their time free.

    Args:
        summit: The summit.
        room: The id of a room.
        speakers: Ids of speakers who must all be free.
        within: Where to look: a slot or several (default: the summit's
            conference days).
        min_duration: The shortest gap worth reporting (default: any).
        tz: The zone to show the gaps in (default: the summit's).

    Raises:
        UnknownIdError: If the room or a speaker is not the summit's.
        InvalidValueError: If *min_duration* is negative.

    >>> import datetime as dt, summitkit as sk
    >>> summit = sk.examples.gsms2015()
    >>> morning = sk.TimeSlot(dt.datetime(2015, 9, 16, 8, tzinfo=sk.DUBAI),
    ...                       dt.datetime(2015, 9, 16, 12, tzinfo=sk.DUBAI))
    >>> [f"{s.start:%H:%M}-{s.end:%H:%M}" for s in free_slots(
    ...     summit, speakers=["paolo-pulcini"], within=morning)]
    ['08:00-10:30', '11:00-12:00']
    """
    summit_argument(summit, name="free_slots(summit)")
    zone = arguments.zone(tz, name="free_slots(tz)", default=summit.timezone)
    if not isinstance(min_duration, dt.timedelta):
        raise InvalidTypeError(
            "free_slots(min_duration)", f"expected a timedelta, got {describe(min_duration)}"
        )
    if min_duration < dt.timedelta(0):
        raise InvalidValueError(
            "free_slots(min_duration)", f"expected zero or more, got {min_duration}"
        )
    if isinstance(speakers, (str, bytes)) or not isinstance(speakers, Iterable):
        raise InvalidTypeError(
            "free_slots(speakers)", f"expected a list of speaker ids, got {describe(speakers)}"
        )
    wanted = tuple(speakers)
    people = [summit.speaker(speaker_id) for speaker_id in wanted]
    looked_in = _within(summit, within)

    # Where to look, narrowed by each constraint that has windows of its own.
    limits: list[tuple[TimeSlot, ...]] = [p.availability for p in people if p.availability]
    venue_hours = summit.venue.opening_hours if summit.venue else ()
    if room is not None:
        own = summit.room(room).opening_hours
        limits.append(own or venue_hours)
    elif not wanted:
        limits.append(venue_hours)
    open_spans = merge(looked_in)
    for windows in limits:
        if windows:
            open_spans = intersect(open_spans, merge(spans_of(windows)))

    busy = merge(
        booking.span
        for booking in bookings(summit)
        if (room is not None and booking.session.room == room)
        or any(p in booking.people for p in wanted)
        or (room is None and not wanted)
    )
    gaps = subtract(open_spans, busy)
    return tuple(
        TimeSlot(start.astimezone(zone), end.astimezone(zone))
        for start, end in gaps
        if end - start >= min_duration and end > start
    )


def _within(summit: Summit, within: object) -> list[Span]:
    if within is None:
        return [(d.start.astimezone(_UTC), d.end.astimezone(_UTC)) for d in summit.conference_days]
    if isinstance(within, (str, bytes)) or not isinstance(within, (TimeSlot, Iterable)):
        raise InvalidTypeError(
            "free_slots(within)", f"expected a TimeSlot or a list of them, got {describe(within)}"
        )
    slots: Iterable[object] = [within] if isinstance(within, TimeSlot) else within  # pyright: ignore[reportUnknownVariableType]
    checked: list[TimeSlot] = []
    for index, slot in enumerate(slots):
        if not isinstance(slot, TimeSlot):
            raise InvalidTypeError(
                f"free_slots(within)[{index}]", f"expected a TimeSlot, got {describe(slot)}"
            )
        checked.append(slot)
    return spans_of(checked)
