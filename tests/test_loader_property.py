"""Whatever bytes or TOML values a content folder holds, the loader returns problems, never raises."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.model import load_catalog
from explorer.model.loader import ROLE_FIELDS
from tests.content_factory import ContentFactory

nasty_text = st.text(
    alphabet=st.sampled_from(list("ab[]/@=\\\"'\x1b\x00\x07\n\té́🙂\u202e")) | st.characters(),
    max_size=30,
)
scalars = st.one_of(
    st.booleans(), st.integers(), st.floats(allow_nan=False), nasty_text, st.dates()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(nasty_text, inner, max_size=4),
    max_leaves=10,
)
keys = st.sampled_from(list(ROLE_FIELDS)) | nasty_text
role_tables = st.dictionaries(keys, values, max_size=10)

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.filter_too_much,
        HealthCheck.too_slow,
    ],
)


def _dump(data: dict[str, Any]) -> bytes | None:
    try:
        return tomli_w.dumps(data).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError):
        return None


@SETTINGS
@given(role=role_tables)
def test_random_role_tables_give_problems_not_exceptions(role: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = ContentFactory(Path(tmp) / "c").write()
        payload = _dump(role)
        if payload is None:
            return
        (root / "roles" / "random.toml").write_bytes(payload)
        result = load_catalog(root)
        assert {"referenceur-seo", "referenceur-sea", "redacteur-web"} <= set(result.catalog.roles)
        if "random" not in result.catalog.roles:
            assert any("random.toml" in i.path for i in result.issues)


@SETTINGS
@given(
    raw=st.binary(max_size=300), name=st.sampled_from(["families", "skills", "glossary", "roles/x"])
)
def test_arbitrary_bytes_in_any_file(raw: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = ContentFactory(Path(tmp) / "c").write()
        (root / f"{name}.toml").write_bytes(raw)
        result = load_catalog(root)
        assert isinstance(result.issues, tuple)


@SETTINGS
@given(vocabulary=st.dictionaries(nasty_text | st.just("skill"), values, max_size=3))
def test_arbitrary_vocabulary_shapes(vocabulary: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = ContentFactory(Path(tmp) / "c").write()
        payload = _dump(vocabulary)
        if payload is None:
            return
        (root / "skills.toml").write_bytes(payload)
        load_catalog(root)


def test_date_values_are_reported_as_dates(content: ContentFactory) -> None:
    content.roles["redacteur-web"]["title"] = date(2024, 1, 1)
    result = load_catalog(content.write())
    assert any("une date" in i.message for i in result.issues)


# Lists of texts: the one-pass check of plain lists must agree with the item-by-item checks.
list_items = st.one_of(
    st.text(alphabet=st.sampled_from(list("ab é  \t\n\x1b\u202e·")), max_size=6),
    st.integers(0, 3),
    st.sampled_from(["Bac+2", "Bac+5", "agence", " agence", "agence  web"]),
)


@given(st.lists(list_items, max_size=6), st.booleans())
@SETTINGS
def test_plain_lists_pass_as_they_would_item_by_item(values: list[Any], lines: bool) -> None:
    from explorer.model import loader

    check = loader._lines if lines else loader._texts
    quick_issues: list[loader.ContentIssue] = []
    quick = check(list(values), "aliases", loader._FileReport("f.toml", quick_issues))
    slow_issues: list[loader.ContentIssue] = []
    original = loader._plain
    loader._plain = lambda values, *, lines: False  # type: ignore[assignment]
    try:
        slow = check(list(values), "aliases", loader._FileReport("f.toml", slow_issues))
    finally:
        loader._plain = original
    assert quick == slow
    assert quick_issues == slow_issues


def nested(kind: str, depth: int) -> str:
    if kind == "array":
        return "x = " + "[" * depth + "]" * depth + "\n"
    if kind == "inline table":
        return "x = " + "{ a = " * depth + "1" + " }" * depth + "\n"
    return "[" + ".".join(["a"] * depth) + "]\nx = 1\n"  # a table header with a dotted key


@SETTINGS
@given(
    kind=st.sampled_from(["array", "inline table", "table header"]),
    depth=st.integers(1, 3000),
    name=st.sampled_from(["families", "skills", "glossary", "roles/x"]),
)
def test_any_nesting_depth_in_any_file_is_a_problem_naming_it(
    kind: str, depth: int, name: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = ContentFactory(Path(tmp) / "c").write()
        target = root / f"{name}.toml"
        target.write_text(nested(kind, depth), encoding="utf-8")
        result = load_catalog(root)  # never raises
        assert any(issue.path == str(target) for issue in result.issues)
