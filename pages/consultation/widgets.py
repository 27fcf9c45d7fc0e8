"""A select for long option lists, such as the form's topics (every treatment)."""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


def attributes(attrs: dict) -> str:
    """What Django's ``django/forms/widgets/attrs.html`` writes for ``attrs``
    (escaped as the template escapes)."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


class LongSelect(forms.Select):
    """Django's ``Select`` with its options written here, not one template
    include and one option dictionary per option (``Select.optgroups``): the
    same markup and the same choice of the selected option, but a list of 500
    treatments no longer costs more than the rest of the page."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        # The select's own context (attributes, values), without its options.
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]
        name_html = conditional_escape(widget["name"])
        parts = [f'<select name="{name_html}"{attributes(widget["attrs"])}>']
        values, has_selected = widget["value"], False
        for option_value, option_label in self.choices:
            if option_value is None:
                option_value = ""
            if isinstance(option_label, (list, tuple)):
                group_name, options = option_value, option_label
            else:
                group_name, options = None, [(option_value, option_label)]
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for subvalue, label in options:
                selected = not has_selected and str(subvalue) in values
                has_selected |= selected
                parts.append(
                    f'\n  <option value="{conditional_escape(str(subvalue))}"'
                    f"{' selected' if selected else ''}>"
                    f"{conditional_escape(label)}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 (each value escaped above)
