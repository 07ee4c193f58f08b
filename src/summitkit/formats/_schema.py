"""The JSON Schema of the summit document, built from the model and the shared grammar.

Built, not written by hand: every model class contributes an object with its
fields (required when they have no default, ``null`` allowed where ``None``
is), and every string has the pattern the reader applies, so the schema and
the reader cannot drift apart.  What a schema cannot express is listed in
:data:`NOT_IN_SCHEMA` and checked by the reader alone.
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
from summitkit._sessions import SESSION_KINDS, Keynote, Session, Status, WorkshopTrack
from summitkit._summit import Summit
from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit._venue import Room, Venue
from summitkit.formats import _grammar as g

__all__ = ["NOT_IN_SCHEMA", "build_schema"]

#: The rules the reader checks that the schema cannot express.
NOT_IN_SCHEMA: tuple[str, ...] = (
    "ids are unique within each collection (rooms, organizations, speakers, tracks, sessions)",
    "references name an existing room, track, speaker or organization",
    "time-zone names are keys of the IANA time-zone database",
    "an instant's offset is its zone's offset at that instant (so no time the clocks skip)",
    "a time slot ends after it starts",
    (
        "the last day is not before the first, the summit lasts at most 1096 days, "
        "and every timed session lies on its days"
    ),
    (
        "a panel's moderator is not also a panelist, and a session lists each speaker "
        "at most once per role (a participant without a role is a presenter)"
    ),
    "the characters of a hashtag other than ASCII are letters or digits",
)

_OBJECTS: dict[type, tuple[str, str]] = {
    Summit: ("summit", "A summit and its whole programme."),
    Venue: ("venue", "Where the summit takes place."),
    Room: ("room", "A room sessions can be in."),
    Organization: ("organization", "An organization speakers belong to."),
    Speaker: ("speaker", "A person who takes part."),
    WorkshopTrack: ("track", "A workshop track; sessions name the track they belong to."),
    Participant: ("participant", "A speaker in a session, in one role."),
    TimeSlot: ("slot", "A half-open interval [start, end)."),
}

# Strings by the field they are in: what they hold.
_STRINGS: dict[str, str] = {
    "id": "id",
    "room": "id",
    "track": "id",
    "chair": "id",
    "organization": "id",
    "speaker": "id",
    "country": "country",
    "url": "url",
    "links": "url",
    "language": "language",
    "hashtag": "hashtag",
}

_DESCRIPTIONS: dict[tuple[str, str], str] = {
    ("summit", "timezone"): "An IANA zone name; Asia/Dubai when left out.",
    ("summit", "day_change"): "When each conference day starts; 00:00 when left out.",
    ("summit", "hashtag"): "Written without the #; a leading # is read and dropped.",
    ("summit", "last_day"): "The first day when left out.",
    ("participant", "role"): "presenter when left out.",
    ("session", "title_assumed"): (
        "Whether the title was written by whoever compiled the programme rather than "
        "published; false when left out."
    ),
    ("session", "expected_attendance"): "How many people are expected.",
    ("speaker", "availability"): "When the speaker can take part; empty or left out: any time.",
    ("venue", "opening_hours"): "When the venue is open; empty or left out: always.",
    ("room", "opening_hours"): (
        "When the room can be used; empty or left out: when the venue is open."
    ),
    ("track", "sequential"): "Whether its sessions run one after another; true when left out.",
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
    Role: {"enum": [role.value for role in Role]},
    Status: {"enum": [status.value for status in Status]},
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


def _session() -> dict[str, Any]:
    # Every kind has the same fields, so the schema takes them from one kind.
    fields = {cls: [field.name for field in attrs.fields(cls)] for cls in SESSION_KINDS.values()}
    if len({tuple(names) for names in fields.values()}) != 1:  # pragma: no cover - a new kind
        message = f"session kinds with fields of their own need a schema each: {fields}"
        raise TypeError(message)
    session = _object(Keynote, "session", "A session of any kind; 'kind' says which.")
    kinds = list(SESSION_KINDS)
    session["required"] = ["kind", *session["required"]]
    session["properties"] = {"kind": {"enum": kinds}, **session["properties"]}
    panelist = {
        "type": "object",
        "required": ["role"],
        "properties": {"role": {"const": "panelist"}},
    }
    session["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": "panel"}}, "required": ["kind"]},
            "then": {
                "description": "A panel has at least two panelists.",
                "required": ["participants"],
                "properties": {"participants": {"contains": panelist, "minContains": 2}},
            },
        },
        {
            "if": {"properties": {"kind": {"const": "break"}}, "required": ["kind"]},
            "then": {
                "description": "A break has no participants.",
                "properties": {"participants": {"maxItems": 0}},
            },
        },
    ]
    return session


@functools.cache
def build_schema() -> dict[str, Any]:
    """The schema, built once; callers copy it before handing it out."""
    summit = _object(
        Summit,
        "summit",
        "A summit and its whole programme, as summitkit.formats.json writes it. "
        "Fields equal to their default may be left out.",
    )
    summit["required"] = ["format", *summit["required"]]
    summit["properties"] = {
        "format": {"const": 1, "description": "The document format version."},
        **summit["properties"],
    }
    defs: dict[str, Any] = {
        "id": {"type": "string", "pattern": g.whole(g.ID)},
        "text": {
            "type": "object",
            "description": "Text by BCP 47 language tag, in canonical letter case.",
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
    defs["session"] = _session()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:summitkit:summit:1",
        "title": "summitkit summit document, format 1",
        "$comment": "Checked by summitkit's reader but not expressible here: "
        + "; ".join(NOT_IN_SCHEMA)
        + ".",
        **summit,
        "$defs": defs,
    }
