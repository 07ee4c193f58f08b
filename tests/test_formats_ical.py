"""The iCalendar export: instants, zones, UIDs, versions, words and filters."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

import summitkit as sk
from summitkit import strategies as sks
from summitkit.exceptions import (
    FormatError,
    InvalidTextError,
    InvalidTimeError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    UnknownIdError,
)
from summitkit.formats import ical

UTC = dt.timezone.utc
STAMP = dt.datetime(2015, 9, 1, 8, 0, tzinfo=UTC)
GSMS = sk.examples.gsms2015()
BERLIN = ZoneInfo("Europe/Berlin")
LONDON = ZoneInfo("Europe/London")

_TIME_LINE = re.compile(r"(DTSTART|DTEND)(?:;TZID=([^:;]*))?:(\d{8}T\d{6})(Z?)")


# -- helpers: reading what was written, by hand ----------------------------------------------


def unfolded(data: bytes) -> list[str]:
    """The content lines of an iCalendar document, unfolded (RFC 5545, 3.1)."""
    text = data.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def blocks(data: bytes, name: str) -> list[list[str]]:
    """The unfolded lines of each component *name*, in order."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for line in unfolded(data):
        if line == f"BEGIN:{name}":
            current = []
        elif line == f"END:{name}":
            assert current is not None
            found.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return found


def value(lines: list[str], name: str) -> str:
    """The raw value of the one property *name* (with its parameters) in *lines*."""
    matches = [line for line in lines if re.match(f"{name}[;:]", line)]
    assert len(matches) == 1, (name, matches)
    return matches[0]


def by_uid(data: bytes) -> dict[str, list[str]]:
    """Each event's unfolded lines, by UID."""
    return {value(lines, "UID").removeprefix("UID:"): lines for lines in blocks(data, "VEVENT")}


def utc_floor(moment: dt.datetime) -> dt.datetime:
    """*moment* in UTC, to the second below: plain arithmetic on the model's instant."""
    utc = moment.astimezone(UTC)
    return utc - dt.timedelta(microseconds=utc.microsecond)


def utc_ceil(moment: dt.datetime) -> dt.datetime:
    """*moment* in UTC, to the second above (itself when whole)."""
    utc = moment.astimezone(UTC)
    floor = utc_floor(moment)
    return floor if utc.microsecond == 0 else floor + dt.timedelta(seconds=1)


def oracle(
    summit: sk.Summit, wanted: set[str] | None = None
) -> set[tuple[str, dt.datetime, dt.datetime]]:
    """(UID, start, end in UTC) of each timed session (of *wanted*, if given), from the model."""
    return {
        (f"{s.id}@{summit.id}.summitkit", utc_floor(s.slot.start), utc_ceil(s.slot.end))
        for s in summit.sessions
        if s.slot is not None and (wanted is None or s.id in wanted)
    }


def read_with_icalendar(data: bytes) -> set[tuple[str, dt.datetime, dt.datetime]]:
    """(UID, start, end in UTC) of each event, as the icalendar library reads them."""
    calendar = icalendar.Calendar.from_ical(data)
    found = set()
    for event in calendar.walk("VEVENT"):
        start, end = event.DTSTART, event.DTEND
        assert start.tzinfo is not None
        assert end.tzinfo is not None
        found.add((str(event["UID"]), start.astimezone(UTC), end.astimezone(UTC)))
    return found


def read_strictly(data: bytes) -> set[tuple[str, dt.datetime, dt.datetime]]:
    """(UID, start, end in UTC) of each event, as the strict ``ical`` package reads them."""
    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    found = set()
    for event in calendar.events:
        assert isinstance(event.dtstart, dt.datetime)
        assert isinstance(event.dtend, dt.datetime)
        assert event.dtstart.tzinfo is not None
        assert event.dtend.tzinfo is not None
        found.add((event.uid, event.dtstart.astimezone(UTC), event.dtend.astimezone(UTC)))
    return found


def check_times(data: bytes, summit: sk.Summit) -> None:
    """Every time names the summit's zone (with a VTIMEZONE) or is UTC; none is floating."""
    zones = {value(lines, "TZID").removeprefix("TZID:") for lines in blocks(data, "VTIMEZONE")}
    named: set[str] = set()
    for lines in blocks(data, "VEVENT"):
        for line in lines:
            if line.startswith(("DTSTART", "DTEND")):
                match = _TIME_LINE.fullmatch(line)
                assert match is not None, line
                tzid, utc = match.group(2), match.group(4)
                assert (tzid is None) != (utc == ""), line  # one or the other, never floating
                if tzid is not None:
                    named.add(tzid)
    assert named <= {summit.timezone.key}
    assert named <= zones


def summit_of(*sessions: sk.Session, zone: ZoneInfo = sk.DUBAI, **fields: object) -> sk.Summit:
    """A small summit holding *sessions*, with two speakers and a room."""
    return sk.Summit(
        id="demo",
        name={"en": "Demo Summit", "ar": "قمة تجريبية"},
        first_day=dt.date(2015, 9, 16),
        last_day=dt.date(2015, 12, 31),
        timezone=zone,
        speakers=[
            sk.Speaker(id="zoe", name={"en": "Zoe Kearns", "ar": "زوي كيرنز"}),
            sk.Speaker(id="sam", name={"en": "Sam Lee"}),
        ],
        rooms=[sk.Room(id="hall", name={"en": "Hall 1", "ar": "القاعة 1"})],
        sessions=sessions,
        **fields,  # type: ignore[arg-type]
    )


def at(hour: int, minute: int = 0, *, zone: dt.tzinfo = sk.DUBAI, day: int = 16) -> dt.datetime:
    """16 September 2015 (or *day*) at *hour*, in *zone*."""
    return dt.datetime(2015, 9, day, hour, minute, tzinfo=zone)


def talk(
    session_id: str, start: dt.datetime | None, minutes: int = 45, **fields: object
) -> sk.Talk:
    """A talk of *minutes* from *start* (untimed when None)."""
    slot = None if start is None else sk.TimeSlot.starting(start, dt.timedelta(minutes=minutes))
    return sk.Talk(id=session_id, title={"en": f"Talk {session_id}"}, slot=slot, **fields)  # type: ignore[arg-type]


# -- every summit: instants, zones, events ----------------------------------------------------


@given(sks.summits(timezones=sks.timezones(), max_size=8))
def test_every_export_reads_back_with_the_models_instants(summit: sk.Summit) -> None:
    """Both parsers read one event per timed session, at the model's instants, in IANA zones."""
    exported = ical.export(summit, stamp=STAMP)
    expected = oracle(summit)
    assert read_with_icalendar(exported.data) == expected
    assert read_strictly(exported.data) == expected
    check_times(exported.data, summit)
    untimed = sum(1 for s in summit.sessions if s.slot is None)
    assert exported.report.count("dropped") == untimed
    assert len(exported.report) == untimed


@given(sks.summits(max_size=8, rough=True), st.data())
def test_a_speakers_calendar_holds_the_sessions_they_take_part_in(
    summit: sk.Summit, data: st.DataObject
) -> None:
    """One event per timed session the speaker has any role in; their untimed ones are notes."""
    if not summit.speakers:
        return
    speaker = data.draw(st.sampled_from([p.id for p in summit.speakers]))
    mine = {s.id for s in summit.sessions if any(p.speaker == speaker for p in s.participants)}
    exported = ical.export(summit, speaker=speaker, stamp=STAMP)
    assert read_strictly(exported.data) == oracle(summit, mine)
    check_times(exported.data, summit)
    untimed = sum(1 for s in summit.sessions if s.id in mine and s.slot is None)
    assert exported.report.count("dropped") == untimed


@given(sks.summits(max_size=6))
def test_the_same_arguments_give_the_same_bytes(summit: sk.Summit) -> None:
    """With a stamp given, an export is a function of its arguments."""
    assert ical.dumps(summit, stamp=STAMP) == ical.dumps(summit, stamp=STAMP)
    assert ical.dumps(summit, stamp=STAMP) == ical.export(summit, stamp=STAMP).data


def test_the_default_stamp_is_now_in_utc() -> None:
    """Without a stamp, DTSTAMP is the current time in UTC, to the second."""
    before = dt.datetime.now(UTC).replace(microsecond=0)
    data = ical.dumps(summit_of(talk("a", at(9))))
    after = dt.datetime.now(UTC)
    (lines,) = blocks(data, "VEVENT")
    stamp = dt.datetime.strptime(value(lines, "DTSTAMP"), "DTSTAMP:%Y%m%dT%H%M%S%z")
    assert before <= stamp <= after


def test_a_stamp_in_another_zone_is_written_in_utc() -> None:
    """DTSTAMP is always UTC, whatever zone the stamp is given in."""
    data = ical.dumps(
        summit_of(talk("a", at(9))), stamp=dt.datetime(2015, 9, 1, 12, tzinfo=sk.DUBAI)
    )
    (lines,) = blocks(data, "VEVENT")
    assert value(lines, "DTSTAMP") == "DTSTAMP:20150901T080000Z"


# -- zones ------------------------------------------------------------------------------------


def test_times_carry_the_iana_name_of_the_summits_zone() -> None:
    """A Berlin summit's event says TZID=Europe/Berlin, with a VTIMEZONE of that name."""
    summit = summit_of(talk("a", at(9, zone=BERLIN)), zone=BERLIN)
    data = ical.dumps(summit, stamp=STAMP)
    (lines,) = blocks(data, "VEVENT")
    assert value(lines, "DTSTART") == "DTSTART;TZID=Europe/Berlin:20150916T090000"
    assert value(lines, "DTEND") == "DTEND;TZID=Europe/Berlin:20150916T094500"
    (zone,) = blocks(data, "VTIMEZONE")
    assert value(zone, "TZID") == "TZID:Europe/Berlin"
    assert "X-WR-TIMEZONE:Europe/Berlin" in unfolded(data)


def test_a_slot_in_another_zone_keeps_its_zone_with_a_block_of_its_own() -> None:
    """A session given in London time in a Dubai summit says TZID=Europe/London; both zones have a VTIMEZONE."""
    summit = summit_of(talk("a", at(9)), talk("b", at(9, zone=LONDON)))
    data = ical.dumps(summit, stamp=STAMP)
    events = by_uid(data)
    assert value(events["b@demo.summitkit"], "DTSTART") == (
        "DTSTART;TZID=Europe/London:20150916T090000"
    )
    assert value(events["a@demo.summitkit"], "DTSTART") == "DTSTART;TZID=Asia/Dubai:20150916T090000"
    zones = {value(lines, "TZID") for lines in blocks(data, "VTIMEZONE")}
    assert zones == {"TZID:Asia/Dubai", "TZID:Europe/London"}
    assert read_strictly(data) == read_with_icalendar(data) == oracle(summit)


def test_the_zone_block_covers_the_year_of_the_last_session() -> None:
    """A summer session's offset comes from the VTIMEZONE a strict reader uses: +02:00, not +01:00."""
    summit = summit_of(talk("a", at(9, zone=BERLIN)), zone=BERLIN)
    data = ical.dumps(summit, stamp=STAMP)
    (zone,) = blocks(data, "VTIMEZONE")
    assert "COMMENT:This timezone only works from 2015-01-01 to 2016-01-01." in zone
    assert any(line == "TZOFFSETTO:+0200" for line in zone)
    assert read_strictly(data) == oracle(summit)


def test_a_fixed_offset_is_written_in_utc() -> None:
    """A slot at a fixed +04:00 has no IANA name: its times are written with Z."""
    plus_four = dt.timezone(dt.timedelta(hours=4))
    summit = summit_of(talk("a", at(9, zone=plus_four)))
    data = ical.dumps(summit, stamp=STAMP)
    (lines,) = blocks(data, "VEVENT")
    assert value(lines, "DTSTART") == "DTSTART:20150916T050000Z"
    assert value(lines, "DTEND") == "DTEND:20150916T054500Z"
    assert blocks(data, "VTIMEZONE") == []
    assert read_strictly(data) == read_with_icalendar(data) == oracle(summit)


@pytest.mark.parametrize(
    ("key", "year", "expected"),
    [
        ("Etc/UTC", 2015, "DTSTART:20150916T090000Z"),
        ("Africa/Abidjan", 2015, "DTSTART:20150916T090000Z"),
        # Abidjan was at UTC-0:16:08 until 1912: the same wall time is later in UTC.
        ("Africa/Abidjan", 1905, "DTSTART:19050916T091608Z"),
        ("Asia/Muscat", 2015, "DTSTART;TZID=Asia/Muscat:20150916T090000"),
    ],
)
def test_zones_icalendar_counts_as_utc_are_written_at_the_right_instant(
    key: str, year: int, expected: str
) -> None:
    """A zone at UTC+0 today is written with Z, at its instant then; another keeps its own name."""
    zone = ZoneInfo(key)
    start = dt.datetime(year, 9, 16, 9, tzinfo=zone)
    summit = sk.Summit(
        id="demo",
        name={"en": "Demo"},
        first_day=start.date(),
        timezone=zone,
        sessions=[sk.Talk(id="a", title={"en": "A"}, slot=sk.TimeSlot.starting(start, "1h"))],
    )
    data = ical.dumps(summit, stamp=STAMP)
    (lines,) = blocks(data, "VEVENT")
    assert value(lines, "DTSTART") == expected
    assert read_strictly(data) == read_with_icalendar(data) == oracle(summit)


@pytest.mark.parametrize(
    ("fold", "expected"),
    [(0, "DTSTART;TZID=Europe/London:20151025T013000"), (1, "DTSTART:20151025T013000Z")],
)
def test_the_second_reading_of_a_repeated_hour_is_written_in_utc(fold: int, expected: str) -> None:
    """01:30 on the night clocks go back: the first is local (as readers take it), the second UTC."""
    start = dt.datetime(2015, 10, 25, 1, 30, tzinfo=LONDON, fold=fold)
    summit = summit_of(
        sk.Talk(id="a", title={"en": "A"}, slot=sk.TimeSlot.starting(start, "15m")), zone=LONDON
    )
    data = ical.dumps(summit, stamp=STAMP)
    (lines,) = blocks(data, "VEVENT")
    assert value(lines, "DTSTART") == expected
    assert read_strictly(data) == read_with_icalendar(data) == oracle(summit)


@pytest.mark.parametrize(
    ("start_us", "end_us", "start", "end"),
    [
        (
            1,
            999_999,
            "DTSTART;TZID=Asia/Dubai:20150916T090000",
            "DTEND;TZID=Asia/Dubai:20150916T094501",
        ),
        (
            999_999,
            1,
            "DTSTART;TZID=Asia/Dubai:20150916T090000",
            "DTEND;TZID=Asia/Dubai:20150916T094501",
        ),
    ],
)
def test_fractions_of_a_second_widen_the_event_and_are_noted(
    start_us: int, end_us: int, start: str, end: str
) -> None:
    """iCalendar has whole seconds: the start rounds down, the end up, and the report says so."""
    slot = sk.TimeSlot(at(9).replace(microsecond=start_us), at(9, 45).replace(microsecond=end_us))
    summit = summit_of(sk.Talk(id="a", title={"en": "A"}, slot=slot))
    exported = ical.export(summit, stamp=STAMP)
    (lines,) = blocks(exported.data, "VEVENT")
    assert (value(lines, "DTSTART"), value(lines, "DTEND")) == (start, end)
    assert [(note.path, str(note.kind)) for note in exported.report] == [
        ("sessions[0]", "approximated")
    ]


def test_whole_seconds_are_not_noted() -> None:
    """A slot on whole seconds is written as it is, and nothing is noted."""
    slot = sk.TimeSlot(at(9).replace(second=59), at(9, 45).replace(second=1))
    exported = ical.export(summit_of(sk.Talk(id="a", title={"en": "A"}, slot=slot)), stamp=STAMP)
    (lines,) = blocks(exported.data, "VEVENT")
    assert value(lines, "DTSTART") == "DTSTART;TZID=Asia/Dubai:20150916T090059"
    assert value(lines, "DTEND") == "DTEND;TZID=Asia/Dubai:20150916T094501"
    assert len(exported.report) == 0


# -- untimed sessions -------------------------------------------------------------------------


def test_untimed_sessions_are_left_out_and_noted() -> None:
    """Each untimed session of the selection is a DROPPED note naming it; timed ones are events."""
    summit = summit_of(talk("a", None), talk("b", at(9)), talk("c", None))
    exported = ical.export(summit, stamp=STAMP)
    assert list(by_uid(exported.data)) == ["b@demo.summitkit"]
    assert exported.report.count("dropped") == 2
    assert [note.path for note in exported.report] == ["sessions[0]", "sessions[2]"]
    assert "'a'" in exported.report.notes[0].message


# -- UIDs and versions ------------------------------------------------------------------------


def version_one() -> sk.Summit:
    """The first published version: five timed sessions, one of them cancelled already."""
    return summit_of(
        talk("same", at(9)),
        talk("moved", at(10)),
        talk("retitled", at(11)),
        talk("dropped", at(12)),
        talk("gone-cancelled", at(13), status="cancelled"),
        talk("to-cancel", at(14)),
    )


def version_two() -> sk.Summit:
    """The next version: one moved, one retitled, two removed, one cancelled, one new."""
    one = version_one()
    two = one.remove_session("dropped").remove_session("gone-cancelled")
    two = two.reschedule("moved", sk.TimeSlot.starting(at(10, 30), "45m"))
    two = two.replace_session(attrs.evolve(two.session("retitled"), title={"en": "New title"}))
    two = two.cancel("to-cancel")
    return two.add_session(talk("new", at(15)))


def test_uids_are_made_of_the_session_and_summit_ids() -> None:
    """A session's UID is <session id>@<summit id>.summitkit, in every version."""
    one = by_uid(ical.dumps(version_one(), stamp=STAMP))
    two = by_uid(ical.dumps(version_two(), previous=version_one(), stamp=STAMP))
    assert "same@demo.summitkit" in one
    assert {"same", "moved", "retitled", "to-cancel"} <= {
        u.split("@")[0] for u in set(one) & set(two)
    }
    assert ical.uid("demo", "same") == "same@demo.summitkit"


def test_without_a_previous_version_every_sequence_is_zero() -> None:
    """A first publication has SEQUENCE:0 on every event."""
    events = by_uid(ical.dumps(version_two(), stamp=STAMP))
    assert {value(lines, "SEQUENCE") for lines in events.values()} == {"SEQUENCE:0"}


def test_changed_sessions_have_sequence_one_and_unchanged_zero() -> None:
    """Against the previous version, what changed goes to 1, the rest stays 0."""
    events = by_uid(ical.dumps(version_two(), previous=version_one(), stamp=STAMP))
    sequences = {uid.split("@")[0]: value(lines, "SEQUENCE") for uid, lines in events.items()}
    assert sequences == {
        "same": "SEQUENCE:0",
        "moved": "SEQUENCE:1",
        "retitled": "SEQUENCE:1",
        "to-cancel": "SEQUENCE:1",
        "new": "SEQUENCE:0",
        "dropped": "SEQUENCE:1",
        "gone-cancelled": "SEQUENCE:0",
    }


def test_a_third_version_counts_up_from_the_published_sequences() -> None:
    """With the last calendar's numbers, a session changed twice reaches 2; one unchanged keeps 1."""
    published = ical.dumps(version_two(), previous=version_one(), stamp=STAMP)
    three = version_two().reschedule("moved", sk.TimeSlot.starting(at(16), "45m"))
    three = three.remove_session("same")
    events = by_uid(
        ical.dumps(
            three,
            previous=version_two(),
            sequences=ical.published_sequences(published),
            stamp=STAMP,
        )
    )
    sequences = {uid.split("@")[0]: value(lines, "SEQUENCE") for uid, lines in events.items()}
    assert sequences == {
        "same": "SEQUENCE:1",  # 0 published, now removed: cancelled, one up
        "moved": "SEQUENCE:2",  # 1 published, moved again
        "retitled": "SEQUENCE:1",  # 1 published, unchanged since: as calendars have it
        "to-cancel": "SEQUENCE:1",  # cancelled already, unchanged since
        "new": "SEQUENCE:0",
    }


def test_published_sequences_are_read_by_uid() -> None:
    """Each event's SEQUENCE by UID; a document that is not a calendar is a FormatError."""
    published = ical.dumps(version_two(), previous=version_one(), stamp=STAMP)
    found = ical.published_sequences(published)
    assert (found["moved@demo.summitkit"], found["same@demo.summitkit"]) == (1, 0)
    with pytest.raises(FormatError):
        ical.published_sequences(b"not a calendar")


@pytest.mark.parametrize("bad", [["moved@demo.summitkit"], {"moved@demo.summitkit": -1}, {1: 1}])
def test_sequences_must_map_uids_to_counts(bad: object) -> None:
    """A list, a negative number or a key that is no UID names the argument."""
    with pytest.raises(InvalidTypeError, match=r"^export\(sequences\): expected "):
        ical.export(version_two(), sequences=bad)  # type: ignore[arg-type]


def test_cancelled_and_removed_sessions_stay_as_cancelled() -> None:
    """A cancelled session, and one removed since the previous version, are STATUS:CANCELLED."""
    events = by_uid(ical.dumps(version_two(), previous=version_one(), stamp=STAMP))
    statuses = {uid.split("@")[0]: value(lines, "STATUS") for uid, lines in events.items()}
    cancelled = {name for name, status in statuses.items() if status == "STATUS:CANCELLED"}
    assert cancelled == {"to-cancel", "dropped", "gone-cancelled"}
    assert statuses["same"] == "STATUS:CONFIRMED"
    # A removed session is written as it was, at its old time.
    assert (
        value(events["dropped@demo.summitkit"], "DTSTART")
        == "DTSTART;TZID=Asia/Dubai:20150916T120000"
    )


def test_a_removed_session_outside_the_filter_is_not_written() -> None:
    """A removed session appears only in the calendars whose filters it passed."""
    one = summit_of(talk("a", at(9), room="hall"), talk("b", at(10)))
    two = one.remove_session("a").remove_session("b")
    assert list(by_uid(ical.dumps(two, previous=one, room="hall", stamp=STAMP))) == [
        "a@demo.summitkit"
    ]


def test_a_removed_untimed_session_is_not_written() -> None:
    """A session that had no time was in no calendar, so its removal writes nothing."""
    one = summit_of(talk("a", None), talk("b", at(10)))
    two = one.remove_session("a")
    assert list(by_uid(ical.dumps(two, previous=one, stamp=STAMP))) == ["b@demo.summitkit"]


def test_a_session_timed_since_the_previous_version_starts_at_zero() -> None:
    """A session that was untimed was in no calendar: its first event has SEQUENCE:0."""
    one = summit_of(talk("a", None))
    two = one.reschedule("a", sk.TimeSlot.starting(at(9), "45m"))
    (lines,) = by_uid(ical.dumps(two, previous=one, stamp=STAMP)).values()
    assert value(lines, "SEQUENCE") == "SEQUENCE:0"


def test_a_change_to_a_speakers_name_changes_the_event() -> None:
    """What an event shows includes its people's names: renaming one bumps its SEQUENCE."""
    one = summit_of(talk("a", at(9), participants=[sk.Participant("zoe")]), talk("b", at(10)))
    two = attrs.evolve(
        one, speakers=[attrs.evolve(one.speaker("zoe"), name={"en": "Zoe K."}), one.speaker("sam")]
    )
    events = by_uid(ical.dumps(two, previous=one, stamp=STAMP))
    assert value(events["a@demo.summitkit"], "SEQUENCE") == "SEQUENCE:1"
    assert value(events["b@demo.summitkit"], "SEQUENCE") == "SEQUENCE:0"


def test_a_zone_renamed_at_the_same_instant_changes_the_event() -> None:
    """The same instant under another zone's name is another TZID: the event changed."""
    one = summit_of(talk("a", at(9)))
    muscat = ZoneInfo("Asia/Muscat")
    two = one.reschedule("a", sk.TimeSlot.starting(at(9).astimezone(muscat), "45m"))
    (lines,) = by_uid(ical.dumps(two, previous=one, stamp=STAMP)).values()
    assert value(lines, "SEQUENCE") == "SEQUENCE:1"


def statuses_and_sequences(data: bytes) -> set[tuple[str, str, str]]:
    """(UID, STATUS, SEQUENCE) of each event, as written."""
    return {
        (
            uid,
            value(lines, "STATUS").removeprefix("STATUS:"),
            value(lines, "SEQUENCE").removeprefix("SEQUENCE:"),
        )
        for uid, lines in by_uid(data).items()
    }


@given(sks.summits(max_size=8, timezones=sks.timezones()), st.data())
def test_cancelling_and_removing_sessions_as_a_second_version_says(
    summit: sk.Summit, data: st.DataObject
) -> None:
    """Cancelled since: CANCELLED and 1; removed since: as it was, CANCELLED, 1 unless cancelled before; else 0."""
    ids = [session.id for session in summit.sessions]
    removed = data.draw(st.sets(st.sampled_from(ids))) if ids else set()
    cancelled = data.draw(st.sets(st.sampled_from(ids))) if ids else set()
    new = summit
    for session_id in sorted(removed):
        if any(s.id == session_id for s in new.sessions):
            new = new.remove_session(session_id, with_children=True)
    for session in new.sessions:
        if session.id in cancelled:
            new = new.replace_session(attrs.evolve(session, status="cancelled"))
    kept = {session.id for session in new.sessions}
    expected: set[tuple[str, str, str]] = set()
    for old in summit.sessions:
        if old.slot is None:
            continue
        uid = f"{old.id}@{summit.id}.summitkit"
        if old.id not in kept:
            expected.add((uid, "CANCELLED", "0" if old.status == "cancelled" else "1"))
    for session in new.sessions:
        if session.slot is not None:
            before = summit.session(session.id).status
            now = "CANCELLED" if session.status == "cancelled" else "CONFIRMED"
            uid = f"{session.id}@{summit.id}.summitkit"
            expected.add((uid, now, "1" if before != session.status else "0"))
    written = ical.dumps(new, previous=summit, stamp=STAMP)
    assert statuses_and_sequences(written) == expected
    instants = oracle(new) | {item for item in oracle(summit) if item[0].split("@")[0] not in kept}
    assert read_strictly(written) == instants


def test_an_attendees_pick_removed_since_is_written_cancelled() -> None:
    """With the previous version, a pick it alone has is known: its event comes back cancelled."""
    one = summit_of(talk("a", at(9)), talk("b", at(10)))
    two = one.remove_session("a")
    data = ical.dumps(two, previous=one, sessions=["a", "b"], stamp=STAMP)
    assert statuses_and_sequences(data) == {
        ("a@demo.summitkit", "CANCELLED", "1"),
        ("b@demo.summitkit", "CONFIRMED", "0"),
    }
    with pytest.raises(UnknownIdError, match=r"export\(sessions\)\[0\]: this summit has no"):
        ical.export(two, sessions=["a", "b"])
    with pytest.raises(UnknownIdError, match=r"export\(sessions\)\[0\]: neither version"):
        ical.export(two, previous=one, sessions=["x"])


def test_a_speaker_gone_since_has_their_sessions_cancelled() -> None:
    """A speaker the new version no longer has still has a calendar: their sessions, cancelled."""
    one = summit_of(talk("a", at(9), participants=[sk.Participant("sam")]), talk("b", at(10)))
    two = attrs.evolve(one.remove_session("a"), speakers=[one.speaker("zoe")])
    data = ical.dumps(two, previous=one, speaker="sam", stamp=STAMP)
    assert statuses_and_sequences(data) == {("a@demo.summitkit", "CANCELLED", "1")}
    assert "X-WR-CALNAME:Demo Summit · Sam Lee" in unfolded(data)


def test_the_previous_version_must_be_of_the_same_summit() -> None:
    """Another summit's id would give other UIDs: refused, naming the argument."""
    other = attrs.evolve(version_one(), id="other")
    with pytest.raises(InvalidValueError, match=r"export\(previous\).*'demo'.*'other'"):
        ical.export(version_two(), previous=other)


# -- text, words and languages ----------------------------------------------------------------


def test_the_gsms_calendar_holds_its_sixteen_sessions() -> None:
    """All 16 sessions, the opening panel at 09:15-10:15 Dubai time, the calendar named."""
    exported = ical.export(GSMS, stamp=STAMP)
    events = by_uid(exported.data)
    assert len(events) == 16
    assert len(exported.report) == 0
    opening = events["opening-panel@gsms2015.summitkit"]
    assert value(opening, "DTSTART") == "DTSTART;TZID=Asia/Dubai:20150916T091500"
    assert value(opening, "DTEND") == "DTEND;TZID=Asia/Dubai:20150916T101500"
    assert (
        value(opening, "SUMMARY")
        == "SUMMARY;LANGUAGE=en:How can governments leverage social media to build smart cities?"
    )
    assert value(opening, "DESCRIPTION") == (
        "DESCRIPTION;LANGUAGE=en:Moderator: Dr. Saeed Al Dhaheri\\nPanelists: "
        "Dr. Aisha Bin Bishr\\, Sheikha Al Maskari\\, Rajai Al Khadem"
    )
    assert value(opening, "LOCATION") == "LOCATION;LANGUAGE=en:Sofitel Dubai Downtown\\, Dubai"
    assert value(opening, "CATEGORIES") == "CATEGORIES:Panel"
    assert value(opening, "STATUS") == "STATUS:CONFIRMED"
    lines = unfolded(exported.data)
    assert "X-WR-CALNAME:GCC Government Social Media Summit" in lines
    assert "NAME;LANGUAGE=en:GCC Government Social Media Summit" in lines
    assert "X-WR-TIMEZONE:Asia/Dubai" in lines
    assert "METHOD:PUBLISH" in lines
    assert read_strictly(exported.data) == oracle(GSMS)
    check_times(exported.data, GSMS)


def test_the_arabic_gsms_calendar_tags_its_arabic_text() -> None:
    """With lang="ar", SUMMARY, DESCRIPTION and LOCATION are Arabic and say LANGUAGE=ar."""
    data = ical.dumps(GSMS, lang="ar", stamp=STAMP)
    opening = by_uid(data)["opening-panel@gsms2015.summitkit"]
    title = GSMS.session("opening-panel").title["ar"]
    assert value(opening, "SUMMARY") == f"SUMMARY;LANGUAGE=ar:{title}"
    assert value(opening, "DESCRIPTION") == (
        "DESCRIPTION;LANGUAGE=ar:إدارة الجلسة: الدكتور سعيد الظاهري\\n"
        "المشاركة في النقاش: الدكتورة عائشة بن بطي بن بشر، شيخة المسكري، رجائي الخادم"
    )
    assert value(opening, "LOCATION") == "LOCATION;LANGUAGE=ar:سوفيتيل داون تاون دبي، دبي"
    assert value(opening, "CATEGORIES") == "CATEGORIES:حلقة نقاش"
    for lines in blocks(data, "VEVENT"):
        assert value(lines, "SUMMARY").startswith("SUMMARY;LANGUAGE=ar:")
    english = ical.dumps(GSMS, stamp=STAMP).decode()
    assert "LANGUAGE=ar" not in english


def test_a_sessions_own_language_is_the_default() -> None:
    """Without lang, a session held in Arabic is written in Arabic; one in no language, in English."""
    arabic = talk("a", at(9), language="ar", participants=[sk.Participant("zoe")])
    arabic = attrs.evolve(arabic, title={"en": "Opening", "ar": "الافتتاح"})
    events = by_uid(ical.dumps(summit_of(arabic, talk("b", at(10))), stamp=STAMP))
    assert value(events["a@demo.summitkit"], "SUMMARY") == "SUMMARY;LANGUAGE=ar:الافتتاح"
    assert (
        value(events["a@demo.summitkit"], "DESCRIPTION")
        == "DESCRIPTION;LANGUAGE=ar:التقديم: زوي كيرنز"
    )
    assert value(events["b@demo.summitkit"], "SUMMARY") == "SUMMARY;LANGUAGE=en:Talk b"


def test_text_missing_in_the_language_falls_back_to_english_and_says_so() -> None:
    """Arabic asked for and only English there: the English text, tagged LANGUAGE=en."""
    events = by_uid(ical.dumps(summit_of(talk("a", at(9), room="hall")), lang="ar", stamp=STAMP))
    lines = events["a@demo.summitkit"]
    assert value(lines, "SUMMARY") == "SUMMARY;LANGUAGE=en:Talk a"
    assert value(lines, "LOCATION") == "LOCATION;LANGUAGE=ar:القاعة 1"


def test_a_language_without_a_catalogue_uses_english_words() -> None:
    """French text where there is French; role words in English, as there is no French catalogue."""
    session = sk.Talk(
        id="a",
        title={"en": "Opening", "fr": "Ouverture"},
        slot=sk.TimeSlot.starting(at(9), "45m"),
        participants=[sk.Participant("sam")],
    )
    lines = by_uid(ical.dumps(summit_of(session), lang="fr-CA", stamp=STAMP))["a@demo.summitkit"]
    assert value(lines, "SUMMARY") == "SUMMARY;LANGUAGE=fr:Ouverture"
    assert value(lines, "DESCRIPTION") == "DESCRIPTION;LANGUAGE=en:Presented by: Sam Lee"


def test_the_description_has_roles_then_subtitle_abstract_and_description() -> None:
    """People by role, in role order, then the session's texts, each a paragraph; URL and track too."""
    session = sk.Panel(
        id="p",
        title={"en": "Panel"},
        subtitle={"en": "Sub"},
        abstract={"en": "Abstract."},
        description={"en": "More."},
        url="https://example.org/p",
        slot=sk.TimeSlot.starting(at(9), "1h"),
        participants=[
            sk.Participant("sam", role="panelist"),
            sk.Participant("zoe", role="moderator"),
        ],
        track="t",
    )
    summit = summit_of(session, tracks=[sk.Track(id="t", title={"en": "Policy, and law"})])
    lines = by_uid(ical.dumps(summit, stamp=STAMP))["p@demo.summitkit"]
    assert value(lines, "DESCRIPTION") == (
        "DESCRIPTION;LANGUAGE=en:Moderator: Zoe Kearns\\nPanelists: Sam Lee\\n\\nSub\\n\\n"
        "Abstract.\\n\\nMore."
    )
    assert value(lines, "URL") == "URL:https://example.org/p"
    assert value(lines, "CATEGORIES") == "CATEGORIES:Panel,Policy\\, and law"
    event = icalendar.Calendar.from_ical(ical.dumps(summit, stamp=STAMP)).walk("VEVENT")[0]
    assert event.categories == ["Panel", "Policy, and law"]


def test_a_session_without_people_or_texts_has_no_description() -> None:
    """Nothing to say, no DESCRIPTION; no room and no venue, no LOCATION."""
    (lines,) = blocks(ical.dumps(summit_of(talk("a", at(9))), stamp=STAMP), "VEVENT")
    assert not any(line.startswith(("DESCRIPTION", "LOCATION", "URL")) for line in lines)


# -- filters ----------------------------------------------------------------------------------


def gsms_with_rooms() -> sk.Summit:
    """GSMS with its plenary sessions in a ballroom (the example has no rooms)."""
    summit = GSMS.add_room(sk.Room(id="ballroom", name={"en": "Ballroom", "ar": "القاعة الكبرى"}))
    for session_id in ("opening-panel", "official-opening", "keynote-modern-workplace"):
        summit = summit.replace_session(attrs.evolve(summit.session(session_id), room="ballroom"))
    return summit


def test_a_speakers_calendar() -> None:
    """Saeed Al Dhaheri moderates the opening panel: his calendar holds it alone, and says his name."""
    data = ical.dumps(GSMS, speaker="saeed-al-dhaheri", stamp=STAMP)
    assert list(by_uid(data)) == ["opening-panel@gsms2015.summitkit"]
    assert "X-WR-CALNAME:GCC Government Social Media Summit · Dr. Saeed Al Dhaheri" in unfolded(
        data
    )


def test_a_rooms_calendar() -> None:
    """The ballroom's calendar holds its three sessions, each located in the room at the venue."""
    summit = gsms_with_rooms()
    events = by_uid(ical.dumps(summit, room="ballroom", stamp=STAMP))
    assert {
        "opening-panel@gsms2015.summitkit",
        "official-opening@gsms2015.summitkit",
        "keynote-modern-workplace@gsms2015.summitkit",
    } == set(events)
    for lines in events.values():
        assert (
            value(lines, "LOCATION")
            == "LOCATION;LANGUAGE=en:Ballroom\\, Sofitel Dubai Downtown\\, Dubai"
        )
    arabic = by_uid(ical.dumps(summit, room="ballroom", lang="ar", stamp=STAMP))
    assert (
        value(arabic["keynote-modern-workplace@gsms2015.summitkit"], "LOCATION")
        == "LOCATION;LANGUAGE=ar:القاعة الكبرى، سوفيتيل داون تاون دبي، دبي"
    )


def test_a_tracks_calendar() -> None:
    """The healthcare workshop's calendar holds its two sessions."""
    events = by_uid(ical.dumps(GSMS, track="ws-healthcare", stamp=STAMP))
    assert {
        "ws-healthcare-gulf@gsms2015.summitkit",
        "ws-healthcare-productivity@gsms2015.summitkit",
    } == set(events)


def test_an_attendees_picks() -> None:
    """sessions= holds those sessions, from any iterable, repeats counted once."""
    picks = iter(["keynote-modern-workplace", "opening-panel", "opening-panel"])
    events = by_uid(ical.dumps(GSMS, sessions=picks, stamp=STAMP))
    assert {
        "keynote-modern-workplace@gsms2015.summitkit",
        "opening-panel@gsms2015.summitkit",
    } == set(events)
    assert by_uid(ical.dumps(GSMS, sessions=[], stamp=STAMP)) == {}


def test_filters_given_together_select_what_passes_all_of_them() -> None:
    """A speaker and a room: the speaker's sessions in that room only."""
    summit = gsms_with_rooms()
    assert list(
        by_uid(ical.dumps(summit, speaker="maher-ezzeddine", room="ballroom", stamp=STAMP))
    ) == ["official-opening@gsms2015.summitkit"]
    assert (
        list(by_uid(ical.dumps(summit, speaker="ayman-itani", room="ballroom", stamp=STAMP))) == []
    )


# -- arguments --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        (
            {"speaker": "nobody"},
            UnknownIdError,
            r"export\(speaker\): .*no speaker with id 'nobody'",
        ),
        ({"track": "nowhere"}, UnknownIdError, r"export\(track\): .*no track with id 'nowhere'"),
        ({"room": "attic"}, UnknownIdError, r"export\(room\): .*no room with id 'attic'"),
        ({"sessions": ["opening-panel", "x"]}, UnknownIdError, r"export\(sessions\)\[1\]: .*'x'"),
        (
            {"sessions": "opening-panel"},
            InvalidTypeError,
            r"export\(sessions\): expected an iterable",
        ),
        ({"sessions": 3}, InvalidTypeError, r"export\(sessions\)"),
        ({"sessions": [3]}, InvalidTypeError, r"export\(sessions\)\[0\]"),
        ({"speaker": 7}, InvalidTypeError, r"export\(speaker\): expected the id of a speaker"),
        ({"stamp": dt.datetime(2015, 9, 1)}, InvalidTimeError, r"export\(stamp\): .*naive"),
        ({"stamp": "2015-09-01"}, InvalidTypeError, r"export\(stamp\)"),
        ({"lang": "not a tag"}, InvalidTextError, r"export\(lang\)"),
        ({"lang": 4}, InvalidTypeError, r"export\(lang\)"),
        ({"previous": "v1"}, InvalidTypeError, r"export\(previous\)"),
    ],
)
def test_bad_arguments_are_named(
    arguments: dict[str, object], error: type[Exception], message: str
) -> None:
    """Each bad argument gives a summitkit error naming it."""
    with pytest.raises(error, match=message):
        ical.export(GSMS, **arguments)  # type: ignore[arg-type]


def test_errors_name_the_function_called() -> None:
    """dumps and dump name themselves; a summit that is not one is named too."""
    with pytest.raises(UnknownIdError, match=r"dumps\(room\)"):
        ical.dumps(GSMS, room="attic")
    with pytest.raises(InvalidTypeError, match=r"dump\(summit\)"):
        ical.dump("gsms", io.BytesIO())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"dump\(target\)"):
        ical.dump(GSMS, 42)  # type: ignore[arg-type]


# -- dump -------------------------------------------------------------------------------------


def test_dump_writes_paths_binary_files_and_text_files(tmp_path: Path) -> None:
    """The same bytes to a path, a binary file and a text file opened with newline=''."""
    expected = ical.dumps(GSMS, stamp=STAMP)
    path = tmp_path / "gsms.ics"
    ical.dump(GSMS, path, stamp=STAMP)
    assert path.read_bytes() == expected
    ical.dump(GSMS, str(path), stamp=STAMP, lang="ar")
    assert path.read_bytes() == ical.dumps(GSMS, stamp=STAMP, lang="ar")
    binary = io.BytesIO()
    ical.dump(GSMS, binary, stamp=STAMP)
    assert binary.getvalue() == expected
    with (tmp_path / "text.ics").open("w", encoding="utf-8", newline="") as text:
        ical.dump(GSMS, text, stamp=STAMP)
    assert (tmp_path / "text.ics").read_bytes() == expected


# -- the optional library ---------------------------------------------------------------------


def test_without_icalendar_the_module_imports_and_the_functions_say_what_to_install() -> None:
    """A missing icalendar is a MissingExtraError naming the extra; importing still works."""
    source = (
        "import sys\n"
        "sys.modules['icalendar'] = None\n"
        "from summitkit import examples\n"
        "from summitkit.formats import ical\n"
        "from summitkit.exceptions import MissingExtraError\n"
        "for call in (ical.dumps, ical.export):\n"
        "    try:\n"
        "        call(examples.gsms2015())\n"
        "    except MissingExtraError as error:\n"
        "        print(error.feature, error.extra, error.module)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, check=True, timeout=60
    )
    line = "summitkit.formats.ical ical icalendar"
    assert result.stdout == f"{line}\n{line}\n"
    assert issubclass(MissingExtraError, ImportError)
