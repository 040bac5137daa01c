"""The fiche's text can be selected with the mouse, and copied, like any Textual text."""

from __future__ import annotations

from textual.selection import Selection

from explorer.app import ExplorerApp
from explorer.model import load_catalog
from tests.content_factory import ContentFactory

SIZE = (120, 36)


async def test_dragging_over_the_summary_selects_its_words(content: ContentFactory) -> None:
    app = ExplorerApp(load_catalog(content.write()).catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#detail-body")
        # Rows of the body: aliases, a blank line, then the summary (Référenceur SEA's).
        await pilot.mouse_down("#detail-body", offset=(0, 2))
        await pilot.hover("#detail-body", offset=(14, 2))
        await pilot.mouse_up("#detail-body", offset=(14, 2))
        await pilot.pause()
        assert app.screen.get_selected_text() == "Achète des mots"
        # The selected cells are drawn in the selection's colours, the others are not.
        selected = app.screen.get_component_rich_style("screen--selection").bgcolor
        line = body.render_line(2)
        backgrounds = [(segment.text, segment.style and segment.style.bgcolor) for segment in line]
        assert any(selected == bg and "Achète" in text for text, bg in backgrounds)
        assert all(selected != bg for text, bg in backgrounds if "recherche" in text)


async def test_selecting_the_whole_fiche_text_copies_it_as_shown(content: ContentFactory) -> None:
    app = ExplorerApp(load_catalog(content.write()).catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#detail-body")
        app.screen.selections = {body: Selection(None, None)}
        await pilot.pause()
        copied = app.screen.get_selected_text()
        assert copied is not None
        assert copied.splitlines()[:3] == [
            # As shown: the space before the colon does not break (French spacing).
            "Aussi appelé\u00a0: Consultant SEA, Référenceur SEM",
            "",
            "Achète des mots-clés aux moteurs de recherche.",
        ]
        assert "• Créer les campagnes" in copied
