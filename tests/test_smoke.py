from explorer.model import load_catalog
from tests.content_factory import ContentFactory


def test_factory_content_is_valid(content: ContentFactory) -> None:
    result = load_catalog(content.write())
    assert [str(i) for i in result.issues] == []
    assert list(result.catalog.roles) == ["referenceur-sea", "referenceur-seo", "redacteur-web"]
