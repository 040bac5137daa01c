"""ctrl+p then a role name jumps to that role (compare commands rank below plain jumps)."""

from __future__ import annotations

from textual.command import CommandList
from textual.pilot import Pilot

from explorer.app import ExplorerApp
from explorer.model import Catalog
from explorer.screens.compare import CompareScreen
from explorer.screens.main import MainScreen


async def test_palette_traffic_reaches_the_traffic_manager(bundled: Catalog) -> None:
    app = ExplorerApp(bundled)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"traffic")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        current = app.screen.current_role
        assert current is not None and current.id == "traffic-manager"


# --- issue 20: roles and actions before themes; "Comparer X avec Y" ------------------------------


async def palette_prompts(app: ExplorerApp, pilot: Pilot[None], query: str) -> list[str]:
    """The first lines of the palette's commands once `query` is typed (searches are async)."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    texts: list[str] = []
    for _ in range(50):
        await pilot.pause(0.05)
        commands = app.screen.query_one(CommandList)
        texts = [
            str(commands.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(commands.option_count)
        ]
        if texts:
            break
    await pilot.pause(0.3)  # every provider has answered
    commands = app.screen.query_one(CommandList)
    return [
        str(commands.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(commands.option_count)
    ]


async def test_palette_sea_then_enter_opens_the_sea_role_not_a_theme(bundled: Catalog) -> None:
    app = ExplorerApp(bundled)
    async with app.run_test(size=(120, 36)) as pilot:
        theme = app.theme
        texts = await palette_prompts(app, pilot, "sea")
        assert not any(text.startswith("Thème") for text in texts)
        assert texts[0] == "Référenceur SEA / Référenceuse SEA"
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == theme
        assert isinstance(app.screen, MainScreen)
        current = app.screen.current_role
        assert current is not None and current.id == "referenceur-sea"


async def test_themes_are_offered_when_the_query_is_about_themes(bundled: Catalog) -> None:
    app = ExplorerApp(bundled)
    async with app.run_test(size=(120, 36)) as pilot:
        texts = await palette_prompts(app, pilot, "thème solarized")
        assert texts and texts[0].startswith("Thème : solarized")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme.startswith("solarized")


async def test_comparer_sea_offers_the_sea_role_first_naming_both_roles(bundled: Catalog) -> None:
    app = ExplorerApp(bundled)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_role("traffic-manager")
        await pilot.pause()
        texts = await palette_prompts(app, pilot, "comparer sea")
        assert texts[0] == "Comparer Traffic manager avec Référenceur SEA / Référenceuse SEA"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.role_a.id, app.screen.role_b.id) == (
            "traffic-manager",
            "referenceur-sea",
        )
