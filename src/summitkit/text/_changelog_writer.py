"""The writer of a changelog: words, names and times, shown as a changelog shows them.

:mod:`summitkit.text._changelog` says what each change is in these terms.
A writer remembers, line by line, the date last shown (so that a line
gives a date once) and every instant shown in the changelog's zone (whose
offsets its heading gives).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from summitkit._people import Participant, Role, Speaker
from summitkit._sessions import Session
from summitkit._summit import Summit
from summitkit._summit_changes import MEMBERS, Part
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit.changes import Changelog
from summitkit.text._agenda import KINDS
from summitkit.text._changelog_words import ROLES, SUMMIT_ROLES
from summitkit.text._language import EN_DASH, Language, Phrase

__all__ = ["Writer", "one_line"]

# Members of the summit by id, in the old and the new version.
_Index = tuple[dict[str, Any], dict[str, Any]]


@attrs.define
class Writer:
    """Words, names and times for a changelog, as it shows them.

    Attributes:
        log: The changes, with both versions, whose members it names.
        words: The language it writes in.
        zone: The zone it shows times in.
        estimated: Whether a time it has shown is an estimate.
        day: The date the line being written has shown last, if any.
        shown: The instants it has shown in *zone*, whose offsets the
            heading gives.
        index: The members of each part, by id, in the old and the new version.
    """

    log: Changelog
    words: Language
    zone: ZoneInfo | dt.timezone
    estimated: bool = False
    day: dt.date | None = None
    shown: list[dt.datetime] = attrs.field(factory=list[dt.datetime])
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

    # -- words -------------------------------------------------------------------

    def nothing(self) -> Phrase:
        return self.words.say("changelog.nothing", "none")

    def text(self, value: LocalizedText) -> str:
        return one_line(value.lookup(self.words.lang))

    def kind(self, session: Session) -> str:
        """A session's kind in words; a kind the model gains later by its tag."""
        source = KINDS.get(session.kind)
        return session.kind if source is None else self.words.say("kind", source)

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
            return one_line(member.display_name(self.words.lang))
        text = getattr(member, "title", None) or getattr(member, "name", None)
        return self.text(text) if isinstance(text, LocalizedText) else self.nothing()

    def named(self, summit: Summit, part: Part, member_id: str | None) -> str:
        """The name of a member of *summit*, else of the other version; none for ``None``."""
        if member_id is None:
            return self.nothing()
        found = self.member(part, member_id, old=summit is self.log.old)
        return member_id if found is None else self.name(found)

    def room(self, summit: Summit, room_id: str | None) -> str:
        return self.named(summit, Part.ROOM, room_id)

    def person(self, summit: Summit, speaker_id: str) -> str:
        return self.named(summit, Part.SPEAKER, speaker_id)

    def role(self, role: Role) -> Phrase:
        source = ROLES.get(role)
        return (
            self.words.isolate(role.value)
            if source is None
            else self.words.say("changelog.role", source)
        )

    def people(
        self, summit: Summit, participants: Iterable[Participant], *, of_summit: bool = False
    ) -> Phrase:
        """Participants as "Name (role)"; *of_summit*: roles in the whole summit."""
        return self.words.join(
            self.words.say(
                "changelog.participant",
                "{name} ({role})",
                name=self.person(summit, p.speaker),
                role=self.summit_role(p.role) if of_summit else self.role(p.role),
            )
            for p in participants
        )

    def summit_role(self, role: Role) -> Phrase:
        """A role in the whole summit: a chair chairs the summit, not a session."""
        source = SUMMIT_ROLES.get(role)
        return (
            self.role(role) if source is None else self.words.say("changelog.summit_role", source)
        )

    # -- times -------------------------------------------------------------------

    def moment(self, moment: dt.datetime, zone: dt.tzinfo, *, estimated: bool) -> str:
        """A time, with its date unless the line has just shown that date.

        A line starts out on the summit's day when both versions are held on
        one and the same day, so a one-day summit's times need no date.
        """
        local = moment.astimezone(zone)
        if zone == self.zone:
            self.shown.append(moment)
        self.estimated = self.estimated or estimated
        text = f"{'~' if estimated else ''}{self.words.clock(local)}"
        day, self.day = self.day, local.date()
        if day == local.date():
            return text
        return f"{self.words.weekday_and_month(local.date())} {text}"

    def start(self, slot: TimeSlot) -> Phrase:
        return self.words.isolate(
            self.moment(slot.start, self.zone, estimated=slot.start_estimated)
        )

    def span(self, slot: TimeSlot, zone: ZoneInfo | dt.timezone | None = None) -> Phrase:
        zone = self.zone if zone is None else zone
        start = self.moment(slot.start, zone, estimated=slot.start_estimated)
        # A slot that ends at midnight ends on its own date, as in the agenda.
        if len(slot.local_dates(tz=zone)) == 1:
            self.day = slot.end.astimezone(zone).date()
        end = self.moment(slot.end, zone, estimated=slot.end_estimated)
        return self.words.isolate(f"{start}{EN_DASH}{end}")

    def spans(
        self, slots: Iterable[TimeSlot], zone: ZoneInfo | dt.timezone | None = None
    ) -> Phrase:
        return self.words.join(self.span(slot, zone) for slot in slots)

    def availability(self, slots: tuple[TimeSlot, ...]) -> Phrase:
        """A speaker's availability in the zone it was given in, with that zone named.

        An availability is a speaker's own word; shown in another zone, its
        round hours would read as odd ones.
        """
        given = slots[0].start.tzinfo
        # A slot's zone is an IANA zone or a fixed offset: TimeSlot refuses others.
        own = given if isinstance(given, (ZoneInfo, dt.timezone)) else self.zone
        return self.words.say(
            "changelog.availability.zone",
            "{windows} {zone}",
            windows=lambda: self.spans(slots, own),
            zone=self.words.zone(own, [moment for slot in slots for moment in slot.utc_bounds]),
        )

    def when(self, session: Session, summit: Summit) -> Phrase:
        parts: list[str] = [
            self.span(session.slot)
            if session.slot
            else self.words.say("changelog.unscheduled_yet", "not yet scheduled")
        ]
        if session.room is not None:
            parts.append(self.words.isolate(self.room(summit, session.room)))
        return Phrase(self.words.say("changelog.separator", ", ").join(parts))


def one_line(text: str) -> str:
    """*text* on one line: a name or title may hold line breaks, which would split a row.

    A line break also ends an isolate (UAX #9), so a name kept on two lines
    would no longer be isolated from the sentence around it.
    """
    return " ".join(text.splitlines())
