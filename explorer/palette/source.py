"""What every provider needs from the app: its catalogue (None while it loads)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.app import App

from explorer.model import Catalog


@runtime_checkable
class CatalogSource(Protocol):
    catalog: Catalog | None


def catalog_of(app: App[object]) -> Catalog | None:
    """The app's catalogue, without knowing the app's class."""
    return app.catalog if isinstance(app, CatalogSource) else None
