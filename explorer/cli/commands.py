"""The command line's parser: every option and subcommand, and nothing that runs them.

Building it imports argparse alone: each subcommand's module (and what it needs: rich,
the shortlist, export, the glossary...) is imported only when that subcommand runs, so
that launching the app pays for none of them.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from explorer.model.filters import Dimension

Handler = Callable[[argparse.Namespace], int]


def _run(module: str, function: str) -> Handler:
    """A subcommand's handler, imported from explorer.cli.<module> when it runs."""

    def handler(args: argparse.Namespace) -> int:
        code: int = getattr(importlib.import_module(f"explorer.cli.{module}"), function)(args)
        return code

    handler.__qualname__ = handler.__name__ = function
    return handler


def global_options(*, suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before and after the subcommand name."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS if suppress else None,
        help="dossier de contenu à utiliser à la place du catalogue fourni",
    )
    return parent


# option -> (dimension, metavar, help, "unknown" wording)
FILTER_OPTIONS: dict[str, tuple[Dimension, str, str, str]] = {
    "--family": ("families", "FAMILLE", "famille (identifiant ou titre)", "famille inconnue"),
    "--access": ("levels", "NIVEAU", "niveau d'accès (Bac+2, Bac+3...)", "niveau inconnu"),
    "--employer": ("employers", "TYPE", "type d'employeur (agence...)", "type d'employeur inconnu"),
    "--skill": (
        "skills",
        "COMPÉTENCE",
        "compétence (identifiant ou libellé)",
        "compétence inconnue",
    ),
}


def _filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "filtres",
        "chaque option est répétable ; un métier passe s'il a l'une des familles, l'un des "
        "niveaux et l'un des employeurs demandés, et toutes les compétences demandées",
    )
    for option, (dimension, metavar, text, _) in FILTER_OPTIONS.items():
        group.add_argument(
            option,
            dest=f"filter_{dimension}",
            action="append",
            default=[],
            metavar=metavar,
            help=text,
        )


def register(commands: Any) -> None:
    """Add every subcommand to the parser's subparsers."""
    _catalog_commands(commands)
    _glossary_commands(commands)
    _shortlist_commands(commands)
    from explorer.cli.serve_command import register_serve

    register_serve(commands)


def _catalog_commands(commands: Any) -> None:
    options = global_options(suppress=True)

    validate = commands.add_parser(
        "validate", parents=[options], help="vérifier un dossier de contenu (strict)"
    )
    validate.add_argument("dir", nargs="?", type=Path, help="dossier à vérifier")
    validate.set_defaults(handler=_run("catalog_commands", "run_validate"))

    listing = commands.add_parser("list", parents=[options], help="familles et métiers")
    listing.add_argument("--json", action="store_true", help="sortie JSON")
    _filter_arguments(listing)
    listing.set_defaults(handler=_run("catalog_commands", "run_list"))

    show = commands.add_parser("show", parents=[options], help="fiche complète d'un métier")
    show.add_argument("role", metavar="ROLE", help="identifiant du métier")
    show.add_argument("--json", action="store_true", help="sortie JSON")
    show.set_defaults(handler=_run("catalog_commands", "run_show"))

    find = commands.add_parser("search", parents=[options], help="chercher un métier")
    find.add_argument("query", metavar="QUERY", help="titre, sigle, compétence, outil...")
    find.add_argument("--limit", type=_positive, default=None, metavar="N")
    find.add_argument("--json", action="store_true", help="sortie JSON")
    find.set_defaults(handler=_run("catalog_commands", "run_search"))

    versus = commands.add_parser("compare", parents=[options], help="comparer deux métiers")
    versus.add_argument("a", metavar="A")
    versus.add_argument("b", metavar="B")
    versus.add_argument("--json", action="store_true", help="sortie JSON")
    versus.set_defaults(handler=_run("catalog_commands", "run_compare"))


def _glossary_commands(commands: Any) -> None:
    define = commands.add_parser(
        "define", parents=[global_options(suppress=True)], help="définition d'un terme du jargon"
    )
    define.add_argument("term", metavar="TERM", help="terme, sigle ou synonyme (SEO, S.E.A....)")
    define.add_argument("--json", action="store_true", help="sortie JSON")
    define.set_defaults(handler=_run("glossary_commands", "run_define"))


def _shortlist_commands(commands: Any) -> None:
    from explorer.locations import shortlist_path

    options = global_options(suppress=True)
    group = commands.add_parser(
        "shortlist",
        parents=[options],
        help="votre sélection de métiers (favoris et notes)",
        description=f"Votre sélection, enregistrée dans {shortlist_path()}.",
    )
    actions = group.add_subparsers(dest="shortlist_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", parents=[options], help="les métiers de la sélection")
    listing.add_argument("--json", action="store_true", help="sortie JSON")
    listing.set_defaults(handler=_run("shortlist_commands", "run_list"))

    add = actions.add_parser("add", parents=[options], help="ajouter un métier")
    add.add_argument("role", metavar="ROLE", help="identifiant du métier")
    add.add_argument("--note", metavar="TEXT", default=None, help="une note libre")
    add.set_defaults(handler=_run("shortlist_commands", "run_add"))

    remove = actions.add_parser("remove", parents=[options], help="retirer un métier")
    remove.add_argument("role", metavar="ROLE", help="identifiant du métier")
    remove.set_defaults(handler=_run("shortlist_commands", "run_remove"))

    export = actions.add_parser("export", parents=[options], help="exporter en Markdown")
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        default=None,
        help="fichier à écrire (« - » pour la sortie standard) ; "
        "par défaut shortlist-AAAA-MM-JJ.md dans le dossier courant",
    )
    export.set_defaults(handler=_run("shortlist_commands", "run_export"))


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"nombre entier attendu : {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("doit être au moins 1")
    return number
