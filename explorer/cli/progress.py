"""A progress bar on stderr while the catalogue loads, when stderr is a terminal.

Piped or redirected, nothing is printed. A load that ends quickly shows nothing either.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from explorer.model.text import french_number

if TYPE_CHECKING:
    from rich.console import Console

Progress = Callable[[int, int], None]  # the loaders' callback: (files done, files in all)

# A load shorter than this shows no bar at all (a bar that flashes is noise).
SHOW_PROGRESS_AFTER = 0.3


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


class _LoadProgress:
    """`progress(done, total)` for the loaders: a bar on stderr once the load takes a while."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.started = time.perf_counter()
        self.bar: Any = None  # rich.progress.Progress, imported only if a bar is shown
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if time.perf_counter() - self.started < SHOW_PROGRESS_AFTER:
                return
            from rich.progress import BarColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("{task.description}"), BarColumn(), console=self.console, transient=True
            )
            self.task = self.bar.add_task("", total=total)
            self.bar.start()
        self.bar.update(
            self.task,
            completed=done,
            total=total,
            description=f"Lecture du catalogue… {french_number(done)} / {french_number(total)} fiches",
        )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def load_progress() -> Iterator[Progress | None]:
    """The loaders' progress callback: a bar when stderr is a terminal, else None (nothing)."""
    console = stderr_console()
    if not console.is_terminal:
        yield None
        return
    progress = _LoadProgress(console)
    try:
        yield progress
    finally:
        progress.close()
