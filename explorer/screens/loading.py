"""The first screen while the catalogue is read on a thread: a progress bar and a count."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Label, ProgressBar

from explorer.model import Catalog, ContentIssue
from explorer.model.text import french_number


def progress_label(done: int, total: int) -> str:
    return f"Lecture du catalogue… {french_number(done)} / {french_number(total)} fiches"


class LoadingProgress(Message):
    """From the loading thread: `done` of `total` role files read."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class CatalogLoaded(Message):
    """From the loading thread: the catalogue and the problems found in its files."""

    def __init__(self, catalog: Catalog, issues: tuple[ContentIssue, ...]) -> None:
        super().__init__()
        self.catalog = catalog
        self.issues = issues


class LoadingScreen(Screen[None]):
    """Shown while the catalogue is read (keys typed meanwhile wait: `ExplorerApp.on_event`)."""

    CSS_PATH = "loading.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="loading"):
            yield Label("Lecture du catalogue…", id="loading-label")
            yield ProgressBar(show_eta=False, id="loading-bar")

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#loading-label", Label).update(progress_label(done, total))
        self.query_one("#loading-bar", ProgressBar).update(total=total, progress=done)

    def show_failure(self, message: str) -> None:
        self.query_one("#loading-label", Label).update(Content(message))
        self.query_one("#loading-bar", ProgressBar).display = False
