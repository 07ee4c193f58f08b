"""The rules of summitkit's JSON format, as a user of pydantic or msgspec writes them.

The fair peers of ``json_format.py`` call these functions from their
validators (pydantic's ``AfterValidator``/``PlainValidator`` and
``model_validator``, msgspec's ``dec_hook`` and ``__post_init__``), so
that both check the same rules in the same way.  The patterns are the
format's published definition, its JSON Schema
(:func:`summitkit.formats.json.schema`), as a user would take them; the
rest is written here from the format's documentation, not taken from
summitkit's code.  Every problem is a ``ValueError``, which both libraries
report as a validation error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import re
import unicodedata
import zoneinfo
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, TypeVar

import langcodes

from summitkit.formats import json as skjson

_DEFS = skjson.schema()["$defs"]
#: An id, anchored (``(?![\s\S])`` is the end of the text, as in the schema).
ID_PATTERN: str = _DEFS["id"]["pattern"]
_INSTANT = re.compile(_DEFS["instant"]["pattern"])
_TAG = re.compile(_DEFS["language"]["pattern"])
_TEXT = re.compile(_DEFS["text"]["additionalProperties"]["pattern"])
_MAX_TAG = _DEFS["language"]["maxLength"]
#: An assigned ISO 3166-1 alpha-2 code.
COUNTRY_PATTERN = "|".join(_DEFS["country"]["enum"])
#: An absolute http(s) URL, anchored.
URL_PATTERN: str = _DEFS["url"]["pattern"]
_URL = re.compile(URL_PATTERN)

#: The summit's zone when the document does not name one.
DUBAI = zoneinfo.ZoneInfo("Asia/Dubai")
_UTC = dt.timezone.utc
#: The longest summit, in days.
MAX_DAYS = 1096

D = TypeVar("D", bound=dt.datetime)


@functools.cache
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def zone(name: object) -> zoneinfo.ZoneInfo:
    """The IANA zone called *name*."""
    if not isinstance(name, str) or name not in _zone_names():
        msg = f"unknown time zone {name!r}"
        raise ValueError(msg)
    return zoneinfo.ZoneInfo(name)


# summitkit reads each distinct instant of a document once and writes each
# distinct instant's text once; so do the peers, or the ratio would turn on
# how often a document repeats its instants.
_INSTANTS: dict[tuple[str, type], dt.datetime] = {}
_TEXTS: dict[tuple[dt.datetime, int, object], str] = {}


@contextlib.contextmanager
def per_document() -> Iterator[None]:
    """Remember instants and their texts while one document is read or written."""
    _INSTANTS.clear()
    _TEXTS.clear()
    try:
        yield
    finally:
        _INSTANTS.clear()
        _TEXTS.clear()


def instant(value: object, cls: type[D] = dt.datetime) -> D:  # type: ignore[assignment]  # the default is D's bound
    """An RFC 9557 instant as an aware datetime (of *cls*), its offset checked against its zone.

    ``2015-09-16T09:15:00+04:00[Asia/Dubai]`` is in the zone Asia/Dubai;
    without brackets the offset is fixed.  A wall time the zone skips, or
    an offset the zone does not have then, is refused.
    """
    if isinstance(value, str):
        known = _INSTANTS.get((value, cls))
        if known is not None:
            return known  # type: ignore[return-value]  # stored as cls
    moment = _read_instant(value, cls)
    if isinstance(value, str):
        _INSTANTS[value, cls] = moment
    return moment


def _read_instant(value: object, cls: type[D]) -> D:
    if not isinstance(value, str) or _INSTANT.match(value) is None:
        msg = f"expected an instant such as '2015-09-16T09:15:00+04:00[Asia/Dubai]', got {value!r}"
        raise ValueError(msg)
    iso, bracket, name = value.partition("[")
    moment = cls.fromisoformat(iso)
    if not bracket:
        return moment
    in_zone = zone(name[:-1])
    try:
        shown = moment.astimezone(in_zone)
    except OverflowError:
        msg = f"{value!r} cannot be shown in its zone"
        raise ValueError(msg) from None
    if shown.utcoffset() != moment.utcoffset():
        msg = f"the offset in {value!r} is not its zone's at that time"
        raise ValueError(msg)
    return shown


def instant_text(moment: dt.datetime) -> str:
    """An instant as the format writes it: the zone's name in brackets, if it has one."""
    key = (moment, moment.fold, moment.tzinfo)
    text = _TEXTS.get(key)
    if text is None:
        zone_key = getattr(moment.tzinfo, "key", None)
        text = f"{moment.isoformat()}[{zone_key}]" if zone_key else moment.isoformat()
        _TEXTS[key] = text
    return text


def check_slot(start: dt.datetime, end: dt.datetime) -> None:
    """Refuse a slot whose end is not after its start, compared in UTC.

    Two wall times in one zone compare without ``fold``: in a repeated hour
    the later wall time can be the earlier instant.
    """
    if end.astimezone(_UTC) <= start.astimezone(_UTC):
        msg = f"expected an end after the start ({start.isoformat()}), got {end.isoformat()}"
        raise ValueError(msg)


_TAGS: dict[str, str] = {}


def language_tag(tag: object) -> str:
    """A registered BCP 47 tag in canonical case, in its current form (``iw`` is ``he``)."""
    if isinstance(tag, str):
        known = _TAGS.get(tag)
        if known is not None:
            return known
    if not isinstance(tag, str) or len(tag) > _MAX_TAG or _TAG.match(tag) is None:
        msg = f"expected a BCP 47 tag in canonical case, such as 'ar' or 'en-GB', got {tag!r}"
        raise ValueError(msg)
    language = langcodes.Language.get(tag, normalize=True)
    if not language.is_valid():
        msg = f"{tag!r} has a subtag the IANA registry does not list"
        raise ValueError(msg)
    canonical: str = language.to_tag()
    _TAGS[tag] = canonical
    return canonical


def text(value: object) -> str:
    """Text: no carriage return, in NFC, something visible, no control or bidi override."""
    if not isinstance(value, str):
        msg = f"expected a string, got {value!r}"
        raise ValueError(msg)  # noqa: TRY004  # a validation error, as both libraries want
    if "\r" in value:
        msg = "expected LF line ends, got a carriage return"
        raise ValueError(msg)
    value = unicodedata.normalize("NFC", value)
    if _TEXT.match(value) is None:
        msg = f"expected visible text without controls or bidi overrides, got {value!r}"
        raise ValueError(msg)
    return value


def url(value: object) -> str:
    """An absolute http(s) URL without spaces, controls or invisible characters."""
    if not isinstance(value, str) or _URL.match(value) is None:
        msg = f"expected an absolute http(s) URL, got {value!r}"
        raise ValueError(msg)
    return value


def localized_text(value: object) -> dict[str, str]:
    """Text by language tag: at least one, each tag once in its current form, sorted by tag."""
    if not isinstance(value, dict) or not value:
        msg = f"expected text by language tag, got {value!r}"
        raise ValueError(msg)
    out: dict[str, str] = {}
    for tag, words in value.items():
        canonical = language_tag(tag)
        if canonical in out:
            msg = f"language {canonical!r} is given more than once"
            raise ValueError(msg)
        out[canonical] = text(words)
    return dict(sorted(out.items())) if len(out) > 1 else out


def in_summit_years(day: dt.date) -> dt.date:
    """*day*, which must lie in years 3 to 9997."""
    if not 3 <= day.year <= 9997:  # the format's bounds
        msg = f"expected a day in years 3 to 9997, got {day}"
        raise ValueError(msg)
    return day


# -- rules across fields ----------------------------------------------------------------


class _Participant(Protocol):
    @property
    def speaker(self) -> str: ...
    @property
    def role(self) -> str: ...


def check_session(kind: str, session_id: str, parent: str | None, participants: Any) -> None:  # noqa: ANN401  # either library's tuple
    """A session's own rules: each speaker once per role, not its own parent; breaks, panels."""
    people: Iterable[_Participant] = participants
    seen: set[tuple[str, str]] = set()
    panelists: set[str] = set()
    moderators: set[str] = set()
    for participant in people:
        key = (participant.speaker, participant.role)
        if key in seen:
            msg = f"speaker {participant.speaker!r} is listed twice as {participant.role}"
            raise ValueError(msg)
        seen.add(key)
        if participant.role == "panelist":
            panelists.add(participant.speaker)
        elif participant.role == "moderator":
            moderators.add(participant.speaker)
    if parent == session_id:
        msg = f"session {session_id!r} names itself as its parent"
        raise ValueError(msg)
    if kind == "break" and seen:
        msg = "expected no participants in a break"
        raise ValueError(msg)
    if kind == "panel" and not moderators.isdisjoint(panelists):
        msg = "a moderator is also a panelist"
        raise ValueError(msg)


def _unique(what: str, members: Iterable[Any]) -> set[str]:
    ids: set[str] = set()
    for member in members:
        if member.id in ids:
            msg = f"{what} id {member.id!r} is used twice"
            raise ValueError(msg)
        ids.add(member.id)
    return ids


def _known(what: str, reference: str | None, ids: set[str]) -> None:
    if reference is not None and reference not in ids:
        msg = f"no {what} with id {reference!r}"
        raise ValueError(msg)


def check_summit(summit: Any) -> None:  # noqa: ANN401  # either library's summit
    """The summit's rules: its days, unique ids, references, parents without cycles, day windows."""
    first, last = summit.first_day, summit.last_day
    if last < first:
        msg = f"the last day {last} is before the first, {first}"
        raise ValueError(msg)
    if (last - first).days + 1 > MAX_DAYS:
        msg = f"expected at most {MAX_DAYS} days"
        raise ValueError(msg)
    rooms = _unique("room", summit.rooms)
    organizations = _unique("organization", summit.organizations)
    speakers = _unique("speaker", summit.speakers)
    for speaker in summit.speakers:
        _known("organization", speaker.organization, organizations)
    tracks = _unique("track", summit.tracks)
    sessions = _unique("session", summit.sessions)
    for track in summit.tracks:
        _known("speaker", track.chair, speakers)
    parents: dict[str, str | None] = {}
    for session in summit.sessions:
        _known("room", session.room, rooms)
        _known("track", session.track, tracks)
        _known("session", session.parent, sessions)
        for participant in session.participants:
            _known("speaker", participant.speaker, speakers)
        parents[session.id] = session.parent
    _check_parents(parents)
    _check_day_windows(summit.day_windows, summit.timezone, first, last)


def _check_parents(parents: dict[str, str | None]) -> None:
    settled: set[str] = set()
    for start in parents:
        chain: set[str] = set()
        current: str | None = start
        while current is not None and current not in settled:
            if current in chain:
                msg = f"session {current!r} is inside itself"
                raise ValueError(msg)
            chain.add(current)
            current = parents[current]
        settled |= chain


def _check_day_windows(windows: Any, summit_zone: dt.tzinfo, first: dt.date, last: dt.date) -> None:  # noqa: ANN401  # either library's tuple
    # The day changes at midnight in the summit's zone (the format's default).
    by_day: dict[dt.date, Any] = {}
    for window in windows:
        day = window.start.astimezone(summit_zone).date()
        if not first <= day <= last:
            msg = f"a day window is on {day}, not one of the summit's days"
            raise ValueError(msg)
        if day in by_day:
            msg = f"two day windows on {day}"
            raise ValueError(msg)
        by_day[day] = window
    ordered = [by_day[day] for day in sorted(by_day)]
    for earlier, later in itertools.pairwise(ordered):
        if later.start.astimezone(_UTC) < earlier.end.astimezone(_UTC):
            msg = "two day windows overlap"
            raise ValueError(msg)
