"""`explorer --startup-time [--json]`: where the time goes until the first screen is drawn.

Like vim's --startuptime: the catalogue is loaded as the app would load it (from the content
cache when it is up to date), then the app starts headless and exits as soon as it has
displayed its first complete frame. Phases, in milliseconds:

- imports: our modules, Textual and the rest, from the first line of `explorer.cli` (the
  Python interpreter's own start-up, before it, is not counted);
- content load: reading the content cache, or reading and validating the TOML files (and
  writing the cache);
- index build: the first search, run after the app has left (the app does it after its
  first frame): not counted in the total;
- first frame: creating the app until its first frame is displayed;
- total: from the first line of `explorer.cli` to the first frame.

`cache_write_ms` and `roles_decode_ms` stay in the JSON for the scripts that read them;
both are 0 now (the cache is written during the load, roles are never decoded later).
"""

from __future__ import annotations

import argparse
import inspect
import os
import time
from pathlib import Path
from typing import Any

from explorer.cli.common import CliError, content_root, load_content, print_json, shown
from explorer.locations import cache_dir
from explorer.model import search

# Headless runs still lay the screen out at a size: the one of the snapshot tests.
SCREEN_SIZE = (120, 36)
GIVE_UP_SECONDS = 120.0


def measure(args: argparse.Namespace, started_at: float) -> dict[str, Any]:
    """Run the app headless until its first frame; the phases and what was loaded."""
    entered = time.perf_counter()
    root = content_root(args)
    cache_before = _cache_files()
    result = load_content(args, warn_issues=False)
    after_load = time.perf_counter()
    cache_after = _cache_files()
    from explorer.app import ExplorerApp
    from explorer.screens.main import MainScreen

    imported = time.perf_counter()

    class TimedApp(ExplorerApp):
        """The real app, leaving as soon as its first frame is displayed."""

        # A relative CSS path is read next to the class's module: keep the app's own.
        CSS_PATH = _beside(ExplorerApp, ExplorerApp.CSS_PATH)
        first_frame_at: float | None = None

        def on_mount(self) -> None:
            self.set_timer(GIVE_UP_SECONDS, self.exit)

        # The explorer screen's Ready message: its first complete frame has been displayed.
        def on_main_screen_ready(self, message: MainScreen.Ready) -> None:
            self.first_frame_at = message.displayed_at
            self.exit()

    app = TimedApp(result.catalog, issues=result.issues)
    app.run(headless=True, size=SCREEN_SIZE)
    if app.first_frame_at is None:
        raise CliError("le premier écran n'a jamais été dessiné", exit_code=1)
    before = time.perf_counter()
    search(result.catalog, "e-commerce")  # the first search builds the index
    index_seconds = time.perf_counter() - before
    written = cache_after != cache_before
    cache = "written" if written else ("hit" if cache_after else "not written")

    def ms(seconds: float) -> float:
        return round(seconds * 1000, 1)

    return {
        "content": str(root),
        "roles": len(result.catalog.roles),
        "cache": cache,
        "imports_ms": ms((entered - started_at) + (imported - after_load)),
        "content_load_ms": ms(after_load - entered),
        "index_build_ms": ms(index_seconds),
        "index_deferred": True,
        "cache_write_ms": 0.0,
        "roles_decode_ms": 0.0,
        "first_frame_ms": ms(app.first_frame_at - imported),
        "total_ms": ms(app.first_frame_at - started_at),
        # Raw time.perf_counter() readings, for benchmarks/run.py (same clock on Linux).
        "started_clock": started_at,
        "first_frame_clock": app.first_frame_at,
    }


def _cache_files() -> set[tuple[str, int]]:
    """The cache folder's files and their modification times: did the load write one?"""
    try:
        return {(entry.name, entry.stat().st_mtime_ns) for entry in os.scandir(cache_dir())}
    except OSError:
        return set()


def _beside(cls: type, path: str) -> str:
    return str(Path(inspect.getfile(cls)).parent / path)


_CACHE_WORDS = {"hit": "lu dans le cache", "written": "cache écrit", "not written": "sans cache"}


def startup_time(args: argparse.Namespace, *, started_at: float) -> int:
    """`started_at`: perf_counter() at the first line of `explorer.cli`."""
    report = measure(args, started_at)
    if args.startup_json:
        print_json(report)
        return 0
    rows = [
        ("imports", report["imports_ms"], ""),
        ("chargement du contenu", report["content_load_ms"], _CACHE_WORDS[report["cache"]]),
        ("index de recherche", report["index_build_ms"], "après la première image, hors total"),
        ("première image", report["first_frame_ms"], ""),
        ("total", report["total_ms"], ""),
    ]
    content = shown(report["content"])
    print(f"Démarrage jusqu'au premier écran — {report['roles']} métiers, {content}")
    for label, value, note in rows:
        line = f"  {label:<24}{value:>9.1f} ms"
        print(f"{line}   ({note})" if note else line)
    return 0
