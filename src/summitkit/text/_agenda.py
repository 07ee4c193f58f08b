"""The agenda: a summit's programme as plain text, for terminals and notebooks.

The agenda lists each summit day in the summit's zone, optionally with an
attendee's zone beside it; sessions of workshop tracks that run side by side
are shown together as one block of parallel tracks.  Each session shows its
room.  Estimated times and assumed titles carry a ``~``; a wall time that
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
from collections.abc import Iterator, Sequence
from zoneinfo import ZoneInfo

import attrs

from summitkit import _arguments as arguments
from summitkit._people import Role, Speaker
from summitkit._sessions import Session, Track, WorkshopTrack
from summitkit._spans import overlap_groups
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

    def __attrs_post_init__(self) -> None:
        self.people = {}
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
        # The offsets in force from the first day's start to the last day's end.
        ends = (*summit.days, summit.last_day + dt.timedelta(days=1))
        moments = [dt.datetime.combine(day, summit.day_change, summit.timezone) for day in ends]
        moments[-1] -= dt.timedelta(microseconds=1)
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
        blocks = [
            (_start(session), self.session_rows(session, day, _INDENT))
            for session in on_day
            if session.track is None
        ]
        for group in _parallel_groups(self.summit, [s for s in on_day if s.track is not None]):
            first = min((s for _, sessions in group for s in sessions), key=_start)
            blocks.append((_start(first), self.parallel_rows(group, day)))
        blocks.sort(key=lambda block: block[0])
        return [row for _, rows in blocks for row in rows]

    def parallel_rows(
        self, group: Sequence[tuple[Track, Sequence[Session]]], day: dt.date
    ) -> list[str]:
        w = self.words
        rows: list[str] = []
        if len(group) > 1:
            first = min((s for _, sessions in group for s in sessions), key=_start)
            when = self.when(first.slot, day, end=False)
            # Workshops are called so only when every track is one.
            workshops = all(isinstance(track, WorkshopTrack) for track, _ in group)
            parallel = w.count(
                "agenda.parallel",
                ("{n} parallel workshop track", "{n} parallel workshop tracks")
                if workshops
                else ("{n} parallel track", "{n} parallel tracks"),
                len(group),
            )
            rows.append(f"{_INDENT}{when}  {parallel}")
        for number, (track, sessions) in enumerate(group, start=1):
            prefix = _INDENT + ("│ " if len(group) > 1 else "")
            title = w.isolate(self.text(track.title))
            rows.append(prefix + (f"{number}. {title}" if len(group) > 1 else title))
            if track.chair is not None:
                label = w.say("agenda.track_chair", "Chair")
                chair = self.person(self.summit.speaker(track.chair))
                rows.append(f"{prefix}   {label}: {chair}")
            for session in sessions:
                rows += self.session_rows(session, day, prefix + "   ")
        return rows

    def session_rows(self, session: Session, day: dt.date, indent: str) -> list[str]:
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
            room = self.summit.room(session.room)
            details.append((w.say("agenda.room", "Room"), [w.isolate(self.text(room.name))]))
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


def _parallel_groups(
    summit: Summit, sessions: Sequence[Session]
) -> list[tuple[tuple[Track, list[Session]], ...]]:
    """Group a day's track sessions into tracks, and tracks into parallel blocks.

    Tracks whose spans (first start to last end) overlap run in parallel and
    form one block; tracks back to back do not.
    """
    by_track: dict[str, list[Session]] = {}
    for session in sessions:
        by_track.setdefault(session.track or "", []).append(session)
    tracks = [(summit.track(track_id), members) for track_id, members in by_track.items()]
    return overlap_groups(tracks, _track_span)


def _track_span(track: tuple[Track, list[Session]]) -> tuple[dt.datetime, dt.datetime]:
    """A track's sessions on one day, from the first start to the last end, in UTC."""
    return min(map(_start, track[1])), max(map(_end, track[1]))
