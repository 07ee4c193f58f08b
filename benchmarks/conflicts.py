"""summitkit.schedule.conflicts against an all-pairs oracle, at three sizes.

Synthetic summits of 1,000, 10,000 and 100,000 sessions over ten days in
Asia/Dubai: one room per 50 sessions (at least 20), so every room holds five
sessions a day at every size; one speaker per five sessions, with one to three
people per session; sequential tracks (a fifth of them without a chair) and a
few parallel ones; rooms with capacities and opening hours, a venue with
opening hours, speakers with availability (some in Europe/London); a few
cancelled, untimed and roomless sessions.  About one session in twenty is
made to clash on purpose: a speaker or a room booked two or three times at
once, a speaker with no time to change rooms, a session pushed into another
room's sequential track, a crowd too big for the room; with the hours and
availabilities, the summit has about seven conflicts per hundred sessions,
far below n².

In the same run, the conflicts of the two smaller summits are found by:

- ``sweep``: ``summitkit.schedule.conflicts``, which sweeps each speaker's,
  room's and track's sessions in time order;
- ``oracle``: the definitions applied to every pair of sessions (n(n-1)/2
  comparisons) and to every session alone, written here, sharing nothing with
  the library but its model and its ``ConflictKind``.  A clash is the largest
  set of one speaker's, room's or track's sessions that all overlap: the
  sessions holding the start of one of them, from the pairs, when no other
  such set holds them all.

Both must report the same conflicts, compared as (kind, sessions, speakers,
rooms, track, time at issue in UTC); speakers sorted, as the library promises
no order among them.
Targets: the sweep grows at most 12x from 10,000 to 100,000 sessions (n log n
would be 12.5x, n² 100x), and is at least 100x as fast as the oracle at
10,000 sessions.  Only ``conflicts()`` is timed, not building the summit.

Run: ``python benchmarks/conflicts.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import math
import time
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TypeVar

import summitkit as sk
from summitkit.schedule import Conflict, ConflictKind, ConflictPolicy, conflicts

T = TypeVar("T")

#: A span of UTC instants.
Span = tuple[dt.datetime, dt.datetime]
#: A conflict as both sides report it: kind, sessions, speakers, rooms, track, time at issue.
Key = tuple[
    ConflictKind, tuple[str, ...], tuple[str, ...], tuple[str, ...], str | None, Span | None
]
#: A timed, scheduled session for the oracle: UTC start and end, id, room, track, people.
Row = tuple[dt.datetime, dt.datetime, str, str | None, str | None, frozenset[str]]

SIZES = (1_000, 10_000, 100_000)
ORACLE_SIZES = (1_000, 10_000)
FIRST_DAY = dt.date(2015, 9, 16)
DAYS = 10
SLOTS = (dt.time(9), dt.time(10), dt.time(11), dt.time(13), dt.time(14))
LONDON = sk.get_zone("Europe/London")
UTC = dt.timezone.utc
K = ConflictKind


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
    rows: list[Row] = []
    for _, session in sorted(timed, key=lambda entry: (_utc(entry[1].slot)[0], entry[0])):  # type: ignore[arg-type]
        chair = chairs[session.track] if session.track is not None else None
        people = frozenset(session.speakers) | ({chair} if chair is not None else set())
        rows.append((*_utc(session.slot), session.id, session.room, session.track, people))  # type: ignore[arg-type]
    sequential = frozenset(t.id for t in summit.tracks if t.sequential)
    return _pairs(rows, policy.changeover, sequential) | _alone(summit, rows)


#: What two sessions can share: ("speaker", id), ("room", id) or ("track", id).
Holder = tuple[str, str]


def _pairs(rows: list[Row], changeover: dt.timedelta, sequential: frozenset[str]) -> set[Key]:  # noqa: C901  # one branch per definition, as they read
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


def _clashes(rows: list[Row], holding: dict[Holder, dict[int, set[int]]]) -> set[Key]:
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


def _shared(rows: list[Row], members: Iterable[int]) -> Span:
    """The time the rows all share: from the latest start to the earliest end."""
    spans = [rows[m][:2] for m in members]
    return max(a for a, _ in spans), min(b for _, b in spans)


def _alone(summit: sk.Summit, rows: Iterable[Row]) -> set[Key]:
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


# -- the run -----------------------------------------------------------------------------


def key(conflict: Conflict) -> Key:
    """What the comparison looks at, speakers sorted and the time at issue in UTC."""
    c = conflict
    at = None if c.slot is None else _utc(c.slot)  # a panel without a time has none
    return (c.kind, c.sessions, tuple(sorted(c.speakers)), c.rooms, c.track, at)


def best(action: Callable[[], T], repeat: int) -> tuple[float, T]:
    """The fastest of *repeat* runs, in seconds, and what the last run returned."""
    times = []
    for _ in range(repeat):
        gc.collect()  # each run starts with the same garbage: none
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def disagreement(found: tuple[Conflict, ...], expected: set[Key]) -> list[str]:
    """How the sweep's conflicts differ from the oracle's, in lines; none if they agree."""
    keys = [key(c) for c in found]
    lines = [f"  the sweep reports twice: {k}" for k, n in Counter(keys).items() if n > 1]
    lines += [f"  only the sweep : {k}" for k in sorted(set(keys) - expected, key=str)[:10]]
    lines += [f"  only the oracle: {k}" for k in sorted(expected - set(keys), key=str)[:10]]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    repeat = parser.parse_args().repeat
    big_runs, oracle_runs = min(repeat, 2), min(repeat, 1)
    policy = ConflictPolicy()

    print(
        f"each time is the best of {repeat} runs (of {big_runs} for the 100,000-session "
        f"sweep, of {oracle_runs} for the 10,000-session oracle)\n"
    )
    header = f"{'sessions':>9} {'rooms':>6} {'speakers':>8} {'build s':>8} {'sweep ms':>10}"
    print(f"{header} {'oracle ms':>11} {'conflicts':>9}  oracle agrees")
    sweep: dict[int, float] = {}
    oracle_time: dict[int, float] = {}
    counts: dict[int, Counter[ConflictKind]] = {}
    problems: list[str] = []
    for size in SIZES:
        start = time.perf_counter()
        programme = Programme(size)
        summit = programme.summit()
        build = time.perf_counter() - start
        runs = big_runs if size > 10_000 else repeat
        sweep[size], found = best(functools.partial(conflicts, summit, policy=policy), runs)
        counts[size] = Counter(c.kind for c in found)
        agrees, shown = "not run", "-"
        if size in ORACLE_SIZES:
            runs = oracle_runs if size > 1_000 else repeat
            action = functools.partial(oracle, summit, policy)
            oracle_time[size], expected = best(action, runs)
            shown = f"{oracle_time[size] * 1000:.0f}"
            lines = disagreement(found, expected)
            agrees = "no" if lines else "yes"
            if lines:
                problems += [f"{size} sessions: {len(found)} swept, {len(expected)} by oracle"]
                problems += lines
        print(
            f"{size:>9,} {programme.rooms:>6,} {len(summit.speakers):>8,} {build:>8.2f} "
            f"{sweep[size] * 1000:>10.1f} {shown:>11} {len(found):>9,}  {agrees}"
        )

    print("\nconflicts by kind")
    print(f"  {'kind':<22}" + "".join(f"{size:>10,}" for size in SIZES))
    for kind in ConflictKind:
        print(f"  {kind.value:<22}" + "".join(f"{counts[size][kind]:>10,}" for size in SIZES))

    growth = sweep[100_000] / sweep[10_000]
    n_log_n = 10 * math.log(100_000) / math.log(10_000)  # 12.5
    speed_up = oracle_time[10_000] / sweep[10_000]
    print("\ntargets")
    print(
        f"  growth, sweep 100k / 10k    <= 12  : {growth:6.1f}x "
        f"({'met' if growth <= 12 else 'MISSED'}; linear 10, n log n {n_log_n:.1f}, n² 100)"
    )
    print(
        f"  speed-up, oracle / sweep 10k >= 100: {speed_up:6.0f}x "
        f"({'met' if speed_up >= 100 else 'MISSED'})"
    )
    if problems:
        print("\nthe sweep and the oracle disagree:")
        print("\n".join(problems))
        raise SystemExit("conflicts() and the all-pairs oracle disagree (see above)")


if __name__ == "__main__":
    main()
