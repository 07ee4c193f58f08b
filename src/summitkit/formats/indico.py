"""Indico: read an event's programme from Indico's HTTP export API.

Indico (the event manager of CERN and of many universities and agencies)
exports an event as JSON at ``/export/event/ID.json?detail=contributions``:
an object whose ``results`` list holds the event, with its contributions.
:func:`loads` reads one such event into a :class:`~summitkit.Summit`, and
says in the report what it could not keep as it stood.

>>> from summitkit.formats import indico
>>> document = '''{"count": 1, "results": [{
...   "id": "1502", "title": "GCC Government Social Media Summit",
...   "timezone": "Asia/Dubai", "location": "Sofitel Dubai Downtown",
...   "startDate": {"date": "2015-09-16", "time": "08:30:00", "tz": "Asia/Dubai"},
...   "endDate": {"date": "2015-09-16", "time": "17:00:00", "tz": "Asia/Dubai"},
...   "contributions": [{
...     "id": "1", "db_id": 311, "title": "Opening panel", "type": "Panel",
...     "startDate": {"date": "2015-09-16", "time": "05:15:00", "tz": "UTC"},
...     "duration": 60, "roomFullname": "Ballroom",
...     "speakers": [{"fullName": "Al Dhaheri, Saeed", "affiliation": "Smartworld",
...                   "person_id": 7}]}]}]}'''
>>> summit, report = indico.loads(document)
>>> talk = summit.sessions[0]
>>> talk.kind, str(talk.title), talk.slot.start.isoformat()
('panel', 'Opening panel', '2015-09-16T09:15:00+04:00')
>>> summit.speaker(talk.speakers[0]).name["en"], summit.room(talk.room).name["en"]
('Saeed Al Dhaheri', 'Ballroom')
>>> print(report.summary())
indico: everything carried over

The Indico event becomes the summit (its ``id`` is ``indico-`` and the
event's id), each contribution a session; see ``docs/indico.md`` for what
is read from where, and what is not kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, cast
from zoneinfo import ZoneInfo

import attrs

from summitkit import _arguments as arguments
from summitkit._days import day_start
from summitkit._people import Participant, Role
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit._venue import Venue
from summitkit.exceptions import FormatError, InvalidTypeError, InvalidValueError, ModelError
from summitkit.formats._indico_contributions import (
    CONTRIBUTION_SYSTEM,
    PERSON_SYSTEM,
    Programme,
    listed,
    moment,
)
from summitkit.formats._indico_values import instant, localized, text_of
from summitkit.formats._naming import is_id
from summitkit.formats._reading import Log
from summitkit.formats._report import Imported, NoteKind
from summitkit.formats._source import (
    MAX_DOCUMENT_BYTES,
    Source,
    as_text,
    parse_json,
    read_source,
)

__all__ = ["CONTRIBUTION_SYSTEM", "PERSON_SYSTEM", "load", "loads"]

_UTC = ZoneInfo("UTC")

# What an event holds that a summit has no place for, and how to say so.
_EVENT_DROPPED = {
    "description": "the event's description",
    "url": "the event's web page",
    "address": "the venue's address",
    "keywords": "the event's keywords",
    "folders": "the event's attachments",
    "material": "the event's material",
    "note": "the event's minutes",
    "references": "the event's external references",
}


def loads(
    text: str | bytes,
    *,
    tz: ZoneInfo | str | None = None,
    event: int = 0,
    lang: str = "en",
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Imported:
    """Read an Indico event export (``/export/event/ID.json?detail=contributions``).

    Args:
        text: The JSON document, as text or UTF-8 bytes.
        tz: The summit's zone, instead of the event's ``timezone``; times are
            read in the zone each says and shown in this one.
        event: Which of the document's ``results`` to read (the first, 0, by
            default); a note says when there are others.
        lang: The language of the event's text (Indico does not say):
            ``"en"`` by default.
        max_bytes: The largest document read.

    Returns:
        The summit, and the report of what was not kept as it stood.

    Raises:
        FormatError: If the document cannot be read, listing every problem
            (up to 100) with its JSON path, such as
            ``$.results[0].contributions[3].startDate.time``.
        InvalidTypeError: If an argument is of the wrong type.
        InvalidValueError: If *event* is negative.
        UnknownTimeZoneError: If *tz* is not an IANA zone.
    """
    zone = None if tz is None else arguments.iana_zone(tz, name="indico.loads(tz)")
    if not _is_index(event):
        raise InvalidTypeError("indico.loads(event)", f"expected an index, got {describe(event)}")
    if event < 0:
        raise InvalidValueError("indico.loads(event)", f"expected 0 or more, got {event}")
    lang = arguments.language(lang, name="indico.loads(lang)")
    document = parse_json(as_text(text, max_bytes=max_bytes))
    log = Log("indico")
    with log.reading():
        summit = _read(log, document, event=event, zone=zone, lang=lang)
    assert summit is not None  # no problem, so a summit  # noqa: S101
    return Imported(summit, log.report())


def load(
    source: Source,
    *,
    tz: ZoneInfo | str | None = None,
    event: int = 0,
    lang: str = "en",
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Imported:
    """Read an Indico event export from *source*: a path, an open file or bytes.

    As :func:`loads`, which says what the arguments mean.

    Raises:
        FormatError: As :func:`loads` raises it.
        OSError: If the file cannot be read.
    """
    data = read_source(source, "indico.load(source)", max_bytes=max_bytes)
    return loads(data, tz=tz, event=event, lang=lang, max_bytes=max_bytes)


def _is_index(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _event(log: Log, document: object, index: int) -> tuple[Mapping[str, Any], str]:
    """The event to read and its path: ``results[index]``, or a bare event object."""
    if not isinstance(document, Mapping):
        raise FormatError([("$", f"expected an Indico export object, got {describe(document)}")])
    root = cast("Mapping[str, Any]", document)
    if "results" not in root and "title" in root:
        if index:
            raise FormatError([("$", f"the document is one event; event={index} is not in it")])
        return root, "$"
    results = root.get("results")
    if not isinstance(results, list):
        raise FormatError([("$.results", f"expected a list of events, got {describe(results)}")])
    events = cast("list[object]", results)
    if index >= len(events):
        raise FormatError(
            [("$.results", f"holds {len(events)} events; event={index} is not among them")]
        )
    if len(events) > 1:
        log.note(
            "$.results",
            NoteKind.DROPPED,
            f"the document holds {len(events)} events; only event {index} is read "
            "(indico.loads(event=...) chooses another)",
        )
    chosen = events[index]
    path = f"$.results[{index}]"
    if not isinstance(chosen, Mapping):
        raise FormatError([(path, f"expected an event object, got {describe(chosen)}")])
    return cast("Mapping[str, Any]", chosen), path


def _summit_zone(log: Log, event: Mapping[str, Any], path: str, given: ZoneInfo | None) -> ZoneInfo:
    if given is not None:
        return given
    for key, where in (("timezone", f"{path}.timezone"), ("tz", f"{path}.startDate.tz")):
        source: object = event if key == "timezone" else event.get("startDate")
        name = cast("Mapping[str, Any]", source).get(key) if isinstance(source, Mapping) else None
        if name is not None:
            try:
                return arguments.zone_named(name, name=where)
            except ModelError as error:
                log.problem(where, error.problem)
                return _UTC
    log.note(f"{path}.timezone", NoteKind.ASSUMED, "the event names no time zone: UTC is assumed")
    return _UTC


@attrs.frozen
class _Span:
    """When the event runs: its start and end, if given, and its first and last days."""

    start: dt.datetime | None
    end: dt.datetime | None
    first_day: dt.date
    last_day: dt.date


def _read(
    log: Log, document: object, *, event: int, zone: ZoneInfo | None, lang: str
) -> Summit | None:
    data, path = _event(log, document, event)
    zone = _summit_zone(log, data, path, zone)
    title = text_of(log, data.get("title"), f"{path}.title")
    if title is None:
        log.problem(f"{path}.title", "expected the event's title")
    programme = Programme(log, zone, lang)
    sessions = programme.read(data, path)
    roles: list[Participant] = []
    for i, chair in listed(log, data.get("chairs"), f"{path}.chairs"):
        speaker = programme.people.speaker_id(chair, f"{path}.chairs[{i}]")
        if speaker is not None and all(p.speaker != speaker for p in roles):
            roles.append(Participant(speaker, role=Role.CHAIR))
    venue = _venue(log, data, path, lang)
    span = _span(log, data, path, zone, sessions)
    if log.problems or title is None or span is None:
        return None
    try:
        return Summit(
            id=_summit_id(data.get("id")),
            name=LocalizedText({lang: title}),
            first_day=span.first_day,
            last_day=span.last_day,
            timezone=zone,
            day_windows=_windows(log, data, path, zone, span),
            venue=venue,
            rooms=list(programme.rooms.members.values()),
            organizations=list(programme.people.organizations.values()),
            speakers=list(programme.people.speakers.values()),
            tracks=list(programme.tracks.members.values()),
            sessions=sessions,
            roles=roles,
        )
    except ModelError as error:
        log.problem(path, str(error))
        return None


def _venue(log: Log, data: Mapping[str, Any], path: str, lang: str) -> Venue | None:
    """The venue, from ``location``; what else the event holds is noted as not kept."""
    for key, what in _EVENT_DROPPED.items():
        if data.get(key):
            log.note(f"{path}.{key}", NoteKind.DROPPED, f"{what} is not kept")
    event_room = text_of(log, data.get("roomFullname") or data.get("room"), f"{path}.room")
    if event_room is not None:
        log.note(f"{path}.room", NoteKind.DROPPED, f"the event's room {event_room!r} is not kept")
    venue_name = text_of(log, data.get("location"), f"{path}.location")
    if venue_name is None:
        return None
    venue_text = localized(log, venue_name, lang, f"{path}.location")
    return None if venue_text is None else Venue(name=venue_text)


def _summit_id(value: object) -> str:
    if isinstance(value, (int, str)) and not isinstance(value, bool) and is_id(f"indico-{value}"):
        return f"indico-{value}"
    return "indico"


def _span(
    log: Log, data: Mapping[str, Any], path: str, zone: ZoneInfo, sessions: list[Session]
) -> _Span | None:
    """The event's start, end and days; its days are its contributions' if it has no start."""
    start = moment(log, data, "startDate", path, zone)
    end = moment(log, data, "endDate", path, zone)
    if start is not None and end is not None and end <= start:
        log.problem(f"{path}.endDate", f"expected the end after the start, {start.isoformat()}")
        return None
    if start is not None:
        last = start if end is None else end - dt.timedelta(microseconds=1)
        return _Span(start, end, start.date(), max(start.date(), last.astimezone(zone).date()))
    dates = [s.slot.start.astimezone(zone).date() for s in sessions if s.slot is not None]
    if not dates:
        log.problem(f"{path}.startDate", "expected the event's start: no contribution has a time")
        return None
    log.note(
        f"{path}.startDate",
        NoteKind.ASSUMED,
        "the event has no start: its days are those of its contributions",
    )
    return _Span(start, end, min(dates), max(dates))


def _windows(
    log: Log, data: Mapping[str, Any], path: str, zone: ZoneInfo, span: _Span
) -> list[TimeSlot]:
    """Each day's hours: from ``occurrences``, or else the event's span cut at midnight."""
    if data.get("occurrences") is not None:
        return _occurrences(log, data, path, zone, span)
    start, end = span.start, span.end
    if start is None or end is None:
        return []
    windows: list[TimeSlot] = []
    opening = start
    day = start.date()
    while day < end.astimezone(zone).date():
        day += dt.timedelta(days=1)
        midnight = day_start(day, zone, dt.time(0))  # after opening: a day after it
        windows.append(TimeSlot(opening, midnight))
        opening = midnight
    if end > opening:
        windows.append(TimeSlot(opening, end.astimezone(zone)))
    return windows


def _occurrences(
    log: Log, data: Mapping[str, Any], path: str, zone: ZoneInfo, span: _Span
) -> list[TimeSlot]:
    windows: list[TimeSlot] = []
    days: set[dt.date] = set()
    for i, period in listed(log, data.get("occurrences"), f"{path}.occurrences"):
        where = f"{path}.occurrences[{i}]"
        if not isinstance(period, Mapping):
            log.problem(where, f"expected a period object, got {describe(period)}")
            continue
        fields = cast("Mapping[str, Any]", period)
        opens = instant(log, fields.get("startDT"), f"{where}.startDT", zone=zone)
        closes = instant(log, fields.get("endDT"), f"{where}.endDT", zone=zone)
        if opens is None or closes is None:
            continue
        day = opens.date()
        why = None
        if closes <= opens:
            why = "it ends before it starts"
        elif not span.first_day <= day <= span.last_day:
            why = f"{day} is not one of the event's days"
        elif day in days or any(w.overlaps(TimeSlot(opens, closes)) for w in windows):
            why = "it overlaps another day's hours"
        if why is not None:
            log.note(where, NoteKind.DROPPED, f"these daily hours are not kept: {why}")
            continue
        days.add(day)
        windows.append(TimeSlot(opens, closes))
    return windows
