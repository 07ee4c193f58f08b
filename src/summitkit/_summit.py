"""The summit: the aggregate root that holds a whole programme."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import attrs

from summitkit._days import (
    ConferenceDay,
    conference_day_of,
    day_change_time,
    day_start,
)
from summitkit._people import Organization, Participant, Speaker, check_once_per_role
from summitkit._pretty import PrettyPrinter, counted, days, short_id
from summitkit._sessions import Session, Status, Track
from summitkit._spans import in_time_order
from summitkit._summit_edits import MEMBER_TYPES as _MEMBER_TYPES
from summitkit._summit_edits import (
    UNREAD_SESSION_FIELDS,
    Draft,
    _Unchanged,  # pyright: ignore[reportPrivateUsage]  # one sentinel
    children_of,
    descendants,
    move_changes,
    refuse_children,
    unchecked_copy,
)
from summitkit._summit_edits import check_member as _check_member
from summitkit._summit_rules import Index as _Index
from summitkit._summit_rules import (
    check_day_windows,
    check_parents,
    check_references,
    unique,
)
from summitkit._summit_rules import lookup as _lookup
from summitkit._text import LocalizedText, localized_text, to_localized_text
from summitkit._time import DUBAI, TimeSlot, check_aware, iana_zone, time_slots, to_zone, zone_label
from summitkit._validators import (
    HASHTAG_PATTERN,
    as_tuple,
    describe,
    identifier,
    instance_of,
    optional,
    tuple_of,
    where,
)
from summitkit._venue import Room, Venue
from summitkit.exceptions import (
    DuplicateIdError,
    InvalidTextError,
    InvalidTypeError,
    InvalidValueError,
)

__all__ = ["Summit", "SummitDraft"]


def _day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # datetime is a subclass of date, but a day is not an instant.
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidTypeError(
            where(instance, attribute),
            f"expected a date such as date(2015, 9, 16), got {describe(value)}",
        )


_HASHTAG = re.compile(HASHTAG_PATTERN)


def _to_hashtag(value: str | None) -> str | None:
    if isinstance(value, str) and value.startswith("#"):
        return value[1:]
    return value


def _hashtag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    path = where(instance, attribute)
    if not isinstance(value, str):
        raise InvalidTypeError(path, f"expected a hashtag string, got {describe(value)}")
    if not value:
        raise InvalidTextError(path, "expected letters, digits or '_' after '#', got nothing")
    # Letters that show nothing (U+3164 HANGUL FILLER) would make an invisible tag.
    if not _HASHTAG.fullmatch(value) or not all(char.isalnum() or char == "_" for char in value):
        raise InvalidTextError(
            path, f"expected letters, digits and '_' only, such as 'GSMS15', got {value!r}"
        )


def _by_time(sessions: Iterable[Session]) -> tuple[Session, ...]:
    """Sessions by start time; untimed ones last; ties keep their order."""
    return in_time_order(sessions, lambda session: session.slot)


# Typed per element: mypy takes __init__'s parameter type from a converter's
# signature and cannot solve a generic one.
def _rooms(value: Iterable[Room]) -> tuple[Room, ...]:
    return as_tuple(value)


def _organizations(value: Iterable[Organization]) -> tuple[Organization, ...]:
    return as_tuple(value)


def _speakers(value: Iterable[Speaker]) -> tuple[Speaker, ...]:
    return as_tuple(value)


def _tracks(value: Iterable[Track]) -> tuple[Track, ...]:
    return as_tuple(value)


def _sessions(value: Iterable[Session]) -> tuple[Session, ...]:
    return as_tuple(value)


def _roles(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class Summit:
    """A summit or conference and its whole programme.

    A summit is a value: build a changed copy with :func:`attrs.evolve` or
    with the named changes (:meth:`add_session`, :meth:`reschedule`,
    :meth:`cancel`, ...), which keep every rule; :meth:`edit` makes many
    of them and checks the summit once.

    Attributes:
        id: A short id for the summit, such as ``"gsms2015"``.
        name: The summit's name.
        first_day: Its first day, in its own time zone.
        last_day: Its last day; the first day when not given.
        edition: Which edition this is (4 for the 4th), if it is a series.
        theme: The edition's theme or slogan.
        hashtag: Its hashtag, without the ``#``.
        timezone: The zone its times are given in; Asia/Dubai by default.
        day_change: The wall-clock time each conference day starts (00:00 by
            default; conference tools also use 04:00, 09:00 or 11:00), so
            a session at 01:00 can belong to the evening before.
        day_windows: The announced hours of some or all of the conference
            days (11:00 to 04:00 the next morning, the last day ending at
            19:00), as time slots: at most one per day, each on the
            conference day its start is on, none overlapping.  A session
            outside its day's window is reported by
            :func:`summitkit.schedule.conflicts`, not refused.
        venue: Where it takes place.
        rooms: The rooms sessions can be in.
        organizations: Organizations speakers belong to.
        speakers: Everyone who takes part in a session or chairs a track.
        tracks: Tracks and workshops; sessions name the track they belong to.
        sessions: The programme, in any order.
        roles: Who holds a role in the whole summit, rather than in one
            session: its chairs, its organisers.

    A summit's days lie between :attr:`EARLIEST_DAY` and :attr:`LATEST_DAY`
    (years 3 to 9997, a year inside the range of time slots, so that every
    day's start and end can be shown in every zone), and it lasts at most
    :attr:`MAX_DAYS` days.

    Raises:
        InvalidValueError: If a day is out of that range, the last day is
            before the first, or the summit is longer than :attr:`MAX_DAYS`.
        DuplicateIdError: If two members of one collection share an id.
        DanglingReferenceError: If a session, track, role or speaker names
            a speaker, room, track, session or organization the summit does
            not have.
        InvalidValueError: If sessions are each other's parents, or a day
            window is not on one of the summit's days, or two are on one
            day or overlap.
        InvalidParticipantsError: If a speaker holds one summit role twice.

    A timed session need not fall on the summit's days, nor inside its
    day's window: a programme being built may hold one, and
    :func:`summitkit.schedule.conflicts` reports it.
    """

    #: The longest summit in days (three years).  Real programmes run for
    #: days or months; a bound keeps every query over the days cheap.
    MAX_DAYS: ClassVar[int] = 1096
    #: The earliest first day and the latest last day a summit can have.
    EARLIEST_DAY: ClassVar[dt.date] = dt.date(3, 1, 1)
    LATEST_DAY: ClassVar[dt.date] = dt.date(9997, 12, 31)

    id: str = attrs.field(validator=identifier)
    name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    first_day: dt.date = attrs.field(validator=_day)
    last_day: dt.date = attrs.field(
        default=attrs.Factory(lambda self: self.first_day, takes_self=True), validator=_day
    )
    edition: int | None = attrs.field(
        default=None, validator=optional(instance_of(int, "a whole number such as 4"))
    )
    theme: LocalizedText | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_localized_text),
        validator=optional(localized_text),
    )
    hashtag: str | None = attrs.field(default=None, converter=_to_hashtag, validator=_hashtag)
    timezone: ZoneInfo = attrs.field(
        default=DUBAI, converter=to_zone, validator=iana_zone, eq=zone_label
    )
    day_change: dt.time = attrs.field(default=dt.time(0), validator=day_change_time)
    day_windows: tuple[TimeSlot, ...] = attrs.field(
        default=(), converter=time_slots, validator=tuple_of(TimeSlot, "a TimeSlot")
    )
    venue: Venue | None = attrs.field(
        default=None, validator=optional(instance_of(Venue, "a Venue"))
    )
    rooms: tuple[Room, ...] = attrs.field(
        default=(), converter=_rooms, validator=tuple_of(Room, "a Room")
    )
    organizations: tuple[Organization, ...] = attrs.field(
        default=(), converter=_organizations, validator=tuple_of(Organization, "an Organization")
    )
    speakers: tuple[Speaker, ...] = attrs.field(
        default=(), converter=_speakers, validator=tuple_of(Speaker, "a Speaker")
    )
    tracks: tuple[Track, ...] = attrs.field(
        default=(), converter=_tracks, validator=tuple_of(Track, "a Track")
    )
    sessions: tuple[Session, ...] = attrs.field(
        default=(),
        converter=_sessions,
        validator=tuple_of(Session, "a session (Keynote, Panel, Talk, ...)"),
    )
    roles: tuple[Participant, ...] = attrs.field(
        default=(), converter=_roles, validator=tuple_of(Participant, "a Participant")
    )

    # The lookups are cached properties, not fields: built (and so checked)
    # with the summit, recomputed after unpickling, and never part of its
    # value, its repr or attrs.asdict.
    @functools.cached_property
    def _index(self) -> _Index:
        return _Index(
            rooms=unique("rooms", self.rooms),
            organizations=unique("organizations", self.organizations),
            speakers=unique("speakers", self.speakers),
            tracks=unique("tracks", self.tracks),
            sessions=unique("sessions", self.sessions),
        )

    @functools.cached_property
    def _windows(self) -> dict[dt.date, TimeSlot]:
        """The day windows by conference day; the summit has checked them."""
        return {
            conference_day_of(window.start, self.timezone, self.day_change): window
            for window in self.day_windows
        }

    def __attrs_post_init__(self) -> None:
        if self.edition is not None and self.edition < 1:
            raise InvalidValueError("Summit.edition", f"expected 1 or more, got {self.edition}")
        # Far from the limits of `date`, every conference day starts and ends
        # at an instant that every zone can show.
        for name in ("first_day", "last_day"):
            day = getattr(self, name)
            if not self.EARLIEST_DAY <= day <= self.LATEST_DAY:
                raise InvalidValueError(
                    f"Summit.{name}",
                    f"expected a day from {self.EARLIEST_DAY} to {self.LATEST_DAY}, got {day}",
                )
        if self.last_day < self.first_day:
            raise InvalidValueError(
                "Summit.last_day",
                f"expected a day on or after first_day ({self.first_day}), got {self.last_day}",
            )
        length = (self.last_day - self.first_day).days + 1
        if length > self.MAX_DAYS:
            raise InvalidValueError(
                "Summit.last_day",
                f"expected a summit of at most {self.MAX_DAYS} days, got {length} days "
                f"({self.first_day} to {self.last_day})",
            )
        check_references(self.speakers, self.tracks, self.sessions, self.roles, self._index)
        check_parents(self.sessions)
        check_once_per_role(self.roles, "Summit.roles")
        check_day_windows(
            self.day_windows, self.timezone, self.day_change, (self.first_day, self.last_day)
        )

    # -- days ----------------------------------------------------------------

    @property
    def days(self) -> tuple[dt.date, ...]:
        """Every day of the summit, first to last."""
        count = (self.last_day - self.first_day).days + 1
        return tuple(self.first_day + dt.timedelta(days=n) for n in range(count))

    @property
    def conference_days(self) -> tuple[ConferenceDay, ...]:
        """Every conference day, with the instants it starts and ends."""
        starts = [
            day_start(self.first_day + dt.timedelta(days=n), self.timezone, self.day_change)
            for n in range(len(self.days) + 1)
        ]
        windows = self._windows
        return tuple(
            ConferenceDay(day, start, end, window=windows.get(day))
            for day, start, end in zip(self.days, starts, starts[1:], strict=False)
        )

    def conference_day(self, instant: dt.datetime) -> dt.date:
        """The conference day *instant* belongs to, in the summit's zone.

        With a day change at 04:00, 01:00 on the 17th belongs to the 16th.
        The day need not be one of the summit's days.

        Raises:
            InvalidTimeError: If *instant* is naive.
        """
        check_aware("Summit.conference_day(instant)", instant)
        return conference_day_of(instant, self.timezone, self.day_change)

    # -- lookups -------------------------------------------------------------

    def speaker(self, speaker_id: str) -> Speaker:
        """The speaker with id *speaker_id*.

        Raises:
            UnknownIdError: If there is no such speaker.
        """
        return _lookup(self._index.speakers, speaker_id, "speaker")

    def session(self, session_id: str) -> Session:
        """The session with id *session_id*.

        Raises:
            UnknownIdError: If there is no such session.
        """
        return _lookup(self._index.sessions, session_id, "session")

    def room(self, room_id: str) -> Room:
        """The room with id *room_id*.

        Raises:
            UnknownIdError: If there is no such room.
        """
        return _lookup(self._index.rooms, room_id, "room")

    def track(self, track_id: str) -> Track:
        """The track with id *track_id*.

        Raises:
            UnknownIdError: If there is no such track.
        """
        return _lookup(self._index.tracks, track_id, "track")

    def organization(self, organization_id: str) -> Organization:
        """The organization with id *organization_id*.

        Raises:
            UnknownIdError: If there is no such organization.
        """
        return _lookup(self._index.organizations, organization_id, "organization")

    def in_time_order(self) -> tuple[Session, ...]:
        """All sessions by start time; untimed sessions last, in given order."""
        return _by_time(self.sessions)

    def sessions_of(self, speaker_id: str) -> tuple[Session, ...]:
        """The sessions *speaker_id* takes part in, in any role, in time order.

        Raises:
            UnknownIdError: If there is no such speaker.
        """
        self.speaker(speaker_id)
        return _by_time(s for s in self.sessions if speaker_id in s.speakers)

    def sessions_of_track(self, track_id: str) -> tuple[Session, ...]:
        """The sessions of track *track_id*, in time order.

        Raises:
            UnknownIdError: If there is no such track.
        """
        self.track(track_id)
        return _by_time(s for s in self.sessions if s.track == track_id)

    def sessions_inside(self, session_id: str) -> tuple[Session, ...]:
        """The sessions whose parent is session *session_id*, in time order.

        Only those directly inside it: a talk inside a block inside a day's
        festival is inside the block.

        Raises:
            UnknownIdError: If there is no such session.
        """
        self.session(session_id)
        return _by_time(s for s in self.sessions if s.parent == session_id)

    def occurrences(self, series: str) -> tuple[Session, ...]:
        """The sessions of *series* (a talk given twice, a daily meeting), in time order.

        Empty when no session names the series: a series is a key the
        sessions share, not a member of the summit.

        Raises:
            InvalidTypeError: If *series* is not a string.
        """
        if not isinstance(series, str):
            raise InvalidTypeError(
                "Summit.occurrences(series)", f"expected a series id, got {describe(series)}"
            )
        return _by_time(s for s in self.sessions if s.series == series)

    # -- named changes -------------------------------------------------------
    # Each returns a new summit, built (and so checked) again from its fields,
    # unless it changes only what no rule reads (a session's slot or status).

    def edit(self) -> SummitDraft:
        """A :class:`SummitDraft` of this summit: many named changes, and the summit built once.

        The draft gives the summit the same changes made one after another
        give, and refuses what they would refuse, with the same kind of
        error, naming the draft's call.

        >>> import summitkit as sk
        >>> summit = sk.examples.gsms2015()
        >>> cancelled = summit.edit().cancel("opening-panel").cancel("official-opening").apply()
        >>> cancelled == summit.cancel("opening-panel").cancel("official-opening")
        True
        """
        return SummitDraft(self)

    def add_session(self, session: Session) -> Summit:
        """A copy with *session* added to the programme.

        The session may be on any day, or outside its day's window:
        :func:`summitkit.schedule.conflicts` reports that, as it does for a
        summit built with it.

        Raises:
            InvalidTypeError: If *session* is not a session.
            DuplicateIdError: If a session with the same id exists.
            DanglingReferenceError: If it names a room, track, parent or
                speaker the summit does not have.
        """
        return self._plus("sessions", "add_session(session)", session)

    def add_speaker(self, speaker: Speaker) -> Summit:
        """A copy with *speaker* added to the summit's speakers.

        Raises:
            InvalidTypeError: If *speaker* is not a :class:`~summitkit.Speaker`.
            DuplicateIdError: If a speaker with the same id exists.
            DanglingReferenceError: If it names an organization the summit
                does not have.
        """
        return self._plus("speakers", "add_speaker(speaker)", speaker)

    def add_room(self, room: Room) -> Summit:
        """A copy with *room* added to the summit's rooms.

        Raises:
            InvalidTypeError: If *room* is not a :class:`~summitkit.Room`.
            DuplicateIdError: If a room with the same id exists.
        """
        return self._plus("rooms", "add_room(room)", room)

    def add_track(self, track: Track) -> Summit:
        """A copy with *track* (a :class:`~summitkit.Track` or a workshop) added.

        Raises:
            InvalidTypeError: If *track* is not a :class:`~summitkit.Track`.
            DuplicateIdError: If a track with the same id exists.
            DanglingReferenceError: If its chair is not one of the summit's
                speakers.
        """
        return self._plus("tracks", "add_track(track)", track)

    def replace_session(self, session: Session) -> Summit:
        """A copy in which the session with *session*'s id is *session*.

        Raises:
            InvalidTypeError: If *session* is not a session.
            UnknownIdError: If there is no session with that id.
            DanglingReferenceError: If it names a room, track, parent or
                speaker the summit does not have.
        """
        path = "Summit.replace_session(session)"
        _check_member(path, session, _MEMBER_TYPES["sessions"])
        _lookup(self._index.sessions, session.id, "session", path=path)
        return attrs.evolve(
            self, sessions=tuple(session if s.id == session.id else s for s in self.sessions)
        )

    def remove_session(self, session_id: str, *, with_children: bool = False) -> Summit:
        """A copy without session *session_id*.

        A removed session is gone from the programme; :meth:`cancel` keeps a
        session that will not take place, so that calendars and apps can
        show the cancellation.  Sessions that name it as their
        :attr:`~summitkit.Session.parent` would be left pointing at nothing,
        so they are refused unless *with_children* removes them too, with
        the sessions inside them, at any depth.

        Args:
            session_id: The id of the session to remove.
            with_children: Whether to remove the sessions inside it too.

        Raises:
            UnknownIdError: If there is no such session.
            DanglingReferenceError: If other sessions name it as their parent
                and *with_children* is false; the message names them.
        """
        path = "Summit.remove_session(session_id)"
        _lookup(self._index.sessions, session_id, "session", path=path)
        if not isinstance(with_children, bool):
            raise InvalidTypeError(
                "Summit.remove_session(with_children)",
                f"expected True or False, got {describe(with_children)}",
            )
        children = children_of(self.sessions)
        if not with_children:
            refuse_children(path, session_id, children)
        gone = set(descendants(children, session_id))
        return attrs.evolve(self, sessions=tuple(s for s in self.sessions if s.id not in gone))

    def reschedule(self, session_id: str, slot: TimeSlot | None) -> Summit:
        """A copy in which session *session_id* has *slot* (``None``: untimed).

        The slot may be on any day, or outside its day's window:
        :func:`summitkit.schedule.conflicts` reports that.  To give a
        session another room too, use :meth:`move`.

        Raises:
            UnknownIdError: If there is no such session.
            InvalidTypeError: If *slot* is neither a TimeSlot nor ``None``.
        """
        return self._moved("reschedule", session_id, slot, _Unchanged.UNCHANGED)

    def move(
        self,
        session_id: str,
        *,
        slot: TimeSlot | _Unchanged | None = _Unchanged.UNCHANGED,
        room: str | _Unchanged | None = _Unchanged.UNCHANGED,
    ) -> Summit:
        """A copy in which session *session_id* has another slot, room, or both.

        What is not given stays as it is; ``slot=None`` makes the session
        untimed and ``room=None`` leaves it without a room.

        >>> import datetime as dt
        >>> import summitkit as sk
        >>> summit = sk.examples.gsms2015().add_room(sk.Room(id="hall-b", name={"en": "Hall B"}))
        >>> talk = summit.session("keynote-modern-workplace")
        >>> later = summit.move(talk.id, slot=talk.slot.shift(dt.timedelta(hours=1)), room="hall-b")
        >>> later.session(talk.id).slot.start.strftime("%H:%M"), later.session(talk.id).room
        ('11:30', 'hall-b')
        >>> later.move(talk.id, room=None).session(talk.id).slot == later.session(talk.id).slot
        True

        Args:
            session_id: The id of the session.
            slot: Its new slot, or ``None`` for no slot.
            room: The id of its new room, or ``None`` for no room.

        Raises:
            UnknownIdError: If there is no such session.
            InvalidValueError: If neither *slot* nor *room* is given.
            InvalidTypeError: If *slot* is neither a TimeSlot nor ``None``,
                or *room* neither an id nor ``None``.
            DanglingReferenceError: If the summit has no room *room*.
        """
        return self._moved("move", session_id, slot, room)

    def _moved(
        self,
        method: str,
        session_id: str,
        slot: TimeSlot | _Unchanged | None,
        room: str | _Unchanged | None,
    ) -> Summit:
        session = _lookup(
            self._index.sessions, session_id, "session", path=f"Summit.{method}(session_id)"
        )
        changes = move_changes(f"Summit.{method}", slot, room)
        moved = attrs.evolve(session, **changes)
        if changes.keys() <= UNREAD_SESSION_FIELDS:
            return self._with_unread_change(moved)
        return self.replace_session(moved)

    def cancel(self, session_id: str) -> Summit:
        """A copy in which session *session_id* is cancelled.

        The session stays in the programme with status ``cancelled``, so
        calendars and apps can show the cancellation; :meth:`reinstate`
        undoes it, and :meth:`remove_session` takes a session out.

        Raises:
            UnknownIdError: If there is no such session.
        """
        return self._with_status("cancel", session_id, Status.CANCELLED)

    def reinstate(self, session_id: str) -> Summit:
        """A copy in which session *session_id* is scheduled again: :meth:`cancel` undone.

        A session that is not cancelled stays as it is.

        Raises:
            UnknownIdError: If there is no such session.
        """
        return self._with_status("reinstate", session_id, Status.SCHEDULED)

    def _with_status(self, method: str, session_id: str, status: Status) -> Summit:
        path = f"Summit.{method}(session_id)"
        session = _lookup(self._index.sessions, session_id, "session", path=path)
        return self._with_unread_change(attrs.evolve(session, status=status))

    def _with_unread_change(self, session: Session) -> Summit:
        """A copy with *session* in place of the one with its id, not checked again.

        *session* must differ from the one it replaces only in fields no
        rule of the summit reads (``UNREAD_SESSION_FIELDS``): the summit was
        checked, and the copy breaks no rule it keeps.  Its lookups are the
        summit's, with the session replaced.
        """
        by_id = dict(self._index.sessions)
        by_id[session.id] = session
        return unchecked_copy(
            self,
            {"sessions": tuple(by_id.values())},
            {"_index": attrs.evolve(self._index, sessions=by_id)},
        )

    def _plus(self, collection: str, call: str, member: Any) -> Summit:  # noqa: ANN401  # one of the member classes, checked here
        """A copy with *member* added at the end of *collection*."""
        path = f"Summit.{call}"
        _check_member(path, member, _MEMBER_TYPES[collection])
        known: dict[str, Any] = getattr(self._index, collection)
        if member.id in known:
            what = _MEMBER_TYPES[collection][1]
            raise DuplicateIdError(
                f"{path}.id",
                f"the summit already has {what} with id {member.id!r}; expected a new id",
            )
        grown: dict[str, Any] = {collection: (*getattr(self, collection), member)}
        return attrs.evolve(self, **grown)

    # -- display -------------------------------------------------------------

    def __repr__(self) -> str:
        """The summit's id, days and counts, in one short line however large it is.

        >>> import summitkit as sk
        >>> summit = sk.examples.gsms2015()
        >>> summit  # doctest: +ELLIPSIS
        <Summit 'gsms2015' 2015-09-16 to 2015-09-17 (2 days): 16 sessions, 22 speakers, ...>
        >>> repr(summit).endswith("0 rooms, 7 tracks>")
        True
        """
        counts = ", ".join(
            counted(len(members), noun)
            for members, noun in (
                (self.sessions, "session"),
                (self.speakers, "speaker"),
                (self.rooms, "room"),
                (self.tracks, "track"),
            )
        )
        return f"<Summit {short_id(self.id)} {days(self.first_day, self.last_day)}: {counts}>"

    def _repr_pretty_(self, printer: PrettyPrinter, cycle: bool) -> None:  # noqa: ARG002, FBT001  # IPython's signature
        printer.text(repr(self))

    def _repr_html_(self) -> str:
        """The programme as a grid of rooms or tracks against time, for notebooks.

        Above :data:`summitkit.text.REPR_HTML_MAX_SESSIONS` sessions, its counts instead.
        """
        from summitkit.text import _html  # noqa: PLC0415  # a display call: see docs/layout.md

        return _html.notebook_html(self)


class SummitDraft(Draft["Summit"]):
    """Changes to a summit, made one after another and checked once they are all made.

    Start one with :meth:`Summit.edit`.  A draft takes the summit's named
    changes (:meth:`~Summit.reschedule`, :meth:`~Summit.move`,
    :meth:`~Summit.cancel`, :meth:`~Summit.reinstate`,
    :meth:`~Summit.replace_session`, :meth:`~Summit.remove_session`,
    :meth:`~Summit.add_session`, :meth:`~Summit.add_speaker`,
    :meth:`~Summit.add_room`, :meth:`~Summit.add_track`), with the same
    arguments, and returns itself, so that the changes chain as they do on
    the summit; :meth:`apply` builds the changed summit, checked once.
    Twenty changes to a programme of a thousand sessions cost about one
    :func:`attrs.evolve` of it instead of twenty.

    >>> import datetime as dt
    >>> import summitkit as sk
    >>> summit = sk.examples.gsms2015()
    >>> later = summit.session("opening-panel").slot.shift(dt.timedelta(minutes=30))
    >>> draft = summit.edit().reschedule("opening-panel", later)
    >>> changed = draft.cancel("gcc-case-studies").apply()
    >>> changed == summit.reschedule("opening-panel", later).cancel("gcc-case-studies")
    True
    >>> changed.session("opening-panel").slot.start.strftime("%H:%M")
    '09:45'

    Each change is checked as it is made, against the draft as it stands,
    and refused with the kind of error the same change to the summit would
    raise, naming the draft's call.  A refused change spoils the draft: it
    makes no summit, so that none lacks some of its changes.

    >>> draft = summit.edit().cancel("opening-panel")
    >>> draft.move("opening-panel", room="hall-b")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    summitkit.exceptions.DanglingReferenceError: Summit.edit().move(room): no room ... 'hall-b'; ...
    >>> draft.apply()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    summitkit.exceptions.DanglingReferenceError: Summit.edit().apply(): a change was refused, ...

    A draft is a working copy, not a value: it has no equality, and
    :meth:`apply` may be called again after more changes.  The summit it
    started from never changes.  ``SummitDraft(summit)`` is ``summit.edit()``.

    Raises:
        InvalidTypeError: If *summit* is not a :class:`Summit`.
    """

    __slots__ = ()

    def __init__(self, summit: Summit) -> None:
        summit = summit_argument(summit, name="SummitDraft(summit)")
        # The draft starts from the summit's own lookups, copied as it changes them.
        index = summit._index  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
        super().__init__(
            summit,
            sessions=index.sessions,
            rooms=index.rooms,
            speakers=index.speakers,
            tracks=index.tracks,
            organizations=index.organizations,
        )


def summit_argument(value: object, *, name: str) -> Summit:
    """*value*, which must be a :class:`Summit`; *name* names the argument in the error.

    Raises:
        InvalidTypeError: If it is not.
    """
    if not isinstance(value, Summit):
        raise InvalidTypeError(name, f"expected a Summit, got {describe(value)}")
    return value


def earlier_version(value: object, of: Summit, *, name: str) -> Summit:
    """*value*, which must be a :class:`Summit` with *of*'s id: an earlier version of it.

    Raises:
        InvalidTypeError: If it is not a summit.
        InvalidValueError: If it is another summit (another id).
    """
    earlier = summit_argument(value, name=name)
    if earlier.id != of.id:
        raise InvalidValueError(
            name, f"expected an earlier version of summit {of.id!r}, got summit {earlier.id!r}"
        )
    return earlier
