"""The content cache: used when nothing changed, rebuilt when anything did, never trusted blindly."""

from __future__ import annotations

import copy
import marshal
import os
import threading
import time
import zlib
from collections.abc import Iterable
from pathlib import Path

import pytest

import explorer
from explorer.cli import main
from explorer.model import Role, cache, cache_codec, load_catalog, nearest, search
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
    elif damage == "flipped byte":  # in the head, read at every start
        head_at, head_size = parts_of(root, path)["head"]
        flip(path, head_at + head_size // 2)
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


def parts_of(root: Path, path: Path) -> dict[str, tuple[int, int]]:
    """Where each part of a cache file is: (offset, size) of the chunks, the head, the index."""
    files = cache.content_files(root)
    assert files is not None
    found = cache._read(path, cache._digest(files))
    assert found is not None
    head, roles_at, index_at, index_size, _checksum = found
    head_at = index_at - len(head)
    return {
        "chunks": (roles_at, head_at - roles_at),
        "head": (head_at, len(head)),
        "index": (index_at, index_size),
    }


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("part", ["first chunk", "second chunk"])
def test_a_part_damaged_after_the_start_is_read_from_toml_and_the_file_dropped(
    root: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, part: str
) -> None:
    # A start reads the head; a chunk of roles is read when one of its roles is first shown.
    # Found damaged then, it is not used: the roles come from the TOML files, and the next
    # start rebuilds the cache.
    monkeypatch.setattr(cache_codec, "FIRST_CHUNK", 1)  # 3 roles: two chunks
    cache.load(root, cache_dir)
    path = the_file(cache_dir)
    parts = parts_of(root, path)
    chunks_at, chunks_size = parts["chunks"]
    offset = {"first chunk": chunks_at + 3, "second chunk": chunks_at + chunks_size - 3}[part]
    flip(path, offset)
    loaded = cache.load(root, cache_dir)
    assert loaded.from_cache  # the head is sound
    assert path.exists()
    expected = load_catalog(root)
    assert same(loaded.result, expected)
    assert not path.exists()
    assert not cache.load(root, cache_dir).from_cache  # rebuilt, and written again
    assert cache.load(root, cache_dir).from_cache


def forge(
    path: Path, key: bytes, head: object, chunks: tuple[bytes, ...] = (), index: bytes = b""
) -> None:
    """A file with a perfect header around parts of the attacker's choosing."""
    roles = b"".join(chunks)
    head_bytes = marshal.dumps(head)
    sizes = (len(roles), len(head_bytes), zlib.crc32(head_bytes), len(index), zlib.crc32(index))
    header = marshal.dumps((cache.FORMAT, key, *sizes))
    trailer = header + len(header).to_bytes(4, "little")
    path.write_bytes(cache.MAGIC + roles + head_bytes + index + trailer)


def key_of(root: Path) -> bytes:
    files = cache.content_files(root)
    assert files is not None
    return cache._digest(files)


@pytest.mark.parametrize(
    "head",
    [
        None,
        (1, 2),
        ((), (), (), (), ({"id": "x"},), ((0, 0),)),  # a role with missing fields
        ((), (), (), (), (), ((0, 0),)),  # a chunk for no role
    ],
)
def test_a_well_formed_file_with_wrong_contents_is_not_trusted(
    root: Path, cache_dir: Path, head: object
) -> None:
    cache.load(root, cache_dir)
    path = the_file(cache_dir)
    forge(path, key_of(root), head)
    again = cache.load(root, cache_dir)
    assert not again.from_cache
    assert same(again.result, load_catalog(root))


def test_a_chunk_with_wrong_contents_is_read_from_toml(root: Path, cache_dir: Path) -> None:
    loaded = load_catalog(root)
    chunk = marshal.dumps(({"id": "x"},) * len(loaded.catalog.roles))  # records without fields
    head = cache_codec.head(loaded, [(len(chunk), zlib.crc32(chunk))])
    cache.load(root, cache_dir)
    path = the_file(cache_dir)
    forge(path, key_of(root), marshal.loads(head), (chunk,))
    again = cache.load(root, cache_dir)
    assert again.from_cache
    assert same(again.result, loaded)
    assert not path.exists()


def test_a_search_index_that_does_not_fit_is_rebuilt(root: Path, cache_dir: Path) -> None:
    loaded = load_catalog(root)
    expected = [hit.role.id for hit in search(loaded.catalog, "seo")]
    cache.load(root, cache_dir)
    path = the_file(cache_dir)
    chunks = tuple(cache_codec.role_chunks(loaded.catalog))
    head = cache_codec.head(loaded, [(len(c), zlib.crc32(c)) for c in chunks])
    for index in [b"garbage", marshal.dumps((1, 2, 3))]:
        forge(path, key_of(root), marshal.loads(head), chunks, index)
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


# --- roles decoded on first use ----------------------------------------------------------------


def undecoded(roles: Iterable[Role]) -> list[str]:
    return [role.__dict__["id"] for role in roles if cache_codec.LAZY in role.__dict__]


def test_a_cached_role_is_decoded_when_first_read_beyond_what_the_tree_shows(
    root: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_codec, "FIRST_CHUNK", 1)  # 3 roles: two chunks
    cache.load(root, cache_dir)
    catalog = cache.load(root, cache_dir).result.catalog
    first, *others = catalog.roles.values()
    ids = [role.id for role in others]
    assert undecoded(catalog.roles.values()) == [first.id, *ids]
    # What the tree and the first fiche's nearest roles read is there without decoding.
    titles = [role.display_title for role in catalog.roles.values()]
    assert [c.b.id for c in nearest(catalog, first)] and undecoded(others) == ids
    assert first.missions  # its chunk only
    assert undecoded(catalog.roles.values()) == ids
    copied = copy.copy(others[0])  # a copy made before its chunk was read reads it too
    expected = load_catalog(root).catalog
    assert copied.missions == expected.roles[copied.id].missions
    assert undecoded(catalog.roles.values()) == []
    assert titles == [role.display_title for role in expected.roles.values()]
    with pytest.raises(AttributeError):
        _ = first.no_such_field  # type: ignore[attr-defined]


async def test_the_first_frame_decodes_only_the_roles_it_shows(
    root: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from explorer.app import ExplorerApp

    monkeypatch.setattr(cache_codec, "FIRST_CHUNK", 1)
    cache.load(root, cache_dir)
    catalog = cache.load(root, cache_dir).result.catalog
    first, *others = catalog.roles.values()
    at_first_frame: list[list[str]] = []
    app = ExplorerApp(
        catalog, after_first_frame=lambda: at_first_frame.append(undecoded(catalog.roles.values()))
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert at_first_frame == [[role.id for role in others]]
        assert first.display_title in screen_text(app)
        assert undecoded(catalog.roles.values()) == []  # then all, on a thread


def test_roles_read_while_a_thread_decodes_them_are_whole(
    root: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app decodes the roles on a thread after its first frame; a key press may read one
    # meanwhile. Each chunk is decoded once, and either reader gets the whole role.
    monkeypatch.setattr(cache_codec, "FIRST_CHUNK", 1)
    decoded: list[int] = []
    fill = cache_codec.RoleChunk._fill

    def counted(chunk: cache_codec.RoleChunk) -> None:
        decoded.append(len(chunk.roles))
        time.sleep(0.001)  # a slower decode: the other reader comes while it runs
        fill(chunk)

    monkeypatch.setattr(cache_codec.RoleChunk, "_fill", counted)
    cache.load(root, cache_dir)
    expected = load_catalog(root).catalog
    for _ in range(20):
        decoded.clear()
        catalog = cache.load(root, cache_dir).result.catalog
        thread = threading.Thread(target=cache_codec.decode_all, args=(catalog,))
        thread.start()
        seen = [(role.id, role.missions, role.access) for role in reversed(catalog.roles.values())]
        thread.join()
        wanted = [(r.id, r.missions, r.access) for r in reversed(expected.roles.values())]
        assert seen == wanted
        assert undecoded(catalog.roles.values()) == []
        assert sorted(decoded) == [1, 2]  # each chunk once
