"""SVG snapshots of the shortlist screen on a fixed catalogue with fixed dates."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from explorer.app import ExplorerApp
from explorer.model import load_catalog
from explorer.model.shortlist import Shortlist, ShortlistEntry, dump
from tests.content_factory import ContentFactory

SnapCompare = Callable[..., bool]

ENTRIES = (
    ShortlistEntry("referenceur-seo", date(2025, 3, 12), "Dev[Ops] [b]pas du gras[/b]"),
    ShortlistEntry("metier-disparu", date(2024, 11, 5), "Gardé même s'il a disparu"),
    ShortlistEntry(
        "redacteur-web",
        date(2025, 1, 1),
        "Demander un stage\nLire les offres 🚀\nVoir le salon\nQuatrième ligne cachée",
    ),
    ShortlistEntry("referenceur-sea", date(2025, 2, 28)),
)


def make_app(content: ContentFactory, tmp_path: Path, entries: tuple[ShortlistEntry, ...]) -> Any:
    catalog = load_catalog(content.write()).catalog
    path = tmp_path / "snapshot-data" / "shortlist.toml"
    path.parent.mkdir()
    path.write_bytes(dump(entries))
    return ExplorerApp(catalog, shortlist=Shortlist.open(path))


def open_shortlist(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, ExplorerApp)
        app.open_shortlist()
        await pilot.pause()
        await pilot.press(*keys)
        for editor in app.screen.query(TextArea):
            # With the blink off, the focused editor shows a steady cursor. TextArea keeps its
            # rendered lines whatever the blink (notify_style_update drops them): redrawn now,
            # the snapshot never depends on the phase the blink was in when they were drawn.
            editor.cursor_blink = False
            editor.notify_style_update()
            editor.refresh()
        app.clear_notifications()  # toasts come and go; the screen itself is what is compared
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_shortlist_screen(
    snap_compare: SnapCompare, content: ContentFactory, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(content, tmp_path, ENTRIES)
    assert snap_compare(app, terminal_size=size, run_before=open_shortlist("c", "down", "down"))


def test_empty_shortlist_screen(
    snap_compare: SnapCompare, content: ContentFactory, tmp_path: Path
) -> None:
    app = make_app(content, tmp_path, ())
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_shortlist())


def test_note_editor(snap_compare: SnapCompare, content: ContentFactory, tmp_path: Path) -> None:
    app = make_app(content, tmp_path, ENTRIES)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_shortlist("down", "down", "n"))
