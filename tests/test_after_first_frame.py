"""Start-up without a catalogue: the frame at once, the catalogue read on a thread behind a
progress bar, then the explorer screen. The model's loader is replaced here by a fake that
reports its progress step by step, so the test decides when reading ends."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import ProgressBar

from explorer.app import ExplorerApp
from explorer.model import Catalog, ContentIssue, load_catalog
from explorer.model import cache as cache_module
from explorer.screens.loading import LoadingScreen, progress_label
from explorer.screens.main import MainScreen
from tests.content_factory import ContentFactory
from tests.screen import screen_text


@dataclass
class FakeLoad:
    catalog: Catalog
    issues: tuple[ContentIssue, ...] = ()


class SlowLoader:
    """Reports 4 200 of 10 000 files read, then waits for the test before finishing."""

    def __init__(self, catalog: Catalog, issues: tuple[ContentIssue, ...] = ()) -> None:
        self.result = FakeLoad(catalog, issues)
        self.go_on = threading.Event()
        self.roots: list[Path] = []

    def __call__(
        self, root: Path, directory: Path | None = None, *, progress: Callable[[int, int], None]
    ) -> FakeLoad:
        self.roots.append(root)
        progress(4200, 10000)
        self.go_on.wait(timeout=10)
        progress(10000, 10000)
        return self.result


async def progress_shown(app: ExplorerApp, pilot: Pilot[None]) -> None:
    """Until the loading screen says 4 200 of 10 000 files are read (the SlowLoader's pause)."""
    for _ in range(50):
        await pilot.pause()
        if "4\u202f200 / 10\u202f000 fiches" in screen_text(app):
            return


def test_the_progress_label_counts_in_french() -> None:
    assert progress_label(4200, 10000) == "Lecture du catalogue… 4\u202f200 / 10\u202f000 fiches"


async def test_without_a_catalogue_the_frame_shows_at_once_then_the_progress_then_the_roles(
    content: ContentFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = content.write()
    loader = SlowLoader(load_catalog(root).catalog)
    monkeypatch.setattr(cache_module, "load", loader)
    app = ExplorerApp(content_root=root)
    async with app.run_test(size=(80, 24)) as pilot:
        await progress_shown(app, pilot)
        assert isinstance(app.screen, LoadingScreen)
        assert "Métiers du e-commerce" in screen_text(app)  # the app's frame is there
        assert "Lecture du catalogue… 4\u202f200 / 10\u202f000 fiches" in screen_text(app)
        assert app.screen.query_one(ProgressBar).percentage == pytest.approx(0.42)
        loader.go_on.set()
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, MainScreen):
                break
        assert isinstance(app.screen, MainScreen)
        assert "Référenceur SEA" in screen_text(app)
        assert "2 familles · 3 métiers" in screen_text(app)
        await pilot.press("j")  # the keys work on the loaded catalogue
        await pilot.pause()
        assert "Référenceur SEO" in screen_text(app)
    assert loader.roots == [root]


async def test_content_problems_found_while_loading_name_the_folder_to_validate(
    content: ContentFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = content.write()
    issue = ContentIssue(str(root / "roles" / "seo.toml"), "title", "texte attendu")
    loader = SlowLoader(load_catalog(root).catalog, (issue,))
    loader.go_on.set()
    monkeypatch.setattr(cache_module, "load", loader)
    app = ExplorerApp(content_root=root)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        for _ in range(50):
            await pilot.pause()
            if app._notifications:
                break
        messages = [str(n.message) for n in app._notifications]
    assert f"lancez « explorer validate {root} » pour le détail" in " ".join(messages)


async def test_keys_typed_while_the_catalogue_loads_reach_the_explorer_in_order(
    content: ContentFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `/sea` typed at once: it searches, and the `s` does not open « Ma sélection ».
    root = content.write()
    loader = SlowLoader(load_catalog(root).catalog)
    monkeypatch.setattr(cache_module, "load", loader)
    app = ExplorerApp(content_root=root)
    async with app.run_test(size=(80, 24)) as pilot:
        await progress_shown(app, pilot)
        await pilot.press("slash", "s", "e", "a")
        assert isinstance(app.screen, LoadingScreen)
        loader.go_on.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, MainScreen) and app.screen.query_text == "sea":
                break
        assert isinstance(app.screen, MainScreen)
        assert app.screen.search_field.value == "sea"
        assert "Référenceur SEA" in screen_text(app)
        assert "Référenceur SEO" not in screen_text(app)


async def test_with_a_valid_content_cache_the_explorer_is_the_first_screen(
    content: ContentFactory,
) -> None:
    root = content.write()
    hour_ago = time.time() - 3600  # settled content: the cache keeps it
    for path in root.rglob("*.toml"):
        os.utime(path, (hour_ago, hour_ago))
    cache_module.load(root)  # a first start wrote the cache
    app = ExplorerApp(content_root=root)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, MainScreen)  # no loading screen, not even for a frame
        await pilot.pause()
        assert "Référenceur SEA" in screen_text(app)
        assert "2 familles · 3 métiers" in screen_text(app)
