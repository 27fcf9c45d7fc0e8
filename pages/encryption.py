"""Encryption at rest for consultation requests, and the keyed search index.

The fields come from django-fernet-encrypted-fields (Fernet: AES-128-CBC with an
HMAC, key derived from ``SECRET_KEY`` and ``SALT_KEY``). Encrypted columns
cannot be searched in SQL, so the front desk searches a "blind index": a keyed
HMAC of the normalised email address and of each word of the name. Equal inputs
give equal hashes, which is all an exact search needs; without
``CONSULTATION_SEARCH_KEY`` the hashes reveal nothing.
"""

import hashlib
import hmac
import unicodedata

from django.conf import settings
from django.db import models

from encrypted_fields import fields as encrypted

SEARCH_TOKEN_LENGTH = 16  # hex characters kept per name word


class EncryptedFieldFixesMixin:
    """Two adjustments to the package's fields, for this project's use.

    - The package stores an empty value as NULL (so the columns are nullable);
      reading gives "" back, as for any other text field.
    - ``EncryptedFieldMixin.clean`` sets and deletes an attribute on the field,
      which every thread shares: two concurrent form submissions can delete it
      twice and fail. A form value is plain text, and plain text is never a
      valid token for the site's key, so validation can skip that flag.
    """

    def from_db_value(self, value, expression, connection):
        value = super().from_db_value(value, expression, connection)
        return "" if value is None else value

    def clean(self, value, model_instance):
        return super(encrypted.EncryptedFieldMixin, self).clean(value, model_instance)


class EncryptedCharField(EncryptedFieldFixesMixin, encrypted.EncryptedCharField):
    pass


class EncryptedEmailField(EncryptedFieldFixesMixin, encrypted.EncryptedEmailField):
    pass


class EncryptedTextField(EncryptedFieldFixesMixin, encrypted.EncryptedTextField):
    pass


def normalise(value: str) -> str:
    """Case-fold, NFKC-normalise and collapse whitespace ("ANNA  Müller")."""
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


def keyed_hash(value: str) -> str:
    key = settings.CONSULTATION_SEARCH_KEY.encode()
    return hmac.new(key, normalise(value).encode(), hashlib.sha256).hexdigest()


def email_search_hash(email: str) -> str:
    return keyed_hash(email) if email.strip() else ""


def word_search_hashes(text: str) -> list[str]:
    return [keyed_hash(word)[:SEARCH_TOKEN_LENGTH] for word in normalise(text).split()]


def name_search_index(name: str) -> str:
    """Space-delimited word hashes, so that ``contains " <hash> "`` matches a word."""
    hashes = sorted(set(word_search_hashes(name)))
    return f" {' '.join(hashes)} " if hashes else ""


def search_filter(query: str) -> models.Q:
    """Match a whole email address, or every word of the query in the name."""
    if not query.strip():
        return models.Q(pk__in=[])
    condition = models.Q(email_index=email_search_hash(query))
    words = word_search_hashes(query)
    if words:
        name_condition = models.Q()
        for word in words:
            name_condition &= models.Q(name_index__contains=f" {word} ")
        condition |= name_condition
    return condition
