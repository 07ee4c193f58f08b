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
import json
from collections.abc import Mapping
from typing import Any, cast
from zoneinfo import ZoneInfo

from summitkit import _arguments as arguments
from summitkit._days import day_start
from summitkit._people import Organization, Participant, Role, Speaker
from summitkit._references import SourceId
from summitkit._sessions import Markup, Panel, Session, Talk, Track
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit._venue import Room, Venue
from summitkit.exceptions import FormatError, InvalidTypeError, InvalidValueError, ModelError
from summitkit.formats._indico_values import (
    instant,
    is_html,
    kind_of,
    links_of,
    localized,
    person_name,
    text_of,
)
from summitkit.formats._naming import Ids, is_id
from summitkit.formats._reading import STOP, Log
from summitkit.formats._report import Imported, NoteKind, Report
from summitkit.formats._source import MAX_DOCUMENT_BYTES, Source, as_text, read_source

__all__ = ["CONTRIBUTION_SYSTEM", "PERSON_SYSTEM", "load", "loads"]

#: The system of the source id each session keeps: the contribution's
#: ``db_id`` (the id in its Indico URL), or its ``id`` when there is none.
CONTRIBUTION_SYSTEM = "indico-contribution-id"
#: The system of the source id each speaker keeps: the event person's id.
PERSON_SYSTEM = "indico-id"

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
# And what a contribution holds that a session has no place for.
_CONTRIBUTION_DROPPED = {
    "subContributions": "sub-contributions",
    "references": "external references",
    "note": "minutes",
    "board_number": "the poster board number",
}


class _People:
    """Speakers and organizations of the event, one per Indico person."""

    def __init__(self, log: Log, lang: str) -> None:
        self.log = log
        self.lang = lang
        self.speakers: dict[object, Speaker] = {}
        self.organizations: dict[str, Organization] = {}
        self._speaker_ids = Ids()
        self._organization_ids = Ids()

    def speaker_id(self, person: object, path: str) -> str | None:
        """The id of the speaker *person* (an Indico person object) is, made on first meeting."""
        log = self.log
        if not isinstance(person, Mapping):
            log.problem(path, f"expected a person object, got {describe(person)}")
            return None
        fields = cast("Mapping[str, Any]", person)
        named = person_name(log, fields, path)
        if named is None:
            log.note(path, NoteKind.DROPPED, "a person without a name is not read")
            return None
        affiliation = text_of(log, fields.get("affiliation"), f"{path}.affiliation")
        person_id = fields.get("person_id", fields.get("id"))
        if isinstance(person_id, (int, str)) and not isinstance(person_id, bool):
            key: object = ("person", str(person_id))
        elif isinstance(fields.get("emailHash"), str):
            key = ("email", fields["emailHash"])
        else:
            key = ("name", named.name, affiliation)
        known = self.speakers.get(key)
        if known is not None:
            return known.id
        name = localized(log, named.name, self.lang, f"{path}.fullName")
        if name is None:
            return None
        honorific = None
        if named.honorific is not None:
            honorific = localized(log, named.honorific, self.lang, f"{path}.title")
        source_ids = []
        if key[0] == "person" and is_id(str(person_id)):
            source_ids.append(SourceId(PERSON_SYSTEM, str(person_id)))
        speaker = Speaker(
            id=self._speaker_ids.make(named.name),
            name=name,
            honorific=honorific,
            organization=self._organization(affiliation, f"{path}.affiliation"),
            source_ids=source_ids,
        )
        self.speakers[key] = speaker
        return speaker.id

    def _organization(self, affiliation: str | None, path: str) -> str | None:
        if affiliation is None:
            return None
        known = self.organizations.get(affiliation)
        if known is None:
            name = localized(self.log, affiliation, self.lang, path)
            if name is None:
                return None
            known = Organization(id=self._organization_ids.make(affiliation), name=name)
            self.organizations[affiliation] = known
        return known.id


class _Named:
    """Rooms or tracks, one per name."""

    def __init__(self, log: Log, lang: str, cls: type[Room] | type[Track]) -> None:
        self.log = log
        self.lang = lang
        self.cls = cls
        self.members: dict[str, Room | Track] = {}
        self._ids = Ids()

    def id_of(self, name: str, path: str) -> str | None:
        known = self.members.get(name)
        if known is None:
            text = localized(self.log, name, self.lang, path)
            if text is None:
                return None
            member_id = self._ids.make(name)
            known = (
                Room(id=member_id, name=text)
                if self.cls is Room
                else Track(id=member_id, title=text)
            )
            self.members[name] = known
        return known.id


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
    if not isinstance(event, int) or isinstance(event, bool):
        raise InvalidTypeError("indico.loads(event)", f"expected an index, got {describe(event)}")
    if event < 0:
        raise InvalidValueError("indico.loads(event)", f"expected 0 or more, got {event}")
    lang = arguments.language(lang, name="indico.loads(lang)")
    document = _decode(as_text(text, max_bytes=max_bytes))
    log = Log("indico")
    try:
        summit = _read(log, document, event=event, zone=zone, lang=lang)
    except STOP:
        raise log.stopped() from None
    log.check()
    assert summit is not None  # no problem, so a summit  # noqa: S101
    return Imported(summit, Report("indico", log.notes))


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


def _decode(text: str) -> object:
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise FormatError([("$", f"not valid JSON at {where}: {error.msg}")]) from None
    except RecursionError:
        raise FormatError([("$", "not a usable JSON document: nested too deeply")]) from None
    except ValueError as error:  # a key given twice, or an integer of thousands of digits
        raise FormatError([("$", f"not a usable JSON document: {error}")]) from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                message = f"the key {key!r} is given twice in one object"
                raise ValueError(message)
            seen.add(key)
    return document


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
        source = event if key == "timezone" else event.get("startDate")
        name = source.get(key) if isinstance(source, Mapping) else None
        if name is not None:
            try:
                return arguments.zone_named(name, name=where)
            except ModelError as error:
                log.problem(where, error.problem)
                return _UTC
    log.note(f"{path}.timezone", NoteKind.ASSUMED, "the event names no time zone: UTC is assumed")
    return _UTC


def _read(
    log: Log, document: object, *, event: int, zone: ZoneInfo | None, lang: str
) -> Summit | None:
    data, path = _event(log, document, event)
    zone = _summit_zone(log, data, path, zone)
    title = text_of(log, data.get("title"), f"{path}.title")
    if title is None:
        log.problem(f"{path}.title", "expected the event's title")
    start = _moment(log, data, "startDate", path, zone)
    end = _moment(log, data, "endDate", path, zone)
    people = _People(log, lang)
    rooms = _Named(log, lang, Room)
    tracks = _Named(log, lang, Track)
    sessions = _contributions(log, data, path, zone=zone, people=people, rooms=rooms, tracks=tracks)
    roles = []
    for i, chair in _listed(log, data.get("chairs"), f"{path}.chairs"):
        speaker = people.speaker_id(chair, f"{path}.chairs[{i}]")
        if speaker is not None and all(p.speaker != speaker for p in roles):
            roles.append(Participant(speaker, role=Role.CHAIR))
    for key, what in _EVENT_DROPPED.items():
        if data.get(key):
            log.note(f"{path}.{key}", NoteKind.DROPPED, f"{what} is not kept")
    venue_name = text_of(log, data.get("location"), f"{path}.location")
    venue = None
    if venue_name is not None:
        venue_text = localized(log, venue_name, lang, f"{path}.location")
        venue = None if venue_text is None else Venue(name=venue_text)
    event_room = text_of(log, data.get("roomFullname") or data.get("room"), f"{path}.room")
    if event_room is not None:
        log.note(f"{path}.room", NoteKind.DROPPED, f"the event's room {event_room!r} is not kept")
    if log.problems or title is None:
        return None
    days = _days(log, path, zone, start, end, sessions)
    if days is None:
        return None
    first_day, last_day = days
    try:
        windows = _windows(log, data, path, zone, start, end, first_day, last_day)
        return Summit(
            id=_summit_id(data.get("id")),
            name=LocalizedText({lang: title}),
            first_day=first_day,
            last_day=last_day,
            timezone=zone,
            day_windows=windows,
            venue=venue,
            rooms=cast("list[Room]", list(rooms.members.values())),
            organizations=list(people.organizations.values()),
            speakers=list(people.speakers.values()),
            tracks=cast("list[Track]", list(tracks.members.values())),
            sessions=sessions,
            roles=roles,
        )
    except ModelError as error:
        log.problem(path, str(error))
        return None


def _summit_id(value: object) -> str:
    if isinstance(value, (int, str)) and not isinstance(value, bool) and is_id(f"indico-{value}"):
        return f"indico-{value}"
    return "indico"


def _listed(log: Log, value: object, path: str) -> list[tuple[int, object]]:
    if value is None:
        return []
    if not isinstance(value, list):
        log.problem(path, f"expected a list, got {describe(value)}")
        return []
    return list(enumerate(cast("list[object]", value)))


def _moment(
    log: Log, data: Mapping[str, Any], key: str, path: str, zone: ZoneInfo
) -> dt.datetime | None:
    value = data.get(key)
    return None if value is None else instant(log, value, f"{path}.{key}", zone=zone)


def _days(
    log: Log,
    path: str,
    zone: ZoneInfo,
    start: dt.datetime | None,
    end: dt.datetime | None,
    sessions: list[Session],
) -> tuple[dt.date, dt.date] | None:
    """The summit's first and last days: the event's, or else the contributions'."""
    if start is not None and end is not None and end <= start:
        log.problem(f"{path}.endDate", f"expected the end after the start, {start.isoformat()}")
        return None
    if start is not None:
        last = start if end is None else end - dt.timedelta(microseconds=1)
        return start.date(), max(start.date(), last.astimezone(zone).date())
    dates = [s.slot.start.astimezone(zone).date() for s in sessions if s.slot is not None]
    if not dates:
        log.problem(f"{path}.startDate", "expected the event's start: no contribution has a time")
        return None
    log.note(
        f"{path}.startDate",
        NoteKind.ASSUMED,
        "the event has no start: its days are those of its contributions",
    )
    return min(dates), max(dates)


def _windows(
    log: Log,
    data: Mapping[str, Any],
    path: str,
    zone: ZoneInfo,
    start: dt.datetime | None,
    end: dt.datetime | None,
    first_day: dt.date,
    last_day: dt.date,
) -> list[TimeSlot]:
    """Each day's hours: from ``occurrences``, or else the event's span cut at midnight."""
    if data.get("occurrences") is not None:
        return _occurrences(log, data, path, zone, first_day, last_day)
    if start is None or end is None:
        return []
    windows = []
    opening = start
    day = start.date()
    while day < end.astimezone(zone).date():
        day += dt.timedelta(days=1)
        midnight = day_start(day, zone, dt.time(0))
        if midnight > opening:
            windows.append(TimeSlot(opening, midnight))
        opening = midnight
    if end > opening:
        windows.append(TimeSlot(opening, end.astimezone(zone)))
    return [w for w in windows if w.start.astimezone(zone).date() <= last_day]


def _occurrences(
    log: Log,
    data: Mapping[str, Any],
    path: str,
    zone: ZoneInfo,
    first_day: dt.date,
    last_day: dt.date,
) -> list[TimeSlot]:
    windows: list[TimeSlot] = []
    days: set[dt.date] = set()
    for i, period in _listed(log, data.get("occurrences"), f"{path}.occurrences"):
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
        elif not first_day <= day <= last_day:
            why = f"{day} is not one of the event's days"
        elif day in days or any(w.overlaps(TimeSlot(opens, closes)) for w in windows):
            why = "it overlaps another day's hours"
        if why is not None:
            log.note(where, NoteKind.DROPPED, f"these daily hours are not kept: {why}")
            continue
        days.add(day)
        windows.append(TimeSlot(opens, closes))
    return windows


def _contributions(
    log: Log,
    data: Mapping[str, Any],
    path: str,
    *,
    zone: ZoneInfo,
    people: _People,
    rooms: _Named,
    tracks: _Named,
) -> list[Session]:
    """Every contribution: the event's, and (``detail=sessions``) those in session blocks."""
    found: list[tuple[str, object]] = [
        (f"{path}.contributions[{i}]", c)
        for i, c in _listed(log, data.get("contributions"), f"{path}.contributions")
    ]
    for i, block in _listed(log, data.get("sessions"), f"{path}.sessions"):
        if isinstance(block, Mapping):
            inner = cast("Mapping[str, Any]", block).get("contributions")
            where = f"{path}.sessions[{i}].contributions"
            found.extend((f"{where}[{j}]", c) for j, c in _listed(log, inner, where))
    if "contributions" not in data and "sessions" not in data:
        log.note(
            path,
            NoteKind.DROPPED,
            "the event has no contributions: export it with detail=contributions",
        )
    ids = Ids()
    sessions = []
    for where, contribution in found:
        if not isinstance(contribution, Mapping):
            log.problem(where, f"expected a contribution object, got {describe(contribution)}")
            continue
        session = _contribution(
            log,
            cast("Mapping[str, Any]", contribution),
            where,
            zone=zone,
            ids=ids,
            people=people,
            rooms=rooms,
            tracks=tracks,
        )
        if session is not None:
            sessions.append(session)
    return sessions


def _contribution(  # noqa: PLR0913  # one reader's shared state, passed explicitly
    log: Log,
    data: Mapping[str, Any],
    path: str,
    *,
    zone: ZoneInfo,
    ids: Ids,
    people: _People,
    rooms: _Named,
    tracks: _Named,
) -> Session | None:
    lang = people.lang
    title = text_of(log, data.get("title"), f"{path}.title")
    if title is None:
        log.problem(f"{path}.title", "expected the contribution's title")
        return None
    label = text_of(log, data.get("type"), f"{path}.type")
    kind = kind_of(log, label, f"{path}.type")
    fields: dict[str, Any] = {
        "id": _session_id(log, data, path, ids, title),
        "title": localized(log, title, lang, f"{path}.title"),
        "slot": _slot(log, data, path, zone),
        "source_ids": _source_ids(data),
    }
    if label is not None and label.lower() != kind.kind:
        fields["label"] = label
    room = text_of(log, data.get("roomFullname") or data.get("room"), f"{path}.roomFullname")
    if room is not None:
        fields["room"] = rooms.id_of(room, f"{path}.roomFullname")
    fields["track"] = _track(log, data, path, tracks)
    abstract = text_of(log, data.get("description"), f"{path}.description")
    if abstract is not None:
        fields["abstract"] = localized(log, abstract, lang, f"{path}.description")
        fields["markup"] = Markup.HTML if is_html(abstract) else Markup.MARKDOWN
    url = text_of(log, data.get("url"), f"{path}.url")
    if url is not None:
        fields["url"] = url
    keywords = [
        text
        for i, value in _listed(log, data.get("keywords"), f"{path}.keywords")
        if (text := text_of(log, value, f"{path}.keywords[{i}]")) is not None
    ]
    fields["tags"] = keywords
    fields["links"], fields["attachments"] = links_of(log, data, path)
    participants = _participants(log, data, path, people, kind)
    if participants and kind.kind == "break":
        log.note(f"{path}.type", NoteKind.APPROXIMATED, "a break with people is read as a talk")
        kind = Talk
    fields["participants"] = participants
    for key, what in _CONTRIBUTION_DROPPED.items():
        if data.get(key):
            log.note(f"{path}.{key}", NoteKind.DROPPED, f"{what} are not kept")
    if any(value is None for key, value in fields.items() if key in {"title", "abstract"}):
        return None
    return _build(log, kind, fields, path)


def _build(log: Log, kind: type[Session], fields: dict[str, Any], path: str) -> Session | None:
    url = fields.get("url")
    try:
        return kind(**fields)
    except ModelError as error:
        if url is not None and error.path.endswith(".url"):
            log.note(f"{path}.url", NoteKind.DROPPED, f"not kept: {error.problem}")
            del fields["url"]
            return _build(log, kind, fields, path)
        log.problem(path, str(error))
        return None


def _session_id(log: Log, data: Mapping[str, Any], path: str, ids: Ids, title: str) -> str:
    own = next(
        (data[key] for key in ("friendly_id", "id", "db_id") if data.get(key) is not None), None
    )
    if isinstance(own, (int, str)) and not isinstance(own, bool):
        wanted = f"contribution-{own}"
        if ids.keep(wanted):
            return wanted
        made = ids.make(wanted)
        log.note(f"{path}.id", NoteKind.RENAMED, f"id {str(own)!r} is used twice: read as {made!r}")
        return made
    return ids.make(title)


def _source_ids(data: Mapping[str, Any]) -> list[SourceId]:
    for key in ("db_id", "id"):
        value = data.get(key)
        if isinstance(value, (int, str)) and not isinstance(value, bool) and is_id(str(value)):
            return [SourceId(CONTRIBUTION_SYSTEM, str(value))]
    return []


def _slot(log: Log, data: Mapping[str, Any], path: str, zone: ZoneInfo) -> TimeSlot | None:
    try:
        return _timed(log, data, path, zone)
    except ModelError as error:
        log.problem(f"{path}.startDate", error.problem)
        return None


def _timed(log: Log, data: Mapping[str, Any], path: str, zone: ZoneInfo) -> TimeSlot | None:
    start = _moment(log, data, "startDate", path, zone)
    if start is None:
        return None
    end = _moment(log, data, "endDate", path, zone)
    duration = data.get("duration")
    minutes = None
    if duration is not None:
        if not isinstance(duration, (int, float)) or isinstance(duration, bool):
            log.problem(f"{path}.duration", f"expected minutes, got {describe(duration)}")
            return None
        minutes = duration
    if end is not None and end > start:
        if minutes is not None and abs((end - start).total_seconds() - minutes * 60) >= 60:
            log.note(
                f"{path}.duration",
                NoteKind.DROPPED,
                f"{duration} minutes disagrees with the end, {end.isoformat()}: the end is kept",
            )
        return TimeSlot(start, end)
    if minutes is not None and 0 < minutes <= 366 * 24 * 60:
        return TimeSlot.starting(start, dt.timedelta(minutes=minutes))
    log.note(
        f"{path}.duration",
        NoteKind.ASSUMED,
        f"no usable end or duration: it is assumed to last {TimeSlot.ASSUMED_LENGTH}",
    )
    return TimeSlot.starting(start, None)


def _track(log: Log, data: Mapping[str, Any], path: str, tracks: _Named) -> str | None:
    track = data.get("track")
    if isinstance(track, Mapping):
        track = cast("Mapping[str, Any]", track).get("title")
    track_name = text_of(log, track, f"{path}.track")
    session_name = text_of(log, data.get("session"), f"{path}.session")
    if track_name is None and session_name is not None:
        log.note(
            f"{path}.session",
            NoteKind.APPROXIMATED,
            f"Indico session {session_name!r} is read as the track",
        )
        track_name = session_name
    elif session_name is not None and session_name != track_name:
        log.note(
            f"{path}.session", NoteKind.DROPPED, f"Indico session {session_name!r} is not kept"
        )
    return None if track_name is None else tracks.id_of(track_name, f"{path}.track")


def _participants(
    log: Log, data: Mapping[str, Any], path: str, people: _People, kind: type[Session]
) -> list[Participant]:
    presenter = Role.PANELIST if kind is Panel else Role.PRESENTER
    participants: list[Participant] = []
    seen: set[tuple[str, Role]] = set()
    for key, role in (
        ("speakers", presenter),
        ("primaryauthors", Role.AUTHOR),
        ("coauthors", Role.AUTHOR),
    ):
        for i, person in _listed(log, data.get(key), f"{path}.{key}"):
            where = f"{path}.{key}[{i}]"
            speaker = people.speaker_id(person, where)
            if speaker is None:
                continue
            if (speaker, role) in seen:
                log.note(where, NoteKind.MERGED, f"{speaker!r} is already listed as {role}")
                continue
            seen.add((speaker, role))
            participants.append(Participant(speaker, role=role))
    return participants
