"""Snapshots of the compare screen, on the fixed test catalogue (bundled content edits never matter)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from explorer.app import ExplorerApp
from explorer.model import load_catalog
from tests.content_factory import ContentFactory

SnapCompare = Callable[..., bool]

# One shared skill, specific skills and a non-empty gap on both sides.
PAIR = ("referenceur-seo", "referenceur-sea")


def compare_app(content: ContentFactory) -> ExplorerApp:
    return ExplorerApp(load_catalog(content.write()).catalog, start_compare=PAIR)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_compare_screen(
    snap_compare: SnapCompare, content: ContentFactory, size: tuple[int, int]
) -> None:
    assert snap_compare(compare_app(content), terminal_size=size)


def test_compare_screen_scrolled_to_the_gap(
    snap_compare: SnapCompare, content: ContentFactory
) -> None:
    assert snap_compare(compare_app(content), terminal_size=(120, 36), press=["tab", "end"])


def test_compare_picker(snap_compare: SnapCompare, content: ContentFactory) -> None:
    async def type_in_picker(pilot: Pilot[None]) -> None:
        await pilot.press("b", *"red")
        pilot.app.screen.query_one(Input).cursor_blink = False
        await pilot.pause()

    assert snap_compare(compare_app(content), terminal_size=(80, 24), run_before=type_in_picker)
