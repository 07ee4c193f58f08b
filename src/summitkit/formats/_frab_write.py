"""Writing a summit as a frab/c3voc schedule: the XML and JSON that conference apps read.

The schedule format is what pretalx, frab, FOSDEM and the CCC publish and
what Giggity, EventFahrplan, ConfClerk and info-beamer read.  Both
documents this module writes are valid against the published XML Schema
and JSON Schema (``https://c3voc.de/schedule/schema.xsd`` and
``schema.json``) for every summit.

A schedule holds timed sessions in conference days and rooms, with one
language per text: what it cannot hold (untimed or cancelled sessions, the
other languages, roles, tags, ...) is left out, and :func:`export_xml` and
:func:`export_json` return the report of it beside the document.

>>> import summitkit as sk
>>> from summitkit.formats import frab
>>> summit = sk.examples.gsms2015()
>>> xml = frab.dumps_xml(summit)
>>> print(xml.splitlines()[0])
<?xml version="1.0" encoding="UTF-8"?>
>>> '<date>2015-09-16T09:15:00+04:00</date>' in xml
True
>>> exported = frab.export_json(summit, lang="ar")
>>> print(exported.report.summary())
frab: 24 dropped
"""

from __future__ import annotations

import json
import re
import urllib.parse
import uuid
import xml.etree.ElementTree as ET
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from typing import Any

import attrs

from summitkit import _arguments as arguments
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit._text import DEFAULT_LANGUAGE
from summitkit._validators import URL_PATTERN, describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError, UnknownIdError
from summitkit.formats._frab_ids import ACRONYM, NAMESPACE, Losses, session_guid
from summitkit.formats._frab_shape import Event, Person, Reference, Schedule, shape
from summitkit.formats._report import Exported, NoteKind, Report
from summitkit.formats._source import Target, write_target

__all__ = [
    "NAMESPACE",
    "dump_json",
    "dump_xml",
    "dumps_json",
    "dumps_xml",
    "export_json",
    "export_xml",
    "guid",
]

#: Where the schemas are published; the documents name them.
XML_SCHEMA = "https://c3voc.de/schedule/schema.xsd"
JSON_SCHEMA = "https://c3voc.de/schedule/schema.json"

_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_URL = re.compile(URL_PATTERN)
# The JSON Schema's own pattern for time_zone_name, matched as JSON Schema does (a search).
_JSON_ZONE = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")
# The kinds of link the JSON Schema lists.
_JSON_LINK_KINDS = frozenset(
    {"slides", "paper", "web", "blog", "article", "media", "related", "activitypub"}
)
# The longest duration the XML Schema's pattern takes.
_XML_MAX_MINUTES = 99 * 60 + 59
# Characters XML 1.0 cannot hold that summitkit's text may: the two noncharacters.
_NOT_XML = re.compile("[\ufffe\uffff]")
# What a URI may hold as it is (RFC 3986's reserved and unreserved characters);
# anything else is percent-encoded, and so is a "%" that starts no escape.
_URI_KEPT = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;="
)
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def _generator_version() -> str:
    try:
        return package_version("summitkit")
    except PackageNotFoundError:  # pragma: no cover  # only when run from a bare source tree
        return "unknown"


# -- arguments ---------------------------------------------------------------------


@attrs.frozen
class _Options:
    """The checked arguments of a writing."""

    lang: str
    acronym: str | None
    version: str
    base_url: str | None


def _optional_str(where: str, value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise InvalidTypeError(where, f"expected a str or None, got {describe(value)}")
    return value


def _options(  # noqa: PLR0913, PLR0917  # the arguments every writer takes, checked in one place
    where: str,
    summit: object,
    lang: object,
    acronym: object,
    version: object,
    base_url: object,
) -> tuple[Summit, _Options]:
    """*summit* and the options, checked; *where* names the function called, for errors."""
    if not isinstance(summit, Summit):
        raise InvalidTypeError(f"{where}(summit)", f"expected a Summit, got {describe(summit)}")
    tag = arguments.language(lang, name=f"{where}(lang)")
    checked_acronym = _optional_str(f"{where}(acronym)", acronym)
    if checked_acronym is not None and not ACRONYM.fullmatch(checked_acronym):
        raise InvalidValueError(
            f"{where}(acronym)",
            f"expected at least four of a-z, 0-9 and '_', such as 'gsms2015', got {acronym!r}",
        )
    checked_version = _optional_str(f"{where}(version)", version) or ""
    if not checked_version.isprintable():
        raise InvalidValueError(
            f"{where}(version)", f"expected printable text on one line, got {version!r}"
        )
    checked_url = _optional_str(f"{where}(base_url)", base_url)
    if checked_url is not None and not _URL.fullmatch(checked_url):
        raise InvalidValueError(
            f"{where}(base_url)",
            f"expected an absolute http(s) URL, such as 'https://example.org/', got {base_url!r}",
        )
    return summit, _Options(tag, checked_acronym, checked_version, checked_url)


def _shaped(summit: Summit, options: _Options) -> tuple[Schedule, Losses]:
    losses = Losses()
    return shape(summit, lang=options.lang, acronym=options.acronym, losses=losses), losses


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02}:{minutes % 60:02}"


# -- XML -----------------------------------------------------------------------------


def export_xml(
    summit: Summit,
    *,
    lang: str = DEFAULT_LANGUAGE,
    acronym: str | None = None,
    version: str | None = None,
    base_url: str | None = None,
) -> Exported[str]:
    """The summit as a schedule XML document, and the report of what it leaves out.

    Args:
        summit: The summit to write.
        lang: The language of the text (a BCP 47 tag; each text is written
            in it, or the closest language it has, or English, or its first).
        acronym: The conference acronym; made from the summit's id when not
            given (at least four of ``a-z``, ``0-9`` and ``_``).
        version: The schedule's version, as the organisers name it; empty
            when not given.
        base_url: The base URL of the conference's pages, if any.

    Returns:
        The document (UTF-8 text with an XML declaration) and the report.

    Raises:
        InvalidTypeError: If *summit* is not a Summit, or an argument has
            the wrong type.
        InvalidValueError: If *acronym*, *version* or *base_url* is not
            usable, or *lang* not a language tag.
    """
    summit, options = _options("export_xml", summit, lang, acronym, version, base_url)
    return _export_xml(summit, options)


def _export_xml(summit: Summit, options: _Options) -> Exported[str]:
    schedule, losses = _shaped(summit, options)
    root = ET.Element("schedule", {"xmlns:xsi": _XSI, "xsi:noNamespaceSchemaLocation": XML_SCHEMA})
    ET.SubElement(root, "generator", name="summitkit", version=_generator_version())
    ET.SubElement(root, "version").text = options.version
    conference = ET.SubElement(root, "conference")
    fields = {
        "acronym": schedule.acronym,
        "title": schedule.title,
        "start": schedule.first_day.isoformat(),
        "end": schedule.last_day.isoformat(),
        "days": str(len(schedule.days)),
        "timeslot_duration": _hhmm(schedule.timeslot),
        "time_zone_name": schedule.zone.key,
    }
    if options.base_url is not None:
        fields["base_url"] = options.base_url
    for name, value in fields.items():
        ET.SubElement(conference, name).text = value
    for track in schedule.tracks:
        ET.SubElement(conference, "track", _attributes(name=track.name, slug=track.slug))
    for day in schedule.days:
        element = ET.SubElement(
            root,
            "day",
            index=str(day.index),
            date=day.date.isoformat(),
            start=day.start,
            end=day.end,
        )
        for room, events in day.rooms:
            guid = None if room.guid is None else str(room.guid)
            room_element = ET.SubElement(element, "room", _attributes(name=room.name, guid=guid))
            if room.capacity is not None:
                losses.add(
                    "rooms",
                    room.index,
                    "capacity",
                    NoteKind.DROPPED,
                    "the capacity is not written: the XML has no place for it",
                )
            for event in events:
                room_element.append(_xml_event(event, losses))
    _clean_xml(root, losses)
    ET.indent(root)
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    report = Report("frab", losses.notes())
    return Exported(text, report)


def _attributes(**values: str | None) -> dict[str, str]:
    return {name: value for name, value in values.items() if value is not None}


def _xml_event(event: Event, losses: Losses) -> ET.Element:
    element = ET.Element(
        "event", _attributes(guid=str(event.guid), id=str(event.number), code=event.code)
    )
    minutes = event.minutes
    if minutes > _XML_MAX_MINUTES:
        losses.add(
            "sessions",
            event.index,
            "slot",
            NoteKind.APPROXIMATED,
            "it lasts longer than 99:59, the longest duration the XML takes: written as 99:59",
        )
        minutes = _XML_MAX_MINUTES
    elif not event.whole:
        losses.add(
            "sessions",
            event.index,
            "slot",
            NoteKind.APPROXIMATED,
            "its length is not whole minutes: the duration is rounded to the minute",
        )

    def add(name: str, text: str | None) -> None:
        if text is not None:
            ET.SubElement(element, name).text = text

    add("date", event.date)
    add("start", event.start)
    add("duration", _hhmm(minutes))
    add("room", event.room)
    add("slug", event.slug)
    add("url", event.url)
    recording = ET.SubElement(element, "recording")
    ET.SubElement(recording, "license").text = event.licence or ""
    ET.SubElement(recording, "optout").text = "true" if event.do_not_record else "false"
    add("title", event.title)
    add("subtitle", event.subtitle)
    add("track", event.track or "")
    add("type", event.kind)
    add("language", event.language)
    add("abstract", event.abstract or "")
    add("description", event.description)
    persons = ET.SubElement(element, "persons")
    for person in event.persons:
        guid = None if person.guid is None else str(person.guid)
        ET.SubElement(
            persons, "person", _attributes(id=str(person.number), guid=guid)
        ).text = person.name
        if person.code is not None:
            losses.add(
                "sessions",
                event.index,
                "participants",
                NoteKind.DROPPED,
                "the pretalx codes of its persons are not written: the XML has no place for them",
            )
    for group, item, references in (
        ("links", "link", event.links),
        ("attachments", "attachment", event.attachments),
    ):
        parent = ET.SubElement(element, group)
        for reference in references:
            ET.SubElement(
                parent, item, _attributes(href=reference.url, type=reference.kind)
            ).text = reference.title or ""
    return element


def _clean_xml(root: ET.Element, losses: Losses) -> None:
    """Replace the characters XML cannot hold with U+FFFD, noting it once."""
    found = False
    for element in root.iter():
        if element.text and _NOT_XML.search(element.text):
            element.text = _NOT_XML.sub("\ufffd", element.text)
            found = True
        for name, value in element.attrib.items():
            if _NOT_XML.search(value):
                element.set(name, _NOT_XML.sub("\ufffd", value))
                found = True
    if found:
        losses.note(
            "summit",
            NoteKind.APPROXIMATED,
            "U+FFFE and U+FFFF, which XML cannot hold, are written as U+FFFD",
        )


def dumps_xml(
    summit: Summit,
    *,
    lang: str = DEFAULT_LANGUAGE,
    acronym: str | None = None,
    version: str | None = None,
    base_url: str | None = None,
) -> str:
    """The summit as a schedule XML document: :func:`export_xml` without the report.

    >>> import summitkit as sk
    >>> from summitkit.formats import frab
    >>> xml = frab.dumps_xml(sk.examples.gsms2015(), lang="ar")
    >>> '<title>قمة الحكومات الخليجية للتواصل الاجتماعي</title>' in xml
    True

    Raises:
        InvalidTypeError: As :func:`export_xml`.
        InvalidValueError: As :func:`export_xml`.
    """
    summit, options = _options("dumps_xml", summit, lang, acronym, version, base_url)
    return _export_xml(summit, options).data


def dump_xml(  # noqa: PLR0913  # as export_xml, and the target
    summit: Summit,
    target: Target,
    *,
    lang: str = DEFAULT_LANGUAGE,
    acronym: str | None = None,
    version: str | None = None,
    base_url: str | None = None,
) -> None:
    """Write the summit's schedule XML document to *target*, in UTF-8.

    Args:
        summit: The summit to write.
        target: A path (a ``str`` or :class:`~pathlib.Path`), written whole
            or replaced, or a file open for writing, text or binary.
        lang: As for :func:`export_xml`.
        acronym: As for :func:`export_xml`.
        version: As for :func:`export_xml`.
        base_url: As for :func:`export_xml`.

    Raises:
        InvalidTypeError: If *target* is neither a path nor a file open for
            writing, or as :func:`export_xml`.
        InvalidValueError: As :func:`export_xml`.
        OSError: If the file cannot be written.
    """
    summit, options = _options("dump_xml", summit, lang, acronym, version, base_url)
    write_target(_export_xml(summit, options).data, target, "dump_xml(target)")


# -- JSON ----------------------------------------------------------------------------


def export_json(  # noqa: PLR0913  # the XML's options and the JSON's indent
    summit: Summit,
    *,
    lang: str = DEFAULT_LANGUAGE,
    acronym: str | None = None,
    version: str | None = None,
    base_url: str | None = None,
    indent: int | None = None,
) -> Exported[str]:
    """The summit as a schedule JSON document, and the report of what it leaves out.

    Args:
        summit: The summit to write.
        lang: As for :func:`export_xml`.
        acronym: As for :func:`export_xml`.
        version: As for :func:`export_xml`.
        base_url: As for :func:`export_xml`.
        indent: Spaces per level, from 0 to 16; ``None`` (the default)
            writes one line.

    Returns:
        The document and the report.

    Raises:
        InvalidTypeError: If *summit* is not a Summit, or an argument has
            the wrong type.
        InvalidValueError: If *acronym*, *version*, *base_url* or *indent*
            is not usable, or *lang* not a language tag.
    """
    summit, options = _options("export_json", summit, lang, acronym, version, base_url)
    arguments.indent(indent, name="export_json(indent)")
    return _export_json(summit, options, indent)


def _export_json(summit: Summit, options: _Options, indent: int | None) -> Exported[str]:
    schedule, losses = _shaped(summit, options)
    conference: dict[str, Any] = {
        "acronym": schedule.acronym,
        "title": schedule.title,
        "start": schedule.first_day.isoformat(),
        "end": schedule.last_day.isoformat(),
        "daysCount": len(schedule.days),
        "timeslot_duration": _hhmm(schedule.timeslot),
    }
    if _JSON_ZONE.search(schedule.zone.key):
        conference["time_zone_name"] = schedule.zone.key
    else:
        losses.note(
            "timezone",
            NoteKind.DROPPED,
            f"the zone's name {schedule.zone.key!r} is not one the JSON Schema takes: "
            "not written; each time still has its offset",
        )
    conference["tracks"] = [_present(name=t.name, slug=t.slug) for t in schedule.tracks]
    conference["rooms"] = [
        _present(name=r.name, guid=str(r.guid), slug=r.slug, capacity=r.capacity)
        for r in schedule.rooms
    ]
    conference["days"] = [
        {
            "index": day.index,
            "date": day.date.isoformat(),
            "day_start": day.start,
            "day_end": day.end,
            "rooms": {
                room.name: [_json_event(event, losses) for event in events]
                for room, events in day.rooms
            },
        }
        for day in schedule.days
    ]
    body: dict[str, Any] = {"version": options.version}
    if options.base_url is not None:
        body["base_url"] = _uri(options.base_url)
    body["conference"] = conference
    document = {
        "$schema": JSON_SCHEMA,
        "generator": {"name": "summitkit", "version": _generator_version()},
        "schedule": body,
    }
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(document, ensure_ascii=False, indent=indent, separators=separators)
    report = Report("frab", losses.notes())
    return Exported(text, report)


def _present(**values: object) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}


def _uri(url: str) -> str:
    """*url* as a URI: what RFC 3986 does not allow (non-ASCII letters) percent-encoded."""
    out: list[str] = []
    for at, char in enumerate(url):
        if char in _URI_KEPT or (char == "%" and _ESCAPE.match(url, at)):
            out.append(char)
        else:
            out.append(urllib.parse.quote(char, safe=""))
    return "".join(out)


def _json_event(event: Event, losses: Losses) -> dict[str, Any]:
    return {
        "guid": str(event.guid),
        **_present(code=event.code),
        "id": event.number,
        "date": event.date,
        "start": event.start,
        "end": event.end,
        "duration": _hhmm(event.minutes),
        "room": event.room,
        "slug": event.slug,
        # The JSON Schema requires a URL: without a page, the event's guid as a URN.
        "url": f"urn:uuid:{event.guid}" if event.url is None else _uri(event.url),
        "title": event.title,
        "subtitle": event.subtitle,
        "track": event.track,
        "type": event.kind,
        "language": event.language,
        "abstract": event.abstract,
        "description": event.description,
        **_present(recording_license=event.licence),
        "do_not_record": event.do_not_record,
        "persons": [_json_person(person) for person in event.persons],
        "links": [_json_reference(r, event.index, losses) for r in event.links],
        "attachments": [_json_reference(r, event.index, losses) for r in event.attachments],
    }


def _json_person(person: Person) -> dict[str, Any]:
    # The frab shape: a "name" beside "public_name" would match the pretalx
    # shape too, and the schema takes a person of exactly one shape.
    return {
        "id": person.number,
        **_present(guid=None if person.guid is None else str(person.guid), code=person.code),
        "public_name": person.name,
    }


def _json_reference(reference: Reference, index: int, losses: Losses) -> dict[str, Any]:
    kind = reference.kind
    if kind is not None and kind not in _JSON_LINK_KINDS:
        losses.add(
            "sessions",
            index,
            "links",
            NoteKind.DROPPED,
            "link kinds the JSON Schema does not list are not written",
        )
        kind = None
    return _present(url=_uri(reference.url), title=reference.title, type=kind)


def dumps_json(  # noqa: PLR0913  # as export_json
    summit: Summit,
    *,
    lang: str = DEFAULT_LANGUAGE,
    acronym: str | None = None,
    version: str | None = None,
    base_url: str | None = None,
    indent: int | None = None,
) -> str:
    """The summit as a schedule JSON document: :func:`export_json` without the report.

    >>> import json
    >>> import summitkit as sk
    >>> from summitkit.formats import frab
    >>> document = json.loads(frab.dumps_json(sk.examples.gsms2015()))
    >>> day = document["schedule"]["conference"]["days"][0]
    >>> event = day["rooms"][""][0]
    >>> event["date"], event["duration"], event["type"]
    ('2015-09-16T09:15:00+04:00', '01:00', 'panel')

    Raises:
        InvalidTypeError: As :func:`export_json`.
        InvalidValueError: As :func:`export_json`.
    """
    summit, options = _options("dumps_json", summit, lang, acronym, version, base_url)
    arguments.indent(indent, name="dumps_json(indent)")
    return _export_json(summit, options, indent).data


def dump_json(  # noqa: PLR0913  # as export_json, and the target
    summit: Summit,
    target: Target,
    *,
    lang: str = DEFAULT_LANGUAGE,
    acronym: str | None = None,
    version: str | None = None,
    base_url: str | None = None,
    indent: int | None = None,
) -> None:
    """Write the summit's schedule JSON document to *target*, in UTF-8.

    Args:
        summit: The summit to write.
        target: A path (a ``str`` or :class:`~pathlib.Path`), written whole
            or replaced, or a file open for writing, text or binary.
        lang: As for :func:`export_json`.
        acronym: As for :func:`export_json`.
        version: As for :func:`export_json`.
        base_url: As for :func:`export_json`.
        indent: As for :func:`export_json`.

    Raises:
        InvalidTypeError: If *target* is neither a path nor a file open for
            writing, or as :func:`export_json`.
        InvalidValueError: As :func:`export_json`.
        OSError: If the file cannot be written.
    """
    summit, options = _options("dump_json", summit, lang, acronym, version, base_url)
    arguments.indent(indent, name="dump_json(indent)")
    write_target(_export_json(summit, options, indent).data, target, "dump_json(target)")


# -- guids ---------------------------------------------------------------------------


def guid(summit: Summit, session: Session | str) -> uuid.UUID:
    """The guid the schedule gives *session* (a session of *summit*, or its id).

    The session's own ``frab-guid`` source id when it has a usable one that
    no earlier session of the summit has; otherwise ``uuid5(NAMESPACE,
    "session <summit id> <session id>")``, which stays the same in every
    version of the summit.

    >>> import summitkit as sk
    >>> from summitkit.formats import frab
    >>> summit = sk.examples.gsms2015()
    >>> str(frab.guid(summit, "opening-panel"))
    'b2e7438f-2ecd-5447-aac1-0356def3cbbd'

    Raises:
        InvalidTypeError: If *summit* is not a Summit, or *session* neither
            a session nor an id.
        UnknownIdError: If the summit has no session with that id.
    """
    if not isinstance(summit, Summit):
        raise InvalidTypeError("guid(summit)", f"expected a Summit, got {describe(summit)}")
    if isinstance(session, Session):
        session_id = session.id
    elif isinstance(session, str):
        session_id = session
    else:
        raise InvalidTypeError(
            "guid(session)", f"expected a session or a session id, got {describe(session)}"
        )
    if not any(s.id == session_id for s in summit.sessions):
        raise UnknownIdError(f"guid(session): this summit has no session with id {session_id!r}")
    return session_guid(summit, session_id)
