"""Reading a programme from a spreadsheet's CSV: :func:`loads` and :func:`load`.

Re-exported by :mod:`summitkit.formats.csv`, which documents the format.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from collections.abc import Mapping
from typing import Any, Literal
from zoneinfo import ZoneInfo

from summitkit import _arguments as arguments
from summitkit._parsing import parse_duration, parse_time
from summitkit._people import Participant, Role, Speaker
from summitkit._sessions import SESSION_KINDS, Break, Panel, Session, Status, Talk, Track
from summitkit._summit import Summit
from summitkit._text import LocalizedText, to_localized_text
from summitkit._time import DUBAI, TimeSlot
from summitkit._validators import describe, is_day
from summitkit._venue import Room
from summitkit.exceptions import (
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    ModelError,
)
from summitkit.formats._csv_cells import COLUMNS, SpeakersError, read_speakers, restore
from summitkit.formats._naming import Ids, is_id
from summitkit.formats._reading import Log
from summitkit.formats._report import Imported, NoteKind
from summitkit.formats._source import MAX_DOCUMENT_BYTES, Source, as_text, read_source

__all__ = ["HEADERS", "load", "loads"]

#: The headers :func:`loads` recognises for each column it reads, in any
#: letter case, with spaces, ``_`` and ``-`` alike; a ``mapping`` names others.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "session id", "code"),
    "kind": ("kind", "type", "session type", "format"),
    "title": ("title", "session", "session title", "name", "talk", "topic"),
    "date": ("date", "day"),
    "start": ("start", "start time", "starts", "begin", "begins", "from", "time"),
    "end": ("end", "end time", "ends", "finish", "until", "to"),
    "duration": ("duration", "length"),
    "timezone": ("timezone", "time zone", "zone", "tz"),
    "room": ("room", "where", "location", "hall", "stage", "venue"),
    "track": ("track", "stream"),
    "speakers": ("speakers", "speaker", "presenters", "presenter", "people"),
    "status": ("status",),
    "language": ("language", "lang"),
    "estimated": ("estimated",),
    "url": ("url", "link", "web page", "website"),
}
_ALIASES = {alias: field for field, aliases in HEADERS.items() for alias in aliases}
_SEPARATORS = re.compile(r"[\s_-]+")
_HAS_DATE = re.compile(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ESTIMATED = {
    "": (False, False),
    "start": (True, False),
    "end": (False, True),
    "both": (True, True),
}
_STATUS = {
    "": Status.SCHEDULED,
    "scheduled": Status.SCHEDULED,
    "cancelled": Status.CANCELLED,
    "canceled": Status.CANCELLED,
}
# The date parse_time is given for a cell that holds its own: never used.
_NO_DATE = dt.date(2000, 1, 1)
#: An end written before its start is the next day's only if the session
#: then lasts less than this: 23:30 to 00:30, not 10:00 to 09:00.
_NEXT_DAY_LIMIT = dt.timedelta(hours=12)
# A line that, after a record ended, is one more record; inside an open quoted
# field it is more of that field: an escaped quote and a delimiter.
_PROBE = '"",x\n'


def _normal(header: str) -> str:
    return _SEPARATORS.sub(" ", header.strip().lower())


def loads(  # noqa: PLR0913  # one keyword per thing a spreadsheet does not say
    text: str | bytes,
    *,
    mapping: Mapping[str, str | None] | None = None,
    tz: ZoneInfo | str | None = None,
    day: dt.date | None = None,
    summit_id: str = "programme",
    name: str | Mapping[str, str] | None = None,
    lang: str = "en",
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Imported:
    """Read a programme from CSV: a header row, then a row per session.

    Args:
        text: The CSV, as text or UTF-8 bytes (a byte order mark is skipped).
            Cells are separated by commas, or by semicolons or tabs when the
            header row holds no comma.
        mapping: Which header holds each column (``{"title": "Session
            name"}``), for the columns of :data:`~summitkit.formats.csv.COLUMNS`;
            ``None`` for a column not to read.  Columns it does not name
            are found by the headers of :data:`HEADERS`.
        tz: The summit's zone; by default the first ``timezone`` cell's, or
            Asia/Dubai.  A row's times are read in its ``timezone`` cell's
            zone, if it has one, and shown in the summit's.
        day: The date of times written without one, when there is no
            ``date`` column or its cell is empty; also the summit's first
            day, if earlier than every session (a later one does not
            stretch the summit), and its only day if no session has a date.
        summit_id: The summit's id.
        name: The summit's name: text in *lang*, or text by language.
        lang: The language of titles and names.
        max_bytes: The largest document read.

    Returns:
        The summit, and the report of what was not read as it stood.

    Raises:
        FormatError: If the CSV cannot be read, listing every problem (up to
            100) at its cell, such as ``row 4, column "start"``.
        InvalidTypeError: If an argument is of the wrong type.
        InvalidValueError: If *mapping* names a column that does not exist,
            or *summit_id* is not an id.
    """
    fields = _mapping(mapping)
    zone = None if tz is None else arguments.iana_zone(tz, name="csv.loads(tz)")
    if day is not None and not is_day(day):
        raise InvalidTypeError("csv.loads(day)", f"expected a date, got {describe(day)}")
    if not _is_text_id(summit_id):
        raise InvalidValueError(
            "csv.loads(summit_id)", f"expected an id such as 'gsms2015', got {describe(summit_id)}"
        )
    lang = arguments.language(lang, name="csv.loads(lang)")
    title = _name(name, lang)
    rows = _rows(as_text(text, max_bytes=max_bytes))
    log = Log("csv")
    with log.reading():
        reader = _Reader(log, rows, fields, zone=zone, day=day, lang=lang)
        summit = reader.summit(summit_id, title)
    assert summit is not None  # no problem, so a summit  # noqa: S101
    if name is None:
        log.note("$", NoteKind.ASSUMED, f"no name given: the summit is named {summit_id!r}")
    return Imported(summit, log.report())


def load(  # noqa: PLR0913  # as loads
    source: Source,
    *,
    mapping: Mapping[str, str | None] | None = None,
    tz: ZoneInfo | str | None = None,
    day: dt.date | None = None,
    summit_id: str = "programme",
    name: str | Mapping[str, str] | None = None,
    lang: str = "en",
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Imported:
    """Read a programme from CSV in *source*: a path, an open file or bytes.

    As :func:`loads`, which says what the arguments mean.

    Raises:
        FormatError: As :func:`loads` raises it.
        OSError: If the file cannot be read.
    """
    data = read_source(source, "csv.load(source)", max_bytes=max_bytes)
    return loads(
        data,
        mapping=mapping,
        tz=tz,
        day=day,
        summit_id=summit_id,
        name=name,
        lang=lang,
        max_bytes=max_bytes,
    )


def _is_text_id(value: object) -> bool:
    return isinstance(value, str) and is_id(value)


def _mapping(mapping: Mapping[str, str | None] | None) -> dict[str, str | None]:
    path = "csv.loads(mapping)"
    if mapping is None:
        return {}
    if not isinstance(mapping, Mapping):
        raise InvalidTypeError(
            path, f"expected a mapping of column to header, got {describe(mapping)}"
        )
    fields: dict[str, str | None] = {}
    for field, header in mapping.items():
        if field not in COLUMNS:
            listed = ", ".join(map(repr, COLUMNS))
            raise InvalidValueError(path, f"expected columns among {listed}, got {field!r}")
        if header is not None and not isinstance(header, str):
            raise InvalidTypeError(
                f"{path}[{field!r}]", f"expected a header, got {describe(header)}"
            )
        fields[field] = header
    return fields


def _name(name: str | Mapping[str, str] | None, lang: str) -> LocalizedText | None:
    if name is None:
        return None
    try:
        if isinstance(name, str):
            return LocalizedText({lang: name})
        return to_localized_text(name) if isinstance(name, LocalizedText) else LocalizedText(name)
    except ModelError as error:
        raise type(error)("csv.loads(name)", error.problem) from None


def _rows(text: str) -> list[list[str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first_line:
        delimiter = ";" if ";" in first_line else "\t" if "\t" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    last_start = 0  # the line the last record starts on, counted from 0
    try:
        while True:
            starts = reader.line_num
            row = next(reader, None)
            if row is None:
                break
            rows.append(row)
            last_start = starts
    except csv.Error as error:
        raise FormatError([(f"row {len(rows) + 1}", f"not readable as CSV: {error}")]) from None
    if rows and _ends_in_quotes(text, last_start, delimiter):
        raise FormatError([(f"row {len(rows)}", "a quote opened here is never closed")])
    return rows


def _ends_in_quotes(text: str, start: int, delimiter: str) -> bool:
    """Whether the record starting on line *start* runs to the end inside a quoted field.

    Python's reader ends such a field at the end of the text without a word,
    swallowing every later line; a line added after it is then read as part
    of the field rather than as a record of its own.
    """
    lines = itertools.islice(io.StringIO(text, newline=""), start, None)
    probe = csv.reader(itertools.chain(lines, [_PROBE]), delimiter=delimiter)
    return sum(1 for _ in probe) == 1


def _cell(value: str) -> str:
    return restore(value.strip()).strip()


class _Reader:
    """One reading: the columns found, and the rooms, tracks and speakers met so far."""

    def __init__(  # noqa: PLR0913  # one reading's inputs
        self,
        log: Log,
        rows: list[list[str]],
        mapping: dict[str, str | None],
        *,
        zone: ZoneInfo | None,
        day: dt.date | None,
        lang: str,
    ) -> None:
        self.log = log
        self.rows = rows
        self.day = day
        self.lang = lang
        self.headers = [_cell(header) for header in rows[0]] if rows else []
        self.columns = self._columns(mapping)
        self.zone = zone or self._first_zone()
        self.rooms: dict[str, Room] = {}
        self.tracks: dict[str, Track] = {}
        self.speakers: dict[str, Speaker] = {}
        self._ids = {"rooms": Ids(), "tracks": Ids(), "speakers": Ids(), "sessions": Ids()}

    # -- columns -------------------------------------------------------------

    def _columns(self, mapping: dict[str, str | None]) -> dict[str, int]:
        if not self.rows:
            raise FormatError([("row 1", "expected a header row, got an empty document")])
        columns = self._mapped(mapping)
        used = set(columns.values())
        for place, written in enumerate(self.headers):
            if place in used or not written:
                continue
            field = _ALIASES.get(_normal(written))
            if field is None or field in mapping:
                self.log.note(self._at(1, place), NoteKind.DROPPED, "this column is not read")
            elif field in columns:
                self.log.note(
                    self._at(1, place), NoteKind.DROPPED, f"a second {field} column is not read"
                )
            else:
                columns[field] = place
        if "title" not in columns:
            self.log.problem("row 1", "expected a title column (or a mapping naming one)")
        return columns

    def _mapped(self, mapping: dict[str, str | None]) -> dict[str, int]:
        """The columns the mapping names, by their headers' places."""
        by_header: dict[str, int] = {}
        for place, written in enumerate(self.headers):
            by_header.setdefault(_normal(written), place)
        columns: dict[str, int] = {}
        for field, header in mapping.items():
            if header is None:
                continue
            index = by_header.get(_normal(header))
            if index is None:
                self.log.problem(
                    "row 1", f"the mapping names column {header!r} for {field}; no header is"
                )
                continue
            columns[field] = index
        return columns

    def _at(self, row: int, index: int) -> str:
        header = self.headers[index] if index < len(self.headers) else f"#{index + 1}"
        return f'row {row}, column "{header}"'

    def _first_zone(self) -> ZoneInfo:
        index = self.columns.get("timezone")
        if index is not None:
            for number, row in enumerate(self.rows[1:], start=2):
                if index < len(row) and (text := _cell(row[index])):
                    try:
                        return arguments.zone_named(text, name="zone")
                    except ModelError as error:
                        self.log.problem(self._at(number, index), error.problem)
                        break
        self.log.note(
            "$",
            NoteKind.ASSUMED,
            "no time zone given: the times are read in Asia/Dubai (pass tz= for another)",
        )
        return DUBAI

    # -- the summit ----------------------------------------------------------

    def summit(self, summit_id: str, name: LocalizedText | None) -> Summit | None:
        if self.log.problems:  # the header row cannot be read
            return None
        sessions = [
            session
            for number, row in enumerate(self.rows[1:], start=2)
            if (session := self._session(number, row)) is not None
        ]
        if self.log.problems:
            return None
        dates = [s.slot.start.astimezone(self.zone).date() for s in sessions if s.slot]
        if not dates and self.day is None:
            self.log.problem("$", "no session has a date: pass day= for the summit's first day")
            return None
        # day= can open the summit earlier (a day of arrivals), never close it later.
        first_day = min([*dates, self.day]) if self.day is not None else min(dates)
        try:
            return Summit(
                id=summit_id,
                name=name or LocalizedText({self.lang: summit_id}),
                first_day=first_day,
                last_day=max(dates, default=first_day),
                timezone=self.zone,
                rooms=list(self.rooms.values()),
                speakers=list(self.speakers.values()),
                tracks=list(self.tracks.values()),
                sessions=sessions,
            )
        except ModelError as error:
            self.log.problem("$", str(error))
            return None

    # -- a row ---------------------------------------------------------------

    def _get(self, row: list[str], field: str) -> str:
        index = self.columns.get(field)
        return "" if index is None or index >= len(row) else _cell(row[index])

    def _path(self, number: int, field: str) -> str:
        return self._at(number, self.columns[field])

    def _session(self, number: int, row: list[str]) -> Session | None:
        if not any(cell.strip() for cell in row):
            return None
        if any(cell.strip() for cell in row[len(self.headers) :]):
            self.log.note(
                f"row {number}", NoteKind.DROPPED, "cells beyond the last header are not read"
            )
        title = self._get(row, "title")
        if not title:
            self.log.problem(self._path(number, "title"), "expected a title")
            return None
        kind, label = self._kind(number, row)
        fields: dict[str, Any] = {
            "id": self._id(number, row, title),
            "title": self._text(title, number, "title"),
            "slot": self._slot(number, row),
            "status": self._status(number, row),
        }
        if label is not None:
            fields["label"] = label
        for field, members in (("room", self.rooms), ("track", self.tracks)):
            if named := self._get(row, field):
                fields[field] = self._member(members, field, named, number)
        fields.update(self._extras(number, row))
        fields["participants"] = self._participants(number, row, kind)
        if any(value is None for key, value in fields.items() if key in {"title", "status"}):
            return None
        return self._build(kind, fields, number)

    def _extras(self, number: int, row: list[str]) -> dict[str, str]:
        """The session's language and web page, where given."""
        extras: dict[str, str] = {}
        if language := self._get(row, "language"):
            try:
                extras["language"] = arguments.language(language, name="language")
            except ModelError as error:
                self.log.problem(self._path(number, "language"), error.problem)
        if url := self._get(row, "url"):
            extras["url"] = url
        return extras

    def _build(self, kind: type[Session], fields: dict[str, Any], number: int) -> Session | None:
        try:
            return kind(**fields)
        except ModelError as error:
            if "url" in fields and error.path.endswith(".url"):
                self.log.note(
                    self._path(number, "url"), NoteKind.DROPPED, f"not kept: {error.problem}"
                )
                del fields["url"]
                return self._build(kind, fields, number)
            field = "speakers" if "participants" in error.path else "title"
            where = self._path(number, field) if field in self.columns else f"row {number}"
            self.log.problem(where, error.problem)
            return None

    def _text(self, text: str, number: int, field: str) -> LocalizedText | None:
        try:
            return LocalizedText({self.lang: text})
        except ModelError as error:
            self.log.problem(self._path(number, field), error.problem)
            return None

    def _member(self, members: dict[str, Any], field: str, named: str, number: int) -> str | None:
        known = members.get(named)
        if known is None:
            text = self._text(named, number, field)
            if text is None:
                return None
            member_id = self._ids[f"{field}s"].make(named)
            known = (
                Room(id=member_id, name=text)
                if field == "room"
                else Track(id=member_id, title=text)
            )
            members[named] = known
        return str(known.id)

    def _id(self, number: int, row: list[str], title: str) -> str:
        ids = self._ids["sessions"]
        own = self._get(row, "id")
        if not own:
            return ids.make(title)
        if ids.keep(own):
            return own
        why = "is used by an earlier row" if own in ids else "is not usable as an id"
        made = ids.make(own)
        self.log.note(
            self._path(number, "id"), NoteKind.RENAMED, f"{own!r} {why}: read as {made!r}"
        )
        return made

    def _kind(self, number: int, row: list[str]) -> tuple[type[Session], str | None]:
        written = self._get(row, "kind")
        if not written:
            return Talk, None
        kind = SESSION_KINDS.get(written.lower())
        if kind is not None:
            return kind, None
        self.log.note(
            self._path(number, "kind"),
            NoteKind.APPROXIMATED,
            f"{written!r} is not a kind of session: read as a talk, with {written!r} as its label",
        )
        return Talk, written

    def _status(self, number: int, row: list[str]) -> Status | None:
        written = self._get(row, "status")
        status = _STATUS.get(written.lower())
        if status is None:
            self.log.problem(
                self._path(number, "status"), f"expected scheduled or cancelled, got {written!r}"
            )
        return status

    # -- times ---------------------------------------------------------------

    def _slot(self, number: int, row: list[str]) -> TimeSlot | None:
        try:
            return self._timed(number, row)
        except ModelError as error:
            self.log.problem(self._path(number, "start"), error.problem)
            return None

    def _timed(self, number: int, row: list[str]) -> TimeSlot | None:
        start_text, end_text = self._get(row, "start"), self._get(row, "end")
        duration_text = self._get(row, "duration")
        if not start_text:
            if end_text or duration_text:
                self.log.note(
                    f"row {number}",
                    NoteKind.DROPPED,
                    "an end or duration without a start: the session is untimed",
                )
            return None
        zone = self._row_zone(number, row)
        date = self._date(number, row)
        flags = self._estimated(number, row)
        if zone is None or date is False or flags is None:
            return None
        start = self._time(number, "start", start_text, date=date, zone=zone)
        if start is None:
            return None
        end = self._end(number, end_text, start, date or start.astimezone(zone).date(), zone)
        length = self._length(number, duration_text)
        if end is False or length is False:
            return None
        start_estimated, end_estimated = flags
        if end is not None:
            if length is not None and abs((end - start) - length) >= dt.timedelta(minutes=1):
                self.log.note(
                    self._path(number, "duration"),
                    NoteKind.DROPPED,
                    f"{duration_text!r} disagrees with the start and end: the end is kept",
                )
            return TimeSlot(
                start, end, start_estimated=start_estimated, end_estimated=end_estimated
            )
        if length is None:
            self.log.note(
                self._path(number, "start"),
                NoteKind.ASSUMED,
                f"no end or duration: it is assumed to last {TimeSlot.ASSUMED_LENGTH}",
            )
        return TimeSlot.starting(
            start, length, start_estimated=start_estimated, end_estimated=end_estimated
        )

    def _end(
        self, number: int, text: str, start: dt.datetime, date: dt.date, zone: ZoneInfo
    ) -> dt.datetime | Literal[False] | None:
        """The end, or ``None`` if not written, or ``False`` (and a problem) if unreadable."""
        if not text:
            return None
        end = self._time(number, "end", text, date=date, zone=zone)
        day = start.astimezone(zone).date()
        if end is not None and end <= start and not _HAS_DATE.match(text) and day < dt.date.max:
            # A time of day before the start may be the next day's: 23:30 to 00:30.
            next_day = day + dt.timedelta(days=1)
            later = self._time(number, "end", text, date=next_day, zone=zone)
            if later is None:
                return False
            if later - start < _NEXT_DAY_LIMIT:
                self.log.note(
                    self._path(number, "end"),
                    NoteKind.ASSUMED,
                    f"{text!r} is before the start: read as the next day",
                )
                end = later
        if end is None:
            return False
        if end <= start:
            self.log.problem(
                self._path(number, "end"),
                f"end before start: expected a time after the start, {start.isoformat()}",
            )
            return False
        return end

    def _length(self, number: int, text: str) -> dt.timedelta | Literal[False] | None:
        """The duration, or ``None`` if not written, or ``False`` (and a problem) if unreadable."""
        if not text:
            return None
        try:
            return parse_duration(text)
        except ModelError as error:
            self.log.problem(self._path(number, "duration"), error.problem)
            return False

    def _row_zone(self, number: int, row: list[str]) -> ZoneInfo | None:
        written = self._get(row, "timezone")
        if not written:
            return self.zone
        try:
            return arguments.zone_named(written, name="zone")
        except ModelError as error:
            self.log.problem(self._path(number, "timezone"), error.problem)
            return None

    def _date(self, number: int, row: list[str]) -> dt.date | Literal[False] | None:
        written = self._get(row, "date")
        if not written:
            return self.day
        try:
            return dt.date.fromisoformat(written)
        except ValueError:
            self.log.problem(
                self._path(number, "date"), f"expected a date such as 2015-09-16, got {written!r}"
            )
            return False

    def _time(
        self, number: int, field: str, text: str, *, date: dt.date | None, zone: ZoneInfo
    ) -> dt.datetime | None:
        path = self._path(number, field)
        if not isinstance(date, dt.date) and not _HAS_DATE.match(text):
            self.log.problem(
                path,
                f"{text!r} has no date: add a date column, write the date in the cell "
                "(2015-09-16T09:15) or pass day=",
            )
            return None
        on = date if isinstance(date, dt.date) else _NO_DATE
        try:
            moment = self.log.as_the_clock_shows(
                lambda nonexistent, ambiguous: parse_time(
                    text, on=on, tz=zone, nonexistent=nonexistent, ambiguous=ambiguous
                ),
                path,
            )
            return moment.astimezone(self.zone)
        except ModelError as error:
            self.log.problem(path, error.problem)
        except OverflowError:
            self.log.problem(path, f"{text!r} is out of range")
        return None

    def _estimated(self, number: int, row: list[str]) -> tuple[bool, bool] | None:
        written = self._get(row, "estimated")
        flags = _ESTIMATED.get(written.lower())
        if flags is None:
            self.log.problem(
                self._path(number, "estimated"),
                f"expected start, end, both or nothing, got {written!r}",
            )
        return flags

    # -- people --------------------------------------------------------------

    def _participants(self, number: int, row: list[str], kind: type[Session]) -> list[Participant]:
        written = self._get(row, "speakers")
        if not written:
            return []
        path = self._path(number, "speakers")
        try:
            people = read_speakers(written)
        except SpeakersError as error:
            self.log.problem(path, str(error))
            return []
        if kind is Break:
            self.log.note(path, NoteKind.DROPPED, "a break has no speakers: they are not read")
            return []
        own = Role.PANELIST if kind is Panel else Role.PRESENTER
        participants: list[Participant] = []
        seen: set[tuple[str, Role]] = set()
        for person, written_role in people:
            role = own if written_role is None else written_role
            speaker = self._speaker(person, path)
            if speaker is None:
                continue
            if (speaker, role) in seen:
                self.log.note(
                    path, NoteKind.MERGED, f"{person!r} is listed twice as {role}: read once"
                )
                continue
            seen.add((speaker, role))
            participants.append(Participant(speaker, role=role))
        return participants

    def _speaker(self, person: str, path: str) -> str | None:
        known = self.speakers.get(person)
        if known is None:
            try:
                name = LocalizedText({self.lang: person})
            except ModelError as error:
                self.log.problem(path, error.problem)
                return None
            known = Speaker(id=self._ids["speakers"].make(person), name=name)
            self.speakers[person] = known
        return known.id
