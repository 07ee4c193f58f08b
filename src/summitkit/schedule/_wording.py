"""Sentences that explain scheduling results, in English and Arabic.

Arabic is written in logical order with Western digits, as the agenda writes
it; quotation marks are « » in Arabic and “ ” in English.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from summitkit._agenda import LANGUAGES as AGENDA_LABELS
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit._time import TimeSlot
from summitkit._walltime import wall_clock as _time

__all__ = ["Words"]

_EN_DASH = "\u2013"
# The agenda's month names: English abbreviated, Arabic in full.
_MONTHS = {
    "en": tuple(month[:3] for month in AGENDA_LABELS["en"].months),
    "ar": AGENDA_LABELS["ar"].months,
}


class Words:
    """Names, times and lists of one summit, in one language (``"en"`` or ``"ar"``)."""

    def __init__(self, summit: Summit, language: str) -> None:
        self.summit = summit
        self.language = language
        self.zone: ZoneInfo = summit.timezone
        self.with_dates = summit.first_day != summit.last_day

    def quoted(self, session: Session) -> str:
        """The session's title in quotation marks."""
        title = session.title.lookup(self.language)
        return f"«{title}»" if self.language == "ar" else f"“{title}”"

    def speaker(self, speaker_id: str) -> str:
        """The speaker's name with honorific."""
        return self.summit.speaker(speaker_id).display_name(self.language)

    def room(self, room_id: str) -> str:
        """The room's name."""
        return self.summit.room(room_id).name.lookup(self.language)

    def track(self, track_id: str) -> str:
        """The track's title in quotation marks."""
        title = self.summit.track(track_id).title.lookup(self.language)
        return f"«{title}»" if self.language == "ar" else f"“{title}”"

    def listing(self, names: Sequence[str]) -> str:
        """Names joined as a list is written: "A, B and C" / "A، B وC"."""
        if len(names) <= 1:
            return "".join(names)
        if self.language == "ar":
            return "، ".join(names[:-1]) + " و" + names[-1]
        return ", ".join(names[:-1]) + " and " + names[-1]

    def clock(
        self, moment: dt.datetime, zone: dt.tzinfo | None = None, *, dated: bool = False
    ) -> str:
        """A wall-clock time in the summit's zone (or *zone*).

        The date is shown when the summit has several days, when *zone* is
        another zone, or when *dated*; the zone's abbreviation when the time
        happens twice there (the hour repeated when clocks go back), so that
        01:30 BST and 01:30 GMT read differently.
        """
        local = moment.astimezone(zone or self.zone)
        if self.with_dates or zone is not None or dated:
            return f"{self._date(local)} {_time(local)}"
        return _time(local)

    def span(self, slot: TimeSlot, zone: dt.tzinfo | None = None, *, dated: bool = False) -> str:
        """A slot as "09:30-10:30" (with an en dash), in the summit's zone or *zone*.

        The end carries its date only when it is not the start's.
        """
        start = slot.start.astimezone(zone or self.zone)
        end = slot.end.astimezone(zone or self.zone)
        last = _time(end) if start.date() == end.date() else f"{self._date(end)} {_time(end)}"
        return f"{self.clock(start, zone, dated=dated)}{_EN_DASH}{last}"

    def _date(self, local: dt.datetime) -> str:
        return f"{local.day} {_MONTHS[self.language][local.month - 1]}"

    def minutes(self, length: dt.timedelta) -> str:
        """A length of time in minutes, rounded up, with the noun agreeing in Arabic.

        Rounded up so that an overlap of seconds is not "0 minutes".
        """
        count = math.ceil(length.total_seconds() / 60)
        if self.language != "ar":
            return "1 minute" if count == 1 else f"{count} minutes"
        return _arabic_count(count, ("دقيقة واحدة", "دقيقتان", "دقائق", "دقيقة", "دقيقة"))

    def people(self, count: int) -> str:
        """A number of people, with the noun agreeing in Arabic."""
        if self.language != "ar":
            return "1 person" if count == 1 else f"{count} people"
        return _arabic_count(count, ("شخص واحد", "شخصان", "أشخاص", "شخصًا", "شخص"))

    def sessions(self, count: int) -> str:
        """A number of sessions, with the noun agreeing in Arabic."""
        if self.language != "ar":
            return "1 session" if count == 1 else f"{count} sessions"
        return _arabic_count(count, ("جلسة واحدة", "جلستان", "جلسات", "جلسة", "جلسة"))

    def more_sessions(self, count: int) -> str:
        """A number of sessions besides those named: "5 more" / "5 جلسات أخرى".

        The last item of a :meth:`listing`, which puts "and" before it.
        """
        if self.language != "ar":
            return f"{count} more"
        return _arabic_count(
            count, ("جلسة أخرى", "جلستان أخريان", "جلسات أخرى", "جلسة أخرى", "جلسة أخرى")
        )


def _arabic_count(count: int, forms: tuple[str, str, str, str, str]) -> str:
    """*count* of a noun in Arabic, by its last two digits.

    *forms* are: one, two, the plural (3 to 10: 5 دقائق, 103 دقائق), the
    accusative singular (11 to 99: 15 شخصًا) and the genitive singular
    (hundreds and thousands: 100 شخص, 101 شخص).
    """
    one, two, plural, accusative, genitive = forms
    if count == 1:
        return one
    if count == 2:  # Arabic has a dual
        return two
    tail = count % 100
    if 3 <= tail <= 10:
        return f"{count} {plural}"
    return f"{count} {accusative}" if tail >= 11 else f"{count} {genitive}"
