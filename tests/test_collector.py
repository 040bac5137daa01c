"""The garbage-collector policy: held while the app builds what it keeps, then back on, and a
full collection while the user reads rather than while they wait.

A collector left off would let the memory of a long session grow without bound: after the
start (indexes built) and after an app left early, it runs again.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

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


def full_collections() -> list[int]:
    """A list that counts the full collections from now on (remove it from gc.callbacks)."""
    seen: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            seen.append(1)

    gc.callbacks.append(watch)
    return seen


def test_a_full_collection_once_the_user_is_quiet_and_only_then(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(collector, "QUIET_SECONDS", 0.0)
    quiet = collector.QuietCollection()
    seen = full_collections()
    try:
        quiet.tick()
        assert not seen  # nothing done since the start: nothing to collect
        quiet.activity()
        quiet.tick()
        assert len(seen) == 1
        quiet.tick()
        assert len(seen) == 1  # once per quiet spell
        quiet.activity()
        collector.hold()  # the app is building what it keeps: later
        quiet.tick()
        assert len(seen) == 1
        collector.release()
        quiet.tick()
        assert len(seen) == 2
    finally:
        gc.callbacks.pop()
        gc.unfreeze()


async def test_the_app_collects_while_the_user_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector, "QUIET_SECONDS", 0.1)
    app = ExplorerApp(load_catalog(CONTENT).catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        seen = full_collections()
        try:
            await pilot.pause(0.3)
            assert not seen  # no key yet
            await pilot.press("j")
            await pilot.pause(0.3)  # the user reads
            assert len(seen) == 1
        finally:
            gc.callbacks.pop()
    gc.unfreeze()


async def test_a_screen_opened_without_a_key_counts_as_activity() -> None:
    # Opened by a command or a message (here, as a script would): someone is looking at it.
    app = ExplorerApp(load_catalog(CONTENT).catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("j")
        await pilot.pause(0.6)
        seen = full_collections()
        try:
            app.open_glossary(None)
            await pilot.pause(0.6)  # 1.2 s after the key, 0.6 s after the new screen
            assert not seen
            await pilot.pause(1.0)
            assert len(seen) == 1
        finally:
            gc.callbacks.pop()
    gc.unfreeze()
