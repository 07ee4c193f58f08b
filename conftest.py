"""Collects the examples of the documentation as tests (see tests/documents.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from documents import DOCUMENTS, SRC

pytest_collect_file = DOCUMENTS.pytest()


def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Walk src/ as plain folders, not packages.

    pytest would import a package's ``__init__.py`` from the source tree before
    running the docstring examples inside it; the tests run against the
    installed package, and a second copy of it must not be imported.
    """
    if path == SRC or SRC in path.parents:
        return pytest.Dir.from_parent(parent, path=path)
    return None
