"""The compare screen: two roles side by side, the skill gap, swapping, replacing, back."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.pilot import Pilot

from explorer.app import ExplorerApp
from explorer.model import Catalog, Comparison, compare, load_catalog
from explorer.palette.compare import CompareCommands
from explorer.screens.compare import (
    SAME_ROLE_MESSAGE,
    SHARED_MARK,
    SPECIFIC_MARK,
    CompareScreen,
    SideScroll,
)
from explorer.screens.role_picker import RolePicker
from tests.content_factory import ContentFactory
from tests.screen import screen_lines, screen_text

SEO, SEA, REDAC = "referenceur-seo", "referenceur-sea", "redacteur-web"
BIG = (160, 150)  # tall enough for the whole comparison of the test catalogue to be on screen


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    return load_catalog(content.write()).catalog


def column_lines(app: ExplorerApp, side: str) -> list[str]:
    """The rows of one column as shown on screen (wide layout): only that column's cells."""
    scroll = app.screen.query_one(f"#scroll-{side}", SideScroll)
    region = scroll.region
    lines = screen_lines(app)
    return [lines[y][region.x : region.right].rstrip() for y in range(region.y, region.bottom)]


def widget_text(app: ExplorerApp, selector: str) -> str:
    """The screen rows covered by one widget, joined with spaces (wrapped lines rejoin)."""
    region = app.screen.query_one(selector).region
    lines = screen_lines(app)
    return " ".join(
        lines[y][region.x : region.right].strip() for y in range(region.y, region.bottom)
    )


def toast_text(app: ExplorerApp) -> str:
    """The words of the notification on screen, without the toast's border."""
    return " ".join(widget_text(app, "Toast").replace("▌", " ").split())


def compare_screen(app: ExplorerApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def open_compare(app: ExplorerApp, pilot: Pilot[None], a: str, b: str) -> CompareScreen:
    app.open_compare(a, b)
    await pilot.pause()
    return compare_screen(app)


def headline_of(comparison: Comparison) -> str:
    return (
        f"{len(comparison.shared)} en commun · {len(comparison.gap_a_to_b)} à acquérir "
        f"pour aller vers B · {len(comparison.gap_b_to_a)} vers A"
    )


async def test_open_compare_shows_both_roles_and_the_overlap(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        text = screen_text(app)
        assert "A  Référenceur SEO / Référenceuse SEO" in text
        assert "B  Référenceur SEA / Référenceuse SEA" in text
        assert "1 en commun · 2 à acquérir pour aller vers B · 3 vers A" in text


async def test_at_80_columns_the_legend_wraps_whole(catalog: Catalog) -> None:
    # The headline fills the line: the legend's « ○ » goes to the next line with its word.
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        lines = [line.rstrip() for line in screen_text(app).replace("\xa0", " ").splitlines()]
        assert lines[1].endswith("3 vers A   ● en commun"), lines[1]
        assert lines[2].strip() == "○ spécifique"


@pytest.mark.parametrize(
    ("a", "b"),
    [(SEO, SEA), (SEA, SEO), (SEO, REDAC), (REDAC, SEO), (SEA, REDAC)],
)
async def test_skills_and_percentage_on_screen_agree_with_model(
    catalog: Catalog, a: str, b: str
) -> None:
    expected = compare(catalog, a, b)
    label = {skill_id: skill.label for skill_id, skill in catalog.skills.items()}
    app = ExplorerApp(catalog)
    async with app.run_test(size=BIG) as pilot:
        await open_compare(app, pilot, a, b)
        assert headline_of(expected) in screen_text(app)
        left, right = column_lines(app, "a"), column_lines(app, "b")

        def marked(lines: list[str], mark: str) -> set[str]:
            return {line.strip()[len(mark) :] for line in lines if line.strip().startswith(mark)}

        # Skill rows come before the gap section; the gap lists use the specific mark too.
        gap_start_left = next(i for i, line in enumerate(left) if "Pour passer de" in line)
        gap_start_right = next(i for i, line in enumerate(right) if "Pour passer de" in line)
        assert marked(left[:gap_start_left], SHARED_MARK) == {label[s] for s in expected.shared}
        assert marked(right[:gap_start_right], SHARED_MARK) == {label[s] for s in expected.shared}
        assert marked(left[:gap_start_left], SPECIFIC_MARK) == {label[s] for s in expected.only_a}
        assert marked(right[:gap_start_right], SPECIFIC_MARK) == {label[s] for s in expected.only_b}
        # "Pour passer de A à B" (under A) lists what B has and A lacks, and the reverse under B.
        tools_left = next(i for i, line in enumerate(left) if line.strip() == "Outils")
        tools_right = next(i for i, line in enumerate(right) if line.strip() == "Outils")
        gap_left = left[gap_start_left:tools_left]
        gap_right = right[gap_start_right:tools_right]
        assert f"Pour passer de {expected.a.title} à {expected.b.title}" in gap_left[0]
        assert f"Pour passer de {expected.b.title} à {expected.a.title}" in gap_right[0]
        assert marked(gap_left, SPECIFIC_MARK) == {label[s] for s in expected.gap_a_to_b}
        assert marked(gap_right, SPECIFIC_MARK) == {label[s] for s in expected.gap_b_to_a}


async def test_bundled_pair_agrees_with_model(bundled: Catalog) -> None:
    a, b = list(bundled.roles)[:2]
    expected = compare(bundled, a, b)
    app = ExplorerApp(bundled)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_compare(app, pilot, a, b)
        assert headline_of(expected) in screen_text(app)


async def test_shared_skills_are_coloured_differently_from_specific_ones(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=BIG) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        colours: dict[str, object] = {}
        for strip in app.screen._compositor.render_strips():
            for segment in strip:
                for mark in (SHARED_MARK.strip(), SPECIFIC_MARK.strip()):
                    if segment.text.startswith(mark) and segment.style is not None:
                        colours.setdefault(mark, segment.style.color)
        assert set(colours) == {SHARED_MARK.strip(), SPECIFIC_MARK.strip()}
        assert colours[SHARED_MARK.strip()] != colours[SPECIFIC_MARK.strip()]


@pytest.mark.parametrize("width", [80, 120])
async def test_the_footer_keeps_the_replace_keys_apart_from_the_next_key(
    catalog: Catalog, width: int
) -> None:
    # "a b Changer" is one entry for two keys; tight (80 columns) or not, a cell follows it.
    app = ExplorerApp(catalog)
    async with app.run_test(size=(width, 24)) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        await pilot.pause()  # Textual's Footer composes its keys a refresh later
        footer = screen_lines(app)[-1]
        assert "a b Changer e Écart f Ma sélection" in " ".join(footer.split())
        assert "Changerf" not in footer


async def test_the_footer_follows_the_terminal_width(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        for width, palette_shown in ((80, False), (120, True), (80, False)):
            await pilot.resize_terminal(width, 36)
            await pilot.pause()
            await pilot.pause()  # Textual's Footer composes its keys a refresh later
            footer = " ".join(screen_lines(app)[-1].split())
            assert "a b Changer e Écart f Ma sélection" in footer
            assert ("ctrl+p Palette" in footer) is palette_shown, (width, footer)


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (100, 30), (99, 30), (101, 30)])
async def test_rows_line_up_and_nothing_is_cut(
    content: ContentFactory, size: tuple[int, int]
) -> None:
    # A long summary on one side only: its row must grow on both sides.
    summary = "Un résumé qui n'en finit pas. " * 12
    content.roles[SEO]["summary"] = summary
    app = ExplorerApp(load_catalog(content.write()).catalog)
    width, height = size
    async with app.run_test(size=(width, 200)) as pilot:  # every row on screen, same widths
        screen = await open_compare(app, pilot, SEO, REDAC)
        left = [line.strip() for line in column_lines(app, "a")]
        right = [line.strip() for line in column_lines(app, "b")]
        # Each section starts on the same line in both columns.
        sections = ("Famille", "En bref", "Missions", "Compétences", "Outils", "Accès au métier")
        for section in (*sections, "Employeurs"):
            assert left.index(section) == right.index(section), section
        starts = [i for i, line in enumerate(left) if line.startswith("Pour passer de")]
        assert starts == [i for i, line in enumerate(right) if line.startswith("Pour passer de")]
        assert len(starts) == 1
        # Nothing is cut: the whole summary is there, and no column scrolls sideways.
        summary_lines = left[left.index("En bref") + 1 : left.index("Missions")]
        assert " ".join(" ".join(summary_lines).split()) == summary.strip()
        for side in ("a", "b"):
            scroll = screen.query_one(f"#scroll-{side}", SideScroll)
            assert scroll.max_scroll_x == 0
            assert scroll.region.right <= width
        side_a = screen.query_one("#side-a").region
        side_b = screen.query_one("#side-b").region
        if width < 100:
            assert side_b.y >= side_a.bottom  # stacked: B under A, each full width
            assert side_a.width == side_b.width == width
        else:
            assert side_a.y == side_b.y and side_b.x >= side_a.right  # side by side
            assert side_a.width == side_b.width
    del height  # only the width decides how the rows wrap


async def test_long_text_wraps_with_every_word_shown(content: ContentFactory) -> None:
    words = [f"mot{i}" for i in range(60)]
    content.roles[SEO]["summary"] = " ".join(words)
    catalog = load_catalog(content.write()).catalog
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 60)) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        shown = " ".join(screen_lines(app)).split()
        assert all(word in shown for word in words)


async def test_swap_exchanges_the_sides(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=BIG) as pilot:
        screen = await open_compare(app, pilot, SEO, SEA)
        await pilot.press("s")
        assert (screen.role_a.id, screen.role_b.id) == (SEA, SEO)
        text = screen_text(app)
        assert "A  Référenceur SEA / Référenceuse SEA" in text
        assert "B  Référenceur SEO / Référenceuse SEO" in text
        assert "1 en commun · 3 à acquérir pour aller vers B · 2 vers A" in text
        left = "\n".join(column_lines(app, "a"))
        assert "Pour passer de Référenceur SEA à Référenceur SEO" in left
        await pilot.press("s")
        assert (screen.role_a.id, screen.role_b.id) == (SEO, SEA)


async def test_replace_right_side_through_the_picker(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_compare(app, pilot, SEO, SEA)
        await pilot.press("b")
        assert isinstance(app.screen, RolePicker)
        await pilot.press(*"redac")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert (screen.role_a.id, screen.role_b.id) == (SEO, REDAC)
        assert "B  Rédacteur web / Rédactrice web" in screen_text(app)
        assert headline_of(compare(catalog, SEO, REDAC)) in screen_text(app)


async def test_replace_left_side_choosing_with_arrow_keys(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_compare(app, pilot, SEO, SEA)
        await pilot.press("a")
        # Empty query: every role in catalogue order (sea, seo, redac); down twice reaches redac.
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert (screen.role_a.id, screen.role_b.id) == (REDAC, SEA)


async def test_picker_escape_changes_nothing(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_compare(app, pilot, SEO, SEA)
        await pilot.press("a", *"redac", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert (screen.role_a.id, screen.role_b.id) == (SEO, SEA)


async def test_picker_says_when_nothing_matches(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        await pilot.press("b", *"zzz")
        await pilot.pause()
        assert "Aucun métier ne correspond à « zzz »." in screen_text(app)
        await pilot.press("enter")  # nothing to pick: the picker stays
        assert isinstance(app.screen, RolePicker)


async def test_picker_refuses_the_role_of_the_other_side(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await open_compare(app, pilot, SEO, SEA)
        await pilot.press("b", *"referenceur seo", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RolePicker)  # still open: choose another one
        assert [n.message for n in app._notifications] == [SAME_ROLE_MESSAGE]
        await pilot.pause()
        assert SAME_ROLE_MESSAGE in toast_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert (screen.role_a.id, screen.role_b.id) == (SEO, SEA)


async def test_f_toggles_the_focused_side_in_the_shortlist(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        await pilot.press("f")
        assert SEO in app.shortlist and SEA not in app.shortlist
        assert widget_text(app, "#header-a").endswith("★")
        assert "★" not in widget_text(app, "#header-b")
        await pilot.press("tab", "f")
        assert SEA in app.shortlist
        assert widget_text(app, "#header-b").endswith("★")
        await pilot.press("f")
        assert SEA not in app.shortlist and SEO in app.shortlist
        assert "★" not in widget_text(app, "#header-b")


async def test_tab_moves_between_columns(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_compare(app, pilot, SEO, SEA)
        assert screen.focused is not None and screen.focused.id == "scroll-a"
        highlight = screen.query_one("#header-a").styles.background
        await pilot.press("tab")
        assert screen.focused is not None and screen.focused.id == "scroll-b"
        assert screen.focused_side == "b"
        # The focused column's header carries the highlight.
        assert screen.query_one("#header-b").styles.background == highlight
        assert screen.query_one("#header-a").styles.background != highlight
        await pilot.press("tab")
        assert screen.focused is not None and screen.focused.id == "scroll-a"
        await pilot.press("shift+tab")
        assert screen.focused is not None and screen.focused.id == "scroll-b"


@pytest.mark.parametrize("size", [(120, 20), (80, 24)])
async def test_each_column_scrolls_and_the_other_follows(
    catalog: Catalog, size: tuple[int, int]
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=size) as pilot:
        screen = await open_compare(app, pilot, SEO, SEA)
        scroll_a = screen.query_one("#scroll-a", SideScroll)
        scroll_b = screen.query_one("#scroll-b", SideScroll)
        assert scroll_a.max_scroll_y > 0
        await pilot.press("down", "down")
        await pilot.pause()
        assert scroll_a.scroll_y == scroll_b.scroll_y == 2
        await pilot.press("tab", "end")
        await pilot.wait_for_scheduled_animations()
        assert scroll_b.scroll_y == scroll_b.max_scroll_y
        assert scroll_a.scroll_y == scroll_b.scroll_y
        await pilot.press("home")
        await pilot.wait_for_scheduled_animations()
        assert scroll_a.scroll_y == scroll_b.scroll_y == 0


async def test_escape_goes_back(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        below = app.screen
        await open_compare(app, pilot, SEO, SEA)
        await pilot.press("escape")
        assert app.screen is below


async def test_a_closed_comparison_is_not_kept_in_memory(catalog: Catalog) -> None:
    # Opened and closed again and again, without a favourite or the profile changing.
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        for other in (SEA, REDAC, SEA):
            await open_compare(app, pilot, SEO, other)
            await pilot.press("escape")
            await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)
        gc.collect()
        assert not [item for item in gc.get_objects() if isinstance(item, CompareScreen)]


async def test_comparing_a_role_with_itself_is_refused(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        below = app.screen
        app.open_compare(SEO, SEO)
        await pilot.pause()
        assert app.screen is below
        assert [(n.message, n.severity) for n in app._notifications] == [
            (SAME_ROLE_MESSAGE, "warning")
        ]
        await pilot.pause()  # toasts are mounted on the next tick
        assert SAME_ROLE_MESSAGE in toast_text(app)


async def test_unknown_role_is_an_error_message(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        below = app.screen
        app.open_compare(SEO, "nulle-part")
        await pilot.pause()
        assert app.screen is below
        assert [(n.message, n.severity) for n in app._notifications] == [
            ("Métier inconnu : « nulle-part ».", "error")
        ]


async def test_start_compare_opens_the_screen_at_launch(catalog: Catalog) -> None:
    app = ExplorerApp(catalog, start_compare=(SEO, REDAC))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = compare_screen(app)
        assert (screen.role_a.id, screen.role_b.id) == (SEO, REDAC)
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)


async def test_bindings_have_ids_and_french_descriptions() -> None:
    bindings = CompareScreen.BINDINGS
    descriptions = {b.key: b.description for b in bindings}  # type: ignore[union-attr]
    assert descriptions["s"] == "Inverser"
    assert descriptions["escape"] == "Retour"
    assert all(b.id for b in bindings)  # type: ignore[union-attr]


async def test_content_strings_are_never_markup(content: ContentFactory, tmp_path: Path) -> None:
    content.roles[SEO]["title"] = "[@click=app.quit]Dev[/]"
    content.roles[SEO]["title_feminine"] = "Dev[Ops]"
    content.roles[SEO]["missions"] = ["[b]gras[/b]", "[red]rouge"]
    content.skills[0]["label"] = "[i]SEO[/i]"
    catalog = load_catalog(content.write()).catalog
    app = ExplorerApp(catalog)
    async with app.run_test(size=BIG) as pilot:
        await open_compare(app, pilot, SEO, REDAC)
        text = screen_text(app)
        assert "[@click=app.quit]Dev[/] / Dev[Ops]" in text
        assert "Pour passer de [@click=app.quit]Dev[/] à Rédacteur web" in text
        assert "· [b]gras[/b]" in text and "· [red]rouge" in text
        assert f"{SHARED_MARK}[i]SEO[/i]" in text
        await pilot.click("#header-a")
        assert app.is_running


# --- the command palette: "Comparer avec …" for the role highlighted on the explorer screen -------


async def palette_texts(app: ExplorerApp, pilot: Pilot[None], wanted: str) -> list[str]:
    """The palette's visible commands, once one starting with `wanted` has arrived (searches are async)."""
    texts: list[str] = []
    for _ in range(200):
        await pilot.pause()
        commands = app.screen.query_one(CommandList)
        texts = [
            str(commands.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(commands.option_count)
        ]
        if any(text.startswith(wanted) for text in texts):
            break
    return texts


def main_role(app: ExplorerApp) -> str:
    role = getattr(app.screen, "current_role", None)
    assert role is not None, "the explorer screen should highlight a role at start"
    return str(role.id)


async def test_palette_compares_the_highlighted_role_with_the_chosen_one(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        current = main_role(app)
        other = REDAC if current != REDAC else SEO
        title = catalog.roles[other].display_title
        await pilot.press(
            "ctrl+p", *"comparer avec redac" if other == REDAC else "comparer avec seo"
        )
        named = catalog.roles[current].display_title
        texts = await palette_texts(app, pilot, f"Comparer {named} avec {title}")
        assert texts[0] == f"Comparer {named} avec {title}"  # both roles named
        assert f"Comparer {named} avec {named}" not in texts
        await pilot.press("enter")
        await pilot.pause()
        screen = compare_screen(app)
        assert (screen.role_a.id, screen.role_b.id) == (current, other)


async def test_palette_search_ignores_accents(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        current = main_role(app)
        provider = CompareCommands(app.screen)
        hits = [hit async for hit in provider.search("redacteur")]
        texts = [hit.text for hit in hits]
        named = catalog.roles[current].display_title
        if current == REDAC:
            assert f"Comparer {named} avec Rédacteur web / Rédactrice web" not in texts
        else:
            assert texts[0] == f"Comparer {named} avec Rédacteur web / Rédactrice web"
        nothing = [hit async for hit in provider.search("zzzz")]
        assert nothing == []


async def test_palette_offers_nothing_to_compare_outside_the_explorer(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        provider = CompareCommands(app.screen)
        assert [hit async for hit in provider.search("redac")] == []
        assert [hit async for hit in provider.discover()] == []


async def test_palette_shows_hostile_titles_literally(content: ContentFactory) -> None:
    content.roles[REDAC]["title"] = "[@click=app.quit]Dev[/]"
    content.roles[REDAC]["title_feminine"] = "Dev[Ops]"
    catalog = load_catalog(content.write()).catalog
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert main_role(app) != REDAC
        named = catalog.roles[main_role(app)].display_title
        await pilot.press("ctrl+p", *"comparer dev")
        texts = await palette_texts(app, pilot, f"Comparer {named} avec [@click")
        assert f"Comparer {named} avec [@click=app.quit]Dev[/] / Dev[Ops]" in texts
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert compare_screen(app).role_b.id == REDAC


# --- getting there from the explorer screen: `c` marks, `c` again opens or unmarks ---------------


async def test_c_marks_a_role_then_c_on_another_opens_the_comparison(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        first = main_role(app)
        await pilot.press("c")
        assert app.compare_mark == first
        assert not isinstance(app.screen, CompareScreen)
        await pilot.press("down")
        second = main_role(app)
        assert second != first
        await pilot.press("c")
        await pilot.pause()
        screen = compare_screen(app)
        assert (screen.role_a.id, screen.role_b.id) == (first, second)  # the marked one on the left
        assert app.compare_mark is None
        assert headline_of(compare(catalog, first, second)) in screen_text(app)


async def test_c_twice_on_the_same_role_unmarks_it(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        explorer = app.screen
        await pilot.press("c")
        assert app.compare_mark == main_role(app)
        await pilot.press("c")
        await pilot.pause()
        assert app.compare_mark is None
        assert app.screen is explorer


async def test_escape_returns_to_the_explorer_with_the_cursor_where_it_was(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        explorer = app.screen
        await pilot.press("c", "down", "down", "down")
        where = main_role(app)
        await pilot.press("c")
        await pilot.pause()
        screen = compare_screen(app)
        await pilot.press(
            "s", "tab", "end"
        )  # moving around in the comparison changes nothing there
        assert screen.role_a.id == where
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is explorer
        assert main_role(app) == where


async def test_sparse_roles_say_what_is_missing(content: ContentFactory) -> None:
    # Missions and skills are required but may be empty; the rest may be absent altogether.
    for role_id in (SEO, SEA):
        role = content.roles[role_id]
        role.update(missions=[], skills=[])
        for optional in ("tools", "levels", "access", "employers"):
            role.pop(optional, None)
    catalog = load_catalog(content.write()).catalog
    app = ExplorerApp(catalog)
    async with app.run_test(size=BIG) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        assert "0 en commun · 0 à acquérir pour aller vers B · 0 vers A" in screen_text(app)
        left = "\n".join(line.strip() for line in column_lines(app, "a"))
        for section in ("Missions", "Compétences", "Outils", "Accès au métier", "Employeurs"):
            assert f"{section}\nNon renseigné" in left
        assert "Rien à acquérir" in left


async def test_no_notification_from_the_explorer_covers_the_comparison(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("c")  # « … attend un second métier à comparer »
        await pilot.pause()
        await pilot.pause()  # toasts are mounted on the next tick
        assert "attend un second" in toast_text(app)
        await pilot.press("down", "c")
        await pilot.pause()
        compare_screen(app)
        await pilot.pause()
        assert not app.screen.query("Toast")
        assert "attend un second" not in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_e_jumps_to_the_gap_in_both_columns(bundled: Catalog, size: tuple[int, int]) -> None:
    app = ExplorerApp(bundled)
    async with app.run_test(size=size) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause(0.2)
        # The gap's heading is now at the top of the column (below the cell's margin).
        top_a = next(line for line in column_lines(app, "a") if line.strip())
        assert "Pour passer de Référenceur SEO à Référenceur SEA" in top_a
        if size[0] >= 100:  # side by side: the other column came along
            top_b = next(line for line in column_lines(app, "b") if line.strip())
            assert "Pour passer de Référenceur SEA à Référenceur SEO" in top_b
        # The key is named in the footer.
        assert "e Écart" in " ".join(screen_lines(app)[-1].split())


async def test_conditions_sectors_and_statuses_face_each_other(content: ContentFactory) -> None:
    content.roles[SEO].update(
        conditions="Travail sur écran, pics en fin de trimestre.",
        sectors=["Agences web", "Tourisme"],
        status=["salarie", "independant"],
    )
    catalog = load_catalog(content.write()).catalog
    app = ExplorerApp(catalog)
    async with app.run_test(size=BIG) as pilot:
        await open_compare(app, pilot, SEO, SEA)
        left = "\n".join(line.strip() for line in column_lines(app, "a"))
        right = "\n".join(line.strip() for line in column_lines(app, "b"))
        assert "Conditions de travail\nTravail sur écran, pics en fin de trimestre." in left
        assert "Secteurs\nAgences web, Tourisme" in left
        assert "Statuts\nSalarié, Indépendant / freelance" in left
        for section in ("Conditions de travail", "Secteurs", "Statuts"):
            assert f"{section}\nNon renseigné" in right
