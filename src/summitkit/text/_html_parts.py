"""The pieces of summitkit's HTML: text escaped, and marked with its language and direction."""

from __future__ import annotations

import datetime as dt
import functools
from html import escape

from babel import Locale, UnknownLocaleError

from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit.text._language import EN_DASH, RLM, Language

__all__ = ["ESTIMATED", "attr", "bidi", "direction", "localized", "plain", "times"]

# The mark of an estimated time or an assumed title.
ESTIMATED = '<span class="sk-est">~</span>'


def attr(text: str) -> str:
    """*text* escaped for an attribute's value, quotes included."""
    return escape(text, quote=True)


def plain(text: str) -> str:
    """Text the language wrote, escaped.

    The right-to-left mark that starts a line of text is left to the
    markup's ``dir``; the isolates around names stay, as browsers honour them.
    """
    return escape(text.removeprefix(RLM), quote=True)


# Scripts written right to left, by ISO 15924 code (lower case).
_RTL_SCRIPTS = frozenset(
    {"adlm", "arab", "aran", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi"}
)
# Languages whose usual script is written right to left, when a tag names no script.
_RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ps", "sd", "syr", "ug", "ur", "yi"}
)


@functools.lru_cache(maxsize=64)
def direction(tag: str) -> str:
    """``rtl`` or ``ltr`` for a language tag; ``auto`` for a language it does not know.

    A script subtag decides first (``ar-Latn`` is left to right), then the
    language's usual script; a private-use part (``-x-...``) and other
    extensions are ignored.  Other languages are looked up in CLDR.
    """
    parts = tag.lower().split("-")
    language, rest = parts[0], parts[1:]
    if not language.isalpha() or not 2 <= len(language) <= 8:  # BCP 47
        return "auto"
    for part in rest:
        if len(part) == 1:  # an extension or private use: nothing after it is a script
            break
        if len(part) == 4 and part.isalpha():  # a script subtag
            return "rtl" if part in _RTL_SCRIPTS else "ltr"
    if language in _RTL_LANGUAGES:
        return "rtl"
    try:
        return str(Locale.parse(language).text_direction)
    except (UnknownLocaleError, ValueError, TypeError):
        return "auto"


def localized(value: LocalizedText, w: Language, tag: str = "span", css: str = "") -> str:
    """*value* in the language wanted (or the closest there is), marked with its language."""
    lang, text = value.lookup_item(w.lang)
    classes = f' class="{css}"' if css else ""
    return (
        f'<{tag}{classes} lang="{attr(lang)}" dir="{direction(lang)}">'
        f"{escape(text, quote=True)}</{tag}>"
    )


def bidi(text: str) -> str:
    """A name or id escaped and isolated, so that its direction never reorders its neighbours."""
    return f"<bdi>{escape(text, quote=True)}</bdi>"


def times(w: Language, slot: TimeSlot, zone: dt.tzinfo, day: dt.date) -> str:
    """A slot's times in *zone*, each dated as :meth:`Language.slot_clocks` dates it."""
    (first_date, first), (last_date, last) = w.slot_clocks(slot, zone, day)
    first = f"{ESTIMATED if slot.start_estimated else ''}{escape(first)}"
    last = f"{ESTIMATED if slot.end_estimated else ''}{escape(last)}"
    if first_date:
        first = f"{escape(first_date)} {first}"
    if last_date:
        last = f"{escape(last_date)} {last}"
    # Times read left to right in every language; the line keeps the cell's direction.
    return f'<div class="sk-when"><span dir="ltr">{first}{EN_DASH}{last}</span></div>'
