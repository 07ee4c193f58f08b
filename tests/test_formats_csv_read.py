"""summitkit.formats.csv: reading, cell by cell, what a spreadsheet can hold wrong."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import summitkit as sk
from summitkit.exceptions import FormatError, InvalidTypeError, InvalidValueError
from summitkit.formats import csv as skcsv
from summitkit.formats._report import Note, NoteKind, Report

DUBAI = ZoneInfo("Asia/Dubai")
NEW_YORK = ZoneInfo("America/New_York")
DAY = dt.date(2015, 9, 16)
HEADER = "title,date,start,end\r\n"


def at(hour: int, minute: int = 0, *, day: int = 16, zone: ZoneInfo = DUBAI) -> dt.datetime:
    """*day* September 2015 at *hour*:*minute* in *zone*."""
    return dt.datetime(2015, 9, day, hour, minute, tzinfo=zone)


def problems(text: str, **arguments: object) -> list[tuple[str, str]]:
    """The problems reading *text* raises, as (path, problem) pairs."""
    with pytest.raises(FormatError) as raised:
        skcsv.loads(text, **arguments)  # type: ignore[arg-type]
    return list(raised.value.problems)


def notes_at(report: Report, prefix: str = "row") -> list[Note]:
    """The notes of *report* whose path starts with *prefix*."""
    return [note for note in report if note.path.startswith(prefix)]


# -- an unclosed quote ---------------------------------------------------------


def test_an_unclosed_quote_is_an_error_at_its_row_not_one_long_title() -> None:
    """A quote never closed would swallow every later row: it is refused where it opens."""
    text = (
        "title,date,start,end\n"
        "A,2015-09-16,09:00,10:00\n"
        '"B,2015-09-16,10:00,11:00\n'
        "C,2015-09-16,11:00,12:00\n"
    )
    assert problems(text) == [("row 3", "a quote opened here is never closed")]


def test_a_quote_left_open_in_the_last_cell_is_an_error() -> None:
    """The last cell of the last row, opened and not closed, is refused too."""
    assert problems('title,date,start,end\r\nA,2015-09-16,09:00,"10:00') == [
        ("row 2", "a quote opened here is never closed")
    ]


def test_closed_quotes_and_quotes_inside_a_cell_are_read() -> None:
    """A closed quoted cell, a doubled quote and a quote mid-cell are text, not an open quote."""
    text = (
        'title,date,start,end\r\n"A, the first",2015-09-16,09:00,10:00\r\n'
        'The 5" screen,2015-09-16,10:00,11:00\r\n"C ""quoted""",2015-09-16,11:00,"12:00"'
    )
    summit, _ = skcsv.loads(text)
    assert [s.title["en"] for s in summit.sessions] == [
        "A, the first",
        'The 5" screen',
        'C "quoted"',
    ]
    assert summit.sessions[2].slot.end == at(12)  # type: ignore[union-attr]


def test_blank_lines_after_the_last_row_are_not_an_open_quote() -> None:
    """Blank lines at the end are skipped, and a quoted cell closed on the last line is read."""
    summit, _ = skcsv.loads('title,date,start,end\r\n"A\r\nB",2015-09-16,09:00,10:00\r\n\r\n\r\n')
    assert [s.title["en"] for s in summit.sessions] == ["A\nB"]


def test_finding_an_unclosed_quote_takes_one_pass_over_many_rows() -> None:
    """Many short rows, the last with a quote left open, are read in linear time."""
    source = (
        "from summitkit.formats import csv\n"
        "from summitkit.exceptions import FormatError\n"
        "text = 'title\\r\\n' + 'A\\r\\n' * 200_000 + '\"' + 'x,\\r\\n' * 2_000\n"
        "try:\n"
        "    csv.loads(text)\n"
        "except FormatError as error:\n"
        "    print(error.problems)\n"
    )
    from bounded import finishes  # noqa: PLC0415  # the tests' own helper

    assert finishes(source) == "(('row 200002', 'a quote opened here is never closed'),)\n"


def test_a_cell_larger_than_the_csv_module_reads_is_an_error_at_its_row() -> None:
    """A cell past the csv module's field limit is an error naming its row, not a csv.Error."""
    [(path, problem)] = problems("title\r\nA\r\n" + "x" * 200_000 + "\r\n")
    assert path == "row 3"
    assert problem.startswith("not readable as CSV: field larger than field limit")


# -- times the clocks skip or repeat ---------------------------------------------


def test_a_time_in_a_dst_gap_is_read_past_it_with_a_note() -> None:
    """02:30 on the night New York's clocks go from 02:00 to 03:00 is read as 03:30."""
    summit, report = skcsv.loads(
        "title,date,start,end\r\nA,2021-03-14,02:30,04:00\r\n", tz="America/New_York"
    )
    slot = summit.sessions[0].slot
    assert slot is not None
    assert slot.start == dt.datetime(2021, 3, 14, 3, 30, tzinfo=NEW_YORK)
    assert slot.end == dt.datetime(2021, 3, 14, 4, 0, tzinfo=NEW_YORK)
    assert notes_at(report) == [
        Note(
            'row 2, column "start"',
            NoteKind.APPROXIMATED,
            "2021-03-14T02:30:00 does not exist in America/New_York: the clocks skip it; "
            "read as 2021-03-14T03:30:00-04:00",
        )
    ]


def test_a_time_the_clocks_show_twice_is_the_earlier_with_a_note() -> None:
    """01:30 on the night New York's clocks go back is read at UTC-04:00, the first of two."""
    summit, report = skcsv.loads(
        "title,date,start,end,timezone\r\nA,2021-11-07,01:30,01:45,America/New_York\r\n",
        tz="Asia/Dubai",
    )
    slot = summit.sessions[0].slot
    assert slot is not None
    assert slot.start == dt.datetime(2021, 11, 7, 5, 30, tzinfo=dt.timezone.utc)
    assert slot.end == dt.datetime(2021, 11, 7, 5, 45, tzinfo=dt.timezone.utc)
    assert [note.path for note in notes_at(report)] == [
        'row 2, column "start"',
        'row 2, column "end"',
    ]
    assert all(note.kind is NoteKind.APPROXIMATED for note in notes_at(report))
    assert notes_at(report)[0].message.endswith("; read as 2021-11-07T01:30:00-04:00")
    assert all("=" not in note.message for note in report)  # no argument csv.loads lacks


# -- an end before the start -----------------------------------------------------


def test_an_end_hours_before_the_start_is_an_error_not_a_day_long_session() -> None:
    """10:00 to 09:00 would last 23 hours as the next day's: an error at the end cell."""
    assert problems(HEADER + "A,2015-09-16,10:00,09:00\r\n") == [
        (
            'row 2, column "end"',
            "end before start: expected a time after the start, 2015-09-16T10:00:00+04:00",
        )
    ]


@pytest.mark.parametrize(
    ("end", "lasts"),
    [
        ("10:59", dt.timedelta(hours=11, minutes=59)),
        ("00:30", dt.timedelta(hours=1, minutes=30)),
        ("23:00", None),  # equal to the start: a day
        ("11:00", None),  # exactly 12 hours
        ("11:01", None),
    ],
)
def test_an_end_before_the_start_is_the_next_day_only_under_twelve_hours(
    end: str, lasts: dt.timedelta | None
) -> None:
    """From 23:00, an end of 10:59 the next day is read; 11:00 or later is an error."""
    text = f"{HEADER}A,2015-09-16,23:00,{end}\r\n"
    if lasts is None:
        assert [path for path, _ in problems(text)] == ['row 2, column "end"']
        return
    summit, report = skcsv.loads(text)
    slot = summit.sessions[0].slot
    assert slot is not None
    assert (slot.start, slot.duration) == (at(23), lasts)
    assert notes_at(report) == [
        Note(
            'row 2, column "end"',
            NoteKind.ASSUMED,
            f"{end!r} is before the start: read as the next day",
        )
    ]


def test_an_end_before_the_start_on_the_last_day_there_is_is_an_error() -> None:
    """On 9999-12-31 there is no next day: an end before the start is an error, not a crash."""
    found = problems("title,date,start,end\r\nA,9999-12-31,10:00,09:00\r\n")
    assert [path for path, _ in found] == ['row 2, column "end"']


def test_an_end_whose_next_day_is_out_of_range_is_an_error_at_the_end() -> None:
    """An end that is out of range on the next day is one problem at the end cell."""
    text = "title,date,start,end,timezone\r\nA,9999-12-30,18:00,17:00,America/New_York\r\n"
    assert problems(text, tz="Asia/Dubai") == [('row 2, column "end"', "'17:00' is out of range")]


def test_a_start_out_of_range_in_the_summits_zone_is_an_error() -> None:
    """A start that exists in its row's zone but not in the summit's is an error at the cell."""
    text = "title,date,start,timezone\r\nA,9999-12-31,18:00,America/New_York\r\n"
    assert problems(text, tz="Asia/Dubai") == [('row 2, column "start"', "'18:00' is out of range")]


def test_a_time_the_model_refuses_is_an_error_at_the_start() -> None:
    """A start past the years a time slot holds is an error at the row's start cell."""
    [(path, problem)] = problems("title,date,start\r\nA,9999-12-30,09:00\r\n")
    assert path == 'row 2, column "start"'
    assert problem.startswith("expected a time in years 2 to 9998")


# -- day= ------------------------------------------------------------------------


def test_day_earlier_than_every_session_is_the_first_day() -> None:
    """day= before the sessions opens the summit on that day."""
    summit, _ = skcsv.loads(HEADER + "A,2015-09-16,09:00,10:00\r\n", day=dt.date(2015, 9, 14))
    assert (summit.first_day, summit.last_day) == (dt.date(2015, 9, 14), DAY)


def test_day_later_than_every_session_does_not_stretch_the_summit() -> None:
    """day= after the sessions leaves the summit's days as the sessions have them."""
    summit, _ = skcsv.loads(HEADER + "A,2015-09-16,09:00,10:00\r\n", day=dt.date(2015, 9, 20))
    assert (summit.first_day, summit.last_day) == (DAY, DAY)


def test_day_is_the_only_day_when_no_session_has_a_time() -> None:
    """Untimed sessions and day= make a summit of that one day."""
    summit, _ = skcsv.loads("title\r\nA\r\n", day=DAY)
    assert (summit.first_day, summit.last_day) == (DAY, DAY)
    assert summit.sessions[0].slot is None


# -- cells -----------------------------------------------------------------------


def test_unreadable_cells_are_problems_at_their_cells() -> None:
    """A bad date, zone, duration, end, language and title are each one problem at its cell."""
    text = (
        "title,date,start,end,duration,timezone,language\r\n"
        "A,16/09/2015,09:00,,,,\r\n"
        "B,2015-09-16,09:00,,,Mars/Base,\r\n"
        "C,2015-09-16,09:00,,ages,,\r\n"
        "D,2015-09-16,09:00,later,,,\r\n"
        "E,2015-09-16,09:00,,,,xx-!!\r\n"
        "F\x07,2015-09-16,09:00,,,,\r\n"
    )
    found = problems(text, tz="Asia/Dubai")
    assert [path for path, _ in found] == [
        'row 2, column "date"',
        'row 3, column "timezone"',
        'row 4, column "duration"',
        'row 5, column "end"',
        'row 6, column "language"',
        'row 7, column "title"',
    ]
    assert found[0][1] == "expected a date such as 2015-09-16, got '16/09/2015'"
    assert "U+0007" in found[5][1]


def test_a_first_timezone_cell_that_is_no_zone_is_an_error() -> None:
    """The zone taken from the first filled timezone cell must be a zone."""
    text = "title,date,start,timezone\r\nA,2015-09-16,09:00,\r\nB,2015-09-16,09:00,Mars/Base\r\n"
    assert [path for path, _ in problems(text)] == ['row 3, column "timezone"']


def test_the_first_filled_timezone_cell_is_the_summits_zone() -> None:
    """An empty timezone cell is passed over for the next row's."""
    text = "title,date,start,timezone\r\nA,2015-09-16,09:00,\r\nB,2015-09-16,09:00,America/New_York\r\n"
    summit, report = skcsv.loads(text)
    assert summit.timezone == NEW_YORK
    assert [s.slot.start for s in summit.sessions] == [  # type: ignore[union-attr]
        dt.datetime(2015, 9, 16, 9, tzinfo=NEW_YORK)
    ] * 2
    assert not [note for note in report if "time zone" in note.message]


def test_an_end_or_duration_without_a_start_is_noted_and_the_session_untimed() -> None:
    """An end with no start cannot be placed: the session is untimed, with a note."""
    summit, report = skcsv.loads("title,start,end\r\nA,,10:00\r\n", day=DAY)
    assert summit.sessions[0].slot is None
    assert notes_at(report) == [
        Note(
            "row 2",
            NoteKind.DROPPED,
            "an end or duration without a start: the session is untimed",
        )
    ]


def test_blank_rows_are_skipped() -> None:
    """A row of empty cells, or an empty line, is not a session."""
    summit, report = skcsv.loads("title,start\r\nA,\r\n,\r\n\r\n ,  \r\nB,\r\n", day=DAY)
    assert [s.title["en"] for s in summit.sessions] == ["A", "B"]
    assert notes_at(report) == []


def test_a_second_column_of_the_same_kind_is_noted_and_not_read() -> None:
    """Two title columns: the first is read, the second noted."""
    summit, report = skcsv.loads("title,name\r\nA,B\r\n", day=DAY)
    assert [s.title["en"] for s in summit.sessions] == ["A"]
    assert notes_at(report) == [
        Note('row 1, column "name"', NoteKind.DROPPED, "a second title column is not read")
    ]


def test_a_url_that_is_no_web_address_is_dropped_with_a_note() -> None:
    """The session is kept without its url."""
    summit, report = skcsv.loads("title,url\r\nA,ftp://example.org/a\r\n", day=DAY)
    assert summit.sessions[0].url is None
    [note] = notes_at(report)
    assert (note.path, note.kind) == ('row 2, column "url"', NoteKind.DROPPED)
    assert note.message.startswith("not kept: expected an absolute http(s) URL")


def test_a_room_name_the_model_refuses_is_an_error_at_the_room() -> None:
    """A room's name with a control character is an error at its cell."""
    [(path, problem)] = problems("title,room\r\nA,Hall\x07\r\n", day=DAY)
    assert path == 'row 2, column "room"'
    assert "U+0007" in problem


# -- speakers --------------------------------------------------------------------


def test_speakers_of_a_break_are_noted_and_not_read() -> None:
    """A break has no speakers: its cell is dropped with a note."""
    summit, report = skcsv.loads("title,kind,speakers\r\nCoffee,break,Amal\r\n", day=DAY)
    assert summit.sessions[0].participants == ()
    assert summit.speakers == ()
    assert notes_at(report) == [
        Note(
            'row 2, column "speakers"',
            NoteKind.DROPPED,
            "a break has no speakers: they are not read",
        )
    ]


def test_a_speaker_listed_twice_in_one_role_is_read_once() -> None:
    """Amal twice as moderator is one participant and a note; as moderator and presenter, two."""
    summit, report = skcsv.loads(
        'title,speakers\r\nA,"Amal (moderator), Amal (moderator), Amal, ""Omar"" (chair)"\r\n',
        day=DAY,
    )
    roles = [(p.speaker, p.role) for p in summit.sessions[0].participants]
    assert roles == [
        ("amal", sk.Role.MODERATOR),
        ("amal", sk.Role.PRESENTER),
        ("omar", sk.Role.CHAIR),
    ]
    assert notes_at(report) == [
        Note(
            'row 2, column "speakers"',
            NoteKind.MERGED,
            "'Amal' is listed twice as moderator: read once",
        )
    ]


def test_empty_items_of_a_speakers_cell_are_skipped() -> None:
    """Empty names, quoted or not, between commas name nobody."""
    summit, _ = skcsv.loads('title,speakers\r\nA,"Amal,,"""", Omar (UAE)"\r\n', day=DAY)
    assert [s.name["en"] for s in summit.speakers] == ["Amal", "Omar (UAE)"]


def test_a_quote_doubled_inside_a_quoted_speaker_name_is_one_quote() -> None:
    """In a quoted name, "" is a quote of the name, as dumps writes it."""
    summit, _ = skcsv.loads('title,speakers\r\nA,"""Al """"Bo"""" D"", Amal"\r\n', day=DAY)
    assert [s.name["en"] for s in summit.speakers] == ['Al "Bo" D', "Amal"]


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ('"""Amal"" (boss)"', "after the quoted name 'Amal', expected a role or a comma"),
        ('"""Amal"" x"', "after the quoted name 'Amal', expected a role or a comma"),
        ('"""Amal"', "a name in double quotes is not closed"),
    ],
)
def test_a_speakers_cell_that_cannot_be_read_is_an_error_at_it(cell: str, problem: str) -> None:
    """A quoted name followed by what is not a role, or never closed, is a problem at the cell."""
    assert problems(f"title,speakers\r\nA,{cell}\r\n", day=DAY) == [
        ('row 2, column "speakers"', problem)
    ]


def test_a_speaker_name_the_model_refuses_is_an_error_at_the_speakers_cell() -> None:
    """A speaker's name with a control character is an error at the speakers cell."""
    [(path, problem)] = problems("title,speakers\r\nA,Amal\x07\r\n", day=DAY)
    assert path == 'row 2, column "speakers"'
    assert "U+0007" in problem


# -- arguments -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "error", "where"),
    [
        ({"mapping": ["title"]}, InvalidTypeError, "csv.loads(mapping)"),
        ({"mapping": {"title": 3}}, InvalidTypeError, "csv.loads(mapping)['title']"),
        ({"mapping": {"colour": "Colour"}}, InvalidValueError, "csv.loads(mapping)"),
        ({"name": {"en": ""}}, InvalidValueError, "csv.loads(name)"),
        ({"day": "2015-09-16"}, InvalidTypeError, "csv.loads(day)"),
    ],
)
def test_wrong_arguments_are_errors_naming_the_argument(
    arguments: dict[str, object], error: type[Exception], where: str
) -> None:
    """Each argument of the wrong type or value is refused, naming it."""
    with pytest.raises(error) as raised:
        skcsv.loads("title\r\nA\r\n", **arguments)  # type: ignore[arg-type]
    assert raised.value.path == where  # type: ignore[attr-defined]


def test_a_name_given_as_localized_text_is_the_summits_name() -> None:
    """name= may be LocalizedText, kept as it is."""
    name = sk.LocalizedText({"en": "GSMS", "ar": "القمة"})
    summit, _ = skcsv.loads("title\r\nA\r\n", day=DAY, name=name)
    assert summit.name == name


def test_sessions_too_far_apart_for_one_summit_are_an_error_at_the_document() -> None:
    """Sessions years apart make days the model refuses: one problem at "$"."""
    [(path, problem)] = problems(
        HEADER + "A,2015-09-16,09:00,10:00\r\nB,2035-09-16,09:00,10:00\r\n"
    )
    assert path == "$"
    assert "expected a summit of at most" in problem


@pytest.mark.parametrize(
    ("arguments", "where"),
    [({"bom": "yes"}, "csv.export(bom)"), ({"columns": "title"}, "csv.export(columns)")],
)
def test_wrong_export_arguments_are_errors_naming_the_argument(
    arguments: dict[str, object], where: str
) -> None:
    """A bom that is not a bool, or columns given as one string, is refused."""
    with pytest.raises(InvalidTypeError) as raised:
        skcsv.export(sk.examples.gsms2015(), **arguments)  # type: ignore[arg-type]
    assert raised.value.path == where
