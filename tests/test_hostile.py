"""Hostile input: work that grows with the input, never with its square.

Each case runs in a fresh interpreter under a hang guard (tests/bounded.py)
whose limit is minutes of margin over what the work takes; the inputs are
sized so that quadratic work would take far longer than the limit.
"""

from __future__ import annotations

import json

from bounded import finishes

#: Module-level regular expressions of the package, each run on inputs that make
#: backtracking patterns blow up: long runs of what they accept, then a misfit.
_EVERY_PATTERN = """
import importlib, pkgutil, re, summitkit
names = [i.name for i in pkgutil.walk_packages(summitkit.__path__, prefix="summitkit.")]
modules = [summitkit, *(importlib.import_module(n) for n in names if n != "summitkit.__main__")]
patterns = {
    f"{m.__name__}.{k}": v for m in modules for k, v in vars(m).items() if isinstance(v, re.Pattern)
}
n = 20_000
hostile = [
    "a" * n + " ", "1" * n + "x", " " * n + "x", "-a" * n + "!", "aaaaa-" * n + "!",
    "1:" * n, "pt" + "1" * n, "http://" + "a" * n + " ", "2015-09-16T" + "1" * n,
    "x[" + "a" * n, "a." * n, "a[" * n, "\\u0645 " * n, "12" + " " * n + "x", "p" + "1d" * n,
    "en" + "-abcde" * n + "!", "\\u200b" * n + "x", "#" + "a" * n + "!",
]
for name, pattern in sorted(patterns.items()):
    for text in hostile:
        pattern.fullmatch(text), pattern.match(text), pattern.search(text)
print(len(patterns))
"""


def test_no_regular_expression_of_the_package_backtracks_badly() -> None:
    """Every module-level pattern runs on 20,000-character hostile inputs in linear time."""
    assert int(finishes(_EVERY_PATTERN)) >= 10


def test_a_long_url_with_a_space_at_the_end_is_refused_at_once() -> None:
    """An organization URL of 80,000 characters and a space loads into a clear error, not a 38 s search."""
    document = {
        "format": 1,
        "id": "x",
        "name": {"en": "X"},
        "first_day": "2015-09-16",
        "organizations": [{"id": "o", "name": {"en": "O"}, "url": "http://" + "a" * 80_000 + " "}],
    }
    output = finishes(
        "import sys, summitkit as sk\n"
        "from summitkit.formats import json\n"
        "try:\n"
        "    json.loads(sys.argv[1])\n"
        "except sk.SummitkitError as error:\n"
        "    print(error)\n",
        args=[json.dumps(document)],
    )
    assert output.startswith(
        "$.organizations[0].url: character U+0020 at index 80007 is not allowed in a URL"
    )
