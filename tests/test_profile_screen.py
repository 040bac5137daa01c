""" "Mon profil", key by key: ticks, the ranking they change, the file on disk, the way back."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.screens.compare import CompareScreen
from explorer.screens.main import MainScreen
from explorer.screens.profile import EMPTY_PROFILE_HINT, NOTHING_WITHIN_REACH, ProfileScreen
from tests.content_factory import ContentFactory
from tests.screen import screen_text as painted

SIZE = (100, 36)


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    return load_catalog(content.write()).catalog


@pytest.fixture
def path(isolated_user_dirs: Path) -> Path:
    return isolated_user_dirs / "profile.toml"


def screen_text(app: ExplorerApp) -> str:
    """The screen's text, French no-break spaces as plain ones."""
    return painted(app).replace("\u00a0", " ").replace("\u202f", " ")


def saved(path: Path) -> list[str]:
    skills: list[str] = tomllib.loads(path.read_text("utf-8"))["skills"]
    return skills


def options(pilot: Pilot[None], list_id: str) -> list[str]:
    found = pilot.app.screen.query_one(f"#{list_id}", OptionList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


async def open_profile(pilot: Pilot[None]) -> ProfileScreen:
    await pilot.press("p")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ProfileScreen)
    return screen


async def test_at_80_columns_the_empty_lists_say_what_to_do_in_full(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(pilot)
        text = screen_text(app)
        for row in (*EMPTY_PROFILE_HINT, *NOTHING_WITHIN_REACH):
            assert row in text  # not cut with "…"


async def test_p_opens_the_profile_and_a_tick_re_ranks_and_is_saved(
    catalog: Catalog, path: Path
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        assert options(pilot, "profile-ranking") == list(EMPTY_PROFILE_HINT)
        await pilot.press("space")  # the first skill: Référencement naturel (seo)
        await pilot.pause()
        assert saved(path) == ["seo"]
        assert options(pilot, "profile-ranking") == [
            "Rédacteur web — 1/3 · 33 %  2 à acquérir",
            "Référenceur SEO — 1/4 · 25 %  3 à acquérir",
            "Référenceur SEA — 0/3 · 0 %  3 à acquérir",
        ]
        assert "☑ Référencement naturel" in options(pilot, "profile-skills")
        # Analyse d'audience: the SEO role now leads, and the SEA role is within reach.
        await pilot.press("down", "space")
        await pilot.pause()
        assert saved(path) == ["seo", "analyse"]
        assert options(pilot, "profile-ranking")[0] == "Référenceur SEO — 2/4 · 50 %  2 à acquérir"
        assert options(pilot, "profile-reach") == [
            "Référenceur SEO — + Rédaction web, Curiosité",
            "Référenceur SEA — + Achat de mots-clés, Gestion de budget",
            "Rédacteur web — + Rédaction web, Curiosité",
        ]
        text = screen_text(app)
        assert "2 compétences cochées" in text
        assert "✓ Technique : Référencement naturel · Analyse d'audience" in text
        assert "+ Relation et communication : Rédaction web" in text
        # Untick: back to one skill, on disk too.
        await pilot.press("space")
        await pilot.pause()
        assert saved(path) == ["seo"]
        await pilot.press("escape")  # the app's state follows once the screen is left
        assert app.profile_skills == frozenset({"seo"})


async def test_enter_on_a_ranked_role_opens_it_in_the_explorer_with_the_profile_line(
    catalog: Catalog,
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        await pilot.press("space", "tab", "down", "enter")  # the second role: Référenceur SEO
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.detail.role is not None and screen.detail.role.id == "referenceur-seo"
        text = screen_text(app)
        assert "Votre profil : 1 compétence sur 4 · à acquérir :" in text
        assert "✓ Référencement naturel" in text


async def test_the_search_folds_accents_and_case(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        await pilot.press("slash", *"REDAC")
        await pilot.pause()
        assert options(pilot, "profile-skills") == ["Relation et communication", "☐ Rédaction web"]
        await pilot.press("enter", "space")  # to the list, then tick
        await pilot.pause()
        assert app.profile.skills == ("redaction",)
        await pilot.press("slash", *"zzz")
        await pilot.pause()
        assert options(pilot, "profile-skills") == ["Aucune compétence ne correspond à « zzz »."]


async def test_i_have_worked_as_ticks_the_roles_skills(catalog: Catalog, path: Path) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        await pilot.press("e", *"redactrice", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert saved(path) == ["redaction", "seo", "curiosite"]
        assert options(pilot, "profile-ranking")[0] == "Rédacteur web — 3/3 · 100 %  complet"


async def test_at_80_columns_the_fit_legend_wraps_whole(catalog: Catalog) -> None:
    # The role's line fills the pane: « + » must go to the next line with « à acquérir ».
    app = ExplorerApp(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(pilot)
        await pilot.press("e", *"redactrice", "enter")
        await pilot.pause()
        pane = app.screen.query_one("#profile-fit-pane").region
        lines = [
            line[pane.x : pane.right].rstrip(" ▁▂▃▄▅▆▇█") for line in screen_text(app).splitlines()
        ]
        lines = lines[pane.y : pane.bottom]
        assert any(line.lstrip().startswith("+ à acquérir") for line in lines), lines
        assert not any(line.endswith(("+", "✓")) for line in lines), lines


async def test_escape_returns_and_the_profile_survives_a_restart(
    catalog: Catalog, path: Path
) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        await pilot.press("space", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    again = ExplorerApp(catalog)
    async with again.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        assert options(pilot, "profile-skills")[1] == "☑ Référencement naturel"
        assert options(pilot, "profile-ranking")[0].startswith("Rédacteur web — 1/3")


async def test_an_unknown_skill_is_said_and_kept_in_the_file(
    catalog: Catalog, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path.parent.mkdir(parents=True)
    path.write_text('version = 1\nskills = ["seo", "ancienne"]\n', "utf-8")
    app = ExplorerApp(catalog)
    told: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **options: told.append(message))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert told == [
            "Le profil contient une compétence inconnue du catalogue, gardée telle quelle : "
            "« ancienne »."
        ]
        await open_profile(pilot)
        await pilot.press("down", "space")  # tick analyse: the unknown id stays in the file
        await pilot.pause()
        assert saved(path) == ["seo", "ancienne", "analyse"]


async def test_the_comparison_marks_the_users_skills(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text('version = 1\nskills = ["budget"]\n', "utf-8")
    app = ExplorerApp(catalog, start_compare=("referenceur-seo", "referenceur-sea"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert "✓ dans votre profil" in text and "Gestion de budget ✓" in text


async def test_help_and_palette_list_the_profile(catalog: Catalog) -> None:
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Profil" in screen_text(app)
        await pilot.press("escape", "ctrl+p", *"profil")
        await pilot.pause(0.3)
        assert "Mon profil" in screen_text(app)


async def test_skill_labels_are_never_markup(content: ContentFactory) -> None:
    content.skills[0]["label"] = "Dev[Ops] [b]pas du gras[/b]"
    app = ExplorerApp(load_catalog(content.write()).catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        await pilot.press("space")
        await pilot.pause()
        assert "Dev[Ops] [b]pas du gras[/b]" in screen_text(app)
