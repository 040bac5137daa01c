"""The user's shortlist of roles, kept in one TOML file that two processes may change at once.

Every change takes a lock, re-reads the file, applies this one change to what is on disk and
writes the result atomically (temporary file in the same folder, fsync, os.replace), so an app
and a command line changing the shortlist together never lose each other's work, and a process
killed mid-save leaves the previous file intact. A file that cannot be read is moved aside, never
deleted; a folder that cannot be written leaves the shortlist in memory for the session.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from explorer.model.record import record, replace

FORMAT_VERSION = 1
_TOML_POSITION = re.compile(r"line (\d+), column (\d+)")
ABSENT_ROLE = "métier absent du catalogue actuel"

Change = Callable[[list["ShortlistEntry"]], list["ShortlistEntry"]]


@record(frozen=True)
class ShortlistEntry:
    role: str
    added: date
    note: str = ""


class ShortlistFormatError(ValueError):
    """The file is not a shortlist this version can read; the message says why, in French."""


class _StorageUnavailable(Exception):
    """Saving is impossible for this session; the message says why, for the user."""


class Shortlist:
    """Ordered entries, one per role id; every change is saved at once when there is a path.

    `warnings` collects messages for the user (a file moved aside, a folder that cannot be
    written); the app shows them and empties the list with `take_warnings()`.
    """

    def __init__(self, path: Path | None = None, entries: Iterable[ShortlistEntry] = ()) -> None:
        self.path = path
        self._entries: list[ShortlistEntry] = _unique(entries)
        self.warnings: list[str] = []
        self._saving = path is not None
        # Why changes stopped being saved, once they have (for the command line's errors).
        self.storage_problem: str | None = None

    @classmethod
    def open(cls, path: Path) -> Shortlist:
        """The shortlist saved at path (empty when there is none yet)."""
        shortlist = cls(path)
        shortlist.reload()
        return shortlist

    # --- reading ------------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[ShortlistEntry, ...]:
        return tuple(self._entries)

    @property
    def persistent(self) -> bool:
        """False when changes only live in memory (no path, or the folder cannot be written)."""
        return self._saving

    def __contains__(self, role_id: object) -> bool:
        return any(e.role == role_id for e in self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[ShortlistEntry]:
        return iter(tuple(self._entries))

    def get(self, role_id: str) -> ShortlistEntry | None:
        return next((e for e in self._entries if e.role == role_id), None)

    def index(self, role_id: str) -> int | None:
        return next((i for i, e in enumerate(self._entries) if e.role == role_id), None)

    def take_warnings(self) -> list[str]:
        """The messages not shown yet, each returned once."""
        taken, self.warnings = self.warnings, []
        return taken

    def reload(self) -> None:
        """Catch up with the file (another terminal may have changed it)."""
        if self.path is None or not self._saving:
            return
        lock: int | None = None
        with contextlib.suppress(OSError):
            # No lock in a read-only folder: reading alone is still safe thanks to os.replace.
            lock = _acquire(_lock_path(self.path))
        try:
            self._entries = self._read()
        except _StorageUnavailable as problem:
            self._stop_saving(str(problem))
        finally:
            if lock is not None:
                _release(lock)

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
        if self.path is None or not self._saving:
            self._entries = apply(list(self._entries))
            return
        base = list(self._entries)
        lock: int | None = None
        try:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                lock = _acquire(_lock_path(self.path))
                base = self._read()
                updated = apply(list(base))
                if updated != base:
                    _write_atomically(self.path, dump(updated))
                self._entries = updated
            except OSError as error:
                raise _StorageUnavailable(_cannot_save(self.path, error)) from error
        except _StorageUnavailable as problem:
            self._stop_saving(str(problem))
            self._entries = apply(list(base))
        finally:
            if lock is not None:
                _release(lock)

    def _read(self) -> list[ShortlistEntry]:
        """The entries on disk; an unreadable file is moved aside and counts as empty."""
        assert self.path is not None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as error:
            raise _StorageUnavailable(_cannot_save(self.path, error)) from error
        try:
            return parse(raw)
        except ShortlistFormatError as problem:
            try:
                aside = _move_aside(self.path)
            except OSError as error:
                raise _StorageUnavailable(
                    f"Le fichier de sélection « {self.path} » est illisible ({problem}) et n'a pas "
                    f"pu être mis de côté ({_reason(error)}) ; il est laissé tel quel"
                ) from error
            self.warnings.append(
                f"Le fichier de sélection était illisible ({problem}) : il a été mis de côté "
                f"sous « {aside} ». La sélection repart de zéro."
            )
            return []

    def _stop_saving(self, problem: str) -> None:
        self._saving = False
        self.storage_problem = problem
        self.warnings.append(f"{problem} : la sélection est gardée en mémoire pour cette session.")


# --- file format ------------------------------------------------------------------------------


def parse(raw: bytes) -> list[ShortlistEntry]:
    """Entries from the bytes of a shortlist file; ShortlistFormatError says what is wrong."""
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (a Windows editor's) is dropped
    except UnicodeDecodeError:
        raise ShortlistFormatError("le fichier n'est pas en UTF-8") from None
    import tomllib  # only when a shortlist file exists: not worth its import on every start

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_POSITION.search(str(error))
        where = f", ligne {found[1]}, colonne {found[2]}" if found else ""
        raise ShortlistFormatError(f"TOML invalide{where}") from None
    tables = document.get("entry", [])
    if not document or (not tables and "version" not in document):
        return []  # an empty file is an empty shortlist
    version = document.get("version")
    if version is None:
        raise ShortlistFormatError("numéro de version « version » manquant")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise ShortlistFormatError(f"version de format inconnue : {version!r}")
    if not isinstance(tables, list):
        raise ShortlistFormatError("« entry » doit être une liste de tables [[entry]]")
    return _unique(_entry(table, index) for index, table in enumerate(tables, start=1))


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
    return ShortlistEntry(role.strip(), added, note)


def dump(entries: Iterable[ShortlistEntry]) -> bytes:
    """`version = 1`, then one `[[entry]]` table per role, in order."""
    import tomli_w  # only when saving: not worth its import on every start

    # Tables written one by one: tomli_w would inline short ones, which reads worse by hand.
    chunks = [tomli_w.dumps({"version": FORMAT_VERSION})]
    for entry in entries:
        table: dict[str, Any] = {"role": entry.role, "added": entry.added}
        if entry.note:
            table["note"] = entry.note
        chunks.append("\n[[entry]]\n" + tomli_w.dumps(table))
    return "".join(chunks).encode("utf-8")


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


# --- files, locks and messages ----------------------------------------------------------------


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _write_atomically(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX only; best effort)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _move_aside(path: Path) -> Path:
    """Rename an unreadable file to <name>.corrupt-<timestamp>, bytes untouched."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.rename(path, aside)
    return aside


if sys.platform == "win32":
    import msvcrt

    def _acquire(lock_path: Path) -> int:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        except OSError:
            os.close(fd)
            raise
        return fd

    def _release(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)

else:
    import fcntl

    def _acquire(lock_path: Path) -> int:
        """Block until this process holds the lock; a separate file so os.replace keeps it."""
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            os.close(fd)
            raise
        return fd

    def _release(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _reason(error: OSError, folder: Path | None = None) -> str:
    if error.errno in (errno.ENOTDIR, errno.EEXIST) and folder is not None:
        return f"un fichier occupe la place du dossier « {folder} »"
    reasons = {
        errno.EACCES: "accès refusé",
        errno.EPERM: "accès refusé",
        errno.EROFS: "disque en lecture seule",
        errno.ENOSPC: "disque plein",
        errno.EISDIR: "c'est un dossier, pas un fichier",
        errno.ENOTDIR: "un fichier occupe la place d'un dossier",
        errno.EEXIST: "un fichier occupe la place d'un dossier",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))


def _cannot_save(path: Path, error: OSError) -> str:
    return f"Impossible d'enregistrer la sélection dans « {path} » ({_reason(error, path.parent)})"
