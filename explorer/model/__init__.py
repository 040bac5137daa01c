"""The content model: plain data and functions, never any Textual import."""

from explorer.model.catalog import (
    EMPLOYER_TYPES,
    LEVELS,
    RELATED_KINDS,
    SKILL_CATEGORIES,
    Access,
    Catalog,
    Family,
    RelatedRole,
    Role,
    Skill,
    Term,
)
from explorer.model.compare import Comparison, compare, nearest
from explorer.model.loader import ContentIssue, LoadResult, load_catalog
from explorer.model.search import SearchHit, search

__all__ = [
    "EMPLOYER_TYPES",
    "LEVELS",
    "RELATED_KINDS",
    "SKILL_CATEGORIES",
    "Access",
    "Catalog",
    "Comparison",
    "ContentIssue",
    "Family",
    "LoadResult",
    "RelatedRole",
    "Role",
    "SearchHit",
    "Skill",
    "Term",
    "compare",
    "load_catalog",
    "nearest",
    "search",
]
