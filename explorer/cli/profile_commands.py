"""`explorer profile show|add|remove|clear|from-role` and `explorer match`: the user's skills."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from typing import Any

from rich.text import Text

from explorer.cli.common import (
    CliError,
    check_saved,
    find_role,
    load_content,
    print_json,
    shown,
    text_console,
    warn,
    warn_about_file,
)
from explorer.locations import profile_path
from explorer.model import Catalog
from explorer.model.matching import RoleMatch, closest_skill_ids, find_skills, rank_roles
from explorer.model.profile import Profile, rank_label, skill_labels, unknown_skills_message
from explorer.model.text import counted, fold, one_line

EMPTY_PROFILE = (
    "Votre profil est vide : « explorer profile add COMPÉTENCE » ou "
    "« explorer profile from-role MÉTIER » pour le remplir."
)


def _open_profile(catalog: Catalog, *, changing: bool) -> Profile:
    """The saved profile; its warnings (a file moved aside, unknown skills) on stderr."""
    profile = Profile.open(profile_path())
    if changing:
        check_saved(profile)
    else:
        warn_about_file(profile)
    unknown = profile.unknown_skills(catalog.skills)
    if unknown:
        warn(unknown_skills_message(unknown))
    return profile


def skill_ids(catalog: Catalog, names: Iterable[str]) -> tuple[str, ...]:
    """Skill ids for ids or labels (accents and case ignored); unknown ones: an error (exit 2)
    naming each with the closest ids."""
    found, unknown = find_skills(catalog, names)
    if unknown:
        problems = []
        for name in unknown:
            close = _closest(catalog, name)
            hint = f" (vouliez-vous dire : {', '.join(close)} ?)" if close else ""
            problems.append(f"« {name} »{hint}")
        plural = "s" if len(unknown) > 1 else ""
        raise CliError(
            f"compétence{plural} inconnue{plural} : {' ; '.join(problems)} ; "
            "« explorer profile show » et « explorer show MÉTIER » listent des identifiants"
        )
    return found


def _closest(catalog: Catalog, name: str, n: int = 3) -> list[str]:
    """Ids spelt like `name`, then ids whose label holds it as a word ("seo" in "… (SEO)")."""
    close = closest_skill_ids(catalog, name, n)
    word = fold(name)
    if word:
        for skill in catalog.skills.values():
            if word in fold(skill.label).split() and skill.id not in close:
                close.append(skill.id)
    return close[:n]


def _labels(catalog: Catalog, ids: Sequence[str]) -> str:
    return ", ".join(skill_labels(catalog, ids))


# --- profile ------------------------------------------------------------------------------------


def show_payload(catalog: Catalog, profile: Profile) -> dict[str, Any]:
    known = [catalog.skills[s] for s in profile.skills if s in catalog.skills]
    return {
        "skills": [{"id": s.id, "label": s.label, "category": s.category} for s in known],
        "unknown": list(profile.unknown_skills(catalog.skills)),
    }


def run_show(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    profile = _open_profile(catalog, changing=False)
    if args.json:
        print_json(show_payload(catalog, profile))
        return 0
    console = text_console()
    if not len(profile):
        console.print(Text(EMPTY_PROFILE))
        return 0
    count = len(profile)
    console.print(Text(f"Votre profil : {counted(count, 'compétence')}"))
    for _category, skills in catalog.skills_by_category(profile.skills):
        console.print(Text(f"\n{skills[0].category_label}", style="bold"))
        for skill in skills:
            line = Text("  ")
            line.append(f"{one_line(skill.id):<28}", style="cyan")
            line.append(one_line(skill.label))
            console.print(line)
    unknown = profile.unknown_skills(catalog.skills)
    if unknown:
        console.print(Text("\nInconnues du catalogue (gardées)", style="bold"))
        for skill_id in unknown:
            console.print(Text(f"  {shown(skill_id)}", style="yellow"))
    return 0


def run_add(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    wanted = skill_ids(catalog, args.skills)
    profile = _open_profile(catalog, changing=True)
    added = profile.add(wanted)
    check_saved(profile)
    _say_added(catalog, added, wanted)
    return 0


def _say_added(catalog: Catalog, added: Sequence[str], wanted: Sequence[str]) -> None:
    already = [s for s in wanted if s not in added]
    if added:
        print(f"Ajouté au profil : {_labels(catalog, added)}")
    if already:
        print(f"Déjà dans le profil : {_labels(catalog, already)}")


def run_remove(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    profile = _open_profile(catalog, changing=True)
    # A skill kept in the file but gone from the catalogue can still be removed by its id.
    kept = [name for name in args.skills if name in profile]
    wanted = (*kept, *skill_ids(catalog, (n for n in args.skills if n not in profile)))
    removed = profile.remove(wanted)
    check_saved(profile)
    absent = [s for s in dict.fromkeys(wanted) if s not in removed]
    if removed:
        print(f"Retiré du profil : {_labels(catalog, removed)}")
    if absent:
        print(f"Pas dans le profil : {_labels(catalog, absent)}")
    return 0


def run_clear(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    profile = _open_profile(catalog, changing=True)
    count = len(profile)
    profile.clear()
    check_saved(profile)
    print(f"Profil vidé ({counted(count, 'compétence retirée', 'compétences retirées')}).")
    return 0


def run_from_role(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    roles = [find_role(catalog, name) for name in args.roles]
    wanted = tuple(dict.fromkeys(s for role in roles for s in role.skills))
    profile = _open_profile(catalog, changing=True)
    added = profile.add(wanted)
    check_saved(profile)
    titles = ", ".join(one_line(role.title) for role in roles)
    count = len(added)
    print(
        f"Depuis {titles} : {counted(count, 'compétence ajoutée', 'compétences ajoutées')} au profil."
    )
    if added:
        print(f"Ajouté : {_labels(catalog, added)}")
    return 0


# --- match --------------------------------------------------------------------------------------


def match_payload(matches: Iterable[RoleMatch]) -> list[dict[str, Any]]:
    return [
        {
            "role": m.role.id,
            "title": m.role.title,
            "match": m.match,
            "have": list(m.have),
            "missing": list(m.missing),
        }
        for m in matches
    ]


def run_match(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    if args.skills is not None:
        names = [name.strip() for name in args.skills.split(",") if name.strip()]
        if not names:
            raise CliError("--skills : donnez au moins une compétence (ID,ID,…)")
        mine: tuple[str, ...] = skill_ids(catalog, names)
    else:
        mine = _open_profile(catalog, changing=False).skills
        if not mine:
            raise CliError(
                "votre profil est vide : remplissez-le (« explorer profile add COMPÉTENCE », "
                "« explorer profile from-role MÉTIER ») ou passez --skills ID,ID,…"
            )
    matches = rank_roles(catalog, mine, limit=args.limit)
    if args.json:
        print_json(match_payload(matches))
        return 0
    console = text_console()
    width = len(str(len(matches)))
    for number, fit in enumerate(matches, start=1):
        line = Text(f"{number:>{width}}. ")
        line.append(rank_label(fit), style="bold" if fit.match else "")
        missing = len(fit.missing)
        line.append(
            f" · {missing} à acquérir" if missing else " · rien à acquérir",
            style="dim",
        )
        console.print(line)
    return 0
