r"""iCalendar (RFC 5545) export: a summit's programme for calendar applications.

One ``VEVENT`` per timed session of the selection: the whole summit, one
speaker's sessions, one track's, one room's, or an attendee's own picks.
Times carry the IANA name of their zone (``TZID=Asia/Dubai``) and a
``VTIMEZONE`` block for each zone used, so that no client guesses the zone;
UIDs are made from the summit's and the session's ids, so they stay the same
from one version of the programme to the next; given the previous version, a
changed session's ``SEQUENCE`` goes up and a session removed since is
written as cancelled, so that subscribed calendars update.  Untimed sessions
have no place in a calendar: each is a note in the report.

The calendar is built with the ``icalendar`` library (the ``ical`` extra);
this module imports without it, and its functions raise
:class:`~summitkit.exceptions.MissingExtraError` when it is missing.

>>> import datetime as dt
>>> from summitkit import examples
>>> from summitkit.formats import ical
>>> stamp = dt.datetime(2015, 9, 1, tzinfo=dt.timezone.utc)
>>> exported = ical.export(examples.gsms2015(), stamp=stamp)
>>> text = exported.data.decode()
>>> text.count("BEGIN:VEVENT"), exported.report.count("dropped")
(16, 0)
>>> "DTSTART;TZID=Asia/Dubai:20150916T091500" in text
True
>>> mine = ical.dumps(examples.gsms2015(), speaker="saeed-al-dhaheri", stamp=stamp)
>>> print(mine.decode().split("BEGIN:VEVENT")[1].split("DTSTAMP")[0].strip())
SUMMARY;LANGUAGE=en:How can governments leverage social media to build sma
 rt cities?
DTSTART;TZID=Asia/Dubai:20150916T091500
DTEND;TZID=Asia/Dubai:20150916T101500
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType
from typing import Any, cast

from summitkit import _arguments as arguments
from summitkit._sessions import Session
from summitkit._summit import Summit, earlier_version, summit_argument
from summitkit._validators import describe
from summitkit.exceptions import (
    FormatError,
    InvalidTimeError,
    InvalidTypeError,
    MissingExtraError,
    UnknownIdError,
)
from summitkit.formats._ical_events import DEFAULT_LANGUAGE, EventWriter, Line, pick, same, uid
from summitkit.formats._report import Exported, Note, NoteKind, Report
from summitkit.formats._source import Target, write_target

__all__ = ["PRODUCT_ID", "dump", "dumps", "export", "published_sequences", "uid"]

#: The ``PRODID`` of every calendar written: the same in every version of summitkit,
#: so that two exports of one programme differ only where the programme does.
PRODUCT_ID = "-//summitkit//summitkit iCalendar export//EN"

_UTC = dt.timezone.utc
_FEATURE = "summitkit.formats.ical"


def export(  # noqa: PLR0913  # one keyword per filter, as the calendars people ask for
    summit: Summit,
    *,
    speaker: str | None = None,
    track: str | None = None,
    room: str | None = None,
    sessions: Iterable[str] | None = None,
    previous: Summit | None = None,
    lang: str | None = None,
    stamp: dt.datetime | None = None,
    sequences: Mapping[str, int] | None = None,
) -> Exported[bytes]:
    """*summit*'s programme, or a part of it, as an iCalendar document, with a report.

    Filters given together select the sessions that pass every one of them
    (the sessions of *speaker* in *room*, say); none given selects the
    whole programme.  Untimed sessions of the selection are left out, each
    a :attr:`~summitkit.formats.NoteKind.DROPPED` note in the report.

    Args:
        summit: The summit to write.
        speaker: Only the sessions this speaker takes part in, in any role.
        track: Only the sessions of this track.
        room: Only the sessions in this room.
        sessions: Only these sessions (an attendee's own picks), by id.
        previous: The version of the summit published before this one:
            each session whose event changed since has its ``SEQUENCE`` one
            up, and each timed session it has that *summit* no longer has
            is written as it was, with ``STATUS:CANCELLED``.
        lang: The language to write text in: each text in the closest
            language it has, else English, else its first language.  By
            default, each session's own language, else English.
        stamp: The ``DTSTAMP`` of every event, an aware time (the current
            time by default); give one to get the same bytes every time.
        sequences: The ``SEQUENCE`` of each event (by ``UID``) in the
            calendar published before, as :func:`published_sequences`
            reads it: an
            event then has that number, one more if it changed since
            *previous*.  Without it, the numbers count from 0.

    Returns:
        The document (UTF-8 bytes, CRLF line ends) and the report.

    Raises:
        MissingExtraError: If ``icalendar`` is not installed.
        InvalidTypeError: If an argument is of the wrong type.
        UnknownIdError: If *speaker*, *track*, *room* or one of *sessions*
            is not an id the summit has.
        InvalidValueError: If *previous* is a version of another summit
            (another id), or *lang* not a registered language tag.
        InvalidTimeError: If *stamp* is naive.
    """
    return _export(
        "export",
        summit,
        speaker=speaker,
        track=track,
        room=room,
        sessions=sessions,
        previous=previous,
        lang=lang,
        stamp=stamp,
        sequences=sequences,
    )


def dumps(  # noqa: PLR0913  # the keywords of export
    summit: Summit,
    *,
    speaker: str | None = None,
    track: str | None = None,
    room: str | None = None,
    sessions: Iterable[str] | None = None,
    previous: Summit | None = None,
    lang: str | None = None,
    stamp: dt.datetime | None = None,
    sequences: Mapping[str, int] | None = None,
) -> bytes:
    """The iCalendar document of :func:`export`, without the report.

    Raises:
        SummitkitError: As :func:`export` raises it.
    """
    return _export(
        "dumps",
        summit,
        speaker=speaker,
        track=track,
        room=room,
        sessions=sessions,
        previous=previous,
        lang=lang,
        stamp=stamp,
        sequences=sequences,
    ).data


def dump(  # noqa: PLR0913  # the keywords of export
    summit: Summit,
    target: Target,
    *,
    speaker: str | None = None,
    track: str | None = None,
    room: str | None = None,
    sessions: Iterable[str] | None = None,
    previous: Summit | None = None,
    lang: str | None = None,
    stamp: dt.datetime | None = None,
    sequences: Mapping[str, int] | None = None,
) -> None:
    """Write the iCalendar document of :func:`export` to *target*.

    Args:
        summit: The summit to write.
        target: A path (written whole or replaced), a binary file open for
            writing, or a text file (opened with ``newline=""``, so that the
            CRLF line ends iCalendar requires stay as they are).
        speaker: As for :func:`export`.
        track: As for :func:`export`.
        room: As for :func:`export`.
        sessions: As for :func:`export`.
        previous: As for :func:`export`.
        lang: As for :func:`export`.
        stamp: As for :func:`export`.
        sequences: As for :func:`export`.

    Raises:
        InvalidTypeError: If *target* is neither a path nor a writable file.
        SummitkitError: As :func:`export` raises it.
        OSError: If the file cannot be written.
    """
    data = _export(
        "dump",
        summit,
        speaker=speaker,
        track=track,
        room=room,
        sessions=sessions,
        previous=previous,
        lang=lang,
        stamp=stamp,
        sequences=sequences,
    ).data
    write_target(data, target, "dump(target)")


# -- the arguments -----------------------------------------------------------------------


def _icalendar() -> ModuleType:
    """The icalendar module, or the error that names the extra that installs it."""
    try:
        import icalendar  # noqa: PLC0415  # an optional extra, imported when used
    except ImportError:
        raise MissingExtraError(_FEATURE, "ical", "icalendar") from None
    return icalendar


def _member(versions: tuple[Summit, ...], what: str, member_id: str) -> Any:  # noqa: ANN401  # a Speaker, Track, Room or Session
    """The member *what* with id *member_id* of the first of *versions* that has it, or None."""
    for version in versions:
        lookup: Callable[[str], object] = getattr(version, what)
        try:
            return lookup(member_id)
        except UnknownIdError:
            continue
    return None


def _member_id(versions: tuple[Summit, ...], value: object, what: str, name: str) -> str:
    """*value*, the id of a member *what* of one of *versions* (argument *name*)."""
    if not isinstance(value, str):
        raise InvalidTypeError(name, f"expected the id of a {what}, got {describe(value)}")
    if _member(versions, what, value) is None:
        which = "this summit has" if len(versions) == 1 else "neither version of the summit has"
        raise UnknownIdError(f"{name}: {which} no {what} with id {value!r}")
    return value


def _session_ids(versions: tuple[Summit, ...], value: object, name: str) -> frozenset[str]:
    """The ids of an iterable *value* (argument *name*), each a session of one of *versions*."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            name, f"expected an iterable of session ids, such as a list, got {describe(value)}"
        )
    items: Iterable[object] = value  # pyright: ignore[reportUnknownVariableType]
    return frozenset(
        _member_id(versions, item, "session", f"{name}[{index}]")
        for index, item in enumerate(items)
    )


def _stamp(value: object, name: str) -> dt.datetime:
    """The ``DTSTAMP``: *value* (argument *name*) in UTC to the second, or now."""
    if value is None:
        return dt.datetime.now(_UTC).replace(microsecond=0)
    if not isinstance(value, dt.datetime):
        raise InvalidTypeError(name, f"expected an aware datetime, got {describe(value)}")
    if value.utcoffset() is None:
        raise InvalidTimeError(
            name, f"expected an aware datetime, got the naive {value.isoformat()}"
        )
    return value.astimezone(_UTC).replace(microsecond=0)


def _selector(  # noqa: PLR0913  # the filters, each named in its errors
    versions: tuple[Summit, ...],
    name: str,
    *,
    speaker: object,
    track: object,
    room: object,
    sessions: object,
) -> Callable[[Session], bool]:
    """Whether a session (of this version or the previous one) passes every filter given.

    A filter may name a member of either version: an attendee's pick that
    was removed since is written, cancelled.
    """
    tests: list[Callable[[Session], bool]] = []
    if speaker is not None:
        speaker_id = _member_id(versions, speaker, "speaker", f"{name}(speaker)")
        tests.append(lambda s: speaker_id in s.speakers)
    if track is not None:
        track_id = _member_id(versions, track, "track", f"{name}(track)")
        tests.append(lambda s: s.track == track_id)
    if room is not None:
        room_id = _member_id(versions, room, "room", f"{name}(room)")
        tests.append(lambda s: s.room == room_id)
    if sessions is not None:
        picked = _session_ids(versions, sessions, f"{name}(sessions)")
        tests.append(lambda s: s.id in picked)
    return lambda session: all(test(session) for test in tests)


# -- writing ------------------------------------------------------------------------------


def _export(  # noqa: PLR0913  # the arguments of the public functions, and the name they go by
    name: str,
    summit: object,
    *,
    speaker: object,
    track: object,
    room: object,
    sessions: object,
    previous: object,
    lang: object,
    stamp: object,
    sequences: object = None,
) -> Exported[bytes]:
    """What :func:`export`, :func:`dumps` and :func:`dump` do; *name* names the caller in errors."""
    icalendar = _icalendar()
    current = summit_argument(summit, name=f"{name}(summit)")
    before = None
    if previous is not None:
        before = earlier_version(previous, current, name=f"{name}(previous)")
    language = None if lang is None else arguments.language(lang, name=f"{name}(lang)")
    stamped = _stamp(stamp, f"{name}(stamp)")
    versions = (current,) if before is None else (current, before)
    selected = _selector(versions, name, speaker=speaker, track=track, room=room, sessions=sessions)

    events, notes = _events(current, before, language, selected)
    calendar = _calendar(icalendar, versions, language, speaker=speaker, track=track, room=room)
    utc_zones: dict[dt.tzinfo | None, bool] = {}
    published = _sequences_argument(sequences, f"{name}(sequences)")
    for lines, changed in events:
        sequence = published.get(_uid_of(lines), 0) + changed
        calendar.add_component(_vevent(icalendar, lines, stamped, sequence, utc_zones))
    _add_zones(calendar, [lines for lines, _ in events])
    data: bytes = calendar.to_ical()
    # Cast: mypy cannot solve the generic converter of Report.notes.
    return Exported(data, Report("ical", tuple(notes)))


def _events(
    summit: Summit,
    previous: Summit | None,
    lang: str | None,
    selected: Callable[[Session], bool],
) -> tuple[list[tuple[list[Line], int]], list[Note]]:
    """The lines and ``SEQUENCE`` of each event, in time order, and the notes of what was not kept.

    The removed sessions of *previous*, cancelled, come after the others.
    """
    writer = EventWriter(summit, lang)
    old_writer = None if previous is None else EventWriter(previous, lang)
    notes: list[Note] = []
    events: list[tuple[list[Line], int]] = []
    index_of = {session.id: index for index, session in enumerate(summit.sessions)}
    for session in summit.in_time_order():
        if not selected(session):
            continue
        path = f"sessions[{index_of[session.id]}]"
        if session.slot is None:
            message = f"session {session.id!r} has no time, and an iCalendar event needs one"
            notes.append(Note(path, NoteKind.DROPPED, message))
            continue
        lines = writer.event(session, notes, path)
        old = None if previous is None else _find(previous, session.id)
        changed = (
            old is not None
            and old_writer is not None
            and old.slot is not None
            and not same(old_writer.event(old), lines)
        )
        events.append((lines, int(changed)))
    if previous is not None and old_writer is not None:
        for old in previous.in_time_order():
            if old.slot is None or _find(summit, old.id) is not None or not selected(old):
                continue
            cancelled = old_writer.event(old, cancelled=True)
            events.append((cancelled, int(not same(cancelled, old_writer.event(old)))))
    return events, notes


def _uid_of(lines: list[Line]) -> str:
    """The ``UID`` among an event's lines."""
    return next(str(value) for name, value, _ in lines if name == "UID")


def _sequences_argument(value: object, where: str) -> Mapping[str, int]:
    """*value* as UIDs and their sequence numbers; refused unless it is such a mapping."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            where, f"expected a mapping of UIDs to numbers, got {describe(value)}"
        )
    pairs = cast("Mapping[object, object]", value)
    for key, number in pairs.items():
        if not isinstance(key, str) or type(number) is not int or number < 0:
            raise InvalidTypeError(
                where,
                f"expected UIDs (str) and sequence numbers (int, 0 or more), "
                f"got {key!r}: {number!r}",
            )
    return cast("Mapping[str, int]", value)


def published_sequences(document: bytes | str) -> dict[str, int]:
    """The ``SEQUENCE`` of each event of a published calendar, by ``UID`` (0 when not given).

    Give it to the next :func:`export` as ``sequences=``, with the summit
    that calendar was written from as ``previous=``, so that every changed
    event's number goes up from the one calendars already have, version
    after version.

    Raises:
        MissingExtraError: If ``icalendar`` is not installed.
        FormatError: If *document* is not an iCalendar document.
    """
    icalendar = _icalendar()
    try:
        calendar = icalendar.Calendar.from_ical(document)
        found: dict[str, int] = {}
        for event in calendar.walk("VEVENT"):
            uid = str(event["UID"])
            found[uid] = max(found.get(uid, 0), int(event.get("SEQUENCE", 0)))
    except (ValueError, KeyError, TypeError) as error:
        raise FormatError([("VCALENDAR", f"expected an iCalendar document: {error}")]) from None
    return found


def _find(summit: Summit, session_id: str) -> Session | None:
    """The session *session_id* of *summit*, or None if it has none."""
    try:
        return summit.session(session_id)
    except UnknownIdError:
        return None


def _calendar(  # noqa: PLR0913  # the filters name the calendar
    icalendar: ModuleType,
    versions: tuple[Summit, ...],
    lang: str | None,
    *,
    speaker: object,
    track: object,
    room: object,
) -> Any:  # noqa: ANN401  # an icalendar.Calendar; icalendar is imported when used
    """The calendar, named after the summit and what its filters name, without events."""
    summit = versions[0]
    tag = lang or DEFAULT_LANGUAGE
    name_tag, name = pick(summit.name, tag)
    subjects: list[str] = []
    if isinstance(speaker, str):
        subjects.append(_member(versions, "speaker", speaker).display_name(tag))
    if isinstance(track, str):
        subjects.append(pick(_member(versions, "track", track).title, tag)[1])
    if isinstance(room, str):
        subjects.append(pick(_member(versions, "room", room).name, tag)[1])
    if subjects:
        name = " \N{MIDDLE DOT} ".join([name, *subjects])
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODUCT_ID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    # Text by type: icalendar does not know these two are text, and would not escape them.
    calendar.add("NAME", icalendar.vText(name), parameters={"LANGUAGE": name_tag})
    calendar.add("X-WR-CALNAME", icalendar.vText(name))
    calendar.add("X-WR-TIMEZONE", summit.timezone.key)
    return calendar


def _vevent(
    icalendar: ModuleType,
    lines: list[Line],
    stamp: dt.datetime,
    sequence: int,
    utc_zones: dict[dt.tzinfo | None, bool],
) -> Any:  # noqa: ANN401  # an icalendar.Event
    """The event of *lines*; *utc_zones* remembers which zones icalendar counts as UTC."""
    event = icalendar.Event()
    event.add("DTSTAMP", stamp)
    event.add("SEQUENCE", sequence)
    for name, value, params in lines:
        if isinstance(value, dt.datetime):
            event.add(name, _as_icalendar_writes(icalendar, value, utc_zones))
        else:
            event.add(name, value, parameters=params or None)
    return event


def _as_icalendar_writes(
    icalendar: ModuleType, moment: dt.datetime, utc_zones: dict[dt.tzinfo | None, bool]
) -> dt.datetime:
    """*moment*, in UTC if it is in a zone icalendar writes as UTC.

    icalendar writes a time in a zone it counts as UTC (Etc/UTC, and zones
    such as Africa/Abidjan that are at UTC+0 today) as its wall time with a
    ``Z``, which is another instant when the zone was not at UTC+0 then
    (Abidjan before 1912): such a time is given to it in UTC.
    """
    zone = moment.tzinfo
    utc = utc_zones.get(zone)
    if utc is None:
        utc = utc_zones[zone] = icalendar.timezone.tzid_from_tzinfo(zone) == "UTC"
    return moment.astimezone(_UTC) if utc else moment


def _add_zones(calendar: Any, events: list[list[Line]]) -> None:  # noqa: ANN401  # an icalendar.Calendar
    """A VTIMEZONE for each zone the events name, covering the years they fall in."""
    years = [
        value.year
        for lines in events
        for name, value, _ in lines
        if name in {"DTSTART", "DTEND"} and isinstance(value, dt.datetime)
    ]
    if years:
        calendar.add_missing_timezones(
            first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1)
        )
