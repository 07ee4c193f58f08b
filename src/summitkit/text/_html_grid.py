"""A timetable's days as HTML grids: a row per start time, a column per room or track.

Sessions that run side by side sit side by side in one row; a session that
lasts past the next start spans the rows it runs through, never over the
next session of its column.  A session in neither a room nor a track (a
plenary) spans every column of its row; on a day where one runs beside
others, such sessions get a column of their own instead.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator
from html import escape

import attrs

from summitkit._people import Role
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit.schedule._timetable import Entry, Timetable, TimetableDay
from summitkit.text._agenda import KINDS, ROLES
from summitkit.text._display import legend, place, zone_sentence
from summitkit.text._html_parts import (
    ESTIMATED,
    attr,
    bidi,
    localized,
    plain,
    times,
)
from summitkit.text._language import Language

__all__ = ["Grid"]


# A column: a room, a track, or the sessions in neither.
_Lane = tuple[str, str | None]
_OTHER: _Lane = ("other", None)


def _lane(session: Session) -> _Lane | None:
    if session.room is not None:
        return ("room", session.room)
    if session.track is not None:
        return ("track", session.track)
    return None


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc)


@attrs.frozen
class _Layout:
    """One day's grid: its columns, the starts of its rows, and what each cell holds.

    Attributes:
        lanes: The columns, in order.
        starts: The rows' start instants, in UTC, in order.
        cells: For each row, the entries starting there, by column.
        plenary: For each row, the entries that span the row.
        spans: For each row, how many rows each of its cells spans, by column.
    """

    lanes: list[_Lane]
    starts: list[dt.datetime]
    cells: list[dict[int, list[Entry]]]
    plenary: list[list[Entry]]
    spans: list[dict[int, int]]


def _layout(table: Timetable, day: TimetableDay) -> _Layout:
    entries = [entry for entry in day.entries if entry.slot is not None]
    # Plenaries get a column of their own when one runs beside others.
    mixed = any(
        any(_lane(e.session) is None for e in block.entries)
        and any(_lane(e.session) is not None for e in block.entries)
        for block in day.blocks
    )
    lanes = _lanes(table, entries, mixed=mixed)
    columns = {lane: index for index, lane in enumerate(lanes)}
    starts = sorted({_utc(entry.slot.start) for entry in entries if entry.slot is not None})
    row_of = {start: index for index, start in enumerate(starts)}
    cells: list[dict[int, list[Entry]]] = [{} for _ in starts]
    plenary: list[list[Entry]] = [[] for _ in starts]
    for entry in entries:
        if entry.slot is None:
            continue
        row = row_of[_utc(entry.slot.start)]
        lane = _lane(entry.session) or (_OTHER if mixed else None)
        if lane is None:
            plenary[row].append(entry)
        else:
            cells[row].setdefault(columns[lane], []).append(entry)
    return _Layout(lanes, starts, cells, plenary, _row_spans(cells, starts))


def _lanes(table: Timetable, entries: Iterable[Entry], *, mixed: bool) -> list[_Lane]:
    """The day's columns: rooms, then tracks, in the summit's order; then the others."""
    used = {lane for entry in entries if (lane := _lane(entry.session)) is not None}
    summit = table.summit
    order: dict[_Lane, int] = {}
    if summit is not None:
        order.update({("room", room.id): i for i, room in enumerate(summit.rooms)})
        base = len(order)
        order.update({("track", track.id): base + i for i, track in enumerate(summit.tracks)})
    lanes = sorted(used, key=lambda lane: (order.get(lane, len(order)), lane[0], lane[1] or ""))
    return [*lanes, _OTHER] if mixed else lanes


def _row_spans(
    cells: list[dict[int, list[Entry]]], starts: list[dt.datetime]
) -> list[dict[int, int]]:
    """How many rows each cell spans: to its sessions' last end, never over the next cell below."""
    spans: list[dict[int, int]] = [{} for _ in cells]
    below: dict[int, int] = {}  # column -> the next row with a cell, walking up
    for row in range(len(cells) - 1, -1, -1):
        for column, here in cells[row].items():
            end = max(_utc(e.slot.end) for e in here if e.slot is not None)
            # The rows that start before the cell's sessions end, up to the next cell.
            last = min(below.get(column, len(starts)), bisect.bisect_left(starts, end))
            spans[row][column] = max(last - row, 1)
            below[column] = row
    return spans


@attrs.frozen
class Grid:
    """A timetable's days as grids, in one zone and language."""

    table: Timetable
    zone: dt.tzinfo
    w: Language

    def parts(self) -> Iterator[str]:
        table, w = self.table, self.w
        zones = zone_sentence(w, self.zone, table)
        yield f'<p class="sk-zone">{plain(zones)}</p>'
        yield f'<p class="sk-legend">{plain(legend(w, table))}</p>'
        for day in table.days:
            yield from self.day(day)
        if table.unscheduled:
            yield '<section class="sk-unscheduled">'
            yield f"<h3>{plain(w.say('agenda.unscheduled', 'Not yet scheduled'))}</h3>"
            yield '<ul class="sk-list">'
            for session in table.unscheduled:
                yield f"<li>{self.session(Entry(session, None), None, None)}</li>"
            yield "</ul></section>"

    def day(self, day: TimetableDay) -> Iterator[str]:
        w = self.w
        date = day.date.isoformat()
        yield f'<section class="sk-day sk-day-{date}" data-day="{date}">'
        yield f"<h3>{plain(w.long_date(day.date))}</h3>"
        if not day.blocks:
            empty = w.say("agenda.empty", "No sessions listed for this day.")
            yield f'<p class="sk-empty-day">{plain(empty)}</p></section>'
            return
        layout = _layout(self.table, day)
        time = w.say("display.table.time", "Time")
        yield '<table class="sk-grid"><thead><tr>'
        yield f'<th class="sk-time-head" scope="col">{plain(time)}</th>'
        yield "".join(self.lane_heading(lane) for lane in layout.lanes) or '<th scope="col"></th>'
        yield "</tr></thead><tbody>"
        covered: dict[int, int] = {}  # column -> the last row a cell above covers
        for row, start in enumerate(layout.starts):
            yield from self.row(layout, row, start, day.date, covered)
        yield "</tbody></table></section>"

    def row(
        self, layout: _Layout, row: int, start: dt.datetime, day: dt.date, covered: dict[int, int]
    ) -> Iterator[str]:
        w = self.w
        shown = start.astimezone(self.zone)
        clock = escape(w.clock(shown))
        label = clock if shown.date() == day else f"{escape(w.day_and_month(shown.date()))} {clock}"
        yield f'<tr data-start="{clock}"><th class="sk-time" scope="row">{label}</th>'
        if layout.plenary[row] or not layout.lanes:
            width = max(len(layout.lanes), 1)
            yield f'<td class="sk-cell sk-plenary" colspan="{width}">'
            yield "".join(self.session(e, None, day) for e in layout.plenary[row])
            yield "</td></tr>"
            return
        for column, lane in enumerate(layout.lanes):
            if covered.get(column, -1) >= row:
                continue
            here = layout.cells[row].get(column)
            if here is None:
                yield '<td class="sk-cell sk-free"></td>'
                continue
            span = layout.spans[row][column]
            covered[column] = row + span - 1
            rowspan = f' rowspan="{span}"' if span > 1 else ""
            yield f'<td class="sk-cell" data-lane="{attr(lane[1] or "")}"{rowspan}>'
            yield "".join(self.session(e, lane, day) for e in here)
            yield "</td>"
        yield "</tr>"

    def lane_heading(self, lane: _Lane) -> str:
        kind, lane_id = lane
        data = f' data-lane="{attr(lane_id or "")}"'
        summit, w = self.table.summit, self.w
        if kind == "other":
            text = plain(w.say("display.table.other", "Other sessions"))
        elif summit is None or lane_id is None:
            text = bidi(lane_id or "")
        elif kind == "room":
            text = localized(summit.room(lane_id).name, w)
        else:
            text = localized(summit.track(lane_id).title, w)
        return f'<th class="sk-lane sk-lane-{kind}" scope="col"{data}>{text}</th>'

    def session(self, entry: Entry, lane: _Lane | None, day: dt.date | None) -> str:
        session, w = entry.session, self.w
        classes = f"sk-session sk-kind-{attr(session.kind)}"
        if session.is_cancelled:
            classes += " sk-cancelled"
        parts = [f'<div class="{classes}" data-session="{attr(session.id)}">']
        if entry.slot is not None and day is not None:
            parts.append(times(w, entry.slot, self.zone, day))
        kind = plain(w.say("kind", KINDS.get(session.kind, session.kind)))
        parts.append(f'<div class="sk-kind">{kind}</div>')
        assumed = ESTIMATED if session.title_assumed else ""
        title = localized(session.title, w, "span", "sk-title")
        parts.append(f'<div class="sk-title-line">{assumed}{title}')
        if session.is_cancelled:
            flag = w.say("agenda.cancelled", "CANCELLED")
            parts.append(f' <span class="sk-flag">{plain(flag)}</span>')
        parts.append("</div>")
        summit = self.table.summit
        if session.room is not None and lane != ("room", session.room):
            label = plain(w.say("agenda.room", "Room"))
            room = (
                localized(summit.room(session.room).name, w)
                if summit is not None
                else bidi(session.room)
            )
            parts.append(f'<div class="sk-place">{label}: {room}</div>')
        elif (
            session.room is None and session.track is not None and lane != ("track", session.track)
        ):
            parts.append(f'<div class="sk-place">{bidi(place(summit, session, w))}</div>')
        people = _people(summit, session, w)
        if people:
            parts.append(f'<ul class="sk-people">{people}</ul>')
        parts.append("</div>")
        return "".join(parts)


def _people(summit: Summit | None, session: Session, w: Language) -> str:
    items: list[str] = []
    for role in Role:
        ids = session.speakers_in_role(role)
        if not ids:
            continue
        names = [summit.speaker(i).display_name(w.lang) if summit is not None else i for i in ids]
        label = plain(w.say("agenda.role", ROLES[role]))
        shown = w.say("display.separator", ", ").join(bidi(person) for person in names)
        items.append(f"<li>{label}: {shown}</li>")
    return "".join(items)
