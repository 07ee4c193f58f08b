"""The plain-text agenda: wall times, assumed titles, and lines made as they are written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from builders import bare_summit
from summitkit.exceptions import InvalidTypeError, InvalidValueError, UnknownTimeZoneError
from summitkit.text import agenda, agenda_lines

LONDON = ZoneInfo("Europe/London")
CLOCKS_BACK = dt.date(2015, 10, 25)  # London: 02:00 BST becomes 01:00 GMT


def london(hour: int, minute: int = 0, *, fold: int = 0) -> dt.datetime:
    return dt.datetime(2015, 10, 25, hour, minute, fold=fold, tzinfo=LONDON)


def talk(id: str, slot: sk.TimeSlot | None, **fields: object) -> sk.Talk:
    return sk.Talk(id=id, title={"en": id.title(), "ar": "محاضرة"}, slot=slot, **fields)  # type: ignore[arg-type]


def rows(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


# -- the hour repeated when clocks go back -------------------------------------------


def test_the_two_readings_of_a_repeated_hour_differ_in_the_summit_zone() -> None:
    """A one-hour session from 01:30 BST to 01:30 GMT does not read 01:30-01:30."""
    summit = bare_summit(
        first_day=CLOCKS_BACK,
        timezone=LONDON,
        sessions=[
            talk("first", sk.TimeSlot(london(1, 30), london(1, 30, fold=1))),
            talk("second", sk.TimeSlot(london(1, 30, fold=1), london(2, 30))),
        ],
    )
    lines = rows(agenda(summit))
    assert "01:30 BST– 01:30 GMT  Talk – First" in lines
    assert "01:30 GMT– 02:30  Talk – Second" in lines


def test_the_two_readings_of_a_repeated_hour_differ_in_the_attendee_zone() -> None:
    """04:30-05:30 in Dubai is 01:30 BST to 01:30 GMT for an attendee in London."""
    dubai = dt.datetime(2015, 10, 25, 4, 30, tzinfo=sk.DUBAI)
    summit = bare_summit(
        first_day=CLOCKS_BACK,
        sessions=[talk("night", sk.TimeSlot(dubai, dubai + dt.timedelta(hours=1)))],
    )
    lines = rows(agenda(summit, tz=LONDON))
    assert "04:30– 05:30 |  01:30 BST– 01:30 GMT  Talk – Night" in lines


UTC = dt.timezone.utc
# Europe/London in October 2015, from first principles: BST (UTC+1) until
# 01:00 UTC on the 25th, GMT (UTC+0) from then on.
CHANGE = dt.datetime(2015, 10, 25, 1, 0, tzinfo=UTC)


def oracle_label(instant: dt.datetime) -> str:
    """London's wall time for a UTC instant, with BST or GMT in the repeated hour."""
    bst = instant < CHANGE
    wall = (instant + dt.timedelta(hours=1 if bst else 0)).replace(tzinfo=None)
    text = f"{wall.hour:02d}:{wall.minute:02d}"
    repeated = wall.date() == CLOCKS_BACK and wall.hour == 1  # 01:00 to 01:59 happen twice
    return f"{text} {'BST' if bst else 'GMT'}" if repeated else text


@given(st.integers(min_value=0, max_value=6 * 60))
@example(59)  # 00:59 BST: the minute before the repeated hour
@example(60)  # 01:00 BST: its first reading begins
@example(119)  # 01:59 BST
@example(120)  # 01:00 GMT: its second reading begins
@example(179)  # 01:59 GMT
@example(180)  # 02:00 GMT: once again a time that happens once
def test_every_time_around_the_change_reads_as_the_oracle_says(minutes: int) -> None:
    """A session starting any minute from 23:00 UTC on the 24th shows London wall times correctly."""
    start = dt.datetime(2015, 10, 24, 23, 0, tzinfo=UTC) + dt.timedelta(minutes=minutes)
    slot = sk.TimeSlot.starting(start.astimezone(LONDON), dt.timedelta(minutes=60))
    summit = bare_summit(
        first_day=dt.date(2015, 10, 24),
        last_day=CLOCKS_BACK,
        timezone=LONDON,
        sessions=[talk("only", slot)],
    )
    expected = f"{oracle_label(start)}– {oracle_label(start + dt.timedelta(minutes=60))}"
    assert f"{expected}  Talk – Only" in rows(agenda(summit))


def test_a_time_that_happens_once_has_no_zone_abbreviation() -> None:
    """Only the repeated hour is labelled: 00:30 and 02:30 that day read as usual."""
    summit = bare_summit(
        first_day=CLOCKS_BACK,
        timezone=LONDON,
        sessions=[talk("early", sk.TimeSlot(london(0, 30), london(0, 59)))],
    )
    assert "00:30– 00:59  Talk – Early" in rows(agenda(summit))


# -- assumed titles -------------------------------------------------------------------


def published() -> sk.Summit:
    """The example with every title taken as published."""
    gsms = sk.examples.gsms2015()
    return attrs.evolve(
        gsms, sessions=[attrs.evolve(s, title_assumed=False) for s in gsms.sessions]
    )


def assumed_summit() -> sk.Summit:
    summit = published()
    keynote = attrs.evolve(summit.session("keynote-modern-workplace"), title_assumed=True)
    return summit.replace_session(keynote)


def test_an_assumed_title_is_marked_as_an_estimated_time_is() -> None:
    """The title carries a ~ and the legend explains both uses of the mark."""
    text = agenda(assumed_summit())
    assert "~10:30–~11:00  Keynote – ~The Modern Workplace" in text
    assert "Times: Dubai time (UTC+4).\n~ marks an estimated time or an assumed title.\n" in text
    assert "Panel – ~" not in text  # published titles carry no mark


def test_an_assumed_title_in_arabic() -> None:
    """The Arabic legend names both an estimated time and an assumed title."""
    text = agenda(assumed_summit(), lang="ar")
    assert "العلامة ~ تعني وقتًا تقديريًا أو عنوانًا مفترضًا.\n" in text
    assert "كلمة رئيسية – \u2068~" in text


def test_the_legend_speaks_of_titles_only_when_one_is_assumed() -> None:
    """Without an assumed title the legend is about times alone."""
    text = agenda(published())
    assert "\n~ marks an estimated time.\n" in text
    untimed = bare_summit(first_day=CLOCKS_BACK, sessions=[talk("later", None, title_assumed=True)])
    assert "~ marks an estimated time or an assumed title." in agenda(untimed)
    assert "Talk – ~Later" in agenda(untimed)


# -- made line by line ------------------------------------------------------------------


def test_the_heading_comes_before_any_session_is_looked_at(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first lines need neither the sessions' order nor their days."""

    def refuse(*_: object) -> object:
        raise AssertionError("the heading looked at the sessions")

    summit = sk.examples.gsms2015()
    monkeypatch.setattr(sk.Summit, "in_time_order", refuse)
    monkeypatch.setattr(sk.Summit, "conference_day", refuse)
    lines = agenda_lines(summit)
    assert next(lines) == "GCC Government Social Media Summit · 4th edition · #GSMS15"
    assert [next(lines) for _ in range(3)][-1] == "Times: Dubai time (UTC+4)."


def counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Count the calls to Summit.<name> from now on; the list holds one entry per call."""
    calls: list[int] = []
    original: Callable[..., object] = getattr(sk.Summit, name)

    def counted(*args: object) -> object:
        calls.append(1)
        return original(*args)

    monkeypatch.setattr(sk.Summit, name, counted)
    return calls


def test_sessions_are_put_on_their_days_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each timed session's day is worked out once, and the sessions sorted once, however many days."""
    first = dt.date(2015, 9, 13)
    sessions = [
        talk(
            f"t{n}",
            sk.TimeSlot.starting(
                dt.datetime.combine(first, dt.time(9), tzinfo=sk.DUBAI)
                + dt.timedelta(days=n % 7, minutes=n),
                dt.timedelta(minutes=30),
            ),
        )
        for n in range(40)
    ]
    summit = bare_summit(
        first_day=first,
        last_day=first + dt.timedelta(days=9),
        sessions=[*sessions, talk("someday", None)],
    )
    days, orders = counting(monkeypatch, "conference_day"), counting(monkeypatch, "in_time_order")
    text = agenda(summit)
    assert (len(days), len(orders)) == (40, 1)
    assert all(f"Talk – T{n}\n" in text for n in range(40))
    assert text.count("No sessions listed for this day.") == 3


def test_agenda_is_the_lines_joined() -> None:
    """agenda() is agenda_lines() with a newline after each line."""
    summit = sk.examples.gsms2015()
    for lang in ("en", "ar"):
        lines = list(agenda_lines(summit, tz="Pacific/Honolulu", lang=lang))
        assert "".join(line + "\n" for line in lines) == agenda(
            summit, tz=ZoneInfo("Pacific/Honolulu"), lang=lang
        )


# -- arguments ----------------------------------------------------------------------------


@pytest.mark.parametrize("function", [agenda, agenda_lines])
def test_bad_arguments_are_named_when_the_agenda_is_asked_for(
    function: Callable[..., object],
) -> None:
    """Each bad argument is refused at once, naming the function and the argument."""
    name = function.__name__
    summit = sk.examples.gsms2015()
    with pytest.raises(InvalidValueError, match=rf"^{name}\(lang\): expected one of 'ar', 'en'"):
        function(summit, lang="fr")
    with pytest.raises(
        InvalidTypeError, match=rf"^{name}\(tz\): expected a ZoneInfo, an IANA name"
    ):
        function(summit, tz=dt.tzinfo())
    with pytest.raises(UnknownTimeZoneError, match=rf"^{name}\(tz\): unknown time zone 'posix/"):
        function(summit, tz=ZoneInfo("posix/Europe/London"))
    with pytest.raises(UnknownTimeZoneError, match=rf"^{name}\(tz\): unknown time zone"):
        function(summit, tz="Mars/Olympus")
    with pytest.raises(InvalidTypeError, match=rf"^{name}\(summit\): expected a Summit"):
        function("gsms2015")


# -- parallel tracks ----------------------------------------------------------------------


def track_summit(first: tuple[int, int], second: tuple[int, int]) -> sk.Summit:
    """Two one-track workshops, from *first*'s hours and *second*'s (each (start, end) hour)."""
    tracks = [sk.WorkshopTrack(id=t, title={"en": t.upper()}) for t in ("a", "b")]
    sessions = [
        sk.WorkshopSession(
            id=f"w{t}",
            title={"en": f"W{t}"},
            track=t,
            slot=sk.TimeSlot(
                dt.datetime(2015, 9, 16, hours[0], tzinfo=sk.DUBAI),
                dt.datetime(2015, 9, 16, hours[1], tzinfo=sk.DUBAI),
            ),
        )
        for t, hours in zip(("a", "b"), (first, second), strict=False)
    ]
    return bare_summit(first_day=dt.date(2015, 9, 16), tracks=tracks, sessions=sessions)


def test_tracks_that_start_together_are_one_block_of_parallel_tracks() -> None:
    """Tracks starting at one time are numbered in one block under a count."""
    text = agenda(track_summit((12, 14), (12, 13)))
    assert "12:00  2 parallel workshop tracks\n" in text
    assert "│ 1. A\n" in text
    assert "│ 2. B\n" in text


def test_a_track_starting_later_is_a_block_of_its_own() -> None:
    """A track starting at 13:00 is not counted as running at 12:00: each has its own time."""
    text = agenda(track_summit((12, 14), (13, 15)))
    assert "parallel" not in text
    assert (
        "\n  A\n      12:00– 14:00  Workshop – Wa\n  B\n      13:00– 15:00  Workshop – Wb\n" in text
    )


@pytest.mark.parametrize(
    ("track", "lang", "expected"),
    [
        (sk.WorkshopTrack, "en", "2 parallel workshop tracks"),
        (sk.Track, "en", "2 parallel tracks"),
        (sk.Track, "ar", "مساران متوازيان"),
    ],
)
def test_parallel_tracks_are_called_workshops_only_when_all_are(
    track: type[sk.Track], lang: str, expected: str
) -> None:
    """A block of general tracks is "parallel tracks"; one of workshops, "parallel workshop tracks"."""
    summit = track_summit((12, 14), (12, 15))
    summit = attrs.evolve(summit, tracks=[track(id=t.id, title=t.title) for t in summit.tracks])
    assert expected in agenda(summit, lang=lang)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (3, "3 مسارات متوازية"),
        (10, "10 مسارات متوازية"),
        (11, "11 مسارًا متوازيًا"),
        (100, "100 مسار متوازٍ"),
        (101, "101 مسار متوازٍ"),
    ],
)
def test_arabic_counts_of_parallel_tracks_agree_with_the_number(count: int, expected: str) -> None:
    """Three to ten tracks take the plural, eleven to ninety-nine the accusative singular, a hundred the genitive."""
    from summitkit.text._language import Language  # noqa: PLC0415  # the catalogue's own words

    words = Language("ar")
    said = words.count("agenda.parallel", ("{n} parallel track", "{n} parallel tracks"), count)
    assert expected == str(said)


def test_tracks_that_only_touch_are_not_parallel() -> None:
    """A track ending at 13:00 and one starting at 13:00 run one after the other."""
    text = agenda(track_summit((12, 13), (13, 14)))
    assert "parallel" not in text
    assert "\n  A\n" in text
    assert "\n  B\n" in text


def test_an_attendee_zone_may_be_a_fixed_offset() -> None:
    """A fixed offset is a zone argument like any other: its times stand beside Dubai's."""
    text = agenda(sk.examples.gsms2015(), tz=dt.timezone(dt.timedelta(hours=1)))
    assert "Times: Dubai time (UTC+4) | UTC+1.\n" in text
    assert "   09:15–~10:15 |  06:15–~07:15  Panel – How can governments" in text
