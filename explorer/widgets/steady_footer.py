"""Textual's Footer, recomposed only when what it shows changes."""

from __future__ import annotations

from textual.widgets import Footer


class SteadyFooter(Footer):
    """A Footer that skips recomposing when its keys are the same as those it shows.

    Textual's Footer rebuilds all its keys at every bindings signal, and a screen sends
    several for one change: opening one sends three (focus, its deferred repeat, resume), and
    the screen left behind sends one more. Each rebuild mounts and restyles every key.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.shown: object = None  # what the keys were composed from

    def keys_shown(self) -> object:
        bindings = tuple(
            (key, active.binding, active.enabled, active.tooltip)
            for key, active in self.screen.active_bindings.items()
        )
        return (self.compact, self.show_command_palette, bindings)

    async def recompose(self) -> None:
        if not self.is_attached:
            return
        shown = self.keys_shown()
        if shown == self.shown and self.children:
            return
        self.shown = shown
        await super().recompose()
