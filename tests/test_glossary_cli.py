"""`explorer define` and the filters of `explorer list`, through main(argv)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_run import run
from tests.content_factory import ContentFactory


@pytest.fixture
def root(content: ContentFactory) -> Path:
    return content.write()


def listed(out: str) -> dict[str, list[str]]:
    """family id -> role ids, from `list --json`."""
    data = json.loads(out)
    return {f["id"]: [r["id"] for r in f["roles"]] for f in data["families"]}


def all_ids(out: str) -> list[str]:
    """Every role id of `list --json`, in order."""
    return [role for roles in listed(out).values() for role in roles]


# --- define -------------------------------------------------------------------------------


def test_define_json(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--content", str(root), "define", "seo", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "id": "seo",
        "term": "SEO",
        "definition": "Référencement naturel.",
        "aliases": ["S.E.O."],
        "roles": [
            {"id": "referenceur-seo", "title": "Référenceur SEO"},
            {"id": "redacteur-web", "title": "Rédacteur web"},
        ],
    }


@pytest.mark.parametrize("spelling", ["sea", "SEA", "S.E.A.", "s.e.a"])
def test_define_folds_like_search(
    root: Path, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    code, out, _ = run(capsys, "define", spelling, "--json", "--content", str(root))
    assert code == 0 and json.loads(out)["id"] == "sea"


def test_define_text(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(root), "define", "SEA")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "SEA"
    assert "Aussi : S.E.A." in lines
    assert "Référencement payant." in lines
    assert "Métiers qui emploient ce terme" in lines
    assert any("referenceur-sea" in line and "Référenceur SEA" in line for line in lines)


def test_define_general_term_says_no_role_uses_it(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--content", str(root), "define", "cms", "--json")
    assert code == 0 and json.loads(out)["roles"] == []
    code, out, _ = run(capsys, "--content", str(root), "define", "cms")
    assert "aucune fiche métier ne le cite" in out


def test_define_unknown_term_suggests_and_exits_2(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--content", str(root), "define", "seoo")
    assert (code, out) == (2, "")
    assert err == "explorer: terme inconnu « seoo » ; vouliez-vous dire : SEO ?\n"
    code, out, err = run(capsys, "--content", str(root), "define", "xqzw", "--json")
    assert (code, out, err) == (2, "", "explorer: terme inconnu « xqzw »\n")


def test_define_content_is_printed_literally(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content.terms.append(
        {"id": "x", "term": "Dev[Ops]", "definition": "[bold]gras[/bold]", "general": True}
    )
    code, out, _ = run(capsys, "--content", str(content.write()), "define", "dev[ops]")
    assert code == 0
    assert "Dev[Ops]" in out and "[bold]gras[/bold]" in out


# --- list filters -------------------------------------------------------------------------


def test_list_without_filters_is_unchanged(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(root), "list", "--json")
    assert code == 0
    assert listed(out) == {
        "acquisition": ["referenceur-sea", "referenceur-seo"],
        "contenus": ["redacteur-web"],
    }


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--family", "contenus"], {"acquisition": [], "contenus": ["redacteur-web"]}),
        # a title works too, ignoring case and accents
        (["--family", "contenus et redaction"], {"acquisition": [], "contenus": ["redacteur-web"]}),
        (["--access", "Bac+2"], {"acquisition": [], "contenus": ["redacteur-web"]}),
        (["--access", "bac+5"], {"acquisition": ["referenceur-sea", "referenceur-seo"], "contenus": []}),
        (["--employer", "regie"], {"acquisition": ["referenceur-sea"], "contenus": []}),
        (["--skill", "seo"], {"acquisition": ["referenceur-seo"], "contenus": ["redacteur-web"]}),
        (["--skill", "Analyse d'audience"], {"acquisition": ["referenceur-sea", "referenceur-seo"], "contenus": []}),
    ],
)  # fmt: skip
def test_each_list_filter_alone(
    root: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: dict[str, list[str]]
) -> None:
    code, out, _ = run(capsys, "--content", str(root), "list", "--json", *argv)
    assert code == 0
    assert listed(out) == expected


def test_repeated_options_any_family_level_employer_but_all_skills(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--content", str(root), "list", "--json"]
    _, out, _ = run(capsys, *base, "--access", "Bac+2", "--access", "Bac+5")
    assert all_ids(out) == ["referenceur-sea", "referenceur-seo", "redacteur-web"]
    _, out, _ = run(capsys, *base, "--employer", "regie", "--employer", "freelance")
    assert all_ids(out) == ["referenceur-sea", "redacteur-web"]
    _, out, _ = run(capsys, *base, "--skill", "seo", "--skill", "analyse")
    assert all_ids(out) == ["referenceur-seo"]
    _, out, _ = run(capsys, *base, "--skill", "seo", "--family", "acquisition", "--access", "Bac+3")
    assert all_ids(out) == ["referenceur-seo"]


def test_list_filters_text_shows_only_families_left(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--content", str(root), "list", "--employer", "freelance")
    assert code == 0
    assert out.splitlines() == [
        "Contenus et rédaction (1)",
        "  redacteur-web  Rédacteur web / Rédactrice web",
    ]


def test_list_empty_result_says_which_filter_emptied_it(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--content", str(root), "list", "--family", "contenus", "--employer", "regie"
    )
    assert code == 0
    # The console wraps long lines: compare the words.
    assert " ".join(out.split()) == (
        "Aucun métier ne correspond au filtre « Employeur : Régie publicitaire » en plus des "
        "autres filtres."
    )
    code, out, _ = run(capsys, "--content", str(root), "list", "--access", "Bac+4", "--json")
    assert code == 0 and all_ids(out) == []
    _, out, _ = run(capsys, "--content", str(root), "list", "--access", "Bac+4")
    assert out == "Aucun métier ne correspond au filtre « Niveau : Bac+4 ».\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--family", "logistique"], "famille inconnue « logistique » (--family) ; choix possibles : acquisition, contenus"),
        (["--access", "Bac+9"], "niveau inconnu « Bac+9 » (--access) ; choix possibles : Sans diplôme, Bac, Bac+2, Bac+3, Bac+4, Bac+5"),
        (["--employer", "startup"], "type d'employeur inconnu « startup » (--employer) ; choix possibles : agence, annonceur, pure-player, brick-and-click, regie, freelance, vente-a-distance"),
        (["--skill", "php"], "compétence inconnue « php » (--skill) ; choix possibles : achat-mots-cles, analyse, curiosite, budget, redaction, seo"),
    ],
)  # fmt: skip
def test_unknown_filter_value_lists_the_choices_and_exits_2(
    root: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--content", str(root), "list", *argv)
    assert (code, out) == (2, "")
    assert err == f"explorer: {message}\n"


def test_unknown_skill_among_many_names_the_closest(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    content.skills += [
        {"id": f"outil-{n}", "label": f"Outil numéro {n}", "category": "technique"}
        for n in range(40)
    ]
    code, _, err = run(capsys, "--content", str(content.write()), "list", "--skill", "seo-bases")
    assert code == 2
    assert err.startswith("explorer: compétence inconnue « seo-bases » (--skill) ; vouliez-vous")
    assert "seo" in err and "outil-1" not in err
