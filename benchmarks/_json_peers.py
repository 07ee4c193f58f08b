"""Fair peers of summitkit's JSON format: pydantic v2 models and msgspec structs.

Both read and write the document shape of ``json_format.py`` (a summit with
its days, zone, day windows, rooms, organizations, speakers, tracks and
sessions of every kind, each with every field the format gives it) and check
what summitkit's model checks for it; ``json_format.py``
says what each checks and how.  Each is written the way its library's
documentation shows: types and native constraints first, then the library's
own hooks for what types cannot say (pydantic's validators and
``model_validator``, msgspec's ``dec_hook``/``enc_hook`` and
``__post_init__``), which call the shared rules in ``_json_rules.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal
from zoneinfo import ZoneInfo

import _json_rules as rules
import msgspec
import pydantic
from typing_extensions import Self

Role = Literal["moderator", "panelist", "presenter", "chair", "host", "author", "organiser"]
Status = Literal["scheduled", "cancelled"]

# -- pydantic v2 ---------------------------------------------------------------------

# Strict: no coercion ("4" is not a number); unknown fields refused; frozen values.
_CONFIG = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)

# pydantic's own regex engine (Rust) has no look-ahead, so the id is written
# for it: the same language as the schema's pattern, checked in Rust.
PId = Annotated[str, pydantic.StringConstraints(pattern=r"^[!-~]{1,255}$")]
PText = Annotated[dict[str, str], pydantic.AfterValidator(rules.localized_text)]
PTag = Annotated[str, pydantic.AfterValidator(rules.language_tag)]
PInstant = Annotated[
    dt.datetime,
    pydantic.PlainValidator(rules.instant),
    pydantic.PlainSerializer(rules.instant_text, return_type=str),
]
PZone = Annotated[
    ZoneInfo,
    pydantic.PlainValidator(rules.zone),
    pydantic.PlainSerializer(lambda zone: zone.key, return_type=str),
]
PDay = Annotated[dt.date, pydantic.AfterValidator(rules.in_summit_years)]
PCount = Annotated[int, pydantic.Field(gt=0)]
PPlain = Annotated[str, pydantic.AfterValidator(rules.text)]
PUrl = Annotated[str, pydantic.AfterValidator(rules.url)]
PCountry = Annotated[str, pydantic.StringConstraints(pattern=f"^(?:{rules.COUNTRY_PATTERN})$")]
Markup = Literal["plain", "markdown", "html"]


class PSlot(pydantic.BaseModel):
    """A time slot."""

    model_config = _CONFIG
    start: PInstant
    end: PInstant
    start_estimated: bool = False
    end_estimated: bool = False

    @pydantic.model_validator(mode="after")
    def _in_order(self) -> Self:
        rules.check_slot(self.start, self.end)
        return self


class PSourceId(pydantic.BaseModel):
    """The id another system gave a value."""

    model_config = _CONFIG
    system: PId
    id: PId


class PLink(pydantic.BaseModel):
    """A web page or file about a session."""

    model_config = _CONFIG
    url: PUrl
    title: PPlain | None = None
    kind: PPlain | None = None


class POrganization(pydantic.BaseModel):
    """An organization."""

    model_config = _CONFIG
    id: PId
    name: PText
    country: PCountry | None = None
    url: PUrl | None = None


class PParticipant(pydantic.BaseModel):
    """A speaker in a role."""

    model_config = _CONFIG
    speaker: PId
    role: Role = "presenter"


class PRoom(pydantic.BaseModel):
    """A room."""

    model_config = _CONFIG
    id: PId
    name: PText
    capacity: PCount | None = None
    opening_hours: tuple[PSlot, ...] = ()
    parallel: bool = False
    source_ids: tuple[PSourceId, ...] = ()


class PSpeaker(pydantic.BaseModel):
    """A speaker."""

    model_config = _CONFIG
    id: PId
    name: PText
    honorific: PText | None = None
    position: PText | None = None
    organization: PId | None = None
    country: PCountry | None = None
    links: tuple[PUrl, ...] = ()
    bio: PText | None = None
    availability: tuple[PSlot, ...] = ()
    group: bool = False
    source_ids: tuple[PSourceId, ...] = ()


class _PTrack(pydantic.BaseModel):
    model_config = _CONFIG
    kind: str
    id: PId
    title: PText
    sector: PText | None = None
    chair: PId | None = None
    abstract: PText | None = None
    sequential: bool = False
    source_ids: tuple[PSourceId, ...] = ()


class PTrack(_PTrack):
    """A track."""

    kind: Literal["track"]


class PWorkshopTrack(_PTrack):
    """A workshop track: sequential unless it says otherwise."""

    kind: Literal["workshop"]
    sequential: bool = True


class _PSession(pydantic.BaseModel):
    model_config = _CONFIG
    kind: str
    id: PId
    title: PText
    title_assumed: bool = False
    abstract: PText | None = None
    language: PTag | None = None
    slot: PSlot | None = None
    room: PId | None = None
    track: PId | None = None
    participants: tuple[PParticipant, ...] = ()
    status: Status = "scheduled"
    expected_attendance: PCount | None = None
    subtitle: PText | None = None
    description: PText | None = None
    markup: Markup = "plain"
    label: PPlain | None = None
    url: PUrl | None = None
    links: tuple[PLink, ...] = ()
    attachments: tuple[PLink, ...] = ()
    tags: tuple[PPlain, ...] = ()
    do_not_record: bool = False
    recording_licence: PPlain | None = None
    online_url: PUrl | None = None
    parent: PId | None = None
    series: PId | None = None
    source_ids: tuple[PSourceId, ...] = ()

    @pydantic.model_validator(mode="after")
    def _session_rules(self) -> Self:
        rules.check_session(self.kind, self.id, self.parent, self.participants)
        return self


class PKeynote(_PSession):
    """A keynote."""

    kind: Literal["keynote"]


class PPanel(_PSession):
    """A panel: no moderator is also a panelist."""

    kind: Literal["panel"]


class PTalk(_PSession):
    """A talk."""

    kind: Literal["talk"]


class PWorkshopSession(_PSession):
    """A workshop session."""

    kind: Literal["workshop"]


class PBreak(_PSession):
    """A break: no participants."""

    kind: Literal["break"]


class PCeremony(_PSession):
    """A ceremony."""

    kind: Literal["ceremony"]


PSession = Annotated[
    PKeynote | PPanel | PTalk | PWorkshopSession | PBreak | PCeremony,
    pydantic.Field(discriminator="kind"),
]
PAnyTrack = Annotated[PTrack | PWorkshopTrack, pydantic.Field(discriminator="kind")]


class PSummit(pydantic.BaseModel):
    """A summit: days, unique ids, references, parents and day windows checked."""

    model_config = _CONFIG
    format: Literal[2]
    id: PId
    name: PText
    first_day: PDay
    last_day: PDay
    timezone: PZone = rules.DUBAI
    day_windows: tuple[PSlot, ...] = ()
    rooms: tuple[PRoom, ...] = ()
    organizations: tuple[POrganization, ...] = ()
    speakers: tuple[PSpeaker, ...] = ()
    tracks: tuple[PAnyTrack, ...] = ()
    sessions: tuple[PSession, ...] = ()

    @pydantic.model_validator(mode="after")
    def _summit_rules(self) -> Self:
        rules.check_summit(self)
        return self


def pydantic_loads(text: str) -> PSummit:
    """The summit *text* holds, checked."""
    with rules.per_document():
        return PSummit.model_validate_json(text)


def pydantic_dumps(summit: PSummit) -> str:
    """The summit as the format writes it: fields equal to their default left out."""
    with rules.per_document():
        return summit.model_dump_json(exclude_defaults=True)


# -- msgspec -------------------------------------------------------------------------


class Instant(dt.datetime):
    """An aware datetime read from and written as an RFC 9557 instant (via the hooks)."""

    __slots__ = ()


class Text(dict[str, str]):
    """Text by language tag (read and checked by the decoding hook)."""

    __slots__ = ()


class Plain(str):
    """Text in no particular language (read and checked by the decoding hook)."""

    __slots__ = ()


MId = Annotated[str, msgspec.Meta(pattern=rules.ID_PATTERN)]
MCount = Annotated[int, msgspec.Meta(gt=0)]
MUrl = Annotated[str, msgspec.Meta(pattern=rules.URL_PATTERN)]
# msgspec searches with Python's re, in which "$" also matches before a final newline.
MCountry = Annotated[str, msgspec.Meta(pattern=f"^(?:{rules.COUNTRY_PATTERN})\\Z")]


def _decode(kind: type, value: Any) -> Any:  # noqa: ANN401  # msgspec's hook
    if kind is Instant:
        return rules.instant(value, Instant)
    if kind is Text:
        return Text(rules.localized_text(value))
    if kind is Plain:
        return Plain(rules.text(value))
    if kind is ZoneInfo:
        return rules.zone(value)
    raise NotImplementedError(kind)


def _encode(value: Any) -> Any:  # noqa: ANN401  # msgspec's hook
    if isinstance(value, Instant):
        return rules.instant_text(value)
    if isinstance(value, ZoneInfo):
        return value.key
    if isinstance(value, Text):
        return dict(value)
    if isinstance(value, Plain):
        return str(value)
    raise NotImplementedError(type(value))


class _Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class MSlot(_Struct, frozen=True):
    """A time slot."""

    start: Instant
    end: Instant
    start_estimated: bool = False
    end_estimated: bool = False

    def __post_init__(self) -> None:
        rules.check_slot(self.start, self.end)


class MSourceId(_Struct, frozen=True):
    """The id another system gave a value."""

    system: MId
    id: MId


class MLink(_Struct, frozen=True):
    """A web page or file about a session."""

    url: MUrl
    title: Plain | None = None
    kind: Plain | None = None


class MOrganization(_Struct, frozen=True):
    """An organization."""

    id: MId
    name: Text
    country: MCountry | None = None
    url: MUrl | None = None


class MParticipant(_Struct, frozen=True):
    """A speaker in a role."""

    speaker: MId
    role: Role = "presenter"


class MRoom(_Struct, frozen=True):
    """A room."""

    id: MId
    name: Text
    capacity: MCount | None = None
    opening_hours: tuple[MSlot, ...] = ()
    parallel: bool = False
    source_ids: tuple[MSourceId, ...] = ()


class MSpeaker(_Struct, frozen=True):
    """A speaker."""

    id: MId
    name: Text
    honorific: Text | None = None
    position: Text | None = None
    organization: MId | None = None
    country: MCountry | None = None
    links: tuple[MUrl, ...] = ()
    bio: Text | None = None
    availability: tuple[MSlot, ...] = ()
    group: bool = False
    source_ids: tuple[MSourceId, ...] = ()


class MTrack(_Struct, tag_field="kind", tag="track", frozen=True):
    """A track."""

    id: MId
    title: Text
    sector: Text | None = None
    chair: MId | None = None
    abstract: Text | None = None
    sequential: bool = False
    source_ids: tuple[MSourceId, ...] = ()


class MWorkshopTrack(_Struct, tag_field="kind", tag="workshop", frozen=True):
    """A workshop track: sequential unless it says otherwise."""

    id: MId
    title: Text
    sector: Text | None = None
    chair: MId | None = None
    abstract: Text | None = None
    sequential: bool = True
    source_ids: tuple[MSourceId, ...] = ()


class _MSession(_Struct, tag_field="kind", frozen=True):
    kind: ClassVar[str]
    id: MId
    title: Text
    title_assumed: bool = False
    abstract: Text | None = None
    language: str | None = None
    slot: MSlot | None = None
    room: MId | None = None
    track: MId | None = None
    participants: tuple[MParticipant, ...] = ()
    status: Status = "scheduled"
    expected_attendance: MCount | None = None
    subtitle: Text | None = None
    description: Text | None = None
    markup: Markup = "plain"
    label: Plain | None = None
    url: MUrl | None = None
    links: tuple[MLink, ...] = ()
    attachments: tuple[MLink, ...] = ()
    tags: tuple[Plain, ...] = ()
    do_not_record: bool = False
    recording_licence: Plain | None = None
    online_url: MUrl | None = None
    parent: MId | None = None
    series: MId | None = None
    source_ids: tuple[MSourceId, ...] = ()

    def __post_init__(self) -> None:
        if self.language is not None:
            msgspec.structs.force_setattr(self, "language", rules.language_tag(self.language))
        rules.check_session(self.kind, self.id, self.parent, self.participants)


class MKeynote(_MSession, tag="keynote", frozen=True):
    """A keynote."""

    kind: ClassVar[str] = "keynote"


class MPanel(_MSession, tag="panel", frozen=True):
    """A panel: no moderator is also a panelist."""

    kind: ClassVar[str] = "panel"


class MTalk(_MSession, tag="talk", frozen=True):
    """A talk."""

    kind: ClassVar[str] = "talk"


class MWorkshopSession(_MSession, tag="workshop", frozen=True):
    """A workshop session."""

    kind: ClassVar[str] = "workshop"


class MBreak(_MSession, tag="break", frozen=True):
    """A break: no participants."""

    kind: ClassVar[str] = "break"


class MCeremony(_MSession, tag="ceremony", frozen=True):
    """A ceremony."""

    kind: ClassVar[str] = "ceremony"


MSession = MKeynote | MPanel | MTalk | MWorkshopSession | MBreak | MCeremony


class MSummit(_Struct, frozen=True):
    """A summit: days, unique ids, references, parents and day windows checked."""

    format: Literal[2]
    id: MId
    name: Text
    first_day: dt.date
    last_day: dt.date
    timezone: ZoneInfo = rules.DUBAI
    day_windows: tuple[MSlot, ...] = ()
    rooms: tuple[MRoom, ...] = ()
    organizations: tuple[MOrganization, ...] = ()
    speakers: tuple[MSpeaker, ...] = ()
    tracks: tuple[MTrack | MWorkshopTrack, ...] = ()
    sessions: tuple[MSession, ...] = ()

    def __post_init__(self) -> None:
        rules.in_summit_years(self.first_day)
        rules.in_summit_years(self.last_day)
        rules.check_summit(self)


_DECODER = msgspec.json.Decoder(MSummit, dec_hook=_decode)
_ENCODER = msgspec.json.Encoder(enc_hook=_encode)


def msgspec_loads(text: str) -> MSummit:
    """The summit *text* holds, checked."""
    with rules.per_document():
        return _DECODER.decode(text)


def msgspec_dumps(summit: MSummit) -> str:
    """The summit as the format writes it: fields equal to their default left out."""
    with rules.per_document():
        return _ENCODER.encode(summit).decode("utf-8")
