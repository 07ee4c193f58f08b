"""The cyclic garbage collector paused while a large value is built."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Generator

__all__ = ["gc_paused"]

_LOCK = threading.Lock()
# How many pauses are running, and whether the first of them paused the
# collector (it was running then): the last to end restores it.
_state = {"pauses": 0, "paused_by_us": False}


@contextlib.contextmanager
def gc_paused() -> Generator[None, None, None]:
    """Pause the cyclic garbage collector while many objects are made, if it runs.

    Reading a document or finding a programme's conflicts makes many objects
    and frees few, none of them in reference cycles, so every collection the
    allocations set off would walk them all in vain (measured: a sixth of
    `loads`); what reference counting does not free (an error's traceback)
    is collected once it runs again.

    The collector is one switch for the whole process: while one thread
    reads, no thread's cycles are collected.  Pauses in several threads
    overlap: the collector runs again when the last one ends, restored
    whatever happens, and a collector paused before the first stays paused.
    """
    with _LOCK:
        if _state["pauses"] == 0:
            _state["paused_by_us"] = gc.isenabled()
            gc.disable()
        _state["pauses"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _state["pauses"] -= 1
            if _state["pauses"] == 0 and _state["paused_by_us"]:
                gc.enable()
