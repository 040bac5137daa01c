"""Team planning: the fewest roles that together cover the skills a shop needs.

This is minimum set cover. Up to a few hundred useful roles and an answer of at most six,
a branch and bound search finds the exact minimum; beyond, a greedy answer is given and
marked as not proven optimal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from explorer.model.catalog import Catalog
from explorer.model.matching import skill_index
from explorer.model.text import fold

# Named starting points, from the source articles' contrast between the one generalist of a
# small shop and the team of specialists of a large site. Plain skill ids of content/skills.toml:
# when the content renames one, fix it here; until then preset_skills() reports it as unknown.
TEAM_PRESETS: Mapping[str, tuple[str, ...]] = {
    "boutique qui démarre": (
        "plateformes-ecommerce",
        "photo-produit",
        "politique-prix",
        "referencement-naturel",
        "social-media-marketing",
        "emailing",
        "relation-client",
        "logistique-transport",
        "gestion-stocks",
        "gestion-administrative",
    ),
    "PME": (
        "plateformes-ecommerce",
        "gestion-cms",
        "gestion-catalogue",
        "e-merchandising",
        "referencement-naturel",
        "referencement-payant",
        "emailing",
        "social-media-marketing",
        "analyse-audience",
        "suivi-kpi",
        "relation-client",
        "logistique-transport",
        "gestion-projet",
        "strategie-digitale",
    ),
    "grand site marchand": (
        "strategie-digitale",
        "omnicanal",
        "management-equipe",
        "architecture-technique",
        "securite-web",
        "frameworks-web",
        "ergonomie-ux",
        "maquettage",
        "seo-technique",
        "referencement-payant",
        "achat-media",
        "affiliation-partenariats",
        "outils-automation",
        "animation-communaute",
        "strategie-contenu",
        "e-merchandising",
        "marketplaces",
        "tests-ab",
        "plan-de-marquage",
        "outils-crm",
        "logiciels-stock",
        "droit-numerique",
    ),
}

GENERALISTS = ("charge-ecommerce", "e-commercant")

# Branch and bound gives up (greedy answer, optimal=False) after looking at this many roles
# in all: 30 to 40 ms. Enough for a few hundred roles and teams of up to 6 in practice; a
# need that many roles cover in many ways can exhaust it.
_WORK_BUDGET = 150_000


@dataclass(frozen=True)
class TeamPlan:
    roles: tuple[str, ...]  # role ids, in catalogue order
    covered: dict[str, tuple[str, ...]]  # needed skill -> the plan's roles that have it
    uncovered: tuple[str, ...]  # needed skills no role of the catalogue has
    optimal: bool  # True: no smaller set of roles covers the need


@dataclass(frozen=True)
class GeneralistCoverage:
    role: str
    covered: tuple[str, ...]  # needed skills the role has, in the need's order
    missing: tuple[str, ...]
    share: float  # len(covered) / len(need); 0.0 for an empty need


# A role as the search sees it: (bit set of the needed skills it has, how many skills it has
# outside the need, its index in catalogue order).
Candidate = tuple[int, int, int]


def find_preset(name: str) -> str | None:
    """The preset's exact name for `name` typed with any accents or case, or None."""
    wanted = fold(name)
    return next((key for key in TEAM_PRESETS if fold(key) == wanted), None)


def preset_skills(catalog: Catalog, name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the preset's skill ids the catalogue knows, those it does not) — the latter to report.

    Raises KeyError for a preset name find_preset() does not recognise.
    """
    key = find_preset(name)
    if key is None:
        raise KeyError(name)
    ids = TEAM_PRESETS[key]
    return (
        tuple(s for s in ids if s in catalog.skills),
        tuple(s for s in ids if s not in catalog.skills),
    )


def plan_team(
    catalog: Catalog,
    needed_skills: Iterable[str],
    *,
    max_exact_roles: int = 6,
    exact_role_limit: int = 400,
) -> TeamPlan:
    """The fewest roles covering the needed skills that some role has.

    Exact (optimal=True) when the useful roles — those covering a needed skill, after
    merging roles that cover the same needed skills and dropping roles another covers
    better — number at most `exact_role_limit` and the answer needs at most
    `max_exact_roles`; otherwise greedy (optimal=False). Among teams of the same size the
    one with the fewest skills outside the need wins, then the one whose roles come first
    in catalogue order: the answer is always the same for the same input.
    """
    data = skill_index(catalog)
    need = tuple(dict.fromkeys(needed_skills))
    coverable = tuple(s for s in need if s in data.users)
    uncovered = tuple(s for s in need if s not in data.users)
    masks: dict[int, int] = {}
    for bit, skill in enumerate(coverable):
        for index in data.users[skill]:
            masks[index] = masks.get(index, 0) | (1 << bit)
    # One candidate per distinct set of needed skills: the most focused, then the first.
    best_of_mask: dict[int, Candidate] = {}
    for index, mask in masks.items():
        candidate = (mask, data.sizes[index] - mask.bit_count(), index)
        if mask not in best_of_mask or candidate[1:] < best_of_mask[mask][1:]:
            best_of_mask[mask] = candidate
    candidates = sorted(best_of_mask.values(), key=lambda c: (-c[0].bit_count(), c[1], c[2]))
    full = (1 << len(coverable)) - 1
    chosen: list[Candidate] | None = None
    optimal = False
    if len(candidates) <= exact_role_limit:
        useful = _undominated(candidates)
        chosen = _exact_cover(useful, full, max_exact_roles)
        optimal = chosen is not None
    if chosen is None:
        chosen = _greedy_cover(candidates, full)
    indexes = sorted(c[2] for c in chosen)
    roles = tuple(data.roles[i].id for i in indexes)
    covered = {
        skill: tuple(data.roles[i].id for i in indexes if masks[i] >> bit & 1)
        for bit, skill in enumerate(coverable)
    }
    return TeamPlan(roles=roles, covered=covered, uncovered=uncovered, optimal=optimal)


def _undominated(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a role when another covers all its needed skills with no more extra (then earlier).

    Swapping it for the other never makes a team bigger, less focused, or later in catalogue
    order, so the best team survives. Candidates come largest cover first.
    """
    kept: list[Candidate] = []
    for candidate in candidates:
        mask = candidate[0]
        if not any(mask & other[0] == mask and other[1:] < candidate[1:] for other in kept):
            kept.append(candidate)
    return kept


def _greedy_cover(candidates: list[Candidate], full: int) -> list[Candidate]:
    """Repeatedly the role covering most of what is left; ties: fewer extra, then catalogue order."""
    chosen: list[Candidate] = []
    covered = 0
    while covered != full:
        best = max(candidates, key=lambda c: ((c[0] & ~covered).bit_count(), -c[1], -c[2]))
        chosen.append(best)
        covered |= best[0]
    return chosen


def _exact_cover(candidates: list[Candidate], full: int, max_roles: int) -> list[Candidate] | None:
    """The best team of the smallest size up to max_roles, or None (none, or search too long).

    Iterative deepening on the team size. At each node, branch over the roles covering the
    uncovered skill fewest roles have (one of them is in any cover); a role tried in one
    branch is left out of the next ones, so each team is met once. Bound: the widest role
    could not cover what is left with the roles left.
    """
    if full == 0:
        return []
    bits = [b for b in range(full.bit_length()) if full >> b & 1]
    by_bit = {b: [(n, c) for n, c in enumerate(candidates) if c[0] >> b & 1] for b in bits}
    widest = max(c[0].bit_count() for c in candidates)
    work = 0  # roles looked at, all branches together
    best: tuple[int, tuple[int, ...]] | None = None
    best_team: list[Candidate] = []

    def search(covered: int, team: list[Candidate], extra: int, left: int, banned: int) -> bool:
        """Explore the teams adding at most `left` roles; False when the budget ran out."""
        nonlocal work, best, best_team
        missing = full & ~covered
        rarest = min((b for b in bits if missing >> b & 1), key=lambda b: len(by_bit[b]))
        work += len(by_bit[rarest])
        if work > _WORK_BUDGET:
            return False
        for number, candidate in by_bit[rarest]:
            if banned >> number & 1:
                continue
            banned |= 1 << number  # explored below: not again in a sibling branch
            cost = extra + candidate[1]
            if best is not None and cost > best[0]:
                continue
            now = covered | candidate[0]
            team.append(candidate)
            if now == full:
                key = (cost, tuple(sorted(c[2] for c in team)))
                if best is None or key < best:
                    best, best_team = key, list(team)
            elif (
                left > 1
                and (full & ~now).bit_count() <= (left - 1) * widest
                and not search(now, team, cost, left - 1, banned)
            ):
                return False
            team.pop()
        return True

    for size in range(-(-full.bit_count() // widest), max_roles + 1):
        if not search(0, [], 0, size, 0):
            return None
        if best is not None:
            return best_team
    return None


def generalist_coverage(
    catalog: Catalog, needed: Iterable[str], generalist_ids: Iterable[str] = GENERALISTS
) -> list[GeneralistCoverage]:
    """How much of the need one generalist covers, for each generalist the catalogue has.

    Best share first (ties: the given order); ids unknown to the catalogue are skipped.
    """
    need = tuple(dict.fromkeys(needed))
    found = []
    for role_id in generalist_ids:
        role = catalog.roles.get(role_id)
        if role is None:
            continue
        skills = set(role.skills)
        covered = tuple(s for s in need if s in skills)
        missing = tuple(s for s in need if s not in skills)
        share = len(covered) / len(need) if need else 0.0
        found.append(GeneralistCoverage(role_id, covered, missing, share))
    return sorted(found, key=lambda g: -g.share)
