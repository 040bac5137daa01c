"""Palette: "Composer une équipe", "Évolutions de <role>", "Chemin de A à B".

The roles are those of the current screen: the one highlighted on the explorer screen, the
two of the comparison. "chemin <name>" on the explorer screen offers the path from the
highlighted role to each role the search finds.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.message import Message

from explorer.messages import OpenEvolutions, OpenPath, OpenTeam
from explorer.model import Role, search
from explorer.model.text import fold
from explorer.palette.compare import highlighted_role
from explorer.palette.source import catalog_of
from explorer.screens.compare import CompareScreen

TEAM = "Composer une équipe"
_PATH_WORDS = frozenset({"chemin", "de", "a"})  # folded
_MAX_PATH_HITS = 20


@dataclass(frozen=True, slots=True)
class CareerCommand:
    text: str  # may hold role titles: shown as plain Content, never markup
    help: str  # fixed words only (the palette reads help as markup)
    request: Message


def unaccented(text: str) -> str:
    """`Évolutions` -> `Evolutions`, one character for one: the match offsets stay valid."""
    return "".join(unicodedata.normalize("NFD", char)[0] for char in text)


def path_text(a: Role, b: Role) -> str:
    return f"Chemin de {a.title} à {b.title}"


class CareerCommands(Provider):
    def commands(self) -> Iterator[CareerCommand]:
        yield CareerCommand(
            TEAM, "Les métiers qui, ensemble, couvrent les activités d’une boutique", OpenTeam()
        )
        screen = self.screen
        role = highlighted_role(screen)
        if role is not None:
            yield CareerCommand(
                f"Évolutions de {role.title}",
                "Où ce métier mène, jusqu’à trois étapes",
                OpenEvolutions(role.id),
            )
        if isinstance(screen, CompareScreen):
            a, b = screen.role_a, screen.role_b
            yield CareerCommand(
                path_text(a, b),
                "Les étapes de A à B et ce que chacune ajoute",
                OpenPath(a.id, b.id),
            )

    async def discover(self) -> Hits:
        if catalog_of(self.app) is None:
            return
        for command in self.commands():
            yield DiscoveryHit(
                Content(command.text),
                partial(self.app.post_message, command.request),
                text=command.text,
                help=command.help,
            )

    async def search(self, query: str) -> Hits:
        catalog = catalog_of(self.app)
        if catalog is None:
            return
        fuzzy = FuzzySearch()
        for command in self.commands():
            score, offsets = fuzzy.match(unaccented(query), unaccented(command.text))
            if score <= 0:
                continue
            prompt = Content(command.text)
            for offset in offsets:
                prompt = prompt.stylize(self.match_style or "underline", offset, offset + 1)
            # Typed as it starts ("composer"): on top; letters scattered in it ("sea" in
            # "Évolutions de Assistant e-commerce"): below the roles they find.
            named = fold(command.text).startswith(fold(query).strip())
            yield Hit(
                min(score, 1.0) if named else min(score, 1.0) * 0.45,
                prompt,
                partial(self.app.post_message, command.request),
                text=command.text,
                help=command.help,
            )
        # "chemin sea": the path from the highlighted role to each role the search finds.
        current = highlighted_role(self.screen)
        words = fold(query).split()
        if current is None or not words or words[0] != "chemin":
            return
        wanted = " ".join(w for w in words if w not in _PATH_WORDS)
        if not wanted:
            return
        found = [hit.role for hit in search(catalog, wanted) if hit.role.id != current.id]
        for rank, role in enumerate(found[:_MAX_PATH_HITS]):
            text = path_text(current, role)
            yield Hit(
                1.0 - rank / (2 * _MAX_PATH_HITS),
                Content(text),
                partial(self.app.post_message, OpenPath(current.id, role.id)),
                text=text,
                help="Les étapes de A à B et ce que chacune ajoute",
            )
