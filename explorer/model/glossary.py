"""Glossary look-up: the same folding as role search, so `sea`, `SEA` and `S.E.A.` meet."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from explorer.model.content import Term
from explorer.model.text import fold

# Points for the whole query against a term's names; names are the term itself, then its aliases.
_EXACT_TERM = 400
_EXACT_ALIAS = 350
_PREFIX_TERM = 250
_PREFIX_ALIAS = 200
# Each query word found elsewhere: at the start of a name word, inside a name, in the definition.
_WORD_NAME_PREFIX = 40
_WORD_NAME = 20
_WORD_DEFINITION = 5
# Words this short only match at the start of a name word: "sea" must not find "réseaux".
_SHORT = 3


@dataclass(frozen=True, slots=True)
class TermHit:
    term: Term
    score: int


@dataclass(frozen=True, slots=True)
class _Entry:
    term: Term
    term_names: tuple[str, ...]  # folded term and id, with their space-less forms
    alias_names: tuple[str, ...]  # folded aliases, with their space-less forms
    names_blob: str
    definition_blob: str


def _forms(text: str) -> list[str]:
    """A folded name and, when it has spaces, the same without them: 'e commerce', 'ecommerce'."""
    folded = fold(text)
    return [folded, folded.replace(" ", "")] if " " in folded else [folded]


def _blob(texts: list[str]) -> str:
    return " " + " | ".join(texts) + " "


class GlossaryIndex:
    """Every term's names and definition, folded once (`Catalog.glossary_index`)."""

    def __init__(self, terms: Iterable[Term]) -> None:
        entries = []
        for term in terms:
            term_names = tuple(_forms(term.term) + _forms(term.id))
            alias_names = tuple(form for alias in term.aliases for form in _forms(alias))
            entries.append(
                _Entry(
                    term,
                    term_names,
                    alias_names,
                    _blob([*term_names, *alias_names]),
                    _blob([fold(term.definition)]),
                )
            )
        self._entries = tuple(entries)
        self._by_name: dict[str, Term] = {}
        # Exact names: a term's own name wins over another term's alias.
        for entry in self._entries:
            for name in entry.term_names:
                self._by_name.setdefault(name, entry.term)
        for entry in self._entries:
            for name in entry.alias_names:
                self._by_name.setdefault(name, entry.term)

    def lookup(self, wanted: str) -> Term | None:
        """The term whose id, name or alias is exactly `wanted`, once folded."""
        folded = fold(wanted)
        if not folded:
            return None
        return self._by_name.get(folded) or self._by_name.get(folded.replace(" ", ""))

    def search(self, query: str, limit: int | None = None) -> list[TermHit]:
        """Terms matching every word of the query, best first; ties keep alphabetical order."""
        words = fold(query).split()
        if not words:
            return []
        whole = " ".join(words)
        compact = whole.replace(" ", "")
        hits: list[TermHit] = []
        for entry in self._entries:
            whole_score = self._whole_score(entry, whole, compact)
            word_scores = [self._word_score(entry, word) for word in words]
            if all(word_scores):
                hits.append(TermHit(entry.term, whole_score + sum(word_scores)))
            elif whole_score:  # "s e o": the words alone are noise, together a name
                hits.append(TermHit(entry.term, whole_score))
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit] if limit is not None else hits

    @staticmethod
    def _word_score(entry: _Entry, word: str) -> int:
        if " " + word in entry.names_blob:
            return _WORD_NAME_PREFIX
        if len(word) > _SHORT and word in entry.names_blob:
            return _WORD_NAME
        if " " + word in entry.definition_blob:
            return _WORD_DEFINITION
        return 0

    @staticmethod
    def _whole_score(entry: _Entry, whole: str, compact: str) -> int:
        if whole in entry.term_names or compact in entry.term_names:
            return _EXACT_TERM
        if whole in entry.alias_names or compact in entry.alias_names:
            return _EXACT_ALIAS
        if any(name.startswith((whole, compact)) for name in entry.term_names):
            return _PREFIX_TERM
        if any(name.startswith((whole, compact)) for name in entry.alias_names):
            return _PREFIX_ALIAS
        return 0

    def suggestions(self, wanted: str, limit: int = 3) -> list[Term]:
        """Closest terms for an unknown word: by spelling first, then by search."""
        folded = fold(wanted)
        names: dict[str, Term] = {}
        for entry in self._entries:
            for name in (*entry.term_names, *entry.alias_names):
                names.setdefault(name, entry.term)
        found: list[Term] = []
        for name in difflib.get_close_matches(folded, list(names), n=limit * 2, cutoff=0.6):
            if names[name] not in found:
                found.append(names[name])
        for hit in self.search(wanted, limit=limit):
            if hit.term not in found:
                found.append(hit.term)
        return found[:limit]


class Glossary(Protocol):
    """What the look-ups below need: a `Catalog` (typed so, this module need not import it)."""

    @property
    def glossary_index(self) -> GlossaryIndex: ...


def find_term(catalog: Glossary, wanted: str) -> Term | None:
    """The term named `wanted` (id, term or alias), ignoring case, accents and acronym dots."""
    return catalog.glossary_index.lookup(wanted)


def search_terms(catalog: Glossary, query: str, limit: int | None = None) -> list[TermHit]:
    """Terms matching the query, best first: exact name, name prefix, then word matches."""
    return catalog.glossary_index.search(query, limit)


def term_suggestions(catalog: Glossary, wanted: str, limit: int = 3) -> list[Term]:
    return catalog.glossary_index.suggestions(wanted, limit)
