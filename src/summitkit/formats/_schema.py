"""The JSON Schema of the summit document, built from the model and the shared grammar.

Built, not written by hand: every model class contributes an object with its
fields (required when they have no default, ``null`` allowed where ``None``
is), and every string has the pattern the reader applies, so the schema and
the reader cannot drift apart.  What a schema cannot express is listed in
:data:`NOT_IN_SCHEMA` and checked by the reader alone.

The schema is of the current format, and of format 1 too, which the reader
upgrades: a format 1 document is a format 2 document whose tracks need no
``kind`` (each is then a workshop).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import types
import typing
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from summitkit._countries import ISO_3166_ALPHA_2
from summitkit._people import Organization, Participant, Role, Speaker
from summitkit._references import Link, SourceId
from summitkit._sessions import (
    SESSION_KINDS,
    TRACK_KINDS,
    Markup,
    Session,
    Status,
    Track,
)
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit._venue import Room, Venue
from summitkit.formats import _grammar as g

__all__ = ["FORMAT_VERSIONS", "NOT_IN_SCHEMA", "PLAIN_TEXT_FIELDS", "build_schema"]

#: The format versions the schema describes: the current one, last, and
#: every earlier one the reader upgrades.
FORMAT_VERSIONS = (1, 2)

#: The rules the reader checks that the schema cannot express.
NOT_IN_SCHEMA: tuple[str, ...] = (
    "ids are unique within each collection (rooms, organizations, speakers, tracks, sessions)",
    "references name an existing room, track, speaker, organization or session",
    "time-zone names are keys of the IANA time-zone database",
    "an instant's offset is its zone's offset at that instant (so no time the clocks skip)",
    "a time slot ends after it starts",
    "the last day is not before the first, and the summit lasts at most 1096 days",
    (
        "a panel's moderator is not also a panelist, and a session lists each speaker "
        "at most once per role (a participant without a role is a presenter)"
    ),
    "the summit's roles list each speaker at most once per role",
    "a session's parent is another session, and no sessions are each other's parents",
    "each day window starts on one of the summit's days, and no day has two windows",
    "day windows do not overlap",
    "the characters of a hashtag other than ASCII are letters or digits",
)

_OBJECTS: dict[type, tuple[str, str]] = {
    Summit: ("summit", "A summit and its whole programme."),
    Venue: ("venue", "Where the summit takes place."),
    Room: ("room", "A room sessions can be in."),
    Organization: ("organization", "An organization speakers belong to."),
    Speaker: ("speaker", "A person who takes part."),
    Participant: ("participant", "A speaker in a session, or in the whole summit, in one role."),
    TimeSlot: ("slot", "A half-open interval [start, end)."),
    Link: ("link", "A web page or file about a session."),
    SourceId: ("source_id", "The id another system gave a value."),
}

# Strings by the field they are in: what they hold.
_STRINGS: dict[str, str] = {
    "id": "id",
    "room": "id",
    "track": "id",
    "chair": "id",
    "organization": "id",
    "speaker": "id",
    "parent": "id",
    "series": "id",
    "system": "id",
    "country": "country",
    "url": "url",
    "online_url": "url",
    "links": "url",
    "language": "language",
    "hashtag": "hashtag",
    "label": "plain_text",
    "tags": "plain_text",
    "recording_licence": "plain_text",
    "title": "plain_text",
    "kind": "plain_text",
}

#: The string fields that hold text in no particular language: the reader
#: refuses a carriage return in them, as in every text (see ``TEXT``).
PLAIN_TEXT_FIELDS = frozenset(name for name, what in _STRINGS.items() if what == "plain_text")

_DESCRIPTIONS: dict[tuple[str, str], str] = {
    ("summit", "timezone"): "An IANA zone name; Asia/Dubai when left out.",
    ("summit", "day_change"): "When each conference day starts; 00:00 when left out.",
    ("summit", "hashtag"): "Written without the #; a leading # is read and dropped.",
    ("summit", "last_day"): "The first day when left out.",
    ("summit", "day_windows"): (
        "The announced hours of some or all of the days: at most one window per day, "
        "each starting on its day, none overlapping; empty or left out: none announced."
    ),
    ("summit", "tracks"): "Tracks and workshops; sessions name the track they belong to.",
    ("summit", "roles"): (
        "Who holds a role in the whole summit rather than in one session: its chairs, "
        "its organisers."
    ),
    ("participant", "role"): "presenter when left out.",
    ("participant", "blocking"): (
        "Whether taking part keeps the speaker from being anywhere else at the time; "
        "when left out, false for an author and true for every other role."
    ),
    ("session", "title_assumed"): (
        "Whether the title was written by whoever compiled the programme rather than "
        "published; false when left out."
    ),
    ("session", "expected_attendance"): "How many people are expected.",
    ("session", "subtitle"): "A subtitle, shown under the title.",
    ("session", "description"): "A fuller description beside the abstract.",
    ("session", "markup"): (
        "How abstract and description are written; plain when left out. Stored as given, "
        "never rendered: whoever shows Markdown or HTML must sanitise it."
    ),
    ("session", "label"): (
        "The source's own word for the kind of session, such as 'lightning talk' or 'BoF'."
    ),
    ("session", "url"): "The session's own web page.",
    ("session", "links"): "Web pages about the session: slides, videos, papers.",
    ("session", "attachments"): "Files attached to the session.",
    ("session", "tags"): "Keywords, in the source's order.",
    ("session", "do_not_record"): (
        "Whether the speakers asked not to be recorded; false when left out."
    ),
    ("session", "recording_licence"): "The licence recordings are published under.",
    ("session", "online_url"): (
        "Where to watch or join the session online: a stream or a meeting. Without a room, "
        "the session is online only."
    ),
    ("session", "parent"): (
        "The id of the session this one is part of, such as a lightning talk's block."
    ),
    ("session", "series"): (
        "A key shared by the sessions that are occurrences of one thing (a talk given "
        "twice); it names no other value."
    ),
    ("session", "source_ids"): "The ids other systems gave the session.",
    ("speaker", "availability"): "When the speaker can take part; empty or left out: any time.",
    ("speaker", "group"): (
        "Whether this is a group or an organization listed as a session's person, which is "
        "never double-booked; false when left out."
    ),
    ("speaker", "source_ids"): "The ids other systems gave the speaker.",
    ("venue", "opening_hours"): "When the venue is open; empty or left out: always.",
    ("room", "opening_hours"): (
        "When the room can be used; empty or left out: when the venue is open."
    ),
    ("room", "parallel"): (
        "Whether it holds parallel sessions on purpose (an exhibition floor), so that "
        "sessions overlapping in it are not double-booked; false when left out."
    ),
    ("room", "source_ids"): "The ids other systems gave the room.",
    ("track", "chair"): "The id of the speaker who chairs or leads the track.",
    ("track", "sequential"): (
        "Whether its sessions run one after another; when left out, true for a workshop "
        "and false for a track."
    ),
    ("track", "source_ids"): "The ids other systems gave the track.",
    ("link", "url"): "An absolute http(s) URL.",
    ("link", "title"): "What the link is called where it is shown.",
    ("link", "kind"): (
        "What it is, in the source's own word ('slides', 'video') or as a MIME type."
    ),
    ("source_id", "system"): (
        "Which system and which of its ids, such as 'frab-guid' or 'pretalx-code'."
    ),
    ("source_id", "id"): "The id that system gave.",
}

_UNIONS = (typing.Union, types.UnionType)


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _nullable(kind: Any) -> tuple[Any, bool]:  # noqa: ANN401  # any annotation
    args = typing.get_args(kind)
    if typing.get_origin(kind) in _UNIONS and type(None) in args:
        (inner,) = (arg for arg in args if arg is not type(None))
        return inner, True
    return kind, False


# Values by their type; strings by their field, in _STRINGS.
_BY_TYPE: dict[Any, dict[str, Any]] = {
    dt.datetime: _ref("instant"),
    dt.date: _ref("summit_day"),
    dt.time: _ref("wall_time"),
    bool: {"type": "boolean"},
    int: {"type": "integer", "minimum": 1},
    LocalizedText: _ref("text"),
    Session: _ref("session"),
    Track: _ref("track"),
    Role: {"enum": [role.value for role in Role]},
    Status: {"enum": [status.value for status in Status]},
    Markup: {"enum": [markup.value for markup in Markup]},
    ZoneInfo: {"type": "string", "pattern": g.whole(g.ZONE_NAME)},
    **{cls: _ref(name) for cls, (name, _) in _OBJECTS.items()},
}


def _value(owner: str, name: str, kind: Any) -> dict[str, Any]:  # noqa: ANN401  # any annotation
    if typing.get_origin(kind) is tuple:
        return {"type": "array", "items": _value(owner, name, typing.get_args(kind)[0])}
    if kind is str:
        return _ref(_STRINGS[name])
    found = _BY_TYPE.get(kind)
    if found is None:  # pragma: no cover - a field of a type the schema does not know yet
        message = f"no schema for {owner}.{name}: {kind!r}"
        raise TypeError(message)
    return copy.deepcopy(found)


def _object(cls: type, name: str, description: str) -> dict[str, Any]:
    attrs.resolve_types(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        kind, nullable = _nullable(field.type)
        value: dict[str, Any] = _value(name, field.name, kind)
        if nullable:
            value = {"anyOf": [value, {"type": "null"}]}
        text = _DESCRIPTIONS.get((name, field.name))
        if nullable:
            text = f"{text} " if text else ""
            text += "null is read as left out."
        if text:
            value["description"] = text
        properties[field.name] = value
        if field.default is attrs.NOTHING:
            required.append(field.name)
    return {
        "type": "object",
        "description": description,
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


def _family(
    kinds: dict[str, type], name: str, description: str, *, kind: str, kind_required: bool
) -> dict[str, Any]:
    """The object of a family of kinds tagged by ``"kind"`` (sessions, tracks)."""
    # Every kind has the same fields, so the schema takes them from one kind.
    fields = {cls: [field.name for field in attrs.fields(cls)] for cls in kinds.values()}
    if len({tuple(names) for names in fields.values()}) != 1:  # pragma: no cover - a new kind
        message = f"{name} kinds with fields of their own need a schema each: {fields}"
        raise TypeError(message)
    family = _object(next(iter(kinds.values())), name, description)
    if kind_required:
        family["required"] = ["kind", *family["required"]]
    tag = {"enum": list(kinds), "description": kind}
    family["properties"] = {"kind": tag, **family["properties"]}
    return family


def _session() -> dict[str, Any]:
    session = _family(
        dict(SESSION_KINDS),
        "session",
        "A session of any kind; 'kind' says which.",
        kind="Which kind of session it is; written first.",
        kind_required=True,
    )
    session["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": "break"}}, "required": ["kind"]},
            "then": {
                "description": "A break has no participants.",
                "properties": {"participants": {"maxItems": 0}},
            },
        },
    ]
    return session


def _track() -> dict[str, Any]:
    # Format 1 has no track kinds, so the summit requires the kind by format.
    return _family(
        dict(TRACK_KINDS),
        "track",
        "A track or a workshop; 'kind' says which. Sessions name the track they belong to.",
        kind=(
            "Which kind of track it is, written first: a workshop's sessions run one after "
            "another unless it says otherwise. Required from format 2; a workshop when left "
            "out of a format 1 document."
        ),
        kind_required=False,
    )


@functools.cache
def build_schema() -> dict[str, Any]:
    """The schema, built once; callers copy it before handing it out."""
    summit = _object(
        Summit,
        "summit",
        "A summit and its whole programme, as summitkit.formats.json writes it. "
        "Fields equal to their default may be left out.",
    )
    current = FORMAT_VERSIONS[-1]
    summit["required"] = ["format", *summit["required"]]
    summit["properties"] = {
        "format": {
            "enum": list(FORMAT_VERSIONS),
            "description": (
                f"The document format version: {current}, as summitkit writes it; the "
                "earlier ones are read too (format 1 has no track kinds: its tracks are "
                "workshops)."
            ),
        },
        **summit["properties"],
    }
    summit["allOf"] = [
        {
            "if": {"properties": {"format": {"const": current}}},
            "then": {
                "description": f"From format {current}, each track says its kind.",
                "properties": {"tracks": {"items": {"required": ["kind"]}}},
            },
        },
    ]
    defs: dict[str, Any] = {
        "id": {"type": "string", "pattern": g.whole(g.ID)},
        "text": {
            "type": "object",
            "description": (
                "Text by BCP 47 language tag, in canonical letter case. Line ends are LF: "
                "text holds no carriage return."
            ),
            "minProperties": 1,
            "propertyNames": {"maxLength": g.MAX_TAG_LENGTH, "pattern": g.whole(g.LANGUAGE_TAG)},
            "additionalProperties": {"type": "string", "pattern": g.whole(g.TEXT)},
        },
        "language": {
            "type": "string",
            "maxLength": g.MAX_TAG_LENGTH,
            "pattern": g.whole(g.LANGUAGE_TAG),
            "description": "A BCP 47 language tag, in canonical letter case.",
        },
        "summit_day": {
            "type": "string",
            "pattern": g.whole(g.SUMMIT_DAY),
            "description": "A date in years 3 to 9997.",
        },
        "wall_time": {"type": "string", "pattern": g.whole(g.WALL_TIME)},
        "country": {
            "enum": sorted(ISO_3166_ALPHA_2),
            "description": "An assigned ISO 3166-1 alpha-2 code.",
        },
        "url": {"type": "string", "pattern": g.whole(g.URL)},
        "plain_text": {
            "type": "string",
            "description": (
                "Text in no particular language, as a label or a tag. Line ends are LF: "
                "text holds no carriage return."
            ),
            "pattern": g.whole(g.TEXT),
        },
        "hashtag": {"type": "string", "pattern": g.whole(g.HASHTAG)},
        "instant": {
            "type": "string",
            "description": (
                "ISO 8601 with offset, in years 2 to 9998; an IANA zone follows in brackets "
                "(RFC 9557) unless the offset is fixed."
            ),
            "pattern": g.whole(g.INSTANT),
        },
    }
    for cls, (name, description) in _OBJECTS.items():
        if cls is not Summit:
            defs[name] = _object(cls, name, description)
    defs["track"] = _track()
    defs["session"] = _session()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:summitkit:summit:{current}",
        "title": f"summitkit summit document, format {current}",
        "$comment": "Checked by summitkit's reader but not expressible here: "
        + "; ".join(NOT_IN_SCHEMA)
        + ".",
        **summit,
        "$defs": defs,
    }
