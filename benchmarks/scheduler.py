"""summitkit.schedule.solve against conference_scheduler, and on a programme of 1,000 sessions.

conference_scheduler (PyCon UK's scheduler, PuLP and CBC: one binary
variable per event and slot) on its own instance shape: its documented
example and conferences of 40, 80 and 160 events generated the same way
(``_scheduler_instances.py`` says how, and what of its model maps onto
summitkit's and what does not).  Contenders, on the same problem:

- ``conference_scheduler``: ``scheduler.solution(events, slots)`` with its
  default solver, CBC (told to print nothing), and no objective function:
  any schedule that keeps its constraints;
- ``summitkit``: ``summitkit.schedule.solve`` on the converted summit, its
  grid the instance's slots, every weight 0: any schedule with no error of
  ``conflicts()`` (its time includes solve's own check of the schedule and
  the changelog it returns).

Before timing, both solutions are checked by both libraries: each mapped
into the other's terms, conference_scheduler's validator and summitkit's
``conflicts()`` must find nothing that both model; what only
conference_scheduler's rules find (two events clashing because their slots
overlap although the events do not) is counted in the row's detail.  CBC
runs in a child process, so the clock is the process CPU time plus that of
finished child processes.  Both sides take seconds, so the race is best of
3 and with the GC on only.  Target:
conference_scheduler's time over summitkit's at least 50 on each generated
instance (the documented example, 16 events, is given for scale).

Second scenario (``_scheduler_programme.py``): 1,000 untimed, unroomed
sessions, 20 rooms, 3 days, speakers in several roles, sequential workshop
tracks, rooms with capacities and sessions with expected attendance, a
few speakers with availability.  ``solve`` places them all (every weight 0,
2 workers), the result is checked with ``conflicts()``, and the wall time is
held to its target: under 10 s on 2 cores (wall time, since that is what the
target counts; the process CPU time of one worker is given for scale); once
under the default policy, once with over-capacity an error too.  A search that finds no
schedule in :data:`TIME_LIMIT` gives a row at the time it took, missing
its target.

Run: ``python benchmarks/scheduler.py [--repeat N] [--json]``.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import _scheduler_instances as instances
import _scheduler_programme as programme
import pulp
from _harness import Row, main, milliseconds, race, time_once
from conference_scheduler import scheduler

import summitkit as sk
from summitkit.exceptions import ScheduleError
from summitkit.schedule import ConflictPolicy, Severity, conflicts

SIZES = (40, 80, 160)
#: Generous: a run that needs it has missed its target by far.
TIME_LIMIT = 60.0


def cpu_with_children() -> float:
    """The process CPU time plus that of every finished child process (CBC's), in seconds."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def conference_scheduler_solve(instance: instances.Instance) -> instances.Solution:
    """conference_scheduler's schedule: its default solver (CBC, quiet), no objective."""
    found = scheduler.solution(instance.events, instance.slots, solver=pulp.PULP_CBC_CMD(msg=False))
    return sorted((int(event), int(slot)) for event, slot in found)


def summitkit_solve(  # noqa: PLR0913  # solve's own arguments
    summit: sk.Summit,
    durations: dict[str, dt.timedelta],
    policy: ConflictPolicy,
    *,
    grid: Sequence[instances.Cell] | None = None,
    windows: Sequence[sk.TimeSlot] | None = None,
    workers: int = 1,
) -> Any:  # noqa: ANN401  # summitkit.schedule.Solution
    """summitkit's schedule: ``solve`` to any schedule that keeps the policy's errors.

    Every weight is 0, so that the search stops at the first schedule that
    keeps every hard rule, as conference_scheduler's does without an
    objective function.
    """
    from summitkit.schedule import GridSlot, Weights, solve  # noqa: PLC0415  # the one place

    nothing = Weights(moved=0, overflow=0, waste=0, preference=0, spread=0, popular=0)
    slots = None if grid is None else [GridSlot(time=time, room=room) for time, room in grid]
    return solve(
        summit,
        durations=durations,
        slots=slots,
        windows=windows,
        policy=policy,
        weights=nothing,
        time_limit=TIME_LIMIT,
        seed=0,
        workers=workers,
    )


def _checked(instance: instances.Instance) -> tuple[instances.Conversion, str | None]:
    """The instance converted, once both solutions pass both checkers; the detail to show.

    The detail is None when summitkit found no schedule in :data:`TIME_LIMIT`.
    """
    conversion = instances.to_summit(instance)
    theirs = conference_scheduler_solve(instance)
    try:
        result = summitkit_solve(
            conversion.summit, conversion.durations, conversion.policy, grid=conversion.grid
        )
    except ScheduleError:
        return conversion, None
    ours = instances.summit_to_solution(conversion, result.summit)
    back = instances.summit_to_solution(
        conversion, instances.solution_to_summit(conversion, theirs)
    )
    if back != theirs:
        sys.exit(f"{instance.name}: a solution does not survive the way to a summit and back")
    counts = []
    for name, solution in (("conference_scheduler", theirs), ("summitkit", ours)):
        if len(solution) != len(instance.events):
            sys.exit(f"{instance.name}: {name} placed {len(solution)} of {len(instance.events)}")
        found = instances.violations(instance, conversion, solution)
        if found.shared:
            sys.exit(f"{instance.name}: {name}'s schedule breaks {found.shared[:5]}")
        counts.append(f"{len(found.only_conference_scheduler)} in {name}'s")
    return conversion, f"conference_scheduler-only findings: {', '.join(counts)}"


def versus(repeat: int) -> list[Row]:
    """conference_scheduler's time over summitkit's, on each instance."""
    rows = []
    for instance in [instances.documented_example(), *map(instances.generated, SIZES)]:
        conversion, detail = _checked(instance)
        benchmark = f"schedule, {instance.name} ({len(instance.slots)} slots)"
        example = instance.name == "documented example"
        if detail is None:
            theirs = time_once(
                lambda i=instance: conference_scheduler_solve(i), clock=cpu_with_children
            )
            rows.append(
                Row(
                    benchmark,
                    "conference_scheduler / summitkit",
                    theirs / TIME_LIMIT,
                    target=None if example else 50.0,
                    at_least=True,
                    detail=f"summitkit found no schedule in {TIME_LIMIT:g} s",
                )
            )
            continue
        best = race(
            {
                "conference_scheduler": lambda instance=instance: conference_scheduler_solve(
                    instance
                ),
                "summitkit": lambda c=conversion: summitkit_solve(
                    c.summit, c.durations, c.policy, grid=c.grid
                ),
            },
            repeat=repeat,
            gc_modes=("on",),
            clock=cpu_with_children,
        )
        theirs, ours = best["conference_scheduler"]["on"], best["summitkit"]["on"]
        rows.append(
            Row(
                benchmark,
                "conference_scheduler / summitkit",
                theirs / ours,
                gc="on",
                target=None if example else 50.0,
                at_least=True,
                detail=f"{milliseconds(theirs)} / {milliseconds(ours)}; {detail}",
            )
        )
    return rows


def large(repeat: int) -> list[Row]:
    """Wall time (2 workers) and CPU time (1 worker) of solving the 1,000-session programme.

    Under the default policy and under :data:`programme.POLICY` (room
    capacity a hard rule too).  A search that finds no schedule in
    :data:`TIME_LIMIT` is a row at the time it took, which misses its
    target, rather than no row.
    """
    summit, durations = programme.programme()
    benchmark = "solve 1,000 sessions, 20 rooms, 3 days"
    rows = []
    for policy, workers, clock, measure, target in (
        (ConflictPolicy(), 2, time.perf_counter, "wall time, 2 workers", 10.0),
        (ConflictPolicy(), 1, time.process_time, "process CPU time, 1 worker", None),
        (programme.POLICY, 2, time.perf_counter, "wall time, 2 workers, capacity hard", 10.0),
    ):

        def run(policy: ConflictPolicy = policy, workers: int = workers) -> Any:  # noqa: ANN401  # summitkit.schedule.Solution
            return summitkit_solve(
                summit, durations, policy, windows=programme.WINDOWS, workers=workers
            )

        start = clock()
        try:
            result = run()
        except ScheduleError:
            detail = f"no schedule found in {TIME_LIMIT:g} s"
            rows.append(
                Row(benchmark, measure, clock() - start, unit="s", target=target, detail=detail)
            )
            continue
        unplaced = [s.id for s in result.summit.sessions if s.slot is None or s.room is None]
        found = conflicts(result.summit, policy=policy)
        errors = [c for c in found if c.severity is Severity.ERROR]
        if unplaced or errors:
            sys.exit(f"{benchmark}: {len(unplaced)} sessions unplaced, errors: {errors[:5]}")
        failed: list[ScheduleError] = []

        def timed(run: Callable[[], Any] = run, failed: list[ScheduleError] = failed) -> None:
            try:
                run()
            except ScheduleError as error:  # a search near the limit may end either way
                failed.append(error)

        best = race({"solve": timed}, repeat=repeat, gc_modes=("on",), clock=clock)
        seconds = best["solve"]["on"]
        detail = f"{result.status}; solver's wall time {result.wall_time:.2f} s"
        if failed:
            detail += f"; no schedule in {len(failed)} of {repeat} timed runs"
        rows.append(
            Row(benchmark, measure, seconds, unit="s", gc="on", target=target, detail=detail)
        )
    return rows


def measure(repeat: int) -> list[Row]:
    return [*versus(repeat), *large(repeat)]


if __name__ == "__main__":
    main(measure, __doc__, repeat=3)
