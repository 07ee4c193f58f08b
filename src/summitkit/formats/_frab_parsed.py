"""A frab schedule in a neutral shape: what the XML and the JSON readers both give.

The XML and JSON flavours of the format hold the same things under different
names and nestings.  Each reader turns its document into these plain
records, text as written, and :mod:`summitkit.formats._frab_build` makes the
summit from them, so that every rule of leniency is written once.  Each
record knows where it stands in its document, so a problem or a note names
the element (``/schedule/day[2]/room[1]/event[3]/date``) or the JSON path
(``$.schedule.conference.days[1].rooms["Saal 1"][2].date``).
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from summitkit.formats._reading import Log
from summitkit.formats._report import NoteKind

__all__ = [
    "CONFERENCE_TEXT",
    "Raw",
    "RawConference",
    "RawDay",
    "RawEvent",
    "RawLink",
    "RawPerson",
    "RawRoom",
    "RawSchedule",
    "RawTrack",
    "no_place",
    "unknown",
]

#: The conference's fields both flavours write as text, under the same names.
CONFERENCE_TEXT = frozenset(
    {
        "acronym",
        "title",
        "subtitle",
        "venue",
        "city",
        "start",
        "end",
        "day_change",
        "time_zone_name",
        "base_url",
    }
)

# What holds a field the format knows, and what in a summit would keep it.
_HOLDERS = {
    "conference": ("the conference's", "a summit"),
    "event": ("an event's", "a session"),
    "person": ("a person's", "a speaker"),
    "track": ("a track's", "a summit's track"),
    "room": ("a room's", "a summit's room"),
}


def _shown(name: str, *, element: bool) -> str:
    return f"<{name}>" if element else repr(name)


def no_place(log: Log, holder: str, name: str, path: str, *, element: bool) -> None:
    """Note, once per *holder* and *name*, a field of the format a summit has no place for.

    Args:
        log: Where the note goes.
        holder: What holds the field: ``"conference"``, ``"event"``,
            ``"person"``, ``"track"`` or ``"room"``.
        name: The field's name as written.
        path: Where it stands (the first place, when it stands in many).
        element: Whether *name* is an XML element's tag (shown ``<name>``)
            rather than a JSON key or an XML attribute (shown ``'name'``).
    """
    whose, keeper = _HOLDERS[holder]
    log.note_once(
        ("known", holder, name),
        path,
        NoteKind.DROPPED,
        f"{whose} {_shown(name, element=element)} has no place in {keeper}, and is not kept",
    )


def unknown(log: Log, parent: str, name: str, path: str, *, element: bool) -> None:
    """Note, once per *parent* and *name*, a field the format as read here does not have.

    Args:
        log: Where the note goes.
        parent: What holds the field, as the document names it.
        name: The field's name as written.
        path: Where it stands (the first place, when it stands in many).
        element: Whether *parent* and *name* are XML elements' tags (shown
            ``<name>``) rather than JSON keys (shown ``'name'``).
    """
    log.note_once(
        ("unknown", parent, name),
        path,
        NoteKind.DROPPED,
        f"{_shown(name, element=element)} in {_shown(parent, element=element)} is not part of"
        " the format as read here, and is not kept",
    )


# Where a logical field (named as in the JSON flavour) stands in XML, when
# it is not a child element of the same name.
_XML_NAMES = {
    "guid": "@guid",
    "id": "@id",
    "code": "@code",
    "index": "@index",
    "date_of_day": "@date",
    "day_start": "@start",
    "day_end": "@end",
    "name": "@name",
    "slug": "slug",
    "href": "@href",
    "recording_license": "recording/license",
    "do_not_record": "recording/optout",
    "daysCount": "days",
}


@attrs.define(slots=True)
class Raw:
    """Something read, and where it stands in its document."""

    path: str
    xml: bool
    #: Logical names that stand elsewhere in this record's XML.
    xml_names: ClassVar[dict[str, str]] = _XML_NAMES

    def at(self, name: str) -> str:
        """The path of field *name* (named as in JSON) of this record."""
        if self.xml:
            where = self.xml_names.get(name, name)
            return self.path if where == "." else f"{self.path}/{where}"
        return f"{self.path}.{name}"


@attrs.define(slots=True)
class RawLink(Raw):
    """A link or attachment: its URL, title and type as written."""

    url: str | None = None
    title: str | None = None
    type: str | None = None
    #: Whether the record is the URL itself (a bare string, an event's url),
    #: so that its URL stands at its own path.
    bare: bool = False

    xml_names: ClassVar[dict[str, str]] = {"url": "@href", "type": "@type", "title": "."}

    def at(self, name: str) -> str:
        """The path of field *name*; a bare link's URL is the link itself."""
        if self.bare and name == "url":
            return self.path
        return super().at(name)


@attrs.define(slots=True)
class RawPerson(Raw):
    """A person as an event or the document lists them."""

    name: str | None = None
    id: str | None = None
    guid: str | None = None
    code: str | None = None
    biography: str | None = None
    url: str | None = None
    links: list[RawLink] = attrs.field(factory=list[RawLink])

    xml_names: ClassVar[dict[str, str]] = {
        "id": "@id",
        "guid": "@guid",
        "code": "@code",
        "name": ".",
    }


@attrs.define(slots=True)
class RawDay(Raw):
    """A conference day: its date and bounds as written."""

    index: str | None = None
    date: str | None = None
    day_start: str | None = None
    day_end: str | None = None

    xml_names: ClassVar[dict[str, str]] = {
        "index": "@index",
        "date": "@date",
        "day_start": "@start",
        "day_end": "@end",
    }


@attrs.define(slots=True)
class RawEvent(Raw):
    """An event (a session) as written, with the day and room it is listed under."""

    day: RawDay | None = None
    listed_room: str | None = None
    guid: str | None = None
    id: str | None = None
    code: str | None = None
    date: str | None = None
    start: str | None = None
    duration: str | None = None
    end: str | None = None
    room: str | None = None
    title: str | None = None
    subtitle: str | None = None
    type: str | None = None
    language: str | None = None
    abstract: str | None = None
    description: str | None = None
    slug: str | None = None
    track: str | None = None
    track_slug: str | None = None
    url: str | None = None
    do_not_record: str | None = None
    recording_license: str | None = None
    tags: list[str] = attrs.field(factory=list[str])
    persons: list[RawPerson] = attrs.field(factory=list[RawPerson])
    links: list[RawLink] = attrs.field(factory=list[RawLink])
    attachments: list[RawLink] = attrs.field(factory=list[RawLink])


@attrs.define(slots=True)
class RawTrack(Raw):
    """A track the conference lists."""

    name: str | None = None
    slug: str | None = None

    xml_names: ClassVar[dict[str, str]] = {"name": "@name", "slug": "@slug"}


@attrs.define(slots=True)
class RawRoom(Raw):
    """A room the conference lists (JSON) or a day lists its events under (XML)."""

    name: str | None = None
    guid: str | None = None
    slug: str | None = None
    capacity: str | None = None

    xml_names: ClassVar[dict[str, str]] = {"name": "@name", "guid": "@guid", "slug": "@slug"}


@attrs.define(slots=True)
class RawConference(Raw):
    """The conference's own fields."""

    acronym: str | None = None
    title: str | None = None
    subtitle: str | None = None
    venue: str | None = None
    city: str | None = None
    start: str | None = None
    end: str | None = None
    day_change: str | None = None
    time_zone_name: str | None = None
    base_url: str | None = None
    url: str | None = None


@attrs.define(slots=True)
class RawSchedule:
    """A whole document in the neutral shape."""

    xml: bool
    log: Log
    generator: str | None = None
    conference: RawConference | None = None
    days: list[RawDay] = attrs.field(factory=list[RawDay])
    events: list[RawEvent] = attrs.field(factory=list[RawEvent])
    rooms: list[RawRoom] = attrs.field(factory=list[RawRoom])
    tracks: list[RawTrack] = attrs.field(factory=list[RawTrack])
    persons: list[RawPerson] = attrs.field(factory=list[RawPerson])
    base_url: str | None = None
