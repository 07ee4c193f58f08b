"""Where a summit happens: the venue and its rooms."""

from __future__ import annotations

import attrs

from summitkit._references import SourceId, are_source_ids, to_source_ids
from summitkit._text import LocalizedText, localized_text, to_localized_text
from summitkit._time import TimeSlot, time_slots
from summitkit._validators import (
    country_code,
    identifier,
    instance_of,
    optional,
    positive_int,
    tuple_of,
    url,
)

__all__ = ["Room", "Venue"]


@attrs.frozen(kw_only=True)
class Venue:
    """The building or site that hosts a summit.

    Attributes:
        name: The venue's name, such as "Sofitel Dubai Downtown".
        city: The city it is in.
        country: ISO 3166-1 alpha-2 code of its country.
        url: Its web site, if known.
        opening_hours: When the venue is open, as time slots; empty (the
            default) means always.  A room without opening hours of its own
            is open when the venue is.
    """

    name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    city: LocalizedText | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(to_localized_text),
        validator=optional(localized_text),
    )
    country: str | None = attrs.field(default=None, validator=optional(country_code))
    url: str | None = attrs.field(default=None, validator=optional(url))
    opening_hours: tuple[TimeSlot, ...] = attrs.field(
        default=(), converter=time_slots, validator=tuple_of(TimeSlot, "a TimeSlot")
    )


@attrs.frozen(kw_only=True)
class Room:
    """A room, hall or stage where sessions take place.

    Attributes:
        id: Unique among the summit's rooms.
        name: The room's name as shown to attendees.
        capacity: How many people it seats, if known; greater than 0.
        opening_hours: When the room can be used, as time slots; empty (the
            default) means whenever the venue is open.
        parallel: Whether it holds parallel sessions on purpose (an
            exhibition floor, an assembly area, a kids' space), so that
            sessions overlapping in it are not double-booked.
        source_ids: The ids other systems gave the room.
    """

    id: str = attrs.field(validator=identifier)
    name: LocalizedText = attrs.field(converter=to_localized_text, validator=localized_text)
    capacity: int | None = attrs.field(default=None, validator=optional(positive_int))
    opening_hours: tuple[TimeSlot, ...] = attrs.field(
        default=(), converter=time_slots, validator=tuple_of(TimeSlot, "a TimeSlot")
    )
    parallel: bool = attrs.field(default=False, validator=instance_of(bool, "True or False"))
    source_ids: tuple[SourceId, ...] = attrs.field(
        default=(), converter=to_source_ids, validator=are_source_ids
    )
