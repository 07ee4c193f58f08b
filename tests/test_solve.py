"""schedule.solve on hand-made programmes whose answers are known, its words, and its arguments."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from zoneinfo import ZoneInfo

import attrs
import pytest

import summitkit as sk
from summitkit import changes
from summitkit.exceptions import (
    DanglingReferenceError,
    InvalidTypeError,
    InvalidValueError,
)
from summitkit.schedule import (
    ConflictPolicy,
    Constraint,
    ConstraintKind,
    GridSlot,
    Severity,
    SolveStatus,
    UnschedulableError,
    Weights,
    conflicts,
    solve,
)
from summitkit.text import explain_constraints

C = ConstraintKind
DAY = dt.date(2015, 9, 16)
DUBAI = sk.DUBAI
LONDON = ZoneInfo("Europe/London")
HOUR = dt.timedelta(hours=1)


def at(hour: int, minute: int = 0, zone: ZoneInfo = DUBAI) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute), tzinfo=zone)


def slot(start: int, end: int, zone: ZoneInfo = DUBAI) -> sk.TimeSlot:
    return sk.TimeSlot(at(start, zone=zone), at(end, zone=zone))


def talk(session_id: str, *speakers: str, **fields: object) -> sk.Talk:
    return sk.Talk(
        id=session_id,
        title={"en": session_id.title(), "ar": f"جلسة {session_id}"},
        participants=[sk.Participant(s) for s in speakers],
        **fields,  # type: ignore[arg-type]
    )


def speaker(speaker_id: str, **fields: object) -> sk.Speaker:
    return sk.Speaker(id=speaker_id, name={"en": speaker_id.title()}, **fields)  # type: ignore[arg-type]


def summit(*sessions: sk.Session, **fields: object) -> sk.Summit:
    """A one-day summit in Dubai with announced hours 09:00-12:00."""
    values: dict[str, object] = {
        "id": "s",
        "name": {"en": "Forum", "ar": "منتدى"},
        "first_day": DAY,
        "day_windows": [slot(9, 12)],
        "sessions": list(sessions),
    }
    values.update(fields)
    return sk.Summit(**values)  # type: ignore[arg-type]


def errors(found: sk.schedule.Findings) -> list[sk.schedule.Conflict]:
    return [c for c in found if c.severity is Severity.ERROR]


# -- re-planning ---------------------------------------------------------------------


def full_grid() -> sk.Summit:
    """Two rooms, three hours, six sessions of an hour: every place taken."""
    rooms = [sk.Room(id="a", name={"en": "Hall A"}), sk.Room(id="b", name={"en": "Hall B"})]
    sessions = [
        talk("a1", slot=slot(9, 10), room="a"),
        talk("a2", slot=slot(10, 11), room="a"),
        talk("x", slot=slot(11, 12), room="a"),
        talk("b1", "s", slot=slot(9, 10), room="b"),
        talk("b2", slot=slot(10, 11), room="b"),
        talk("b3", slot=slot(11, 12), room="b"),
    ]
    return summit(*sessions, rooms=rooms, speakers=[speaker("s")])


def test_a_replan_after_a_cancellation_moves_only_the_session_it_must() -> None:
    """A speaker now free only 11:00-12:00 takes the place a cancellation freed; nothing else moves."""
    before = full_grid()
    assert errors(conflicts(before)) == []
    later = before.cancel("x")
    speakers = [speaker("s", availability=[slot(11, 12)])]
    later = attrs.evolve(later, speakers=speakers)
    solution = solve(later, keep_pinned=False, previous=before)
    moved = solution.summit.session("b1")
    assert (moved.slot, moved.room) == (slot(11, 12), "a")
    assert solution.placed == ("b1",)
    assert {change.subject_id for change in solution.changelog} == {"b1"}
    assert dict(solution.costs) == {"moved": Weights().moved}
    assert solution.status is SolveStatus.OPTIMAL
    assert errors(conflicts(solution.summit)) == []


def test_kept_where_it_is_the_same_replan_is_infeasible_and_says_why() -> None:
    """With every session kept, the speaker's new hours and the kept session are the reason."""
    later = attrs.evolve(
        full_grid().cancel("x"), speakers=[speaker("s", availability=[slot(11, 12)])]
    )
    with pytest.raises(UnschedulableError) as raised:
        solve(later)
    assert raised.value.complete
    assert raised.value.reasons == (
        (
            Constraint(kind=C.SPEAKER_AVAILABLE, speaker="s", sessions=("b1",)),
            Constraint(kind=C.PINNED, session="b1", room="b"),
        ),
    )


# -- the issue's own sentence --------------------------------------------------------


def busy_doctor() -> sk.Summit:
    doctor = sk.Speaker(
        id="x",
        name={"en": "Nadia Omar", "ar": "نادية عمر"},
        honorific={"en": "Dr.", "ar": "د."},
        availability=[slot(9, 10, LONDON)],
    )
    return summit(*(talk(f"t{n}", "x") for n in range(3)), speakers=[doctor], day_windows=[])


def test_a_speaker_short_of_time_is_explained_as_a_person_would_say_it() -> None:
    """Dr. X is available only 09:00-10:00 London time, but is in three 45-minute sessions."""
    forum = busy_doctor()
    with pytest.raises(UnschedulableError) as raised:
        solve(forum, default_duration=dt.timedelta(minutes=45))
    error = raised.value
    assert str(error) == (
        "No schedule of “Forum” keeps every rule.\n"
        "  - Dr. Nadia Omar is available only 16 Sep 09:00–10:00 London time (UTC+1), "
        "but is in 3 sessions of 45 minutes."
    )
    (arabic,) = explain_constraints(error.reasons, forum, durations=error.durations, lang="ar")
    assert arabic.startswith(
        "الأوقات المتاحة \u2068لد. نادية عمر\u2069 هي \u206816 سبتمبر 09:00–10:00"
    )
    assert "والمطلوب المشاركة في 3 جلسات مدة كل منها 45 دقيقةً." in arabic


def test_an_unschedulable_error_pickles_with_its_reasons() -> None:
    """The error crosses process boundaries whole: summit, reasons, lengths, completeness."""
    with pytest.raises(UnschedulableError) as raised:
        solve(busy_doctor(), default_duration=dt.timedelta(minutes=45))
    copy = pickle.loads(pickle.dumps(raised.value))  # noqa: S301
    assert (copy.summit, copy.reasons, copy.durations, copy.complete) == (
        raised.value.summit,
        raised.value.reasons,
        raised.value.durations,
        raised.value.complete,
    )
    assert str(copy) == str(raised.value)


# -- the hard rules, one by one ----------------------------------------------------


def test_a_sequential_track_is_placed_in_the_order_the_summit_lists_it() -> None:
    """Three workshop sessions, untimed, in listed order and one after another."""
    track = sk.WorkshopTrack(id="w", title={"en": "Workshop"})
    sessions = [talk(f"w{n}", track="w") for n in (3, 1, 2)]
    result = solve(summit(*sessions, tracks=[track]), default_duration=HOUR).summit
    starts = [result.session(f"w{n}").slot.start for n in (3, 1, 2)]  # type: ignore[union-attr]
    assert starts == [at(9), at(10), at(11)]


def test_sessions_inside_a_block_share_its_room_and_lie_within_it() -> None:
    """Two lightning talks in a block: inside its time, in its room, one after the other."""
    rooms = [sk.Room(id="a", name={"en": "Hall A"}), sk.Room(id="b", name={"en": "Hall B"})]
    block = talk("block", slot=slot(10, 11), room="b")
    talks = [talk(f"l{n}", parent="block") for n in range(2)]
    result = solve(
        summit(block, *talks, rooms=rooms), default_duration=dt.timedelta(minutes=30)
    ).summit
    placed = [result.session(f"l{n}") for n in range(2)]
    assert {p.room for p in placed} == {"b"}
    assert sorted(p.slot.start for p in placed) == [at(10), at(10, 30)]  # type: ignore[union-attr]


def test_a_session_longer_than_its_block_is_named_without_a_search() -> None:
    """A 90-minute talk cannot lie inside a 60-minute block."""
    forum = summit(talk("block", slot=slot(10, 11)), talk("long", parent="block"))
    with pytest.raises(UnschedulableError) as raised:
        solve(forum, default_duration=dt.timedelta(minutes=90))
    assert raised.value.reasons == (
        (Constraint(kind=C.INSIDE_PARENT, session="long", sessions=("long", "block")),),
    )
    assert not raised.value.complete
    assert "“Long” (90 minutes) lies within “Block” (60 minutes)" in str(raised.value)


def test_a_changeover_the_policy_makes_an_error_leaves_time_between_rooms() -> None:
    """A speaker's two sessions in two rooms are at least the changeover apart."""
    rooms = [sk.Room(id="a", name={"en": "Hall A"}), sk.Room(id="b", name={"en": "Hall B"})]
    policy = ConflictPolicy(
        severities={"no-time-to-move": "error"}, changeover=dt.timedelta(minutes=15)
    )
    forum = summit(
        talk("first", "s", slot=slot(9, 10), room="a"),
        talk("second", "s", room="b"),
        rooms=rooms,
        speakers=[speaker("s")],
    )
    result = solve(forum, default_duration=HOUR, policy=policy).summit
    assert result.session("second").slot.start == at(10, 15)  # type: ignore[union-attr]
    assert errors(conflicts(result, policy=policy)) == []


def test_over_capacity_as_an_error_keeps_a_session_out_of_small_rooms() -> None:
    """A session of 200 people goes to the only room that seats them."""
    rooms = [
        sk.Room(id="small", name={"en": "Small"}, capacity=50),
        sk.Room(id="big", name={"en": "Big"}, capacity=250),
    ]
    policy = ConflictPolicy(severities={"over-capacity": "error"})
    forum = summit(talk("crowd", expected_attendance=200), rooms=rooms)
    result = solve(forum, default_duration=HOUR, policy=policy, weights=Weights(waste=0))
    assert result.summit.session("crowd").room == "big"


def test_grid_slots_hold_one_session_each_and_sessions_start_with_them() -> None:
    """Three grid slots of an hour in one room for talks of 40 and 60 minutes: each starts a slot."""
    rooms = [sk.Room(id="a", name={"en": "Hall A"})]
    grid = [GridSlot(time=slot(h, h + 1), room="a") for h in (9, 10, 11)]
    forum = summit(*(talk(f"t{n}") for n in range(3)), rooms=rooms)
    lengths = {"t0": HOUR, "t2": HOUR}
    result = solve(
        forum, slots=grid, durations=lengths, default_duration=dt.timedelta(minutes=40)
    ).summit
    starts = sorted(s.slot.start for s in result.sessions)  # type: ignore[union-attr]
    assert starts == [at(9), at(10), at(11)]


def test_grid_slots_too_short_for_a_session_are_the_reason() -> None:
    """A 90-minute talk fits no 60-minute grid slot: the placement rule cannot hold."""
    rooms = [sk.Room(id="a", name={"en": "Hall A"})]
    grid = [GridSlot(time=slot(9, 10))]
    with pytest.raises(UnschedulableError) as raised:
        solve(summit(talk("t"), rooms=rooms), slots=grid, default_duration=dt.timedelta(minutes=90))
    assert raised.value.reasons == ((Constraint(kind=C.PLACEMENT),),)


# -- the soft objectives -----------------------------------------------------------


def test_waste_puts_a_small_session_in_the_small_room() -> None:
    """Fifty people in a room of sixty, not of five hundred."""
    rooms = [
        sk.Room(id="hall", name={"en": "Hall"}, capacity=500),
        sk.Room(id="salon", name={"en": "Salon"}, capacity=60),
    ]
    solution = solve(summit(talk("t", expected_attendance=50), rooms=rooms), default_duration=HOUR)
    assert solution.summit.session("t").room == "salon"
    assert dict(solution.costs) == {"waste": 10}


def test_overflow_puts_a_large_session_in_the_largest_room() -> None:
    """Over capacity as a warning: 200 people go where fewest stand."""
    rooms = [
        sk.Room(id="r100", name={"en": "R100"}, capacity=100),
        sk.Room(id="r150", name={"en": "R150"}, capacity=150),
    ]
    solution = solve(summit(talk("t", expected_attendance=200), rooms=rooms), default_duration=HOUR)
    assert solution.summit.session("t").room == "r150"
    assert dict(solution.costs) == {"overflow": 500}


def test_a_speakers_preference_is_kept_when_it_can_be() -> None:
    """A speaker who prefers 11:00 speaks at 11:00."""
    forum = summit(talk("t", "s"), speakers=[speaker("s")])
    solution = solve(forum, default_duration=HOUR, preferences={"s": [slot(11, 12)]})
    assert solution.summit.session("t").slot == slot(11, 12)


def test_a_tracks_sessions_are_spread_and_popular_ones_kept_apart() -> None:
    """Two talks of one track, and two popular talks, each pair at different times."""
    rooms = [sk.Room(id=r, name={"en": r.upper()}) for r in ("a", "b")]
    track = sk.Track(id="t", title={"en": "Data"})
    forum = summit(
        talk("t1", track="t"),
        talk("t2", track="t"),
        talk("p1", expected_attendance=900),
        talk("p2", expected_attendance=800),
        rooms=rooms,
        tracks=[track],
    )
    solution = solve(forum, default_duration=HOUR, weights=Weights(waste=0))
    placed = solution.summit
    assert placed.session("t1").slot != placed.session("t2").slot
    assert placed.session("p1").slot != placed.session("p2").slot
    assert dict(solution.costs).get("spread", 0) == 0


# -- determinism, reports, arguments ----------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_a_seed_and_a_worker_count_give_one_schedule(workers: int) -> None:
    """Two runs with the same seed and workers place every session alike."""
    rooms = [sk.Room(id=r, name={"en": r.upper()}) for r in ("a", "b", "c")]
    forum = summit(
        *(talk(f"t{n}", f"p{n % 4}") for n in range(9)),
        rooms=rooms,
        speakers=[speaker(f"p{n}") for n in range(4)],
    )
    runs = [solve(forum, default_duration=HOUR, seed=7, workers=workers).summit for _ in range(2)]
    assert runs[0] == runs[1]


def test_a_solution_reports_itself() -> None:
    """Its repr is one line; print gives the status, cost and time, then the changelog."""
    forum = summit(talk("t"))
    solution = solve(forum, default_duration=HOUR)
    assert repr(solution).startswith(
        "<Solution optimal for 's': 1 sessions placed, 1 changes, cost 0, "
    )
    text = str(solution)
    assert text.startswith("Optimal schedule of “Forum”: 1 session placed, cost 0, ")
    assert "Talk – T\n  Scheduled for 09:00–10:00.\n" in text
    assert changes.diff(forum, solution.summit) == solution.changelog


@pytest.mark.parametrize(
    ("arguments", "error", "path"),
    [
        ({"durations": {"nope": HOUR}}, DanglingReferenceError, "solve(durations)['nope']"),
        ({"durations": {"t": 5}}, InvalidTypeError, "solve(durations)['t']"),
        ({"durations": [("t", HOUR)]}, InvalidTypeError, "solve(durations)"),
        ({"default_duration": dt.timedelta(0)}, InvalidValueError, "solve(default_duration)"),
        ({"default_duration": dt.timedelta(days=2)}, InvalidValueError, "solve(default_duration)"),
        ({"step": dt.timedelta(seconds=0.5)}, InvalidValueError, "solve(step)"),
        ({"slots": [], "windows": []}, InvalidValueError, "solve(slots)"),
        ({"slots": [slot(9, 10)]}, InvalidTypeError, "solve(slots)[0]"),
        (
            {"slots": [GridSlot(time=slot(9, 10), room="z")]},
            DanglingReferenceError,
            "solve(slots)[0].room",
        ),
        ({"windows": slot(9, 10)}, InvalidTypeError, "solve(windows)"),
        ({"policy": "strict"}, InvalidTypeError, "solve(policy)"),
        ({"weights": {"moved": 1}}, InvalidTypeError, "solve(weights)"),
        ({"keep_pinned": 1}, InvalidTypeError, "solve(keep_pinned)"),
        ({"preferences": {"who": []}}, DanglingReferenceError, "solve(preferences)['who']"),
        ({"popular": "t"}, InvalidTypeError, "solve(popular)"),
        ({"popular": ["nope"]}, DanglingReferenceError, "solve(popular)[0]"),
        ({"time_limit": 0}, InvalidValueError, "solve(time_limit)"),
        ({"time_limit": float("nan")}, InvalidValueError, "solve(time_limit)"),
        ({"time_limit": True}, InvalidTypeError, "solve(time_limit)"),
        ({"seed": -1}, InvalidValueError, "solve(seed)"),
        ({"workers": 0}, InvalidValueError, "solve(workers)"),
        ({"workers": 1.5}, InvalidTypeError, "solve(workers)"),
        ({"previous": "v1"}, InvalidTypeError, "solve(previous)"),
    ],
)
def test_bad_arguments_are_refused_naming_the_argument(
    arguments: dict[str, object], error: type[Exception], path: str
) -> None:
    """Each bad argument gives a summitkit error whose path names it."""
    forum = summit(talk("t"))
    given = {"default_duration": HOUR, **arguments}
    with pytest.raises(error) as raised:
        solve(forum, **given)  # type: ignore[arg-type]
    assert raised.value.path == path  # type: ignore[attr-defined]


def test_an_untimed_session_without_a_length_is_named() -> None:
    """No durations and no default: the untimed sessions are listed, the first three by id."""
    forum = summit(*(talk(f"t{n}") for n in range(5)))
    with pytest.raises(InvalidValueError, match=r"'t0', 't1', 't2' and 2 more"):
        solve(forum)


def test_a_summit_of_another_id_is_not_a_previous_version() -> None:
    """Stability is measured against an earlier version of the same summit only."""
    with pytest.raises(InvalidValueError, match="expected an earlier version"):
        solve(summit(talk("t")), default_duration=HOUR, previous=attrs.evolve(full_grid(), id="o"))


def test_without_ortools_solve_names_the_extra() -> None:
    """A fresh interpreter without OR-Tools: MissingExtraError names the solver extra."""
    code = (
        "import sys, datetime as dt\n"
        "sys.modules['ortools'] = None\n"
        "import summitkit as sk\n"
        "s = sk.examples.gsms2015()\n"
        "try:\n"
        "    sk.schedule.solve(s)\n"
        "except sk.exceptions.MissingExtraError as e:\n"
        "    print(e.extra, e.module)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "solver ortools\n"


def test_rooms_alike_are_dealt_out_one_session_each_at_a_time() -> None:
    """Six talks of an hour in two hours and three rooms alike: every room used twice, never shared."""
    rooms = [sk.Room(id=r, name={"en": r.upper()}, capacity=100) for r in ("a", "b", "c")]
    forum = summit(*(talk(f"t{n}") for n in range(6)), rooms=rooms, day_windows=[slot(9, 11)])
    placed = solve(forum, default_duration=HOUR).summit
    used = sorted((s.slot.start, s.room) for s in placed.sessions)  # type: ignore[union-attr]
    assert used == [(at(h), r) for h in (9, 10) for r in ("a", "b", "c")]
    assert errors(conflicts(placed)) == []


def test_windows_by_room_place_each_rooms_sessions_in_its_own_hours() -> None:
    """The lab is free only from 11:00: its session goes there then; the other room's, any time."""
    rooms = [sk.Room(id="lab", name={"en": "Lab"}), sk.Room(id="hall", name={"en": "Hall"})]
    forum = summit(talk("in-lab", room="lab"), talk("anywhere"), rooms=rooms)
    windows = {"lab": [slot(11, 12)], None: [slot(9, 10)]}
    placed = solve(forum, default_duration=HOUR, windows=windows).summit
    assert (placed.session("in-lab").slot, placed.session("in-lab").room) == (slot(11, 12), "lab")
    assert placed.session("anywhere").slot == slot(9, 10)


def test_a_window_for_a_room_the_summit_lacks_is_refused() -> None:
    """Windows name rooms by id; an unknown one is a dangling reference."""
    with pytest.raises(DanglingReferenceError, match=r"solve\(windows\)\['nope'\]"):
        solve(summit(talk("t")), default_duration=HOUR, windows={"nope": [slot(9, 10)]})


def test_a_changeover_rule_over_too_many_pairs_is_refused_before_any_search() -> None:
    """One speaker in 700 sessions and two rooms, a changeover as an error: past the bound."""
    policy = ConflictPolicy(severities={"no-time-to-move": "error"})
    rooms = [sk.Room(id=r, name={"en": r.upper()}) for r in ("a", "b")]
    forum = summit(*(talk(f"t{n}", "s") for n in range(700)), rooms=rooms, speakers=[speaker("s")])
    match = "asks about 244,650 pairs of a speaker's sessions in 2 rooms, 1,467,900 constraints"
    with pytest.raises(InvalidValueError, match=match):
        solve(forum, default_duration=HOUR, policy=policy)
