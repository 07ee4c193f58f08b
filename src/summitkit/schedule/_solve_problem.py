"""A scheduling problem in whole seconds: what the solver places, where, and under which rules.

Everything the model needs is read off the summit once, here, into plain
numbers: each session the programme holds (not cancelled) is an
:class:`Item` with its length and what it keeps, and each rule's times are
lists of ``(start, end)`` seconds after :attr:`Problem.origin`, the start
of the summit's first day.  The model (``_solve_model``) then only builds
variables and constraints from numbers, and the solution is turned back
into time slots in the summit's zone.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from summitkit._sessions import Break, Session, Status
from summitkit._spans import merge
from summitkit._summit import Summit
from summitkit._time import TimeSlot
from summitkit._walltime import localize
from summitkit.schedule._families import Families
from summitkit.schedule._policy import ConflictKind, ConflictPolicy, Severity
from summitkit.schedule._solve_types import GridSlot, Weights

__all__ = ["Item", "Place", "Problem", "RoomMode", "Secs", "fits"]

#: A span of time as whole seconds after the problem's origin, half open.
Secs = tuple[int, int]

_UTC = dt.timezone.utc


class RoomMode(enum.Enum):
    """How a session gets its room."""

    #: It has none and gets none: a break, an online session, a summit without rooms.
    NONE = "none"
    #: The solver chooses it (or keeps the one the session has).
    OWN = "own"
    #: It is in its parent's room, whichever that is.
    SHARE = "share"


@attrs.define(kw_only=True)
class Item:
    """One session the schedule holds, in numbers.

    Attributes:
        index: Its place among the problem's items.
        session: The session.
        duration: Its length in seconds.
        kept_start: The start it keeps, if its time is kept.
        kept_room: The room it keeps, if its room is kept.
        room_mode: How it gets its room.
        parent: The item it is inside, if any (a cancelled parent holds none).
        speakers: Who is there (blocking participants, and its track's
            chair), each once.
        previous: Its start and room in the previous version, for stability.
        unit: The seconds between two starts it may take.
        offset: Where those starts fall: ``unit * k + offset`` seconds.
    """

    index: int
    session: Session
    duration: int
    kept_start: int | None
    kept_room: str | None
    room_mode: RoomMode
    parent: int | None
    speakers: tuple[str, ...]
    previous: tuple[int, str | None] | None
    unit: int = 0
    offset: int = 0

    @property
    def kept(self) -> bool:
        """Whether it keeps its time or its room."""
        return self.kept_start is not None or self.kept_room is not None


@attrs.frozen(kw_only=True)
class Place:
    """Where a session may go: one room, or several rooms no rule tells apart.

    Rooms with the same seats, hours, grid and parallel flag, which no
    session keeps or left in the previous version, are interchangeable:
    the model chooses how many of them are in use at once (a cumulative
    constraint of as many), not which one, and the rooms are dealt out
    afterwards (:meth:`~summitkit.schedule._solve_model.Model.rooms_of`).
    Sessions that overlap in time never number more than the rooms, and
    intervals on a line that never overlap more than *k* at once take *k*
    rooms, dealt in order of start: the same schedules, with a twentieth of
    the choices for twenty rooms alike.

    Attributes:
        rooms: The room ids, in the summit's order.
        capacity: How many each seats, if known.
        hours: Their own opening hours, if any (else the venue's apply).
        placement: Their own windows or grid slots, in place of the shared
            ones; ``None`` when they have none of their own (an empty tuple
            closes them).
        parallel: Whether they hold sessions in parallel.
    """

    rooms: tuple[str, ...]
    capacity: int | None
    hours: tuple[Secs, ...] | None
    placement: tuple[Secs, ...] | None
    parallel: bool


@attrs.define(kw_only=True)
class Problem:
    """A summit's scheduling problem, read off once (see the module's docstring)."""

    summit: Summit
    origin: dt.datetime
    horizon: int
    unit: int
    #: The seconds between two starts the placement rule allows (windows).
    step: int
    items: list[Item]
    rooms: list[str]
    hard: frozenset[ConflictKind]
    changeover: int
    #: Where sessions may be placed, by room id (``None``: sessions without
    #: a room, and every room unless it has its own), as spans of starts
    #: and ends (windows) or as grid slots.
    placement: dict[str | None, list[Secs]]
    grid: bool
    room_hours: dict[str, list[Secs]]
    venue_hours: list[Secs] | None
    availability: dict[str, list[Secs]]
    day_windows: list[Secs] | None
    #: The conference days without announced hours, as spans of starts.
    free_days: list[Secs]
    open_days: list[Secs]
    capacity: dict[str, int]
    preferences: dict[str, list[Secs]]
    popular: list[int]
    weights: Weights
    children: list[list[int]] = attrs.Factory(list[list[int]])
    families: Families | None = None

    def seconds(self, instant: dt.datetime, *, up: bool = False) -> int:
        """*instant* as whole seconds after the origin, rounded down (or *up*)."""
        return _whole_seconds(instant.astimezone(_UTC) - self.origin, up=up)

    def spans(self, slots: Iterable[TimeSlot]) -> list[Secs]:
        """*slots* as merged spans of whole seconds inside them, clipped to the summit's days.

        A start between two seconds is rounded up and an end down: a span
        of seconds never reaches outside the time it stands for.
        """
        merged = merge([slot.utc_bounds for slot in slots])
        spans: list[Secs] = []
        for start, end in merged:
            a = max(self.seconds(start, up=True), 0)
            b = min(self.seconds(end), self.horizon)
            if a < b:
                spans.append((a, b))
        return spans

    def instant(self, seconds: int) -> dt.datetime:
        """Seconds after the origin as an instant in the summit's zone."""
        return (self.origin + dt.timedelta(seconds=seconds)).astimezone(self.summit.timezone)

    def places(self, *, pooled: bool) -> list[Place]:
        """The places sessions may go: each room, or, *pooled*, interchangeable rooms together.

        A room a session keeps, or had in the previous version while free to
        move, is named by the model, so it is a place of its own; so is
        every room when the changeover between rooms is a hard rule, as it
        asks which room each session is in.
        """
        summit = self.summit
        named = {item.kept_room for item in self.items if item.kept_room is not None}
        if self.weights.moved:
            named |= {
                item.previous[1]
                for item in self.items
                if item.previous is not None and item.previous[1] is not None
            }
        apart = not pooled or (ConflictKind.NO_TIME_TO_MOVE in self.hard and self.changeover > 0)
        pools: dict[tuple[object, ...], list[str]] = {}
        order: list[tuple[object, ...]] = []
        for room in summit.rooms:
            hours = self.room_hours.get(room.id)
            key: tuple[object, ...] = (
                room.capacity,
                tuple(hours) if hours is not None else None,
                tuple(self.placement[room.id]) if room.id in self.placement else None,
                room.parallel,
            )
            if apart or room.id in named:
                key = (*key, room.id)
            if key not in pools:
                pools[key] = []
                order.append(key)
            pools[key].append(room.id)
        return [
            Place(
                rooms=tuple(pools[key]),
                capacity=key[0],  # type: ignore[arg-type]
                hours=key[1],  # type: ignore[arg-type]
                placement=key[2],  # type: ignore[arg-type]
                parallel=bool(key[3]),
            )
            for key in order
        ]

    def related(self, a: int, b: int) -> bool:
        """Whether item *a* is inside item *b* or the other way round."""
        families = self.families
        if families is None:  # pragma: no cover - set when the items are
            return a == b
        return families.related(self.items[a].session.id, self.items[b].session.id)

    def downward(self) -> list[int]:
        """The items, each after the one it is inside: a walk down from the top."""
        order: list[int] = []
        stack = [item.index for item in reversed(self.items) if item.parent is None]
        while stack:
            index = stack.pop()
            order.append(index)
            stack.extend(reversed(self.children[index]))
        return order

    def groups(
        self, keys: Callable[[Item], Iterable[str]]
    ) -> dict[tuple[str, int | None], list[int]]:
        """The items of each key, split by the nearest item around them of the same key.

        *keys* gives the speakers, the room or the track an item belongs to.
        Two unrelated items of one key are in one group, or lie inside two
        items that are (each inside its parent), so that "no two in a group
        overlap" is "no two unrelated items overlap".  One walk down the
        families, keeping for each key the items around the one visited:
        linear in the items and their keys.
        """
        found: dict[tuple[str, int | None], list[int]] = {}
        around: dict[str, list[int]] = {}
        stack: list[tuple[int, bool]] = [
            (item.index, False) for item in reversed(self.items) if item.parent is None
        ]
        while stack:
            index, leaving = stack.pop()
            item_keys = list(dict.fromkeys(keys(self.items[index])))
            if leaving:
                for key in item_keys:
                    around[key].pop()
                continue
            for key in item_keys:
                holders = around.setdefault(key, [])
                found.setdefault((key, holders[-1] if holders else None), []).append(index)
                holders.append(index)
            stack.append((index, True))
            stack.extend((child, False) for child in reversed(self.children[index]))
        for members in found.values():
            members.sort()
        return found


def fits(spans: Sequence[Secs], duration: int) -> list[Secs]:
    """The starts, as closed ranges, at which *duration* seconds lie inside one of *spans*."""
    return [(a, b - duration) for a, b in spans if b - a >= duration]


@attrs.frozen(kw_only=True)
class Options:
    """What :func:`~summitkit.schedule.solve` was asked, checked."""

    durations: Mapping[str, int]
    default_duration: int | None
    slots: Sequence[GridSlot] | None
    windows: Mapping[str | None, Sequence[TimeSlot]] | None
    step: int
    policy: ConflictPolicy
    keep_pinned: bool
    previous: Summit | None
    weights: Weights
    preferences: Mapping[str, Sequence[TimeSlot]]
    popular: Sequence[str] | None


#: The hours sessions are placed in on a conference day without announced
#: hours, when neither windows nor grid slots are given.
DEFAULT_HOURS = (dt.time(9), dt.time(18))
#: How many sessions are popular when *popular* is not given: those most
#: people are expected at.
POPULAR_COUNT = 10


def problem(summit: Summit, options: Options) -> Problem:
    """*summit*'s scheduling problem under *options* (checked by the caller)."""
    days = summit.conference_days
    origin = days[0].start.astimezone(_UTC)
    horizon = int((days[-1].end.astimezone(_UTC) - origin).total_seconds())
    policy = options.policy
    hard = frozenset(k for k in ConflictKind if policy.severity(k) is Severity.ERROR)
    # Starts are whole minutes (or finer, for a step or grid that asks it);
    # the step and the grid are where the placement rule puts sessions, so
    # that without that rule a session may start on any minute, as one
    # around a kept session off the step must.
    step = options.step
    if options.slots is not None:
        step = _gcd_unit(origin, options.slots)
    unit = math.gcd(step, INSIDE_UNIT)
    made = Problem(
        summit=summit,
        origin=origin,
        horizon=horizon,
        unit=unit,
        step=step,
        items=[],
        rooms=[room.id for room in summit.rooms],
        hard=hard,
        changeover=int(policy.changeover.total_seconds()),
        placement={},
        grid=options.slots is not None,
        room_hours={},
        venue_hours=None,
        availability={},
        day_windows=None,
        free_days=[],
        open_days=[],
        capacity={r.id: r.capacity for r in summit.rooms if r.capacity is not None},
        preferences={},
        popular=[],
        weights=options.weights,
    )
    _items(made, options)
    _times(made, options)
    return made


def _gcd_unit(origin: dt.datetime, slots: Sequence[GridSlot]) -> int:
    """The largest unit of seconds that every grid slot's start is a whole number of."""
    unit = 0
    for slot in slots:
        # A start between two seconds is the next whole second, as its span's is.
        offset = _whole_seconds(slot.time.utc_bounds[0] - origin, up=True)
        unit = math.gcd(unit, offset)
    return unit or 60


def _whole_seconds(delta: dt.timedelta, *, up: bool = False) -> int:
    """*delta* in whole seconds, rounded down (or *up*)."""
    whole = delta.days * 86_400 + delta.seconds
    return whole + 1 if up and delta.microseconds else whole


def _items(made: Problem, options: Options) -> None:
    """The sessions the schedule holds, as items, in the summit's order."""
    summit = made.summit
    chairs = {t.id: t.chair for t in summit.tracks if t.chair is not None}
    previous = options.previous
    previous_sessions = {s.id: s for s in previous.sessions} if previous is not None else {}
    live = [s for s in summit.sessions if s.status is not Status.CANCELLED]
    index_of = {s.id: i for i, s in enumerate(live)}
    keep = options.keep_pinned
    for index, session in enumerate(live):
        slot = session.slot
        kept_start = made.seconds(slot.start) if keep and slot is not None else None
        if slot is not None and kept_start is not None:
            # A time between two seconds is kept as the whole seconds around it.
            duration = made.seconds(slot.end, up=True) - kept_start
        elif slot is not None and session.id not in options.durations:
            duration = made.seconds(slot.end, up=True) - made.seconds(slot.start)
        else:  # the caller checked that every untimed session has a length
            duration = options.durations.get(session.id, options.default_duration or 0)
        parent = index_of.get(session.parent) if session.parent is not None else None
        speakers = dict.fromkeys(p.speaker for p in session.participants if p.blocking)
        if session.track in chairs:
            speakers[chairs[session.track]] = None
        before = previous_sessions.get(session.id)
        previous_at: tuple[int, str | None] | None = None
        if before is not None and before.slot is not None and before.status is Status.SCHEDULED:
            previous_at = (made.seconds(before.slot.start), before.room)
        made.items.append(
            Item(
                index=index,
                session=session,
                duration=duration,
                kept_start=kept_start,
                kept_room=session.room if keep else None,
                room_mode=RoomMode.NONE,
                parent=parent,
                speakers=tuple(speakers),
                previous=previous_at,
            )
        )
    made.children = [[] for _ in made.items]
    for item in made.items:
        if item.parent is not None:
            made.children[item.parent].append(item.index)
    has_rooms = bool(summit.rooms)
    for index in made.downward():  # a parent's room mode and offset first
        item = made.items[index]
        item.room_mode = _room_mode(made, item, has_rooms=has_rooms)
        _starts(made, item)
    made.families = Families(summit)


#: The seconds between two starts a session may take where no step or grid
#: applies: any minute (a session inside another, or any session once the
#: placement rule is dropped to find why no schedule exists).
INSIDE_UNIT = 60


def _starts(made: Problem, item: Item) -> None:
    """The starts *item* may take: every unit from its offset.

    The unit is a minute, except for a session going into grid slots, which
    starts on the grid's own unit: the same schedules, and measured twice
    as fast to search on a grid of half hours.  A session inside another
    starts on any minute of its parent.  A kept session keeps its start, so
    its offset is that start's, even one between two units.
    """
    item.unit = made.step if made.grid and item.parent is None else made.unit
    item.offset = item.kept_start % item.unit if item.kept_start is not None else 0


def _room_mode(made: Problem, item: Item, *, has_rooms: bool) -> RoomMode:
    """How *item* gets its room: kept or chosen, its parent's, or none."""
    session = item.session
    if item.parent is not None:
        parent = made.items[item.parent]
        with_parent = session.room is None or session.room == parent.session.room
        if parent.room_mode is not RoomMode.NONE and with_parent:
            return RoomMode.SHARE
    if session.room is not None:
        return RoomMode.OWN
    online_only = session.online_url is not None
    if not has_rooms or isinstance(session, Break) or online_only:
        return RoomMode.NONE
    return RoomMode.OWN


def _times(made: Problem, options: Options) -> None:
    """Every rule's times, as spans of seconds."""
    summit = made.summit
    days = summit.conference_days
    whole = [(0, made.horizon)]
    made.open_days = whole
    made.placement = _placement(made, options)
    for room in summit.rooms:
        if room.opening_hours:
            made.room_hours[room.id] = made.spans(room.opening_hours)
    venue = summit.venue
    if venue is not None and venue.opening_hours:
        made.venue_hours = made.spans(venue.opening_hours)
    for speaker in summit.speakers:
        if speaker.availability:
            made.availability[speaker.id] = made.spans(speaker.availability)
    if summit.day_windows:
        made.day_windows = made.spans(summit.day_windows)
        # A day without announced hours holds sessions starting at any time of it.
        made.free_days = [
            (made.seconds(day.start), made.seconds(day.end) - 1)
            for day in days
            if day.window is None and day.end > day.start
        ]
    made.preferences = {
        speaker: made.spans(slots) for speaker, slots in options.preferences.items()
    }
    made.popular = _popular(made, options.popular)


def _placement(made: Problem, options: Options) -> dict[str | None, list[Secs]]:
    """Where sessions may be placed, by room (``None``: rooms without their own)."""
    placement: dict[str | None, list[Secs]] = {}
    if options.slots is not None:
        for grid_slot in options.slots:
            start, end = grid_slot.time.utc_bounds
            span = (made.seconds(start, up=True), made.seconds(end))
            placement.setdefault(grid_slot.room, []).append(span)
        return placement
    windows = options.windows
    if windows is None:
        days = made.summit.conference_days
        windows = {
            None: [
                day.window or _default_hours(made.summit, day.date)
                for day in days
                if day.end > day.start  # a date its zone skipped has no hours
            ]
        }
    return {room: made.spans(slots) for room, slots in windows.items()}


def _default_hours(summit: Summit, day: dt.date) -> TimeSlot:
    """09:00 to 18:00 of *day* in the summit's zone (a time the clocks skip moved past the gap)."""
    zone = summit.timezone
    start, end = (
        localize(
            dt.datetime.combine(day, hour), zone, nonexistent="shift_forward", ambiguous="earlier"
        )
        for hour in DEFAULT_HOURS
    )
    return TimeSlot(start, end)


def _popular(made: Problem, chosen: Sequence[str] | None) -> list[int]:
    """The items to keep apart: those chosen, or those most people are expected at."""
    if chosen is not None:
        wanted = set(chosen)
        return [item.index for item in made.items if item.session.id in wanted]
    expected = [
        (item.session.expected_attendance, item.index)
        for item in made.items
        if item.session.expected_attendance is not None
    ]
    expected.sort(key=lambda pair: -pair[0])  # stable: ties keep the summit's order
    return sorted(index for _, index in expected[:POPULAR_COUNT])
