"""The career screens: "Évolutions" (P), "De A à B" (P on the comparison) and
"Composer une équipe" (T), driven by keys, checked on the screen's text."""

from __future__ import annotations

import re
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.screens.career_path import PathScreen
from explorer.screens.compare import CompareScreen
from explorer.screens.evolutions import EvolutionsScreen
from explorer.screens.main import MainScreen
from explorer.screens.team import TeamScreen
from tests.content_factory import ContentFactory
from tests.screen import screen_text

SEO, SEA, REDAC = "referenceur-seo", "referenceur-sea", "redacteur-web"


def career_content(content: ContentFactory) -> ContentFactory:
    """The test catalogue with an evolution (rédacteur → SEA), a role linked to nothing
    and a skill no role has."""
    content.roles[REDAC]["related"].append({"role": SEA, "kind": "evolution"})
    content.roles["isole"] = {
        **{k: v for k, v in content.roles[SEA].items() if k != "title_feminine"},
        "title": "Métier [isolé]",  # brackets: content is never markup
        "aliases": [],
        "skills": ["analyse", "budget", "achat-mots-cles", "redaction"],
        "related": [],
    }
    content.skills.append({"id": "photo", "label": "Photo produit", "category": "technique"})
    return content


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    return load_catalog(career_content(content).write()).catalog


def widget_lines(app: ExplorerApp, selector: str) -> list[str]:
    """The screen rows a widget covers, cut to its columns."""
    region = app.screen.query_one(selector).region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return [line[region.x : region.right] for line in lines]


def pane_text(app: ExplorerApp, selector: str) -> str:
    """The words a widget shows, its wrapped lines joined again."""
    return " ".join(" ".join(widget_lines(app, selector)).split())


def coverage(app: ExplorerApp) -> dict[str, str]:
    """The coverage table as shown: skill -> its marks under the role columns 1, 2, …"""
    header, *rows = widget_lines(app, "#team-coverage")
    columns = [header.index(f" {n} ") + 1 for n in range(1, 10) if f" {n} " in header]
    return {
        row[: columns[0]].strip(): "".join(row[x] for x in columns).replace(" ", ".")
        for row in rows
        if row.strip()
    }


async def settle(pilot: Pilot[Any]) -> None:
    """Until the screen shows the workers' answers."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press(pilot: Pilot[Any], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def on_role(pilot: Pilot[Any], role_id: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    screen.show_role(role_id)
    await settle(pilot)


# --- Évolutions -------------------------------------------------------------------------------


async def test_p_shows_where_the_role_leads_evolutions_first(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_role(pilot, REDAC)
        await press(pilot, "P")
        assert isinstance(app.screen, EvolutionsScreen)
        text = screen_text(app)
        assert "Évolutions de Rédacteur web / Rédactrice web" in text
        lines = text.splitlines()
        sea = next(i for i, line in enumerate(lines) if "↗ Référenceur SEA  +3" in line)
        seo = next(i for i, line in enumerate(lines) if "≈ Référenceur SEO  +1" in line)
        assert sea < seo  # the evolution before the close job
        # The first step is highlighted: its skills to acquire are shown.
        assert "Rédacteur web → Référenceur SEA (évolution)" in text
        assert "3 compétences à acquérir :" in text and "○ Gestion de budget" in text
        await press(pilot, "down")
        assert "Rédacteur web → Référenceur SEO (métier proche)" in screen_text(app)
        assert "○ Analyse d'audience" in screen_text(app)
        await press(pilot, "question_mark")
        help_text = screen_text(app)
        assert "Touches — Évolutions" in help_text and "Comparer" in help_text
        await press(pilot, "escape", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_three_steps_deep_through_proche_links(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_role(pilot, SEA)
        await press(pilot, "P")
        lines = screen_text(app).splitlines()
        seo = next(i for i, line in enumerate(lines) if "≈ Référenceur SEO  +3" in line)
        assert "≈ Rédacteur web  +0" in lines[seo + 1]  # a step further, below SEO
        assert lines[seo + 1].index("≈") > lines[seo].index("≈")


async def test_enter_on_a_step_compares_the_two_roles_it_joins(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_role(pilot, SEA)
        await press(pilot, "P", "down", "enter")  # SEO -> rédacteur, one step deeper
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.role_a.id, screen.role_b.id) == (SEO, REDAC)
        await press(pilot, "escape")
        assert isinstance(app.screen, EvolutionsScreen)


async def test_a_role_linked_to_nothing(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_role(pilot, "isole")
        await press(pilot, "P")
        text = screen_text(app)
        assert "Évolutions de Métier [isolé]" in text
        assert "Aucune évolution ni métier proche n’est renseigné pour Métier [isolé]." in text


# --- De A à B ---------------------------------------------------------------------------------


async def test_the_comparison_footer_shows_p_where_it_has_room(catalog: Catalog) -> None:
    app = ExplorerApp(catalog, start_compare=(REDAC, SEA))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "P Chemin" in screen_text(app) and "q Quitter" in screen_text(app)
        await press(pilot, "P")
        assert isinstance(app.screen, PathScreen)


async def test_path_from_the_comparison_each_step_with_its_skills(catalog: Catalog) -> None:
    app = ExplorerApp(catalog, start_compare=(REDAC, SEA))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # At 80 columns the footer leaves P out so that « q Quitter » fits; the help lists it.
        assert "q Quitter" in screen_text(app) and "P Chemin" not in screen_text(app)
        await press(pilot, "question_mark")
        assert "P  Chemin" in screen_text(app)
        await press(pilot, "escape")
        await press(pilot, "P")
        assert isinstance(app.screen, PathScreen)
        text = screen_text(app)
        assert "De Rédacteur web / Rédactrice web à Référenceur SEA / Référenceuse SEA" in text
        assert "1 étape, 3 compétences à acquérir en tout" in text
        assert "1. Rédacteur web → Référenceur SEA (évolution)" in text
        assert "○ Achat de mots-clés" in text
        # Turned around: no evolution back, two steps through close jobs.
        await press(pilot, "s")
        text = screen_text(app)
        assert "2 étapes, 3 compétences à acquérir en tout" in text
        assert "1. Référenceur SEA → Référenceur SEO (métier proche)" in text
        assert "2. Référenceur SEO → Rédacteur web (métier proche)" in text
        assert "rien à acquérir" in text


async def test_no_path_says_so_and_shows_the_direct_gap(catalog: Catalog) -> None:
    app = ExplorerApp(catalog, start_compare=(REDAC, "isole"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "P")
        text = screen_text(app)
        assert "Aucun chemin de Rédacteur web à Métier [isolé] par les métiers liés." in text
        assert "Écart direct : 3 compétences à acquérir" in text
        assert "○ Gestion de budget" in text
        await press(pilot, "c")
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.role_b.id == "isole"


async def test_palette_offers_the_path_on_the_comparison(catalog: Catalog) -> None:
    app = ExplorerApp(catalog, start_compare=(REDAC, SEA))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p", *"chemin", "enter")
        screen = app.screen
        assert isinstance(screen, PathScreen) and (screen.a.id, screen.b.id) == (REDAC, SEA)


async def test_palette_path_from_the_highlighted_role_to_a_named_one(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_role(pilot, REDAC)
        await press(pilot, "ctrl+p", *"chemin sea")
        assert "Chemin de Rédacteur web à Référenceur SEA" in screen_text(app)
        await press(pilot, "enter")
        screen = app.screen
        assert isinstance(screen, PathScreen) and (screen.a.id, screen.b.id) == (REDAC, SEA)


async def test_palette_opens_the_evolutions_of_the_highlighted_role(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_role(pilot, SEO)
        await press(pilot, "ctrl+p", *"evolutions", "enter")
        screen = app.screen
        assert isinstance(screen, EvolutionsScreen) and screen.role.id == SEO


# --- Composer une équipe ----------------------------------------------------------------------


async def tick(pilot: Pilot[Any], *labels: str) -> None:
    """Tick skills by moving the cursor onto their label, as a user would."""
    screen = pilot.app.screen
    assert isinstance(screen, TeamScreen)
    picker = screen.query_one("#team-skills")
    for label in labels:
        for _ in range(40):
            node = picker.cursor_node  # type: ignore[attr-defined]
            if node is not None and node.data and label in str(node.label):
                break
            await pilot.press("down")
        await press(pilot, "enter")


async def test_t_ticks_needs_and_shows_the_fewest_roles(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "T")
        assert isinstance(app.screen, TeamScreen)
        assert "Cochez les activités dont la boutique a besoin" in screen_text(app)
        await tick(pilot, "Référencement naturel", "Photo produit", "Gestion de budget")
        text = screen_text(app)
        assert "[x] Référencement naturel" in text and "[ ] Analyse d'audience" in text
        assert "2 métiers · optimal" in text
        assert "1. Référenceur SEA" in text and "2. Rédacteur web" in text
        summary = pane_text(app, "#team-summary")
        assert "Non couvert : Photo produit" in summary
        assert "Aucun profil généraliste" in summary
        assert coverage(app) == {
            "Référencement naturel": ".●",
            "Gestion de budget": "●.",
            "Photo produit": "——",
        }
        # Untick one: the answer follows.
        await tick(pilot, "Gestion de budget")
        assert "1 métier · optimal" in screen_text(app)
        await press(pilot, "x")
        assert "Cochez les activités dont la boutique a besoin" in screen_text(app)
        assert "[x]" not in screen_text(app)


async def test_at_80_columns_a_long_activity_ends_in_an_ellipsis(bundled: Catalog) -> None:
    app = ExplorerApp(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "T")
        # "Analyse d'audience (Google Analytics, Matomo)" does not fit: the line says so.
        line = next(x for x in widget_lines(app, "#team-skills") if "Analyse d’audience" in x)
        assert re.search(r"\[ \] Analyse d’audience \(\S*…", line), line
        await tick(pilot, "Analyse d’audience")
        # So does its row in the coverage table.
        row = next(x for x in widget_lines(app, "#team-coverage") if "Analyse d’audience" in x)
        assert re.search(r"Analyse d’audience \(Google Analytics, \S*… +●", row), row


async def test_at_80_columns_a_long_category_is_cut_before_its_count(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "T")
        lines = widget_lines(app, "#team-skills")
        assert any("▼ Relation et communicat…  0/1" in line for line in lines), lines


async def test_a_preset_ticks_its_skills_and_compares_with_the_generalist(
    bundled: Catalog,
) -> None:
    app = ExplorerApp(bundled)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await press(pilot, "T")
        app.screen.query_one("#team-preset", Select).value = "boutique qui démarre"
        await settle(pilot)
        text = screen_text(app)
        assert "1 métier · optimal" in text and "1. E-commerçant" in text
        assert "Tout le besoin est couvert." in text
        assert "Une seule personne : E-commerçant couvre 10 sur 10 compétences demandées" in (
            pane_text(app, "#team-summary")
        )
        assert "[x] Prise de vue de produits (packshot)" in text


async def test_team_from_the_palette_and_its_keys_in_the_help(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p", *"composer", "enter")
        assert isinstance(app.screen, TeamScreen)
        await press(pilot, "question_mark")
        text = screen_text(app)
        assert "Touches — Composer une équipe" in text
        assert "Cocher" in text and "Tout décocher" in text


async def test_main_screen_help_lists_evolutions_and_team(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        text = screen_text(app)
        assert "P  Évolutions" in text and "T  Équipe" in text
