"""Career paths through the roles' links: where a role leads, and the way from one role to another.

A link is followed as the content writes it (role A lists B: A -> B), and a `proche` link
also the other way, since two close jobs are close both ways. An `evolution` link is only
followed forwards: it says where a career goes, not where it comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from explorer.model.catalog import Catalog
from explorer.model.matching import PerCatalog
from explorer.model.text import counted

EVOLUTION = "evolution"
PROCHE = "proche"


@dataclass(frozen=True)
class PathStep:
    from_role: str
    to_role: str
    kind: str  # "evolution" or "proche"
    acquire: tuple[str, ...]  # skills of to_role that from_role lacks, in to_role's order


@dataclass(frozen=True)
class Evolution:
    """One node of the tree of evolutions: a role reached from its parent by one link."""

    role: str
    kind: str  # the link from the parent: "evolution" or "proche"
    acquire: tuple[str, ...]  # skills of this role the parent lacks
    next: tuple[Evolution, ...] = ()


class _Links:
    """Per catalogue: each role's outgoing links (evolution before proche) and skill sets."""

    def __init__(self, catalog: Catalog) -> None:
        roles = catalog.roles
        self.skills = {role_id: frozenset(role.skills) for role_id, role in roles.items()}
        self.order = {role_id: index for index, role_id in enumerate(roles)}
        evolution: dict[str, list[str]] = {role_id: [] for role_id in roles}
        proche: dict[str, list[str]] = {role_id: [] for role_id in roles}
        for role_id, role in roles.items():
            for link in role.related:
                if link.role not in roles or link.role == role_id:
                    continue
                if link.kind == EVOLUTION:
                    evolution[role_id].append(link.role)
                elif link.kind == PROCHE:
                    proche[role_id].append(link.role)
                    proche[link.role].append(role_id)
        # role -> [(target, kind)]: written evolutions first, then proche ones, each target once.
        self.out: dict[str, list[tuple[str, str]]] = {}
        for role_id in roles:
            seen: dict[str, str] = {}
            for target in evolution[role_id]:
                seen.setdefault(target, EVOLUTION)
            for target in proche[role_id]:
                seen.setdefault(target, PROCHE)
            self.out[role_id] = list(seen.items())
        self.into: dict[str, list[str]] = {role_id: [] for role_id in roles}
        for role_id, targets in self.out.items():
            for target, _kind in targets:
                self.into[target].append(role_id)


# Built on first use; a screen may call it in a worker beforehand (≈ 0.2 s at 10,000 roles).
link_index = PerCatalog(_Links)


def _acquire(catalog: Catalog, links: _Links, source: str, target: str) -> tuple[str, ...]:
    mine = links.skills[source]
    return tuple(dict.fromkeys(s for s in catalog.roles[target].skills if s not in mine))


def evolutions(catalog: Catalog, role_id: str, depth: int = 3) -> tuple[Evolution, ...]:
    """Where a role leads, up to `depth` links away, as a tree whose roots are one link away.

    Evolution links first: every role a chain of evolutions reaches within `depth` is placed
    on that chain, at the fewest links. Proche links then add, from the placed roles, the
    roles not placed yet, again at the fewest links from the start. Each role shows once
    and never the start itself, so there is no cycle. Children come in the content's order,
    evolutions first. Raises KeyError for an unknown role.
    """
    if role_id not in catalog.roles:
        raise KeyError(role_id)
    links = link_index(catalog)
    depth = max(depth, 0)
    placed = {role_id}
    children: dict[str, list[tuple[str, str]]] = {}
    levels: list[list[str]] = [[role_id]] + [[] for _ in range(depth)]
    for kinds in ((EVOLUTION,), (EVOLUTION, PROCHE)):
        for d in range(depth):
            for parent in levels[d]:
                for target, kind in links.out[parent]:
                    if kind in kinds and target not in placed:
                        placed.add(target)
                        children.setdefault(parent, []).append((target, kind))
                        levels[d + 1].append(target)

    def grow(parent: str) -> tuple[Evolution, ...]:
        return tuple(
            Evolution(target, kind, _acquire(catalog, links, parent, target), grow(target))
            for target, kind in children.get(parent, [])
        )

    return grow(role_id)


def shortest_path(catalog: Catalog, a: str, b: str) -> list[PathStep]:
    """The fewest links from role a to role b; ties: the fewest skills to acquire in total.

    Remaining ties go to the path whose roles come first in catalogue order, step by step.
    Empty when b cannot be reached, or when a is b. Raises KeyError for an unknown role.

    A breadth-first search finds the number of links, then only the roles on a shortest
    path are weighed (skills to acquire are counted on those links alone): at 10,000 roles
    that is a few milliseconds, where weighing every link would cost a hundred.
    """
    for role_id in (a, b):
        if role_id not in catalog.roles:
            raise KeyError(role_id)
    if a == b:
        return []
    links = link_index(catalog)
    distance = {a: 0}
    level = [a]
    while level and b not in distance:
        following = []
        for role_id in level:
            for target, _kind in links.out[role_id]:
                if target not in distance:
                    distance[target] = distance[role_id] + 1
                    following.append(target)
        level = following
    if b not in distance:
        return []
    # The roles on some shortest path, layer by layer, walking back from b.
    steps = distance[b]
    layers: list[list[str]] = [[] for _ in range(steps + 1)]
    layers[steps] = [b]
    for k in range(steps, 0, -1):
        back = {p for r in layers[k] for p in links.into[r] if distance.get(p) == k - 1}
        layers[k - 1] = sorted(back, key=links.order.__getitem__)
    # Forward: the cheapest way (total to acquire, then catalogue order) to each layer's roles.
    best: dict[str, tuple[int, tuple[int, ...], list[PathStep]]] = {a: (0, (), [])}
    for k in range(1, steps + 1):
        on_layer = set(layers[k])
        for parent in layers[k - 1]:
            cost, rank, path = best[parent]
            for target, kind in links.out[parent]:
                if target not in on_layer:
                    continue
                acquire = _acquire(catalog, links, parent, target)
                candidate = (cost + len(acquire), (*rank, links.order[target]))
                if target not in best or candidate < best[target][:2]:
                    step = PathStep(parent, target, kind, acquire)
                    best[target] = (*candidate, [*path, step])
    return best[b][2]


def total_acquire(steps: Sequence[PathStep]) -> int:
    """How many skills a path asks to acquire, step by step added up."""
    return sum(len(step.acquire) for step in steps)


# How the command line and the screens name a link and a step, in French.
KIND_NAMES = {EVOLUTION: "évolution", PROCHE: "métier proche"}


def step_title(catalog: Catalog, from_role: str, to_role: str, kind: str) -> str:
    """`Webmarketeur → Responsable e-commerce (évolution)`."""
    source, target = catalog.roles[from_role].title, catalog.roles[to_role].title
    return f"{source} → {target} ({KIND_NAMES.get(kind, kind)})"


def acquire_phrase(count: int) -> str:
    """`rien à acquérir`, `1 compétence à acquérir`, `15 compétences à acquérir`."""
    if count == 0:
        return "rien à acquérir"
    return f"{counted(count, 'compétence')} à acquérir"
