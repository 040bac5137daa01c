"""Content built to break a terminal UI shows literally on every screen, runs nothing, stays usable.

One role per hostile string carries it in every free-text field, with its own family, skill,
glossary term and shortlist note; each screen is then read back as the terminal shows it. A
second group pushes sizes to extremes: a huge title, 2,000 missions, nothing at all.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.model.shortlist import Shortlist, ShortlistEntry, dump
from explorer.model.typography import NBSP, french_spaces
from explorer.screens.compare import CompareScreen
from explorer.screens.glossary import GlossaryScreen
from explorer.screens.help import HelpScreen
from explorer.screens.main import MainScreen
from explorer.screens.note_editor import NoteEditor
from explorer.screens.shortlist import ShortlistScreen
from tests.content_factory import ContentFactory
from tests.screen import screen_text

DAY = date(2025, 3, 12)
WIDE = (250, 70)  # wide enough for every hostile line to stay on one screen row
# Anything that could move the cursor, clear the screen or flip a line, once in a terminal.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|])")

# (as written in the content file, as it must be shown)
HOSTILE: list[tuple[str, str]] = [
    (  # markup and actions
        "[b]g[/b] [/] [@click=app.quit]q[/] [link=https://x.fr]l[/link]",
        "[b]g[/b] [/] [@click=app.quit]q[/] [link=https://x.fr]l[/link]",
    ),
    (  # ANSI escapes: clear screen, colour, window title
        "\x1b[2J\x1b[31mrouge\x1b[0m\x1b]0;titre\x07",
        "␛[2J␛[31mrouge␛[0m␛]0;titre␇",
    ),
    (  # other C0 and C1 control characters
        "a\x00b\x08c\rd\x0be\x7ff\x9bg\x85h",
        "a␀b␈c␍d␋e␡f\ufffdg\ufffdh",
    ),
    (  # right-to-left scripts and bidirectional overrides
        "مرحبا שלום \u202eàl'envers\u202c \u2067x\u2069",
        "مرحبا שלום àl'envers x",
    ),
    ("Cafe\u0301 n\u0303 e\u0301\u0323", "Cafe\u0301 n\u0303 e\u0301\u0323"),  # combining
    (  # emoji, ZWJ sequences, a flag, a variation selector
        "🛒 👩\u200d💻 👨\u200d👩\u200d👧 🇫🇷 ✔\ufe0f",
        "🛒 👩\u200d💻 👨\u200d👩\u200d👧 🇫🇷 ✔\ufe0f",
    ),
]
# A note is the user's own multi-line text: \r, \x0b and \x85 end a line there, as they should.
NOTES: dict[int, tuple[str, str]] = {2: ("a\x00b\x08c\x1b[2Jd\x7fe\x9bf", "a␀b␈c␛[2Jd␡e\ufffdf")}
CASES = range(len(HOSTILE))


def role_id(case: int) -> str:
    return f"hostile-{case}"


def note(case: int) -> tuple[str, str]:
    raw, shown = NOTES.get(case, HOSTILE[case])
    return f"Note {raw}\nSuite {raw}", f"Note {shown}"


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    """Role hostile-N, family famille-N, skill s-N and term t-N all carry hostile string N."""
    for case, (raw, _) in enumerate(HOSTILE):
        content.families.append(
            {"id": f"famille-{case}", "title": f"Famille {raw}", "summary": f"Résumé {raw}"}
        )
        content.skills.append(
            {"id": f"s-{case}", "label": f"Compétence {raw}", "category": "technique"}
        )
        content.terms.append(
            {
                "id": f"t-{case}",
                "term": f"Terme{case} {raw}",
                "definition": f"Définition {raw}",
                "aliases": [f"Alias terme {raw}"],
            }
        )
        content.roles[role_id(case)] = {
            "title": f"Zorglub{case} {raw}",
            "title_feminine": f"Zorglubine{case} {raw}",
            "aliases": [f"Alias {raw}"],
            "family": f"famille-{case}",
            "summary": f"Résumé {raw}",
            "missions": [f"Mission {raw}", "Autre mission"],
            "skills": [f"s-{case}", "analyse"],
            "tools": [f"Outil {raw}"],
            "access": [f"Voie {raw}"],
            "context": f"Contexte {raw}",
            "terms": [f"t-{case}"],
            "sources": [f"Source {raw}"],
        }
    result = load_catalog(content.write())
    assert [str(issue) for issue in result.issues] == []
    return result.catalog


def assert_shown(app: ExplorerApp, *expected: str) -> None:
    """Each expected text is on screen as is, and no control character reaches the terminal."""
    text = screen_text(app)
    missing = [item for item in expected if item not in text]
    assert not missing, f"not on screen: {missing}\n{text}"
    controls = CONTROL.findall(text.replace("\n", ""))
    assert not controls, controls


def markdown_literal(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", french_spaces(text))


Visit = Callable[[ExplorerApp, Pilot[Any], Path], Awaitable[None]]


async def explorer_and_detail(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    for case, (_, shown) in enumerate(HOSTILE):
        app.open_role(role_id(case))
        await pilot.pause()
        assert_shown(
            app,
            f"Zorglub{case} {shown} / Zorglubine{case} {shown}",
            f"Famille {shown}",
            f"Aussi appelé\u00a0: Alias {shown}",  # French spacing: that space never breaks
            f"Résumé {shown}",
            f"• Mission {shown}",
            f"Technique\u00a0: Compétence {shown} · Analyse d'audience",
            f"Outil {shown}",
            f"• Voie {shown}",
            f"Contexte {shown}",
            f"Terme{case} {shown} — Définition {shown}",
            f"Source {shown}",
        )
    await pilot.click("#detail-body", offset=(25, 0))  # aliases: on the text of a fake link
    screen = app.screen
    assert isinstance(screen, MainScreen)
    assert screen.current_role is not None and screen.current_role.id == role_id(5)
    await pilot.press("escape", "up", "up")  # back to the tree, over a family line, up a role
    assert screen.current_role is not None and screen.current_role.id == role_id(4)


async def compare(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    for a, b in [(0, 1), (2, 3), (4, 5)]:
        app.open_compare(role_id(a), role_id(b))
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        for case, other in [(a, b), (b, a)]:
            shown = HOSTILE[case][1]
            assert_shown(
                app,
                f"Zorglub{case} {shown} /",
                f"Famille {shown}",
                f"Résumé {shown}",
                f"· Mission {shown}",
                f"○ Compétence {shown}",
                f"Pour passer de Zorglub{case} {shown} à Zorglub{other}",
            )
        await pilot.press("escape")
    await pilot.press("escape")
    app.open_compare(role_id(0), role_id(1))
    await pilot.press("s")  # a key still works: the sides swap
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    assert (screen.role_a.id, screen.role_b.id) == (role_id(1), role_id(0))


async def shortlist(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    await pilot.press("s")
    assert isinstance(app.screen, ShortlistScreen)
    for case, (_, shown) in enumerate(HOSTILE):
        assert_shown(
            app,
            f"{case + 1}. Zorglub{case} {shown} /",
            f"Famille {shown} · ajouté le 12/03/2025",
            f"Note : {note(case)[1]}",
        )
    await pilot.press("shift+down")
    assert [entry.role for entry in app.shortlist.entries][:2] == [role_id(1), role_id(0)]


async def note_editor(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    path = app.shortlist.path
    assert path is not None
    saved = path.read_bytes()
    await pilot.press("s")
    for case, (_, shown) in enumerate(HOSTILE):
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        assert_shown(app, f"Note pour Zorglub{case} {shown}", note(case)[1])
        # Saved untouched, then cancelled: the file keeps every byte, controls included.
        await pilot.press("ctrl+s" if case % 2 else "escape", "down")
        assert isinstance(app.screen, ShortlistScreen)
    assert path.read_bytes() == saved
    await pilot.press("n")  # editing still works, and saves
    assert isinstance(app.screen, NoteEditor)
    await pilot.press("x", "ctrl+s")
    # The list does not wrap: the cursor stayed on the last entry, the one edited.
    last = len(HOSTILE) - 1
    assert app.shortlist.entries[last].note == note(last)[0] + "x"


async def glossary(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    for case, (_, shown) in enumerate(HOSTILE):
        app.open_glossary(f"t-{case}")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert_shown(
            app,
            f"Alias terme {shown}",
            f"Définition {shown}",
            f"Zorglub{case} {shown} /",
        )
    await pilot.press("tab", "enter", "enter")  # a key still works: to the role using the term
    screen = app.screen
    assert isinstance(screen, MainScreen)
    assert screen.current_role is not None and screen.current_role.id == role_id(5)


async def help_screen(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    app.open_role(role_id(0))
    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen)
    assert_shown(
        app, "Touches — Écran des métiers", "f  Ajouter à Ma sélection", f"Zorglub0 {HOSTILE[0][1]}"
    )
    await pilot.press("escape", "down", "down")  # over the family line, to the next role
    screen = app.screen
    assert isinstance(screen, MainScreen)
    assert screen.current_role is not None and screen.current_role.id == role_id(1)


async def palette(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    await pilot.press("ctrl+p", *"zorglub")
    await pilot.pause(0.3)
    assert isinstance(app.screen, CommandPalette)
    assert_shown(
        app,
        *(f"Zorglub{case} {shown} /" for case, (_, shown) in enumerate(HOSTILE)),
        *(f"Famille {shown}" for _, shown in HOSTILE),
    )
    await pilot.press("down", "down", "enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MainScreen)
    assert screen.current_role is not None and screen.current_role.id == role_id(2)


async def export(app: ExplorerApp, pilot: Pilot[Any], tmp_path: Path) -> None:
    await pilot.press("s", "e")
    markdown = next(tmp_path.glob("shortlist-*.md")).read_text(encoding="utf-8")
    assert not CONTROL.search(markdown.replace("\n", ""))
    for case, (_, shown) in enumerate(HOSTILE):
        for prefix, literal in [
            (f"## {case + 1}. ", f"Zorglub{case} {shown} / Zorglubine{case} {shown}"),
            (f"*Famille{NBSP}: ", f"Famille {shown}"),
            ("\n", f"Résumé {shown}"),
            ("- ", f"Mission {shown}"),
            (f"- **Technique**{NBSP}: ", f"Compétence {shown}, Analyse d'audience"),
            ("> ", note(case)[1]),
        ]:
            assert prefix + markdown_literal(literal) in markdown, (literal, markdown)
    await pilot.press("d")  # a key still works
    assert len(app.shortlist) == len(HOSTILE) - 1


SCREENS: dict[str, Visit] = {
    "explorer and detail": explorer_and_detail,
    "compare": compare,
    "shortlist": shortlist,
    "note editor": note_editor,
    "glossary": glossary,
    "help": help_screen,
    "palette": palette,
    "markdown export": export,
}


@pytest.mark.parametrize("screen", list(SCREENS))
async def test_hostile_text_is_shown_literally_and_runs_nothing(
    catalog: Catalog,
    isolated_user_dirs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    screen: str,
) -> None:
    path = isolated_user_dirs / "shortlist.toml"
    path.parent.mkdir(parents=True)
    path.write_bytes(dump([ShortlistEntry(role_id(c), DAY, note(c)[0]) for c in CASES]))
    monkeypatch.chdir(tmp_path)  # where the export goes
    app = ExplorerApp(catalog, shortlist=Shortlist.open(path))
    app.animation_level = "none"  # scrolls jump at once: keys are checked, not motion
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await SCREENS[screen](app, pilot, tmp_path)
        assert app.is_running and app.return_code is None


# --- size extremes ------------------------------------------------------------------------------

SMALL = (100, 30)
SEO, SEA = "referenceur-seo", "referenceur-sea"
LONG_TITLE = "Long" + "x" * 9996


def inside_screen(app: ExplorerApp, selector: str) -> bool:
    """The widget is shown, with at least a row, wholly within the terminal."""
    region = app.screen.query_one(selector).region
    width, height = app.size
    return region.height > 0 and region.y >= 0 and region.bottom <= height and region.right <= width


async def long_title(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    app.open_role(SEO)
    await pilot.pause()
    assert_shown(app, "Long" + "x" * 40)  # wrapped in the detail pane, which scrolls past it
    await pilot.press("enter", "end")
    assert_shown(app, "Sources", "000.txt")
    app.open_compare(SEO, SEA)
    await pilot.pause()
    # The comparison itself keeps most of the screen; the title is cut to a few lines.
    assert app.screen.query_one("#scroll-a").region.height >= SMALL[1] // 2
    assert_shown(app, "Référenceur SEA / Référenceuse SEA", "Famille", "Missions")
    await pilot.press("a")
    assert inside_screen(app, "#picker-query") and inside_screen(app, "#picker-results")
    await pilot.press(*"sea")
    assert_shown(app, "Remplacer A :", "Longxxxx", "entrée pour choisir, Échap pour annuler")
    await pilot.press("escape", "escape", "s", "n")
    assert inside_screen(app, "#note-text") and inside_screen(app, "#note-hint")
    await pilot.press("x", "ctrl+s")
    assert app.shortlist.entries[0].note == "x"


async def many_missions(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    app.open_role(SEO)
    await pilot.pause()
    assert_shown(app, "• Mission n° 0", "• Mission n° 1")
    await pilot.press("enter", "end")  # into the detail pane, to its very end
    assert_shown(app, "Sources", "000.txt")
    await pilot.press("pageup")
    assert_shown(app, "• Mission n° 1999")
    app.open_compare(SEO, SEA)
    await pilot.pause()
    assert_shown(app, "· Mission n° 0", "Créer les campagnes")


async def empty_catalogue(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    assert_shown(app, "0 famille · 0 métier", "Le catalogue ne contient aucun métier.")
    assert "dossier de contenu vide" in str(app.content_issues[0])
    await pilot.press("f")
    assert app._notifications and list(app._notifications)[-1].message.startswith("Placez d'abord")
    await pilot.press("/", "x")
    assert_shown(app, "Aucun métier ne correspond à «\u00a0x\u00a0»")
    await pilot.press("escape", "escape", "g")
    assert isinstance(app.screen, GlossaryScreen)
    assert_shown(app, "Le glossaire de ce catalogue ne contient aucun terme.")
    await pilot.press("escape", "s")
    assert_shown(app, "1. referenceur-seo", "métier absent du catalogue actuel")  # kept
    await pilot.press("escape", "ctrl+p", "x")
    await pilot.pause(0.3)
    assert isinstance(app.screen, CommandPalette)
    await pilot.press("escape", "question_mark")
    assert isinstance(app.screen, HelpScreen)


async def family_without_roles(app: ExplorerApp, pilot: Pilot[Any]) -> None:
    assert_shown(app, "Famille vide · 0", "Rédacteur web / Rédactrice web")
    screen = app.screen
    assert isinstance(screen, MainScreen)
    await pilot.press("end")  # the last line of the tree: the empty family
    assert_shown(app, "Personne ici.")
    await pilot.press("enter", "right", "f")  # nothing to open or mark: a hint, no crash
    assert list(app._notifications)[-1].message.startswith("Placez d'abord")
    await pilot.press("home", "down")
    assert screen.current_role is not None


def with_long_title(content: ContentFactory) -> Path:
    content.roles[SEO]["title"] = LONG_TITLE
    return content.write()


def with_many_missions(content: ContentFactory) -> Path:
    content.roles[SEO]["missions"] = [f"Mission n° {i}" for i in range(2000)]
    return content.write()


def nothing_at_all(content: ContentFactory) -> Path:
    content.root.mkdir()
    return content.root


def with_an_empty_family(content: ContentFactory) -> Path:
    content.families.append({"id": "vide", "title": "Famille vide", "summary": "Personne ici."})
    return content.write()


EXTREMES: dict[str, tuple[Callable[[ContentFactory], Path], Callable[..., Awaitable[None]]]] = {
    "10,000-character title": (with_long_title, long_title),
    "2,000 missions": (with_many_missions, many_missions),
    "empty catalogue": (nothing_at_all, empty_catalogue),
    "family with no roles": (with_an_empty_family, family_without_roles),
}


@pytest.mark.parametrize("case", list(EXTREMES))
async def test_extreme_sizes_leave_every_screen_usable(
    content: ContentFactory, isolated_user_dirs: Path, case: str
) -> None:
    build, visit = EXTREMES[case]
    result = load_catalog(build(content))
    shortlist = Shortlist.open(isolated_user_dirs / "shortlist.toml")
    shortlist.add(SEO)
    app = ExplorerApp(result.catalog, issues=result.issues, shortlist=shortlist)
    app.animation_level = "none"  # scrolls jump at once: keys are checked, not motion
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        await visit(app, pilot)
        assert app.is_running and app.return_code is None
