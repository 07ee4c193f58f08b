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
import itertools
import linecache
import re
import types
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

import attrs
import cattrs

from summitkit._people import Participant, Role, Speaker
from summitkit._sessions import SESSION_KINDS, Session, Status
from summitkit._summit import Summit
from summitkit._text import MAX_TAG_LENGTH, LocalizedText, canonical_language_tag
from summitkit._time import TimeSlot, trusted_slot
from summitkit._validators import ID_PATTERN
from summitkit.formats import _grammar as grammar

__all__ = ["Hooks", "TrustedReader", "Untrusted"]

_ID = re.compile(ID_PATTERN)
_TAG = re.compile(grammar.LANGUAGE_TAG)
_TEXT = re.compile(grammar.TEXT).fullmatch
_nfc = unicodedata.normalize
_UTC = dt.timezone.utc
_new = object.__new__
_set = object.__setattr__

_V = TypeVar("_V")
_C = TypeVar("_C")
_ROLES = {role.value: role for role in Role}
_BOUNDS = frozenset(("start", "end"))
_STATUSES = {status.value: status for status in Status}


class Untrusted(Exception):  # noqa: N818  # control flow, never seen outside the reader
    """The fast path leaves the document to the checked path."""


# attrs.Factory is a class at run time, an overloaded function to the type checkers.
_FACTORY: type[object] = type(cast("object", attrs.Factory(str)))
_ABSENT = object()
_NUMBER = itertools.count()


def _slot_setter(cls: type[Any], name: str) -> Callable[[object, object], None]:
    """The function setting field *name* of an instance of *cls*, as a frozen ``__init__`` does.

    The slot's own descriptor when there is one (measured: twice as fast as
    ``object.__setattr__``).
    """
    slot = next((klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__), None)
    if isinstance(slot, types.MemberDescriptorType):
        return slot.__set__
    return functools.partial(_set_named, name)  # pragma: no cover - every model class has slots


def _set_named(name: str, instance: object, value: object) -> None:
    _set(instance, name, value)


# How the generated readers read a field's JSON value ``v`` into ``x_<name>``,
# by the field's kind: the checks of the readers of the same name below,
# written out (measured: their calls cost 1-6% of reading the benchmark's
# document), or a call of the per-document reader ``R_<name>``.
_READ = {
    "identifier": [  # _identifier, or null
        "if v is not None and (type(v) is not str or ID(v) is None):",
        "    raise Untrusted",
        "x_{name} = v",
    ],
    "text": ["x_{name} = None if v is None else TEXT(v)"],  # _text, or null
    "flag": ["if type(v) is not bool:", "    raise Untrusted", "x_{name} = v"],  # _flag
    "optional": ["x_{name} = None if v is None else R_{name}(v)"],
    "list": [  # TrustedReader._list
        "if type(v) is not list:",
        "    raise Untrusted",
        "x_{name} = tuple(map(R_{name}, v))",
    ],
    "reader": ["x_{name} = R_{name}(v)"],
}


def _object_reader(
    cls: type[_C], read: Mapping[str, str], *, tag: bool, post_init: bool
) -> Callable[..., Callable[[dict[str, Any]], _C | None]]:
    """A function making a reader of *cls* from a JSON object, with no check of its own.

    The reader is generated for the class: one straight line per field, no
    dictionary of values, each slot set by its descriptor (measured: 5% less
    time reading the benchmark's document than a loop over the fields).  Made per
    document: ``make(readers)``, with *readers* mapping the name of each
    field read by a reader of its own (kinds ``"optional"``, ``"list"`` and
    ``"reader"``) to a function checking and converting a JSON value.

    The reader takes a ``dict`` and returns the instance, or None when the
    object has a field not in *read* (the checked path's hook reads it then);
    it raises :class:`Untrusted` for a field without a plain default that
    is missing or null.  Fields not in *read* are given their defaults.

    Args:
        cls: The class.
        read: The fields read, each with its kind, a key of ``_READ``.
        tag: Whether the object holds a ``"kind"`` key, read by the caller.
        post_init: Whether to run the class's ``__attrs_post_init__``.
    """
    scope: dict[str, Any] = {
        "Untrusted": Untrusted,
        "ABSENT": _ABSENT,
        "NEW": _new,
        "CLS": cls,
        "ID": _ID.fullmatch,
        "TEXT": _text,
    }
    takes = ["    def read(f):", "        g = f.get", f"        n = {int(tag)}"]
    sets = ["        o = NEW(CLS)"]
    required: list[str] = []
    for field in attrs.fields(cast("Any", cls)):
        name, default = field.name, field.default
        scope[f"S_{name}"] = _slot_setter(cls, name)
        plain = default is not attrs.NOTHING and not isinstance(default, _FACTORY)
        if plain:
            scope[f"D_{name}"] = default
        if name in read:
            missing = f"x_{name} = D_{name}" if plain else "raise Untrusted"
            takes += [
                f"        v = g({name!r}, ABSENT)",
                "        if v is ABSENT:",
                f"            {missing}",
                "        else:",
                "            n += 1",
                *(f"            {line.format(name=name)}" for line in _READ[read[name]]),
            ]
            if not plain:
                required.append(f"x_{name} is None")
            sets.append(f"        S_{name}(o, x_{name})")
        elif plain:
            sets.append(f"        S_{name}(o, D_{name})")
        else:  # pragma: no cover - every field read by default has a plain default
            sets.insert(0, "        raise Untrusted")
    checks = ["        if n != len(f):", "            return None"]
    if required:  # a required field given as null: the checked path's to refuse
        checks += [f"        if {' or '.join(required)}:", "            raise Untrusted"]
    if post_init:
        scope["POST"] = cls.__attrs_post_init__  # type: ignore[attr-defined]  # a model class with one
        sets.append("        POST(o)")
    names = sorted(name for name, kind in read.items() if kind in {"optional", "list", "reader"})
    source = "\n".join(
        [
            "def make(readers):",
            *(f"    R_{name} = readers[{name!r}]" for name in names),
            *takes,
            *checks,
            *sets,
            "        return o",
            "    return read",
        ]
    )
    filename = f"<summitkit JSON reader {cls.__qualname__} {next(_NUMBER)}>"
    # The source is kept where tracebacks and debuggers look for it.
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), scope)  # noqa: S102  # source generated above from field names
    make: Callable[..., Callable[[dict[str, Any]], _C | None]] = scope["make"]
    return make


_SET_SPEAKER = _slot_setter(Participant, "speaker")
_SET_ROLE = _slot_setter(Participant, "role")
_SET_BLOCKING = _slot_setter(Participant, "blocking")
_SET_TEXTS = _slot_setter(LocalizedText, "_items")


def _identifier(value: object) -> str:
    # Skips `identifier` (a str matching ID_PATTERN), checked here; the
    # checked path's hook accepts a str subclass too, left to it.
    if type(value) is str and _ID.fullmatch(value):
        return value
    raise Untrusted


def _flag(value: object) -> bool:
    # Skips `instance_of(bool)`: JSON's true and false are the only bools.
    if type(value) is bool:
        return value
    raise Untrusted


def _text(value: Any) -> LocalizedText:  # noqa: ANN401  # any JSON value
    """LocalizedText, skipping its ``__init__``: the same checks, made once."""
    # Typed by annotation, not cast: a call each, in the hot loops below.
    texts: dict[object, object] = value
    if type(texts) is not dict or not texts:
        raise Untrusted
    items: dict[str, str] = {}
    for tag, text in texts.items():
        canonical = _TAGS.get(tag)
        if canonical is None:
            canonical = _tag(tag)
        # As the hook: no carriage return; then LocalizedText's own text
        # check (`checked_text`: in NFC, something visible, no control, bidi
        # control or lone surrogate), as the format's grammar states it: one
        # match instead of the check's two searches and its call (measured:
        # 3% of reading the benchmark's document).  The checked path words
        # what is wrong.
        if type(text) is not str or "\r" in text:
            raise Untrusted
        normalized = _nfc("NFC", text)
        if _TEXT(normalized) is None:
            raise Untrusted
        items[canonical] = normalized
    if len(items) != len(texts):  # two tags of one language, such as "iw" and "he"
        raise Untrusted
    built = _new(LocalizedText)
    _SET_TEXTS(built, tuple(sorted(items.items())))
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
        self.session_readers = {
            kind: _object_reader(cls, _SESSION_FIELDS, tag=True, post_init=True)
            for kind, cls in SESSION_KINDS.items()
        }
        self.speaker_reader = _object_reader(Speaker, _SPEAKER_FIELDS, tag=False, post_init=False)


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
        session_readers = {
            "status": _status,
            "language": _language,
            "slot": self._slot,
            "participants": self._participant,
        }
        self._session_readers = {
            kind: make(session_readers) for kind, make in hooks.session_readers.items()
        }
        self._read_speaker = hooks.speaker_reader({})
        # Instants come again and again (parallel sessions start together):
        # each text is read once per document.  A datetime is a value.
        self._instants: dict[object, tuple[dt.datetime, dt.datetime]] = {}
        self._slots: dict[tuple[object, object, bool, bool], TimeSlot] = {}
        self._participants_read: dict[tuple[object, object, int], Participant] = {}

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
        members: list[object] = value
        if type(members) is not list:
            raise Untrusted
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
        fields: dict[str, Any] = value
        if type(fields) is not dict:
            raise Untrusted
        start, end = fields.get("start"), fields.get("end")
        start_estimated = end_estimated = False
        # Most slots are a start and an end alone: then there is no flag to
        # look for (and a start or end missing is None, refused below).
        if len(fields) != 2:  # the start and the end
            for name, item in fields.items():
                if name == "start_estimated":
                    start_estimated = _flag(item)
                elif name == "end_estimated":
                    end_estimated = _flag(item)
                elif name not in _BOUNDS:
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

    def _participant(self, value: Any) -> Participant:  # noqa: ANN401  # any JSON value
        """A Participant, skipping its ``__init__``.

        Made here: `identifier` on the speaker, `to_role` and `_role` (the
        role is looked up by its value), `instance_of(bool)` on blocking,
        whose default is worked out from the role as the factory does.

        A speaker takes part in many sessions in one role: a participant
        written again without ``blocking`` is the value read the first time
        (a participant is a value).  Its key is the speaker, the role or
        None, and the number of fields: only an object of one field, the
        speaker, or of two, the speaker and a role, each a str, was kept
        under a key, so an object with ``blocking``, a role given as null or
        a field of another name never has the key of one kept.
        """
        fields: dict[str, Any] = value
        if type(fields) is not dict:
            raise Untrusted
        key = (fields.get("speaker"), fields.get("role"), len(fields))
        known = self._participants_read.get(key)  # TypeError if unhashable: the checked path's
        if known is not None:
            return known
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
        _SET_SPEAKER(built, speaker)
        _SET_ROLE(built, role)
        _SET_BLOCKING(built, role is not Role.AUTHOR if blocking is None else blocking)
        if blocking is None:
            self._participants_read[key] = built
        return built

    def _session(self, value: Any) -> Session:  # noqa: ANN401  # any JSON value
        """A session, skipping its fields' converters and validators.

        The fields in ``_SESSION_FIELDS`` are made as ``_READ`` says (each
        reader below says how); a session with any other field is read
        whole by the checked path's hook.  Its ``__attrs_post_init__``
        still runs: the checks between its fields (each speaker once per
        role, not its own parent, a panel's moderator, a break's participants).
        """
        fields: dict[str, Any] = value
        if type(fields) is not dict:
            raise Untrusted
        kind = fields.get("kind")  # as _member, without the call
        read = self._session_readers.get(kind) if type(kind) is str else None
        if read is None:
            raise Untrusted
        session = read(fields)
        if session is None:
            return self._session_hook(value, Session)  # type: ignore[no-any-return]
        return session

    def _speaker(self, value: Any) -> Speaker:  # noqa: ANN401  # any JSON value
        """A speaker, skipping its fields' converters and validators, as :meth:`_session`."""
        fields: dict[str, Any] = value
        if type(fields) is not dict:
            raise Untrusted
        speaker = self._read_speaker(fields)
        if speaker is None:
            return self._speaker_hook(value, Speaker)  # type: ignore[no-any-return]
        return speaker


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


# The fields the fast path reads itself, each with how (see `_READ`); a
# session or speaker with any other field is read by the checked path's hook.
_SESSION_FIELDS = {
    **dict.fromkeys(("id", "room", "track", "parent", "series"), "identifier"),
    **dict.fromkeys(("title", "abstract", "subtitle", "description"), "text"),
    **dict.fromkeys(("title_assumed", "do_not_record"), "flag"),
    "status": "reader",
    "language": "reader",
    "slot": "optional",
    "participants": "list",
}
_SPEAKER_FIELDS = {
    **dict.fromkeys(("name", "honorific", "position", "bio"), "text"),
    **dict.fromkeys(("id", "organization"), "identifier"),
    "group": "flag",
}
