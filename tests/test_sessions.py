"""Tests for the session kinds and workshop tracks."""

from __future__ import annotations

import pytest

import summitkit as sk
from bounded import finishes
from builders import panel, slot
from summitkit.exceptions import (
    InvalidParticipantsError,
    InvalidTextError,
    InvalidTypeError,
    InvalidValueError,
)

KINDS = [sk.Keynote, sk.Talk, sk.WorkshopSession, sk.Ceremony, sk.Break]


def test_a_panel_with_fewer_than_two_panelists_is_built() -> None:
    """A panel whose panelists are not known yet is a panel; checking reports it."""
    assert panel(panelists=("a",)).panelists == ("a",)
    assert panel(panelists=()).panelists == ()


def test_panel_without_moderator_is_allowed() -> None:
    """A moderator is optional."""
    assert panel(moderator=None).moderator is None


def test_moderator_cannot_also_be_a_panelist() -> None:
    """The moderator is not also a panelist; the error points at the moderator."""
    with pytest.raises(
        InvalidParticipantsError,
        match=r"Panel\.participants\[0\]: speaker 'a' is both moderator and panelist",
    ):
        panel(moderator="a", panelists=("a", "b"))


def test_moderator_after_panelists_is_also_caught() -> None:
    """Order of participants does not hide the clash."""
    participants = [
        sk.Participant("a", role=sk.Role.PANELIST),
        sk.Participant("b", role=sk.Role.PANELIST),
        sk.Participant("a", role=sk.Role.MODERATOR),
    ]
    with pytest.raises(InvalidParticipantsError, match=r"Panel\.participants\[2\]"):
        sk.Panel(id="p", title={"en": "P"}, participants=participants)


def test_panel_keeps_participant_order() -> None:
    """Panelists come back in the order given."""
    p = panel(panelists=("c", "a", "b"))
    assert (p.moderator, p.panelists, p.speakers) == ("m", ("c", "a", "b"), ("m", "c", "a", "b"))


def test_the_same_speaker_twice_in_one_role_is_rejected() -> None:
    """A speaker appears at most once per role."""
    with pytest.raises(
        InvalidParticipantsError,
        match=r"Talk\.participants\[1\]: speaker 'a' is already listed as presenter",
    ):
        sk.Talk(id="t", title={"en": "T"}, participants=[sk.Participant("a"), sk.Participant("a")])


def test_one_speaker_in_two_roles_is_allowed_outside_panels() -> None:
    """A chair may also present."""
    talk = sk.Talk(
        id="t",
        title={"en": "T"},
        participants=[sk.Participant("a", role=sk.Role.CHAIR), sk.Participant("a")],
    )
    assert talk.speakers == ("a",)


def test_break_has_no_participants() -> None:
    """Breaks reject participants."""
    with pytest.raises(
        InvalidParticipantsError, match=r"Break\.participants: expected no participants"
    ):
        sk.Break(id="b", title={"en": "Coffee"}, participants=[sk.Participant("a")])


def test_session_itself_is_abstract() -> None:
    """Session cannot be built directly."""
    with pytest.raises(InvalidTypeError, match="Session is abstract"):
        sk.Session(id="s", title={"en": "S"})


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_the_common_fields(kind: type[sk.Session]) -> None:
    """Each kind builds with the common fields and is a Session."""
    session = kind(
        id="s1",
        title={"en": "S"},
        language="AR",
        slot=slot((9, 0), (10, 0)),
        room="r",
        track="t",
        status="cancelled",
    )  # type: ignore[arg-type]
    assert isinstance(session, sk.Session)
    assert (session.language, session.is_cancelled, session.is_timed) == ("ar", True, True)


def test_untimed_is_the_default() -> None:
    """A session without a slot is untimed and scheduled."""
    talk = sk.Talk(id="t", title={"en": "T"})
    assert (talk.is_timed, talk.status) == (False, sk.Status.SCHEDULED)


def test_rejects_a_bad_language_tag() -> None:
    """The session language is a BCP 47 tag; the error names the field."""
    with pytest.raises(InvalidTextError, match=r"Talk\.language: expected a BCP 47 tag"):
        sk.Talk(id="t", title={"en": "T"}, language="Arabic language")


def test_rejects_an_unknown_status() -> None:
    """Status is scheduled or cancelled."""
    with pytest.raises(
        InvalidValueError,
        match=r"Keynote\.status: expected a Status \('scheduled', 'cancelled'\)",
    ):
        sk.Keynote(id="k", title={"en": "K"}, status="postponed")  # type: ignore[arg-type]


def test_rejects_a_slot_of_the_wrong_type() -> None:
    """slot must be a TimeSlot."""
    with pytest.raises(InvalidTypeError, match=r"Talk\.slot: expected a TimeSlot, got tuple"):
        sk.Talk(id="t", title={"en": "T"}, slot=(1, 2))  # type: ignore[arg-type]


def test_participants_become_a_tuple_and_are_type_checked() -> None:
    """A list becomes a tuple; a bare id in it is rejected with its index."""
    talk = sk.Talk(id="t", title={"en": "T"}, participants=[sk.Participant("a")])
    assert isinstance(talk.participants, tuple)
    with pytest.raises(
        InvalidTypeError, match=r"Talk\.participants\[0\]: expected a Participant, got str 'a'"
    ):
        sk.Talk(id="t", title={"en": "T"}, participants=["a"])  # type: ignore[list-item]


def test_track_fields() -> None:
    """A track has a title, an optional sector and chair."""
    track = sk.WorkshopTrack(
        id="ws", title={"en": "Health"}, sector={"en": "Healthcare"}, chair="a"
    )
    assert (str(track.sector), track.chair) == ("Healthcare", "a")


def test_kind_tags_are_distinct() -> None:
    """Each kind has its own serialization tag."""
    tags = [cls.kind for cls in (*KINDS, sk.Panel)]
    assert sorted(tags) == sorted(set(tags))


def test_speakers_in_role_accepts_the_role_value() -> None:
    """speakers_in_role('panelist') works like Role.PANELIST; a non-role is an error."""
    p = panel(panelists=("a", "b"))
    assert p.speakers_in_role("panelist") == p.speakers_in_role(sk.Role.PANELIST) == ("a", "b")
    with pytest.raises(InvalidValueError, match=r"speakers_in_role\(role\): expected a Role"):
        p.speakers_in_role("speaker")


def test_a_language_that_is_not_a_string_is_a_type_error() -> None:
    """language=5 is the wrong type, not a malformed tag."""
    with pytest.raises(InvalidTypeError, match=r"Talk\.language: expected a language tag"):
        sk.Talk(id="t", title={"en": "T"}, language=5)  # type: ignore[arg-type]


def test_panel_checks_grow_linearly_with_participants() -> None:
    """A panel of 60,000 moderators and 60,000 panelists is checked at once, not in their product."""
    output = finishes(
        "import summitkit as sk\n"
        "n = 60_000\n"
        "people = [sk.Participant(f'm{i}', role='moderator') for i in range(n)]\n"
        "people += [sk.Participant(f'p{i}', role='panelist') for i in range(n)]\n"
        "print(len(sk.Panel(id='p', title={'en': 'P'}, participants=people).panelists))\n"
    )
    assert output.strip() == "60000"
