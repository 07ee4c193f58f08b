"""Small frab schedules, XML and JSON, each showing one quirk real files have.

:func:`event` gives the fields of one event; :func:`xml_document` and
:func:`json_document` write a one-day schedule around the events given, in
the shape frab and pretalx write, so that a test changes only the field its
quirk is about.  A field set to ``None`` is left out.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

import summitkit as sk
from summitkit.exceptions import FormatError
from summitkit.formats import frab
from summitkit.formats._report import Imported, Note, NoteKind

GUID = "6a5b3d3c-1f2e-4d5c-9b8a-7f6e5d4c3b2a"
DAY_START = "2024-12-27T10:00:00+01:00"
DAY_END = "2024-12-28T02:00:00+01:00"

CONFERENCE: dict[str, Any] = {
    "acronym": "demo2024",
    "title": "Demo Congress",
    "start": "2024-12-27",
    "end": "2024-12-27",
    "time_zone_name": "Europe/Berlin",
}

# The XML flavour writes these as attributes of <event>.
_ATTRIBUTES = ("guid", "id", "code")


def event(**fields: Any) -> dict[str, Any]:  # noqa: ANN401  # any JSON value  # any JSON value
    """One event's fields, as JSON writes them; *fields* replace or (as None) remove defaults."""
    base: dict[str, Any] = {
        "guid": GUID,
        "id": 1,
        "date": "2024-12-27T11:00:00+01:00",
        "start": "11:00",
        "duration": "00:45",
        "room": "Saal 1",
        "slug": "demo2024-1-opening",
        "title": "Opening the Box",
        "subtitle": "",
        "track": None,
        "type": "lecture",
        "language": "en",
        "abstract": "An abstract.",
        "description": "",
        "persons": [{"id": 7, "public_name": "Ada Lovelace"}],
        "links": [],
    }
    base.update(fields)
    return {key: value for key, value in base.items() if value is not None}


def json_document(
    *events: dict[str, Any],
    conference: dict[str, Any] | None = None,
    day: dict[str, Any] | None = None,
    days: list[dict[str, Any]] | None = None,
    top: dict[str, Any] | None = None,
) -> str:
    """A c3voc JSON schedule of one day holding *events* (in the room each names)."""
    rooms: dict[str, list[dict[str, Any]]] = {}
    for item in events:
        rooms.setdefault(item.get("room", "Saal 1"), []).append(item)
    the_day: dict[str, Any] = {
        "index": 1,
        "date": "2024-12-27",
        "day_start": DAY_START,
        "day_end": DAY_END,
        "rooms": rooms,
    }
    the_day.update(day or {})
    the_conference = {**CONFERENCE, **(conference or {})}
    the_conference["days"] = days if days is not None else [the_day]
    document: dict[str, Any] = {"schedule": {"version": "1.0", "conference": the_conference}}
    document.update(top or {})
    return json.dumps({key: value for key, value in document.items() if value is not None})


def _element(name: str, value: Any) -> str:  # noqa: ANN401  # any JSON value  # any JSON value
    if name == "persons":
        people = "".join(
            "<person"
            + "".join(
                f" {key}={quoteattr(str(person[key]))}"
                for key in ("id", "guid", "code")
                if key in person
            )
            + f">{escape(person.get('public_name') or person.get('name') or '')}</person>"
            for person in value
        )
        return f"<persons>{people}</persons>"
    if name in ("links", "attachments"):
        single = name[:-1]
        inner = "".join(
            f"<{single} href={quoteattr(link['url'])}>{escape(link.get('title', ''))}</{single}>"
            for link in value
        )
        return f"<{name}>{inner}</{name}>"
    if name == "recording_license":
        return ""
    if name == "do_not_record":
        return ""
    text = "" if value is None else escape(str(value))
    return f"<{name}>{text}</{name}>" if text else f"<{name}/>"


def xml_event(item: dict[str, Any]) -> str:
    """The ``<event>`` element for the fields of :func:`event`."""
    attributes = "".join(
        f" {key}={quoteattr(str(item[key]))}" for key in _ATTRIBUTES if key in item
    )
    children = "".join(
        _element(key, value) for key, value in item.items() if key not in _ATTRIBUTES
    )
    if "recording_license" in item or "do_not_record" in item:
        optout = "true" if item.get("do_not_record") else "false"
        children += (
            f"<recording><license>{escape(item.get('recording_license', ''))}</license>"
            f"<optout>{optout}</optout></recording>"
        )
    return f"<event{attributes}>{children}</event>"


def xml_document(
    *events: dict[str, Any] | str,
    conference: dict[str, Any] | None = None,
    day: dict[str, Any] | None = None,
    extra: str = "",
) -> str:
    """A frab XML schedule of one day holding *events* (fields, or ready-made ``<event>`` text)."""
    rooms: dict[str, list[str]] = {}
    for item in events:
        if isinstance(item, str):
            rooms.setdefault("Saal 1", []).append(item)
        else:
            rooms.setdefault(item.get("room", "Saal 1"), []).append(xml_event(item))
    the_conference = {**CONFERENCE, **(conference or {})}
    conference_xml = "".join(
        f"<{key}>{escape(str(value))}</{key}>"
        for key, value in the_conference.items()
        if value is not None
    )
    day_attributes = {"index": "1", "date": "2024-12-27", "start": DAY_START, "end": DAY_END}
    day_attributes.update(day or {})
    day_xml = "".join(
        f" {key}={quoteattr(value)}" for key, value in day_attributes.items() if value is not None
    )
    rooms_xml = "".join(
        f"<room name={quoteattr(name)}>{''.join(items)}</room>" for name, items in rooms.items()
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<schedule><version>1.0</version><conference>{conference_xml}</conference>"
        f"{extra}<day{day_xml}>{rooms_xml}</day></schedule>"
    )


def document(flavour: str, *events: dict[str, Any], **options: Any) -> str:  # noqa: ANN401  # passed on  # passed on
    """The schedule in *flavour* (``"xml"`` or ``"json"``) holding *events*."""
    if flavour == "xml":
        conference = options.pop("conference", None)
        day = options.pop("day", None)
        if day is not None:
            day = {
                {"day_start": "start", "day_end": "end"}.get(key, key): value
                for key, value in day.items()
            }
        return xml_document(*events, conference=conference, day=day, **options)
    return json_document(*events, **options)


def event_path(flavour: str, field: str, *, event_index: int = 0, room: str = "Saal 1") -> str:
    """Where *field* of the (0-based) *event_index*-th event of the room stands, in *flavour*'s paths."""
    if flavour == "xml":
        where = {"guid": "@guid", "id": "@id", "code": "@code"}.get(field, field)
        return f"/schedule/day[1]/room[1]/event[{event_index + 1}]/{where}"
    return f"$.schedule.conference.days[0].rooms[{json.dumps(room)}][{event_index}].{field}"


# -- documents as summitkit's frab writer writes them --------------------------
#
# Schema-valid c3voc documents made from plain values, to read back and
# compare with those values: the reader must carry what such a document holds.

KIND_NAMES = ("keynote", "panel", "talk", "workshop", "break", "ceremony")


def plain_event_json(  # noqa: PLR0917  # one value per field the writer writes
    index: int,
    start: dt.datetime,
    minutes: int,
    room: str,
    kind: str,
    title: str,
    persons: list[str],
    language: str,
) -> dict[str, Any]:
    """One schema-valid JSON event: *start* an aware datetime in the schedule's zone."""
    hours, rest = divmod(minutes, 60)
    return {
        "guid": f"00000000-0000-4000-8000-{index:012d}",
        "id": index + 1,
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "duration": f"{hours:02d}:{rest:02d}",
        "room": room,
        "slug": f"demo-{index + 1}-session",
        "url": f"https://example.org/demo/talk/{index + 1}/",
        "title": title,
        "subtitle": "",
        "track": None,
        "type": kind,
        "language": language,
        "abstract": "",
        "description": "",
        "recording_license": "",
        "do_not_record": False,
        "persons": [
            {"guid": f"00000000-0000-5000-8000-{number:012d}", "name": name, "public_name": name}
            for number, name in persons_with_numbers(persons)
        ],
        "links": [],
        "attachments": [],
    }


def persons_with_numbers(persons: list[str]) -> list[tuple[int, str]]:
    """Each person's name with a number that is the same wherever the name is."""
    return [(sum(name.encode()) * 1000 + len(name), name) for name in persons]


#: A day as the writer functions take it: its date, start, end and events.
Day = tuple[dt.date, dt.datetime, dt.datetime, list[dict[str, Any]]]


def writer_json(days: list[Day], zone: str) -> str:
    """A schema-valid JSON schedule: *days* as (date, day start, day end, events)."""
    the_days = []
    for index, (date, begin, end, events) in enumerate(days):
        rooms: dict[str, list[dict[str, Any]]] = {}
        for item in events:
            rooms.setdefault(item["room"], []).append(item)
        the_days.append(
            {
                "index": index + 1,
                "date": date.isoformat(),
                "day_start": begin.isoformat(),
                "day_end": end.isoformat(),
                "rooms": rooms,
            }
        )
    return json.dumps(
        {
            "$schema": "https://c3voc.de/schedule/schema.json",
            "generator": {"name": "summitkit", "version": "1"},
            "schedule": {
                "version": "1",
                "conference": {
                    "acronym": "demo2024",
                    "title": "Demo",
                    "start": days[0][0].isoformat(),
                    "end": days[-1][0].isoformat(),
                    "daysCount": len(days),
                    "timeslot_duration": "00:05",
                    "time_zone_name": zone,
                    "days": the_days,
                },
            },
        }
    )


def writer_xml(days: list[Day], zone: str) -> str:
    """The same schedule as :func:`writer_json`, in schema-valid XML."""
    day_xml = []
    for index, (date, begin, end, events) in enumerate(days):
        rooms: dict[str, list[str]] = {}
        for item in events:
            persons = "".join(
                f'<person id="{number}" guid="00000000-0000-5000-8000-{number:012d}">{escape(name)}</person>'
                for number, name in persons_with_numbers([p["name"] for p in item["persons"]])
            )
            rooms.setdefault(item["room"], []).append(
                f'<event guid="{item["guid"]}" id="{item["id"]}">'
                f"<room>{escape(item['room'])}</room><title>{escape(item['title'])}</title>"
                f"<subtitle/><type>{item['type']}</type><date>{item['date']}</date>"
                f"<start>{item['start']}</start><duration>{item['duration']}</duration>"
                f"<abstract/><slug>{item['slug']}</slug><track/>"
                f"<persons>{persons}</persons><language>{item['language']}</language>"
                f"<description/><recording><license/><optout>false</optout></recording>"
                f"<links/><attachments/><url>{item['url']}</url></event>"
            )
        inner = "".join(
            f"<room name={quoteattr(name)}>{''.join(items)}</room>" for name, items in rooms.items()
        )
        day_xml.append(
            f'<day index="{index + 1}" date="{date.isoformat()}" start="{begin.isoformat()}" '
            f'end="{end.isoformat()}">{inner}</day>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<schedule><generator name="summitkit" version="1"/><version>1</version>'
        f"<conference><acronym>demo2024</acronym><title>Demo</title>"
        f"<start>{days[0][0].isoformat()}</start><end>{days[-1][0].isoformat()}</end>"
        f"<days>{len(days)}</days><timeslot_duration>00:05</timeslot_duration>"
        f"<time_zone_name>{zone}</time_zone_name></conference>" + "".join(day_xml) + "</schedule>"
    )


# -- reading what was read -----------------------------------------------------

BERLIN = ZoneInfo("Europe/Berlin")
FLAVOURS = ("xml", "json")


def at(hour: int, minute: int = 0, *, day: int = 27, zone: dt.tzinfo = BERLIN) -> dt.datetime:
    """A wall time in December 2024 (or the day given) in *zone*."""
    return dt.datetime(2024, 12, day, hour, minute, tzinfo=zone)


def notes(imported: Imported, kind: NoteKind) -> list[Note]:
    """The report's notes of *kind*."""
    return list(imported.report.of_kind(kind))


def only_session(imported: Imported) -> sk.Session:
    """The one session read."""
    (session,) = imported.summit.sessions
    return session


def slot_of(session: sk.Session) -> sk.TimeSlot:
    """The session's slot, which it must have."""
    assert session.slot is not None
    return session.slot


def outcome(text: str | bytes, **options: Any) -> tuple[str | list[str | None], list[str]]:  # noqa: ANN401  # passed on
    """What reading *text* comes to, in short: the sessions' starts and the notes, or the problems.

    Read, it is the starts (ISO 8601, ``None`` for unscheduled) and each note
    as ``"kind at path: message"``, but for the notes every catalogue
    document gets (the schedule's version, the language taken as English);
    refused, it is ``"refused"`` and each problem as ``"path: problem"``.
    """
    try:
        summit, report = frab.loads(text, **options)
    except FormatError as error:
        return "refused", [f"{path}: {problem}" for path, problem in error.problems]
    starts = [None if s.slot is None else s.slot.start.isoformat() for s in summit.sessions]
    said = [
        f"{n.kind.value} at {n.path}: {n.message}"
        for n in report.notes
        if "schedule's version" not in n.message and "no language given" not in n.message
    ]
    return starts, said
