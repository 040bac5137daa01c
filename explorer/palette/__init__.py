"""Command palette (ctrl+p): jump to a role, compare, define a term, switch theme.

The providers are imported when the palette first opens (textual.command alone is ≈ 20 ms
of start-up). They read the catalogue from the app (`catalog_of`) and send their requests
up as Messages (explorer/messages.py), like screens do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from explorer.messages import OpenDecoder, OpenHelp

if TYPE_CHECKING:
    from textual.command import Provider


def _role_commands() -> type[Provider]:
    from explorer.palette.roles import RoleCommands

    return RoleCommands


def _theme_commands() -> type[Provider]:
    from explorer.palette.themes import ThemeCommands

    return ThemeCommands


def _compare_commands() -> type[Provider]:
    from explorer.palette.compare import CompareCommands

    return CompareCommands


def _glossary_commands() -> type[Provider]:
    from explorer.palette.glossary import GlossaryCommands

    return GlossaryCommands


# For `App.COMMANDS`: callables giving the provider classes, called when the palette opens.
COMMANDS: set[Callable[[], type[Provider]]] = {
    _role_commands,
    _theme_commands,
    _compare_commands,
    _glossary_commands,
}


def open_theme_picker(app: App[Any]) -> None:
    from textual.command import CommandPalette
    from textual.theme import ThemeProvider

    app.push_screen(CommandPalette(providers=[ThemeProvider], placeholder="Choisir un thème…"))


def system_commands(app: App[Any], screen: Screen[object]) -> Iterable[SystemCommand]:
    """The app-wide commands of the palette, in French."""
    yield SystemCommand(
        "Changer de thème",
        "Choisir les couleurs : sombre, clair (textual-light)…",
        partial(open_theme_picker, app),
    )
    yield SystemCommand(
        "Décoder une annonce",
        "Coller une offre d'emploi : métiers proches, compétences demandées, jargon",
        partial(app.post_message, OpenDecoder()),
    )
    yield SystemCommand(
        "Aide", "Toutes les touches de l'écran actuel", partial(app.post_message, OpenHelp())
    )
    yield SystemCommand("Quitter", "Fermer l'application", app.action_quit)
