"""The user's profile: the skills they have, kept in `profile.toml` beside the shortlist.

Saved with the shortlist's guarantees (model/storage.py): every change takes the lock, re-reads
the file, applies itself to what is on disk and replaces the file atomically; a file that is not
ours is moved aside as `profile.toml.corrupt-<timestamp>` and the user told. A skill id the
catalogue does not know (renamed, or from a newer content) stays in the file and is reported,
never dropped: the next content may know it again. Unknown top-level keys are written back.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from explorer.model.catalog import Catalog, Role
from explorer.model.matching import PerCatalog, RoleMatch
from explorer.model.storage import (
    FileKind,
    NotOurs,
    StorageError,
    UserData,
)
from explorer.model.text import counted, fold, french_number, one_line, visible

FORMAT_VERSION = 1
_NO_EXTRA: Mapping[str, Any] = MappingProxyType({})

PROFILE_FILE = FileKind(
    version=FORMAT_VERSION,
    subject="le profil",
    file_label="Le fichier de profil",
    fresh_start="Le profil repart de zéro.",
    locked="profil verrouillé par un autre processus…",
    shape={"skills": (list, "une liste d'identifiants de compétences")},
)


@dataclass(frozen=True)
class ProfileDocument:
    """What the file holds: skill ids in the order they were added, and keys we do not know."""

    skills: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=lambda: _NO_EXTRA)


class Profile(UserData[ProfileDocument]):
    """The skills the user has; every change is saved at once when there is a path.

    Messages for the user, locks and the memory-only fallback: see storage.UserData.
    """

    IN_MEMORY = "le profil est gardé en mémoire pour cette session."

    def __init__(
        self, path: Path | None = None, skills: Iterable[str] = (), **options: Any
    ) -> None:
        """`options`: storage.UserData's lock_timeout, notice_after and on_wait."""
        super().__init__(path, PROFILE_FILE, _decode, ProfileDocument(), **options)
        self._document = ProfileDocument(_unique(skills))

    # --- reading ------------------------------------------------------------------------------

    @property
    def skills(self) -> tuple[str, ...]:
        """Skill ids, in the order they were added (unknown ones included)."""
        return self._document.skills

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._document.skills

    def __len__(self) -> int:
        return len(self._document.skills)

    def __iter__(self) -> Iterator[str]:
        return iter(self._document.skills)

    def unknown_skills(self, known: Collection[str]) -> tuple[str, ...]:
        """The ids not in `known` (the catalogue's skills): kept, but worth telling the user."""
        return tuple(skill for skill in self._document.skills if skill not in known)

    def loaded(self, value: ProfileDocument) -> None:
        self._document = value

    # --- changing -----------------------------------------------------------------------------

    def add(self, skill_ids: Iterable[str]) -> tuple[str, ...]:
        """Add skills at the end; returns those that were not there yet."""
        wanted = _unique(skill_ids)
        before = set(self.skills)
        self._change(lambda skills: _unique((*skills, *wanted)))
        return tuple(skill for skill in wanted if skill not in before)

    def remove(self, skill_ids: Iterable[str]) -> tuple[str, ...]:
        """Remove skills; returns those that were there."""
        unwanted = set(skill_ids)
        removed = tuple(skill for skill in self.skills if skill in unwanted)
        self._change(lambda skills: tuple(s for s in skills if s not in unwanted))
        return removed

    def toggle(self, skill_id: str) -> bool:
        """Tick or untick one skill; True when the profile has it afterwards."""
        if skill_id in self:
            self.remove([skill_id])
        else:
            self.add([skill_id])
        return skill_id in self

    def clear(self) -> None:
        self._change(lambda skills: ())

    def _change(self, apply: Callable[[tuple[str, ...]], tuple[str, ...]]) -> None:
        """Apply one change to the file's current content under the lock, then save."""

        def on_document(document: ProfileDocument) -> ProfileDocument:
            return ProfileDocument(apply(document.skills), document.extra)

        if self.file is None or not self.persistent:
            self._document = on_document(self._document)
            return
        try:
            self._document = self.file.change(on_document, dump)
        except StorageError as problem:
            self.stop_saving(str(problem))
            self._document = on_document(self._document)
        finally:
            self.warnings.extend(self.file.take_warnings())


# --- file format ------------------------------------------------------------------------------


def _decode(document: dict[str, Any]) -> ProfileDocument:
    """A checked document (storage's `check_ours`) as skill ids and unknown keys."""
    skills = document.get("skills", [])
    for index, skill in enumerate(skills, start=1):
        if not isinstance(skill, str) or not skill.strip():
            raise NotOurs(f"« skills » n° {index} : identifiant de compétence attendu")
    extra = {key: value for key, value in document.items() if key not in ("version", "skills")}
    return ProfileDocument(
        _unique(skill.strip() for skill in skills),
        MappingProxyType(extra) if extra else _NO_EXTRA,
    )


def dump(document: ProfileDocument) -> bytes:
    """`version = 1`, the skills (one a line), then the keys this version does not know."""
    import tomli_w  # only when saving: not worth its import on every start

    table = {"version": FORMAT_VERSION, "skills": list(document.skills), **document.extra}
    return str(tomli_w.dumps(table)).encode("utf-8")


def _unique(skills: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(skills))


# --- what the user reads ----------------------------------------------------------------------


def unknown_skills_message(unknown: Collection[str]) -> str:
    """The warning for skill ids the catalogue does not know (they stay in the file)."""
    names = ", ".join(f"« {visible(one_line(skill))} »" for skill in unknown)
    if len(unknown) == 1:
        return f"Le profil contient une compétence inconnue du catalogue, gardée telle quelle : {names}."
    return (
        f"Le profil contient {len(unknown)} compétences inconnues du catalogue, gardées telles "
        f"quelles : {names}."
    )


def skill_labels(catalog: Catalog, skill_ids: Iterable[str]) -> list[str]:
    """Each skill's label on one line (its id when the catalogue does not know it)."""
    labels = []
    for skill_id in skill_ids:
        skill = catalog.skills.get(skill_id)
        labels.append(one_line(skill.label) if skill else visible(one_line(skill_id)))
    return labels


def fit_line(catalog: Catalog, fit: RoleMatch, most: int = 3) -> str:
    """`Votre profil : 9 compétences sur 15 · à acquérir : A, B, C et 3 autres` (plain text).

    One line: the first `most` missing skills by their short label (without the examples in
    brackets); the fiche's skills section marks which ones the user has.
    """
    have, size = len(fit.have), fit.size
    line = f"Votre profil : {counted(have, 'compétence')} sur {french_number(size)}"
    if not fit.missing:
        return f"{line} · rien à acquérir" if size else line
    labels = [label.split(" (", 1)[0] for label in skill_labels(catalog, fit.missing[:most])]
    more = len(fit.missing) - most
    others = f" et {counted(more, 'autre')}" if more > 0 else ""
    return f"{line} · à acquérir : {', '.join(labels)}{others}"


def rank_label(fit: RoleMatch) -> str:
    """`Webmarketeur — 12/19 · 63 %`."""
    return f"{one_line(fit.role.title)} — {len(fit.have)}/{fit.size} · {fit.percent} %"


def fit_of(role: Role, skills: Collection[str]) -> RoleMatch:
    """One role against a set of skills (the detail pane's line, the export)."""
    distinct = tuple(dict.fromkeys(role.skills))
    have = tuple(s for s in distinct if s in skills)
    missing = tuple(s for s in distinct if s not in skills)
    return RoleMatch(role, have, missing, len(have) / len(distinct) if distinct else 0.0)


def _folded_skills(catalog: Catalog) -> list[tuple[str, str]]:
    return [(s.id, f"{fold(s.label)} {fold(s.id)}") for s in catalog.skills.values()]


_skill_texts = PerCatalog(_folded_skills)


def search_skills(catalog: Catalog, query: str) -> list[str]:
    """Skill ids whose label or id holds every word of `query`, accents and case ignored (the
    main search's folding), in catalogue order; every skill for an empty query."""
    words = fold(query).split()
    return [skill_id for skill_id, text in _skill_texts(catalog) if all(w in text for w in words)]
