"""A change's subject, its old and new values and its sentence, each alone, for a table.

:func:`summitkit.text.changelog` writes a block per part that changed; a
table (:mod:`summitkit.frames`) wants each change on its own row, with what
it was and what it is as values of their own.  This module words them as
the changelog does, with its writer: times as spans (``~`` for an
estimate), rooms, sessions and people by name, in one language and zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from summitkit._sessions import Status
from summitkit.changes import (
    Added,
    AvailabilityChanged,
    Cancelled,
    CapacityChanged,
    ChairChanged,
    Change,
    Changelog,
    DayWindowsChanged,
    Moved,
    OrganizationAdded,
    OrganizationRemoved,
    OrganizationRenamed,
    ParentChanged,
    Part,
    ParticipantsChanged,
    Reinstated,
    Removed,
    Reroomed,
    Retimed,
    Retitled,
    RoomAdded,
    RoomHoursChanged,
    RoomRemoved,
    RoomRenamed,
    Scheduled,
    SpeakerAdded,
    SpeakerRemoved,
    SpeakerRenamed,
    SummitRenamed,
    SummitRolesChanged,
    TrackAdded,
    TrackRemoved,
    TrackRetitled,
    Unscheduled,
    VenueAdded,
    VenueHoursChanged,
    VenueRemoved,
    VenueRenamed,
)
from summitkit.text._changelog import _Changelog  # pyright: ignore[reportPrivateUsage]  # the changelog's own writer
from summitkit.text._language import FSI, PDI, Language

__all__ = ["ChangeCells", "change_cells"]

#: A change, and what a row shows of it: the name of what it is about, its
#: old and new values (``None`` where it has none), and its sentence.
ChangeCells = tuple[Change, str, str | None, str | None, str]


def change_cells(
    log: Changelog, words: Language, zone: ZoneInfo | dt.timezone
) -> Iterator[ChangeCells]:
    """Each change of *log*, in its order, with its cells in *words*, times in *zone*.

    Callers check the arguments first.
    """
    writer = _Changelog(log, words, zone)
    # A one-day summit's times need no date, as in the changelog; every
    # cell starts afresh, as every line of the changelog does.
    days = log.old.days
    same_day = days[0] if len(days) == 1 and days == log.new.days else None
    for change in log:
        writer.day = same_day
        sentence = " ".join(writer.describe(change))
        writer.day = same_day
        old = _cell(_old_value(writer, change))
        writer.day = same_day
        new = _cell(_new_value(writer, change))
        yield change, _cell(_subject_name(writer, change)) or "", old, new, sentence


def _cell(text: str | None) -> str | None:
    """*text* as a cell holds it: one value wrapped whole in an isolate, unwrapped.

    A cell is a paragraph of its own, so a value alone in it needs no
    isolate (FSI … PDI) to keep its direction; values inside a sentence keep theirs.
    """
    if (
        text is not None
        and text.startswith(FSI)
        and text.endswith(PDI)
        and text.count(FSI) == 1
        and text.count(PDI) == 1
    ):
        return text[1:-1]
    return text


def _subject_name(writer: _Changelog, change: Change) -> str | None:
    """What *change* is about, by its title or name: in the new version, else the old."""
    log = writer.log
    if change.part is Part.SUMMIT:
        return writer.text(log.new.name)
    if change.part is Part.VENUE:
        venue = log.new.venue or log.old.venue
        return None if venue is None else writer.text(venue.name)
    if change.part is Part.SESSION:
        return writer.text(writer.session(change.subject_id or "").title)
    return writer.name(writer.member(change.part, change.subject_id or ""))


def _old_value(writer: _Changelog, change: Change) -> str | None:  # noqa: C901, PLR0911  # a case per kind
    old = writer.log.old
    match change:
        case Removed(session=session):
            return writer.text(session.title)
        case RoomRemoved() | OrganizationRemoved() | SpeakerRemoved() | TrackRemoved():
            return _subject_name(writer, change)
        case VenueRemoved(venue=venue):
            return writer.text(venue.name)
        case Cancelled():
            return Status.SCHEDULED.value
        case Reinstated():
            return Status.CANCELLED.value
        case Unscheduled(old_slot=slot) | Moved(old_slot=slot) | Retimed(old_slot=slot):
            return writer.span(slot)
        case Reroomed(old_room=room) if room is not None:
            return writer.room(old, room)
        case ParentChanged(old_parent=parent) if parent is not None:
            return writer.named(old, Part.SESSION, parent)
        case ChairChanged(old_chair=chair) if chair is not None:
            return writer.person(old, chair)
        case CapacityChanged(old_capacity=capacity) if capacity is not None:
            return writer.words.number(capacity)
        case _:
            return _renamed_or_rest(writer, change, old=True)


def _new_value(writer: _Changelog, change: Change) -> str | None:  # noqa: C901, PLR0911  # a case per kind
    new = writer.log.new
    match change:
        case Added(session=session):
            return writer.text(session.title)
        case RoomAdded() | OrganizationAdded() | SpeakerAdded() | TrackAdded():
            return _subject_name(writer, change)
        case VenueAdded(venue=venue):
            return writer.text(venue.name)
        case Cancelled():
            return Status.CANCELLED.value
        case Reinstated():
            return Status.SCHEDULED.value
        case Scheduled(new_slot=slot) | Moved(new_slot=slot) | Retimed(new_slot=slot):
            return writer.span(slot)
        case Reroomed(new_room=room) if room is not None:
            return writer.room(new, room)
        case ParentChanged(new_parent=parent) if parent is not None:
            return writer.named(new, Part.SESSION, parent)
        case ChairChanged(new_chair=chair) if chair is not None:
            return writer.person(new, chair)
        case CapacityChanged(new_capacity=capacity) if capacity is not None:
            return writer.words.number(capacity)
        case _:
            return _renamed_or_rest(writer, change, old=False)


def _renamed_or_rest(writer: _Changelog, change: Change, *, old: bool) -> str | None:  # noqa: PLR0911  # a case per kind
    """The old or new value of the changes whose two sides have one shape."""
    summit = writer.log.old if old else writer.log.new
    match change:
        case Retitled() | TrackRetitled():
            return writer.text(change.old_title if old else change.new_title)
        case (
            SummitRenamed()
            | VenueRenamed()
            | RoomRenamed()
            | OrganizationRenamed()
            | SpeakerRenamed()
        ):
            return writer.text(change.old_name if old else change.new_name)
        case ParticipantsChanged() | SummitRolesChanged():
            people = change.removed if old else change.added
            of_summit = isinstance(change, SummitRolesChanged)
            return writer.people(summit, people, of_summit=of_summit) if people else None
        case RoomHoursChanged() | VenueHoursChanged():
            hours = change.old_hours if old else change.new_hours
            return writer.spans(hours) if hours else None
        case DayWindowsChanged():
            windows = change.old_windows if old else change.new_windows
            return writer.spans(windows) if windows else None
        case AvailabilityChanged():
            slots = change.old_availability if old else change.new_availability
            return writer.availability(slots) if slots else None
        case _:
            # An edit of other fields, or a new order of the summit's lists:
            # the sentence names them; there is no one value to show.
            return None
