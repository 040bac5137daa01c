"""French typography for text written to files (the Markdown export): non-breaking spaces.

French puts a space before : ; ! ? » % and after «; in print that space never breaks a line.
A space already there becomes the right non-breaking one (a thin one before ; ! ?, a normal
one before : » % and after «); none is added where the text has none ("10:30", "https://").
The screen does the same at drawing time (explorer/french_spacing.py).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"  # espace insécable
NNBSP = "\u202f"  # espace fine insécable
_BEFORE = re.compile(r"(?<=\S)[ \u00a0\u202f]+([:;!?»%])")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]+(?=\S)")


def _space_before(match: re.Match[str]) -> str:
    mark = match[1]
    return (NNBSP if mark in ";!?" else NBSP) + mark


def french_spaces(text: str) -> str:
    """'Il dit « oui » : bien !' with non-breaking spaces where French needs them."""
    return _AFTER_OPENING.sub("«" + NBSP, _BEFORE.sub(_space_before, text))
