"""The command line facing bad input: a clear message, a non-zero exit, never a traceback."""

from __future__ import annotations

import functools
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.content_factory import ContentFactory

REPO = Path(__file__).resolve().parent.parent


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


# --- no terminal: the app never starts ---------------------------------------------------------


@pytest.mark.parametrize(
    "redirections",
    [
        "< /dev/null > {out}",  # explorer < /dev/null > out
        "<&- > {out}",  # stdin closed
        "< /dev/null > {out} --compare seo sea",
        "> {out} 2>&1",  # stdout to a file (stdin a pipe here)
    ],
)
def test_no_terminal_no_app(tmp_path: Path, redirections: str) -> None:
    out = tmp_path / "out"
    command = f"{shlex.quote(sys.executable)} -m explorer {redirections.format(out=out)}"
    result = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=60)
    printed = out.read_text() + result.stderr
    assert result.returncode == 2
    assert printed.count("\n") == 1
    assert "l'application s'ouvre dans un terminal" in printed
    assert "\x1b" not in printed and "Traceback" not in printed


# --- text from files and arguments is shown, never obeyed ------------------------------------

HOSTILE_KEY = "\x1b]0;pwned\x07\x1b[2J"


def test_escapes_in_toml_key_names_are_shown_not_obeyed(tmp_path: Path) -> None:
    factory = ContentFactory(tmp_path / "content")
    factory.roles["redacteur-web"][HOSTILE_KEY] = "x"
    root = factory.write()
    for argv in (["validate", str(root)], ["--content", str(root), "list"]):
        result = explorer(*argv)
        printed = result.stdout + result.stderr
        assert "pwned" in printed, argv  # the key is named...
        assert "\x1b" not in printed and "\x07" not in printed, argv  # ...harmlessly


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "\x1b]0;x\x07"],
        ["compare", "seo", "\x1b[2J"],
        ["search", "\x1b[2J"],
        ["define", "\x1b]0;x\x07"],
        ["list", "--family", "\x1b[2J"],
        ["shortlist", "remove", "\x1b[2J"],
        ["--content", "\x1b[2J", "list"],
        ["validate", "\x1b]0;x\x07"],
    ],
)
def test_arguments_echoed_back_are_shown_not_obeyed(root: Path, argv: list[str]) -> None:
    result = explorer("--content", str(root), *argv) if argv[0] != "--content" else explorer(*argv)
    printed = result.stdout + result.stderr
    assert "␛" in printed
    assert "\x1b" not in printed and "\x07" not in printed
    assert "Traceback" not in printed


def test_json_escapes_c1_controls_and_direction_overrides(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = "a\u009b2Jb\u202ec\u2066d\u200fe"
    environment = {**os.environ, "EXPLORER_DATA_DIR": str(tmp_path / "data")}
    run = functools.partial(subprocess.run, capture_output=True, text=True, timeout=60)
    command = [sys.executable, "-m", "explorer", "--content", str(root), "shortlist"]
    assert run([*command, "add", "seo", "--note", note], env=environment).returncode == 0
    result = run([*command, "list", "--json"], env=environment)
    assert result.returncode == 0
    for char in "\u009b\u202e\u2066\u200f":
        assert char not in result.stdout
        assert f"\\u{ord(char):04x}" in result.stdout
    assert json.loads(result.stdout)["entries"][0]["note"] == note


# --- a reader that leaves early ----------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["list"], ["list", "--json"], ["search", "e"], ["search", "e", "--json"], ["show", "seo"]],
)
def test_a_closed_pipe_ends_quietly_with_status_0(argv: list[str]) -> None:
    # `explorer list | head -1`: the reader is gone before we write (deterministically here:
    # its end is closed before the interpreter has even started).
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "explorer", *argv],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (0, "")


# --- the working folder deleted under our feet -------------------------------------------------


def test_export_from_a_deleted_folder_is_a_clear_error(root: Path, tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    data = tmp_path / "data"
    command = (
        f"cd {shlex.quote(str(gone))} && rmdir {shlex.quote(str(gone))} && "
        f"{shlex.quote(sys.executable)} -m explorer --content {shlex.quote(str(root))} "
        "shortlist export"
    )
    result = subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "EXPLORER_DATA_DIR": str(data), "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 2
    assert result.stderr.endswith(
        "le dossier courant n'existe plus : placez-vous dans un "
        "dossier existant, ou choisissez le fichier avec -o\n"
    )
    assert "Traceback" not in result.stderr
