"""Tests for the command line's export, convert and import commands."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import summitkit as sk
from summitkit import _interchange
from summitkit.cli import main
from summitkit.formats import json as skjson


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_to_json_writes_the_canonical_document(capsys: pytest.CaptureFixture[str]) -> None:
    """With no FILE the example is written; JSON carries everything, so nothing is reported."""
    code, out, err = run(capsys, "export", "--to", "json")
    assert (code, err) == (0, "")
    assert sk.examples.gsms2015() == skjson.loads(out)


def test_export_tells_the_format_from_the_output_file(tmp_path: Path) -> None:
    """``-o x.json`` writes summitkit's JSON to the file, and nothing to standard output."""
    target = tmp_path / "x.json"
    assert main(["export", "-o", str(target)]) == 0
    assert sk.examples.gsms2015() == skjson.loads(target.read_bytes())


def test_export_needs_a_format_it_can_tell(capsys: pytest.CaptureFixture[str]) -> None:
    """Standard output has no extension: the format must be named."""
    code, out, err = run(capsys, "export")
    assert (code, out) == (2, "")
    assert err.startswith("summitkit: error: cannot tell which format to write standard output in")


def test_an_unknown_format_is_named_with_the_ones_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The message lists every format that can be written."""
    code, _, err = run(capsys, "export", "--to", "pdf")
    assert code == 2
    assert err == (
        "summitkit: error: --to 'pdf': expected a format summitkit writes: "
        "json, ical, frab-xml, frab-json, jsonld, csv\n"
    )


def test_a_format_that_is_only_written_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """iCalendar is written, never read: ``--from ical`` says which formats are read."""
    source = tmp_path / "x.ics"
    source.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(source), "--from", "ical")
    assert code == 2
    assert err == (
        "summitkit: error: --from 'ical': expected a format summitkit reads: "
        "json, frab-xml, frab-json, indico, csv\n"
    )


def test_import_of_summitkit_json_reports_that_everything_was_carried(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report's summary goes to standard error; the document to standard output."""
    source = tmp_path / "in.json"
    skjson.dump(sk.examples.gsms2015(), source)
    code, out, err = run(capsys, "import", str(source))
    assert (code, err) == (0, "json: everything carried over\n")
    assert sk.examples.gsms2015() == skjson.loads(out)


def test_a_document_of_no_known_shape_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON object with none of the telling keys asks for ``--from``."""
    source = tmp_path / "in.json"
    source.write_text('{"events": []}', encoding="utf-8")
    code, _, err = run(capsys, "convert", str(source), str(tmp_path / "out.json"))
    assert code == 2
    assert err == (
        f"summitkit: error: cannot tell which format {source} is in; "
        "give --from (json, frab-xml, frab-json, indico, csv)\n"
    )


def test_an_unreadable_document_names_the_file_and_the_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A summitkit document with a bad value is reported with the file and the JSON path."""
    source = tmp_path / "in.json"
    source.write_text('{"format": 2, "id": "x y"}', encoding="utf-8")
    code, _, err = run(capsys, "import", str(source))
    assert code == 2
    assert err.startswith(f"summitkit: error: {source}: ")
    assert "  $.name: required field is missing\n" in err


def test_a_missing_input_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No traceback: the file and the system's reason."""
    missing = tmp_path / "nowhere.xml"
    code, _, err = run(capsys, "import", str(missing))
    assert (code, err) == (
        2,
        f"summitkit: error: cannot read {missing}: No such file or directory\n",
    )


def test_an_unwritable_output_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Writing into a folder that does not exist is reported, not raised."""
    target = tmp_path / "no" / "such" / "x.json"
    code, _, err = run(capsys, "export", "-o", str(target))
    assert (code, err) == (
        2,
        f"summitkit: error: cannot write {target}: No such file or directory\n",
    )


def test_convert_reads_standard_input_and_writes_standard_output() -> None:
    """``convert - - --to json`` in a real process: bytes in, the same document out."""
    document = skjson.dumps(sk.examples.gsms2015())
    done = subprocess.run(
        [sys.executable, "-m", "summitkit", "convert", "-", "-", "--to", "json"],
        input=document.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"json: everything carried over\n")
    assert sk.examples.gsms2015() == skjson.loads(done.stdout)


def test_export_format_ical_to_standard_output_opens_in_icalendar() -> None:
    """``summitkit export --format ical > gsms.ics``: a calendar of the 16 timed sessions."""
    import icalendar  # noqa: PLC0415  # a test dependency, as the ical extra installs it

    done = subprocess.run(
        [sys.executable, "-m", "summitkit", "export", "--format", "ical"],
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    calendar = icalendar.Calendar.from_ical(done.stdout)
    events = calendar.walk("VEVENT")
    assert len(events) == len([s for s in sk.examples.gsms2015().sessions if s.slot])
    assert done.stdout.count(b"\r\n") == done.stdout.count(b"\n")  # CRLF kept, as RFC 5545 says
    opening = next(e for e in events if e["UID"] == "opening-panel@gsms2015.summitkit")
    assert opening["DTSTART"].params["TZID"] == "Asia/Dubai"


def test_a_frab_schedule_is_imported_with_its_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written as frab XML and imported back: the sessions' titles and starts, and the summary."""
    schedule = tmp_path / "gsms.xml"
    assert main(["export", "--to", "frab-xml", "-o", str(schedule)]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "import", str(schedule))
    assert (code, err) == (0, "frab: 2 dropped, 1 assumed\n")
    summit = skjson.loads(out)
    original = sk.examples.gsms2015()
    assert sorted((s.title["en"], s.slot.start) for s in original.sessions if s.slot) == sorted(
        (s.title["en"], s.slot.start) for s in summit.sessions if s.slot
    )


def test_notes_lists_every_note_before_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--notes``: each note with its place, then the summary line; the reading's, then the writing's."""
    schedule = tmp_path / "gsms.json"
    assert main(["export", "--to", "frab-json", "-o", str(schedule)]) == 0
    capsys.readouterr()
    code, _, err = run(capsys, "convert", str(schedule), str(tmp_path / "out.csv"), "--notes")
    lines = err.splitlines()
    assert code == 0
    assert lines[3] == "frab: 2 dropped, 1 assumed"
    assert lines[0].startswith("$.schedule.conference.daysCount: dropped: ")
    assert lines[-1].startswith("csv: ")
    assert all(": dropped: " in line for line in lines[4:-1])
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("id,kind,title,")


def test_convert_tells_formats_by_extension(tmp_path: Path) -> None:
    """``.json`` in (summitkit's by its content), ``.jsonld`` out: schema.org JSON-LD."""
    source = tmp_path / "in.json"
    skjson.dump(sk.examples.gsms2015(), source)
    target = tmp_path / "out.jsonld"
    assert main(["convert", str(source), str(target)]) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert (document["@context"], document["@type"]) == ("https://schema.org", "Event")


def test_an_attendee_zone_is_for_csv_only(capsys: pytest.CaptureFixture[str]) -> None:
    """``--attendee-tz`` adds CSV columns; other formats refuse it rather than ignore it."""
    code, out, _ = run(capsys, "export", "--to", "csv", "--attendee-tz", "Europe/London")
    assert code == 0
    assert "start (Europe/London),end (Europe/London)" in out.splitlines()[0]
    code, out, err = run(capsys, "export", "--to", "ical", "--attendee-tz", "Europe/London")
    assert (code, out) == (2, "")
    assert err == "summitkit: error: --attendee-tz: ical does not take it; only csv\n"


def test_bytes_reach_the_binary_buffer_as_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """iCalendar's bytes go under the text stream, CRLF and UTF-8 as written."""
    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="ascii", newline="\n")
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(["export", "--to", "ical", "--lang", "ar"]) == 0
    data = buffer.getvalue()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert "قمة".encode() in data  # an ASCII text stream could not have written it


def test_bytes_are_decoded_for_a_stream_without_a_buffer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A notebook's output has no bytes beneath it: the calendar is written as text."""
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(["export", "--to", "ical"]) == 0
    assert stream.getvalue().startswith("BEGIN:VCALENDAR\r\n")


@pytest.mark.parametrize(
    ("path", "head", "expected"),
    [
        ("x.json", b'\xef\xbb\xbf  {"format": 2}', "json"),
        (None, b'{"schedule": {}}', "frab-json"),
        ("event.json", '{"count": 1, "results": []}', "indico"),
        ("x.txt", b"\n  <?xml version='1.0'?><schedule/>", "frab-xml"),
        ("x.CSV", b"title,start\n", "csv"),
    ],
)
def test_the_format_read_is_told_by_extension_and_content(
    path: str | None, head: str | bytes, expected: str
) -> None:
    """A BOM and white space before the document do not hide what it is."""
    assert _interchange.READABLE[expected] is _interchange.reader(None, path, head)


def test_a_speakers_calendar_and_an_attendees_picks(capsys: pytest.CaptureFixture[str]) -> None:
    """``--speaker`` and ``--session`` select the events; formats without filters refuse them."""
    summit = sk.examples.gsms2015()
    code, out, _ = run(capsys, "export", "--to", "ical", "--speaker", "maher-ezzeddine")
    expected = {
        f"UID:{s.id}@gsms2015.summitkit"
        for s in summit.sessions
        if s.slot and "maher-ezzeddine" in {p.speaker for p in s.participants}
    }
    assert code == 0
    assert expected == {line for line in out.splitlines() if line.startswith("UID:")}
    picks = ["--session", "opening-panel", "--session", "official-opening"]
    code, out, _ = run(capsys, "export", "--to", "ical", *picks)
    assert (code, out.count("BEGIN:VEVENT")) == (0, 2)
    code, _, err = run(capsys, "export", "--to", "frab-xml", "--speaker", "maher-ezzeddine")
    assert (code, err) == (2, "summitkit: error: --speaker: frab-xml does not take it; only ical\n")


def test_previous_marks_what_changed_since(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--previous OLD.json``: the cancelled keynote's event goes to SEQUENCE:1, CANCELLED."""
    old = tmp_path / "old.json"
    skjson.dump(sk.examples.gsms2015(), old)
    new = tmp_path / "new.json"
    skjson.dump(sk.examples.gsms2015().cancel("keynote-modern-workplace"), new)
    code, out, _ = run(capsys, "export", str(new), "--to", "ical", "--previous", str(old))
    assert code == 0
    event = out[out.index("UID:keynote-modern-workplace@") :].split("END:VEVENT")[0]
    changed = [line for line in out.splitlines() if line.startswith("SEQUENCE:1")]
    assert ("SEQUENCE:1" in event, "STATUS:CANCELLED" in event, len(changed)) == (True, True, 1)
