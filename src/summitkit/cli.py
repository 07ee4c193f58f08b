"""The ``summitkit`` command line.

``summitkit agenda [FILE]`` prints a summit file's programme, or with no FILE
the embedded GSMS 2015 programme; ``--tz`` adds an attendee's zone and
``--lang`` picks Arabic or English.  Errors print one line
and exit with status 2; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from summitkit import examples
from summitkit._agenda import LANGUAGES, render_agenda
from summitkit._summit import Summit
from summitkit._time import get_zone
from summitkit.exceptions import FormatError, SummitkitError
from summitkit.formats import json

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: the message says what to fix.
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="summitkit",
        description="Model, schedule, check and exchange the programme of a summit.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    agenda = commands.add_parser(
        "agenda",
        help="print a programme (by default the embedded GSMS 2015 example)",
        description="Print the programme in the summit's time zone, day by day.",
    )
    agenda.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a summit in summitkit's JSON format (default: the GSMS 2015 example)",
    )
    agenda.add_argument(
        "--tz",
        metavar="ZONE",
        help="also show times in this IANA time zone, e.g. Europe/London",
    )
    agenda.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default="en",
        help="language of the programme (default: en)",
    )
    return parser


def _read(path: str) -> Summit:
    with Path(path).open("rb") as file:
        return json.load(file)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 0 on success, 2 on a usage or data error.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        zone = get_zone(args.tz, path="--tz") if args.tz is not None else None
        summit = _read(args.file) if args.file is not None else examples.gsms2015()
        text = render_agenda(summit, tz=zone, lang=args.lang)
    except FormatError as error:
        print(f"summitkit: error: {args.file}: {error}", file=sys.stderr)
        return 2
    except SummitkitError as error:
        print(f"summitkit: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"summitkit: error: cannot read {args.file}: {error.strerror}", file=sys.stderr)
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
    return 0
