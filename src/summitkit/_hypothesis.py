"""Hypothesis' entry-point hook: ``st.from_type()`` for every model type.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported (see the
``hypothesis`` entry point in ``pyproject.toml``), so test suites that never
import :mod:`summitkit.strategies` can still write
``st.from_type(summitkit.Summit)``.

The hook registers callables, not strategies, and imports
:mod:`summitkit.strategies` only when a type is first resolved.  It must not
import it any earlier: ``import summitkit.strategies`` imports Hypothesis,
which runs this hook while ``summitkit.strategies`` is still half loaded.
"""

from __future__ import annotations

from typing import Any


def _hypothesis_setup_hook() -> None:  # pyright: ignore[reportUnusedFunction]  # an entry point
    # Imported here: this module is loaded by Hypothesis, never by summitkit.
    from hypothesis import strategies as st  # noqa: PLC0415

    import summitkit as sk  # noqa: PLC0415

    names = {
        sk.LocalizedText: "localized_texts",
        sk.Organization: "organizations",
        sk.Speaker: "speakers",
        sk.Participant: "participants",
        sk.Room: "rooms",
        sk.Venue: "venues",
        sk.TimeSlot: "time_slots",
        sk.Keynote: "keynotes",
        sk.Panel: "panels",
        sk.Talk: "talks",
        sk.WorkshopSession: "workshop_sessions",
        sk.Break: "breaks",
        sk.Ceremony: "ceremonies",
        sk.Session: "sessions",
        sk.WorkshopTrack: "workshop_tracks",
        sk.Track: "tracks",
        sk.Link: "links",
        sk.SourceId: "source_ids",
        sk.Summit: "summits",
    }
    for cls, name in names.items():
        st.register_type_strategy(cls, _deferred(name))


def _deferred(name: str) -> Any:  # noqa: ANN401  # a callable Hypothesis resolves later
    def resolve(_: type) -> Any:  # noqa: ANN401  # the strategy summitkit.strategies.<name>()
        from summitkit import strategies  # noqa: PLC0415  # loaded on first use, see above

        return getattr(strategies, name)()

    return resolve
