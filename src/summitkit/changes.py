"""Versions of a summit and their changes.

:func:`diff` compares two versions of a summit session by session, matching
sessions by id, and returns a :class:`Changelog` of typed changes: a session
added, removed, cancelled or reinstated; moved, retimed, scheduled or
unscheduled; given another room, title or speakers; and, as :class:`Edited`,
any other field that differs, including fields the model gains later.

The schedule changelog of pretalx lists new, cancelled and moved sessions (a
new time or room); summitkit also reports a new length, speakers who join,
leave or change role, a new title, and every other edit a speaker or an
attendee would care about, and can print it in English or Arabic.

>>> import summitkit as sk
>>> old = sk.examples.gsms2015()
>>> new = old.cancel("keynote-modern-workplace")
>>> diff(old, new).changes
(Cancelled(session_id='keynote-modern-workplace'),)
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from summitkit._agenda import LANGUAGES as _AGENDA_LABELS
from summitkit._people import Participant, Role
from summitkit._sessions import Session, Status
from summitkit._summit import Summit
from summitkit._text import LocalizedText, localized_text, to_localized_text
from summitkit._time import TimeSlot, get_zone, is_usable_zone, zone_label
from summitkit._validators import as_tuple, describe, identifier, instance_of, optional, tuple_of
from summitkit.exceptions import InvalidTypeError, InvalidValueError, UnknownIdError

__all__ = [
    "LANGUAGES",
    "Added",
    "Cancelled",
    "Change",
    "Changelog",
    "Edited",
    "Moved",
    "ParticipantsChanged",
    "Reinstated",
    "Removed",
    "Reroomed",
    "Retimed",
    "Retitled",
    "Scheduled",
    "Unscheduled",
    "diff",
]

#: The languages :meth:`Changelog.render` writes.
LANGUAGES: tuple[str, ...] = ("ar", "en")

_UTC = dt.timezone.utc
_EN_DASH = "\N{EN DASH}"

# -- the changes ---------------------------------------------------------------


_is_slot = instance_of(TimeSlot, "a TimeSlot")
_is_session = instance_of(Session, "a session (Keynote, Panel, Talk, ...)")


# Typed per element: mypy takes __init__'s parameter type from a converter's
# signature and cannot solve a generic one.
def _participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return as_tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)


@attrs.frozen
class Change:
    """What every change to a session has in common.

    Use one of the concrete kinds; ``Change`` itself is for ``isinstance``
    checks, ``match`` statements and annotations.

    Attributes:
        session_id: The id of the session that changed.
    """

    session_id: str = attrs.field(validator=identifier)

    def __attrs_post_init__(self) -> None:
        if type(self) is Change:
            raise InvalidTypeError(
                "Change", "Change is abstract; build one of its kinds, such as Moved"
            )


@attrs.frozen
class Added(Change):
    """A session that only the new version has.

    Attributes:
        session: The session, as the new version has it.
    """

    session: Session = attrs.field(validator=_is_session)
    # Taken from the session, so that the two cannot disagree.
    session_id: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "session_id", self.session.id)


@attrs.frozen
class Removed(Change):
    """A session that only the old version has: not cancelled, gone.

    Attributes:
        session: The session, as the old version had it.
    """

    session: Session = attrs.field(validator=_is_session)
    session_id: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "session_id", self.session.id)


@attrs.frozen
class Cancelled(Change):
    """A scheduled session that is now cancelled."""


@attrs.frozen
class Reinstated(Change):
    """A cancelled session that is scheduled again."""


@attrs.frozen
class Scheduled(Change):
    """An untimed session that now has a time slot.

    Attributes:
        new_slot: Its slot in the new version.
    """

    new_slot: TimeSlot = attrs.field(validator=_is_slot)


@attrs.frozen
class Unscheduled(Change):
    """A timed session that no longer has a time slot.

    Attributes:
        old_slot: Its slot in the old version.
    """

    old_slot: TimeSlot = attrs.field(validator=_is_slot)


@attrs.frozen
class Moved(Change):
    """A timed session that starts at another instant.

    One that also lasts longer or shorter is :class:`Retimed` too.

    Attributes:
        old_slot: Its slot in the old version.
        new_slot: Its slot in the new version.
    """

    old_slot: TimeSlot = attrs.field(validator=_is_slot)
    new_slot: TimeSlot = attrs.field(validator=_is_slot)


@attrs.frozen
class Retimed(Change):
    """A timed session that lasts longer or shorter.

    Attributes:
        old_slot: Its slot in the old version.
        new_slot: Its slot in the new version.
    """

    old_slot: TimeSlot = attrs.field(validator=_is_slot)
    new_slot: TimeSlot = attrs.field(validator=_is_slot)


@attrs.frozen
class Reroomed(Change):
    """A session in another room, or one that gained or lost its room.

    Attributes:
        old_room: The id of its room in the old version, or ``None``.
        new_room: The id of its room in the new version, or ``None``.
    """

    old_room: str | None = attrs.field(validator=optional(identifier))
    new_room: str | None = attrs.field(validator=optional(identifier))


@attrs.frozen
class Retitled(Change):
    """A session with another title, in any of its languages.

    Attributes:
        old_title: Its title in the old version.
        new_title: Its title in the new version.
    """

    old_title: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    new_title: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)


@attrs.frozen
class ParticipantsChanged(Change):
    """A session whose speakers, their roles or their order changed.

    A speaker whose role changed is removed in the old role and added in the
    new one.

    Attributes:
        added: Participants only the new version has, in its order.
        removed: Participants only the old version had, in its order.
        reordered: Whether the participants both versions have are listed
            in another order; adding or removing someone alone is not
            reordering.
    """

    added: tuple[Participant, ...] = attrs.field(
        default=(), converter=_participants, validator=tuple_of(Participant, "a Participant")
    )
    removed: tuple[Participant, ...] = attrs.field(
        default=(), converter=_participants, validator=tuple_of(Participant, "a Participant")
    )
    reordered: bool = attrs.field(default=False, validator=instance_of(bool, "True or False"))


@attrs.frozen
class Edited(Change):
    """Any other difference: the names of the fields that differ.

    ``"kind"`` means the session is of another kind (a talk that became a
    keynote); ``"slot"`` means the slot's instants are the same but an
    estimate flag or its zone is not (other slot changes have kinds of their
    own); any other name is a field of the session, such as ``"abstract"``,
    ``"language"``, ``"track"`` or one the model gains later.

    Attributes:
        fields: The names, ``"kind"`` first, then in the order of the
            session's fields.
    """

    fields: tuple[str, ...] = attrs.field(converter=_names, validator=tuple_of(str, "a field name"))


# Within a session, changes come in this order: what happens to the session
# as a whole, then its time, place, title and people, then everything else.
_ORDER: tuple[type[Change], ...] = (
    Added,
    Removed,
    Cancelled,
    Reinstated,
    Scheduled,
    Unscheduled,
    Moved,
    Retimed,
    Reroomed,
    Retitled,
    ParticipantsChanged,
    Edited,
)

# -- comparing two versions ----------------------------------------------------

_LAST = dt.datetime.max.replace(tzinfo=_UTC)
_MISSING = object()


def _time_key(session: Session) -> tuple[dt.datetime, str]:
    """Sessions by start instant, untimed last, ties by id."""
    start = session.slot.start.astimezone(_UTC) if session.slot is not None else _LAST
    return (start, session.id)


def _check_summit(path: str, value: object) -> None:
    if not isinstance(value, Summit):
        raise InvalidTypeError(path, f"expected a Summit, got {describe(value)}")


def diff(old: Summit, new: Summit) -> Changelog:
    """The changes that turn summit *old* into summit *new*.

    Sessions are matched by id.  Changes come session by session: the new
    version's sessions in time order (untimed last, ties by id), then the
    removed ones in the old version's time order.  Within a session they
    come in this order: :class:`Added`, :class:`Removed`, :class:`Cancelled`,
    :class:`Reinstated`, :class:`Scheduled`, :class:`Unscheduled`,
    :class:`Moved`, :class:`Retimed`, :class:`Reroomed`, :class:`Retitled`,
    :class:`ParticipantsChanged`, :class:`Edited`.

    Args:
        old: The earlier version.
        new: The later version.

    Returns:
        The changes, with both versions, which rendering needs.

    Raises:
        InvalidTypeError: If *old* or *new* is not a :class:`~summitkit.Summit`.
    """
    _check_summit("diff(old)", old)
    _check_summit("diff(new)", new)
    before = {session.id: session for session in old.sessions}
    after = {session.id for session in new.sessions}
    changes: list[Change] = []
    for session in sorted(new.sessions, key=_time_key):
        earlier = before.get(session.id)
        if earlier is None:
            changes.append(Added(session))
        else:
            changes += _session_changes(earlier, session)
    changes += (
        Removed(session)
        for session in sorted(old.sessions, key=_time_key)
        if session.id not in after
    )
    return Changelog(old, new, changes)


def _session_changes(old: Session, new: Session) -> list[Change]:
    """The changes from *old* to *new*, two versions of one session."""
    if old == new:
        return []
    edited = ["kind"] if type(old) is not type(new) else []
    changes: list[Change] = []
    for name, attribute in _field_union(old, new):
        before, after = getattr(old, name, _MISSING), getattr(new, name, _MISSING)
        if not _differs(attribute, before, after):
            continue
        found = _FIELD_CHANGES[name](new.id, before, after) if name in _FIELD_CHANGES else []
        if found:
            changes += found
        else:
            edited.append(name)
    if edited:
        changes.append(Edited(new.id, edited))
    return sorted(changes, key=lambda change: _ORDER.index(type(change)))


def _field_union(old: Session, new: Session) -> list[tuple[str, attrs.Attribute[Any]]]:
    """The fields of both versions' classes: the new one's, then any only the old one has."""
    fields = {a.name: a for a in attrs.fields(type(new))}
    for attribute in attrs.fields(type(old)):
        fields.setdefault(attribute.name, attribute)
    return list(fields.items())


def _differs(attribute: attrs.Attribute[Any], old: object, new: object) -> bool:
    """Whether the values differ as the session's own ``==`` compares them."""
    if not attribute.eq:
        return False
    if old is _MISSING or new is _MISSING:
        return old is not new
    # attrs' stubs do not declare eq_key: the key a field with eq=... compares.
    key: Callable[[object], object] | None = getattr(attribute, "eq_key", None)
    return key(old) != key(new) if key is not None else old != new


def _status_changes(session_id: str, old: Status, new: Status) -> list[Change]:
    if (old, new) == (Status.SCHEDULED, Status.CANCELLED):
        return [Cancelled(session_id)]
    if (old, new) == (Status.CANCELLED, Status.SCHEDULED):
        return [Reinstated(session_id)]
    return []  # a status the model may gain later is an edit


def _slot_changes(session_id: str, old: TimeSlot | None, new: TimeSlot | None) -> list[Change]:
    if old is None:
        return [] if new is None else [Scheduled(session_id, new)]
    if new is None:
        return [Unscheduled(session_id, old)]
    changes: list[Change] = []
    if old.start.astimezone(_UTC) != new.start.astimezone(_UTC):
        changes.append(Moved(session_id, old, new))
    if old.duration != new.duration:
        changes.append(Retimed(session_id, old, new))
    return changes  # none: the instants are the same, so the slot is only edited


def _participant_changes(
    session_id: str, old: tuple[Participant, ...], new: tuple[Participant, ...]
) -> ParticipantsChanged:
    before, after = set(old), set(new)
    kept_before = [p for p in old if p in after]
    kept_after = [p for p in new if p in before]
    return ParticipantsChanged(
        session_id,
        added=tuple(p for p in new if p not in before),
        removed=tuple(p for p in old if p not in after),
        reordered=kept_before != kept_after,
    )


# The fields with kinds of change of their own; an empty list means an edit.
_FIELD_CHANGES: dict[str, Callable[[str, Any, Any], list[Change]]] = {
    "status": _status_changes,
    "slot": _slot_changes,
    "room": lambda session_id, old, new: [Reroomed(session_id, old, new)],
    "title": lambda session_id, old, new: [Retitled(session_id, old, new)],
    "participants": lambda session_id, old, new: [_participant_changes(session_id, old, new)],
}


# -- the changelog -------------------------------------------------------------


def _changes(value: Iterable[Change]) -> tuple[Change, ...]:
    return as_tuple(value)


_is_summit = instance_of(Summit, "a Summit")


@attrs.frozen
class Changelog:
    """The changes between two versions of a summit, as :func:`diff` finds them.

    Iterate over it, take its ``len``, or test it: an empty one is false.

    Attributes:
        old: The earlier version.
        new: The later version.
        changes: The changes, session by session.

    Raises:
        InvalidValueError: If a change names a session neither version has.
    """

    old: Summit = attrs.field(validator=_is_summit, repr=False)
    new: Summit = attrs.field(validator=_is_summit, repr=False)
    changes: tuple[Change, ...] = attrs.field(
        default=(),
        converter=_changes,
        validator=tuple_of(_ORDER, "a kind of Change, such as Moved"),
    )

    def __attrs_post_init__(self) -> None:
        known = {s.id for s in self.old.sessions} | {s.id for s in self.new.sessions}
        for index, change in enumerate(self.changes):
            if change.session_id not in known:
                raise InvalidValueError(
                    f"Changelog.changes[{index}]",
                    f"session {change.session_id!r} is in neither version; "
                    "expected changes to sessions of old or new",
                )

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def session_ids(self) -> tuple[str, ...]:
        """The ids of the sessions that changed, each once, in changelog order."""
        return tuple(dict.fromkeys(change.session_id for change in self.changes))

    def for_speaker(self, speaker_id: str) -> Changelog:
        """What changed for speaker *speaker_id*.

        The changes to sessions the speaker takes part in, in any role, or
        whose workshop track the speaker chairs, in the old version or the
        new one: a speaker taken off a session still sees that change.

        Raises:
            UnknownIdError: If neither version has the speaker.
        """
        if not isinstance(speaker_id, str):
            raise InvalidTypeError(
                "Changelog.for_speaker(speaker_id)",
                f"expected a speaker id string, got {describe(speaker_id)}",
            )
        versions = (self.old, self.new)
        if not any(speaker_id in {s.id for s in summit.speakers} for summit in versions):
            raise UnknownIdError(f"neither version has a speaker with id {speaker_id!r}")
        involved = {
            session.id
            for summit in versions
            for session in summit.sessions
            if _involves(summit, session, speaker_id)
        }
        return attrs.evolve(
            self, changes=tuple(c for c in self.changes if c.session_id in involved)
        )

    def render(self, lang: str = "en", *, tz: ZoneInfo | str | None = None) -> str:
        """The changelog as text people read, one block per session.

        Each block names the session by its title in *lang* (falling back as
        :meth:`~summitkit.LocalizedText.lookup` does) and says what changed:
        old and new times, room names, speakers' names and roles.  Estimated
        times carry a ``~``; dates are shown unless both versions are one
        and the same day.

        Args:
            lang: ``"en"`` or ``"ar"``.  Arabic is written in logical order
                with Western digits, as the agenda is.
            tz: The zone to show times in: a ``ZoneInfo`` or an IANA name;
                by default the new version's zone.

        Returns:
            The text, ending with a newline.

        Raises:
            InvalidValueError: If *lang* is not one of :data:`LANGUAGES`
                (an ``InvalidTypeError`` if it is not a string).
            UnknownTimeZoneError: If *tz* is a name that is not an IANA zone.
        """
        if lang not in LANGUAGES:
            allowed = ", ".join(repr(tag) for tag in LANGUAGES)
            problem = f"expected one of {allowed}, got {describe(lang)}"
            if isinstance(lang, str):
                raise InvalidValueError("Changelog.render(lang)", problem)
            raise InvalidTypeError("Changelog.render(lang)", problem)
        zone = get_zone(tz, path="Changelog.render(tz)") if isinstance(tz, str) else tz
        if zone is None:
            zone = self.new.timezone
        elif not is_usable_zone(zone):
            raise InvalidTypeError(
                "Changelog.render(tz)",
                f"expected a ZoneInfo, an IANA zone name or None, got {describe(tz)}",
            )
        return "\n".join(_Writer(self, lang, zone).lines()) + "\n"


def _involves(summit: Summit, session: Session, speaker_id: str) -> bool:
    if speaker_id in session.speakers:
        return True
    return session.track is not None and summit.track(session.track).chair == speaker_id


# -- writing it down -------------------------------------------------------------


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
    "reordered": "Speakers listed in a new order.",
    "edited": "Other changes: {fields}.",
    "from_to": "{field} (from {old} to {new})",
    "nothing": "none",
    "both": " and ",
    "field:kind": "type",
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
    "reordered": "تغيّر ترتيب المشاركين.",
    "edited": "تعديلات أخرى: {fields}.",
    "from_to": "{field} (من {old} إلى {new})",
    "nothing": "غير محدد",
    "both": " و",
    "field:kind": "نوع الجلسة",
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
        text = f"{'~' if estimated else ''}{local.hour:02d}:{local.minute:02d}"
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
        joined = [p for p in change.added if p.speaker not in before]
        if joined:
            lines.append(self.say("joined", people=self.people(new, joined)))
        left = [p for p in change.removed if p.speaker not in after]
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
