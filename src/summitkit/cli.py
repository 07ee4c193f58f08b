"""The ``summitkit`` command line.

- ``summitkit agenda [FILE]`` prints a summit file's programme, or with no
  FILE the embedded GSMS 2015 programme; ``--tz`` adds an attendee's zone and
  ``--lang`` picks Arabic or English.
- ``summitkit check [FILE]`` prints the programme's conflicts and exits 1 if
  any is an error.
- ``summitkit diff OLD NEW`` prints what changed from one version to the
  next.

Errors print one line and exit with status 2; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from summitkit import examples
from summitkit._agenda import LANGUAGES, render_agenda
from summitkit._summit import Summit
from summitkit._time import get_zone
from summitkit.changes import diff
from summitkit.exceptions import FormatError, ModelError, SummitkitError
from summitkit.formats import json
from summitkit.schedule import MAX_CHANGEOVER, ConflictKind, ConflictPolicy, Severity, conflicts

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: the message says what to fix.
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


class _CommandError(Exception):
    """A problem to report on one line, with exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="summitkit",
        description="Model, schedule, check and exchange the programme of a summit.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    file_help = "a summit in summitkit's JSON format (default: the GSMS 2015 example)"
    lang_help = "language of the output (default: en)"

    agenda = commands.add_parser(
        "agenda",
        help="print a programme (by default the embedded GSMS 2015 example)",
        description="Print the programme in the summit's time zone, day by day.",
    )
    agenda.add_argument("file", nargs="?", metavar="FILE", help=file_help)
    agenda.add_argument(
        "--tz", metavar="ZONE", help="also show times in this IANA time zone, e.g. Europe/London"
    )
    agenda.add_argument("--lang", choices=sorted(LANGUAGES), default="en", help=lang_help)

    check = commands.add_parser(
        "check",
        help="print a programme's conflicts; exit 1 if any is an error",
        description=(
            "Print every scheduling conflict (double bookings, closed rooms, unavailable "
            "speakers, full rooms, hurried changeovers) and exit 1 if any is an error."
        ),
    )
    check.add_argument("file", nargs="?", metavar="FILE", help=file_help)
    check.add_argument("--lang", choices=sorted(LANGUAGES), default="en", help=lang_help)
    check.add_argument(
        "--changeover",
        type=int,
        metavar="MINUTES",
        default=10,
        help="the least time a speaker needs between rooms (default: 10)",
    )
    kinds = ", ".join(kind.value for kind in ConflictKind)
    check.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="KIND=LEVEL",
        help=f"set a kind's severity to error, warning or ignore; kinds: {kinds}",
    )

    changes = commands.add_parser(
        "diff",
        help="print what changed between two versions of a programme",
        description="Print a changelog: sessions added, removed, cancelled, moved, re-roomed...",
    )
    changes.add_argument("old", metavar="OLD", help="the earlier version (JSON)")
    changes.add_argument("new", metavar="NEW", help="the later version (JSON)")
    changes.add_argument("--lang", choices=sorted(LANGUAGES), default="en", help=lang_help)
    changes.add_argument("--tz", metavar="ZONE", help="show times in this IANA time zone")
    changes.add_argument("--speaker", metavar="ID", help="only what changed for this speaker")
    changes.add_argument(
        "--exit-code", action="store_true", help="exit 1 if anything changed, as diff(1) does"
    )
    return parser


def _read(path: str) -> Summit:
    try:
        with Path(path).open("rb") as file:
            return json.load(file)
    except FormatError as error:
        raise _CommandError(f"{path}: {error}") from None
    except OSError as error:
        raise _CommandError(f"cannot read {path}: {error.strerror}") from None


def _summit(path: str | None) -> Summit:
    return _read(path) if path is not None else examples.gsms2015()


def _agenda(args: argparse.Namespace) -> tuple[str, int]:
    zone = get_zone(args.tz, path="--tz") if args.tz is not None else None
    return render_agenda(_summit(args.file), tz=zone, lang=args.lang), 0


def _policy(args: argparse.Namespace) -> ConflictPolicy:
    severities: dict[str, str] = {}
    for setting in args.severity:
        kind, equals, level = (part.strip() for part in setting.partition("="))
        if not equals:
            raise _CommandError(
                f"--severity {setting!r}: expected KIND=LEVEL, e.g. over-capacity=error"
            )
        try:
            ConflictPolicy({kind: level})
        except SummitkitError as error:
            problem = error.problem if isinstance(error, ModelError) else str(error)
            raise _CommandError(f"--severity {setting!r}: {problem}") from None
        severities[kind] = level
    day = MAX_CHANGEOVER // dt.timedelta(minutes=1)
    if not 0 <= args.changeover <= day:
        raise _CommandError(f"--changeover {args.changeover}: expected 0 to {day} minutes")
    return ConflictPolicy(severities, changeover=dt.timedelta(minutes=args.changeover))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _summary(found: int, errors: int, lang: str) -> str:
    warnings = found - errors
    if lang == "ar":
        return (
            f"التعارضات: {found} (أخطاء: {errors}، تحذيرات: {warnings})."
            if found
            else "لا تعارضات."
        )
    if not found:
        return "No conflicts."
    counts = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
    return f"{_count(found, 'conflict')}: {counts}."


_LEVELS = {"en": {Severity.ERROR: "error", Severity.WARNING: "warning"}}
_LEVELS["ar"] = {Severity.ERROR: "خطأ", Severity.WARNING: "تحذير"}


def _check(args: argparse.Namespace) -> tuple[str, int]:
    policy = _policy(args)
    found = conflicts(_summit(args.file), policy=policy)
    levels = _LEVELS[args.lang]
    lines = [f"{levels[c.severity]}: {c.explain(args.lang)}" for c in found]
    errors = sum(c.severity is Severity.ERROR for c in found)
    lines.append(_summary(len(found), errors, args.lang))
    return "\n".join(lines) + "\n", 1 if errors else 0


def _diff(args: argparse.Namespace) -> tuple[str, int]:
    zone = get_zone(args.tz, path="--tz") if args.tz is not None else None
    changelog = diff(_read(args.old), _read(args.new))
    if args.speaker is not None:
        changelog = changelog.for_speaker(args.speaker)
    text = changelog.render(args.lang, tz=zone)
    return text if text.endswith("\n") else text + "\n", 1 if args.exit_code and changelog else 0


_COMMANDS: dict[str, Callable[[argparse.Namespace], tuple[str, int]]] = {
    "agenda": _agenda,
    "check": _check,
    "diff": _diff,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 on success; 1 when ``check`` finds an error (or
        ``diff --exit-code`` finds a change); 2 on a usage or data error.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        text, status = _COMMANDS[args.command](args)
    except _CommandError as error:
        print(f"summitkit: error: {error}", file=sys.stderr)
        return 2
    except SummitkitError as error:
        print(f"summitkit: error: {error}", file=sys.stderr)
        return 2
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (say, `| head`) went away; that is not an error of ours.
        sys.stderr.close()
    except UnicodeEncodeError:
        print(
            f"summitkit: error: the output encoding ({sys.stdout.encoding}) cannot show this "
            "programme; use a UTF-8 terminal or set PYTHONIOENCODING=utf-8",
            file=sys.stderr,
        )
        return 2
    return status
