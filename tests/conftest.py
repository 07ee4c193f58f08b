"""Shared fixtures and Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set by ``.ci/run``) derandomises Hypothesis so a
CI run is reproducible; ``thorough`` runs many more examples. ``explore``
draws new examples on every run from one seed for the whole session, printed
in the header, so a failure found by chance can be replayed with
``--hypothesis-seed=SEED``: CI runs the property tests once more with it, so
that over time they see cases the derandomised run never draws.
"""

from __future__ import annotations

import os
import secrets

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile(
    "thorough", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("explore", derandomize=False, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """In the explore profile, pick the session's seed unless one was given."""
    # tryfirst: Hypothesis' own plugin reads the option in its pytest_configure.
    if settings.get_current_profile_name() == "explore" and config.option.hypothesis_seed is None:
        config.option.hypothesis_seed = str(secrets.randbelow(2**32))


def pytest_report_header(config: pytest.Config) -> str | None:
    """Name the seed at the start of the session, where a failing CI log shows it."""
    seed = config.option.hypothesis_seed
    if seed is None:
        return None
    return f"hypothesis seed: {seed} (replay: --hypothesis-seed={seed})"
