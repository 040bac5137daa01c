"""`explorer decode [FILE | -]`: which roles a job ad describes, the skills it asks, its jargon."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rich.text import Text

from explorer.cli.common import CliError, load_content, print_json, shown, text_console
from explorer.model import Catalog
from explorer.model.decode import AD_LIMIT, AdReading, ad_text, decode_ad
from explorer.model.files import FileProblem, read_bounded
from explorer.model.text import visible

STDIN = "-"


def read_ad(source: str) -> str:
    """The ad's text from a file or, for "-", standard input; a CliError naming it otherwise."""
    name = "entrée standard" if source == STDIN else source
    try:
        if source == STDIN:
            if sys.stdin is None:
                raise CliError("entrée standard : fermée, rien à lire")
            if sys.stdin.isatty():
                print("Collez l’annonce, puis Ctrl+D.", file=sys.stderr)
            raw = sys.stdin.buffer.read(AD_LIMIT + 1)
        else:
            raw = read_bounded(Path(source), AD_LIMIT)
        text = ad_text(raw)
    except FileNotFoundError:
        raise CliError(f"{shown(name)} : fichier introuvable") from None
    except FileProblem as problem:
        raise CliError(f"{shown(name)} : {problem.message}") from None
    if not text.strip():
        raise CliError(f"{shown(name)} : l’annonce est vide, rien à décoder")
    return text


def decode_payload(reading: AdReading) -> dict[str, Any]:
    """The JSON contract: roles best first (score in [0, 1]), skill ids, term ids."""
    return {
        "roles": [
            {
                "role": guess.role.id,
                "title": guess.role.title,
                "score": guess.score,
                "why": list(guess.why),
            }
            for guess in reading.roles
        ],
        "skills": list(reading.skills),
        "terms": list(reading.terms),
    }


def run_decode(args: argparse.Namespace) -> int:
    text = read_ad(args.file)
    catalog = load_content(args).catalog
    reading = decode_ad(catalog, text, limit=args.limit)
    if args.json:
        print_json(decode_payload(reading))
    else:
        print_reading(catalog, reading)
    return 0


def print_reading(catalog: Catalog, reading: AdReading) -> None:
    console = text_console()

    def heading(title: str) -> None:
        console.print(Text(""))
        console.print(Text(title, style="bold magenta"))

    heading("Métiers les plus proches")
    if not reading.roles:
        console.print(
            Text("  Aucun métier du catalogue ne ressemble à cette annonce.", style="dim")
        )
    for rank, guess in enumerate(reading.roles, 1):
        line = Text(f"  {rank}. ")
        line.append(visible(guess.role.display_title), style="bold")
        line.append(f"  {round(guess.score * 100)} %", style="cyan")
        line.append(f"  ({guess.role.id})", style="dim")
        console.print(line)
        for reason in guess.why:
            console.print(Text(f"     · {visible(reason)}"))

    heading("Compétences demandées")
    if not reading.skills:
        console.print(Text("  Aucune compétence du vocabulaire reconnue.", style="dim"))
    for _, skills in catalog.skills_by_category(reading.skills):
        console.print(Text(f"  {skills[0].category_label}", style="bold"))
        for skill in skills:
            console.print(Text(f"    - {visible(skill.label)}"))

    if reading.roles and reading.missing_skills_of_best:
        best = reading.roles[0].role
        heading(f"Compétences de « {visible(best.title)} » que l’annonce ne cite pas")
        for missing in catalog.role_skills(best):
            if missing.id in reading.missing_skills_of_best:
                console.print(Text(f"    - {visible(missing.label)}"))

    heading("Jargon")
    if not reading.terms:
        console.print(Text("  Aucun terme du glossaire dans l’annonce.", style="dim"))
    for term_id in reading.terms:
        term = catalog.terms[term_id]
        line = Text("  ")
        line.append(visible(term.term), style="bold cyan")
        line.append(f" : {visible(term.definition)}")
        console.print(line)
