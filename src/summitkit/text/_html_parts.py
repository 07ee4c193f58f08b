"""The pieces of summitkit's HTML: text escaped, and marked with its language and direction."""

from __future__ import annotations

import datetime as dt
import functools
from html import escape

from babel import Locale, UnknownLocaleError

from summitkit._text import LocalizedText
from summitkit._time import TimeSlot
from summitkit.text._language import EN_DASH, RLM, Language

__all__ = ["ESTIMATED", "attr", "bidi", "clock", "direction", "localized", "plain", "times"]

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


@functools.lru_cache(maxsize=64)
def direction(tag: str) -> str:
    """``rtl`` or ``ltr`` for a language tag, by CLDR; ``auto`` for one CLDR does not know."""
    try:
        return str(Locale.parse(tag, sep="-").text_direction)
    except (UnknownLocaleError, ValueError, TypeError):
        return "auto"


def localized(value: LocalizedText, w: Language, tag: str = "span", css: str = "") -> str:
    """*value* in the language wanted (or the closest there is), marked with its language."""
    text = value.lookup(w.lang)
    lang = next((key for key, shown in value.items() if shown == text), w.lang)
    classes = f' class="{css}"' if css else ""
    return (
        f'<{tag}{classes} lang="{attr(lang)}" dir="{direction(lang)}">'
        f"{escape(text, quote=True)}</{tag}>"
    )


def bidi(text: str) -> str:
    """A name or id escaped and isolated, so that its direction never reorders its neighbours."""
    return f"<bdi>{escape(text, quote=True)}</bdi>"


def clock(w: Language, moment: dt.datetime, *, estimated: bool) -> str:
    """A wall-clock time, marked ``~`` when it is an estimate."""
    return f"{ESTIMATED if estimated else ''}{escape(w.clock(moment))}"


def times(w: Language, slot: TimeSlot, zone: dt.tzinfo, day: dt.date) -> str:
    """A slot's times in *zone*, each dated when it is not on conference day *day*."""
    start, end = slot.start.astimezone(zone), slot.end.astimezone(zone)
    first = clock(w, start, estimated=slot.start_estimated)
    last = clock(w, end, estimated=slot.end_estimated)
    if start.date() != day:
        first = f"{escape(w.day_and_month(start.date()))} {first}"
    if end.date() != start.date():
        last = f"{escape(w.day_and_month(end.date()))} {last}"
    # Times read left to right in every language; the line keeps the cell's direction.
    return f'<div class="sk-when"><span dir="ltr">{first}{EN_DASH}{last}</span></div>'
