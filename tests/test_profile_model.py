"""The profile file (model/profile.py): the shortlist's guarantees, read back from disk."""

from __future__ import annotations

import fcntl
import os
import tomllib
from pathlib import Path

import pytest

from explorer.model import Role, Skill
from explorer.model.catalog import Catalog
from explorer.model.profile import (
    Profile,
    fit_line,
    fit_of,
    rank_label,
    search_skills,
    unknown_skills_message,
)
from tests.hang_guard import within

LOCKED = "profil verrouillé par un autre processus…"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "profile.toml"


def on_disk(path: Path) -> list[str]:
    skills: list[str] = tomllib.loads(path.read_text("utf-8"))["skills"]
    return skills


def aside_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))


def test_no_file_is_an_empty_profile_and_a_change_creates_it(path: Path) -> None:
    profile = Profile.open(path)
    assert profile.skills == () and not path.exists()
    assert profile.add(["seo", "redaction-web", "seo"]) == ("seo", "redaction-web")
    assert on_disk(path) == ["seo", "redaction-web"]
    assert tomllib.loads(path.read_text("utf-8"))["version"] == 1
    assert Profile.open(path).skills == ("seo", "redaction-web")  # survives a restart


def test_remove_toggle_and_clear_are_saved(path: Path) -> None:
    profile = Profile.open(path)
    profile.add(["a", "b", "c"])
    assert profile.remove(["b", "zzz"]) == ("b",)
    assert on_disk(path) == ["a", "c"]
    assert profile.toggle("a") is False and profile.toggle("d") is True
    assert on_disk(path) == ["c", "d"]
    profile.clear()
    assert on_disk(path) == [] and len(profile) == 0


def test_two_processes_changing_the_profile_keep_each_others_skills(path: Path) -> None:
    first, second = Profile.open(path), Profile.open(path)
    first.add(["a"])
    second.add(["b"])  # second never saw "a": it re-reads the file under the lock
    assert on_disk(path) == ["a", "b"] and second.skills == ("a", "b")


CORRUPT = {
    "broken TOML": (b'version = 1\nskills = ["seo"\n', "ligne"),
    "another tool's file": (b'owner = "Camille"\ntheme = "sombre"\n', "version"),
    "skills as text": (b'version = 1\nskills = "seo"\n', "skills"),
    "a skill as a number": (b'version = 1\nskills = ["seo", 3]\n', "skills"),
    "a newer format": (b'version = 2\nskills = ["seo"]\n', "version"),
}


@pytest.mark.parametrize("case", list(CORRUPT))
def test_a_file_that_is_not_a_profile_is_moved_aside_byte_identical(path: Path, case: str) -> None:
    raw, reason = CORRUPT[case]
    path.parent.mkdir()
    path.write_bytes(raw)
    profile = Profile.open(path)
    assert profile.skills == ()
    [aside] = aside_files(path)
    assert aside.name.startswith("profile.toml.corrupt-") and aside.read_bytes() == raw
    [warning] = profile.take_warnings()
    assert warning.startswith("Le fichier de profil était illisible")
    assert str(aside) in warning and reason in warning and "Le profil repart de zéro." in warning
    profile.add(["seo"])
    assert on_disk(path) == ["seo"] and aside.read_bytes() == raw


def test_a_skill_unknown_to_the_catalogue_is_kept_and_reported(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(b'version = 1\nskills = ["seo", "ancienne-competence"]\nowner = "Camille"\n')
    profile = Profile.open(path)
    catalog = Catalog(skills={"seo": Skill("seo", "SEO", "technique")})
    assert profile.unknown_skills(catalog.skills) == ("ancienne-competence",)
    assert unknown_skills_message(profile.unknown_skills(catalog.skills)) == (
        "Le profil contient une compétence inconnue du catalogue, gardée telle quelle : "
        "« ancienne-competence »."
    )
    profile.add(["sea"])
    profile.remove(["seo"])
    assert on_disk(path) == ["ancienne-competence", "sea"]
    assert tomllib.loads(path.read_text("utf-8"))["owner"] == "Camille"  # unknown key kept


def test_a_change_waits_for_a_held_lock_then_keeps_the_profile_in_memory(path: Path) -> None:
    path.parent.mkdir()
    path.write_bytes(b'version = 1\nskills = ["seo"]\n')
    before = path.read_bytes()
    told: list[str] = []
    profile = Profile.open(path, lock_timeout=0.2, notice_after=0.05, on_wait=told.append)
    fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as another process holding it
    try:
        with within(5):
            profile.add(["sea"])
    finally:
        os.close(fd)
    assert told == [LOCKED]
    assert path.read_bytes() == before and profile.skills == ("seo", "sea")
    assert not profile.persistent
    [warning] = profile.take_warnings()
    assert f"{path}.lock" in warning and "gardé en mémoire pour cette session" in warning


def test_a_folder_that_cannot_be_written_keeps_the_profile_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    profile = Profile.open(blocker / "profile.toml")
    profile.add(["seo"])
    assert profile.skills == ("seo",) and not profile.persistent
    assert "gardé en mémoire" in profile.take_warnings()[0]


def test_the_lines_the_user_reads() -> None:
    role = Role(id="w", title="Web[marketeur]", family="f", summary="", skills=("a", "b", "c"))
    catalog = Catalog(
        roles={"w": role},
        skills={
            "a": Skill("a", "SEO", "technique"),
            "b": Skill("b", "Rédaction", "technique"),
            "c": Skill("c", "Analyse", "technique"),
        },
    )
    fit = fit_of(role, {"a", "zzz"})
    assert (
        fit_line(catalog, fit)
        == "Votre profil : 1 compétence sur 3 · à acquérir : Rédaction, Analyse"
    )
    assert rank_label(fit) == "Web[marketeur] — 1/3 · 33 %"
    assert fit_line(catalog, fit_of(role, set()), most=1) == (
        "Votre profil : 0 compétence sur 3 · à acquérir : SEO et 2 autres"
    )
    assert fit_line(catalog, fit_of(role, {"a", "b", "c"})).endswith(
        "3 compétences sur 3 · rien à acquérir"
    )


def test_search_skills_folds_accents_case_and_needs_every_word() -> None:
    catalog = Catalog(
        skills={
            "redaction": Skill("redaction", "Rédaction web", "relation"),
            "seo": Skill("seo", "Référencement naturel (SEO)", "technique"),
            "sea": Skill("sea", "Référencement payant", "marketing"),
        }
    )
    assert search_skills(catalog, "") == ["redaction", "seo", "sea"]
    assert search_skills(catalog, "REFERENCEMENT") == ["seo", "sea"]
    assert search_skills(catalog, "référencement  seo") == ["seo"]
    assert search_skills(catalog, "redac") == ["redaction"]
    assert search_skills(catalog, "zzz") == []
