"""The bundled catalogue: clean, complete, and every name of a role finds it first."""

from __future__ import annotations

from collections import Counter

import pytest

from explorer.locations import bundled_content
from explorer.model import Catalog, load_catalog, search

FAMILIES = [
    "pilotage",
    "conception",
    "acquisition",
    "marketing",
    "contenus",
    "communaute",
    "relation-client",
]
ROLES = {
    "pilotage": {
        "responsable-ecommerce",
        "e-commercant",
        "charge-ecommerce",
        "chef-de-projet-web",
        "directeur-technique",
    },
    "conception": {"webdesigner", "ux-designer", "integrateur-web", "developpeur-web", "webmaster"},
    "acquisition": {
        "referenceur-seo",
        "referenceur-sea",
        "traffic-manager",
        "analyste-trafic",
        "responsable-affiliation",
    },
    "marketing": {
        "webmarketeur",
        "e-merchandiser",
        "charge-emailing",
        "responsable-offres-produits",
    },
    "contenus": {"responsable-editorial", "redacteur-web", "webmaster-editorial"},
    "communaute": {"community-manager"},
    "relation-client": {"responsable-service-client", "responsable-logistique"},
}
# Names people type, and the role each must find first.
NAMES = {
    "CM": "community-manager",
    "SEO": "referenceur-seo",
    "SEA": "referenceur-sea",
    "SEM": "referenceur-sea",
    "CTO": "directeur-technique",
    "traffic manager": "traffic-manager",
    "trafic manager": "traffic-manager",
    "responsable trafic": "traffic-manager",
    "web analyste": "analyste-trafic",
    "e-merchandiseur": "e-merchandiser",
    "webmarketer": "webmarketeur",
    "responsable marketing internet": "webmarketeur",
    "webmestre": "webmaster",
    "rédactrice web": "redacteur-web",
    "referenceuse seo": "referenceur-seo",
}
VERIFIED_ROME = {
    "community-manager": "E1101",
    "responsable-ecommerce": "E1113",
    "webdesigner": "E1210",
    "ux-designer": "E1206",
    "traffic-manager": "E1407",
    "webmarketeur": "M1718",
    "developpeur-web": "M1855",
    "chef-de-projet-web": "M1886",
    "responsable-logistique": "N1301",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    result = load_catalog(bundled_content())
    assert [str(i) for i in result.issues] == []
    return result.catalog


def test_families_in_order_each_with_its_roles(catalog: Catalog) -> None:
    assert [f.id for f in catalog.families] == FAMILIES
    for family, roles in ROLES.items():
        assert {r.id for r in catalog.roles_of(family)} == roles


def test_every_role_meets_the_minimums(catalog: Catalog) -> None:
    for role in catalog.roles.values():
        sentences = role.summary.count(". ") + 1
        assert 2 <= sentences <= 5, role.id
        assert len(role.missions) >= 5, role.id
        assert len(role.skills) >= 8, role.id
        assert len({s.category for s in catalog.role_skills(role)}) >= 3, role.id
        assert len(role.related) >= 2, role.id
        assert role.terms and role.sources and role.access.levels and role.employers, role.id


def test_vocabulary_sizes_and_use(catalog: Catalog) -> None:
    assert len(catalog.skills) >= 60
    assert len(catalog.terms) >= 30
    used = Counter(s for r in catalog.roles.values() for s in r.skills)
    assert set(used) == set(catalog.skills)
    assert used["analyse-audience"] >= 4
    terms_used = {t for r in catalog.roles.values() for t in r.terms}
    for term in catalog.terms.values():
        assert term.id in terms_used or term.general, term.id


def test_rome_codes_are_only_the_verified_ones(catalog: Catalog) -> None:
    codes = {r.id: r.rome for r in catalog.roles.values() if r.rome}
    for role_id, code in VERIFIED_ROME.items():
        assert codes[role_id] == code
    assert set(codes.values()) <= {*VERIFIED_ROME.values(), "E1405", "M1716"}


def test_every_title_and_alias_finds_its_role_first(catalog: Catalog) -> None:
    for role in catalog.roles.values():
        for name in role.titles:
            assert search(catalog, name)[0].role.id == role.id, name


@pytest.mark.parametrize(("query", "role_id"), sorted(NAMES.items()))
def test_common_names_find_their_role_first(catalog: Catalog, query: str, role_id: str) -> None:
    assert search(catalog, query)[0].role.id == role_id
