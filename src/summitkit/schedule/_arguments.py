"""The zone a query shows its times in, checked; and the check of its summit."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from summitkit._summit import Summit, check_summit
from summitkit._time import iana_zone_argument

__all__ = ["check_summit", "display_zone"]


def display_zone(summit: Summit, tz: object, path: str) -> ZoneInfo:
    """*tz* as a ZoneInfo (an IANA name is looked up); the summit's zone if ``None``.

    Raises:
        UnknownTimeZoneError: If *tz* is a name that is not an IANA zone.
        InvalidTypeError: If *tz* is neither a ZoneInfo nor a name.
    """
    return summit.timezone if tz is None else iana_zone_argument(path, tz)
