"""The changelog as text people read, in English and Arabic.

Kept apart from :mod:`summitkit.changes`, which compares versions: this
module only writes down what it found.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

import attrs

from summitkit._agenda import LANGUAGES as _AGENDA_LABELS
from summitkit._people import Participant, Role
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit._time import TimeSlot, zone_label
from summitkit._walltime import wall_clock
from summitkit.changes import (
    Added,
    Cancelled,
    Change,
    Changelog,
    Edited,
    Moved,
    ParticipantsChanged,
    Reinstated,
    Removed,
    Reroomed,
    Retimed,
    Retitled,
    Scheduled,
    Unscheduled,
)
from summitkit.exceptions import InvalidTypeError

__all__ = ["write"]

_UTC = dt.timezone.utc
_EN_DASH = "\N{EN DASH}"


def write(log: Changelog, lang: str, zone: ZoneInfo | dt.timezone) -> str:
    """*log* as text in *lang*, with times in *zone*, ending with a newline."""
    return "\n".join(_Writer(log, lang, zone).lines()) + "\n"


_EN: dict[str, str] = {
    "heading": "Changes to {name}.",
    "no_changes": "No changes listed for {name}.",
    "added": "Added to the programme: {when}.",
    "added_cancelled": "It is marked cancelled.",
    "unscheduled_yet": "not yet scheduled",
    "with_people": "With {people}.",
    "removed": "Removed from the programme; it was {when}.",
    "removed_untimed": "Removed from the programme.",
    "cancelled": "Cancelled.",
    "reinstated": "Reinstated: no longer cancelled.",
    "scheduled": "Scheduled for {new}.",
    "unscheduled": "No longer scheduled; it was {old}.",
    "moved": "Moved from {old} to {new}.",
    "retimed": "Now runs {new} instead of {old}.",
    "room_changed": "Room changed from {old} to {new}.",
    "room_set": "Now in {new}.",
    "room_unset": "No longer has a room; it was in {old}.",
    "retitled": 'Title changed from "{old}".',
    "retitled_elsewhere": "Title changed in another language.",
    "joined": "Joining: {people}.",
    "left": "No longer taking part: {people}.",
    "role_changed": "{name} now takes part as {new} instead of {old}.",
    "role_added": "{name} now also takes part as {new}.",
    "role_dropped": "{name} no longer takes part as {old}.",
    "reordered": "Speakers listed in a new order.",
    "edited": "Other changes: {fields}.",
    "from_to": "{field} (from {old} to {new})",
    "nothing": "none",
    "both": " and ",
    "field:kind": "type",
    "field:title_assumed": "whether the title is assumed",
    "field:abstract": "description",
    "field:language": "language",
    "field:track": "workshop track",
    "field:slot": "time details (estimate or time zone)",
    "field:expected_attendance": "expected attendance",
    "role:moderator": "moderator",
    "role:panelist": "panelist",
    "role:presenter": "presenter",
    "role:chair": "chair",
    "role:host": "host",
}

_AR: dict[str, str] = {
    "heading": "التغييرات في {name}.",
    "no_changes": "لا تغييرات مدرجة في برنامج {name}.",
    "added": "أُضيفت إلى البرنامج: {when}.",
    "added_cancelled": "وهي ملغاة.",
    "unscheduled_yet": "لم يحدد موعدها بعد",
    "with_people": "بمشاركة {people}.",
    "removed": "حُذفت من البرنامج، وكان موعدها {when}.",
    "removed_untimed": "حُذفت من البرنامج.",
    "cancelled": "أُلغيت الجلسة.",
    "reinstated": "أُعيدت الجلسة إلى البرنامج بعد إلغائها.",
    "scheduled": "حُدد موعد الجلسة: {new}.",
    "unscheduled": "لم يعد للجلسة موعد محدد، وكان موعدها {old}.",
    "moved": "نُقلت الجلسة من {old} إلى {new}.",
    "retimed": "تغيّرت مدة الجلسة: {new} بدلًا من {old}.",
    "room_changed": "تغيّرت القاعة من {old} إلى {new}.",
    "room_set": "تُعقد الجلسة الآن في {new}.",
    "room_unset": "لم تعد للجلسة قاعة محددة، وكانت في {old}.",
    "retitled": "تغيّر العنوان، وكان «{old}».",
    "retitled_elsewhere": "تغيّر العنوان بلغة أخرى.",
    "joined": "أُضيف إلى الجلسة: {people}.",
    "left": "أُزيل من الجلسة: {people}.",
    "role_changed": "تغيّر دور {name} من {old} إلى {new}.",
    "role_added": "دور إضافي لـ{name}: {new}.",
    "role_dropped": "أُلغي دور {name}: {old}.",
    "reordered": "تغيّر ترتيب المشاركين.",
    "edited": "تعديلات أخرى: {fields}.",
    "from_to": "{field} (من {old} إلى {new})",
    "nothing": "غير محدد",
    "both": " و",
    "field:kind": "نوع الجلسة",
    "field:title_assumed": "كون العنوان مفترضًا",
    "field:abstract": "النبذة",
    "field:language": "لغة الجلسة",
    "field:track": "مسار الورشة",
    "field:slot": "تفاصيل التوقيت (التقدير أو المنطقة الزمنية)",
    "field:expected_attendance": "عدد الحضور المتوقع",
    # Roles are named by what the speaker does (إدارة الجلسة, "moderating"),
    # as the agenda names them, so that no sentence guesses anyone's gender.
    "role:moderator": "إدارة الجلسة",
    "role:panelist": "المشاركة في النقاش",
    "role:presenter": "التقديم",
    "role:chair": "رئاسة الجلسة",
    "role:host": "الاستضافة",
}

_WORDS = {"en": _EN, "ar": _AR}
_INDENT = "  "


@attrs.define
class _Writer:
    log: Changelog
    lang: str
    zone: ZoneInfo | dt.timezone
    estimated: bool = False  # whether a time shown so far is an estimate
    day: dt.date | None = None  # the date the line being written is on
    by_id: tuple[dict[str, Session], dict[str, Session]] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.by_id = (
            {s.id: s for s in self.log.old.sessions},
            {s.id: s for s in self.log.new.sessions},
        )

    def say(self, phrase: str, **values: str | Callable[[], str]) -> str:
        """The phrase with *values*; callables are called in reading order.

        Times are written in the order the phrase reads, so that the first
        one on a line, not the first computed, carries the date.
        """
        template = _WORDS[self.lang][phrase]
        shown: dict[str, str] = {}
        for _, name, _, _ in string.Formatter().parse(template):
            if name is not None and name not in shown:
                value = values[name]
                shown[name] = value() if callable(value) else value
        return template.format(**shown)

    def join(self, items: Iterable[str]) -> str:
        return _AGENDA_LABELS[self.lang].comma.join(items)

    def lines(self) -> list[str]:
        log, labels = self.log, _AGENDA_LABELS[self.lang]
        name = log.new.name.lookup(self.lang)
        if not log:
            return [self.say("no_changes", name=name)]
        by_session: dict[str, list[Change]] = {}
        for change in log:
            by_session.setdefault(change.session_id, []).append(change)
        body: list[str] = []
        for session_id, changes in by_session.items():
            session = self.session(session_id)
            kind = labels.kinds.get(session.kind, session.kind)
            body.append(f"{kind}: {session.title.lookup(self.lang)}")
            for change in changes:
                days = log.old.days
                self.day = days[0] if len(days) == 1 and days == log.new.days else None
                body += (_INDENT + line for line in self.describe(change))
        head = f"{self.say('heading', name=name)} {labels.times_in} {zone_label(self.zone)}."
        if self.estimated:
            head += f" {labels.estimated}"
        return [head, "", *body]

    # -- looking things up -------------------------------------------------------

    def session(self, session_id: str, *, old: bool = False) -> Session:
        """The session in the new version (or *old*), else in the other one."""
        before, after = self.by_id
        first, second = (before, after) if old else (after, before)
        # Changelog refuses changes to sessions neither version has.
        return first.get(session_id) or second[session_id]

    def room(self, summit: Summit, room_id: str | None) -> str:
        if room_id is None:
            return self.say("nothing")
        return summit.room(room_id).name.lookup(self.lang)

    def track(self, summit: Summit, track_id: str | None) -> str:
        if track_id is None:
            return self.say("nothing")
        return summit.track(track_id).title.lookup(self.lang)

    def person(self, summit: Summit, speaker_id: str) -> str:
        return summit.speaker(speaker_id).display_name(self.lang)

    def role(self, role: Role) -> str:
        return self.say(f"role:{role.value}")

    def people(self, summit: Summit, participants: Iterable[Participant]) -> str:
        return self.join(
            f"{self.person(summit, p.speaker)} ({self.role(p.role)})" for p in participants
        )

    # -- times -------------------------------------------------------------------

    def clock(self, moment: dt.datetime, *, estimated: bool) -> str:
        """A time, with its date unless the line has just shown that date.

        A line starts out on the summit's day when both versions are held on
        one and the same day, so a one-day summit's times need no date.
        """
        local = moment.astimezone(self.zone)
        self.estimated = self.estimated or estimated
        text = f"{'~' if estimated else ''}{wall_clock(local)}"
        day, self.day = self.day, local.date()
        if day == local.date():
            return text
        labels, day = _AGENDA_LABELS[self.lang], local.date()
        return f"{labels.weekdays[day.weekday()]} {day.day} {labels.months[day.month - 1]} {text}"

    def start(self, slot: TimeSlot) -> str:
        return self.clock(slot.start, estimated=slot.start_estimated)

    def span(self, slot: TimeSlot) -> str:
        start = self.start(slot)
        # A slot that ends at midnight ends on its own date, as in the agenda.
        if len(slot.local_dates(self.zone)) == 1:
            self.day = slot.end.astimezone(self.zone).date()
        return f"{start}{_EN_DASH}{self.clock(slot.end, estimated=slot.end_estimated)}"

    def when(self, session: Session, summit: Summit) -> str:
        parts = [self.span(session.slot) if session.slot else self.say("unscheduled_yet")]
        if session.room is not None:
            parts.append(self.room(summit, session.room))
        return self.join(parts)

    # -- one line or a few per change ---------------------------------------------

    def describe(self, change: Change) -> list[str]:  # noqa: C901, PLR0911, PLR0912  # a case per kind
        old, new = self.log.old, self.log.new
        match change:
            case Added(session=session):
                return self.added(session)
            case Removed(session=session) if session.slot is None:
                return [self.say("removed_untimed")]
            case Removed(session=session):
                return [self.say("removed", when=self.when(session, old))]
            case Cancelled() | Reinstated():
                return [self.say(type(change).__name__.lower())]
            case Scheduled(new_slot=slot):
                return [self.say("scheduled", new=self.span(slot))]
            case Unscheduled(old_slot=slot):
                return [self.say("unscheduled", old=self.span(slot))]
            case Moved(old_slot=before, new_slot=after):
                old_start = functools.partial(self.start, before)
                new_start = functools.partial(self.start, after)
                return [self.say("moved", old=old_start, new=new_start)]
            case Retimed(old_slot=before, new_slot=after):
                old_span = functools.partial(self.span, before)
                new_span = functools.partial(self.span, after)
                return [self.say("retimed", old=old_span, new=new_span)]
            case Reroomed(old_room=None, new_room=room):
                return [self.say("room_set", new=self.room(new, room))]
            case Reroomed(old_room=room, new_room=None):
                return [self.say("room_unset", old=self.room(old, room))]
            case Reroomed(old_room=before, new_room=after):
                return [
                    self.say("room_changed", old=self.room(old, before), new=self.room(new, after))
                ]
            case Retitled(old_title=before, new_title=after):
                if before.lookup(self.lang) == after.lookup(self.lang):
                    return [self.say("retitled_elsewhere")]
                return [self.say("retitled", old=before.lookup(self.lang))]
            case ParticipantsChanged():
                return self.participants(change)
            case Edited():
                return [self.edited(change)]
            case _:  # pragma: no cover - Changelog admits only the kinds above
                raise InvalidTypeError("Changelog.changes", f"unknown change {change!r}")

    def added(self, session: Session) -> list[str]:
        line = self.say("added", when=self.when(session, self.log.new))
        if session.is_cancelled:
            line += " " + self.say("added_cancelled")
        if not session.participants:
            return [line]
        return [
            line,
            self.say("with_people", people=self.people(self.log.new, session.participants)),
        ]

    def participants(self, change: ParticipantsChanged) -> list[str]:
        old, new = self.log.old, self.log.new
        before = {p.speaker for p in change.removed}
        after = {p.speaker for p in change.added}
        # Someone who keeps a role has not joined or left: a role came or went.
        was_in = set(self.session(change.session_id, old=True).speakers)
        still_in = set(self.session(change.session_id).speakers)

        def roles_of(speaker_id: str, participants: tuple[Participant, ...]) -> str:
            roles = (self.role(p.role) for p in participants if p.speaker == speaker_id)
            return self.say("both").join(roles)

        # A speaker both removed and added has changed role; one line says so.
        lines = [
            self.say(
                "role_changed",
                name=self.person(new, speaker_id),
                old=roles_of(speaker_id, change.removed),
                new=roles_of(speaker_id, change.added),
            )
            for speaker_id in dict.fromkeys(p.speaker for p in change.added if p.speaker in before)
        ]
        for speaker_id in dict.fromkeys(p.speaker for p in change.added):
            if speaker_id not in before and speaker_id in was_in:
                new_roles = roles_of(speaker_id, change.added)
                lines.append(
                    self.say("role_added", name=self.person(new, speaker_id), new=new_roles)
                )
        for speaker_id in dict.fromkeys(p.speaker for p in change.removed):
            if speaker_id not in after and speaker_id in still_in:
                old_roles = roles_of(speaker_id, change.removed)
                lines.append(
                    self.say("role_dropped", name=self.person(new, speaker_id), old=old_roles)
                )
        joined = [p for p in change.added if p.speaker not in before and p.speaker not in was_in]
        if joined:
            lines.append(self.say("joined", people=self.people(new, joined)))
        left = [p for p in change.removed if p.speaker not in after and p.speaker not in still_in]
        if left:
            lines.append(self.say("left", people=self.people(old, left)))
        if change.reordered:
            lines.append(self.say("reordered"))
        return lines

    def edited(self, change: Edited) -> str:
        log, kinds = self.log, _AGENDA_LABELS[self.lang].kinds
        old, new = self.session(change.session_id, old=True), self.session(change.session_id)
        named: list[str] = []
        before: str | None
        after: str | None
        for name in change.fields:
            label = _WORDS[self.lang].get(f"field:{name}", name.replace("_", " "))
            if name == "kind":
                before, after = kinds.get(old.kind, old.kind), kinds.get(new.kind, new.kind)
                if before == after:  # two classes with one tag: name the classes
                    before, after = type(old).__name__, type(new).__name__
            elif name == "track":
                before, after = self.track(log.old, old.track), self.track(log.new, new.track)
            else:
                before, after = (
                    self.plain(getattr(old, name, None)),
                    self.plain(getattr(new, name, None)),
                )
            if before is not None and after is not None:
                label = self.say("from_to", field=label, old=before, new=after)
            named.append(label)
        return self.say("edited", fields=self.join(named))

    def plain(self, value: object) -> str | None:
        """A short value, such as a language tag or a number, as text; else ``None``."""
        if value is None:
            return self.say("nothing")
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            return None
        return str(value) if len(str(value)) < 40 else None
