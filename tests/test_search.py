"""Role search: accents, gender, acronyms, several words, ranking."""

from __future__ import annotations

import pytest

from explorer.model import Catalog, load_catalog, search
from explorer.model.text import fold
from tests.content_factory import ContentFactory


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    return load_catalog(content.write()).catalog


def ids(catalog: Catalog, query: str) -> list[str]:
    return [hit.role.id for hit in search(catalog, query)]


def test_fold_removes_accents_case_and_acronym_dots() -> None:
    assert fold("Référenceur S.E.A.") == "referenceur sea"
    assert fold("Chargé d'e-mailing") == "charge d e mailing"
    assert fold("ŒUVRE") == "oeuvre"


@pytest.mark.parametrize("query", ["referenceur", "RÉFÉRENCEUR", "Référenceur"])
def test_accent_and_case_insensitive(catalog: Catalog, query: str) -> None:
    assert set(ids(catalog, query)) == {"referenceur-seo", "referenceur-sea"}


def test_feminine_title_matches(catalog: Catalog) -> None:
    assert ids(catalog, "rédactrice")[0] == "redacteur-web"
    assert ids(catalog, "referenceuse seo")[0] == "referenceur-seo"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("SEA", "referenceur-sea"), ("s.e.a.", "referenceur-sea"), ("sem", "referenceur-sea")],
)
def test_acronyms_and_aliases(catalog: Catalog, query: str, expected: str) -> None:
    assert ids(catalog, query)[0] == expected


def test_several_words_narrow(catalog: Catalog) -> None:
    assert ids(catalog, "référenceur consultant seo") == ["referenceur-seo"]
    assert ids(catalog, "référenceur introuvable") == []


def test_skill_and_tool_and_mission_matches(catalog: Catalog) -> None:
    assert ids(catalog, "wordpress") == ["redacteur-web"]
    assert ids(catalog, "budget") == ["referenceur-sea"]
    hit = search(catalog, "enchérir")[0]
    assert (hit.role.id, hit.matched) == ("referenceur-sea", ("missions",))


def test_title_before_skill_before_mission(catalog: Catalog) -> None:
    # "rédaction" is a skill of the SEO role and a title word of nobody; "rédacteur" is a title.
    hits = search(catalog, "rédac")
    assert hits[0].role.id == "redacteur-web"
    assert "title" in hits[0].matched
    assert all(h.score <= hits[0].score for h in hits)


def test_prefix_beats_substring(catalog: Catalog) -> None:
    # "web" starts a word of Rédacteur web's title; "eur" is only inside words.
    web = search(catalog, "web")[0]
    inside = search(catalog, "dacteur")[0]
    assert web.role.id == inside.role.id == "redacteur-web"
    assert web.score > inside.score


def test_exact_alias_ranks_first(catalog: Catalog) -> None:
    assert ids(catalog, "Référenceur SEM")[0] == "referenceur-sea"


def test_empty_query_finds_nothing(catalog: Catalog) -> None:
    assert search(catalog, "  ") == []
    assert search(catalog, "[]") == []


def test_limit(catalog: Catalog) -> None:
    assert len(search(catalog, "référenceur", limit=1)) == 1
