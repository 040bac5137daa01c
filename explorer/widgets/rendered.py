"""Widgets drawn from one rendering of their content per width: long text, measured and painted.

Textual renders a widget's content once to measure its height and again to paint it, and
again after each resize. For long text (a fiche, the help's table) that was most of the
cost of showing it. These widgets render once per width (and per content key) and both the
height and the paint use that rendering, kept until the content or the styles change.
"""

from __future__ import annotations

from typing import ClassVar

from textual.geometry import Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget


def virtual_size_without_layout() -> Reactive[Size]:
    """Widget.virtual_size, without the second layout it asks for whenever it changes.

    Each role shown changes the heights in the detail pane, and the layout that gave the
    new sizes has already placed everything: the second one cost ≈ 5 ms a key at 10,000
    roles. A scrollable widget loses nothing either: its scroll bars ask for a layout
    themselves when they appear or go, and their thumbs follow the size.
    """
    return Reactive(Size(0, 0), layout=False)


class RenderedOnce(Widget):
    """A widget whose `render()` is turned into lines once per (content key, width).

    `content_key` names what `render()` currently shows; renderings of the last `KEPT`
    (key, width) pairs are kept, so that content shown again (under the same key) is not
    rendered again. `forget()` drops the current content's renderings when it changes.
    """

    KEPT: ClassVar[int] = 2
    DEFAULT_CSS = """
    RenderedOnce { height: auto; }
    """  # subclasses match it too: Textual's type selectors include base classes

    virtual_size = virtual_size_without_layout()  # it never scrolls

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.content_key: object = None
        self._lines: dict[tuple[object, int], list[Strip]] = {}

    def forget(self) -> None:
        """The unnamed content (key None) changed: its renderings are stale."""
        self._lines = {k: v for k, v in self._lines.items() if k[0] is not None}

    def notify_style_update(self) -> None:
        self._lines = {}  # a theme, a focus tint: the colours change
        super().notify_style_update()

    def rendered(self, width: int) -> list[Strip]:
        lines = self._lines.get((self.content_key, width))
        if lines is None:
            visual = visualize(self, self.render())
            lines = Visual.to_strips(self, visual, width, None, self.visual_style)
            if len(self._lines) >= self.KEPT:
                del self._lines[next(iter(self._lines))]  # the oldest
            self._lines[(self.content_key, width)] = lines
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rendered(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self.rendered(width)
        if y >= len(lines):
            return Strip.blank(width, self.visual_style.rich_style)
        return lines[y]
