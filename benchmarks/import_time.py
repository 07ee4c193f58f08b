"""How long ``import summitkit`` takes, against importing the libraries it stands on.

Each timing is a fresh interpreter that measures, in process CPU time, only
the import statement (not the interpreter's start), from cached bytecode as
an installed package imports. The contenders run
interleaved, best of N:

- ``import summitkit``: the model, with everything else served on first use;
- ``import attrs, cattrs, dateutil``: the floor a library built on them starts
  from. Target: at most 1.5x. ``import summitkit`` itself loads attrs (and
  zoneinfo) but neither cattrs nor dateutil, which the JSON format and the
  parsers load on first use; so, for scale, also against ``import attrs``
  alone.

For scale, the first use of the heavier parts after ``import summitkit``:
the JSON format, the conflict check and the examples.

Run: ``python benchmarks/import_time.py [--repeat N]``.
"""

from __future__ import annotations

import os
import subprocess
import sys

from _harness import Row, main, milliseconds

PROBE = """\
import time
start = time.process_time()
{statement}
print(time.process_time() - start)
"""

CONTENDERS = {
    "import summitkit": "import summitkit",
    "import attrs, cattrs, dateutil": "import attrs, cattrs, dateutil",
    "import attrs": "import attrs",
    "summitkit and its JSON format": "import summitkit\nsummitkit.formats.json.loads",
    "summitkit and its conflict check": "import summitkit\nsummitkit.schedule.conflicts",
    "summitkit and its example": "import summitkit\nsummitkit.examples.gsms2015()",
}


# An installed package imports from cached bytecode (pip compiles it on
# install); so that an editable install, or an environment that sets
# PYTHONDONTWRITEBYTECODE, is measured the same way, the probes may write it,
# and one untimed round before the timed ones does.
ENVIRONMENT = {
    name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"
}


def import_seconds(statement: str) -> float:
    """The process time *statement* takes in a fresh interpreter, in seconds."""
    done = subprocess.run(  # noqa: S603  # our own interpreter and probe
        [sys.executable, "-c", PROBE.format(statement=statement)],
        capture_output=True,
        text=True,
        check=True,
        env=ENVIRONMENT,
    )
    return float(done.stdout)


def measure(repeat: int) -> list[Row]:
    best = dict.fromkeys(CONTENDERS, float("inf"))
    names = list(CONTENDERS)
    for statement in CONTENDERS.values():
        import_seconds(statement)
    for round_number in range(repeat):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            best[name] = min(best[name], import_seconds(CONTENDERS[name]))
    floor = best["import attrs, cattrs, dateutil"]
    benchmark = "import, fresh interpreter"
    rows = [
        Row(
            benchmark,
            f"{name} / import attrs, cattrs, dateutil",
            best[name] / floor,
            target=1.5 if name == "import summitkit" else None,
            detail=f"{milliseconds(best[name])} / {milliseconds(floor)}",
        )
        for name in names
        if not name.startswith("import attrs")
    ]
    attrs_alone = best["import attrs"]
    rows.append(
        Row(
            benchmark,
            "import summitkit / import attrs",
            best["import summitkit"] / attrs_alone,
            detail=f"{milliseconds(best['import summitkit'])} / {milliseconds(attrs_alone)}",
        )
    )
    return rows


if __name__ == "__main__":
    main(measure, __doc__, repeat=15)
