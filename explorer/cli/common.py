"""What every subcommand shares: loading content, naming roles, printing safely."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.cli.progress import load_progress
from explorer.locations import bundled_content, validate_command
from explorer.model import Catalog, ContentIssue, LoadResult, Role, cache, load_catalog, search
from explorer.model.names import find_roles
from explorer.model.storage import UserData
from explorer.model.text import counted, one_line

if TYPE_CHECKING:
    from rich.console import Console


class CliError(Exception):
    """A message for the user and an exit code; never shown as a traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def shown(text: str) -> str:
    """Text from a file, an argument or the environment, made safe to print on one line:
    control characters as visible symbols (a terminal never obeys them), no line breaks."""
    return one_line(text)


def warn(message: str) -> None:
    print(f"attention : {shown(message)}", file=sys.stderr)


def warn_about_file(data: UserData[Any]) -> None:
    """A user file's messages (moved aside, cannot be written) on stderr."""
    for warning in data.take_warnings():
        if data.storage_problem and warning.startswith(data.storage_problem):
            warning = data.storage_problem  # "kept in memory" means nothing to a command
        warn(warning)


def check_saved(data: UserData[Any]) -> None:
    """A command's only job is to change the file: failing to save is an error, not a warning."""
    if data.persistent:
        warn_about_file(data)
        return
    data.take_warnings()
    raise CliError(f"{data.storage_problem} : rien n'a été modifié", exit_code=1)


# What json.dumps leaves raw with ensure_ascii=False and a terminal would obey or reorder:
# DEL, C1 controls (U+009B starts an escape sequence), direction marks and overrides.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def json_text(value: object) -> str:
    """Indented JSON, accents as they are, but every character that could drive a terminal
    written as a \\u escape (they only occur inside strings, where the escape is valid)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def print_json(value: object) -> None:
    sys.stdout.write(json_text(value) + "\n")


def content_root(args: argparse.Namespace) -> Path:
    """The content folder asked for (--content), else the bundled catalogue; it must exist."""
    root: Path | None = getattr(args, "content", None)
    if root is None:
        return bundled_content()
    if not root.exists():
        raise CliError(f"{root} : dossier de contenu introuvable")
    if not root.is_dir():
        raise CliError(f"{root} : n'est pas un dossier de contenu")
    return root


# --- loading ----------------------------------------------------------------------------------


def load_strict(root: Path) -> LoadResult:
    """Every content file read again (no cache), for `validate`."""
    with load_progress() as progress:
        return load_catalog(root, progress=progress)


def load_content(args: argparse.Namespace, *, warn_issues: bool = True) -> LoadResult:
    """Lenient load for browsing commands: problems go to stderr, the valid rest is used."""
    root = content_root(args)
    with load_progress() as progress:
        result = cache.load(root, progress=progress)
    if warn_issues:
        warn_about(result.issues, root)
    return result


# Past this many, a browsing command names the first problems and sends to `validate`.
MAX_WARNINGS = 20


def warn_about(issues: tuple[ContentIssue, ...], root: Path) -> None:
    """The content's problems on stderr, then where to see them all."""
    for issue in issues[:MAX_WARNINGS]:
        warn(str(issue))
    if not issues:
        return
    more = len(issues) - MAX_WARNINGS
    also = f" (et {counted(more, 'autre')})" if more > 0 else ""
    count = counted(len(issues), "problème")
    warn(f"{count} dans le contenu{also} : lancez « {validate_command(root)} » pour le détail")


# --- roles by name -----------------------------------------------------------------------------


def suggestions(catalog: Catalog, wanted: str) -> list[str]:
    """Closest role ids by spelling, then by search on titles and aliases."""
    import difflib  # only for a role name that fits nothing

    close = difflib.get_close_matches(wanted, list(catalog.roles), n=3, cutoff=0.5)
    for hit in search(catalog, wanted, limit=3):
        if hit.role.id not in close:
            close.append(hit.role.id)
    return close[:3]


def find_role(catalog: Catalog, name: str) -> Role:
    """The one role `name` designates (id, title, alias, sigle); else a CliError (exit 2)."""
    roles = find_roles(catalog, name)
    if len(roles) == 1:
        return roles[0]
    if roles:
        listed = ", ".join(f"{role.id} ({role.display_title})" for role in roles[:10])
        more = f" et {len(roles) - 10} autres" if len(roles) > 10 else ""
        raise CliError(
            f"« {name} » désigne plusieurs métiers : {listed}{more} ; précisez (par exemple "
            f"avec l'identifiant)"
        )
    close = suggestions(catalog, name)
    hint = f" ; vouliez-vous dire : {', '.join(close)} ?" if close else ""
    raise CliError(f"métier inconnu « {name} »{hint}")


def two_roles(catalog: Catalog, a: str, b: str) -> tuple[Role, Role]:
    """Two different roles to compare, by name."""
    first, second = find_role(catalog, a), find_role(catalog, b)
    if first.id == second.id:
        from explorer.cli.commands import SAME_ROLE

        raise CliError(SAME_ROLE)
    return first, second


# --- printing ------------------------------------------------------------------------------------


def text_console() -> Console:
    """The console for human-readable output: wrapped to a terminal's width, never in a pipe.

    Piped (`explorer search seo | grep …`, a file, `less`), a line of output stays one line:
    Rich would otherwise wrap it at 80 columns, splitting a hit over two lines.
    """
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich's own answer exits with status 1; the command's caller handles it (status 0,
            # as the JSON forms).
            self.quiet = True
            raise BrokenPipeError

    console = _Console(highlight=False)
    console.soft_wrap = not console.is_terminal
    return console
