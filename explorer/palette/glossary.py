"""Command palette provider: "Définition : SEO" for the glossary terms matching the query."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import Hit, Hits, Provider

from explorer.messages import OpenGlossary
from explorer.model.glossary import search_terms
from explorer.palette.source import catalog_of

PREFIX = "Définition : "
MAX_HITS = 8
HELP_LENGTH = 70
# An exact term name scores this much or more; palette scores run from 0 to 1.
_TOP_SCORE = 400
# A definition ranks below the role jumps: `sea` opens Référenceur SEA, not the term.
_BEST = 0.95


def _snippet(definition: str) -> str:
    return definition if len(definition) <= HELP_LENGTH else definition[: HELP_LENGTH - 1] + "…"


class GlossaryCommands(Provider):
    async def search(self, query: str) -> Hits:
        catalog = catalog_of(self.app)
        if catalog is None:
            return
        for hit in search_terms(catalog, query, limit=MAX_HITS):
            term = hit.term
            label = Text(PREFIX)
            label.append(term.term, style="bold")
            # The definition goes in the prompt, not in `help`: the palette reads help as markup.
            label.append("\n" + _snippet(term.definition), style="dim")
            yield Hit(
                min(hit.score / _TOP_SCORE, 1.0) * _BEST,
                label,
                partial(self.app.post_message, OpenGlossary(term.id)),
                text=PREFIX + term.term,
            )
