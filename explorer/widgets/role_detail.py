"""The detail pane: everything about one role, with keyboard-followable links.

The pane's widgets are composed once and updated in place for each role, so moving the
tree cursor never mounts or removes widgets. Every content string goes through `Text`, so
square brackets in the content are shown as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.events import Focus
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from explorer.model import EMPLOYER_TYPES, SKILL_CATEGORIES, Catalog, Family, Role
from explorer.model.compare import nearest
from explorer.widgets.role_tree import COMPARE_MARKER, FAVOURITE_MARKER

NEAREST_COUNT = 3


def bullets(items: Iterable[str]) -> RenderableType:
    """A list with hanging indents: wrapped lines stay aligned after the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row("•", Text(item))
    return grid


def plural(count: int, singular: str, plural_form: str) -> str:
    return f"{count} {singular if count == 1 else plural_form}"


class LinkList(OptionList):
    """Roles or glossary terms listed in the detail pane; enter follows the highlighted one."""

    BINDING_GROUP_TITLE = "Liens de la fiche"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Ouvrir", id="detail.follow", tooltip="Suivre le lien"),
        Binding("down,j", "cursor_down", "Lien suivant", show=False, id="detail.link-down"),
        Binding("up,k", "cursor_up", "Lien précédent", show=False, id="detail.link-up"),
    ]

    def __init__(self, kind: str, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self.kind = kind  # "role" or "term": what the option ids name

    def on_focus(self, event: Focus) -> None:
        # Arriving by tab: start on the first link so enter has something to follow.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0


class Section(Vertical):
    """A heading and its body; hidden when it has nothing to say."""

    DEFAULT_CSS = """
    Section { height: auto; }
    """

    def __init__(self, heading: str, body: Widget, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="section")
        self.heading = heading
        self.body = body

    def compose(self) -> ComposeResult:
        yield Label(Text(self.heading), classes="heading")
        yield self.body


class RoleDetail(VerticalScroll):
    """The scrollable pane on the right. Posts messages when a link is followed or left."""

    BINDING_GROUP_TITLE = "Fiche du métier"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave",
            "Retour",
            show=False,
            id="detail.back",
            tooltip="Revenir à l'arbre",
        ),
        Binding(
            "tab",
            "next_link",
            "Liens",
            id="detail.next-link",
            tooltip="Aller au groupe de liens suivant (métiers liés, proches, termes)",
        ),
        Binding(
            "shift+tab",
            "previous_link",
            "Liens précédents",
            show=False,
            id="detail.previous-link",
        ),
        Binding("down,j", "scroll_down", "Défiler vers le bas", show=False, id="detail.down"),
        Binding("up,k", "scroll_up", "Défiler vers le haut", show=False, id="detail.up"),
    ]

    class RoleChosen(Message):
        """A related or nearest role was followed."""

        def __init__(self, role_id: str) -> None:
            super().__init__()
            self.role_id = role_id

    class TermChosen(Message):
        """A glossary term was followed."""

        def __init__(self, term_id: str) -> None:
            super().__init__()
            self.term_id = term_id

    class Left(Message):
        """Escape: the user wants to go back to the tree."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.role: Role | None = None
        self.family: Family | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="detail-title", markup=False)
        yield Static(id="detail-subtitle", markup=False)
        yield Static(id="detail-markers", markup=False)
        yield Static(id="detail-aliases", markup=False)
        yield Static(id="detail-summary", markup=False)
        yield Section("Missions", Static(markup=False), id="detail-missions")
        yield Section("Compétences", Static(markup=False), id="detail-skills")
        yield Section("Outils", Static(markup=False), id="detail-tools")
        yield Section("Accès et formation", Static(markup=False), id="detail-access")
        yield Section("Employeurs et contexte", Static(markup=False), id="detail-employers")
        yield Section("Métiers liés", LinkList("role", id="related-links"), id="detail-related")
        yield Section(
            "Métiers les plus proches (compétences communes)",
            LinkList("role", id="nearest-links"),
            id="detail-nearest",
        )
        yield Section("Termes du glossaire", LinkList("term", id="term-links"), id="detail-terms")
        yield Section("Sources", Static(markup=False), id="detail-sources")

    # --- filling --------------------------------------------------------------------------

    def _static(self, widget_id: str) -> Static:
        return self.query_one(f"#{widget_id}", Static)

    def _set_line(self, widget_id: str, content: RenderableType | None) -> None:
        widget = self._static(widget_id)
        widget.display = content is not None
        if content is not None:
            widget.update(content)

    def _set_section(self, section_id: str, content: RenderableType | None) -> None:
        section = self.query_one(f"#{section_id}", Section)
        section.display = content is not None
        if content is not None and isinstance(section.body, Static):
            section.body.update(content)

    def _set_links(self, section_id: str, options: Sequence[Option]) -> None:
        section = self.query_one(f"#{section_id}", Section)
        section.display = bool(options)
        if isinstance(section.body, LinkList):
            section.body.set_options(options)

    def show_role(
        self, role: Role, catalog: Catalog, *, favourite: bool = False, marked: bool = False
    ) -> None:
        """Fill the pane for one role; sections with nothing in them are hidden."""
        self.role, self.family = role, None
        family = catalog.family(role.family)
        self._set_line("detail-title", Text(role.display_title))
        self._set_line("detail-subtitle", Text(family.title if family else role.family))
        self.set_markers(favourite=favourite, marked=marked)
        self._set_line(
            "detail-aliases",
            Text.assemble(("Aussi appelé : ", "bold"), ", ".join(role.aliases))
            if role.aliases
            else None,
        )
        self._set_line("detail-summary", Text(role.summary) if role.summary else None)
        self._set_section("detail-missions", bullets(role.missions) if role.missions else None)
        self._set_section("detail-skills", self._skills(role, catalog))
        self._set_section("detail-tools", Text(" · ".join(role.tools)) if role.tools else None)
        self._set_section("detail-access", self._access(role))
        self._set_section("detail-employers", self._employers(role))
        self._set_links("detail-related", self._related(role, catalog))
        self._set_links("detail-nearest", self._nearest(role, catalog))
        self._set_links(
            "detail-terms",
            [
                Option(Text.assemble((term.term, "bold"), " — ", term.definition), id=term.id)
                for term in catalog.role_terms(role)
            ],
        )
        self._set_section("detail-sources", Text(", ".join(role.sources)) if role.sources else None)
        self.scroll_home(animate=False)

    def show_family(self, family: Family, role_count: int) -> None:
        """A family is highlighted: its title, size and summary."""
        self.role, self.family = None, family
        self._show_text(
            Text(family.title),
            Text(f"Famille · {plural(role_count, 'métier', 'métiers')}"),
            Text(family.summary) if family.summary else None,
        )

    def show_message(self, message: str) -> None:
        """Nothing to show (an empty search result): a short hint instead."""
        self.role, self.family = None, None
        self._show_text(None, None, Text(message))

    def _show_text(self, title: Text | None, subtitle: Text | None, body: Text | None) -> None:
        self._set_line("detail-title", title)
        self._set_line("detail-subtitle", subtitle)
        for widget_id in ("detail-markers", "detail-aliases"):
            self._set_line(widget_id, None)
        self._set_line("detail-summary", body)
        for section in self.query(Section):
            section.display = False
        self.scroll_home(animate=False)

    def set_markers(self, *, favourite: bool, marked: bool) -> None:
        """The line under the title saying the role is in the shortlist or marked."""
        parts: list[str] = []
        if favourite:
            parts.append(f"{FAVOURITE_MARKER} Dans votre sélection")
        if marked:
            parts.append(f"{COMPARE_MARKER} Attend un second métier à comparer")
        self._set_line("detail-markers", Text("   ".join(parts)) if parts else None)

    @staticmethod
    def _skills(role: Role, catalog: Catalog) -> RenderableType | None:
        # One paragraph per category: reads the same at 40 columns as at 200.
        groups = catalog.skills_by_category(role.skills)
        if not groups:
            return None
        lines = [
            Text.assemble(
                (f"{SKILL_CATEGORIES.get(category, category)} : ", "bold"),
                " · ".join(skill.label for skill in skills),
            )
            for category, skills in groups
        ]
        return Text("\n").join(lines)

    @staticmethod
    def _access(role: Role) -> RenderableType | None:
        levels, paths = role.access.levels, role.access.paths
        if not levels and not paths:
            return None
        grid = Table.grid()
        grid.add_column()
        if levels:
            grid.add_row(Text.assemble(("Niveau : ", "bold"), " · ".join(levels)))
        if paths:
            grid.add_row(bullets(paths))
        return grid

    @staticmethod
    def _employers(role: Role) -> RenderableType | None:
        if not role.employers and not role.context:
            return None
        grid = Table.grid()
        grid.add_column()
        if role.employers:
            grid.add_row(bullets(EMPLOYER_TYPES.get(e, e) for e in role.employers))
        if role.context:
            if role.employers:
                grid.add_row("")
            grid.add_row(Text(role.context))
        return grid

    @staticmethod
    def _related(role: Role, catalog: Catalog) -> list[Option]:
        options = []
        for link in role.related:
            other = catalog.roles.get(link.role)
            if other is None:
                text = Text.assemble((f"{link.kind_label} · ", "dim"), link.role)
                text.append(" (absent du catalogue)", "italic")
                options.append(Option(text, disabled=True))
            else:
                text = Text.assemble((f"{link.kind_label} · ", "dim"), other.display_title)
                options.append(Option(text, id=other.id))
        return options

    @staticmethod
    def _nearest(role: Role, catalog: Catalog) -> list[Option]:
        options = []
        for comparison in nearest(catalog, role, NEAREST_COUNT):
            shared = len(comparison.shared)
            text = Text(comparison.b.display_title)
            text.append(
                f" — {plural(shared, 'compétence commune', 'compétences communes')}"
                f" sur {comparison.union_size} ({comparison.overlap_percent}\u00a0%)",
                "dim",
            )
            options.append(Option(text, id=comparison.b.id))
        return options

    # --- keys and links -------------------------------------------------------------------

    def _stops(self) -> list[Widget]:
        """Where tab goes inside the pane: the text itself, then each visible link list."""
        lists = [
            links
            for links in self.query(LinkList)
            if links.option_count and links.parent is not None and links.parent.display
        ]
        return [self, *lists]

    def _cycle(self, step: int) -> None:
        stops = self._stops()
        focused = self.screen.focused
        index = stops.index(focused) if focused in stops else 0
        stops[(index + step) % len(stops)].focus()

    def action_next_link(self) -> None:
        self._cycle(1)

    def action_previous_link(self) -> None:
        self._cycle(-1)

    def action_leave(self) -> None:
        self.post_message(self.Left())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        links = event.option_list
        target = event.option.id
        if target is None or not isinstance(links, LinkList):
            return
        if links.kind == "term":
            self.post_message(self.TermChosen(target))
        else:
            self.post_message(self.RoleChosen(target))
