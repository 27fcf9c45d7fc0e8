"""Production's Redis cache unreachable: the same static 503 page as for the
database, never a 500. The cache points at a port where nothing listens (a real
refused connection, nothing mocked)."""

import pytest

from tests.perf.loadtests.services import REDIS_PORTS, free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreachable_redis(settings):
    port = free_port(REDIS_PORTS)  # free: nothing listens there
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        # A missing page fails later, in the redirect middleware's 404 handling:
        # handler500 turns that into the 503 page (the test client would
        # re-raise the exception it logs; the server answers).
        "/en/no-such-page/",
    ],
)
def test_unreachable_cache_gives_the_503_page(client, site, unreachable_redis, path):
    client.raise_request_exception = False

    response = client.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "<h1>Vorübergehend nicht erreichbar</h1>" in html
    assert "Temporarily unavailable" in html


def test_health_check_reports_the_cache(client, unreachable_redis):
    response = client.get("/healthz/", {"format": "json"})

    assert response.status_code == 503
    assert response.json()["Cache(alias='default')"] != "OK"
