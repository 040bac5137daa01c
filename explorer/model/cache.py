"""The parsed catalogue kept on disk, so that a start-up with unchanged content skips TOML.

One file per content folder in the user cache directory. It holds the loaded catalogue,
its content problems (so that a lenient load still warns), as plain
values written with `marshal` (fast, and it never builds arbitrary objects).

The file is only used when everything matches: its magic bytes and format, a key made of
the app version, the Python version, the model's source files and, for every content file,
its path, size, modification time and inode; then the parts' sizes and CRC-32. Anything
else (a damaged, truncated, foreign or outdated file, a decoding error) and the content is
loaded from the TOML files again, and the cache rewritten. A cache that cannot be written is
skipped without a word.

A start reads only the head of the file (model/cache_codec.py): the roles' other fields
are read when first needed, and checked then. A part found damaged at that point is not
used either (the roles come from the TOML files) and the file is dropped, to be rebuilt at
the next start. The file's index part stays empty: the search index is built from the
catalogue (`Catalog.search_index`).
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

import explorer
from explorer.model import cache_codec
from explorer.model.cache_codec import collector_paused
from explorer.model.loader import LoadResult, load_catalog
from explorer.model.record import field, record

try:  # hashlib's own BLAKE2, without the import of OpenSSL's bindings (≈ 5 M instructions)
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

MAGIC = b"explorer-cache\x00\x01"
FORMAT = 4  # 4: the role chunks, the head, the packed index, then the header
# A content file changed this recently may change again within the file system's clock
# tick without its modification time moving: such a load is not cached.
SETTLE_SECONDS = 2.0
TOP_FILES = ("families.toml", "skills.toml", "glossary.toml")
_MAX_HEADER = 4096


@record
class PendingSave:
    """Building the search index and writing the cache, left for after the first frame.

    A load from TOML is used at once; `run()` (on any thread, once) does the rest and keeps
    its timing. Until then the catalogue builds its index on first search, as it would.
    """

    path: Path
    key: bytes
    result: LoadResult
    done: bool = False
    saved: bool = False
    index_seconds: float = 0.0
    save_seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def run(self) -> bool:
        """Build the index (unless a search has already) and write the cache; whether written.

        Done once: a second call (say, at exit while a thread is writing) waits for the first.
        """
        with self._lock:
            if not self.done:
                with collector_paused():
                    started = time.perf_counter()
                    catalog = self.result.catalog
                    self.saved, self.index_seconds = _write(
                        self.path, self.key, self.result, lambda: catalog.search_index
                    )
                    self.save_seconds = time.perf_counter() - started - self.index_seconds
                self.done = True
        return self.saved


@record(frozen=True)
class CachedLoad:
    """A loaded catalogue (its search index attached) and where the time went."""

    result: LoadResult
    from_cache: bool
    load_seconds: float  # TOML parse and validation, or reading the cache
    index_seconds: float  # building the search index (from the cache: unpacked when first used)
    save_seconds: float = 0.0  # writing the cache after a load from TOML
    saved: bool = False  # whether the cache was (re)written
    pending: PendingSave | None = None  # with defer_save: the index and the cache, for later


def cache_file(root: Path, directory: Path) -> Path:
    """One file per content folder (as given and as resolved)."""
    name = f"{root}\x00{_resolved(root)}".encode("utf-8", "surrogateescape")
    return directory / f"catalogue-{blake2b(name, digest_size=10).hexdigest()}.bin"


def load(root: Path, directory: Path | None = None, *, defer_save: bool = False) -> CachedLoad:
    """The catalogue of `root`, from the cache when it is valid, else from TOML (then cached).

    `defer_save`: after a load from TOML, the index is not built nor the cache written: the
    returned `pending.run()` does both, when the caller has time (the app: after its first
    frame, on a thread).
    """
    if directory is None:
        from explorer.locations import cache_dir

        directory = cache_dir()
    with collector_paused():
        started = time.perf_counter()
        files = content_files(root)
        key = _digest(files) if files is not None else None
        path = cache_file(root, directory)
        if key is not None:
            parts = _read(path, key)
            if parts is not None:
                head, roles_at, _index_at, _index_size, _index_checksum = parts
                read = _part_reader(path)
                source = cache_codec.Source(root, read, lambda: _forget(path))
                try:
                    result = cache_codec.decode(head, roles_at, source)
                except Exception:  # anything unexpected in the file: rebuild, never trust it
                    pass
                else:
                    return CachedLoad(result, True, time.perf_counter() - started, 0.0)
        result = load_catalog(root)
        loaded = time.perf_counter() - started
    if key is None or files is None or not _settled(files):
        return CachedLoad(result, False, loaded, 0.0)
    pending = PendingSave(path, key, result)
    if defer_save:
        return CachedLoad(result, False, loaded, 0.0, pending=pending)
    pending.run()
    return CachedLoad(
        result, False, loaded, pending.index_seconds, pending.save_seconds, pending.saved
    )


# --- the key --------------------------------------------------------------------------------

FileState = tuple[str, int, int, int, int]  # name, size, mtime_ns, inode, file type


def content_files(root: Path) -> list[FileState] | None:
    """The state of every file the loader reads; None when the content is not cacheable.

    A missing file or folder, or one that cannot be read, is left to the loader to report
    on every start: such content is not cached.
    """
    try:
        if not stat.S_ISDIR(os.stat(root).st_mode):
            return None
        states = [_state(name, os.stat(root / name)) for name in TOP_FILES]
        roles = root / "roles"
        if not stat.S_ISDIR(os.stat(roles).st_mode):
            return None
        with _opened(roles) as folder, os.scandir(folder) as entries:
            states += sorted(
                _state(f"roles/{entry.name}", entry.stat())
                for entry in entries
                if entry.name.endswith(".toml")
            )
    except (OSError, ValueError):
        return None
    return states


@contextmanager
def _opened(folder: Path) -> Iterator[int | Path]:
    """The folder as a descriptor where scandir takes one: each file's stat is then looked up
    from the folder, not from the root of its path (≈ 15 % less time at 10,000 files)."""
    if os.scandir not in os.supports_fd:
        yield folder
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def _state(name: str, info: os.stat_result) -> FileState:
    return (name, info.st_size, info.st_mtime_ns, info.st_ino, stat.S_IFMT(info.st_mode))


def _settled(files: list[FileState]) -> bool:
    newest = max((state[2] for state in files), default=0)
    return newest < (time.time() - SETTLE_SECONDS) * 1e9


# The modules whose code shapes what is cached. By path, not through sys.modules: the TOML
# reader is imported only when TOML is read, after the key is made.
_CODE = ("catalog", "loader", "plain_toml", "record", "search", "text", "cache", "cache_codec")


def _code_state() -> list[tuple[str, int, int]]:
    """The model's source files: a changed model never reads an older cache."""
    states = []
    here = Path(__file__).parent
    for name in _CODE:
        with suppress(OSError):
            info = os.stat(here / f"{name}.py")
            states.append((name, info.st_size, info.st_mtime_ns))
    return states


def _digest(files: list[FileState]) -> bytes:
    root_files = marshal.dumps(files)
    parts = (
        FORMAT,
        explorer.__version__,
        sys.version,
        sys.implementation.cache_tag,
        _code_state(),
        cache_codec.schema(),
    )
    return blake2b(repr(parts).encode() + b"\x00" + root_files, digest_size=32).digest()


def _resolved(root: Path) -> str:
    try:
        return str(root.resolve())
    except (OSError, RuntimeError):
        return str(root)


# --- the file -------------------------------------------------------------------------------


def _read(path: Path, key: bytes) -> tuple[bytes, int, int, int, int] | None:
    """A cache file's head and where its other parts are, if it is one for `key`; else None.

    The file: MAGIC, the role chunks, the head, the packed index, then a header (format,
    key, the three parts' sizes, the head's and the index's CRC-32) and the header's size in
    4 bytes: the parts are written one after the other, each freed before the next is made,
    the header last. Only the head is read here: each chunk (its CRC-32 in the head) when one
    of its roles is first shown, the index on the first search.
    Gives (head, offset of the chunks, offset, size and CRC-32 of the index).
    """
    try:
        with open(path, "rb", buffering=0) as handle:
            size = os.fstat(handle.fileno()).st_size
            if handle.read(len(MAGIC)) != MAGIC or size < len(MAGIC) + 4:
                return None
            tail_size = min(size - len(MAGIC), _MAX_HEADER + 4)
            handle.seek(size - tail_size)
            tail = handle.read(tail_size)
            header_size = int.from_bytes(tail[-4:], "little")
            if header_size > len(tail) - 4:
                return None
            header = marshal.loads(tail[-4 - header_size : -4])
            version, file_key, roles_size, head_size, head_sum, index_size, index_sum = header
            if version != FORMAT or file_key != key:
                return None
            if len(MAGIC) + roles_size + head_size + index_size + header_size + 4 != size:
                return None
            head_at = len(MAGIC) + roles_size
            head = _part(handle, head_at, head_size, head_sum)
            if head is None:
                return None
            return head, len(MAGIC), head_at + head_size, index_size, index_sum
    except Exception:  # a damaged file, whatever the damage
        return None


def _part_reader(path: Path) -> Callable[[int, int, int], bytes]:
    """Reads a part of the file that was checked at the start; a part found changed or
    damaged since then drops the file (the next start rebuilds it) and raises ValueError."""

    def read(offset: int, size: int, checksum: int) -> bytes:
        try:
            with open(path, "rb", buffering=0) as handle:
                data = _part(handle, offset, size, checksum)
        except OSError as error:
            raise ValueError("the cache file cannot be read") from error
        if data is None:
            _forget(path)
            raise ValueError("not the part that was written")
        return data

    return read


def _part(handle: BinaryIO, offset: int, size: int, checksum: int) -> bytes | None:
    """The bytes of a part of the file, or None when they are not those written."""
    handle.seek(offset)
    data = handle.read(size)
    return data if len(data) == size and zlib.crc32(data) == checksum else None


def _written(out: BinaryIO, data: bytes) -> tuple[int, int]:
    out.write(data)
    return len(data), zlib.crc32(data)


def _forget(path: Path) -> None:
    with suppress(OSError):
        path.unlink()


def _write(
    path: Path, key: bytes, result: LoadResult, index: Callable[[], object]
) -> tuple[bool, float]:
    """Write atomically (temporary file, then rename); whether written, and the index's time.

    The peak memory of a cold start is here: the catalogue's values are encoded and written
    (a chunk of roles at a time) before the search index is built (`index()`), and it
    reuses their memory. Any failure leaves no cache.
    """
    temporary: str | None = None
    index_seconds = 0.0
    try:
        import tempfile  # only when writing: not worth its import on every start

        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".catalogue-", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC)
            # Each chunk's bytes are freed once written (a loop variable would keep the last,
            # ≈ 10 MB at 10,000 roles, through the index build: the peak).
            chunks = [_written(out, chunk) for chunk in cache_codec.role_chunks(result.catalog)]
            head = cache_codec.head(result, chunks)
            out.write(head)
            head_size, head_sum = len(head), zlib.crc32(head)
            del head
            started = time.perf_counter()
            index()
            index_seconds = time.perf_counter() - started
            packed = b""  # the search index is built from the catalogue, not cached
            out.write(packed)
            roles_size = sum(size for size, _ in chunks)
            parts = (roles_size, head_size, head_sum, len(packed), zlib.crc32(packed))
            header = marshal.dumps((FORMAT, key, *parts))
            out.write(header + len(header).to_bytes(4, "little"))
        os.replace(temporary, path)
        temporary = None
        return True, index_seconds
    except (OSError, ValueError):
        return False, index_seconds
    finally:
        if temporary is not None:
            with suppress(OSError):
                os.unlink(temporary)
