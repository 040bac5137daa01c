"""The parsed catalogue kept on disk, so that a start-up with unchanged content skips TOML.

One file per content folder in the user cache directory. It holds the loaded catalogue,
its content problems (so that a lenient load still warns) and the search index, as plain
values written with `marshal` (fast, and it never builds arbitrary objects).

The file is only used when everything matches: its magic bytes and format, a key made of
the app version, the Python version, the model's source files and, for every content file,
its path, size, modification time and inode; then the payload's length and CRC-32. Anything
else (a damaged, truncated, foreign or outdated file, a decoding error) and the content is
loaded from the TOML files again, and the cache rewritten. A cache that cannot be written is
skipped without a word.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import stat
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import explorer
from explorer.model.catalog import Access, Catalog, Family, RelatedRole, Role, Skill, Term
from explorer.model.loader import ContentIssue, LoadResult, load_catalog
from explorer.model.search import SearchIndex

MAGIC = b"explorer-cache\x00\x01"
FORMAT = 3  # 3: the catalogue, the packed index, then the header
# A content file changed this recently may change again within the file system's clock
# tick without its modification time moving: such a load is not cached.
SETTLE_SECONDS = 2.0
TOP_FILES = ("families.toml", "skills.toml", "glossary.toml")
_MAX_HEADER = 4096


@dataclass
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


@dataclass(frozen=True)
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
    return directory / f"catalogue-{hashlib.sha256(name).hexdigest()[:20]}.bin"


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
            payload = _read(path, key)
            if payload is not None:
                try:
                    catalog_values, packed_index = payload
                    result = _decode_result(catalog_values, root)
                except Exception:  # anything unexpected in the file: rebuild, never trust it
                    pass
                else:
                    # The index is unpacked on the first search (or `prepare()`).
                    attach_index(result.catalog, SearchIndex(result.catalog, packed_index))
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


def attach_index(catalog: Catalog, index: SearchIndex) -> None:
    """Give the catalogue its index (`Catalog.search_index` is a cached property)."""
    catalog.__dict__["search_index"] = index


@contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector off for the block, then as it was (nested: the outer one decides)."""
    # Hundreds of thousands of new objects that never form cycles: collecting while they
    # are made only costs time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
        with os.scandir(roles) as entries:
            states += sorted(
                _state(f"roles/{entry.name}", entry.stat())
                for entry in entries
                if entry.name.endswith(".toml")
            )
    except (OSError, ValueError):
        return None
    return states


def _state(name: str, info: os.stat_result) -> FileState:
    return (name, info.st_size, info.st_mtime_ns, info.st_ino, stat.S_IFMT(info.st_mode))


def _settled(files: list[FileState]) -> bool:
    newest = max((state[2] for state in files), default=0)
    return newest < (time.time() - SETTLE_SECONDS) * 1e9


# The modules whose code shapes what is cached. By path, not through sys.modules: the TOML
# reader is imported only when TOML is read, after the key is made.
_CODE = ("catalog", "loader", "plain_toml", "search", "text", "cache")


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
        _schema(),
    )
    return hashlib.sha256(repr(parts).encode() + b"\x00" + root_files).digest()


def _schema() -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
        for cls in (Family, Skill, Term, RelatedRole, Access, Role, ContentIssue)
    )


def _resolved(root: Path) -> str:
    try:
        return str(root.resolve())
    except (OSError, RuntimeError):
        return str(root)


# --- the file -------------------------------------------------------------------------------


def _read(path: Path, key: bytes) -> tuple[Any, bytes] | None:
    """The catalogue's values and the packed search index of a cache file for `key`, or None.

    The file: MAGIC, the catalogue's values, the packed index, then a header (format, key,
    both parts' sizes, their CRC-32) and the header's size in 4 bytes: the parts are written
    one after the other, each freed before the next is made, and the header last.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    try:
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
            return None
        header_size = int.from_bytes(data[-4:], "little")
        if header_size > _MAX_HEADER:
            return None
        end = len(data) - 4 - header_size
        header = marshal.loads(data[end:-4])
        version, file_key, catalogue_size, index_size, checksum = header
        body = memoryview(data)[len(MAGIC) : end]
        if version != FORMAT or file_key != key or catalogue_size + index_size != len(body):
            return None
        if zlib.crc32(body) != checksum:
            return None
        return marshal.loads(body[:catalogue_size]), bytes(body[catalogue_size:])
    except Exception:  # a damaged file, whatever the damage
        return None


def _write(
    path: Path, key: bytes, result: LoadResult, index: Callable[[], SearchIndex]
) -> tuple[bool, float]:
    """Write atomically (temporary file, then rename); whether written, and the index's time.

    The peak memory of a cold start is here: the catalogue's values are encoded and written
    before the search index is built (`index()`), and it reuses their memory. Any failure
    leaves no cache.
    """
    temporary: str | None = None
    index_seconds = 0.0
    try:
        import tempfile  # only when writing: not worth its import on every start

        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".catalogue-", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC)
            catalogue = marshal.dumps(_encode_result(result))
            out.write(catalogue)
            catalogue_size, checksum = len(catalogue), zlib.crc32(catalogue)
            del catalogue
            started = time.perf_counter()
            built = index()
            index_seconds = time.perf_counter() - started
            packed = built.pack()
            out.write(packed)
            checksum = zlib.crc32(packed, checksum)
            header = marshal.dumps((FORMAT, key, catalogue_size, len(packed), checksum))
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


# --- the catalogue as plain values ----------------------------------------------------------
#
# Objects become tuples of their fields in declaration order; equal strings are written once
# (marshal writes an object seen before as a reference), which keeps the file and the loaded
# catalogue small.

_ROLE_FIELDS = tuple(f.name for f in fields(Role))
_ROLE_FIELD_SET = frozenset(_ROLE_FIELDS)
_ACCESS_FIELDS = frozenset(f.name for f in fields(Access))
_RELATED_FIELDS = frozenset(f.name for f in fields(RelatedRole))


def _encode_result(result: LoadResult) -> tuple[Any, ...]:
    shared: dict[str, str] = {}

    def plain(value: object) -> Any:
        if value is None or isinstance(value, bool | int):
            return value
        if isinstance(value, str):
            return shared.setdefault(value, value)
        if isinstance(value, tuple):
            return tuple(plain(item) for item in value)
        if isinstance(value, Family | Skill | Term | ContentIssue):
            return tuple(plain(getattr(value, f.name)) for f in fields(value))
        raise ValueError(f"cannot cache a {type(value).__name__}")

    catalog = result.catalog
    return (
        tuple(plain(f) for f in catalog.families),
        tuple(_encode_role(role) for role in catalog.roles.values()),
        tuple(plain(s) for s in catalog.skills.values()),
        tuple(plain(t) for t in catalog.terms.values()),
        tuple(plain(i) for i in result.issues),
    )


_ACCESS_NAMES = tuple(f.name for f in fields(Access))
_RELATED_NAMES = tuple(f.name for f in fields(RelatedRole))


def _encode_role(role: Role) -> dict[str, Any]:
    """A role's fields as a dict (read back as its __dict__).

    The loader keeps one copy of each repeated text (`_build_role`), and marshal writes an
    object it has seen before as a reference: every text is written once however many roles
    repeat it. A value marshal cannot write makes the write fail (no cache).
    """
    state = {name: getattr(role, name) for name in _ROLE_FIELDS}
    access = role.access
    state["access"] = {name: getattr(access, name) for name in _ACCESS_NAMES}
    state["related"] = tuple(
        {name: getattr(link, name) for name in _RELATED_NAMES} for link in role.related
    )
    return state


_new = object.__new__
_set = object.__setattr__
# Frozen dataclasses without __post_init__ or __slots__: filling __dict__ directly is all
# their __init__ does, without a call per field. Otherwise the constructor is used.
_FIELD_BY_FIELD = not any(
    hasattr(cls, "__post_init__") or hasattr(cls, "__slots__")
    for cls in (Family, Skill, Term, RelatedRole, Access, Role)
)


def _object(cls: type[Any], state: dict[str, Any]) -> Any:
    if not _FIELD_BY_FIELD:
        return cls(**state)
    obj = _new(cls)
    _set(obj, "__dict__", state)
    return obj


def _checked(cls: type[Any], state: dict[str, Any], names: frozenset[str]) -> Any:
    if state.keys() != names:
        raise ValueError(f"{cls.__name__} record with other fields")
    return _object(cls, state)


def _built(cls: type[Any], values: tuple[Any, ...], names: tuple[str, ...]) -> Any:
    return _object(cls, dict(zip(names, values, strict=True)))


def _decode_result(payload: tuple[Any, ...], root: Path) -> LoadResult:
    families_data, roles_data, skills_data, terms_data, issues_data = payload
    family_names, skill_names, term_names = (
        tuple(f.name for f in fields(cls)) for cls in (Family, Skill, Term)
    )
    roles: dict[str, Role] = {}
    if _FIELD_BY_FIELD:  # the hot loop of a warm start: 10,000 roles, written out flat
        new, set_dict = _new, _set
        related_fields = _RELATED_FIELDS
        for state in roles_data:
            access, related = state["access"], state["related"]
            if state.keys() != _ROLE_FIELD_SET or access.keys() != _ACCESS_FIELDS:
                raise ValueError("role record with other fields")
            links = []
            for link_state in related:
                if link_state.keys() != related_fields:
                    raise ValueError("related role record with other fields")
                link = new(RelatedRole)
                set_dict(link, "__dict__", link_state)
                links.append(link)
            state["related"] = tuple(links)
            state["access"] = new(Access)
            set_dict(state["access"], "__dict__", access)
            role = new(Role)
            set_dict(role, "__dict__", state)
            roles[state["id"]] = role
    else:
        for state in roles_data:
            if state.keys() != _ROLE_FIELD_SET:
                raise ValueError("role record with other fields")
            state["access"] = _checked(Access, state["access"], _ACCESS_FIELDS)
            state["related"] = tuple(
                _checked(RelatedRole, r, _RELATED_FIELDS) for r in state["related"]
            )
            role = _object(Role, state)
            roles[role.id] = role
    skills = (_built(Skill, s, skill_names) for s in skills_data)
    terms = (_built(Term, t, term_names) for t in terms_data)
    catalog = Catalog(
        families=tuple(_built(Family, f, family_names) for f in families_data),
        roles=roles,
        skills={s.id: s for s in skills},
        terms={t.id: t for t in terms},
        root=root,
    )
    return LoadResult(catalog, tuple(ContentIssue(*i) for i in issues_data))
