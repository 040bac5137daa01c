"""Role filters: the model (matching, why a result is empty) and the panel widget on its own."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, Static

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.model.filters import (
    EmptyCause,
    RoleFilter,
    describe_empty,
    filter_labels,
    resolve_value,
)
from explorer.widgets.filter_chips import FilterChips
from explorer.widgets.filter_panel import MAX_SKILLS_SHOWN, FilterList, FilterPanel
from explorer.widgets.role_tree import RoleTree
from explorer.widgets.search_field import SearchField
from tests.content_factory import ContentFactory
from tests.screen import screen_lines


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    result = load_catalog(content.write())
    assert result.issues == ()
    return result.catalog


def kept(catalog: Catalog, role_filter: RoleFilter) -> list[str]:
    return [role.id for role in role_filter.apply(catalog.roles.values())]


# --- model --------------------------------------------------------------------------------


def test_empty_filter_keeps_everything(catalog: Catalog) -> None:
    assert not RoleFilter().active
    assert kept(catalog, RoleFilter()) == list(catalog.roles)


@pytest.mark.parametrize(
    ("role_filter", "expected"),
    [
        (RoleFilter(families=frozenset({"contenus"})), ["redacteur-web"]),
        (RoleFilter(levels=frozenset({"Bac+2"})), ["redacteur-web"]),
        (RoleFilter(levels=frozenset({"Bac+2", "Bac+5"})), ["referenceur-sea", "referenceur-seo", "redacteur-web"]),
        (RoleFilter(employers=frozenset({"regie", "freelance"})), ["referenceur-sea", "redacteur-web"]),
        (RoleFilter(skills=frozenset({"seo"})), ["referenceur-seo", "redacteur-web"]),
        (RoleFilter(skills=frozenset({"seo", "analyse"})), ["referenceur-seo"]),
        (RoleFilter(families=frozenset({"acquisition"}), levels=frozenset({"Bac+3"})), ["referenceur-seo"]),
    ],
)  # fmt: skip
def test_any_family_level_employer_but_every_skill(
    catalog: Catalog, role_filter: RoleFilter, expected: list[str]
) -> None:
    assert role_filter.active
    assert kept(catalog, role_filter) == expected


def test_filter_is_frozen_and_accepts_any_iterable() -> None:
    role_filter = RoleFilter(skills=["seo", "seo"])  # type: ignore[arg-type]
    assert role_filter.skills == frozenset({"seo"})
    assert role_filter == RoleFilter(skills=frozenset({"seo"}))
    with pytest.raises(AttributeError):
        role_filter.skills = frozenset()  # type: ignore[misc]
    assert role_filter.with_values("levels", ["Bac"]).levels == frozenset({"Bac"})
    assert role_filter.levels == frozenset()


def test_emptied_by_names_the_filter_that_alone_keeps_nothing(catalog: Catalog) -> None:
    roles = list(catalog.roles.values())
    role_filter = RoleFilter(families=frozenset({"acquisition"}), levels=frozenset({"Bac+4"}))
    assert role_filter.emptied_by(roles) == EmptyCause("levels", ("Bac+4",), alone=True)
    assert describe_empty(catalog, EmptyCause("levels", ("Bac+4",), True)) == (
        "Aucun métier ne correspond au filtre « Niveau : Bac+4 »."
    )


def test_emptied_by_a_combination_names_the_last_filter_added(catalog: Catalog) -> None:
    roles = list(catalog.roles.values())
    role_filter = RoleFilter(families=frozenset({"contenus"}), employers=frozenset({"regie"}))
    cause = role_filter.emptied_by(roles)
    assert cause == EmptyCause("employers", ("regie",), alone=False)
    assert describe_empty(catalog, cause, query="web") == (
        "Aucun des métiers trouvés pour « web » ne correspond au filtre "
        "« Employeur : Régie publicitaire » en plus des autres filtres."
    )


def test_emptied_by_skills_nobody_has_together(catalog: Catalog) -> None:
    roles = list(catalog.roles.values())
    together = RoleFilter(skills=frozenset({"seo", "budget"}))
    cause = together.emptied_by(roles)
    assert cause == EmptyCause("skills", ("budget", "seo"), alone=True)
    assert describe_empty(catalog, cause) == (
        "Aucun métier n'a toutes ces compétences à la fois : "
        "« Gestion de budget », « Référencement naturel »."
    )
    # Among the search results for "rédacteur", nobody has "budget" at all: name that one skill.
    only_writer = [catalog.roles["redacteur-web"]]
    assert together.emptied_by(only_writer) == EmptyCause("skills", ("budget",), alone=True)


def test_emptied_by_is_none_when_something_is_left(catalog: Catalog) -> None:
    roles = list(catalog.roles.values())
    assert RoleFilter(skills=frozenset({"seo"})).emptied_by(roles) is None
    assert RoleFilter().emptied_by(roles) is None
    assert RoleFilter(levels=frozenset({"Bac+4"})).emptied_by([]) is None  # search emptied it


def test_labels_in_display_order(catalog: Catalog) -> None:
    role_filter = RoleFilter(
        families=frozenset({"contenus", "acquisition"}),
        levels=frozenset({"Bac+5", "Bac+2"}),
        employers=frozenset({"regie"}),
        skills=frozenset({"seo", "analyse"}),
    )
    assert [text for _, _, text in filter_labels(catalog, role_filter)] == [
        "Famille : Acquisition et trafic",
        "Famille : Contenus et rédaction",
        "Niveau : Bac+2",
        "Niveau : Bac+5",
        "Employeur : Régie publicitaire",
        "Compétence : Analyse d'audience",
        "Compétence : Référencement naturel",
    ]


def test_resolve_value_by_id_or_label_folded(catalog: Catalog) -> None:
    assert resolve_value(catalog, "families", "CONTENUS ET REDACTION") == "contenus"
    assert resolve_value(catalog, "levels", "bac+2") == "Bac+2"
    assert resolve_value(catalog, "employers", "Régie publicitaire") == "regie"
    assert resolve_value(catalog, "skills", "referencement naturel") == "seo"
    assert resolve_value(catalog, "skills", "php") is None


# --- the panel on its own -----------------------------------------------------------------


class PanelApp(App[None]):
    """The panel and the chips in a bare app, recording every filter the panel sends."""

    def __init__(self, catalog: Catalog, role_filter: RoleFilter | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.start = role_filter
        self.sent: list[RoleFilter] = []

    def compose(self) -> ComposeResult:
        yield FilterChips()
        yield FilterPanel(self.catalog, self.start)

    def on_filter_panel_changed(self, event: FilterPanel.Changed) -> None:
        self.sent.append(event.role_filter)
        roles = event.role_filter.apply(self.catalog.roles.values())
        self.query_one(FilterChips).show(self.catalog, event.role_filter, len(roles))


def options(selection: SelectionList[str]) -> list[str]:
    return [str(selection.get_option_at_index(i).prompt) for i in range(selection.option_count)]


async def test_panel_offers_the_values_present_in_the_content(catalog: Catalog) -> None:
    app = PanelApp(catalog)
    async with app.run_test(size=(60, 50)):
        panel = app.query_one(FilterPanel)
        assert options(panel.query_one("#filter-families", FilterList)) == [
            "Acquisition et trafic",
            "Contenus et rédaction",
        ]
        assert options(panel.query_one("#filter-levels", FilterList)) == ["Bac+2", "Bac+3", "Bac+5"]
        assert options(panel.query_one("#filter-employers", FilterList)) == [
            "Agence web ou de communication",
            "Annonceur / e-commerçant",
            "Régie publicitaire",
            "Indépendant / freelance",
        ]
        assert options(panel.query_one("#filter-skills", FilterList))[:2] == [
            "Achat de mots-clés",
            "Analyse d'audience",
        ]


async def test_ticking_with_keys_sends_the_filter_and_shows_chips(catalog: Catalog) -> None:
    app = PanelApp(catalog)
    async with app.run_test(size=(60, 50)) as pilot:
        app.query_one(FilterPanel).focus_first()
        await pilot.press("space")  # first family: acquisition
        await pilot.pause()
        assert app.sent[-1] == RoleFilter(families=frozenset({"acquisition"}))
        chips = app.query_one(FilterChips).text
        assert "Famille : Acquisition et trafic" in chips and "2 métiers restants" in chips
        await pilot.press("tab", "down", "down", "enter")  # levels: Bac+5
        await pilot.pause()
        assert app.sent[-1].levels == frozenset({"Bac+5"})
        await pilot.press("enter")  # untick it
        await pilot.pause()
        assert app.sent[-1] == RoleFilter(families=frozenset({"acquisition"}))


async def test_skill_search_narrows_the_list_and_keeps_ticked_skills(catalog: Catalog) -> None:
    app = PanelApp(catalog)
    async with app.run_test(size=(60, 50)) as pilot:
        panel = app.query_one(FilterPanel)
        skills = panel.query_one("#filter-skills", FilterList)
        panel.query_one("#filter-skill-search", Input).focus()
        await pilot.press(*"REFERENCEMENT", "enter")
        await pilot.pause()
        assert options(skills) == ["Référencement naturel"]
        assert app.focused is skills
        await pilot.press("space")
        await pilot.pause()
        assert app.sent[-1] == RoleFilter(skills=frozenset({"seo"}))
        # Another search: the ticked skill stays listed, first and ticked.
        search = panel.query_one("#filter-skill-search", Input)
        search.value = "analyse"
        await pilot.pause()
        assert options(skills) == ["Référencement naturel", "Analyse d'audience"]
        assert skills.selected == ["seo"]
        await pilot.press("space")  # the first match is highlighted
        await pilot.pause()
        assert app.sent[-1] == RoleFilter(skills=frozenset({"seo", "analyse"}))
        chips = app.query_one(FilterChips).text
        assert "Compétence : Analyse d'audience" in chips and "1 métier restant" in chips
        search.value = "zzz"
        await pilot.pause()
        note = panel.query_one("#filter-skills-note", Static)
        assert note.display and "Aucune compétence ne contient « zzz »." in str(note.visual)


async def test_thousands_of_skills_are_capped_until_you_type(content: ContentFactory) -> None:
    content.skills += [
        {"id": f"s{n:04}", "label": f"Compétence {n:04}", "category": "technique"}
        for n in range(1500)
    ]
    catalog = load_catalog(content.write()).catalog
    app = PanelApp(catalog)
    async with app.run_test(size=(60, 50)) as pilot:
        panel = app.query_one(FilterPanel)
        skills = panel.query_one("#filter-skills", FilterList)
        assert skills.option_count == MAX_SKILLS_SHOWN
        note = panel.query_one("#filter-skills-note", Static)
        assert str(note.visual) == f"{MAX_SKILLS_SHOWN} sur 1506 : tapez pour affiner"
        panel.query_one("#filter-skill-search", Input).value = "1234"
        await pilot.pause()
        assert options(skills) == ["Compétence 1234"]
        assert not note.display


async def test_set_filter_updates_ticks_without_sending(catalog: Catalog) -> None:
    start = RoleFilter(families=frozenset({"contenus"}), skills=frozenset({"seo"}))
    app = PanelApp(catalog, start)
    async with app.run_test(size=(60, 50)) as pilot:
        panel = app.query_one(FilterPanel)
        assert panel.query_one("#filter-families", FilterList).selected == ["contenus"]
        assert panel.query_one("#filter-skills", FilterList).selected == ["seo"]
        panel.set_filter(RoleFilter())
        await pilot.pause()
        assert app.sent == []
        assert all(not selection.selected for selection in panel.query(FilterList))
        assert panel.role_filter == RoleFilter()


async def test_chips_hidden_without_filters_and_content_is_literal(
    content: ContentFactory,
) -> None:
    content.families[0]["title"] = "Acquisition [b]et[/b] trafic"
    catalog = load_catalog(content.write()).catalog
    app = PanelApp(catalog)
    async with app.run_test(size=(60, 50)) as pilot:
        chips = app.query_one(FilterChips)
        assert not chips.display
        app.query_one(FilterPanel).focus_first()
        await pilot.press("space")
        await pilot.pause()
        assert chips.display
        assert "Famille : Acquisition [b]et[/b] trafic" in chips.text
        on_screen = " ".join(screen_lines(app))
        assert "Famille : Acquisition [b]et[/b] trafic" in on_screen


# --- the panel on the explorer screen -----------------------------------------------------

SIZE = (120, 36)


def region_words(app: ExplorerApp, selector: str) -> str:
    """A widget's text on screen, wrapping undone."""
    region = app.screen.query_one(selector).region
    lines = screen_lines(app)
    return " ".join(
        " ".join(lines[y][region.x : region.right] for y in range(region.y, region.bottom)).split()
    )


def tree_lines(app: ExplorerApp) -> list[str]:
    region = app.screen.query_one("#roles").region
    lines = screen_lines(app)
    rows = [lines[y][region.x : region.right].strip() for y in range(region.y, region.bottom)]
    return [row for row in rows if row]


def footer(app: ExplorerApp) -> str:
    return screen_lines(app)[-1]


async def tick(pilot: Pilot[Any], list_id: str, label: str) -> None:
    """Focus one of the panel's lists and tick `label` with the keys: home, down…, space."""
    selection = pilot.app.screen.query_one(f"#{list_id}", FilterList)
    selection.focus()
    await pilot.pause()
    index = options(selection).index(label)
    await pilot.press("home", *["down"] * index, "space")
    await pilot.pause()


async def open_panel(app: ExplorerApp, pilot: Pilot[Any]) -> FilterPanel:
    await pilot.pause()
    await pilot.press("F")
    await pilot.pause()
    panel = app.screen.query_one(FilterPanel)
    assert panel.display
    return panel


async def test_shift_f_opens_the_panel_in_place_of_the_detail_and_closes_it(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        panel = await open_panel(app, pilot)
        detail = app.screen.query_one("#detail")
        assert not detail.display
        assert app.focused is panel.query_one("#filter-families")
        assert "Niveau d'accès" in region_words(app, "#filters")
        await pilot.press("F")
        await pilot.pause()
        assert not panel.display and detail.display
        assert isinstance(app.focused, RoleTree)
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display and isinstance(app.focused, RoleTree)


@pytest.mark.parametrize(
    ("list_id", "label", "chip", "expected"),
    [
        (
            "filter-families",
            "Contenus et rédaction",
            "Famille : Contenus et rédaction",
            ["▼ Contenus et rédaction · 1", "└─ Rédacteur web / Rédactrice web"],
        ),
        (
            "filter-levels",
            "Bac+5",
            "Niveau : Bac+5",
            [
                "▼ Acquisition et trafic · 2",
                "├─ Référenceur SEA / Référenceuse SEA",
                "└─ Référenceur SEO / Référenceuse SEO",
            ],
        ),
        (
            "filter-employers",
            "Régie publicitaire",
            "Employeur : Régie publicitaire",
            ["▼ Acquisition et trafic · 1", "└─ Référenceur SEA / Référenceuse SEA"],
        ),
        (
            "filter-skills",
            "Référencement naturel",
            "Compétence : Référencement naturel",
            [
                "▼ Acquisition et trafic · 1",
                "└─ Référenceur SEO / Référenceuse SEO",
                "▼ Contenus et rédaction · 1",
                "└─ Rédacteur web / Rédactrice web",
            ],
        ),
    ],
)
async def test_each_filter_alone_narrows_the_tree_with_a_chip(
    catalog: Catalog, list_id: str, label: str, chip: str, expected: list[str]
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(app, pilot)
        assert "x Sans filtre" not in footer(app)
        await tick(pilot, list_id, label)
        assert tree_lines(app) == expected
        chips = region_words(app, "#filter-chips")
        count = len([line for line in expected if "─" in line])
        restants = "métier restant" if count == 1 else "métiers restants"
        assert chip in chips and f"→ {count} {restants}" in chips
        assert "x Sans filtre" in footer(app)


async def test_in_80_columns_the_footer_leaves_x_to_the_chips_and_keeps_every_other_key(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_panel(app, pilot)
        assert "q Quitter" in footer(app)  # the panel's escape is left out: F closes it too
        await tick(pilot, "filter-families", "Contenus et rédaction")
        assert "x : tout effacer" in region_words(app, "#filter-chips")
        assert "Sans filtre" not in footer(app) and "q Quitter" in footer(app)
        await pilot.resize_terminal(*SIZE)  # room enough: x is in the footer again
        await pilot.pause()
        assert "x Sans filtre" in footer(app) and "q Quitter" in footer(app)


async def test_skills_are_found_by_typing_and_all_are_required(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        panel = await open_panel(app, pilot)
        panel.query_one("#filter-skill-search", Input).focus()
        await pilot.press(*"redaction", "enter", "space")
        await pilot.pause()
        assert len(tree_lines(app)) == 4  # SEO and the writer have "Rédaction web"
        panel.query_one("#filter-skill-search", Input).value = ""
        await pilot.press("shift+tab")  # back into the search field, then type
        await pilot.press(*"analyse", "enter", "space")
        await pilot.pause()
        assert tree_lines(app) == [
            "▼ Acquisition et trafic · 1",
            "└─ Référenceur SEO / Référenceuse SEO",
        ]
        chips = region_words(app, "#filter-chips")
        assert "Compétence : Analyse d'audience" in chips
        assert "Compétence : Rédaction web" in chips


@pytest.mark.parametrize(
    ("list_id", "label", "expected"),
    [
        ("filter-families", "Acquisition et trafic", ["Référenceur SEO / Référenceuse SEO"]),
        ("filter-levels", "Bac+2", ["Rédacteur web / Rédactrice web · terme « SEO »"]),
        ("filter-employers", "Agence web ou de communication", None),  # all three stay
        ("filter-skills", "Curiosité", None),  # SEO and the writer, the same as the search
    ],
)
async def test_each_filter_combines_with_the_search(
    catalog: Catalog, list_id: str, label: str, expected: list[str] | None
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"seo")  # matches SEO by title, the writer by mission
        await pilot.pause()
        searched = [line[3:] for line in tree_lines(app) if "─" in line]
        # The writer is found through a linked glossary term, and the line says so.
        assert searched == [
            "Référenceur SEO / Référenceuse SEO",
            "Rédacteur web / Rédactrice web · terme « SEO »",
        ]
        await pilot.press("enter")
        await open_panel(app, pilot)
        await tick(pilot, list_id, label)
        shown = [line[3:] for line in tree_lines(app) if "─" in line]
        assert shown == (searched if expected is None else expected)
        # Clearing the search keeps the filter: the whole catalogue, filtered.
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen.query_one(SearchField).value == ""
        role_filter = app.screen.query_one(FilterPanel).role_filter
        everyone = [r.display_title for r in role_filter.apply(catalog.roles.values())]
        assert [line[3:] for line in tree_lines(app) if "─" in line] == everyone


async def test_an_empty_result_says_which_filter_emptied_it(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(app, pilot)
        await tick(pilot, "filter-families", "Contenus et rédaction")
        await tick(pilot, "filter-employers", "Régie publicitaire")
        assert tree_lines(app) == []
        assert region_words(app, "#filter-chips").endswith(
            "→ aucun métier restant (x : tout effacer) Aucun métier ne correspond au filtre "
            "« Employeur : Régie publicitaire » en plus des autres filtres."
        )
        await pilot.press("escape")
        await pilot.pause()
        assert "effacez-les tous avec x" in region_words(app, "#detail")
        # x works from the (empty) tree: everything comes back, the chips go.
        await pilot.press("x")
        await pilot.pause()
        assert len(tree_lines(app)) == 5
        assert not app.screen.query_one(FilterChips).display
        panel = app.screen.query_one(FilterPanel)
        assert all(not selection.selected for selection in panel.query(FilterList))


async def test_an_empty_search_result_names_the_filter_not_the_search(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(app, pilot)
        await tick(pilot, "filter-levels", "Bac+2")
        await pilot.press("escape", "slash", *"sea")
        await pilot.pause()
        assert tree_lines(app) == []
        assert (
            "Aucun des métiers trouvés pour « sea » ne correspond au filtre « Niveau : Bac+2 »."
            in (region_words(app, "#filter-chips"))
        )
        # A search that finds nothing at all still says so itself.
        await pilot.press(*"zzz")
        await pilot.pause()
        assert "Aucun métier ne correspond à « seazzz »." in region_words(app, "#no-match")


async def test_x_clears_every_filter_and_keeps_the_search(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(app, pilot)
        await tick(pilot, "filter-levels", "Bac+5")
        await tick(pilot, "filter-employers", "Régie publicitaire")
        await pilot.press("escape", "slash", *"référenceur", "enter")
        await pilot.pause()
        assert len(tree_lines(app)) == 2
        await pilot.press("x")
        await pilot.pause()
        assert len(tree_lines(app)) == 3
        assert app.screen.query_one(SearchField).value == "référenceur"
        assert "x Sans filtre" not in footer(app)


async def test_a_role_asked_for_by_name_clears_the_filters_hiding_it(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(app, pilot)
        await tick(pilot, "filter-families", "Contenus et rédaction")
        await pilot.press("escape")
        app.open_role("referenceur-sea")
        await pilot.pause()
        assert app.screen.query_one(RoleTree).highlighted_role == catalog.roles["referenceur-sea"]
        assert not app.screen.query_one(FilterChips).display
        assert len(tree_lines(app)) == 5


async def test_the_panel_opens_at_its_top_even_when_taller_than_the_screen() -> None:
    from explorer.locations import bundled_content

    app = ExplorerApp(load_catalog(bundled_content()).catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await open_panel(app, pilot)
        assert panel.max_scroll_y > 0  # the bundled catalogue's panel needs scrolling
        for _ in range(2):  # opened for the first time (mounted then), then again
            lines = screen_lines(app)
            region = panel.region
            assert lines[region.y][region.x : region.right].strip().startswith("Famille")
            assert isinstance(app.focused, FilterList) and app.focused.id == "filter-families"
            await pilot.press("F", "F")
            await pilot.pause()


async def test_ticked_and_unticked_choices_differ_by_a_glyph(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_panel(app, pilot)
        await tick(pilot, "filter-families", "Contenus et rédaction")
        text = "\n".join(screen_lines(app))
        assert "▐✓▌ Contenus et rédaction" in text
        assert "▐ ▌ Acquisition et trafic" in text


async def test_down_at_the_end_of_a_group_goes_on_to_the_next_and_up_comes_back(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await open_panel(app, pilot)
        families = panel.query_one("#filter-families", FilterList)
        levels = panel.query_one("#filter-levels", FilterList)
        assert app.focused is families
        await pilot.press(*["down"] * families.option_count)
        await pilot.pause()
        assert app.focused is levels and levels.highlighted == 0
        await pilot.press("space")  # ticks the first level, not a family
        assert levels.selected and not families.selected
        await pilot.press("up")
        await pilot.pause()
        assert app.focused is families
        assert families.highlighted == families.option_count - 1


async def test_a_chip_wider_than_the_column_is_cut_with_a_mark_not_wrapped(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_panel(app, pilot)
        await tick(pilot, "filter-employers", "Agence web ou de communication")
        chips = app.screen.query_one(FilterChips)
        rows = [
            screen_lines(app)[y][chips.region.x : chips.region.right].strip()
            for y in range(chips.region.y, chips.region.bottom)
        ]
        assert rows[0].startswith("Employeur : Agence web") and rows[0].endswith("…")
        assert rows[1].startswith("→")


async def test_the_filter_panel_help_titles_every_group_of_keys(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(120, 100)) as pilot:
        await open_panel(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        text = "\n".join(" ".join(line.split()) for line in screen_lines(app))
        assert "Autres touches" not in text
        assert "Listes de filtres" in text
        assert "Suivant Au bout de la liste : le groupe suivant" in text
        assert "tab Groupe suivant" in text
