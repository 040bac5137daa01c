"""Command palette: "Comparer avec …" for the role highlighted on the explorer screen."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.screen import Screen
from textual.style import Style

from explorer.model import Comparison, Role, compare, nearest, search
from explorer.model.text import fold
from explorer.screens.compare import headline
from explorer.screens.main import MainScreen

if TYPE_CHECKING:
    from explorer.app import ExplorerApp

PREFIX = "Comparer avec "
_PREFIX_WORDS = frozenset(fold(PREFIX).split())
_DISCOVERED = 5  # nearest roles offered before anything is typed


def highlighted_role(screen: Screen[object]) -> Role | None:
    """The role under the explorer screen's cursor; None on any other screen."""
    return screen.current_role if isinstance(screen, MainScreen) else None


def _prompt(role: Role, offsets: tuple[int, ...] = (), style: Style | None = None) -> Content:
    """The command's text as plain Content (never markup), matched letters highlighted."""
    content = Content(PREFIX + role.display_title)
    for offset in offsets:
        content = content.stylize(style or "underline", offset, offset + 1)
    return content


def _help(comparison: Comparison) -> str:
    # The palette reads help as markup: this text is made of numbers only, never content strings.
    return headline(comparison)


class CompareCommands(Provider):
    """One command per other role; choosing it opens the compare screen."""

    @property
    def explorer_app(self) -> ExplorerApp:
        return cast("ExplorerApp", self.app)

    def _current(self) -> Role | None:
        return highlighted_role(self.screen)

    async def discover(self) -> Hits:
        current = self._current()
        if current is None:
            return
        catalog = self.explorer_app.catalog
        for comparison in nearest(catalog, current, k=_DISCOVERED):
            yield DiscoveryHit(
                _prompt(comparison.b),
                partial(self.explorer_app.open_compare, current.id, comparison.b.id),
                text=PREFIX + comparison.b.display_title,
                help=_help(comparison),
            )

    async def search(self, query: str) -> Hits:
        current = self._current()
        if current is None:
            return
        catalog = self.explorer_app.catalog
        # The model's search folds accents ("redacteur" finds "Rédacteur"); the fuzzy matcher
        # also accepts abbreviations of the whole command ("comp reda").
        words = [w for w in fold(query).split() if w not in _PREFIX_WORDS]
        found = (
            {hit.role.id: hit.score for hit in search(catalog, " ".join(words))} if words else {}
        )
        best = max(found.values(), default=1)
        asked_to_compare = any(w in _PREFIX_WORDS for w in fold(query).split())
        fuzzy = FuzzySearch()
        for role in catalog.roles.values():
            if role.id == current.id:
                continue
            text = PREFIX + role.display_title
            score, offsets = fuzzy.match(query, text)
            score = min(score, 1.0)  # Textual's fuzzy scores are not bounded by 1
            if role.id in found:
                score = max(score, 0.5 + 0.5 * found[role.id] / best)
            if score <= 0:
                continue
            if not asked_to_compare:
                # A bare role name means "go to it": jumps (scored 0.5 to 1) stay on top.
                score *= 0.45
            yield Hit(
                score,
                _prompt(role, tuple(offsets), self.match_style),
                partial(self.explorer_app.open_compare, current.id, role.id),
                text=text,
                help=_help(compare(catalog, current, role)),
            )
