"""The fast reader of plain TOML gives what tomllib gives, or steps aside (None).

Two properties: any text at all (broken, exotic or plain) is read exactly as tomllib reads
it or handed over to tomllib; and texts written in the plain part are always read by the
fast reader, so that a reader which always stepped aside would fail.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.model import plain_toml
from tests.content_factory import ContentFactory

CONTENT = Path(__file__).resolve().parent.parent / "content"


def typed(value: Any) -> Any:
    """A value with its types spelt out: True and 1 (or 1.0) must not compare equal."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def tomllib_reading(text: str) -> Any:
    try:
        return typed(tomllib.loads(text))
    except tomllib.TOMLDecodeError:
        return "error"


def assert_same_or_stepped_aside(text: str) -> None:
    plain = plain_toml.loads(text)
    if plain is not None:
        assert typed(plain) == tomllib_reading(text), text


# --- any text --------------------------------------------------------------------------------

# Pieces that sit on the edges of the plain part: escapes (good and bad), control characters,
# quotes of both kinds, multi-line strings, numbers, dotted and quoted keys, headers, CRLF.
PIECES = [
    "a",
    "b",
    "key",
    "kind",
    "true",
    "false",
    "1",
    "1.5",
    "-",
    "_",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "=",
    " = ",
    ",",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "#",
    '# note "x"\n',
    '"',
    "'",
    '"""',
    "'''",
    "\\",
    '\\"',
    "\\\\",
    "\\n",
    "\\t",
    "\\u00e9",
    "\\U0001F642",
    "\\ud800",
    "\\x41",
    "\\e",
    "é",
    "🙂",
    "\x00",
    "\x1b",
    "\x7f",
    "\x85",
    "\u202e",
    ".",
    '"a b"',
    "\ufeff",
]
noisy_texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(noisy_texts)
def test_any_text_is_read_as_tomllib_reads_it_or_left_to_tomllib(text: str) -> None:
    assert_same_or_stepped_aside(text)


# --- plain texts -----------------------------------------------------------------------------

# Few names, so that keys and table names often meet (a duplicate is not plain TOML).
bare_keys = st.sampled_from(["a", "b", "role", "kind"]) | st.text(
    "abcdefghijklmnopqrstuvwxyzABC0123456789_-", min_size=1, max_size=8
)
# Free text: anything TOML allows in a string (no control character but tab), with the
# characters that need care: quotes, backslashes, hashes, brackets, commas, accents.
free_chars = st.characters(
    blacklist_categories=["Cs"],
    blacklist_characters=[chr(c) for c in [*range(0x09), *range(0x0A, 0x20), 0x7F]],
) | st.sampled_from(list("\"'\\#[]{},=\té"))
free_texts = st.text(free_chars, max_size=20)


def basic_string(text: str) -> str:
    """A TOML basic string for the text, its escapes spelt as a writer might."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return f'"{escaped}"'


def literal_string(text: str) -> str | None:
    return f"'{text}'" if "'" not in text else None


@st.composite
def scalars(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["basic", "basic", "literal", "flag", "unicode"]))
    if kind == "flag":
        return draw(st.sampled_from(["true", "false"]))
    if kind == "unicode":
        code = draw(st.integers(0x20, 0x10FFFF).filter(lambda c: not 0xD800 <= c <= 0xDFFF))
        return f'"\\u{code:04x}"' if code <= 0xFFFF else f'"\\U{code:08X}"'
    text = draw(free_texts)
    literal = literal_string(text) if kind == "literal" else None
    return literal or basic_string(text)


@st.composite
def inline_tables(draw: st.DrawFn) -> str:
    keys = draw(st.lists(bare_keys, unique=True, max_size=3))
    pairs = [f"{key} = {draw(scalars())}" for key in keys]
    return "{ " + ", ".join(pairs) + " }" if pairs else "{}"


gaps = st.sampled_from(["", " ", "\n", "\n    ", '  # a note, "quoted" [x]\n  '])


@st.composite
def arrays(draw: st.DrawFn) -> str:
    items = draw(st.lists(scalars() | inline_tables(), max_size=5))
    text = "["
    for index, item in enumerate(items):
        text += draw(gaps) + item + draw(gaps)
        if index < len(items) - 1 or draw(st.booleans()):
            text += ","
    return text + draw(gaps) + "]"


@st.composite
def tables(draw: st.DrawFn) -> str:
    keys = draw(st.lists(bare_keys, unique=True, max_size=6))
    lines = []
    for key in keys:
        value = draw(scalars() | arrays())
        comment = draw(st.sampled_from(["", "  # why", "#"]))
        lines.append(f"{key} = {value}{comment}")
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "# a comment", "   "])))
    return "\n".join(lines)


@st.composite
def plain_documents(draw: st.DrawFn) -> str:
    parts = [draw(tables())]
    array_tables = draw(st.lists(bare_keys, unique=True, max_size=2))
    for name in array_tables:
        for _ in range(draw(st.integers(1, 3))):
            parts.append(f"[[{name}]]\n" + draw(tables()))
    if draw(st.booleans()):
        name = draw(bare_keys.filter(lambda key: key not in array_tables))
        parts.append(f"[ {name} ]\n" + draw(tables()))
    text = "\n".join(parts)
    if draw(st.booleans()):
        text += "\n"
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


@settings(max_examples=300, deadline=None)
@given(plain_documents())
def test_plain_texts_are_read_by_the_fast_reader_as_tomllib_reads_them(text: str) -> None:
    expected = tomllib_reading(text)
    if expected == "error":  # e.g. a top-level key named like a later table: not plain
        assert plain_toml.loads(text) is None
        return
    plain = plain_toml.loads(text)
    assert plain is not None, text
    assert typed(plain) == expected


# --- content ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a = 1\n",  # a number
        'a = """x"""\n',  # a multi-line string
        'a.b = "x"\n',  # a dotted key
        '"a" = "x"\n',  # a quoted key
        'a = "x"\na = "y"\n',  # a duplicate key
        'a = "\\ud800"\n',  # an escape that is no character
        'a = [["x"]]\n',  # a nested array
        'a = { b = "x", b = "y" }\n',  # a duplicate key inside an inline table
        '[a]\nb = "x"\n[a]\n',  # a table defined twice
        'a = ["x"]\n[[a]]\n',  # an array of tables named like a key
        "[a]\n[[a]]\n",  # ... like a table
        "[[a]]\n[a]\n",  # a table named like an array of tables
        'a = "x"\r',  # a lone carriage return
        'a = "x\x00"\n',  # a control character in a text
        "a = 'x\x1b'\n",  # ... in a literal text
        'a = "x" # \x7f\n',  # ... in a comment
    ],
)
def test_what_is_not_plain_is_left_to_tomllib(text: str) -> None:
    assert plain_toml.loads(text) is None


def test_every_bundled_and_generated_file_takes_the_fast_path(tmp_path: Path) -> None:
    generated = ContentFactory(tmp_path / "c").write()
    files = sorted(CONTENT.rglob("*.toml")) + sorted(generated.rglob("*.toml"))
    assert len(files) > 25
    for path in files:
        text = path.read_text(encoding="utf-8")
        plain = plain_toml.loads(text)
        assert plain is not None, path
        assert typed(plain) == typed(tomllib.loads(text)), path
