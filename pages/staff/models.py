"""The one-time link an administrator issues for a first two-factor enrolment."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LINK_LIFETIME = timedelta(hours=24)


def hash_token(token: str) -> str:
    """The stored form of a link's token: a leak of the table opens nothing."""
    return hashlib.sha256(token.encode()).hexdigest()


class EnrolmentLinkQuerySet(models.QuerySet):
    def unexpired(self) -> "EnrolmentLinkQuerySet":
        return self.filter(created_at__gt=timezone.now() - LINK_LIFETIME)


class EnrolmentLink(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolment_links",
        verbose_name=_("user"),
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    objects = EnrolmentLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("two-factor enrolment link")
        verbose_name_plural = _("two-factor enrolment links")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def issue(cls, user, created_by) -> tuple["EnrolmentLink", str]:
        """A new link for ``user`` and its token, which is shown once and not kept.

        Links issued earlier and not yet opened stop working.
        """
        cls.objects.filter(user=user, used_at__isnull=True).delete()
        token = secrets.token_urlsafe(32)
        link = cls.objects.create(
            user=user, token_hash=hash_token(token), created_by=created_by
        )
        return link, token

    @property
    def expires_at(self):
        return self.created_at + LINK_LIFETIME
