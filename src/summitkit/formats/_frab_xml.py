"""frab, pretalx and Pentabarf/FOSDEM schedule XML, parsed safely into the neutral shape.

The document is untrusted: it is parsed with :mod:`defusedxml`, which
refuses any DTD (so entity expansion, the "billion laughs" and the
quadratic blow-up, cannot happen) and external references.  The walk then
visits each element once.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # parsed only after defusedxml's screen
from typing import TYPE_CHECKING

from summitkit.exceptions import FormatError, MissingExtraError
from summitkit.formats._frab_parsed import (
    CONFERENCE_TEXT,
    RawConference,
    RawDay,
    RawEvent,
    RawLink,
    RawPerson,
    RawRoom,
    RawSchedule,
    RawTrack,
    no_place,
    unknown,
)
from summitkit.formats._reading import Log
from summitkit.formats._report import NoteKind

if TYPE_CHECKING:
    from collections.abc import Iterator
    from xml.etree.ElementTree import Element

__all__ = ["read_xml"]

_FEATURE = "summitkit.formats.frab"

# Event children read as plain text into the field of the same name.
_EVENT_TEXT = frozenset(
    {
        "room",
        "title",
        "subtitle",
        "type",
        "date",
        "start",
        "duration",
        "end",
        "abstract",
        "description",
        "slug",
        "language",
        "url",
    }
)
# Children known to the format that a summit has no place for.
_EVENT_DROPPED = frozenset(
    {"logo", "feedback_url", "origin_url", "video_download_url", "conf_url", "full_conf_url"}
)
_CONFERENCE_DROPPED = frozenset({"days", "timeslot_duration", "logo", "color", "release", "url"})


def read_xml(text: str | bytes, log: Log) -> RawSchedule:
    """The schedule *text* holds, in the neutral shape; notes and problems go to *log*.

    Bytes are given to the XML parser as they are, so that it reads them in
    the encoding their declaration or byte order mark says.

    Raises:
        MissingExtraError: If defusedxml is not installed.
        FormatError: If *text* is not well-formed XML, declares a DTD or
            entities, or its root is not ``<schedule>``.
    """
    root = _parse(text)
    schedule = RawSchedule(xml=True, log=log)
    if _local(root.tag) != "schedule":
        raise FormatError([("/", f"expected a <schedule> root element, got <{_local(root.tag)}>")])
    counts: dict[str, int] = {}
    for child in root:
        tag = _local(child.tag)
        number = counts[tag] = counts.get(tag, 0) + 1
        path = f"/schedule/{tag}"
        if tag == "day":
            _day(child, f"{path}[{number}]", schedule)
        elif tag == "conference":
            schedule.conference = _conference(child, path, schedule)
        else:
            _top_level(child, tag, path, schedule)
    return schedule


def _top_level(element: Element, tag: str, path: str, schedule: RawSchedule) -> None:
    """Read a child of ``<schedule>`` other than a day or the conference."""
    log = schedule.log
    if tag == "version":
        version = _text(element, path, log)
        if version:
            log.note(path, NoteKind.DROPPED, f"the schedule's version {version!r} is not kept")
    elif tag == "generator":
        schedule.generator = element.get("name")
    elif tag == "tracks":
        schedule.tracks.extend(_tracks(element, f"{path}/track", log))
    elif tag == "persons":
        for index, person in enumerate(_children(element, "person", f"{path}/person", log), 1):
            schedule.persons.append(_person(person, f"{path}/person[{index}]", log))
    elif tag == "url":
        log.note(path, NoteKind.DROPPED, "the schedule's own address is not kept")
    else:
        _unknown(log, "schedule", tag, path)


class _RootReached(Exception):  # noqa: N818  # a signal, not an error
    """The screen saw the root element start: the prolog holds nothing refused."""


class _Prolog:
    """A parser target that stops at the root element's start tag."""

    def start(self, *_: object) -> None:
        """Stop: the root element starts."""
        raise _RootReached

    def end(self, *_: object) -> None:  # pragma: no cover  # never reached
        """Nothing: the screen stops before any element ends."""

    def data(self, *_: object) -> None:
        """Nothing: text before the root is white space or a comment."""

    def close(self) -> None:
        """Nothing to give back."""


_SCREEN_CHUNK = 64 * 1024


def _parse(text: str | bytes) -> Element:
    """The document's tree, parsed only once defusedxml has found nothing refused.

    defusedxml refuses a DTD, entity declarations and external references,
    which XML allows only in the prolog, before the root element.  Its
    parser builds elements in Python, several times slower than
    ElementTree's C parser; so defusedxml reads the prolog, up to the root
    element's start tag, and the C parser (the same expat) the whole
    document only when that passed.  After the root element starts, a DTD is
    a syntax error and an entity never declared is one too, so no entity can
    be expanded.
    """
    try:
        # An optional extra, without type stubs.
        from defusedxml import DefusedXmlException  # type: ignore[import-untyped]  # noqa: PLC0415
        from defusedxml.ElementTree import (  # type: ignore[import-untyped]  # noqa: PLC0415
            DefusedXMLParser,
        )
    except ImportError:
        raise MissingExtraError(_FEATURE, "frab", "defusedxml") from None
    try:
        screen = DefusedXMLParser(
            target=_Prolog(), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
        try:
            for offset in range(0, len(text), _SCREEN_CHUNK):
                screen.feed(text[offset : offset + _SCREEN_CHUNK])
            screen.close()
        except _RootReached:
            pass
        parser = ET.XMLParser()  # noqa: S314  # defusedxml screened the prolog
        parser.feed(text)
        root: Element = parser.close()
    except DefusedXmlException as error:
        raise FormatError(
            [
                (
                    "/",
                    (
                        f"refused: {type(error).__name__} ({error}); expected XML without "
                        "a DTD, entity declarations or external references"
                    ),
                )
            ]
        ) from None
    except ET.ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise FormatError(
            [(f"line {line}, column {column + 1}", f"expected well-formed XML: {error}")]
        ) from None
    return root


def _local(tag: str) -> str:
    """*tag* without its namespace.

    The tree holds elements only: ElementTree's parser leaves comments and
    processing instructions out unless asked to keep them.
    """
    return tag.rpartition("}")[2]


def _text(element: Element, path: str, log: Log) -> str | None:
    """The element's text, stripped; ``None`` when empty."""
    if len(element):
        log.note_once(
            ("markup", _local(element.tag)),
            path,
            NoteKind.APPROXIMATED,
            f"<{_local(element.tag)}> holds elements; their text is read without them",
        )
        text = "".join(element.itertext())
    else:
        text = element.text or ""
    text = text.strip()
    return text or None


def _unknown(log: Log, parent: str, tag: str, path: str) -> None:
    unknown(log, parent, tag, path, element=True)


def _children(element: Element, tag: str, path: str, log: Log) -> Iterator[Element]:
    """The children *tag* of *element*, in order; a note for each other child as met."""
    for child in element:
        name = _local(child.tag)
        if name == tag:
            yield child
        else:
            _unknown(log, _local(element.tag), name, path.rpartition("/")[0] + "/" + name)


def _conference(element: Element, path: str, schedule: RawSchedule) -> RawConference:
    log = schedule.log
    conference = RawConference(path, xml=True)
    tracks = 0
    for child in element:
        tag = _local(child.tag)
        at = f"{path}/{tag}"
        if tag in CONFERENCE_TEXT:
            setattr(conference, tag, _text(child, at, log))
        elif tag == "track":
            tracks += 1
            schedule.tracks.append(_track(child, f"{at}[{tracks}]", log))
        elif tag in _CONFERENCE_DROPPED:
            no_place(log, "conference", tag, at, element=True)
        else:
            _unknown(log, "conference", tag, at)
    schedule.base_url = conference.base_url
    return conference


def _tracks(element: Element, path: str, log: Log) -> list[RawTrack]:
    return [
        _track(track, f"{path}[{index}]", log)
        for index, track in enumerate(_children(element, "track", path, log), 1)
    ]


def _track(element: Element, path: str, log: Log) -> RawTrack:
    # frab writes <track name="..."/>; FOSDEM writes <track slug="...">Name</track>.
    name = element.get("name") or _text(element, path, log)
    for attribute in element.keys():  # noqa: SIM118  # an Element is no mapping
        if attribute not in ("name", "slug"):
            no_place(log, "track", attribute, f"{path}/@{attribute}", element=False)
    return RawTrack(path, xml=True, name=name, slug=element.get("slug"))


def _day(element: Element, path: str, schedule: RawSchedule) -> None:
    log = schedule.log
    day = RawDay(
        path,
        xml=True,
        index=element.get("index"),
        date=element.get("date"),
        day_start=element.get("start"),
        day_end=element.get("end"),
    )
    schedule.days.append(day)
    for rooms, child in enumerate(_children(element, "room", f"{path}/room", log), 1):
        room_path = f"{path}/room[{rooms}]"
        room = RawRoom(
            room_path,
            xml=True,
            name=child.get("name"),
            guid=child.get("guid"),
            slug=child.get("slug"),
        )
        schedule.rooms.append(room)
        for events, event in enumerate(_children(child, "event", f"{room_path}/event", log), 1):
            schedule.events.append(_event(event, f"{room_path}/event[{events}]", day, room, log))


def _event(element: Element, path: str, day: RawDay, room: RawRoom, log: Log) -> RawEvent:
    event = RawEvent(
        path,
        xml=True,
        day=day,
        listed_room=room.name,
        guid=element.get("guid"),
        id=element.get("id"),
        code=element.get("code"),
    )
    for child in element:
        tag = _local(child.tag)
        if tag in _EVENT_TEXT:
            setattr(event, tag, _text(child, f"{path}/{tag}", log))
        elif tag == "persons":
            event.persons = [
                _person(person, f"{path}/persons/person[{index}]", log)
                for index, person in enumerate(
                    _children(child, "person", f"{path}/persons/person", log), 1
                )
            ]
        elif tag == "track":
            event.track = _text(child, f"{path}/track", log)
            event.track_slug = child.get("slug")
        elif tag == "tag":
            # Pentabarf's name for the slug.
            event.slug = event.slug or _text(child, f"{path}/tag", log)
        elif tag in ("links", "attachments"):
            single = tag[:-1]
            found = [
                _link(link, f"{path}/{tag}/{single}[{index}]", log)
                for index, link in enumerate(
                    _children(child, single, f"{path}/{tag}/{single}", log), 1
                )
            ]
            setattr(event, tag, found)
        elif tag == "recording":
            _recording(child, f"{path}/recording", event, log)
        elif tag in _EVENT_DROPPED:
            no_place(log, "event", tag, f"{path}/{tag}", element=True)
        else:
            _unknown(log, "event", tag, f"{path}/{tag}")
    return event


def _recording(element: Element, path: str, event: RawEvent, log: Log) -> None:
    for child in element:
        tag = _local(child.tag)
        if tag == "license":
            event.recording_license = _text(child, f"{path}/license", log)
        elif tag == "optout":
            event.do_not_record = _text(child, f"{path}/optout", log)
        else:
            _unknown(log, "recording", tag, f"{path}/{tag}")


def _person(element: Element, path: str, log: Log) -> RawPerson:
    return RawPerson(
        path,
        xml=True,
        name=_text(element, path, log),
        id=element.get("id"),
        guid=element.get("guid"),
        code=element.get("code"),
    )


def _link(element: Element, path: str, log: Log) -> RawLink:
    return RawLink(
        path,
        xml=True,
        url=element.get("href"),
        title=_text(element, path, log),
        type=element.get("type"),
    )
