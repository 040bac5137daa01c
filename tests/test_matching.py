"""Profile matching: ranking, ties, roles within reach, and names to ids."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Sequence
from typing import Any

import pytest

from explorer.model import Catalog, RelatedRole, Role, Skill
from explorer.model.matching import (
    closest_role_ids,
    closest_skill_ids,
    find_roles,
    find_skills,
    rank_roles,
    roles_within_reach,
    skills_from_roles,
    within_reach,
)


def make_catalog(roles: dict[str, dict[str, Any]], labels: dict[str, str] | None = None) -> Catalog:
    """A catalogue in the given role order; every skill id mentioned exists.

    A role is {"skills": [...], "related": [(role, kind), ...], "title": ...}.
    """
    labels = labels or {}
    skill_ids = dict.fromkeys(
        [*labels, *(s for spec in roles.values() for s in spec.get("skills", ()))]
    )
    return Catalog(
        roles={
            role_id: Role(
                id=role_id,
                title=spec.get("title", role_id.capitalize()),
                family="f",
                summary="",
                skills=tuple(spec.get("skills", ())),
                related=tuple(RelatedRole(r, k) for r, k in spec.get("related", ())),
            )
            for role_id, spec in roles.items()
        },
        skills={s: Skill(s, labels.get(s, s.upper()), "technique") for s in skill_ids},
    )


@pytest.fixture
def ranked() -> Catalog:
    # Catalogue order matters: r4 comes before r3, which ties with it.
    return make_catalog(
        {
            "r2": {"skills": ["s1", "s2", "s9", "s8"]},  # 2/4, 2 missing
            "r4": {"skills": ["s6", "s3"]},  # 1/2, 1 missing
            "r3": {"skills": ["s1", "s7"]},  # 1/2, 1 missing
            "r1": {"skills": ["s3", "s2", "s1"]},  # 3/3
            "r7": {"skills": ["s5", "s6", "s8"]},  # 0/3
            "r5": {"skills": ["s5"]},  # 0/1
            "r6": {"skills": []},  # no skills at all
        }
    )


PROFILE = ("s1", "s2", "s3", "unknown-skill")


def ids(matches: Sequence[Any]) -> list[str]:
    return [m.role.id for m in matches]


def test_ranking_by_match_then_fewer_missing_then_catalogue_order(ranked: Catalog) -> None:
    result = rank_roles(ranked, PROFILE)
    assert ids(result) == ["r1", "r4", "r3", "r2", "r6", "r5", "r7"]
    assert [m.match for m in result] == [1.0, 0.5, 0.5, 0.5, 0.0, 0.0, 0.0]
    assert [m.percent for m in result[:4]] == [100, 50, 50, 50]


def test_have_and_missing_follow_the_role_order(ranked: Catalog) -> None:
    by_id = {m.role.id: m for m in rank_roles(ranked, PROFILE)}
    assert by_id["r2"].have == ("s1", "s2") and by_id["r2"].missing == ("s9", "s8")
    assert by_id["r4"].have == ("s3",) and by_id["r4"].missing == ("s6",)
    assert by_id["r1"].have == ("s3", "s2", "s1") and by_id["r1"].missing == ()
    assert by_id["r7"].have == () and by_id["r7"].missing == ("s5", "s6", "s8")
    assert by_id["r6"].match == 0.0 and by_id["r6"].size == 0


def test_limit_keeps_the_first_rows(ranked: Catalog) -> None:
    assert ids(rank_roles(ranked, PROFILE, limit=2)) == ["r1", "r4"]
    assert ids(rank_roles(ranked, PROFILE, limit=5)) == ["r1", "r4", "r3", "r2", "r6"]
    assert rank_roles(ranked, PROFILE, limit=0) == []


def test_empty_profile_ranks_everything_at_zero(ranked: Catalog) -> None:
    result = rank_roles(ranked, [])
    assert {m.match for m in result} == {0.0}
    assert ids(result) == ["r6", "r5", "r4", "r3", "r1", "r7", "r2"]  # fewer missing first


def test_a_duplicated_skill_counts_once() -> None:
    catalog = make_catalog({"a": {"skills": ["x", "x", "y"]}})
    (match,) = rank_roles(catalog, ["x"])
    assert match.have == ("x",) and match.missing == ("y",) and match.match == 0.5


def test_within_reach_leaves_out_complete_and_unrelated_roles(ranked: Catalog) -> None:
    result = rank_roles(ranked, PROFILE)
    assert ids(within_reach(result, max_missing=1)) == ["r4", "r3"]
    # r2 lacks 2; r5 lacks only 1 but shares nothing with the profile.
    assert ids(within_reach(result)) == ["r4", "r3", "r2"]
    assert ids(roles_within_reach(ranked, PROFILE)) == ["r4", "r3", "r2"]
    assert ids(roles_within_reach(ranked, PROFILE, max_missing=1)) == ["r4", "r3"]


def test_within_reach_puts_fewest_missing_first() -> None:
    catalog = make_catalog(
        {"big": {"skills": ["a", "b", "c", "d", "e", "f", "g"]}, "small": {"skills": ["a", "z"]}}
    )
    result = rank_roles(catalog, ["a", "b", "c", "d", "e"])
    assert ids(result) == ["big", "small"]  # 5/7 before 1/2
    assert ids(within_reach(result)) == ["small", "big"]  # 1 missing before 2


def test_each_catalogue_gets_its_own_index() -> None:
    first = make_catalog({"a": {"skills": ["x"]}, "b": {"skills": ["y"]}})
    second = make_catalog({"a": {"skills": ["y"]}, "b": {"skills": ["x"]}})
    before = set(vars(first))
    assert ids(rank_roles(first, ["x"]))[0] == "a"
    assert ids(rank_roles(second, ["x"]))[0] == "b"
    assert set(vars(first)) == before  # kept beside the catalogue, not in it


def test_skills_from_roles_in_order_of_first_appearance(ranked: Catalog) -> None:
    assert skills_from_roles(ranked, ["r3", "r1"]) == ("s1", "s7", "s3", "s2")
    with pytest.raises(KeyError):
        skills_from_roles(ranked, ["nobody"])


def test_bundled_role_skills_rank_that_role_first(bundled: Catalog) -> None:
    skills = skills_from_roles(bundled, ["referenceur-seo"])
    best = rank_roles(bundled, skills)[0]
    assert best.role.id == "referenceur-seo" and best.match == 1.0 and best.missing == ()


def test_find_skills_by_id_label_or_short_label_any_accent_or_case(bundled: Catalog) -> None:
    found, unknown = find_skills(
        bundled,
        [
            "seo-technique",
            "RÉFÉRENCEMENT NATUREL (seo)",
            "analyse d'audience",  # label without its examples in brackets
            "negociation",
            "Négociation",  # the same skill again: once
            "cuisine",
        ],
    )
    assert found == ("seo-technique", "referencement-naturel", "analyse-audience", "negociation")
    assert unknown == ("cuisine",)


def test_closest_skill_ids_for_a_typo(bundled: Catalog) -> None:
    assert closest_skill_ids(bundled, "negotiation")[0] == "negociation"
    assert closest_skill_ids(bundled, "html css")[0] == "html-css"
    assert closest_skill_ids(bundled, "zzzzzz") == []


def test_find_roles_by_id_title_feminine_or_alias(bundled: Catalog) -> None:
    found, unknown = find_roles(
        bundled, ["webmaster", "Rédactrice web", "consultante seo", "CTO", "astronaute"]
    )
    assert found == ("webmaster", "redacteur-web", "referenceur-seo", "directeur-technique")
    assert unknown == ("astronaute",)
    assert closest_role_ids(bundled, "redacteur-wb")[0] == "redacteur-web"


def test_indexes_go_with_their_catalogue() -> None:
    from explorer.model.paths import shortest_path
    from explorer.model.team import plan_team

    catalog = make_catalog({"a": {"skills": ["x"], "related": [("b", "proche")]}, "b": {}})
    rank_roles(catalog, ["x"])
    find_skills(catalog, ["x"])
    find_roles(catalog, ["a"])
    shortest_path(catalog, "a", "b")
    plan_team(catalog, ["x"])
    gone = weakref.ref(catalog)
    del catalog
    gc.collect()
    assert gone() is None
