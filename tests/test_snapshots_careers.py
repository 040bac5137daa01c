"""Snapshots of "Évolutions", "De A à B" and "Composer une équipe" at 80x24 and 120x36.

On the fixed ContentFactory catalogue (plus an evolution link), so edits to the bundled
content never change them. Update with `--snapshot-update`, then look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from explorer.app import ExplorerApp
from explorer.model import load_catalog
from tests.content_factory import ContentFactory
from tests.test_career_screens import REDAC, SEA, career_content, on_role, settle

SIZES = [(80, 24), (120, 36)]
Snap = Callable[..., bool]


def app_on(content: ContentFactory, compare: tuple[str, str] | None = None) -> ExplorerApp:
    return ExplorerApp(load_catalog(career_content(content).write()).catalog, start_compare=compare)


def run(*keys: str, role: str | None = None) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        if role is not None:
            await on_role(pilot, role)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_evolutions(snap_compare: Snap, content: ContentFactory, size: tuple[int, int]) -> None:
    app = app_on(content)
    assert snap_compare(app, terminal_size=size, run_before=run("P", role=REDAC))


@pytest.mark.parametrize("size", SIZES)
def test_path(snap_compare: Snap, content: ContentFactory, size: tuple[int, int]) -> None:
    app = app_on(content, compare=(SEA, REDAC))
    assert snap_compare(app, terminal_size=size, run_before=run("P"))


@pytest.mark.parametrize("size", SIZES)
def test_team(snap_compare: Snap, content: ContentFactory, size: tuple[int, int]) -> None:
    # From the first skill: Référencement naturel, Photo produit, then Gestion de budget.
    keys = ["T", "enter", "down", "down", "enter", "down", "down", "down", "down", "enter"]
    assert snap_compare(app_on(content), terminal_size=size, run_before=run(*keys))
