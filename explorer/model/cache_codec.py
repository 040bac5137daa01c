"""The catalogue as plain values for the content cache, and back, roles decoded on first use.

A cached catalogue is written in two parts. The head: families, skills, glossary, content
problems and, for each role, what the tree and the first fiche's nearest roles read (id,
titles, family, skills). The roles' other
fields, as two marshal blobs ("chunks"): the first FIRST_CHUNK roles in catalogue order,
which hold the fiche shown at start, then all the others. A warm start decodes the head and
makes every role with its tree fields only; the first read of any other field of a role
decodes its chunk (see `Role.__getattr__`). At 10,000 roles the first frame decodes 64
roles, not all; the app decodes the rest after it, on a thread.

One blob for the rest, not many small ones: marshal writes a text seen before as a
reference, and roles repeat many texts (skill ids, levels, shared missions). Cut into
blobs of 64 roles, the same 10,000 roles took 1.7 × the bytes and 1.5 to 2 × the time.
"""

from __future__ import annotations

import gc
import marshal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from explorer.model.catalog import Access, Catalog, Family, RelatedRole, Role, Skill, Term
from explorer.model.loader import ContentIssue, LoadResult, load_catalog
from explorer.model.record import fields

FIRST_CHUNK = 64  # ≈ 0.4 ms to decode
SUMMARY_FIELDS = ("id", "title", "family", "title_feminine", "skills")
LAZY = "_lazy"  # the key of a role's __dict__ holding its undecoded chunk

_ROLE_FIELDS = tuple(f.name for f in fields(Role))
_DETAIL_FIELDS = tuple(name for name in _ROLE_FIELDS if name not in SUMMARY_FIELDS)
_SUMMARY_SET = frozenset(SUMMARY_FIELDS)
_DETAIL_SET = frozenset(_DETAIL_FIELDS)
_PLAIN_DETAIL_FIELDS = tuple(name for name in _DETAIL_FIELDS if name not in ("access", "related"))
_ACCESS_NAMES = tuple(f.name for f in fields(Access))
_ACCESS_SET = frozenset(_ACCESS_NAMES)
_RELATED_NAMES = tuple(f.name for f in fields(RelatedRole))
_RELATED_SET = frozenset(_RELATED_NAMES)
_FAMILY_NAMES, _SKILL_NAMES, _TERM_NAMES, _ISSUE_NAMES = (
    tuple(f.name for f in fields(cls)) for cls in (Family, Skill, Term, ContentIssue)
)
_FAMILY_SET, _SKILL_SET, _TERM_SET = map(frozenset, (_FAMILY_NAMES, _SKILL_NAMES, _TERM_NAMES))

# Frozen records without __post_init__ or __slots__: filling __dict__ is all their
# __init__ does, and what lets a role wait for its chunk. Otherwise nothing is cached.
CACHEABLE = not any(
    hasattr(cls, "__post_init__") or hasattr(cls, "__slots__")
    for cls in (Family, Skill, Term, RelatedRole, Access, Role)
)
_new = object.__new__
_set = object.__setattr__


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


def schema() -> tuple[tuple[str, ...], ...]:
    """The fields of every cached record: part of the cache key."""
    return tuple(
        tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
        for cls in (Family, Skill, Term, RelatedRole, Access, Role, ContentIssue)
    )


# --- writing --------------------------------------------------------------------------------


def role_chunks(catalog: Catalog) -> Iterator[bytes]:
    """The roles' detail fields: the first FIRST_CHUNK roles, then the others (if any)."""
    if not CACHEABLE:
        raise ValueError("records that cannot be filled field by field")
    roles = list(catalog.roles.values())
    for part in _chunked(roles):
        yield marshal.dumps(tuple(_detail_state(role) for role in part))


def _chunked(roles: list[Role]) -> Iterator[list[Role]]:
    if roles:
        yield roles[:FIRST_CHUNK]
    if len(roles) > FIRST_CHUNK:
        yield roles[FIRST_CHUNK:]


def _detail_state(role: Role) -> dict[str, Any]:
    state = {name: _plain(getattr(role, name)) for name in _PLAIN_DETAIL_FIELDS}
    access = role.access
    state["access"] = {name: _plain(getattr(access, name)) for name in _ACCESS_NAMES}
    state["related"] = tuple(
        {name: _plain(getattr(link, name)) for name in _RELATED_NAMES} for link in role.related
    )
    return state


def head(result: LoadResult, chunks: list[tuple[int, int]]) -> bytes:
    """Everything but the roles' detail fields, with each chunk's size and CRC-32.

    Records are dicts, read back as their __dict__.
    """

    def plain(record: object, names: tuple[str, ...]) -> dict[str, Any]:
        return {name: _plain(getattr(record, name)) for name in names}

    catalog = result.catalog
    return marshal.dumps(
        (
            tuple(plain(f, _FAMILY_NAMES) for f in catalog.families),
            tuple(plain(s, _SKILL_NAMES) for s in catalog.skills.values()),
            tuple(plain(t, _TERM_NAMES) for t in catalog.terms.values()),
            tuple(tuple(plain(i, _ISSUE_NAMES).values()) for i in result.issues),
            tuple(plain(role, SUMMARY_FIELDS) for role in catalog.roles.values()),
            tuple(chunks),
        )
    )


def _plain(value: Any) -> Any:
    """The value itself (not a copy: a cold start's peak memory is the cache write), once
    checked to be what marshal writes as it is read back."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, tuple):
        for item in value:
            _plain(item)
        return value
    raise ValueError(f"cannot cache a {type(value).__name__}")


# --- reading --------------------------------------------------------------------------------


class Source:
    """Where a cached catalogue's roles are read from, and what to do if that fails.

    `read(offset, size, checksum)` gives the bytes of a chunk (OSError or ValueError when
    they are not there or not those written); `forget()` drops the cache file. If a chunk
    cannot be read or decoded, its roles come from the TOML files, and the next start
    rebuilds the cache.
    """

    __slots__ = ("forget", "fresh", "read", "root")

    def __init__(
        self, root: Path, read: Callable[[int, int, int], bytes], forget: Callable[[], None]
    ) -> None:
        self.root = root
        self.read = read
        self.forget = forget
        self.fresh: dict[str, Role] | None = None

    def from_toml(self, roles: list[Role]) -> list[dict[str, Any]]:
        self.forget()
        if self.fresh is None:
            self.fresh = dict(load_catalog(self.root).catalog.roles)
        states = []
        for role in roles:
            role_id = role.__dict__["id"]
            # Changed since the start (the key held then): what the tree shows stays.
            fresh = self.fresh.get(role_id) or Role(role_id, role.__dict__["title"], "", "")
            states.append({name: getattr(fresh, name) for name in _DETAIL_FIELDS})
        return states


class RoleChunk:
    """Roles waiting for their detail fields, and where those are in the file."""

    __slots__ = ("checksum", "lock", "offset", "pending", "roles", "size", "source")

    def __init__(self, source: Source, offset: int, size: int, checksum: int) -> None:
        self.source = source
        self.offset, self.size, self.checksum = offset, size, checksum
        self.roles: list[Role] = []
        self.pending = True
        # The app decodes the roles on a thread after its first frame: a key press needing
        # one of them meanwhile waits for that thread rather than decoding them twice.
        self.lock = threading.Lock()

    def fill(self, asking: Role) -> None:
        """Decode the chunk into its roles, once."""
        if self.pending:
            with self.lock:
                if self.pending:
                    self._fill()
        if LAZY in asking.__dict__:  # a copy of one of ours, made before it was filled
            for role in self.roles:
                if role.__dict__["id"] == asking.__dict__["id"]:
                    asking.__dict__.update(role.__dict__)
            asking.__dict__.pop(LAZY, None)

    def _fill(self) -> None:
        try:
            blob = self.source.read(self.offset, self.size, self.checksum)
            with collector_paused():  # 10,000 roles: ≈ 400 ms with it, ≈ 100 ms without
                states = [_detail(state) for state in marshal.loads(blob)]
            if len(states) != len(self.roles):
                raise ValueError("a chunk of another size")
        except Exception:  # gone, damaged, or written right but read wrong: not trusted
            states = self.source.from_toml(self.roles)
        for role, state in zip(self.roles, states, strict=True):
            role.__dict__.update(state)
            role.__dict__.pop(LAZY, None)
        self.pending = False


def decode_all(catalog: Catalog) -> None:
    """Decode now every role still waiting for its chunk (the app: after its first frame)."""
    for role in catalog.roles.values():
        chunk = role.__dict__.get(LAZY)
        if chunk is not None:
            chunk.fill(role)


def _detail(state: dict[str, Any]) -> dict[str, Any]:
    access, related = state["access"], state["related"]
    if state.keys() != _DETAIL_SET or access.keys() != _ACCESS_SET:
        raise ValueError("role record with other fields")
    links = []
    for link_state in related:
        if link_state.keys() != _RELATED_SET:
            raise ValueError("related role record with other fields")
        link = _new(RelatedRole)
        _set(link, "__dict__", link_state)
        links.append(link)
    state["related"] = tuple(links)
    state["access"] = _new(Access)
    _set(state["access"], "__dict__", access)
    return state


def decode(head_part: bytes, roles_at: int, source: Source) -> LoadResult:
    """The catalogue of a cache file's head, its roles' chunks from `roles_at` in the file.

    Raises ValueError (or any error marshal or a mismatch raises) if the head does not fit.
    """
    if not CACHEABLE:
        raise ValueError("records that cannot be filled field by field")
    families_data, skills_data, terms_data, issues_data, summaries, chunks = marshal.loads(
        head_part
    )
    if len(chunks) != (len(summaries) > 0) + (len(summaries) > FIRST_CHUNK):
        raise ValueError("chunks that do not match the roles")
    roles: dict[str, Role] = {}
    new, set_dict, summary_set = _new, _set, _SUMMARY_SET
    chunk: RoleChunk | None = None
    offset = roles_at
    for position, state in enumerate(summaries):  # the hot loop of a warm start
        if position in (0, FIRST_CHUNK):
            size, checksum = chunks[0 if position == 0 else 1]
            chunk = RoleChunk(source, offset, size, checksum)
            offset += size
        if state.keys() != summary_set:
            raise ValueError("role record with other fields")
        state[LAZY] = chunk
        role = new(Role)
        set_dict(role, "__dict__", state)
        chunk.roles.append(role)  # type: ignore[union-attr]
        roles[state["id"]] = role
    catalog = Catalog(
        families=tuple(_built(Family, f, _FAMILY_SET) for f in families_data),
        roles=roles,
        skills={s["id"]: _built(Skill, s, _SKILL_SET) for s in skills_data},
        terms={t["id"]: _built(Term, t, _TERM_SET) for t in terms_data},
        root=source.root,
    )
    return LoadResult(catalog, tuple(ContentIssue(*i) for i in issues_data))


def _built(cls: type[Any], state: dict[str, Any], names: frozenset[str]) -> Any:
    if state.keys() != names:
        raise ValueError(f"{cls.__name__} record with other fields")
    obj = _new(cls)
    _set(obj, "__dict__", state)
    return obj
