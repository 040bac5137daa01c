"""A fast reader for the plain TOML that content files are written in; tomllib does the rest.

tomllib reads a string one character at a time in Python: at 10,000 role files that is most
of a cold start. Content files use a small part of TOML: `key = "text"`, arrays of texts and
inline tables, `[[table]]` headers and comments. Here each statement is matched by one
regular expression, and each array's items by one `findall`, at C speed.

`loads` gives exactly what `tomllib.loads` gives, or None for anything outside that part (a
number, a multi-line string, a dotted or quoted key, a duplicate key, an error...): the
caller then hands the text to tomllib, which also words the errors. A property test holds
the two readers to the same answers.
"""

from __future__ import annotations

import re
from typing import Any

# What TOML forbids in strings and comments: the ASCII control characters but tab.
_FREE = r"[^\x00-\x08\x0a-\x1f\x7f"
_BASIC = r'"(?:' + _FREE + r'"\\]++|\\[btnfr"\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*+"'
_LITERAL = r"'" + _FREE + r"']*+'"
_KEY = r"[A-Za-z0-9_-]++"
_SCALAR = rf"{_BASIC}|{_LITERAL}|true|false"
_INLINE = rf"\{{[ \t]*+(?:{_KEY}[ \t]*+=[ \t]*+(?:{_SCALAR})(?:[ \t]*+,[ \t]*+{_KEY}[ \t]*+=[ \t]*+(?:{_SCALAR}))*+)?[ \t]*+\}}"
_VALUE = rf"{_SCALAR}|{_INLINE}"
_COMMENT = "#" + _FREE + "]*+"
# Between array items: spaces, newlines and whole comments.
_GAP = rf"(?:[ \t\n]++|{_COMMENT})*+"
_ARRAY = rf"\[{_GAP}(?:(?:{_VALUE}){_GAP}(?:,{_GAP}(?:{_VALUE}){_GAP})*+(?:,{_GAP})?)?\]"

# One statement: a key and its value, or a table header, or nothing; a comment; the line end.
_STATEMENT = re.compile(
    r"[ \t]*+(?:"
    + rf"(?P<key>{_KEY})[ \t]*+=[ \t]*+"
    + rf"(?:(?P<basic>{_BASIC})|(?P<literal>{_LITERAL})|(?P<flag>true|false)|(?P<array>{_ARRAY}))"
    + rf"|\[\[[ \t]*+(?P<array_table>{_KEY})[ \t]*+\]\]"
    + rf"|\[[ \t]*+(?P<table>{_KEY})[ \t]*+\]"
    + rf")?[ \t]*+(?:{_COMMENT})?(?:\n|\Z)"
)
# The items of an array already matched whole: a comment is taken as one token, so that
# quotes inside it are never read as a text.
_ITEM = re.compile(rf"({_COMMENT})|({_BASIC})|({_LITERAL})|(true|false)|({_INLINE})")
_PAIR = re.compile(rf"({_KEY})[ \t]*+=[ \t]*+(?:({_BASIC})|({_LITERAL})|(true|false))")
_ESCAPE = re.compile(r'\\(?:([btnfr"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))')
_ESCAPED = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class _Outside(Exception):
    """The text leaves the plain part: tomllib reads it."""


def loads(text: str) -> dict[str, Any] | None:
    """The document, as tomllib would give it; None when tomllib must read it instead."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # as tomllib does; a lone CR stays and fails
    try:
        return _read(text)
    except _Outside:
        return None


def _read(text: str) -> dict[str, Any] | None:
    document: dict[str, Any] = {}
    table = document
    array_tables: set[str] = set()  # names opened with [[name]]: more may follow
    position, end = 0, len(text)
    match_statement = _STATEMENT.match
    while position < end:
        found = match_statement(text, position)
        if found is None or found.end() == position:
            return None
        position = found.end()
        kind = found.lastgroup  # the value's group, or the header's; None for a blank line
        if kind is None:
            continue
        token = found[kind]
        if kind == "array_table":
            if token in document and token not in array_tables:
                return None
            array_tables.add(token)
            table = {}
            document.setdefault(token, []).append(table)
        elif kind == "table":
            if token in document:
                return None
            table = document[token] = {}
        else:
            key = found["key"]
            if key in table:
                return None
            if kind == "basic":
                table[key] = _basic(token)
            elif kind == "array":
                table[key] = _array(token)
            elif kind == "literal":
                table[key] = token[1:-1]
            else:
                table[key] = token == "true"
    return document


def _basic(token: str) -> str:
    body = token[1:-1]
    return _ESCAPE.sub(_unescape, body) if "\\" in body else body


def _unescape(found: re.Match[str]) -> str:
    simple, short, long = found.groups()
    if simple is not None:
        return _ESCAPED[simple]
    code = int(short or long, 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise _Outside  # not a Unicode scalar value: tomllib words the error
    return chr(code)


def _array(token: str) -> list[Any]:
    if "\\" not in token:
        # The common array: texts without escapes. Every quote then opens or closes a text;
        # if nothing but brackets, commas and blanks lies outside them, they are the items.
        parts = token.split('"')
        if not "".join(parts[0::2]).strip("[], \t\n"):
            return parts[1::2]
    items: list[Any] = []
    for comment, basic, literal, flag, inline in _ITEM.findall(token):
        if comment:
            continue
        if basic:
            items.append(_basic(basic))
        elif literal:
            items.append(literal[1:-1])
        elif flag:
            items.append(flag == "true")
        else:
            items.append(_inline(inline))
    return items


def _inline(token: str) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for key, basic, literal, flag in _PAIR.findall(token):
        if key in table:
            raise _Outside
        if basic:
            table[key] = _basic(basic)
        elif literal:
            table[key] = literal[1:-1]
        else:
            table[key] = flag == "true"
    return table
