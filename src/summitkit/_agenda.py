"""A plain-text agenda of a summit, for terminals and notebooks.

The agenda lists each summit day in the summit's zone, optionally with an
attendee's zone beside it; sessions of workshop tracks that run side by side
are shown together as one block of parallel tracks.  Estimated times and
assumed titles carry a ``~``; a wall time that happens twice (the hour
repeated when clocks go back) says which reading it is.  Arabic is written in
logical order; the terminal lays it out.

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
from summitkit._sessions import Session, WorkshopTrack
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot, zone_label
from summitkit._validators import describe
from summitkit._walltime import wall_clock
from summitkit.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["LANGUAGES", "agenda_lines", "render_agenda"]


@attrs.frozen
class _Labels:
    kinds: dict[str, str]
    roles: dict[Role, str]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    edition: str
    times_in: str
    estimated: str
    estimated_or_assumed: str
    parallel: str
    chair: str
    no_sessions: str
    unscheduled: str
    cancelled: str
    comma: str


_EN = _Labels(
    kinds={
        "keynote": "Keynote",
        "panel": "Panel",
        "talk": "Talk",
        "workshop": "Workshop",
        "break": "Break",
        "ceremony": "Ceremony",
    },
    roles={
        Role.MODERATOR: "Moderator",
        Role.PANELIST: "Panelists",
        Role.PRESENTER: "Presented by",
        Role.CHAIR: "Chair",
        Role.HOST: "Host",
    },
    weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    edition="{n} edition",
    times_in="Times in",
    estimated="~ marks an estimated time.",
    estimated_or_assumed="~ marks an estimated time or an assumed title.",
    parallel="{n} parallel workshop tracks",
    chair="Chair",
    no_sessions="No sessions listed for this day.",
    unscheduled="Not yet scheduled",
    cancelled="CANCELLED",
    comma=", ",
)

_AR = _Labels(
    kinds={
        "keynote": "كلمة رئيسية",
        "panel": "حلقة نقاش",
        "talk": "محاضرة",
        "workshop": "جلسة ورشة عمل",
        "break": "استراحة",
        "ceremony": "حفل",
    },
    roles={
        Role.MODERATOR: "إدارة الجلسة",
        Role.PANELIST: "المتحدثون",
        Role.PRESENTER: "تقديم",
        Role.CHAIR: "رئاسة الجلسة",
        Role.HOST: "المضيف",
    },
    weekdays=("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    months=(
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    edition="الدورة {n}",
    times_in="الأوقات بتوقيت",
    estimated="العلامة ~ تعني وقتًا تقديريًا.",
    estimated_or_assumed="العلامة ~ تعني وقتًا تقديريًا أو عنوانًا مفترضًا.",
    parallel="{n} ورش عمل متوازية",
    chair="رئاسة الورشة",
    no_sessions="لا جلسات مدرجة لهذا اليوم.",
    unscheduled="لم يحدد موعدها بعد",
    cancelled="أُلغيت",
    comma="، ",
)

#: The languages the agenda can be printed in.
LANGUAGES: dict[str, _Labels] = {"en": _EN, "ar": _AR}

_INDENT = "  "
_EN_DASH = "\N{EN DASH}"


def render_agenda(summit: Summit, *, tz: ZoneInfo | str | None = None, lang: str = "en") -> str:
    """Render *summit*'s programme as plain text.

    Args:
        summit: The summit to show.
        tz: An attendee's zone (a ``ZoneInfo`` or an IANA name), shown beside
            the summit's own; ``None`` shows the summit's zone only.
        lang: ``"en"`` or ``"ar"``.

    Returns:
        The agenda, one line per row, ending with a newline.

    Raises:
        InvalidTypeError: If *summit* is not a Summit or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language the agenda is printed in.
    """
    zone = _checked(summit, tz, lang, "render_agenda")
    return "".join(line + "\n" for line in _Agenda(summit, zone, lang).lines())


def agenda_lines(
    summit: Summit, *, tz: ZoneInfo | str | None = None, lang: str = "en"
) -> Iterator[str]:
    """The lines of :func:`render_agenda`'s text, each made when it is asked for.

    The heading comes before any session is looked at, so a program can
    write it at once; the arguments are checked when this is called.

    >>> from summitkit import examples
    >>> next(agenda_lines(examples.gsms2015()))
    'GCC Government Social Media Summit · 4th edition · #GSMS15'

    Args:
        summit: The summit to show.
        tz: An attendee's zone, as for :func:`render_agenda`.
        lang: ``"en"`` or ``"ar"``.

    Returns:
        The agenda's lines, without line ends.

    Raises:
        InvalidTypeError: If *summit* is not a Summit or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language the agenda is printed in.
    """
    zone = _checked(summit, tz, lang, "agenda_lines")
    return _Agenda(summit, zone, lang).lines()


def _checked(summit: object, tz: object, lang: object, name: str) -> ZoneInfo | None:
    """The attendee's zone; raises if an argument of *name* is not what it expects."""
    arguments.summit(summit, name=f"{name}(summit)")
    if not isinstance(lang, str) or lang not in LANGUAGES:
        error = InvalidValueError if isinstance(lang, str) else InvalidTypeError
        raise error(
            f"{name}(lang)",
            f"expected one of {', '.join(map(repr, LANGUAGES))}, got {describe(lang)}",
        )
    return None if tz is None else arguments.iana_zone(tz, name=f"{name}(tz)")


def day_and_month(day: dt.date, lang: str) -> str:
    """*day* as "Wednesday 16 September" in *lang* (``"en"`` or ``"ar"``)."""
    labels = LANGUAGES[lang]
    return f"{labels.weekdays[day.weekday()]} {day.day} {labels.months[day.month - 1]}"


def long_date(day: dt.date, lang: str) -> str:
    """*day* as "Wednesday 16 September 2015" in *lang* (``"en"`` or ``"ar"``)."""
    return f"{day_and_month(day, lang)} {day.year}"


@attrs.define
class _Agenda:
    summit: Summit
    attendee_zone: ZoneInfo | None
    lang: str
    labels: _Labels = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.labels = LANGUAGES[self.lang]
        if self.attendee_zone is not None and self.attendee_zone.key == self.summit.timezone.key:
            self.attendee_zone = None

    # -- text helpers ----------------------------------------------------------

    def text(self, value: LocalizedText) -> str:
        return value.lookup(self.lang)

    def date(self, day: dt.date) -> str:
        return long_date(day, self.lang)

    def person(self, speaker: Speaker) -> str:
        name = speaker.display_name(self.lang)
        details = [self.text(speaker.position)] if speaker.position else []
        if speaker.organization is not None:
            details.append(self.text(self.summit.organization(speaker.organization).name))
        return f"{name} ({self.labels.comma.join(details)})" if details else name

    def times(self, slot: TimeSlot, zone: ZoneInfo, summit_day: dt.date, *, end: bool) -> str:
        # A one-character marker slot keeps the columns aligned.
        start = slot.start.astimezone(zone)
        text = f"{'~' if slot.start_estimated else ' '}{wall_clock(start)}"
        days: tuple[dt.date, ...] = (start.date(),)
        if end:
            finish = slot.end.astimezone(zone)
            text += f"{_EN_DASH}{'~' if slot.end_estimated else ' '}{wall_clock(finish)}"
            days = slot.local_dates(tz=zone)
        if days != (summit_day,):
            text += f" ({f' {_EN_DASH} '.join(self.day_and_month(day) for day in days)})"
        return text

    def day_and_month(self, day: dt.date) -> str:
        return day_and_month(day, self.lang)

    def when(self, slot: TimeSlot | None, day: dt.date, *, end: bool = True) -> str:
        if slot is None:
            return ""
        text = self.times(slot, self.summit.timezone, day, end=end)
        if self.attendee_zone is not None:
            text += " | " + self.times(slot, self.attendee_zone, day, end=end)
        return text

    # -- rows ------------------------------------------------------------------

    def lines(self) -> Iterator[str]:
        summit, labels = self.summit, self.labels
        title = self.text(summit.name)
        if summit.edition is not None:
            title += " · " + labels.edition.format(n=_ordinal(summit.edition, self.lang))
        if summit.hashtag:
            title += f" · #{summit.hashtag}"
        yield title
        if summit.theme is not None:
            yield self.text(summit.theme)
        if summit.venue is not None:
            place = [self.text(summit.venue.name)]
            if summit.venue.city is not None:
                place.append(self.text(summit.venue.city))
            yield labels.comma.join(place)
        zones = [zone_label(summit.timezone)]
        if self.attendee_zone is not None:
            zones.append(zone_label(self.attendee_zone))
        assumed = any(session.title_assumed for session in summit.sessions)
        legend = labels.estimated_or_assumed if assumed else labels.estimated
        yield f"{labels.times_in} {' | '.join(zones)}. {legend}"
        by_day, untimed = self.by_day()
        for day in summit.days:
            yield ""
            yield self.date(day)
            rows = self.day_rows(day, by_day.pop(day, []))
            yield from rows or [_INDENT + labels.no_sessions]
        if untimed:
            yield ""
            yield labels.unscheduled
            for session in untimed:
                yield from self.session_rows(session, summit.first_day, _INDENT)

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
        self, group: Sequence[tuple[WorkshopTrack, Sequence[Session]]], day: dt.date
    ) -> list[str]:
        labels = self.labels
        rows: list[str] = []
        if len(group) > 1:
            first = min((s for _, sessions in group for s in sessions), key=_start)
            when = self.when(first.slot, day, end=False)
            rows.append(f"{_INDENT}{when}  {labels.parallel.format(n=len(group))}")
        for number, (track, sessions) in enumerate(group, start=1):
            prefix = _INDENT + ("│ " if len(group) > 1 else "")
            heading = (
                f"{number}. {self.text(track.title)}" if len(group) > 1 else self.text(track.title)
            )
            rows.append(prefix + heading)
            if track.chair is not None:
                rows.append(
                    f"{prefix}   {labels.chair}: {self.person(self.summit.speaker(track.chair))}"
                )
            for session in sessions:
                rows += self.session_rows(session, day, prefix + "   ")
        return rows

    def session_rows(self, session: Session, day: dt.date, indent: str) -> list[str]:
        labels = self.labels
        when = self.when(session.slot, day)
        # An assumed title is marked as an estimated time is.
        title = ("~" if session.title_assumed else "") + self.text(session.title)
        head = f"{labels.kinds.get(session.kind, session.kind)}: {title}"
        if session.is_cancelled:
            head = f"[{labels.cancelled}] {head}"
        rows = [f"{indent}{when}  {head}" if when else f"{indent}{head}"]
        detail_indent = indent + " " * (len(when) + 2 if when else 2)
        for role in Role:
            ids = session.speakers_in_role(role)
            for number, speaker_id in enumerate(ids):
                label = f"{labels.roles[role]}: " if number == 0 else ""
                label = label.ljust(len(labels.roles[role]) + 2)
                rows.append(f"{detail_indent}{label}{self.person(self.summit.speaker(speaker_id))}")
        return rows


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
) -> list[list[tuple[WorkshopTrack, list[Session]]]]:
    """Group a day's track sessions into tracks, and tracks into parallel blocks.

    Tracks whose spans overlap in time run in parallel and form one block.
    """
    by_track: dict[str, list[Session]] = {}
    for session in sessions:
        by_track.setdefault(session.track or "", []).append(session)
    spans: list[tuple[dt.datetime, dt.datetime, WorkshopTrack, list[Session]]] = []
    for track_id, members in by_track.items():
        start = min(_start(s) for s in members)
        end = max(_end(s) for s in members)
        spans.append((start, end, summit.track(track_id), members))
    spans.sort(key=lambda span: span[0])
    groups: list[list[tuple[WorkshopTrack, list[Session]]]] = []
    group_end: dt.datetime | None = None
    for start, end, track, members in spans:
        if group_end is None or start >= group_end:
            groups.append([])
            group_end = end
        group_end = max(group_end, end)
        groups[-1].append((track, members))
    return groups


_AR_ORDINALS = (
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
    "العاشرة",
)


def _ordinal(number: int, lang: str) -> str:
    if lang == "ar":
        return _AR_ORDINALS[number - 1] if number <= len(_AR_ORDINALS) else str(number)
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
