"""TOML content folder -> Catalog, collecting every problem on the way instead of raising."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from itertools import chain
from pathlib import Path
from typing import Any

from explorer.model.catalog import Catalog
from explorer.model.content import (
    EMPLOYER_TYPES,
    LEVELS,
    RELATED_KINDS,
    SKILL_CATEGORIES,
    STATUS_LABELS,
    Access,
    Family,
    RelatedRole,
    Role,
    Skill,
    Source,
    Term,
)
from explorer.model.files import FileProblem, os_reason, read_toml_file
from explorer.model.text import fold, one_line, sort_key, visible

# A role file larger than this is refused: a bundled role is about 4 kB, and a 5 MB one took
# seconds to show the first time. The shared files (skills, glossary…) grow with the
# catalogue: about 600 kB of skills for 10,000 roles.
MAX_ROLE_BYTES = 128 * 1024
MAX_FILE_BYTES = 16 * 1024 * 1024
ROME_CODE = re.compile(r"^[A-N][0-9]{4}$")
# progress(done, total) is called after this many role files, and once at the end.
PROGRESS_EVERY = 50

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ContentIssue:
    """One problem in the content: which file, where in it, and what is wrong.

    A warning (`warning=True`) points at something to improve; it never stops a role from
    loading nor `explorer validate` from passing.
    """

    path: str
    where: str = ""
    message: str = ""
    line: int | None = None
    column: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        message = f"avertissement : {self.message}" if self.warning else self.message
        if self.line is not None:
            return f"{self.path}:{self.line}:{self.column or 1}: {message}"
        if self.where:
            return f"{self.path}: {self.where}: {message}"
        return f"{self.path}: {message}"


@dataclass(frozen=True)
class LoadResult:
    catalog: Catalog
    issues: tuple[ContentIssue, ...] = ()

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return not any(not issue.warning for issue in self.issues)

    @property
    def errors(self) -> tuple[ContentIssue, ...]:
        return tuple(issue for issue in self.issues if not issue.warning)

    @property
    def warnings(self) -> tuple[ContentIssue, ...]:
        return tuple(issue for issue in self.issues if issue.warning)


def describe_type(value: object) -> str:
    """French name of a TOML value's type, for messages."""
    if isinstance(value, bool):
        return "un booléen"
    if isinstance(value, int):
        return "un entier"
    if isinstance(value, float):
        return "un nombre décimal"
    if isinstance(value, str):
        return "une chaîne de caractères"
    if isinstance(value, list):
        return "une liste"
    if isinstance(value, dict):
        return "une table"
    if isinstance(value, datetime | date | time):
        return "une date"
    return type(value).__name__


class _FileReport:
    """Problems found in one file; `where` is the field path inside it."""

    def __init__(self, path: str, sink: list[ContentIssue]) -> None:
        self.path = path
        self._sink = sink
        self.count = 0  # errors only: a warning leaves the role in

    def add(self, where: str, message: str) -> None:
        self.count += 1
        self._sink.append(ContentIssue(self.path, where, message))

    def warn(self, where: str, message: str) -> None:
        self._sink.append(ContentIssue(self.path, where, message, warning=True))


def read_toml(
    path: Path, shown: str, issues: list[ContentIssue], limit: int = MAX_FILE_BYTES
) -> dict[str, Any] | None:
    """Parse one file; any failure becomes an issue naming the file, never an exception.

    Regular files only, at most `limit` bytes: a FIFO, a device or a link to /dev/zero is
    a problem with that file, as is a value nested too deep for tomllib.
    """
    try:
        return read_toml_file(path, limit)
    except FileNotFoundError:
        issues.append(ContentIssue(shown, "", "fichier introuvable"))
    except FileProblem as problem:
        issues.append(ContentIssue(shown, "", problem.message, problem.line, problem.column))
    return None


# --- field checks -------------------------------------------------------------------------
# Every text a check lets through is interned: ids, skills, tools, levels and often whole
# sentences repeat from role to role, and one copy of each makes a large catalogue a good
# deal smaller in memory (and its cache file with it).

Check = Callable[[object, str, _FileReport], object]


def _text(value: object, where: str, report: _FileReport) -> object:
    if not isinstance(value, str):
        report.add(where, f"chaîne de caractères attendue, {describe_type(value)} trouvé(e)")
        return None
    if not value.strip():
        report.add(where, "chaîne vide")
        return None
    return sys.intern(visible(value))


def _line(value: object, where: str, report: _FileReport) -> object:
    """A title, label or name: one line of text."""
    checked = _text(value, where, report)
    if isinstance(checked, str):
        checked = sys.intern(one_line(checked))
        if not checked:
            report.add(where, "chaîne vide")
            return None
    return checked


def _flag(value: object, where: str, report: _FileReport) -> object:
    if not isinstance(value, bool):
        report.add(where, f"booléen (true / false) attendu, {describe_type(value)} trouvé(e)")
        return None
    return value


def _texts(value: object, where: str, report: _FileReport, item: Check = _text) -> object:
    if not isinstance(value, list):
        report.add(where, f"liste de chaînes attendue, {describe_type(value)} trouvé(e)")
        return None
    if _plain(value, lines=item is _line):
        return tuple(map(sys.intern, value))
    items: list[str] = []
    seen: set[str] = set()
    for index, element in enumerate(value):
        checked = item(element, f"{where}[{index}]", report)
        if isinstance(checked, str):
            if checked in seen:
                report.add(f"{where}[{index}]", f"« {checked} » apparaît deux fois")
            seen.add(checked)
            items.append(checked)
    return tuple(items) if len(items) == len(value) else None


def _plain(values: list[Any], *, lines: bool) -> bool:
    """Whether every item would pass its check unchanged: the usual case, tested at C speed.

    Strings only, none blank, none twice, nothing to make visible; and for names and labels
    (`lines`) no doubled, leading or trailing space. Anything else goes through the checks
    one item at a time, which say what is wrong and where.
    """
    if set(map(type, values)) - {str} or len(set(values)) != len(values):
        return False
    if "" in map(str.strip, values) or not "".join(values).isprintable():
        return False
    if not lines:
        return True
    joined = "\n".join(values)
    return not (
        "  " in joined
        or " \n" in joined
        or "\n " in joined
        or joined.startswith(" ")
        or joined.endswith(" ")
    )


def _lines(value: object, where: str, report: _FileReport) -> object:
    return _texts(value, where, report, _line)


def _one_of(allowed: Iterable[str]) -> Check:
    choices = tuple(allowed)

    def check(value: object, where: str, report: _FileReport) -> object:
        checked = _texts(value, where, report)
        if not isinstance(checked, tuple):
            return None
        bad = [v for v in checked if v not in choices]
        for v in bad:
            report.add(where, f"valeur inconnue « {v} »{_did_you_mean(v, choices)}")
        return None if bad else checked

    return check


def _rome(value: object, where: str, report: _FileReport) -> object:
    checked = _text(value, where, report)
    if isinstance(checked, str) and not ROME_CODE.match(checked):
        report.add(where, f"code ROME invalide « {checked} » (attendu : une lettre et 4 chiffres)")
        return None
    return checked


def _related(value: object, where: str, report: _FileReport) -> object:
    if not isinstance(value, list):
        report.add(where, f"liste de tables attendue, {describe_type(value)} trouvé(e)")
        return None
    links: list[RelatedRole] = []
    for index, item in enumerate(value):
        fields = _table(item, f"{where}[{index}]", report, _RELATED_FIELDS)
        if fields is not None:
            links.append(RelatedRole(role=fields["role"], kind=fields["kind"]))
    return tuple(links) if len(links) == len(value) else None


def _kind(value: object, where: str, report: _FileReport) -> object:
    checked = _text(value, where, report)
    if isinstance(checked, str) and checked not in RELATED_KINDS:
        report.add(where, f"type de lien inconnu « {checked} » (attendu : evolution ou proche)")
        return None
    return checked


def _category(value: object, where: str, report: _FileReport) -> object:
    checked = _text(value, where, report)
    if isinstance(checked, str) and checked not in SKILL_CATEGORIES:
        allowed = ", ".join(SKILL_CATEGORIES)
        report.add(where, f"catégorie inconnue « {checked} » (attendu : {allowed})")
        return None
    return checked


def _date(value: object, where: str, report: _FileReport) -> object:
    """A publication date: a TOML date (kept as "2023-05-12") or text such as "2023-05"."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str):
        return _line(value, where, report)
    report.add(where, f"date ou chaîne attendue (« 2023-05 »), {describe_type(value)} trouvé(e)")
    return None


# name -> (check, required)
Schema = Mapping[str, tuple[Check, bool]]

_RELATED_FIELDS: Schema = {"role": (_line, True), "kind": (_kind, True)}
FAMILY_FIELDS: Schema = {"id": (_line, True), "title": (_line, True), "summary": (_text, True)}
SKILL_FIELDS: Schema = {"id": (_line, True), "label": (_line, True), "category": (_category, True)}
TERM_FIELDS: Schema = {
    "id": (_line, True),
    "term": (_line, True),
    "definition": (_text, True),
    "aliases": (_lines, False),
    "general": (_flag, False),
}
ROLE_FIELDS: Schema = {
    "title": (_line, True),
    "title_feminine": (_line, False),
    "aliases": (_lines, False),
    "family": (_line, True),
    "rome": (_rome, False),
    "summary": (_text, True),
    "missions": (_lines, True),
    "skills": (_lines, True),
    "tools": (_lines, False),
    "levels": (_one_of(LEVELS), False),
    "access": (_lines, False),
    "employers": (_one_of(EMPLOYER_TYPES), False),
    "context": (_text, False),
    "related": (_related, False),
    "terms": (_lines, False),
    "sources": (_lines, False),
    "conditions": (_text, False),
    "sectors": (_lines, False),
    "status": (_one_of(STATUS_LABELS), False),
}
SOURCE_FIELDS: Schema = {
    "id": (_line, True),
    "title": (_line, True),
    # Optional: an article may show neither; left out rather than guessed.
    "publisher": (_line, False),
    "date": (_date, False),
}


# Above this many choices, only those starting like the word and of a close length are
# compared: difflib over thousands of ids for each of thousands of broken links takes minutes.
SUGGESTION_POOL = 500


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    pool = list(choices)
    if len(pool) > SUGGESTION_POOL:
        head = word[:2]
        pool = [c for c in pool if c.startswith(head) and abs(len(c) - len(word)) <= 3]
        pool = pool[:SUGGESTION_POOL]
    import difflib  # only for a typo in the content

    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return f" (vouliez-vous dire « {close[0]} » ?)" if close else ""


def _prefix(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _table(value: object, where: str, report: _FileReport, schema: Schema) -> dict[str, Any] | None:
    """Check a table against its schema; return the checked fields, or None if anything is wrong."""
    if not isinstance(value, dict):
        report.add(where or "fichier", f"table attendue, {describe_type(value)} trouvé(e)")
        return None
    before = report.count
    fields: dict[str, Any] = {}
    for key in value:
        if key not in schema:
            report.add(_prefix(where, key), f"clé inconnue{_did_you_mean(key, schema)}")
    for name, (check, required) in schema.items():
        if name not in value:
            if required:
                report.add(_prefix(where, name), "champ obligatoire manquant")
            continue
        fields[name] = check(value[name], _prefix(where, name), report)
    return fields if report.count == before else None


def _entries(
    data: dict[str, Any], key: str, report: _FileReport, schema: Schema
) -> list[dict[str, Any]]:
    """The `[[key]]` tables of a vocabulary file, each checked; duplicates ids reported."""
    for extra in data:
        if extra != key:
            report.add(extra, f"clé inconnue (ce fichier ne contient que des [[{key}]])")
    tables = data.get(key)
    if tables is None:
        report.add(key, f"aucune entrée [[{key}]]")
        return []
    if not isinstance(tables, list):
        report.add(key, f"liste de tables [[{key}]] attendue, {describe_type(tables)} trouvé(e)")
        return []
    good: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, table in enumerate(tables):
        fields = _table(table, f"{key}[{index}]", report, schema)
        if fields is None:
            continue
        if fields["id"] in seen:
            report.add(f"{key}[{index}].id", f"identifiant « {fields['id']} » en double")
            continue
        seen.add(fields["id"])
        good.append(fields)
    return good


def _declared_ids(data: dict[str, Any] | None, key: str) -> set[str]:
    """Ids named in a file even by entries with other problems, so references stay quiet."""
    if not data or not isinstance(data.get(key), list):
        return set()
    return {t["id"] for t in data[key] if isinstance(t, dict) and isinstance(t.get("id"), str)}


# --- the folder ---------------------------------------------------------------------------


def _role_files(roles_dir: Path, shown: str, issues: list[ContentIssue]) -> list[Path]:
    try:
        entries = sorted(os.scandir(roles_dir), key=lambda e: e.name)
    except OSError as error:
        issues.append(ContentIssue(shown, "", f"lecture impossible : {os_reason(error)}"))
        return []
    paths = []
    for entry in entries:
        if not entry.name.endswith(".toml"):
            continue
        stem = entry.name.removesuffix(".toml")
        # The file name is the role id, shown and typed everywhere: it must be plain text.
        if not stem or not stem.isprintable() or " " in stem:  # printable: no other space
            issues.append(
                ContentIssue(
                    visible(os.path.join(shown, entry.name)),
                    "",
                    "nom de fichier invalide : l'identifiant du métier (le nom sans .toml) "
                    "ne peut contenir ni espace ni caractère de contrôle",
                )
            )
            continue
        paths.append(Path(entry.path))
    return paths


def load_catalog(root: Path | str, *, progress: Progress | None = None) -> LoadResult:
    """Read a content folder. Never raises for bad content: every problem is returned.

    `progress(done, total)` is called as role files are parsed: every PROGRESS_EVERY files
    and once at the end with (total, total).
    """
    root = Path(root)
    issues: list[ContentIssue] = []

    def shown(*parts: str) -> str:
        return str(root.joinpath(*parts))

    if not root.exists():
        issues.append(ContentIssue(str(root), "", "dossier de contenu introuvable"))
        return LoadResult(Catalog(root=root), tuple(issues))
    if not root.is_dir():
        issues.append(ContentIssue(str(root), "", "n'est pas un dossier de contenu"))
        return LoadResult(Catalog(root=root), tuple(issues))

    # Families
    families: list[Family] = []
    families_path = root / "families.toml"
    families_data: dict[str, Any] | None = None
    if not _present(families_path):
        try:
            empty = not any(os.scandir(root))
        except OSError:
            empty = False
        message = "dossier de contenu vide" if empty else "fichier families.toml manquant"
        issues.append(ContentIssue(shown("families.toml"), "", message))
    else:
        families_data = read_toml(families_path, shown("families.toml"), issues)
        if families_data is not None:
            report = _FileReport(shown("families.toml"), issues)
            families = [
                Family(**f) for f in _entries(families_data, "family", report, FAMILY_FIELDS)
            ]

    # Skills, glossary and (optional) sources
    skills_data, skills = _load_vocabulary(root, "skills.toml", "skill", SKILL_FIELDS, issues)
    terms_data, terms = _load_vocabulary(root, "glossary.toml", "term", TERM_FIELDS, issues)
    source_ids: set[str] | None = None  # None: no sources.toml, role sources are not checked
    source_by_id: dict[str, Source] = {}
    if _present(root / "sources.toml"):
        sources_data, sources = _load_vocabulary(
            root, "sources.toml", "source", SOURCE_FIELDS, issues
        )
        source_by_id = {s["id"]: Source(**s) for s in sources}
        if sources_data is not None:
            source_ids = set(source_by_id) | _declared_ids(sources_data, "source")
    skill_by_id = {s["id"]: Skill(**s) for s in skills}
    term_by_id = {
        t["id"]: Term(
            id=t["id"],
            term=t["term"],
            definition=t["definition"],
            aliases=t.get("aliases") or (),
            general=bool(t.get("general")),
        )
        for t in terms
    }
    known = _KnownIds(
        families={f.id for f in families} | _declared_ids(families_data, "family"),
        skills=set(skill_by_id) | _declared_ids(skills_data, "skill"),
        terms=set(term_by_id) | _declared_ids(terms_data, "term"),
        sources=source_ids,
        roles=set(),
    )

    # Roles
    roles_dir = root / "roles"
    role_paths = _role_files(roles_dir, shown("roles"), issues) if roles_dir.is_dir() else []
    if not role_paths:
        issues.append(ContentIssue(shown("roles"), "", "aucun fichier de métier (roles/*.toml)"))
    known.roles.update(p.stem for p in role_paths)

    roles: list[Role] = []
    reports: dict[str, _FileReport] = {}
    shared: dict[Any, Any] = {}  # one copy of equal links and access (_build_role)
    total = len(role_paths)
    roles_shown = shown("roles")
    for done, path in enumerate(role_paths, 1):
        if progress is not None and done % PROGRESS_EVERY == 0 and done < total:
            progress(done, total)
        role_id = sys.intern(path.name.removesuffix(".toml"))
        role_shown = os.path.join(roles_shown, path.name)  # as shown(), without Path's cost
        data = read_toml(path, role_shown, issues, MAX_ROLE_BYTES)
        if data is None:
            continue
        report = _FileReport(role_shown, issues)
        fields = _table(data, "", report, ROLE_FIELDS)
        del data  # the file's raw TOML values: only the checked ones are kept
        if fields is None:
            continue
        _check_references(role_id, fields, report, known)
        if report.count:
            continue
        roles.append(_build_role(role_id, fields, shared))
        reports[role_id] = report
    if progress is not None:
        progress(total, total)

    _check_proche_both_ways(roles, reports)
    _warn_unlinked_terms(roles, term_by_id.values(), reports)

    # Only links to roles that actually loaded survive; the broken ones are already reported.
    loaded = {r.id for r in roles}
    kept_families = {f.id for f in families}
    order = {f.id: i for i, f in enumerate(families)}
    roles = [
        _without_dangling(r, loaded, skill_by_id, term_by_id)
        for r in roles
        if r.family in kept_families
    ]
    roles.sort(key=lambda r: (order[r.family], sort_key(r.title)))
    catalog = Catalog(
        families=tuple(families),
        roles={r.id: r for r in roles},
        skills=skill_by_id,
        terms=dict(sorted(term_by_id.items(), key=lambda kv: sort_key(kv[1].term))),
        root=root,
        sources=source_by_id,
    )
    return LoadResult(catalog, tuple(issues))


def _present(path: Path) -> bool:
    """Whether a name is in the folder at all (a dangling link is, and is then reported)."""
    return path.exists() or path.is_symlink()


@dataclass(frozen=True, slots=True)
class _KnownIds:
    """Ids a role may refer to (declared ones included, even if their entry has problems)."""

    families: set[str]
    skills: set[str]
    terms: set[str]
    sources: set[str] | None  # None when there is no sources.toml to check against
    roles: set[str]


def _load_vocabulary(
    root: Path, name: str, key: str, schema: Schema, issues: list[ContentIssue]
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    path = root / name
    if not _present(path):
        issues.append(ContentIssue(str(path), "", f"fichier {name} manquant"))
        return None, []
    data = read_toml(path, str(path), issues)
    if data is None:
        return None, []
    return data, _entries(data, key, _FileReport(str(path), issues), schema)


def _check_references(
    role_id: str, fields: dict[str, Any], report: _FileReport, known: _KnownIds
) -> None:
    if fields["family"] not in known.families:
        report.add(
            "family",
            f"famille inconnue « {fields['family']} »"
            f"{_did_you_mean(fields['family'], known.families)}",
        )
    for index, skill in enumerate(fields["skills"]):
        if skill not in known.skills:
            report.add(
                f"skills[{index}]",
                f"compétence inconnue « {skill} »{_did_you_mean(skill, known.skills)}",
            )
    for index, term in enumerate(fields.get("terms") or ()):
        if term not in known.terms:
            report.add(
                f"terms[{index}]", f"terme inconnu « {term} »{_did_you_mean(term, known.terms)}"
            )
    if known.sources is not None:
        for index, source in enumerate(fields.get("sources") or ()):
            if source not in known.sources:
                report.add(
                    f"sources[{index}]",
                    f"source inconnue de sources.toml « {source} »"
                    f"{_did_you_mean(source, known.sources)}",
                )
    linked: set[str] = set()
    for index, link in enumerate(fields.get("related") or ()):
        if link.role in linked:
            report.add(f"related[{index}].role", f"« {link.role} » est déjà lié plus haut")
        linked.add(link.role)
        if link.role == role_id:
            report.add(f"related[{index}].role", "un métier ne peut pas être lié à lui-même")
        elif link.role not in known.roles:
            report.add(
                f"related[{index}].role",
                f"métier inconnu « {link.role} »{_did_you_mean(link.role, known.roles)}",
            )


def _check_proche_both_ways(roles: list[Role], reports: Mapping[str, _FileReport]) -> None:
    """A `proche` link from A to B needs one from B to A: nearness goes both ways.

    Reported in A's file; both roles still load. Links to roles that did not load are
    left alone (those roles' own problems are reported).
    """
    proches = {r.id: {link.role for link in r.related if link.kind == "proche"} for r in roles}
    for role in roles:
        for index, link in enumerate(role.related):
            back = proches.get(link.role)
            if link.kind == "proche" and back is not None and role.id not in back:
                reports[role.id].add(
                    f"related[{index}].role",
                    f"lien « proche » à sens unique : « {link.role} » n'a pas de lien "
                    f"« proche » vers « {role.id} »",
                )


def _warn_unlinked_terms(
    roles: list[Role], terms: Iterable[Term], reports: Mapping[str, _FileReport]
) -> None:
    """Warn where a role's text uses a glossary term (or an alias) its `terms` do not link.

    Whole words, folded (case, accents, acronym dots). Terms marked `general` are left out:
    they are not meant to be linked. Each term's folded phrases are worked out once, indexed
    by their first word; a text is folded a written word at a time, each distinct word once
    (folding is per character, so the words are those of the whole text's fold).
    """
    starting: dict[str, list[tuple[list[str], str, Term]]] = {}  # first word -> phrases
    for term in terms:
        if term.general:
            continue
        phrases = {fold(name): name for name in (*reversed(term.aliases), term.term)}
        for folded_name, name in phrases.items():
            words = folded_name.split()
            if words:
                starting.setdefault(words[0], []).append((words, name, term))
    if not starting:
        return
    folded = _FoldedWords()
    for role in roles:
        texts = [("summary", role.summary), *_numbered("missions", role.missions)]
        texts += [("context", role.context), ("conditions", role.conditions)]
        # The whole role first: most roles link every term they use, and are done here.
        everything = "\n".join(text for _, text in texts).split()
        firsts = starting.keys() & set(chain.from_iterable(map(folded.__getitem__, everything)))
        linked = set(role.terms)
        candidates = [
            (phrase, name, term)
            for first in firsts
            for phrase, name, term in starting[first]
            if term.id not in linked
        ]
        warned: set[str] = set()
        for where, text in texts if candidates else ():
            words = list(chain.from_iterable(map(folded.__getitem__, text.split())))
            for phrase, name, term in candidates:
                if term.id not in warned and _contains(words, phrase):
                    warned.add(term.id)
                    reports[role.id].warn(
                        where,
                        f"emploie « {name} », terme du glossaire que terms ne lie pas "
                        f"(ajoutez « {term.id} »)",
                    )


def _contains(words: list[str], phrase: list[str]) -> bool:
    first, size = phrase[0], len(phrase)
    return any(word == first and words[at : at + size] == phrase for at, word in enumerate(words))


class _FoldedWords(dict[str, tuple[str, ...]]):
    """A written word -> the words of its fold, each folded once (look-ups stay in C)."""

    def __missing__(self, written: str) -> tuple[str, ...]:
        found = self[written] = tuple(fold(written).split())
        return found


def _numbered(name: str, texts: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(f"{name}[{index}]", text) for index, text in enumerate(texts)]


def _build_role(role_id: str, fields: dict[str, Any], shared: dict[Any, Any]) -> Role:
    """The role from its checked fields (named as in the file, but for those of `access`).

    Links and access repeat from role to role: one copy of each equal one is kept.
    """
    share = shared.setdefault
    access = Access(levels=fields.pop("levels", ()), paths=fields.pop("access", ()))
    related = tuple(share(link, link) for link in fields.pop("related", ()))
    return Role(id=role_id, access=share(access, access), related=related, **fields)


def _without_dangling(
    role: Role, loaded: set[str], skills: Mapping[str, Skill], terms: Mapping[str, Term]
) -> Role:
    related = tuple(link for link in role.related if link.role in loaded)
    role_skills = tuple(s for s in role.skills if s in skills)
    role_terms = tuple(t for t in role.terms if t in terms)
    if (related, role_skills, role_terms) == (role.related, role.skills, role.terms):
        return role
    return replace(role, related=related, skills=role_skills, terms=role_terms)
