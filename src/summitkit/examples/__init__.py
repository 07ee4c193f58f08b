"""Packaged example programmes, stored as canonical JSON documents.

>>> from summitkit import examples
>>> summit = examples.gsms2015()
>>> len(summit.speakers), len(summit.tracks), len(summit.sessions)
(22, 7, 16)
"""

from __future__ import annotations

import functools
import importlib.resources

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
    the session's :class:`~summitkit.TimeSlot`.  Likewise only seven
    session titles are published in the report; the other nine are written
    from its descriptions and marked ``title_assumed``.  No rooms are known,
    so the sessions have none.  The summit runs 16-17 September; day two's
    programme is not part of this dataset.  The report's chairman of the
    conference is the summit's chair (:attr:`~summitkit.Summit.roles`), and
    its words for the first two sessions, a panel discussion and a
    brainstorming session, are their labels.

    The data is the packaged document ``summitkit/examples/gsms2015.json``,
    read with :mod:`summitkit.formats.json`; the same summit is returned on
    every call.
    """
    from summitkit.formats import json  # noqa: PLC0415  # formats import the model, not examples

    document = importlib.resources.files(__name__).joinpath("gsms2015.json")
    return json.loads(document.read_text(encoding="utf-8"))
