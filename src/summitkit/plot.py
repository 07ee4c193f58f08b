"""The timetable picture: a summit's programme drawn as a printed grid, with matplotlib.

:func:`plot_timetable` draws each conference day as a panel: rooms (or
tracks, when sessions name a track and no room) are columns, time runs down
the page, earliest at the top, and each session is a box with its time and
title.  Sessions side by side in time are side by side on the page;
sessions without a room or a track (the plenary) span the full width.
Cancelled sessions are greyed and struck through, estimated times carry a
``~`` as in the agenda, and the sessions of every conflict of severity
error are edged in red and hatched.  A legend at the foot says so.  The
page holds all its text: the name and the dates are wrapped to their width.

It needs the ``plot`` extra (``pip install 'summitkit[plot]'``): matplotlib,
and arabic-reshaper and python-bidi for Arabic, which matplotlib before 3.11
neither shapes nor lays out right to left (from 3.11 it does both itself).
They are imported when a picture is drawn, so importing this module needs
none of them.  The figure is a plain
:class:`matplotlib.figure.Figure`, made without pyplot: no window, no
backend chosen, nothing global changed.  Save it with its ``savefig``, as
PNG, SVG or PDF.

>>> from summitkit import examples
>>> from summitkit.plot import plot_timetable
>>> gsms = examples.gsms2015()
>>> figure = plot_timetable(gsms, day=gsms.first_day)
>>> [axes.get_ylabel() for axes in figure.axes]
['Dubai time (UTC+4)']
>>> len(plot_timetable(gsms).axes)  # both of its days: the second is empty
2
"""

# matplotlib's stubs leave the **kwargs of its drawing methods untyped, so every
# such method is "partially unknown" to pyright; what is passed is checked here.
# pyright: reportUnknownMemberType=false

from __future__ import annotations

import datetime as dt
import heapq
import importlib
import itertools
import math
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import attrs

from summitkit import _arguments as arguments
from summitkit._plot_text import shaped as _shaped
from summitkit._sessions import Session
from summitkit._spans import overlap_groups
from summitkit._summit import Summit, summit_argument
from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError, MissingExtraError
from summitkit.schedule import Severity, conflicts
from summitkit.text._agenda import KINDS
from summitkit.text._arguments import language
from summitkit.text._language import EN_DASH, Language

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

__all__ = ["plot_timetable"]

_FEATURE = "summitkit.plot"
_UTC = dt.timezone.utc
_HOUR = dt.timedelta(hours=1)

# Geometry, in inches: a column as wide as a printed programme's, an hour
# tall enough for a 45-minute session to hold five lines of its title.
_COLUMN = 1.75
_HOUR_HEIGHT = 1.6
_LEFT = 0.95  # the time axis and its label, at least
_AXIS_TEXT = 26.0  # points beside the widest hour: the ticks, the pads and the axis's label
_TOP = 1.55  # the summit's name, the date and the column headings, a line each
_NAME_TOP = 0.18  # above the summit's name
_MARGIN = 0.15  # at either side of the summit's name
_BOTTOM = 0.75  # the legend's first row
_LEGEND_ROW = 0.22  # each further row
# The legend's spacing, in its font's size, as given to matplotlib's legend.
_LEGEND_SIZE = 8.5
_LEGEND_HANDLE = 1.6  # a handle's length
_LEGEND_HANDLE_PAD = 0.8  # between a handle and its label
_LEGEND_SPACING = 1.6  # between columns
_LEGEND_BORDER = 0.9  # at either side: the frame's pad and the figure's
_INSET = 0.035  # of a column, between neighbouring boxes
_PAD = 3.0  # points, between a box's edge and its text

_TITLE_SIZE = 8.0
_TIME_SIZE = 7.0
_HEADING_SIZE = 8.5
_NAME_SIZE = 13.0
_DATE_SIZE = 10.5
# Lines for the summit's name, and for a day's date over a panel's width: a
# long name or a narrow panel takes more lines, the page grows to hold them.
_NAME_LINES = 3
_DATE_LINES = 3
_LINE_SPACING = 1.2
# A box shows what fits of its title; longer text is cut before it is measured.
_MOST_CHARACTERS = 400
_ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"

# DejaVu Sans ships with matplotlib and has Arabic's presentation forms;
# the others, where installed, fill in what it lacks (matplotlib falls back
# glyph by glyph).
_FONTS = ("DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK JP", "Liberation Sans")

_KIND_COLOURS = {
    "keynote": "#f6d5b8",
    "panel": "#c6dcef",
    "talk": "#d3ead3",
    "workshop": "#e2d4ec",
    "break": "#ececec",
    "ceremony": "#f7e8a8",
}
_OTHER_COLOUR = "#dde3ea"
_CANCELLED_COLOUR = "#f2f2f2"
_CANCELLED_TEXT = "#8a8a8a"
_CONFLICT = "#c0392b"
_HATCH = "//"
_EDGE = "#5d6d7e"


# -- arguments -----------------------------------------------------------------------


def plot_timetable(
    summit: Summit,
    *,
    day: dt.date | None = None,
    tz: ZoneInfo | dt.timezone | str | None = None,
    lang: str = "en",
) -> Figure:
    """*summit*'s programme as a picture: one panel per conference day, time down the page.

    Each panel's columns are the rooms its sessions are in, in the summit's
    order of rooms, then the tracks of sessions that name a track and no
    room, in its order of tracks (headed by the track's sector when it has
    one, its title otherwise).  A session with neither spans the panel.
    Sessions that overlap in one column share its width.  Untimed sessions,
    and sessions on no day of the summit, are not drawn.

    In a right-to-left language the picture is mirrored, as a printed
    programme in that language is: the first column and the first day on
    the right, the times on the right.

    >>> from summitkit import examples
    >>> figure = plot_timetable(examples.gsms2015(), tz="Europe/London")
    >>> figure.axes[0].get_ylabel()
    'London time (UTC+1)'

    Args:
        summit: The summit to draw.
        day: One of the summit's days (a ``datetime.date``); ``None`` draws
            every day, side by side.
        tz: The zone to show times in (a ``ZoneInfo``, an IANA name or a
            fixed offset); ``None`` is the summit's.  Conference days are
            the summit's either way.
        lang: A language :func:`summitkit.text.languages` lists: the titles
            are each session's closest text in it.

    Returns:
        A matplotlib figure, made without pyplot; ``figure.savefig(path)``
        writes it.

    Raises:
        InvalidTypeError: If *summit* is not a Summit, *day* not a date or
            *tz* not a zone.
        InvalidValueError: If *day* is not one of the summit's days, or
            *lang* not a language summitkit writes.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        MissingExtraError: If matplotlib is not installed, or, with a
            matplotlib before 3.11, arabic-reshaper or python-bidi when
            there is Arabic to draw (the ``plot`` extra).
    """
    checked = summit_argument(summit, name="plot_timetable(summit)")
    days = _days(checked, day)
    zone = arguments.zone(tz, name="plot_timetable(tz)", default=checked.timezone)
    words = language(lang, "plot_timetable(lang)")
    try:
        importlib.import_module("matplotlib")  # the extra, on first use
    except ImportError:
        raise MissingExtraError(_FEATURE, "plot", "matplotlib") from None
    return _Picture(checked, days, zone, words).draw()


def _days(summit: Summit, day: object) -> tuple[dt.date, ...]:
    """The days to draw: *day* alone, or every day of *summit* when it is ``None``."""
    if day is None:
        return summit.days
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise InvalidTypeError(
            "plot_timetable(day)", f"expected a datetime.date or None, got {describe(day)}"
        )
    if not summit.first_day <= day <= summit.last_day:
        first, last = summit.first_day, summit.last_day
        days = str(first) if first == last else f"{first} to {last}"
        raise InvalidValueError(
            "plot_timetable(day)", f"expected one of the summit's days, {days}, got {day}"
        )
    return (day,)


# -- the picture -----------------------------------------------------------------------


@attrs.frozen
class _Box:
    """A session's place in a panel: columns *left* to *right*, hours *top* to *bottom*."""

    session: Session
    left: float
    right: float
    top: float
    bottom: float


@attrs.frozen
class _Day:
    """A conference day as a panel shows it: all instants in UTC.

    Attributes:
        date: The day's date, in the summit's zone.
        origin: Hour 0 of the panel: midnight of *date* in the zone shown.
        start: When the conference day begins.
        end: When it ends: a session running past the end is drawn to it.
    """

    date: dt.date
    origin: dt.datetime
    start: dt.datetime
    end: dt.datetime


@attrs.frozen
class _Panel:
    """One day: its column headings, in reading order, and its sessions' boxes."""

    day: _Day
    headings: tuple[str, ...]
    boxes: tuple[_Box, ...]


class _Picture:
    """Everything one picture needs while it is drawn."""

    def __init__(
        self,
        summit: Summit,
        days: tuple[dt.date, ...],
        zone: ZoneInfo | dt.timezone,
        words: Language,
    ) -> None:
        from matplotlib.font_manager import fontManager  # noqa: PLC0415  # the extra
        from matplotlib.textpath import TextToPath  # noqa: PLC0415

        self.summit = summit
        self.zone = zone
        self.words = words
        self.rtl = words.right_to_left
        errors = (c for c in conflicts(summit) if c.severity is Severity.ERROR)
        self.conflicting = frozenset(session for c in errors for session in c.sessions)
        on_day: dict[dt.date, list[Session]] = {day: [] for day in days}
        for session in summit.in_time_order():
            if session.slot is not None:
                on_day.get(summit.conference_day(session.slot.start), []).append(session)
        self.panels = [self.panel(day, sessions) for day, sessions in on_day.items()]
        # Text is measured in points, as matplotlib lays it out for drawing.
        self.measurer = TextToPath()
        self.widths: dict[tuple[str, float, bool], float] = {}
        installed = {entry.name for entry in fontManager.ttflist}
        self.families = [family for family in _FONTS if family in installed] or ["sans-serif"]

    # -- layout ------------------------------------------------------------

    def hours(self, instant: dt.datetime, origin: dt.datetime) -> float:
        """Hours from *origin* to *instant*: elapsed time, so a clock change keeps its length."""
        return (instant.astimezone(_UTC) - origin) / _HOUR

    def panel(self, date: dt.date, sessions: Sequence[Session]) -> _Panel:
        conference_day = self.summit.conference_days[(date - self.summit.first_day).days]
        day = _Day(
            date,
            dt.datetime.combine(date, dt.time(0), self.zone).astimezone(_UTC),
            conference_day.start.astimezone(_UTC),
            conference_day.end.astimezone(_UTC),
        )
        columns: dict[tuple[int, str], str] = {}
        rooms = {room.id: n for n, room in enumerate(self.summit.rooms)}
        tracks = {track.id: n for n, track in enumerate(self.summit.tracks)}
        for session in sessions:
            key = _column(session, rooms, tracks)
            if key is not None and key not in columns:
                columns[key] = self.heading(session)
        order = sorted(columns)
        place = {key: n for n, key in enumerate(order)}
        width = max(len(order), 1)
        by_column: dict[int | None, list[Session]] = {}
        for session in sessions:
            key = _column(session, rooms, tracks)
            by_column.setdefault(None if key is None else place[key], []).append(session)
        boxes: list[_Box] = []
        for column, members in by_column.items():
            left, right = (0.0, float(width)) if column is None else (column, column + 1.0)
            for group in overlap_groups(members, _utc_span):
                boxes += self.lanes(group, left, right, day)
        if self.rtl:  # the first column on the right
            boxes = [attrs.evolve(b, left=width - b.right, right=width - b.left) for b in boxes]
        return _Panel(day, tuple(columns[key] for key in order), tuple(boxes))

    def lanes(self, group: Sequence[Session], left: float, right: float, day: _Day) -> list[_Box]:
        """Boxes for sessions that overlap in one column, side by side.

        Each session takes the lowest lane free at its start (the sessions
        come in time order), so the group takes as many lanes as the most
        sessions that run at once.
        """
        busy: list[tuple[dt.datetime, int]] = []  # (end, lane) of the lanes in use
        free: list[int] = []
        lanes: list[int] = []
        for session in group:
            start = _utc_span(session)[0]
            while busy and busy[0][0] <= start:
                heapq.heappush(free, heapq.heappop(busy)[1])
            lane = heapq.heappop(free) if free else len(busy) + len(free)
            heapq.heappush(busy, (_utc_span(session)[1], lane))
            lanes.append(lane)
        share = (right - left) / (max(lanes) + 1)
        boxes: list[_Box] = []
        for session, lane in zip(group, lanes, strict=True):
            start, end = _utc_span(session)
            top = self.hours(max(start, day.start), day.origin)
            bottom = self.hours(min(end, day.end), day.origin)
            boxes.append(_Box(session, left + lane * share, left + (lane + 1) * share, top, bottom))
        return boxes

    def heading(self, session: Session) -> str:
        if session.room is not None:
            return self.summit.room(session.room).name.lookup(self.words.lang)
        track = self.summit.track(session.track or "")
        return (track.sector or track.title).lookup(self.words.lang)

    # -- drawing -----------------------------------------------------------

    def draw(self) -> Figure:
        from matplotlib.figure import Figure  # noqa: PLC0415  # the extra

        boxes = [box for panel in self.panels for box in panel.boxes]
        top = math.floor(min((box.top for box in boxes), default=9.0))
        bottom = math.ceil(max((box.bottom for box in boxes), default=17.0))
        bottom = max(bottom, top + 1)
        widths = [max(len(panel.headings), 1) for panel in self.panels]
        # The time axis as wide as its widest hour: hours of another day carry their date.
        hours = [
            self.measure(self.tick(panel, hour), _TIME_SIZE + 1)
            for panel in self.panels
            for hour in range(top, bottom + 1)
        ]
        gutter = max(_LEFT, (max(hours, default=0.0) + _AXIS_TEXT) / 72)
        grid = sum(widths) * _COLUMN + gutter * len(widths) + 0.3
        handles = self.handles()
        # As many legend entries to a row as the width takes, and room for the
        # rows; a page narrower than the widest entry is widened to hold it.
        per_row, legend = self.legend_layout(handles, grid)
        width = max(grid, legend)
        foot = _BOTTOM + _LEGEND_ROW * (-(-len(handles) // per_row) - 1)
        # The name across the page and each date across its panel, in as
        # many lines as they need; the head grows by the lines past the first.
        name = self.summit.name.lookup(self.words.lang)
        name_lines = self.wrap(
            name, (width - 2 * _MARGIN) * 72, _NAME_LINES, _NAME_SIZE, bold=True
        ) or [name]
        dates = [
            self.wrap(
                self.words.long_date(panel.day.date),
                columns * _COLUMN * 72 - 2 * _PAD,
                _DATE_LINES,
                _DATE_SIZE,
                bold=True,
            )
            for panel, columns in zip(self.panels, widths, strict=True)
        ]
        more_lines = (len(name_lines) - 1) * _NAME_SIZE + (
            max(map(len, dates), default=1) - 1
        ) * _DATE_SIZE
        head = _TOP + max(more_lines, 0) * _LINE_SPACING / 72
        height = head + (bottom - top) * _HOUR_HEIGHT + foot
        figure = Figure(figsize=(width, height), dpi=100, facecolor="white")
        order = list(zip(self.panels, widths, dates, strict=True))
        # Each panel has the time axis on its reading side: left, or right when mirrored.
        x = 0.1 + (width - grid) / 2
        placed: list[tuple[_Panel, int, list[str], float]] = []
        for panel, columns, date in reversed(order) if self.rtl else order:
            placed.append((panel, columns, date, x + (0 if self.rtl else gutter)))
            x += columns * _COLUMN + gutter
        for panel, columns, date, left in sorted(placed, key=lambda p: p[0].day.date):
            rect = (
                left / width,
                foot / height,
                columns * _COLUMN / width,
                1 - (head + foot) / height,
            )
            ax = figure.add_axes(rect)
            self.draw_panel(ax, panel, columns, (top, bottom), date)
        figure.text(
            0.5,
            1 - _NAME_TOP / height,
            "\n".join(map(self.shaped, name_lines)),
            ha="center",
            va="top",
            linespacing=_LINE_SPACING,
            fontproperties=self.font(_NAME_SIZE, bold=True),
            parse_math=False,
            usetex=False,
        ).set_gid("name")
        self.legend(figure, handles, per_row)
        return figure

    def draw_panel(
        self, ax: Axes, panel: _Panel, columns: int, hours: tuple[int, int], date: list[str]
    ) -> None:
        """*panel* on *ax*: *hours* from the first to the last drawn, *date* its lines."""
        top, bottom = hours
        ax.set_xlim(0, columns)
        ax.set_ylim(bottom, top)  # earliest at the top
        ax.set_xticks([])
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_color("#b0b7bf")
        ticks = list(range(top, bottom + 1))
        ax.set_yticks(ticks, [self.shaped(self.tick(panel, hour)) for hour in ticks])
        ax.set_yticks([t + q / 4 for t in ticks[:-1] for q in (1, 2, 3)], minor=True)
        ax.grid(visible=True, axis="y", which="major", color="#c8ced4", linewidth=0.8)
        ax.grid(visible=True, axis="y", which="minor", color="#e8ebee", linewidth=0.5)
        ax.set_axisbelow(True)
        if self.rtl:
            ax.yaxis.tick_right()
            ax.yaxis.set_label_position("right")
        for label in ax.get_yticklabels():
            label.set_fontproperties(self.font(_TIME_SIZE + 1))
        day = panel.day
        moments = (day.start, max(day.start, day.end - dt.timedelta(microseconds=1)))
        ax.set_ylabel(
            self.shaped(self.words.zone(self.zone, moments)),
            fontproperties=self.font(_TIME_SIZE + 1),
            parse_math=False,
            usetex=False,
        )
        for n in range(1, columns):
            ax.axvline(n, color="#c8ced4", linewidth=0.8, zorder=0.5)
        points_per_column = _COLUMN * 72
        points_per_hour = _HOUR_HEIGHT * 72
        headings = list(reversed(panel.headings)) if self.rtl else list(panel.headings)
        for n, heading in enumerate(headings):
            lines = self.wrap(heading, points_per_column - 2 * _PAD, 3, _HEADING_SIZE, bold=True)
            ax.text(
                n + 0.5,
                1.0,
                "\n".join(map(self.shaped, lines)),
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="bottom",
                linespacing=_LINE_SPACING,
                fontproperties=self.font(_HEADING_SIZE, bold=True),
                parse_math=False,
                usetex=False,
                clip_on=False,
            )
        ax.annotate(
            "\n".join(map(self.shaped, date)),
            xy=(0.5, 1.0),
            xycoords="axes fraction",
            xytext=(0, 42),
            textcoords="offset points",
            ha="center",
            va="bottom",
            linespacing=_LINE_SPACING,
            fontproperties=self.font(_DATE_SIZE, bold=True),
            parse_math=False,
            usetex=False,
        ).set_gid(f"date:{panel.day.date.isoformat()}")
        if not panel.boxes:
            empty = self.words.say("agenda.empty", "No sessions listed for this day.")
            lines = self.wrap(empty, columns * points_per_column - 4 * _PAD, 6, _TITLE_SIZE + 1)
            ax.text(
                columns / 2,
                (top + bottom) / 2,
                "\n".join(map(self.shaped, lines)),
                ha="center",
                va="center",
                linespacing=_LINE_SPACING,
                fontproperties=self.font(_TITLE_SIZE + 1),
                color=_CANCELLED_TEXT,
                parse_math=False,
                usetex=False,
            )
        for box in sorted(panel.boxes, key=lambda b: b.right - b.left, reverse=True):
            self.draw_box(ax, box, points_per_column, points_per_hour)

    def draw_box(self, ax: Axes, box: _Box, per_column: float, per_hour: float) -> None:
        from matplotlib.lines import Line2D  # noqa: PLC0415  # the extra
        from matplotlib.patches import Rectangle  # noqa: PLC0415

        session = box.session
        cancelled = session.is_cancelled
        conflicting = session.id in self.conflicting
        inset = _INSET / 2
        left, right = box.left + inset, box.right - inset
        colour = _CANCELLED_COLOUR if cancelled else _KIND_COLOURS.get(session.kind, _OTHER_COLOUR)
        rectangle = Rectangle(
            (left, box.top),
            right - left,
            box.bottom - box.top,
            facecolor=colour,
            edgecolor=_CONFLICT if conflicting else _EDGE,
            linewidth=2.0 if conflicting else 0.8,
            hatch=_HATCH if conflicting else None,
            linestyle="--" if cancelled else "-",
            # The plenary under the rooms' sessions, should they overlap.
            zorder=1.5 if session.room is None and session.track is None else 2,
        )
        rectangle.set_gid(f"session:{session.id}")
        ax.add_patch(rectangle)
        # The room a box has for text, in points.
        wide = (right - left) * per_column - 2 * _PAD
        tall = (box.bottom - box.top) * per_hour - 2 * _PAD
        slot = session.slot
        assert slot is not None  # noqa: S101  # only timed sessions are drawn
        start, end = slot.start.astimezone(self.zone), slot.end.astimezone(self.zone)
        when = (
            f"{'~' if slot.start_estimated else ''}{self.words.clock(start)}{EN_DASH}"
            f"{'~' if slot.end_estimated else ''}{self.words.clock(end)}"
        )
        title = ("~" if session.title_assumed else "") + session.title.lookup(self.words.lang)
        line_height = _TITLE_SIZE * _LINE_SPACING
        room = max(int((tall - _TIME_SIZE * _LINE_SPACING) // line_height), 0)
        lines = self.wrap(title, wide, room, _TITLE_SIZE)
        time_lines = self.wrap(when, wide, 1, _TIME_SIZE) if tall >= _TIME_SIZE else []
        text_colour = _CANCELLED_TEXT if cancelled else "#1b2631"
        # Text over a conflict's hatching stands on a light ground, to be read.
        ground = {"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 0.6}
        backing = ground if conflicting else None
        centre = (left + right) / 2
        if time_lines:
            ax.text(
                centre,
                box.top + _PAD / per_hour,
                "\n".join(time_lines),
                ha="center",
                va="top",
                fontproperties=self.font(_TIME_SIZE),
                color=text_colour,
                bbox=backing,
                zorder=3,
                parse_math=False,
                usetex=False,
                clip_on=True,
            )
        if not lines:
            return
        below = box.top + (_PAD + _TIME_SIZE * _LINE_SPACING) / per_hour
        shown = [self.shaped(line) for line in lines]
        ax.text(
            centre,
            below,
            "\n".join(shown),
            ha="center",
            va="top",
            linespacing=_LINE_SPACING,
            fontproperties=self.font(_TITLE_SIZE),
            color=text_colour,
            bbox=backing,
            zorder=3,
            parse_math=False,
            usetex=False,
            clip_on=True,
        ).set_gid(f"title:{session.id}")
        if cancelled:  # a line through each line of the title
            for n, line in enumerate(lines):
                half = self.measure(line, _TITLE_SIZE) / 2 / per_column
                y = below + (n * line_height + _TITLE_SIZE * 0.55) / per_hour
                strike = Line2D(
                    [centre - half, centre + half],
                    [y, y],
                    color=_CANCELLED_TEXT,
                    linewidth=0.9,
                    zorder=4,
                )
                strike.set_gid(f"struck:{session.id}")
                ax.add_line(strike)

    def handles(self) -> list[Artist]:
        """The legend's entries: the kinds of session shown, then the marks used."""
        from matplotlib.lines import Line2D  # noqa: PLC0415  # the extra
        from matplotlib.patches import Patch  # noqa: PLC0415

        boxes = [box for panel in self.panels for box in panel.boxes]
        say = self.words.say
        kinds = dict.fromkeys(box.session.kind for box in boxes if not box.session.is_cancelled)
        handles: list[Artist] = [
            Patch(
                facecolor=_KIND_COLOURS.get(kind, _OTHER_COLOUR),
                edgecolor=_EDGE,
                label=self.shaped(say("kind", KINDS.get(kind, kind))),
            )
            for kind in KINDS
            if kind in kinds
        ]
        if any(box.session.is_cancelled for box in boxes):
            label = self.shaped(say("plot.cancelled", "Cancelled"))
            handles.append(
                Patch(facecolor=_CANCELLED_COLOUR, edgecolor=_EDGE, linestyle="--", label=label)
            )
        if any(box.session.id in self.conflicting for box in boxes):
            label = self.shaped(say("plot.conflict", "Conflict"))
            handles.append(
                Patch(
                    facecolor="white", edgecolor=_CONFLICT, hatch=_HATCH, linewidth=2, label=label
                )
            )
        estimated = any(
            box.session.slot is not None
            and (box.session.slot.start_estimated or box.session.slot.end_estimated)
            for box in boxes
        )
        if any(box.session.title_assumed for box in boxes):  # the agenda's words
            tilde = say("agenda.legend.assumed", "~ marks an estimated time or an assumed title.")
            handles.append(Line2D([], [], linestyle="none", label=self.shaped(tilde)))
        elif estimated:
            tilde = say("agenda.legend", "~ marks an estimated time.")
            handles.append(Line2D([], [], linestyle="none", label=self.shaped(tilde)))
        if self.rtl:
            handles.reverse()
        return handles

    def legend_layout(self, handles: Sequence[Artist], width: float) -> tuple[int, float]:
        """The most legend entries to a row that fit *width* inches, and the inches they take.

        matplotlib fills the legend's columns one after another, as even as
        they can be, each column as wide as its widest entry.  One entry to a
        row may still be wider than *width*: then its width is the answer.
        """
        font = self.font(_LEGEND_SIZE)
        handle = (_LEGEND_HANDLE + _LEGEND_HANDLE_PAD) * _LEGEND_SIZE
        entries = [
            handle
            + self.measurer.get_text_width_height_descent(str(h.get_label()), font, ismath=False)[0]
            for h in handles
        ]
        border = 2 * _LEGEND_BORDER * _LEGEND_SIZE
        need = border + max(entries, default=0.0)
        for per_row in range(len(entries), 1, -1):
            rows, longer = divmod(len(entries), per_row)
            columns: list[float] = []
            start = 0
            for column in range(per_row):
                end = start + rows + (column < longer)
                columns.append(max(entries[start:end], default=0.0))
                start = end
            spacing = (len(columns) - 1) * _LEGEND_SPACING * _LEGEND_SIZE
            if border + sum(columns) + spacing <= width * 72:
                return per_row, (border + sum(columns) + spacing) / 72
        return 1, need / 72

    def legend(self, figure: Figure, handles: list[Artist], per_row: int) -> None:
        if not handles:
            return
        legend = figure.legend(
            handles=handles,
            loc="lower center",
            ncols=per_row,
            frameon=False,
            prop=self.font(_LEGEND_SIZE),
            markerfirst=not self.rtl,
            handlelength=_LEGEND_HANDLE,
            handletextpad=_LEGEND_HANDLE_PAD,
            columnspacing=_LEGEND_SPACING,
        )
        for text in legend.get_texts():
            text.set_parse_math(False)
            text.set_usetex(False)

    # -- text --------------------------------------------------------------

    def shaped(self, text: str) -> str:
        return _shaped(text, right_to_left=self.rtl)

    def font(self, size: float, *, bold: bool = False) -> FontProperties:
        from matplotlib.font_manager import FontProperties  # noqa: PLC0415  # the extra

        weight = "bold" if bold else "normal"
        return FontProperties(family=self.families, size=size, weight=weight)

    def measure(self, text: str, size: float, *, bold: bool = False) -> float:
        """The width of *text* as it is drawn, in points.

        A line is as wide as its words and the spaces between them: each is
        measured once, shaped on its own (Arabic letters do not join across
        a space), and remembered, so wrapping a thousand titles measures
        each word once.
        """
        words = text.split(" ")
        spaces = (len(words) - 1) * self.word_width(" ", size, bold=bold)
        return spaces + sum(self.word_width(word, size, bold=bold) for word in words)

    def word_width(self, word: str, size: float, *, bold: bool) -> float:
        key = (word, size, bold)
        width = self.widths.get(key)
        if width is None:
            font = self.font(size, bold=bold)
            shaped = self.shaped(word)
            width = self.measurer.get_text_width_height_descent(shaped, font, ismath=False)[0]
            self.widths[key] = width
        return width

    def wrap(
        self, text: str, width: float, most: int, size: float, *, bold: bool = False
    ) -> list[str]:
        """*text* in at most *most* lines of *width* points, in logical order.

        Lines break between words, or inside a word too long for a line;
        text that does not fit ends with an ellipsis.  Each line is shaped
        when it is measured and drawn, since a line's letters join and
        reorder within it, not across lines.
        """
        if most <= 0 or width <= 0:
            return []

        def fits(line: str) -> bool:
            return self.measure(line, size, bold=bold) <= width

        cut = len(text) > _MOST_CHARACTERS
        lines = list(itertools.islice(_lines(text[:_MOST_CHARACTERS], fits), most + 1))
        if lines and (len(lines) > most or cut):
            return self.ellipsis(lines[:most], fits)
        return lines

    @staticmethod
    def ellipsis(lines: list[str], fits: Callable[[str], bool]) -> list[str]:
        """*lines* with the last one shortened to end with an ellipsis."""
        last = lines[-1].rstrip()
        while last and not fits(last + _ELLIPSIS):
            last = last[:-1].rstrip()
        return [*lines[:-1], last + _ELLIPSIS]

    def tick(self, panel: _Panel, hour: int) -> str:
        """The wall time *hour* hours after the panel's origin, dated if on another day."""
        moment = (panel.day.origin + hour * _HOUR).astimezone(self.zone)
        clock = self.words.clock(moment)
        if moment.date() != panel.day.date:
            return f"{self.words.day_and_month(moment.date())} {clock}"
        return clock


def _lines(text: str, fits: Callable[[str], bool]) -> Iterator[str]:
    """*text*'s lines, each as long as *fits* allows: broken between words, or in a long word."""
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if fits(candidate):
            line = candidate
            continue
        if line:
            yield line
        line = word
        while len(line) > 1 and not fits(line):  # a word longer than a line
            head = _longest_head(line, fits)
            yield head
            line = line[len(head) :]
    if line:
        yield line


def _longest_head(word: str, fits: Callable[[str], bool]) -> str:
    """The longest start of *word* that fits a line, at least one character."""
    low, high = 1, len(word)
    while low < high:  # a binary search: widths grow with length
        middle = (low + high + 1) // 2
        if fits(word[:middle]):
            low = middle
        else:
            high = middle - 1
    return word[:low]


def _utc_span(session: Session) -> tuple[dt.datetime, dt.datetime]:
    if session.slot is None:  # pragma: no cover - only timed sessions are drawn
        raise ValueError(session.id)
    return session.slot.utc_bounds


def _column(
    session: Session, rooms: dict[str, int], tracks: dict[str, int]
) -> tuple[int, str] | None:
    """The key that orders a session's column: rooms, then tracks; ``None``: the full width."""
    if session.room is not None:
        return (0, f"{rooms[session.room]:09}")
    if session.track is not None:
        return (1, f"{tracks[session.track]:09}")
    return None
