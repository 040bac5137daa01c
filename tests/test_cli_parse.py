"""One parser for every command line, the app's launch included, and it speaks French.

Whatever the words, what a user reads — help, usage, errors — is French: none of argparse's
English sentences reaches the terminal, and every option and argument says what it is for.
"""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.cli import build_parser, main

WORDS = [
    "--content", "contenu", "list", "show", "seo", "--compare", "a", "b", "--startup-time",
    "--json", "--start", "--comp", "-h", "--help", "--version", "--bogus", "--", "-",
    "shortlist", "add", "export", "-o", "search", "--limit", "0", "compare", "define",
    "validate", "--family", "nope",
]  # fmt: skip

ENGLISH = (
    "usage:",
    "error:",
    "positional arguments",
    "show this help",
    "the following arguments",
    "required",
    "invalid choice",
    "unrecognized",
    "expected",
    "invalid int value",
    "ambiguous option",
    "choose from",
    "show program's version",
)


def parsed(argv: list[str]) -> tuple[int | str | None, str]:
    """Exit status (None when it parses) and everything printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            build_parser().parse_args(argv)
        except SystemExit as leaving:
            return leaving.code, out.getvalue() + err.getvalue()
    return None, out.getvalue() + err.getvalue()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=6))
def test_no_english_from_argparse_whatever_the_command_line(argv: list[str]) -> None:
    code, printed = parsed(argv)
    assert not [word for word in ENGLISH if word in printed], printed
    if code not in (None, 0):
        assert "utilisation : explorer" in printed and "erreur : " in printed


def every_parser(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:  # test-only walk over argparse's own records
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from every_parser(child)


def test_every_option_and_argument_says_what_it_is_for() -> None:
    for parser in every_parser(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help, f"{parser.prog}: {action.option_strings or action.dest}"
            metavar = action.metavar or ""
            names = metavar if isinstance(metavar, tuple) else (metavar,)
            # One language: no English metavar left (ROLE, QUERY, TERM, TEXT, FILE, DIR).
            assert not {"ROLE", "QUERY", "TERM", "TEXT", "FILE", "DIR"} & set(names)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["show", "--help"],
        ["list", "-h"],
        ["shortlist", "add", "-h"],
        ["shortlist", "--help"],
    ],
)
def test_help_is_french(argv: list[str]) -> None:
    code, printed = parsed(argv)
    assert code == 0
    assert printed.startswith("utilisation : explorer")
    assert "options :" in printed and "afficher cette aide et quitter" in printed
    assert not [word for word in ENGLISH if word in printed]


def test_help_says_no_command_opens_the_app() -> None:
    _, printed = parsed(["--help"])
    assert "commandes :" in printed
    assert "Sans commande, « explorer » ouvre l'application interactive" in " ".join(
        printed.split()
    )


def test_positionals_are_listed_under_a_french_title() -> None:
    _, printed = parsed(["compare", "--help"])
    section = printed.split("arguments :\n", 1)[1].split("options :")[0]
    assert section.split()[:2] == ["A", "premier"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["frobnicate"], "argument COMMANDE : choix invalide : 'frobnicate' (choix possibles :"),
        (["show"], "explorer show: erreur : arguments obligatoires manquants : MÉTIER"),
        (["list", "--bogus"], "arguments non reconnus : --bogus"),
        (["search", "x", "--limit"], "argument --limit : une valeur attendue"),
        (["search", "x", "--limit", "zero"], "argument --limit : nombre entier attendu"),
        (["--compare", "a"], "argument --compare : 2 valeurs attendues"),
        (["shortlist"], "arguments obligatoires manquants : ACTION"),
    ],
)
def test_errors_are_french(argv: list[str], message: str) -> None:
    code, printed = parsed(argv)
    assert code == 2
    assert message in printed


def test_a_launch_reads_its_options() -> None:
    args = build_parser().parse_args(["--content", "ailleurs", "--compare", "seo", "sea"])
    assert (str(args.content), args.compare, args.command) == ("ailleurs", ["seo", "sea"], None)
    assert build_parser().parse_args(["--startup-time", "--json"]).startup_json


def test_an_argument_echoed_in_an_error_is_shown_not_obeyed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--\x1b]0;x\x07"])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "arguments non reconnus : --␛]0;x␇" in err
