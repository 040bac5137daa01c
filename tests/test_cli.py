"""Each command through main(argv): output and exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.locations import bundled_content
from tests.cli_run import run
from tests.content_factory import ContentFactory


@pytest.fixture
def root(content: ContentFactory) -> Path:
    return content.write()


def test_validate_ok(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", str(root)) == (
        0,
        "OK: 2 families, 3 roles, 6 skills, 3 terms\n",
        "",
    )


def test_validate_uses_content_option(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(root), "validate")
    assert code == 0 and out.startswith("OK: 2 families")


def test_validate_reports_every_problem(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content.roles["redacteur-web"]["missions"] = "une seule"
    root = content.write()
    content.write_text("roles/cassé.toml", "title = \n")
    code, out, _ = run(capsys, "validate", str(root))
    assert code == 1
    lines = out.splitlines()
    assert f"{root / 'roles' / 'cassé.toml'}:1:9: erreur de syntaxe TOML" in lines[0]
    assert (
        f"{root / 'roles' / 'redacteur-web.toml'}: missions: liste de chaînes attendue" in lines[1]
    )


def test_validate_bundled_content_without_argument(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate")
    assert (code, out.split(":")[0]) == (0, "OK")


def test_list_json(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(root), "list", "--json")
    assert code == 0
    data = json.loads(out)
    assert [f["id"] for f in data["families"]] == ["acquisition", "contenus"]
    assert data["families"][1]["roles"] == [{"id": "redacteur-web", "title": "Rédacteur web"}]


def test_list_text(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--content", str(root))
    assert code == 0
    assert "Acquisition et trafic (2)" in out and "referenceur-seo" in out


def test_show_json_resolves_family_and_skills(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--content", str(root), "show", "redacteur-web", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["id"] == "redacteur-web"
    assert data["family"] == {"id": "contenus", "title": "Contenus et rédaction"}
    assert data["skills"][0] == {
        "id": "redaction",
        "label": "Rédaction web",
        "category": "relation",
    }
    assert data["missions"] == ["Rédiger les fiches produits", "Optimiser les textes pour le SEO"]
    assert data["related"] == [{"role": "referenceur-seo", "kind": "evolution"}]


def test_show_text_prints_markup_literally(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content.roles["redacteur-web"]["summary"] = "Écrit [b]gras[/b] et [@click=app.quit]x[/]"
    root = content.write()
    code, out, _ = run(capsys, "--content", str(root), "show", "redacteur-web")
    assert code == 0
    assert "Écrit [b]gras[/b] et [@click=app.quit]x[/]" in out
    assert "Missions" in out


def test_unknown_role_suggests_and_exits_2(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--content", str(root), "show", "redacteur")
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "métier inconnu « redacteur »" in err and "redacteur-web" in err


def test_search_json(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(root), "search", "sea", "--json")
    data = json.loads(out)
    assert code == 0
    assert data[0]["id"] == "referenceur-sea"
    assert set(data[0]) == {"id", "title", "score", "matched"}
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)


def test_piped_output_keeps_each_line_whole(capsys: pytest.CaptureFixture[str]) -> None:
    # Into a pipe or a file (`| grep`, `> notes.txt`), one hit is one line, however long:
    # Rich would wrap it at 80 columns. Terminals still get wrapped paragraphs.
    code, out, _ = run(capsys, "search", "seo")  # the bundled catalogue
    lines = out.splitlines()
    assert code == 0 and len(lines) > 3
    assert lines[0].startswith("referenceur-seo") and lines[0].endswith(
        "(title, aliases, skills, terms)"
    )
    role_ids = {path.stem for path in (bundled_content() / "roles").glob("*.toml")}
    assert all(line.split()[0] in role_ids for line in lines)
    code, out, _ = run(capsys, "show", "referenceur-seo")
    aliases = next(line for line in out.splitlines() if line.startswith("Aussi appelé"))
    assert aliases.endswith("SEO manager") and len(aliases) > 80


def test_search_limit(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--content", str(root), "search", "référenceur", "--limit", "1", "--json"
    )
    assert code == 0 and len(json.loads(out)) == 1


def test_compare_json(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--content", str(root), "compare", "referenceur-seo", "redacteur-web", "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert data == {
        "a": "referenceur-seo",
        "b": "redacteur-web",
        "shared": ["seo", "redaction", "curiosite"],
        "only_a": ["analyse"],
        "only_b": [],
        "overlap": 0.75,
    }


def test_compare_table(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--content", str(root), "compare", "referenceur-seo", "redacteur-web"
    )
    assert code == 0
    assert "Compétences communes : 3 sur 4 (75 %)" in out


def test_compare_with_itself_refused(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--content", str(root), "compare", "redacteur-web", "redacteur-web")
    assert code == 2 and "lui-même" in err


def test_content_problems_warn_but_command_works(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content.roles["referenceur-sea"]["family"] = "nulle-part"
    root = content.write()
    code, out, err = run(capsys, "--content", str(root), "list", "--json")
    assert code == 0
    assert "attention :" in err and "famille inconnue" in err
    roles = [r["id"] for f in json.loads(out)["families"] for r in f["roles"]]
    assert roles == ["referenceur-seo", "redacteur-web"]


@pytest.mark.parametrize(
    "argv",
    [["frobnicate"], ["show"], ["list", "--bogus"], ["search", "x", "--limit", "zero"]],
)
def test_bad_command_lines_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("target", ["missing", "file"])
def test_content_option_must_be_a_folder(
    tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x"
    if target == "file":
        path.write_text("hello")
    code, _, err = run(capsys, "--content", str(path), "list")
    assert code == 2
    assert str(path) in err and "Traceback" not in err
