"""The shortlist screen, key by key: what the user sees and what ends up on disk."""

from __future__ import annotations

import gc
import tomllib
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TextArea

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.model.shortlist import ABSENT_ROLE, Shortlist, ShortlistEntry, dump
from explorer.screens.compare import CompareScreen
from explorer.screens.export_dialog import ExportDialog
from explorer.screens.main import MainScreen
from explorer.screens.note_editor import NoteEditor
from explorer.screens.shortlist import EMPTY_MESSAGE, EXPORTED, ShortlistScreen, file_and_folder
from tests.content_factory import ContentFactory
from tests.screen import screen_lines

DAY = date(2025, 3, 12)
SIZE = (100, 40)


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    return load_catalog(content.write()).catalog


@pytest.fixture
def path(isolated_user_dirs: Path) -> Path:
    return isolated_user_dirs / "shortlist.toml"


def write_shortlist(path: Path, *entries: ShortlistEntry) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dump(entries))


def saved(path: Path) -> list[tuple[str, str]]:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(t["role"], t.get("note", "")) for t in document.get("entry", [])]


def three(path: Path) -> None:
    write_shortlist(
        path,
        ShortlistEntry("referenceur-seo", DAY, "Dev[Ops] [b]pas du gras[/b]"),
        ShortlistEntry("redacteur-web", DAY),
        ShortlistEntry("referenceur-sea", DAY),
    )


def entry_texts(pilot: Pilot[None]) -> list[str]:
    options = pilot.app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def highlighted(pilot: Pilot[None]) -> int | None:
    return pilot.app.screen.query_one(OptionList).highlighted


def footer(app: ExplorerApp) -> str:
    return screen_lines(app)[-1]


def notifications(app: ExplorerApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def toast_under(app: ExplorerApp, title: str) -> list[str]:
    """The lines a toast shows under its title (toasts sit at the right, after « ▌ »)."""
    toast = [line.rpartition("▌")[2].strip() for line in screen_lines(app)]
    return toast[toast.index(title) + 1 :]


async def export_through_the_dialog(pilot: Pilot[None], target: Path) -> None:
    """`e` while the day's file exists: the dialog, its path replaced by `target`, enter."""
    await pilot.press("e")
    await pilot.pause()
    field = pilot.app.screen.query_one("#export-path", Input)
    field.focus()
    field.value = ""
    await pilot.press(*str(target), "enter")
    await pilot.pause()
    await pilot.pause()  # the toast is drawn in the frame after the export


def exported(app: ExplorerApp) -> list[str]:
    """What the toasts titled « Ma sélection exportée » say."""
    return [n.message for n in app._notifications if n.title == EXPORTED]


async def open_screen(app: ExplorerApp, pilot: Pilot[None]) -> None:
    app.open_shortlist()
    await pilot.pause()
    assert isinstance(app.screen, ShortlistScreen)


async def test_entries_in_order_with_family_and_note(catalog: Catalog, path: Path) -> None:
    three(path)
    write_shortlist(
        path,
        *Shortlist.open(path).entries,
        ShortlistEntry("metier-disparu", date(2024, 1, 5), "ancien"),
    )
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        texts = entry_texts(pilot)
        assert texts[0].splitlines() == [
            "1. Référenceur SEO / Référenceuse SEO",
            "   Acquisition et trafic · ajouté le 12/03/2025",
            "   Note : Dev[Ops] [b]pas du gras[/b]",
        ]
        assert texts[1].startswith("2. Rédacteur web / Rédactrice web\n   Contenus et rédaction")
        assert texts[2].startswith("3. Référenceur SEA")
        assert texts[3].splitlines() == [
            "4. metier-disparu",
            f"   {ABSENT_ROLE} · ajouté le 05/01/2024",
            "   Note : ancien",
        ]
        status = app.screen.query_one("#shortlist-status", Static)
        assert "4 métiers dans Ma sélection" in str(status.render())


async def test_empty_shortlist_says_how_to_fill_it(
    catalog: Catalog, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        empty = app.screen.query_one("#shortlist-empty", Static)
        assert empty.display and str(empty.render()) == EMPTY_MESSAGE
        assert not app.screen.query_one(OptionList).display
        for key in ("enter", "n", "d", "u", "c", "shift+up", "e"):
            await pilot.press(key)
        assert isinstance(app.screen, ShortlistScreen)
        assert not path.exists()
        assert list(tmp_path.glob("*.md")) == []


async def test_s_on_the_explorer_opens_the_shortlist(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, ShortlistScreen)
        app.open_shortlist()  # never stacks a second one
        await pilot.pause()
        assert len(app.screen_stack) == 2


async def test_enter_opens_the_role_in_the_explorer(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    opened: list[str] = []
    app.open_role = opened.append  # type: ignore[method-assign,assignment]
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("down", "enter")
        assert opened == ["redacteur-web"]


async def test_enter_returns_to_the_explorer_screen(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_enter_on_a_role_absent_from_the_catalogue_explains(
    catalog: Catalog, path: Path
) -> None:
    write_shortlist(path, ShortlistEntry("metier-disparu", DAY))
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, ShortlistScreen)
        assert f"metier-disparu : {ABSENT_ROLE}." in notifications(app)


async def test_n_edits_the_note_and_saves_on_confirm(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("down", "n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Voir [ceci]", "enter", *"2e ligne")
        app.screen.query_one(TextArea).insert(" 🙂")  # pasted: no key press for an emoji
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ShortlistScreen)
        assert saved(path)[1] == ("redacteur-web", "Voir [ceci]\n2e ligne 🙂")
        assert entry_texts(pilot)[1].splitlines()[2:] == [
            "   Note : Voir [ceci]",
            "          2e ligne 🙂",
        ]
        assert highlighted(pilot) == 1


async def test_note_editor_starts_with_the_note_and_escape_changes_nothing(
    catalog: Catalog, path: Path
) -> None:
    three(path)
    before = path.read_bytes()
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("n")
        editor = app.screen.query_one(TextArea)
        assert editor.text == "Dev[Ops] [b]pas du gras[/b]"
        await pilot.press("backspace", "backspace", *"tout autre chose")
        await pilot.press("escape")
        assert isinstance(app.screen, ShortlistScreen)
        assert path.read_bytes() == before
        assert "Note : Dev[Ops] [b]pas du gras[/b]" in entry_texts(pilot)[0]


async def test_note_editor_buttons(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("n")
        app.screen.query_one(TextArea).text = "  par le bouton  \n"
        await pilot.click("#note-save")
        await pilot.pause()
        assert saved(path)[0] == ("referenceur-seo", "par le bouton")
        await pilot.press("n")
        app.screen.query_one(TextArea).text = "jamais"
        await pilot.click("#note-cancel")
        await pilot.pause()
        assert saved(path)[0] == ("referenceur-seo", "par le bouton")


async def test_d_removes_and_u_puts_it_back_at_its_place(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    # Wide: u is in the footer (compact, below 110 columns, the removal's notification names it).
    async with app.run_test(size=(140, 40)) as pilot:
        await open_screen(app, pilot)
        assert "Rétablir" not in footer(app)  # nothing to undo yet: not offered
        await pilot.press("down", "d")
        await pilot.pause()
        assert "u Rétablir" in footer(app)
        assert [role for role, _ in saved(path)] == ["referenceur-seo", "referenceur-sea"]
        assert len(entry_texts(pilot)) == 2
        assert highlighted(pilot) == 1  # the next entry takes its place under the cursor
        assert any("Rédacteur web" in m and "u pour annuler" in m for m in notifications(app))
        await pilot.press("d")  # then the last one
        assert [role for role, _ in saved(path)] == ["referenceur-seo"]
        await pilot.press("u")
        assert [role for role, _ in saved(path)] == ["referenceur-seo", "referenceur-sea"]
        await pilot.press("u")
        assert [role for role, _ in saved(path)] == [
            "referenceur-seo",
            "redacteur-web",
            "referenceur-sea",
        ]
        assert highlighted(pilot) == 1
        assert entry_texts(pilot)[1].startswith("2. Rédacteur web")
        await pilot.press("u")  # nothing left to undo: nothing happens
        assert len(saved(path)) == 3
        await pilot.pause()
        assert "Rétablir" not in footer(app)


async def test_a_closed_shortlist_screen_is_not_kept_in_memory(
    catalog: Catalog, path: Path
) -> None:
    # Opened and closed again and again, without the comparison mark or the profile changing.
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(3):
            await open_screen(app, pilot)
            await pilot.press("escape")
            await pilot.pause()
        assert not isinstance(app.screen, ShortlistScreen)
        gc.collect()
        assert not [item for item in gc.get_objects() if isinstance(item, ShortlistScreen)]


async def test_at_120_columns_undo_takes_the_place_of_back_and_quit_stays_in_the_footer(
    catalog: Catalog, path: Path
) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_screen(app, pilot)
        assert "Échap Retour" in footer(app) and "q Quitter" in footer(app)
        await pilot.press("d")
        await pilot.pause()
        assert "u Rétablir" in footer(app) and "q Quitter" in footer(app)
        assert "Échap Retour" not in footer(app)
        await pilot.press("escape")  # still closes the screen
        await pilot.pause()
        assert not isinstance(app.screen, ShortlistScreen)


async def test_the_screen_renumbers_the_entries_after_a_removal_a_move_and_an_undo(
    catalog: Catalog, path: Path
) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))

    async def numbered() -> list[str]:
        await pilot.pause()
        return [
            line.strip() for line in screen_lines(app) if line.strip()[:2] in ("1.", "2.", "3.")
        ]

    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("d")  # the first one: every entry below it moves up one place
        assert await numbered() == [
            "1. Rédacteur web / Rédactrice web",
            "2. Référenceur SEA / Référenceuse SEA",
        ]
        await pilot.press("shift+down")
        assert await numbered() == [
            "1. Référenceur SEA / Référenceuse SEA",
            "2. Rédacteur web / Rédactrice web",
        ]
        await pilot.press("u")
        assert await numbered() == [
            "1. Référenceur SEO / Référenceuse SEO",
            "2. Référenceur SEA / Référenceuse SEA",
            "3. Rédacteur web / Rédactrice web",
        ]


async def test_removing_every_entry_shows_the_empty_message(catalog: Catalog, path: Path) -> None:
    write_shortlist(path, ShortlistEntry("redacteur-web", DAY))
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("d")
        assert app.screen.query_one("#shortlist-empty").display
        await pilot.press("u")
        assert not app.screen.query_one("#shortlist-empty").display
        assert saved(path) == [("redacteur-web", "")]


async def test_shift_up_and_down_reorder(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("shift+down")
        assert [role for role, _ in saved(path)] == [
            "redacteur-web",
            "referenceur-seo",
            "referenceur-sea",
        ]
        assert highlighted(pilot) == 1  # the cursor follows the moved entry
        await pilot.press("shift+down", "shift+down")  # already last: stays there
        assert [role for role, _ in saved(path)][-1] == "referenceur-seo"
        await pilot.press("shift+up")
        assert [role for role, _ in saved(path)] == [
            "redacteur-web",
            "referenceur-seo",
            "referenceur-sea",
        ]
        assert entry_texts(pilot)[1].startswith("2. Référenceur SEO")
        assert highlighted(pilot) == 1


async def test_c_on_two_entries_compares_them(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("c")
        assert "◆ à comparer" in entry_texts(pilot)[0].splitlines()[0]
        status = str(app.screen.query_one("#shortlist-status", Static).render())
        assert "Référenceur SEO marqué" in status
        await pilot.press("down", "down", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        comparison = app.screen.comparison
        assert (comparison.a.id, comparison.b.id) == ("referenceur-seo", "referenceur-sea")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ShortlistScreen)
        assert "◆" not in "".join(entry_texts(pilot))  # the mark is used up


async def test_c_twice_on_the_same_entry_unmarks_it(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("c", "c")
        assert isinstance(app.screen, ShortlistScreen)
        assert "◆" not in "".join(entry_texts(pilot))


async def test_e_exports_to_the_current_folder_and_asks_before_replacing(
    catalog: Catalog, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    three(path)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    target = work / f"shortlist-{date.today().isoformat()}.md"
    second = work / f"shortlist-{date.today().isoformat()}-2.md"
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        text = target.read_text(encoding="utf-8")
        assert "## 1. Référenceur SEO / Référenceuse SEO" in text
        assert "> Dev\\[Ops\\] \\[b\\]pas du gras\\[/b\\]" in text
        assert f"{target.name}\ndans {work}" in exported(app)

        # An existing file: the user is asked, the full path shown; "Garder les deux".
        target.write_text("edited by hand", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert str(target) in str(app.screen.query_one("#export-question", Static).render())
        assert app.screen.query_one("#export-path", Input).value == str(target)
        await pilot.click("#export-keep")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "edited by hand"
        assert second.read_text(encoding="utf-8") == text
        assert f"{second.name}\ndans {work}" in exported(app)

        # "Remplacer" replaces it.
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#export-replace")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == text
        assert sorted(p.name for p in work.iterdir()) == [second.name, target.name]


async def test_export_confirm_defaults_to_keeping_the_file(
    catalog: Catalog, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    three(path)
    monkeypatch.chdir(tmp_path)
    target = tmp_path / f"shortlist-{date.today().isoformat()}.md"
    target.write_text("mine", encoding="utf-8")
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # the focused button is the safe one
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "mine"
        assert (tmp_path / f"shortlist-{date.today().isoformat()}-2.md").exists()


async def test_escape_closes_the_shortlist(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_screen_catches_up_with_changes_made_elsewhere(catalog: Catalog, path: Path) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    Shortlist.open(path).add("metier-du-terminal-voisin", added=DAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(app, pilot)
        assert entry_texts(pilot)[3].startswith("4. metier-du-terminal-voisin")


async def test_damaged_file_is_reported_once_at_start(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe not toml")
    app = ExplorerApp(catalog)  # the default shortlist, from EXPLORER_DATA_DIR
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [aside] = path.parent.glob("shortlist.toml.corrupt-*")
        messages = [m for m in notifications(app) if "illisible" in m]
        assert len(messages) == 1 and str(aside) in messages[0]
        await open_screen(app, pilot)
        assert app.screen.query_one("#shortlist-empty").display
        assert len([m for m in notifications(app) if "illisible" in m]) == 1


async def test_unwritable_folder_is_said_once_and_the_app_keeps_working(
    catalog: Catalog, isolated_user_dirs: Path
) -> None:
    isolated_user_dirs.parent.mkdir(parents=True, exist_ok=True)
    isolated_user_dirs.write_text("a file, not a folder", encoding="utf-8")
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        assert app.toggle_favourite("redacteur-web") is True
        assert app.toggle_favourite("referenceur-seo") is True
        await pilot.pause()
        warnings = [m for m in notifications(app) if "Impossible d'enregistrer" in m]
        assert len(warnings) == 1 and "mémoire" in warnings[0]
        await open_screen(app, pilot)
        assert len(entry_texts(pilot)) == 2
        await pilot.press("d", "shift+down")
        assert len(entry_texts(pilot)) == 1
        status = str(app.screen.query_one("#shortlist-status", Static).render())
        assert "non enregistrée" in status
    assert isolated_user_dirs.read_text(encoding="utf-8") == "a file, not a folder"


async def test_export_escape_in_the_dialog_writes_nothing(
    catalog: Catalog, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    three(path)
    monkeypatch.chdir(tmp_path)
    target = tmp_path / f"shortlist-{date.today().isoformat()}.md"
    target.write_text("mine", encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ShortlistScreen)
        assert sorted(tmp_path.iterdir()) == before
        assert target.read_text(encoding="utf-8") == "mine"
        assert "Export annulé : aucun fichier écrit." in notifications(app)


@pytest.mark.parametrize(
    ("where", "title"),
    [("ailleurs.md", EXPORTED), ("absent/liste.md", "Export impossible")],  # no such folder
)
async def test_export_path_is_editable_in_the_dialog_and_the_toast_says_where(
    catalog: Catalog,
    path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    title: str,
) -> None:
    three(path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / f"shortlist-{date.today().isoformat()}.md").write_text("mine", encoding="utf-8")
    target = tmp_path / where
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_screen(app, pilot)
        await export_through_the_dialog(pilot, target)
        # At 80 columns: the title, the file's name whole on the next line, then its folder.
        toast = toast_under(app, title)
        assert toast[0] == target.name
        assert toast[1].startswith("dans")
        if title == EXPORTED:
            assert "## 1. Référenceur SEO" in target.read_text(encoding="utf-8")
            assert file_and_folder(target) in exported(app)
        else:  # why, in French; nothing written
            assert "dossier introuvable" in toast[1:5]
            assert not target.parent.exists()


async def test_up_on_the_first_entry_stays_and_d_removes_what_is_highlighted(
    catalog: Catalog, path: Path
) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot)
        await pilot.press("up", "d")  # no wrap to the last entry
        await pilot.pause()
        assert [entry.role for entry in app.shortlist.entries] == [
            "redacteur-web",
            "referenceur-sea",
        ]
        await pilot.press("down", "down", "down", "d")
        assert [entry.role for entry in app.shortlist.entries] == ["redacteur-web"]


@pytest.mark.parametrize("width", [80, 120])
async def test_reorder_keys_are_in_the_footer(catalog: Catalog, path: Path, width: int) -> None:
    three(path)
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    async with app.run_test(size=(width, 24)) as pilot:
        await open_screen(app, pilot)
        await pilot.pause()
        footer = " ".join(screen_lines(app)[-1].split())
        assert "⇧↑ ⇧↓ Déplacer" in footer
        assert "q Quitter" in footer  # nothing cut at the end
        await pilot.press("shift+down")
        assert [entry.role for entry in app.shortlist.entries][:2] == [
            "redacteur-web",
            "referenceur-seo",
        ]
