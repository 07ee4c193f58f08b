"""Timetables, views, free time and now/next on the GSMS 2015 example, and their errors."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import summitkit as sk
from summitkit import schedule
from summitkit.exceptions import (
    InvalidTimeError,
    InvalidTypeError,
    InvalidValueError,
    UnknownIdError,
    UnknownTimeZoneError,
)

GSMS = sk.examples.gsms2015()


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2015, 9, 16, hour, minute, tzinfo=sk.DUBAI)


def test_the_morning_runs_alone_and_the_workshops_in_parallel() -> None:
    """Four morning items one at a time, then one block of the twelve workshop sessions."""
    (day, second_day) = schedule.timetable(GSMS).days
    assert [(block.is_parallel, len(block.entries)) for block in day.blocks] == [
        (False, 1),
        (False, 1),
        (False, 1),
        (False, 1),
        (True, 12),
    ]
    assert day.date == dt.date(2015, 9, 16)
    assert second_day.blocks == ()  # the example holds day one only
    only = schedule.timetable(GSMS, day=dt.date(2015, 9, 16))
    assert [d.date for d in only.days] == [dt.date(2015, 9, 16)]


def test_an_attendee_zone_shows_every_time_there() -> None:
    """In Honolulu the 09:15 panel starts at 19:15 the evening before."""
    table = schedule.timetable(GSMS, tz="Pacific/Honolulu")
    first = table.days[0].blocks[0].entries[0]
    assert first.slot is not None
    assert (first.session.id, f"{first.slot.start:%d %H:%M}") == ("opening-panel", "15 19:15")
    assert table.zone == sk.get_zone("Pacific/Honolulu")


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: schedule.timetable(GSMS, day=dt.date(2015, 9, 18)),
            InvalidValueError,
            r"timetable\(day\): expected one of the summit's days",
        ),
        (
            lambda: schedule.timetable(GSMS, day="2015-09-16"),
            InvalidTypeError,
            r"timetable\(day\): expected a date",
        ),
        (
            lambda: schedule.timetable(GSMS, tz="Mars/Olympus"),
            UnknownTimeZoneError,
            r"timetable\(tz\)",
        ),
        (
            lambda: schedule.timetable(GSMS, tz=dt.timedelta(hours=1)),
            InvalidTypeError,
            r"^timetable\(tz\): expected a ZoneInfo, an IANA name such as 'Asia/Dubai' or a fixed",
        ),
        (
            lambda: schedule.timetable("gsms"),
            InvalidTypeError,
            r"timetable\(summit\): expected a Summit",
        ),
        (lambda: schedule.room_schedule(GSMS, "hall"), UnknownIdError, r"no room with id 'hall'"),
        (lambda: schedule.track_schedule(GSMS, "nope"), UnknownIdError, r"no track with id 'nope'"),
        (
            lambda: schedule.agenda_of(GSMS, "nobody"),
            UnknownIdError,
            r"no speaker with id 'nobody'",
        ),
        (
            lambda: schedule.now_next(GSMS, dt.datetime(2015, 9, 16, 10)),
            InvalidTimeError,
            r"now_next\(at\): expected an aware datetime",
        ),
        (
            lambda: schedule.free_slots(GSMS, min_duration=dt.timedelta(minutes=-1)),
            InvalidValueError,
            r"free_slots\(min_duration\)",
        ),
        (
            lambda: schedule.free_slots(GSMS, within="today"),
            InvalidTypeError,
            r"free_slots\(within\)",
        ),
        (
            lambda: schedule.free_slots(GSMS, room="stage"),
            UnknownIdError,
            r"no room with id 'stage'",
        ),
    ],
)
def test_bad_arguments_are_named(call: object, error: type[Exception], message: str) -> None:
    """Every query names the argument that is wrong, with a summitkit error."""
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]


def test_now_and_next_through_the_morning() -> None:
    """At 10:20 the opening ceremony is on and the keynote is next; at 13:30 all is over."""
    (everywhere,) = schedule.now_next(GSMS, at(10, 20))
    assert everywhere.room is None
    assert [e.session.id for e in everywhere.now] == ["official-opening"]
    assert [e.session.id for e in everywhere.next] == ["keynote-modern-workplace"]
    (later,) = schedule.now_next(GSMS, at(13, 30))
    assert (later.now, later.next) == ((), ())
    (keynote_start,) = schedule.now_next(GSMS, at(10, 30))  # half-open: the ceremony is over
    assert [e.session.id for e in keynote_start.now] == ["keynote-modern-workplace"]


def test_cancelled_sessions_leave_their_time_free() -> None:
    """Once the keynote is cancelled, its speaker is free all morning."""
    morning = sk.TimeSlot(at(8), at(12))
    cancelled = GSMS.cancel("keynote-modern-workplace")
    free = schedule.free_slots(cancelled, speakers=["paolo-pulcini"], within=morning)
    assert free == (morning,)
    item = schedule.agenda_of(cancelled, "paolo-pulcini")[0]
    assert item.session.is_cancelled  # still on the speaker's agenda, marked


def test_an_author_is_free_while_the_work_is_presented() -> None:
    """Only a blocking participant is busy: listed as author, the keynote's speaker is free all morning."""
    morning = sk.TimeSlot(at(8), at(12))
    keynote = GSMS.session("keynote-modern-workplace")
    written = attrs.evolve(
        keynote, participants=[sk.Participant("paolo-pulcini", role=sk.Role.AUTHOR)]
    )
    free = schedule.free_slots(
        GSMS.replace_session(written), speakers=["paolo-pulcini"], within=morning
    )
    assert free == (morning,)
    busy = schedule.free_slots(GSMS, speakers=["paolo-pulcini"], within=morning)
    assert keynote.slot is not None
    assert busy == (
        sk.TimeSlot(at(8), keynote.slot.start),
        sk.TimeSlot(keynote.slot.end, at(12)),
    )
