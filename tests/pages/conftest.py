import pytest

from tests.factories.consultation import ConsultationPageFactory


@pytest.fixture
def consultation_page(site, home_page):
    return ConsultationPageFactory(parent=home_page)


def page_html(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()
