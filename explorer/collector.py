"""The garbage-collector policy: what the app builds to keep is kept out of the collector's way.

Python's cycle collector runs after every few hundred new objects and, now and then, walks
every object alive. From the app's start until its indexes are built, objects are made by
the hundred thousand (the catalogue, read from the cache or from TOML, the screen's widgets
and styles, the search index) and almost none of them becomes garbage: each of those walks
is pure cost (at 10,000 roles, 120 ms of a 290 ms cache read). So the collector waits
(`hold`), then everything made meanwhile, which lives as long as the app, is frozen out of
every later walk (`release`).
"""

from __future__ import annotations

import gc


def hold() -> None:
    """No collection until `release`: what is built now is meant to last."""
    gc.disable()


def release() -> None:
    """Freeze what is alive out of the collector's sight, and let it run again."""
    gc.freeze()
    # What the screens keep drawn (Textual's render caches) grows to tens of thousands of
    # objects, walked by every full collection: one full collection for 100 middle ones
    # rather than 10 (benchmarks/RESULTS.md).
    gc.set_threshold(700, 10, 100)
    gc.enable()
