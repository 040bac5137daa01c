"""A role named as a person would name it: id, title of either gender, alias, sigle."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.model import Catalog, Role
from explorer.model.names import find_roles, role_names
from explorer.model.text import fold


def ids(roles: list[Role]) -> list[str]:
    return [role.id for role in roles]


def test_the_bundled_catalogue_by_every_kind_of_name(bundled: Catalog) -> None:
    assert ids(find_roles(bundled, "referenceur-seo")) == ["referenceur-seo"]
    assert ids(find_roles(bundled, "SEA")) == ["referenceur-sea"]
    assert ids(find_roles(bundled, "seo")) == ["referenceur-seo"]
    assert ids(find_roles(bundled, "Rédactrice web")) == ["redacteur-web"]
    assert ids(find_roles(bundled, "REDACTRICE   WEB")) == ["redacteur-web"]
    assert ids(find_roles(bundled, "s.e.a.")) == ["referenceur-sea"]
    assert ids(find_roles(bundled, "cto")) == ["directeur-technique"]
    assert ids(find_roles(bundled, "Cheffe de projet web")) == ["chef-de-projet-web"]
    assert ids(find_roles(bundled, "Traffic manager")) == ["traffic-manager"]


def test_a_sigle_written_in_several_roles_names_them_all(bundled: Catalog) -> None:
    # "Designer UX/UI" and "UI designer": the caller has to ask which one.
    assert ids(find_roles(bundled, "ui")) == ["ux-designer", "webdesigner"]


def test_a_word_that_is_no_sigle_names_nothing(bundled: Catalog) -> None:
    # "web" is in a dozen titles, but never written as a sigle: not a name of any role.
    assert find_roles(bundled, "web") == []
    assert find_roles(bundled, "") == find_roles(bundled, " -- ") == []
    assert find_roles(bundled, "plombier") == []


def test_a_title_that_equals_one_role_wins_over_sigles(bundled: Catalog) -> None:
    # "SEO" is an alias of the SEO role, and a sigle in the web writer's "Rédacteur SEO".
    assert ids(find_roles(bundled, "SEO")) == ["referenceur-seo"]


def reference(catalog: Catalog, name: str) -> list[str]:
    """The rules written plainly: every name folded, no shortcut."""
    if name in catalog.roles:
        return [name]
    wanted = fold(name)
    if not wanted:
        return []
    named = [
        role.id
        for role in catalog.roles.values()
        if any(fold(text) == wanted for text in (role.id, *role_names(role)))
    ]
    if named or " " in wanted:
        return named
    return [
        role.id
        for role in catalog.roles.values()
        if any(
            fold(sigle) == wanted
            for text in role_names(role)
            for sigle in re.findall(r"\b[A-Z][A-Z0-9]+\b", text)
        )
    ]


NAME_PARTS = st.sampled_from(
    ["SEO", "seo", "Référenceur", "REFERENCEUR", "référenceuse", "web", "Rédactrice", "UX",
     "ui", "-", ".", "S.E.A.", "ﬁ", "Œ", "K", "İ", "manager", "e", "é", " ", "CM", "cto"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(NAME_PARTS, min_size=1, max_size=4).map("".join))
def test_the_fast_path_finds_what_folding_every_name_finds(bundled: Catalog, name: str) -> None:
    assert ids(find_roles(bundled, name)) == reference(bundled, name)
