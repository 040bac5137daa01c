"""A yes/no question in a modal: dismisses with True for yes, False for no or escape."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Escape and the "no" button give False, so the safe answer is always the easy one.

    The "no" button has the focus at first: enter alone never confirms a destructive choice.
    """

    CSS_PATH = "confirm.tcss"

    BINDINGS = [
        Binding("escape", "answer(False)", "Annuler", id="confirm.cancel"),
        Binding("left", "app.focus_previous", "Bouton précédent", show=False, id="confirm.left"),
        Binding("right", "app.focus_next", "Bouton suivant", show=False, id="confirm.right"),
    ]

    def __init__(self, question: str, *, yes: str = "Oui", no: str = "Non") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(Content(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self.yes_label), variant="warning", id="confirm-yes")
                yield Button(Content(self.no_label), variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
