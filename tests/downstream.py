"""Run a test file the way a downstream project would: its own pytest process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_pytest(directory: Path, name: str, source: str) -> str:
    """Write *source* to *directory*/*name*, run pytest on it, and return its output.

    Raises:
        AssertionError: If pytest fails, with pytest's output.
    """
    (directory / name).write_text(source, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", name],
        capture_output=True,
        text=True,
        check=False,
        cwd=directory,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout
