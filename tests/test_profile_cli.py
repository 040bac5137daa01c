"""`explorer profile …` and `explorer match`: output, exit codes, JSON and the file on disk."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from explorer.cli import main
from tests.content_factory import ContentFactory


@pytest.fixture
def root(content: ContentFactory) -> Path:
    return content.write()


@pytest.fixture
def profile_file(isolated_user_dirs: Path) -> Path:
    return isolated_user_dirs / "profile.toml"


def run(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--content", str(root), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def saved(profile_file: Path) -> list[str]:
    skills: list[str] = tomllib.loads(profile_file.read_text("utf-8"))["skills"]
    return skills


def test_add_by_id_or_label_whatever_the_accents_and_case(
    root: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, root, "profile", "add", "seo", "REDACTION WEB", "curiosite")
    assert (code, err) == (0, "")
    assert out == "Ajouté au profil : Référencement naturel, Rédaction web, Curiosité\n"
    assert saved(profile_file) == ["seo", "redaction", "curiosite"]
    code, out, _ = run(capsys, root, "profile", "add", "Curiosité", "budget")
    assert out == "Ajouté au profil : Gestion de budget\nDéjà dans le profil : Curiosité\n"
    assert saved(profile_file) == ["seo", "redaction", "curiosite", "budget"]


def test_an_unknown_skill_is_an_error_with_the_closest_ids_and_changes_nothing(
    root: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, root, "profile", "add", "seo", "analyze", "référencement")
    assert (code, out) == (2, "")
    assert err.startswith(
        "explorer: compétences inconnues : « analyze » (vouliez-vous dire : analyse"
    )
    assert "« référencement » (vouliez-vous dire : seo" in err
    assert not profile_file.exists()


def test_show_lists_the_skills_and_reports_unknown_ones_kept_in_the_file(
    root: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile_file.parent.mkdir(parents=True)
    profile_file.write_text('version = 1\nskills = ["budget", "ancienne", "seo"]\n', "utf-8")
    code, out, err = run(capsys, root, "profile", "show", "--json")
    assert code == 0
    assert json.loads(out) == {
        "skills": [
            {"id": "budget", "label": "Gestion de budget", "category": "gestion"},
            {"id": "seo", "label": "Référencement naturel", "category": "technique"},
        ],
        "unknown": ["ancienne"],
    }
    assert "« ancienne »" in err and "inconnue du catalogue" in err
    code, out, _ = run(capsys, root, "profile", "show")
    assert out.splitlines()[0] == "Votre profil : 3 compétences"
    assert "Référencement naturel" in out and "ancienne" in out
    run(capsys, root, "profile", "add", "analyse")
    assert saved(profile_file) == ["budget", "ancienne", "seo", "analyse"]  # never dropped


def test_remove_and_clear(
    root: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, root, "profile", "add", "seo", "budget", "analyse")
    code, out, _ = run(capsys, root, "profile", "remove", "Gestion de budget", "curiosite")
    assert code == 0
    assert out == "Retiré du profil : Gestion de budget\nPas dans le profil : Curiosité\n"
    assert saved(profile_file) == ["seo", "analyse"]
    assert run(capsys, root, "profile", "remove", "zzz")[0] == 2
    assert run(capsys, root, "profile", "clear") == (
        0,
        "Profil vidé (2 compétences retirées).\n",
        "",
    )
    assert saved(profile_file) == []


def test_from_role_ticks_the_skills_of_roles_named_by_title_or_alias(
    root: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, root, "profile", "from-role", "Rédactrice web", "Consultant SEA")
    assert code == 0
    assert out.startswith("Depuis Rédacteur web, Référenceur SEA : 6 compétences ajoutées")
    assert saved(profile_file) == [
        "redaction",
        "seo",
        "curiosite",
        "achat-mots-cles",
        "analyse",
        "budget",
    ]
    code, _, err = run(capsys, root, "profile", "from-role", "boulanger")
    assert code == 2 and "métier inconnu « boulanger »" in err


def test_match_json_in_rank_order_from_the_saved_profile(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, root, "profile", "add", "seo", "redaction", "analyse")
    code, out, err = run(capsys, root, "match", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == [
        {
            "role": "referenceur-seo",
            "title": "Référenceur SEO",
            "match": 0.75,
            "have": ["seo", "analyse", "redaction"],
            "missing": ["curiosite"],
        },
        {
            "role": "redacteur-web",
            "title": "Rédacteur web",
            "match": 2 / 3,
            "have": ["redaction", "seo"],
            "missing": ["curiosite"],
        },
        {
            "role": "referenceur-sea",
            "title": "Référenceur SEA",
            "match": 1 / 3,
            "have": ["analyse"],
            "missing": ["achat-mots-cles", "budget"],
        },
    ]


def test_match_ties_fewer_missing_first_then_catalogue_order(
    content: ContentFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    # Both at 1/2; the catalogue lists referenceur-seo first, but the smaller role misses less.
    content.roles["referenceur-seo"]["skills"] = ["seo", "budget", "analyse", "curiosite"]
    content.roles["redacteur-web"]["skills"] = ["seo", "redaction"]
    root = content.write()
    code, out, _ = run(capsys, root, "match", "--skills", "seo,budget", "--json")
    assert code == 0
    assert [(r["role"], r["match"]) for r in json.loads(out)] == [
        ("redacteur-web", 0.5),
        ("referenceur-seo", 0.5),
        ("referenceur-sea", 1 / 3),
    ]


def test_match_with_skills_ignores_the_profile_and_limit_keeps_the_first(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, root, "profile", "add", "seo")
    code, out, _ = run(
        capsys, root, "match", "--skills", "Achat de mots-clés, budget", "--limit", "1", "--json"
    )
    assert code == 0
    [only] = json.loads(out)
    assert only["role"] == "referenceur-sea" and only["have"] == ["achat-mots-cles", "budget"]
    code, out, _ = run(capsys, root, "match", "--limit", "2")
    assert out.splitlines() == [
        "1. Rédacteur web — 1/3 · 33 % · 2 à acquérir",
        "2. Référenceur SEO — 1/4 · 25 % · 3 à acquérir",
    ]


def test_match_errors(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, root, "match")
    assert (code, out) == (2, "") and "votre profil est vide" in err
    code, _, err = run(capsys, root, "match", "--skills", "seo,zzz")
    assert code == 2 and "« zzz »" in err
    with pytest.raises(SystemExit) as done:
        main(["--content", str(root), "match", "--limit", "0"])
    assert done.value.code == 2 and "au moins 1" in capsys.readouterr().err


def test_a_corrupt_profile_is_moved_aside_and_said(
    root: Path, profile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile_file.parent.mkdir(parents=True)
    profile_file.write_bytes(b"skills = [oops\n")
    code, out, err = run(capsys, root, "profile", "show")
    assert code == 0 and "Votre profil est vide" in out
    [aside] = profile_file.parent.glob("profile.toml.corrupt-*")
    assert aside.read_bytes() == b"skills = [oops\n"
    assert "mis de côté" in err and str(aside) in err


def test_the_export_has_a_profile_section_once_there_is_a_profile(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--content", str(root), "shortlist", "add", "referenceur-sea"])
    run(capsys, root, "profile", "add", "budget")
    code, out, _ = run(capsys, root, "shortlist", "export", "-o", "-")
    assert code == 0
    assert "## Mon profil" in out
    assert "- **Référenceur SEA / Référenceuse SEA** — 1/3 · 33\u00a0%" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["profile", "-h"],
        ["profile", "show", "-h"],
        ["profile", "add", "-h"],
        ["profile", "remove", "-h"],
        ["profile", "clear", "-h"],
        ["profile", "from-role", "-h"],
        ["match", "-h"],
    ],
)
def test_help_is_french(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : explorer ")
    assert "show this help" not in out and "afficher cette aide" in out
