"""The values the scheduler takes and gives: grid slots, weights, constraints, solutions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from summitkit import _arguments as arguments
from summitkit._enums import TextEnum
from summitkit._pretty import PrettyPrinter, short_id
from summitkit._summit import Summit
from summitkit._time import TimeSlot
from summitkit._validators import as_tuple, describe, identifier, instance_of, optional, where
from summitkit.exceptions import InvalidTypeError, InvalidValueError, ScheduleError

if TYPE_CHECKING:
    from summitkit.changes import Changelog

__all__ = [
    "Constraint",
    "ConstraintKind",
    "GridSlot",
    "Solution",
    "SolveStatus",
    "UnschedulableError",
    "Weights",
]


@attrs.frozen(kw_only=True)
class GridSlot:
    """A place in a timetable grid: a time, in one room or in every room.

    Given to :func:`~summitkit.schedule.solve` as *slots*, the grid is
    where sessions may go: each session it places starts when one of its
    room's grid slots starts and ends by the time that slot ends, as in a
    paper grid of rooms and times.

    Attributes:
        time: When the grid slot is.
        room: The id of its room, or ``None`` for a time of every room
            without grid slots of its own (and of sessions without a room).
    """

    time: TimeSlot = attrs.field(validator=instance_of(TimeSlot, "a TimeSlot"))
    room: str | None = attrs.field(default=None, validator=optional(identifier))


def _weight(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(
            where(instance, attribute), f"expected an int, got {describe(value)}"
        )
    if not 0 <= value <= Weights.MAX:
        raise InvalidValueError(
            where(instance, attribute), f"expected from 0 to {Weights.MAX:,}, got {value:,}"
        )


@attrs.frozen(kw_only=True)
class Weights:
    """How much each soft objective of :func:`~summitkit.schedule.solve` costs.

    The solver finds a schedule that keeps every hard rule and, among those,
    one of least total cost: the sum of each weight times what it counts.
    A weight of 0 turns its objective off.  The defaults put stability
    first, then the fit of sessions to rooms, then the rest.

    Attributes:
        moved: Per session whose time or room differs from the previous
            version's (the summit given, or *previous*): fewest changes when
            re-planning.
        overflow: Per person expected beyond the seats of the session's
            room, where over capacity is not an error of the policy.
        waste: Per empty seat: a session in a room much larger than it
            needs.
        preference: Per session of a speaker outside the times the speaker
            prefers (*preferences*).
        spread: Per session of a track running at once beyond the first:
            a track's sessions spread over the programme, so that its
            audience can attend them all (tracks meant to run in sequence
            never overlap anyway).
        popular: Per popular session running at once beyond the first:
            the sessions most people want to attend kept apart.
    """

    #: The largest weight, so that the costs of a large programme stay far
    #: from the solver's integer limits.
    MAX = 1_000_000

    moved: int = attrs.field(default=10_000, validator=_weight)
    overflow: int = attrs.field(default=10, validator=_weight)
    waste: int = attrs.field(default=1, validator=_weight)
    preference: int = attrs.field(default=100, validator=_weight)
    spread: int = attrs.field(default=100, validator=_weight)
    popular: int = attrs.field(default=100, validator=_weight)


class ConstraintKind(TextEnum):
    """The kinds of hard rule a schedule keeps; an infeasible one names some of them.

    Each rule of a conflict that the policy makes an error is one of these
    (a speaker's one place at a time is
    :attr:`~summitkit.schedule.ConflictKind.SPEAKER_DOUBLE_BOOKED` kept),
    beside the solver's own: where sessions may be placed, what is kept
    where it is, and sub-sessions inside their session.
    """

    #: A speaker is in one session at a time (any role; a track's chair is
    #: in the track's sessions).
    SPEAKER_ONE_PLACE = "speaker-one-place"
    #: A speaker takes part only inside their availability.
    SPEAKER_AVAILABLE = "speaker-available"
    #: A speaker has the changeover time between sessions in two rooms.
    SPEAKER_CHANGEOVER = "speaker-changeover"
    #: A room holds one session at a time.
    ROOM_ONE_SESSION = "room-one-session"
    #: A room's sessions are inside its opening hours (or, for a room
    #: without its own and sessions without a room, the venue's).
    OPENING_HOURS = "opening-hours"
    #: A room holds no more people than it seats.
    ROOM_CAPACITY = "room-capacity"
    #: A sequential track's sessions never overlap, and those placed keep
    #: the order the summit lists them in.
    TRACK_SEQUENCE = "track-sequence"
    #: Sessions kept where they are lie inside the summit's days.
    SUMMIT_DAYS = "summit-days"
    #: Sessions on a day with announced hours lie inside them.
    DAY_WINDOWS = "day-windows"
    #: A session inside another lies within its time, so one longer than
    #: the session it is part of cannot.
    INSIDE_PARENT = "inside-parent"
    #: Sessions inside other sessions lie within their time, and those in
    #: their parent's room one at a time: rules the solver always keeps,
    #: named when they cannot hold even without every other rule.
    FAMILIES = "families"
    #: Sessions placed go only into their windows or grid slots.
    PLACEMENT = "placement"
    #: A session keeps the time and room it has (``keep_pinned``).
    PINNED = "pinned"


def _to_kind(value: ConstraintKind | str) -> ConstraintKind:
    return arguments.to_member(ConstraintKind, value)  # type: ignore[return-value]  # or for the validator


def _kind(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    arguments.enum_member(ConstraintKind, value, name=where(instance, attribute))


def _to_ids(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)


def _ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    path = where(instance, attribute)
    if not isinstance(value, tuple):
        raise InvalidTypeError(path, f"expected session ids in a list, got {describe(value)}")
    items: tuple[object, ...] = value  # pyright: ignore[reportUnknownVariableType]
    for index, item in enumerate(items):
        if not isinstance(item, str) or not item:
            raise InvalidTypeError(
                f"{path}[{index}]", f"expected a session id, got {describe(item)}"
            )


@attrs.frozen(kw_only=True)
class Constraint:
    """One hard rule of a scheduling problem, about one speaker, room, track or session.

    :class:`UnschedulableError` names the rules that
    cannot all hold; :func:`summitkit.text.explain_constraints` puts them
    into words.

    Attributes:
        kind: What the rule is.
        speaker: The speaker it is about, if any.
        room: The room it is about, if any (``None`` with
            :attr:`ConstraintKind.OPENING_HOURS`: the venue's hours).
        track: The track it is about, if any.
        session: The session it is about, if any.
        sessions: The sessions it bears on, in the summit's order: a
            speaker's, a room's candidates, a track's.
    """

    kind: ConstraintKind = attrs.field(converter=_to_kind, validator=_kind)
    speaker: str | None = attrs.field(default=None, validator=optional(identifier))
    room: str | None = attrs.field(default=None, validator=optional(identifier))
    track: str | None = attrs.field(default=None, validator=optional(identifier))
    session: str | None = attrs.field(default=None, validator=optional(identifier))
    sessions: tuple[str, ...] = attrs.field(default=(), converter=_to_ids, validator=_ids)

    def __repr__(self) -> str:
        about = [
            f"{name}={short_id(value)}"
            for name in ("speaker", "room", "track", "session")
            if (value := getattr(self, name)) is not None
        ]
        counted = f", {len(self.sessions)} sessions" if len(self.sessions) != 1 else ""
        return f"Constraint({self.kind.value}{''.join(', ' + a for a in about)}{counted})"


class SolveStatus(TextEnum):
    """How good a schedule :func:`~summitkit.schedule.solve` returned is."""

    #: No schedule costs less.
    OPTIMAL = "optimal"
    #: A schedule that keeps every hard rule, the best found in the time
    #: allowed; a cheaper one may exist.
    FEASIBLE = "feasible"


@attrs.frozen(kw_only=True, repr=False)
class Solution:
    """A schedule :func:`~summitkit.schedule.solve` found, and how.

    Attributes:
        summit: The summit with every session placed: a new value; the one
            given is unchanged.
        status: Whether it is optimal or the best found in the time allowed.
        objective: Its total cost (:class:`Weights`).
        bound: The least cost any schedule could have, as far as the solver
            proved: equal to *objective* when optimal.
        costs: The cost of each objective, by :class:`Weights` field name.
        wall_time: Seconds the search took.
        changelog: The changes from the summit given to :attr:`summit`
            (:func:`summitkit.changes.diff`).
        placed: The ids of the sessions given a time or room, in the
            summit's order.
    """

    summit: Summit
    status: SolveStatus
    objective: int
    bound: int
    costs: tuple[tuple[str, int], ...]
    wall_time: float
    changelog: Changelog
    placed: tuple[str, ...]

    def __repr__(self) -> str:
        return (
            f"<Solution {self.status.value} for {short_id(self.summit.id)}: "
            f"{len(self.placed)} sessions placed, {len(self.changelog)} changes, "
            f"cost {self.objective:,}, {self.wall_time:.2f} s>"
        )

    def _repr_pretty_(self, printer: PrettyPrinter, cycle: bool) -> None:  # noqa: ARG002, FBT001  # IPython's signature
        printer.text(repr(self))

    def __str__(self) -> str:
        """The report in English: status, cost, time, and the changes."""
        from summitkit.text import _solution  # noqa: PLC0415  # a display call: see docs/layout.md

        return _solution.solution_text(self)


class UnschedulableError(ScheduleError):
    """No schedule keeps every rule: these rules cannot all hold.

    ``str(error)`` says why in English; :func:`summitkit.text.explain_constraints`
    says it in any language summitkit writes.  A
    :class:`~summitkit.exceptions.ScheduleError`, so a ``SummitkitError``.

    Attributes:
        summit: The summit that could not be scheduled.
        reasons: Sets of rules (:class:`summitkit.schedule.Constraint`) that
            cannot all hold together, each as small as the solver could make
            it: dropping any one rule of a set lets the rest of that set hold.
            Without every rule of every set, the summit can be scheduled,
            unless *complete* is false.
        complete: Whether the solver showed that dropping every rule of
            :attr:`reasons` leaves a summit that can be scheduled (false when
            its time ran out first).
        durations: The length of each session the schedule holds, by id, as
            the solver had them.
    """

    def __init__(
        self,
        summit: Summit,
        reasons: tuple[tuple[Constraint, ...], ...],
        *,
        durations: Mapping[str, dt.timedelta],
        complete: bool = True,
    ) -> None:
        super().__init__(summit.id, reasons)
        self.summit = summit
        self.reasons = reasons
        self.durations = dict(durations)
        self.complete = complete

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuilt, (self.summit, self.reasons, self.durations, self.complete))

    def __str__(self) -> str:
        from summitkit.text import _unschedulable  # noqa: PLC0415  # a display call: see docs/layout.md

        return _unschedulable.error_text(self)


def _rebuilt(
    summit: Summit,
    reasons: tuple[tuple[Constraint, ...], ...],
    durations: Mapping[str, dt.timedelta],
    complete: bool,  # noqa: FBT001  # pickle passes it by position
) -> UnschedulableError:
    return UnschedulableError(summit, reasons, durations=durations, complete=complete)
