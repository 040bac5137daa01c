"""French spacing on screen: the space before « : ; ? ! » % » and after « « » never breaks a line.

Whatever the width, no line of prose starts with the punctuation that ends the phrase before
it, nor ends on an opening guillemet: in the fiche, the comparison and the glossary.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from explorer.app import ExplorerApp
from explorer.cli import catalog_commands
from explorer.cli import main as cli_main
from explorer.model import load_catalog
from tests.content_factory import ContentFactory
from tests.screen import screen_lines

SEO, SEA = "referenceur-seo", "referenceur-sea"
# Short words around every kind of space that must hold: at most widths, one of them falls
# at the end of a line.
PROSE = " ".join(["Il gère : le site ; les offres ? Oui ! Il dit « bonjour » à tous."] * 5)
WIDTHS = range(64, 101, 3)  # terminal columns


def broken(lines: list[str]) -> list[str]:
    """The lines a wrapper broke in the wrong place."""
    return [
        line
        for line in lines
        if line.strip() and (line.strip()[0] in ":;?!»%" or line.strip().endswith("«"))
    ]


def region_lines(app: ExplorerApp, selector: str) -> list[str]:
    region = app.screen.query_one(selector).content_region
    return [line[region.x : region.right] for line in screen_lines(app)[region.y : region.bottom]]


async def test_the_fiche_keeps_each_punctuation_mark_with_its_phrase(
    content: ContentFactory,
) -> None:
    content.roles[SEA]["summary"] = PROSE
    content.terms[1]["definition"] = PROSE  # SEA's, in the fiche's glossary links
    app = ExplorerApp(load_catalog(content.write()).catalog)
    async with app.run_test(size=(WIDTHS[0], 90)) as pilot:  # the whole fiche in view
        await pilot.pause()
        for width in WIDTHS:
            await pilot.resize_terminal(width, 90)
            await pilot.pause()
            for widget in ("#detail-body", "#term-links"):
                lines = region_lines(app, widget)
                assert sum("site" in line for line in lines) >= 2  # the prose is on screen
                assert broken(lines) == []
                assert any("\u00a0:" in line for line in lines)  # a space that cannot break
            nearest = region_lines(app, "#nearest-links")  # "… sur 6 (17 %)"
            assert any("%" in line for line in nearest) and broken(nearest) == []


async def test_the_comparison_keeps_each_punctuation_mark_with_its_phrase(
    content: ContentFactory,
) -> None:
    content.roles[SEA]["summary"] = PROSE
    app = ExplorerApp(load_catalog(content.write()).catalog)
    async with app.run_test(size=(WIDTHS[0], 60)) as pilot:
        await pilot.pause()
        app.open_compare(SEA, SEO)
        await pilot.pause()
        for width in WIDTHS:
            await pilot.resize_terminal(width, 60)
            await pilot.pause()
            lines = screen_lines(app)
            assert sum("site" in line for line in lines) >= 2
            assert broken(lines) == []


async def test_the_glossary_keeps_each_punctuation_mark_with_its_phrase(
    content: ContentFactory,
) -> None:
    content.terms[0]["definition"] = PROSE  # SEO
    app = ExplorerApp(load_catalog(content.write()).catalog)
    async with app.run_test(size=(WIDTHS[0], 40)) as pilot:
        await pilot.pause()
        app.open_glossary("seo")
        await pilot.pause()
        for width in WIDTHS:
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            lines = region_lines(app, "#glossary-definition")
            assert sum("site" in line for line in lines) >= 2
            assert broken(lines) == []


def test_explorer_show_in_a_terminal_keeps_each_punctuation_mark_with_its_phrase(
    content: ContentFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    content.roles[SEA]["summary"] = PROSE
    root = str(content.write())
    for width in WIDTHS:
        terminal = Console(file=io.StringIO(), width=width, force_terminal=True, color_system=None)
        monkeypatch.setattr(catalog_commands, "text_console", lambda t=terminal: t)
        assert cli_main(["--content", root, "show", SEA]) == 0
        lines = terminal.file.getvalue().splitlines()
        assert sum("site" in line for line in lines) >= 2
        assert broken(lines) == []
