"""Content full of square brackets shows literally everywhere on the explorer and runs nothing."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.screens.main import MainScreen
from tests.content_factory import ContentFactory
from tests.screen import screen_lines

SEO = "referenceur-seo"
CLICK = "[@click=app.quit]quitter[/]"
NASTY = f"[b]gras[/b] [/] {CLICK} [link=https://exemple.fr]lien[/link] [red]Dev[Ops][/red]"
TITLE = "Dev[Ops] [b]SEO[/b]"
FEMININE = "[/]Dev[Ops]ienne"
FAMILY = "[red]Acquisition[/red] [i]"
SKILL = "[b]Référencement[/b] [/]"
TERM = "[SEO]"
SIZE = (140, 120)


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    content.families[0]["title"] = FAMILY
    content.families[0]["summary"] = NASTY
    content.skills[0]["label"] = SKILL
    content.terms[0]["term"] = TERM
    content.terms[0]["definition"] = NASTY
    content.roles[SEO].update(
        {
            "title": TITLE,
            "title_feminine": FEMININE,
            "aliases": [CLICK, "[b]alias[/b]"],
            "summary": NASTY,
            "missions": [NASTY, "[i]mission[/i]"],
            "tools": ["[bold]outil[/]"],
            "access": ["[u]voie[/u]"],
            "context": NASTY,
            "sources": ["[s]source[/s].txt"],
        }
    )
    result = load_catalog(content.write())
    assert [str(issue) for issue in result.issues] == []
    return result.catalog


def words(app: ExplorerApp, selector: str) -> str:
    """The text a widget covers on screen, wrapping undone (and toast borders dropped)."""
    lines = screen_lines(app)
    texts = []
    for widget in app.screen.query(selector):
        region = widget.region
        texts += [lines[y][region.x : region.right] for y in range(region.y, region.bottom)]
    return " ".join(" ".join(texts).replace("▌", " ").split())


async def show_seo(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    await pilot.pause()
    app.open_role(SEO)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MainScreen)
    role = screen.current_role
    assert role is not None and role.id == SEO


async def test_tree_and_detail_show_every_bracket_literally(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await show_seo(app, pilot)
        tree = words(app, "#roles")
        assert f"{FAMILY} · 2" in tree
        assert f"{TITLE} / {FEMININE}" in tree
        text = words(app, "#detail")
        for literal in [
            f"{TITLE} / {FEMININE} {FAMILY}",  # title and family
            f"Aussi appelé : {CLICK}, [b]alias[/b]",
            f"Missions • {NASTY} • [i]mission[/i]",
            f"Technique : {SKILL} · Analyse d'audience",
            "Outils [bold]outil[/]",
            "• [u]voie[/u]",
            f"Termes du glossaire {TERM} — {NASTY}",
            "Sources • [s]source[/s].txt",
        ]:
            assert literal in text
        assert text.count(NASTY) >= 4  # summary, mission, context, term definition
        # Rédacteur web's related role carries the title too.
        app.open_role("redacteur-web")
        await pilot.pause()
        assert f"Métier proche · {TITLE} / {FEMININE}" in words(app, "#detail")


async def test_clicking_content_that_looks_like_an_action_runs_nothing(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await show_seo(app, pilot)
        for row in range(8):  # aliases, summary, missions: on the text, anywhere along it
            await pilot.click("#detail-body", offset=(0, row))
            await pilot.click("#detail-body", offset=(20, row))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


async def test_notifications_palette_and_search_keep_brackets(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await show_seo(app, pilot)
        await pilot.press("f", "c")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert f"Ajouté à Ma sélection : {TITLE} / {FEMININE}" in messages
        assert f"{TITLE} / {FEMININE} attend un second métier à comparer" in messages[-1]
        assert f"Ajouté à Ma sélection : {TITLE} / {FEMININE}" in words(app, "Toast")

        await pilot.press("ctrl+p", *"devops")
        await pilot.pause(0.4)
        assert f"{TITLE} / {FEMININE} {FAMILY}" in words(app, "CommandList")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("/", *"[b]zz")
        await pilot.pause()
        assert words(app, "#no-match") == "Aucun métier ne correspond à « [b]zz »."
        assert app.is_running
