"""The ``summitkit`` command line.

- ``summitkit agenda [FILE]`` prints a summit file's programme, or with no
  FILE the embedded GSMS 2015 programme, each day in time blocks of the
  sessions that start together, grouped by room or track; ``--tz`` adds an
  attendee's zone and ``--lang`` picks Arabic or English.
- ``summitkit check [FILE]`` prints the programme's conflicts grouped by
  kind, each kind counted, and exits 1 if any is an error.
- ``summitkit diff OLD NEW`` prints what changed from one version to the
  next.
- ``summitkit export --to FORMAT [FILE] [-o OUT]`` writes a summit file (or
  the example) in another format: iCalendar, frab XML or JSON, JSON-LD, CSV.
- ``summitkit convert IN OUT`` reads a programme in one format and writes it
  in another, each told by ``--from``/``--to`` or by the file.
- ``summitkit import IN [-o OUT]`` reads a programme from frab, pretalx,
  Indico or CSV into summitkit's JSON.
- ``summitkit solve [FILE] [-o OUT]`` places the untimed sessions (the
  ``solver`` extra), prints the report and the changelog, and writes the
  scheduled summit; when no schedule exists, it says why and exits 1.

What a conversion could not carry over as it was (a session with no time
left out of a calendar, a pretalx answer with no place in the model) is
summed up on standard error, one line; ``--notes`` lists each.

A FILE of ``-`` is standard input; a file may start with a UTF-8 byte order
mark.  The agenda is written line by line as it is made, so ``| head`` sees
its start at once.  Errors, including failures to write the output, print
one line and exit with status 2; nothing prints a traceback.  A reader that
stops reading early (``| head``) is not an error: the command keeps its
usual status.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn, TextIO

from summitkit import _interchange, examples
from summitkit._arguments import zone_named
from summitkit._summit import Summit
from summitkit.changes import diff
from summitkit.exceptions import FormatError, ModelError, SummitkitError
from summitkit.formats import json
from summitkit.formats._report import Exported, Imported, Report
from summitkit.schedule import MAX_CHANGEOVER, ConflictKind, ConflictPolicy, Severity, conflicts
from summitkit.text import agenda_lines, changelog, languages
from summitkit.text._conflicts import check_report

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["main"]


_STDIN = "-"


class _CommandError(Exception):
    """A problem to report on one line, with exit status 2."""


class _Show(Exception):  # noqa: N818  # not an error: text asked for, like --help
    """Text that ``--help`` or ``--version`` asks for, written as any output is."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class _UsageError(Exception):
    """The command line itself is wrong: one line, already worded, and status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: the message says what to fix.
        # Raised, not exited, so that main returns the status as it promises.
        raise _UsageError(f"{self.prog}: error: {message} (see '{self.prog} --help')")

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        if file is not None:
            super().print_help(file)
            return
        # main writes it, so that a full or closed output is reported, not ignored.
        raise _Show(self.format_help())


class _Version(argparse.Action):
    """``--version``: the installed distribution's version."""

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str = argparse.SUPPRESS,
        default: str = argparse.SUPPRESS,
        help: str | None = None,
    ) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[object] | None,
        option_string: str | None = None,
    ) -> NoReturn:
        del parser, namespace, values, option_string  # the version is all there is to show
        try:
            version = metadata.version("summitkit")
        except metadata.PackageNotFoundError:
            raise _CommandError(
                "--version: summitkit is not installed, so it has no version to show"
            ) from None
        raise _Show(f"summitkit {version}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="summitkit",
        description="Model, schedule, check and exchange the programme of a summit.",
    )
    parser.add_argument("--version", action=_Version, help="print summitkit's version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    file_help = (
        "a summit in summitkit's JSON format, '-' for standard input "
        "(default: the GSMS 2015 example)"
    )
    lang_help = "language of the output (default: en)"

    agenda = commands.add_parser(
        "agenda",
        help="print a programme (by default the embedded GSMS 2015 example)",
        description=(
            "Print the programme in the summit's time zone, day by day: sessions that "
            "start together in one block, grouped by room (or track)."
        ),
    )
    agenda.add_argument("file", nargs="?", metavar="FILE", help=file_help)
    agenda.add_argument(
        "--tz", metavar="ZONE", help="also show times in this IANA time zone, e.g. Europe/London"
    )
    agenda.add_argument("--lang", choices=languages(), default="en", help=lang_help)

    check = commands.add_parser(
        "check",
        help="print a programme's conflicts; exit 1 if any is an error",
        description=(
            "Print every scheduling conflict (double bookings, closed rooms, unavailable "
            "speakers, full rooms, hurried changeovers), grouped by kind with counts, "
            "and exit 1 if any is an error."
        ),
    )
    check.add_argument("file", nargs="?", metavar="FILE", help=file_help)
    check.add_argument("--lang", choices=languages(), default="en", help=lang_help)
    _add_policy(check)

    changes = commands.add_parser(
        "diff",
        help="print what changed between two versions of a programme",
        description="Print a changelog: sessions added, removed, cancelled, moved, re-roomed...",
    )
    changes.add_argument(
        "old", metavar="OLD", help="the earlier version (JSON; '-' for standard input)"
    )
    changes.add_argument(
        "new", metavar="NEW", help="the later version (JSON; '-' for standard input)"
    )
    changes.add_argument("--lang", choices=languages(), default="en", help=lang_help)
    changes.add_argument("--tz", metavar="ZONE", help="show times in this IANA time zone")
    changes.add_argument("--speaker", metavar="ID", help="only what changed for this speaker")
    changes.add_argument(
        "--exit-code", action="store_true", help="exit 1 if anything changed, as diff(1) does"
    )
    _add_interchange(commands.add_parser, file_help)
    _add_solve(commands.add_parser, file_help)
    return parser


def _add_policy(command: argparse.ArgumentParser) -> None:
    """The options that make a conflict policy: --changeover and --severity."""
    command.add_argument(
        "--changeover",
        type=int,
        metavar="MINUTES",
        default=10,
        help="the least time a speaker needs between rooms (default: 10)",
    )
    kinds = ", ".join(kind.value for kind in ConflictKind)
    command.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="KIND=LEVEL",
        help=f"set a kind's severity to error, warning or ignore; kinds: {kinds}",
    )


def _add_solve(add_parser: Callable[..., argparse.ArgumentParser], file_help: str) -> None:
    solve = add_parser(
        "solve",
        help="place sessions in times and rooms, keeping every rule (extra: solver)",
        description=(
            "Give every untimed session a time (and a room), keeping every rule the "
            "conflict check makes an error; print the report and the changelog, and write "
            "the scheduled summit with -o. When no schedule exists, say why and exit 1."
        ),
    )
    solve.add_argument("file", nargs="?", metavar="FILE", help=file_help)
    solve.add_argument(
        "-o", "--output", metavar="OUT", help="write the scheduled summit's JSON here ('-': stdout)"
    )
    solve.add_argument(
        "--time-limit",
        type=float,
        metavar="S",
        default=10.0,
        help="seconds the search may take (default: 10)",
    )
    solve.add_argument(
        "--keep-pinned",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="keep the time and room sessions have (default); --no-keep-pinned re-plans all",
    )
    solve.add_argument(
        "--default-duration",
        type=int,
        metavar="MINUTES",
        help="the length of untimed sessions",
    )
    solve.add_argument("--seed", type=int, default=0, help="the solver's seed (default: 0)")
    solve.add_argument(
        "--workers", type=int, default=1, help="threads the solver uses (default: 1)"
    )
    solve.add_argument("--lang", choices=languages(), default="en", help="language of the report")
    _add_policy(solve)


def _add_interchange(add_parser: Callable[..., argparse.ArgumentParser], file_help: str) -> None:
    """The commands that read and write other formats: export, convert, import."""
    writable = ", ".join(_interchange.WRITABLE)
    readable = ", ".join(_interchange.READABLE)
    out_help = "write here instead of standard output ('-' for standard output)"
    lang_help = "the language to write text in, where the format holds one (default: its own)"
    tz_help = (
        "read times in this IANA zone, e.g. Asia/Dubai: needed when the file states none; "
        "for frab, it also wins over the zone the file names"
    )
    notes_help = "list everything not carried over as it was, not only the summary"

    export = add_parser(
        "export",
        help=f"write a programme in another format ({writable})",
        description="Write a summit file, or the GSMS 2015 example, in another format.",
    )
    export.add_argument("file", nargs="?", metavar="FILE", help=file_help)
    export.add_argument(
        "--to",
        "--format",
        dest="to",
        metavar="FORMAT",
        help=f"the format to write: {writable} (default: told by OUT's extension)",
    )
    export.add_argument("-o", "--output", metavar="OUT", help=out_help)
    export.add_argument("--lang", metavar="LANG", help=lang_help)
    export.add_argument(
        "--attendee-tz", metavar="ZONE", help="CSV: also give times in this IANA zone"
    )
    export.add_argument("--notes", action="store_true", help=notes_help)
    export.add_argument(
        "--previous",
        metavar="FILE",
        help="ical, jsonld: the version published before (summitkit's JSON), "
        "for SEQUENCE and cancellations, or rescheduled events",
    )
    export.add_argument("--speaker", metavar="ID", help="ical: only this speaker's sessions")
    export.add_argument("--track", metavar="ID", help="ical: only this track's sessions")
    export.add_argument("--room", metavar="ID", help="ical: only the sessions in this room")
    export.add_argument(
        "--session",
        dest="picks",
        action="append",
        metavar="ID",
        help="ical: only these sessions, an attendee's picks (repeatable)",
    )

    convert = add_parser(
        "convert",
        help="read a programme in one format and write it in another",
        description=(
            "Read IN and write OUT; the formats are told by --from and --to, or by the "
            f"files. Read: {readable}. Written: {writable}."
        ),
    )
    convert.add_argument("input", metavar="IN", help="the file to read ('-' for standard input)")
    convert.add_argument(
        "output", metavar="OUT", help="the file to write ('-' for standard output)"
    )
    convert.add_argument("--from", dest="source", metavar="FORMAT", help=f"IN's format: {readable}")
    convert.add_argument("--to", metavar="FORMAT", help=f"OUT's format: {writable}")
    convert.add_argument("--tz", metavar="ZONE", help=tz_help)
    convert.add_argument(
        "--attendee-tz", metavar="ZONE", help="CSV: also give times in this IANA zone"
    )
    convert.add_argument("--lang", metavar="LANG", help=lang_help)
    convert.add_argument("--notes", action="store_true", help=notes_help)

    imports = add_parser(
        "import",
        help="read a programme from frab, pretalx, Indico or CSV into summitkit's JSON",
        description=(
            f"Read IN ({readable}) and write it as summitkit's JSON, with a summary of "
            "what could not be read as it stood."
        ),
    )
    imports.add_argument("input", metavar="IN", help="the file to read ('-' for standard input)")
    imports.add_argument("-o", "--output", metavar="OUT", help=out_help)
    imports.add_argument("--from", dest="source", metavar="FORMAT", help=f"IN's format: {readable}")
    imports.add_argument("--tz", metavar="ZONE", help=tz_help)
    imports.add_argument("--notes", action="store_true", help=notes_help)


def _named_contents(path: str) -> tuple[str, str | bytes]:
    """How messages name *path*, and what it holds; a file that cannot be read is one line."""
    name = "standard input" if path == _STDIN else path
    try:
        return name, _contents(path)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        problem = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise _CommandError(f"cannot read {name}: {problem}") from None


def _read(path: str) -> Summit:
    name, data = _named_contents(path)
    try:
        return json.loads(data)  # which skips the byte order mark some editors write
    except FormatError as error:
        raise _CommandError(f"{name}: {error}") from None


def _contents(path: str) -> str | bytes:
    """What the file at *path* holds, or standard input for ``-``.

    Bytes, or text when standard input has no bytes beneath it (a notebook's).
    """
    if path != _STDIN:
        return Path(path).read_bytes()
    stdin: IO[str] | None = sys.stdin
    if stdin is None:  # started with standard input closed
        raise _CommandError("cannot read standard input: it is closed")
    # The bytes, when there are any under the text: the BOM and the encoding
    # are then the file's, not the locale's.
    binary: IO[bytes] | None = getattr(stdin, "buffer", None)
    return binary.read() if binary is not None else stdin.read()


def _summit(path: str | None) -> Summit:
    return _read(path) if path is not None else examples.gsms2015()


#: What a command writes (pieces of text, made as they are written, or bytes as a
#: format such as iCalendar gives them) and its exit status.
_Output = tuple[Iterable[str | bytes], int]


def _agenda(args: argparse.Namespace) -> _Output:
    zone = zone_named(args.tz, name="--tz") if args.tz is not None else None
    lines = agenda_lines(_summit(args.file), tz=zone, lang=args.lang)
    return (line + "\n" for line in lines), 0


def _policy(args: argparse.Namespace) -> ConflictPolicy:
    severities: dict[str, str] = {}
    for setting in args.severity:
        kind, equals, level = (part.strip() for part in setting.partition("="))
        if not equals:
            raise _CommandError(
                f"--severity {setting!r}: expected KIND=LEVEL, e.g. over-capacity=error"
            )
        try:
            ConflictPolicy(severities={kind: level})
        except SummitkitError as error:
            problem = error.problem if isinstance(error, ModelError) else str(error)
            raise _CommandError(f"--severity {setting!r}: {problem}") from None
        severities[kind] = level
    day = MAX_CHANGEOVER // dt.timedelta(minutes=1)
    if not 0 <= args.changeover <= day:
        raise _CommandError(f"--changeover {args.changeover}: expected 0 to {day} minutes")
    return ConflictPolicy(severities=severities, changeover=dt.timedelta(minutes=args.changeover))


def _check(args: argparse.Namespace) -> _Output:
    policy = _policy(args)
    summit = _summit(args.file)
    found = conflicts(summit, policy=policy)
    lines = check_report(found, summit, lang=args.lang)
    errors = any(c.severity is Severity.ERROR for c in found)
    return ["".join(line + "\n" for line in lines)], 1 if errors else 0


def _diff(args: argparse.Namespace) -> _Output:
    if args.old == args.new == _STDIN:
        raise _CommandError(
            "diff: standard input ('-') can be read only once; give it as OLD or NEW, not both"
        )
    zone = zone_named(args.tz, name="--tz") if args.tz is not None else None
    changes = diff(_read(args.old), _read(args.new))
    if args.speaker is not None:
        changes = changes.for_speaker(args.speaker)
    return [changelog(changes, lang=args.lang, tz=zone)], 1 if args.exit_code and changes else 0


def _foreign(path: str, source: str | None, tz: str | None, *, notes: bool) -> Summit:
    """The summit in the file at *path*, in whatever format it is; its report on standard error."""
    name, data = _named_contents(path)
    zone = zone_named(tz, name="--tz") if tz is not None else None
    read = _interchange.reader(source, None if path == _STDIN else path, data)
    try:
        imported: Imported = read(data, zone)
    except FormatError as error:
        raise _CommandError(f"{name}: {error}") from None
    _tell(imported.report, notes=notes)
    return imported.summit


def _tell(report: Report, *, notes: bool) -> None:
    """What a conversion did not carry over: a summary line on standard error, and each note."""
    lines = [str(note) for note in report] if notes else []
    _notice([*lines, report.summary()])


def _exported(summit: Summit, to: str | None, out: str | None, args: argparse.Namespace) -> _Output:
    name, write = _interchange.writer(to, None if out in (None, _STDIN) else out)
    result: Exported[str | bytes] = write(summit, _write_options(name, args))
    if result.report:
        _tell(result.report, notes=args.notes)
    data = result.data
    if out is None or out == _STDIN:
        return [data], 0
    try:
        Path(out).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    except (OSError, ValueError) as error:
        problem = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise _CommandError(f"cannot write {out}: {problem}") from None
    return [], 0


# Each writing option: its flag, and the keyword of the formats' export it gives.
_WRITE_OPTIONS = (
    ("lang", "--lang", "lang"),
    ("attendee_tz", "--attendee-tz", "tz"),
    ("previous", "--previous", "previous"),
    ("speaker", "--speaker", "speaker"),
    ("track", "--track", "track"),
    ("room", "--room", "room"),
    ("picks", "--session", "sessions"),
)


def _write_options(name: str, args: argparse.Namespace) -> dict[str, object]:
    """The keyword arguments of format *name*'s export that the command line gives.

    An option the format does not take is refused, not ignored, so that
    ``--speaker`` never silently writes the whole programme.
    """
    options: dict[str, object] = {}
    takes = _interchange.TAKES[name]
    for attribute, flag, keyword in _WRITE_OPTIONS:
        value = getattr(args, attribute, None)
        if value is None:
            continue
        if keyword not in takes:
            formats = [f for f, keywords in _interchange.TAKES.items() if keyword in keywords]
            raise _CommandError(f"{flag}: {name} does not take it; only {', '.join(formats)}")
        if keyword == "tz":
            value = zone_named(value, name=flag)
        elif keyword == "previous":
            value = _read(value)
        options[keyword] = value
    return options


def _export(args: argparse.Namespace) -> _Output:
    return _exported(_summit(args.file), args.to, args.output, args)


def _convert(args: argparse.Namespace) -> _Output:
    summit = _foreign(args.input, args.source, args.tz, notes=args.notes)
    return _exported(summit, args.to, args.output, args)


def _import(args: argparse.Namespace) -> _Output:
    summit = _foreign(args.input, args.source, args.tz, notes=args.notes)
    args.lang = None  # summitkit's own JSON keeps every language
    return _exported(summit, "json", args.output, args)


#: The longest --default-duration: a session as long as the longest summit.
MAX_DEFAULT_MINUTES = 1096 * 24 * 60


def _solve(args: argparse.Namespace) -> _Output:
    from summitkit.schedule import UnschedulableError, solve  # noqa: PLC0415  # the solver, when asked
    from summitkit.text._solution import solution_text  # noqa: PLC0415
    from summitkit.text._unschedulable import error_text  # noqa: PLC0415

    policy = _policy(args)
    summit = _summit(args.file)
    default = None
    if args.default_duration is not None:
        if not 0 < args.default_duration <= MAX_DEFAULT_MINUTES:
            raise _CommandError(
                f"--default-duration {args.default_duration}: expected 1 to "
                f"{MAX_DEFAULT_MINUTES} minutes"
            )
        default = dt.timedelta(minutes=args.default_duration)
    untimed = [s.id for s in summit.sessions if s.slot is None and not s.is_cancelled]
    if untimed and default is None:
        raise _CommandError(
            f"solve: {len(untimed)} untimed sessions ({untimed[0]!r}, ...) need a length: "
            "give --default-duration MINUTES"
        )
    try:
        solution = solve(
            summit,
            default_duration=default,
            policy=policy,
            keep_pinned=args.keep_pinned,
            time_limit=args.time_limit,
            seed=args.seed,
            workers=args.workers,
        )
    except UnschedulableError as error:
        return [error_text(error, lang=args.lang) + "\n"], 1
    report = solution_text(solution, lang=args.lang)
    if args.output is None:
        return [report], 0
    written = json.dumps(solution.summit) + "\n"
    if args.output == _STDIN:
        _notice(report.splitlines())
        return [written], 0
    try:
        Path(args.output).write_text(written, encoding="utf-8")
    except OSError as error:
        raise _CommandError(f"cannot write {args.output}: {error.strerror or error}") from None
    return [report], 0


_COMMANDS: dict[str, Callable[[argparse.Namespace], _Output]] = {
    "agenda": _agenda,
    "check": _check,
    "diff": _diff,
    "export": _export,
    "convert": _convert,
    "import": _import,
    "solve": _solve,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit status, 0 on success; 1 when ``check`` finds an error (or
        ``diff --exit-code`` finds a change); 2 on a usage or data error, or
        when the output cannot be written.  A reader that stops early (as
        ``| head`` does) leaves the status as it would have been.
    """
    try:
        try:
            args = _parser().parse_args(argv)
        except _Show as shown:
            return _write([shown.text], 0)
        except _UsageError as error:
            return _report(str(error))
        output, status = _COMMANDS[args.command](args)
        # The agenda is made while it is written: its errors surface here too.
        return _write(output, status)
    except (_CommandError, SummitkitError) as error:
        return _fail(str(error))


def _write(pieces: Iterable[str | bytes], status: int) -> int:
    """Write *pieces* to standard output; *status*, or 2 if the output fails.

    Bytes go to the stream's binary buffer as they are, so that a format's
    own line ends (iCalendar's CRLF) and encoding (UTF-8) are kept.
    """
    stream: TextIO | None = sys.stdout
    if stream is None:  # started with standard output closed
        return _fail("cannot write the output: standard output is closed")
    try:
        for piece in pieces:
            if isinstance(piece, str):
                stream.write(piece)
                continue
            binary: IO[bytes] | None = getattr(stream, "buffer", None)
            if binary is None:  # a notebook's stream has no bytes beneath it
                stream.write(piece.decode("utf-8"))
            else:
                stream.flush()
                binary.write(piece)
                binary.flush()
        stream.flush()
    except BrokenPipeError:
        # The reader (say, `| head`) went away; that is not an error of ours.
        _discard(stream)
    except UnicodeEncodeError:
        return _fail(
            f"the output encoding ({stream.encoding}) cannot show this programme; "
            "use a UTF-8 terminal or set PYTHONIOENCODING=utf-8"
        )
    except OSError as error:  # a full disk, a closed descriptor, ...
        _discard(stream)
        return _fail(f"cannot write the output: {error.strerror or error}")
    return status


def _discard(stream: TextIO) -> None:
    """Point *stream*'s descriptor at the null device.

    What is still buffered would otherwise be written again when Python
    exits, fail again, and be reported in Python's own words.
    """
    with contextlib.suppress(OSError, ValueError):  # a stream with no descriptor
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, stream.fileno())
        finally:
            os.close(null)


def _notice(lines: Iterable[str]) -> None:
    """Write *lines* on standard error, as information beside the output, if it can be."""
    stream: TextIO | None = sys.stderr
    if stream is not None:
        with contextlib.suppress(OSError, ValueError):
            stream.writelines(f"{line}\n" for line in lines)
            stream.flush()


def _fail(message: str) -> int:
    """Report *message* as summitkit's error on standard error; return 2."""
    return _report(f"summitkit: error: {message}")


def _report(line: str) -> int:
    """Write *line* on standard error, if there is one to write to; return 2."""
    stream: TextIO | None = sys.stderr
    if stream is not None:
        with contextlib.suppress(OSError, ValueError):
            stream.write(f"{line}\n")
            stream.flush()
    return 2
