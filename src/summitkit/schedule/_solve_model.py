# OR-Tools' stubs leave one overload of Constraint.only_enforce_if untyped (*args).
# pyright: reportUnknownMemberType=false
"""The scheduling problem as a CP-SAT model: interval variables, one per session.

Each session's start is ``unit * k + offset`` seconds after the problem's
origin, ``k`` an integer variable whose domain holds only the starts the
rules allow (a grid, windows, opening hours and availability are domains,
not constraints: cheap for the solver to keep).  A session that gets a
room has one true literal among its candidate places (a room, or rooms no
rule tells apart: :class:`Place`), and one optional interval per place;
each room's, speaker's and sequential track's sessions are in a no-overlap
constraint (a cumulative one as wide as a place of several rooms), split by
families so that a session and the sessions inside it never exclude one
another (:meth:`Problem.groups`).

Built *explaining*, every hard rule named by a :class:`Constraint` holds
only if its literal is true, so that the solver can say which of them
cannot hold together (CP-SAT's assumptions); built for solving, the rules
simply hold, and the model is smaller.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable, Sequence

from ortools.sat.python import cp_model
from ortools.util.python.sorted_interval_list import Domain

from summitkit.schedule._policy import ConflictKind
from summitkit.schedule._solve_problem import Item, Place, Problem, RoomMode, Secs, fits
from summitkit.schedule._solve_types import Constraint, ConstraintKind

__all__ = ["Model", "Placement"]

C = ConstraintKind
Literal = cp_model.BoolVarT
#: Where each item goes: its ``k`` and its place (``None``: no room of its own choosing).
Placement = list[tuple[int, int | None]]


def _when(constraint: cp_model.Constraint, literals: list[Literal]) -> None:
    """Make *constraint* hold only when every one of *literals* is true (none: always)."""
    if literals:
        constraint.only_enforce_if(literals)


def _floor(a: int, b: int) -> int:
    return a // b


def _ceil(a: int, b: int) -> int:
    return -((-a) // b)


class Model:
    """The CP-SAT model of one problem (see the module's docstring).

    Args:
        problem: The problem.
        explaining: Whether every named rule holds only under its literal.
    """

    def __init__(self, problem: Problem, *, explaining: bool) -> None:
        self.p = problem
        self.explaining = explaining
        self.model = cp_model.CpModel()
        #: Each named rule's literal, when explaining.
        self.literals: dict[Constraint, Literal] = {}
        self.k: list[cp_model.IntVar] = []
        self.starts: list[cp_model.LinearExpr] = []
        self.intervals: list[cp_model.IntervalVar] = []
        #: Where sessions may go: rooms one by one when explaining (each
        #: room's rules are named), interchangeable rooms together otherwise.
        self.places = problem.places(pooled=not explaining)
        self.place_of = {room: n for n, place in enumerate(self.places) for room in place.rooms}
        #: Each item's place literals, by place (its parent's, for SHARE).
        self.rooms: list[dict[int, Literal]] = []
        self.pins: list[Literal | None] = []
        self.costs: dict[str, list[cp_model.LinearExpr]] = {}
        self._fits: dict[tuple[int, int, int, int], Domain] = {}
        #: Built for solving, the hard rules as a first schedule made by
        #: hand reads them (:mod:`~summitkit.schedule._solve_greedy`): each
        #: item's bounds of ``k``; the domains its rules allow, with the
        #: place a rule holds in (``None``: in every one); the places it may
        #: not go (too small, or not the room it keeps); the sets of items
        #: no two of which may overlap, each with the time to leave between
        #: them (a speaker's changeover, kept there whatever the rooms); the
        #: places whose rooms hold one session at a time.
        self.bounds: list[tuple[int, int]] = []
        self.allowed: list[list[tuple[Domain, int | None]]] = [[] for _ in problem.items]
        self.barred: set[tuple[int, int]] = set()
        self.apart: list[tuple[Sequence[int], int]] = []
        self.one_at_a_time: set[int] = set()
        self._place_by_literal: dict[int, int] = {}
        self._kept: list[Sequence[Secs]] = []
        self._build()

    # -- rules and literals ------------------------------------------------------

    def rule(self, constraint: Constraint) -> list[Literal]:
        """The enforcement literals of a named rule: its own when explaining, none otherwise."""
        if not self.explaining:
            return []
        literal = self.literals.get(constraint)
        if literal is None:
            literal = self.model.new_bool_var(f"rule{len(self.literals)}")
            self.literals[constraint] = literal
        return [literal]

    def starts_in(self, item: Item, spans: Iterable[Secs]) -> Domain:
        """The values of *item*'s ``k`` at which it starts inside one of *spans* (start ranges)."""
        unit, offset = item.unit, item.offset
        ranges: list[list[int]] = []
        for a, b in spans:
            lo, hi = _ceil(a - offset, unit), _floor(b - offset, unit)
            if lo <= hi:
                ranges.append([lo, hi])
        return Domain.from_intervals(ranges)

    def fit(self, item: Item, spans: Sequence[Secs]) -> Domain:
        """The values of *item*'s ``k`` at which all of it lies inside one of *spans*.

        Made once per list of spans, length and offset: sessions of one
        length share a speaker's availability's domain, so that thousands of
        slots of availability cost their length once, not once per session.
        """
        key = (id(spans), item.duration, item.unit, item.offset)
        domain = self._fits.get(key)
        if domain is None:
            domain = self._fits[key] = self.starts_in(item, fits(spans, item.duration))
            self._kept.append(spans)  # the id stays that of these spans while the model lives
        return domain

    def grid(self, item: Item, slots: Sequence[Secs]) -> Domain:
        """The values of *item*'s ``k`` at which it starts a grid slot it fits in."""
        unit, offset = item.unit, item.offset
        values = {
            (a - offset) // unit
            for a, b in slots
            if b - a >= item.duration and (a - offset) % unit == 0
        }
        return Domain.from_values(sorted(values))

    def within(self, item: Item, domain: Domain, enforce: list[Literal]) -> None:
        """A hard rule: *item* starts at a value of *domain*, when every literal of *enforce* is.

        Built for solving, *enforce* is empty or one of the item's place
        literals, and the rule is noted in :attr:`allowed` for a first
        schedule made by hand (:mod:`~summitkit.schedule._solve_greedy`).
        """
        _when(self.model.add_linear_expression_in_domain(self.k[item.index], domain), enforce)
        if not self.explaining:
            place = self._place_by_literal[enforce[0].index] if enforce else None
            self.allowed[item.index].append((domain, place))

    def unpinned(self, item: Item) -> list[Literal]:
        """The literal "this item is not kept where it is", when it could be."""
        pin = self.pins[item.index]
        return [] if pin is None else [~pin]

    # -- the model -----------------------------------------------------------------

    def _build(self) -> None:
        for item in self.p.items:
            self._place(item)
        for item in self.p.items:
            self._room_choice(item)
        self._pins()
        self._placement()
        self._days()
        self._hours()
        self._availability()
        self._capacity()
        self._rooms_one_at_a_time()
        self._speakers()
        self._tracks()
        self._parents()
        if not self.explaining:
            self._soft()

    def _place(self, item: Item) -> None:
        """*item*'s start variable and interval."""
        p, model = self.p, self.model
        unit, offset, kept = item.unit, item.offset, item.kept_start
        lo, hi = _ceil(-offset, unit), _floor(p.horizon - item.duration - offset, unit)
        if kept is not None:
            lo, hi = min(lo, (kept - offset) // unit), max(hi, (kept - offset) // unit)
        k = model.new_int_var(lo, max(lo, hi), f"k{item.index}")
        self.bounds.append((lo, max(lo, hi)))
        self.k.append(k)
        start = k * unit + offset
        self.starts.append(start)
        self.intervals.append(
            model.new_fixed_size_interval_var(start, item.duration, f"i{item.index}")
        )

    def _room_choice(self, item: Item) -> None:
        """*item*'s room literals: its own, its parent's, or none."""
        if item.room_mode is RoomMode.SHARE and item.parent is not None:
            self.rooms.append(self.rooms[item.parent])
            return
        if item.room_mode is RoomMode.NONE:
            self.rooms.append({})
            return
        choice: dict[int, Literal] = {
            n: self.model.new_bool_var(f"x{item.index}_{n}") for n in range(len(self.places))
        }
        self.model.add_exactly_one(choice.values())
        self.rooms.append(choice)
        self._place_by_literal.update((literal.index, n) for n, literal in choice.items())

    def _pins(self) -> None:
        """Kept sessions keep their start and room."""
        for item in self.p.items:
            pin: Literal | None = None
            if item.kept:
                enforce = self.rule(
                    Constraint(kind=C.PINNED, session=item.session.id, room=item.kept_room)
                )
                pin = enforce[0] if enforce else None
                if item.kept_start is not None:
                    kept = (item.kept_start - item.offset) // item.unit
                    self.within(item, Domain(kept, kept), enforce)
                if item.kept_room is not None and item.room_mode is RoomMode.OWN:
                    place = self.place_of[item.kept_room]
                    _when(self.model.add_bool_or([self.rooms[item.index][place]]), enforce)
                    if not self.explaining:
                        others = (n for n in self.rooms[item.index] if n != place)
                        self.barred.update((item.index, n) for n in others)
            self.pins.append(pin)

    def _free(self, item: Item) -> bool:
        """Whether the solver may choose *item*'s start."""
        return item.kept_start is None or self.explaining

    def _placement(self) -> None:
        """Sessions placed go into the windows or the grid."""
        p = self.p
        rule = self.rule(Constraint(kind=C.PLACEMENT))
        for item in p.items:
            if not self._free(item) or item.parent is not None:
                continue  # kept, or inside its parent's time, wherever that is
            enforce = rule + (self.unpinned(item) if item.kept_start is not None else [])
            rooms = self.rooms[item.index]
            shared = p.placement.get(None, [])
            own = [n for n in rooms if self.places[n].placement is not None]
            if not own:
                self.within(item, self.placed(item, shared), enforce)
                continue
            for place, literal in rooms.items():
                own_spans = self.places[place].placement
                spans = own_spans if own_spans is not None else shared
                self.within(item, self.placed(item, spans), [*enforce, literal])

    def placed(self, item: Item, spans: Sequence[Secs]) -> Domain:
        """Where the placement rule lets *item* start: a grid slot, or the step in a window.

        A session free to move may also stay where it was in the previous
        version, on the step or not, if it is still inside a window.
        """
        if self.p.grid:
            return self.grid(item, spans)
        # A kept session freed to find why no schedule exists is placed as
        # any other; only a session free to move may stay where it was.
        stay = item.previous[0] if item.previous and item.kept_start is None else -1
        key = (id(spans), item.duration, -1, stay)
        domain = self._fits.get(key)
        if domain is not None:
            return domain
        step, unit = self.p.step, item.unit
        values: list[int] = []
        for lo, hi in fits(spans, item.duration):
            first = _ceil(lo, step) * step
            values.extend(start // unit for start in range(first, hi + 1, step))
            if lo <= stay <= hi and stay % unit == 0:
                values.append(stay // unit)
        domain = self._fits[key] = Domain.from_values(sorted(set(values)))
        self._kept.append(spans)
        return domain

    def _days(self) -> None:
        """Sessions lie inside the summit's days, and their days' announced hours."""
        p = self.p
        whole = p.open_days
        days_hard = ConflictKind.OUTSIDE_SUMMIT_DAYS in p.hard
        for item in p.items:
            if item.kept_start is None:
                continue  # its variable's bounds are the summit's days
            if days_hard:
                rule = self.rule(Constraint(kind=C.SUMMIT_DAYS))
                self.within(item, self.fit(item, whole), rule)
            elif self.explaining:  # unpinned, it is placed as any other
                self.within(item, self.fit(item, whole), self.unpinned(item))
        if p.day_windows is None or ConflictKind.OUTSIDE_DAY_WINDOW not in p.hard:
            return
        rule = self.rule(Constraint(kind=C.DAY_WINDOWS))
        for item in p.items:
            domain = self.fit(item, p.day_windows).union_with(self.starts_in(item, p.free_days))
            self.within(item, domain, rule)

    def _hours(self) -> None:
        """Sessions lie inside their room's opening hours, or else the venue's."""
        p = self.p
        if ConflictKind.OUTSIDE_OPENING_HOURS not in p.hard:
            return
        for item in p.items:
            rooms = self.rooms[item.index]
            if not rooms:
                if p.venue_hours is not None:
                    rule = self.rule(Constraint(kind=C.OPENING_HOURS))
                    self.within(item, self.fit(item, p.venue_hours), rule)
                continue
            for place, literal in rooms.items():
                own = self.places[place].hours
                hours = own if own is not None else p.venue_hours
                if hours is None:
                    continue  # neither the room nor the venue has hours
                room = self.places[place].rooms[0] if own is not None else None
                rule = self.rule(Constraint(kind=C.OPENING_HOURS, room=room))
                self.within(item, self.fit(item, hours), [*rule, literal])

    def _availability(self) -> None:
        """Speakers take part only inside their availability."""
        p = self.p
        if ConflictKind.SPEAKER_UNAVAILABLE not in p.hard:
            return
        by_speaker = self._by_speaker(groups_too=True)
        for speaker, members in by_speaker.items():
            spans = p.availability.get(speaker)
            if spans is None:
                continue
            ids = tuple(p.items[i].session.id for i in members)
            rule = self.rule(Constraint(kind=C.SPEAKER_AVAILABLE, speaker=speaker, sessions=ids))
            for index in members:
                item = p.items[index]
                self.within(item, self.fit(item, spans), rule)

    def _by_speaker(self, *, groups_too: bool) -> dict[str, list[int]]:
        """Each speaker's items, in order; groups only if *groups_too*."""
        groups = {s.id for s in self.p.summit.speakers if s.group}
        found: dict[str, list[int]] = {}
        for item in self.p.items:
            for speaker in item.speakers:
                if groups_too or speaker not in groups:
                    found.setdefault(speaker, []).append(item.index)
        return found

    def _capacity(self) -> None:
        """No session in a room too small for it, when over capacity is an error."""
        p = self.p
        if ConflictKind.OVER_CAPACITY not in p.hard:
            return
        too_small: dict[int, list[Item]] = {}
        for item in p.items:
            expected = item.session.expected_attendance
            if expected is None:
                continue
            for place in self.rooms[item.index]:
                seats = self.places[place].capacity
                if seats is not None and expected > seats:
                    too_small.setdefault(place, []).append(item)
        for place, items in too_small.items():
            ids = tuple(item.session.id for item in items)
            room = self.places[place].rooms[0]
            rule = self.rule(Constraint(kind=C.ROOM_CAPACITY, room=room, sessions=ids))
            for item in items:
                _when(self.model.add_bool_or([~self.rooms[item.index][place]]), rule)
                self.barred.add((item.index, place))

    def _rooms_one_at_a_time(self) -> None:
        """A room holds one session at a time (rooms holding sessions in parallel excepted)."""
        p = self.p
        if ConflictKind.ROOM_DOUBLE_BOOKED not in p.hard:
            return
        top, nested = self._room_sets()
        kept_in: dict[str, list[str]] = {}
        for item in p.items:
            if item.kept_room is not None:
                kept_in.setdefault(item.kept_room, []).append(item.session.id)
        self.one_at_a_time = {n for n, place in enumerate(self.places) if not place.parallel}
        for index, place in enumerate(self.places):
            if place.parallel:
                continue
            room = place.rooms[0]
            rule = self.rule(
                Constraint(
                    kind=C.ROOM_ONE_SESSION, room=room, sessions=tuple(kept_in.get(room, ()))
                )
            )
            if len(place.rooms) > 1:  # interchangeable rooms: no more at once than there are
                present = self._optional(top, index, rule)
                self.model.add_cumulative(present, [1] * len(present), len(place.rooms))
            elif len(top) > 1:
                self.model.add_no_overlap(self._optional(top, index, rule))
            for members in nested:
                if len(members) > 1:
                    self.model.add_no_overlap(self._optional(members, index, rule))
        self._all_rooms(top)

    def _all_rooms(self, holders: list[int]) -> None:
        """No more sessions hold rooms at a time than there are rooms open then.

        Redundant, but it lets the search see it at once: with it, a search
        by earliest start finds a schedule of a thousand sessions in twenty
        rooms in about a second; without it, none in ten (measured).  A
        room is closed when the placement rule lets no session be in it (a
        grid with no slot of that room then): fixed intervals take its
        share of the rule while it is.  A search on a grid of rooms open at
        different times then meets a fourth session at nine o'clock with
        three rooms open at once, not after every start is chosen (measured,
        the search on its own on a grid of 160 sessions: a quarter of the
        dead ends and of the time).  Only when every room holds one session
        at a time.
        """
        if self.explaining or len(holders) < 2 or any(p.parallel for p in self.places):
            return
        rooms = sum(len(place.rooms) for place in self.places)
        intervals = [self.intervals[i] for i in holders]
        demands = [1] * len(intervals)
        for (start, end), count in self._closed(holders):
            intervals.append(self.model.new_fixed_size_interval_var(start, end - start, ""))
            demands.append(count)
        self.model.add_cumulative(intervals, demands, rooms)

    def _closed(self, holders: list[int]) -> list[tuple[Secs, int]]:
        """The spans in which some rooms hold none of *holders*, and how many rooms then.

        A session placed by the rule lies inside one of its place's windows
        or grid slots; a kept session wherever it was kept, so no room is
        closed while one is.  A session inside another is placed by its
        parent's time, not by the rule: with one among *holders*, no room
        is taken as closed.  One sweep over every span's ends, so that
        thousands of rooms and kept sessions cost their number, not its
        square.
        """
        p = self.p
        if any(p.items[i].parent is not None for i in holders):
            return []
        closed: dict[int, int] = {}  # instant: change in the rooms closed from then
        kept: dict[int, int] = {}  # instant: change in the kept sessions running from then
        # The rooms of each list of spans: rooms without their own share one.
        by_spans: dict[int, tuple[Sequence[Secs], int]] = {}
        shared = p.placement.get(None, [])
        for place in self.places:
            own = place.placement if place.placement is not None else shared
            rooms = by_spans.get(id(own), (own, 0))[1]
            by_spans[id(own)] = (own, rooms + len(place.rooms))
        for spans, rooms in by_spans.values():
            at = 0  # the end of the open time so far
            for start, end in [*sorted(spans), (p.horizon, p.horizon)]:
                if start > at:
                    closed[at] = closed.get(at, 0) + rooms
                    closed[start] = closed.get(start, 0) - rooms
                at = max(at, end)
        for i in holders:
            kept_start = p.items[i].kept_start
            if kept_start is not None:
                kept[kept_start] = kept.get(kept_start, 0) + 1
                kept_end = kept_start + p.items[i].duration
                kept[kept_end] = kept.get(kept_end, 0) - 1
        found: list[tuple[Secs, int]] = []
        rooms = running = 0
        instants = sorted(closed.keys() | kept.keys())
        for start, end in itertools.pairwise(instants):
            rooms += closed.get(start, 0)
            running += kept.get(start, 0)
            if rooms and not running:
                found.append(((start, end), rooms))
        return found

    def first_schedule_model(self) -> cp_model.CpModel:
        """A copy of the model without its costs, searched by earliest start first.

        Placing each session at the earliest start its rules leave, in
        order of those starts, is how a person fills a grid by hand; with
        propagation and backtracking it finds a schedule quickly where the
        solver's own search, weighing costs from the start, can take long
        (:func:`~summitkit.schedule.solve` then improves on it).
        """
        first = self.model.clone()
        first.clear_objective()  # type: ignore[no-untyped-call]
        first.add_decision_strategy(
            [first.get_int_var_from_proto_index(k.index) for k in self.k],
            cp_model.CHOOSE_LOWEST_MIN,
            cp_model.SELECT_MIN_VALUE,
        )
        return first

    def hint(self, target: cp_model.CpModel, placement: Placement) -> None:
        """Start *target* (this model or a copy) from *placement*: each item's ``k`` and place."""
        target.clear_hints()  # type: ignore[no-untyped-call]
        for k, (value, _) in zip(self.k, placement, strict=True):
            target.add_hint(k, value)
        seen: set[int] = set()  # items inside another share its literals
        for choice, (_, place) in zip(self.rooms, placement, strict=True):
            for number, literal in choice.items():
                if literal.index not in seen:
                    seen.add(literal.index)
                    target.add_hint(literal, number == place)

    def placement_of(self, solver: cp_model.CpSolver) -> Placement:
        """Each item's ``k`` and place in *solver*'s schedule."""
        return [
            (
                solver.value(k),
                next((n for n, lit in choice.items() if solver.boolean_value(lit)), None),
            )
            for k, choice in zip(self.k, self.rooms, strict=True)
        ]

    def _room_sets(self) -> tuple[list[int], list[list[int]]]:
        """The items that hold a room themselves, and the sets of items inside one.

        Items that share their parent's room literals are in their parent's
        room, whichever it is: they form a set inside it, no two of which
        may overlap.  Every other item with a room holds it: no two of
        those may overlap in one room.
        """
        p = self.p

        # The item whose room literals each item's are, made top-down once: a
        # walk up for each would be quadratic in a chain of nested sessions.
        owners: list[str] = [""] * len(p.items)
        for index in p.downward():
            item = p.items[index]
            shares = item.room_mode is RoomMode.SHARE and item.parent is not None
            owners[index] = owners[item.parent] if shares else str(index)  # type: ignore[index]

        def owner(item: Item) -> list[str]:
            return [] if item.room_mode is RoomMode.NONE else [owners[item.index]]

        groups = p.groups(owner)
        top = sorted(
            i for (_, around), members in groups.items() if around is None for i in members
        )
        return top, [m for (_, around), m in groups.items() if around is not None]

    def _optional(
        self, members: Sequence[int], place: int, rule: list[Literal]
    ) -> list[cp_model.IntervalVar]:
        """The optional intervals of *members* at *place*, present when there (and *rule* holds)."""
        model = self.model
        found: list[cp_model.IntervalVar] = []
        for index in members:
            literal = self.rooms[index][place]
            if rule:
                present = model.new_bool_var("")
                model.add_implication(present, literal)
                model.add_implication(present, rule[0])
                model.add_bool_or([present, ~literal, ~rule[0]])
                literal = present
            found.append(
                model.new_optional_fixed_size_interval_var(
                    self.starts[index], self.p.items[index].duration, literal, ""
                )
            )
        return found

    def _present(self, members: Sequence[int], rule: list[Literal]) -> list[cp_model.IntervalVar]:
        """The intervals of *members*, present only if *rule* holds, when explaining."""
        if not rule:
            return [self.intervals[i] for i in members]
        return [
            self.model.new_optional_fixed_size_interval_var(
                self.starts[i], self.p.items[i].duration, rule[0], ""
            )
            for i in members
        ]

    def _speakers(self) -> None:
        """A speaker is in one session at a time, with time to change rooms."""
        p = self.p
        one_place = ConflictKind.SPEAKER_DOUBLE_BOOKED in p.hard
        changeover = ConflictKind.NO_TIME_TO_MOVE in p.hard and p.changeover > 0
        by_speaker = self._by_speaker(groups_too=False)
        if one_place:
            groups = p.groups(lambda item: [s for s in item.speakers if s in by_speaker])
            for (speaker, _), members in groups.items():
                if len(members) < 2:
                    continue
                ids = tuple(p.items[i].session.id for i in by_speaker[speaker])
                rule = self.rule(
                    Constraint(kind=C.SPEAKER_ONE_PLACE, speaker=speaker, sessions=ids)
                )
                self.model.add_no_overlap(self._present(members, rule))
                self._note_apart(members, 0)
        if changeover:
            for speaker, members in by_speaker.items():
                self._changeovers(speaker, members)

    def _changeovers(self, speaker: str, members: list[int]) -> None:
        """Two of a speaker's sessions in different rooms leave the changeover time between."""
        p, model = self.p, self.model
        roomed = [i for i in members if self.rooms[i]]
        if len(roomed) < 2:
            return
        ids = tuple(p.items[i].session.id for i in members)
        rule = self.rule(Constraint(kind=C.SPEAKER_CHANGEOVER, speaker=speaker, sessions=ids))
        gap = p.changeover
        self._note_apart(roomed, gap)
        for n, i in enumerate(roomed):
            for j in roomed[n + 1 :]:
                if p.related(i, j):
                    continue
                before, after, same = (model.new_bool_var("") for _ in range(3))
                end_i = self.starts[i] + p.items[i].duration
                end_j = self.starts[j] + p.items[j].duration
                model.add(end_i + gap <= self.starts[j]).only_enforce_if(before)
                model.add(end_j + gap <= self.starts[i]).only_enforce_if(after)
                for place, literal in self.rooms[i].items():
                    model.add(literal == self.rooms[j][place]).only_enforce_if(same)
                _when(model.add_bool_or([before, after, same]), rule)

    def _tracks(self) -> None:
        """A sequential track's sessions never overlap (in any order, as the checker asks)."""
        p = self.p
        if ConflictKind.TRACK_OVERLAP not in p.hard:
            return
        sequential = {t.id for t in p.summit.tracks if t.sequential}
        groups = p.groups(
            lambda item: [item.session.track] if item.session.track in sequential else []
        )
        for (track, _), members in groups.items():
            ids = tuple(p.items[i].session.id for i in members)
            rule = self.rule(Constraint(kind=C.TRACK_SEQUENCE, track=track, sessions=ids))
            if len(members) > 1:
                self.model.add_no_overlap(self._present(members, rule))
                self._note_apart(members, 0)

    def _note_apart(self, members: Sequence[int], gap: int) -> None:
        """Note for a first schedule made by hand that no two of *members* overlap."""
        if not self.explaining:
            self.apart.append((members, gap))

    def _parents(self) -> None:
        """A session inside another lies within its time (always: the families rely on it)."""
        p = self.p
        for item in p.items:
            if item.parent is None:
                continue
            parent = item.parent
            self.model.add(self.starts[item.index] >= self.starts[parent])
            self.model.add(
                self.starts[item.index] + item.duration
                <= self.starts[parent] + p.items[parent].duration
            )

    # -- what a schedule costs -------------------------------------------------------

    def _soft(self) -> None:
        """The weighted objectives (:class:`~summitkit.schedule.Weights`)."""
        p, weights = self.p, self.p.weights
        terms = self.costs
        for item in p.items:
            if weights.moved and item.previous is not None and item.kept_start is None:
                start, room = item.previous
                terms.setdefault("moved", []).append(weights.moved * self._moved(item, start, room))
            if item.session.expected_attendance is not None and item.room_mode is RoomMode.OWN:
                self._seats(item, item.session.expected_attendance)
            if weights.preference:
                self._preferred(item)
        if weights.spread:
            groups = p.groups(lambda item: [item.session.track] if item.session.track else [])
            sequential = {t.id for t in p.summit.tracks if t.sequential}
            for (track, around), members in groups.items():
                if around is None and track not in sequential and len(members) > 1:
                    terms.setdefault("spread", []).append(weights.spread * self._at_once(members))
        if weights.popular and len(p.popular) > 1:
            terms.setdefault("popular", []).append(weights.popular * self._at_once(p.popular))
        everything = [t for parts in terms.values() for t in parts]
        if everything:
            self.model.minimize(sum(everything))

    def _seats(self, item: Item, expected: int) -> None:
        """The cost of *item*'s people beyond its room's seats, and of its empty seats."""
        p, weights = self.p, self.p.weights
        overflow = 0 if ConflictKind.OVER_CAPACITY in p.hard else weights.overflow
        for place, literal in self.rooms[item.index].items():
            seats = self.places[place].capacity
            if seats is None:
                continue
            over, empty = (
                max(expected - seats, 0) * overflow,
                max(seats - expected, 0) * weights.waste,
            )
            if over:
                self.costs.setdefault("overflow", []).append(over * literal)
            if empty:
                self.costs.setdefault("waste", []).append(empty * literal)

    def _preferred(self, item: Item) -> None:
        """The cost of *item* outside the times its speakers prefer."""
        for speaker in item.speakers:
            liked = self.p.preferences.get(speaker)
            if liked is not None:
                outside = self.model.new_bool_var("")
                preferred = self.model.add_linear_expression_in_domain(
                    self.k[item.index], self.fit(item, liked)
                )
                _when(preferred, [~outside])
                self.costs.setdefault("preference", []).append(self.p.weights.preference * outside)

    def _moved(self, item: Item, before: int, room: str | None) -> Literal:
        """A literal true when *item* is not at its previous start *before* and *room*."""
        model = self.model
        moved = model.new_bool_var(f"moved{item.index}")
        unit, offset = item.unit, item.offset
        if (before - offset) % unit:
            model.add(moved == 1)  # not on the grid: it cannot stay
            return moved
        model.add(self.k[item.index] == (before - offset) // unit).only_enforce_if(~moved)
        model.add_hint(self.k[item.index], (before - offset) // unit)
        rooms = self.rooms[item.index]
        place = self.place_of.get(room) if room is not None else None
        if place is not None and place in rooms:  # a room left is a place of its own
            model.add_bool_or([rooms[place]]).only_enforce_if(~moved)
        return moved

    def _at_once(self, members: Sequence[int]) -> cp_model.LinearExpr:
        """How many of *members* run at once beyond the first, at the busiest time."""
        most = self.model.new_int_var(1, len(members), "")
        self.model.add_cumulative([self.intervals[i] for i in members], [1] * len(members), most)
        return most - 1

    # -- reading a solution ------------------------------------------------------------

    def start_of(self, solver: cp_model.CpSolver, item: Item) -> int:
        """*item*'s start in the solution, in seconds after the origin."""
        return solver.value(self.k[item.index]) * item.unit + item.offset

    def rooms_of(self, solver: cp_model.CpSolver) -> list[str | None]:
        """Each item's room in the solution, the rooms of a place of several dealt out.

        The items that hold a room at a place of several rooms are dealt, in
        order of start, the first of its rooms free when they start (the
        place's cumulative constraint says one is); those inside another
        item's room take that room.
        """
        p = self.p
        holders: dict[int, list[int]] = {}
        rooms: list[str | None] = [None] * len(p.items)
        for item in p.items:
            if item.room_mode is not RoomMode.OWN:
                continue
            chosen = [n for n, lit in self.rooms[item.index].items() if solver.boolean_value(lit)]
            place = self.places[chosen[0]]
            if len(place.rooms) == 1:
                rooms[item.index] = place.rooms[0]
            else:
                holders.setdefault(chosen[0], []).append(item.index)
        for number, members in holders.items():
            self._deal(solver, self.places[number], members, rooms)
        for index in p.downward():  # an item inside another takes the room it shares
            item = p.items[index]
            if item.room_mode is RoomMode.SHARE and item.parent is not None:
                rooms[index] = rooms[item.parent]
        return rooms

    def _deal(
        self, solver: cp_model.CpSolver, place: Place, members: list[int], rooms: list[str | None]
    ) -> None:
        """Deal *place*'s rooms to the items *members*, in order of start."""
        starts = {i: self.start_of(solver, self.p.items[i]) for i in members}
        free = list(range(len(place.rooms)))  # a heap of room numbers: the summit's order first
        busy: list[tuple[int, int]] = []  # (end, room number)
        for index in sorted(members, key=lambda i: (starts[i], i)):
            start = starts[index]
            while busy and busy[0][0] <= start:
                heapq.heappush(free, heapq.heappop(busy)[1])
            # Rooms that hold sessions in parallel may have none free: any of them will do.
            number = heapq.heappop(free) if free else busy[0][1]
            rooms[index] = place.rooms[number]
            heapq.heappush(busy, (start + self.p.items[index].duration, number))

    def cost_of(self, solver: cp_model.CpSolver) -> dict[str, int]:
        """Each objective's cost in the solution."""
        return {name: sum(solver.value(t) for t in parts) for name, parts in self.costs.items()}
