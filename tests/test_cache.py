"""The content cache: used when nothing changed, rebuilt when anything did, never trusted blindly."""

from __future__ import annotations

import marshal
import os
import threading
import time
import zlib
from pathlib import Path

import pytest

import explorer
from explorer.cli import main
from explorer.model import cache, load_catalog, search
from explorer.model.loader import LoadResult
from tests.content_factory import ContentFactory
from tests.screen import screen_text

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


def same(a: LoadResult, b: LoadResult) -> bool:
    return (
        a.catalog.families == b.catalog.families
        and list(a.catalog.roles.items()) == list(b.catalog.roles.items())
        and a.catalog.skills == b.catalog.skills
        and list(a.catalog.terms.items()) == list(b.catalog.terms.items())
        and a.catalog.root == b.catalog.root
        and a.issues == b.issues
    )


def test_second_load_reads_the_cache_and_gives_the_same_catalogue(
    root: Path, cache_dir: Path
) -> None:
    first = cache.load(root, cache_dir)
    assert not first.from_cache and first.saved
    second = cache.load(root, cache_dir)
    assert second.from_cache
    assert same(second.result, load_catalog(root))
    hits = [(h.role.id, h.score, h.matched) for h in search(second.result.catalog, "seo")]
    assert hits == [(h.role.id, h.score, h.matched) for h in search(first.result.catalog, "seo")]


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, (AN_HOUR_AGO + 60, AN_HOUR_AGO + 60))  # a new, but settled, time


@pytest.mark.parametrize(
    "change",
    ["same-size edit", "new role", "removed role", "skill label", "glossary"],
)
def test_any_change_to_any_file_rebuilds(root: Path, cache_dir: Path, change: str) -> None:
    cache.load(root, cache_dir)
    if change == "same-size edit":
        rewrite(root / "roles" / "redacteur-web.toml", "Rédacteur web", "Rédacteur Web")
    elif change == "new role":
        source = root / "roles" / "redacteur-web.toml"
        (root / "roles" / "redacteur-print.toml").write_bytes(source.read_bytes())
        settle(root)
    elif change == "removed role":
        (root / "roles" / "referenceur-sea.toml").unlink()
    elif change == "skill label":
        rewrite(root / "skills.toml", "Curiosité", "Curiosite")
    else:
        rewrite(root / "glossary.toml", "Outil de gestion", "Outil de pilotage")
    again = cache.load(root, cache_dir)
    assert not again.from_cache
    assert same(again.result, load_catalog(root))
    assert cache.load(root, cache_dir).from_cache


def test_content_written_a_moment_ago_is_not_cached(
    content: ContentFactory, tmp_path: Path
) -> None:
    # Its modification time could still stay the same through a quick second edit.
    root = content.write()
    assert not cache.load(root, tmp_path / "cache").saved
    assert not cache.load(root, tmp_path / "cache").from_cache


def the_file(cache_dir: Path) -> Path:
    (path,) = cache_dir.glob("catalogue-*.bin")
    return path


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "empty", "foreign", "text"])
def test_a_damaged_or_foreign_file_is_ignored_and_rewritten(
    root: Path, cache_dir: Path, damage: str
) -> None:
    cache.load(root, cache_dir)
    path = the_file(cache_dir)
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped byte":
        middle = len(data) * 3 // 4
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "foreign":
        path.write_bytes(os.urandom(len(data)))
    else:
        path.write_text("[not a cache]\n", encoding="utf-8")
    again = cache.load(root, cache_dir)
    assert not again.from_cache and again.saved
    assert same(again.result, load_catalog(root))
    assert cache.load(root, cache_dir).from_cache


def forge(path: Path, key: bytes, catalogue: object, index: bytes = b"") -> None:
    """A file with a perfect header around parts of the attacker's choosing."""
    body = marshal.dumps(catalogue)
    checksum = zlib.crc32(body + index)
    header = marshal.dumps((cache.FORMAT, key, len(body), len(index), checksum))
    trailer = header + len(header).to_bytes(4, "little")
    path.write_bytes(cache.MAGIC + body + index + trailer)


@pytest.mark.parametrize(
    "catalogue",
    [
        None,
        (1, 2),
        ((), ({"id": "x"},), (), (), ()),  # a role with missing fields
    ],
)
def test_a_well_formed_file_with_wrong_contents_is_not_trusted(
    root: Path, cache_dir: Path, catalogue: object
) -> None:
    cache.load(root, cache_dir)
    path = the_file(cache_dir)
    files = cache.content_files(root)
    assert files is not None
    forge(path, cache._digest(files), catalogue)
    again = cache.load(root, cache_dir)
    assert not again.from_cache
    assert same(again.result, load_catalog(root))


def test_a_search_index_that_does_not_fit_is_rebuilt(root: Path, cache_dir: Path) -> None:
    expected = [hit.role.id for hit in search(load_catalog(root).catalog, "seo")]
    cache.load(root, cache_dir)
    path = the_file(cache_dir)
    files = cache.content_files(root)
    assert files is not None
    values = cache._encode_result(load_catalog(root))
    for index in [b"garbage", marshal.dumps((1, 2, 3))]:
        forge(path, cache._digest(files), values, index)
        again = cache.load(root, cache_dir)
        assert again.from_cache  # the catalogue part is sound
        assert [hit.role.id for hit in search(again.result.catalog, "seo")] == expected


def test_another_app_version_does_not_read_the_file(
    root: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.load(root, cache_dir)
    monkeypatch.setattr(explorer, "__version__", "99.0")
    assert not cache.load(root, cache_dir).from_cache


def test_each_content_folder_has_its_own_file(
    content: ContentFactory, tmp_path: Path, cache_dir: Path
) -> None:
    first = content.write()
    other = ContentFactory(tmp_path / "other")
    del other.roles["redacteur-web"]
    other.roles["referenceur-seo"]["related"] = []
    second = other.write()
    settle(first)
    settle(second)
    cache.load(first, cache_dir)
    cache.load(second, cache_dir)
    assert len(list(cache_dir.glob("catalogue-*.bin"))) == 2
    assert len(cache.load(first, cache_dir).result.catalog.roles) == 3
    assert len(cache.load(second, cache_dir).result.catalog.roles) == 2


def test_a_cache_that_cannot_be_written_is_skipped(root: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    loaded = cache.load(root, blocked / "cache")
    assert not loaded.saved
    assert same(loaded.result, load_catalog(root))
    assert not cache.load(root, blocked / "cache").from_cache


def test_missing_files_are_left_to_the_loader(content: ContentFactory, cache_dir: Path) -> None:
    root = content.write()
    (root / "glossary.toml").unlink()
    settle(root)
    loaded = cache.load(root, cache_dir)
    assert not loaded.saved
    assert loaded.result.issues[0].message == "fichier glossary.toml manquant"
    assert loaded.result.issues == load_catalog(root).issues


def test_content_problems_are_cached_and_still_reported(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content.roles["redacteur-web"]["levels"] = ["Bac+12"]
    root = content.write()
    settle(root)
    outputs = []
    for _ in range(2):
        assert main(["list", "--content", str(root)]) == 0
        outputs.append(capsys.readouterr())
    # The second run read the cache that the first one wrote.
    assert cache.load(root, Path(os.environ["EXPLORER_CACHE_DIR"])).from_cache
    for captured in outputs:
        assert "attention :" in captured.err
        assert "valeur inconnue « Bac+12 »" in captured.err
        assert "redacteur-web" not in captured.out  # the broken role is left out, both times
    assert outputs[0] == outputs[1]


# --- the app's start: the index and the cache after the first frame -------------------------


def test_a_deferred_save_writes_nothing_until_it_runs(root: Path, cache_dir: Path) -> None:
    loaded = cache.load(root, cache_dir, defer_save=True)
    assert not loaded.from_cache and not loaded.saved
    assert loaded.pending is not None
    assert not cache_dir.exists()
    assert loaded.pending.run()
    written = the_file(cache_dir).stat().st_mtime_ns
    assert loaded.pending.run()  # once only: the second call writes nothing
    assert the_file(cache_dir).stat().st_mtime_ns == written
    again = cache.load(root, cache_dir, defer_save=True)
    assert again.from_cache and again.pending is None
    assert same(again.result, load_catalog(root))


async def test_the_app_writes_the_cache_once_its_screen_is_drawn(
    root: Path, cache_dir: Path
) -> None:
    from explorer.app import ExplorerApp

    loaded = cache.load(root, cache_dir, defer_save=True)
    assert loaded.pending is not None
    app = ExplorerApp(loaded.result.catalog, after_first_frame=loaded.pending.run)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert loaded.pending.saved
        await pilot.press("slash", *"seo")
        await pilot.pause()
        assert "Référenceur SEO" in screen_text(app)
    assert cache.load(root, cache_dir).from_cache


def test_an_index_read_from_the_cache_can_be_prepared_from_two_threads(
    root: Path, cache_dir: Path
) -> None:
    cache.load(root, cache_dir)
    catalog = cache.load(root, cache_dir).result.catalog
    index = catalog.search_index
    assert not index.ready
    found: list[list[str]] = []

    def look() -> None:
        found.append([hit.role.id for hit in search(catalog, "web")])

    threads = [threading.Thread(target=look) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = [hit.role.id for hit in search(load_catalog(root).catalog, "web")]
    assert expected and found == [expected] * 4


def test_the_key_covers_every_module_that_shapes_the_cached_catalogue() -> None:
    # Source files are keyed by path and a missing one is skipped without a word: a renamed
    # module would drop out of the key, and a changed reader would be served the catalogue
    # its old version read. Each listed module must be there, the TOML reader included
    # (imported only when TOML is read, after the key is made).
    names = [name for name, _size, _mtime in cache._code_state()]
    assert names == list(cache._CODE)
    assert {"loader", "plain_toml", "catalog"} <= set(names)
