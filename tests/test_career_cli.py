"""`explorer path A B` and `explorer team --skills …`: output, JSON contract, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.model.team import TEAM_PRESETS
from tests.cli_run import run
from tests.content_factory import ContentFactory

SEO, SEA, REDAC = "referenceur-seo", "referenceur-sea", "redacteur-web"


@pytest.fixture
def root(content: ContentFactory) -> Path:
    """The test catalogue, plus a role linked to nothing and a skill no role has."""
    content.skills.append(
        {"id": "photo", "label": "Photo (studio, packshot)", "category": "technique"}
    )
    content.roles["isole"] = {
        **{k: v for k, v in content.roles[SEA].items() if k != "title_feminine"},
        "title": "Métier isolé",
        "aliases": [],
        "skills": ["analyse", "budget", "achat-mots-cles", "redaction"],
        "related": [],
    }
    return content.write()


def test_path_json_contract(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--content", str(root), "path", REDAC, SEA, "--json")
    assert code == 0
    assert json.loads(out) == {
        "a": REDAC,
        "b": SEA,
        "steps": [
            {"from": REDAC, "to": SEO, "kind": "proche", "acquire": ["analyse"]},
            {"from": SEO, "to": SEA, "kind": "proche", "acquire": ["achat-mots-cles", "budget"]},
        ],
        "total_acquire": 3,
    }


def test_path_takes_titles_and_aliases_like_show(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--content", str(root), "path", "Rédactrice web", "Consultant SEA", "--json"
    )
    data = json.loads(out)
    assert code == 0 and (data["a"], data["b"]) == (REDAC, SEA)


def test_path_text_lists_each_step_and_what_it_adds(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--content", str(root), "path", REDAC, SEA)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "De Rédacteur web à Référenceur SEA : 2 étapes, 3 compétences à acquérir",
        "1. Rédacteur web → Référenceur SEO (métier proche)",
        "   1 compétence à acquérir : Analyse d'audience",
        "2. Référenceur SEO → Référenceur SEA (métier proche)",
        "   2 compétences à acquérir : Achat de mots-clés, Gestion de budget",
    ]


def test_no_path_says_so_and_shows_the_direct_gap(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--content", str(root), "path", REDAC, "isole")
    assert code == 0
    assert out.splitlines() == [
        "Aucun chemin de Rédacteur web à Métier isolé par les métiers liés.",
        "Écart direct : 3 compétences à acquérir : Analyse d'audience, Gestion de budget, "
        "Achat de mots-clés",
    ]
    code, out, _ = run(capsys, "--content", str(root), "path", REDAC, "isole", "--json")
    assert code == 0
    assert json.loads(out) == {"a": REDAC, "b": "isole", "steps": [], "total_acquire": 0}


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        (
            "referenceur-sep",
            SEA,
            "métier inconnu « referenceur-sep » ; vouliez-vous dire : referenceur-seo",
        ),
        (SEO, "Référenceuse SEO", "le départ et l'arrivée sont le même métier"),
    ],
)
def test_path_bad_roles_exit_2(
    root: Path, capsys: pytest.CaptureFixture[str], a: str, b: str, message: str
) -> None:
    code, out, err = run(capsys, "--content", str(root), "path", a, b)
    assert (code, out) == (2, "")
    assert message in err


def test_team_json_contract(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # SEO comes from the rédacteur (2 skills beyond the need) rather than the référenceur SEO (3).
    code, out, _ = run(
        capsys, "--content", str(root), "team", "--skills", "seo,budget,photo", "--json"
    )
    assert code == 0
    assert json.loads(out) == {
        "roles": [SEA, REDAC],
        "covered": {"seo": [REDAC], "budget": [SEA]},
        "uncovered": ["photo"],
        "optimal": True,
    }


def test_team_skills_by_label_with_commas_inside_brackets(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "--content",
        str(root),
        "team",
        "--skills",
        "Référencement naturel, photo (studio, packshot)",
        "--skills",
        "achat de mots-cles",
        "--json",
    )
    data = json.loads(out)
    assert code == 0
    assert (list(data["covered"]), data["uncovered"]) == (["seo", "achat-mots-cles"], ["photo"])


def test_team_text_roles_table_uncovered_optimal_generalist(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--content", str(root), "team", "--skills", "seo,budget,photo")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "Équipe proposée : 2 métiers (optimal) pour 3 compétences"
    assert lines[1:3] == [
        "1. referenceur-sea  Référenceur SEA / Référenceuse SEA",
        "2. redacteur-web  Rédacteur web / Rédactrice web",
    ]
    rows = {line.split("│")[0].strip(): line.split("│")[1:] for line in lines if "│" in line}
    assert [cell.strip() for cell in rows["Référencement naturel"]] == ["", "●"]
    assert [cell.strip() for cell in rows["Gestion de budget"]] == ["●", ""]
    assert "Non couvert : Photo (studio, packshot)" in lines
    assert "Optimal : aucune équipe plus petite ne couvre ce besoin." in lines
    # No generalist role in this catalogue: the line says so.
    assert lines[-1].startswith("Aucun profil généraliste")


def test_team_preset_on_the_bundled_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "team", "--preset", "Boutique qui demarre", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["roles"] == ["e-commercant"] and data["optimal"] is True
    assert set(data["covered"]) == set(TEAM_PRESETS["boutique qui démarre"])
    code, out, _ = run(capsys, "team", "--preset", "PME")
    assert code == 0
    assert "Une seule personne : Chargé de e-commerce couvre 10 sur 14 compétences demandées" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--skills", "seo-tech,xyz"],
            "compétence inconnue « seo-tech » (vouliez-vous dire : seo-technique",
        ),
        (["--skills", "xyz"], "compétence inconnue « xyz »"),
        (
            ["--preset", "hypermarché"],
            "point de départ inconnu « hypermarché » ; possibles : « boutique qui démarre », « PME », « grand site marchand »",
        ),
        ([], "indiquez les compétences voulues (--skills) ou un point de départ (--preset)"),
    ],
)
def test_team_bad_input_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "team", *argv)
    assert (code, out) == (2, "")
    assert message in err


def test_help_is_french_and_names_every_preset(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "team", "-h")
    out = capsys.readouterr().out
    assert "compétences voulues, séparées par des virgules" in " ".join(out.split())
    for name in TEAM_PRESETS:
        assert f"« {name} »" in " ".join(out.split())
    with pytest.raises(SystemExit):
        run(capsys, "path", "-h")
    out = " ".join(capsys.readouterr().out.split())
    assert "métier de départ" in out and "métier visé" in out and "sortie JSON" in out
