import pytest

from tests.factories.consultation import ConsultationPageFactory


@pytest.fixture
def consultation_page(site, home_page):
    return ConsultationPageFactory(parent=home_page)
