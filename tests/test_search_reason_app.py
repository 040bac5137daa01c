"""Why a role matched, in the app: the tree line, the detail pane and the palette say it
when the role was found by something other than its title (issue 20)."""

from __future__ import annotations

from pathlib import Path

from explorer.app import ExplorerApp
from explorer.model import Catalog
from explorer.model.shortlist import Shortlist
from tests.screen import screen_lines


def region_words(app: ExplorerApp, selector: str) -> str:
    region = app.screen.query_one(selector).region
    lines = screen_lines(app)
    rows = [lines[y][region.x : region.right] for y in range(region.y, region.bottom)]
    return " ".join(" ".join(rows).replace("\u00a0", " ").split())


async def test_the_tree_and_the_detail_say_why_a_role_matched(
    bundled: Catalog, tmp_path: Path
) -> None:
    app = ExplorerApp(bundled, shortlist=Shortlist.open(tmp_path / "s.toml"))
    async with app.run_test(size=(160, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"sem")
        await pilot.pause()
        tree = region_words(app, "#roles")
        assert "Référenceur SEA / Référenceuse SEA · alias « SEM »" in tree
        assert "Trouvé par : alias « SEM »" in region_words(app, "#detail")
        # By its title: nothing added.
        await pilot.press("escape", "slash", *"référenceur")
        await pilot.pause()
        assert "·  alias" not in region_words(app, "#roles")
        assert "Trouvé par" not in region_words(app, "#detail")


async def test_the_palette_says_why_a_role_matched(bundled: Catalog, tmp_path: Path) -> None:
    app = ExplorerApp(bundled, shortlist=Shortlist.open(tmp_path / "s.toml"))
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p", *"sem")
        await pilot.pause(0.5)
        assert "alias « SEM »" in region_words(app, "CommandList")
