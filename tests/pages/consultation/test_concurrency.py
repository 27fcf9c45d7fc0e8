"""Many patients at once: every submission ends up as exactly one row.

Runs only on PostgreSQL: SQLite allows one writer at a time, so a parallel test
there would measure its lock timeouts, not this code.
"""

import re
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

import pytest
import requests

from pages.models import ConsultationRequest
from tests.pages.consultation.utils import FORM_URLS, valid_data

SUBMISSIONS = 50
PARALLEL = 25

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite cannot write concurrently",
    ),
]


def submit(base_url: str, number: int) -> int:
    """One patient: load the form (cookie and token), then send it."""
    with requests.Session() as session:
        form = session.get(base_url + FORM_URLS["de"], timeout=30)
        token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text
        ).group(1)
        response = session.post(
            base_url + FORM_URLS["de"],
            data=valid_data(
                name=f"Patient {number}",
                email=f"patient{number}@example.org",
                csrfmiddlewaretoken=token,
            ),
            allow_redirects=False,
            timeout=30,
        )
        return response.status_code


def test_fifty_parallel_submissions_store_fifty_rows(
    live_server, consultation_page, settings
):
    # All requests come from 127.0.0.1: lift the per-address limit for this test.
    settings.CONSULTATION_RATE_LIMIT_REQUESTS = SUBMISSIONS * 2

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        codes = list(
            pool.map(submit, [live_server.url] * SUBMISSIONS, range(SUBMISSIONS))
        )

    assert codes == [303] * SUBMISSIONS
    assert ConsultationRequest.objects.count() == SUBMISSIONS
    names = set(ConsultationRequest.objects.values_list("name", flat=True))
    assert names == {f"Patient {number}" for number in range(SUBMISSIONS)}


def test_parallel_submissions_from_one_address_store_no_more_than_the_limit(
    live_server, consultation_page, settings
):
    limit = settings.CONSULTATION_RATE_LIMIT_REQUESTS

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        codes = list(pool.map(submit, [live_server.url] * PARALLEL, range(PARALLEL)))

    assert sorted(codes) == [303] * limit + [429] * (PARALLEL - limit)
    assert ConsultationRequest.objects.count() == limit


def send_same_form(base_url: str, fields: dict, cookies: dict) -> int:
    response = requests.post(
        base_url + FORM_URLS["de"],
        data=fields,
        cookies=cookies,
        allow_redirects=False,
        timeout=30,
    )
    return response.status_code


def test_one_form_sent_many_times_at_once_stores_one_row(
    live_server, consultation_page, settings
):
    settings.CONSULTATION_RATE_LIMIT_REQUESTS = PARALLEL * 2
    with requests.Session() as session:
        form = session.get(live_server.url + FORM_URLS["de"], timeout=30)
        cookies = session.cookies.get_dict()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)[1]
    fields = valid_data(csrfmiddlewaretoken=csrf)

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        codes = list(
            pool.map(
                lambda _n: send_same_form(live_server.url, fields, cookies),
                range(PARALLEL),
            )
        )

    # One is stored; every replay gets the form back with its error, never a 500.
    assert sorted(codes) == [303] + [400] * (PARALLEL - 1)
    assert ConsultationRequest.objects.count() == 1
