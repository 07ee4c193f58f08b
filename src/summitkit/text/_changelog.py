"""The changelog: what changed between two versions of a summit, as text people read.

:func:`summitkit.changes.diff` finds the changes; this module only writes
them down, one block per part that changed, in any language summitkit
writes.  Times are shown in one zone, named in the heading by its city and
offset; a speaker's availability is quoted in the zone it was given in,
which is named with it.  In a right-to-left language every line starts with
a right-to-left mark and every name, title and time is isolated.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs

from summitkit import _arguments as arguments
from summitkit._people import Participant, Speaker
from summitkit._sessions import Markup, Session, Track
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot, zone_label
from summitkit._validators import describe
from summitkit._walltime import time_of_day
from summitkit.changes import (
    Added,
    AvailabilityChanged,
    Cancelled,
    CapacityChanged,
    ChairChanged,
    Change,
    Changelog,
    DayWindowsChanged,
    Edited,
    Moved,
    OrganizationAdded,
    OrganizationEdited,
    OrganizationRemoved,
    OrganizationRenamed,
    ParentChanged,
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
    SummitRolesChanged,
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
from summitkit.text._arguments import language
from summitkit.text._changelog_words import (
    FIELDS,
    LISTS,
    MARKUPS,
    PARTS,
    TRACK_KIND_FIELD,
    TRACK_KINDS,
)
from summitkit.text._changelog_writer import Writer, one_line
from summitkit.text._language import Phrase

__all__ = ["changelog"]

_INDENT = "  "

# Opening hours and availability: set, no longer set, changed.
_WINDOWS = {
    "hours": (
        "Opening hours set: {new}.",
        "Opening hours no longer set; they were {old}.",
        "Opening hours changed from {old} to {new}.",
    ),
    "availability": (
        "Availability set: {new}.",
        "Availability no longer set; it was {old}.",
        "Availability changed from {old} to {new}.",
    ),
    "day_windows": (
        "Hours of the days announced: {new}.",
        "Hours of the days no longer announced; they were {old}.",
        "Hours of the days changed from {old} to {new}.",
    ),
}
# A new title or name, and one that changed only in another language.
_RENAMED = {
    "retitled": ("Title changed from {old}.", "Title changed in another language."),
    "renamed": ("Name changed from {old}.", "Name changed in another language."),
}


def changelog(
    log: Changelog, *, lang: str = "en", tz: ZoneInfo | dt.timezone | str | None = None
) -> str:
    """*log* as text people read, one block per part that changed.

    Each block names what it is about -- a session by its kind and title, a
    room, speaker, organization, track, the venue or the summit by its name
    -- in *lang* (names falling back as :meth:`~summitkit.LocalizedText.lookup`
    does), and says what changed: old and new times, room names, speakers'
    names and roles, chairs, capacities; opening hours as spans of time; a
    speaker's availability in the zone it was given in, named.  Estimated
    times carry a ``~``; dates are shown unless both versions are one and
    the same day, and then once per line.

    >>> import summitkit as sk
    >>> old = sk.examples.gsms2015()
    >>> log = sk.changes.diff(old, old.cancel("keynote-modern-workplace"))
    >>> print(changelog(log), end="")
    Changes to the GCC Government Social Media Summit programme. Times: Dubai time (UTC+4).
    <BLANKLINE>
    Keynote – The Modern Workplace
      Cancelled.

    Args:
        log: What :func:`summitkit.changes.diff` found.
        lang: A language :func:`summitkit.text.languages` lists.
        tz: The zone to show times in: a ``ZoneInfo``, a fixed
            ``datetime.timezone`` or an IANA name; by default the new
            version's zone.

    Returns:
        The text, one line per row, ending with a newline.

    Raises:
        InvalidTypeError: If *log* is not a Changelog or *tz* not a zone.
        UnknownTimeZoneError: If *tz* names no IANA zone.
        InvalidValueError: If *lang* is not a language summitkit writes.
    """
    name = "changelog"
    if not isinstance(log, Changelog):
        raise InvalidTypeError(
            f"{name}(log)",
            f"expected a Changelog, such as summitkit.changes.diff returns, got {describe(log)}",
        )
    words = language(lang, f"{name}(lang)")
    zone = arguments.zone(tz, name=f"{name}(tz)", default=log.new.timezone)
    return "".join(words.line(line) + "\n" for line in _Changelog(log, words, zone).lines())


@attrs.define
class _Changelog(Writer):
    """A changelog's lines: a heading, then a block per part that changed."""

    def lines(self) -> list[str]:
        log = self.log
        name = self.text(log.new.name)
        if not log:
            return [
                self.words.say(
                    "changelog.no_changes", "No changes to the {name} programme.", name=name
                )
            ]
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
        moments = self.shown or [
            dt.datetime.combine(day, log.new.day_change, log.new.timezone) for day in log.new.days
        ]
        head = [
            self.words.say("changelog.heading", "Changes to the {name} programme.", name=name),
            self.words.say(
                "changelog.zone", "Times: {zone}.", zone=self.words.zone(self.zone, moments)
            ),
        ]
        if self.estimated:
            head.append(self.words.say("changelog.legend", "~ marks an estimated time."))
        return [" ".join(head), "", *body]

    def heading(self, part: Part, subject_id: str | None) -> str:
        """The line that names what the changes below it are about."""
        if part is Part.SESSION and subject_id is not None:
            session = self.session(subject_id)
            title = self.text(session.title)
            return self.words.say(
                "changelog.session", "{kind} – {title}", kind=self.kind(session), title=title
            )
        if part is Part.SUMMIT:
            name: str = self.text(self.log.new.name)
        elif part is Part.VENUE:
            # Changelog refuses changes to the venue when neither version has one.
            venue = self.log.new.venue or self.log.old.venue
            name = self.text(venue.name) if venue is not None else self.nothing()
        else:
            name = self.name(self.member(part, subject_id or ""))
        return self.words.say("changelog.part", PARTS[part], name=name)

    # -- one line or a few per change ---------------------------------------------

    def describe(self, change: Change) -> list[str]:  # noqa: C901, PLR0911, PLR0912  # a case per kind
        old = self.log.old
        match change:
            case Added(session=session):
                return self.added(session)
            case Removed(session=session) if session.slot is None:
                return [self.words.say("changelog.removed", "Removed from the programme.")]
            case Removed(session=session):
                when = self.when(session, old)
                source = "Removed from the programme; it was {when}."
                return [self.words.say("changelog.removed.timed", source, when=when)]
            case Cancelled():
                return [self.words.say("changelog.cancelled", "Cancelled.")]
            case Reinstated():
                return [self.words.say("changelog.reinstated", "Reinstated: no longer cancelled.")]
            case Scheduled(new_slot=slot):
                return [
                    self.words.say(
                        "changelog.scheduled", "Scheduled for {new}.", new=self.span(slot)
                    )
                ]
            case Unscheduled(old_slot=slot):
                source = "No longer scheduled; it was {old}."
                return [self.words.say("changelog.unscheduled", source, old=self.span(slot))]
            case Moved(old_slot=before, new_slot=after):
                return [
                    self.words.say(
                        "changelog.moved",
                        "Moved from {old} to {new}.",
                        old=lambda: self.start(before),
                        new=lambda: self.start(after),
                    )
                ]
            case Retimed(old_slot=before, new_slot=after):
                return [
                    self.words.say(
                        "changelog.retimed",
                        "Now runs {new} instead of {old}.",
                        old=lambda: self.span(before),
                        new=lambda: self.span(after),
                    )
                ]
            case Reroomed():
                return [self.reroomed(change)]
            case ParentChanged():
                return [self.parent(change)]
            case Retitled(old_title=before, new_title=after):
                return [self.renamed("retitled", before, after)]
            case ParticipantsChanged():
                return self.participants(change)
            case Edited():
                return [self.edited(change, change.fields)]
            case _:
                return self.describe_part(change)

    def reroomed(self, change: Reroomed) -> Phrase:
        old = self.room(self.log.old, change.old_room)
        new = self.room(self.log.new, change.new_room)
        if change.old_room is None:
            return self.words.say("changelog.room.set", "Now in {new}.", new=new)
        if change.new_room is None:
            return self.words.say(
                "changelog.room.unset", "No longer has a room; it was in {old}.", old=old
            )
        return self.words.say(
            "changelog.room.changed", "Room changed from {old} to {new}.", old=old, new=new
        )

    def parent(self, change: ParentChanged) -> Phrase:
        """A session put inside another, taken out, or moved to another: by the titles."""
        old, new = change.old_parent, change.new_parent
        before = self.words.quoted(self.named(self.log.old, Part.SESSION, old))
        after = self.words.quoted(self.named(self.log.new, Part.SESSION, new))
        if old is None:
            return self.words.say("changelog.parent.set", "Now part of {new}.", new=after)
        if new is None:
            return self.words.say("changelog.parent.unset", "No longer part of {old}.", old=before)
        return self.words.say(
            "changelog.parent.changed",
            "Now part of {new} instead of {old}.",
            old=before,
            new=after,
        )

    def summit_roles(self, change: SummitRolesChanged) -> list[str]:
        """Who took up or gave up a role in the whole summit, as "Name (role)"."""
        lines: list[str] = []
        if change.added:
            people = self.people(self.log.new, change.added, of_summit=True)
            lines.append(
                self.words.say(
                    "changelog.summit_roles.added",
                    "Roles in the summit now held: {people}.",
                    people=people,
                )
            )
        if change.removed:
            people = self.people(self.log.old, change.removed, of_summit=True)
            lines.append(
                self.words.say(
                    "changelog.summit_roles.removed",
                    "Roles in the summit no longer held: {people}.",
                    people=people,
                )
            )
        if change.reordered:
            lines.append(
                self.words.say(
                    "changelog.summit_roles.reordered", "Roles in the summit listed in a new order."
                )
            )
        return lines

    def describe_part(self, change: Change) -> list[str]:  # noqa: C901, PLR0911, PLR0912  # a case per kind
        """Lines for a change to the summit, its venue or one of its members besides sessions."""
        new = self.log.new
        added = self.words.say("changelog.member.added", "Added to the summit.")
        match change:
            case TrackAdded(track=track) if track.chair is not None:
                chair = self.person(new, track.chair)
                return [
                    added,
                    self.words.say("changelog.chaired_by", "Chaired by {new}.", new=chair),
                ]
            case VenueAdded() | RoomAdded() | OrganizationAdded() | SpeakerAdded() | TrackAdded():
                return [added]
            case (
                VenueRemoved()
                | RoomRemoved()
                | OrganizationRemoved()
                | SpeakerRemoved()
                | TrackRemoved()
            ):
                return [self.words.say("changelog.member.removed", "Removed from the summit.")]
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
            case ChairChanged():
                return [self.chair(change)]
            case CapacityChanged(old_capacity=before, new_capacity=after):
                nothing = self.nothing()
                return [
                    self.words.say(
                        "changelog.capacity",
                        "Capacity changed from {old} to {new}.",
                        old=nothing if before is None else before,
                        new=nothing if after is None else after,
                    )
                ]
            case (
                RoomHoursChanged(old_hours=before, new_hours=after)
                | VenueHoursChanged(old_hours=before, new_hours=after)
            ):
                return [self.windows("hours", before, after)]
            case AvailabilityChanged(old_availability=before, new_availability=after):
                return [self.windows("availability", before, after)]
            case DayWindowsChanged(old_windows=before, new_windows=after):
                return [self.windows("day_windows", before, after)]
            case SummitRolesChanged():
                return self.summit_roles(change)
            case SummitReordered(collections=collections):
                lists = (self.list_name(name) for name in collections)
                source = "Listed in a new order: {lists}."
                return [
                    self.words.say(
                        "changelog.reordered.lists", source, lists=self.words.join(lists)
                    )
                ]
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

    def list_name(self, name: str) -> str:
        source = LISTS.get(name)
        return (
            name.replace("_", " ") if source is None else self.words.say("changelog.list", source)
        )

    def chair(self, change: ChairChanged) -> Phrase:
        before = self.named(self.log.old, Part.SPEAKER, change.old_chair)
        after = self.named(self.log.new, Part.SPEAKER, change.new_chair)
        if change.old_chair is None:
            return self.words.say("changelog.chair.set", "Now chaired by {new}.", new=after)
        if change.new_chair is None:
            source = "No longer has a chair; it was chaired by {old}."
            return self.words.say("changelog.chair.unset", source, old=before)
        source = "Chair changed from {old} to {new}."
        return self.words.say("changelog.chair.changed", source, old=before, new=after)

    def renamed(self, what: str, before: LocalizedText, after: LocalizedText) -> Phrase:
        """A new name or title: the old one, or that it changed in another language."""
        changed, elsewhere = _RENAMED[what]
        lang = self.words.lang
        if before.lookup(lang) == after.lookup(lang):
            return self.words.say(f"changelog.{what}.elsewhere", elsewhere)
        return self.words.say(
            f"changelog.{what}", changed, old=self.words.quoted(self.text(before))
        )

    def windows(
        self, topic: str, before: tuple[TimeSlot, ...], after: tuple[TimeSlot, ...]
    ) -> Phrase:
        """New opening hours or availability, as spans of time."""
        set_, unset, changed = _WINDOWS[topic]
        shown = self.availability if topic == "availability" else self.spans
        if not before:
            return self.words.say(f"changelog.{topic}.set", set_, new=lambda: shown(after))
        if not after:
            return self.words.say(f"changelog.{topic}.unset", unset, old=lambda: shown(before))
        return self.words.say(
            f"changelog.{topic}.changed",
            changed,
            old=lambda: shown(before),
            new=lambda: shown(after),
        )

    def added(self, session: Session) -> list[str]:
        when = self.when(session, self.log.new)
        line = self.words.say("changelog.added", "Added to the programme: {when}.", when=when)
        if session.is_cancelled:
            marker = self.words.say("changelog.added.cancelled", "[CANCELLED]")
            line = Phrase(f"{line} {marker}")
        if not session.participants:
            return [line]
        people = self.people(self.log.new, session.participants)
        return [line, self.words.say("changelog.with", "With {people}.", people=people)]

    def participants(self, change: ParticipantsChanged) -> list[str]:
        old, new = self.log.old, self.log.new
        # A speaker in the same role on both sides differs only in whether
        # taking part keeps them from other sessions: a line of its own.
        roles_before = {(p.speaker, p.role) for p in change.removed}
        reblocked = {(p.speaker, p.role) for p in change.added} & roles_before
        added = tuple(p for p in change.added if (p.speaker, p.role) not in reblocked)
        removed = tuple(p for p in change.removed if (p.speaker, p.role) not in reblocked)
        before = {p.speaker for p in removed}
        after = {p.speaker for p in added}
        # Someone who keeps a role has not joined or left: a role came or went.
        was_in = set(self.session(change.session_id, old=True).speakers)
        still_in = set(self.session(change.session_id).speakers)

        def roles_of(speaker_id: str, participants: tuple[Participant, ...]) -> Phrase:
            return self.words.join(
                self.role(p.role) for p in participants if p.speaker == speaker_id
            )

        # A speaker both removed and added has changed role; one line says so.
        lines: list[str] = [
            self.words.say(
                "changelog.role.changed",
                "{name} now takes part as {new} instead of {old}.",
                name=self.person(new, speaker_id),
                old=roles_of(speaker_id, removed),
                new=roles_of(speaker_id, added),
            )
            for speaker_id in dict.fromkeys(p.speaker for p in added if p.speaker in before)
        ]
        lines += (
            self.words.say(
                "changelog.role.added",
                "{name} now also takes part as {new}.",
                name=self.person(new, speaker_id),
                new=roles_of(speaker_id, added),
            )
            for speaker_id in dict.fromkeys(p.speaker for p in added)
            if speaker_id not in before and speaker_id in was_in
        )
        lines += (
            self.words.say(
                "changelog.role.dropped",
                "{name} no longer takes part as {old}.",
                name=self.person(new, speaker_id),
                old=roles_of(speaker_id, removed),
            )
            for speaker_id in dict.fromkeys(p.speaker for p in removed)
            if speaker_id not in after and speaker_id in still_in
        )
        for p in change.added:
            if (p.speaker, p.role) not in reblocked:
                continue
            source = (
                "{name} ({role}) can no longer be in other sessions at the same time."
                if p.blocking
                else "{name} ({role}) can now be in other sessions at the same time."
            )
            lines.append(
                self.words.say(
                    "changelog.blocking.on" if p.blocking else "changelog.blocking.off",
                    source,
                    name=self.person(new, p.speaker),
                    role=self.role(p.role),
                )
            )
        joined = [p for p in added if p.speaker not in before and p.speaker not in was_in]
        if joined:
            people = self.people(new, joined)
            lines.append(self.words.say("changelog.joined", "Joining: {people}.", people=people))
        left = [p for p in removed if p.speaker not in after and p.speaker not in still_in]
        if left:
            people = self.people(old, left)
            lines.append(
                self.words.say("changelog.left", "No longer taking part: {people}.", people=people)
            )
        if change.reordered:
            lines.append(self.words.say("changelog.reordered", "Speakers listed in a new order."))
        return lines

    # -- other fields ----------------------------------------------------------------

    def edited(self, change: Change, fields: tuple[str, ...]) -> Phrase:
        """The fields an edit names, with their old and new values where they are short."""
        old, new = self.subject(change, old=True), self.subject(change)
        named: list[str] = []
        before: object
        after: object
        for name in fields:
            source = FIELDS.get(name)
            if name == "kind" and isinstance(old, Track):
                source = TRACK_KIND_FIELD
            label = (
                name.replace("_", " ")
                if source is None
                else self.words.say("changelog.field", source)
            )
            if name == "kind":
                before, after = self.kind_of(old), self.kind_of(new)
                if before == after:  # two classes with one tag: name the classes
                    before, after = type(old).__name__, type(new).__name__
            else:
                before = self.value(old, name, self.log.old)
                after = self.value(new, name, self.log.new)
                zones = getattr(old, name, None), getattr(new, name, None)
                if before == after and all(isinstance(z, dt.tzinfo) for z in zones):
                    # Two names of one city, as aliases are: the names tell them apart.
                    before, after = zone_label(zones[0]), zone_label(zones[1])
            if before is not None and after is not None:
                source = "{field} (from {old} to {new})"
                label = self.words.say(
                    "changelog.from_to", source, field=label, old=before, new=after
                )
            named.append(label)
        return self.words.say(
            "changelog.edited", "Other changes: {fields}.", fields=self.words.join(named)
        )

    def subject(self, change: Change, *, old: bool = False) -> object:
        """What *change* is about, in the new version (or *old*)."""
        summit = self.log.old if old else self.log.new
        if change.part is Part.SUMMIT:
            return summit
        if change.part is Part.VENUE:
            return summit.venue
        return self.member(change.part, change.subject_id or "", old=old)

    def kind_of(self, value: object) -> str:
        if isinstance(value, Track) and value.kind in TRACK_KINDS:
            return self.words.say("changelog.track_kind", TRACK_KINDS[value.kind])
        return self.kind(value) if isinstance(value, Session) else type(value).__name__

    def value(self, owner: object, name: str, summit: Summit) -> object:
        """Field *name* of *owner*, a member of *summit*, if it is short; else ``None``."""
        value = getattr(owner, name, None)
        # Fields that refer to another member show that member's name.
        if isinstance(owner, Session) and name == "track":
            return self.named(summit, Part.TRACK, value)
        if isinstance(owner, Speaker) and name == "organization":
            return self.named(summit, Part.ORGANIZATION, value)
        if isinstance(value, dt.tzinfo):
            moments = [dt.datetime.combine(day, summit.day_change, value) for day in summit.days]
            return str(self.words.zone(value, moments))
        if isinstance(value, Markup):
            # A value, isolated as values are: "Markdown" and "HTML" are names.
            return str(self.words.say("changelog.markup", MARKUPS.get(value, value.value)))
        return self.plain(value)

    def plain(self, value: object) -> object:
        """A short value, such as a language tag, a number or a day; else ``None``."""
        if value is None:
            return self.nothing()
        if isinstance(value, dt.datetime):
            return None  # an instant is not short
        if isinstance(value, dt.date):
            return self.words.long_date(value)
        if isinstance(value, dt.time):
            return time_of_day(value)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            return None
        short = len(str(value)) < 40
        return (one_line(value) if isinstance(value, str) else value) if short else None
