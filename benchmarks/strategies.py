"""How fast summitkit.strategies.summits() draws summits at default sizes.

Peers, drawn in the same run with the same Hypothesis settings:

- ``plain data``: the same shape drawn as plain dicts and lists of text (what
  a strategy without the model, its validation and its rules would cost);
- ``st.builds(LocalizedText)``: one small model value, as a floor for any
  model-building strategy.

Run: ``python benchmarks/strategies.py [--examples N] [--repeat N] [--seed N]``; a
seed makes two runs (before and after a change, say) draw alike.
"""

from __future__ import annotations

import argparse
import time

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from summitkit import strategies as sks


def per_second(
    strategy: st.SearchStrategy[object], examples: int, random_seed: int | None = None
) -> float:
    """Values drawn per second by @given, generation only, no database."""
    drawn = 0

    @settings(
        max_examples=examples,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(_: object) -> None:
        nonlocal drawn
        drawn += 1

    if random_seed is not None:
        draw = seed(random_seed)(draw)

    start = time.perf_counter()
    draw()
    return drawn / (time.perf_counter() - start)


def plain_data() -> st.SearchStrategy[object]:
    """Summit-shaped plain data: the same collections and text, no model."""
    text = st.dictionaries(st.sampled_from(sks.LANGUAGES), sks.texts(), min_size=1, max_size=3)
    return st.fixed_dictionaries(
        {
            "name": text,
            "speakers": st.lists(
                st.fixed_dictionaries({"name": text, "bio": st.none() | text}), max_size=10
            ),
            "rooms": st.lists(text, max_size=4),
            "tracks": st.lists(text, max_size=3),
            "sessions": st.lists(
                st.fixed_dictionaries(
                    {"title": text, "start": st.integers(0, 1440), "minutes": st.integers(5, 480)}
                ),
                max_size=10,
            ),
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--examples", type=int, default=300, help="draws per strategy (default 300)"
    )
    # Every benchmark takes --repeat, so `nox -s benchmarks -- --repeat N` works.
    parser.add_argument("--repeat", type=int, default=1, help="runs, best kept (default 1)")
    parser.add_argument(
        "--seed", type=int, default=None, help="Hypothesis seed (default: a random one)"
    )
    args = parser.parse_args()

    def best(strategy: st.SearchStrategy[object]) -> float:
        return max(
            per_second(strategy, args.examples, args.seed) for _ in range(max(1, args.repeat))
        )

    summits = best(sks.summits())
    plain = best(plain_data())
    texts = best(sks.localized_texts())
    print(f"summits() at default sizes : {summits:8.1f} summits/s")
    print(
        f"plain data of that shape    : {plain:8.1f} values/s  "
        f"(summits() takes {plain / summits:.1f}x as long)"
    )
    print(
        f"localized_texts()           : {texts:8.1f} values/s  "
        f"(a summit costs as much as {texts / summits:.0f} texts)"
    )


if __name__ == "__main__":
    main()
