"""The frozen values a content folder describes: families, skills, terms, sources and roles.

Apart from `Catalog` (catalog.py), which holds them and the indexes derived from them: the
index modules (glossary, search) import these values without importing the catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

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

# Employment statuses a role allows, in display order.
STATUS_LABELS: Mapping[str, str] = {
    "salarie": "Salarié",
    "independant": "Indépendant / freelance",
    "micro-entrepreneur": "Micro-entrepreneur",
}

# Education levels, from the lowest up; filters offer those present in the content.
LEVELS: tuple[str, ...] = ("Sans diplôme", "Bac", "Bac+2", "Bac+3", "Bac+4", "Bac+5")

RELATED_KINDS: Mapping[str, str] = {
    "evolution": "Évolution possible",
    "proche": "Métier proche",
}


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    title: str
    summary: str


@dataclass(frozen=True, slots=True)
class Skill:
    id: str
    label: str
    category: str

    @property
    def category_label(self) -> str:
        return SKILL_CATEGORIES.get(self.category, self.category)


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    general: bool = False


@dataclass(frozen=True, slots=True)
class Source:
    """A published text a role draws on (content/sources.toml)."""

    id: str
    title: str
    publisher: str = ""  # "" when the article names none
    date: str = ""  # as written: "2023-05", or a TOML date as "2023-05-12"; "" when undated


# Roles and what they hold are the bulk of a catalogue: no slots, so that the content cache
# reads each back by filling its __dict__ in C, not through a Python __setstate__ (10,000
# roles from the cache: 1,150 M instructions without slots, 1,440 M with them).
@dataclass(frozen=True)
class RelatedRole:
    role: str
    kind: str

    @property
    def kind_label(self) -> str:
        return RELATED_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Access:
    levels: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
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
    conditions: str = ""  # how the work is lived: hours, seasonal peaks, remote work
    sectors: tuple[str, ...] = ()  # where the job is found
    status: tuple[str, ...] = ()  # keys of STATUS_LABELS

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

    @property
    def status_labels(self) -> tuple[str, ...]:
        return tuple(STATUS_LABELS.get(s, s) for s in self.status)
