"""A select for long option lists, such as the form's topics (every treatment)."""

import pickle
import zlib
from collections.abc import Iterator

from django import forms
from django.utils.choices import BaseChoiceIterator
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


class RenderedOptions(BaseChoiceIterator):
    """Choices with their ``<option>`` markup written once, in the order and
    with the escaping of Django's select template.

    A form that keeps them (``ConsultationRequestForm.topic_choices``, between
    publishes) renders 500 options as one string, with ``selected`` put in
    the first option whose value is chosen. Iterates as the choices.
    """

    def __init__(self, choices):
        self.choices = list(choices)
        self.markup = "".join(self.markup_parts())

    def markup_parts(self) -> Iterator[str]:
        for option_value, option_label in self.choices:
            if option_value is None:
                option_value = ""
            if isinstance(option_label, (list, tuple)):
                group_name, options = option_value, option_label
            else:
                group_name, options = None, [(option_value, option_label)]
            if group_name:
                yield f'\n  <optgroup label="{conditional_escape(group_name)}">'
            for value, label in options:
                yield f"{option_tag(str(value))}{conditional_escape(label)}</option>\n"
            if group_name:
                yield "\n  </optgroup>"

    def selected_at(self, value: str) -> int:
        """Where ``selected`` goes in the first option of ``value``; -1 if none.
        Values are escaped, so a label can never look like an option."""
        tag = option_tag(value)
        at = self.markup.find(tag)
        return at + len(tag) - 1 if at >= 0 else -1

    def offers(self, value: str) -> bool:
        return self.selected_at(value) >= 0

    def render(self, values: list[str]) -> str:
        """The options with the first one whose value is in ``values`` selected."""
        found = [at for at in map(self.selected_at, values) if at >= 0]
        if not found:
            return self.markup
        at = min(found)
        return f"{self.markup[:at]} selected{self.markup[at:]}"

    def __iter__(self):
        return iter(self.choices)

    # Kept compressed: the database cache (``make run``) reads, decodes and
    # unpickles every byte on each request, and 500 options shrink to an eighth.
    def __getstate__(self) -> bytes:
        return zlib.compress(pickle.dumps((self.choices, self.markup)))

    def __setstate__(self, state: bytes) -> None:
        # Only ever from the site's own cache, as every cached value.
        self.choices, self.markup = pickle.loads(zlib.decompress(state))  # noqa: S301


def option_tag(value: str) -> str:
    """The start of an option as Django's template writes it, up to its ``>``."""
    return f'\n  <option value="{conditional_escape(value)}">'


class LongSelect(forms.Select):
    """Django's ``Select`` with its options written here, not one template
    include and one option dictionary per option (``Select.optgroups``): the
    same markup and the same choice of the selected option. Given
    ``RenderedOptions`` kept between renders, a list of 500 treatments costs
    no more than a short one."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        # The select's own context (attributes, values), without its options.
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]
        options = self.choices
        if not isinstance(options, RenderedOptions):
            options = RenderedOptions(options)
        return mark_safe(  # noqa: S308 (each value escaped in RenderedOptions)
            f'<select name="{conditional_escape(widget["name"])}"'
            f"{attributes(widget['attrs'])}>"
            f"{options.render(widget['value'])}\n</select>"
        )
