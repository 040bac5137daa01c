"""Snapshots of « Décoder une annonce », empty and with an ad, on the fixed ContentFactory catalogue.

Update with `.venv/bin/pytest tests/test_snapshots_decode.py --snapshot-update`, then look.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import TextArea

from explorer.app import ExplorerApp
from explorer.model import load_catalog
from explorer.model.shortlist import Shortlist
from explorer.screens.decode import DecodeScreen
from tests.content_factory import ContentFactory

SIZES = [(80, 24), (120, 36)]
Snap = Callable[..., bool]
AD = (
    "Référenceur·euse S.E.O. (H/F)\n"
    "Vous choisissez les mots-clés, suivez les positions et auditez le site.\n"
    "Vous rédigez avec l'équipe les textes optimisés pour le SEO, dans notre CMS.\n"
    "Curiosité et goût de l'analyse d'audience."
)


def decoding(ad: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DecodeScreen)
        screen.query_one(TextArea).cursor_blink = False
        if ad:
            app.post_message(events.Paste(ad))
            for _ in range(200):
                await pilot.pause(0.02)
                if screen.reading is not None:
                    break
        await pilot.pause()

    return run_before


@pytest.fixture
def app(content: ContentFactory, tmp_path: Path) -> ExplorerApp:
    catalog = load_catalog(content.write()).catalog
    return ExplorerApp(catalog, shortlist=Shortlist.open(tmp_path / "shortlist.toml"))


@pytest.mark.parametrize("size", SIZES)
def test_decode_an_ad(snap_compare: Snap, app: ExplorerApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=decoding(AD))


def test_decode_empty(snap_compare: Snap, app: ExplorerApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=decoding(""))
