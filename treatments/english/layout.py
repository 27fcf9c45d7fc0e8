"""German and English side by side in the treatment page's edit form.

``LanguagePairPanel([FieldPanel("summary")])`` becomes the German and the English
panel of the field: wagtail-modeltranslation expands its children like a
``MultiFieldPanel``'s, as it is listed in
``WAGTAILMODELTRANSLATION_CUSTOM_COMPOSED_PANELS``. The template puts each
language in a column of its own (``static/css/admin-side-by-side.css``) and names
the language; ``static/js/admin-field-language.js`` names it for the fields that
Wagtail's blocks render in the browser.
"""

from django.utils.translation import get_language_info

from wagtail.admin.panels import MultiFieldPanel


def field_language(panel) -> str | None:
    """The language code of a panel's translated field, if it has one."""
    # modeltranslation's TranslationField knows its language.
    return getattr(getattr(panel, "db_field", None), "language", None)


def column(child) -> tuple:
    """A bound child panel with its language's code and name, both empty for a
    field without translations (none is meant to be in a pair): it stays in
    the form, without a language."""
    code = field_language(child.panel) or ""
    return child, code, get_language_info(code)["name_translated"] if code else ""


class LanguagePairPanel(MultiFieldPanel):
    """The German and English version of one field, German first."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        template_name = "treatments/admin/language_pair_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["columns"] = [column(child) for child in self.visible_children]
            return context
