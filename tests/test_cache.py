"""The content cache: used when nothing changed, rebuilt when anything did, never trusted blindly."""

from __future__ import annotations

import os
import pickle
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

import explorer
from explorer.model import cache, load_catalog
from explorer.model.loader import LoadResult
from tests.content_factory import ContentFactory

AN_HOUR_AGO = time.time() - 3600


def settle(root: Path, when: float = AN_HOUR_AGO) -> None:
    """Date every content file in the past: files written just now are not cached."""
    for path in [*root.glob("*.toml"), *root.glob("roles/*.toml")]:
        os.utime(path, (when, when))


@pytest.fixture
def root(content: ContentFactory) -> Path:
    folder = content.write()
    settle(folder)
    return folder


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The content folders parsed from TOML by cache.load (a cache hit parses none)."""
    parsed: list[Path] = []
    real = load_catalog

    def counted(root: Path | str, **kwargs: object) -> LoadResult:
        parsed.append(Path(root))
        return real(root, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "load_catalog", counted)
    return parsed


def same(a: LoadResult, b: LoadResult) -> bool:
    """Equal, roles and terms in the same order too."""
    return (
        a == b
        and list(a.catalog.roles) == list(b.catalog.roles)
        and list(a.catalog.terms) == list(b.catalog.terms)
    )


def test_second_load_reads_the_cache_and_gives_the_same_result(
    root: Path, cache_dir: Path, parses: list[Path]
) -> None:
    first = cache.load(root, cache_dir)
    assert parses == [root]
    assert cache.cache_file(root, cache_dir).is_file()
    second = cache.load(root, cache_dir)
    assert parses == [root]  # not parsed again
    assert same(second, first) and same(second, load_catalog(root))
    assert second.catalog.root == root


def test_equal_values_are_kept_once_from_toml_and_from_the_cache(
    root: Path, cache_dir: Path, parses: list[Path]
) -> None:
    # A large catalogue repeats skill ids, levels and links from role to role: one copy each.
    for _ in range(2):  # parsed, then read from the cache
        catalog = cache.load(root, cache_dir).catalog
        seo, sea, web = (
            catalog.roles[r] for r in ("referenceur-seo", "referenceur-sea", "redacteur-web")
        )
        analyse = next(skill for skill in seo.skills if skill == "analyse")
        assert analyse is next(skill for skill in sea.skills if skill == "analyse")
        assert analyse is next(key for key in catalog.skills if key == "analyse")
        assert seo.access.levels[1] is sea.access.levels[0]  # "Bac+5"
        assert sea.related[0] == web.related[0] and sea.related[0] is web.related[0]
    assert parses == [root]


def edit_a_role(root: Path) -> None:
    path = root / "roles" / "redacteur-web.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Écrit les textes", "Rédige les textes"),
        encoding="utf-8",
    )


def touch_a_role(root: Path) -> None:
    os.utime(root / "roles" / "redacteur-web.toml", (AN_HOUR_AGO + 60, AN_HOUR_AGO + 60))


def remove_a_role(root: Path) -> None:
    (root / "roles" / "redacteur-web.toml").unlink()


def add_a_role(root: Path) -> None:
    text = (root / "roles" / "redacteur-web.toml").read_text(encoding="utf-8")
    (root / "roles" / "redacteur-print.toml").write_text(text, encoding="utf-8")


def add_sources(root: Path) -> None:
    (root / "sources.toml").write_text(
        '[[source]]\nid = "000.txt"\ntitle = "Article"\npublisher = "Revue"\ndate = "2023-05"\n',
        encoding="utf-8",
    )


def edit_the_glossary(root: Path) -> None:
    path = root / "glossary.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")


CHANGES: dict[str, Callable[[Path], None]] = {
    "a role edited": edit_a_role,
    "a role touched": touch_a_role,
    "a role removed": remove_a_role,
    "a role added": add_a_role,
    "sources.toml added": add_sources,
    "the glossary edited": edit_the_glossary,
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_changed_content_is_parsed_again_then_cached(
    root: Path, cache_dir: Path, parses: list[Path], change: str
) -> None:
    cache.load(root, cache_dir)
    CHANGES[change](root)
    settle(root, AN_HOUR_AGO + 120)
    again = cache.load(root, cache_dir)
    assert len(parses) == 2
    assert same(again, load_catalog(root))
    cache.load(root, cache_dir)
    assert len(parses) == 2  # the new content is cached in turn


def test_another_app_version_does_not_read_the_cache(
    root: Path, cache_dir: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.load(root, cache_dir)
    monkeypatch.setattr(explorer, "__version__", "99.0")
    cache.load(root, cache_dir)
    assert len(parses) == 2


def test_content_written_just_now_is_not_cached(
    content: ContentFactory, cache_dir: Path, parses: list[Path]
) -> None:
    root = content.write()  # modified a moment ago: it may change again within the clock tick
    cache.load(root, cache_dir)
    cache.load(root, cache_dir)
    assert len(parses) == 2
    assert not cache.cache_file(root, cache_dir).exists()


class Planted:
    """A class a planted cache file names: unpickling it would create the marker file."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (Path(self.marker),))


HEAD = len(cache.MAGIC) + 32  # the magic line and the key


def forged(data: bytes, body: bytes) -> bytes:
    """A cache file with today's key and a right CRC-32, but `body` for its pickle."""
    return data[:HEAD] + zlib.crc32(body).to_bytes(4, "big") + body


DAMAGES: dict[str, Callable[[bytes, Path], bytes]] = {
    "empty": lambda _data, _tmp: b"",
    "garbage": lambda _data, _tmp: b"\x00\xffnot a cache at all" * 10,
    "a TOML file": lambda _data, _tmp: b"[not a cache]\n",
    "truncated": lambda data, _tmp: data[: len(data) // 2],
    "a byte flipped in the pickle": lambda data, _tmp: (
        data[:-40] + bytes([data[-40] ^ 0x01]) + data[-39:]
    ),
    "another key": lambda data, _tmp: cache.MAGIC + bytes(32) + data[HEAD:],
    "a pickle of something else": lambda data, _tmp: forged(data, pickle.dumps({"a": 1})),
    "a planted pickle": lambda data, tmp: forged(data, pickle.dumps(Planted(str(tmp / "ran")))),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_or_foreign_cache_file_is_ignored_and_rebuilt(
    root: Path, cache_dir: Path, tmp_path: Path, parses: list[Path], damage: str
) -> None:
    cache.load(root, cache_dir)
    path = cache.cache_file(root, cache_dir)
    path.write_bytes(DAMAGES[damage](path.read_bytes(), tmp_path))
    again = cache.load(root, cache_dir)
    assert len(parses) == 2
    assert same(again, load_catalog(root))
    assert not (tmp_path / "ran").exists()  # nothing in the file was run
    cache.load(root, cache_dir)
    assert len(parses) == 2  # rebuilt, then read


def fifo(path: Path) -> None:
    os.mkfifo(path)


def dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def directory(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize("make", [fifo, dev_zero, directory], ids=lambda f: f.__name__)
def test_a_cache_file_that_is_not_a_regular_file_neither_hangs_nor_fails(
    root: Path, cache_dir: Path, parses: list[Path], make: Callable[[Path], None]
) -> None:
    path = cache.cache_file(root, cache_dir)
    cache_dir.mkdir()
    make(path)
    results: list[LoadResult] = []
    # On a thread: were the read to block (a FIFO) or never end (/dev/zero), the test fails
    # instead of hanging.
    worker = threading.Thread(target=lambda: results.append(cache.load(root, cache_dir)))
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "cache.load hangs"
    assert same(results[0], load_catalog(root))
    if make is not directory:  # the special file is replaced by a real cache
        assert path.is_file() and not path.is_symlink()
        cache.load(root, cache_dir)
        assert len(parses) == 1


def test_a_cache_that_cannot_be_written_is_skipped(root: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    loaded = cache.load(root, blocked / "cache")
    assert same(loaded, load_catalog(root))
    assert blocked.read_text(encoding="utf-8") == "not a folder"
    assert not list(tmp_path.glob(".catalogue-*"))


def test_no_temporary_file_is_left_behind(root: Path, cache_dir: Path) -> None:
    cache.load(root, cache_dir)
    assert [p.name for p in cache_dir.iterdir()] == [cache.cache_file(root, cache_dir).name]


def test_content_problems_and_warnings_are_cached_and_still_reported(
    content: ContentFactory, cache_dir: Path, parses: list[Path]
) -> None:
    content.roles["redacteur-web"]["levels"] = ["Bac+12"]
    content.roles["referenceur-sea"]["summary"] = "Achète le SEA."  # its term is linked: fine
    content.roles["referenceur-seo"]["summary"] = "Fait aussi du S.E.A."  # not linked: warns
    root = content.write()
    settle(root)
    first = cache.load(root, cache_dir)
    second = cache.load(root, cache_dir)
    assert len(parses) == 1
    assert second.issues == first.issues == load_catalog(root).issues
    assert {(i.warning, i.path.endswith("redacteur-web.toml")) for i in second.issues} == {
        (False, True),
        (True, False),
    }


def test_two_content_folders_have_their_own_cache(
    content: ContentFactory, tmp_path: Path, cache_dir: Path
) -> None:
    first = content.write()
    other = ContentFactory(tmp_path / "other")
    del other.roles["redacteur-web"]
    other.roles["referenceur-seo"]["related"] = [{"role": "referenceur-sea", "kind": "proche"}]
    second = other.write()
    settle(first)
    settle(second)
    for _ in range(2):
        assert len(cache.load(first, cache_dir).catalog.roles) == 3
        assert len(cache.load(second, cache_dir).catalog.roles) == 2


def test_the_user_cache_directory_by_default(root: Path, tmp_path: Path) -> None:
    # conftest points EXPLORER_CACHE_DIR at tmp_path / "user-cache".
    cache.load(root)
    assert cache.cache_file(root, tmp_path / "user-cache").is_file()


def progress_calls(root: Path, cache_dir: Path) -> list[tuple[int, int]]:
    calls: list[tuple[int, int]] = []
    cache.load(root, cache_dir, progress=lambda done, total: calls.append((done, total)))
    return calls


def test_progress_reaches_the_total_from_toml_and_from_the_cache(
    root: Path, cache_dir: Path, parses: list[Path]
) -> None:
    assert progress_calls(root, cache_dir)[-1] == (3, 3)  # parsed
    assert progress_calls(root, cache_dir) == [(3, 3)]  # read from the cache
    assert len(parses) == 1


def test_indexes_built_on_a_catalogue_are_not_written_to_the_cache(
    root: Path, cache_dir: Path
) -> None:
    catalog = cache.load(root, cache_dir).catalog
    assert catalog.search_index is not None and catalog.glossary_index is not None
    assert catalog.roles_of("acquisition") and catalog.skill_users.roles
    copy = pickle.loads(pickle.dumps(catalog))
    assert set(vars(copy)) == {"families", "roles", "skills", "terms", "root", "sources"}
    assert copy == catalog
    assert [r.id for r in copy.roles_of("acquisition")] == ["referenceur-sea", "referenceur-seo"]
