"""The Textual application: global bindings, app-wide state, and the requests screens send up."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import cast

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from explorer import collector, messages
from explorer.locations import bundled_content, profile_path, shortlist_path, validate_command
from explorer.model import Catalog, ContentIssue
from explorer.model.profile import Profile, unknown_skills_message
from explorer.model.shortlist import Shortlist
from explorer.model.text import counted, typable
from explorer.palette import COMMANDS, system_commands
from explorer.screens.loading import CatalogLoaded, LoadingProgress, LoadingScreen
from explorer.screens.main import MainScreen
from explorer.screens.too_small import TooSmallScreen, too_small

# How long a change to the shortlist waits for another process's lock, and after how long
# the app says it is waiting (the command line waits longer: nobody is looking at a frozen UI).
SHORTLIST_LOCK_TIMEOUT = 2.0
SHORTLIST_LOCK_NOTICE = 0.3

# Below this many columns the footer is compact and leaves out the palette key (ctrl+p
# stays listed by the help): every screen's keys then fit at 80 columns.
COMPACT_FOOTER_BELOW = 110


# How the escape key is named everywhere (footer, help, hints): a French keyboard's label.
ESCAPE_KEY = "Échap"

# Keys that act at once, even before the explorer screen is there.
QUIT_KEYS = ("ctrl+q", "ctrl+c")

EXPLORER_MODE = "explorer"
CATALOGUE_MODE = "catalogue"  # once a catalogue read behind the progress bar is there


async def ui_thread_settled(step: float = 0.01, longest: float = 0.5) -> None:
    """Return once a `step` passes in which this (the UI) thread hardly worked, or after
    `longest`. Worker threads do not count: thread time, not process time."""
    waited = 0.0
    while waited < longest:
        started = time.thread_time()
        await asyncio.sleep(step)
        waited += step
        if time.thread_time() - started < step / 4:
            return


class ExplorerApp(App[None]):
    CSS_PATH = "app.tcss"
    DEFAULT_MODE = EXPLORER_MODE
    TITLE = "Métiers du e-commerce"

    BINDING_GROUP_TITLE = "Partout"

    BINDINGS = [
        Binding("?", "help", "Aide", id="app.help", tooltip="Les touches de l'écran actuel"),
        # F1 works from anywhere, a text field too, where `?` is typed.
        Binding(
            "f1", "help", "Aide", show=False, priority=True, key_display="F1", id="app.help-f1"
        ),
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

    COMMANDS = App.COMMANDS | COMMANDS

    # App-wide state that screens and widgets watch (`self.watch(self.app, "compare_mark", …)`):
    # the role marked with `c`, waiting for its pair; the roles in the shortlist.
    compare_mark: var[str | None] = var(None)
    favourites: var[frozenset[str]] = var(frozenset())
    # The skills in the user's profile ("Mon profil"): the detail pane and the comparison mark them.
    profile_skills: var[frozenset[str]] = var(frozenset())
    # Narrow terminals: every screen's Footer is compact, without the palette key.
    compact_footer: var[bool] = var(False)
    # A role opened from the glossary: where the glossary was (a GlossaryPlace), so that
    # escape on the explorer goes back to it; None otherwise.
    return_to_glossary: var[object | None] = var(None)

    def __init__(
        self,
        catalog: Catalog | None = None,
        *,
        content_root: Path | None = None,
        issues: Sequence[ContentIssue] = (),
        shortlist: Shortlist | None = None,
        start_compare: tuple[str, str] | None = None,
        profile: Profile | None = None,
    ) -> None:
        """Without a catalogue, it is taken from the content cache of `content_root` (the
        bundled content by default) when that is valid, in a blink; else the TOML files are
        read on a thread while a progress bar shows."""
        # Until the indexes are built (prepare_indexes), nearly all that is made is kept.
        collector.hold()
        super().__init__()
        self.quiet_collection = collector.QuietCollection()
        self.content_root = content_root
        self.content_issues = tuple(issues)
        if catalog is None:
            from explorer.model import cache

            cached = cache.load_cached(content_root or bundled_content())
            if cached is not None:
                # No loading screen to build and then leave: the explorer is the first screen.
                catalog, self.content_issues = cached.catalog, tuple(cached.issues)
        self.catalog = catalog
        if shortlist is None:
            # Another process holding the file's lock: a toast says so, and the wait is short
            # (the UI thread waits) before the change is kept in memory with a warning.
            shortlist = Shortlist.open(
                shortlist_path(),
                lock_timeout=SHORTLIST_LOCK_TIMEOUT,
                notice_after=SHORTLIST_LOCK_NOTICE,
                on_wait=self.shortlist_waiting,
            )
        self.shortlist = shortlist
        self.start_compare = start_compare
        # Keys typed before the explorer screen is mounted; None once it is (see on_event).
        self.early_keys: list[events.Key] | None = []
        self.set_reactive(ExplorerApp.favourites, self.shortlist_roles())
        self.profile = profile if profile is not None else Profile.open(profile_path())
        self.set_reactive(ExplorerApp.profile_skills, frozenset(self.profile.skills))
        # A mode, not `get_default_screen`: Textual reads the CSS_PATH of a mode's screen.
        self.add_mode(EXPLORER_MODE, self.first_screen)

    def first_screen(self) -> Screen[None]:
        """The explorer screen, or the loading screen until the catalogue is read."""
        if self.catalog is None:
            return LoadingScreen()
        return MainScreen(self.catalog, self.shortlist)

    def on_mount(self) -> None:
        self.set_interval(collector.QUIET_SECONDS / 2, self.quiet_collection.tick)
        self.screen_change_signal.subscribe(self, self.screen_changed)
        self.compact_footer = self.size.width < COMPACT_FOOTER_BELOW
        self.fit_to_size()
        if self.catalog is None:
            self.load_catalog(self.content_root or bundled_content())
        else:
            self.catalogue_ready()

    # --- loading ------------------------------------------------------------------------------

    @work(thread=True, exit_on_error=False)
    def load_catalog(self, root: Path) -> None:
        from explorer.model import cache

        step = 0

        def progress(done: int, total: int) -> None:
            nonlocal step
            # Twenty updates at most, one per 5 %: each one is drawn by the UI thread, and a
            # hundred of them cost ≈ 0.4 s of a 10,000-role first start.
            now = done * 20 // max(total, 1)
            if now != step or done == total:
                step = now
                self.post_message(LoadingProgress(done, total))

        result = cache.load(root, progress=progress)
        self.post_message(CatalogLoaded(result.catalog, tuple(result.issues)))

    def on_main_screen_ready(self, message: MainScreen.Ready) -> None:
        self.prepare_indexes()

    @work(thread=True, exit_on_error=False)
    def prepare_indexes(self) -> None:
        """The search index, built once the first frame is up rather than on the first key
        typed (≈ 1 s at 10,000 roles)."""
        try:
            if self.catalog is not None:
                self.catalog.search_index  # noqa: B018 (a cached property: reading it builds it)
        finally:
            # The catalogue, the screen and the index live as long as the app: out of the
            # garbage collector's sight, a full collection no longer walks them (it cost
            # 60–170 ms of a screen opening or a keystroke at 2,500 roles).
            collector.release()

    def on_unmount(self) -> None:
        collector.release()  # left before the indexes were built (a failed load, a test)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name == "load_catalog" and event.state == WorkerState.ERROR:
            # A bug, not bad content (the loader reports that as issues): say so, never hang.
            error = event.worker.error
            self.early_keys = None  # no explorer will come: q quits the failure screen
            if isinstance(self.screen, LoadingScreen):
                self.screen.show_failure(f"Lecture du catalogue impossible : {error}")

    def on_loading_progress(self, message: LoadingProgress) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.show_progress(message.done, message.total)

    async def on_catalog_loaded(self, message: CatalogLoaded) -> None:
        self.catalog = message.catalog
        self.content_issues = message.issues
        self.add_mode(CATALOGUE_MODE, self.first_screen)
        await self.switch_mode(CATALOGUE_MODE)
        await self.remove_mode(EXPLORER_MODE)  # the loading screen
        self.fit_to_size()  # the new mode's stack has no size guard yet
        self.catalogue_ready()

    def on_main_screen_shown(self, message: MainScreen.Shown) -> None:
        keys, self.early_keys = self.early_keys or [], None
        if keys:
            self.replay_keys(keys)

    @work(group="early-keys")
    async def replay_keys(self, keys: list[events.Key]) -> None:
        """Keys typed before the explorer was there, to it, each once the one before has been
        handled: `/` moves the focus to the search field before `s` arrives.

        A key travels from the app to the focused widget, bubbles back up, and its binding
        moves the focus later still: no single message marks the end, so the next key waits
        until the UI thread has had nothing left to do for a moment.
        """
        for key in keys:
            self.post_message(key)
            await ui_thread_settled()

    def catalogue_ready(self) -> None:
        """The catalogue is here: say what it holds and what is wrong with it."""
        assert self.catalog is not None
        families, roles = len(self.catalog.families), len(self.catalog.roles)
        self.sub_title = f"{counted(families, 'famille')} · {counted(roles, 'métier')}"
        if self.content_issues:
            folder = self.content_root or bundled_content()
            self.notify(
                f"{len(self.content_issues)} problème(s) dans le contenu : "
                f"lancez « {validate_command(folder)} » pour le détail.",
                severity="warning",
                markup=False,
            )
        self.show_shortlist_warnings()
        self.show_profile_warnings(unknown=True)
        if self.start_compare:
            self.open_compare(*self.start_compare)

    # --- app-wide state -----------------------------------------------------------------------

    def shortlist_roles(self) -> frozenset[str]:
        return frozenset(entry.role for entry in self.shortlist.entries)

    def on_resize(self, event: events.Resize) -> None:
        self.compact_footer = event.size.width < COMPACT_FOOTER_BELOW
        self.fit_to_size(event.size)  # `self.size` is updated after this handler

    def fit_to_size(self, size: Size | None = None) -> None:
        """Too small a terminal: one line over the screens, which resume as they were."""
        tiny = too_small(size or self.size)
        covered = isinstance(self.screen, TooSmallScreen)
        if tiny and not covered:
            self.push_screen(TooSmallScreen())
        elif covered and not tiny:
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Behind the one line shown at a tiny size, no key opens anything (quitting still works).
        return action == "quit" or not isinstance(self.screen, TooSmallScreen)

    def screen_changed(self, screen: Screen[object]) -> None:
        self.quiet_collection.activity()  # opened from a command or a message as well as a key
        self.fit_to_size()  # a screen opened by a message while the terminal is tiny
        self.fit_footer(screen)
        # The shortlist may have changed in the screen just left (it saves as it goes).
        self.favourites = self.shortlist_roles()
        # So may the profile: announced once the profile screen is left, not at each tick
        # (the fiche under it would be drawn again for every tick, unseen).
        self.profile_skills = frozenset(self.profile.skills)

    def watch_compact_footer(self) -> None:
        self.fit_footer(self.screen)

    def fit_footer(self, screen: Screen[object]) -> None:
        for footer in screen.query(Footer):
            if footer.compact != self.compact_footer:
                footer.compact = self.compact_footer
                footer.show_command_palette = not self.compact_footer
                footer.refresh(recompose=True)  # the palette key is placed by compose

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)):
            self.quiet_collection.activity()
        waiting = self.early_keys
        if isinstance(event, events.Key) and waiting is not None and event.key not in QUIT_KEYS:
            # Typed before the explorer screen is there (while the app starts, or while the
            # catalogue loads): kept for it, so that `/seo` typed at once searches.
            waiting.append(events.Key(event.key, event.character))
            return
        if isinstance(event, events.Paste) and not event.is_forwarded:
            # Every text field gets pastes from here: clean them once for all of them.
            event.text = typable(event.text)
        await super().on_event(event)

    def post_display_hook(self) -> None:
        # After each frame displayed: the explorer screen announces its first complete one
        # (`MainScreen.Ready`, which `explorer --startup-time` waits for).
        screen = self.screen_stack[-1] if self.screen_stack else None
        if isinstance(screen, MainScreen) and not screen.first_frame_done:
            screen.frame_displayed()

    # --- requests from screens, widgets and commands (explorer/messages.py) --------------------

    def on_open_role(self, message: messages.OpenRole) -> None:
        self.open_role(message.role_id)

    def on_open_compare(self, message: messages.OpenCompare) -> None:
        self.open_compare(message.a, message.b)

    def on_open_glossary(self, message: messages.OpenGlossary) -> None:
        self.open_glossary(message.term_id)

    def on_open_decoder(self, message: messages.OpenDecoder) -> None:
        self.open_decoder()

    def on_open_shortlist(self, message: messages.OpenShortlist) -> None:
        self.open_shortlist()

    def on_open_help(self, message: messages.OpenHelp) -> None:
        self.action_help()

    def on_toggle_favourite(self, message: messages.ToggleFavourite) -> None:
        self.toggle_favourite(message.role_id)

    def on_shortlist_changed(self, message: messages.ShortlistChanged) -> None:
        self.favourites = self.shortlist_roles()
        self.show_shortlist_warnings()

    def on_open_profile(self, message: messages.OpenProfile) -> None:
        from explorer.screens.profile import ProfileScreen

        if self.catalog is not None and not isinstance(self.screen, ProfileScreen):
            self.push_screen(ProfileScreen(self.catalog, self.profile))

    def on_mark_for_compare(self, message: messages.MarkForCompare) -> None:
        self.mark_for_compare(message.role_id)

    # Career paths and team planning (issue 22): each request pushes its screen.

    def on_open_evolutions(self, message: messages.OpenEvolutions) -> None:
        from explorer.screens.evolutions import EvolutionsScreen

        if self.catalog is not None and message.role_id in self.catalog.roles:
            self.push_screen(EvolutionsScreen(self.catalog, message.role_id))

    def on_open_path(self, message: messages.OpenPath) -> None:
        from explorer.screens.career_path import PathScreen

        roles = self.catalog.roles if self.catalog is not None else {}
        if self.catalog is not None and message.a in roles and message.b in roles:
            self.push_screen(PathScreen(self.catalog, message.a, message.b))

    def on_open_team(self, message: messages.OpenTeam) -> None:
        from explorer.screens.team import TeamScreen

        if self.catalog is not None and not isinstance(self.screen, TeamScreen):
            self.push_screen(TeamScreen(self.catalog))

    # --- navigation between screens: every request ends here ----------------------------------

    def on_return_to_glossary(self, message: messages.ReturnToGlossary) -> None:
        from explorer.screens.glossary import GlossaryPlace, GlossaryScreen

        place, self.return_to_glossary = self.return_to_glossary, None
        if self.catalog is not None and isinstance(place, GlossaryPlace):
            self.push_screen(GlossaryScreen(self.catalog, place=place))

    def open_role(self, role_id: str) -> None:
        """Back to the explorer screen with this role highlighted and shown."""
        from explorer.screens.glossary import GlossaryScreen

        # From the glossary: escape on the explorer comes back to it as it was.
        screen = self.screen
        self.return_to_glossary = screen.place() if isinstance(screen, GlossaryScreen) else None
        while len(self.screen_stack) > 1 and not isinstance(self.screen, MainScreen):
            self.pop_screen()
        if isinstance(self.screen, MainScreen):
            self.screen.show_role(role_id)

    def open_compare(self, a: str, b: str) -> None:
        """Push the compare screen for roles a (left) and b (right)."""
        if self.catalog is None:
            return
        unknown = [role_id for role_id in (a, b) if role_id not in self.catalog.roles]
        if unknown:
            names = ", ".join(f"« {role_id} »" for role_id in unknown)
            self.notify(f"Métier inconnu : {names}.", severity="error", markup=False)
            return
        from explorer.screens.compare import SAME_ROLE_MESSAGE, CompareScreen

        if a == b:
            self.notify(SAME_ROLE_MESSAGE, severity="warning", markup=False)
            return
        self.push_screen(CompareScreen(self.catalog, a, b, profile_skills=self.profile_skills))

    def open_shortlist(self) -> None:
        """Push the shortlist screen."""
        from explorer.screens.shortlist import ShortlistScreen

        if self.catalog is not None and not isinstance(self.screen, ShortlistScreen):
            self.push_screen(ShortlistScreen(self.catalog, self.shortlist))

    def open_decoder(self) -> None:
        """Push « Décoder une annonce »."""
        from explorer.screens.decode import DecodeScreen

        if self.catalog is not None and not isinstance(self.screen, DecodeScreen):
            self.push_screen(
                DecodeScreen(self.catalog, self.shortlist, profile_skills=self.profile_skills)
            )

    def open_glossary(self, term_id: str | None = None) -> None:
        """Push the glossary screen, optionally on one term."""
        from explorer.screens.glossary import GlossaryScreen

        if isinstance(self.screen, GlossaryScreen):
            # Already there (e.g. chosen from the palette): move to the term, never stack a second.
            if term_id is not None:
                self.screen.select_term(term_id)
            return
        if self.catalog is not None:
            self.push_screen(GlossaryScreen(self.catalog, term_id))

    def toggle_favourite(self, role_id: str) -> bool:
        """Add or remove a role from the shortlist, notify, and return whether it is now in."""
        added = self.shortlist.toggle(role_id)
        self.favourites = self.shortlist_roles()
        role = self.catalog.roles.get(role_id) if self.catalog else None
        name = role.display_title if role else role_id
        message = f"Ajouté à Ma sélection : {name}" if added else f"Retiré de Ma sélection : {name}"
        self.notify(message, markup=False, timeout=2)
        self.show_shortlist_warnings()
        return added

    def mark_for_compare(self, role_id: str) -> None:
        """Mark a role; the same role again unmarks it; another one opens the comparison."""
        role = self.catalog.roles.get(role_id) if self.catalog else None
        if role is None:
            return
        marked = self.compare_mark
        if marked is None:
            self.compare_mark = role_id
            self.notify(
                f"{role.display_title} attend un second métier à comparer (c sur un autre métier).",
                markup=False,
            )
        elif marked == role_id:
            self.compare_mark = None
            self.notify(f"Comparaison annulée : {role.display_title}", markup=False, timeout=2)
        else:
            self.compare_mark = None
            self.open_compare(marked, role_id)

    def shortlist_waiting(self, message: str) -> None:
        """The shortlist waits for another process's lock (never on stderr: the screen is ours)."""
        self.notify(message, severity="warning", markup=False, timeout=5)

    def show_shortlist_warnings(self) -> None:
        """A file moved aside, a folder that cannot be written: each said once."""
        for warning in self.shortlist.take_warnings():
            self.notify(warning, severity="warning", markup=False, timeout=15)

    def show_profile_warnings(self, *, unknown: bool = False) -> None:
        """A profile file moved aside or not writable; with `unknown`, its unknown skills."""
        problem = self.profile.storage_problem
        for warning in self.profile.take_warnings():
            if problem and warning.startswith(problem) and self.shortlist.storage_problem:
                continue  # the same data folder: the shortlist's notice said it already
            self.notify(warning, severity="warning", markup=False, timeout=15)
        missing = (
            self.profile.unknown_skills(self.catalog.skills) if unknown and self.catalog else ()
        )
        if missing:
            self.notify(
                unknown_skills_message(missing), severity="warning", markup=False, timeout=15
            )

    # --- help and command palette -------------------------------------------------------------

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

    def get_key_display(self, binding: Binding) -> str:
        """One name per key on every screen, footer and help alike, as the texts write it."""
        if binding.key_display:
            return binding.key_display
        modifiers, key = binding.parse_key()
        if key == "escape" and not modifiers:
            return ESCAPE_KEY
        if modifiers == ["ctrl"]:
            return f"ctrl+{key}"  # not Textual's "^s": the hints say "ctrl+s"
        return super().get_key_display(binding)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from system_commands(self, screen)
