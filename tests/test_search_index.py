"""The search index's internals give exactly what a plain scan of the catalogue gives.

The plain scan below is the definition of matching and ranking (see explorer/model/search.py);
the index (bit sets, batch folding, packing for the cache) must agree with it on any catalogue
and any query. Behaviour seen by users is in test_search.py.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.model import Catalog, Role, Skill, compare
from explorer.model.compare import nearest
from explorer.model.search import (
    _EXACT_NAME,
    _NAME_PREFIX,
    _SCORES,
    SearchIndex,
    _fold_pieces,
    fold_all,
)
from explorer.model.text import fold

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
# Few letters, so that words of different roles meet.
wordy = st.text(alphabet=st.sampled_from(list("abcdeé -'.")), min_size=1, max_size=14)


@given(st.lists(tricky, max_size=8))
@SETTINGS
def test_fold_all_folds_like_fold(texts: list[str]) -> None:
    assert fold_all(texts) == [fold(t) for t in texts]


def reference_tokens(text: str) -> set[str]:
    """The words of the fold, and each written word folded with its pieces glued."""
    glued = {fold(chunk).replace(" ", "") for chunk in text.split()}
    return (set(fold(text).split()) | glued) - {""}


@given(st.lists(tricky, min_size=1, max_size=8))
@SETTINGS
def test_tokens_are_the_words_and_the_glued_written_words(texts: list[str]) -> None:
    words, glued = _fold_pieces(texts)
    for text, w, g in zip(texts, words, glued, strict=True):
        assert set(w.split()) | set(g.split()) == reference_tokens(text)


def test_glued_written_words() -> None:
    assert reference_tokens("Chargé d'e-mailing") == {
        "charge",
        "d",
        "e",
        "mailing",
        "demailing",
    }
    _, glued = _fold_pieces(["E-merchandiser l´équipe"])
    assert {"emerchandiser", "lequipe"} <= set(glued[0].split())


# --- ranking: the index against a plain scan ---------------------------------------------------


def reference_search(catalog: Catalog, query: str) -> list[tuple[str, int, tuple[str, ...]]]:
    words = fold(query).split()
    if not words:
        return []
    whole = " ".join(words)
    hits = []
    for role in catalog.roles.values():
        titles = [role.title] + ([role.title_feminine] if role.title_feminine else [])
        fields = {
            "title": titles,
            "aliases": list(role.aliases),
            "skills": [s.label for s in catalog.role_skills(role)],
            "tools": list(role.tools),
            "missions": list(role.missions),
        }
        tokens = {
            name: set().union(*map(reference_tokens, texts)) for name, texts in fields.items()
        }
        total = 0
        matched: set[str] = set()
        for word in words:
            best = 0
            for name, (prefix, substring) in _SCORES.items():
                if any(word in token for token in tokens[name]):
                    matched.add(name)
                    starts = any(token.startswith(word) for token in tokens[name])
                    best = max(best, prefix if starts else substring)
            if not best:
                break
            total += best
        else:
            names = {fold(n) for n in role.titles}
            if whole in names:
                total += _EXACT_NAME
            elif any(name.startswith(whole) for name in names):
                total += _NAME_PREFIX
            hits.append((role.id, total, tuple(f for f in _SCORES if f in matched)))
    hits.sort(key=lambda hit: -hit[1])
    return hits


@st.composite
def catalogues(draw: Any) -> Catalog:
    labels = draw(st.lists(wordy, min_size=1, max_size=5))
    skills = {f"s{i}": Skill(f"s{i}", label, "technique") for i, label in enumerate(labels)}
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
        )
    return Catalog(roles=roles, skills=skills)


def found(index: SearchIndex, query: str, limit: int | None = None) -> list[Any]:
    return [(h.role.id, h.score, h.matched) for h in index.search(query, limit)]


@given(catalogues(), st.lists(wordy | tricky, min_size=1, max_size=4))
@SETTINGS
def test_index_ranks_like_a_plain_scan(catalog: Catalog, queries: list[str]) -> None:
    index = SearchIndex(catalog)
    for query in queries:
        assert found(index, query) == reference_search(catalog, query)


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


@given(catalogues(), st.lists(wordy, min_size=1, max_size=4))
@SETTINGS
def test_a_packed_index_answers_like_the_built_one(catalog: Catalog, queries: list[str]) -> None:
    built = SearchIndex(catalog)
    unpacked = SearchIndex(catalog, built.pack())
    assert not unpacked.ready
    for query in queries:
        assert found(unpacked, query) == found(built, query)


def test_bytes_that_do_not_fit_are_ignored(content: Any) -> None:
    from explorer.model import load_catalog

    catalog = load_catalog(content.write()).catalog
    other = Catalog(roles=dict(list(catalog.roles.items())[:1]), skills=catalog.skills)
    for packed in (b"", b"garbage", SearchIndex(other).pack()):
        index = SearchIndex(catalog, packed)
        assert found(index, "seo") == reference_search(catalog, "seo")


def test_limit_and_wide_scores(content: Any) -> None:
    from explorer.model import load_catalog

    catalog = load_catalog(content.write()).catalog
    index = SearchIndex(catalog)
    assert found(index, "référenceur", limit=0) == []
    assert found(index, "référenceur", limit=1) == reference_search(catalog, "référenceur")[:1]
    # 700 words score above what 16 bits hold: the index widens its lanes.
    query = " ".join(["referenceur"] * 700)
    assert found(index, query) == reference_search(catalog, query)
    assert found(index, query)[0][1] > 1 << 16


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
