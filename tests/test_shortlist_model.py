"""The shortlist file: round trip, order, safe saves, merging, damaged files, Markdown export."""

from __future__ import annotations

import multiprocessing
import os
import stat
import tempfile
import tomllib
from datetime import date
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from explorer.model import Catalog, load_catalog
from explorer.model.export import free_path, shortlist_markdown, write_export
from explorer.model.shortlist import ABSENT_ROLE, Shortlist, ShortlistEntry, dump, parse
from explorer.model.typography import NBSP
from tests.content_factory import ContentFactory
from tests.shortlist_files import aside_files, on_disk, roles

DAY = date(2025, 3, 12)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "shortlist.toml"


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    return load_catalog(content.write()).catalog


# --- round trip and format ----------------------------------------------------------------------


def test_round_trip_keeps_roles_dates_and_notes(path: Path) -> None:
    shortlist = Shortlist.open(path)
    shortlist.add("referenceur-seo", "à creuser", added=DAY)
    shortlist.add("redacteur-web", added=date(2024, 1, 2))
    reopened = Shortlist.open(path)
    assert reopened.entries == (
        ShortlistEntry("referenceur-seo", DAY, "à creuser"),
        ShortlistEntry("redacteur-web", date(2024, 1, 2), ""),
    )
    assert reopened.warnings == []


def test_file_is_versioned_toml_with_one_entry_table_per_role(path: Path) -> None:
    shortlist = Shortlist.open(path)
    shortlist.add("referenceur-seo", "note", added=DAY)
    shortlist.add("redacteur-web", added=DAY)
    text = path.read_text("utf-8")
    assert text.startswith("version = 1\n")
    assert text.count("[[entry]]") == 2
    document = tomllib.loads(text)
    assert document["entry"][0] == {"role": "referenceur-seo", "added": DAY, "note": "note"}
    assert document["entry"][1] == {"role": "redacteur-web", "added": DAY}


def test_order_is_the_users_and_survives_moves(path: Path) -> None:
    shortlist = Shortlist.open(path)
    for role in ("c", "a", "d", "b"):
        shortlist.add(role, added=DAY)
    assert roles(Shortlist.open(path)) == ["c", "a", "d", "b"]
    assert shortlist.move("b", -2) == 1  # c b a d
    assert shortlist.move("c", 1) == 1  # b c a d
    assert shortlist.move("c", 10) == 3  # clamped at the end: b a d c
    assert shortlist.move("d", -10) == 0  # d b a c
    assert shortlist.move("absent", 1) is None
    assert roles(Shortlist.open(path)) == ["d", "b", "a", "c"]


@pytest.mark.parametrize(
    "note",
    [
        "Il a dit \"oui\" et 'peut-être'",
        "ligne 1\nligne 2\n\nligne 4",
        "Super 🚀🎉 métier, très « français »",
        "[b]pas du gras[/b] [@click=app.quit]x[/] Dev[Ops] [[entry]]",
        "antislash \\ et triple \"\"\" guillemets ''' et tab\tici",
        "fin de ligne windows\r\nsuite",
    ],
)
def test_notes_survive_exactly(path: Path, note: str) -> None:
    Shortlist.open(path).add("referenceur-seo", note, added=DAY)
    Shortlist.open(path).add("redacteur-web", added=DAY)  # a second save rewrites the file
    reopened = Shortlist.open(path)
    assert reopened.get("referenceur-seo") == ShortlistEntry("referenceur-seo", DAY, note)
    assert roles(reopened) == ["referenceur-seo", "redacteur-web"]


# Quotes, escapes, controls (C0, DEL, C1), tab, non-ASCII: what a basic string may or must escape.
_TRICKY = st.text(st.sampled_from('ab é«»🚀"\\\t\n\r\x00\x1b\x7f\x9b\u202e')) | st.text()


@given(role=_TRICKY.filter(lambda r: r.strip() == r != ""), note=_TRICKY)
def test_any_entry_is_written_as_tomli_w_writes_it_and_read_back(role: str, note: str) -> None:
    table: dict[str, object] = {"role": role, "added": DAY} | ({"note": note} if note else {})
    written = dump([ShortlistEntry(role, DAY, note)])
    assert written.decode("utf-8") == "version = 1\n\n[[entry]]\n" + tomli_w.dumps(table)
    assert parse(written) == [ShortlistEntry(role, DAY, note)]


def test_toggle_set_note_remove_and_restore(path: Path) -> None:
    shortlist = Shortlist.open(path)
    assert shortlist.toggle("a") is True
    shortlist.add("b", added=DAY)
    shortlist.add("c", added=DAY)
    assert shortlist.toggle("a") is False
    assert roles(shortlist) == ["b", "c"]
    shortlist.set_note("c", "ma note")
    removed = shortlist.remove("c")
    assert removed == ShortlistEntry("c", DAY, "ma note")
    assert shortlist.remove("c") is None
    shortlist.add("z", added=DAY)
    assert removed is not None
    shortlist.restore(removed, 1)
    assert roles(Shortlist.open(path)) == ["b", "c", "z"]
    assert Shortlist.open(path).get("c") == removed


def test_adding_twice_keeps_one_entry_and_its_note(path: Path) -> None:
    shortlist = Shortlist.open(path)
    assert shortlist.add("a", "première", added=DAY) is True
    assert shortlist.add("a", "seconde") is False
    assert Shortlist.open(path).entries == (ShortlistEntry("a", DAY, "première"),)


def test_missing_file_is_an_empty_shortlist_and_nothing_is_created(path: Path) -> None:
    shortlist = Shortlist.open(path)
    assert len(shortlist) == 0 and shortlist.warnings == [] and shortlist.persistent
    assert not path.parent.exists()


def test_empty_file_is_an_empty_shortlist_not_a_damaged_one(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(b"")
    assert len(Shortlist.open(path)) == 0
    assert aside_files(path) == [] and path.exists()


def test_hand_edited_file_with_a_repeated_role_keeps_the_first(path: Path) -> None:
    path.parent.mkdir()
    path.write_text(
        'version = 1\n[[entry]]\nrole = "a"\nadded = 2025-01-01\nnote = "1"\n'
        '[[entry]]\nrole = "a"\nadded = 2025-02-02\n',
        encoding="utf-8",
    )
    assert Shortlist.open(path).entries == (ShortlistEntry("a", date(2025, 1, 1), "1"),)


def test_roles_absent_from_the_catalogue_are_kept(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(dump([ShortlistEntry("metier-disparu", DAY, "gardé")]))
    shortlist = Shortlist.open(path)
    shortlist.add("referenceur-seo", added=DAY)
    shortlist.set_note("referenceur-seo", "x")
    assert on_disk(path) == ["metier-disparu", "referenceur-seo"]
    assert Shortlist.open(path).get("metier-disparu") == ShortlistEntry(
        "metier-disparu", DAY, "gardé"
    )


def test_in_memory_shortlist_without_path() -> None:
    shortlist = Shortlist()
    shortlist.add("a")
    assert "a" in shortlist and len(shortlist) == 1 and not shortlist.persistent


# --- atomic saves -------------------------------------------------------------------------------


def test_failure_between_write_and_replace_leaves_the_old_file_intact(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shortlist = Shortlist.open(path)
    shortlist.add("a", "avant", added=DAY)
    before = path.read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    shortlist.add("b", added=DAY)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.suffix == ".tmp"] == []
    # The change is not lost for this session, and the user is told it was not saved.
    assert roles(shortlist) == ["a", "b"]
    assert not shortlist.persistent
    assert len(shortlist.warnings) == 1 and "mémoire" in shortlist.warnings[0]


def test_interrupted_save_leaves_the_old_file_intact(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shortlist = Shortlist.open(path)
    shortlist.add("a", added=DAY)
    before = path.read_bytes()

    def killed(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        shortlist.add("b", added=DAY)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert roles(Shortlist.open(path)) == ["a"]


# --- two instances, many processes ------------------------------------------------------------


def test_two_instances_merge_their_changes(path: Path) -> None:
    first, second = Shortlist.open(path), Shortlist.open(path)
    first.add("a", added=DAY)
    second.add("b", added=DAY)  # second never saw "a": it must not drop it
    first.set_note("b", "note de la première")  # first never saw "b" either
    second.remove("a")
    first.add("c", added=DAY)
    assert Shortlist.open(path).entries == (
        ShortlistEntry("b", DAY, "note de la première"),
        ShortlistEntry("c", DAY, ""),
    )


def test_reload_catches_up_with_another_instance(path: Path) -> None:
    mine = Shortlist.open(path)
    Shortlist.open(path).add("from-elsewhere", added=DAY)
    assert roles(mine) == []
    mine.reload()
    assert roles(mine) == ["from-elsewhere"]


def _add_in_another_process(path: str, role: str, start: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    Shortlist.open(Path(path)).add(role)


def test_twenty_processes_adding_at_once_keep_twenty_entries(path: Path) -> None:
    path.parent.mkdir()
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(20)
    workers = [
        context.Process(target=_add_in_another_process, args=(str(path), f"role-{n}", start))
        for n in range(20)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0] * 20
    assert sorted(on_disk(path)) == sorted(f"role-{n}" for n in range(20))


# --- damaged files, unwritable folders ----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'version = 1\n[[entry]\nrole = "a"\n', "erreur de syntaxe TOML"),
        (b'version = 1\nentry = "pas une liste"\n', "entry"),
        (b"version = 1\n[[entry]]\nadded = 2025-01-01\n", "role"),
        (b'version = 1\n[[entry]]\nrole = "a"\nadded = "hier"\n', "added"),
        (b'version = 1\n[[entry]]\nrole = "a"\nadded = 2025-01-01\nnote = 3\n', "note"),
        (b'version = 99\n[[entry]]\nrole = "a"\nadded = 2025-01-01\n', "version"),
        (b'version = 1\n[[entry]]\nrole = "caf\xe9"\nadded = 2025-01-01\n', "UTF-8"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
    ],
)
def test_unreadable_file_is_moved_aside_with_its_bytes(path: Path, raw: bytes, reason: str) -> None:
    path.parent.mkdir()
    path.write_bytes(raw)
    shortlist = Shortlist.open(path)
    assert len(shortlist) == 0
    [aside] = aside_files(path)
    assert aside.read_bytes() == raw
    assert not path.exists()
    [warning] = shortlist.take_warnings()
    assert str(aside) in warning and reason in warning
    # Saving again starts a fresh file and leaves the damaged one alone.
    shortlist.add("referenceur-seo", added=DAY)
    assert on_disk(path) == ["referenceur-seo"]
    assert aside.read_bytes() == raw


def test_a_file_damaged_while_running_is_moved_aside_before_the_next_change(path: Path) -> None:
    shortlist = Shortlist.open(path)
    shortlist.add("a", added=DAY)
    path.write_bytes(b"n'importe quoi = = =")
    shortlist.add("b", added=DAY)
    [aside] = aside_files(path)
    assert aside.read_bytes() == b"n'importe quoi = = ="
    assert on_disk(path) == ["b"]
    assert len(shortlist.warnings) == 1


def test_two_damaged_files_in_the_same_second_both_kept(path: Path) -> None:
    path.parent.mkdir()
    for raw in (b"one = = ", b"two = = "):
        path.write_bytes(raw)
        Shortlist.open(path)
    assert sorted(p.read_bytes() for p in aside_files(path)) == [b"one = = ", b"two = = "]


def test_data_folder_taken_by_a_file_keeps_the_shortlist_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    shortlist = Shortlist.open(blocker / "shortlist.toml")
    shortlist.add("a", added=DAY)
    shortlist.add("b", added=DAY)
    shortlist.remove("a")
    assert roles(shortlist) == ["b"]
    assert not shortlist.persistent
    assert len(shortlist.warnings) == 1  # said once, not at every change
    assert "mémoire" in shortlist.warnings[0]
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_shortlist_file_replaced_by_a_folder(path: Path) -> None:
    path.mkdir(parents=True)
    (path / "precious.txt").write_text("keep me", encoding="utf-8")
    shortlist = Shortlist.open(path)
    shortlist.add("a", added=DAY)
    assert roles(shortlist) == ["a"]
    assert len(shortlist.warnings) == 1 and "dossier" in shortlist.warnings[0]
    assert (path / "precious.txt").read_text(encoding="utf-8") == "keep me"


def test_folder_that_refuses_writes_keeps_saved_file_and_changes_in_memory(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Shortlist.open(path).add("saved", added=DAY)
    before = path.read_bytes()

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    shortlist = Shortlist.open(path)
    shortlist.add("new", added=DAY)
    shortlist.set_note("saved", "note")
    assert roles(shortlist) == ["saved", "new"]
    assert shortlist.get("saved") == ShortlistEntry("saved", DAY, "note")
    assert shortlist.warnings == [
        f"Impossible d'enregistrer la sélection dans « {path} » (accès refusé) : "
        "la sélection est gardée en mémoire pour cette session."
    ]
    assert path.read_bytes() == before


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_read_only_folder(path: Path) -> None:
    Shortlist.open(path).add("saved", added=DAY)
    before = path.read_bytes()
    path.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        shortlist = Shortlist.open(path)
        assert roles(shortlist) == ["saved"]
        shortlist.add("new", added=DAY)
        assert roles(shortlist) == ["saved", "new"] and not shortlist.persistent
        assert len(shortlist.warnings) == 1
        assert path.read_bytes() == before
    finally:
        path.parent.chmod(stat.S_IRWXU)


def test_unreadable_file_that_cannot_be_moved_aside_is_never_overwritten(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path.parent.mkdir()
    path.write_bytes(b"= damaged")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    monkeypatch.setattr(os, "link", refuse)
    shortlist = Shortlist.open(path)
    shortlist.add("a", added=DAY)
    assert roles(shortlist) == ["a"] and not shortlist.persistent
    assert path.read_bytes() == b"= damaged"
    [warning] = shortlist.warnings
    assert "illisible" in warning and "mémoire" in warning


# --- Markdown export ----------------------------------------------------------------------------


def test_markdown_has_every_section_of_every_role(catalog: Catalog) -> None:
    entries = [
        ShortlistEntry("referenceur-seo", DAY, 'À voir [vite] *demain*\n"deux"'),
        ShortlistEntry("metier-disparu", date(2024, 12, 1), ""),
        ShortlistEntry("redacteur-web", DAY, ""),
    ]
    text = shortlist_markdown(catalog, entries, today=date(2025, 3, 1))
    lines = text.splitlines()
    assert lines[0] == "# Ma sélection de métiers du e-commerce — 1er mars 2025"
    assert "## 1. Référenceur SEO / Référenceuse SEO" in lines
    assert f"*Famille{NBSP}: Acquisition et trafic* · ajouté le 12/03/2025" in lines
    assert "Fait monter le site dans les moteurs de recherche." in lines
    assert "- Auditer le site" in lines
    assert f"- **Technique**{NBSP}: Référencement naturel, Analyse d'audience" in lines
    assert f"- **Relation et communication**{NBSP}: Rédaction web" in lines
    assert f"- **Savoir-être**{NBSP}: Curiosité" in lines
    assert "> À voir \\[vite\\] \\*demain\\*\\" in lines  # a hard break: the note's line ends
    assert '> "deux"' in lines
    assert "## 2. metier-disparu" in lines
    assert f"*{ABSENT_ROLE}* · ajouté le 01/12/2024" in lines
    assert "## 3. Rédacteur web / Rédactrice web" in lines
    # Sections come in the shortlist's order.
    assert text.index("## 1.") < text.index("## 2.") < text.index("## 3.")
    assert text.count("### Note") == 1


def test_markdown_shows_content_literally(content: ContentFactory) -> None:
    content.roles["redacteur-web"]["title"] = "Dev[Ops] <b>web</b>"
    content.roles["redacteur-web"].pop("title_feminine")
    catalog = load_catalog(content.write()).catalog
    text = shortlist_markdown(catalog, [ShortlistEntry("redacteur-web", DAY)], today=DAY)
    assert "## 1. Dev\\[Ops\\] \\<b\\>web\\</b\\>" in text.splitlines()


def test_empty_markdown(catalog: Catalog) -> None:
    assert "La sélection est vide." in shortlist_markdown(catalog, [], today=DAY)


def test_export_never_overwrites_without_being_told(tmp_path: Path) -> None:
    target = tmp_path / "shortlist-2025-03-12.md"
    write_export(target, "one")
    with pytest.raises(FileExistsError):
        write_export(target, "two")
    assert target.read_text(encoding="utf-8") == "one"
    assert free_path(target) == tmp_path / "shortlist-2025-03-12-2.md"
    write_export(target, "three", overwrite=True)
    assert target.read_text(encoding="utf-8") == "three"


def test_a_shortlist_saved_with_a_byte_order_mark_by_an_editor_opens(path: Path) -> None:
    entries = [ShortlistEntry("referenceur-seo", DAY, "à creuser")]
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf" + dump(entries))
    shortlist = Shortlist.open(path)
    assert list(shortlist.entries) == entries
    assert shortlist.warnings == []
