"""Hypothesis strategies that generate valid summitkit values.

Install the ``hypothesis`` extra (from a checkout: ``pip install '.[hypothesis]'``)
and draw whole, valid programmes in your own property-based tests::

    from hypothesis import given
    from summitkit import strategies as sks

    @given(sks.summits(max_size=20, conflict_free=True))
    def test_my_feed_renders_every_summit(summit):
        ...

Every value drawn satisfies every rule of the model, so building it never
raises.  Values shrink toward the simple case: a failing property over
:func:`summits` reports a summit of one day in Asia/Dubai with the fewest
sessions and short ASCII text.

With the extra installed, ``st.from_type(summitkit.Summit)`` (and every other
model type) works without importing this module: summitkit registers these
strategies through Hypothesis' ``hypothesis`` entry point.

Arguments follow Hypothesis' conventions: they are keyword-only, sizes are
``min_size``/``max_size``, anything that varies is given as a strategy, and
invalid arguments raise :class:`hypothesis.errors.InvalidArgument`.
"""

from __future__ import annotations

from summitkit.exceptions import MissingExtraError

try:
    import hypothesis  # noqa: F401  # pyright: ignore[reportUnusedImport]  # to fail early and clearly
except ImportError as error:  # pragma: no cover - exercised without the extra
    raise MissingExtraError("summitkit.strategies", "hypothesis", "hypothesis") from error

from summitkit.strategies._basics import (
    LANGUAGES,
    links,
    localized_texts,
    organizations,
    participants,
    rooms,
    source_ids,
    speakers,
    texts,
    time_slots,
    timezones,
    venues,
)
from summitkit.strategies._sessions import (
    breaks,
    ceremonies,
    keynotes,
    panels,
    sessions,
    talks,
    tracks,
    workshop_sessions,
    workshop_tracks,
)
from summitkit.strategies._summits import summits

__all__ = [
    "LANGUAGES",
    "breaks",
    "ceremonies",
    "keynotes",
    "links",
    "localized_texts",
    "organizations",
    "panels",
    "participants",
    "rooms",
    "sessions",
    "source_ids",
    "speakers",
    "summits",
    "talks",
    "texts",
    "time_slots",
    "timezones",
    "tracks",
    "venues",
    "workshop_sessions",
    "workshop_tracks",
]
