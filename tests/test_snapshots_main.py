"""Snapshots of the explorer screen, a search in progress and the help screen.

On the fixed ContentFactory catalogue, so edits to the bundled content never change them.
Update with `.venv/bin/pytest tests/test_snapshots_main.py --snapshot-update`, then look.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from explorer.app import ExplorerApp
from explorer.model import load_catalog
from tests.content_factory import ContentFactory

SIZES = [(80, 24), (120, 36)]
Snap = Callable[..., bool]


@pytest.fixture
def root(content: ContentFactory) -> Path:
    return content.write()


def run(keys: Iterable[str] = (), theme: str | None = None) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        if theme is not None:
            app.theme = theme
        for field in app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()
        await pilot.press(*keys)
        app.clear_notifications()  # toasts time out: never part of a snapshot
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_explorer(snap_compare: Snap, root: Path, size: tuple[int, int]) -> None:
    app = ExplorerApp(load_catalog(root).catalog)
    assert snap_compare(app, terminal_size=size, run_before=run())


@pytest.mark.parametrize("size", SIZES)
def test_explorer_searching(snap_compare: Snap, root: Path, size: tuple[int, int]) -> None:
    app = ExplorerApp(load_catalog(root).catalog)
    assert snap_compare(app, terminal_size=size, run_before=run(["slash", *"seo"]))


def test_explorer_marked_in_the_light_theme(snap_compare: Snap, root: Path) -> None:
    app = ExplorerApp(load_catalog(root).catalog)
    # A favourite and a comparison mark, then into the detail pane: markers, focus, links.
    keys = ["j", "f", "c", "enter", "tab"]
    assert snap_compare(app, terminal_size=(120, 36), run_before=run(keys, theme="textual-light"))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Snap, root: Path, size: tuple[int, int]) -> None:
    app = ExplorerApp(load_catalog(root).catalog)
    assert snap_compare(app, terminal_size=size, run_before=run(["question_mark"]))
