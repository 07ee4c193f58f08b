"""The zone a query shows its times in, checked; and the check of its summit."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from summitkit._summit import Summit, check_summit
from summitkit._time import get_zone
from summitkit._validators import describe
from summitkit.exceptions import InvalidTypeError

__all__ = ["check_summit", "display_zone"]


def display_zone(summit: Summit, tz: object, path: str) -> ZoneInfo:
    """*tz* as a ZoneInfo (an IANA name is looked up); the summit's zone if ``None``.

    Raises:
        UnknownTimeZoneError: If *tz* is a name that is not an IANA zone.
        InvalidTypeError: If *tz* is neither a ZoneInfo nor a name.
    """
    if tz is None:
        return summit.timezone
    if isinstance(tz, str):
        return get_zone(tz, path=path)
    if isinstance(tz, ZoneInfo):
        return get_zone(tz.key, path=path)
    if isinstance(tz, dt.tzinfo):
        message = f"expected an IANA zone such as 'Europe/London', got the tzinfo {tz!r}"
    else:
        message = f"expected a ZoneInfo or an IANA zone name, got {describe(tz)}"
    raise InvalidTypeError(path, message)
