"""The baseline for start-up figures: a bare Textual app with the explorer's widgets, no content.

Header, a tree, a detail pane (Static) and Footer, laid out like the explorer screen, started
headless at the same size. It exits once its first complete frame is displayed (footer keys
included, as the explorer's) and prints the same clock readings as `explorer --startup-time
--json` (time.perf_counter(), which on Linux is the system-wide monotonic clock, so
benchmarks/run.py can compare them with its own).
"""

from __future__ import annotations

import time

STARTED_AT = time.perf_counter()  # as early as explorer.cli takes its own

import json  # noqa: E402
import sys  # noqa: E402

from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import Horizontal  # noqa: E402
from textual.widgets import Footer, Header, Static, Tree  # noqa: E402

SCREEN_SIZE = (120, 36)  # explorer.cli.startup_time.SCREEN_SIZE


class BaselineApp(App[None]):
    CSS = """
    #tree { width: 45%; height: 1fr; }
    #detail { width: 1fr; height: 1fr; }
    """

    first_frame_at: float | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            tree: Tree[None] = Tree("Métiers", id="tree")
            tree.show_root = False
            yield tree
            yield Static("", id="detail")
        yield Footer()

    def post_display_hook(self) -> None:
        # Textual calls this after each frame it displays. Complete, footer keys included, as
        # the explorer's MainScreen.Ready: Footer mounts its keys after the first focus, and a
        # key with a place on screen has been painted in the frame just displayed.
        if self.first_frame_at is not None:
            return
        keys = self.query("FooterKey")
        if keys and all(key.region for key in keys):
            self.first_frame_at = time.perf_counter()
            self.exit()


def main() -> int:
    app = BaselineApp()
    app.run(headless=True, size=SCREEN_SIZE)
    if app.first_frame_at is None:
        return 1
    json.dump({"started_clock": STARTED_AT, "first_frame_clock": app.first_frame_at}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
