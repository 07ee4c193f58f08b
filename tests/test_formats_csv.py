"""summitkit.formats.csv: the programme as a spreadsheet, written and read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import summitkit as sk
from summitkit.exceptions import FormatError, InvalidTypeError, InvalidValueError
from summitkit.formats import csv as skcsv
from summitkit.formats._csv_cells import neutralise, restore
from summitkit.formats._report import NoteKind
from summitkit.strategies import summits

DUBAI = ZoneInfo("Asia/Dubai")
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def rows(text: str) -> list[dict[str, str]]:
    """The data rows of CSV *text*, by header, read with the standard library alone."""
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def a_summit(*sessions: sk.Session, speakers: tuple[sk.Speaker, ...] = ()) -> sk.Summit:
    """A one-day summit in Dubai with *sessions* and *speakers*, and a room and a track."""
    return sk.Summit(
        id="s",
        name={"en": "S"},
        first_day=dt.date(2015, 9, 16),
        rooms=[sk.Room(id="hall", name={"en": "Hall A", "ar": "القاعة أ"})],
        tracks=[sk.Track(id="t", title={"en": "Government"})],
        speakers=speakers,
        sessions=sessions,
    )


def at(hour: int, minute: int = 0, zone: ZoneInfo = DUBAI) -> dt.datetime:
    """16 September 2015 at *hour*:*minute* in *zone*."""
    return dt.datetime(2015, 9, 16, hour, minute, tzinfo=zone)


# -- writing -------------------------------------------------------------------------


def test_the_header_and_a_row_are_the_documented_columns() -> None:
    """The first row names every column; a timed session fills the times in the summit's zone."""
    talk = sk.Talk(
        id="t1", title={"en": "Opening"}, slot=sk.TimeSlot(at(9, 15), at(10)), room="hall"
    )
    text = skcsv.dumps(a_summit(talk))
    assert text.splitlines()[0].split(",") == list(skcsv.COLUMNS)
    (row,) = rows(text)
    assert row == {
        "id": "t1",
        "kind": "talk",
        "title": "Opening",
        "date": "2015-09-16",
        "start": "2015-09-16T09:15+04:00",
        "end": "2015-09-16T10:00+04:00",
        "duration": "45m",
        "timezone": "Asia/Dubai",
        "room": "Hall A",
        "track": "",
        "speakers": "",
        "status": "scheduled",
        "language": "",
        "estimated": "",
        "url": "",
    }


def test_rows_end_with_crlf_and_cells_are_quoted_as_rfc_4180_says() -> None:
    """Every row ends in CRLF; a cell with a comma, quote or line break is quoted."""
    talk = sk.Talk(id="t1", title={"en": 'Say "hi",\nthen go'})
    text = skcsv.dumps(a_summit(talk))
    assert text.endswith("\r\n")
    assert 'Say ""hi"",\nthen go' in text
    assert [line for line in text.split("\r\n") if line][1].startswith('t1,talk,"Say')


def test_untimed_sessions_have_a_row_with_empty_times_after_the_timed_ones() -> None:
    """An untimed session is written last, with its time cells empty."""
    untimed = sk.Talk(id="later", title={"en": "To be scheduled"})
    timed = sk.Talk(id="first", title={"en": "First"}, slot=sk.TimeSlot(at(9), at(10)))
    written = rows(skcsv.dumps(a_summit(untimed, timed)))
    assert [row["id"] for row in written] == ["first", "later"]
    assert [written[1][c] for c in ("date", "start", "end", "duration", "estimated")] == [
        "",
        "",
        "",
        "",
        "",
    ]


def test_an_attendee_zone_adds_two_columns_after_the_summits_zone() -> None:
    """tz= adds start and end in the attendee's zone, beside those in the summit's."""
    talk = sk.Talk(id="t1", title={"en": "Opening"}, slot=sk.TimeSlot(at(9, 15), at(10)))
    text = skcsv.dumps(a_summit(talk), tz="America/New_York")
    header = text.splitlines()[0].split(",")
    assert header[7:11] == [
        "timezone",
        "start (America/New_York)",
        "end (America/New_York)",
        "room",
    ]
    (row,) = rows(text)
    assert row["start (America/New_York)"] == "2015-09-16T01:15-04:00"
    assert row["end (America/New_York)"] == "2015-09-16T02:00-04:00"


def test_times_west_of_utc_are_not_taken_for_formulas() -> None:
    """A negative offset sits inside an instant that starts with a digit: no quote is added."""
    summit = attrs.evolve(
        a_summit(
            sk.Talk(
                id="t",
                title={"en": "T"},
                slot=sk.TimeSlot(at(9, zone=NEW_YORK), at(10, zone=NEW_YORK)),
            )
        ),
        timezone=NEW_YORK,
    )
    (row,) = rows(skcsv.dumps(summit))
    assert row["start"] == "2015-09-16T09:00-04:00"


@pytest.mark.parametrize(
    "title",
    ["=1+2", "+1", "-1+2", "@SUM(A1)", "\tx", '=HYPERLINK("http://x")', "'=1", "'"],
)
def test_cells_that_start_as_formulas_are_written_with_a_quote_and_read_back(title: str) -> None:
    """Every dangerous first character (and a quote) gets a ' in front, and loads takes it off."""
    talk = sk.Talk(id="t", title={"en": title})
    text = skcsv.dumps(a_summit(talk))
    (row,) = rows(text)
    assert row["title"] == "'" + talk.title["en"]
    read, _ = skcsv.loads(text, day=dt.date(2015, 9, 16))
    assert read.sessions[0].title["en"] == talk.title["en"].strip()


def test_the_guarded_characters_are_owasps() -> None:
    """=, +, -, @, tab and carriage return (which the model's text never starts with) are guarded."""
    assert frozenset("=+-@\t\r") == skcsv.FORMULA_STARTS
    assert [neutralise(cell) for cell in ("\rx", "\tx", "x=1")] == ["'\rx", "'\tx", "x=1"]
    assert [restore(cell) for cell in ("'\rx", "'\tx", "x=1")] == ["\rx", "\tx", "x=1"]


def test_a_quote_that_guards_nothing_is_kept_as_typed() -> None:
    """A title a person typed as 'Tis (a quote before a letter) is read as it stands."""
    read, _ = skcsv.loads("title\r\n'Tis the season\r\n", day=dt.date(2015, 9, 16))
    assert read.sessions[0].title["en"] == "'Tis the season"


def test_names_of_rooms_tracks_and_speakers_are_guarded_too() -> None:
    """The guard covers every cell, not only titles."""
    summit = sk.Summit(
        id="s",
        name={"en": "S"},
        first_day=dt.date(2015, 9, 16),
        rooms=[sk.Room(id="r", name={"en": "=Room"})],
        tracks=[sk.Track(id="t", title={"en": "@Track"})],
        speakers=[sk.Speaker(id="p", name={"en": "-Person"})],
        sessions=[
            sk.Talk(
                id="x", title={"en": "X"}, room="r", track="t", participants=[sk.Participant("p")]
            )
        ],
    )
    (row,) = rows(skcsv.dumps(summit))
    assert (row["room"], row["track"], row["speakers"]) == ("'=Room", "'@Track", "'-Person")


def test_the_byte_order_mark_is_written_only_when_asked() -> None:
    """bom=True starts the text with U+FEFF; loads skips it."""
    summit = a_summit(sk.Talk(id="t", title={"ar": "الجلسة الافتتاحية"}))
    assert not skcsv.dumps(summit).startswith("\ufeff")
    text = skcsv.dumps(summit, bom=True, lang="ar")
    assert text.startswith("\ufeffid,")
    read, _ = skcsv.loads(text.encode("utf-8"), lang="ar", day=dt.date(2015, 9, 16))
    assert read.sessions[0].title["ar"] == "الجلسة الافتتاحية"


def test_arabic_is_written_as_utf_8_in_the_language_asked_for() -> None:
    """lang="ar" writes the Arabic names; the file is UTF-8 bytes when dumped to a path."""
    talk = sk.Talk(id="t", title={"en": "Opening", "ar": "الافتتاح"}, room="hall")
    summit = a_summit(talk)
    (row,) = rows(skcsv.dumps(summit, lang="ar"))
    assert (row["title"], row["room"]) == ("الافتتاح", "القاعة أ")
    (row,) = rows(skcsv.dumps(summit, lang="fr"))
    assert (row["title"], row["room"]) == ("Opening", "Hall A")


def test_dump_writes_the_same_bytes_to_a_path_and_to_a_file(tmp_path: Path) -> None:
    """A path gets the UTF-8 bytes with CRLF untouched; an open file gets the text."""
    summit = sk.examples.gsms2015()
    skcsv.dump(summit, tmp_path / "p.csv", bom=True)
    assert (tmp_path / "p.csv").read_bytes() == skcsv.dumps(summit, bom=True).encode("utf-8")
    buffer = io.StringIO()
    skcsv.dump(summit, buffer)
    assert buffer.getvalue() == skcsv.dumps(summit)
    with pytest.raises(InvalidTypeError, match=r"csv.dump\(target\)"):
        skcsv.dump(summit, 3)  # type: ignore[arg-type]


def test_columns_choose_and_order_what_is_written() -> None:
    """columns= writes those columns in that order, and reports the others as left out."""
    talk = sk.Talk(id="t1", title={"en": "Opening"}, slot=sk.TimeSlot(at(9), at(10)))
    exported = skcsv.export(a_summit(talk), columns=["title", "start"])
    assert exported.data == "title,start\r\nOpening,2015-09-16T09:00+04:00\r\n"
    assert any("columns not written: id, kind" in note.message for note in exported.report)
    with pytest.raises(InvalidValueError, match=r"got 'start \(UTC\)'"):
        skcsv.dumps(a_summit(talk), columns=["start (UTC)"])
    with pytest.raises(InvalidValueError, match="given twice"):
        skcsv.dumps(a_summit(talk), columns=["title", "title"])


def test_speakers_are_written_with_the_roles_that_are_not_the_kinds_own() -> None:
    """A panel's panelists and a talk's presenters have no role written; others do."""
    people = (
        sk.Speaker(id="m", name={"en": "Amal"}),
        sk.Speaker(id="p", name={"en": "Al Dhaheri, Saeed"}),
        sk.Speaker(id="q", name={"en": "Omar (UAE)"}),
    )
    panel = sk.Panel(
        id="p1",
        title={"en": "Panel"},
        participants=[
            sk.Participant("m", role=sk.Role.MODERATOR),
            sk.Participant("p", role=sk.Role.PANELIST),
            sk.Participant("q", role=sk.Role.PANELIST),
        ],
    )
    talk = sk.Talk(
        id="t1",
        title={"en": "Talk"},
        participants=[sk.Participant("q"), sk.Participant("m", role=sk.Role.AUTHOR)],
    )
    written = rows(skcsv.dumps(a_summit(panel, talk, speakers=people)))
    assert [row["speakers"] for row in written] == [
        'Amal (moderator), "Al Dhaheri, Saeed", "Omar (UAE)"',
        '"Omar (UAE)", Amal (author)',
    ]


def test_the_report_names_what_a_row_has_no_column_for() -> None:
    """An abstract, tags, other languages and a non-default blocking flag are reported."""
    speaker = sk.Speaker(id="p", name={"en": "P"}, bio={"en": "Bio"})
    talk = sk.Talk(
        id="t",
        title={"en": "T", "ar": "ت"},
        abstract={"en": "About"},
        tags=["x"],
        participants=[sk.Participant("p", role=sk.Role.AUTHOR, blocking=True)],
    )
    report = skcsv.export(a_summit(talk, speakers=(speaker,))).report
    paths = {note.path: note.kind for note in report}
    assert NoteKind.DROPPED is paths["sessions[0].abstract"]
    assert NoteKind.DROPPED is paths["sessions[0].tags"]
    assert NoteKind.APPROXIMATED is paths["sessions[0].title"]
    assert NoteKind.DROPPED is paths["sessions[0].participants[0].blocking"]
    assert NoteKind.DROPPED is paths["speakers[0].bio"]
    assert NoteKind.APPROXIMATED is paths["rooms[0].name"]
    assert NoteKind.DROPPED is paths["first_day"]
    assert "sessions[0].room" not in paths


# -- reading -------------------------------------------------------------------------


SPREADSHEET = (
    "Session name,Day,Begins,Ends,Where,Speakers,Track,Type\r\n"
    'Opening panel,2015-09-16,9:15 am,10:15 am,Hall A,"Amal (moderator), Omar",Gov,panel\r\n'
    "Lunch,2015-09-16,13:00,13:45,,,,break\r\n"
    "Night talk,2015-09-16,23:30,00:30,Hall A,Omar,Gov,Fireside chat\r\n"
)


def test_a_spreadsheet_is_read_by_a_mapping_and_the_headers_it_knows() -> None:
    """Headers are matched by the mapping, or by the names loads knows, in any case."""
    summit, report = skcsv.loads(
        SPREADSHEET,
        mapping={"title": "session name", "end": "Ends", "duration": None},
        tz="Asia/Dubai",
        summit_id="gsms",
        name="GSMS",
    )
    opening, lunch, night = summit.sessions
    assert isinstance(opening, sk.Panel)
    assert opening.slot == sk.TimeSlot(at(9, 15), at(10, 15))
    assert tuple(summit.speaker(s).name["en"] for s in opening.speakers) == ("Amal", "Omar")
    assert summit.speaker(opening.moderator or "").name["en"] == "Amal"
    assert summit.room(opening.room or "").name["en"] == "Hall A"
    assert summit.track(opening.track or "").title["en"] == "Gov"
    assert isinstance(lunch, sk.Break)
    assert isinstance(night, sk.Talk)
    assert night.label == "Fireside chat"
    assert night.slot.end == dt.datetime(2015, 9, 17, 0, 30, tzinfo=DUBAI)  # type: ignore[union-attr]
    notes = {(note.path, note.kind) for note in report}
    assert ('row 4, column "Ends"', NoteKind.ASSUMED) in notes  # 00:30 is the next day
    assert ('row 4, column "Type"', NoteKind.APPROXIMATED) in notes
    assert ('row 3, column "Ends"', NoteKind.ASSUMED) not in notes


def test_every_column_has_headers_it_is_known_by() -> None:
    """HEADERS names each column's own name among the headers read for it."""
    assert list(skcsv.HEADERS) == list(skcsv.COLUMNS)
    assert all(column in skcsv.HEADERS[column] for column in skcsv.COLUMNS)


def test_a_duration_gives_the_end_when_there_is_none() -> None:
    """duration is read with parse_duration when no end is given."""
    summit, _ = skcsv.loads("title,start,duration\r\nT,2015-09-16T09:00,1h30\r\n")
    assert summit.sessions[0].slot.end == at(10, 30)  # type: ignore[union-attr]


def test_a_start_alone_lasts_the_assumed_length_and_says_so() -> None:
    """No end and no duration: ASSUMED_LENGTH, an estimated end and a note."""
    summit, report = skcsv.loads("title,start\r\nT,2015-09-16T09:00\r\n")
    slot = summit.sessions[0].slot
    assert slot is not None
    assert (slot.end, slot.end_estimated) == (at(9, 5), True)
    assert any(n.kind is NoteKind.ASSUMED and n.path == 'row 2, column "start"' for n in report)


def test_a_rows_zone_reads_its_times_and_the_summits_shows_them() -> None:
    """A row's timezone cell says where its times are; they are shown in the summit's zone."""
    text = "title,start,end,timezone\r\nA,2015-09-16T09:00,2015-09-16T10:00,Asia/Dubai\r\nB,2015-09-16T09:00,2015-09-16T10:00,Europe/London\r\n"
    summit, _ = skcsv.loads(text)
    assert summit.timezone == DUBAI
    assert summit.sessions[1].slot.start == at(12)  # type: ignore[union-attr]
    assert summit.sessions[1].slot.start.tzinfo.key == "Asia/Dubai"  # type: ignore[union-attr]


def test_no_zone_at_all_is_dubai_with_a_note() -> None:
    """Without tz= or a timezone column the times are read in Asia/Dubai, and the report says so."""
    _, report = skcsv.loads("title,start\r\nT,2015-09-16T09:00\r\n")
    assert any(note.path == "$" and "Asia/Dubai" in note.message for note in report)


def test_semicolons_separate_cells_when_the_header_has_no_comma() -> None:
    """A spreadsheet saved with ; (as in much of Europe) is read too."""
    summit, _ = skcsv.loads("title;start;end\r\nT;2015-09-16T09:00;2015-09-16T10:00\r\n")
    assert summit.sessions[0].slot == sk.TimeSlot(at(9), at(10))


def test_unknown_columns_and_extra_cells_are_reported_not_read() -> None:
    """A column loads does not know, and cells past the last header, are notes."""
    summit, report = skcsv.loads("title,Abstract\r\nT,About,extra\r\n", day=dt.date(2015, 9, 16))
    assert summit.sessions[0].title["en"] == "T"
    paths = {note.path for note in report}
    assert {'row 1, column "Abstract"', "row 2"} <= paths


def test_ids_are_kept_when_usable_and_made_when_not() -> None:
    """A usable, unique id is kept; a repeated or unusable one is renamed with a note."""
    text = "id,title\r\nx,A\r\nx,B\r\nhas space,C\r\n,Dee\r\n"
    summit, report = skcsv.loads(text, day=dt.date(2015, 9, 16))
    assert [s.id for s in summit.sessions] == ["x", "x-2", "has-space", "dee"]
    assert report.count(NoteKind.RENAMED) == 2


def test_errors_name_the_row_and_column_and_are_all_collected() -> None:
    """Every unreadable cell is a problem at 'row N, column "header"', reported together."""
    text = (
        "title,start,end,status,estimated\r\n"
        "A,9:15,10:00,scheduled,\r\n"
        "B,2015-09-16T09:00,2015-09-16T08:00,,\r\n"
        ",2015-09-16T09:00,,,\r\n"
        "D,2015-09-16T09:00,,maybe,sometimes\r\n"
        "E,2015-09-16T25:00,,,\r\n"
    )
    with pytest.raises(FormatError) as raised:
        skcsv.loads(text)
    paths = [path for path, _ in raised.value.problems]
    assert paths == [
        'row 2, column "start"',
        'row 3, column "end"',
        'row 4, column "title"',
        'row 5, column "estimated"',
        'row 5, column "status"',
        'row 6, column "start"',
    ]
    assert "has no date" in raised.value.problems[0][1]


def test_a_document_without_a_title_column_or_rows_is_refused() -> None:
    """No title column, or no header at all, is a FormatError at row 1."""
    with pytest.raises(FormatError, match="row 1: expected a title column"):
        skcsv.loads("start\r\n2015-09-16T09:00\r\n")
    with pytest.raises(FormatError, match="row 1: expected a header row"):
        skcsv.loads("")
    with pytest.raises(FormatError, match="no session has a date"):
        skcsv.loads("title\r\nT\r\n")


def test_a_mapping_must_name_known_columns_and_existing_headers() -> None:
    """An unknown column is an argument error; a header the file lacks is a problem at row 1."""
    with pytest.raises(InvalidValueError, match="got 'abstract'"):
        skcsv.loads("title\r\nT\r\n", mapping={"abstract": "Abstract"})
    with pytest.raises(FormatError, match="the mapping names column 'Begins'"):
        skcsv.loads("title\r\nT\r\n", mapping={"start": "Begins"}, day=dt.date(2015, 9, 16))


def test_a_speakers_cell_that_cannot_be_read_is_a_problem() -> None:
    """An unclosed quote in the speakers cell is reported at its cell."""
    with pytest.raises(FormatError, match='row 2, column "speakers": a name in double quotes'):
        skcsv.loads('title,speakers\r\nT,"""Amal"\r\n', day=dt.date(2015, 9, 16))


def test_a_panel_whose_moderator_is_a_panelist_is_a_problem_at_its_speakers() -> None:
    """The model's refusal is reported at the speakers cell of the row."""
    with pytest.raises(FormatError, match='row 2, column "speakers"'):
        skcsv.loads(
            'title,kind,speakers\r\nP,panel,"A (moderator), A"\r\n', day=dt.date(2015, 9, 16)
        )


def test_bad_arguments_are_refused_before_reading() -> None:
    """A wrong day, summit id or zone is an argument error, not a FormatError."""
    with pytest.raises(InvalidTypeError, match=r"csv.loads\(day\)"):
        skcsv.loads("title\r\nT\r\n", day="2015-09-16")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"csv.loads\(summit_id\)"):
        skcsv.loads("title\r\nT\r\n", summit_id="has space")
    with pytest.raises(sk.exceptions.UnknownTimeZoneError):
        skcsv.loads("title\r\nT\r\n", tz="Mars/Olympus")


def test_load_reads_a_path_a_file_and_bytes(tmp_path: Path) -> None:
    """load takes what every reader takes."""
    text = skcsv.dumps(sk.examples.gsms2015())
    (tmp_path / "p.csv").write_bytes(text.encode("utf-8"))
    by_path, _ = skcsv.load(tmp_path / "p.csv")
    by_bytes, _ = skcsv.load(text.encode("utf-8"))
    by_file, _ = skcsv.load(io.StringIO(text))
    assert by_path == by_bytes == by_file


def test_many_rows_named_alike_read_in_linear_time() -> None:
    """Thousands of speakers whose names make one id are numbered without a quadratic search."""
    source = (
        "import datetime as dt\n"
        "from summitkit.formats import csv\n"
        "import itertools\n"
        "marks = (''.join(p) for n in range(1, 7) for p in itertools.product('!?#%&', repeat=n))\n"
        "names = ', '.join(itertools.islice(marks, 10000))\n"
        "rows = ''.join(f'T{i},\"{names}\"\\r\\n' for i in range(2))\n"
        "summit, _ = csv.loads('title,speakers\\r\\n' + rows, day=dt.date(2015, 9, 16))\n"
        "print(len(summit.speakers))\n"
    )
    from bounded import finishes  # noqa: PLC0415  # the tests' own helper

    assert finishes(source) == "10000\n"


# -- round trip ----------------------------------------------------------------------


def carried(summit: sk.Summit, lang: str) -> Counter[tuple[object, ...]]:
    """What one CSV row carries of each session, worked out from the model directly."""
    out: Counter[tuple[object, ...]] = Counter()
    for session in summit.sessions:
        panel = isinstance(session, sk.Panel)
        people: list[tuple[str, str]] = []
        for participant in session.participants:
            pair = (
                summit.speaker(participant.speaker).name.lookup(lang).strip(),
                participant.role.value,
            )
            if pair not in people:
                people.append(pair)
        slot = None
        if session.slot is not None:
            slot = (
                session.slot.start.astimezone(dt.timezone.utc),
                session.slot.end.astimezone(dt.timezone.utc),
                session.slot.start_estimated,
                session.slot.end_estimated,
            )
        out[
            (
                session.id,
                type(session).__name__,
                session.title.lookup(lang).strip(),
                slot,
                None
                if session.room is None
                else summit.room(session.room).name.lookup(lang).strip(),
                None
                if session.track is None
                else summit.track(session.track).title.lookup(lang).strip(),
                tuple(people),
                session.status.value,
                session.language,
                session.url,
                panel,
            )
        ] += 1
    return out


def distinct_speaker_names(summit: sk.Summit) -> sk.Summit:
    """*summit* with each speaker's names made distinct: a CSV knows a speaker by name alone."""
    speakers = [
        attrs.evolve(
            s, name=sk.LocalizedText({tag: f"{text.strip()} {i}" for tag, text in s.name.items()})
        )
        for i, s in enumerate(summit.speakers)
    ]
    return attrs.evolve(summit, speakers=speakers)


@given(summit=summits().map(distinct_speaker_names), lang=st.sampled_from(["en", "ar"]))
@example(summit=distinct_speaker_names(sk.examples.gsms2015()), lang="ar")
def test_what_a_row_carries_round_trips(summit: sk.Summit, lang: str) -> None:
    """loads(dumps(summit)) has the same titles, slots, rooms, tracks, speakers and flags."""
    text = skcsv.dumps(summit, lang=lang, tz="America/New_York")
    read, _ = skcsv.loads(text, lang=lang, day=summit.first_day)
    assert carried(read, lang) == carried(summit, lang)
    if summit.sessions:
        assert read.timezone == summit.timezone


def test_the_csv_module_imports_the_standard_librarys_csv() -> None:
    """summitkit.formats.csv is not mistaken for the standard library's module, nor the reverse."""
    code = "import csv, summitkit.formats.csv as c; print(csv.__name__, c.__name__, hasattr(csv, 'writer'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "csv summitkit.formats.csv True\n"


# -- boundaries ----------------------------------------------------------------------


def test_a_duration_a_minute_off_the_end_is_noted_and_a_second_off_is_not() -> None:
    """The end wins over a duration; a difference of a minute or more is worth a note."""
    text = "title,start,end,duration\r\nA,2015-09-16T09:00,2015-09-16T10:00,61m\r\nB,2015-09-16T09:00,2015-09-16T10:00,PT3599S\r\n"
    summit, report = skcsv.loads(text)
    assert [s.slot for s in summit.sessions] == [sk.TimeSlot(at(9), at(10))] * 2
    assert [n.path for n in report if n.kind is NoteKind.DROPPED] == ['row 2, column "duration"']


def test_an_end_equal_to_the_start_is_a_problem_as_a_time_and_as_an_instant() -> None:
    """09:00 to 09:00 would run a day, and the same instant twice is no session: errors."""
    with pytest.raises(FormatError, match='row 2, column "end": end before start'):
        skcsv.loads("title,date,start,end\r\nA,2015-09-16,09:00,09:00\r\n")
    with pytest.raises(FormatError, match='row 2, column "end": end before start'):
        skcsv.loads("title,start,end\r\nA,2015-09-16T09:00,2015-09-16T09:00\r\n")


def test_durations_are_written_in_minutes_from_one_minute_and_in_seconds_below() -> None:
    """A whole number of minutes, from one, is written as minutes; anything else in seconds."""
    lengths = [
        dt.timedelta(seconds=59),
        dt.timedelta(seconds=60),
        dt.timedelta(seconds=61),
        dt.timedelta(hours=1),
    ]
    talks = [
        sk.Talk(id=f"t{i}", title={"en": "T"}, slot=sk.TimeSlot.starting(at(9 + i), length))
        for i, length in enumerate(lengths)
    ]
    written = rows(skcsv.dumps(a_summit(*talks)))
    assert [row["duration"] for row in written] == ["PT59S", "1m", "PT61S", "1h"]


def test_a_full_row_has_no_note_and_one_cell_more_has_one() -> None:
    """Cells up to the last header are read; only cells past it are noted."""
    _, report = skcsv.loads(
        "title,room\r\nA,Hall\r\nB,Hall,\r\nC,Hall,x\r\n", day=dt.date(2015, 9, 16)
    )
    assert [n.path for n in report if n.path.startswith("row") and "beyond" in n.message] == [
        "row 4"
    ]


def test_a_role_alone_in_brackets_is_a_name() -> None:
    """ "(moderator)" with nothing before it names a person, not a role."""
    summit, _ = skcsv.loads("title,speakers\r\nA,(moderator)\r\n", day=dt.date(2015, 9, 16))
    assert [s.name["en"] for s in summit.speakers] == ["(moderator)"]


def test_what_every_speaker_loses_alike_is_one_note_with_a_count() -> None:
    """Positions left out of 21 speakers are one note at the first, not 21 notes."""
    summit = sk.examples.gsms2015()
    with_position = [i for i, s in enumerate(summit.speakers) if s.position is not None]
    notes = [n for n in skcsv.export(summit).report if n.path.endswith(".position")]
    assert len(notes) == 1
    assert notes[0].path == f"speakers[{with_position[0]}].position"
    assert notes[0].message == (
        f"position is not written in CSV ({len(with_position)} places; this is the first)"
    )
