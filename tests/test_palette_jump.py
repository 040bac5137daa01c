"""ctrl+p then a role name jumps to that role (compare commands rank below plain jumps)."""

from __future__ import annotations

from explorer.app import ExplorerApp
from explorer.model import Catalog
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
