"""The detail pane: everything about one role, with keyboard-followable links.

The pane is a handful of widgets composed once and updated in place for each role: the
text of the fiche is drawn by three `DetailText` widgets (title lines; aliases to employers;
sources), each rendered once per role and width; only the three groups of links are widgets
of their own. (A widget per section made start-up and every cursor move style and lay out
~25 more widgets.) The links and sources, below the fold at start-up, are mounted after the
first frame (`DetailLinks`). Every content string goes through
`Text`, so square brackets in the content are shown as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.events import Focus
from textual.message import Message
from textual.selection import Selection
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from explorer.french_spacing import GLUE, Unglued, glue, glued, unglued_strip
from explorer.model import EMPLOYER_TYPES, SKILL_CATEGORIES, Catalog, Family, Role
from explorer.model.compare import nearest
from explorer.model.profile import fit_line, fit_of
from explorer.model.text import counted, visible
from explorer.widgets.rendered import RenderedOnce, virtual_size_without_layout
from explorer.widgets.role_tree import COMPARE_MARKER, FAVOURITE_MARKER

# A role whose file lists no source: written from how the job is practised.
NO_SOURCES = "Fiche rédigée d'après les usages du métier"

NEAREST_COUNT = 3
LINK_SECTIONS = ("detail-related", "detail-nearest", "detail-terms")
RENDERINGS_KEPT = 16  # per text widget of the pane: a few roles at a couple of widths
HAVE_MARK = "✓ "  # before a skill the user's profile has


class Bullets:
    """A bulleted list with hanging indents: wrapped lines stay aligned after the bullet.

    A Rich renderable: each item is wrapped to the width left after "• " (a table grid does
    the same, at several times the cost).
    """

    def __init__(self, items: Iterable[str]) -> None:
        self.items = tuple(items)

    def glued(self) -> Bullets:
        return Bullets(glue(item) for item in self.items)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - 2, 1)
        bullet, indent, new_line = Segment("• "), Segment("  "), Segment.line()
        for item in self.items:
            for number, line in enumerate(Text(item).wrap(console, width)):
                yield bullet if number == 0 else indent
                yield from line.render(console)
                yield new_line


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of a `DetailText`: an optional heading over a body.

    A `str` body is drawn in the widget's `tone` component style ("title", "muted",
    "accent"); any other renderable as it is. `spaced`: a blank line above it.
    """

    body: RenderableType
    heading: str | None = None
    tone: str | None = None
    spaced: bool = True


class DetailText(RenderedOnce):
    """Several paragraphs drawn as one widget, styled by the theme through component classes.

    Rendered once per role and width (`RenderedOnce`), for the roles shown last too: a
    search's backspace comes back to them.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail-text--heading",
        "detail-text--title",
        "detail-text--muted",
        "detail-text--accent",
    }

    KEPT = RENDERINGS_KEPT

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.blocks: tuple[Block, ...] = ()

    def show(self, blocks: Iterable[Block], key: object = None) -> None:
        """Replace the paragraphs; the widget is hidden when there are none.

        `key` names what they show (a role id): shown again later, the same key reuses its
        rendering.
        """
        self.blocks = tuple(blocks)
        self.content_key = key
        self.forget()
        self.display = bool(self.blocks)
        self.refresh(layout=True)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self.rendered(width)
        if y >= len(lines):
            return Strip.blank(width, self.visual_style.rich_style)
        line = lines[y]
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(y)) is not None:
            line = self._selected(line, *span)
        if self.app.mouse_over is self:
            # Each cell says where it is in the text, so that the mouse can select (and copy)
            # it. Only under the mouse: it costs a new style per piece of text, on every role.
            line = line.apply_offsets(0, y)
        return line

    def _selected(self, line: Strip, start: int, end: int) -> Strip:
        text = Text.assemble(*((segment.text, segment.style or "") for segment in line))
        style = self.screen.get_component_rich_style("screen--selection")
        text.stylize(style, start, len(text) if end == -1 else end)
        return Strip(text.render(self.app.console), line.cell_length)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text, as the lines show it."""
        lines = self.rendered(self.size.width)
        return selection.extract("\n".join(line.text.rstrip() for line in lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def _style(self, tone: str) -> Style:
        # The theme's colours for the tone, without its background: the pane's own shows
        # through (it is tinted while the pane has focus).
        style = self.get_component_rich_style(f"detail-text--{tone}")
        return Style(color=style.color, bold=style.bold, italic=style.italic)

    def render(self) -> RenderableType:
        parts: list[RenderableType] = []
        for block in self.blocks:
            if block.spaced and parts:
                parts.append(Text())
            if block.heading is not None:
                parts.append(Text(block.heading, self._style("heading")))
            body = block.body
            if isinstance(body, str):
                body = Text(body, self._style(block.tone) if block.tone else "")
            parts.append(body)
        # French spacing: no line of the fiche starts with a lone « : » (see french_spacing.py).
        return Unglued(glued(Group(*parts)))


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

    def render_line(self, y: int) -> Strip:
        return unglued_strip(super().render_line(y))  # French spacing (options are glued)

    def on_focus(self, event: Focus) -> None:
        # Arriving by tab: start on the first link so enter has something to follow.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0


class Section(Vertical):
    """A heading over a list of links; hidden when it has no link."""

    DEFAULT_CSS = """
    Section { height: auto; }
    """

    virtual_size = virtual_size_without_layout()

    def __init__(self, heading: str, links: LinkList, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="section")
        self.heading = heading
        self.links = links

    def compose(self) -> ComposeResult:
        yield Label(Text(self.heading), classes="heading")
        yield self.links


class DetailLinks(Vertical):
    """The fiche below its text: the three groups of links, then the sources.

    Mounted once the first frame is painted (`RoleDetail.mount_links`): at start-up it lies
    below the fold, a fiche's text being longer than the pane, and its ten widgets took
    ≈ 20 ms of the first frame. Until then the pane keeps what they are to show.
    """

    DEFAULT_CSS = """
    DetailLinks { height: auto; }
    """

    virtual_size = virtual_size_without_layout()

    def __init__(self, fill: Callable[[], None]) -> None:
        """`fill`: called once mounted, to show what the pane kept for these widgets."""
        super().__init__(id="detail-links")
        self._fill = fill

    def compose(self) -> ComposeResult:
        yield Section("Métiers liés", LinkList("role", id="related-links"), id="detail-related")
        yield Section(
            "Métiers les plus proches (compétences communes)",
            LinkList("role", id="nearest-links"),
            id="detail-nearest",
        )
        yield Section("Termes du glossaire", LinkList("term", id="term-links"), id="detail-terms")
        yield DetailText(id="detail-sources")

    def on_mount(self) -> None:
        # No children: the app is closing (right after its first frame, as with
        # `explorer --startup-time`) and did not compose them.
        if self.children:
            self._fill()


class RoleDetail(VerticalScroll):
    """The scrollable pane on the right. Posts messages when a link is followed or left."""

    BINDING_GROUP_TITLE = "Fiche du métier"

    DEFAULT_CSS = """
    DetailText > .detail-text--title,
    DetailText > .detail-text--heading {
        color: $text-accent;
        text-style: bold;
    }

    DetailText > .detail-text--muted {
        color: $text-muted;
    }

    DetailText > .detail-text--accent {
        color: $text-accent;
    }

    RoleDetail .section {
        margin-top: 1;
    }

    RoleDetail .heading {
        color: $text-accent;
        text-style: bold;
    }

    RoleDetail LinkList {
        height: auto;
        max-height: 1000;  /* the pane scrolls, never a list inside it */
        overflow-y: hidden;
        background: transparent;
    }

    RoleDetail LinkList:blur > .option-list--option-highlighted {
        background: transparent;
        text-style: none;
    }
    """

    virtual_size = virtual_size_without_layout()

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
        self._title: tuple[Block, ...] = ()  # title and subtitle, above the markers line
        self._markers: tuple[Block, ...] = ()
        # The user's skills ("Mon profil"): a line under the markers, and marks in the skills.
        self.profile_skills: frozenset[str] = frozenset()
        self._catalog: Catalog | None = None
        self.found_by = ""  # why the search found the role shown, when not by its title
        # What the links and the sources show, kept for `DetailLinks` until it is mounted:
        # the nearest roles (a scan of every role, the first time) are found only then.
        self._links: dict[str, Sequence[Option] | Callable[[], Sequence[Option]]] = {}
        self._sources: list[Block] = []
        self._links_asked = self._links_mounted = False
        # Links and sources kept for a fiche whose text reaches below the pane: filled when
        # they come into view (see `_show_links`).
        self._links_pending = False

    def compose(self) -> ComposeResult:
        # Title, subtitle and markers; then aliases, summary and the sections up to employers.
        yield DetailText(id="detail-head")
        yield DetailText(id="detail-body")
        # Then DetailLinks, from `mount_links`.

    async def mount_links(self) -> None:
        """Mount the links and the sources under the text, once (see `DetailLinks`)."""
        # Not when the app is leaving (it may, at its first frame: `explorer --startup-time`).
        if not self._links_asked and self.is_attached:
            self._links_asked = True
            await self.mount(DetailLinks(fill=self._fill_links))

    @property
    def complete(self) -> bool:
        """Whether all of the fiche that is in view is there.

        The links are mounted, or not needed yet: the text above them reaches the bottom of
        the pane.
        """
        if self._links_mounted:
            return True
        body = self._text("detail-body").region
        return bool(body) and body.bottom >= self.scrollable_content_region.bottom

    # --- filling --------------------------------------------------------------------------

    def _text(self, widget_id: str) -> DetailText:
        return self.query_one(f"#{widget_id}", DetailText)

    def _show_links(self, *, now: bool = False) -> None:
        """Put the links and sources kept in `_links` and `_sources` on the pane.

        At once when they are in view (or `now`); else once they come into view: the pane
        scrolls, tab goes to a link, the pane grows. While searching, each key shows a new
        fiche whose links lie below the pane: filling them was a third of a key's work.
        """
        self._links_pending = True
        if now or self._links_in_view():
            self._fill_pending()
        elif self._links_mounted:  # the last fiche's links must not linger below this one
            for section_id in LINK_SECTIONS:
                self.query_one(f"#{section_id}", Section).display = False
            self._text("detail-sources").display = False

    def _links_in_view(self) -> bool:
        """Whether the fiche's text, from its top, leaves room in the pane for the links."""
        region = self.scrollable_content_region
        if region.width <= 0 or region.height <= 0:
            return True  # not laid out yet: no way to tell
        above = 0
        for widget_id in ("detail-head", "detail-body"):
            text = self._text(widget_id)
            if text.display:  # its rendering is kept: the layout to come reuses it
                above += 1 + len(text.rendered(region.width))  # margin-top: 1 (main.tcss)
        return above < region.height

    def _fill_pending(self) -> None:
        if not (self._links_pending and self._links_mounted):
            return
        self._links_pending = False
        for section_id, options in self._links.items():
            if callable(options):
                options = self._links[section_id] = options()
            section = self.query_one(f"#{section_id}", Section)
            section.display = bool(options)
            section.links.set_options(options)
        self._text("detail-sources").show(self._sources)

    def _fill_links(self) -> None:
        self._links_mounted = True
        self._fill_pending()

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._scrolled, init=False)

    def _scrolled(self, scroll_y: float) -> None:
        if scroll_y <= 0 or not self._links_pending:
            return
        # The reader goes down the fiche: the links are coming.
        to_the_end = self.scroll_target_y >= self.max_scroll_y
        self._fill_pending()
        if to_the_end:  # End (or a scroll to the bottom): the end of the fiche, links included
            self.call_after_refresh(self.scroll_end, animate=False)

    def on_resize(self) -> None:
        if self._links_pending and self._links_in_view():
            self._fill_pending()

    def show_role(
        self,
        role: Role,
        catalog: Catalog,
        *,
        favourite: bool = False,
        marked: bool = False,
        note: str = "",
        found_by: str = "",
    ) -> None:
        """Fill the pane for one role; sections with nothing in them are left out.

        `found_by`: why a search found it, when not by its title ("alias « SEM »")."""
        self.role, self.family, self._catalog = role, None, catalog
        self.found_by = found_by
        family = catalog.family(role.family)
        # The ROME code beside the family: in view without scrolling, at any size.
        subtitle = family.title if family else role.family
        if role.rome:
            # Glued: "Code ROME : M1886" moves to the next line whole, never split.
            subtitle += " · " + GLUE.join(["Code", "ROME", ":", role.rome])
        self._title = (
            Block(role.display_title, tone="title", spaced=False),
            Block(subtitle, tone="muted", spaced=False),
        )
        self.set_markers(favourite=favourite, marked=marked, note=note)
        self._show_body(role, catalog)
        self._links = {
            "detail-related": partial(self._related, role, catalog),
            "detail-nearest": partial(self._nearest, role, catalog),
            "detail-terms": partial(self._terms, role, catalog),
        }
        self._sources = [self._sources_block(role, catalog)]
        self._show_links()
        self.scroll_home(animate=False)

    def show_family(self, family: Family, role_count: int) -> None:
        """A family is highlighted: its title, size and summary."""
        self.role, self.family = None, family
        self._show_text(
            (
                Block(family.title, tone="title", spaced=False),
                Block(
                    f"Famille · {counted(role_count, 'métier')}",
                    tone="muted",
                    spaced=False,
                ),
            ),
            family.summary,
        )

    def show_message(self, message: str) -> None:
        """Nothing to show (an empty search result): a short hint instead."""
        self.role, self.family = None, None
        self._show_text((), message)

    def _show_text(self, title: tuple[Block, ...], body: str) -> None:
        self._title, self._markers = title, ()
        self.found_by = ""
        self._text("detail-head").show(self._title)
        self._text("detail-body").show([Block(body)] if body else [])
        self._links = {section_id: [] for section_id in LINK_SECTIONS}
        self._sources = []
        self._show_links(now=True)
        self.scroll_home(animate=False)

    def set_markers(self, *, favourite: bool, marked: bool, note: str = "") -> None:
        """The line under the title saying the role is in the shortlist or marked, and the
        user's note on it (line breaks kept)."""
        parts: list[str] = []
        if favourite:
            parts.append(f"{FAVOURITE_MARKER} Dans Ma sélection")
        if marked:
            parts.append(f"{COMPARE_MARKER} Attend un second métier à comparer")
        markers = [Block("   ".join(parts), tone="accent", spaced=False)] if parts else []
        if self.found_by:
            markers.append(Block(f"Trouvé par : {self.found_by}", tone="muted", spaced=False))
        if note.strip():
            # The user's own text, shown as typed: line breaks kept, control characters visible.
            shown = "\n".join(visible(line) for line in note.strip().splitlines())
            markers.append(Block(Text(shown, style="italic"), heading="Ma note"))
        self._markers = tuple(markers)
        self._show_head()

    def set_profile(self, skills: frozenset[str]) -> None:
        """The user's skills changed: the profile line and the marked skills follow."""
        if skills == self.profile_skills:
            return
        self.profile_skills = skills
        if self.role is not None and self._catalog is not None:
            self._show_head()
            self._show_body(self.role, self._catalog)

    def _show_head(self) -> None:
        head = [*self._title, *self._markers]
        role, catalog = self.role, self._catalog
        if self.profile_skills and role is not None and catalog is not None:
            line = fit_line(catalog, fit_of(role, self.profile_skills))
            head.append(Block(line, tone="muted", spaced=False))
        self._text("detail-head").show(head)

    def _show_body(self, role: Role, catalog: Catalog) -> None:
        key = (role.id, self.profile_skills) if self.profile_skills else role.id
        self._text("detail-body").show(self._body(role, catalog), key=key)

    def _body(self, role: Role, catalog: Catalog) -> list[Block]:
        blocks: list[Block] = []
        if role.aliases:
            blocks.append(
                Block(Text.assemble(("Aussi appelé : ", "bold"), ", ".join(role.aliases)))
            )
        if role.summary:
            blocks.append(Block(role.summary))
        if role.missions:
            blocks.append(Block(Bullets(role.missions), heading="Missions"))
        skills = self._skills(role, catalog, self.profile_skills)
        if skills is not None:
            blocks.append(Block(skills, heading="Compétences"))
        if role.tools:
            blocks.append(Block(" · ".join(role.tools), heading="Outils"))
        access = self._access(role)
        if access is not None:
            blocks.append(Block(access, heading="Accès et formation"))
        employers = self._employers(role)
        if employers is not None:
            blocks.append(Block(employers, heading="Employeurs et contexte"))
        if role.conditions:
            blocks.append(Block(role.conditions, heading="Conditions de travail"))
        if role.sectors:
            blocks.append(Block(" · ".join(role.sectors), heading="Secteurs"))
        if role.status:
            blocks.append(Block(" · ".join(role.status_labels), heading="Statuts"))
        return blocks

    @staticmethod
    def _sources_block(role: Role, catalog: Catalog) -> Block:
        """Each article by its title and publisher (sources.toml), never by a file name."""
        if not role.sources:
            return Block(NO_SOURCES, heading="Sources", tone="muted")
        described = {source.id: source for source in catalog.role_sources(role)}
        lines = []
        for source_id in role.sources:
            source = described.get(source_id)
            if source is None:  # an id sources.toml does not describe (validate reports it)
                lines.append(source_id)
                continue
            details = ", ".join(part for part in (source.publisher, source.date) if part)
            lines.append(f"« {source.title} »" + (f", {details}" if details else ""))
        return Block(Bullets(lines), heading="Sources")

    @staticmethod
    def _skills(role: Role, catalog: Catalog, mine: frozenset[str]) -> RenderableType | None:
        # One paragraph per category: reads the same at 40 columns as at 200.
        groups = catalog.skills_by_category(role.skills)
        if not groups:
            return None
        lines = []
        for category, skills in groups:
            line = Text.assemble((f"{SKILL_CATEGORIES.get(category, category)} : ", "bold"))
            for number, skill in enumerate(skills):
                if number:
                    line.append(" · ")
                if skill.id in mine:
                    line.append(HAVE_MARK + skill.label, "bold")
                else:
                    line.append(skill.label)
            lines.append(line)
        return Text("\n").join(lines)

    @staticmethod
    def _access(role: Role) -> RenderableType | None:
        levels, paths = role.access.levels, role.access.paths
        parts: list[RenderableType] = []
        if levels:
            parts.append(Text.assemble(("Niveau : ", "bold"), " · ".join(levels)))
        if paths:
            parts.append(Bullets(paths))
        return Group(*parts) if parts else None

    @staticmethod
    def _employers(role: Role) -> RenderableType | None:
        parts: list[RenderableType] = []
        if role.employers:
            parts.append(Bullets(EMPLOYER_TYPES.get(e, e) for e in role.employers))
        if role.context:
            if role.employers:
                parts.append(Text())
            parts.append(Text(role.context))
        return Group(*parts) if parts else None

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
    def _terms(role: Role, catalog: Catalog) -> list[Option]:
        return [
            Option(glued(Text.assemble((term.term, "bold"), " — ", term.definition)), id=term.id)
            for term in catalog.role_terms(role)
        ]

    @staticmethod
    def _nearest(role: Role, catalog: Catalog) -> list[Option]:
        options = []
        for comparison in nearest(catalog, role, NEAREST_COUNT):
            shared = len(comparison.shared)
            text = Text(comparison.b.display_title)
            text.append(
                f" — {counted(shared, 'compétence commune', 'compétences communes')}"
                f" sur {comparison.union_size} ({comparison.overlap_percent}\u00a0%)",
                "dim",
            )
            options.append(Option(glued(text), id=comparison.b.id))  # "(34 %)" stays whole
        return options

    # --- keys and links -------------------------------------------------------------------

    def _stops(self) -> list[Widget]:
        """Where tab goes inside the pane: the text itself, then each visible link list."""
        self._fill_pending()
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
