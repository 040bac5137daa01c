"""The command line parses as the whole parser would, though a launch skips the subcommands'.

`explorer.cli.parse` answers a plain launch from a parser without subcommands (they take
≈ 4 ms to build): whatever the words, what a user gets — the options read, the help, the
version, the error and its exit status — must be what the whole parser gives.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.cli import build_parser, parse

WORDS = [
    "--content", "contenu", "list", "show", "seo", "--compare", "a", "b", "--startup-time",
    "--json", "--start", "--comp", "-h", "--help", "--version", "--bogus", "--", "-",
]  # fmt: skip


def outcome(parser_call: Any) -> tuple[Any, ...]:
    """The namespace, or the exit status and what was printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            args = parser_call()
        except SystemExit as leaving:
            return ("exit", leaving.code, out.getvalue(), err.getvalue())
    return ("args", sorted((k, v) for k, v in vars(args).items() if k != "handler"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=6))
def test_any_command_line_parses_as_the_whole_parser_parses_it(argv: list[str]) -> None:
    assert outcome(lambda: parse(argv)) == outcome(lambda: build_parser().parse_args(argv))


def test_a_launch_reads_its_options() -> None:
    args = parse(["--content", "ailleurs", "--compare", "seo", "sea"])
    assert (str(args.content), args.compare, args.command) == ("ailleurs", ["seo", "sea"], None)
    assert parse(["--startup-time", "--json"]).startup_json
