"""The user's own files (model/storage.py, through the shortlist): nothing the user wrote is lost.

A file that is not ours is moved aside byte-identical; what cannot be moved aside (a FIFO, a
device, a folder, a loop of links) is left untouched and named in one line; unknown keys are
written back; links are followed, not replaced; a held lock makes a change wait a bounded time.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import app as app_module
from explorer.app import ExplorerApp
from explorer.cli import main
from explorer.locations import bundled_content, shortlist_path
from explorer.model import load_catalog, storage
from explorer.model.files import parse_toml
from explorer.model.shortlist import Shortlist, ShortlistEntry
from explorer.model.storage import FileKind, StorageError, UserFile
from tests.content_factory import ContentFactory
from tests.hang_guard import within
from tests.shortlist_files import aside_files, on_disk, roles

DAY = date(2025, 3, 12)
LOCKED = "sélection verrouillée par un autre processus…"
GOOD = b'version = 1\n\n[[entry]]\nrole = "referenceur-seo"\nadded = 2025-01-01\n'


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "shortlist.toml"


@contextlib.contextmanager
def lock_held_elsewhere(path: Path) -> Iterator[Callable[[], None]]:
    """The shortlist's lock, held as another process would (its own open file); yields a
    function that lets it go early."""
    lock = path.with_name(path.name + ".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    released = False

    def release() -> None:
        nonlocal released
        if not released:
            released = True
            os.close(fd)

    try:
        yield release
    finally:
        release()


# --- a readable TOML file that is not a shortlist ------------------------------------------------

NOT_A_SHORTLIST = {
    "another tool's list": (b'[[entries]]\nrole = "webmaster"\nnote = "le mien"\n', "version"),
    "a settings file": (b'owner = "Camille"\ntheme = "sombre"\n', "version"),
    "version as text": (b'version = "1"\n[[entry]]\nrole = "a"\nadded = 2025-01-01\n', "version"),
    "version true": (b'version = true\n[[entry]]\nrole = "a"\nadded = 2025-01-01\n', "version"),
    "entry as one table": (b'version = 1\n[entry]\nrole = "a"\nadded = 2025-01-01\n', "entry"),
}


@pytest.mark.parametrize("case", list(NOT_A_SHORTLIST))
def test_a_toml_file_that_is_not_a_shortlist_is_moved_aside_byte_identical(
    path: Path, case: str
) -> None:
    raw, reason = NOT_A_SHORTLIST[case]
    path.parent.mkdir()
    path.write_bytes(raw)
    shortlist = Shortlist.open(path)
    assert roles(shortlist) == []
    [aside] = aside_files(path)
    assert aside.read_bytes() == raw
    [warning] = shortlist.take_warnings()
    assert str(aside) in warning and reason in warning and "\n" not in warning
    shortlist.add("referenceur-seo", added=DAY)
    assert on_disk(path) == ["referenceur-seo"]
    assert aside.read_bytes() == raw


def test_shortlist_add_on_another_tools_file_keeps_it_aside(
    content: ContentFactory, isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = NOT_A_SHORTLIST["another tool's list"][0]
    path = isolated_user_dirs / "shortlist.toml"
    path.parent.mkdir(parents=True)
    path.write_bytes(raw)
    assert main(["--content", str(content.write()), "shortlist", "add", "referenceur-seo"]) == 0
    _, err = capsys.readouterr()
    [aside] = aside_files(path)
    assert aside.read_bytes() == raw
    assert "mis de côté" in err and str(aside) in err
    assert on_disk(path) == ["referenceur-seo"]


# --- unknown keys ---------------------------------------------------------------------------------

WITH_UNKNOWN_KEYS = b"""version = 1
owner = "Camille"
synced = 2025-03-01T10:00:00

[[entry]]
role = "a"
added = 2025-01-01
note = "ma note"
priority = 3
tags = ["salon", "2025"]

[entry.meta]
source = "salon de l'emploi"

[[entry]]
role = "b"
added = 2025-01-02

[settings]
theme = "sombre"
"""


def test_unknown_keys_survive_every_change(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(WITH_UNKNOWN_KEYS)
    before = tomllib.loads(WITH_UNKNOWN_KEYS.decode())
    shortlist = Shortlist.open(path)
    shortlist.add("c", added=DAY)
    shortlist.set_note("a", "autre note")
    shortlist.move("b", -1)
    removed = shortlist.remove("a")
    assert removed is not None
    shortlist.restore(removed, 1)
    after = tomllib.loads(path.read_text("utf-8"))
    assert {k: after[k] for k in ("owner", "synced", "settings")} == {
        k: before[k] for k in ("owner", "synced", "settings")
    }
    assert [e["role"] for e in after["entry"]] == ["b", "a", "c"]
    kept = after["entry"][1]
    assert kept["priority"] == 3 and kept["tags"] == ["salon", "2025"]
    assert kept["meta"] == {"source": "salon de l'emploi"} and kept["note"] == "autre note"
    assert shortlist.warnings == [] and aside_files(path) == []


def test_shortlist_add_keeps_an_owner_key(
    content: ContentFactory, isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = isolated_user_dirs / "shortlist.toml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b'version = 1\nowner = "Camille"\n' + GOOD.removeprefix(b"version = 1\n"))
    assert main(["--content", str(content.write()), "shortlist", "add", "redacteur-web"]) == 0
    document = tomllib.loads(path.read_text("utf-8"))
    assert document["owner"] == "Camille"
    assert [e["role"] for e in document["entry"]] == ["referenceur-seo", "redacteur-web"]


# --- symbolic links -------------------------------------------------------------------------------


def test_a_linked_shortlist_stays_a_link_and_its_target_is_updated(
    path: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "synced" / "ma-selection.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(GOOD)
    path.parent.mkdir()
    path.symlink_to(elsewhere)
    shortlist = Shortlist.open(path)
    shortlist.add("redacteur-web", added=DAY)
    assert path.is_symlink() and path.readlink() == elsewhere
    assert on_disk(elsewhere) == ["referenceur-seo", "redacteur-web"]
    leftovers = [p.name for folder in (path.parent, elsewhere.parent) for p in folder.iterdir()]
    # The lock sits by the file really written, whatever path leads to it.
    assert sorted(leftovers) == ["ma-selection.toml", "ma-selection.toml.lock", "shortlist.toml"]
    assert shortlist.warnings == []


def test_a_link_to_a_missing_file_creates_the_target(path: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "synced" / "ma-selection.toml"
    elsewhere.parent.mkdir()
    path.parent.mkdir()
    path.symlink_to(elsewhere)
    Shortlist.open(path).add("a", added=DAY)
    assert path.is_symlink() and on_disk(elsewhere) == ["a"]


def test_a_damaged_linked_file_is_moved_aside_next_to_its_target(
    path: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "synced" / "ma-selection.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"= abime")
    path.parent.mkdir()
    path.symlink_to(elsewhere)
    shortlist = Shortlist.open(path)
    [aside] = aside_files(elsewhere)
    assert aside.read_bytes() == b"= abime"
    shortlist.add("a", added=DAY)
    assert path.is_symlink() and on_disk(elsewhere) == ["a"]


# --- special files: never read, never moved, never replaced ---------------------------------------


def fifo(path: Path) -> None:
    os.mkfifo(path)


def link_to(device: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.symlink_to(device)

    return make


def folder(path: Path) -> None:
    path.mkdir()
    (path / "precieux.txt").write_text("à garder", encoding="utf-8")


def loop(path: Path) -> None:
    path.symlink_to(path)


def loop_of_two(path: Path) -> None:
    other = path.with_name("autre.toml")
    path.symlink_to(other)
    other.symlink_to(path)


SPECIAL = {
    "FIFO": fifo,
    "link to /dev/zero": link_to("/dev/zero"),
    "link to /dev/urandom": link_to("/dev/urandom"),
    "link to /dev/null": link_to("/dev/null"),
    "folder": folder,
    "link to itself": loop,
    "two links to each other": loop_of_two,
}


def snapshot(path: Path) -> tuple[Any, ...]:
    """What must not change: the kind of file, where a link points, a folder's content."""
    info = os.lstat(path)
    link = os.readlink(path) if path.is_symlink() else None
    listing = sorted(p.name for p in path.iterdir()) if stat.S_ISDIR(info.st_mode) else None
    return (stat.S_IFMT(info.st_mode), info.st_ino, link, listing)


OPERATIONS: dict[str, Callable[[Shortlist], object]] = {
    "add": lambda s: s.add("referenceur-seo", added=DAY),
    "remove": lambda s: s.remove("referenceur-seo"),
    "note": lambda s: s.set_note("referenceur-seo", "x"),
    "reload": lambda s: s.reload(),
}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(SPECIAL)),
    operations=st.lists(st.sampled_from(sorted(OPERATIONS)), min_size=1, max_size=4),
)
def test_a_special_file_in_place_of_the_shortlist_is_left_alone_in_one_line(
    kind: str, operations: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        path = Path(folder_name) / "shortlist.toml"
        SPECIAL[kind](path)
        before = snapshot(path)
        with within(5):
            shortlist = Shortlist.open(path, lock_timeout=1)
            for operation in operations:
                OPERATIONS[operation](shortlist)
        assert snapshot(path) == before
        assert not shortlist.persistent
        [warning] = shortlist.take_warnings()  # said once, in one line, naming the file
        assert "\n" not in warning and str(path) in warning
        assert "gardée en mémoire" in warning
        assert [p.name for p in path.parent.iterdir() if ".corrupt-" in p.name] == []


def test_a_fifo_shortlist_on_the_command_line_is_one_error_line(
    content: ContentFactory, isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = isolated_user_dirs / "shortlist.toml"
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    root = str(content.write())
    with within(5):
        assert main(["--content", root, "shortlist", "list"]) == 0
        _, err = capsys.readouterr()
        assert err.count("\n") == 1 and "ordinaire" in err and str(path) in err
        assert main(["--content", root, "shortlist", "add", "referenceur-seo"]) == 1
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "rien n'a été modifié" in err
    assert stat.S_ISFIFO(os.lstat(path).st_mode)


def test_a_file_over_the_size_limit_is_left_as_it_is(tmp_path: Path) -> None:
    kind = FileKind(
        version=1,
        subject="le profil",
        file_label="Le fichier de profil",
        fresh_start="Le profil repart de zéro.",
        locked="profil verrouillé par un autre processus…",
        limit=100,
    )
    path = tmp_path / "profile.toml"
    raw = b"version = 1\n" + b"# commentaire\n" * 20
    path.write_bytes(raw)
    profile: UserFile[dict[str, Any]] = UserFile(path, kind, lambda document: document, empty={})
    with pytest.raises(StorageError, match="trop volumineux") as problem:
        profile.load()
    assert str(path) in str(problem.value) and path.read_bytes() == raw
    with pytest.raises(StorageError, match="taille maximale"):
        profile.save(b"version = 1\n" + b"x = 1\n" * 50, {})
    assert path.read_bytes() == raw


# --- nesting --------------------------------------------------------------------------------------


def nested(depth: int, container: str) -> str:
    if container == "array":
        return "[" * depth + "1" + "]" * depth
    return "{ a = " * depth + "1" + " }" * depth


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    depth=st.one_of(st.integers(1, 40), st.integers(40, 1200), st.sampled_from([500, 1000])),
    container=st.sampled_from(["array", "table"]),
    where=st.sampled_from(["top", "entry"]),
)
def test_any_nesting_depth_is_kept_or_moved_aside_never_a_crash(
    depth: int, container: str, where: str
) -> None:
    value = f"deep = {nested(depth, container)}\n"
    entry = '[[entry]]\nrole = "a"\nadded = 2025-01-01\n'
    text = f"version = 1\n{value}{entry}" if where == "top" else f"version = 1\n{entry}{value}"
    raw = text.encode()
    with tempfile.TemporaryDirectory() as folder_name:
        path = Path(folder_name) / "shortlist.toml"
        path.write_bytes(raw)
        shortlist = Shortlist.open(path)
        shortlist.add("b", added=DAY)
        asides = aside_files(path)
        document = tomllib.loads(path.read_text("utf-8"))
        if asides:  # refused: kept byte-identical, said in one line
            assert [p.read_bytes() for p in asides] == [raw]
            [warning] = shortlist.warnings
            assert "imbriqu" in warning and "\n" not in warning
            assert [e["role"] for e in document["entry"]] == ["b"]
        else:  # accepted: written back as it was
            assert shortlist.warnings == []
            original = tomllib.loads(text)
            holder = document if where == "top" else document["entry"][0]
            expected = original if where == "top" else original["entry"][0]
            assert holder["deep"] == expected["deep"]
        assert depth > 20 or not asides  # what the app writes and shallow values always load
        assert depth < 500 or asides  # the 500 levels: always moved aside


# --- locks ----------------------------------------------------------------------------------------


def test_a_change_waits_for_a_held_lock_then_fails_clearly(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(GOOD)
    told: list[str] = []
    shortlist = Shortlist.open(path, lock_timeout=0.2, notice_after=0.05, on_wait=told.append)
    with lock_held_elsewhere(path), within(5):
        shortlist.add("redacteur-web", added=DAY)
    assert told == [LOCKED]
    assert not shortlist.persistent and path.read_bytes() == GOOD
    problem = shortlist.storage_problem or ""
    assert "verrouillée par un autre processus" in problem and f"{path}.lock" in problem
    assert roles(shortlist) == ["referenceur-seo", "redacteur-web"]  # kept for the session


def test_a_change_goes_through_once_the_lock_is_released(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(GOOD)
    with lock_held_elsewhere(path) as release:
        told: list[str] = []

        def waiting(message: str) -> None:
            told.append(message)
            release()  # the other process finishes while this one waits

        shortlist = Shortlist.open(path, notice_after=0.0, on_wait=waiting)
        with within(5):
            shortlist.add("redacteur-web", added=DAY)
    assert told == [LOCKED] and shortlist.persistent
    assert on_disk(path) == ["referenceur-seo", "redacteur-web"]


def test_the_waiting_notice_goes_to_stderr_by_default(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with lock_held_elsewhere(path), within(5):
        Shortlist.open(path, lock_timeout=0.1, notice_after=0.0).add("a", added=DAY)
    assert capsys.readouterr().err == f"attention : {LOCKED}\n"


def test_reading_does_not_wait_for_a_held_lock(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(GOOD)
    with lock_held_elsewhere(path), within(5):
        shortlist = Shortlist.open(path)
    assert roles(shortlist) == ["referenceur-seo"] and shortlist.warnings == []


def test_a_folder_in_place_of_the_lock_file_is_named(path: Path) -> None:
    lock = path.with_name("shortlist.toml.lock")
    lock.mkdir(parents=True)
    shortlist = Shortlist.open(path)
    shortlist.add("a", added=DAY)
    problem = shortlist.storage_problem or ""
    assert f"« {lock} » est un dossier" in problem
    assert lock.is_dir() and not path.exists()


# --- moving aside and writing ---------------------------------------------------------------------


def test_moving_aside_never_replaces_an_older_copy(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Frozen(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Frozen:
            return cls(2025, 3, 12, 10, 11, 12)

    monkeypatch.setattr(storage, "datetime", Frozen)
    path.parent.mkdir()
    older = path.with_name("shortlist.toml.corrupt-20250312-101112")
    older.write_bytes(b"copie plus ancienne")
    path.write_bytes(b"= abime")
    shortlist = Shortlist.open(path)
    assert older.read_bytes() == b"copie plus ancienne"
    assert path.with_name(older.name + "-2").read_bytes() == b"= abime"
    assert str(path.with_name(older.name + "-2")) in shortlist.warnings[0]


def test_a_save_keeps_the_files_permissions(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(GOOD)
    path.chmod(0o644)
    Shortlist.open(path).add("a", added=DAY)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644 and on_disk(path)[-1] == "a"


def test_an_unchanged_file_is_not_parsed_again(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shortlist = Shortlist.open(path)
    shortlist.add("a", added=DAY)
    parsed: list[bytes] = []

    def counted(raw: bytes) -> dict[str, Any]:
        parsed.append(raw)
        return parse_toml(raw)

    monkeypatch.setattr(storage, "parse_toml", counted)
    shortlist.add("b", added=DAY)
    shortlist.set_note("a", "x")
    shortlist.reload()
    assert parsed == []  # what this process wrote last is what it knows
    Shortlist.open(path).add("c", added=DAY)  # another instance writes: read for real
    parsed.clear()
    shortlist.add("d", added=DAY)
    assert len(parsed) == 1 and on_disk(path) == ["a", "b", "c", "d"]
    assert Shortlist.open(path).get("a") == ShortlistEntry("a", DAY, "x")


def test_a_file_that_is_not_ours_stays_in_place_when_the_lock_cannot_be_taken(path: Path) -> None:
    raw = NOT_A_SHORTLIST["another tool's list"][0]
    path.with_name("shortlist.toml.lock").mkdir(parents=True)
    path.write_bytes(raw)
    shortlist = Shortlist.open(path)
    assert path.read_bytes() == raw and aside_files(path) == []
    [warning] = shortlist.take_warnings()
    assert f"« {path} » est illisible" in warning and "shortlist.toml.lock" in warning


async def test_the_app_says_a_held_lock_and_keeps_the_change(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "SHORTLIST_LOCK_TIMEOUT", 0.3)
    monkeypatch.setattr(app_module, "SHORTLIST_LOCK_NOTICE", 0.05)
    catalog = load_catalog(bundled_content()).catalog
    app = ExplorerApp(catalog)  # the default shortlist: the app's own lock options
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        with lock_held_elsewhere(shortlist_path()), within(10):
            await pilot.press("f")
            await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert LOCKED in messages  # said in the app, not on stderr under the screen
        assert len(app.shortlist) == 1  # kept in memory
        assert any("verrouillée" in m and m != LOCKED for m in messages)
