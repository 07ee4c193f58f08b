"""The package as users install and import it."""

from __future__ import annotations

import importlib.metadata
import pickle
import subprocess
import sys
from pathlib import Path

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


def test_console_script_is_declared() -> None:
    """The summitkit command points at summitkit.cli:main."""
    scripts = {ep.name: ep.value for ep in importlib.metadata.entry_points(group="console_scripts")}
    assert scripts["summitkit"] == "summitkit.cli:main"


def test_py_typed_is_shipped() -> None:
    """The package declares its types (PEP 561)."""
    assert (Path(sk.__file__).parent / "py.typed").is_file()
