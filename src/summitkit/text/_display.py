"""How summitkit's values show themselves in text: what ``print`` writes.

The values live in the layers below, which know nothing of words; their
``__str__`` and ``_repr_html_`` (and only those, see the package layout)
call this module (and ``_html.py`` for HTML) when they are shown, as a data
frame's HTML comes from its formatting package.  ``print`` writes English;
the public functions take a language and a zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import cast
from zoneinfo import ZoneInfo

from summitkit import _arguments as arguments
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit._time import TimeSlot, zone_label
from summitkit._validators import describe
from summitkit.changes import Changelog
from summitkit.exceptions import InvalidTypeError
from summitkit.schedule._conflicts import Findings
from summitkit.schedule._timetable import Entry, Timetable
from summitkit.text._agenda import KINDS, day_bounds, parallel_heading, time_blocks
from summitkit.text._arguments import language
from summitkit.text._changelog import changelog
from summitkit.text._conflicts import check_report
from summitkit.text._language import EN_DASH, Language, Phrase

__all__ = [
    "changelog_text",
    "findings_text",
    "legend",
    "place",
    "slot_text",
    "timetable_text",
    "zone_sentence",
]

_INDENT = "  "


def slot_text(
    slot: TimeSlot, *, lang: str = "en", tz: ZoneInfo | dt.timezone | str | None = None
) -> str:
    """*slot* as people read it: its day, its times and its zone.

    ``str(slot)`` is this in English.  An estimated time carries a ``~``;
    an end on another day is dated.

    >>> import summitkit as sk
    >>> slot = sk.examples.gsms2015().session("ws-defence-session").slot
    >>> slot_text(slot)
    'Wed 16 Sep 2015, 12:00–~13:30 (Asia/Dubai)'
    >>> slot_text(slot, tz="Europe/London")
    'Wed 16 Sep 2015, 09:00–~10:30 (Europe/London)'

    Args:
        slot: The slot.
        lang: A language :func:`summitkit.text.languages` lists.
        tz: The zone to show it in (a ``ZoneInfo``, an IANA name or a fixed
            offset); by default its start's own zone.

    Raises:
        InvalidTypeError: If *slot* is not a TimeSlot or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes.
    """
    if not isinstance(slot, TimeSlot):
        raise InvalidTypeError("slot_text(slot)", f"expected a TimeSlot, got {describe(slot)}")
    w = language(lang, "slot_text(lang)")
    # A slot's times are aware, in a ZoneInfo or a fixed offset: the slot checked them.
    start_zone = cast("ZoneInfo | dt.timezone", slot.start.tzinfo)
    zone = arguments.zone(tz, name="slot_text(tz)", default=start_zone)
    start, end = slot.start.astimezone(zone), slot.end.astimezone(zone)
    first = f"{'~' if slot.start_estimated else ''}{w.clock(start)}"
    last = f"{'~' if slot.end_estimated else ''}{w.clock(end)}"
    if end.date() == start.date():
        times = w.isolate(f"{first}{EN_DASH}{last}")
    else:
        other_day = w.say("display.slot", "{date}, {times}", date=_slot_date(w, end), times=last)
        times = Phrase(f"{w.isolate(first)} {EN_DASH} {other_day}")
    return w.say(
        "display.slot.zone",
        "{date}, {times} ({zone})",
        date=_slot_date(w, start),
        times=times,
        zone=zone_label(zone),
    )


def _slot_date(w: Language, moment: dt.datetime) -> Phrase:
    return Phrase(w.date(moment.date(), "date.slot", "EEE d MMM y"))


def changelog_text(log: Changelog) -> str:
    """What ``print(changelog)`` writes: :func:`summitkit.text.changelog` in English."""
    return changelog(log)


def place(table_summit: Summit | None, session: Session, w: Language) -> str:
    """Where *session* is: its room's name, else its track's title, else nothing.

    Without the summit, the room's or track's id.
    """
    if session.room is not None:
        if table_summit is None:
            return session.room
        return table_summit.room(session.room).name.lookup(w.lang)
    if session.track is not None:
        if table_summit is None:
            return session.track
        return table_summit.track(session.track).title.lookup(w.lang)
    return ""


def zone_sentence(w: Language, zone: dt.tzinfo, table: Timetable) -> Phrase:
    """The sentence "Times: Dubai time (UTC+4)." for *table*'s days shown in *zone*.

    The offsets are those in force from the first day's start to the last
    day's end, as the agenda names them ("UTC+1/UTC+0" on a night clocks go back).
    """
    if table.summit is not None:
        summit = table.summit
        moments = day_bounds(
            tuple(day.date for day in table.days), summit.timezone, summit.day_change
        )
    else:
        moments = day_bounds(tuple(day.date for day in table.days), table.zone, dt.time(0))
    return w.say("agenda.zones", "Times: {zones}.", zones=w.zone(zone, moments))


def legend(w: Language, table: Timetable) -> Phrase:
    """What ``~`` marks: estimated times, and assumed titles when there are any."""
    sessions = (
        *(entry.session for day in table.days for entry in day.entries),
        *table.unscheduled,
    )
    if any(session.title_assumed for session in sessions):
        return w.say("agenda.legend.assumed", "~ marks an estimated time or an assumed title.")
    return w.say("agenda.legend", "~ marks an estimated time.")


def timetable_text(table: Timetable, *, lang: str = "en") -> str:
    """What ``print(timetable)`` writes: each day, its blocks and their sessions.

    Sessions that start together are a time block, as in the agenda:
    counted by room or track (a track's next session stays in its block)
    and marked with ``│``; estimated times carry a ``~``; each session
    names its room, or its track when it has no room.
    """
    w = language(lang, "timetable_text(lang)")
    return "".join(w.line(line) + "\n" for line in _timetable_lines(table, w))


def _timetable_lines(table: Timetable, w: Language) -> Iterator[str]:
    yield zone_sentence(w, table.zone, table)
    yield legend(w, table)
    for day in table.days:
        yield ""
        yield w.long_date(day.date)
        if not day.blocks:
            yield _INDENT + w.say("agenda.empty", "No sessions listed for this day.")
        shown = {entry.session.id: entry for entry in day.entries}
        order = {session_id: index for index, session_id in enumerate(shown)}
        for block in time_blocks([entry.session for entry in day.entries]):
            groups = sorted(block.groups, key=lambda group: order[group[1][0].id])
            if len(groups) == 1:  # nothing runs beside it: no heading, as in the agenda
                for session in groups[0][1]:
                    yield _INDENT + _entry_line(table, shown[session.id], w, day.date)
                continue
            start = shown[block.first.id].slot
            when = w.isolate(_start_text(w, start, table.zone, day.date)) if start else ""
            yield f"{_INDENT} {when}  {parallel_heading(table.summit, groups, w)}"
            for _, sessions in groups:
                for session in sessions:
                    yield _INDENT + "│ " + _entry_line(table, shown[session.id], w, day.date)
    if table.unscheduled:
        yield ""
        yield w.say("agenda.unscheduled", "Not yet scheduled")
        for session in table.unscheduled:
            yield _INDENT + _entry_line(table, Entry(session, None), w, None)


def _start_text(w: Language, slot: TimeSlot, zone: dt.tzinfo, day: dt.date) -> str:
    """A block's time: its start, dated when it is not on conference day *day*."""
    (date, clock), _ = w.slot_clocks(slot, zone, day)
    return f"{date} {clock}" if date else clock


def _entry_line(table: Timetable, entry: Entry, w: Language, day: dt.date | None) -> str:
    session, slot = entry.session, entry.slot
    kind = w.say("kind", KINDS.get(session.kind, session.kind))
    title = ("~" if session.title_assumed else "") + session.title.lookup(w.lang)
    head = w.say("agenda.session", "{kind} \N{EN DASH} {title}", kind=kind, title=title)
    if session.is_cancelled:
        head = Phrase(f"[{w.say('agenda.cancelled', 'CANCELLED')}] {head}")
    where = place(table.summit, session, w)
    if where:
        head = Phrase(f"{head} · {w.isolate(where)}")
    if slot is None or day is None:
        return head
    # Dated as the HTML grid dates them; an undated start keeps a column for its ~.
    (first_date, first), (last_date, last) = w.slot_clocks(slot, table.zone, day)
    first = f"{'~' if slot.start_estimated else ('' if first_date else ' ')}{first}"
    last = f"{'~' if slot.end_estimated else ''}{last}"
    if first_date:
        first = f"{first_date} {first}"
    if last_date:
        last = f"{last_date} {last}"
    return f"{w.isolate(first + EN_DASH + last)}  {head}"


def findings_text(found: Findings, *, lang: str = "en") -> str:
    """What ``print(found)`` writes: the report ``summitkit check`` prints.

    The conflicts in words (:func:`summitkit.text.explain`) by kind, each
    kind's heading counting them, then a summary line.
    """
    return "".join(line + "\n" for line in check_report(found, found.summit, lang=lang))
