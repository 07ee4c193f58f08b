"""Tests for LocalizedText and language tags."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from summitkit._text import normalize_language_tag
from summitkit.exceptions import InvalidTextError, InvalidTypeError, MissingTranslationError

BIDI_CONTROLS = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


def test_builds_from_mapping_and_keywords_alike() -> None:
    """A mapping and keyword arguments give equal texts."""
    assert sk.LocalizedText({"en": "Hi", "ar": "مرحبا"}) == sk.LocalizedText(ar="مرحبا", en="Hi")


def test_equality_and_hash_ignore_the_order_languages_were_given() -> None:
    """Order of languages does not matter to equality or hashing."""
    a = sk.LocalizedText({"en": "Hi", "ar": "مرحبا"})
    b = sk.LocalizedText({"ar": "مرحبا", "en": "Hi"})
    assert (a, hash(a)) == (b, hash(b))


def test_str_prefers_english() -> None:
    """str() shows English when there is English."""
    assert str(sk.LocalizedText(ar="مرحبا", en="Hello")) == "Hello"


def test_str_falls_back_to_first_language_by_tag() -> None:
    """Without English, str() shows the first language by tag."""
    assert str(sk.LocalizedText(fr="Bonjour", ar="مرحبا")) == "مرحبا"


def test_lookup_tries_preferences_in_order_then_english() -> None:
    """lookup() takes the first preferred language present, then English."""
    text = sk.LocalizedText(en="Hello", ar="مرحبا")
    assert text.lookup("fr", "ar") == "مرحبا"
    assert text.lookup("fr") == "Hello"


@pytest.mark.parametrize(
    ("have", "want", "expected"),
    [
        ({"ar": "عام"}, "ar-AE", "عام"),  # less specific tag
        ({"ar-AE": "إماراتي"}, "ar", "إماراتي"),  # more specific tag
        ({"ar": "عام", "ar-AE": "إماراتي"}, "ar-AE", "إماراتي"),  # exact wins
        ({"zh-Hant-TW": "繁體"}, "zh-Hant", "繁體"),
        ({"en": "x"}, "fr", None),
        # A tag is a prefix of another only at a subtag boundary: "ar" is not "ary".
        ({"ary": "مغربي"}, "ar", None),
        ({"ary-MA": "مغربي"}, "ar", None),
        ({"ar": "عام"}, "ary", None),
        ({"ary": "مغربي", "ar-AE": "إماراتي"}, "ar", "إماراتي"),
    ],
)
def test_closest_finds_the_closest_tag(
    have: dict[str, str], want: str, expected: str | None
) -> None:
    """closest() matches exactly, then less specific, then more specific tags."""
    assert sk.LocalizedText(have).closest(want) == expected


def test_lookup_does_not_take_another_language_that_shares_letters() -> None:
    """lookup("ar") on English and Moroccan Arabic ("ary") falls back to English."""
    text = sk.LocalizedText({"en": "Hello", "ary": "سلام"})
    assert text.lookup("ar") == "Hello"
    assert text.lookup("ary") == "سلام"


def test_getitem_raises_a_summitkit_error_naming_the_languages() -> None:
    """A missing language raises MissingTranslationError, a KeyError and SummitkitError."""
    text = sk.LocalizedText(en="Hello", ar="مرحبا")
    with pytest.raises(MissingTranslationError, match=r"no text in 'fr'; this text has ar, en"):
        text["fr"]
    assert issubclass(MissingTranslationError, KeyError)


def test_normalises_text_to_nfc() -> None:
    """Decomposed input is stored composed (NFC)."""
    decomposed = "Lu\u0308fkens"
    assert sk.LocalizedText(en=decomposed)["en"] == "L\u00fcfkens"


@pytest.mark.parametrize("control", BIDI_CONTROLS)
def test_rejects_bidi_controls(control: str) -> None:
    """Each bidi override, embedding and isolate control is rejected with its code point."""
    with pytest.raises(
        InvalidTextError,
        match=rf"LocalizedText\['en'\]: bidirectional control U\+{ord(control):04X} at index 3",
    ):
        sk.LocalizedText(en=f"Ali{control}evil")


def test_allows_bidi_marks() -> None:
    """The harmless right-to-left mark U+200F is allowed."""
    assert "\u200f" in sk.LocalizedText(ar="مرحبا\u200f")["ar"]


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_rejects_blank_text(blank: str) -> None:
    """Empty or whitespace-only text is rejected, naming the language."""
    with pytest.raises(InvalidTextError, match=r"LocalizedText\['ar'\]: expected non-empty text"):
        sk.LocalizedText(ar=blank)


def test_rejects_control_characters() -> None:
    """C0 controls other than newline and tab are rejected."""
    with pytest.raises(InvalidTextError, match=r"control character U\+0007"):
        sk.LocalizedText(en="bell\a")


def test_rejects_lone_surrogates() -> None:
    """A lone surrogate cannot be written as UTF-8, so it is not text."""
    with pytest.raises(InvalidTextError, match=r"lone surrogate U\+D800 at index 1"):
        sk.LocalizedText(en="a\ud800")


def test_rejects_no_languages() -> None:
    """Text must have at least one language."""
    with pytest.raises(InvalidTextError, match="at least one language"):
        sk.LocalizedText({})


def test_rejects_a_bare_string() -> None:
    """A plain str does not say its language, so it is refused."""
    with pytest.raises(InvalidTypeError, match="does not say its language"):
        sk.LocalizedText("Hello")  # type: ignore[arg-type]


def test_rejects_non_string_text() -> None:
    """Text values must be strings."""
    with pytest.raises(
        InvalidTypeError, match=r"LocalizedText\['en'\]: expected a string, got int"
    ):
        sk.LocalizedText({"en": 5})  # type: ignore[dict-item]


def test_rejects_the_same_language_twice_after_normalisation() -> None:
    """en-gb and en-GB are the same tag."""
    with pytest.raises(InvalidTextError, match="'en-GB' is given more than once"):
        sk.LocalizedText({"en-gb": "a", "en-GB": "b"})


@pytest.mark.parametrize(
    ("tag", "canonical"),
    [
        ("AR", "ar"),
        ("en-gb", "en-GB"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("en_US", "en-US"),
        ("fr-fr", "fr-FR"),  # the language is not upper-cased for matching the region
        ("DE-DE", "de-DE"),
        ("sr-latn-rs", "sr-Latn-RS"),
        ("en-x-gb", "en-x-gb"),  # private use is not a region
    ],
)
def test_normalises_language_tags(tag: str, canonical: str) -> None:
    """Tags get RFC 5646 letter case."""
    assert normalize_language_tag(tag) == canonical


@pytest.mark.parametrize(
    "tag", ["", "e", "englishlanguage", "arabic", "ar-", "12", "en--GB", "en-x"]
)
def test_rejects_ill_formed_tags(tag: str) -> None:
    """Ill-formed tags raise InvalidTextError quoting the tag."""
    with pytest.raises(InvalidTextError, match="expected a BCP 47 tag"):
        sk.LocalizedText({tag: "x"})


def test_region_variants_are_found_from_the_language() -> None:
    """A text in fr-FR is French: closest('fr') finds it."""
    assert sk.LocalizedText({"fr-FR": "Bonjour", "en": "Hi"}).closest("fr") == "Bonjour"


# Tags that share letters without sharing a language ("ar" and "ary"), and
# regions and scripts of each.
TAGS = ["ar", "ar-AE", "ar-EG", "ary", "ary-MA", "arz", "en", "en-GB", "zh-Hant", "zh-Hant-TW"]


def closest_oracle(have: Mapping[str, str], wanted: str) -> str | None:
    """Exact; else the longest tag made of wanted's first subtags; else the first by tag
    whose language (first subtag) is wanted's; else None."""
    subtags = wanted.split("-")
    for end in range(len(subtags), 0, -1):
        if "-".join(subtags[:end]) in have:
            return have["-".join(subtags[:end])]
    same = sorted(tag for tag in have if tag.split("-")[0] == subtags[0])
    return have[same[0]] if same else None


@given(st.sets(st.sampled_from(TAGS), min_size=1), st.sampled_from(TAGS))
@example({"ary"}, "ar")
@example({"ary-MA", "en"}, "ar")
@example({"ar"}, "ary")
@example({"ary", "ar-EG"}, "ar-AE")
def test_closest_matches_subtags_by_brute_force(tags: set[str], wanted: str) -> None:
    """closest() finds what comparing whole subtags finds, never a tag that only shares letters."""
    have = {tag: f"text in {tag}" for tag in tags}
    assert sk.LocalizedText(have).closest(wanted) == closest_oracle(have, wanted)


def test_of_checks_its_language() -> None:
    """LocalizedText.of() rejects a language that is not a string."""
    with pytest.raises(
        InvalidTypeError, match=r"LocalizedText\.of\(lang\): expected a language tag"
    ):
        sk.LocalizedText.of("x", ["en"])  # type: ignore[arg-type]


def test_with_text_returns_a_new_value() -> None:
    """with_text() adds a language without changing the original."""
    text = sk.LocalizedText(en="Hello")
    both = text.with_text("ar", "مرحبا")
    assert (text.languages, both.languages) == (("en",), ("ar", "en"))


def test_is_frozen() -> None:
    """Assigning to a LocalizedText raises."""
    text = sk.LocalizedText(en="Hello")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        text._items = ()  # type: ignore[misc]  # noqa: SLF001


def test_repr_round_trips() -> None:
    """repr() is valid Python that builds an equal value."""
    text = sk.LocalizedText(en="Hello", ar="مرحبا")
    assert eval(repr(text), {"LocalizedText": sk.LocalizedText}) == text  # noqa: S307


# Unicode's Default_Ignorable_Code_Point, as DerivedCoreProperties.txt lists it,
# and the blank braille pattern: characters that show nothing.
_SHOW_NOTHING = {
    *map(chr, [0xAD, 0x34F, 0x61C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2800, 0x3164, 0xFEFF, 0xFFA0]),
    *map(chr, range(0x180B, 0x1810)),
    *map(chr, range(0x200B, 0x2010)),
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2060, 0x2070)),
    *map(chr, range(0xFE00, 0xFE10)),
    *map(chr, range(0xFFF0, 0xFFF9)),
    *map(chr, range(0x1BCA0, 0x1BCA4)),
    *map(chr, range(0x1D173, 0x1D17B)),
    *map(chr, range(0xE0000, 0xE1000)),
}


def _clean(text: str) -> bool:
    return (
        any(not c.isspace() and c not in _SHOW_NOTHING for c in text)
        and not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text)
        and not any(unicodedata.category(c) == "Cs" for c in text)
        and not any(c in BIDI_CONTROLS for c in text)
    )


@given(st.text() | st.text(st.sampled_from(sorted(_SHOW_NOTHING)) | st.sampled_from(" \nx\u0301")))
@example("0\r")
@example("a\r\nb")
def test_accepts_exactly_the_clean_texts(text: str) -> None:
    """Text is accepted iff it is non-blank, free of controls and bidi controls; then it is NFC.

    Line ends are LF first: CRLF and CR are line ends, not controls.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    if _clean(unicodedata.normalize("NFC", lines)):
        assert sk.LocalizedText(en=text)["en"] == unicodedata.normalize("NFC", lines)
    else:
        with pytest.raises(InvalidTextError):
            sk.LocalizedText(en=text)


@given(
    st.dictionaries(
        st.sampled_from(["ar", "en", "fr", "ur", "zh-Hans"]),
        st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1),
        min_size=1,
    )
)
def test_items_round_trip(texts: dict[str, str]) -> None:
    """Building from as_dict() gives an equal value; languages are sorted."""
    value = sk.LocalizedText(texts)
    assert sk.LocalizedText(value.as_dict()) == value
    assert list(value.languages) == sorted(texts)


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u2060", "\ufeff", "\u3164", "\u2800", "\u00ad", "\u061c", " \u200b\n\u2060 "],
)
def test_rejects_text_that_shows_nothing(invisible: str) -> None:
    """Text made only of invisible characters is as blank as whitespace."""
    with pytest.raises(InvalidTextError, match=r"LocalizedText\['en'\]: expected non-empty text"):
        sk.LocalizedText(en=invisible)


def test_invisible_characters_are_kept_inside_visible_text() -> None:
    """A zero-width joiner inside a word is part of the text, not a reason to refuse it."""
    assert sk.LocalizedText(en="a\u200db")["en"] == "a\u200db"


def test_is_a_read_only_mapping_of_tag_to_text() -> None:
    """dict(), in, [] and get() behave as for any Mapping: keys are the tags it has."""
    text = sk.LocalizedText(en="Hello", ar="مرحبا")
    assert isinstance(text, Mapping)
    assert dict(text) == {"ar": "مرحبا", "en": "Hello"}
    assert list(text) == ["ar", "en"]
    assert list(text.keys()) == ["ar", "en"]
    assert list(text.values()) == ["مرحبا", "Hello"]
    assert ("english" in text, "en" in text, 5 in text) == (False, True, False)
    assert (text.get("english"), text.get("fr", "-"), text.get("en")) == (None, "-", "Hello")


@pytest.mark.parametrize("key", ["english", "fr", "ar-AE", "", 5])
def test_a_missing_key_is_a_key_error(key: object) -> None:
    """text[key] for a tag it does not have raises KeyError (MissingTranslationError), never InvalidTextError."""
    with pytest.raises(KeyError):
        sk.LocalizedText(en="Hello", ar="مرحبا")[key]  # type: ignore[index]


def test_keys_match_in_any_letter_case() -> None:
    """BCP 47 tags are case-insensitive: 'EN-gb' finds 'en-GB', and 'in' agrees with []."""
    text = sk.LocalizedText({"en-GB": "Colour"})
    assert ("EN-gb" in text, text["en-gb"]) == (True, "Colour")


def test_overlong_tags_are_refused_quickly() -> None:
    """A tag longer than any real one is ill-formed, whatever its shape."""
    with pytest.raises(InvalidTextError, match="expected a BCP 47 tag"):
        sk.LocalizedText({"en" + "-abcde" * 20_000 + "!": "x"})
