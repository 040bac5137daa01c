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

_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_ACRONYM_DOTS = re.compile(r"(?<=\w)\.(?=\w)|(?<=\w)\.$|(?<=\w)\.(?=\s)")

# A sigle as written in a title: two or more capitals or digits, starting with a capital.
_SIGLE = re.compile(r"\b[A-Z][A-Z0-9]+\b")


def role_names(role: Role) -> tuple[str, ...]:
    """Every name a role goes by: its titles, then its aliases."""
    titles = (role.title, role.title_feminine) if role.title_feminine else (role.title,)
    return (*titles, *role.aliases)


def _fold(text: str) -> str:
    """`fold`, several times faster on plain ASCII (most ids, many titles): a catalogue of
    10,000 roles has about 70,000 names to compare."""
    if not text.isascii():
        return fold(text)
    return _NON_WORD.sub(" ", _ACRONYM_DOTS.sub("", text.lower())).strip()


def find_roles(catalog: Catalog, name: str) -> list[Role]:
    """The roles `name` designates, in catalogue order; empty when none does."""
    role = catalog.roles.get(name)
    if role is not None:
        return [role]
    wanted = fold(name)
    if not wanted:
        return []
    # Folding keeps every ASCII letter and digit of a name: a name holding one that `wanted`
    # lacks cannot fold to it, and is passed over without folding (most names, at C speed).
    absent = _ALNUM - set(wanted)

    def same(text: str) -> bool:
        return absent.isdisjoint(text.lower()) and _fold(text) == wanted

    named = [
        role
        for role in catalog.roles.values()
        if same(role.id) or any(same(text) for text in role_names(role))
    ]
    if named or " " in wanted:
        return named
    sigle = wanted.upper()  # written so in the name, or it is not the sigle asked for
    return [
        role
        for role in catalog.roles.values()
        if any(sigle in text and sigle in _SIGLE.findall(text) for text in role_names(role))
    ]
