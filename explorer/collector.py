"""The garbage collector, paused while the process starts.

Start-up makes several hundred thousand objects that live as long as the process: modules,
the catalogue, styles, widgets. The collector walked them again and again on the way to the
first frame (≈ 30 ms of the bundled catalogue's start-up, more than Textual alone). The
`explorer` command pauses it at once; the app resumes it once its first frame is drawn
(and then freezes what it has made, see `ExplorerApp`), the command at the latest when it
ends.

`resume` only undoes this module's own `pause`: a program that turned the collector off
itself keeps it off.

Once the app runs, `collect_promoted` frees what typing left in the oldest generation, while
the user reads (see `ExplorerApp`).
"""

from __future__ import annotations

import gc

_paused = False  # the collector was on, and `pause` turned it off


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def collect_promoted() -> bool:
    """A full collection, if anything reached the oldest generation since the last one.

    Textual's lines of text (`Strip`) refer to themselves once divided by the compositor, so
    each paint leaves garbage that only the collector frees; what outlives two young
    collections waits for a full one, which then frees thousands of them at once (130–300 ms
    after ≈ 40 keys typed at 10,000 roles). Run between keys, a full pass frees one or two
    keys' worth (a few ms).
    """
    if not gc.isenabled() or gc.get_count()[2] == 0:
        return False
    gc.collect()
    return True
