"""The lines of one iCalendar event: times as written, text in a language, people by role.

:mod:`summitkit.formats.ical` puts them in ``icalendar`` objects; they are
plain values here, so that the events of two versions of a summit compare.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from summitkit._people import Role
from summitkit._sessions import Session, Status
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit.formats._report import Note, NoteKind

# The words of the calendar are words for people (roles, kinds of session),
# which the presentation layer holds in every language it has a catalogue for.
from summitkit.text._agenda import KINDS, ROLES
from summitkit.text._catalogues import languages as catalogue_languages
from summitkit.text._language import Language

__all__ = ["DEFAULT_LANGUAGE", "EventWriter", "Line", "pick", "same", "uid"]

_UTC = dt.timezone.utc

#: The language of text without a language asked for, and of words without a catalogue.
DEFAULT_LANGUAGE = "en"

#: One property of an event as written: name, value and parameters.
Line = tuple[str, Any, dict[str, str]]


def uid(summit_id: str, session_id: str) -> str:
    """The ``UID`` of a session's event: the same in every version of the summit.

    >>> uid("gsms2015", "opening-panel")
    'opening-panel@gsms2015.summitkit'
    """
    return f"{session_id}@{summit_id}.summitkit"


def same(one: list[Line], other: list[Line]) -> bool:
    """Whether two events say the same: times compared as written, with their zone's name."""
    return _comparable(one) == _comparable(other)


def _comparable(lines: list[Line]) -> list[tuple[str, object, dict[str, str]]]:
    # An aware datetime compares by instant alone: the zone's name counts too,
    # since the event shows it.
    return [
        (
            name,
            (value.isoformat(), _zone_key(value)) if isinstance(value, dt.datetime) else value,
            params,
        )
        for name, value, params in lines
    ]


def _zone_key(moment: dt.datetime) -> str | None:
    zone = moment.tzinfo
    return zone.key if isinstance(zone, ZoneInfo) else None


def written(moment: dt.datetime, *, end: bool) -> tuple[dt.datetime, bool]:
    """*moment* as the event gives it, and whether it had to be rounded to the second.

    In its own IANA zone, which the ``TZID`` names; in UTC when the zone has
    no IANA name (a fixed offset), or when the wall time is the second of an
    hour that happens twice, which a reader takes as the first (RFC 5545,
    3.3.5).  iCalendar has no fractions of a second: a start is rounded
    down and an end up, so the event still covers the whole session.
    """
    utc = moment.astimezone(_UTC)
    rounded = bool(utc.microsecond)
    if rounded:
        utc = utc.replace(microsecond=0) + (dt.timedelta(seconds=1) if end else dt.timedelta(0))
    zone = moment.tzinfo
    if isinstance(zone, ZoneInfo) and zone.key:
        local = utc.astimezone(zone).replace(fold=0)
        if local.astimezone(_UTC) == utc:
            return local, rounded
    return utc, rounded


class EventWriter:
    """The lines of sessions' events, in one version of a summit."""

    def __init__(self, summit: Summit, lang: str | None) -> None:
        self.summit = summit
        self.lang = lang
        self._words: dict[str, Language] = {}
        self._known = frozenset(catalogue_languages())

    def words(self, tag: str) -> Language:
        """The words of the catalogue for *tag*'s language, or English's."""
        primary = tag.split("-", maxsplit=1)[0]
        chosen = primary if primary in self._known else DEFAULT_LANGUAGE
        found = self._words.get(chosen)
        if found is None:
            found = self._words[chosen] = Language(chosen)
        return found

    def event(
        self,
        session: Session,
        notes: list[Note] | None = None,
        path: str = "",
        *,
        cancelled: bool = False,
    ) -> list[Line]:
        """The lines of *session*'s event (a timed session); rounding noted in *notes*."""
        slot = session.slot
        if slot is None:  # pragma: no cover  # callers pass timed sessions only
            raise ValueError(session.id)
        tag = self.lang or session.language or DEFAULT_LANGUAGE
        words = self.words(tag)
        start, start_rounded = written(slot.start, end=False)
        end, end_rounded = written(slot.end, end=True)
        if notes is not None and (start_rounded or end_rounded):
            notes.append(
                Note(
                    path,
                    NoteKind.APPROXIMATED,
                    f"session {session.id!r}: iCalendar times are whole seconds; "
                    "the start was rounded down and the end up",
                )
            )
        title_tag, title = pick(session.title, tag)
        lines: list[Line] = [
            ("UID", uid(self.summit.id, session.id), {}),
            ("DTSTART", start, {}),
            ("DTEND", end, {}),
            ("SUMMARY", title, {"LANGUAGE": title_tag}),
        ]
        location = self.location(session, tag, words)
        if location is not None:
            lines.append(("LOCATION", location[1], {"LANGUAGE": location[0]}))
        description = self.description(session, tag, words)
        if description is not None:
            lines.append(("DESCRIPTION", description[1], {"LANGUAGE": description[0]}))
        categories: list[str] = [words.say("kind", KINDS.get(session.kind, session.kind))]
        if session.track is not None:
            categories.append(pick(self.summit.track(session.track).title, tag)[1])
        lines.append(("CATEGORIES", categories, {}))
        if session.url is not None:
            lines.append(("URL", session.url, {}))
        status = cancelled or session.status is Status.CANCELLED
        lines.append(("STATUS", "CANCELLED" if status else "CONFIRMED", {}))
        return lines

    def location(self, session: Session, tag: str, words: Language) -> tuple[str, str] | None:
        """The room, the venue and its city, and the language of the first of them."""
        texts: list[LocalizedText] = []
        if session.room is not None:
            texts.append(self.summit.room(session.room).name)
        venue = self.summit.venue
        if venue is not None:
            texts.append(venue.name)
            if venue.city is not None:
                texts.append(venue.city)
        if not texts:
            return None
        picked = [pick(text, tag) for text in texts]
        separator = words.say("ical.separator", ", ")
        return picked[0][0], separator.join(text for _, text in picked)

    def description(self, session: Session, tag: str, words: Language) -> tuple[str, str] | None:
        """Who takes part in which role, then the subtitle, abstract and description.

        Its language is that of its words for roles, when it has people;
        else that of its first text.
        """
        separator = words.say("ical.separator", ", ")
        people: list[str] = []
        for role in Role:
            ids = session.speakers_in_role(role)
            if ids:
                names = separator.join(self.summit.speaker(i).display_name(tag) for i in ids)
                people.append(f"{words.say('agenda.role', ROLES[role])}: {names}")
        paragraphs: list[str] = ["\n".join(people)] if people else []
        language = words.lang if people else None
        for text in (session.subtitle, session.abstract, session.description):
            if text is not None:
                text_tag, written = pick(text, tag)
                paragraphs.append(written)
                language = language or text_tag
        if language is None:
            return None
        return language, "\n\n".join(paragraphs)


def pick(text: LocalizedText, wanted: str) -> tuple[str, str]:
    """The tag and text closest to *wanted*, else English, else the first language."""
    for candidate in (wanted, DEFAULT_LANGUAGE):
        found = text.closest(candidate)
        if found is not None:
            primary = candidate.split("-", maxsplit=1)[0]
            tag = next(
                (
                    t
                    for t in text.languages
                    if t.split("-", maxsplit=1)[0] == primary and text[t] == found
                ),
                candidate,
            )
            return tag, found
    first = text.languages[0]
    return first, text[first]
