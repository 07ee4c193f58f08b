"""The values inside an Indico event document: instants, people, links, kinds.

Helpers of :mod:`summitkit.formats.indico`, which reads the event itself.
Each takes the reader's :class:`Log`, to which it adds a problem (the
document cannot be read there) or a note (it was read, but not as it stood).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any, cast
from zoneinfo import ZoneInfo

from summitkit._arguments import zone_named
from summitkit._references import Link
from summitkit._sessions import Break, Ceremony, Keynote, Panel, Session, Talk, WorkshopSession
from summitkit._text import LocalizedText
from summitkit._validators import describe
from summitkit._walltime import wall_time_in
from summitkit.exceptions import (
    ModelError,
)
from summitkit.formats._reading import Log
from summitkit.formats._report import NoteKind

__all__ = [
    "PersonName",
    "instant",
    "kind_of",
    "links_of",
    "person_name",
    "text_of",
]

# Indico's person titles, which a chair's ``fullName`` starts with.
_TITLES = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "dr", "dr.", "prof", "prof."}
)

# Contribution types, as event organisers name them, and the kind each word
# suggests: the first word found in the type decides.
_KIND_WORDS: tuple[tuple[str, type[Session]], ...] = (
    ("keynote", Keynote),
    ("panel", Panel),
    ("discussion", Panel),
    ("workshop", WorkshopSession),
    ("tutorial", WorkshopSession),
    ("hands-on", WorkshopSession),
    ("break", Break),
    ("coffee", Break),
    ("lunch", Break),
    ("ceremony", Ceremony),
    ("opening", Ceremony),
    ("closing", Ceremony),
    ("welcome", Ceremony),
    ("award", Ceremony),
    ("talk", Talk),
)
_TAG = re.compile(r"<[A-Za-z/!]")


def text_of(log: Log, value: object, path: str) -> str | None:
    """*value* as text with its surrounding white space removed; ``None`` if absent or blank."""
    if value is None:
        return None
    if not isinstance(value, str):
        log.problem(path, f"expected text, got {describe(value)}")
        return None
    stripped = value.strip()
    return stripped or None


def localized(log: Log, text: str, lang: str, path: str) -> LocalizedText | None:
    """*text* in language *lang*, or ``None`` (and a problem) if the model refuses it."""
    try:
        return LocalizedText({lang: text})
    except ModelError as error:
        log.problem(path, error.problem)
        return None


def _field(log: Log, value: Mapping[str, Any], key: str, path: str) -> str | None:
    text = value.get(key)
    if not isinstance(text, str):
        expected = "a date such as '2015-09-16'" if key == "date" else "a time such as '09:15:00'"
        log.problem(f"{path}.{key}", f"expected {expected}, got {describe(text)}")
        return None
    return text.strip()


def instant(log: Log, value: object, path: str, *, zone: ZoneInfo) -> dt.datetime | None:
    """An Indico ``{date, time, tz}`` as an instant shown in *zone* (the event's).

    A missing ``tz`` is read in *zone* (a note says so); a wall time its zone
    skips or repeats is moved forward or read as the earlier one (a note).
    """
    if not isinstance(value, Mapping):
        log.problem(
            path, f"expected {{'date': ..., 'time': ..., 'tz': ...}}, got {describe(value)}"
        )
        return None
    fields = cast("Mapping[str, Any]", value)
    wall = _wall(log, fields, path)
    own_zone = _zone(log, fields.get("tz"), f"{path}.tz", zone)
    if wall is None or own_zone is None:
        return None
    try:
        moment = log.as_the_clock_shows(
            lambda nonexistent, ambiguous: wall_time_in(
                wall, own_zone, nonexistent=nonexistent, ambiguous=ambiguous, path=path
            ),
            path,
        )
    except ModelError as error:
        log.problem(path, error.problem)
        return None
    try:
        return moment.astimezone(zone)
    except OverflowError:
        log.problem(path, f"{wall.isoformat()} cannot be shown in {zone.key}: out of range")
        return None


def _wall(log: Log, fields: Mapping[str, Any], path: str) -> dt.datetime | None:
    """The date and time of an Indico date-time object, as a naive wall time."""
    date_text = _field(log, fields, "date", path)
    time_text = _field(log, fields, "time", path)
    day = clock = None
    if date_text is not None:
        try:
            day = dt.date.fromisoformat(date_text)
        except ValueError:
            log.problem(f"{path}.date", f"expected a date such as '2015-09-16', got {date_text!r}")
    if time_text is not None:
        try:
            clock = dt.time.fromisoformat(time_text)
        except ValueError:
            log.problem(f"{path}.time", f"expected a time such as '09:15:00', got {time_text!r}")
        else:
            if clock.tzinfo is not None:
                log.problem(f"{path}.time", f"expected a time without an offset, got {time_text!r}")
                clock = None
    if day is None or clock is None:
        return None
    return dt.datetime.combine(day, clock)


def _zone(log: Log, value: object, path: str, default: ZoneInfo) -> ZoneInfo | None:
    if value is None:
        log.note(path, NoteKind.ASSUMED, f"no zone given: read in the event's zone, {default.key}")
        return default
    try:
        return zone_named(value, name=path)
    except ModelError as error:
        log.problem(path, error.problem)
        return None


class PersonName:
    """A person's name as read: the name people are addressed by, and a title."""

    def __init__(self, name: str, honorific: str | None) -> None:
        self.name = name
        self.honorific = honorific


def person_name(log: Log, person: Mapping[str, Any], path: str) -> PersonName | None:
    """The person's name, "First Last", from its parts or from Indico's "Last, First".

    Indico writes ``fullName`` last name first (``"Al Dhaheri, Saeed"``), and
    for a chair with the title in front (``"Dr. Al Dhaheri, Saeed"``); the
    parts, when given, are used as they are.
    """
    first = text_of(log, person.get("first_name", person.get("firstName")), f"{path}.first_name")
    last = text_of(log, person.get("last_name", person.get("familyName")), f"{path}.last_name")
    full = text_of(log, person.get("fullName", person.get("name")), f"{path}.fullName")
    title = text_of(log, person.get("title"), f"{path}.title")
    if first or last:
        name = " ".join(part for part in (first, last) if part)
        written = f"{last}, {first}" if first and last else (last or first or "")
        if title is None and full and full.endswith(written) and full != written:
            title = full[: -len(written)].strip() or None
        return PersonName(name, title)
    if full is None:
        return None
    head, _, rest = full.partition(" ")
    if title is None and rest and head.lower() in _TITLES:
        title, full = head, rest.strip()
    last_part, comma, first_part = full.partition(",")
    if comma and first_part.strip() and last_part.strip():
        return PersonName(f"{first_part.strip()} {last_part.strip()}", title)
    return PersonName(full.strip(", "), title)


def kind_of(log: Log, type_name: str | None, path: str) -> type[Session]:
    """The session kind a contribution's type names; a talk when it names none."""
    if type_name is None:
        return Talk
    lowered = type_name.lower()
    for word, kind in _KIND_WORDS:
        if word in lowered:
            if lowered != kind.kind:
                log.note(path, NoteKind.APPROXIMATED, f"type {type_name!r} read as a {kind.kind}")
            return kind
    log.note(path, NoteKind.APPROXIMATED, f"type {type_name!r} read as a talk")
    return Talk


def is_html(text: str) -> bool:
    """Whether *text* holds an HTML tag (Indico's older descriptions) rather than Markdown."""
    return _TAG.search(text) is not None


def _link(log: Log, url: object, title: str | None, kind: str | None, path: str) -> Link | None:
    if not isinstance(url, str) or not url.strip():
        named = "an attachment" if title is None else f"attachment {title!r}"
        got = "" if url is None or isinstance(url, str) else f" (got {describe(url)})"
        log.note(path, NoteKind.DROPPED, f"{named} has no URL{got}: not kept")
        return None
    try:
        return Link(url.strip(), title=title, kind=kind)
    except ModelError as error:
        log.note(path, NoteKind.DROPPED, f"not kept: {error.problem}")
        return None


def _empty(log: Log, path: str, what: str, title: str | None) -> None:
    """Note a folder or material entry with nothing in it: a title without a URL."""
    named = what if title is None else f"{what} {title!r}"
    log.note(path, NoteKind.DROPPED, f"{named} holds nothing with a URL: not kept")


def _entries(log: Log, value: object, path: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    if value is None:
        return
    if not isinstance(value, list):
        log.problem(path, f"expected a list, got {describe(value)}")
        return
    for index, entry in enumerate(cast("list[object]", value)):
        if isinstance(entry, Mapping):
            yield index, cast("Mapping[str, Any]", entry)
        elif entry is not None:
            log.problem(f"{path}[{index}]", f"expected an object, got {describe(entry)}")


def links_of(log: Log, owner: Mapping[str, Any], path: str) -> tuple[list[Link], list[Link]]:
    """The links and the attached files of a contribution, from ``folders`` and ``material``.

    ``folders`` is Indico's current form, ``material`` the legacy one that
    repeats it: a URL met twice is kept once, and a note says so.
    """
    links: list[Link] = []
    files: list[Link] = []
    seen: set[str] = set()
    repeated = False
    for link, is_file in itertools.chain(
        _folder_items(log, owner, path), _material_items(log, owner, path)
    ):
        if link is None:
            continue
        if link.url in seen:
            repeated = True
            continue
        seen.add(link.url)
        (files if is_file else links).append(link)
    if repeated:
        log.note(
            f"{path}.material",
            NoteKind.MERGED,
            "material repeats the folders' links and files: each is read once",
        )
    return links, files


def _folder_items(
    log: Log, owner: Mapping[str, Any], path: str
) -> Iterator[tuple[Link | None, bool]]:
    """Each item of the ``folders``, and whether it is a file."""
    for i, folder in _entries(log, owner.get("folders"), f"{path}.folders"):
        where = f"{path}.folders[{i}]"
        folder_title = text_of(log, folder.get("title"), f"{where}.title")
        kind = None if folder.get("default_folder") else folder_title
        if not folder.get("attachments"):
            _empty(log, where, "folder", folder_title)
        for j, item in _entries(log, folder.get("attachments"), f"{where}.attachments"):
            at = f"{where}.attachments[{j}]"
            title = text_of(log, item.get("title"), f"{at}.title")
            if item.get("type") == "link":
                yield _link(log, item.get("link_url"), title, kind, at), False
            else:
                own_kind = kind or text_of(log, item.get("content_type"), f"{at}.content_type")
                yield _link(log, item.get("download_url"), title, own_kind, at), True


def _material_items(
    log: Log, owner: Mapping[str, Any], path: str
) -> Iterator[tuple[Link | None, bool]]:
    """Each resource of the legacy ``material``, and whether it is a file."""
    for i, material in _entries(log, owner.get("material"), f"{path}.material"):
        where = f"{path}.material[{i}]"
        kind = text_of(log, material.get("title"), f"{where}.title")
        if not material.get("resources"):
            _empty(log, where, "material", kind)
        for j, item in _entries(log, material.get("resources"), f"{where}.resources"):
            at = f"{where}.resources[{j}]"
            title = text_of(log, item.get("name"), f"{at}.name")
            yield _link(log, item.get("url"), title, kind, at), item.get("_type") != "Link"
