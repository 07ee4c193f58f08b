"""When a frab schedule's days and events happen: the zone, the day change, each start and length.

The rules, in the order they apply:

1. The zone is ``tz=`` if given, else the conference's ``time_zone_name``,
   else inferred from the offsets written (see
   :mod:`summitkit.formats._frab_time`).
2. An event's start is its ``date`` (an instant) shown in the zone.  When
   its ``start`` (the local ``HH:MM``) says another wall time, the date is
   kept and the start is noted as dropped.  An event with no ``date``
   (Pentabarf) starts at ``start`` on its day's date, or on the next day
   when ``start`` is before the day change.
3. Its length is ``duration``; ``00:00`` means "not known" and gives
   :meth:`summitkit.TimeSlot.starting` ``None`` (five minutes, the end
   estimated), an ASSUMED note.  With no duration, ``end`` is used.
4. Each day with both bounds gives a day window; the summit's day change is
   the earliest of the conference's ``day_change`` and the windows' starts,
   moved earlier, to the hour, for an event on its day's date that starts
   before it.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs

from summitkit._time import TimeSlot, get_zone
from summitkit._walltime import wall_time_in
from summitkit.exceptions import (
    AmbiguousTimeError,
    FormatError,
    ModelError,
    NonexistentTimeError,
)
from summitkit.formats import _frab_time as frab_time
from summitkit.formats._frab_parsed import RawDay, RawEvent, RawSchedule
from summitkit.formats._reading import Log
from summitkit.formats._report import NoteKind

__all__ = ["Timing", "timing"]

_UTC = dt.timezone.utc
_DAY = dt.timedelta(days=1)
_MINUTE = dt.timedelta(minutes=1)
_QUARTER = 15 * 60
_LONGEST_OFFSET = dt.timedelta(hours=14)


@attrs.define
class Timing:
    """What the times of a document come to.

    Attributes:
        zone: The summit's zone.
        first_day: The first conference day.
        last_day: The last conference day.
        day_change: When each conference day begins.
        windows: The day windows, one per day that gave its bounds.
        slots: Each event's slot (``None`` for an unscheduled one), by position.
    """

    zone: ZoneInfo
    first_day: dt.date
    last_day: dt.date
    day_change: dt.time
    windows: list[TimeSlot]
    slots: list[TimeSlot | None]


def timing(raw: RawSchedule, tz: ZoneInfo | None) -> Timing:
    """Work out the zone, the days and every event's slot.

    Raises:
        FormatError: If times cannot be read, or the zone cannot be settled.
    """
    log = raw.log
    seen: list[tuple[dt.datetime, dt.timedelta]] = []
    days = [_read_day(day, log, seen) for day in raw.days]
    events = [_read_event(event, log, seen) for event in raw.events]
    conference = raw.conference
    log.check()
    zone = _zone(raw, tz, seen)
    # A day without a date (the XML Schema lets it leave one out) is on
    # the date its start has in the zone.
    days = [
        (date, start, end)
        if date is not None or start is None
        else (_local(start, zone, day.at("day_start"), log).date(), start, end)
        for day, (date, start, end) in zip(raw.days, days, strict=True)
    ]
    day_dates = {id(day): parsed[0] for day, parsed in zip(raw.days, days, strict=True)}
    declared: dt.time | None = None
    if conference is not None and conference.day_change:
        try:
            declared = frab_time.parse_clock(conference.day_change)
        except ValueError as error:
            log.problem(conference.at("day_change"), str(error))
    windows = _windows(raw.days, days, zone, log)
    walls = [window.start.astimezone(zone).time() for window in windows]
    relative_change = declared or (min(walls) if walls else dt.time(0))
    slots: list[TimeSlot | None] = []
    placing = _Placing(zone, relative_change, log)
    for event, (moment, clock, length) in zip(raw.events, events, strict=True):
        day = day_dates.get(id(event.day)) if event.day is not None else None
        start = placing.start(event, moment, clock, day)
        slots.append(None if start is None else _slot(event, start, length, log))
    log.check()
    change = min([*walls, declared] if declared else walls, default=dt.time(0))
    for event, slot in zip(raw.events, slots, strict=True):
        listed = day_dates.get(id(event.day)) if event.day is not None else None
        if slot is None or listed is None:
            continue
        local = slot.start.astimezone(zone)
        if local.date() == listed and local.time() < change:
            change = local.time().replace(minute=0, second=0)
    first, last = _day_range(raw, [date for date, _, _ in days], slots, zone, change)
    return Timing(zone, first, last, change, windows, slots)


def _read_day(
    day: RawDay, log: Log, seen: list[tuple[dt.datetime, dt.timedelta]]
) -> tuple[dt.date | None, dt.datetime | None, dt.datetime | None]:
    bounds: list[dt.datetime | None] = []
    for name, text in (("day_start", day.day_start), ("day_end", day.day_end)):
        moment = None
        if text:
            try:
                moment, has_offset = frab_time.parse_instant(text)
            except ValueError as error:
                log.problem(day.at(name), str(error))
            else:
                if has_offset:
                    seen.append(_seen(moment))
        bounds.append(moment)
    date = None
    if day.date:
        try:
            date = frab_time.parse_date(day.date)
        except ValueError as error:
            log.problem(day.at("date"), str(error))
    return date, bounds[0], bounds[1]


def _seen(moment: dt.datetime) -> tuple[dt.datetime, dt.timedelta]:
    offset = moment.utcoffset()
    assert offset is not None  # noqa: S101  # parse_instant said it has one
    return moment.astimezone(_UTC), offset


def _read_event(
    event: RawEvent, log: Log, seen: list[tuple[dt.datetime, dt.timedelta]]
) -> tuple[dt.datetime | None, dt.time | None, dt.timedelta | None]:
    """The event's date, start and duration as written; the date's offset is *seen*."""
    moment = None
    if event.date:
        try:
            moment, _ = frab_time.parse_instant(event.date)
        except ValueError as error:
            log.problem(event.at("date"), str(error))
    clock = _read_clock(event, moment, log)
    if moment is not None and moment.tzinfo is not None:
        seen.append((moment.astimezone(_UTC), _offset_seen(moment, clock)))
    return moment, clock, _read_duration(event, log)


def _read_clock(event: RawEvent, moment: dt.datetime | None, log: Log) -> dt.time | None:
    if not event.start:
        return None
    try:
        return frab_time.parse_clock(event.start)
    except ValueError as error:
        if moment is None:
            log.problem(event.at("start"), str(error))
        else:
            log.note(event.at("start"), NoteKind.DROPPED, f"{error}; the date is used")
    return None


def _offset_seen(moment: dt.datetime, clock: dt.time | None) -> dt.timedelta:
    """The offset *moment* says, or, written in UTC beside another local *clock*, theirs."""
    offset = moment.utcoffset()
    assert offset is not None  # noqa: S101  # the caller checked it is aware
    wall = moment.replace(tzinfo=None)
    if clock is None or offset or wall.time() == clock:
        return offset
    # A date in UTC beside a local start: the offset they imply is the zone's.
    implied = dt.datetime.combine(wall.date(), clock) - wall
    if implied > _LONGEST_OFFSET:
        implied -= _DAY
    elif implied < -_LONGEST_OFFSET:
        implied += _DAY
    if abs(implied) <= _LONGEST_OFFSET and implied.total_seconds() % _QUARTER == 0:
        return implied
    return offset


def _read_duration(event: RawEvent, log: Log) -> dt.timedelta | None:
    if not event.duration:
        return None
    try:
        length, as_days = frab_time.parse_frab_duration(event.duration)
    except ValueError as error:
        log.problem(event.at("duration"), str(error))
        return None
    if as_days:
        log.note(
            event.at("duration"),
            NoteKind.ASSUMED,
            f"duration {event.duration!r} read as days:hours:minutes ({length})",
        )
    return length


def _zone(
    raw: RawSchedule, tz: ZoneInfo | None, seen: list[tuple[dt.datetime, dt.timedelta]]
) -> ZoneInfo:
    log = raw.log
    conference = raw.conference
    name = conference.time_zone_name if conference is not None else None
    where = conference.at("time_zone_name") if conference is not None else _root(raw)
    if tz is not None:
        if name and name != tz.key:
            log.note(
                where, NoteKind.DROPPED, f"time_zone_name {name!r} is replaced by tz={tz.key!r}"
            )
        return tz
    if name:
        try:
            return get_zone(name)
        except ModelError:
            pass
        zone, why = frab_time.infer_zone(seen)
        if zone is None:
            raise FormatError(
                [(where, f"{name[:64]!r} is not an IANA time zone, and {why}; pass tz=")]
            )
        log.note(where, NoteKind.ASSUMED, f"{name[:64]!r} is not an IANA time zone; {why}")
        return zone
    zone, why = frab_time.infer_zone(seen)
    if zone is None:
        raise FormatError([(where, f"no time_zone_name, and {why}; pass tz= to say the zone")])
    log.note(where, NoteKind.ASSUMED, f"no time_zone_name: {why}")
    return zone


def _root(raw: RawSchedule) -> str:
    return "/schedule/conference" if raw.xml else "$.schedule.conference"


def _local(moment: dt.datetime, zone: ZoneInfo, path: str, log: Log) -> dt.datetime:
    """An instant in *zone*: converted if it has an offset, else read as a wall time there."""
    if moment.tzinfo is not None:
        return moment.astimezone(zone)
    log.note_once(
        ("naive", path.rpartition("/" if "/" in path else ".")[2]),
        path,
        NoteKind.ASSUMED,
        f"{moment.isoformat()} has no offset; read as the wall time in {zone.key}",
    )
    return _wall_in(moment, zone, path, log)


def _wall_in(wall: dt.datetime, zone: ZoneInfo, path: str, log: Log) -> dt.datetime:
    """The naive *wall* in *zone*; one the clocks skip or repeat is moved or chosen, with a note.

    A time in the gap is moved forward by its size; one in the repeated hour
    is read as the first (before the clocks go back), as the Indico reader does.
    """
    try:
        return wall_time_in(wall, zone, path=path)
    except NonexistentTimeError as error:
        moment = wall_time_in(wall, zone, nonexistent="shift_forward", path=path)
        key, said = "gap", f"{error.problem.split(';')[0]}; read as {moment.isoformat()}"
    except AmbiguousTimeError as error:
        moment = wall_time_in(wall, zone, ambiguous="earlier", path=path)
        key, said = (
            "repeated",
            f"{error.problem.split(';')[0]}; the first is taken: {moment.isoformat()}",
        )
    log.note_once(("wall time", key), path, NoteKind.APPROXIMATED, said)
    return moment


def _windows(
    raw_days: list[RawDay],
    days: list[tuple[dt.date | None, dt.datetime | None, dt.datetime | None]],
    zone: ZoneInfo,
    log: Log,
) -> list[TimeSlot]:
    windows: list[TimeSlot] = []
    previous: TimeSlot | None = None
    for day, (date, start, end) in sorted(
        zip(raw_days, days, strict=True), key=lambda pair: pair[1][0] or dt.date.max
    ):
        if date is None or start is None or end is None:
            continue
        begin = _local(start, zone, day.at("day_start"), log)
        finish = _local(end, zone, day.at("day_end"), log)
        why = None
        if finish <= begin:
            why = "it ends before it starts"
        elif begin.date() != date:
            why = f"it starts on {begin.date()} in {zone.key}, not on the day's date {date}"
        elif previous is not None and begin < previous.end:
            why = "it overlaps the day before"
        if why is not None:
            log.note(
                day.path, NoteKind.DROPPED, f"the day's bounds are not kept as its window: {why}"
            )
            continue
        try:
            window = TimeSlot(begin, finish)
        except ModelError as error:
            log.problem(day.path, error.problem)
            continue
        windows.append(window)
        previous = window
    return windows


@attrs.define
class _Placing:
    """What places an event's written times: the zone, the day change, where notes go."""

    zone: ZoneInfo
    change: dt.time
    log: Log

    def start(
        self,
        event: RawEvent,
        moment: dt.datetime | None,
        clock: dt.time | None,
        day: dt.date | None,
    ) -> dt.datetime | None:
        """When *event* starts: its date *moment*, else its *clock* on its *day*, else unknown."""
        zone, log = self.zone, self.log
        if moment is not None:
            start = _local(moment, zone, event.at("date"), log)
            if clock is not None and start.time().replace(second=0) != clock.replace(second=0):
                log.note(
                    event.at("start"),
                    NoteKind.DROPPED,
                    f"start {event.start!r} disagrees with date {event.date!r} "
                    f"({start.strftime('%H:%M')} in {zone.key}); the date is kept",
                )
            return start
        if clock is not None and day is not None:
            if clock < self.change:
                day += _DAY
            return _wall_in(dt.datetime.combine(day, clock), zone, event.at("start"), log)
        log.note(
            event.path,
            NoteKind.ASSUMED,
            "the event says neither its date nor a start on a dated day; read as unscheduled",
        )
        return None


def _with_end(
    event: RawEvent, start: dt.datetime, length: dt.timedelta | None, log: Log
) -> dt.timedelta | None:
    """The length *event*'s ``end`` gives, when it has no duration or agrees with it.

    A duration is written to the minute and an end to the second: an end
    within a minute of the duration's is the same length, said more exactly.
    An end that disagrees more is not read, and the duration is kept.
    """
    try:
        end, _ = frab_time.parse_instant(event.end or "")
    except ValueError as error:
        if length is None:
            log.problem(event.at("end"), str(error))
        else:
            log.note(event.at("end"), NoteKind.DROPPED, f"{error}; the duration is used")
        return length
    if end.tzinfo is None:
        end = end.replace(tzinfo=start.tzinfo)
    exact = end - start
    if length is None or abs(exact - length) < _MINUTE:
        return exact
    log.note_once(
        ("end", "disagrees"),
        event.at("end"),
        NoteKind.DROPPED,
        "an event's end disagrees with its duration by a minute or more; the duration is used",
    )
    return length


def _slot(
    event: RawEvent, start: dt.datetime, length: dt.timedelta | None, log: Log
) -> TimeSlot | None:
    if event.end:
        length = _with_end(event, start, length, log)
    if length is None or length <= dt.timedelta(0):
        what = "00:00" if length is not None else "no duration"
        log.note(
            event.at("duration"),
            NoteKind.ASSUMED,
            f"{what}: the length is not known; the slot ends an assumed "
            f"{int(TimeSlot.ASSUMED_LENGTH.total_seconds()) // 60} minutes after its start",
        )
        length = None
    try:
        return TimeSlot.starting(start, length)
    except ModelError as error:
        log.problem(event.at("duration"), error.problem)
        return None


def _day_range(
    raw: RawSchedule,
    dates: list[dt.date | None],
    slots: list[TimeSlot | None],
    zone: ZoneInfo,
    change: dt.time,
) -> tuple[dt.date, dt.date]:
    known = [date for date in dates if date is not None]
    conference = raw.conference
    if conference is not None:
        # The conference's own first and last days widen the range: a
        # schedule may list only the days that have events.
        for name in ("start", "end"):
            text = getattr(conference, name)
            if text:
                try:
                    known.append(frab_time.parse_date(text))
                except ValueError as error:
                    raise FormatError([(conference.at(name), str(error))]) from None
    if known:
        return min(known), max(known)
    local = [
        (
            slot.start.astimezone(zone) - dt.timedelta(hours=change.hour, minutes=change.minute)
        ).date()
        for slot in slots
        if slot is not None
    ]
    if local:
        return min(local), max(local)
    where = "/schedule" if raw.xml else "$.schedule"
    raise FormatError([(where, "expected days, a conference start or dated events, got none")])
