"""The scheduling queries against brute-force oracles, over every summit the strategies draw."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

import summitkit as sk
from summitkit import strategies as sks
from summitkit.schedule import ConflictKind, ConflictPolicy, Severity, conflicts

UTC = dt.timezone.utc
K = ConflictKind
Span = tuple[dt.datetime, dt.datetime]

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


def utc(slot: sk.TimeSlot) -> Span:
    return slot.start.astimezone(UTC), slot.end.astimezone(UTC)


def occupying(summit: sk.Summit) -> list[sk.Session]:
    """Timed sessions that are not cancelled, in time order."""
    return [s for s in summit.in_time_order() if s.slot is not None and not s.is_cancelled]


def people(summit: sk.Summit, session: sk.Session) -> set[str]:
    """Participants, plus the chair of the session's track."""
    found = {p.speaker for p in session.participants}
    if session.track is not None and (chair := summit.track(session.track).chair) is not None:
        found.add(chair)
    return found


def covered(span: Span, windows: Sequence[sk.TimeSlot]) -> bool:
    """Whether the windows' union holds all of *span*: every point where coverage
    could first fail (the start, and each window end inside the span) is in a window."""
    start, end = span
    points = [start, *(w for _, w in map(utc, windows) if start < w < end)]
    return all(any(a <= p < b for a, b in map(utc, windows)) for p in points)


def largest_overlapping_sets(sessions: Sequence[sk.Session]) -> list[tuple[sk.Session, ...]]:
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
        instant = utc(session.slot)[0]  # type: ignore[arg-type]
        holding = tuple(s for s in sessions if utc(s.slot)[0] <= instant < utc(s.slot)[1])  # type: ignore[arg-type]
        if len(holding) >= 2:
            candidates.append(holding)
    members = [frozenset(s.id for s in c) for c in candidates]
    largest = {
        ids: candidate
        for candidate, ids in zip(candidates, members, strict=True)
        if not any(ids < other for other in members)
    }
    for ids, candidate in largest.items():
        spans = [utc(s.slot) for s in candidate]  # type: ignore[arg-type]
        assert all(a < y and x < b for (a, b), (x, y) in itertools.combinations(spans, 2))
        for outside in (s for s in sessions if s.id not in ids):
            x, y = utc(outside.slot)  # type: ignore[arg-type]
            assert any(not (a < y and x < b) for a, b in spans)
    return list(largest.values())


def shared_span(sessions: Iterable[sk.Session]) -> Span:
    """From the latest start to the earliest end, in UTC."""
    spans = [utc(s.slot) for s in sessions]  # type: ignore[arg-type]
    return max(a for a, _ in spans), min(b for _, b in spans)


def oracle(summit: sk.Summit, policy: ConflictPolicy) -> set[tuple[object, ...]]:  # noqa: C901, PLR0912  # one rule per branch, as the definitions read
    """Every conflict, from each speaker's, room's and track's sessions and from each session alone.

    A conflict is (kind, session ids, speakers, rooms, track, UTC span).
    """
    found: set[tuple[object, ...]] = set()
    sessions = occupying(summit)
    sequential = {t.id for t in summit.tracks if t.sequential}
    # Speakers whose largest sets are the same sessions share one conflict.
    by_sessions: dict[tuple[sk.Session, ...], set[str]] = {}
    for person in {p for s in sessions for p in people(summit, s)}:
        theirs = [s for s in sessions if person in people(summit, s)]
        for clash in largest_overlapping_sets(theirs):
            by_sessions.setdefault(clash, set()).add(person)
    for clash, persons in by_sessions.items():
        ids = tuple(s.id for s in clash)
        found.add((K.SPEAKER_DOUBLE_BOOKED, ids, frozenset(persons), (), None, shared_span(clash)))
    for room in {s.room for s in sessions if s.room is not None}:
        here = [s for s in sessions if s.room == room]
        for clash in largest_overlapping_sets(here):
            ids = tuple(s.id for s in clash)
            found.add((K.ROOM_DOUBLE_BOOKED, ids, frozenset(), (room,), None, shared_span(clash)))
    for track in sequential:
        theirs = [s for s in sessions if s.track == track]
        for clash in largest_overlapping_sets(theirs):
            ids = tuple(s.id for s in clash)
            found.add((K.TRACK_OVERLAP, ids, frozenset(), (), track, shared_span(clash)))
    # A changeover is to the speaker's next session: the earliest (all, on a
    # tie) of theirs that starts once this one has ended.
    moves: dict[tuple[str, str], set[str]] = {}
    for a in sessions:
        end = utc(a.slot)[1]  # type: ignore[arg-type]
        for person in people(summit, a):
            later = [b for b in sessions if person in people(summit, b) and utc(b.slot)[0] >= end]  # type: ignore[arg-type]
            first = min((utc(b.slot)[0] for b in later), default=None)  # type: ignore[arg-type]
            for b in later:
                gap = utc(b.slot)[0] - end  # type: ignore[arg-type]
                rooms = (a.room, b.room)
                if (
                    utc(b.slot)[0] == first
                    and gap < policy.changeover
                    and None not in rooms
                    and a.room != b.room
                ):  # type: ignore[arg-type]
                    moves.setdefault((a.id, b.id), set()).add(person)
    for (a_id, b_id), persons in moves.items():
        a, b = summit.session(a_id), summit.session(b_id)
        span = (utc(a.slot)[0], utc(b.slot)[1])  # type: ignore[arg-type]
        found.add(
            (K.NO_TIME_TO_MOVE, (a_id, b_id), frozenset(persons), (a.room, b.room), None, span)
        )
    venue_hours = summit.venue.opening_hours if summit.venue else ()
    for s in sessions:
        assert s.slot is not None
        span = utc(s.slot)
        room = summit.room(s.room) if s.room else None
        if room is not None and room.opening_hours:
            if not covered(span, room.opening_hours):
                found.add((K.OUTSIDE_OPENING_HOURS, (s.id,), frozenset(), (room.id,), None, span))
        elif venue_hours and not covered(span, venue_hours):
            found.add((K.OUTSIDE_OPENING_HOURS, (s.id,), frozenset(), (), None, span))
        for person in people(summit, s):
            windows = summit.speaker(person).availability
            if windows and not covered(span, windows):
                found.add((K.SPEAKER_UNAVAILABLE, (s.id,), frozenset({person}), (), None, span))
        capacity = room.capacity if room else None
        if (
            capacity is not None
            and s.expected_attendance is not None
            and s.expected_attendance > capacity
        ):
            rooms = (room.id,) if room else ()
            found.add((K.OVER_CAPACITY, (s.id,), frozenset(), rooms, None, span))
    return found


def as_keys(found: Iterable[sk.schedule.Conflict]) -> set[tuple[object, ...]]:
    return {
        (c.kind, c.sessions, frozenset(c.speakers), c.rooms, c.track, utc(c.slot)) for c in found
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
        assert conflict.slot.start.tzinfo is summit.timezone
        assert conflict.slot.end.tzinfo is summit.timezone
        assert conflict.explain("en")
        assert conflict.explain("ar")


CHANGEOVERS = st.sampled_from([dt.timedelta(0), dt.timedelta(minutes=10), dt.timedelta(hours=2)])


def one_room(
    *spans: tuple[tuple[int, int], tuple[int, int]], people: Sequence[str] = ()
) -> sk.Summit:
    """Sessions s0, s1, ... at the given (hour, minute) spans, of one room and one track.

    *people* are the speakers of each session as letters ("ab" for a and b);
    speaker a alone by default.
    """
    day = dt.date(2015, 9, 16)

    def at(hour: int, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), sk.DUBAI)

    sessions = [
        sk.WorkshopSession(
            id=f"s{i}",
            title={"en": f"Session {i}"},
            slot=sk.TimeSlot(at(*start), at(*end)),
            room="r",
            track="t",
            participants=[sk.Participant(p) for p in (people[i] if people else "a")],
        )
        for i, (start, end) in enumerate(spans)
    ]
    return sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=day,
        rooms=[sk.Room(id="r", name={"en": "Room"})],
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


@settings(max_examples=150)
@given(SUMMITS, CHANGEOVERS)
@example(EQUAL, dt.timedelta(minutes=10))
@example(TOUCHING, dt.timedelta(minutes=10))
@example(SAME_START, dt.timedelta(0))
@example(INSIDE, dt.timedelta(0))
@example(APART, dt.timedelta(0))
@example(SHARED, dt.timedelta(0))
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
    if any(s.room is None for s in occupying(summit)):
        rooms.append(None)  # type: ignore[arg-type]
    assert [r.room for r in result] == rooms
    instant = at.astimezone(UTC)
    for status in result:
        here = [s for s in occupying(summit) if s.room == status.room]
        on = [s.id for s in here if utc(s.slot)[0] <= instant < utc(s.slot)[1]]  # type: ignore[arg-type]
        starts = sorted(utc(s.slot)[0] for s in here if utc(s.slot)[0] > instant)  # type: ignore[arg-type]
        upcoming = [s.id for s in here if starts and utc(s.slot)[0] == starts[0]]  # type: ignore[arg-type]
        assert sorted(e.session.id for e in status.now) == sorted(on)
        assert sorted(e.session.id for e in status.next) == sorted(upcoming)


# -- free slots -------------------------------------------------------------------------


def free_oracle(summit: sk.Summit, room: str | None, speakers: Sequence[str]) -> list[Span]:
    """Cut the days at every boundary; a piece is free if its midpoint is."""
    days = [utc(d.slot) for d in summit.conference_days]
    limits: list[list[Span]] = [
        [utc(w) for w in summit.speaker(p).availability]
        for p in speakers
        if summit.speaker(p).availability
    ]
    venue = [utc(w) for w in (summit.venue.opening_hours if summit.venue else ())]
    if room is not None:
        limits.append([utc(w) for w in summit.room(room).opening_hours] or venue)
    elif not speakers:
        limits.append(venue)
    busy = [
        utc(s.slot)  # type: ignore[arg-type]
        for s in occupying(summit)
        if (room is not None and s.room == room)
        or people(summit, s) & set(speakers)
        or (room is None and not speakers)
    ]
    cuts = sorted({t for span in [*days, *busy, *itertools.chain(*limits)] for t in span})
    free: list[Span] = []
    for a, b in itertools.pairwise(cuts):
        middle = a + (b - a) / 2

        def inside(spans: list[Span], middle: dt.datetime = middle) -> bool:
            return any(x <= middle < y for x, y in spans)

        if (
            inside(days)
            and all(not spans or inside(spans) for spans in limits)
            and not inside(busy)
        ):
            if free and free[-1][1] == a:
                free[-1] = (free[-1][0], b)
            else:
                free.append((a, b))
    return free


@given(SUMMITS, st.data())
def test_free_slots_match_cutting_the_days_at_every_boundary(
    summit: sk.Summit, data: st.DataObject
) -> None:
    """free_slots() for a room, some speakers, or neither, equals the oracle's pieces."""
    room = data.draw(st.none() | st.sampled_from([r.id for r in summit.rooms] or [None]))
    ids = [s.id for s in summit.speakers]
    speakers = data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []
    got = sk.schedule.free_slots(summit, room=room, speakers=speakers)
    expected = free_oracle(summit, room, speakers)
    if room is not None and speakers:
        return  # both at once: checked below through the intersection property
    assert [utc(s) for s in got] == [span for span in expected if span[1] > span[0]]


@given(SUMMITS, st.data())
def test_free_slots_never_overlap_what_is_booked(summit: sk.Summit, data: st.DataObject) -> None:
    """No free slot overlaps a session of the room or of any of the speakers."""
    room = data.draw(st.none() | st.sampled_from([r.id for r in summit.rooms] or [None]))
    ids = [s.id for s in summit.speakers]
    speakers = data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []
    minimum = dt.timedelta(minutes=data.draw(st.integers(0, 120)))
    got = sk.schedule.free_slots(summit, room=room, speakers=speakers, min_duration=minimum)
    for slot in got:
        assert slot.duration >= minimum
        for s in occupying(summit):
            mine = (room is not None and s.room == room) or people(summit, s) & set(speakers)
            if mine or (room is None and not speakers):
                assert not slot.overlaps(s.slot)  # type: ignore[arg-type]
    assert all(a.end <= b.start for a, b in itertools.pairwise(got))


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
                start, end = utc(entry.slot)  # type: ignore[arg-type]
                assert reach is None or start < reach
                reach = max(reach or end, end)


@given(SUMMITS)
def test_agenda_of_lists_every_role_of_the_speaker(summit: sk.Summit) -> None:
    """agenda_of() is the sessions where the speaker takes part or chairs the track."""
    for speaker in summit.speakers:
        items = sk.schedule.agenda_of(summit, speaker.id)
        expected = [s.id for s in summit.in_time_order() if speaker.id in people(summit, s)]
        assert [i.session.id for i in items] == expected
        for item in items:
            roles = {p.role for p in item.session.participants if p.speaker == speaker.id}
            track = summit.track(item.session.track) if item.session.track else None
            if track is not None and track.chair == speaker.id:
                roles.add(sk.Role.CHAIR)
            assert set(item.roles) == roles
