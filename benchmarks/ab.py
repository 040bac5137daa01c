"""A/B of the speed mechanisms that can be switched off from outside, for RESULTS.md.

    python benchmarks/ab.py CONTENT [--rounds N]

Each measure runs in a fresh process, with the mechanism (A) and without it (B), alternated
A B A B for N rounds; it prints the median and [min–max] of each side. Only a benchmark may
switch a mechanism off this way (by replacing one of the model's own names in the child):
the app is never changed.

- content cache: the catalogue read through the cache when it is valid (A) or from the
  TOML files (B, `load_catalog`), in-process. The start-up rows of `make bench` give the
  same A/B as a whole start (warm against cold).
- collector paused while a catalogue is read: `cache.load` from a valid cache as it is (A),
  and with the pause replaced by nothing (B); in-process, then as a whole warm start
  (benchmarks/startup.py, spawn to the complete explorer screen).
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

from common import Spread, child_env, run_child  # noqa: E402

CHILD = """
import contextlib, json, sys, time
from pathlib import Path
from explorer.model import cache, loader
root = Path(sys.argv[1])
variant = sys.argv[2]
if variant == "no-pause":
    cache._collector_paused = contextlib.nullcontext
started = time.perf_counter()
if variant == "toml":
    loader.load_catalog(root)
else:
    cache.load(root)
print(json.dumps({"ms": (time.perf_counter() - started) * 1000}))
"""

# The start-up probe (startup.py) with the pause replaced by nothing, or as it is.
STARTUP = """
import contextlib, runpy, sys
if sys.argv[1] == "no-pause":
    from explorer.model import cache
    cache._collector_paused = contextlib.nullcontext
sys.argv = [sys.argv[2], sys.argv[3]]
runpy.run_path(sys.argv[0], run_name="__main__")
"""

MEASURES = {
    "content cache (in-process load)": ("cache", "toml"),
    "collector paused while the cache is read (in-process load)": ("cache", "no-pause"),
    "collector paused while the cache is read (warm start-up)": ("start-up", "no-pause"),
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


def start(content: Path, variant: str, env: dict[str, str]) -> float:
    """Spawn to the complete explorer screen, as make bench times a warm start."""
    command = [sys.executable, "-c", STARTUP, variant, str(HERE / "startup.py"), str(content)]
    measured = run_child(command, env)
    return float(measured.report["ready_clock"] - measured.spawned) * 1000


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
                    if a == "start-up":
                        times[variant].append(start(args.content, variant, env))
                    else:
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
