"""Glossary look-up and ranking (model), and the glossary screen driven by keys (Pilot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.model.glossary import find_term, search_terms, term_suggestions
from explorer.screens.glossary import GlossaryScreen
from explorer.screens.main import MainScreen
from explorer.widgets.role_detail import RoleDetail
from explorer.widgets.role_tree import RoleTree
from tests.content_factory import ContentFactory
from tests.screen import screen_lines

# --- model --------------------------------------------------------------------------------


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    content.terms.append(
        {
            "id": "e-commerce",
            "term": "E-commerce",
            "definition": "Vente en ligne.",
            "aliases": ["commerce électronique", "vente en ligne"],
            "general": True,
        }
    )
    content.terms.append(
        {
            "id": "reseaux",
            "term": "Réseaux sociaux",
            "definition": "Sites où l'on partage.",
            "general": True,
        }
    )
    result = load_catalog(content.write())
    assert result.issues == ()
    return result.catalog


@pytest.mark.parametrize("query", ["sea", "SEA", "S.E.A.", " s.e.a ", "Sea"])
def test_every_spelling_of_an_acronym_finds_the_term(catalog: Catalog, query: str) -> None:
    term = find_term(catalog, query)
    assert term is not None and term.id == "sea"
    assert search_terms(catalog, query)[0].term.id == "sea"


def test_aliases_are_found_ignoring_accents_and_case(catalog: Catalog) -> None:
    found = find_term(catalog, "COMMERCE ELECTRONIQUE")
    assert found is not None and found.id == "e-commerce"
    joined = find_term(catalog, "ecommerce")
    assert joined is not None and joined.id == "e-commerce"


def test_unknown_word_is_not_a_term(catalog: Catalog) -> None:
    assert find_term(catalog, "référencement") is None
    assert find_term(catalog, "") is None


def test_ranking_exact_name_then_prefix_then_definition(catalog: Catalog) -> None:
    hits = [hit.term.id for hit in search_terms(catalog, "se")]
    # "se" starts SEA and SEO (alphabetical among equals); no other name.
    assert hits[:2] == ["sea", "seo"]
    by_definition = [hit.term.id for hit in search_terms(catalog, "référencement")]
    assert by_definition == ["sea", "seo"]  # found only through their definitions
    assert search_terms(catalog, "vente")[0].term.id == "e-commerce"


def test_short_words_do_not_match_inside_other_words(catalog: Catalog) -> None:
    # "sea" is inside "réseaux": a three-letter acronym must not find it.
    assert "reseaux" not in [hit.term.id for hit in search_terms(catalog, "sea")]
    assert [hit.term.id for hit in search_terms(catalog, "eseau")] == ["reseaux"]


def test_every_query_word_must_match(catalog: Catalog) -> None:
    assert [hit.term.id for hit in search_terms(catalog, "vente ligne")] == ["e-commerce"]
    assert search_terms(catalog, "vente zzz") == []
    assert search_terms(catalog, "  ") == []


def test_suggestions_for_a_misspelt_term(catalog: Catalog) -> None:
    assert term_suggestions(catalog, "seoo")[0].id == "seo"
    assert term_suggestions(catalog, "xqzw") == []


def test_bundled_glossary_finds_dotted_acronyms(bundled: Catalog) -> None:
    for term in bundled.terms.values():
        dotted = ".".join(term.term) + "."
        if term.term.isalpha() and term.term.isupper():
            found = find_term(bundled, dotted)
            assert found is not None and found.id == term.id, dotted


# --- the screen ---------------------------------------------------------------------------


def _app(root: Path) -> ExplorerApp:
    return ExplorerApp(load_catalog(root).catalog)


def _terms(app: ExplorerApp) -> list[str]:
    terms = app.screen.query_one("#glossary-terms", OptionList)
    return [str(terms.get_option_at_index(i).prompt) for i in range(terms.option_count)]


def _text(app: ExplorerApp, selector: str) -> str:
    """What the widget shows on screen, its wrapped lines joined again."""
    region = app.screen.query_one(selector, Static).content_region
    lines = screen_lines(app)[region.y : region.bottom]
    return " ".join(line[region.x : region.right].strip() for line in lines).strip()


async def test_glossary_lists_terms_alphabetically_with_search_focused(
    content: ContentFactory,
) -> None:
    content.terms.append({"id": "ecran", "term": "Écran", "definition": "D.", "general": True})
    content.terms.append({"id": "duo", "term": "duo", "definition": "D.", "general": True})
    app = _app(content.write())
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_glossary()
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert isinstance(app.focused, Input) and app.focused.id == "glossary-search"
        # Accent- and case-insensitive: "Écran" sits between "duo" and "SEA".
        assert _terms(app) == ["CMS", "duo", "Écran", "SEA", "SEO"]
        assert _text(app, "#glossary-term") == "CMS"


async def test_typing_in_the_search_narrows_and_shows_the_best_match(
    content: ContentFactory,
) -> None:
    app = _app(content.write())
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_glossary()
        await pilot.pause()
        await pilot.press(*"S.E.A.")
        await pilot.pause()
        assert _terms(app) == ["SEA"]
        assert _text(app, "#glossary-term") == "SEA"
        assert "Référencement payant." in _text(app, "#glossary-definition")
        await pilot.press(*"zzz")
        await pilot.pause()
        assert _terms(app) == []
        assert "Aucun terme ne correspond à « S.E.A.zzz »." in _text(app, "#glossary-definition")


async def test_definition_lists_the_roles_using_the_term(content: ContentFactory) -> None:
    app = _app(content.write())
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_glossary("seo")
        await pilot.pause()
        roles = app.screen.query_one("#glossary-roles", OptionList)
        prompts = [str(roles.get_option_at_index(i).prompt) for i in range(roles.option_count)]
        assert prompts == ["Référenceur SEO / Référenceuse SEO", "Rédacteur web / Rédactrice web"]
        # A general term is used by no role, and says so.
        app.open_glossary("cms")
        await pilot.pause()
        assert not roles.display
        assert "aucune fiche métier ne le cite" in _text(app, "#glossary-no-roles")


async def test_escape_clears_the_search_then_closes(content: ContentFactory) -> None:
    app = _app(content.write())
    async with app.run_test(size=(100, 30)) as pilot:
        start = app.screen
        app.open_glossary()
        await pilot.pause()
        await pilot.press(*"seo")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert app.screen.query_one("#glossary-search", Input).value == ""
        assert len(_terms(app)) == 3
        assert _text(app, "#glossary-term") == "SEO"  # the term found stays selected
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is start


async def test_enter_moves_from_search_to_terms_to_roles(content: ContentFactory) -> None:
    app = _app(content.write())
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_glossary()
        await pilot.pause()
        await pilot.press(*"sea", "enter")
        assert app.focused is not None and app.focused.id == "glossary-terms"
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "glossary-roles"
        roles = app.screen.query_one("#glossary-roles", OptionList)
        assert roles.highlighted_option is not None
        assert roles.highlighted_option.id == "referenceur-sea"


async def test_down_from_search_and_j_k_move_between_terms(content: ContentFactory) -> None:
    app = _app(content.write())
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_glossary()
        await pilot.pause()
        await pilot.press("down")
        assert app.focused is not None and app.focused.id == "glossary-terms"
        await pilot.press("j")
        await pilot.pause()
        assert _text(app, "#glossary-term") == "SEA"
        await pilot.press("k")
        await pilot.pause()
        assert _text(app, "#glossary-term") == "CMS"


async def test_open_glossary_twice_moves_instead_of_stacking(content: ContentFactory) -> None:
    app = _app(content.write())
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_glossary("sea")
        await pilot.pause()
        depth = len(app.screen_stack)
        await pilot.press(*"cms")
        app.open_glossary("seo")
        await pilot.pause()
        assert len(app.screen_stack) == depth
        assert _text(app, "#glossary-term") == "SEO"
        assert app.screen.query_one("#glossary-search", Input).value == ""


async def test_content_with_markup_is_shown_literally(content: ContentFactory) -> None:
    content.terms.append(
        {
            "id": "devops",
            "term": "Dev[Ops]",
            "definition": "[@click=app.quit]quitter[/] et [b]gras[/b]",
            "aliases": ["[red]rouge[/red]"],
            "general": True,
        }
    )
    app = _app(content.write())
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_glossary("devops")
        await pilot.pause()
        assert "Dev[Ops]" in _terms(app)
        assert _text(app, "#glossary-term") == "Dev[Ops]"
        assert _text(app, "#glossary-definition") == "[@click=app.quit]quitter[/] et [b]gras[/b]"
        assert "[red]rouge[/red]" in _text(app, "#glossary-aliases")
        await pilot.click("#glossary-definition")
        await pilot.pause()
        assert app.is_running


async def test_palette_offers_definitions(content: ContentFactory) -> None:
    app = _app(content.write())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"S.E.O.")
        # The palette searches in a worker: wait until our hit shows up.
        for _ in range(50):
            await pilot.pause(0.05)
            commands = app.screen.query_one("CommandList", OptionList)
            prompts = [
                str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)
            ]
            if any(p.startswith("Définition : SEO") for p in prompts):
                break
        assert any(p.startswith("Définition : SEO") for p in prompts), prompts
        index = next(i for i, p in enumerate(prompts) if p.startswith("Définition : SEO"))
        commands.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert _text(app, "#glossary-term") == "SEO"


# --- navigation between the explorer and the glossary -------------------------------------


async def test_a_term_in_the_detail_pane_opens_its_definition(content: ContentFactory) -> None:
    app = _app(content.write())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        # The first role is Référenceur SEA: enter goes into its sheet, shift+tab to its terms.
        await pilot.press("enter", "shift+tab")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "term-links"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert _text(app, "#glossary-term") == "SEA"
        assert _text(app, "#glossary-definition") == "Référencement payant."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_g_then_a_role_of_the_definition_opens_it_in_the_explorer(
    content: ContentFactory,
) -> None:
    app = _app(content.write())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press(*"seo", "enter", "enter", "down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        role = screen.query_one(RoleTree).highlighted_role
        assert role is not None and role.id == "redacteur-web"
        assert screen.query_one(RoleDetail).role == role
        assert len(app.screen_stack) == 1
