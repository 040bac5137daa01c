"""A Static that keeps French spacing, and legend entries that wrap whole.

See french_spacing.py: the spaces that must not break a line (before « : », after « « », and
inside a legend entry) are glued when the text is set, and drawn as non-breaking spaces.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.strip import Strip
from textual.visual import VisualType
from textual.widgets import Static

from explorer.french_spacing import GLUE, glued_content, unglued_strip


def legend(mark: str, words: str) -> str:
    """A legend entry that wraps whole: never « ○ » at a line's end and its words below."""
    return GLUE.join([mark.strip(), *words.split()])


class GluedStatic(Static):
    """A Static of `Content` kept in French spacing (plain strings are shown as given)."""

    def __init__(self, content: VisualType = "", **options: Any) -> None:
        super().__init__(_glued(content), **options)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(_glued(content), layout=layout)

    def render_line(self, y: int) -> Strip:
        return unglued_strip(super().render_line(y))


def _glued(content: VisualType) -> VisualType:
    return glued_content(content) if isinstance(content, Content) else content
