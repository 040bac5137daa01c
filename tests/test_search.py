"""Role search: accents, gender, acronyms, several words, ranking."""

from __future__ import annotations

import pytest

from explorer.model import Catalog, load_catalog, search
from explorer.model.text import fold, tokens
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


# --- issue 20: words match at their start, acronyms are the roles that carry them ------------


def bundled_ids(bundled: Catalog, query: str) -> list[str]:
    return [hit.role.id for hit in search(bundled, query)]


@pytest.mark.parametrize("query", ["SEA", "sea", "S.E.A."])
def test_sea_lists_the_sea_roles_not_researchers_nor_networks(bundled: Catalog, query: str) -> None:
    found = bundled_ids(bundled, query)
    assert found[0] == "referenceur-sea"
    # "UX researcher" and "réseaux" hold "sea" inside a word only.
    assert "ux-designer" not in found
    assert "community-manager" not in found


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("CM", "community-manager"),
        ("SEO", "referenceur-seo"),
        ("UX", "ux-designer"),
        ("CTO", "directeur-technique"),
        ("SAV", "responsable-service-client"),
    ],
)
def test_an_acronym_finds_the_roles_that_carry_it(bundled: Catalog, query: str, first: str) -> None:
    hits = search(bundled, query)
    assert hits[0].role.id == first
    for hit in hits:  # each one has the acronym as a word of its title, alias, skill, tool or term
        texts = [*hit.role.titles, *hit.role.tools]
        texts += [s.label for s in bundled.role_skills(hit.role)]
        texts += [n for t in bundled.role_terms(hit.role) for n in (t.term, *t.aliases)]
        assert any(fold(query) in tokens(text) for text in texts), hit.role.id


def test_cm_is_community_manager_only(bundled: Catalog) -> None:
    # "CMS" starts with "cm" but is another acronym.
    assert bundled_ids(bundled, "cm") == ["community-manager"]


def test_inside_a_word_only_when_no_word_starts_with_the_query(bundled: Catalog) -> None:
    # "dacteur" starts no word: it is found inside "rédacteur".
    assert bundled_ids(bundled, "dacteur")[0] == "redacteur-web"
    # "web" starts words: "webmaster" and "Rédacteur web" alike, but nothing found inside.
    for hit in search(bundled, "sea"):
        texts = [*hit.role.titles, *hit.role.tools, *hit.role.missions]
        texts += [s.label for s in bundled.role_skills(hit.role)]
        texts += [n for t in bundled.role_terms(hit.role) for n in (t.term, *t.aliases)]
        assert any(t.startswith("sea") for text in texts for t in tokens(text))


def test_a_word_inside_ranks_below_a_word_at_the_start(catalog: Catalog) -> None:
    # "web" starts a word of Rédacteur web's title; "dacteur" is only inside one.
    assert search(catalog, "web")[0].score > search(catalog, "dacteur")[0].score


@pytest.mark.parametrize(
    ("query", "role", "reason"),
    [
        ("CM", "community-manager", "alias « CM »"),
        ("traffic manager", "traffic-manager", None),
        ("wordpress", "redacteur-web", "outil « WordPress »"),
        ("SEA", "traffic-manager", "compétence « Référencement payant (SEA) »"),
        ("ux", "webdesigner", "terme « UX »"),
    ],
)
def test_the_reason_says_what_matched_when_not_the_title(
    bundled: Catalog, query: str, role: str, reason: str | None
) -> None:
    hit = next(hit for hit in search(bundled, query) if hit.role.id == role)
    assert hit.reason == reason


def test_a_mission_reason_is_short(catalog: Catalog, bundled: Catalog) -> None:
    hit = search(catalog, "enchérir")[0]
    assert hit.reason == "mission « Enchérir sur les mots-clés »"
    # "Régler les enchères et répartir le budget entre les campagnes", cut at a word.
    long = search(bundled, "régler")[0]
    assert long.reason == "mission « Régler les enchères et répartir le… »"


def test_search_never_raises_and_lists_a_role_once(bundled: Catalog) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @given(st.text(max_size=20))
    @settings(max_examples=200, deadline=None)
    def check(query: str) -> None:
        hits = search(bundled, query)
        assert len({hit.role.id for hit in hits}) == len(hits)

    check()


def test_a_reason_shows_control_characters_visibly() -> None:
    from explorer.model.search import reason

    shown = reason("aliases", "Chef\x1b]0;titre\x07 de\nprojet")
    assert shown is not None and "\x1b" not in shown and "\x07" not in shown
    assert shown.startswith("alias « Chef") and "\n" not in shown
