"""Why no schedule exists: small sets of rules that cannot hold together.

The model is built *explaining* (every named rule holds only under its own
literal) and solved with every literal assumed true.  CP-SAT answers an
infeasible problem with a sufficient set of assumptions; that set is then
checked and shrunk one rule at a time (a rule is dropped when the others
still cannot hold without it), which leaves a set from which no rule can
be dropped.  Each check is a solve of its own, so a set is reported only
once the solver has shown it infeasible: a wrong answer from the first
step (CP-SAT's presolve can name a literal outside the set) costs time,
never a wrong explanation.

One small set is rarely the whole story: a summit may break several rules
at once.  So the sets are collected round after round, each round without
the rules already named, until what is left can be scheduled: dropping
every rule named then gives a summit that can be scheduled.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from ortools.sat.python import cp_model

from summitkit.schedule._solve_model import Model
from summitkit.schedule._solve_problem import Problem
from summitkit.schedule._solve_types import Constraint, ConstraintKind

__all__ = ["explain"]

#: The most sets of rules an explanation collects: past that, a summit has
#: more wrong with it than one report can usefully say.
MAX_REASONS = 10

_ORDER = {kind: index for index, kind in enumerate(ConstraintKind)}


def explain(
    problem: Problem, *, seed: int, time_limit: float
) -> tuple[tuple[tuple[Constraint, ...], ...], bool]:
    """Sets of *problem*'s rules that cannot hold together, and whether they are all.

    Returns ``(reasons, complete)``: *complete* is true when the problem
    without every rule of *reasons* was shown to have a schedule.
    """
    finder = _Finder(Model(problem, explaining=True), seed, time.monotonic() + time_limit)
    if finder.check([])[0] is _INFEASIBLE:  # pragma: no cover - a safety net: see below
        # Not even without every named rule: the rules always kept, of
        # sessions inside others, are what cannot hold.  No summit known
        # reaches this (a session longer than its parent is named before
        # the search, and a kept one's pin is a named rule), but a wrong
        # explanation naming every rule alone would be worse than this.
        return ((Constraint(kind=ConstraintKind.FAMILIES),),), False
    active = list(finder.model.literals)
    reasons: list[tuple[Constraint, ...]] = []
    while len(reasons) < MAX_REASONS:
        status, core = finder.check(active)
        if status is not _INFEASIBLE:
            return tuple(reasons), status is _FEASIBLE
        found = finder.shrink(core) if core else []
        if not found:  # a core the solver did not confirm: shrink every rule left instead
            found = finder.shrink(active)
        if not found:
            break
        reasons.append(tuple(sorted(found, key=_in_order)))
        named = set(found)
        active = [c for c in active if c not in named]
    return tuple(reasons), False


def _in_order(constraint: Constraint) -> tuple[object, ...]:
    return (
        _ORDER[constraint.kind],
        constraint.speaker or "",
        constraint.room or "",
        constraint.track or "",
        constraint.session or "",
    )


_FEASIBLE = "feasible"
_INFEASIBLE = "infeasible"
_UNKNOWN = "unknown"


class _Finder:
    """Solves of one explaining model under chosen rules, within one deadline."""

    def __init__(self, model: Model, seed: int, deadline: float) -> None:
        self.model = model
        self.seed = seed
        self.deadline = deadline
        self.index = {literal.index: c for c, literal in model.literals.items()}

    def check(self, rules: Sequence[Constraint]) -> tuple[str, list[Constraint]]:
        """Whether *rules* can hold together, and if not, a set of them that cannot."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            return _UNKNOWN, []
        cp = self.model.model
        cp.clear_assumptions()
        cp.add_assumptions([self.model.literals[c] for c in rules])
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = left
        solver.parameters.num_workers = 1  # assumptions' cores come from the sequential search
        solver.parameters.random_seed = self.seed
        status = solver.solve(cp)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return _FEASIBLE, []
        if status != cp_model.INFEASIBLE:
            return _UNKNOWN, []
        wanted = set(rules)
        core = [
            self.index[i]
            for i in solver.sufficient_assumptions_for_infeasibility()
            if i in self.index and self.index[i] in wanted
        ]
        return _INFEASIBLE, core

    def shrink(self, core: Sequence[Constraint]) -> list[Constraint]:
        """A set within *core* that cannot hold, none of whose rules can be dropped.

        *core* is checked first (empty if the solver does not confirm it).
        Rules are dropped in runs, halving the run each pass, and last one
        at a time: a rule found needed stays needed as the set shrinks (a
        set that can hold has subsets that can), so the last pass leaves a
        set from which no rule can be dropped, in about log n solves per
        rule kept rather than one per rule given.
        """
        status, _ = self.check(core)
        if status is not _INFEASIBLE:
            return []
        kept = list(core)
        run = max(len(kept) // 2, 1)
        while True:
            position = 0
            while position < len(kept):
                trial = kept[:position] + kept[position + run :]
                if trial and self.check(trial)[0] is _INFEASIBLE:
                    kept = trial  # those rules were not needed
                else:
                    position += run  # needed, or not shown otherwise in the time left
            if run == 1:
                return kept
            run = max(run // 2, 1)
