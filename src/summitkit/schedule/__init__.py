"""Scheduling: conflicts, timetables, free time and what is on now.

Every function here is a pure function of its arguments (a summit, an
instant, a zone): nothing is cached on the summit and nothing reads the
clock.  Cancelled and untimed sessions never occupy time.

>>> import summitkit as sk
>>> summit = sk.examples.gsms2015()
>>> conflicts(summit)
<Findings in 'gsms2015': no conflicts>
>>> [item.session.id for item in agenda_of(summit, "saeed-al-dhaheri")]
['opening-panel']
"""

from __future__ import annotations

from summitkit.schedule._conflicts import Conflict, Findings, conflicts
from summitkit.schedule._free import free_slots
from summitkit.schedule._now import RoomNow, now_next
from summitkit.schedule._policy import (
    DEFAULT_SEVERITIES,
    MAX_CHANGEOVER,
    ConflictKind,
    ConflictPolicy,
    Severity,
)
from summitkit.schedule._solve import DEFAULT_HOURS, POPULAR_COUNT, solve
from summitkit.schedule._solve_types import (
    Constraint,
    ConstraintKind,
    GridSlot,
    Solution,
    SolveStatus,
    UnschedulableError,
    Weights,
)
from summitkit.schedule._timetable import (
    AgendaItem,
    Block,
    Entry,
    Timetable,
    TimetableDay,
    agenda_of,
    room_schedule,
    timetable,
    track_schedule,
)

__all__ = [
    "DEFAULT_HOURS",
    "DEFAULT_SEVERITIES",
    "MAX_CHANGEOVER",
    "POPULAR_COUNT",
    "AgendaItem",
    "Block",
    "Conflict",
    "ConflictKind",
    "ConflictPolicy",
    "Constraint",
    "ConstraintKind",
    "Entry",
    "Findings",
    "GridSlot",
    "RoomNow",
    "Severity",
    "Solution",
    "SolveStatus",
    "Timetable",
    "TimetableDay",
    "UnschedulableError",
    "Weights",
    "agenda_of",
    "conflicts",
    "free_slots",
    "now_next",
    "room_schedule",
    "solve",
    "timetable",
    "track_schedule",
]
