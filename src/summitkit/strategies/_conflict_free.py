"""Programmes without what checking reports as an error: ``summits(conflict_free=True)``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Set as AbstractSet

import attrs

from summitkit._people import Speaker
from summitkit._sessions import Session, Track
from summitkit._time import TimeSlot
from summitkit._venue import Room

__all__ = ["without_conflicts"]

_UTC = dt.timezone.utc


def without_conflicts(
    sessions: list[Session],
    *,
    rooms: dict[str, Room],
    venue_hours: tuple[TimeSlot, ...],
    speakers: dict[str, Speaker],
    tracks: dict[str, Track],
) -> list[Session]:
    """Untime each session that would break a scheduling rule.

    The rules are those :func:`summitkit.schedule.conflicts` reports as
    errors by default, checked here independently and more strictly (a slot
    must lie inside one window, not a union of touching windows): no speaker
    (track chairs included), room or sequential track is in two overlapping
    sessions, and no session is outside its room's (else the venue's) opening
    hours or a speaker's availability.

    What the rules allow is kept: a group (:attr:`Speaker.group`) and a
    participant who does not block are never double-booked, a parallel
    room's and a non-sequential track's sessions may overlap, and a session
    may overlap its parent in the parent's room and track (not with the
    same speaker: that is left to the rules' strictest reading).
    Availability is checked for every participant, blocking or not.
    """
    booked: list[tuple[dt.datetime, dt.datetime, frozenset[str], Session]] = []
    kept: list[Session] = []
    for session in sessions:
        if session.slot is None:
            kept.append(session)
            continue
        start = session.slot.start.astimezone(_UTC)
        end = session.slot.end.astimezone(_UTC)
        track = tracks.get(session.track) if session.track else None
        people = {p.speaker for p in session.participants}
        blocking = {
            p.speaker for p in session.participants if p.blocking and not speakers[p.speaker].group
        }
        if track is not None and track.chair is not None:
            people.add(track.chair)
            if not speakers[track.chair].group:
                blocking.add(track.chair)
        resources = {f"speaker:{p}" for p in blocking}
        room = rooms.get(session.room) if session.room else None
        if room is not None and not room.parallel:
            resources.add(f"room:{room.id}")
        if track is not None and track.sequential:
            resources.add(f"track:{track.id}")
        hours = room.opening_hours if room is not None and room.opening_hours else venue_hours
        windows = [hours] + [speakers[p].availability for p in sorted(people)]
        clash = any(
            start < other_end
            and other_start < end
            and _shared(resources & other_resources, session, other)
            for other_start, other_end, other_resources, other in booked
        ) or any(
            allowed and not any(_inside(start, end, window) for window in allowed)
            for allowed in windows
        )
        if clash:
            kept.append(attrs.evolve(session, slot=None))
        else:
            booked.append((start, end, frozenset(resources), session))
            kept.append(session)
    return kept


def _shared(shared: AbstractSet[str], one: Session, other: Session) -> bool:
    """Whether two overlapping sessions that both need *shared* clash."""
    if one.parent == other.id or other.parent == one.id:
        return any(resource.startswith("speaker:") for resource in shared)
    return bool(shared)


def _inside(start: dt.datetime, end: dt.datetime, window: TimeSlot) -> bool:
    return window.start.astimezone(_UTC) <= start and end <= window.end.astimezone(_UTC)
