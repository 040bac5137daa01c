"""Career paths: the tree of evolutions and the shortest path between two roles."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from explorer.model import Catalog
from explorer.model.paths import Evolution, PathStep, evolutions, shortest_path, total_acquire
from tests.test_matching import make_catalog


@pytest.fixture
def career() -> Catalog:
    """From "start", two 2-step ways to "goal": via "costly" (listed first) or via "cheap".

    A 3-step way through "long" asks for almost nothing, but has more steps.
    """
    return make_catalog(
        {
            "start": {
                "skills": ["a", "b"],
                "related": [("costly", "evolution"), ("cheap", "evolution"), ("long", "proche")],
            },
            "costly": {"skills": ["x", "y", "z"], "related": [("goal", "evolution")]},
            "cheap": {"skills": ["a", "b", "c"], "related": [("goal", "evolution")]},
            "goal": {"skills": ["a", "b", "c", "d"], "related": [("start", "evolution")]},
            "long": {"skills": ["a", "b"], "related": [("long2", "evolution")]},
            "long2": {"skills": ["a", "b", "c"], "related": [("goal", "evolution")]},
            "side": {"skills": ["s"], "related": [("start", "proche")]},
            "alone": {"skills": ["a"]},
        }
    )


def test_same_number_of_steps_fewer_skills_to_acquire_wins(career: Catalog) -> None:
    steps = shortest_path(career, "start", "goal")
    assert steps == [
        PathStep("start", "cheap", "evolution", ("c",)),
        PathStep("cheap", "goal", "evolution", ("d",)),
    ]
    assert total_acquire(steps) == 2


def test_fewer_steps_wins_over_fewer_skills() -> None:
    catalog = make_catalog(
        {
            "a": {"skills": ["k"], "related": [("far", "evolution"), ("b1", "evolution")]},
            "far": {"skills": ["x1", "x2", "x3", "x4", "x5"], "related": [("goal", "evolution")]},
            "b1": {"skills": ["k"], "related": [("b2", "evolution")]},
            "b2": {"skills": ["k"], "related": [("b3", "evolution")]},
            "b3": {"skills": ["k"], "related": [("goal", "evolution")]},
            "goal": {"skills": ["k", "g"]},
        }
    )
    steps = shortest_path(catalog, "a", "goal")
    assert [s.to_role for s in steps] == ["far", "goal"]
    assert total_acquire(steps) == 5 + 2  # far lacks k and g


def test_a_proche_link_is_followed_both_ways(career: Catalog) -> None:
    # "side" lists "start" as proche: start -> side is a step too.
    assert shortest_path(career, "start", "side") == [PathStep("start", "side", "proche", ("s",))]
    assert shortest_path(career, "side", "start") == [
        PathStep("side", "start", "proche", ("a", "b"))
    ]


def test_an_evolution_link_is_not_followed_backwards(career: Catalog) -> None:
    # costly -> goal is written, goal -> costly is not (goal -> start -> costly is).
    steps = shortest_path(career, "goal", "costly")
    assert [(s.from_role, s.to_role) for s in steps] == [("goal", "start"), ("start", "costly")]
    catalog = make_catalog({"a": {"related": [("b", "evolution")]}, "b": {}})
    assert shortest_path(catalog, "b", "a") == []


def test_no_path_same_role_and_unknown_roles(career: Catalog) -> None:
    assert shortest_path(career, "start", "alone") == []
    assert shortest_path(career, "start", "start") == []
    with pytest.raises(KeyError):
        shortest_path(career, "start", "nobody")
    with pytest.raises(KeyError):
        evolutions(career, "nobody")


def test_remaining_ties_go_to_catalogue_order() -> None:
    catalog = make_catalog(
        {
            "a": {"skills": ["k"], "related": [("m2", "evolution"), ("m1", "evolution")]},
            "m1": {"skills": ["k"], "related": [("goal", "evolution")]},
            "m2": {"skills": ["k"], "related": [("goal", "evolution")]},
            "goal": {"skills": ["k", "g"]},
        }
    )
    assert [s.to_role for s in shortest_path(catalog, "a", "goal")] == ["m1", "goal"]


def shape(tree: tuple[Evolution, ...]) -> list[object]:
    return [(node.role, node.kind, node.acquire, shape(node.next)) for node in tree]


def test_evolutions_follow_evolution_chains_first_then_proche(career: Catalog) -> None:
    tree = evolutions(career, "start")
    assert shape(tree) == [
        ("costly", "evolution", ("x", "y", "z"), [("goal", "evolution", ("a", "b", "c", "d"), [])]),
        ("cheap", "evolution", ("c",), []),
        ("long", "proche", (), [("long2", "evolution", ("c",), [])]),
        ("side", "proche", ("s",), []),
    ]


def test_evolutions_never_cycle_and_stop_at_depth(career: Catalog) -> None:
    # goal -> start -> ... -> goal: start and goal show once; the depth bounds the tree.
    tree = evolutions(career, "goal", depth=2)
    seen: list[str] = []

    def walk(nodes: tuple[Evolution, ...], depth: int) -> None:
        for node in nodes:
            assert depth <= 2
            seen.append(node.role)
            walk(node.next, depth + 1)

    walk(tree, 1)
    assert "goal" not in seen and len(seen) == len(set(seen))
    assert [n.role for n in tree] == ["start"]
    assert evolutions(career, "goal", depth=0) == ()


def test_bundled_paths(bundled: Catalog) -> None:
    tree = evolutions(bundled, "redacteur-web")
    # The articles' evolution: rédacteur web -> responsable éditorial.
    assert (tree[0].role, tree[0].kind) == ("responsable-editorial", "evolution")
    steps = shortest_path(bundled, "redacteur-web", "responsable-editorial")
    assert len(steps) == 1 and steps[0].kind == "evolution"
    assert set(steps[0].acquire) == set(bundled.roles["responsable-editorial"].skills) - set(
        bundled.roles["redacteur-web"].skills
    )


def every_path(catalog: Catalog, a: str, b: str) -> list[list[tuple[str, str]]]:
    """Every simple path from a to b as [(role, kind)], links as shortest_path reads them."""
    links: dict[str, dict[str, str]] = {r: {} for r in catalog.roles}
    for role in catalog.roles.values():
        for link in role.related:
            if link.kind == "evolution":
                links[role.id][link.role] = "evolution"
    for role in catalog.roles.values():
        for link in role.related:
            if link.kind == "proche":
                links[role.id].setdefault(link.role, "proche")
                links[link.role].setdefault(role.id, "proche")
    found: list[list[tuple[str, str]]] = []

    def walk(path: list[tuple[str, str]]) -> None:
        here = path[-1][0]
        if here == b:
            found.append(path)
            return
        for target, kind in links[here].items():
            if target not in {r for r, _ in path}:
                walk([*path, (target, kind)])

    walk([(a, "")])
    return found


@pytest.mark.parametrize("seed", range(60))
def test_shortest_path_agrees_with_trying_every_path(seed: int) -> None:
    rng = random.Random(seed)
    names = [f"r{i}" for i in range(7)]
    pool = [f"k{i}" for i in range(8)]
    catalog = make_catalog(
        {
            name: {
                "skills": rng.sample(pool, rng.randint(1, 5)),
                "related": [
                    (other, rng.choice(["evolution", "proche"]))
                    for other in rng.sample(names, rng.randint(1, 3))
                    if other != name
                ],
            }
            for name in names
        }
    )
    order = list(catalog.roles)
    a, b = rng.sample(names, 2)

    def acquire(x: str, y: str) -> int:
        return len(set(catalog.roles[y].skills) - set(catalog.roles[x].skills))

    paths = every_path(catalog, a, b)
    steps = shortest_path(catalog, a, b)
    if not paths:
        assert steps == []
        return
    best = min(
        paths,
        key=lambda p: (
            len(p),
            sum(acquire(x, y) for (x, _), (y, _) in pairwise(p)),
            [order.index(r) for r, _ in p[1:]],
        ),
    )
    assert [(s.to_role, s.kind) for s in steps] == best[1:]
    assert [s.from_role for s in steps] == [r for r, _ in best[:-1]]
