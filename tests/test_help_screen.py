"""The help screen lists the real bindings of whatever screen is underneath."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer, Static

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.screens.help import HelpScreen, help_groups
from explorer.screens.main import MainScreen
from tests.content_factory import ContentFactory
from tests.screen import screen_lines

# Tall enough for every key of the explorer without scrolling the help (p, P, T, D added rows).
SIZE = (120, 76)


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    return load_catalog(content.write()).catalog


def help_rows(app: ExplorerApp) -> list[str]:
    """The help panel's rows as shown (inside its border), spaces squeezed."""
    lines = screen_lines(app)
    region = app.screen.query_one("#help-panel").content_region
    rows = [lines[y][region.x : region.right] for y in range(region.y, region.bottom)]
    return [" ".join(row.split()) for row in rows if row.strip()]


async def open_help(app: ExplorerApp, pilot: Pilot[Any]) -> HelpScreen:
    await pilot.pause()
    await pilot.press("question_mark")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    return screen


async def test_help_lists_every_key_of_the_explorer_grouped(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_help(app, pilot)
        rows = help_rows(app)
        assert rows[0] == "Touches — Écran des métiers"
        text = " ".join(rows)
        for row in [
            "Écran des métiers",
            "/ Chercher",
            "f Ajouter à Ma sélection Ajouter le métier à Ma sélection, ou l'en retirer",
            "c Comparer Marquer le métier, puis c sur un second métier pour les comparer",
            "s Ouvrir Ma sélection Les métiers gardés, leurs notes, l'export",
            "g Glossaire Ouvrir le glossaire",
            "Champ de recherche",
            "↓ ⏎ Résultats Aller dans l'arbre, sur le meilleur résultat",
            "Échap Effacer Effacer la recherche et revenir à l'arbre complet",
            "Arbre des métiers",
            "↓ j Descendre",
            "↑ k Monter",
            "→ l Déplier Déplier la famille",
            "Fiche du métier",
            "tab Liens Aller au groupe de liens suivant (métiers liés, proches, termes)",
            "Liens de la fiche",
            "⏎ Ouvrir Suivre le lien",
            # The filter panel is mounted on its first F, yet its keys are listed from the start.
            "Filtres",
            "Échap Fermer Fermer les filtres",
            "⏎ Cocher",
            "Partout",
            "? F1 Aide Les touches de l'écran actuel",
            "ctrl+p Palette Aller à un métier par son nom, changer de thème…",
            "q Quitter",
        ]:
            assert row in text
        assert rows[-1] == "Échap ou ? pour fermer"
        # Groups in order: the screen's own keys, its widgets', then the app's.
        assert rows.index("Écran des métiers") < rows.index("Arbre des métiers")
        assert rows.index("Arbre des métiers") < rows.index("Partout")
        assert rows.index("Filtres") < rows.index("Partout")


async def test_escape_and_question_mark_close_the_help(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        for key in ["escape", "question_mark"]:
            await open_help(app, pilot)
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)


async def test_help_from_the_detail_pane_then_back_keeps_the_focus(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        focused = app.focused
        await open_help(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is focused


async def test_clearing_the_search_is_dimmed_until_there_is_a_search(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        line = next(
            line
            for group in help_groups(screen)
            if group.title == "Écran des métiers"
            for line in group.lines
            if line.keys == ("Échap",)
        )
        assert not line.enabled
        await pilot.press("/", *"seo", "enter")
        await pilot.pause()
        line = next(
            line
            for group in help_groups(screen)
            if group.title == "Écran des métiers"
            for line in group.lines
            if line.keys == ("Échap",)
        )
        assert line.enabled


class OtherScreen(Screen[None]):
    """Stands for the compare, shortlist or glossary screens: help needs nothing from them."""

    BINDING_GROUP_TITLE = "Autre écran"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "swap", "Échanger", id="other.swap", tooltip="Échanger les deux côtés"),
        Binding("y", "secret", "Sans id"),  # no id: not part of the documented keys
    ]

    def compose(self) -> ComposeResult:
        yield Static("autre")
        yield Footer()

    def action_swap(self) -> None:
        pass


async def test_help_works_for_any_screen(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(OtherScreen())
        await open_help(app, pilot)
        rows = help_rows(app)
        assert rows[0] == "Touches — Autre écran"
        assert "x Échanger Échanger les deux côtés" in rows
        assert not any("Sans id" in row for row in rows)
        assert "Partout" in rows
        assert not any("Ma sélection" in row for row in rows)  # nothing of the explorer underneath
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OtherScreen)


async def test_help_stays_readable_at_80x24(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_help(app, pilot)
        rows = help_rows(app)
        assert rows[0] == "Touches — Écran des métiers"
        assert rows[-1] == "Échap ou ? pour fermer"
        # Everything below the fold is reachable by scrolling.
        await pilot.press("end")
        await pilot.pause()
        assert "q Quitter" in " ".join(help_rows(app))


@pytest.mark.parametrize("field", ["main", "glossary", "note"])
async def test_question_mark_is_typed_in_a_text_field_and_f1_opens_the_help(
    catalog: Catalog, field: str
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = {"main": ["slash"], "glossary": ["g"], "note": ["f", "s", "n", "end"]}[field]
        await pilot.press(*keys, "question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert "?" in getattr(app.focused, "text", getattr(app.focused, "value", ""))
        below = app.screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.target is below
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is below


async def test_every_key_has_one_name_in_footer_and_help(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")  # the search field's keys, escape among them
        await pilot.pause(0.2)
        assert "Échap Effacer" in " ".join(screen_lines(app)[-1].split())
        await pilot.press("f1")
        await pilot.pause()
        text = " ".join(" ".join(screen_lines(app)).split())
        assert "Échap Effacer" in text
        assert "esc " not in text and "^p" not in text
