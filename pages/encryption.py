"""Encryption at rest for consultation requests, and the keyed search index.

The fields come from django-fernet-encrypted-fields (Fernet: AES-128-CBC with an
HMAC). Their keys are ``FIELD_ENCRYPTION_KEYS``, newest first (MultiFernet:
new values use the first, every key decrypts), not the package's key derived
from ``SECRET_KEY``: changing ``SECRET_KEY`` must not touch patient data.
Encrypted columns cannot be searched in SQL, so the front desk searches a
"blind index": a keyed HMAC of the normalised email address and of each word of
the name. Equal inputs give equal hashes, which is all an exact search needs;
without ``CONSULTATION_SEARCH_KEY`` the hashes reveal nothing.

A stored value none of the keys decrypts is read as ``Undecryptable`` (its text
says so, in the reader's language), never as its ciphertext; writing one back,
or building a search hash from it, raises ``UndecryptableError``.
"""

import hashlib
import hmac
import unicodedata

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from encrypted_fields import fields as encrypted

SEARCH_TOKEN_LENGTH = 16  # hex characters kept per name word
UNDECRYPTABLE_MESSAGE = _("cannot be decrypted with the configured keys")


class UndecryptableError(ValueError):
    """A value that failed to decrypt was about to be stored or indexed."""


class Undecryptable(str):
    """Stands in for a stored value that no configured key decrypts."""

    def __new__(cls, text: str | None = None):
        return super().__new__(cls, gettext(UNDECRYPTABLE_MESSAGE))


def field_fernet() -> MultiFernet:
    """``FIELD_ENCRYPTION_KEYS`` as one MultiFernet (read on every use, so
    that a changed setting applies at once)."""
    return MultiFernet([Fernet(key) for key in settings.FIELD_ENCRYPTION_KEYS])


def decrypt_token(token: str | None) -> str | None:
    """The plain text of a stored token, ``Undecryptable`` if no key fits."""
    if token is None:
        return None
    try:
        return field_fernet().decrypt(token.encode()).decode()
    except (InvalidToken, UnicodeError):
        return Undecryptable()


def refuse_undecryptable(value: object) -> None:
    if isinstance(value, Undecryptable):
        raise UndecryptableError(
            "A value that cannot be decrypted with the configured keys must not "
            "be written back."
        )


class EncryptedFieldFixesMixin:
    """Adjustments to the package's fields, for this project's use.

    - The keys are ``FIELD_ENCRYPTION_KEYS`` (``field_fernet``).
    - The package returns the ciphertext when decryption fails; here that is
      an ``Undecryptable``, which cannot be saved.
    - The package stores an empty value as NULL (so the columns are nullable);
      reading gives "" back, as for any other text field.
    - ``EncryptedFieldMixin.clean`` sets and deletes an attribute on the field,
      which every thread shares: two concurrent form submissions can delete it
      twice and fail. A form value is plain text, and plain text is never a
      valid token for the site's key, so validation can skip that flag.
    """

    @property
    def f(self) -> MultiFernet:
        return field_fernet()

    def get_prep_value(self, value):
        refuse_undecryptable(value)
        return super().get_prep_value(value)

    def from_db_value(self, value, expression, connection):
        value = decrypt_token(value)
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
    refuse_undecryptable(value)
    key = settings.CONSULTATION_SEARCH_KEY.encode()
    return hmac.new(key, normalise(value).encode(), hashlib.sha256).hexdigest()


def email_search_hash(email: str) -> str:
    refuse_undecryptable(email)
    return keyed_hash(email) if email.strip() else ""


def word_search_hashes(text: str) -> list[str]:
    return [keyed_hash(word)[:SEARCH_TOKEN_LENGTH] for word in normalise(text).split()]


def name_search_index(name: str) -> str:
    """Space-delimited word hashes, so that ``contains " <hash> "`` matches a word."""
    refuse_undecryptable(name)
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


class FieldEncryptionCanary(models.Model):
    """One row: a known text under the field keys, tried by the system check.

    The data a changed or missing key would make unreadable is the patients';
    this row shows it first, before anybody reads or saves a request.
    """

    token = models.TextField(editable=False)

    class Meta:
        verbose_name = _("field encryption canary")

    def __str__(self):
        return gettext("Field encryption canary")


def has_undecryptable(instance: models.Model) -> bool:
    """Whether a value of ``instance`` failed to decrypt when it was loaded."""
    return any(
        isinstance(getattr(instance, field.attname), Undecryptable)
        for field in instance._meta.concrete_fields
        if isinstance(field, EncryptedFieldFixesMixin)
    )
