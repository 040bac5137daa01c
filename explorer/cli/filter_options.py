"""The role filters on the command line: `--family`, `--access`, `--employer`, `--skill`."""

from __future__ import annotations

import argparse
import difflib

from explorer.cli.commands import FILTER_OPTIONS as _OPTIONS
from explorer.cli.common import CliError
from explorer.model import Catalog
from explorer.model.filters import Dimension, RoleFilter, known_values, resolve_value
from explorer.model.text import fold

# Past this many choices an error names the closest ones instead of all of them.
_MAX_LISTED = 20


def role_filter_from_args(catalog: Catalog, args: argparse.Namespace) -> RoleFilter:
    """The filter the options ask for; an unknown value is an error naming the valid ones."""
    chosen: dict[Dimension, frozenset[str]] = {}
    for option, (dimension, _, _, unknown) in _OPTIONS.items():
        values = []
        for wanted in getattr(args, f"filter_{dimension}", []):
            value = resolve_value(catalog, dimension, wanted)
            if value is None:
                raise CliError(
                    f"{unknown} « {wanted} » ({option}) ; {_choices(catalog, dimension, wanted)}"
                )
            values.append(value)
        chosen[dimension] = frozenset(values)
    return RoleFilter(
        families=chosen["families"],
        levels=chosen["levels"],
        employers=chosen["employers"],
        skills=chosen["skills"],
    )


def _choices(catalog: Catalog, dimension: Dimension, wanted: str) -> str:
    known = known_values(catalog, dimension)
    if not known:
        return "le catalogue n'en contient aucune"
    if len(known) <= _MAX_LISTED:
        return "choix possibles : " + ", ".join(known)
    # Thousands of skills: name those sharing a word with it, then the closest by spelling.
    names = {fold(value): value for value in known} | {fold(label): v for v, label in known.items()}
    folded = fold(wanted)
    words = [word for word in folded.split() if len(word) >= 3]
    close = [name for name in names if any(word in name.split() for word in words)]
    close += difflib.get_close_matches(folded, list(names), n=10, cutoff=0.6)
    found = list(dict.fromkeys(names[name] for name in close))[:5]
    if found:
        return "vouliez-vous dire : " + ", ".join(found) + " ?"
    return f"{len(known)} valeurs possibles, aucune ne ressemble à celle-ci"
