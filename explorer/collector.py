"""The garbage-collector policy: what the app builds to keep is kept out of the collector's way.

Python's cycle collector runs after every few hundred new objects and, now and then, walks
every object alive. From the app's start until its indexes are built, objects are made by
the hundred thousand (the catalogue, read from the cache or from TOML, the screen's widgets
and styles, the search index) and almost none of them becomes garbage: each of those walks
is pure cost (at 10,000 roles, 120 ms of a 290 ms cache read). So the collector waits
(`hold`), then everything made meanwhile, which lives as long as the app, is frozen out of
every later walk (`release`).

What the app makes afterwards and drops (redrawn lines, closed screens) is collected while
the user reads (`QuietCollection`), not in the middle of a keystroke.
"""

from __future__ import annotations

import gc
import time


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


# Screens closed and widgets redrawn leave cyclic garbage (Textual's strips and their caches,
# tree nodes, styles): ~80,000 objects for 50 keys typed, and a full collection of them, when
# the threshold calls one, freezes a keystroke or a screen opening for 150–350 ms. Collected
# while the user reads instead, it is never waited for, and it keeps the next ones small.
QUIET_SECONDS = 1.0  # without a key, a click, a paste or a new screen: nobody is waiting


class QuietCollection:
    """A full collection once the app has been quiet for QUIET_SECONDS after some activity."""

    def __init__(self) -> None:
        self._last_input: float | None = None  # None: nothing done since the last one

    def activity(self) -> None:
        """A key, a click, a paste, a screen opened or closed: someone is waiting on it."""
        self._last_input = time.monotonic()

    def tick(self) -> None:
        """Called every QUIET_SECONDS / 2 (an app timer)."""
        last = self._last_input
        # Not while held (`hold`): what is being built then is kept, and frozen once done.
        if last is not None and gc.isenabled() and time.monotonic() - last >= QUIET_SECONDS:
            self._last_input = None
            gc.collect()
