"""The first schedule made by hand's rule, the one the solver's search starts from.

Whatever it places must keep every hard rule: the model with every start
and place fixed to it is feasible (CP-SAT checks that), and the summit it
makes has no error from ``conflicts()`` (the checker is the oracle).  Its
calendars are checked at their edges by hand: touching spans, gaps.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings
from ortools.sat.python import cp_model

import summitkit as sk
from summitkit.schedule import ConflictPolicy, GridSlot, solve
from summitkit.schedule._solve import _options, _placed
from summitkit.schedule._solve_greedy import _Calendar, _next, first_fit
from summitkit.schedule._solve_model import Model
from summitkit.schedule._solve_problem import problem
from test_solve_properties import Placed, errors, placed_problems, problems

CAPACITY = ConflictPolicy(severities={"over-capacity": "error"})


def model_of(
    summit: sk.Summit,
    lengths: dict[str, dt.timedelta],
    policy: ConflictPolicy,
    *,
    slots: list[GridSlot] | None = None,
    windows: dict[str | None, list[sk.TimeSlot]] | None = None,
    step: dt.timedelta = dt.timedelta(minutes=5),
) -> Model:
    options = _options(
        summit,
        durations=lengths,
        default_duration=None,
        slots=slots,
        windows=windows,
        step=step,
        policy=policy,
        keep_pinned=True,
        previous=None,
        weights=None,
        preferences=None,
        popular=None,
    )
    return Model(problem(summit, options), explaining=False)


def keeps_every_rule(model: Model, policy: ConflictPolicy) -> bool:
    """The first fit, if any, fixed in the model: feasible, and a summit the checker passes.

    Returns whether there was one.
    """
    placement = first_fit(model)
    if placement is None:
        return False
    model.hint(model.model, placement)
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 20
    assert solver.solve(model.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    placed = _placed(model.p, model, solver)
    assert errors(attrs.evolve(model.p.summit, sessions=placed), policy) == []
    return True


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(placed_problems())
def test_a_first_fit_on_a_grid_or_rooms_own_windows_keeps_every_rule(problem: Placed) -> None:
    """Grid slots and windows of rooms' own: what the first fit places keeps every rule."""
    model = model_of(
        problem.summit,
        problem.lengths,
        problem.policy,
        slots=problem.slots,
        windows=problem.windows,
    )
    event("placed" if keeps_every_rule(model, problem.policy) else "given up")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_a_first_fit_in_the_days_hours_keeps_every_rule(
    problem: tuple[sk.Summit, dict[str, dt.timedelta], ConflictPolicy],
) -> None:
    """In each day's hours: what the first fit places keeps every rule."""
    summit, lengths, policy = problem
    placed = keeps_every_rule(model_of(summit, lengths, policy), policy)
    event("placed" if placed else "given up")


# -- the calendars' edges, by hand -----------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "gap", "expected"),
    [
        (20, 30, 0, None),  # starts as the busy span ends
        (19, 29, 0, 20),  # a second inside it
        (0, 10, 0, None),  # ends as it starts
        (0, 11, 0, 20),
        (20, 30, 5, 25),  # the gap after it
        (25, 35, 5, None),
        (0, 5, 5, None),  # the gap before it
        (0, 6, 5, 25),
        (12, 18, 0, 20),  # inside it
        (5, 25, 0, 20),  # around it
    ],
)
def test_a_calendar_says_until_when_a_span_is_busy(
    start: int, end: int, gap: int, expected: int | None
) -> None:
    """Busy from 10 to 20: a span meeting it, the gap either side counted, waits for its end."""
    calendar = _Calendar()
    calendar.add(10, 20)
    calendar.add(40, 50)
    assert calendar.busy_until(start, end, gap) == expected


def test_a_calendar_keeps_its_spans_in_order() -> None:
    """Spans added out of order: each found where it is."""
    calendar = _Calendar()
    for span in ((40, 50), (0, 5), (20, 30)):
        calendar.add(*span)
    assert calendar.starts == [0, 20, 40]
    assert calendar.ends == [5, 30, 50]
    assert calendar.busy_until(31, 39, 0) is None
    assert calendar.busy_until(31, 41, 0) == 50


@pytest.mark.parametrize(
    ("spans", "starts", "ends"),
    [
        ([(0, 10), (10, 20)], [0], [20]),  # after one it touches
        ([(10, 20), (0, 10)], [0], [20]),  # before one
        ([(0, 10), (20, 30), (10, 20)], [0], [30]),  # between two
        ([(0, 10), (11, 20)], [0, 11], [10, 20]),  # a second apart
    ],
)
def test_a_calendar_joins_spans_that_touch(
    spans: list[tuple[int, int]], starts: list[int], ends: list[int]
) -> None:
    """Spans that touch become one, in whatever order they come; a second apart, two."""
    calendar = _Calendar()
    for span in spans:
        calendar.add(*span)
    assert (calendar.starts, calendar.ends) == (starts, ends)
    assert calendar.busy_until(ends[-1] - 1, ends[-1] + 5, 0) == ends[-1]


@pytest.mark.parametrize(
    ("k", "expected"),
    [
        (-5, 0),
        (0, 0),
        (5, 5),
        (10, 10),
        (11, 20),
        (20, 20),
        (30, 30),
        (31, 33),
        (33, 33),
        (34, None),
    ],
)
def test_the_next_start_of_flat_ranges(k: int, expected: int | None) -> None:
    """Ranges 0-10, 20-30 and the single value 33, each end included."""
    assert _next([0, 10, 20, 30, 33, 33], k) == expected


# -- what it is for ----------------------------------------------------------------------------


def test_a_session_too_large_for_the_small_rooms_takes_the_large_one() -> None:
    """Over capacity an error, an hour for three talks: 300 people take the hall, 40 a salon."""
    day = dt.date(2015, 9, 16)
    nine = dt.datetime.combine(day, dt.time(9), tzinfo=sk.DUBAI)
    rooms = [
        sk.Room(id="salon-1", name={"en": "Salon 1"}, capacity=50),
        sk.Room(id="salon-2", name={"en": "Salon 2"}, capacity=50),
        sk.Room(id="hall", name={"en": "Hall"}, capacity=500),
    ]
    talks = [sk.Talk(id=f"t{n}", title={"en": f"T{n}"}, expected_attendance=40) for n in range(2)]
    big = sk.Talk(id="big", title={"en": "Big"}, expected_attendance=300)
    summit = sk.Summit(
        id="s",
        name={"en": "S"},
        first_day=day,
        rooms=rooms,
        sessions=[*talks, big],
    )
    window = sk.TimeSlot(nine, nine + dt.timedelta(hours=1))
    lengths = {s.id: dt.timedelta(hours=1) for s in summit.sessions}
    model = model_of(summit, lengths, CAPACITY, windows={None: [window]})
    placement = first_fit(model)
    assert placement is not None
    rooms_of = {
        model.p.items[n].session.id: model.places[place].rooms
        for n, (_, place) in enumerate(placement)
        if place is not None
    }
    assert rooms_of["big"] == ("hall",)
    solution = solve(summit, durations=lengths, windows=[window], policy=CAPACITY)
    assert {s.room for s in solution.summit.sessions} == {"salon-1", "salon-2", "hall"}


def _two_rooms(*sessions: sk.Session, **fields: object) -> sk.Summit:
    values: dict[str, object] = {
        "id": "s",
        "name": {"en": "S"},
        "first_day": dt.date(2015, 9, 16),
        "rooms": [sk.Room(id="a", name={"en": "A"}), sk.Room(id="b", name={"en": "B"})],
        "sessions": list(sessions),
    }
    values.update(fields)
    return sk.Summit(**values)  # type: ignore[arg-type]


def _starts(model: Model) -> dict[str, dt.datetime]:
    placement = first_fit(model)
    assert placement is not None
    return {
        item.session.id: model.p.instant(k * item.unit + item.offset)
        for item, (k, _) in zip(model.p.items, placement, strict=True)
    }


NINE = dt.datetime(2015, 9, 16, 9, tzinfo=sk.DUBAI)
HOUR = dt.timedelta(hours=1)
MORNING = {None: [sk.TimeSlot(NINE, NINE + dt.timedelta(hours=3))]}


def test_a_speaker_in_two_rooms_is_given_the_changeover_between() -> None:
    """Changeover a quarter of an hour, an error: the second talk starts at 10:15, not 10:00."""
    person = sk.Speaker(id="p", name={"en": "P"})
    talks = [
        sk.Talk(id=f"t{n}", title={"en": "T"}, participants=[sk.Participant("p")]) for n in range(2)
    ]
    summit = _two_rooms(*talks, speakers=[person])
    policy = ConflictPolicy(
        severities={"no-time-to-move": "error"}, changeover=dt.timedelta(minutes=15)
    )
    lengths = {t.id: dt.timedelta(hours=1) for t in talks}
    model = model_of(summit, lengths, policy, windows=MORNING)
    assert sorted(_starts(model).values()) == [NINE, NINE + dt.timedelta(minutes=75)]
    assert keeps_every_rule(model, policy)


def test_a_sequential_tracks_sessions_go_one_after_another() -> None:
    """Two rooms free at nine, but a workshop's two sessions take nine and ten."""
    track = sk.WorkshopTrack(id="w", title={"en": "W"})
    parts = [sk.WorkshopSession(id=f"w{n}", title={"en": "W"}, track="w") for n in range(2)]
    summit = _two_rooms(*parts, tracks=[track])
    lengths = {p.id: dt.timedelta(hours=1) for p in parts}
    model = model_of(summit, lengths, ConflictPolicy(), windows=MORNING)
    assert sorted(_starts(model).values()) == [NINE, NINE + dt.timedelta(hours=1)]
    assert keeps_every_rule(model, ConflictPolicy())


def test_a_session_takes_the_first_room_to_come_free() -> None:
    """Two rooms alike: an hour and a half hour at nine, then the next half hour at half past."""
    half = dt.timedelta(minutes=30)
    summit = _two_rooms(*(sk.Talk(id=t, title={"en": "T"}) for t in ("x", "y", "z")))
    lengths = {"x": 2 * half, "y": half, "z": half}
    model = model_of(summit, lengths, ConflictPolicy(), windows=MORNING)
    assert len(model.places) == 1  # the two rooms are one place of two
    assert _starts(model) == {"x": NINE, "y": NINE, "z": NINE + half}


def test_an_attempt_ends_after_its_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """600 short talks of one speaker, ten minutes apart: each passes all before it.

    That is 180,000 starts tried, each asking one calendar: more than 100
    steps a session, and the attempt ends (the search goes on alone).
    Given 1,000 steps a session, it places every talk.
    """
    import summitkit.schedule._solve_greedy as greedy  # noqa: PLC0415  # the module's constant

    person = sk.Speaker(id="p", name={"en": "P"})
    talks = [
        sk.Talk(id=f"t{n}", title={"en": "T"}, participants=[sk.Participant("p")])
        for n in range(600)
    ]
    day = dt.date(2015, 9, 16)
    summit = sk.Summit(
        id="s",
        name={"en": "S"},
        first_day=day,
        last_day=day + dt.timedelta(days=11),
        sessions=talks,
        speakers=[person],
    )
    lengths = {t.id: dt.timedelta(minutes=5) for t in talks}
    model = model_of(summit, lengths, ConflictPolicy(), step=dt.timedelta(minutes=10))
    monkeypatch.setattr(greedy, "STEPS_PER_SESSION", 100)
    assert first_fit(model) is None
    monkeypatch.setattr(greedy, "STEPS_PER_SESSION", 1_000)
    placement = first_fit(model)
    assert placement is not None
    assert len({k for k, _ in placement}) == 600


def test_a_session_after_a_kept_one_ending_off_the_grid_takes_the_next_grid_slot() -> None:
    """Kept 9:00 to 9:10 in b: the speaker's hour goes into a's hour-long grid slot at ten."""
    person = sk.Speaker(id="p", name={"en": "P"})
    kept = sk.Talk(
        id="kept",
        title={"en": "K"},
        participants=[sk.Participant("p")],
        slot=sk.TimeSlot(NINE, NINE + dt.timedelta(minutes=10)),
        room="b",
    )
    free = sk.Talk(id="free", title={"en": "F"}, participants=[sk.Participant("p")])
    summit = _two_rooms(kept, free, speakers=[person])
    grid = [
        GridSlot(time=sk.TimeSlot(NINE + n * HOUR, NINE + (n + 1) * HOUR), room="a")
        for n in range(3)
    ]
    model = model_of(summit, {"free": HOUR}, ConflictPolicy(), slots=grid)
    assert model.p.items[1].unit == 3_600  # the grid's own unit: an hour
    assert _starts(model)["free"] == NINE + HOUR


def _sized(*seats: int) -> list[sk.Room]:
    return [sk.Room(id=f"r{n}", name={"en": f"R{n}"}, capacity=c) for n, c in enumerate(seats)]


@pytest.mark.parametrize(
    ("seats", "chosen"),
    [
        ((50, 200, 120), "r2"),  # the smallest that seats 100
        ((50, 80, 100), "r2"),  # exactly 100
        ((50, 80, 60), "r1"),  # none seats them: the largest
    ],
)
def test_a_session_takes_the_smallest_room_that_seats_its_audience(
    seats: tuple[int, ...], chosen: str
) -> None:
    """100 people expected, over capacity only a warning: the best fitting free room."""
    talk = sk.Talk(id="t", title={"en": "T"}, expected_attendance=100)
    summit = _two_rooms(talk, rooms=_sized(*seats))
    model = model_of(summit, {"t": HOUR}, ConflictPolicy(), windows=MORNING)
    placement = first_fit(model)
    assert placement is not None
    place = placement[0][1]
    assert place is not None
    assert model.places[place].rooms == (chosen,)


def test_rooms_of_many_sizes_are_not_each_tried_for_every_session() -> None:
    """600 rooms of different sizes: each talk tries the best fitting first, and stops there.

    Trying every room for every talk would cost more steps than the
    attempt has.
    """
    talks = [sk.Talk(id=f"t{n}", title={"en": "T"}, expected_attendance=30) for n in range(20)]
    summit = _two_rooms(*talks, rooms=_sized(*range(20, 620)))
    lengths = {t.id: HOUR for t in talks}
    model = model_of(summit, lengths, ConflictPolicy(), windows=MORNING)
    placement = first_fit(model)
    assert placement is not None
    sizes = sorted(model.places[place].capacity for _, place in placement if place is not None)  # type: ignore[misc]
    assert sizes == list(range(30, 50))


def test_a_session_keeps_the_room_it_has() -> None:
    """An untimed talk already in room b: the first fit gives it a time in b, though a is first."""
    summit = _two_rooms(sk.Talk(id="t", title={"en": "T"}, room="b"))
    model = model_of(summit, {"t": HOUR}, ConflictPolicy(), windows=MORNING)
    placement = first_fit(model)
    assert placement is not None
    place = placement[0][1]
    assert place is not None
    assert model.places[place].rooms == ("b",)
    assert keeps_every_rule(model, ConflictPolicy())
