"""The English names a changelog gives fields, lists, roles and parts.

They are messages like any other (English in the code, each language's in
its catalogue): a field of a member is named in the context
``changelog.field``, a list of the summit in ``changelog.list``, a role in
``changelog.role``, and the line that heads a block in ``changelog.part``.
"""

from __future__ import annotations

from summitkit._people import Role
from summitkit._sessions import Markup
from summitkit._summit_changes import Part

__all__ = [
    "FIELDS",
    "LISTS",
    "MARKUPS",
    "PARTS",
    "ROLES",
    "SUMMIT_ROLES",
    "TRACK_KINDS",
    "TRACK_KIND_FIELD",
]

#: What each field is called where an edit names it; others are named by
#: their attribute name, with spaces for underscores.
FIELDS = {
    "kind": "type",
    "title_assumed": "whether the title is assumed",
    "abstract": "description",
    "language": "language",
    "track": "track",
    "slot": "time details (estimate or time zone)",
    "expected_attendance": "expected attendance",
    "id": "id",
    "first_day": "first day",
    "last_day": "last day",
    "edition": "edition",
    "theme": "theme",
    "hashtag": "hashtag",
    "timezone": "time zone",
    "day_change": "time each day starts",
    "city": "city",
    "country": "country",
    "url": "web site",
    "honorific": "honorific",
    "position": "position",
    "organization": "organization",
    "links": "links",
    "bio": "biography",
    "sector": "sector",
    "sequential": "whether its sessions run one after another",
    "subtitle": "subtitle",
    "description": "full description",
    "markup": "text format",
    "label": "label",
    "attachments": "attachments",
    "tags": "tags",
    "do_not_record": "permission to record",
    "recording_licence": "recording licence",
    "online_url": "online link",
    "series": "series",
    "source_ids": "ids in other systems",
    "group": "listed as a group",
    "parallel": "whether it holds parallel sessions",
}

#: What ``"kind"`` is called in an edit of a track, which is not a session's type.
TRACK_KIND_FIELD = "type of track"

#: The kinds of track, by their tag, as an edit of a track names them.
TRACK_KINDS = {
    "track": "track",
    "workshop": "workshop",
}

#: How a session's text is written, as an edit of its ``markup`` names it.
MARKUPS = {
    Markup.PLAIN: "plain text",
    Markup.MARKDOWN: "Markdown",
    Markup.HTML: "HTML",
}

#: The summit's lists, as a new order of them is reported.
LISTS = {
    "rooms": "rooms",
    "organizations": "organizations",
    "speakers": "speakers",
    "tracks": "tracks",
    "sessions": "sessions",
}

#: Roles as a changelog names them, inside a sentence.
ROLES = {
    Role.MODERATOR: "moderator",
    Role.PANELIST: "panelist",
    Role.PRESENTER: "presenter",
    Role.CHAIR: "chair",
    Role.HOST: "host",
    Role.AUTHOR: "author",
    Role.ORGANISER: "organiser",
}

#: Roles in the whole summit whose words differ from a session's.
SUMMIT_ROLES = {
    Role.CHAIR: "chair of the summit",
}

#: The line that heads the changes to a part besides a session.
PARTS = {
    Part.SUMMIT: "Summit: {name}",
    Part.VENUE: "Venue: {name}",
    Part.ROOM: "Room: {name}",
    Part.ORGANIZATION: "Organization: {name}",
    Part.SPEAKER: "Speaker: {name}",
    # A workshop too: whether a track is one is a field of its own.
    Part.TRACK: "Track: {name}",
}
