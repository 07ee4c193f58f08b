"""Sentences that explain scheduling results, in English and Arabic.

Arabic is written in logical order with Western digits, as the agenda writes
it; quotation marks are « » in Arabic and “ ” in English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit._time import TimeSlot

__all__ = ["Words"]

_EN_DASH = "\u2013"
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ar": (
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

    def clock(self, moment: dt.datetime, zone: dt.tzinfo | None = None) -> str:
        """A wall-clock time, with the date when the summit has several days."""
        local = moment.astimezone(zone or self.zone)
        text = f"{local:%H:%M}"
        if self.with_dates or zone is not None:
            month = _MONTHS[self.language][local.month - 1]
            text = f"{local.day} {month} {text}"
        return text

    def span(self, slot: TimeSlot, zone: dt.tzinfo | None = None) -> str:
        """A slot as "09:30-10:30" (with an en dash), in the summit's zone or *zone*."""
        start = slot.start.astimezone(zone or self.zone)
        end = slot.end.astimezone(zone or self.zone)
        first = self.clock(start, zone)
        last = f"{end:%H:%M}" if start.date() == end.date() else self.clock(end, zone)
        return f"{first}{_EN_DASH}{last}"

    def minutes(self, length: dt.timedelta) -> str:
        """A length of time in whole minutes, with the noun agreeing in Arabic."""
        count = int(length.total_seconds() // 60)
        if self.language != "ar":
            return "1 minute" if count == 1 else f"{count} minutes"
        if count == 1:
            return "دقيقة واحدة"
        if count == 2:  # Arabic has a dual
            return "دقيقتان"
        if 3 <= count <= 10:  # 3 to 10 take the plural
            return f"{count} دقائق"
        return f"{count} دقيقة"
