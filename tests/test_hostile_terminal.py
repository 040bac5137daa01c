"""Tiny and huge terminals, and resizing under a modal: nothing crashes, nothing needed is lost."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList

import explorer
from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.model.shortlist import Shortlist
from explorer.screens.compare import CompareScreen
from explorer.screens.export_dialog import ExportDialog
from explorer.screens.glossary import GlossaryScreen
from explorer.screens.help import HelpScreen
from explorer.screens.main import MainScreen
from explorer.screens.note_editor import NoteEditor
from explorer.screens.role_picker import RolePicker
from explorer.screens.shortlist import ShortlistScreen
from explorer.screens.too_small import TOO_SMALL_MESSAGE, TooSmallScreen
from tests.content_factory import ContentFactory
from tests.screen import screen_text

SEO, SEA, REDAC = "referenceur-seo", "referenceur-sea", "redacteur-web"
TINY, HUGE, USUAL = (40, 12), (250, 70), (80, 24)


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    return load_catalog(content.write()).catalog


@pytest.fixture
def shortlist(isolated_user_dirs: Path) -> Shortlist:
    shortlist = Shortlist.open(isolated_user_dirs / "shortlist.toml")
    shortlist.add(SEO, "première note")
    shortlist.add(REDAC)
    return shortlist


def assert_shown(app: ExplorerApp, *expected: str) -> None:
    text = screen_text(app)
    missing = [item for item in expected if item not in text]
    assert not missing, f"not on screen: {missing}\n{text}"


@pytest.mark.parametrize("size", [TINY, HUGE], ids=["40x12", "250x70"])
async def test_every_screen_works_at_extreme_sizes(
    catalog: Catalog, shortlist: Shortlist, size: tuple[int, int]
) -> None:
    app = ExplorerApp(catalog, shortlist=shortlist)
    app.animation_level = "none"  # scrolls jump at once: keys are checked, not motion
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        # Explorer: the tree, then the whole detail pane, scrolled to its end.
        assert_shown(app, "Référenceur SEA", "f s Ma sélection")
        await pilot.press("enter", "end")
        assert_shown(app, "Sources", "Fiche rédigée")  # the pane's last section
        # Help lists every key, and scrolls to the last one.
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert_shown(app, "Touches — Écran des métiers", "Chercher")
        await pilot.press("end")
        assert_shown(app, "Quitter", "Échap ou ? pour fermer")
        await pilot.press("escape")
        # Compare: both roles, scrolled to the last section.
        app.open_compare(SEO, SEA)
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert_shown(app, "Référenceur SEO", "Référenceur SEA", "en commun")
        await pilot.press("end")
        assert_shown(app, "Régie publicitaire")  # the last line of B's column
        await pilot.press("escape", "s")
        # Shortlist and glossary each show their content and take keys (the palette: below).
        assert isinstance(app.screen, ShortlistScreen)
        assert_shown(app, "1. Référenceur SEO", "Note : première note")
        await pilot.press("down", "shift+up")
        assert [entry.role for entry in shortlist.entries] == [REDAC, SEO]
        await pilot.press("escape", "g")
        assert isinstance(app.screen, GlossaryScreen)
        assert_shown(app, "CMS", "Outil de gestion")
        await pilot.press("down", "down", "down", "enter", "enter")  # SEO, then its first role
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.current_role is not None and screen.current_role.id == SEO
        assert app.is_running


Modal = tuple[
    Callable[[ExplorerApp, Pilot[Any]], Awaitable[None]],  # open it
    type[Screen[Any]],
    str,  # on screen at every size
    Callable[[ExplorerApp, Pilot[Any], Path], Awaitable[None]],  # use it, check the outcome
]


async def open_help(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    await pilot.press("question_mark")


async def close_help(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    await pilot.press("escape")
    assert isinstance(app.screen, MainScreen)


async def open_note(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    await pilot.press("s", "n")


async def save_note(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    await pilot.press("end", "x", "ctrl+s")
    assert isinstance(app.screen, ShortlistScreen)
    assert app.shortlist.entries[0].note == "première notex"
    assert Shortlist.open(app.shortlist.path or tmp_path).entries[0].note == "première notex"


async def open_confirm(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    await pilot.press("s", "e", "e")  # the second export asks before replacing the first


async def cancel_export(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    first = next(tmp_path.glob("shortlist-*.md"))
    before = first.read_bytes()
    await pilot.press("escape")  # cancels: nothing written, nothing replaced
    assert isinstance(app.screen, ShortlistScreen)
    assert first.read_bytes() == before
    assert len(list(tmp_path.glob("shortlist-*.md"))) == 1


async def open_picker(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    app.open_compare(SEO, REDAC)
    await pilot.pause()
    await pilot.press("b")


async def pick(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    await pilot.press(*"sea", "enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    assert (screen.role_a.id, screen.role_b.id) == (SEO, SEA)


async def open_palette(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+p")


async def jump(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    await pilot.press(*"redac")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MainScreen)
    assert screen.current_role is not None and screen.current_role.id == REDAC


MODALS: dict[str, Modal] = {
    "help": (open_help, HelpScreen, "Touches", close_help),
    "note editor": (open_note, NoteEditor, "Note pour", save_note),
    "confirm": (open_confirm, ExportDialog, "existe déjà", cancel_export),
    "role picker": (open_picker, RolePicker, "Remplacer B", pick),
    "command palette": (open_palette, CommandPalette, "Chercher un métier", jump),
}


@pytest.mark.parametrize("modal", list(MODALS))
async def test_resizing_while_a_modal_is_open(
    catalog: Catalog,
    shortlist: Shortlist,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    modal: str,
) -> None:
    opening, kind, visible_text, use = MODALS[modal]
    monkeypatch.chdir(tmp_path)  # where exports go
    app = ExplorerApp(catalog, shortlist=shortlist)
    app.animation_level = "none"  # scrolls jump at once: keys are checked, not motion
    async with app.run_test(size=USUAL) as pilot:
        await pilot.pause()
        await opening(app, pilot)
        await pilot.pause()
        for size in [TINY, HUGE, TINY, USUAL]:
            await pilot.resize_terminal(*size)
            assert isinstance(app.screen, kind), size
            assert app.screen.size == size
            assert_shown(app, visible_text)
        await use(app, pilot, tmp_path)
        assert app.is_running


async def test_a_terminal_below_the_minimum_shows_one_line_and_resumes(bundled: Catalog) -> None:
    # Issue 25: these keys at 10x3 ended in `ValueError: range() arg 3 must not be zero`.
    app = ExplorerApp(bundled, shortlist=Shortlist.open(Path("unused.toml")))
    async with app.run_test(size=(10, 3)) as pilot:
        await pilot.pause()
        await pilot.press("s", "escape", "g", "escape", "question_mark", "escape", "F")
        await pilot.press("escape", "slash", *"seo", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert screen_text(app).splitlines()[0] == "Agrandiss…"
        await pilot.resize_terminal(*USUAL)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)  # no key reached it behind the line
        assert_shown(app, "Rechercher un métier")


async def test_starting_at_1x1_and_growing_step_by_step(bundled: Catalog, tmp_path: Path) -> None:
    app = ExplorerApp(bundled, shortlist=Shortlist.open(tmp_path / "shortlist.toml"))
    async with app.run_test(size=(1, 1)) as pilot:
        await pilot.pause()
        for size in [(5, 2), (39, 24), (80, 9)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen), size
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert TOO_SMALL_MESSAGE not in screen_text(app)


async def test_an_option_list_squeezed_to_nothing_lays_out() -> None:
    """The crash under the guard: Rich divides an option's text by a zero width."""

    class Squeezed(App[None]):
        CSS_PATH = Path(explorer.__file__).parent / "app.tcss"

        def compose(self) -> ComposeResult:
            yield OptionList("UX designer", "Référenceur SEO")

    app = Squeezed()
    async with app.run_test(size=(2, 3)) as pilot:
        await pilot.pause()
        assert app.is_running
