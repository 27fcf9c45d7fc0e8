"""A select for long option lists, such as the form's topics (every treatment)."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


def attributes(attrs: dict) -> SafeString:
    """What Django's ``django/forms/widgets/attrs.html`` writes for ``attrs``."""
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html(" {}", name)
                if value is True
                else format_html(' {}="{}"', name, str(value)),
            )
            for name, value in attrs.items()
            if value is not False
        ),
    )


class LongSelect(forms.Select):
    """Django's ``Select`` with its options written here instead of one template
    include per option: the same markup, but a list of 500 treatments no longer
    costs more than the rest of the page."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [
            format_html(
                '<select name="{}"{}>', widget["name"], attributes(widget["attrs"])
            )
        ]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    str(option["value"]),
                    attributes(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 (each part escaped above)
