"""Sessions of a programme, and the tracks that group them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

import attrs

from summitkit import _arguments as arguments
from summitkit._enums import TextEnum
from summitkit._people import Participant, Role, check_once_per_role
from summitkit._references import Link, SourceId, are_links, are_source_ids, to_links, to_source_ids
from summitkit._text import (
    LocalizedText,
    localized_text,
    normalize_language_tag,
    plain_text,
    plain_texts,
    to_localized_text,
    to_plain_text,
    to_plain_texts,
)
from summitkit._time import TimeSlot
from summitkit._validators import (
    as_tuple,
    identifier,
    instance_of,
    optional,
    positive_int,
    tuple_of,
    where,
)
from summitkit._validators import url as web_address
from summitkit.exceptions import (
    InvalidParticipantsError,
    InvalidTextError,
    InvalidTypeError,
    InvalidValueError,
)

__all__ = [
    "TRACK_KINDS",
    "Break",
    "Ceremony",
    "Keynote",
    "Markup",
    "Panel",
    "Session",
    "Status",
    "Talk",
    "Track",
    "WorkshopSession",
    "WorkshopTrack",
]


class Status(TextEnum):
    """Whether a session is still going ahead."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Markup(TextEnum):
    """How a session's abstract and description are written.

    summitkit stores the text as it came and never renders it: whoever shows
    Markdown or HTML must escape or sanitise it, as it comes from the source.
    """

    #: Plain text, whose line breaks are its only structure.
    PLAIN = "plain"
    #: Markdown, as pretalx writes it.
    MARKDOWN = "markdown"
    #: HTML, as FOSDEM's Pentabarf writes it.
    HTML = "html"


def _to_markup(value: Markup | str) -> Markup:
    return arguments.to_member(Markup, value)  # type: ignore[return-value]  # or for the validator


def _markup(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    arguments.enum_member(Markup, value, name=where(instance, attribute))


def _to_status(value: Status | str) -> Status:
    return arguments.to_member(Status, value)  # type: ignore[return-value]  # or for the validator


def _status(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    arguments.enum_member(Status, value, name=where(instance, attribute))


def _to_language(value: str | None) -> str | None:
    if isinstance(value, str):
        try:
            return normalize_language_tag(value)
        except InvalidTextError:
            return value  # the validator rejects it, naming the field
    return value


def _language(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        # The converter gave a valid tag its canonical form: this raises for
        # what it left, naming the field.
        arguments.language(value, name=where(instance, attribute))


# Typed per element: mypy takes __init__'s parameter type from a converter's
# signature and cannot solve a generic one.
def _participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return as_tuple(value)


_BOOL = instance_of(bool, "True or False")


@attrs.frozen(kw_only=True)
class Track:
    """A themed series of sessions: a conference track, a stream, a sector.

    A track does not list its sessions: each session names its track, and
    :meth:`summitkit.Summit.sessions_of_track` lists them in time order, so
    membership has one source of truth.  A track's sessions may run in
    parallel, in several rooms, unless it says it is *sequential*; a
    :class:`WorkshopTrack` is sequential unless it says otherwise.

    Attributes:
        id: Unique among the summit's tracks.
        title: The track's title.
        sector: The sector or theme it serves, such as "Healthcare".
        chair: The id of the speaker who chairs or leads the track; a chair
            takes part in every session of the track.
        abstract: A longer description.
        sequential: Whether its sessions are meant to run one after another,
            so that two of them overlapping is a conflict.
        source_ids: The ids other systems gave the track.
    """

    #: The tag that names this kind of track in serialized forms.
    kind: ClassVar[str] = "track"

    id: str = attrs.field(validator=identifier)
    title: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    sector: LocalizedText | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_localized_text),
        validator=optional(localized_text),
    )
    chair: str | None = attrs.field(default=None, validator=optional(identifier))
    abstract: LocalizedText | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_localized_text),
        validator=optional(localized_text),
    )
    sequential: bool = attrs.field(default=False, validator=_BOOL)
    source_ids: tuple[SourceId, ...] = attrs.field(
        default=(), converter=to_source_ids, validator=are_source_ids
    )


@attrs.frozen(kw_only=True)
class WorkshopTrack(Track):
    """A workshop: a track whose sessions run one after another.

    The same fields as :class:`Track`, except that :attr:`sequential` is
    true unless given.

    Attributes:
        sequential: Whether its sessions are meant to run one after another
            (true unless given).
        source_ids: The ids other systems gave the track.
    """

    kind: ClassVar[str] = "workshop"

    sequential: bool = attrs.field(default=True, validator=_BOOL)
    source_ids: tuple[SourceId, ...] = attrs.field(
        default=(), converter=to_source_ids, validator=are_source_ids
    )


#: Every kind of track, by its :attr:`Track.kind` tag.
TRACK_KINDS: dict[str, type[Track]] = {cls.kind: cls for cls in (Track, WorkshopTrack)}


@attrs.frozen(kw_only=True)
class Session:
    """What every kind of session has in common.

    Use one of the concrete kinds -- :class:`Keynote`, :class:`Panel`,
    :class:`Talk`, :class:`WorkshopSession`, :class:`Break` or
    :class:`Ceremony`; ``Session`` itself is for ``isinstance`` checks and
    annotations.

    Attributes:
        id: Unique among the summit's sessions.
        title: The session's title.
        title_assumed: Whether the title was written by whoever compiled the
            programme (from a description, say) rather than published as
            the session's title: a title's counterpart of an estimated time.
        abstract: A longer description.
        language: The BCP 47 tag of the language it is held in, if known.
        slot: When it takes place; ``None`` while it is not yet scheduled.
        room: The id of the room it is in, if known.
        track: The id of the track it belongs to, if any.
        participants: Who takes part and in which role, in display order.
        status: Whether it is still scheduled or has been cancelled.
        expected_attendance: How many people are expected, if known; more
            than the room seats is a conflict.
        subtitle: A subtitle, shown under the title.
        description: A fuller description beside the abstract (frab and
            pretalx publish both).
        markup: How *abstract* and *description* are written: plain text
            (the default), Markdown or HTML.  Stored as given, never
            rendered.
        label: The source's own word for the kind of session ("lightning
            talk", "BoF", "Talk (half slot)"), beside the kind class.
        url: The session's own web page.
        links: Web pages about it: slides, videos, papers.
        attachments: Files attached to it.
        tags: Keywords, in the source's order.
        do_not_record: Whether the speakers asked not to be recorded.
        recording_licence: The licence recordings are published under.
        online_url: Where to watch or join it online: a stream or a meeting.
            A session with this and no room is online only; with a room,
            hybrid.
        parent: The id of the session this one is part of: a lightning talk
            in its block, a workshop in a festival's day.  A session and
            those inside it never clash with one another.
        series: A key shared by the sessions that are occurrences of one
            thing: a talk given twice, a daily meeting.  Any id; it names
            no other value.
        source_ids: The ids other systems gave the session.
    """

    #: The tag that names this kind of session in serialized forms.
    kind: ClassVar[str] = "session"

    id: str = attrs.field(validator=identifier)
    title: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    title_assumed: bool = attrs.field(default=False, validator=_BOOL)
    abstract: LocalizedText | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_localized_text),
        validator=optional(localized_text),
    )
    language: str | None = attrs.field(default=None, converter=_to_language, validator=_language)
    slot: TimeSlot | None = attrs.field(
        default=None, validator=optional(instance_of(TimeSlot, "a TimeSlot"))
    )
    room: str | None = attrs.field(default=None, validator=optional(identifier))
    track: str | None = attrs.field(default=None, validator=optional(identifier))
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=_participants, validator=tuple_of(Participant, "a Participant")
    )
    status: Status = attrs.field(default=Status.SCHEDULED, converter=_to_status, validator=_status)
    expected_attendance: int | None = attrs.field(default=None, validator=optional(positive_int))
    subtitle: LocalizedText | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_localized_text),
        validator=optional(localized_text),
    )
    description: LocalizedText | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_localized_text),
        validator=optional(localized_text),
    )
    markup: Markup = attrs.field(default=Markup.PLAIN, converter=_to_markup, validator=_markup)
    label: str | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_plain_text),
        validator=optional(plain_text),
    )
    url: str | None = attrs.field(default=None, validator=optional(web_address))
    links: tuple[Link, ...] = attrs.field(default=(), converter=to_links, validator=are_links)
    attachments: tuple[Link, ...] = attrs.field(default=(), converter=to_links, validator=are_links)
    tags: tuple[str, ...] = attrs.field(default=(), converter=to_plain_texts, validator=plain_texts)
    do_not_record: bool = attrs.field(default=False, validator=_BOOL)
    recording_licence: str | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_plain_text),
        validator=optional(plain_text),
    )
    online_url: str | None = attrs.field(default=None, validator=optional(web_address))
    parent: str | None = attrs.field(default=None, validator=optional(identifier))
    series: str | None = attrs.field(default=None, validator=optional(identifier))
    source_ids: tuple[SourceId, ...] = attrs.field(
        default=(), converter=to_source_ids, validator=are_source_ids
    )

    def __attrs_post_init__(self) -> None:
        if type(self) is Session:
            raise InvalidTypeError(
                "Session",
                "Session is abstract; build a Keynote, Panel, Talk, WorkshopSession, "
                "Break or Ceremony",
            )
        if len(self.participants) > 1:  # one cannot repeat: no path worded for it
            check_once_per_role(self.participants, f"{type(self).__name__}.participants")
        if self.parent == self.id:
            raise InvalidValueError(
                f"{type(self).__name__}.parent",
                f"session {self.id!r} names itself as its parent; expected the id of "
                "another session",
            )

    @property
    def is_timed(self) -> bool:
        """Whether the session has a time slot."""
        return self.slot is not None

    @property
    def is_cancelled(self) -> bool:
        """Whether the session has been cancelled."""
        return self.status is Status.CANCELLED

    @property
    def speakers(self) -> tuple[str, ...]:
        """Ids of everyone taking part, in order, each once."""
        return tuple(dict.fromkeys(p.speaker for p in self.participants))

    def speakers_in_role(self, role: Role | str) -> tuple[str, ...]:
        """Ids of the speakers taking part in *role* (a Role or its value), in order.

        Raises:
            InvalidValueError: If *role* is a string that is not a role's value.
            InvalidTypeError: If it is neither a Role nor a string.
        """
        wanted = arguments.enum_member(Role, role, name="Session.speakers_in_role(role)")
        return tuple(p.speaker for p in self.participants if p.role is wanted)


# The kinds add no field, so they are plain subclasses of the attrs class
# Session: they share its generated __init__, __eq__, __hash__ and __repr__
# (which name the instance's own class, and compare classes too), and
# `__slots__ = ()` keeps their instances without a __dict__.  Decorating each
# again would generate and compile the same methods six more times: a sixth
# of `import summitkit`, measured.
class Keynote(Session):
    """A principal address by one or more presenters."""

    kind: ClassVar[str] = "keynote"
    __slots__ = ()


class Talk(Session):
    """A presentation: a talk, a case study, a briefing."""

    kind: ClassVar[str] = "talk"
    __slots__ = ()


class WorkshopSession(Session):
    """One session of a workshop, usually inside a :class:`WorkshopTrack`."""

    kind: ClassVar[str] = "workshop"
    __slots__ = ()


class Ceremony(Session):
    """A formal moment: an opening announcement, an award, a closing."""

    kind: ClassVar[str] = "ceremony"
    __slots__ = ()


class Break(Session):
    """A pause in the programme: coffee, lunch, prayer. It has no participants."""

    kind: ClassVar[str] = "break"
    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.participants:
            raise InvalidParticipantsError(
                "Break.participants",
                f"expected no participants in a break, got {len(self.participants)}",
            )


class Panel(Session):
    """A discussion among panelists, usually led by a moderator.

    A panel is meant to have at least two panelists; one whose panelists are
    not known yet is still a panel, and :func:`summitkit.schedule.conflicts`
    reports it (:attr:`~summitkit.schedule.ConflictKind.TOO_FEW_PANELISTS`).

    Raises:
        InvalidParticipantsError: If a moderator is also a panelist.
    """

    kind: ClassVar[str] = "panel"
    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        # A set: a list would make this check quadratic in a hostile file.
        panelist_ids = frozenset(self.panelists)
        for index, participant in enumerate(self.participants):
            if participant.role is Role.MODERATOR and participant.speaker in panelist_ids:
                raise InvalidParticipantsError(
                    f"Panel.participants[{index}]",
                    f"speaker {participant.speaker!r} is both moderator and panelist; "
                    "expected a moderator who is not also a panelist",
                )

    @property
    def moderator(self) -> str | None:
        """The id of the (first) moderator, or ``None`` if there is none."""
        moderators = self.speakers_in_role(Role.MODERATOR)
        return moderators[0] if moderators else None

    @property
    def panelists(self) -> tuple[str, ...]:
        """Ids of the panelists, in order."""
        return self.speakers_in_role(Role.PANELIST)


#: Every concrete session kind, by its :attr:`Session.kind` tag.
SESSION_KINDS: dict[str, type[Session]] = {
    cls.kind: cls for cls in (Keynote, Panel, Talk, WorkshopSession, Break, Ceremony)
}
