"""How summitkit's benchmarks time things, so that every ratio is measured the same way.

A ratio is only as fair as the conditions of its two timings, so every
benchmark times its contenders with :func:`race`:

- **interleaved**: round by round, every contender once per round (the order
  rotating), so that a slow minute on a shared machine slows all of them;
- **process CPU time** (:func:`time.process_time`), not wall time: time the
  machine spends on other work does not count;
- **best of N**: the fastest round of each contender, the one least disturbed;
- **GC on and off**: a full collection before every timing, then the timing
  with the cyclic garbage collector running as it would in an application,
  and again with it paused, since a collection that happens to fall inside one
  contender's timing swings a ratio.

A benchmark script checks first that its contenders do the same work (equal
output, see :func:`same`), then returns :class:`Row` values from a
``measure(repeat)`` function and ends with ``main(measure, __doc__)``. Run
alone it prints its rows; ``benchmarks/run.py`` (``nox -s benchmarks``) runs
every script with ``--json`` and prints one table.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

GC_MODES = ("on", "off")


@dataclasses.dataclass(frozen=True)
class Row:
    """One measured value of a benchmark, with the target it is held to.

    Attributes:
        benchmark: What is measured, with its size ("JSON loads, 10,000 sessions").
        measure: The quantity ("summitkit / pydantic v2 (same checks)").
        value: Its value, in *unit*.
        unit: ``"x"`` for a ratio, ``"s"`` for seconds, ``"/s"`` for a rate.
        gc: ``"on"`` or ``"off"`` for a timing made with the cyclic GC running
            or paused; ``""`` when that does not apply.
        target: The bound the value is held to, or None for a figure given
            for scale.
        at_least: Whether *target* is a lower bound (otherwise an upper one).
        detail: The raw numbers behind a ratio ("12.3 ms / 10.1 ms").
    """

    benchmark: str
    measure: str
    value: float
    unit: str = "x"
    gc: str = ""
    target: float | None = None
    at_least: bool = False
    detail: str = ""

    @property
    def met(self) -> bool | None:
        """Whether the value keeps its target; None without one."""
        if self.target is None:
            return None
        return self.value >= self.target if self.at_least else self.value <= self.target


def time_once(
    action: Callable[[], object],
    *,
    collect: bool = True,
    clock: Callable[[], float] = time.process_time,
) -> float:
    """The process CPU time of one call of *action*, in seconds (GC as it stands).

    *clock* replaces :func:`time.process_time` for a contender whose work is
    partly done in child processes, which that clock does not count.
    """
    if collect:
        gc.collect()
    start = clock()
    action()
    return clock() - start


def race(
    contenders: Mapping[str, Callable[[], object]],
    *,
    repeat: int,
    gc_modes: Sequence[str] = GC_MODES,
    clock: Callable[[], float] = time.process_time,
) -> dict[str, dict[str, float]]:
    """The best process time of each contender, per GC mode, in seconds.

    Every round runs every contender once in each GC mode, starting with a
    different contender each round; the result maps a contender's name to
    ``{"on": seconds, "off": seconds}``; *clock* is as for :func:`time_once`.
    """
    names = list(contenders)
    best = {name: dict.fromkeys(gc_modes, float("inf")) for name in names}
    was_enabled = gc.isenabled()
    try:
        for round_number in range(repeat):
            shift = round_number % len(names)
            for name in names[shift:] + names[:shift]:
                for mode in gc_modes:
                    gc.enable()
                    gc.collect()
                    if mode == "off":
                        gc.disable()
                    seconds = time_once(contenders[name], collect=False, clock=clock)
                    best[name][mode] = min(best[name][mode], seconds)
    finally:
        if was_enabled:
            gc.enable()
        else:
            gc.disable()
    return best


def ratio_rows(
    benchmark: str,
    best: Mapping[str, Mapping[str, float]],
    subject: str,
    peers: Mapping[str, float | None],
) -> list[Row]:
    """Rows of *subject*'s time over each peer's, per GC mode.

    Args:
        benchmark: The benchmark's name for every row.
        best: What :func:`race` returned.
        subject: The contender measured (usually ``"summitkit"``).
        peers: Each peer's name, with the most the ratio may be (None: for scale).
    """
    rows = []
    for peer, target in peers.items():
        for mode, seconds in best[subject].items():
            other = best[peer][mode]
            rows.append(
                Row(
                    benchmark,
                    f"{subject} / {peer}",
                    seconds / other,
                    gc=mode,
                    target=target,
                    detail=f"{milliseconds(seconds)} / {milliseconds(other)}",
                )
            )
    return rows


def milliseconds(seconds: float) -> str:
    """*seconds* as milliseconds, for a row's detail."""
    return f"{seconds * 1000:.1f} ms"


def same(what: str, outputs: Mapping[str, object]) -> None:
    """Stop the benchmark unless every contender's output is equal to the first's.

    Args:
        what: What the outputs are, for the message ("the summits read").
        outputs: Each contender's name and output.
    """
    (first, expected), *others = outputs.items()
    for name, output in others:
        if output != expected:
            sys.exit(f"{name} and {first} differ in {what}: the comparison would be unfair")


def table(rows: Iterable[Row]) -> str:
    """The rows as an aligned text table."""
    header = ("benchmark", "measure", "gc", "value", "target", "")
    lines = [header]
    for row in rows:
        bound = ""
        if row.target is not None:
            bound = f"{'>=' if row.at_least else '<='} {_number(row.target, row.unit)}"
        verdict = {True: "met", False: "MISSED", None: ""}[row.met]
        value = _number(row.value, row.unit)
        if row.detail:
            value = f"{value} ({row.detail})"
        lines.append((row.benchmark, row.measure, row.gc, value, bound, verdict))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def _number(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.1f}{unit}"


def main(measure: Callable[[int], list[Row]], doc: str | None, *, repeat: int = 7) -> None:
    """Run a benchmark script: parse ``--repeat`` and ``--json``, measure, print.

    With ``--json`` each row is printed as one JSON object per line, for
    ``benchmarks/run.py``; otherwise as a table.
    """
    summary = (doc or "").strip().splitlines()[0] if doc else None
    parser = argparse.ArgumentParser(description=summary)
    parser.add_argument(
        "--repeat", type=int, default=repeat, help=f"rounds, best kept (default {repeat})"
    )
    parser.add_argument("--json", action="store_true", help="print rows as JSON lines")
    arguments = parser.parse_args()
    rows = measure(arguments.repeat)
    if arguments.json:
        for row in rows:
            print(json.dumps(dataclasses.asdict(row), ensure_ascii=False))
    else:
        print(table(rows))


def rows_from_json(lines: Iterable[str]) -> list[Row]:
    """The rows a script printed with ``--json`` (other lines are ignored)."""
    rows = []
    for line in lines:
        if line.startswith("{"):
            fields: dict[str, Any] = json.loads(line)
            rows.append(Row(**fields))
    return rows
