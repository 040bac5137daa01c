"""`explorer` with no subcommand: the interactive app."""

from __future__ import annotations

import argparse

from explorer.cli.common import CliError, cached_load, find_role


def launch(args: argparse.Namespace) -> int:
    loaded = cached_load(args, defer_save=True)
    result = loaded.result
    start_compare: tuple[str, str] | None = None
    if args.compare:
        a, b = (find_role(result.catalog, role_id) for role_id in args.compare)
        if a.id == b.id:
            raise CliError(
                "comparer un métier avec lui-même n'a pas de sens : choisissez deux métiers"
            )
        start_compare = (a.id, b.id)
    from explorer.app import ExplorerApp

    pending = loaded.pending
    app = ExplorerApp(
        result.catalog,
        issues=result.issues,
        start_compare=start_compare,
    )
    app.run()
    if pending is not None:
        pending.run()  # quit before the first frame, or still writing: finish (or wait) now
    return app.return_code or 0
