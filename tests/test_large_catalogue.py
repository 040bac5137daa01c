"""The explorer screen on a generated catalogue of 1,000 roles: what a big catalogue looks like.

Families start closed (but the first) and fill when opened; a search lists only its best
matches, each family saying how many others it has ("… et N autres"). No timing here: speed
is measured in benchmarks/.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest

from explorer.app import ExplorerApp
from explorer.cli import main
from explorer.model import Catalog, load_catalog, search
from explorer.screens.main import MAX_MATCHES_PER_FAMILY, MAX_MATCHES_SHOWN, MainScreen
from explorer.widgets.role_tree import FamilyEntry, MoreEntry, RoleEntry, RoleTree
from tests.content_factory import ContentFactory
from tests.screen import screen_lines

SIZE = (120, 36)
ROLES = 1000
GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "gen_catalogue.py"


@pytest.fixture(scope="module")
def big_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("gen_catalogue", GENERATOR)
    assert spec is not None and spec.loader is not None
    generator: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    out = tmp_path_factory.mktemp("big") / "content"
    generator.generate(out, ROLES)
    return out


@pytest.fixture(scope="module")
def big(big_content: Path) -> Catalog:
    result = load_catalog(big_content)
    assert result.ok and len(result.catalog.roles) == ROLES
    return result.catalog


def test_validate_counts_thousands_the_french_way(
    big_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(big_content)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK : 12 familles, 1\u202f000 métiers, "), out


def tree_lines(app: ExplorerApp) -> list[str]:
    """The tree's lines as the terminal shows them."""
    region = app.screen.query_one("#roles").region
    lines = screen_lines(app)
    shown = [lines[y][region.x : region.right].strip() for y in range(region.y, region.bottom)]
    return [line for line in shown if line]


def all_entries(app: ExplorerApp) -> list[Any]:
    """Every line of the tree, scrolled into view or not, as its entry."""
    tree = app.screen.query_one(RoleTree)
    return [tree.get_node_at_line(line).data for line in range(tree.last_line + 1)]  # type: ignore[union-attr]


async def test_a_big_catalogue_opens_its_first_family_and_fills_another_when_opened(
    big: Catalog,
) -> None:
    app = ExplorerApp(big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first, second = big.families[0], big.families[1]
        first_roles, second_roles = big.roles_of(first.id), big.roles_of(second.id)
        lines = tree_lines(app)
        assert lines[0] == f"▼ {first.title} · {len(first_roles)}"
        # Thousands apart, the French way (a narrow no-break space), as on the loading screen.
        families = len(big.families)
        assert f"{families} familles · 1\u202f000 métiers" in screen_lines(app)[0]
        # Long titles are cut, and end with "…".
        assert f"├─ {first_roles[0].display_title}".startswith(lines[1].removesuffix("…"))
        # Further families are closed lines with their size, nothing under them yet.
        families = [e for e in all_entries(app) if isinstance(e, FamilyEntry)]
        assert [e.family.id for e in families] == [f.id for f in big.families]
        assert sum(isinstance(e, RoleEntry) for e in all_entries(app)) == len(first_roles)
        await pilot.press("h", "h", "down", "l")  # to the family, close it, next one, open
        await pilot.pause()
        lines = tree_lines(app)
        assert lines[:2] == [
            f"▶ {first.title} · {len(first_roles)}",
            f"▼ {second.title} · {len(second_roles)}",
        ]
        assert f"├─ {second_roles[0].display_title}".startswith(lines[2].removesuffix("…"))
        assert f"├─ {second_roles[1].display_title}".startswith(lines[3].removesuffix("…"))


async def test_searching_a_big_catalogue_lists_the_best_matches_and_counts_the_others(
    big: Catalog,
) -> None:
    query = "d"  # one letter: most roles match
    hits = search(big, query)
    assert len(hits) > 5 * MAX_MATCHES_SHOWN
    app = ExplorerApp(big)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", query)
        await pilot.pause()
        entries = all_entries(app)
        roles = [e.role for e in entries if isinstance(e, RoleEntry)]
        families = [e for e in entries if isinstance(e, FamilyEntry)]
        others = [e.hidden for e in entries if isinstance(e, MoreEntry)]
        # The best-ranked matches only, and every match counted once: listed or "… et N autres".
        assert len(roles) == MAX_MATCHES_SHOWN
        assert {role.id for role in roles} == {hit.role.id for hit in hits[:MAX_MATCHES_SHOWN]}
        assert all(len(e.roles) <= MAX_MATCHES_PER_FAMILY for e in families)
        assert len(roles) + sum(others) == len(hits)
        assert sum(e.count for e in families) == len(hits)
        assert len(entries) <= MAX_MATCHES_SHOWN + 2 * len(big.families)
        # On screen: the first family with its count of matches; the tree ends on the others.
        counts = {e.family.id: e.count for e in families}
        first = families[0].family
        assert tree_lines(app)[0] == f"▼ {first.title} · {counts[first.id]}"
        assert isinstance(app.screen, MainScreen)
        await pilot.press("enter", "end")  # into the results, to their last line
        await pilot.pause()
        assert re.fullmatch(r"└─ … et \d+ autres?", tree_lines(app)[-1])
        assert f"… et {others[-1]} autre" in tree_lines(app)[-1]


async def test_when_one_family_crowds_the_best_matches_the_others_still_get_their_lines(
    content: ContentFactory,
) -> None:
    # 200 roles named "Zorglub …" in one family, ranked above 20 roles of the other family
    # that only have the word in a mission: the first family lists its 50, the tree then
    # goes far enough down the ranking to list the other family's 20.
    template = content.roles["referenceur-seo"]
    content.roles = {}
    for number in range(200):
        role = dict(template, title=f"Zorglub {number:03}", aliases=[], related=[])
        content.roles[f"zorglub-{number:03}"] = role
    for number in range(20):
        role = dict(template, title=f"Rédacteur {number:02}", aliases=[], related=[])
        role.update(family="contenus", missions=["Écrire sur les zorglubs"])
        content.roles[f"redacteur-{number:02}"] = role
    catalog = load_catalog(content.write()).catalog
    app = ExplorerApp(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"zorglub")
        await pilot.pause()
        families = [e for e in all_entries(app) if isinstance(e, FamilyEntry)]
        shown = {e.family.id: (len(e.roles), e.count) for e in families}
        assert shown == {"acquisition": (MAX_MATCHES_PER_FAMILY, 200), "contenus": (20, 20)}
        others = [e.hidden for e in all_entries(app) if isinstance(e, MoreEntry)]
        assert others == [200 - MAX_MATCHES_PER_FAMILY]
