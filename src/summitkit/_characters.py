r"""Which characters text and links may hold: one definition for the model and the schema.

The model's checks and the JSON Schema's patterns are both built from the
ranges here, written out as regular-expression character classes that Python's
:mod:`re` and ECMA-262 (the dialect JSON Schema names) read alike: every
character is written as itself or as ``\uXXXX``, never as a class escape
such as ``\s`` or ``\d``, which the two dialects define differently.

The ranges are fixed here rather than read from :mod:`unicodedata`, whose
answers change with each Python's Unicode version: a document valid on one
Python must be valid on every other.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "BLANK",
    "LINK_FORBIDDEN",
    "TEXT_FORBIDDEN",
    "Ranges",
    "char_class",
    "union",
    "without",
]

#: Inclusive ranges of code points, sorted.
Ranges = tuple[tuple[int, int], ...]

# C0 controls but tab and newline, DEL and the C1 controls.
_CONTROLS: Ranges = ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F))
# Explicit bidi embeddings, overrides and isolates can make text display as
# something else entirely ("Trojan Source"); marks such as U+200F are harmless.
_BIDI_CONTROLS: Ranges = ((0x202A, 0x202E), (0x2066, 0x2069))
# Lone surrogates are not text: they cannot be written as UTF-8.
_SURROGATES: Ranges = ((0xD800, 0xDFFF),)
# What str.isspace() calls whitespace.
_WHITESPACE: Ranges = (
    (0x09, 0x0D),
    (0x1C, 0x20),
    (0x85, 0x85),
    (0xA0, 0xA0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x2028, 0x2029),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
)
# Characters that show nothing: Unicode's Default_Ignorable_Code_Point
# (soft hyphen, zero-width spaces and joiners, word joiner, BOM, Hangul
# fillers, variation selectors, tags, ...) and the blank braille pattern.
_INVISIBLE: Ranges = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x2800, 0x2800),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_PRIVATE_USE: Ranges = ((0xE000, 0xF8FF), (0xF0000, 0x10FFFF))


def union(*parts: Iterable[tuple[int, int]]) -> Ranges:
    """The ranges of all *parts*, sorted, with overlapping and touching ones joined."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(r for part in parts for r in part):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return tuple(merged)


def without(ranges: Ranges, removed: Ranges) -> Ranges:
    """*ranges* minus the code points of *removed*."""
    out: list[tuple[int, int]] = []
    for low, high in ranges:
        start = low
        for cut_low, cut_high in removed:
            if cut_high < start or cut_low > high:
                continue
            if cut_low > start:
                out.append((start, cut_low - 1))
            start = max(start, cut_high + 1)
        if start <= high:
            out.append((start, high))
    return tuple(out)


#: What text may never hold: controls (but tab and newline), bidi controls, surrogates.
TEXT_FORBIDDEN: Ranges = union(_CONTROLS, _BIDI_CONTROLS, _SURROGATES)
#: What does not count as something to read: whitespace and invisible characters.
BLANK: Ranges = union(_WHITESPACE, _INVISIBLE)
#: What a link may never hold, since it could hide where the link goes.
LINK_FORBIDDEN: Ranges = union(_CONTROLS, _WHITESPACE, _INVISIBLE, _SURROGATES, _PRIVATE_USE)

# Characters that mean something inside a character class, in either dialect.
_SPECIAL = frozenset("\\]^-[")


def _char(code: int) -> str:
    # \uXXXX means the same in both dialects, and keeps surrogates and
    # controls out of the pattern's own text, which strict JSON readers
    # refuse; beyond the BMP the dialects write escapes differently, so
    # those characters stand as themselves.
    char = chr(code)
    if char in _SPECIAL:
        return "\\" + char
    if 0x20 <= code < 0x7F or code > 0xFFFF:
        return char
    return f"\\u{code:04X}"


def char_class(ranges: Ranges, *, negated: bool = False) -> str:
    """A character class matching the code points in *ranges* (or all others, if *negated*)."""
    body = "".join(
        _char(low) if low == high else f"{_char(low)}-{_char(high)}" for low, high in ranges
    )
    return f"[{'^' if negated else ''}{body}]"
