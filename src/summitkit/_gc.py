"""The cyclic garbage collector paused while a large value is built."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Generator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Generator[None, None, None]:
    """Pause the cyclic garbage collector while many objects are made, if it runs.

    Reading a document or finding a programme's conflicts makes many objects
    and frees few, none of them in reference cycles, so every collection the
    allocations set off would walk them all in vain (measured: a sixth of
    `loads`, and the extra growth of `conflicts()` from 10,000 to 100,000
    sessions); what reference counting does not free (an error's traceback)
    is collected once it runs again.  Restored whatever happens, and left as
    it was if it was paused already.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
