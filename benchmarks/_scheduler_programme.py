"""A programme of 1,000 sessions to schedule from nothing: 20 rooms, 3 days, speakers in many roles.

Every session is untimed and unroomed, with a duration; the solver places
them all.  Built the same on every run (:func:`programme`):

- 3 days in Asia/Dubai, the venue open 08:00 to 20:00, which are also the
  windows the sessions may be placed in (:data:`WINDOWS`);
- 20 rooms: 2 halls of 1,000 seats, 4 rooms of 300, 8 of 120 and 6 workshop
  rooms of 50;
- 30 keynotes (30 minutes, 600 to 900 people expected: only a hall holds
  them), 100 panels (45 minutes, a moderator and three panelists), 12
  sequential workshop tracks of 8 sessions (45 minutes; 9 of the tracks have
  a chair, who takes part in all of the track's sessions), and 774 talks
  (10, 20 or 30 minutes; a presenter, a chair in one talk in five, an author
  who is not there, so not blocking, in one talk in three);
- 700 speakers, a few in five or more sessions in different roles; 20 of
  them available only part of the time (one day, or mornings in their own
  zone, Europe/London).

The hard constraints are the errors of a policy: the default ones (no
speaker in two places, no room double-booked, tracks in sequence, opening
hours, availability, the summit's days), and over-capacity too under
:data:`POLICY`.
"""

from __future__ import annotations

import datetime as dt
import random

import summitkit as sk
from summitkit.schedule import ConflictPolicy

FIRST_DAY = dt.date(2026, 11, 10)
DAYS = 3
OPEN, CLOSE = dt.time(8), dt.time(20)
LONDON = sk.get_zone("Europe/London")
#: Name, count and seats of the rooms.
ROOMS = (("hall", 2, 1000), ("room", 4, 300), ("salon", 8, 120), ("lab", 6, 50))
KEYNOTES, PANELS, TRACKS, PER_TRACK, CHAIRED = 30, 100, 12, 8, 9
SESSIONS = 1_000
SPEAKERS = 700
LIMITED = 20
#: Over-capacity is a hard constraint here, besides the default errors.
POLICY = ConflictPolicy(severities={"over-capacity": "error"})


def _day(number: int) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=number)


def _open(day: dt.date) -> sk.TimeSlot:
    return sk.TimeSlot(
        dt.datetime.combine(day, OPEN, sk.DUBAI), dt.datetime.combine(day, CLOSE, sk.DUBAI)
    )


#: The times sessions may be placed in: each day's opening hours.
WINDOWS = tuple(_open(_day(n)) for n in range(DAYS))


def _availability(rng: random.Random) -> list[sk.TimeSlot]:
    """One day of the summit, or its mornings in London.

    London's mornings, 08:00 to 11:00, are 11:00 to 14:00 in Dubai.
    """
    if rng.random() < 0.5:
        return [_open(_day(rng.randrange(DAYS)))]
    return [
        sk.TimeSlot(
            dt.datetime.combine(_day(n), dt.time(8), LONDON),
            dt.datetime.combine(_day(n), dt.time(11), LONDON),
        )
        for n in range(DAYS)
    ]


def programme(*, seed: int = 0) -> tuple[sk.Summit, dict[str, dt.timedelta]]:
    """The summit to schedule and the duration of each of its sessions."""
    rng = random.Random(seed)  # noqa: S311  # the same programme on every run
    people = [f"sp{n}" for n in range(SPEAKERS)]
    limited = set(rng.sample(people[LIMITED * 2 :], LIMITED))
    busy = people[:LIMITED]  # in many sessions, in several roles
    pool = people[LIMITED:]
    sessions: list[sk.Session] = []
    durations: dict[str, dt.timedelta] = {}

    def add(session: sk.Session, minutes: int) -> None:
        sessions.append(session)
        durations[session.id] = dt.timedelta(minutes=minutes)

    def title(kind: str, number: int) -> dict[str, str]:
        return {"en": f"{kind.title()} {number}", "ar": f"{number}"}

    for n in range(KEYNOTES):
        add(
            sk.Keynote(
                id=f"keynote-{n}",
                title=title("keynote", n),
                participants=[sk.Participant(rng.choice(pool))],
                expected_attendance=rng.randrange(600, 901, 50),
            ),
            30,
        )
    for n in range(PANELS):
        moderator = busy[n % len(busy)]
        panelists = rng.sample([p for p in pool if p not in limited], 3)
        add(
            sk.Panel(
                id=f"panel-{n}",
                title=title("panel", n),
                participants=[sk.Participant(moderator, role=sk.Role.MODERATOR)]
                + [sk.Participant(p, role=sk.Role.PANELIST) for p in panelists],
                expected_attendance=rng.randrange(100, 251, 10),
            ),
            45,
        )
    chairs = rng.sample([p for p in pool if p not in limited], CHAIRED)
    tracks = [
        sk.WorkshopTrack(
            id=f"track-{t}",
            title=title("track", t),
            chair=chairs[t] if t < CHAIRED else None,
        )
        for t in range(TRACKS)
    ]
    for t in range(TRACKS):
        for n in range(PER_TRACK):
            add(
                sk.WorkshopSession(
                    id=f"workshop-{t}-{n}",
                    title=title("workshop", t * PER_TRACK + n),
                    track=f"track-{t}",
                    participants=[sk.Participant(rng.choice(pool))],
                    expected_attendance=rng.randrange(20, 51, 5),
                ),
                45,
            )
    talks = SESSIONS - len(sessions)
    for n in range(talks):
        presenter = busy[n // 40 % len(busy)] if n % 40 == 0 else pool[n % len(pool)]
        participants = [sk.Participant(presenter)]
        if rng.random() < 0.2:
            participants.append(sk.Participant(rng.choice(pool), role=sk.Role.CHAIR))
        if rng.random() < 1 / 3:
            participants.append(sk.Participant(rng.choice(people), role=sk.Role.AUTHOR))
        add(
            sk.Talk(
                id=f"talk-{n}",
                title=title("talk", n),
                participants=participants,
                expected_attendance=rng.choice((30, 45, 60, 80, 100, 120, 250)),
            ),
            rng.choice((10, 20, 20, 20, 20, 20, 30, 30, 30)),
        )
    rooms = [
        sk.Room(id=f"{name}-{n}", name={"en": f"{name.title()} {n}"}, capacity=seats)
        for name, count, seats in ROOMS
        for n in range(count)
    ]
    summit = sk.Summit(
        id="large-programme",
        name={"en": "A large programme", "ar": "برنامج كبير"},
        first_day=FIRST_DAY,
        last_day=_day(DAYS - 1),
        venue=sk.Venue(name={"en": "Convention centre"}, opening_hours=WINDOWS),
        rooms=rooms,
        speakers=[
            sk.Speaker(
                id=person,
                name={"en": f"Speaker {person[2:]}"},
                availability=_availability(rng) if person in limited else (),
            )
            for person in people
        ],
        tracks=tracks,
        sessions=sessions,
    )
    return summit, durations
