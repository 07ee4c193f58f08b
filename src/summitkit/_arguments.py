"""Arguments of public functions, checked and normalised in one place.

Each function takes what a caller passed and the argument's name as an
error should show it (``timetable(tz)``, ``agenda(lang)``), and
returns the value in the one form the code below works with, or raises a
:class:`~summitkit.exceptions.SummitkitError` naming the argument.  A value
of the wrong type is an :class:`~summitkit.exceptions.InvalidTypeError`; one
of the right type that is not allowed is an
:class:`~summitkit.exceptions.InvalidValueError` (or a subclass).

**Zones.**  One policy everywhere a zone is an argument (the zone a query
shows its times in, a slot is shown in, or a wall time is read in): it is

* a ``ZoneInfo`` from the IANA database, such as ``summitkit.DUBAI``;
* an IANA name, such as ``"Europe/London"``, which is looked up; or
* a fixed offset, ``datetime.timezone(timedelta(hours=1))`` or
  ``datetime.timezone.utc``.

Fixed offsets are accepted because an instant shown at a fixed offset is
exact, and the model's own instants may carry one (ISO text and exchange
files hold offsets).  The one zone that must be an IANA zone is a summit's
own (:func:`iana_zone`: ``Summit.timezone``, the canonical JSON's
``timezone``), because its conference days and daylight-saving changes need
the zone's rules, not one offset of them.  Every other ``tzinfo`` (dateutil's,
pytz's), a ``ZoneInfo`` read from a file and a key that is not an IANA name
(``"localtime"``, ``"posix/UTC"``) are refused: they cannot be compared or
written by name.

**Languages** are strict everywhere: a tag that is ill-formed or not
registered is an :class:`~summitkit.exceptions.InvalidTextError`, and one the
caller does not support (``agenda(lang="fr")`` with no French catalogue) an
:class:`~summitkit.exceptions.InvalidValueError` saying which are;
there is no silent fallback to English.

**The summit** argument is checked by ``summitkit._summit.summit_argument``,
with the model: this module is below it.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Collection
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from summitkit._text import canonical_language_tag
from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, InvalidValueError, UnknownTimeZoneError

__all__ = [
    "choice",
    "enum_member",
    "iana_zone",
    "is_iana_zone",
    "is_usable_zone",
    "language",
    "to_member",
    "zone",
    "zone_named",
]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

_ZONE_EXAMPLE = "an IANA name such as 'Asia/Dubai'"


# -- zones -----------------------------------------------------------------------


@functools.cache
def _iana_names() -> frozenset[str]:
    # The tzdata package (a dependency) lists the IANA keys.  ZoneInfo() would
    # also open "localtime", "posix/..." and "right/..." files where the
    # system has them: those are not IANA names, and "localtime" is a
    # different zone on every machine.  importlib.resources is imported here,
    # on the first zone checked, not with the package (it costs a tenth of
    # `import summitkit`, measured).
    import importlib.resources  # noqa: PLC0415

    listing = importlib.resources.files("tzdata").joinpath("zones").read_text("utf-8")
    return frozenset(listing.split())


def is_iana_zone(value: object) -> bool:
    """Whether *value* is a ``ZoneInfo`` whose key is an IANA name."""
    return isinstance(value, ZoneInfo) and value.key in _iana_names()


def is_usable_zone(value: object) -> bool:
    """Whether *value* is an IANA ``ZoneInfo`` or a fixed ``datetime.timezone``."""
    return isinstance(value, dt.timezone) or is_iana_zone(value)


def zone_named(value: object, *, name: str) -> ZoneInfo:
    """The IANA zone whose name is *value*, a string.

    Raises:
        InvalidTypeError: If *value* is not a string.
        UnknownTimeZoneError: If no IANA zone has that name.
    """
    if not isinstance(value, str):
        raise InvalidTypeError(name, f"expected {_ZONE_EXAMPLE}, got {describe(value)}")
    if value in _iana_names():
        try:
            return ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # pragma: no cover - unreadable
            pass
    raise UnknownTimeZoneError(name, f"unknown time zone {value!r}; expected {_ZONE_EXAMPLE}")


def iana_zone(value: object, *, name: str) -> ZoneInfo:
    """*value* as an IANA zone: a ``ZoneInfo`` from the database, or its name.

    For a summit's own zone, which must follow the zone's rules; everywhere
    else, :func:`zone`.

    Raises:
        InvalidTypeError: If *value* is neither, or a fixed offset.
        UnknownTimeZoneError: If *value* is a name, or a ``ZoneInfo`` key,
            that is not in the database.
    """
    if isinstance(value, str):
        return zone_named(value, name=name)
    if isinstance(value, ZoneInfo):
        return zone_named(value.key, name=name)
    got = f"the tzinfo {value!r}" if isinstance(value, dt.tzinfo) else describe(value)
    example = "ZoneInfo('Asia/Dubai') or 'Asia/Dubai'"
    raise InvalidTypeError(name, f"expected an IANA time zone such as {example}, got {got}")


def zone(
    value: object, *, name: str, default: ZoneInfo | dt.timezone | None = None
) -> ZoneInfo | dt.timezone:
    """*value* as a zone: an IANA ``ZoneInfo``, an IANA name, or a fixed offset.

    ``None`` is *default*, when one is given: the zone a query shows its
    times in is the summit's unless the caller names another.

    Raises:
        InvalidTypeError: If *value* is none of these.
        UnknownTimeZoneError: If *value* is a name, or a ``ZoneInfo`` key,
            that is not in the database.

    >>> zone("Asia/Dubai", name="f(tz)")
    zoneinfo.ZoneInfo(key='Asia/Dubai')
    >>> zone(dt.timezone(dt.timedelta(hours=1)), name="f(tz)")
    datetime.timezone(datetime.timedelta(seconds=3600))
    >>> zone(None, name="f(tz)", default=dt.timezone.utc)
    datetime.timezone.utc
    """
    if value is None and default is not None:
        return default
    if isinstance(value, dt.timezone):
        return value
    if isinstance(value, (str, ZoneInfo)):
        return iana_zone(value, name=name)
    raise InvalidTypeError(
        name,
        "expected a ZoneInfo, an IANA name such as 'Asia/Dubai' or a fixed "
        f"datetime.timezone, got {describe(value)}",
    )


# -- languages -------------------------------------------------------------------


def language(value: object, *, name: str, supported: Collection[str] | None = None) -> str:
    """*value* as a canonical BCP 47 tag, one of *supported* if given.

    Args:
        value: What the caller passed.
        name: The argument, for errors.
        supported: The canonical tags the caller can use; ``None`` for any
            registered tag.

    Raises:
        InvalidTypeError: If *value* is not a string.
        InvalidTextError: If it is not a well-formed, registered tag.
        InvalidValueError: If it is not one of *supported*.

    >>> language("IW", name="f(lang)")
    'he'
    >>> language("fr", name="f(lang)", supported=("ar", "en"))
    Traceback (most recent call last):
    ...
    summitkit.exceptions.InvalidValueError: f(lang): expected one of 'ar', 'en', got 'fr'
    """
    tag = canonical_language_tag(value, name)
    if supported is not None and tag not in supported:
        allowed = ", ".join(map(repr, sorted(supported)))
        raise InvalidValueError(name, f"expected one of {allowed}, got {value!r}")
    return tag


# -- enumerations ----------------------------------------------------------------


def choice(value: object, allowed: tuple[T, ...], *, name: str) -> T:
    """*value*, which must be one of the strings *allowed* (a ``Literal``'s values).

    Raises:
        InvalidTypeError: If *value* is not a string.
        InvalidValueError: If it is not one of *allowed*.
    """
    for option in allowed:
        if isinstance(value, str) and value == option:
            return option
    error = InvalidValueError if isinstance(value, str) else InvalidTypeError
    raise error(name, f"expected one of {', '.join(map(repr, allowed))}, got {describe(value)}")


def to_member(enum_type: type[E], value: object) -> object:
    """Converter: a member's value becomes the member; anything else is left as it is.

    For attrs fields, whose validator then calls :func:`enum_member` with
    the field's name to refuse what is left.
    """
    if type(value) is enum_type:  # the common case, without Enum's lookup
        return value
    if isinstance(value, str):
        for member in enum_type:
            if member.value == value:
                return member
    return value


def enum_member(enum_type: type[E], value: object, *, name: str) -> E:
    """*value* as a member of *enum_type*: a member, or a member's value.

    Raises:
        InvalidTypeError: If *value* is neither a member nor a string.
        InvalidValueError: If *value* is a string that is no member's value.

    >>> from summitkit._people import Role
    >>> enum_member(Role, "moderator", name="f(role)")
    <Role.MODERATOR: 'moderator'>
    """
    if isinstance(value, enum_type):
        return value
    allowed = ", ".join(repr(member.value) for member in enum_type)
    problem = f"expected a {enum_type.__name__} ({allowed}), got {describe(value)}"
    if isinstance(value, str):
        for member in enum_type:
            if member.value == value:
                return member
        raise InvalidValueError(name, problem)
    raise InvalidTypeError(name, problem)


# -- output ------------------------------------------------------------------------

#: The widest indent a JSON writer takes: wider only makes files larger.
MAX_INDENT = 16


def indent(value: object, *, name: str) -> None:
    """Check *value* as the indent of a JSON document: ``None``, or 0 to :data:`MAX_INDENT` spaces.

    Raises:
        InvalidTypeError: If *value* is neither ``None`` nor a whole number.
        InvalidValueError: If it is out of range.
    """
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(name, f"expected a whole number of spaces, got {describe(value)}")
    if not 0 <= value <= MAX_INDENT:
        raise InvalidValueError(name, f"expected 0 to {MAX_INDENT} spaces, got {value}")
