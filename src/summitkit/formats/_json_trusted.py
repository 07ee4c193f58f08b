"""The JSON reader's fast path: values built once, through trusted constructors.

The checked path (cattrs' generated functions, then each class's own
``__init__`` with every validator) checks most things twice: the hooks refuse
what is not JSON's own type or the format's grammar, and the model checks the
same values again.  This path builds the values the programme is made of
(sessions, their slots, participants and text, speakers) with
:func:`object.__new__` and :func:`object.__setattr__`, making each check
once; the summit itself is still built by its own constructor, which checks
every rule between values (unique ids, references, parents, roles, days).

It never words an error.  Anything it does not handle (a field it leaves to
the checked path, a type other than JSON's own) sends that value to the
checked path's hook, and any problem at all raises, after which the reader
reads the whole document again on the checked path, which alone says what is
wrong and where.  So for bad input the errors are the checked path's; what
this module must guarantee is that it accepts only what the checked path
accepts and builds values equal to the ones it builds.  Each builder below
says which check of the constructor it skips and what makes that check.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

import attrs
import cattrs

from summitkit._people import Participant, Role, Speaker
from summitkit._sessions import SESSION_KINDS, Session, Status
from summitkit._summit import Summit
from summitkit._text import MAX_TAG_LENGTH, LocalizedText, canonical_language_tag, checked_text
from summitkit._time import TimeSlot, trusted_slot
from summitkit._validators import ID_PATTERN
from summitkit.formats import _grammar as grammar

__all__ = ["Hooks", "TrustedReader", "Untrusted"]

_ID = re.compile(ID_PATTERN)
_TAG = re.compile(grammar.LANGUAGE_TAG)
_UTC = dt.timezone.utc
_new = object.__new__
_set = object.__setattr__

_V = TypeVar("_V")
_C = TypeVar("_C")
_ROLES = {role.value: role for role in Role}
_STATUSES = {status.value: status for status in Status}


class Untrusted(Exception):  # noqa: N818  # control flow, never seen outside the reader
    """The fast path leaves the document to the checked path."""


def _defaults(cls: type[Any]) -> dict[str, Any]:
    """The fields of *cls* with their plain defaults (a factory's is worked out per value)."""
    return {
        field.name: field.default
        for field in attrs.fields(cls)
        if field.default is not attrs.NOTHING and not isinstance(field.default, _FACTORY)
    }


# attrs.Factory is a class at run time, an overloaded function to the type checkers.
_FACTORY: type[object] = type(cast("object", attrs.Factory(str)))


def _builder(cls: type[_C]) -> Callable[[dict[str, Any]], _C]:
    """A function that builds an instance of *cls* from every field's value, checking nothing.

    Each field is set through its slot's own descriptor, as a frozen class's
    ``__init__`` sets it (measured: twice as fast as ``object.__setattr__``).
    """
    setters: list[tuple[Callable[[object, object], None], str]] = []
    for field in attrs.fields(cast("Any", cls)):
        slot = next(
            (klass.__dict__[field.name] for klass in cls.__mro__ if field.name in klass.__dict__),
            None,
        )
        if isinstance(slot, types.MemberDescriptorType):
            setters.append((slot.__set__, field.name))
        else:  # pragma: no cover - every model class has slots
            setters.append((functools.partial(_set_named, field.name), field.name))

    def build(values: dict[str, Any]) -> _C:
        built = _new(cls)
        for setter, name in setters:
            setter(built, values[name])
        return built

    return build


def _set_named(name: str, instance: object, value: object) -> None:
    _set(instance, name, value)


def _identifier(value: object) -> str:
    # Skips `identifier` (a str matching ID_PATTERN), checked here; the
    # checked path's hook accepts a str subclass too, left to it.
    if type(value) is str and _ID.fullmatch(value):
        return value
    raise Untrusted


def _optional_identifier(value: object) -> str | None:
    return None if value is None else _identifier(value)


def _flag(value: object) -> bool:
    # Skips `instance_of(bool)`: JSON's true and false are the only bools.
    if type(value) is bool:
        return value
    raise Untrusted


def _text(value: Any) -> LocalizedText:  # noqa: ANN401  # any JSON value
    """LocalizedText, skipping its ``__init__``: the same checks, made once."""
    if type(value) is not dict or not value:
        raise Untrusted
    texts = cast("dict[object, object]", value)
    items: dict[str, str] = {}
    for tag, text in texts.items():
        canonical = _TAGS.get(tag)
        if canonical is None:
            canonical = _tag(tag)
        # As the hook: no carriage return; then LocalizedText's own text
        # check (NFC, visible, no controls), whose path is worded only when
        # it raises, and here it never is: the checked path words it.
        if type(text) is not str or "\r" in text:
            raise Untrusted
        items[canonical] = checked_text("", text)
    if len(items) != len(texts):  # two tags of one language, such as "iw" and "he"
        raise Untrusted
    built = _new(LocalizedText)
    _set(built, "_items", tuple(sorted(items.items())))
    return built


def _tag(tag: object) -> str:
    # As the hook: a tag in canonical case; then LocalizedText's own check
    # that it is well formed and registered.  Kept: the same few tags come
    # again and again.
    if type(tag) is not str or len(tag) > MAX_TAG_LENGTH or not _TAG.fullmatch(tag):
        raise Untrusted
    canonical = canonical_language_tag(tag, "")
    if len(_TAGS) < _MAX_TAGS:
        _TAGS[tag] = canonical
    return canonical


# Tags checked already, each with its canonical form; bounded, as a hostile
# document may hold many.
_TAGS: dict[object, str] = {}
_MAX_TAGS = 1024


def _member(members: Mapping[str, _V], value: object) -> _V:
    # Skips the enum converters and validators (`to_role` and `_role`, ...):
    # the member is looked up by its value, a str, as the hook reads it.
    if type(value) is str:
        found = members.get(value)
        if found is not None:
            return found
    raise Untrusted


def _optional_text(value: object) -> LocalizedText | None:
    return None if value is None else _text(value)


class Hooks:
    """What every reading on the fast path takes from the checked path, found once.

    Args:
        converter: The checked path's converter: its hooks read what the
            fast path leaves to them.
        instant: The checked path's hook for instants.
    """

    def __init__(
        self, converter: cattrs.BaseConverter, instant: Callable[[object, type], dt.datetime]
    ) -> None:
        self.instant = instant
        attrs.resolve_types(Summit)
        # Each other field of the summit as the checked path reads it: its
        # hook, and the type the hook is for.
        self.summit = {
            field.name: (converter.get_structure_hook(field.type), field.type)
            for field in attrs.fields(Summit)
            if field.name not in {"sessions", "speakers"}
        }
        self.session = converter.get_structure_hook(Session)
        self.speaker = converter.get_structure_hook(Speaker)
        self.session_defaults = {cls: _defaults(cls) for cls in SESSION_KINDS.values()}
        self.session_builders = {cls: _builder(cls) for cls in SESSION_KINDS.values()}
        self.speaker_defaults = _defaults(Speaker)
        self.build_speaker = _builder(Speaker)


class TrustedReader:
    """One reading of a current-format document on the fast path.

    Args:
        hooks: What it takes from the checked path.
    """

    def __init__(self, hooks: Hooks) -> None:
        self._instant = hooks.instant
        self._summit_hooks = hooks.summit
        self._session_hook = hooks.session
        self._speaker_hook = hooks.speaker
        self._session_defaults = hooks.session_defaults
        self._speaker_defaults = hooks.speaker_defaults
        self._session_builders = hooks.session_builders
        self._build_speaker = hooks.build_speaker
        self._session_readers: dict[str, Callable[[Any], object]] = {
            **_SESSION_READERS,
            "slot": self._optional_slot,
            "participants": self._participants,
        }
        # Instants come again and again (parallel sessions start together):
        # each text is read once per document.  A datetime is a value.
        self._instants: dict[object, tuple[dt.datetime, dt.datetime]] = {}
        self._slots: dict[tuple[object, object, bool, bool], TimeSlot] = {}

    def summit(self, fields: Mapping[str, object]) -> Summit:
        """The summit *fields* describe.

        Raises:
            Exception: Any exception at all: the document is then read on
                the checked path.
        """
        values: dict[str, Any] = {}
        hooks = self._summit_hooks
        for name, value in fields.items():
            if name == "sessions":
                values[name] = self._list(value, self._session)
            elif name == "speakers":
                values[name] = self._list(value, self._speaker)
            else:
                hook, kind = hooks[name]  # KeyError: an unknown field
                values[name] = hook(value, kind)
        # The summit's own constructor: every rule between values is checked there.
        return Summit(**values)

    @staticmethod
    def _list(value: Any, build: Callable[[Any], Any]) -> tuple[Any, ...]:  # noqa: ANN401
        # A JSON array, as the standard library or orjson gives it; any other
        # sequence is the checked path's to read, as any mapping other than a dict.
        if type(value) is not list:
            raise Untrusted
        members = cast("list[object]", value)
        return tuple(map(build, members))

    def _read_instant(self, value: object) -> tuple[dt.datetime, dt.datetime]:
        """The instant *value* writes, and the same instant in UTC."""
        if type(value) is not str:
            raise Untrusted
        known = self._instants.get(value)
        if known is None:
            moment = self._instant(value, dt.datetime)
            known = self._instants[value] = (moment, moment.astimezone(_UTC))
        return known

    def _slot(self, value: Any) -> TimeSlot:  # noqa: ANN401  # any JSON value
        """A TimeSlot, skipping its ``__init__``.

        Skipped, and made by the instant hook: `aware_datetime` (an aware
        datetime whose zone is an IANA ZoneInfo or a fixed offset, at a wall
        time that exists: a fixed offset's always does, and an instant shown
        in a zone with astimezone is one the zone's clocks show) and the
        years 2 to 9998 (the grammar's years, as written; the hook has
        checked that the offset written is the zone's, so the wall time
        shown is the one written).  Made here: the flags are bools, and the
        end is after the start, in UTC, which is the cached ``utc_bounds``.

        Parallel sessions share their slot: a slot written again is the
        value read the first time (a slot is a value).
        """
        if type(value) is not dict:
            raise Untrusted
        fields = cast("dict[str, Any]", value)
        start = end = None
        start_estimated = end_estimated = False
        for name, item in fields.items():
            if name == "start":
                start = item
            elif name == "end":
                end = item
            elif name == "start_estimated":
                start_estimated = _flag(item)
            elif name == "end_estimated":
                end_estimated = _flag(item)
            else:
                raise Untrusted
        key = (start, end, start_estimated, end_estimated)
        known = self._slots.get(key)  # TypeError for a start or end that is no str
        if known is not None:
            return known
        (start_at, start_utc), (end_at, end_utc) = (
            self._read_instant(start),
            self._read_instant(end),
        )
        if end_utc <= start_utc:
            raise Untrusted
        slot = trusted_slot(
            start_at,
            end_at,
            (start_utc, end_utc),
            start_estimated=start_estimated,
            end_estimated=end_estimated,
        )
        self._slots[key] = slot
        return slot

    @staticmethod
    def _participant(value: Any) -> Participant:  # noqa: ANN401  # any JSON value
        """A Participant, skipping its ``__init__``.

        Made here: `identifier` on the speaker, `to_role` and `_role` (the
        role is looked up by its value), `instance_of(bool)` on blocking,
        whose default is worked out from the role as the factory does.
        """
        if type(value) is not dict:
            raise Untrusted
        fields = cast("dict[str, Any]", value)
        speaker = role = blocking = None
        for name, item in fields.items():
            if name == "speaker":
                speaker = _identifier(item)
            elif name == "role":
                role = _member(_ROLES, item)
            elif name == "blocking":
                blocking = _flag(item)
            else:
                raise Untrusted
        if speaker is None:
            raise Untrusted
        if role is None:
            role = Role.PRESENTER
        built = _new(Participant)
        _set(built, "speaker", speaker)
        _set(built, "role", role)
        _set(built, "blocking", role is not Role.AUTHOR if blocking is None else blocking)
        return built

    def _optional_slot(self, value: Any) -> TimeSlot | None:  # noqa: ANN401  # any JSON value
        return None if value is None else self._slot(value)

    def _participants(self, value: Any) -> tuple[Participant, ...]:  # noqa: ANN401
        return self._list(value, self._participant)

    def _session(self, value: Any) -> Session:  # noqa: ANN401  # any JSON value
        """A session, skipping its fields' converters and validators.

        The fields in ``self._session_readers`` are made there (each reader
        says how); a session with any other field is read whole by the
        checked path's hook.  Its ``__attrs_post_init__`` still runs: the
        checks between its fields (each speaker once per role, not its own
        parent, a panel's moderator, a break's participants).
        """
        if type(value) is not dict:
            raise Untrusted
        fields = cast("dict[str, Any]", value)
        cls = _member(SESSION_KINDS, fields.get("kind"))
        values = dict(self._session_defaults[cls])
        readers = self._session_readers
        for name, item in fields.items():
            read = readers.get(name)
            if read is not None:
                values[name] = read(item)
            elif name != "kind":
                return self._session_hook(value, Session)  # type: ignore[no-any-return]
        # Required, so never None: an explicit null is the checked path's to refuse.
        if values.get("id") is None or values.get("title") is None:
            raise Untrusted
        session = self._session_builders[cls](values)
        session.__attrs_post_init__()
        return session

    def _speaker(self, value: Any) -> Speaker:  # noqa: ANN401  # any JSON value
        """A speaker, skipping its fields' converters and validators, as :meth:`_session`."""
        if type(value) is not dict:
            raise Untrusted
        fields = cast("dict[str, Any]", value)
        values = dict(self._speaker_defaults)
        for name, item in fields.items():
            read = _SPEAKER_READERS.get(name)
            if read is None:
                return self._speaker_hook(value, Speaker)  # type: ignore[no-any-return]
            values[name] = read(item)
        if values.get("id") is None or values.get("name") is None:
            raise Untrusted
        return self._build_speaker(values)


def _language(value: object) -> str | None:
    # As the hook: a tag in canonical case; then the session's converter
    # (its current form, "iw" is "he") and validator (well formed and
    # registered), which are one check: canonical_language_tag, in _tag.
    if value is None:
        return None
    canonical = _TAGS.get(value)
    return _tag(value) if canonical is None else canonical


def _status(value: object) -> Status:
    return _member(_STATUSES, value)


# The fields the fast path reads itself, each with its reader; a session or
# speaker with any other field is read by the checked path's hook.
_SESSION_READERS: dict[str, Callable[[Any], object]] = {
    **dict.fromkeys(("id", "room", "track", "parent", "series"), _optional_identifier),
    **dict.fromkeys(("title", "abstract", "subtitle", "description"), _optional_text),
    **dict.fromkeys(("title_assumed", "do_not_record"), _flag),
    "status": _status,
    "language": _language,
}
_SPEAKER_READERS: dict[str, Callable[[Any], object]] = {
    **dict.fromkeys(("name", "honorific", "position", "bio"), _optional_text),
    **dict.fromkeys(("id", "organization"), _optional_identifier),
    "group": _flag,
}
