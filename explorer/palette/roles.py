"""Palette: every role, by title, feminine title or alias; choosing one opens it.

Roles are found with the model's `search`, the same as the explorer's search field, so
`traffic` reaches the traffic manager. Prompts are built as `Text`: the palette parses plain
strings (and every `help` string) as markup, and content text must never be markup.
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import Hit, Hits, Provider

from explorer.messages import OpenRole
from explorer.model import search
from explorer.model.text import fold
from explorer.palette.source import catalog_of

MAX_ROLE_HITS = 20


class RoleCommands(Provider):
    """Every role, by title, feminine title or alias; choosing one opens it in the explorer."""

    async def search(self, query: str) -> Hits:
        catalog = catalog_of(self.app)
        if catalog is None:
            return
        # "comparer sea", "chemin sea": a command is asked for; the roles come after it.
        asked_for_a_command = fold(query).split()[:1] in (["comparer"], ["chemin"])
        for rank, hit in enumerate(search(catalog, query, limit=MAX_ROLE_HITS)):
            role = hit.role
            family = catalog.family(role.family)
            prompt = Text(role.display_title)
            prompt.append("\n")
            where = family.title if family else role.family
            if hit.reason:  # found by something other than its title: say what
                where += f" · {hit.reason}"
            prompt.append(where, "dim")
            # Best first, and above fuzzy command matches for the same letters.
            score = 1.0 - rank / (2 * MAX_ROLE_HITS)
            if asked_for_a_command:
                score /= 2
            yield Hit(
                score,
                prompt,
                partial(self.app.post_message, OpenRole(role.id)),
                text=role.display_title,
            )
