"""schema.org JSON-LD: a summit as an ``Event``, its timed sessions as sub-events.

Search engines read an event's page through the JSON-LD in a
``<script type="application/ld+json">`` element.  This module writes the
summit as a schema.org ``Event`` (``"@context": "https://schema.org"``) with
one ``subEvent`` per timed session, each with the properties Google's event
rich results require (``name``, ``startDate``, ``location``, with an
``address`` for a place and a ``url`` for an online location) and those it
recommends (``endDate``, ``description``, ``eventStatus``,
``eventAttendanceMode``, ``organizer``, ``performer``, ``previousStartDate``).

Times are ISO 8601 with the offset of the summit's zone.  One language is
written (``lang=``; ``inLanguage`` says which).  What schema.org has no
place for is listed in the report :func:`export` returns: untimed sessions
(an event needs a start), the other languages, tracks, tags, and the rest.
The text is safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` are
written as JSON escapes, so no title can end the element.

>>> import summitkit as sk
>>> from summitkit.formats import jsonld
>>> event = jsonld.to_dict(sk.examples.gsms2015())
>>> event["@type"], event["startDate"], event["location"]["name"]
('Event', '2015-09-16T09:15:00+04:00', 'Sofitel Dubai Downtown')
>>> keynote = event["subEvent"][2]
>>> keynote["name"], [person["name"] for person in keynote["performer"]]
('The Modern Workplace', ['Paolo Pulcini'])
>>> print(jsonld.export(sk.examples.gsms2015(), lang="ar").report.summary())
jsonld: 5 dropped, 4 approximated
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any
from zoneinfo import ZoneInfo

from summitkit import _arguments as arguments
from summitkit._people import Participant, Role, Speaker
from summitkit._sessions import Markup, Session, Status
from summitkit._summit import Summit, earlier_version, summit_argument
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit._venue import Room
from summitkit.exceptions import InvalidTypeError, InvalidValueError, UnknownIdError
from summitkit.formats._report import Exported, Note, NoteKind, Report
from summitkit.formats._source import Target, write_target

__all__ = ["CONTEXT", "PERFORMER_ROLES", "dump", "dumps", "export", "to_dict"]

#: The ``@context`` every document names.
CONTEXT = "https://schema.org"

#: The roles whose speakers are an event's ``performer`` s: everyone on stage.
#: An :attr:`~summitkit.Role.AUTHOR` (not there) is a ``contributor``, and
#: an :attr:`~summitkit.Role.ORGANISER` an ``organizer``.
PERFORMER_ROLES: tuple[Role, ...] = (
    Role.PRESENTER,
    Role.PANELIST,
    Role.MODERATOR,
    Role.CHAIR,
    Role.HOST,
)

_FORMAT = "jsonld"
_SCHEMA = "https://schema.org/"
_UTC = dt.timezone.utc

# "<", ">" and "&" only ever appear inside JSON strings, where an escape
# reads back as the same character; written as escapes, no string can close
# the <script> element ("</script>") or open a comment ("<!--") around it.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})

# The session fields schema.org's Event has no place for, and how a note names them.
_SESSION_FIELDS_DROPPED: tuple[tuple[str, str, Callable[[Session], bool]], ...] = (
    ("subtitle", "subtitles", lambda s: s.subtitle is not None),
    ("track", "tracks", lambda s: s.track is not None),
    ("label", "labels", lambda s: s.label is not None),
    ("links", "links", lambda s: bool(s.links)),
    ("attachments", "attachments", lambda s: bool(s.attachments)),
    ("tags", "tags", lambda s: bool(s.tags)),
    ("expected_attendance", "expected attendance", lambda s: s.expected_attendance is not None),
    ("do_not_record", "requests not to be recorded", lambda s: s.do_not_record),
    ("recording_licence", "recording licences", lambda s: s.recording_licence is not None),
    (
        "parent",
        "parent sessions (every session is a sub-event of the summit)",
        lambda s: s.parent is not None,
    ),
    ("series", "series", lambda s: s.series is not None),
    ("source_ids", "ids from other systems", lambda s: bool(s.source_ids)),
)

_SPEAKER_FIELDS_DROPPED: tuple[tuple[str, Callable[[Speaker], bool]], ...] = (
    ("countries", lambda p: p.country is not None),
    ("availability", lambda p: bool(p.availability)),
    ("ids from other systems", lambda p: bool(p.source_ids)),
)


def to_dict(
    summit: Summit, *, previous: Summit | None = None, lang: str | None = None
) -> dict[str, Any]:
    """The summit as a schema.org ``Event``, as a new ``dict`` of JSON values.

    Args:
        summit: The summit to write.
        previous: An earlier version of the same summit: a session whose
            start has moved since is ``EventRescheduled`` with its
            ``previousStartDate``.
        lang: The language to write text in (a BCP 47 tag); each text is
            its closest match (:meth:`~summitkit.LocalizedText.lookup`).
            By default, English if the summit's name has it, else the
            name's first language.

    Raises:
        InvalidTypeError: If *summit* or *previous* is not a Summit, or
            *lang* not a string.
        InvalidTextError: If *lang* is not a well-formed, registered tag.
        InvalidValueError: If *previous* is another summit (another id).
    """
    return _Writer.build(summit, previous, lang, "jsonld.to_dict").document


def export(
    summit: Summit,
    *,
    previous: Summit | None = None,
    lang: str | None = None,
    indent: int | None = None,
) -> Exported[str]:
    """The summit as JSON-LD text, with the report of what it could not carry.

    Args:
        summit: The summit to write.
        previous: As for :func:`to_dict`.
        lang: As for :func:`to_dict`.
        indent: Spaces per level, from 0 to 16; ``None`` (the default)
            writes compact text.

    Returns:
        The text (as :func:`dumps` writes it) and a
        :class:`~summitkit.formats.Report` whose notes name the untimed
        sessions left out (one each), and once each the languages, fields
        and estimates not carried as they are.

    Raises:
        InvalidTypeError: As for :func:`to_dict`, or if *indent* is not a
            whole number.
        InvalidValueError: As for :func:`to_dict`, or if *indent* is out of range.
        InvalidTextError: As for :func:`to_dict`.
    """
    return _export(summit, previous, lang, indent, "jsonld.export")


def dumps(
    summit: Summit,
    *,
    previous: Summit | None = None,
    lang: str | None = None,
    indent: int | None = None,
) -> str:
    r"""The summit as JSON-LD text, ready for a ``<script type="application/ld+json">``.

    The text is JSON whose ``<``, ``>`` and ``&`` are written as the
    escapes ``\u003c``, ``\u003e`` and ``\u0026``: a JSON reader reads the
    same strings, and no string can end the script element.  The same
    summit and arguments always give the same text.  It is
    :func:`export`'s ``data``.

    Args:
        summit: The summit to write.
        previous: As for :func:`to_dict`.
        lang: As for :func:`to_dict`.
        indent: As for :func:`export`.

    Raises:
        InvalidTypeError: As for :func:`export`.
        InvalidValueError: As for :func:`export`.
        InvalidTextError: As for :func:`export`.
    """
    return _export(summit, previous, lang, indent, "jsonld.dumps").data


def dump(
    summit: Summit,
    target: Target,
    *,
    previous: Summit | None = None,
    lang: str | None = None,
    indent: int | None = None,
) -> None:
    """Write the summit's JSON-LD text to *target*, in UTF-8.

    Args:
        summit: The summit to write.
        target: A path (a ``str`` or :class:`~pathlib.Path`), written whole
            or replaced, or a file open for writing (text or binary).
        previous: As for :func:`to_dict`.
        lang: As for :func:`to_dict`.
        indent: As for :func:`export`.

    Raises:
        InvalidTypeError: If *target* is neither a path nor a file open for
            writing, or as for :func:`export`.
        InvalidValueError: As for :func:`export`.
        InvalidTextError: As for :func:`export`.
        OSError: If the file cannot be written.
    """
    text = _export(summit, previous, lang, indent, "jsonld.dump").data
    write_target(text, target, "jsonld.dump(target)")


def _export(
    summit: object, previous: object, lang: object, indent: object, call: str
) -> Exported[str]:
    checked_indent = _indent(indent, f"{call}(indent)")
    built = _Writer.build(summit, previous, lang, call)
    separators = (",", ":") if checked_indent is None else (",", ": ")
    text = json.dumps(
        built.document, ensure_ascii=False, indent=checked_indent, separators=separators
    )
    # Report's converter is generic, and mypy cannot solve a generic converter.
    report = Report(_FORMAT, built.notes)
    return Exported(text.translate(_HTML_SAFE), report)


def _indent(value: object, name: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(name, f"expected a whole number of spaces, got {describe(value)}")
    if not 0 <= value <= 16:
        raise InvalidValueError(name, f"expected 0 to 16 spaces, got {value}")
    return value


def _enum(name: str) -> str:
    return _SCHEMA + name


class _Writer:
    """Builds one document, and counts what it leaves out on the way."""

    document: dict[str, Any]

    def __init__(self, summit: Summit, previous: Summit | None, lang: str) -> None:
        self.summit = summit
        self.previous = previous
        self.lang = lang
        self.zone: ZoneInfo = summit.timezone
        self.notes: list[Note] = []
        # Counted while writing, reported once each at the end.
        # Each text once, however often it is written (a speaker in ten sessions).
        self.other_languages: dict[LocalizedText, tuple[str, ...]] = {}
        self.fallbacks: dict[LocalizedText, str] = {}
        self.offsets_in_utc = 0
        self.roles_merged: Counter[Role] = Counter()
        self.speakers_seen: set[str] = set()
        self.wrote_a_place = False

    @classmethod
    def build(cls, summit: object, previous: object, lang: object, call: str) -> _Writer:
        checked = summit_argument(summit, name=f"{call}(summit)")
        earlier = None
        if previous is not None:
            earlier = earlier_version(previous, checked, name=f"{call}(previous)")
        if lang is None:
            name = checked.name
            language = "en" if name.closest("en") is not None else name.languages[0]
        else:
            language = arguments.language(lang, name=f"{call}(lang)")
        writer = cls(checked, earlier, language)
        writer.document = writer.event()
        return writer

    # -- text and time -----------------------------------------------------------

    def text(self, value: LocalizedText) -> str:
        """*value* in the document's language, or the closest it has."""
        chosen = value.lookup(self.lang)
        if value.closest(self.lang) is None:
            self.fallbacks[value] = next(tag for tag in value.languages if value[tag] == chosen)
        others = tuple(tag for tag in value.languages if value[tag] != chosen)
        if others:
            self.other_languages[value] = others
        return chosen

    def instant(self, moment: dt.datetime) -> str:
        """*moment* in ISO 8601 with the offset it has in the summit's zone."""
        local = moment.astimezone(self.zone)
        offset = local.utcoffset() or dt.timedelta(0)
        if offset % dt.timedelta(minutes=1):
            # ISO 8601 offsets have hours and minutes only; local mean time
            # (Asia/Dubai before 1920: +03:41:12) is written in UTC instead.
            self.offsets_in_utc += 1
            local = moment.astimezone(_UTC)
        return local.isoformat()

    # -- the summit ----------------------------------------------------------------

    def event(self) -> dict[str, Any]:
        summit = self.summit
        timed: list[tuple[Session, TimeSlot]] = []
        for index, session in enumerate(summit.sessions):
            if session.slot is None:
                self.notes.append(
                    Note(
                        f"sessions[{index}]",
                        NoteKind.DROPPED,
                        f"session {session.id!r} has no time: a schema.org event needs a "
                        "startDate, so it is left out",
                    )
                )
            else:
                timed.append((session, session.slot))
        # Time order, as an attendee reads a programme; ties keep their order.
        timed.sort(key=lambda pair: pair[1].utc_bounds[0])
        organizers = [self.person(p.speaker) for p in summit.roles if p.role is Role.ORGANISER]
        start, end = _span(summit)
        document: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "Event",
            "name": self.text(summit.name),
            "startDate": self.instant(start),
            "endDate": self.instant(end),
        }
        document.update(self.summit_status(start))
        attendance, location = self.summit_location([s for s, _ in timed])
        document["eventAttendanceMode"] = _enum(attendance)
        document["location"] = location
        if summit.theme is not None:
            document["description"] = self.text(summit.theme)
        document["inLanguage"] = self.lang
        if organizers:
            document["organizer"] = organizers
        document.update(self.people(summit.roles))
        sub_events = [self.session_event(session, at, organizers) for session, at in timed]
        if sub_events:
            document["subEvent"] = sub_events
        self.note_summit()
        self.note_sessions([s for s, _ in timed])
        self.note_people()
        self.note_text()
        return document

    def summit_status(self, start: dt.datetime) -> dict[str, str]:
        if self.previous is not None:
            before, _ = _span(self.previous)
            if before != start:
                return {
                    "eventStatus": _enum("EventRescheduled"),
                    "previousStartDate": self.instant(before),
                }
        return {"eventStatus": _enum("EventScheduled")}

    def summit_location(self, sessions: list[Session]) -> tuple[str, Any]:
        online = [s for s in sessions if s.online_url is not None]
        urls = list(dict.fromkeys(s.online_url for s in online if s.online_url))
        only_online = bool(sessions) and len(online) == len(sessions)
        if only_online and all(s.room is None for s in online) and self.summit.venue is None:
            return "OnlineEventAttendanceMode", _one_or_many(
                [{"@type": "VirtualLocation", "url": url} for url in urls]
            )
        place = self.place(None)
        if not urls:
            return "OfflineEventAttendanceMode", place
        virtual = [{"@type": "VirtualLocation", "url": url} for url in urls]
        return "MixedEventAttendanceMode", [place, *virtual]

    # -- places --------------------------------------------------------------------

    def place(self, room: Room | None) -> dict[str, Any]:
        """The ``Place`` of the venue, or of *room* inside it."""
        venue = self.summit.venue
        venue_place: dict[str, Any] | None = None
        if venue is not None:
            venue_place = {"@type": "Place", "name": self.text(venue.name)}
            if venue.url is not None:
                venue_place["url"] = venue.url
        if room is not None:
            place: dict[str, Any] = {"@type": "Place", "name": self.text(room.name)}
            if room.capacity is not None:
                place["maximumAttendeeCapacity"] = room.capacity
        elif venue_place is not None:
            place = dict(venue_place)
        else:
            # No venue and no room: the place is not known; the summit's
            # name stands for it, and the report says so.
            place = {"@type": "Place", "name": self.text(self.summit.name)}
        place["address"] = self.address(place["name"])
        self.wrote_a_place = True
        if room is not None and venue_place is not None:
            place["containedInPlace"] = venue_place
        return place

    def address(self, place_name: str) -> dict[str, Any]:
        """The ``PostalAddress`` of the venue: its city and country, as the model knows them."""
        address: dict[str, Any] = {"@type": "PostalAddress"}
        venue = self.summit.venue
        if venue is not None and venue.city is not None:
            address["addressLocality"] = self.text(venue.city)
        if venue is not None and venue.country is not None:
            address["addressCountry"] = venue.country
        if len(address) == 1:
            # Google requires an address for a place; with no city or
            # country known, the place's name is the one line there is.
            address["streetAddress"] = place_name
        return address

    # -- sessions ------------------------------------------------------------------

    def session_event(
        self, session: Session, slot: TimeSlot, organizers: list[dict[str, Any]]
    ) -> dict[str, Any]:
        """The ``Event`` of a timed session, at *slot*; *organizers* are the summit's."""
        event: dict[str, Any] = {
            "@type": "Event",
            "name": self.text(session.title),
            "startDate": self.instant(slot.start),
            "endDate": self.instant(slot.end),
        }
        event.update(self.session_status(session))
        room = self.summit.room(session.room) if session.room is not None else None
        if session.online_url is None:
            event["eventAttendanceMode"] = _enum("OfflineEventAttendanceMode")
            event["location"] = self.place(room)
        else:
            virtual = {"@type": "VirtualLocation", "url": session.online_url}
            if room is None:
                event["eventAttendanceMode"] = _enum("OnlineEventAttendanceMode")
                event["location"] = virtual
            else:
                event["eventAttendanceMode"] = _enum("MixedEventAttendanceMode")
                event["location"] = [self.place(room), virtual]
        text = session.abstract if session.abstract is not None else session.description
        if text is not None:
            event["description"] = self.text(text)
        if session.url is not None:
            event["url"] = session.url
        event["inLanguage"] = session.language or self.lang
        own = [self.person(p.speaker) for p in session.participants if p.role is Role.ORGANISER]
        if own or organizers:
            # A copy: each event its own values, as a reader of to_dict expects.
            event["organizer"] = own or copy.deepcopy(organizers)
        event.update(self.people(session.participants))
        return event

    def session_status(self, session: Session) -> dict[str, str]:
        if session.status is Status.CANCELLED:
            # Google: a cancelled event keeps its date, and says it is cancelled.
            return {"eventStatus": _enum("EventCancelled")}
        before = self.previous_start(session.id)
        slot = session.slot
        # Instants compare in UTC: the same start written in another zone has not moved.
        if before is not None and slot is not None and before != slot.utc_bounds[0]:
            return {
                "eventStatus": _enum("EventRescheduled"),
                "previousStartDate": self.instant(before),
            }
        return {"eventStatus": _enum("EventScheduled")}

    def previous_start(self, session_id: str) -> dt.datetime | None:
        if self.previous is None:
            return None
        try:
            earlier = self.previous.session(session_id)
        except UnknownIdError:  # a session new in this version
            return None
        return None if earlier.slot is None else earlier.slot.utc_bounds[0]

    # -- people ---------------------------------------------------------------------

    def people(self, participants: Iterable[Participant]) -> dict[str, list[dict[str, Any]]]:
        """The ``performer`` and ``contributor`` lists of an event, each person once."""
        performers: dict[str, dict[str, Any]] = {}
        contributors: dict[str, dict[str, Any]] = {}
        for participant in participants:
            if participant.role in PERFORMER_ROLES:
                if participant.role is not Role.PRESENTER:
                    self.roles_merged[participant.role] += 1
                if participant.speaker not in performers:
                    performers[participant.speaker] = self.person(
                        participant.speaker, performer=True
                    )
            elif participant.role is Role.AUTHOR and participant.speaker not in contributors:
                contributors[participant.speaker] = self.person(participant.speaker)
        found: dict[str, list[dict[str, Any]]] = {}
        if performers:
            found["performer"] = list(performers.values())
        if contributors:
            found["contributor"] = list(contributors.values())
        return found

    def person(self, speaker_id: str, *, performer: bool = False) -> dict[str, Any]:
        """A ``Person``, or for a group a ``PerformingGroup`` or ``Organization``."""
        speaker: Speaker = self.summit.speaker(speaker_id)
        self.speakers_seen.add(speaker_id)
        if speaker.group:
            kind = "PerformingGroup" if performer else "Organization"
            return {"@type": kind, "name": self.text(speaker.name)}
        person: dict[str, Any] = {"@type": "Person", "name": self.text(speaker.name)}
        if speaker.honorific is not None:
            person["honorificPrefix"] = self.text(speaker.honorific)
        if speaker.position is not None:
            person["jobTitle"] = self.text(speaker.position)
        if speaker.organization is not None:
            organization = self.summit.organization(speaker.organization)
            affiliation: dict[str, Any] = {
                "@type": "Organization",
                "name": self.text(organization.name),
            }
            if organization.url is not None:
                affiliation["url"] = organization.url
            person["affiliation"] = affiliation
        if speaker.bio is not None:
            person["description"] = self.text(speaker.bio)
        if speaker.links:
            person["sameAs"] = list(speaker.links)
        return person

    # -- the report ------------------------------------------------------------------

    def note(self, path: str, kind: NoteKind, message: str) -> None:
        self.notes.append(Note(path, kind, message))

    def note_address(self) -> None:
        venue = self.summit.venue
        if not self.wrote_a_place:
            return
        if venue is None:
            self.note(
                "venue",
                NoteKind.APPROXIMATED,
                "the summit has no venue: places are named after their room, or after the "
                "summit, and their address is that name",
            )
        elif venue.city is None and venue.country is None:
            self.note(
                "venue",
                NoteKind.APPROXIMATED,
                "the venue has no city or country: the address is the place's name",
            )
        else:
            self.note(
                "venue",
                NoteKind.APPROXIMATED,
                "the model has no street address: the address holds the venue's "
                + " and ".join(
                    part
                    for part, known in (("city", venue.city), ("country", venue.country))
                    if known is not None
                ),
            )

    def note_summit(self) -> None:
        summit = self.summit
        venue = summit.venue
        self.note_address()
        if (venue is not None and venue.opening_hours) or any(
            r.opening_hours for r in summit.rooms
        ):
            self.note("opening_hours", NoteKind.DROPPED, "opening hours are not carried")
        dropped = [
            name
            for name, present in (
                ("edition", summit.edition is not None),
                ("hashtag", summit.hashtag is not None),
                ("tracks", bool(summit.tracks)),
            )
            if present
        ]
        if dropped:
            self.note(
                "$",
                NoteKind.DROPPED,
                "schema.org's Event has no place for the summit's " + ", ".join(dropped),
            )
        if summit.day_windows:
            self.note(
                "day_windows",
                NoteKind.APPROXIMATED,
                "the announced hours of the first and last days give the summit's start "
                "and end; the days' hours are not carried otherwise",
            )

    def note_sessions(self, sessions: list[Session]) -> None:
        for name, what, has in _SESSION_FIELDS_DROPPED:
            count = sum(1 for session in sessions if has(session))
            if count:
                self.note(
                    f"sessions[*].{name}",
                    NoteKind.DROPPED,
                    f"{what} are not carried ({_count(count, 'session')})",
                )
        both = sum(1 for s in sessions if s.abstract is not None and s.description is not None)
        if both:
            self.note(
                "sessions[*].description",
                NoteKind.DROPPED,
                "where a session has an abstract, its description is not carried "
                f"({_count(both, 'session')})",
            )
        marked = sum(1 for s in sessions if s.markup is not Markup.PLAIN)
        if marked:
            self.note(
                "sessions[*].markup",
                NoteKind.APPROXIMATED,
                f"Markdown or HTML is written as it is ({_count(marked, 'session')})",
            )
        estimated = sum(1 for s in sessions if s.slot is not None and s.slot.is_estimate)
        if estimated:
            self.note(
                "sessions[*].slot",
                NoteKind.APPROXIMATED,
                "estimated times are written as facts: schema.org cannot mark an "
                f"estimate ({_count(estimated, 'session')})",
            )
        assumed = sum(1 for s in sessions if s.title_assumed)
        if assumed:
            self.note(
                "sessions[*].title_assumed",
                NoteKind.APPROXIMATED,
                "titles written by whoever compiled the programme are written as "
                f"published titles ({_count(assumed, 'session')})",
            )
        if self.roles_merged:
            roles = ", ".join(f"{role} ({n})" for role, n in sorted(self.roles_merged.items()))
            self.note(
                "sessions[*].participants, roles",
                NoteKind.APPROXIMATED,
                f"every role on stage is a performer: the roles {roles} are not said",
            )

    def note_text(self) -> None:
        if self.other_languages:
            languages = ", ".join(
                sorted({t for tags in self.other_languages.values() for t in tags})
            )
            texts = len(self.other_languages)
            self.note(
                "$",
                NoteKind.DROPPED,
                f"one language is written ({self.lang}): text in {languages} is left out "
                f"({_count(texts, 'text')})",
            )
        if self.fallbacks:
            languages = ", ".join(sorted(set(self.fallbacks.values())))
            texts = len(self.fallbacks)
            self.note(
                "$",
                NoteKind.APPROXIMATED,
                f"text with no {self.lang} is written in {languages} ({_count(texts, 'text')})",
            )
        if self.offsets_in_utc:
            self.note(
                "$",
                NoteKind.APPROXIMATED,
                "times where the zone's offset has seconds, which ISO 8601 cannot write, "
                f"are written in UTC ({_count(self.offsets_in_utc, 'time')})",
            )

    def note_people(self) -> None:
        speakers = [self.summit.speaker(i) for i in sorted(self.speakers_seen)]
        dropped = [
            what
            for what, has in _SPEAKER_FIELDS_DROPPED
            if any(has(speaker) for speaker in speakers)
        ]
        if any(
            self.summit.organization(p.organization).country for p in speakers if p.organization
        ):
            dropped.append("organizations' countries")
        if dropped:
            self.note(
                "speakers[*]",
                NoteKind.DROPPED,
                "not carried for the people named: " + ", ".join(dropped),
            )


def _count(n: int, one: str) -> str:
    return f"1 {one}" if n == 1 else f"{n} {one}s"


def _one_or_many(items: list[dict[str, Any]]) -> dict[str, Any] | list[dict[str, Any]]:
    return items[0] if len(items) == 1 else items


def _span(summit: Summit) -> tuple[dt.datetime, dt.datetime]:
    """When the summit starts and ends: its first and last day, as its programme fills them.

    The start is the earliest of the first day's announced start and the
    starts of the sessions going ahead, if that is on the first day or
    before it; else (nothing is known of the first day) the first day's
    start.  The end likewise, from the last day.
    """
    slots = [s.slot for s in summit.sessions if s.slot is not None and not s.is_cancelled]
    days = summit.conference_days
    first, last = days[0], days[-1]
    if first.window is not None:
        slots.append(first.window)
    if last.window is not None:
        slots.append(last.window)
    start, end = first.start, last.end
    if slots:
        earliest = min(slots, key=lambda slot: slot.utc_bounds[0]).start
        latest = max(slots, key=lambda slot: slot.utc_bounds[1]).end
        if earliest.astimezone(_UTC) < first.end.astimezone(_UTC):
            start = earliest
        if latest.astimezone(_UTC) > last.start.astimezone(_UTC):
            end = latest
    return start, end
