"""Ids as real generators emit them, and make_id for importers keyed by names."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from summitkit.exceptions import InvalidTypeError, InvalidValueError

# A slug as pretalx writes it: a code, then the title cut short, ending in "_".
PRETALX_SLUG = (
    "WLU9FT-enabling_intelligent_media_playback_on_risc-v_vlc_with_whisper_stt_and_qwen_t2t_"
)


@pytest.mark.parametrize(
    "good",
    [PRETALX_SLUG, "-x", "x_", "a/b", "talk@2024", "!", "~", "x" * 255, "9999"],
)
def test_ids_real_generators_emit_are_accepted(good: str) -> None:
    """Printable ASCII without spaces, 1 to 255 characters: slugs ending in _ among them."""
    assert sk.Talk(id=good, title={"en": "T"}).id == good


def oracle_is_id(text: str) -> bool:
    """The rule, from first principles: 1-255 characters, each from '!' (0x21) to '~' (0x7E)."""
    return 1 <= len(text) <= 255 and all(0x21 <= ord(char) <= 0x7E for char in text)


@given(st.text(st.characters(max_codepoint=0x2FF), max_size=260))
@example("x" * 255)  # the longest
@example("x" * 256)  # one too long
@example(" ")  # the character before '!'
@example("!")  # the first allowed
@example("~")  # the last allowed
@example("\x7f")  # the one after it
@example("")
def test_an_id_is_accepted_exactly_when_the_rule_says(text: str) -> None:
    """The validator agrees with the rule on any text near ASCII."""
    try:
        sk.Organization(id=text, name={"en": "X"})
    except InvalidValueError:
        assert not oracle_is_id(text)
    else:
        assert oracle_is_id(text)


# -- make_id ----------------------------------------------------------------------------

SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hall One", "hall-one"),
        ("Matthias Lüfkens", "matthias-lufkens"),
        ("  Room   B  ", "room-b"),
        ("Dr. Saeed Al Dhaheri", "dr-saeed-al-dhaheri"),
        ("O'Brien", "obrien"),
        ("!!!", "id"),
        ("", "id"),
    ],
)
def test_make_id_writes_a_name_as_a_slug(name: str, expected: str) -> None:
    """Lowercase ASCII words joined by hyphens; apostrophes vanish; nothing left gives "id"."""
    assert expected == sk.make_id(name)


def test_make_id_writes_arabic_in_ascii() -> None:
    """An Arabic name becomes a readable ASCII id, not "id"."""
    made = sk.make_id("الدكتور سعيد الظاهري")
    assert SHAPE.fullmatch(made)
    assert made != "id"
    assert made.count("-") == 2  # three words


def test_make_id_counts_past_the_ids_taken() -> None:
    """Names that collide get -2, -3, ... in turn."""
    taken: set[str] = set()
    for _ in range(5):
        taken.add(sk.make_id("Hall", taken=taken))
    assert taken == {"hall", "hall-2", "hall-3", "hall-4", "hall-5"}


@given(st.text(max_size=400), st.sets(st.text("ab-2", min_size=1, max_size=6), max_size=8))
@example("x" * 300, {"x" * 255})  # a long name whose cut is taken
@example("a", {"a", "a-2", "a-3"})
def test_make_id_is_always_a_valid_unused_id(name: str, taken: set[str]) -> None:
    """Whatever the name and the ids taken, the result is a valid id no one has."""
    made = sk.make_id(name, taken=taken)
    assert made not in taken
    assert len(made) <= 255
    assert SHAPE.fullmatch(made), made
    assert sk.Organization(id=made, name={"en": "X"}).id == made
    assert made == sk.make_id(name, taken=taken)  # the same every time


def test_make_id_refuses_what_is_not_a_name_or_a_collection() -> None:
    """Wrong types name the argument."""
    with pytest.raises(InvalidTypeError, match=r"^make_id\(text\): expected a string"):
        sk.make_id(42)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^make_id\(taken\): expected a collection"):
        sk.make_id("x", taken="x")
    with pytest.raises(InvalidTypeError, match=r"^make_id\(taken\): expected a collection of id"):
        sk.make_id("x", taken={1})  # type: ignore[arg-type]
