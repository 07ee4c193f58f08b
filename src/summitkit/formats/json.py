"""Canonical JSON: summits written and read losslessly, with errors that point.

The document is an object whose first key is ``"format"`` (this module writes
format :data:`FORMAT_VERSION`, and reads it and every earlier one), followed
by the summit's fields in the order the model declares them.  Fields equal to
their default are left out, so hand-written documents stay short.  Instants
are ISO 8601 with their offset, followed, for an IANA zone, by the zone's name
in brackets as RFC 9557 writes it (``"2015-09-16T09:15:00+04:00[Asia/Dubai]"``):
the offset alone would turn Asia/Dubai into a fixed +04:00, and the name alone
could not say which reading of a repeated hour is meant.  Sessions and tracks
carry their kind in a ``"kind"`` key, written first.  Text holds no carriage
return: line ends are LF.  The same summit always gives the same text.

A document of an earlier format is first upgraded, as a plain JSON value, to
the shape of the current format, one version at a time, and then read as a
current document: the reader itself knows one format.  Format 2 added fields
and gave tracks a kind; format 1 had workshop tracks only, so the upgrade from
format 1 gives each track without a kind ``"kind": "workshop"`` (the steps
are in ``summitkit.formats._upgrades``).

Each value is checked once: the reader builds sessions, slots, participants,
speakers and their text from what it has checked itself, and the summit's
own constructor checks the rules between values.  A document with any
problem is read again with every constructor's own checks, so the errors and
their paths are those of the model.  The cyclic garbage collector, a switch
for the whole process, is paused while a document is read or written, and
left running or paused as it was.

>>> import summitkit as sk
>>> from summitkit.formats import json as skjson
>>> text = skjson.dumps(sk.examples.gsms2015())
>>> text[:40]
'{"format":2,"id":"gsms2015","name":{"ar"'
>>> skjson.loads(text) == sk.examples.gsms2015()
True
"""

from __future__ import annotations

import contextvars
import copy
import datetime as dt
import json
import operator
import os
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any, TypeVar, cast
from zoneinfo import ZoneInfo

import attrs
import cattrs
from cattrs.cols import list_structure_factory
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, override
from cattrs.strategies import configure_tagged_union

from summitkit._arguments import indent as check_indent
from summitkit._arguments import zone_named
from summitkit._gc import gc_paused
from summitkit._people import Role
from summitkit._sessions import (
    SESSION_KINDS,
    TRACK_KINDS,
    Markup,
    Session,
    Status,
    Track,
)
from summitkit._summit import Summit
from summitkit._text import LocalizedText, canonical_language_tag
from summitkit._time import zone_label
from summitkit._validators import describe
from summitkit._walltime import time_of_day
from summitkit.exceptions import FormatError, InvalidTypeError, ModelError
from summitkit.formats import _grammar as grammar
from summitkit.formats._json_problems import DocumentError as _DocumentError
from summitkit.formats._json_problems import problems as _problems
from summitkit.formats._json_trusted import Hooks, TrustedReader
from summitkit.formats._json_writer import (
    instant_texts,
    instant_to_text,
    is_model_class,
    list_writer,
    object_writer,
    optional_writer,
    tagged_family,
    tagged_writer,
)
from summitkit.formats._schema import NOT_IN_SCHEMA, PLAIN_TEXT_FIELDS, build_schema
from summitkit.formats._source import Target, parse_json, write_target
from summitkit.formats._upgrades import upgraded

__all__ = [
    "FORMAT_VERSION",
    "MAX_PROBLEMS",
    "NOT_IN_SCHEMA",
    "configure_converter",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "make_converter",
    "schema",
    "to_dict",
]

#: The version of the document format this module writes; it reads this one
#: and every earlier one.
FORMAT_VERSION = 2

#: The most problems a :class:`~summitkit.exceptions.FormatError` lists: a
#: document with more is not read further, so that a huge broken file costs
#: little time and memory.
MAX_PROBLEMS = 1000

E = TypeVar("E", bound=Enum)

# The form isoformat() writes, as the schema states it (see _grammar): extended
# ISO 8601 with a "T", an offset of +HH:MM (seconds where a zone's offset has
# them), and optionally an IANA zone in brackets.
_INSTANT = re.compile(grammar.INSTANT_PARTS)
_NAIVE_INSTANT = re.compile(grammar.NAIVE_INSTANT)
_DATE = re.compile(grammar.SUMMIT_DAY)
_TIME = re.compile(grammar.WALL_TIME)
_TAG = re.compile(grammar.LANGUAGE_TAG)


# -- hooks -------------------------------------------------------------------------


def _instant_from_text(value: object, _: type) -> dt.datetime:
    if not isinstance(value, str) or (match := _INSTANT.fullmatch(value)) is None:
        if isinstance(value, str) and _NAIVE_INSTANT.fullmatch(value):
            message = f"expected an offset such as +04:00 in {value!r}: a time without one is naive"
            raise _DocumentError(message)
        message = (
            "expected an ISO 8601 date and time in years 2 to 9998 with an offset, such as "
            f"'2015-09-16T09:15:00+04:00[Asia/Dubai]', got {describe(value)}"
        )
        raise _DocumentError(message)
    # fromisoformat reads exactly the form isoformat() writes, in C (dateutil's
    # isoparse took most of the time of `loads`, measured); the grammar has
    # already refused every text it could refuse.
    moment = dt.datetime.fromisoformat(match["iso"])
    if match["zone"] is None:
        return moment  # a fixed offset, as fromisoformat reads it
    try:
        zone = zone_named(match["zone"], name="zone")
    except ModelError as error:
        raise _DocumentError(error.problem) from None
    try:
        shown = moment.astimezone(zone)
    except OverflowError:
        message = f"{value!r} is too close to the limits of datetime to show in {zone.key}"
        raise _DocumentError(message) from None
    if shown.utcoffset() != moment.utcoffset():
        message = (
            f"the offset in {value!r} is not {zone.key}'s at that time "
            f"({shown.isoformat()}); fix the offset or the zone"
        )
        raise _DocumentError(message)
    # An instant shown in a zone always exists there; the model checks the rest.
    return shown


def _strict(kind: type, expected: str) -> Callable[[object, type], Any]:
    # cattrs' own hooks coerce (str(5), bool("false")); a document says what it means.
    def structure(value: object, _: type) -> Any:  # noqa: ANN401  # one hook per JSON type
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            message = f"expected {expected}, got {describe(value)}"
            raise _DocumentError(message)
        return value

    return structure


def _whole_number(value: object, _: type) -> int:
    # JSON has numbers, not integers: 4.0 is the number 4, as JSON Schema says.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        message = f"expected a whole number, got {describe(value)}"
        raise _DocumentError(message)
    return value


def _enum(enum: type[E], what: str) -> Callable[[object, type], E]:
    def structure(value: object, _: type) -> E:
        for member in enum:
            if member.value == value:
                return member
        allowed = ", ".join(repr(member.value) for member in enum)
        message = f"expected {what} ({allowed}), got {describe(value)}"
        raise _DocumentError(message)

    return structure


def _matching(
    pattern: re.Pattern[str], parse: Callable[[str], Any], expected: str
) -> Callable[[object, type], Any]:
    def structure(value: object, _: type) -> Any:  # noqa: ANN401  # a date or a time
        if isinstance(value, str) and pattern.fullmatch(value):
            return parse(value)  # the grammar refuses every text parse would
        message = f"expected {expected}, got {describe(value)}"
        raise _DocumentError(message)

    return structure


Hook = Callable[[object, Any], Any]


def _is_tuple_of(kind: Any) -> bool:  # noqa: ANN401  # any type annotation
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


# Marks the members of a list: a problem found in one counts toward MAX_PROBLEMS.
_COUNTED = "summitkit.formats.json: counted toward MAX_PROBLEMS"


def _is_counted(kind: Any) -> bool:  # noqa: ANN401  # any type annotation
    return typing.get_origin(kind) is Annotated and _COUNTED in kind.__metadata__


def _list(kind: Any, converter: cattrs.BaseConverter) -> Hook:  # noqa: ANN401  # any annotation
    # cattrs builds a tuple from any iterable, even a mapping's keys; a
    # document's collections are lists.  cattrs' own list hook reads the
    # members and groups their errors by index; it is given the members only
    # while the budget lasts, and each member counts its own problems.
    counted: Any = Annotated[typing.get_args(kind)[0], _COUNTED]
    structure_members = list_structure_factory(tuple[counted, ...], converter)

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if not isinstance(value, list):
            message = f"expected a list, got {describe(value)}"
            raise _DocumentError(message)
        budget = _BUDGET.get()
        items = cast("list[object]", value)
        return tuple(
            structure_members(items if budget is None else budget.until_spent(items), kind)
        )

    return structure


def _counted(kind: Any, converter: cattrs.BaseConverter) -> Hook:  # noqa: ANN401  # any annotation
    member, *metadata = typing.get_args(kind)
    own = tuple(item for item in metadata if item != _COUNTED)
    if own:  # a member annotated for itself, such as plain text
        annotated = (member, *own)
        member = Annotated[annotated]
    hook = converter.get_structure_hook(member)

    def structure(value: object, _: object) -> Any:  # noqa: ANN401  # a member of a list
        try:
            return hook(value, member)
        except Exception as error:
            budget = _BUDGET.get()
            if budget is not None:
                budget.left -= _count(error)
            raise

    return structure


def _count(error: BaseException) -> int:
    """How many problems *error* holds outside the lists in it, whose members counted theirs."""
    if isinstance(error, IterableValidationError):
        return 0
    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        return sum(_count(inner) for inner, _ in with_notes) + sum(map(_count, without))
    return 1


class _Budget:
    """How many more problems one reading collects before it stops."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def until_spent(self, items: list[object]) -> Iterator[object]:
        """The members of *items*, up to the one whose problems spend the budget."""
        for item in items:
            if self.left <= 0:
                return  # enough problems: the rest of the list is not read
            yield item


# Set for the length of one reading; hooks run inside cattrs' generated code,
# which passes nothing of ours down to them.
_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "summitkit_json_budget", default=None
)


def _is_optional(kind: Any) -> bool:  # noqa: ANN401  # any type annotation
    args = typing.get_args(kind)
    return len(args) == 2 and type(None) in args and typing.get_origin(kind) in _UNIONS


_UNIONS = (typing.Union, types.UnionType)


def _optional(kind: Any, converter: cattrs.BaseConverter) -> Hook:  # noqa: ANN401  # any annotation
    # cattrs' own hook finds the inner type's hook on every value; found once
    # here (measured: cattrs' own makes `loads` of the benchmark 2-3% slower).
    inner = next(arg for arg in typing.get_args(kind) if arg is not type(None))
    hook = converter.get_structure_hook(inner)

    def structure(value: object, _: object) -> Any:  # noqa: ANN401  # the inner type or None
        return None if value is None else hook(value, inner)

    return structure


def _object(cls: type[Any], converter: cattrs.BaseConverter) -> Hook:
    attrs.resolve_types(cls)
    overrides: dict[str, Any] = {}
    if issubclass(cls, Session):  # a document holds its language tag in canonical case
        overrides["language"] = override(struct_hook=_language_from_json)
    for field in attrs.fields(cls):
        plain = _as_plain_text(field.type) if field.name in PLAIN_TEXT_FIELDS else None
        if plain is not None:
            overrides[field.name] = override(struct_hook=converter.get_structure_hook(plain))
    structure_fields: Callable[[Mapping[str, object], Any], Any] = make_dict_structure_fn(
        cls, converter, **overrides
    )
    what = _OBJECT_NAMES.get(cls.__name__, cls.__name__)

    def structure(value: object, kind: Any) -> Any:  # noqa: ANN401  # an instance of cls
        # cattrs would fail inside its generated code on a list or a string
        # ("'list' object has no attribute 'keys'"); say it plainly.
        if not isinstance(value, Mapping):
            message = f"expected {what} object, got {describe(value)}"
            raise _DocumentError(message)
        return structure_fields(cast("Mapping[str, object]", value), kind)

    return structure


_OBJECT_NAMES = {
    "TimeSlot": "a time slot",
    "Participant": "a participant",
    "Organization": "an organization",
    "Speaker": "a speaker",
    "Room": "a room",
    "Venue": "a venue",
    "Link": "a link",
    "SourceId": "a source id",
    "Summit": "a summit",
}

# The model turns CRLF and CR into LF; a canonical document has LF already,
# so that what is read is written back byte for byte and the schema, which
# refuses U+000D, agrees with the reader.
_CARRIAGE_RETURN = "expected LF line ends: canonical JSON has no carriage return (U+000D)"


def _carriage_return(text: str) -> str:
    return f"{_CARRIAGE_RETURN}, got one at index {text.index(chr(13))}"


# Text in no particular language (a label, a tag): a string, checked as text.
_PLAIN_TEXT: Any = Annotated[str, "summitkit.formats.json: plain text"]


def _as_plain_text(kind: Any) -> Any:  # noqa: ANN401  # any type annotation
    """*kind* with plain text for str (str, str | None, tuple[str, ...]), or None without str."""
    if kind is str:
        return _PLAIN_TEXT
    if _is_optional(kind) and str in typing.get_args(kind):
        return typing.Optional[_PLAIN_TEXT]  # noqa: UP045  # built at run time
    if _is_tuple_of(kind) and typing.get_args(kind)[0] is str:
        return tuple[_PLAIN_TEXT, ...]
    return None


def _plain_text_from_json(value: object, _: object) -> str:
    if not isinstance(value, str):
        message = f"expected a string, got {describe(value)}"
        raise _DocumentError(message)
    if "\r" in value:
        raise _DocumentError(_carriage_return(value))
    return value  # the model checks the rest


def _text_from_json(value: object, _: type) -> LocalizedText:
    if not isinstance(value, Mapping):
        example = "{'en': 'Opening'}"
        message = f"expected text by language tag, such as {example}, got {describe(value)}"
        raise _DocumentError(message)
    texts = cast("Mapping[object, object]", value)
    for tag in texts:
        if not isinstance(tag, str):  # only from_dict can be given such keys
            message = f"expected language tags as keys, got {describe(tag)}"
            raise _DocumentError(message)
        _check_canonical_tag(tag, f"LocalizedText[{tag!r}]")
        text = texts[tag]
        if isinstance(text, str) and "\r" in text:
            raise ModelError(f"LocalizedText[{tag!r}]", _carriage_return(text))
    return LocalizedText(cast("Mapping[str, str]", texts))


def _check_canonical_tag(tag: str, path: str) -> None:
    """Refuse a tag that is not in canonical case: documents hold tags as dumps writes them."""
    if len(tag) <= grammar.MAX_TAG_LENGTH and _TAG.fullmatch(tag):
        return
    canonical = canonical_language_tag(tag, path)  # raises for an ill-formed tag
    raise ModelError(path, f"expected the tag in canonical case, {canonical!r}, got {tag!r}")


def _language_from_json(value: object, _: type) -> str | None:
    if isinstance(value, str):
        _check_canonical_tag(value, "language")
    return cast("str | None", value)  # the model checks the rest


def _zone_from_json(value: object, _: type) -> ZoneInfo:
    try:
        return zone_named(value, name="timezone")
    except ModelError as error:
        raise _DocumentError(error.problem) from None


def _configure_family(
    converter: cattrs.BaseConverter, base: type[Any], kinds: Mapping[str, type[Any]], what: str
) -> None:
    """Read and write *base* and its kinds as one union, tagged by a ``"kind"`` key written first.

    *kinds* maps each tag to its class (which may be *base* itself, as a
    plain :class:`~summitkit.Track` is); *what* names a kind in messages
    ("session", "track").
    """
    union: Any = typing.Union[tuple(kinds.values())]  # noqa: UP007  # built at run time
    configure_tagged_union(
        union, converter, tag_generator=operator.attrgetter("kind"), tag_name="kind"
    )
    structure_tagged = converter.get_structure_hook(union)
    allowed = f"a {what} kind (" + ", ".join(repr(kind) for kind in kinds) + ")"
    # The problem is the kind's: its path ends in .kind, as a field's does.
    kind_path = f"{base.__name__}.kind"

    def from_json(value: object, _: object) -> Any:  # noqa: ANN401  # one of the kinds
        # The tagged union's hook wants a dict, with a tag it knows.
        if not isinstance(value, Mapping):
            message = f"expected a {what} object, got {describe(value)}"
            raise _DocumentError(message)
        fields = cast("Mapping[str, object]", value)
        if "kind" not in fields:
            raise ModelError(kind_path, f"required field is missing: expected {allowed}")
        kind = fields["kind"]
        if not isinstance(kind, str) or kind not in kinds:
            raise ModelError(kind_path, f"expected {allowed}, got {describe(kind)}")
        return structure_tagged(fields if type(fields) is dict else dict(fields), union)

    # The tagged union writes the tag last; documents have it first, so
    # each kind is written by its own function, with the tag first.  The
    # functions are made before the hooks below are registered, which
    # would otherwise be found for a kind that is the base itself.
    if isinstance(converter, cattrs.Converter):
        to_json = {cls: object_writer(cls, converter, kind=tag) for tag, cls in kinds.items()}
    else:  # a BaseConverter writes attrs values without generated functions
        to_json = {
            cls: tagged_writer(converter.get_unstructure_hook(cls)) for cls in kinds.values()
        }

    def tagged_to_json(value: Any) -> dict[str, Any]:  # noqa: ANN401  # one of the kinds
        return to_json[type(value)](value)

    tagged_family(tagged_to_json, to_json)

    # Predicates, not classes: a hook registered for the base class would be
    # found for its subclasses too, and the tagged union's hook would call itself.
    converter.register_structure_hook_func(lambda cls: cls is base, from_json)
    converter.register_unstructure_hook_func(
        lambda cls: cls is base or cls in to_json, tagged_to_json
    )


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach *converter* summitkit's types, as this format writes them.

    Use it to embed summitkit values in your own cattrs converter.  Values
    are never coerced (``"4"`` is not a number); whether unknown fields are
    errors, defaults are left out and errors collected with their paths
    follows the converter's own ``forbid_extra_keys``, ``omit_if_default``
    and ``detailed_validation``, as for your classes.

    Raises:
        InvalidTypeError: If *converter* is not a cattrs converter.
    """
    if not isinstance(converter, cattrs.BaseConverter):
        raise InvalidTypeError(
            "configure_converter(converter)",
            f"expected a cattrs Converter, got {describe(converter)}",
        )
    converter.register_structure_hook_factory(_is_tuple_of, _list)
    converter.register_unstructure_hook_factory(_is_tuple_of, list_writer)
    converter.register_unstructure_hook_factory(_is_optional, optional_writer)
    converter.register_structure_hook_factory(_is_counted, _counted)
    converter.register_structure_hook_factory(_is_optional, _optional)
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(int, _whole_number)
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_unstructure_hook(dt.datetime, instant_to_text)
    converter.register_structure_hook(dt.datetime, _instant_from_text)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(
        dt.date,
        _matching(_DATE, dt.date.fromisoformat, "a date in years 3 to 9997, such as '2015-09-16'"),
    )
    converter.register_unstructure_hook(dt.time, time_of_day)
    converter.register_structure_hook(
        dt.time, _matching(_TIME, dt.time.fromisoformat, "a time of day such as '04:00'")
    )
    converter.register_unstructure_hook(ZoneInfo, zone_label)
    converter.register_structure_hook(ZoneInfo, _zone_from_json)
    converter.register_unstructure_hook(LocalizedText, LocalizedText.as_dict)
    converter.register_structure_hook(LocalizedText, _text_from_json)
    for enum, what in ((Role, "a role"), (Status, "a status"), (Markup, "a markup")):
        converter.register_structure_hook(enum, _enum(enum, what))
        # The value itself, a plain str: a member is a str too, but not JSON's
        # own.  `_value_` is the attribute behind the `value` property (the
        # property's descriptor call took a tenth of writing a participant).
        converter.register_unstructure_hook(enum, operator.attrgetter("_value_"))
    converter.register_structure_hook_func(lambda kind: kind == _PLAIN_TEXT, _plain_text_from_json)

    # Registered before any hook is made: hooks made below, and the list and
    # optional hooks, look up the hooks of their members once, when made.
    converter.register_structure_hook_factory(attrs.has, _object)
    if isinstance(converter, cattrs.Converter):
        # summitkit's own classes only: an app's classes keep cattrs' hooks,
        # with every option cattrs gives them.
        converter.register_unstructure_hook_factory(is_model_class, object_writer)
    _configure_family(converter, Session, SESSION_KINDS, "session")
    _configure_family(converter, Track, TRACK_KINDS, "track")


def make_converter() -> cattrs.Converter:
    """A new cattrs converter for summitkit values, configured as this format needs.

    Unknown fields are errors, fields equal to their default are left out,
    and errors are collected with their paths (detailed validation).
    """
    converter = cattrs.Converter(
        detailed_validation=True, forbid_extra_keys=True, omit_if_default=True
    )
    configure_converter(converter)
    return converter


_CONVERTER = make_converter()
# The fast path of reading: the checked path reads what it leaves, and words every error.
_TRUSTED_HOOKS = Hooks(_CONVERTER, _instant_from_text)

# The `orjson` extra: faster, byte-identical output.  Typed loosely because
# it may be missing at run time although the type checkers see it.
_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised where orjson is missing
    _orjson = None


# -- writing -------------------------------------------------------------------------


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format, as a new dict.

    Every document :func:`dumps` writes validates against it, and a document
    validates against it exactly when :func:`loads` reads it, but for the
    rules a schema cannot express, which :data:`NOT_IN_SCHEMA` lists (unique
    ids, references, zone rules, the summit's days, ...) and which only
    :func:`loads` checks.  Its patterns are ECMA-262 regular expressions in
    Unicode mode, as JSON Schema specifies.
    """
    return copy.deepcopy(build_schema())


def to_dict(summit: Summit) -> dict[str, Any]:
    """The summit as the JSON document :func:`dumps` writes, as a new ``dict``.

    Values are JSON's own (str, int, bool, None, lists and dicts), ready for
    another JSON library or a document store.

    >>> import summitkit as sk
    >>> to_dict(sk.examples.gsms2015())["sessions"][0]["slot"]["start"]
    '2015-09-16T09:15:00+04:00[Asia/Dubai]'
    """
    if not isinstance(summit, Summit):
        raise InvalidTypeError("to_dict(summit)", f"expected a Summit, got {describe(summit)}")
    # A dict per value and no reference cycle: the collector is paused, as
    # for reading (measured: 3-8% of `dumps` with it running).
    with gc_paused(), instant_texts():
        document: dict[str, Any] = {"format": FORMAT_VERSION, **_CONVERTER.unstructure(summit)}
    return document


def dumps(summit: Summit, *, indent: int | None = None) -> str:
    """The summit as a canonical JSON document.

    Args:
        summit: The summit to write.
        indent: Spaces per level for readable output, from 0 to 16; ``None``
            (the default) writes the compact canonical form.

    Raises:
        InvalidTypeError: If *summit* is not a Summit or *indent* not a whole number.
        InvalidValueError: If *indent* is out of range.
    """
    if not isinstance(summit, Summit):
        raise InvalidTypeError("dumps(summit)", f"expected a Summit, got {describe(summit)}")
    check_indent(indent, name="dumps(indent)")
    return _encode(to_dict(summit), indent)


def _encode(document: dict[str, Any], indent: int | None) -> str:
    # orjson writes the same bytes as the standard library for these
    # documents (compact, or indented by two), only faster; the tests check it.
    if _orjson is not None and indent in (None, 2):
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        try:
            encoded: bytes = _orjson.dumps(document, option=option)
            return encoded.decode("utf-8")
        except _orjson.JSONEncodeError:
            pass  # integers beyond 64 bits: the standard library writes them
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(document, ensure_ascii=False, indent=indent, separators=separators)


def dump(summit: Summit, target: Target, *, indent: int | None = None) -> None:
    """Write the summit's canonical JSON document to *target*, in UTF-8.

    Args:
        summit: The summit to write.
        target: A path (a ``str`` or :class:`~pathlib.Path`), written whole
            or replaced, or a file open for writing, text or binary.
        indent: As for :func:`dumps`.

    Raises:
        InvalidTypeError: If *target* is neither a path nor a file open for writing.
        OSError: If the file cannot be written.
    """
    write_target(dumps(summit, indent=indent), target, "dump(target)")


# -- reading -------------------------------------------------------------------------


def loads(text: str | bytes) -> Summit:
    """Read a summit from a JSON document (text, or UTF-8 bytes; a byte order mark is skipped).

    Raises:
        FormatError: Listing the problems found, each with its JSON path
            (``$.sessions[3].slot.end``) and what was expected: every
            problem, up to :data:`MAX_PROBLEMS`, after which the document
            is not read further.
    """
    return _loads(text, checked=False)


def _loads(text: str | bytes, *, checked: bool) -> Summit:
    """:func:`loads`; *checked* reads on the checked path alone (for the tests)."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise FormatError([("$", f"expected UTF-8 text: {error}")]) from None
    if not isinstance(text, str):
        raise FormatError([("$", f"expected JSON text, got {describe(text)}")])
    with gc_paused():
        # One byte order mark, as some editors write, is not part of the document.
        document = parse_json(text.removeprefix("\ufeff"))
        return _from_dict(cast("Mapping[str, Any]", document), checked=checked)


def from_dict(document: Mapping[str, Any]) -> Summit:
    """Read a summit from a JSON document that is already parsed (a ``dict``).

    For documents read by another JSON library or kept in a document store.
    The document is checked as :func:`loads` checks text, with the same
    errors and JSON paths; it is not changed.

    Raises:
        FormatError: As :func:`loads` raises it.

    >>> import summitkit as sk
    >>> from_dict(to_dict(sk.examples.gsms2015())) == sk.examples.gsms2015()
    True
    """
    with gc_paused():
        return _from_dict(document, checked=False)


def _from_dict(document: object, *, checked: bool) -> Summit:
    """:func:`from_dict`; *checked* reads on the checked path alone (for the tests)."""
    if not isinstance(document, Mapping):
        raise FormatError([("$", f"expected a JSON object, got {describe(document)}")])
    fields = dict(cast("Mapping[str, object]", document))
    fields = upgraded(fields, _check_version(fields.pop("format", None)), FORMAT_VERSION)
    if not checked:
        try:
            return TrustedReader(_TRUSTED_HOOKS).summit(fields)
        except Exception:  # noqa: BLE001, S110  # the checked path below says what is wrong
            pass
    return _structure(fields)


def _structure(fields: dict[str, object]) -> Summit:
    """The summit *fields* describe, read on the checked path: cattrs, then every constructor."""
    budget = _Budget(MAX_PROBLEMS)
    token = _BUDGET.set(budget)
    try:
        return _CONVERTER.structure(fields, Summit)
    except (ClassValidationError, IterableValidationError, ModelError, _DocumentError) as error:
        problems = _problems(error)
        if budget.left <= 0:
            problems = problems[:MAX_PROBLEMS]
            stopped = f"stopped after {MAX_PROBLEMS} problems: the rest was not read"
            problems.append(("$", stopped))
        raise FormatError(problems) from None
    finally:
        _BUDGET.reset(token)


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> Summit:
    """Read a summit from *source*: a path (``str`` or :class:`~pathlib.Path`) or an open file.

    Files are read as UTF-8 (a byte order mark is skipped); see :func:`loads`.

    Raises:
        FormatError: As :func:`loads` raises it.
        InvalidTypeError: If *source* is neither a path nor a readable file.
        OSError: If the file cannot be read.
    """
    if isinstance(source, (str, os.PathLike)):
        return loads(Path(source).read_bytes())
    read = getattr(source, "read", None)
    if not callable(read):
        raise InvalidTypeError(
            "load(source)", f"expected a path or an open file, got {describe(source)}"
        )
    return loads(cast("str | bytes", read()))


def _check_version(version: object) -> int:
    """The document's format version, which this module reads.

    Raises:
        FormatError: If there is none, or it is not one this module reads.
    """
    problem = None
    if isinstance(version, float) and version.is_integer():
        version = int(version)  # 1.0 is the number 1, as for every whole number
    if version is None:
        problem = f"expected the format version ({FORMAT_VERSION}), got nothing"
    elif not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problem = f"expected a format version such as {FORMAT_VERSION}, got {describe(version)}"
    elif version > FORMAT_VERSION:
        problem = (
            f"this document is format {version}, written by a newer summitkit; "
            f"this version reads formats 1 to {FORMAT_VERSION}: upgrade summitkit"
        )
    if problem is not None:
        raise FormatError([("$.format", problem)])
    return cast("int", version)
