"""The changelog as text people read, in English and Arabic.

Kept apart from :mod:`summitkit.changes`, which compares versions: this
module only writes down what it found.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Callable, Iterable
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from summitkit._agenda import LANGUAGES as _AGENDA_LABELS
from summitkit._agenda import day_and_month, long_date
from summitkit._people import Participant, Role, Speaker
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit._summit_changes import MEMBERS
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot, zone_label
from summitkit._walltime import time_of_day, wall_clock
from summitkit.changes import (
    Added,
    AvailabilityChanged,
    Cancelled,
    CapacityChanged,
    ChairChanged,
    Change,
    Changelog,
    Edited,
    Moved,
    OrganizationAdded,
    OrganizationEdited,
    OrganizationRemoved,
    OrganizationRenamed,
    Part,
    ParticipantsChanged,
    Reinstated,
    Removed,
    Reroomed,
    Retimed,
    Retitled,
    RoomAdded,
    RoomEdited,
    RoomHoursChanged,
    RoomRemoved,
    RoomRenamed,
    Scheduled,
    SpeakerAdded,
    SpeakerEdited,
    SpeakerRemoved,
    SpeakerRenamed,
    SummitEdited,
    SummitRenamed,
    SummitReordered,
    TrackAdded,
    TrackEdited,
    TrackRemoved,
    TrackRetitled,
    Unscheduled,
    VenueAdded,
    VenueEdited,
    VenueHoursChanged,
    VenueRemoved,
    VenueRenamed,
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
    "field:id": "id",
    "field:first_day": "first day",
    "field:last_day": "last day",
    "field:edition": "edition",
    "field:theme": "theme",
    "field:hashtag": "hashtag",
    "field:timezone": "time zone",
    "field:day_change": "time each day starts",
    "field:city": "city",
    "field:country": "country",
    "field:url": "web site",
    "field:honorific": "honorific",
    "field:position": "position",
    "field:organization": "organization",
    "field:links": "links",
    "field:bio": "biography",
    "field:sector": "sector",
    "field:sequential": "whether its sessions run one after another",
    "part:summit": "Summit: {name}",
    "part:venue": "Venue: {name}",
    "part:room": "Room: {name}",
    "part:organization": "Organization: {name}",
    "part:speaker": "Speaker: {name}",
    "part:track": "Workshop track: {name}",
    "member_added": "Added to the summit.",
    "member_removed": "Removed from the summit.",
    "renamed": 'Name changed from "{old}".',
    "renamed_elsewhere": "Name changed in another language.",
    "chaired_by": "Chaired by {new}.",
    "chair_set": "Now chaired by {new}.",
    "chair_unset": "No longer has a chair; it was chaired by {old}.",
    "chair_changed": "Chair changed from {old} to {new}.",
    "capacity_changed": "Capacity changed from {old} to {new}.",
    "hours_set": "Opening hours set: {new}.",
    "hours_unset": "Opening hours no longer set; they were {old}.",
    "hours_changed": "Opening hours changed from {old} to {new}.",
    "availability_set": "Availability set: {new}.",
    "availability_unset": "Availability no longer set; it was {old}.",
    "availability_changed": "Availability changed from {old} to {new}.",
    "reordered_lists": "Listed in a new order: {lists}.",
    "list:rooms": "rooms",
    "list:organizations": "organizations",
    "list:speakers": "speakers",
    "list:tracks": "workshop tracks",
    "list:sessions": "sessions",
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
    "field:id": "المعرّف",
    "field:first_day": "اليوم الأول",
    "field:last_day": "اليوم الأخير",
    "field:edition": "الدورة",
    "field:theme": "الشعار",
    "field:hashtag": "الوسم",
    "field:timezone": "المنطقة الزمنية",
    "field:day_change": "موعد بداية كل يوم",
    "field:city": "المدينة",
    "field:country": "الدولة",
    "field:url": "الموقع الإلكتروني",
    "field:honorific": "اللقب",
    "field:position": "المنصب",
    "field:organization": "الجهة",
    "field:links": "الروابط",
    "field:bio": "السيرة",
    "field:sector": "القطاع",
    "field:sequential": "تتابع الجلسات",
    # A speaker's block is headed by what it is about, the speaker's
    # profile, so that the heading guesses no one's gender.
    "part:summit": "القمة: {name}",
    "part:venue": "مكان الانعقاد: {name}",
    "part:room": "القاعة: {name}",
    "part:organization": "الجهة: {name}",
    "part:speaker": "الملف التعريفي: {name}",
    "part:track": "مسار الورشة: {name}",
    # Sentences about a member say what was done, in the passive with a
    # feminine noun as subject, so that none agrees with a person.
    "member_added": "تمت الإضافة إلى القمة.",
    "member_removed": "تمت الإزالة من القمة.",
    "renamed": "تغيّر الاسم، وكان «{old}».",
    "renamed_elsewhere": "تغيّر الاسم بلغة أخرى.",
    "chaired_by": "رئاسة المسار: {new}.",
    "chair_set": "أُسندت رئاسة المسار إلى {new}.",
    "chair_unset": "أُلغيت رئاسة المسار، وكانت مسندة إلى {old}.",
    "chair_changed": "انتقلت رئاسة المسار من {old} إلى {new}.",
    "capacity_changed": "تغيّرت السعة من {old} إلى {new}.",
    "hours_set": "حُددت ساعات العمل: {new}.",
    "hours_unset": "لم تعد ساعات العمل محددة، وكانت {old}.",
    "hours_changed": "تغيّرت ساعات العمل من {old} إلى {new}.",
    "availability_set": "حُددت أوقات التوفر: {new}.",
    "availability_unset": "لم تعد أوقات التوفر محددة، وكانت {old}.",
    "availability_changed": "تغيّرت أوقات التوفر من {old} إلى {new}.",
    "reordered_lists": "تغيّر ترتيب القوائم: {lists}.",
    "list:rooms": "القاعات",
    "list:organizations": "الجهات",
    "list:speakers": "الأسماء",
    "list:tracks": "مسارات الورش",
    "list:sessions": "الجلسات",
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


# Members of the summit by id, in the old and the new version.
_Index = tuple[dict[str, Any], dict[str, Any]]


@attrs.define
class _Writer:
    log: Changelog
    lang: str
    zone: ZoneInfo | dt.timezone
    estimated: bool = False  # whether a time shown so far is an estimate
    day: dt.date | None = None  # the date the line being written is on
    index: dict[Part, _Index] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        old, new = self.log.old, self.log.new
        self.index = {
            part: (
                {m.id: m for m in getattr(old, collection)},
                {m.id: m for m in getattr(new, collection)},
            )
            for part, collection in MEMBERS.items()
        }

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
        by_subject: dict[tuple[Part, str | None], list[Change]] = {}
        for change in log:
            by_subject.setdefault((change.part, change.subject_id), []).append(change)
        body: list[str] = []
        days = log.old.days
        for (part, subject_id), changes in by_subject.items():
            body.append(self.heading(part, subject_id))
            for change in changes:
                self.day = days[0] if len(days) == 1 and days == log.new.days else None
                body += (_INDENT + line for line in self.describe(change))
        head = f"{self.say('heading', name=name)} {labels.times_in} {zone_label(self.zone)}."
        if self.estimated:
            head += f" {labels.estimated}"
        return [head, "", *body]

    def heading(self, part: Part, subject_id: str | None) -> str:
        """The line that names what the changes below it are about."""
        if part is Part.SESSION and subject_id is not None:
            session = self.session(subject_id)
            kind = _AGENDA_LABELS[self.lang].kinds.get(session.kind, session.kind)
            return f"{kind}: {session.title.lookup(self.lang)}"
        if part is Part.SUMMIT:
            name = self.log.new.name.lookup(self.lang)
        elif part is Part.VENUE:
            # Changelog refuses changes to the venue when neither version has one.
            venue = self.log.new.venue or self.log.old.venue
            name = venue.name.lookup(self.lang) if venue is not None else self.say("nothing")
        else:
            name = self.name(self.member(part, subject_id or ""))
        return self.say(f"part:{part.value}", name=name)

    # -- looking things up -------------------------------------------------------

    def member(self, part: Part, member_id: str, *, old: bool = False) -> Any:  # noqa: ANN401  # one of the member classes, by part
        """The member in the new version (or *old*), else in the other one, else ``None``.

        Changelog refuses changes to members neither version has, but a
        change it admits may refer to others (a chair, a room) that neither has.
        """
        before, after = self.index[part]
        first, second = (before, after) if old else (after, before)
        return first.get(member_id) or second.get(member_id)

    def session(self, session_id: str, *, old: bool = False) -> Session:
        """The session in the new version (or *old*), else in the other one."""
        session: Session = self.member(Part.SESSION, session_id, old=old)
        return session

    def name(self, member: object) -> str:
        """A room's, organization's or speaker's name, or a track's title."""
        if isinstance(member, Speaker):
            return member.display_name(self.lang)
        text = getattr(member, "title", None) or getattr(member, "name", None)
        return text.lookup(self.lang) if text is not None else self.say("nothing")

    def named(self, summit: Summit, part: Part, member_id: str | None) -> str:
        """The name of a member of *summit*, else of the other version; none for ``None``."""
        if member_id is None:
            return self.say("nothing")
        found = self.member(part, member_id, old=summit is self.log.old)
        return member_id if found is None else self.name(found)

    def room(self, summit: Summit, room_id: str | None) -> str:
        return self.named(summit, Part.ROOM, room_id)

    def track(self, summit: Summit, track_id: str | None) -> str:
        return self.named(summit, Part.TRACK, track_id)

    def person(self, summit: Summit, speaker_id: str) -> str:
        return self.named(summit, Part.SPEAKER, speaker_id)

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
        return f"{day_and_month(local.date(), self.lang)} {text}"

    def start(self, slot: TimeSlot) -> str:
        return self.clock(slot.start, estimated=slot.start_estimated)

    def span(self, slot: TimeSlot) -> str:
        start = self.start(slot)
        # A slot that ends at midnight ends on its own date, as in the agenda.
        if len(slot.local_dates(tz=self.zone)) == 1:
            self.day = slot.end.astimezone(self.zone).date()
        return f"{start}{_EN_DASH}{self.clock(slot.end, estimated=slot.end_estimated)}"

    def spans(self, slots: Iterable[TimeSlot]) -> str:
        return self.join(self.span(slot) for slot in slots)

    def date(self, day: dt.date) -> str:
        return long_date(day, self.lang)

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
                return [self.renamed("retitled", before, after)]
            case ParticipantsChanged():
                return self.participants(change)
            case Edited():
                return [self.edited(change, change.fields)]
            case _:
                return self.describe_part(change)

    def describe_part(self, change: Change) -> list[str]:  # noqa: C901, PLR0911, PLR0912  # a case per kind
        """Lines for a change to the summit, its venue or one of its members besides sessions."""
        old, new = self.log.old, self.log.new
        match change:
            case TrackAdded(track=track) if track.chair is not None:
                chair = self.person(new, track.chair)
                return [self.say("member_added"), self.say("chaired_by", new=chair)]
            case VenueAdded() | RoomAdded() | OrganizationAdded() | SpeakerAdded() | TrackAdded():
                return [self.say("member_added")]
            case (
                VenueRemoved()
                | RoomRemoved()
                | OrganizationRemoved()
                | SpeakerRemoved()
                | TrackRemoved()
            ):
                return [self.say("member_removed")]
            case (
                SummitRenamed(old_name=before, new_name=after)
                | VenueRenamed(old_name=before, new_name=after)
                | RoomRenamed(old_name=before, new_name=after)
                | OrganizationRenamed(old_name=before, new_name=after)
                | SpeakerRenamed(old_name=before, new_name=after)
            ):
                return [self.renamed("renamed", before, after)]
            case TrackRetitled(old_title=before, new_title=after):
                return [self.renamed("retitled", before, after)]
            case ChairChanged(old_chair=None, new_chair=chair):
                return [self.say("chair_set", new=self.named(new, Part.SPEAKER, chair))]
            case ChairChanged(old_chair=chair, new_chair=None):
                return [self.say("chair_unset", old=self.named(old, Part.SPEAKER, chair))]
            case ChairChanged(old_chair=before, new_chair=after):
                before_name = self.named(old, Part.SPEAKER, before)
                after_name = self.named(new, Part.SPEAKER, after)
                return [self.say("chair_changed", old=before_name, new=after_name)]
            case CapacityChanged(old_capacity=before, new_capacity=after):
                nothing = self.say("nothing")
                return [
                    self.say(
                        "capacity_changed",
                        old=nothing if before is None else str(before),
                        new=nothing if after is None else str(after),
                    )
                ]
            case (
                RoomHoursChanged(old_hours=before, new_hours=after)
                | VenueHoursChanged(old_hours=before, new_hours=after)
            ):
                return [self.windows("hours", before, after)]
            case AvailabilityChanged(old_availability=before, new_availability=after):
                return [self.windows("availability", before, after)]
            case SummitReordered(collections=collections):
                words = _WORDS[self.lang]
                lists = (words.get(f"list:{name}", name.replace("_", " ")) for name in collections)
                return [self.say("reordered_lists", lists=self.join(lists))]
            case (
                SummitEdited(fields=fields)
                | VenueEdited(fields=fields)
                | RoomEdited(fields=fields)
                | OrganizationEdited(fields=fields)
                | SpeakerEdited(fields=fields)
                | TrackEdited(fields=fields)
            ):
                return [self.edited(change, fields)]
            case _:  # pragma: no cover - Changelog admits only the kinds above
                raise InvalidTypeError("Changelog.changes", f"unknown change {change!r}")

    def renamed(self, phrase: str, before: LocalizedText, after: LocalizedText) -> str:
        """A new name or title: the old one, or that it changed in another language."""
        if before.lookup(self.lang) == after.lookup(self.lang):
            return self.say(f"{phrase}_elsewhere")
        return self.say(phrase, old=before.lookup(self.lang))

    def windows(self, topic: str, before: tuple[TimeSlot, ...], after: tuple[TimeSlot, ...]) -> str:
        """New opening hours or availability, as spans in the zone shown."""
        if not before:
            return self.say(f"{topic}_set", new=functools.partial(self.spans, after))
        if not after:
            return self.say(f"{topic}_unset", old=functools.partial(self.spans, before))
        return self.say(
            f"{topic}_changed",
            old=functools.partial(self.spans, before),
            new=functools.partial(self.spans, after),
        )

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

    def edited(self, change: Change, fields: tuple[str, ...]) -> str:
        """The fields an edit names, with their old and new values where they are short."""
        old, new = self.subject(change, old=True), self.subject(change)
        named: list[str] = []
        before: str | None
        after: str | None
        for name in fields:
            label = _WORDS[self.lang].get(f"field:{name}", name.replace("_", " "))
            if name == "kind":
                before, after = self.kind(old), self.kind(new)
                if before == after:  # two classes with one tag: name the classes
                    before, after = type(old).__name__, type(new).__name__
            else:
                before, after = (
                    self.value(old, name, self.log.old),
                    self.value(new, name, self.log.new),
                )
            if before is not None and after is not None:
                label = self.say("from_to", field=label, old=before, new=after)
            named.append(label)
        return self.say("edited", fields=self.join(named))

    def subject(self, change: Change, *, old: bool = False) -> object:
        """What *change* is about, in the new version (or *old*)."""
        summit = self.log.old if old else self.log.new
        if change.part is Part.SUMMIT:
            return summit
        if change.part is Part.VENUE:
            return summit.venue
        return self.member(change.part, change.subject_id or "", old=old)

    def kind(self, value: object) -> str:
        if isinstance(value, Session):
            return _AGENDA_LABELS[self.lang].kinds.get(value.kind, value.kind)
        return type(value).__name__

    def value(self, owner: object, name: str, summit: Summit) -> str | None:
        """Field *name* of *owner*, a member of *summit*, as text if it is short; else ``None``."""
        value = getattr(owner, name, None)
        # Fields that refer to another member show that member's name.
        if isinstance(owner, Session) and name == "track":
            return self.named(summit, Part.TRACK, value)
        if isinstance(owner, Speaker) and name == "organization":
            return self.named(summit, Part.ORGANIZATION, value)
        return self.plain(value)

    def plain(self, value: object) -> str | None:
        """A short value, such as a language tag, a number or a day, as text; else ``None``."""
        if value is None:
            return self.say("nothing")
        if isinstance(value, (dt.date, dt.time, dt.tzinfo)):
            return self.calendar(value)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            return None
        return str(value) if len(str(value)) < 40 else None

    def calendar(self, value: dt.date | dt.time | dt.tzinfo) -> str | None:
        """A day, a wall-clock time of day or a zone as text; an instant is not short."""
        if isinstance(value, dt.datetime):
            return None
        if isinstance(value, dt.date):
            return self.date(value)
        if isinstance(value, dt.time):
            return time_of_day(value)
        return zone_label(value)
