"""The content model: plain data and functions, never any Textual import."""

from explorer.model.catalog import (
    EMPLOYER_TYPES,
    LEVELS,
    RELATED_KINDS,
    SKILL_CATEGORIES,
    STATUS_LABELS,
    Access,
    Catalog,
    Family,
    RelatedRole,
    Role,
    Skill,
    Source,
    Term,
)
from explorer.model.compare import Comparison, compare, comparison_headline, nearest
from explorer.model.loader import ContentIssue, LoadResult, load_catalog
from explorer.model.search import SearchHit, search

__all__ = [
    "EMPLOYER_TYPES",
    "LEVELS",
    "RELATED_KINDS",
    "SKILL_CATEGORIES",
    "STATUS_LABELS",
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
    "Source",
    "Term",
    "compare",
    "comparison_headline",
    "load_catalog",
    "nearest",
    "search",
]
