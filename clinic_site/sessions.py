"""Staff sessions in the database, as Django keeps them, minus one server error.

A session cookie Django could not have issued (a character outside its key
alphabet, such as a NUL byte, which PostgreSQL refuses in a query) counts as no
session, so the request goes on anonymous instead of ending in a 500.
"""

from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key) -> bool:
        return bool(super()._validate_session_key(key)) and set(key) <= set(
            VALID_KEY_CHARS
        )
