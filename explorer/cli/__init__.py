"""The `explorer` (or `metiers`) command: launches the app, or runs one of the subcommands."""

from __future__ import annotations

import time

# `explorer --startup-time` counts imports from here, the first line of our own code to run.
STARTED_AT = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402

from explorer.cli.commands import build_parser  # noqa: E402

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stdout is None:  # `explorer … >&-`: output goes nowhere rather than crash
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (for the life of the process)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.startup_json and not args.startup_time:
        parser.error("--json ne s'utilise ici qu'avec --startup-time")
    if args.startup_time and (args.command is not None or args.compare):
        parser.error("--startup-time ne se combine ni avec une commande ni avec --compare")
    from explorer.cli.common import CliError, shown

    try:
        if args.startup_time:
            from explorer.cli.startup_time import startup_time

            code = startup_time(args, started_at=STARTED_AT)
        elif args.command is None:
            from explorer.cli.launch import launch

            code = launch(args)
        else:
            code = args.handler(args)
        sys.stdout.flush()  # here, so that a closed pipe is caught below, not at exit
        return code
    except CliError as error:
        print(f"explorer: {shown(str(error))}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        # The reader left (`explorer list | head`): what remains to print goes nowhere,
        # quietly, and the command ends as it would have (the Python documentation's way).
        _stdout_to_devnull()
        return 0
    except KeyboardInterrupt:
        return 130


def _stdout_to_devnull() -> None:
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by a test's capture, or closed
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)
