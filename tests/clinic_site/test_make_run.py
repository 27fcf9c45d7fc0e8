"""The site as ``make run`` serves it (gunicorn with three workers and the task
worker on a SQLite file, DEBUG off): the requests that gave a 500 or "database
is locked" before.
"""

import os
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from PIL import Image as PillowImage

from clinic_site.settings.base import (
    CONSULTATION_MIN_FILL_SECONDS,
    CONSULTATION_RATE_LIMIT_REQUESTS,
)
from tests.perf.prepared import prepare_database
from tests.perf.served_site import RUN_ENV, ServedSite, manage, served_site

pytestmark = [pytest.mark.slow, pytest.mark.own_database]

FORM_URL = "/en/consultation/"


@pytest.fixture(scope="module")
def site():
    with served_site(workers=3) as served:
        yield served


def load_form(base_url: str) -> tuple[requests.Session, dict]:
    """A patient's session (CSRF cookie) and the hidden fields of the form."""
    session = requests.Session()
    html = session.get(base_url + FORM_URL, timeout=30).text
    fields = {
        name: re.search(f'name="{name}" value="([^"]+)"', html)[1]
        for name in ("csrfmiddlewaretoken", "form_started")
    }
    return session, fields


def send_form(patient: tuple[requests.Session, dict], base_url: str, number: int):
    session, fields = patient
    return session.post(
        base_url + FORM_URL,
        data={
            **fields,
            "name": f"Patient {number}",
            "email": f"patient{number}@example.org",
            "contact_method": "email",
            "preferred_language": "en",
            "topic": "unsure",
            "consent": "on",
        },
        allow_redirects=False,
        timeout=60,
    )


def assert_static_bad_request_page(response) -> None:
    assert response.status_code == 400
    assert "Bad request" in response.text
    assert "Traceback" not in response.text
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


# rot13 is a codec Python knows but no text encoding: Django decoded the query
# string with it while building the request, before any middleware.
@pytest.mark.parametrize(
    ("charset", "query"), [("utf-16", ""), ("x-bogus", ""), ("rot13", "?treatment=1")]
)
def test_form_post_in_another_charset_gets_the_bad_request_page(site, charset, query):
    session, fields = load_form(site.url)

    response = session.post(
        site.url + FORM_URL + query,
        data="&".join(f"{name}={value}" for name, value in fields.items()),
        headers={
            "Content-Type": f"application/x-www-form-urlencoded; charset={charset}"
        },
        allow_redirects=False,
        timeout=30,
    )

    assert_static_bad_request_page(response)


def test_health_check_with_an_unparsable_accept_header_is_a_bad_request(site):
    response = requests.get(site.url + "/healthz/", headers={"Accept": "/"}, timeout=30)

    assert_static_bad_request_page(response)


def test_parallel_patients_and_the_task_worker_never_lock_the_database(site):
    patients = [load_form(site.url) for _ in range(CONSULTATION_RATE_LIMIT_REQUESTS)]
    time.sleep(CONSULTATION_MIN_FILL_SECONDS)

    with ThreadPoolExecutor(max_workers=len(patients)) as pool:
        responses = list(
            pool.map(send_form, patients, [site.url] * len(patients), range(99))
        )

    assert [response.status_code for response in responses] == [303] * len(patients)
    mails = wait_for_mails(site, len(patients))
    log = site.log.read_text()
    assert "database is locked" not in log
    assert "Traceback" not in log
    # Readable as files, linking to the address the site really serves on.
    for text in mails:
        assert "From: ROC Ortho <" in text
        assert "Subject: Neue Beratungsanfrage" in text
        assert f"{site.url}/admin/consultation_requests/inspect/" in text


# Django's file backend appends to one file when two mails share a second and
# the backend object's id: count the messages (each ends with a rule of 79
# dashes), not the files.
MAIL_SEPARATOR = "-" * 79 + "\n"


def wait_for_mails(site, count: int, timeout: float = 60) -> list[str]:
    """The mails the task worker has written to the mail folder, once ``count``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        mails = written_mails(site.mail_dir)
        if len(mails) >= count:
            return mails
        time.sleep(0.5)
    pytest.fail(f"fewer than {count} mails in {site.mail_dir}: {site.log.read_text()}")


def written_mails(mail_dir) -> list[str]:
    if not mail_dir.exists():
        return []
    texts = (path.read_text() for path in sorted(mail_dir.glob("*.log")))
    # The piece after the last rule is empty or a mail still being written.
    return [mail for text in texts for mail in text.split(MAIL_SEPARATOR)[:-1]]


def test_the_access_log_holds_paths_without_query_strings(site):
    search_term = "rueckenschmerzen-seit-mai"
    response = requests.get(f"{site.url}/de/suche/?q={search_term}", timeout=30)
    assert response.status_code == 200
    time.sleep(1)  # gunicorn writes the line after the response

    log = site.log.read_text()
    assert '"GET /de/suche/ HTTP/1.1" 200' in log
    assert search_term not in log


def test_image_renditions_are_served_and_documents_are_not(site):
    images = site.media_root / "images"
    images.mkdir(parents=True, exist_ok=True)
    PillowImage.new("RGB", (4, 3), "grey").save(images / "grey.width-400.webp")
    documents = site.media_root / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "private.pdf").write_bytes(b"%PDF-1.4")

    image = requests.get(f"{site.url}/media/images/grey.width-400.webp", timeout=30)
    document = requests.get(f"{site.url}/media/documents/private.pdf", timeout=30)

    assert image.status_code == 200
    assert image.headers["Content-Type"] == "image/webp"
    assert image.headers["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in image.headers
    assert document.status_code == 404


def test_waiting_for_the_task_queue_ends_when_the_worker_has_done_it(tmp_path):
    # Saved pages queue their search and reference index updates (the demo's
    # load leaves them queued); make bench waits for the served site's task
    # worker to do them: at 500 treatments they cost a third of the form's rate.
    env = {
        **os.environ,
        **RUN_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    prepare_database(env, demo=True)
    site = ServedSite(
        url="",
        static_root=tmp_path,
        log=tmp_path / "server.log",
        mail_dir=tmp_path,
        media_root=tmp_path,
        env=env,
    )
    site.log.write_text("no task worker runs\n")
    queued = site.pending_tasks()

    with pytest.raises(RuntimeError, match=f"{queued} tasks still queued"):
        site.wait_for_task_queue(seconds=1)
    manage(env, "db_worker", "--batch", "--no-startup-delay", "--no-reload")

    assert queued > 0
    assert site.pending_tasks() == 0
    assert site.wait_for_task_queue(seconds=1) < 1
