"""The tree of families and roles, with vim keys, lazy family children and role markers."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.css.styles import RenderStyles
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from explorer.model import Family, Role
from explorer.model.record import record

FAVOURITE_MARKER = "★"
COMPARE_MARKER = "◆"


@record(frozen=True)
class FamilyEntry:
    """A family line; its role lines are only created when the family is first expanded."""

    family: Family
    roles: tuple[Role, ...]  # the roles to list under it (all, or the matches shown)
    count: int  # the number in its label: roles in the family, or matches while searching

    @property
    def hidden(self) -> int:
        return self.count - len(self.roles)


@record(frozen=True)
class RoleEntry:
    role: Role


@record(frozen=True)
class MoreEntry:
    """The '… et N autres' line closing a family whose matches were cut."""

    hidden: int


TreeEntry = FamilyEntry | RoleEntry | MoreEntry
RoleTreeNode = TreeNode[TreeEntry]


class RoleTree(Tree[TreeEntry]):
    """Families at the top level, roles under them; labels are always plain text.

    Role lines start with their markers (favourite, marked for comparison), drawn at render
    time from `favourites` and `compare_mark` so a theme change or a marker change never
    needs the labels rebuilt.
    """

    BINDING_GROUP_TITLE = "Arbre des métiers"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Descendre", show=False, id="tree.down"),
        Binding("up,k", "cursor_up", "Monter", show=False, id="tree.up"),
        Binding(
            "right,l",
            "expand_family",
            "Déplier",
            show=False,
            id="tree.expand",
            tooltip="Déplier la famille",
        ),
        Binding(
            "left,h",
            "collapse_family",
            "Replier",
            show=False,
            id="tree.collapse",
            tooltip="Replier la famille (depuis un métier : remonter à sa famille)",
        ),
        Binding(
            "enter",
            "select_cursor",
            "Fiche",
            id="tree.open",
            tooltip="Entrer dans la fiche du métier (sur une famille : déplier ou replier)",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "role-tree--family",
        "role-tree--count",
        "role-tree--marker",
        "role-tree--more",
    }

    DEFAULT_CSS = """
    RoleTree {
        & > .role-tree--family { text-style: bold; }
        /* dim rather than $text-muted: that is an "auto" colour, unusable in a partial style */
        & > .role-tree--count { text-style: dim; }
        & > .role-tree--marker { color: $text-accent; text-style: bold; }
        & > .role-tree--more { text-style: dim italic; }
    }
    """

    _refresh_held = False  # see _one_refresh (a class default: Tree's __init__ may invalidate)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(Text("Métiers"), id=id, classes=classes)
        self.show_root = False
        self.guide_depth = 3
        self.favourites: Collection[str] = frozenset()
        self.compare_mark: str | None = None
        self._family_nodes: dict[str, RoleTreeNode] = {}
        self._role_nodes: dict[str, RoleTreeNode] = {}
        self._shown: tuple[tuple[str, tuple[str, ...], int], ...] | None = None
        # While lines are painted: the widget's style, and its component styles by name.
        self._paint_style: Style | None = None
        self._paint_styles: dict[tuple[str, ...], RenderStyles] | None = None

    # --- content --------------------------------------------------------------------------

    def show_families(
        self,
        groups: Sequence[tuple[Family, Sequence[Role]]],
        *,
        expanded: Collection[str] = (),
        counts: dict[str, int] | None = None,
    ) -> None:
        """Replace the whole tree: one line per family, roles added when a family opens.

        `counts` overrides a family's label count (the number of matches while searching,
        when only some of them are listed).
        """
        self.cursor_line = -1  # no highlight message for a node about to disappear
        with self._one_refresh():
            self.clear()
            self._family_nodes = {}
            self._role_nodes = {}
            self._shown = self._signature(groups, counts)
            for family, roles in groups:
                count = counts.get(family.id, len(roles)) if counts else len(roles)
                entry = FamilyEntry(family, tuple(roles), count)
                # A family whose matches are all cut still opens, on its "… et N autres" line.
                fills = bool(roles) or entry.hidden > 0
                node = self.root.add(Text(family.title), entry, allow_expand=fills)
                self._family_nodes[family.id] = node
                if family.id in expanded and fills:
                    self._populate(node)
                    node.expand()

    @contextmanager
    def _one_refresh(self) -> Iterator[None]:
        """Add and open many nodes with one invalidation of the tree's caches at the end.

        Tree invalidates its line cache and asks for a layout on each node added (a search
        adds up to a hundred per key); nothing is drawn in between, so once is enough.
        """
        self._refresh_held = True
        try:
            yield
        finally:
            self._refresh_held = False
            self._invalidate()

    def _on_resize(self, event: events.Resize) -> None:
        # Tree drops every rendered line on a resize and asks for another layout. Its lines
        # are cached by width already, and a resize repaints the widget: at start-up, the
        # first size came after the first paint and the tree was rendered twice (≈ 5 ms).
        event.prevent_default()  # not Tree's handler
        self._line_cache.grow(event.size.height)

    def _invalidate(self) -> None:
        if not self._refresh_held:
            super()._invalidate()

    @staticmethod
    def _signature(
        groups: Sequence[tuple[Family, Sequence[Role]]], counts: dict[str, int] | None
    ) -> tuple[tuple[str, tuple[str, ...], int], ...]:
        return tuple(
            (family.id, tuple(role.id for role in roles), (counts or {}).get(family.id, len(roles)))
            for family, roles in groups
        )

    def shows(
        self, groups: Sequence[tuple[Family, Sequence[Role]]], counts: dict[str, int] | None = None
    ) -> bool:
        """Whether `show_families(groups, counts=counts)` would give the tree it shows now."""
        return self._shown == self._signature(groups, counts)

    def _populate(self, node: RoleTreeNode) -> None:
        entry = node.data
        if not isinstance(entry, FamilyEntry) or node.children:
            return
        for role in entry.roles:
            self._role_nodes[role.id] = node.add_leaf(Text(role.display_title), RoleEntry(role))
        if entry.hidden > 0:
            others = "autre" if entry.hidden == 1 else "autres"
            node.add_leaf(Text(f"… et {entry.hidden} {others}"), MoreEntry(entry.hidden))

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[TreeEntry]) -> None:
        # Mouse clicks, space and enter expand through Tree itself: fill the family then.
        self._populate(event.node)

    @property
    def expanded_families(self) -> list[str]:
        return [
            node.data.family.id
            for node in self.root.children
            if node.is_expanded and isinstance(node.data, FamilyEntry)
        ]

    @property
    def highlighted(self) -> TreeEntry | None:
        node = self.cursor_node
        return node.data if node is not None else None

    @property
    def highlighted_role(self) -> Role | None:
        entry = self.highlighted
        return entry.role if isinstance(entry, RoleEntry) else None

    def has_role(self, role_id: str) -> bool:
        """Whether the role has (or will have, once its family opens) a line in the tree."""
        if role_id in self._role_nodes:
            return True
        return any(
            isinstance(node.data, FamilyEntry)
            and not node.children
            and any(r.id == role_id for r in node.data.roles)
            for node in self._family_nodes.values()
        )

    def reveal_role(self, role: Role) -> bool:
        """Open the role's family and put the cursor on the role; False if it is not listed."""
        family_node = self._family_nodes.get(role.family)
        if family_node is None:
            return False
        self._populate(family_node)
        node = self._role_nodes.get(role.id)
        if node is None:
            return False
        family_node.expand()
        self.move_to(node)
        return True

    def reveal_family(self, family_id: str) -> bool:
        node = self._family_nodes.get(family_id)
        if node is None:
            return False
        self.move_to(node)
        return True

    def move_to(self, node: RoleTreeNode) -> None:
        """Move the cursor to a node, even one added since the last repaint."""
        _ = self.last_line  # rebuilds the line index so that the node's line is known
        self.cursor_line = node.line
        # Scroll once laid out: before the first layout the tree has no height to scroll in.
        self.call_after_refresh(self.scroll_to_node, node, animate=False)

    def move_to_first_role(self) -> None:
        for node in self.root.children:
            if node.is_expanded and node.children:
                self.move_to(node.children[0])
                return
        if self.root.children:
            self.move_to(self.root.children[0])

    # --- markers --------------------------------------------------------------------------

    def set_markers(self, favourites: Collection[str], compare_mark: str | None) -> None:
        """Update the markers, repainting only the lines whose markers changed."""
        old_favourites, old_mark = set(self.favourites), self.compare_mark
        self.favourites, self.compare_mark = frozenset(favourites), compare_mark
        changed = old_favourites.symmetric_difference(self.favourites)
        if old_mark != compare_mark:
            changed.update(m for m in (old_mark, compare_mark) if m is not None)
        for role_id in changed:
            node = self._role_nodes.get(role_id)
            if node is not None:
                node.refresh()

    def _markers(self, role_id: str) -> str:
        """The role's markers and a space, or nothing (keeps narrow trees readable)."""
        markers = ""
        if role_id in self.favourites:
            markers += FAVOURITE_MARKER
        if role_id == self.compare_mark:
            markers += COMPARE_MARKER
        return f"{markers} " if markers else ""

    # --- rendering ------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # For every line, Tree works out the widget's style (a walk up all its ancestors) and
        # three component styles (each built anew): once for the lines of one paint will do.
        self._paint_style, self._paint_styles = self.rich_style, {}
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = self._paint_styles = None

    def render_line(self, y: int) -> Strip:
        style = self.rich_style if self._paint_style is None else self._paint_style
        scroll_x, scroll_y = self.scroll_offset
        return self._render_line(y + scroll_y, scroll_x, scroll_x + self.size.width, style)

    def get_component_styles(self, *names: str) -> RenderStyles:
        if self._paint_styles is None:
            return super().get_component_styles(*names)
        styles = self._paint_styles.get(names)
        if styles is None:
            styles = self._paint_styles[names] = super().get_component_styles(*names)
        return styles

    def render_label(self, node: RoleTreeNode, base_style: Style, style: Style) -> Text:
        entry = node.data
        if isinstance(entry, RoleEntry):
            label = node._label.copy()
            label.stylize(style)
            marker_style = self.get_component_rich_style("role-tree--marker", partial=True)
            return Text.assemble((self._markers(entry.role.id), marker_style), label)
        if isinstance(entry, FamilyEntry):
            text = super().render_label(node, base_style, style)
            text.stylize(self.get_component_rich_style("role-tree--family", partial=True))
            count_style = self.get_component_rich_style("role-tree--count", partial=True)
            text.append(f" · {entry.count}", count_style)
            return text
        label = node._label.copy()
        label.stylize(self.get_component_rich_style("role-tree--more", partial=True))
        return label

    def process_label(self, label: str | Text) -> Text:
        # Tree splits every label into lines to keep the first (≈ 20 µs a node: 830 nodes
        # for a large family). Titles are one line already: the loader folds them.
        if isinstance(label, Text) and "\n" not in label.plain:
            return label
        return super().process_label(label)

    def get_label_width(self, node: RoleTreeNode) -> int:
        # Called for every line on each rebuild: measure without building styled text.
        entry = node.data
        if isinstance(entry, RoleEntry):
            return len(self._markers(entry.role.id)) + node._label.cell_len
        if isinstance(entry, FamilyEntry):
            return len(self.ICON_NODE) + node._label.cell_len + len(f" · {entry.count}")
        return node._label.cell_len

    # --- keys -----------------------------------------------------------------------------

    def action_expand_family(self) -> None:
        node = self.cursor_node
        if node is None or not isinstance(node.data, FamilyEntry):
            return
        if node.is_expanded:
            if node.children:
                self.move_to(node.children[0])
            return
        self._populate(node)
        node.expand()

    def action_collapse_family(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if isinstance(node.data, FamilyEntry):
            if node.is_expanded:
                node.collapse()
        elif node.parent is not None and not node.parent.is_root:
            self.move_to(node.parent)
