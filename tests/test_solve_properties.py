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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summitkit as sk
from summitkit import strategies as sks
from summitkit.exceptions import UnschedulableError
from summitkit.schedule import (
    ConflictKind,
    ConflictPolicy,
    Constraint,
    ConstraintKind,
    Severity,
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
            session = attrs.evolve(session, slot=None, room=room)
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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_every_schedule_solve_returns_has_no_error_from_the_checker(
    problem: tuple[sk.Summit, dict[str, dt.timedelta], ConflictPolicy],
) -> None:
    """A schedule keeps every rule the policy makes an error, and keeps what was pinned."""
    summit, lengths, policy = problem
    try:
        solution = solve(summit, durations=lengths, policy=policy, time_limit=20)
    except UnschedulableError as error:
        assert error.reasons or not error.complete
        return
    assert errors(solution.summit, policy) == []
    _kept_unchanged(summit, solution.summit)
    for session_id in lengths:
        session = solution.summit.session(session_id)
        if session.status is sk.Status.SCHEDULED:
            assert session.slot is not None
            assert session.slot.duration == lengths[session_id]


def relaxed(
    summit: sk.Summit,
    lengths: dict[str, dt.timedelta],
    policy: ConflictPolicy,
    rules: list[Constraint],
) -> tuple[sk.Summit, dict[str, dt.timedelta], ConflictPolicy, bool]:
    """*summit* without *rules*, each removed in the summit itself (or its policy, or its windows).

    Returns the summit, the lengths, the policy and whether sessions may be
    placed anywhere in the summit's days (the placement rule removed).
    """
    severities = {kind: policy.severity(kind) for kind in ConflictKind}
    anywhere = False
    speakers = {s.id: s for s in summit.speakers}
    rooms = {r.id: r for r in summit.rooms}
    tracks = {t.id: t for t in summit.tracks}
    sessions = {s.id: s for s in summit.sessions}
    venue = summit.venue
    days = summit.conference_days
    whole = sk.TimeSlot(days[0].start, days[-1].end)
    lengths = dict(lengths)
    for rule in rules:
        if rule.kind in (C.SPEAKER_ONE_PLACE, C.SPEAKER_CHANGEOVER):
            assert rule.speaker is not None
            speakers[rule.speaker] = attrs.evolve(speakers[rule.speaker], group=True)
        elif rule.kind is C.SPEAKER_AVAILABLE:
            assert rule.speaker is not None
            speakers[rule.speaker] = attrs.evolve(speakers[rule.speaker], availability=())
        elif rule.kind is C.ROOM_ONE_SESSION:
            assert rule.room is not None
            rooms[rule.room] = attrs.evolve(rooms[rule.room], parallel=True)
        elif rule.kind is C.OPENING_HOURS and rule.room is not None:
            rooms[rule.room] = attrs.evolve(rooms[rule.room], opening_hours=(whole,))
        elif rule.kind is C.OPENING_HOURS:
            assert venue is not None
            venue = attrs.evolve(venue, opening_hours=())
        elif rule.kind is C.ROOM_CAPACITY:
            assert rule.room is not None
            rooms[rule.room] = attrs.evolve(rooms[rule.room], capacity=None)
        elif rule.kind is C.TRACK_SEQUENCE:
            assert rule.track is not None
            tracks[rule.track] = attrs.evolve(tracks[rule.track], sequential=False)
        elif rule.kind is C.SUMMIT_DAYS:
            severities[ConflictKind.OUTSIDE_SUMMIT_DAYS] = Severity.WARNING
        elif rule.kind is C.DAY_WINDOWS:
            severities[ConflictKind.OUTSIDE_DAY_WINDOW] = Severity.WARNING
        elif rule.kind is C.PLACEMENT:
            anywhere = True
        else:
            assert rule.kind is C.PINNED
            assert rule.session is not None
            pinned = sessions[rule.session]
            if pinned.slot is not None:
                lengths[pinned.id] = pinned.slot.duration
            sessions[pinned.id] = attrs.evolve(pinned, slot=None, room=None)
            for child in summit.sessions:  # those in its room move with it
                if (
                    child.parent == pinned.id
                    and child.room is not None
                    and child.room == pinned.room
                ):
                    sessions[child.id] = attrs.evolve(sessions[child.id], room=None)
    changed = attrs.evolve(
        summit,
        speakers=list(speakers.values()),
        rooms=list(rooms.values()),
        tracks=list(tracks.values()),
        sessions=list(sessions.values()),
        venue=venue,
    )
    new_policy = ConflictPolicy(severities=severities, changeover=policy.changeover)
    return changed, lengths, new_policy, anywhere


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
    named = [rule for reason in reasons for rule in reason]
    changed, new_lengths, new_policy, anywhere = relaxed(summit, lengths, policy, named)
    days = changed.conference_days
    windows = [sk.TimeSlot(days[0].start, days[-1].end)] if anywhere else None
    solution = solve(
        changed, durations=new_lengths, policy=new_policy, windows=windows, time_limit=20
    )
    assert errors(solution.summit, new_policy) == []
