"""Human-readable text in several languages, and BCP 47 language tags."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, cast

import attrs

from summitkit._characters import BLANK, TEXT_FORBIDDEN, char_class
from summitkit._validators import Rejected, as_tuple, describe, instance_of, where
from summitkit.exceptions import (
    InvalidTextError,
    InvalidTypeError,
    MissingTranslationError,
    ModelError,
)

__all__ = [
    "LocalizedText",
    "checked_text",
    "localized_text",
    "normalize_language_tag",
    "plain_text",
    "plain_texts",
    "to_localized_text",
    "to_plain_text",
    "to_plain_texts",
]

#: The language :meth:`LocalizedText.lookup` falls back to before any other.
DEFAULT_LANGUAGE = "en"


# Well-formed BCP 47 tags (RFC 5646 section 2.1), without the irregular
# grandfathered tags, which no summit needs, and without the 4- to 8-letter
# language subtags, which are reserved: none is registered, and accepting
# them would let "arabic" pass for a tag.  Written once, with the letter case
# of each subtag as a parameter: the model reads tags in any case, documents
# hold them in canonical case only (and the JSON Schema says so).
def _tag_grammar(lower: str, upper: str, *, capture: bool = False) -> str:
    script, region = ("(?P<script>", "(?P<region>") if capture else ("(?:", "(?:")
    return (
        f"{lower}{{2,3}}(?:-{lower}{{3}}){{0,3}}"  # language, extended language
        f"(?:-{script}{upper}{lower}{{3}}))?"
        f"(?:-{region}{upper}{{2}}|[0-9]{{3}}))?"
        "(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"  # variants
        "(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*"  # extensions
        "(?:-x(?:-[a-z0-9]{1,8})+)?"  # private use
    )


_LANGTAG = re.compile(_tag_grammar("[a-z]", "[a-z]", capture=True))
#: A language tag in canonical letter case, as documents hold it.
CANONICAL_TAG_PATTERN = _tag_grammar("[a-z]", "[A-Z]")

_BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# Exactly the characters _check_text refuses, and the ones that show nothing.
_FORBIDDEN = re.compile(char_class(TEXT_FORBIDDEN))
_VISIBLE = re.compile(char_class(BLANK, negated=True))
# RFC 5646 asks for room for tags of at least 35 characters; none is longer
# than this in practice, and a bound keeps hostile input cheap.
MAX_TAG_LENGTH = 64


def normalize_language_tag(tag: str) -> str:
    """Check a BCP 47 language tag and give it its canonical form.

    Args:
        tag: A tag such as ``"ar"``, ``"en-GB"`` or ``"zh-hant-tw"``.

    Returns:
        The tag with lower-case language, title-case script and upper-case
        region, as RFC 5646 recommends, and deprecated subtags replaced by
        their current ones (``"iw"`` becomes ``"he"``, ``"in"`` ``"id"``).

    Raises:
        InvalidTypeError: If *tag* is not a string.
        InvalidTextError: If *tag* is not a well-formed tag, or uses a
            subtag that the IANA registry does not have (``"zz-ZZ"``).

    >>> normalize_language_tag("zh-hant-tw")
    'zh-Hant-TW'
    >>> normalize_language_tag("fr-fr")
    'fr-FR'
    >>> normalize_language_tag("iw")
    'he'
    """
    return canonical_language_tag(tag, "normalize_language_tag(tag)")


def canonical_language_tag(tag: object, path: str) -> str:
    """:func:`normalize_language_tag`, with errors located at *path*."""
    # The same few tags ("ar", "en") come again and again: cache valid ones.
    if isinstance(tag, str):
        known = _CANONICAL_TAGS.get(tag)
        if known is not None:
            return known
    canonical = _canonical_language_tag(tag, path)
    if isinstance(tag, str) and len(_CANONICAL_TAGS) < 1024:
        _CANONICAL_TAGS[tag] = canonical
    return canonical


_CANONICAL_TAGS: dict[str, str] = {}


def _canonical_language_tag(tag: object, path: str) -> str:
    if not isinstance(tag, str):
        raise InvalidTypeError(path, f"expected a language tag such as 'ar', got {describe(tag)}")
    lowered = tag.replace("_", "-").lower()
    # The grammar first: it bounds what the registry is asked about, and
    # refuses what BCP 47 allows but no summit needs (see _tag_grammar).
    match = _LANGTAG.fullmatch(lowered) if len(lowered) <= MAX_TAG_LENGTH else None
    if match is None:
        raise InvalidTextError(
            path, f"expected a BCP 47 tag such as 'ar', 'en' or 'en-GB', got {tag!r}"
        )
    # langcodes rather than Babel (which summitkit also uses, for CLDR
    # dates): langcodes holds the IANA subtag registry, about 8,000
    # languages, and CLDR's aliases for deprecated subtags; Babel knows the
    # 668 languages CLDR names, so it would refuse registered tags such as
    # 'aao', and has no registry to tell 'zz' from a real language.
    # Measured: importing langcodes takes about 25 ms, so it is imported
    # here, on the first tag not in the cache; a new tag then takes about
    # 30 microseconds, and a known one nothing (the cache above).
    import langcodes  # noqa: PLC0415  # deferred: see above

    language = langcodes.Language.get(lowered, normalize=True)
    if not language.is_valid():
        raise InvalidTextError(
            path,
            f"expected a registered BCP 47 tag such as 'ar', 'en' or 'en-GB', got {tag!r}, "
            "which has a subtag the IANA language subtag registry does not list",
        )
    canonical = language.to_tag()
    if _LANGTAG.fullmatch(canonical.lower()) is None:  # pragma: no cover - no alias does this
        canonical = _letter_case(lowered, match)
    return canonical


def _letter_case(lowered: str, match: re.Match[str]) -> str:
    # Case by position, not by value: in "fr-fr" only the second is a region.
    out = lowered
    for group, recase in (("script", str.title), ("region", str.upper)):
        if match[group] is not None:
            start, end = match.span(group)
            out = out[:start] + recase(out[start:end]) + out[end:]
    return out


def _check_text(tag: str, text: object) -> str:
    return checked_text(f"LocalizedText[{tag!r}]", text)


def checked_text(path: str, text: object) -> str:
    """*text* with CRLF and CR line ends made LF and in Unicode NFC; *path* names it.

    Raises:
        InvalidTypeError: If it is not a string.
        InvalidTextError: If it shows nothing, or holds a control character
            other than tab and newline, a bidirectional override, embedding
            or isolate, or a lone surrogate.
    """
    if not isinstance(text, str):
        raise InvalidTypeError(path, f"expected a string, got {type(text).__name__} {text!r}")
    # Files written on Windows and many exports end lines with CRLF (or an
    # old Mac's CR): a line end, not a control character to refuse.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if _VISIBLE.search(text) is None:
        raise InvalidTextError(
            path,
            "expected non-empty text, got only whitespace, invisible characters "
            "(such as zero-width spaces) or nothing",
        )
    # One regular-expression search finds the first forbidden character
    # (measured: most of the cost of reading a large programme was this check,
    # character by character); what it is decides what the error says.
    forbidden = _FORBIDDEN.search(text)
    if forbidden is None:
        return text
    code, index = ord(forbidden.group()), forbidden.start()
    if forbidden.group() in _BIDI_CONTROLS:
        problem = (
            f"bidirectional control U+{code:04X} at index {index} is not allowed "
            "(it can make text display as something else); remove it"
        )
    elif 0xD800 <= code <= 0xDFFF:
        problem = (
            f"lone surrogate U+{code:04X} at index {index} is not text "
            "(it cannot be written as UTF-8); decode the source correctly"
        )
    else:
        problem = f"control character U+{code:04X} at index {index} is not allowed"
    raise InvalidTextError(path, problem)


def _is_str(value: object) -> bool:
    # A bare string is iterable, but it is never text by language.
    return isinstance(value, str)


@attrs.frozen(init=False, repr=False)
class LocalizedText(Mapping[str, str]):
    """Text in one or more languages: a read-only mapping of BCP 47 language tag to text.

    Build it from a mapping or from keyword arguments; tags are normalised
    (``"en-gb"`` becomes ``"en-GB"``) and text is normalised to Unicode NFC.
    Two texts are equal when they hold the same text for the same languages,
    whatever order they were given in.

    As a mapping, its keys are the tags it has: ``text["ar"]`` is the Arabic
    text, ``"fr" in text`` says whether there is French, and ``dict(text)``
    copies it.  Two things differ from a ``dict``: a key is matched in any
    letter case, as BCP 47 says (``"en-gb" in text`` when it has ``"en-GB"``,
    though ``keys()`` lists ``"en-GB"``), and a text compares equal only to
    another ``LocalizedText``.  To find the text closest to a language,
    falling back as people expect, use :meth:`closest` or :meth:`lookup`.

    Args:
        texts: Text by language tag, for example ``{"ar": "...", "en": "..."}``.
        **by_tag: More text by tag, for tags that are valid Python names.

    Raises:
        InvalidTextError: If there is no text, a tag is ill-formed, a text is
            empty or shows nothing (only whitespace and invisible characters
            such as U+200B), or a text contains control characters (other than
            tab and newline) or bidirectional override, embedding or isolate
            controls (U+202A-U+202E, U+2066-U+2069).  CRLF and CR line ends
            are not refused: they become LF.

    >>> title = LocalizedText(en="Opening panel", ar="الجلسة الافتتاحية")
    >>> str(title)
    'Opening panel'
    >>> title["ar"]
    'الجلسة الافتتاحية'
    >>> "fr" in title, dict(title) == {"ar": "الجلسة الافتتاحية", "en": "Opening panel"}
    (False, True)
    >>> title.lookup("fr")  # falls back to English
    'Opening panel'
    """

    _items: tuple[tuple[str, str], ...]

    def __init__(self, texts: Mapping[str, str] | None = None, /, **by_tag: str) -> None:
        if _is_str(texts):
            raise InvalidTypeError(
                "LocalizedText",
                "expected text by language tag, such as {'en': 'Opening'}; "
                f"got a bare string {texts!r}, which does not say its language",
            )
        if texts is not None and not isinstance(texts, Mapping):
            raise InvalidTypeError(
                "LocalizedText",
                f"expected a mapping of language tag to text, got {type(texts).__name__}",
            )
        pairs = [*(texts or {}).items(), *by_tag.items()]
        items: dict[str, str] = {}
        for tag, text in pairs:
            canonical = canonical_language_tag(tag, f"LocalizedText[{tag!r}]")
            if canonical in items:
                raise InvalidTextError(
                    "LocalizedText", f"language {canonical!r} is given more than once"
                )
            items[canonical] = _check_text(canonical, text)
        if not items:
            raise InvalidTextError(
                "LocalizedText", "expected text in at least one language, got none"
            )
        # attrs generates __attrs_init__ when a class defines its own __init__;
        # pyright does not model it (mypy's attrs plugin does).
        self.__attrs_init__(tuple(sorted(items.items())))  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]

    @classmethod
    def of(cls, text: str, lang: str) -> LocalizedText:
        """Build text in a single language, for tags that are not Python names.

        >>> LocalizedText.of("Hello", "en-GB")
        LocalizedText({'en-GB': 'Hello'})
        """
        tag = canonical_language_tag(lang, "LocalizedText.of(lang)")
        return cls({tag: text})

    @property
    def languages(self) -> tuple[str, ...]:
        """The language tags this text has, sorted."""
        return tuple(tag for tag, _ in self._items)

    def as_dict(self) -> dict[str, str]:
        """A new ``dict`` of text by tag."""
        return dict(self._items)

    def _exact(self, language: object) -> str | None:
        """The text for exactly the tag *language* (in any letter case), or ``None``."""
        if not isinstance(language, str):
            return None
        for tag, text in self._items:  # a handful of languages: a scan beats a dict
            if tag == language:
                return text
        try:
            wanted = canonical_language_tag(language, "LocalizedText[language]")
        except InvalidTextError:
            return None
        return next((text for tag, text in self._items if tag == wanted), None)

    def closest(self, lang: str) -> str | None:
        """The text in the tag closest to *lang*, or ``None`` if none is close.

        An exact match first, then a less specific tag (``"ar-AE"`` finds
        ``"ar"``), then a more specific one (``"ar"`` finds ``"ar-AE"``).

        Raises:
            InvalidTextError: If *lang* is not a well-formed, registered tag.

        >>> LocalizedText({"ar": "عام"}).closest("ar-AE")
        'عام'
        """
        return self._closest(lang, "LocalizedText.closest(lang)")

    def _closest(self, language: str, path: str) -> str | None:
        found = self._closest_item(language, path)
        return None if found is None else found[1]

    def _closest_item(self, language: str, path: str) -> tuple[str, str] | None:
        wanted = canonical_language_tag(language, path)
        texts = dict(self._items)
        if wanted in texts:
            return wanted, texts[wanted]
        parts = wanted.split("-")
        for end in range(len(parts) - 1, 0, -1):
            shorter = "-".join(parts[:end])
            if shorter in texts:
                return shorter, texts[shorter]
        prefix = parts[0] + "-"
        for tag, text in self._items:
            if tag.startswith(prefix):
                return tag, text
        return None

    def lookup(self, *preferred: str) -> str:
        """Return the text in the first of *preferred* that exists, or is close.

        Each language is matched as :meth:`closest` matches it.  Falls back
        to English, then to the first language by tag, so it always returns
        some text.
        """
        return self.lookup_item(*preferred)[1]

    def lookup_item(self, *preferred: str) -> tuple[str, str]:
        """The tag and text :meth:`lookup` chooses, for marking text with its language.

        >>> LocalizedText({"ar": "Q&A", "en": "Q&A"}).lookup_item("en-GB")
        ('en', 'Q&A')
        >>> LocalizedText({"fr": "Bonjour"}).lookup_item("ar")
        ('fr', 'Bonjour')
        """
        for language in (*preferred, DEFAULT_LANGUAGE):
            found = self._closest_item(language, "LocalizedText.lookup(preferred)")
            if found is not None:
                return found
        return self._items[0]

    def with_text(self, lang: str, text: str) -> LocalizedText:
        """Return a copy with *text* added, or replaced, for *lang*."""
        texts = dict(self._items)
        texts[canonical_language_tag(lang, "LocalizedText.with_text(lang)")] = text
        return LocalizedText(texts)

    def __getitem__(self, language: str) -> str:
        text = self._exact(language)
        if text is None:
            raise MissingTranslationError(str(language), self.languages)
        return text

    def __contains__(self, language: object) -> bool:
        return self._exact(language) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.languages)

    def __len__(self) -> int:
        return len(self._items)

    def __str__(self) -> str:
        return self.lookup()

    def __repr__(self) -> str:
        return f"LocalizedText({dict(self._items)!r})"


def to_localized_text(value: LocalizedText | Mapping[str, str]) -> LocalizedText:
    """Converter for text fields: a mapping becomes a :class:`LocalizedText`.

    A mapping that is not valid text, and anything else, passes through for
    the field's validator to reject with the field's name.
    """
    given: object = value  # untyped callers pass anything
    if isinstance(given, LocalizedText) or not isinstance(given, Mapping):
        return value  # type: ignore[return-value]  # a LocalizedText (a Mapping too), or for the validator
    try:
        return LocalizedText(given)  # pyright: ignore[reportUnknownArgumentType]  # checked by LocalizedText
    except ModelError as error:
        return Rejected(error)  # type: ignore[return-value]  # the validator raises it


_is_text = instance_of(LocalizedText, "a LocalizedText or a mapping of language tag to text")


def localized_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator for text fields; names the field in errors from nested text."""
    if isinstance(value, Rejected):
        raise value.error.within(where(instance, attribute))
    _is_text(instance, attribute, value)


def to_plain_text(value: str) -> str:
    """Converter for a text field in no particular language (a label, a tag).

    Valid text is normalised as :class:`LocalizedText` normalises its texts;
    anything else passes through for the validator to reject with the
    field's name.
    """
    try:
        return checked_text("text", value)
    except ModelError as error:
        return Rejected(error)  # type: ignore[return-value]  # the validator raises it


def plain_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator for a text field in no particular language."""
    if isinstance(value, Rejected):
        raise type(value.error)(where(instance, attribute), value.error.problem)


def to_plain_texts(value: Iterable[str]) -> tuple[str, ...]:
    """Converter for a collection of texts (tags): each normalised, as a tuple."""
    members: object = as_tuple(value)
    if not isinstance(members, tuple):
        return members  # type: ignore[return-value]  # the validator rejects it
    return tuple(to_plain_text(member) for member in cast("tuple[str, ...]", members))  # pyright: ignore[reportUnnecessaryCast]  # mypy keeps object


def plain_texts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator for a tuple of texts in no particular language."""
    path = where(instance, attribute)
    if not isinstance(value, tuple):
        raise InvalidTypeError(path, f"expected a list of strings, got {describe(value)}")
    members = cast("tuple[object, ...]", value)
    for index, member in enumerate(members):
        if isinstance(member, Rejected):
            raise type(member.error)(f"{path}[{index}]", member.error.problem)
