"""The English status panels of the treatment page's edit form."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from .status import PARTS_BY_KEY, EnglishStatus, part_status, part_statuses


class EnglishStatusPanel(Panel):
    """Shows the English status of some parts of the page, the German change
    since the English was confirmed, and a checkbox to confirm it unchanged."""

    def __init__(self, parts: list[str], first: bool = False, **kwargs):
        kwargs.setdefault("heading", _("English status"))
        super().__init__(**kwargs)
        self.parts = parts
        # The first panel shows the confirmations' errors and the file links.
        self.first = first

    def get_form_options(self) -> dict:
        # Claims the confirmation field: its checkboxes are in this panel.
        return {"fields": ["confirm_english"]}

    def clone_kwargs(self) -> dict:
        kwargs = super().clone_kwargs()
        kwargs.update(parts=self.parts, first=self.first)
        return kwargs

    class BoundPanel(Panel.BoundPanel):
        template_name = "treatments/admin/english_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["statuses"] = [
                status
                for key in self.panel.parts
                if (status := part_status(self.instance, PARTS_BY_KEY[key]))
            ]
            context["OUTDATED"] = EnglishStatus.OUTDATED
            if self.panel.first:
                # The top panel also names the other parts that need English
                # (the sections start collapsed) and links the translator's file.
                context["page_pk"] = self.instance.pk
                context["elsewhere"] = [
                    status
                    for status in part_statuses(self.instance)
                    if status.status != EnglishStatus.UP_TO_DATE
                    and status.part.key not in self.panel.parts
                ]
            if self.panel.first and "confirm_english" in self.form.errors:
                context["errors"] = self.form.errors["confirm_english"]
            return context
