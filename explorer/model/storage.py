"""The user's own files (shortlist, profile): read safely, never lost, written whole or not at all.

One home for the guarantees every user file gets:

- reading: regular files only, never past a size limit (model/files.py), and only a file that is
  recognisably ours (a `version` this code knows, the expected top-level shape); anything else
  is moved aside byte-identical as `<name>.corrupt-<timestamp>` and the user is told, or, when
  it cannot be moved aside (a FIFO, a device, a directory), left untouched and reported;
- writing: a temporary file in the same folder, fsync, os.replace, fsync of the folder, so a
  reader sees the old file or the new one and a process killed mid-save loses nothing;
- a symlinked user file is followed: its target is read and replaced, the link stays a link;
- an inter-process lock (a separate `<name>.lock` file) taken with a bounded wait: a notice
  after `notice_after` seconds, then a clear StorageError after `lock_timeout` seconds.

Reads take no lock (os.replace makes them safe); only a change, or moving a bad file aside, does.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Generic, Self, TypeVar

from explorer.model.files import FileProblem, os_reason, parse_toml, read_bounded
from explorer.model.text import visible

T = TypeVar("T")

DEFAULT_LIMIT = 32 * 1024 * 1024  # far above any real shortlist or profile (10,000 roles: 0.8 MB)
DEFAULT_LOCK_TIMEOUT = 10.0
DEFAULT_NOTICE_AFTER = 0.5
# Deeper than any file we write (entries hold tables of scalars): a deeper value cannot be ours,
# and writing it back would recurse in tomli_w.
MAX_DEPTH = 32


class StorageError(Exception):
    """The file cannot be read or written now; the French message names the file and the reason."""


class NotOurs(ValueError):
    """A readable document that is not one of ours; the French message says why."""


@dataclass(frozen=True)
class FileKind:
    """One kind of user file and the French words its messages use."""

    version: int  # the format version this code reads and writes
    subject: str  # "la sélection": "Impossible d'enregistrer la sélection dans …"
    file_label: str  # "Le fichier de sélection"
    fresh_start: str  # "La sélection repart de zéro."
    locked: str  # shown while waiting: "sélection verrouillée par un autre processus…"
    # Top-level keys this kind reads, with the type they must have and its French name.
    shape: Mapping[str, tuple[type, str]] = field(default_factory=dict)
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True)
class Snapshot(Generic[T]):
    """What a read found: the decoded value and the exact bytes it came from (empty: no file)."""

    value: T
    raw: bytes


class UserFile(Generic[T]):
    """One user file of a given kind, decoded into T by `decode` (which raises NotOurs).

    `warnings` collects what the user must be told (a file moved aside); take them with
    `take_warnings()`. The last bytes read or written are remembered with their decoded value,
    so reading an unchanged file again costs a read and a comparison, not a parse.
    """

    def __init__(
        self,
        path: Path,
        kind: FileKind,
        decode: Callable[[dict[str, Any]], T],
        *,
        empty: T,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        notice_after: float = DEFAULT_NOTICE_AFTER,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        self.kind = kind
        self.decode = decode
        self.empty = empty
        self.lock_timeout = lock_timeout
        self.notice_after = notice_after
        self.on_wait = on_wait if on_wait is not None else _to_stderr
        self.warnings: list[str] = []
        self._known: Snapshot[T] | None = None

    def take_warnings(self) -> list[str]:
        taken, self.warnings = self.warnings, []
        return taken

    # --- reading ------------------------------------------------------------------------------

    def load(self, *, locked: bool = False) -> T:
        """The file's value; `empty` when there is none. A file that is not ours is moved aside
        (under the lock, unless `locked` says the caller holds it) and counts as empty.

        Raises StorageError when the file can be neither used nor moved aside.
        """
        target = self.target()
        raw = self._read(target)
        if raw is None:
            return self.empty
        known = self._known
        if known is not None and known.raw == raw:
            return known.value
        try:
            value = self.decode_bytes(raw)
        except NotOurs as problem:
            if locked:
                return self._set_aside(target, raw, str(problem))
            with contextlib.ExitStack() as held:
                try:
                    held.enter_context(self.lock())
                except StorageError as locking:
                    raise StorageError(
                        f"{self.kind.file_label} « {visible(str(target))} » est illisible "
                        f"({problem}) et reste tel quel : {locking}"
                    ) from None
                # Checked again under the lock: another process may have just replaced it.
                return self.load(locked=True)
        self._known = Snapshot(value, raw)
        return value

    def decode_bytes(self, raw: bytes) -> T:
        """Bytes to value, every problem a NotOurs (syntax, encoding, nesting, version, shape)."""
        try:
            document = parse_toml(raw)
        except FileProblem as problem:
            where = f", ligne {problem.line}, colonne {problem.column}" if problem.line else ""
            raise NotOurs(f"{problem.message}{where}") from None
        check_ours(document, self.kind)
        return self.decode(document)

    def _read(self, target: Path) -> bytes | None:
        try:
            mode = os.stat(target).st_mode
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StorageError(self.cannot_use(error)) from error
        if stat.S_ISDIR(mode):
            raise StorageError(self.cannot_use(IsADirectoryError(errno.EISDIR, "")))
        if not stat.S_ISREG(mode):
            raise StorageError(
                f"{self.cannot_save_in()} (ce n'est pas un fichier ordinaire, mais un tube ou un "
                "périphérique ; il est laissé tel quel)"
            )
        try:
            return read_bounded(target, self.kind.limit)
        except FileNotFoundError:
            return None
        except FileProblem as problem:
            # Too large, unreadable, or replaced by a special file meanwhile: left as it is.
            cause = problem.__cause__
            reason = reason_of(cause) if isinstance(cause, OSError) else problem.message
            raise StorageError(
                f"{self.cannot_save_in()} ({reason} ; il est laissé tel quel)"
            ) from None

    def _set_aside(self, target: Path, raw: bytes, reason: str) -> T:
        if self._read(target) != raw:  # changed since it was read: judge the new content
            return self.load(locked=True)
        label = self.kind.file_label
        try:
            aside = move_aside(target)
        except OSError as error:
            raise StorageError(
                f"{label} « {visible(str(target))} » est illisible ({reason}) et n'a pas pu être "
                f"mis de côté ({reason_of(error)}) ; il est laissé tel quel"
            ) from error
        self.warnings.append(
            f"{label} était illisible ({reason}) : il a été mis de côté sous "
            f"« {visible(str(aside))} ». {self.kind.fresh_start}"
        )
        return self.empty

    # --- writing ------------------------------------------------------------------------------

    def save(self, data: bytes, value: T) -> None:
        """Replace the file's content atomically (under the caller's lock); raises StorageError."""
        if len(data) > self.kind.limit:
            raise StorageError(
                f"{self.cannot_save_in()} (le fichier dépasserait la taille maximale)"
            )
        try:
            write_atomically(self.target(), data)
        except OSError as error:
            raise StorageError(self.cannot_use(error)) from error
        self._known = Snapshot(value, data)

    def change(self, apply: Callable[[T], T], dump: Callable[[T], bytes]) -> T:
        """Apply one change to the file's current value under the lock and save it when it
        changed; returns the new value. Raises StorageError (nothing written then)."""
        with self.lock():
            current = self.load(locked=True)
            updated = apply(current)
            if updated != current:
                self.save(dump(updated), updated)
            return updated

    # --- locking ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the inter-process lock; StorageError when it stays taken or cannot be made."""
        target = self.target()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(self.cannot_use(error)) from error
        lock_path = target.with_name(target.name + ".lock")
        try:
            fd = acquire(
                lock_path,
                timeout=self.lock_timeout,
                notice_after=self.notice_after,
                on_wait=lambda: self.on_wait(self.kind.locked),
                subject=self.kind.subject,
                held=self.kind.locked,
            )
        except OSError as error:
            raise StorageError(self.cannot_use(error)) from error
        try:
            yield
        finally:
            release(fd)

    # --- paths and messages -------------------------------------------------------------------

    def target(self) -> Path:
        """The file really read and written: the path, its symbolic links followed."""
        try:
            return Path(os.path.realpath(self.path, strict=False))
        except (OSError, RuntimeError, ValueError) as error:  # a loop of links, among others
            raise StorageError(
                f"{self.cannot_save_in()} (liens symboliques en boucle ou invalides : {error})"
            ) from None

    def cannot_save_in(self) -> str:
        return f"Impossible d'enregistrer {self.kind.subject} dans « {visible(str(self.path))} »"

    def cannot_use(self, error: OSError) -> str:
        return f"{self.cannot_save_in()} ({reason_of(error, self.path.parent)})"


class UserData(Generic[T]):
    """What the shortlist and the profile share: their file, the messages for the user, and
    changes kept in memory for the session once the file cannot be written.

    `warnings` collects messages for the user (a file moved aside, a folder that cannot be
    written); the app shows them and empties the list with `take_warnings()`. `on_wait` is
    told (once) when a change waits for another process's lock (default: a line on stderr);
    after `lock_timeout` seconds the change is kept in memory and the user told why.
    Subclasses say what to do with the file's value (`loaded`) and how their memory-only
    notice reads (`IN_MEMORY`).
    """

    IN_MEMORY = "gardé en mémoire pour cette session."

    def __init__(
        self,
        path: Path | None,
        kind: FileKind,
        decode: Callable[[dict[str, Any]], T],
        empty: T,
        *,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        notice_after: float = DEFAULT_NOTICE_AFTER,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        self.warnings: list[str] = []
        # Why changes stopped being saved, once they have (for the command line's errors).
        self.storage_problem: str | None = None
        self.file: UserFile[T] | None = None
        if path is not None:
            self.file = UserFile(
                path,
                kind,
                decode,
                empty=empty,
                lock_timeout=lock_timeout,
                notice_after=notice_after,
                on_wait=on_wait,
            )

    @classmethod
    def open(cls, path: Path, **options: Any) -> Self:
        """The data saved at path (empty when there is none yet)."""
        data = cls(path, **options)
        data.reload()
        return data

    @property
    def persistent(self) -> bool:
        """False when changes only live in memory (no path, or the folder cannot be written)."""
        return self.file is not None and self.storage_problem is None

    def take_warnings(self) -> list[str]:
        """The messages not shown yet, each returned once."""
        taken, self.warnings = self.warnings, []
        return taken

    def reload(self) -> None:
        """Catch up with the file (another terminal may have changed it)."""
        if self.file is None or not self.persistent:
            return
        try:
            self.loaded(self.file.load())
        except StorageError as problem:
            self.stop_saving(str(problem))
        finally:
            self.warnings.extend(self.file.take_warnings())

    def loaded(self, value: T) -> None:
        """Take the file's value as the current one."""
        raise NotImplementedError

    def stop_saving(self, problem: str) -> None:
        self.storage_problem = problem
        self.warnings.append(f"{problem} : {self.IN_MEMORY}")


def check_ours(document: Mapping[str, Any], kind: FileKind) -> None:
    """NotOurs unless the document is empty or has our version and our top-level shape."""
    if not document:
        return  # an empty file (or only comments) is an empty one of ours
    version = document.get("version")
    if version is None:
        raise NotOurs("numéro de version « version » manquant")
    if isinstance(version, bool) or version != kind.version:
        raise NotOurs(f"version de format inconnue : {visible(repr(version))}")
    for key, (expected, name) in kind.shape.items():
        if key in document and not isinstance(document[key], expected):
            raise NotOurs(f"« {key} » doit être {name}")
    if depth(document) > MAX_DEPTH:
        raise NotOurs("valeurs imbriquées trop profondément")


def depth(value: object) -> int:
    """How deeply lists and tables nest in value (counted without recursion)."""
    deepest = 0
    pending: list[tuple[object, int]] = [(value, 0)]
    while pending:
        item, level = pending.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            pending.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            pending.extend((child, level + 1) for child in item)
    return deepest


# --- files ----------------------------------------------------------------------------------------


def write_atomically(
    path: Path, data: bytes, *, replace: bool = True, new_mode: int = 0o600
) -> Path:
    """Write data to path's target (links followed) through a temporary file in its folder.

    Readers see the old file or the new one, never half of one; on failure the old file is
    intact and no temporary file remains. Without `replace`, an existing file raises
    FileExistsError and is left alone. A replaced file keeps its permissions; a new one gets
    `new_mode` (private by default: the user's data). Returns the path written (the target).
    """
    target = Path(os.path.realpath(path, strict=False))
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            _set_permissions(stream.fileno(), target, new_mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            os.replace(temporary, target)
        else:
            _create_from(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_directory(target.parent)
    return target


def _set_permissions(fd: int, target: Path, new_mode: int) -> None:
    """The replaced file's mode, or new_mode (mkstemp makes 0600); POSIX only, best effort."""
    fchmod = getattr(os, "fchmod", None)
    if fchmod is None:
        return
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = new_mode
    with contextlib.suppress(OSError):
        fchmod(fd, mode)


def _create_from(temporary: str, target: Path) -> None:
    """Give the temporary file the target's name only if that name is free (no race)."""
    try:
        os.link(temporary, target)  # fails with FileExistsError when taken, atomically
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def sync_directory(directory: Path) -> None:
    """Make a rename itself durable (POSIX only; best effort)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def move_aside(path: Path) -> Path:
    """Rename path to `<name>.corrupt-<timestamp>`, bytes untouched, never over another file."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    counter = 1
    while True:
        suffix = "" if counter == 1 else f"-{counter}"
        aside = path.with_name(f"{path.name}.corrupt-{stamp}{suffix}")
        try:
            _rename_no_replace(path, aside)
        except FileExistsError:
            counter += 1
            continue
        sync_directory(path.parent)
        return aside


def _rename_no_replace(source: Path, destination: Path) -> None:
    if os.path.lexists(destination):
        raise FileExistsError(errno.EEXIST, "File exists", str(destination))
    try:
        os.link(source, destination)  # atomic: fails when the name was taken meanwhile
    except FileExistsError:
        raise
    except OSError:  # no hard links here (or not allowed): rename after the check above
        os.rename(source, destination)
        return
    os.unlink(source)


# --- locks ----------------------------------------------------------------------------------------

_POLL = 0.02


def acquire(
    lock_path: Path,
    *,
    timeout: float = DEFAULT_LOCK_TIMEOUT,
    notice_after: float = DEFAULT_NOTICE_AFTER,
    on_wait: Callable[[], None] = lambda: None,
    subject: str = "le fichier",
    held: str = "verrouillé par un autre processus",
) -> int:
    """Hold an exclusive lock on lock_path (created if needed); the fd to give to `release`.

    Waits at most `timeout` seconds, calling on_wait once after `notice_after` seconds;
    StorageError naming lock_path when the lock stays taken, is a folder or cannot be taken;
    OSError when the lock file cannot be created (read-only folder, full disk...).
    """
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except IsADirectoryError as error:  # the lock file's name taken by a folder: name it
        raise StorageError(
            f"Impossible de verrouiller {subject} : « {visible(str(lock_path))} » est un "
            "dossier, pas un fichier ; supprimez-le ou renommez-le"
        ) from error
    start = time.monotonic()
    noticed = False
    while True:
        try:
            if _try_lock(fd):
                return fd
        except OSError as error:
            os.close(fd)
            raise StorageError(
                f"Impossible de verrouiller {subject} : « {visible(str(lock_path))} » "
                f"({reason_of(error)})"
            ) from error
        waited = time.monotonic() - start
        if not noticed and waited >= notice_after:
            noticed = True  # told before failing, however late the process was woken up
            on_wait()
        if waited >= timeout:
            os.close(fd)
            raise StorageError(
                f"Impossible d'enregistrer {subject} : {held.rstrip('…. ')} depuis plus de "
                f"{timeout:g} s (verrou « {visible(str(lock_path))} ») ; réessayez plus tard"
            )
        time.sleep(min(_POLL, max(0.0, timeout - waited)))


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:
            return False
        return True

    def release(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def release(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


# --- messages -------------------------------------------------------------------------------------


def reason_of(error: OSError, folder: Path | None = None) -> str:
    """Why an OSError happened, in French."""
    if error.errno in (errno.ENOTDIR, errno.EEXIST) and folder is not None:
        return f"un fichier occupe la place du dossier « {visible(str(folder))} »"
    if error.errno == errno.ENOENT:  # files are created here: it is their folder
        return "dossier introuvable"
    return os_reason(error)


def _to_stderr(message: str) -> None:
    print(f"attention : {message}", file=sys.stderr, flush=True)
