"""A summit in the shape of a frab/c3voc schedule, before it is written as XML or JSON.

The writer (:mod:`summitkit.formats._frab_write`) works in two steps: this
module maps the summit to plain values shaped like the schedule -- days,
rooms, events, persons, with their guids, numbers and slugs worked out once
-- and notes what the format cannot carry; the writer then renders them as
XML or JSON, noting what only one of the two cannot carry.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Iterable, Sequence
from typing import TypeVar
from zoneinfo import ZoneInfo

import attrs

from summitkit._people import Role
from summitkit._references import Link, SourceId
from summitkit._sessions import Session, Status, Track
from summitkit._summit import Summit
from summitkit._time import zone_label
from summitkit.formats._frab_ids import (
    PERSON_CODE,
    Identity,
    Losses,
    acronym_of,
    identities,
    one_language,
    slug,
    source_id,
)
from summitkit.formats._report import NoteKind

__all__ = [
    "Day",
    "Event",
    "Person",
    "Reference",
    "RoomShape",
    "Schedule",
    "TrackShape",
    "shape",
    "timeslot_minutes",
]

_UTC = dt.timezone.utc
_MINUTE = dt.timedelta(minutes=1)
# What both schemas accept: XSD `[a-z][a-z0-9-]+` and JSON `^[a-z0-9_-]+[a-z0-9]$`.
_TRACK_SLUG = re.compile(r"[a-z][a-z0-9-]*[a-z0-9]")
_T = TypeVar("_T")


# -- the shape ---------------------------------------------------------------------


@attrs.frozen
class Person:
    """A person of an event.

    Attributes:
        number: The integer id.
        name: The public name.
        guid: The guid a source gave, if any.
        code: The pretalx code a source gave, if any.
    """

    number: int
    name: str
    guid: uuid.UUID | None
    code: str | None


@attrs.frozen
class Reference:
    """A link or attachment.

    Attributes:
        url: Where it is.
        title: What it is called, if anything.
        kind: What it is, in the source's word, if said.
    """

    url: str
    title: str | None
    kind: str | None


@attrs.frozen
class Event:
    """A session as an event of a day and room.

    Attributes:
        index: The session's place in ``summit.sessions``, for notes.
        guid: Its guid.
        number: Its integer id.
        code: Its pretalx code, if a source gave one.
        date: Its start, ISO 8601 with the offset.
        start: Its local start, ``HH:MM``.
        end: Its end, ISO 8601 with the offset.
        minutes: Its length in whole minutes, rounded, at least 1.
        whole: Whether *minutes* is its exact length.
        room: The name of its room (``""``: none).
        slug: Its slug.
        url: Its web page, if known.
        title: Its title.
        subtitle: Its subtitle, if any.
        track: The name of its track, if any.
        kind: The session kind (``"keynote"``, ...).
        language: Its language tag, if known.
        abstract: Its abstract, if any.
        description: Its description, if any.
        persons: Who takes part.
        links: Its links.
        attachments: Its attachments.
        licence: The recording licence, if known.
        do_not_record: Whether recording is refused.
    """

    index: int
    guid: uuid.UUID
    number: int
    code: str | None
    date: str
    start: str
    end: str
    minutes: int
    whole: bool
    room: str
    slug: str
    url: str | None
    title: str
    subtitle: str | None
    track: str | None
    kind: str
    language: str | None
    abstract: str | None
    description: str | None
    persons: tuple[Person, ...]
    links: tuple[Reference, ...]
    attachments: tuple[Reference, ...]
    licence: str | None
    do_not_record: bool


@attrs.frozen
class RoomShape:
    """A room, as the schedule names it.

    Attributes:
        index: Its place in ``summit.rooms``; -1 for the room of sessions without one.
        name: Its name (``""`` for sessions without a room).
        guid: Its guid (``None`` for sessions without a room).
        slug: Its frab slug, if a source gave one.
        capacity: How many it seats, if known.
    """

    index: int
    name: str
    guid: uuid.UUID | None
    slug: str | None
    capacity: int | None


@attrs.frozen
class Day:
    """A conference day.

    Attributes:
        index: 1 for the first day.
        date: The day's date.
        start: When it starts, ISO 8601.
        end: When it ends, ISO 8601.
        rooms: Its rooms and their events, in the summit's room order.
    """

    index: int
    date: dt.date
    start: str
    end: str
    rooms: tuple[tuple[RoomShape, tuple[Event, ...]], ...]


@attrs.frozen
class TrackShape:
    """A track of the conference.

    Attributes:
        name: Its title.
        slug: Its frab slug, if a source gave one.
    """

    name: str
    slug: str | None


@attrs.frozen
class Schedule:
    """The whole schedule.

    Attributes:
        acronym: The conference acronym.
        title: Its title.
        first_day: Its first day.
        last_day: Its last day.
        zone: Its zone.
        timeslot: The timeslot duration, in minutes.
        tracks: Its tracks.
        rooms: Its rooms (the summit's, not the one for sessions without a room).
        days: Its days.
    """

    acronym: str
    title: str
    first_day: dt.date
    last_day: dt.date
    zone: ZoneInfo
    timeslot: int
    tracks: tuple[TrackShape, ...]
    rooms: tuple[RoomShape, ...]
    days: tuple[Day, ...]


# -- time --------------------------------------------------------------------------


def _instant(moment: dt.datetime, zone: ZoneInfo, losses: Losses) -> str:
    """*moment* in ISO 8601 in *zone*, or in UTC when the offset has seconds."""
    local = moment.astimezone(zone)
    offset = local.utcoffset()
    if offset is not None and offset % _MINUTE:
        losses.note(
            "timezone",
            NoteKind.APPROXIMATED,
            f"times when {zone.key} was {offset} from UTC are written in UTC: "
            "offsets in this format have no seconds",
        )
        return moment.astimezone(_UTC).isoformat().replace("+00:00", "Z")
    return local.isoformat()


def _minutes(length: dt.timedelta) -> tuple[int, bool]:
    whole, rest = divmod(length, _MINUTE)
    rounded = whole + (1 if rest * 2 >= _MINUTE else 0)
    return max(rounded, 1), not rest


def timeslot_minutes(events: Iterable[Event], starts: Iterable[int]) -> int:
    """The greatest common divisor of the lengths and start minutes, from 5 to 60."""
    found = 0
    for event in events:
        found = math.gcd(found, event.minutes)
    for minute in starts:
        found = math.gcd(found, minute)
    return min(max(found, 5), 60) if found else 5


# -- the mapping -------------------------------------------------------------------

# Session fields the format has no place for, and what is lost with them.
_SESSION_FIELDS = (
    ("title_assumed", "that the title was assumed is not written"),
    ("expected_attendance", "the expected attendance is not written"),
    ("markup", "the markup of the abstract and description is not written; the text is"),
    ("label", "the label is not written: the type is the session kind"),
    ("tags", "the tags are not written"),
    ("online_url", "the online link is not written"),
    ("parent", "the parent session is not written"),
    ("series", "the series is not written"),
)
_SPEAKER_FIELDS = (
    ("honorific", "the honorific is not written"),
    ("position", "the position is not written"),
    ("organization", "the organization is not written"),
    ("country", "the country is not written"),
    ("links", "the links are not written"),
    ("bio", "the biography is not written"),
    ("availability", "the availability is not written"),
    ("group", "that it is a group is not written"),
)
_TRACK_FIELDS = (
    ("sector", "the sector is not written"),
    ("chair", "the chair is not written"),
    ("abstract", "the abstract is not written"),
)
_SUMMIT_FIELDS = (
    ("edition", "the edition is not written"),
    ("theme", "the theme is not written"),
    ("hashtag", "the hashtag is not written"),
    ("venue", "the venue is not written"),
    ("organizations", "the organizations are not written"),
    ("roles", "the summit-wide roles are not written"),
)
# The source ids a schedule holds, by collection.
_SYSTEMS = {
    "sessions": frozenset({"frab-guid", "frab-id", "pretalx-code"}),
    "speakers": frozenset({"frab-guid", "frab-id", "pretalx-code"}),
    "rooms": frozenset({"frab-guid", "frab-slug"}),
    "tracks": frozenset({"frab-slug"}),
}


def _default(cls: type, field: str) -> object:
    return attrs.fields_dict(cls)[field].default


def _unwritten(
    members: Sequence[_T],
    fields: Sequence[tuple[str, str]],
    collection: str,
    losses: Losses,
    indices: Iterable[int] | None = None,
) -> None:
    for i in range(len(members)) if indices is None else indices:
        member = members[i]
        for field, message in fields:
            if getattr(member, field) != _default(type(member), field):
                losses.add(collection, i, field, NoteKind.DROPPED, message)
        systems = _SYSTEMS.get(collection, frozenset())
        for source in getattr(member, "source_ids", ()):
            if source.system not in systems:
                losses.add(
                    collection,
                    i,
                    "source_ids",
                    NoteKind.DROPPED,
                    f"its {source.system} id is not written",
                )


def _references(links: Iterable[Link]) -> tuple[Reference, ...]:
    return tuple(Reference(link.url, link.title, link.kind) for link in links)


def _room_names(summit: Summit, lang: str, losses: Losses) -> dict[str, str]:
    """Each room's name, made unique: a day lists its rooms by name.

    Names are written on one line, with single spaces and none around them,
    as readers read them (an XML attribute turns a line end into a space), so
    that two names unique only by their spacing are not one room when read.
    """
    names: dict[str, str] = {}
    used: set[str] = set()
    for i, room in enumerate(summit.rooms):
        name = " ".join(
            (one_language(room.name, lang, losses, ("rooms", i, "name")) or room.id).split()
        )
        if name in used:
            losses.add(
                "rooms", i, "name", NoteKind.RENAMED, "another room has its name: its id is added"
            )
            base = f"{name} ({room.id})"
            name, n = base, 1
            while name in used:
                n += 1
                name = f"{base} {n}"
        used.add(name)
        names[room.id] = name
    return names


def shape(summit: Summit, *, lang: str, acronym: str | None, losses: Losses) -> Schedule:
    """*summit* as a schedule, noting in *losses* what the format cannot carry."""
    zone = summit.timezone
    if acronym is None:
        acronym = acronym_of(summit.id)
        if acronym != summit.id:
            losses.note(
                "id",
                NoteKind.RENAMED,
                f"the acronym is {acronym!r}: the schedule's acronym holds only "
                "a-z, 0-9 and '_', at least four",
            )
    title = one_language(summit.name, lang, losses, ("", 0, "name")) or summit.id
    _unwritten([summit], _SUMMIT_FIELDS, "", losses)
    room_names = _room_names(summit, lang, losses)
    rooms = _rooms(summit, room_names, losses)
    tracks = _tracks(summit.tracks, lang, losses)
    track_names = {t.id: shaped.name for t, shaped in zip(summit.tracks, tracks, strict=True)}
    session_ids = identities(summit.sessions, "session", summit.id, losses=losses)
    position = {s.id: i for i, s in enumerate(summit.sessions)}
    written = [
        (position[s.id], s, day)
        for s in summit.in_time_order()
        if (day := _day_of(summit, s, position[s.id], losses)) is not None
    ]
    _unwritten(summit.sessions, _SESSION_FIELDS, "sessions", losses, [i for i, _, _ in written])
    people = _people(summit, {p for _, s, _ in written for p in s.speakers}, lang, losses)
    room_index = {room.id: i for i, room in enumerate(summit.rooms)}
    placed: dict[tuple[dt.date, int], list[Event]] = {}
    events: list[Event] = []
    starts: list[int] = []
    names = _Names(people, track_names, room_names, acronym, lang, losses)
    for i, session, day in written:
        event = _event(summit, session, i, session_ids[session.id], names)
        events.append(event)
        starts.append(int(event.start[3:]))  # the minute of the local HH:MM
        room_at = -1 if session.room is None else room_index[session.room]
        placed.setdefault((day, room_at), []).append(event)
    timeslot = timeslot_minutes(events, starts)
    return Schedule(
        acronym=acronym,
        title=title,
        first_day=summit.first_day,
        last_day=summit.last_day,
        zone=zone,
        timeslot=timeslot,
        tracks=tracks,
        rooms=rooms,
        days=_days(summit, rooms, placed, losses),
    )


def _rooms(summit: Summit, names: dict[str, str], losses: Losses) -> tuple[RoomShape, ...]:
    """The summit's rooms, noting what of them a schedule cannot hold."""
    ids = identities(summit.rooms, "room", summit.id, losses=losses)
    rooms: list[RoomShape] = []
    for i, room in enumerate(summit.rooms):
        room_slug = _track_slug(room.source_ids)
        if room_slug is None and source_id(room.source_ids, "frab-slug") is not None:
            message = "its frab-slug is not a slug both schemas take"
            losses.add("rooms", i, "source_ids", NoteKind.DROPPED, message)
        if room.opening_hours:
            message = "the opening hours are not written"
            losses.add("rooms", i, "opening_hours", NoteKind.DROPPED, message)
        if room.parallel:
            message = "that it holds parallel sessions is not written"
            losses.add("rooms", i, "parallel", NoteKind.DROPPED, message)
        rooms.append(RoomShape(i, names[room.id], ids[room.id].guid, room_slug, room.capacity))
    _unwritten(summit.rooms, (), "rooms", losses)
    return tuple(rooms)


def _days(
    summit: Summit,
    rooms: tuple[RoomShape, ...],
    placed: dict[tuple[dt.date, int], list[Event]],
    losses: Losses,
) -> tuple[Day, ...]:
    """Every conference day, with every room and the events *placed* in it by day and room."""
    nowhere = RoomShape(-1, "", None, None, None)
    days: list[Day] = []
    for n, day in enumerate(summit.conference_days, start=1):
        bounds = (day.start, day.end) if day.window is None else day.window.utc_bounds
        blocks = [(room, tuple(placed.get((day.date, room.index), ()))) for room in rooms]
        if (day.date, -1) in placed:
            blocks.append((nowhere, tuple(placed[day.date, -1])))
        start, end = (_instant(moment, summit.timezone, losses) for moment in bounds)
        days.append(Day(n, day.date, start, end, tuple(blocks)))
    return tuple(days)


def _track_slug(source_ids: Iterable[SourceId]) -> str | None:
    given = source_id(source_ids, "frab-slug")
    return given if given is not None and _TRACK_SLUG.fullmatch(given) else None


def _tracks(tracks: Sequence[Track], lang: str, losses: Losses) -> tuple[TrackShape, ...]:
    shaped: list[TrackShape] = []
    for i, track in enumerate(tracks):
        # On one line with single spaces, as readers read a name (see _room_names).
        title = one_language(track.title, lang, losses, ("tracks", i, "title")) or track.id
        name = " ".join(title.split())
        track_slug = _track_slug(track.source_ids)
        if track_slug is None and source_id(track.source_ids, "frab-slug") is not None:
            message = "its frab-slug is not a slug both schemas take"
            losses.add("tracks", i, "source_ids", NoteKind.DROPPED, message)
        if track.sequential != _default(type(track), "sequential"):
            message = "whether its sessions run one after another is not written"
            losses.add("tracks", i, "sequential", NoteKind.DROPPED, message)
        if track.kind != "track":
            message = "that it is a workshop is not written"
            losses.add("tracks", i, "kind", NoteKind.DROPPED, message)
        shaped.append(TrackShape(name, track_slug))
    _unwritten(tracks, _TRACK_FIELDS, "tracks", losses)
    return tuple(shaped)


def _people(summit: Summit, written: set[str], lang: str, losses: Losses) -> dict[str, Person]:
    """The persons of the written sessions, by speaker id; the other speakers are noted."""
    ids = identities(summit.speakers, "speaker", summit.id, code=PERSON_CODE, losses=losses)
    people: dict[str, Person] = {}
    indices: list[int] = []
    for i, speaker in enumerate(summit.speakers):
        if speaker.id not in written:
            losses.add_each(
                "speakers", i, "", NoteKind.DROPPED, "in no written session: not written"
            )
            continue
        indices.append(i)
        name = one_language(speaker.name, lang, losses, ("speakers", i, "name"))
        identity = ids[speaker.id]
        guid = identity.guid if identity.source_guid else None
        people[speaker.id] = Person(identity.number, name or speaker.id, guid, identity.code)
    _unwritten(summit.speakers, _SPEAKER_FIELDS, "speakers", losses, indices)
    return people


def _day_of(summit: Summit, session: Session, i: int, losses: Losses) -> dt.date | None:
    """The conference day *session* is written in, or ``None`` (noted) if it is not written."""
    if session.slot is None:
        losses.add_each(
            "sessions",
            i,
            "slot",
            NoteKind.DROPPED,
            "untimed: a schedule holds only timed sessions; not written",
        )
        return None
    if session.status is Status.CANCELLED:
        losses.add_each(
            "sessions",
            i,
            "status",
            NoteKind.DROPPED,
            "cancelled: a schedule has no place for a cancellation; not written",
        )
        return None
    day = summit.conference_day(session.slot.start)
    if not summit.first_day <= day <= summit.last_day:
        losses.add_each(
            "sessions",
            i,
            "slot",
            NoteKind.DROPPED,
            "on a conference day outside the summit's days; not written",
        )
        return None
    return day


@attrs.frozen
class _Names:
    """What every event of a summit looks up: persons, track and room names, acronym, language."""

    people: dict[str, Person]
    tracks: dict[str, str]
    rooms: dict[str, str]
    acronym: str
    lang: str
    losses: Losses


def _event(summit: Summit, session: Session, i: int, identity: Identity, names: _Names) -> Event:
    """Session ``summit.sessions[i]``, which is timed, as an event."""
    slot = session.slot
    assert slot is not None  # noqa: S101  # the caller writes only timed sessions
    zone = summit.timezone
    losses = names.losses
    if zone_label(slot.start.tzinfo) != zone.key:
        losses.add(
            "sessions",
            i,
            "slot",
            NoteKind.APPROXIMATED,
            "its times, given in another zone, are written in the summit's zone",
        )
    if slot.start_estimated or slot.end_estimated:
        losses.add(
            "sessions", i, "slot", NoteKind.DROPPED, "that its times are estimates is not written"
        )
    roles = [p for p in session.participants if p.role is not Role.PRESENTER]
    if roles:
        losses.add(
            "sessions",
            i,
            "participants",
            NoteKind.DROPPED,
            "the roles of its persons (moderator, panelist, ...) are not written",
        )
    lang = names.lang
    title = one_language(session.title, lang, losses, ("sessions", i, "title")) or session.id
    minutes, whole = _minutes(slot.duration)
    local = slot.start.astimezone(zone)
    return Event(
        index=i,
        guid=identity.guid,
        number=identity.number,
        code=identity.code,
        date=_instant(slot.start, zone, losses),
        start=f"{local.hour:02}:{local.minute:02}",
        end=_instant(slot.end, zone, losses),
        minutes=minutes,
        whole=whole,
        room="" if session.room is None else names.rooms[session.room],
        slug=slug(names.acronym, identity.number, session, title),
        url=session.url,
        title=title,
        subtitle=one_language(session.subtitle, lang, losses, ("sessions", i, "subtitle")),
        track=None if session.track is None else names.tracks[session.track],
        kind=session.kind,
        language=session.language,
        abstract=one_language(session.abstract, lang, losses, ("sessions", i, "abstract")),
        description=one_language(session.description, lang, losses, ("sessions", i, "description")),
        persons=tuple(names.people[s] for s in session.speakers),
        links=_references(session.links),
        attachments=_references(session.attachments),
        licence=session.recording_licence,
        do_not_record=session.do_not_record,
    )
