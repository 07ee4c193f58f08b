"""The ``summitkit solve`` command: the report, the scheduled summit, and why not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import summitkit as sk
from summitkit.cli import main
from summitkit.formats import json

UNTIMED = ("keynote-modern-workplace", "ws-defence-session")


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """GSMS 2015 with two sessions made untimed, in a file."""
    summit = sk.examples.gsms2015()
    for session_id in UNTIMED:
        summit = summit.reschedule(session_id, None)
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(summit), encoding="utf-8")
    return path


def test_solve_prints_the_report_and_writes_the_scheduled_summit(
    draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 0, the report on stdout, the summit with both sessions timed in OUT."""
    out = tmp_path / "out.json"
    status = main(["solve", str(draft), "--default-duration", "30", "-o", str(out)])
    printed = capsys.readouterr().out
    assert status == 0
    assert printed.startswith(
        "Optimal schedule of “GCC Government Social Media Summit”: 2 sessions placed"
    )
    assert "Keynote – The Modern Workplace\n  Scheduled for Wednesday 16 September" in printed
    scheduled = json.loads(out.read_text(encoding="utf-8"))
    for session_id in UNTIMED:
        slot = scheduled.session(session_id).slot
        assert slot is not None
        assert slot.duration == dt.timedelta(minutes=30)
    assert main(["check", str(out)]) == 0


def test_solve_to_standard_output_puts_the_report_on_standard_error(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With -o -, stdout is the summit's JSON and the report goes to stderr."""
    assert main(["solve", str(draft), "--default-duration", "30", "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out).session(UNTIMED[0]).slot is not None
    assert captured.err.startswith("Optimal schedule of")


def test_solve_without_lengths_for_untimed_sessions_says_which_option(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Untimed sessions and no --default-duration: exit 2 and the option to give."""
    assert main(["solve", str(draft)]) == 2
    assert capsys.readouterr().err == (
        "summitkit: error: solve: 2 untimed sessions ('keynote-modern-workplace', ...) "
        "need a length: give --default-duration MINUTES\n"
    )


def test_solve_exits_1_with_the_reasons_when_no_schedule_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 45-minute keynote for a speaker free for half an hour: exit 1 and the reason, in both languages."""
    summit = sk.examples.gsms2015()
    keynote = summit.session("keynote-modern-workplace")
    assert keynote.slot is not None
    half_hour = sk.TimeSlot(keynote.slot.start, keynote.slot.start + dt.timedelta(minutes=30))
    narrow = summit.reschedule(keynote.id, None)
    speakers = [
        attrs.evolve(s, availability=(half_hour,)) if s.id == "paolo-pulcini" else s
        for s in narrow.speakers
    ]
    path = tmp_path / "narrow.json"
    path.write_text(json.dumps(attrs.evolve(narrow, speakers=speakers)), encoding="utf-8")
    assert main(["solve", str(path), "--default-duration", "45"]) == 1
    assert capsys.readouterr().out == (
        "No schedule of “GCC Government Social Media Summit” keeps every rule.\n"
        "  - Paolo Pulcini is available only 16 Sep 10:30–11:00 Dubai time (UTC+4), "
        "but is in 1 session of 45 minutes.\n"
    )
    assert main(["solve", str(path), "--default-duration", "45", "--lang", "ar"]) == 1
    assert "والمطلوب المشاركة في جلسة واحدة مدتها 45 دقيقةً." in capsys.readouterr().out
