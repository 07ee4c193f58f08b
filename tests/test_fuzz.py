"""The JSON reader and the schema under mutation fuzzing (see tests/fuzz.py).

CI runs a modest count; ``SUMMITKIT_FUZZ_CASES`` asks for more, and
``python tests/fuzz.py --cases 100000`` runs the thorough count by hand.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import fuzz
import summitkit as sk

CASES = int(os.environ.get("SUMMITKIT_FUZZ_CASES", "1500"))


@pytest.mark.parametrize("seed", [1, 2])
def test_reader_and_schema_agree_on_mutated_documents(seed: int) -> None:
    """Only SummitkitError escapes; what loads reads re-dumps identically and validates; verdicts agree outside the documented rules."""
    report = fuzz.run(CASES, seed)
    assert report.failures == []
    assert report.cases == CASES + len(fuzz.corpus())
    # The mutations reach every verdict, and the documented rules are met.
    assert {"both accept", "both refuse", "schema only (documented)"} <= set(report.verdicts)
    assert "references" in report.rules


def test_the_oracle_refuses_an_undocumented_disagreement() -> None:
    """A problem the schema should have caught is a failure, not an excuse: the fuzzer can fail."""
    report = fuzz.Report()
    document = fuzz.corpus()[2]
    document["hashtag"] = "ok"
    fuzz.check_disagreement(document, (("$.name['fr']", "expected non-empty text"),), report)
    assert len(report.failures) == 1


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (lambda d: d["sessions"][0].update(room="nowhere"), "references"),
        (lambda d: d["rooms"].append(dict(d["rooms"][0])), "unique ids"),
        (lambda d: d.update(timezone="Mars/Base"), "zone names"),
        (lambda d: d.update(hashtag="a€"), "hashtag"),
        (lambda d: d.update(last_day="2015-10-23"), "days"),
        (lambda d: d["sessions"][6].update(parent="nowhere"), "references"),
        (lambda d: d["roles"].append({"speaker": "nobody"}), "references"),
        (lambda d: d["sessions"][7].update(parent="c2"), "parents"),
        (lambda d: d["sessions"][0].update(parent="c2"), "parents"),
        (lambda d: d["roles"].append(dict(d["roles"][0])), "summit roles"),
        (
            lambda d: d["day_windows"][0].update(
                start="2015-10-27T09:00:00+00:00[Europe/London]",
                end="2015-10-27T10:00:00+00:00[Europe/London]",
            ),
            "window days",
        ),
        (
            lambda d: d["day_windows"][1].update(
                start="2015-10-25T03:00:00+00:00[Europe/London]",
                end="2015-10-25T04:00:00+00:00[Europe/London]",
            ),
            "window days",
        ),
        (
            lambda d: d["day_windows"][0].update(end="2015-10-26T10:00:00+00:00[Europe/London]"),
            "window overlap",
        ),
    ],
    ids=[
        "reference",
        "duplicate id",
        "zone",
        "hashtag",
        "days",
        "dangling parent",
        "summit role of nobody",
        "its own parent",
        "parents in a loop",
        "summit role twice",
        "window off the days",
        "two windows on a day",
        "overlapping windows",
    ],
)
def test_each_documented_rule_is_confirmed_by_its_oracle(change: object, rule: str) -> None:
    """Breaking one rule the schema cannot express: the schema accepts, loads refuses, and the oracle names that rule."""
    document = fuzz.corpus()[1]
    change(document)  # type: ignore[operator]
    report = fuzz.Report()
    fuzz.check(document, report)
    assert (report.failures, dict(report.rules)) == ([], {rule: 1})


_OBJECTS: dict[type, Callable[[Any], list[Any]]] = {
    sk.Summit: lambda d: [d],
    sk.Venue: lambda d: [d["venue"]] if "venue" in d else [],
    sk.Room: lambda d: d.get("rooms", []),
    sk.Organization: lambda d: d.get("organizations", []),
    sk.Speaker: lambda d: d.get("speakers", []),
    sk.Track: lambda d: d.get("tracks", []),
    sk.Talk: lambda d: d.get("sessions", []),
    sk.Participant: lambda d: (
        d.get("roles", []) + [p for s in d.get("sessions", []) for p in s.get("participants", [])]
    ),
    sk.TimeSlot: lambda d: (
        d.get("day_windows", []) + [s["slot"] for s in d.get("sessions", []) if "slot" in s]
    ),
    sk.Link: lambda d: [
        link
        for s in d.get("sessions", [])
        for link in s.get("links", []) + s.get("attachments", [])
    ],
    sk.SourceId: lambda d: [
        source
        for key in ("rooms", "speakers", "tracks", "sessions")
        for member in d.get(key, [])
        for source in member.get("source_ids", [])
    ],
}


@pytest.mark.parametrize("cls", list(_OBJECTS), ids=lambda cls: cls.__name__)
def test_the_corpus_uses_every_field_of_the_model(cls: type) -> None:
    """Each field of each class is in some document of the corpus, so mutations reach it."""
    used = {
        key for document in fuzz.corpus() for member in _OBJECTS[cls](document) for key in member
    }
    assert {field.name for field in attrs.fields(cls) if field.init} <= used


def test_the_corpus_holds_every_kind_and_a_format_1_document() -> None:
    """Every session and track kind, every role and markup, and format 1 are in the corpus."""
    documents = fuzz.corpus()
    kinds = {s["kind"] for d in documents for s in d.get("sessions", [])}
    track_kinds = {t.get("kind") for d in documents for t in d.get("tracks", [])}
    roles = {
        p.get("role", "presenter")
        for d in documents
        for s in [*d.get("sessions", []), {"participants": d.get("roles", [])}]
        for p in s.get("participants", [])
    }
    markups = {s.get("markup", "plain") for d in documents for s in d.get("sessions", [])}
    sessions = (sk.Keynote, sk.Panel, sk.Talk, sk.WorkshopSession, sk.Break, sk.Ceremony)
    assert kinds == {cls.kind for cls in sessions}
    assert track_kinds == {sk.Track.kind, sk.WorkshopTrack.kind, None}
    assert roles == {role.value for role in sk.Role}
    assert markups == {markup.value for markup in sk.Markup}
    assert {d["format"] for d in documents} == {1, 2}
