"""Team planning: exact minimum cover, greedy fallback, tie-breaks, presets."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from explorer.model import Catalog, team
from explorer.model.team import (
    TEAM_PRESETS,
    find_preset,
    generalist_coverage,
    plan_team,
    preset_skills,
)
from tests.test_matching import make_catalog

NEED = tuple(f"s{i}" for i in range(1, 13))


@pytest.fixture
def trap() -> Catalog:
    """Three roles cover the 12 skills exactly; two wide decoys lure greedy into four."""
    return make_catalog(
        {
            "decoy1": {"skills": ["s1", "s2", "s5", "s6", "s9", "s10"]},  # 6: greedy's first
            "decoy2": {"skills": ["s3", "s4", "s7"]},  # then 3 of what is left
            "third-a": {"skills": ["s1", "s2", "s3", "s4"]},
            "third-b": {"skills": ["s5", "s6", "s7", "s8"]},
            "third-c": {"skills": ["s9", "s10", "s11", "s12"]},
        }
    )


def test_exact_finds_three_where_greedy_takes_four(trap: Catalog) -> None:
    greedy = plan_team(trap, NEED, exact_role_limit=0)
    assert greedy.optimal is False
    assert greedy.roles == ("decoy1", "decoy2", "third-b", "third-c")
    exact = plan_team(trap, NEED)
    assert exact.optimal is True
    assert exact.roles == ("third-a", "third-b", "third-c")
    assert exact.uncovered == ()
    assert exact.covered["s1"] == ("third-a",) and exact.covered["s12"] == ("third-c",)
    assert list(exact.covered) == list(NEED)


def test_more_roles_than_allowed_gives_the_greedy_answer(trap: Catalog) -> None:
    plan = plan_team(trap, NEED, max_exact_roles=2)
    assert plan.optimal is False and len(plan.roles) == 4


def test_uncovered_skills_are_reported_and_the_rest_planned(trap: Catalog) -> None:
    plan = plan_team(trap, ["s1", "nobody-has-it", "s2", "s1"])
    assert plan.uncovered == ("nobody-has-it",)
    assert plan.roles == ("third-a",)  # covers s1, s2 with 2 extra; decoy1 has 4 extra
    assert plan.covered == {"s1": ("third-a",), "s2": ("third-a",)} and plan.optimal


def test_ties_fewest_extra_skills_then_catalogue_order() -> None:
    catalog = make_catalog(
        {
            "wide": {"skills": ["n1", "n2", "x1", "x2", "x3"]},
            "tight": {"skills": ["n1", "n2", "x1"]},
            "twin": {"skills": ["n2", "n1", "y1"]},  # same cover and extra as tight, later
        }
    )
    assert plan_team(catalog, ["n1", "n2"]).roles == ("tight",)
    assert plan_team(catalog, ["n1", "n2"], exact_role_limit=0).roles == ("tight",)


def test_a_dominated_role_is_not_needed_but_the_best_team_survives() -> None:
    catalog = make_catalog(
        {
            "part": {"skills": ["n1"]},
            "whole": {"skills": ["n1", "n2"]},
            "other": {"skills": ["n3"]},
        }
    )
    plan = plan_team(catalog, ["n1", "n2", "n3"])
    assert plan.roles == ("whole", "other") and plan.optimal


def test_empty_need() -> None:
    catalog = make_catalog({"a": {"skills": ["x"]}})
    plan = plan_team(catalog, [])
    assert plan.roles == () and plan.covered == {} and plan.uncovered == () and plan.optimal


def test_presets_name_only_known_skills(bundled: Catalog) -> None:
    assert set(TEAM_PRESETS) == {"boutique qui démarre", "PME", "grand site marchand"}
    for name in TEAM_PRESETS:
        found, unknown = preset_skills(bundled, name)
        assert unknown == (), f"{name}: unknown skill ids {unknown}"
        assert len(found) == len(TEAM_PRESETS[name])


def test_preset_names_fold_and_unknown_ids_are_dropped_and_reported() -> None:
    assert find_preset("Boutique qui demarre") == "boutique qui démarre"
    assert find_preset("pme") == "PME"
    assert find_preset("hypermarché") is None
    catalog = make_catalog({"a": {"skills": ["emailing", "gestion-cms"]}})
    found, unknown = preset_skills(catalog, "PME")
    assert found == ("gestion-cms", "emailing")  # the preset's order
    assert "plateformes-ecommerce" in unknown and "emailing" not in unknown
    with pytest.raises(KeyError):
        preset_skills(catalog, "hypermarché")


def test_bundled_presets_contrast_the_generalist_and_the_specialists(bundled: Catalog) -> None:
    small, _ = preset_skills(bundled, "boutique qui démarre")
    plan = plan_team(bundled, small)
    assert plan.optimal and plan.roles == ("e-commercant",)
    best = generalist_coverage(bundled, small)[0]
    assert best.role == "e-commercant" and best.share == 1.0 and best.missing == ()

    pme, _ = preset_skills(bundled, "PME")
    plan = plan_team(bundled, pme)
    assert plan.optimal and 1 < len(plan.roles) <= 6 and plan.uncovered == ()
    assert all(plan.covered[s] for s in pme)

    large, _ = preset_skills(bundled, "grand site marchand")
    shares = {g.role: g.share for g in generalist_coverage(bundled, large)}
    assert set(shares) == {"charge-ecommerce", "e-commercant"}
    assert max(shares.values()) < 0.25  # one person covers little of a large site's need
    assert len(plan_team(bundled, large).roles) > len(plan.roles)


def test_generalist_coverage_order_and_unknown_ids() -> None:
    catalog = make_catalog({"g1": {"skills": ["a"]}, "g2": {"skills": ["a", "b"]}})
    result = generalist_coverage(catalog, ["a", "b", "c", "d"], ("nobody", "g1", "g2"))
    assert [(g.role, g.share) for g in result] == [("g2", 0.5), ("g1", 0.25)]
    assert result[0].covered == ("a", "b") and result[0].missing == ("c", "d")
    assert generalist_coverage(catalog, [], ("g1",))[0].share == 0.0


def test_a_search_too_long_gives_the_greedy_answer(
    trap: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(team, "_WORK_BUDGET", 3)
    plan = plan_team(trap, NEED)
    assert plan.optimal is False
    assert plan.roles == plan_team(trap, NEED, exact_role_limit=0).roles


def brute_force(catalog: Catalog, need: list[str]) -> tuple[str, ...]:
    """The best team by trying every set of roles, smallest first (the rule plan_team states)."""
    roles = list(catalog.roles.values())
    wanted = {s for s in need if any(s in r.skills for r in roles)}
    for size in range(len(roles) + 1):
        teams = [
            team_
            for team_ in combinations(range(len(roles)), size)
            if wanted <= {s for i in team_ for s in roles[i].skills}
        ]
        if teams:
            extra = [sum(len(set(roles[i].skills) - set(need)) for i in t) for t in teams]
            best = min(zip(extra, teams, strict=True))[1]
            return tuple(roles[i].id for i in best)
    raise AssertionError("unreachable")


@pytest.mark.parametrize("seed", range(40))
def test_exact_answers_match_a_brute_force_search(seed: int) -> None:
    rng = random.Random(seed)
    pool = [f"k{i}" for i in range(9)]
    catalog = make_catalog(
        {f"r{i}": {"skills": rng.sample(pool, rng.randint(1, 5))} for i in range(9)}
    )
    need = rng.sample([*pool, "nobody"], rng.randint(1, 10))
    plan = plan_team(catalog, need, max_exact_roles=9)
    assert plan.optimal
    assert plan.roles == brute_force(catalog, need)
