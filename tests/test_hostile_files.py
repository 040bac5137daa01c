"""Content files that are not what they claim: each is a problem naming the file; the rest loads."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.model import load_catalog
from explorer.model.text import visible
from tests.content_factory import ContentFactory

GOOD = {"referenceur-seo", "referenceur-sea", "redacteur-web"}


def directory_named_toml(root: Path) -> Path:
    target = root / "roles" / "x.toml"
    target.mkdir()
    return target


def symlink_loop(root: Path) -> Path:
    target = root / "roles" / "loop.toml"
    os.symlink(target, target)
    return target


def huge_file(root: Path) -> Path:
    target = root / "roles" / "huge.toml"
    with target.open("wb") as out:
        out.write(b'title = "x"\n')
        out.truncate(50 * 1024 * 1024)
    return target


def array_instead_of_table(root: Path) -> Path:
    target = root / "roles" / "array.toml"
    target.write_text('title = "A"\nrelated = [1, 2]\n', encoding="utf-8")
    return target


def families_array_of_strings(root: Path) -> Path:
    target = root / "families.toml"
    target.write_text('family = ["acquisition", "contenus"]\n', encoding="utf-8")
    return target


def fifo(root: Path) -> Path:
    target = root / "roles" / "fifo.toml"
    os.mkfifo(target)  # opened and read as a file, it would wait for a writer forever
    return target


def link_to_dev_zero(root: Path) -> Path:
    target = root / "roles" / "zero.toml"
    target.symlink_to("/dev/zero")  # read whole, it would never end
    return target


def deep_role(root: Path) -> Path:
    target = root / "roles" / "deep.toml"
    target.write_text("x = " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    return target


def deep_glossary(root: Path) -> Path:
    target = root / "glossary.toml"
    target.write_text("x = " + "{ a = " * 1000 + "1" + " }" * 1000 + "\n", encoding="utf-8")
    return target


def families_as_fifo(root: Path) -> Path:
    target = root / "families.toml"
    target.unlink()
    os.mkfifo(target)
    return target


CASES: dict[str, Callable[[Path], Path]] = {
    "FIFO named x.toml": fifo,
    "link to /dev/zero": link_to_dev_zero,
    "1,000-deep array in a role": deep_role,
    "1,000-deep table in the glossary": deep_glossary,
    "families.toml a FIFO": families_as_fifo,
    "directory named x.toml": directory_named_toml,
    "symlink loop": symlink_loop,
    "50 MB file": huge_file,
    "array where a table is expected": array_instead_of_table,
    "families as strings": families_array_of_strings,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_a_problem_naming_it(content: ContentFactory, case: str) -> None:
    root = content.write()
    target = CASES[case](root)
    result = load_catalog(root)
    assert any(issue.path == str(target) for issue in result.issues), [
        str(i) for i in result.issues
    ]
    if target.name not in ("families.toml", "glossary.toml"):
        assert set(result.catalog.roles) == GOOD


def test_unreadable_file(content: ContentFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    root = content.write()
    target = root / "roles" / "secret.toml"
    target.write_text('title = "x"\n', encoding="utf-8")
    target.chmod(0)
    if os.access(target, os.R_OK):  # root reads anything: simulate the refusal instead
        real = os.open

        def refuse(path: str | os.PathLike[str], flags: int, *args: int) -> int:
            if os.fspath(path).endswith("secret.toml"):
                raise PermissionError(13, "Permission denied")
            return real(path, flags, *args)

        monkeypatch.setattr(os, "open", refuse)
    result = load_catalog(root)
    assert any(
        i.path == str(target) and i.message == "lecture impossible : accès refusé"
        for i in result.issues
    ), [str(i) for i in result.issues]
    assert set(result.catalog.roles) == GOOD


def test_an_unreadable_roles_folder_says_why_in_french(
    content: ContentFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = content.write()
    real = os.scandir

    def refuse(path: str | os.PathLike[str]) -> object:
        if os.fspath(path) == str(root / "roles"):
            raise PermissionError(13, "Permission denied")  # what chmod 0 does, as root too
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    messages = [str(issue) for issue in load_catalog(root).issues]
    assert f"{root / 'roles'}: lecture impossible : accès refusé" in messages, messages


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_prints_problems_without_traceback(
    content: ContentFactory, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content.write()
    CASES[case](root)
    assert main(["validate", str(root)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert str(root) in out


def test_control_characters_become_visible_symbols(content: ContentFactory) -> None:
    content.roles["redacteur-web"]["title"] = "Ré\x1b[2Jdacteur\u202e web\x07"
    content.roles["redacteur-web"]["summary"] = "Ligne 1\nLigne 2\tfin\x9b"
    result = load_catalog(content.write())
    role = result.catalog.roles["redacteur-web"]
    assert role.title == "Ré␛[2Jdacteur web␇"
    assert role.summary == "Ligne 1\nLigne 2 fin\ufffd"
    assert "\x1b" not in visible("\x1b") and visible("نص عربي") == "نص عربي"


@pytest.mark.parametrize("name", ["x\x1b[2J.toml", "mon métier.toml", "\u202eevil.toml", ".toml"])
def test_role_file_name_that_is_not_a_plain_id(content: ContentFactory, name: str) -> None:
    root = content.write()
    (root / "roles" / name).write_text('title = "X"\n', encoding="utf-8")
    result = load_catalog(root)
    assert set(result.catalog.roles) == GOOD
    [issue] = result.issues
    assert "nom de fichier invalide" in issue.message
    assert issue.path.endswith(visible(name)) and issue.path.isprintable()


def test_a_file_saved_with_a_byte_order_mark_loads(content: ContentFactory) -> None:
    # Windows editors may start UTF-8 files with a BOM: the role (and families) still load.
    root = content.write()
    for name in ("roles/redacteur-web.toml", "families.toml"):
        path = root / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = load_catalog(root)
    assert result.issues == ()
    assert set(result.catalog.roles) == GOOD
    assert result.catalog.roles["redacteur-web"].title == "Rédacteur web"
