"""Packaged example programmes.

>>> from summitkit import examples
>>> summit = examples.gsms2015()
>>> len(summit.speakers), len(summit.tracks), len(summit.sessions)
(22, 7, 16)
"""

from __future__ import annotations

import functools

from summitkit._summit import Summit

__all__ = ["gsms2015"]


@functools.cache
def gsms2015() -> Summit:
    """Day one of the 4th GCC Government Social Media Summit, Dubai, 2015.

    Wednesday 16 September 2015 at Sofitel Dubai Downtown: the opening panel
    at 09:15, the official opening, a keynote, a brainstorming session of
    GCC case studies, and from 12:00 seven parallel workshop tracks holding
    twelve sessions -- 22 speakers in all, in Arabic and English.

    Only two times are known from the sources: the opening panel began at
    09:15 and the workshops at 12:00, Dubai time.  Every other start, end and
    duration is an assumption, marked ``start_estimated``/``end_estimated`` on
    the session's :class:`~summitkit.TimeSlot`.  No rooms are known, so the
    sessions have none.  The summit runs 16-17 September; day two's
    programme is not part of this dataset.

    The summit is a value: the same object is returned on every call.
    """
    from summitkit.examples._gsms2015 import build  # noqa: PLC0415  # built on first use

    return build()
