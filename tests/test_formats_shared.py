"""The pieces every interchange format shares: the reading log, JSON parsing, writing a target."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest

import summitkit as sk
from summitkit.exceptions import FormatError, InvalidTypeError, InvalidValueError
from summitkit.formats import csv as skcsv
from summitkit.formats import frab
from summitkit.formats import json as skjson
from summitkit.formats._reading import MAX_PROBLEMS, Log
from summitkit.formats._report import Note, NoteKind, Report
from summitkit.formats._source import as_text, parse_json, read_source, write_target

GSMS = sk.examples.gsms2015()
TEXT = "قمة\r\nsummit\n"
BYTES = TEXT.encode("utf-8")


# -- write_target --------------------------------------------------------------------


@pytest.mark.parametrize("data", [TEXT, BYTES], ids=["str", "bytes"])
def test_a_path_is_written_whole_as_utf_8_with_its_line_ends(tmp_path: Path, data: object) -> None:
    """A path gets the UTF-8 bytes, CRLF and LF as they are, replacing what was there."""
    target = tmp_path / "out.txt"
    target.write_bytes(b"something longer that was there before")
    write_target(data, target, "dump(target)")  # type: ignore[arg-type]
    assert target.read_bytes() == BYTES


def test_a_str_path_is_a_path(tmp_path: Path) -> None:
    """A str target names a file, as a pathlib.Path does."""
    target = tmp_path / "out.txt"
    write_target(TEXT, str(target), "dump(target)")
    assert target.read_bytes() == BYTES


@pytest.mark.parametrize("data", [TEXT, BYTES], ids=["str", "bytes"])
def test_a_text_file_is_given_text(data: object) -> None:
    """A text file gets str; bytes are decoded as UTF-8 first."""
    file = io.StringIO(newline="")
    write_target(data, file, "dump(target)")  # type: ignore[arg-type]
    assert file.getvalue() == TEXT


@pytest.mark.parametrize("data", [TEXT, BYTES], ids=["str", "bytes"])
def test_a_binary_file_is_given_bytes(data: object) -> None:
    """A binary file gets bytes; str is encoded as UTF-8 first."""
    file = io.BytesIO()
    write_target(data, file, "dump(target)")  # type: ignore[arg-type]
    assert file.getvalue() == BYTES


def test_files_opened_from_disk_are_told_apart(tmp_path: Path) -> None:
    """Files from open() and tempfile's wrappers are written by their mode."""
    with (tmp_path / "b").open("wb") as binary, (tmp_path / "t").open("w", newline="") as text:
        write_target(TEXT, binary, "dump(target)")
        write_target(BYTES, text, "dump(target)")
    with tempfile.TemporaryFile() as spooled:  # mode "w+b", no io class on every platform
        write_target(TEXT, spooled, "dump(target)")
        spooled.seek(0)
        written = spooled.read()
    assert [
        (tmp_path / "b").read_bytes(),
        (tmp_path / "t").read_bytes(),
        written,
    ] == [BYTES, BYTES, BYTES]


def test_an_object_with_write_and_no_mode_is_given_text() -> None:
    """Anything else with a write method is taken for a text file."""
    written: list[object] = []

    class Sink:
        def write(self, data: object) -> None:
            written.append(data)

    write_target(BYTES, Sink(), "dump(target)")
    assert written == [TEXT]


@pytest.mark.parametrize("target", [42, None, ["out.json"], io], ids=repr)
def test_what_is_neither_a_path_nor_a_file_is_refused_naming_where(target: object) -> None:
    """A target with no write method is an InvalidTypeError naming the argument."""
    with pytest.raises(InvalidTypeError, match=r"^csv\.dump\(target\): expected a path or a file"):
        write_target(TEXT, target, "csv.dump(target)")


def test_every_dump_writes_the_same_bytes_to_a_binary_file_as_to_a_path(tmp_path: Path) -> None:
    """json, CSV and frab dumps take a binary file, and write to it what they write to a path."""
    dumps = {
        "json": skjson.dump,
        "csv": skcsv.dump,
        "xml": frab.dump_xml,
        "frab-json": frab.dump_json,
    }
    for name, dump in dumps.items():
        file = io.BytesIO()
        dump(GSMS, file)
        dump(GSMS, tmp_path / name)
        assert (tmp_path / name).read_bytes() == file.getvalue(), name


# -- parse_json ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1, "a": 2}', "$: not a usable JSON document: the key 'a' is given twice"),
        ('{"a": [{"b": 1, "c": 2, "b": 3}]}', "the key 'b' is given twice in one object"),
        ('{"a": ', "$: not valid JSON at line 1, column 7"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_parse_json_refuses_what_would_lose_or_break_a_value(text: str, message: str) -> None:
    """A key given twice, broken JSON and deep nesting are FormatErrors at $."""
    with pytest.raises(FormatError, match=message.replace("$", r"\$").replace("[", r"\[")):
        parse_json(text)


def test_parse_json_keeps_equal_keys_in_different_objects() -> None:
    """The same key in two objects, or a value repeated, is no duplicate."""
    assert parse_json('{"a": {"a": 1}, "b": {"a": 1}}') == {"a": {"a": 1}, "b": {"a": 1}}


# -- Log -----------------------------------------------------------------------------


def read_with_problems(log: Log, count: int, *, catch: bool = False) -> list[int]:
    """Read through *log*, finding *count* problems; return a mark when it reads to the end.

    With *catch*, each problem is found inside ``try: ... except ValueError``,
    as a reader parses a value.
    """
    marks: list[int] = []
    with log.reading():
        for index in range(count):
            try:
                log.problem(f"row {index}", "bad")
            except ValueError:  # noqa: PERF203  # as a reader parses each value
                if not catch:
                    raise
        marks.append(1)
    return marks


def test_one_problem_short_of_the_limit_reads_on_and_lists_them_all() -> None:
    """With MAX_PROBLEMS - 1 problems the reading ends, and all are raised without a stop."""
    log = Log("test")
    with pytest.raises(FormatError) as raised:
        read_with_problems(log, MAX_PROBLEMS - 1)
    assert raised.value.problems == tuple((f"row {i}", "bad") for i in range(MAX_PROBLEMS - 1))


def test_the_limit_stops_the_reading_and_says_so() -> None:
    """The MAX_PROBLEMS-th problem stops the reading: the problems, then a line saying so."""
    log = Log("test")
    with pytest.raises(FormatError) as raised:
        read_with_problems(log, MAX_PROBLEMS + 5)
    problems = raised.value.problems
    assert MAX_PROBLEMS == 100
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1] == ("$", "stopped after 100 problems: the rest was not read")
    assert problems[-2] == ("row 99", "bad")


def test_the_stop_is_not_caught_as_a_value_error() -> None:
    """A reader's except ValueError around a value cannot swallow the stop."""
    log = Log("test")
    with pytest.raises(FormatError) as raised:
        read_with_problems(log, MAX_PROBLEMS + 5, catch=True)
    assert len(raised.value.problems) == MAX_PROBLEMS + 1


def test_a_reading_without_problems_raises_nothing_and_lets_other_errors_through() -> None:
    """No problem, no error; an error of the reader's own passes as it is."""
    log = Log("test")
    with log.reading():
        log.note("$", NoteKind.ASSUMED, "fine")
    with pytest.raises(KeyError), log.reading():
        raise KeyError("x")


def test_counted_notes_keep_the_first_place_and_say_how_many() -> None:
    """note_once keeps one note per key, where it was first met, in order among the others."""
    log = Log("demo")
    log.note_once("room", "row 2", NoteKind.DROPPED, "the room is not kept")
    log.note("row 3", NoteKind.ASSUMED, "an hour long")
    log.note_once("room", "row 4", NoteKind.DROPPED, "the room is not kept")
    log.note_once("track", "row 5", NoteKind.DROPPED, "the track is not kept")
    log.note_once("room", "row 6", NoteKind.DROPPED, "the room is not kept")
    expected = (
        Note("row 2", NoteKind.DROPPED, "the room is not kept (3 places; this is the first)"),
        Note("row 3", NoteKind.ASSUMED, "an hour long"),
        Note("row 5", NoteKind.DROPPED, "the track is not kept"),
    )
    assert expected == log.notes()
    report = log.report()
    assert ("demo", expected) == (report.format, report.notes)


# -- the indent of a JSON writer -----------------------------------------------------


@pytest.mark.parametrize("indent", [None, 0, 16])
def test_json_writers_take_no_indent_or_0_to_16_spaces(indent: int | None) -> None:
    """The canonical JSON and frab JSON writers take the same indents, 0 and 16 included."""
    assert skjson.loads(skjson.dumps(GSMS, indent=indent)) == GSMS
    assert frab.dumps_json(GSMS, indent=indent).startswith("{")


@pytest.mark.parametrize(
    ("indent", "error", "message"),
    [
        (-1, InvalidValueError, "expected 0 to 16 spaces, got -1"),
        (17, InvalidValueError, "expected 0 to 16 spaces, got 17"),
        (True, InvalidTypeError, "expected a whole number of spaces, got bool True"),
        (2.0, InvalidTypeError, "expected a whole number of spaces, got float 2.0"),
    ],
)
def test_json_writers_refuse_other_indents_naming_the_argument(
    indent: object, error: type[Exception], message: str
) -> None:
    """An indent out of range or not a whole number is refused, with the function's name."""
    with pytest.raises(error, match=rf"^dumps\(indent\): {message}"):
        skjson.dumps(GSMS, indent=indent)  # type: ignore[arg-type]
    with pytest.raises(error, match=rf"^dumps_json\(indent\): {message}"):
        frab.dumps_json(GSMS, indent=indent)  # type: ignore[arg-type]


# -- read_source and as_text -----------------------------------------------------------


def test_a_source_is_a_path_a_file_or_bytes(tmp_path: Path) -> None:
    """Every kind of source gives the same document; a str is a path, never the text."""
    path = tmp_path / "in.txt"
    path.write_bytes(BYTES)
    with path.open("rb") as binary, path.open(encoding="utf-8", newline="") as text:
        read = [
            read_source(path, "load(source)"),
            read_source(str(path), "load(source)"),
            read_source(binary, "load(source)"),
            read_source(text, "load(source)"),
            read_source(BYTES, "load(source)"),
            read_source(bytearray(BYTES), "load(source)"),
        ]
    assert [as_text(data) for data in read] == [TEXT] * 6


def test_a_source_that_is_none_of_these_names_the_argument() -> None:
    """A number is neither a path, a file nor bytes."""
    with pytest.raises(InvalidTypeError) as raised:
        read_source(42, "frab.load(source)")  # type: ignore[arg-type]
    assert (
        str(raised.value) == "frab.load(source): expected a path, an open file or bytes, got int 42"
    )


@pytest.mark.parametrize("size", [10, 11])
def test_a_document_over_the_limit_is_refused_before_it_is_read_whole(size: int) -> None:
    """At the limit it is read; one byte more is a FormatError, from a file read no further."""
    source = io.BytesIO(b"x" * size + b"never read")
    if size == 10:
        assert read_source(io.BytesIO(b"x" * size), "load(source)", max_bytes=10) == b"x" * 10
        return
    with pytest.raises(FormatError) as raised:
        read_source(source, "load(source)", max_bytes=10)
    assert raised.value.problems == (
        ("$", "the document is larger than 10 bytes, the most this reader takes"),
    )
    assert source.tell() == 11  # the limit and one byte, to know it was passed


def test_text_is_utf_8_without_a_byte_order_mark() -> None:
    """One BOM is skipped; bytes that are not UTF-8 and values that are not text are refused."""
    assert as_text(b"\xef\xbb\xbfsummit") == "summit"
    assert as_text(memoryview(b"summit")) == "summit"
    with pytest.raises(FormatError) as raised:
        as_text(b"caf\xe9")
    assert raised.value.problems[0][1].startswith("expected UTF-8 text: ")
    with pytest.raises(FormatError) as raised:
        as_text(["not", "text"])
    assert raised.value.problems == (("$", "expected text or bytes, got list ['not', 'text']"),)
    with pytest.raises(FormatError):
        as_text("x" * 11, max_bytes=10)


# -- the report ------------------------------------------------------------------------


def test_a_report_counts_its_notes_and_shows_only_counts() -> None:
    """len, bool, iteration, counts by kind; the repr is a summary, however many notes."""
    notes = [
        Note("$.a", "dropped", "x"),
        Note("$.b", NoteKind.ASSUMED, "y"),
        Note("$.c", "dropped", "z"),
    ]
    report = Report("frab", notes)
    assert (len(report), bool(report), list(report)) == (3, True, notes)
    assert (report.count("dropped"), report.count(NoteKind.MERGED)) == (2, 0)
    assert report.of_kind("assumed") == (notes[1],)
    assert repr(report) == "<Report frab: 2 dropped, 1 assumed>"
    assert str(notes[0]) == "$.a: dropped: x"
    empty = Report("csv")
    assert (bool(empty), empty.summary()) == (False, "csv: everything carried over")


def test_a_note_of_no_known_kind_is_refused() -> None:
    """A kind is one of NoteKind's values; anything else names the field."""
    with pytest.raises(InvalidTypeError) as raised:
        Note("$", "lost", "x")
    assert str(raised.value) == "Note.kind: expected a NoteKind or its value, got str 'lost'"
    with pytest.raises(InvalidTypeError):
        Report("frab", ["not a note"])  # type: ignore[list-item]


# -- the package -----------------------------------------------------------------------


def test_format_modules_are_there_on_first_use() -> None:
    """summitkit.formats.frab works without importing it; an unknown name is an AttributeError."""
    assert "ical" in dir(sk.formats)
    assert sk.formats.jsonld.dumps(GSMS).startswith("{")
    with pytest.raises(AttributeError, match="has no attribute 'pdf'"):
        _ = sk.formats.pdf  # type: ignore[attr-defined]
