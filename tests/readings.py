"""When a zone's clocks read a given wall time: an oracle found by brute force.

The clocks of a zone read the wall time W at the UTC instant u exactly when
u, shown in that zone, is W.  Showing an instant in a zone (UTC to local) is
never ambiguous, so this is the only conversion used here; a wall time is
never read as an instant (local to UTC), which is where gaps and repeats
make the library's work hard.

An offset is in force at the instant u = W - offset, and every offset lies
within a day of zero, so the candidates are the offsets the zone shows at
instants sampled every few minutes within a day of W: each candidate that
the zone shows at its own u is a reading.  (An offset in force for less than
the sampling step would be missed.)
"""

from __future__ import annotations

import datetime as dt
import itertools

UTC = dt.timezone.utc
STEP = dt.timedelta(minutes=5)
REACH = dt.timedelta(hours=25)


def _shown(instant: dt.datetime, zone: dt.tzinfo) -> dt.datetime | None:
    """*instant* (UTC) as the wall time of *zone*, or None beyond the limits of datetime."""
    try:
        return instant.astimezone(zone).replace(tzinfo=None)
    except OverflowError:
        return None


def _samples(wall: dt.datetime, zone: dt.tzinfo) -> list[tuple[dt.datetime, dt.datetime]]:
    """(UTC instant, wall time shown) every STEP from a day before *wall* to a day after."""
    found = []
    count = 2 * (REACH // STEP)
    for n in range(count + 1):
        try:
            instant = (wall - REACH + n * STEP).replace(tzinfo=UTC)
        except OverflowError:
            continue
        shown = _shown(instant, zone)
        if shown is not None:
            found.append((instant, shown))
    return found


def readings(wall: dt.datetime, zone: dt.tzinfo) -> list[dt.datetime]:
    """The UTC instants, in order, at which the clocks of *zone* read the naive *wall*.

    None for a wall time the clocks skip, two for one they repeat.
    """
    offsets = {shown - instant.replace(tzinfo=None) for instant, shown in _samples(wall, zone)}
    found = set()
    for offset in offsets:
        try:
            instant = (wall - offset).replace(tzinfo=UTC)
        except OverflowError:
            continue
        if _shown(instant, zone) == wall:
            found.add(instant)
    return sorted(found)


def after_the_gap(wall: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The UTC instant a skipped *wall* names when read with the offset in force before the gap.

    That is *wall* moved forward by the size of the gap: with clocks jumping
    from 01:00 to 02:00, 01:30 becomes 02:30.
    """
    samples = _samples(wall, zone)
    instant, shown = next(
        earlier for earlier, later in itertools.pairwise(samples) if earlier[1] < wall < later[1]
    )
    return (wall - (shown - instant.replace(tzinfo=None))).replace(tzinfo=UTC)


def first_reading_from(wall: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The earliest UTC instant at which the clocks of *zone* read *wall* or later.

    The first reading of a wall time that happens, and the moment the clocks
    jump past one they skip; found between two samples by halving.
    """
    samples = _samples(wall, zone)
    index = next(n for n, (_, shown) in enumerate(samples) if shown >= wall)
    low, high = samples[index - 1][0], samples[index][0]
    while high - low > dt.timedelta(microseconds=1):
        middle = low + (high - low) // 2
        if (_shown(middle, zone) or wall) >= wall:
            high = middle
        else:
            low = middle
    return high
