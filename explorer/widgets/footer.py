"""Textual's Footer, doing less work for the same keys, and fitting narrow terminals."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """Footer's keys, cheaper to start and to rebuild, and fitted to the terminal's width.

    - A FooterKey starts compact and is then bound to the footer's `compact`: each key was
      restyled twice on every rebuild (≈ 1 ms each). Keys here start at the footer's value.
    - The footer rebuilds itself after every change of bindings; several changes in a row
      (start-up focuses, mounts, resumes) now give one rebuild, not one each, and none at
      all when the keys to show are the ones shown (a focus moving between widgets with the
      same keys, the screen coming back): each rebuild mounts every key again.
    - Footer cuts the keys that do not fit, `q Quitter` first: here the look is chosen by
      measuring the keys against the width (`LOOKS`), down to 80 columns.
    """

    # Footer's tight look sets a group's label ("a b Changer") against the next key: a cell
    # between them, as between keys.
    DEFAULT_CSS = """
    KeyFooter.-compact FooterLabel { margin: 0 1 0 0; }
    """

    # Narrow terminals: the richest look whose keys fit on the line is chosen, in this order:
    # spaced keys and the palette key; tight keys; no palette key (the help lists it); and
    # last, without the keys that another part of the screen names already.
    # Each look: (compact, palette key, spared keys left out).
    LOOKS = ((False, True, False), (True, True, False), (True, False, False), (True, False, True))
    # By binding id: x, which the filter chips name ("x : tout effacer"); the filter panel's
    # escape, which closes it as F does; u, which the removal's notice names.
    SPARED_WHEN_TIGHT = frozenset({"main.clear-filters", "filters.close", "shortlist.undo"})
    PALETTE_WIDTH = 13  # "▏^p Palette", docked on the right, and a cell to keep them apart

    _fitted = False  # to the terminal's width, once before the first keys are built
    _tight = False  # the spared keys are left out
    _rebuild_queued = False
    _shown: tuple[object, ...] | None = None  # what the keys on show were built from

    def on_resize(self, event: events.Resize) -> None:
        if self._fit():
            self.bindings_changed(self.screen)

    def _fit(self, *, first: bool = False) -> bool:
        """Choose the look for the keys and the width; whether the keys must be rebuilt.

        The keys follow `compact` by themselves; the palette key and the spared keys come
        or go with a rebuild.
        """
        compact, palette, tight = self._look(self.app.size.width)
        if first:  # before the keys exist: set quietly, nothing to restyle or rebuild yet
            self.set_reactive(Footer.compact, compact)
            self.set_class(compact, "-compact", update=False)
            self.set_reactive(Footer.show_command_palette, palette)
            self._tight = tight
            return False
        if self.compact != compact:
            self.compact = compact
        rebuild = self.show_command_palette != palette or self._tight != tight
        self.show_command_palette, self._tight = palette, tight
        return rebuild

    def _look(self, width: int) -> tuple[bool, bool, bool]:
        # A key takes its key and description and 3 cells of padding, or 2 when compact (as
        # Footer draws them; a group of keys is counted key by key, a little wider).
        active = self.screen.active_bindings
        keys = [
            (
                cell_len(self.app.get_key_display(binding)) + cell_len(binding.description),
                binding.id,
            )
            for _node, binding, _enabled, _tooltip in active.values()
            if binding.show
        ]
        has_palette = self.app.COMMAND_PALETTE_BINDING in active
        for compact, palette, tight in self.LOOKS:
            spared = self.SPARED_WHEN_TIGHT if tight else frozenset()
            needed = sum(size + (2 if compact else 3) for size, id in keys if id not in spared)
            if palette and has_palette:
                needed += self.PALETTE_WIDTH
            if needed <= width:
                return compact, palette, tight
        return self.LOOKS[-1]

    def compose(self) -> ComposeResult:
        if not self._fitted:
            self._fitted = True
            self._fit(first=True)
        if self._bindings_ready:
            self._shown = self._keys_to_show()
        spared = self._spared() if self._tight else set()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and (widget.key, widget.action) in spared:
                continue
            # Only the keys bound to `compact`: the palette key stays compact, as in Footer.
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def _spared(self) -> set[tuple[str, str]]:
        """The keys and actions of the screen's bindings left out when tight."""
        return {
            (binding.key, binding.action)
            for _node, binding, _enabled, _tooltip in self.screen.active_bindings.values()
            if binding.id in self.SPARED_WHEN_TIGHT
        }

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
        self._fit()  # other keys may want another look
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
            self._tight,
        )
