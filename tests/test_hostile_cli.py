"""The command line facing bad input: a clear message, a non-zero exit, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.content_factory import ContentFactory


def explorer(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *argv], capture_output=True, text=True, timeout=60
    )


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ContentFactory(tmp_path_factory.mktemp("hostile") / "content").write()


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["frobnicate"], "choix invalide : 'frobnicate' (choix possibles : 'validate'"),
        (["--frobnicate"], "arguments non reconnus : --frobnicate"),
        (["show"], "arguments obligatoires manquants : MÉTIER"),
        (["compare", "referenceur-seo"], "arguments obligatoires manquants : B"),
        (["search", "x", "--limit", "-3"], "--limit"),
        (["show", "rédacteur mobile"], "métier inconnu « rédacteur mobile »"),
        (["show", "référenceur 🙂"], "métier inconnu"),
        (["compare", "seo", "seo"], "lui-même"),
        (["compare", "seo", "sem2"], "métier inconnu « sem2 »"),
        (["show", "[b]x[/b]"], "« [b]x[/b] »"),
    ],
)
def test_bad_arguments(root: Path, argv: list[str], needle: str) -> None:
    result = explorer("--content", str(root), *argv)
    assert result.returncode == 2
    assert needle in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["file", "missing"])
@pytest.mark.parametrize("command", [["list"], ["show", "x"], ["search", "x"], []])
def test_content_option_on_a_file_or_missing_folder(
    tmp_path: Path, kind: str, command: list[str]
) -> None:
    target = tmp_path / "content"
    if kind == "file":
        target.write_text("not a folder")
    result = explorer("--content", str(target), *command)
    assert result.returncode == 2
    assert str(target) in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_on_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file.toml"
    target.write_text("x = 1")
    result = explorer("validate", str(target))
    assert result.returncode == 1
    assert f"{target}: n'est pas un dossier de contenu" in result.stdout
