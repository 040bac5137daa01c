"""Shared fixtures: user files always in a temp folder, the bundled catalogue, a content builder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer.locations import bundled_content
from explorer.model import Catalog, load_catalog
from tests.content_factory import ContentFactory


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test ever reads or writes the real user's shortlist or cache."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(data))
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "user-cache"))
    yield data


@pytest.fixture(scope="session")
def bundled() -> Catalog:
    result = load_catalog(bundled_content())
    return result.catalog


@pytest.fixture
def content(tmp_path: Path) -> ContentFactory:
    """A small valid content folder in tmp_path, to be edited by the test."""
    return ContentFactory(tmp_path / "content")
