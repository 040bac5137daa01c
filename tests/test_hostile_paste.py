"""Pasted text: what a terminal pastes reaches every text field without its control codes."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.model.shortlist import Shortlist
from explorer.screens.glossary import GlossaryScreen
from explorer.screens.note_editor import NoteEditor
from explorer.widgets.search_field import SearchField
from tests.content_factory import ContentFactory
from tests.screen import screen_text

SIZE = (100, 30)
# Escape sequences (clear the screen, a window title), a bell, a carriage return and a
# right-to-left override, around ordinary text.
HOSTILE = "s\x1b[2J\x1b]0;titre\x07e\r\u202eo"


def catalog_of(content: ContentFactory) -> Catalog:
    return load_catalog(content.write()).catalog


async def test_a_paste_in_the_search_field_searches_its_printable_text(
    content: ContentFactory, tmp_path: Path
) -> None:
    app = ExplorerApp(catalog_of(content), shortlist=Shortlist.open(tmp_path / "s.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        app.post_message(events.Paste(HOSTILE))
        await pilot.pause()
        assert app.screen.query_one(SearchField).value == "s[2J]0;titreeo"
        text = screen_text(app)
        assert "s[2J]0;titreeo" in text
        assert not any(char in text for char in "\x1b\x07\r\u202e")


async def test_a_paste_in_the_glossary_search_is_cleaned_too(
    content: ContentFactory, tmp_path: Path
) -> None:
    app = ExplorerApp(catalog_of(content), shortlist=Shortlist.open(tmp_path / "s.toml"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        app.post_message(events.Paste("\x1b[31mSEO\x1b[0m"))
        await pilot.pause()
        assert app.screen.query_one(Input).value == "[31mSEO[0m"


async def test_a_pasted_note_keeps_its_lines_and_tabs_and_loses_the_rest(
    content: ContentFactory, tmp_path: Path
) -> None:
    path = tmp_path / "s.toml"
    app = ExplorerApp(catalog_of(content), shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f", "s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        app.post_message(events.Paste("Première\r\n\tseconde\x1b[2J\x07 ligne\u202e"))
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "Première\n\tseconde[2J ligne"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (entry,) = Shortlist.open(path).entries
    assert entry.note == "Première\n\tseconde[2J ligne"
