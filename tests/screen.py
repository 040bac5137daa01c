"""What the terminal shows: the current screen's rows as text, as a user would read them."""

from __future__ import annotations

from textual.app import App


def screen_lines(app: App[object]) -> list[str]:
    """One string per terminal row, from the last frame the screen composed."""
    # Textual has no public API for a screen's text; the compositor holds the painted rows.
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App[object]) -> str:
    return "\n".join(screen_lines(app))
