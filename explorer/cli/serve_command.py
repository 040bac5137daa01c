"""`explorer serve`: the workshop, the explorer served to a room's browsers."""

from __future__ import annotations

import argparse
import errno

from explorer.cli.common import CliError, content_root, shown

# Why a port cannot be listened on, in French; other causes keep the system's words.
LISTEN_REASONS = {
    errno.EADDRINUSE: "port déjà utilisé par un autre programme (essayez --port)",
    errno.EACCES: "accès refusé (sous 1024, un port demande les droits d'administrateur)",
    errno.EADDRNOTAVAIL: "adresse inconnue de cette machine",
}


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
        reason = LISTEN_REASONS.get(error.errno or 0) or error.strerror or str(error)
        raise CliError(f"impossible d'écouter sur {where} : {reason}") from error
