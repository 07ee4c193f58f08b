"""summitkit.schedule.conflicts against the floor: a minimal sweep, at 10k and 100k sessions.

Synthetic summits of 10,000 and 100,000 sessions over ten days in
Asia/Dubai: one room per 50 sessions, so every room holds five sessions a day
at every size; one speaker per five sessions, with one to three people per
session; sequential tracks (a fifth of them without a chair) and a few
parallel ones; rooms with capacities and opening hours, a venue with opening
hours, speakers with availability (some in Europe/London); a few cancelled,
untimed and roomless sessions.  About one session in twenty is made to clash
on purpose: a speaker or a room booked two or three times at once, a speaker
with no time to change rooms, a session pushed into another room's
sequential track, a crowd too big for the room; with the hours and
availabilities, the summit has about seven conflicts per hundred sessions.

Contenders, run interleaved by the shared harness (process CPU time, best of
N, GC on and off), on the same summit:

- ``summitkit``: ``summitkit.schedule.conflicts(summit)``, default policy,
  which also builds typed ``Conflict`` values with their times in the
  summit's zone, in order, in a ``Findings``;
- ``floor``: :func:`floor`, the simplest fast plain-Python code written here
  that finds the same conflicts as keys (kind, sessions, speakers, rooms,
  track, UTC span): sessions sorted once (as positions, not as new rows),
  each speaker's, room's and sequential track's sessions swept in time
  order after a quick look for any overlap, each speaker's next session
  (the one after, unless they overlap), and each session checked against
  its hours, availability, capacity and the summit's days.  It is exact for
  programmes without nested sessions, day windows, groups or rooms in
  parallel (:func:`plain` checks that the benchmark's are such);
- ``linear``: :func:`linear`, one trivial loop reading each session's slot
  (its two UTC instants), participants (their ids) and room: the cost of
  touching every session once, which grows with memory and caches as the
  programme grows.

Before timing, the floor's keys must equal those of ``conflicts()`` at each
size, and at 10,000 sessions both must equal the all-pairs oracle's: the
definitions applied to every pair of sessions (n(n-1)/2 comparisons) and to
every session alone, sharing nothing with the library but its model and its
``ConflictKind``.  A slot's UTC bounds are worked out once per slot (the
model caches them), so every contender reads them already made.

Targets: ``conflicts()`` at most 1.3x the floor at 10,000 and at 100,000
sessions; its growth from 10,000 to 100,000 sessions at most 1.2x the linear
pass's growth (the growth each contender shows beyond 10x is memory and
caches, which the linear pass measures on the same machine).

Run: ``python benchmarks/conflicts.py [--repeat N] [--json]``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise

from _harness import Row, main, milliseconds, race

import summitkit as sk
from summitkit.schedule import Conflict, ConflictKind, ConflictPolicy, conflicts

#: A span of UTC instants.
Span = tuple[dt.datetime, dt.datetime]
#: A conflict as every side reports it: kind, sessions, speakers, rooms, track, time at issue.
Key = tuple[
    ConflictKind, tuple[str, ...], tuple[str, ...], tuple[str, ...], str | None, Span | None
]
#: A timed, scheduled session for the oracle: UTC start and end, id, room, track, people.
OracleRow = tuple[dt.datetime, dt.datetime, str, str | None, str | None, frozenset[str]]

SIZES = (10_000, 100_000)
ORACLE_SIZE = 10_000
FIRST_DAY = dt.date(2015, 9, 16)
DAYS = 10
SLOTS = (dt.time(9), dt.time(10), dt.time(11), dt.time(13), dt.time(14))
LONDON = sk.get_zone("Europe/London")
UTC = dt.timezone.utc
K = ConflictKind
#: The most conflicts() may take, as a multiple of the floor.
NEAR_THE_FLOOR = 1.3
#: The most conflicts()'s growth may be, as a multiple of the linear pass's growth.
GROWS_LIKE_A_PASS = 1.2


# -- the synthetic summit ----------------------------------------------------------------


def _at(day: int, hour: int, minute: int = 0, zone: dt.tzinfo = sk.DUBAI) -> dt.datetime:
    return dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day), dt.time(hour, minute), zone)


def _window(day: int, start: tuple[int, int], end: tuple[int, int]) -> sk.TimeSlot:
    return sk.TimeSlot(_at(day, *start), _at(day, *end))


class Programme:
    """The layout of a synthetic summit of *size* sessions, and its deliberate clashes.

    Session ``i`` is in room ``i % rooms``, in the ``i // rooms``-th hour of
    the programme (five a day), so sessions in one room never overlap, and its
    people are ``p(i)``, ``p(i + 3 rooms)`` and ``p(i + 6 rooms)`` (modulo the
    number of speakers, ten per room), so each speaker's sessions are at least
    three hours of the programme apart.  Every conflict is made on purpose.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.rooms = max(20, -(-size // 50))
        self.speakers = 10 * self.rooms
        self.tracks: dict[str, sk.WorkshopTrack] = {}
        # Speakers added to a session to make a clash, by session.
        self.extra: dict[int, list[str]] = {}
        for i in range(size):
            last_room = i % self.rooms == self.rooms - 1
            if i % 97 == 3 and not last_room:  # shares one or two speakers with its neighbour
                shared = self.people(i + 1)[:2]
                self.extra.setdefault(i, []).extend(shared)
                if i % 194 == 3 and i % self.rooms < self.rooms - 2:  # one in three at once
                    self.extra.setdefault(i + 2, []).append(shared[0])
            if i % 101 == 6 and not last_room and i + self.rooms + 1 < size:
                # ... with the session next door in the hour after: no time to move.
                self.extra.setdefault(i + self.rooms + 1, []).append(self.people(i)[0])

    def place(self, i: int) -> tuple[int, int, int]:
        """Room, day and hour (index into SLOTS) of session *i*, as laid out."""
        day, hour = divmod(i // self.rooms, len(SLOTS))
        return i % self.rooms, day, hour

    def people(self, i: int) -> list[str]:
        """The speakers of session *i* before any clash: one to three."""
        step = 3 * self.rooms
        return [f"p{(i + k * step) % self.speakers}" for k in range(1 + i % 3)]

    def track(self, room: int, day: int, hour: int) -> str | None:
        """The track of the session at *room*, *day*, *hour* as laid out, if any."""
        if (room + day) % 4 == 0:  # a room's whole day, in sequence
            track = f"seq-r{room}-d{day}"
            if track not in self.tracks:
                chaired = (room + day) // 4 % 5 != 0
                self.tracks[track] = sk.WorkshopTrack(
                    id=track,
                    title={"en": f"Workshop {room}/{day}"},
                    chair=f"chair-{track}" if chaired else None,
                )
            return track
        if room % 10 in {1, 3} and hour == 0:  # two rooms at once, not in sequence
            track = f"par-r{room // 10}-d{day}"
            self.tracks.setdefault(
                track,
                sk.WorkshopTrack(id=track, title={"en": f"Parallel {track}"}, sequential=False),
            )
            return track
        return None

    def slot(self, i: int) -> sk.TimeSlot | None:
        """When session *i* is: its hour, for 45, 50 or 60 minutes; 20 minutes late if moved."""
        if i % 307 == 11:
            return None
        room, day, hour = self.place(i)
        start = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day), SLOTS[hour], sk.DUBAI)
        minutes = (60, 60, 50, 45)[(i // self.rooms + room) % 4]
        if self.moved(i):  # into another room, overlapping the session there
            start += dt.timedelta(minutes=20)
            minutes = 40
        return sk.TimeSlot.starting(start, dt.timedelta(minutes=minutes))

    def moved(self, i: int) -> int:
        """How many rooms on session *i* is moved, to double-book the room there.

        Sometimes two sessions side by side move into one room, to book it
        three times at once.
        """
        room = i % self.rooms
        if i % 89 == 4 and room != self.rooms - 1:
            return 1
        if i % 178 == 3 and room < self.rooms - 2:  # joins session i + 1 in its new room
            return 2
        return 0

    def session_track(self, i: int) -> str | None:
        """The track of session *i*: as laid out, or its neighbour's sequential one."""
        room, day, hour = self.place(i)
        track = self.track(room, day, hour)
        if track is None and i % 37 == 8 and room < self.rooms - 1:
            borrowed = self.track(room + 1, day, hour)
            if borrowed is not None and self.tracks[borrowed].sequential:
                return borrowed
        return track

    def session(self, i: int) -> sk.Session:
        """Session *i*, with its clashes."""
        room = i % self.rooms + self.moved(i)
        if i % 151 == 9:
            expected: int | None = 5_000
        else:
            expected = 10 + (i * 7) % 100 if i % 7 == 0 else None
        track = self.session_track(i)
        fields = {
            "id": f"s{i}",
            "title": {"en": f"Session {i}", "ar": f"الجلسة {i}"},
            "slot": self.slot(i),
            "room": None if i % 53 == 17 else f"r{room}",
            "track": track,
            "status": sk.Status.CANCELLED if i % 211 == 5 else sk.Status.SCHEDULED,
            "expected_attendance": expected,
        }
        names = self.people(i)
        extra = [name for name in self.extra.get(i, ()) if name not in names]
        if track is not None:
            people = [sk.Participant(name) for name in names + extra]
            return sk.WorkshopSession(participants=people, **fields)  # type: ignore[arg-type]
        if len(names) == 1:
            people = [sk.Participant(name) for name in names + extra]
            kind = sk.Keynote if i % 10 == 0 else sk.Talk
            return kind(participants=people, **fields)  # type: ignore[arg-type]
        roles = [sk.Role.MODERATOR] if len(names) == 3 else []
        roles += [sk.Role.PANELIST] * (len(names) - len(roles) + len(extra))
        people = [sk.Participant(n, role=r) for n, r in zip(names + extra, roles, strict=True)]
        return sk.Panel(participants=people, **fields)  # type: ignore[arg-type]

    def room(self, room: int) -> sk.Room:
        """Room *room*: most with a capacity, one in five with opening hours.

        Its hours are two touching windows a day, 08:00-11:30 and 11:30-18:00,
        but one day it opens at 09:30, after its first session.
        """
        hours = []
        if room % 5 == 0:
            late = room // 5 % DAYS
            for day in range(DAYS):
                hours.append(_window(day, (9, 30) if day == late else (8, 0), (11, 30)))
                hours.append(_window(day, (11, 30), (18, 0)))
        return sk.Room(
            id=f"r{room}",
            name={"en": f"Room {room}"},
            capacity=60 + (room * 37) % 400 if room % 3 else None,
            opening_hours=hours,
        )

    def speaker(self, number: int) -> sk.Speaker:
        """Speaker *number*: two in a hundred with availability.

        Some are available from 06:30 London time (09:30 in Dubai) each day,
        others only on the first five days (whole days, touching windows).
        """
        availability: list[sk.TimeSlot] = []
        if number % 100 == 7:
            availability = [
                sk.TimeSlot(_at(day, 6, 30, LONDON), _at(day, 20, 0, LONDON)) for day in range(DAYS)
            ]
        elif number % 100 == 57:
            availability = [sk.TimeSlot(_at(day, 0), _at(day + 1, 0)) for day in range(5)]
        return sk.Speaker(
            id=f"p{number}", name={"en": f"Speaker {number}"}, availability=availability
        )

    def summit(self) -> sk.Summit:
        """The summit, checked by the model like any other."""
        sessions = [self.session(i) for i in range(self.size)]
        chairs = [
            sk.Speaker(id=t.chair, name={"en": f"Chair of {t.id}"})
            for t in self.tracks.values()
            if t.chair is not None
        ]
        # The venue closes at 14:50 on the last day, before some sessions end.
        venue_hours = [_window(day, (7, 0), (22, 0)) for day in range(DAYS - 1)]
        venue_hours.append(_window(DAYS - 1, (7, 0), (14, 50)))
        return sk.Summit(
            id=f"bench{self.size}",
            name={"en": f"Benchmark Summit of {self.size} sessions"},
            first_day=FIRST_DAY,
            last_day=FIRST_DAY + dt.timedelta(days=DAYS - 1),
            venue=sk.Venue(name={"en": "Benchmark Centre"}, opening_hours=venue_hours),
            rooms=[self.room(r) for r in range(self.rooms)],
            speakers=[*(self.speaker(x) for x in range(self.speakers)), *chairs],
            tracks=list(self.tracks.values()),
            sessions=sessions,
        )


# -- the oracle --------------------------------------------------------------------------


def _utc(slot: sk.TimeSlot) -> tuple[dt.datetime, dt.datetime]:
    return slot.start.astimezone(UTC), slot.end.astimezone(UTC)


def _covered(
    windows: list[tuple[dt.datetime, dt.datetime]], start: dt.datetime, end: dt.datetime
) -> bool:
    """Whether the union of *windows* holds all of [start, end).

    Walks from *start*, each time to the furthest end of a window that holds
    the point reached, until past *end* or stuck.
    """
    point = start
    while point < end:
        furthest = max(
            (w_end for w_start, w_end in windows if w_start <= point < w_end), default=None
        )
        if furthest is None:
            return False
        point = furthest
    return True


def oracle(summit: sk.Summit, policy: ConflictPolicy) -> set[Key]:
    """Every conflict of *summit*, from the definitions, comparing every pair of sessions."""
    chairs = {t.id: t.chair for t in summit.tracks}
    timed = [
        (index, session)
        for index, session in enumerate(summit.sessions)
        if session.slot is not None and not session.is_cancelled
    ]
    rows: list[OracleRow] = []
    for _, session in sorted(timed, key=lambda entry: (_utc(entry[1].slot)[0], entry[0])):  # type: ignore[arg-type]
        chair = chairs[session.track] if session.track is not None else None
        people = frozenset(session.speakers) | ({chair} if chair is not None else set())
        rows.append((*_utc(session.slot), session.id, session.room, session.track, people))  # type: ignore[arg-type]
    sequential = frozenset(t.id for t in summit.tracks if t.sequential)
    return _pairs(rows, policy.changeover, sequential) | _alone(summit, rows)


#: What two sessions can share: ("speaker", id), ("room", id) or ("track", id).
Holder = tuple[str, str]


def _pairs(rows: list[OracleRow], changeover: dt.timedelta, sequential: frozenset[str]) -> set[Key]:  # noqa: C901  # one branch per definition, as they read
    """The conflicts of two or more sessions: each of the n(n-1)/2 pairs compared.

    *rows* are in time order, so in each pair the first starts no later; when
    they do not overlap, the gap is from the first's end to the second's start.
    Sessions that all overlap share an instant, the latest start among them:
    so a clash is the sessions of one speaker, room or track holding the
    start of one of them, when no other such set holds them all.
    """
    found: set[Key] = set()
    # For each speaker, room or track, and each of its sessions (by row), the
    # others of its sessions holding that session's start.
    holding: dict[Holder, dict[int, set[int]]] = {}
    for i, first in enumerate(rows):
        start, end, a, room_a, track_a, people_a = first
        reach = end + changeover
        # A changeover is to a speaker's next session: the first (all, on a
        # tie) of theirs to start once this one ends.  Rows are in time
        # order, so the first one seen within reach is the next.
        next_start: dict[str, dt.datetime] = {}
        moves: dict[tuple[str, str, dt.datetime], list[str]] = {}
        for j in range(i + 1, len(rows)):
            second = rows[j]
            if second[0] < end and start < second[1]:
                room_b, track_b, people_b = second[3:]
                shared: list[Holder] = [("speaker", person) for person in people_a & people_b]
                if room_a is not None and room_a == room_b:
                    shared.append(("room", room_a))
                if track_a is not None and track_a == track_b and track_a in sequential:
                    shared.append(("track", track_a))
                for holder in shared:
                    sessions = holding.setdefault(holder, {})
                    sessions.setdefault(j, {j}).add(i)  # the first holds the second's start
                    if second[0] == start:  # and the second the first's, when they start together
                        sessions.setdefault(i, {i}).add(j)
            elif second[0] < reach:
                b, room_b, _, people_b = second[2:]
                for person in people_a & people_b:
                    if next_start.setdefault(person, second[0]) != second[0]:
                        continue  # not the person's next session
                    if None not in (room_a, room_b) and room_a != room_b:
                        moves.setdefault((b, room_b, second[1]), []).append(person)  # type: ignore[arg-type]
        for (b, room_b, b_end), persons in moves.items():
            rooms = (room_a, room_b)
            span = (start, b_end)
            found.add((K.NO_TIME_TO_MOVE, (a, b), tuple(sorted(persons)), rooms, None, span))  # type: ignore[arg-type]
    return found | _clashes(rows, holding)


def _clashes(rows: list[OracleRow], holding: dict[Holder, dict[int, set[int]]]) -> set[Key]:
    """The clashes of each speaker, room and track, from the sessions holding each start.

    A clash is a set of its sessions holding one of their starts that no
    other such set contains; speakers with the same set share one conflict.
    """
    found: set[Key] = set()
    speakers: dict[tuple[int, ...], list[str]] = {}
    for (what, name), sessions in holding.items():
        candidates = {frozenset(held) for held in sessions.values()}
        for clash in candidates:
            if any(clash < other for other in candidates):
                continue
            members = tuple(sorted(clash))
            if what == "speaker":
                speakers.setdefault(members, []).append(name)
                continue
            ids = tuple(rows[m][2] for m in members)
            span = _shared(rows, members)
            if what == "room":
                found.add((K.ROOM_DOUBLE_BOOKED, ids, (), (name,), None, span))
            else:
                found.add((K.TRACK_OVERLAP, ids, (), (), name, span))
    for members, names in speakers.items():
        ids = tuple(rows[m][2] for m in members)
        span = _shared(rows, members)
        found.add((K.SPEAKER_DOUBLE_BOOKED, ids, tuple(sorted(names)), (), None, span))
    return found


def _shared(rows: list[OracleRow], members: Iterable[int]) -> Span:
    """The time the rows all share: from the latest start to the earliest end."""
    spans = [rows[m][:2] for m in members]
    return max(a for a, _ in spans), min(b for _, b in spans)


def _alone(summit: sk.Summit, rows: Iterable[OracleRow]) -> set[Key]:
    """The conflicts of one session: hours, availability, capacity."""
    venue = list(map(_utc, summit.venue.opening_hours)) if summit.venue else []
    rooms = {r.id: (list(map(_utc, r.opening_hours)), r.capacity) for r in summit.rooms}
    available = {s.id: list(map(_utc, s.availability)) for s in summit.speakers if s.availability}
    found: set[Key] = set()
    for start, end, session, room, _, people in rows:
        own, capacity = rooms[room] if room is not None else ([], None)
        hours = own or venue
        if hours and not _covered(hours, start, end):
            rooms_at = (room,) if own else ()
            found.add((K.OUTSIDE_OPENING_HOURS, (session,), (), rooms_at, None, (start, end)))  # type: ignore[arg-type]
        for person in people:
            if person in available and not _covered(available[person], start, end):
                found.add((K.SPEAKER_UNAVAILABLE, (session,), (person,), (), None, (start, end)))
        expected = summit.session(session).expected_attendance
        if capacity is not None and expected is not None and expected > capacity:
            found.add((K.OVER_CAPACITY, (session,), (), (room,), None, (start, end)))  # type: ignore[arg-type]
    return found


# -- the floor: a minimal sweep -----------------------------------------------------------


def _merged(slots: Iterable[sk.TimeSlot]) -> tuple[list[dt.datetime], list[dt.datetime]]:
    """The union of *slots* in UTC, touching ones joined, as its starts and its ends."""
    opens: list[dt.datetime] = []
    closes: list[dt.datetime] = []
    for start, end in sorted(slot.utc_bounds for slot in slots):
        if closes and start <= closes[-1]:
            closes[-1] = max(closes[-1], end)
        else:
            opens.append(start)
            closes.append(end)
    return opens, closes


def _uncovered(
    hours: tuple[list[dt.datetime], list[dt.datetime]],
    starts: Sequence[dt.datetime],
    ends: Sequence[dt.datetime],
) -> list[int]:
    """The rows (*starts* in order) not inside the *hours* (from :func:`_merged`).

    A row can only be inside the last window opening by its start: the rows
    starting between two openings are inside the first window if they end
    by its close.
    """
    opens, closes = hours
    if not opens:
        return list(range(len(starts)))
    found = list(range(bisect.bisect_left(starts, opens[0])))
    for k, close in enumerate(closes):
        low = bisect.bisect_left(starts, opens[k])
        high = bisect.bisect_left(starts, opens[k + 1]) if k + 1 < len(opens) else len(starts)
        if low < high and max(ends[low:high]) > close:
            found += [i for i in range(low, high) if ends[i] > close]
    return found


def _inside(
    hours: tuple[list[dt.datetime], list[dt.datetime]], start: dt.datetime, end: dt.datetime
) -> bool:
    opens, closes = hours
    k = bisect.bisect_right(opens, start)
    return k > 0 and closes[k - 1] >= end


def _sweep(
    group: list[int], starts: Sequence[dt.datetime], ends: Sequence[dt.datetime]
) -> list[tuple[tuple[int, ...], Span]]:
    """The largest sets of rows in *group* (in time order) that all overlap, and the span shared."""
    # Most groups never overlap at all: one look at each settles that.
    for a, b in pairwise(group):
        if starts[b] < ends[a]:
            break
    else:
        return []
    found = []
    held: dict[int, None] = {}
    heap: list[tuple[dt.datetime, int]] = []
    latest = starts[group[0]]
    for i in group:
        start = starts[i]
        if heap and heap[0][0] <= start:
            if len(held) > 1:
                found.append((tuple(held), (latest, heap[0][0])))
            while heap and heap[0][0] <= start:
                del held[heapq.heappop(heap)[1]]
        held[i] = None
        heapq.heappush(heap, (ends[i], i))
        latest = start
    if len(held) > 1:
        found.append((tuple(held), (latest, heap[0][0])))
    return found


def floor(summit: sk.Summit) -> set[Key]:  # noqa: C901, PLR0912, PLR0915  # one loop per kind, as short as it gets
    """The conflicts of a benchmark programme, as keys: a minimal sweep, in plain Python.

    What ``conflicts()`` finds under the default policy, for programmes
    without nested sessions, day windows, groups or rooms in parallel (the
    benchmark's; :func:`plain` checks): speakers, rooms and sequential
    tracks swept in time order, each speaker's next session, and for each
    session its hours, availability, capacity and days.
    """
    cancelled, panelist = sk.Status.CANCELLED, sk.Role.PANELIST
    found: set[Key] = set()
    timed: list[sk.Session] = []
    bounds: list[Span] = []
    for session in summit.sessions:
        if session.status is cancelled:
            continue
        slot = session.slot
        if type(session) is sk.Panel:
            panelists = [p.speaker for p in session.participants if p.role is panelist]
            if len(panelists) < 2:
                at = None if slot is None else slot.utc_bounds
                found.add(
                    (K.TOO_FEW_PANELISTS, (session.id,), tuple(sorted(panelists)), (), None, at)
                )
        if slot is not None:
            timed.append(session)
            bounds.append(slot.utc_bounds)
    # Sorted as positions: a new (start, end, session) per session would be
    # as many objects for the garbage collector to look at.
    firsts = [start for start, _ in bounds]
    order = sorted(
        range(len(timed)), key=firsts.__getitem__
    )  # stable: ties keep the summit's order
    starts = [firsts[i] for i in order]
    ends = [bounds[i][1] for i in order]
    sessions = [timed[i] for i in order]
    ids = [s.id for s in sessions]
    rooms = [s.room for s in sessions]

    chairs = {t.id: t.chair for t in summit.tracks if t.chair is not None}
    sequential = {t.id for t in summit.tracks if t.sequential}
    by_speaker: dict[str, list[int]] = defaultdict(list)
    by_room: dict[str, list[int]] = defaultdict(list)
    by_track: dict[str, list[int]] = defaultdict(list)
    for i, session in enumerate(sessions):
        if rooms[i] is not None:
            by_room[rooms[i]].append(i)
        people = [p.speaker for p in session.participants if p.blocking]
        track = session.track
        if track is not None:
            if track in chairs:
                people.append(chairs[track])
            if track in sequential:
                by_track[track].append(i)
        for person in people:
            group = by_speaker[person]
            if not group or group[-1] != i:  # once, in two roles
                group.append(i)

    clashes: dict[tuple[int, ...], tuple[Span, list[str]]] = {}
    moves: dict[tuple[int, int], list[str]] = defaultdict(list)
    changeover = ConflictPolicy().changeover
    for person, group in by_speaker.items():
        if len(group) < 2:
            continue
        sets = _sweep(group, starts, ends)
        for members, shared in sets:
            clashes.setdefault(members, (shared, []))[1].append(person)
        if sets:  # the next session after each: the first to start once it ends
            begins = [starts[i] for i in group]
            pairs = []
            for k, i in enumerate(group):
                n = bisect.bisect_left(begins, ends[i], k + 1)
                if n < len(group) and begins[n] - ends[i] < changeover:
                    pairs += [(i, j) for j in group[n:] if starts[j] == begins[n]]
        else:  # ... which, when none overlap, is the one after it
            pairs = [(i, j) for i, j in pairwise(group) if starts[j] - ends[i] < changeover]
        for i, j in pairs:
            if rooms[i] is not None and rooms[j] is not None and rooms[i] != rooms[j]:
                moves[i, j].append(person)
    for members, (shared, people) in clashes.items():
        sessions_ = tuple(ids[m] for m in members)
        found.add((K.SPEAKER_DOUBLE_BOOKED, sessions_, tuple(sorted(people)), (), None, shared))
    for (i, j), people in moves.items():
        at = (starts[i], ends[j])
        found.add(
            (
                K.NO_TIME_TO_MOVE,
                (ids[i], ids[j]),
                tuple(sorted(people)),
                (rooms[i], rooms[j]),
                None,
                at,
            )
        )  # type: ignore[arg-type]
    for room, group in by_room.items():
        for members, shared in _sweep(group, starts, ends):
            found.add(
                (K.ROOM_DOUBLE_BOOKED, tuple(ids[m] for m in members), (), (room,), None, shared)
            )
    for track, group in by_track.items():
        for members, shared in _sweep(group, starts, ends):
            found.add((K.TRACK_OVERLAP, tuple(ids[m] for m in members), (), (), track, shared))

    days = summit.conference_days
    first, last = days[0].start.astimezone(UTC), days[-1].end.astimezone(UTC)
    for i in _uncovered(([first], [last]), starts, ends):
        found.add((K.OUTSIDE_SUMMIT_DAYS, (ids[i],), (), (), None, (starts[i], ends[i])))
    own_hours = set()
    for room in summit.rooms:
        group = by_room.get(room.id, [])
        if room.opening_hours:
            own_hours.add(room.id)
            hours = _merged(room.opening_hours)
            for i in group:
                if not _inside(hours, starts[i], ends[i]):
                    found.add(
                        (
                            K.OUTSIDE_OPENING_HOURS,
                            (ids[i],),
                            (),
                            (room.id,),
                            None,
                            (starts[i], ends[i]),
                        )
                    )
        capacity = room.capacity
        if capacity is not None:
            for i in group:
                expected = sessions[i].expected_attendance
                if expected is not None and expected > capacity:
                    found.add(
                        (K.OVER_CAPACITY, (ids[i],), (), (room.id,), None, (starts[i], ends[i]))
                    )
    if summit.venue is not None and summit.venue.opening_hours:
        for i in _uncovered(_merged(summit.venue.opening_hours), starts, ends):
            if rooms[i] not in own_hours:
                found.add((K.OUTSIDE_OPENING_HOURS, (ids[i],), (), (), None, (starts[i], ends[i])))
    for speaker in summit.speakers:
        if not speaker.availability or speaker.id not in by_speaker:
            continue
        hours = _merged(speaker.availability)
        for i in by_speaker[speaker.id]:
            if not _inside(hours, starts[i], ends[i]):
                found.add(
                    (
                        K.SPEAKER_UNAVAILABLE,
                        (ids[i],),
                        (speaker.id,),
                        (),
                        None,
                        (starts[i], ends[i]),
                    )
                )
    return found


# -- the linear pass ---------------------------------------------------------------------


def linear(summit: sk.Summit) -> int:
    """Read each session's slot (its UTC instants), participants and room once; count them."""
    count = 0
    for session in summit.sessions:
        slot = session.slot
        if slot is not None:
            start, end = slot.utc_bounds
            count += start < end
        for participant in session.participants:
            count += len(participant.speaker) + participant.blocking
        room = session.room
        if room is not None:
            count += len(room)
    return count


# -- the run -----------------------------------------------------------------------------


def plain(summit: sk.Summit) -> None:
    """Stop unless *summit* has none of what the floor leaves out: nesting, windows, groups."""
    left_out = {
        "a nested session": any(s.parent is not None for s in summit.sessions),
        "a day window": bool(summit.day_windows),
        "a group": any(s.group for s in summit.speakers),
        "a room in parallel": any(r.parallel for r in summit.rooms),
    }
    for what, present in left_out.items():
        if present:
            sys.exit(f"the programme has {what}, which the floor does not handle")


def key(conflict: Conflict) -> Key:
    """What the comparison looks at, speakers sorted and the time at issue in UTC."""
    c = conflict
    at = None if c.slot is None else _utc(c.slot)  # a panel without a time has none
    return (c.kind, c.sessions, tuple(sorted(c.speakers)), c.rooms, c.track, at)


def agree(size: int, found: tuple[Conflict, ...], expected: set[Key], by: str) -> None:
    """Stop unless conflicts() found exactly *expected*, each once."""
    keys = [key(c) for c in found]
    if len(set(keys)) != len(keys) or set(keys) != expected:
        lines = [f"  only conflicts(): {k}" for k in sorted(set(keys) - expected, key=str)[:10]]
        lines += [f"  only the {by}: {k}" for k in sorted(expected - set(keys), key=str)[:10]]
        if len(set(keys)) != len(keys):
            lines.append("  conflicts() reports some twice")
        sys.exit(f"{size:,} sessions: conflicts() and the {by} disagree\n" + "\n".join(lines))


def measure(repeat: int) -> list[Row]:
    """Check the contenders agree at each size, race them, and give the rows."""
    policy = ConflictPolicy()
    contenders = {}
    for size in SIZES:
        summit = Programme(size).summit()
        plain(summit)
        found = conflicts(summit)
        agree(size, found, floor(summit), "floor")
        if size == ORACLE_SIZE:
            agree(size, found, oracle(summit, policy), "all-pairs oracle")
        contenders[f"summitkit {size}"] = lambda summit=summit: conflicts(summit)
        contenders[f"floor {size}"] = lambda summit=summit: floor(summit)
        contenders[f"linear {size}"] = lambda summit=summit: linear(summit)
    best = race(contenders, repeat=repeat)
    rows = []
    small, large = SIZES
    for mode in best[f"summitkit {small}"]:
        for size in SIZES:
            mine, other = best[f"summitkit {size}"][mode], best[f"floor {size}"][mode]
            rows.append(
                Row(
                    f"conflicts(), {size:,} sessions",
                    "summitkit / minimal sweep",
                    mine / other,
                    gc=mode,
                    target=NEAR_THE_FLOOR,
                    detail=f"{milliseconds(mine)} / {milliseconds(other)}",
                )
            )
        growth = {
            name: best[f"{name} {large}"][mode] / best[f"{name} {small}"][mode]
            for name in ("summitkit", "floor", "linear")
        }
        benchmark = f"conflicts(), growth {large:,} / {small:,} sessions"
        rows.append(
            Row(
                benchmark,
                "summitkit growth / linear pass growth",
                growth["summitkit"] / growth["linear"],
                gc=mode,
                target=GROWS_LIKE_A_PASS,
                detail=f"{growth['summitkit']:.1f}x / {growth['linear']:.1f}x",
            )
        )
        rows.append(
            Row(
                benchmark,
                "minimal sweep growth / linear pass growth",
                growth["floor"] / growth["linear"],
                gc=mode,
                detail=f"{growth['floor']:.1f}x / {growth['linear']:.1f}x",
            )
        )
    return rows


if __name__ == "__main__":
    main(measure, __doc__, repeat=7)
