"""Tests for the changes to the fields real programmes brought, and their text in English and Arabic."""

from __future__ import annotations

import attrs
import pytest

import summitkit as sk
from builders import slot
from changed_summits import base, member
from summitkit.changes import (
    Changelog,
    DayWindowsChanged,
    Edited,
    ParentChanged,
    ParticipantsChanged,
    RoomEdited,
    SpeakerEdited,
    SummitRolesChanged,
    TrackAdded,
    TrackEdited,
    TrackRemoved,
    diff,
)
from summitkit.text import changelog

MARKS = str.maketrans(
    "", "", "\N{FIRST STRONG ISOLATE}\N{POP DIRECTIONAL ISOLATE}\N{RIGHT-TO-LEFT MARK}"
)


def both(log: Changelog) -> tuple[str, str]:
    """The changelog in English, and in Arabic without its directional marks."""
    return changelog(log), changelog(log, lang="ar").translate(MARKS)


def edit(old: sk.Summit, session_id: str, **fields: object) -> sk.Summit:
    """*old* with fields of one session replaced."""
    return old.replace_session(attrs.evolve(old.session(session_id), **fields))


# -- a session's new fields: each named in an edit -----------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "english", "arabic"),
    [
        ("subtitle", {"en": "A subtitle"}, "subtitle", "العنوان الفرعي"),
        ("description", {"en": "Longer"}, "full description", "الوصف المفصل"),
        (
            "markup",
            "markdown",
            "text format (from plain text to Markdown)",
            "صيغة النص (من نص عادي إلى Markdown)",
        ),
        ("label", "BoF", "label (from none to BoF)", "تصنيف الجلسة (من غير محدد إلى BoF)"),
        (
            "url",
            "https://example.org/w1",
            "web site (from none to https://example.org/w1)",
            "الموقع الإلكتروني (من غير محدد إلى https://example.org/w1)",
        ),
        ("links", [sk.Link("https://example.org/s.pdf")], "links", "الروابط"),
        ("attachments", [sk.Link("https://example.org/a.pdf")], "attachments", "المرفقات"),
        ("tags", ["ai", "health"], "tags", "الكلمات المفتاحية"),
        ("do_not_record", True, "permission to record", "الإذن بالتسجيل"),
        (
            "recording_licence",
            "CC BY 4.0",
            "recording licence (from none to CC BY 4.0)",
            "ترخيص التسجيلات (من غير محدد إلى CC BY 4.0)",
        ),
        (
            "online_url",
            "https://live.example.org/1",
            "online link (from none to https://live.example.org/1)",
            "رابط المتابعة عبر الإنترنت (من غير محدد إلى https://live.example.org/1)",
        ),
        ("series", "clinics", "series (from none to clinics)", "السلسلة (من غير محدد إلى clinics)"),
        (
            "source_ids",
            [sk.SourceId("frab-id", "42")],
            "ids in other systems",
            "المعرّفات في الأنظمة الأخرى",
        ),
    ],
)
def test_each_new_session_field_is_an_edit_named_in_both_languages(
    field: str, value: object, english: str, arabic: str
) -> None:
    """Changing the field alone gives Edited naming it, worded in English and Arabic."""
    old = base()
    log = diff(old, edit(old, "w1", **{field: value}))
    assert log.changes == (Edited("w1", (field,)),)
    en, ar = both(log)
    assert en.endswith(f"Workshop – Clinics\n  Other changes: {english}.\n")
    assert ar.endswith(f"ورشة عمل – Clinics\n  تعديلات أخرى: {arabic}.\n")


# -- a session inside another ------------------------------------------------------------


def test_a_session_put_inside_another_is_parent_changed() -> None:
    """None to an id: ParentChanged, and the text names the other session by its title."""
    old = base()
    log = diff(old, edit(old, "w2", parent="w1"))
    assert log.changes == (ParentChanged("w2", None, "w1"),)
    en, ar = both(log)
    assert "Workshop – Hotels\n  Now part of “Clinics”.\n" in en
    assert "ورشة عمل – Hotels\n  أصبحت الجلسة جزءًا من «Clinics».\n" in ar


def test_a_session_taken_out_or_moved_to_another_is_parent_changed() -> None:
    """An id to None, and one id to another, say what the session was part of."""
    inside = edit(base(), "w2", parent="w1")
    out = diff(inside, edit(inside, "w2", parent=None))
    assert out.changes == (ParentChanged("w2", "w1", None),)
    en, ar = both(out)
    assert "  No longer part of “Clinics”.\n" in en
    assert "  لم تعد الجلسة جزءًا من «Clinics».\n" in ar
    moved = diff(inside, edit(inside, "w2", parent="p1"))
    assert moved.changes == (ParentChanged("w2", "w1", "p1"),)
    en, ar = both(moved)
    assert "  Now part of “A panel” instead of “Clinics”.\n" in en
    assert "  أصبحت الجلسة جزءًا من «A panel» بدلًا من «Clinics».\n" in ar


def test_a_parent_removed_with_its_child_still_names_it() -> None:
    """The old parent is looked up in the version that has it."""
    inside = edit(base(), "w2", parent="w1")
    log = diff(inside, edit(inside, "w2", parent=None).remove_session("w1"))
    assert "Hotels\n  No longer part of “Clinics”.\n" in changelog(log)


def test_parent_changed_concerns_the_sessions_speakers() -> None:
    """Only the speakers of the session that moved see it."""
    old = base()
    log = diff(old, edit(old, "w2", parent="w1"))
    assert (log.for_speaker("b").changes, log.for_speaker("c").changes) == (log.changes, ())


# -- participants: blocking and the new roles ---------------------------------------------


def test_a_participant_who_no_longer_blocks_is_said_so() -> None:
    """Same speaker, same role, blocking off: one line, no role change."""
    old = base()
    free = sk.Participant("c", blocking=False)
    log = diff(old, edit(old, "w1", participants=[free]))
    assert log.changes == (
        ParticipantsChanged("w1", added=(free,), removed=(sk.Participant("c"),)),
    )
    en, ar = both(log)
    assert en.endswith(
        "Workshop – Clinics\n  Carla (presenter) can now be in other sessions at the same time.\n"
    )
    assert ar.endswith(
        "ورشة عمل – Clinics\n  Carla (التقديم): أصبحت المشاركة في جلسات أخرى في الوقت نفسه ممكنة.\n"
    )


def test_a_participant_who_blocks_again_is_said_so() -> None:
    """The other way: taking part keeps the speaker from other sessions again."""
    free = edit(base(), "w1", participants=[sk.Participant("c", blocking=False)])
    en, ar = both(diff(free, base()))
    assert "  Carla (presenter) can no longer be in other sessions at the same time.\n" in en
    assert "  Carla (التقديم): لم تعد المشاركة في جلسات أخرى في الوقت نفسه ممكنة.\n" in ar


def test_a_role_change_and_a_blocking_change_are_told_apart() -> None:
    """A new role is a role change; a kept role that stops blocking a blocking line."""
    old = edit(base(), "w1", participants=[sk.Participant("c"), sk.Participant("b")])
    new = edit(
        old,
        "w1",
        participants=[
            sk.Participant("c", blocking=False),
            sk.Participant("b", role=sk.Role.AUTHOR),
        ],
    )
    en, _ = both(diff(old, new))
    assert "  Badr now takes part as author instead of presenter.\n" in en
    assert "  Carla (presenter) can now be in other sessions at the same time.\n" in en


def test_the_author_and_organiser_roles_are_named_in_both_languages() -> None:
    """New roles have words of their own, in Arabic as verbal nouns."""
    old = base()
    people = [sk.Participant("c"), sk.Participant("a", role="author")]
    people.append(sk.Participant("m", role="organiser"))
    en, ar = both(diff(old, edit(old, "w1", participants=people)))
    assert "  Joining: Amal (author) and Dr. Mona (organiser).\n" in en
    assert "  إضافة إلى قائمة المشاركين: Amal (التأليف) ومنى (التنظيم).\n" in ar


# -- speakers, rooms and tracks --------------------------------------------------------------


def test_a_speaker_listed_as_a_group_and_given_source_ids() -> None:
    """group and source_ids are named in a speaker's edit."""
    old = base()
    new = member(old, "speakers", "c", group=True, source_ids=[sk.SourceId("pretalx-code", "C1")])
    log = diff(old, new)
    assert log.changes == (SpeakerEdited("c", ("group", "source_ids")),)
    en, ar = both(log)
    assert "Speaker: Carla\n  Other changes: listed as a group and ids in other systems.\n" in en
    assert (
        "الملف التعريفي: Carla\n"
        "  تعديلات أخرى: الإدراج بصفة مجموعة والمعرّفات في الأنظمة الأخرى.\n" in ar
    )


def test_a_room_that_holds_parallel_sessions() -> None:
    """parallel and source_ids are named in a room's edit."""
    old = base()
    new = member(old, "rooms", "annex", parallel=True, source_ids=[sk.SourceId("frab-id", "7")])
    log = diff(old, new)
    assert log.changes == (RoomEdited("annex", ("parallel", "source_ids")),)
    en, ar = both(log)
    assert (
        "Room: Annex\n  Other changes: whether it holds parallel sessions and ids in other systems.\n"
        in en
    )
    assert (
        "القاعة: الملحق\n  تعديلات أخرى: استضافة جلسات متوازية والمعرّفات في الأنظمة الأخرى.\n" in ar
    )


def as_track(track: sk.Track, cls: type[sk.Track]) -> sk.Track:
    """*track* with the same fields, as a *cls*."""
    return cls(**{a.name: getattr(track, a.name) for a in attrs.fields(type(track))})


def test_a_workshop_that_becomes_a_track_is_an_edit_of_its_kind() -> None:
    """WorkshopTrack to Track with the same fields: TrackEdited("kind"), the kinds in words."""
    old = base()
    plain_track = as_track(old.track("t1"), sk.Track)
    new = attrs.evolve(old, tracks=[plain_track, old.track("t2")])
    log = diff(old, new)
    assert log.changes == (TrackEdited("t1", ("kind",)),)
    en, ar = both(log)
    assert "Track: Health\n  Other changes: type of track (from workshop to track).\n" in en
    assert "المسار: الصحة\n  تعديلات أخرى: نوع المسار (من ورشة عمل إلى مسار).\n" in ar
    back_en, _ = both(diff(new, old))
    assert "type of track (from track to workshop)" in back_en


def test_a_track_gets_source_ids() -> None:
    """A track's source_ids are named in its edit."""
    old = base()
    log = diff(old, member(old, "tracks", "t2", source_ids=[sk.SourceId("frab-id", "3")]))
    assert log.changes == (TrackEdited("t2", ("source_ids",)),)
    en, ar = both(log)
    assert "Track: Tourism\n  Other changes: ids in other systems.\n" in en
    assert "المسار: السياحة\n  تعديلات أخرى: المعرّفات في الأنظمة الأخرى.\n" in ar


def test_a_plain_track_can_be_added_and_removed() -> None:
    """A Track that is not a workshop is carried by TrackAdded and TrackRemoved."""
    old = base()
    stream = sk.Track(id="t9", title={"en": "Stream", "ar": "البث"}, chair="b")
    log = diff(old, old.add_track(stream))
    assert log.changes == (TrackAdded(stream),)
    en, ar = both(log)
    assert "Track: Stream\n  Added to the summit.\n  Chaired by Badr.\n" in en
    assert "المسار: البث\n  تمت الإضافة إلى القمة.\n" in ar
    assert diff(old.add_track(stream), old).changes == (TrackRemoved(stream),)


# -- the summit: its days' windows and its roles ---------------------------------------------

WINDOW = slot((9, 0), (18, 0))


def test_day_windows_announced_changed_and_withdrawn() -> None:
    """DayWindowsChanged carries both versions' windows; the text says set, changed or unset."""
    old = base()
    announced = attrs.evolve(old, day_windows=[WINDOW])
    later = attrs.evolve(old, day_windows=[slot((10, 0), (19, 0))])
    assert diff(old, announced).changes == (DayWindowsChanged((), (WINDOW,)),)
    en, ar = both(diff(old, announced))
    assert "Summit: Demo Summit\n  Hours of the days announced: 09:00–18:00.\n" in en
    assert "القمة: قمة تجريبية\n  أُعلنت مواعيد أيام القمة: 09:00–18:00.\n" in ar
    en, ar = both(diff(announced, later))
    assert "  Hours of the days changed from 09:00–18:00 to 10:00–19:00.\n" in en
    assert "  تغيّرت مواعيد أيام القمة من 09:00–18:00 إلى 10:00–19:00.\n" in ar
    en, ar = both(diff(announced, old))
    assert "  Hours of the days no longer announced; they were 09:00–18:00.\n" in en
    assert "  لم تعد مواعيد أيام القمة معلنة، وكانت 09:00–18:00.\n" in ar


def test_summit_roles_taken_up_given_up_and_reordered() -> None:
    """SummitRolesChanged says who holds a role in the summit now, and who no longer does."""
    chair = sk.Participant("a", role=sk.Role.CHAIR)
    organiser = sk.Participant("m", role=sk.Role.ORGANISER)
    old = attrs.evolve(base(), roles=[chair])
    new = attrs.evolve(old, roles=[organiser])
    log = diff(old, new)
    assert log.changes == (SummitRolesChanged(added=(organiser,), removed=(chair,)),)
    en, ar = both(log)
    assert (
        "Summit: Demo Summit\n"
        "  Roles in the summit now held: Dr. Mona (organiser).\n"
        "  Roles in the summit no longer held: Amal (chair of the summit).\n" in en
    )
    assert (
        "القمة: قمة تجريبية\n"
        "  إسناد أدوار في القمة: منى (التنظيم).\n"
        "  إلغاء أدوار في القمة: Amal (رئاسة القمة).\n" in ar
    )
    both_roles = attrs.evolve(old, roles=[chair, organiser])
    swapped = attrs.evolve(old, roles=[organiser, chair])
    assert diff(both_roles, swapped).changes == (SummitRolesChanged(reordered=True),)
    en, ar = both(diff(both_roles, swapped))
    assert "  Roles in the summit listed in a new order.\n" in en
    assert "  تغيّر ترتيب أدوار القمة.\n" in ar


def test_summit_changes_come_in_the_order_of_the_summits_fields() -> None:
    """Name, day windows, roles, then the other fields' edit."""
    old = base()
    new = attrs.evolve(
        old,
        name={"en": "New"},
        roles=[sk.Participant("a", role=sk.Role.CHAIR)],
        day_windows=[WINDOW],
        hashtag="X",
    )
    kinds = [type(change).__name__ for change in diff(old, new)]
    assert kinds == ["SummitRenamed", "DayWindowsChanged", "SummitRolesChanged", "SummitEdited"]
