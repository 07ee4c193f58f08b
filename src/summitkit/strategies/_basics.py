"""Strategies for text, people, places and time slots, and argument checks."""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Mapping
from typing import TypeVar
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from summitkit._arguments import is_usable_zone
from summitkit._characters import BLANK, TEXT_FORBIDDEN, union
from summitkit._countries import ISO_3166_ALPHA_2
from summitkit._people import Organization, Participant, Role, Speaker
from summitkit._references import Link, SourceId
from summitkit._text import LocalizedText, normalize_language_tag
from summitkit._time import DUBAI, TimeSlot
from summitkit._venue import Room, Venue

T = TypeVar("T")

#: Language tags drawn by default; the first shrinks best.
LANGUAGES = ("en", "ar", "fr", "ur", "zh-Hans", "de-CH", "hi")

_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
# Country codes with the summit's home first, so they shrink toward 'AE'.
_COUNTRIES = sorted(ISO_3166_ALPHA_2, key=lambda code: (code != "AE", code))


# -- argument checks -------------------------------------------------------------


def check_strategy(name: str, value: object) -> None:
    """Raise InvalidArgument unless *value* is a strategy."""
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a Hypothesis strategy")


def check_size(name: str, value: object, *, minimum: int = 0, maximum: int | None = None) -> int:
    """Raise InvalidArgument unless *value* is an int from *minimum* to *maximum*."""
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise InvalidArgument(f"{name}={value!r} must be a whole number >= {minimum}")
    if maximum is not None and value > maximum:
        raise InvalidArgument(f"{name}={value!r} must be at most {maximum}")
    return value


def check_sizes(
    min_size: object,
    max_size: object,
    *,
    minimum: int = 0,
    names: tuple[str, str] = ("min_size", "max_size"),
) -> tuple[int, int]:
    """Check a ``min_size``/``max_size`` pair; return it."""
    low = check_size(names[0], min_size, minimum=minimum)
    high = check_size(names[1], max_size, minimum=minimum)
    if low > high:
        raise InvalidArgument(f"{names[0]}={low} must not be greater than {names[1]}={high}")
    return low, high


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` or a value; ``None`` first, so fields shrink toward being left out."""
    return st.one_of(st.none(), strategy)


def default_ids() -> st.SearchStrategy[str]:
    """Short lower-case ASCII ids."""
    return st.text(_ID_ALPHABET, min_size=1, max_size=12)


#: True: a flag that, once drawn at all, is set (its default is False).
ALWAYS = st.just(True)  # noqa: FBT003  # st.just takes its value positionally

#: True about one time in eight, shrinking to False: the gate for the fields
#: real programmes fill only now and then, so that drawing them costs little.
RARELY = st.integers(0, 7).map(lambda n: n == 7)


def rarely(fields: Mapping[str, st.SearchStrategy[T]]) -> st.SearchStrategy[dict[str, T]]:
    """Now and then, some of *fields*; otherwise (and when shrunk) none, so each keeps its default.

    Each field is there or not by a flag of its own, so the shrinker drops
    each one that a failing example does not need.
    """
    return _rarely(tuple(fields.items()))


@st.composite
def _rarely(draw: st.DrawFn, fields: tuple[tuple[str, st.SearchStrategy[T]], ...]) -> dict[str, T]:
    if not draw(RARELY):
        return {}
    return {name: draw(strategy) for name, strategy in fields if draw(st.booleans())}


def timezones() -> st.SearchStrategy[ZoneInfo]:
    """Draw an IANA time zone that summitkit accepts, shrinking toward UTC.

    Like ``st.timezones()``, without the system-only keys (``localtime``,
    ``posix/...``) that are not IANA names.
    """
    return iana(st.timezones())


def iana(zones: st.SearchStrategy[ZoneInfo]) -> st.SearchStrategy[ZoneInfo]:
    """*zones* as IANA zones: ``posix/X`` becomes ``X``; other non-IANA keys are dropped.

    ``st.timezones()`` can draw system-only keys (``posix/UTC``, ``localtime``)
    that summitkit refuses; they are rare, so filtering costs little.
    """
    return zones.map(_posix_to_iana).filter(is_usable_zone)


def _posix_to_iana(zone: ZoneInfo) -> ZoneInfo:
    if not isinstance(zone, ZoneInfo):
        # As Hypothesis itself does for a strategy argument that draws nonsense.
        raise InvalidArgument(f"timezones drew {zone!r}, which is not a zoneinfo.ZoneInfo")
    key = getattr(zone, "key", None)
    if isinstance(key, str) and key.startswith("posix/"):
        return ZoneInfo(key.removeprefix("posix/"))
    return zone


def _check_bounds(
    min_start: object, max_start: object, min_duration: object, max_duration: object
) -> None:
    """Raise InvalidArgument unless time_slots()' bounds are naive datetimes and timedeltas."""
    for name, start in (("min_start", min_start), ("max_start", max_start)):
        if not isinstance(start, dt.datetime) or start.tzinfo is not None:
            raise InvalidArgument(f"{name}={start!r} must be a naive datetime")
        if not _FIRST_START <= start <= _LAST_START:
            raise InvalidArgument(f"{name}={start!r} must be in the years 3 to 9997")
    for name, length in (("min_duration", min_duration), ("max_duration", max_duration)):
        if not isinstance(length, dt.timedelta):
            raise InvalidArgument(f"{name}={length!r} must be a timedelta")
    if min_start > max_start:  # type: ignore[operator]  # both checked to be datetimes
        raise InvalidArgument(f"min_start={min_start!r} must not be after max_start={max_start!r}")


def countries() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 codes."""
    return st.sampled_from(_COUNTRIES)


def urls() -> st.SearchStrategy[str]:
    """Simple https URLs."""
    return st.builds("https://{}.example/".format, st.text(_ID_ALPHABET, min_size=1, max_size=10))


#: Systems whose ids programmes carry, the first shrinking best.
_SOURCE_SYSTEMS = ("frab-guid", "frab-id", "pretalx-code", "pentabarf-id")
#: What links are called in the sources, the first shrinking best.
_LINK_KINDS = ("slides", "video", "paper", "application/pdf", "text/html")


def source_ids() -> st.SearchStrategy[SourceId]:
    """Draw a :class:`~summitkit.SourceId`: a frab, pretalx or other system's id."""
    return st.builds(
        SourceId,
        st.one_of(st.sampled_from(_SOURCE_SYSTEMS), default_ids()),
        st.text(_ID_ALPHABET + _ID_ALPHABET.upper() + "-", min_size=1, max_size=36),
    )


def links() -> st.SearchStrategy[Link]:
    """Draw a :class:`~summitkit.Link`, with a title and a kind or without."""
    return st.builds(
        Link,
        urls(),
        title=optional(texts(max_size=12)),
        kind=optional(st.one_of(st.sampled_from(_LINK_KINDS), texts(max_size=8))),
    )


def source_id_lists() -> st.SearchStrategy[tuple[SourceId, ...]]:
    """None (shrinks here), one or two source ids."""
    return st.lists(source_ids(), max_size=2).map(tuple)


def link_lists() -> st.SearchStrategy[tuple[Link, ...]]:
    """None (shrinks here), one or two links."""
    return st.lists(links(), max_size=2).map(tuple)


# -- text ------------------------------------------------------------------------


def texts(*, min_size: int = 1, max_size: int = 16) -> st.SearchStrategy[str]:
    """Draw text that :class:`~summitkit.LocalizedText` accepts.

    Text mixes ASCII, Arabic, combining marks, emoji and every other script;
    it is never blank and holds no control or bidirectional control
    characters.  It shrinks toward short ASCII.

    Args:
        min_size: The fewest characters (at least 1).
        max_size: The most characters.
    """
    low, high = check_sizes(min_size, max_size, minimum=1)
    visible, inner = _alphabets()
    # A visible first character keeps the text from being blank.
    return st.builds(str.__add__, visible, st.text(inner, min_size=low - 1, max_size=high - 1))


# The characters of those categories that show nothing or that text refuses.
_NOT_VISIBLE = "".join(
    char
    for low, high in union(BLANK, TEXT_FORBIDDEN)
    for char in map(chr, range(low, high + 1))
    if unicodedata.category(char)[0] in "LMNPS"
)


@functools.cache
def _alphabets() -> tuple[st.SearchStrategy[str], st.SearchStrategy[str]]:
    # Built once: Hypothesis merges these character sets into one, which is
    # too slow to redo for every text of every summit.
    visible = st.one_of(
        st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")),
        st.characters(min_codepoint=0x21, max_codepoint=0x7E),
        st.characters(min_codepoint=0x0621, max_codepoint=0x064A),  # Arabic letters
        st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF, categories=["So"]),
        # Without the letters and marks that show nothing (U+3164 HANGUL
        # FILLER, variation selectors), excluded here rather than filtered, so
        # that Hypothesis draws text from these characters at full speed.
        st.characters(categories=["L", "M", "N", "P", "S"], exclude_characters=_NOT_VISIBLE),
    )
    inner = st.one_of(
        visible,
        st.just(" "),
        st.characters(categories=["Mn"]),  # combining marks
        st.sampled_from(["\u200d", "\u200f", "\n"]),  # ZWJ, RLM, newline: all allowed
    )
    return visible, inner


def localized_texts(
    *,
    languages: st.SearchStrategy[str] | None = None,
    values: st.SearchStrategy[str] | None = None,
    min_size: int = 1,
    max_size: int = 3,
) -> st.SearchStrategy[LocalizedText]:
    """Draw a :class:`~summitkit.LocalizedText` in one or more languages.

    Args:
        languages: Language tags to draw from (default: :data:`LANGUAGES`:
            English, Arabic and a few others).  Tags that normalise alike
            (``"en-gb"``, ``"en-GB"``) count once.
        values: The text of each language (default: :func:`texts`).
        min_size: The fewest languages (at least 1).
        max_size: The most languages.
    """
    low, high = check_sizes(min_size, max_size, minimum=1)
    languages = st.sampled_from(LANGUAGES) if languages is None else languages
    values = texts() if values is None else values
    check_strategy("languages", languages)
    check_strategy("values", values)
    tags = languages.map(normalize_language_tag)
    return st.dictionaries(tags, values, min_size=low, max_size=high).map(LocalizedText)


# -- people and places ---------------------------------------------------------


def organizations(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Organization]:
    """Draw an :class:`~summitkit.Organization`.

    Args:
        ids: Its id (default: short lower-case ASCII).
    """
    ids = default_ids() if ids is None else ids
    check_strategy("ids", ids)
    return st.builds(
        Organization,
        id=ids,
        name=localized_texts(),
        country=optional(countries()),
        url=optional(urls()),
    )


def speakers(
    *,
    ids: st.SearchStrategy[str] | None = None,
    organization_ids: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Speaker]:
    """Draw a :class:`~summitkit.Speaker`.

    Args:
        ids: Its id (default: short lower-case ASCII).
        organization_ids: Its organization's id, or ``None`` (default: ``None``).
    """
    ids = default_ids() if ids is None else ids
    organization_ids = st.none() if organization_ids is None else organization_ids
    check_strategy("ids", ids)
    check_strategy("organization_ids", organization_ids)
    return st.builds(
        Speaker,
        id=ids,
        name=localized_texts(),
        honorific=optional(localized_texts(max_size=2, values=texts(max_size=6))),
        position=optional(localized_texts()),
        organization=organization_ids,
        country=optional(countries()),
        links=st.lists(urls(), max_size=2).map(tuple),
        bio=optional(localized_texts()),
        availability=_windows(AVAILABILITY_ZONES),
        group=st.booleans(),
        source_ids=source_id_lists(),
    )


def rooms(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Room]:
    """Draw a :class:`~summitkit.Room`, with a capacity or without.

    Args:
        ids: Its id (default: short lower-case ASCII).
    """
    ids = default_ids() if ids is None else ids
    check_strategy("ids", ids)
    return st.builds(
        Room,
        id=ids,
        name=localized_texts(),
        capacity=optional(st.integers(1, 5_000)),
        opening_hours=_windows(),
        parallel=st.booleans(),
        source_ids=source_id_lists(),
    )


def venues() -> st.SearchStrategy[Venue]:
    """Draw a :class:`~summitkit.Venue`."""
    return st.builds(
        Venue,
        name=localized_texts(),
        city=optional(localized_texts()),
        country=optional(countries()),
        url=optional(urls()),
        opening_hours=_windows(),
    )


def participants(
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    roles: st.SearchStrategy[Role] | None = None,
) -> st.SearchStrategy[Participant]:
    """Draw a :class:`~summitkit.Participant`.

    Whether the participant blocks shrinks toward the role's default (an
    author does not block, every other role does).

    Args:
        speaker_ids: The speaker's id (default: short lower-case ASCII).
        roles: The role (default: any :class:`~summitkit.Role`).
    """
    speaker_ids = default_ids() if speaker_ids is None else speaker_ids
    roles = st.sampled_from(Role) if roles is None else roles
    check_strategy("speaker_ids", speaker_ids)
    check_strategy("roles", roles)
    return st.builds(participant, speaker_ids, roles, st.booleans())


def participant(speaker: str, role: Role, unusual: bool) -> Participant:  # noqa: FBT001  # positional, as st.builds passes it
    """A participant who blocks as the role does by default, or, if *unusual*, the other way."""
    usual = Participant(speaker, role=role)
    return attrs.evolve(usual, blocking=not usual.blocking) if unusual else usual


# -- time ----------------------------------------------------------------------

#: Zones that speakers' availability is drawn in: offsets of whole, half and
#: three-quarter hours, with and without daylight saving (Lord Howe's is 30
#: minutes).
AVAILABILITY_ZONES = st.sampled_from(
    [
        DUBAI,
        ZoneInfo("Europe/London"),
        ZoneInfo("America/New_York"),
        ZoneInfo("Asia/Kolkata"),
        ZoneInfo("Australia/Lord_Howe"),
        ZoneInfo("Pacific/Chatham"),
    ]
)


def _windows(
    timezones: st.SearchStrategy[ZoneInfo] | None = None,
) -> st.SearchStrategy[tuple[TimeSlot, ...]]:
    """Opening hours or availability: none (shrinks here), one or two slots."""
    return st.lists(
        time_slots(timezones=timezones, min_duration=dt.timedelta(minutes=30)), max_size=2
    ).map(tuple)


# Slots lie in years 2 to 9998: starts a year inside, and at most a year
# long, so that every slot drawn can be shown in every zone.
_FIRST_START = dt.datetime(3, 1, 1)  # noqa: DTZ001  # naive bounds, as st.datetimes takes them
_LAST_START = dt.datetime(9997, 12, 31)  # noqa: DTZ001
_LONGEST = dt.timedelta(days=366)
_MIN_START = dt.datetime(2000, 1, 1)  # noqa: DTZ001
_MAX_START = dt.datetime(2040, 12, 31)  # noqa: DTZ001


def time_slots(
    *,
    timezones: st.SearchStrategy[ZoneInfo] | None = None,
    min_start: dt.datetime = _MIN_START,
    max_start: dt.datetime = _MAX_START,
    min_duration: dt.timedelta = dt.timedelta(minutes=5),
    max_duration: dt.timedelta = dt.timedelta(hours=8),
) -> st.SearchStrategy[TimeSlot]:
    """Draw a :class:`~summitkit.TimeSlot`, with either end possibly estimated.

    Starts are wall-clock times that exist in the drawn zone, both readings of
    a repeated hour included (times in a daylight-saving gap do not exist, and
    :class:`~summitkit.TimeSlot` refuses them); the duration is elapsed time.

    Args:
        timezones: The zone of the endpoints (default: Asia/Dubai).
        min_start: The earliest start, as a naive wall-clock time (years 3 to 9997).
        max_start: The latest start, as a naive wall-clock time (years 3 to 9997).
        min_duration: The shortest slot; more than zero.
        max_duration: The longest slot; at most 366 days.
    """
    timezones = st.just(DUBAI) if timezones is None else timezones
    check_strategy("timezones", timezones)
    timezones = iana(timezones)
    _check_bounds(min_start, max_start, min_duration, max_duration)
    if not dt.timedelta(0) < min_duration <= max_duration <= _LONGEST:
        raise InvalidArgument(
            f"need 0 < min_duration <= max_duration <= {_LONGEST.days} days, "
            f"got {min_duration} and {max_duration}"
        )
    return st.builds(
        TimeSlot.starting,
        st.datetimes(
            min_value=min_start, max_value=max_start, timezones=timezones, allow_imaginary=False
        ),
        st.timedeltas(min_duration, max_duration),
        start_estimated=st.booleans(),
        end_estimated=st.booleans(),
    )
