"""French spacing on screen: no line starts with the « : » or « ? » that ends the phrase before.

French puts a space before : ; ? ! » % and after «, and those spaces must not break a line.
Rich and Textual wrap at any white space, the non-breaking ones included, so a narrow
pane could start a line with a lone colon. Before wrapping, such a space becomes `GLUE`, a
character the wrappers take for part of a word (one cell wide, like the space); `Unglued`
(Rich), `unglued_content` and `unglued_strip` (Textual) turn it back into a non-breaking
space in what is drawn (and copied).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

# Used by the app's widgets and screens, and by `explorer show` (which runs without Textual:
# its types are imported when used).
if TYPE_CHECKING:
    from textual.content import Content
    from textual.strip import Strip

GLUE = "\ue000"  # private use: never in our content (a stray one is shown as a space)
NBSP = "\u00a0"
_GLUED_SPACES = re.compile(r"[ \u00a0\u202f](?=[:;?!»%])|(?<=«)[ \u00a0\u202f]")


def glue(text: str) -> str:
    """The spaces that must stay with their punctuation, as `GLUE` (one character each)."""
    return _GLUED_SPACES.sub(GLUE, text)


def unglue(text: str) -> str:
    return text.replace(GLUE, NBSP)


def glued(renderable: RenderableType) -> RenderableType:
    """The same renderable with its texts glued: `Text` (styles kept, the length is the
    same), `Group`s of them, and any renderable that knows how (`glued()`). Strings are
    left alone: Rich would read them as markup (content is always given as `Text`)."""
    if isinstance(renderable, Text):
        text = renderable.copy()
        text.plain = glue(text.plain)
        return text
    if isinstance(renderable, Group):
        return Group(*(glued(part) for part in renderable.renderables))
    glue_own = getattr(renderable, "glued", None)
    return glue_own() if callable(glue_own) else renderable


def glued_content(content: Content) -> Content:
    """`glue` for Textual's Content (same length: the styles stay where they were)."""
    from textual.content import Content

    plain = glue(content.plain)
    return content if plain == content.plain else Content(plain, list(content.spans))


def unglued_content(content: Content) -> Content:
    from textual.content import Content

    plain = content.plain
    return Content(unglue(plain), list(content.spans)) if GLUE in plain else content


def unglued_strip(strip: Strip) -> Strip:
    """A line drawn by a Textual widget, its `GLUE` characters as non-breaking spaces."""
    from textual.strip import Strip

    if not any(GLUE in segment.text for segment in strip):
        return strip
    segments = [Segment(unglue(s.text), s.style, s.control) for s in strip]
    return Strip(segments, strip.cell_length)


class Unglued:
    """A renderable drawn with its `GLUE` characters as non-breaking spaces."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            if GLUE in segment.text:
                segment = Segment(unglue(segment.text), segment.style, segment.control)
            yield segment

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)
