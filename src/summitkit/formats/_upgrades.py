"""Documents of earlier formats, upgraded to the shape of the current one before they are read.

Each step takes a parsed document of one format to the next, as plain JSON
values, so that the reader knows one format only.  A step is given the
top-level dict, a copy of the caller's that it may change, and copies any
value under it before changing it: the caller's document stays as it was.
A step leaves whatever it does not understand (a list where an object
belongs) for the reader, which refuses it with its path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import cast

from summitkit._sessions import WorkshopTrack

__all__ = ["UPGRADES", "upgraded"]

Document = dict[str, object]


def _tracks_are_workshops(document: Document) -> Document:
    """Format 1 to 2: a track of format 1 is a workshop, which format 2 says in its kind.

    Format 2 otherwise only added fields, so the rest is read as it is.  A
    track that already says its kind keeps it.
    """
    tracks = document.get("tracks")
    if isinstance(tracks, list):
        document["tracks"] = [
            {"kind": WorkshopTrack.kind, **track}
            if isinstance(track, Mapping) and "kind" not in track
            else track
            for track in cast("list[object]", tracks)
        ]
    return document


#: The step from each earlier format to the next, by the format it starts from.
UPGRADES: dict[int, Callable[[Document], Document]] = {
    1: _tracks_are_workshops,
}


def upgraded(document: Document, version: int, current: int) -> Document:
    """*document*, of format *version*, in the shape of format *current*, step by step."""
    for step in range(version, current):
        document = UPGRADES[step](document)
    return document
