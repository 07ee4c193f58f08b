"""The rules between a summit's values, which the summit checks when it is built.

Each value checks itself; these are the rules no value can check alone: ids
unique in each collection, references that name a member, parents without a
cycle, and day windows on the summit's days, one a day, apart.  The named
changes and the draft look members up and refuse dangling references with
the same words.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Any, NoReturn, TypeVar
from zoneinfo import ZoneInfo

import attrs

from summitkit._days import conference_day_of
from summitkit._people import Organization, Participant, Speaker
from summitkit._sessions import Session, Track
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit._venue import Room
from summitkit.exceptions import (
    DanglingReferenceError,
    DuplicateIdError,
    InvalidTimeError,
    InvalidTypeError,
    InvalidValueError,
    UnknownIdError,
)

__all__ = [
    "Index",
    "check_day_windows",
    "check_parents",
    "check_references",
    "dangling",
    "lookup",
    "resolve",
    "unique",
]

_T = TypeVar("_T", Room, Organization, Speaker, Track, Session)


@attrs.frozen(kw_only=True)
class Index:
    """Lookups by id, built once with the summit."""

    rooms: dict[str, Room]
    organizations: dict[str, Organization]
    speakers: dict[str, Speaker]
    tracks: dict[str, Track]
    sessions: dict[str, Session]


def unique(collection: str, members: Sequence[_T]) -> dict[str, _T]:
    """The members of the summit's *collection* by id, refusing an id given twice."""
    by_id: dict[str, _T] = {}
    first_at: dict[str, int] = {}
    for i, member in enumerate(members):
        if member.id in by_id:
            raise DuplicateIdError(
                f"Summit.{collection}[{i}].id",
                f"id {member.id!r} is already used by {collection}[{first_at[member.id]}]; "
                "expected ids unique within the collection",
            )
        by_id[member.id] = member
        first_at[member.id] = i
    return by_id


def check_references(
    speakers: Sequence[Speaker],
    tracks: Sequence[Track],
    sessions: Sequence[Session],
    roles: Sequence[Participant],
    index: Index,
) -> None:
    """Refuse an organization, chair, room, track, parent or speaker that is not the summit's."""
    # Each reference is looked up inline and its path worded only for the
    # one that dangles (measured: wording every path took longer than the
    # lookups themselves).
    organizations, known_speakers = index.organizations, index.speakers
    for i, speaker in enumerate(speakers):
        if speaker.organization is not None and speaker.organization not in organizations:
            path = f"Summit.speakers[{i}].organization"
            dangling(path, speaker.organization, organizations, "organization")
    for i, track in enumerate(tracks):
        if track.chair is not None and track.chair not in known_speakers:
            dangling(f"Summit.tracks[{i}].chair", track.chair, known_speakers, "speaker")
    _check_session_references(sessions, index)
    for i, participant in enumerate(roles):
        if participant.speaker not in known_speakers:
            path = f"Summit.roles[{i}].speaker"
            dangling(path, participant.speaker, known_speakers, "speaker")


def _check_session_references(sessions: Sequence[Session], index: Index) -> None:
    rooms, tracks, by_id, speakers = index.rooms, index.tracks, index.sessions, index.speakers
    for i, session in enumerate(sessions):
        room, track_id, parent = session.room, session.track, session.parent
        if room is not None and room not in rooms:
            dangling(f"Summit.sessions[{i}].room", room, rooms, "room")
        if track_id is not None and track_id not in tracks:
            dangling(f"Summit.sessions[{i}].track", track_id, tracks, "track")
        if parent is not None and parent not in by_id:
            dangling(f"Summit.sessions[{i}].parent", parent, by_id, "session")
        for j, participant in enumerate(session.participants):
            if participant.speaker not in speakers:
                path = f"Summit.sessions[{i}].participants[{j}].speaker"
                dangling(path, participant.speaker, speakers, "speaker")


def check_parents(sessions: Sequence[Session]) -> None:
    """Refuse sessions that are, through their parents, inside themselves."""
    # Each session is walked once: a chain already known to end is not
    # walked again, so a long chain costs its length, not its square.
    parents = {s.id: s.parent for s in sessions}
    position = {s.id: i for i, s in enumerate(sessions)}
    settled: set[str] = set()
    for session in sessions:
        chain: list[str] = []
        on_chain: set[str] = set()
        current: str | None = session.id
        while current is not None and current not in settled:
            if current in on_chain:
                loop = chain[chain.index(current) :]
                raise InvalidValueError(
                    f"Summit.sessions[{position[current]}].parent",
                    "sessions "
                    + " -> ".join(repr(i) for i in [*loop, current])
                    + " are each other's parents; expected each session inside "
                    "another only once, without a cycle",
                )
            chain.append(current)
            on_chain.add(current)
            current = parents[current]
        settled.update(chain)


def check_day_windows(
    windows: Sequence[TimeSlot],
    zone: ZoneInfo,
    day_change: dt.time,
    days: tuple[dt.date, dt.date],
) -> None:
    """Refuse a window off the summit's *days* (first, last), two on a day, or an overlap."""
    first, last = days
    by_day: dict[dt.date, int] = {}
    for i, window in enumerate(windows):
        path = f"Summit.day_windows[{i}]"
        try:
            day = conference_day_of(window.start, zone, day_change)
        except InvalidTimeError as error:  # an instant at the limits of datetime
            raise InvalidTimeError(path, error.problem) from None
        if not first <= day <= last:
            span = str(first) if first == last else f"{first} to {last}"
            raise InvalidValueError(
                f"{path}.start",
                f"the window starts on conference day {day} "
                f"({window.start.isoformat()}); expected one of the summit's days, {span}",
            )
        if day in by_day:
            raise InvalidValueError(
                path,
                f"conference day {day} already has a window, day_windows[{by_day[day]}]; "
                "expected at most one window per day",
            )
        by_day[day] = i
    ordered = sorted(by_day.items())
    for (_, i), (_, j) in itertools.pairwise(ordered):
        if windows[i].overlaps(windows[j]):
            raise InvalidValueError(
                f"Summit.day_windows[{j}]",
                f"it overlaps day_windows[{i}]; expected day windows that do not overlap",
            )


def resolve(path: str, reference: str | None, known: dict[str, Any], what: str) -> None:
    """Refuse *reference* unless it is ``None`` or a key of *known*, the summit's *what*s."""
    if reference is not None and reference not in known:
        dangling(path, reference, known, what)


def dangling(path: str, reference: str, known: dict[str, Any], what: str) -> NoReturn:
    """Raise for *reference*, at *path*, which names no member of *known* (worded only now)."""
    if known:
        listed = ", ".join(repr(key) for key in list(known)[:8])
        more = ", ..." if len(known) > 8 else ""
        expected = f"expected the id of one of the summit's {what}s ({listed}{more})"
    else:
        expected = f"the summit has no {what}s; add the {what} first"
    raise DanglingReferenceError(path, f"no {what} with id {reference!r}; {expected}")


def lookup(known: dict[str, _T], key: object, what: str, *, path: str | None = None) -> _T:
    """The member of *known* with id *key*; *path* names the call that asked, if any."""
    if not isinstance(key, str):
        raise InvalidTypeError(path or f"{what} id", f"expected an id string, got {describe(key)}")
    try:
        return known[key]
    except KeyError:
        where_asked = f"{path}: " if path else ""
        raise UnknownIdError(f"{where_asked}this summit has no {what} with id {key!r}") from None
