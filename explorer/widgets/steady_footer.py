"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.widgets import Footer


class SteadyFooter(Footer):
    """A Footer that skips a recompose when it would show the same keys again.

    Textual's Footer rebuilds every key at each bindings signal, and opening a screen sends
    three (the focus, its deferred repeat, the screen's resume): each rebuild mounts and
    restyles every key. Bindings that are not drawn (show=False) do not count.
    """

    keys_composed: object = None  # what the keys on show were composed from

    def keys_to_show(self) -> object:
        palette = self.app.COMMAND_PALETTE_BINDING  # drawn on the right, though not "shown"
        shown = tuple(
            (key, active.binding, active.enabled, active.tooltip)
            for key, active in self.screen.active_bindings.items()
            if active.binding.show or key == palette
        )
        return (self.compact, self.show_command_palette, shown)

    async def recompose(self) -> None:
        if not self.is_attached:
            return
        keys = self.keys_to_show()
        if keys == self.keys_composed and self.children:
            return
        self.keys_composed = keys
        await super().recompose()
