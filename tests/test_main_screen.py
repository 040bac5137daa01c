"""The explorer screen driven by its keys: tree, detail pane, search, markers, navigation.

Every test reads what the terminal shows (or what the app did), on the small ContentFactory
catalogue: families "Acquisition et trafic" (Référenceur SEA, Référenceur SEO) and
"Contenus et rédaction" (Rédacteur web).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from explorer import app as app_module
from explorer.app import ExplorerApp
from explorer.model import Catalog, Family, load_catalog
from explorer.screens import main as main_module
from explorer.screens.help import HelpScreen
from explorer.screens.main import MainScreen
from explorer.widgets.role_detail import LinkList, RoleDetail
from explorer.widgets.role_tree import RoleTree
from explorer.widgets.search_field import SearchField
from tests.content_factory import ContentFactory
from tests.screen import screen_lines

SEO, SEA, REDAC = "referenceur-seo", "referenceur-sea", "redacteur-web"
SIZE = (120, 36)


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    return load_catalog(content.write()).catalog


# --- reading the terminal -------------------------------------------------------------------


def region_lines(app: ExplorerApp, selector: str) -> list[str]:
    region = app.screen.query_one(selector).region
    lines = screen_lines(app)
    return [lines[y][region.x : region.right].rstrip() for y in range(region.y, region.bottom)]


def region_words(app: ExplorerApp, selector: str) -> str:
    """A widget's text on screen with wrapping undone: words separated by single spaces."""
    return " ".join(" ".join(region_lines(app, selector)).split())


def tree_lines(app: ExplorerApp) -> list[str]:
    return [line.strip() for line in region_lines(app, "#roles") if line.strip()]


def detail_title(app: ExplorerApp) -> str:
    """The title line of the detail pane (the family or the role under the cursor)."""
    return region_lines(app, "#detail-head")[0].strip()


def main_screen(app: ExplorerApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def cursor_label(app: ExplorerApp) -> str:
    """The text of the highlighted tree line."""
    tree = main_screen(app).query_one(RoleTree)
    node = tree.cursor_node
    assert node is not None
    return str(node.label)


async def start(app: ExplorerApp, pilot: Pilot[Any]) -> MainScreen:
    await pilot.pause()
    return main_screen(app)


async def first_frame(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    """Until the explorer screen has announced its first complete frame (Textual's Footer
    composes its keys a refresh after the screen's bindings are known)."""
    for _ in range(50):
        await pilot.pause()
        if main_screen(app).first_frame_done:
            return


# --- layout and first view ------------------------------------------------------------------


async def test_opening_shows_the_catalogue_size_the_tree_and_the_first_role(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        assert "2 familles · 3 métiers" in screen_lines(app)[0]
        assert tree_lines(app) == [
            "▼ Acquisition et trafic · 2",
            "├─ Référenceur SEA / Référenceuse SEA",
            "└─ Référenceur SEO / Référenceuse SEO",
            "▼ Contenus et rédaction · 1",
            "└─ Rédacteur web / Rédactrice web",
        ]
        assert detail_title(app) == "Référenceur SEA / Référenceuse SEA"
        assert isinstance(app.focused, RoleTree)
        await first_frame(app, pilot)
        assert screen.first_frame_done


async def test_detail_pane_shows_every_filled_section_and_hides_empty_ones(
    content: ContentFactory,
) -> None:
    content.roles[SEO]["context"] = "Travaille souvent en agence."
    app = ExplorerApp(load_catalog(content.write()).catalog)
    async with app.run_test(size=(120, 80)) as pilot:
        await start(app, pilot)
        await pilot.press("down")
        await pilot.pause()
        text = region_words(app, "#detail")
        for expected in [
            "Référenceur SEO / Référenceuse SEO",
            "Acquisition et trafic",
            "Aussi appelé : Responsable SEO, Consultant SEO",
            "Fait monter le site dans les moteurs de recherche.",
            "Missions • Auditer le site • Choisir les mots-clés • Suivre les positions",
            "Compétences Technique : Référencement naturel · Analyse d'audience",
            "Relation et communication : Rédaction web",
            "Savoir-être : Curiosité",
            "Outils Google Search Console",
            "Accès et formation Niveau : Bac+3 · Bac+5 • Licence professionnelle web",
            "Employeurs et contexte • Agence web ou de communication "
            "• Annonceur / e-commerçant Travaille souvent en agence.",
            "Métiers liés Métier proche · Rédacteur web / Rédactrice web",
            "Métiers les plus proches",
            "Rédacteur web / Rédactrice web — 3 compétences communes sur 4 (75 %)",
            "Termes du glossaire SEO — Référencement naturel.",
            "Sources • 000.txt",
        ]:
            assert expected in text
        # Référenceur SEA has no context and no access paths: nothing empty shows; no source
        # either, which the pane says: the fiche was written from the trade's usage.
        await pilot.press("up")
        await pilot.pause()
        text = region_words(app, "#detail")
        assert "Accès et formation Niveau : Bac+5 •" not in text  # no access paths
        assert "Sources Fiche rédigée d'après les usages du métier" in text
        assert "Niveau : Bac+5" in text


async def test_a_family_with_more_roles_than_the_limit_adds_them_when_opened(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Large catalogues start with only the first family open; the others fill on demand.
    monkeypatch.setattr(main_module, "EXPAND_ALL_UP_TO", 1)
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        assert tree_lines(app)[-1] == "▶ Contenus et rédaction · 1"
        family = screen.role_tree.root.children[1]
        assert len(family.children) == 0  # not even built
        await pilot.press("down", "down", "down", "l")
        await pilot.pause()
        assert tree_lines(app)[-1] == "└─ Rédacteur web / Rédactrice web"


# --- moving in the tree ---------------------------------------------------------------------


@pytest.mark.parametrize(("down", "up"), [("down", "up"), ("j", "k")])
async def test_up_down_and_vim_keys_move_and_update_the_detail(
    catalog: Catalog, down: str, up: str
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press(down)
        await pilot.pause()
        assert detail_title(app) == "Référenceur SEO / Référenceuse SEO"
        await pilot.press(down)
        await pilot.pause()
        # A family line: the detail pane describes the family.
        assert detail_title(app) == "Contenus et rédaction"
        assert "Famille · 1 métier" in region_words(app, "#detail")
        await pilot.press(down)
        await pilot.pause()
        assert detail_title(app) == "Rédacteur web / Rédactrice web"
        await pilot.press(up, up)
        await pilot.pause()
        assert detail_title(app) == "Référenceur SEO / Référenceuse SEO"


@pytest.mark.parametrize(("right", "left"), [("right", "left"), ("l", "h")])
async def test_left_and_right_collapse_and_expand_a_family(
    catalog: Catalog, right: str, left: str
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press(left)  # from a role: up to its family
        await pilot.pause()
        assert cursor_label(app) == "Acquisition et trafic"
        await pilot.press(left)
        await pilot.pause()
        assert tree_lines(app) == [
            "▶ Acquisition et trafic · 2",
            "▼ Contenus et rédaction · 1",
            "└─ Rédacteur web / Rédactrice web",
        ]
        await pilot.press(right)
        await pilot.pause()
        assert "├─ Référenceur SEA / Référenceuse SEA" in tree_lines(app)
        await pilot.press(right)  # on an open family: to its first role
        await pilot.pause()
        assert detail_title(app) == "Référenceur SEA / Référenceuse SEA"


async def test_enter_on_a_family_toggles_it(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("up", "enter")
        await pilot.pause()
        assert tree_lines(app)[0] == "▶ Acquisition et trafic · 2"
        assert isinstance(app.focused, RoleTree)
        await pilot.press("enter")
        await pilot.pause()
        assert tree_lines(app)[0] == "▼ Acquisition et trafic · 2"


# --- the detail pane ------------------------------------------------------------------------


async def test_enter_goes_into_the_detail_pane_and_escape_comes_back(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, RoleDetail)
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, LinkList)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, RoleTree)
        assert detail_title(app) == "Référenceur SEA / Référenceuse SEA"


async def test_the_pane_scrolls_exactly_as_far_as_each_fiche_goes(content: ContentFactory) -> None:
    # The pane's scroll range follows each fiche shown (it is not laid out a second time when
    # a fiche's height changes): a long fiche scrolls to its last line, a short one not at all.
    content.roles[SEA]["missions"] = [f"Mission numéro {n}" for n in range(1, 61)]
    app = ExplorerApp(load_catalog(content.write()).catalog)
    async with app.run_test(size=(100, 60)) as pilot:  # tall enough for a short fiche
        screen = await start(app, pilot)
        detail = screen.detail
        assert "Mission numéro 60" not in region_words(app, "#detail")
        await pilot.press("enter", "end")
        await pilot.pause()
        assert "Mission numéro 60" in region_words(app, "#detail")
        assert detail.scroll_y == detail.max_scroll_y > 0
        await pilot.press("escape", "down")  # Référenceur SEO: a short fiche
        await pilot.pause()
        assert detail_title(app) == "Référenceur SEO / Référenceuse SEO"
        assert detail.max_scroll_y == detail.scroll_y == 0
        assert not detail.show_vertical_scrollbar
        assert "Google Search Console" in region_words(app, "#detail")
        await pilot.press("up", "enter", "end")  # the long one again, to its very end
        await pilot.pause()
        assert "Mission numéro 60" in region_words(app, "#detail")
        assert detail.show_vertical_scrollbar


async def test_following_a_related_role_goes_to_it_in_the_tree(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("down", "down", "down")  # Rédacteur web
        await pilot.pause()
        # Rédacteur web: "Évolution possible · Référenceur SEO" is its related role.
        await pilot.press("enter", "tab")
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, LinkList) and focused.id == "related-links"
        await pilot.press("enter")
        await pilot.pause()
        assert detail_title(app) == "Référenceur SEO / Référenceuse SEO"
        assert cursor_label(app) == "Référenceur SEO / Référenceuse SEO"
        assert isinstance(app.focused, RoleTree)


async def test_following_a_nearest_role_and_cycling_links_with_tab(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("enter", "tab", "tab")
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, LinkList) and focused.id == "nearest-links"
        # Référenceur SEA shares "analyse" with both others; SEO comes first (catalogue order).
        await pilot.press("enter")
        await pilot.pause()
        assert detail_title(app) == "Référenceur SEO / Référenceuse SEO"
        await pilot.press("enter", "shift+tab")
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, LinkList) and focused.id == "term-links"


async def test_enter_on_a_glossary_term_opens_the_glossary_on_it(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ExplorerApp(catalog)
    opened: list[str | None] = []
    monkeypatch.setattr(app, "open_glossary", opened.append)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("enter", "shift+tab")  # backwards from the text: the last list
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, LinkList) and focused.id == "term-links"
        await pilot.press("enter")
        await pilot.pause()
        assert opened == ["sea"]


# --- search ---------------------------------------------------------------------------------


async def test_slash_focuses_the_search_and_typing_filters_the_tree_live(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("/")
        await pilot.pause()
        assert isinstance(app.focused, SearchField)
        await pilot.press(*"redacteur")
        await pilot.pause()
        assert tree_lines(app) == [
            "▼ Contenus et rédaction · 1",
            "└─ Rédacteur web / Rédactrice web",
        ]
        assert detail_title(app) == "Rédacteur web / Rédactrice web"
        assert cursor_label(app) == "Rédacteur web / Rédactrice web"
        await pilot.press(*["backspace"] * 3, *"ion web")  # "redaction web": a skill of both
        await pilot.pause()
        assert tree_lines(app)[0] == "▼ Acquisition et trafic · 1"
        # Found by a skill, not its title: the line says so (cut to the tree's width).
        assert "└─ Référenceur SEO / Référenceuse SEO · compétence…" in tree_lines(app)


async def test_the_best_match_is_highlighted_and_shown(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("/", *"seo")
        await pilot.pause()
        # Référenceur SEO by its title, Rédacteur web only by a mission: SEO is the best.
        assert detail_title(app) == "Référenceur SEO / Référenceuse SEO"
        assert cursor_label(app) == "Référenceur SEO / Référenceuse SEO"
        assert "└─ Rédacteur web / Rédactrice web · terme « SEO »" in tree_lines(app)


async def test_a_best_match_below_the_first_screenful_is_in_view_in_every_frame(
    bundled: Catalog,
) -> None:
    # The tree scrolls to it before the frame is drawn: no frame shows the tree scrolled
    # to the top, the highlighted line out of sight, and then another one scrolled.
    frames: list[tuple[str, bool]] = []  # per frame displayed: the highlight, and if in view
    watching = False

    class Watched(ExplorerApp):
        CSS_PATH = str(Path(app_module.__file__).parent / "app.tcss")

        def post_display_hook(self) -> None:
            super().post_display_hook()
            if watching and isinstance(self.screen, MainScreen):
                label = cursor_label(self)
                in_view = any(label[:20] in line for line in region_lines(self, "#roles"))
                frames.append((label, in_view))

    app = Watched(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await first_frame(app, pilot)
        await pilot.press("/")
        await pilot.pause()
        watching = True
        await pilot.press("l")
        await pilot.pause()
        await pilot.pause()
        watching = False
        tree = main_screen(app).query_one(RoleTree)
        assert tree.scroll_offset.y > 0  # the best match is below the first screenful
        assert frames and all(in_view for _, in_view in frames), frames


@pytest.mark.parametrize("key", ["enter", "down"])
async def test_enter_or_down_in_the_search_goes_to_the_best_match(
    catalog: Catalog, key: str
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("/", *"writer", key)
        await pilot.pause()
        assert isinstance(app.focused, RoleTree)
        await pilot.press("f")  # the next key acts on the best match
        await pilot.pause()
        assert REDAC in app.shortlist
        assert "★ Rédacteur web / Rédactrice web" in tree_lines(app)[-1]


async def test_escape_in_the_search_restores_the_tree_and_the_cursor(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("down")  # Référenceur SEO
        await pilot.press("/", *"redacteur")
        await pilot.pause()
        assert len(tree_lines(app)) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert screen.search_field.value == ""
        assert len(tree_lines(app)) == 5
        assert cursor_label(app) == "Référenceur SEO / Référenceuse SEO"
        assert detail_title(app) == "Référenceur SEO / Référenceuse SEO"
        assert isinstance(app.focused, RoleTree)


async def test_escape_in_the_filtered_tree_clears_the_search(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("left", "left")  # Acquisition, closed
        await pilot.press("/", *"redacteur", "enter")
        await pilot.pause()
        assert isinstance(app.focused, RoleTree)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_text == ""
        assert tree_lines(app)[0] == "▶ Acquisition et trafic · 2"  # closed as it was
        assert cursor_label(app) == "Acquisition et trafic"


async def test_an_empty_result_says_so_in_the_tree_area(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("/", *"zzz")
        await pilot.pause()
        assert not screen.role_tree.display
        assert region_words(app, "#no-match") == "Aucun métier ne correspond à « zzz »."
        assert "effacez la recherche avec Échap" in region_words(app, "#detail")
        await pilot.press("f")  # typed in the field, not a favourite
        await pilot.press("escape")
        await pilot.pause()
        assert screen.role_tree.display
        assert len(tree_lines(app)) == 5
        assert len(app.shortlist) == 0


async def test_many_matches_in_a_family_end_with_a_count_of_the_others(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_module, "MAX_MATCHES_PER_FAMILY", 1)
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("/", *"referenceur")
        await pilot.pause()
        assert tree_lines(app) == [
            "▼ Acquisition et trafic · 2",
            "├─ Référenceur SEA / Référenceuse SEA",
            "└─ … et 1 autre",
        ]


# --- favourites and comparison marks --------------------------------------------------------


async def test_f_adds_and_removes_the_role_from_the_shortlist_with_a_star(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert SEA in app.shortlist
        assert tree_lines(app)[1] == "├─ ★ Référenceur SEA / Référenceuse SEA"
        assert "★ Dans Ma sélection" in region_words(app, "#detail")
        await pilot.press("f")
        await pilot.pause()
        assert SEA not in app.shortlist
        assert tree_lines(app)[1] == "├─ Référenceur SEA / Référenceuse SEA"
        messages = [n.message for n in app._notifications]
        assert messages[-1] == "Retiré de Ma sélection : Référenceur SEA / Référenceuse SEA"


async def test_f_on_a_family_asks_for_a_role(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        await pilot.press("up", "f")
        await pilot.pause()
        assert len(app.shortlist) == 0
        assert [n.message for n in app._notifications] == [
            "Placez d'abord le curseur sur un métier."
        ]


async def test_c_marks_unmarks_and_then_compares_two_roles(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ExplorerApp(catalog)
    compared: list[tuple[str, str]] = []
    monkeypatch.setattr(app, "open_compare", lambda a, b: compared.append((a, b)))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.compare_mark == SEA
        assert tree_lines(app)[1] == "├─ ◆ Référenceur SEA / Référenceuse SEA"
        assert list(app._notifications)[-1].message == (
            "Référenceur SEA / Référenceuse SEA attend un second métier à comparer "
            "(c sur un autre métier)."
        )
        await pilot.press("c")  # again on the marked role: unmark
        await pilot.pause()
        assert app.compare_mark is None
        assert tree_lines(app)[1] == "├─ Référenceur SEA / Référenceuse SEA"
        await pilot.press("c", "down", "down", "down", "c")
        await pilot.pause()
        assert compared == [(SEA, REDAC)]
        assert app.compare_mark is None
        assert all("◆" not in line for line in tree_lines(app))


async def test_a_favourite_marked_for_comparison_shows_both_markers(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("f", "c")
        await pilot.pause()
        assert tree_lines(app)[1] == "├─ ★◆ Référenceur SEA / Référenceuse SEA"


async def test_markers_are_refreshed_when_the_screen_comes_back(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await app.push_screen(Screen())
        app.shortlist.add(REDAC)  # as the shortlist screen would
        await app.pop_screen()
        await pilot.pause()
        assert tree_lines(app)[-1] == "└─ ★ Rédacteur web / Rédactrice web"


# --- other screens, help, palette, quit -----------------------------------------------------


async def test_s_and_g_open_the_shortlist_and_the_glossary(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ExplorerApp(catalog)
    calls: list[str] = []
    monkeypatch.setattr(app, "open_shortlist", lambda: calls.append("shortlist"))
    monkeypatch.setattr(
        app, "open_glossary", lambda term_id=None: calls.append(f"glossary {term_id}")
    )
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("s", "g")
        await pilot.pause()
        assert calls == ["shortlist", "glossary None"]


async def test_question_mark_opens_the_help_of_this_screen(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.target is screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def choose_in_palette(app: ExplorerApp, pilot: Pilot[Any], title: str) -> None:
    """Move down the palette's list to the first command reading `title`, then press enter.

    Other providers (compare, glossary) may list their own commands for the same words.
    """
    await pilot.pause(0.4)  # the palette gathers hits in batches
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    commands = palette.query_one(CommandList)
    prompts = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
    target = next(i for i, prompt in enumerate(prompts) if prompt.startswith(title))
    for _ in range(target):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def test_ctrl_p_then_a_name_jumps_to_the_role(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("down", "down", "down")  # away from the first role
        await pilot.press("ctrl+p", *"content writer")  # an alias of Rédacteur web
        await choose_in_palette(app, pilot, "Rédacteur web / Rédactrice web\n")
        assert isinstance(app.screen, MainScreen)
        assert cursor_label(app) == "Rédacteur web / Rédactrice web"
        assert detail_title(app) == "Rédacteur web / Rédactrice web"


async def test_ctrl_p_traffic_reaches_the_traffic_manager(bundled: Catalog) -> None:
    app = ExplorerApp(bundled)
    traffic_manager = bundled.roles["traffic-manager"]
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("ctrl+p", *"traffic")
        await choose_in_palette(app, pilot, traffic_manager.display_title + "\n")
        assert main_screen(app).current_role == traffic_manager
        assert detail_title(app) == traffic_manager.display_title


async def test_the_palette_shows_role_names_with_their_family(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("ctrl+p", *"writer")
        await pilot.pause(0.4)
        text = " ".join(" ".join(screen_lines(app)).split())
        assert (
            "Rédacteur web / Rédactrice web Contenus et rédaction · alias « Content writer »"
            in text
        )


async def test_q_quits(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


# --- open_role from anywhere ----------------------------------------------------------------


async def test_open_role_comes_back_to_the_explorer_on_the_role(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await app.push_screen(Screen())
        await app.push_screen(Screen())
        app.open_role(REDAC)
        await pilot.pause()
        assert app.screen is screen
        assert cursor_label(app) == "Rédacteur web / Rédactrice web"
        assert detail_title(app) == "Rédacteur web / Rédactrice web"


async def test_open_role_clears_a_search_that_hides_the_role(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("/", *"sea", "enter")
        await pilot.pause()
        app.open_role(REDAC)
        await pilot.pause()
        assert screen.query_text == "" and screen.search_field.value == ""
        assert len(tree_lines(app)) == 5
        assert cursor_label(app) == "Rédacteur web / Rédactrice web"


async def test_open_role_keeps_a_search_that_shows_the_role(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("/", *"referenceur", "enter")
        await pilot.pause()
        app.open_role(SEO)
        await pilot.pause()
        assert screen.query_text == "referenceur"
        assert cursor_label(app) == "Référenceur SEO / Référenceuse SEO"


# --- sizes and start-up ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 12), (250, 70)])
async def test_every_size_keeps_the_tree_and_the_detail_usable(
    catalog: Catalog, size: tuple[int, int]
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=size) as pilot:
        await start(app, pilot)
        assert any("Référenceur SEA" in line for line in tree_lines(app))
        assert "Référenceur" in detail_title(app)
        await pilot.resize_terminal(size[0] + 30, size[1] + 10)
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert "Référenceur SEO" in detail_title(app)


async def test_the_first_frame_is_announced_to_the_app_once_complete(catalog: Catalog) -> None:
    # Complete: the tree, the fiche and the footer's keys (mounted last, once the bindings
    # of the focused tree are known) are all on the screen when the app hears of it.
    seen: list[tuple[bool, list[str]]] = []

    class Timed(ExplorerApp):
        CSS_PATH = str(Path(app_module.__file__).parent / "app.tcss")

        def on_main_screen_ready(self, message: MainScreen.Ready) -> None:
            seen.append((main_screen(self).first_frame_done, screen_lines(self)))

    app = Timed(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await first_frame(app, pilot)
        await pilot.pause()
        assert [done for done, _ in seen] == [True]
        lines = seen[0][1]
        assert "Référenceur SEA" in lines[5]  # the tree's first role, under its family
        assert "Référenceur SEA / Référenceuse SEA" in lines[2]  # the fiche's title
        assert "⏎ Fiche" in lines[-1] and "q Quitter" in lines[-1]
        # A short fiche: its links are in view, so they are a part of the first frame.
        assert any("Métier proche · Référenceur SEO" in line for line in lines)


async def test_the_first_frame_is_announced_from_the_first_complete_frame_displayed(
    catalog: Catalog,
) -> None:
    # Not a frame or a refresh later: start-up is timed to that moment (--startup-time).
    displayed: list[bool] = []  # per frame displayed: tree, fiche and keys all on it
    done_at: list[int] = []  # the frame after which the screen said its first frame was done

    class Timed(ExplorerApp):
        CSS_PATH = str(Path(app_module.__file__).parent / "app.tcss")

        def post_display_hook(self) -> None:
            lines = screen_lines(self)
            displayed.append(
                any("Référenceur SEA / Référenceuse SEA" in line for line in lines)
                and any("Métier proche · Référenceur SEO" in line for line in lines)
                and "q Quitter" in lines[-1]
            )
            super().post_display_hook()
            if main_screen(self).first_frame_done and not done_at:
                done_at.append(len(displayed))

    app = Timed(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await first_frame(app, pilot)
        assert done_at == [displayed.index(True) + 1]


async def test_an_app_leaving_at_its_first_frame_leaves_cleanly(bundled: Catalog) -> None:
    # As `explorer --startup-time` does, while the links below the fold are being mounted.
    class Timed(ExplorerApp):
        CSS_PATH = str(Path(app_module.__file__).parent / "app.tcss")

        def on_main_screen_ready(self, message: MainScreen.Ready) -> None:
            self.exit()

    app = Timed(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.return_code == 0


async def test_a_long_fiche_gets_its_links_below_the_fold_once_the_first_frame_is_painted(
    bundled: Catalog,
) -> None:
    # Below the fold, the links and sources are mounted after the first frame: they are
    # there all the same when the reader scrolls down to them.
    at_ready: list[str] = []

    class Timed(ExplorerApp):
        CSS_PATH = str(Path(app_module.__file__).parent / "app.tcss")

        def on_main_screen_ready(self, message: MainScreen.Ready) -> None:
            at_ready.extend(screen_lines(self))

    app = Timed(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await first_frame(app, pilot)
        assert at_ready and not any("Métiers liés" in line for line in at_ready)
        await pilot.press("enter", "end")  # into the fiche, down to its end
        await pilot.pause()
        assert any("Sources" in line for line in screen_lines(app))
        await pilot.press("home", "tab")  # tab: to the first group of links
        await pilot.pause()
        assert isinstance(app.focused, LinkList)
        assert any("Métiers liés" in line for line in screen_lines(app))


async def test_the_links_of_a_fiche_found_by_a_search_are_its_own_down_the_pane(
    bundled: Catalog,
) -> None:
    # Below the fold, a searched fiche's links are filled as the reader goes down to them:
    # never the links of the fiche shown before.
    seo = bundled.roles["referenceur-seo"]
    terms = bundled.role_terms(seo)
    app = ExplorerApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await first_frame(app, pilot)
        await pilot.press("slash", *"referenceur seo", "enter", "enter", "end")
        await pilot.pause()
        detail = app.screen.query_one(RoleDetail)
        assert detail.role is seo  # scrolled down to its end: its terms are in view
        assert f"{terms[-1].term} — " in region_words(app, "#detail")
        term_links = app.screen.query_one("#term-links", LinkList)
        assert [option.id for option in term_links.options] == [term.id for term in terms]
        await pilot.press("home", "tab")  # tab: to the first group of links, SEO's
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, LinkList) and focused.id == "related-links"
        assert [option.id for option in focused.options] == [link.role for link in seo.related]


async def test_a_taller_terminal_shows_the_links_of_the_fiche_on_screen(bundled: Catalog) -> None:
    seo = bundled.roles["referenceur-seo"]
    app = ExplorerApp(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await first_frame(app, pilot)
        await pilot.press("slash", *"referenceur seo")
        await pilot.pause()
        await pilot.resize_terminal(120, 160)  # the whole fiche in view, its links too
        await pilot.pause()
        links = app.screen.query_one("#related-links", LinkList)
        assert [option.id for option in links.options] == [link.role for link in seo.related]
        shown = region_words(app, "#detail")
        assert all(bundled.roles[link.role].display_title in shown for link in seo.related)


async def test_a_resized_tree_is_drawn_as_one_started_at_that_size(catalog: Catalog) -> None:
    # RoleTree keeps its rendered lines over a resize (they are cached by width).
    def tree_rows(app: ExplorerApp) -> list[str]:
        return region_lines(app, "#roles")

    started = ExplorerApp(catalog)
    async with started.run_test(size=(70, 24)) as pilot:
        await start(started, pilot)
        expected = tree_rows(started)
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        wide = tree_rows(app)
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert tree_rows(app) == expected != wide


async def test_the_footer_follows_the_focus(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        assert "⏎ Fiche" in screen_lines(app)[-1]
        await pilot.press("slash")  # the search field has other keys
        await pilot.pause()
        assert "⏎ Résultats" in screen_lines(app)[-1]
        assert "⏎ Fiche" not in screen_lines(app)[-1]
        await pilot.press("escape")
        await pilot.pause()
        assert "⏎ Fiche" in screen_lines(app)[-1]


def footer_key(app: ExplorerApp, description: str) -> Widget:
    """The footer's key with this description (Textual's FooterKey)."""
    keys = [key for key in app.screen.query("Footer FooterKey") if description in str(key.render())]
    assert keys, description
    return keys[0]


async def test_a_click_on_a_footer_key_presses_it_and_a_hover_tells_what_it_does(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await first_frame(app, pilot)  # the footer's keys are there
        glossary = footer_key(app, "Glossaire")
        assert glossary.tooltip == "Ouvrir le glossaire"
        await pilot.click(glossary)
        await pilot.pause()
        assert "Glossaire" in screen_lines(app)[0]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click(footer_key(app, "Comparer"))
        await pilot.pause()
        role = main_screen(app).current_role
        assert role is not None and app.compare_mark == role.id


@pytest.mark.parametrize("opened", ["", "s", "g"])  # the explorer, shortlist and glossary
async def test_the_footer_fits_the_terminal_as_it_is_resized(catalog: Catalog, opened: str) -> None:
    # Narrower, the keys tighten and the palette key goes before any key is cut: the last
    # key of the widest footer is still whole at 90 and 80 columns.
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        if opened:
            await pilot.press(opened)
            await pilot.pause()
        wide = screen_lines(app)[-1]
        assert "ctrl+p Palette" in wide
        last_key = " ".join(wide.split("▏")[0].split()[-2:])  # "q Quitter", "/ Chercher"
        for width in (90, 80):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            assert last_key in screen_lines(app)[-1], width
        if not opened:
            assert "Palette" not in screen_lines(app)[-1]  # nine keys: no room for it
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert screen_lines(app)[-1] == wide


async def test_at_80_columns_a_focused_link_leaves_room_for_every_key_but_f(
    catalog: Catalog,
) -> None:
    # "⏎ Ouvrir" joins the footer: F leaves it (the help lists it), and still opens the filters.
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_frame(app, pilot)
        await pilot.press("enter", "tab")  # into the fiche, to its first group of links
        await pilot.pause()
        assert isinstance(app.focused, LinkList)
        footer = screen_lines(app)[-1]
        assert "⏎ Ouvrir" in footer and footer.rstrip().endswith("q Quitter"), footer
        assert "F Filtres" not in footer
        await pilot.press("F")
        await pilot.pause()
        assert main_screen(app).filter_panel is not None and main_screen(app).filter_panel.display


async def test_an_empty_catalogue_and_an_empty_family_leave_the_screen_usable(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(Catalog())
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        assert tree_lines(app) == []
        assert "Le catalogue ne contient aucun métier." in region_words(app, "#detail")
        await pilot.press("j", "l", "enter", "f", "c", "/", *"seo", "escape")
        await pilot.pause()
        assert app.is_running

    empty = Family("vide", "Famille vide", "Rien encore.")
    with_empty = Catalog(
        families=(*catalog.families, empty),
        roles=catalog.roles,
        skills=catalog.skills,
        terms=catalog.terms,
        root=catalog.root,
    )
    app = ExplorerApp(with_empty)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        assert tree_lines(app)[-1] == "Famille vide · 0"
        await pilot.press("end", "l", "enter")
        await pilot.pause()
        assert detail_title(app) == "Famille vide"
