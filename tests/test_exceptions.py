"""The exception family: which built-in exception each error also is."""

from __future__ import annotations

import pickle
import zoneinfo

import pytest

import summitkit as sk
from summitkit import exceptions, schedule


def test_a_wrong_type_is_not_caught_as_a_value_error() -> None:
    """`except ValueError` lets a wrong-typed argument through; `except TypeError` catches it."""
    assert not issubclass(exceptions.InvalidTypeError, ValueError)
    caught: list[str] = []
    try:
        schedule.timetable(sk.examples.gsms2015(), tz=5)  # type: ignore[arg-type]
    except ValueError:  # pragma: no cover - the test fails if this catches it
        caught.append("ValueError")
    except TypeError:
        caught.append("TypeError")
    assert caught == ["TypeError"]


@pytest.mark.parametrize(
    "error",
    [
        exceptions.InvalidValueError,
        exceptions.InvalidTextError,
        exceptions.InvalidTimeError,
        exceptions.UnknownTimeZoneError,
        exceptions.DuplicateIdError,
    ],
)
def test_a_value_that_is_not_allowed_is_a_value_error_and_not_a_type_error(
    error: type[exceptions.ModelError],
) -> None:
    """Errors about a value's value are ValueErrors, never TypeErrors."""
    assert (issubclass(error, ValueError), issubclass(error, TypeError)) == (True, False)


def test_an_unknown_zone_is_what_zoneinfo_raises_too() -> None:
    """`except zoneinfo.ZoneInfoNotFoundError` catches summitkit's unknown zone."""
    with pytest.raises(zoneinfo.ZoneInfoNotFoundError):
        sk.get_zone("Mars/Olympus")


def test_an_unknown_zone_reads_plainly_and_pickles() -> None:
    """str() of an UnknownTimeZoneError is its message, not a quoted KeyError key; it pickles."""
    try:
        sk.get_zone("Mars/Olympus")
    except exceptions.UnknownTimeZoneError as error:
        caught = error
    expected = (
        "get_zone(name): unknown time zone 'Mars/Olympus'; "
        "expected an IANA name such as 'Asia/Dubai'"
    )
    assert expected == str(caught)
    copy = pickle.loads(pickle.dumps(caught))  # noqa: S301
    assert (type(copy), copy.path, copy.problem, str(copy)) == (
        exceptions.UnknownTimeZoneError,
        caught.path,
        caught.problem,
        expected,
    )
