"""What a value points to outside the summit: web links, and the ids other systems gave it."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from summitkit._text import plain_text, to_plain_text
from summitkit._validators import as_tuple, identifier, optional, tuple_of, url

__all__ = ["Link", "SourceId", "are_links", "are_source_ids", "to_links", "to_source_ids"]


@attrs.frozen
class Link:
    """A web page or file about a session: slides, a video, a paper, a chat room.

    Attributes:
        url: An absolute http(s) URL.
        title: What the link is called where it is shown, if anything.
        kind: What it is, in the source's own word (``"slides"``,
            ``"video"``, ``"paper"``, a MIME type), if said.

    >>> Link("https://example.org/slides.pdf", title="Slides", kind="application/pdf")
    Link(url='https://example.org/slides.pdf', title='Slides', kind='application/pdf')
    """

    url: str = attrs.field(validator=url)
    title: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=attrs.converters.optional(to_plain_text),
        validator=optional(plain_text),
    )
    kind: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=attrs.converters.optional(to_plain_text),
        validator=optional(plain_text),
    )


@attrs.frozen
class SourceId:
    """The id another system gave a session, speaker, room or track.

    Kept beside summitkit's own ``id`` so that a programme read again from
    the same source can be matched with the last reading, and written back
    out with the ids that source knows.

    Attributes:
        system: Which system and which of its ids, such as ``"frab-guid"``,
            ``"frab-id"`` or ``"pretalx-code"``: printable ASCII without
            spaces, as an id.
        id: The id that system gave, as text: printable ASCII without spaces.

    >>> SourceId("pretalx-code", "WLU9FT")
    SourceId(system='pretalx-code', id='WLU9FT')
    """

    system: str = attrs.field(validator=identifier)
    id: str = attrs.field(validator=identifier)


# Typed per element: mypy takes __init__'s parameter type from a converter's
# signature and cannot solve a generic one.
def to_links(value: Iterable[Link]) -> tuple[Link, ...]:
    """Converter: a list of links becomes a tuple."""
    return as_tuple(value)


def to_source_ids(value: Iterable[SourceId]) -> tuple[SourceId, ...]:
    """Converter: a list of source ids becomes a tuple."""
    return as_tuple(value)


#: Validators for the fields that hold them.
are_links = tuple_of(Link, "a Link")
are_source_ids = tuple_of(SourceId, "a SourceId")
