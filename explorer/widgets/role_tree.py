"""The tree of families and roles: vim keys, family children added when opened, role markers.

Built on Textual's `Tree` as documented (`add`, `add_leaf`, `expand`, `render_label`, ...):
no private member of Textual is used or overridden.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from explorer.model import Family, Role
from explorer.model.text import counted, french_number
from explorer.widgets.tree_labels import label_room

FAVOURITE_MARKER = "★"
COMPARE_MARKER = "◆"


@dataclass(frozen=True, slots=True)
class FamilyEntry:
    """A family line; its role lines are only created when the family is first expanded."""

    family: Family
    roles: tuple[Role, ...]  # the roles to list under it (all, or the matches shown)
    count: int  # the number in its label: roles in the family, or matches while searching

    @property
    def hidden(self) -> int:
        return self.count - len(self.roles)


@dataclass(frozen=True, slots=True)
class RoleEntry:
    role: Role


@dataclass(frozen=True, slots=True)
class MoreEntry:
    """The '… et N autres' line closing a family whose matches were cut."""

    hidden: int


TreeEntry = FamilyEntry | RoleEntry | MoreEntry
RoleTreeNode = TreeNode[TreeEntry]
Shown = tuple[tuple[str, tuple[str, ...], int], ...]


class RoleTree(Tree[TreeEntry]):
    """Families at the top level, roles under them; labels are always plain text.

    Role lines start with their markers (favourite, marked for comparison), drawn at render
    time from `favourites` and `compare_mark` so a marker change never rebuilds the labels.
    A line longer than the tree is cut with "…"; a family line keeps its count. At start-up
    the whole catalogue shows at a glance: of the families asked open, the others than the
    first open only if they all fit in the tree's first size.
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
        "role-tree--reason",
    }

    DEFAULT_CSS = """
    RoleTree {
        /* Room for the scroll bar at all times: labels are cut to one width, whether the
           scroll bar shows or not. */
        scrollbar-gutter: stable;
        & > .role-tree--family { text-style: bold; }
        /* dim rather than $text-muted: that is an "auto" colour, unusable in a partial style */
        & > .role-tree--count { text-style: dim; }
        & > .role-tree--marker { color: $text-accent; text-style: bold; }
        & > .role-tree--more { text-style: dim italic; }
        & > .role-tree--reason { text-style: dim; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(Text("Métiers"), id=id, classes=classes)
        self.show_root = False
        self.guide_depth = 3
        self.favourites: Collection[str] = frozenset()
        self.compare_mark: str | None = None
        # While searching: why a role matched when not by its title ("alias « SEM »").
        self.reasons: Mapping[str, str] = {}
        self._family_nodes: dict[str, RoleTreeNode] = {}
        self._role_nodes: dict[str, RoleTreeNode] = {}
        self._shown: Shown | None = None
        self._sized = False  # whether the tree has had its first size (see on_resize)
        self._open_when_sized: list[RoleTreeNode] = []

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
        self.clear()
        self._family_nodes = {}
        self._role_nodes = {}
        self._shown = self._signature(groups, counts)
        self._open_when_sized = []
        for family, roles in groups:
            count = counts.get(family.id, len(roles)) if counts else len(roles)
            entry = FamilyEntry(family, tuple(roles), count)
            # A family whose matches are all cut still opens, on its "… et N autres" line.
            fills = bool(roles) or entry.hidden > 0
            node = self.root.add(Text(family.title), entry, allow_expand=fills)
            self._family_nodes[family.id] = node
            if family.id not in expanded or not fills:
                continue
            if not self._sized and self.expanded_families:
                # The whole catalogue at a glance: before its first size, the tree cannot tell
                # whether every family asked for fits open, so it opens the first one only.
                self._open_when_sized.append(node)
                continue
            self._add_roles(node)
            node.expand()

    @staticmethod
    def _signature(
        groups: Sequence[tuple[Family, Sequence[Role]]], counts: dict[str, int] | None
    ) -> Shown:
        return tuple(
            (family.id, tuple(role.id for role in roles), (counts or {}).get(family.id, len(roles)))
            for family, roles in groups
        )

    def shows(
        self, groups: Sequence[tuple[Family, Sequence[Role]]], counts: dict[str, int] | None = None
    ) -> bool:
        """Whether `show_families(groups, counts=counts)` would give the tree it shows now."""
        return self._shown == self._signature(groups, counts)

    def _add_roles(self, node: RoleTreeNode) -> None:
        """Give a family node its role lines, once (harlequin-style: when it first opens)."""
        entry = node.data
        if not isinstance(entry, FamilyEntry) or node.children:
            return
        for role in entry.roles:
            self._role_nodes[role.id] = node.add_leaf(Text(role.display_title), RoleEntry(role))
        if entry.hidden > 0:
            node.add_leaf(Text(f"… et {counted(entry.hidden, 'autre')}"), MoreEntry(entry.hidden))

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[TreeEntry]) -> None:
        # Mouse clicks, space and enter expand through Tree itself: fill the family then.
        self._add_roles(event.node)

    def on_resize(self, event: events.Resize) -> None:
        # At its first size, the tree opens the other families asked for if they all fit.
        if self._sized or not event.size.height:
            return
        self._sized = True
        waiting, self._open_when_sized = self._open_when_sized, []
        lines = self.last_line + 1
        for node in waiting:
            if isinstance(node.data, FamilyEntry):
                lines += len(node.data.roles) + (node.data.hidden > 0)
        if lines > event.size.height:
            return
        for node in waiting:
            self._add_roles(node)
            node.expand()

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
        self._add_roles(family_node)
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
        # Tree numbers its lines when next asked for them: asking for the last one numbers
        # them now, else the cursor would land on the node's old line (-1 for a new node).
        _ = self.last_line
        self.cursor_line = node.line  # not move_cursor: it scrolls at once, even unlaid out
        if not self.size.height:
            # Scroll once laid out: before the first layout the tree has no height to scroll in.
            self.call_after_refresh(self.scroll_to_node, node, animate=False)
            return
        # Laid out: scroll now, so that the next frame paints the lines once, in their place
        # (a deferred scroll paints them again one frame later).
        self.scroll_to_region(
            Region(0, node.line, self.size.width, 1),
            animate=False,
            force=True,
            origin_visible=False,
            x_axis=False,
            immediate=True,
        )

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

    def render_label(self, node: RoleTreeNode, base_style: Style, style: Style) -> Text:
        text = super().render_label(node, base_style, style)  # Tree's icon, then the label
        entry = node.data
        room = label_room(self, node)
        if isinstance(entry, FamilyEntry):
            text.stylize(self.get_component_rich_style("role-tree--family", partial=True))
            count = Text(
                f" · {french_number(entry.count)}",
                self.get_component_rich_style("role-tree--count", partial=True),
            )
            if room is not None:  # the title is cut, never the count
                text.truncate(max(1, room - count.cell_len), overflow="ellipsis")
            return text.append_text(count)
        if isinstance(entry, RoleEntry):
            marker_style = self.get_component_rich_style("role-tree--marker", partial=True)
            text = Text.assemble((self._markers(entry.role.id), marker_style), text)
            reason = self.reasons.get(entry.role.id)
            if reason:
                reason_style = self.get_component_rich_style("role-tree--reason", partial=True)
                text.append(f" · {reason}", reason_style)
        elif isinstance(entry, MoreEntry):
            text.stylize(self.get_component_rich_style("role-tree--more", partial=True))
        if room is not None:
            text.truncate(room, overflow="ellipsis")
        return text

    def get_label_width(self, node: RoleTreeNode) -> int:
        # Tree asks for every line's width each time a node is added or opened, by rendering
        # its label; measuring the plain text is enough (−40 % to build a 1,429-role family).
        entry = node.data
        width = node.label.cell_len if isinstance(node.label, Text) else len(node.label)
        if isinstance(entry, RoleEntry):
            return len(self._markers(entry.role.id)) + width
        if isinstance(entry, FamilyEntry):
            return len(self.ICON_NODE) + width + len(f" · {french_number(entry.count)}")
        return width

    def process_label(self, label: str | Text) -> Text:
        # Tree splits every label into lines to keep the first; ours are one line already
        # (the loader folds titles): −25 % to build a 1,429-role family.
        if isinstance(label, Text) and "\n" not in label.plain:
            return label
        return super().process_label(label)

    # --- keys -----------------------------------------------------------------------------

    def action_expand_family(self) -> None:
        node = self.cursor_node
        if node is None or not isinstance(node.data, FamilyEntry):
            return
        if node.is_expanded:
            if node.children:
                self.move_to(node.children[0])
            return
        self._add_roles(node)
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
