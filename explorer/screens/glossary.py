"""The glossary: terms on the left, the definition and the roles using it on the right.

The search field folds like role search (accents, case, acronym dots), so `sea`, `SEA` and
`S.E.A.` land on the same term. The list stays alphabetical while filtered; the best match
is highlighted. Every content string goes through `Text`: it is never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from explorer.french_spacing import Unglued, glued
from explorer.messages import OpenRole
from explorer.model import Catalog, Term
from explorer.model.glossary import search_terms
from explorer.widgets.bounded_list import BoundedOptionList
from explorer.widgets.steady_footer import SteadyFooter


class TermList(OptionList):
    """The terms, alphabetical; enter moves on to the roles that use the highlighted term."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Métiers du terme", id="glossary.to-roles"),
        Binding("down,j", "cursor_down", "Terme suivant", show=False, id="glossary.term-down"),
        Binding("up,k", "cursor_up", "Terme précédent", show=False, id="glossary.term-up"),
    ]


class TermRoles(BoundedOptionList):
    """The roles that use the term; enter opens the highlighted one in the explorer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Ouvrir le métier", id="glossary.open-role"),
        Binding("down,j", "cursor_down", "Métier suivant", show=False, id="glossary.role-down"),
        Binding("up,k", "cursor_up", "Métier précédent", show=False, id="glossary.role-up"),
    ]

    def on_focus(self) -> None:
        # Arriving by tab or enter: start on the first role so enter has something to open.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0
        self.scroll_visible(animate=False)  # below a long definition in a short terminal


@dataclass(frozen=True, slots=True)
class GlossaryPlace:
    """Where the user was in the glossary: the search, the term, the role highlighted."""

    query: str
    term_id: str | None
    role_id: str | None


class GlossaryScreen(Screen[None]):
    """`g` from the explorer, or `app.open_glossary(term_id)` from a role's terms."""

    CSS_PATH = "glossary.tcss"

    SUB_TITLE = "Glossaire"
    AUTO_FOCUS = "#glossary-search"
    BINDING_GROUP_TITLE = "Glossaire"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Retour",
            id="glossary.back",
            tooltip="Effacer la recherche, puis revenir à l'écran précédent",
        ),
        Binding("slash", "focus_search", "Chercher", id="glossary.search"),
        Binding("down", "to_terms", "Termes", show=False, id="glossary.to-terms"),
    ]

    def __init__(
        self, catalog: Catalog, term_id: str | None = None, *, place: GlossaryPlace | None = None
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self._start_term = place.term_id if place else term_id
        self._start_place = place
        self._shown: tuple[Term, ...] = ()
        self._defined: str | None = None  # the term whose definition is shown

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder="Chercher un terme : SEO, S.E.A., référencement…",
            id="glossary-search",
        )
        with Horizontal(id="glossary-body"):
            yield TermList(id="glossary-terms")
            with Vertical(id="glossary-detail"):
                yield Static(id="glossary-term")
                yield Static(id="glossary-aliases")
                yield Static(id="glossary-definition")
                yield Label(Text("Métiers qui emploient ce terme"), id="glossary-roles-heading")
                yield TermRoles(id="glossary-roles")
                yield Static(id="glossary-no-roles")
        yield SteadyFooter()

    def on_mount(self) -> None:
        place = self._start_place
        if place is None or not place.query:
            self._show_terms(tuple(self.catalog.terms.values()), self._start_term)
        else:
            with self.prevent(Input.Changed):
                self.query_one("#glossary-search", Input).value = place.query
            self._show_terms(self._matching(place.query), self._start_term)
        if place is not None and place.role_id is not None:
            roles = self.query_one(TermRoles)
            index = (
                roles.get_option_index(place.role_id) if place.role_id in self._role_ids() else 0
            )
            roles.focus()
            roles.highlighted = index
            self.call_after_refresh(roles.scroll_to_highlight)  # once its rows are laid out

    def place(self) -> GlossaryPlace:
        """Where the user is now, to come back to it (see `GlossaryPlace`)."""
        term = self._current_term()
        option = self.query_one(TermRoles).highlighted_option
        return GlossaryPlace(
            self.query_one("#glossary-search", Input).value,
            term.id if term else None,
            option.id if option is not None else None,
        )

    def _role_ids(self) -> set[str | None]:
        roles = self.query_one(TermRoles)
        return {roles.get_option_at_index(i).id for i in range(roles.option_count)}

    # --- what the user does ---------------------------------------------------------------

    def select_term(self, term_id: str) -> None:
        """Show one term, clearing a search that would hide it (used by `open_glossary`)."""
        search = self.query_one("#glossary-search", Input)
        if search.value:
            with self.prevent(Input.Changed):
                search.value = ""
        self._show_terms(tuple(self.catalog.terms.values()), term_id)

    def action_back(self) -> None:
        search = self.query_one("#glossary-search", Input)
        if search.value:
            search.value = ""  # the Changed handler shows every term again
            search.focus()
            return
        self.dismiss()

    def action_focus_search(self) -> None:
        self.query_one("#glossary-search", Input).focus()

    def action_to_terms(self) -> None:
        self.query_one(TermList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_terms":
            # Down leaves the search field for the list; elsewhere the lists move their cursor.
            return isinstance(self.focused, Input)
        return True

    @on(Input.Changed, "#glossary-search")
    def _search_changed(self, event: Input.Changed) -> None:
        query = event.value
        if not query.strip():
            current = self._current_term()
            self._show_terms(tuple(self.catalog.terms.values()), current.id if current else None)
            return
        hits = search_terms(self.catalog, query)
        self._show_terms(self._matching(query), hits[0].term.id if hits else None)

    def _matching(self, query: str) -> tuple[Term, ...]:
        wanted = {hit.term.id for hit in search_terms(self.catalog, query)}
        return tuple(t for t in self.catalog.terms.values() if t.id in wanted)

    @on(Input.Submitted, "#glossary-search")
    def _search_submitted(self) -> None:
        if self._shown:
            self.query_one(TermList).focus()

    @on(OptionList.OptionHighlighted, "#glossary-terms")
    def _term_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self._show_definition(self.catalog.terms[event.option.id])

    @on(OptionList.OptionSelected, "#glossary-terms")
    def _term_selected(self) -> None:
        roles = self.query_one(TermRoles)
        if roles.option_count:
            roles.focus()

    @on(OptionList.OptionSelected, "#glossary-roles")
    def _role_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(OpenRole(event.option.id))

    # --- drawing --------------------------------------------------------------------------

    def _current_term(self) -> Term | None:
        terms = self.query_one(TermList)
        option = terms.highlighted_option
        return self.catalog.terms.get(option.id) if option and option.id else None

    def _show_terms(self, terms: tuple[Term, ...], highlight: str | None) -> None:
        self._shown = terms
        term_list = self.query_one(TermList)
        with self.prevent(OptionList.OptionHighlighted):
            term_list.set_options(Option(Text(term.term), id=term.id) for term in terms)
        index = next((i for i, term in enumerate(terms) if term.id == highlight), 0)
        if terms:
            term_list.highlighted = index
            term_list.scroll_to_highlight(top=False)
            self._show_definition(terms[index])
        else:
            self._show_nothing(self.query_one("#glossary-search", Input).value)

    def _show_definition(self, term: Term) -> None:
        if term.id == self._defined:
            return  # the same term again (a highlight message after a redraw): keep the roles' cursor
        self._defined = term.id
        self.query_one("#glossary-term", Static).update(Text(term.term, style="bold"))
        aliases = self.query_one("#glossary-aliases", Static)
        aliases.update(Text(f"Aussi : {', '.join(term.aliases)}", style="italic"))
        aliases.display = bool(term.aliases)
        definition = Unglued(glued(Text(term.definition)))  # French spacing, see french_spacing.py
        self.query_one("#glossary-definition", Static).update(definition)
        roles = self.catalog.roles_using_term(term.id)
        role_list = self.query_one(TermRoles)
        role_list.set_options(Option(Text(role.display_title), id=role.id) for role in roles)
        role_list.display = bool(roles)
        self.query_one("#glossary-roles-heading").display = bool(roles)
        no_roles = self.query_one("#glossary-no-roles", Static)
        no_roles.update(Text("Terme général : aucune fiche métier ne le cite."))
        no_roles.display = not roles

    def _show_nothing(self, query: str) -> None:
        self._defined = None
        self.query_one("#glossary-term", Static).update(Text(""))
        self.query_one("#glossary-aliases").display = False
        message = (
            f"Aucun terme ne correspond à « {query} »."
            if query.strip()
            else "Le glossaire de ce catalogue ne contient aucun terme."
        )
        self.query_one("#glossary-definition", Static).update(Text(message))
        self.query_one(TermRoles).display = False
        self.query_one("#glossary-roles-heading").display = False
        self.query_one("#glossary-no-roles").display = False
