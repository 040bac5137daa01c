"""What two roles share, what each lacks, and which roles are nearest by skills."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from explorer.model.catalog import Catalog, Role


@dataclass(frozen=True, slots=True)
class Comparison:
    a: Role
    b: Role
    shared: tuple[str, ...]  # skill ids, in A's order
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]

    @property
    def union_size(self) -> int:
        return len(self.shared) + len(self.only_a) + len(self.only_b)

    @property
    def overlap(self) -> float:
        """Shared skills over all skills of the two roles (Jaccard), between 0 and 1."""
        return len(self.shared) / self.union_size if self.union_size else 0.0

    @property
    def gap_a_to_b(self) -> tuple[str, ...]:
        """What someone in A must acquire to move to B."""
        return self.only_b

    @property
    def gap_b_to_a(self) -> tuple[str, ...]:
        return self.only_a

    @property
    def overlap_percent(self) -> int:
        return round(self.overlap * 100)


def compare(catalog: Catalog, a: Role | str, b: Role | str) -> Comparison:
    role_a = catalog.roles[a] if isinstance(a, str) else a
    role_b = catalog.roles[b] if isinstance(b, str) else b
    skills_b = set(role_b.skills)
    skills_a = set(role_a.skills)
    return Comparison(
        a=role_a,
        b=role_b,
        shared=tuple(s for s in role_a.skills if s in skills_b),
        only_a=tuple(s for s in role_a.skills if s not in skills_b),
        only_b=tuple(s for s in role_b.skills if s not in skills_a),
    )


def comparison_headline(catalog: Catalog, comparison: Comparison) -> str:
    """The comparison in one line, both gaps: `7 en commun · 11 à acquérir pour aller vers B · 5 vers A`.

    Numbers and fixed words only (the palette reads its help text as markup); skills the
    catalogue does not describe are not counted.
    """

    def count(skill_ids: tuple[str, ...]) -> int:
        return sum(1 for skill_id in skill_ids if skill_id in catalog.skills)

    return (
        f"{count(comparison.shared)} en commun · "
        f"{count(comparison.gap_a_to_b)} à acquérir pour aller vers B · "
        f"{count(comparison.gap_b_to_a)} vers A"
    )


def nearest(catalog: Catalog, role: Role | str, k: int = 3) -> list[Comparison]:
    """The k other roles with the largest skill overlap (ties: catalogue order); none at zero."""
    target = catalog.roles[role] if isinstance(role, str) else role
    mine = set(target.skills)
    found = catalog.skill_users
    roles, sizes = found.roles, found.sizes
    common: dict[int, int] = {}
    for skill in mine:
        for index in found.users.get(skill, ()):
            common[index] = common.get(index, 0) + 1
    scored = [
        (-shared / (len(mine) + sizes[index] - shared), index)
        for index, shared in common.items()
        if roles[index].id != target.id
    ]
    best = heapq.nsmallest(k, scored) if k >= 0 else sorted(scored)[:k]
    return [compare(catalog, target, roles[index]) for _, index in best]
