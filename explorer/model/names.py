"""A role named as a person would name it: its id, a title (either gender), an alias, a sigle.

`find_roles(catalog, "seo")` is the command line's way to read `explorer show SEO`,
`explorer compare seo sea` or `explorer show "Rédactrice web"`: accents, case and
punctuation do not matter (`fold`), and the first of these that finds anything wins:

1. the role id, exactly as written;
2. a name equal to the role's id, title, feminine title or one of its aliases, once folded;
3. a sigle: a word written in capitals in a title or an alias ("SEA" in "Référenceur SEA").

The answer may hold several roles ("UI" is in "Designer UX/UI" and in "UI designer"): the
caller asks which one was meant.
"""

from __future__ import annotations

import re

from explorer.model.catalog import Catalog, Role
from explorer.model.text import fold

# A sigle as written in a title: two or more capitals or digits, starting with a capital.
_SIGLE = re.compile(r"\b[A-Z][A-Z0-9]+\b")


def role_names(role: Role) -> tuple[str, ...]:
    """Every name a role goes by: its titles, then its aliases."""
    titles = (role.title, role.title_feminine) if role.title_feminine else (role.title,)
    return (*titles, *role.aliases)


def find_roles(catalog: Catalog, name: str) -> list[Role]:
    """The roles `name` designates, in catalogue order; empty when none does."""
    role = catalog.roles.get(name)
    if role is not None:
        return [role]
    wanted = fold(name)
    if not wanted:
        return []
    named = [
        role
        for role in catalog.roles.values()
        if fold(role.id) == wanted or any(fold(text) == wanted for text in role_names(role))
    ]
    if named or " " in wanted:
        return named
    return [
        role
        for role in catalog.roles.values()
        if any(fold(sigle) == wanted for text in role_names(role) for sigle in _SIGLE.findall(text))
    ]
