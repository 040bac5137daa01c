"""What the app does once its first frame is drawn, and gives back when it leaves."""

from __future__ import annotations

import gc

from explorer.app import ExplorerApp
from explorer.model import load_catalog
from tests.content_factory import ContentFactory


async def test_the_collector_is_tuned_while_the_app_runs_and_restored_after(
    content: ContentFactory,
) -> None:
    catalog = load_catalog(content.write()).catalog
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    app = ExplorerApp(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The catalogue, its index and the widgets are out of the collector's sight...
        assert gc.get_freeze_count() > frozen
        assert gc.get_threshold()[2] >= 100
        assert catalog.search_index.ready
        await pilot.press("slash", *"web")
        await pilot.pause()
    # ... until the app has gone: a program (or a test run) making many apps keeps nothing.
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0
