"""Every example in the docstrings, the README and docs/ runs as written."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import summitkit
from downstream import run_pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(summitkit.__path__, prefix="summitkit.")
    if info.name != "summitkit.__main__"
)
DOCUMENTS = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("name", ["summitkit", *MODULES])
def test_module_doctests(name: str) -> None:
    """The module's docstring examples pass."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS, report=True)
    assert result.failed == 0


def test_the_downstream_example_in_the_strategies_guide_runs(tmp_path: Path) -> None:
    """The example test file in docs/strategies.md passes under pytest, as written."""
    text = (ROOT / "docs" / "strategies.md").read_text(encoding="utf-8")
    block = text.split("<!-- downstream-example -->", 1)[1].split("```python\n", 1)[1]
    output = run_pytest(tmp_path, "test_feed.py", block.split("```", 1)[0])
    assert "2 passed" in output


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_document_examples(path: Path) -> None:
    """The document's ``>>>`` examples pass."""
    result = doctest.testfile(str(path), module_relative=False, optionflags=FLAGS, encoding="utf-8")
    assert result.failed == 0
