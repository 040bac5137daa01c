"""Accent- and case-insensitive role search over titles, aliases, skills, tools and missions.

What matches, for each word of the folded query:
- a field's *tokens* are the words of its folded texts, plus every written word that folds
  into several ("e-merchandiser", "d'e-mailing") glued back together ("emerchandiser",
  "demailing"), so that "ecommerce" finds "e-commerce";
- the word matches a field when it is inside one of the field's tokens, and scores higher
  when it starts one (prefix before substring);
- a role's score for the word is that of its best field (names, then skills and tools, then
  missions); every word must match; the words' scores add up;
- the whole query equal to one of the role's names adds _EXACT_NAME, starting one adds
  _NAME_PREFIX. Ties keep catalogue order.

How it stays fast at 10,000 roles: every text is folded once, when the index is built. A
set of roles is an integer used as a bit set (bit i: the i-th role of the catalogue), so a
query costs a few dozen integer operations however many roles match:
- per field, each distinct token knows the roles using it; each 1- and 2-letter piece knows
  the roles with a token containing it, or starting with it;
- a longer word finds its tokens: those starting with it are a range of the sorted
  vocabulary, those containing it are found through their 3-letter pieces;
- scores are added for all roles at once, one 16-bit lane per role in one integer.
"""

from __future__ import annotations

import gc
import heapq
import marshal
import re
import sys
import threading
import unicodedata
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import reduce
from itertools import compress, repeat
from operator import itemgetter, or_
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from explorer.model.text import _LIGATURES, fold

if TYPE_CHECKING:
    from explorer.model.catalog import Catalog, Role

# Points for a query word found in a field; a word that starts a field word earns the prefix score.
# Tiers: names (titles, aliases) before skills and tools before mission text.
_SCORES = {
    "title": (100, 60),
    "aliases": (90, 55),
    "skills": (40, 25),
    "tools": (40, 25),
    "missions": (15, 8),
}
_EXACT_NAME = 300  # the whole query is one of the role's names
_NAME_PREFIX = 120  # the whole query starts one of the role's names

FIELDS = tuple(_SCORES)


# Roles folded together when the index is built: big enough for the batch fold to pay.
_BUILD_BATCH = 500


def _tokens(roles: Sequence[Role], texts_of: Callable[[Role], Sequence[str]]) -> Iterator[set[str]]:
    """Each role's tokens for one field, in order, folded a batch of roles at a time."""
    for start in range(0, len(roles), _BUILD_BATCH):
        batch = roles[start : start + _BUILD_BATCH]
        words, glued = _fold_pieces(["\n".join(texts_of(role)) for role in batch])
        for written, joined in zip(words, glued, strict=True):
            yield {*written.split(), *joined.split()}


class _Match(NamedTuple):
    alive: int  # a bit per role: those matching every word
    total: int  # every role's score, in lanes of `width` bytes
    width: int
    matched: list[int]  # per field: the roles where it matched


class SearchHit(NamedTuple):
    role: Role
    score: int
    matched: tuple[
        str, ...
    ]  # role-file fields that matched: title, aliases, skills, tools, missions


def search(catalog: Catalog, query: str, limit: int | None = None) -> list[SearchHit]:
    """Roles matching every word of the query, best first (stable: catalogue order on ties)."""
    return catalog.search_index.search(query, limit)


# --- folding many texts at once -----------------------------------------------------------

_SEPARATOR = "\x00"
_LETTERS = b"0123456789abcdefghijklmnopqrstuvwxyz"
_ASCII_SPACES = b" \t\n\r\x0b\x0c"  # what bytes.split() splits on
_ODD_SPACES = "\x1c\x1d\x1e\x1f"  # str.split() splits on these too
# Every byte but a letter or a digit becomes a space, the text separator stays.
_WORDS = bytes(c if c in _LETTERS or c == 0 else 32 for c in range(256))
# Inside a written word, punctuation goes (letters and digits glue), spaces stay.
_GLUE_DELETE = bytes(c for c in range(256) if c not in _LETTERS + _ASCII_SPACES and c != 0)
# fold() drops a dot between two letters (S.E.A -> sea); elsewhere a dot separates anyway.
_INNER_DOT = re.compile(rb"\.(?<=[0-9a-z]\.)(?=[0-9a-z])")
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


# str.casefold() works in a buffer of 12 bytes per character: fold a few hundred kilobytes
# at a time rather than megabytes.
_BATCH_CHARACTERS = 1 << 18


def _fold_pieces(texts: Sequence[str]) -> tuple[list[str], list[str]]:
    """For each text: its fold, and its written words glued (both as words with spaces)."""
    words: list[str] = []
    glued: list[str] = []
    start = 0
    while start < len(texts):
        end, size = start, 0
        while end < len(texts) and (size < _BATCH_CHARACTERS or end == start):
            size += len(texts[end]) + 1
            end += 1
        batch_words, batch_glued = _fold_batch(texts[start:end])
        words += batch_words
        glued += batch_glued
        start = end
    return words, glued


def _fold_batch(texts: Sequence[str]) -> tuple[list[str], list[str]]:
    """`_fold_pieces` of a few texts.

    The same steps as `fold`, done once over all the texts joined by a NUL: every step works
    character by character, or looks at the two sides of a dot, so the texts fold as they
    do one by one (the tests check it) — several times faster. The glued form of a written
    word (a run without white space, "d'e-mailing") is its fold without spaces ("demailing").
    """
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:  # NUL inside a text: any other control
        joined = _SEPARATOR.join(t.replace(_SEPARATOR, "\x01") for t in texts)  # acts alike
    text = joined.casefold()
    del joined
    for code, replacement in _LIGATURES.items():
        if chr(code) in text:
            text = text.replace(chr(code), replacement)
    if not text.isascii():
        changes: dict[str, str] = {}
        for char in set(_ASCII_RUNS.sub("", text)):
            if char.isspace():
                changes[char] = " "
                continue
            decomposed = unicodedata.normalize("NFKD", char)
            kept = "".join(c for c in decomposed if not unicodedata.combining(c))
            if any(c.isspace() for c in kept):  # "´" is a space and an accent: not a gap
                kept = "".join("\x01" if c.isspace() else c for c in kept)
            if kept != char:
                changes[char] = kept
        for char, replacement in changes.items():
            text = text.replace(char, replacement)
    for char in _ODD_SPACES:
        if char in text:
            text = text.replace(char, " ")
    raw = text.encode("ascii", "replace")  # anything else left separates words, as "?" does
    if b"." in raw:
        raw = _INNER_DOT.sub(b"", raw)
    words = raw.translate(_WORDS).decode("ascii").split(_SEPARATOR)
    glued = raw.translate(None, _GLUE_DELETE).decode("ascii").split(_SEPARATOR)
    return words, glued


def fold_all(texts: Sequence[str]) -> list[str]:
    """`[fold(t) for t in texts]`, several times faster on many texts."""
    if not texts:
        return []
    return [" ".join(part.split()) for part in _fold_pieces(texts)[0]]


# --- bit sets of roles --------------------------------------------------------------------

_TO_FLAGS = bytes.maketrans(b"01", b"\x00\x01")
_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_LANE_TYPE = {2: "H", 4: "I" if array("I").itemsize == 4 else "L"}


def _flags(mask: int) -> bytes:
    """One byte per role, 1 where the bit is set (lowest bit first; may stop early)."""
    return bin(mask)[:1:-1].encode().translate(_TO_FLAGS)


def _byte_lanes(mask: int, value: int) -> int:
    """One byte per role: `value` (below 256) where the bit is set, else 0."""
    table = _BYTE_VALUE.get(value) or bytes.maketrans(b"01", bytes((0, value)))
    return int.from_bytes(bin(mask)[:1:-1].encode().translate(table), "little")


def _widen(lanes: int, size: int, width: int) -> int:
    """One-byte lanes spread to `width`-byte lanes, to add scores beyond 255."""
    wide = bytearray(size * width)
    wide[::width] = lanes.to_bytes(size, "little")
    return int.from_bytes(wide, "little")


def _mask(indices: Sequence[int], size: int) -> int:
    """The bit set of some role (or token) numbers below `size`."""
    if len(indices) <= 16:
        return sum(1 << i for i in set(indices))
    flags = bytearray(size)
    for i in indices:
        flags[i] = 1
    flags.reverse()
    return int(flags.translate(_TO_DIGITS), 2)


# Levels of a word's best field, from the highest score down: (score, ((field, prefix?), ...)).
def _levels() -> tuple[tuple[int, tuple[tuple[int, bool], ...]], ...]:
    by_score: dict[int, list[tuple[int, bool]]] = {}
    for number, (prefix_score, substring_score) in enumerate(_SCORES.values()):
        by_score.setdefault(prefix_score, []).append((number, True))
        by_score.setdefault(substring_score, []).append((number, False))
    return tuple((score, tuple(by_score[score])) for score in sorted(by_score, reverse=True))


_LEVELS = _levels()
_BYTE_VALUE = {
    value: bytes.maketrans(b"01", bytes((0, value)))
    for value in {1, *(score for score, _ in _LEVELS), *(1 << k for k in range(len(_SCORES)))}
}
# Field names for each set of matched fields (bit k: FIELDS[k]), in FIELDS order.
_MATCHED = tuple(
    tuple(f for k, f in enumerate(FIELDS) if pattern >> k & 1)
    for pattern in range(1 << len(FIELDS))
)
_MEMO_SIZE = 512
PACK_VERSION = 1


class _FieldIndex:
    """One field of every role: its vocabulary and the bit sets that answer a query word."""

    __slots__ = ("contains", "masks", "starts", "trigrams", "vocabulary")

    def __init__(
        self,
        vocabulary: tuple[str, ...],
        masks: tuple[int, ...],
        contains: dict[str, int],
        starts: dict[str, int],
        trigrams: dict[str, tuple[int, ...]],
    ) -> None:
        self.vocabulary = vocabulary  # sorted distinct tokens
        self.masks = masks  # roles using each token
        self.contains = contains  # 1-2 letter piece -> roles with a token containing it
        self.starts = starts  # 1-2 letter piece -> roles with a token starting with it
        self.trigrams = trigrams  # 3-letter piece -> tokens containing it

    @classmethod
    def build(cls, tokens_per_role: Iterable[Iterable[str]]) -> _FieldIndex:
        users: defaultdict[str, list[int]] = defaultdict(list)
        size = 0
        for number, tokens in enumerate(tokens_per_role):
            size = number + 1
            for token in tokens:
                users[token].append(number)
        vocabulary = tuple(sorted(users))
        masks = tuple(_mask(users[token], size) for token in vocabulary)
        pieces: defaultdict[str, list[int]] = defaultdict(list)
        firsts: defaultdict[str, list[int]] = defaultdict(list)
        trigrams: defaultdict[str, list[int]] = defaultdict(list)
        for number, token in enumerate(vocabulary):
            for piece in {token[i : i + n] for n in (1, 2) for i in range(len(token) - n + 1)}:
                pieces[piece].append(number)
            for piece in {token[:1], token[:2]}:
                firsts[piece].append(number)
            for piece in {token[i : i + 3] for i in range(len(token) - 2)}:
                trigrams[piece].append(number)

        def union(numbers: list[int]) -> int:
            return reduce(or_, map(masks.__getitem__, numbers), 0)

        return cls(
            vocabulary,
            masks,
            {piece: union(numbers) for piece, numbers in pieces.items()},
            {piece: union(numbers) for piece, numbers in firsts.items()},
            {piece: tuple(numbers) for piece, numbers in trigrams.items()},
        )

    def lookup(self, word: str) -> tuple[int, int]:
        """(roles with a token containing the word, roles with a token starting with it)."""
        if len(word) <= 2:
            return self.contains.get(word, 0), self.starts.get(word, 0)
        vocabulary = self.vocabulary
        low = bisect_left(vocabulary, word)
        high = bisect_left(vocabulary, word + "{", low)  # "{" sorts right after "z"
        starts = reduce(or_, self.masks[low:high], 0)
        if len(word) == 3:
            numbers: Iterable[int] = self.trigrams.get(word, ())
        else:
            candidates = [self.trigrams.get(word[i : i + 3], ()) for i in range(len(word) - 2)]
            numbers = [n for n in min(candidates, key=len) if word in vocabulary[n]]
        return reduce(or_, map(self.masks.__getitem__, numbers), starts), starts

    def state(self) -> tuple[Any, ...]:
        return (self.vocabulary, self.masks, self.contains, self.starts, self.trigrams)


class SearchIndex:
    """Every searchable text of a catalogue, folded once, as bit sets of roles.

    `SearchIndex(catalog, packed)` takes the bytes of `pack()` (the content cache keeps
    them), or a function that reads them, and unpacks them on the first search; bytes that
    cannot be read or do not fit the catalogue are ignored, and the index is built from the
    catalogue instead.
    """

    def __init__(self, catalog: Catalog, packed: bytes | Callable[[], bytes] | None = None) -> None:
        self._catalog = catalog
        self._roles: tuple[Role, ...] = tuple(catalog.roles.values())
        self._memo: dict[tuple[int, str], tuple[int, int]] = {}
        self._packed = packed
        self._fields: tuple[_FieldIndex, ...] = ()
        self._names: tuple[str, ...] = ()  # every folded name, sorted
        self._name_owners: tuple[tuple[int, ...], ...] = ()  # the roles of each name
        self._name_starts: dict[str, int] = {}  # 1-3 letter start -> roles with such a name
        self._unpacking = threading.Lock()  # the app may prepare it on a thread
        self._families: dict[str, int] | None = None  # family -> its roles' bits
        if packed is None:
            self._build()

    @property
    def ready(self) -> bool:
        """Whether the index is usable without unpacking or building anything."""
        return self._packed is None

    def prepare(self) -> None:
        """Unpack the index now rather than on the first search. Safe from any thread."""
        if self._packed is None:
            return
        with self._unpacking:
            packed = self._packed
            if packed is None:  # another thread did it meanwhile
                return
            try:
                self._unpack(packed() if callable(packed) else packed)
            except Exception:  # bytes that do not fit: build from the catalogue
                self._build()
            self._packed = None  # last: `ready` only once every part is in place

    def _build(self) -> None:
        catalog = self._catalog
        roles = self._roles
        size = len(roles)
        skill_labels = {skill_id: skill.label for skill_id, skill in catalog.skills.items()}
        texts_of = (
            lambda role: [role.title, role.title_feminine] if role.title_feminine else [role.title],
            lambda role: role.aliases,
            lambda role: [skill_labels[s] for s in role.skills if s in skill_labels],
            lambda role: role.tools,
            lambda role: role.missions,
        )
        # One field at a time, a batch of roles at a time: the transient strings and sets of
        # all of them at once would weigh far more than the index (and stay as the process's
        # peak memory).
        self._fields = tuple(_FieldIndex.build(_tokens(roles, texts)) for texts in texts_of)

        names: list[str] = []
        name_owner: list[int] = []
        for number, role in enumerate(roles):
            names.extend(role.titles)
            name_owner.extend([number] * len(role.titles))
        owners: defaultdict[str, list[int]] = defaultdict(list)
        for name, number in zip(fold_all(names), name_owner, strict=True):
            if owners[name][-1:] != [number]:  # a role may repeat a name once folded
                owners[name].append(number)
        self._names = tuple(sorted(owners))
        self._name_owners = tuple(tuple(owners[n]) for n in self._names)
        short: defaultdict[str, list[int]] = defaultdict(list)
        for name, numbers in owners.items():
            for piece in {name[:1], name[:2], name[:3]}:
                short[piece].extend(numbers)
        self._name_starts = {piece: _mask(o, size) for piece, o in short.items()}

    # --- the cache keeps an index as bytes ----------------------------------------------------

    def pack(self) -> bytes:
        """The index as bytes for `SearchIndex(catalog, packed)`."""
        self.prepare()
        state = (
            PACK_VERSION,
            len(self._roles),
            tuple(f.state() for f in self._fields),
            self._names,
            self._name_owners,
            self._name_starts,
        )
        return marshal.dumps(state)

    def _unpack(self, packed: bytes) -> None:
        version, size, fields, names, owners, starts = marshal.loads(packed)
        if version != PACK_VERSION or size != len(self._roles) or len(fields) != len(FIELDS):
            raise ValueError("search index bytes do not fit this catalogue")
        if len(names) != len(owners):
            raise ValueError("search index names and owners differ")
        unpacked = tuple(_FieldIndex(*f) for f in fields)
        for f in unpacked:
            if len(f.vocabulary) != len(f.masks):
                raise ValueError("search index vocabulary and masks differ")
        self._fields, self._names, self._name_owners, self._name_starts = (
            unpacked,
            names,
            owners,
            starts,
        )

    # --- queries ------------------------------------------------------------------------------

    def _lookup(self, field: int, word: str) -> tuple[int, int]:
        key = (field, word)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            found = self._memo[key] = self._fields[field].lookup(word)
        return found

    def _named(self, whole: str) -> int:
        """Roles with a name equal to the whole query."""
        found = bisect_left(self._names, whole)
        if found < len(self._names) and self._names[found] == whole:
            return _mask(self._name_owners[found], len(self._roles))
        return 0

    def _named_from(self, whole: str) -> int:
        """Roles with a name starting with the whole query."""
        if len(whole) <= 3:
            return self._name_starts.get(whole, 0)
        low = bisect_left(self._names, whole)
        high = bisect_left(self._names, whole + "{", low)
        owners = [n for numbers in self._name_owners[low:high] for n in numbers]
        return _mask(owners, len(self._roles))

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        found = self._match(query)
        return self._hits(found, limit) if found is not None else []

    def search_by_family(
        self, query: str, limit: int | None = None
    ) -> tuple[list[SearchHit], dict[str, int]]:
        """The best `limit` hits, and how many roles of each family match in all.

        The counts come from the match's bits, family by family: no hit is made for roles
        that are only counted (a one-letter query matches every role).
        """
        found = self._match(query)
        if found is None:
            return [], {}
        counts = {}
        for family, members in self._family_masks().items():
            count = (found.alive & members).bit_count()
            if count:
                counts[family] = count
        return self._hits(found, limit), counts

    def prepare_families(self) -> None:
        """Work out which roles each family holds now, rather than on the first search by
        family (≈ 5 ms at 10,000 roles: the first key typed). Safe from any thread."""
        self._family_masks()

    def _family_masks(self) -> dict[str, int]:
        masks = self._families
        if masks is None:
            numbers: dict[str, list[int]] = {}
            for number, role in enumerate(self._roles):
                numbers.setdefault(role.family, []).append(number)
            size = len(self._roles)
            masks = self._families = {f: _mask(n, size) for f, n in numbers.items()}
        return masks

    def _match(self, query: str) -> _Match | None:
        """Which roles match every word of the query, and their scores; None for none."""
        words = fold(query).split()
        size = len(self._roles)
        if not words or not size:
            return None
        self.prepare()
        # Scores are added in lanes wide enough for the highest possible one.
        width = 2 if 100 * len(words) + _EXACT_NAME + _NAME_PREFIX < 1 << 16 else 4
        alive = (1 << size) - 1  # roles matching every word so far
        total = 0
        matched = [0] * len(FIELDS)
        for word in words:
            found = [self._lookup(k, word) for k in range(len(FIELDS))]
            covered = 0
            best = 0  # the word's score for each role, one byte each
            for score, members in _LEVELS:
                level = 0
                for k, prefix in members:
                    level |= found[k][1 if prefix else 0]
                level &= alive & ~covered
                if level:
                    best += _byte_lanes(level, score)
                    covered |= level
            alive = covered
            if not alive:
                return None
            total += _widen(best, size, width)
            for k, (contains, _) in enumerate(found):
                matched[k] |= contains
        whole = " ".join(words)
        exact = self._named(whole) & alive
        if exact:
            total += _EXACT_NAME * _widen(_byte_lanes(exact, 1), size, width)
        named = self._named_from(whole) & alive & ~exact
        if named:
            total += _NAME_PREFIX * _widen(_byte_lanes(named, 1), size, width)
        return _Match(alive, total, width, matched)

    def _hits(self, found: _Match, limit: int | None) -> list[SearchHit]:
        """The matching roles as hits, best first (catalogue order on ties), at most `limit`."""
        alive, total, width, matched = found
        size = len(self._roles)
        scores = array(_LANE_TYPE[width])
        scores.frombytes(total.to_bytes(size * width, "little"))
        if sys.byteorder == "big":
            scores.byteswap()
        pattern = sum(_byte_lanes(m & alive, 1 << k) for k, m in enumerate(matched))
        patterns = pattern.to_bytes(size, "little")
        numbers = compress(range(size), _flags(alive))
        # Both stable on ties; nlargest skips sorting the thousands of hits it leaves out.
        if limit is None:
            order = sorted(numbers, key=scores.__getitem__, reverse=True)
        else:
            order = heapq.nlargest(limit, numbers, key=scores.__getitem__)
        if not order:
            return []
        # One itemgetter call fetches every hit's role, score and fields at C speed.
        pick = itemgetter(*order) if len(order) > 1 else lambda seq: (seq[order[0]],)
        matched_fields = pick(patterns)
        rows = zip(
            pick(self._roles),
            pick(scores),
            itemgetter(*matched_fields)(_MATCHED)
            if len(order) > 1
            else (_MATCHED[matched_fields[0]],),
            strict=True,
        )
        # Thousands of new hits, none in a reference cycle: no collection while making them.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return cast("list[SearchHit]", list(map(tuple.__new__, repeat(SearchHit), rows)))
        finally:
            if collecting:
                gc.enable()
