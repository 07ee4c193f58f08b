"""Every example in the docstrings, the README and docs/ runs as written.

Each runs in a fresh interpreter, as a reader would run it (a script, a REPL,
a notebook's first cell): pytest imports its plugins, Hypothesis among them,
before any test, which can hide an import that only works in that order.
"""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
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
# A fenced Python block that is a script, not a doctest session.
_SCRIPT = re.compile(r"^```python\n(?!>>>)(.*?)^```", re.MULTILINE | re.DOTALL)

_DOCTEST = """
import doctest, importlib, sys
flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
kind, target = sys.argv[1:]
if kind == "module":
    result = doctest.testmod(importlib.import_module(target), optionflags=flags)
else:
    result = doctest.testfile(target, module_relative=False, optionflags=flags, encoding="utf-8")
sys.exit(1 if result.failed else 0)
"""


def fresh(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run this interpreter with *args* in *cwd*, nothing imported first, warnings as errors."""
    return subprocess.run(
        [sys.executable, "-W", "error", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.parametrize("name", ["summitkit", *MODULES])
def test_module_doctests(name: str, tmp_path: Path) -> None:
    """The module's docstring examples pass in a fresh interpreter."""
    result = fresh("-c", _DOCTEST, "module", name, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_document_examples(path: Path, tmp_path: Path) -> None:
    """The document's ``>>>`` examples pass in a fresh interpreter."""
    result = fresh("-c", _DOCTEST, "file", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def _scripts() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        for number, match in enumerate(_SCRIPT.finditer(text), start=1):
            found.append((f"{path.relative_to(ROOT)}#{number}", match[1]))
    return found


@pytest.mark.parametrize(("where", "source"), _scripts(), ids=[w for w, _ in _scripts()])
def test_document_scripts(where: str, source: str, tmp_path: Path) -> None:
    """Each Python block written as a script runs as a script, in a fresh interpreter."""
    (tmp_path / "example.py").write_text(source, encoding="utf-8")
    result = fresh("example.py", cwd=tmp_path)
    assert result.returncode == 0, f"{where}:\n{result.stdout}{result.stderr}"


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
    result = fresh("-c", source, cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_downstream_example_in_the_strategies_guide_runs(tmp_path: Path) -> None:
    """The example test file in docs/strategies.md passes under pytest, as written."""
    text = (ROOT / "docs" / "strategies.md").read_text(encoding="utf-8")
    block = text.split("<!-- downstream-example -->", 1)[1].split("```python\n", 1)[1]
    output = run_pytest(tmp_path, "test_feed.py", block.split("```", 1)[0])
    assert "2 passed" in output
