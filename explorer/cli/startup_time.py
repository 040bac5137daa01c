"""`explorer --startup-time [--json]`: where the time goes until the first screen is drawn.

Like vim's --startuptime: the app starts headless with the chosen content, and exits as soon
as the explorer screen has painted its first complete frame (the tree, the fiche and the
footer's keys). Phases, in milliseconds:

- imports: our modules, Textual and the rest, from the first line of `explorer.cli` (the
  Python interpreter's own start-up, before it, is not counted);
- content load: reading the content cache, or reading and validating the TOML files (plain
  TOML by a fast reader of our own, anything else by tomllib);
- index build: building the search index; it is left for after the first frame (unpacked
  from the cache on the first search, or built on a thread with the cache write after a
  load from TOML), so that time is measured after the run and not counted in the total;
- cache write (after a load from TOML): done after the first frame, not counted either;
- roles' detail (`roles_decode_ms`, after a read from the cache): a start decodes what the
  tree and the first fiche show; the roles' other fields are decoded after the first frame,
  on a thread, measured after the run and not counted;
- first frame: creating the app until the explorer screen has painted;
- total: from the first line of `explorer.cli` to the first frame.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from pathlib import Path
from typing import Any

from explorer.cli import STARTED_AT
from explorer.cli.common import CliError, cached_load
from explorer.model.cache_codec import decode_all

# Headless runs still lay the screen out at a size: the one of the snapshot tests.
SCREEN_SIZE = (120, 36)
GIVE_UP_SECONDS = 120.0


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Run the app headless until its first frame; the phases and what was loaded."""
    entered = time.perf_counter()
    loaded = cached_load(args, defer_save=True)
    after_load = time.perf_counter()
    from explorer.app import ExplorerApp
    from explorer.screens.main import MainScreen

    imported = time.perf_counter()

    class TimedApp(ExplorerApp):
        """The real app, leaving as soon as the explorer screen has painted."""

        # A relative CSS path is read next to the class's module: keep the app's own.
        CSS_PATH = _beside(ExplorerApp, ExplorerApp.CSS_PATH)
        first_frame_at: float | None = None

        def on_mount(self) -> None:
            self.set_timer(GIVE_UP_SECONDS, self.exit)

        def on_main_screen_ready(self, message: MainScreen.Ready) -> None:
            self.first_frame_at = message.displayed_at
            self.exit()

    result = loaded.result
    app = TimedApp(result.catalog, issues=result.issues)
    app.run(headless=True, size=SCREEN_SIZE)
    if app.first_frame_at is None:
        raise CliError("le premier écran n'a jamais été dessiné", exit_code=1)
    # What the app does after its first frame, done here once it has left: not in the total.
    pending = loaded.pending
    index_seconds, write_seconds = loaded.index_seconds, loaded.save_seconds
    before = time.perf_counter()
    decode_all(
        result.catalog
    )  # the roles' fields a cached start left for later (first, as the app)
    decode_seconds = time.perf_counter() - before if loaded.from_cache else 0.0
    before = time.perf_counter()
    if pending is not None:  # loaded from TOML: the app builds the index and writes the cache
        pending.run()
        index_seconds, write_seconds = pending.index_seconds, pending.save_seconds
    else:  # built by the app after its first frame (the cache does not hold it)
        result.catalog.search_index  # noqa: B018
        index_seconds = time.perf_counter() - before
    saved = pending.saved if pending is not None else loaded.saved
    cache = "hit" if loaded.from_cache else ("written" if saved else "not written")

    def ms(seconds: float) -> float:
        return round(seconds * 1000, 1)

    return {
        "content": str(result.catalog.root),
        "roles": len(result.catalog.roles),
        "cache": cache,
        "imports_ms": ms((entered - STARTED_AT) + (imported - after_load)),
        "content_load_ms": ms(loaded.load_seconds),
        "index_build_ms": ms(index_seconds),
        "index_deferred": True,  # always, now: kept for scripts that read it
        "cache_write_ms": ms(write_seconds),
        "roles_decode_ms": ms(decode_seconds),
        "first_frame_ms": ms(app.first_frame_at - imported),
        "total_ms": ms(app.first_frame_at - STARTED_AT),
        # Raw time.perf_counter() readings, for benchmarks/run.py (same clock on Linux).
        "started_clock": STARTED_AT,
        "first_frame_clock": app.first_frame_at,
    }


def _beside(cls: type, path: str) -> str:
    return str(Path(inspect.getfile(cls)).parent / path)


_CACHE_WORDS = {"hit": "lu dans le cache", "written": "cache écrit", "not written": "sans cache"}


def startup_time(args: argparse.Namespace) -> int:
    report = measure(args)
    if args.startup_json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    later = "après la première image, hors total"
    rows = [
        ("imports", report["imports_ms"], ""),
        ("chargement du contenu", report["content_load_ms"], _CACHE_WORDS[report["cache"]]),
        ("index de recherche", report["index_build_ms"], later),
        *(
            [("écriture du cache", report["cache_write_ms"], later)]
            if report["cache"] == "written"
            else []
        ),
        *(
            [("détail des métiers", report["roles_decode_ms"], later)]
            if report["cache"] == "hit"
            else []
        ),
        ("première image", report["first_frame_ms"], ""),
        ("total", report["total_ms"], ""),
    ]
    print(f"Démarrage jusqu'au premier écran — {report['roles']} métiers, {report['content']}")
    for label, value, note in rows:
        line = f"  {label:<24}{value:>9.1f} ms"
        print(f"{line}   ({note})" if note else line)
    return 0
