"""Automatic scheduling: every session placed, every rule the conflict checker knows kept.

:func:`solve` places a summit's sessions into times and rooms with
OR-Tools' CP-SAT solver (the ``solver`` extra).  Its hard rules are exactly
the conflicts :func:`~summitkit.schedule.conflicts` reports as errors under
the policy given, and the schedule it returns is checked by
:func:`~summitkit.schedule.conflicts` before it is returned: the checker is
the specification.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeAlias

import attrs

from summitkit._sessions import Session, Status
from summitkit._summit import Summit, earlier_version, summit_argument
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit.exceptions import (
    DanglingReferenceError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    ScheduleError,
)
from summitkit.schedule._policy import ConflictKind, ConflictPolicy, Severity
from summitkit.schedule._solve_problem import (
    DEFAULT_HOURS,
    POPULAR_COUNT,
    Options,
    Problem,
    RoomMode,
    problem,
)
from summitkit.schedule._solve_types import (
    Constraint,
    ConstraintKind,
    GridSlot,
    Solution,
    SolveStatus,
    UnschedulableError,
    Weights,
)

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

    from summitkit.schedule._solve_model import Model

__all__ = ["DEFAULT_HOURS", "POPULAR_COUNT", "solve"]

#: Windows for every room, or by room id (``None``: rooms without their own).
#: A mapping's key type is invariant, so each kind of key a dict literal
#: can have is named.
Windows: TypeAlias = (
    Iterable[TimeSlot]
    | Mapping[str, Iterable[TimeSlot]]
    | Mapping[None, Iterable[TimeSlot]]
    | Mapping[str | None, Iterable[TimeSlot]]
)

#: The longest time limit: a day.
MAX_TIME_LIMIT = 86_400.0
#: The most workers the solver may use.
MAX_WORKERS = 64
_DAY = dt.timedelta(days=1)


def solve(  # noqa: PLR0913  # every option has its keyword
    summit: Summit,
    *,
    durations: Mapping[str, dt.timedelta] | None = None,
    default_duration: dt.timedelta | None = None,
    slots: Iterable[GridSlot] | None = None,
    windows: Windows | None = None,
    step: dt.timedelta = dt.timedelta(minutes=5),
    policy: ConflictPolicy | None = None,
    keep_pinned: bool = True,
    previous: Summit | None = None,
    weights: Weights | None = None,
    preferences: Mapping[str, Iterable[TimeSlot]] | None = None,
    popular: Iterable[str] | None = None,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int = 1,
) -> Solution:
    """A schedule of *summit*: every session placed in a time (and a room), every rule kept.

    The sessions the summit holds that are not cancelled are placed: those
    without a time get one, those without a room get one when the summit
    has rooms (a break, an online-only session and a session inside another
    excepted: the last is in its parent's room).  With *keep_pinned*, a
    session keeps the time and room it has; without it, every session may
    move, and the *moved* weight keeps the changes from the previous
    version few.

    Hard rules are the conflicts *policy* makes errors: a speaker in one
    session at a time in any role (a track's chair in the track's
    sessions), with the changeover time between two rooms; a room with one
    session at a time (unless it holds sessions in parallel); a sequential
    track's sessions one after another, those placed in the order the
    summit lists them; sessions inside their room's opening hours (or the
    venue's), their speakers' availability, the summit's days and the days'
    announced hours; no more people than a room seats.  A session inside
    another always lies within its time.  A panel short of panelists is not
    a question of time and room, and is left to the checker.

    Sessions are placed inside *windows* on a grid of *step* (by default,
    each day's announced hours, or :data:`DEFAULT_HOURS` on a day without
    them), or into the grid slots *slots*: a session starts as one of its
    room's grid slots starts and ends by its end, one session to a slot of
    a room that holds one session at a time.

    Among the schedules that keep every rule, one of least cost is chosen:
    :class:`Weights` says what each soft objective costs.

    The search is deterministic for a given *seed* and *workers*: the same
    summit gives the same schedule whenever the search ends before
    *time_limit* (a proof of optimality, or of infeasibility).  A search cut
    short by the time limit returns the best schedule found so far, which
    then depends on the machine's speed (:attr:`Solution.status` says
    ``feasible``).

    >>> import datetime as dt
    >>> import summitkit as sk
    >>> summit = sk.examples.gsms2015()
    >>> talk = summit.session("keynote-modern-workplace")
    >>> draft = summit.reschedule(talk.id, None)
    >>> solution = solve(draft, durations={talk.id: dt.timedelta(minutes=30)})
    >>> solution.status, solution.placed
    (<SolveStatus.OPTIMAL: 'optimal'>, ('keynote-modern-workplace',))
    >>> [c for c in sk.schedule.conflicts(solution.summit) if c.severity == "error"]
    []

    Args:
        summit: The summit to schedule.
        durations: The length of sessions by id: the untimed sessions' (and
            a timed session's new length, when it is not kept).
        default_duration: The length of untimed sessions not in *durations*.
        slots: The grid slots sessions go into (not with *windows*).
        windows: The times sessions are placed in (not with *slots*): time
            slots for every room, or a mapping of room id to time slots, a
            room's own in place of those under the key ``None`` (which
            sessions without a room use).
        step: The grid sessions start on inside *windows*: every *step*
            from the start of the summit's first day.
        policy: The rules: kinds of conflict it makes errors are hard.
        keep_pinned: Whether sessions keep the time and room they have.
        previous: The version to keep stable against (*moved*); *summit*
            itself when not given.
        weights: The cost of each soft objective.
        preferences: Times speakers prefer, by speaker id.
        popular: The ids of the sessions to keep apart; by default the
            :data:`POPULAR_COUNT` with most people expected.
        time_limit: Seconds the search may take (and as many again to
            explain an infeasible summit).
        seed: The solver's random seed.
        workers: How many threads the solver uses.

    Returns:
        The schedule, its cost and status, and the changes from *summit*.

    Raises:
        UnschedulableError: If no schedule keeps every rule; it names small
            sets of rules that cannot hold together.
        ScheduleError: If the search ends at *time_limit* without a schedule
            or a proof that none exists.
        MissingExtraError: If OR-Tools is not installed (the ``solver``
            extra).
        InvalidTypeError: If an argument has the wrong type.
        InvalidValueError: If an argument is out of range, an untimed
            session has no length, or both *slots* and *windows* are given.
        DanglingReferenceError: If an argument names a session, speaker or
            room the summit lacks.
    """
    summit = summit_argument(summit, name="solve(summit)")
    options = _options(
        summit,
        durations=durations,
        default_duration=default_duration,
        slots=slots,
        windows=windows,
        step=step,
        policy=policy,
        keep_pinned=keep_pinned,
        previous=previous,
        weights=weights,
        preferences=preferences,
        popular=popular,
    )
    limit = _time_limit(time_limit)
    seed, workers = _whole("seed", seed, 0, 2**31 - 1), _whole("workers", workers, 1, MAX_WORKERS)
    try:
        from ortools.sat.python import cp_model  # noqa: PLC0415  # an extra, loaded when used

        from summitkit.schedule import (  # noqa: PLC0415
            _solve_explain,
            _solve_model,
            _solve_search,
        )
    except ImportError:
        raise MissingExtraError("summitkit.schedule.solve", "solver", "ortools") from None
    made = problem(summit, options)
    _bounded(made)
    lengths = {i.session.id: dt.timedelta(seconds=i.duration) for i in made.items}
    too_long = _longer_than_parent(made)
    if too_long:
        raise UnschedulableError(summit, too_long, durations=lengths, complete=False)
    model = _solve_model.Model(made, explaining=False)
    found = _solve_search.search(model, time_limit=limit, seed=seed, workers=workers)
    if found.status == cp_model.INFEASIBLE:
        reasons, complete = _solve_explain.explain(made, seed=seed, time_limit=limit)
        raise UnschedulableError(summit, reasons, durations=lengths, complete=complete)
    solver = found.solver
    if solver is None:
        raise ScheduleError(
            f"solve(summit): no schedule of {summit.id!r} found in {limit:g} s, and no proof "
            "that none exists; give a longer time_limit"
        )
    placed = _placed(made, model, solver)
    new = attrs.evolve(summit, sessions=placed)
    _verify(new, options.policy)
    from summitkit.changes import diff  # noqa: PLC0415  # a sibling query, loaded when used

    changed = tuple(
        after.id
        for before, after in zip(summit.sessions, placed, strict=True)
        if before.slot != after.slot or before.room != after.room
    )
    optimal = found.status == cp_model.OPTIMAL
    return Solution(
        summit=new,
        status=SolveStatus.OPTIMAL if optimal else SolveStatus.FEASIBLE,
        objective=found.objective,
        bound=found.objective if optimal else found.bound,
        costs=tuple(model.cost_of(solver).items()),
        wall_time=found.wall_time,
        changelog=diff(summit, new),
        placed=changed,
    )


#: The most constraints a changeover between rooms may add, when the policy
#: makes it an error: it asks about every two sessions of a speaker, each
#: pair a few constraints and one per room, and a speaker in thousands of
#: sessions would make millions of them.
MAX_CHANGEOVER_CONSTRAINTS = 1_000_000


def _bounded(made: Problem) -> None:
    """Refuse a problem whose changeover rule would ask about too many pairs of sessions."""
    if ConflictKind.NO_TIME_TO_MOVE not in made.hard or made.changeover == 0:
        return
    groups = {s.id for s in made.summit.speakers if s.group}
    counts: dict[str, int] = {}
    for item in made.items:
        if item.room_mode is RoomMode.NONE:
            continue  # a session without a room asks no changeover
        for speaker in item.speakers:
            if speaker not in groups:
                counts[speaker] = counts.get(speaker, 0) + 1
    pairs = sum(n * (n - 1) // 2 for n in counts.values())
    asked = pairs * (4 + len(made.rooms))
    if asked > MAX_CHANGEOVER_CONSTRAINTS:
        raise InvalidValueError(
            "solve(policy)",
            f"a changeover between rooms as an error asks about {pairs:,} pairs of a "
            f"speaker's sessions in {len(made.rooms)} rooms, {asked:,} constraints, more "
            f"than {MAX_CHANGEOVER_CONSTRAINTS:,}; make no-time-to-move a warning for a "
            "programme this large",
        )


def _longer_than_parent(made: Problem) -> tuple[tuple[Constraint, ...], ...]:
    """The sessions longer than the session they are part of, which no schedule can hold.

    A session always lies within the time of its parent, so this is the one
    rule no search is needed to break; the search for other reasons is left
    until these are fixed.
    """
    return tuple(
        (
            Constraint(
                kind=ConstraintKind.INSIDE_PARENT,
                session=item.session.id,
                sessions=(item.session.id, made.items[item.parent].session.id),
            ),
        )
        for item in made.items
        if item.parent is not None and item.duration > made.items[item.parent].duration
    )


def _placed(made: Problem, model: Model, solver: cp_model.CpSolver) -> list[Session]:
    """The summit's sessions, each placed where the solution puts it."""
    where: dict[str, tuple[TimeSlot, str | None]] = {}
    rooms = model.rooms_of(solver)
    for item in made.items:
        session = item.session
        start = model.start_of(solver, item)
        slot = session.slot
        if (
            slot is None
            or made.seconds(slot.start) != start
            or int(slot.duration.total_seconds()) != item.duration
        ):
            slot = TimeSlot(made.instant(start), made.instant(start + item.duration))
        room = rooms[item.index]
        where[session.id] = (slot, room if room is not None else session.room)

    placed: list[Session] = []
    for session in made.summit.sessions:
        if session.id not in where:
            placed.append(session)  # cancelled: left as it is
            continue
        slot, room = where[session.id]
        if slot is session.slot and room == session.room:
            placed.append(session)
        else:
            placed.append(attrs.evolve(session, slot=slot, room=room))
    return placed


def _verify(summit: Summit, policy: ConflictPolicy) -> None:
    """Refuse a schedule the conflict checker finds an error in: it is the specification."""
    from summitkit.schedule._conflicts import conflicts  # noqa: PLC0415

    errors = [
        c
        for c in conflicts(summit, policy=policy)
        if c.severity is Severity.ERROR and c.kind is not ConflictKind.TOO_FEW_PANELISTS
    ]
    if errors:  # pragma: no cover - a defect of the model, which the property tests look for
        raise ScheduleError(
            f"solve(summit): the schedule found breaks a rule the conflict checker keeps "
            f"({errors[0].kind}: {', '.join(errors[0].sessions)}); this is a defect in "
            "summitkit, please report it"
        )


# -- arguments ---------------------------------------------------------------------


def _options(  # noqa: PLR0913  # solve's options, by name
    summit: Summit,
    *,
    durations: Mapping[str, dt.timedelta] | None,
    default_duration: dt.timedelta | None,
    slots: Iterable[GridSlot] | None,
    windows: Windows | None,
    step: dt.timedelta,
    policy: ConflictPolicy | None,
    keep_pinned: bool,
    previous: Summit | None,
    weights: Weights | None,
    preferences: Mapping[str, Iterable[TimeSlot]] | None,
    popular: Iterable[str] | None,
) -> Options:
    """The options of solve, checked one by one, each error naming its argument."""
    days = summit.conference_days
    length = days[-1].end - days[0].start
    sessions = {s.id: s for s in summit.sessions}
    lengths = _durations(durations, sessions, length)
    default = None
    if default_duration is not None:
        default = _length("solve(default_duration)", default_duration, length)
    missing = [
        s.id
        for s in summit.sessions
        if s.status is Status.SCHEDULED
        and (s.slot is None or not keep_pinned)
        and s.id not in lengths
        and default is None
        and s.slot is None
    ]
    if missing:
        shown = ", ".join(repr(m) for m in missing[:3])
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        raise InvalidValueError(
            "solve(durations)",
            f"no length for untimed sessions {shown}{more}; expected each in durations, "
            "or a default_duration",
        )
    if slots is not None and windows is not None:
        raise InvalidValueError(
            "solve(slots)", "expected grid slots or windows, not both: give one of them"
        )
    if not isinstance(keep_pinned, bool):
        raise InvalidTypeError(
            "solve(keep_pinned)", f"expected True or False, got {describe(keep_pinned)}"
        )
    if policy is None:
        policy = ConflictPolicy()
    elif not isinstance(policy, ConflictPolicy):
        raise InvalidTypeError(
            "solve(policy)", f"expected a ConflictPolicy, got {describe(policy)}"
        )
    if weights is None:
        weights = Weights()
    elif not isinstance(weights, Weights):
        raise InvalidTypeError("solve(weights)", f"expected Weights, got {describe(weights)}")
    step_seconds = _length("solve(step)", step, _DAY)
    return Options(
        durations=lengths,
        default_duration=default,
        slots=_grid(slots, summit) if slots is not None else None,
        windows=_windows(windows, summit) if windows is not None else None,
        step=step_seconds,
        policy=policy,
        keep_pinned=keep_pinned,
        previous=summit
        if previous is None
        else earlier_version(previous, summit, name="solve(previous)"),
        weights=weights,
        preferences=_preferences(preferences, summit),
        popular=_popular(popular, sessions),
    )


def _length(name: str, value: object, longest: dt.timedelta) -> int:
    """*value*, a positive whole number of seconds up to *longest*, in seconds."""
    if not isinstance(value, dt.timedelta):
        raise InvalidTypeError(name, f"expected a timedelta, got {describe(value)}")
    if value <= dt.timedelta(0) or value > longest or value.microseconds:
        raise InvalidValueError(
            name,
            f"expected a whole number of seconds, more than 0 and at most {longest}, got {value}",
        )
    return int(value.total_seconds())


def _durations(
    durations: object, sessions: Mapping[str, Session], longest: dt.timedelta
) -> dict[str, int]:
    if durations is None:
        return {}
    if not isinstance(durations, Mapping):
        raise InvalidTypeError(
            "solve(durations)",
            f"expected a mapping of session id to timedelta, got {describe(durations)}",
        )
    lengths: dict[str, int] = {}
    given: Mapping[object, object] = durations  # pyright: ignore[reportUnknownVariableType]
    for key, value in given.items():
        path = f"solve(durations)[{key!r}]"
        if not isinstance(key, str) or key not in sessions:
            raise DanglingReferenceError(path, f"the summit has no session {key!r}")
        lengths[key] = _length(path, value, longest)
    return lengths


def _slots(name: str, value: object) -> list[TimeSlot]:
    if isinstance(value, (str, bytes, TimeSlot)) or not isinstance(value, Iterable):
        raise InvalidTypeError(name, f"expected time slots in a list, got {describe(value)}")
    found: list[TimeSlot] = []
    items: Iterable[object] = value  # pyright: ignore[reportUnknownVariableType]
    for index, slot in enumerate(items):
        if not isinstance(slot, TimeSlot):
            raise InvalidTypeError(f"{name}[{index}]", f"expected a TimeSlot, got {describe(slot)}")
        found.append(slot)
    return found


def _windows(value: object, summit: Summit) -> dict[str | None, list[TimeSlot]]:
    """The windows, by room id (``None``: every room), checked."""
    if not isinstance(value, Mapping):
        return {None: _slots("solve(windows)", value)}
    rooms = {room.id for room in summit.rooms}
    given: Mapping[object, object] = value  # pyright: ignore[reportUnknownVariableType]
    found: dict[str | None, list[TimeSlot]] = {}
    for key, slots in given.items():
        path = f"solve(windows)[{key!r}]"
        if key is not None and (not isinstance(key, str) or key not in rooms):
            raise DanglingReferenceError(path, f"the summit has no room {key!r}")
        found[key] = _slots(path, slots)
    return found


def _grid(value: object, summit: Summit) -> list[GridSlot]:
    if isinstance(value, (str, bytes, GridSlot)) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            "solve(slots)", f"expected grid slots in a list, got {describe(value)}"
        )
    rooms = {room.id for room in summit.rooms}
    found: list[GridSlot] = []
    items: Iterable[object] = value  # pyright: ignore[reportUnknownVariableType]
    for index, slot in enumerate(items):
        path = f"solve(slots)[{index}]"
        if not isinstance(slot, GridSlot):
            raise InvalidTypeError(path, f"expected a GridSlot, got {describe(slot)}")
        if slot.room is not None and slot.room not in rooms:
            raise DanglingReferenceError(f"{path}.room", f"the summit has no room {slot.room!r}")
        found.append(slot)
    return found


def _preferences(value: object, summit: Summit) -> dict[str, Sequence[TimeSlot]]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "solve(preferences)",
            f"expected a mapping of speaker id to time slots, got {describe(value)}",
        )
    speakers = {s.id for s in summit.speakers}
    found: dict[str, Sequence[TimeSlot]] = {}
    given: Mapping[object, object] = value  # pyright: ignore[reportUnknownVariableType]
    for key, slots in given.items():
        path = f"solve(preferences)[{key!r}]"
        if not isinstance(key, str) or key not in speakers:
            raise DanglingReferenceError(path, f"the summit has no speaker {key!r}")
        found[key] = _slots(path, slots)
    return found


def _popular(value: object, sessions: Mapping[str, Session]) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            "solve(popular)", f"expected session ids in a list, got {describe(value)}"
        )
    found: list[str] = []
    items: Iterable[object] = value  # pyright: ignore[reportUnknownVariableType]
    for index, key in enumerate(items):
        if not isinstance(key, str) or key not in sessions:
            raise DanglingReferenceError(
                f"solve(popular)[{index}]", f"the summit has no session {key!r}"
            )
        found.append(key)
    return found


def _time_limit(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidTypeError("solve(time_limit)", f"expected seconds, got {describe(value)}")
    if not (0 < value <= MAX_TIME_LIMIT) or math.isnan(value):
        raise InvalidValueError(
            "solve(time_limit)",
            f"expected more than 0 and at most {MAX_TIME_LIMIT:g} seconds, got {value}",
        )
    return float(value)


def _whole(name: str, value: object, lowest: int, highest: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"solve({name})", f"expected an int, got {describe(value)}")
    if not lowest <= value <= highest:
        raise InvalidValueError(
            f"solve({name})", f"expected from {lowest} to {highest}, got {value}"
        )
    return value
