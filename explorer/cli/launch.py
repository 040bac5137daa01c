"""`explorer` with no subcommand: the interactive app, in a terminal only."""

from __future__ import annotations

import argparse
import sys

from explorer.cli.common import CliError, content_root, load_content, two_roles

NO_TERMINAL = (
    "l'application s'ouvre dans un terminal (entrée et sortie) : lancez-la depuis un terminal, "
    "ou utilisez une commande (explorer --help)"
)


def has_terminal() -> bool:
    """Whether stdin and stdout are both a terminal (neither closed nor redirected)."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def launch(args: argparse.Namespace) -> int:
    root = content_root(args)
    if not has_terminal():
        # A full-screen app writing into a file, or reading a closed stdin, never ends well.
        raise CliError(NO_TERMINAL)
    from explorer.app import ExplorerApp

    if args.compare:
        # Loaded here, before the app, to check the two names (exit 2 on an unknown one).
        result = load_content(args, warn_issues=False)
        a, b = two_roles(result.catalog, *args.compare)
        app = ExplorerApp(result.catalog, issues=result.issues, start_compare=(a.id, b.id))
    else:
        app = ExplorerApp(content_root=root)  # shows its frame at once, then loads
    app.run()
    return app.return_code or 0
