"""A summit made from a frab schedule in the neutral shape.

Rooms and tracks are keyed by their names (ids made with
:func:`summitkit.make_id` from the slug, or else the name); persons are
matched as :mod:`summitkit.formats._frab_people` says; events become
sessions of the kind :mod:`summitkit.formats._frab_kinds` says, at the times
:mod:`summitkit.formats._frab_when` works out.

Events met twice:

- The same ``guid``, ``code`` or ``id`` with the same title, slot, room,
  type and persons is one event from merged sources: read once, a MERGED
  note.
- The same id on an event with other content is another occurrence of the
  same submission (pretalx gives each slot of a talk given twice the same
  ``code`` and ``id``): a second session, both in one ``series`` (the first
  session's id), both keeping the source id, and a RENAMED note for the
  second's id.

Markup: ``markup=`` if given; else Markdown for a pretalx document (its
generator says pretalx, or its events have a ``code``); else HTML for a
session whose abstract or description holds an HTML element (FOSDEM), else
plain text.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from summitkit._people import Participant, Role, Speaker
from summitkit._references import Link
from summitkit._sessions import Break, Markup, Panel, Session, Track
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit._venue import Room, Venue
from summitkit.exceptions import FormatError, ModelError
from summitkit.formats._frab_kinds import closest_language, kind_of, looks_like_html
from summitkit.formats._frab_parsed import RawEvent, RawLink, RawRoom, RawSchedule
from summitkit.formats._frab_people import People, source_id
from summitkit.formats._frab_when import Timing, timing
from summitkit.formats._naming import Ids
from summitkit.formats._reading import Log
from summitkit.formats._report import Imported, NoteKind

__all__ = ["build"]

_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})
# Session fields and the event fields they come from, for error paths.
_FROM = {
    "title": "title",
    "abstract": "abstract",
    "subtitle": "subtitle",
    "description": "description",
    "label": "type",
    "url": "url",
    "language": "language",
    "recording_licence": "recording_license",
    "participants": "persons",
}


class _Builder:
    def __init__(
        self, raw: RawSchedule, when: Timing, lang: str | None, markup: Markup | None
    ) -> None:
        self.raw = raw
        self.log: Log = raw.log
        self.when = when
        self.lang = lang
        self.default_lang = lang or "en"
        self.markup = markup
        self.pretalx = "pretalx" in (raw.generator or "").casefold() or any(
            event.code for event in raw.events
        )
        self.people = People(self.log, self.default_lang, self.url)
        self.rooms: dict[str, Room] = {}
        # Each room's id by its name as written, so that the thousandth
        # event in a room finds it at once.
        self.known_rooms: dict[str, str] = {}
        self.room_ids = Ids()
        self.tracks: dict[str, Track] = {}
        self.track_ids = Ids()
        self.session_ids = Ids()
        self.sessions: list[dict[str, Any]] = []
        self.seen: dict[tuple[str, str], tuple[int, tuple[object, ...]]] = {}
        self.languages: dict[str, str | None] = {}
        self.participants: dict[tuple[str, Role], Participant] = {}

    # -- references ---------------------------------------------------------

    def url(self, link: RawLink, log: Log) -> str | None:
        """*link*'s URL, made absolute against the document's base URL; ``None`` if unusable."""
        made = self.link(link, log, keep_text=False)
        return None if made is None else made.url

    def link(self, raw: RawLink, log: Log, *, keep_text: bool = True) -> Link | None:
        """The link *raw* writes, its URL made absolute; ``None`` (with a note) if unusable."""
        if not raw.url:
            return None
        url = raw.url
        if not url.startswith(("http://", "https://")) and self.raw.base_url:
            url = urljoin(self.raw.base_url, url)
        try:
            return Link(url, title=raw.title, kind=raw.type) if keep_text else Link(url)
        except ModelError as error:
            if error.path.endswith(".url"):
                log.note_once(
                    ("url", "not http"),
                    raw.at("url"),
                    NoteKind.DROPPED,
                    f"{raw.url[:80]!r} is not an http(s) URL, and is not kept",
                )
            else:
                log.problem(raw.path, error.problem)
            return None

    def links(self, links: list[RawLink]) -> list[Link]:
        """The usable links of *links*."""
        return [link for raw in links if (link := self.link(raw, self.log)) is not None]

    def room(self, raw: RawRoom) -> str | None:
        """The id of the room *raw* names, which is added if new."""
        name, guid, slug, path = raw.name, raw.guid, raw.slug, raw.path
        if not name:
            return None
        key = " ".join(name.split())
        known = self.rooms.get(key)
        if known is not None:
            self.known_rooms[name] = known.id
            return known.id
        ids = [
            kept
            for system, value, field in (("frab-guid", guid, "guid"), ("frab-slug", slug, "slug"))
            if (kept := source_id(system, value, raw, field, self.log)) is not None
        ]
        capacity = None
        if raw.capacity:
            try:
                capacity = int(float(raw.capacity))
            except (ValueError, OverflowError):
                capacity = 0
            if capacity <= 0:
                self.log.note(
                    raw.at("capacity"),
                    NoteKind.DROPPED,
                    f"capacity {raw.capacity[:32]!r} is not a number of seats",
                )
                capacity = None
        try:
            room = Room(
                id=self.room_ids.make(slug or key),
                name=LocalizedText({self.default_lang: key}),
                capacity=capacity,
                source_ids=tuple(ids),
            )
        except ModelError as error:
            self.log.problem(path, error.problem)
            return None
        self.rooms[key] = room
        self.known_rooms[name] = room.id
        return room.id

    def track(self, name: str | None, slug: str | None, path: str) -> str | None:
        if not name and not slug:
            return None
        key = " ".join((name or slug or "").split())
        known = self.tracks.get(key)
        if known is not None:
            return known.id
        kept = source_id("frab-slug", slug, path, "", self.log)
        try:
            track = Track(
                id=self.track_ids.make(slug or key),
                title=LocalizedText({self.default_lang: key}),
                source_ids=() if kept is None else (kept,),
            )
        except ModelError as error:
            self.log.problem(path, error.problem)
            return None
        self.tracks[key] = track
        return track.id

    def language(self, event: RawEvent) -> str | None:
        written = event.language
        if not written:
            return None
        if written in self.languages:
            return self.languages[written]
        tag, approximated = closest_language(written)
        if tag is None:
            self.log.note(
                event.at("language"),
                NoteKind.DROPPED,
                f"language {written[:64]!r} is no BCP 47 tag nor a language known here",
            )
        elif approximated:
            self.log.note(
                event.at("language"),
                NoteKind.APPROXIMATED,
                f"language {written[:64]!r} read as {tag!r}",
            )
        self.languages[written] = tag
        return tag

    # -- events -------------------------------------------------------------

    def event(self, event: RawEvent, slot: TimeSlot | None) -> None:
        """Read *event*, at *slot*, as a session (or as a repeat of one already read)."""
        log = self.log
        persons = self._persons(event)
        room_name = event.room or event.listed_room
        signature = (
            event.title,
            None if slot is None else slot.utc_bounds,
            room_name,
            event.type,
            tuple(persons),
        )
        keys = [
            (system, value)
            for system, value in (
                ("frab-guid", event.guid),
                ("pretalx-code", event.code),
                ("frab-id", event.id if event.id != "0" else None),
            )
            if value
        ]
        matched = next((key for key in keys if key in self.seen), None)
        first = None if matched is None else self.seen[matched]
        if first is not None and first[1] == signature:
            log.note(event.path, NoteKind.MERGED, "the same event is listed again; read once")
            return
        kind, label, approximated = kind_of(event.type, len(persons))
        if approximated is not None:
            log.note_once(
                ("type", event.type), event.at("type"), NoteKind.APPROXIMATED, approximated
            )
        if kind is Break and persons:
            log.note(
                event.at("persons"),
                NoteKind.DROPPED,
                "a break has no participants; its persons are not kept",
            )
            persons = []
        base = event.code or event.slug or (f"event-{event.id}" if event.id else None)
        session_id = self.session_ids.make(base or event.guid or event.title or "event")
        fields = self._fields(event, kind, session_id)
        fields.update(
            slot=slot,
            label=label,
            room=self.known_rooms.get(room_name or "")
            or self.room(RawRoom(event.at("room"), xml=event.xml, name=room_name)),
            participants=tuple(
                self.participant(speaker, Role.PANELIST if kind is Panel else Role.PRESENTER)
                for speaker in persons
            ),
            source_ids=tuple(
                kept
                for system, value in (*keys, ("frab-slug", event.slug))
                if (kept := source_id(system, value, event, _SOURCE_FIELDS[system], log))
                is not None
            ),
        )
        if first is not None and matched is not None:
            earlier = self.sessions[first[0]]
            fields["series"] = earlier.setdefault("series", earlier["id"])
            log.note(
                event.path,
                NoteKind.RENAMED,
                f"{matched[0]} {matched[1]!r} is already session {earlier['id']!r}'s, at another "
                f"time or with other content; read as session {session_id!r} in the same series",
            )
        for key in keys:
            self.seen.setdefault(key, (len(self.sessions), signature))
        self.sessions.append(fields)

    def _persons(self, event: RawEvent) -> list[str]:
        """The speaker ids of *event*'s persons, each once."""
        persons: list[str] = []
        for person in event.persons:
            speaker = self.people.add(person)
            if speaker is None:
                continue
            if speaker in persons:
                self.log.note(
                    person.path, NoteKind.MERGED, "the same person is listed twice; read once"
                )
                continue
            persons.append(speaker)
        return persons

    def _fields(self, event: RawEvent, kind: type[Session], session_id: str) -> dict[str, Any]:
        """The session's fields that come straight from the event's own."""
        log = self.log
        language = self.language(event)
        if self.lang is None and language is None:
            log.note_once(
                ("text language",),
                event.at("language"),
                NoteKind.ASSUMED,
                "no language given for the text; taken as English (pass lang= to say)",
            )
        title = event.title
        if not title:
            title = event.slug or event.code or "Untitled"
            log.note(event.at("title"), NoteKind.ASSUMED, f"no title; called {title!r}")
        fields: dict[str, Any] = {
            "kind": kind,
            "event": event,
            "text language": self.lang or language or "en",
            "id": session_id,
            "title": title,
            "title_assumed": not event.title,
            "language": language,
            "track": self.track(event.track, event.track_slug, event.at("track")),
            "links": tuple(self.links(event.links)),
            "attachments": tuple(self.links(event.attachments)),
            "markup": self._markup(event),
        }
        for name in ("abstract", "subtitle", "description"):
            value = getattr(event, name)
            if value:
                fields[name] = value
        # A schedule that must give every event a url (the c3voc JSON Schema)
        # may give the event's own guid as a URN: that is no page, and not lost.
        if event.url and event.url.casefold() != f"urn:uuid:{event.guid}".casefold():
            fields["url"] = self.url(
                RawLink(event.at("url"), xml=event.xml, url=event.url, bare=True), log
            )
        if event.recording_license:
            fields["recording_licence"] = event.recording_license
        if event.do_not_record:
            fields["do_not_record"] = self._flag(event)
        return fields

    def participant(self, speaker: str, role: Role) -> Participant:
        """*speaker* in *role*: one value, made once and shared (values are immutable)."""
        key = (speaker, role)
        made = self.participants.get(key)
        if made is None:
            made = self.participants[key] = Participant(speaker, role=role)
        return made

    def _flag(self, event: RawEvent) -> bool:
        written = (event.do_not_record or "").casefold()
        if written in _TRUE:
            return True
        if written not in _FALSE:
            self.log.note(
                event.at("do_not_record"),
                NoteKind.DROPPED,
                f"{written[:32]!r} is not true or false; the session may be recorded",
            )
        return False

    def _markup(self, event: RawEvent) -> Markup:
        if self.markup is not None:
            return self.markup
        if self.pretalx:
            return Markup.MARKDOWN
        if looks_like_html(event.abstract, event.description):
            return Markup.HTML
        return Markup.PLAIN

    def built_sessions(self) -> list[Session]:
        """Every session read, made; a value the model refuses is a problem at its place."""
        sessions: list[Session] = []
        for fields in self.sessions:
            kind = fields.pop("kind")
            event: RawEvent = fields.pop("event")
            lang = fields.pop("text language")
            for name in _TEXTS:
                if name in fields:
                    fields[name] = self._text(fields[name], lang, event.at(name))
            if None in (fields[name] for name in _TEXTS if name in fields):
                continue
            try:
                sessions.append(kind(**fields))
            except ModelError as error:
                field = error.path.partition(".")[2].partition("[")[0].partition(".")[0]
                self.log.problem(
                    event.at(_FROM.get(field, field)) if field else event.path, error.problem
                )
        return sessions

    def _text(self, text: str, lang: str, path: str) -> LocalizedText | None:
        try:
            return LocalizedText({lang: text})
        except ModelError as error:
            self.log.problem(path, error.problem)
            return None


_TEXTS = ("title", "abstract", "subtitle", "description")
_SOURCE_FIELDS = {"frab-guid": "guid", "pretalx-code": "code", "frab-id": "id", "frab-slug": "slug"}


def build(
    raw: RawSchedule, *, tz: ZoneInfo | None, lang: str | None, markup: Markup | None
) -> Imported:
    """The summit *raw* describes, and the report of what was not read as it stood.

    Raises:
        FormatError: With every problem found.
    """
    log = raw.log
    when = timing(raw, tz)
    builder = _Builder(raw, when, lang, markup)
    for track in raw.tracks:
        builder.track(track.name, track.slug, track.path)
    for room in raw.rooms:
        builder.room(room)
    for person in raw.persons:
        builder.people.add(person)
    for event, slot in zip(raw.events, when.slots, strict=True):
        builder.event(event, slot)
    sessions = builder.built_sessions()
    speakers = builder.people.speakers()
    log.check()
    summit = _summit(raw, when, builder, sessions, speakers)
    return Imported(summit, log.report())


def _summit(
    raw: RawSchedule,
    when: Timing,
    builder: _Builder,
    sessions: list[Session],
    speakers: list[Speaker],
) -> Summit:
    log = raw.log
    conference = raw.conference
    root = "/schedule/conference" if raw.xml else "$.schedule.conference"
    acronym = conference.acronym if conference is not None else None
    title = conference.title if conference is not None else None
    if not title:
        title = acronym or "Untitled"
        log.note(
            f"{root}/title" if raw.xml else f"{root}.title",
            NoteKind.ASSUMED,
            f"no title; called {title!r}",
        )
    venue = None
    lang = builder.default_lang
    if conference is not None and conference.city and not conference.venue:
        log.note(conference.at("city"), NoteKind.DROPPED, "a city without a venue is not kept")
    try:
        if conference is not None and conference.venue:
            venue = Venue(
                name=LocalizedText({lang: conference.venue}),
                city=LocalizedText({lang: conference.city}) if conference.city else None,
            )
        return Summit(
            id=Ids().make(acronym or title),
            name=LocalizedText({lang: title}),
            first_day=when.first_day,
            last_day=when.last_day,
            theme=LocalizedText({lang: conference.subtitle})
            if conference is not None and conference.subtitle
            else None,
            timezone=when.zone,
            day_change=when.day_change,
            day_windows=tuple(when.windows),
            venue=venue,
            rooms=tuple(builder.rooms.values()),
            speakers=tuple(speakers),
            tracks=tuple(builder.tracks.values()),
            sessions=tuple(sessions),
        )
    except ModelError as error:
        raise FormatError([(root, f"{error.path}: {error.problem}")]) from None
