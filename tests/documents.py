"""The examples in docs/, the README and the docstrings, as Sybil collects them.

Sybil finds the examples: ``>>>`` sessions and plain Python blocks in Markdown,
``>>>`` sessions in the docstrings of ``src/summitkit``, and command-line
transcripts (a ``console`` block whose first line is a ``$`` prompt). Only
real examples become tests, so a page or module without any adds none.

Sybil would evaluate the Python examples inside pytest's own process, where
the plugins (Hypothesis among them) and the conftest files have already
imported what they need: an import that works only in that order would pass
here and fail for a reader. So each document's examples run, one at a time
and in order, in one fresh interpreter of their own (an ``Interpreter``),
started with nothing imported and warnings as errors, in an empty folder, as a
reader would run them in a script, a REPL or a notebook's first cell. Each
example is still its own test, reported at its own line.

A docstring's examples see their module's names, as ``doctest.testmod`` gives
them: the interpreter imports the module by name, so it is the installed
package that runs, never a second copy from the source tree.
"""

from __future__ import annotations

import doctest
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
from sybil import Document, Example, Region, Sybil
from sybil.document import PythonDocStringDocument
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
OPTIONFLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
# Generous: one example may build and check a large summit on a slow machine.
TIMEOUT = 300
# Where a document's interpreter and working folder live in its namespace,
# a dictionary Sybil keeps for each document.
_INTERPRETER = "__summitkit_interpreter__"
_FOLDER = "__summitkit_folder__"
_IMPORT_FAILURE = "__summitkit_import_failure__"

# Runs in the fresh interpreter: reads one request a line, answers one line
# (JSON, ASCII only, so that no locale can garble it) on a private copy of
# standard output. What the examples print goes to standard error instead,
# and they read standard input from /dev/null.
_WORKER = r"""
import doctest, importlib, json, os, sys, traceback
replies = os.fdopen(os.dup(1), "w", encoding="ascii")
requests = os.fdopen(os.dup(0), encoding="ascii")
os.dup2(2, 1)
os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
flags = int(sys.argv[1])
namespace = {"__name__": "__main__"}

def run(request):
    kind = request["kind"]
    if kind == "module":
        namespace.update(vars(importlib.import_module(request["name"])))
        return ""
    if kind == "code":
        code = compile(request["source"], request["path"], "exec", dont_inherit=True)
        exec(code, namespace)
        return ""
    options = {int(flag): on for flag, on in request["options"].items()}
    example = doctest.Example(
        request["source"], request["want"], request["exc_msg"], options=options
    )
    test = doctest.DocTest([example], {}, request["path"], request["path"], request["line"] - 1, None)
    test.globs = namespace  # DocTest copies its globals; the examples share one namespace
    report = []
    doctest.DocTestRunner(optionflags=flags).run(test, out=report.append, clear_globs=False)
    return "".join(report)

for line in requests:
    try:
        answer = run(json.loads(line))
    except BaseException:
        answer = traceback.format_exc()
    replies.write(json.dumps(answer) + "\n")
    replies.flush()
"""


class Interpreter:
    """A fresh Python interpreter that runs one document's examples in one namespace.

    Args:
        folder: The working folder, empty but for what the document's examples write.
    """

    def __init__(self, folder: Path) -> None:
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self._process = subprocess.Popen(
            [sys.executable, "-W", "error", "-c", _WORKER, str(OPTIONFLAGS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            cwd=folder,
            text=True,
            encoding="ascii",
        )

    def ask(self, request: dict[str, Any]) -> str:
        """Run one request; return what failed, or "" when it passed."""
        process = self._process
        assert process.stdin is not None
        assert process.stdout is not None
        if process.poll() is None:
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
            ready, _, _ = select.select([process.stdout], [], [], TIMEOUT)
            if ready:
                reply = process.stdout.readline()
                if reply:
                    answer: str = json.loads(reply)
                    return answer
            else:
                process.kill()
                return f"no answer in {TIMEOUT} s"
        process.wait()
        self._errors.seek(0)
        output = self._errors.read().decode("utf-8", "replace")
        return f"the interpreter exited with status {process.returncode}:\n{output}"

    def close(self) -> None:
        """End the interpreter (its examples are done) and drop its output."""
        process = self._process
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.close()
        try:
            process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        self._errors.close()


def _folder(document: Document) -> Path:
    """The document's working folder, made on first use."""
    namespace = document.namespace
    if _FOLDER not in namespace:
        namespace[_FOLDER] = Path(tempfile.mkdtemp(prefix="summitkit-docs-"))
    folder: Path = namespace[_FOLDER]
    return folder


def module_name(path: Path) -> str:
    """The dotted name of the module in *path*, a file under src/."""
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _interpreter(document: Document) -> tuple[Interpreter, str]:
    """The document's interpreter, started on first use, and why its module did not import."""
    namespace = document.namespace
    if _INTERPRETER not in namespace:
        interpreter = Interpreter(_folder(document))
        namespace[_INTERPRETER] = interpreter
        namespace[_IMPORT_FAILURE] = ""
        path = Path(document.path)
        if path.suffix == ".py":
            failed = interpreter.ask({"kind": "module", "name": module_name(path)})
            if failed:
                namespace[_IMPORT_FAILURE] = f"importing {module_name(path)} failed:\n{failed}"
    return namespace[_INTERPRETER], namespace[_IMPORT_FAILURE]


def evaluate_in_interpreter(example: Example) -> str:
    """Run a Python example in its document's fresh interpreter; return what failed."""
    parsed = example.parsed
    if isinstance(parsed, doctest.Example):
        request = {
            "kind": "doctest",
            "source": parsed.source,
            "want": parsed.want,
            "exc_msg": parsed.exc_msg,
            "options": {str(flag): on for flag, on in parsed.options.items()},
            "line": example.line,
            "path": example.path,
        }
    else:
        # Blank lines before the code, so that a traceback names the document's line.
        line = example.line + parsed.line_offset
        request = {"kind": "code", "source": "\n" * line + parsed, "path": example.path}
    interpreter, import_failure = _interpreter(example.document)
    return import_failure or interpreter.ask(request)


class InInterpreter:
    """A parser: the Python examples another parser finds, run in a fresh interpreter.

    Args:
        parser: The Sybil parser that finds the examples.
    """

    def __init__(self, parser: Callable[[Document], Iterable[Region]]) -> None:
        self._parser = parser

    def __call__(self, document: Document) -> Iterator[Region]:
        """Yield the parser's regions, each to be evaluated in the document's interpreter."""
        for region in self._parser(document):
            region.evaluator = evaluate_in_interpreter
            yield region


# -- command-line transcripts -------------------------------------------------------


@attrs.frozen
class Command:
    """One prompt of a transcript and the output it shows.

    Attributes:
        line: The prompt's line in the document.
        command: The shell command after the ``$``.
        expected: The lines shown after it; a line ``...`` stands for any lines.
    """

    line: int
    command: str
    expected: tuple[str, ...]


def parse_transcript(source: str, first_line: int) -> tuple[Command, ...]:
    """The commands of a transcript whose first line is at *first_line*."""
    commands: list[Command] = []
    for number, text in enumerate(source.splitlines(), start=first_line):
        if text.startswith("$ "):
            commands.append(Command(number, text[2:], ()))
        else:
            last = commands[-1]
            commands[-1] = attrs.evolve(last, expected=(*last.expected, text))
    return tuple(commands)


def output_matches(expected: Sequence[str], actual: Sequence[str]) -> bool:
    """Whether *actual* lines are *expected*, where a line ``...`` matches any lines, or none.

    The pieces between the ``...`` lines are found leftmost first, which is
    enough for a pattern with only this one kind of wildcard.
    """
    pieces: list[list[str]] = [[]]
    for line in expected:
        if line == "...":
            pieces.append([])
        else:
            pieces[-1].append(line)
    if len(pieces) == 1:
        return list(expected) == list(actual)
    first, *middle, last = pieces
    end = len(actual) - len(last)
    if end < len(first) or list(actual[: len(first)]) != first or list(actual[end:]) != last:
        return False
    position = len(first)
    for piece in middle:
        while True:
            if position + len(piece) > end:
                return False
            if list(actual[position : position + len(piece)]) == piece:
                break
            position += 1
        position += len(piece)
    return True


def write_transcript_files(folder: Path) -> None:
    """Write the files that the transcripts in docs/ read.

    ``programme.json`` has a room double-booked and over capacity;
    ``programme.json.gz`` and ``published.json`` are the embedded example, and
    ``draft.json`` the same with a keynote cancelled.
    """
    import datetime as dt  # noqa: PLC0415 - only documents with transcripts need these
    import gzip  # noqa: PLC0415

    import summitkit as sk  # noqa: PLC0415
    from summitkit.formats import json as skjson  # noqa: PLC0415

    def at(hour: int, minute: int) -> dt.datetime:
        return dt.datetime(2015, 9, 16, hour, minute, tzinfo=sk.DUBAI)

    clash = sk.Summit(
        id="programme",
        name={"en": "Programme"},
        first_day=dt.date(2015, 9, 16),
        rooms=[sk.Room(id="hall-one", name={"en": "Hall One"}, capacity=300)],
        speakers=[sk.Speaker(id="host", name={"en": "Host"})],
        sessions=[
            sk.Ceremony(
                id="opening",
                title={"en": "Opening"},
                slot=sk.TimeSlot(at(9, 0), at(10, 0)),
                room="hall-one",
            ),
            sk.Keynote(
                id="keynote",
                title={"en": "Keynote"},
                slot=sk.TimeSlot(at(9, 30), at(10, 30)),
                room="hall-one",
                participants=[sk.Participant("host")],
                expected_attendance=400,
            ),
        ],
    )
    published = sk.examples.gsms2015()
    (folder / "programme.json").write_text(skjson.dumps(clash), encoding="utf-8")
    (folder / "programme.json.gz").write_bytes(gzip.compress(skjson.dumps(published).encode()))
    (folder / "published.json").write_text(skjson.dumps(published), encoding="utf-8")
    draft = published.cancel("keynote-modern-workplace")
    (folder / "draft.json").write_text(skjson.dumps(draft), encoding="utf-8")
    untimed = published.reschedule("keynote-modern-workplace", None)
    (folder / "untimed.json").write_text(skjson.dumps(untimed), encoding="utf-8")


# `summitkit` in a transcript is this interpreter's package, run fresh with
# warnings as errors, whatever is on PATH; the rest is the shell as written.
_SHELL_PRELUDE = 'summitkit() { "$SUMMITKIT_PYTHON" -W error -m summitkit "$@"; }\n'


def run_command(command: str, folder: Path) -> list[str]:
    """Run a transcript's *command* in bash in *folder*; its output and errors, as lines."""
    environment = {
        **os.environ,
        "SUMMITKIT_PYTHON": sys.executable,
        # As a UTF-8 terminal shows it, errors interleaved with the output.
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUNBUFFERED": "1",
    }
    bash = shutil.which("bash")
    assert bash is not None, "the transcripts need bash"
    result = subprocess.run(
        [bash, "-c", _SHELL_PRELUDE + command],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        cwd=folder,
        env=environment,
        check=False,
        timeout=TIMEOUT,
    )
    return result.stdout.decode("utf-8").splitlines()


def evaluate_transcript(example: Example) -> str:
    """Run each command of a transcript; return where the output differs, or ""."""
    folder = _folder(example.document)
    if not (folder / "programme.json").exists():
        write_transcript_files(folder)
    for command in example.parsed:
        actual = run_command(command.command, folder)
        if not output_matches(command.expected, actual):
            expected = "\n".join(command.expected) or "(nothing)"
            got = "\n".join(actual) or "(nothing)"
            return f"line {command.line}: $ {command.command}\nexpected:\n{expected}\ngot:\n{got}"
    return ""


class TranscriptParser:
    """A parser for command-line transcripts: ``console`` blocks that start with ``$ ``.

    A ``console`` block without a prompt lists commands to type, and is no test.
    """

    def __init__(self) -> None:
        self._blocks = CodeBlockParser(language="console")

    def __call__(self, document: Document) -> Iterator[Region]:
        """Yield one region per transcript, its commands parsed."""
        for region in self._blocks(document):
            source = str(region.parsed)
            if source.startswith("$ "):
                # The block's source starts on the line after its opening fence.
                first_line = document.text.count("\n", 0, region.start) + 2
                region.parsed = parse_transcript(source, first_line)
                region.evaluator = evaluate_transcript
                yield region


def teardown(namespace: dict[str, Any]) -> None:
    """End a document's interpreter and remove its working folder."""
    interpreter = namespace.pop(_INTERPRETER, None)
    if interpreter is not None:
        interpreter.close()
    folder = namespace.pop(_FOLDER, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


class DocstringDocument(PythonDocStringDocument):
    """The docstrings of a module, whose module is imported by its fresh interpreter only.

    Sybil's own docstring document imports the file by its path, in pytest's
    process; here the interpreter imports the module by name instead.
    """

    def __init__(self, text: str, path: str) -> None:
        Document.__init__(self, text, path)


MARKDOWN = Sybil(
    parsers=[InInterpreter(PythonCodeBlockParser()), TranscriptParser()],
    path=str(ROOT),
    patterns=["README.md", "docs/*.md"],
    teardown=teardown,
    name="docs",
)
DOCSTRINGS = Sybil(
    parsers=[InInterpreter(DocTestParser())],
    path=str(SRC),
    patterns=["*.py"],
    document_types={".py": DocstringDocument},
    teardown=teardown,
    name="docstrings",
)
DOCUMENTS = MARKDOWN + DOCSTRINGS
