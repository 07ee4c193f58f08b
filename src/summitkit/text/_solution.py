"""A schedule the solver found, as a report people read: status, cost, time, changes."""

from __future__ import annotations

from summitkit.schedule._solve_types import Solution, SolveStatus
from summitkit.text._arguments import language
from summitkit.text._changelog import changelog

__all__ = ["solution_text"]


def solution_text(solution: Solution, *, lang: str = "en") -> str:
    """*solution* as a report: one line of status, cost and time, then its changelog.

    >>> import datetime as dt
    >>> import summitkit as sk
    >>> summit = sk.examples.gsms2015()
    >>> draft = summit.reschedule("keynote-modern-workplace", None)
    >>> solution = sk.schedule.solve(
    ...     draft, durations={"keynote-modern-workplace": dt.timedelta(minutes=30)})
    >>> print(solution_text(solution).splitlines()[0])  # doctest: +ELLIPSIS
    Optimal schedule of “GCC Government Social Media Summit”: 1 session placed, cost 0, ... s.
    """
    w = language(lang, "solution_text(lang)")
    name = w.quoted(solution.summit.name.lookup(lang))
    if solution.status is SolveStatus.OPTIMAL:
        status = w.say("solve.status", "Optimal schedule of {summit}", summit=name)
    else:
        status = w.say("solve.status", "Best schedule found of {summit}", summit=name)
    head = w.say(
        "solve.report",
        "{status}: {placed}, cost {cost}, {seconds} s.",
        status=status,
        placed=w.count(
            "solve.placed", ("{n} session placed", "{n} sessions placed"), len(solution.placed)
        ),
        cost=solution.objective,
        seconds=f"{solution.wall_time:.2f}",
    )
    return f"{head}\n\n{changelog(solution.changelog, lang=lang)}"
