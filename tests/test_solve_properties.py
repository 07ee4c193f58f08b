"""Properties of schedule.solve over generated summits: the conflict checker is the oracle.

Every schedule ``solve`` returns must have no error-level finding from
``conflicts()`` under the same policy.  Every infeasibility report names
rules whose removal, made by hand in the summit itself (a speaker's
availability dropped, a room that holds sessions in parallel, a session no
longer kept where it is), leaves a summit ``solve`` can schedule.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import summitkit as sk
from summitkit import strategies as sks
from summitkit.schedule import (
    ConflictKind,
    ConflictPolicy,
    Constraint,
    ConstraintKind,
    GridSlot,
    Severity,
    UnschedulableError,
    conflicts,
    solve,
)

C = ConstraintKind
STRICT = ConflictPolicy(
    severities={
        "over-capacity": "error",
        "no-time-to-move": "error",
        "outside-day-window": "error",
        "outside-parent": "error",
    }
)
POLICIES = st.sampled_from([ConflictPolicy(), STRICT])
MINUTES = st.integers(min_value=5, max_value=180).map(lambda m: dt.timedelta(minutes=m))


def errors(summit: sk.Summit, policy: ConflictPolicy) -> list[sk.schedule.Conflict]:
    """The error-level conflicts a schedule may not have (a short panel is not the solver's)."""
    return [
        c
        for c in conflicts(summit, policy=policy)
        if c.severity is Severity.ERROR and c.kind is not ConflictKind.TOO_FEW_PANELISTS
    ]


@st.composite
def problems(draw: st.DrawFn) -> tuple[sk.Summit, dict[str, dt.timedelta], ConflictPolicy]:
    """A generated summit with some sessions made untimed (some without a room), and their lengths."""
    summit = draw(sks.summits(max_size=8, max_days=2, max_rooms=3))
    lengths: dict[str, dt.timedelta] = {}
    sessions: list[sk.Session] = []
    for session in summit.sessions:
        if session.slot is None or draw(st.booleans()):
            lengths[session.id] = draw(MINUTES)
            room = session.room if draw(st.booleans()) else None
            sessions.append(attrs.evolve(session, slot=None, room=room))
        else:
            sessions.append(session)
    return attrs.evolve(summit, sessions=sessions), lengths, draw(POLICIES)


def _kept_unchanged(before: sk.Summit, after: sk.Summit) -> None:
    for old in before.sessions:
        new = after.session(old.id)
        if old.status is sk.Status.CANCELLED:
            assert new == old
            continue
        assert new.slot is not None
        if old.slot is not None:
            assert new.slot == old.slot
        if old.room is not None:
            assert new.room == old.room


def _checked_solve(
    summit: sk.Summit,
    policy: ConflictPolicy,
    lengths: dict[str, dt.timedelta],
    *,
    slots: list[GridSlot] | None = None,
    windows: dict[str | None, list[sk.TimeSlot]] | None = None,
) -> sk.schedule.Solution | None:
    """solve's schedule, with no error and every pin kept; None if it says none exists.

    Saying so, it names reasons, unless its search for them ran out of time.
    """
    try:
        solution = solve(
            summit,
            durations=lengths,
            policy=policy,
            slots=slots,
            windows=windows,
            time_limit=20,
        )
    except UnschedulableError as error:
        reasons, complete = error.reasons, error.complete
        assert reasons or not complete
        return None
    assert errors(solution.summit, policy) == []
    _kept_unchanged(summit, solution.summit)
    return solution


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_every_schedule_solve_returns_has_no_error_from_the_checker(
    problem: tuple[sk.Summit, dict[str, dt.timedelta], ConflictPolicy],
) -> None:
    """A schedule keeps every rule the policy makes an error, and keeps what was pinned."""
    summit, lengths, policy = problem
    solution = _checked_solve(summit, policy, lengths)
    if solution is None:
        return
    for session_id in lengths:
        session = solution.summit.session(session_id)
        if session.status is sk.Status.SCHEDULED:
            assert session.slot is not None
            assert session.slot.duration == lengths[session_id]


@attrs.frozen
class Placed:
    """A summit to schedule, its sessions' lengths, the policy, and the grid or the windows."""

    summit: sk.Summit
    lengths: dict[str, dt.timedelta]
    policy: ConflictPolicy
    slots: list[GridSlot] | None
    windows: dict[str | None, list[sk.TimeSlot]] | None


@st.composite
def placed_problems(draw: st.DrawFn) -> Placed:
    """A summit with most sessions untimed, and a grid or rooms' own windows to place them in.

    Grid slots are hours, windows a few hours, each in a room or in every
    room without its own, so that rooms open and close at different times
    (and some never open); sessions last a quarter, a half or a whole hour.
    """
    summit = draw(sks.summits(min_size=2, max_size=10, max_days=2, max_rooms=3))
    days = [day for day in summit.conference_days if day.end > day.start]
    assume(summit.rooms and days)
    lengths: dict[str, dt.timedelta] = {}
    sessions: list[sk.Session] = []
    for session in summit.sessions:
        if session.slot is None or draw(st.integers(0, 3)):
            lengths[session.id] = dt.timedelta(minutes=draw(st.sampled_from([15, 30, 60])))
            room = session.room if not draw(st.integers(0, 3)) else None
            sessions.append(attrs.evolve(session, slot=None, room=room))
        else:
            sessions.append(session)
    rooms = [None, *(room.id for room in summit.rooms)]
    grid = draw(st.booleans())
    times: list[tuple[str | None, sk.TimeSlot]] = []
    for _ in range(draw(st.integers(min_value=1, max_value=16))):
        day = draw(st.sampled_from(days))
        start = day.start + dt.timedelta(hours=draw(st.integers(0, 12)))
        end = min(start + dt.timedelta(hours=1 if grid else draw(st.integers(1, 6))), day.end)
        if end > start:
            times.append((draw(st.sampled_from(rooms)), sk.TimeSlot(start, end)))
    slots = [GridSlot(time=time, room=room) for room, time in times] if grid else None
    windows: dict[str | None, list[sk.TimeSlot]] | None = None
    if not grid:
        windows = {}
        for room, time in times:
            windows.setdefault(room, []).append(time)
    summit = attrs.evolve(summit, sessions=sessions)
    return Placed(summit, lengths, draw(POLICIES), slots, windows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(placed_problems())
def test_a_schedule_on_a_grid_or_rooms_own_windows_has_no_error_from_the_checker(
    problem: Placed,
) -> None:
    """Placed by a grid or by rooms' own windows, a schedule keeps every rule and every pin.

    Rooms open at different times bound how many sessions run at once in
    the search's model, a rule the explaining model does without: an
    "unschedulable" that the explanation finds schedulable after all
    (no reasons, yet complete) would be a wrong bound.
    """
    _checked_solve(
        problem.summit,
        problem.policy,
        problem.lengths,
        slots=problem.slots,
        windows=problem.windows,
    )


class Relaxed:
    """A summit and its options with named rules removed, each in the summit itself.

    A speaker's one place (and changeover) goes by making the speaker a
    group, their availability by dropping it; a room's one session at a time
    by letting it hold sessions in parallel, its hours by opening it all the
    summit's days, its capacity by dropping it; a track's sequence by making
    it parallel; the summit's days and the days' windows by making them
    warnings; the placement rule by placing on any minute of the summit's days;
    a pin by making the session untimed and roomless (its length given), its
    old time one more window: a session no longer kept may stay or move.
    The relaxed summit is solved on a grid of minutes, finer than the one
    the rules were named on, so it is as loose as what was named, or looser.
    """

    def __init__(
        self, summit: sk.Summit, lengths: dict[str, dt.timedelta], policy: ConflictPolicy
    ) -> None:
        self.summit = summit
        self.lengths = dict(lengths)
        self.severities = {kind: policy.severity(kind) for kind in ConflictKind}
        self.changeover = policy.changeover
        self.anywhere = False
        self.stay: list[sk.TimeSlot] = []
        self.speakers = {s.id: s for s in summit.speakers}
        self.rooms = {r.id: r for r in summit.rooms}
        self.tracks = {t.id: t for t in summit.tracks}
        self.sessions = {s.id: s for s in summit.sessions}
        self.venue = summit.venue
        days = summit.conference_days
        self.whole = sk.TimeSlot(days[0].start, days[-1].end)

    def without(self, rule: Constraint) -> None:
        {
            C.SPEAKER_ONE_PLACE: self.speaker_group,
            C.SPEAKER_CHANGEOVER: self.speaker_group,
            C.SPEAKER_AVAILABLE: self.speaker_always,
            C.ROOM_ONE_SESSION: self.room_parallel,
            C.OPENING_HOURS: self.always_open,
            C.ROOM_CAPACITY: self.room_unbounded,
            C.TRACK_SEQUENCE: self.track_parallel,
            C.SUMMIT_DAYS: lambda _: self.warn(ConflictKind.OUTSIDE_SUMMIT_DAYS),
            C.DAY_WINDOWS: lambda _: self.warn(ConflictKind.OUTSIDE_DAY_WINDOW),
            C.PLACEMENT: self.place_anywhere,
            C.PINNED: self.unpin,
        }[rule.kind](rule)

    def speaker_group(self, rule: Constraint) -> None:
        assert rule.speaker is not None
        self.speakers[rule.speaker] = attrs.evolve(self.speakers[rule.speaker], group=True)

    def speaker_always(self, rule: Constraint) -> None:
        assert rule.speaker is not None
        self.speakers[rule.speaker] = attrs.evolve(self.speakers[rule.speaker], availability=())

    def room_parallel(self, rule: Constraint) -> None:
        assert rule.room is not None
        self.rooms[rule.room] = attrs.evolve(self.rooms[rule.room], parallel=True)

    def always_open(self, rule: Constraint) -> None:
        if rule.room is not None:
            self.rooms[rule.room] = attrs.evolve(self.rooms[rule.room], opening_hours=(self.whole,))
        else:
            assert self.venue is not None
            self.venue = attrs.evolve(self.venue, opening_hours=())

    def room_unbounded(self, rule: Constraint) -> None:
        assert rule.room is not None
        self.rooms[rule.room] = attrs.evolve(self.rooms[rule.room], capacity=None)

    def track_parallel(self, rule: Constraint) -> None:
        assert rule.track is not None
        self.tracks[rule.track] = attrs.evolve(self.tracks[rule.track], sequential=False)

    def warn(self, kind: ConflictKind) -> None:
        self.severities[kind] = Severity.WARNING

    def place_anywhere(self, _: Constraint) -> None:
        self.anywhere = True

    def unpin(self, rule: Constraint) -> None:
        assert rule.session is not None
        pinned = self.sessions[rule.session]
        if pinned.slot is not None:
            self.lengths[pinned.id] = pinned.slot.duration
            self.stay.append(pinned.slot)
        self.sessions[pinned.id] = attrs.evolve(pinned, slot=None, room=None)
        for child in self.summit.sessions:  # those in its room move with it
            if child.parent == pinned.id and child.room is not None and child.room == pinned.room:
                self.sessions[child.id] = attrs.evolve(self.sessions[child.id], room=None)

    def windows(self) -> list[sk.TimeSlot]:
        """The windows solve uses when given none: each day's announced hours, or 09:00-18:00."""
        found: list[sk.TimeSlot] = []
        for day in self.summit.conference_days:
            if day.window is not None:
                found.append(day.window)
            elif day.end > day.start:
                zone = self.summit.timezone
                start, end = (
                    sk.localize(
                        dt.datetime.combine(day.date, hour),
                        zone,
                        nonexistent="shift_forward",
                        ambiguous="earlier",
                    )
                    for hour in sk.schedule.DEFAULT_HOURS
                )
                found.append(sk.TimeSlot(start, end))
        return found

    def solve(self) -> tuple[sk.Summit, ConflictPolicy, sk.schedule.Solution]:
        summit = attrs.evolve(
            self.summit,
            speakers=list(self.speakers.values()),
            rooms=list(self.rooms.values()),
            tracks=list(self.tracks.values()),
            sessions=list(self.sessions.values()),
            venue=self.venue,
        )
        policy = ConflictPolicy(severities=self.severities, changeover=self.changeover)
        windows = [self.whole] if self.anywhere else [*self.windows(), *self.stay]
        solution = solve(
            summit,
            durations=self.lengths,
            policy=policy,
            windows=windows,
            step=dt.timedelta(minutes=1),
            time_limit=20,
        )
        return summit, policy, solution


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_removing_the_rules_an_infeasibility_names_makes_the_summit_schedulable(
    problem: tuple[sk.Summit, dict[str, dt.timedelta], ConflictPolicy],
) -> None:
    """Each reason is a set the solver proved cannot hold; without all of them, a schedule exists."""
    summit, lengths, policy = problem
    try:
        solve(summit, durations=lengths, policy=policy, time_limit=20)
    except UnschedulableError as error:
        reasons = error.reasons
        if not error.complete:  # the search for reasons ran out of time: nothing to check
            return
    else:
        return
    assert reasons
    relaxed = Relaxed(summit, lengths, policy)
    for reason in reasons:
        for rule in reason:
            relaxed.without(rule)
    _, new_policy, solution = relaxed.solve()
    assert errors(solution.summit, new_policy) == []
