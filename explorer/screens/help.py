"""The help screen: every key of the screen underneath, generated from its real bindings.

Any screen gets help for free: `?` (an app binding) opens `HelpScreen(app.screen)`. Listed
are the bindings that carry an `id` and a description, gathered from the screen itself,
then its widgets (in page order), then the app. Each widget class or screen names its group
with `BINDING_GROUP_TITLE`; bindings with the same title are merged, so three link lists
make one group. Keys bound to the same action share a line ("↓ j  Descendre"); an action
that is unavailable right now is shown dimmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Label

from explorer.widgets.rendered import RenderedOnce

OTHER_GROUP = "Autres touches"


class RenderedTable(RenderedOnce):
    """The help's table, rendered once per width: as a Static, it was rendered to measure,
    to paint and again on each resize, most of the help screen's cost."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table: Table | None = None

    def show(self, table: Table) -> None:
        self.table = table
        self.forget()
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        return self.table if self.table is not None else ""


@dataclass(frozen=True, slots=True)
class HelpLine:
    keys: tuple[str, ...]  # as displayed: "↓", "j"
    description: str
    detail: str  # the binding's tooltip: a longer explanation
    enabled: bool


@dataclass(frozen=True, slots=True)
class HelpGroup:
    title: str
    lines: tuple[HelpLine, ...]


def node_bindings(node: DOMNode) -> list[Binding]:
    """The bindings a node's classes declare, base classes first (as Textual merges them)."""
    # As Textual merges them: a subclass's bindings for a key replace its base's, in place.
    by_key: dict[str, list[Binding]] = {}
    for cls in reversed(type(node).__mro__):
        own: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(vars(cls).get("BINDINGS", [])):
            own.setdefault(binding.key, []).append(binding)
        by_key.update(own)
    return [binding for bindings in by_key.values() for binding in bindings]


def _node_lines(node: DOMNode, screen: Screen[object]) -> list[HelpLine]:
    app = screen.app
    by_action: dict[str, list[Binding]] = {}
    for binding in node_bindings(node):
        if binding.id is None or not binding.description or binding.system:
            continue
        by_action.setdefault(binding.action, []).append(binding)
    lines = []
    for action, bindings in by_action.items():
        namespace, name, parameters = parse(action)
        target: DOMNode = {"app": app, "screen": screen}.get(namespace, node)
        state = target.check_action(name, parameters)
        keys = tuple(dict.fromkeys(app.get_key_display(b) for b in bindings))
        detail = next((b.tooltip for b in bindings if b.tooltip), "")
        lines.append(HelpLine(keys, bindings[0].description, detail, state is True))
    return lines


def help_groups(screen: Screen[object]) -> list[HelpGroup]:
    """The documented keys of a screen: its own first, then its widgets', then the app's."""
    # A screen may name widgets it mounts only when first used: their keys are listed too.
    unmounted = getattr(screen, "unmounted_help_nodes", None)
    later: list[DOMNode] = unmounted() if callable(unmounted) else []
    nodes: list[DOMNode] = [screen, *screen.walk_children(), *later, screen.app]
    merged: dict[str, dict[tuple[str, str], HelpLine]] = {}
    for node in nodes:
        lines = _node_lines(node, screen)
        if not lines:
            continue
        title = node.BINDING_GROUP_TITLE or OTHER_GROUP
        group = merged.setdefault(title, {})
        for line in lines:
            # A key bound twice (in the footer or not, as it is wide): the one enabled now.
            key = (line.description, ",".join(line.keys))
            if key not in group or (line.enabled and not group[key].enabled):
                group[key] = line
    return [HelpGroup(title, tuple(lines.values())) for title, lines in merged.items()]


class HelpScreen(ModalScreen[None]):
    """A modal listing the keys of `screen`, grouped; escape (or ?) closes it."""

    CSS_PATH = "help.tcss"
    BINDING_GROUP_TITLE = "Aide"

    COMPONENT_CLASSES: ClassVar[set[str]] = {"help--key", "help--group"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "dismiss", "Fermer", id="help.close"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.target = screen
        self.groups = help_groups(screen)

    def compose(self) -> ComposeResult:
        title = self.target.BINDING_GROUP_TITLE or "Écran actuel"
        with Vertical(id="help-panel"):
            yield Label(Text(f"Touches — {title}"), id="help-title")
            with VerticalScroll(id="help-body"):
                yield RenderedTable(id="help-table")
            yield Label(Text("Échap ou ? pour fermer"), id="help-hint")

    def on_mount(self) -> None:
        # Built once styles are known, so keys take the theme's accent colour.
        self.query_one("#help-table", RenderedTable).show(self._table())
        self.query_one("#help-body").focus()

    def _table(self) -> Table:
        key_style = self.get_component_rich_style("help--key", partial=True)
        group_style = self.get_component_rich_style("help--group", partial=True)
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for index, group in enumerate(self.groups):
            if index:
                table.add_row()
            table.add_row("", Text(group.title, style=group_style))
            for line in group.lines:
                keys = Text(" ".join(line.keys), style=key_style)
                description = Text(line.description, style="bold")
                detail = Text(line.detail, style="dim")
                if not line.enabled:
                    for text in (keys, description, detail):
                        text.stylize("dim")
                table.add_row(keys, description, detail)
        return table
