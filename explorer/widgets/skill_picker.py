"""The skill vocabulary as a tree of categories with boxes to tick (Enter or space)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from explorer.model import SKILL_CATEGORIES, Catalog

TICKED = "[x] "
UNTICKED = "[ ] "


class SkillPicker(Tree[str | None]):
    """Categories (data None) holding their skills (data: the skill id), each with a box."""

    BINDING_GROUP_TITLE = "Activités"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter,space",
            "select_cursor",
            "Cocher",
            id="skills.tick",
            tooltip="Cocher ou décocher l’activité ; sur une catégorie : l’ouvrir ou la fermer",
        ),
    ]

    class Changed(Message):
        """The ticked skills changed: all of them, in the vocabulary's order."""

        def __init__(self, ticked: tuple[str, ...]) -> None:
            super().__init__()
            self.ticked = ticked

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__("Activités", id=id)
        self.show_root = False
        self.catalog = catalog
        self.ticked: set[str] = set()
        self.skill_nodes: dict[str, TreeNode[str | None]] = {}
        self.category_nodes: dict[str, TreeNode[str | None]] = {}

    def on_mount(self) -> None:
        for category, skills in self.catalog.skills_by_category(tuple(self.catalog.skills)):
            node = self.root.add("", data=None, expand=True)
            self.category_nodes[category] = node
            for skill in skills:
                self.skill_nodes[skill.id] = node.add_leaf("", data=skill.id)
            self.label_category(category)
        for skill_id in self.skill_nodes:
            self.label_skill(skill_id)
        if self.skill_nodes:  # on the first skill, once the tree has laid out its lines
            first = next(iter(self.skill_nodes.values()))
            self.call_after_refresh(self.move_cursor, first)

    @property
    def ticked_in_order(self) -> tuple[str, ...]:
        return tuple(s for s in self.skill_nodes if s in self.ticked)

    def label_skill(self, skill_id: str) -> None:
        box = TICKED if skill_id in self.ticked else UNTICKED
        self.skill_nodes[skill_id].set_label(Text(box + self.catalog.skills[skill_id].label))

    def label_category(self, category: str) -> None:
        node = self.category_nodes[category]
        ids = [child.data for child in node.children]
        count = sum(1 for skill_id in ids if skill_id in self.ticked)
        label = Text(SKILL_CATEGORIES.get(category, category), style="bold")
        label.append(f"  {count}/{len(ids)}", style="dim")
        node.set_label(label)

    def set_ticked(self, skill_ids: Iterable[str]) -> None:
        """Tick exactly these skills (those the vocabulary knows)."""
        self.ticked = {s for s in skill_ids if s in self.skill_nodes}
        for skill_id in self.skill_nodes:
            self.label_skill(skill_id)
        for category in self.category_nodes:
            self.label_category(category)
        self.post_message(self.Changed(self.ticked_in_order))

    def on_tree_node_selected(self, event: Tree.NodeSelected[str | None]) -> None:
        skill_id = event.node.data
        if skill_id is None:
            return  # a category: Tree opens or closes it
        event.stop()
        self.ticked.symmetric_difference_update({skill_id})
        self.label_skill(skill_id)
        self.label_category(self.catalog.skills[skill_id].category)
        self.post_message(self.Changed(self.ticked_in_order))
