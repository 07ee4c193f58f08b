"""The JSON reader and the schema under mutation fuzzing (see tests/fuzz.py).

CI runs a modest count; ``SUMMITKIT_FUZZ_CASES`` asks for more, and
``python tests/fuzz.py --cases 100000`` runs the thorough count by hand.
"""

from __future__ import annotations

import os

import pytest

import fuzz

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
    ],
    ids=["reference", "duplicate id", "zone", "hashtag", "days"],
)
def test_each_documented_rule_is_confirmed_by_its_oracle(change: object, rule: str) -> None:
    """Breaking one rule the schema cannot express: the schema accepts, loads refuses, and the oracle names that rule."""
    document = fuzz.corpus()[1]
    change(document)  # type: ignore[operator]
    report = fuzz.Report()
    fuzz.check(document, report)
    assert (report.failures, dict(report.rules)) == ([], {rule: 1})
