"""Comparing two versions of a summit, except their sessions.

:func:`part_changes` compares the summit's own fields, its venue, rooms,
organizations, speakers and tracks; :func:`field_changes` finds
the fields in which two versions of any one value differ, for those and for
sessions, which :func:`summitkit.changes.diff` compares itself.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Protocol, TypeVar

import attrs

from summitkit._people import Organization, Participant, Speaker
from summitkit._sessions import Track
from summitkit._summit import Summit
from summitkit._summit_changes import (
    MEMBERS,
    PART_KINDS,
    AvailabilityChanged,
    CapacityChanged,
    ChairChanged,
    Change,
    DayWindowsChanged,
    OrganizationAdded,
    OrganizationEdited,
    OrganizationRemoved,
    OrganizationRenamed,
    RoomAdded,
    RoomEdited,
    RoomHoursChanged,
    RoomRemoved,
    RoomRenamed,
    SpeakerAdded,
    SpeakerEdited,
    SpeakerRemoved,
    SpeakerRenamed,
    SummitEdited,
    SummitRenamed,
    SummitReordered,
    SummitRolesChanged,
    TrackAdded,
    TrackEdited,
    TrackRemoved,
    TrackRetitled,
    VenueAdded,
    VenueEdited,
    VenueHoursChanged,
    VenueRemoved,
    VenueRenamed,
)
from summitkit._venue import Room, Venue

__all__ = ["COLLECTIONS", "FieldKinds", "field_changes", "part_changes", "participant_changes"]

#: The summit's fields that hold its members, in the order :func:`part_changes`
#: compares them (sessions last, compared by :func:`summitkit.changes.diff`).
COLLECTIONS: tuple[str, ...] = tuple(MEMBERS.values())

_MISSING = object()

#: Makes the changes of their own kind for one field from its old and new
#: values; an empty list means the field is only edited.
FieldKinds = Mapping[str, Callable[[Any, Any], list[Change]]]


def field_changes(
    old: attrs.AttrsInstance,
    new: attrs.AttrsInstance,
    kinds: FieldKinds,
    skip: Collection[str] = (),
) -> tuple[list[Change], list[str]]:
    """The fields in which two versions of one attrs value differ, as ``==`` compares them.

    Fields are found on both versions' classes, so a field the model gains
    later is found without any change here.

    Args:
        old: The old version.
        new: The new version.
        kinds: The fields with kinds of change of their own.
        skip: Fields compared elsewhere.

    Returns:
        The changes *kinds* made, in field order, and the names of the other
        fields that differ: ``"kind"`` first if the classes differ, then in
        the order of the new class's fields and any only the old one has.
    """
    edited = ["kind"] if type(old) is not type(new) else []
    changes: list[Change] = []
    for name, attribute in _field_union(old, new):
        if name in skip:
            continue
        before, after = getattr(old, name, _MISSING), getattr(new, name, _MISSING)
        if not _differs(attribute, before, after):
            continue
        make = kinds.get(name)
        both = before is not _MISSING and after is not _MISSING
        found = make(before, after) if make is not None and both else []
        if found:
            changes += found
        else:
            edited.append(name)
    return changes, edited


def _field_union(
    old: attrs.AttrsInstance, new: attrs.AttrsInstance
) -> list[tuple[str, attrs.Attribute[Any]]]:
    """The fields of both versions' classes: the new one's, then any only the old one has."""
    fields = {a.name: a for a in attrs.fields(type(new))}
    for attribute in attrs.fields(type(old)):
        fields.setdefault(attribute.name, attribute)
    return list(fields.items())


def _differs(attribute: attrs.Attribute[Any], old: object, new: object) -> bool:
    """Whether the values differ as the value's own ``==`` compares them."""
    if not attribute.eq:
        return False
    if old is _MISSING or new is _MISSING:
        return old is not new
    # attrs' stubs do not declare eq_key: the key a field with eq=... compares.
    key: Callable[[object], object] | None = getattr(attribute, "eq_key", None)
    return key(old) != key(new) if key is not None else old != new


def _member_changes(
    old: attrs.AttrsInstance,
    new: attrs.AttrsInstance,
    kinds: FieldKinds,
    edited: Callable[[list[str]], Change],
) -> list[Change]:
    """The changes from *old* to *new*, two versions of one member, then its edit."""
    if old == new:
        return []
    changes, fields = field_changes(old, new, kinds)
    if fields:
        changes.append(edited(fields))
    return sorted(changes, key=lambda change: PART_KINDS.index(type(change)))


class _Member(Protocol):
    @property
    def id(self) -> str: ...


_M = TypeVar("_M", bound=_Member)


def _collection_changes(
    old: Sequence[_M],
    new: Sequence[_M],
    added: Callable[[_M], Change],
    removed: Callable[[_M], Change],
    compare: Callable[[_M, _M], list[Change]],
) -> list[Change]:
    """Members in the new version's order, then the removed ones in the old version's."""
    before = {member.id: member for member in old}
    after = {member.id for member in new}
    changes: list[Change] = []
    for member in new:
        earlier = before.get(member.id)
        changes += [added(member)] if earlier is None else compare(earlier, member)
    changes += (removed(member) for member in old if member.id not in after)
    return changes


def _reordered(old: Sequence[_Member], new: Sequence[_Member]) -> bool:
    """Whether the members both lists have come in another order."""
    before = {member.id for member in old}
    after = {member.id for member in new}
    kept_before = [member.id for member in old if member.id in after]
    kept_after = [member.id for member in new if member.id in before]
    return kept_before != kept_after


def part_changes(old: Summit, new: Summit) -> list[Change]:
    """The changes to everything but the sessions, from summit *old* to summit *new*.

    In this order: the summit's own fields, its venue, rooms,
    organizations, speakers and tracks.  Members of a collection
    come in the new version's order, then the removed ones in the old
    version's; one member's changes in the order of :data:`PART_KINDS`.
    """
    if old == new:
        return []
    changes = _summit_changes(old, new)
    changes += _venue_changes(old.venue, new.venue)
    changes += _collection_changes(old.rooms, new.rooms, RoomAdded, RoomRemoved, _room_changes)
    changes += _collection_changes(
        old.organizations,
        new.organizations,
        OrganizationAdded,
        OrganizationRemoved,
        _organization_changes,
    )
    changes += _collection_changes(
        old.speakers, new.speakers, SpeakerAdded, SpeakerRemoved, _speaker_changes
    )
    changes += _collection_changes(old.tracks, new.tracks, TrackAdded, TrackRemoved, _track_changes)
    return changes


def participant_changes(
    old: Sequence[Participant], new: Sequence[Participant]
) -> tuple[tuple[Participant, ...], tuple[Participant, ...], bool]:
    """Who is only in *new*, who only in *old*, and whether those in both are in another order."""
    before, after = set(old), set(new)
    kept_before = [p for p in old if p in after]
    kept_after = [p for p in new if p in before]
    return (
        tuple(p for p in new if p not in before),
        tuple(p for p in old if p not in after),
        kept_before != kept_after,
    )


def _roles_changes(old: Sequence[Participant], new: Sequence[Participant]) -> list[Change]:
    added, removed, reordered = participant_changes(old, new)
    return [SummitRolesChanged(added=added, removed=removed, reordered=reordered)]


def _summit_changes(old: Summit, new: Summit) -> list[Change]:
    kinds: FieldKinds = {
        "name": lambda before, after: [SummitRenamed(before, after)],
        "day_windows": lambda before, after: [DayWindowsChanged(before, after)],
        "roles": _roles_changes,
    }
    # The venue and the members are parts of their own.
    changes, fields = field_changes(old, new, kinds, skip={*COLLECTIONS, "venue"})
    if fields:
        changes.append(SummitEdited(fields))
    changes.sort(key=lambda change: PART_KINDS.index(type(change)))
    reordered = [name for name in COLLECTIONS if _reordered(getattr(old, name), getattr(new, name))]
    if reordered:
        changes.append(SummitReordered(reordered))
    return changes


def _venue_changes(old: Venue | None, new: Venue | None) -> list[Change]:
    if old is None:
        return [] if new is None else [VenueAdded(new)]
    if new is None:
        return [VenueRemoved(old)]
    kinds: FieldKinds = {
        "name": lambda before, after: [VenueRenamed(before, after)],
        "opening_hours": lambda before, after: [VenueHoursChanged(before, after)],
    }
    return _member_changes(old, new, kinds, VenueEdited)


def _room_changes(old: Room, new: Room) -> list[Change]:
    room_id = new.id
    kinds: FieldKinds = {
        "name": lambda before, after: [RoomRenamed(room_id, before, after)],
        "capacity": lambda before, after: [CapacityChanged(room_id, before, after)],
        "opening_hours": lambda before, after: [RoomHoursChanged(room_id, before, after)],
    }
    return _member_changes(old, new, kinds, lambda fields: RoomEdited(room_id, fields))


def _organization_changes(old: Organization, new: Organization) -> list[Change]:
    organization_id = new.id
    kinds: FieldKinds = {
        "name": lambda before, after: [OrganizationRenamed(organization_id, before, after)],
    }
    return _member_changes(
        old, new, kinds, lambda fields: OrganizationEdited(organization_id, fields)
    )


def _speaker_changes(old: Speaker, new: Speaker) -> list[Change]:
    speaker_id = new.id
    kinds: FieldKinds = {
        "name": lambda before, after: [SpeakerRenamed(speaker_id, before, after)],
        "availability": lambda before, after: [AvailabilityChanged(speaker_id, before, after)],
    }
    return _member_changes(old, new, kinds, lambda fields: SpeakerEdited(speaker_id, fields))


def _track_changes(old: Track, new: Track) -> list[Change]:
    track_id = new.id
    kinds: FieldKinds = {
        "title": lambda before, after: [TrackRetitled(track_id, before, after)],
        "chair": lambda before, after: [ChairChanged(track_id, before, after)],
    }
    return _member_changes(old, new, kinds, lambda fields: TrackEdited(track_id, fields))
