"""How fast summitkit.strategies.summits() draws summits, and how fast failures shrink.

The strategies are measured against the version before the draw was reworked
(``--baseline REF``: a git revision whose ``src/summitkit/strategies`` is read
with ``git archive`` and imported under another name), in the same process:

- draws per second at default sizes, generation only, one seed for both
  (target: at least twice the baseline's);
- Hypothesis choices per summit, the mean over the same draws;
- the process time until a failing property is shrunk to its minimal example,
  derandomised so both versions meet the same search (target: 10 s), for
  three properties a downstream suite may hold: ``assert no panel``, ``all
  titles ASCII`` and ``packed=True never conflicts`` (a packed summit is drawn
  to have conflicts, so the property fails); each row names the example found;
- whether ``summits(min_size=50, max_size=80)`` passes Hypothesis' health
  checks under the test suite's ``ci`` profile and under three seeds
  (target: every run).

Without git or the baseline revision, only the current strategies are measured.

Run: ``python benchmarks/strategies.py [--repeat N] [--baseline REF]``.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from types import ModuleType
from typing import Any

from _harness import Row, main, race, time_once
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.control import current_build_context
from hypothesis.errors import FailedHealthCheck

import summitkit as sk
from summitkit import strategies as sks
from summitkit.schedule import conflicts

#: The strategies before they drew each text as one choice.
BASELINE = "f923b69909c51af58f1bc7f9ec509691d2d687e2"
#: Summits drawn per timing of draws per second.
EXAMPLES = 100
#: The test suite's ``ci`` profile (tests/conftest.py).
CI = settings(derandomize=True, deadline=None, print_blob=True, database=None)
#: What Hypothesis reports on a failing test, as a downstream suite runs it.
SHRINK = settings(database=None, derandomize=True, deadline=None)
#: Generation only, the health checks left out: a timing of draws.
GENERATE = settings(
    max_examples=EXAMPLES,
    database=None,
    phases=[Phase.generate],
    deadline=None,
    suppress_health_check=list(HealthCheck),
)

Check = Callable[[sk.Summit], object]


def no_panel(summit: sk.Summit) -> None:
    """The property ``assert no panel``."""
    assert not any(isinstance(x, sk.Panel) for x in summit.sessions)  # noqa: S101  # as a test asserts


def ascii_titles(summit: sk.Summit) -> None:
    """The property ``all titles ASCII``."""
    assert all(text.isascii() for x in summit.sessions for _, text in x.title.items())  # noqa: S101


def no_conflicts(summit: sk.Summit) -> None:
    """The property ``packed=True never conflicts`` (over ``summits(packed=True)``)."""
    assert not conflicts(summit)  # noqa: S101


def baseline(revision: str) -> ModuleType | None:
    """The strategies at *revision*, imported as ``baseline_strategies``; None if unreadable."""
    try:
        archive = subprocess.run(  # noqa: S603  # the revision is the caller's own
            ["git", "archive", revision, "src/summitkit/strategies"],  # noqa: S607  # git from PATH
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        print(f"no baseline: git cannot read {revision}", file=sys.stderr)
        return None
    root = Path(tempfile.mkdtemp())
    package = root / "baseline_strategies"
    package.mkdir()
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        for member in tar.getmembers():
            source = tar.extractfile(member)
            if source is None or not member.name.endswith(".py"):
                continue
            text = source.read().decode().replace("summitkit.strategies.", "baseline_strategies.")
            (package / Path(member.name).name).write_text(text)
    sys.path.insert(0, str(root))
    return importlib.import_module("baseline_strategies")


def draws(strategy: st.SearchStrategy[Any], counts: list[int] | None = None) -> None:
    """Draw EXAMPLES values with @given, one seed; append each one's choices to *counts*."""

    @seed(20150916)
    @GENERATE
    @given(strategy)
    def draw(_: object) -> None:
        if counts is not None:
            counts.append(len(current_build_context().data.nodes))

    draw()


def shrunk(strategy: st.SearchStrategy[Any], check: Check) -> tuple[float, Any]:
    """The process time a failing @given test takes to report, and the example it reports."""
    seen: list[Any] = []

    @SHRINK
    @given(strategy)
    def prop(value: object) -> None:
        seen.append(value)
        check(value)

    def run() -> None:
        try:
            prop()
        except AssertionError:
            return
        sys.exit("the property did not fail: nothing to shrink")

    return time_once(run), seen[-1]


def described(summit: sk.Summit) -> str:
    """A short description of a reported summit."""
    sessions = ", ".join(
        f"{type(x).__name__}{' timed' if x.slot else ''}"
        f"{f' {len(x.participants)} people' if x.participants else ''}"
        f" {x.title.as_dict()}"
        for x in summit.sessions
    )
    kinds = ", ".join(sorted(c.kind.value for c in conflicts(summit)))
    return (
        f"{len(summit.days)} day, {len(summit.speakers)} speakers: {sessions}"
        f"{f'; {kinds}' if kinds else ''}"
    )


def healthy(strategy: st.SearchStrategy[Any], profile: settings) -> bool:
    """Whether a @given test over *strategy* passes the health checks under *profile*."""

    @settings(profile, max_examples=10)
    @given(strategy)
    def draw(_: object) -> None:
        pass

    try:
        draw()
    except FailedHealthCheck:
        return False
    return True


def measure_versions(versions: dict[str, ModuleType], repeat: int) -> list[Row]:
    """The rows for each version of the strategies (``new`` first)."""
    bench = "summits(), default sizes"
    best = race(
        {name: functools.partial(draws, module.summits()) for name, module in versions.items()},
        repeat=repeat,
    )
    rows: list[Row] = []
    for name in versions:
        for mode, seconds in best[name].items():
            rows.append(Row(bench, f"{name}: summits per second", EXAMPLES / seconds, "/s", mode))
    if "old" in versions:
        for mode, seconds in best["new"].items():
            rows.append(
                Row(
                    bench,
                    "draws per second, new / old",
                    best["old"][mode] / seconds,
                    gc=mode,
                    target=2.0,
                    at_least=True,
                )
            )
    for name, module in versions.items():
        counts: list[int] = []
        draws(module.summits(), counts)
        rows.append(Row(bench, f"{name}: choices per summit", sum(counts) / len(counts), ""))
    properties = {
        "assert no panel": ("summits()", no_panel),
        "all titles ASCII": ("summits()", ascii_titles),
        "packed=True never conflicts": ("summits(packed=True)", no_conflicts),
    }
    for title, (call, check) in properties.items():
        for name, module in versions.items():
            strategy = module.summits(packed=call.endswith("(packed=True)"))
            seconds, example = shrunk(strategy, check)
            rows.append(
                Row(
                    f"shrink '{title}' over {call}",
                    f"{name}: time to the minimal example",
                    seconds,
                    "s",
                    target=10.0 if name == "new" else None,
                    detail=described(example),
                )
            )
    for name, module in versions.items():
        strategy = module.summits(min_size=50, max_size=80)
        runs = [healthy(strategy, CI)]
        runs += [healthy(strategy, settings(CI, derandomize=False)) for _ in range(3)]
        rows.append(
            Row(
                "summits(min_size=50, max_size=80)",
                f"{name}: runs passing the health checks (ci profile, then 3 random)",
                sum(runs),
                f" of {len(runs)}",
                target=len(runs) if name == "new" else None,
                at_least=True,
            )
        )
    return rows


def measure(repeat: int, revision: str = BASELINE) -> list[Row]:
    """Every row of this benchmark, against the strategies at *revision*."""
    versions = {"new": sks}
    old = baseline(revision)
    if old is not None:
        versions["old"] = old
    return measure_versions(versions, repeat)


if __name__ == "__main__":
    # --baseline is this script's own; the harness parses the rest.
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--baseline", default=BASELINE)
    known, sys.argv[1:] = parser.parse_known_args()
    main(functools.partial(measure, revision=known.baseline), __doc__, repeat=3)
