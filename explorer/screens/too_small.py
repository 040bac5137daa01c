"""Shown alone while the terminal is smaller than the app can lay out: one line, no keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

# Below this, the screens cannot show a role and its keys (the tests' smallest usual size is 40x12).
MINIMUM_SIZE = Size(40, 10)

TOO_SMALL_MESSAGE = "Agrandissez la fenêtre"


def too_small(size: Size) -> bool:
    return size.width < MINIMUM_SIZE.width or size.height < MINIMUM_SIZE.height


class TooSmallScreen(Screen[None]):
    """Covers the screen stack (which keeps its state) until the terminal grows again."""

    CSS_PATH = "too_small.tcss"

    def compose(self) -> ComposeResult:
        yield Static(TOO_SMALL_MESSAGE, id="too-small", markup=False)
