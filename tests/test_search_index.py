"""The search index gives exactly what a plain scan of the catalogue gives.

The plain scan below is the definition of matching and ranking (see explorer/model/search.py);
the index (vocabularies, sets of role numbers) must agree with it on any catalogue and any
query. Behaviour seen by users is in test_search.py.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.model import Catalog, Role, Skill, Term, compare
from explorer.model.compare import nearest
from explorer.model.search import _EXACT_NAME, _NAME_PREFIX, _SCORES, SearchIndex, reason
from explorer.model.text import fold, tokens

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text that folds in interesting ways: accents (composed and not), ligatures, acronym dots,
# hyphens and apostrophes inside words, spacing accents, odd spaces, controls, other scripts.
tricky = st.text(
    alphabet=st.sampled_from(list("aeioucdmrs SEA.-'’_é́ÉèœŒæßç´¨\u00a0\u2028\x1c\x00\t\n,;!ø€İﬁ日"))
    | st.characters(),
    max_size=24,
)
# Few letters, so that words of different roles meet; capitals make acronyms.
wordy = st.text(alphabet=st.sampled_from(list("abcdeéSEA -'.")), min_size=1, max_size=14)


def test_tokens_are_the_words_and_the_glued_written_words() -> None:
    assert tokens("Chargé d'e-mailing") == {"charge", "d", "e", "mailing", "demailing"}
    assert {"emerchandiser", "lequipe"} <= tokens("E-merchandiser l´équipe")
    assert tokens("Référenceur S.E.A.") == {"referenceur", "sea"}


@given(tricky | wordy)
@SETTINGS
def test_tokens_fold_each_written_word_as_the_whole_text_folds(text: str) -> None:
    # tokens() folds one written word at a time (and remembers them): the same words as
    # folding the whole text, plus each written word's pieces glued.
    glued = {fold(chunk).replace(" ", "") for chunk in text.split() if not chunk.isalnum()}
    assert tokens(text) == set(fold(text).split()) | (glued - {""})


# --- ranking: the index against a plain scan ---------------------------------------------------

ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]+\b")


def texts_of(catalog: Catalog, role: Role) -> dict[str, list[str]]:
    return {
        "title": [role.title] + ([role.title_feminine] if role.title_feminine else []),
        "aliases": list(role.aliases),
        "skills": [s.label for s in catalog.role_skills(role)],
        "tools": list(role.tools),
        "terms": [n for t in catalog.role_terms(role) for n in (t.term, *t.aliases)],
        "missions": list(role.missions),
    }


def reference_search(
    catalog: Catalog, query: str
) -> list[tuple[str, int, tuple[str, ...], str | None]]:
    words = fold(query).split()
    if not words:
        return []
    texts = {role.id: texts_of(catalog, role) for role in catalog.roles.values()}
    every_text = [t for fields in texts.values() for ts in fields.values() for t in ts]
    acronyms = {fold(a) for text in every_text for a in ACRONYM.findall(text)}
    every_token = set().union(*map(tokens, every_text))

    def mode(word: str) -> str:
        if word in acronyms:
            return "exact"
        return "start" if any(t.startswith(word) for t in every_token) else "inside"

    def fits(text: str, word: str, how: str) -> bool:
        found = tokens(text)
        if how == "exact":
            return word in found
        if how == "start":
            return any(t.startswith(word) for t in found)
        return any(word in t for t in found)

    hits = []
    for role in catalog.roles.values():
        total = 0
        matched = set()
        why = None
        for word in words:
            how = mode(word)
            field = next(
                (f for f in _SCORES if any(fits(t, word, how) for t in texts[role.id][f])), None
            )
            if field is None:
                break
            total += _SCORES[field][how == "inside"]
            matched |= {f for f in _SCORES if any(fits(t, word, how) for t in texts[role.id][f])}
            if why is None and field != "title":
                text = next(t for t in texts[role.id][field] if fits(t, word, how))
                why = reason(field, text)
        else:
            whole = " ".join(words)
            names = {fold(n) for n in role.titles}
            if whole in names:
                total += _EXACT_NAME
            elif any(name.startswith(whole) for name in names):
                total += _NAME_PREFIX
            hits.append((role.id, total, tuple(f for f in _SCORES if f in matched), why))
    hits.sort(key=lambda hit: -hit[1])
    return hits


@st.composite
def catalogues(draw: Any) -> Catalog:
    labels = draw(st.lists(wordy, min_size=1, max_size=5))
    skills = {f"s{i}": Skill(f"s{i}", label, "technique") for i, label in enumerate(labels)}
    names = draw(st.lists(wordy, max_size=3))
    terms = {
        f"t{i}": Term(f"t{i}", name, "-", aliases=(name[::-1],)) for i, name in enumerate(names)
    }
    roles = {}
    for number in range(draw(st.integers(1, 12))):
        role_id = f"r{number}"
        roles[role_id] = Role(
            id=role_id,
            title=draw(wordy),
            title_feminine=draw(st.none() | wordy),
            family=draw(st.sampled_from(["f", "g", "h"])),
            summary="-",
            aliases=tuple(draw(st.lists(wordy, max_size=3))),
            skills=tuple(draw(st.lists(st.sampled_from(sorted(skills)), max_size=3, unique=True))),
            tools=tuple(draw(st.lists(wordy, max_size=2))),
            missions=tuple(draw(st.lists(wordy, max_size=3))),
            terms=tuple(draw(st.lists(st.sampled_from(sorted(terms) or ["none"]), max_size=2))),
        )
    return Catalog(roles=roles, skills=skills, terms=terms)


def found(index: SearchIndex, query: str, limit: int | None = None) -> list[Any]:
    return [(h.role.id, h.score, h.matched, h.reason) for h in index.search(query, limit)]


@given(catalogues(), st.lists(wordy | tricky, min_size=1, max_size=4))
@SETTINGS
def test_index_ranks_like_a_plain_scan(catalog: Catalog, queries: list[str]) -> None:
    index = SearchIndex(catalog)
    for query in queries:
        assert found(index, query) == reference_search(catalog, query)


@given(catalogues(), st.lists(wordy | tricky, min_size=1, max_size=4))
@SETTINGS
def test_every_hit_holds_every_word_once(catalog: Catalog, queries: list[str]) -> None:
    index = SearchIndex(catalog)
    every = set().union(
        *(
            tokens(t)
            for r in catalog.roles.values()
            for ts in texts_of(catalog, r).values()
            for t in ts
        )
    )
    for query in queries:
        hits = index.search(query)
        assert len({hit.role.id for hit in hits}) == len(hits)
        for hit in hits:
            mine = set().union(
                *map(tokens, (t for ts in texts_of(catalog, hit.role).values() for t in ts))
            )
            for word in fold(query).split():
                if any(t.startswith(word) for t in every):  # then it starts a word of the hit
                    assert any(t.startswith(word) for t in mine)
                else:  # fallback: inside one
                    assert any(word in t for t in mine)


@given(
    catalogues(), st.lists(wordy | tricky, min_size=1, max_size=4), st.none() | st.integers(0, 5)
)
@SETTINGS
def test_search_by_family_gives_the_best_hits_and_counts_every_match(
    catalog: Catalog, queries: list[str], limit: int | None
) -> None:
    index = SearchIndex(catalog)
    for query in queries:
        every = index.search(query)
        hits, counts = index.search_by_family(query, limit)
        assert hits == every[:limit]
        assert counts == dict(Counter(hit.role.family for hit in every))


def test_limit(content: Any) -> None:
    from explorer.model import load_catalog

    catalog = load_catalog(content.write()).catalog
    index = SearchIndex(catalog)
    assert found(index, "référenceur", limit=0) == []
    assert found(index, "référenceur", limit=1) == reference_search(catalog, "référenceur")[:1]


# --- nearest roles --------------------------------------------------------------------------------


def reference_nearest(catalog: Catalog, role_id: str, k: int) -> list[tuple[str, float]]:
    target = catalog.roles[role_id]
    mine = set(target.skills)
    scored = []
    for index, other in enumerate(catalog.roles.values()):
        common = len(mine & set(other.skills))
        if other.id != target.id and common:
            scored.append((-common / len(mine | set(other.skills)), index, other.id))
    scored.sort()
    return [(role, -score) for score, _, role in scored[:k]]


@given(catalogues(), st.integers(0, 4))
@SETTINGS
def test_nearest_agrees_with_a_plain_scan_first_and_later(catalog: Catalog, k: int) -> None:
    for _ in range(3):  # the first call scans, the next ones use the skill index
        for role_id in catalog.roles:
            got = [(c.b.id, c.overlap) for c in nearest(catalog, role_id, k)]
            assert got == reference_nearest(catalog, role_id, k)
            assert all(c == compare(catalog, c.a, c.b) for c in nearest(catalog, role_id, k))
