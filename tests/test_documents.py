"""Tests for the collection of documentation examples (tests/documents.py), and fresh imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sybil import Example
from sybil.example import SybilFailure

from documents import (
    DOCSTRINGS,
    MARKDOWN,
    ROOT,
    Command,
    output_matches,
    parse_transcript,
    teardown,
)
from downstream import run_pytest


def evaluate(path: Path) -> list[str]:
    """Evaluate every example of the Markdown page at *path*; what each failure said, "" for a pass."""
    document = MARKDOWN.parse(path)
    try:
        return [outcome(example) for example in document]
    finally:
        teardown(document.namespace)


def outcome(example: Example) -> str:
    """What the example's failure said, or "" when it passed."""
    try:
        example.evaluate()
    except SybilFailure as failure:
        return failure.result
    return ""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the fresh interpreter ----------------------------------------------------------


def test_examples_run_in_an_interpreter_with_nothing_imported(tmp_path: Path) -> None:
    """What pytest and Hypothesis import in the test process is not there for an example."""
    assert "_pytest" in sys.modules
    page = "```python\n>>> import sys\n>>> sorted({'_pytest', 'hypothesis'} & set(sys.modules))\n[]\n\n```\n"
    assert evaluate(write(tmp_path, "page.md", page)) == ["", ""]


def test_examples_of_a_document_share_one_namespace_in_order(tmp_path: Path) -> None:
    """A name bound in one block, script or session, is there in the next."""
    page = "```python\nanswer = 6 * 7\n```\n\n```python\n>>> answer\n42\n\n```\n"
    assert evaluate(write(tmp_path, "page.md", page)) == ["", ""]


def test_a_wrong_output_fails_at_its_line(tmp_path: Path) -> None:
    """A doctest whose output differs fails, and the report names the document's line."""
    page = "Text.\n\n```python\n>>> 1 + 1\n3\n\n```\n"
    (failure,) = evaluate(write(tmp_path, "page.md", page))
    assert "line 4" in failure
    assert "Expected:\n    3\nGot:\n    2" in failure


def test_warnings_are_errors_in_examples(tmp_path: Path) -> None:
    """An example that warns fails, as the test suite treats warnings."""
    page = "```python\nimport warnings\nwarnings.warn('careful', UserWarning, stacklevel=1)\n```\n"
    (failure,) = evaluate(write(tmp_path, "page.md", page))
    assert "UserWarning: careful" in failure


def test_a_script_block_that_raises_fails_with_the_document_line(tmp_path: Path) -> None:
    """A plain Python block that raises reports the traceback at the document's line."""
    path = write(tmp_path, "page.md", "# Title\n\n```python\nx = 1\nraise ValueError(x)\n```\n")
    (failure,) = evaluate(path)
    assert f'File "{path}", line 5' in failure
    assert "ValueError: 1" in failure


def test_an_interpreter_that_exits_fails_its_example_and_the_rest(tmp_path: Path) -> None:
    """An example that ends its interpreter fails, with the status, and so do the ones after it."""
    page = "```python\n>>> import os\n>>> os._exit(3)\n>>> 1\n1\n\n```\n"
    outcomes = evaluate(write(tmp_path, "page.md", page))
    assert outcomes[0] == ""
    assert outcomes[1].startswith("the interpreter exited with status 3")
    assert outcomes[2].startswith("the interpreter exited with status 3")


def test_a_module_without_examples_is_no_test(tmp_path: Path) -> None:
    """A docstring without ``>>>`` gives no example, so no test that runs nothing."""
    path = write(
        tmp_path, "plain.py", '"""A module."""\n\n\ndef f() -> None:\n    """Nothing to run."""\n'
    )
    assert list(DOCSTRINGS.parse(path)) == []


def test_console_blocks_without_a_prompt_are_no_tests(tmp_path: Path) -> None:
    """A console block listing commands to type, with no ``$``, is not run."""
    page = "```console\npip install nox\n```\n"
    assert list(MARKDOWN.parse(write(tmp_path, "page.md", page))) == []


# -- transcripts ----------------------------------------------------------------------


def test_a_transcript_is_parsed_into_commands_with_their_lines() -> None:
    """Each ``$`` line starts a command; the lines up to the next are its output."""
    source = "$ summitkit check\nNo conflicts.\n$ summitkit agenda >&-\n$ true\nA\n\nB\n"
    assert parse_transcript(source, 10) == (
        Command(10, "summitkit check", ("No conflicts.",)),
        Command(12, "summitkit agenda >&-", ()),
        Command(13, "true", ("A", "", "B")),
    )


def test_a_transcript_runs_the_installed_command_and_compares_its_output(
    tmp_path: Path,
) -> None:
    """A right transcript passes; a wrong one fails and shows what came instead."""
    right = "```console\n$ summitkit check\nNo conflicts.\n```\n"
    wrong = "```console\n$ summitkit check\nNo conflicts\n```\n"
    assert evaluate(write(tmp_path, "right.md", right)) == [""]
    (failure,) = evaluate(write(tmp_path, "wrong.md", wrong))
    assert failure == ("line 2: $ summitkit check\nexpected:\nNo conflicts\ngot:\nNo conflicts.")


def test_a_transcript_shows_errors_and_uses_its_files(tmp_path: Path) -> None:
    """Standard error is part of the output, and the transcripts' files are in the folder."""
    page = "```console\n$ summitkit check programme.json >/dev/null\n$ summitkit check nowhere.json\n...\n```\n"
    assert evaluate(write(tmp_path, "page.md", page)) == [""]
    page = "```console\n$ summitkit check nowhere.json\n```\n"
    (failure,) = evaluate(write(tmp_path, "page.md", page))
    assert "expected:\n(nothing)\ngot:\nsummitkit: error:" in failure


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ([], []),
        (["a"], ["a"]),
        (["..."], []),
        (["..."], ["a", "b"]),
        (["a", "..."], ["a"]),
        (["...", "b"], ["a", "b"]),
        (["a", "...", "c"], ["a", "c"]),
        (["a", "...", "c"], ["a", "b", "b", "c"]),
        (["a", "...", "b", "...", "d"], ["a", "x", "b", "y", "d"]),
        (["a", "...", "b", "...", "c"], ["a", "b", "c"]),
        (["...", "b", "c", "..."], ["a", "b", "b", "c", "d"]),
    ],
)
def test_output_that_matches(expected: list[str], actual: list[str]) -> None:
    """``...`` lines stand for any lines, none included."""
    assert output_matches(expected, actual)


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ([], ["a"]),
        (["a"], []),
        (["a"], ["a", "b"]),
        (["a", "..."], ["b"]),
        (["...", "b"], ["b", "a"]),
        # One line cannot be both the start and the end, nor a middle piece and the end.
        (["a", "...", "a"], ["a"]),
        (["a", "...", "b", "...", "b"], ["a", "b"]),
        (["...", "b", "...", "c"], ["a", "c"]),
        (["a", "...", "b", "c", "...", "d"], ["a", "b", "x", "c", "d"]),
    ],
)
def test_output_that_does_not_match(expected: list[str], actual: list[str]) -> None:
    """Everything but the ``...`` lines must be there, in order, exactly."""
    assert not output_matches(expected, actual)


# -- what a reader types first --------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "from summitkit import strategies",
        "import summitkit.strategies",
        "from summitkit import strategies as sks\nsks.summits().validate()",
        "import hypothesis\nfrom summitkit import strategies as sks\nsks.speakers().validate()",
        "import summitkit as sk\nfrom hypothesis import strategies as st\nst.from_type(sk.Summit).validate()",
    ],
)
def test_documented_import_lines_run_in_a_fresh_interpreter(source: str, tmp_path: Path) -> None:
    """The strategies import as the docs write it, with nothing imported before."""
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", source],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def test_the_downstream_example_in_the_strategies_guide_runs(tmp_path: Path) -> None:
    """The example test file in docs/strategies.md passes under pytest, as written."""
    text = (ROOT / "docs" / "strategies.md").read_text(encoding="utf-8")
    block = text.split("<!-- downstream-example -->", 1)[1].split("```python\n", 1)[1]
    output = run_pytest(tmp_path, "test_feed.py", block.split("```", 1)[0])
    assert "2 passed" in output
