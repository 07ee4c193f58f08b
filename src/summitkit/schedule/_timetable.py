"""Timetables: the programme by conference day and time, and per room, track or speaker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import attrs

from summitkit import _arguments as arguments
from summitkit._people import Role
from summitkit._pretty import PrettyPrinter, counted, days, offset
from summitkit._sessions import Session
from summitkit._spans import overlap_groups, start_key, utc_span
from summitkit._summit import Summit, summit_argument
from summitkit._time import TimeSlot, zone_label
from summitkit._validators import describe, is_day
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.schedule._bookings import people_of

__all__ = [
    "AgendaItem",
    "Block",
    "Entry",
    "Timetable",
    "TimetableDay",
    "agenda_of",
    "room_schedule",
    "timetable",
    "track_schedule",
]


@attrs.frozen
class Entry:
    """A session as a timetable shows it.

    Attributes:
        session: The session.
        slot: Its slot shown in the timetable's zone; ``None`` if untimed.
    """

    session: Session
    slot: TimeSlot | None


@attrs.frozen
class Block:
    """Sessions that run side by side: each overlaps the block's others in a chain.

    Attributes:
        start: When the first of them starts, in the timetable's zone.
        end: When the last of them ends.
        entries: The sessions, by start time, then room and track order.
    """

    start: dt.datetime
    end: dt.datetime
    entries: tuple[Entry, ...]

    @property
    def is_parallel(self) -> bool:
        """Whether more than one session runs in this block."""
        return len(self.entries) > 1

    def __repr__(self) -> str:
        """When the block runs and how many sessions it holds, in one short line.

        An end on another date than the start is dated.
        """
        end = self.end.astimezone(self.start.tzinfo)
        until = f"{end:%H:%M}" if end.date() == self.start.date() else f"{end:%Y-%m-%d %H:%M}"
        return (
            f"<Block {self.start.date()} {self.start:%H:%M}-{until} "
            f"({offset(self.start)}): "
            f"{counted(len(self.entries), 'session')}>"
        )

    def _repr_pretty_(self, printer: PrettyPrinter, cycle: bool) -> None:  # noqa: ARG002, FBT001  # IPython's signature
        printer.text(repr(self))


@attrs.frozen
class TimetableDay:
    """One conference day of a timetable.

    Attributes:
        date: The conference day (in the summit's zone).
        blocks: Its sessions in time order, parallel ones together.
    """

    date: dt.date
    blocks: tuple[Block, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry of the day, in order."""
        return tuple(entry for block in self.blocks for entry in block.entries)

    def __repr__(self) -> str:
        """The day and how many sessions and blocks it holds, in one short line."""
        sessions = sum(len(block.entries) for block in self.blocks)
        return (
            f"<TimetableDay {self.date}: {counted(sessions, 'session')} "
            f"in {counted(len(self.blocks), 'block')}>"
        )

    def _repr_pretty_(self, printer: PrettyPrinter, cycle: bool) -> None:  # noqa: ARG002, FBT001  # IPython's signature
        printer.text(repr(self))


@attrs.frozen
class Timetable:
    """The programme by conference day and time, in one zone.

    Attributes:
        zone: The zone every time is shown in.
        days: The conference days asked for, each with its blocks (a day
            without sessions has none).
        unscheduled: Sessions without a slot, in the summit's order.
        summit: The summit it shows, which :func:`timetable` sets: its
            display (``print``, a notebook's HTML) names rooms, tracks and
            speakers from it.  Not part of the timetable's value: it is
            left out of comparisons and of ``repr``; a timetable without one
            shows ids.

    In a notebook a timetable shows as a grid of rooms or tracks against
    time (:func:`summitkit.text.html`); ``print`` writes it as text.
    """

    zone: ZoneInfo | dt.timezone
    days: tuple[TimetableDay, ...]
    unscheduled: tuple[Session, ...]
    summit: Summit | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    def __repr__(self) -> str:
        """The zone, the days and the counts, in one short line however large it is.

        >>> import summitkit as sk
        >>> table = timetable(sk.examples.gsms2015())
        >>> table  # doctest: +ELLIPSIS
        <Timetable Asia/Dubai 2015-09-16 to 2015-09-17 (2 days): 16 sessions in 5 blocks, ...>
        """
        sessions = sum(len(block.entries) for day in self.days for block in day.blocks)
        blocks = sum(len(day.blocks) for day in self.days)
        shown = days(self.days[0].date, self.days[-1].date) if self.days else "no days"
        return (
            f"<Timetable {zone_label(self.zone)} {shown}: {counted(sessions, 'session')} "
            f"in {counted(blocks, 'block')}, {len(self.unscheduled)} unscheduled>"
        )

    def _repr_pretty_(self, printer: PrettyPrinter, cycle: bool) -> None:  # noqa: ARG002, FBT001  # IPython's signature
        printer.text(repr(self))

    def __str__(self) -> str:
        """The timetable as text: each day, its blocks, and their sessions."""
        from summitkit.text import _display  # noqa: PLC0415  # a display call: see docs/layout.md

        return _display.timetable_text(self)

    def _repr_html_(self) -> str:
        """The timetable as a grid of rooms or tracks against time, for notebooks.

        Above :data:`summitkit.text.REPR_HTML_MAX_SESSIONS` sessions, its counts instead.
        """
        from summitkit.text import _html  # noqa: PLC0415  # a display call: see docs/layout.md

        return _html.notebook_html(self)


def timetable(
    summit: Summit, *, tz: ZoneInfo | dt.timezone | str | None = None, day: dt.date | None = None
) -> Timetable:
    """The programme grouped by conference day and time, parallel sessions side by side.

    Days are the summit's conference days (a session at 01:00 belongs to the
    evening before when the day changes at 04:00); times are shown in *tz*,
    an attendee's zone, or the summit's.  Cancelled sessions stay in, as
    attendees need to see them.

    Args:
        summit: The summit.
        tz: The zone to show times in: a ZoneInfo, an IANA name or a fixed
            ``datetime.timezone``.
        day: Only this conference day.

    Raises:
        InvalidValueError: If *day* is not one of the summit's days.
        UnknownTimeZoneError: If *tz* is a name that is not an IANA zone.

    >>> import summitkit as sk
    >>> table = timetable(sk.examples.gsms2015(), tz="Europe/London")
    >>> block = table.days[0].blocks[-1]
    >>> f"{block.start:%H:%M} {len(block.entries)} sessions"
    '09:00 12 sessions'
    """
    summit_argument(summit, name="timetable(summit)")
    zone = arguments.zone(tz, name="timetable(tz)", default=summit.timezone)
    days = summit.days
    if day is not None:
        if not is_day(day):
            raise InvalidTypeError(
                "timetable(day)", f"expected a date such as date(2015, 9, 16), got {describe(day)}"
            )
        if day not in days:
            raise InvalidValueError(
                "timetable(day)",
                f"expected one of the summit's days ({days[0]} to {days[-1]}), got {day}",
            )
        days = (day,)
    by_day: dict[dt.date, list[Session]] = {d: [] for d in days}
    for session in summit.in_time_order():
        if session.slot is not None:
            date = summit.conference_day(session.slot.start)
            if date in by_day:
                by_day[date].append(session)
    rank = _ranks(summit)
    return Timetable(
        zone=zone,
        days=tuple(TimetableDay(d, _blocks(by_day[d], zone, rank)) for d in days),
        unscheduled=tuple(s for s in summit.sessions if s.slot is None),
        summit=summit,
    )


def _ranks(summit: Summit) -> dict[str | None, int]:
    """Rooms, then tracks, in the summit's order: how parallel sessions line up."""
    rank: dict[str | None, int] = {room.id: i for i, room in enumerate(summit.rooms)}
    rank.update({track.id: i for i, track in enumerate(summit.tracks)})
    return rank


def _blocks(
    sessions: Iterable[Session], zone: ZoneInfo | dt.timezone, rank: dict[str | None, int]
) -> tuple[Block, ...]:
    """Timed *sessions* in blocks of sessions that overlap, in a chain."""
    blocks: list[Block] = []
    for group in overlap_groups(sessions, lambda s: utc_span(s.slot)):
        ordered = sorted(
            group,
            key=lambda s: (
                start_key(s.slot),
                rank.get(s.room, len(rank)),
                rank.get(s.track, len(rank)),
                s.id,
            ),
        )
        start = start_key(ordered[0].slot)
        end = max(utc_span(s.slot)[1] for s in group)
        blocks.append(Block(start.astimezone(zone), end.astimezone(zone), _entries(ordered, zone)))
    return tuple(blocks)


def shown_in(zone: ZoneInfo | dt.timezone, slot: TimeSlot | None) -> TimeSlot | None:
    """*slot* with its times shown in *zone*; ``None`` for an untimed session."""
    return slot.in_zone(zone) if slot is not None else None


def _entries(sessions: Iterable[Session], zone: ZoneInfo | dt.timezone) -> tuple[Entry, ...]:
    return tuple(Entry(s, shown_in(zone, s.slot)) for s in sessions)


def room_schedule(
    summit: Summit, room_id: str, *, tz: ZoneInfo | dt.timezone | str | None = None
) -> tuple[Entry, ...]:
    """The sessions in room *room_id*, in time order (untimed last).

    Raises:
        UnknownIdError: If the summit has no such room.
    """
    summit_argument(summit, name="room_schedule(summit)")
    summit.room(room_id)
    zone = arguments.zone(tz, name="room_schedule(tz)", default=summit.timezone)
    return _entries((s for s in summit.in_time_order() if s.room == room_id), zone)


def track_schedule(
    summit: Summit, track_id: str, *, tz: ZoneInfo | dt.timezone | str | None = None
) -> tuple[Entry, ...]:
    """The sessions of track *track_id*, in time order (untimed last).

    Raises:
        UnknownIdError: If the summit has no such track.
    """
    summit_argument(summit, name="track_schedule(summit)")
    zone = arguments.zone(tz, name="track_schedule(tz)", default=summit.timezone)
    return _entries(summit.sessions_of_track(track_id), zone)


@attrs.frozen
class AgendaItem:
    """A session on one speaker's agenda, with the parts they play in it.

    Attributes:
        session: The session.
        roles: The speaker's roles in it: moderator, panelist, presenter,
            chair (of the session, or of its track), host.
        slot: Its slot in the agenda's zone; ``None`` if untimed.
    """

    session: Session
    roles: tuple[Role, ...]
    slot: TimeSlot | None


def agenda_of(
    summit: Summit, speaker_id: str, *, tz: ZoneInfo | dt.timezone | str | None = None
) -> tuple[AgendaItem, ...]:
    """Every session *speaker_id* takes part in, in any role, in time order.

    The speaker's roles include chairing the session's track.  Cancelled
    sessions stay in, so a speaker sees that they are cancelled; untimed
    ones come last.

    Raises:
        UnknownIdError: If the summit has no such speaker.

    >>> import summitkit as sk
    >>> [(i.session.id, [str(r) for r in i.roles])
    ...  for i in agenda_of(sk.examples.gsms2015(), "corey-padveen")]
    [('ws-financial-marketing', ['chair']), ('ws-financial-content', ['chair'])]
    """
    summit_argument(summit, name="agenda_of(summit)")
    summit.speaker(speaker_id)
    zone = arguments.zone(tz, name="agenda_of(tz)", default=summit.timezone)
    items: list[AgendaItem] = []
    for session in summit.in_time_order():
        roles = people_of(summit, session).get(speaker_id)
        if roles:
            items.append(AgendaItem(session, roles, shown_in(zone, session.slot)))
    return tuple(items)
