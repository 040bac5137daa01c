"""Accent- and case-insensitive role search over names, skills, tools, terms and missions.

What matches, for each word of the folded query (`text.fold`: "S.E.A." and "sea" alike):
- the word matches a role when it starts a *token* of one of the role's texts: a word of the
  folded text, or a written word glued back together ("e-commerce" -> "ecommerce");
- a word the content writes in capitals somewhere (an acronym: SEA, CM) matches that whole
  token only: "sea" is not the start of "search", nor "cm" of "CMS";
- only when no token of any role starts with the word does it match inside tokens
  ("dacteur" finds "rédacteur"), and then at lower scores;
- a role's score for the word is that of its best field: names (title, aliases), then
  skills, tools and linked glossary terms, then missions. Every word must match; the
  words' scores add up. The whole query equal to one of the role's names adds _EXACT_NAME,
  starting one adds _NAME_PREFIX. Ties keep catalogue order.
- a hit's reason quotes the first text of the best field that matched its first word found
  by something else than the title.

The index, built once: per field, the sorted vocabulary of its tokens, each with the numbers
of the roles using it (an array). The tokens starting with a word are a range of the
vocabulary, found by bisection; dicts of role numbers do the rest. A query ranks roles by
number and score only: which fields matched and why are worked out for the hits that are
asked (`SearchHit.matched`, `SearchHit.reason`).
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, compress, repeat
from typing import NamedTuple, Protocol

from explorer.model.content import Role, Skill, Term
from explorer.model.text import fold, one_line, tokens, visible


class Catalog(Protocol):
    """What search reads of explorer.model.catalog.Catalog (which builds the index: naming
    that class here would make the two modules import each other)."""

    @property
    def roles(self) -> Mapping[str, Role]: ...

    @property
    def skills(self) -> Mapping[str, Skill]: ...

    @property
    def search_index(self) -> SearchIndex: ...

    def role_terms(self, role: Role) -> tuple[Term, ...]: ...


# Points for a query word by the field it matched in: (starting a token, inside one).
_SCORES = {
    "title": (100, 60),
    "aliases": (90, 55),
    "skills": (40, 25),
    "tools": (40, 25),
    "terms": (40, 25),
    "missions": (15, 8),
}
FIELDS = tuple(_SCORES)
_POINTS = tuple([scores[inside] for scores in _SCORES.values()] for inside in (0, 1))
_EXACT_NAME = 300  # the whole query is one of the role's names
_NAME_PREFIX = 120  # the whole query starts one of the role's names

# How the reason names each field (the title needs no reason).
_KINDS = {
    "aliases": "alias",
    "skills": "compétence",
    "tools": "outil",
    "terms": "terme",
    "missions": "mission",
}
_SHORT_MISSION = 40  # characters of a mission quoted in a reason
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]+\b")  # SEA, CM, B2B (S.E.A. folds as "s e a": no)
_AFTER_LETTERS = "{"  # sorts after every letter and digit of a folded token


class SearchHit:
    """A role a search found, and its score.

    Which fields matched and why (`matched`, `reason`) are worked out when asked: a
    one-letter query finds thousands of roles, and a screen shows a few dozen of them.
    """

    __slots__ = ("_number", "_query", "role", "score")

    def __init__(self, role: Role, score: int, number: int, query: _Query) -> None:
        self.role = role
        self.score = score
        self._number = number  # the role's number in the index
        self._query = query

    @property
    def matched(self) -> tuple[str, ...]:
        """The role-file fields where a query word matched, in FIELDS order."""
        return self._query.matched(self._number)

    @property
    def reason(self) -> str | None:
        """Why, when not by its title: "alias « Traffic manager »"."""
        return self._query.reason(self._number)

    def _values(self) -> tuple[Role, int, tuple[str, ...], str | None]:
        return (self.role, self.score, self.matched, self.reason)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SearchHit):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((self.role.id, self.score))

    def __repr__(self) -> str:
        role, score, matched, why = self._values()
        return f"SearchHit({role.id!r}, {score}, {matched!r}, {why!r})"


class HitReasons(Mapping[str, str]):
    """Role id → why that hit matched (hits found by their title have none).

    Worked out when a role is drawn, not for every hit: a search fetches over a hundred
    hits at each key, and the tree shows a screenful.
    """

    def __init__(self, hits: Iterable[SearchHit] = ()) -> None:
        self._hits = {hit.role.id: hit for hit in hits}
        self._known: dict[str, str | None] = {}

    def __getitem__(self, role_id: str) -> str:
        if role_id not in self._known:
            self._known[role_id] = self._hits[role_id].reason
        reason = self._known[role_id]
        if reason is None:
            raise KeyError(role_id)
        return reason

    def __iter__(self) -> Iterator[str]:
        return (role_id for role_id in self._hits if role_id in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def search(catalog: Catalog, query: str, limit: int | None = None) -> list[SearchHit]:
    """Roles matching every word of the query, best first (stable: catalogue order on ties)."""
    return catalog.search_index.search(query, limit)


def fold_all(texts: Iterable[str]) -> list[str]:
    """Each text folded (`text.fold`)."""
    return [fold(text) for text in texts]


def reason(field: str, text: str) -> str | None:
    """The short French phrase saying that a role matched through `text` of `field`."""
    if field == "title":
        return None
    if field == "missions" and len(text) > _SHORT_MISSION:
        cut = text[:_SHORT_MISSION].rsplit(" ", 1)[0]
        text = cut.rstrip(" ,;:.'’") + "…"
    # Shown on screen and printed as is: made visible here, once for every caller.
    return f"{_KINDS[field]} « {visible(one_line(text))} »"


class _Vocabulary:
    """Sorted tokens, and the numbers of the roles using each (each role once, in order).

    The numbers of every token are in one array: those of `tokens[i]` are
    `numbers[offsets[i] : offsets[i + 1]]`, so that a range of tokens is one slice (an array
    per token took 3 MB more at 10,000 roles, most of it for the whole names).
    """

    def __init__(self, users: Mapping[str, array[int]], *, initials: bool = True) -> None:
        self.tokens = sorted(users)
        self.numbers = array("I")
        self.offsets = array("I", [0])
        for token in self.tokens:
            self.numbers += users[token]
            self.offsets.append(len(self.numbers))
        # A one-letter word starts the tokens of nearly every role: its roles are kept ready
        # (each once: search p95 -30 %, at 10,000 roles).
        letters = {token[:1] for token in self.tokens} if initials else set()
        self.initials = {letter: array("I", set(self._starting(letter))) for letter in letters}

    def starts(self, word: str) -> bool:
        """Whether a token starts with `word`."""
        low = bisect_left(self.tokens, word)
        return low < len(self.tokens) and self.tokens[low].startswith(word)

    def starting(self, word: str) -> Iterable[int]:
        """The roles with a token starting with `word` (some maybe more than once)."""
        if len(word) == 1 and self.initials:
            return self.initials.get(word, ())
        return self._starting(word)

    def _starting(self, word: str) -> Sequence[int]:
        low = bisect_left(self.tokens, word)
        high = bisect_left(self.tokens, word + _AFTER_LETTERS, low)
        return self._users(low, high)

    def exactly(self, word: str) -> Iterable[int]:
        """The roles with the token `word`."""
        found = bisect_left(self.tokens, word)
        if found < len(self.tokens) and self.tokens[found] == word:
            return self._users(found, found + 1)
        return ()

    def containing(self, word: str) -> Iterable[int]:
        """The roles with a token containing `word` (some maybe more than once)."""
        found = (self._users(i, i + 1) for i, token in enumerate(self.tokens) if word in token)
        return chain.from_iterable(found)

    def _users(self, low: int, high: int) -> Sequence[int]:
        """The roles of tokens[low:high]."""
        return self.numbers[self.offsets[low] : self.offsets[high]]


class _Word(NamedTuple):
    """A query word, how it matches tokens, and the roles it matches in each field."""

    text: str
    how: str  # "exact" (an acronym), "start" or "inside" (nothing starts with it)
    found: list[dict[int, int]]  # per field (FIELDS order): role number -> the field's points


class _Query:
    """What the words of one query matched: enough to say, for any hit, where and why."""

    def __init__(self, index: SearchIndex, words: list[_Word]) -> None:
        self.index = index
        self.words = words

    def matched(self, number: int) -> tuple[str, ...]:
        found = [
            any(number in word.found[field] for word in self.words) for field in _FIELD_NUMBERS
        ]
        return tuple(compress(FIELDS, found))

    def reason(self, number: int) -> str | None:
        """Why the role matched its first word found by something else than the title."""
        for word in self.words:
            field = next(field for field, roles in enumerate(word.found) if number in roles)
            if field:
                role = self.index.roles[number]
                texts = _texts(self.index.catalog, role)[field]
                text = next(text for text in texts if _fits(text, word))
                return reason(FIELDS[field], text)
        return None


class SearchIndex:
    """Every searchable text of a catalogue, folded once into per-field vocabularies."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.roles = tuple(catalog.roles.values())
        self._families = [role.family for role in self.roles]
        texts = [_texts(catalog, role) for role in self.roles]
        self._acronyms: set[str] = set()  # folded words written in capitals: "SEA", "CM"
        self._fields = [
            _Vocabulary(_users([t[field] for t in texts], self._tokens)) for field in _FIELD_NUMBERS
        ]
        del texts
        # Whole folded names, for the exact and prefix bonus.
        names = _users((role.titles for role in self.roles), lambda name: (fold(name),))
        self._names = _Vocabulary(names, initials=False)

    def _tokens(self, text: str) -> Iterable[str]:
        """A text's tokens (its acronyms noted on the way)."""
        self._acronyms.update(map(fold, _ACRONYM.findall(text)))
        return map(sys.intern, tokens(text))

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        """Roles matching every word of the query, best first, at most `limit`."""
        total, found = self._scores(query)
        return self._hits(total, found, limit)

    def search_by_family(
        self, query: str, limit: int | None = None
    ) -> tuple[list[SearchHit], dict[str, int]]:
        """The best `limit` hits, and how many roles of each family match in all."""
        total, found = self._scores(query)
        counts = Counter(map(self._families.__getitem__, total))
        return self._hits(total, found, limit), dict(counts)

    # --- queries ------------------------------------------------------------------------------

    def _scores(self, query: str) -> tuple[dict[int, int], _Query]:
        """Each matching role's score (by role number), and what the words matched."""
        words = [self._word(word) for word in fold(query).split()]
        found = _Query(self, words)
        if not words:
            return {}, found
        total = _word_scores(words[0])
        for word in words[1:]:
            scores = _word_scores(word)
            total = {n: s + scores[n] for n, s in total.items() if n in scores}
        if total:
            whole = " ".join(word.text for word in words)
            for number in total.keys() & self._names.starting(whole):
                total[number] += _NAME_PREFIX
            for number in total.keys() & self._names.exactly(whole):
                total[number] += _EXACT_NAME - _NAME_PREFIX  # it starts the name as well
        return total, found

    def _word(self, word: str) -> _Word:
        fields = self._fields
        if word in self._acronyms:  # "sea" is SEA, not the start of "search"
            how, points, found = "exact", _POINTS[0], [v.exactly(word) for v in fields]
        elif any(vocabulary.starts(word) for vocabulary in fields):
            how, points, found = "start", _POINTS[0], [v.starting(word) for v in fields]
        else:  # nothing starts with the word: look inside tokens
            how, points, found = "inside", _POINTS[1], [v.containing(word) for v in fields]
        roles = [dict.fromkeys(f, p) for f, p in zip(found, points, strict=True)]
        return _Word(word, how, roles)

    def _hits(self, total: dict[int, int], found: _Query, limit: int | None) -> list[SearchHit]:
        # Catalogue order, then by score: sorting is stable, so ties keep catalogue order.
        ranked = sorted(sorted(total), key=total.__getitem__, reverse=True)[:limit]
        roles = map(self.roles.__getitem__, ranked)
        return list(map(SearchHit, roles, map(total.__getitem__, ranked), ranked, repeat(found)))


_FIELD_NUMBERS = range(len(FIELDS))


def _users(
    texts: Iterable[Iterable[str]], words: Callable[[str], Iterable[str]]
) -> dict[str, array[int]]:
    """Each word of the texts (`words(text)`) -> the numbers of the roles using it, each once.

    `texts`: the texts of each role, in role number order. Texts repeat from role to role
    (skills, tools, terms, often missions): each distinct one is split into words once.
    """
    known: dict[str, tuple[str, ...]] = {}
    users: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
    for number, role_texts in enumerate(texts):
        found: set[str] = set()
        for text in role_texts:
            text_words = known.get(text)
            if text_words is None:
                text_words = known[text] = tuple(words(text))
            found.update(text_words)
        for word in found:
            users[word].append(number)
    return users


def _word_scores(word: _Word) -> dict[int, int]:
    """Each matching role's score for one word: that of its best field."""
    scores: dict[int, int] = {}
    for roles in reversed(word.found):  # a better field overwrites a worse one
        scores.update(roles)
    return scores


def _fits(text: str, word: _Word) -> bool:
    """Whether the word matches a token of the text, as it matched the catalogue."""
    found = tokens(text)
    if word.how == "exact":
        return word.text in found
    if word.how == "start":
        return any(token.startswith(word.text) for token in found)
    return any(word.text in token for token in found)


def _texts(catalog: Catalog, role: Role) -> tuple[Sequence[str], ...]:
    """The searchable texts of a role, per field (FIELDS order)."""
    titles = (role.title, role.title_feminine) if role.title_feminine else (role.title,)
    skills = tuple(catalog.skills[s].label for s in role.skills if s in catalog.skills)
    terms = tuple(name for term in catalog.role_terms(role) for name in (term.term, *term.aliases))
    return (titles, role.aliases, skills, role.tools, terms, role.missions)
