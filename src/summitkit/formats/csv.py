"""CSV: the programme as a spreadsheet, one row per session, written and read.

:func:`dumps` writes a row per session (untimed ones too, with empty times),
in time order, with the times in the summit's zone and, with ``tz=``, also
in an attendee's; :func:`loads` reads a spreadsheet back, by a mapping of
its own column headers, or by the headers it recognises.  Cells that a
spreadsheet would run as a formula are written with a ``'`` in front, and
:func:`loads` takes it off again.

>>> import summitkit as sk
>>> from summitkit.formats import csv as skcsv
>>> text = skcsv.dumps(sk.examples.gsms2015())
>>> print(text.splitlines()[0])
id,kind,title,date,start,end,duration,timezone,room,track,speakers,status,language,estimated,url
>>> print(text.splitlines()[1])
opening-panel,panel,How can governments ...,2015-09-16T09:15+04:00,2015-09-16T10:15+04:00,1h,...
>>> summit, report = skcsv.loads(text, summit_id="gsms2015", name="GSMS 2015")
>>> len(summit.sessions), summit.timezone.key
(16, 'Asia/Dubai')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Sequence
from typing import Any, cast
from zoneinfo import ZoneInfo

import attrs

from summitkit import _arguments as arguments
from summitkit._people import Role
from summitkit._sessions import Panel, Session
from summitkit._summit import Summit, summit_argument
from summitkit._text import LocalizedText
from summitkit._time import zone_label
from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.formats._csv_cells import (
    COLUMNS,
    FORMULA_STARTS,
    duration_cell,
    neutralise,
    speakers_cell,
)
from summitkit.formats._csv_read import HEADERS, load, loads
from summitkit.formats._reading import Log
from summitkit.formats._report import Exported, Note, NoteKind, Report
from summitkit.formats._source import Target, write_target

__all__ = [
    "COLUMNS",
    "FORMULA_STARTS",
    "HEADERS",
    "dump",
    "dumps",
    "export",
    "load",
    "loads",
]

# What each kind of value carries into a row; every other field that is not
# its default is reported as left out.
_SESSION_CARRIED = frozenset(
    {"id", "title", "slot", "room", "track", "participants", "status", "language", "url"}
)
_SUMMIT_CARRIED = frozenset({"timezone", "rooms", "speakers", "tracks", "sessions"})
_NAME_CARRIED = frozenset({"id", "name", "title"})


def export(
    summit: Summit,
    *,
    tz: ZoneInfo | str | None = None,
    lang: str | None = None,
    columns: Sequence[str] | None = None,
    bom: bool = False,
) -> Exported[str]:
    """The summit as CSV, and the report of what the rows leave out.

    Args:
        summit: The summit to write.
        tz: An attendee's zone: adds the columns ``start (ZONE)`` and
            ``end (ZONE)`` after ``timezone``, the times shown there.
        lang: The language of titles and names (the closest text, as
            :meth:`~summitkit.LocalizedText.lookup` finds it); English by
            default.
        columns: The columns to write, in order: names from
            :data:`COLUMNS`, and the two attendee columns when *tz* is
            given; all of them by default.
        bom: Whether to start with a byte order mark (U+FEFF), which makes
            Excel read the file as UTF-8 (Arabic shows as Arabic).

    Returns:
        The text, rows ending in CRLF as RFC 4180 says, and the report.

    Raises:
        InvalidTypeError: If an argument is of the wrong type.
        InvalidValueError: If a column is unknown or given twice.
        UnknownTimeZoneError: If *tz* is not an IANA zone.
    """
    summit = summit_argument(summit, name="csv.export(summit)")
    language = "en" if lang is None else arguments.language(lang, name="csv.export(lang)")
    attendee = None if tz is None else arguments.zone(tz, name="csv.export(tz)")
    if not isinstance(bom, bool):
        raise InvalidTypeError("csv.export(bom)", f"expected True or False, got {describe(bom)}")
    available = list(COLUMNS)
    if attendee is not None:
        label = zone_label(attendee)
        at = available.index("timezone") + 1
        available[at:at] = [f"start ({label})", f"end ({label})"]
    chosen = _columns(columns, available)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(name) for name in chosen])
    for session in summit.in_time_order():
        row = _row(summit, session, language, attendee)
        writer.writerow([neutralise(row.get(name, "")) for name in chosen])
    text = ("\ufeff" if bom else "") + buffer.getvalue()
    return Exported(text, _grouped(_left_out(summit, language, chosen)))


def dumps(
    summit: Summit,
    *,
    tz: ZoneInfo | str | None = None,
    lang: str | None = None,
    columns: Sequence[str] | None = None,
    bom: bool = False,
) -> str:
    """The summit as CSV text: :func:`export`'s data, without the report.

    Raises:
        InvalidTypeError: As :func:`export` raises it.
        InvalidValueError: As :func:`export` raises it.
    """
    return export(summit, tz=tz, lang=lang, columns=columns, bom=bom).data


def dump(  # noqa: PLR0913  # export's keywords, and where to write
    summit: Summit,
    target: Target,
    *,
    tz: ZoneInfo | str | None = None,
    lang: str | None = None,
    columns: Sequence[str] | None = None,
    bom: bool = False,
) -> None:
    """Write the summit's CSV to *target*, in UTF-8.

    Args:
        summit: The summit to write.
        target: A path, written whole or replaced, or a file open for
            writing: a binary file, or a text file opened with ``newline=""``
            (so that the CRLF row ends stay as they are).
        tz: As for :func:`export`.
        lang: As for :func:`export`.
        columns: As for :func:`export`.
        bom: As for :func:`export`.

    Raises:
        InvalidTypeError: If *target* is neither a path nor a file open for writing.
        OSError: If the file cannot be written.
    """
    text = dumps(summit, tz=tz, lang=lang, columns=columns, bom=bom)
    write_target(text, target, "csv.dump(target)")


def _columns(columns: Sequence[str] | None, available: list[str]) -> list[str]:
    if columns is None:
        return available
    path = "csv.export(columns)"
    if isinstance(columns, str) or not isinstance(columns, Sequence):
        raise InvalidTypeError(path, f"expected a list of column names, got {describe(columns)}")
    chosen: list[str] = []
    for name in columns:
        if name not in available:
            listed = ", ".join(repr(column) for column in available)
            raise InvalidValueError(path, f"expected columns among {listed}, got {name!r}")
        if name in chosen:
            raise InvalidValueError(path, f"column {name!r} is given twice")
        chosen.append(name)
    return chosen


def _row(
    summit: Summit, session: Session, lang: str, attendee: ZoneInfo | dt.timezone | None
) -> dict[str, str]:
    zone = summit.timezone
    row = {
        "id": session.id,
        "kind": session.kind,
        "title": session.title.lookup(lang),
        "timezone": zone.key,
        "room": "" if session.room is None else summit.room(session.room).name.lookup(lang),
        "track": "" if session.track is None else summit.track(session.track).title.lookup(lang),
        "speakers": _speakers(summit, session, lang),
        "status": str(session.status),
        "language": session.language or "",
        "url": session.url or "",
    }
    slot = session.slot
    if slot is not None:
        start, end = slot.start.astimezone(zone), slot.end.astimezone(zone)
        row.update(
            date=start.date().isoformat(),
            start=_instant(start),
            end=_instant(end),
            duration=duration_cell(slot.duration),
            estimated=_estimated(slot.start_estimated, slot.end_estimated),
        )
        if attendee is not None:
            label = zone_label(attendee)
            row[f"start ({label})"] = _instant(slot.start.astimezone(attendee))
            row[f"end ({label})"] = _instant(slot.end.astimezone(attendee))
    return row


def _instant(moment: dt.datetime) -> str:
    exact = moment.second or moment.microsecond
    return moment.isoformat(timespec="auto" if exact else "minutes")


def _estimated(start: bool, end: bool) -> str:  # noqa: FBT001  # the two flags of a slot
    if start and end:
        return "both"
    return "start" if start else "end" if end else ""


def _speakers(summit: Summit, session: Session, lang: str) -> str:
    own = Role.PANELIST if isinstance(session, Panel) else Role.PRESENTER
    people = [
        (
            summit.speaker(p.speaker).name.lookup(lang).strip(),
            None if p.role is own else p.role,
        )
        for p in session.participants
    ]
    return speakers_cell(people)


# -- what is left out -------------------------------------------------------------


_INDEX = re.compile(r"\[\d+\]")


def _grouped(notes: Iterator[Note]) -> Report:
    """One note for each thing left out of every room, speaker or session alike, with a count.

    ``speakers[3].position`` and ``speakers[7].position`` are one note, at the
    first place, so that the report of a programme of thousands stays readable.
    """
    log = Log("csv")
    for note in notes:
        key = (note.kind, note.message, _INDEX.sub("[*]", note.path))
        log.note_once(key, note.path, note.kind, note.message)
    return log.report()


def _left_out(summit: Summit, lang: str, columns: list[str]) -> Iterator[Note]:
    yield from _fields("", summit, _SUMMIT_CARRIED)
    for i, room in enumerate(summit.rooms):
        yield from _fields(f"rooms[{i}]", room, _NAME_CARRIED)
        yield from _languages(f"rooms[{i}].name", room.name, lang)
    for i, track in enumerate(summit.tracks):
        yield from _fields(f"tracks[{i}]", track, _NAME_CARRIED)
        yield from _languages(f"tracks[{i}].title", track.title, lang)
        if track.kind != "track":
            yield Note(f"tracks[{i}]", NoteKind.APPROXIMATED, "a workshop is written as a track")
    for i, speaker in enumerate(summit.speakers):
        yield from _fields(f"speakers[{i}]", speaker, _NAME_CARRIED)
        yield from _languages(f"speakers[{i}].name", speaker.name, lang)
    for i, session in enumerate(summit.sessions):
        path = f"sessions[{i}]"
        yield from _fields(path, session, _SESSION_CARRIED)
        yield from _languages(f"{path}.title", session.title, lang)
        for j, participant in enumerate(session.participants):
            if participant.blocking is (participant.role is Role.AUTHOR):
                yield Note(
                    f"{path}.participants[{j}].blocking",
                    NoteKind.DROPPED,
                    "whether taking part blocks the speaker is not written",
                )
    missing = [name for name in COLUMNS if name not in columns]
    if missing:
        yield Note("", NoteKind.DROPPED, f"columns not written: {', '.join(missing)}")


def _fields(path: str, value: object, carried: frozenset[str]) -> Iterator[Note]:
    prefix = f"{path}." if path else ""
    kind = cast("type[Any]", type(value))  # an attrs class of the model
    for field in attrs.fields(kind):
        if field.name in carried or not field.init:
            continue
        default: Any = field.default
        factory = getattr(default, "factory", None)  # an attrs.Factory
        if callable(factory):
            default = factory(value) if getattr(default, "takes_self", False) else factory()
        if getattr(value, field.name) != default:
            yield Note(
                f"{prefix}{field.name}", NoteKind.DROPPED, f"{field.name} is not written in CSV"
            )


def _languages(path: str, text: LocalizedText, lang: str) -> Iterator[Note]:
    if len(text) > 1:
        yield Note(
            path,
            NoteKind.APPROXIMATED,
            f"written in one language, {lang} or the closest: "
            f"{', '.join(text.languages)} are not all kept",
        )
