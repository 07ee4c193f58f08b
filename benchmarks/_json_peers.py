"""Fair peers of summitkit's JSON format: pydantic v2 models and msgspec structs.

Both read and write the document shape of ``json_format.py`` (a summit with
its days, zone, day windows, rooms, speakers, tracks and sessions of every
kind) and check what summitkit's model checks for it; ``json_format.py``
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


class PSpeaker(pydantic.BaseModel):
    """A speaker."""

    model_config = _CONFIG
    id: PId
    name: PText


class _PTrack(pydantic.BaseModel):
    model_config = _CONFIG
    kind: str
    id: PId
    title: PText
    chair: PId | None = None


class PTrack(_PTrack):
    """A track."""

    kind: Literal["track"]


class PWorkshopTrack(_PTrack):
    """A workshop track."""

    kind: Literal["workshop"]


class _PSession(pydantic.BaseModel):
    model_config = _CONFIG
    kind: str
    id: PId
    title: PText
    abstract: PText | None = None
    language: PTag | None = None
    slot: PSlot | None = None
    room: PId | None = None
    track: PId | None = None
    participants: tuple[PParticipant, ...] = ()
    status: Status = "scheduled"
    parent: PId | None = None

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
    speakers: tuple[PSpeaker, ...] = ()
    tracks: tuple[PAnyTrack, ...] = ()
    sessions: tuple[PSession, ...] = ()

    @pydantic.model_validator(mode="after")
    def _summit_rules(self) -> Self:
        rules.check_summit(self)
        return self


def pydantic_loads(text: str) -> PSummit:
    """The summit *text* holds, checked."""
    return PSummit.model_validate_json(text)


def pydantic_dumps(summit: PSummit) -> str:
    """The summit as the format writes it: fields equal to their default left out."""
    return summit.model_dump_json(exclude_defaults=True)


# -- msgspec -------------------------------------------------------------------------


class Instant(dt.datetime):
    """An aware datetime read from and written as an RFC 9557 instant (via the hooks)."""

    __slots__ = ()


class Text(dict[str, str]):
    """Text by language tag (read and checked by the decoding hook)."""

    __slots__ = ()


MId = Annotated[str, msgspec.Meta(pattern=rules.ID_PATTERN)]
MCount = Annotated[int, msgspec.Meta(gt=0)]


def _decode(kind: type, value: Any) -> Any:  # noqa: ANN401  # msgspec's hook
    if kind is Instant:
        return rules.instant(value, Instant)
    if kind is Text:
        return Text(rules.localized_text(value))
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


class MParticipant(_Struct, frozen=True):
    """A speaker in a role."""

    speaker: MId
    role: Role = "presenter"


class MRoom(_Struct, frozen=True):
    """A room."""

    id: MId
    name: Text
    capacity: MCount | None = None


class MSpeaker(_Struct, frozen=True):
    """A speaker."""

    id: MId
    name: Text


class MTrack(_Struct, tag_field="kind", tag="track", frozen=True):
    """A track."""

    id: MId
    title: Text
    chair: MId | None = None


class MWorkshopTrack(MTrack, tag="workshop", frozen=True):
    """A workshop track."""


class _MSession(_Struct, tag_field="kind", frozen=True):
    kind: ClassVar[str]
    id: MId
    title: Text
    abstract: Text | None = None
    language: str | None = None
    slot: MSlot | None = None
    room: MId | None = None
    track: MId | None = None
    participants: tuple[MParticipant, ...] = ()
    status: Status = "scheduled"
    parent: MId | None = None

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
    return _DECODER.decode(text)


def msgspec_dumps(summit: MSummit) -> str:
    """The summit as the format writes it: fields equal to their default left out."""
    return _ENCODER.encode(summit).decode("utf-8")
