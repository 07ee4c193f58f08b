"""Development sessions: ``nox`` runs tests, exploring property tests, lint and typing.

``nox -s docs`` builds the documentation site and runs its examples.

Every session builds its own virtual environment with pip and virtualenv,
installs summitkit itself (not the source tree) and the tools it needs from
the dependency groups in ``pyproject.toml``.
"""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2.9"  # nox.project.dependency_groups()
nox.options.sessions = ["tests", "explore", "lint", "typing"]
nox.options.error_on_missing_interpreters = True

PYPROJECT = nox.project.load_toml("pyproject.toml")


def _install(session: nox.Session, *groups: str) -> None:
    session.install(".", *nox.project.dependency_groups(PYPROJECT, *groups))


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (documentation examples included) against the installed package.

    The whole suite measures branch coverage of the installed package and
    fails below the floor in pyproject.toml; with arguments (a file, ``-k``),
    pytest runs just those, without the floor, which a part cannot reach.
    """
    # The docs group is the tests group and Sphinx: the suite builds the site.
    _install(session, "docs")
    if session.posargs:
        session.run("pytest", *session.posargs)
    else:
        session.run("pytest", "--cov", "--cov-report=term-missing:skip-covered")


@nox.session
def explore(session: nox.Session) -> None:
    """Run the property tests with new examples, from a seed printed at the start.

    The derandomised profile CI uses replays the same examples on every run;
    this one draws new ones each time. Replay a run with
    ``nox -s explore -- --hypothesis-seed=SEED``.
    """
    # The docs group, as for the tests: collecting the suite imports Sphinx.
    _install(session, "docs")
    session.run(
        "pytest", "-m", "hypothesis", *session.posargs, env={"HYPOTHESIS_PROFILE": "explore"}
    )


@nox.session
def benchmarks(session: nox.Session) -> None:
    """Run the benchmarks in benchmarks/ and print one table of their ratios.

    Arguments go to ``benchmarks/run.py``: ``--repeat N`` and benchmark names.
    """
    session.install(".", *nox.project.dependency_groups(PYPROJECT, "benchmarks"))
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site, warnings as errors, and run every example in it.

    The HTML goes to docs/_build/html. The examples are those of docs/, the
    README and the docstrings the API reference shows, run by Sybil as the
    test suite runs them (without the coverage floor, which only the whole
    suite reaches), with the browser test of the HTML timetable the pages
    show. Arguments are passed to sphinx-build, such as ``-E`` to read
    every page again.
    """
    _install(session, "docs")
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-b",
        "html",
        *session.posargs,
        "docs",
        "docs/_build/html",
    )
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        "docs",
        "README.md",
        "src",
        "tests/test_display_browser.py",
    )


@nox.session
def schema(session: nox.Session) -> None:
    """Write docs/summit.schema.json from the model; the test suite checks it is current."""
    session.install(".")
    session.run("python", "-c", SCHEMA_WRITER)


# The exact text the test suite expects in docs/summit.schema.json.
SCHEMA_WRITER = r"""
import json, pathlib
from summitkit.formats import json as skjson
text = json.dumps(skjson.schema(), indent=2, ensure_ascii=True) + "\n"
pathlib.Path("docs/summit.schema.json").write_text(text, encoding="utf-8", newline="\n")
"""


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typing(session: nox.Session) -> None:
    """Type-check the package and the typing tests with mypy --strict and pyright."""
    _install(session, "typing")
    session.run("mypy")
    session.run("pyright")
