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
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from summitkit._people import Participant
from summitkit._sessions import Session, Status
from summitkit._summit import Summit, check_summit
from summitkit._text import LocalizedText, localized_text, to_localized_text
from summitkit._time import TimeSlot, get_zone, is_usable_zone
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
class _WholeSession(Change):
    """A change that carries a whole session: it was added or removed."""

    session: Session = attrs.field(validator=_is_session)
    # Taken from the session, so that the two cannot disagree.
    session_id: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "session_id", self.session.id)


@attrs.frozen
class Added(_WholeSession):
    """A session that only the new version has.

    Attributes:
        session: The session, as the new version has it.
    """


@attrs.frozen
class Removed(_WholeSession):
    """A session that only the old version has: not cancelled, gone.

    Attributes:
        session: The session, as the old version had it.
    """


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
    start = session.slot.utc_bounds[0] if session.slot is not None else _LAST
    return (start, session.id)


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
    check_summit(old, "diff(old)")
    check_summit(new, "diff(new)")
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
    if old.utc_bounds[0] != new.utc_bounds[0]:
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
        from summitkit._changelog_text import write  # noqa: PLC0415  # it imports this module

        return write(self, lang, zone)


def _involves(summit: Summit, session: Session, speaker_id: str) -> bool:
    if speaker_id in session.speakers:
        return True
    return session.track is not None and summit.track(session.track).chair == speaker_id
