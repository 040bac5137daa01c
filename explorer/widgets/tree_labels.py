"""How wide a tree line's label may be: long labels end in « … » where the column stops."""

from __future__ import annotations

from typing import Any

from textual.widgets import Tree
from textual.widgets.tree import TreeNode


def label_room(tree: Tree[Any], node: TreeNode[Any]) -> int | None:
    """The cells left for a node's label beside its guides; None before the first layout."""
    width = tree.scrollable_content_region.width
    if width <= 0:
        return None
    depth = 0
    parent = node.parent
    while parent is not None and not parent.is_root:
        depth, parent = depth + 1, parent.parent
    return max(1, width - depth * tree.guide_depth)
