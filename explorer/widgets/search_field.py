"""The search box above the tree: enter or down hand over to the results, escape cancels."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchField(Input):
    """Typing filters the tree live: `on_typed` gets each new value, as it is typed."""

    BINDING_GROUP_TITLE = "Champ de recherche"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "to_results",
            "Résultats",
            id="search.results",
            tooltip="Aller dans l'arbre, sur le meilleur résultat",
        ),
        Binding("down", "to_results", "Résultats", show=False, id="search.results-down"),
        Binding(
            "escape",
            "cancel",
            "Effacer",
            id="search.clear",
            tooltip="Effacer la recherche et revenir à l'arbre complet",
        ),
    ]

    _on_typed: Callable[[str], object] | None = None  # a class default: Input may set a value first

    class ToResults(Message):
        """Enter or down: move to the filtered tree."""

    class Cancelled(Message):
        """Escape: clear the search and go back to the tree."""

    def __init__(
        self, *, id: str | None = None, on_typed: Callable[[str], object] | None = None
    ) -> None:
        super().__init__(placeholder="Rechercher un métier… (/)", id=id)
        self._on_typed = on_typed

    def watch_value(self, value: str) -> None:
        # Here rather than on Input.Changed, a message later: the tree and the pane change in
        # the same refresh as the typed character, one layout and paint per key, not two.
        if self._on_typed is not None:
            self._on_typed(value)

    def action_to_results(self) -> None:
        self.post_message(self.ToResults())

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
