"""Two roles side by side: the same sections on the same rows, shared skills marked, the gap both ways."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import Literal

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Static

from explorer.app_state import watch_app
from explorer.french_spacing import glued_content, unglued_content
from explorer.messages import OpenPath, ToggleFavourite
from explorer.model import EMPLOYER_TYPES, Catalog, Comparison, Role, compare
from explorer.model.compare import comparison_headline
from explorer.model.text import counted
from explorer.screens.role_picker import RolePicker
from explorer.widgets.glued_static import GluedStatic, legend
from explorer.widgets.steady_footer import SteadyFooter

Side = Literal["a", "b"]

SAME_ROLE_MESSAGE = "Impossible de comparer un métier avec lui-même : choisissez un autre métier."
NARROW_BELOW = 100  # terminal columns; below this the two roles are stacked, one above the other
# a and b share one footer entry ("a b Changer") so the footer fits in 80 columns.
_REPLACE_GROUP = Binding.Group("Changer")
SHARED_MARK = "● "
SPECIFIC_MARK = "○ "
HAVE_MARK = " ✓"  # after a skill the user's profile has

_HEADING = "bold $text-accent"
_SUBHEADING = "bold"
_MUTED = "$text-muted"
_SHARED = "$text-success"
_NO_LEAD = Content()
_BLANK = Content("")


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of a cell; lines after the first are indented by the lead's width (hanging bullets)."""

    text: Content
    lead: Content = _NO_LEAD

    def lines(self, width: int) -> list[Content]:
        indent = self.lead.cell_length
        # French spacing: no line starts with a lone « : » (see french_spacing.py).
        text = glued_content(self.text)
        wrapped = [unglued_content(line) for line in text.wrap(max(width - indent, 1))]
        wrapped = wrapped or [Content("")]
        return [self.lead + wrapped[0], *(Content(" " * indent) + line for line in wrapped[1:])]


Block = tuple[Para, ...]


def block_lines(block: Block, width: int) -> list[Content]:
    return [line for para in block for line in para.lines(width)]


@dataclass(frozen=True, slots=True)
class Row:
    """One section of the comparison: role A's cell and role B's cell, shown at the same height."""

    key: str
    a: Block
    b: Block


def _muted(text: str) -> Para:
    return Para(Content.styled(text, _MUTED))


def _section(title: str, paras: Iterable[Para], style: str = _HEADING) -> Block:
    body = list(paras) or [_muted("Non renseigné")]
    return (Para(Content.styled(title, style)), *body)


def _bullets(items: Iterable[str]) -> list[Para]:
    return [Para(Content(item), Content("· ")) for item in items]


def _skill(label: str, shared: bool, have: bool = False) -> Para:
    text = Content.styled(label, _SHARED) if shared else Content(label)
    if have:
        text += Content.styled(HAVE_MARK, "bold")
    if shared:
        return Para(text, Content.styled("  " + SHARED_MARK, _SHARED))
    return Para(text, Content("  " + SPECIFIC_MARK))


def comparison_rows(
    catalog: Catalog, comparison: Comparison, mine: frozenset[str] = frozenset()
) -> list[Row]:
    """Every section for both roles, in display order; both sides always have the same rows.

    The skills in `mine` (the user's profile) are marked with HAVE_MARK.
    """
    a, b = comparison.a, comparison.b
    shared = set(comparison.shared)

    def family(role: Role) -> Block:
        found = catalog.family(role.family)
        return _section("Famille", [Para(Content(found.title if found else role.family))])

    def skills_summary(role: Role) -> Block:
        mine = [s for s in role.skills if s in catalog.skills]
        if not mine:
            return _section("Compétences", [])
        common = sum(1 for s in mine if s in shared)
        own = len(mine) - common
        text = f"{len(mine)} au total : {common} en commun, {counted(own, 'propre')} à ce métier"
        return _section("Compétences", [_muted(text)])

    def skills_in(role: Role, category: str, label: str) -> Block:
        # Shared skills first, in the same order on both sides, so that they face each other.
        ids = [*comparison.shared, *(s for s in role.skills if s not in shared)]
        skills = [catalog.skills[s] for s in ids if s in catalog.skills]
        paras = [
            _skill(s.label, s.id in shared, s.id in mine) for s in skills if s.category == category
        ]
        none = Para(Content.styled("Aucune dans cette catégorie", _MUTED), Content("  "))
        return _section(label, paras or [none], _SUBHEADING)

    def gap(source: Role, target: Role, missing: tuple[str, ...]) -> Block:
        title = f"Pour passer de {source.title} à {target.title}"
        groups = catalog.skills_by_category(missing)
        if not groups:
            return _section(
                title,
                [
                    _muted(
                        f"Rien à acquérir : {source.title} a déjà toutes les compétences de {target.title}."
                    )
                ],
            )
        count = sum(len(skills) for _, skills in groups)
        paras = [_muted(f"{counted(count, 'compétence')} de {target.title} à acquérir :")]
        for _category, skills in groups:
            paras.append(Para(Content.styled(skills[0].category_label, _SUBHEADING)))
            paras.extend(_skill(s.label, False, s.id in mine) for s in skills)
        return _section(title, paras)

    def access(role: Role) -> Block:
        paras: list[Para] = []
        if role.access.levels:
            paras.append(Para(Content(", ".join(role.access.levels)), Content("Niveau : ")))
        paras.extend(_bullets(role.access.paths))
        return _section("Accès au métier", paras)

    def employers(role: Role) -> Block:
        return _section("Employeurs", _bullets(EMPLOYER_TYPES.get(e, e) for e in role.employers))

    def tools(role: Role) -> Block:
        return _section("Outils", [Para(Content(", ".join(role.tools)))] if role.tools else [])

    def conditions(role: Role) -> Block:
        return _section(
            "Conditions de travail", [Para(Content(role.conditions))] if role.conditions else []
        )

    def joined(title: str, items: tuple[str, ...]) -> Block:
        return _section(title, [Para(Content(", ".join(items)))] if items else [])

    rows = [
        Row("family", family(a), family(b)),
        Row(
            "summary",
            _section("En bref", [Para(Content(a.summary))]),
            _section("En bref", [Para(Content(b.summary))]),
        ),
        Row(
            "missions",
            _section("Missions", _bullets(a.missions)),
            _section("Missions", _bullets(b.missions)),
        ),
        Row("skills", skills_summary(a), skills_summary(b)),
    ]
    # One row per category present in either role, so that "Technique" faces "Technique".
    for category, skills in catalog.skills_by_category((*a.skills, *b.skills)):
        label = skills[0].category_label
        rows.append(
            Row(f"skills-{category}", skills_in(a, category, label), skills_in(b, category, label))
        )
    rows += [
        Row("gap", gap(a, b, comparison.gap_a_to_b), gap(b, a, comparison.gap_b_to_a)),
        Row("tools", tools(a), tools(b)),
        Row("access", access(a), access(b)),
        Row("employers", employers(a), employers(b)),
    ]
    # The newer fields, only when one of the two roles fills them: no pair of empty cells.
    if a.conditions or b.conditions:
        rows.append(Row("conditions", conditions(a), conditions(b)))
    if a.sectors or b.sectors:
        rows.append(Row("sectors", joined("Secteurs", a.sectors), joined("Secteurs", b.sectors)))
    if a.status or b.status:
        rows.append(
            Row("status", joined("Statuts", a.status_labels), joined("Statuts", b.status_labels))
        )
    return rows


class TwinRows(Widget):
    """One role's rows, each as tall as the taller of itself and its twin's row, so they line up.

    One widget draws every row of a column: a widget per cell cost more to mount, style and
    lay out than the text itself. Rows are separated by a blank line.
    """

    def __init__(
        self, rows: Sequence[Block] = (), *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.rows = tuple(rows)
        self.twin: TwinRows | None = None
        self._wrapped: dict[int, list[list[Content]]] = {}  # width -> each row's lines

    def row_lines(self, width: int) -> list[list[Content]]:
        """Each row's own lines at this width, without padding."""
        if width not in self._wrapped:
            self._wrapped = {width: [block_lines(row, width) for row in self.rows]}
        return self._wrapped[width]

    def heights(self, width: int) -> list[int]:
        """Each row's height on screen: its own lines or its twin's, whichever are more."""
        # Both columns have the same width (see CompareScreen._fit_columns), so the twin wraps alike.
        own = [len(lines) for lines in self.row_lines(width)]
        if self.twin is None:
            return own
        twin = [len(lines) for lines in self.twin.row_lines(width)]
        return [max(pair) for pair in zip_longest(own, twin[: len(own)], fillvalue=0)]

    def lines(self, width: int) -> list[Content]:
        lines: list[Content] = []
        for index, (row, height) in enumerate(
            zip(self.row_lines(width), self.heights(width), strict=True)
        ):
            if index:
                lines.append(_BLANK)  # the gap between two rows
            lines += row
            lines += [_BLANK] * (height - len(row))
        return lines

    def row_top(self, index: int, width: int) -> int:
        """The first line of the row at `index`, counted from the column's top."""
        return sum(height + 1 for height in self.heights(width)[:index])

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width))

    def show(self, rows: Sequence[Block]) -> None:
        self.rows = tuple(rows)
        self._wrapped = {}
        self.refresh(layout=True)
        if self.twin is not None:
            self.twin.refresh(layout=True)


def twin_rows(
    rows_a: Sequence[Block], rows_b: Sequence[Block], *, side_id: str, classes: str
) -> tuple[TwinRows, TwinRows]:
    """Two columns of rows that line up; `side_id` is completed with "-a" and "-b"."""
    column_a = TwinRows(rows_a, id=f"{side_id}-a", classes=classes)
    column_b = TwinRows(rows_b, id=f"{side_id}-b", classes=classes)
    column_a.twin, column_b.twin = column_b, column_a
    return column_a, column_b


class SideScroll(VerticalScroll):
    """One role's column; scrolls together with its twin so the rows stay side by side."""

    def __init__(self, *children: Widget, id: str, classes: str) -> None:
        super().__init__(*children, id=id, classes=classes)
        self.twin: SideScroll | None = None

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        twin = self.twin
        if twin is not None and twin.scroll_y != new_value:
            twin.scroll_target_y = new_value
            twin.scroll_y = new_value


class CompareScreen(Screen[None]):
    """Role A on the left (or on top when narrow), role B on the right (or below)."""

    CSS_PATH = "compare.tcss"
    SUB_TITLE = "Comparaison de deux métiers"

    BINDING_GROUP_TITLE = "Comparaison"
    BINDINGS = [
        Binding(
            "escape", "back", "Retour", id="compare.back", tooltip="Revenir à l'écran précédent"
        ),
        Binding("s", "swap", "Inverser", id="compare.swap", tooltip="Échanger les côtés A et B"),
        Binding(
            "a",
            "replace('a')",
            "Changer A",
            id="compare.replace_a",
            group=_REPLACE_GROUP,
            tooltip="Choisir un autre métier pour le côté A",
        ),
        Binding(
            "b",
            "replace('b')",
            "Changer B",
            id="compare.replace_b",
            group=_REPLACE_GROUP,
            tooltip="Choisir un autre métier pour le côté B",
        ),
        Binding(
            "e",
            "gap",
            "Écart",
            id="compare.gap",
            tooltip="Aller aux compétences à acquérir, dans un sens et dans l'autre",
        ),
        Binding(
            "f",
            "favourite",
            "Ma sélection",
            id="compare.favourite",
            tooltip="Ajouter à Ma sélection (ou en retirer) le métier de la colonne active",
        ),
        # The same key where the footer is compact (below 110 columns): not shown there, so
        # that « q Quitter » fits at 80 columns (? help and the palette list it).
        Binding("P", "path_unlisted", "Chemin", show=False, id="compare.path-key"),
        Binding(
            "P",
            "path",
            "Chemin",
            id="compare.path",
            tooltip="De A à B : les étapes par les métiers liés et ce que chacune ajoute",
        ),
        Binding(
            "tab",
            "other_side",
            "Autre colonne",
            show=False,
            id="compare.next_side",
            tooltip="Passer à l'autre métier ; les deux colonnes défilent ensemble",
        ),
        Binding("shift+tab", "other_side", "Autre colonne", show=False, id="compare.previous_side"),
    ]

    def __init__(
        self,
        catalog: Catalog,
        role_a: str,
        role_b: str,
        *,
        profile_skills: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.comparison = compare(catalog, role_a, role_b)
        self.profile_skills = profile_skills  # the app's, as last announced
        self._favourites: frozenset[str] = frozenset()  # the app's, as last announced
        self.compact_footer = False  # the app's, as last announced
        self.row_keys: list[str] = []  # the key of each row shown (Row.key)

    @property
    def role_a(self) -> Role:
        return self.comparison.a

    @property
    def role_b(self) -> Role:
        return self.comparison.b

    def role_on(self, side: Side) -> Role:
        return self.role_a if side == "a" else self.role_b

    @property
    def focused_side(self) -> Side:
        """The column holding the focus ('a' when nothing inside either has it)."""
        focused = self.focused
        if focused is not None and focused.id == "scroll-b":
            return "b"
        return "a"

    # --- building -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield GluedStatic(self._headline(), id="compare-headline")
        header_a, header_b = twin_rows(
            [self._side_header("a")],
            [self._side_header("b")],
            side_id="header",
            classes="side-header",
        )
        rows = comparison_rows(self.catalog, self.comparison, self.profile_skills)
        self.row_keys = [row.key for row in rows]
        rows_a, rows_b = twin_rows(
            [row.a for row in rows], [row.b for row in rows], side_id="rows", classes="side-rows"
        )
        scroll_a = SideScroll(rows_a, id="scroll-a", classes="side-scroll")
        scroll_b = SideScroll(rows_b, id="scroll-b", classes="side-scroll")
        scroll_a.twin, scroll_b.twin = scroll_b, scroll_a
        with Container(id="compare-sides"):
            with Vertical(id="side-a", classes="side -active"):
                yield header_a
                yield scroll_a
            with Vertical(id="side-b", classes="side"):
                yield header_b
                yield scroll_b
        yield SteadyFooter()

    def on_mount(self) -> None:
        # A toast from the screen left (« … attend un second métier ») would cover the columns.
        self.app.clear_notifications()
        # The columns get their widths before the first layout, not at the first Resize
        # (which comes after it): one layout of the whole screen less per opening.
        self._fit_columns(self.app.size.width)
        self.query_one("#scroll-a", SideScroll).focus()
        headline = self.query_one("#compare-headline")
        watch_app(headline, "favourites", self._favourites_changed)
        watch_app(headline, "profile_skills", self._profile_changed, init=False)
        watch_app(headline, "compact_footer", self._compact_footer_changed)

    def _profile_changed(self, skills: frozenset[str]) -> None:
        if skills != self.profile_skills:
            self.profile_skills = skills
            self.show_pair(self.role_a.id, self.role_b.id)

    def _compact_footer_changed(self, compact: bool) -> None:
        if compact != self.compact_footer:
            self.compact_footer = compact
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"path", "path_unlisted"}:  # one of the two, as the footer has room or not
            return self.compact_footer == (action == "path_unlisted")
        return True

    def action_path_unlisted(self) -> None:
        self.action_path()

    def _favourites_changed(self, favourites: frozenset[str]) -> None:
        self._favourites = favourites
        self.query_one("#header-a", TwinRows).show([self._side_header("a")])
        self.query_one("#header-b", TwinRows).show([self._side_header("b")])

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A class, not :focus-within, which does not restyle the header beside the focused scroll.
        active = "b" if event.widget.id == "scroll-b" else "a"
        for side in ("a", "b"):
            self.query_one(f"#side-{side}", Vertical).set_class(side == active, "-active")

    def on_resize(self, event: events.Resize) -> None:
        self._fit_columns(event.size.width)

    def _fit_columns(self, width: int) -> None:
        narrow = width < NARROW_BELOW
        self.set_class(narrow, "-narrow")
        for side in ("#side-a", "#side-b"):
            widget = self.query_one(side, Vertical)
            # Equal widths make twin cells wrap alike; the odd column left over goes to the gap.
            widget.styles.width = None if narrow else (width - 1) // 2

    def _headline(self) -> Content:
        return Content.assemble(
            (comparison_headline(self.catalog, self.comparison), "bold"),
            "   ",
            (legend(SHARED_MARK, "en commun"), _SHARED),
            "   ",
            (legend(SPECIFIC_MARK, "spécifique"), _MUTED),
            ("   " + legend("✓", "dans votre profil") if self.profile_skills else "", "bold"),
        )

    def _side_header(self, side: Side) -> Block:
        role = self.role_on(side)
        starred = role.id in self._favourites
        title = Content(role.display_title)
        if starred:
            title += Content.styled("  ★", "not bold")
        return (Para(title, Content.assemble((f" {side.upper()} ", "reverse"), " ")),)

    def show_pair(self, role_a: str, role_b: str) -> None:
        """Replace the compared roles in place, keeping the focused column."""
        side = self.focused_side
        self.comparison = compare(self.catalog, role_a, role_b)
        self.query_one("#compare-headline", Static).update(self._headline())
        self.query_one("#header-a", TwinRows).show([self._side_header("a")])
        self.query_one("#header-b", TwinRows).show([self._side_header("b")])
        rows = comparison_rows(self.catalog, self.comparison, self.profile_skills)
        self.row_keys = [row.key for row in rows]
        self.query_one("#rows-a", TwinRows).show([row.a for row in rows])
        self.query_one("#rows-b", TwinRows).show([row.b for row in rows])
        for scroll in self.query(SideScroll):
            scroll.scroll_home(animate=False)
        self.query_one(f"#scroll-{side}", SideScroll).focus()

    # --- actions ------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_swap(self) -> None:
        self.show_pair(self.role_b.id, self.role_a.id)

    def action_replace(self, side: Side) -> None:
        other = self.role_b if side == "a" else self.role_a
        current = self.role_on(side)

        def refuse(role: Role) -> str | None:
            return SAME_ROLE_MESSAGE if role.id == other.id else None

        def replace(role_id: str | None) -> None:
            if role_id is None or role_id == current.id:
                return
            if side == "a":
                self.show_pair(role_id, other.id)
            else:
                self.show_pair(other.id, role_id)

        picker = RolePicker(
            self.catalog,
            f"Remplacer {side.upper()} : {current.display_title}",
            refuse=refuse,
        )
        self.app.push_screen(picker, replace)

    def action_path(self) -> None:
        self.post_message(OpenPath(self.role_a.id, self.role_b.id))

    def action_gap(self) -> None:
        """Both columns to the gap section (they scroll together)."""
        rows = self.query_one("#rows-a", TwinRows)
        top = rows.row_top(self.row_keys.index("gap"), rows.content_size.width)
        # With the blank line above it on screen, as when each cell was a widget with a margin.
        self.query_one("#scroll-a", SideScroll).scroll_to(y=max(top - 1, 0), animate=False)

    def action_favourite(self) -> None:
        self.post_message(ToggleFavourite(self.role_on(self.focused_side).id))

    def action_other_side(self) -> None:
        other = "a" if self.focused_side == "b" else "b"
        self.query_one(f"#scroll-{other}", SideScroll).focus()
