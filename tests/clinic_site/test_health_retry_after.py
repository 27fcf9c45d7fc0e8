"""The health check while a shared service is down: 503 with ``Retry-After``.

The cache points at a Redis nobody listens on, so django-health-check's own
cache check fails, as in production when Redis goes away (the database case,
a stopped PostgreSQL cluster, is in the outage test).
"""

import json

import pytest

from clinic_site.middleware import RETRY_AFTER_SECONDS
from tests.loadtests.services import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_down(settings):
    port = free_port(range(6490, 6500))
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }


def test_health_check_answers_503_with_retry_after_while_the_cache_is_down(
    client, cache_down
):
    response = client.get("/healthz/", {"format": "json"})

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    results = json.loads(response.content)
    assert results["Database(alias='default')"] == "OK"
    assert results["Cache(alias='default')"] != "OK"


def test_healthy_instance_sends_no_retry_after(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert "Retry-After" not in response
