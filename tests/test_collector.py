"""The garbage-collector policy: held while the app builds what it keeps, then back on.

A collector left off would let the memory of a long session grow without bound: after the
start (indexes built) and after an app left early, it runs again.
"""

from __future__ import annotations

import gc
from pathlib import Path

from explorer import collector
from explorer.app import ExplorerApp
from explorer.model import load_catalog

CONTENT = Path(__file__).resolve().parent.parent / "content"


def test_held_then_released_what_was_built_is_frozen_and_the_collector_runs() -> None:
    frozen_before = gc.get_freeze_count()
    collector.hold()
    try:
        assert not gc.isenabled()
        kept = [{"role": n} for n in range(1000)]
    finally:
        collector.release()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(kept)
    gc.unfreeze()


async def test_the_collector_runs_again_once_the_app_has_built_its_indexes() -> None:
    app = ExplorerApp(load_catalog(CONTENT).catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the search index
        await pilot.pause()
        assert gc.isenabled()
    gc.unfreeze()


async def test_an_app_left_before_its_indexes_leaves_the_collector_on() -> None:
    app = ExplorerApp(load_catalog(CONTENT).catalog)
    assert not gc.isenabled()
    async with app.run_test(size=(120, 36)):
        pass  # left at once
    assert gc.isenabled()
    gc.unfreeze()
