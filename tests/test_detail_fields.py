"""The detail pane's newer lines: ROME code, sources by title, conditions, sectors, statuses,
and the user's note, as a user reads them at 80x24 and 120x36."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.model.shortlist import Shortlist
from explorer.screens.main import MainScreen
from explorer.widgets.role_detail import NO_SOURCES
from tests.content_factory import ContentFactory
from tests.screen import screen_lines

SEO = "referenceur-seo"


def detail_lines(app: ExplorerApp) -> list[str]:
    region = app.screen.query_one("#detail").region
    lines = screen_lines(app)
    # French spacing draws no-break spaces: read them as spaces.
    rows = [lines[y][region.x : region.right] for y in range(region.y, region.bottom)]
    return [row.replace("\u00a0", " ").strip() for row in rows]


def detail_words(app: ExplorerApp) -> str:
    return " ".join(" ".join(detail_lines(app)).split())


async def show(app: ExplorerApp, role_id: str) -> MainScreen:
    await app.workers.wait_for_complete()
    screen = app.screen
    assert isinstance(screen, MainScreen)
    screen.show_role(role_id)
    return screen


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_rome_code_is_beside_the_family_without_scrolling(
    bundled: Catalog, tmp_path: Path, size: tuple[int, int]
) -> None:
    role = bundled.roles["chef-de-projet-web"]
    assert role.rome
    app = ExplorerApp(bundled, shortlist=Shortlist.open(tmp_path / "s.toml"))
    async with app.run_test(size=size) as pilot:
        await show(app, role.id)
        await pilot.pause()
        lines = detail_lines(app)
        assert any(f"Code ROME : {role.rome}" in line for line in lines[:6])


async def test_sources_show_the_articles_title_and_publisher_not_a_file_name(
    bundled: Catalog, tmp_path: Path
) -> None:
    role = bundled.roles[SEO]
    first = bundled.role_sources(role)[0]
    app = ExplorerApp(bundled, shortlist=Shortlist.open(tmp_path / "s.toml"))
    async with app.run_test(size=(120, 36)) as pilot:
        await show(app, SEO)
        await pilot.press("enter", "end")
        await pilot.pause(0.2)
        words = detail_words(app)
        assert f"« {first.title} », {first.publisher}" in words
        assert ".txt" not in words


async def test_a_role_without_sources_and_the_new_fields(content: ContentFactory) -> None:
    content.roles[SEO].update(
        sources=[],
        conditions="Travail sur écran, pics avant les soldes.",
        sectors=["Agences web", "Tourisme"],
        status=["salarie", "independant"],
    )
    catalog = load_catalog(content.write()).catalog
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 80)) as pilot:
        await show(app, SEO)
        await pilot.press("enter", "end")
        await pilot.pause(0.2)
        words = detail_words(app)
        assert f"Sources {NO_SOURCES}" in words
        assert "Conditions de travail Travail sur écran, pics avant les soldes." in words
        assert "Secteurs Agences web · Tourisme" in words
        assert "Statuts Salarié · Indépendant / freelance" in words


async def test_the_shortlist_note_shows_on_the_detail_pane(
    content: ContentFactory, tmp_path: Path
) -> None:
    catalog = load_catalog(content.write()).catalog
    shortlist = Shortlist.open(tmp_path / "s.toml")
    shortlist.add(SEO, "Appeler Léa\nmardi")
    app = ExplorerApp(catalog, shortlist=shortlist)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, SEO)
        await pilot.pause()
        lines = detail_lines(app)
        assert "Ma note" in lines
        at = lines.index("Ma note")
        assert lines[at + 1 : at + 3] == ["Appeler Léa", "mardi"]  # line breaks kept
        # Changed on the shortlist screen: shown on coming back.
        await pilot.press("s", "n")
        await pilot.pause()
        app.screen.query_one("TextArea").text = "Rappeler"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert "Rappeler" in detail_lines(app)
