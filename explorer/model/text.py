"""Text folding shared by search, sorting and the glossary: accents, case and punctuation away."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z]+")
# Dots inside acronyms vanish so that "S.E.A." folds like "SEA".
_ACRONYM_DOTS = re.compile(r"(?<=\w)\.(?=\w)|(?<=\w)\.$|(?<=\w)\.(?=\s)")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'"})


def _without_mark(match: re.Match[str]) -> str:
    char = match.group()
    return "" if unicodedata.combining(char) else char


def fold(text: str) -> str:
    """Lower-case ascii words separated by single spaces: 'Référenceur S.E.A.' -> 'referenceur sea'."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    if not text.isascii():  # accents are combining marks now: drop them
        text = _NON_ASCII.sub(_without_mark, text)
    text = _ACRONYM_DOTS.sub("", text)
    return _NON_WORD.sub(" ", text).strip()


def sort_key(text: str) -> tuple[str, str]:
    """Accent-insensitive alphabetical order, ties broken by the original text."""
    return (fold(text), text)


# C0/C1 control characters (but newline) and bidirectional overrides: they can move the cursor,
# clear the screen or reverse a line in a terminal, so content never carries them to the UI.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ESC shows as ␛
    if code == 0x7F:
        return "\u2421"
    if code <= 0x9F:
        return "\ufffd"
    return ""  # invisible direction marks: drop


def visible(text: str) -> str:
    """Text safe for a terminal: control characters shown as symbols, direction overrides gone."""
    if text.isprintable():  # no control or format character at all: the usual case, in C
        return text
    return _UNSAFE.sub(_picture, text) if _UNSAFE.search(text) else text


def one_line(text: str) -> str:
    """A name or label on one line, its runs of white space folded to one space."""
    # Printable means no tab or newline either: only doubled or outer spaces to fold then.
    if (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        return text
    return _SPACES.sub(" ", visible(text)).strip()


# What a paste can carry that nobody could type: control characters (but tab and newline) and
# direction overrides. Kept, the terminal would act on them when the text is drawn.
_UNTYPABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def typable(text: str) -> str:
    """Pasted text as it could have been typed: control characters and direction marks gone.

    A carriage return ends a line: xterm, VTE and tmux paste line ends as carriage returns.
    """
    return _UNTYPABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def tokens(text: str) -> set[str]:
    """The words a search matches in a text: its folded words, and each written word folded
    with its pieces glued ("d'e-mailing" gives "d", "e", "mailing" and "demailing")."""
    found: set[str] = set()
    for chunk in text.split():  # folding works within a written word: fold each one alone
        found.update(_written_tokens(chunk))
    return found


@lru_cache(maxsize=1 << 14)
def _written_tokens(chunk: str) -> tuple[str, ...]:
    """`tokens` of one written word: a catalogue writes the same words again and again."""
    words = fold(chunk).split()
    if len(words) > 1 and not chunk.isalnum():  # punctuation inside: glued, a new word
        words.append("".join(words))
    return tuple(words)


def french_number(number: int) -> str:
    """`10 000`: thousands apart by a narrow no-break space, as French typography wants."""
    return f"{number:,}".replace(",", "\u202f")


def counted(number: int, singular: str, plural: str = "") -> str:
    """`0 métier`, `1 métier`, `10 000 métiers`: French keeps the singular below two. The
    plural is the singular and an s unless given (« compétences cochées »)."""
    return f"{french_number(number)} {singular if number < 2 else plural or singular + 's'}"
