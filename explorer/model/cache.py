"""The loaded catalogue kept on disk, so that a start with unchanged content skips TOML.

One file per content folder in the user cache directory: a magic line, a key, the CRC-32
of the rest, then a pickle of the LoadResult. The key is the app version, the cache format, the model's code and, for
every content file, its path, size and modification time. The file is read whole and used
only if its key is today's; anything else (damaged, foreign, stale, of another version, not
a regular file) is ignored: the content is loaded from TOML and the file rewritten, through a
temporary file and an atomic rename. A cache that cannot be written is skipped silently.

Unpickling builds only the model's own classes (`_Unpickler`): a foreign pickle planted in
the cache folder cannot run code.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import time
import zlib
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path, PosixPath, PurePosixPath, PureWindowsPath, WindowsPath
from typing import BinaryIO

import explorer
from explorer.model.catalog import Catalog
from explorer.model.content import Access, Family, RelatedRole, Role, Skill, Source, Term
from explorer.model.files import FileProblem, read_bounded
from explorer.model.loader import ContentIssue, LoadResult, load_catalog

MAGIC = b"explorer-catalogue-cache\n"
FORMAT = 3  # bump when what is pickled changes shape
MAX_CACHE_BYTES = 512 * 1024 * 1024
# Content changed this recently may change again within the file system's clock tick
# without its modification time moving: such a load is not cached.
SETTLE_SECONDS = 2.0
TOP_FILES = ("families.toml", "skills.toml", "glossary.toml", "sources.toml")
# The model's code that shapes a LoadResult: a changed loader never reads an older cache.
CODE_FILES = ("catalog.py", "content.py", "files.py", "loader.py", "text.py")

FileState = tuple[str, int, int]  # relative path, size, mtime_ns


def load(
    root: Path,
    directory: Path | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> LoadResult:
    """The catalogue of `root`, from the cache when it is valid, else from TOML (then cached).

    `directory` None: the user cache directory (EXPLORER_CACHE_DIR overrides it).
    `progress(done, total)` follows the role files parsed; from the cache it is called once.
    """
    directory = directory or _default_directory()
    states = content_states(root)
    if states is None:  # not cacheable: the loader reports what is missing
        return load_catalog(root, progress=progress)
    path, key = cache_file(root, directory), _key(states)
    result = _read(path, key)
    if result is None:
        result = load_catalog(root, progress=progress)
        if _settled(states):
            _write(path, key, result)
    elif progress is not None:
        total = sum(name.startswith("roles/") for name, _, _ in states)
        progress(total, total)
    return result


def load_cached(root: Path, directory: Path | None = None) -> LoadResult | None:
    """The catalogue of `root` if its cache file is valid, else None: no TOML is read."""
    states = content_states(root)
    if states is None:
        return None
    return _read(cache_file(root, directory or _default_directory()), _key(states))


def _default_directory() -> Path:
    from explorer.locations import cache_dir  # EXPLORER_CACHE_DIR overrides it

    return cache_dir()


def cache_file(root: Path, directory: Path) -> Path:
    """One file per content folder (as given and as resolved)."""
    try:
        resolved = str(root.resolve())
    except (OSError, RuntimeError):
        resolved = str(root)
    name = f"{root}\x00{resolved}".encode("utf-8", "surrogateescape")
    return directory / f"catalogue-{hashlib.sha256(name).hexdigest()[:24]}.pickle"


def content_states(root: Path) -> list[FileState] | None:
    """(path, size, mtime_ns) of every file the loader reads; None if not cacheable.

    A folder that cannot be listed is left to the loader to report on every start.
    """
    try:
        states = []
        for name in TOP_FILES:
            with suppress(FileNotFoundError):  # absence is part of the key too
                states.append(_state(name, os.stat(root / name)))
        with os.scandir(root / "roles") as entries:
            states += sorted(
                _state(f"roles/{entry.name}", entry.stat())
                for entry in entries
                if entry.name.endswith(".toml")
            )
    except (OSError, ValueError):
        return None
    return states


def _state(name: str, info: os.stat_result) -> FileState:
    return (name, info.st_size, info.st_mtime_ns)


def _settled(states: list[FileState]) -> bool:
    newest = max((mtime for _, _, mtime in states), default=0)
    return newest < (time.time() - SETTLE_SECONDS) * 1e9


def _key(states: list[FileState]) -> bytes:
    here = Path(__file__).parent
    code = []
    for name in CODE_FILES:
        with suppress(OSError):  # installed without its sources: the version decides
            code.append(_state(name, os.stat(here / name)))
    parts = (FORMAT, explorer.__version__, pickle.HIGHEST_PROTOCOL, code, states)
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).digest()


# What a cache file may build: the model's values and paths, nothing else.
_CLASSES = (Catalog, Family, Skill, Term, Source, RelatedRole, Access, Role, ContentIssue)
_PATHS = (PosixPath, WindowsPath, PurePosixPath, PureWindowsPath)
_ALLOWED = {(cls.__module__, cls.__qualname__) for cls in (*_CLASSES, LoadResult, *_PATHS)}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a catalogue")
        found: type = super().find_class(module, name)
        return found


def _read(path: Path, key: bytes) -> LoadResult | None:
    """The cached result if `path` is a cache file for `key`, else None (whatever the damage)."""
    try:
        data = read_bounded(path, MAX_CACHE_BYTES)
    except (OSError, FileProblem):
        return None
    head = len(MAGIC) + len(key)
    if data[: len(MAGIC)] != MAGIC or data[len(MAGIC) : head] != key:
        return None
    body = memoryview(data)[head + 4 :]  # no copy: the file is the peak of memory here
    if zlib.crc32(body) != int.from_bytes(data[head : head + 4], "big"):
        return None  # damaged on disk
    stream = io.BytesIO(data)  # shares `data` as long as nothing asks for its buffer
    stream.seek(head + 4)
    try:
        result = _Unpickler(stream).load()
    except Exception:  # a foreign file: rebuild, never trust it
        return None
    return result if isinstance(result, LoadResult) else None


def _write(path: Path, key: bytes, result: LoadResult) -> None:
    import tempfile  # only when writing: a start from the cache does without it

    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".catalogue-", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + key + bytes(4))  # the CRC-32 of the body, once it is known
            # Pickled straight into the file: the whole pickle in memory was 10 MB more at
            # the peak of a first start on 10,000 roles.
            body = _Summed(out)
            pickle.dump(result, body, protocol=pickle.HIGHEST_PROTOCOL)
            out.seek(len(MAGIC) + len(key))
            out.write(body.crc.to_bytes(4, "big"))
        os.replace(temporary, path)
        temporary = None
    except (OSError, pickle.PicklingError, RecursionError):
        pass
    finally:
        if temporary is not None:
            with suppress(OSError):
                os.unlink(temporary)


class _Summed:
    """Where the pickle is written: the file, and the CRC-32 of what went through."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.crc = 0

    def write(self, data: bytes) -> int:
        self.crc = zlib.crc32(data, self.crc)
        return self.out.write(data)
