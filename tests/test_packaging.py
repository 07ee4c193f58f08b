"""The package as users install and import it."""

from __future__ import annotations

import importlib.metadata
import pickle
import pkgutil
import re
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

import summitkit as sk
from summitkit import changes, examples, exceptions, formats, schedule
from summitkit import strategies as sks
from summitkit.formats import json as skjson


def test_version_comes_from_the_installed_metadata() -> None:
    """__version__ is the installed distribution's version."""
    assert sk.__version__ == importlib.metadata.version("summitkit")


def _isort_key(name: str) -> tuple[int, str]:
    # Constants, then classes, then everything else, each alphabetical.
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return (kind, name)


def test_all_is_sorted_and_complete() -> None:
    """Each public module's __all__ is sorted (isort style) and every name in it exists."""
    for module in (sk, changes, examples, exceptions, formats, schedule, skjson, sks):
        names = module.__all__
        assert names == sorted(names, key=_isort_key), module.__name__
        for name in names:
            assert hasattr(module, name), f"{module.__name__}.{name}"


def test_design_names_are_served_by_the_facade() -> None:
    """The names DESIGN.md promises users can type are there."""
    for name in [
        "Summit",
        "Keynote",
        "Panel",
        "Talk",
        "WorkshopTrack",
        "WorkshopSession",
        "Break",
        "Speaker",
        "Organization",
        "Room",
        "Venue",
        "TimeSlot",
        "LocalizedText",
        "DUBAI",
        "SummitkitError",
    ]:
        assert name in sk.__all__


def test_every_error_is_a_summitkit_error() -> None:
    """Every exception class in summitkit.exceptions derives from SummitkitError."""
    for name in exceptions.__all__:
        assert issubclass(getattr(exceptions, name), sk.SummitkitError), name


def test_model_errors_pickle_with_their_fields() -> None:
    """A ModelError survives pickling (multiprocessing, caches) with path and problem."""
    error = exceptions.InvalidTimeError("TimeSlot.end", "expected a time after start")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301
    assert (type(copy), copy.path, copy.problem, str(copy)) == (
        exceptions.InvalidTimeError,
        "TimeSlot.end",
        "expected a time after start",
        "TimeSlot.end: expected a time after start",
    )


def test_other_errors_pickle_too() -> None:
    """MissingTranslationError and MissingExtraError survive pickling."""
    for error in (
        exceptions.MissingTranslationError("fr", ("ar", "en")),
        exceptions.MissingExtraError("summitkit.strategies", "hypothesis", "hypothesis"),
    ):
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301
        assert (type(copy), str(copy)) == (type(error), str(error))


def test_importing_summitkit_does_not_import_hypothesis() -> None:
    """Strategies are optional: the package root never imports Hypothesis."""
    code = (
        "import sys, summitkit; summitkit.examples.gsms2015(); print('hypothesis' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_notebook_modules_load_on_first_use() -> None:
    """summitkit.frames and summitkit.plot are served when first named, in a fresh interpreter.

    Importing summitkit loads neither them, nor the text layer, nor pandas or
    matplotlib, though ``dir(summitkit)`` lists them (for tab completion);
    naming one imports it (and still not its library, which its functions
    import when called).
    """
    code = (
        "import sys, summitkit\n"
        "watched = ('summitkit.frames', 'summitkit.plot', 'summitkit.text', 'pandas', 'matplotlib')\n"
        "print([m for m in watched if m in sys.modules])\n"
        "print({'frames', 'plot'} <= set(dir(summitkit)))\n"
        "print(summitkit.frames.__name__, summitkit.plot.__name__)\n"
        "print([m for m in watched if m in sys.modules])\n"
        "print(summitkit.frames.to_dataframe(summitkit.examples.gsms2015()).shape[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == [
        "[]",
        "True",
        "summitkit.frames summitkit.plot",
        "['summitkit.frames', 'summitkit.plot', 'summitkit.text']",
        "16",
    ]


def test_the_package_root_imports_only_the_model() -> None:
    """``import summitkit`` loads the model; the rest is served on first use, in a fresh interpreter.

    Every name of ``__all__`` is then reachable from the root and is the same
    object as where it is defined; ``dir`` lists them all before any is used.
    """
    code = (
        "import sys, summitkit\n"
        "later = ('summitkit.changes', 'summitkit.examples', 'summitkit.formats',\n"
        "         'summitkit.schedule', 'summitkit._attendee', 'summitkit._parsing',\n"
        "         'summitkit._summit_changes', 'cattrs', 'babel', 'dateutil.tz',\n"
        "         'dateutil.parser', 'anyascii', 'importlib.resources')\n"
        "print([m for m in later if m in sys.modules])\n"
        "print(set(summitkit.__all__) <= set(dir(summitkit)))\n"
        "from summitkit import parse_time\n"
        "from summitkit._parsing import parse_time as defined\n"
        "print(parse_time is defined is summitkit.parse_time)\n"
        "print([n for n in summitkit.__all__ if getattr(summitkit, n, None) is None])\n"
        "print(summitkit.recurring_slots.__module__, summitkit.AttendeeSlot.__module__)\n"
        "print(sorted(m for m in later if m in sys.modules)[:3])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == [
        "[]",
        "True",
        "True",
        "[]",
        "summitkit.schedule._recurrence summitkit._attendee",
        "['babel', 'cattrs', 'dateutil.parser']",
    ]


def test_an_unknown_name_of_the_root_is_an_attribute_error() -> None:
    """A name the root does not have raises AttributeError naming it, as for any module."""
    with pytest.raises(AttributeError, match="no_such_name"):
        sk.no_such_name  # noqa: B018  # the lookup is the test


def test_console_script_is_declared() -> None:
    """The summitkit command points at summitkit.cli:main."""
    scripts = {ep.name: ep.value for ep in importlib.metadata.entry_points(group="console_scripts")}
    assert scripts["summitkit"] == "summitkit.cli:main"


def test_py_typed_is_shipped() -> None:
    """The package declares its types (PEP 561)."""
    assert (Path(sk.__file__).parent / "py.typed").is_file()


ROOT = Path(__file__).resolve().parent.parent


def _pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def test_the_tests_need_the_pytest_that_reads_their_settings() -> None:
    """The tests group asks for the pytest that [tool.pytest] needs, so strict settings are never ignored."""
    project = _pyproject()
    floor = next(r for r in project["dependency-groups"]["tests"] if r.startswith("pytest"))
    assert floor == f"pytest>={project['tool']['pytest']['minversion']}"


def test_keywords_name_only_what_exists() -> None:
    """No keyword advertises a format summitkit does not read or write yet."""
    keywords = set(_pyproject()["project"]["keywords"])
    # Each format keyword, and the module that reads or writes it.
    module_of = {
        "icalendar": "ical",
        "ical": "ical",
        "frab": "frab",
        "pretalx": "frab",
        "indico": "indico",
        "jsonld": "jsonld",
        "schema.org": "jsonld",
        "csv": "csv",
    }
    shipped = {module.name for module in pkgutil.iter_modules(formats.__path__)}
    assert {k for k in keywords & set(module_of) if module_of[k] not in shipped} == set()


def test_the_readme_has_no_relative_links() -> None:
    """A package index shows the README without the repository, so its links must not be relative."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]+)\)", readme)
    assert [t for t in targets if not t.startswith(("https://", "http://", "#"))] == []


def test_the_sdist_holds_everything_the_noxfile_uses(tmp_path: Path) -> None:
    """An unpacked sdist has the tests, docs, benchmarks and noxfile that nox's sessions run."""
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    (sdist,) = tmp_path.glob("summitkit-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    used = set(re.findall(r'"((?:benchmarks|docs|tests)/[^"]+)"', noxfile))
    assert used == {
        "benchmarks/run.py",
        "docs/_build/html",
        "docs/summit.schema.json",
        "tests/test_display_browser.py",
    }
    used.discard("docs/_build/html")  # what the build writes
    for needed in [
        "noxfile.py",
        "conftest.py",
        "pyproject.toml",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
    ]:
        assert needed in names
    for path in [*used, "tests", "docs", "src/summitkit"]:
        assert any(name == path or name.startswith(path + "/") for name in names), path


def test_without_hypothesis_the_strategies_say_how_to_install_it() -> None:
    """Importing the strategies without Hypothesis names the extra, from PyPI and from a checkout."""
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None  # as if it were not installed\n"
        "try:\n"
        "    from summitkit import strategies\n"
        "except ImportError as error:\n"
        "    print(type(error).__name__, error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == (
        "MissingExtraError summitkit.strategies needs the optional module 'hypothesis'; "
        "install the 'hypothesis' extra: pip install 'summitkit[hypothesis]', "
        "or from a checkout of summitkit, pip install '.[hypothesis]'"
    )
