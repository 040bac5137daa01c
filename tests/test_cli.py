"""Each command through main(argv): output and exit code."""

from __future__ import annotations

import io
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
        "OK : 2 familles, 3 métiers, 6 compétences, 3 termes\n",
        "",
    )


def test_validate_uses_content_option(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(root), "validate")
    assert code == 0 and out.startswith("OK : 2 familles")


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
    assert (code, out.split(" : ")[0]) == (0, "OK")


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
    assert data["related"] == [{"role": "referenceur-seo", "kind": "proche"}]


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
    assert set(data[0]) == {"id", "title", "score", "matched", "reason"}
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)


def test_piped_output_keeps_each_line_whole(capsys: pytest.CaptureFixture[str]) -> None:
    # Into a pipe or a file (`| grep`, `> notes.txt`), one hit is one line, however long:
    # Rich would wrap it at 80 columns. Terminals still get wrapped paragraphs.
    code, out, _ = run(capsys, "search", "seo")  # the bundled catalogue
    lines = out.splitlines()
    assert code == 0 and len(lines) > 3
    assert lines[0].startswith("referenceur-seo") and lines[0].endswith("Référenceuse SEO")
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
    err = capsys.readouterr().err
    assert err.startswith("utilisation : explorer") and "erreur : " in err


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


# --- roles by name (id, title of either gender, alias, sigle) -------------------------------


@pytest.mark.parametrize(
    ("name", "role_id"),
    [
        ("SEA", "referenceur-sea"),
        ("seo", "referenceur-seo"),
        ("Rédactrice web", "redacteur-web"),
        ("REDACTEUR WEB", "redacteur-web"),
        ("consultant séa", "referenceur-sea"),
        ("Référenceur-SEO", "referenceur-seo"),
        ("content writer", "redacteur-web"),
    ],
)
def test_show_accepts_a_title_an_alias_or_a_sigle(
    root: Path, name: str, role_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--content", str(root), "show", name, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["id"] == role_id


def test_compare_seo_sea_by_their_sigles(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(root), "compare", "seo", "sea", "--json")
    assert code == 0
    assert (json.loads(out)["a"], json.loads(out)["b"]) == ("referenceur-seo", "referenceur-sea")
    code, out, _ = run(capsys, "--content", str(root), "compare", "seo", "sea")
    assert "Référenceur SEO / Référenceuse SEO  ↔  Référenceur SEA / Référenceuse SEA" in out


def test_a_name_fitting_several_roles_lists_them_and_exits_2(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content.roles["referenceur-seo"]["aliases"] = ["Consultant web"]
    content.roles["redacteur-web"]["aliases"] = ["Consultant web"]
    root = content.write()
    code, out, err = run(capsys, "--content", str(root), "show", "consultant WEB")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "« consultant WEB » désigne plusieurs métiers" in err
    assert "referenceur-seo (Référenceur SEO / Référenceuse SEO)" in err
    assert "redacteur-web (Rédacteur web / Rédactrice web)" in err


def test_shortlist_add_and_remove_by_title(
    root: Path, isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--content", str(root), "shortlist", "add", "Rédactrice web")[0] == 0
    code, out, _ = run(capsys, "--content", str(root), "shortlist", "list", "--json")
    assert [entry["role"] for entry in json.loads(out)["entries"]] == ["redacteur-web"]
    code, out, _ = run(capsys, "--content", str(root), "shortlist", "remove", "content writer")
    assert (code, out) == (0, "Retiré de la sélection : Rédacteur web / Rédactrice web\n")


class FakeApp:
    """Stands for ExplorerApp: records how the command line would have started it."""

    made: list[dict[str, object]] = []

    def __init__(self, catalog: object = None, **kwargs: object) -> None:
        FakeApp.made.append({"catalog": catalog, **kwargs})
        self.return_code = 0

    def run(self) -> None:
        pass


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> type[FakeApp]:
    import explorer.app
    from explorer.cli import launch

    FakeApp.made = []
    monkeypatch.setattr(explorer.app, "ExplorerApp", FakeApp)
    monkeypatch.setattr(launch, "has_terminal", lambda: True)
    return FakeApp


def test_launch_compare_by_names(
    root: Path, fake_app: type[FakeApp], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--content", str(root), "--compare", "seo", "Rédactrice web")[0] == 0
    assert fake_app.made[0]["start_compare"] == ("referenceur-seo", "redacteur-web")
    code, _, err = run(capsys, "--content", str(root), "--compare", "seo", "plombier")
    assert code == 2 and "métier inconnu « plombier »" in err
    assert len(fake_app.made) == 1  # never started


def test_launch_without_compare_lets_the_app_load_its_content(
    root: Path, fake_app: type[FakeApp], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--content", str(root))[0] == 0
    assert fake_app.made == [{"catalog": None, "content_root": root}]


# --- text compare, search reasons, validate's hint --------------------------------------------


def test_text_compare_prints_both_gaps(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(root), "compare", "seo", "sea")
    assert code == 0
    assert (
        "À acquérir pour passer de Référenceur SEO à Référenceur SEA : "
        "Achat de mots-clés, Gestion de budget"
    ) in out
    assert (
        "À acquérir pour passer de Référenceur SEA à Référenceur SEO : "
        "Référencement naturel, Rédaction web, Curiosité"
    ) in out
    code, out, _ = run(capsys, "--content", str(root), "compare", "redacteur-web", "seo")
    assert "À acquérir pour passer de Référenceur SEO à Rédacteur web : rien" in out


def test_search_text_says_why_a_role_was_found(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from typing import NamedTuple

    from explorer.cli import catalog_commands
    from explorer.model import Role

    class Hit(NamedTuple):
        role: Role
        score: int
        matched: tuple[str, ...]
        reason: str | None

    def search(catalog: object, query: str, limit: int | None = None) -> list[Hit]:
        roles = catalog.roles  # type: ignore[attr-defined]
        return [
            Hit(roles["referenceur-sea"], 9, ("title",), None),
            Hit(roles["referenceur-seo"], 5, ("aliases",), "alias « Consultant SEO »"),
        ]

    monkeypatch.setattr(catalog_commands, "search", search)
    code, out, _ = run(capsys, "--content", str(root), "search", "consultant")
    assert code == 0
    first, second = out.splitlines()
    assert first.endswith("Référenceur SEA / Référenceuse SEA")
    assert second.endswith("Référenceur SEO / Référenceuse SEO  (alias « Consultant SEO »)")
    code, out, _ = run(capsys, "--content", str(root), "search", "consultant", "--json")
    assert [hit["reason"] for hit in json.loads(out)] == [None, "alias « Consultant SEO »"]


def test_warnings_name_the_folder_to_validate(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content.roles["referenceur-sea"]["family"] = "nulle-part"
    root = content.write()
    code, _, err = run(capsys, "--content", str(root), "list")
    assert code == 0
    assert err.splitlines()[-1] == (
        f"attention : 1 problème dans le contenu : lancez « explorer validate {root} » "
        "pour le détail"
    )


def test_validate_keeps_toml_positions_with_a_french_lead_in(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = content.write()
    content.write_text("roles/cassé.toml", 'title = "x"\nsummary = = 1\n')
    code, out, err = run(capsys, "validate", str(root))
    assert code == 1
    assert out.startswith(f"{root / 'roles' / 'cassé.toml'}:2:11: erreur de syntaxe TOML : ")
    assert err == "1 problème trouvé(s)\n"


# --- progress on a terminal only -----------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """What a terminal on stderr would receive; the bar shows from the first file."""
    from rich.console import Console

    from explorer.cli import progress

    screen = io.StringIO()
    monkeypatch.setattr(progress, "SHOW_PROGRESS_AFTER", 0.0)
    monkeypatch.setattr(
        progress, "stderr_console", lambda: Console(file=screen, force_terminal=True, width=80)
    )
    return screen


def test_the_progress_bar_counts_files_in_french(terminal: io.StringIO) -> None:
    from explorer.cli import progress

    with progress.load_progress() as report:
        assert report is not None
        report(4200, 10000)
    assert "Lecture du catalogue… 4\u202f200 / 10\u202f000 fiches" in terminal.getvalue()


def test_validate_shows_progress_on_a_terminal_only(
    root: Path,
    terminal: io.StringIO,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "validate", str(root))[0] == 0
    assert "Lecture du catalogue…" in terminal.getvalue()
    assert " fiches" in terminal.getvalue()
    # Piped (capsys is not a terminal): nothing but the result.
    monkeypatch.undo()
    assert run(capsys, "validate", str(root)) == (
        0,
        "OK : 2 familles, 3 métiers, 6 compétences, 3 termes\n",
        "",
    )


def test_metiers_is_the_same_command() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    scripts = project["project"]["scripts"]
    assert scripts["metiers"] == scripts["explorer"] == "explorer.cli:main"
