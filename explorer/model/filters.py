"""Role filters: family, access level, employer type and skills, and why a result came out empty."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Literal

from explorer.model.content import EMPLOYER_TYPES, LEVELS
from explorer.model.text import fold, sort_key

if TYPE_CHECKING:
    from explorer.model.catalog import Catalog, Role

Dimension = Literal["families", "levels", "employers", "skills"]
# The order filters are applied and described in, and their French names.
DIMENSIONS: tuple[Dimension, ...] = ("families", "levels", "employers", "skills")
DIMENSION_LABELS: Mapping[Dimension, str] = {
    "families": "Famille",
    "levels": "Niveau",
    "employers": "Employeur",
    "skills": "Compétence",
}


def _frozen(values: Iterable[str]) -> frozenset[str]:
    return values if isinstance(values, frozenset) else frozenset(values)


@dataclass(frozen=True, slots=True)
class RoleFilter:
    """Which roles to keep. Within a dimension any value will do, except skills: all are needed.

    Dimensions combine: a role must pass every non-empty one. An empty filter keeps everything.
    """

    families: frozenset[str] = field(default_factory=frozenset)
    levels: frozenset[str] = field(default_factory=frozenset)
    employers: frozenset[str] = field(default_factory=frozenset)
    skills: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        # Accept any iterable (a list from argparse, a tuple in a test) and keep a frozenset.
        for dimension in DIMENSIONS:
            object.__setattr__(self, dimension, _frozen(getattr(self, dimension)))

    @property
    def active(self) -> bool:
        return any(getattr(self, dimension) for dimension in DIMENSIONS)

    def values(self, dimension: Dimension) -> frozenset[str]:
        chosen: frozenset[str] = getattr(self, dimension)
        return chosen

    def with_values(self, dimension: Dimension, values: Iterable[str]) -> RoleFilter:
        """The same filter with one dimension's values replaced."""
        current = {f.name: getattr(self, f.name) for f in fields(self)}
        current[dimension] = _frozen(values)
        return RoleFilter(**current)

    def only(self, *dimensions: Dimension) -> RoleFilter:
        """The same filter keeping only the given dimensions."""
        return RoleFilter(**{d: getattr(self, d) for d in dimensions})

    def matches(self, role: Role) -> bool:
        return (
            (not self.families or role.family in self.families)
            and (not self.levels or not self.levels.isdisjoint(role.access.levels))
            and (not self.employers or not self.employers.isdisjoint(role.employers))
            and self.skills.issubset(role.skills)
        )

    def apply(self, roles: Iterable[Role]) -> list[Role]:
        """The roles this filter keeps, in their given order."""
        return [role for role in roles if self.matches(role)]

    def emptied_by(self, roles: Sequence[Role]) -> EmptyCause | None:
        """Why this filter keeps none of `roles` (None when it keeps some, or roles is empty)."""
        if not roles or not self.active or self.apply(roles):
            return None
        # A dimension that alone keeps nothing is the clearest answer.
        for dimension in DIMENSIONS:
            chosen = self.values(dimension)
            if chosen and not self.only(dimension).apply(roles):
                if dimension == "skills":
                    return _skills_cause(self, roles, alone=True)
                return EmptyCause(dimension, _ordered(dimension, chosen), alone=True)
        # Otherwise the first dimension that, added to those before it, leaves nothing.
        applied: list[Dimension] = []
        for dimension in DIMENSIONS:
            if not self.values(dimension):
                continue
            applied.append(dimension)
            if not self.only(*applied).apply(roles):
                return EmptyCause(dimension, _ordered(dimension, self.values(dimension)), False)
        return None  # unreachable: the whole filter keeps nothing


@dataclass(frozen=True, slots=True)
class EmptyCause:
    """The filter that emptied a result: its dimension, the values chosen in it, and whether
    it empties the result on its own or only together with the filters before it."""

    dimension: Dimension
    values: tuple[str, ...]
    alone: bool


def _skills_cause(role_filter: RoleFilter, roles: Sequence[Role], *, alone: bool) -> EmptyCause:
    """Name the one skill nobody has, or else all the skills no role has together."""
    chosen = sorted(role_filter.skills)
    for skill in chosen:
        if not any(skill in role.skills for role in roles):
            return EmptyCause("skills", (skill,), alone)
    return EmptyCause("skills", tuple(chosen), alone)


def _ordered(dimension: Dimension, values: frozenset[str]) -> tuple[str, ...]:
    """Values in the order the catalogue shows them (levels from the lowest up)."""
    if dimension == "levels":
        return tuple(sorted(values, key=lambda v: (LEVELS.index(v) if v in LEVELS else 99, v)))
    if dimension == "employers":
        order = list(EMPLOYER_TYPES)
        return tuple(sorted(values, key=lambda v: (order.index(v) if v in order else 99, v)))
    return tuple(sorted(values))


def value_label(catalog: Catalog, dimension: Dimension, value: str) -> str:
    """What the user reads for one filter value: a family title, an employer label, a skill."""
    if dimension == "families":
        family = catalog.family(value)
        return family.title if family else value
    if dimension == "employers":
        return EMPLOYER_TYPES.get(value, value)
    if dimension == "skills":
        skill = catalog.skills.get(value)
        return skill.label if skill else value
    return value


def filter_labels(catalog: Catalog, role_filter: RoleFilter) -> list[tuple[Dimension, str, str]]:
    """Every active value as (dimension, value, 'Famille : Acquisition'), in display order."""
    labels: list[tuple[Dimension, str, str]] = []
    for dimension in DIMENSIONS:
        values = role_filter.values(dimension)
        if dimension == "families":
            ordered = tuple(f.id for f in catalog.families if f.id in values)
            ordered += tuple(sorted(values - set(ordered)))
        elif dimension == "skills":
            ordered = tuple(
                sorted(values, key=lambda v: sort_key(value_label(catalog, "skills", v)))
            )
        else:
            ordered = _ordered(dimension, values)
        for value in ordered:
            text = f"{DIMENSION_LABELS[dimension]} : {value_label(catalog, dimension, value)}"
            labels.append((dimension, value, text))
    return labels


def describe_empty(catalog: Catalog, cause: EmptyCause, query: str = "") -> str:
    """One French sentence saying which filter left no role, e.g. for the explorer's tree."""
    who = f"Aucun des métiers trouvés pour « {query} »" if query else "Aucun métier"
    labels = [value_label(catalog, cause.dimension, v) for v in cause.values]
    if cause.dimension == "skills" and cause.alone and len(labels) > 1:
        together = ", ".join(f"« {label} »" for label in labels)
        return f"{who} n'a toutes ces compétences à la fois : {together}."
    # Any one family, level or employer will do; every skill is needed.
    joiner = " et " if cause.dimension == "skills" else " ou "
    name = f"{DIMENSION_LABELS[cause.dimension]} : {joiner.join(labels)}"
    if cause.alone:
        return f"{who} ne correspond au filtre « {name} »."
    return f"{who} ne correspond au filtre « {name} » en plus des autres filtres."


def known_values(catalog: Catalog, dimension: Dimension) -> dict[str, str]:
    """Every value a filter accepts, in display order, with its label.

    Levels and employer types are the fixed lists: one absent from the content is still a
    valid choice that simply keeps no role.
    """
    if dimension == "families":
        return {f.id: f.title for f in catalog.families}
    if dimension == "levels":
        return {level: level for level in LEVELS}
    if dimension == "employers":
        return dict(EMPLOYER_TYPES)
    ordered = sorted(catalog.skills.values(), key=lambda s: sort_key(s.label))
    return {s.id: s.label for s in ordered}


def resolve_value(catalog: Catalog, dimension: Dimension, wanted: str) -> str | None:
    """The value meant by `wanted`: its id, or its id or label ignoring case and accents."""
    known = known_values(catalog, dimension)
    if wanted in known:
        return wanted
    folded = fold(wanted)
    for value, label in known.items():
        if folded in (fold(value), fold(label)):
            return value
    return None
