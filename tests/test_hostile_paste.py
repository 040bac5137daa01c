"""Pasted text: what a terminal pastes reaches every text field without its control codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from explorer.app import ExplorerApp
from explorer.model import load_catalog
from explorer.model.shortlist import Shortlist
from explorer.screens.note_editor import NoteEditor
from tests.content_factory import ContentFactory
from tests.screen import screen_text

SIZE = (100, 30)
# Escape sequences (clear the screen, a window title), a bell, a carriage return and a
# right-to-left override, around ordinary text.
HOSTILE = "s\x1b[2J\x1b]0;titre\x07e\r\u202eo"


def explorer(content: ContentFactory, shortlist: Path) -> ExplorerApp:
    return ExplorerApp(load_catalog(content.write()).catalog, shortlist=Shortlist.open(shortlist))


async def paste(app: ExplorerApp, pilot: Pilot[None], text: str) -> None:
    """As a terminal delivers a paste: to the app, which hands it to the focused field."""
    app.post_message(events.Paste(text))
    await pilot.pause()


@pytest.mark.parametrize(
    ("keys", "pasted", "kept"),
    [
        # A carriage return ends a line (terminals paste line ends so): a one-line field
        # keeps the first line, as Input does with any multi-line paste.
        (["slash"], HOSTILE, "s[2J]0;titree"),  # the explorer's search field
        (["g"], "\x1b[31mSEO\x1b[0m", "[31mSEO[0m"),  # the glossary's
    ],
)
async def test_a_paste_in_a_search_field_keeps_only_what_could_be_typed(
    content: ContentFactory, tmp_path: Path, keys: list[str], pasted: str, kept: str
) -> None:
    app = explorer(content, tmp_path / "s.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        await paste(app, pilot, pasted)
        assert isinstance(app.focused, Input) and app.focused.value == kept
        text = screen_text(app)
        assert kept in text
        assert not any(char in text for char in "\x1b\x07\r\u202e")


async def test_a_pasted_note_keeps_its_lines_and_tabs_and_loses_the_rest(
    content: ContentFactory, tmp_path: Path
) -> None:
    path = tmp_path / "s.toml"
    app = explorer(content, path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await paste(app, pilot, "Première\r\n\tseconde\x1b[2J\x07 ligne\u202e")
        assert app.screen.query_one(TextArea).text == "Première\n\tseconde[2J ligne"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (entry,) = Shortlist.open(path).entries
    assert entry.note == "Première\n\tseconde[2J ligne"
