"""`explorer shortlist list|add|remove|export`: output, exit codes and the file on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.model.shortlist import ABSENT_ROLE, Shortlist, ShortlistEntry, dump
from tests.content_factory import ContentFactory

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def root(content: ContentFactory) -> Path:
    return content.write()


@pytest.fixture
def data_file(isolated_user_dirs: Path) -> Path:
    return isolated_user_dirs / "shortlist.toml"


def run(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--content", str(root), "shortlist", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def saved_roles(data_file: Path) -> list[str]:
    document = tomllib.loads(data_file.read_text(encoding="utf-8"))
    return [table["role"] for table in document.get("entry", [])]


def test_list_empty(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, root, "list")
    assert (code, err) == (0, "")
    assert "Votre sélection est vide" in out


def test_add_then_list(root: Path, data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, root, "add", "redacteur-web") == (
        0,
        "Ajouté à la sélection : Rédacteur web / Rédactrice web\n",
        "",
    )
    code, _, _ = run(capsys, root, "add", "referenceur-seo", "--note", "[b]pas du gras[/b]\nsuite")
    assert code == 0
    assert saved_roles(data_file) == ["redacteur-web", "referenceur-seo"]
    code, out, _ = run(capsys, root, "list")
    lines = out.splitlines()
    assert code == 0
    assert "redacteur-web" in lines[0] and "Rédacteur web / Rédactrice web" in lines[0]
    assert "referenceur-seo" in lines[1] and "Référenceur SEO" in lines[1]
    assert lines[2].strip() == "[b]pas du gras[/b]"
    assert lines[3].strip() == "suite"


def test_add_twice_says_so_and_note_updates(
    root: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, root, "add", "redacteur-web")
    code, out, _ = run(capsys, root, "add", "redacteur-web")
    assert code == 0 and out.startswith("Déjà dans la sélection")
    code, out, _ = run(capsys, root, "add", "redacteur-web", "--note", "nouvelle note")
    assert code == 0 and "note mise à jour" in out
    assert Shortlist.open(data_file).get("redacteur-web") is not None
    assert Shortlist.open(data_file).entries[0].note == "nouvelle note"
    assert saved_roles(data_file) == ["redacteur-web"]


def test_add_unknown_role_exits_2_with_a_suggestion(
    root: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, root, "add", "redacteur-wev")
    assert (code, out) == (2, "")
    assert err.startswith("explorer: métier inconnu « redacteur-wev »")
    assert "redacteur-web" in err
    assert not data_file.exists()


def test_remove(root: Path, data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, root, "add", "redacteur-web")
    run(capsys, root, "add", "referenceur-seo")
    assert run(capsys, root, "remove", "redacteur-web") == (
        0,
        "Retiré de la sélection : Rédacteur web / Rédactrice web\n",
        "",
    )
    assert saved_roles(data_file) == ["referenceur-seo"]


def test_remove_a_role_not_in_the_shortlist_exits_2(
    root: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, root, "add", "referenceur-seo")
    code, out, err = run(capsys, root, "remove", "referenceur-seoo")
    assert (code, out) == (2, "")
    assert "« referenceur-seoo » n'est pas dans votre sélection" in err
    assert "referenceur-seo" in err.split("?")[0].split(":")[-1]
    assert saved_roles(data_file) == ["referenceur-seo"]


def test_role_absent_from_catalogue_is_listed_and_removable(
    root: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file.parent.mkdir(parents=True)
    data_file.write_bytes(
        dump(
            [
                ShortlistEntry("metier-disparu", date(2024, 5, 6), "à garder"),
                ShortlistEntry("redacteur-web", date(2025, 3, 12)),
            ]
        )
    )
    code, out, _ = run(capsys, root, "list", "--json")
    assert code == 0
    assert json.loads(out) == {
        "entries": [
            {
                "role": "metier-disparu",
                "title": None,
                "added": "2024-05-06",
                "note": "à garder",
                "known": False,
            },
            {
                "role": "redacteur-web",
                "title": "Rédacteur web",
                "added": "2025-03-12",
                "note": "",
                "known": True,
            },
        ]
    }
    code, out, _ = run(capsys, root, "list")
    assert ABSENT_ROLE in out.splitlines()[0]
    # Another change keeps the absent role in the file.
    run(capsys, root, "add", "referenceur-seo")
    assert saved_roles(data_file) == ["metier-disparu", "redacteur-web", "referenceur-seo"]
    code, out, _ = run(capsys, root, "remove", "metier-disparu")
    assert (code, out) == (0, "Retiré de la sélection : metier-disparu\n")
    assert saved_roles(data_file) == ["redacteur-web", "referenceur-seo"]


def test_damaged_file_is_reported_and_moved_aside(
    root: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_file.parent.mkdir(parents=True)
    data_file.write_bytes(b"version = = 1")
    code, out, err = run(capsys, root, "list", "--json")
    assert code == 0 and json.loads(out) == {"entries": []}
    [aside] = data_file.parent.glob("shortlist.toml.corrupt-*")
    assert aside.read_bytes() == b"version = = 1"
    assert err.startswith("attention : Le fichier de sélection était illisible")
    assert str(aside) in err


def test_unwritable_data_folder_is_an_error_for_a_command(
    root: Path, isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    isolated_user_dirs.parent.mkdir(parents=True, exist_ok=True)
    isolated_user_dirs.write_text("a file where the folder should be", encoding="utf-8")
    code, out, err = run(capsys, root, "add", "redacteur-web")
    assert (code, out) == (1, "")
    assert "Impossible d'enregistrer la sélection" in err
    assert isolated_user_dirs.read_text(encoding="utf-8") == "a file where the folder should be"


def test_export_default_name_in_current_folder_never_overwrites(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    run(capsys, root, "add", "redacteur-web", "--note", "ma note")
    code, out, _ = run(capsys, root, "export")
    first = work / f"shortlist-{date.today().isoformat()}.md"
    assert code == 0
    assert out == f"Sélection exportée (1 métier) : {first}\n"
    text = first.read_text(encoding="utf-8")
    assert "## 1. Rédacteur web / Rédactrice web" in text and "> ma note" in text
    first.write_text("older export, edited by hand", encoding="utf-8")
    code, out, _ = run(capsys, root, "export")
    second = work / f"shortlist-{date.today().isoformat()}-2.md"
    assert (code, out) == (0, f"Sélection exportée (1 métier) : {second}\n")
    assert first.read_text(encoding="utf-8") == "older export, edited by hand"
    assert second.read_text(encoding="utf-8") == text


def test_export_to_a_chosen_file(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ma-selection.md"
    run(capsys, root, "add", "referenceur-seo")
    code, out, _ = run(capsys, root, "export", "-o", str(target))
    assert code == 0 and str(target) in out
    assert target.read_text(encoding="utf-8").startswith("# Ma sélection de métiers")


def test_export_refuses_to_replace_a_file_without_a_terminal(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "existing.md"
    target.write_text("keep", encoding="utf-8")
    code, out, err = run(capsys, root, "export", "-o", str(target))
    assert (code, out) == (1, "")
    assert "existe déjà" in err
    assert target.read_text(encoding="utf-8") == "keep"


def test_export_into_a_missing_folder_says_why_in_french(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "absent" / "liste.md"
    run(capsys, root, "add", "referenceur-seo")
    code, out, err = run(capsys, root, "export", "-o", str(target))
    assert (code, out) == (1, "")
    assert f"{target} : écriture impossible (dossier introuvable)" in err
    assert not target.parent.exists()


def test_export_to_stdout(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, root, "add", "referenceur-seo")
    code, out, _ = run(capsys, root, "export", "-o", "-")
    assert code == 0
    assert out.startswith("# Ma sélection de métiers du e-commerce — ")
    assert "## 1. Référenceur SEO / Référenceuse SEO" in out


def test_twenty_commands_at_once_keep_twenty_entries(
    content: ContentFactory, data_file: Path
) -> None:
    template = content.roles["redacteur-web"]
    for n in range(20):
        content.roles[f"metier-{n:02d}"] = {**template, "title": f"Métier {n}", "related": []}
    root = content.write()
    environment = {**os.environ, "EXPLORER_DATA_DIR": str(data_file.parent)}
    commands = [
        subprocess.Popen(
            [sys.executable, "-m", "explorer", "--content", str(root), "shortlist", "add", role],
            cwd=REPO,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for role in (f"metier-{n:02d}" for n in range(20))
    ]
    results = [command.communicate(timeout=120) for command in commands]
    assert [command.returncode for command in commands] == [0] * 20, results
    assert sorted(saved_roles(data_file)) == [f"metier-{n:02d}" for n in range(20)]
