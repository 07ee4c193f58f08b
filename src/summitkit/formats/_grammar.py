r"""The grammar of the strings in a summit document, shared by the reader and the schema.

Each pattern is written once, in the subset of regular expressions that
Python's :mod:`re` and ECMA-262 in Unicode mode (the dialect JSON Schema
names) read alike: no ``\d`` or ``\s`` (whose meanings differ), no named
groups, no ``$`` (which in Python also matches before a final newline).
:func:`whole` anchors a pattern for the schema; the reader uses
``re.fullmatch``.
"""

from __future__ import annotations

from summitkit._characters import BLANK, TEXT_FORBIDDEN, char_class, union, without
from summitkit._text import CANONICAL_TAG_PATTERN, MAX_TAG_LENGTH
from summitkit._validators import HASHTAG_PATTERN, ID_PATTERN, URL_PATTERN

__all__ = [
    "DATE",
    "HASHTAG",
    "ID",
    "INSTANT",
    "INSTANT_PARTS",
    "LANGUAGE_TAG",
    "MAX_TAG_LENGTH",
    "NAIVE_INSTANT",
    "OFFSET",
    "SUMMIT_DAY",
    "TEXT",
    "URL",
    "WALL_TIME",
    "ZONE_NAME",
    "whole",
]

ID = ID_PATTERN
URL = URL_PATTERN
LANGUAGE_TAG = CANONICAL_TAG_PATTERN

_DAY_OF_MONTH = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
# Leap years: divisible by 4, and by 400 when by 100.
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
# Time slots lie in years 2 to 9998, and a summit's days in years 3 to 9997,
# so that every instant on a summit's days can be shown in every zone.
_SLOT_YEARS = "(?!000[01]|9999)"
_SUMMIT_YEARS = "(?!000[0-2]|999[89])"

#: A calendar date that exists, in years 1 to 9999.
DATE = f"(?!0000)(?:[0-9]{{4}}-{_DAY_OF_MONTH}|{_LEAP_YEAR}-02-29)"
#: A date in years 3 to 9997, as a summit's days are.
SUMMIT_DAY = f"{_SUMMIT_YEARS}{DATE}"
#: A wall-clock time: hours and minutes, seconds if not zero, microseconds if not zero.
WALL_TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{6})?)?"
#: A UTC offset, as ``isoformat()`` writes it.
OFFSET = "[+-](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{6})?)?"
#: The shape of an IANA zone name (whether the zone exists is the reader's to check).
ZONE_NAME = "[A-Za-z0-9_+./-]+"
#: An instant without its offset: a date in years 2 to 9998, ``T`` and a time.
NAIVE_INSTANT = f"{_SLOT_YEARS}{DATE}T{WALL_TIME}"


def _instant(iso: str, zone: str) -> str:
    return f"({iso}{NAIVE_INSTANT}{OFFSET})(?:\\[({zone}{ZONE_NAME})\\])?"


#: An instant: date, time and offset, then the IANA zone in brackets (RFC 9557).
INSTANT = _instant("?:", "?:")
#: The same, with the parts the reader takes apart named (for Python only).
INSTANT_PARTS = _instant("?P<iso>", "?P<zone>")
#: Text: something to read, and nothing text may never hold.
TEXT = (
    f"{char_class(without(BLANK, TEXT_FORBIDDEN))}*"
    f"{char_class(union(BLANK, TEXT_FORBIDDEN), negated=True)}"
    f"{char_class(TEXT_FORBIDDEN, negated=True)}*"
)
#: A hashtag, with or without its ``#``; that its characters beyond ASCII are
#: letters or digits only the reader checks (Unicode's letters grow each version).
HASHTAG = f"#?{HASHTAG_PATTERN}"


def whole(pattern: str) -> str:
    """*pattern* anchored at both ends, as a JSON Schema ``pattern`` (which searches)."""
    # (?![\s\S]) is the end of the text in both dialects; `$` is not, in Python.
    return f"^(?:{pattern})(?![\\s\\S])"
