"""A role as rich renderables for the terminal (`explorer show`). Content is never markup."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from explorer.model import EMPLOYER_TYPES, SKILL_CATEGORIES, Catalog, Role


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold magenta")


def _bullets(items: tuple[str, ...] | list[str]) -> list[Text]:
    return [Text(f"  • {item}") for item in items]


def render_role(catalog: Catalog, role: Role) -> RenderableType:
    family = catalog.family(role.family)
    parts: list[RenderableType] = [Text(role.display_title, style="bold")]
    if role.aliases:
        parts.append(Text(f"Aussi appelé : {', '.join(role.aliases)}", style="italic"))
    parts.append(Text(f"Famille : {family.title if family else role.family}", style="dim"))
    if role.rome:
        parts.append(Text(f"Code ROME : {role.rome}", style="dim"))
    parts += [Text(""), Text(role.summary)]
    if role.missions:
        parts += [_heading("Missions"), *_bullets(role.missions)]
    groups = catalog.skills_by_category(role.skills)
    if groups:
        parts.append(_heading("Compétences"))
        for category, skills in groups:
            parts.append(
                Text(f"  {SKILL_CATEGORIES[category]} : ", style="bold").append(
                    ", ".join(s.label for s in skills), style=""
                )
            )
    if role.tools:
        parts += [_heading("Outils"), Text(f"  {', '.join(role.tools)}")]
    if role.access.levels or role.access.paths:
        parts.append(_heading("Accès et formation"))
        if role.access.levels:
            parts.append(Text(f"  Niveaux : {', '.join(role.access.levels)}"))
        parts += _bullets(role.access.paths)
    if role.employers or role.context:
        parts.append(_heading("Employeurs et contexte"))
        if role.employers:
            parts.append(Text("  " + ", ".join(EMPLOYER_TYPES.get(e, e) for e in role.employers)))
        if role.context:
            parts.append(Text(f"  {role.context}"))
    if role.related:
        parts.append(_heading("Métiers liés"))
        for link in role.related:
            other = catalog.roles.get(link.role)
            name = other.display_title if other else link.role
            parts.append(Text(f"  • {name} ({link.kind_label.lower()})"))
    terms = catalog.role_terms(role)
    if terms:
        parts += [_heading("Glossaire"), Text("  " + ", ".join(t.term for t in terms))]
    if role.sources:
        parts += [_heading("Sources"), Text("  " + ", ".join(role.sources), style="dim")]
    return Group(*parts)
