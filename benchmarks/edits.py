"""Twenty changes to a programme of 1,351 sessions: one draft against twenty named changes.

The programme: seven days in Asia/Dubai, twelve rooms, eight tracks, 450
speakers in 30 organizations; talks, panels, keynotes, workshop sessions and
breaks, some inside a block, all built the same way on every run.  The
twenty changes mix every kind: sessions rescheduled, moved to another room,
made untimed, cancelled and reinstated, replaced, removed with the sessions
inside them, added, and a room added and then used.

Contenders, each making the same summit (checked before timing):

- ``draft``: ``summit.edit()``, the twenty changes, ``.apply()``: each change
  checked as it is made, the summit built and checked once;
- ``chained``: the twenty named changes one after another, each building and
  checking a whole summit;
- ``one evolve``: one ``attrs.evolve`` of the summit with the changed
  sessions and rooms already made: the floor, building and checking the
  summit once and changing nothing.

Target: ``draft`` at most 2x ``one evolve``.  For scale, ``chained`` over
``one evolve``, and one named change (a reschedule, a cancellation, a move
to another room) over ``one evolve``.

Run: ``python benchmarks/edits.py [--repeat N]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
from _harness import Row, main, race, ratio_rows, same

import summitkit as sk

SESSIONS = 1_351
DAYS = 7
ROOMS = 12
TRACKS = 8
SPEAKERS = 450
ORGANIZATIONS = 30
FIRST_DAY = dt.date(2015, 9, 16)
PER_DAY = SESSIONS // DAYS  # 193: every day is full
BENCHMARK = f"20 changes, {SESSIONS:,} sessions"


def _slot(day: int, index: int) -> sk.TimeSlot:
    start = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day), dt.time(8), sk.DUBAI)
    return sk.TimeSlot.starting(start + dt.timedelta(minutes=30 * index), "30m")


def _session(number: int) -> sk.Session:
    """Session *number* of the programme: its kind, slot, room and people follow from it."""
    day, place = divmod(number, PER_DAY)
    fields: dict[str, object] = {
        "id": f"s{number}",
        "title": {"en": f"Session {number}", "ar": f"الجلسة {number}"},
        "slot": _slot(day, place // ROOMS),
        "room": f"room-{place % ROOMS}",
    }
    people = [f"p{(number * 7 + k) % SPEAKERS}" for k in range(3)]
    if place % 40 == 1:
        fields["parent"] = f"s{number - 1}"  # a talk inside the block before it
    if number % 23 == 0:
        return sk.Break(**fields)  # type: ignore[arg-type]
    if number % 17 == 0:
        return sk.Keynote(participants=[sk.Participant(people[0])], **fields)  # type: ignore[arg-type]
    if number % 5 == 0:
        participants = [sk.Participant(people[0], role=sk.Role.MODERATOR)] + [
            sk.Participant(person, role=sk.Role.PANELIST) for person in people[1:]
        ]
        return sk.Panel(participants=participants, **fields)  # type: ignore[arg-type]
    if number % 7 == 0:
        return sk.WorkshopSession(
            track=f"track-{number % TRACKS}",
            participants=[sk.Participant(people[0])],
            **fields,  # type: ignore[arg-type]
        )
    return sk.Talk(participants=[sk.Participant(p) for p in people[:2]], **fields)  # type: ignore[arg-type]


def programme() -> sk.Summit:
    """The programme of 1,351 sessions, the same on every run."""
    return sk.Summit(
        id="edits",
        name={"en": "A large summit", "ar": "قمة كبيرة"},
        first_day=FIRST_DAY,
        last_day=FIRST_DAY + dt.timedelta(days=DAYS - 1),
        rooms=[sk.Room(id=f"room-{n}", name={"en": f"Room {n}"}) for n in range(ROOMS)],
        organizations=[
            sk.Organization(id=f"o{n}", name={"en": f"Org {n}"}) for n in range(ORGANIZATIONS)
        ],
        speakers=[
            sk.Speaker(id=f"p{n}", name={"en": f"Person {n}"}, organization=f"o{n % ORGANIZATIONS}")
            for n in range(SPEAKERS)
        ],
        tracks=[
            sk.WorkshopTrack(id=f"track-{n}", title={"en": f"Track {n}"}) for n in range(TRACKS)
        ],
        sessions=[_session(n) for n in range(SESSIONS)],
    )


#: A change as a method name and its arguments, so both contenders make the same calls.
Change = tuple[str, tuple[object, ...], dict[str, object]]


def changes(summit: sk.Summit) -> list[Change]:
    """Twenty changes of every kind, spread over the programme."""
    later = dt.timedelta(minutes=45)
    annex = sk.Room(id="annex", name={"en": "Annex", "ar": "الملحق"})
    title = {"en": "A new title", "ar": "عنوان جديد"}
    extra = sk.Talk(id="late-addition", title=title, slot=_slot(3, 16), room="annex")
    plan: list[Change] = [
        ("reschedule", (f"s{n}", summit.session(f"s{n}").slot.shift(later)), {})  # type: ignore[union-attr]
        for n in (3, 101, 402, 777, 1003, 1340)
    ]
    plan.append(("reschedule", ("s600", None), {}))
    plan.append(("add_room", (annex,), {}))
    plan.extend(("move", (f"s{n}",), {"room": "annex"}) for n in (12, 250, 999))
    plan.append(("move", ("s44",), {"slot": _slot(4, 3), "room": "room-0"}))
    plan.extend(("cancel", (f"s{n}",), {}) for n in (8, 333, 1200))
    plan.append(("reinstate", ("s333",), {}))
    plan.append(("replace_session", (attrs.evolve(summit.session("s520"), title=title),), {}))
    plan.append(("remove_session", ("s40",), {"with_children": True}))
    plan.append(("add_session", (extra,), {}))
    plan.append(("cancel", ("late-addition",), {}))
    assert len(plan) == 20  # noqa: S101  # the benchmark's premise
    return plan


def chained(summit: sk.Summit, plan: list[Change]) -> sk.Summit:
    """The changes as named changes of the summit, one after another."""
    for method, arguments, keywords in plan:
        summit = getattr(summit, method)(*arguments, **keywords)
    return summit


def drafted(summit: sk.Summit, plan: list[Change]) -> sk.Summit:
    """The changes made on one draft, applied once."""
    draft = summit.edit()
    for method, arguments, keywords in plan:
        getattr(draft, method)(*arguments, **keywords)
    return draft.apply()


def measure(repeat: int) -> list[Row]:
    summit = programme()
    plan = changes(summit)
    result = chained(summit, plan)
    sessions, rooms = result.sessions, result.rooms
    contenders: dict[str, Callable[[], object]] = {
        "draft": lambda: drafted(summit, plan),
        "chained": lambda: chained(summit, plan),
        "one evolve": lambda: attrs.evolve(summit, sessions=sessions, rooms=rooms),
        "one reschedule": lambda: summit.reschedule("s101", None),
        "one cancel": lambda: summit.cancel("s101"),
        "one move to a room": lambda: summit.move("s101", room="room-3"),
    }
    same("the changed summits", {name: contenders[name]() for name in ("draft", "chained")})
    same("the changed summits", {"draft": contenders["draft"](), "one evolve": result})
    best = race(contenders, repeat=repeat)
    return [
        *ratio_rows(BENCHMARK, best, "draft", {"one evolve": 2.0}),
        *ratio_rows(BENCHMARK, best, "chained", {"one evolve": None}),
        *ratio_rows(
            f"one change, {SESSIONS:,} sessions", best, "one reschedule", {"one evolve": None}
        ),
        *ratio_rows(f"one change, {SESSIONS:,} sessions", best, "one cancel", {"one evolve": None}),
        *ratio_rows(
            f"one change, {SESSIONS:,} sessions", best, "one move to a room", {"one evolve": None}
        ),
    ]


if __name__ == "__main__":
    main(measure, __doc__, repeat=15)
