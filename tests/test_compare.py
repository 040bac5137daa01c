from __future__ import annotations

from explorer.model import compare, load_catalog, nearest
from tests.content_factory import ContentFactory


def test_compare_sets_and_overlap(content: ContentFactory) -> None:
    catalog = load_catalog(content.write()).catalog
    result = compare(catalog, "referenceur-seo", "redacteur-web")
    assert result.shared == ("seo", "redaction", "curiosite")
    assert result.only_a == ("analyse",)
    assert result.only_b == ()
    assert result.overlap == 3 / 4
    assert result.overlap_percent == 75
    assert result.gap_a_to_b == () and result.gap_b_to_a == ("analyse",)


def test_compare_without_skills_in_common(content: ContentFactory) -> None:
    catalog = load_catalog(content.write()).catalog
    result = compare(catalog, "redacteur-web", "referenceur-sea")
    assert result.shared == ()
    assert result.overlap == 0.0
    assert set(result.gap_a_to_b) == {"achat-mots-cles", "analyse", "budget"}


def test_nearest_orders_by_overlap_and_skips_self(content: ContentFactory) -> None:
    catalog = load_catalog(content.write()).catalog
    near = nearest(catalog, "referenceur-seo", 3)
    assert [c.b.id for c in near] == ["redacteur-web", "referenceur-sea"]
    assert near[0].overlap > near[1].overlap
    assert nearest(catalog, "redacteur-web", 1)[0].b.id == "referenceur-seo"
