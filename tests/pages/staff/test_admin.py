import pytest

pytestmark = pytest.mark.django_db


def test_admin_login_page_loads(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_admin_requires_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
