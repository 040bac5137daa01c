"""The garbage-collector policy: what the app builds to keep is kept out of the collector's way.

Python's cycle collector runs after every few hundred new objects and, now and then, walks
every object alive. While a catalogue is read (from the cache or from TOML) or indexed, tens
or hundreds of thousands of objects are made and none of them becomes garbage: each of
those walks is pure cost (at 10,000 roles, 120 ms of a 290 ms cache read). Afterwards they
live as long as the process, so they are frozen out of every later walk.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def building_long_lived() -> Iterator[None]:
    """No collection while the block builds data that lives as long as the app; then that
    data (and all that is alive) leaves the collector's sight (`gc.freeze`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        # What the screens keep drawn (Textual's render caches) grows to tens of thousands of
        # objects, walked by every full collection: one full collection for 100 middle ones
        # rather than 10 (benchmarks/RESULTS.md).
        gc.set_threshold(700, 10, 100)
        if was_enabled:
            gc.enable()
