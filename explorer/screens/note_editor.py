"""A modal editor for a shortlist note: dismisses with the new text, or None when cancelled."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from explorer.model.text import visible


class NoteEditor(ModalScreen[str | None]):
    """Several lines of free text; ctrl+s or the button saves, escape leaves the note unchanged."""

    CSS_PATH = "note_editor.tcss"

    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    BINDINGS = [
        Binding("ctrl+s", "save", "Enregistrer", id="note.save", priority=True),
        Binding("escape", "cancel", "Annuler", id="note.cancel"),
    ]

    def __init__(self, role_title: str, note: str) -> None:
        super().__init__()
        self.role_title = role_title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Static(Content(f"Note pour {self.role_title}"), id="note-title")
            # Control characters from a hand-edited file are shown as symbols, never sent raw.
            yield TextArea(
                visible(self.note),
                soft_wrap=True,
                tab_behavior="focus",
                placeholder="Vos remarques sur ce métier…",
                id="note-text",
            )
            yield Static(
                Content("ctrl+s : enregistrer · Échap : annuler sans rien changer"),
                id="note-hint",
            )
            with Horizontal(id="note-buttons"):
                yield Button(Content("Enregistrer"), variant="primary", id="note-save")
                yield Button(Content("Annuler"), id="note-cancel")

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.move_cursor(editor.document.end)
        editor.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        text = self.query_one(TextArea).text
        # Untouched: the note as saved, control characters included, so nothing changes on disk.
        self.dismiss(self.note if text == visible(self.note) else text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
