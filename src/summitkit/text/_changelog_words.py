"""The English names a changelog gives fields, lists, roles and parts.

They are messages like any other (English in the code, each language's in
its catalogue): a field of a member is named in the context
``changelog.field``, a list of the summit in ``changelog.list``, a role in
``changelog.role``, and the line that heads a block in ``changelog.part``.
"""

from __future__ import annotations

from summitkit._people import Role
from summitkit._summit_changes import Part

__all__ = ["FIELDS", "LISTS", "PARTS", "ROLES"]

#: What each field is called where an edit names it; others are named by
#: their attribute name, with spaces for underscores.
FIELDS = {
    "kind": "type",
    "title_assumed": "whether the title is assumed",
    "abstract": "description",
    "language": "language",
    "track": "workshop track",
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
}

#: The summit's lists, as a new order of them is reported.
LISTS = {
    "rooms": "rooms",
    "organizations": "organizations",
    "speakers": "speakers",
    "tracks": "workshop tracks",
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

#: The line that heads the changes to a part besides a session.
PARTS = {
    Part.SUMMIT: "Summit: {name}",
    Part.VENUE: "Venue: {name}",
    Part.ROOM: "Room: {name}",
    Part.ORGANIZATION: "Organization: {name}",
    Part.SPEAKER: "Speaker: {name}",
    Part.TRACK: "Workshop track: {name}",
}
