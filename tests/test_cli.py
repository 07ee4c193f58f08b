"""Tests for the summitkit command line."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import summitkit as sk
from bounded import finishes
from summitkit.cli import main
from summitkit.formats import json as skjson

OPENING = "How can governments leverage social media to build smart cities?"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def line_with(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


def test_agenda_shows_the_programme_in_dubai_time(capsys: pytest.CaptureFixture[str]) -> None:
    """The opening panel at 09:15, estimates marked, workshops from 12:00."""
    code, out, err = run(capsys, "agenda")
    assert (code, err) == (0, "")
    assert line_with(out, OPENING).split()[:1] == ["09:15–~10:15"]
    assert "~10:30–~11:00  Keynote – The Modern Workplace" in out
    assert "Times: Dubai time (UTC+4).\n~ marks an estimated time or an assumed title." in out
    assert "Ceremony – ~Official opening" in out  # the report gives no title for it
    assert "12:00  7 parallel workshop tracks" in out


def test_agenda_lists_sessions_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    """Morning items come in the report's order, before the workshops."""
    _, out, _ = run(capsys, "agenda")
    needles = [
        OPENING,
        "Official opening",
        "The Modern Workplace",
        "Brainstorming",
        "parallel workshop tracks",
    ]
    positions = [out.index(n) for n in needles]
    assert positions == sorted(positions)


def test_the_seven_workshops_are_shown_in_parallel(capsys: pytest.CaptureFixture[str]) -> None:
    """All seven tracks are numbered inside one parallel block."""
    _, out, _ = run(capsys, "agenda")
    block = out[out.index("7 parallel workshop tracks") :]
    for number, title in enumerate(
        [
            "local and federal government",
            "foreign affairs",
            "financial services",
            "defence",
            "healthcare",
            "tourism",
            "education",
        ],
        start=1,
    ):
        assert f"│ {number}. Social media for {title}" in block
    assert block.count("12:00–~12:45") + block.count("12:00–~13:30") == 7


@pytest.mark.parametrize(
    ("zone", "local", "name"),
    [
        ("Europe/London", "06:15–~07:15", "London time (UTC+1)"),  # BST: 3 hours behind Dubai
        ("America/New_York", "01:15–~02:15", "New York time (UTC-4)"),  # EDT
        ("Pacific/Auckland", "17:15–~18:15", "Auckland time (UTC+12)"),  # NZST
        ("Asia/Kolkata", "10:45–~11:45", "Kolkata time (UTC+5:30)"),
    ],
)
def test_tz_adds_the_attendee_time(
    capsys: pytest.CaptureFixture[str], zone: str, local: str, name: str
) -> None:
    """--tz shows the attendee's time beside Dubai time on the same line."""
    code, out, _ = run(capsys, "agenda", "--tz", zone)
    assert code == 0
    line = line_with(out, OPENING)
    assert line.split("|")[0].strip() == "09:15–~10:15"
    assert line.split("|")[1].split()[0] == local
    assert f"Times: Dubai time (UTC+4) | {name}." in out


def test_tz_shows_the_attendee_date_when_it_differs(capsys: pytest.CaptureFixture[str]) -> None:
    """09:15 in Dubai is 19:15 the evening before in Honolulu (UTC-10)."""
    _, out, _ = run(capsys, "agenda", "--tz", "Pacific/Honolulu")
    assert "19:15–~20:15 (Tuesday 15 September)" in line_with(out, OPENING)


def test_lang_ar_prints_arabic(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang ar prints titles, names, dates and labels in Arabic, in logical order."""
    code, out, _ = run(capsys, "agenda", "--lang", "ar")
    assert code == 0
    # Each line starts with a right-to-left mark; names, titles and times are isolated.
    plain = out.replace("\u200f", "").replace("\u2068", "").replace("\u2069", "")
    assert "قمة الحكومات الخليجية للتواصل الاجتماعي · الدورة الرابعة · #GSMS15" in plain
    assert "الأربعاء 16 سبتمبر 2015" in plain
    line = line_with(plain, "كيف يُمكن للحكومات")
    assert line.split()[0] == "09:15–~10:15"
    assert "إدارة الجلسة: الدكتور سعيد الظاهري" in plain


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["agenda", "--tz", "Mars/Olympus"],
            "summitkit: error: --tz: unknown time zone 'Mars/Olympus'",
        ),
        (
            ["agenda", "--lang", "fr"],
            "summitkit agenda: error: argument --lang: invalid choice: 'fr'",
        ),
        (["shout"], "summitkit: error: argument COMMAND: invalid choice: 'shout'"),
    ],
)
def test_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """Bad input gives one clear line on stderr, and main returns status 2 (it does not exit)."""
    code = main(args)
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_python_m_summitkit_runs_without_traceback() -> None:
    """python -m summitkit agenda works; an error there prints no traceback."""
    ok = subprocess.run(
        [sys.executable, "-m", "summitkit", "agenda"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert ok.returncode == 0
    assert OPENING in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "summitkit", "agenda", "--tz", "Nowhere/Land"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr


def test_an_attendee_time_across_midnight_shows_both_dates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """In America/Regina (UTC-6) the panel runs 23:15 on the 15th to 00:15 on the 16th."""
    _, out, _ = run(capsys, "agenda", "--tz", "America/Regina")
    assert "23:15–~00:15 (Tuesday 15 September – Wednesday 16 September)" in line_with(out, OPENING)


def test_days_without_sessions_say_so_without_claiming_more(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Day two is in the summit but not in the dataset: no sessions are listed."""
    _, out, _ = run(capsys, "agenda")
    assert "Thursday 17 September 2015\n  No sessions listed for this day." in out


def test_an_output_that_cannot_show_arabic_is_one_clear_error() -> None:
    """With an ASCII-only stdout, the command says so in one line, without a traceback."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "summitkit", "agenda", "--lang", "ar"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.decode().startswith(
        "summitkit: error: the output encoding (ascii) cannot show"
    )
    assert b"Traceback" not in result.stderr


def test_agenda_reads_a_summit_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """agenda FILE prints that file's programme."""
    summit = attrs.evolve(sk.examples.gsms2015(), name=sk.LocalizedText(en="Another Summit"))
    path = tmp_path / "summit.json"
    path.write_text(skjson.dumps(summit), encoding="utf-8")
    code, out, err = run(capsys, "agenda", str(path), "--tz", "Europe/London")
    assert (code, err) == (0, "")
    assert out.startswith("Another Summit")
    assert "06:15–~07:15" in line_with(out, OPENING)


def test_agenda_reports_every_problem_in_a_bad_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A malformed file gives its problems with their paths, and status 2."""
    path = tmp_path / "bad.json"
    path.write_text('{"format": 1, "id": "x", "name": {"en": "X"}}', encoding="utf-8")
    code, out, err = run(capsys, "agenda", str(path))
    assert (code, out) == (2, "")
    assert err == f"summitkit: error: {path}: $.first_day: required field is missing\n"


def test_agenda_reports_a_missing_file_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file that is not there is one line, status 2."""
    code, _, err = run(capsys, "agenda", str(tmp_path / "none.json"))
    assert code == 2
    assert (
        err
        == f"summitkit: error: cannot read {tmp_path / 'none.json'}: No such file or directory\n"
    )


# -- check and diff -------------------------------------------------------------------


def write(tmp_path: Path, name: str, summit: sk.Summit) -> str:
    path = tmp_path / name
    path.write_text(skjson.dumps(summit), encoding="utf-8")
    return str(path)


def clashing() -> sk.Summit:
    """GSMS 2015 with a talk by a panelist during the opening panel, in a full room."""
    summit = sk.examples.gsms2015()
    panel = summit.session("opening-panel")
    assert panel.slot is not None
    room = sk.Room(id="hall", name={"en": "Hall", "ar": "القاعة"}, capacity=50)
    talk = sk.Talk(
        id="extra",
        title={"en": "Smart services", "ar": "الخدمات الذكية"},
        slot=panel.slot.shift(dt.timedelta(minutes=30)),
        participants=[sk.Participant("aisha-bin-bishr")],
        room="hall",
        expected_attendance=80,
    )
    return attrs.evolve(summit, rooms=(room,)).add_session(talk)


def test_check_passes_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    """With no FILE, check runs on GSMS 2015: no conflicts, exit 0."""
    assert run(capsys, "check") == (0, "No conflicts.\n", "")


def test_check_exits_1_on_an_error_and_lists_warnings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A double-booked panelist is an error; the full room a warning."""
    code, out, err = run(capsys, "check", write(tmp_path, "clash.json", clashing()))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    # Each kind under a heading that counts it; the kind holding an error comes first.
    assert lines[0] == "Speaker double-booked (1 error)"
    assert lines[1].startswith("  error: Dr. Aisha Bin Bishr is in two sessions at once")
    assert lines[2:] == [
        "Over capacity (1 warning)",
        "  warning: “Smart services” expects 80 people, but the Hall seats only 50 people.",
        "",
        "2 conflicts: 1 error, 1 warning.",
    ]


def test_check_severity_and_changeover_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--severity re-rates a kind; ignoring the only error makes the check pass."""
    path = write(tmp_path, "clash.json", clashing())
    code, out, _ = run(capsys, "check", path, "--severity", "speaker-double-booked=ignore")
    assert code == 0
    assert out.splitlines()[-1] == "1 conflict: 0 errors, 1 warning."
    code, out, _ = run(
        capsys, "check", path, "--severity", "over-capacity=error", "--changeover", "0"
    )
    assert code == 1
    assert out.splitlines()[-1] == "2 conflicts: 2 errors, 0 warnings."


def test_check_in_arabic(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--lang ar explains each conflict in Arabic."""
    code, out, _ = run(capsys, "check", write(tmp_path, "clash.json", clashing()), "--lang", "ar")
    assert code == 1
    plain = out.replace("\u2068", "").replace("\u2069", "").replace("\u200f", "")
    assert plain.splitlines()[0] == "المشاركة في جلستين في الوقت نفسه (خطأ واحد)"
    assert "\nتجاوز سعة القاعة (تحذير واحد)\n" in plain
    assert "خطأ: الدكتورة عائشة" in plain
    assert (
        "تحذير: يُتوقع حضور 80 شخصًا في «الخدمات الذكية»، لكن القاعة لا تتسع إلا لـ50 شخصًا." in plain
    )
    assert plain.splitlines()[-1] == "تعارضان: خطأ واحد، تحذير واحد."


def test_check_in_arabic_without_conflicts(capsys: pytest.CaptureFixture[str]) -> None:
    """In Arabic a programme without conflicts has «لا توجد تعارضات», a whole sentence."""
    assert run(capsys, "check", "--lang", "ar") == (0, "\u200fلا توجد تعارضات.\n", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--severity", "over-capacity"], "--severity 'over-capacity': expected KIND=LEVEL"),
        (
            ["--severity", "overbooked=error"],
            "--severity 'overbooked=error': expected a ConflictKind ('speaker-double-booked'",
        ),
        (
            ["--severity", "over-capacity=fatal"],
            "--severity 'over-capacity=fatal': expected a Severity ('error', 'warning', 'ignore')",
        ),
        (["--changeover", "-5"], "--changeover -5: expected 0 to 1440 minutes"),
        (["--changeover", "10000000000"], "--changeover 10000000000: expected 0 to 1440 minutes"),
    ],
)
def test_check_refuses_bad_options_in_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """Bad options exit 2 with one line naming them."""
    code, out, err = run(capsys, "check", *args)
    assert (code, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) == 1


def test_diff_prints_the_changelog(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """diff OLD NEW names what changed; --exit-code exits 1 when something did."""
    old = sk.examples.gsms2015()
    new = old.cancel("keynote-modern-workplace")
    old_path, new_path = write(tmp_path, "old.json", old), write(tmp_path, "new.json", new)
    code, out, err = run(capsys, "diff", old_path, new_path)
    assert (code, err) == (0, "")
    assert "Keynote – The Modern Workplace\n  Cancelled." in out
    assert run(capsys, "diff", old_path, new_path, "--exit-code")[0] == 1
    assert run(capsys, "diff", old_path, old_path, "--exit-code")[0] == 0
    code, out, _ = run(capsys, "diff", old_path, new_path, "--lang", "ar")
    assert "أُلغيت الجلسة." in out


def test_diff_names_the_zone_and_marks_arabic_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--tz names the zone by city and offset; in Arabic every line starts right to left."""
    old = sk.examples.gsms2015()
    new = old.reschedule(
        "opening-panel", old.session("opening-panel").slot.shift(dt.timedelta(minutes=30))
    )
    paths = write(tmp_path, "old.json", old), write(tmp_path, "new.json", new)
    _, out, _ = run(capsys, "diff", *paths, "--tz", "Europe/London")
    assert out.startswith(
        "Changes to the GCC Government Social Media Summit programme. Times: London time (UTC+1).\n"
    )
    assert "  Moved from Wednesday 16 September 06:15 to 06:45.\n" in out
    _, out, _ = run(capsys, "diff", *paths, "--lang", "ar")
    assert all(line.startswith("\N{RIGHT-TO-LEFT MARK}") for line in out.splitlines() if line)


def test_diff_for_one_speaker(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--speaker keeps only that speaker's sessions."""
    old = sk.examples.gsms2015()
    new = old.cancel("keynote-modern-workplace").cancel("official-opening")
    paths = write(tmp_path, "old.json", old), write(tmp_path, "new.json", new)
    _, out, _ = run(capsys, "diff", *paths, "--speaker", "paolo-pulcini")
    assert "The Modern Workplace" in out
    assert "Official opening" not in out
    code, _, err = run(capsys, "diff", *paths, "--speaker", "nobody")
    assert code == 2
    assert "neither version has a speaker with id 'nobody'" in err


def test_diff_names_the_file_it_cannot_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A missing or malformed file is one line naming it."""
    good = write(tmp_path, "old.json", sk.examples.gsms2015())
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "diff", good, str(tmp_path / "missing.json"))
    assert code == 2
    assert f"cannot read {tmp_path / 'missing.json'}" in err
    code, _, err = run(capsys, "diff", good, str(bad))
    assert code == 2
    assert err.startswith(f"summitkit: error: {bad}: ")


# -- writing the output ------------------------------------------------------------------

EXAMPLE = Path(sk.examples.__file__).parent / "gsms2015.json"


def summitkit(*args: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m summitkit`` with *args* in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "summitkit", *args],
        stderr=subprocess.PIPE,
        check=False,
        **options,  # type: ignore[call-overload]
    )


def shell(command: str) -> subprocess.CompletedProcess[bytes]:
    """Run *command* in bash, where ``summitkit`` is this interpreter's ``-m summitkit``."""
    python, bash = shlex.quote(sys.executable), shutil.which("bash")
    assert bash is not None, "these tests use bash for redirections and pipes"
    return subprocess.run(
        [
            bash,
            "-o",
            "pipefail",
            "-c",
            f'summitkit() {{ {python} -m summitkit "$@"; }}; {command}',
        ],
        capture_output=True,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["agenda"],
        ["agenda", "--lang", "ar", "--tz", "Europe/London"],
        ["check"],
        ["diff", str(EXAMPLE), str(EXAMPLE)],
        ["--help"],
        ["agenda", "--help"],
        ["--version"],
    ],
)
def test_a_full_disk_is_one_line_and_exit_2(args: list[str]) -> None:
    """Writing to /dev/full (ENOSPC) reports the failure in one line, without a traceback."""
    with Path("/dev/full").open("wb") as full:
        result = summitkit(*args, stdout=full)
    assert (result.returncode, result.stderr.decode()) == (
        2,
        "summitkit: error: cannot write the output: No space left on device\n",
    )


@pytest.mark.parametrize("args", ["agenda", "check", "--version", "diff --help"])
def test_a_closed_standard_output_is_one_line_and_exit_2(args: str) -> None:
    """With standard output closed (>&-) the command says so in one line."""
    result = shell(f"summitkit {args} >&-")
    assert (result.returncode, result.stderr.decode()) == (
        2,
        "summitkit: error: cannot write the output: standard output is closed\n",
    )


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    """agenda | head -1 prints the first line; summitkit exits 0 and says nothing."""
    result = shell("summitkit agenda --lang ar | head -1")
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode() == (
        "\u200f\u2068قمة الحكومات الخليجية للتواصل الاجتماعي\u2069 · الدورة الرابعة · "
        "\u2068#GSMS15\u2069\n"
    )


def big_summit(path: Path, sessions: int, days: int) -> None:
    """Write a summit of *sessions* one-minute talks spread over *days* days to *path*."""
    first = dt.datetime(2015, 9, 16, tzinfo=sk.DUBAI)

    def instant(n: int, minutes: int) -> str:
        return (first + dt.timedelta(days=n % days, minutes=n % 1400 + minutes)).isoformat()

    talks = [
        {
            "kind": "talk",
            "id": f"t{n}",
            "title": {"en": f"Talk {n}"},
            "slot": {
                "start": f"{instant(n, 0)}[Asia/Dubai]",
                "end": f"{instant(n, 1)}[Asia/Dubai]",
            },
        }
        for n in range(sessions)
    ]
    last = (first + dt.timedelta(days=days - 1)).date()
    document = {
        "format": 1,
        "id": "big",
        "name": {"en": "Big"},
        "first_day": "2015-09-16",
        "last_day": last.isoformat(),
        "sessions": talks,
    }
    path.write_text(json.dumps(document), encoding="utf-8")


def test_the_agenda_of_a_large_summit_starts_at_once(tmp_path: Path) -> None:
    """agenda big.json | head -1 on 100,000 sessions over a year ends once the file is read."""
    path = tmp_path / "big.json"
    big_summit(path, 100_000, 365)
    # `timeout` stops summitkit itself before the guard's limit: the guard
    # would stop only the interpreter it starts, not the pipeline beneath.
    source = f"""
import shlex, subprocess, sys
agenda = f"timeout 55 {{shlex.quote(sys.executable)}} -m summitkit agenda {shlex.quote(str(path))}"
result = subprocess.run(
    ["bash", "-o", "pipefail", "-c", f"{{agenda}} | head -1"], capture_output=True, check=False
)
assert (result.returncode, result.stderr) == (0, b""), result
print(result.stdout.decode(), end="")
"""
    # Reading 100,000 sessions takes seconds; going through them once a day, minutes.
    assert finishes(source, limit=60) == "Big\n"


# -- reading the input -------------------------------------------------------------------


def test_a_dash_reads_standard_input_from_a_pipe() -> None:
    """agenda - reads the summit piped to it."""
    data = EXAMPLE.read_bytes()
    result = summitkit("agenda", "-", input=data, stdout=subprocess.PIPE)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode().startswith("GCC Government Social Media Summit")


def test_a_byte_order_mark_is_read_from_a_file_and_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A UTF-8 file that starts with a BOM, as Windows editors write it, is read."""
    data = b"\xef\xbb\xbf" + EXAMPLE.read_bytes()
    path = tmp_path / "bom.json"
    path.write_bytes(data)
    assert run(capsys, "check", str(path)) == (0, "No conflicts.\n", "")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert run(capsys, "check", "-") == (0, "No conflicts.\n", "")
    piped = summitkit("agenda", "-", input=data, stdout=subprocess.PIPE)
    assert (piped.returncode, piped.stderr) == (0, b"")


def test_a_text_only_standard_input_is_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A standard input without bytes beneath (a StringIO, as in a notebook) is read too."""
    text = "\ufeff" + EXAMPLE.read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert run(capsys, "check", "-") == (0, "No conflicts.\n", "")


def test_diff_reads_one_version_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """diff OLD - compares a file with the version piped in."""
    old = write(tmp_path, "old.json", sk.examples.gsms2015())
    new = skjson.dumps(sk.examples.gsms2015().cancel("keynote-modern-workplace"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(new.encode()), encoding="utf-8"))
    code, out, err = run(capsys, "diff", old, "-")
    assert (code, err) == (0, "")
    assert "Keynote – The Modern Workplace\n  Cancelled." in out


def test_standard_input_is_read_only_once(capsys: pytest.CaptureFixture[str]) -> None:
    """diff - - is refused in one line: the second read would find nothing."""
    assert run(capsys, "diff", "-", "-") == (
        2,
        "",
        (
            "summitkit: error: diff: standard input ('-') can be read only once; "
            "give it as OLD or NEW, not both\n"
        ),
    )


def test_problems_in_standard_input_name_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A malformed summit on standard input is reported as coming from there."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"{"), encoding="utf-8"))
    code, out, err = run(capsys, "agenda", "-")
    assert (code, out) == (2, "")
    assert err.startswith("summitkit: error: standard input: $: not valid JSON at line 1")


def test_a_closed_standard_input_is_one_line() -> None:
    """agenda - with standard input closed (<&-) says so in one line."""
    result = shell("summitkit agenda - <&-")
    assert (result.returncode, result.stdout, result.stderr.decode()) == (
        2,
        b"",
        "summitkit: error: cannot read standard input: it is closed\n",
    )


def test_a_directory_is_not_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Reading a directory is one line naming it."""
    code, _, err = run(capsys, "agenda", str(tmp_path))
    assert (code, err) == (2, f"summitkit: error: cannot read {tmp_path}: Is a directory\n")


def test_a_path_with_a_nul_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A path no file can have (main called from Python) is refused in one line."""
    code, _, err = run(capsys, "check", "a\0b")
    assert (code, err) == (2, "summitkit: error: cannot read a\0b: embedded null byte\n")


# -- --version and --help ------------------------------------------------------------------


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints "summitkit <version>" from the package metadata, and exits 0."""
    expected = f"summitkit {importlib.metadata.version('summitkit')}\n"
    assert run(capsys, "--version") == (0, expected, "")


def test_help_is_written_like_any_output(capsys: pytest.CaptureFixture[str]) -> None:
    """--help prints the usage, naming '-' and --version, and exits 0."""
    code, out, err = run(capsys, "--help")
    assert (code, err) == (0, "")
    assert out.startswith("usage: summitkit [-h] [--version] COMMAND")
    code, out, _ = run(capsys, "agenda", "--help")
    assert code == 0
    assert "'-' for standard input" in " ".join(out.split())


def conference(rooms: int) -> sk.Summit:
    """*rooms* rooms, each booked twice at 10:00, for talks expecting more than it seats."""
    day = dt.date(2025, 2, 1)

    def at(hour: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour), tzinfo=sk.DUBAI)

    return sk.Summit(
        id="conference",
        name={"en": "Conference"},
        first_day=day,
        rooms=[sk.Room(id=f"r{n}", name={"en": f"Room {n}"}, capacity=10) for n in range(rooms)],
        sessions=[
            sk.Talk(
                id=f"t{n}-{k}",
                title={"en": f"Talk {n}-{k}"},
                slot=sk.TimeSlot(at(10), at(11)),
                room=f"r{n}",
                expected_attendance=20 if k == 0 else None,
            )
            for n in range(rooms)
            for k in range(2)
        ],
    )


def test_check_groups_a_conference_by_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Thirty double-booked rooms and thirty full ones: two headings counting them, errors first."""
    path = write(tmp_path, "conference.json", conference(30))
    code, out, _ = run(capsys, "check", path)
    assert code == 1
    lines = out.splitlines()
    assert [line for line in lines if line and not line.startswith("  ")] == [
        "Room double-booked (30 errors)",
        "Over capacity (30 warnings)",
        "60 conflicts: 30 errors, 30 warnings.",
    ]
    assert lines[1:31] == [line for line in lines if line.startswith("  error: ")]
    code, out, _ = run(capsys, "check", path, "--lang", "ar")
    plain = out.replace("\u2068", "").replace("\u2069", "").replace("\u200f", "")
    assert plain.splitlines()[0] == "حجز القاعة لأكثر من جلسة في الوقت نفسه (30 خطأً)"
    assert "\nتجاوز سعة القاعة (30 تحذيرًا)\n" in plain


def test_agenda_of_a_conference_is_in_time_blocks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The agenda of thirty rooms at 10:00 is one block of thirty rooms, each talk listed once."""
    code, out, _ = run(capsys, "agenda", write(tmp_path, "conference.json", conference(30)))
    assert code == 0
    assert "   10:00  30 rooms in parallel\n  │ 1. Room 0\n" in out
    assert "  │ 30. Room 29\n" in out
    assert all(out.count(f"Talk – Talk {n}-{k}\n") == 1 for n in range(30) for k in range(2))
