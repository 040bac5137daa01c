"""Command palette (ctrl+p): jump to any role, switch theme, and the app's own commands.

Roles are found with the model's `search`, the same as the explorer's search field, so
`traffic` reaches the traffic manager. Prompts are built as `Text`: the palette parses plain
strings (and every `help` string) as markup, and content text must never be markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandPalette, Hit, Hits, Provider
from textual.screen import Screen
from textual.theme import ThemeProvider

from explorer.model import search

if TYPE_CHECKING:
    from explorer.app import ExplorerApp

MAX_ROLE_HITS = 20


class RoleCommands(Provider):
    """Every role, by title, feminine title or alias; choosing one opens it in the explorer."""

    async def search(self, query: str) -> Hits:
        app = cast("ExplorerApp", self.app)
        catalog = app.catalog
        for rank, hit in enumerate(search(catalog, query, limit=MAX_ROLE_HITS)):
            role = hit.role
            family = catalog.family(role.family)
            prompt = Text(role.display_title)
            prompt.append("\n")
            where = family.title if family else role.family
            if "title" not in hit.matched and role.aliases:
                where += " · aussi appelé " + ", ".join(role.aliases)
            prompt.append(where, "dim")
            # Best first, and above fuzzy command matches for the same letters.
            score = 1.0 - rank / (2 * MAX_ROLE_HITS)
            yield Hit(score, prompt, partial(app.open_role, role.id), text=role.display_title)


class ThemeCommands(ThemeProvider):
    """Themes by name, offered as "Thème : …" when the query matches."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback in self.commands:
            title = f"Thème : {name}"
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title)

    async def discover(self) -> Hits:
        # The themes stay out of the empty palette: "Changer de thème" lists them.
        return
        yield  # an async generator that yields nothing


def open_theme_picker(app: ExplorerApp) -> None:
    app.push_screen(CommandPalette(providers=[ThemeProvider], placeholder="Choisir un thème…"))


def system_commands(app: ExplorerApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    """The app-wide commands of the palette, in French."""
    yield SystemCommand(
        "Changer de thème",
        "Choisir les couleurs : sombre, clair (textual-light)…",
        partial(open_theme_picker, app),
    )
    yield SystemCommand("Aide", "Toutes les touches de l'écran actuel", app.action_help)
    yield SystemCommand("Quitter", "Fermer l'application", app.action_quit)
