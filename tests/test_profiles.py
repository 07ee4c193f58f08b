"""Tests for the Hypothesis profiles in tests/conftest.py, in a pytest process of their own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Fails on purpose, to print the seed Hypothesis was given.
PROBE = """
from hypothesis import core, given, strategies as st

@given(st.integers())
def test_probe(number):
    print("forced seed:", core.global_force_seed)
    assert False
"""


def run_probe(tmp_path: Path, profile: str, *args: str) -> str:
    """Run the probe with tests/conftest.py under *profile*; pytest's output."""
    shutil.copy(HERE / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_probe.py").write_text(PROBE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-s", "-x", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "HYPOTHESIS_PROFILE": profile},
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout


def test_the_explore_profile_prints_the_seed_it_uses(tmp_path: Path) -> None:
    """Each exploring session picks a seed, names it in the header, and Hypothesis uses it."""
    output = run_probe(tmp_path, "explore")
    header = re.search(
        r"^hypothesis seed: (\d+) \(replay: --hypothesis-seed=(\d+)\)$", output, re.MULTILINE
    )
    assert header is not None, output
    assert header[1] == header[2]
    assert f"forced seed: {header[1]}\n" in output


def test_the_explore_profile_replays_a_given_seed(tmp_path: Path) -> None:
    """--hypothesis-seed replays a run: the header names it and Hypothesis uses it."""
    output = run_probe(tmp_path, "explore", "--hypothesis-seed=1234")
    assert "hypothesis seed: 1234 (replay: --hypothesis-seed=1234)\n" in output
    assert "forced seed: 1234\n" in output


def test_the_ci_profile_forces_no_seed(tmp_path: Path) -> None:
    """The derandomised profile stays derandomised: no seed is picked or printed."""
    output = run_probe(tmp_path, "ci")
    assert "hypothesis seed:" not in output
    assert "forced seed: None\n" in output
