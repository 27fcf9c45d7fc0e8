"""Helpers for the consultation form tests."""

import secrets
import time

from django.core import signing

from pages.consultation.abuse import FORM_STARTED_SALT, FORM_STARTED_VALUE

FORM_URLS = {"de": "/de/beratung/", "en": "/en/consultation/"}
LANDING_URLS = {"de": "/de/beratung/danke/", "en": "/en/consultation/thanks/"}


class BackdatedSigner(signing.TimestampSigner):
    """Signs as if the form had been handed out ``seconds`` ago."""

    def __init__(self, seconds: int, **kwargs):
        self.seconds = seconds
        super().__init__(**kwargs)

    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - self.seconds)


def started_token(seconds_ago: int = 60) -> str:
    signer = BackdatedSigner(seconds_ago, salt=FORM_STARTED_SALT)
    # Each form handed out carries an id of its own; a token is accepted once.
    return signer.sign(f"{FORM_STARTED_VALUE}:{secrets.token_urlsafe(16)}")


def valid_data(**overrides) -> dict:
    """A complete submission a patient could send."""
    data = {
        "name": "Anna Müller",
        "email": "anna.mueller@example.org",
        "phone": "",
        "contact_method": "email",
        "preferred_language": "de",
        "topic": "unsure",
        "preferred_times": "vormittags",
        "message": "Seit drei Monaten Schmerzen im unteren Rücken.",
        "consent": "on",
        "website": "",
        "form_started": started_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
