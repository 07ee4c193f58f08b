"""A first schedule made as a person makes one: the hardest session first, each where it first fits.

The sessions with the fewest places and starts open to them go first; each
takes the earliest start its rules allow, in the smallest room free then
that seats its audience (or, if none does, the largest free room; the
rooms in the summit's order among those alike).  No backtracking: a
session with nowhere left to go ends the attempt.

The rules are the model's, as it noted them while it was built (each
session's allowed starts by place, the places too small for it, the sets
of sessions that may not overlap, the rooms that hold one at a time).  The
schedule is a hint the search starts from: the search follows it while
every rule of the model holds, and goes on by its own strategy where one
does not, so a wrong hint costs time, never a wrong schedule.  It matters
where rooms differ in what they hold (over capacity an error): the search
by earliest start chooses every start before any room, and then meets,
deep in its tree, rooms that cannot be dealt; placed this way, a thousand
sessions in twenty rooms of four sizes take a few tenths of a second
(measured; the search alone found none in a minute).

A summit whose sessions hold others is left to the search: those are
placed by their parent's time, which this does not model.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ortools.util.python.sorted_interval_list import Domain

from summitkit.schedule._solve_model import Model, Placement
from summitkit.schedule._solve_problem import Item

__all__ = ["first_fit"]

#: The most steps (one calendar of a person, track or room asked about one
#: start) per session, on average, before the attempt is given up: a speaker
#: in thousands of sessions, or thousands of rooms alike, must not make it
#: quadratic.
STEPS_PER_SESSION = 1_000


class _Calendar:
    """Busy spans of one speaker, track or room, sorted, never overlapping one another."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def busy_until(self, start: int, end: int, gap: int) -> int | None:
        """When the span that meets ``[start - gap, end + gap)`` ends, or None if it is free."""
        index = bisect.bisect_left(self.starts, end + gap)
        if index and self.ends[index - 1] + gap > start:
            return self.ends[index - 1] + gap
        return None

    def add(self, start: int, end: int) -> None:
        """Make ``[start, end)`` busy, as one span with any it touches.

        Joined, a run of sessions back to back is passed in one step.
        """
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.starts) and self.starts[index] == end:
            end = self.ends[index]
            del self.starts[index], self.ends[index]
        if index and self.ends[index - 1] == start:
            self.ends[index - 1] = end
            return
        self.starts.insert(index, start)
        self.ends.insert(index, end)


class _Greedy:
    """The state of one attempt: the calendars and the steps left."""

    def __init__(self, model: Model) -> None:
        items = model.p.items
        # Each item's calendars, each with the time to leave around it: one
        # per set of items that may not overlap (a speaker's, a track's).
        self.busy: list[list[tuple[_Calendar, int]]] = [[] for _ in items]
        for members, gap in model.apart:
            calendar = _Calendar()
            for index in members:
                self.busy[index].append((calendar, gap))
        # A place's rooms, each a calendar; none for rooms holding sessions in parallel.
        self.rooms = [
            [_Calendar() for _ in place.rooms] if number in model.one_at_a_time else []
            for number, place in enumerate(model.places)
        ]
        self.steps = STEPS_PER_SESSION * len(items)

    def earliest(
        self, item: Item, starts: Sequence[int], place: int | None
    ) -> tuple[int, int] | None:
        """The first ``k`` of *starts* (flat ranges) where *item* fits at *place*, and its room."""
        unit, offset, length = item.unit, item.offset, item.duration
        busy = self.busy[item.index]
        rooms = self.rooms[place] if place is not None else []
        k = starts[0]
        while self.steps > 0:
            self.steps -= 1 + len(busy) + len(rooms)  # every calendar it may ask
            found = _next(starts, k)
            if found is None:
                return None
            start = found * unit + offset
            later = self._later(start, start + length, busy, rooms)
            if isinstance(later, tuple):
                return found, later[0]
            k = -((offset - later) // unit)  # the first k starting at or after *later*
        return None

    @staticmethod
    def _later(
        start: int, end: int, busy: list[tuple[_Calendar, int]], rooms: list[_Calendar]
    ) -> int | tuple[int]:
        """``(room,)`` if *start* to *end* is free (room -1: none needed), else the next start.

        The next start is past every busy span met, and past the first end
        among the rooms' spans met when no room is free.
        """
        later = start
        for calendar, gap in busy:
            until = calendar.busy_until(start, end, gap)
            if until is not None:
                later = max(later, until)
        if not rooms:
            return (-1,) if later == start else later
        ends: list[int] = []
        for number, calendar in enumerate(rooms):
            until = calendar.busy_until(start, end, 0)
            if until is None:
                return (number,) if later == start else later
            ends.append(until)
        return max(later, min(ends))

    def take(self, item: Item, k: int, place: int | None, room: int) -> None:
        start = k * item.unit + item.offset
        end = start + item.duration
        for calendar, _ in self.busy[item.index]:
            calendar.add(start, end)
        if place is not None and room >= 0:
            self.rooms[place][room].add(start, end)


def _next(starts: Sequence[int], k: int) -> int | None:
    """The first value at or after *k* of the flat ranges *starts* (lo, hi, lo, hi, ...)."""
    index = bisect.bisect_left(starts, k)
    if index % 2:  # inside a range (or at its last value)
        return k
    return starts[index] if index < len(starts) else None


def _options(model: Model, item: Item) -> dict[int | None, list[int]]:
    """*item*'s starts by place, as flat ranges; ``None`` for an item without a room."""
    lo, hi = model.bounds[item.index]
    common = Domain(lo, hi)
    own: dict[int, list[Domain]] = {}
    for domain, place in model.allowed[item.index]:
        if place is None:
            common = common.intersection_with(domain)
        else:
            own.setdefault(place, []).append(domain)
    places: list[int | None] = list(model.rooms[item.index]) or [None]
    found: dict[int | None, list[int]] = {}
    for place in places:
        if place is not None and (item.index, place) in model.barred:
            continue
        domain = common
        for other in own.get(place, []) if place is not None else []:
            domain = domain.intersection_with(other)
        if not domain.is_empty():
            found[place] = domain.flattened_intervals()
    return found


def first_fit(model: Model) -> Placement | None:
    """A schedule made by hand's rule (see the module's docstring), or None if it fails."""
    p = model.p
    if any(item.parent is not None for item in p.items):
        return None
    options = [_options(model, item) for item in p.items]
    if not all(options):
        return None

    def hardest(index: int) -> tuple[int, int, int, int]:
        item = p.items[index]
        choices = sum(_count(ranges) for ranges in options[index].values())
        expected = item.session.expected_attendance or 0
        return (choices, -expected, -item.duration, index)

    greedy = _Greedy(model)
    placed: Placement = [(0, None)] * len(p.items)
    for index in sorted(range(len(p.items)), key=hardest):
        item = p.items[index]
        best = _best(model, greedy, item, options[index])
        if best is None:
            return None
        k, place, room = best
        greedy.take(item, k, place, room)
        placed[index] = (k, place)
    return placed


def _best(
    model: Model, greedy: _Greedy, item: Item, options: dict[int | None, list[int]]
) -> tuple[int, int | None, int] | None:
    """Where *item* starts soonest, and among those the place that fits it best: k, place, room."""
    expected = item.session.expected_attendance
    choices = sorted(
        (_fit(model, place, expected), place if place is not None else -1, place, starts)
        for place, starts in options.items()
    )  # the best fitting places first, so that the others are seldom tried
    best: tuple[int, tuple[int, float], int, int | None, int] | None = None
    for fitting, number, place, starts in choices:
        if best is not None and (starts[0], fitting, number) >= best[:3]:
            continue  # it can start no sooner here, nor fit better
        found = greedy.earliest(item, starts, place)
        if found is not None and (best is None or (found[0], fitting, number) < best[:3]):
            best = (found[0], fitting, number, place, found[1])
    return None if best is None else (best[0], best[3], best[4])


def _fit(model: Model, place: int | None, expected: int | None) -> tuple[int, float]:
    """How well *place* fits *expected* people: rooms that seat them first, smallest first.

    Rooms too small come after, the largest first; rooms of no known size
    seat anyone, after every room of a size.
    """
    capacity = model.places[place].capacity if place is not None else None
    if capacity is None:
        return (0, float("inf"))
    if expected is not None and capacity < expected:
        return (1, -capacity)
    return (0, capacity)


def _count(ranges: Sequence[int]) -> int:
    return sum(ranges[n + 1] - ranges[n] + 1 for n in range(0, len(ranges), 2))
