"""Where to write the export when its file exists already: replace it, keep both, or cancel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from explorer.model.export import free_path


@dataclass(frozen=True, slots=True)
class ExportTarget:
    """The file to write, and whether an existing one there may be replaced."""

    path: Path
    overwrite: bool


class ExportDialog(ModalScreen[ExportTarget | None]):
    """The full path, editable; escape writes nothing (dismisses with None).

    "Garder les deux" has the focus at first: enter alone never replaces a file.
    """

    CSS_PATH = "export_dialog.tcss"
    BINDING_GROUP_TITLE = "Export"

    BINDINGS = [
        Binding(
            "escape", "cancel", "Annuler", id="export.cancel", tooltip="N'écrire aucun fichier"
        ),
    ]

    def __init__(self, target: Path) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(
                Content.assemble("Le fichier existe déjà :\n", (str(self.target), "bold")),
                id="export-question",
            )
            yield Static(Content("Chemin du fichier (modifiable) :"), id="export-path-label")
            yield Input(str(self.target), id="export-path", select_on_focus=False)
            with Horizontal(id="export-buttons"):
                yield Button(Content("Remplacer"), variant="warning", id="export-replace")
                yield Button(Content("Garder les deux"), variant="primary", id="export-keep")
            yield Static(Content("Échap : annuler, rien n'est écrit"), id="export-hint")

    def on_mount(self) -> None:
        self.query_one("#export-keep", Button).focus()

    def chosen_path(self) -> Path | None:
        text = self.query_one("#export-path", Input).value.strip()
        return Path(text).expanduser() if text else None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        path = self.chosen_path()
        if path is None:
            return
        if event.button.id == "export-replace":
            self.dismiss(ExportTarget(path, overwrite=True))
        else:
            self.dismiss(ExportTarget(free_path(path), overwrite=False))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in the path: that file, never replaced without the "Remplacer" button.
        event.stop()
        path = self.chosen_path()
        if path is not None:
            self.dismiss(ExportTarget(free_path(path), overwrite=False))

    def action_cancel(self) -> None:
        self.dismiss(None)
