"""The Markdown export: written whole or not at all, and everything a role's fiche says, in French.

A full disk is real here: the child process that writes gets a file size limit (RLIMIT_FSIZE),
so its writes fail with EFBIG exactly where a full disk fails them with ENOSPC.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from explorer.model import Catalog, load_catalog
from explorer.model.export import export_path_for, shortlist_markdown, write_export
from explorer.model.shortlist import ShortlistEntry
from explorer.model.typography import NBSP, NNBSP, french_spaces
from tests.content_factory import ContentFactory
from tests.hang_guard import within

DAY = date(2025, 3, 12)
OLD = "# Export d'hier\n\nÀ garder tel quel.\n"
LONG = "# Nouvel export\n" + "- une ligne de plus\n" * 20_000


def write_with_a_full_disk(target: Path, text: str, *, overwrite: bool) -> subprocess.Popen[str]:
    """write_export in a process whose files cannot grow past 4 KiB; prints what it raised."""
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        from pathlib import Path
        from explorer.model.export import write_export
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failing write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            write_export(Path(sys.argv[1]), sys.stdin.read(), overwrite={overwrite})
        except OSError as error:
            print(type(error).__name__)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    return child


@pytest.mark.skipif(not hasattr(os, "setrlimit") and sys.platform != "linux", reason="POSIX")
@pytest.mark.parametrize("replacing", [True, False])
def test_a_full_disk_leaves_the_old_export_intact_and_no_partial_file(
    tmp_path: Path, replacing: bool
) -> None:
    existing = tmp_path / "shortlist-2025-03-12.md"
    existing.write_text(OLD, encoding="utf-8")
    target = existing if replacing else tmp_path / "shortlist-2025-03-12-2.md"
    child = write_with_a_full_disk(target, LONG, overwrite=replacing)
    out, _ = child.communicate(LONG, timeout=60)
    assert out.strip() == "OSError"  # EFBIG, as ENOSPC would be
    assert existing.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == [existing.name]  # no partial, no temporary


def test_a_failed_replace_leaves_the_old_export_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.md"
    target.write_text(OLD, encoding="utf-8")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError):
        write_export(target, LONG, overwrite=True)
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["export.md"]


def test_replacing_an_export_that_is_a_link_writes_its_target(tmp_path: Path) -> None:
    real = tmp_path / "partage" / "selection.md"
    real.parent.mkdir()
    real.write_text(OLD, encoding="utf-8")
    link = tmp_path / "shortlist-2025-03-12.md"
    link.symlink_to(real)
    assert write_export(link, "nouveau\n", overwrite=True) == real
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "nouveau\n"


def test_an_export_never_replaces_a_file_without_being_told(tmp_path: Path) -> None:
    target = export_path_for(tmp_path, DAY)
    assert target == tmp_path / "shortlist-2025-03-12.md"
    assert write_export(target, "un\n") == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not the temporary file's 0600
    with pytest.raises(FileExistsError):
        write_export(target, "deux\n")
    assert target.read_text(encoding="utf-8") == "un\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_replacing_a_fifo_fails_at_once_and_leaves_it(tmp_path: Path) -> None:
    fifo = tmp_path / "export.md"
    os.mkfifo(fifo)
    with within(5), pytest.raises(OSError):  # nobody reads it: ENXIO, not a wait
        write_export(fifo, "texte\n", overwrite=True)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


# --- content --------------------------------------------------------------------------------------


@pytest.fixture
def catalog(content: ContentFactory) -> Catalog:
    seo = content.roles["referenceur-seo"]
    seo["access"] = ["Licence professionnelle web", "Master en marketing digital"]
    seo["context"] = "En agence : plusieurs clients.\nChez l'annonceur ? Un seul site."
    return load_catalog(content.write()).catalog


def test_each_role_says_how_to_get_there_who_hires_and_in_what_context(catalog: Catalog) -> None:
    text = shortlist_markdown(catalog, [ShortlistEntry("referenceur-seo", DAY)], today=DAY)
    lines = text.splitlines()
    access = lines.index("### Accès au métier")
    assert lines[access + 2] == f"Niveaux{NBSP}: Bac+3, Bac+5"
    assert lines[access + 4 : access + 6] == [
        "- Licence professionnelle web",
        "- Master en marketing digital",
    ]
    employers = lines.index("### Employeurs")
    assert lines[employers + 2 : employers + 4] == [
        "- Agence web ou de communication",
        "- Annonceur / e-commerçant",
    ]
    context = lines.index("### Contexte")
    assert lines[context + 2 : context + 4] == [
        f"En agence{NBSP}: plusieurs clients.\\",
        f"Chez l'annonceur{NNBSP}? Un seul site.",
    ]


def test_status_sectors_and_conditions_when_the_role_has_them(catalog: Catalog) -> None:
    # TODO(lead): once the model helper's Role fields are merged, set them in the content.
    role = catalog.roles["referenceur-sea"]
    object.__setattr__(role, "status", ("salarie",))
    object.__setattr__(role, "sectors", ("Mode", "Voyage"))
    object.__setattr__(role, "conditions", "Horaires de bureau ; pics en soldes !")
    text = shortlist_markdown(catalog, [ShortlistEntry("referenceur-sea", DAY)], today=DAY)
    lines = text.splitlines()
    assert "### Statut" in lines and "### Secteurs" in lines
    assert "- Mode" in lines and "- Voyage" in lines
    conditions = lines.index("### Conditions de travail")
    assert lines[conditions + 2] == f"Horaires de bureau{NNBSP}; pics en soldes{NNBSP}!"


def test_a_note_keeps_its_line_breaks_and_paragraphs(catalog: Catalog) -> None:
    note = "Appeler Camille : mardi\n- pas une liste\n1. pas un numéro\n\nDeuxième paragraphe"
    text = shortlist_markdown(catalog, [ShortlistEntry("redacteur-web", DAY, note)], today=DAY)
    lines = text.splitlines()
    start = lines.index("### Note") + 2
    assert lines[start : start + 5] == [
        f"> Appeler Camille{NBSP}: mardi\\",
        "> \\- pas une liste\\",
        "> 1\\. pas un numéro",
        ">",
        "> Deuxième paragraphe",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il gère : le site ; les offres ? Oui !",
            "Il gère\xa0: le site\u202f; les offres\u202f? Oui\u202f!",
        ),
        ("« bonjour » à 50 %", "«\xa0bonjour\xa0» à 50\xa0%"),
        (
            "10:30, https://exemple.fr, a;b",
            "10:30, https://exemple.fr, a;b",
        ),  # no space, none added
        ("? en tête de ligne", "? en tête de ligne"),
    ],
)
def test_french_spaces(text: str, expected: str) -> None:
    assert french_spaces(text) == expected


# --- "Mon profil" ---------------------------------------------------------------------------------


def test_with_a_profile_the_export_ends_with_its_skills_and_each_roles_gap(
    catalog: Catalog,
) -> None:
    entries = [ShortlistEntry("referenceur-seo", DAY), ShortlistEntry("referenceur-sea", DAY)]
    without = shortlist_markdown(catalog, entries, today=DAY)
    text = shortlist_markdown(catalog, entries, today=DAY, profile=["seo", "analyse", "retired"])
    assert text.startswith(without.rstrip("\n"))  # the shortlist itself is unchanged
    section = text[len(without.rstrip("\n")) :].strip().splitlines()
    assert section == [
        "## Mon profil",
        "",
        "3 compétences.",
        "",
        "### Mes compétences",
        "",
        f"- **Technique**{NBSP}: Référencement naturel, Analyse d'audience",
        f"- **Inconnues du catalogue actuel**{NBSP}: retired",
        "",
        "### Les métiers de la sélection",
        "",
        f"- **Référenceur SEO / Référenceuse SEO** — 2/4 · 50{NBSP}% · à acquérir{NBSP}: Rédaction web, Curiosité",
        f"- **Référenceur SEA / Référenceuse SEA** — 1/3 · 33{NBSP}% · à acquérir{NBSP}: Achat de mots-clés, "
        "Gestion de budget",
    ]


def test_an_empty_profile_adds_nothing(catalog: Catalog) -> None:
    entries = [ShortlistEntry("referenceur-seo", DAY)]
    assert shortlist_markdown(catalog, entries, today=DAY, profile=[]) == shortlist_markdown(
        catalog, entries, today=DAY
    )
    assert "Mon profil" not in shortlist_markdown(catalog, entries, today=DAY)
