"""The filter panel: family, access level, employer type, and skills (all of them required).

The panel owns no roles: it tells its parent what the user chose with `FilterPanel.Changed`
and takes a new filter with `set_filter` (e.g. after "clear all"). Skills can number in the
thousands, so they are picked through a search field that narrows the list.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Input, Label, SelectionList, Static

from explorer.model import EMPLOYER_TYPES, Catalog
from explorer.model.filters import Dimension, RoleFilter
from explorer.model.search import fold_all
from explorer.model.text import fold

# More skills than this are not listed at once: typing narrows them.
MAX_SKILLS_SHOWN = 200


# Inside the toggle button: a glyph for a ticked choice, none for the others (not colour alone).
TICKED = "✓"
UNTICKED = " "


class FilterList(SelectionList[str]):
    """One dimension's choices; space or enter ticks the highlighted one; ↓ on the last
    choice goes on to the next group (↑ on the first, back to the previous one)."""

    BINDING_GROUP_TITLE = "Listes de filtres"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "select", "Cocher", show=False, id="filters.tick", tooltip="Cocher ou décocher"
        ),
        Binding(
            "down,j",
            "cursor_down",
            "Suivant",
            show=False,
            id="filters.down",
            tooltip="Au bout de la liste : le groupe suivant",
        ),
        Binding(
            "up,k",
            "cursor_up",
            "Précédent",
            show=False,
            id="filters.up",
            tooltip="En haut de la liste : le groupe précédent",
        ),
    ]

    def __init__(self, dimension: Dimension, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self.dimension = dimension

    def on_focus(self) -> None:
        # Arriving by tab: start on the first choice so space has something to tick.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def action_cursor_down(self) -> None:
        last = self.option_count - 1
        if self.highlighted is None or self.highlighted < last:
            super().action_cursor_down()
        elif self.dimension != "skills":  # the last group: stay on its last choice
            self.screen.focus_next()

    def action_cursor_up(self) -> None:
        if self.highlighted is None or self.highlighted > 0:
            super().action_cursor_up()
        elif self.dimension != "families":
            previous = self.screen.focus_previous()
            if isinstance(previous, FilterList) and previous.option_count:
                previous.highlighted = previous.option_count - 1

    def render_line(self, y: int) -> Strip:
        # SelectionList draws the same "X" ticked or not; only its colour differs.
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if len(segments) < 3 or not 0 <= index < self.option_count:
            return strip
        ticked = self.get_option_at_index(index).value in self.selected
        inner = segments[1]
        segments[1] = Segment(TICKED if ticked else UNTICKED, inner.style, inner.control)
        return Strip(segments, strip.cell_length)


class FilterPanel(VerticalScroll, can_focus=False):
    """Tab moves between the lists; space ticks; the parent closes the panel (F or escape)."""

    BINDING_GROUP_TITLE = "Filtres"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer (F, shown, closes it too): every other key then fits in 80 columns.
        Binding(
            "escape",
            "close",
            "Fermer",
            show=False,
            id="filters.close",
            tooltip="Fermer les filtres",
        ),
        Binding(
            "tab",
            "app.focus_next",
            "Groupe suivant",
            show=False,
            id="filters.next-group",
            tooltip="Famille, niveau, employeur, compétences",
        ),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Groupe précédent",
            show=False,
            id="filters.previous-group",
        ),
    ]

    DEFAULT_CSS = """
    FilterPanel {
        width: 1fr;
        height: 1fr;
        padding: 0 1;
        & > .filter-heading { text-style: bold; margin-top: 1; }
        & > .filter-heading.-first { margin-top: 0; }
        & > FilterList { height: auto; max-height: 9; }
        & > #filter-skills { max-height: 12; }
        & > #filter-skills-note { color: $text-muted; }
    }
    """

    class Changed(Message):
        """The user ticked or unticked a choice: here is the whole new filter."""

        def __init__(self, panel: FilterPanel, role_filter: RoleFilter) -> None:
            super().__init__()
            self.panel = panel
            self.role_filter = role_filter

        @property
        def control(self) -> FilterPanel:
            return self.panel

    class Closed(Message):
        """The user asked to close the panel (escape); the parent hides it."""

    def __init__(
        self, catalog: Catalog, role_filter: RoleFilter | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.catalog = catalog
        self._filter = role_filter if role_filter is not None else RoleFilter()
        self._skill_choices: list[tuple[str, str, str]] | None = None
        self._skills_listed = False  # see prepare()

    @property
    def _skills(self) -> list[tuple[str, str, str]]:
        """Every skill as (id, label, folded label and id), in alphabetical order.

        Folded once, on first use (thousands of labels in a big catalogue): the skill search
        runs on every key press.
        """
        if self._skill_choices is None:
            skills = list(self.catalog.skills.values())
            labels = [skill.label for skill in skills]
            folded = fold_all([f"{skill.label} {skill.id}" for skill in skills])
            keys = fold_all(labels)  # sort_key(label), folded in one pass
            order = sorted(range(len(skills)), key=lambda i: (keys[i], labels[i]))
            self._skill_choices = [(skills[i].id, labels[i], folded[i]) for i in order]
        return self._skill_choices

    @property
    def role_filter(self) -> RoleFilter:
        return self._filter

    def compose(self) -> ComposeResult:
        chosen = self._filter
        yield Label(Text("Famille"), classes="filter-heading -first")
        families = FilterList("families", id="filter-families")
        families.add_options(
            (Text(f.title), f.id, f.id in chosen.families) for f in self.catalog.families
        )
        yield families
        yield Label(Text("Niveau d'accès"), classes="filter-heading")
        levels = FilterList("levels", id="filter-levels")
        levels.add_options(
            (Text(level), level, level in chosen.levels) for level in self.catalog.levels_present()
        )
        yield levels
        yield Label(Text("Type d'employeur"), classes="filter-heading")
        employers = FilterList("employers", id="filter-employers")
        employers.add_options(
            (Text(EMPLOYER_TYPES[e]), e, e in chosen.employers)
            for e in self.catalog.employers_present()
        )
        yield employers
        yield Label(Text("Compétences (toutes requises)"), classes="filter-heading")
        yield Input(placeholder="Chercher une compétence…", id="filter-skill-search", compact=True)
        yield FilterList("skills", id="filter-skills")
        yield Static(id="filter-skills-note")

    def on_mount(self) -> None:
        if self.display:
            self.prepare()

    def prepare(self) -> None:
        """Fill the skill list, once; a panel mounted hidden waits until it is first shown."""
        if not self._skills_listed:
            self._skills_listed = True
            self._show_skills(self.query_one("#filter-skill-search", Input).value)

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def focus_first(self) -> None:
        """On the family list, the panel scrolled to its top (its heading shows)."""
        self.scroll_home(animate=False)
        self.query_one("#filter-families", FilterList).focus(scroll_visible=False)

    def set_filter(self, role_filter: RoleFilter) -> None:
        """Show another filter (e.g. after "clear all"), without posting Changed."""
        self._filter = role_filter
        for selection in self.query(FilterList):
            chosen = role_filter.values(selection.dimension)
            if selection.dimension == "skills":
                continue
            with self.prevent(SelectionList.SelectedChanged):
                for value in list(selection.selected):
                    if value not in chosen:
                        selection.deselect(value)
                for value in chosen:
                    selection.select(value)
        if self._skills_listed:
            self._show_skills(self.query_one("#filter-skill-search", Input).value)

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        event.stop()
        selection = event.selection_list
        assert isinstance(selection, FilterList)
        values = set(self._filter.values(selection.dimension))
        value = event.selection.value
        if value in selection.selected:
            values.add(value)
        else:
            values.discard(value)
        self._filter = self._filter.with_values(selection.dimension, values)
        self.post_message(self.Changed(self, self._filter))

    @on(SelectionList.SelectedChanged)
    @on(SelectionList.SelectionHighlighted)
    def _quiet(self, event: Message) -> None:
        event.stop()  # the parent only needs Changed

    @on(Input.Changed, "#filter-skill-search")
    def _skill_search(self, event: Input.Changed) -> None:
        event.stop()
        self._show_skills(event.value)

    @on(Input.Submitted, "#filter-skill-search")
    def _skill_search_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#filter-skills", FilterList).focus()

    def _show_skills(self, query: str) -> None:
        """Ticked skills first (they stay visible whatever the search), then the matches."""
        chosen = self._filter.skills
        words = fold(query).split()
        picked = [(sid, label) for sid, label, _ in self._skills if sid in chosen]
        matches = [
            (sid, label)
            for sid, label, folded in self._skills
            if sid not in chosen and all(word in folded for word in words)
        ]
        shown = matches[:MAX_SKILLS_SHOWN]
        skills = self.query_one("#filter-skills", FilterList)
        with self.prevent(SelectionList.SelectedChanged):
            skills.clear_options()
            skills.add_options([(Text(label), sid, True) for sid, label in picked])
            skills.add_options([(Text(label), sid, False) for sid, label in shown])
        if skills.option_count:
            # On the first match, so that enter then space ticks what was searched for.
            skills.highlighted = len(picked) if shown else 0
        if len(matches) > len(shown):
            note = f"{len(shown)} sur {len(matches)} : tapez pour affiner"
        elif not matches and words:
            note = f"Aucune compétence ne contient « {query.strip()} »."
        else:
            note = ""
        notice = self.query_one("#filter-skills-note", Static)
        notice.update(Text(note))
        notice.display = bool(note)
