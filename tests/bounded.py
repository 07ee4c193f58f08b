"""A hang guard for hostile input: run code in a fresh interpreter, with a time limit.

The limit is far above what the code needs (a second or less), so it never
measures speed; it catches work that grows with the square of the input, or
worse, which would take minutes.  The code runs in its own process so that a
regular expression stuck in C can be stopped.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

import pytest

#: Seconds a hostile input may take before it counts as a hang.
LIMIT = 20.0


def finishes(source: str, *, args: Sequence[str] = (), limit: float = LIMIT) -> str:
    """Run *source* with this interpreter; fail the test if it is not done in *limit* seconds.

    *args* are passed to it as ``sys.argv[1:]``.

    Returns:
        What it printed.
    """
    try:
        result = subprocess.run(
            [sys.executable, "-c", source, *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not finish within {limit:.0f} s: the work grows too fast with the input")
    assert result.returncode == 0, result.stderr
    return result.stdout
