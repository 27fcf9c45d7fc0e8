"""The treatment page's edit form: the English confirmations per part."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

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
