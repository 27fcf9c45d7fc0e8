"""The load balancer's health check (``/healthz/``)."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_health_check_reports_database_and_cache(client):
    response = client.get("/healthz/", {"format": "json"})

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "Database(alias='default')": "OK",
        "Cache(alias='default')": "OK",
    }
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_health_check_needs_no_language_prefix(client):
    assert client.get("/healthz/").status_code == 200
    assert client.get("/de/healthz/").status_code == 404
