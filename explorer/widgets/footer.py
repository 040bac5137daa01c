"""Textual's Footer, doing less work for the same keys, and fitting narrow terminals."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """The same footer (same keys, same look); cheaper to start and to rebuild.

    - A FooterKey starts compact and is then bound to the footer's `compact`: each key was
      restyled twice on every rebuild (≈ 1 ms each). Keys here start at the footer's value.
    - The footer rebuilds itself after every change of bindings; several changes in a row
      (start-up focuses, mounts, resumes) now give one rebuild, not one each, and none at
      all when the keys to show are the ones shown (a focus moving between widgets with the
      same keys, the screen coming back): each rebuild mounts every key again.
    - When the screen's focus is set before the footer composes (AUTO_FOCUS), the keys are
      built in that first compose: start-up went from three builds of the keys to one.
    """

    # Narrow terminals: tighter keys below this width, and no palette key (the help lists
    # it) below the next, so that every key of a screen still fits on one line.
    COMPACT_BELOW = 110
    PALETTE_FROM = 100

    _fitted = False  # to the terminal's width, once before the first keys are built
    _rebuild_queued = False
    _shown: tuple[object, ...] | None = None  # what the keys on show were built from

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int, *, first: bool = False) -> None:
        compact, palette = width < self.COMPACT_BELOW, width >= self.PALETTE_FROM
        if first:  # before the keys exist: set quietly, nothing to restyle or rebuild yet
            self.set_reactive(Footer.compact, compact)
            self.set_class(compact, "-compact", update=False)
            self.set_reactive(Footer.show_command_palette, palette)
            return
        # Only when the width crosses a threshold: the keys follow `compact` by themselves,
        # the palette key comes or goes with a rebuild.
        if self.compact != compact:
            self.compact = compact
        if self.show_command_palette != palette:
            self.show_command_palette = palette
            self.bindings_changed(self.screen)

    def compose(self) -> ComposeResult:
        if not self._fitted:
            self._fitted = True
            self._fit(self.app.size.width, first=True)
        if not self._bindings_ready and self.screen.focused is not None:
            # The focus is set already (the screen's AUTO_FOCUS): the keys are known, build
            # them now and they are laid out with the rest of the screen, not after it.
            self.set_reactive(Footer._bindings_ready, True)
        if self._bindings_ready:
            self._shown = self._keys_to_show()
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
            self.call_later(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        if not self.is_attached:
            return
        shown = self._keys_to_show()
        if shown == self._shown:
            return
        self._shown = shown
        await self.recompose()

    def _keys_to_show(self) -> tuple[object, ...]:
        """Everything Footer.compose builds its keys from."""
        active = self.screen.active_bindings
        bindings = tuple(
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in active.values()
            if binding.show
        )
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        # Not `compact`: the keys follow it by themselves (bound to it), without a rebuild.
        return (
            bindings,
            palette[1:] if palette is not None else None,
            self.show_command_palette,
            self.combine_groups,
        )
