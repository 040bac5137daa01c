"""A modal search picker for one role, using the same search as the explorer screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from explorer.model import Catalog, Role, search
from explorer.model.text import counted


class RolePicker(ModalScreen[str | None]):
    """Type to search, up/down to choose, enter to pick; dismisses with the role id, or None on escape.

    `refuse` may turn a role down with a message (shown as a warning); the picker then stays open.
    """

    CSS_PATH = "role_picker.tcss"

    BINDING_GROUP_TITLE = "Choix d'un métier"
    BINDINGS = [
        Binding("escape", "cancel", "Annuler", id="picker.cancel", tooltip="Fermer sans choisir"),
        Binding("down", "move(1)", "Métier suivant", show=False, id="picker.next"),
        Binding("up", "move(-1)", "Métier précédent", show=False, id="picker.previous"),
        Binding(
            "enter",
            "pick",
            "Choisir",
            id="picker.pick",
            tooltip="Prendre le métier en surbrillance",
        ),
    ]

    def __init__(
        self,
        catalog: Catalog,
        title: str,
        *,
        query: str = "",
        refuse: Callable[[Role], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.picker_title = title
        self.initial_query = query
        self.refuse = refuse

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog"):
            yield Static(Content(self.picker_title), id="picker-title")
            yield Input(
                self.initial_query,
                placeholder="Rechercher un métier : titre, compétence, outil…",
                id="picker-query",
            )
            yield OptionList(id="picker-results")
            yield Static(id="picker-status")

    def on_mount(self) -> None:
        self._show_results(self.initial_query)
        self.query_one("#picker-query", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_results(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_pick()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._pick(event.option.id)

    def matching_roles(self, query: str) -> list[Role]:
        """All roles in catalogue order for an empty query, else the search hits, best first."""
        if not query.strip():
            return list(self.catalog.roles.values())
        return [hit.role for hit in search(self.catalog, query)]

    def _show_results(self, query: str) -> None:
        results = self.query_one("#picker-results", OptionList)
        roles = self.matching_roles(query)
        results.set_options(self._option(role) for role in roles)
        if roles:
            results.highlighted = 0
        status = self.query_one("#picker-status", Static)
        if not roles:
            status.update(Content(f"Aucun métier ne correspond à « {query.strip()} »."))
        else:
            status.update(
                Content(
                    f"{counted(len(roles), 'métier')} · entrée pour choisir, Échap pour annuler"
                )
            )

    def _option(self, role: Role) -> Option:
        family = self.catalog.family(role.family)
        prompt = Content.assemble(
            (role.display_title, "bold"),
            ("  " + family.title if family else "", "$text-muted"),
        )
        return Option(prompt, id=role.id)

    def action_move(self, step: int) -> None:
        results = self.query_one("#picker-results", OptionList)
        if step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def action_pick(self) -> None:
        option = self.query_one("#picker-results", OptionList).highlighted_option
        if option is not None and option.id is not None:
            self._pick(option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _pick(self, role_id: str) -> None:
        role = self.catalog.roles.get(role_id)
        if role is None:
            return
        message = self.refuse(role) if self.refuse is not None else None
        if message:
            self.notify(message, severity="warning", markup=False)
            return
        self.dismiss(role_id)
