"""Tests for summitkit.frames: records and DataFrames of sessions, conflicts and changes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from zoneinfo import ZoneInfo

import attrs
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summitkit as sk
from summitkit import strategies as sks
from summitkit.changes import diff
from summitkit.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    SummitkitError,
    UnknownTimeZoneError,
)
from summitkit.frames import (
    CHANGE_COLUMNS,
    CONFLICT_COLUMNS,
    SESSION_COLUMNS,
    ChangeRecord,
    ConflictRecord,
    SessionRecord,
    change_records,
    conflict_records,
    conflicts_dataframe,
    session_records,
    to_dataframe,
)
from summitkit.schedule import Conflict, ConflictKind, Severity, conflicts
from summitkit.text import changelog, explain
from summitkit.text._language import FSI, PDI

DUBAI = ZoneInfo("Asia/Dubai")
LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc
WORKSHOP_TRACKS = 7


def gsms() -> sk.Summit:
    """The running example, day one of GSMS 2015."""
    return sk.examples.gsms2015()


def dubai(hour: int, minute: int = 0) -> dt.datetime:
    """16 September 2015 at *hour*:*minute*, Dubai time."""
    return dt.datetime(2015, 9, 16, hour, minute, tzinfo=DUBAI)


def double_booked() -> sk.Summit:
    """GSMS with the keynote given by the opening panel's moderator, half an hour into the panel."""
    summit = gsms()
    panel = summit.session("opening-panel")
    assert panel.slot is not None
    keynote = attrs.evolve(
        summit.session("keynote-modern-workplace"),
        slot=panel.slot.shift(dt.timedelta(minutes=30)),
        participants=(sk.Participant("saeed-al-dhaheri"),),
    )
    return summit.replace_session(keynote)


def moved_and_cancelled() -> tuple[sk.Summit, sk.Summit]:
    """GSMS, and GSMS with the keynote an hour later and the brainstorming session cancelled."""
    old = gsms()
    keynote = old.session("keynote-modern-workplace")
    assert keynote.slot is not None
    new = old.reschedule(keynote.id, keynote.slot.shift(dt.timedelta(hours=1)))
    return old, new.cancel("gcc-case-studies")


def untimed(summit: sk.Summit) -> sk.Summit:
    """*summit* with every session untimed."""
    for session in summit.sessions:
        summit = summit.reschedule(session.id, None)
    return summit


def row(frame: pd.DataFrame, session_id: str) -> pd.Series:
    """The row of *frame* whose id is *session_id*."""
    (index,) = frame.index[frame["id"] == session_id]
    return frame.loc[index]


# -- sessions ------------------------------------------------------------------


def test_the_example_has_a_row_per_session_with_times_in_dubai() -> None:
    """Sixteen sessions, sixteen rows; start and end carry the Asia/Dubai zone in their dtype."""
    frame = to_dataframe(gsms())
    assert len(frame) == 16
    assert list(frame.columns) == list(SESSION_COLUMNS)
    for name in ("start", "end"):
        assert isinstance(frame[name].dtype, pd.DatetimeTZDtype)
        assert str(frame[name].dtype) == "datetime64[us, Asia/Dubai]"
        assert frame[name].dt.tz == DUBAI
        assert not frame[name].isna().any()


def test_the_opening_panel_is_at_09_15_with_its_moderator_and_three_panelists() -> None:
    """FACTS: the opening panel at 09:15 Dubai, moderated by Dr. Saeed Al Dhaheri, three panelists."""
    panel = row(to_dataframe(gsms()), "opening-panel")
    assert panel["kind"] == "panel"
    assert panel["start"].to_pydatetime() == dubai(9, 15)
    assert panel["title"] == "How can governments leverage social media to build smart cities?"
    assert panel["participants"] == (
        ("saeed-al-dhaheri", "moderator"),
        ("aisha-bin-bishr", "panelist"),
        ("sheikha-al-maskari", "panelist"),
        ("rajai-al-khadem", "panelist"),
    )
    assert panel["speakers"] == (
        "Dr. Saeed Al Dhaheri (moderator); Dr. Aisha Bin Bishr (panelist); "
        "Sheikha Al Maskari (panelist); Rajai Al Khadem (panelist)"
    )
    assert panel["day"] == dt.date(2015, 9, 16)
    assert panel["status"] == "scheduled"


def test_seven_workshops_start_at_noon() -> None:
    """FACTS: the seven parallel workshops of day one begin at 12:00 Dubai time."""
    frame = to_dataframe(gsms())
    at_noon = frame[(frame["kind"] == "workshop") & (frame["start"] == pd.Timestamp(dubai(12)))]
    assert len(at_noon) == WORKSHOP_TRACKS
    assert at_noon["track"].nunique() == WORKSHOP_TRACKS


def test_another_zone_shows_the_same_instants_in_its_own_time() -> None:
    """With tz="Europe/London" the dtype carries London and each start is the same instant."""
    dubai_frame = to_dataframe(gsms())
    london_frame = to_dataframe(gsms(), tz="Europe/London")
    assert str(london_frame["start"].dtype) == "datetime64[us, Europe/London]"
    assert (dubai_frame["start"] == london_frame["start"]).all()
    assert (dubai_frame["end"] == london_frame["end"]).all()
    panel = row(london_frame, "opening-panel")["start"].to_pydatetime()
    # 09:15 in Dubai (UTC+4) is 06:15 in London on British Summer Time (UTC+1).
    assert (panel.replace(tzinfo=None), panel.utcoffset()) == (
        dt.datetime(2015, 9, 16, 6, 15),
        dt.timedelta(hours=1),
    )


def test_a_fixed_offset_is_the_frames_zone_too() -> None:
    """A fixed datetime.timezone is kept as the dtype's zone."""
    offset = dt.timezone(dt.timedelta(hours=5, minutes=30))
    frame = to_dataframe(gsms(), tz=offset)
    start = row(frame, "opening-panel")["start"].to_pydatetime()
    assert (start.replace(tzinfo=None), start.tzinfo) == (dt.datetime(2015, 9, 16, 10, 45), offset)


def test_estimated_times_are_flagged_as_the_agenda_marks_them() -> None:
    """The panel's start is known and its end estimated; the opening ceremony's both estimated."""
    frame = to_dataframe(gsms())
    panel, opening = row(frame, "opening-panel"), row(frame, "official-opening")
    assert (panel["start_estimated"], panel["end_estimated"]) == (False, True)
    assert (opening["start_estimated"], opening["end_estimated"]) == (True, True)
    assert frame["start_estimated"].dtype == bool
    assert opening["title_assumed"]


def test_untimed_sessions_have_missing_times_that_keep_the_zone() -> None:
    """A programme with no times yet: every start and end is NaT, and the dtype still says Dubai."""
    frame = to_dataframe(untimed(gsms()))
    assert len(frame) == 16
    for name in ("start", "end"):
        assert str(frame[name].dtype) == "datetime64[us, Asia/Dubai]"
        assert frame[name].isna().all()
    assert frame["day"].isna().all()
    assert not frame["start_estimated"].any()


def test_an_untimed_session_comes_last_with_none_in_its_record() -> None:
    """One session untimed: its record has no times and no day, and it comes after the timed ones."""
    summit = gsms().reschedule("opening-panel", None)
    records = session_records(summit)
    last = records[-1]
    assert (
        last["id"],
        last["start"],
        last["end"],
        last["day"],
    ) == ("opening-panel", None, None, None)
    assert all(record["start"] is not None for record in records[:-1])


def test_an_empty_programme_keeps_its_columns_and_dtypes() -> None:
    """No sessions: no rows, but the columns, the zone-aware times and the categories are there."""
    summit = attrs.evolve(gsms(), sessions=(), tracks=())
    frame = to_dataframe(summit)
    assert len(frame) == 0
    assert list(frame.columns) == list(SESSION_COLUMNS)
    assert str(frame["start"].dtype) == "datetime64[us, Asia/Dubai]"
    assert str(frame["end"].dtype) == "datetime64[us, Asia/Dubai]"
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert list(frame["kind"].cat.categories) == [
        "keynote",
        "panel",
        "talk",
        "workshop",
        "break",
        "ceremony",
    ]
    assert list(frame["status"].cat.categories) == ["scheduled", "cancelled"]
    assert frame["title_assumed"].dtype == bool
    assert session_records(summit) == []


def test_a_cancelled_session_says_so() -> None:
    """A cancelled session keeps its row, with the status "cancelled"."""
    frame = to_dataframe(gsms().cancel("keynote-modern-workplace"))
    assert row(frame, "keynote-modern-workplace")["status"] == "cancelled"
    assert (frame["status"] == "scheduled").sum() == 15


def test_rooms_and_tracks_are_given_by_id_and_name() -> None:
    """A session's room and track: the ids, and the names in the language asked for."""
    summit = gsms().add_room(sk.Room(id="hall-b", name={"en": "Hall B", "ar": "القاعة ب"}))
    summit = summit.move("keynote-modern-workplace", room="hall-b")
    keynote = row(to_dataframe(summit, lang="ar"), "keynote-modern-workplace")
    assert (keynote["room"], keynote["room_name"]) == ("hall-b", "القاعة ب")
    workshop = row(to_dataframe(summit), "ws-defence-session")
    assert workshop["track"] == "ws-defence"
    assert workshop["track_title"] == summit.track("ws-defence").title.lookup("en")


def test_arabic_titles_and_people() -> None:
    """In Arabic: the Arabic title, roles in Arabic words, people separated by an Arabic semicolon."""
    panel = row(to_dataframe(gsms(), lang="ar"), "opening-panel")
    assert (
        panel["title"]
        == "كيف يُمكن للحكومات الاستفادة من وسائل التواصل الاجتماعي لبناء المدن الذكية؟"
    )
    people = panel["speakers"].split("؛ ")
    assert len(people) == 4
    assert people[0].endswith("(إدارة الجلسة)")
    assert all(person.endswith("(المشاركة في النقاش)") for person in people[1:])
    # Names are isolated, as everywhere in right-to-left text.
    assert people[0].startswith(FSI)
    assert panel["kind"] == "panel"


def test_a_language_is_read_as_every_language_argument_is() -> None:
    """ "AR" is Arabic."""
    assert session_records(gsms(), lang="AR") == session_records(gsms(), lang="ar")


# -- the records against an oracle ---------------------------------------------


def conference_day(start: dt.datetime, zone: ZoneInfo, day_change: dt.time) -> dt.date:
    """The conference day of *start*: its local date, or the day before when before the day change.

    Right for zones whose offset does not change at the day-change hour, as
    the summits drawn here are in.
    """
    local = start.astimezone(zone)
    if local.time() < day_change:
        return local.date() - dt.timedelta(days=1)
    return local.date()


def expected_record(summit: sk.Summit, session: sk.Session, zone: ZoneInfo) -> dict[str, object]:
    """The record of *session*, written from the model's fields and zoneinfo directly."""
    slot = session.slot
    room = None if session.room is None else summit.room(session.room)
    track = None if session.track is None else summit.track(session.track)
    summit_zone = ZoneInfo(summit.timezone.key)
    return {
        "id": session.id,
        "kind": type(session).__name__.lower().replace("workshopsession", "workshop"),
        "title": session.title.lookup("en"),
        "title_assumed": session.title_assumed,
        "start": None if slot is None else slot.start.astimezone(zone),
        "end": None if slot is None else slot.end.astimezone(zone),
        "start_estimated": slot is not None and slot.start_estimated,
        "end_estimated": slot is not None and slot.end_estimated,
        "day": None if slot is None else conference_day(slot.start, summit_zone, summit.day_change),
        "room": session.room,
        "room_name": None if room is None else room.name.lookup("en"),
        "track": session.track,
        "track_title": None if track is None else track.title.lookup("en"),
        "participants": tuple((p.speaker, str(p.role)) for p in session.participants),
        "status": "cancelled" if session.is_cancelled else "scheduled",
        "language": session.language,
        "parent": session.parent,
    }


def same_instant_and_zone(a: object, b: object) -> bool:
    """Whether two optional aware datetimes are one instant shown in one zone."""
    if a is None or b is None:
        return a is b
    assert isinstance(a, dt.datetime)
    assert isinstance(b, dt.datetime)
    return (a.astimezone(UTC), a.tzinfo, a.replace(tzinfo=None)) == (
        b.astimezone(UTC),
        b.tzinfo,
        b.replace(tzinfo=None),
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    sks.summits(day_changes=st.sampled_from([dt.time(0), dt.time(4)])),
    st.sampled_from(["Asia/Dubai", "Europe/London", "America/St_Johns", "Pacific/Kiritimati"]),
)
def test_records_match_the_model_field_by_field(summit: sk.Summit, zone_name: str) -> None:
    """Each session has one record, with the values the model's own fields give."""
    zone = ZoneInfo(zone_name)
    records = session_records(summit, tz=zone_name)
    assert len(records) == len(summit.sessions)
    assert sorted(r["id"] for r in records) == sorted(s.id for s in summit.sessions)
    for record in records:
        assert list(record) == list(SESSION_COLUMNS)
        expected = expected_record(summit, summit.session(record["id"]), zone)
        actual = {k: v for k, v in record.items() if k != "speakers"}
        for name in ("start", "end"):
            assert same_instant_and_zone(expected.pop(name), actual.pop(name))
        assert actual == expected
        assert (record["speakers"] == "") == (not summit.session(record["id"]).participants)
    timed = [r["start"] for r in records if r["start"] is not None]
    assert timed == sorted(timed, key=lambda moment: moment.astimezone(UTC))
    assert all(r["start"] is None for r in records[len(timed) :])


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(sks.summits())
def test_the_frame_holds_the_records(summit: sk.Summit) -> None:
    """The frame's times are the records' instants in its zone; its other values are the records'."""
    records = session_records(summit, tz="Europe/London")
    frame = to_dataframe(summit, tz="Europe/London")
    assert len(frame) == len(records)
    assert str(frame["start"].dtype) == "datetime64[us, Europe/London]"
    for index, record in enumerate(records):
        for name in ("start", "end"):
            value = frame[name].iloc[index]
            shown = None if pd.isna(value) else value.to_pydatetime()
            assert same_instant_and_zone(record[name], shown)
        assert record["id"] == frame["id"].iloc[index]
        assert record["kind"] == frame["kind"].iloc[index]
        assert record["participants"] == frame["participants"].iloc[index]
        assert record["start_estimated"] == frame["start_estimated"].iloc[index]


# -- conflicts -----------------------------------------------------------------


def test_a_double_booking_is_a_row_with_its_sentence() -> None:
    """The moderator in two sessions at once: one row, the shared half hour, explain's sentence."""
    summit = double_booked()
    (found,) = conflicts(summit)
    frame = conflicts_dataframe(summit)
    assert list(frame.columns) == list(CONFLICT_COLUMNS)
    assert len(frame) == 1
    only = frame.iloc[0]
    assert (only["kind"], only["severity"]) == ("speaker-double-booked", "error")
    assert only["sessions"] == ("opening-panel", "keynote-modern-workplace")
    assert only["speakers"] == ("saeed-al-dhaheri",)
    # The panel runs 09:15-10:15 and the keynote 09:45-10:45: they share 09:45-10:15.
    assert (only["start"].to_pydatetime(), only["end"].to_pydatetime()) == (
        dubai(9, 45),
        dubai(10, 15),
    )
    assert only["sentence"].startswith("Dr. Saeed Al Dhaheri is in two sessions at once")
    assert only["sentence"] == explain(found, summit)
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert str(frame["required"].dtype) == "timedelta64[us]"


def test_conflict_records_in_arabic_and_another_zone() -> None:
    """The sentence is explain's Arabic one; the times are in the zone asked for."""
    summit = double_booked()
    found = conflicts(summit)
    (record,) = conflict_records(found, summit, tz=LONDON, lang="ar")
    assert record["sentence"] == explain(found[0], summit, lang="ar")
    assert record["start"] is not None
    assert (record["start"].replace(tzinfo=None), record["start"].tzinfo) == (
        dt.datetime(2015, 9, 16, 6, 45),
        LONDON,
    )


def test_a_policy_decides_what_the_frame_lists() -> None:
    """A policy that ignores double bookings leaves no rows, and the columns and dtypes stay."""
    policy = sk.schedule.ConflictPolicy(
        severities={ConflictKind.SPEAKER_DOUBLE_BOOKED: Severity.IGNORE}
    )
    frame = conflicts_dataframe(double_booked(), policy=policy, tz="Europe/London")
    assert len(frame) == 0
    assert list(frame.columns) == list(CONFLICT_COLUMNS)
    assert str(frame["start"].dtype) == "datetime64[us, Europe/London]"
    assert str(frame["required"].dtype) == "timedelta64[us]"


def test_a_conflict_of_another_summit_is_refused_by_its_place() -> None:
    """A conflict naming sessions this summit lacks: an error naming conflicts[0]."""
    stranger = Conflict(
        kind=ConflictKind.ROOM_DOUBLE_BOOKED,
        severity=Severity.ERROR,
        sessions=("nowhere", "nobody"),
        rooms=("hall-z",),
    )
    with pytest.raises(InvalidValueError, match=r"conflict_records\(conflicts\)\[0\]"):
        conflict_records([stranger], gsms())


# -- changes -------------------------------------------------------------------


def test_a_moved_and_a_cancelled_session_are_two_rows() -> None:
    """diff of GSMS with the keynote an hour later and a panel cancelled: one row for each."""
    old, new = moved_and_cancelled()
    log = diff(old, new)
    frame = to_dataframe(log)
    assert list(frame.columns) == list(CHANGE_COLUMNS)
    by_id = frame.set_index("id")
    moved, cancelled = by_id.loc["keynote-modern-workplace"], by_id.loc["gcc-case-studies"]
    assert (
        moved["part"],
        moved["change"],
        moved["name"],
    ) == ("session", "Moved", "The Modern Workplace")
    # Both ends were estimated, ~10:30-~11:00 on Wednesday 16 September, an hour later now.
    assert moved["old"] == "Wednesday 16 September ~10:30\N{EN DASH}~11:00"
    assert moved["new"] == "Wednesday 16 September ~11:30\N{EN DASH}~12:00"
    assert (
        cancelled["change"],
        cancelled["old"],
        cancelled["new"],
        cancelled["sentence"],
    ) == ("Cancelled", "scheduled", "cancelled", "Cancelled.")
    text = changelog(log)
    assert all(sentence in text for sentence in frame["sentence"])
    assert isinstance(frame["part"].dtype, pd.CategoricalDtype)


def test_changes_in_arabic_have_values_without_an_outer_isolate() -> None:
    """A time alone in a cell needs no isolate; the sentence keeps the isolates the changelog writes."""
    old, new = moved_and_cancelled()
    records = change_records(diff(old, new), lang="ar")
    moved = next(r for r in records if r["change"] == "Moved")
    assert moved["name"] == "مكان العمل العصري"
    assert moved["old"] == "الأربعاء 16 سبتمبر ~10:30\N{EN DASH}~11:00"
    assert FSI in moved["sentence"]


def test_people_who_join_keep_their_own_isolates_in_a_cell() -> None:
    """Two new panelists in Arabic: each name stays isolated, as a list of names needs."""
    old = gsms()
    panel = old.session("gcc-case-studies")
    joined = (*panel.participants, sk.Participant("zoe-kearns", role="panelist"))
    joined = (*joined, sk.Participant("ayman-itani", role="panelist"))
    new = old.replace_session(attrs.evolve(panel, participants=joined))
    (record,) = change_records(diff(old, new), lang="ar")
    assert record["old"] is None
    assert record["new"] is not None
    assert record["new"].count(FSI) == 2
    assert record["new"].count(PDI) == 2
    (english,) = change_records(diff(old, new))
    assert english["new"] == "Zoe Kearns (panelist) and Ayman Itani (panelist)"


def test_hours_of_two_windows_keep_each_windows_isolate_in_a_cell() -> None:
    """A value that starts and ends with isolates but holds two of them keeps both."""
    old = gsms().add_room(sk.Room(id="hall-b", name={"en": "Hall B"}))
    hours = (
        sk.TimeSlot(dubai(8), dubai(10)),
        sk.TimeSlot(dubai(14), dubai(18)),
    )
    new = attrs.evolve(old, rooms=(attrs.evolve(old.room("hall-b"), opening_hours=hours),))
    (record,) = change_records(diff(old, new), lang="ar")
    assert record["change"] == "RoomHoursChanged"
    assert record["new"] is not None
    assert record["new"].startswith(FSI)
    assert record["new"].endswith(PDI)
    assert record["new"].count(FSI) == 2


def test_changes_in_another_zone() -> None:
    """The old and new times are shown in the zone asked for."""
    old, new = moved_and_cancelled()
    moved = next(r for r in change_records(diff(old, new), tz=LONDON) if r["change"] == "Moved")
    assert moved["new"] == "Wednesday 16 September ~08:30\N{EN DASH}~09:00"


def test_changes_to_other_parts_name_them() -> None:
    """A renamed room and a new track: the part, the id, the name and the old and new values."""
    old = gsms().add_room(sk.Room(id="hall-b", name={"en": "Hall B"}, capacity=100))
    room = old.room("hall-b")
    new = attrs.evolve(old, rooms=(attrs.evolve(room, name={"en": "Ballroom"}, capacity=120),))
    records = change_records(diff(old, new))
    assert [(r["part"], r["id"], r["name"], r["change"], r["old"], r["new"]) for r in records] == [
        ("room", "hall-b", "Ballroom", "RoomRenamed", "Hall B", "Ballroom"),
        ("room", "hall-b", "Ballroom", "CapacityChanged", "100", "120"),
    ]


def test_no_changes_is_an_empty_frame_with_its_columns() -> None:
    """Two equal versions: no rows, the columns there, the part a category."""
    frame = to_dataframe(diff(gsms(), gsms()))
    assert len(frame) == 0
    assert list(frame.columns) == list(CHANGE_COLUMNS)
    assert isinstance(frame["part"].dtype, pd.CategoricalDtype)


def test_records_are_typed_dictionaries_in_column_order() -> None:
    """Each kind of record's keys are its columns, in order."""
    assert list(SessionRecord.__annotations__) == list(SESSION_COLUMNS)
    assert list(ConflictRecord.__annotations__) == list(CONFLICT_COLUMNS)
    assert list(ChangeRecord.__annotations__) == list(CHANGE_COLUMNS)


# -- arguments -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "place"),
    [
        (lambda: to_dataframe(42), InvalidTypeError, "to_dataframe(value)"),  # type: ignore[arg-type]
        (lambda: to_dataframe(gsms(), tz="Mars/Base"), UnknownTimeZoneError, "to_dataframe(tz)"),
        (lambda: to_dataframe(gsms(), tz=3), InvalidTypeError, "to_dataframe(tz)"),  # type: ignore[arg-type]
        (lambda: to_dataframe(gsms(), lang="fr"), InvalidValueError, "to_dataframe(lang)"),
        (
            lambda: to_dataframe(diff(gsms(), gsms()), lang=1),
            InvalidTypeError,
            "to_dataframe(lang)",
        ),  # type: ignore[arg-type]
        (lambda: session_records("gsms"), InvalidTypeError, "session_records(summit)"),  # type: ignore[arg-type]
        (lambda: session_records(gsms(), tz="x/y"), UnknownTimeZoneError, "session_records(tz)"),
        (lambda: change_records(gsms()), InvalidTypeError, "change_records(log)"),  # type: ignore[arg-type]
        (
            lambda: conflict_records(conflicts(gsms()), "s"),
            InvalidTypeError,
            "conflict_records(summit)",
        ),  # type: ignore[arg-type]
        (lambda: conflict_records("abc", gsms()), InvalidTypeError, "conflict_records(conflicts)"),  # type: ignore[arg-type]
        (
            lambda: conflict_records([None], gsms()),
            InvalidTypeError,
            "conflict_records(conflicts)[0]",
        ),  # type: ignore[list-item]
        (
            lambda: conflicts_dataframe(gsms(), policy="strict"),
            InvalidTypeError,
            "conflicts_dataframe(policy)",
        ),  # type: ignore[arg-type]
        (
            lambda: conflicts_dataframe(gsms(), lang="xx"),
            SummitkitError,
            "conflicts_dataframe(lang)",
        ),
        (lambda: conflicts_dataframe(None), InvalidTypeError, "conflicts_dataframe(summit)"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_are_summitkit_errors_naming_the_argument(
    call: object, error: type[Exception], place: str
) -> None:
    """Each bad argument raises a summitkit error whose message names the argument."""
    assert callable(call)
    with pytest.raises(error) as raised:
        call()
    assert isinstance(raised.value, SummitkitError)
    assert str(raised.value).startswith(place)


def test_conflicts_given_to_to_dataframe_are_sent_where_they_go() -> None:
    """Conflicts need their summit: the error says to call conflicts_dataframe."""
    summit = double_booked()
    with pytest.raises(InvalidTypeError, match=r"Summit or a Changelog; for conflicts, call"):
        to_dataframe(conflicts(summit))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError) as raised:
        to_dataframe([1, 2])  # type: ignore[arg-type]
    assert "conflicts_dataframe" not in str(raised.value)


def test_without_pandas_the_module_imports_and_the_frames_say_what_to_install() -> None:
    """A missing pandas is a MissingExtraError naming the extra; the records need no pandas."""
    source = (
        "import sys\n"
        "sys.modules['pandas'] = None\n"
        "from summitkit import examples\n"
        "from summitkit import frames\n"
        "from summitkit.exceptions import MissingExtraError\n"
        "summit = examples.gsms2015()\n"
        "print(len(frames.session_records(summit)))\n"
        "for call in (frames.to_dataframe, frames.conflicts_dataframe):\n"
        "    try:\n"
        "        call(summit)\n"
        "    except MissingExtraError as error:\n"
        "        print(error.feature, error.extra, error.module)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, check=True, timeout=60
    )
    line = "summitkit.frames pandas pandas"
    assert result.stdout == f"16\n{line}\n{line}\n"


# -- dtypes --------------------------------------------------------------------

#: Each column's dtype, as its text says: a column of text, ids, dates or tuples
#: holds Python objects, whatever pandas would infer from the values.
SESSION_DTYPES = {
    "id": "object",
    "kind": "category",
    "title": "object",
    "title_assumed": "bool",
    "start": "datetime64[us, Asia/Dubai]",
    "end": "datetime64[us, Asia/Dubai]",
    "start_estimated": "bool",
    "end_estimated": "bool",
    "day": "object",
    "room": "object",
    "room_name": "object",
    "track": "object",
    "track_title": "object",
    "speakers": "object",
    "participants": "object",
    "status": "category",
    "language": "object",
    "parent": "object",
}
CONFLICT_DTYPES = {
    "kind": "category",
    "severity": "category",
    "start": "datetime64[us, Asia/Dubai]",
    "end": "datetime64[us, Asia/Dubai]",
    "sessions": "object",
    "speakers": "object",
    "rooms": "object",
    "track": "object",
    "required": "timedelta64[us]",
    "sentence": "object",
}
CHANGE_DTYPES = {
    "part": "category",
    "id": "object",
    "name": "object",
    "change": "object",
    "old": "object",
    "new": "object",
    "sentence": "object",
}


def dtypes(frame: pd.DataFrame) -> dict[str, str]:
    """Each column's dtype by name, categories' own dtype checked to be plain objects too."""
    for name in frame.columns:
        if isinstance(frame[name].dtype, pd.CategoricalDtype):
            assert str(frame[name].cat.categories.dtype) == "object", name
    return {str(name): str(frame[name].dtype) for name in frame.columns}


def trackless(summit: sk.Summit) -> sk.Summit:
    """*summit* with no tracks: every session's track is missing."""
    sessions = tuple(attrs.evolve(session, track=None) for session in summit.sessions)
    return attrs.evolve(summit, sessions=sessions, tracks=())


SUMMITS = {
    "gsms": gsms,
    "empty": lambda: attrs.evolve(gsms(), sessions=(), tracks=()),
    "untimed": lambda: untimed(gsms()),
    "trackless": lambda: trackless(gsms()),
}


@pytest.mark.parametrize("name", SUMMITS)
def test_every_session_column_has_its_dtype_whatever_the_rows(name: str) -> None:
    """GSMS, no sessions, no times, no tracks: every column has the same dtype in each."""
    summit = SUMMITS[name]()
    assert dtypes(to_dataframe(summit)) == SESSION_DTYPES


def test_every_conflict_column_has_its_dtype_with_rows_or_without() -> None:
    """A double booking and a policy that leaves no rows give the same dtypes."""
    policy = sk.schedule.ConflictPolicy(
        severities={ConflictKind.SPEAKER_DOUBLE_BOOKED: Severity.IGNORE}
    )
    assert dtypes(conflicts_dataframe(double_booked())) == CONFLICT_DTYPES
    assert dtypes(conflicts_dataframe(double_booked(), policy=policy)) == CONFLICT_DTYPES


def test_every_change_column_has_its_dtype_with_rows_or_without() -> None:
    """Two changes, and none, give the same dtypes."""
    assert dtypes(to_dataframe(diff(*moved_and_cancelled()))) == CHANGE_DTYPES
    assert dtypes(to_dataframe(diff(gsms(), gsms()))) == CHANGE_DTYPES


def test_missing_text_is_none_as_in_the_records() -> None:
    """A session without a track, room or language has None there, not NaN."""
    frame = to_dataframe(gsms())
    panel = row(frame, "opening-panel")
    assert (
        panel["track"],
        panel["track_title"],
        panel["room"],
        panel["language"],
        panel["parent"],
    ) == (None, None, None, None, None)


@pytest.mark.parametrize("name", SUMMITS)
def test_the_plain_columns_hold_exactly_the_records_values(name: str) -> None:
    """Every column but the times and categories holds the records' values, None for None."""
    summit = SUMMITS[name]()
    records = session_records(summit)
    frame = to_dataframe(summit)
    for column, dtype in SESSION_DTYPES.items():
        if dtype in {"object", "bool"}:
            assert [r[column] for r in records] == frame[column].tolist(), column  # type: ignore[literal-required]


def test_changes_without_an_old_or_new_value_hold_none() -> None:
    """An edit of other fields has None for old and new in the frame, as in its record."""
    old = gsms()
    session = old.session("keynote-modern-workplace")
    new = old.replace_session(attrs.evolve(session, language="en"))
    records = change_records(diff(old, new))
    frame = to_dataframe(diff(old, new))
    assert [(r["old"], r["new"]) for r in records] == list(
        zip(frame["old"], frame["new"], strict=True)
    )
    assert any(r["old"] is None for r in records)


def test_frames_of_two_summits_concatenate_with_their_dtypes() -> None:
    """GSMS's frame and an empty programme's concatenate without a dtype changing."""
    both = pd.concat(
        [
            to_dataframe(gsms()),
            to_dataframe(SUMMITS["empty"]()),
            to_dataframe(SUMMITS["trackless"]()),
        ],
        ignore_index=True,
    )
    assert dtypes(both) == SESSION_DTYPES
    assert both["track"].iloc[0] is None
