"""The user's shortlist of roles, kept in one TOML file that two processes may change at once.

Every change takes the lock, re-reads the file, applies this one change to what is on disk and
writes the result atomically, so an app and a command line changing the shortlist together
never lose each other's work, and a process killed mid-save leaves the previous file intact.
The file's guarantees (what is ours, moving aside, links, locks) live in model/storage.py. A
key this version does not know, at the top or in an entry, is written back as it was read. A
folder that cannot be written leaves the shortlist in memory for the session.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from explorer.model.files import FileProblem, parse_toml
from explorer.model.storage import (
    FileKind,
    NotOurs,
    StorageError,
    UserData,
    check_ours,
)

FORMAT_VERSION = 1
ABSENT_ROLE = "métier absent du catalogue actuel"
_KNOWN_KEYS = ("role", "added", "note")
_NO_EXTRA: Mapping[str, Any] = MappingProxyType({})
# What a TOML basic string must escape; tomli_w writes any other text as it is.
_ESCAPED = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')

SHORTLIST_FILE = FileKind(
    version=FORMAT_VERSION,
    subject="la sélection",
    file_label="Le fichier de sélection",
    fresh_start="La sélection repart de zéro.",
    locked="sélection verrouillée par un autre processus…",
    shape={"entry": (list, "une liste de tables [[entry]]")},
)

Change = Callable[[list["ShortlistEntry"]], list["ShortlistEntry"]]


@dataclass(frozen=True)
class ShortlistEntry:
    role: str
    added: date
    note: str = ""
    # Keys of the entry's table this version does not know, written back as they were read.
    # Nothing here changes them, so they take no part in comparisons.
    extra: Mapping[str, Any] = field(default_factory=lambda: _NO_EXTRA, compare=False, repr=False)


class ShortlistFormatError(NotOurs):
    """The file is not a shortlist this version can read; the message says why, in French."""


@dataclass(frozen=True)
class ShortlistDocument:
    """What the file holds: the entries, and the top-level keys this version does not know."""

    entries: tuple[ShortlistEntry, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=lambda: _NO_EXTRA)


class Shortlist(UserData[ShortlistDocument]):
    """Ordered entries, one per role id; every change is saved at once when there is a path.

    Messages for the user, locks and the memory-only fallback: see storage.UserData.
    """

    IN_MEMORY = "la sélection est gardée en mémoire pour cette session."

    def __init__(
        self, path: Path | None = None, entries: Iterable[ShortlistEntry] = (), **options: Any
    ) -> None:
        """`options`: storage.UserData's lock_timeout, notice_after and on_wait."""
        super().__init__(path, SHORTLIST_FILE, _decode, ShortlistDocument(), **options)
        self._entries: tuple[ShortlistEntry, ...] = ()
        self._where: dict[str, int] = {}
        self._set(_unique(entries))
        self._extra: Mapping[str, Any] = _NO_EXTRA
        # Each entry's text in the file by the entry's id, kept from one save to the next: with
        # 10,000 entries, writing them all again takes longer than the rest of a change. The
        # entries written last are held (`_written`), so no other entry can have one of the ids.
        self._chunks: dict[int, str] = {}
        self._written: tuple[ShortlistEntry, ...] = ()

    # --- reading ------------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[ShortlistEntry, ...]:
        return self._entries

    def __contains__(self, role_id: object) -> bool:
        return role_id in self._where

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[ShortlistEntry]:
        return iter(self._entries)

    def get(self, role_id: str) -> ShortlistEntry | None:
        index = self._where.get(role_id)
        return None if index is None else self._entries[index]

    def index(self, role_id: str) -> int | None:
        return self._where.get(role_id)

    def loaded(self, value: ShortlistDocument) -> None:
        self._set(value.entries)
        self._extra = value.extra

    # --- changing -----------------------------------------------------------------------------

    def add(self, role_id: str, note: str = "", *, added: date | None = None) -> bool:
        """Append a role; False when it was already there (its note is left alone)."""
        entry = ShortlistEntry(role_id, added or date.today(), note)
        appended = False

        def apply(entries: list[ShortlistEntry]) -> list[ShortlistEntry]:
            nonlocal appended
            appended = not _has(entries, role_id)
            return [*entries, entry] if appended else entries

        self._change(apply)
        return appended

    def remove(self, role_id: str) -> ShortlistEntry | None:
        """Remove a role; returns the entry as it was, or None when it was not there."""
        removed = self.get(role_id)
        self._change(lambda entries: [e for e in entries if e.role != role_id])
        return removed

    def restore(self, entry: ShortlistEntry, index: int) -> None:
        """Put a removed entry back at its place (undo)."""

        def apply(entries: list[ShortlistEntry]) -> list[ShortlistEntry]:
            if _has(entries, entry.role):
                return entries
            position = max(0, min(index, len(entries)))
            return [*entries[:position], entry, *entries[position:]]

        self._change(apply)

    def toggle(self, role_id: str) -> bool:
        """Add or remove; True when the role is in the shortlist afterwards."""
        if role_id in self:
            self.remove(role_id)
        else:
            self.add(role_id)
        return role_id in self

    def set_note(self, role_id: str, note: str) -> None:
        self._change(
            lambda entries: [replace(e, note=note) if e.role == role_id else e for e in entries]
        )

    def move(self, role_id: str, offset: int) -> int | None:
        """Move a role up (negative offset) or down; returns its new index."""

        def apply(entries: list[ShortlistEntry]) -> list[ShortlistEntry]:
            here = next((i for i, e in enumerate(entries) if e.role == role_id), None)
            if here is None:
                return entries
            there = max(0, min(here + offset, len(entries) - 1))
            moved = [e for e in entries if e.role != role_id]
            moved.insert(there, entries[here])
            return moved

        self._change(apply)
        return self.index(role_id)

    # --- storage ------------------------------------------------------------------------------

    def _change(self, apply: Change) -> None:
        """Apply one change to the file's current content under the lock, then save."""
        if self.file is None or not self.persistent:
            self._set(apply(list(self._entries)))
            return
        base = list(self._entries)
        try:
            with self.file.lock():
                document = self.file.load(locked=True)
                base = list(document.entries)
                updated = apply(list(base))
                if not _same(updated, base):
                    changed = ShortlistDocument(tuple(updated), document.extra)
                    self.file.save(self._dump(changed), changed)
                self._set(updated)
                self._extra = document.extra
        except StorageError as problem:
            self.stop_saving(str(problem))
            self._set(apply(base))
        finally:
            self.warnings.extend(self.file.take_warnings())

    def _dump(self, document: ShortlistDocument) -> bytes:
        known = self._chunks
        # Only the entries still there: the cache never grows past them.
        chunks = {id(e): known.get(id(e)) or _chunk(e) for e in document.entries}
        self._chunks, self._written = chunks, document.entries
        head = _head(document.extra)
        return "".join([head, *(chunks[id(e)] for e in document.entries)]).encode("utf-8")

    def _set(self, entries: Iterable[ShortlistEntry]) -> None:
        self._entries = tuple(entries)
        self._where = {entry.role: index for index, entry in enumerate(self._entries)}


# --- file format ------------------------------------------------------------------------------


def parse(raw: bytes) -> list[ShortlistEntry]:
    """Entries from the bytes of a shortlist file; ShortlistFormatError says what is wrong."""
    try:
        document = parse_toml(raw)
    except FileProblem as problem:
        where = f", ligne {problem.line}, colonne {problem.column}" if problem.line else ""
        raise ShortlistFormatError(f"{problem.message}{where}") from None
    try:
        check_ours(document, SHORTLIST_FILE)
    except NotOurs as problem:
        raise ShortlistFormatError(str(problem)) from None
    return list(_decode(document).entries)


def _decode(document: dict[str, Any]) -> ShortlistDocument:
    """A checked document (model/storage.py's `check_ours`) as entries and unknown keys."""
    tables = document.get("entry", [])
    extra = {key: value for key, value in document.items() if key not in ("version", "entry")}
    entries = _unique(_entry(table, index) for index, table in enumerate(tables, start=1))
    return ShortlistDocument(tuple(entries), MappingProxyType(extra) if extra else _NO_EXTRA)


def _entry(table: Any, index: int) -> ShortlistEntry:
    where = f"entrée n° {index}"
    if not isinstance(table, dict):
        raise ShortlistFormatError(f"{where} : table attendue")
    role = table.get("role")
    if not isinstance(role, str) or not role.strip():
        raise ShortlistFormatError(f"{where} : « role » manquant ou vide")
    added = table.get("added")
    if isinstance(added, datetime):
        added = added.date()
    elif isinstance(added, str):
        try:
            added = date.fromisoformat(added)
        except ValueError:
            raise ShortlistFormatError(f"{where} : date « added » invalide") from None
    if not isinstance(added, date):
        raise ShortlistFormatError(f"{where} : date « added » manquante")
    note = table.get("note", "")
    if not isinstance(note, str):
        raise ShortlistFormatError(f"{where} : « note » doit être du texte")
    extra = {key: value for key, value in table.items() if key not in _KNOWN_KEYS}
    return ShortlistEntry(
        role.strip(), added, note, MappingProxyType(extra) if extra else _NO_EXTRA
    )


def dump(entries: Iterable[ShortlistEntry], extra: Mapping[str, Any] = _NO_EXTRA) -> bytes:
    """`version = 1` and the unknown top-level keys, then one `[[entry]]` table per role."""
    return "".join([_head(extra), *map(_chunk, entries)]).encode("utf-8")


def _head(extra: Mapping[str, Any]) -> str:
    import tomli_w  # only when saving: not worth its import on every start

    return str(tomli_w.dumps({"version": FORMAT_VERSION, **extra}))


def _chunk(entry: ShortlistEntry) -> str:
    """One `[[entry]]` table; its own tables, if any, as `[entry.x]` below it."""
    if not entry.extra and not _ESCAPED.search(entry.role + entry.note):
        # Exactly what tomli_w writes, without its escaping one character at a time: the first
        # change of a session writes every entry (10,000: 90 ms through tomli_w, 10 ms here).
        note = f'note = "{entry.note}"\n' if entry.note else ""
        return f'\n[[entry]]\nrole = "{entry.role}"\nadded = {entry.added}\n{note}'
    import tomli_w

    table: dict[str, Any] = {"role": entry.role, "added": entry.added}
    if entry.note:
        table["note"] = entry.note
    table.update(entry.extra)
    # Dumped as the table `[entry]`, renamed: tomli_w would inline short entries of an array.
    text = str(tomli_w.dumps({"entry": table}))
    return "\n[[entry]]\n" + text.removeprefix("[entry]\n")


def _unique(entries: Iterable[ShortlistEntry]) -> list[ShortlistEntry]:
    """One entry per role, the first one wins (a hand-edited file may repeat a role)."""
    seen: set[str] = set()
    kept: list[ShortlistEntry] = []
    for entry in entries:
        if entry.role not in seen:
            seen.add(entry.role)
            kept.append(entry)
    return kept


def _has(entries: list[ShortlistEntry], role_id: str) -> bool:
    return any(e.role == role_id for e in entries)


def _same(left: list[ShortlistEntry], right: list[ShortlistEntry]) -> bool:
    """Equal lists, checked by identity first (a change keeps most entries as they were)."""
    return len(left) == len(right) and all(
        a is b or a == b for a, b in zip(left, right, strict=True)
    )
