"""The shortlist as a Markdown file: one section per role, ready to print or share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from explorer.model.catalog import SKILL_CATEGORIES, Catalog
from explorer.model.shortlist import ABSENT_ROLE, ShortlistEntry
from explorer.model.text import one_line, visible

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


def french_date(day: date) -> str:
    """'1er mars 2025', '12 mars 2025'."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def default_export_name(today: date) -> str:
    return f"shortlist-{today.isoformat()}.md"


def free_path(wanted: Path) -> Path:
    """wanted itself when nothing is there, else the first free 'name-2.md', 'name-3.md'..."""
    if not wanted.exists():
        return wanted
    counter = 2
    while True:
        candidate = wanted.with_name(f"{wanted.stem}-{counter}{wanted.suffix}")
        if not candidate.exists():
            return candidate
        counter += 1


def write_export(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write the file; without overwrite an existing file raises FileExistsError, untouched."""
    with path.open("w" if overwrite else "x", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def escape(text: str) -> str:
    """Plain text that shows literally in any Markdown viewer."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text))


def shortlist_markdown(catalog: Catalog, entries: Sequence[ShortlistEntry], *, today: date) -> str:
    count = len(entries)
    lines = [f"# Ma sélection de métiers du e-commerce — {french_date(today)}", ""]
    if not count:
        lines += ["La sélection est vide.", ""]
    else:
        plural = "métier" if count == 1 else "métiers"
        lines += [f"{count} {plural}, dans l'ordre choisi.", ""]
    for number, entry in enumerate(entries, start=1):
        lines += _role_section(catalog, entry, number)
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
        f"*Famille : {escape(one_line(family_title))}* · {added}",
        "",
        escape(role.summary),
        "",
    ]
    if role.missions:
        lines += ["### Missions", ""]
        lines += [f"- {escape(one_line(mission))}" for mission in role.missions]
        lines.append("")
    groups = catalog.skills_by_category(role.skills)
    if groups:
        lines += ["### Compétences", ""]
        for category, skills in groups:
            labels = ", ".join(escape(one_line(skill.label)) for skill in skills)
            lines.append(f"- **{SKILL_CATEGORIES.get(category, category)}** : {labels}")
        lines.append("")
    return lines + _note(entry.note)


def _note(note: str) -> list[str]:
    if not note.strip():
        return []
    quoted = [f"> {escape(line)}".rstrip() for line in note.strip().splitlines()]
    return ["### Note", "", *quoted, ""]
