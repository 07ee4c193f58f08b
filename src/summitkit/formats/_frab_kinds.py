"""What a frab event is: its session kind, its language tag, and how its text is written.

Kinds.  An event's ``type`` is free text.  It is matched, case-folded and
without anything in brackets, first as a whole, then word by word (the
first word of the :data:`KIND_WORDS` table's priority order wins), against:

=====================================================  ==========================
``type`` (or a word of it)                             session kind
=====================================================  ==========================
keynote                                                Keynote
opening, closing, ceremony, welcome, award(s)          Ceremony
break, pause, lunch, coffee, dinner                    Break
workshop, hands-on, tutorial, training, lab            WorkshopSession
panel                                                  Panel
podium, discussion, fishbowl (or panel among other     Panel (two persons or
words)                                                 more), else Talk
talk, lecture, presentation, contribution, lightning   Talk
anything else (meeting, djset, game, BoF, other, ...)  Talk
=====================================================  ==========================

The ``type`` is kept as the session's ``label`` unless it is the kind's own
name (``talk``, ``keynote``, ... as summitkit's frab writer writes them).
A type matched only by one of its words, or not at all, is noted as
APPROXIMATED, once per distinct type.  A panel-like type with fewer than two
persons becomes a Talk (a panel needs panelists), also APPROXIMATED.
"""

from __future__ import annotations

import functools
import re

from summitkit._sessions import Break, Ceremony, Keynote, Panel, Session, Talk, WorkshopSession
from summitkit._text import canonical_language_tag
from summitkit.exceptions import ModelError

__all__ = ["KIND_WORDS", "closest_language", "kind_of", "looks_like_html"]

#: Each word a type may hold, and the kind it means, in priority order.
KIND_WORDS: dict[str, type[Session]] = {
    "keynote": Keynote,
    "opening": Ceremony,
    "closing": Ceremony,
    "ceremony": Ceremony,
    "welcome": Ceremony,
    "award": Ceremony,
    "awards": Ceremony,
    "break": Break,
    "pause": Break,
    "lunch": Break,
    "coffee": Break,
    "dinner": Break,
    "workshop": WorkshopSession,
    "hands-on": WorkshopSession,
    "tutorial": WorkshopSession,
    "training": WorkshopSession,
    "lab": WorkshopSession,
    "panel": Panel,
    "podium": Panel,
    "discussion": Panel,
    "fishbowl": Panel,
    "talk": Talk,
    "lecture": Talk,
    "presentation": Talk,
    "contribution": Talk,
    "lightning": Talk,
}
_PRIORITY = {word: rank for rank, word in enumerate(KIND_WORDS)}
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)?")
_MAX_TYPE = 200


def kind_of(type_text: str | None, persons: int) -> tuple[type[Session], str | None, str | None]:
    """The kind an event of type *type_text* with *persons* persons is read as.

    Returns:
        The session class, the label to keep (or ``None``), and what was
        approximated (or ``None`` when the type says the kind exactly).
    """
    # A programme uses a handful of types thousands of times.
    return _kind_of(type_text, min(persons, 2))


@functools.lru_cache(maxsize=1024)
def _kind_of(type_text: str | None, persons: int) -> tuple[type[Session], str | None, str | None]:
    """The work of :func:`kind_of`, with at most two persons counted."""
    if type_text is None:
        return Talk, None, None
    folded = type_text.casefold()[:_MAX_TYPE].strip()
    bare = _BRACKETS.sub(" ", folded).strip()
    kind = KIND_WORDS.get(bare)
    approximated: str | None = None
    if kind is None:
        words = [word for word in _WORDS.findall(bare) if word in _PRIORITY]
        if words:
            best = min(words, key=_PRIORITY.__getitem__)
            kind = KIND_WORDS[best]
            approximated = f"type {type_text!r} read as {kind.kind}, from its word {best!r}"
        else:
            kind = Talk
            approximated = f"type {type_text!r} matches no session kind; read as a talk"
    # "panel" itself is a panel whoever is known to take part (summitkit's
    # writer writes one whose panelists are not known yet so); a type that
    # only may be one is a panel when it has panelists to show for it.
    if kind is Panel and persons < 2 and bare != "panel":  # two panelists
        kind = Talk
        approximated = (
            f"type {type_text!r} is a panel, but with {persons} person(s); read as a talk"
        )
    label = None if folded == kind.kind else type_text
    if approximated is not None and label is not None:
        approximated += " (the type is kept as the label)"
    return kind, label, approximated


# Language names some generators write instead of a tag.
_LANGUAGE_NAMES = {
    "english": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "spanish": "es",
    "español": "es",
    "italian": "it",
    "dutch": "nl",
    "nederlands": "nl",
    "arabic": "ar",
    "العربية": "ar",
    "portuguese": "pt",
    "russian": "ru",
    "chinese": "zh",
    "japanese": "ja",
}


def closest_language(text: str) -> tuple[str | None, bool]:
    """A valid BCP 47 tag for the language *text* names, and whether it was approximated.

    ``en``, ``EN`` and ``en-us`` are read as written (in canonical case);
    ``en_US`` and language names (``English``, ``Deutsch``) are mapped;
    a tag with a subtag the registry lacks (pretalx's ``de-formal``) keeps
    its language; anything else gives ``None``.
    """
    candidate = text.strip()[:64]
    for attempt, approximated in (
        (candidate, False),
        (candidate.replace("_", "-"), True),
        (_LANGUAGE_NAMES.get(candidate.casefold(), ""), True),
        (candidate.replace("_", "-").partition("-")[0], True),
    ):
        if not attempt:
            continue
        try:
            tag = canonical_language_tag(attempt, "language")
        except ModelError:
            continue
        # Only letter case is not worth a note; a changed separator is.
        return tag, approximated or tag.casefold() != candidate.casefold()
    return None, True


# A start tag of the elements HTML abstracts use.  Each attempt stops at
# the next "<" or ">", so a search takes time linear in the text.
_HTML_TAG = re.compile(
    r"<(?:p|br|a|ul|ol|li|em|strong|b|i|code|pre|h[1-6]|div|span|blockquote|img|table)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)


def looks_like_html(*texts: str | None) -> bool:
    """Whether any of *texts* holds an HTML element such as ``<p>`` or ``<a href=...>``."""
    return any(text is not None and _HTML_TAG.search(text) is not None for text in texts)
