"""The skill vocabulary as a tree of categories with boxes to tick (Enter or space)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from explorer.model import SKILL_CATEGORIES, Catalog, Skill
from explorer.widgets.tree_labels import label_room

# Up to this many skills, every category starts open.
EXPAND_ALL_UP_TO = 300
TICKED = "[x] "
UNTICKED = "[ ] "
COUNT_GAP = "  "  # between a category and its count of ticked skills


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
        self.category_skills: dict[str, Sequence[Skill]] = {}

    def on_mount(self) -> None:
        self.category_skills = dict(self.catalog.skills_by_category(tuple(self.catalog.skills)))
        # A large vocabulary starts folded: each tick redraws the lines of the open categories.
        expand = len(self.catalog.skills) <= EXPAND_ALL_UP_TO
        for category, skills in self.category_skills.items():
            node = self.root.add(self.category_label(category, skills), expand=expand)
            self.category_nodes[category] = node
            for skill in skills:
                self.skill_nodes[skill.id] = node.add_leaf(self.skill_label(skill.id), skill.id)
        if self.skill_nodes:  # on the first line, once the tree has laid out its lines
            first = next(iter(self.skill_nodes.values())) if expand else self.root.children[0]
            self.call_after_refresh(self.move_cursor, first)

    def render_label(self, node: TreeNode[str | None], base_style: Style, style: Style) -> Text:
        text = super().render_label(node, base_style, style)
        room = label_room(self, node)
        if room is None:
            return text
        # Cut where the column stops, visibly; a category keeps its count (category_label).
        count = text[text.plain.rindex(COUNT_GAP) :] if node.data is None else Text()
        text = text[: len(text) - len(count)]
        text.truncate(max(1, room - count.cell_len), overflow="ellipsis")
        return text.append_text(count)

    @property
    def ticked_in_order(self) -> tuple[str, ...]:
        return tuple(s for s in self.skill_nodes if s in self.ticked)

    def skill_label(self, skill_id: str) -> Text:
        box = TICKED if skill_id in self.ticked else UNTICKED
        return Text(box + self.catalog.skills[skill_id].label)

    def category_label(self, category: str, skills: Sequence[Skill]) -> Text:
        count = sum(1 for skill in skills if skill.id in self.ticked)
        label = Text(SKILL_CATEGORIES.get(category, category), style="bold")
        label.append(f"{COUNT_GAP}{count}/{len(skills)}", style="dim")
        return label

    def show_ticks(self, changed: Iterable[str]) -> None:
        """Redraw the boxes of the skills whose tick changed, and their categories' counts."""
        categories = set()
        for skill_id in changed:
            self.skill_nodes[skill_id].set_label(self.skill_label(skill_id))
            categories.add(self.catalog.skills[skill_id].category)
        for category in categories:
            skills = self.category_skills[category]
            self.category_nodes[category].set_label(self.category_label(category, skills))
        self.post_message(self.Changed(self.ticked_in_order))

    def set_ticked(self, skill_ids: Iterable[str]) -> None:
        """Tick exactly these skills (those the vocabulary knows)."""
        ticked = {s for s in skill_ids if s in self.skill_nodes}
        changed = ticked ^ self.ticked
        self.ticked = ticked
        self.show_ticks(changed)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str | None]) -> None:
        skill_id = event.node.data
        if skill_id is None:
            return  # a category: Tree opens or closes it
        event.stop()
        self.ticked ^= {skill_id}
        self.show_ticks([skill_id])
