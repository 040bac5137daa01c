"""What two roles share, what each lacks, and which roles are nearest by skills."""

from __future__ import annotations

import heapq

from explorer.model.catalog import Catalog, Role
from explorer.model.record import record


@record(frozen=True)
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


def nearest(catalog: Catalog, role: Role | str, k: int = 3) -> list[Comparison]:
    """The k other roles with the largest skill overlap (ties: catalogue order); none at zero.

    Kept per role: the detail pane asks again each time a role comes back (a search's
    backspace, the cursor going up and down).
    """
    target = catalog.roles[role] if isinstance(role, str) else role
    memo: dict[tuple[str, int], list[Comparison]] = catalog.__dict__.setdefault(_MEMO, {})
    found = memo.get((target.id, k))
    if found is None:
        found = memo[(target.id, k)] = _nearest(catalog, target, k)
    return list(found)


_MEMO = "_nearest_memo"


def _nearest(catalog: Catalog, target: Role, k: int) -> list[Comparison]:
    mine = set(target.skills)
    found = _skill_users(catalog)
    if found is None:  # first call: a plain scan costs less than building the index
        scored = [
            (-len(mine.intersection(other.skills)) / len(mine.union(other.skills)), index)
            for index, other in enumerate(catalog.roles.values())
            if other.id != target.id and not mine.isdisjoint(other.skills)
        ]
        roles = tuple(catalog.roles.values())
    else:
        roles, sizes, users = found
        common: dict[int, int] = {}
        for skill in mine:
            for index in users.get(skill, ()):
                common[index] = common.get(index, 0) + 1
        scored = [
            (-shared / (len(mine) + sizes[index] - shared), index)
            for index, shared in common.items()
            if roles[index].id != target.id
        ]
    best = heapq.nsmallest(k, scored) if k >= 0 else sorted(scored)[:k]
    return [compare(catalog, target, roles[index]) for _, index in best]


_USERS = "_nearest_skill_users"


def prepare_nearest(catalog: Catalog) -> None:
    """Build now the index that nearest() otherwise builds on its second call.

    The app does it after its first frame, so that no key press pays for it.
    """
    if not catalog.__dict__.get(_USERS):
        catalog.__dict__[_USERS] = False  # "build on the next call"
        _skill_users(catalog)


def _skill_users(
    catalog: Catalog,
) -> tuple[tuple[Role, ...], list[int], dict[str, list[int]]] | None:
    """The roles in catalogue order, how many distinct skills each has, and who uses each skill.

    Built on the second call for a catalogue (the first one, often alone, scans) and kept in
    its __dict__, as functools.cached_property does: nearest() then only looks at the roles
    sharing a skill, a fraction of a millisecond among 10,000 roles.
    """
    found = catalog.__dict__.get(_USERS)
    if found is None:
        catalog.__dict__[_USERS] = False
        return None
    if found is False:
        roles = tuple(catalog.roles.values())
        users: dict[str, list[int]] = {}
        sizes = []
        for index, role in enumerate(roles):
            distinct = set(role.skills)
            sizes.append(len(distinct))
            for skill in distinct:
                users.setdefault(skill, []).append(index)
        found = catalog.__dict__[_USERS] = (roles, sizes, users)
    result: tuple[tuple[Role, ...], list[int], dict[str, list[int]]] = found
    return result


# TEMPORARY STUB (ui branch): the model helper's branch brings the real French headline;
# the lead keeps theirs on merge.
def comparison_headline(catalog: Catalog, comparison: Comparison) -> str:
    """`Compétences communes : 7 sur 18 (39 %)`."""
    return (
        f"Compétences communes : {len(comparison.shared)} sur {comparison.union_size} "
        f"({comparison.overlap_percent} %)"
    )
