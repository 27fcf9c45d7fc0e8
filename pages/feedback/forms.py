"""The two steps of page feedback: the yes/no answer, then an optional comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pages.feedback.masking import mask_contact_details
from pages.feedback.models import COMMENT_MAX_LENGTH


class HoneypotMixin:
    """A field no person sees (``website``): a bot that fills it is told
    "thank you", and nothing is stored."""

    def is_bot(self) -> bool:
        return bool(self.data.get("website", "").strip())


class VoteForm(HoneypotMixin, forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={"required": _("Choose yes or no.")},
    )


class CommentForm(HoneypotMixin, forms.Form):
    comment = forms.CharField(
        label=_("What can we do better on this page? (optional)"),
        help_text=_(
            "Please do not enter anything about your health and no names or "
            "contact details: comments are read without a reply. Email addresses "
            "and phone numbers are removed."
        ),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _("Please write at most %(limit_value)d characters.")
        },
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        comment = self.fields["comment"]
        # Errors are shown by the page, not by the browser's untranslated bubble;
        # Django's rendering links hint and error to the field.
        comment.widget.attrs.pop("maxlength", None)
        comment.template_name = "includes/form_field.html"

    @property
    def error_summary(self) -> list[dict]:
        """The GOV.UK error summary: the comment's errors, linked to it."""
        return [
            {"message": message, "target": self["comment"].auto_id}
            for message in self.errors.get("comment", [])
        ]

    def clean_comment(self) -> str:
        return mask_contact_details(self.cleaned_data["comment"])
