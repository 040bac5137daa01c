"""What the benchmark modules share: paths, the spread of several runs, child processes."""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCREEN_SIZE = (120, 36)  # the size of the snapshot tests, and of every headless run here


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Spread:
    """One figure over several runs: its median, lowest and highest value."""

    median: float
    low: float
    high: float
    runs: int

    @classmethod
    def of(cls, values: list[float]) -> Spread | None:
        values = [v for v in values if v == v]  # NaN: a run that could not measure
        if not values:
            return None
        return cls(statistics.median(values), min(values), max(values), len(values))

    def show(self, unit: str = "ms", digits: int = 0) -> str:
        def number(value: float) -> str:
            return f"{value:,.{digits}f}"

        if self.runs == 1:
            return f"{number(self.median)} {unit}".strip()
        return f"{number(self.median)} [{number(self.low)}–{number(self.high)}] {unit}".strip()


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "textual": version("textual"),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def child_env(workdir: Path, cache_dir: Path) -> dict[str, str]:
    """The environment of every measured process: its own cache and data folders."""
    env = dict(os.environ)
    env.update(
        EXPLORER_CACHE_DIR=str(cache_dir),
        EXPLORER_DATA_DIR=str(workdir / "data"),
        PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]),
    )
    return env


@dataclass(frozen=True)
class Measured:
    """What a child process printed (one JSON object), when it started and ended, its peak."""

    report: dict[str, Any]
    spawned: float  # time.perf_counter() in this process, just before the spawn
    ended: float
    max_rss_mb: float


def run_child(command: list[str], env: dict[str, str]) -> Measured:
    """Run a process printing one JSON object; reaped with os.wait4 for its own peak memory.

    time.perf_counter() is CLOCK_MONOTONIC on Linux, the same clock in every process: a
    child's readings compare with `spawned`.
    """
    spawned = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    ended = time.perf_counter()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{err.decode(errors='replace')}")
    rss_kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Measured(json.loads(out), spawned, ended, rss_kb / 1024)


def script(name: str, *args: str) -> list[str]:
    """The command running benchmarks/<name>.py with this Python."""
    return [sys.executable, str(HERE / f"{name}.py"), *args]


def content_files(root: Path) -> list[Path]:
    """The files the loader reads."""
    names = ("families.toml", "skills.toml", "glossary.toml", "sources.toml")
    top = [root / n for n in names if (root / n).exists()]
    return top + sorted((root / "roles").glob("*.toml"))


def load(root: Path) -> Any:
    """The catalogue's LoadResult through the content cache, as the app reads it."""
    from explorer.model import cache

    return cache.load(root)
