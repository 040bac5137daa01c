"""`explorer serve`: the workshop, the explorer served to a room's browsers."""

from __future__ import annotations

import argparse

from explorer.cli.common import CliError, content_root, shown


def run_serve(args: argparse.Namespace) -> int:
    root = content_root(args).resolve()
    if not root.is_dir():
        raise CliError(f"{shown(str(root))} : dossier de contenu introuvable")
    from explorer.workshop import WorkshopUnavailable, serve

    try:
        return serve(root, host=args.host, port=args.port, max_sessions=args.max_sessions)
    except WorkshopUnavailable as error:
        raise CliError(str(error)) from error
    except OSError as error:
        where = shown(f"{args.host}:{args.port}")
        raise CliError(f"impossible d'écouter sur {where} : {error.strerror or error}") from error
