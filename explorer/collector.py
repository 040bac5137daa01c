"""The garbage collector, paused while the process starts.

Start-up makes several hundred thousand objects that live as long as the process: modules,
the catalogue, styles, widgets. The collector walked them again and again on the way to the
first frame (≈ 30 ms of the bundled catalogue's start-up, more than Textual alone). The
`explorer` command pauses it at once; the app resumes it once its first frame is drawn
(and then freezes what it has made, see `ExplorerApp`), the command at the latest when it
ends.

`resume` only undoes this module's own `pause`: a program that turned the collector off
itself keeps it off.
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
