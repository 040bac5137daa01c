"""Active filters as chips above the tree, with how many roles are left (or why none are)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from explorer.model import Catalog
from explorer.model.filters import RoleFilter, filter_labels
from explorer.model.text import counted

_CHIP = "bold $foreground on $primary-muted"
_MUTED = "$text-muted"
_EMPTY = "bold $text-warning"


def roles_left(count: int) -> str:
    if count == 0:
        return "aucun métier restant"
    return counted(count, "métier restant", "métiers restants")


class FilterChips(Widget):
    """Hidden while no filter is active. `show` redraws it; it never holds roles itself.

    Chips are laid out here, not by text wrapping: a chip moves to the next line whole
    instead of breaking between "Compétence :" and its label.
    """

    DEFAULT_CSS = """
    FilterChips {
        height: auto;
        padding: 0 1;
        display: none;
        &.-active { display: block; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pieces: list[Content] = []
        self._reason = Content("")

    def show(
        self,
        catalog: Catalog,
        role_filter: RoleFilter,
        count: int,
        empty_reason: str | None = None,
        clear_key: str = "x",
    ) -> None:
        """Chips for every active value, then the count of roles left and the empty reason."""
        self.set_class(role_filter.active, "-active")
        chips = [
            Content.styled(f" {text} ", _CHIP) for _, _, text in filter_labels(catalog, role_filter)
        ]
        tail = [
            Content("→ ") + Content.styled(roles_left(count), "bold"),
            Content.styled(f"({clear_key} : tout effacer)", _MUTED),
        ]
        pieces = [*chips, *tail] if role_filter.active else []
        reason = Content.styled(empty_reason, _EMPTY) if empty_reason else Content("")
        if pieces == self._pieces and reason == self._reason:
            return  # called on every key of a search: a layout only when the chips change
        self._pieces, self._reason = pieces, reason
        self.refresh(layout=True)

    @property
    def text(self) -> str:
        """What the chips say, as plain text on one line (for tests and screen readers)."""
        return " ".join(piece.plain.strip() for piece in self._pieces) + (
            f" {self._reason.plain}" if self._reason.plain else ""
        )

    def _lay_out(self, width: int) -> Content:
        lines: list[Content] = []
        line = Content("")
        for piece in self._pieces:
            if piece.cell_length > width:  # alone on its line and still too wide: cut, marked
                piece = piece.truncate(width, ellipsis=True)
            if line.cell_length and line.cell_length + 1 + piece.cell_length > width:
                lines.append(line)
                line = Content("")
            line = line + Content(" ") + piece if line.cell_length else piece
        if line.cell_length:
            lines.append(line)
        if self._reason.plain:
            lines.append(self._reason)  # a sentence: ordinary wrapping is right for it
        return Content("\n").join(lines)

    def render(self) -> Content:
        return self._lay_out(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width or not self._pieces:
            return 0
        return len(self._lay_out(width).wrap(width))
