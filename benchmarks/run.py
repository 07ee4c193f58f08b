"""Run every benchmark and print one table of ratios against targets.

Each script in this directory (but this one and the harness) runs in its own
interpreter, so that one benchmark's objects and imports do not weigh on the
next, and prints its rows as JSON lines (``--json``); they are gathered here
into one table. ``nox -s benchmarks`` runs this.

Run: ``python benchmarks/run.py [--repeat N] [NAME ...]``: only the scripts
named (``json_format``, ``conflicts``, ...) when names are given.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from _harness import Row, rows_from_json, table

HERE = Path(__file__).parent


def scripts(names: list[str]) -> list[Path]:
    """The benchmark scripts to run: *names*, or all of them."""
    found = sorted(
        path for path in HERE.glob("*.py") if not path.name.startswith("_") and path.stem != "run"
    )
    if not names:
        return found
    unknown = set(names) - {path.stem for path in found}
    if unknown:
        sys.exit(f"no benchmark named {', '.join(sorted(unknown))}")
    return [path for path in found if path.stem in names]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, help="rounds per contender (each script's default)")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    arguments = parser.parse_args()
    rows: list[Row] = []
    for script in scripts(arguments.names):
        command = [sys.executable, str(script), "--json"]
        if arguments.repeat is not None:
            command += ["--repeat", str(arguments.repeat)]
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603  # our own scripts
        if done.returncode != 0:
            sys.exit(f"{script.name} failed:\n{done.stderr}")
        rows += rows_from_json(done.stdout.splitlines())
    print(table(rows))
    missed = [row for row in rows if row.met is False]
    kept = sum(row.met is True for row in rows)
    print(f"\ntargets kept: {kept} of {kept + len(missed)}")


if __name__ == "__main__":
    main()
