"""A profile's skills against every role: the ranking by match, and the roles within reach.

Also the look-ups the profile's commands need: skills and roles named by id, label, title or
alias (accent- and case-insensitive), and the closest ids when a name is unknown.
"""

from __future__ import annotations

import difflib
import weakref
from collections.abc import Callable, Iterable, Mapping
from itertools import filterfalse, islice
from typing import Generic, NamedTuple, TypeVar

from explorer.model.catalog import Catalog, Role
from explorer.model.text import fold

T = TypeVar("T")


class PerCatalog(Generic[T]):
    """A value built once per catalogue object and forgotten with it.

    Kept beside the catalogue rather than in it (its __dict__ belongs to the catalogue's own
    cached properties): keyed by id(), checked against a weak reference, dropped when the
    catalogue is collected, so a reloaded content never meets an index of the old one.
    """

    def __init__(self, build: Callable[[Catalog], T]) -> None:
        self._build = build
        self._entries: dict[int, tuple[weakref.ref[Catalog], T]] = {}

    def __call__(self, catalog: Catalog) -> T:
        key = id(catalog)
        entry = self._entries.get(key)
        if entry is not None and entry[0]() is catalog:
            return entry[1]
        value = self._build(catalog)
        self._entries[key] = (weakref.ref(catalog), value)
        weakref.finalize(catalog, self._entries.pop, key, None)
        return value


class RoleMatch(NamedTuple):
    """One role against the profile.

    A named tuple, like SearchHit: a re-ranking of 10,000 roles may make thousands of
    them, and a tuple is made about three times faster than a dataclass.
    """

    role: Role
    have: tuple[str, ...]  # the role's skills the profile has, in the role's order
    missing: tuple[str, ...]  # the role's skills the profile lacks, in the role's order
    match: float  # len(have) / the role's skill count; 0.0 for a role without skills

    @property
    def percent(self) -> int:
        return round(self.match * 100)

    @property
    def size(self) -> int:
        return len(self.have) + len(self.missing)


def _distinct(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class SkillIndex:
    """Roles, their distinct skills and who uses each skill: built once per catalogue.

    Roles sharing no skill with the profile all score 0 and keep the same order (fewer
    skills missing first, then catalogue order), so their matches are made once here; a
    re-ranking only builds the matches of the roles that share a skill, found through the
    skill -> roles index.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.roles = tuple(catalog.roles.values())
        self.skills = [_distinct(role.skills) for role in self.roles]
        self.sizes = [len(skills) for skills in self.skills]
        self.users: dict[str, list[int]] = {}
        for index, skills in enumerate(self.skills):
            for skill in skills:
                self.users.setdefault(skill, []).append(index)
        order = sorted(range(len(self.roles)), key=lambda i: (self.sizes[i], i))
        self.zero = [
            (i, RoleMatch(role=self.roles[i], have=(), missing=self.skills[i], match=0.0))
            for i in order
        ]


skill_index = PerCatalog(SkillIndex)


def rank_roles(
    catalog: Catalog, profile_skills: Iterable[str], limit: int | None = None
) -> list[RoleMatch]:
    """Every role by match, highest first; ties: fewer skills missing, then catalogue order.

    `limit` keeps the first N (all when None). Skill ids unknown to the catalogue count for
    nothing.
    """
    data = skill_index(catalog)
    mine = set(profile_skills)
    shared = _shared_counts(data, mine)
    sizes = data.sizes
    order = sorted(shared, key=lambda i: (-shared[i] / sizes[i], sizes[i] - shared[i], i))
    want = len(data.roles) if limit is None else max(limit, 0)
    # Matches are built for the rows returned only: at 10,000 roles, building thousands
    # of them is most of the cost of a re-ranking.
    result = [_match(data, index, mine) for index in order[:want]]
    if len(result) < want:
        zero = (m for i, m in data.zero if i not in shared)
        result.extend(islice(zero, want - len(result)))
    return result


def _shared_counts(data: SkillIndex, mine: set[str]) -> dict[int, int]:
    """Role index -> how many of its skills the profile has, for roles sharing at least one."""
    shared: dict[int, int] = {}
    for skill in mine:
        for index in data.users.get(skill, ()):
            shared[index] = shared.get(index, 0) + 1
    return shared


def _match(data: SkillIndex, index: int, mine: set[str]) -> RoleMatch:
    skills = data.skills[index]
    have = tuple(filter(mine.__contains__, skills))  # filter() runs in C: twice as fast
    missing = tuple(filterfalse(mine.__contains__, skills))
    return RoleMatch(data.roles[index], have, missing, len(have) / len(skills))


def within_reach(matches: Iterable[RoleMatch], max_missing: int = 3) -> list[RoleMatch]:
    """The roles the profile could reach by learning 1 to `max_missing` skills.

    Roles already complete (nothing missing) are left out; so are roles the profile shares
    nothing with, however small. Fewest skills missing first, then in the given (rank) order.
    """
    near = [m for m in matches if m.have and 1 <= len(m.missing) <= max_missing]
    return sorted(near, key=lambda m: len(m.missing))  # sorted() is stable: rank order kept


def roles_within_reach(
    catalog: Catalog, profile_skills: Iterable[str], max_missing: int = 3
) -> list[RoleMatch]:
    """within_reach() of the whole ranking, without building the whole ranking.

    For a screen that shows only the first rows of rank_roles(..., limit=N) of a large
    catalogue: the roles within reach may sit below row N.
    """
    data = skill_index(catalog)
    mine = set(profile_skills)
    near = [
        index
        for index, count in _shared_counts(data, mine).items()
        if 1 <= data.sizes[index] - count <= max_missing
    ]
    return within_reach(_match(data, index, mine) for index in sorted(near))


def skills_from_roles(catalog: Catalog, role_ids: Iterable[str]) -> tuple[str, ...]:
    """The skills of these roles, each once, in order of first appearance ("J'ai exercé…").

    Raises KeyError for a role id the catalogue does not know (resolve names first with
    find_roles).
    """
    return _distinct(skill for role_id in role_ids for skill in catalog.roles[role_id].skills)


# --- names to ids -----------------------------------------------------------------------


def _short_label(label: str) -> str:
    """A label without its examples: 'Analyse d'audience (Google Analytics, Matomo)' -> 'Analyse d'audience'."""
    return label.split(" (", 1)[0]


def _skill_names(catalog: Catalog) -> dict[str, str]:
    """Folded id, label and short label -> skill id; an id wins over a label, a label over a short one."""
    names: dict[str, str] = {}
    for getter in (lambda s: s.id, lambda s: s.label, lambda s: _short_label(s.label)):
        for skill in catalog.skills.values():
            names.setdefault(fold(getter(skill)), skill.id)
    names.pop("", None)
    return names


def _role_names(catalog: Catalog) -> dict[str, str]:
    """Folded id, titles and aliases -> role id; ids first, then names in catalogue order."""
    names: dict[str, str] = {}
    for role in catalog.roles.values():
        names.setdefault(fold(role.id), role.id)
    for role in catalog.roles.values():
        for name in role.titles:
            names.setdefault(fold(name), role.id)
    names.pop("", None)
    return names


_skill_name_index = PerCatalog(_skill_names)
_role_name_index = PerCatalog(_role_names)


def _find(
    ids: Mapping[str, object], index: dict[str, str], names: Iterable[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    found: list[str] = []
    unknown: list[str] = []
    for name in names:
        hit = name if name in ids else index.get(fold(name))
        if hit is None:
            unknown.append(name)
        elif hit not in found:
            found.append(hit)
    return tuple(found), tuple(unknown)


def find_skills(catalog: Catalog, names: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(skill ids found, names not understood) for ids or labels, accents and case ignored.

    A label may be given without its examples in brackets. Ids come out once each, in the
    order given; unknown names as written.
    """
    return _find(catalog.skills, _skill_name_index(catalog), names)


def find_roles(catalog: Catalog, names: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(role ids found, names not understood) for ids, titles (both genders) or aliases."""
    return _find(catalog.roles, _role_name_index(catalog), names)


def _closest(index: dict[str, str], name: str, n: int) -> list[str]:
    hits = difflib.get_close_matches(fold(name), list(index), n=n * 3, cutoff=0.6)
    return list(_distinct(index[hit] for hit in hits))[:n]


def closest_skill_ids(catalog: Catalog, name: str, n: int = 3) -> list[str]:
    """Up to n skill ids whose id or label looks like `name`, closest first (for error messages)."""
    return _closest(_skill_name_index(catalog), name, n)


def closest_role_ids(catalog: Catalog, name: str, n: int = 3) -> list[str]:
    """Up to n role ids whose id, title or alias looks like `name`, closest first."""
    return _closest(_role_name_index(catalog), name, n)
