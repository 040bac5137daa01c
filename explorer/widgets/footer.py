"""The screen's keys on one line: what Textual's Footer shows, drawn by one widget.

Textual's Footer mounts a widget per key (FooterKey), once the first focus has told it
which keys apply, and mounts them all again whenever they change: ≈ 15 ms and a layout
pass of its own before the first complete frame. Here the keys are cells of one line,
found when it is painted: the first frame has them, and a change of keys only repaints.
The look is Footer's (its CSS variables, spacing and palette key on the right), and so is
what the mouse does: hover, a tooltip, a click presses the key.

It also fits narrow terminals: Footer cuts the keys that do not fit, `q Quitter` first;
here the look is chosen by measuring the keys against the width (`LOOKS`).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

# What a key draws: (text, part) pieces, part naming the style: "key", "description",
# "label" (a group's description), "border" (the palette key's bar) or "" (the footer's).
Piece = tuple[str, str]


class FooterItem:
    """One key (or a group's label) on the line: where it is, what it shows and does."""

    __slots__ = ("enabled", "key", "pieces", "start", "tooltip", "width")

    def __init__(
        self, pieces: list[Piece], key: str = "", *, enabled: bool = True, tooltip: str = ""
    ) -> None:
        self.pieces = pieces
        self.key = key  # "" for a label: nothing to press
        self.enabled = enabled
        self.tooltip = tooltip
        self.start = 0
        self.width = sum(cell_len(text) for text, _part in pieces)


class KeyFooter(Widget, can_focus=False):
    """The active bindings of the screen, as Footer shows them, fitted to the width."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
        "footer-key--border",
    }
    # Footer's variables, as Footer and FooterKey use them.
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .footer-key--border {
            color: $foreground 20%;
        }
    }
    """

    # Narrow terminals: the richest look whose keys fit on the line is chosen, in this order:
    # spaced keys and the palette key; tight keys; no palette key (the help lists it); and
    # last, without the keys that another part of the screen names already.
    # Each look: (compact, palette key, spared keys left out).
    LOOKS = ((False, True, False), (True, True, False), (True, False, False), (True, False, True))
    # By binding id: x, which the filter chips name ("x : tout effacer"); the filter panel's
    # escape, which closes it as F does; u, which the removal's notice names.
    SPARED_WHEN_TIGHT = frozenset({"main.clear-filters", "filters.close", "shortlist.undo"})
    PALETTE_WIDTH = 13  # "▏^p Palette", on the right, and a cell to keep them apart

    def __init__(self) -> None:
        super().__init__()
        self._shown_bindings: list[tuple[Binding, bool, str]] | None = None  # None: read them
        self._palette: tuple[Binding, bool, str] | None = None
        self._hovered: FooterItem | None = None
        self._items: list[FooterItem] = []
        self.keys_painted = False  # the screen's first frame is complete with them

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        # As Footer: while the terminal has lost the focus, the keys stay as they were.
        if screen.app.app_focus and screen is self.screen:
            self._shown_bindings = None
            self.refresh()

    # --- which keys, in which look ------------------------------------------------------------

    def _read_bindings(self) -> None:
        active = self.screen.active_bindings
        self._shown_bindings = [
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in active.values()
            if binding.show
        ]
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        self._palette = palette[1:] if palette and self.app.ENABLE_COMMAND_PALETTE else None

    def _look(self, width: int) -> tuple[bool, bool, bool]:
        # A key takes its key and description and 3 cells of padding, or 2 when compact (a
        # group of keys is counted key by key, a little wider).
        keys = [
            (cell_len(self.app.get_key_display(binding)) + cell_len(binding.description), binding)
            for binding, _enabled, _tooltip in self._shown_bindings or ()
        ]
        for compact, palette, tight in self.LOOKS:
            spared = self.SPARED_WHEN_TIGHT if tight else frozenset()
            needed = sum(
                size + (2 if compact else 3) for size, binding in keys if binding.id not in spared
            )
            if palette and self._palette is not None:
                needed += self.PALETTE_WIDTH
            if needed <= width:
                return compact, palette, tight
        return self.LOOKS[-1]

    def _layout(self, width: int) -> tuple[list[FooterItem], FooterItem | None]:
        """The items left to right (their `start` set), and the palette key on the right."""
        if self._shown_bindings is None:
            self._read_bindings()
        compact, with_palette, tight = self._look(width)
        shown = [
            entry
            for entry in self._shown_bindings or ()
            if not (tight and entry[0].id in self.SPARED_WHEN_TIGHT)
        ]
        # As Footer: the bindings of one action make one key (its first binding), and the
        # actions of a group in a row make one item per key then the group's label.
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for entry in shown:
            by_action[entry[0].action].append(entry)
        # Spacing as Footer lays its widgets out: keys padded (spaced look) or followed by a
        # cell (compact); a group's keys with a cell on each side (side by side, one cell).
        items: list[FooterItem] = []

        def place(item: FooterItem, gap: int) -> None:  # `gap` cells after the last item
            item.start = items[-1].start + items[-1].width + gap if items else gap
            items.append(item)

        after = 0  # the margin after the last item
        for group, actions in groupby(by_action.values(), lambda entries: entries[0][0].group):
            entries = [same_action[0] for same_action in actions]
            if group is not None and len(entries) > 1:
                # Footer's KeyGroup: keys with a cell on each side inside it (one between two
                # keys), then the group's label, and a cell after it.
                for number, (binding, enabled, tooltip) in enumerate(entries):
                    display = self.app.get_key_display(binding)
                    key = FooterItem(
                        [(display, "key")],
                        binding.key,
                        enabled=enabled,
                        tooltip=tooltip or binding.description,
                    )
                    place(key, after + 1 if number == 0 else 1)
                place(FooterItem([(group.description, "label")]), 1)
                after = 1
                continue
            for binding, enabled, tooltip in entries:
                display = self.app.get_key_display(binding)
                pieces = self._key_pieces(display, binding.description, compact=compact)
                place(FooterItem(pieces, binding.key, enabled=enabled, tooltip=tooltip), after)
                after = 1 if compact else 0
        palette = None
        if with_palette and self._palette is not None:
            binding, enabled, tooltip = self._palette
            display = self.app.get_key_display(binding)
            # Footer's palette key stays compact, with a bar on its left, and a cell of
            # padding on its right in the spaced look.
            pieces = [
                ("▏", "border"),
                *self._key_pieces(display, binding.description, compact=True),
            ]
            if not compact:
                pieces.append((" ", ""))
            palette = FooterItem(
                pieces, binding.key, enabled=enabled, tooltip=tooltip or binding.description
            )
            palette.start = max(width - palette.width, 0)
        return items, palette

    @staticmethod
    def _key_pieces(display: str, description: str, *, compact: bool) -> list[Piece]:
        if not description:
            return [(display, "key")]
        if compact:
            return [(display, "key"), (f" {description}", "description")]
        return [(f" {display} ", "key"), (f"{description} ", "description")]

    # --- painting -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y != 0 or width <= 0:
            return Strip.blank(width, base)
        items, palette = self._layout(width)
        self._items = [*items, *([palette] if palette else [])]
        styles = {
            "key": base + self.get_component_rich_style("footer-key--key"),
            "description": base + self.get_component_rich_style("footer-key--description"),
            "label": base + self.get_component_rich_style("footer-key--description"),
            "border": base + self.get_component_rich_style("footer-key--border"),
            "": base,
        }
        hover = self.get_component_rich_style("footer-key--hover")
        segments: list[Segment] = []
        position = 0
        limit = palette.start if palette else width
        for item in items:
            if item.start >= limit:
                break
            if item.start > position:
                segments.append(Segment(" " * (item.start - position), base))
            segments.extend(self._item_segments(item, styles, hover))
            position = item.start + item.width
        line = Strip(segments).crop(0, limit).extend_cell_length(limit, base)
        if palette is not None:
            line = Strip.join([line, Strip(self._item_segments(palette, styles, hover))])
        self.keys_painted = bool(self._items)
        return line.crop(0, width).extend_cell_length(width, base)

    def _item_segments(
        self, item: FooterItem, styles: dict[str, Style], hover: Style
    ) -> list[Segment]:
        hovered = item is self._hovered and item.key
        segments = []
        for text, part in item.pieces:
            style = styles[part]
            if hovered and part != "border":
                style = style + Style(bgcolor=hover.bgcolor)
                if part == "":
                    style += Style(color=hover.color)
            if not item.enabled:
                style += Style(dim=True)
            segments.append(Segment(text, style))
        return segments

    # --- the mouse ----------------------------------------------------------------------------

    def _item_at(self, x: int) -> FooterItem | None:
        for item in self._items:
            if item.key and item.start <= x < item.start + item.width:
                return item
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self._item_at(event.x)
        if item is not self._hovered:
            self._hovered = item
            self.tooltip = item.tooltip if item and item.tooltip else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def on_resize(self, event: events.Resize) -> None:
        self.refresh()
