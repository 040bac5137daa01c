"""Palette: "Comparer <role highlighted> avec …" for the role highlighted on the explorer screen."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.screen import Screen
from textual.style import Style

from explorer.messages import OpenCompare
from explorer.model import Catalog, Role, compare, nearest, search
from explorer.model.compare import comparison_headline
from explorer.model.text import fold
from explorer.palette.source import catalog_of
from explorer.screens.main import MainScreen

VERB = "Comparer"
_COMMAND_WORDS = frozenset({"comparer", "avec"})  # folded
_DISCOVERED = 5  # nearest roles offered before anything is typed


def highlighted_role(screen: Screen[object]) -> Role | None:
    """The role under the explorer screen's cursor; None on any other screen."""
    return screen.current_role if isinstance(screen, MainScreen) else None


def command_text(current: Role, other: Role) -> str:
    """`Comparer Traffic manager avec Référenceur SEA`: both roles named."""
    return f"{VERB} {current.display_title} avec {other.display_title}"


def _prompt(text: str, offsets: tuple[int, ...] = (), style: Style | None = None) -> Content:
    """The command's text as plain Content (never markup), matched letters highlighted."""
    content = Content(text)
    for offset in offsets:
        content = content.stylize(style or "underline", offset, offset + 1)
    return content


class CompareCommands(Provider):
    """One command per other role; choosing it opens the compare screen."""

    def _open(self, current: Role, other: Role) -> partial[bool]:
        return partial(self.app.post_message, OpenCompare(current.id, other.id))

    def _help(self, catalog: Catalog, current: Role, other: Role) -> str:
        # The palette reads help as markup: this text is made of numbers and fixed words.
        return comparison_headline(catalog, compare(catalog, current, other))

    async def discover(self) -> Hits:
        current = highlighted_role(self.screen)
        catalog = catalog_of(self.app)
        if current is None or catalog is None:
            return
        for comparison in nearest(catalog, current, k=_DISCOVERED):
            text = command_text(current, comparison.b)
            yield DiscoveryHit(
                _prompt(text),
                self._open(current, comparison.b),
                text=text,
                help=comparison_headline(catalog, comparison),
            )

    async def search(self, query: str) -> Hits:
        current = highlighted_role(self.screen)
        catalog = catalog_of(self.app)
        if current is None or catalog is None:
            return
        folded = fold(query).split()
        asked_to_compare = any(w in _COMMAND_WORDS for w in folded)
        words = [w for w in folded if w not in _COMMAND_WORDS]
        if asked_to_compare and words:
            # "comparer sea": the roles the model's search finds, in its order, on top.
            matches = [hit.role for hit in search(catalog, " ".join(words)) if hit.role != current]
            for rank, role in enumerate(matches[:20]):
                text = command_text(current, role)
                yield Hit(
                    1.0 - rank / 40,
                    _prompt(text),
                    self._open(current, role),
                    text=text,
                    help=self._help(catalog, current, role),
                )
            return
        # A bare role name means "go to it": the jumps (scored 0.5 to 1) stay on top, these
        # below them. The model's search folds accents ("redacteur" finds "Rédacteur"); the
        # fuzzy matcher also accepts abbreviations of the whole command ("comp reda").
        found = (
            {hit.role.id: hit.score for hit in search(catalog, " ".join(words))} if words else {}
        )
        best = max(found.values(), default=1)
        fuzzy = FuzzySearch()
        for role in catalog.roles.values():
            if role.id == current.id:
                continue
            text = command_text(current, role)
            score, offsets = fuzzy.match(query, text)
            score = min(score, 1.0)  # Textual's fuzzy scores are not bounded by 1
            if role.id in found:
                score = max(score, 0.5 + 0.5 * found[role.id] / best)
            if score <= 0:
                continue
            if not asked_to_compare:
                score *= 0.45
            yield Hit(
                score,
                _prompt(text, tuple(offsets), self.match_style),
                self._open(current, role),
                text=text,
                help=self._help(catalog, current, role),
            )
