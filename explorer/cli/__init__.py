"""The `explorer` command: launches the app, or runs one of the subcommands."""

from __future__ import annotations

import time

# `explorer --startup-time` counts imports from here, the first line of our own code to run.
STARTED_AT = time.perf_counter()

import argparse  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from typing import NoReturn  # noqa: E402

from explorer import __version__  # noqa: E402
from explorer.cli.commands import global_options, register  # noqa: E402


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; without `commands`, only what launching the app takes."""
    parser = (argparse.ArgumentParser if commands else _LaunchParser)(
        prog="explorer",
        description="Métiers du e-commerce : explorer les métiers du e-commerce en France.",
        parents=[global_options(suppress=False)],
        # -h and --version act as soon as they are read: they are for the whole parser only.
        add_help=commands,
    )
    if commands:
        parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("A", "B"),
        help="ouvrir directement la comparaison de deux métiers",
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
    if commands:
        subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")
        register(subparsers)
    return parser


class _NotALaunch(Exception):
    """The command line is not for launching the app alone: the whole parser takes it."""


class _LaunchParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotALaunch(message)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line, parsed as the whole parser parses it.

    Launching the app (no subcommand) is the common case, and the one timed: it is parsed
    without building the subcommands' parsers (≈ 4 ms). Anything more (a subcommand, -h,
    a mistake) goes to the whole parser, which answers as it always has.
    """
    try:
        args, rest = build_parser(commands=False).parse_known_args(argv)
    except _NotALaunch:
        rest = ["?"]
    if rest:
        return build_parser().parse_args(argv)
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    args = parse(argv)
    if args.startup_json and not args.startup_time:
        build_parser().error("--json ne s'utilise ici qu'avec --startup-time")
    if args.startup_time and (args.command is not None or args.compare):
        build_parser().error("--startup-time ne se combine ni avec une commande ni avec --compare")
    from explorer.cli.common import CliError

    try:
        if args.startup_time:
            from explorer.cli.startup_time import startup_time

            return startup_time(args)
        if args.command is None:
            from explorer.cli.launch import launch

            return launch(args)
        code: int = args.handler(args)
        return code
    except CliError as error:
        print(f"explorer: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
