"""What counts as a conflict, and how serious each kind is."""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Mapping

import attrs

from summitkit import _arguments as arguments
from summitkit._enums import TextEnum
from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["DEFAULT_SEVERITIES", "MAX_CHANGEOVER", "ConflictKind", "ConflictPolicy", "Severity"]


class ConflictKind(TextEnum):
    """The kinds of scheduling conflict :func:`~summitkit.schedule.conflicts` finds."""

    #: A speaker is in two sessions that overlap, in any roles (a track's
    #: chair counts as taking part in the track's sessions).  A session and
    #: the sessions inside it (:attr:`summitkit.Session.parent`) never
    #: clash; a :attr:`summitkit.Speaker.group` and a participant who is not
    #: :attr:`~summitkit.Participant.blocking` (an author) are never
    #: double-booked.
    SPEAKER_DOUBLE_BOOKED = "speaker-double-booked"
    #: A room holds two sessions that overlap, unless it holds sessions in
    #: parallel on purpose (:attr:`summitkit.Room.parallel`).
    ROOM_DOUBLE_BOOKED = "room-double-booked"
    #: Two sessions of a track meant to run in sequence overlap.
    TRACK_OVERLAP = "track-overlap"
    #: A session is outside its room's opening hours (or the venue's).
    OUTSIDE_OPENING_HOURS = "outside-opening-hours"
    #: A speaker is booked outside the times they said they are available.
    SPEAKER_UNAVAILABLE = "speaker-unavailable"
    #: More people are expected than the room seats.
    OVER_CAPACITY = "over-capacity"
    #: A speaker has less than the policy's changeover time to move between
    #: two rooms.
    NO_TIME_TO_MOVE = "no-time-to-move"
    #: A session starts or ends outside the summit's conference days.
    OUTSIDE_SUMMIT_DAYS = "outside-summit-days"
    #: A session on a conference day with announced hours
    #: (:attr:`summitkit.Summit.day_windows`) is not inside them.
    OUTSIDE_DAY_WINDOW = "outside-day-window"
    #: A session is not inside the time of the session it is part of
    #: (:attr:`summitkit.Session.parent`).
    CHILD_OUTSIDE_PARENT = "outside-parent"
    #: A panel, timed or not, has fewer than two panelists.
    TOO_FEW_PANELISTS = "too-few-panelists"


class Severity(TextEnum):
    """How a policy treats a kind of conflict."""

    #: Must be fixed; ``summitkit check`` exits 1.
    ERROR = "error"
    #: Worth a look; does not fail a check.
    WARNING = "warning"
    #: Not reported at all.
    IGNORE = "ignore"


#: The longest changeover a policy takes: a speaker who needs more than a
#: day between rooms is not a scheduling question.
MAX_CHANGEOVER = dt.timedelta(days=1)

#: The severity of each kind when a policy does not say otherwise: a person
#: or a room in two places at once, a closed room, an unavailable speaker and
#: a session off the summit's days are errors; a full room, a hurried
#: changeover, a session outside its day's announced hours or its parent's
#: time, and a panel short of panelists are warnings (a programme being
#: built often has them for a while).
#: Read-only: a policy is built from it, and a change here would change
#: every policy made afterwards.
DEFAULT_SEVERITIES: Mapping[ConflictKind, Severity] = types.MappingProxyType(
    {
        ConflictKind.SPEAKER_DOUBLE_BOOKED: Severity.ERROR,
        ConflictKind.ROOM_DOUBLE_BOOKED: Severity.ERROR,
        ConflictKind.TRACK_OVERLAP: Severity.ERROR,
        ConflictKind.OUTSIDE_OPENING_HOURS: Severity.ERROR,
        ConflictKind.SPEAKER_UNAVAILABLE: Severity.ERROR,
        ConflictKind.OVER_CAPACITY: Severity.WARNING,
        ConflictKind.NO_TIME_TO_MOVE: Severity.WARNING,
        ConflictKind.OUTSIDE_SUMMIT_DAYS: Severity.ERROR,
        ConflictKind.OUTSIDE_DAY_WINDOW: Severity.WARNING,
        ConflictKind.CHILD_OUTSIDE_PARENT: Severity.WARNING,
        ConflictKind.TOO_FEW_PANELISTS: Severity.WARNING,
    }
)


@attrs.frozen(init=False)
class ConflictPolicy:
    """How serious each kind of conflict is, and how long a changeover takes.

    Args:
        severities: The severity of some kinds, by :class:`ConflictKind` or
            its value (``{"over-capacity": "error"}``); the others keep
            :data:`DEFAULT_SEVERITIES`.
        changeover: The least time a speaker needs between sessions in two
            different rooms, from zero to a day; 10 minutes by default,
            ``timedelta(0)`` to never report
            :attr:`ConflictKind.NO_TIME_TO_MOVE`.

    Attributes:
        changeover: The least time a speaker needs between sessions in two
            different rooms; :meth:`severity` gives the severity of a kind.

    Raises:
        InvalidValueError: If a kind or severity is unknown, or *changeover*
            is negative or longer than a day.

    >>> policy = ConflictPolicy(severities={"over-capacity": "error"})
    >>> policy.severity(ConflictKind.OVER_CAPACITY)
    <Severity.ERROR: 'error'>
    >>> policy.severity(ConflictKind.NO_TIME_TO_MOVE)
    <Severity.WARNING: 'warning'>
    """

    _severities: tuple[tuple[ConflictKind, Severity], ...]
    changeover: dt.timedelta

    def __init__(
        self,
        *,
        severities: Mapping[ConflictKind | str, Severity | str] | None = None,
        changeover: dt.timedelta = dt.timedelta(minutes=10),
    ) -> None:
        chosen = dict(DEFAULT_SEVERITIES)
        if severities is not None:
            if not isinstance(severities, Mapping):
                raise InvalidTypeError(
                    "ConflictPolicy.severities",
                    f"expected a mapping of kind to severity, got {describe(severities)}",
                )
            for kind, severity in severities.items():
                path = f"ConflictPolicy.severities[{kind!r}]"
                chosen[arguments.enum_member(ConflictKind, kind, name=path)] = (
                    arguments.enum_member(Severity, severity, name=path)
                )
        if not isinstance(changeover, dt.timedelta):
            raise InvalidTypeError(
                "ConflictPolicy.changeover", f"expected a timedelta, got {describe(changeover)}"
            )
        if not dt.timedelta(0) <= changeover <= MAX_CHANGEOVER:
            raise InvalidValueError(
                "ConflictPolicy.changeover",
                f"expected from zero to one day, got {changeover}",
            )
        # attrs generates __attrs_init__ when a class defines its own __init__.
        self.__attrs_init__(tuple(chosen.items()), changeover)  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]

    @property
    def severities(self) -> dict[ConflictKind, Severity]:
        """The severity of every kind, as a new dict."""
        return dict(self._severities)

    def severity(self, kind: ConflictKind | str) -> Severity:
        """The severity of *kind* (a ConflictKind or its value) under this policy.

        Raises:
            InvalidValueError: If *kind* is not a kind of conflict.
        """
        wanted = arguments.enum_member(ConflictKind, kind, name="ConflictPolicy.severity(kind)")
        for known, severity in self._severities:
            if known is wanted:
                return severity
        return DEFAULT_SEVERITIES[wanted]  # pragma: no cover - every kind is listed

    def reports(self, kind: ConflictKind | str) -> bool:
        """Whether conflicts of *kind* are reported (not ignored)."""
        return self.severity(kind) is not Severity.IGNORE
