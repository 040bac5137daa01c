"""`explorer shortlist list|add|remove|export`: the saved roles from the command line."""

from __future__ import annotations

import argparse
import difflib
import sys
from datetime import date
from pathlib import Path
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
from explorer.locations import profile_path, shortlist_path
from explorer.model import Catalog
from explorer.model.export import (
    default_export_name,
    free_path,
    shortlist_markdown,
    write_export,
)
from explorer.model.names import find_roles
from explorer.model.profile import Profile
from explorer.model.shortlist import ABSENT_ROLE, Shortlist
from explorer.model.storage import reason_of
from explorer.model.text import counted, one_line


def _open_shortlist(*, changing: bool) -> Shortlist:
    shortlist = Shortlist.open(shortlist_path())
    if changing:
        check_saved(shortlist)
    else:
        warn_about_file(shortlist)
    return shortlist


def _title(catalog: Catalog, role_id: str) -> str | None:
    role = catalog.roles.get(role_id)
    return role.display_title if role else None


def list_payload(catalog: Catalog, shortlist: Shortlist) -> dict[str, Any]:
    return {
        "entries": [
            {
                "role": entry.role,
                "title": role.title if (role := catalog.roles.get(entry.role)) else None,
                "added": entry.added.isoformat(),
                "note": entry.note,
                "known": role is not None,
            }
            for entry in shortlist.entries
        ]
    }


def run_list(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    shortlist = _open_shortlist(changing=False)
    if args.json:
        print_json(list_payload(catalog, shortlist))
        return 0
    console = text_console()
    if not len(shortlist):
        console.print(
            Text("Votre sélection est vide : « explorer shortlist add MÉTIER » pour la remplir.")
        )
        return 0
    for number, entry in enumerate(shortlist.entries, start=1):
        title = _title(catalog, entry.role)
        line = Text(f"{number:>2}. ")
        line.append(f"{one_line(entry.role):<28}", style="cyan")
        line.append(one_line(title) if title else ABSENT_ROLE, style="" if title else "yellow")
        line.append(f"  (ajouté le {entry.added.strftime('%d/%m/%Y')})", style="dim")
        console.print(line)
        for note_line in entry.note.strip().splitlines():
            console.print(Text(f"      {one_line(note_line)}", style="italic"))
    return 0


def run_add(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    role = find_role(catalog, args.role)
    shortlist = _open_shortlist(changing=True)
    added = shortlist.add(role.id, args.note or "")
    if not added and args.note is not None:
        shortlist.set_note(role.id, args.note)
    check_saved(shortlist)
    if added:
        print(f"Ajouté à la sélection : {one_line(role.display_title)}")
    elif args.note is not None:
        print(f"Déjà dans la sélection, note mise à jour : {one_line(role.display_title)}")
    else:
        print(f"Déjà dans la sélection : {one_line(role.display_title)}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    shortlist = _open_shortlist(changing=True)
    # A role kept in the file but gone from the catalogue can still be removed by its id.
    role_id = args.role
    if role_id not in shortlist and find_roles(catalog, args.role):
        role_id = find_role(catalog, args.role).id  # by title or alias; ambiguous: an error
    if role_id not in shortlist:
        in_list = [entry.role for entry in shortlist.entries]
        close = difflib.get_close_matches(args.role, in_list, n=3, cutoff=0.5)
        hint = f" ; vouliez-vous dire : {', '.join(close)} ?" if close else ""
        raise CliError(f"« {args.role} » n'est pas dans votre sélection{hint}")
    shortlist.remove(role_id)
    check_saved(shortlist)
    name = _title(catalog, role_id) or role_id
    print(f"Retiré de la sélection : {one_line(name)}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    catalog = load_content(args).catalog
    shortlist = _open_shortlist(changing=False)
    today = date.today()
    profile = Profile.open(profile_path())
    for warning in profile.take_warnings():
        warn(warning)
    text = shortlist_markdown(catalog, shortlist.entries, today=today, profile=profile.skills)
    output: Path | None = args.output
    if output is not None and str(output) == "-":
        sys.stdout.write(text)
        return 0
    if output is None:
        # The default name never replaces an older export: the next free name is used instead.
        target = free_path(_current_folder() / default_export_name(today))
        overwrite = False
    else:
        target = output
        overwrite = target.exists() and _confirm_overwrite(target)
    if target.is_dir():
        raise CliError(f"{target} : c'est un dossier ; donnez un nom de fichier")
    try:
        write_export(target, text, overwrite=overwrite)
    except FileExistsError:
        raise CliError(
            f"{target} existe déjà : rien n'a été écrit ; choisissez un autre nom avec -o",
            exit_code=1,
        ) from None
    except OSError as error:
        raise CliError(
            f"{target} : écriture impossible ({reason_of(error)})", exit_code=1
        ) from None
    count = len(shortlist)
    print(f"Sélection exportée ({counted(count, 'métier')}) : {shown(str(target.resolve()))}")
    return 0


def _current_folder() -> Path:
    try:
        return Path.cwd()
    except FileNotFoundError:  # deleted under our feet (by another shell, say)
        raise CliError(
            "le dossier courant n'existe plus : placez-vous dans un dossier existant, "
            "ou choisissez le fichier avec -o"
        ) from None


def _confirm_overwrite(target: Path) -> bool:
    """Ask on a terminal; in a script, never replace a file silently."""
    if target.is_dir() or sys.stdin is None or not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{shown(str(target))} existe déjà. Le remplacer ? [o/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in {"o", "oui", "y", "yes"}
