"""The comparison's one-line headline, as the palette and the compare screen show it."""

from __future__ import annotations

from explorer.model import compare, comparison_headline, load_catalog, nearest
from tests.content_factory import ContentFactory


def test_the_headline_gives_what_is_shared_and_both_gaps(content: ContentFactory) -> None:
    catalog = load_catalog(content.write()).catalog
    # SEO: seo, analyse, redaction, curiosite; SEA: achat-mots-cles, analyse, budget.
    comparison = compare(catalog, "referenceur-seo", "referenceur-sea")
    assert comparison_headline(catalog, comparison) == (
        "1 en commun · 2 à acquérir pour aller vers B · 3 vers A"
    )
    swapped = compare(catalog, "referenceur-sea", "referenceur-seo")
    assert comparison_headline(catalog, swapped) == (
        "1 en commun · 3 à acquérir pour aller vers B · 2 vers A"
    )


def test_nearest_roles_come_from_the_catalogues_skill_index(content: ContentFactory) -> None:
    catalog = load_catalog(content.write()).catalog
    found = nearest(catalog, "referenceur-seo", k=5)
    # Rédacteur web shares 3 of 4 skills, Référenceur SEA 1 of 6: no role shares none.
    assert [(c.b.id, len(c.shared)) for c in found] == [
        ("redacteur-web", 3),
        ("referenceur-sea", 1),
    ]
    assert nearest(catalog, catalog.roles["referenceur-seo"], k=1) == found[:1]
