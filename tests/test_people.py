"""Tests for Speaker, Organization, Participant and Role."""

from __future__ import annotations

import pytest

import summitkit as sk
from summitkit.exceptions import InvalidTextError, InvalidTypeError, InvalidValueError


def test_speaker_accepts_mappings_for_text_fields() -> None:
    """Text fields take a mapping and store a LocalizedText."""
    s = sk.Speaker(
        id="ad", name={"en": "Aisha Bin Bishr", "ar": "عائشة بن بشر"}, honorific={"en": "Dr."}
    )
    assert isinstance(s.name, sk.LocalizedText)
    assert s.display_name("en") == "Dr. Aisha Bin Bishr"
    # No Arabic honorific: the Arabic name stands alone rather than mix scripts.
    assert s.display_name("ar") == "عائشة بن بشر"


def test_display_name_without_honorific() -> None:
    """Without an honorific, display_name() is the name."""
    assert (
        sk.Speaker(id="x", name={"en": "Sheikha Al Maskari"}).display_name() == "Sheikha Al Maskari"
    )


def test_links_become_a_tuple() -> None:
    """A list of links is stored as a tuple."""
    s = sk.Speaker(id="x", name={"en": "X"}, links=["https://example.org/x"])
    assert s.links == ("https://example.org/x",)


@pytest.mark.parametrize("link", ["example.org", "ftp://example.org", "javascript:alert(1)"])
def test_rejects_links_that_are_not_http_urls(link: str) -> None:
    """Links must be absolute http(s) URLs; the error names the index."""
    with pytest.raises(
        InvalidValueError, match=r"Speaker\.links\[1\]: expected an absolute http\(s\) URL"
    ):
        sk.Speaker(id="x", name={"en": "X"}, links=["https://ok.example", link])


@pytest.mark.parametrize(
    ("link", "code", "index"),
    [("https://exa mple.org", "0020", 11), ("https://a\u200bb.example", "200B", 9)],
)
def test_a_space_or_invisible_character_in_a_link_is_named(
    link: str, code: str, index: int
) -> None:
    """Characters that could disguise where a link goes are named, with their place."""
    with pytest.raises(
        InvalidValueError,
        match=rf"Speaker\.links\[0\]: character U\+{code} at index {index} is not allowed in a URL",
    ):
        sk.Speaker(id="x", name={"en": "X"}, links=[link])


def test_rejects_a_string_for_links() -> None:
    """A single string is not a collection of links."""
    with pytest.raises(InvalidTypeError, match=r"Speaker\.links: expected a list or tuple"):
        sk.Speaker(id="x", name={"en": "X"}, links="https://example.org")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "hint"), [("ae", "upper case"), ("UK", "'UK'"), ("XX", "'XX'"), ("ARE", "'ARE'")]
)
def test_rejects_unknown_country_codes(code: str, hint: str) -> None:
    """Country codes are assigned ISO 3166-1 alpha-2 codes."""
    with pytest.raises(
        InvalidValueError, match=rf"Speaker\.country: expected an ISO 3166-1 alpha-2 .*{hint}"
    ):
        sk.Speaker(id="x", name={"en": "X"}, country=code)


@pytest.mark.parametrize("bad", ["", "has space", "tab\tx", "x" * 256, "عربي", "x\x7f"])
def test_rejects_bad_ids(bad: str) -> None:
    """Ids are 1-255 printable ASCII characters without spaces."""
    with pytest.raises(InvalidValueError, match=r"Organization\.id: expected an id"):
        sk.Organization(id=bad, name={"en": "X"})


def test_rejects_a_non_text_name() -> None:
    """A name must be text by language."""
    with pytest.raises(InvalidTypeError, match=r"Speaker\.name: expected a LocalizedText"):
        sk.Speaker(id="x", name=42)  # type: ignore[arg-type]


def test_participant_role_from_string() -> None:
    """A role given as its value becomes the Role member."""
    assert sk.Participant("x", role="moderator").role is sk.Role.MODERATOR  # type: ignore[arg-type]


def test_participant_rejects_unknown_roles() -> None:
    """An unknown role lists the roles there are."""
    with pytest.raises(
        InvalidValueError,
        match=r"Participant\.role: expected a Role \('moderator', 'panelist', 'presenter', 'chair', 'host', 'author', 'organiser'\), got str 'speaker'",
    ):
        sk.Participant("x", role="speaker")  # type: ignore[arg-type]


def test_organization_url_is_checked() -> None:
    """An organization's url must be an http(s) URL."""
    with pytest.raises(InvalidValueError, match=r"Organization\.url"):
        sk.Organization(id="o", name={"en": "O"}, url="www.example.org")


def test_room_capacity_must_be_positive() -> None:
    """Capacity is a whole number greater than 0."""
    with pytest.raises(
        InvalidValueError, match=r"Room\.capacity: expected a number greater than 0, got 0"
    ):
        sk.Room(id="r", name={"en": "R"}, capacity=0)


@pytest.mark.parametrize("capacity", [True, 12.5, "300"])
def test_room_capacity_must_be_an_int(capacity: object) -> None:
    """Booleans, floats and strings are not capacities."""
    with pytest.raises(InvalidTypeError, match=r"Room\.capacity: expected a whole number"):
        sk.Room(id="r", name={"en": "R"}, capacity=capacity)  # type: ignore[arg-type]


def test_venue_checks_its_country() -> None:
    """A venue's country is an ISO code too."""
    with pytest.raises(InvalidValueError, match=r"Venue\.country"):
        sk.Venue(name={"en": "Sofitel"}, country="UAE")


def test_display_name_uses_the_honorific_in_the_name_language() -> None:
    """An Arabic name takes the Arabic honorific."""
    s = sk.Speaker(
        id="x", name={"en": "Saeed", "ar": "سعيد"}, honorific={"en": "Dr.", "ar": "الدكتور"}
    )
    assert (s.display_name("ar"), s.display_name("fr")) == ("الدكتور سعيد", "Dr. Saeed")


def test_nested_text_errors_name_the_field() -> None:
    """An error inside a text given as a mapping names the model field."""
    with pytest.raises(InvalidTextError, match=r"^Speaker\.name\['en'\]: expected non-empty text"):
        sk.Speaker(id="x", name={"en": " "})
    with pytest.raises(
        InvalidTextError, match=r"^Organization\.name\['e-'\]: expected a BCP 47 tag"
    ):
        sk.Organization(id="x", name={"e-": "X"})


@pytest.mark.parametrize(
    "link", ["https://example.org/\u202egnp.exe", "http://a\x00b", "https://exa\u200bmple.org"]
)
def test_rejects_links_with_hidden_characters(link: str) -> None:
    """Controls, bidi overrides and zero-width characters cannot hide in a URL."""
    with pytest.raises(InvalidValueError, match=r"Speaker\.links\[0\]: character U\+"):
        sk.Speaker(id="x", name={"en": "X"}, links=[link])


def test_role_given_as_a_wrong_string_is_a_value_error() -> None:
    """A string that is not a role is the right type with a wrong value."""
    with pytest.raises(InvalidValueError, match=r"Participant\.role"):
        sk.Participant("x", role="PANELIST")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"Participant\.role"):
        sk.Participant("x", role=3)  # type: ignore[arg-type]


def test_a_bidi_override_in_a_speaker_name_names_the_field() -> None:
    """A right-to-left override inside a speaker's name is refused, naming Speaker.name."""
    with pytest.raises(
        InvalidTextError, match=r"^Speaker\.name\['en'\]: bidirectional control U\+202E"
    ):
        sk.Speaker(id="x", name={"en": "Saeed\u202eAl Dhaheri"})
