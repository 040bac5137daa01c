"""Screens following the app's state (`ExplorerApp`'s vars) without the app keeping them alive."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from weakref import WeakMethod

from textual.widget import Widget


def watch_app(
    watcher: Widget, attribute: str, callback: Callable[[Any], None], *, init: bool = True
) -> None:
    """Call `callback` (a screen's method) with each new value of the app's `attribute`.

    Textual drops a watcher only when the watched value next changes: a closed screen that
    watched the app itself would stay in memory, with all it drew, until a favourite or the
    profile changes. Here `watcher` (pick a small widget of the screen) is what stays
    registered, and it reaches the screen's method through a weak reference.
    """
    handler = WeakMethod(callback)

    def forward(value: Any) -> None:
        method = handler()
        if method is not None:
            method(value)

    watcher.watch(watcher.app, attribute, forward, init=init)
