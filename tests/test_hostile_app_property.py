"""Random role files: the loader returns problems instead of raising, and the app still starts.

Each example starts from a valid role and overwrites or adds random keys with random values
(strings full of brackets and control characters, numbers, dates, lists, tables), under a
random file name; the app then mounts the explorer screen with whatever loaded.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.app import ExplorerApp
from explorer.model import Catalog, load_catalog
from explorer.model.loader import ROLE_FIELDS
from explorer.model.shortlist import Shortlist
from explorer.screens.main import MainScreen
from tests.content_factory import ROLES, ContentFactory
from tests.screen import screen_lines

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
nasty_text = st.text(
    alphabet=st.sampled_from(list("ab [](){}/@=:\\\"'\x1b\x00\x07\x7f\x9b\n\té́🙂\u202eمש"))
    | st.characters(),
    max_size=25,
)
scalars = st.one_of(nasty_text, nasty_text, st.booleans(), st.integers(), st.floats(), st.dates())
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(nasty_text, inner, max_size=3),
    max_leaves=8,
)
keys = st.sampled_from(sorted(ROLE_FIELDS)) | nasty_text
overrides = st.dictionaries(keys, values, max_size=5)
file_names = st.text(alphabet=st.sampled_from(list("ab-_.[]é 🙂")), min_size=1, max_size=12)
role_files = st.dictionaries(file_names, overrides, min_size=1, max_size=3)


def toml_bytes(table: dict[str, Any]) -> bytes | None:
    try:
        return tomli_w.dumps(table).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError):
        return None  # NaN, surrogates... tomli_w refuses them; raw bytes are tested elsewhere


async def start_app(catalog: Catalog, tmp: Path) -> None:
    app = ExplorerApp(catalog, shortlist=Shortlist.open(tmp / "shortlist.toml"))
    app.animation_level = "none"  # scrolls jump at once: keys are checked, not motion
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        roles = len(catalog.roles)
        assert f"{roles} métier" in app.sub_title
        text = "".join(screen_lines(app))
        assert not CONTROL.search(text), repr(CONTROL.findall(text))
        shown = app.screen.current_role
        await pilot.press("down", "f")
        assert app.is_running
        if shown is not None:  # the first role was on screen, then a key moved on from it
            assert shown.title[:10] in text


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(files=role_files)
def test_random_role_files_give_problems_and_the_app_starts(
    files: dict[str, dict[str, Any]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        root = ContentFactory(tmp / "content").write()
        written: set[str] = set()
        for name, changes in files.items():
            payload = toml_bytes({**ROLES["redacteur-web"], "related": [], **changes})
            if payload is not None and name not in {"..", "."}:
                (root / "roles" / f"{name}.toml").write_bytes(payload)
                written.add(name)
        result = load_catalog(root)
        assert set(ROLES) <= set(result.catalog.roles)
        for name in written - set(result.catalog.roles):
            assert any(issue.path.endswith(f"{name}.toml") for issue in result.issues), name
        asyncio.run(start_app(result.catalog, tmp))
