"""Career and team commands: `explorer path A B`, `explorer team --skills …`."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from rich.table import Table
from rich.text import Text

from explorer.cli.common import CliError, find_role, load_content, print_json, text_console, warn
from explorer.model import Catalog, compare
from explorer.model.matching import closest_skill_ids, find_skills
from explorer.model.paths import (
    PathStep,
    acquire_phrase,
    shortest_path,
    step_title,
    total_acquire,
)
from explorer.model.team import (
    TEAM_PRESETS,
    TeamPlan,
    find_preset,
    generalist_line,
    plan_team,
    preset_skills,
)
from explorer.model.text import counted, fold

COVERED_MARK = "●"


def _labels(catalog: Catalog, skill_ids: Iterable[str]) -> str:
    return ", ".join(catalog.skills[s].label if s in catalog.skills else s for s in skill_ids)


# --- explorer path A B -------------------------------------------------------------------------


def path_payload(a: str, b: str, steps: list[PathStep]) -> dict[str, Any]:
    return {
        "a": a,
        "b": b,
        "steps": [
            {"from": s.from_role, "to": s.to_role, "kind": s.kind, "acquire": list(s.acquire)}
            for s in steps
        ],
        "total_acquire": total_acquire(steps),
    }


def run_path(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    a, b = find_role(catalog, args.a), find_role(catalog, args.b)
    if a.id == b.id:
        raise CliError("le départ et l'arrivée sont le même métier : choisissez deux métiers")
    steps = shortest_path(catalog, a.id, b.id)
    if args.json:
        print_json(path_payload(a.id, b.id, steps))
        return 0
    console = text_console()
    if not steps:
        console.print(Text(f"Aucun chemin de {a.title} à {b.title} par les métiers liés."))
        gap = compare(catalog, a, b).gap_a_to_b
        listed = f" : {_labels(catalog, gap)}" if gap else ""
        console.print(Text(f"Écart direct : {acquire_phrase(len(gap))}{listed}"))
        return 0
    head = f"De {a.title} à {b.title} : {counted(len(steps), 'étape')}, "
    console.print(Text(head + acquire_phrase(total_acquire(steps)), style="bold"))
    for number, step in enumerate(steps, 1):
        console.print(
            Text(f"{number}. {step_title(catalog, step.from_role, step.to_role, step.kind)}")
        )
        listed = f" : {_labels(catalog, step.acquire)}" if step.acquire else ""
        console.print(Text(f"   {acquire_phrase(len(step.acquire))}{listed}", style="dim"))
    return 0


# --- explorer team --skills … [--preset NAME] ---------------------------------------------------


def split_skills(text: str) -> list[str]:
    """`a,b , Label (x, y)` -> ['a', 'b', 'Label (x, y)']: a comma inside brackets stays."""
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char == "," and depth == 0:
            names.append("".join(current))
            current = []
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        current.append(char)
    names.append("".join(current))
    return [name.strip() for name in names if name.strip()]


def needed_skills(catalog: Catalog, args: argparse.Namespace) -> tuple[str, ...]:
    """The preset's skills, then those of --skills, each once; unknown names end the command."""
    need: list[str] = []
    if args.preset is not None:
        preset = find_preset(args.preset)
        if preset is None:
            known = ", ".join(f"« {name} »" for name in TEAM_PRESETS)
            raise CliError(f"point de départ inconnu « {args.preset} » ; possibles : {known}")
        found, unknown = preset_skills(catalog, preset)
        if unknown:
            warn(f"« {preset} » : compétences absentes de ce catalogue : {', '.join(unknown)}")
        need.extend(found)
    names = [name for text in args.skills for name in split_skills(text)]
    found, unknown = find_skills(catalog, names)
    if unknown:
        raise CliError(" ; ".join(_unknown_skill(catalog, name) for name in unknown))
    need.extend(found)
    if not need:
        raise CliError(
            "indiquez les compétences voulues (--skills) ou un point de départ (--preset)"
        )
    return tuple(dict.fromkeys(need))


def _unknown_skill(catalog: Catalog, name: str) -> str:
    """`compétence inconnue « seo » (vouliez-vous dire : seo-technique, … ?)`"""
    close = closest_skill_ids(catalog, name)
    wanted = fold(name)
    if wanted:  # a word of the ids or labels: "seo" is in "Référencement naturel (SEO)"
        close += [
            s.id
            for s in catalog.skills.values()
            if s.id not in close and (wanted in fold(s.id) or wanted in fold(s.label))
        ]
    hint = f" (vouliez-vous dire : {', '.join(close[:5])} ?)" if close else ""
    return f"compétence inconnue « {name} »{hint}"


def team_payload(plan: TeamPlan) -> dict[str, Any]:
    return {
        "roles": list(plan.roles),
        "covered": {skill: list(roles) for skill, roles in plan.covered.items()},
        "uncovered": list(plan.uncovered),
        "optimal": plan.optimal,
    }


def coverage_table(catalog: Catalog, plan: TeamPlan) -> Table:
    """Needed skill × proposed role; roles are numbered columns (their names are listed above)."""
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("Compétence")
    for number, _role in enumerate(plan.roles, 1):
        table.add_column(str(number), justify="center")
    for skill, roles in plan.covered.items():
        marks = [Text(COVERED_MARK if role in roles else "") for role in plan.roles]
        table.add_row(Text(catalog.skills[skill].label), *marks)
    for skill in plan.uncovered:
        label = catalog.skills[skill].label if skill in catalog.skills else skill
        table.add_row(Text(label, style="dim"), *(Text("") for _ in plan.roles))
    return table


def run_team(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    need = needed_skills(catalog, args)
    plan = plan_team(catalog, need)
    if args.json:
        print_json(team_payload(plan))
        return 0
    console = text_console()
    answer = "optimal" if plan.optimal else "approximatif"
    console.print(
        Text(
            f"Équipe proposée : {counted(len(plan.roles), 'métier')} ({answer}) "
            f"pour {counted(len(need), 'compétence')}",
            style="bold",
        )
    )
    for number, role_id in enumerate(plan.roles, 1):
        line = Text(f"{number}. ")
        line.append(role_id, style="cyan")
        line.append(f"  {catalog.roles[role_id].display_title}")
        console.print(line)
    console.print(coverage_table(catalog, plan))
    if plan.uncovered:
        console.print(Text(f"Non couvert : {_labels(catalog, plan.uncovered)}", style="bold"))
    else:
        console.print(Text("Tout le besoin est couvert."))
    if plan.optimal:
        console.print(Text("Optimal : aucune équipe plus petite ne couvre ce besoin."))
    else:
        console.print(Text("Approximatif : une équipe plus petite pourrait exister."))
    console.print(Text(generalist_line(catalog, need)))
    return 0
