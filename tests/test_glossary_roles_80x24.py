"""Glossary at 80x24 (issue 20): ↓ through the roles of a term keeps the highlighted one in
view, enter opens it, and escape on the explorer goes back to the glossary where it was."""

from __future__ import annotations

from pathlib import Path

from explorer.app import ExplorerApp
from explorer.model import Catalog
from explorer.model.shortlist import Shortlist
from explorer.screens.glossary import GlossaryScreen, TermRoles
from explorer.screens.main import MainScreen
from tests.screen import screen_text


def highlighted_role(app: ExplorerApp) -> str:
    option = app.screen.query_one(TermRoles).highlighted_option
    assert option is not None and option.id is not None
    return option.id


async def test_kpi_roles_stay_in_view_open_and_come_back(bundled: Catalog, tmp_path: Path) -> None:
    roles = bundled.roles_using_term("kpi")
    assert len(roles) > 8  # more than the column shows at 80x24
    app = ExplorerApp(bundled, shortlist=Shortlist.open(tmp_path / "s.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g", *"kpi", "enter", "enter")
        await pilot.pause()
        for _ in range(len(roles) - 1):
            await pilot.press("down")
            await pilot.pause()
            role = bundled.roles[highlighted_role(app)]
            assert role.title[:20] in screen_text(app), role.title
        await pilot.press("down")  # the last one: no wrap to the first
        assert highlighted_role(app) == roles[-1].id
        chosen = highlighted_role(app)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.current_role is not None and screen.current_role.id == chosen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert app.screen.query_one("#glossary-search").value == "kpi"  # type: ignore[attr-defined]
        assert highlighted_role(app) == chosen
        assert isinstance(app.focused, TermRoles)
        assert bundled.roles[chosen].title[:20] in screen_text(app)
        # Back in the explorer by escape (the glossary closed): escape no longer reopens it.
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
