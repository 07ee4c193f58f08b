"""The DataFrames as a user writes them; checked by mypy --strict and pyright.

This file is type-checked, not run by pytest.  It needs pandas' type stubs
(pandas-stubs), as a user's own checks of code using pandas do.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

import summitkit as sk
from summitkit import changes, frames, schedule

summit: sk.Summit = sk.examples.gsms2015()

sessions: pd.DataFrame = frames.to_dataframe(summit, tz="Europe/London", lang="ar")
changed: pd.DataFrame = frames.to_dataframe(changes.diff(summit, summit.cancel("opening-panel")))
found: pd.DataFrame = frames.conflicts_dataframe(
    summit, policy=schedule.ConflictPolicy(), tz=sk.DUBAI, lang="en"
)

records: list[frames.SessionRecord] = frames.session_records(summit)
start: dt.datetime | None = records[0]["start"]
people: tuple[tuple[str, str], ...] = records[0]["participants"]
estimated: bool = records[0]["end_estimated"]
day: dt.date | None = records[0]["day"]

conflict_rows: list[frames.ConflictRecord] = frames.conflict_records(
    schedule.conflicts(summit), summit, tz="Asia/Dubai"
)
required: dt.timedelta | None = conflict_rows[0]["required"] if conflict_rows else None

change_rows: list[frames.ChangeRecord] = frames.change_records(
    changes.diff(summit, summit), lang="ar"
)
old: str | None = change_rows[0]["old"] if change_rows else None

columns: tuple[str, ...] = frames.SESSION_COLUMNS + frames.CONFLICT_COLUMNS + frames.CHANGE_COLUMNS
