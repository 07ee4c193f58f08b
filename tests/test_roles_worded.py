"""The roles of real programmes, authors and organisers, in the agenda and the changelog."""

from __future__ import annotations

import attrs
import pytest

import summitkit as sk
from builders import DAY, bare_summit, slot
from summitkit.changes import diff
from summitkit.text import agenda, changelog
from summitkit.text._language import FSI, PDI


def plain(text: str) -> str:
    """*text* without the marks that isolate names and times."""
    return text.replace(FSI, "").replace(PDI, "")


def written(*participants: sk.Participant) -> sk.Summit:
    """A one-talk summit with the given participants."""
    return bare_summit(
        first_day=DAY,
        speakers=[
            sk.Speaker(id="amal", name={"en": "Amal", "ar": "أمل"}),
            sk.Speaker(id="team", name={"en": "Team", "ar": "الفريق"}, group=True),
        ],
        sessions=[
            sk.Talk(
                id="x",
                title={"en": "Open data", "ar": "البيانات المفتوحة"},
                slot=slot((9, 0), (10, 0)),
                participants=participants,
            )
        ],
    )


@pytest.mark.parametrize(
    ("role", "english", "arabic"),
    [
        (sk.Role.AUTHOR, "Written by: ", "التأليف: "),
        (sk.Role.ORGANISER, "Organised by: ", "التنظيم: "),
    ],
)
def test_the_agenda_names_authors_and_organisers(role: sk.Role, english: str, arabic: str) -> None:
    """An author or organiser of a session is listed under the role's own heading."""
    summit = written(sk.Participant("team", role=role))
    assert f"{english}Team" in plain(agenda(summit))
    assert f"{arabic}الفريق" in plain(agenda(summit, lang="ar"))


@pytest.mark.parametrize(
    ("role", "arabic"), [(sk.Role.AUTHOR, "التأليف"), (sk.Role.ORGANISER, "التنظيم")]
)
def test_the_changelog_names_authors_and_organisers(role: sk.Role, arabic: str) -> None:
    """A participant who joins as author or organiser is said to, in Arabic words too."""
    old = written(sk.Participant("amal"))
    new = attrs.evolve(
        old,
        sessions=[
            attrs.evolve(
                old.sessions[0],
                participants=[sk.Participant("amal"), sk.Participant("team", role=role)],
            )
        ],
    )
    assert f"({role.value})" in plain(changelog(diff(old, new)))
    assert f"({arabic})" in plain(changelog(diff(old, new), lang="ar"))
