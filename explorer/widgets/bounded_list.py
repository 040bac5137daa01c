"""An OptionList whose cursor stops at its ends instead of wrapping round."""

from __future__ import annotations

from textual.widgets import OptionList


class BoundedOptionList(OptionList):
    """↑ on the first option stays there, ↓ on the last too: a key pressed once too often
    never lands on an entry at the other end that the user has not seen (`d` removes it)."""

    def action_cursor_up(self) -> None:
        if self.highlighted is None or self.highlighted > 0:
            super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()
