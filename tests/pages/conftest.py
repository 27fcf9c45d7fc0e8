from django.core.cache import cache

import pytest

from tests.factories.consultation import ConsultationPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counts must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consultation_page(site, home_page):
    return ConsultationPageFactory(parent=home_page)
