"""Reading durations as people write them, and what reading times shares with it.

Below :mod:`summitkit._time`, so that :meth:`summitkit.TimeSlot.starting`
reads the same durations as :func:`summitkit.parse_duration`; times of day
are read in :mod:`summitkit._parsing`, with the same normalisation.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError, UnreadableTimeError

__all__ = ["MAX_LENGTH", "check_length", "normalise", "parse_duration", "read_duration"]

# Arabic-Indic and Extended (Persian) digits read as ASCII digits.
# Harakat, tanween, dagger alif and tatweel carry no meaning for reading a time.
_MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")
_ALEFS = str.maketrans("أإآ", "ااا")  # noqa: RUF001  # Arabic letters, meant

# Times and durations are short; longer text is refused before it is read,
# so that no hostile input can make reading slow.
MAX_LENGTH = 100


def normalise(text: str) -> str:
    """*text* as the grammars read it: NFKC, ASCII digits, no marks, one space, folded."""
    text = unicodedata.normalize("NFKC", text).translate(_ALEFS)
    # Digits of every script (Arabic-Indic, Persian, Devanagari, ...) read as
    # ASCII digits, so that the grammar below need only know [0-9].
    text = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)
    text = _MARKS.sub("", text)
    return " ".join(text.replace("الساعة", " ").split()).casefold()


def check_length(path: str, text: str, what: str) -> None:
    """Refuse *text* longer than :data:`MAX_LENGTH` before reading it as a *what*."""
    if len(text) > MAX_LENGTH:
        raise UnreadableTimeError(
            path,
            f"cannot read {text[:20]!r}... ({len(text)} characters) as a {what}: "
            f"expected at most {MAX_LENGTH} characters",
        )


_ISO_DURATION = re.compile(
    r"p(?:(?P<days>[0-9]+)d)?"
    r"(?:t(?:(?P<hours>[0-9]+)h)?(?:(?P<minutes>[0-9]+)m)?(?:(?P<seconds>[0-9]+(?:\.[0-9]+)?)s)?)?"
)
_COLONS = re.compile(r"(?P<hours>[0-9]+):(?P<minutes>[0-9]{2})(?::(?P<seconds>[0-9]{2}))?")
_UNITS = re.compile(
    r"(?:(?P<hours>[0-9]+(?:\.[0-9]+)?) ?(?:h|hr|hrs|hour|hours|ساعة|ساعات|ساعه|س) ?)?"
    r"(?:(?P<minutes>[0-9]+) ?(?P<unit>m|min|mins|minute|minutes|دقيقة|دقائق|دقيقه|د)?)?"
)


def parse_duration(text: str) -> dt.timedelta:
    """Read a duration as people write it.

    Accepted: ``"45m"``, ``"45 min"``, ``"1h30"``, ``"1h 30m"``, ``"2 hours"``,
    ``"1:30"`` (hours and minutes), ``"01:30:00"`` (hours, minutes, seconds),
    ISO 8601 ``"PT1H30M"`` or ``"P1DT2H"``, and Arabic digits and units
    (``"٤٥ دقيقة"``).

    Raises:
        UnreadableTimeError: If *text* cannot be read without guessing: a bare
            number (minutes or hours?), calendar units with no fixed length
            (``"P1M"``), or a duration that is not positive.

    >>> parse_duration("1h30")
    datetime.timedelta(seconds=5400)
    >>> parse_duration("PT45M") == parse_duration("٤٥ دقيقة")
    True
    """
    path = "parse_duration(text)"
    duration = read_duration(text, path=path)
    if duration <= dt.timedelta(0):
        raise UnreadableTimeError(
            path, f"cannot read {text!r} as a duration: expected a duration longer than zero"
        )
    return duration


def read_duration(text: str, *, path: str) -> dt.timedelta:
    """The duration *text* writes, which may be zero (``"00:00"``); *path* names it in errors.

    Raises:
        InvalidTypeError: If *text* is not a string.
        UnreadableTimeError: If it cannot be read without guessing.
    """
    if not isinstance(text, str):
        raise InvalidTypeError(path, f"expected text, got {describe(text)}")
    check_length(path, text, "duration")
    try:
        return _duration_of(normalise(text))
    except ValueError as problem:
        raise UnreadableTimeError(path, f"cannot read {text!r} as a duration: {problem}") from None
    except OverflowError:
        raise UnreadableTimeError(
            path, f"cannot read {text!r} as a duration: it is too long for a timedelta"
        ) from None


def _duration_of(words: str) -> dt.timedelta:
    """The duration *words* write; ValueError says why it cannot be read."""
    if words.isdigit():
        message = f"{words} could be minutes or hours; write {words}m or {words}h"
        raise ValueError(message)
    if words.startswith("p"):
        match = _ISO_DURATION.fullmatch(words)
        if match is None or not any(match.groupdict().values()):
            message = "expected ISO 8601 days, hours, minutes or seconds, such as PT1H30M"
            raise ValueError(message)
        return dt.timedelta(
            days=int(match["days"] or 0),
            hours=int(match["hours"] or 0),
            minutes=int(match["minutes"] or 0),
            seconds=float(match["seconds"] or 0),
        )
    if (match := _COLONS.fullmatch(words)) is not None:
        if int(match["minutes"]) > 59 or int(match["seconds"] or 0) > 59:
            message = "minutes and seconds run from 00 to 59"
            raise ValueError(message)
        return dt.timedelta(
            hours=int(match["hours"]),
            minutes=int(match["minutes"]),
            seconds=int(match["seconds"] or 0),
        )
    # Minutes without a unit only after hours: "1h30" but never "30".
    if (match := _UNITS.fullmatch(words)) is not None and (match["hours"] or match["unit"]):
        if match["hours"] and not match["unit"] and int(match["minutes"] or 0) > 59:
            message = "minutes and seconds run from 00 to 59"
            raise ValueError(message)
        return dt.timedelta(hours=float(match["hours"] or 0), minutes=int(match["minutes"] or 0))
    message = "expected a duration such as 45m, 1h30, 1:30, 01:30:00 or PT1H30M"
    raise ValueError(message)
