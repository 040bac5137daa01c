"""The role tree as a new user first sees it at 80x24, and its promise to use Textual's public API.

- The whole catalogue at a glance: every family with its count, only the cursor's one open.
- A title too long for the tree ends with "…"; a family line keeps its count.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from textual.widgets import Tree

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.widgets import role_tree
from explorer.widgets.role_tree import RoleTree
from tests.content_factory import ContentFactory
from tests.screen import screen_lines

SMALL = (80, 24)
LONG_ROLE = "Responsable du développement des partenariats commerciaux internationaux"
LONG_FAMILY = "Acquisition, mesure et optimisation du trafic payant et naturel"
FAMILY_LINE = re.compile(r"([▶▼]) (.+) · (\d+)")


def tree_lines(app: ExplorerApp) -> list[str]:
    region = app.screen.query_one("#roles").region
    lines = screen_lines(app)
    shown = [lines[y][region.x : region.right].rstrip() for y in range(region.y, region.bottom)]
    return [line for line in shown if line.strip()]


def shows_title(shown: str, title: str) -> bool:
    """Whether `shown` is the title, or its beginning cut with "…"."""
    return shown == title or (shown.endswith("…") and title.startswith(shown[:-1]))


async def test_at_80x24_every_family_shows_with_its_count_and_only_the_cursors_is_open(
    bundled: Catalog,
) -> None:
    app = ExplorerApp(bundled)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        lines = tree_lines(app)
        families = [match for line in lines if (match := FAMILY_LINE.fullmatch(line))]
        assert len(families) == len(bundled.families)
        for match, family in zip(families, bundled.families, strict=True):
            assert shows_title(match[2], family.title), match[0]
            assert int(match[3]) == len(bundled.roles_of(family.id))
        # Open: the family of the role under the cursor, the one the detail pane shows.
        role = app.screen.query_one(RoleTree).highlighted_role
        assert role is not None
        family = bundled.family(role.family)
        assert family is not None
        assert [match[2] for match in families if match[1] == "▼"] == [family.title]


async def test_a_title_too_long_for_the_tree_ends_with_an_ellipsis(
    content: ContentFactory,
) -> None:
    content.families[0]["title"] = LONG_FAMILY
    content.roles["referenceur-sea"].update(title=LONG_ROLE, title_feminine=LONG_ROLE)
    app = ExplorerApp(load_catalog(content.write()).catalog)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        lines = tree_lines(app)
        family = lines[0]
        assert re.fullmatch(r"▼ .+… · 2", family), family  # cut, but the count stays
        assert shows_title(family[2 : -len(" · 2")], LONG_FAMILY)
        (role,) = [line for line in lines if line[3:].startswith(LONG_ROLE[:20])]
        assert role.endswith("…"), role
        assert shows_title(role[3:], LONG_ROLE)
        # Short titles are whole, with no mark.
        assert lines[-1] == "└─ Rédacteur web / Rédactrice web"


def test_role_tree_uses_only_the_public_api_of_textual() -> None:
    """No import from a private textual module, no use or override of a private member.

    Every `x._name` in the module must be one of RoleTree's own names, and none of those
    may be a name Tree already has.
    """
    source = Path(role_tree.__file__).read_text(encoding="utf-8")
    module = ast.parse(source)
    imported = [
        (node.module, [alias.name for alias in node.names])
        for node in ast.walk(module)
        if isinstance(node, ast.ImportFrom) and node.module
    ]
    imported += [
        (alias.name, [])
        for node in ast.walk(module)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    for name, names in imported:
        if name.split(".")[0] == "textual":
            assert not any(part.startswith("_") for part in [*name.split("."), *names]), name

    def private(name: str) -> bool:
        return name.startswith("_") and not name.startswith("__")

    # RoleTree's own private names: its methods, and what it assigns to `self._name`.
    (tree_class,) = [
        node for node in module.body if isinstance(node, ast.ClassDef) and node.name == "RoleTree"
    ]
    own = {
        node.name
        for node in tree_class.body
        if isinstance(node, ast.FunctionDef) and private(node.name)
    }
    own |= {
        node.attr
        for node in ast.walk(tree_class)
        if isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
        and private(node.attr)
    }
    used = {
        node.attr
        for node in ast.walk(module)
        if isinstance(node, ast.Attribute) and private(node.attr)
    }
    assert used <= own, sorted(used - own)
    textual_names = set(dir(Tree)) | set(vars(Tree("x")))
    assert not own & textual_names, sorted(own & textual_names)
