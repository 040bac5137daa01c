"""The loaded catalogue and the indexes derived from it. Built only by the loader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path

from explorer.model.content import (
    EMPLOYER_TYPES,
    LEVELS,
    RELATED_KINDS,
    SKILL_CATEGORIES,
    STATUS_LABELS,
    Access,
    Family,
    RelatedRole,
    Role,
    Skill,
    Source,
    Term,
)
from explorer.model.glossary import GlossaryIndex
from explorer.model.search import SearchIndex

__all__ = [
    "EMPLOYER_TYPES",
    "LEVELS",
    "RELATED_KINDS",
    "SKILL_CATEGORIES",
    "STATUS_LABELS",
    "Access",
    "Catalog",
    "Family",
    "RelatedRole",
    "Role",
    "Skill",
    "SkillUsers",
    "Source",
    "Term",
]


@dataclass(frozen=True, slots=True)
class SkillUsers:
    """Who uses each skill, for `compare.nearest`: it then only looks at roles sharing one."""

    roles: tuple[Role, ...]  # in catalogue order
    sizes: tuple[int, ...]  # distinct skills of each role
    users: Mapping[str, tuple[int, ...]]  # skill id -> indexes in `roles`


@dataclass(frozen=True)
class Catalog:
    """The whole loaded content. Roles are kept in family order, then by title.

    Indexes derived from it are cached properties, built on first use; they are left out
    when the catalogue is pickled (the content cache), as they can always be built again.
    """

    families: tuple[Family, ...] = ()
    roles: Mapping[str, Role] = field(default_factory=dict)
    skills: Mapping[str, Skill] = field(default_factory=dict)
    terms: Mapping[str, Term] = field(default_factory=dict)
    root: Path | None = None
    sources: Mapping[str, Source] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def family(self, family_id: str) -> Family | None:
        for family in self.families:
            if family.id == family_id:
                return family
        return None

    def roles_of(self, family_id: str) -> tuple[Role, ...]:
        return self.roles_by_family.get(family_id, ())

    def role_skills(self, role: Role) -> tuple[Skill, ...]:
        return tuple(self.skills[s] for s in role.skills if s in self.skills)

    def role_terms(self, role: Role) -> tuple[Term, ...]:
        return tuple(self.terms[t] for t in role.terms if t in self.terms)

    def role_sources(self, role: Role) -> tuple[Source, ...]:
        """The role's sources described in sources.toml (ids it does not describe left out)."""
        return tuple(self.sources[s] for s in role.sources if s in self.sources)

    def roles_using_term(self, term_id: str) -> tuple[Role, ...]:
        return tuple(r for r in self.roles.values() if term_id in r.terms)

    def skills_by_category(self, skill_ids: tuple[str, ...]) -> list[tuple[str, list[Skill]]]:
        """Group skill ids by category, categories in display order, unknown ids dropped."""
        groups: dict[str, list[Skill]] = {c: [] for c in SKILL_CATEGORIES}
        for skill_id in skill_ids:
            skill = self.skills.get(skill_id)
            if skill is not None:
                groups.setdefault(skill.category, []).append(skill)
        return [(cat, skills) for cat, skills in groups.items() if skills]

    def levels_present(self) -> tuple[str, ...]:
        present = {level for role in self.roles.values() for level in role.access.levels}
        return tuple(level for level in LEVELS if level in present)

    def employers_present(self) -> tuple[str, ...]:
        present = {e for role in self.roles.values() for e in role.employers}
        return tuple(e for e in EMPLOYER_TYPES if e in present)

    # --- derived indexes ---------------------------------------------------------------------

    @cached_property
    def roles_by_family(self) -> Mapping[str, tuple[Role, ...]]:
        grouped: dict[str, list[Role]] = {}
        for role in self.roles.values():
            grouped.setdefault(role.family, []).append(role)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def skill_users(self) -> SkillUsers:
        roles = tuple(self.roles.values())
        users: dict[str, list[int]] = {}
        sizes = []
        for index, role in enumerate(roles):
            distinct = set(role.skills)
            sizes.append(len(distinct))
            for skill in distinct:
                users.setdefault(skill, []).append(index)
        return SkillUsers(roles, tuple(sizes), {k: tuple(v) for k, v in users.items()})

    @cached_property
    def glossary_index(self) -> GlossaryIndex:
        return GlossaryIndex(self.terms.values())

    @cached_property
    def search_index(self) -> SearchIndex:
        """Built on first search, with every searchable text pre-folded."""
        return SearchIndex(self)
