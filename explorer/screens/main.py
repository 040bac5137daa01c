"""The explorer screen: a search field above the family/role tree, the detail pane beside it."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Static, Tree

from explorer.messages import (
    MarkForCompare,
    OpenDecoder,
    OpenEvolutions,
    OpenGlossary,
    OpenProfile,
    OpenShortlist,
    OpenTeam,
    ReturnToGlossary,
    ToggleFavourite,
)
from explorer.model import Catalog, Family, Role, search
from explorer.model.filters import RoleFilter, describe_empty
from explorer.model.search import HitReasons, SearchHit
from explorer.model.shortlist import Shortlist
from explorer.model.text import counted, fold
from explorer.widgets.filter_chips import FilterChips
from explorer.widgets.role_detail import LinkList, RoleDetail
from explorer.widgets.role_tree import FamilyEntry, MoreEntry, RoleEntry, RoleTree, TreeEntry
from explorer.widgets.search_field import SearchField
from explorer.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from explorer.widgets.filter_panel import FilterPanel

# Up to this many roles, every family starts open; above, only the first (start-up stays fast).
EXPAND_ALL_UP_TO = 300
# While searching, each family lists at most this many matches, then "… et N autres".
MAX_MATCHES_PER_FAMILY = 50
# ... and the tree lists at most this many matches in all, the best ranked: every key press
# rebuilds it, and nobody reads past a screenful or two (the other families say how many).
MAX_MATCHES_SHOWN = 80
# How many of the best matches a search fetches as hits (the others are only counted): enough
# to fill the tree unless one family takes most of them (then it looks further).
SEARCH_DEPTH = MAX_MATCHES_SHOWN + MAX_MATCHES_PER_FAMILY
# The detail pane while the filters leave no role.
SHORTLIST_GROUP = Binding.Group("Ma sélection")
FILTERS_HINT = "Changez les filtres (F), ou effacez-les tous avec x."

FamilyGroups = Sequence[tuple[Family, Sequence[Role]]]
_family_of_hit = attrgetter("role.family")


class MainScreen(Screen[None]):
    """Where people live: browse families, read a role, search, mark, compare.

    Start-up timing (`explorer --startup-time`): the app tells the screen of each frame it
    displays (`frame_displayed`); at the first one that shows the tree, the fiche and the
    footer's keys, the screen sets `first_frame_done = True` and posts `MainScreen.Ready`,
    which bubbles up to the app (`on_main_screen_ready`).
    """

    CSS_PATH = "main.tcss"
    BINDING_GROUP_TITLE = "Écran des métiers"
    # The tree has the focus from the start (not the first focusable widget, the search
    # field): the footer is built once, with the tree's keys.
    AUTO_FOCUS = "#roles"

    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (70, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [
        (0, "-short"),
        (30, "-tall"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer: the search field's placeholder says "(/)" already.
        Binding("/", "focus_search", "Chercher", show=False, id="main.search"),
        # f and s share one footer entry, "f s Ma sélection": the feature has one name.
        Binding(
            "f",
            "favourite",
            "Ajouter à Ma sélection",
            id="main.favourite",
            group=SHORTLIST_GROUP,
            tooltip="Ajouter le métier à Ma sélection, ou l'en retirer",
        ),
        Binding(
            "s",
            "shortlist",
            "Ouvrir Ma sélection",
            id="main.shortlist",
            group=SHORTLIST_GROUP,
            tooltip="Les métiers gardés, leurs notes, l'export",
        ),
        Binding(
            "c",
            "compare",
            "Comparer",
            id="main.compare",
            tooltip="Marquer le métier, puis c sur un second métier pour les comparer",
        ),
        Binding("g", "glossary", "Glossaire", id="main.glossary", tooltip="Ouvrir le glossaire"),
        Binding(
            "D",
            "decode",
            "Décoder une annonce",
            show=False,  # the footer is full at 80 columns; the help lists it
            id="main.decode",
            tooltip="Coller une offre d'emploi : le métier, ses compétences, son jargon",
        ),
        Binding(
            "p",
            "profile",
            "Profil",
            show=False,  # listed by the help (?) and the palette: the footer is full at 80 columns
            id="main.profile",
            tooltip="Mon profil : vos compétences et les métiers qui vous correspondent",
        ),
        Binding(
            "F",
            "filters",
            "Filtres",
            id="main.filters",
            tooltip="Ouvrir ou fermer le panneau de filtres (famille, niveau, employeur, compétences)",
        ),
        # The same key while a link of the fiche has the focus where the footer is compact:
        # not shown there, so that "⏎ Ouvrir" and every other key fit in 80 columns.
        Binding("F", "filters_unlisted", "Filtres", show=False),
        Binding(
            "x",
            "clear_filters",
            "Sans filtre",
            id="main.clear-filters",
            tooltip="Effacer tous les filtres",
        ),
        # The same key where the footer is compact: not shown there (the chips say "x : tout
        # effacer"), so that every other key fits in 80 columns.
        Binding("x", "clear_filters_unlisted", "Sans filtre", show=False),
        # P and T are listed by ? help and the palette: the footer is full at 80 columns.
        Binding(
            "P",
            "evolutions",
            "Évolutions",
            show=False,
            id="main.evolutions",
            tooltip="Où ce métier mène : évolutions et métiers proches, jusqu’à trois étapes",
        ),
        Binding(
            "T",
            "team",
            "Équipe",
            show=False,
            id="main.team",
            tooltip="Composer une équipe : les métiers qui couvrent les activités d’une boutique",
        ),
        Binding(
            "escape",
            "clear_search",
            "Effacer",
            show=False,
            id="main.clear-search",
            tooltip="Effacer la recherche, le curseur revient où il était",
        ),
        # After a role opened from the glossary (and no search to clear): back to it.
        Binding(
            "escape",
            "back_to_glossary",
            "Glossaire",
            show=False,  # the footer is full at 80 columns; the help lists it
            id="main.back-to-glossary",
            tooltip="Revenir au glossaire, là où il était",
        ),
    ]

    class Shown(Message):
        """The explorer screen is mounted, its tree focused: keys may come."""

    class Ready(Message):
        """The first complete frame of the explorer screen has been displayed."""

        def __init__(self) -> None:
            super().__init__()
            # When: the message is handled later, after what was queued before it.
            self.displayed_at = time.perf_counter()

    def __init__(self, catalog: Catalog, shortlist: Shortlist) -> None:
        super().__init__()
        self.catalog = catalog
        self.shortlist = shortlist
        # The app's state, as last announced (see `on_mount`).
        self._favourites: frozenset[str] = frozenset()
        self._compare_mark: str | None = None
        self._compact_footer = False
        self._glossary_place: object | None = None  # the app's return_to_glossary
        self.first_frame_done = False
        self._query = ""  # the search being shown; "" when browsing the whole catalogue
        self._reasons: Mapping[str, str] = {}  # role id -> why it matched, when not by its title
        # Browsing state saved when a search starts, restored when it is cleared.
        self._saved_expanded: list[str] = []
        self._saved_cursor: TreeEntry | None = None
        self._filter = RoleFilter()  # from the filter panel (F); combines with the search

    def compose(self) -> ComposeResult:
        # The size classes now, as Textual would set them on the first resize: else the
        # whole screen is styled twice (and laid out again) before its first frame.
        width, height = self.app.size
        for size, breakpoints in [
            (width, self.HORIZONTAL_BREAKPOINTS),
            (height, self.VERTICAL_BREAKPOINTS),
        ]:
            reached = [name for least, name in breakpoints if size >= least]
            self.add_class(*reached[-1:], update=False)
        yield Header()
        with Horizontal(id="explorer"):
            with Vertical(id="browser"):
                yield SearchField(id="search", on_typed=self.apply_search)
                yield FilterChips(id="filter-chips")
                yield RoleTree(id="roles")
                yield Static(id="no-match", markup=False)
            yield RoleDetail(id="detail")
            # The filter panel (F) is mounted here, in the detail pane's place, when first
            # opened: a start-up that never filters does not lay out its ~10 widgets.
        yield SteadyFooter()

    @property
    def role_tree(self) -> RoleTree:
        return self.query_one("#roles", RoleTree)

    @property
    def detail(self) -> RoleDetail:
        return self.query_one("#detail", RoleDetail)

    @property
    def search_field(self) -> SearchField:
        return self.query_one("#search", SearchField)

    @property
    def query_text(self) -> str:
        """The search currently filtering the tree ("" when none)."""
        return self._query

    @property
    def current_role(self) -> Role | None:
        """The role under the tree cursor, which is the one the detail pane shows."""
        return self.role_tree.highlighted_role

    def on_mount(self) -> None:
        catalog = self.catalog
        groups = self._catalogue_groups()
        if len(catalog.roles) <= EXPAND_ALL_UP_TO:
            expanded = [family.id for family, _ in groups]
        else:
            expanded = [family.id for family, roles in groups[:1]]
        tree = self.role_tree
        tree.show_families(groups, expanded=expanded)
        # App-wide state: the shortlist's roles and the role marked for comparison.
        self.watch(self.app, "favourites", self._favourites_changed)
        self.watch(self.app, "compare_mark", self._compare_mark_changed)
        self.watch(self.app, "compact_footer", self._compact_footer_changed)
        self.watch(self.app, "profile_skills", self.detail.set_profile)
        self.watch(self.app, "return_to_glossary", self._return_to_glossary_changed)
        tree.move_to_first_role()
        self._show_entry(tree.highlighted)
        tree.focus()
        self.post_message(self.Shown())

    def frame_displayed(self) -> None:
        """A frame of this screen has been displayed (`ExplorerApp.post_display_hook`).

        Complete means the footer's keys too (painted with the rest, once the tree has the
        focus), and the fiche's links when they are in view.
        """
        if self.first_frame_done:
            return
        detail = self.detail
        if not detail.complete:  # a short fiche: its links are in view, part of the frame
            self.call_later(detail.mount_links)
            return
        if not self.query_one(Footer).children:  # its keys come once the bindings are known
            return
        entry = self.role_tree.highlighted
        if isinstance(entry, RoleEntry) and detail.role is not entry.role:
            return
        self.first_frame_done = True
        self.post_message(self.Ready())
        self.call_later(detail.mount_links)  # below the fold: now, after the first frame

    def role_visible(self, role: Role) -> bool:
        """Whether a role may be listed at all: the one place for filters to narrow the tree.

        Both the browsing tree and the search results go through it.
        """
        return self._filter.matches(role)

    def _catalogue_groups(self) -> list[tuple[Family, Sequence[Role]]]:
        catalog = self.catalog
        if not self._filter.active:  # every role: no need to ask each one (10,000 at start-up)
            return [(family, catalog.roles_of(family.id)) for family in catalog.families]
        groups = [
            (family, [role for role in catalog.roles_of(family.id) if self.role_visible(role)])
            for family in catalog.families
        ]
        # While filtering, a family with no role left is not listed at all.
        return [(f, roles) for f, roles in groups if roles or not self._filter.active]

    # --- markers --------------------------------------------------------------------------

    def _favourites_changed(self, favourites: frozenset[str]) -> None:
        self._favourites = favourites
        self._show_markers()

    # Only a real change refreshes the bindings: each refresh rebuilds the footer's keys.

    def _compact_footer_changed(self, compact: bool) -> None:
        if compact != self._compact_footer:
            self._compact_footer = compact
            self.refresh_bindings()

    def _return_to_glossary_changed(self, place: object | None) -> None:
        if place is not self._glossary_place:
            self._glossary_place = place
            self.refresh_bindings()

    def _compare_mark_changed(self, compare_mark: str | None) -> None:
        self._compare_mark = compare_mark
        self._show_markers()

    def _show_markers(self) -> None:
        """Favourite stars and the comparison marker, in the tree and the detail pane."""
        self.role_tree.set_markers(self._favourites, self._compare_mark)
        role = self.detail.role
        if role is not None:
            self.detail.set_markers(
                favourite=role.id in self._favourites,
                marked=role.id == self._compare_mark,
                note=self.note_on(role.id),
            )

    def note_on(self, role_id: str) -> str:
        entry = self.shortlist.get(role_id)
        return entry.note if entry is not None else ""

    def on_screen_resume(self) -> None:
        # Back from the shortlist screen, where the note may have changed.
        self._show_markers()

    # --- what the detail pane shows -------------------------------------------------------

    def _show_entry(self, entry: TreeEntry | None) -> None:
        detail = self.detail
        catalog = self.catalog
        if isinstance(entry, RoleEntry):
            found_by = self._reasons.get(entry.role.id, "")
            if detail.role is entry.role and detail.found_by == found_by:
                return
            detail.show_role(
                entry.role,
                catalog,
                favourite=entry.role.id in self._favourites,
                marked=entry.role.id == self._compare_mark,
                note=self.note_on(entry.role.id),
                found_by=found_by,
            )
        elif isinstance(entry, FamilyEntry):
            if detail.family is entry.family:
                return
            detail.show_family(entry.family, len(catalog.roles_of(entry.family.id)))
        elif isinstance(entry, MoreEntry):
            others = counted(
                entry.hidden, "autre métier correspond", "autres métiers correspondent"
            )
            detail.show_message(f"{others} aussi à la recherche : précisez-la pour les voir.")
        elif not catalog.roles:
            detail.show_message("Le catalogue ne contient aucun métier.")

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[TreeEntry]) -> None:
        # Skip highlights the cursor has already left (fast key repeat, tree rebuilds).
        if event.node is self.role_tree.cursor_node:
            self._show_entry(event.node.data)

    def on_tree_node_selected(self, event: Tree.NodeSelected[TreeEntry]) -> None:
        if isinstance(event.node.data, RoleEntry):
            self._show_entry(event.node.data)
            self.detail.focus()

    # --- search ---------------------------------------------------------------------------

    def apply_search(self, query: str, *, again: bool = False) -> None:
        """Filter the tree to the roles matching `query` (an empty query shows everything).

        `again` redoes the current search (the filters changed).
        """
        if not fold(query):
            if self._query:
                self._end_search()
            return
        if query == self._query and not again:
            return
        tree = self.role_tree
        if not self._query:
            self._saved_expanded = tree.expanded_families
            self._saved_cursor = tree.highlighted
        self._query = query
        catalog = self.catalog
        if self._filter.active:
            found = search(catalog, query)
            hits = [hit for hit in found if self.role_visible(hit.role)]
            counts = dict(Counter(map(_family_of_hit, hits)))
        else:
            # Every match is visible: the best ones as hits, all of them counted by family.
            found, counts = catalog.search_index.search_by_family(query, SEARCH_DEPTH)
            hits = found
        no_match = self.query_one("#no-match", Static)
        cause = self._filter.emptied_by([hit.role for hit in found]) if not hits else None
        reason = describe_empty(catalog, cause, query.strip()) if cause else None
        self._refresh_chips(sum(counts.values()), reason)
        if cause is not None:
            # The search found roles and a filter removed them all: the chips say which. The
            # empty tree stays, so that it can keep the focus and x (clear filters) works.
            tree.show_families([])
            tree.display = True
            no_match.display = False
            self.detail.show_message(FILTERS_HINT)
            return
        if not hits:
            tree.show_families([])
            tree.display = False
            no_match.update(Text(f"Aucun métier ne correspond à «\u00a0{query.strip()}\u00a0»."))
            no_match.display = True
            self.detail.show_message("Essayez un autre mot, ou effacez la recherche avec Échap.")
            return
        tree.display = True
        no_match.display = False
        self._reasons = HitReasons(hits)
        tree.reasons = self._reasons
        groups = self._search_groups(hits, counts)
        if groups is None:  # the best matches crowd into few families: look further down
            groups = self._search_groups(search(catalog, query), counts) or []
        if not tree.shows(groups, counts):  # typing on often finds the same roles
            tree.show_families(groups, expanded=list(counts), counts=counts)
        tree.reveal_role(hits[0].role)
        # Now, not on the tree's highlight message: the pane and the tree are then laid out
        # and painted together, once per key.
        self._show_entry(tree.highlighted)

    def _search_groups(
        self, hits: Sequence[SearchHit], counts: dict[str, int]
    ) -> FamilyGroups | None:
        """The best-ranked hits to list, by family in catalogue order.

        A family lists at most MAX_MATCHES_PER_FAMILY, the tree MAX_MATCHES_SHOWN in all; the
        others are counted in its label and its "… et N autres" line. None when `hits` (the
        best of more matches) ran out before the tree was full.
        """
        shown: dict[str, list[Role]] = {family_id: [] for family_id in counts}
        room = MAX_MATCHES_SHOWN
        for hit in hits:
            listed = shown[hit.role.family]
            if len(listed) < MAX_MATCHES_PER_FAMILY:
                listed.append(hit.role)
                room -= 1
                if not room:
                    break
        if room and len(hits) < sum(counts.values()):
            return None
        return [
            (family, shown[family.id]) for family in self.catalog.families if family.id in shown
        ]

    def _end_search(self, *, restore_cursor: bool = True) -> None:
        """Back to the whole catalogue, families open as before the search."""
        self._query = ""
        self._reasons = {}
        tree = self.role_tree
        tree.reasons = self._reasons
        tree.display = True
        self.query_one("#no-match", Static).display = False
        tree.show_families(self._catalogue_groups(), expanded=self._saved_expanded)
        cursor, self._saved_cursor = self._saved_cursor, None
        if self._show_filter_emptiness():
            return
        if not restore_cursor:
            return
        if isinstance(cursor, RoleEntry) and tree.reveal_role(cursor.role):
            return
        if isinstance(cursor, FamilyEntry) and tree.reveal_family(cursor.family.id):
            return
        tree.move_to_first_role()

    def clear_search(self, *, restore_cursor: bool = True) -> None:
        """Empty the search field and show the whole tree again."""
        if self._query:
            self._end_search(restore_cursor=restore_cursor)
        if self.search_field.value:  # after: the field's apply_search("") then has nothing to do
            self.search_field.value = ""

    def on_search_field_to_results(self, event: SearchField.ToResults) -> None:
        if self.role_tree.display:
            self.role_tree.focus()

    def on_search_field_cancelled(self, event: SearchField.Cancelled) -> None:
        self.clear_search()
        self.role_tree.focus()

    # --- detail pane links ----------------------------------------------------------------

    def on_role_detail_left(self, event: RoleDetail.Left) -> None:
        self.role_tree.focus()

    def on_role_detail_role_chosen(self, event: RoleDetail.RoleChosen) -> None:
        self.show_role(event.role_id)

    def on_role_detail_term_chosen(self, event: RoleDetail.TermChosen) -> None:
        self.post_message(OpenGlossary(event.term_id))

    def show_role(self, role_id: str) -> None:
        """Put the tree cursor on a role (clearing a search that hides it) and show it."""
        role = self.catalog.roles.get(role_id)
        if role is None:
            self.notify(f"Métier inconnu : {role_id}", severity="warning", markup=False)
            return
        tree = self.role_tree
        if not self.role_visible(role):
            # Asked for by name (glossary, link): the filters must not hide it.
            self.set_filter(RoleFilter())
            self.notify(f"Filtres effacés pour afficher {role.display_title}", markup=False)
        if self._query and not tree.has_role(role_id):
            self.clear_search(restore_cursor=False)
        tree.reveal_role(role)
        self._show_entry(RoleEntry(role))
        tree.focus()

    # --- actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_search":
            return bool(self._query)
        if action == "back_to_glossary":
            return self._glossary_place is not None and not self._query
        if action == "clear_filters":
            return self._filter.active and not self._compact_footer
        if action == "clear_filters_unlisted":
            return self._filter.active
        if action == "filters":
            return not (self._compact_footer and isinstance(self.focused, LinkList))
        return True

    def action_focus_search(self) -> None:
        self.search_field.focus()

    def action_clear_search(self) -> None:
        self.clear_search()
        self.role_tree.focus()

    def _role_or_hint(self) -> Role | None:
        role = self.current_role
        if role is None:
            self.notify("Placez d'abord le curseur sur un métier.", markup=False, timeout=2)
        return role

    def action_favourite(self) -> None:
        role = self._role_or_hint()
        if role is not None:
            self.post_message(ToggleFavourite(role.id))

    def action_compare(self) -> None:
        """Mark the role, unmark it, or compare it with the one marked (the app decides)."""
        role = self._role_or_hint()
        if role is not None:
            self.post_message(MarkForCompare(role.id))

    def action_shortlist(self) -> None:
        self.post_message(OpenShortlist())

    def action_back_to_glossary(self) -> None:
        self.post_message(ReturnToGlossary())

    def action_decode(self) -> None:
        self.post_message(OpenDecoder())

    def action_glossary(self) -> None:
        self.post_message(OpenGlossary())

    def action_evolutions(self) -> None:
        role = self._role_or_hint()
        if role is not None:
            self.post_message(OpenEvolutions(role.id))

    def action_team(self) -> None:
        self.post_message(OpenTeam())

    def action_profile(self) -> None:
        self.post_message(OpenProfile())

    # --- filters (F) ----------------------------------------------------------------------

    @property
    def filter_panel(self) -> FilterPanel | None:
        """The filter panel, once F has opened it."""
        from explorer.widgets.filter_panel import FilterPanel  # with the panel: when first used

        return next(self.query("#filters").results(FilterPanel), None)

    def unmounted_help_nodes(self) -> list[Widget]:
        """For the help screen: the filter panel and its lists, until F has mounted them."""
        if self.filter_panel is not None:
            return []
        from explorer.widgets.filter_panel import FilterList, FilterPanel

        return [FilterPanel(self.catalog), FilterList("families")]

    @property
    def role_filter(self) -> RoleFilter:
        return self._filter

    async def action_filters(self) -> None:
        """Open the filter panel in the detail pane's place, or close it."""
        panel = self.filter_panel
        if panel is None:
            from explorer.widgets.filter_panel import FilterPanel

            panel = FilterPanel(self.catalog, self._filter, id="filters")
            panel.display = False
            await self.query_one("#explorer", Horizontal).mount(panel)
        elif panel.display:
            self._close_filters()
            return
        panel.prepare()
        self.detail.display = False
        panel.display = True
        panel.focus_first()

    async def action_filters_unlisted(self) -> None:
        await self.action_filters()

    def _close_filters(self) -> None:
        panel = self.filter_panel
        if panel is not None:
            panel.display = False
        self.detail.display = True
        # The tree is hidden only when the search itself found nothing: back to the search then.
        (self.role_tree if self.role_tree.display else self.search_field).focus()

    def on_filter_panel_closed(self, event: FilterPanel.Closed) -> None:
        self._close_filters()

    def on_filter_panel_changed(self, event: FilterPanel.Changed) -> None:
        self.set_filter(event.role_filter, from_panel=True)

    def action_clear_filters(self) -> None:
        self.set_filter(RoleFilter())

    def action_clear_filters_unlisted(self) -> None:
        self.set_filter(RoleFilter())

    def set_filter(self, role_filter: RoleFilter, *, from_panel: bool = False) -> None:
        """Narrow the tree (and the current search) to the roles the filter keeps."""
        if role_filter == self._filter:
            return
        self._filter = role_filter
        self.refresh_bindings()  # "x Sans filtre" shows in the footer only while filtering
        panel = self.filter_panel
        if panel is not None and not from_panel:
            panel.set_filter(role_filter)
        if self._query:
            self.apply_search(self._query, again=True)
            return
        tree = self.role_tree
        cursor = tree.highlighted
        groups = self._catalogue_groups()
        if sum(len(roles) for _, roles in groups) <= EXPAND_ALL_UP_TO:
            expanded = [family.id for family, _ in groups]
        else:
            expanded = tree.expanded_families
        tree.show_families(groups, expanded=expanded)
        if self._show_filter_emptiness():
            return
        if isinstance(cursor, RoleEntry) and tree.reveal_role(cursor.role):
            return
        tree.move_to_first_role()
        self._show_entry(tree.highlighted)

    def _show_filter_emptiness(self) -> bool:
        """Browsing (no search): update the chips; True when the filters left no role."""
        catalog = self.catalog
        roles = list(catalog.roles.values())
        count = sum(1 for role in roles if self.role_visible(role))
        cause = self._filter.emptied_by(roles) if not count else None
        self._refresh_chips(count, describe_empty(catalog, cause) if cause else None)
        if cause is None:
            return False
        # The chips say which filter emptied the tree; the empty tree keeps the focus (x works).
        self.detail.show_message(FILTERS_HINT)
        return True

    def _refresh_chips(self, count: int, empty_reason: str | None = None) -> None:
        chips = self.query_one("#filter-chips", FilterChips)
        chips.show(self.catalog, self._filter, count, empty_reason)
