"""HTML for notebooks: a summit or timetable as a grid, conflicts and changelogs in words.

A conference day is a table: a row for each time sessions start, a column
for each room (or each track, for sessions without a room), so sessions
that run side by side sit side by side in one row, and a session that
lasts past the next start spans the rows it runs through.  A session in
neither a room nor a track (a plenary) spans every column of its row; on a
day where one runs beside others, such sessions get a column of their own
instead.  Every text is escaped; Arabic (any right-to-left language) is
marked ``lang``/``dir`` where it appears, and names are isolated
(``<bdi>``).  The style sheet is scoped under one root class, and there is
no script and nothing loaded from elsewhere.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from html import escape
from zoneinfo import ZoneInfo

import attrs
from babel import Locale, UnknownLocaleError

from summitkit import _arguments as arguments
from summitkit._people import Role
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit._validators import describe
from summitkit.changes import Changelog
from summitkit.exceptions import InvalidTypeError, InvalidValueError
from summitkit.schedule._conflicts import Findings
from summitkit.schedule._timetable import Entry, Timetable, TimetableDay, timetable
from summitkit.text._agenda import KINDS, ROLES
from summitkit.text._arguments import language
from summitkit.text._changelog import changelog
from summitkit.text._conflicts import explain_all
from summitkit.text._display import (
    conflict_line,
    heading,
    kind_groups,
    legend,
    place,
    summary,
    zone_sentence,
)
from summitkit.text._language import EN_DASH, RLM, Language

__all__ = ["ROOT", "html"]

#: The class of every output's root element; the style sheet applies under it only.
ROOT = "summitkit-view"

_STYLE = f"""<style>
.{ROOT} {{ font-family: inherit; line-height: 1.35; max-width: 100%; overflow-x: auto; }}
.{ROOT} table.sk-grid {{ border-collapse: collapse; margin: 0.25em 0 1em; }}
.{ROOT} .sk-grid th, .{ROOT} .sk-grid td {{
  border: 1px solid rgba(127, 127, 127, 0.35); padding: 0.3em 0.5em;
  vertical-align: top; text-align: start; }}
.{ROOT} .sk-grid thead th {{ font-weight: 600; }}
.{ROOT} .sk-time {{ white-space: nowrap; font-variant-numeric: tabular-nums; }}
.{ROOT} .sk-session + .sk-session {{ margin-top: 0.5em; }}
.{ROOT} .sk-when {{ font-size: 0.85em; white-space: nowrap; opacity: 0.8; }}
.{ROOT} .sk-kind {{ font-size: 0.8em; text-transform: uppercase; opacity: 0.7; }}
.{ROOT} .sk-title {{ font-weight: 600; }}
.{ROOT} .sk-est {{ font-weight: 700; }}
.{ROOT} .sk-cancelled .sk-title {{ text-decoration: line-through; }}
.{ROOT} .sk-flag {{ font-size: 0.8em; font-weight: 700; }}
.{ROOT} .sk-people, .{ROOT} .sk-list {{ margin: 0.2em 0 0; padding-inline-start: 1.2em; }}
.{ROOT} .sk-people {{ font-size: 0.85em; }}
.{ROOT} .sk-place {{ font-size: 0.85em; }}
.{ROOT} h2, .{ROOT} h3 {{ margin: 0.6em 0 0.3em; }}
</style>"""


def html(
    value: Summit | Timetable | Findings | Changelog,
    *,
    lang: str = "en",
    tz: ZoneInfo | dt.timezone | str | None = None,
) -> str:
    """*value* as HTML for a notebook or a web page: what ``_repr_html_`` shows.

    A summit or a timetable is a grid for each conference day: a row for
    each time sessions start (``data-start="12:00"``), a column for each
    room or, for sessions without a room, each track; each session is an
    element with ``data-session`` (its id), showing its times (``~`` marks
    an estimate), kind, title, people and, if its column does not say it,
    its room.  Conflicts (:func:`summitkit.schedule.conflicts`) are their
    sentences grouped by kind; a changelog is its blocks.

    >>> import summitkit as sk
    >>> page = html(sk.examples.gsms2015())
    >>> page.startswith('<div class="summitkit-view sk-summit" lang="en" dir="ltr">')
    True
    >>> page.count('<tr data-start="12:00">'), page.count("data-session=")
    (1, 16)
    >>> 'dir="rtl"' in html(sk.examples.gsms2015(), lang="ar")[:60]
    True

    Args:
        value: A summit, a timetable, the conflicts of a summit, or a changelog.
        lang: A language :func:`summitkit.text.languages` lists; the whole
            output is in its direction.
        tz: An attendee's zone for the times of a summit, a timetable or a
            changelog (a ``ZoneInfo``, an IANA name or a fixed offset); by
            default the summit's, or the timetable's.  Conflicts are
            explained in their summit's zone.

    Returns:
        One ``<div>`` with its own ``<style>``, scoped under the class
        ``summitkit-view``; no script, nothing loaded from elsewhere.

    Raises:
        InvalidTypeError: If *value* is none of these, or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes, or
            *tz* is given with conflicts.
    """
    w = language(lang, "html(lang)")
    if isinstance(value, Summit):
        zone = arguments.zone(tz, name="html(tz)", default=value.timezone)
        parts = [*_summit_heading(value, w), *_Grid(timetable(value, tz=zone), zone, w).parts()]
        kind = "sk-summit"
    elif isinstance(value, Timetable):
        zone = arguments.zone(tz, name="html(tz)", default=value.zone)
        parts = list(_Grid(value, zone, w).parts())
        kind = "sk-timetable"
    elif isinstance(value, Findings):
        if tz is not None:
            raise InvalidValueError(
                "html(tz)", "conflicts are explained in their summit's zone; expected no tz"
            )
        parts = list(_findings(value, w))
        kind = "sk-findings"
    elif isinstance(value, Changelog):
        parts = list(_changelog(value, w, tz))
        kind = "sk-changelog"
    else:
        raise InvalidTypeError(
            "html(value)",
            f"expected a Summit, Timetable, conflicts or Changelog, got {describe(value)}",
        )
    direction = "rtl" if w.right_to_left else "ltr"
    return (
        f'<div class="{ROOT} {kind}" lang="{_attr(w.lang)}" dir="{direction}">'
        + _STYLE
        + "".join(parts)
        + "</div>"
    )


# -- text pieces ---------------------------------------------------------------


# The mark of an estimated time or an assumed title.
_ESTIMATED = '<span class="sk-est">~</span>'


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _plain(text: str) -> str:
    """Text the language wrote, escaped.

    The right-to-left mark that starts a line of text is left to the
    markup's ``dir``; the isolates around names stay, as browsers honour them.
    """
    return escape(text.removeprefix(RLM), quote=True)


@functools.lru_cache(maxsize=64)
def _direction(tag: str) -> str:
    """``rtl`` or ``ltr`` for a language tag, by CLDR; ``auto`` for one CLDR does not know."""
    try:
        return str(Locale.parse(tag, sep="-").text_direction)
    except (UnknownLocaleError, ValueError, TypeError):
        return "auto"


def _localized(value: LocalizedText, w: Language, tag: str = "span", css: str = "") -> str:
    """*value* in the language wanted (or the closest there is), marked with its language."""
    text = value.lookup(w.lang)
    lang = next((key for key, shown in value.items() if shown == text), w.lang)
    classes = f' class="{css}"' if css else ""
    return (
        f'<{tag}{classes} lang="{_attr(lang)}" dir="{_direction(lang)}">'
        f"{escape(text, quote=True)}</{tag}>"
    )


def _name(text: str) -> str:
    return f"<bdi>{escape(text, quote=True)}</bdi>"


def _clock(w: Language, moment: dt.datetime, *, estimated: bool) -> str:
    return f"{_ESTIMATED if estimated else ''}{escape(w.clock(moment))}"


def _times(w: Language, slot: TimeSlot, zone: dt.tzinfo, day: dt.date) -> str:
    start, end = slot.start.astimezone(zone), slot.end.astimezone(zone)
    first = _clock(w, start, estimated=slot.start_estimated)
    last = _clock(w, end, estimated=slot.end_estimated)
    if start.date() != day:
        first = f"{escape(w.day_and_month(start.date()))} {first}"
    if end.date() != start.date():
        last = f"{escape(w.day_and_month(end.date()))} {last}"
    # Times read left to right in every language; the line keeps the cell's direction.
    return f'<div class="sk-when"><span dir="ltr">{first}{EN_DASH}{last}</span></div>'


# -- a summit and its days -----------------------------------------------------


def _summit_heading(summit: Summit, w: Language) -> Iterator[str]:
    yield _localized(summit.name, w, "h2", "sk-name")
    meta: list[str] = []
    if summit.edition is not None:
        ordinal = w.ordinal(summit.edition, "edition.ordinal")
        meta.append(_plain(w.say("agenda.edition", "{ordinal} edition", ordinal=ordinal)))
    if summit.hashtag:
        meta.append(_name(f"#{summit.hashtag}"))
    if summit.theme is not None:
        meta.append(_localized(summit.theme, w))
    if summit.venue is not None:
        meta.append(_localized(summit.venue.name, w))
    if meta:
        yield f'<p class="sk-meta">{" · ".join(meta)}</p>'


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
class _Grid:
    """A timetable's days as grids, in one zone and language."""

    table: Timetable
    zone: dt.tzinfo
    w: Language

    def parts(self) -> Iterator[str]:
        table, w = self.table, self.w
        zones = zone_sentence(w, self.zone, tuple(d.date for d in table.days))
        yield f'<p class="sk-zone">{_plain(zones)}</p>'
        yield f'<p class="sk-legend">{_plain(legend(w, table))}</p>'
        for day in table.days:
            yield from self.day(day)
        if table.unscheduled:
            yield '<section class="sk-unscheduled">'
            yield f"<h3>{_plain(w.say('agenda.unscheduled', 'Not yet scheduled'))}</h3>"
            yield '<ul class="sk-list">'
            for session in table.unscheduled:
                yield f"<li>{self.session(Entry(session, None), None, None)}</li>"
            yield "</ul></section>"

    def day(self, day: TimetableDay) -> Iterator[str]:
        w = self.w
        date = day.date.isoformat()
        yield f'<section class="sk-day sk-day-{date}" data-day="{date}">'
        yield f"<h3>{_plain(w.long_date(day.date))}</h3>"
        if not day.blocks:
            empty = w.say("agenda.empty", "No sessions listed for this day.")
            yield f'<p class="sk-empty-day">{_plain(empty)}</p></section>'
            return
        layout = _layout(self.table, day)
        time = w.say("display.table.time", "Time")
        yield '<table class="sk-grid"><thead><tr>'
        yield f'<th class="sk-time-head" scope="col">{_plain(time)}</th>'
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
            yield f'<td class="sk-cell" data-lane="{_attr(lane[1] or "")}"{rowspan}>'
            yield "".join(self.session(e, lane, day) for e in here)
            yield "</td>"
        yield "</tr>"

    def lane_heading(self, lane: _Lane) -> str:
        kind, lane_id = lane
        data = f' data-lane="{_attr(lane_id or "")}"'
        summit, w = self.table.summit, self.w
        if kind == "other":
            text = _plain(w.say("display.table.other", "Other sessions"))
        elif summit is None or lane_id is None:
            text = _name(lane_id or "")
        elif kind == "room":
            text = _localized(summit.room(lane_id).name, w)
        else:
            text = _localized(summit.track(lane_id).title, w)
        return f'<th class="sk-lane sk-lane-{kind}" scope="col"{data}>{text}</th>'

    def session(self, entry: Entry, lane: _Lane | None, day: dt.date | None) -> str:
        session, w = entry.session, self.w
        classes = f"sk-session sk-kind-{_attr(session.kind)}"
        if session.is_cancelled:
            classes += " sk-cancelled"
        parts = [f'<div class="{classes}" data-session="{_attr(session.id)}">']
        if entry.slot is not None and day is not None:
            parts.append(_times(w, entry.slot, self.zone, day))
        kind = _plain(w.say("kind", KINDS.get(session.kind, session.kind)))
        parts.append(f'<div class="sk-kind">{kind}</div>')
        assumed = _ESTIMATED if session.title_assumed else ""
        title = _localized(session.title, w, "span", "sk-title")
        parts.append(f'<div class="sk-title-line">{assumed}{title}')
        if session.is_cancelled:
            flag = w.say("agenda.cancelled", "CANCELLED")
            parts.append(f' <span class="sk-flag">{_plain(flag)}</span>')
        parts.append("</div>")
        summit = self.table.summit
        if session.room is not None and lane != ("room", session.room):
            label = _plain(w.say("agenda.room", "Room"))
            room = (
                _localized(summit.room(session.room).name, w)
                if summit is not None
                else _name(session.room)
            )
            parts.append(f'<div class="sk-place">{label}: {room}</div>')
        elif (
            session.room is None and session.track is not None and lane != ("track", session.track)
        ):
            parts.append(f'<div class="sk-place">{_name(place(summit, session, w))}</div>')
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
        label = _plain(w.say("agenda.role", ROLES[role]))
        shown = ", ".join(_name(name) for name in names)
        items.append(f"<li>{label}: {shown}</li>")
    return "".join(items)


# -- conflicts and changelogs --------------------------------------------------


def _findings(found: Findings, w: Language) -> Iterator[str]:
    if not found:
        yield f'<p class="sk-summary">{_plain(w.say("check.none", "No conflicts."))}</p>'
        return
    sentences = explain_all(found, found.summit, lang=w.lang)
    yield f'<p class="sk-summary">{_plain(summary(found, w))}</p>'
    for kind, indexes in kind_groups(found).items():
        yield f'<section class="sk-kind-group" data-kind="{_attr(str(kind))}">'
        yield f'<h3>{_plain(heading(kind, len(indexes), w))}</h3><ul class="sk-list">'
        for index in indexes:
            conflict = found[index]
            ids = _attr(" ".join(conflict.sessions))
            line = _plain(conflict_line(found, index, sentences[index], w))
            yield (
                f'<li class="sk-{_attr(str(conflict.severity))}" '
                f'data-severity="{_attr(str(conflict.severity))}" data-sessions="{ids}">{line}</li>'
            )
        yield "</ul></section>"


def _changelog(
    log: Changelog, w: Language, tz: ZoneInfo | dt.timezone | str | None
) -> Iterator[str]:
    lines = changelog(log, lang=w.lang, tz=tz).splitlines()
    yield f'<p class="sk-summary">{_plain(lines[0])}</p>'
    open_list = False
    for line in lines[1:]:
        if not line.strip(RLM + " "):
            continue
        bare = line.removeprefix(RLM)
        if bare.startswith(" "):
            if not open_list:
                yield '<ul class="sk-list">'
                open_list = True
            yield f"<li>{_plain(bare.strip())}</li>"
            continue
        if open_list:
            yield "</ul></section>"
            open_list = False
        yield f'<section class="sk-change"><h3>{_plain(bare)}</h3>'
    if open_list:
        yield "</ul></section>"
