"""The bundled catalogue: clean, complete, every word explained, every name of a role finds it first."""

from __future__ import annotations

import itertools
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from explorer.locations import bundled_content
from explorer.model import Catalog, load_catalog, search
from explorer.model.text import fold

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
        "assistant-ecommerce",
        "chef-de-projet-web",
        "product-owner",
        "directeur-technique",
    },
    "conception": {"webdesigner", "ux-designer", "integrateur-web", "developpeur-web", "webmaster"},
    "acquisition": {
        "referenceur-seo",
        "referenceur-sea",
        "traffic-manager",
        "analyste-trafic",
        "data-analyst-ecommerce",
        "growth-marketer",
        "responsable-affiliation",
    },
    "marketing": {
        "webmarketeur",
        "responsable-webmarketing",
        "e-merchandiser",
        "charge-emailing",
        "responsable-crm",
        "responsable-offres-produits",
        "acheteur-ecommerce",
        "responsable-marketplace",
    },
    "contenus": {
        "responsable-editorial",
        "redacteur-web",
        "webmaster-editorial",
        "photographe-packshot",
    },
    "communaute": {"community-manager"},
    "relation-client": {
        "responsable-service-client",
        "conseiller-client-ecommerce",
        "responsable-logistique",
        "preparateur-commandes",
    },
}
# Roles described by the five source articles; the others are written from the trade's usage.
FROM_ARTICLES = {
    "responsable-ecommerce",
    "e-commercant",
    "charge-ecommerce",
    "chef-de-projet-web",
    "directeur-technique",
    "webdesigner",
    "ux-designer",
    "integrateur-web",
    "developpeur-web",
    "webmaster",
    "referenceur-seo",
    "referenceur-sea",
    "traffic-manager",
    "analyste-trafic",
    "responsable-affiliation",
    "webmarketeur",
    "e-merchandiser",
    "charge-emailing",
    "responsable-offres-produits",
    "responsable-editorial",
    "redacteur-web",
    "webmaster-editorial",
    "community-manager",
    "responsable-service-client",
    "responsable-logistique",
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
    "préparatrice de commandes": "preparateur-commandes",
    "conseillère client": "conseiller-client-ecommerce",
    "category manager": "acheteur-ecommerce",
    "product owner": "product-owner",
    "responsable crm": "responsable-crm",
    "packshot": "photographe-packshot",
}
# Every job title the five source articles name, as they spell it, and the role it is.
ARTICLE_TITLES = {
    "webdesigner": "webdesigner",
    "web designer": "webdesigner",
    "intégrateur web": "integrateur-web",
    "intégrateur": "integrateur-web",
    "chef de projet": "chef-de-projet-web",
    "développeur web": "developpeur-web",
    "développeur": "developpeur-web",
    "webmaster": "webmaster",
    "webmestre": "webmaster",
    "webmasteur": "webmaster",
    "webmestre-intégrateur": "webmaster",
    "webmestre-développeur": "webmaster",
    "webmestre éditorial": "webmaster-editorial",
    "webmaster éditorial": "webmaster-editorial",
    "référenceur SEO": "referenceur-seo",
    "responsable SEO": "referenceur-seo",
    "référenceur SEM": "referenceur-sea",
    "analyste de trafic": "analyste-trafic",
    "web analyste": "analyste-trafic",
    "responsable marketing Internet": "webmarketeur",
    "webmarketer": "webmarketeur",
    "e-merchandiseur": "e-merchandiser",
    "e-merchandiser": "e-merchandiser",
    "chargé emailing": "charge-emailing",
    "responsable affiliation": "responsable-affiliation",
    "trafic manager": "traffic-manager",
    "traffic manager": "traffic-manager",
    "responsable trafic": "traffic-manager",
    "responsable éditorial": "responsable-editorial",
    "rédacteur web": "redacteur-web",
    "community manager": "community-manager",
    "animateur de communautés web": "community-manager",
    "coach technique open-source & e-commerce": "directeur-technique",
    "e-commerçant": "e-commercant",
    "directeur e-commerce": "responsable-ecommerce",
    "responsable e-commerce": "responsable-ecommerce",
    "directeur e-business": "responsable-ecommerce",
    "responsable e-business": "responsable-ecommerce",
    "responsable de site e-commerce": "responsable-ecommerce",
    "gestionnaire e-commerce": "responsable-ecommerce",
    "responsable offres produits": "responsable-offres-produits",
    "responsable service clients": "responsable-service-client",
    "responsable logistique": "responsable-logistique",
    "ux designer": "ux-designer",
    "directeur technique": "directeur-technique",
}
# The feminine title of every role whose French name has one (the others are épicène or English).
FEMININE = {
    "charge-ecommerce": "Chargée de e-commerce",
    "assistant-ecommerce": "Assistante e-commerce",
    "chef-de-projet-web": "Cheffe de projet web",
    "directeur-technique": "Directrice technique",
    "e-commercant": "E-commerçante",
    "webdesigner": "Webdesigneuse",
    "integrateur-web": "Intégratrice web",
    "developpeur-web": "Développeuse web",
    "referenceur-seo": "Référenceuse SEO",
    "referenceur-sea": "Référenceuse SEA",
    "webmarketeur": "Webmarketeuse",
    "e-merchandiser": "E-merchandiseuse",
    "charge-emailing": "Chargée d’emailing",
    "acheteur-ecommerce": "Acheteuse e-commerce",
    "responsable-editorial": "Responsable éditoriale",
    "redacteur-web": "Rédactrice web",
    "webmaster-editorial": "Webmaster éditoriale",
    "conseiller-client-ecommerce": "Conseillère client e-commerce",
    "preparateur-commandes": "Préparatrice de commandes e-commerce",
}
# A masculine first word in an alias calls for the same alias in the feminine.
FEMININE_WORDS = {
    "chargé": "chargée",
    "chef": "cheffe",
    "développeur": "développeuse",
    "intégrateur": "intégratrice",
    "animateur": "animatrice",
    "acheteur": "acheteuse",
    "conseiller": "conseillère",
    "préparateur": "préparatrice",
    "rédacteur": "rédactrice",
    "consultant": "consultante",
    "directeur": "directrice",
    "concepteur": "conceptrice",
    "programmeur": "programmeuse",
    "administrateur": "administratrice",
    "référenceur": "référenceuse",
    "logisticien": "logisticienne",
    "téléconseiller": "téléconseillère",
    "retoucheur": "retoucheuse",
    "gérant": "gérante",
    "commerçant": "commerçante",
    "créateur": "créatrice",
    "webmestre-intégrateur": "webmestre-intégratrice",
    "webmestre-développeur": "webmestre-développeuse",
}
STATUSES = {"salarie", "independant", "micro-entrepreneur"}
# Skills that say little about a job: two roles sharing only these are not alike.
GENERIC_RELATION = {"travail-equipe", "communication-orale"}
ROLE_TEXTS = ("summary", "missions", "context", "conditions")

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


@pytest.fixture(scope="module")
def raw_roles() -> dict[str, dict[str, Any]]:
    """The role files as written, for the fields the loader may not read yet."""
    roles_dir = Path(bundled_content()) / "roles"
    return {p.stem: tomllib.loads(p.read_text("utf-8")) for p in sorted(roles_dir.glob("*.toml"))}


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
        assert role.terms and role.access.levels and role.employers, role.id
        # A role not drawn from the articles says so with an empty list.
        assert bool(role.sources) == (role.id in FROM_ARTICLES), role.id
        assert not role.rome or role.id in FROM_ARTICLES, role.id


def test_vocabulary_sizes_and_use(catalog: Catalog) -> None:
    assert len(catalog.roles) >= 33
    assert len(catalog.skills) >= 60
    assert len(catalog.terms) >= 90
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


@pytest.mark.parametrize(("title", "role_id"), sorted(ARTICLE_TITLES.items()))
def test_every_title_the_articles_name_finds_its_role_first(
    catalog: Catalog, title: str, role_id: str
) -> None:
    assert search(catalog, title)[0].role.id == role_id


def test_every_glossary_word_in_a_role_text_is_linked(
    catalog: Catalog, raw_roles: dict[str, dict[str, Any]]
) -> None:
    names = {t.id: [t.term, *t.aliases] for t in catalog.terms.values()}
    unlinked = []
    for role in catalog.roles.values():
        raw = raw_roles[role.id]
        texts = [raw.get(k, "") for k in ROLE_TEXTS]
        hay = f" {fold(' '.join(t if isinstance(t, str) else ' '.join(t) for t in texts))} "
        for term_id, words in names.items():
            used = [w for w in words if f" {fold(w)} " in hay]
            if used and term_id not in role.terms:
                unlinked.append(f"{role.id}: « {used[0]} » ({term_id})")
    assert unlinked == []


def test_feminine_titles_and_aliases_in_both_forms(catalog: Catalog) -> None:
    for role_id, feminine in FEMININE.items():
        assert catalog.roles[role_id].title_feminine == feminine
    missing = []
    for role in catalog.roles.values():
        names = {n.casefold() for n in role.titles}
        for alias in role.aliases:
            first, _, rest = alias.partition(" ")
            other = FEMININE_WORDS.get(first.casefold())
            if other and f"{other} {rest.casefold()}".strip() not in names:
                missing.append(f"{role.id}: {alias}")
    assert missing == []


def test_proche_links_go_both_ways(catalog: Catalog) -> None:
    links = {(r.id, rel.role): rel.kind for r in catalog.roles.values() for rel in r.related}
    one_way = [
        f"{a} → {b}"
        for (a, b), k in links.items()
        if k == "proche" and links.get((b, a)) != "proche"
    ]
    assert one_way == []


def test_every_role_says_how_where_and_under_which_status(
    raw_roles: dict[str, dict[str, Any]],
) -> None:
    assert len(raw_roles) >= 33
    for role_id, raw in raw_roles.items():
        assert isinstance(raw.get("conditions"), str) and len(raw["conditions"]) >= 60, role_id
        assert len(raw.get("sectors", [])) >= 3, role_id
        assert raw.get("status") and set(raw["status"]) <= STATUSES, role_id
    sectors = {s for raw in raw_roles.values() for s in raw["sectors"]}
    # The sectors the articles name are all there.
    for named in ("bricolage", "Textile", "Alimentaire", "Voyage", "Enchères"):
        assert any(named in s for s in sectors), named


def test_same_family_roles_share_mostly_specific_skills(catalog: Catalog) -> None:
    generic = {s.id for s in catalog.skills.values() if s.category == "savoir-etre"}
    generic |= GENERIC_RELATION
    weak = []
    for family in FAMILIES:
        for a, b in itertools.combinations(catalog.roles_of(family), 2):
            shared = set(a.skills) & set(b.skills)
            specific = shared - generic
            if len(specific) * 2 < len(shared):
                weak.append(f"{a.id} / {b.id}: {sorted(shared)}")
    assert weak == []


def test_skills_split_merged_and_given_where_the_articles_put_them(catalog: Catalog) -> None:
    for gone in ("php-sql", "outils-seo", "integration-email", "plateformes-publicitaires"):
        assert gone not in catalog.skills
    analyst = catalog.roles["analyste-trafic"].skills
    assert "sql" in analyst and "programmation-back-end" not in analyst
    for role_id in ("referenceur-seo", "referenceur-sea"):
        assert "recherche-mots-cles" in catalog.roles[role_id].skills
    manager = set(catalog.roles["responsable-ecommerce"].skills)
    assert {
        "social-media-marketing",
        "outils-automation",
        "politique-prix",
        "gestion-catalogue",
        "gestion-stocks",
        "ergonomie-ux",
    } <= manager
    for new in ("api-integrations", "veille", "data-ia"):
        assert new in catalog.skills


def test_sources_name_every_article_the_roles_cite(catalog: Catalog) -> None:
    data = tomllib.loads((Path(bundled_content()) / "sources.toml").read_text("utf-8"))
    sources = {s["id"]: s for s in data["source"]}
    assert len(sources) == len(data["source"]) == 5
    cited = {s for r in catalog.roles.values() for s in r.sources}
    assert cited == set(sources)
    for source in sources.values():
        # publisher and date only where the article shows them: never guessed, never empty
        assert {"id", "title"} <= set(source) <= {"id", "title", "publisher", "date"}
        assert all(str(value).strip() for value in source.values()), source["id"]
