"""The Textual application: global bindings, screens and the wiring between them."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from explorer import collector
from explorer.locations import shortlist_path
from explorer.model import Catalog, ContentIssue
from explorer.model.cache_codec import decode_all
from explorer.model.compare import prepare_nearest
from explorer.model.shortlist import Shortlist
from explorer.model.text import typable
from explorer.screens.main import MainScreen

if TYPE_CHECKING:
    from textual.command import Provider

# Only the explorer screen is imported at start-up: the other screens, the command palette
# and its providers (textual.command alone is ≈ 20 ms) are imported when first used.


def _role_commands() -> type[Provider]:
    from explorer.palette import RoleCommands

    return RoleCommands


def _theme_commands() -> type[Provider]:
    from explorer.palette import ThemeCommands

    return ThemeCommands


def _compare_commands() -> type[Provider]:
    from explorer.palette_compare import CompareCommands

    return CompareCommands


def _glossary_commands() -> type[Provider]:
    from explorer.palette_glossary import GlossaryCommands

    return GlossaryCommands


# Seconds without a new frame after which the collector frees what the last keys left: longer
# than the gap between two keys typed in a row, shorter than a pause to read.
QUIET_BEFORE_COLLECTING = 0.25


class ExplorerApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Métiers du e-commerce"

    BINDING_GROUP_TITLE = "Partout"

    BINDINGS = [
        Binding("?", "help", "Aide", id="app.help", tooltip="Les touches de l'écran actuel"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Palette",
            show=False,  # the footer shows it on its right edge already
            id="app.palette",
            tooltip="Aller à un métier par son nom, changer de thème…",
        ),
        Binding("q", "quit", "Quitter", id="quit"),
    ]

    COMMANDS = App.COMMANDS | {
        _role_commands,
        _theme_commands,
        _compare_commands,
        _glossary_commands,
    }

    def __init__(
        self,
        catalog: Catalog,
        *,
        issues: Sequence[ContentIssue] = (),
        shortlist: Shortlist | None = None,
        start_compare: tuple[str, str] | None = None,
        after_first_frame: Callable[[], object] | None = None,
    ) -> None:
        """`after_first_frame`: work run on a thread once the explorer screen is drawn (the
        search index and the content cache after a load from TOML)."""
        super().__init__()
        self.catalog = catalog
        self.content_issues = tuple(issues)
        self.shortlist = shortlist if shortlist is not None else Shortlist.open(shortlist_path())
        self.start_compare = start_compare
        self.after_first_frame = after_first_frame
        self._gc_thresholds: tuple[int, int, int] | None = None  # to restore on exit
        self._unmounted = False
        self._last_frame = 0.0  # time.monotonic() of the last frame displayed
        self.compare_mark: str | None = None  # role marked with `c`, waiting for its pair
        families, roles = len(catalog.families), len(catalog.roles)
        self.sub_title = (
            f"{families} famille{'s' if families > 1 else ''} · "
            f"{roles} métier{'s' if roles > 1 else ''}"
        )

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def on_mount(self) -> None:
        if self.content_issues:
            self.notify(
                f"{len(self.content_issues)} problème(s) dans le contenu : "
                "lancez « explorer validate » pour le détail.",
                severity="warning",
                markup=False,
            )
        self.show_shortlist_warnings()
        if self.start_compare:
            self.open_compare(*self.start_compare)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded:
            # Every text field gets pastes from here: clean them once for all of them.
            event.text = typable(event.text)
        await super().on_event(event)

    def post_display_hook(self) -> None:
        # Textual calls this after each frame it displays: the explorer screen watches for
        # its first complete one, the collection between keys for a quiet moment.
        self._last_frame = time.monotonic()
        screen = self.screen_stack[-1] if self.screen_stack else None
        if isinstance(screen, MainScreen) and not screen.first_frame_done:
            screen.frame_displayed()

    def on_main_screen_ready(self, message: MainScreen.Ready) -> None:
        collector.resume()  # paused by the `explorer` command for the start-up
        # On a thread: keys typed meanwhile are still answered.
        self.run_worker(
            self._after_first_frame, name="after-first-frame", thread=True, exit_on_error=False
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        done = event.worker.name == "after-first-frame" and event.state == WorkerState.SUCCESS
        if done and self._gc_thresholds is None and not self._unmounted:
            # Everything made so far (catalogue, index, widgets, styles) lives as long as the
            # app: out of the collector's sight, a full collection no longer walks it in the
            # middle of a key press (≈ 20 ms at 10,000 roles). Given back on exit.
            gc.freeze()
            # And a full collection only every 100 (not 10) of the middle generation: each
            # full pass cost ≈ 15 ms, every few keys.
            young, middle, full = self._gc_thresholds = gc.get_threshold()
            gc.set_threshold(young, middle, max(full, 100))
            # The full collections come instead when nothing has been drawn for a while:
            # the user is reading, not typing.
            self.set_interval(QUIET_BEFORE_COLLECTING, self._collect_when_quiet)

    def _collect_when_quiet(self) -> None:
        if time.monotonic() - self._last_frame >= QUIET_BEFORE_COLLECTING:
            collector.collect_promoted()

    def on_unmount(self) -> None:
        self._unmounted = True
        collector.resume()  # in case the first frame never came
        gc.unfreeze()
        if self._gc_thresholds is not None:
            gc.set_threshold(*self._gc_thresholds)

    def _after_first_frame(self) -> None:
        """The first search, every role and the first nearest roles, ready before anyone types."""
        work, self.after_first_frame = self.after_first_frame, None
        if work is not None:
            work()
        # The roles read from the content cache first (model/cache_codec.py): their bytes are
        # freed before the search index is read and unpacked, which keeps the peak lower.
        decode_all(self.catalog)
        self.catalog.search_index  # noqa: B018 (built now rather than on the first key typed)
        prepare_nearest(self.catalog)

    # --- navigation between screens: every screen goes through these -------------------------

    def open_role(self, role_id: str) -> None:
        """Back to the explorer screen with this role highlighted and shown."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, MainScreen):
            self.pop_screen()
        if isinstance(self.screen, MainScreen):
            self.screen.show_role(role_id)

    def open_compare(self, a: str, b: str) -> None:
        """Push the compare screen for roles a (left) and b (right)."""
        unknown = [role_id for role_id in (a, b) if role_id not in self.catalog.roles]
        if unknown:
            names = ", ".join(f"« {role_id} »" for role_id in unknown)
            self.notify(f"Métier inconnu : {names}.", severity="error", markup=False)
            return
        from explorer.screens.compare import SAME_ROLE_MESSAGE, CompareScreen

        if a == b:
            self.notify(SAME_ROLE_MESSAGE, severity="warning", markup=False)
            return
        self.push_screen(CompareScreen(a, b))

    def open_shortlist(self) -> None:
        """Push the shortlist screen."""
        from explorer.screens.shortlist import ShortlistScreen

        if not isinstance(self.screen, ShortlistScreen):
            self.push_screen(ShortlistScreen())

    def open_glossary(self, term_id: str | None = None) -> None:
        """Push the glossary screen, optionally on one term."""
        from explorer.screens.glossary import GlossaryScreen

        if isinstance(self.screen, GlossaryScreen):
            # Already there (e.g. chosen from the palette): move to the term, never stack a second.
            if term_id is not None:
                self.screen.select_term(term_id)
            return
        self.push_screen(GlossaryScreen(term_id))

    def toggle_favourite(self, role_id: str) -> bool:
        """Add or remove a role from the shortlist, notify, and return whether it is now in."""
        added = self.shortlist.toggle(role_id)
        role = self.catalog.roles.get(role_id)
        name = role.display_title if role else role_id
        message = f"Ajouté à la sélection : {name}" if added else f"Retiré de la sélection : {name}"
        self.notify(message, markup=False, timeout=2)
        self.show_shortlist_warnings()
        return added

    def show_shortlist_warnings(self) -> None:
        """A file moved aside, a folder that cannot be written: each said once."""
        for warning in self.shortlist.take_warnings():
            self.notify(warning, severity="warning", markup=False, timeout=15)

    # --- help and command palette ----------------------------------------------------------

    def action_help(self) -> None:
        """The keys of whatever screen is current, generated from its bindings."""
        from explorer.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            placeholder = "Chercher un métier ou une commande…"
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from explorer.palette import system_commands

        yield from system_commands(self, screen)
