"""Tests for the text of changes beyond sessions, in English and Arabic."""

from __future__ import annotations

import datetime as dt
import re

import attrs

import summitkit as sk
from builders import DAY, at, slot
from changed_summits import (
    DANA,
    EXTRA,
    HOURS,
    LONDON,
    OFFICE,
    PRESS,
    STUDIO,
    base,
    member,
    plus,
    signed,
)
from summitkit.changes import ChairChanged, Changelog, Reroomed, diff
from summitkit.text import changelog

MARKS = str.maketrans(
    "", "", "\N{FIRST STRONG ISOLATE}\N{POP DIRECTIONAL ISOLATE}\N{RIGHT-TO-LEFT MARK}"
)


def plain(text: str) -> str:
    """*text* without its directional marks, to read its words."""
    return text.translate(MARKS)


def everything_changed() -> Changelog:
    """A changelog with a change of every kind besides sessions' (and w1 moved)."""
    old = plus(plus(plus(base(), "speakers", DANA), "organizations", PRESS), "tracks", EXTRA)
    new = attrs.evolve(
        old,
        name={"en": "New Summit", "ar": "قمة جديدة"},
        hashtag="D15",
        edition=2,
        day_change=dt.time(4),
        venue=attrs.evolve(old.venue, opening_hours=[HOURS], country="AE"),
        rooms=[
            attrs.evolve(
                old.rooms[0], name={"en": "Great Hall", "ar": "القاعة الكبرى"}, capacity=250
            ),
            attrs.evolve(old.rooms[1], capacity=40, opening_hours=[slot((9, 0), (12, 0))]),
            STUDIO,
        ],
        organizations=[attrs.evolve(OFFICE, country="AE")],
        speakers=[
            old.speakers[0],
            attrs.evolve(old.speakers[1], name={"en": "Amala", "ar": "أمل"}),
            attrs.evolve(old.speakers[2], position={"en": "Host"}, organization="org"),
            attrs.evolve(old.speakers[3], availability=[slot((10, 0), (12, 30))]),
        ],
        tracks=[
            attrs.evolve(old.tracks[0], chair="b"),
            attrs.evolve(old.tracks[1], chair="m", title={"en": "Travel", "ar": "السفر"}),
            sk.WorkshopTrack(id="t4", title={"en": "Energy"}, chair="a", sector={"en": "Oil"}),
        ],
    )
    return diff(old, new.reschedule("w1", slot((11, 30), (12, 30))))


def test_render_writes_every_kind_in_english() -> None:
    """Each part has a block named as the new version names it, a line per change."""
    text = changelog(everything_changed())
    assert text == (
        "Changes to the New Summit programme. Times: Dubai time (UTC+4).\n"
        "\n"
        "Summit: New Summit\n"
        "  Name changed from “Demo Summit”.\n"
        "  Other changes: edition (from none to 2), hashtag (from none to D15),"
        " and time each day starts (from 00:00 to 04:00).\n"
        "Venue: Sofitel\n"
        "  Opening hours set: 08:00–18:00.\n"
        "  Other changes: country (from none to AE).\n"
        "Room: Great Hall\n"
        "  Name changed from “Main Hall”.\n"
        "  Capacity changed from 300 to 250.\n"
        "Room: Annex\n"
        "  Capacity changed from none to 40.\n"
        "  Opening hours set: 09:00–12:00.\n"
        "Room: Studio\n"
        "  Added to the summit.\n"
        "Organization: Digital Office\n"
        "  Other changes: country (from none to AE).\n"
        "Organization: Press\n"
        "  Removed from the summit.\n"
        "Speaker: Amala\n"
        "  Name changed from “Amal”.\n"
        "Speaker: Badr\n"
        "  Other changes: position and organization (from none to Digital Office).\n"
        "Speaker: Carla\n"
        "  Availability set: 10:00–12:30 Dubai time (UTC+4).\n"
        "Speaker: Dana\n"
        "  Removed from the summit.\n"
        "Track: Health\n"
        "  Chair changed from Amal to Badr.\n"
        "Track: Travel\n"
        "  Title changed from “Tourism”.\n"
        "  Now chaired by Dr. Mona.\n"
        "Track: Energy\n"
        "  Added to the summit.\n"
        "  Chaired by Amala.\n"
        "Track: Defence\n"
        "  Removed from the summit.\n"
        "Workshop – Clinics\n"
        "  Moved from 11:00 to 11:30.\n"
    )


def test_render_writes_every_kind_in_arabic() -> None:
    """The same changes read in Arabic, with no word about a person's gender."""
    text = plain(changelog(everything_changed(), lang="ar"))
    for line in (
        "القمة: قمة جديدة",
        "  تغيّر الاسم، وكان «قمة تجريبية».",
        (
            "  تعديلات أخرى: الدورة (من غير محدد إلى 2) والوسم (من غير محدد إلى D15)"
            " وموعد بداية كل يوم (من 00:00 إلى 04:00)."
        ),
        "مكان الانعقاد: سوفيتيل",
        "  حُددت ساعات العمل: 08:00–18:00.",
        "  تعديلات أخرى: الدولة (من غير محدد إلى AE).",
        "القاعة: القاعة الكبرى",
        "  تغيّر الاسم، وكان «القاعة الرئيسية».",
        "  تغيّرت السعة من 300 إلى 250.",
        "القاعة: Studio",
        "  تمت الإضافة إلى القمة.",
        "الجهة: المكتب الرقمي",
        "الجهة: Press",
        "  تمت الإزالة من القمة.",
        "الملف التعريفي: أمل",
        "  تغيّر الاسم، وكان «Amal».",
        "  تعديلات أخرى: المنصب والجهة (من غير محدد إلى المكتب الرقمي).",
        "  حُددت أوقات التوفر: 10:00–12:30 بتوقيت دبي (غرينتش+4).",
        "المسار: الصحة",
        "  انتقلت رئاسة المسار من Amal إلى Badr.",
        "المسار: السفر",
        "  تغيّر العنوان، وكان «السياحة».",
        "  أُسندت رئاسة المسار إلى منى.",
        "  رئاسة المسار: أمل.",
        "المسار: Defence",
        "ورشة عمل – Clinics",
        "  تغيّر موعد الجلسة من 11:00 إلى 11:30.",
    ):
        assert f"\n{line}\n" in text
    assert not re.search("[A-Za-z]{3,} [a-z]", text)  # no English sentence is left


def test_render_of_changes_the_other_way() -> None:
    """Hours and availability taken away, a chair dropped and parts added read as such."""
    text = everything_changed()
    back = changelog(diff(text.new, text.old))
    assert "Opening hours no longer set; they were 08:00–18:00." in back
    assert "Availability no longer set; it was 10:00–12:30 Dubai time (UTC+4)." in back
    assert (
        "Track: Tourism\n  Title changed from “Travel”.\n"
        "  No longer has a chair; it was chaired by Dr. Mona." in back
    )
    assert "Speaker: Dana\n  Added to the summit." in back
    assert "Venue: Sofitel\n  Opening hours no longer set" in back
    ar = plain(changelog(diff(text.new, text.old), lang="ar"))
    assert "لم تعد ساعات العمل محددة، وكانت 08:00–18:00." in ar
    assert "لم تعد أوقات التوفر محددة، وكانت 10:00–12:30 بتوقيت دبي (غرينتش+4)." in ar
    assert "أُلغيت رئاسة المسار، وكانت مسندة إلى منى." in ar


def test_render_of_a_venue_added_or_removed_and_lists_reordered() -> None:
    """A venue only one version has is added or removed; a new order names the lists."""
    old = base(venue=None)
    new = attrs.evolve(base(), rooms=base().rooms[::-1], speakers=base().speakers[::-1])
    text = changelog(diff(old, new))
    assert "Summit: Demo Summit\n  Listed in a new order: rooms and speakers.\n" in text
    assert "Venue: Sofitel\n  Added to the summit.\n" in text
    assert "Venue: Sofitel\n  Removed from the summit.\n" in changelog(diff(new, old))
    assert "تغيّر ترتيب القوائم: القاعات والأسماء." in plain(changelog(diff(old, new), lang="ar"))


def test_render_of_hours_and_availability_changed_in_another_zone() -> None:
    """Hours are spans in the zone shown, availability in its own zone, named; dates where needed."""
    old = base(last_day=DAY + dt.timedelta(days=1))
    second = sk.TimeSlot(
        at(9, day=DAY + dt.timedelta(days=1)), at(12, day=DAY + dt.timedelta(days=1))
    )
    old = member(old, "rooms", "hall", opening_hours=[HOURS])
    new = member(old, "rooms", "hall", opening_hours=[second])
    new = member(new, "speakers", "c", availability=[HOURS, second])
    text = changelog(diff(old, new), tz="Europe/London")
    assert (
        "Opening hours changed from Wednesday 16 September 05:00–15:00"
        " to Thursday 17 September 06:00–09:00." in text
    )
    assert (
        "Availability set: Wednesday 16 September 08:00–18:00 and Thursday 17 September"
        " 09:00–12:00 Dubai time (UTC+4)." in text
    )


def test_render_of_a_window_in_the_repeated_hour_shows_which_reading() -> None:
    """01:30 BST and 01:30 GMT, on the night the clocks go back, read differently."""
    night = dt.date(2015, 10, 25)

    def wall(hour: int, minute: int, fold: int = 0) -> dt.datetime:
        return dt.datetime.combine(night, dt.time(hour, minute, fold=fold), LONDON)

    old = sk.Summit(
        id="x",
        name={"en": "X"},
        first_day=night,
        timezone=LONDON,
        speakers=[
            sk.Speaker(
                id="p", name={"en": "P"}, availability=[sk.TimeSlot(wall(1, 30), wall(3, 0))]
            )
        ],
    )
    new = member(old, "speakers", "p", availability=[sk.TimeSlot(wall(1, 30, fold=1), wall(3, 0))])
    text = changelog(diff(old, new))
    assert (
        "Availability changed from 01:30 BST–03:00 London time (UTC+1/UTC+0)"
        " to 01:30 GMT–03:00 London time (UTC+0)." in text
    )
    # The heading gives both offsets of the times shown, not only the day's first.
    assert text.startswith("Changes to the X programme. Times: London time (UTC+1/UTC+0).\n")


def test_render_shows_dates_and_zones_of_summit_fields() -> None:
    """A new first day, last day or zone is shown as a day and a zone name."""
    old = base()
    new = attrs.evolve(old, first_day=DAY - dt.timedelta(days=1), timezone="Asia/Muscat")
    assert (
        "Other changes: first day (from Wednesday 16 September 2015 to Tuesday 15 September 2015)"
        " and time zone (from Dubai time (UTC+4) to Muscat time (UTC+4))."
        in changelog(diff(old, new))
    )
    assert "اليوم الأول (من الأربعاء 16 سبتمبر 2015 إلى الثلاثاء 15 سبتمبر 2015)" in plain(
        changelog(diff(old, new), lang="ar")
    )


def test_render_names_a_member_field_the_writer_has_no_words_for() -> None:
    """A field of a member's subclass is named in words; a class change names the classes."""
    old = base()
    new = attrs.evolve(old, rooms=[old.rooms[0], signed(old.rooms[1])])
    assert (
        "Room: Annex\n  Other changes: type (from Room to SignedRoom) and signage (from none to E).\n"
        in changelog(diff(old, new))
    )


def test_render_shows_the_id_of_a_member_neither_version_has() -> None:
    """A changelog built by hand may name a chair or a room neither version has: its id is shown."""
    old = base()
    log = Changelog(
        old, old, changes=[ChairChanged("t1", "ghost", None), Reroomed("w1", None, "attic")]
    )
    text = changelog(log)
    assert "No longer has a chair; it was chaired by ghost." in text
    assert "Now in attic." in text


def test_a_day_change_is_quoted_to_the_second() -> None:
    """04:00 to 04:00:30 reads as a change, not 'from 04:00 to 04:00'."""
    old = sk.examples.gsms2015()
    text = changelog(
        sk.changes.diff(
            attrs.evolve(old, day_change=dt.time(4)),
            attrs.evolve(old, day_change=dt.time(4, 0, 30)),
        )
    )
    assert "time each day starts (from 04:00 to 04:00:30)" in text
