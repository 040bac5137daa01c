"""`explorer define TERM`: one glossary term, its definition and the roles that use it."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from explorer.cli.common import CliError, load_content, print_json, text_console
from explorer.model import Catalog, Term
from explorer.model.glossary import find_term, term_suggestions


def term_payload(catalog: Catalog, term: Term) -> dict[str, Any]:
    return {
        "id": term.id,
        "term": term.term,
        "definition": term.definition,
        "aliases": list(term.aliases),
        "roles": [
            {"id": role.id, "title": role.title} for role in catalog.roles_using_term(term.id)
        ],
    }


def find_term_or_fail(catalog: Catalog, wanted: str) -> Term:
    term = find_term(catalog, wanted)
    if term is not None:
        return term
    close = term_suggestions(catalog, wanted)
    hint = f" ; vouliez-vous dire : {', '.join(t.term for t in close)} ?" if close else ""
    raise CliError(f"terme inconnu « {wanted} »{hint}")


def run_define(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    term = find_term_or_fail(catalog, args.term)
    payload = term_payload(catalog, term)
    if args.json:
        print_json(payload)
        return 0
    console = text_console()
    console.print(Text(term.term, style="bold"))
    if term.aliases:
        console.print(Text(f"Aussi : {', '.join(term.aliases)}", style="italic"))
    console.print(Text(""))
    console.print(Text(term.definition))
    roles = payload["roles"]
    console.print(Text(""))
    if roles:
        console.print(Text("Métiers qui emploient ce terme", style="bold magenta"))
        for role in roles:
            line = Text("  ")
            line.append(f"{role['id']:<28}", style="cyan")
            line.append(catalog.roles[role["id"]].display_title)
            console.print(line)
    else:
        console.print(Text("Terme général : aucune fiche métier ne le cite.", style="dim"))
    return 0
