"""The cyclic garbage collector is paused while conflicts are found, and restored whatever happens."""

from __future__ import annotations

import gc

import pytest

import summitkit as sk
from summitkit._gc import gc_paused
from summitkit.schedule import _conflicts, conflicts


def test_conflicts_are_found_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    """While conflicts() works the collector is paused; it runs again afterwards."""
    seen: list[bool] = []
    find = _conflicts._Finder.find  # noqa: SLF001  # watched from inside

    def watched(self: object) -> list[_conflicts.Conflict]:
        seen.append(gc.isenabled())
        return find(self)  # type: ignore[arg-type]  # the finder itself

    monkeypatch.setattr(_conflicts._Finder, "find", watched)  # noqa: SLF001  # watched from inside
    assert gc.isenabled()
    assert conflicts(sk.examples.gsms2015()) == ()
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_runs_again_after_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error while conflicts are found leaves the collector running."""

    def failing(_finder: object) -> list[_conflicts.Conflict]:
        raise RuntimeError("boom")

    monkeypatch.setattr(_conflicts._Finder, "find", failing)  # noqa: SLF001  # watched from inside
    with pytest.raises(RuntimeError, match="boom"):
        conflicts(sk.examples.gsms2015())
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    """gc_paused() leaves a collector its caller paused as it found it."""
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_restore_the_collector_when_the_last_ends() -> None:
    """Pauses that overlap (as in two threads) keep the collector paused until the last one ends."""
    first, second = gc_paused(), gc_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
