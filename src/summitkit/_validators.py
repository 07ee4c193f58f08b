"""Field validators and converters shared by the model classes.

attrs' own validators raise bare ``TypeError``/``ValueError``; these raise
:mod:`summitkit.exceptions` errors whose message names the class and field,
for example ``Speaker.country: expected an ISO 3166-1 alpha-2 code ...``.

Converters here are lenient on purpose: they normalise what they can (a list
becomes a tuple) and pass anything else through unchanged, so that the
validator, which knows the field's name, is the one that rejects it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar, cast

import attrs

from summitkit._characters import (
    BLANK,
    LINK_FORBIDDEN,
    TEXT_FORBIDDEN,
    Ranges,
    char_class,
    union,
)
from summitkit._countries import ISO_3166_ALPHA_2
from summitkit.exceptions import InvalidTypeError, InvalidValueError, ModelError

T = TypeVar("T")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: The longest id: as long as frab, pretalx and Indico ids get.
MAX_ID_LENGTH = 255
#: An id: 1 to 255 printable ASCII characters, no spaces.  Real generators
#: emit slugs that end with ``_`` (a title cut short) or hold ``/`` and ``@``;
#: any of those is safe in a URL path once escaped, in JSON, iCalendar and XML.
ID_PATTERN = f"[!-~]{{1,{MAX_ID_LENGTH}}}"
_ID = re.compile(ID_PATTERN)
# A scheme, a host part and, after the first '/', '?' or '#', the rest: each
# character has one place it can go, so matching takes linear time whatever
# the input (a pattern in which two repeats compete for the same characters
# backtracks quadratically on a long URL with a space at the end).
_HOST_ENDS: Ranges = tuple((ord(char), ord(char)) for char in "#/?")
#: An absolute http(s) URL.
URL_PATTERN = (
    f"https?://{char_class(union(LINK_FORBIDDEN, _HOST_ENDS), negated=True)}+"
    f"(?:[/?#]{char_class(LINK_FORBIDDEN, negated=True)}*)?"
)
_URL = re.compile(URL_PATTERN)

# ASCII letters, digits and '_', and any other character that shows something;
# that those are letters or digits is checked apart, as Unicode's letters grow.
_HASHTAG_NON_ASCII = char_class(union(((0x00, 0x7F),), BLANK, TEXT_FORBIDDEN), negated=True)
#: A hashtag without its ``#``.
HASHTAG_PATTERN = f"(?:[A-Za-z0-9_]|{_HASHTAG_NON_ASCII})+"


def where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """Return ``ClassName.field`` for error messages."""
    return f"{type(instance).__name__}.{attribute.name}"


def describe(value: object) -> str:
    """Describe a rejected value briefly: its type and a short repr."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


@attrs.frozen
class Rejected:
    """What a converter returns for a value it could not convert.

    The field's validator raises :attr:`error` with the field's name in front
    of its path, so an error inside a nested value still says where it is.
    """

    error: ModelError


def as_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """Turn a list or other iterable into a tuple; leave anything else alone.

    Strings, bytes and mappings are iterable but are never what a collection
    field means, and sets have no order, so they are passed through for the
    validator to reject.
    """
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes, Mapping, set, frozenset)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # the validator rejects it
    return tuple(value)


def instance_of(cls: type[Any] | tuple[type[Any], ...], expected: str) -> Validator:
    """Require an instance of *cls*; *expected* says what that is in words."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # bool is an int subclass, but True is never a meaningful capacity.
        if not isinstance(value, cls) or (isinstance(value, bool) and bool not in _as_types(cls)):
            raise InvalidTypeError(
                where(instance, attribute), f"expected {expected}, got {describe(value)}"
            )

    return check


def _as_types(cls: type[Any] | tuple[type[Any], ...]) -> tuple[type[Any], ...]:
    return cls if isinstance(cls, tuple) else (cls,)


def optional(validator: Validator) -> Validator:
    """Accept ``None`` as well as whatever *validator* accepts."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def tuple_of(cls: type[Any] | tuple[type[Any], ...], expected: str) -> Validator:
    """Require a tuple whose members are all instances of *cls*."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            path = where(instance, attribute)
            unordered = isinstance(value, (set, frozenset))
            hint = " (a set has no order; pass a list)" if unordered else ""
            raise InvalidTypeError(
                path, f"expected a list or tuple of {expected}, got {describe(value)}{hint}"
            )
        members = cast("tuple[object, ...]", value)
        for index, member in enumerate(members):
            if not isinstance(member, cls):
                path = f"{where(instance, attribute)}[{index}]"
                raise InvalidTypeError(path, f"expected {expected}, got {describe(member)}")

    return check


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require an id: 1 to 255 printable ASCII characters, no spaces."""
    if not isinstance(value, str):
        path = where(instance, attribute)
        raise InvalidTypeError(path, f"expected an id string, got {describe(value)}")
    if not _ID.fullmatch(value):
        raise InvalidValueError(
            where(instance, attribute),
            f"expected an id of 1 to {MAX_ID_LENGTH} printable ASCII characters without "
            f"spaces (summitkit.make_id makes one from any name), got {value!r}",
        )


def country_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require an assigned ISO 3166-1 alpha-2 country code such as ``'AE'``."""
    path = where(instance, attribute)
    if not isinstance(value, str):
        raise InvalidTypeError(path, f"expected a country code string, got {describe(value)}")
    if value not in ISO_3166_ALPHA_2:
        hint = " (codes are upper case)" if value.upper() in ISO_3166_ALPHA_2 else ""
        raise InvalidValueError(
            path, f"expected an ISO 3166-1 alpha-2 country code such as 'AE'{hint}, got {value!r}"
        )


_LINK_FORBIDDEN = re.compile(char_class(LINK_FORBIDDEN))


def _url_problem(value: str) -> str | None:
    # Controls, spaces and invisible characters (bidi overrides, zero-width
    # spaces) can disguise where a link goes.
    forbidden = _LINK_FORBIDDEN.search(value)
    if forbidden is not None:
        char, index = forbidden.group(), forbidden.start()
        return f"character U+{ord(char):04X} at index {index} is not allowed in a URL"
    if not _URL.fullmatch(value):
        example = "'https://example.org'"
        return f"expected an absolute http(s) URL such as {example}, got {_shorten(value)}"
    return None


def _shorten(value: str) -> str:
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:77]}..."


def url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require an absolute ``http`` or ``https`` URL without spaces or controls."""
    path = where(instance, attribute)
    if not isinstance(value, str):
        raise InvalidTypeError(path, f"expected a URL string, got {describe(value)}")
    problem = _url_problem(value)
    if problem is not None:
        raise InvalidValueError(path, problem)


def urls(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a tuple of URLs (see :func:`url`)."""
    tuple_of(str, "a URL string")(instance, attribute, value)
    members: tuple[str, ...] = value  # type: ignore[assignment]  # checked just above
    for index, member in enumerate(members):
        problem = _url_problem(member)
        if problem is not None:
            raise InvalidValueError(f"{where(instance, attribute)}[{index}]", problem)


def positive_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require an ``int`` greater than zero."""
    instance_of(int, "a whole number")(instance, attribute, value)
    number: int = value  # type: ignore[assignment]  # checked just above
    if number <= 0:
        raise InvalidValueError(
            where(instance, attribute), f"expected a number greater than 0, got {value!r}"
        )


# Checks of arguments whose annotations already say what they must be: these
# take ``object`` because callers pass untyped data, and the checks are the point.


def is_naive_datetime(value: object) -> bool:
    """Whether *value* is a ``datetime`` without a zone (a wall-clock reading)."""
    return isinstance(value, dt.datetime) and value.tzinfo is None


def is_wall_time(value: object) -> bool:
    """Whether *value* is a ``time`` of day without a zone."""
    return isinstance(value, dt.time) and value.tzinfo is None


def is_day(value: object) -> bool:
    """Whether *value* is a ``date`` and not a ``datetime``."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def is_positive_duration(value: object) -> bool:
    """Whether *value* is a ``timedelta`` longer than zero."""
    return isinstance(value, dt.timedelta) and value > dt.timedelta(0)
