"""Textual's Footer, doing less work for the same keys: it is rebuilt on every focus change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """The same footer (same keys, same look); cheaper to start and to rebuild.

    - A FooterKey starts compact and is then bound to the footer's `compact`: each key was
      restyled twice on every rebuild (≈ 1 ms each). Keys here start at the footer's value.
    - The footer rebuilds itself after every change of bindings; several changes before the
      next refresh (start-up focuses, mounts, resumes) now give one rebuild, not one each.
    """

    _rebuild_queued = False

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # Only the keys bound to `compact`: the palette key stays compact, as in Footer.
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_queued:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        await self.recompose()
