"""Forms that confirm English: per part in the edit form, per page on approval."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.forms import TaskStateCommentForm

from .status import PARTS


class TreatmentPageForm(WagtailAdminPageForm):
    """Adds "English checked, no change needed" for each part (the status panels
    render its checkboxes next to their part)."""

    confirm_english = forms.MultipleChoiceField(
        label=_("English checked, no change needed"),
        choices=[(part.key, part.label) for part in PARTS],
        required=False,
    )

    def save(self, commit=True):
        # The instance holds the posted content already; the page records the
        # confirmations with it, so the revision saved next carries them.
        self.instance.record_english(self.cleaned_data.get("confirm_english") or ())
        return super().save(commit)


class MedicalApprovalForm(TaskStateCommentForm):
    """The Medical review's approval: a page whose English is missing or
    outdated is approved only with an explicit confirmation.

    The approval dialog sets ``english_needs_check`` when it showed such a
    status; ``MedicalReviewTask.on_action`` checks the page itself as well.
    """

    english_needs_check = forms.BooleanField(required=False, widget=forms.HiddenInput)
    english_checked = forms.BooleanField(
        label=_("Approve although the English is missing or outdated"),
        required=False,
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("english_needs_check") and not cleaned_data.get(
            "english_checked"
        ):
            self.add_error(
                "english_checked",
                _(
                    "The English of this page is missing or outdated. Confirm "
                    "that you approve it as it is."
                ),
            )
        return cleaned_data
