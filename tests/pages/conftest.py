import io

from django.core.management import call_command

import pytest

from tests.factories.consultation import ConsultationPageFactory


@pytest.fixture
def consultation_page(site, home_page):
    return ConsultationPageFactory(parent=home_page)


@pytest.fixture
def demo_site(db):
    """The demo site as `make run` builds it."""
    call_command("load_demo_content", stdout=io.StringIO())


def page_html(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()
