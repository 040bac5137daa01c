"""Browsing commands: validate, list, show, search, compare."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.table import Table
from rich.text import Text

from explorer.cli.common import (
    content_root,
    find_role,
    load_content,
    load_strict,
    print_json,
    shown,
    text_console,
    two_roles,
)
from explorer.cli.filter_options import role_filter_from_args
from explorer.model import Catalog, Role, compare, search
from explorer.model.filters import describe_empty
from explorer.model.text import counted, french_number


def run_validate(args: argparse.Namespace) -> int:
    """Strict: every problem is listed and fails the check; warnings are listed and do not."""
    root = args.dir if args.dir is not None else content_root(args)
    result = load_strict(root)
    for issue in result.issues:
        print(shown(str(issue)))  # a warning says so itself ("avertissement : …")
    if result.errors:
        print(f"{counted(len(result.errors), 'problème')} trouvé(s)", file=sys.stderr)
        return 1
    catalog = result.catalog
    warnings = f" · {counted(len(result.warnings), 'avertissement')}" if result.warnings else ""
    print(
        f"OK : {counted(len(catalog.families), 'famille')}, {counted(len(catalog.roles), 'métier')}, "
        f"{counted(len(catalog.skills), 'compétence')}, {counted(len(catalog.terms), 'terme')}"
        f"{warnings}"
    )
    return 0


def list_payload(catalog: Catalog, roles: list[Role] | None = None) -> dict[str, Any]:
    wanted = set(catalog.roles) if roles is None else {r.id for r in roles}
    return {
        "families": [
            {
                "id": family.id,
                "title": family.title,
                "roles": [
                    {"id": r.id, "title": r.title}
                    for r in catalog.roles_of(family.id)
                    if r.id in wanted
                ],
            }
            for family in catalog.families
        ]
    }


def run_list(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    role_filter = role_filter_from_args(catalog, args)
    roles = role_filter.apply(catalog.roles.values())
    payload = list_payload(catalog, roles)
    if args.json:
        print_json(payload)
        return 0
    console = text_console()
    cause = role_filter.emptied_by(list(catalog.roles.values()))
    if cause is not None:
        console.print(Text(describe_empty(catalog, cause)))
    for family in payload["families"]:
        if role_filter.active and not family["roles"]:
            continue  # a filtered list shows only the families that still have roles
        console.print(
            Text(f"{family['title']} ({french_number(len(family['roles']))})", style="bold")
        )
        for role in family["roles"]:
            line = Text("  ")
            line.append(role["id"], style="cyan")
            line.append(f"  {catalog.roles[role['id']].display_title}")
            console.print(line)
    return 0


def role_payload(catalog: Catalog, role: Role) -> dict[str, Any]:
    family = catalog.family(role.family)
    return {
        "id": role.id,
        "title": role.title,
        "title_feminine": role.title_feminine,
        "aliases": list(role.aliases),
        "family": {"id": role.family, "title": family.title if family else role.family},
        "rome": role.rome,
        "summary": role.summary,
        "missions": list(role.missions),
        "skills": [
            {"id": s.id, "label": s.label, "category": s.category}
            for s in catalog.role_skills(role)
        ],
        "tools": list(role.tools),
        "levels": list(role.access.levels),
        "access": list(role.access.paths),
        "employers": list(role.employers),
        "context": role.context,
        "related": [{"role": link.role, "kind": link.kind} for link in role.related],
        "terms": list(role.terms),
        "sources": list(role.sources),
    }


def run_show(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    role = find_role(catalog, args.role)
    if args.json:
        print_json(role_payload(catalog, role))
        return 0
    from explorer.cli.render import render_role

    console = text_console()
    fiche = render_role(catalog, role)
    if console.is_terminal:  # wrapped to its width: French spacing, as in the app
        from explorer.french_spacing import Unglued, glued

        fiche = Unglued(glued(fiche))
    console.print(fiche)
    return 0


def run_search(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    hits = search(catalog, args.query, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "id": h.role.id,
                    "title": h.role.title,
                    "score": h.score,
                    "matched": list(h.matched),
                    "reason": h.reason,
                }
                for h in hits
            ]
        )
        return 0
    console = text_console()
    if not hits:
        console.print(Text(f"Aucun métier ne correspond à « {shown(args.query)} »."))
        return 0
    for hit in hits:
        line = Text()
        line.append(f"{hit.role.id:<28}", style="cyan")
        line.append(hit.role.display_title)
        if hit.reason:  # found by something other than its title: say what
            line.append(f"  ({hit.reason})", style="dim")
        console.print(line)
    return 0


def run_compare(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    a, b = two_roles(catalog, args.a, args.b)
    result = compare(catalog, a, b)
    if args.json:
        print_json(
            {
                "a": a.id,
                "b": b.id,
                "shared": list(result.shared),
                "only_a": list(result.only_a),
                "only_b": list(result.only_b),
                "overlap": round(result.overlap, 4),
            }
        )
        return 0
    table = Table(title=Text(f"{a.display_title}  ↔  {b.display_title}"), expand=True)
    table.add_column(Text(a.display_title), ratio=1)
    table.add_column(Text(b.display_title), ratio=1)
    label = {s: catalog.skills[s].label for s in catalog.skills}
    for skill in result.shared:
        table.add_row(
            Text(f"● {label[skill]}", style="green"), Text(f"● {label[skill]}", style="green")
        )
    for index in range(max(len(result.only_a), len(result.only_b))):
        left = result.only_a[index] if index < len(result.only_a) else None
        right = result.only_b[index] if index < len(result.only_b) else None
        table.add_row(
            Text(f"○ {label[left]}") if left else Text(""),
            Text(f"○ {label[right]}") if right else Text(""),
        )
    console = text_console()
    console.print(table)
    console.print(
        Text(
            f"Compétences communes : {len(result.shared)} sur {result.union_size} "
            f"({result.overlap_percent} %)",
            style="bold",
        )
    )
    for source, target, gap in ((a, b, result.gap_a_to_b), (b, a, result.gap_b_to_a)):
        line = Text(f"À acquérir pour passer de {source.title} à {target.title} : ", style="bold")
        line.append(", ".join(label[skill] for skill in gap) if gap else "rien", style="")
        console.print(line)
    return 0
