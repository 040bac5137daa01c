"""What every subcommand shares: the --content option, loading content, role lookup."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.locations import bundled_content
from explorer.model import Catalog, LoadResult, Role, cache, search

if TYPE_CHECKING:
    from rich.console import Console


class CliError(Exception):
    """A message for the user and an exit code; never shown as a traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def content_root(args: argparse.Namespace) -> Path:
    root: Path | None = getattr(args, "content", None)
    return root if root is not None else bundled_content()


# From this many roles, the loaded catalogue is moved out of the garbage collector's sight.
FREEZE_FROM_ROLES = 1000


def cached_load(args: argparse.Namespace, *, defer_save: bool = False) -> cache.CachedLoad:
    """The content, from the user cache when the files have not changed (see model/cache.py).

    `defer_save`: after a load from TOML, the search index and the cache are left to
    `loaded.pending.run()` (the app runs it once its first frame is drawn).
    """
    root = content_root(args)
    if not root.exists():
        raise CliError(f"{root}: dossier de contenu introuvable")
    if not root.is_dir():
        raise CliError(f"{root}: n'est pas un dossier de contenu")
    # The collector stays off until the catalogue is frozen: the load pauses it too, but
    # its first allocation once resumed walked every new object (≈ 30 ms at 10,000 roles).
    with cache_codec.collector_paused():
        loaded = cache.load(root, defer_save=defer_save)
        if len(loaded.result.catalog.roles) >= FREEZE_FROM_ROLES:
            # Hundreds of thousands of objects that live as long as the process: without this,
            # the collector would walk them all, several times, while the first screen is drawn.
            gc.freeze()
    return loaded


def load_content(args: argparse.Namespace, *, warn: bool = True) -> LoadResult:
    """Lenient load for browsing commands: problems go to stderr, the valid rest is used."""
    result = cached_load(args).result
    if warn:
        for issue in result.issues:
            print(f"attention : {issue}", file=sys.stderr)
    return result


def suggestions(catalog: Catalog, wanted: str) -> list[str]:
    """Closest role ids by spelling, then by search on titles and aliases."""
    import difflib  # only for a role id that does not exist

    close = difflib.get_close_matches(wanted, list(catalog.roles), n=3, cutoff=0.5)
    for hit in search(catalog, wanted, limit=3):
        if hit.role.id not in close:
            close.append(hit.role.id)
    return close[:3]


def find_role(catalog: Catalog, role_id: str) -> Role:
    role = catalog.roles.get(role_id)
    if role is not None:
        return role
    close = suggestions(catalog, role_id)
    hint = f" ; vouliez-vous dire : {', '.join(close)} ?" if close else ""
    raise CliError(f"métier inconnu « {role_id} »{hint}")


def text_console() -> Console:
    """The console for human-readable output: wrapped to a terminal's width, never in a pipe.

    Piped (`explorer search seo | grep …`, a file, `less`), a line of output stays one line:
    Rich would otherwise wrap it at 80 columns, splitting a hit over two lines.
    """
    from rich.console import Console

    console = Console(highlight=False)
    console.soft_wrap = not console.is_terminal
    return console
