"""What every change has in common, and the kinds of change to a summit besides its sessions.

Every change names the :class:`Part` of the summit it is about and, for a
session, track, room, speaker or organization, that member's id.  This
module holds the bases and the kinds of change to the summit's own fields,
its venue, rooms, organizations, speakers and tracks;
:mod:`summitkit._summit_diff` finds them, and :mod:`summitkit.changes` adds
the kinds of change to a session and is the public face of all three.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs

from summitkit._enums import TextEnum
from summitkit._people import Organization, Participant, Speaker
from summitkit._sessions import Track
from summitkit._text import LocalizedText, localized_text, to_localized_text
from summitkit._time import TimeSlot, time_slots
from summitkit._validators import (
    as_tuple,
    identifier,
    instance_of,
    optional,
    positive_int,
    tuple_of,
)
from summitkit._venue import Room, Venue
from summitkit.exceptions import InvalidTypeError

__all__ = [
    "MEMBERS",
    "PART_KINDS",
    "AvailabilityChanged",
    "CapacityChanged",
    "ChairChanged",
    "Change",
    "DayWindowsChanged",
    "OrganizationAdded",
    "OrganizationChange",
    "OrganizationEdited",
    "OrganizationRemoved",
    "OrganizationRenamed",
    "Part",
    "RoomAdded",
    "RoomChange",
    "RoomEdited",
    "RoomHoursChanged",
    "RoomRemoved",
    "RoomRenamed",
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
    "VenueAdded",
    "VenueChange",
    "VenueEdited",
    "VenueHoursChanged",
    "VenueRemoved",
    "VenueRenamed",
]


class Part(TextEnum):
    """The part of a summit a change is about."""

    #: The summit's own fields (its name, days, zone, ...).
    SUMMIT = "summit"
    #: Its venue.
    VENUE = "venue"
    #: One of its rooms.
    ROOM = "room"
    #: One of its organizations.
    ORGANIZATION = "organization"
    #: One of its speakers.
    SPEAKER = "speaker"
    #: One of its tracks or workshops.
    TRACK = "track"
    #: One of its sessions.
    SESSION = "session"


#: The summit's field that holds the members of each part that has members,
#: in the order the parts are compared (sessions last).
MEMBERS: dict[Part, str] = {
    Part.ROOM: "rooms",
    Part.ORGANIZATION: "organizations",
    Part.SPEAKER: "speakers",
    Part.TRACK: "tracks",
    Part.SESSION: "sessions",
}


# Typed per element: mypy takes __init__'s parameter type from a converter's
# signature and cannot solve a generic one.
def _names(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)


def _participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return as_tuple(value)


_is_names = tuple_of(str, "a field name")
_is_hours = tuple_of(TimeSlot, "a TimeSlot")
_is_participants = tuple_of(Participant, "a Participant")


# -- the bases -----------------------------------------------------------------


@attrs.frozen
class Change:
    """What every change has in common: the part of the summit it is about.

    Use one of the concrete kinds; ``Change`` and the base of each part
    (:class:`SessionChange`, :class:`TrackChange`, :class:`RoomChange`,
    :class:`SpeakerChange`, :class:`OrganizationChange`,
    :class:`VenueChange`, :class:`SummitChange`) are for ``isinstance``
    checks, ``match`` statements and annotations.

    Attributes:
        part: The :class:`Part` of the summit that changed (a class attribute).
    """

    part: ClassVar[Part]

    @property
    def subject_id(self) -> str | None:
        """The id of the session, track, room, speaker or organization that changed.

        ``None`` for a change to the venue or to the summit itself, which
        have no id of their own.
        """
        return None

    def __attrs_post_init__(self) -> None:
        example = _ABSTRACT.get(type(self))
        if example is not None:
            name = type(self).__name__
            raise InvalidTypeError(
                name, f"{name} is abstract; build one of its kinds, such as {example}"
            )


@attrs.frozen
class SessionChange(Change):
    """What every change to a session has in common.

    Attributes:
        session_id: The id of the session that changed.
    """

    part: ClassVar[Part] = Part.SESSION
    session_id: str = attrs.field(validator=identifier)

    @property
    def subject_id(self) -> str:
        """The id of the session that changed."""
        return self.session_id


@attrs.frozen
class TrackChange(Change):
    """What every change to a track or workshop has in common.

    Attributes:
        track_id: The id of the track that changed.
    """

    part: ClassVar[Part] = Part.TRACK
    track_id: str = attrs.field(validator=identifier)

    @property
    def subject_id(self) -> str:
        """The id of the track that changed."""
        return self.track_id


@attrs.frozen
class RoomChange(Change):
    """What every change to a room has in common.

    Attributes:
        room_id: The id of the room that changed.
    """

    part: ClassVar[Part] = Part.ROOM
    room_id: str = attrs.field(validator=identifier)

    @property
    def subject_id(self) -> str:
        """The id of the room that changed."""
        return self.room_id


@attrs.frozen
class SpeakerChange(Change):
    """What every change to a speaker has in common.

    Attributes:
        speaker_id: The id of the speaker that changed.
    """

    part: ClassVar[Part] = Part.SPEAKER
    speaker_id: str = attrs.field(validator=identifier)

    @property
    def subject_id(self) -> str:
        """The id of the speaker that changed."""
        return self.speaker_id


@attrs.frozen
class OrganizationChange(Change):
    """What every change to an organization has in common.

    Attributes:
        organization_id: The id of the organization that changed.
    """

    part: ClassVar[Part] = Part.ORGANIZATION
    organization_id: str = attrs.field(validator=identifier)

    @property
    def subject_id(self) -> str:
        """The id of the organization that changed."""
        return self.organization_id


@attrs.frozen
class VenueChange(Change):
    """What every change to the summit's venue has in common."""

    part: ClassVar[Part] = Part.VENUE


@attrs.frozen
class SummitChange(Change):
    """What every change to the summit's own fields has in common."""

    part: ClassVar[Part] = Part.SUMMIT


# -- the summit ----------------------------------------------------------------


@attrs.frozen
class SummitRenamed(SummitChange):
    """The summit has another name, in any of its languages.

    Attributes:
        old_name: Its name in the old version.
        new_name: Its name in the new version.
    """

    old_name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    new_name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)


@attrs.frozen
class DayWindowsChanged(SummitChange):
    """The summit's days have other announced hours; no windows mean none announced.

    Attributes:
        old_windows: Its :attr:`~summitkit.Summit.day_windows` in the old version.
        new_windows: Its day windows in the new version.
    """

    old_windows: tuple[TimeSlot, ...] = attrs.field(converter=time_slots, validator=_is_hours)
    new_windows: tuple[TimeSlot, ...] = attrs.field(converter=time_slots, validator=_is_hours)


@attrs.frozen
class SummitRolesChanged(SummitChange):
    """Speakers took up or gave up roles in the whole summit, or are listed in another order.

    The summit's :attr:`~summitkit.Summit.roles` (its chairs, its
    organisers) are compared as a session's participants are: a speaker
    whose role changed is removed in the old role and added in the new one.

    Attributes:
        added: Roles only the new version has, in its order.
        removed: Roles only the old version had, in its order.
        reordered: Whether the roles both versions have are listed in
            another order; adding or removing one alone is not reordering.
    """

    added: tuple[Participant, ...] = attrs.field(
        default=(), converter=_participants, validator=_is_participants, kw_only=True
    )
    removed: tuple[Participant, ...] = attrs.field(
        default=(), converter=_participants, validator=_is_participants, kw_only=True
    )
    reordered: bool = attrs.field(
        default=False, validator=instance_of(bool, "True or False"), kw_only=True
    )


@attrs.frozen
class SummitEdited(SummitChange):
    """Other fields of the summit differ: its days, zone, edition, ...

    ``"kind"`` means the summit is of another class; any other name is a
    field of :class:`~summitkit.Summit`, such as ``"first_day"``,
    ``"timezone"`` or one the model gains later.

    Attributes:
        fields: The names, ``"kind"`` first, then in the order of the
            summit's fields.
    """

    fields: tuple[str, ...] = attrs.field(converter=_names, validator=_is_names)


@attrs.frozen
class SummitReordered(SummitChange):
    """Collections of the summit list the members both versions have in another order.

    Adding or removing members alone is not reordering.

    Attributes:
        collections: The names of the collections, such as ``"rooms"``,
            in the order of the summit's fields.
    """

    collections: tuple[str, ...] = attrs.field(
        converter=_names, validator=tuple_of(str, "a collection name")
    )


# -- the venue -----------------------------------------------------------------

_is_venue = instance_of(Venue, "a Venue")


@attrs.frozen
class VenueAdded(VenueChange):
    """Only the new version has a venue.

    Attributes:
        venue: The venue, as the new version has it.
    """

    venue: Venue = attrs.field(validator=_is_venue)


@attrs.frozen
class VenueRemoved(VenueChange):
    """Only the old version had a venue.

    Attributes:
        venue: The venue, as the old version had it.
    """

    venue: Venue = attrs.field(validator=_is_venue)


@attrs.frozen
class VenueRenamed(VenueChange):
    """The venue has another name, in any of its languages.

    Attributes:
        old_name: Its name in the old version.
        new_name: Its name in the new version.
    """

    old_name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    new_name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)


@attrs.frozen
class VenueHoursChanged(VenueChange):
    """The venue opens at other times; empty hours mean always open.

    Attributes:
        old_hours: Its opening hours in the old version.
        new_hours: Its opening hours in the new version.
    """

    old_hours: tuple[TimeSlot, ...] = attrs.field(converter=time_slots, validator=_is_hours)
    new_hours: tuple[TimeSlot, ...] = attrs.field(converter=time_slots, validator=_is_hours)


@attrs.frozen
class VenueEdited(VenueChange):
    """Other fields of the venue differ: its city, country, web site, ...

    Attributes:
        fields: The names, ``"kind"`` (another class) first, then in the
            order of the venue's fields.
    """

    fields: tuple[str, ...] = attrs.field(converter=_names, validator=_is_names)


# -- rooms ---------------------------------------------------------------------


@attrs.frozen
class _WholeRoom(RoomChange):
    """A change that carries a whole room: it was added or removed."""

    room: Room = attrs.field(validator=instance_of(Room, "a Room"))
    # Taken from the room, so that the two cannot disagree.
    room_id: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "room_id", self.room.id)


@attrs.frozen
class RoomAdded(_WholeRoom):
    """A room that only the new version has.

    Attributes:
        room: The room, as the new version has it.
    """


@attrs.frozen
class RoomRemoved(_WholeRoom):
    """A room that only the old version had.

    Attributes:
        room: The room, as the old version had it.
    """


@attrs.frozen
class RoomRenamed(RoomChange):
    """A room with another name, in any of its languages.

    Attributes:
        old_name: Its name in the old version.
        new_name: Its name in the new version.
    """

    old_name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    new_name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)


@attrs.frozen
class CapacityChanged(RoomChange):
    """A room that seats more or fewer people, or whose capacity became known or unknown.

    Attributes:
        old_capacity: How many it seated in the old version, or ``None``.
        new_capacity: How many it seats in the new version, or ``None``.
    """

    old_capacity: int | None = attrs.field(validator=optional(positive_int))
    new_capacity: int | None = attrs.field(validator=optional(positive_int))


@attrs.frozen
class RoomHoursChanged(RoomChange):
    """A room open at other times; empty hours mean whenever the venue is open.

    Attributes:
        old_hours: Its opening hours in the old version.
        new_hours: Its opening hours in the new version.
    """

    old_hours: tuple[TimeSlot, ...] = attrs.field(converter=time_slots, validator=_is_hours)
    new_hours: tuple[TimeSlot, ...] = attrs.field(converter=time_slots, validator=_is_hours)


@attrs.frozen
class RoomEdited(RoomChange):
    """Other fields of a room differ (fields the model gains later, or its class).

    Attributes:
        fields: The names, ``"kind"`` (another class) first, then in the
            order of the room's fields.
    """

    fields: tuple[str, ...] = attrs.field(converter=_names, validator=_is_names)


# -- organizations -------------------------------------------------------------


@attrs.frozen
class _WholeOrganization(OrganizationChange):
    """A change that carries a whole organization: it was added or removed."""

    organization: Organization = attrs.field(validator=instance_of(Organization, "an Organization"))
    # Taken from the organization, so that the two cannot disagree.
    organization_id: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "organization_id", self.organization.id)


@attrs.frozen
class OrganizationAdded(_WholeOrganization):
    """An organization that only the new version has.

    Attributes:
        organization: The organization, as the new version has it.
    """


@attrs.frozen
class OrganizationRemoved(_WholeOrganization):
    """An organization that only the old version had.

    Attributes:
        organization: The organization, as the old version had it.
    """


@attrs.frozen
class OrganizationRenamed(OrganizationChange):
    """An organization with another name, in any of its languages.

    Attributes:
        old_name: Its name in the old version.
        new_name: Its name in the new version.
    """

    old_name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    new_name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)


@attrs.frozen
class OrganizationEdited(OrganizationChange):
    """Other fields of an organization differ: its country, web site, ...

    Attributes:
        fields: The names, ``"kind"`` (another class) first, then in the
            order of the organization's fields.
    """

    fields: tuple[str, ...] = attrs.field(converter=_names, validator=_is_names)


# -- speakers ------------------------------------------------------------------


@attrs.frozen
class _WholeSpeaker(SpeakerChange):
    """A change that carries a whole speaker: added or removed."""

    speaker: Speaker = attrs.field(validator=instance_of(Speaker, "a Speaker"))
    # Taken from the speaker, so that the two cannot disagree.
    speaker_id: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "speaker_id", self.speaker.id)


@attrs.frozen
class SpeakerAdded(_WholeSpeaker):
    """A speaker that only the new version has.

    Attributes:
        speaker: The speaker, as the new version has them.
    """


@attrs.frozen
class SpeakerRemoved(_WholeSpeaker):
    """A speaker that only the old version had.

    Attributes:
        speaker: The speaker, as the old version had them.
    """


@attrs.frozen
class SpeakerRenamed(SpeakerChange):
    """A speaker whose name is written otherwise, in any of its languages.

    Attributes:
        old_name: The name in the old version (without honorific).
        new_name: The name in the new version (without honorific).
    """

    old_name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    new_name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)


@attrs.frozen
class AvailabilityChanged(SpeakerChange):
    """A speaker available at other times; empty availability means any time.

    Attributes:
        old_availability: When the speaker could take part, in the old version.
        new_availability: When the speaker can take part, in the new version.
    """

    old_availability: tuple[TimeSlot, ...] = attrs.field(converter=time_slots, validator=_is_hours)
    new_availability: tuple[TimeSlot, ...] = attrs.field(converter=time_slots, validator=_is_hours)


@attrs.frozen
class SpeakerEdited(SpeakerChange):
    """Other fields of a speaker differ: position, organization, biography, ...

    Attributes:
        fields: The names, ``"kind"`` (another class) first, then in the
            order of the speaker's fields.
    """

    fields: tuple[str, ...] = attrs.field(converter=_names, validator=_is_names)


# -- tracks --------------------------------------------------------------------


@attrs.frozen
class _WholeTrack(TrackChange):
    """A change that carries a whole track: it was added or removed."""

    track: Track = attrs.field(validator=instance_of(Track, "a Track"))
    # Taken from the track, so that the two cannot disagree.
    track_id: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "track_id", self.track.id)


@attrs.frozen
class TrackAdded(_WholeTrack):
    """A track or workshop that only the new version has.

    Attributes:
        track: The track, as the new version has it.
    """


@attrs.frozen
class TrackRemoved(_WholeTrack):
    """A track or workshop that only the old version had.

    Attributes:
        track: The track, as the old version had it.
    """


@attrs.frozen
class TrackRetitled(TrackChange):
    """A track with another title, in any of its languages.

    Attributes:
        old_title: Its title in the old version.
        new_title: Its title in the new version.
    """

    old_title: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    new_title: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)


@attrs.frozen
class ChairChanged(TrackChange):
    """A track chaired by someone else, or one that gained or lost its chair.

    A track's chair takes part in each of its sessions, so this changes the
    programme of both chairs.

    Attributes:
        old_chair: The id of its chair in the old version, or ``None``.
        new_chair: The id of its chair in the new version, or ``None``.
    """

    old_chair: str | None = attrs.field(validator=optional(identifier))
    new_chair: str | None = attrs.field(validator=optional(identifier))


@attrs.frozen
class TrackEdited(TrackChange):
    """Other fields of a track differ: its sector, abstract, ...

    ``"kind"`` means it is of another class: a :class:`~summitkit.Track`
    that became a :class:`~summitkit.WorkshopTrack`, or the reverse.

    Attributes:
        fields: The names, ``"kind"`` (another class) first, then in the
            order of the track's fields.
    """

    fields: tuple[str, ...] = attrs.field(converter=_names, validator=_is_names)


# The bases, and a kind to name when one of them is built.
_ABSTRACT: dict[type[Change], str] = {
    Change: "Moved",
    SessionChange: "Moved",
    TrackChange: "ChairChanged",
    RoomChange: "RoomRenamed",
    SpeakerChange: "AvailabilityChanged",
    OrganizationChange: "OrganizationRenamed",
    VenueChange: "VenueHoursChanged",
    SummitChange: "SummitRenamed",
}

#: The kinds of change to parts besides sessions, in the order
#: :func:`summitkit.changes.diff` lists them: part by part, and within one
#: member in this order.
PART_KINDS: tuple[type[Change], ...] = (
    SummitRenamed,
    DayWindowsChanged,
    SummitRolesChanged,
    SummitEdited,
    SummitReordered,
    VenueAdded,
    VenueRemoved,
    VenueRenamed,
    VenueHoursChanged,
    VenueEdited,
    RoomAdded,
    RoomRemoved,
    RoomRenamed,
    CapacityChanged,
    RoomHoursChanged,
    RoomEdited,
    OrganizationAdded,
    OrganizationRemoved,
    OrganizationRenamed,
    OrganizationEdited,
    SpeakerAdded,
    SpeakerRemoved,
    SpeakerRenamed,
    AvailabilityChanged,
    SpeakerEdited,
    TrackAdded,
    TrackRemoved,
    TrackRetitled,
    ChairChanged,
    TrackEdited,
)
