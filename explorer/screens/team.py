"""The "Composer une équipe" screen: tick what a shop needs, see the fewest roles that cover it.

The answer shows the roles, a coverage table (needed skill × proposed role), what no role
covers, whether the answer is proven optimal, and how much of the need one generalist covers.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Select, Static
from textual.worker import Worker, WorkerState

from explorer.model import Catalog
from explorer.model.team import TEAM_PRESETS, TeamPlan, generalist_line, plan_team, preset_skills
from explorer.model.text import counted
from explorer.widgets.skill_picker import SkillPicker
from explorer.widgets.steady_footer import SteadyFooter

COVERED_MARK = "●"
UNCOVERED_MARK = "—"
EMPTY_NEED = (
    "Cochez les activités dont la boutique a besoin (Entrée ou espace), "
    "ou choisissez un point de départ."
)


def plan_for(catalog: Catalog, need: tuple[str, ...]) -> tuple[tuple[str, ...], TeamPlan]:
    """The plan, with the need it answers (a later tick may have changed the screen's)."""
    return need, plan_team(catalog, need)


def _cut(label: str, style: str = "") -> Text:
    """A label ending in « … » where its column stops."""
    return Text(label, style=style, no_wrap=True, overflow="ellipsis")


class TeamScreen(Screen[None]):
    """Needs on the left (presets, then the vocabulary by category), the answer on the right."""

    CSS_PATH = "team.tcss"
    BINDING_GROUP_TITLE = "Composer une équipe"
    AUTO_FOCUS = "#team-skills"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Retour", id="team.back"),
        Binding("x", "clear", "Tout décocher", id="team.clear"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.need: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="team-body"):
            with Vertical(id="team-need"):
                yield Select(
                    [(name, name) for name in TEAM_PRESETS],
                    prompt="Point de départ…",
                    id="team-preset",
                )
                yield SkillPicker(self.catalog, id="team-skills")
            with VerticalScroll(id="team-answer"):
                yield Static(Content(EMPTY_NEED), id="team-summary")
                yield DataTable(id="team-coverage", cursor_type="row", zebra_stripes=True)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#team-coverage", DataTable).display = False

    def on_select_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            found, _unknown = preset_skills(self.catalog, event.value)
            self.query_one(SkillPicker).set_ticked(found)
            self.query_one(SkillPicker).focus()

    def on_skill_picker_changed(self, event: SkillPicker.Changed) -> None:
        self.need = event.ticked
        # Off the UI thread: the first plan builds the catalogue's skill index, and a large
        # need among thousands of roles takes tens of milliseconds.
        self.run_worker(
            partial(plan_for, self.catalog, self.need),
            name="team",
            # Not repr(work): it would print the whole catalogue (≈ 1.5 s at 10,000 roles).
            description="Composer une équipe",
            thread=True,
            exclusive=True,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        answer = event.worker.result
        if event.worker.name == "team" and event.state == WorkerState.SUCCESS and answer:
            need, plan = answer
            if need == self.need:
                self.show_plan(plan)

    def action_clear(self) -> None:
        self.query_one("#team-preset", Select).clear()
        self.query_one(SkillPicker).set_ticked(())

    def show_plan(self, plan: TeamPlan) -> None:
        summary = self.query_one("#team-summary", Static)
        table = self.query_one("#team-coverage", DataTable)
        if not self.need:
            summary.update(Content(EMPTY_NEED))
            table.display = False
            return
        summary.update(Content("\n").join(self.summary_lines(plan)))
        table.clear(columns=True)
        # The labels are cut where the role columns would leave the pane (3 columns each).
        skills = self.catalog.skills
        longest = max(len(skills[s].label) for s in (*plan.covered, *plan.uncovered))
        room = self.query_one("#team-answer").content_size.width - 3 * len(plan.roles) - 4
        table.add_column("Activité", key="skill", width=max(min(longest, room), 12))
        for number, role_id in enumerate(plan.roles, 1):
            table.add_column(str(number), key=role_id)
        for skill_id, roles in plan.covered.items():
            marks = [COVERED_MARK if role in roles else "" for role in plan.roles]
            table.add_row(_cut(skills[skill_id].label), *marks, key=skill_id)
        for skill_id in plan.uncovered:
            label = _cut(skills[skill_id].label, style="italic")
            table.add_row(label, *(UNCOVERED_MARK for _ in plan.roles), key=skill_id)
        table.display = True

    def summary_lines(self, plan: TeamPlan) -> list[Content]:
        count = len(plan.roles)
        answer = "optimal" if plan.optimal else "approximatif (une équipe plus petite peut exister)"
        lines = [
            Content.styled(f"{counted(count, 'métier')} · {answer}", "bold"),
            *(
                Content(f"{number}. {self.catalog.roles[role_id].title}")
                for number, role_id in enumerate(plan.roles, 1)
            ),
        ]
        if plan.uncovered:
            labels = ", ".join(self.catalog.skills[s].label for s in plan.uncovered)
            lines.append(Content.styled(f"Non couvert : {labels}", "$text-warning"))
        else:
            lines.append(Content.styled("Tout le besoin est couvert.", "$text-success"))
        lines.append(Content.styled(generalist_line(self.catalog, self.need), "$text-muted"))
        return lines
