"""Patients for the load scripts: each loads the form, waits, and sends it.

The scripts talk to gunicorn directly and so play the part of the reverse
proxy, as ``clinic_site/deploy/nginx.conf.example`` does it: they set
``X-Forwarded-Proto: https`` and put the patient's address into
``X-Forwarded-For``, the header that production's rate limit trusts from
``TRUSTED_PROXIES`` (by default 127.0.0.1, where these scripts connect from).
Each patient has an address of their own, as on the internet; the limit itself
stays as configured.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests

FORM_PATH = "/de/beratung/"
TIMEOUT = 120


def patient_address(number: int) -> str:
    """A distinct documentation-range address per patient (TEST-NET-2 and -3)."""
    return f"198.{51 + number // 65536}.{number // 256 % 256}.{number % 256}"


def proxy_headers(base_url: str, address: str) -> dict[str, str]:
    """What nginx adds in front of gunicorn, and a browser's Origin."""
    host = urlsplit(base_url).netloc
    return {
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": address,
        "Origin": f"https://{host}",
        "Referer": f"https://{host}{FORM_PATH}",
    }


@dataclass
class LoadedForm:
    """A form as one patient's browser holds it: cookies and hidden tokens."""

    base_url: str
    address: str
    cookies: dict[str, str]
    csrf_token: str
    started_token: str


def load_form(base_url: str, address: str) -> LoadedForm:
    response = requests.get(
        base_url + FORM_PATH,
        headers=proxy_headers(base_url, address),
        timeout=TIMEOUT,
        allow_redirects=False,
    )
    response.raise_for_status()
    html = response.text
    return LoadedForm(
        base_url=base_url,
        address=address,
        # Secure cookies: requests would not send them back over plain HTTP,
        # the proxy's side of TLS; hand them over explicitly.
        cookies=dict(response.cookies),
        csrf_token=re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1],
        started_token=re.search(r'name="form_started" value="([^"]+)"', html)[1],
    )


def send_form(form: LoadedForm, number: int) -> int:
    """Send a complete, valid request for patient ``number``; the status code."""
    data = {
        "csrfmiddlewaretoken": form.csrf_token,
        "form_started": form.started_token,
        "name": f"Lasttest Patient {number}",
        "email": f"patient{number}@example.org",
        "phone": "",
        "contact_method": "email",
        "preferred_language": "de",
        "topic": "unsure",
        "preferred_times": "",
        "message": "Lasttest: bitte ignorieren.",
        "consent": "on",
        "website": "",
    }
    response = requests.post(
        form.base_url + FORM_PATH,
        data=data,
        headers=proxy_headers(form.base_url, form.address),
        cookies=form.cookies,
        timeout=TIMEOUT,
        allow_redirects=False,
    )
    return response.status_code
