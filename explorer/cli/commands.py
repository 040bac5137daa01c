"""The command line's one parser: launching the app, every option and subcommand.

Building it imports argparse alone: each subcommand's module (and what it needs: rich,
the shortlist, export, the glossary...) is imported only when that subcommand runs.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer import __version__
from explorer.cli.french_parser import FrenchParser

if TYPE_CHECKING:
    from explorer.model.filters import Dimension

Handler = Callable[[argparse.Namespace], int]

DESCRIPTION = "Métiers du e-commerce : explorer les métiers du e-commerce en France."
EPILOG = (
    "Sans commande, « explorer » ouvre l'application interactive (dans un terminal). "
    "« explorer COMMANDE -h » détaille une commande."
)
SAME_ROLE = "comparer un métier avec lui-même n'a pas de sens : choisissez deux métiers"
ROLE_NAME = "identifiant, titre (masculin ou féminin), autre nom ou sigle du métier"


def build_parser() -> argparse.ArgumentParser:
    """Every command line, the app's launch included."""
    parser = FrenchParser(prog="explorer", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="afficher la version et quitter",
    )
    _content_option(parser, suppress=False)
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("A", "B"),
        help="ouvrir l'application directement sur la comparaison de deux métiers",
    )
    parser.add_argument(
        "--startup-time",
        action="store_true",
        help="démarrer sans affichage jusqu'au premier écran, puis afficher le détail "
        "du temps de démarrage en millisecondes",
    )
    parser.add_argument(
        "--json",
        dest="startup_json",
        action="store_true",
        help="avec --startup-time : le détail en JSON",
    )
    commands = parser.add_subparsers(dest="command", title="commandes", metavar="COMMANDE")
    _catalog_commands(commands)
    _glossary_commands(commands)
    _decode_command(commands)
    _shortlist_commands(commands)
    _serve_command(commands)
    return parser


def _run(module: str, function: str) -> Handler:
    """A subcommand's handler, imported from explorer.cli.<module> when it runs."""

    def handler(args: argparse.Namespace) -> int:
        code: int = getattr(importlib.import_module(f"explorer.cli.{module}"), function)(args)
        return code

    handler.__qualname__ = handler.__name__ = function
    return handler


def _content_option(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """--content, accepted before and after the subcommand name.

    After it (`suppress`), it is left out of the namespace unless given, so that it does
    not hide the value given before the subcommand.
    """
    parser.add_argument(
        "--content",
        metavar="DOSSIER",
        type=Path,
        default=argparse.SUPPRESS if suppress else None,
        help="dossier de contenu à utiliser à la place du catalogue fourni",
    )


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="sortie JSON")


def _command(commands: Any, name: str, text: str, **kwargs: Any) -> argparse.ArgumentParser:
    command: argparse.ArgumentParser = commands.add_parser(
        name,
        help=text,
        description=kwargs.pop("description", text[0].upper() + text[1:] + "."),
        **kwargs,
    )
    _content_option(command, suppress=True)
    return command


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


def _catalog_commands(commands: Any) -> None:
    validate = _command(commands, "validate", "vérifier un dossier de contenu (strict)")
    validate.add_argument(
        "dir",
        nargs="?",
        type=Path,
        metavar="DOSSIER",
        help="dossier à vérifier (par défaut : celui de --content, sinon le catalogue fourni)",
    )
    validate.set_defaults(handler=_run("catalog_commands", "run_validate"))

    listing = _command(commands, "list", "familles et métiers")
    _json_option(listing)
    _filter_arguments(listing)
    listing.set_defaults(handler=_run("catalog_commands", "run_list"))

    show = _command(commands, "show", "fiche complète d'un métier")
    show.add_argument("role", metavar="MÉTIER", help=ROLE_NAME)
    _json_option(show)
    show.set_defaults(handler=_run("catalog_commands", "run_show"))

    find = _command(commands, "search", "chercher un métier")
    find.add_argument(
        "query", metavar="RECHERCHE", help="titre, sigle, compétence, outil, terme..."
    )
    find.add_argument(
        "--limit", type=_positive, default=None, metavar="N", help="au plus N résultats"
    )
    _json_option(find)
    find.set_defaults(handler=_run("catalog_commands", "run_search"))

    versus = _command(commands, "compare", "comparer deux métiers")
    versus.add_argument("a", metavar="A", help=f"premier métier : {ROLE_NAME}")
    versus.add_argument("b", metavar="B", help="second métier, nommé de la même façon")
    _json_option(versus)
    versus.set_defaults(handler=_run("catalog_commands", "run_compare"))


def _glossary_commands(commands: Any) -> None:
    define = _command(commands, "define", "définition d'un terme du jargon")
    define.add_argument("term", metavar="TERME", help="terme, sigle ou synonyme (SEO, S.E.A....)")
    _json_option(define)
    define.set_defaults(handler=_run("glossary_commands", "run_define"))


def _decode_command(commands: Any) -> None:
    decode = _command(
        commands,
        "decode",
        "décoder une offre d'emploi : métiers proches, compétences demandées, jargon",
        description="Décoder une offre d'emploi : les métiers du catalogue qu'elle décrit "
        "(les plus proches d'abord, avec leur score et pourquoi), les compétences qu'elle "
        "demande et les termes du jargon qu'elle emploie. Texte UTF-8 de 200 ko au plus.",
    )
    decode.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FICHIER",
        help="fichier texte de l'annonce (« - » ou rien : l'entrée standard)",
    )
    decode.add_argument(
        "--limit", type=_positive, default=3, metavar="N", help="les N métiers les plus proches (3)"
    )
    _json_option(decode)
    decode.set_defaults(handler=_run("decode_command", "run_decode"))


def _shortlist_commands(commands: Any) -> None:
    from explorer.locations import shortlist_path
    from explorer.model.text import visible

    group = _command(
        commands,
        "shortlist",
        "votre sélection de métiers (favoris et notes)",
        description=f"Votre sélection, enregistrée dans {visible(str(shortlist_path()))}.",
    )
    actions = group.add_subparsers(
        dest="shortlist_command", title="actions", metavar="ACTION", required=True
    )

    listing = _command(actions, "list", "les métiers de la sélection")
    _json_option(listing)
    listing.set_defaults(handler=_run("shortlist_commands", "run_list"))

    add = _command(actions, "add", "ajouter un métier")
    add.add_argument("role", metavar="MÉTIER", help=ROLE_NAME)
    add.add_argument("--note", metavar="TEXTE", default=None, help="une note libre")
    add.set_defaults(handler=_run("shortlist_commands", "run_add"))

    remove = _command(actions, "remove", "retirer un métier")
    remove.add_argument(
        "role",
        metavar="MÉTIER",
        help=f"{ROLE_NAME} (un métier disparu du catalogue : son identifiant)",
    )
    remove.set_defaults(handler=_run("shortlist_commands", "run_remove"))

    export = _command(actions, "export", "exporter en Markdown")
    export.add_argument(
        "-o",
        "--output",
        metavar="FICHIER",
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


def _serve_command(commands: Any) -> None:
    from explorer import workshop  # its defaults only: textual-serve is imported to serve

    serve = _command(
        commands,
        "serve",
        "servir l'explorateur aux navigateurs d'une salle (atelier)",
        description=(
            "Sert l'explorateur dans un navigateur : chaque onglet ouvert est une session "
            "privée, avec sa propre sélection et son propre profil, effacés quand l'onglet se "
            "ferme. Par défaut, seul cet ordinateur peut s'y connecter (127.0.0.1). Avec "
            "--host 0.0.0.0, toute personne du même réseau le peut, et chaque session tourne "
            "avec les droits de l'utilisateur qui a lancé le serveur. ctrl+c arrête le serveur."
        ),
    )
    serve.add_argument(
        "--host",
        default=workshop.DEFAULT_HOST,
        metavar="ADRESSE",
        help=f"adresse d'écoute (par défaut {workshop.DEFAULT_HOST} : cet ordinateur seulement)",
    )
    serve.add_argument(
        "--port",
        type=_port,
        default=workshop.DEFAULT_PORT,
        metavar="PORT",
        help=f"port d'écoute (par défaut {workshop.DEFAULT_PORT})",
    )
    serve.add_argument(
        "--max-sessions",
        type=_positive,
        default=workshop.DEFAULT_MAX_SESSIONS,
        metavar="N",
        help="nombre maximal de sessions ouvertes en même temps "
        f"(par défaut {workshop.DEFAULT_MAX_SESSIONS})",
    )
    serve.set_defaults(handler=_run("serve_command", "run_serve"))


def _port(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise argparse.ArgumentTypeError(f"port invalide : {value!r} (de 1 à 65535)")
    return int(value)
