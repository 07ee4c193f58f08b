"""schedule.solve at the edges: times between seconds, sessions inside sessions, closed rooms,
skipped dates, re-plans off the grid, rules made by hand, and hostile sizes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import summitkit as sk
from bounded import finishes
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.schedule import (
    Constraint,
    ConstraintKind,
    GridSlot,
    Severity,
    UnschedulableError,
    conflicts,
    solve,
)
from summitkit.text import explain_constraints

C = ConstraintKind
DAY = dt.date(2015, 9, 16)
HOUR = dt.timedelta(hours=1)
HALF = dt.timedelta(microseconds=500_000)


def at(hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute, second), tzinfo=sk.DUBAI)


def slot(start: dt.datetime, end: dt.datetime) -> sk.TimeSlot:
    return sk.TimeSlot(start, end)


def talk(session_id: str, *speakers: str, **fields: object) -> sk.Talk:
    return sk.Talk(
        id=session_id,
        title={"en": session_id.title()},
        participants=[sk.Participant(s) for s in speakers],
        **fields,  # type: ignore[arg-type]
    )


def forum(*sessions: sk.Session, **fields: object) -> sk.Summit:
    values: dict[str, object] = {
        "id": "f",
        "name": {"en": "Forum"},
        "first_day": DAY,
        "day_windows": [slot(at(9), at(12))],
        "sessions": list(sessions),
        "rooms": [sk.Room(id="a", name={"en": "A"}), sk.Room(id="b", name={"en": "B"})],
    }
    values.update(fields)
    return sk.Summit(**values)  # type: ignore[arg-type]


def no_errors(summit: sk.Summit) -> bool:
    return not [c for c in conflicts(summit) if c.severity is Severity.ERROR]


def test_availability_between_seconds_is_kept_inside() -> None:
    """Available from half a second past nine: the session starts on a whole second after it."""
    person = sk.Speaker(id="s", name={"en": "S"}, availability=[slot(at(9) + HALF, at(10) + HALF)])
    summit = forum(talk("t", "s"), speakers=[person])
    placed = solve(summit, default_duration=dt.timedelta(minutes=50)).summit
    start = placed.session("t").slot.start  # type: ignore[union-attr]
    assert start >= at(9) + HALF
    assert no_errors(placed)


def test_a_kept_session_between_seconds_is_never_overlapped() -> None:
    """A kept hour from half a second past nine: the next session in its room starts after it."""
    kept = talk("kept", slot=slot(at(9) + HALF, at(10) + HALF), room="a")
    summit = forum(kept, talk("free", room="a"))
    placed = solve(summit, default_duration=HOUR).summit
    assert placed.session("free").slot.start >= at(10) + HALF  # type: ignore[union-attr]
    assert no_errors(placed)


def test_sessions_inside_a_kept_block_start_on_any_minute_of_it() -> None:
    """Two six-minute talks fill a twelve-minute block, whatever the five-minute step."""
    block = talk("block", slot=slot(at(9), at(9, 12)), room="a")
    summit = forum(block, talk("c1", parent="block"), talk("c2", parent="block"))
    placed = solve(summit, default_duration=dt.timedelta(minutes=6)).summit
    starts = sorted(placed.session(c).slot.start for c in ("c1", "c2"))  # type: ignore[union-attr]
    assert starts == [at(9), at(9, 6)]


def test_a_session_inside_a_block_off_the_step_starts_with_it() -> None:
    """A block kept at 09:02 holds its half-hour talk at 09:02, off the five-minute step."""
    summit = forum(talk("block", slot=slot(at(9, 2), at(9, 32))), talk("c", parent="block"))
    placed = solve(summit, default_duration=dt.timedelta(minutes=30)).summit
    assert placed.session("c").slot == slot(at(9, 2), at(9, 32))


def test_sessions_inside_a_block_in_a_grid_slot_need_no_grid_slot_of_their_own() -> None:
    """Hour-long grid slots: a block takes one, its two half-hour talks share it."""
    grid = [GridSlot(time=slot(at(h), at(h + 1))) for h in (9, 10)]
    summit = forum(talk("block"), talk("c1", parent="block"), talk("c2", parent="block"))
    lengths = {"block": HOUR, "c1": HOUR / 2, "c2": HOUR / 2}
    placed = solve(summit, slots=grid, durations=lengths).summit
    block = placed.session("block").slot
    assert block is not None
    children = sorted(placed.session(c).slot.start for c in ("c1", "c2"))  # type: ignore[union-attr]
    assert children == [block.start, block.start + HOUR / 2]
    assert no_errors(placed)


def test_a_replan_leaves_a_session_off_the_step_where_it_was() -> None:
    """A session at 09:02 with nothing against it stays there when every session may move."""
    summit = forum(talk("p", slot=slot(at(9, 2), at(10, 2)), room="a"))
    solution = solve(summit, keep_pinned=False)
    assert solution.placed == ()
    assert dict(solution.costs) == {"moved": 0}


def test_an_empty_list_of_windows_closes_a_room() -> None:
    """Room a has no windows of its own: nothing goes there, the session takes room b."""
    summit = forum(talk("t"))
    windows = {"a": [], None: [slot(at(9), at(10))]}
    placed = solve(summit, default_duration=HOUR, windows=windows).summit
    assert placed.session("t").room == "b"


def test_a_summit_over_a_date_its_zone_skipped_is_scheduled_on_its_other_days() -> None:
    """Apia skipped 30 December 2011: the default hours are those of the 29th and the 31st."""
    apia = ZoneInfo("Pacific/Apia")
    summit = sk.Summit(
        id="apia",
        name={"en": "Apia"},
        first_day=dt.date(2011, 12, 29),
        last_day=dt.date(2011, 12, 31),
        timezone=apia,
        sessions=[talk(f"t{n}") for n in range(4)],
    )
    placed = solve(summit, default_duration=dt.timedelta(hours=4)).summit
    days = {s.slot.start.date() for s in placed.sessions}  # type: ignore[union-attr]
    assert days <= {dt.date(2011, 12, 29), dt.date(2011, 12, 31)}
    assert no_errors(placed)


def test_rooms_without_hours_are_never_a_reason() -> None:
    """Without room or venue hours, a summit that cannot be scheduled names no opening hours."""
    person = sk.Speaker(id="s", name={"en": "S"}, availability=[slot(at(9), at(9, 30))])
    summit = forum(talk("t", "s"), speakers=[person])
    with pytest.raises(UnschedulableError) as raised:
        solve(summit, default_duration=HOUR)
    kinds = {rule.kind for reason in raised.value.reasons for rule in reason}
    assert kinds == {C.SPEAKER_AVAILABLE}


def test_a_capacity_reason_names_the_sessions_too_large_for_the_room() -> None:
    """Over capacity as an error, one small room: the sentence names the session and its room."""
    rooms = [sk.Room(id="small", name={"en": "Salon"}, capacity=20)]
    policy = sk.schedule.ConflictPolicy(severities={"over-capacity": "error"})
    summit = forum(talk("crowd", expected_attendance=90), rooms=rooms)
    with pytest.raises(UnschedulableError) as raised:
        solve(summit, default_duration=HOUR, policy=policy)
    assert str(raised.value).endswith(
        "This cannot hold: the Salon seats only 20 people, fewer than “Crowd” expect."
    )


def test_the_rules_sessions_inside_others_keep_have_words() -> None:
    """The rule the solver always keeps, said in English and in Arabic."""
    summit = forum(talk("t"))
    rules = [[Constraint(kind=C.FAMILIES)]]
    (english,) = explain_constraints(rules, summit)
    (arabic,) = explain_constraints(rules, summit, lang="ar")
    assert english == (
        "This cannot hold: sessions inside another session lie within its time and, "
        "in its room, one at a time."
    )
    assert arabic.startswith("لا يمكن الالتزام بهذه القاعدة: وقوع الجلسات الفرعية")


def test_rules_made_by_hand_are_checked() -> None:
    """A bad kind, a bad id, a rule without what its kind needs: summitkit errors with a path."""
    with pytest.raises(InvalidValueError, match=r"^Constraint\.kind: expected a ConstraintKind"):
        Constraint(kind="bogus")
    with pytest.raises(InvalidTypeError, match=r"^Constraint\.sessions\[0\]"):
        Constraint(kind=C.PINNED, sessions=(5,))  # type: ignore[arg-type]
    summit = forum(talk("t"))
    for rule in (
        Constraint(kind=C.INSIDE_PARENT),
        Constraint(kind=C.SPEAKER_AVAILABLE, speaker="nobody"),
    ):
        with pytest.raises(InvalidValueError, match=r"^explain_constraints\(reasons\)\[0\]"):
            explain_constraints([[rule]], summit)
    with pytest.raises(InvalidTypeError, match=r"explain_constraints\(durations\)\['t'\]"):
        explain_constraints([[Constraint(kind=C.PLACEMENT)]], summit, durations={"t": "1h"})


def test_a_chain_of_nested_sessions_is_modelled_in_linear_time() -> None:
    """Twenty thousand sessions each inside the one before, all in one room: solved, not hung."""
    source = """
import datetime as dt
import summitkit as sk
start = dt.datetime(2015, 9, 16, 9, tzinfo=sk.DUBAI)
hour = sk.TimeSlot(start, start + dt.timedelta(hours=1))
sessions = [
    sk.Talk(id=f"s{n}", title={"en": "x"}, parent=f"s{n - 1}" if n else None, slot=hour, room="a")
    for n in range(20_000)
]
summit = sk.Summit(id="deep", name={"en": "Deep"}, first_day=start.date(), sessions=sessions,
                   rooms=[sk.Room(id="a", name={"en": "A"})])
print(sk.schedule.solve(summit, time_limit=60).status)
"""
    assert finishes(source).strip() == "optimal"


def test_the_cli_refuses_a_default_duration_past_any_summit() -> None:
    """A length in minutes past three years is a one-line error, not an overflow."""
    from summitkit.cli import main  # noqa: PLC0415

    assert main(["solve", "--default-duration", "99999999999999"]) == 2


def test_a_kept_block_holds_its_sessions_however_deep() -> None:
    """A block inside a block inside a day: every level placed inside the one around it."""
    day = talk("day", slot=slot(at(9), at(12)), room="a")
    summit = forum(day, talk("block", parent="day"), talk("inner", parent="block"))
    lengths = {"block": HOUR, "inner": HOUR / 2}
    placed = solve(summit, durations=lengths).summit
    block, inner = placed.session("block").slot, placed.session("inner").slot
    assert block is not None
    assert inner is not None
    assert at(9) <= block.start
    assert block.end <= at(12)
    assert block.start <= inner.start
    assert inner.end <= block.end
    assert {placed.session(s).room for s in ("block", "inner")} == {"a"}
    assert placed.session("day") == summit.session("day")


# Rooms open at different times: the search bounds the sessions at once by the rooms open then.


def test_a_room_with_no_grid_slot_yet_holds_a_session_inside_a_block() -> None:
    """Room b has no grid slot, but a talk inside a block may be given it: b is not closed."""
    grid = [GridSlot(time=slot(at(9), at(10)), room="a")]
    summit = forum(talk("block"), talk("c", parent="block", room="b"))
    lengths = {"block": HOUR, "c": HOUR / 2}
    placed = solve(summit, slots=grid, durations=lengths).summit
    assert placed.session("block").slot == slot(at(9), at(10))
    inner = placed.session("c")
    assert inner.room == "b"
    assert inner.slot is not None
    assert at(9) <= inner.slot.start
    assert inner.slot.end <= at(10)


def test_a_room_is_open_while_a_kept_session_is_in_it_outside_its_grid() -> None:
    """Room a's grid slot is at ten, but a session is kept there at nine: both rooms hold one."""
    grid = [GridSlot(time=slot(at(10), at(11)), room="a"), GridSlot(time=slot(at(9), at(10)))]
    only_nine = sk.Speaker(id="s", name={"en": "S"}, availability=[slot(at(9), at(10))])
    kept = talk("kept", slot=slot(at(9), at(10)), room="a")
    summit = forum(kept, talk("free", "s"), speakers=[only_nine])
    placed = solve(summit, slots=grid, durations={"free": HOUR}).summit
    assert placed.session("free").slot == slot(at(9), at(10))
    assert placed.session("free").room == "b"


def test_a_kept_session_inside_a_window_leaves_the_window_open_after_it() -> None:
    """Kept at half past nine in a: three hours fill 9 to 11 around it, one in a from ten."""
    kept = talk("kept", slot=slot(at(9, 30), at(10)), room="a")
    summit = forum(kept, talk("u1"), talk("u2"), talk("u3"))
    placed = solve(summit, windows=[slot(at(9), at(11))], default_duration=HOUR).summit
    starts = sorted(
        (placed.session(s).room, placed.session(s).slot.start)  # type: ignore[union-attr]
        for s in ("u1", "u2", "u3")
    )
    assert starts == [("a", at(10)), ("b", at(9)), ("b", at(10))]
    assert no_errors(placed)


def test_a_grid_slot_inside_another_leaves_the_outer_one_open() -> None:
    """Grid slots 9 to 12 and 10 to 11 in every room: two three-hour sessions run side by side."""
    summit = forum(talk("t1"), talk("t2"))
    grid = [GridSlot(time=slot(at(9), at(12))), GridSlot(time=slot(at(10), at(11)))]
    placed = solve(summit, slots=grid, default_duration=3 * HOUR).summit
    assert {placed.session(t).slot for t in ("t1", "t2")} == {slot(at(9), at(12))}
    assert {placed.session(t).room for t in ("t1", "t2")} == {"a", "b"}


def test_rooms_are_closed_outside_their_own_grid_slots_and_the_shared_ones() -> None:
    """Room a's grid is 10 to 11, every other room's 9 to 10: closed times and rooms, by hand."""
    from summitkit.schedule._solve import _options  # noqa: PLC0415  # the model's own inputs
    from summitkit.schedule._solve_model import Model  # noqa: PLC0415
    from summitkit.schedule._solve_problem import problem  # noqa: PLC0415

    summit = forum(talk("t1"), talk("t2"))
    grid = [GridSlot(time=slot(at(10), at(11)), room="a"), GridSlot(time=slot(at(9), at(10)))]
    options = _options(
        summit,
        durations={"t1": HOUR, "t2": HOUR},
        default_duration=None,
        slots=grid,
        windows=None,
        step=dt.timedelta(minutes=5),
        policy=None,
        keep_pinned=True,
        previous=None,
        weights=None,
        preferences=None,
        popular=None,
    )
    model = Model(problem(summit, options), explaining=False)
    closed = model._closed([0, 1])  # noqa: SLF001  # the bound the search counts, by hand
    hours = [((start / 3600, end / 3600), rooms) for (start, end), rooms in closed]
    assert hours == [((0, 9), 2), ((9, 10), 1), ((10, 11), 1), ((11, 24), 2)]


def test_a_grid_slot_starting_between_seconds_is_used_from_the_next_second() -> None:
    """A grid slot from half a second past nine: the talk starts at 09:00:01."""
    grid = [GridSlot(time=slot(at(9) + HALF, at(10)))]
    placed = solve(forum(talk("t")), slots=grid, default_duration=HOUR / 2).summit
    assert placed.session("t").slot == slot(at(9, 0, 1), at(9, 30, 1))
