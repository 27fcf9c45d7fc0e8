"""The load balancer's health check (``/healthz/``)."""

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.utils import timezone

import pytest

from clinic_site.middleware import RETRY_AFTER_SECONDS
from tests.factories.consultation import ConsultationRequestFactory
from tests.perf.loadtests.services import REDIS_PORTS, free_port

pytestmark = pytest.mark.django_db


def test_health_check_reports_database_and_cache(client):
    response = client.get("/healthz/", {"format": "json"})

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "Database(alias='default')": "OK",
        "Cache(alias='default')": "OK",
        "UnsentNotifications()": "OK",
    }
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_health_check_needs_no_language_prefix(client):
    assert client.get("/healthz/").status_code == 200
    assert client.get("/de/healthz/").status_code == 404


# The cache points at a Redis nobody listens on, so django-health-check's own
# cache check fails, as in production when Redis goes away (a stopped PostgreSQL
# cluster is in test_database_down.py).
@pytest.fixture
def cache_down(settings):
    port = free_port(REDIS_PORTS)
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


def health_in_thread(client, query: dict | None = None):
    """GET /healthz/ from a thread of its own, as a gunicorn worker serves it.

    django-health-check runs its checks through async_to_sync, which refuses to
    run in a thread with an event loop: in this suite the browser tests'
    Playwright keeps one in the main thread, and transactional tests run after.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(client.get, "/healthz/", query or {}).result()


# The check reads in a thread of its own (django-health-check's executor),
# which sees only committed rows: hence a transactional test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_health_check_fails_while_a_notification_is_unsent_too_long(client, settings):
    settings.CONSULTATION_NOTIFICATION_HEALTH_SECONDS = 60 * 60
    request = ConsultationRequestFactory(
        created_at=timezone.now() - timedelta(minutes=30)
    )

    response = health_in_thread(client, {"format": "json"})
    assert response.status_code == 200
    assert 1790 <= int(response["X-Oldest-Unsent-Notification"]) <= 1900

    request.created_at = timezone.now() - timedelta(hours=2)
    request.save()
    response = health_in_thread(client, {"format": "json"})
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert (
        "oldest unsent notification 720"
        in json.loads(response.content)["UnsentNotifications()"]
    )

    request.notified_at = timezone.now()
    request.save()
    response = health_in_thread(client)
    assert response.status_code == 200
    assert response["X-Oldest-Unsent-Notification"] == "none"
