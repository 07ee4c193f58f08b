"""conference_scheduler's instances, their summitkit counterparts, and both ways between solutions.

An instance in conference_scheduler's shape is its events and slots
(:class:`Instance`): its documented example (the tutorial's sixteen events
in three venues over two days) or one generated the same way at a given size
(:func:`generated`).  :func:`to_summit` makes the summit and grid that
``summitkit.schedule.solve`` schedules; :func:`solution_to_summit` and
:func:`summit_to_solution` carry a solution across; :func:`violations` checks
a solution with both libraries' checkers and sorts what they find into what
both model and what only one does.

What maps, and how (:func:`to_summit`):

- an event is one untimed, unroomed talk, with its duration and its demand
  as expected attendance;
- a slot is one grid slot: a room and a time.  A venue is one room per
  *lane*: its slots of one capacity, split so that no two slots of a lane
  overlap (a venue's overlapping slots, such as the tutorial's two 90-minute
  slots outside, become two rooms).  Only one session fits a grid slot of a
  room, since two would overlap in it: this is conference_scheduler's "at
  most one event per slot";
- an event unavailable during another event: a speaker in both sessions, one
  per pair (the tutorial's own words: the same person gives both);
- a tag: a speaker in every session with the tag, since conference_scheduler
  keeps events that share a tag apart in time;
- the slots an event may use: the availability of the event's own presenter,
  the union of the times of those slots.

What does not map:

- an event barred from one venue at a time when another venue is open to it
  (the tutorial keeps talks out of the 90-minute slots outside): summitkit
  has no per-session room restriction, so the availability above lets the
  session into the other venue's slot at that time.  The generated instances
  bar events only where their duration or the count of slots decides anyway,
  so no solution can differ there (:func:`violations` would say);
- conference_scheduler counts two events as clashing when their *slots*
  overlap (one slot inside the other), even if the shorter event ended
  before the other began; summitkit compares the sessions' times.  And it
  misses slots that overlap without one holding the other, which summitkit
  does not;
- a slot's session label: conference_scheduler 3.0.1's solver and validator
  do not read it; nor do they use demand and capacity unless an objective
  function is given (the benchmark gives none, so capacity is a warning in
  summitkit too).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from conference_scheduler import validator
from conference_scheduler.resources import Event, Slot

import summitkit as sk
from summitkit.schedule import ConflictPolicy, Severity, conflicts

#: A solution as conference_scheduler gives it: (event index, slot index) pairs.
Solution = list[tuple[int, int]]
#: A grid slot before summitkit's GridSlot exists here: its time and room id.
Cell = tuple[sk.TimeSlot, str]

ZONE = sk.DUBAI


@dataclasses.dataclass
class Instance:
    """A scheduling problem in conference_scheduler's terms.

    Attributes:
        name: What it is, for a benchmark's rows ("40 events").
        events: Its events, each with its duration, demand, tags and unavailability.
        slots: Its slots: venue, start (naive), minutes, capacity, session label.
    """

    name: str
    events: list[Event]
    slots: list[Slot]


def _slot(  # noqa: PLR0913  # a Slot's fields, with its day and clock apart
    venue: str, day: dt.date, clock: str, minutes: int, *, session: str, capacity: int
) -> Slot:
    start = dt.datetime.combine(day, dt.time.fromisoformat(clock))
    return Slot(venue=venue, starts_at=start, duration=minutes, capacity=capacity, session=session)


def documented_example() -> Instance:
    """The tutorial's conference: two days, rooms Big, Small and Outside, sixteen events.

    As in conference_scheduler's tutorial, with its starts as datetimes
    (3.0.1 adds minutes to them; the tutorial's strings fail there).  Its
    "speaker of Talk 1 also gives Workshop 1" is written
    ``events[0].add_unavailability(events[6])``, which is Talk 7: kept as
    written, since that is the problem its readers solve.
    """
    first, second = dt.date(2016, 9, 15), dt.date(2016, 9, 16)
    talk_slots = [
        _slot(venue, day, clock, 30, session=session, capacity=capacity)
        for venue, day, clocks, session, capacity in (
            ("Big", first, ("09:30", "10:00"), "A", 200),
            ("Small", first, ("09:30", "10:00"), "B", 50),
            ("Big", first, ("12:30", "13:00"), "C", 200),
            ("Small", first, ("12:30", "13:00"), "D", 50),
            ("Big", second, ("09:30", "10:00"), "E", 50),
            ("Big", second, ("12:30", "13:00"), "F", 50),
        )
        for clock in clocks
    ]
    workshop_slots = [
        _slot("Small", second, "09:30", 60, session="G", capacity=50),
        _slot("Small", second, "13:00", 60, session="H", capacity=50),
    ]
    outside_slots = [
        _slot("Outside", second, "12:30", 90, session="I", capacity=1000),
        _slot("Outside", second, "13:00", 90, session="J", capacity=1000),
    ]
    levels = [("beginner",)] * 4 + [("intermediate",)] * 2
    levels += [("intermediate", "advanced")] * 2 + [("advanced",)] * 4
    demands = (50, 130, 500, 30, 60, 30, 60, 60, 60, 30, 30, 30)
    events = [
        Event(f"Talk {n + 1}", 30, demand, tags=list(tags), unavailability=outside_slots[:])
        for n, (tags, demand) in enumerate(zip(levels, demands, strict=True))
    ]
    events += [
        Event("Workshop 1", 60, 300, tags=["testing"], unavailability=outside_slots[:]),
        Event("Workshop 2", 60, 40, tags=["testing"], unavailability=outside_slots[:]),
        Event("City tour", 90, 100, tags=[], unavailability=talk_slots + workshop_slots),
        Event("Boardgames", 90, 20, tags=[], unavailability=talk_slots + workshop_slots),
    ]
    events[0].add_unavailability(events[6])
    events[13].add_unavailability(events[-1])
    return Instance("documented example", events, talk_slots + workshop_slots + outside_slots)


#: The generated conference's venues: name, capacity, slot length in minutes, slot starts.
VENUES = (
    ("Big", 300, 30, tuple(f"{h:02}:{m:02}" for h in (9, 10, 11, 13, 14, 15) for m in (0, 30))),
    ("Small", 80, 30, tuple(f"{h:02}:{m:02}" for h in (9, 10, 11, 13, 14, 15) for m in (0, 30))),
    ("Lab", 40, 60, ("09:00", "10:00", "11:00", "13:00", "14:00", "15:00")),
    ("Outside", 1000, 90, ("13:00", "14:30")),
)
TOPICS = ("web", "data", "testing", "async", "packaging", "education", "science", "community")
SLOTS_PER_DAY = sum(len(starts) for *_, starts in VENUES)  # 32
WORKSHOPS_PER_DAY = 3


def generated(size: int, *, seed: int = 0) -> Instance:
    """A conference of *size* events in the tutorial's shape, the same for a given seed.

    Days enough for 1.2 slots per event; per day, talk slots of 30 minutes
    in Big and Small (morning and afternoon sessions), 60-minute slots in
    the Lab and two 90-minute slots Outside.  Events: two social events of
    90 minutes a day (only the slots outside are long enough, and there are
    as many), three 60-minute workshops a day, talks for the rest; one or
    two topic tags on talks and workshops; as in the tutorial, talks and
    workshops unavailable outside and social events unavailable in the
    other slots; one event in ten unavailable on one day (every slot of it);
    one pair of events per ten events that share a speaker.

    Every event has some unavailability: conference_scheduler 3.0.1 keeps
    two events apart (for a shared tag, or one unavailable during the
    other) only if one of them has some, and, when just one has, only if
    that one is in the earlier listed of two concurrent slots; with every
    event having some, the rules hold both ways round, as summitkit's do.
    """
    rng = random.Random(seed)  # noqa: S311  # the same conference on every run
    days = -(-size * 6 // (5 * SLOTS_PER_DAY))
    first = dt.date(2016, 9, 15)
    slots: list[Slot] = []
    for day in (first + dt.timedelta(days=n) for n in range(days)):
        for venue, capacity, minutes, starts in VENUES:
            for clock in starts:
                session = f"{venue} {day.isoformat()} {'am' if clock < '12' else 'pm'}"
                slots.append(_slot(venue, day, clock, minutes, session=session, capacity=capacity))
    outside = [slot for slot in slots if slot.venue == "Outside"]
    inside = [slot for slot in slots if slot.venue != "Outside"]
    socials, workshops = 2 * days, WORKSHOPS_PER_DAY * days
    events: list[Event] = []
    for number in range(size):
        if number < socials:
            name, minutes, barred, tags = f"Social {number + 1}", 90, inside, []
        elif number < socials + workshops:
            name, minutes, barred = f"Workshop {number - socials + 1}", 60, outside
            tags = rng.sample(TOPICS, 1)
        else:
            name, minutes, barred = f"Talk {number - socials - workshops + 1}", 30, outside
            tags = rng.sample(TOPICS, rng.choice((1, 1, 2)))
        demand = rng.choice((20, 40, 60, 120, 250))
        events.append(Event(name, minutes, demand, tags=tags, unavailability=barred[:]))
    for event in rng.sample(events[socials:], size // 10):
        day = first + dt.timedelta(days=rng.randrange(days))
        event.add_unavailability(*(s for s in slots if s.starts_at.date() == day))
    for _ in range(size // 10):
        one, other = rng.sample(events, 2)
        one.add_unavailability(other)
    assert all(event.unavailability for event in events)  # noqa: S101  # see above
    return Instance(f"{size} events", events, slots)


@dataclasses.dataclass
class Conversion:
    """An instance as summitkit sees it, and the way back.

    Attributes:
        summit: One untimed, unroomed talk per event (``e0``, ``e1``, ...).
        grid: One cell per slot, in the instance's order: its time and room.
        durations: Each session's duration.
        policy: The policy whose errors are the hard constraints.
    """

    summit: sk.Summit
    grid: list[Cell]
    durations: dict[str, dt.timedelta]
    policy: ConflictPolicy = dataclasses.field(default_factory=ConflictPolicy)

    def slot_index(self, room: str, start: dt.datetime) -> int:
        """The index of the slot of *room* that starts at *start*."""
        return self._cells()[room, start]

    def _cells(self) -> dict[tuple[str, dt.datetime], int]:
        return {(room, time.start): index for index, (time, room) in enumerate(self.grid)}


def _time(slot: Slot, minutes: int | None = None) -> sk.TimeSlot:
    start = slot.starts_at.replace(tzinfo=ZONE)
    length = slot.duration if minutes is None else minutes
    return sk.TimeSlot(start, start + dt.timedelta(minutes=length))


def _lanes(slots: Sequence[Slot]) -> list[str]:
    """The room id of each slot: per venue and capacity, lanes of slots that never overlap."""
    rooms = [""] * len(slots)
    ends: dict[tuple[str, int], list[dt.datetime]] = defaultdict(list)
    order = sorted(range(len(slots)), key=lambda n: (slots[n].starts_at, n))
    for index in order:
        slot = slots[index]
        key = (slot.venue, slot.capacity)
        lanes = ends[key]
        lane = next((n for n, end in enumerate(lanes) if end <= slot.starts_at), len(lanes))
        if lane == len(lanes):
            lanes.append(slot.starts_at)
        lanes[lane] = slot.starts_at + dt.timedelta(minutes=slot.duration)
        rooms[index] = _room_id(slot.venue, slot.capacity, lane)
    return rooms


def _room_id(venue: str, capacity: int, lane: int) -> str:
    return f"{re.sub(r'[^a-z0-9]+', '-', venue.lower())}-{capacity}-{lane + 1}"


def _merged(times: Iterable[sk.TimeSlot]) -> list[sk.TimeSlot]:
    merged: list[sk.TimeSlot] = []
    for time in sorted(times, key=lambda slot: slot.start):
        if merged and time.start <= merged[-1].end:
            if time.end > merged[-1].end:
                merged[-1] = sk.TimeSlot(merged[-1].start, time.end)
        else:
            merged.append(time)
    return merged


def allowed(instance: Instance, event: int) -> list[int]:
    """The slots *event* may use in conference_scheduler: not barred, and long enough."""
    mine = instance.events[event]
    barred = {slot for slot in mine.unavailability if isinstance(slot, Slot)}
    return [
        n
        for n, slot in enumerate(instance.slots)
        if slot not in barred and mine.duration <= slot.duration
    ]


def to_summit(instance: Instance) -> Conversion:
    """The summit and grid for *instance*: see the module's docstring for what maps."""
    rooms = _lanes(instance.slots)
    grid = [(_time(slot), room) for slot, room in zip(instance.slots, rooms, strict=True)]
    people: dict[int, list[str]] = defaultdict(list)
    speakers = []
    for number in range(len(instance.events)):
        times = [grid[n][0] for n in allowed(instance, number)]
        speakers.append(
            sk.Speaker(
                id=f"p{number}", name={"en": f"Presenter {number}"}, availability=_merged(times)
            )
        )
        people[number].append(f"p{number}")
    index = {id(event): n for n, event in enumerate(instance.events)}
    pairs = {
        tuple(sorted((number, index[id(other)])))
        for number, event in enumerate(instance.events)
        for other in event.unavailability
        if isinstance(other, Event)
    }
    for one, other in sorted(pairs):
        speakers.append(
            sk.Speaker(id=f"both-{one}-{other}", name={"en": f"Both {one} and {other}"})
        )
        people[one].append(f"both-{one}-{other}")
        people[other].append(f"both-{one}-{other}")
    tags = sorted({tag for event in instance.events for tag in event.tags})
    speakers.extend(sk.Speaker(id=f"tag-{tag}", name={"en": f"Followers of {tag}"}) for tag in tags)
    for number, event in enumerate(instance.events):
        people[number].extend(f"tag-{tag}" for tag in event.tags)
    sessions = [
        sk.Talk(
            id=f"e{number}",
            title={"en": event.name},
            participants=[sk.Participant(person) for person in people[number]],
            expected_attendance=event.demand or None,
        )
        for number, event in enumerate(instance.events)
    ]
    capacities = {room: slot.capacity for slot, room in zip(instance.slots, rooms, strict=True)}
    days = sorted({slot.starts_at.date() for slot in instance.slots})
    summit = sk.Summit(
        id="conference",
        name={"en": instance.name},
        first_day=days[0],
        last_day=days[-1],
        timezone=ZONE,
        rooms=[
            sk.Room(id=room, name={"en": room}, capacity=capacity or None)
            for room, capacity in sorted(capacities.items())
        ],
        speakers=speakers,
        sessions=sessions,
    )
    durations = {
        f"e{n}": dt.timedelta(minutes=event.duration) for n, event in enumerate(instance.events)
    }
    return Conversion(summit, grid, durations)


def solution_to_summit(conversion: Conversion, solution: Solution) -> sk.Summit:
    """The summit with each event placed as *solution* says: at its slot's start, in its room."""
    draft = conversion.summit.edit()
    for event, slot in solution:
        time, room = conversion.grid[slot]
        session = f"e{event}"
        draft.move(
            session,
            slot=sk.TimeSlot(time.start, time.start + conversion.durations[session]),
            room=room,
        )
    return draft.apply()


def summit_to_solution(conversion: Conversion, summit: sk.Summit) -> Solution:
    """The (event, slot) pairs of a summit whose sessions start at the start of a grid cell."""
    cells = conversion._cells()  # noqa: SLF001  # built once for every session
    solution = []
    for session in summit.sessions:
        if session.slot is None or session.room is None:
            continue
        solution.append((int(session.id[1:]), cells[session.room, session.slot.start]))
    return sorted(solution)


_EVENT_AT = re.compile(r"event: (\d+), slot: (\d+)\Z")
_CLASH = re.compile(r"event: (\d+) and event: (\d+)\Z")


@dataclasses.dataclass
class Violations:
    """What both checkers find in one solution, sorted by who models it.

    Attributes:
        shared: Broken rules both libraries model: conference_scheduler's
            validator's labels and summitkit's errors.
        only_conference_scheduler: Its validator's findings that summitkit
            does not model (an event in a barred room at a time it may use
            elsewhere; a clash of slots whose events do not overlap).
    """

    shared: list[str]
    only_conference_scheduler: list[str]


def violations(instance: Instance, conversion: Conversion, solution: Solution) -> Violations:
    """Check *solution* with conference_scheduler's validator and with summitkit's conflicts()."""
    summit = solution_to_summit(conversion, solution)
    spans = {
        int(session.id[1:]): session.slot for session in summit.sessions if session.slot is not None
    }
    availability = {speaker.id: speaker.availability for speaker in summit.speakers}
    shared: list[str] = []
    only: list[str] = []
    for label in validator.solution_violations(solution, instance.events, instance.slots):
        found = _EVENT_AT.search(label)
        if found is not None:
            event = int(found[1])
            span = spans.get(event)
            usable = span is not None and any(w.contains(span) for w in availability[f"p{event}"])
            (only if usable else shared).append(label)
            continue
        found = _CLASH.search(label)
        if found is not None:
            one, other = spans.get(int(found[1])), spans.get(int(found[2]))
            apart = one is not None and other is not None and not one.overlaps(other)
            (only if apart else shared).append(label)
            continue
        shared.append(label)
    shared.extend(
        f"summitkit: {conflict.kind} {conflict.sessions}"
        for conflict in conflicts(summit, policy=conversion.policy)
        if conflict.severity is Severity.ERROR
    )
    return Violations(shared, only)
