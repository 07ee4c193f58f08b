"""The agenda: a summit's programme as plain text, for terminals and notebooks.

The agenda lists each summit day in the summit's zone, optionally with an
attendee's zone beside it.  Sessions that start together are shown as one
time block, grouped by room in the summit's order (by track for sessions
without a room, as workshops often are), under a count of what runs in
parallel; a room's or track's next sessions stay in the block while the
block's first sessions run (a workshop track's second session), so a day of
staggered talks in many rooms reads as blocks by start time, never as one
block chained through the day.  Each session shows its room, or its track
when it is grouped by room.  Estimated times and assumed titles carry a ``~``; a wall time that
happens twice (the hour repeated when clocks go back) says which reading it
is.  Text is written in logical order; in a right-to-left language every
line starts with a right-to-left mark and every name, title and time is
isolated, so that a terminal lays it out right.

The agenda is made line by line, so a program can write its start while the
rest is still being made: the heading needs none of the sessions, and the
sessions are put on their days in one pass.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from zoneinfo import ZoneInfo

import attrs

from summitkit import _arguments as arguments
from summitkit._people import Role, Speaker
from summitkit._sessions import Session, Track, WorkshopTrack
from summitkit._summit import Summit, summit_argument
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot, zone_label
from summitkit.text._arguments import language
from summitkit.text._language import EN_DASH, FSI, PDI, RLM, Language, Phrase

__all__ = ["agenda", "agenda_lines"]

_INDENT = "  "

#: What each kind of session is called, and each role (English; catalogues translate).
KINDS = {
    "keynote": "Keynote",
    "panel": "Panel",
    "talk": "Talk",
    "workshop": "Workshop",
    "break": "Break",
    "ceremony": "Ceremony",
}
ROLES = {
    Role.MODERATOR: "Moderator",
    Role.PANELIST: "Panelists",
    Role.PRESENTER: "Presented by",
    Role.CHAIR: "Chair",
    Role.HOST: "Host",
    Role.AUTHOR: "Written by",
    Role.ORGANISER: "Organised by",
}


def agenda(
    summit: Summit, *, tz: ZoneInfo | dt.timezone | str | None = None, lang: str = "en"
) -> str:
    """*summit*'s programme as plain text.

    >>> from summitkit import examples
    >>> print(agenda(examples.gsms2015()).splitlines()[0])
    GCC Government Social Media Summit · 4th edition · #GSMS15

    Args:
        summit: The summit to show.
        tz: An attendee's zone (a ``ZoneInfo``, an IANA name or a fixed
            offset), shown beside
            the summit's own; ``None`` shows the summit's zone only.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        The agenda, one line per row, ending with a newline.

    Raises:
        InvalidTypeError: If *summit* is not a Summit or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes.
    """
    return "".join(line + "\n" for line in _lines("agenda", summit, tz, lang))


def agenda_lines(
    summit: Summit, *, tz: ZoneInfo | dt.timezone | str | None = None, lang: str = "en"
) -> Iterator[str]:
    """The lines of :func:`agenda`'s text, each made when it is asked for.

    The heading comes before any session is looked at, so a program can
    write it at once; the arguments are checked when this is called.

    >>> from summitkit import examples
    >>> next(agenda_lines(examples.gsms2015()))
    'GCC Government Social Media Summit · 4th edition · #GSMS15'

    Args:
        summit: The summit to show.
        tz: An attendee's zone, as for :func:`agenda`.
        lang: A language :func:`summitkit.text.languages` lists.

    Returns:
        The agenda's lines, without line ends.

    Raises:
        InvalidTypeError: If *summit* is not a Summit or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes.
    """
    return _lines("agenda_lines", summit, tz, lang)


def _lines(name: str, summit: object, tz: object, lang: object) -> Iterator[str]:
    """The agenda's lines; raises at once if an argument of *name* is not what it expects."""
    checked = summit_argument(summit, name=f"{name}(summit)")
    words = language(lang, f"{name}(lang)")
    zone = None if tz is None else arguments.zone(tz, name=f"{name}(tz)")
    return (words.line(line) for line in _Agenda(checked, zone, words).lines())


@attrs.define
class _Agenda:
    summit: Summit
    attendee_zone: ZoneInfo | dt.timezone | None
    words: Language
    people: dict[str, Phrase] = attrs.field(init=False)  # each speaker as shown
    # Groups of a time block: rooms in the summit's order, then tracks, then the rest.
    place_order: dict[Place, int] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.people = {}
        places: list[Place] = [("room", room.id) for room in self.summit.rooms]
        places += [("track", track.id) for track in self.summit.tracks]
        self.place_order = {where: rank for rank, where in enumerate([*places, ("", "")])}
        zone = self.attendee_zone
        if zone is not None and zone_label(zone) == zone_label(self.summit.timezone):
            self.attendee_zone = None

    # -- text helpers ----------------------------------------------------------

    def text(self, value: LocalizedText) -> str:
        return value.lookup(self.words.lang)

    def person(self, speaker: Speaker) -> Phrase:
        shown = self.people.get(speaker.id)
        if shown is None:
            shown = self.people[speaker.id] = self.introduce(speaker)
        return shown

    def introduce(self, speaker: Speaker) -> Phrase:
        w = self.words
        name = speaker.display_name(w.lang)
        details = [self.text(speaker.position)] if speaker.position else []
        if speaker.organization is not None:
            details.append(self.text(self.summit.organization(speaker.organization).name))
        if not details:
            return w.isolate(name)
        separator = w.say("agenda.separator", ", ")
        shown = Phrase(separator.join(w.isolate(detail) for detail in details))
        return w.say("agenda.person", "{name} ({details})", name=name, details=shown)

    def times(
        self, slot: TimeSlot, zone: ZoneInfo | dt.timezone, summit_day: dt.date, *, end: bool
    ) -> str:
        # A one-character marker slot keeps the columns aligned.
        w = self.words
        start = slot.start.astimezone(zone)
        text = f"{'~' if slot.start_estimated else ' '}{w.clock(start)}"
        days: tuple[dt.date, ...] = (start.date(),)
        if end:
            finish = slot.end.astimezone(zone)
            text += f"{EN_DASH}{'~' if slot.end_estimated else ' '}{w.clock(finish)}"
            days = slot.local_dates(tz=zone)
        if days != (summit_day,):
            text += f" ({f' {EN_DASH} '.join(w.weekday_and_month(day) for day in days)})"
        return w.isolate(text)

    def when(self, slot: TimeSlot | None, day: dt.date, *, end: bool = True) -> str:
        if slot is None:
            return ""
        text = self.times(slot, self.summit.timezone, day, end=end)
        if self.attendee_zone is not None:
            text += " | " + self.times(slot, self.attendee_zone, day, end=end)
        return text

    # -- rows ------------------------------------------------------------------

    def lines(self) -> Iterator[str]:
        yield from self.heading()
        w = self.words
        by_day, untimed = self.by_day()
        for day in self.summit.days:
            yield ""
            yield w.long_date(day)
            rows = self.day_rows(day, by_day.pop(day, []))
            yield from rows or [_INDENT + w.say("agenda.empty", "No sessions listed for this day.")]
        if untimed:
            yield ""
            yield w.say("agenda.unscheduled", "Not yet scheduled")
            for session in untimed:
                yield from self.session_rows(session, self.summit.first_day, _INDENT)

    def heading(self) -> Iterator[str]:
        summit, w = self.summit, self.words
        title = [w.isolate(self.text(summit.name))]
        if summit.edition is not None:
            ordinal = w.ordinal(summit.edition, "edition.ordinal")
            title.append(w.say("agenda.edition", "{ordinal} edition", ordinal=ordinal))
        if summit.hashtag:
            title.append(w.isolate(f"#{summit.hashtag}"))
        yield " · ".join(title)
        if summit.theme is not None:
            yield w.isolate(self.text(summit.theme))
        if summit.venue is not None:
            place = [self.text(summit.venue.name)]
            if summit.venue.city is not None:
                place.append(self.text(summit.venue.city))
            yield w.say("agenda.separator", ", ").join(map(w.isolate, place))
        moments = day_bounds(summit.days, summit.timezone, summit.day_change)
        zones = [w.zone(summit.timezone, moments)]
        if self.attendee_zone is not None:
            zones.append(w.zone(self.attendee_zone, moments))
        yield w.say("agenda.zones", "Times: {zones}.", zones=Phrase(" | ".join(zones)))
        if any(session.title_assumed for session in summit.sessions):
            yield w.say("agenda.legend.assumed", "~ marks an estimated time or an assumed title.")
        else:
            yield w.say("agenda.legend", "~ marks an estimated time.")

    def by_day(self) -> tuple[dict[dt.date, list[Session]], list[Session]]:
        """The timed sessions by conference day, in time order, and the untimed ones.

        One pass over the sessions: the agenda never scans them once per day.
        """
        by_day: dict[dt.date, list[Session]] = {}
        untimed: list[Session] = []
        for session in self.summit.in_time_order():
            if session.slot is None:
                untimed.append(session)
            else:
                day = self.summit.conference_day(session.slot.start)
                by_day.setdefault(day, []).append(session)
        return by_day, untimed

    def day_rows(self, day: dt.date, on_day: Sequence[Session]) -> list[str]:
        return [row for block in time_blocks(on_day) for row in self.block_rows(block, day)]

    def block_rows(self, block: TimeBlock, day: dt.date) -> list[str]:
        groups = sorted(block.groups, key=lambda group: self.place_order[group[0]])
        if len(groups) == 1:
            ((kind, ident), sessions) = groups[0]
            if kind == "track":
                return self.track_rows(self.summit.track(ident), sessions, day, _INDENT)
            return [row for s in sessions for row in self.session_rows(s, day, _INDENT)]
        w = self.words
        when = self.when(block.first.slot, day, end=False)
        parallel = parallel_heading(self.summit, groups, w)
        rows = [f"{_INDENT}{when}  {parallel}"]
        prefix = _INDENT + "│ "
        for number, ((kind, ident), sessions) in enumerate(groups, start=1):
            if kind == "track":
                rows += self.track_rows(self.summit.track(ident), sessions, day, prefix, number)
                continue
            if kind == "room":
                title = w.isolate(self.text(self.summit.room(ident).name))
            else:
                title = w.say("agenda.no_room", "No room given")
            rows.append(f"{prefix}{number}. {title}")
            for session in sessions:
                rows += self.session_rows(session, day, prefix + "   ", room=kind != "room")
        return rows

    def track_rows(
        self,
        track: Track,
        sessions: Sequence[Session],
        day: dt.date,
        prefix: str,
        number: int | None = None,
    ) -> list[str]:
        w = self.words
        title = w.isolate(self.text(track.title))
        rows = [prefix + (title if number is None else f"{number}. {title}")]
        if track.chair is not None:
            label = w.say("agenda.track_chair", "Chair")
            chair = self.person(self.summit.speaker(track.chair))
            rows.append(f"{prefix}   {label}: {chair}")
        for session in sessions:
            rows += self.session_rows(session, day, prefix + "   ")
        return rows

    def session_rows(
        self, session: Session, day: dt.date, indent: str, *, room: bool = True
    ) -> list[str]:
        w = self.words
        when = self.when(session.slot, day)
        # An assumed title is marked as an estimated time is.
        title = ("~" if session.title_assumed else "") + self.text(session.title)
        kind = w.say("kind", KINDS.get(session.kind, session.kind))
        head = w.say("agenda.session", "{kind} \N{EN DASH} {title}", kind=kind, title=title)
        if session.is_cancelled:
            cancelled = w.say("agenda.cancelled", "CANCELLED")
            head = Phrase(f"[{cancelled}] {head}")
        rows = [f"{indent}{when}  {head}" if when else f"{indent}{head}"]
        detail_indent = indent + " " * (visible_width(when) + 2 if when else 2)
        details: list[tuple[str, list[Phrase]]] = []
        if session.room is not None:
            if room:  # not under its room's heading
                name = self.text(self.summit.room(session.room).name)
                details.append((w.say("agenda.room", "Room"), [w.isolate(name)]))
            # Sessions with a room are grouped by room, so the track is said here.
            if session.track is not None:
                track = self.text(self.summit.track(session.track).title)
                details.append((w.say("agenda.track", "Track"), [w.isolate(track)]))
        for role in Role:
            ids = session.speakers_in_role(role)
            if ids:
                people = [self.person(self.summit.speaker(i)) for i in ids]
                details.append((w.say("agenda.role", ROLES[role]), people))
        for label, values in details:
            for number, value in enumerate(values):
                shown = (f"{label}: " if number == 0 else "").ljust(len(label) + 2)
                rows.append(f"{detail_indent}{shown}{value}")
        return rows


def day_bounds(days: Sequence[dt.date], zone: dt.tzinfo, day_change: dt.time) -> list[dt.datetime]:
    """The instants whose offsets a zone's sentence names for conference *days*.

    Each day's start and the last day's end, so an offset that changes
    within the days (clocks going back at night) is named beside the other.
    """
    if not days:
        return []
    ends = (*days, days[-1] + dt.timedelta(days=1))
    moments = [dt.datetime.combine(day, day_change, zone) for day in ends]
    moments[-1] -= dt.timedelta(microseconds=1)
    return moments


def visible_width(text: str) -> int:
    """How many columns *text* takes: its directional marks take none."""
    return len(text) - sum(text.count(mark) for mark in (FSI, PDI, RLM))


def _start(session: Session) -> dt.datetime:
    """The start of a timed session, in UTC for comparisons."""
    if session.slot is None:
        raise ValueError(session.id)  # callers pass timed sessions only
    return session.slot.start.astimezone(dt.timezone.utc)


def _end(session: Session) -> dt.datetime:
    """The end of a timed session, in UTC for comparisons."""
    if session.slot is None:
        raise ValueError(session.id)  # callers pass timed sessions only
    return session.slot.end.astimezone(dt.timezone.utc)


#: Where a session is shown in a time block: ("room", id), else ("track", id), else ("", "").
Place = tuple[str, str]


@attrs.frozen
class TimeBlock:
    """Sessions of one day shown under one time, grouped by where they are.

    Attributes:
        first: A session that opens the block: its start is the block's time.
        groups: The sessions by place, each group in time order.
    """

    first: Session
    groups: tuple[tuple[Place, tuple[Session, ...]], ...]


def place(session: Session) -> Place:
    """Where *session* is grouped: its room; its track if it has no room; else nowhere."""
    if session.room is not None:
        return ("room", session.room)
    if session.track is not None:
        return ("track", session.track)
    return ("", "")


def parallel_heading(
    summit: Summit | None, groups: Sequence[tuple[Place, object]], w: Language
) -> Phrase:
    """What a time block's heading counts: its groups, as tracks, rooms or sessions in parallel.

    Without the summit (a timetable built by hand) a track's kind is
    unknown, so tracks are counted as tracks.
    """
    kinds = {kind for (kind, _), _ in groups}
    if kinds == {"track"}:
        # Workshops are called so only when every track is one.
        workshops = summit is not None and all(
            isinstance(summit.track(ident), WorkshopTrack) for (_, ident), _ in groups
        )
        return w.count(
            "agenda.parallel",
            ("{n} parallel workshop track", "{n} parallel workshop tracks")
            if workshops
            else ("{n} parallel track", "{n} parallel tracks"),
            len(groups),
        )
    if kinds == {"room"}:
        return w.count(
            "agenda.parallel.rooms", ("{n} room in parallel", "{n} rooms in parallel"), len(groups)
        )
    return w.count(
        "agenda.parallel.sessions",
        ("{n} session in parallel", "{n} sessions in parallel"),
        len(groups),
    )


def time_blocks(on_day: Sequence[Session]) -> list[TimeBlock]:
    """A day's timed sessions (in time order) cut into time blocks, in one pass.

    A block opens with the sessions that start at one time, one group per
    room (or track, for sessions without a room).  The sessions starting at
    a later time join it while a session that opened it is still running
    and all of them continue groups already in it (a track's second
    workshop, a room's next talk); otherwise they open the next block.  So
    every group of a block has a session running when the block opens: the
    count a block shows never claims more than runs at once, and a day of
    staggered sessions in many rooms reads as blocks by start time, never as
    one block chained through the whole day.
    """
    blocks: list[TimeBlock] = []
    groups: dict[Place, list[Session]] = {}
    until: dt.datetime | None = None  # when the last session opening the block ends
    for start, starting in itertools.groupby(on_day, key=_start):
        members = list(starting)
        places = [place(session) for session in members]
        if until is None or start >= until or any(where not in groups for where in places):
            blocks += _block(groups)
            groups, until = {}, max(map(_end, members))
        for where, session in zip(places, members, strict=True):
            groups.setdefault(where, []).append(session)
    blocks += _block(groups)
    return blocks


def _block(groups: dict[Place, list[Session]]) -> list[TimeBlock]:
    """The block of *groups*, opened by the first session put in them; none if they are empty."""
    if not groups:
        return []
    first = next(iter(groups.values()))[0]
    return [TimeBlock(first, tuple((where, tuple(members)) for where, members in groups.items()))]
