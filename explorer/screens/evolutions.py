"""The "Évolutions" screen: where a role leads, as a tree of up to three steps through the roles' links.

Evolution links come first; `proche` links (close jobs) are drawn differently. Each step
says how many skills it asks to acquire from the step before; Enter on a step opens the
comparison of the two roles it joins.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static, Tree
from textual.widgets.tree import TreeNode
from textual.worker import Worker, WorkerState

from explorer.messages import OpenCompare
from explorer.model import Catalog
from explorer.model.paths import (
    EVOLUTION,
    Evolution,
    acquire_phrase,
    evolutions,
    step_title,
)
from explorer.widgets.steady_footer import SteadyFooter

DEPTH = 3
EVOLUTION_MARK = "↗ "
PROCHE_MARK = "≈ "
LEGEND = f"{EVOLUTION_MARK}évolution   {PROCHE_MARK}métier proche   +N compétences à acquérir"


def step_label(catalog: Catalog, step: Evolution) -> Text:
    """`↗ Responsable e-commerce  +15`; a close job in italics with ≈. Plain text, never markup."""
    evolution = step.kind == EVOLUTION
    label = Text(EVOLUTION_MARK if evolution else PROCHE_MARK, style="bold" if evolution else "")
    label.append(catalog.roles[step.role].title, style="" if evolution else "italic")
    label.append(f"  +{len(step.acquire)}", style="dim")
    return label


class StepTree(Tree[Evolution | None]):
    """The tree of steps; Enter compares the step's two roles (the footer and help say so)."""

    BINDING_GROUP_TITLE = "Évolutions"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Comparer",
            id="evolutions.compare",
            tooltip="Comparer les deux métiers que l’étape relie",
        ),
    ]


class EvolutionsScreen(Screen[None]):
    """Where the role leads; the highlighted step's skills to acquire beside (or below) the tree."""

    CSS_PATH = "evolutions.tcss"
    BINDING_GROUP_TITLE = "Évolutions"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Retour", id="evolutions.back"),
    ]

    def __init__(self, catalog: Catalog, role_id: str) -> None:
        super().__init__()
        self.catalog = catalog
        self.role = catalog.roles[role_id]

    def compose(self) -> ComposeResult:
        yield Header()
        title = Content.from_markup("[b]Évolutions de $title[/b]", title=self.role.display_title)
        yield Static(title, id="evolutions-title")
        yield Static(Content.styled(LEGEND, "$text-muted"), id="evolutions-legend")
        with Horizontal(id="evolutions-body"):
            tree = StepTree(Text(self.role.title, style="bold"), id="evolutions-tree")
            tree.auto_expand = False  # Enter compares; space still opens and closes a step
            yield tree
            with VerticalScroll(id="evolutions-step"):
                yield Static(Content("Calcul des évolutions…"), id="evolutions-detail")
        yield SteadyFooter()

    def on_mount(self) -> None:
        # Off the UI thread: the first call builds the catalogue's link index (≈ 0.4 s at
        # 10,000 roles); the answer comes back as a Worker.StateChanged message.
        self.run_worker(
            partial(evolutions, self.catalog, self.role.id, DEPTH),
            name="evolutions",
            # Not repr(work): it would print the whole catalogue (≈ 1.5 s at 10,000 roles).
            description="Évolutions",
            thread=True,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        steps = event.worker.result
        if event.worker.name == "evolutions" and event.state == WorkerState.SUCCESS:
            assert steps is not None
            self.show_steps(steps)

    @property
    def step_tree(self) -> StepTree:
        return self.query_one("#evolutions-tree", StepTree)

    def show_steps(self, steps: tuple[Evolution, ...]) -> None:
        tree = self.step_tree
        tree.clear()

        def add(node: TreeNode[Evolution | None], children: tuple[Evolution, ...]) -> None:
            for step in children:
                label = step_label(self.catalog, step)
                if step.next:
                    add(node.add(label, data=step, expand=True), step.next)
                else:
                    node.add_leaf(label, data=step)

        add(tree.root, steps)
        tree.root.expand()
        tree.focus()
        if steps:  # on the first step once the tree has laid out its lines
            tree.call_after_refresh(tree.move_cursor, tree.root.children[0])
        else:
            self.query_one("#evolutions-detail", Static).update(
                Content(
                    f"Aucune évolution ni métier proche n’est renseigné pour {self.role.title}."
                )
            )

    def parent_role(self, node: TreeNode[Evolution | None]) -> str:
        parent = node.parent
        data = parent.data if parent is not None else None
        return data.role if data is not None else self.role.id

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Evolution | None]) -> None:
        step = event.node.data
        detail = self.query_one("#evolutions-detail", Static)
        if step is None:
            detail.update(Content("Choisissez une étape pour voir ce qu’elle demande d’acquérir."))
            return
        source = self.parent_role(event.node)
        lines = [
            Content.styled(step_title(self.catalog, source, step.role, step.kind), "bold"),
            Content(acquire_phrase(len(step.acquire)) + (" :" if step.acquire else ".")),
        ]
        skills = self.catalog.skills
        lines += [Content(f"  ○ {skills[s].label if s in skills else s}") for s in step.acquire]
        lines.append(Content.styled("Entrée : comparer ces deux métiers.", "$text-muted"))
        detail.update(Content("\n").join(lines))

    def on_tree_node_selected(self, event: Tree.NodeSelected[Evolution | None]) -> None:
        step = event.node.data
        if step is not None:
            self.post_message(OpenCompare(self.parent_role(event.node), step.role))
