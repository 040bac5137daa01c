"""`explorer` with no subcommand: the interactive app."""

from __future__ import annotations

import argparse

from explorer.cli.common import CliError, find_role, load_content


def launch(args: argparse.Namespace) -> int:
    result = load_content(args, warn=False)
    start_compare: tuple[str, str] | None = None
    if args.compare:
        a, b = (find_role(result.catalog, role_id) for role_id in args.compare)
        if a.id == b.id:
            raise CliError(
                "comparer un métier avec lui-même n'a pas de sens : choisissez deux métiers"
            )
        start_compare = (a.id, b.id)
    from explorer.app import ExplorerApp

    app = ExplorerApp(result.catalog, issues=result.issues, start_compare=start_compare)
    app.run()
    return app.return_code or 0
