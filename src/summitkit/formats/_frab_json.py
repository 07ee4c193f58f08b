"""frab and pretalx schedule JSON, read into the neutral shape.

JSON paths in notes and problems count from 0 and quote room names, which
are keys: ``$.schedule.conference.days[1].rooms["Saal 1"][2].date``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar, cast

from summitkit._validators import describe
from summitkit.exceptions import FormatError
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

__all__ = ["read_json"]

_T = TypeVar("_T")

_EVENT_TEXT = frozenset(
    {
        "guid",
        "id",
        "code",
        "date",
        "start",
        "duration",
        "end",
        "room",
        "title",
        "subtitle",
        "type",
        "language",
        "abstract",
        "description",
        "slug",
        "track",
        "url",
        "recording_license",
        "do_not_record",
    }
)
_EVENT_DROPPED = frozenset(
    {"logo", "feedback_url", "origin_url", "video_download_url", "do_not_stream", "answers"}
)
_CONFERENCE_DROPPED = frozenset(
    {"daysCount", "timeslot_duration", "logo", "colors", "keywords", "url", "meta", "description"}
)
_PERSON_DROPPED = frozenset({"avatar", "answers"})
# What the format has that a summit does not keep (noted only when not empty).
_DROPPED = {"event": _EVENT_DROPPED, "person": _PERSON_DROPPED}


def read_json(text: str, log: Log) -> RawSchedule:
    """The schedule *text* holds, in the neutral shape; notes and problems go to *log*.

    Raises:
        FormatError: If *text* is not JSON, or has no ``schedule`` object.
    """
    try:
        document = json.loads(text)
    except RecursionError:
        raise FormatError([("$", "expected JSON nested less deeply")]) from None
    except json.JSONDecodeError as error:
        raise FormatError(
            [(f"line {error.lineno}, column {error.colno}", f"expected JSON: {error.msg}")]
        ) from None
    except ValueError as error:  # a number too long to convert
        raise FormatError([("$", f"expected JSON: {error}")]) from None
    schedule = RawSchedule(xml=False, log=log)
    top = _object(document, "$", log)
    if top is None or not isinstance(top.get("schedule"), dict):
        log.check()
        raise FormatError([("$.schedule", "expected the schedule object")])
    for key, value in top.items():
        if key == "generator":
            generator = _object(value, "$.generator", log)
            if generator is not None:
                schedule.generator = _str(generator.get("name"), "$.generator.name", log)
        elif key == "schedule":
            _schedule(value, schedule)
        elif key != "$schema":
            unknown(log, "$", key, f"$.{key}", element=False)
    return schedule


def _schedule(body: dict[str, Any], schedule: RawSchedule) -> None:
    log = schedule.log
    for key, value in body.items():
        path = f"$.schedule.{key}"
        if key == "conference":
            conference = _object(value, path, log)
            if conference is not None:
                _conference(conference, path, schedule)
        elif key == "version":
            version = _str(value, path, log)
            if version:
                log.note(path, NoteKind.DROPPED, f"the schedule's version {version!r} is not kept")
        elif key == "base_url":
            schedule.base_url = _str(value, path, log)
        elif key == "url":
            log.note(path, NoteKind.DROPPED, "the schedule's own address is not kept")
        else:
            unknown(log, "schedule", key, path, element=False)


def _conference(body: dict[str, Any], path: str, schedule: RawSchedule) -> None:
    log = schedule.log
    conference = RawConference(path, xml=False)
    schedule.conference = conference
    for key, value in body.items():
        at = f"{path}.{key}"
        if key in CONFERENCE_TEXT:
            setattr(conference, key, _str(value, at, log))
        elif key in ("tracks", "rooms", "days"):
            for index, item in enumerate(_list(value, at, log)):
                entry = _object(item, f"{at}[{index}]", log)
                if entry is None:
                    continue
                if key == "tracks":
                    schedule.tracks.append(_track(entry, f"{at}[{index}]", log))
                elif key == "rooms":
                    schedule.rooms.append(_room(entry, f"{at}[{index}]", log))
                else:
                    _day(entry, f"{at}[{index}]", schedule)
        elif key in _CONFERENCE_DROPPED:
            no_place(log, "conference", key, at, element=False)
        else:
            unknown(log, "conference", key, at, element=False)
    if conference.base_url and not schedule.base_url:
        schedule.base_url = conference.base_url


def _track(body: dict[str, Any], path: str, log: Log) -> RawTrack:
    track = RawTrack(path, xml=False)
    for key, value in body.items():
        if key in ("name", "slug"):
            setattr(track, key, _str(value, f"{path}.{key}", log))
        else:
            no_place(log, "track", key, f"{path}.{key}", element=False)
    return track


def _room(body: dict[str, Any], path: str, log: Log) -> RawRoom:
    room = RawRoom(path, xml=False)
    for key, value in body.items():
        if key in ("name", "guid", "slug", "capacity"):
            setattr(room, key, _str(value, f"{path}.{key}", log))
        else:
            no_place(log, "room", key, f"{path}.{key}", element=False)
    return room


def _day(body: dict[str, Any], path: str, schedule: RawSchedule) -> None:
    log = schedule.log
    day = RawDay(path, xml=False)
    schedule.days.append(day)
    rooms: dict[str, Any] = {}
    for key, value in body.items():
        at = f"{path}.{key}"
        if key in ("index", "date", "day_start", "day_end"):
            setattr(day, key, _str(value, at, log))
        elif key == "rooms":
            rooms = _object(value, at, log) or {}
        else:
            unknown(log, "day", key, at, element=False)
    for name, events in rooms.items():
        room_path = f"{path}.rooms[{json.dumps(name, ensure_ascii=False)}]"
        for index, event in enumerate(_list(events, room_path, log)):
            item = _object(event, f"{room_path}[{index}]", log)
            if item is not None:
                schedule.events.append(_event(item, f"{room_path}[{index}]", day, name, log))


def _event(body: dict[str, Any], path: str, day: RawDay, room: str, log: Log) -> RawEvent:
    event = RawEvent(path, xml=False, day=day, listed_room=room)
    for key, value in body.items():
        at = f"{path}.{key}"
        if key in _EVENT_TEXT:
            setattr(event, key, _str(value, at, log))
        elif key == "persons":
            event.persons = _each(value, at, log, _person)
        elif key in ("links", "attachments"):
            setattr(event, key, _each(value, at, log, _link))
        else:
            _not_read(log, "event", key, value, at)
    return event


def _person(value: object, path: str, log: Log) -> RawPerson | None:
    body = _object(value, path, log)
    if body is None:
        return None
    person = RawPerson(path, xml=False)
    for key, item in body.items():
        at = f"{path}.{key}"
        if key in ("id", "guid", "code", "biography", "url"):
            setattr(person, key, _str(item, at, log))
        elif key in ("name", "public_name"):
            # pretalx writes both; frab only public_name.
            person.name = person.name or _str(item, at, log)
        elif key == "links":
            person.links = _each(item, at, log, _link)
        else:
            _not_read(log, "person", key, item, at)
    return person


def _not_read(log: Log, holder: str, key: str, value: object, path: str) -> None:
    """Note a key not read: one the format has, unless empty, or one it has not."""
    if key not in _DROPPED[holder]:
        unknown(log, holder, key, path, element=False)
    elif value not in (None, "", [], {}):
        no_place(log, holder, key, path, element=False)


def _each(
    value: object, path: str, log: Log, read: Callable[[object, str, Log], _T | None]
) -> list[_T]:
    """The items of the list *value*, each read by *read*; those it cannot read left out."""
    return [
        read_item
        for index, item in enumerate(_list(value, path, log))
        if (read_item := read(item, f"{path}[{index}]", log)) is not None
    ]


def _link(value: object, path: str, log: Log) -> RawLink | None:
    if isinstance(value, str):
        return RawLink(path, xml=False, url=value.strip() or None, bare=True)
    body = _object(value, path, log)
    if body is None:
        return None
    link = RawLink(path, xml=False)
    for key, item in body.items():
        at = f"{path}.{key}"
        if key in ("url", "title", "type"):
            setattr(link, key, _str(item, at, log))
        elif key == "href":
            link.url = _str(item, at, log)
        else:
            unknown(log, "link", key, at, element=False)
    return link


def _object(value: object, path: str, log: Log) -> dict[str, Any] | None:
    if isinstance(value, dict):
        return cast("dict[str, Any]", value)  # JSON object keys are strings
    if value is not None:
        log.problem(path, f"expected an object, got {_what(value)}")
    return None


def _list(value: Any, path: str, log: Log) -> list[Any]:  # noqa: ANN401  # any JSON value
    if isinstance(value, list):
        return value  # pyright: ignore[reportUnknownVariableType]  # any JSON values
    if value is not None:
        log.problem(path, f"expected a list, got {_what(value)}")
    return []


def _str(value: object, path: str, log: Log) -> str | None:
    """Text as written, stripped; numbers and true/false as their JSON text; else a problem."""
    if isinstance(value, str):
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    log.problem(path, f"expected text, got {_what(value)}")
    return None


def _what(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return describe(value)
