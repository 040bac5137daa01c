"""The shortlist as a Markdown file: one section per role, ready to print or share."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path

from explorer.model.catalog import EMPLOYER_TYPES, SKILL_CATEGORIES, Catalog, Role
from explorer.model.profile import fit_of, skill_labels
from explorer.model.shortlist import ABSENT_ROLE, ShortlistEntry
from explorer.model.storage import write_atomically
from explorer.model.text import counted, one_line, visible
from explorer.model.typography import NBSP, french_spaces

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

# Characters that would turn plain text into emphasis, links, HTML, headings or tables.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
# What starts a list item or underlines a heading when it opens a line: "- ", "1. ", "===".
_BLOCK_START = re.compile(r"^(\s*|\s*\d+)((?<=\d)[.)]|(?<!\d)[-+=])")
COLON = NBSP + ":"


def french_date(day: date) -> str:
    """'1er mars 2025', '12 mars 2025'."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def default_export_name(today: date) -> str:
    return f"shortlist-{today.isoformat()}.md"


def export_path_for(folder: Path, day: date) -> Path:
    """Where the export of that day goes in folder (before asking "replace or keep both")."""
    return folder / default_export_name(day)


def free_path(wanted: Path) -> Path:
    """wanted itself when nothing is there, else the first free 'name-2.md', 'name-3.md'..."""
    if not os.path.lexists(wanted):
        return wanted
    counter = 2
    while True:
        candidate = wanted.with_name(f"{wanted.stem}-{counter}{wanted.suffix}")
        if not os.path.lexists(candidate):
            return candidate
        counter += 1


def write_export(path: Path, text: str, *, overwrite: bool = False) -> Path:
    """Write the file as the shortlist is written: a temporary file in the same folder, then
    os.replace, so a failure (full disk) leaves the old file intact and nothing half-written.

    Without overwrite, an existing file raises FileExistsError and is left untouched. A link
    is followed (its target is replaced, the link stays). Returns the file written.
    """
    data = text.encode("utf-8")
    if overwrite and _is_special(path):
        return _write_special(path, data)  # /dev/null, a terminal: nothing there to keep
    # A new export is meant to be shared or printed: readable by others, as `open()` would do.
    return write_atomically(path, data, replace=overwrite, new_mode=0o644)


def _is_special(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_special(path: Path, data: bytes) -> Path:
    # O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of waiting forever.
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            if written <= 0:
                raise OSError(errno.EIO, "écriture interrompue")
            view = view[written:]
    finally:
        os.close(fd)
    return path


def escape(text: str) -> str:
    """Plain text that shows literally in any Markdown viewer, with French spacing."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", french_spaces(visible(text)))


def shortlist_markdown(
    catalog: Catalog,
    entries: Sequence[ShortlistEntry],
    *,
    today: date,
    profile: Collection[str] | None = None,
) -> str:
    """The shortlist as Markdown; with a non-empty `profile` (skill ids), a "Mon profil"
    section at the end: the skills, and each shortlisted role's match and missing skills."""
    count = len(entries)
    lines = [f"# Ma sélection de métiers du e-commerce — {french_date(today)}", ""]
    if not count:
        lines += ["La sélection est vide.", ""]
    else:
        lines += [f"{counted(count, 'métier')}, dans l'ordre choisi.", ""]
    for number, entry in enumerate(entries, start=1):
        lines += _role_section(catalog, entry, number)
    if profile:
        lines += _profile_section(catalog, entries, profile)
    return "\n".join(lines).rstrip("\n") + "\n"


def _role_section(catalog: Catalog, entry: ShortlistEntry, number: int) -> list[str]:
    added = f"ajouté le {entry.added.strftime('%d/%m/%Y')}"
    role = catalog.roles.get(entry.role)
    if role is None:
        lines = [
            f"## {number}. {escape(one_line(entry.role))}",
            "",
            f"*{ABSENT_ROLE}* · {added}",
            "",
        ]
        return lines + _note(entry.note)
    family = catalog.family(role.family)
    family_title = family.title if family else role.family
    lines = [
        f"## {number}. {escape(one_line(role.display_title))}",
        "",
        f"*Famille{COLON} {escape(one_line(family_title))}* · {added}",
        "",
        *_block(role.summary),
        "",
    ]
    lines += _bullets("Missions", role.missions)
    groups = catalog.skills_by_category(role.skills)
    if groups:
        lines += ["### Compétences", ""]
        for category, skills in groups:
            labels = ", ".join(escape(one_line(skill.label)) for skill in skills)
            lines.append(f"- **{SKILL_CATEGORIES.get(category, category)}**{COLON} {labels}")
        lines.append("")
    lines += _access(role)
    lines += _bullets("Employeurs", [EMPLOYER_TYPES.get(e, e) for e in role.employers])
    lines += _extra_fields(role)
    lines += _paragraphs("Contexte", role.context)
    return lines + _note(entry.note)


def _profile_section(
    catalog: Catalog, entries: Sequence[ShortlistEntry], profile: Collection[str]
) -> list[str]:
    count = len(profile)
    lines = ["## Mon profil", "", f"{counted(count, 'compétence')}.", ""]
    lines += ["### Mes compétences", ""]
    mine = set(profile)
    # In catalogue order, whatever the profile's: the same profile, the same file.
    known = tuple(skill for skill in catalog.skills if skill in mine)
    for category, skills in catalog.skills_by_category(known):
        labels = ", ".join(escape(one_line(skill.label)) for skill in skills)
        lines.append(f"- **{SKILL_CATEGORIES.get(category, category)}**{COLON} {labels}")
    unknown = sorted(skill for skill in mine if skill not in catalog.skills)
    if unknown:
        ids = ", ".join(escape(one_line(skill)) for skill in unknown)
        lines.append(f"- **Inconnues du catalogue actuel**{COLON} {ids}")
    lines.append("")
    roles = [catalog.roles[e.role] for e in entries if e.role in catalog.roles]
    if not roles:
        return lines
    lines += ["### Les métiers de la sélection", ""]
    for role in roles:
        fit = fit_of(role, mine)
        line = f"- **{escape(one_line(role.display_title))}** — {len(fit.have)}/{fit.size}"
        line += f" · {fit.percent}{NBSP}%"
        if fit.missing:
            missing = ", ".join(escape(label) for label in skill_labels(catalog, fit.missing))
            line += f" · à acquérir{COLON} {missing}"
        else:
            line += " · rien à acquérir"
        lines.append(line)
    return [*lines, ""]


def _access(role: Role) -> list[str]:
    levels, paths = role.access.levels, role.access.paths
    if not levels and not paths:
        return []
    lines = ["### Accès au métier", ""]
    if levels:
        lines += [f"Niveaux{COLON} {', '.join(escape(one_line(level)) for level in levels)}", ""]
    lines += [f"- {escape(one_line(path))}" for path in paths]
    return [*lines, ""] if paths else lines


def _extra_fields(role: Role) -> list[str]:
    """Status, sectors and working conditions, for roles whose content has them."""
    lines = _bullets("Statut", role.status_labels)
    lines += _bullets("Secteurs", role.sectors)
    return lines + _paragraphs("Conditions de travail", role.conditions)


def _bullets(title: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    return [f"### {title}", "", *(f"- {escape(one_line(item))}" for item in items), ""]


def _paragraphs(title: str, text: str) -> list[str]:
    if not text.strip():
        return []
    return [f"### {title}", "", *_block(text), ""]


def _note(note: str) -> list[str]:
    if not note.strip():
        return []
    return ["### Note", "", *(f"> {line}".rstrip() for line in _block(note)), ""]


def _block(text: str) -> list[str]:
    """Text as Markdown lines that keep its line breaks: a backslash at the end of a line is
    a hard break; an empty line stays a paragraph break."""
    source = text.strip().splitlines()
    lines: list[str] = []
    for index, line in enumerate(source):
        shown = _BLOCK_START.sub(r"\1\\\2", escape(line.rstrip()))
        continues = index + 1 < len(source) and bool(source[index + 1].strip() and line.strip())
        lines.append(shown + "\\" if continues else shown)
    return lines
