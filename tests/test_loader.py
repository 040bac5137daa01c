"""Every problem the loader must report, one content folder per case."""

from __future__ import annotations

from collections.abc import Callable
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
    assert role.related[0].kind_label == "Métier proche"


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


# --- the second edition's fields and rules -----------------------------------------------


def test_conditions_sectors_and_status_load(content: ContentFactory) -> None:
    content.roles["redacteur-web"] |= {
        "conditions": "Pics d'activité aux soldes et au Black Friday.",
        "sectors": ["Textile", "Voyage"],
        "status": ["salarie", "micro-entrepreneur"],
    }
    result = load_catalog(content.write())
    assert result.issues == ()
    role = result.catalog.roles["redacteur-web"]
    assert role.conditions == "Pics d'activité aux soldes et au Black Friday."
    assert role.sectors == ("Textile", "Voyage")
    assert role.status_labels == ("Salarié", "Micro-entrepreneur")
    # Optional: a role without them has none.
    other = result.catalog.roles["referenceur-sea"]
    assert (other.conditions, other.sectors, other.status) == ("", (), ())


@pytest.mark.parametrize(
    ("field", "value", "where", "fragment"),
    [
        ("conditions", "  ", "conditions", "chaîne vide"),
        ("conditions", ["Soldes"], "conditions", "chaîne de caractères attendue"),
        ("sectors", "Textile", "sectors", "liste de chaînes attendue"),
        ("sectors", ["Textile", ""], "sectors[1]", "chaîne vide"),
        ("sectors", ["Textile", "Textile"], "sectors[1]", "apparaît deux fois"),
        ("status", ["salarié"], "status", "valeur inconnue « salarié » (vouliez-vous dire"),
        ("status", "salarie", "status", "liste de chaînes attendue"),
        ("statut", ["salarie"], "statut", "clé inconnue (vouliez-vous dire « status » ?)"),
    ],
)
def test_new_fields_are_checked_like_the_others(
    content: ContentFactory, field: str, value: object, where: str, fragment: str
) -> None:
    content.roles["redacteur-web"][field] = value
    issue = only_issue(content.write())
    assert issue.path.endswith("redacteur-web.toml")
    assert issue.where == where
    assert fragment in issue.message


SOURCES = """\
[[source]]
id = "000.txt"
title = "Les métiers du e-commerce"
publisher = "Revue du commerce"
date = "2023-05"

[[source]]
id = "001.txt"
title = "Le référencement"
publisher = "Studyrama"
date = 2022-11-03
"""


def test_sources_toml_describes_the_sources(content: ContentFactory) -> None:
    content.roles["referenceur-sea"]["sources"] = []  # drawn from the profession, not an article
    root = content.write()
    content.write_text("sources.toml", SOURCES)
    result = load_catalog(root)
    assert result.issues == ()
    sources = result.catalog.sources
    assert [(s.id, s.publisher, s.date) for s in sources.values()] == [
        ("000.txt", "Revue du commerce", "2023-05"),
        ("001.txt", "Studyrama", "2022-11-03"),
    ]
    role = result.catalog.roles["referenceur-seo"]
    assert [s.title for s in result.catalog.role_sources(role)] == ["Les métiers du e-commerce"]
    assert result.catalog.roles["referenceur-sea"].sources == ()


def test_without_sources_toml_any_source_id_is_accepted(content: ContentFactory) -> None:
    content.roles["referenceur-sea"]["sources"] = ["n'importe-quoi.txt"]
    result = load_catalog(content.write())
    assert result.issues == () and result.catalog.sources == {}


def test_a_source_unknown_to_sources_toml_is_a_problem(content: ContentFactory) -> None:
    content.roles["referenceur-seo"]["sources"] = ["000.txt", "002.txt"]
    root = content.write()
    content.write_text("sources.toml", SOURCES)
    issue = only_issue(root)
    assert issue.path.endswith("referenceur-seo.toml")
    assert issue.where == "sources[1]"
    assert "source inconnue de sources.toml « 002.txt »" in issue.message


@pytest.mark.parametrize(
    ("edit", "where", "fragment"),
    [
        (lambda s: s.replace("title = ", "titre = ", 1), "source[0].title", "champ obligatoire"),
        (lambda s: s.replace('"2023-05"', "2023"), "source[0].date", "date ou chaîne attendue"),
        (lambda s: s.replace('"2023-05"', "2023-05-01T10:00:00"), "source[0].date", "une date"),
        (lambda s: s.replace('title = "Le r', 'titre = "Le r'), "source[1].titre", "clé inconnue"),
        (lambda s: s.replace('"Studyrama"', '""'), "source[1].publisher", "chaîne vide"),
        (lambda s: s.replace('"001.txt"', '"000.txt"'), "source[1].id", "en double"),
    ],
)
def test_sources_toml_is_checked(
    content: ContentFactory, edit: Callable[[str], str], where: str, fragment: str
) -> None:
    root = content.write()
    content.write_text("sources.toml", edit(SOURCES))
    issues = load_catalog(root).issues
    assert issues and all(i.path.endswith("sources.toml") for i in issues), messages(issues)
    assert any(i.where == where and fragment in i.message for i in issues), messages(issues)


def test_a_proche_link_without_its_return_is_a_problem_the_role_still_loads(
    content: ContentFactory,
) -> None:
    content.roles["referenceur-sea"]["related"] = []  # SEO says SEA is near; SEA says nothing
    result = load_catalog(content.write())
    [issue] = result.issues
    assert issue.path.endswith("referenceur-seo.toml")
    assert issue.where == "related[1].role"
    assert issue.message == (
        "lien « proche » à sens unique : « referenceur-sea » n'a pas de lien « proche » "
        "vers « referenceur-seo »"
    )
    assert not result.ok and not issue.warning
    assert set(result.catalog.roles) == {"referenceur-seo", "referenceur-sea", "redacteur-web"}


def test_an_evolution_does_not_answer_a_proche_link(content: ContentFactory) -> None:
    content.roles["referenceur-sea"]["related"] = [{"role": "referenceur-seo", "kind": "evolution"}]
    issue = only_issue(content.write())
    assert issue.path.endswith("referenceur-seo.toml") and "à sens unique" in issue.message


def test_an_evolution_needs_no_return(content: ContentFactory) -> None:
    content.roles["referenceur-sea"]["related"].append(
        {"role": "redacteur-web", "kind": "evolution"}
    )
    assert load_catalog(content.write()).issues == ()


def test_the_same_role_linked_twice_is_a_problem(content: ContentFactory) -> None:
    content.roles["referenceur-sea"]["related"].append(
        {"role": "referenceur-seo", "kind": "evolution"}
    )
    result = load_catalog(content.write())
    assert any(
        i.where == "related[1].role" and "déjà lié plus haut" in i.message for i in result.issues
    ), messages(result.issues)


# --- warnings: glossary terms used but not linked ----------------------------------------


def test_a_glossary_term_used_but_not_linked_is_a_warning(content: ContentFactory) -> None:
    content.roles["referenceur-sea"]["missions"] = ["Créer les campagnes", "Suivre le S.E.O."]
    result = load_catalog(content.write())
    [issue] = result.issues
    assert issue.warning and result.ok
    assert issue.path.endswith("referenceur-sea.toml")
    assert issue.where == "missions[1]"
    assert str(issue) == (
        f"{issue.path}: missions[1]: avertissement : emploie « SEO », "
        "terme du glossaire que terms ne lie pas (ajoutez « seo »)"
    )
    assert result.warnings == (issue,) and result.errors == ()
    assert "referenceur-sea" in result.catalog.roles


@pytest.mark.parametrize(
    "text",
    [
        "Il fait du SEO.",  # the term
        "Il fait du seo, et encore du SEO.",  # once per term, however often it is used
        "Le référencement naturel d'abord.",  # an alias, folded (accents, case)
        "Le Référencement Naturel.",
    ],
)
def test_every_spelling_of_a_term_warns_once(content: ContentFactory, text: str) -> None:
    content.roles["referenceur-sea"]["context"] = text
    content.terms[0]["aliases"] = ["S.E.O.", "référencement naturel"]
    result = load_catalog(content.write())
    assert [(i.where, i.warning) for i in result.issues] == [("context", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Les seorganisations du référencement.",  # not a whole word
        "Le référencement payant.",  # only the first word of an alias
        "Il choisit un CMS.",  # a general term: not meant to be linked
        "Il fait du SEA.",  # linked in terms
    ],
)
def test_no_warning_where_no_unlinked_term_is_used(content: ContentFactory, text: str) -> None:
    content.roles["referenceur-sea"]["conditions"] = text
    content.terms[0]["aliases"] = ["référencement naturel"]
    assert load_catalog(content.write()).issues == ()


# --- progress --------------------------------------------------------------------------------


def test_progress_is_reported_every_fifty_files_and_at_the_end(content: ContentFactory) -> None:
    for number in range(117):
        content.roles[f"metier-{number:03d}"] = {
            **content.roles["redacteur-web"],
            "title": f"Métier {number}",
            "related": [],
        }
    calls: list[tuple[int, int]] = []
    result = load_catalog(content.write(), progress=lambda done, total: calls.append((done, total)))
    assert result.ok
    assert calls == [(50, 120), (100, 120), (120, 120)]


def test_progress_without_role_files(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    load_catalog(tmp_path, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 0)]


def test_a_source_may_show_no_publisher_nor_date(content: ContentFactory) -> None:
    root = content.write()
    undated = SOURCES.replace('publisher = "Studyrama"\n', "").replace("date = 2022-11-03\n", "")
    content.write_text("sources.toml", undated)
    result = load_catalog(root)
    assert result.issues == ()
    source = result.catalog.sources["001.txt"]
    assert (source.title, source.publisher, source.date) == ("Le référencement", "", "")


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
def test_a_file_longer_than_its_size_says_is_read_whole_but_never_past_the_limit() -> None:
    from explorer.model.files import FileProblem, read_bounded

    status = Path("/proc/self/status")  # a regular file whose size says 0
    assert status.stat().st_size == 0
    whole = read_bounded(status, 1 << 20)
    assert whole.startswith(b"Name:") and b"\nVmRSS:" in whole and whole.endswith(b"\n")
    with pytest.raises(FileProblem, match="fichier trop volumineux"):
        read_bounded(status, 100)


def test_a_role_file_past_the_role_limit_is_left_out_but_a_large_glossary_is_read(
    content: ContentFactory,
) -> None:
    from explorer.model.loader import MAX_ROLE_BYTES

    root = content.write()
    role = root / "roles" / "redacteur-web.toml"
    role.write_text(role.read_text("utf-8") + "# " + "x" * MAX_ROLE_BYTES + "\n", "utf-8")
    glossary = root / "glossary.toml"
    glossary.write_text(glossary.read_text("utf-8") + "# " + "x" * 2 * MAX_ROLE_BYTES + "\n")
    issue = only_issue(root)
    assert issue.path.endswith("redacteur-web.toml")
    assert "fichier trop volumineux (maximum 128 ko)" in issue.message
