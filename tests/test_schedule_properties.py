"""The scheduling queries against brute-force oracles, over every summit the strategies draw."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

import summitkit as sk
from readings import first_reading_from
from summitkit import strategies as sks
from summitkit.schedule import ConflictKind, ConflictPolicy, Severity, conflicts
from summitkit.text import explain

UTC = dt.timezone.utc
K = ConflictKind
Span = tuple[int, int]

# Small summits with every feature; several days and zones with clock changes.
SUMMITS = sks.summits(
    timezones=st.sampled_from(
        [sk.DUBAI, sk.get_zone("Europe/London"), sk.get_zone("America/New_York")]
    ),
    max_size=12,
    max_speakers=5,
    max_rooms=3,
)


@st.composite
def crowded(draw: st.DrawFn) -> sk.Summit:
    """A summit whose sessions are all packed into two hours of its first day.

    summits() spreads sessions over whole days and leaves many untimed, so
    pairs rarely overlap or follow each other closely; packed onto a
    five-minute grid among a few speakers and rooms, they often do.
    """
    summit = draw(
        sks.summits(
            timezones=st.sampled_from([sk.DUBAI, sk.get_zone("Europe/London")]),
            min_size=3,
            max_size=10,
            max_speakers=3,
            max_rooms=2,
        )
    )
    start = summit.conference_days[0].start
    rooms = st.sampled_from([None, *(r.id for r in summit.rooms)])
    packed = []
    for session in summit.sessions:
        offset = dt.timedelta(minutes=5 * draw(st.integers(0, 24)))
        length = dt.timedelta(minutes=5 * draw(st.integers(1, 12)))
        slot = sk.TimeSlot.starting(start + offset, length)
        packed.append(attrs.evolve(session, slot=slot, room=draw(rooms)))
    return attrs.evolve(summit, sessions=packed)


# -- the oracles' plain data: instants as whole microseconds since 1970 in UTC ----------

EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = dt.timedelta(microseconds=1)


def micros(moment: dt.datetime) -> int:
    """An aware instant as whole microseconds since 1970-01-01 00:00 UTC."""
    return (moment - EPOCH) // MICROSECOND


def span(slot: sk.TimeSlot) -> Span:
    """A slot as (start, end) in UTC microseconds."""
    return micros(slot.start), micros(slot.end)


def spans(slots: Iterable[sk.TimeSlot]) -> list[Span]:
    return [span(s) for s in slots]


class Booked(NamedTuple):
    """A session that takes up time, as plain data."""

    id: str
    start: int
    end: int
    room: str | None
    people: frozenset[str]
    track: str | None


def chairs(summit: sk.Summit) -> dict[str, str]:
    """Track id to its chair's id, for the tracks that have a chair."""
    return {t.id: t.chair for t in summit.tracks if t.chair is not None}


def people(summit: sk.Summit, session: sk.Session) -> set[str]:
    """Participants, plus the chair of the session's track."""
    found = {p.speaker for p in session.participants}
    chair = chairs(summit).get(session.track or "")
    return found | ({chair} if chair is not None else set())


def present(summit: sk.Summit, session: sk.Session) -> frozenset[str]:
    """Who the session keeps there: participants who block (not authors), and the track's chair."""
    found = {p.speaker for p in session.participants if p.blocking}
    chair = chairs(summit).get(session.track or "")
    return frozenset(found | ({chair} if chair is not None else set()))


def ancestors(summit: sk.Summit, session_id: str) -> set[str]:
    """The session and every session it is inside, by walking the parents."""
    parents = {s.id: s.parent for s in summit.sessions}
    found = {session_id}
    parent = parents[session_id]
    while parent is not None:
        found.add(parent)
        parent = parents[parent]
    return found


def booked(summit: sk.Summit) -> list[Booked]:
    """Timed sessions that are not cancelled, by start instant; ties in the summit's order."""
    found = [
        Booked(s.id, *span(s.slot), s.room, frozenset(people(summit, s)), s.track)
        for s in summit.sessions
        if s.slot is not None and s.status is not sk.Status.CANCELLED
    ]
    return sorted(found, key=lambda b: b.start)  # sorted() is stable


def meet(a: Span, b: Span) -> bool:
    """Whether two half-open spans share an instant."""
    return a[0] < b[1] and b[0] < a[1]


def covered(piece: Span, windows: Sequence[Span]) -> bool:
    """Whether the windows' union holds all of *piece*: every point where coverage
    could first fail (the start, and each window end inside the piece) is in a window."""
    start, end = piece
    points = [start, *(w for _, w in windows if start < w < end)]
    return all(any(a <= p < b for a, b in windows) for p in points)


def largest_overlapping_sets(sessions: Sequence[Booked]) -> list[tuple[Booked, ...]]:
    """Each set of two or more of *sessions* that all overlap, and that no larger such set holds.

    Sessions that all overlap share an instant: the latest start among them,
    which is inside every one of them.  So the candidates are, for each
    session's start, the sessions holding that instant; the largest sets are
    the candidates no other candidate strictly contains.  Each is checked
    against the definition: every two of its sessions overlap, and every
    session outside it misses one of them.
    """
    candidates = []
    for session in sessions:
        holding = tuple(s for s in sessions if s.start <= session.start < s.end)
        if len(holding) >= 2:
            candidates.append(holding)
    members = [frozenset(s.id for s in c) for c in candidates]
    largest = {
        ids: candidate
        for candidate, ids in zip(candidates, members, strict=True)
        if not any(ids < other for other in members)
    }
    for ids, candidate in largest.items():
        pieces = [(s.start, s.end) for s in candidate]
        assert all(meet(a, b) for a, b in itertools.combinations(pieces, 2))
        for outside in (s for s in sessions if s.id not in ids):
            assert any(not meet(piece, (outside.start, outside.end)) for piece in pieces)
    return list(largest.values())


def shared_span(sessions: Iterable[Booked]) -> Span:
    """From the latest start to the earliest end."""
    sessions = list(sessions)
    return max(s.start for s in sessions), min(s.end for s in sessions)


def oracle(summit: sk.Summit, policy: ConflictPolicy) -> set[tuple[object, ...]]:  # noqa: C901, PLR0912  # one rule per branch, as the definitions read
    """Every conflict, from each speaker's, room's and track's sessions and from each session alone.

    A conflict is (kind, session ids, speakers, rooms, track, span in UTC microseconds).
    """
    found: set[tuple[object, ...]] = set()
    sessions = [s._replace(people=present(summit, summit.session(s.id))) for s in booked(summit)]
    sequential = {t.id for t in summit.tracks if t.sequential}
    groups = {p.id for p in summit.speakers if p.group}
    parallel = {r.id for r in summit.rooms if r.parallel}
    lines = {s.id: ancestors(summit, s.id) for s in summit.sessions}

    def related(a: Booked, b: Booked) -> bool:
        return a.id in lines[b.id] or b.id in lines[a.id]

    def clashing(candidates: list[tuple[Booked, ...]]) -> list[tuple[Booked, ...]]:
        """The sets with two unrelated sessions: a family alone never clashes."""
        return [
            c for c in candidates if any(not related(a, b) for a, b in itertools.combinations(c, 2))
        ]

    # Speakers whose largest sets are the same sessions share one conflict.
    by_sessions: dict[tuple[Booked, ...], set[str]] = {}
    for person in {p for s in sessions for p in s.people} - groups:
        theirs = [s for s in sessions if person in s.people]
        for clash in clashing(largest_overlapping_sets(theirs)):
            by_sessions.setdefault(clash, set()).add(person)
    for clash, persons in by_sessions.items():
        ids = tuple(s.id for s in clash)
        found.add((K.SPEAKER_DOUBLE_BOOKED, ids, frozenset(persons), (), None, shared_span(clash)))
    for room in {s.room for s in sessions if s.room is not None} - parallel:
        for clash in clashing(largest_overlapping_sets([s for s in sessions if s.room == room])):
            ids = tuple(s.id for s in clash)
            found.add((K.ROOM_DOUBLE_BOOKED, ids, frozenset(), (room,), None, shared_span(clash)))
    for track in sequential:
        for clash in clashing(largest_overlapping_sets([s for s in sessions if s.track == track])):
            ids = tuple(s.id for s in clash)
            found.add((K.TRACK_OVERLAP, ids, frozenset(), (), track, shared_span(clash)))
    # A changeover is to the speaker's next session: the earliest (all, on a
    # tie) of theirs that starts once this one has ended.
    changeover = policy.changeover // MICROSECOND
    moves: dict[tuple[Booked, Booked], set[str]] = {}
    for a in sessions:
        for person in a.people - groups:
            later = [b for b in sessions if person in b.people and b.start >= a.end]
            first = min((b.start for b in later), default=None)
            for b in later:
                if (
                    b.start == first
                    and b.start - a.end < changeover
                    and None not in (a.room, b.room)
                    and a.room != b.room
                    and not related(a, b)
                ):
                    moves.setdefault((a, b), set()).add(person)
    for (a, b), persons in moves.items():
        found.add(
            (
                K.NO_TIME_TO_MOVE,
                (a.id, b.id),
                frozenset(persons),
                (a.room, b.room),
                None,
                (a.start, b.end),
            )
        )
    rooms = {r.id: r for r in summit.rooms}
    speakers = {p.id: p for p in summit.speakers}
    sessions_by_id = {s.id: s for s in summit.sessions}
    venue_hours = spans(summit.venue.opening_hours) if summit.venue else []
    for s in sessions:
        piece = (s.start, s.end)
        room = rooms.get(s.room or "")
        if room is not None and room.opening_hours:
            if not covered(piece, spans(room.opening_hours)):
                found.add((K.OUTSIDE_OPENING_HOURS, (s.id,), frozenset(), (room.id,), None, piece))
        elif venue_hours and not covered(piece, venue_hours):
            found.add((K.OUTSIDE_OPENING_HOURS, (s.id,), frozenset(), (), None, piece))
        for person in s.people:
            windows = spans(speakers[person].availability)
            if windows and not covered(piece, windows):
                found.add((K.SPEAKER_UNAVAILABLE, (s.id,), frozenset({person}), (), None, piece))
        attendance = sessions_by_id[s.id].expected_attendance
        capacity = room.capacity if room is not None else None
        if capacity is not None and attendance is not None and attendance > capacity:
            found.add((K.OVER_CAPACITY, (s.id,), frozenset(), (s.room,), None, piece))
    found |= alone(summit, sessions)
    return found


def alone(summit: sk.Summit, sessions: list[Booked]) -> set[tuple[object, ...]]:
    """The conflicts of one session: off the days, outside its day's window or its parent, short of panelists."""
    found: set[tuple[object, ...]] = set()
    days = conference_days(summit)

    def day_of(moment: int) -> int | None:
        return next((n for n, (a, b) in enumerate(days) if a <= moment < b), None)

    windows = spans(summit.day_windows)
    announced = {day_of(w[0]) for w in windows}
    timed = {s.id: s for s in sessions}
    for s in sessions:
        piece = (s.start, s.end)
        if s.start < days[0][0] or s.end > days[-1][1]:
            found.add((K.OUTSIDE_SUMMIT_DAYS, (s.id,), frozenset(), (), None, piece))
        if day_of(s.start) in announced and not covered(piece, windows):
            found.add((K.OUTSIDE_DAY_WINDOW, (s.id,), frozenset(), (), None, piece))
        parent = timed.get(summit.session(s.id).parent or "")
        if parent is not None and not parent.start <= s.start < s.end <= parent.end:
            found.add((K.CHILD_OUTSIDE_PARENT, (s.id, parent.id), frozenset(), (), None, piece))
    for session in summit.sessions:
        panelists = [p.speaker for p in session.participants if p.role is sk.Role.PANELIST]
        if (
            isinstance(session, sk.Panel)
            and session.status is not sk.Status.CANCELLED
            and len(panelists) < 2
        ):
            piece = span(session.slot) if session.slot is not None else None
            found.add((K.TOO_FEW_PANELISTS, (session.id,), frozenset(panelists), (), None, piece))
    return found


def as_keys(found: Iterable[sk.schedule.Conflict]) -> set[tuple[object, ...]]:
    return {
        (
            c.kind,
            c.sessions,
            frozenset(c.speakers),
            c.rooms,
            c.track,
            None if c.slot is None else span(c.slot),
        )
        for c in found
    }


def check_against_the_oracle(summit: sk.Summit, changeover: dt.timedelta) -> None:
    """conflicts() and the oracle agree, with no duplicates, rated and explained."""
    policy = ConflictPolicy(changeover=changeover)
    found = conflicts(summit, policy=policy)
    assert len(as_keys(found)) == len(found)
    assert as_keys(found) == oracle(summit, policy)
    for conflict in found:
        assert conflict.severity is policy.severity(conflict.kind)
        assert len(set(conflict.speakers)) == len(conflict.speakers)
        if conflict.slot is not None:
            assert conflict.slot.start.tzinfo is summit.timezone
            assert conflict.slot.end.tzinfo is summit.timezone
        assert explain(conflict, summit, lang="en")
        assert explain(conflict, summit, lang="ar")


CHANGEOVERS = st.sampled_from([dt.timedelta(0), dt.timedelta(minutes=10), dt.timedelta(hours=2)])


def one_room(
    *spans: tuple[tuple[int, int], tuple[int, int]],
    people: Sequence[str] = (),
    rooms: Sequence[str | None] = (),
) -> sk.Summit:
    """Sessions s0, s1, ... at the given (hour, minute) spans, of one room and one track.

    *people* are the speakers of each session as letters ("ab" for a and b);
    speaker a alone by default.  *rooms* are the sessions' rooms, if not
    all in room r.
    """
    rooms = rooms or ["r"] * len(spans)
    day = dt.date(2015, 9, 16)

    def at(hour: int, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), sk.DUBAI)

    sessions = [
        sk.WorkshopSession(
            id=f"s{i}",
            title={"en": f"Session {i}"},
            slot=sk.TimeSlot(at(*start), at(*end)),
            room=rooms[i],
            track="t",
            participants=[sk.Participant(p) for p in (people[i] if people else "a")],
        )
        for i, (start, end) in enumerate(spans)
    ]
    return sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=day,
        rooms=[sk.Room(id=r, name={"en": r.upper()}) for r in sorted({*rooms} - {None})],  # type: ignore[arg-type]
        speakers=[sk.Speaker(id=p, name={"en": p.upper()}) for p in "abc"],
        tracks=[sk.WorkshopTrack(id="t", title={"en": "T"})],
        sessions=sessions,
    )


# Equal slots; a chain whose ends touch (s0 and s2 do not overlap); a set
# that grows by sessions starting together; one session inside another;
# sessions apart; speakers b and c share one set of sessions, a holds more.
EQUAL = one_room(((9, 0), (10, 0)), ((9, 0), (10, 0)), ((9, 0), (10, 0)))
TOUCHING = one_room(((9, 0), (10, 0)), ((9, 30), (10, 30)), ((10, 0), (11, 0)))
SAME_START = one_room(((9, 0), (9, 30)), ((9, 0), (11, 0)), ((9, 30), (10, 0)), ((9, 30), (9, 45)))
INSIDE = one_room(((9, 0), (12, 0)), ((10, 0), (10, 30)), ((11, 0), (11, 30)))
APART = one_room(((9, 0), (10, 0)), ((11, 0), (12, 0)))
SHARED = one_room(
    ((9, 0), (10, 0)), ((9, 0), (10, 0)), ((9, 30), (11, 0)), people=["abc", "cba", "a"]
)

# Room r seats 100: s0 expects exactly 100, s1 one more.
FULL = attrs.evolve(
    APART,
    rooms=[sk.Room(id="r", name={"en": "R"}, capacity=100)],
    sessions=[
        attrs.evolve(s, expected_attendance=n)
        for s, n in zip(APART.sessions, [100, 101], strict=True)
    ],
)

# Speaker a has ten minutes to go from room r to room q.
CHANGE_ROOMS = one_room(((9, 0), (10, 0)), ((10, 10), (11, 0)), rooms=["r", "q"])


@settings(max_examples=150)
@given(SUMMITS, CHANGEOVERS)
@example(EQUAL, dt.timedelta(minutes=10))
@example(TOUCHING, dt.timedelta(minutes=10))
@example(SAME_START, dt.timedelta(0))
@example(INSIDE, dt.timedelta(0))
@example(APART, dt.timedelta(0))
@example(SHARED, dt.timedelta(0))
@example(FULL, dt.timedelta(0))
@example(CHANGE_ROOMS, dt.timedelta(minutes=10))  # exactly the time needed: no conflict
@example(CHANGE_ROOMS, dt.timedelta(minutes=10, microseconds=1))
def test_the_sweep_finds_what_the_definitions_find(
    summit: sk.Summit, changeover: dt.timedelta
) -> None:
    """conflicts() reports exactly the oracle's conflicts, each once."""
    check_against_the_oracle(summit, changeover)


@settings(max_examples=300)
@given(
    crowded()
    | sks.summits(
        packed=True, timezones=st.just(sk.get_zone("Europe/London")), max_size=12, max_rooms=2
    ),
    CHANGEOVERS,
)
def test_the_sweep_agrees_with_the_definitions_on_crowded_programmes(
    summit: sk.Summit, changeover: dt.timedelta
) -> None:
    """The same, with sessions packed so that several overlap at once or nearly touch."""
    check_against_the_oracle(summit, changeover)


@given(SUMMITS, st.sampled_from(list(ConflictKind)))
def test_ignoring_a_kind_removes_exactly_that_kind(summit: sk.Summit, kind: ConflictKind) -> None:
    """A policy that ignores one kind reports everything else unchanged."""
    everything = conflicts(summit)
    without = conflicts(summit, policy=ConflictPolicy(severities={kind: Severity.IGNORE}))
    assert without == tuple(c for c in everything if c.kind is not kind)


@given(sks.summits(conflict_free=True, max_size=15))
def test_conflict_free_summits_have_no_errors(summit: sk.Summit) -> None:
    """summits(conflict_free=True) draws summits with no error-level conflict."""
    assert [c for c in conflicts(summit) if c.severity is Severity.ERROR] == []


# -- now and next -------------------------------------------------------------------


@st.composite
def summits_and_instants(draw: st.DrawFn) -> tuple[sk.Summit, dt.datetime]:
    """A summit and an instant: often a session's start or end, else any time on its days."""
    summit = draw(SUMMITS)
    edges = [t for s in summit.sessions if s.slot for t in (s.slot.start, s.slot.end)]
    day = summit.conference_days[0]
    minutes = int((day.end - day.start).total_seconds() // 60) * len(summit.days)
    anywhere = day.start.astimezone(UTC) + dt.timedelta(minutes=draw(st.integers(0, minutes)))
    if edges and draw(st.booleans()):
        return summit, draw(st.sampled_from(edges))
    return summit, anywhere


@given(summits_and_instants())
def test_now_next_matches_a_scan_of_every_room(case: tuple[sk.Summit, dt.datetime]) -> None:
    """In each room: on now = start <= at < end; next = all sessions at the least later start."""
    summit, at = case
    result = sk.schedule.now_next(summit, at)
    rooms = [r.id for r in summit.rooms]
    if any(s.room is None for s in booked(summit)):
        rooms.append(None)  # type: ignore[arg-type]
    assert [r.room for r in result] == rooms
    instant = micros(at)
    for status in result:
        here = [s for s in booked(summit) if s.room == status.room]
        on = [s.id for s in here if s.start <= instant < s.end]
        starts = sorted(s.start for s in here if s.start > instant)
        upcoming = [s.id for s in here if starts and s.start == starts[0]]
        assert sorted(e.session.id for e in status.now) == sorted(on)
        assert sorted(e.session.id for e in status.next) == sorted(upcoming)


# -- free slots -------------------------------------------------------------------------


def conference_days(summit: sk.Summit) -> list[Span]:
    """Each day from the first instant its clocks read the day change (or later) to the next's.

    Found by brute force over the zone's readings, not by the summit's own days.
    """
    count = (summit.last_day - summit.first_day).days + 1
    starts = [
        micros(
            first_reading_from(
                dt.datetime.combine(summit.first_day + dt.timedelta(days=n), summit.day_change),
                summit.timezone,
            )
        )
        for n in range(count + 1)
    ]
    return list(itertools.pairwise(starts))


def free_oracle(summit: sk.Summit, room: str | None, speakers: Sequence[str]) -> list[Span]:
    """Cut the days at every boundary; a piece is free if its start is.

    A room's own hours (else the venue's) and each speaker's availability
    limit where to look; with neither a room nor speakers, the venue's hours
    do.  Busy are the room's sessions and those any of the speakers is kept in
    (an author is not).
    """
    days = conference_days(summit)
    known = {p.id: p for p in summit.speakers}
    limits = [spans(known[p].availability) for p in speakers]
    venue = spans(summit.venue.opening_hours) if summit.venue else []
    if room is not None:
        limits.append(next(spans(r.opening_hours) for r in summit.rooms if r.id == room) or venue)
    elif not speakers:
        limits.append(venue)
    busy = [
        (s.start, s.end)
        for s in booked(summit)
        if (room is not None and s.room == room)
        or present(summit, summit.session(s.id)) & set(speakers)
        or (room is None and not speakers)
    ]
    cuts = sorted({t for piece in [*days, *busy, *itertools.chain(*limits)] for t in piece})
    free: list[Span] = []
    for a, b in itertools.pairwise(cuts):
        # Nothing starts or ends inside the piece, so its start speaks for all of it.
        def inside(pieces: list[Span], a: int = a) -> bool:
            return any(x <= a < y for x, y in pieces)

        if inside(days) and all(not w or inside(w) for w in limits) and not inside(busy):
            if free and free[-1][1] == a:
                free[-1] = (free[-1][0], b)
            else:
                free.append((a, b))
    return free


FreeCase = tuple[sk.Summit, "str | None", list[str], dt.timedelta]


@st.composite
def free_cases(draw: st.DrawFn) -> FreeCase:
    """A summit, a room or none, some of its speakers, and a shortest gap worth reporting."""
    summit = draw(SUMMITS)
    room = draw(st.none() | st.sampled_from([r.id for r in summit.rooms] or [None]))
    ids = [s.id for s in summit.speakers]
    speakers = draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []
    minimum = dt.timedelta(minutes=draw(st.sampled_from([0, 1, 30, 60, 120, 24 * 60])))
    return summit, room, speakers, minimum


# Room r has s0 at 09:00-10:00 and s2 at 11:00-12:00: free 10:00-11:00, an
# hour exactly.  Speaker b is in s1, 10:00-10:30 in no room; speaker c is in
# s3, 10:30-11:00 in room q: for room r and speaker b, 10:30-11:00 is free.
GAP = one_room(
    ((9, 0), (10, 0)),
    ((10, 0), (10, 30)),
    ((11, 0), (12, 0)),
    ((10, 30), (11, 0)),
    people=["a", "b", "a", "c"],
    rooms=["r", None, "r", "q"],
)


@settings(max_examples=150)
@given(free_cases())
@example((GAP, "r", [], dt.timedelta(hours=1)))  # a gap of exactly the minimum
@example((GAP, None, ["a"], dt.timedelta(hours=1)))
@example((GAP, "r", ["b"], dt.timedelta(0)))  # a room and a speaker at once
@example((GAP, "r", ["b"], dt.timedelta(minutes=30)))
@example((GAP, "q", ["a", "b"], dt.timedelta(minutes=1)))
def test_free_slots_match_cutting_the_days_at_every_boundary(case: FreeCase) -> None:
    """free_slots() for a room, some speakers, both or neither equals the oracle's pieces
    at least *min_duration* long, each shown in the summit's zone."""
    summit, room, speakers, minimum = case
    got = sk.schedule.free_slots(summit, room=room, speakers=speakers, min_duration=minimum)
    least = minimum // MICROSECOND
    expected = [(a, b) for a, b in free_oracle(summit, room, speakers) if b - a >= max(least, 1)]
    assert expected == spans(got)
    assert all(s.start.tzinfo is summit.timezone for s in got)


# -- timetables and views ----------------------------------------------------------------


@given(SUMMITS)
def test_the_timetable_lists_every_session_once_in_blocks_of_overlaps(summit: sk.Summit) -> None:
    """Every timed session is in one block of its conference day; blocks do not overlap."""
    table = sk.schedule.timetable(summit, tz="Asia/Tokyo")
    listed = [e.session.id for d in table.days for e in d.entries]
    assert sorted(listed) == sorted(s.id for s in summit.sessions if s.slot is not None)
    assert [s.id for s in table.unscheduled] == [s.id for s in summit.sessions if s.slot is None]
    for day in table.days:
        for entry in day.entries:
            assert summit.conference_day(entry.session.slot.start) == day.date  # type: ignore[union-attr]
            assert entry.slot.start.tzinfo == sk.get_zone("Asia/Tokyo")  # type: ignore[union-attr]
        for a, b in itertools.pairwise(day.blocks):
            assert a.end <= b.start
        for block in day.blocks:
            # Inside a block, each session starts before the ones before it have all ended.
            reach = None
            for entry in block.entries:
                start, end = span(entry.slot)  # type: ignore[arg-type]
                assert reach is None or start < reach
                reach = max(reach or end, end)


@given(SUMMITS)
def test_agenda_of_lists_every_role_of_the_speaker(summit: sk.Summit) -> None:
    """agenda_of() is the sessions where the speaker takes part or chairs the track."""
    for speaker in summit.speakers:
        items = sk.schedule.agenda_of(summit, speaker.id)
        timed = sorted(
            (s for s in summit.sessions if s.slot is not None),
            key=lambda s: span(s.slot)[0],  # type: ignore[arg-type]
        )
        untimed = [s for s in summit.sessions if s.slot is None]
        expected = [s.id for s in [*timed, *untimed] if speaker.id in people(summit, s)]
        assert [i.session.id for i in items] == expected
        for item in items:
            roles = {p.role for p in item.session.participants if p.speaker == speaker.id}
            track = summit.track(item.session.track) if item.session.track else None
            if track is not None and track.chair == speaker.id:
                roles.add(sk.Role.CHAIR)
            assert set(item.roles) == roles
