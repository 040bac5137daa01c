"""A/B of the speed mechanisms that can be switched off from outside, for RESULTS.md.

    python benchmarks/ab.py CONTENT [--rounds N]

Each measure runs in a fresh process, with the mechanism (A) and without it (B), alternated
A B A B for N rounds; it prints the median and [min–max] of each side. Only a benchmark may
switch a mechanism off this way (by replacing one of the model's own names in the child):
the app is never changed.

- content cache: the catalogue read through the cache when it is valid (A) or from the
  TOML files (B, `load_catalog`), in-process. The start-up rows of `make bench` give the
  same A/B as a whole start (warm against cold).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Spread, child_env  # noqa: E402

CHILD = """
import json, sys, time
from pathlib import Path
from explorer.model import cache, loader
root = Path(sys.argv[1])
variant = sys.argv[2]
started = time.perf_counter()
if variant == "toml":
    loader.load_catalog(root)
else:
    cache.load(root)
print(json.dumps({"ms": (time.perf_counter() - started) * 1000}))
"""

MEASURES = {
    "content cache (in-process load)": ("cache", "toml"),
}


def one(content: Path, variant: str, env: dict[str, str]) -> float:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(content), variant],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(done.stdout)["ms"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        env = child_env(Path(work), Path(work) / "cache")
        one(args.content, "cache", env)  # writes the cache
        for name, (a, b) in MEASURES.items():
            times: dict[str, list[float]] = {a: [], b: []}
            for _ in range(args.rounds):
                for variant in (a, b):
                    times[variant].append(one(args.content, variant, env))
            with_it, without = Spread.of(times[a]), Spread.of(times[b])
            assert with_it is not None and without is not None
            print(
                f"{name}: with {with_it.show()}, without {without.show()} "
                f"({without.median / with_it.median:.1f} ×)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
