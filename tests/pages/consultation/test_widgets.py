"""The long select writes exactly what Django's own select writes."""

from django import forms

import pytest

from pages.consultation.widgets import LongSelect

CHOICES = [
    ("unsure", "Nicht <sicher>"),
    ("Behandlungen", [("treatment-1", "Knie & Hüfte"), ("treatment-2", "Rücken")]),
    ("Körperregionen", [("region-1", 'Schulter "rechts"')]),
]
# Numbers, an empty choice, an unnamed group and a value offered twice (only
# its first option is selected, as in Django's select).
ODD_CHOICES = [
    (None, "—"),
    ("", [(1, "eins"), (2, "zwei")]),
    ("Doppelt", [(1, "noch einmal eins")]),
]
ATTRS = {"aria-describedby": "id_topic_hint", "required": True, "disabled": False}


@pytest.mark.parametrize(
    ("choices", "value"),
    [
        *((CHOICES, value) for value in ["treatment-2", "unsure", "region-1", None]),
        *((ODD_CHOICES, value) for value in [1, "2", "", None]),
    ],
)
def test_the_markup_is_djangos(choices, value):
    def markup(widget_class):
        widget = widget_class(choices=choices, attrs=ATTRS)
        return widget.render("topic", value, {"id": "id_topic"})

    assert markup(LongSelect) == markup(forms.Select)


def test_labels_and_values_are_escaped():
    html = LongSelect(choices=[("<b>", "<i>")]).render("topic", None)

    assert '<option value="&lt;b&gt;">&lt;i&gt;</option>' in html
