"""`explorer serve`: the workshop, the explorer served to a room's browsers."""

from __future__ import annotations

import argparse
from typing import Any

from explorer.cli.common import CliError, content_root
from explorer.workshop import (
    DEFAULT_HOST,
    DEFAULT_MAX_SESSIONS,
    DEFAULT_PORT,
    WorkshopUnavailable,
    serve,
)


def register_serve(commands: Any) -> None:
    parser = commands.add_parser(
        "serve",
        help="servir l'explorateur aux navigateurs d'une salle (atelier)",
        description=(
            "Sert l'explorateur dans un navigateur : chaque onglet ouvert est une session "
            "privée, avec sa propre sélection et son propre profil, effacés à la fermeture "
            "de l'onglet. Par défaut, seul cet ordinateur peut s'y connecter (127.0.0.1) ; "
            "avec --host 0.0.0.0, toute personne du même réseau le peut, et chaque session "
            "tourne avec les droits de l'utilisateur qui lance le serveur."
        ),
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        metavar="ADRESSE",
        help=f"adresse d'écoute (par défaut {DEFAULT_HOST} : cet ordinateur seulement)",
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        metavar="PORT",
        help=f"port d'écoute (par défaut {DEFAULT_PORT})",
    )
    parser.add_argument(
        "--max-sessions",
        type=_positive,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"nombre maximal de sessions ouvertes en même temps (par défaut {DEFAULT_MAX_SESSIONS})",
    )
    parser.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    root = content_root(args).resolve()
    if not root.is_dir():
        raise CliError(f"{root} : dossier de contenu introuvable")
    try:
        return serve(root, host=args.host, port=args.port, max_sessions=args.max_sessions)
    except WorkshopUnavailable as error:
        raise CliError(str(error)) from error
    except OSError as error:
        raise CliError(f"impossible d'écouter sur {args.host}:{args.port} : {error.strerror}") from error


def _port(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise argparse.ArgumentTypeError(f"port invalide : {value!r} (1 à 65535)")
    return int(value)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"nombre entier positif attendu : {value!r}")
    return int(value)
