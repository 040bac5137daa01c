"""Typed, frozen values for everything the content describes. Built only by the loader."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.model.record import field, fields, record

if TYPE_CHECKING:
    from explorer.model.search import SearchIndex

# Skill categories, in display order, with their French labels.
SKILL_CATEGORIES: Mapping[str, str] = {
    "technique": "Technique",
    "marketing": "Marketing et vente",
    "gestion": "Gestion et pilotage",
    "relation": "Relation et communication",
    "savoir-etre": "Savoir-être",
}

# Employer types a role may list, in display order.
EMPLOYER_TYPES: Mapping[str, str] = {
    "agence": "Agence web ou de communication",
    "annonceur": "Annonceur / e-commerçant",
    "pure-player": "Pure player",
    "brick-and-click": "Enseigne brick and click",
    "regie": "Régie publicitaire",
    "freelance": "Indépendant / freelance",
    "vente-a-distance": "Vente à distance",
}

# Education levels, from the lowest up; filters offer those present in the content.
LEVELS: tuple[str, ...] = ("Sans diplôme", "Bac", "Bac+2", "Bac+3", "Bac+4", "Bac+5")

RELATED_KINDS: Mapping[str, str] = {
    "evolution": "Évolution possible",
    "proche": "Métier proche",
}


@record(frozen=True)
class Family:
    id: str
    title: str
    summary: str


@record(frozen=True)
class Skill:
    id: str
    label: str
    category: str

    @property
    def category_label(self) -> str:
        return SKILL_CATEGORIES.get(self.category, self.category)


@record(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    general: bool = False


@record(frozen=True)
class RelatedRole:
    role: str
    kind: str

    @property
    def kind_label(self) -> str:
        return RELATED_KINDS.get(self.kind, self.kind)


@record(frozen=True)
class Access:
    levels: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()


@record(frozen=True)
class Role:
    id: str
    title: str
    family: str
    summary: str
    title_feminine: str | None = None
    aliases: tuple[str, ...] = ()
    missions: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    access: Access = field(default_factory=Access)
    employers: tuple[str, ...] = ()
    context: str = ""
    related: tuple[RelatedRole, ...] = ()
    terms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    rome: str | None = None

    if not TYPE_CHECKING:  # hidden from mypy, which would otherwise accept any attribute

        def __getattr__(self, name: str) -> Any:
            # Only for a field not yet in __dict__: a role read from the content cache comes
            # with the fields the tree shows, the others on first use (model/cache_codec.py).
            chunk = self.__dict__.get("_lazy")
            if chunk is None or name.startswith("__"):
                raise AttributeError(name)
            chunk.fill(self)
            return object.__getattribute__(self, name)

    @property
    def display_title(self) -> str:
        """Both genders where French has two: 'Rédacteur web / Rédactrice web'."""
        if self.title_feminine and self.title_feminine != self.title:
            return f"{self.title} / {self.title_feminine}"
        return self.title

    @property
    def titles(self) -> tuple[str, ...]:
        """Every name the role goes by: titles first, then aliases."""
        names = [self.title]
        if self.title_feminine:
            names.append(self.title_feminine)
        return (*names, *self.aliases)


# A field's default lives in the record's __init__ as well: without the class attribute, a
# field missing from a role's __dict__ reaches __getattr__ instead of reading the default.
for _field in fields(Role):
    if _field.name in vars(Role):
        delattr(Role, _field.name)
del _field


@record(frozen=True)
class Catalog:
    """The whole loaded content. Roles are kept in family order, then by title."""

    families: tuple[Family, ...] = ()
    roles: Mapping[str, Role] = field(default_factory=dict)
    skills: Mapping[str, Skill] = field(default_factory=dict)
    terms: Mapping[str, Term] = field(default_factory=dict)
    root: Path | None = None

    def family(self, family_id: str) -> Family | None:
        for family in self.families:
            if family.id == family_id:
                return family
        return None

    def roles_of(self, family_id: str) -> tuple[Role, ...]:
        return self._roles_by_family.get(family_id, ())

    def role_skills(self, role: Role) -> tuple[Skill, ...]:
        return tuple(self.skills[s] for s in role.skills if s in self.skills)

    def role_terms(self, role: Role) -> tuple[Term, ...]:
        return tuple(self.terms[t] for t in role.terms if t in self.terms)

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

    @cached_property
    def _roles_by_family(self) -> dict[str, tuple[Role, ...]]:
        grouped: dict[str, list[Role]] = {}
        for role in self.roles.values():
            grouped.setdefault(role.family, []).append(role)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def search_index(self) -> SearchIndex:
        """Built once, on first search, with every searchable text pre-folded."""
        from explorer.model.search import SearchIndex

        return SearchIndex(self)
