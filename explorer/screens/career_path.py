"""The "De A à B" screen: the fewest steps from one role to another through the roles' links.

Each step shows the skills it adds. When no path exists, the screen says so and shows the
direct gap: what B asks that A lacks.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import Worker, WorkerState

from explorer.messages import OpenCompare
from explorer.model import Catalog, compare
from explorer.model.paths import PathStep, acquire_phrase, shortest_path, step_title, total_acquire
from explorer.model.text import counted
from explorer.widgets.steady_footer import SteadyFooter


class PathScreen(Screen[None]):
    """The path from role A to role B, step by step; s turns it around."""

    CSS_PATH = "career_path.tcss"
    BINDING_GROUP_TITLE = "De A à B"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Retour", id="path.back"),
        Binding("s", "swap", "Inverser", id="path.swap", tooltip="Le chemin de B à A"),
        Binding(
            "c", "compare", "Comparer", id="path.compare", tooltip="Comparer A et B côte à côte"
        ),
    ]

    def __init__(self, catalog: Catalog, a: str, b: str) -> None:
        super().__init__()
        self.catalog = catalog
        self.a = catalog.roles[a]
        self.b = catalog.roles[b]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="path-title")
        with VerticalScroll(id="path-body"):
            yield Static(Content("Recherche du chemin…"), id="path-steps")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.find_path()

    def find_path(self) -> None:
        title = Content.from_markup(
            "[b]De $a à $b[/b]", a=self.a.display_title, b=self.b.display_title
        )
        self.query_one("#path-title", Static).update(title)
        # Off the UI thread: the first search builds the catalogue's link index.
        self.run_worker(
            partial(self.search, self.catalog, self.a.id, self.b.id),
            name="path",
            # Not repr(work): it would print the whole catalogue (≈ 1.5 s at 10,000 roles).
            description="De A à B",
            thread=True,
            exclusive=True,
        )

    @staticmethod
    def search(catalog: Catalog, a: str, b: str) -> tuple[str, str, list[PathStep]]:
        return a, b, shortest_path(catalog, a, b)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        answer = event.worker.result
        if event.worker.name == "path" and event.state == WorkerState.SUCCESS and answer:
            a, b, steps = answer
            if (a, b) == (self.a.id, self.b.id):  # not an answer for before a swap
                self.show_path(steps)

    def show_path(self, steps: list[PathStep]) -> None:
        self.query_one("#path-steps", Static).update(Content("\n").join(self.path_lines(steps)))
        self.query_one("#path-body", VerticalScroll).focus()

    def skill_lines(self, skill_ids: tuple[str, ...]) -> list[Content]:
        skills = self.catalog.skills
        return [Content(f"   ○ {skills[s].label if s in skills else s}") for s in skill_ids]

    def path_lines(self, steps: list[PathStep]) -> list[Content]:
        a, b = self.a, self.b
        if not steps:
            gap = compare(self.catalog, a, b).gap_a_to_b
            return [
                Content(f"Aucun chemin de {a.title} à {b.title} par les métiers liés."),
                Content(""),
                Content.styled(f"Écart direct : {acquire_phrase(len(gap))}", "bold"),
                *self.skill_lines(gap),
            ]
        count = len(steps)
        lines = [
            Content.styled(
                f"{counted(count, 'étape')}, {acquire_phrase(total_acquire(steps))} en tout",
                "$text-muted",
            )
        ]
        for number, step in enumerate(steps, 1):
            title = step_title(self.catalog, step.from_role, step.to_role, step.kind)
            lines += [
                Content(""),
                Content.styled(f"{number}. {title}", "bold"),
                Content(f"   {acquire_phrase(len(step.acquire))}{' :' if step.acquire else ''}"),
                *self.skill_lines(step.acquire),
            ]
        return lines

    def action_swap(self) -> None:
        self.a, self.b = self.b, self.a
        self.query_one("#path-steps", Static).update(Content("Recherche du chemin…"))
        self.find_path()

    def action_compare(self) -> None:
        self.post_message(OpenCompare(self.a.id, self.b.id))
