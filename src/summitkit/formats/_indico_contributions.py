"""The contributions of an Indico event, and the people, rooms and tracks they name.

A helper of :mod:`summitkit.formats.indico`, which reads the event itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar, cast
from zoneinfo import ZoneInfo

from summitkit._people import Organization, Participant, Role, Speaker
from summitkit._references import SourceId
from summitkit._sessions import Markup, Panel, Session, Talk, Track
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit._venue import Room
from summitkit.exceptions import ModelError
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
from summitkit.formats._reading import Log
from summitkit.formats._report import NoteKind

__all__ = ["CONTRIBUTION_SYSTEM", "PERSON_SYSTEM", "People", "Programme", "listed", "moment"]

#: The system of the source id each session keeps: the contribution's
#: ``db_id`` (the id in its Indico URL), or its ``id`` when there is none.
CONTRIBUTION_SYSTEM = "indico-contribution-id"
#: The system of the source id each speaker keeps: the event person's id.
PERSON_SYSTEM = "indico-id"

T = TypeVar("T", Room, Track)

# What a contribution holds that a session has no place for, as Indico's
# export writes it (its markers ``_type`` and ``_fossil`` say nothing more).
_CONTRIBUTION_DROPPED = {
    "subContributions": "sub-contributions are not kept",
    "references": "external references are not kept",
    "note": "minutes are not kept",
    "board_number": "poster board numbers are not kept",
    "code": "programme codes are not kept",
    "allowed": "access lists (who may see a contribution) are not kept",
}

# What a session block (detail=sessions) holds beyond its contributions,
# which carry their own times and rooms.
_BLOCK_DROPPED = {
    "conveners": "session block conveners are not kept",
    "note": "session block minutes are not kept",
}


class People:
    """Speakers and organizations of the event, one per Indico person."""

    def __init__(self, log: Log, lang: str) -> None:
        self.log = log
        self.lang = lang
        self.speakers: dict[object, Speaker] = {}
        self.organizations: dict[str, Organization] = {}
        self._affiliations: dict[object, str | None] = {}
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
        # person_id is the event's person; "id" is the person's link to one
        # contribution in current exports, so it cannot tell who is who.
        person_id = fields.get("person_id")
        if isinstance(person_id, (int, str)) and not isinstance(person_id, bool):
            key: tuple[object, ...] = ("person", str(person_id))
        elif isinstance(fields.get("emailHash"), str):
            key = ("email", fields["emailHash"])
        else:
            key = ("name", named.name, affiliation)
        known = self.speakers.get(key)
        if known is not None:
            if affiliation != self._affiliations[key]:
                log.note(
                    f"{path}.affiliation",
                    NoteKind.MERGED,
                    f"{named.name} is read with the affiliation met first, "
                    f"{self._affiliations[key]!r}, not {affiliation!r}",
                )
            return known.id
        name = localized(log, named.name, self.lang, f"{path}.fullName")
        if name is None:
            return None
        honorific = None
        if named.honorific is not None:
            honorific = localized(log, named.honorific, self.lang, f"{path}.title")
        source_ids: list[SourceId] = []
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
        self._affiliations[key] = affiliation
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


class Named(Generic[T]):
    """Rooms or tracks, one per name, each made by *make* from its id and its name."""

    def __init__(self, log: Log, lang: str, make: Callable[[str, LocalizedText], T]) -> None:
        self.log = log
        self.lang = lang
        self.make: Callable[[str, LocalizedText], T] = make
        self.members: dict[str, T] = {}
        self._ids = Ids()

    def id_of(self, name: str, path: str) -> str | None:
        known = self.members.get(name)
        if known is None:
            text = localized(self.log, name, self.lang, path)
            if text is None:
                return None
            known = self.make(self._ids.make(name), text)
            self.members[name] = known
        return str(getattr(known, "id"))  # noqa: B009  # a Room or a Track: both have an id


def listed(log: Log, value: object, path: str) -> list[tuple[int, object]]:
    if value is None:
        return []
    if not isinstance(value, list):
        log.problem(path, f"expected a list, got {describe(value)}")
        return []
    return list(enumerate(cast("list[object]", value)))


def moment(
    log: Log, data: Mapping[str, Any], key: str, path: str, zone: ZoneInfo
) -> dt.datetime | None:
    value = data.get(key)
    return None if value is None else instant(log, value, f"{path}.{key}", zone=zone)


class Programme:
    """The contributions of one event, read into sessions, with their rooms, tracks and people.

    Args:
        log: Where problems and notes go.
        zone: The summit's zone, which every time is shown in.
        lang: The language of the event's text.
    """

    def __init__(self, log: Log, zone: ZoneInfo, lang: str) -> None:
        self.log = log
        self.zone = zone
        self.lang = lang
        self.people = People(log, lang)
        self.rooms = Named(log, lang, lambda key, text: Room(id=key, name=text))
        self.tracks = Named(log, lang, lambda key, text: Track(id=key, title=text))
        self.ids = Ids()
        self.venue: str | None = None

    def read(self, data: Mapping[str, Any], path: str) -> list[Session]:
        """Every contribution: the event's, and (``detail=sessions``) those in session blocks."""
        log = self.log
        venue = data.get("location")
        # The event's location is the summit's venue (read, or noted, with the event).
        self.venue = venue.strip() if isinstance(venue, str) else None
        found: list[tuple[str, object]] = [
            (f"{path}.contributions[{i}]", c)
            for i, c in listed(log, data.get("contributions"), f"{path}.contributions")
        ]
        for i, block in listed(log, data.get("sessions"), f"{path}.sessions"):
            if not isinstance(block, Mapping):
                log.problem(
                    f"{path}.sessions[{i}]",
                    f"expected a session block object, got {describe(block)}",
                )
                continue
            self._block(cast("Mapping[str, Any]", block), f"{path}.sessions[{i}]")
            inner = cast("Mapping[str, Any]", block).get("contributions")
            where = f"{path}.sessions[{i}].contributions"
            found.extend((f"{where}[{j}]", c) for j, c in listed(log, inner, where))
        if "contributions" not in data and "sessions" not in data:
            log.note(
                path,
                NoteKind.DROPPED,
                "the event has no contributions: export it with detail=contributions",
            )
        sessions: list[Session] = []
        for where, contribution in found:
            if not isinstance(contribution, Mapping):
                log.problem(where, f"expected a contribution object, got {describe(contribution)}")
                continue
            session = self._contribution(cast("Mapping[str, Any]", contribution), where)
            if session is not None:
                sessions.append(session)
        return sessions

    def _block(self, block: Mapping[str, Any], path: str) -> None:
        """Note what a session block holds beyond its contributions (its title is their track)."""
        for key, message in _BLOCK_DROPPED.items():
            if block.get(key):
                self.log.note_once(("block", key), f"{path}.{key}", NoteKind.DROPPED, message)

    def _contribution(self, data: Mapping[str, Any], path: str) -> Session | None:
        log, lang = self.log, self.lang
        title = self._title(data, path)
        if title is None:
            return None
        label = text_of(log, data.get("type"), f"{path}.type")
        kind = kind_of(log, label, f"{path}.type")
        fields: dict[str, Any] = {
            "id": self._session_id(data, path, title),
            "title": localized(log, title, lang, f"{path}.title"),
            "slot": self._slot(data, path),
            "source_ids": _source_ids(data),
        }
        if label is not None and label.lower() != kind.kind:
            fields["label"] = label
        room = text_of(log, data.get("roomFullname") or data.get("room"), f"{path}.roomFullname")
        if room is not None:
            fields["room"] = self.rooms.id_of(room, f"{path}.roomFullname")
        fields["track"] = self._track(data, path)
        abstract = text_of(log, data.get("description"), f"{path}.description")
        if abstract is not None:
            fields["abstract"] = localized(log, abstract, lang, f"{path}.description")
            fields["markup"] = Markup.HTML if is_html(abstract) else Markup.MARKDOWN
        url = text_of(log, data.get("url"), f"{path}.url")
        if url is not None:
            fields["url"] = url
        keywords = [
            text
            for i, value in listed(log, data.get("keywords"), f"{path}.keywords")
            if (text := text_of(log, value, f"{path}.keywords[{i}]")) is not None
        ]
        fields["tags"] = keywords
        fields["links"], fields["attachments"] = links_of(log, data, path)
        participants = self._participants(data, path, kind)
        if participants and kind.kind == "break":
            log.note(f"{path}.type", NoteKind.APPROXIMATED, "a break with people is read as a talk")
            kind = Talk
        fields["participants"] = participants
        for key, message in _CONTRIBUTION_DROPPED.items():
            if data.get(key):
                log.note_once(("contribution", key), f"{path}.{key}", NoteKind.DROPPED, message)
        self._location(data, path)
        if any(value is None for key, value in fields.items() if key in {"title", "abstract"}):
            return None
        return self._build(kind, fields, path)

    def _title(self, data: Mapping[str, Any], path: str) -> str | None:
        written = data.get("title")
        title = text_of(self.log, written, f"{path}.title")
        if title is None and (written is None or isinstance(written, str)):
            # Missing or blank; text that is no text is a problem text_of told.
            self.log.problem(f"{path}.title", "expected the contribution's title")
        return title

    def _location(self, data: Mapping[str, Any], path: str) -> None:
        """Note a location of the contribution's own: a session has only the summit's venue."""
        location = text_of(self.log, data.get("location"), f"{path}.location")
        if location is not None and location != self.venue:
            self.log.note_once(
                ("contribution", "location"),
                f"{path}.location",
                NoteKind.DROPPED,
                f"the contribution's location {location!r}, not the event's, is not kept",
            )

    def _build(self, kind: type[Session], fields: dict[str, Any], path: str) -> Session | None:
        log = self.log
        url = fields.get("url")
        try:
            return kind(**fields)
        except ModelError as error:
            if url is not None and error.path.endswith(".url"):
                log.note(f"{path}.url", NoteKind.DROPPED, f"not kept: {error.problem}")
                del fields["url"]
                return self._build(kind, fields, path)
            log.problem(path, str(error))
            return None

    def _session_id(self, data: Mapping[str, Any], path: str, title: str) -> str:
        ids = self.ids
        own = next(
            (data[key] for key in ("friendly_id", "id", "db_id") if data.get(key) is not None), None
        )
        if isinstance(own, (int, str)) and not isinstance(own, bool):
            wanted = f"contribution-{own}"
            if ids.keep(wanted):
                return wanted
            why = "is used twice" if wanted in ids else "is not usable in an id"
            made = ids.make(wanted)
            self.log.note(
                f"{path}.id", NoteKind.RENAMED, f"id {str(own)!r} {why}: read as {made!r}"
            )
            return made
        return ids.make(title)

    def _slot(self, data: Mapping[str, Any], path: str) -> TimeSlot | None:
        try:
            return self._timed(data, path)
        except ModelError as error:
            self.log.problem(f"{path}.startDate", error.problem)
            return None

    def _timed(self, data: Mapping[str, Any], path: str) -> TimeSlot | None:
        log, zone = self.log, self.zone
        start = moment(log, data, "startDate", path, zone)
        if start is None:
            return None
        end = moment(log, data, "endDate", path, zone)
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
                    f"{duration} minutes disagrees with the end, {end.isoformat()}: "
                    "the end is kept",
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

    def _track(self, data: Mapping[str, Any], path: str) -> str | None:
        log = self.log
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
        return None if track_name is None else self.tracks.id_of(track_name, f"{path}.track")

    def _participants(
        self, data: Mapping[str, Any], path: str, kind: type[Session]
    ) -> list[Participant]:
        log = self.log
        presenter = Role.PANELIST if kind is Panel else Role.PRESENTER
        participants: list[Participant] = []
        seen: set[tuple[str, Role]] = set()
        for key, role in (
            ("speakers", presenter),
            ("primaryauthors", Role.AUTHOR),
            ("coauthors", Role.AUTHOR),
        ):
            for i, person in listed(log, data.get(key), f"{path}.{key}"):
                where = f"{path}.{key}[{i}]"
                speaker = self.people.speaker_id(person, where)
                if speaker is None:
                    continue
                if (speaker, role) in seen:
                    log.note(where, NoteKind.MERGED, f"{speaker!r} is already listed as {role}")
                    continue
                seen.add((speaker, role))
                participants.append(Participant(speaker, role=role))
        return participants


def _source_ids(data: Mapping[str, Any]) -> list[SourceId]:
    for key in ("db_id", "id"):
        value = data.get(key)
        if isinstance(value, (int, str)) and not isinstance(value, bool) and is_id(str(value)):
            return [SourceId(CONTRIBUTION_SYSTEM, str(value))]
    return []
