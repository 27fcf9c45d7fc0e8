"""One reader's answer to "Was this page helpful?", with an optional comment.

Nothing in a row points at a person: no address, no cookie, no account, and the
day rather than the time. Comments are masked before they are stored
(``pages.feedback.masking``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500


class PageFeedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="page_feedback",
    )
    language = models.CharField(_("language"), max_length=7)
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    received_on = models.DateField(_("received on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        indexes = [models.Index(fields=["page", "language"])]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.helpful}"

    @property
    def language_name(self) -> str:
        return str(dict(settings.LANGUAGES).get(self.language, self.language))

    @property
    def answer(self) -> str:
        return gettext("Yes") if self.helpful else gettext("No")
