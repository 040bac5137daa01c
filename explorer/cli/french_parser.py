"""argparse in French: usage, section titles, the help option and the error messages.

argparse writes its own words in English (through gettext, with no French catalogue
installed). Only its public extension points are used here: a HelpFormatter subclass for
the usage prefix and the section titles, our own -h/--help, and `error()`, which receives
argparse's English message and translates its known sentences.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

from explorer.model.text import one_line

USAGE = "utilisation : "
_SECTIONS = {"positional arguments": "arguments", "options": "options"}

# argparse's error sentences (Python 3.11 to 3.13) and their French; applied in order, the
# first that fits wins, and "argument X: …" translates what follows it too.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), french)
    for pattern, french in (
        (r"^the following arguments are required: (.*)$", r"arguments obligatoires manquants : \1"),
        (r"^unrecognized arguments: (.*)$", r"arguments non reconnus : \1"),
        (
            r"^invalid choice: (.*) \(choose from (.*)\)$",
            r"choix invalide : \1 (choix possibles : \2)",
        ),
        (r"^expected one argument$", "une valeur attendue"),
        (r"^expected at least one argument$", "au moins une valeur attendue"),
        (r"^expected at most one argument$", "au plus une valeur attendue"),
        (r"^expected (\d+) arguments?$", r"\1 valeurs attendues"),
        (r"^invalid (\S+) value: (.*)$", r"valeur invalide (\1) : \2"),
        (r"^ambiguous option: (\S+) could match (.*)$", r"option ambiguë : \1 peut désigner \2"),
        (r"^not allowed with argument (.*)$", r"incompatible avec l'argument \1"),
        (r"^ignored explicit argument (.*)$", r"valeur ignorée : \1"),
        (r"^one of the arguments (.*) is required$", r"l'un des arguments \1 est obligatoire"),
    )
)
_ARGUMENT = re.compile(r"^argument (.+?): (.*)$", re.DOTALL)


def french_error(message: str) -> str:
    """argparse's English error message in French (unknown sentences are left as they are)."""
    about = _ARGUMENT.match(message)
    if about is not None:
        return f"argument {about.group(1)} : {french_error(about.group(2))}"
    for pattern, french in _ERRORS:
        if pattern.match(message):
            return pattern.sub(french, message)
    return message


class FrenchHelpFormatter(argparse.HelpFormatter):
    """French usage prefix and section titles; the rest is argparse's layout."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        # argparse puts a colon right after the title: French wants a space before it.
        if heading:
            heading = f"{_SECTIONS.get(heading, heading)} "
        super().start_section(heading)


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks French; its subcommands' parsers are of the same kind."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(add_help=False, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")

    def error(self, message: str) -> NoReturn:
        """Usage and the French message on stderr, exit status 2 (as argparse does)."""
        self.print_usage(sys.stderr)
        # An argument echoed back (an unknown command, a bad value) is shown, never obeyed.
        self.exit(2, f"{self.prog}: erreur : {one_line(french_error(message))}\n")
