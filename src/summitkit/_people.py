"""People and organizations: who speaks, and in which role."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from summitkit import _arguments as arguments
from summitkit._enums import TextEnum
from summitkit._references import SourceId, are_source_ids, to_source_ids
from summitkit._text import LocalizedText, localized_text, to_localized_text
from summitkit._time import TimeSlot, time_slots
from summitkit._validators import (
    as_tuple,
    country_code,
    identifier,
    instance_of,
    optional,
    tuple_of,
    url,
    urls,
    where,
)
from summitkit.exceptions import InvalidParticipantsError

__all__ = ["Organization", "Participant", "Role", "Speaker", "check_once_per_role"]


class Role(TextEnum):
    """The part a speaker plays in a session."""

    #: Leads a panel or discussion; asks rather than answers.
    MODERATOR = "moderator"
    #: One of the discussants of a panel.
    PANELIST = "panelist"
    #: Gives a keynote, talk or workshop session.
    PRESENTER = "presenter"
    #: Chairs a session or a track.
    CHAIR = "chair"
    #: Hosts or announces, as at an opening ceremony.
    HOST = "host"
    #: Wrote what is presented, without presenting it; not there, so never
    #: double-booked (unless the participant says it blocks).
    AUTHOR = "author"
    #: Organises the summit or a part of it.
    ORGANISER = "organiser"


def to_role(value: Role | str) -> Role:
    """Converter: a role's value (``"moderator"``) becomes the Role.

    Anything else passes through for the validator to reject.
    """
    return arguments.to_member(Role, value)  # type: ignore[return-value]  # or for the validator


def _role(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    arguments.enum_member(Role, value, name=where(instance, attribute))


# Typed per element: mypy takes __init__'s parameter type from a converter's
# signature and cannot solve a generic one.
def _links(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)


@attrs.frozen(kw_only=True)
class Organization:
    """A company, government body or other organization speakers belong to.

    Attributes:
        id: Unique among the summit's organizations.
        name: The organization's name, in as many languages as known.
        country: ISO 3166-1 alpha-2 code of its country, if known.
        url: Its web site, if known.
    """

    id: str = attrs.field(validator=identifier)
    name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    country: str | None = attrs.field(default=None, validator=optional(country_code))
    url: str | None = attrs.field(default=None, validator=optional(url))


@attrs.frozen(kw_only=True)
class Speaker:
    """A person who takes part in a session in any role.

    Attributes:
        id: Unique among the summit's speakers.
        name: The person's name; the honorific is kept apart.
        honorific: A title such as "Dr." or "Col.", if any.
        position: Job title or description, such as "Chairman".
        organization: The id of the organization the speaker represents.
        country: ISO 3166-1 alpha-2 code, if known.
        links: Web pages and social-media profiles, as http(s) URLs.
        bio: A short biography.
        availability: When the speaker can take part, as time slots, best
            given in the speaker's own zone; empty (the default) means any
            time.  :func:`summitkit.schedule.conflicts` reports sessions
            outside them.
        group: Whether this "speaker" is a group or an organization listed
            as a session's person (an organising team, a collective): a
            group can be in many sessions at once, so it is never
            double-booked.
        source_ids: The ids other systems gave the speaker.
    """

    id: str = attrs.field(validator=identifier)
    name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    honorific: LocalizedText | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_localized_text),
        validator=optional(localized_text),
    )
    position: LocalizedText | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_localized_text),
        validator=optional(localized_text),
    )
    organization: str | None = attrs.field(default=None, validator=optional(identifier))
    country: str | None = attrs.field(default=None, validator=optional(country_code))
    links: tuple[str, ...] = attrs.field(default=(), converter=_links, validator=urls)
    bio: LocalizedText | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_localized_text),
        validator=optional(localized_text),
    )
    availability: tuple[TimeSlot, ...] = attrs.field(
        default=(), converter=time_slots, validator=tuple_of(TimeSlot, "a TimeSlot")
    )
    group: bool = attrs.field(default=False, validator=instance_of(bool, "True or False"))
    source_ids: tuple[SourceId, ...] = attrs.field(
        default=(), converter=to_source_ids, validator=are_source_ids
    )

    def display_name(self, *languages: str) -> str:
        """The name with its honorific, in the first of *languages* available.

        >>> s = Speaker(id="sd", name={"en": "Saeed Al Dhaheri"}, honorific={"en": "Dr."})
        >>> s.display_name("en")
        'Dr. Saeed Al Dhaheri'
        """
        name = self.name.lookup(*languages)
        if self.honorific is None:
            return name
        # The honorific must be in the name's language: no "Dr. عائشة".
        language = next(
            (
                tag
                for tag in (*languages, "en", *self.name.languages)
                if self.name.closest(tag) == name
            ),
            None,
        )
        honorific = self.honorific.closest(language) if language else None
        return name if honorific is None else f"{honorific} {name}"


@attrs.frozen
class Participant:
    """A speaker taking part in a session in one role.

    Attributes:
        speaker: The id of a speaker of the summit.
        role: What the speaker does in the session.
        blocking: Whether taking part keeps the speaker from being anywhere
            else at the time, so that a second session then is a conflict.
            True by default, except for an :attr:`Role.AUTHOR`, who is not
            there; False for a host who only looks in, say.  A speaker who
            is a :attr:`Speaker.group` never blocks, whatever this says.
    """

    speaker: str = attrs.field(validator=identifier)
    role: Role = attrs.field(
        default=Role.PRESENTER, converter=to_role, validator=_role, kw_only=True
    )
    blocking: bool = attrs.field(
        default=attrs.Factory(lambda self: self.role is not Role.AUTHOR, takes_self=True),
        validator=instance_of(bool, "True or False"),
        kw_only=True,
    )


def check_once_per_role(participants: tuple[Participant, ...], path: str) -> None:
    """Raise unless each speaker holds each role once among *participants* (at *path*).

    Raises:
        InvalidParticipantsError: At ``path[i]`` for the first repeat.
    """
    seen: set[tuple[str, Role]] = set()
    for index, participant in enumerate(participants):
        key = (participant.speaker, participant.role)
        if key in seen:
            raise InvalidParticipantsError(
                f"{path}[{index}]",
                f"speaker {participant.speaker!r} is already listed as {participant.role}; "
                "expected each speaker at most once per role",
            )
        seen.add(key)
