"""A shortlist far bigger or stranger than expected: the screen and the CLI cope, nothing is lost."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from explorer.app import ExplorerApp
from explorer.cli import main
from explorer.model import load_catalog
from explorer.model.shortlist import Shortlist, ShortlistEntry, dump, parse
from explorer.screens.main import MainScreen
from explorer.screens.note_editor import NoteEditor
from explorer.screens.shortlist import ShortlistScreen
from tests.content_factory import ContentFactory
from tests.screen import screen_text

SEO, SEA, REDAC = "referenceur-seo", "referenceur-sea", "redacteur-web"
DAY = date(2025, 3, 12)
# 100,000 characters over many lines: brackets, quotes, backslashes, emoji, a TOML-looking line.
LONG_NOTE = "\n".join(
    f'Ligne {i} : "guillemets" [b]crochets[/b] \\ \'apostrophe\' 🙂 [[entry]] role = "x"'
    for i in range(1400)
)[:100_000].strip()


def cli(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--content", str(root), "shortlist", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def on_disk(path: Path) -> list[ShortlistEntry]:
    return parse(path.read_bytes())


@dataclass
class Case:
    prepare: Callable[[Path], None]
    in_app: Callable[[ExplorerApp, Pilot[Any], Path], Awaitable[None]]
    on_the_command_line: Callable[[pytest.CaptureFixture[str], Path, Path], None]


# --- a shortlist naming 500 roles, most of them absent from the catalogue ------------------------

FIVE_HUNDRED = [
    ShortlistEntry(SEO, DAY, "gardé"),
    *(ShortlistEntry(f"metier-disparu-{i:03}", DAY, f"note {i}") for i in range(498)),
    ShortlistEntry(SEA, DAY),
]


def write_500(path: Path) -> None:
    path.write_bytes(dump(FIVE_HUNDRED))


async def app_500(app: ExplorerApp, pilot: Pilot[Any], path: Path) -> None:
    text = screen_text(app)
    assert "500 métiers dans Ma sélection" in text
    assert "1. Référenceur SEO / Référenceuse SEO" in text
    assert "2. metier-disparu-000" in text and "métier absent du catalogue actuel" in text
    before = path.read_bytes()
    await pilot.press("end", "d")  # remove the last one, then undo
    assert len(on_disk(path)) == 499
    await pilot.press("u")
    assert path.read_bytes() == before
    await pilot.press("home", "down", "enter")  # an absent role explains itself, stays listed
    assert isinstance(app.screen, ShortlistScreen)
    await pilot.press("up", "enter")
    assert isinstance(app.screen, MainScreen)
    await pilot.press("down", "down", "down", "f")  # Rédacteur web joins, at the end
    assert on_disk(path) == [*FIVE_HUNDRED, on_disk(path)[-1]]
    assert on_disk(path)[-1].role == REDAC


def cli_500(capsys: pytest.CaptureFixture[str], root: Path, path: Path) -> None:
    code, out, _ = cli(capsys, root, "list", "--json")
    entries = json.loads(out)["entries"]
    assert code == 0 and len(entries) == 500
    assert [e["known"] for e in entries].count(True) == 2
    assert [(e["role"], e["note"]) for e in entries] == [(e.role, e.note) for e in FIVE_HUNDRED]
    code, out, _ = cli(capsys, root, "list")
    assert code == 0 and "500. referenceur-sea" in out and out.count("métier absent") == 498
    assert cli(capsys, root, "remove", "metier-disparu-250")[0] == 0
    assert cli(capsys, root, "add", REDAC, "--note", "nouveau")[0] == 0
    expected = [e for e in FIVE_HUNDRED if e.role != "metier-disparu-250"]
    assert on_disk(path)[:-1] == expected
    assert (on_disk(path)[-1].role, on_disk(path)[-1].note) == (REDAC, "nouveau")


# --- a note of 100,000 characters ----------------------------------------------------------------


def write_long_note(path: Path) -> None:
    path.write_bytes(dump([ShortlistEntry(SEO, DAY, LONG_NOTE), ShortlistEntry(SEA, DAY)]))


async def app_long_note(app: ExplorerApp, pilot: Pilot[Any], path: Path) -> None:
    text = screen_text(app)
    assert 'Note : Ligne 0 : "guillemets" [b]crochets[/b]' in text
    assert "Ligne 2 :" in text and "Ligne 3 :" not in text  # three lines, then "…"
    assert "2. Référenceur SEA" in text
    before = path.read_bytes()
    await pilot.press("n")
    assert isinstance(app.screen, NoteEditor)
    await pilot.press("ctrl+s")  # saved untouched: not one byte changes
    assert path.read_bytes() == before
    await pilot.press("n")
    await pilot.press("x", "ctrl+s")
    assert on_disk(path)[0].note == LONG_NOTE + "x"
    await pilot.press("e")
    markdown = next(path.parent.parent.glob("shortlist-*.md")).read_text(encoding="utf-8")
    assert markdown.count("> Ligne ") == LONG_NOTE.count("\n") + 1


def cli_long_note(capsys: pytest.CaptureFixture[str], root: Path, path: Path) -> None:
    code, out, _ = cli(capsys, root, "list", "--json")
    assert code == 0 and json.loads(out)["entries"][0]["note"] == LONG_NOTE
    code, out, _ = cli(capsys, root, "list")
    assert code == 0 and out.count("Ligne ") == LONG_NOTE.count("\n") + 1
    assert cli(capsys, root, "add", SEO, "--note", "courte")[0] == 0  # replaced on purpose
    assert cli(capsys, root, "remove", SEA)[0] == 0
    assert [(e.role, e.note) for e in on_disk(path)] == [(SEO, "courte")]


# --- the file replaced by a directory ------------------------------------------------------------


def directory_in_place(path: Path) -> None:
    path.mkdir()
    (path / "precious.txt").write_text("à garder", encoding="utf-8")


def directory_intact(path: Path) -> None:
    assert path.is_dir()
    assert [p.name for p in path.iterdir()] == ["precious.txt"]
    assert (path / "precious.txt").read_text(encoding="utf-8") == "à garder"


async def app_directory(app: ExplorerApp, pilot: Pilot[Any], path: Path) -> None:
    warnings = [n.message for n in app._notifications if "Impossible d'enregistrer" in n.message]
    assert len(warnings) == 1 and "gardée en mémoire" in warnings[0]
    assert "Ma sélection est vide" in screen_text(app)
    await pilot.press("escape", "f")  # works for the session, in memory
    await pilot.press("s")
    assert "1 métier dans Ma sélection · non enregistrée (gardée en mémoire)" in screen_text(app)
    await pilot.press("n", "x", "ctrl+s", "d", "u")
    assert [(e.role, e.note) for e in app.shortlist.entries] == [(SEA, "x")]
    directory_intact(path)


def cli_directory(capsys: pytest.CaptureFixture[str], root: Path, path: Path) -> None:
    code, out, err = cli(capsys, root, "list")
    assert code == 0 and "Votre sélection est vide" in out
    assert "attention : Impossible d'enregistrer" in err and "dossier" in err
    code, out, err = cli(capsys, root, "add", SEO)
    assert (code, out) == (1, "")
    assert "rien n'a été modifié" in err and "Traceback" not in err
    directory_intact(path)


# --- a readable TOML file that is not a shortlist (another tool's, or written by hand) -----------

NOT_OURS = '[[entries]]\nrole = "webmaster"\nnote = "ma liste à moi"\n'.encode()


def write_not_ours(path: Path) -> None:
    path.write_bytes(NOT_OURS)


def kept_aside(path: Path) -> Path:
    [aside] = path.parent.glob("shortlist.toml.corrupt-*")
    assert aside.read_bytes() == NOT_OURS
    return aside


async def app_not_ours(app: ExplorerApp, pilot: Pilot[Any], path: Path) -> None:
    warnings = [n.message for n in app._notifications if "mis de côté" in n.message]
    aside = kept_aside(path)
    assert len(warnings) == 1 and str(aside) in warnings[0] and "version" in warnings[0]
    assert "Ma sélection est vide" in screen_text(app)
    await pilot.press("escape", "f")
    assert [e.role for e in on_disk(path)] == [SEA]
    assert kept_aside(path) == aside


def cli_not_ours(capsys: pytest.CaptureFixture[str], root: Path, path: Path) -> None:
    for aside in path.parent.glob("shortlist.toml.corrupt-*"):
        aside.unlink()  # the app's copy: this run starts again from the file as first written
    code, out, err = cli(capsys, root, "list")
    assert code == 0 and "Votre sélection est vide" in out
    aside = kept_aside(path)
    assert err.count("\n") == 1 and "mis de côté" in err and str(aside) in err
    assert cli(capsys, root, "add", SEO)[0] == 0
    assert [e.role for e in on_disk(path)] == [SEO] and kept_aside(path) == aside


CASES = {
    "500 roles, most absent": Case(write_500, app_500, cli_500),
    "100,000-character note": Case(write_long_note, app_long_note, cli_long_note),
    "file replaced by a directory": Case(directory_in_place, app_directory, cli_directory),
    "another tool's TOML file": Case(write_not_ours, app_not_ours, cli_not_ours),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_hostile_shortlist_screen_and_cli_lose_nothing(
    content: ContentFactory,
    isolated_user_dirs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
) -> None:
    root = content.write()
    path = isolated_user_dirs / "shortlist.toml"
    path.parent.mkdir(parents=True)
    CASES[case].prepare(path)
    monkeypatch.chdir(isolated_user_dirs.parent)  # where exports go
    app = ExplorerApp(load_catalog(root).catalog, shortlist=Shortlist.open(path))
    app.animation_level = "none"  # scrolls jump at once: keys are checked, not motion
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.open_shortlist()
        await pilot.pause()
        await CASES[case].in_app(app, pilot, path)
        assert app.is_running
    # Then the command line, on the file as first written.
    if not path.is_dir():
        CASES[case].prepare(path)
    CASES[case].on_the_command_line(capsys, root, path)
