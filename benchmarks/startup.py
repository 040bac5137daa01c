"""Start-up as a whole process, against the baseline app; and plain tomllib on the same files.

As a script, `python benchmarks/startup.py CONTENT` is the probe: the explorer as `explorer`
launches it (`ExplorerApp(content_root=…)`: its frame at once, the catalogue read in a worker
behind a progress bar), headless at 120×36, leaving at the first displayed frame of the
explorer screen that is complete (the role tree, and every footer key on screen). It prints
the clock readings as JSON. Nothing of the app is changed: the subclass only watches frames
through `post_display_hook`, Textual's public hook, as baseline_app.py does.

`--exit-at-ready CONTENT`: the same, leaving the process at that frame (for instructions.py).
`python benchmarks/startup.py --tomllib CONTENT REPEAT` times plain `tomllib` parsing of the
files the loader reads (their reading included), the reference of the cold start-up target.
"""

from __future__ import annotations

import time

STARTED_AT = time.perf_counter()  # as early as the baseline takes its own

import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tomllib  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import SCREEN_SIZE, Measured, content_files, run_child, script  # noqa: E402

GIVE_UP_SECONDS = 300.0


def probe(content: Path, *, exit_at_ready: bool = False) -> dict[str, Any]:
    """`exit_at_ready`: leave the process there and then (benchmarks/instructions.py counts
    the instructions up to that frame, for the app as for the baseline)."""
    import explorer.cli  # noqa: F401  (what `explorer` imports first)
    from explorer.app import ExplorerApp

    class ProbeApp(ExplorerApp):
        """The real app, leaving at the first complete frame of the explorer screen."""

        # A relative CSS path is read beside the class's module: keep the app's own files.
        CSS_PATH = _css_beside_app(ExplorerApp)
        first_frame_at: float | None = None  # any frame: the loading screen's, usually
        ready_at: float | None = None

        def on_mount(self) -> None:
            self.set_timer(GIVE_UP_SECONDS, self.exit)

        def post_display_hook(self) -> None:
            super().post_display_hook()
            now = time.perf_counter()
            if self.first_frame_at is None:
                self.first_frame_at = now
            if self.ready_at is None and self.catalog is not None and complete(self.screen):
                self.ready_at = now
                if exit_at_ready:
                    os._exit(0)
                self.exit()

    app = ProbeApp(content_root=content)
    app.run(headless=True, size=SCREEN_SIZE)
    if app.ready_at is None or app.catalog is None:
        raise SystemExit("the explorer screen was never displayed")
    # What the first search builds: its memory counts in the peak, its time does not.
    app.catalog.search_index  # noqa: B018
    return {
        "started_clock": STARTED_AT,
        "first_frame_clock": app.first_frame_at,
        "ready_clock": app.ready_at,
        "roles": len(app.catalog.roles),
    }


def _css_beside_app(cls: type) -> Any:
    """The app's CSS_PATH made absolute: a relative one is read beside the subclass's module."""
    folder = Path(sys.modules[cls.__module__].__file__ or "").parent
    paths = cls.CSS_PATH  # type: ignore[attr-defined]
    if isinstance(paths, (str, Path)):
        return str(folder / paths)
    return [str(folder / p) for p in paths]


def complete(screen: Any) -> bool:
    """The explorer screen with its role tree, and every footer key placed on screen."""
    if not screen.query("Tree"):
        return False
    keys = screen.query("FooterKey")
    return bool(keys) and all(key.region for key in keys)


def tomllib_parse(content: Path, repeat: int) -> dict[str, Any]:
    files = content_files(content)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for path in files:
            tomllib.loads(path.read_bytes().decode("utf-8"))
        times.append(time.perf_counter() - started)
    return {"tomllib_ms": statistics.median(times) * 1000}


# --- in benchmarks/run.py ---------------------------------------------------------------------


def startup_pairs(
    content: Path, env: dict[str, str], cache_dir: Path, pairs: int, *, cold: bool
) -> list[dict[str, float]]:
    """`pairs` runs of the explorer then the baseline, alternated (A B A B …).

    Each run: time from the spawn to the complete frame, peak memory; cold: no content cache.
    """
    runs = []
    for _ in range(pairs):
        if cold:
            shutil.rmtree(cache_dir, ignore_errors=True)
        app = run_child(script("startup", str(content)), env)
        base = run_child(script("baseline_app"), env)
        app_ms = _since_spawn(app, "ready_clock")
        base_ms = _since_spawn(base, "first_frame_clock")
        runs.append(
            {
                "app_ms": app_ms,
                "first_frame_ms": _since_spawn(app, "first_frame_clock"),
                "baseline_ms": base_ms,
                "ratio": app_ms / base_ms,
                "app_rss_mb": app.max_rss_mb,
                "baseline_rss_mb": base.max_rss_mb,
            }
        )
    return runs


def warm_up(content: Path, env: dict[str, str]) -> None:
    """One start that writes the content cache (content written within seconds is not cached)."""
    for _ in range(2):
        run_child(script("startup", str(content)), env)
        cache = Path(env["EXPLORER_CACHE_DIR"])
        if cache.is_dir() and any(cache.iterdir()):
            return
        time.sleep(2.5)


def _since_spawn(measured: Measured, key: str) -> float:
    return float(measured.report[key] - measured.spawned) * 1000


def main(argv: list[str]) -> int:
    if argv[:1] == ["--tomllib"]:
        report = tomllib_parse(Path(argv[1]), int(argv[2]))
    elif argv[:1] == ["--exit-at-ready"]:
        report = probe(Path(argv[1]), exit_at_ready=True)
    else:
        report = probe(Path(argv[0]))
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
