"""What the app does once its first frame is drawn, and gives back when it leaves."""

from __future__ import annotations

import argparse
import gc

import pytest

from explorer import collector
from explorer.app import ExplorerApp
from explorer.cli import common
from explorer.cli import main as cli_main
from explorer.model import load_catalog
from explorer.screens.main import MainScreen
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
        assert "search_index" in vars(catalog)  # built after the first frame
        await pilot.press("slash", *"web")
        await pilot.pause()
    # ... until the app has gone: a program (or a test run) making many apps keeps nothing.
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0


def test_loading_for_the_app_gives_the_collector_back_as_it_found_it(
    content: ContentFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The collector is paused while the catalogue loads (and freezes it, when large): it must
    # be running again afterwards, or stay off for a caller who had turned it off.
    monkeypatch.setattr(common, "FREEZE_FROM_ROLES", 1)
    args = argparse.Namespace(content=content.write())
    for was_enabled in (True, False):
        (gc.enable if was_enabled else gc.disable)()
        try:
            loaded = common.cached_load(args)
            assert gc.isenabled() is was_enabled
            assert gc.get_freeze_count() > 0
        finally:
            gc.unfreeze()
            gc.enable()
        assert loaded.result.catalog.roles


async def test_the_collector_paused_for_the_start_up_runs_again_from_the_first_frame(
    content: ContentFactory,
) -> None:
    catalog = load_catalog(content.write()).catalog
    collector.pause()  # as the `explorer` command does, before anything else
    try:
        app = ExplorerApp(catalog)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, MainScreen) and app.screen.first_frame_done
            assert gc.isenabled()
    finally:
        collector.resume()
        gc.enable()


async def test_what_the_keys_left_is_collected_once_nothing_is_drawn_for_a_while(
    content: ContentFactory,
) -> None:
    catalog = load_catalog(content.write()).catalog
    full_collections: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            full_collections.append(info["collected"])

    app = ExplorerApp(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        gc.callbacks.append(watch)
        try:
            await pilot.press("slash", *"web")
            gc.collect(1)  # what the keys made now waits in the oldest generation
            await pilot.pause()
            # The automatic full collection waits for 100 middle ones: not within a second.
            await pilot.pause(0.8)
        finally:
            gc.callbacks.remove(watch)
        assert full_collections


def test_a_full_collection_runs_only_when_something_reached_the_oldest_generation() -> None:
    gc.collect()
    assert collector.collect_promoted() is False
    gc.collect(1)
    assert collector.collect_promoted() is True
    assert gc.get_count()[2] == 0
    gc.collect(1)
    gc.disable()  # a program that turned it off keeps it off
    try:
        assert collector.collect_promoted() is False
    finally:
        gc.enable()


def test_resuming_the_collector_only_undoes_its_own_pause() -> None:
    # A program that turned the collector off itself keeps it off.
    gc.disable()
    try:
        collector.pause()
        collector.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()
    collector.pause()
    assert not gc.isenabled()
    collector.resume()
    assert gc.isenabled()


def test_the_command_gives_the_collector_back_as_it_found_it(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["--content", str(content.write()), "list"]) == 0
    assert "Référenceur" in capsys.readouterr().out
    assert gc.isenabled()
