"""Versions of a summit and their changes.

:func:`diff` compares two versions of a whole summit and returns a
:class:`Changelog` of typed changes, each naming the :class:`Part` it is
about: the summit's own fields (its name, days, zone, ...), its venue, and
each room, organization, speaker, track and session, matched by id.

A session can be added, removed, cancelled or reinstated; moved, retimed,
scheduled or unscheduled; given another room, title or speakers, or put
inside another session.  A track can get another chair or title; a room
another name, capacity or opening hours; a speaker another name or
availability; the venue other opening hours; the summit other announced
hours for its days, or other people in its own roles.  Members of each
collection can be added or removed, and any other field that differs,
including fields the model gains later, is an edit naming the fields
(:class:`Edited`, :class:`TrackEdited`, ...).

The schedule changelog of pretalx lists new, cancelled and moved sessions (a
new time or room); summitkit also reports a new length, speakers who join,
leave or change role, a new title, a track's new chair, and every other edit
a speaker or an attendee would care about; it says whose programme each
change touches (:meth:`Changelog.for_speaker`).  :func:`summitkit.text.changelog`
writes a changelog for people to read, in any language summitkit writes.

>>> import summitkit as sk
>>> old = sk.examples.gsms2015()
>>> new = old.cancel("keynote-modern-workplace")
>>> diff(old, new).changes
(Cancelled(session_id='keynote-modern-workplace'),)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from summitkit._people import Participant
from summitkit._pretty import PrettyPrinter, counted, short_id
from summitkit._sessions import Session, Status
from summitkit._spans import start_key
from summitkit._summit import Summit, summit_argument
from summitkit._summit_changes import (
    MEMBERS,
    PART_KINDS,
    AvailabilityChanged,
    CapacityChanged,
    ChairChanged,
    Change,
    DayWindowsChanged,
    OrganizationAdded,
    OrganizationChange,
    OrganizationEdited,
    OrganizationRemoved,
    OrganizationRenamed,
    Part,
    RoomAdded,
    RoomChange,
    RoomEdited,
    RoomHoursChanged,
    RoomRemoved,
    RoomRenamed,
    SessionChange,
    SpeakerAdded,
    SpeakerChange,
    SpeakerEdited,
    SpeakerRemoved,
    SpeakerRenamed,
    SummitChange,
    SummitEdited,
    SummitRenamed,
    SummitReordered,
    SummitRolesChanged,
    TrackAdded,
    TrackChange,
    TrackEdited,
    TrackRemoved,
    TrackRetitled,
    VenueAdded,
    VenueChange,
    VenueEdited,
    VenueHoursChanged,
    VenueRemoved,
    VenueRenamed,
)
from summitkit._summit_diff import field_changes, part_changes, participant_changes
from summitkit._text import LocalizedText, localized_text, to_localized_text
from summitkit._time import TimeSlot
from summitkit._validators import as_tuple, describe, identifier, instance_of, optional, tuple_of
from summitkit.exceptions import InvalidTypeError, InvalidValueError, UnknownIdError

__all__ = [
    "Added",
    "AvailabilityChanged",
    "Cancelled",
    "CapacityChanged",
    "ChairChanged",
    "Change",
    "Changelog",
    "DayWindowsChanged",
    "Edited",
    "Moved",
    "OrganizationAdded",
    "OrganizationChange",
    "OrganizationEdited",
    "OrganizationRemoved",
    "OrganizationRenamed",
    "ParentChanged",
    "Part",
    "ParticipantsChanged",
    "Reinstated",
    "Removed",
    "Reroomed",
    "Retimed",
    "Retitled",
    "RoomAdded",
    "RoomChange",
    "RoomEdited",
    "RoomHoursChanged",
    "RoomRemoved",
    "RoomRenamed",
    "Scheduled",
    "SessionChange",
    "SpeakerAdded",
    "SpeakerChange",
    "SpeakerEdited",
    "SpeakerRemoved",
    "SpeakerRenamed",
    "SummitChange",
    "SummitEdited",
    "SummitRenamed",
    "SummitReordered",
    "SummitRolesChanged",
    "TrackAdded",
    "TrackChange",
    "TrackEdited",
    "TrackRemoved",
    "TrackRetitled",
    "Unscheduled",
    "VenueAdded",
    "VenueChange",
    "VenueEdited",
    "VenueHoursChanged",
    "VenueRemoved",
    "VenueRenamed",
    "diff",
]


# -- the changes ---------------------------------------------------------------


_is_slot = instance_of(TimeSlot, "a TimeSlot")
_is_session = instance_of(Session, "a session (Keynote, Panel, Talk, ...)")


# Typed per element: mypy takes __init__'s parameter type from a converter's
# signature and cannot solve a generic one.
def _participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return as_tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)


@attrs.frozen
class _WholeSession(SessionChange):
    """A change that carries a whole session: it was added or removed."""

    session: Session = attrs.field(validator=_is_session)
    # Taken from the session, so that the two cannot disagree.
    session_id: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "session_id", self.session.id)


@attrs.frozen
class Added(_WholeSession):
    """A session that only the new version has.

    Attributes:
        session: The session, as the new version has it.
    """


@attrs.frozen
class Removed(_WholeSession):
    """A session that only the old version has: not cancelled, gone.

    Attributes:
        session: The session, as the old version had it.
    """


@attrs.frozen
class Cancelled(SessionChange):
    """A scheduled session that is now cancelled."""


@attrs.frozen
class Reinstated(SessionChange):
    """A cancelled session that is scheduled again."""


@attrs.frozen
class Scheduled(SessionChange):
    """An untimed session that now has a time slot.

    Attributes:
        new_slot: Its slot in the new version.
    """

    new_slot: TimeSlot = attrs.field(validator=_is_slot)


@attrs.frozen
class Unscheduled(SessionChange):
    """A timed session that no longer has a time slot.

    Attributes:
        old_slot: Its slot in the old version.
    """

    old_slot: TimeSlot = attrs.field(validator=_is_slot)


@attrs.frozen
class _NewSlot(SessionChange):
    """A timed session with another slot: what :class:`Moved` and :class:`Retimed` carry."""

    old_slot: TimeSlot = attrs.field(validator=_is_slot)
    new_slot: TimeSlot = attrs.field(validator=_is_slot)


# Moved and Retimed carry the same fields but say different things, and a
# session both moved and retimed has one of each: two kinds, one shape.
@attrs.frozen
class Moved(_NewSlot):
    """A timed session that starts at another instant.

    One that also lasts longer or shorter is :class:`Retimed` too.

    Attributes:
        old_slot: Its slot in the old version.
        new_slot: Its slot in the new version.
    """


@attrs.frozen
class Retimed(_NewSlot):
    """A timed session that lasts longer or shorter.

    Attributes:
        old_slot: Its slot in the old version.
        new_slot: Its slot in the new version.
    """


@attrs.frozen
class Reroomed(SessionChange):
    """A session in another room, or one that gained or lost its room.

    Attributes:
        old_room: The id of its room in the old version, or ``None``.
        new_room: The id of its room in the new version, or ``None``.
    """

    old_room: str | None = attrs.field(validator=optional(identifier))
    new_room: str | None = attrs.field(validator=optional(identifier))


@attrs.frozen
class ParentChanged(SessionChange):
    """A session put inside another one, taken out of one, or moved to another.

    A session inside another (a lightning talk in its block, a workshop in a
    festival's day) never clashes with it, so this can change what
    :func:`summitkit.schedule.conflicts` reports.

    Attributes:
        old_parent: The id of the session it was part of, or ``None``.
        new_parent: The id of the session it is part of, or ``None``.
    """

    old_parent: str | None = attrs.field(validator=optional(identifier))
    new_parent: str | None = attrs.field(validator=optional(identifier))


@attrs.frozen
class Retitled(SessionChange):
    """A session with another title, in any of its languages.

    Attributes:
        old_title: Its title in the old version.
        new_title: Its title in the new version.
    """

    old_title: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    new_title: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)


@attrs.frozen
class ParticipantsChanged(SessionChange):
    """A session whose speakers, their roles or their order changed.

    A speaker whose role changed is removed in the old role and added in the
    new one.

    Attributes:
        added: Participants only the new version has, in its order.
        removed: Participants only the old version had, in its order.
        reordered: Whether the participants both versions have are listed
            in another order; adding or removing someone alone is not
            reordering.
    """

    added: tuple[Participant, ...] = attrs.field(
        default=(),
        converter=_participants,
        validator=tuple_of(Participant, "a Participant"),
        kw_only=True,
    )
    removed: tuple[Participant, ...] = attrs.field(
        default=(),
        converter=_participants,
        validator=tuple_of(Participant, "a Participant"),
        kw_only=True,
    )
    reordered: bool = attrs.field(
        default=False, validator=instance_of(bool, "True or False"), kw_only=True
    )


@attrs.frozen
class Edited(SessionChange):
    """Any other difference: the names of the fields that differ.

    ``"kind"`` means the session is of another kind (a talk that became a
    keynote); ``"slot"`` means the slot's instants are the same but an
    estimate flag or its zone is not (other slot changes have kinds of their
    own); any other name is a field of the session, such as ``"abstract"``,
    ``"language"``, ``"track"`` or one the model gains later.

    Attributes:
        fields: The names, ``"kind"`` first, then in the order of the
            session's fields.
    """

    fields: tuple[str, ...] = attrs.field(converter=_names, validator=tuple_of(str, "a field name"))


# Within a session, changes come in this order: what happens to the session
# as a whole, then its time, place, title and people, then everything else.
_SESSION_KINDS: tuple[type[Change], ...] = (
    Added,
    Removed,
    Cancelled,
    Reinstated,
    Scheduled,
    Unscheduled,
    Moved,
    Retimed,
    Reroomed,
    ParentChanged,
    Retitled,
    ParticipantsChanged,
    Edited,
)
# Every kind, in the order diff lists them: parts besides sessions first.
_KINDS: tuple[type[Change], ...] = (*PART_KINDS, *_SESSION_KINDS)

# -- comparing two versions ----------------------------------------------------


def _time_key(session: Session) -> tuple[dt.datetime, str]:
    """Sessions by start instant, untimed last, ties by id."""
    return (start_key(session.slot), session.id)


def diff(old: Summit, new: Summit) -> Changelog:
    """The changes that turn summit *old* into summit *new*.

    Every part of the summit is compared: its own fields, its venue, and
    its rooms, organizations, speakers, tracks and sessions, each matched
    by id.  Changes come part by part in that order:

    * the summit: :class:`SummitRenamed`, :class:`DayWindowsChanged`,
      :class:`SummitRolesChanged`, :class:`SummitEdited`,
      :class:`SummitReordered`;
    * the venue: :class:`VenueAdded`, :class:`VenueRemoved`,
      :class:`VenueRenamed`, :class:`VenueHoursChanged`, :class:`VenueEdited`;
    * each room: :class:`RoomAdded`, :class:`RoomRemoved`,
      :class:`RoomRenamed`, :class:`CapacityChanged`,
      :class:`RoomHoursChanged`, :class:`RoomEdited`;
    * each organization: :class:`OrganizationAdded`,
      :class:`OrganizationRemoved`, :class:`OrganizationRenamed`,
      :class:`OrganizationEdited`;
    * each speaker: :class:`SpeakerAdded`, :class:`SpeakerRemoved`,
      :class:`SpeakerRenamed`, :class:`AvailabilityChanged`,
      :class:`SpeakerEdited`;
    * each track: :class:`TrackAdded`, :class:`TrackRemoved`,
      :class:`TrackRetitled`, :class:`ChairChanged`, :class:`TrackEdited`;
    * each session: :class:`Added`, :class:`Removed`, :class:`Cancelled`,
      :class:`Reinstated`, :class:`Scheduled`, :class:`Unscheduled`,
      :class:`Moved`, :class:`Retimed`, :class:`Reroomed`,
      :class:`ParentChanged`, :class:`Retitled`,
      :class:`ParticipantsChanged`, :class:`Edited`.

    Rooms, organizations, speakers and tracks come in the new version's
    order, then the removed ones in the old version's order; sessions in
    the new version's time order (untimed last, ties by id), then the
    removed ones in the old version's time order.  One member's changes come
    in the order listed above.

    The changelog is empty exactly when ``old == new``.

    Args:
        old: The earlier version.
        new: The later version.

    Returns:
        The changes, with both versions, which rendering needs.

    Raises:
        InvalidTypeError: If *old* or *new* is not a :class:`~summitkit.Summit`.
    """
    summit_argument(old, name="diff(old)")
    summit_argument(new, name="diff(new)")
    changes = part_changes(old, new)
    before = {session.id: session for session in old.sessions}
    after = {session.id for session in new.sessions}
    for session in sorted(new.sessions, key=_time_key):
        earlier = before.get(session.id)
        if earlier is None:
            changes.append(Added(session))
        else:
            changes += _session_changes(earlier, session)
    changes += (
        Removed(session)
        for session in sorted(old.sessions, key=_time_key)
        if session.id not in after
    )
    return Changelog(old, new, changes=changes)


def _session_changes(old: Session, new: Session) -> list[Change]:
    """The changes from *old* to *new*, two versions of one session."""
    if old == new:
        return []
    kinds = {name: functools.partial(make, new.id) for name, make in _FIELD_CHANGES.items()}
    changes, edited = field_changes(old, new, kinds)
    if edited:
        changes.append(Edited(new.id, edited))
    return sorted(changes, key=lambda change: _SESSION_KINDS.index(type(change)))


def _status_changes(session_id: str, old: Status, new: Status) -> list[Change]:
    if (old, new) == (Status.SCHEDULED, Status.CANCELLED):
        return [Cancelled(session_id)]
    if (old, new) == (Status.CANCELLED, Status.SCHEDULED):
        return [Reinstated(session_id)]
    return []  # a status the model may gain later is an edit


def _slot_changes(session_id: str, old: TimeSlot | None, new: TimeSlot | None) -> list[Change]:
    if old is None:
        return [] if new is None else [Scheduled(session_id, new)]
    if new is None:
        return [Unscheduled(session_id, old)]
    changes: list[Change] = []
    if old.utc_bounds[0] != new.utc_bounds[0]:
        changes.append(Moved(session_id, old, new))
    if old.duration != new.duration:
        changes.append(Retimed(session_id, old, new))
    return changes  # none: the instants are the same, so the slot is only edited


def _participant_changes(
    session_id: str, old: tuple[Participant, ...], new: tuple[Participant, ...]
) -> ParticipantsChanged:
    added, removed, reordered = participant_changes(old, new)
    return ParticipantsChanged(session_id, added=added, removed=removed, reordered=reordered)


# The fields with kinds of change of their own; an empty list means an edit.
_FIELD_CHANGES: dict[str, Callable[[str, Any, Any], list[Change]]] = {
    "status": _status_changes,
    "slot": _slot_changes,
    "room": lambda session_id, old, new: [Reroomed(session_id, old, new)],
    "parent": lambda session_id, old, new: [ParentChanged(session_id, old, new)],
    "title": lambda session_id, old, new: [Retitled(session_id, old, new)],
    "participants": lambda session_id, old, new: [_participant_changes(session_id, old, new)],
}


# -- the changelog -------------------------------------------------------------


def _changes(value: Iterable[Change]) -> tuple[Change, ...]:
    return as_tuple(value)


_is_summit = instance_of(Summit, "a Summit")


@attrs.frozen
class Changelog:
    """The changes between two versions of a summit, as :func:`diff` finds them.

    Iterate over it, take its ``len``, or test it: an empty one is false.

    Attributes:
        old: The earlier version.
        new: The later version.
        changes: The changes, part by part.

    Raises:
        InvalidValueError: If a change is about a session, track, room,
            speaker or organization neither version has, or about the venue
            when neither version has one.
    """

    old: Summit = attrs.field(validator=_is_summit, repr=False)
    new: Summit = attrs.field(validator=_is_summit, repr=False)
    changes: tuple[Change, ...] = attrs.field(
        default=(),
        converter=_changes,
        validator=tuple_of(_KINDS, "a kind of Change, such as Moved"),
        kw_only=True,
    )

    def __attrs_post_init__(self) -> None:
        versions = (self.old, self.new)
        known: dict[Part, set[str]] = {}
        for index, change in enumerate(self.changes):
            part, subject_id = change.part, change.subject_id
            if part is Part.VENUE and all(summit.venue is None for summit in versions):
                raise InvalidValueError(
                    f"Changelog.changes[{index}]",
                    "neither version has a venue; expected changes to the venue "
                    "only when old or new has one",
                )
            if subject_id is None:
                continue
            if part not in known:
                known[part] = {m.id for summit in versions for m in _members(summit, part)}
            if subject_id not in known[part]:
                raise InvalidValueError(
                    f"Changelog.changes[{index}]",
                    f"{part} {subject_id!r} is in neither version; "
                    f"expected changes to {part}s of old or new",
                )

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __repr__(self) -> str:
        """The summit and how many changes to each part, in one short line.

        >>> import summitkit as sk
        >>> old = sk.examples.gsms2015()
        >>> diff(old, old.cancel("keynote-modern-workplace"))
        <Changelog 'gsms2015': 1 change (session: 1)>
        """
        by_part: dict[Part, int] = {}
        for change in self.changes:
            by_part[change.part] = by_part.get(change.part, 0) + 1
        parts = ", ".join(f"{part}: {by_part[part]}" for part in Part if part in by_part)
        detail = f" ({parts})" if parts else ""
        return (
            f"<Changelog {short_id(self.new.id)}: {counted(len(self.changes), 'change')}{detail}>"
        )

    def _repr_pretty_(self, printer: PrettyPrinter, cycle: bool) -> None:  # noqa: ARG002, FBT001  # IPython's signature
        printer.text(repr(self))

    def __str__(self) -> str:
        """The changelog as people read it, in English: :func:`summitkit.text.changelog`."""
        from summitkit.text import _display  # noqa: PLC0415  # a display call: see docs/layout.md

        return _display.changelog_text(self)

    def _repr_html_(self) -> str:
        """The changelog as HTML, for notebooks: :func:`summitkit.text.html`."""
        from summitkit.text import _html  # noqa: PLC0415  # a display call: see docs/layout.md

        return _html.html(self)

    @property
    def session_ids(self) -> tuple[str, ...]:
        """The ids of the sessions that changed, each once, in changelog order."""
        return tuple(
            dict.fromkeys(
                change.session_id for change in self.changes if isinstance(change, SessionChange)
            )
        )

    @property
    def subjects(self) -> tuple[tuple[Part, str | None], ...]:
        """What changed, as ``(part, id)`` pairs, each once, in changelog order.

        The id is ``None`` for the venue and for the summit itself.
        """
        return tuple(dict.fromkeys((change.part, change.subject_id) for change in self.changes))

    def for_speaker(self, speaker_id: str) -> Changelog:
        """What changed in the programme of speaker *speaker_id*.

        A change is kept when, in the old version or the new one:

        * it is about a session the speaker takes part in, in any role, or
          whose track the speaker chairs (a track's chair takes
          part in each of its sessions);
        * it is about a track the speaker chairs, or one of whose
          sessions the speaker takes part in: so a new chair concerns both
          the old and the new one;
        * it is about a room one of those sessions is in;
        * it is about the speaker, or the organization the speaker belongs to;
        * it is about the venue or the summit itself, which concern
          everyone; only :class:`SummitReordered` concerns no one, as a new
          order of the summit's lists changes nobody's programme.

        A speaker taken off a session, or off the summit, still sees that
        change.

        Raises:
            UnknownIdError: If neither version has the speaker.
        """
        if not isinstance(speaker_id, str):
            raise InvalidTypeError(
                "Changelog.for_speaker(speaker_id)",
                f"expected a speaker id string, got {describe(speaker_id)}",
            )
        versions = (self.old, self.new)
        if not any(speaker_id in {s.id for s in summit.speakers} for summit in versions):
            raise UnknownIdError(f"neither version has a speaker with id {speaker_id!r}")
        concerned = _concerning(self.old, speaker_id) | _concerning(self.new, speaker_id)
        return attrs.evolve(
            self,
            changes=tuple(
                change
                for change in self.changes
                if (change.part, change.subject_id) in concerned
                or (change.part in _EVERYONE and not isinstance(change, SummitReordered))
            ),
        )


# The parts whose changes concern every speaker.
_EVERYONE = frozenset({Part.SUMMIT, Part.VENUE})


def _members(summit: Summit, part: Part) -> tuple[Any, ...]:
    """The members of *summit* that changes to *part* name by id."""
    members: tuple[Any, ...] = getattr(summit, MEMBERS[part])
    return members


def _concerning(summit: Summit, speaker_id: str) -> set[tuple[Part, str | None]]:
    """The parts of *summit* whose changes change *speaker_id*'s programme.

    Every part a change to which :meth:`Changelog.for_speaker` keeps,
    besides the venue and the summit, which concern everyone.
    """
    chaired = {track.id for track in summit.tracks if track.chair == speaker_id}
    found: set[tuple[Part, str | None]] = {(Part.SPEAKER, speaker_id)}
    found.update((Part.TRACK, track_id) for track_id in chaired)
    for speaker in summit.speakers:
        if speaker.id == speaker_id and speaker.organization is not None:
            found.add((Part.ORGANIZATION, speaker.organization))
    for session in summit.sessions:
        chairs = session.track is not None and session.track in chaired
        if not chairs and speaker_id not in session.speakers:
            continue
        found.add((Part.SESSION, session.id))
        if session.room is not None:
            found.add((Part.ROOM, session.room))
        if session.track is not None:
            found.add((Part.TRACK, session.track))
    return found
