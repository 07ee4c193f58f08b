"""Writing in one language: messages, counts, lists, dates, times and zones.

Everything here is data from CLDR (through Babel) or from the language's
message catalogue; no sentence names a language.  A value put into a
message is *isolated* when the language is written right to left: wrapped
in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (U+2068 … U+2069), so that
a Latin name, a time or a hashtag keeps its own direction and cannot pull
its neighbours into it (``#GSMS15`` stays ``#GSMS15``, and ``Hall 3`` does
not swallow the number after it).
"""

from __future__ import annotations

import datetime as dt
import string
import unicodedata
from collections.abc import Iterable, Mapping
from zoneinfo import ZoneInfo

from babel.dates import format_date, get_timezone_location
from babel.lists import format_list
from babel.numbers import format_decimal

from summitkit._time import TimeSlot
from summitkit._walltime import wall_clock
from summitkit.text._catalogues import Catalogue, catalogue

__all__ = ["FSI", "PDI", "RLM", "Language", "Phrase"]

FSI = "\N{FIRST STRONG ISOLATE}"
PDI = "\N{POP DIRECTIONAL ISOLATE}"
RLM = "\N{RIGHT-TO-LEFT MARK}"
EN_DASH = "\N{EN DASH}"
# Arabic script joins a one-letter preposition to the next word; before a
# Latin word or a digit it is written with a tatweel stroke (لـ12).
_TATWEEL = "\N{ARABIC TATWEEL}"
_ARABIC_DEFINITE = "\N{ARABIC LETTER ALEF}\N{ARABIC LETTER LAM}"


class Phrase(str):
    """Text already written in the language: put into a message as it is.

    Plain strings given to a message are names and titles from the summit,
    which are isolated; a phrase is the language's own words, or values
    already isolated.
    """

    __slots__ = ()


class Language:
    """Writing in one language, from its catalogue and Babel's CLDR data.

    Args:
        lang: A language :func:`summitkit.text.languages` lists; callers
            check it first.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.catalogue: Catalogue = catalogue(lang)
        self.locale = self.catalogue.locale
        self.right_to_left = self.catalogue.right_to_left
        # Labels without values are asked for once per row of a long output.
        self._labels: dict[tuple[str, str], Phrase] = {}

    # -- messages ---------------------------------------------------------

    def say(self, context: str, source: str, /, **values: object) -> Phrase:
        """The message *source* (English) in this language, with *values* put in."""
        if values:
            return self.fill(self.catalogue.message(context, source), values)
        label = self._labels.get((context, source))
        if label is None:
            label = self._labels[context, source] = self.fill(
                self.catalogue.message(context, source), values
            )
        return label

    def count(
        self, context: str, forms: tuple[str, str], number: int, /, **values: object
    ) -> Phrase:
        """The plural message for *number*, which it shows as ``{n}``.

        *forms* are the English singular and plural.
        """
        values.setdefault("n", Phrase(self.number(number)))
        return self.fill(self.catalogue.plural(context, forms, number), values)

    def fill(self, template: str, values: Mapping[str, object]) -> Phrase:
        """*template* with *values* put in: names isolated, numbers written as CLDR says.

        A field with a format spec, ``{name:ل}``, attaches that one-letter
        Arabic preposition to the value as Arabic spelling does.  A value may
        be a callable, called when the message reaches it: values are made in
        the order the language reads them (the first time on a line carries
        its date, whichever language puts it first).
        """
        parts: list[str] = []
        made: dict[str, object] = {}
        for literal, name, spec, _ in string.Formatter().parse(template):
            parts.append(literal)
            if name is None:
                continue
            if name not in made:
                given = values[name]
                made[name] = given() if callable(given) else given
            value = made[name]
            shown = self.number(value) if isinstance(value, int) else str(value)
            if spec:
                parts.append(self.attach(spec, shown, isolated=isinstance(value, Phrase)))
            elif isinstance(value, (Phrase, int)):
                parts.append(shown)
            else:
                parts.append(self.isolate(shown))
        return Phrase("".join(parts))

    def attach(self, prefix: str, word: str, *, isolated: bool = False) -> str:
        """A one-letter preposition written onto *word*: للدكتورة, لزوي, لـDr. X, لـ12.

        Before the article ال the preposition ل takes the place of its alef;
        before another Arabic letter it joins the word; before anything else
        it is written with a tatweel.
        """
        bare = word.removeprefix(FSI).removesuffix(PDI) if isolated else word
        first = bare[:1]
        if prefix == "ل" and bare.startswith(_ARABIC_DEFINITE):
            return self.isolate(prefix + bare[1:])
        if first and unicodedata.bidirectional(first) == "AL":
            return self.isolate(prefix + bare)
        return prefix + _TATWEEL + self.isolate(bare)

    def isolate(self, text: str) -> Phrase:
        """*text* isolated from its neighbours' direction (right-to-left languages only).

        A phrase, the language's own words or a value already isolated, is
        left as it is.
        """
        if isinstance(text, Phrase) or not self.right_to_left or not text:
            return Phrase(text)
        return Phrase(f"{FSI}{text}{PDI}")

    def line(self, text: str) -> str:
        """A line of output: in a right-to-left language, marked as one.

        A right-to-left mark first makes a terminal lay the line out right to
        left even when it starts with a name in Latin letters.
        """
        return f"{RLM}{text}" if self.right_to_left and text else text

    def quoted(self, text: str) -> Phrase:
        """*text* in the language's quotation marks, isolated."""
        return self.say(
            "quote",
            "\N{LEFT DOUBLE QUOTATION MARK}{text}\N{RIGHT DOUBLE QUOTATION MARK}",
            text=text,
        )

    def join(self, items: Iterable[str]) -> Phrase:
        """Items as the language lists them ("A, B, and C"; "A وB وC"), each isolated.

        Items that are already phrases are not isolated again.
        """
        shown = [self.isolate(item) for item in items]
        if not shown:
            return Phrase("")
        return Phrase(format_list(shown, locale=self.locale))

    def number(self, value: int) -> str:
        """An integer as the language writes it (CLDR's digits and grouping)."""
        return format_decimal(value, locale=self.locale)

    # -- dates and times --------------------------------------------------

    def date(self, day: dt.date, context: str, pattern: str) -> str:
        """*day* in a CLDR date *pattern* the catalogue may change for the language."""
        return format_date(day, self.catalogue.message(context, pattern), locale=self.locale)

    def long_date(self, day: dt.date) -> str:
        """*day* as "Wednesday 16 September 2015"."""
        return self.date(day, "date.long", "EEEE d MMMM y")

    def weekday_and_month(self, day: dt.date) -> str:
        """*day* as "Wednesday 16 September"."""
        return self.date(day, "date.weekday", "EEEE d MMMM")

    def day_and_month(self, day: dt.date) -> str:
        """*day* as "16 Sep", the date beside a time."""
        return self.date(day, "date.short", "d MMM")

    def clock(self, moment: dt.datetime) -> str:
        """A wall-clock time, "09:30"; in an hour that happens twice, which reading."""
        return wall_clock(moment)

    def span(self, slot: TimeSlot, zone: dt.tzinfo, *, dated: bool = False) -> Phrase:
        """A slot as "09:30–10:30" in *zone*, isolated.

        The start is dated when *dated*; the end when it falls on another day.
        """
        start, end = slot.start.astimezone(zone), slot.end.astimezone(zone)
        first = self.clock(start)
        if dated:
            first = f"{self.day_and_month(start.date())} {first}"
        last = self.clock(end)
        if end.date() != start.date():
            last = f"{self.day_and_month(end.date())} {last}"
        return self.isolate(f"{first}{EN_DASH}{last}")

    def slot_clocks(
        self, slot: TimeSlot, zone: dt.tzinfo, day: dt.date
    ) -> tuple[tuple[str, str], tuple[str, str]]:
        """A slot's start and end in *zone*, each as (its date or ``""``, its clock).

        The start is dated when it is not on conference day *day* (an
        evening before, in an attendee's zone), the end when it is on
        another date than the start; "16 Sep", as :meth:`day_and_month`.
        """
        start, end = slot.start.astimezone(zone), slot.end.astimezone(zone)
        first = self.day_and_month(start.date()) if start.date() != day else ""
        last = self.day_and_month(end.date()) if end.date() != start.date() else ""
        return (first, self.clock(start)), (last, self.clock(end))

    def zone(self, zone: dt.tzinfo, moments: Iterable[dt.datetime] = ()) -> Phrase:
        """A zone as people know it: "Dubai time (UTC+4)", "بتوقيت دبي (غرينتش+4)".

        The offset is the one at *moments* (several, "UTC+1/UTC+0", when a
        daylight-saving change falls among them; none, "Dubai time", without
        moments); a fixed offset is just its offset, and UTC just "UTC".
        The city's name is CLDR's, in the language when CLDR has it.
        """
        offsets = [self.offset(moment.astimezone(zone).utcoffset()) for moment in moments]
        key = zone.key if isinstance(zone, ZoneInfo) else None
        if key is None or key == "UTC" or key.startswith("Etc/"):
            fixed = offsets or [self.offset(zone.utcoffset(None))]
            offset = Phrase("/".join(dict.fromkeys(fixed)))
            if offset == self.offset(dt.timedelta(0)):
                offset = Phrase(self.catalogue.message("zone.utc", "UTC"))
            return self.say("zone.fixed", "{offset}", offset=offset)
        city: str = get_timezone_location(zone, locale=self.locale, return_city=True)
        if self.right_to_left == _left_to_right(city):
            # CLDR has no name in the language's script (EST5EDT): keep it apart.
            city = self.isolate(city)
        city = Phrase(city)
        if not offsets:
            return self.say("zone.city.bare", "{city} time", city=city)
        offset = Phrase("/".join(dict.fromkeys(offsets)))
        return self.say("zone.city", "{city} time ({offset})", city=city, offset=offset)

    def offset(self, offset: dt.timedelta | None) -> str:
        """An offset from UTC as "UTC+4", "UTC+5:30", "UTC-3" or "UTC+0"."""
        seconds = int((offset or dt.timedelta(0)).total_seconds())
        sign = "-" if seconds < 0 else "+"
        hours, rest = divmod(abs(seconds), 3600)
        minutes, seconds = divmod(rest, 60)
        shown = f"{sign}{hours}"
        if minutes or seconds:
            shown += f":{minutes:02}" + (f":{seconds:02}" if seconds else "")
        # Isolated, so that the sign stays before the digits in Arabic.
        return self.catalogue.message("zone.offset", "UTC{offset}").format(
            offset=self.isolate(shown)
        )

    # -- numbers as words -------------------------------------------------

    def ordinal(self, number: int, context: str) -> Phrase:
        """An ordinal in *context*: "4th", "11th"; "الرابعة", "الحادية عشرة".

        A language whose ordinals are words translates each number it spells
        (``msgctxt`` *context*, ``msgid`` the number); others, and larger
        numbers, use one message per CLDR ordinal category
        (``<context>.one`` "{n}st", ``<context>.two`` "{n}nd", ...).
        """
        spelled = self.catalogue.translation(context, str(number))
        if spelled:
            return Phrase(spelled)
        category = self.locale.ordinal_form(number)
        english = {"one": "{n}st", "two": "{n}nd", "few": "{n}rd"}.get(category, "{n}th")
        template = self.catalogue.message(f"{context}.{category}", english)
        return self.fill(template, {"n": Phrase(str(number))})


def _left_to_right(text: str) -> bool:
    """Whether the first letter of *text* with a direction is written left to right."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in {"L", "R", "AL"}:
            return direction == "L"
    return True
