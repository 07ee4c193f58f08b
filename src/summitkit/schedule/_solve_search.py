"""The search for a schedule: a first one fast, then a cheaper one in the time left.

CP-SAT's own search weighs the costs from the start, and on a large
programme of rooms alike it can spend many seconds before its first
schedule (measured: none in ten seconds for a thousand sessions in twenty
rooms).  So the search runs in two steps:

1. A copy of the model without costs is searched by earliest start first
   (:meth:`Model.first_schedule_model`), one worker, with up to half the
   time, starting from a schedule made by hand's rule when one can be
   (:func:`~summitkit.schedule._solve_greedy.first_fit`, the hardest
   session first, each where it first fits): it finds a schedule in about
   a second, or proves that none exists (the search is complete).
2. The model with its costs starts from that schedule (a hint) and
   improves on it in the time left.  If it ends without a schedule of its
   own, the first one stands.

A re-plan, where sessions may move from where they were, skips the first
step: its previous version is a better start than the earliest starts.
"""

from __future__ import annotations

import time

import attrs
from ortools.sat.python import cp_model

from summitkit.schedule._solve_greedy import first_fit
from summitkit.schedule._solve_model import Model

__all__ = ["Found", "search"]

_SOLVED = (cp_model.OPTIMAL, cp_model.FEASIBLE)


@attrs.frozen
class Found:
    """How a search ended.

    Attributes:
        status: CP-SAT's status: ``OPTIMAL``, ``FEASIBLE``, ``INFEASIBLE``
            or ``UNKNOWN`` (time ran out with nothing).
        solver: The solver that holds the schedule's values, if one was found.
        objective: The schedule's cost.
        bound: The least cost proven possible.
        wall_time: Seconds both steps took (the first with its schedule made by hand).
    """

    status: cp_model.CpSolverStatus
    solver: cp_model.CpSolver | None
    objective: int
    bound: int
    wall_time: float


def search(model: Model, *, time_limit: float, seed: int, workers: int) -> Found:
    """A schedule of *model* in *time_limit* seconds (see the module's docstring)."""
    spent = 0.0
    first: cp_model.CpSolver | None = None
    replan = any(item.previous is not None and item.kept_start is None for item in model.p.items)
    if not replan:
        began = time.perf_counter()
        first_model = model.first_schedule_model()
        placement = first_fit(model)
        if placement is not None:
            model.hint(first_model, placement)
        spent += time.perf_counter() - began
        first = _solver(max(time_limit / 2 - spent, 0.01), seed, workers=1)
        _first_schedule(first)
        status = first.solve(first_model)
        spent += first.wall_time
        if status == cp_model.INFEASIBLE:
            return Found(status, None, 0, 0, spent)
        if status not in _SOLVED:
            first = None
        elif not model.costs:  # nothing to improve: any schedule is the best
            return Found(cp_model.OPTIMAL, first, 0, 0, spent)
        else:
            model.hint(model.model, model.placement_of(first))
    solver = _solver(max(time_limit - spent, 0.01), seed, workers=workers)
    # Several workers share what they learn as it comes, in an order that
    # depends on timing; interleaved, they take turns, deterministically.
    solver.parameters.interleave_search = workers > 1
    status = solver.solve(model.model)
    spent += solver.wall_time
    if status in _SOLVED:
        objective = round(solver.objective_value) if model.costs else 0
        bound = round(solver.best_objective_bound) if model.costs else 0
        return Found(status, solver, objective, bound, spent)
    if status == cp_model.INFEASIBLE or first is None:
        return Found(status, None, 0, 0, spent)
    costs = sum(model.cost_of(first).values())
    return Found(cp_model.FEASIBLE, first, costs, 0, spent)


def _first_schedule(solver: cp_model.CpSolver) -> None:
    """Parameters for the first search: by earliest start, with little work between steps.

    CP-SAT's probing (trying each literal at the root) and its clause
    inprocessing (vivification, between conflicts) are made for hard
    problems of many conflicts; a search by earliest start meets few, and
    restarts its long run of decisions after each.  Without them, and with
    one round of presolve and no symmetry detection, a first schedule of a
    grid of 40, 80 and 160 sessions takes 6, 19 and 108 ms instead of 136,
    647 and 4,131, and a thousand sessions in twenty rooms 1.1 s instead of
    1.6 (measured, one worker).
    """
    parameters = solver.parameters
    parameters.search_branching = cp_model.FIXED_SEARCH
    parameters.cp_model_probing_level = 0
    parameters.use_sat_inprocessing = False
    parameters.max_presolve_iterations = 1
    parameters.symmetry_level = 0


def _solver(time_limit: float, seed: int, *, workers: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    return solver
