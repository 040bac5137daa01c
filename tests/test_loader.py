"""Every problem the loader must report, one content folder per case."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.model import ContentIssue, load_catalog
from tests.content_factory import ContentFactory


def messages(issues: tuple[ContentIssue, ...]) -> list[str]:
    return [str(i) for i in issues]


def only_issue(root: Path) -> ContentIssue:
    result = load_catalog(root)
    assert len(result.issues) == 1, messages(result.issues)
    return result.issues[0]


def test_valid_folder_loads_everything(content: ContentFactory) -> None:
    result = load_catalog(content.write())
    assert result.ok
    catalog = result.catalog
    assert [f.id for f in catalog.families] == ["acquisition", "contenus"]
    assert [r.id for r in catalog.roles_of("acquisition")] == ["referenceur-sea", "referenceur-seo"]
    role = catalog.roles["redacteur-web"]
    assert role.display_title == "Rédacteur web / Rédactrice web"
    assert role.access.levels == ("Bac+2", "Bac+3")
    assert role.related[0].role == "referenceur-seo"
    assert role.related[0].kind_label == "Évolution possible"


def test_toml_syntax_error_keeps_line_and_column(content: ContentFactory) -> None:
    root = content.write()
    content.write_text("roles/redacteur-web.toml", 'title = "Rédacteur web"\nsummary = \n')
    issue = only_issue(root)
    assert issue.path.endswith("roles/redacteur-web.toml")
    assert (issue.line, issue.column) == (2, 11)
    assert str(issue).startswith(f"{issue.path}:2:11: erreur de syntaxe TOML")
    # The rest still loads.
    assert set(load_catalog(root).catalog.roles) == {"referenceur-seo", "referenceur-sea"}


def test_file_not_utf8(content: ContentFactory) -> None:
    root = content.write()
    (root / "roles" / "redacteur-web.toml").write_bytes(b'title = "R\xe9dacteur"\n')
    issue = only_issue(root)
    assert "UTF-8" in issue.message
    assert issue.path.endswith("redacteur-web.toml")
    assert issue.line == 1


def test_missing_required_field(content: ContentFactory) -> None:
    del content.roles["redacteur-web"]["summary"]
    issue = only_issue(content.write())
    assert (issue.where, issue.message) == ("summary", "champ obligatoire manquant")
    assert str(issue).endswith("redacteur-web.toml: summary: champ obligatoire manquant")


def test_wrong_type_names_the_item(content: ContentFactory) -> None:
    content.roles["redacteur-web"]["missions"] = ["Rédiger", 42]
    issue = only_issue(content.write())
    assert issue.where == "missions[1]"
    assert "un entier" in issue.message


def test_number_where_list_expected(content: ContentFactory) -> None:
    content.roles["redacteur-web"]["tools"] = 3
    issue = only_issue(content.write())
    assert issue.where == "tools"
    assert "liste" in issue.message


def test_empty_string(content: ContentFactory) -> None:
    content.roles["redacteur-web"]["title"] = "   "
    issue = only_issue(content.write())
    assert (issue.where, issue.message) == ("title", "chaîne vide")


def test_unknown_key_suggests_the_right_one(content: ContentFactory) -> None:
    content.roles["redacteur-web"]["mision"] = ["typo"]
    issue = only_issue(content.write())
    assert issue.where == "mision"
    assert "clé inconnue" in issue.message
    assert "missions" in issue.message


def test_duplicate_ids(content: ContentFactory) -> None:
    content.skills.append({"id": "seo", "label": "Autre SEO", "category": "technique"})
    issue = only_issue(content.write())
    assert issue.path.endswith("skills.toml")
    assert "en double" in issue.message


@pytest.mark.parametrize(
    ("field", "value", "where", "fragment"),
    [
        ("family", "inconnue", "family", "famille inconnue"),
        ("skills", ["seo", "nope"], "skills[1]", "compétence inconnue"),
        ("terms", ["zzz"], "terms[0]", "terme inconnu"),
        ("related", [{"role": "ghost", "kind": "proche"}], "related[0].role", "métier inconnu"),
        (
            "related",
            [{"role": "redacteur-web", "kind": "proche"}],
            "related[0].role",
            "lui-même",
        ),
        ("related", [{"role": "referenceur-seo", "kind": "cousin"}], "related[0].kind", "type"),
        ("levels", ["Bac+12"], "levels", "valeur inconnue"),
        ("employers", ["agense"], "employers", "agence"),
        ("rome", "X12", "rome", "code ROME invalide"),
    ],
)
def test_bad_references(
    content: ContentFactory, field: str, value: object, where: str, fragment: str
) -> None:
    content.roles["redacteur-web"][field] = value
    issue = only_issue(content.write())
    assert issue.where == where
    assert fragment in issue.message


def test_all_problems_collected_in_one_pass(content: ContentFactory) -> None:
    content.roles["redacteur-web"]["mision"] = []
    content.roles["referenceur-seo"]["summary"] = ""
    content.skills[0]["category"] = "magie"
    result = load_catalog(content.write())
    assert len(result.issues) >= 3
    paths = {Path(i.path).name for i in result.issues}
    assert {"redacteur-web.toml", "referenceur-seo.toml", "skills.toml"} <= paths


def test_role_with_problem_is_left_out_and_links_to_it_dropped(content: ContentFactory) -> None:
    content.roles["redacteur-web"]["summary"] = 12
    result = load_catalog(content.write())
    assert "redacteur-web" not in result.catalog.roles
    # referenceur-seo links to the broken role: it loads, without the dangling link.
    assert [link.role for link in result.catalog.roles["referenceur-seo"].related] == [
        "referenceur-sea"
    ]


def test_empty_folder(tmp_path: Path) -> None:
    result = load_catalog(tmp_path)
    assert any("dossier de contenu vide" in i.message for i in result.issues)
    assert result.catalog.roles == {}


def test_missing_families_file(content: ContentFactory) -> None:
    root = content.write()
    (root / "families.toml").unlink()
    result = load_catalog(root)
    assert any(i.message == "fichier families.toml manquant" for i in result.issues)


def test_missing_folder(tmp_path: Path) -> None:
    result = load_catalog(tmp_path / "nowhere")
    assert messages(result.issues) == [f"{tmp_path / 'nowhere'}: dossier de contenu introuvable"]


def test_vocabulary_table_instead_of_array(content: ContentFactory) -> None:
    root = content.write()
    content.write_text("skills.toml", '[skill]\nid = "seo"\n')
    issues = load_catalog(root).issues
    assert any(i.path.endswith("skills.toml") and "liste de tables" in i.message for i in issues)
