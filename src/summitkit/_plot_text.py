"""Text for matplotlib: Arabic shaped and put in the order a matplotlib draws it in.

matplotlib from 3.11 shapes text and orders it by the Unicode bidirectional
algorithm itself, with libraqm; before that it draws each character's glyph
left to right as it comes, so Arabic must be handed to it shaped (each
letter in its contextual form) and in visual order.  :func:`shaped` does
what the matplotlib in use needs.  arabic-reshaper and python-bidi, which
the older way needs, are imported on first use.
"""

from __future__ import annotations

import functools
import os
import unicodedata

from summitkit.exceptions import MissingExtraError

__all__ = ["lays_out_text", "mirrored", "shaped", "visual"]

_FEATURE = "summitkit.plot"
RLM = "\N{RIGHT-TO-LEFT MARK}"

# The paired brackets (each to its partner) and which of them close a pair.
_PAIRS = (
    "()",
    "[]",
    "{}",
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
)
_BRACKETS = {pair[0]: pair[1] for pair in _PAIRS} | {pair[1]: pair[0] for pair in _PAIRS}
_CLOSING = frozenset(pair[1] for pair in _PAIRS)

# Directional formatting characters: they have done their work once the
# text is in visual order, and fonts draw them as missing glyphs.
_CONTROLS = dict.fromkeys(
    map(ord, "\u061c\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def shaped(text: str, *, right_to_left: bool = False) -> str:
    """*text* as matplotlib must be given it to draw it right.

    Text without a right-to-left letter is drawn as it is (its directional
    marks removed: fonts have no glyphs for them).  Text with one is:

    * from matplotlib 3.11, which shapes text and orders it by the Unicode
      bidirectional algorithm itself (with libraqm), given in logical
      order, as it is; a right-to-left mark first makes a line of a
      right-to-left picture read right to left even when it starts with a
      Latin word;
    * before that, :func:`visual`: shaped and in visual order, for a
      matplotlib that draws each character's glyph left to right.
    """
    if not any(unicodedata.bidirectional(char) in {"R", "AL"} for char in text):
        return text.translate(_CONTROLS)
    if lays_out_text():
        return f"{RLM}{text}" if right_to_left else text
    return visual(text, right_to_left=right_to_left)


def visual(text: str, *, right_to_left: bool = False) -> str:
    """*text* shaped and in visual order: what a left-to-right glyph printer needs.

    arabic-reshaper gives each Arabic letter its isolated, initial, medial
    or final presentation form and writes lam and alef as one ligature
    (vowel marks are dropped: such a printer cannot place them); then
    python-bidi puts the text in visual order, left to right, as a paragraph
    of direction right to left when *right_to_left* and of its first strong
    letter's otherwise.  Isolates (FSI ... PDI) keep a time or a Latin name
    in its own order; the directional marks are removed afterwards.
    """
    reshaper, get_display = _arabic()
    visual = get_display(reshaper.reshape(text), base_dir="R" if right_to_left else None)
    return mirrored(visual).translate(_CONTROLS)


def mirrored(visual: str) -> str:
    """*visual* with the bracket pairs that right-to-left runs reversed drawn mirrored.

    python-bidi puts text in visual order but leaves out the algorithm's
    last rule (L4): in a right-to-left run, "(" is drawn as ")" and the
    reverse.  Here a pair found backwards in visual order, ")" before its
    "(", was reversed, and both are swapped; one pass, with a stack.  A
    bracket without its partner is left as it is.
    """
    chars = list(visual)
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(chars):
        partner = _BRACKETS.get(char)
        if partner is None:
            continue
        if stack and stack[-1][0] == partner:
            opening, at = stack.pop()
            if opening in _CLOSING:  # the pair was reversed
                chars[at], chars[index] = char, opening
        else:
            stack.append((char, index))
    return "".join(chars)


def lays_out_text() -> bool:
    """Whether matplotlib shapes and orders text itself, as it does with libraqm (3.11 on)."""
    from matplotlib import ft2font  # noqa: PLC0415  # the extra, on first use

    return hasattr(ft2font, "__libraqm_version__")


class _Reshaper:
    """What summitkit uses of arabic-reshaper's ``ArabicReshaper``, typed."""

    def __init__(self, reshaper: object) -> None:
        self._reshape = getattr(reshaper, "reshape")  # noqa: B009  # an untyped library's method

    def reshape(self, text: str) -> str:
        return str(self._reshape(text))


class _Display:
    """What summitkit uses of python-bidi's ``get_display``, typed."""

    def __init__(self, function: object) -> None:
        self._function = function

    def __call__(self, text: str, *, base_dir: str | None) -> str:
        function = self._function
        if not callable(function):  # pragma: no cover - python-bidi's own function
            raise TypeError(function)
        return str(function(text, base_dir=base_dir))


@functools.cache
def _arabic() -> tuple[_Reshaper, _Display]:
    """arabic-reshaper, set up once, and python-bidi's ``get_display``."""
    try:
        import arabic_reshaper  # type: ignore[import-untyped]  # pyright: ignore[reportMissingTypeStubs]  # noqa: PLC0415  # the extra, on first use
        import bidi  # type: ignore[import-untyped]  # pyright: ignore[reportMissingTypeStubs]  # noqa: PLC0415
    except ImportError as error:
        missing = "bidi" if "bidi" in str(error.name) else "arabic_reshaper"
        raise MissingExtraError(_FEATURE, "plot", missing) from None
    # The library's defaults, changed here: only lam-alef's ligatures, which
    # every Arabic font has (not the word Allah's).  The empty file stands
    # for the one an environment variable may name, so that the shapes are
    # the same everywhere.
    configuration = {
        "delete_harakat": True,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
    }
    reshaper = arabic_reshaper.ArabicReshaper(configuration, os.devnull)  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
    return _Reshaper(reshaper), _Display(bidi.get_display)  # pyright: ignore[reportUnknownMemberType, reportUnknownArgumentType]
