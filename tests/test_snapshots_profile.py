""" "Mon profil" and the fiche's profile line, on the fixed ContentFactory catalogue.

Update with `.venv/bin/pytest tests/test_snapshots_profile.py --snapshot-update`, then look.
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
from explorer.model.profile import Profile
from tests.content_factory import ContentFactory

SIZES = [(80, 24), (120, 36)]
Snap = Callable[..., bool]


@pytest.fixture
def app(content: ContentFactory, isolated_user_dirs: Path) -> ExplorerApp:
    Profile.open(isolated_user_dirs / "profile.toml").add(["seo", "analyse"])
    return ExplorerApp(load_catalog(content.write()).catalog)


def run(keys: Iterable[str]) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        pilot.app.clear_notifications()  # toasts time out: never part of a snapshot
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_profile_screen(snap_compare: Snap, app: ExplorerApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=run(["p"]))


def test_fiche_with_the_profile_line(snap_compare: Snap, app: ExplorerApp) -> None:
    # The SEO role: the profile line under the title, its skills marked.
    assert snap_compare(app, terminal_size=(80, 24), run_before=run(["j"]))
