"""Tests for summitkit.changes: each kind of change, the changelog, and its text."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest

import summitkit as sk
from builders import DAY, at, panel, slot, speaker, summit
from summitkit.changes import (
    Added,
    Cancelled,
    Change,
    Changelog,
    Edited,
    Moved,
    ParticipantsChanged,
    Reinstated,
    Removed,
    Reroomed,
    Retimed,
    Retitled,
    Scheduled,
    Unscheduled,
    diff,
)
from summitkit.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    SummitkitError,
    UnknownIdError,
    UnknownTimeZoneError,
)
from summitkit.text import changelog

MINUTES_30 = dt.timedelta(minutes=30)
MARKS = str.maketrans(
    "", "", "\N{FIRST STRONG ISOLATE}\N{POP DIRECTIONAL ISOLATE}\N{RIGHT-TO-LEFT MARK}"
)


def plain(text: str) -> str:
    """*text* without its directional marks, to read its words."""
    return text.translate(MARKS)


def base(**overrides: object) -> sk.Summit:
    """A summit with a panel, a talk, a workshop session of track t1 and an untimed talk."""
    fields: dict[str, object] = {
        "rooms": (
            sk.Room(id="hall", name={"en": "Main Hall", "ar": "القاعة الرئيسية"}),
            sk.Room(id="annex", name={"en": "Annex", "ar": "الملحق"}),
        ),
        "speakers": (
            sk.Speaker(id="m", name={"en": "Mona", "ar": "منى"}, honorific={"en": "Dr."}),
            speaker("a", "Amal"),
            speaker("b", "Badr"),
            speaker("c", "Carla"),
        ),
        "sessions": (
            panel(slot=slot((9, 0), (10, 0)), room="hall"),
            sk.Talk(
                id="k1",
                title={"en": "Open data", "ar": "البيانات المفتوحة"},
                slot=slot((10, 0), (10, 30)),
                room="hall",
                participants=[sk.Participant("b")],
            ),
            sk.WorkshopSession(
                id="w1",
                title={"en": "Workshop"},
                slot=slot((11, 0), (12, 0)),
                room="annex",
                track="t1",
                participants=[sk.Participant("c")],
            ),
            sk.Talk(id="u1", title={"en": "Later"}),
        ),
    }
    fields.update(overrides)
    return summit(**fields)


def edit(old: sk.Summit, session_id: str, **fields: object) -> sk.Summit:
    """*old* with the fields of one session replaced."""
    return old.replace_session(attrs.evolve(old.session(session_id), **fields))


def without(old: sk.Summit, session_id: str) -> sk.Summit:
    """*old* without the session *session_id*."""
    return attrs.evolve(old, sessions=[s for s in old.sessions if s.id != session_id])


# -- each kind of change -------------------------------------------------------


def test_a_summit_compared_with_itself_has_no_changes() -> None:
    """diff(s, s) is an empty, false changelog with no session ids."""
    log = diff(base(), base())
    assert (log.changes, len(log), bool(log), list(log), log.session_ids) == ((), 0, False, [], ())


def test_an_added_session_is_added() -> None:
    """A session only the new version has is Added, carrying the session."""
    old = base()
    talk = sk.Talk(id="n1", title={"en": "New"}, slot=slot((13, 0), (13, 30)))
    log = diff(old, old.add_session(talk))
    assert log.changes == (Added(talk),)
    assert log.changes[0].session_id == "n1"


def test_a_removed_session_is_removed() -> None:
    """A session only the old version has is Removed, carrying the old session."""
    old = base()
    assert diff(old, without(old, "k1")).changes == (Removed(old.session("k1")),)


def test_cancel_and_reinstate() -> None:
    """Cancelling is Cancelled; the way back is Reinstated."""
    old = base()
    new = old.cancel("k1")
    assert diff(old, new).changes == (Cancelled("k1"),)
    assert diff(new, old).changes == (Reinstated("k1"),)


def test_a_later_start_of_the_same_length_is_moved_only() -> None:
    """Shifting a slot is Moved, not Retimed."""
    old = base()
    before = old.session("k1").slot
    assert before is not None
    after = before.shift(MINUTES_30)
    assert diff(old, old.reschedule("k1", after)).changes == (Moved("k1", before, after),)


def test_a_new_end_at_the_same_start_is_retimed_only() -> None:
    """A longer slot with the same start is Retimed, not Moved."""
    old = base()
    before, after = slot((10, 0), (10, 30)), slot((10, 0), (10, 45))
    assert diff(old, old.reschedule("k1", after)).changes == (Retimed("k1", before, after),)


def test_a_new_start_and_length_is_moved_and_retimed() -> None:
    """A session that starts later and lasts longer is both, Moved first."""
    old = base()
    before, after = slot((10, 0), (10, 30)), slot((10, 15), (11, 0))
    assert diff(old, old.reschedule("k1", after)).changes == (
        Moved("k1", before, after),
        Retimed("k1", before, after),
    )


def test_moved_and_retimed_share_a_shape_but_are_two_kinds() -> None:
    """With the same slots, a Moved is not a Retimed: each is matched and compared as itself."""
    before, after = slot((10, 0), (10, 30)), slot((10, 15), (11, 0))
    moved, retimed = Moved("k1", before, after), Retimed("k1", before, after)
    assert moved != retimed
    assert not isinstance(moved, Retimed)
    assert not isinstance(retimed, Moved)
    assert [f.name for f in attrs.fields(Moved)] == [f.name for f in attrs.fields(Retimed)]
    assert (moved.old_slot, moved.new_slot) == (retimed.old_slot, retimed.new_slot)


def test_untimed_to_timed_and_back() -> None:
    """Giving an untimed session a slot is Scheduled; taking it away is Unscheduled."""
    old = base()
    new = old.reschedule("u1", slot((15, 0), (16, 0)))
    assert diff(old, new).changes == (Scheduled("u1", slot((15, 0), (16, 0))),)
    assert diff(new, old).changes == (Unscheduled("u1", slot((15, 0), (16, 0))),)


@pytest.mark.parametrize(
    "after",
    [
        slot((10, 0), (10, 30), end_estimated=True),
        sk.TimeSlot(at(10).astimezone(sk.get_zone("Europe/London")), at(10, 30)),
    ],
    ids=["estimate flag", "zone"],
)
def test_a_slot_with_the_same_instants_is_edited(after: sk.TimeSlot) -> None:
    """Only an estimate flag or a zone changed: Edited(('slot',)), neither Moved nor Retimed."""
    old = base()
    assert diff(old, old.reschedule("k1", after)).changes == (Edited("k1", ("slot",)),)


@pytest.mark.parametrize(("before", "after"), [("hall", "annex"), (None, "hall"), ("hall", None)])
def test_a_room_change_is_reroomed(before: str | None, after: str | None) -> None:
    """Moving to another room, gaining or losing one is Reroomed, with room ids."""
    old = edit(base(), "k1", room=before)
    assert diff(old, edit(old, "k1", room=after)).changes == (Reroomed("k1", before, after),)


def test_a_new_title_is_retitled() -> None:
    """A title changed in any language is Retitled with both titles."""
    old = base()
    title = old.session("k1").title.with_text("ar", "بيانات مفتوحة")
    assert diff(old, edit(old, "k1", title=title)).changes == (
        Retitled("k1", old.session("k1").title, title),
    )


def test_a_role_change_is_one_participant_removed_and_one_added() -> None:
    """A presenter who becomes host is removed as presenter and added as host."""
    old = base()
    new = edit(old, "k1", participants=[sk.Participant("b", role=sk.Role.HOST)])
    assert diff(old, new).changes == (
        ParticipantsChanged(
            "k1",
            added=(sk.Participant("b", role=sk.Role.HOST),),
            removed=(sk.Participant("b", role=sk.Role.PRESENTER),),
        ),
    )


def test_a_new_order_of_the_same_participants_is_reordered() -> None:
    """Swapping two panelists adds and removes no one and sets reordered."""
    old = base()
    new = old.replace_session(panel(panelists=("b", "a"), slot=slot((9, 0), (10, 0)), room="hall"))
    assert diff(old, new).changes == (ParticipantsChanged("p1", reordered=True),)


def test_adding_and_removing_speakers_is_not_reordering() -> None:
    """Replacing one panelist lists who joined and who left, in order, without reordered."""
    old = base()
    new = old.replace_session(panel(panelists=("a", "c"), slot=slot((9, 0), (10, 0)), room="hall"))
    assert diff(old, new).changes == (
        ParticipantsChanged(
            "p1",
            added=(sk.Participant("c", role=sk.Role.PANELIST),),
            removed=(sk.Participant("b", role=sk.Role.PANELIST),),
            reordered=False,
        ),
    )


def test_a_talk_that_becomes_a_keynote_is_edited_kind() -> None:
    """The same id as another kind of session is Edited(('kind',)), and nothing else."""
    old = base()
    talk = old.session("k1")
    keynote = sk.Keynote(**{a.name: getattr(talk, a.name) for a in attrs.fields(sk.Talk)})
    assert diff(old, old.replace_session(keynote)).changes == (Edited("k1", ("kind",)),)


def test_other_fields_are_edited_in_field_order() -> None:
    """Abstract, language and track changes are one Edited naming them in field order."""
    old = base()
    new = edit(old, "k1", track="t1", language="ar", abstract={"en": "More"})
    assert diff(old, new).changes == (Edited("k1", ("abstract", "language", "track")),)


def test_a_title_no_longer_assumed_is_edited() -> None:
    """Confirming a compiled title is Edited(('title_assumed',)), named in both languages."""
    old = edit(base(), "k1", title_assumed=True)
    log = diff(old, edit(old, "k1", title_assumed=False))
    assert log.changes == (Edited("k1", ("title_assumed",)),)
    assert "Other changes: whether the title is assumed." in changelog(log)
    assert "تعديلات أخرى: كون العنوان مفترضًا." in changelog(log, lang="ar")


@attrs.frozen(kw_only=True)
class SizedTalk(sk.Talk):
    """A talk with a field the model does not have (yet)."""

    interpreters: int = 0


def test_a_field_the_model_gains_later_is_edited_by_name() -> None:
    """Fields are found on the session's class, so a new field needs no change to diff."""
    old = base()
    talk = old.session("k1")
    sized = SizedTalk(
        **{a.name: getattr(talk, a.name) for a in attrs.fields(sk.Talk)}, interpreters=2
    )
    with_size = old.replace_session(sized)
    assert diff(old, with_size).changes == (Edited("k1", ("kind", "interpreters")),)
    more = old.replace_session(attrs.evolve(sized, interpreters=3))
    assert diff(with_size, more).changes == (Edited("k1", ("interpreters",)),)
    assert diff(more, old).changes == (Edited("k1", ("kind", "interpreters")),)


@attrs.frozen(kw_only=True)
class NotedTalk(sk.Talk):
    """A talk with a field compared without case, and one not compared at all."""

    note: str = attrs.field(default="", eq=str.casefold)
    views: int = attrs.field(default=0, eq=False)


def test_diff_compares_fields_as_the_session_does() -> None:
    """A field compared by a key, or not compared, differs for diff exactly when == says so."""
    talk = base().session("k1")
    noted = NotedTalk(**{a.name: getattr(talk, a.name) for a in attrs.fields(sk.Talk)}, note="VIP")
    old = base().replace_session(noted)
    same = old.replace_session(attrs.evolve(noted, note="vip", views=7))
    assert old == same
    assert diff(old, same).changes == ()
    also = old.replace_session(attrs.evolve(noted, note="vip", views=7, language="ar"))
    assert diff(old, also).changes == (Edited("k1", ("language",)),)
    other = old.replace_session(attrs.evolve(noted, note="press"))
    assert diff(old, other).changes == (Edited("k1", ("note",)),)


def test_many_changes_to_one_session_come_in_a_fixed_order() -> None:
    """Cancelled, Moved, Reroomed, Retitled, ParticipantsChanged, Edited, in that order."""
    old = base()
    after = slot((10, 30), (11, 0))
    new = edit(
        old,
        "k1",
        status=sk.Status.CANCELLED,
        slot=after,
        room="annex",
        title={"en": "Closed data"},
        participants=[sk.Participant("c")],
        language="en",
    )
    assert [type(c) for c in diff(old, new)] == [
        Cancelled,
        Moved,
        Reroomed,
        Retitled,
        ParticipantsChanged,
        Edited,
    ]


def test_sessions_come_in_the_new_time_order_then_the_removed_ones() -> None:
    """New version's time order (untimed last, ties by id), then removed sessions by old time."""
    old = base(
        sessions=(
            *base().sessions,
            sk.Talk(id="z0", title={"en": "Z"}, slot=slot((8, 0), (8, 30))),
            sk.Talk(id="y0", title={"en": "Y"}, slot=slot((13, 0), (13, 30))),
            sk.Talk(id="x0", title={"en": "X"}),
        )
    )
    new = edit(old, "w1", slot=slot((10, 0), (10, 30)))  # ties with k1 at 10:00
    new = edit(new, "k1", room="annex")
    new = edit(new, "u1", abstract={"en": "Untimed"})
    new = without(without(new, "y0"), "z0")
    new = new.add_session(sk.Talk(id="a0", title={"en": "A"}, slot=slot((9, 30), (9, 45))))
    new = new.add_session(sk.Talk(id="j2", title={"en": "J"}, slot=slot((10, 0), (10, 5))))
    assert diff(old, new).session_ids == ("a0", "j2", "k1", "w1", "u1", "z0", "y0")


def test_session_ids_name_each_changed_session_once() -> None:
    """A session with two changes appears once in session_ids."""
    old = base()
    new = old.reschedule("k1", slot((10, 15), (11, 0))).cancel("w1")
    log = diff(old, new)
    assert (len(log), log.session_ids) == (3, ("k1", "w1"))


# -- bad arguments and invalid values ------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("gsms", base(), "diff(old)"),
        (base(), None, "diff(new)"),
        (base().sessions, base(), "diff(old)"),
    ],
)
def test_diff_refuses_anything_but_summits(old: object, new: object, path: str) -> None:
    """A wrong argument is an InvalidTypeError naming the argument and what was expected."""
    with pytest.raises(InvalidTypeError, match=rf"^{re.escape(path)}: expected a Summit, got "):
        diff(old, new)  # type: ignore[arg-type]


def test_change_itself_cannot_be_built() -> None:
    """Change is for isinstance and match; building one says which kinds to use."""
    with pytest.raises(InvalidTypeError, match="Change is abstract"):
        Change()


def test_changes_check_their_fields() -> None:
    """A change with a value of the wrong type names the field."""
    with pytest.raises(InvalidTypeError, match=r"^Moved\.new_slot: expected a TimeSlot"):
        Moved("k1", slot((9, 0), (10, 0)), "10:00")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^Added\.session: expected a session"):
        Added("k1")  # type: ignore[arg-type]


def test_a_changelog_refuses_changes_to_sessions_neither_version_has() -> None:
    """A change naming an unknown session is an InvalidValueError with its index."""
    with pytest.raises(InvalidValueError, match=r"^Changelog\.changes\[1\]: session 'ghost'"):
        Changelog(base(), base(), changes=[Cancelled("k1"), Cancelled("ghost")])


def test_a_changelog_holds_only_kinds_of_change() -> None:
    """Anything but one of the kinds of change is refused."""
    with pytest.raises(InvalidTypeError, match=r"^Changelog\.changes\[0\]: expected a kind of"):
        Changelog(base(), base(), changes=["k1"])  # type: ignore[list-item]


def test_changes_can_be_matched_on() -> None:
    """Changes work in match statements, by kind and by field."""
    old = base()
    seen = []
    for change in diff(old, old.reschedule("k1", slot((11, 0), (11, 30))).cancel("w1")):
        match change:
            case Moved(session_id=session_id, new_slot=new_slot):
                seen.append((session_id, new_slot.start.hour))
            case Change(session_id=session_id):
                seen.append((session_id, None))
    assert seen == [("k1", 11), ("w1", None)]


# -- for_speaker ---------------------------------------------------------------


def changed_everywhere() -> tuple[sk.Summit, sk.Summit]:
    """Two versions where every session changes: b moderates p1, presents k1, debates in p2."""
    old = base(
        sessions=(
            panel(moderator="b", panelists=("a", "m"), slot=slot((9, 0), (10, 0))),
            *base().sessions[1:],
            panel("p2", moderator=None, panelists=("c", "b"), slot=slot((14, 0), (15, 0))),
        )
    )
    new = old
    for session in old.sessions:
        new = edit(new, session.id, abstract={"en": "Changed"})
    return old, new


def test_for_speaker_keeps_sessions_in_any_role() -> None:
    """A moderator of one panel, panelist of another and presenter of a talk sees those three."""
    old, new = changed_everywhere()
    assert diff(old, new).for_speaker("b").session_ids == ("p1", "k1", "p2")


def test_for_speaker_keeps_sessions_of_the_tracks_the_speaker_chairs() -> None:
    """The chair of track t1 sees the change to its session w1 besides their own."""
    old, new = changed_everywhere()
    assert diff(old, new).for_speaker("a").session_ids == ("p1", "w1")


def test_a_speaker_taken_off_a_session_still_sees_it() -> None:
    """Removing c from w1 is in c's changelog, though c is no longer in w1."""
    old = base()
    new = edit(old, "w1", participants=[sk.Participant("m")])
    assert diff(old, new).for_speaker("c").changes == (
        ParticipantsChanged(
            "w1", added=(sk.Participant("m"),), removed=(sk.Participant("c"),), reordered=False
        ),
    )


def test_a_speaker_only_one_version_has_is_known() -> None:
    """A speaker who joined with a new session sees it; one who left sees what they left."""
    old = base()
    new = attrs.evolve(
        without(old, "w1"),
        speakers=(*old.speakers, speaker("d")),
        sessions=(
            *without(old, "w1").sessions,
            sk.Talk(id="d1", title={"en": "D"}, participants=[sk.Participant("d")]),
        ),
    )
    gone = attrs.evolve(new, speakers=[s for s in new.speakers if s.id != "c"])
    assert diff(old, gone).for_speaker("d").session_ids == ("d1",)
    assert diff(old, gone).for_speaker("c").session_ids == ("w1",)


def test_for_speaker_keeps_both_versions_and_the_order() -> None:
    """The filtered changelog is a Changelog of the same two versions."""
    old, new = changed_everywhere()
    log = diff(old, new)
    mine = log.for_speaker("b")
    assert (mine.old, mine.new) == (old, new)
    assert mine.changes == tuple(c for c in log if c.session_id in {"p1", "k1", "p2"})


def test_for_speaker_refuses_unknown_speakers() -> None:
    """An id neither version has is an UnknownIdError; a non-string an InvalidTypeError."""
    log = diff(base(), base())
    with pytest.raises(UnknownIdError, match="neither version has a speaker with id 'zed'"):
        log.for_speaker("zed")
    with pytest.raises(InvalidTypeError, match=r"for_speaker\(speaker_id\): expected a speaker id"):
        log.for_speaker(3)  # type: ignore[arg-type]


# -- render --------------------------------------------------------------------


def moved_and_reroomed() -> Changelog:
    """k1 moves from 10:00 to 11:00 and from Main Hall to Annex."""
    old = base()
    return diff(old, edit(old, "k1", slot=slot((11, 0), (11, 30)), room="annex"))


def test_render_in_english_names_the_title_times_and_rooms() -> None:
    """The English text has the title, both start times and both room names."""
    text = changelog(moved_and_reroomed())
    assert text.endswith("\n")
    assert "Talk – Open data" in text
    assert "Moved from 10:00 to 11:00." in text
    assert "Room changed from Main Hall to Annex." in text
    assert "Times: Dubai time (UTC+4)." in text


def test_render_names_rooms_as_each_version_does() -> None:
    """The old room is named as the old version names it, the new as the new one does."""
    old = base()
    renamed = sk.Room(id="annex", name={"en": "Garden Annex"})
    new = attrs.evolve(old, rooms=(renamed, sk.Room(id="hall", name={"en": "Great Hall"})))
    text = changelog(diff(old, edit(new, "k1", room="annex")))
    assert "Room changed from Main Hall to Garden Annex." in text


def test_render_in_arabic_is_arabic() -> None:
    """The Arabic text has the Arabic title, both times and both Arabic room names."""
    text = plain(changelog(moved_and_reroomed(), lang="ar"))
    assert "محاضرة – البيانات المفتوحة" in text
    assert "تغيّر موعد الجلسة من 10:00 إلى 11:00." in text
    assert "تغيّرت القاعة من القاعة الرئيسية إلى الملحق." in text
    assert "Moved" not in text
    assert "Room" not in text


def test_render_falls_back_to_english_for_a_title_without_arabic() -> None:
    """A title with no Arabic text is shown in English, as LocalizedText.lookup does."""
    old = base()
    text = plain(changelog(diff(old, old.cancel("w1")), lang="ar"))
    assert "ورشة عمل – Workshop\n  أُلغيت الجلسة." in text


def test_render_shows_times_in_another_zone() -> None:
    """tz shows times in the attendee's zone and says which zone that is."""
    log = moved_and_reroomed()
    london = sk.get_zone("Europe/London")
    for tz in (london, "Europe/London"):
        text = changelog(log, tz=tz)
        assert "Times: London time (UTC+1)." in text
        assert "Moved from 07:00 to 08:00." in text


def test_render_shows_dates_when_the_summit_has_several_days() -> None:
    """Across days, a time carries its date, written once when a line stays on one date."""
    old = base(last_day=DAY + dt.timedelta(days=1))
    later = sk.TimeSlot(
        at(9, day=DAY + dt.timedelta(days=1)), at(9, 30, day=DAY + dt.timedelta(days=1))
    )
    text = changelog(diff(old, old.reschedule("k1", later)))
    assert "Moved from Wednesday 16 September 10:00 to Thursday 17 September 09:00." in text
    retimed = changelog(diff(old, old.reschedule("k1", slot((10, 0), (10, 45)))))
    assert "Now runs Wednesday 16 September 10:00–10:45 instead of 10:00–10:30." in retimed


def test_render_marks_estimated_times() -> None:
    """An estimated time carries a ~ and the heading explains it."""
    old = base()
    text = changelog(diff(old, old.reschedule("k1", slot((10, 0), (10, 45), end_estimated=True))))
    assert "Now runs 10:00–~10:45 instead of 10:00–10:30." in text
    assert "~ marks an estimated time." in text
    assert "~" not in changelog(moved_and_reroomed())


def test_render_describes_each_kind_in_english() -> None:
    """Every kind of change has its own English sentence with names, not ids."""
    old = base()
    new = (
        edit(
            old,
            "p1",
            participants=[
                sk.Participant("a", role=sk.Role.MODERATOR),
                sk.Participant("b", role=sk.Role.PANELIST),
                sk.Participant("c", role=sk.Role.PANELIST),
            ],
        )
        .cancel("k1")
        .reschedule("u1", slot((16, 0), (16, 30)))
        .add_session(
            sk.Talk(id="n1", title={"en": "Fresh"}, room="hall", participants=[sk.Participant("m")])
        )
    )
    new = edit(new, "w1", room=None, title={"en": "Renamed"}, track=None)
    text = changelog(diff(without(old, "u1").add_session(old.session("u1")), new))
    assert "Amal now takes part as moderator instead of panelist." in text
    assert "Joining: Carla (panelist)." in text
    assert "No longer taking part: Dr. Mona (moderator)." in text
    assert "Talk – Open data\n  Cancelled." in text
    assert "Scheduled for 16:00–16:30." in text
    assert (
        "Added to the programme: not yet scheduled, Main Hall.\n  With Dr. Mona (presenter)."
        in text
    )
    assert (
        "Workshop – Renamed\n  No longer has a room; it was in Annex.\n  Title changed from “Workshop”."
        in text
    )
    assert "Other changes: track (from Track to none)." in text


def test_render_describes_each_kind_in_arabic() -> None:
    """The same changes read in Arabic, with Arabic names of roles and rooms."""
    old = base()
    new = edit(
        old,
        "p1",
        participants=[
            sk.Participant("a", role=sk.Role.MODERATOR),
            sk.Participant("m", role=sk.Role.PANELIST),
            sk.Participant("b", role=sk.Role.PANELIST),
        ],
    )
    new = edit(new, "k1", room=None, language="ar").reschedule("w1", None)
    new = without(new, "u1").add_session(
        sk.Talk(
            id="n1",
            title={"en": "Fresh", "ar": "جديدة"},
            slot=slot((14, 0), (15, 0)),
            status=sk.Status.CANCELLED,
        )
    )
    text = plain(changelog(diff(old, new), lang="ar"))
    assert "تغيّر دور أمل" not in text  # Amal has no Arabic name: her English one is used
    assert "تغيّر دور Amal من المشاركة في النقاش إلى إدارة الجلسة." in text
    assert "تغيّر دور منى من إدارة الجلسة إلى المشاركة في النقاش." in text
    assert "لم تعد للجلسة قاعة محددة، وكانت في القاعة الرئيسية." in text
    assert "تعديلات أخرى: لغة الجلسة (من غير محدد إلى ar)." in text
    assert "لم يعد للجلسة موعد محدد، وكان موعدها 11:00–12:00." in text
    assert "محاضرة – جديدة\n  أُضيفت الجلسة إلى البرنامج: 14:00–15:00. [أُلغيت الجلسة]" in text
    assert "محاضرة – Later\n  حُذفت الجلسة من البرنامج." in text


def test_render_of_a_removed_timed_session_says_when_it_was() -> None:
    """A removed session's old time and room are in the text."""
    old = base()
    text = changelog(diff(old, without(old, "k1")))
    assert "Talk – Open data\n  Removed from the programme; it was 10:00–10:30, Main Hall." in text


def test_render_of_a_title_changed_in_another_language_says_so() -> None:
    """When the title in the language shown is the same, the text says another language changed."""
    old = base()
    title = old.session("k1").title.with_text("ar", "بيانات مفتوحة")
    assert "Title changed in another language." in changelog(
        diff(old, edit(old, "k1", title=title))
    )


def test_render_names_an_unknown_field_in_words() -> None:
    """A field the writer has no words for is named, with spaces for underscores."""
    old = base()
    talk = old.session("k1")
    sized = SizedTalk(
        **{a.name: getattr(talk, a.name) for a in attrs.fields(sk.Talk)}, interpreters=2
    )
    none = old.replace_session(attrs.evolve(sized, interpreters=0))
    text = changelog(diff(none, old.replace_session(sized)))
    assert "Other changes: interpreters (from 0 to 2)." in text
    text = changelog(diff(old, old.replace_session(sized)))  # a Talk subclass, still tagged "talk"
    assert "Other changes: type (from Talk to SizedTalk) and interpreters (from none to 2)." in text


def test_render_gives_short_values_of_other_fields() -> None:
    """Numbers and tags are shown old and new; long text such as an abstract is only named."""
    old = base()
    new = edit(old, "k1", expected_attendance=80, abstract={"en": "A longer description"})
    english = changelog(diff(old, new))
    assert "Other changes: description and expected attendance (from none to 80)." in english
    arabic = plain(changelog(diff(old, new), lang="ar"))
    assert "تعديلات أخرى: النبذة وعدد الحضور المتوقع (من غير محدد إلى 80)." in arabic


def test_render_of_a_reorder_says_so() -> None:
    """A new order of the same speakers is one sentence."""
    old = base()
    new = old.replace_session(panel(panelists=("b", "a"), slot=slot((9, 0), (10, 0)), room="hall"))
    assert "Speakers listed in a new order." in changelog(diff(old, new))
    assert "تغيّر ترتيب المشاركين." in changelog(diff(old, new), lang="ar")


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "No changes to the Demo Summit programme.\n"),
        ("ar", "\u200fلا تغييرات في برنامج \u2068قمة تجريبية\u2069.\n"),
    ],
)
def test_an_empty_changelog_says_there_are_no_changes(lang: str, sentence: str) -> None:
    """No changes is one sentence naming the summit."""
    assert changelog(diff(base(), base()), lang=lang) == sentence


def test_render_refuses_other_languages_and_zones() -> None:
    """An unsupported language names the known ones; a bad zone or log is refused."""
    log = moved_and_reroomed()
    with pytest.raises(
        InvalidValueError,
        match=r"^changelog\(lang\): expected one of 'ar', 'en', got 'fr'",
    ):
        changelog(log, lang="fr")
    with pytest.raises(InvalidTypeError, match=r"^changelog\(lang\)"):
        changelog(log, lang=None)  # type: ignore[arg-type]
    with pytest.raises(UnknownTimeZoneError, match=r"^changelog\(tz\)"):
        changelog(log, tz="Mars/Olympus")
    with pytest.raises(InvalidTypeError, match=r"^changelog\(tz\): expected a ZoneInfo"):
        changelog(log, tz=4)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"^changelog\(log\): expected a Changelog"):
        changelog(log.changes)  # type: ignore[arg-type]


def test_every_error_is_a_summitkit_error() -> None:
    """Errors from this module are SummitkitErrors, so one except clause catches them."""
    for call in (lambda: diff(1, 2), lambda: changelog(moved_and_reroomed(), lang="de")):  # type: ignore[arg-type]
        with pytest.raises(SummitkitError):
            call()


def test_a_role_gained_or_dropped_is_not_joining_or_leaving() -> None:
    """A speaker who stays in the session and gains or drops a role is said to."""
    base = sk.examples.gsms2015()
    keynote = base.session("keynote-modern-workplace")
    chaired = base.replace_session(
        attrs.evolve(
            keynote,
            participants=[*keynote.participants, sk.Participant("paolo-pulcini", role="chair")],
        )
    )
    gained = changelog(sk.changes.diff(base, chaired))
    assert "Paolo Pulcini now also takes part as chair." in gained
    assert "Joining" not in gained
    dropped = sk.changes.diff(chaired, base)
    assert "Paolo Pulcini no longer takes part as chair." in changelog(dropped)
    assert "No longer taking part" not in changelog(dropped)
    assert "أُلغي دور باولو بولشيني: رئاسة الجلسة." in plain(changelog(dropped, lang="ar"))


def test_a_move_within_the_repeated_hour_shows_which_reading() -> None:
    """01:30 BST to 01:30 GMT on the night the clocks go back is not "01:30 to 01:30"."""
    london = sk.get_zone("Europe/London")
    night = dt.date(2015, 10, 25)

    def wall(hour: int, minute: int, fold: int = 0) -> dt.datetime:
        return dt.datetime.combine(night, dt.time(hour, minute, fold=fold), london)

    talk = sk.Talk(id="a", title={"en": "A"}, slot=sk.TimeSlot(wall(1, 30), wall(3, 0)))
    night_summit = sk.Summit(
        id="x", name={"en": "X"}, first_day=night, timezone=london, sessions=[talk]
    )
    later = night_summit.reschedule("a", sk.TimeSlot(wall(1, 30, fold=1), wall(3, 0)))
    assert "Moved from 01:30 BST to 01:30 GMT." in changelog(sk.changes.diff(night_summit, later))
