"""Strategies for text, people, places and time slots, and argument checks."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Mapping
from typing import TypeVar
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from summitkit._arguments import is_usable_zone
from summitkit._characters import BLANK, TEXT_FORBIDDEN, char_class, union
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

#: The characters of text: a string of them, or a strategy drawing one at a
#: time, as ``st.text(alphabet=...)`` takes them.
Alphabet = str | st.SearchStrategy[str]

_FORBIDDEN = re.compile(char_class(TEXT_FORBIDDEN))
_VISIBLE = re.compile(char_class(BLANK, negated=True))


def texts(
    *, alphabet: Alphabet | None = None, min_size: int = 1, max_size: int = 16
) -> st.SearchStrategy[str]:
    """Draw text that :class:`~summitkit.LocalizedText` accepts.

    By default text may hold any character of any script: mostly Latin
    letters, digits and punctuation, and now and then CJK, Arabic,
    combining marks, emoji and every other script, spaces and newlines,
    zero-width joiners and right-to-left marks.  It is never blank and holds
    no control or bidirectional control characters, and it shrinks toward
    short ASCII (``"0"``): each text is one choice for Hypothesis, so it is
    cheap to draw and quick to shrink.

    Args:
        alphabet: The characters to draw from instead: a string of them
            (``string.ascii_letters``), or a strategy drawing one character
            at a time (``st.characters(codec="ascii", categories=["L"])``),
            as ``st.text`` takes them.  A string may not hold what text
            refuses (controls other than tab and newline, bidirectional
            controls, lone surrogates) and must hold a character that shows;
            a strategy that draws a refused character raises
            ``InvalidArgument``, and text it draws that shows nothing is
            drawn again.
        min_size: The fewest characters (at least 1).
        max_size: The most characters.

    Raises:
        hypothesis.errors.InvalidArgument: If an argument is out of range, or
            *alphabet* is neither a string nor a strategy, or it is a string
            holding a character text refuses or none that shows.
    """
    low, high = check_sizes(min_size, max_size, minimum=1)
    return _texts(check_alphabet(alphabet), low, high)


def check_alphabet(alphabet: object, name: str = "alphabet") -> Alphabet | None:
    """Raise InvalidArgument unless *alphabet* is None, a strategy, or characters text may hold."""
    if alphabet is None or isinstance(alphabet, st.SearchStrategy):
        return alphabet  # pyright: ignore[reportUnknownVariableType]  # a strategy of anything
    if not isinstance(alphabet, str):
        raise InvalidArgument(
            f"{name}={alphabet!r} must be a string of characters or a Hypothesis strategy"
        )
    refused = _FORBIDDEN.search(alphabet)
    if refused is not None:
        raise InvalidArgument(
            f"{name}={alphabet!r} holds U+{ord(refused.group()):04X}, which text may not "
            "hold (controls other than tab and newline, bidirectional controls and lone "
            "surrogates are refused)"
        )
    if _VISIBLE.search(alphabet) is None:
        raise InvalidArgument(
            f"{name}={alphabet!r} has no character that shows: text of only whitespace "
            "or invisible characters is refused"
        )
    return alphabet


# Bounded: a suite may make a strategy per test, each a new key.
@functools.lru_cache(maxsize=256)
def _texts(alphabet: Alphabet | None, low: int, high: int) -> st.SearchStrategy[str]:
    """Text of *low* to *high* characters of *alphabet* (None: every script)."""
    if isinstance(alphabet, st.SearchStrategy):
        # What a strategy draws is only known when drawn: a refused character
        # is the caller's mistake, and text that shows nothing is rare.
        return (
            st.text(alphabet, min_size=low, max_size=high).map(_drawn_from_alphabet).filter(_shows)
        )
    characters = (
        _every_script()
        if alphabet is None
        else st.characters(codec=None, categories=(), include_characters=alphabet)
    )
    shown = "0" if alphabet is None else min(_VISIBLE.findall(alphabet), key=ord)
    return st.text(characters, min_size=low, max_size=high).map(functools.partial(_showing, shown))


def _shows(text: str) -> bool:
    return _VISIBLE.search(text) is not None


def _showing(shown: str, text: str) -> str:
    """*text*, or if it shows nothing (a lone space), *shown* in place of its first character."""
    return text if _shows(text) else shown + text[1:]


def _drawn_from_alphabet(text: str) -> str:
    refused = _FORBIDDEN.search(text)
    if refused is not None:
        # As Hypothesis itself does for a strategy argument that draws nonsense.
        raise InvalidArgument(
            f"alphabet drew U+{ord(refused.group()):04X}, which text may not hold"
        )
    return text


# The characters of those categories that show nothing or that text refuses.
_NOT_VISIBLE = "".join(
    char
    for low, high in union(BLANK, TEXT_FORBIDDEN)
    for char in map(chr, range(low, high + 1))
    if unicodedata.category(char)[0] in "LMNPS"
)
# Inside text, besides what shows: the space, the newline, and the zero-width
# joiner and right-to-left mark that emoji sequences and bidi text need.
_INNER = " \n\u200d\u200f"


@functools.cache
def _every_script() -> st.SearchStrategy[str]:
    # One set of characters, so that a text is one string choice: Hypothesis
    # draws it at full speed, mostly from the first few hundred code points
    # (ASCII and Latin) and now and then from all the rest, and shrinks it
    # toward ASCII.  Letters and marks that show nothing (U+3164 HANGUL
    # FILLER, variation selectors) are excluded rather than filtered.
    return st.characters(
        categories=["L", "M", "N", "P", "S"],
        exclude_characters=_NOT_VISIBLE,
        include_characters=_INNER,
    )


@functools.cache
def _arabic_script() -> st.SearchStrategy[str]:
    # Text in a language written in Arabic script: Arabic letters, marks,
    # digits and punctuation among printable ASCII (which comes first, so
    # that it shrinks to ASCII too).
    return st.characters(
        min_codepoint=0x20,
        max_codepoint=0x06FF,
        categories=["L", "M", "N", "P", "S"],
        exclude_characters=_NOT_VISIBLE + "".join(map(chr, range(0x7F, 0x0600))),
        include_characters=_INNER,
    )


#: Languages written in Arabic script, whose text is drawn mostly in it by default.
_ARABIC_SCRIPT = frozenset({"ar", "ur"})


#: A text strategy, and the character that stands first in what it draws
#: when that shows nothing (None: what it draws always shows).
_Values = tuple[st.SearchStrategy[str], str | None]


def _raw_texts(alphabet: Alphabet | None, tag: str) -> _Values:
    """Text of 1 to 16 characters for language *tag*, unmapped, so that drawing it is one step.

    By default Arabic and Urdu text is drawn in Arabic script, other
    languages' in every script.
    """
    if isinstance(alphabet, st.SearchStrategy):
        return _texts(alphabet, 1, 16), None
    if alphabet is not None:
        characters = st.characters(codec=None, categories=(), include_characters=alphabet)
        shown = min(_VISIBLE.findall(alphabet), key=ord)
        return st.text(characters, min_size=1, max_size=16), shown
    script = _arabic_script() if tag in _ARABIC_SCRIPT else _every_script()
    return st.text(script, min_size=1, max_size=16), "0"


def localized_texts(
    *,
    languages: st.SearchStrategy[str] | None = None,
    values: st.SearchStrategy[str] | None = None,
    alphabet: Alphabet | None = None,
    min_size: int = 1,
    max_size: int = 3,
) -> st.SearchStrategy[LocalizedText]:
    """Draw a :class:`~summitkit.LocalizedText` in one or more languages.

    By default most have one language, shrinking toward English alone, and
    text in Arabic and Urdu is drawn mostly in Arabic script.

    Args:
        languages: Language tags to draw from (default: :data:`LANGUAGES`:
            English, Arabic and a few others).  Tags that normalise alike
            (``"en-gb"``, ``"en-GB"``) count once.
        values: The text of each language (default: :func:`texts`).
        alphabet: The characters of the text, as for :func:`texts`; not
            with *values*.
        min_size: The fewest languages (at least 1; with the default
            *languages*, at most as many as there are).
        max_size: The most languages.

    Raises:
        hypothesis.errors.InvalidArgument: If an argument is out of range or
            not a strategy where one is expected, or both *values* and
            *alphabet* are given.
    """
    low, high = check_sizes(min_size, max_size, minimum=1)
    alphabet = check_alphabet(alphabet)
    if values is not None:
        check_strategy("values", values)
        if alphabet is not None:
            raise InvalidArgument(
                "values= and alphabet= were both given: alphabet= is the characters "
                "of the default values, so pass one of them"
            )
    if languages is not None:
        check_strategy("languages", languages)
        tags = languages.map(normalize_language_tag)
        values = texts(alphabet=alphabet) if values is None else values
        return st.dictionaries(tags, values, min_size=low, max_size=high).map(LocalizedText)
    if low > len(LANGUAGES):
        raise InvalidArgument(
            f"min_size={low} is more than the {len(LANGUAGES)} default languages; "
            "pass languages= to draw more"
        )
    return _localized(values, alphabet, low, min(high, len(LANGUAGES)))


# Bounded: a suite may make a strategy per test, each a new key.
@functools.lru_cache(maxsize=256)
def _localized(
    values: st.SearchStrategy[str] | None, alphabet: Alphabet | None, low: int, high: int
) -> st.SearchStrategy[LocalizedText]:
    """Texts in the default languages: one choice for which languages, one for each text."""
    by_tag: dict[str, _Values] = {
        tag: (values, None) if values is not None else _raw_texts(alphabet, tag)
        for tag in LANGUAGES
    }
    return _localized_texts(st.sampled_from(_language_sets(low, high)), by_tag)


@functools.cache
def _language_sets(low: int, high: int) -> tuple[tuple[str, ...], ...]:
    """The sets of *low* to *high* default languages, each as often as its size is likely.

    Drawn by one index, which shrinks toward the front: English alone first,
    then each language alone, then pairs (English and Arabic first), and so
    on.  A set of one more language is drawn half as often in all.
    """
    weighted: list[tuple[str, ...]] = []
    for size in range(low, high + 1):
        sets = list(itertools.combinations(LANGUAGES, size))
        share = 2 ** (high - size)
        repeat = max(1, round(share * 64 / len(sets)))
        weighted += [tags for tags in sets for _ in range(repeat)]
    return tuple(weighted)


@st.composite
def _localized_texts(
    draw: st.DrawFn,
    tag_sets: st.SearchStrategy[tuple[str, ...]],
    by_tag: Mapping[str, _Values],
) -> LocalizedText:
    text: dict[str, str] = {}
    for tag in draw(tag_sets):
        values, shown = by_tag[tag]
        value = draw(values)
        text[tag] = value if shown is None else _showing(shown, value)
    return LocalizedText(text)


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
