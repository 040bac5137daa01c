"""Snapshots of the glossary screen and of the filter panel, on the fixed ContentFactory catalogue.

Update with `.venv/bin/pytest tests/test_snapshots_glossary.py --snapshot-update`, then look.
"""

from __future__ import annotations

from collections.abc import Callable
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


def _no_blink(app: ExplorerApp) -> None:
    for field in app.screen.query(Input):
        field.cursor_blink = False


@pytest.fixture
def root(content: ContentFactory) -> Path:
    # A fourth term with a long definition and accents, to show wrapping and the order.
    content.terms.append(
        {
            "id": "ecran",
            "term": "Écran de fin",
            "definition": (
                "Dernière page d'une vidéo ou d'un parcours, qui propose la suite : "
                "un autre produit, un abonnement, une inscription à la lettre d'information."
            ),
            "aliases": ["end screen"],
            "general": True,
        }
    )
    return content.write()


@pytest.mark.parametrize("size", SIZES)
def test_glossary_on_a_term(snap_compare: Snap, root: Path, size: tuple[int, int]) -> None:
    app = ExplorerApp(load_catalog(root).catalog)

    async def run_before(pilot: Pilot[Any]) -> None:
        app.open_glossary("seo")
        await pilot.pause()
        _no_blink(app)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_glossary_searching(snap_compare: Snap, root: Path, size: tuple[int, int]) -> None:
    app = ExplorerApp(load_catalog(root).catalog)

    async def run_before(pilot: Pilot[Any]) -> None:
        app.open_glossary()
        await pilot.pause()
        _no_blink(app)
        await pilot.press(*"S.E", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_filter_panel_with_chips(snap_compare: Snap, root: Path, size: tuple[int, int]) -> None:
    app = ExplorerApp(load_catalog(root).catalog)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        _no_blink(app)
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("space")  # family: Acquisition et trafic
        await pilot.press("tab", "home", "down", "down", "space")  # level: Bac+5
        await pilot.press("tab", "tab", *"ana", "enter", "space")  # skill: Analyse d'audience
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
