"""Hypothesis' entry-point hook: ``st.from_type()`` for every model type.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported (see the
``hypothesis`` entry point in ``pyproject.toml``), so test suites that never
import :mod:`summitkit.strategies` can still write
``st.from_type(summitkit.Summit)``.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:  # pyright: ignore[reportUnusedFunction]  # an entry point
    # Imported here: this module is loaded by Hypothesis, never by summitkit.
    from hypothesis import strategies as st  # noqa: PLC0415

    import summitkit as sk  # noqa: PLC0415
    from summitkit import strategies as sks  # noqa: PLC0415

    for cls, strategy in (
        (sk.LocalizedText, sks.localized_texts()),
        (sk.Organization, sks.organizations()),
        (sk.Speaker, sks.speakers()),
        (sk.Participant, sks.participants()),
        (sk.Room, sks.rooms()),
        (sk.Venue, sks.venues()),
        (sk.TimeSlot, sks.time_slots()),
        (sk.Keynote, sks.keynotes()),
        (sk.Panel, sks.panels()),
        (sk.Talk, sks.talks()),
        (sk.WorkshopSession, sks.workshop_sessions()),
        (sk.Break, sks.breaks()),
        (sk.Ceremony, sks.ceremonies()),
        (sk.Session, sks.sessions()),
        (sk.WorkshopTrack, sks.workshop_tracks()),
        (sk.Summit, sks.summits()),
    ):
        st.register_type_strategy(cls, strategy)
