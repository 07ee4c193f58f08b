"""Tests for summitkit.text.changelog: the wording rules, right to left, and other languages."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import summitkit as sk
from builders import at, slot
from builders import summit as small_summit
from catalogues import french as french_catalogue
from changed_summits import LONDON, base, member
from rtl import FSI, PDI, RLM, outside_isolates
from summitkit.changes import diff
from summitkit.exceptions import InvalidValueError
from summitkit.text import changelog, install_catalogue
from summitkit.text._catalogues import _uninstall


def isolated(text: str) -> str:
    """*text* as a right-to-left line shows a value: between FSI and PDI."""
    return f"{FSI}{text}{PDI}"


def with_roles(old: sk.Summit, *participants: sk.Participant) -> sk.Summit:
    """*old* with the panel p1's participants replaced."""
    panel = old.session("p1")
    return old.replace_session(attrs.evolve(panel, participants=participants))


def renamed(old: sk.Summit, speaker_id: str, name: str) -> sk.Summit:
    """*old* with one speaker named *name* in Arabic and English, without an honorific."""
    return member(old, "speakers", speaker_id, name={"en": name, "ar": name}, honorific=None)


# -- gender ---------------------------------------------------------------------------


def test_people_who_join_or_leave_are_listed_with_a_verbal_noun() -> None:
    """Joining and leaving are إضافة / إزالة to the list, never a verb that agrees with a person."""
    old = renamed(base(), "a", "الدكتورة شيخة")
    new = with_roles(
        old,
        sk.Participant("m", role=sk.Role.MODERATOR),
        sk.Participant("b", role=sk.Role.PANELIST),
        sk.Participant("c", role=sk.Role.PANELIST),
    )
    text = changelog(diff(old, new), lang="ar")
    assert f"{RLM}  إضافة إلى قائمة المشاركين: {isolated('Carla')} (المشاركة في النقاش).\n" in text
    assert (
        f"{RLM}  إزالة من قائمة المشاركين: {isolated('الدكتورة شيخة')} (المشاركة في النقاش).\n"
        in text
    )
    for gendered in ("أُضيف ", "أُزيل ", "أُضيفت إلى الجلسة", "وهي "):
        assert gendered not in text


def test_a_session_added_cancelled_carries_the_cancelled_marker() -> None:
    """A session added as cancelled is marked [أُلغيت الجلسة], not described with a pronoun."""
    old = base()
    talk = sk.Talk(id="n1", title={"en": "Fresh"}, slot=slot((14, 0), (15, 0)))
    new = old.add_session(attrs.evolve(talk, status=sk.Status.CANCELLED))
    arabic = changelog(diff(old, new), lang="ar")
    assert (
        f"{RLM}  أُضيفت الجلسة إلى البرنامج: {isolated('14:00–15:00')}. [أُلغيت الجلسة]\n" in arabic
    )
    assert "وهي" not in arabic
    assert "  Added to the programme: 14:00–15:00. [CANCELLED]\n" in changelog(diff(old, new))


# -- the preposition ل -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "attached"),
    [
        ("الدكتورة منى", isolated("للدكتورة منى")),  # before ال, ل takes the alef's place
        ("زوي", isolated("لزوي")),  # before another Arabic letter it joins the word
        ("Dr. Quill", "لـ" + isolated("Dr. Quill")),  # before Latin, with a stroke
        ("7 Seas", "لـ" + isolated("7 Seas")),  # and before a digit
    ],
)
def test_the_preposition_lam_is_written_as_arabic_spelling_does(name: str, attached: str) -> None:
    """A role gained reads دور إضافي للدكتورة، لزوي، لـDr. X: never لـال."""
    old = renamed(base(), "a", name)
    new = with_roles(
        old,
        sk.Participant("m", role=sk.Role.MODERATOR),
        sk.Participant("a", role=sk.Role.PANELIST),
        sk.Participant("a", role=sk.Role.HOST),
        sk.Participant("b", role=sk.Role.PANELIST),
    )
    text = changelog(diff(old, new), lang="ar")
    assert f"{RLM}  دور إضافي {attached}: الاستضافة.\n" in text
    assert "لـال" not in text.replace(FSI, "").replace(PDI, "")  # as a reader sees it


# -- zones ------------------------------------------------------------------------------


def test_zones_are_named_by_city_and_offset() -> None:
    """The heading names the zone as people know it, in each language; never an IANA id."""
    log = diff(base(), base().reschedule("w1", slot((11, 30), (12, 30))))
    english = changelog(log)
    arabic = changelog(log, lang="ar")
    assert english.startswith("Changes to the Demo Summit programme. Times: Dubai time (UTC+4).\n")
    assert arabic.startswith(
        f"{RLM}التغييرات في برنامج {isolated('قمة تجريبية')}."
        f" الأوقات بتوقيت دبي (غرينتش{isolated('+4')}).\n"
    )
    london = changelog(log, tz="Europe/London")
    assert london.startswith("Changes to the Demo Summit programme. Times: London time (UTC+1).\n")
    assert "  Moved from 08:00 to 08:30.\n" in london
    for text in (english, arabic, london):
        assert "Asia/" not in text
        assert "Europe/" not in text


def test_a_fixed_offset_is_named_by_its_offset() -> None:
    """A zone that is only an offset is shown as that offset."""
    log = diff(base(), base().reschedule("w1", slot((11, 30), (12, 30))))
    text = changelog(log, tz=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    assert text.startswith("Changes to the Demo Summit programme. Times: UTC+5:30.\n")
    assert "  Moved from 12:30 to 13:00.\n" in text


def test_availability_is_quoted_in_its_own_zone_named() -> None:
    """A speaker's availability is shown as given, with its zone, whatever zone the rest uses."""
    old = base()
    window = sk.TimeSlot(at(10, zone=LONDON), at(12, zone=LONDON))
    new = member(old, "speakers", "c", availability=[window])
    log = diff(old, new)
    assert "  Availability set: 10:00–12:00 London time (UTC+1).\n" in changelog(log)
    assert "  Availability set: 10:00–12:00 London time (UTC+1).\n" in changelog(
        log, tz="Asia/Tokyo"
    )
    arabic = changelog(log, lang="ar")
    assert (
        f"{RLM}  حُددت أوقات التوفر: {isolated('10:00–12:00')} بتوقيت لندن"
        f" (غرينتش{isolated('+1')}).\n" in arabic
    )
    # The heading names the zone of the other times, not the availability's.
    assert changelog(log).startswith("Changes to the Demo Summit programme. Times: Dubai time")


def test_a_new_summit_zone_is_named_by_its_city() -> None:
    """A summit's new zone reads by city; two names of one city fall back to their ids."""
    old = base()
    muscat = changelog(diff(old, attrs.evolve(old, timezone="Asia/Muscat")))
    assert "time zone (from Dubai time (UTC+4) to Muscat time (UTC+4))" in muscat
    kolkata = attrs.evolve(old, timezone="Asia/Kolkata")
    alias = changelog(diff(kolkata, attrs.evolve(old, timezone="Asia/Calcutta")))
    assert "time zone (from Asia/Kolkata to Asia/Calcutta)" in alias


# -- phrasing ---------------------------------------------------------------------------


def test_a_new_start_is_a_new_time_and_a_new_length_a_new_duration() -> None:
    """A start moved is تغيّر موعد الجلسة (not نُقلت, a room change); a length changed تغيّرت مدة الجلسة."""
    old = base()
    moved = changelog(diff(old, old.reschedule("w1", slot((11, 30), (12, 30)))), lang="ar")
    assert f"{RLM}  تغيّر موعد الجلسة من {isolated('11:00')} إلى {isolated('11:30')}.\n" in moved
    assert "نُقلت" not in moved
    assert "مدة" not in moved
    longer = changelog(diff(old, old.reschedule("w1", slot((11, 0), (12, 30)))), lang="ar")
    assert (
        f"{RLM}  تغيّرت مدة الجلسة: {isolated('11:00–12:30')} بدلًا من {isolated('11:00–12:00')}.\n"
        in longer
    )
    assert "موعد" not in longer


def test_heading_and_no_changes_name_the_programme_alike() -> None:
    """Both say "the … programme", in English and in Arabic."""
    old = base()
    changed = diff(old, old.cancel("w1"))
    assert changelog(changed).startswith("Changes to the Demo Summit programme.")
    assert changelog(diff(old, old)) == "No changes to the Demo Summit programme.\n"
    assert changelog(changed, lang="ar").startswith(
        f"{RLM}التغييرات في برنامج {isolated('قمة تجريبية')}."
    )
    assert changelog(diff(old, old), lang="ar") == (
        f"{RLM}لا تغييرات في برنامج {isolated('قمة تجريبية')}.\n"
    )


def test_old_titles_and_names_are_in_curly_quotes() -> None:
    """“…” in English and «…» in Arabic; no straight quotes."""
    old = base()
    new = member(old, "rooms", "hall", name={"en": "Great Hall", "ar": "القاعة الكبرى"})
    new = new.replace_session(attrs.evolve(new.session("w1"), title={"en": "Surgeries"}))
    log = diff(old, new)
    english = changelog(log)
    assert "  Name changed from “Main Hall”.\n" in english
    assert "  Title changed from “Clinics”.\n" in english
    assert '"' not in english
    arabic = changelog(log, lang="ar")
    assert f"{RLM}  تغيّر الاسم، وكان «{isolated('القاعة الرئيسية')}».\n" in arabic
    assert f"{RLM}  تغيّر العنوان، وكان «{isolated('Clinics')}».\n" in arabic


# -- right to left --------------------------------------------------------------------------


def every_kind() -> sk.changes.Changelog:
    """Changes of many kinds, with Latin and Arabic names, times, rooms and numbers."""
    old = base()
    new = with_roles(
        old,
        sk.Participant("a", role=sk.Role.MODERATOR),
        sk.Participant("c", role=sk.Role.PANELIST),
        sk.Participant("b", role=sk.Role.PANELIST),
        sk.Participant("m", role=sk.Role.HOST),
    )
    new = new.reschedule("w1", slot((11, 30), (12, 45))).cancel("w2")
    new = member(new, "rooms", "hall", capacity=250, opening_hours=[slot((8, 0), (18, 0))])
    new = member(new, "speakers", "b", availability=[slot((9, 0), (12, 0))], position={"en": "CEO"})
    new = member(new, "tracks", "t2", chair="m")
    new = attrs.evolve(new, hashtag="D15", edition=2)
    return diff(old, new)


def test_every_arabic_line_starts_with_a_right_to_left_mark() -> None:
    """So that a terminal lays out right to left even a line that starts with a Latin name."""
    text = changelog(every_kind(), lang="ar")
    lines = text.splitlines()
    assert len(lines) > 10
    assert all(line.startswith(RLM) for line in lines if line)
    assert RLM not in changelog(every_kind())


def test_every_inserted_name_title_and_time_is_isolated() -> None:
    """Outside isolates an Arabic changelog has only its own words: no Latin, no time."""
    text = changelog(every_kind(), lang="ar")
    for value in ("Amal", "Badr", "Carla", "A panel", "D15", "Clinics", "11:30–12:45"):
        assert isolated(value) in text
    for value in ("منى", "القاعة الرئيسية", "السياحة", "08:00–18:00", "09:00–12:00"):
        assert isolated(value) in text
    words = outside_isolates(text)
    assert not any("a" <= char.lower() <= "z" for char in words)
    assert ":0" not in words
    assert ":3" not in words


def test_english_is_not_isolated() -> None:
    """A left-to-right language needs no marks."""
    text = changelog(every_kind())
    assert FSI not in text
    assert PDI not in text


# -- other languages ------------------------------------------------------------------------

FRENCH = french_catalogue(
    """
msgctxt "changelog.heading"
msgid "Changes to the {name} programme."
msgstr "Modifications du programme {name}."

msgctxt "changelog.cancelled"
msgid "Cancelled."
msgstr "Annulée."
"""
)


@pytest.fixture
def french(tmp_path: Path) -> Iterator[str]:
    """French installed from a tiny catalogue for the test, and forgotten after it."""
    path = tmp_path / "fr.po"
    path.write_text(FRENCH, encoding="utf-8")
    install_catalogue("fr", path)
    yield "fr"
    _uninstall("fr")


def test_a_changelog_in_an_installed_language(french: str) -> None:
    """A catalogue's messages are used; a message it lacks is written in English."""
    old = base()
    text = changelog(diff(old, old.cancel("w1")), lang=french)
    assert text == (
        "Modifications du programme Demo Summit. Times: Dubaï time (UTC+4).\n"
        "\n"
        "Workshop – Clinics\n"
        "  Annulée.\n"
    )


def test_an_uninstalled_language_is_refused() -> None:
    """Without its catalogue, French is not a language summitkit writes."""
    with pytest.raises(InvalidValueError, match=r"^changelog\(lang\): expected one of 'ar', 'en'"):
        changelog(diff(base(), base()), lang="fr")


def test_a_name_with_a_line_break_stays_on_its_row() -> None:
    """A line break in a name is a space, so a row stays one line and its name isolated."""
    old = base()
    new = member(old, "rooms", "hall", name={"en": "Main\nHall", "ar": "القاعة\nالرئيسية"})
    assert "\nRoom: Main Hall\n  Name changed from “Main Hall”.\n" in changelog(diff(old, new))
    arabic = changelog(diff(old, new), lang="ar")
    assert f"\n{RLM}القاعة: {isolated('القاعة الرئيسية')}\n" in arabic
    assert all(line.startswith(RLM) for line in arabic.splitlines() if line)


# -- layers -----------------------------------------------------------------------------


def test_changes_neither_imports_the_text_package_nor_renders() -> None:
    """summitkit.changes compares versions; writing them is the text package's, a layer above."""
    source = (
        "import sys, summitkit, summitkit.changes\n"
        "assert 'summitkit.text' not in sys.modules, 'summitkit.text was imported'\n"
        "assert not hasattr(summitkit.changes.Changelog, 'render')\n"
    )
    result = subprocess.run(  # a fresh interpreter: this one has imported the text package
        [sys.executable, "-c", source], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("length", "expected"),
    [(39, "web site (from none to {url})."), (40, "Other changes: web site.\n")],
)
def test_a_value_is_shown_when_it_is_short(length: int, expected: str) -> None:
    """A text value under 40 characters is shown old and new; a longer one is only named."""
    url = "https://example.org/" + "x" * (length - len("https://example.org/"))
    old = base()
    new = member(old, "organizations", "org", url=url)
    text = changelog(diff(old, new))
    assert expected.format(url=url) in text


def test_a_title_with_a_colon_gets_no_second_colon() -> None:
    """A session's heading joins its kind and title with a dash, as the agenda does."""
    old = small_summit()
    panel = attrs.evolve(old.sessions[0], title={"en": "Brainstorming: case studies"})
    text = changelog(diff(old, old.replace_session(panel)))
    assert "\nPanel – Brainstorming: case studies\n" in text
