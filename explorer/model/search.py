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
of the roles using it. The tokens starting with a word are a range of the vocabulary, found
by bisection; sets of role numbers do the rest.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING, NamedTuple

from explorer.model.text import fold, tokens

if TYPE_CHECKING:
    from explorer.model.catalog import Catalog, Role

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
_MISSIONS = FIELDS.index("missions")
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


class SearchHit(NamedTuple):
    role: Role
    score: int
    matched: tuple[str, ...]  # the role-file fields where a query word matched, FIELDS order
    reason: str | None = None  # why, when not by its title: "alias « Traffic manager »"


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
    return f"{_KINDS[field]} « {text} »"


class _Vocabulary:
    """Sorted tokens, each with the numbers of the roles using it."""

    def __init__(self, users: Mapping[str, list[int]]) -> None:
        self.tokens = sorted(users)
        self.users = [users[token] for token in self.tokens]

    def starting(self, word: str) -> set[int]:
        """The roles with a token starting with `word`."""
        low = bisect_left(self.tokens, word)
        high = bisect_left(self.tokens, word + _AFTER_LETTERS, low)
        return set().union(*self.users[low:high])

    def exactly(self, word: str) -> list[int]:
        """The roles with the token `word`."""
        found = bisect_left(self.tokens, word)
        if found < len(self.tokens) and self.tokens[found] == word:
            return self.users[found]
        return []

    def containing(self, word: str) -> set[int]:
        """The roles with a token containing `word`."""
        pairs = zip(self.tokens, self.users, strict=True)
        return set().union(*(users for token, users in pairs if word in token))


class _Word(NamedTuple):
    """A query word's matches, and how."""

    text: str
    found: list[set[int]]  # the roles matching in each field (FIELDS order)
    inside: bool  # nothing starts with the word: these roles have it inside a token
    wanted: str  # what the `_line` of a text holds when the word matched the text


class SearchIndex:
    """Every searchable text of a catalogue, folded once into per-field vocabularies."""

    def __init__(self, catalog: Catalog) -> None:
        self._roles = tuple(catalog.roles.values())
        self._families = [role.family for role in self._roles]
        fields: list[defaultdict[str, list[int]]] = [defaultdict(list) for _ in FIELDS]
        names: defaultdict[str, list[int]] = defaultdict(list)
        # Skills, tools and terms repeat a lot: their tokens are worked out once. Missions
        # hardly ever repeat: keeping theirs would only raise the peak memory.
        tokens_of: dict[str, tuple[str, ...]] = {}
        self._acronyms: set[str] = set()  # folded words written in capitals: "SEA", "CM"
        self._texts = [_texts(catalog, role) for role in self._roles]
        for number, texts_of_role in enumerate(self._texts):
            for field, texts in enumerate(texts_of_role):
                found: set[str] = set()
                for text in texts:
                    words = tokens_of.get(text)
                    if words is None:
                        words = tuple(tokens(text))
                        self._acronyms.update(map(fold, _ACRONYM.findall(text)))
                        if field != _MISSIONS:
                            tokens_of[text] = words
                    found.update(words)
                vocabulary = fields[field]
                for token in found:
                    vocabulary[token].append(number)
            for name in {fold(name) for name in self._roles[number].titles}:
                names[name].append(number)
        self._fields = [_Vocabulary(vocabulary) for vocabulary in fields]
        self._names = _Vocabulary(names)  # whole folded names, for the exact and prefix bonus
        # Which text of a role matched a word, for its reason: its tokens as " token token ".
        self._lines = {text: f" {' '.join(words)} " for text, words in tokens_of.items()}

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        """Roles matching every word of the query, best first, at most `limit`."""
        return self._hits(*self._scores(query), limit)

    def search_by_family(
        self, query: str, limit: int | None = None
    ) -> tuple[list[SearchHit], dict[str, int]]:
        """The best `limit` hits, and how many roles of each family match in all."""
        total, words = self._scores(query)
        counts = Counter(map(self._families.__getitem__, total))
        return self._hits(total, words, limit), dict(counts)

    # --- queries ------------------------------------------------------------------------------

    def _scores(self, query: str) -> tuple[dict[int, int], list[_Word]]:
        """Each matching role's score (by role number), and what each word matched."""
        words = [self._word(word) for word in fold(query).split()]
        if not words:
            return {}, []
        total = self._word_scores(words[0])
        for word in words[1:]:
            scores = self._word_scores(word)
            total = {n: s + scores[n] for n, s in total.items() if n in scores}
        if total:
            whole = " ".join(word.text for word in words)
            for number in self._names.starting(whole) & total.keys():
                total[number] += _NAME_PREFIX
            for number in total.keys() & self._names.exactly(whole):
                total[number] += _EXACT_NAME - _NAME_PREFIX  # it starts the name as well
        return total, words

    def _word(self, word: str) -> _Word:
        if word in self._acronyms:  # "sea" is SEA, not the start of "search"
            return _Word(word, [set(v.exactly(word)) for v in self._fields], False, f" {word} ")
        found = [vocabulary.starting(word) for vocabulary in self._fields]
        if any(found):
            return _Word(word, found, False, f" {word}")
        # Nothing starts with the word: look inside tokens.
        return _Word(word, [v.containing(word) for v in self._fields], True, word)

    def _word_scores(self, word: _Word) -> dict[int, int]:
        """Each matching role's score for one word: that of its best field."""
        scores: dict[int, int] = {}
        points = _POINTS[word.inside]
        for field in reversed(range(len(FIELDS))):  # a better field overwrites a worse one
            scores.update(dict.fromkeys(word.found[field], points[field]))
        return scores

    def _hits(
        self, total: dict[int, int], words: list[_Word], limit: int | None
    ) -> list[SearchHit]:
        # Catalogue order, then by score: sorting is stable, so ties keep catalogue order.
        ranked = sorted(sorted(total), key=total.__getitem__, reverse=True)[:limit]
        # The roles where any word matched, per field: `matched` is a membership test each.
        found = (
            words[0].found
            if len(words) == 1
            else [set().union(*f) for f in zip(*(w.found for w in words), strict=True)]
        )
        return [self._hit(number, total[number], words, found) for number in ranked]

    def _hit(self, number: int, score: int, words: list[_Word], found: list[set[int]]) -> SearchHit:
        fields = [_best_field(word, number) for word in words]
        # The reason: the first word found by something else than the title.
        why = next(
            (self._reason(number, f, w) for f, w in zip(fields, words, strict=True) if f), None
        )
        matched = tuple(compress(FIELDS, [number in roles for roles in found]))
        return SearchHit(self._roles[number], score, matched, why)

    def _reason(self, number: int, field: int, word: _Word) -> str | None:
        """The first text of the role's field holding the word, as a reason."""
        lines = self._lines
        for text in self._texts[number][field]:
            if word.wanted in (lines.get(text) or _line(text)):
                return reason(FIELDS[field], text)
        return None


@lru_cache(maxsize=4096)
def _line(text: str) -> str:
    """A mission's tokens as " token token … " (the index keeps those of the other texts)."""
    return f" {' '.join(tokens(text))} "


def _best_field(word: _Word, number: int) -> int:
    """The first field (in FIELDS order) where the word matched the role."""
    for field, roles in enumerate(word.found):
        if number in roles:
            return field
    raise ValueError(f"role {number} does not match {word.text!r}")


def _texts(catalog: Catalog, role: Role) -> tuple[Sequence[str], ...]:
    """The searchable texts of a role, per field (FIELDS order)."""
    titles = (role.title, role.title_feminine) if role.title_feminine else (role.title,)
    skills = tuple(catalog.skills[s].label for s in role.skills if s in catalog.skills)
    terms = tuple(name for term in catalog.role_terms(role) for name in (term.term, *term.aliases))
    return (titles, role.aliases, skills, role.tools, terms, role.missions)
